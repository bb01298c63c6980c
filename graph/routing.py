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


def after_propose(state: IncidentState) -> Literal["critique", "apply", "escalate"]:
    policy = state.get("policy")
    if not policy:
        raise ValueError("propose left no policy decision")
    step = Step(policy["step"])
    if step is Step.CRITIQUE:
        return "critique"
    if step in (Step.ACT, Step.ASK):
        return "apply"
    return "escalate"


def after_apply(state: IncidentState) -> Literal["record", "escalate"]:
    decision = state.get("decision")
    if not decision:
        raise ValueError("apply produced no decision")
    return "escalate" if decision.get("outcome") == "escalated" else "record"
