"""Pure routing functions: state in, next node name out. They raise on impossible states."""

from __future__ import annotations

from typing import Literal

from graph.state import IncidentState


def after_load(state: IncidentState) -> Literal["analyze_attachments", "escalate"]:
    return "escalate" if state.get("decision") else "analyze_attachments"


def after_reformulate(state: IncidentState) -> Literal["retrieve", "escalate"]:
    # An incident that tries to instruct the engine is never acted on automatically.
    return "escalate" if state.get("suspected_injection") else "retrieve"


def after_propose(state: IncidentState) -> Literal["critique", "escalate"]:
    if state.get("current") is not None:
        return "critique"
    if not state.get("decision"):
        raise ValueError("propose left neither a candidate nor a decision")
    return "escalate"


def after_critique(
    state: IncidentState, max_retries: int
) -> Literal["apply", "propose", "escalate"]:
    critiques = state.get("critiques", [])
    if not critiques:
        raise ValueError("critique produced no record")
    if critiques[-1]["approved"]:
        return "apply"
    retries_used = state.get("attempts", 0) - 1
    remaining = [
        c for c in state.get("candidates", []) if c["kb_id"] not in set(state.get("rejected", []))
    ]
    if retries_used < max_retries and remaining:
        return "propose"
    return "escalate"


def after_apply(state: IncidentState) -> Literal["record", "escalate"]:
    decision = state.get("decision")
    if not decision:
        raise ValueError("apply produced no decision")
    return "escalate" if decision.get("outcome") == "escalated" else "record"
