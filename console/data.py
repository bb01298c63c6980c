"""What the console and its CLI equivalents read: run reports, rejection logs, recorded model
calls. Pure reading over the files a run leaves (``adapters.run_records``) and the LLM-history
store; nothing here writes.

A run is ``reportes/run_<id>.jsonl`` (one line per incident, redacted) and, once it finished,
``run_<id>_summary.json``. A run without a summary is still going or died before the end.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

#: run ids as :func:`observability.logging.new_run_id` makes them (never a path)
RUN_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
INCIDENT_ID = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
#: supervised mode adds ``pending_approval``: the run stopped before the action for a person
OUTCOMES = ("resolved", "reassigned", "on_hold", "pending_approval", "escalated", "error")
#: words for people (the console is in Spanish)
OUTCOME_LABELS = {
    "resolved": "resuelta",
    "reassigned": "reasignada",
    "on_hold": "en espera",
    "pending_approval": "por aprobar",
    "escalated": "escalada",
    "error": "error",
    "skipped": "omitida",
}


@dataclass
class RunInfo:
    """One run, from its report and summary."""

    run_id: str
    counts: Counter[str] = field(default_factory=Counter)
    processed: int = 0
    seconds: float | None = None
    started: str | None = None
    finished: str | None = None
    models: list[str] = field(default_factory=list)
    degraded: int = 0
    dry_run: bool = False
    #: the run wrote its summary (it ended, possibly interrupted)
    complete: bool = False
    interrupted: bool = False
    llm_calls: int = 0
    incident_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "processed": self.processed,
            **{name: self.counts[name] for name in OUTCOMES},
            "seconds": self.seconds,
            "started": self.started,
            "finished": self.finished,
            "models": self.models,
            "degraded": self.degraded,
            "dry_run": self.dry_run,
            "complete": self.complete,
            "interrupted": self.interrupted,
            "llm_calls": self.llm_calls,
        }


class RunData:
    """Read-only view over a reports folder, a rejection-log folder and the LLM history."""

    def __init__(self, reports_dir: Path, rejected_dir: Path, llm_history: Path) -> None:
        self.reports_dir = reports_dir
        self.rejected_dir = rejected_dir
        self.llm_history = llm_history

    # --- runs --------------------------------------------------------------------------------
    def run_ids(self) -> list[str]:
        """Every run with a report or a summary, newest first (by file time)."""
        if not self.reports_dir.is_dir():
            return []
        times: dict[str, float] = {}
        for path in self.reports_dir.glob("run_*.json*"):
            match = re.fullmatch(r"run_([A-Za-z0-9_-]+?)(_summary)?\.(jsonl|json)", path.name)
            if match is None or (match.group(3) == "json") != bool(match.group(2)):
                continue
            run_id = match.group(1)
            times[run_id] = max(times.get(run_id, 0.0), path.stat().st_mtime)
        return sorted(times, key=lambda r: (times[r], r), reverse=True)

    def runs(self) -> list[RunInfo]:
        models = self._models_by_run()
        return [self._info(run_id, models.get(run_id, [])) for run_id in self.run_ids()]

    def run(self, run_id: str) -> tuple[RunInfo, list[dict[str, Any]]] | None:
        """A run's summary and its entries (one per incident, in order); None if unknown."""
        if not RUN_ID.match(run_id):
            return None
        entries = self.entries(run_id)
        if not entries and not self._summary_path(run_id).is_file():
            return None
        info = self._info(run_id, self._models_by_run(run_id).get(run_id, []), entries)
        return info, entries

    def entries(self, run_id: str) -> list[dict[str, Any]]:
        if not RUN_ID.match(run_id):
            return []
        return read_jsonl(self.reports_dir / f"run_{run_id}.jsonl")

    def summary(self, run_id: str) -> dict[str, Any] | None:
        path = self._summary_path(run_id)
        if not RUN_ID.match(run_id) or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return None
        return data if isinstance(data, dict) else None

    def _summary_path(self, run_id: str) -> Path:
        return self.reports_dir / f"run_{run_id}_summary.json"

    def _info(
        self, run_id: str, models: list[str], entries: list[dict[str, Any]] | None = None
    ) -> RunInfo:
        entries = self.entries(run_id) if entries is None else entries
        summary = self.summary(run_id)
        info = RunInfo(run_id, models=models)
        info.counts = Counter(str(e.get("outcome")) for e in entries)
        info.processed = len(entries)
        info.incident_ids = [str(e.get("incident_id")) for e in entries]
        info.degraded = sum(1 for e in entries if e.get("degraded") and e["outcome"] != "error")
        info.dry_run = any(e.get("dry_run") for e in entries)
        info.llm_calls = sum(int(e.get("llm_calls") or 0) for e in entries)
        times = sorted(str(e["finished_at"]) for e in entries if e.get("finished_at"))
        if times:
            info.started, info.finished = times[0], times[-1]
        if summary is not None:
            info.complete = True
            info.interrupted = bool(summary.get("interrupted"))
            info.seconds = _float(summary.get("seconds"))
            info.dry_run = info.dry_run or bool(summary.get("dry_run"))
            if not entries:  # a run that found nothing to do
                info.processed = int(summary.get("processed") or 0)
        return info

    # --- incidents ---------------------------------------------------------------------------
    def incident_entries(self, incident_id: str) -> list[dict[str, Any]]:
        """Every report entry of an incident, oldest first (across runs)."""
        if not INCIDENT_ID.match(incident_id) or not self.reports_dir.is_dir():
            return []
        found = []
        for path in self.reports_dir.glob("run_*.jsonl"):
            for entry in read_jsonl(path):
                if entry.get("incident_id") == incident_id:
                    found.append(entry)
        return sorted(found, key=lambda e: str(e.get("finished_at") or ""))

    def calls(self, incident_id: str, run_id: str | None = None) -> list[dict[str, Any]]:
        """Recorded model calls of an incident (redacted when recorded), oldest first."""
        query = "SELECT * FROM llm_calls WHERE incident_id = ?"
        params: tuple[str, ...] = (incident_id,)
        if run_id:
            query += " AND run_id = ?"
            params += (run_id,)
        return self._query(query + " ORDER BY id", params)

    # --- the review queue --------------------------------------------------------------------
    def escalations(self) -> list[dict[str, Any]]:
        """The latest escalation of every incident in the rejection logs, newest first."""
        latest: dict[str, dict[str, Any]] = {}
        if self.rejected_dir.is_dir():
            for path in self.rejected_dir.glob("rechazos_*.jsonl"):
                for entry in read_jsonl(path):
                    code = str(entry.get("incident_id") or "")
                    if not code:
                        continue
                    known = latest.get(code)
                    if known is None or str(entry.get("finished_at") or "") >= str(
                        known.get("finished_at") or ""
                    ):
                        latest[code] = entry
        return sorted(
            latest.values(),
            key=lambda e: (str(e.get("finished_at") or ""), str(e["incident_id"])),
            reverse=True,
        )

    # --- the LLM history ---------------------------------------------------------------------
    def _models_by_run(self, run_id: str | None = None) -> dict[str, list[str]]:
        query = "SELECT run_id, model, COUNT(*) FROM llm_calls"
        params: tuple[str, ...] = ()
        if run_id:
            query += " WHERE run_id = ?"
            params = (run_id,)
        models: dict[str, list[str]] = {}
        for row in self._query(query + " GROUP BY run_id, model ORDER BY 3 DESC", params):
            if row["model"]:
                models.setdefault(row["run_id"], []).append(row["model"])
        return models

    def _query(self, query: str, params: tuple[str, ...]) -> list[dict[str, Any]]:
        if not self.llm_history.is_file():
            return []
        # read-only: the console never changes what the engine recorded
        uri = f"file:{self.llm_history}?mode=ro"
        try:
            with closing(sqlite3.connect(uri, uri=True)) as conn:
                cursor = conn.execute(query, params)
                names = [d[0] for d in cursor.description]
                return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except sqlite3.OperationalError:  # no table yet (a store that was never written)
            return []


