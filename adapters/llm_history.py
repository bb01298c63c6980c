"""Every LLM call the engine makes, redacted, in SQLite: the raw material for fine-tuning.

Schema changes are named migrations (:mod:`adapters.sqlite_migrations`). Inputs and outputs
pass the personal-data redaction before they are written.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from adapters.sqlite_migrations import Migration, migrate
from observability.metrics import observe_llm_call
from observability.redaction import redact, redact_value

MIGRATIONS = [
    Migration(
        "001_create_llm_calls",
        """
    CREATE TABLE llm_calls (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ts TEXT NOT NULL,
        run_id TEXT NOT NULL,
        incident_id TEXT,
        node TEXT NOT NULL,
        prompt_id TEXT NOT NULL,
        prompt_version TEXT NOT NULL,
        prompt_sha256 TEXT NOT NULL,
        model TEXT,
        input_json TEXT NOT NULL,
        output TEXT,
        parsed_json TEXT,
        first_try_valid INTEGER,
        calls INTEGER NOT NULL DEFAULT 1,
        input_tokens INTEGER,
        output_tokens INTEGER,
        latency_s REAL,
        error TEXT
    );
    CREATE INDEX llm_calls_run ON llm_calls(run_id);
    CREATE INDEX llm_calls_incident ON llm_calls(incident_id);
    """,
    ),
]


@dataclass(frozen=True)
class LLMCallRecord:
    run_id: str
    incident_id: str | None
    node: str
    prompt_id: str
    prompt_version: str
    prompt_sha256: str
    model: str | None
    messages: list[dict[str, str]]
    output: str | None
    parsed: dict[str, Any] | None
    first_try_valid: bool | None
    calls: int
    input_tokens: int | None
    output_tokens: int | None
    latency_s: float | None
    error: str | None = None


class LLMHistory:
    """Append-only store of LLM calls (thread-safe; one connection per store)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        migrate(self._conn, MIGRATIONS)

    def record(self, call: LLMCallRecord) -> None:
        observe_llm_call(call)  # Prometheus: calls, tokens, latency by node
        row = (
            datetime.now(UTC).isoformat(timespec="milliseconds"),
            call.run_id,
            call.incident_id,
            call.node,
            call.prompt_id,
            call.prompt_version,
            call.prompt_sha256,
            call.model,
            json.dumps(redact_value(call.messages), ensure_ascii=False),
            redact(call.output) if call.output is not None else None,
            json.dumps(redact_value(call.parsed), ensure_ascii=False) if call.parsed else None,
            None if call.first_try_valid is None else int(call.first_try_valid),
            call.calls,
            call.input_tokens,
            call.output_tokens,
            call.latency_s,
            redact(call.error) if call.error else None,
        )
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO llm_calls (ts, run_id, incident_id, node, prompt_id, prompt_version,"
                " prompt_sha256, model, input_json, output, parsed_json, first_try_valid, calls,"
                " input_tokens, output_tokens, latency_s, error)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                row,
            )

    def rows(self, run_id: str | None = None) -> Iterator[dict[str, Any]]:
        with self._lock:
            if run_id:
                cursor = self._conn.execute(
                    "SELECT * FROM llm_calls WHERE run_id = ? ORDER BY id", (run_id,)
                )
            else:
                cursor = self._conn.execute("SELECT * FROM llm_calls ORDER BY id")
            names = [d[0] for d in cursor.description]
            fetched = cursor.fetchall()
        for values in fetched:
            yield dict(zip(names, values, strict=True))

    def prune(self, before: datetime, *, dry_run: bool = False) -> tuple[int, int]:
        """Delete the calls recorded before ``before`` and compact the file.

        Returns (rows, bytes): the bytes the file shrank by or, in a dry run, the size of the
        rows' recorded text (an estimate of it).
        """
        cutoff = before.astimezone(UTC).isoformat(timespec="milliseconds")
        with self._lock:
            rows, text_bytes = self._conn.execute(
                "SELECT COUNT(*), COALESCE(SUM(length(input_json) + COALESCE(length(output), 0)"
                " + COALESCE(length(parsed_json), 0) + COALESCE(length(error), 0)), 0)"
                " FROM llm_calls WHERE ts < ?",
                (cutoff,),
            ).fetchone()
            if dry_run or not rows:
                return rows, text_bytes
            size_before = _disk_size(self.path)
            with self._conn:
                self._conn.execute("DELETE FROM llm_calls WHERE ts < ?", (cutoff,))
            self._conn.execute("VACUUM")
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return rows, max(0, size_before - _disk_size(self.path))

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _disk_size(path: Path) -> int:
    """The database file and its write-ahead log, in bytes."""
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
