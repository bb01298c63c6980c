"""Identifiers found in an incident by deterministic rules — never invented by a model.

Every extractor returns normalised, validated values in order of appearance, de-duplicated.
An action may only use a value found here; when a required identifier is missing or ambiguous
(two different policy numbers), the engine asks the requester instead of guessing.
"""

from __future__ import annotations

import re
from datetime import date

from domain.text import fold
from domain.validators import iban_is_valid, nif_is_valid  # importable from here too

MONTHS = {
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}
PRODUCTS = {
    "office": "office",
    "visio": "visio",
    "project": "project",
    "power bi": "powerbi",
    "powerbi": "powerbi",
}

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_POLIZA = re.compile(r"(?<![\w/.-])(\d{8})(?![\w/-])")
_REEMBOLSO = re.compile(r"\bR[- ]?(\d{7})\b", re.IGNORECASE)
_AUTORIZACION = re.compile(r"\bA[- ]?(\d{7})\b", re.IGNORECASE)
# The letter may follow directly or after "-"; after a space only in upper case, so that
# "póliza 30114872 y ..." is a policy number and not a NIF.
_NIF = re.compile(
    r"\b(\d{8})(?:-?([A-Za-z])| ([A-Z]))\b|\b([XYZxyz])[ -]?(\d{7})(?:-?([A-Za-z])| ([A-Z]))\b"
)
_IBAN = re.compile(r"\bES\s?\d{2}(?:\s?\d{4}){5}\b", re.IGNORECASE)
_USER_HINT = re.compile(
    r"(?:usuari[oa]|login|cuenta|vitalia\\)\s*(?:es|:|de red|corporativ[oa])?\s*:?\s*"
    r"(?:vitalia\\)?([a-z]{2,}\.[a-z]{2,})\b",
    re.IGNORECASE,
)
_LOGIN = re.compile(r"^[a-z]{2,}\.[a-z]{2,}$")
_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_PERIOD = re.compile(r"\b(0?[1-9]|1[0-2])/(\d{4})\b")
_YEAR = re.compile(r"\b(20\d{2})\b")


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def extract(
    text: str, *, requester: str = "", reference_date: date | None = None
) -> dict[str, list[str]]:
    """All identifiers of ``text``; ``requester`` is the login of who opened the incident."""
    emails = _unique([e.lower() for e in _EMAIL.findall(text)])
    without_emails = _EMAIL.sub(" ", text)
    nifs = []
    for m in _NIF.finditer(without_emails):
        if m.group(1):
            value = m.group(1) + (m.group(2) or m.group(3))
        else:
            value = m.group(4) + m.group(5) + (m.group(6) or m.group(7))
        value = value.upper()
        if nif_is_valid(value):
            nifs.append(value)
    nif_numbers = {n[:8] for n in nifs}
    ibans = [re.sub(r"\s", "", m.group(0)).upper() for m in _IBAN.finditer(without_emails)]
    without_ibans = _IBAN.sub(" ", without_emails)
    polizas = [p for p in _POLIZA.findall(without_ibans) if p not in nif_numbers]
    folded = fold(without_emails)
    users = [u.lower() for u in _USER_HINT.findall(without_emails)]
    if not users and _LOGIN.match(requester.lower()):
        users = [requester.lower()]
    products = [PRODUCTS[p] for p in PRODUCTS if re.search(rf"\b{p}\b", folded)]
    return {
        "poliza": _unique(polizas),
        "num_reembolso": _unique([f"R-{d}" for d in _REEMBOLSO.findall(without_emails)]),
        "num_autorizacion": _unique([f"A-{d}" for d in _AUTORIZACION.findall(without_emails)]),
        "nif": _unique(nifs),
        "iban": _unique([i for i in ibans if iban_is_valid(i)]),
        "email": emails,
        "buzon_compartido": emails,
        "usuario": _unique(users),
        "producto": _unique(products),
        "fecha_nacimiento": _unique(_dates(without_emails)),
        "periodo": _unique(_periods(without_emails, folded, reference_date)),
        "ejercicio": _unique(_years(folded)),
    }


def _dates(text: str) -> list[str]:
    found = []
    for d, m, y in _DATE.findall(text):
        try:
            found.append(date(int(y), int(m), int(d)).strftime("%d/%m/%Y"))
        except ValueError:
            continue
    return found


def _periods(text: str, folded: str, reference: date | None) -> list[str]:
    text_wo_dates = _DATE.sub(" ", text)
    found = [f"{int(m):02d}/{y}" for m, y in _PERIOD.findall(text_wo_dates)]
    for name, number in MONTHS.items():
        for match in re.finditer(rf"\b{name}(?:\s+(?:de|del)\s+(\d{{4}}))?\b", folded):
            year = match.group(1)
            if year is None and reference is not None:
                year = str(reference.year if number <= reference.month else reference.year - 1)
            if year:
                found.append(f"{number:02d}/{year}")
    return found


def _years(folded: str) -> list[str]:
    if not re.search(r"renta|hacienda|ejercicio|fiscal|certificado|irpf", folded):
        return []
    return _YEAR.findall(_DATE.sub(" ", folded))
