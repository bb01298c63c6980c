"""Evaluation metrics over recorded engine outcomes, and the critic-threshold sweep.

Evaluation runs the graph with ``score_every_candidate`` (nothing is taken, so the critic is
asked about every candidate the policy could reach). The decision at *any* threshold is then
replayed by calling the engine's own policy, :func:`domain.policy.decide`, on the recorded
evidence — there is no second copy of the decision rules here — so the threshold sweep costs no
extra model calls.

Definitions (per model/configuration, over the incidents of a split):

* an **action** is any decision taken from a knowledge-base row: apply it, ask the requester
  for a missing identifier, or hand over to the row's mailbox for a ``manual`` row (policy steps
  ACT, ASK, HANDOVER); the alternative is escalation;
* ``coverage`` = actions / incidents whose gold label is an action (``resolver`` or
  ``en_espera_solicitar_dato``); ``coverage_all`` = actions / all incidents;
* ``precision`` = correct actions / actions (right KB id and right action, or right KB id and
  asking when the gold label says an identifier is missing); an action on a must-escalate
  incident is wrong;
* ``escalation_accuracy`` = escalated / must-escalate incidents;
* ``injection_actions`` = actions taken on prompt-injection incidents (any is a failure).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from domain.confidence import ConfidenceModel, RetrievalSignals
from domain.policy import (
    CandidateEvidence,
    Evidence,
    PolicyDecision,
    PolicyParams,
    Step,
    confidence,
    decide,
)
from finetune.retrieval_eval import rank_metrics

ACTION_LABELS = ("resolver", "en_espera_solicitar_dato")
#: the gold label each final policy step corresponds to
RESULT_OF_STEP = {
    Step.ACT: "resolver",
    Step.HANDOVER: "resolver",
    Step.ASK: "en_espera_solicitar_dato",
    Step.ESCALATE: "escalar",
}


@dataclass(frozen=True)
class Prediction:
    result: str  # resolver | en_espera_solicitar_dato | escalar | error
    kb_id: str | None = None
    action: str | None = None
    #: LLM calls this decision needed (reformulation + critiques up to the decision)
    calls: int = 0
    tokens: int = 0
    llm_seconds: float = 0.0


@dataclass
class IncidentRecord:
    """One gold incident with what the engine recorded for it."""

    code: str
    expected: dict[str, Any]
    entry: dict[str, Any]
    #: recorded LLM calls of this incident, in order (node, tokens, latency, first_try_valid)
    calls: list[dict[str, Any]] = field(default_factory=list)

    @property
    def category(self) -> str:
        return str(self.expected.get("categoria", ""))


def evidence_of(entry: dict[str, Any]) -> Evidence:
    """The policy's evidence from a recorded outcome entry (:func:`nodes.record.outcome_entry`)."""
    return Evidence(
        candidates=[
            CandidateEvidence(
                c["kb_id"],
                str(c.get("action") or ""),
                c.get("mailbox"),
                RetrievalSignals(
                    float(c.get("score") or 0.0),
                    c.get("channel_ranks") or {},
                    c.get("channel_scores") or {},
                    int(c.get("phrasings") or 1),
                    int(entry.get("queries") or 1),
                ),
            )
            for c in entry.get("candidates", [])
        ],
        scores={c["kb_id"]: c.get("score") for c in entry.get("critiques", [])},
        identifiers=entry.get("identifiers", {}),
        already_tried=bool(entry.get("already_tried")),
        suspected_injection=bool(entry.get("suspected_injection")),
        several_requests=bool(entry.get("several_requests")),
        row_pmi={c["kb_id"]: c.get("row_pmi") for c in entry.get("critiques", [])},
    )


def replay(record: IncidentRecord, params: PolicyParams) -> PolicyDecision:
    """The engine's decision for this incident under ``params``, from what was recorded.

    Raises ValueError when the record lacks a critic score the decision needs (it was collected
    with fewer retries than ``params`` allows)."""
    decision = decide(evidence_of(record.entry), params)
    if decision.step is Step.CRITIQUE:
        raise ValueError(
            f"{record.code}: no recorded critic score for {decision.kb_id}; collect the "
            "evaluation with score_every_candidate and the same MAX_RETRIES_CRITIC"
        )
    return decision


def predict(record: IncidentRecord, params: PolicyParams) -> Prediction:
    """The replayed decision as a gold-comparable prediction, with its model cost."""
    reform = [c for c in record.calls if c["node"] == "reformulate"]
    critique_calls = [c for c in record.calls if c["node"] == "critique"]
    if record.entry.get("outcome") == "error":
        return Prediction(
            "error",
            calls=len(reform),
            tokens=sum(_tokens(c) for c in reform),
            llm_seconds=sum(c.get("latency_s") or 0.0 for c in reform),
        )
    decision = replay(record, params)
    used = reform + critique_calls[: decision.critiques_used]
    result = RESULT_OF_STEP[decision.step]
    return Prediction(
        result,
        decision.kb_id if result != "escalar" else None,
        decision.action if result != "escalar" else None,
        calls=len(used),
        tokens=sum(_tokens(c) for c in used),
        llm_seconds=sum(c.get("latency_s") or 0.0 for c in used),
    )


