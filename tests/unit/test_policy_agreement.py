"""The engine and the evaluation decide alike: the gold incidents run through the graph at
several thresholds give exactly the decisions the evaluation replays, from one collection run,
with the engine's policy.

The chat model is a deterministic fake: the critic's P(«sí») is derived from a hash of what it
is shown (so the same incident/row pair always gets the same score, in every run) and some
answers are unusable (a failed critic). No network, no model."""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import AIMessage, BaseMessage

from adapters.knowledge_base import load_kb
from adapters.llm.client import SpanResult
from domain.confidence import FEATURES, ConfidenceModel
from domain.policy import PolicyDecision, Step
from errors import LLMServerError
from finetune import metrics as m
from finetune.evaluate import Configuration
from finetune.gold import load_gold
from graph.context import RunOptions
from tests.fakes import FakeChatModel
from tests.graph_support import build_harness, reform
from tests.mock_support import RESOURCES

THRESHOLDS = (0, 50, 75, 90, 100)
#: a confidence model that leans on retrieval agreement and margins as well as the critic
MODEL = ConfidenceModel(
    features=FEATURES,
    means=(0.5,) * len(FEATURES),
    scales=(0.3,) * len(FEATURES),
    # several_requests counts against a row, as the fitted model has it; row_pmi for it
    coefficients=(1.5, 0.5, 0.3, 0.8, 0.4, 0.4, 0.6, 0.7, 0.0, 0.5, 0.3, -1.0, 0.9),
    intercept=-0.2,
)
MAX_RETRIES = 2


def hash_critic(messages: list[BaseMessage], kwargs: dict[str, Any]) -> Any:
    """Reformulates every incident the same way; answers the critic with a P(«sí») taken from
    a hash of the prompt, and with an unusable answer for about one prompt in thirteen."""
    if not kwargs.get("logprobs"):
        return reform()
    digest = hashlib.sha256("\n".join(str(x.content) for x in messages).encode()).digest()
    if digest[0] % 13 == 0:
        return "quizá"
    p = min(max(digest[1] / 255, 0.001), 0.999)
    top = [
        {"token": "sí", "logprob": math.log(p), "bytes": None},
        {"token": "no", "logprob": math.log(1 - p), "bytes": None},
    ]
    return AIMessage(
        content="sí" if p >= 0.5 else "no",
        response_metadata={"logprobs": {"content": [{**top[0], "top_logprobs": top}]}},
    )


def hash_span(messages: list[BaseMessage], open_: str, close: str) -> SpanResult | None:
    """A row's log-probabilities from a hash of the prompt (the engine measures ``row_pmi``
    with the incident and with «(sin texto)»), with a failed measure about one time in
    seventeen."""
    digest = hashlib.sha256("\n".join(str(x.content) for x in messages).encode()).digest()
    if digest[2] % 17 == 0:
        raise LLMServerError("span refused")
    return SpanResult([-(digest[3] / 64), -(digest[4] / 64)], "fake/model", 0.01)


def _run(
    tmp: Path,
    gold: list[Any],
    *,
    threshold: int,
    options: RunOptions,
    run_id: str,
    confidence_model: ConfidenceModel | None = None,
) -> Any:
    kb = load_kb(RESOURCES / "PROBLEMAS_GLOBALES.csv")
    harness = build_harness(
        tmp,
        [g.incident for g in gold],
        FakeChatModel(respond=hash_critic),
        kb=kb.rows,
        components=kb.components(),
        settings={
            "CRITIC_APPROVAL_THRESHOLD": threshold,
            "MAX_RETRIES_CRITIC": MAX_RETRIES,
            "QUERY_LIMIT_VECTORDB": 5,
        },
        options=options,
        run_id=run_id,
        confidence_model=confidence_model,
        span=hash_span,
    )
    try:
        return {o["incident_id"]: o for o in harness.summary().outcomes}
    finally:
        harness.close()


@pytest.mark.parametrize(
    ("model", "thresholds"),
    [(None, THRESHOLDS), (MODEL, (10, 25, 40, 70))],
    ids=["critic", "model"],
)
def test_graph_decisions_equal_the_evaluation_replay(
    tmp_path: Path, model: ConfidenceModel | None, thresholds: tuple[int, ...]
) -> None:
    # dev and the old test split only: test2 stays untouched by anything but its final report
    gold = [
        *load_gold(RESOURCES / "evaluacion", "dev"),
        *load_gold(RESOURCES / "evaluacion", "test"),
    ]
    evaluation = Configuration()
    collected = _run(
        tmp_path, gold, threshold=90, options=evaluation.run_options(), run_id="collect"
    )
    assert all(o["policy_step"] == Step.ESCALATE for o in collected.values())  # took nothing
    records = [m.IncidentRecord(g.code, g.expected, collected[g.code]) for g in gold]

    steps: Counter[str] = Counter()
    for threshold in thresholds:
        engine = _run(
            tmp_path,
            gold,
            threshold=threshold,
            options=RunOptions(dry_run=True),
            run_id=f"t{threshold}",
            confidence_model=model,
        )
        params = evaluation.policy(threshold, MAX_RETRIES, model)
        for record in records:
            replayed: PolicyDecision = m.replay(record, params)
            entry = engine[record.code]
            ran = (entry["policy_step"], entry["kb_id"], entry["action"])
            assert ran == (replayed.step, replayed.kb_id, replayed.action), (
                f"{record.code} at threshold {threshold}"
            )
            if replayed.step in (Step.ESCALATE, Step.HANDOVER, Step.ASK):
                assert entry["reason"] == replayed.reason, record.code
            # the engine's critic saw exactly the candidates the replay relied on
            seen = [c["kb_id"] for c in entry["critiques"]]
            assert seen == [c["kb_id"] for c in record.entry["critiques"]][: len(seen)]
            assert len(seen) == replayed.critiques_used, record.code
            steps[replayed.step] += 1
    # the comparison covered every kind of decision, not only escalations
    assert {Step.ACT, Step.ASK, Step.HANDOVER, Step.ESCALATE} <= steps.keys(), steps
