"""The target system's ``api|<action>`` rules, implemented literally from
resources/ACCIONES_API.md: pre-checks P1–P4, then the first matching rule of the action.

:func:`evaluate` is pure apart from the policy lookup it is given, so the same request on the
same ``today`` always gets the same answer.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import structlog

from mocks.rules import corporate, policies, refunds
from mocks.rules.base import ActionSpec, Resolution, RuleContext, manual
from mocks.rules.params import normalize

log = structlog.get_logger("resolvia.mocks.rules")

_SPECS = (
    ActionSpec("fxprovision", ("num_reembolso",), "N2_REEMBOLSOS", refunds.fxprovision),
    ActionSpec("disconformidad", ("num_reembolso",), "N2_REEMBOLSOS", refunds.disconformidad),
    ActionSpec(
        "recalculoreembolso", ("num_reembolso",), "N2_REEMBOLSOS", refunds.recalculoreembolso
    ),
    ActionSpec(
        "estadoautorizacion",
        ("num_autorizacion",),
        "N2_AUTORIZACIONES",
        policies.estadoautorizacion,
    ),
    ActionSpec("reenviotarjeta", (), "APP_DIGITAL", policies.reenviotarjeta),
    ActionSpec("reactivarpoliza", (), "GESTION_POLIZAS", policies.reactivarpoliza),
    ActionSpec("cambioiban", ("nif", "iban"), "GESTION_POLIZAS", policies.cambioiban),
    ActionSpec(
        "altabeneficiario",
        ("nif", "fecha_nacimiento"),
        "GESTION_POLIZAS",
        policies.altabeneficiario,
    ),
    ActionSpec("duplicadorecibo", ("periodo",), "FACTURACION", policies.duplicadorecibo),
    ActionSpec("certificadofiscal", ("ejercicio",), "FACTURACION", policies.certificadofiscal),
    ActionSpec("reseteoareacliente", ("email",), "APP_DIGITAL", policies.reseteoareacliente),
    ActionSpec(
        "desbloqueousuario", ("usuario",), "SEGURIDAD_ACCESOS", corporate.desbloqueousuario, False
    ),
    ActionSpec(
        "reseteopassword", ("usuario",), "SEGURIDAD_ACCESOS", corporate.reseteopassword, False
    ),
    ActionSpec(
        "licenciaoffice",
        ("usuario", "producto"),
        "MICROINFORMATICA",
        corporate.licenciaoffice,
        False,
    ),
    ActionSpec(
        "buzoncompartido",
        ("usuario", "buzon_compartido"),
        "SISTEMAS_CORREO",
        corporate.buzoncompartido,
        False,
    ),
)

#: Every supported action, by code (without the ``api|`` prefix).
ACTIONS: dict[str, ActionSpec] = {spec.code: spec for spec in _SPECS}

PolicyLookup = Callable[[str], Mapping[str, Any] | None]


@dataclass(frozen=True)
class Evaluation:
    """The answer, and why the request was invalid when P2/P3 fired (HTTP 422)."""

    resolution: Resolution
    invalid: str | None = None


def action_code(cod_solucion: str) -> str:
    """``API|FxProvision`` → ``fxprovision``."""
    code = cod_solucion.strip().lower()
    return code.removeprefix("api|").strip()


def _parse_params(str_json: str) -> dict[str, Any] | None:
    if not str_json.strip():  # actions without parameters are often sent with ""
        return {}
    try:
        value = json.loads(str_json)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def evaluate(
    poliza: str, cod_solucion: str, str_json: str, *, today: dt.date, find_policy: PolicyLookup
) -> Evaluation:
    """Run P1–P4 and the action's rules for one ``comprobacionPoliza`` request."""
    spec = ACTIONS.get(action_code(cod_solucion))
    if spec is None:  # P1
        return Evaluation(
            manual(
                "",
                f"Acción automática desconocida: {cod_solucion.strip()}. "
                "Revise la incidencia manualmente.",
            )
        )
    raw = _parse_params(str_json)
    if raw is None:  # P2
        return Evaluation(
            manual(
                spec.default_buzon,
                "Los parámetros de la acción no son un JSON válido. "
                "Revise la incidencia manualmente.",
            ),
            invalid=f"strJson is not a JSON object (action {spec.code})",
        )
    names = (("poliza",) if spec.uses_policy else ()) + spec.params
    if spec.uses_policy and poliza.strip():
        raw["poliza"] = poliza  # the top-level field wins over one inside strJson
    params: dict[str, str] = {}
    for name in names:  # P3, in the order of the action's table
        value = normalize(name, raw.get(name))
        if value is None:
            return Evaluation(
                manual(
                    spec.default_buzon,
                    f"Falta el parámetro {name} o no tiene un formato válido. "
                    "Solicítelo al usuario antes de repetir la acción.",
                ),
                invalid=f"parameter {name!r} is missing or not valid for action {spec.code}",
            )
        params[name] = value
    policy: Mapping[str, Any] = {}
    if spec.uses_policy:
        found = find_policy(params["poliza"])
        if found is None:  # P4
            return Evaluation(
                manual(
                    spec.default_buzon,
                    f"La póliza {params['poliza']} no existe en el sistema de gestión. "
                    "Compruebe el número con el solicitante.",
                )
            )
        policy = found
    try:
        return Evaluation(spec.rule(RuleContext(params, policy, today)))
    except (KeyError, TypeError, ValueError) as exc:
        # A policy record the rules cannot read: an explicit answer, never a guess.
        log.warning(
            "mock.rule_data_error", action=spec.code, poliza=params.get("poliza"), error=repr(exc)
        )
        subject = f"de la póliza {params['poliza']}" if spec.uses_policy else "de la solicitud"
        return Evaluation(
            manual(
                spec.default_buzon,
                f"Los datos {subject} no permiten aplicar la acción {spec.code} automáticamente. "
                "Revise la incidencia manualmente.",
            )
        )
