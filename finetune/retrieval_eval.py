"""Retrieval metrics on the gold set: recall@k and MRR of the expected knowledge-base id."""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from adapters.vector_store import KnowledgeIndex
from domain.choices import SearchMode


@dataclass
class RetrievalMetrics:
    n: int
    recall_at_1: float
    recall_at_3: float
    recall_at_5: float
    mrr: float
    latency_p50_ms: float
    misses_at_3: list[tuple[str, str, list[str]]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return vars(self).copy()


def rank_metrics(expected: Sequence[str], ranked: Sequence[Sequence[str]]) -> dict[str, float]:
    """recall@1/3/5 and MRR (over the top 5) for parallel lists of expected ids and rankings."""
    n = len(expected)
    if n == 0:
        return {"recall_at_1": 0.0, "recall_at_3": 0.0, "recall_at_5": 0.0, "mrr": 0.0}
    ranks = [
        list(r[:5]).index(e) + 1 if e in r[:5] else None
        for e, r in zip(expected, ranked, strict=True)
    ]
    return {
        "recall_at_1": round(sum(r == 1 for r in ranks) / n, 3),
        "recall_at_3": round(sum(r is not None and r <= 3 for r in ranks) / n, 3),
        "recall_at_5": round(sum(r is not None for r in ranks) / n, 3),
        "mrr": round(sum(1 / r for r in ranks if r) / n, 3),
    }


def evaluate_retrieval(
    index: KnowledgeIndex,
    cases: Sequence[tuple[str, str, str]],
    mode: SearchMode = "hybrid",
    **search_kwargs: Any,
) -> RetrievalMetrics:
    """``cases`` = (incident code, query text, expected kb id)."""
    rankings: list[list[str]] = []
    latencies: list[float] = []
    for _, query, _ in cases:
        started = time.perf_counter()
        hits = index.search([query], k=5, mode=mode, **search_kwargs)
        latencies.append(1000 * (time.perf_counter() - started))
        rankings.append([h.kb_id for h in hits])
    metrics = rank_metrics([c[2] for c in cases], rankings)
    misses = [
        (code, expected, ranking[:3])
        for (code, _, expected), ranking in zip(cases, rankings, strict=True)
        if expected not in ranking[:3]
    ]
    return RetrievalMetrics(
        n=len(cases),
        latency_p50_ms=round(statistics.median(latencies), 1) if latencies else 0.0,
        misses_at_3=misses,
        **metrics,
    )
