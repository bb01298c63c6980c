"""Named, forward-only migrations: the helper and the three stores that use it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from adapters import llm_history, run_records
from adapters.llm_history import LLMCallRecord, LLMHistory
from adapters.run_records import RunRecorder
from adapters.sqlite_migrations import Migration, applied_migrations, migrate, split_statements
from mocks import store as mock_store
from mocks.store import MockStore

STEPS = [
    Migration("001_people", "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT);"),
    Migration(
        "002_pets",
        """
        CREATE TABLE pets (id INTEGER PRIMARY KEY, owner INTEGER, name TEXT);
        CREATE INDEX pets_owner ON pets (owner);
        """,
    ),
]


def _tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')")
    return {row[0] for row in rows}


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


def test_a_fresh_database_gets_every_migration_in_order(tmp_path: Path) -> None:
    conn = _connect(tmp_path / "db.sqlite")
    assert migrate(conn, STEPS) == ["001_people", "002_pets"]
    assert {"people", "pets", "pets_owner", "_migrations"} <= _tables(conn)
    assert applied_migrations(conn) == ["001_people", "002_pets"]
    stamps = [row[0] for row in conn.execute("SELECT applied_at FROM _migrations")]
    assert all(stamp.endswith("+00:00") for stamp in stamps)
    assert not conn.in_transaction


def test_reopening_applies_nothing_and_new_migrations_are_added_at_the_end(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.sqlite"
    migrate(_connect(path), STEPS[:1])
    conn = _connect(path)
    conn.execute("INSERT INTO people (name) VALUES ('Ana')")
    conn.commit()
    assert migrate(conn, STEPS[:1]) == []
    assert migrate(conn, STEPS) == ["002_pets"]
    assert migrate(_connect(path), STEPS) == []
    assert conn.execute("SELECT name FROM people").fetchall() == [("Ana",)]
    assert applied_migrations(conn) == ["001_people", "002_pets"]


def test_an_old_user_version_database_is_adopted_without_rerunning(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    old = _connect(path)
    old.executescript(
        "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT);"
        "INSERT INTO people (name) VALUES ('Ana');"
        "PRAGMA user_version = 1;"
    )
    old.close()
    conn = _connect(path)
    # Running 001 again would fail: the table exists. Only 002 is pending.
    assert migrate(conn, STEPS) == ["002_pets"]
    assert applied_migrations(conn) == ["001_people", "002_pets"]
    assert conn.execute("SELECT name FROM people").fetchall() == [("Ana",)]


def test_a_failing_migration_leaves_nothing_half_applied(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    broken = Migration(
        "002_pets",
        "CREATE TABLE pets (id INTEGER PRIMARY KEY); INSERT INTO nowhere VALUES (1);",
    )
    conn = _connect(path)
    with pytest.raises(sqlite3.OperationalError, match="nowhere"):
        migrate(conn, [STEPS[0], broken])
    assert not conn.in_transaction
    assert "pets" not in _tables(conn)
    assert applied_migrations(conn) == ["001_people"]
    # Fixed in the code, the same migration then applies cleanly.
    assert migrate(conn, STEPS) == ["002_pets"]
    assert "pets" in _tables(conn)


def test_migrate_refuses_duplicate_names_and_an_open_transaction(tmp_path: Path) -> None:
    conn = _connect(tmp_path / "db.sqlite")
    with pytest.raises(ValueError, match="unique"):
        migrate(conn, [STEPS[0], STEPS[0]])
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")  # opens an implicit transaction
    with pytest.raises(ValueError, match="open transaction"):
        migrate(conn, STEPS)


def test_split_statements_keeps_semicolons_inside_strings_and_triggers() -> None:
    script = """
    CREATE TABLE t (x TEXT DEFAULT 'a;b');
    CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN UPDATE t SET x = 'c;d'; END;
    -- a comment; with a semicolon
    """
    statements = split_statements(script)
    assert len(statements) == 2
    assert statements[0].startswith("CREATE TABLE") and "'a;b'" in statements[0]
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
    with pytest.raises(ValueError, match="incomplete"):
        split_statements("CREATE TABLE t (x TEXT DEFAULT 'unterminated;")


# --- the stores -------------------------------------------------------------------------------
def _call(run_id: str) -> LLMCallRecord:
    return LLMCallRecord(
        run_id=run_id,
        incident_id="INC1",
        node="critique",
        prompt_id="critic",
        prompt_version="v1",
        prompt_sha256="0" * 64,
        model="m",
        messages=[],
        output="sí",
        parsed=None,
        first_try_valid=True,
        calls=1,
        input_tokens=1,
        output_tokens=1,
        latency_s=0.1,
    )


def test_llm_history_fresh_and_reopened(tmp_path: Path) -> None:
    path = tmp_path / "llm_history.sqlite"
    LLMHistory(path).close()
    history = LLMHistory(path)
    history.record(_call("r1"))
    history.close()
    conn = _connect(path)
    assert applied_migrations(conn) == [m.name for m in llm_history.MIGRATIONS]
    assert conn.execute("SELECT count(*) FROM _migrations").fetchone() == (1,)


def test_llm_history_upgrades_a_user_version_file_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "llm_history.sqlite"
    old = _connect(path)
    # What the old code left: the first migration's schema, user_version = 1, a row.
    old.executescript(llm_history.MIGRATIONS[0].sql)
    old.execute(
        "INSERT INTO llm_calls (ts, run_id, node, prompt_id, prompt_version, prompt_sha256,"
        " input_json) VALUES ('t', 'before', 'critique', 'critic', 'v1', 'x', '[]')"
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    history = LLMHistory(path)
    history.record(_call("after"))
    assert [row["run_id"] for row in history.rows()] == ["before", "after"]
    history.close()
    assert applied_migrations(_connect(path)) == [m.name for m in llm_history.MIGRATIONS]


def test_run_records_adopts_a_file_written_before_migrations(tmp_path: Path) -> None:
    db = tmp_path / "outcomes.sqlite"
    old = _connect(db)
    old.execute(
        "CREATE TABLE outcomes (incident_id TEXT PRIMARY KEY, run_id TEXT,"
        " outcome TEXT, kb_id TEXT, reason TEXT, finished_at TEXT)"
    )
    old.execute("INSERT INTO outcomes VALUES ('INC1', 'r0', 'resolved', 'kb1', 'ok', 'x')")
    old.commit()
    old.close()
    recorder = RunRecorder(db, tmp_path / "reportes", tmp_path / "rejected", "r1")
    assert recorder.is_final("INC1")
    assert recorder.record({"incident_id": "INC1", "outcome": "escalated"}) is False
    recorder.close()
    assert applied_migrations(_connect(db)) == [m.name for m in run_records.MIGRATIONS]
    again = RunRecorder(db, tmp_path / "reportes", tmp_path / "rejected", "r2")
    assert again.is_final("INC1")
    again.close()


def test_mock_store_upgrades_a_user_version_file_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "mocks.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    # What the old store ran: the schema and user_version in one transaction.
    old.executescript(f"BEGIN; {mock_store.MIGRATIONS[0].sql}; PRAGMA user_version=1; COMMIT;")
    old.execute("INSERT INTO policies (poliza, seq, doc) VALUES ('30114872', 1, '{}')")
    old.close()
    store = MockStore(path)
    assert store.count_policies() == 1 and store.get_policy("30114872") == {}
    with store.connect() as conn:
        assert applied_migrations(conn) == [m.name for m in mock_store.MIGRATIONS]
    assert MockStore(path).count_policies() == 1
