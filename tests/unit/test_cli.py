"""The one command line: shared set-up, choices Typer validates, ``--json``, exit codes, and the
old script names reaching the same commands. No network, no model."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import structlog
from typer.testing import CliRunner

from cli.app import app, main
from cli.common import ExitCode, emit_json
from config import REPO_ROOT, get_settings
from observability.logging import configure_logging

runner = CliRunner()


@pytest.fixture(autouse=True)
def _fresh_settings_and_quiet_logs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[None]:
    """Each test reads its own environment; logging is configured once already (as an entry
    point would have done), into a buffer, so commands do not bind it to the runner's stderr."""
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MODELS_DIR", str(tmp_path / "models"))
    get_settings.cache_clear()
    configure_logging("INFO", "json", stream=io.StringIO(), force=True)
    yield
    get_settings.cache_clear()
    structlog.contextvars.clear_contextvars()


def test_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "index", "search", "evaluate", "backup", "mocks", "models"):
        assert f" {command} " in result.stdout, command


def test_exit_codes_keep_their_values() -> None:
    # scripts/run_demo.sh, CI and the integration tests read these numbers
    assert (ExitCode.OK, ExitCode.FAILURE, ExitCode.USAGE) == (0, 1, 2)


@pytest.mark.parametrize(
    "args",
    [
        ["search", "correo", "--mode", "fuzzy"],
        ["evaluate", "--split", "train"],
        ["run", "--limit", "0"],
        ["index", "--no-such-option"],
    ],
)
def test_bad_choices_and_options_are_usage_errors(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Invalid value" in result.stderr or "No such option" in result.stderr


def test_bad_choice_names_the_valid_ones() -> None:
    result = runner.invoke(app, ["search", "correo", "--mode", "fuzzy"])
    assert result.exit_code == 2
    for choice in ("hybrid", "dense", "sparse"):
        assert choice in result.stderr


def test_json_is_one_parseable_line_on_stdout(tmp_path: Path) -> None:
    result = runner.invoke(app, ["models", "list", "--json"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    document = json.loads(lines[0])
    assert document["models_dir"] == str(tmp_path / "models")
    models = {m["name"]: m for m in document["models"]}
    assert models["qwen2.5-coder-0.5b"]["available"] is False  # nothing in this MODELS_DIR
    assert models["gemma3"]["source"] == "served"


def test_emit_json_keeps_spanish_text_readable(capsys: pytest.CaptureFixture[str]) -> None:
    emit_json({"descripcion": "El buzón no recibe correos", "n": 1})
    written = capsys.readouterr().out
    assert written == '{"descripcion": "El buzón no recibe correos", "n": 1}\n'


def test_a_bad_setting_is_one_clear_message_and_exit_code_1(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LOG_LEVEL", "LOUD")
    result = runner.invoke(app, ["models", "list", "--json"])
    assert result.exit_code == 1
    assert "error:" in result.stderr and "Invalid configuration" in result.stderr
    assert "LOG_LEVEL" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_an_expected_failure_is_a_message_and_exit_code_1() -> None:
    result = runner.invoke(app, ["models", "verify", "no-such-model"])
    assert result.exit_code == 1
    assert "error:" in result.stderr and "no-such-model" in result.stderr


def test_a_model_file_that_is_not_here_fails_verify() -> None:
    result = runner.invoke(app, ["models", "verify", "qwen2.5-coder-0.5b", "--json"])
    assert result.exit_code == 1
    (entry,) = json.loads(result.stdout)
    assert entry["status"] == "missing"


def test_pull_without_a_name_is_a_usage_error() -> None:
    result = runner.invoke(app, ["models", "pull"])
    assert result.exit_code == 2
    assert "Give a model NAME or --bundled." in result.stderr


def test_mocks_reset_on_an_empty_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["mocks", "reset", "--data-dir", str(tmp_path / "state")])
    assert result.exit_code == 0, result.stderr
    assert "nothing to reset" in result.stderr


def test_index_of_a_missing_file_fails_with_its_path(tmp_path: Path) -> None:
    missing = tmp_path / "no.csv"
    result = runner.invoke(app, ["index", "--csv", str(missing)])
    assert result.exit_code == 1
    assert "knowledge-base file not found" in result.stderr


def test_main_runs_one_command_as_the_whole_program() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--no-such-option"], command="index")
    assert exit_info.value.code == 2


def _script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "usage", "expected"),
    [
        (["main.py", "--help"], "main.py [OPTIONS] COMMAND", ["run", "index", "models"]),
        (["batch.py", "--help"], "batch.py [OPTIONS]", ["--csv", "--strict", "--json"]),
        (["backup.py", "--help"], "backup.py [OPTIONS] COMMAND", ["create", "restore"]),
        (["-m", "mocks", "--help"], "-m mocks [OPTIONS] COMMAND", ["serve", "reset"]),
        (["-m", "cli", "--help"], "-m cli [OPTIONS] COMMAND", ["backup", "mocks", "evaluate"]),
    ],
)
def test_the_script_names_reach_the_same_commands(
    args: list[str], usage: str, expected: list[str]
) -> None:
    proc = _script(*args)
    assert proc.returncode == 0, proc.stderr
    assert usage in proc.stdout
    for word in expected:
        assert word in proc.stdout, word


def test_evaluate_replays_recorded_evidence_without_any_model_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from config import REPO_ROOT

    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    records = REPO_ROOT / "bench/reports/evaluation_dev_calibracion_v3/records.jsonl"
    out = tmp_path / "replay"
    result = runner.invoke(
        app, ["evaluate", "--split", "dev", "--replay", str(records), "--out", str(out), "--json"]
    )
    assert result.exit_code == 0, result.output
    [model] = json.loads(result.stdout)["models"]
    assert model["incidents"] == sum(1 for line in records.open(encoding="utf-8") if line.strip())
    assert model["threshold"] == 90 and model["confidence_model"] != "critico"
    assert model["precision"] is not None and 0.0 < model["coverage"] <= 1.0
    assert (out / "metrics.json").is_file() and (out / "records.jsonl").is_file()
    assert not (tmp_path / "data" / "llm_history.sqlite").exists()  # no model was called


def test_evaluate_refuses_to_replay_records_without_the_row_likelihood_the_model_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from config import REPO_ROOT
    from finetune.calibrate import calibrate, read_records, write_model

    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    source = REPO_ROOT / "bench/reports/evaluation_dev_calibracion_v3/records.jsonl"
    # a model that reads row_pmi (the shipped one leaves it out)
    from adapters.embeddings import embedding_identity
    from config import load_settings

    model, _ = calibrate(
        read_records(source),
        max_retries=1,
        target_precision=0.95,
        source="dev",
        compare=2,
        embedding_model=embedding_identity(load_settings().EMBEDDING_MODEL),
    )
    assert model.uses("row_pmi")
    write_model(model, tmp_path / "confianza.json")
    monkeypatch.setenv("CONFIDENCE_MODEL", str(tmp_path / "confianza.json"))
    monkeypatch.setenv("MLFLOW_TRACKING", "false")
    lines = [json.loads(line) for line in source.read_text("utf-8").splitlines() if line.strip()]
    for critique in lines[0]["entry"]["critiques"]:
        critique.pop("row_pmi", None)  # collected before feature set v5
    records = tmp_path / "records.jsonl"
    records.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    result = runner.invoke(
        app, ["evaluate", "--split", "dev", "--replay", str(records), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code != 0
    assert "lack row_pmi" in result.output and "backfill_records.py --row-pmi" in result.output
