"""Several workers on one queue (``resolvia run --workers N``, issue #17 point 2): the engine as
real processes against freshly seeded mock services and the fake OpenAI-compatible model
(tests/fake_llm_server.py), every path under pytest's tmp dir. The decisive check is the
mock's request log: whatever happens to a worker, each incident is changed exactly once.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import psycopg
import pytest

from adapters.database import PostgresUrl
from adapters.run_records import outcome_history
from tests.fake_llm_server import FakeModelServer
from tests.fault_proxy import FaultProxy
from tests.fault_support import (
    FINAL,
    EngineRun,
    SideEffects,
    Workspace,
    copy_index,
    engine_entries,
    kill_group,
    mock_services,
    seed_file,
)

pytestmark = pytest.mark.timeout(900)

#: the stores DATABASE_URL moves into Postgres (adapters/stores.py)
STORES_IN_DATABASE = {"outcomes", "checkpoints", "claims", "llm_history"}


@pytest.fixture(scope="module")
def chat() -> Iterator[FakeModelServer]:
    # slow enough that a worker is caught in the middle of an incident
    with FakeModelServer(latency_s=0.3) as server:
        yield server


@contextmanager
def workspace(
    root: Path, chat: FakeModelServer, embeddings: FakeModelServer, index_template: Path
) -> Iterator[Workspace]:
    """A fresh engine installation (copy of the index) with freshly seeded mock services."""
    root.mkdir()
    copy_index(index_template, root / "data")
    seed = seed_file(root / "incidents.json")
    with ExitStack() as stack:
        mocks = stack.enter_context(mock_services(root, seed))
        incidents_proxy = stack.enter_context(FaultProxy(mocks.incident_manager_url))
        target_proxy = stack.enter_context(FaultProxy(mocks.target_system_url))
        chat.reset()
        yield Workspace(
            root, mocks, incidents_proxy, target_proxy, chat, embeddings, stack=stack, seed=seed
        )


def one_process_reference(
    tmp_path: Path, chat: FakeModelServer, embeddings: FakeModelServer, index_template: Path
) -> tuple[list[str], dict[str, tuple[str, str | None]]]:
    """The queue, and what a plain one-process run decides for each incident (outcome, row)."""
    with workspace(tmp_path / "reference", chat, embeddings, index_template) as ws:
        queue = ws.open_queue()
        clean = ws.run()
        assert clean.returncode == 0, clean.tail()
        reference = {c: f[0] for c, f in ws.final_outcomes().items()}
    assert sorted(reference) == sorted(queue) and len(queue) == 13
    return queue, reference


def live_claims(ws: Workspace, database_url: str | None = None) -> list[tuple[str, str]]:
    """(incident, worker) of every claim held right now (in DATABASE_URL's database, when
    the run used one)."""
    if database_url is not None:
        with psycopg.connect(database_url) as pg:
            found = pg.execute(
                "SELECT incident_id, worker_id FROM claims WHERE released_at IS NULL"
            ).fetchall()
        return [(str(a), str(b)) for a, b in found]
    path = ws.data_dir / "claims.sqlite"
    if not path.exists():
        return []
    with contextlib.closing(sqlite3.connect(path, timeout=10)) as conn:
        rows = conn.execute(
            "SELECT incident_id, worker_id FROM claims WHERE released_at IS NULL"
        ).fetchall()
    return [(str(a), str(b)) for a, b in rows]


def final_outcomes(
    ws: Workspace, queue: list[str], database_url: str | None
) -> dict[str, list[tuple[str, str | None]]]:
    """Per incident, its final outcomes as (outcome, kb_id), from the run's outcome store."""
    if database_url is None:
        return ws.final_outcomes()
    found: dict[str, list[tuple[str, str | None]]] = {}
    for code in queue:
        for stored in outcome_history(PostgresUrl(database_url), code):
            if stored.outcome in FINAL:
                found.setdefault(code, []).append((stored.outcome, stored.kb_id))
    return found


def pending_threads(ws: Workspace, database_url: str | None) -> list[str]:
    """Checkpointed threads a later run would resume."""
    if database_url is None:
        return ws.pending_threads()
    from adapters.checkpoints import open_postgres_checkpoints
    from graph.builder import build_graph

    saver = open_postgres_checkpoints(PostgresUrl(database_url))
    try:
        graph = build_graph(saver)
        threads = {c.config["configurable"]["thread_id"] for c in saver.list(None)}
        return sorted(
            t for t in threads if graph.get_state({"configurable": {"thread_id": t}}).next
        )
    finally:
        saver.conn.close()