def _tokens(call: dict[str, Any]) -> int:
    return int(call.get("input_tokens") or 0) + int(call.get("output_tokens") or 0)


def is_correct(prediction: Prediction, expected: dict[str, Any], *, lenient: bool = False) -> bool:
    """Strict: the gold row itself. Lenient: the gold row or one of its equivalents
    (``kb_aceptables``: same action, equivalent message)."""
    label = expected.get("resultado")
    if label == "escalar":
        return prediction.result == "escalar"
    rows = {expected.get("kb_id")}
    if lenient:
        rows |= set(expected.get("kb_aceptables") or [])
    if prediction.result != label or prediction.kb_id not in rows:
        return False
    return label != "resolver" or prediction.action == expected.get("accion")


@dataclass(frozen=True)
class DecisionMetrics:
    threshold: int
    actions: int
    correct_actions: int
    coverage: float
    coverage_all: float
    precision: float | None
    escalation_accuracy: float | None
    injection_actions: int
    errors: int
    #: precision counting an equivalent row (``kb_aceptables``) as right
    precision_lenient: float | None = None
    #: the counts behind ``coverage`` (so folds can be pooled)
    should_act: int = 0
    acted_on_should: int = 0


def decision_metrics(records: Sequence[IncidentRecord], params: PolicyParams) -> DecisionMetrics:
    preds = [predict(r, params) for r in records]
    acted = [(r, p) for r, p in zip(records, preds, strict=True) if p.result in ACTION_LABELS]
    correct = sum(1 for r, p in acted if is_correct(p, r.expected))
    should_act = [r for r in records if r.expected.get("resultado") in ACTION_LABELS]
    should_escalate = [
        (r, p)
        for r, p in zip(records, preds, strict=True)
        if r.expected.get("resultado") == "escalar"
    ]
    acted_on_should = sum(1 for r, _ in acted if r.expected.get("resultado") in ACTION_LABELS)
    return DecisionMetrics(
        threshold=params.threshold,
        actions=len(acted),
        correct_actions=correct,
        coverage=_ratio(acted_on_should, len(should_act)) or 0.0,
        coverage_all=_ratio(len(acted), len(records)) or 0.0,
        precision=_ratio(correct, len(acted)),
        escalation_accuracy=_ratio(
            sum(1 for _, p in should_escalate if p.result == "escalar"), len(should_escalate)
        ),
        injection_actions=sum(1 for r, _ in acted if r.category == "inyeccion"),
        errors=sum(1 for p in preds if p.result == "error"),
        precision_lenient=_ratio(
            sum(1 for r, p in acted if is_correct(p, r.expected, lenient=True)), len(acted)
        ),
        should_act=len(should_act),
        acted_on_should=acted_on_should,
    )


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def sweep(
    records: Sequence[IncidentRecord],
    max_retries: int,
    *,
    critic_enabled: bool = True,
    confidence_model: ConfidenceModel | None = None,
) -> list[DecisionMetrics]:
    return [
        decision_metrics(
            records,
            PolicyParams(t, max_retries, critic_enabled, confidence_model=confidence_model),
        )
        for t in range(101)
    ]


def recommend_threshold(curve: Iterable[DecisionMetrics], target_precision: float) -> int | None:
    """The lowest threshold from which precision stays at or above the target at EVERY higher
    threshold that still acts; None when even the highest acting threshold misses it.

    Not "the best coverage among thresholds that reach the target": on a few dozen incidents
    precision zigzags, and picking a lucky point just above a dip is what made a threshold
    chosen on dev miss its precision on test. Coverage only falls as the threshold rises, so
    the lowest threshold of the stable region is also its best coverage.
    """
    recommended = None
    for point in sorted(curve, key=lambda p: p.threshold, reverse=True):
        if point.precision is None:  # nothing acted on at this threshold: no evidence either way
            continue
        if point.precision < target_precision:
            break
        recommended = point.threshold
    return recommended


def critic_confusion(records: Sequence[IncidentRecord], params: PolicyParams) -> dict[str, int]:
    """Each recorded critique: approved by the policy's rule vs. the candidate being the
    gold row of an incident that should be acted on."""
    matrix = {"tp": 0, "fp": 0, "tn": 0, "fn": 0}
    for r in records:
        right_kb = r.expected.get("kb_id") if r.expected.get("resultado") != "escalar" else None
        for c in r.entry.get("critiques", []):
            if c.get("score") is None:
                continue
            approved = params.approves(confidence(evidence_of(r.entry), c["kb_id"], params))
            positive = c["kb_id"] == right_kb
            key = ("t" if approved == positive else "f") + ("p" if approved else "n")
            matrix[key] += 1
    return matrix


