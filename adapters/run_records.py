"""What a run leaves behind: one outcome per incident, the run report, the rejection log.

* ``outcomes`` (SQLite under DATA_DIR): the durable truth — one final outcome per incident;
  an incident with a final outcome is skipped by later runs. Errors are recorded but not final.
* ``resources/reportes/run_<run_id>.jsonl``: one line per incident as it finishes, then
  ``run_<run_id>_summary.json`` at the end. Written line by line: a crash loses nothing.
* ``resources/rejected/rechazos_<run_id>.jsonl``: every escalation with the candidates, the
  critic's scores and feedback, and the final decision.
Personal data is redacted in both files.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from adapters.sqlite_migrations import Migration, migrate
from observability.redaction import redact_value

MIGRATIONS = [
    # IF NOT EXISTS: files written before migrations existed already have this table.
    Migration(
        "001_create_outcomes",
        "CREATE TABLE IF NOT EXISTS outcomes (incident_id TEXT PRIMARY KEY, run_id TEXT,"
        " outcome TEXT, kb_id TEXT, reason TEXT, finished_at TEXT)",
    ),
]

FINAL = ("resolved", "reassigned", "on_hold", "escalated")


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
        self._db = sqlite3.connect(db_path, check_same_thread=False)
        migrate(self._db, MIGRATIONS)

    def is_final(self, incident_id: str) -> bool:
        with self._lock:
            row = self._db.execute(
                "SELECT outcome FROM outcomes WHERE incident_id = ?", (incident_id,)
            ).fetchone()
        return row is not None and row[0] in FINAL

    def record(self, entry: dict[str, Any], *, dry_run: bool = False) -> bool:
        """Record one incident's outcome; False if it was already recorded (idempotent)."""
        entry = {**entry, "run_id": self.run_id, "finished_at": _now(), "dry_run": dry_run}
        incident_id = entry["incident_id"]
        outcome = entry["outcome"]
        with self._lock:
            if not dry_run:
                current = self._db.execute(
                    "SELECT outcome FROM outcomes WHERE incident_id = ?", (incident_id,)
                ).fetchone()
                if current is not None and current[0] in FINAL:
                    return False
                with self._db:
                    self._db.execute(
                        "INSERT OR REPLACE INTO outcomes VALUES (?,?,?,?,?,?)",
                        (
                            incident_id,
                            self.run_id,
                            outcome,
                            entry.get("kb_id"),
                            entry.get("reason"),
                            entry["finished_at"],
                        ),
                    )
            clean = redact_value(entry)
            _append(self.report_path, clean)
            if outcome == "escalated":
                _append(self.rejected_path, clean)
        return True

    def write_summary(self, summary: dict[str, Any]) -> None:
        tmp = self.summary_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(self.summary_path)

    def close(self) -> None:
        self._db.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _append(path: Path, entry: dict[str, Any]) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        fh.flush()