def durations(info: RunInfo, entries: list[dict[str, Any]]) -> list[float | None]:
    """Seconds each incident took, from the report's finish times (one-second resolution): the
    gap to the previous incident; the first one gets what the summary's total leaves."""
    stamps = [_time(e.get("finished_at")) for e in entries]
    result: list[float | None] = []
    for i, stamp in enumerate(stamps):
        if i == 0 or stamp is None or stamps[i - 1] is None:
            result.append(None)
        else:
            result.append(max(0.0, (stamp - stamps[i - 1]).total_seconds()))  # type: ignore[operator]
    if result and info.seconds is not None and stamps[0] is not None and stamps[-1] is not None:
        spread = (stamps[-1] - stamps[0]).total_seconds()
        result[0] = max(0.0, round(info.seconds - spread, 1))
    return result


def histogram(values: Iterable[float | None], bins: int = 8) -> list[tuple[str, int]]:
    """(label, count) bins over the known values, for the latency chart."""
    known = sorted(v for v in values if v is not None)
    if not known:
        return []
    top = max(known[-1], 1.0)
    width = top / bins
    counts = [0] * bins
    for value in known:
        counts[min(bins - 1, int(value / width))] += 1
    return [(f"{i * width:.0f}–{(i + 1) * width:.0f} s", n) for i, n in enumerate(counts)]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file; a torn last line (a run that died writing) is
    skipped, a missing file is empty."""
    if not path.is_file():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            entries.append(value)
    return entries


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _time(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None
