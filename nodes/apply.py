"""apply: carry out the policy's ACT or ASK decision through the adapters.

* ``cierre`` / ``reasignacion`` / ``en espera``: one update of the incident, with the row's
  solution text verbatim, tagged so a later run knows the engine acted;
* ``api|<action>`` (allow-listed by the policy): the target system is called with the
  parameters the policy took from the incident's identifiers; its answer is itself a
  resolution, applied the same way;
* ASK: the incident is put on hold with a message asking the requester for what is missing.

Supervised mode (``SUPERVISION``) is decided before this node (:mod:`nodes.supervise`): an
action that needs a person's approval reaches it only once approved, with the parameters the
person approved (:mod:`nodes.await_approval`).

Every side effect carries an idempotency key derived from the incident, the decision and the
history the decision was taken on (the state's ``activity``, taken by ``load_incident`` before
anything was redacted), so a resumed run that repeats a step changes nothing twice, while a new
decision after new activity on the incident (the requester answered, a person sent it back) is
applied as the new decision it is.

An update whose answer was lost (5xx, timeout, a garbled reply: the change may have been made)
raises :class:`UnconfirmedChangeError`: the step is not done, its thread stays checkpointed
before it, and the next run repeats the same request, which the incident manager answers once.
"""

from __future__ import annotations

import hashlib
from typing import Any

import structlog
from langgraph.runtime import Runtime

from adapters.incident_manager import IncidentAction
from domain.actions import ParamChoice, ask_for
from domain.activity import activity_marker
from domain.incident import ENGINE_TAG, PENDING_TAG
from domain.policy import PolicyDecision, Step
from domain.reasons import Reason, explain
from errors import ExternalServiceError, ResolviaError, ServiceErrorKind
from graph.context import EngineContext
from graph.state import Decision, IncidentState

log = structlog.get_logger(__name__)

_INCIDENT_ACTION: dict[str, tuple[IncidentAction, str]] = {
    "cierre": ("resolver", "resolved"),
    "reasignacion": ("reasignar", "reassigned"),
    "en espera": ("en_espera", "on_hold"),
}


#: failures after which a change may or may not have been made (the request may have reached
#: the service): a refusal (4xx) or a conflict changed nothing, a lost answer is unknown
UNCONFIRMED_KINDS = frozenset({ServiceErrorKind.UNAVAILABLE, ServiceErrorKind.UNEXPECTED_RESPONSE})


class UnconfirmedChangeError(ResolviaError):
    """The incident manager may have made a change whose answer was lost: the step that sent
    it is not done (the runner records ``decision``, the error outcome, and keeps the thread,
    so the next run repeats the request under the same idempotency key)."""

    def __init__(self, message: str, decision: Decision | None = None) -> None:
        super().__init__(message)
        self.decision: Decision = decision or {}


def unconfirmed(exc: ExternalServiceError, decision: Decision) -> UnconfirmedChangeError | None:
    """The error to raise when ``exc`` leaves a change of the incident manager unconfirmed."""
    if exc.service != "incident_manager" or exc.kind not in UNCONFIRMED_KINDS:
        return None
    return UnconfirmedChangeError(str(exc), decision)


def activity_of(state: IncidentState) -> str:
    """The history the decision was taken on (``load_incident``); a thread checkpointed by an
    older version has none, and its incident is hashed as it is."""
    return state.get("activity") or activity_marker(state["incident"])


def idempotency_key(incident_id: str, *parts: str) -> str:
    """Key of one side effect: the incident, then what identifies the decision (include the
    :func:`activity_of` the state it was taken on)."""
    return hashlib.sha256("|".join([incident_id, *parts]).encode("utf-8")).hexdigest()[:32]


def with_reason(decision: Decision, reason: Reason, detail: str = "") -> Decision:
    return {**decision, "reason": reason.value, "explanation": explain(reason, detail)}


