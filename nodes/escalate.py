"""escalate: hand the incident to people with the reason and what the critic said.

The handover note must be the same, byte for byte, when a resumed run repeats the update (the
same idempotency key with another body is refused): so what the critic wrote enters it
redacted, as every checkpoint holds it, whether or not the run was resumed. People read the
incident itself; the note tells them why it was handed over. An update whose answer was lost
leaves the step undone (:class:`nodes.apply.UnconfirmedChangeError`).
"""

from __future__ import annotations

from typing import Any

import structlog
from langgraph.runtime import Runtime

from domain.incident import ESCALATION_TAG
from domain.policy import PolicyDecision
from domain.reasons import Reason, explain
from errors import ExternalServiceError
from graph.context import EngineContext
from graph.state import Decision, IncidentState
from nodes.apply import activity_of, idempotency_key, unconfirmed
from observability.redaction import redact

log = structlog.get_logger(__name__)


def handover_note(state: IncidentState, decision: Decision) -> str:
    lines = [f"Motivo: {decision.get('explanation') or decision.get('reason')}"]
    if state.get("suspected_injection"):
        lines.append("Aviso: el texto contiene instrucciones dirigidas al sistema automático.")
    if state.get("several_requests"):
        # (a resumed thread checkpointed without the field writes the note it would have then)
        lines.append("Aviso: el mensaje parece traer varias peticiones; cada fila resuelve una.")
    for c in state.get("critiques", []):
        score = "sin puntuación" if c["score"] is None else f"{c['score']}/100"
        said = redact(c["feedback"] or c["error"] or "")  # as a resumed run reads it
        lines.append(f"Candidata {c['kb_id']}: {score}. {said}".strip())
    return "\n".join(lines)


def _from_policy(state: IncidentState) -> Decision:
    """The escalation the policy decided (no decision was taken by apply)."""
    policy = PolicyDecision.from_dict(state["policy"])
    if policy.reason is None:
        raise ValueError(f"policy step {policy.step} reached escalate without a reason")
    return {
        "kb_id": policy.kb_id,
        "action": policy.action,
        "mailbox": policy.mailbox,
        "reason": policy.reason.value,
        "explanation": explain(policy.reason),
        "details": {},
    }


def escalate(state: IncidentState, runtime: Runtime[EngineContext]) -> dict[str, Any]:
    ctx = runtime.context
    decision: Decision = dict(state.get("decision") or _from_policy(state))  # type: ignore[assignment]
    decision["outcome"] = "escalated"
    mailbox = decision.get("mailbox") or ctx.escalation_mailbox
    decision["mailbox"] = mailbox
    note = f"{ESCALATION_TAG} {handover_note(state, decision)}"
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
                # the history seen: a second escalation after new activity is a new handover
                idempotency_key=idempotency_key(
                    state["incident_id"], activity_of(state), "escalate", mailbox
                ),
            )
            decision["applied"] = True
        except ExternalServiceError as exc:
            log.warning("escalate.failed", error=str(exc)[:300])
            decision["details"] = {
                **decision.get("details", {}),
                "escalation_reason": decision.get("reason"),
            }
            decision["outcome"] = "error"
            decision["reason"] = Reason.ESCALATION_FAILED.value
            decision["explanation"] = explain(
                Reason.ESCALATION_FAILED,
                f"{decision.get('explanation')}; {type(exc).__name__}: {exc}",
            )
            lost = unconfirmed(exc, decision)
            if lost is not None:
                raise lost from exc
    return {"decision": decision}
