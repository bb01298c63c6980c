import random

import pytest

from observability.redaction import redact, redact_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mi DNI es 12345678Z, gracias", "Mi DNI es [NIF], gracias"),
        ("DNI 12345678-z", "DNI [NIF]"),
        ("NIE X1234567L del titular", "NIE [NIE] del titular"),
        ("nie y-1234567-b", "nie [NIE]"),
        # A wrong check letter is still personal data (a typo): redaction does not validate.
        ("DNI 12345678A mal escrito", "DNI [NIF] mal escrito"),
        ("IBAN ES00 2100 0418 4502 0005 1332 con errata", "IBAN [IBAN] con errata"),
        ("IBAN ES91 2100 0418 4502 0005 1332 para el abono", "IBAN [IBAN] para el abono"),
        ("cuenta ES9121000418450200051332.", "cuenta [IBAN]."),
        ("IBAN alemán DE89370400440532013000", "IBAN alemán [IBAN]"),
        ("escribe a maria.lopez+rrhh@vitalia.example.com hoy", "escribe a [EMAIL] hoy"),
        ("llámame al 612345678", "llámame al [TELEFONO]"),
        ("móvil 612 34 56 78 o fijo 91 123 45 67", "móvil [TELEFONO] o fijo [TELEFONO]"),
        ("teléfono +34 612 345 678", "teléfono [TELEFONO]"),
        ("tel 0034612345678", "tel [TELEFONO]"),
        ("tarjeta 4111 1111 1111 1111 caducada", "tarjeta [TARJETA] caducada"),
        ("tarjeta 5500-0000-0000-0004", "tarjeta [TARJETA]"),
        # Issue #12: the identifier extractor accepts these spellings, so they must not leak.
        ("iban es91 2100 0418 4502 0005 1332 para el abono", "iban [IBAN] para el abono"),
        ("cuenta ES91-2100-0418-4502-0005-1332", "cuenta [IBAN]"),
        ("cuenta ES91 2100 0418 45 0200051332 (la de siempre)", "cuenta [IBAN] (la de siempre)"),
        ("NIF 12.345.678-Z", "NIF [NIF]"),
        ("dni 12345678 z por favor", "dni [NIF] por favor"),
        ("NIE Z 1234567 R y x1234567l", "NIE [NIE] y [NIE]"),
        ("correo MARIA.LOPEZ@VITALIA.EXAMPLE.COM", "correo [EMAIL]"),
        ("fijo 912 34 56 78, móvil (+34) 612-345-678", "fijo [TELEFONO], móvil [TELEFONO]"),
        ("tarjeta 4111 1111 1111 1111 123 de CVV", "tarjeta [TARJETA] 123 de CVV"),
    ],
)
def test_personal_data_is_redacted(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "La póliza 12345678 y el reembolso R-1234567 siguen pendientes",
        "Incidencia INC000123 abierta el 21/11/2026 a las 10:30",
        "Importe 1.234,56 EUR, versión 2.13.0",
        "Autorización A-7654321 para la póliza 87654321",
        "número 4111 1111 1111 1112 (no pasa Luhn)",  # not a valid card: kept
        "código 123456789012",  # 12 digits: neither phone nor card
        "La póliza 30114872 y el reembolso R-2609113, periodo 10/2026, ejercicio 2025",
        "Según KB-0001 la incidencia INC200001 del 03/11/2026 se cierra",
        "Importe 912.345.678,00 € y 1.234,56 €",
    ],
)
def test_business_identifiers_survive(text: str) -> None:
    assert redact(text) == text


def test_redact_value_walks_nested_structures() -> None:
    data = {"a": ["correo pepe@example.com", ("612345678", 3)], "b": {"nif": "12345678Z"}, "n": 5}
    assert redact_value(data) == {
        "a": ["correo [EMAIL]", ("[TELEFONO]", 3)],
        "b": {"nif": "[NIF]"},
        "n": 5,
    }


def test_hex_ids_are_not_taken_for_ibans() -> None:
    # run ids (12 hex characters) and similar ids tie log lines together: they must survive
    rng = random.Random(7)
    ids = [f"{rng.getrandbits(48):012x}" for _ in range(300)]
    assert [redact(f"run_id={i}") for i in ids] == [f"run_id={i}" for i in ids]
    assert redact("run_id=ce17c91c0c97") == "run_id=ce17c91c0c97"
