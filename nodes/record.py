"""record: the incident's one outcome, into the outcome store, run report and rejection log."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from domain.policy import confidence
from graph.context import EngineContext
from graph.state import IncidentState
from nodes.propose import evidence_of


def outcome_entry(state: IncidentState) -> dict[str, Any]:
    decision = state.get("decision") or {}
    return {
        "incident_id": state["incident_id"],
        "outcome": decision.get("outcome", "error"),
        "kb_id": decision.get("kb_id"),
        "action": decision.get("action"),
        "mailbox": decision.get("mailbox"),
        "reason": decision.get("reason"),
        "explanation": decision.get("explanation"),
        # the policy's last step (act, ask, handover, escalate): what the evaluation replays
        "policy_step": (state.get("policy") or {}).get("step"),
        "message": decision.get("message"),
        "applied": decision.get("applied", False),
        "details": decision.get("details", {}),
        "candidates": [
            {
                "kb_id": c["kb_id"],
                "score": c["score"],
                "action": c["row"].get("resolucion_automatica"),
                "mailbox": c["row"].get("buzon_reasignacion") or None,
                "channel_ranks": c.get("channel_ranks", {}),
                "channel_scores": c.get("channel_scores", {}),
                "phrasings": c.get("phrasings", 1),
            }
            for c in state.get("candidates", [])
        ],
        "queries": state.get("queries", 1),
        "critiques": state.get("critiques", []),
        "already_tried": state.get("already_tried", False),
        "suspected_injection": state.get("suspected_injection", False),
        "several_requests": state.get("several_requests", False),
        "model_flagged_injection": state.get("model_flagged_injection", False),
        "identifiers": state.get("identifiers", {}),
        "attachments": [
            {
                "name": a["name"],
                "error": a["error"],
                "chars": len(a["text"]),
                # VISION_MODEL: the description's length, or why there is none
                "description_chars": len(a.get("description", "")),
                "vision_error": a.get("vision_error"),
            }
            for a in state.get("attachments", [])
        ],
        # a model call failed: the decision lacked evidence (escalations stay escalations, but
        # the run reports them as degraded)
        "degraded": bool(state.get("model_errors")),
        "model_errors": state.get("model_errors", []),
        "llm_calls": state.get("llm_calls", 0),
        "llm_tokens": state.get("llm_tokens", 0),
    }


def record(state: IncidentState, runtime: Runtime[EngineContext]) -> dict[str, Any]:
    ctx = runtime.context
    if ctx.recorder is not None:
        entry = outcome_entry(state)
        entry["critiques"] = settled_critiques(state, ctx)
        ctx.recorder.record(entry, dry_run=ctx.dry_run)
    return {}


PENDING = "confianza pendiente de comparar con las demás candidatas"


def settled_critiques(state: IncidentState, ctx: EngineContext) -> list[dict[str, Any]]:
    """The critiques as a person reads them in the report and the rejection log: a candidate
    judged before the rows it is compared with (a confidence model fitted with ``--compare``
    above 1) had no confidence in its own record; it gets the one it ended with."""
    evidence = evidence_of(state)
    settled: list[dict[str, Any]] = []
    for critique in state.get("critiques", []):
        entry = dict(critique)
        if entry.get("confidence") is None and entry.get("score") is not None:
            value = confidence(evidence, str(entry["kb_id"]), ctx.policy)
            if value is not None:
                entry["confidence"] = value
                entry["feedback"] = str(entry.get("feedback") or "").replace(
                    PENDING, f"confianza {value} % comparada con las demás candidatas"
                )
        settled.append(entry)
    return settled
