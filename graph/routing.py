"""Pure routing functions: state in, next node name out. They raise on impossible states.

Every decision is the policy's (:mod:`domain.policy`); routing only follows it.
"""

from __future__ import annotations

from typing import Literal

from domain.policy import Step
from graph.state import IncidentState


def after_load(state: IncidentState) -> Literal["analyze_attachments", "propose"]:
    # Already handled by the engine: the policy escalates without reading or calling a model.
    return "propose" if state.get("already_tried") else "analyze_attachments"


def after_attachments(state: IncidentState) -> Literal["reformulate", "propose"]:
    # The deterministic check already fired (text or screenshot): no model call at all.
    return "propose" if state.get("suspected_injection") else "reformulate"


def after_reformulate(state: IncidentState) -> Literal["retrieve", "propose"]:
    # An incident that tries to instruct the engine is never searched or shown to the critic.
    return "propose" if state.get("suspected_injection") else "retrieve"


def after_propose(state: IncidentState) -> Literal["critique", "supervise", "escalate"]:
    policy = state.get("policy")
    if not policy:
        raise ValueError("propose left no policy decision")
    step = Step(policy["step"])
    if step is Step.CRITIQUE:
        return "critique"
    if step in (Step.ACT, Step.ASK):
        return "supervise"  # every side effect passes the autonomy setting first
    return "escalate"


def after_supervise(
    state: IncidentState,
) -> Literal["apply", "await_approval", "escalate", "record"]:
    supervision = state.get("supervision")
    if not supervision:
        raise ValueError("supervise left no supervision mode")
    mode = supervision["mode"]
    if mode == "auto":
        return "apply"
    if mode == "nunca":
        return "escalate"
    if mode == "aprobar":
        # a dry run records what a real run would do (wait for a person) and stops nowhere
        return "record" if supervision["dry_run"] else "await_approval"
    raise ValueError(f"unknown supervision mode {mode!r}")


def after_approval(state: IncidentState) -> Literal["apply", "escalate"]:
    approval = state.get("approval")
    if not approval:
        raise ValueError("await_approval left no decision")
    return "apply" if approval["approved"] else "escalate"


def after_apply(state: IncidentState) -> Literal["record", "escalate"]:
    decision = state.get("decision")
    if not decision:
        raise ValueError("apply produced no decision")
    return "escalate" if decision.get("outcome") == "escalated" else "record"
