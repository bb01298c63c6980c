"""Parameter normalisation and validation of resources/ACCIONES_API.md §2.1 (pure functions)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from domain.identifiers import is_poliza
from domain.validators import nif_is_valid
from mocks.clock import parse_date

_EMAIL = r"[^@\s]+@[^@\s]+\.[a-z]{2,}"


def _strip_spaces(value: str) -> str:
    return re.sub(r"\s+", "", value)


def _is_calendar_date(value: str) -> bool:
    try:
        parse_date(value)
    except ValueError:
        return False
    return True


# name -> (normalise, is_valid) applied to the value after trimming the ends.
_RULES: dict[str, tuple[Callable[[str], str], Callable[[str], bool]]] = {
    # domain.identifiers.POLIZA_GRAMMAR: 8 digits, or e.g. POL001-FX-PROVISION, 666023054-53-1
    "poliza": (lambda v: _strip_spaces(v.upper()), is_poliza),
    "num_reembolso": (str.upper, lambda v: re.fullmatch(r"R-\d{7}", v) is not None),
    "num_autorizacion": (str.upper, lambda v: re.fullmatch(r"A-\d{7}", v) is not None),
    "nif": (lambda v: re.sub(r"[\s.\-]", "", v.upper()), nif_is_valid),
    "iban": (
        lambda v: _strip_spaces(v.upper()),
        lambda v: re.fullmatch(r"ES\d{22}", v) is not None,
    ),
    "email": (str.lower, lambda v: re.fullmatch(_EMAIL, v) is not None),
    "usuario": (
        lambda v: v.lower().removeprefix("vitalia\\"),
        lambda v: re.fullmatch(r"[a-z]{2,}\.[a-z]{2,}", v) is not None,
    ),
    "producto": (
        lambda v: _strip_spaces(v.lower()),
        lambda v: v in {"office", "visio", "project", "powerbi"},
    ),
    "buzon_compartido": (str.lower, lambda v: re.fullmatch(_EMAIL, v) is not None),
    "fecha_nacimiento": (
        lambda v: v,
        lambda v: re.fullmatch(r"\d{2}/\d{2}/\d{4}", v) is not None and _is_calendar_date(v),
    ),
    "periodo": (lambda v: v, lambda v: re.fullmatch(r"(0[1-9]|1[0-2])/\d{4}", v) is not None),
    "ejercicio": (lambda v: v, lambda v: re.fullmatch(r"\d{4}", v) is not None),
}

KNOWN_PARAMS = frozenset(_RULES)


def normalize(name: str, raw: Any) -> str | None:
    """The normalised value of parameter ``name``, or ``None`` if missing or not valid.

    Integers are accepted as their digits (``"ejercicio": 2025``); any other non-string is
    invalid.
    """
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, int):
        raw = str(raw)
    if not isinstance(raw, str):
        return None
    normalise, is_valid = _RULES[name]
    value = normalise(raw.strip())
    return value if value and is_valid(value) else None
