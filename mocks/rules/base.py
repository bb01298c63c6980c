"""Types shared by the action rules: the answer, the inputs of a rule and an action's spec."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

Resultado = Literal["cierre", "reasignacion", "en espera", "manual"]


@dataclass(frozen=True)
class Resolution:
    """A follow-up resolution, as the target system answers it."""

    resultado: Resultado
    buzon: str
    solucion: str

    def as_response(self) -> dict[str, str]:
        return {
            "RESOLUCION AUTOMÁTICA": self.resultado,
            "BUZON REASIGNACION": self.buzon,
            "SOLUCIÓN": self.solucion,
        }


def cierre(text: str) -> Resolution:
    return Resolution("cierre", "", text)


def en_espera(text: str) -> Resolution:
    return Resolution("en espera", "", text)


def reasignacion(buzon: str, text: str) -> Resolution:
    return Resolution("reasignacion", buzon, text)


def manual(buzon: str, text: str) -> Resolution:
    return Resolution("manual", buzon, text)


@dataclass(frozen=True)
class RuleContext:
    """What a rule may look at: normalised parameters, the policy record (empty for corporate
    actions) and the injected ``hoy``."""

    params: Mapping[str, str]
    policy: Mapping[str, Any]
    today: dt.date

    @property
    def poliza(self) -> str:
        return self.params.get("poliza", "")


Rule = Callable[[RuleContext], Resolution]


@dataclass(frozen=True)
class ActionSpec:
    """One ``api|<code>`` action: its parameters (checked in this order), scope and buzon."""

    code: str
    params: tuple[str, ...]
    default_buzon: str
    rule: Rule
    uses_policy: bool = True
