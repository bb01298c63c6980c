"""What a run leaves behind: one outcome per incident, the run report, the rejection log.

* ``outcomes`` (SQLite under DATA_DIR): the durable truth — the current outcome of every
  incident. An incident with a final outcome is skipped by later runs unless it is re-opened
  (:meth:`RunRecorder.reopen`): an ``on_hold`` or ``escalated`` incident with new activity, or
  one asked for with ``--force``. Errors are recorded but not final, and neither is
  ``pending_approval`` (supervised mode: the action waits for a person; the run that resumes
  the incident's thread records its final outcome).
* ``outcome_history`` (same file): every outcome ever recorded, oldest first.
* ``resources/reportes/run_<run_id>.jsonl``: one line per incident as it finishes, then
  ``run_<run_id>_summary.json`` at the end. Written line by line: a crash loses nothing.
* ``resources/reportes/reporte<YYYYMMDD_HHMM>.json`` and ``.md``: the run report a person reads,
  written with the summary (:mod:`observability.run_report`).
* ``resources/rejected/rechazos_<run_id>.jsonl``: every escalation with the candidates, the
  critic's scores and feedback, and the final decision.
Personal data is redacted in both files.

A run that cannot record (a full or read-only disk) must not go on changing incidents it cannot
account for: :meth:`RunRecorder.record` raises :class:`RunRecordError`, which stops the run.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from adapters.sqlite_migrations import Migration, migrate
from errors import ResolviaError
from observability.redaction import redact_value
from observability.run_report import write_run_report

MIGRATIONS = [
    # IF NOT EXISTS: files written before migrations existed already have this table.
    Migration(
        "001_create_outcomes",
        "CREATE TABLE IF NOT EXISTS outcomes (incident_id TEXT PRIMARY KEY, run_id TEXT,"
        " outcome TEXT, kb_id TEXT, reason TEXT, finished_at TEXT)",
    ),
    Migration(
        "002_outcome_history",
        """
    CREATE TABLE outcome_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_id TEXT NOT NULL,
        run_id TEXT,
        outcome TEXT,
        kb_id TEXT,
        reason TEXT,
        finished_at TEXT
    );
    CREATE INDEX outcome_history_incident ON outcome_history (incident_id, id);
    -- what was recorded before: the last outcome of each incident
    INSERT INTO outcome_history (incident_id, run_id, outcome, kb_id, reason, finished_at)
        SELECT incident_id, run_id, outcome, kb_id, reason, finished_at FROM outcomes
        ORDER BY finished_at, incident_id;
    """,
    ),
    # the run that re-opened a final outcome; NULL when the outcome stands
    Migration("003_outcomes_reopened_by", "ALTER TABLE outcomes ADD COLUMN reopened_by TEXT"),
]

FINAL = ("resolved", "reassigned", "on_hold", "escalated")
#: final outcomes that new activity on the incident re-opens (a person or the requester is
#: expected to answer); a resolved or reassigned incident never comes back by itself
REPROCESSABLE = ("on_hold", "escalated")
#: not final: the engine stopped before the side effect until a person decides
PENDING_APPROVAL = "pending_approval"
_COLUMNS = "incident_id, run_id, outcome, kb_id, reason, finished_at"


class RunRecordError(ResolviaError):
    """An outcome could not be recorded (outcome store or run report): the run stops."""


@dataclass(frozen=True)
class StoredOutcome:
    """One recorded outcome of an incident."""

    incident_id: str
    run_id: str | None
    outcome: str
    kb_id: str | None
    reason: str | None
    finished_at: str | None
    #: the run that re-opened it (``outcomes`` only): a new decision is being taken
    reopened_by: str | None = None

    @property
    def final(self) -> bool:
        """A final outcome that stands: later runs skip the incident."""
        return self.outcome in FINAL and self.reopened_by is None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "incident_id": self.incident_id,
            "run_id": self.run_id,
            "outcome": self.outcome,
            "kb_id": self.kb_id,
            "reason": self.reason,
            "finished_at": self.finished_at,
        }


class RunRecorder:
    def __init__(self, db_path: Path, reports_dir: Path, rejected_dir: Path, run_id: str) -> None:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        reports_dir.mkdir(parents=True, exist_ok=True)
        rejected_dir.mkdir(parents=True, exist_ok=True)
        self.run_id = run_id
        self.report_path = reports_dir / f"run_{run_id}.jsonl"
        self.summary_path = reports_dir / f"run_{run_id}_summary.json"
        self.rejected_path = rejected_dir / f"rechazos_{run_id}.jsonl"
        self._lock = threading.Lock()
        #: this run's recorded entries, each with the seconds since the one before (the run
        #: report's latency: a run takes its incidents one after another)
        self._recorded: list[dict[str, Any]] = []
        self._last_recorded = time.perf_counter()
        self._db = sqlite3.connect(db_path, check_same_thread=False)
        migrate(self._db, MIGRATIONS)

    def current(self, incident_id: str) -> StoredOutcome | None:
        """The incident's current outcome; None when none was recorded."""
        with self._lock:
            row = self._db.execute(
                f"SELECT {_COLUMNS}, reopened_by FROM outcomes WHERE incident_id = ?",  # noqa: S608 - constant columns
                (incident_id,),
            ).fetchone()
        return None if row is None else StoredOutcome(*row)

    def is_final(self, incident_id: str) -> bool:
        current = self.current(incident_id)
        return current is not None and current.final

    def reopen(self, incident_id: str) -> bool:
        """Let the next :meth:`record` of this incident through although its outcome is final:
        a new decision is about to be taken (new activity, or ``--force``). Persisted, so that
        a run that dies before recording still records when its thread is resumed; False when
        there was no final outcome to re-open."""
        with self._lock, self._db:
            row = self._db.execute(
                "SELECT outcome, reopened_by FROM outcomes WHERE incident_id = ?", (incident_id,)
            ).fetchone()
            if row is None or row[0] not in FINAL or row[1] is not None:
                return False
            self._db.execute(
                "UPDATE outcomes SET reopened_by = ? WHERE incident_id = ?",
                (self.run_id, incident_id),
            )
        return True

    def history(self, incident_id: str) -> list[StoredOutcome]:
        """Every outcome recorded for the incident, oldest first."""
        with self._lock:
            return _history(self._db, incident_id)

    def record(self, entry: dict[str, Any], *, dry_run: bool = False) -> bool:
        """Record one incident's outcome; False if it was already recorded (idempotent): a
        final outcome stands until :meth:`reopen`, so a resumed thread that records again adds
        nothing. Every recorded outcome is also appended to ``outcome_history``. A file that
        cannot be written raises :class:`RunRecordError`."""
        try:
            return self._record(entry, dry_run=dry_run)
        except OSError as exc:
            where = exc.filename or self.report_path
            raise RunRecordError(
                f"cannot write the run's records ({where}): {exc.strerror or exc}; the run stops "
                "(check that DATA_DIR and OUTPUT_DIR are writable and have free space)"
            ) from exc
        except sqlite3.OperationalError as exc:
            raise RunRecordError(
                f"cannot record the outcome in the outcome store: {exc}; the run stops "
                "(check that DATA_DIR is writable and has free space)"
            ) from exc

    def _record(self, entry: dict[str, Any], *, dry_run: bool) -> bool:
        entry = {**entry, "run_id": self.run_id, "finished_at": _now(), "dry_run": dry_run}
        incident_id = entry["incident_id"]
        outcome = entry["outcome"]
        with self._lock:
            if not dry_run:
                current = self._db.execute(
                    "SELECT outcome, reopened_by FROM outcomes WHERE incident_id = ?",
                    (incident_id,),
                ).fetchone()
                if current is not None and current[0] in FINAL and current[1] is None:
                    return False
                values = (
                    incident_id,
                    self.run_id,
                    outcome,
                    entry.get("kb_id"),
                    entry.get("reason"),
                    entry["finished_at"],
                )
                with self._db:
                    self._db.execute(
                        f"INSERT OR REPLACE INTO outcomes ({_COLUMNS}, reopened_by)"  # noqa: S608 - constant columns
                        " VALUES (?,?,?,?,?,?,NULL)",
                        values,
                    )
                    self._db.execute(
                        f"INSERT INTO outcome_history ({_COLUMNS}) VALUES (?,?,?,?,?,?)",  # noqa: S608 - constant columns
                        values,
                    )
            clean = redact_value(entry)
            _append(self.report_path, clean)
            now = time.perf_counter()
            self._recorded.append({**clean, "seconds": round(now - self._last_recorded, 3)})
            self._last_recorded = now
            if outcome == "escalated":
                _append(self.rejected_path, clean)
        return True

    def write_summary(self, summary: dict[str, Any]) -> None:
        tmp = self.summary_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(self.summary_path)
        write_run_report(self.summary_path.parent, self.run_id, summary, self._recorded)

    def close(self) -> None:
        self._db.close()


def outcome_history(db_path: Path, incident_id: str) -> list[StoredOutcome]:
    """Every outcome recorded for an incident in the outcome store at ``db_path``, oldest
    first (empty when the store does not exist yet). Brings an older file's schema up to date."""
    if not db_path.is_file():
        return []
    db = sqlite3.connect(db_path)
    try:
        migrate(db, MIGRATIONS)
        return _history(db, incident_id)
    finally:
        db.close()


def _history(db: sqlite3.Connection, incident_id: str) -> list[StoredOutcome]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM outcome_history WHERE incident_id = ? ORDER BY id",  # noqa: S608 - constant columns
        (incident_id,),
    ).fetchall()
    return [StoredOutcome(*row) for row in rows]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _append(path: Path, entry: dict[str, Any]) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        fh.flush()
