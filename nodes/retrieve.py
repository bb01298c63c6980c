"""retrieve: hybrid search with the incident text and the model's phrasings, merged by KB id."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from graph.context import EngineContext
from graph.state import Candidate, IncidentState


def search_queries(state: IncidentState) -> list[str]:
    queries = [state["text"]]
    reformulation = state.get("reformulation") or {}
    if reformulation.get("resumen"):
        queries.append(reformulation["resumen"])
    queries += [p for p in reformulation.get("frases_busqueda", []) if p]
    return queries


def retrieve(state: IncidentState, runtime: Runtime[EngineContext]) -> dict[str, Any]:
    ctx = runtime.context
    queries = search_queries(state)
    hits = ctx.index.search(
        queries, k=ctx.settings.QUERY_LIMIT_VECTORDB, mode=ctx.options.search_mode
    )
    candidates: list[Candidate] = [
        {
            "kb_id": h.kb_id,
            "score": h.score,
            "row": h.row,
            "channel_ranks": h.channel_ranks,
            "channel_scores": h.channel_scores,
            "phrasings": len(h.ranks),
        }
        for h in hits
    ]
    return {"candidates": candidates, "queries": len(queries)}
