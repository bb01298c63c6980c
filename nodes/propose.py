"""propose: ask the decision policy for the next step. The model never writes the solution:
a taken row is applied verbatim, referenced by its id."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from domain.confidence import RetrievalSignals
from domain.policy import CandidateEvidence, Evidence, decide
from graph.context import EngineContext
from graph.state import IncidentState


def evidence_of(state: IncidentState) -> Evidence:
    """The policy's evidence from the graph state."""
    return Evidence(
        candidates=[
            CandidateEvidence(
                c["kb_id"],
                str(c["row"].get("resolucion_automatica", "")),
                c["row"].get("buzon_reasignacion") or None,
                RetrievalSignals(
                    c["score"],
                    c.get("channel_ranks", {}),
                    c.get("channel_scores", {}),
                    c.get("phrasings", 1),
                    state.get("queries", 1),
                ),
            )
            for c in state.get("candidates", [])
        ],
        scores={c["kb_id"]: c["score"] for c in state.get("critiques", [])},
        identifiers=state.get("identifiers", {}),
        already_tried=state.get("already_tried", False),
        suspected_injection=state.get("suspected_injection", False),
        several_requests=state.get("several_requests", False),
        row_pmi={c["kb_id"]: c.get("row_pmi") for c in state.get("critiques", [])},
    )


def propose(state: IncidentState, runtime: Runtime[EngineContext]) -> dict[str, Any]:
    return {"policy": decide(evidence_of(state), runtime.context.policy).as_dict()}
