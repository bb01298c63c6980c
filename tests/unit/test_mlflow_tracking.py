"""MLflow tracking and the confidence model's registry, against local SQLite stores under tmp.

MLflow creates a new SQLite store's schema with migrations (seconds on these machines), so
one empty store is made per module and each test works on its own copy of the file: tests
stay independent and fast. Nothing here opens a network connection (the socket guard).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from adapters.confidence_registry import ConfidenceChoice, choose_confidence_model
from adapters.mlflow_store import CHAMPION, MlflowStore, prepare_environment, store_location
from cli.app import app
from config import REPO_ROOT, Settings, get_settings, load_settings
from domain.confidence import FEATURES, ConfidenceModel
from errors import ConfigError
from finetune.calibrate import write_model
from finetune.promotion import PromotionRefused, promote
from finetune.tracking import (
    LORA_MODEL_NAME,
    log_calibration,
    log_dataset,
    log_evaluation,
    log_training,
)
from observability.run_report import build_report, render_markdown

runner = CliRunner()
NAME = "resolvia-confianza"


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An MLflow SQLite file with its schema and nothing else, made once for the module."""
    prepare_environment()  # no telemetry, as in the product
    from mlflow import MlflowClient

    path = tmp_path_factory.mktemp("mlflow_template") / "mlflow.db"
    uri = f"sqlite:///{path}"
    MlflowClient(uri, uri).search_experiments()  # creates the schema
    return path


