"""escalate: hand the incident to people with the reason and what the critic said."""

from __future__ import annotations

from typing import Any

import structlog
from langgraph.runtime import Runtime

from errors import ExternalServiceError
from graph.context import EngineContext
from graph.state import Decision, IncidentState
from nodes.apply import idempotency_key

log = structlog.get_logger(__name__)


def handover_note(state: IncidentState, decision: Decision) -> str:
    lines = [f"Motivo: {decision.get('reason', 'sin motivo')}"]
    if state.get("suspected_injection"):
        lines.append("Aviso: el texto contiene instrucciones dirigidas al sistema automático.")
    for c in state.get("critiques", []):
        score = "sin puntuación" if c["score"] is None else f"{c['score']}/100"
        lines.append(
            f"Candidata {c['kb_id']}: {score}. {c['feedback'] or c['error'] or ''}".strip()
        )
    return "\n".join(lines)


def escalate(state: IncidentState, runtime: Runtime[EngineContext]) -> dict[str, Any]:
    ctx = runtime.context
    decision: Decision = dict(state.get("decision") or {})  # type: ignore[assignment]
    if state.get("suspected_injection") and not decision.get("reason"):
        decision["reason"] = "posible_inyeccion: el texto intenta dar instrucciones al sistema"
    decision.setdefault("reason", "no se encontró una solución aprobada")
    decision["outcome"] = "escalated"
    mailbox = decision.get("mailbox") or ctx.escalation_mailbox
    decision["mailbox"] = mailbox
    note = f"{ctx.escalation_tag} {handover_note(state, decision)}"
    decision["applied"] = False
    if not ctx.dry_run:
        try:
            ctx.incidents.update(
                state["incident_id"],
                "reasignar",
                buzon_destino=mailbox,
                notas_resolucion=note,
                detalle=note,
                autor="resolvia",
                idempotency_key=idempotency_key(state["incident_id"], "escalate", mailbox),
            )
            decision["applied"] = True
        except ExternalServiceError as exc:
            log.warning("escalate.failed", error=str(exc)[:300])
            decision["outcome"] = "error"
            decision["reason"] += f" (y no se pudo reasignar: {type(exc).__name__}: {exc})"
    return {"decision": decision}
