"""Check digits of Spanish personal identifiers and IBANs: the one copy of these rules.

Used by the engine's identifier extraction, the mock target system's parameter checks and the
data generators under ``tools/``. Inputs are expected already normalised (upper case,
no spaces or separators); normalising is the caller's business because each caller accepts
different spellings.
"""

from __future__ import annotations

import re

#: Check letter of a NIF/NIE: ``NIF_LETTERS[number % 23]``.
NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
#: A NIE's leading letter stands for this digit in front of its seven digits.
NIE_PREFIXES = "XYZ"

_NIF = re.compile(r"\d{8}[A-Z]")
_NIE = re.compile(r"[XYZ]\d{7}[A-Z]")
_SPANISH_IBAN = re.compile(r"ES\d{22}")


def nif_letter(number: int) -> str:
    """The check letter of a NIF number (for a NIE, of the number with X/Y/Z as 0/1/2)."""
    return NIF_LETTERS[number % 23]


def nif_is_valid(nif: str) -> bool:
    """NIF (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter) with the right check letter."""
    if _NIF.fullmatch(nif):
        number = nif[:8]
    elif _NIE.fullmatch(nif):
        number = str(NIE_PREFIXES.index(nif[0])) + nif[1:8]
    else:
        return False
    return nif_letter(int(number)) == nif[-1]


def iban_checksum_ok(iban: str) -> bool:
    """ISO 13616: first four characters to the end, letters to 10..35, the number mod 97 is 1."""
    if not iban.isascii() or not iban.isalnum() or len(iban) < 5:
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def iban_is_valid(iban: str) -> bool:
    """A Spanish IBAN (``ES`` + 22 digits) whose check digits are right."""
    return _SPANISH_IBAN.fullmatch(iban) is not None and iban_checksum_ok(iban)


def luhn_ok(digits: str) -> bool:
    """The Luhn check of payment-card numbers (digits only)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0
