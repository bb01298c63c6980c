"""``resolvia run --workers N`` without starting anything: the options it refuses, the summary
the parent adds up from its workers', the private index copies. (The workers themselves run in
tests/integration/test_workers.py.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.app import app
from cli.workers import (
    Worker,
    WorkersError,
    WorkersRun,
    combine,
    copy_index,
    healthy,
)
from config import load_settings

runner = CliRunner()


@pytest.mark.parametrize(
    "extra",
    [["--incident", "INC000101"], ["--limit", "3"], ["--dry-run"]],
)
def test_workers_go_with_the_whole_queue_only(extra: list[str]) -> None:
    result = runner.invoke(app, ["run", "--workers", "3", *extra])
    assert result.exit_code == 2
    assert "--workers N works the whole queue" in result.stderr


def test_the_worker_command_is_hidden_from_people() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and " worker " not in result.stdout
    assert "--workers" in runner.invoke(app, ["run", "--help"]).stdout


def _worker(worker_id: str, code: int | None) -> Worker:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return Worker(worker_id, f"q1-{worker_id}", process, code=code)


def _summary(**counts: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "processed": 0,
        "resolved": 0,
        "reassigned": 0,
        "on_hold": 0,
        "escalated": 0,
        "errors": 0,
        "pending_approval": 0,
        "degraded": 0,
        "reprocessed": 0,
        "skipped": 0,
        "awaiting_approval": 0,
        "pending": 0,
        "interrupted": False,
        "seconds": 1.0,
        "report": "/out/reportes/run_x.jsonl",
        "worker": {"worker_id": "w", "taken_over": 0, "done_elsewhere": 0},
    }
    return {**base, **counts}


def test_the_summary_adds_the_workers_up_and_counts_the_queue_once() -> None:
    run = WorkersRun("q1", [_worker("w1", 0), _worker("w2", 0)])
    summaries: dict[str, dict[str, Any] | None] = {
        "w1": _summary(processed=3, resolved=2, escalated=1, skipped=4, llm_calls=5),
        "w2": _summary(
            processed=2,
            on_hold=1,
            reassigned=1,
            skipped=4,
            llm_calls=3,
            worker={"worker_id": "w2", "taken_over": 1, "done_elsewhere": 2},
        ),
    }
    result = combine(run, summaries, seconds=12.345)
    assert (result["processed"], result["resolved"], result["escalated"]) == (5, 2, 1)
    assert (result["on_hold"], result["reassigned"], result["llm_calls"]) == (1, 1, 8)
    assert result["skipped"] == 4  # each worker saw the same four handled incidents
    assert result["taken_over"] == 1 and result["workers_died"] == 0
    assert result["seconds"] == 12.35 and result["run_id"] == "q1"
    assert [w["worker"] for w in result["workers"]] == ["w1", "w2"]
    assert healthy(result)


def test_a_dead_worker_or_a_failed_one_makes_the_run_fail() -> None:
    run = WorkersRun("q1", [_worker("w1", -9), _worker("w2", 0), _worker("w3", 0)], died=["w1"])
    summaries = {"w1": None, "w2": _summary(processed=2), "w3": _summary(processed=1)}
    result = combine(run, summaries, seconds=1.0)
    assert result["processed"] == 3 and result["workers_died"] == 1
    assert result["workers"][0]["processed"] is None  # it never wrote a summary
    assert not healthy(result)
    failed = WorkersRun("q1", [_worker("w1", 1)])
    assert not healthy(combine(failed, {"w1": _summary(processed=1)}, seconds=1.0))
    erred = WorkersRun("q1", [_worker("w1", 0)])
    assert not healthy(combine(erred, {"w1": _summary(processed=1, errors=1)}, seconds=1.0))
    # a worker that lost the database wrote why it stopped: the queue run says so too
    lost = "lost the database of DATABASE_URL (db:5432/resolvia): server closed the connection"
    stopped = combine(
        WorkersRun("q1", [_worker("w1", 1), _worker("w2", 0)]),
        {"w1": _summary(processed=1, stopped=lost, pending=3), "w2": _summary(processed=2)},
        seconds=1.0,
    )
    assert stopped["stopped"] == lost and stopped["pending"] == 3 and not healthy(stopped)
    assert combine(erred, {"w1": _summary(processed=1)}, seconds=1.0)["stopped"] is None


def test_each_worker_gets_its_own_copy_of_the_local_index(tmp_path: Path) -> None:
    settings = load_settings(DATA_DIR=tmp_path / "data")
    index = settings.qdrant_path
    (index / "collection").mkdir(parents=True)
    (index / "collection" / "storage.sqlite").write_bytes(b"points")
    (index / ".lock").write_text("tmp lock file", encoding="utf-8")
    copy_index(settings, tmp_path / "w1" / "qdrant")
    assert (tmp_path / "w1" / "qdrant" / "collection" / "storage.sqlite").read_bytes() == b"points"
    assert not (tmp_path / "w1" / "qdrant" / ".lock").exists()
    worker_settings = load_settings(
        DATA_DIR=tmp_path / "data", QDRANT_PATH=tmp_path / "w1" / "qdrant"
    )
    assert worker_settings.qdrant_path == tmp_path / "w1" / "qdrant"


def test_an_index_that_is_missing_or_being_written_is_a_clear_error(tmp_path: Path) -> None:
    import fcntl

    settings = load_settings(DATA_DIR=tmp_path / "data")
    with pytest.raises(WorkersError, match=r"run `python batch\.py` first"):
        copy_index(settings, tmp_path / "copy")
    settings.qdrant_path.mkdir(parents=True)
    lock = settings.qdrant_path / ".lock"
    lock.write_text("tmp lock file", encoding="utf-8")
    with lock.open("r+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a Qdrant client holds it
        with pytest.raises(WorkersError, match=r"open in another process.*QDRANT_URL"):
            copy_index(settings, tmp_path / "copy")


def test_the_shared_model_server_serves_the_adapter_the_workers_would_apply(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parent starts the one llama.cpp server the workers use: with LLM_LORA_ADAPTER set
    it must be started with that adapter (the workers take the URL as it is), after the same
    start-up check the engine makes."""
    import adapters.llm.providers as providers
    import adapters.llm.server as server
    from cli.workers import shared_model_urls

    adapter = tmp_path / "adapter.gguf"
    adapter.write_bytes(b"GGUF")
    checked: list[str | None] = []
    started: list[dict[str, Any]] = []

    class Running:
        base_url = "http://127.0.0.1:9/v1"

    def fake_get_server(model_path: Path, **kwargs: Any) -> Running:
        started.append({"model": model_path, **kwargs})
        return Running()

    monkeypatch.setattr(providers, "check_lora_adapter", lambda s, m=None: checked.append(m))
    monkeypatch.setattr(providers, "resolve_gguf", lambda spec, s: tmp_path / "base.gguf")
    monkeypatch.setattr(server, "get_server", fake_get_server)
    settings = load_settings(
        LLM_MODEL="llamacpp/qwen2.5-coder-0.5b", LLM_LORA_ADAPTER=adapter, DATA_DIR=tmp_path
    )
    urls = shared_model_urls(settings, None)
    assert urls == {"llamacpp/qwen2.5-coder-0.5b": Running.base_url}
    assert checked == ["llamacpp/qwen2.5-coder-0.5b"]
    [call] = started
    assert call["lora_path"] == adapter and call["model"] == tmp_path / "base.gguf"