def events(path: Path, name: str) -> list[dict[str, Any]]:
    found = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("{"):
            with contextlib.suppress(ValueError):
                event = json.loads(line)
                if event.get("event") == name:
                    found.append(event)
    return found


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest) -> str | None:
    """Where the run's durable state lives: SQLite files under DATA_DIR, or a fresh Postgres
    database (outcomes, checkpoints, claims, LLM history) through DATABASE_URL."""
    if request.param == "sqlite":
        return None
    return str(request.getfixturevalue("postgres_url"))


@pytest.mark.parametrize("concurrency", [1, 3], ids=["one-at-a-time", "three-at-once"])
def test_kill_one_worker_of_three_mid_run(
    concurrency: int,
    database_url: str | None,
    tmp_path: Path,
    chat: FakeModelServer,
    embeddings: FakeModelServer,
    index_template: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """kill -9 of one worker of three while it holds an incident: another worker takes that
    incident over and resumes it, the parent replaces the dead worker and reports it; every
    incident ends with exactly one final outcome, the same as a one-process run decides, and
    the incident manager received each change once (its request log)."""
    queue, reference = one_process_reference(tmp_path, chat, embeddings, index_template)

    with workspace(tmp_path / "workers", chat, embeddings, index_template) as ws:
        started = time.monotonic()
        env = {"RUN_WORKERS": "3", "CLAIM_LEASE_S": "20", "RUN_CONCURRENCY": str(concurrency)}
        if database_url is not None:
            env["DATABASE_URL"] = database_url
        proc, out, err = ws.spawn(env=env)
        victim: tuple[str, str, int] | None = None
        try:
            while victim is None and proc.poll() is None:
                assert time.monotonic() - started < 300, err.read_text()[-3000:]
                if ws.incidents_proxy.count("PATCH") >= 2:
                    pids = {e["worker"]: e["pid"] for e in events(err, "worker.started")}
                    held = [(i, w) for i, w in live_claims(ws, database_url) if w in pids]
                    if held:
                        incident, worker = held[0]
                        os.kill(pids[worker], signal.SIGKILL)
                        victim = (incident, worker, pids[worker])
                time.sleep(0.01)
            proc.wait(timeout=300)
        finally:
            kill_group(proc)
        run = EngineRun(int(proc.returncode), out.read_text(), err.read_text())
        assert victim is not None, f"no worker was caught holding an incident\n{run.tail()}"
        summary = run.summary
        assert summary is not None, run.tail()

        # the parent saw the worker die, said so, and the run still did the whole queue
        assert run.returncode == 1, run.tail()
        assert summary["workers_died"] == 1, summary
        died = [w for w in summary["workers"] if w["worker"] == victim[1]]
        assert died and died[0]["exit"] == -9, summary["workers"]
        assert len(summary["workers"]) == 4  # three, and one in the dead one's place
        assert summary["errors"] == 0 and summary["degraded"] == 0, summary
        # incidents the dead worker finished are in its report, not in the summary it never
        # wrote: together they are the whole queue, each once
        lines = [e for e in ws.report_entries() if e["outcome"] in FINAL]
        per_incident = Counter(e["incident_id"] for e in lines)
        assert sorted(per_incident) == sorted(queue), per_incident
        assert set(per_incident.values()) == {1}, per_incident
        assert summary["processed"] == len(queue) - sum(
            1 for e in lines if e["run_id"].endswith(f"-{victim[1]}")
        )

        # the incident in the dead worker's hands was taken over (and resumed if it had begun)
        takeovers = events(err, "claim.taken_over")
        assert victim[0] in {e["incident_id"] for e in takeovers}, takeovers
        assert summary["taken_over"] >= 1

        # every incident: one final outcome, the reference's; one engine entry; one change
        finals = final_outcomes(ws, queue, database_url)
        assert {c: f[0] for c, f in finals.items()} == reference
        assert all(len(f) == 1 for f in finals.values()), finals
        effects = SideEffects.from_log(ws.request_log())
        for code in queue:
            assert len(engine_entries(ws.incident(code))) == 1, code
            assert effects.patches[code] == 1, (code, effects.patches[code])
            assert not effects.repeated_differently(code), (code, effects.sent.get(code))
        assert pending_threads(ws, database_url) == []
        assert live_claims(ws, database_url) == []
        if database_url is not None:  # nothing durable went to SQLite files beside it
            assert not [
                p.name for p in ws.data_dir.glob("*.sqlite") if p.stem in STORES_IN_DATABASE
            ]
        assert not (ws.data_dir / "workers").exists() or not any(
            (ws.data_dir / "workers").iterdir()
        )  # the index copies are gone
        with capsys.disabled():
            print(
                f"\nWORKERS ({'postgres' if database_url else 'sqlite'}, {concurrency} at once per "
                f"worker) kill -9 of {victim[1]} "
                f"holding {victim[0]}: {len(queue)} incidents, "
                f"each final once, each changed once; taken over {summary['taken_over']}, "
                f"idempotent replays absorbed {sum(effects.replays.values())}, "
                f"{time.monotonic() - started:.0f} s",
                flush=True,
            )


def test_one_process_keeps_several_incidents_in_flight(
    database_url: str | None,
    tmp_path: Path,
    chat: FakeModelServer,
    embeddings: FakeModelServer,
    index_template: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """RUN_CONCURRENCY=4 in one process: the model gets several requests at once, and every
    incident ends as one at a time ends it (same outcome and row), recorded once, changed
    once, with nothing left to resume."""
    queue, reference = one_process_reference(tmp_path, chat, embeddings, index_template)
    assert chat.chat_peak == 1  # one at a time: never two model calls at once

    with workspace(tmp_path / "concurrent", chat, embeddings, index_template) as ws:
        env = {"RUN_CONCURRENCY": "4"}
        if database_url is not None:
            env["DATABASE_URL"] = database_url
        started = time.monotonic()
        run = ws.run(env=env)
        seconds = time.monotonic() - started
        assert run.returncode == 0, run.tail()
        summary = run.summary
        assert summary is not None and summary["processed"] == len(queue), run.tail()
        assert summary["errors"] == 0 and summary["degraded"] == 0, summary
        assert chat.chat_peak >= 2, chat.chat_peak  # (at most 4: checked by the slots' tests)
        finals = final_outcomes(ws, queue, database_url)
        assert {c: f[0] for c, f in finals.items()} == reference
        assert all(len(f) == 1 for f in finals.values()), finals
        lines = [e for e in ws.report_entries() if e["outcome"] in FINAL]
        assert sorted(e["incident_id"] for e in lines) == sorted(queue)
        effects = SideEffects.from_log(ws.request_log())
        for code in queue:
            assert len(engine_entries(ws.incident(code))) == 1, code
            assert effects.patches[code] == 1, (code, effects.patches[code])
        assert pending_threads(ws, database_url) == []
        with capsys.disabled():
            print(
                f"\nCONCURRENCY ({'postgres' if database_url else 'sqlite'}) 4 at once in one "
                f"process: {len(queue)} incidents as one at a time decides them, each changed "
                f"once; at most {chat.chat_peak} model calls at once, {seconds:.0f} s",
                flush=True,
            )


def test_two_machines_on_one_postgres_queue_never_work_one_incident_twice(
    postgres_url: str,
    tmp_path: Path,
    chat: FakeModelServer,
    embeddings: FakeModelServer,
    index_template: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Two one-process runs started together, each with its own data directory (two machines)
    and the same DATABASE_URL: each incident is claimed in Postgres, so every incident ends
    with one final outcome and is changed once, whichever machine took it."""
    with workspace(tmp_path / "machines", chat, embeddings, index_template) as ws:
        queue = ws.open_queue()
        second = tmp_path / "machine2"
        copy_index(index_template, second / "data")
        env = {"DATABASE_URL": postgres_url, "RUN_WORKERS": "1"}
        first_proc, first_out, first_err = ws.spawn(env=env)
        second_proc, second_out, second_err = ws.spawn(
            env={**env, "DATA_DIR": str(second / "data"), "OUTPUT_DIR": str(second / "out")}
        )
        try:
            for proc in (first_proc, second_proc):
                proc.wait(timeout=300)
        finally:
            kill_group(first_proc)
            kill_group(second_proc)
        runs = [
            EngineRun(int(p.returncode), o.read_text(), e.read_text())
            for p, o, e in (
                (first_proc, first_out, first_err),
                (second_proc, second_out, second_err),
            )
        ]
        for run in runs:
            assert run.returncode == 0, run.tail()
        summaries = [r.summary for r in runs]
        assert all(s is not None for s in summaries)
        processed = [int(s["processed"]) for s in summaries if s is not None]
        finals = final_outcomes(ws, queue, postgres_url)
        assert sorted(finals) == sorted(queue) and all(len(f) == 1 for f in finals.values())
        effects = SideEffects.from_log(ws.request_log())
        for code in queue:
            assert len(engine_entries(ws.incident(code))) == 1, code
            assert effects.patches[code] == 1, (code, effects.patches[code])
        assert sum(processed) == len(queue), processed  # none worked on by both
        assert live_claims(ws, postgres_url) == []
        with capsys.disabled():
            print(
                f"\nWORKERS two machines on one Postgres queue: processed {processed}, "
                f"{len(queue)} incidents each final once and changed once",
                flush=True,
            )
