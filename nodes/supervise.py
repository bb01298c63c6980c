"""supervise: the autonomy of the decided action (``SUPERVISION``) before any side effect.

* ``auto``: on to ``apply``, as without supervision;
* ``nunca``: the engine never does this type of action: escalated with its reason code;
* ``aprobar``: the decision becomes ``pending_approval`` with the proposal a person judges, and
  the thread stops in ``await_approval`` (a dry run stops nowhere: it records the pending
  outcome and goes on).

The mode is written into the state here, before the thread waits, so that a person's decision
is applied under the policy it was asked under, even if the setting changed meanwhile.
"""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from domain.actions import ParamChoice, ask_for
from domain.policy import PolicyDecision, Step
from domain.reasons import Reason
from graph.context import EngineContext
from graph.state import Decision, IncidentState, Supervision
from nodes.apply import with_reason


def action_type(policy: PolicyDecision) -> str:
    """The type the autonomy is looked up for: the row's action, or ``en espera`` when the
    engine would put the incident on hold to ask the requester for a missing identifier."""
    if policy.step is Step.ASK:
        return "en espera"
    if policy.step is not Step.ACT or policy.action is None:
        raise ValueError(f"supervise reached with policy step {policy.step}")
    return policy.action


def proposal_for(state: IncidentState, policy: PolicyDecision, kind: str) -> dict[str, Any]:
    """What a person sees to approve or reject the action (JSON; the interrupt's value)."""
    row = next((c["row"] for c in state.get("candidates", []) if c["kb_id"] == policy.kb_id), {})
    confidence = next(
        (
            c["confidence"]
            for c in reversed(state.get("critiques", []))
            if c["kb_id"] == policy.kb_id
        ),
        None,
    )
    asking = policy.step is Step.ASK
    text = (
        ask_for(ParamChoice(policy.params, policy.missing, policy.ambiguous))
        if asking
        else str(row.get("solucion") or "")
    )
    what = (
        f"poner en espera pidiendo al solicitante {', '.join((*policy.missing, *policy.ambiguous))}"
        if asking
        else f"ejecutar {policy.action}"
        + (f" hacia {policy.mailbox}" if policy.action == "reasignacion" and policy.mailbox else "")
        + (f" (parámetros: {', '.join(sorted(policy.params))})" if policy.params else "")
    )
    sure = "" if confidence is None else f", confianza {confidence}/100"
    return {
        "incident_id": state["incident_id"],
        "kb_id": policy.kb_id,
        "action": policy.action,
        "action_type": kind,
        "mailbox": policy.mailbox if policy.action == "reasignacion" else None,
        "params": {} if asking else dict(policy.params),
        "missing": list(policy.missing),
        "ambiguous": list(policy.ambiguous),
        "description": str(row.get("descripcion") or ""),
        "text": text,
        "confidence": confidence,
        "explanation": f"Propuesta: {what} según la fila {policy.kb_id}{sure}.",
    }


def supervise(state: IncidentState, runtime: Runtime[EngineContext]) -> dict[str, Any]:
    ctx = runtime.context
    policy = PolicyDecision.from_dict(state["policy"])
    kind = action_type(policy)
    mode = ctx.settings.supervision_for(kind)
    supervision: Supervision = {"action_type": kind, "mode": mode, "dry_run": ctx.dry_run}
    if mode == "auto":
        return {"supervision": supervision}
    proposal = proposal_for(state, policy, kind)
    # no mailbox: an escalation goes to the escalation mailbox, not the row's
    base: Decision = {
        "kb_id": policy.kb_id,
        "action": policy.action,
        "applied": False,
        "details": {"params": dict(policy.params), "supervision": mode, "proposal": proposal},
    }
    if mode == "nunca":
        decision = {**with_reason(base, Reason.SUPERVISION_NEVER, kind), "outcome": "escalated"}
    else:
        decision = {
            **with_reason(base, Reason.PENDING_APPROVAL, kind),
            "outcome": "pending_approval",
        }
    return {"supervision": supervision, "decision": decision}
