"""Retention: each store loses what is older than its setting, nothing else; a dry run counts
the same and deletes nothing; ``resolvia prune`` reports it and respects the run lock."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import structlog
from langgraph.checkpoint.base import empty_checkpoint
from typer.testing import CliRunner

from adapters.checkpoints import open_checkpoints
from adapters.llm_history import LLMCallRecord, LLMHistory
from adapters.retention import prune
from adapters.run_lock import run_lock
from cli.app import app
from config import Settings, get_settings, load_settings
from observability.logging import configure_logging

NOW = datetime.now(UTC)
OLD = NOW - timedelta(days=400)
RECENT = NOW - timedelta(days=1)


def _file(path: Path, when: datetime, size: int = 100) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x" * size, encoding="utf-8")
    os.utime(path, (when.timestamp(), when.timestamp()))
    return path


def _call(run_id: str) -> LLMCallRecord:
    return LLMCallRecord(
        run_id=run_id,
        incident_id="INC1",
        node="critique",
        prompt_id="critique_verdict",
        prompt_version="v1",
        prompt_sha256="0" * 64,
        model="fake/model",
        messages=[{"role": "user", "content": "y" * 2000}],
        output="sí",
        parsed=None,
        first_try_valid=True,
        calls=1,
        input_tokens=10,
        output_tokens=1,
        latency_s=0.1,
    )


def _thread(saver: Any, thread_id: str, when: datetime) -> None:
    checkpoint = empty_checkpoint()
    checkpoint["ts"] = when.isoformat()
    checkpoint["channel_values"] = {"text": "z" * 5000, "incident_id": thread_id}
    config = {"configurable": {"thread_id": thread_id, "checkpoint_ns": ""}}
    saved = saver.put(config, checkpoint, {"source": "loop", "step": 1, "parents": {}}, {})
    saver.put_writes(saved, [("text", "w" * 3000)], "task-1")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    s = load_settings(DATA_DIR=tmp_path / "data", OUTPUT_DIR=tmp_path / "out")
    reports, rejected = s.reports_dir, s.rejected_dir
    for when, tag in ((OLD, "old"), (RECENT, "new")):
        _file(reports / f"run_{tag}.jsonl", when)
        _file(reports / f"run_{tag}_summary.json", when)
        _file(rejected / f"rechazos_{tag}.jsonl", when)
        _file(s.ocr_cache_dir / f"{tag}.json", when)
        _file(s.logs_dir / f"llama-server-{tag}.log", when)
    legacy = {"text": "NIF 99118962W", "image_format": "PNG"}  # from before the rule
    _file(s.ocr_cache_dir / "legacy.json", RECENT).write_text(json.dumps(legacy), "utf-8")
    _file(reports / "eval_old" / "summary.json", OLD)  # an evaluation: never pruned
    _file(s.DATA_DIR / "outcomes.sqlite", OLD)  # the durable truth: never pruned
    history = LLMHistory(s.llm_history_path)
    for run_id in ("old-1", "old-2", "new-1"):
        history.record(_call(run_id))
    # closed here, not whenever the garbage collector gets to it: a connection left open
    # keeps the write-ahead log, which a later close folds into the file in the middle of the
    # test (the dry run's "changes nothing" then saw the file sizes move)
    with contextlib.closing(sqlite3.connect(s.llm_history_path)) as conn, conn:
        conn.execute(
            "UPDATE llm_calls SET ts = ? WHERE run_id LIKE 'old-%'",
            (OLD.isoformat(timespec="milliseconds"),),
        )
        conn.execute(
            "UPDATE llm_calls SET ts = ? WHERE run_id = 'new-1'",
            (RECENT.isoformat(timespec="milliseconds"),),
        )
    history.close()
    saver = open_checkpoints(s.checkpoints_path)
    _thread(saver, "INC-OLD", OLD)
    _thread(saver, "INC-NEW", RECENT)
    saver.conn.close()
    return s


def _names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_a_dry_run_counts_what_would_go_and_deletes_nothing(settings: Settings) -> None:
    before = {p: p.stat().st_size for p in settings.DATA_DIR.rglob("*") if p.is_file()}
    report = prune(settings, dry_run=True, now=NOW).as_dict()
    stores = report["stores"]
    assert stores["reports"]["removed"] == 3  # report, summary, server log
    assert stores["rejected"]["removed"] == 1
    assert stores["ocr_cache"]["removed"] == 2  # the old entry, the one with a NIF
    assert (stores["llm_history"]["removed"], stores["llm_history"]["unit"]) == (2, "rows")
    assert (stores["checkpoints"]["removed"], stores["checkpoints"]["unit"]) == (1, "threads")
    assert stores["llm_history"]["bytes"] >= 4000 and stores["checkpoints"]["bytes"] >= 8000
    assert report["dry_run"] is True and report["bytes"] > 12_000
    after = {p: p.stat().st_size for p in settings.DATA_DIR.rglob("*") if p.is_file()}
    assert after == before
    assert len(_names(settings.reports_dir)) == 5


def test_prune_deletes_only_what_is_older_than_its_setting(settings: Settings) -> None:
    checkpoints_before = settings.checkpoints_path.stat().st_size
    report = prune(settings, now=NOW)
    assert report.bytes > 0
    assert _names(settings.reports_dir) == {"run_new.jsonl", "run_new_summary.json", "eval_old"}
    assert _names(settings.rejected_dir) == {"rechazos_new.jsonl"}
    assert _names(settings.ocr_cache_dir) == {"new.json"}
    assert _names(settings.logs_dir) == {"llama-server-new.log"}
    assert (settings.DATA_DIR / "outcomes.sqlite").exists()
    history = LLMHistory(settings.llm_history_path)
    assert [r["run_id"] for r in history.rows()] == ["new-1"]
    history.close()
    saver = open_checkpoints(settings.checkpoints_path)
    threads = {c.config["configurable"]["thread_id"] for c in saver.list(None)}
    writes = saver.conn.execute("SELECT DISTINCT thread_id FROM writes").fetchall()
    saver.conn.close()
    assert threads == {"INC-NEW"} and writes == [("INC-NEW",)]
    assert settings.checkpoints_path.stat().st_size < checkpoints_before  # compacted
    assert prune(settings, now=NOW).bytes == 0  # nothing left to do


def test_zero_days_keeps_a_store_forever(settings: Settings) -> None:
    kept = settings.model_copy(
        update={"RETENTION_LLM_HISTORY_DAYS": 0, "RETENTION_REPORTS_DAYS": 0}
    )
    report = prune(kept, now=NOW).as_dict()["stores"]
    assert report["llm_history"] == {"keep_days": 0, "removed": 0, "unit": "rows", "bytes": 0}
    assert report["reports"]["removed"] == 0 and report["rejected"]["removed"] == 1
    assert "run_old.jsonl" in _names(settings.reports_dir)


def test_missing_stores_are_nothing_to_prune(tmp_path: Path) -> None:
    report = prune(load_settings(DATA_DIR=tmp_path / "none", OUTPUT_DIR=tmp_path / "o"))
    assert report.bytes == 0 and all(s.removed == 0 for s in report.stores)
    assert not (tmp_path / "none").exists()


# --- the command --------------------------------------------------------------------------


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> Iterator[Settings]:
    monkeypatch.setenv("DATA_DIR", str(settings.DATA_DIR))
    monkeypatch.setenv("OUTPUT_DIR", str(settings.OUTPUT_DIR))
    get_settings.cache_clear()
    configure_logging("INFO", "json", stream=io.StringIO(), force=True)
    yield settings
    get_settings.cache_clear()
    structlog.contextvars.clear_contextvars()


def test_the_command_reports_counts_and_bytes_as_json(cli_env: Settings) -> None:
    result = CliRunner().invoke(app, ["prune", "--dry-run", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["dry_run"] is True
    assert set(report["stores"]) == {
        "reports",
        "rejected",
        "llm_history",
        "checkpoints",
        "ocr_cache",
    }
    assert report["stores"]["reports"]["removed"] == 3  # the fixture's old files
    assert (cli_env.reports_dir / "run_old.jsonl").exists()


def test_the_command_waits_for_no_run(cli_env: Settings) -> None:
    with run_lock(cli_env.DATA_DIR, "run-in-progress"):
        result = CliRunner().invoke(app, ["prune"])
    assert result.exit_code == 1
    assert "run-in-progress" in result.output
    assert (cli_env.reports_dir / "run_old.jsonl").exists()
