"""The graph state: ids, evidence and decisions only — never clients or connections.

Every field is JSON-serialisable so the SQLite checkpointer can store it and a resumed run
continues from exactly what was decided.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

Outcome = Literal["resolved", "reassigned", "on_hold", "escalated", "error", "skipped"]


class AttachmentText(TypedDict):
    name: str
    sha256: str | None
    text: str
    error: str | None


class Candidate(TypedDict):
    kb_id: str
    score: float
    row: dict[str, Any]


class CritiqueRecord(TypedDict):
    kb_id: str
    score: int | None
    approved: bool
    feedback: str
    error: str | None


class Decision(TypedDict, total=False):
    outcome: Outcome
    reason: str
    kb_id: str | None
    action: str | None
    mailbox: str | None
    message: str | None
    applied: bool
    details: dict[str, Any]


class IncidentState(TypedDict, total=False):
    """State of one incident through the graph."""

    incident_id: str
    #: the incident as the incident manager served it (normalised field names, §5)
    incident: dict[str, Any]
    #: text the engine reasons on: title, description, history details
    text: str
    attachments: list[AttachmentText]
    #: identifiers found by regex in the incident and its screenshots (never by the model)
    identifiers: dict[str, list[str]]
    suspected_injection: bool
    #: the reformulation model said the text tries to give it instructions (recorded; it only
    #: escalates with LLM_INJECTION_FLAG_ESCALATES)
    model_flagged_injection: bool
    reformulation: dict[str, Any] | None
    candidates: list[Candidate]
    rejected: list[str]
    current: Candidate | None
    critiques: list[CritiqueRecord]
    attempts: int
    decision: Decision
    llm_calls: int
    llm_tokens: int
