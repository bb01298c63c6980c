"""NIF/NIE and IBAN check digits (domain.validators): the one copy of these rules."""

from __future__ import annotations

import pytest

from domain.validators import iban_checksum_ok, iban_is_valid, nif_is_valid, nif_letter


@pytest.mark.parametrize("nif", ["12345678Z", "00000000T", "X1234567L", "Y1234567X", "Z1234567R"])
def test_valid_nif_and_nie(nif: str) -> None:
    assert nif_is_valid(nif)


@pytest.mark.parametrize(
    "nif",
    [
        "12345678A",
        "X1234567A",
        "1234567Z",
        "123456789Z",
        "A1234567L",
        "12345678z",
        "12345678-Z",
        "",
    ],
)
def test_invalid_nif_and_nie(nif: str) -> None:
    assert not nif_is_valid(nif)


def test_nif_letter_is_what_generators_append() -> None:
    assert nif_letter(12345678) == "Z"
    assert nif_letter(11234567) == "X"  # Y1234567 reads as 1 1234567
    assert all(nif_is_valid(f"{n:08d}{nif_letter(n)}") for n in range(0, 10**8, 9_999_991))


def test_iban() -> None:
    assert iban_is_valid("ES9121000418450200051332")
    assert not iban_is_valid("ES0021000418450200051332")  # check digits
    assert not iban_is_valid("ES91 2100 0418 4502 0005 1332")  # not normalised
    assert not iban_is_valid("DE89370400440532013000")  # right checksum, not Spanish
    assert iban_checksum_ok("DE89370400440532013000")
    assert not iban_checksum_ok("ES00 2100") and not iban_checksum_ok("")
