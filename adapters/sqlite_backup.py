"""Copies of the SQLite stores under DATA_DIR for backups, and their verified restore.

* **Which stores**: every SQLite database file (``*.sqlite``, ``*.sqlite3``, ``*.db`` with the
  SQLite header) under DATA_DIR — the outcome store, checkpoints, LLM history, the mock
  services' state, and any store added later — except the local Qdrant files (the index is
  backed up point by point, :mod:`adapters.index_backup`) and the backups themselves. The OCR
  cache is plain files and a cache: it is not backed up.
* **Consistent while the engine runs**: each copy is taken with SQLite's online backup API,
  which copies a snapshot of the database (its write-ahead log included) while other
  connections keep writing; the copy is then switched to a rollback journal, so it is one
  self-contained file whose SHA-256 the backup manifest records. Each store is consistent in
  itself; two stores are copied one after the other, not at one instant.
* **Restore**: every copy is put next to its target under a temporary name and must pass
  ``PRAGMA integrity_check`` before any live file is replaced; then each live file is kept as
  ``<name>.before-restore`` (an online copy as well), its stale write-ahead log is removed, the
  copy takes its place and gets back its journal mode. The caller holds the run lock; the mock
  services must be stopped (they keep their database open).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from errors import ResolviaError

SQLITE_HEADER = b"SQLite format 3\x00"
SUFFIXES = frozenset({".sqlite", ".sqlite3", ".db"})
#: top-level folders of DATA_DIR that hold no store of ours to copy
SKIPPED_DIRS = frozenset({"qdrant", "backups", "ocr_cache", "logs"})
BEFORE_RESTORE = ".before-restore"
RESTORING = ".restoring"
#: folder of the store copies inside a backup
STORES_DIR = "stores"


class StoreBackupError(ResolviaError):
    """A store copy is missing, corrupt or cannot replace the live file."""


def discover(data_dir: Path) -> list[Path]:
    """The SQLite stores under ``data_dir``, sorted by path."""
    if not data_dir.is_dir():
        return []
    found = []
    for path in sorted(data_dir.rglob("*")):
        relative = path.relative_to(data_dir)
        if relative.parts[0] in SKIPPED_DIRS or path.suffix not in SUFFIXES:
            continue
        if path.is_file() and _is_sqlite(path):
            found.append(path)
    return found


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _online_copy(source: Path, target: Path) -> str:
    """Copy ``source`` into a new file ``target`` with the online backup API; return the
    source's journal mode. The copy uses a rollback journal: one self-contained file."""
    target.unlink(missing_ok=True)
    with (
        closing(sqlite3.connect(source, timeout=30)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        mode = str(src.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    return mode


def backup_stores(data_dir: Path, folder: Path) -> dict[str, dict[str, Any]]:
    """Copy every store of ``data_dir`` into ``folder/stores/``; return the manifest entries,
    keyed by the store's path relative to ``data_dir``."""
    entries: dict[str, dict[str, Any]] = {}
    for source in discover(data_dir):
        relative = source.relative_to(data_dir).as_posix()
        file = f"{STORES_DIR}/{relative}"
        target = folder / file
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = _online_copy(source, target)
        entries[relative] = {"file": file, "journal_mode": mode, "rows": _row_counts(target)}
    return entries


def _row_counts(path: Path) -> dict[str, int]:
    with closing(_read_only(path)) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " ORDER BY name"
            )
        ]
        counts = {}
        for table in tables:
            quoted = table.replace('"', '""')
            # a name read from the copy's own schema, quoted: nothing from outside
            counts[table] = conn.execute(f'SELECT COUNT(*) FROM "{quoted}"').fetchone()[0]  # noqa: S608
        return counts


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def integrity_problems(path: Path) -> list[str]:
    """What ``PRAGMA integrity_check`` finds wrong with the database ``path`` (empty: sound)."""
    try:
        with closing(_read_only(path)) as conn:
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:  # not a database, or too broken to check
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def check_copies(folder: Path, stores: Mapping[str, Mapping[str, Any]]) -> None:
    """Every store copy of a backup passes the integrity check; raise otherwise."""
    for relative, entry in stores.items():
        problems = integrity_problems(folder / entry["file"])
        if problems:
            raise StoreBackupError(f"{relative}: integrity check failed: {'; '.join(problems[:3])}")


@dataclass(frozen=True)
class _Pending:
    relative: str
    staged: Path
    target: Path
    journal_mode: str


@contextmanager
def restoring(
    folder: Path, stores: Mapping[str, Mapping[str, Any]], data_dir: Path
) -> Iterator[list[str]]:
    """Stage every store copy next to its target in ``data_dir`` and check it; the live files
    are replaced only when the block ends without an error (else the staged copies go).

    Yields the stores' relative paths. Raises :class:`StoreBackupError` before anything live
    is touched if a copy fails its integrity check.
    """
    pending: list[_Pending] = []
    try:
        for relative, entry in stores.items():
            target = data_dir / relative
            if ".." in Path(relative).parts or Path(relative).is_absolute():
                raise StoreBackupError(f"{relative}: not a path inside the data directory")
            target.parent.mkdir(parents=True, exist_ok=True)
            staged = target.with_name(target.name + RESTORING)
            shutil.copyfile(folder / entry["file"], staged)
            pending.append(_Pending(relative, staged, target, str(entry.get("journal_mode", ""))))
            problems = integrity_problems(staged)
            if problems:
                raise StoreBackupError(
                    f"{relative}: the restored copy fails its integrity check: "
                    + "; ".join(problems[:3])
                )
        yield [p.relative for p in pending]
    except BaseException:
        for p in pending:
            p.staged.unlink(missing_ok=True)
        raise
    for p in pending:
        _replace(p)


def _replace(p: _Pending) -> None:
    if p.target.exists():
        _online_copy(p.target, p.target.with_name(p.target.name + BEFORE_RESTORE))
    # A write-ahead log left by the old file would be replayed onto the restored one.
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{p.target}{suffix}").unlink(missing_ok=True)
    os.replace(p.staged, p.target)
    if p.journal_mode == "wal":
        with closing(sqlite3.connect(p.target)) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
