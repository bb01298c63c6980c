"""Postgres that is not there, or goes away: one clear error naming DATABASE_URL (its host,
never the password), exit code 2 at start; lost mid-run, the run stops as when it cannot
record and the incident in hand is resumed by the next run without repeating its change."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from adapters import stores
from adapters.checkpoints import open_postgres_checkpoints
from adapters.database import PostgresUrl
from adapters.llm_history import LLMHistory
from adapters.run_records import RunRecorder
from cli.app import app
from cli.common import ExitCode
from config import get_settings, load_settings
from errors import DatabaseUnavailableError, RunRecordError
from tests.fakes import FakeChatModel
from tests.graph_support import Harness, build_harness
from tests.graph_support import reform as _reform
from tests.graph_support import verdict as _verdict
from tests.postgres_support import PASSWORD, PostgresCluster
from tests.unit.test_checkpoint_redaction import IBAN, KB, NIF
from tests.unit.test_checkpoint_redaction import _incident as incident

runner = CliRunner()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends


def test_postgres_down_at_start_is_one_clear_error_and_exit_code_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    port = _closed_port()
    url = f"postgresql://resolvia:{PASSWORD}@127.0.0.1:{port}/resolvia"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    result = runner.invoke(app, ["outcomes", "INC900101"])
    assert result.exit_code == ExitCode.USAGE == 2, result.output
    assert "DATABASE_URL" in result.output and f"127.0.0.1:{port}/resolvia" in result.output
    assert PASSWORD not in result.output
    assert not (tmp_path / "data" / "outcomes.sqlite").exists()  # not silently SQLite

    settings = load_settings(DATABASE_URL=url, DATA_DIR=tmp_path / "data")
    for opener in (
        lambda: stores.open_recorder(settings, "r1"),
        lambda: stores.open_llm_history(settings),
        lambda: stores.open_checkpointer(settings),
    ):
        with pytest.raises(DatabaseUnavailableError, match="DATABASE_URL") as caught:
            opener()
        assert PASSWORD not in str(caught.value)
    assert PASSWORD not in repr(settings) and PASSWORD not in repr(PostgresUrl(url))


class DropsTheDatabase:
    """The target system's proxy: Postgres drops every connection of the run just as the
    decided action goes out (a restart, a fail-over)."""

    def __init__(self, inner: Any, cluster: PostgresCluster, url: str) -> None:
        self.inner, self.cluster, self.url = inner, cluster, url

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def comprobacion(self, *args: Any, **kwargs: Any) -> Any:
        assert self.cluster.drop_connections(self.url) > 0
        return self.inner.comprobacion(*args, **kwargs)


@pytest.fixture
def harnesses() -> Iterator[list[Harness]]:
    opened: list[Harness] = []
    yield opened
    for harness in opened:
        harness.close()


def _on_postgres(h: Harness, url: PostgresUrl, run_id: str) -> None:
    """The harness's outcome store and LLM history moved to Postgres."""
    h.close()
    h.ctx.recorder = RunRecorder(url, h.tmp / "reportes", h.tmp / "rejected", run_id)
    h.ctx.history = LLMHistory(url)
    h.closing[:] = [h.ctx.recorder, h.ctx.history]


def test_postgres_lost_mid_run_stops_the_run_and_the_next_run_resumes(
    postgres_cluster: PostgresCluster,
    postgres_url: str,
    tmp_path: Path,
    harnesses: list[Harness],
) -> None:
    url = PostgresUrl(postgres_url)
    first_saver = open_postgres_checkpoints(url)
    h = build_harness(
        tmp_path,
        [incident()],
        FakeChatModel([_reform(), _verdict(90)]),
        kb=KB,
        components=["Pólizas"],
        checkpointer=first_saver,
        run_id="run1",
        settings={"DATABASE_URL": postgres_url},
    )
    harnesses.append(h)
    _on_postgres(h, url, "run1")
    h.ctx.target = DropsTheDatabase(h.ctx.target, postgres_cluster, postgres_url)
    with pytest.raises(RunRecordError, match="DATABASE_URL") as caught:
        h.run()
    message = str(caught.value)
    assert url.where in message and PASSWORD not in message
    # the run's summary (a file, not in Postgres) says it stopped, why, and what is left
    assert h.ctx.recorder is not None
    summary = json.loads(h.ctx.recorder.summary_path.read_text(encoding="utf-8"))
    assert url.where in summary["stopped"] and PASSWORD not in json.dumps(summary)
    assert summary["pending"] == 1 and summary["processed"] == 0
    first_saver.conn.close()

    # Postgres answers again: the next run resumes the thread from its checkpoint
    second_saver = open_postgres_checkpoints(url)
    h2 = build_harness(
        tmp_path,
        [],
        FakeChatModel([]),
        kb=KB,
        components=["Pólizas"],
        checkpointer=second_saver,
        run_id="run2",
        store=h.store,
        settings={"DATABASE_URL": postgres_url},
    )
    harnesses.append(h2)
    _on_postgres(h2, url, "run2")
    out = h2.run()["INC900101"]
    assert out["outcome"] == "resolved"
    assert out["details"]["params"] == {"poliza": "31186230", "nif": NIF, "iban": IBAN}
    second_saver.conn.close()
    history = h2.incident("INC900101")["historial"]
    assert sum(e["Autor"] == "resolvia" for e in history) == 1  # changed once
    rows = h2.incidents._http.request_json("GET", "/api/_requests")
    keys = [r["idempotency_key"] for r in rows if r["method"] == "PATCH"]
    assert keys and len(set(keys)) == 1  # any repeat went under the same key
    assert h2.ctx.recorder is not None
    assert [o.outcome for o in h2.ctx.recorder.history("INC900101")] == ["resolved"]


def test_two_processes_creating_the_checkpoint_tables_together_do_not_deadlock(
    postgres_url: str,
) -> None:
    """LangGraph builds its indexes CONCURRENTLY, which waits for every older snapshot: a run
    that waited for the setup lock with a blocking pg_advisory_lock() while another run held it
    deadlocked with that run (seen with two machines starting together). Here the lock is held
    while two savers start, then let go: both must come up."""
    import threading

    import psycopg

    from adapters.checkpoints import _SETUP_LOCK

    where = PostgresUrl(postgres_url)
    holder = psycopg.connect(postgres_url, autocommit=True)
    holder.execute("SELECT pg_advisory_lock(%s)", (_SETUP_LOCK,))
    errors: list[BaseException] = []
    opened: list[Any] = []

    def start() -> None:
        try:
            opened.append(open_postgres_checkpoints(where))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    threading.Event().wait(0.5)  # both are waiting for the lock now
    holder.execute("SELECT pg_advisory_unlock(%s)", (_SETUP_LOCK,))
    holder.close()
    for thread in threads:
        thread.join(timeout=60)
    for saver in opened:
        saver.conn.close()
    assert errors == [] and len(opened) == 2, errors