@pytest.fixture
def settings(tmp_path: Path, empty_store: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Tracking on, with the default store (DATA_DIR/mlflow) as a copy of the empty one."""
    data = tmp_path / "data"
    (data / "mlflow").mkdir(parents=True)
    shutil.copyfile(empty_store, data / "mlflow" / "mlflow.db")
    monkeypatch.setenv("MLFLOW_TRACKING", "true")
    monkeypatch.setenv("DATA_DIR", str(data))
    return load_settings()


def _model(settings: Settings, intercept: float = 0.5, embedder: str | None = None) -> Path:
    """A confidence-model artifact (a valid one unless ``embedder`` says otherwise)."""
    n = len(FEATURES)
    model = ConfidenceModel(
        features=FEATURES,
        means=(0.0,) * n,
        scales=(1.0,) * n,
        coefficients=(0.25,) * n,
        intercept=intercept,
        embedding_model=settings.EMBEDDING_MODEL if embedder is None else embedder,
        critic_prompt=settings.critic_prompt_id,
        training={"fitted_on": "test"},
    )
    path = settings.DATA_DIR.parent / f"confianza_{intercept}_{embedder}.json"
    write_model(model, path)
    return path


REPORT: dict[str, Any] = {
    "examples": 40,
    "right_examples": 15,
    "incidents": 20,
    "data_sha256": "ab" * 32,
    "target_precision": 0.95,
    "recommended_threshold": 95,
    "operating_threshold": 90,
    "at_operating": {"precision": 0.9, "coverage": 0.5},
    "at_recommended": {"precision": 0.96, "coverage": 0.1},
    "cross_validation": {"folds": 5, "auc": 0.88, "ece": 0.04, "brier": 0.1},
}


def _register(settings: Settings, path: Path) -> int:
    from domain.confidence import load_confidence_model

    model = load_confidence_model(path)
    tracked = log_calibration(
        settings, model=model, artifact=path, report=REPORT, records=Path("records.jsonl")
    )
    assert tracked.problem is None, tracked.problem
    return int(tracked.details["version"])


def _store(settings: Settings) -> MlflowStore:
    return MlflowStore(settings)


# --- where the store is ----------------------------------------------------------------------
def test_default_store_is_sqlite_under_the_data_directory_with_its_artifacts_beside(
    tmp_path: Path,
) -> None:
    s = load_settings(DATA_DIR=tmp_path / "d")
    where = store_location(s)
    assert where.uri == f"sqlite:///{(tmp_path / 'd' / 'mlflow' / 'mlflow.db').resolve()}"
    assert where.artifact_location == (tmp_path / "d" / "mlflow" / "artifacts").resolve().as_uri()
    server = store_location(load_settings(MLFLOW_TRACKING_URI="http://mlflow.example:5000"))
    assert server.artifact_location is None and server.sqlite_file is None


# --- calibrate -------------------------------------------------------------------------------
def test_a_calibration_is_logged_with_its_metrics_and_artifacts_and_registered(
    settings: Settings, tmp_path: Path
) -> None:
    version = _register(settings, _model(settings))
    store = _store(settings)
    [run] = store.search_runs("tags.`resolvia.command` = 'calibrate'")
    assert run.data.params["operating_threshold"] == "90"
    assert run.data.params["embedding_model"] == settings.EMBEDDING_MODEL
    assert run.data.metrics["oof_precision"] == 0.9 and run.data.metrics["oof_auc"] == 0.88
    files = {f.path for f in store.client.list_artifacts(run.info.run_id)}
    assert files == {"confianza.json", "calibration_report.json"}
    assert version == 1 and store.aliases(NAME) == {}  # registered, not promoted
    # everything under DATA_DIR/mlflow: nothing in the working directory (tmp_path)
    assert not (tmp_path / "mlruns").exists() and not (tmp_path / "mlflow.db").exists()
    assert list((settings.DATA_DIR / "mlflow" / "artifacts").iterdir())


def test_tracking_off_logs_nothing(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    off = load_settings(MLFLOW_TRACKING=False)
    path = _model(settings)
    from domain.confidence import load_confidence_model

    tracked = log_calibration(
        off, model=load_confidence_model(path), artifact=path, report=REPORT, records=path
    )
    assert tracked.disabled and "MLFLOW_TRACKING=false" in tracked.message()
    assert _store(settings).search_runs("tags.`resolvia.command` = 'calibrate'") == []


def test_a_broken_store_is_a_warning_not_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a SQLite database" * 100)
    monkeypatch.setenv("MLFLOW_TRACKING", "true")
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{broken}")
    s = load_settings(DATA_DIR=tmp_path / "data")
    path = _model(s)
    from domain.confidence import load_confidence_model

    tracked = log_calibration(
        s, model=load_confidence_model(path), artifact=path, report=REPORT, records=path
    )
    assert tracked.problem and str(broken) in tracked.problem
    assert tracked.message().startswith("warning: not logged to MLflow")
    # the engine goes on with the configured artifact, and says why
    choice = choose_confidence_model(s)
    assert choice.source == "artefacto" and choice.warning and "unavailable" in (choice.note or "")


def _fake_fit(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """``resolvia calibrate`` with a fit that takes no time (the real one cross-validates)."""
    from domain.confidence import load_confidence_model

    fitted = load_confidence_model(_model(settings))
    monkeypatch.setattr(
        "finetune.calibrate.calibrate", lambda *a, **k: (fitted, {**REPORT, "examples": 40})
    )


def test_calibrate_command_registers_the_fit_or_warns_when_the_store_is_broken(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_fit(settings, monkeypatch)
    records = REPO_ROOT / "bench/reports/evaluation_dev_calibracion_v3/records.jsonl"
    out = tmp_path / "confianza.json"
    result = runner.invoke(app, ["calibrate", "--records", str(records), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"registered {NAME} version 1" in " ".join(result.output.split())

    broken = tmp_path / "other" / "mlflow.db"
    broken.mkdir(parents=True)  # a folder where the SQLite file should be: it cannot open
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{broken}")
    get_settings.cache_clear()  # a new process would read the new setting
    out.unlink()
    result = runner.invoke(app, ["calibrate", "--records", str(records), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file()  # the fit is written all the same
    assert "warning: not logged to MLflow" in result.output


# --- the engine's confidence model ---------------------------------------------------------
def test_without_a_store_the_engine_uses_the_artifact_and_creates_no_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING", "true")
    s = load_settings(DATA_DIR=tmp_path / "data")
    choice = choose_confidence_model(s)
    assert choice.source == "artefacto" and choice.path == str(s.confidence_model_path)
    assert choice.model is not None and not choice.warning
    assert not (tmp_path / "data" / "mlflow").exists()


def test_the_engine_loads_the_champion(settings: Settings) -> None:
    first = _register(settings, _model(settings, intercept=0.1))
    second = _register(settings, _model(settings, intercept=0.2))
    choice = choose_confidence_model(settings)
    assert choice.source == "artefacto" and "no champion" in (choice.note or "")
    _store(settings).set_alias(NAME, CHAMPION, second)
    choice = choose_confidence_model(settings)
    assert (choice.source, choice.name, choice.version, choice.alias) == (
        "registro",
        NAME,
        second,
        CHAMPION,
    )
    assert choice.model is not None and choice.model.intercept == 0.2
    assert first != second


def test_a_pinned_version_wins_over_the_champion(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _register(settings, _model(settings, intercept=0.1))
    second = _register(settings, _model(settings, intercept=0.2))
    _store(settings).set_alias(NAME, CHAMPION, second)
    monkeypatch.setenv("CONFIDENCE_MODEL_VERSION", str(first))
    choice = choose_confidence_model(load_settings())
    assert (choice.version, choice.alias) == (first, None)
    assert choice.model is not None and choice.model.intercept == 0.1
    monkeypatch.setenv("CONFIDENCE_MODEL_VERSION", "7")
    with pytest.raises(ConfigError, match=r"CONFIDENCE_MODEL_VERSION=7.*no version 7"):
        choose_confidence_model(load_settings())


def test_a_champion_fitted_on_another_embedder_stops_the_engine_naming_it(
    settings: Settings,
) -> None:
    good = _register(settings, _model(settings, intercept=0.1))
    bad = _register(settings, _model(settings, intercept=0.3, embedder="otro-embedder"))
    assert good != bad
    _store(settings).set_alias(NAME, CHAMPION, bad)
    with pytest.raises(ConfigError) as refused:
        choose_confidence_model(settings)
    message = str(refused.value)
    assert f"{NAME} version {bad} (alias champion)" in message and "otro-embedder" in message


def test_a_version_whose_artifact_is_gone_stops_the_engine_naming_it(settings: Settings) -> None:
    version = _register(settings, _model(settings))
    _store(settings).set_alias(NAME, CHAMPION, version)
    for stored in (settings.DATA_DIR / "mlflow" / "artifacts" / "models").rglob("confianza.json"):
        stored.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"{NAME} version {version} .*does not load"):
        choose_confidence_model(settings)


def test_the_run_report_names_the_confidence_model_and_version() -> None:
    choice = ConfidenceChoice(None, "registro", name=NAME, version=3, alias=CHAMPION)
    summary = {"seconds": 1.0, "confidence_model": choice.as_dict()}
    from datetime import UTC, datetime

    report = build_report("r1", summary, [], ended=datetime(2026, 11, 30, tzinfo=UTC))
    assert report["confidence_model"]["version"] == 3
    assert f"{NAME} versión 3 del registro de MLflow (alias champion" in render_markdown(report)


# --- evaluate and promote ------------------------------------------------------------------
def _evaluation(
    settings: Settings,
    choice: ConfidenceChoice,
    precision: float | None,
    coverage: float,
    folder: Path,
    split: str = "test2",
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "metrics.json").write_text('{"split": "test2"}', encoding="utf-8")
    (folder / "report.md").write_text("# Evaluación\nana@example.com\n", encoding="utf-8")
    result = {
        "model": "llamacpp/qwen2.5-coder-1.5b",
        "configuration": "default",
        "threshold": 90,
        "incidents": 73,
        "precision": precision,
        "coverage": coverage,
        "escalation_accuracy": 1.0,
        "llm_calls_per_incident": 1.4,
        "latency_p50_s": 12.5,
        "calibration": {"ece": 0.05, "brier": 0.1, "n": 90},
    }
    tracked = log_evaluation(
        settings, folder=folder, split=split, results=[result], confidence=choice, full_split=True
    )
    assert tracked.problem is None, tracked.problem


def _version_choice(settings: Settings, version: int) -> ConfidenceChoice:
    pinned = load_settings(CONFIDENCE_MODEL_VERSION=version, DATA_DIR=settings.DATA_DIR)
    return choose_confidence_model(pinned)


def test_an_evaluation_is_logged_with_its_confidence_version_and_redacted_reports(
    settings: Settings, tmp_path: Path
) -> None:
    version = _register(settings, _model(settings))
    choice = _version_choice(settings, version)
    _evaluation(settings, choice, 0.95, 0.5, tmp_path / "eval")
    store = _store(settings)
    [run] = store.search_runs("tags.`resolvia.command` = 'evaluate'")
    assert run.data.params["confidence_version"] == str(version)
    assert run.data.params["split"] == "test2" and run.data.params["threshold"] == "90"
    assert run.data.metrics["precision"] == 0.95 and run.data.metrics["ece"] == 0.05
    assert run.data.metrics["llm_calls_per_incident"] == 1.4
    local = Path(store.client.download_artifacts(run.info.run_id, "report", str(tmp_path)))
    assert sorted(p.name for p in local.iterdir()) == ["metrics.json", "report.md"]
    assert "ana@example.com" not in (local / "report.md").read_text(encoding="utf-8")


def test_promote_refuses_a_version_without_an_evaluation(settings: Settings) -> None:
    version = _register(settings, _model(settings))
    with pytest.raises(PromotionRefused, match=f"no evaluation of {NAME} version {version}"):
        promote(settings, version)
    assert _store(settings).aliases(NAME) == {}


def test_promote_moves_the_champion_only_when_no_worse(settings: Settings, tmp_path: Path) -> None:
    # before any champion: compared with the artifact the engine uses
    artifact = choose_confidence_model(settings)
    _evaluation(settings, artifact, 0.92, 0.46, tmp_path / "a")
    first = _register(settings, _model(settings, intercept=0.1))
    _evaluation(settings, _version_choice(settings, first), 0.93, 0.45, tmp_path / "b")
    done = promote(settings, first)  # precision up, coverage down 0.01 < 0.02
    assert done.previous is None and _store(settings).aliases(NAME) == {CHAMPION: first}

    second = _register(settings, _model(settings, intercept=0.2))
    _evaluation(settings, _version_choice(settings, second), 0.91, 0.60, tmp_path / "c")
    with pytest.raises(PromotionRefused) as refused:
        promote(settings, second)
    message = str(refused.value)
    assert "precision 0.910 is lower than 0.930" in message and "coverage 0.600" in message
    assert _store(settings).aliases(NAME) == {CHAMPION: first}

    third = _register(settings, _model(settings, intercept=0.3))
    _evaluation(settings, _version_choice(settings, third), 0.95, 0.40, tmp_path / "d")
    with pytest.raises(PromotionRefused, match=r"coverage 0\.400 is lower than 0\.450 by more"):
        promote(settings, third)
    assert promote(settings, third, tolerance=0.05).previous == first
    assert _store(settings).aliases(NAME) == {CHAMPION: third}


def test_promote_command_refuses_with_the_figures_and_exit_code_1(
    settings: Settings, tmp_path: Path
) -> None:
    first = _register(settings, _model(settings, intercept=0.1))
    _store(settings).set_alias(NAME, CHAMPION, first)
    _evaluation(settings, _version_choice(settings, first), 0.95, 0.5, tmp_path / "a")
    second = _register(settings, _model(settings, intercept=0.2))
    _evaluation(settings, _version_choice(settings, second), 0.90, 0.5, tmp_path / "b")
    result = runner.invoke(app, ["finetune", "promote", str(second)])
    assert result.exit_code == 1
    assert "precision 0.900 is lower than 0.950" in " ".join(result.output.split())
    assert _store(settings).aliases(NAME) == {CHAMPION: first}


def test_evaluate_command_logs_its_run_with_the_champion(
    settings: Settings, tmp_path: Path
) -> None:
    records = REPO_ROOT / "bench/reports/evaluation_dev_calibracion_v3/records.jsonl"
    version = _register(settings, _model(settings))
    _store(settings).set_alias(NAME, CHAMPION, version)
    out = tmp_path / "replay"
    result = runner.invoke(
        app, ["evaluate", "--split", "dev", "--replay", str(records), "--out", str(out), "--json"]
    )
    assert result.exit_code == 0, result.output
    logged = json.loads(result.stdout)["mlflow"]
    assert logged["problem"] is None and len(logged["run_ids"]) == 1
    run = _store(settings).client.get_run(logged["run_ids"][0])
    assert run.data.tags["resolvia.confidence_version"] == str(version)
    assert run.data.params["confidence_alias"] == CHAMPION
    assert "precision" in run.data.metrics and "coverage" in run.data.metrics


# --- datasets --------------------------------------------------------------------------------
def test_a_dataset_folder_is_logged_as_mlflow_datasets_with_the_cards_hash(
    settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "critique_20261130"
    folder.mkdir()
    lines = {
        "train": [("INC1", "sí"), ("INC2", "no"), ("INC3", "sí")],
        "validation": [("INC4", "no")],
    }
    for split, items in lines.items():
        chat = [
            {
                "messages": [
                    {"role": "system", "content": "Eres un revisor."},
                    {"role": "user", "content": f"Incidencia {code}"},
                    {"role": "assistant", "content": label},
                ],
                "incident_id": code,
                "task": "critique",
                "label": label,
                "kb_id": "KB-0001",
                "sources": ["gold"],
            }
            for code, label in items
        ]
        alpaca = [
            {"instruction": "Eres un revisor.", "input": "x", "output": label} for _, label in items
        ]
        for name, rows in (("chat", chat), ("alpaca", alpaca)):
            (folder / f"{split}.{name}.jsonl").write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
            )
    sha = "0123456789abcdef" * 4
    card = {
        "task": "critique",
        "counts": {"train": {"records": 3}, "validation": {"records": 1}},
        "sha256": sha,
    }
    (folder / "card.json").write_text(json.dumps(card), encoding="utf-8")
    tracked = log_dataset(folder, settings)
    assert tracked.problem is None, tracked.problem
    run = _store(settings).client.get_run(tracked.run_ids[0])
    assert run.inputs is not None
    inputs = {
        d.dataset.name: (d.dataset.digest, {t.key: t.value for t in d.tags})
        for d in run.inputs.dataset_inputs
    }
    assert set(inputs) == {"critique-train", "critique-validation"}
    assert {digest for digest, _ in inputs.values()} == {sha[:32]}
    assert inputs["critique-train"][1]["mlflow.data.context"] == "train"
    assert run.data.params["train_examples"] == "3" and run.data.params["sha256"] == sha


def test_a_training_run_is_logged_with_its_history_and_its_adapter_registered(
    settings: Settings, tmp_path: Path
) -> None:
    adapter = tmp_path / "adapter.gguf"
    adapter.write_bytes(b"GGUF" + bytes(60))
    metrics = tmp_path / "metrics.json"
    metrics.write_text(json.dumps({"steps": 2}), encoding="utf-8")
    tracking = {
        "params": {"base": "qwen2.5-coder-0.5b", "rank": 16, "base_sha256": "cd" * 32},
        "metrics": {"val_loss": 0.5, "val_accuracy": 0.75, "seconds_per_step": 32.5},
        "history": [("train_loss", 1.2, 1), ("train_loss", 0.9, 2), ("val_accuracy", 0.75, 2)],
        "artifacts": {
            "adapter_gguf": str(adapter),
            "peft_adapter": str(tmp_path),  # a folder: not logged file by file
            "metrics": str(metrics),
        },
        "tags": {"task": "critique", "base_model": "qwen2.5-coder-0.5b", "device": "cpu"},
    }
    tracked = log_training(tracking, settings)
    assert tracked.problem is None, tracked.problem
    assert tracked.registered == f"{LORA_MODEL_NAME} version 1"
    store = _store(settings)
    run = store.client.get_run(tracked.run_ids[0])
    assert run.data.params["rank"] == "16" and run.data.metrics["val_accuracy"] == 0.75
    losses = store.client.get_metric_history(run.info.run_id, "train_loss")
    assert [(m.step, m.value) for m in losses] == [(1, 1.2), (2, 0.9)]
    assert run.data.tags["resolvia.base_model"] == "qwen2.5-coder-0.5b"
    got = store.download_version(LORA_MODEL_NAME, 1, tmp_path / "back")
    assert (got / "adapter.gguf").read_bytes() == adapter.read_bytes()
    assert store.aliases(LORA_MODEL_NAME) == {}  # registered, never promoted by itself


def test_a_training_run_with_tracking_off_logs_nothing(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING", "false")
    tracked = log_training({"params": {}, "metrics": {}}, load_settings())
    assert tracked.disabled and not tracked.run_ids


def test_a_folder_without_a_card_is_a_warning(settings: Settings, tmp_path: Path) -> None:
    tracked = log_dataset(tmp_path, settings)
    assert tracked.problem and "card.json" in tracked.problem


def test_a_run_records_the_confidence_model_it_used_in_its_summary_and_report(
    tmp_path: Path,
) -> None:
    from graph.context import RunOptions
    from tests.fakes import FakeChatModel
    from tests.graph_support import build_harness
    from tests.unit.test_graph import KB

    harness = build_harness(
        tmp_path, [], FakeChatModel([]), kb=KB, components=["Correo"], options=RunOptions()
    )
    try:
        harness.ctx.confidence = ConfidenceChoice(
            None, "registro", name=NAME, version=4, alias=CHAMPION
        )
        harness.summary()
        assert harness.ctx.recorder is not None
        summary = json.loads(harness.ctx.recorder.summary_path.read_text(encoding="utf-8"))
    finally:
        harness.close()
    assert summary["confidence_model"]["name"] == NAME
    assert (summary["confidence_model"]["version"], summary["confidence_model"]["alias"]) == (
        4,
        CHAMPION,
    )
    [markdown] = (tmp_path / "reportes").glob("reporte*.md")
    assert f"{NAME} versión 4 del registro de MLflow" in markdown.read_text(encoding="utf-8")