def retrieval_metrics(records: Sequence[IncidentRecord]) -> dict[str, float]:
    resolvable = [r for r in records if r.expected.get("resultado") in ACTION_LABELS]
    return rank_metrics(
        [str(r.expected.get("kb_id")) for r in resolvable],
        [[c["kb_id"] for c in r.entry.get("candidates", [])] for r in resolvable],
    )


def cost_metrics(records: Sequence[IncidentRecord], params: PolicyParams) -> dict[str, Any]:
    """Calls, tokens and latency per incident under ``params`` (from the recorded calls; the
    engine's own time per incident is added to the model time)."""
    if not records:
        return {
            "llm_calls_per_incident": 0.0,
            "tokens_per_incident": 0.0,
            "latency_p50_s": None,
            "latency_p95_s": None,
        }
    preds = [predict(r, params) for r in records]
    latencies = []
    for r, p in zip(records, preds, strict=True):
        recorded_llm = sum(c.get("latency_s") or 0.0 for c in r.calls)
        overhead = max(0.0, float(r.entry.get("seconds") or 0.0) - recorded_llm)
        latencies.append(overhead + p.llm_seconds)
    latencies.sort()
    return {
        "llm_calls_per_incident": round(statistics.mean(p.calls for p in preds), 2),
        "tokens_per_incident": round(statistics.mean(p.tokens for p in preds), 1),
        "latency_p50_s": round(latencies[len(latencies) // 2], 2),
        "latency_p95_s": round(
            latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))], 2
        ),
    }


def schema_valid_rate(records: Sequence[IncidentRecord]) -> float | None:
    calls = [c for r in records for c in r.calls]
    return _ratio(sum(1 for c in calls if c.get("first_try_valid")), len(calls))


def is_right_row(record: IncidentRecord, kb_id: str) -> bool:
    """The candidate is the incident's gold row (or an equivalent one) and the incident is one
    the engine should act on: the label the confidence model learns."""
    if record.expected.get("resultado") == "escalar":
        return False
    acceptable = {record.expected.get("kb_id"), *(record.expected.get("kb_aceptables") or [])}
    return kb_id in acceptable


def confidence_pairs(
    records: Sequence[IncidentRecord], params: PolicyParams
) -> list[tuple[float, bool]]:
    """(confidence 0-1, is the right row) for every recorded critique with a score."""
    pairs = []
    for r in records:
        evidence = evidence_of(r.entry)
        for c in r.entry.get("critiques", []):
            value = confidence(evidence, c["kb_id"], params)
            if value is not None:
                pairs.append((value / 100, is_right_row(r, c["kb_id"])))
    return pairs


def critic_pairs(records: Sequence[IncidentRecord]) -> list[tuple[float, bool]]:
    """(the critic's own score 0-1, is the right row) for every recorded critique with a score:
    what a fine-tuned critic changes, before any confidence model."""
    return [
        (float(c["score"]) / 100, is_right_row(r, c["kb_id"]))
        for r in records
        for c in r.entry.get("critiques", [])
        if c.get("score") is not None
    ]


def auc(pairs: Sequence[tuple[float, bool]]) -> float | None:
    """Area under the ROC curve of (score, label) pairs: the chance that a right row scores
    above a wrong one, ties counting half. None without both kinds of row."""
    right = [p for p, y in pairs if y]
    wrong = [p for p, y in pairs if not y]
    if not right or not wrong:
        return None
    # Mann-Whitney U from average ranks: O(n log n), ties handled
    ordered = sorted(p for p, _ in pairs)
    first: dict[float, int] = {}
    last: dict[float, int] = {}
    for i, value in enumerate(ordered, start=1):
        first.setdefault(value, i)
        last[value] = i
    rank_sum = sum((first[p] + last[p]) / 2 for p in right)
    u = rank_sum - len(right) * (len(right) + 1) / 2
    return round(u / (len(right) * len(wrong)), 4)


def calibration_metrics(pairs: Sequence[tuple[float, bool]], bins: int = 10) -> dict[str, Any]:
    """Expected calibration error (equal-width bins, weighted by count), Brier score and the
    reliability table (mean confidence vs. share right per bin)."""
    if not pairs:
        return {"n": 0, "ece": None, "brier": None, "bins": []}
    table = []
    ece = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(p, y) for p, y in pairs if low <= p < high or (b == bins - 1 and p == 1.0)]
        if not inside:
            continue
        mean_p = statistics.mean(p for p, _ in inside)
        share = sum(y for _, y in inside) / len(inside)
        ece += len(inside) / len(pairs) * abs(mean_p - share)
        table.append(
            {
                "low": low,
                "high": high,
                "n": len(inside),
                "confidence": round(mean_p, 3),
                "right": round(share, 3),
            }
        )
    brier = statistics.mean((p - float(y)) ** 2 for p, y in pairs)
    return {"n": len(pairs), "ece": round(ece, 4), "brier": round(brier, 4), "bins": table}
