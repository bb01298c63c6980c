"""SQLite persistence shared by both mock services: incidents, policies, idempotency keys and
the request log.

One short-lived connection per operation (the two services run on different threads of one
process); writes that must be atomic run inside ``BEGIN IMMEDIATE``. Schema changes are named
migrations (:mod:`adapters.sqlite_migrations`).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from adapters.sqlite_migrations import Migration, migrate

DB_FILENAME = "mocks.sqlite3"
ATTACHMENTS_DIRNAME = "adjuntos"

MIGRATIONS = [
    Migration(
        "001_initial",
        """
    CREATE TABLE incidents (
        cod TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        buzon TEXT NOT NULL,
        estado TEXT NOT NULL,
        doc TEXT NOT NULL
    );
    CREATE TABLE policies (
        poliza TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        doc TEXT NOT NULL
    );
    CREATE TABLE idempotency (
        key TEXT PRIMARY KEY,
        service TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        status INTEGER NOT NULL,
        response TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE TABLE requests (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        time TEXT NOT NULL,
        service TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        body TEXT,
        idempotency_key TEXT,
        status INTEGER NOT NULL
    );
    CREATE INDEX requests_service ON requests (service, id);
    """,
    ),
]


@dataclass(frozen=True)
class StoredResponse:
    """The answer recorded for an idempotency key."""

    fingerprint: str
    status: int
    body: Any


class MockStore:
    """All mock state, in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self.connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            migrate(conn, MIGRATIONS)

    @classmethod
    def in_dir(cls, data_dir: Path) -> MockStore:
        return cls(data_dir / DB_FILENAME)

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A connection in autocommit mode; use :meth:`transaction` for atomic writes."""
        with closing(sqlite3.connect(self.path, timeout=10, isolation_level=None)) as conn:
            conn.execute("PRAGMA busy_timeout=10000")
            # WAL + NORMAL: durable across process crashes, no fsync per request-log row.
            conn.execute("PRAGMA synchronous=NORMAL")
            yield conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` if the block raises)."""
        with self.connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # --- incidents ---------------------------------------------------------------------------
    def count_incidents(self) -> int:
        with self.connect() as conn:
            return int(conn.execute("SELECT count(*) FROM incidents").fetchone()[0])

    def add_incidents(self, incidents: Iterable[dict[str, Any]]) -> int:
        """Insert incidents (already normalised) after the existing ones; returns how many."""
        with self.transaction() as conn:
            start = conn.execute("SELECT coalesce(max(seq), 0) FROM incidents").fetchone()[0]
            rows = [
                (inc["codIncidencia"], start + i, inc["buzon"], inc["estado"], _dump(inc))
                for i, inc in enumerate(incidents, start=1)
            ]
            conn.executemany(
                "INSERT INTO incidents (cod, seq, buzon, estado, doc) VALUES (?, ?, ?, ?, ?)", rows
            )
        return len(rows)

    def list_incidents(self, buzon: str | None = None) -> list[dict[str, Any]]:
        """Every incident (optionally of one buzon), in seeding order."""
        with self.connect() as conn:
            if buzon is None:
                cur = conn.execute("SELECT doc FROM incidents ORDER BY seq")
            else:
                cur = conn.execute(
                    "SELECT doc FROM incidents WHERE buzon = ? ORDER BY seq", (buzon,)
                )
            return [json.loads(row[0]) for row in cur]

    def get_incident(
        self, cod: str, conn: sqlite3.Connection | None = None
    ) -> dict[str, Any] | None:
        if conn is None:
            with self.connect() as own:
                return self.get_incident(cod, own)
        row = conn.execute("SELECT doc FROM incidents WHERE cod = ?", (cod,)).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    @staticmethod
    def save_incident(conn: sqlite3.Connection, incident: dict[str, Any]) -> None:
        """Overwrite an existing incident (inside the caller's transaction)."""
        conn.execute(
            "UPDATE incidents SET buzon = ?, estado = ?, doc = ? WHERE cod = ?",
            (incident["buzon"], incident["estado"], _dump(incident), incident["codIncidencia"]),
        )

    # --- policies ----------------------------------------------------------------------------
    def count_policies(self) -> int:
        with self.connect() as conn:
            return int(conn.execute("SELECT count(*) FROM policies").fetchone()[0])

    def add_policies(self, policies: Iterable[dict[str, Any]]) -> int:
        with self.transaction() as conn:
            start = conn.execute("SELECT coalesce(max(seq), 0) FROM policies").fetchone()[0]
            rows = [(p["poliza"], start + i, _dump(p)) for i, p in enumerate(policies, start=1)]
            conn.executemany("INSERT INTO policies (poliza, seq, doc) VALUES (?, ?, ?)", rows)
        return len(rows)

    def get_policy(self, poliza: str) -> dict[str, Any] | None:
        with self.connect() as conn:
            row = conn.execute("SELECT doc FROM policies WHERE poliza = ?", (poliza,)).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    # --- idempotency -------------------------------------------------------------------------
    @staticmethod
    def get_idempotent(conn: sqlite3.Connection, key: str) -> StoredResponse | None:
        row = conn.execute(
            "SELECT fingerprint, status, response FROM idempotency WHERE key = ?", (key,)
        ).fetchone()
        return None if row is None else StoredResponse(row[0], int(row[1]), json.loads(row[2]))

    @staticmethod
    def put_idempotent(
        conn: sqlite3.Connection, key: str, service: str, stored: StoredResponse
    ) -> None:
        conn.execute(
            "INSERT INTO idempotency (key, service, fingerprint, status, response, created) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (key, service, stored.fingerprint, stored.status, _dump(stored.body), _utc_now()),
        )

    # --- request log -------------------------------------------------------------------------
    def log_request(
        self,
        *,
        service: str,
        method: str,
        path: str,
        body: str | None,
        idempotency_key: str | None,
        status: int,
    ) -> None:
        with self.connect() as conn:
            conn.execute(
                "INSERT INTO requests (time, service, method, path, body, idempotency_key, status)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (_utc_now(), service, method, path, body, idempotency_key, status),
            )

    def list_requests(self, service: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        """The newest ``limit`` log rows, oldest first."""
        where, args = ("WHERE service = ?", [service]) if service else ("", [])
        with self.connect() as conn:
            conn.row_factory = sqlite3.Row
            rows = conn.execute(
                f"SELECT * FROM (SELECT * FROM requests {where} ORDER BY id DESC LIMIT ?) "  # noqa: S608 - fixed fragments
                "ORDER BY id",
                [*args, limit],
            ).fetchall()
        return [dict(row) for row in rows]


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
