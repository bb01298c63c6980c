"""apply: execute the approved row's RESOLUCION AUTOMÁTICA through the adapters.

* ``cierre`` / ``reasignacion`` / ``en espera``: one update of the incident, with the row's
  solution text verbatim, tagged so a later run knows the engine acted;
* ``manual``: a person must do it — escalate to the row's mailbox;
* ``api|<action>``: only allow-listed actions, parameters only from identifiers found in the
  incident; a missing/ambiguous one puts the incident on hold asking the requester. The target
  system's answer is itself a resolution, applied the same way.

Every side effect carries an idempotency key derived from the incident and the decision, so a
resumed run that repeats a step changes nothing twice.
"""

from __future__ import annotations

import hashlib
from typing import Any

import structlog
from langgraph.runtime import Runtime

from adapters.incident_manager import IncidentAction
from errors import ExternalServiceError
from graph.context import EngineContext
from graph.state import Decision, IncidentState
from domain.actions import ALLOWED_ACTIONS, ask_for, choose_params

log = structlog.get_logger(__name__)

_INCIDENT_ACTION: dict[str, tuple[IncidentAction, str]] = {
    "cierre": ("resolver", "resolved"),
    "reasignacion": ("reasignar", "reassigned"),
    "en espera": ("en_espera", "on_hold"),
}


def idempotency_key(incident_id: str, *parts: str) -> str:
    return hashlib.sha256("|".join([incident_id, *parts]).encode("utf-8")).hexdigest()[:32]


def update_incident(
    ctx: EngineContext,
    incident_id: str,
    *,
    resolution: str,
    text: str,
    mailbox: str | None,
    decision: Decision,
) -> Decision:
    """Apply a plain resolution (cierre, reasignacion, en espera) to the incident."""
    action, outcome = _INCIDENT_ACTION[resolution]
    # Asking for data is not a solution: the retry after the requester answers is allowed.
    asking = str(decision.get("reason", "")).startswith("falta_identificador")
    note = f"{ctx.pending_tag if asking else ctx.tag} {text}".strip()
    result: Decision = {**decision, "outcome": outcome, "message": text, "applied": False}  # type: ignore[typeddict-item]
    if resolution == "reasignacion":
        result["mailbox"] = mailbox
    if ctx.dry_run:
        return result
    ctx.incidents.update(
        incident_id,
        action,
        buzon_destino=mailbox if resolution == "reasignacion" else None,
        notas_resolucion=note,
        detalle=note,
        codigo_resolucion=decision.get("kb_id") or None,
        autor="resolvia",
        idempotency_key=idempotency_key(incident_id, resolution, decision.get("kb_id") or "", text),
    )
    result["applied"] = True
    return result


def apply(state: IncidentState, runtime: Runtime[EngineContext]) -> dict[str, Any]:
    ctx = runtime.context
    candidate = state["current"]
    assert candidate is not None, "routing sends only an approved candidate to apply"
    row = candidate["row"]
    resolution = str(row["resolucion_automatica"])
    base: Decision = {"kb_id": candidate["kb_id"], "action": resolution, "details": {}}
    incident_id = state["incident_id"]
    try:
        if resolution in _INCIDENT_ACTION:
            mailbox = str(row.get("buzon_reasignacion") or "") or None
            base["reason"] = "solución de la base de conocimiento aprobada por el revisor"
            text = str(row["solucion"])
            decision = update_incident(
                ctx, incident_id, resolution=resolution, text=text, mailbox=mailbox, decision=base
            )
        elif resolution == "manual":
            decision = {
                **base,
                "outcome": "escalated",
                "mailbox": row.get("buzon_reasignacion"),
                "reason": "manual: la base de conocimiento indica resolución por una persona",
            }
        else:
            decision = _apply_api(ctx, state, resolution.removeprefix("api|"), base)
    except ExternalServiceError as exc:
        log.warning("apply.failed", error=str(exc)[:300])
        decision = {**base, "outcome": "error", "applied": False,
                    "reason": f"error al aplicar: {type(exc).__name__}: {exc}"}  # fmt: skip
    return {"decision": decision}


def _apply_api(ctx: EngineContext, state: IncidentState, code: str, base: Decision) -> Decision:
    spec = ALLOWED_ACTIONS.get(code)
    if spec is None:
        return {
            **base,
            "outcome": "escalated",
            "reason": f"accion_no_permitida: {code} no está en la lista de acciones permitidas",
        }
    choice = choose_params(spec, state.get("identifiers", {}))
    base["details"] = {"params": choice.values, "missing": list(choice.missing),
                       "ambiguous": list(choice.ambiguous)}  # fmt: skip
    if not choice.complete:
        base["reason"] = "falta_identificador: se solicita al usuario el dato que falta"
        return update_incident(
            ctx, state["incident_id"], resolution="en espera", text=ask_for(choice),
            mailbox=None, decision=base,
        )  # fmt: skip
    poliza = choice.values.get("poliza", "")
    params = {k: v for k, v in choice.values.items() if k != "poliza"}
    answer = ctx.target.comprobacion(poliza, code, params)
    base["details"]["system_answer"] = answer.model_dump(by_alias=True)
    base["reason"] = f"acción {code} del sistema destino: {answer.resolucion_automatica}"
    if answer.resolucion_automatica == "manual":
        return {**base, "outcome": "escalated", "mailbox": answer.buzon_reasignacion or None,
                "message": answer.solucion}  # fmt: skip
    return update_incident(
        ctx,
        state["incident_id"],
        resolution=answer.resolucion_automatica,
        text=answer.solucion,
        mailbox=answer.buzon_reasignacion or None,
        decision=base,
    )
