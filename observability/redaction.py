"""Personal-data redaction for logs, LLM-history exports and fine-tuning datasets.

Replaces Spanish NIF/NIE, IBANs, e-mail addresses, phone numbers and payment-card numbers with
placeholders such as ``[NIF]``. Biased towards redacting: a false positive costs a few characters
of log, a false negative leaks personal data. Check letters and IBAN check digits are therefore
not validated (a typo is still somebody's data). Policy numbers (8 digits), refund and
authorisation numbers (``R-2609113``, ``A-1234567``), incident codes (``INC000123``),
knowledge-base ids, dates, periods and amounts are deliberately left alone: the engine needs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from typing import Any

from domain.validators import iban_checksum_ok, luhn_ok

# The password of a URL's credentials (postgresql://user:password@host/db): the user stays.
_URL_PASSWORD = re.compile(r"(?<=://)([^/@\s:]+):[^/\s]*@")
_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# A Spanish IBAN is 22 digits after "ES", written in groups of 4, as the old account code
# (4-4-2-10), or in one piece: any single space or dash between two digits is accepted.
_IBAN_ES = re.compile(r"\bES[ -]?\d{2}(?:[ -]?\d){20}(?!\d)", re.IGNORECASE)
# Other IBANs: country code, 2 check digits, then alphanumeric groups of 4. Only the first group
# (a bank code such as "NWBK") may be all letters, so that the words after an IBAN written in
# lower case ("... 1332 para el abono") are not swallowed as one more group.
_IBAN = re.compile(
    r"\b[A-Z]{2}\d{2}[ -]?[A-Z0-9]{4}"
    r"(?:[ -]?(?=[A-Z]{0,3}\d)[A-Z0-9]{4}){1,6}"
    r"(?:[ -]?(?=[A-Z]{0,3}\d)[A-Z0-9]{1,3})?\b",
    re.IGNORECASE,
)
# Groups of 4 with one consistent separator, American Express 4-6-5, or 13-19 digits in a row;
# the Luhn check (in _card) tells a card from any other long number.
_CARD = re.compile(
    r"(?<![\w-])"
    r"(?:\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?|\d{4}([ -]?)\d{6}\2\d{5}|\d{13,19})"
    r"(?![\w-])"
)
# After a space, a lower-case a/e/y is the Spanish word "a", "e" or "y", never a check letter:
# "póliza 30114872 y ..." keeps its policy number. Upper case, or a dash, or nothing in between
# is a check letter in any case.
_LETTER = r"(?:-?[A-Za-z]| [A-Z]| [bcdfghjklmnpqrstvwxz])"
# The X/Y/Z prefix marks a NIE even when the check letter is left out. A lower-case "y" before a
# space is the conjunction ("reembolsos R-2609113 y 2609114"), so only "y-" or "y1..." counts.
_NIE = re.compile(r"\b(?:[XYZ][ -]?|[xyz]-?)\d{7}" + _LETTER + r"?\b")
_NIF = re.compile(r"\b(?:\d{8}|\d{2}\.\d{3}\.\d{3})" + _LETTER + r"\b")
# Spanish numbers: 9 digits from 6 to 9, in any grouping (3-3-3, 3-2-2-2, 2-3-2-2, none), with an
# optional +34 / 0034 / (+34) in front; other countries only with their international prefix.
# A comma and a digit after, or a euro sign, make it an amount ("912.345.678,00 €").
_PHONE = re.compile(
    # not a group of a hyphenated number (the original policy numbers: 666023054-53-1)
    r"(?<![\w+])(?<!\d-)"
    r"(?:(?:\(?(?:\+|00) ?34\)?[ .-]?)?[6-9]\d(?:[ .-]?\d){7}"
    r"|\(?(?:\+|00)\d{1,3}\)?(?:[ .-]?\d){6,12})"
    r"(?!\w|,\d|-\d| ?€)"
)


def _foreign_iban(match: re.Match[str]) -> str:
    """An IBAN is 15-34 characters. Written in capitals it is redacted as it is (a mistyped one
    is still personal data); in lower case only when its check digits are right, so that ids
    such as the run id ``ce17c91c0c97`` or a hash are not taken for one."""
    text = match.group(0)
    compact = re.sub(r"[ -]", "", text)
    if len(compact) < 15:
        return text
    if compact[:2].isupper() or iban_checksum_ok(compact.upper()):
        return "[IBAN]"
    return text


def _card(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = re.sub(r"\D", "", text)
    if luhn_ok(digits):
        return "[TARJETA]"
    separator = match.group(1)
    if separator is not None and len(digits) > 16 and luhn_ok(digits[:16]):
        # 4x4 digits and a short group after them: the short group is a CVV or a reference,
        # not the end of a 19-digit card.
        return "[TARJETA]" + text[16 + 3 * len(separator) :]
    return text


_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (_URL_PASSWORD, r"\1:***@"),  # before e-mail addresses: "pass@host.example.com"
    (_EMAIL, "[EMAIL]"),
    (_IBAN_ES, "[IBAN]"),
    (_IBAN, _foreign_iban),
    (_CARD, _card),
    (_NIE, "[NIE]"),
    (_NIF, "[NIF]"),
    (_PHONE, "[TELEFONO]"),
)


def redact(text: str) -> str:
    """Return ``text`` with personal data replaced by placeholders."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def redact_value(value: Any) -> Any:
    """Redact strings anywhere inside dicts, lists and tuples (named tuples included); any
    other value is returned as it is. Enum members are codes, never personal data: they keep
    their type."""
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: redact_value(v) for k, v in value.items()}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple
        return type(value)(*(redact_value(v) for v in value))
    if isinstance(value, list | tuple):
        return type(value)(redact_value(v) for v in value)
    return value
