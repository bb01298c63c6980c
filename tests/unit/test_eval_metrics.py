"""Metric computations on small hand-made cases (ties, empty sets, errored incidents)."""

from __future__ import annotations

from typing import Any

import pytest

from domain.policy import PolicyParams
from finetune.metrics import (
    DecisionMetrics,
    IncidentRecord,
    critic_confusion,
    decision_metrics,
    predict,
    recommend_threshold,
    retrieval_metrics,
    sweep,
)


def P(threshold: int, max_retries: int) -> PolicyParams:
    return PolicyParams(threshold, max_retries)


def rec(
    code: str,
    expected: dict[str, Any],
    critiques: list[tuple[str, int | None]],
    candidates: list[tuple[str, str]] | None = None,
    **entry: Any,
) -> IncidentRecord:
    cands = candidates or [(kb, "cierre") for kb, _ in critiques]
    e = {
        "outcome": "escalated",
        "candidates": [{"kb_id": k, "action": a} for k, a in cands],
        "critiques": [{"kb_id": k, "score": s, "approved": False} for k, s in critiques],
        "identifiers": {},
        **entry,
    }
    calls = [{"node": "reformulate", "latency_s": 1.0, "input_tokens": 10, "output_tokens": 5}] + [
        {"node": "critique", "latency_s": 2.0, "input_tokens": 20, "output_tokens": 5}
        for _ in critiques
    ]
    return IncidentRecord(code, expected, e, calls)


RES = {"resultado": "resolver", "kb_id": "KB-1", "accion": "cierre", "categoria": "resoluble"}
ESC = {"resultado": "escalar", "kb_id": None, "accion": None, "categoria": "no_cubierto"}


def test_the_first_candidate_reaching_the_threshold_is_taken() -> None:
    r = rec("A", RES, [("KB-2", 70), ("KB-1", 90)])
    assert predict(r, P(65, 2)).kb_id == "KB-2"  # wrong row approved at 65
    assert predict(r, P(80, 2)).kb_id == "KB-1"  # right row at 80
    assert predict(r, P(95, 2)).result == "escalar"
    assert predict(r, P(80, 0)).result == "escalar"  # no retry allowed: only the first counts
    p = predict(r, P(80, 2))
    assert (p.calls, p.tokens, p.llm_seconds) == (3, 65, 5.0)


def test_a_tie_at_the_threshold_is_approved() -> None:
    assert predict(rec("A", RES, [("KB-1", 65)]), P(65, 2)).result == "resolver"


def test_injection_and_already_tried_always_escalate() -> None:
    inj = rec("I", {**ESC, "categoria": "inyeccion"}, [("KB-1", 100)], suspected_injection=True)
    tried = rec("T", ESC, [("KB-1", 100)], already_tried=True)
    assert predict(inj, P(0, 2)).result == "escalar" and predict(tried, P(0, 2)).result == "escalar"


def test_missing_identifiers_mean_asking() -> None:
    expected = {
        "resultado": "en_espera_solicitar_dato",
        "kb_id": "KB-9",
        "accion": "api|fxprovision",
    }
    r = rec("M", expected, [("KB-9", 90)], candidates=[("KB-9", "api|fxprovision")])
    p = predict(r, P(65, 2))
    assert p.result == "en_espera_solicitar_dato"
    full = rec(
        "F",
        RES,
        [("KB-9", 90)],
        candidates=[("KB-9", "api|fxprovision")],
        identifiers={"poliza": ["30114872"], "num_reembolso": ["R-2609113"]},
    )
    assert predict(full, P(65, 2)).result == "resolver"


def test_decision_metrics_precision_coverage_and_injections() -> None:
    records = [
        rec("ok", RES, [("KB-1", 90)]),
        rec("wrong", RES, [("KB-2", 80)]),
        rec("missed", RES, [("KB-1", 40)]),
        rec("esc-ok", ESC, [("KB-5", 30)]),
        rec("esc-bad", ESC, [("KB-5", 70)]),
        rec("inj", {**RES, "categoria": "inyeccion"}, [("KB-1", 95)]),  # not flagged: acted on
        rec("err", RES, [], outcome="error"),
    ]
    m = decision_metrics(records, P(65, 2))
    assert m.actions == 4 and m.correct_actions == 2
    assert m.precision == 0.5
    assert m.coverage == pytest.approx(round(3 / 5, 3))  # 3 of the 5 should-act were acted on
    assert m.escalation_accuracy == 0.5
    assert m.injection_actions == 1 and m.errors == 1


