"""Where the durable state lives: SQLite files under DATA_DIR, or one Postgres database.

``DATABASE_URL`` selects it once (:func:`adapters.stores.location`): empty keeps the embedded
default, one SQLite file per store as before; ``postgresql://user:password@host:port/db`` puts
every store (outcomes, LLM history, reviews, approvals, checkpoints) in that database.

Why psycopg 3 and this small layer rather than SQLAlchemy Core and Alembic: the stores are a
handful of hand-written statements in the subset both databases share (``?`` placeholders,
``INSERT ... ON CONFLICT``, ``COALESCE``), and their SQLite files already carry their schema
history in ``_migrations`` (:mod:`adapters.sqlite_migrations`). Keeping that scheme means an
existing file opens and migrates exactly as before, with no second migration tool to stamp or
reconcile; Postgres gets the same named migrations, each with its Postgres DDL where the two
differ (identity columns, ``DOUBLE PRECISION``). psycopg 3 is the driver
``langgraph-checkpoint-postgres`` needs anyway, so Postgres adds one driver and no ORM.

:class:`Database` is one connection with the API the stores use: :meth:`~Database.execute`,
:meth:`~Database.insert` (the new row's id), :meth:`~Database.transaction` (``BEGIN IMMEDIATE``
on SQLite: the write lock is taken before the checks a decision makes; a plain transaction on
Postgres, where row locks and constraints do that job) and :meth:`~Database.migrate`.

Failures say what to do and never show the password: Postgres that does not answer when a
store opens is :class:`errors.DatabaseUnavailableError` (the CLI exits with code 2); a
connection lost while working is :class:`errors.DatabaseLostError`, a
:class:`errors.RunRecordError`, so a run stops as it does when it cannot record — the incident
in hand keeps its checkpointed thread and the next run resumes it. A broken connection is
opened again on the next call (the console outlives a Postgres restart).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg

from adapters.sqlite_migrations import Migration, migrate, split_statements
from errors import DatabaseLostError, DatabaseUnavailableError

POSTGRES_SCHEMES = ("postgresql", "postgres")
MIGRATIONS_TABLE = "_migrations"
#: the advisory lock two processes take to apply Postgres migrations one after the other
_MIGRATION_LOCK = 0x5245534F  # "RESO"
#: seconds to wait for Postgres to answer when a store opens
CONNECT_TIMEOUT_S = 10


class Dialect(StrEnum):
    SQLITE = "sqlite"
    POSTGRES = "postgres"


@dataclass(frozen=True)
class PostgresUrl:
    """The ``DATABASE_URL`` of a Postgres database; its ``repr`` hides the password."""

    url: str

    def __post_init__(self) -> None:
        if urlsplit(self.url).scheme not in POSTGRES_SCHEMES:
            raise ValueError(f"not a postgresql:// URL: {redact_url(self.url)}")

    @property
    def where(self) -> str:
        """``host:port/database``: what messages name (never the user's password)."""
        return describe_url(self.url)

    def __repr__(self) -> str:
        return f"PostgresUrl({redact_url(self.url)!r})"

    __str__ = __repr__


#: where a store lives: its SQLite file, or the Postgres database
Location = Path | PostgresUrl


def redact_url(url: str) -> str:
    """``url`` with its password replaced by ``***`` (the user name stays: it helps)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return parts._replace(netloc=f"{user}:***@{netloc}").geturl()


def describe_url(url: str) -> str:
    """``host:port/database`` of a Postgres URL (a socket directory shows as its path)."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return redact_url(url)
    host = str(info.get("host") or "localhost")
    port = str(info.get("port") or "5432")
    return f"{host}:{port}/{info.get('dbname') or ''}"


def connect_postgres(location: PostgresUrl, **kwargs: Any) -> psycopg.Connection[Any]:
    """An autocommit connection to ``location``; :class:`DatabaseUnavailableError` naming
    DATABASE_URL (host, port, database; no password) when Postgres does not answer."""
    try:
        return psycopg.connect(
            location.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S, **kwargs
        )
    except psycopg.Error as exc:
        raise DatabaseUnavailableError(
            f"cannot connect to the database of DATABASE_URL ({location.where}): "
            f"{_first_line(exc)}; start Postgres there, or fix DATABASE_URL (empty = SQLite "
            "files under DATA_DIR)"
        ) from None


def lost(location: PostgresUrl, exc: BaseException) -> DatabaseLostError:
    """The error of a connection to ``location`` that broke while working."""
    return DatabaseLostError(
        f"lost the database of DATABASE_URL ({location.where}): {_first_line(exc)}; the run "
        "stops, and the incident in hand is resumed from its checkpoint by the next run once "
        "Postgres answers again"
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return redact_url(text.splitlines()[0])


class Database:
    """One connection to a store's database, SQLite or Postgres, behind the same small API.

    SQL is written once with ``?`` placeholders; on Postgres they become ``%s``. Not
    thread-safe by itself: the stores serialise their calls with a lock, as before.
    """

    def __init__(self, location: Location, *, timeout: float = 5.0, wal: bool = False) -> None:
        self.location = location
        self.dialect = Dialect.SQLITE if isinstance(location, Path) else Dialect.POSTGRES
        self._timeout = timeout
        self._wal = wal
        self._conn: Any = None
        self._conn = self._open()

    # --- connections ----------------------------------------------------------------------

    def _open(self) -> Any:
        if isinstance(self.location, Path):
            self.location.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                self.location, timeout=self._timeout, check_same_thread=False, isolation_level=None
            )
            if self._wal:
                conn.execute("PRAGMA journal_mode=WAL")
            return conn
        return connect_postgres(self.location)

    def _connection(self) -> Any:
        """The connection, opened again if Postgres dropped it since the last call."""
        if self.dialect is Dialect.POSTGRES and (self._conn.closed or self._conn.broken):
            assert isinstance(self.location, PostgresUrl)
            try:
                self._conn = connect_postgres(self.location)
            except DatabaseUnavailableError as exc:
                raise lost(self.location, exc) from None
        return self._conn

    @property
    def sqlite(self) -> sqlite3.Connection:
        """The SQLite connection (for what only SQLite has: VACUUM, the WAL checkpoint)."""
        assert isinstance(self._conn, sqlite3.Connection)
        return self._conn

    # --- statements -----------------------------------------------------------------------

    def sql(self, statement: str) -> str:
        """``statement`` in this dialect's placeholder style."""
        if self.dialect is Dialect.SQLITE:
            return statement
        return statement.replace("%", "%%").replace("?", "%s")

    def execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; the cursor (``fetchone``, ``fetchall``, ``rowcount``,
        ``description`` work the same on both)."""
        conn = self._connection()
        if self.dialect is Dialect.SQLITE:
            return conn.execute(statement, tuple(params))
        return self._guarded(lambda: conn.execute(self.sql(statement), tuple(params)))

    def insert(self, statement: str, params: Sequence[Any] = ()) -> int:
        """Run an ``INSERT`` into a table with an ``id`` key; return the new row's id."""
        if self.dialect is Dialect.SQLITE:
            return int(self.execute(statement, params).lastrowid or 0)
        row = self.execute(f"{statement} RETURNING id", params).fetchone()
        return int(row[0])

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One transaction: committed when the block ends, rolled back when it raises."""
        conn = self._connection()
        if self.dialect is Dialect.SQLITE:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            return
        assert isinstance(self.location, PostgresUrl)
        try:
            with conn.transaction():
                yield self
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            raise lost(self.location, exc) from exc

    def _guarded(self, call: Callable[[], Any]) -> Any:
        assert isinstance(self.location, PostgresUrl)
        try:
            return call()
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            raise lost(self.location, exc) from exc

    # --- schema ---------------------------------------------------------------------------

    def migrate(self, store: str, migrations: Sequence[Migration]) -> list[str]:
        """Apply the store's pending migrations; return the names applied.

        SQLite: the file's own ``_migrations`` table (:func:`adapters.sqlite_migrations.migrate`).
        Postgres: one ``_migrations`` table for every store, keyed by (store, name); each
        migration runs in one transaction with its row, under an advisory lock, so two
        processes starting together apply it once.
        """
        if self.dialect is Dialect.SQLITE:
            return migrate(self.sqlite, migrations)
        applied = []
        with self.transaction():
            self._lock_migrations()
            self.execute(
                f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (store TEXT NOT NULL,"
                " name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (store, name))"
            )
        for migration in migrations:
            with self.transaction():
                self._lock_migrations()
                done = self.execute(
                    f"SELECT 1 FROM {MIGRATIONS_TABLE} WHERE store = ? AND name = ?",  # noqa: S608 - constant table name
                    (store, migration.name),
                ).fetchone()
                if done:
                    continue
                sql = migration.sql if migration.postgres is None else migration.postgres
                for statement in split_statements(sql):
                    self._run_ddl(statement)
                self.execute(
                    f"INSERT INTO {MIGRATIONS_TABLE} (store, name, applied_at) VALUES (?, ?, ?)",  # noqa: S608 - constant table name
                    (store, migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
                )
            applied.append(migration.name)
        return applied

    def _run_ddl(self, statement: str) -> None:
        """DDL carries no parameters: run as written (a literal ``%`` stays one)."""
        conn = self._connection()
        self._guarded(lambda: conn.execute(statement))

    def _lock_migrations(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
