"""The graph state: ids, evidence and decisions only — never clients or connections.

Every field is JSON-serialisable so the SQLite checkpointer can store it and a resumed run
continues from exactly what was decided. Fields that accumulate (critiques, call and token
counters) declare their reducer: a node returns only what it adds.
"""

from __future__ import annotations

import operator
from typing import Annotated, Any, Literal, NotRequired, TypedDict

Outcome = Literal[
    "resolved", "reassigned", "on_hold", "escalated", "error", "skipped", "pending_approval"
]
#: autonomy of one action type (``Settings.SUPERVISION``)
SupervisionMode = Literal["auto", "aprobar", "nunca"]


class AttachmentText(TypedDict):
    name: str
    sha256: str | None
    text: str
    error: str | None
    #: the vision model's description (VISION_MODEL); "" when off or when it failed
    description: NotRequired[str]
    #: why there is no description although VISION_MODEL is set (the OCR text stands alone)
    vision_error: NotRequired[str | None]


class Candidate(TypedDict, total=False):
    kb_id: str
    #: fused retrieval score
    score: float
    row: dict[str, Any]
    #: rank for the incident's own text in each channel alone (``dense``, ``sparse``)
    channel_ranks: dict[str, int]
    #: the same queries' scores (dense cosine, sparse dot product)
    channel_scores: dict[str, float]
    #: how many of the search phrasings found it
    phrasings: int


class CritiqueRecord(TypedDict):
    kb_id: str
    #: the critic's own score, 100 x P(«sí») (or its written score in CRITIC_MODE=puntuacion)
    score: int | None
    #: 100 x P(the row is right) from the confidence model; the critic's score without one
    confidence: int | None
    #: the policy's verdict on the confidence (for people; the policy decides from ``score``)
    approved: bool
    feedback: str
    error: str | None
    #: how much likelier the model finds the row after the incident (:mod:`graph.row_likelihood`);
    #: None or absent = not measured
    row_pmi: NotRequired[float | None]


class Decision(TypedDict, total=False):
    """The incident's final outcome (what was done), after the policy and the side effects."""

    outcome: Outcome
    #: a :class:`domain.reasons.Reason` value
    reason: str
    #: the same reason in words, for people
    explanation: str
    kb_id: str | None
    action: str | None
    mailbox: str | None
    message: str | None
    applied: bool
    details: dict[str, Any]


class Supervision(TypedDict):
    """The autonomy the decided action had when it was decided (kept, so a thread waiting for a
    person is not changed by a later change of the setting)."""

    #: the action type looked up: the row's action, or ``en espera`` when asking the requester
    action_type: str
    mode: SupervisionMode
    #: decided in a dry run: nothing waits, the outcome says what a real run would do
    dry_run: bool


class Approval(TypedDict, total=False):
    """A person's answer to an action that waited (:mod:`adapters.approvals`)."""

    approval_id: int
    approved: bool
    user: str
    decided_at: str
    note: str | None
    #: names of the parameters the person changed (the values are in ``policy``)
    edited: list[str]


class IncidentState(TypedDict, total=False):
    """State of one incident through the graph."""

    incident_id: str
    #: the incident as the incident manager served it (normalised field names, §5)
    incident: dict[str, Any]
    #: the history carries the engine's tag: it acted on this incident before
    already_tried: bool
    #: :func:`domain.activity.activity_marker` of the incident as served, taken before anything
    #: is redacted: the side effects' idempotency keys are built from it, so a resumed run
    #: derives the same keys as the run that died
    activity: str
    #: text the engine reasons on: title, description, history details, screenshot text
    text: str
    attachments: list[AttachmentText]
    #: identifiers found by regex in the incident and its screenshots (never by the model)
    identifiers: dict[str, list[str]]
    suspected_injection: bool
    #: the requester's text reads as several requests (a feature of the confidence model)
    several_requests: bool
    #: the reformulation model said the text tries to give it instructions (recorded; it only
    #: escalates with LLM_INJECTION_FLAG_ESCALATES)
    model_flagged_injection: bool
    reformulation: dict[str, Any] | None
    candidates: list[Candidate]
    #: how many phrasings the search used (the incident's text and the reformulation's)
    queries: int
    critiques: Annotated[list[CritiqueRecord], operator.add]
    #: the policy's latest step (:meth:`domain.policy.PolicyDecision.as_dict`)
    policy: dict[str, Any]
    decision: Decision
    supervision: Supervision
    approval: Approval
    llm_calls: Annotated[int, operator.add]
    llm_tokens: Annotated[int, operator.add]
    #: model calls that failed (timeout, provider down, unusable answer): the decision was
    #: taken without that evidence, so the outcome is marked degraded
    model_errors: Annotated[list[str], operator.add]