def update_incident(
    ctx: EngineContext,
    incident_id: str,
    *,
    resolution: str,
    text: str,
    mailbox: str | None,
    decision: Decision,
    activity: str,
) -> Decision:
    """Apply a plain resolution (cierre, reasignacion, en espera) to the incident; ``activity``
    is :func:`activity_of` the state the decision was taken on."""
    action, outcome = _INCIDENT_ACTION[resolution]
    # Asking for data is not a solution: the retry after the requester answers is allowed.
    asking = decision.get("reason") == Reason.MISSING_IDENTIFIER.value
    note = f"{PENDING_TAG if asking else ENGINE_TAG} {text}".strip()
    result: Decision = {**decision, "message": text, "applied": False}
    result["outcome"] = outcome  # type: ignore[typeddict-item]
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
        idempotency_key=idempotency_key(
            incident_id, activity, resolution, decision.get("kb_id") or "", text
        ),
    )
    result["applied"] = True
    return result


def apply(state: IncidentState, runtime: Runtime[EngineContext]) -> dict[str, Any]:
    ctx = runtime.context
    policy = PolicyDecision.from_dict(state["policy"])
    if policy.step not in (Step.ACT, Step.ASK) or policy.kb_id is None or policy.action is None:
        raise ValueError(f"apply reached with policy step {policy.step} for {policy.kb_id}")
    row = next(c["row"] for c in state.get("candidates", []) if c["kb_id"] == policy.kb_id)
    base: Decision = {"kb_id": policy.kb_id, "action": policy.action, "details": {}}
    incident_id = state["incident_id"]
    activity = activity_of(state)
    try:
        if policy.step is Step.ASK:
            choice = ParamChoice(policy.params, policy.missing, policy.ambiguous)
            base["details"] = {
                "params": policy.params,
                "missing": list(policy.missing),
                "ambiguous": list(policy.ambiguous),
            }
            decision = update_incident(
                ctx,
                incident_id,
                resolution="en espera",
                text=ask_for(choice),
                mailbox=None,
                decision=with_reason(base, Reason.MISSING_IDENTIFIER),
                activity=activity,
            )
        elif policy.action in _INCIDENT_ACTION:
            decision = update_incident(
                ctx,
                incident_id,
                resolution=policy.action,
                text=str(row["solucion"]),
                mailbox=policy.mailbox,
                decision=with_reason(base, Reason.APPROVED),
                activity=activity,
            )
        else:
            decision = _call_target(ctx, incident_id, policy, base, activity)
    except ExternalServiceError as exc:
        log.warning("apply.failed", error=str(exc)[:300])
        failed = with_reason(base, Reason.APPLY_FAILED, f"{type(exc).__name__}: {exc}")
        decision = {**failed, "outcome": "error", "applied": False}
        lost = unconfirmed(exc, decision)
        if lost is not None:
            raise lost from exc
    if state.get("approval"):  # supervised mode: who approved it, and when
        decision["details"] = {**decision.get("details", {}), "approval": state["approval"]}
    return {"decision": decision}


def _call_target(
    ctx: EngineContext, incident_id: str, policy: PolicyDecision, base: Decision, activity: str
) -> Decision:
    """An allow-listed action: the target system answers with the resolution to apply."""
    code = (policy.action or "").removeprefix("api|")
    poliza = policy.params.get("poliza", "")
    params = {k: v for k, v in policy.params.items() if k != "poliza"}
    base["details"] = {"params": policy.params, "missing": [], "ambiguous": []}
    answer = ctx.target.comprobacion(poliza, code, params)
    base["details"]["system_answer"] = answer.model_dump(by_alias=True)
    if answer.resolucion_automatica == "manual":
        manual = with_reason(base, Reason.SYSTEM_MANUAL, code)
        return {
            **manual,
            "outcome": "escalated",
            "mailbox": answer.buzon_reasignacion or None,
            "message": answer.solucion,
        }
    return update_incident(
        ctx,
        incident_id,
        resolution=answer.resolucion_automatica,
        text=answer.solucion,
        mailbox=answer.buzon_reasignacion or None,
        decision=with_reason(base, Reason.SYSTEM_ANSWER, f"{code}: {answer.resolucion_automatica}"),
        activity=activity,
    )
