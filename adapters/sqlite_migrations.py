"""Named, forward-only schema migrations for every SQLite store (after simonw/llm).

Each store keeps an ordered list of :class:`Migration`; :func:`migrate` applies the ones not
yet recorded in the ``_migrations`` table, each in its own ``BEGIN IMMEDIATE`` transaction
together with its ``_migrations`` row, so a migration is applied entirely or not at all, and
two processes opening the same file cannot both apply it. Migrations are never edited or
removed once released: a schema change is a new migration at the end of the list.

Files written before this module existed tracked their schema with ``PRAGMA user_version``
(the number of migrations applied). The first time :func:`migrate` sees such a file it records
the first ``user_version`` migrations as applied, without running them again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

MIGRATIONS_TABLE = "_migrations"


@dataclass(frozen=True)
class Migration:
    """One schema change: a unique ``name`` and the SQL statements that make it."""

    name: str
    sql: str
    #: the same change in Postgres where its SQL differs (:mod:`adapters.database`); None:
    #: ``sql`` as it is, "" : nothing to do there
    postgres: str | None = None


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration]) -> list[str]:
    """Apply the pending ``migrations`` in order; return the names applied (empty if none).

    ``conn`` must have no open transaction; it works in either transaction mode of
    :mod:`sqlite3` because every transaction here is explicit.
    """
    names = [m.name for m in migrations]
    if len(set(names)) != len(names):
        raise ValueError(f"migration names must be unique: {names}")
    if conn.in_transaction:
        raise ValueError("migrate() needs a connection without an open transaction")
    with _transaction(conn):
        _adopt_user_version(conn, names)
    applied = []
    for migration in migrations:
        with _transaction(conn):
            # Checked inside the write lock: another process may have applied it meanwhile.
            if _is_applied(conn, migration.name):
                continue
            for statement in split_statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)",  # noqa: S608 - constant table name
                (migration.name, _now()),
            )
        applied.append(migration.name)
    return applied


def open_store(path: Path, migrations: Sequence[Migration]) -> sqlite3.Connection:
    """A SQLite store under ``path`` (its folder created) with its schema brought up to date;
    usable from several threads (the caller serialises access with a lock)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, check_same_thread=False)
    migrate(conn, migrations)
    return conn


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names recorded in ``_migrations``, in the order they were applied."""
    rows = conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY rowid").fetchall()  # noqa: S608 - constant table name
    return [str(row[0]) for row in rows]


def split_statements(sql: str) -> list[str]:
    """The complete SQL statements of a script, in order (``;`` inside strings, comments or
    trigger bodies does not split). Run one by one with ``execute`` because ``executescript``
    would commit the surrounding transaction first."""
    statements = []
    current = ""
    for piece in sql.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if _has_sql(current):
                statements.append(current.strip())
            current = ""
    if _has_sql(current):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {current!r}")
    return statements


def _has_sql(text: str) -> bool:
    """False for whitespace, ``;`` and ``--`` comment lines only."""
    lines = [line.strip() for line in text.splitlines()]
    return any(line.strip(";") and not line.startswith("--") for line in lines)


def _adopt_user_version(conn: sqlite3.Connection, names: list[str]) -> None:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone()
    if exists:
        return
    conn.execute(
        f"CREATE TABLE {MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    legacy = int(conn.execute("PRAGMA user_version").fetchone()[0])
    now = _now()
    conn.executemany(
        f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)",  # noqa: S608 - constant table name
        [(name, now) for name in names[:legacy]],
    )


def _is_applied(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute(
        f"SELECT 1 FROM {MIGRATIONS_TABLE} WHERE name = ?",  # noqa: S608 - constant table name
        (name,),
    ).fetchone()
    return row is not None


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, ``ROLLBACK`` when the block raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
