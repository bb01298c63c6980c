"""Retention: what each store keeps, and :func:`prune`, which deletes the rest.

=============  ============================  ==================================================
store          setting (days; 0 = forever)   what goes
=============  ============================  ==================================================
reports        RETENTION_REPORTS_DAYS        ``reportes/run_<id>.jsonl``, ``run_<id>_summary.json``,
                                             the run reports (``reporte<YYYYMMDD_HHMM>.json``
                                             and ``.md``) and the model server's logs
                                             (``DATA_DIR/logs``), by last modification
rejected       RETENTION_REJECTED_DAYS       ``rejected/rechazos_<id>.jsonl``
llm_history    RETENTION_LLM_HISTORY_DAYS    recorded model calls, by the time of the call
checkpoints    RETENTION_CHECKPOINTS_DAYS    threads a run left unfinished, by their latest
                                             checkpoint (a finished thread is deleted at once)
ocr_cache      RETENTION_OCR_CACHE_DAYS      cached screenshot text, by last use
=============  ============================  ==================================================

Not pruned, on purpose: the outcome store (``outcomes.sqlite``) is the durable truth — a run
decides from it whether an incident was already handled, so deleting an old outcome would let
the engine act on that incident again; evaluation folders (``reportes/eval_<id>/``), kept by
whoever ran the evaluation; backups, which rotate themselves (``backup create --keep N``); the
mock services' state (``resolvia mocks reset``).

With ``DATABASE_URL`` the LLM history and the checkpoints are pruned in Postgres the same way
(Postgres' autovacuum gives the space back; the bytes reported are the rows' size).
SQLite stores are compacted (``VACUUM``) after a deletion, so the freed bytes go back to the
disk. Callers hold the run lock (``resolvia prune`` takes it; :func:`prune_after_run` runs
inside a run, which holds it already).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import structlog

from adapters.checkpoints import prune_threads
from adapters.llm_history import LLMHistory
from adapters.ocr import holds_personal_data
from adapters.stores import exists, location
from config import Settings
from errors import DatabaseLostError, DatabaseUnavailableError

log = structlog.get_logger(__name__)

#: what a store counts
Unit = Literal["files", "rows", "threads"]
#: (settings, cutoff, dry_run) -> (removed, bytes)
Pruner = Callable[[Settings, datetime, bool], tuple[int, int]]


@dataclass(frozen=True)
class StoreResult:
    """What pruning one store removed (or, in a dry run, would remove)."""

    store: str
    #: the retention setting's value; 0 = the store is kept forever and was not looked at
    keep_days: int
    removed: int
    unit: Unit
    #: bytes freed on disk (a dry run: the size of what would go)
    bytes: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "keep_days": self.keep_days,
            "removed": self.removed,
            "unit": self.unit,
            "bytes": self.bytes,
        }


@dataclass(frozen=True)
class PruneReport:
    dry_run: bool
    stores: list[StoreResult]

    @property
    def bytes(self) -> int:
        return sum(s.bytes for s in self.stores)

    def as_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "bytes": self.bytes,
            "stores": {s.store: s.as_dict() for s in self.stores},
        }


def prune(settings: Settings, *, dry_run: bool = False, now: datetime | None = None) -> PruneReport:
    """Delete what every store holds beyond its retention setting; report counts and bytes."""
    now = now or datetime.now(UTC)
    plan: list[tuple[str, int, Unit, Pruner]] = [
        ("reports", settings.RETENTION_REPORTS_DAYS, "files", _prune_reports),
        ("rejected", settings.RETENTION_REJECTED_DAYS, "files", _prune_rejected),
        ("llm_history", settings.RETENTION_LLM_HISTORY_DAYS, "rows", _prune_history),
        ("checkpoints", settings.RETENTION_CHECKPOINTS_DAYS, "threads", _prune_checkpoints),
        ("ocr_cache", settings.RETENTION_OCR_CACHE_DAYS, "files", _prune_ocr_cache),
    ]
    results = []
    for store, days, unit, pruner in plan:
        removed = size = 0
        if days:  # 0: kept forever, not even looked at
            removed, size = pruner(settings, now - timedelta(days=days), dry_run)
        results.append(StoreResult(store, days, removed, unit, size))
        if removed:
            log.info(
                "prune.store", store=store, removed=removed, unit=unit, bytes=size, dry_run=dry_run
            )
    return PruneReport(dry_run, results)


def prune_after_run(settings: Settings) -> PruneReport | None:
    """Pruning at the end of a run (call it while the run still holds the run lock).

    A store that cannot be pruned now (busy, read-only) is logged and left for the next time:
    retention must never turn a good run into a failed one.
    """
    try:
        return prune(settings)
    except (sqlite3.Error, OSError, DatabaseLostError, DatabaseUnavailableError) as exc:
        log.warning("prune.skipped", error=f"{type(exc).__name__}: {exc}"[:300])
        return None


def _prune_reports(settings: Settings, cutoff: datetime, dry_run: bool) -> tuple[int, int]:
    reports = settings.reports_dir
    places = [
        (reports, "run_*.jsonl"),
        (reports, "run_*_summary.json"),
        (reports, "run_*.tmp"),  # a summary whose run died while writing it
        # the run report a person reads (observability.run_report); the digit leaves the
        # knowledge-base maintenance reports (reporte_mantenimiento_globales_*) alone
        (reports, "reporte[0-9]*.json"),
        (reports, "reporte[0-9]*.md"),
        (reports, "reporte[0-9]*.tmp"),
        (settings.logs_dir, "llama-server-*.log"),  # one per server start
    ]
    return _prune_files(places, cutoff, dry_run)


def _prune_rejected(settings: Settings, cutoff: datetime, dry_run: bool) -> tuple[int, int]:
    return _prune_files([(settings.rejected_dir, "rechazos_*.jsonl")], cutoff, dry_run)


def _prune_ocr_cache(settings: Settings, cutoff: datetime, dry_run: bool) -> tuple[int, int]:
    cache = settings.ocr_cache_dir
    removed, size = _prune_files([(cache, "*.json"), (cache, "*.tmp")], cutoff, dry_run)
    # Entries written before the cache kept personal data out go whatever their age.
    for path in cache.glob("*.json") if cache.is_dir() else ():
        if not path.is_file() or path.stat().st_mtime < cutoff.timestamp():
            continue  # gone already, or counted by age in a dry run
        if holds_personal_data(path):
            size += path.stat().st_size
            removed += 1
            if not dry_run:
                path.unlink(missing_ok=True)
    return removed, size


def _prune_history(settings: Settings, cutoff: datetime, dry_run: bool) -> tuple[int, int]:
    where = location(settings, "llm_history")
    if not exists(where):
        return 0, 0
    history = LLMHistory(where)
    try:
        return history.prune(cutoff, dry_run=dry_run)
    finally:
        history.close()


def _prune_checkpoints(settings: Settings, cutoff: datetime, dry_run: bool) -> tuple[int, int]:
    return prune_threads(location(settings, "checkpoints"), cutoff, dry_run=dry_run)


def _prune_files(
    places: Iterable[tuple[Path, str]], cutoff: datetime, dry_run: bool
) -> tuple[int, int]:
    """Files matching the patterns last modified before ``cutoff``: (count, bytes)."""
    limit = cutoff.timestamp()
    removed = size = 0
    for folder, pattern in places:
        if not folder.is_dir():
            continue
        for path in folder.glob(pattern):
            if not path.is_file():
                continue
            stat = path.stat()
            if stat.st_mtime >= limit:
                continue
            if not dry_run:
                path.unlink(missing_ok=True)
            removed += 1
            size += stat.st_size
    return removed, size
