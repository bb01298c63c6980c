"""Text helpers of resources/ACCIONES_API.md §2: amounts, masks, dates and fixed wordings."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from mocks.clock import format_date, parse_date

CENT = Decimal("0.01")

ESTADO_TXT = {
    "ACTIVA": "activa",
    "SUSPENDIDA": "suspendida",
    "IMPAGO": "en impago",
    "BAJA": "de baja",
}
ESTADO_REEMBOLSO_TXT = {
    "PENDIENTE": "pendiente",
    "EN_REVISION": "en revisión",
    "PAGADO": "pagado",
    "RECHAZADO": "rechazado",
}
MOTIVO_TXT = {
    "FACTURA_ILEGIBLE": "la factura aportada no es legible",
    "FALTA_INFORME_MEDICO": "falta el informe o la prescripción médica",
    "FUERA_DE_PLAZO": "la solicitud se presentó fuera del plazo de 180 días",
    "PRESTACION_NO_CUBIERTA": "la prestación no está cubierta por su modalidad",
    "CARENCIA": "la prestación estaba en periodo de carencia",
}
MOTIVO_DESCONOCIDO = "no consta el motivo"
DOCUMENTO = {
    "FACTURA_ILEGIBLE": "una copia legible de la factura",
    "FALTA_INFORME_MEDICO": "el informe o la prescripción médica",
}


def amount(value: Any) -> Decimal:
    """A data amount as ``Decimal`` rounded to cents (``None`` counts as 0)."""
    if value is None:
        return Decimal("0.00")
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def money(value: Any) -> str:
    """``1450,00 €``: two decimals, comma, no thousands separator."""
    return f"{amount(value):.2f}".replace(".", ",") + " €"


def date_of(text: Any) -> dt.date:
    """A ``dd/mm/yyyy`` date from the data (``ValueError`` if missing or malformed)."""
    if not isinstance(text, str):
        raise ValueError(f"expected a dd/mm/yyyy date, got {text!r}")
    return parse_date(text)


def days(start: dt.date, end: dt.date) -> int:
    """dias(a, b): calendar days from ``start`` to ``end``."""
    return (end - start).days


def plus_days(text_or_day: str | dt.date, n: int) -> str:
    """fecha + N, printed as ``dd/mm/yyyy``."""
    day = text_or_day if isinstance(text_or_day, dt.date) else date_of(text_or_day)
    return format_date(day + dt.timedelta(days=n))


def email_mask(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"


def tel_mask(phone: str) -> str:
    digits = "".join(c for c in phone if c.isdigit())
    return "******" + digits[-3:]


def iban_mask(iban: str) -> str:
    compact = iban.replace(" ", "")
    return f"{compact[:4]} **** {compact[-4:]}"


def iban_last4(iban: str) -> str:
    return iban.replace(" ", "")[-4:]


def estado_txt(estado: Any) -> str:
    return ESTADO_TXT.get(str(estado), str(estado).lower())


def motivo_txt(motivo: Any) -> str:
    return MOTIVO_TXT.get(str(motivo), MOTIVO_DESCONOCIDO) if motivo else MOTIVO_DESCONOCIDO


def period_key(periodo: str) -> tuple[int, int]:
    """``mm/yyyy`` → (year, month) for chronological sorting."""
    month, _, year = periodo.partition("/")
    return int(year), int(month)
