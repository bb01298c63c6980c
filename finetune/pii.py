"""A second opinion on personal data, for text that already went through the redaction.

:func:`observability.redaction.redact` replaces what it recognises; a dataset must also catch
what it does not (an e-mail written «nombre (arroba) dominio.com», a NIF spaced «12 345 678 Z»,
a phone split with slashes). :func:`residual_pii` looks for those spellings with looser
patterns than the redaction's, so that a record still holding something that looks personal is
dropped rather than shipped. It is deliberately biased towards false positives: a dropped
training example costs little, a leaked identifier does not. The redaction's placeholders
(``[NIF]``, ``[EMAIL]``...) never match.
"""

from __future__ import annotations

import re

from domain.validators import iban_checksum_ok, luhn_ok

_SEP = r"[ .\-/]"
_EMAIL = re.compile(
    r"[\w.+-]+(?:[@＠]|\s*\(\s*(?:at|arroba)\s*\)\s*|\s*\[\s*(?:at|arroba)\s*\]\s*|\s(?:at|arroba)\s)"
    r"[\w-]+(?:\s*(?:\.|\(\s*(?:dot|punto)\s*\)|\[\s*(?:dot|punto)\s*\]|\s(?:dot|punto)\s)\s*"
    r"[\w-]+)*\s*(?:\.|\(\s*(?:dot|punto)\s*\)|\[\s*(?:dot|punto)\s*\]|\s(?:dot|punto)\s)\s*"
    r"(?:com|es|org|net|eu|cat|info|io|gob|edu)\b",
    re.IGNORECASE,
)
# 8 digits in any grouping then a check letter: upper case after an optional separator, or lower
# case written against the digits ("12345678z"; "... 30114872 y ..." is a policy and a word).
_NIF = re.compile(r"(?<![\w-])\d{2}" + _SEP + r"?\d{3}" + _SEP + r"?\d{3}(?:[ -]?[A-Z]|[a-z])\b")
_NIE = re.compile(r"\b[XYZxyz]" + _SEP + r"?\d(?:" + _SEP + r"?\d){6}[ -]?[A-Za-z]\b")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:" + _SEP + r"?[A-Z0-9]){11,30}\b", re.IGNORECASE)
_IBAN_ES = re.compile(r"\bES\s*\d{2}(?:" + _SEP + r"*\d){20}", re.IGNORECASE)
_DIGIT_RUN = re.compile(r"(?<![\w-])\d(?:" + _SEP + r"?\d){12,18}(?![\w-])")
_PHONE = re.compile(
    r"(?<![\w+\-])(?:(?:\+|00)\s?34" + _SEP + r"?)?\(?[6-9]\d{2}\)?(?:" + _SEP + r"?\d){6}"
    r"(?![\w-]|,\d| ?€)"
)


def residual_pii(text: str) -> list[str]:
    """The kinds of personal data still found in ``text`` (empty: nothing found)."""
    found = []
    if _EMAIL.search(text):
        found.append("email")
    if _NIF.search(text):
        found.append("nif")
    if _NIE.search(text):
        found.append("nie")
    if _IBAN_ES.search(text) or any(
        iban_checksum_ok(re.sub(r"\W", "", m.group(0)).upper()) for m in _IBAN.finditer(text)
    ):
        found.append("iban")
    if any(luhn_ok(re.sub(r"\D", "", m.group(0))) for m in _DIGIT_RUN.finditer(text)):
        found.append("tarjeta")
    if _PHONE.search(text):
        found.append("telefono")
    return found
