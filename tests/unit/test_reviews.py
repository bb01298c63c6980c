"""Reviewers' labels: the store, the gold-format export that `evaluate --gold` and
`calibrate --gold` take, and the terminal commands (runs, show, review, console users)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import structlog
from typer.testing import CliRunner

from adapters.reviews import ReviewError, ReviewStore, Verdict, as_seen_by_engine, export_gold
from adapters.users import UserStore
from cli.app import app
from config import REPO_ROOT, get_settings, load_settings
from domain.activity import new_activity
from domain.incident import already_tried
from finetune.gold import read_gold_file
from observability.logging import configure_logging
from tests.console_support import RUN_ID, SERVED, seed_run, with_escalation_note

runner = CliRunner()


@pytest.fixture(autouse=True)
def _settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("OUTPUT_DIR", str(tmp_path / "out"))
    get_settings.cache_clear()
    configure_logging("INFO", "json", stream=io.StringIO(), force=True)
    yield
    get_settings.cache_clear()
    structlog.contextvars.clear_contextvars()


def _store(tmp_path: Path) -> ReviewStore:
    return ReviewStore(tmp_path / "data" / "reviews.sqlite")


def test_the_incident_goes_out_as_the_engine_saw_it() -> None:
    served = SERVED["INC000107"]
    after = with_escalation_note(served)
    assert already_tried(after, "[RESOLVIA") and after["buzon"] == "SOPORTE_N2"
    seen = as_seen_by_engine(after)
    assert seen == served  # the engine's note gone, the mailbox it had back
    assert not new_activity(seen)
    assert as_seen_by_engine(served) == served


def test_labels_export_in_the_gold_format(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add(
        "INC000107",
        Verdict.KB,
        reviewer="ana",
        kb_id="KB-0043",
        action="api|cambioiban",
        note="cambio de IBAN",
        run_id=RUN_ID,
        incident=with_escalation_note(SERVED["INC000107"]),
    )
    store.add(
        "INC000111",
        Verdict.NEW_KNOWLEDGE,
        reviewer="ana",
        kb_id="KB-0001",  # ignored: no row covers it
        incident=SERVED["INC000111"],
    )
    store.add("INC000113", Verdict.NOT_AUTOMATABLE, reviewer="ana", kb_id="KB-0071", action="x")
    store.add("INC000113", Verdict.NOT_AUTOMATABLE, reviewer="luis", kb_id="KB-0071")
    assert len(store.history("INC000113")) == 2
    assert store.latest()["INC000113"].reviewer == "luis"
    items, missing = export_gold(store)
    assert missing == ["INC000113"]  # no snapshot of the incident
    path = tmp_path / "labels.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    gold = {g.code: g for g in read_gold_file(path)}
    assert gold["INC000107"].expected == {
        "resultado": "resolver",
        "kb_id": "KB-0043",
        "accion": "api|cambioiban",
        "motivo": "cambio de IBAN",
        "categoria": "resoluble",
    }
    assert gold["INC000107"].resolvable and gold["INC000107"].incident == SERVED["INC000107"]
    assert gold["INC000111"].expected["resultado"] == "escalar"
    assert gold["INC000111"].kb_id is None and not gold["INC000111"].resolvable
    with pytest.raises(ReviewError):
        store.add("INC000111", Verdict.KB, reviewer="ana")


def test_review_cli_lists_the_queue_and_exports(tmp_path: Path) -> None:
    settings = load_settings()
    seed_run(settings)
    listed = runner.invoke(app, ["review", "--json"])
    assert listed.exit_code == 0, listed.output
    queue = json.loads(listed.stdout)
    assert [q["incident_id"] for q in queue] == ["INC000111", "INC000107"]
    _store(tmp_path).add(
        "INC000107",
        Verdict.KB,
        reviewer="ana",
        kb_id="KB-0043",
        action="api|cambioiban",
        run_id=RUN_ID,
        incident=with_escalation_note(SERVED["INC000107"]),
    )
    assert [q["incident_id"] for q in json.loads(runner.invoke(app, ["review", "--json"]).stdout)]
    assert len(json.loads(runner.invoke(app, ["review", "--json", "--all"]).stdout)) == 2
    out = tmp_path / "export" / "labels.json"
    exported = runner.invoke(app, ["review", "--export", str(out), "--json"])
    assert exported.exit_code == 0, exported.output
    assert json.loads(exported.stdout) == {"file": str(out), "items": 1, "left_out": []}
    [item] = read_gold_file(out)
    assert item.code == "INC000107" and item.kb_id == "KB-0043"


def test_runs_and_show_commands(tmp_path: Path) -> None:
    seed_run(load_settings())
    runs = runner.invoke(app, ["runs", "--json"])
    assert runs.exit_code == 0, runs.output
    [run] = json.loads(runs.stdout)
    assert run["run_id"] == RUN_ID and run["resolved"] == 1 and run["escalated"] == 2
    assert run["degraded"] == 1 and run["models"] == ["llamacpp/qwen2.5-coder-1.5b"]
    shown = runner.invoke(app, ["show", "INC000107", "INC000103", "--json"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.stdout)
    assert data["INC000107"]["decisions"][0]["reason"] == "candidatos_rechazados"
    assert data["INC000107"]["model_calls"] == 1
    assert "99252437P" not in shown.stdout  # the report is redacted
    assert runner.invoke(app, ["show", "INC999999"]).exit_code == 1
    assert runner.invoke(app, ["runs"]).exit_code == 0


def test_console_users_add_takes_the_password_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSOLE_USER_PASSWORD", "una-clave-larga")
    added = runner.invoke(app, ["console", "users", "add", "marta", "--role", "revisor"])
    assert added.exit_code == 0, added.output
    users = UserStore(tmp_path / "data" / "console.sqlite")
    user = users.authenticate("marta", "una-clave-larga")
    assert user is not None and user.role.value == "revisor"
    assert runner.invoke(app, ["console", "users", "add", "x", "--role", "jefe"]).exit_code == 2
    again = runner.invoke(app, ["console", "users", "add", "marta"])
    assert again.exit_code == 1 and "already exists" in again.output


def _dev_records() -> list[dict[str, Any]]:
    path = REPO_ROOT / "bench/reports/evaluation_dev_calibracion_v3/records.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_calibrate_takes_records_of_labelled_incidents_with_gold(tmp_path: Path) -> None:
    labels = tmp_path / "labels.json"
    store = _store(tmp_path)
    store.add(
        "INC000107",
        Verdict.KB,
        reviewer="ana",
        kb_id="KB-0043",
        action="api|cambioiban",
        incident=SERVED["INC000107"],
    )
    labels.write_text(json.dumps(export_gold(store)[0]), encoding="utf-8")
    # what `resolvia evaluate --gold labels.json` adds to the dev records
    records = _dev_records()
    extra = {**records[0], "code": "INC000107", "expected": read_gold_file(labels)[0].expected}
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [*records, extra]), encoding="utf-8")
    out = tmp_path / "model.json"
    refused = runner.invoke(app, ["calibrate", "--records", str(path), "--out", str(out)])
    assert refused.exit_code == 2 and "INC000107" in refused.output
    fitted = runner.invoke(
        app, ["calibrate", "--records", str(path), "--gold", str(labels), "--out", str(out)]
    )
    assert fitted.exit_code == 0, fitted.output
    assert out.is_file()


@pytest.mark.parametrize(
    "split", ["test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9"]
)
def test_calibrate_refuses_labels_on_test_incidents(tmp_path: Path, split: str) -> None:
    path = REPO_ROOT / f"resources/evaluacion/gold_{split}.json"
    held_out = json.loads(path.read_text("utf-8"))
    labels = tmp_path / "labels.json"
    labels.write_text(json.dumps(held_out[:1]), encoding="utf-8")
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(_dev_records()[0]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["calibrate", "--records", str(path), "--gold", str(labels)])
    assert result.exit_code == 2 and "test splits" in result.output


def test_evaluate_runs_the_labels_instead_of_a_split(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import finetune.evaluate as fe

    monkeypatch.setenv("CONFIDENCE_MODEL", "critico")  # no artifact check: nothing is run here
    get_settings.cache_clear()
    labels = tmp_path / "labels.json"
    labels.write_text(
        json.dumps([{"incidencia": SERVED["INC000111"], "esperado": {"resultado": "escalar"}}]),
        encoding="utf-8",
    )
    seen: dict[str, Any] = {}

    def collect(settings: Any, spec: str, split: str, **kwargs: Any) -> list[Any]:
        seen["items"] = kwargs["items"]
        return []

    monkeypatch.setattr(fe, "collect", collect)
    monkeypatch.setattr(fe, "summarize", lambda records, **kw: {"model": kw["model"]})
    monkeypatch.setattr(
        fe, "write_reports", lambda folder, split, *a, **kw: {"split": split, "models": []}
    )
    result = runner.invoke(app, ["evaluate", "--gold", str(labels), "--json"])
    assert result.exit_code == 0, result.output
    assert [g.code for g in seen["items"]] == ["INC000111"]
    assert json.loads(result.stdout)["split"] == "labels.json"
