"""Personal-data redaction for logs, LLM-history exports and fine-tuning datasets.

Replaces Spanish NIF/NIE, IBANs, e-mail addresses, phone numbers and payment-card numbers with
placeholders such as ``[NIF]``. Biased towards redacting: a false positive costs a few characters
of log, a false negative leaks personal data. Policy numbers (8 digits), incident codes
(``INC000123``) and dates are deliberately left alone: the engine needs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# IBAN: country code, 2 check digits, 11-30 alphanumerics, optionally grouped by 4.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?\b")
_CARD = re.compile(r"(?<![\w-])(?:\d[ -]?){12,18}\d(?![\w-])")
# The control letter may follow directly, after a dash, or after a space when upper-case
# (so that "póliza 12345678 y ..." keeps its policy number).
_NIE = re.compile(r"\b[XYZxyz][ -]?\d{7}(?:-?[A-Za-z]| [A-Z])\b")
_NIF = re.compile(r"\b\d{8}(?:-?[A-Za-z]| [A-Z])\b")
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)\d{2,3}[ .-]?)?(?:\(?\d\)?[ .-]?){8,11}\d(?!\w)")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def _card(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    return "[TARJETA]" if 13 <= len(digits) <= 19 and _luhn_ok(digits) else match.group(0)


def _phone(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = re.sub(r"\D", "", text)
    international = text.startswith(("+", "00"))
    if international and 9 <= len(digits) <= 15:
        return "[TELEFONO]"
    if not international and len(digits) == 9 and digits[0] in "6789":
        return "[TELEFONO]"
    return text


_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (_EMAIL, "[EMAIL]"),
    (_IBAN, "[IBAN]"),
    (_CARD, _card),
    (_NIE, "[NIE]"),
    (_NIF, "[NIF]"),
    (_PHONE, _phone),
)


def redact(text: str) -> str:
    """Return ``text`` with personal data replaced by placeholders."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def redact_value(value: Any) -> Any:
    """Redact strings anywhere inside dicts, lists and tuples."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: redact_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(redact_value(v) for v in value)
    return value