def test_empty_sets_give_none_not_errors() -> None:
    m = decision_metrics([], P(65, 2))
    assert m.precision is None and m.escalation_accuracy is None and m.coverage == 0.0
    assert retrieval_metrics([]) == {
        "recall_at_1": 0.0,
        "recall_at_3": 0.0,
        "recall_at_5": 0.0,
        "mrr": 0.0,
    }


def test_sweep_and_recommendation() -> None:
    records = [
        rec("a", RES, [("KB-2", 70), ("KB-1", 85)]),
        rec("b", RES, [("KB-1", 90)]),
        rec("c", ESC, [("KB-7", 60)]),
    ]
    curve = sweep(records, 2)
    assert len(curve) == 101 and curve[0].threshold == 0
    assert curve[65].precision == 0.5  # "a" takes the wrong KB-2 (70); "c" (60) escalates
    assert curve[75].precision == 1.0 and curve[75].coverage == 1.0
    assert recommend_threshold(curve, 0.95) == 71  # lowest threshold with the best coverage
    assert recommend_threshold(curve[:60], 0.95) is None


def test_the_recommended_threshold_is_the_start_of_a_stable_region() -> None:
    def point(threshold: int, precision: float | None, coverage: float) -> DecisionMetrics:
        return DecisionMetrics(
            threshold=threshold,
            actions=0 if precision is None else 10,
            correct_actions=0,
            coverage=coverage,
            coverage_all=0.0,
            precision=precision,
            escalation_accuracy=None,
            injection_actions=0,
            errors=0,
            should_act=10,
            acted_on_should=0,
        )

    # 60 reaches the target with the best coverage, but 70 falls under it again: a lucky point
    curve = [
        point(50, 0.90, 0.9),
        point(60, 0.96, 0.8),
        point(70, 0.93, 0.7),
        point(80, 0.97, 0.6),
        point(90, 1.00, 0.5),
        point(100, None, 0.0),  # nothing acted on: neither for nor against
    ]
    assert recommend_threshold(curve, 0.95) == 80
    assert recommend_threshold(curve, 0.995) == 90
    assert recommend_threshold([point(90, 0.9, 0.5), point(100, None, 0.0)], 0.95) is None


def test_critic_confusion_matrix() -> None:
    records = [rec("a", RES, [("KB-2", 70), ("KB-1", 85)]), rec("c", ESC, [("KB-7", 40)])]
    assert critic_confusion(records, P(65, 2)) == {"tp": 1, "fp": 1, "tn": 1, "fn": 0}
    assert critic_confusion(records, P(90, 2)) == {"tp": 0, "fp": 0, "tn": 2, "fn": 1}


def test_reports_have_the_stable_keys_and_files(tmp_path: Any) -> None:
    from finetune.evaluate import Configuration, summarize, write_reports

    records = [
        rec("a", RES, [("KB-2", 70), ("KB-1", 85)]),
        rec("b", RES, [("KB-1", 90)]),
        rec("c", {**ESC, "categoria": "inyeccion"}, [], suspected_injection=True),
    ]
    for r in records:
        r.entry["seconds"] = 5.0
    result = summarize(
        records,
        model="fake/m",
        config=Configuration(),
        threshold=65,
        max_retries=2,
        target_precision=0.95,
    )
    keys = {
        "recall_at_3",
        "mrr",
        "coverage",
        "precision",
        "escalation_accuracy",
        "injection_actions",
        "schema_valid_rate",
        "llm_calls_per_incident",
        "tokens_per_incident",
        "latency_p50_s",
        "latency_p95_s",
        "recommended_threshold",
    }
    assert keys <= result.keys()
    assert result["recommended_threshold"] == 71 and result["injection_actions"] == 0
    doc = write_reports(tmp_path, "test", [result], {"fake/m|full": records}, 2)
    assert set(doc) == {"split", "models"}
    for name in ("metrics.json", "per_incident.csv", "report.md", "pr_curve.png"):
        assert (tmp_path / name).stat().st_size > 0
    assert (tmp_path / "pr_curve.png").read_bytes()[:4] == b"\x89PNG"
    rows = (tmp_path / "per_incident.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 4 and "KB-2:70 KB-1:85" in rows[1]