_DIES_BEFORE_ITS_LINE = """
import os, signal, sys
from pathlib import Path
from adapters import run_records
from adapters.run_records import RunRecorder

data, reports, rejected, run_id = sys.argv[1:5]
recorder = RunRecorder(Path(data) / "outcomes.sqlite", Path(reports), Path(rejected), run_id)

def killed(path, entry):  # kill -9 after the outcome is committed, before its line is written
    os.kill(os.getpid(), signal.SIGKILL)

run_records._append = killed
recorder.record({"incident_id": "INC000102", "outcome": "escalated", "reason": "low_confidence"})
"""


def test_a_worker_killed_between_commit_and_report_line_loses_no_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker that later finds the incident done does not write its line, and the dead
    worker never will: the parent writes it once every worker has ended (the fresh-clone CI
    caught the line missing in test_kill_one_worker_of_three_mid_run[postgres])."""
    import cli.workers as workers

    settings = load_settings(DATA_DIR=tmp_path / "data", OUTPUT_DIR=tmp_path / "out")
    spawned: list[Worker] = []

    def spawn(self: Any) -> Worker:
        worker_id = f"w{len(self.run.workers) + 1}"
        run_id = workers.worker_run_id(self.run.run_id, worker_id)
        code = _DIES_BEFORE_ITS_LINE if not spawned else "pass"  # its replacement: nothing left
        args = [str(settings.DATA_DIR), str(settings.reports_dir), str(settings.rejected_dir)]
        process = subprocess.Popen([sys.executable, "-c", code, *args, run_id])
        worker = Worker(worker_id, run_id, process)
        self.run.workers.append(worker)
        spawned.append(worker)
        return worker

    monkeypatch.setattr(workers, "shared_model_urls", lambda settings, model: {})
    monkeypatch.setattr(workers._Spawner, "spawn", spawn)
    monkeypatch.setattr(workers, "POLL_S", 0.05)
    run = workers.run_workers(settings, "q1", ["default"], 1)

    assert run.died == ["w1"] and [w.code for w in run.workers] == [-9, 0]
    report = settings.reports_dir / f"run_{run.workers[0].run_id}.jsonl"
    [line] = [json.loads(x) for x in report.read_text(encoding="utf-8").splitlines()]
    assert line["incident_id"] == "INC000102" and line["recovered"] is True
    rejected = settings.rejected_dir / f"rechazos_{run.workers[0].run_id}.jsonl"
    assert [json.loads(x)["incident_id"] for x in rejected.read_text().splitlines()] == [
        "INC000102"
    ]


def test_several_in_flight_against_the_managed_model_server_is_warned_about(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bundled llama.cpp server answers one request at a time: RUN_CONCURRENCY or
    RUN_WORKERS above 1 only queue for it, and the run says so; not with a server of
    parallel slots (an OpenAI-compatible URL, or a llama.cpp server already serving)."""
    import cli.run
    from cli.run import _warn_one_model_slot

    warned: list[dict[str, Any]] = []

    class Log:
        def warning(self, event: str, **fields: Any) -> None:
            warned.append({"event": event, **fields})

    monkeypatch.setattr(cli.run, "log", Log())
    managed = load_settings(LLM_MODEL="llamacpp/qwen2.5-coder-1.5b", RUN_CONCURRENCY=4)
    _warn_one_model_slot(managed, None, 1)
    _warn_one_model_slot(load_settings(LLM_MODEL="llamacpp/qwen2.5-coder-1.5b"), None, 1)
    _warn_one_model_slot(load_settings(LLM_MODEL="llamacpp/qwen2.5-coder-1.5b"), None, 3)
    served = load_settings(LLM_MODEL="openai-compatible/m@http://127.0.0.1:9/v1", RUN_CONCURRENCY=8)
    _warn_one_model_slot(served, None, 2)
    assert [e["event"] for e in warned] == ["run.one_model_slot"] * 2
    assert [e["in_flight"] for e in warned] == [4, 3]
    assert "one request at a time" in warned[0]["hint"]
