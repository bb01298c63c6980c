"""Snapshots of the knowledge-base index, its files and the SQLite stores: create, list,
verify, restore, rotate.

A backup is a directory ``<DATA_DIR>/backups/<id>/`` holding

* ``points.jsonl`` — every point of the live collection: id, payload, dense and sparse vectors;
* ``PROBLEMAS_GLOBALES.csv`` and ``SINONIMOS.txt`` — the files the index was built from;
* ``stores/`` — a consistent copy of every SQLite store under DATA_DIR (outcomes, checkpoints,
  LLM history, the mock services' state), taken while the engine may be writing
  (:mod:`adapters.sqlite_backup`);
* ``manifest.json`` — counts, the index signature, the stores and the SHA-256 of every file.

Verify and restore check every hash first; the store copies must also pass SQLite's integrity
check, and a restore that includes them checks each restored database before any live file is
replaced. A backup that fails any check is refused whole.

It is written to ``<id>.partial`` and renamed when complete, so a crash never leaves a backup that
looks valid. The format is our own (not Qdrant snapshots) so the same code works on local mode
and on a Qdrant server, and the points are readable with any JSON tool.
"""

from __future__ import annotations

import hashlib
import json
import math
import shutil
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import structlog
from qdrant_client import models

from adapters import sqlite_backup
from adapters.vector_store import DENSE, SPARSE, KnowledgeIndex
from errors import ResolviaError

log = structlog.get_logger(__name__)

#: 2 added the SQLite stores; a format-1 backup (index and files only) still restores
FORMAT_VERSION = 2
READABLE_FORMATS = frozenset({1, 2})
POINTS_FILE = "points.jsonl"
MANIFEST = "manifest.json"
KB_FILES = ("PROBLEMAS_GLOBALES.csv", "SINONIMOS.txt")
SCRATCH_SUFFIX = "__restore_scratch"


class BackupError(ResolviaError):
    """A backup is missing, corrupt, or does not match the index."""


@dataclass(frozen=True)
class BackupInfo:
    id: str
    path: Path
    created_at: str
    points: int
    alias: str
    signature: dict[str, Any]
    #: SQLite stores in the backup, by path relative to DATA_DIR
    stores: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": str(self.path),
            "created_at": self.created_at,
            "points": self.points,
            "alias": self.alias,
            "stores": list(self.stores),
        }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _vector_json(vector: Any) -> dict[str, Any]:
    dense = vector[DENSE]
    sparse = vector[SPARSE]
    return {
        DENSE: [float(x) for x in dense],
        SPARSE: {"indices": list(sparse.indices), "values": [float(v) for v in sparse.values]},
    }


class BackupStore:
    """Backups of one index (and, given ``data_dir``, its SQLite stores) under one directory."""

    def __init__(self, root: Path, index: KnowledgeIndex, data_dir: Path | None = None) -> None:
        self.root = root
        self.index = index
        #: where the SQLite stores live; None backs up the index and its files only
        self.data_dir = data_dir

    # -- create ----------------------------------------------------------------------------
    def create(self, resources_dir: Path, keep: int | None = None) -> BackupInfo:
        live = self.index.live_collection()
        if live is None:
            raise BackupError(f"no index '{self.index.alias}' to back up: run `python batch.py`")
        self.root.mkdir(parents=True, exist_ok=True)
        backup_id = self._new_id()
        partial = self.root / f"{backup_id}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        try:
            count = 0
            signature: dict[str, Any] = {}
            with (partial / POINTS_FILE).open("w", encoding="utf-8") as out:
                for record in self.index.scroll_points(live, with_vectors=True):
                    payload = record.payload or {}
                    signature = {k[1:]: v for k, v in payload.items() if k.startswith("_")}
                    line = {"id": str(record.id), "payload": payload, **_vector_json(record.vector)}
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
                    count += 1
            for name in KB_FILES:
                if (resources_dir / name).exists():
                    shutil.copy2(resources_dir / name, partial / name)
            stores = sqlite_backup.backup_stores(self.data_dir, partial) if self.data_dir else {}
            files = {
                p.relative_to(partial).as_posix(): {"sha256": _sha256(p), "bytes": p.stat().st_size}
                for p in sorted(partial.rglob("*"))
                if p.is_file()
            }
            manifest = {
                "format": FORMAT_VERSION,
                "id": backup_id,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "alias": self.index.alias,
                "source_collection": live,
                "points": count,
                "signature": signature,
                "stores": stores,
                "files": files,
            }
            (partial / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
            partial.rename(self.root / backup_id)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        log.info("backup.created", backup=backup_id, points=count, stores=len(stores))
        if keep is not None:
            self.rotate(keep)
        return self.info(backup_id)

    def _new_id(self) -> str:
        base = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        candidate, n = base, 1
        while (self.root / candidate).exists():
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    # -- list / info -----------------------------------------------------------------------
    def backups(self) -> list[BackupInfo]:
        if not self.root.exists():
            return []
        infos = []
        for path in sorted(self.root.iterdir()):
            if path.is_dir() and (path / MANIFEST).exists():
                infos.append(self.info(path.name))
        return infos

    def info(self, backup_id: str) -> BackupInfo:
        manifest = self._manifest(backup_id)
        return BackupInfo(
            id=manifest["id"],
            path=self.root / backup_id,
            created_at=manifest["created_at"],
            points=manifest["points"],
            alias=manifest["alias"],
            signature=manifest.get("signature", {}),
            stores=tuple(manifest.get("stores", {})),
        )

    def _manifest(self, backup_id: str) -> dict[str, Any]:
        if "/" in backup_id or backup_id.startswith("."):
            raise BackupError(f"bad backup id {backup_id!r}")
        path = self.root / backup_id / MANIFEST
        if not path.exists():
            known = ", ".join(b.id for b in self.backups()) or "none"
            raise BackupError(f"backup {backup_id!r} not found in {self.root} (known: {known})")
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if manifest.get("format") not in READABLE_FORMATS:
            raise BackupError(f"backup {backup_id}: unsupported format {manifest.get('format')}")
        return manifest

    def rotate(self, keep: int) -> list[str]:
        """Delete the oldest backups beyond ``keep``; return the deleted ids."""
        if keep < 1:
            raise BackupError("--keep must be at least 1")
        backups = self.backups()
        doomed = [b.id for b in backups[: max(0, len(backups) - keep)]]
        for backup_id in doomed:
            shutil.rmtree(self.root / backup_id)
            log.info("backup.rotated_out", backup=backup_id)
        return doomed

    # -- verify / restore ------------------------------------------------------------------
    def check_files(self, backup_id: str) -> dict[str, Any]:
        """Every file present with the size and SHA-256 of the manifest, and every store copy
        a sound SQLite database."""
        manifest = self._manifest(backup_id)
        folder = self.root / backup_id
        for name, meta in manifest["files"].items():
            path = folder / name
            if not path.exists():
                raise BackupError(f"backup {backup_id}: {name} is missing")
            if path.stat().st_size != meta["bytes"] or _sha256(path) != meta["sha256"]:
                raise BackupError(f"backup {backup_id}: {name} is corrupt (hash mismatch)")
        stores = manifest.get("stores", {})
        unlisted = [e["file"] for e in stores.values() if e["file"] not in manifest["files"]]
        if unlisted:
            raise BackupError(f"backup {backup_id}: {unlisted[0]} has no hash in the manifest")
        try:
            sqlite_backup.check_copies(folder, stores)
        except sqlite_backup.StoreBackupError as exc:
            raise BackupError(f"backup {backup_id}: {exc}") from None
        return manifest

    def _points(self, backup_id: str) -> Iterator[dict[str, Any]]:
        with (self.root / backup_id / POINTS_FILE).open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)

    def _load_into(self, backup_id: str, collection: str) -> None:
        self.index.create_collection(collection)
        batch: list[models.PointStruct] = []
        for p in self._points(backup_id):
            sparse = models.SparseVector(**p[SPARSE])
            batch.append(
                models.PointStruct(
                    id=p["id"], vector={DENSE: p[DENSE], SPARSE: sparse}, payload=p["payload"]
                )
            )
            if len(batch) == 256:
                self.index.client.upsert(collection, points=batch, wait=True)
                batch = []
        if batch:
            self.index.client.upsert(collection, points=batch, wait=True)

    def compare(self, backup_id: str, collection: str) -> list[str]:
        """Differences between a backup and a collection (empty = identical)."""
        problems: list[str] = []
        stored = {str(r.id): r for r in self.index.scroll_points(collection, with_vectors=True)}
        seen = set()
        for p in self._points(backup_id):
            seen.add(p["id"])
            record = stored.get(p["id"])
            if record is None:
                problems.append(f"point {p['id']} missing")
                continue
            if record.payload != p["payload"]:
                problems.append(f"point {p['id']}: payload differs")
            got = _vector_json(record.vector)
            if not _close(got[DENSE], p[DENSE]):
                problems.append(f"point {p['id']}: dense vector differs")
            if got[SPARSE]["indices"] != p[SPARSE]["indices"] or not _close(
                got[SPARSE]["values"], p[SPARSE]["values"]
            ):
                problems.append(f"point {p['id']}: sparse vector differs")
        extra = set(stored) - seen
        if extra:
            problems.append(f"{len(extra)} point(s) not in the backup")
        return problems

    def verify(self, backup_id: str) -> dict[str, Any]:
        """Check the files, restore into a scratch collection and compare; raise on mismatch."""
        manifest = self.check_files(backup_id)
        scratch = self.index.alias + SCRATCH_SUFFIX
        if self.index.client.collection_exists(scratch):
            self.index.client.delete_collection(scratch)
        try:
            self._load_into(backup_id, scratch)
            problems = self.compare(backup_id, scratch)
        finally:
            self.index.client.delete_collection(scratch)
        if problems:
            raise BackupError(f"backup {backup_id} does not round-trip: " + "; ".join(problems[:5]))
        stores = list(manifest.get("stores", {}))
        return {"id": backup_id, "points": manifest["points"], "stores": stores, "ok": True}

    def restore(
        self,
        backup_id: str,
        resources_dir: Path | None = None,
        *,
        stores_dir: Path | None = None,
    ) -> dict[str, Any]:
        """Load a backup into a new collection, verify it, then switch the live alias to it.

        The previous collection is removed only after the switch; if anything fails before,
        the live index is untouched. With ``resources_dir``, the backed-up CSV and synonyms
        are put back too (the current ones are kept as ``*.before-restore``). With
        ``stores_dir`` (a DATA_DIR; the caller holds its run lock), the SQLite stores are put
        back there: each restored database must pass its integrity check before the index or
        any live store is touched (the current files are kept as ``*.before-restore``).
        """
        manifest = self.check_files(backup_id)
        staging: AbstractContextManager[list[str]] = nullcontext([])
        if stores_dir is not None:
            stores = manifest.get("stores", {})
            staging = sqlite_backup.restoring(self.root / backup_id, stores, stores_dir)
        try:
            # the stores are staged and checked first, replaced only if the index restores
            with staging as restored:
                name, previous = self._restore_index(backup_id)
        except sqlite_backup.StoreBackupError as exc:
            raise BackupError(f"backup {backup_id}: {exc}") from None
        if previous:
            self.index.client.delete_collection(previous)
        if resources_dir is not None:
            for file_name in KB_FILES:
                source = self.root / backup_id / file_name
                if source.exists():
                    target = resources_dir / file_name
                    if target.exists():
                        shutil.copy2(target, target.with_name(target.name + ".before-restore"))
                    shutil.copy2(source, target)
        log.info(
            "backup.restored",
            backup=backup_id,
            collection=name,
            previous=previous,
            stores=len(restored),
        )
        return {
            "id": backup_id,
            "points": manifest["points"],
            "collection": name,
            "previous": previous,
            "stores": restored,
        }

    def _restore_index(self, backup_id: str) -> tuple[str, str | None]:
        """Load the backup into a new collection, compare, switch the alias to it; return
        (new collection, previous live collection). Nothing changes if the comparison fails."""
        previous = self.index.live_collection()
        name = f"{self.index.alias}__{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"
        try:
            self._load_into(backup_id, name)
            problems = self.compare(backup_id, name)
            if problems:
                raise BackupError(f"restored index differs from backup: {'; '.join(problems[:5])}")
        except BaseException:
            self.index.client.delete_collection(name)
            raise
        self.index.switch_alias(name)
        return name, previous


def _close(a: list[float], b: list[float], tol: float = 1e-5) -> bool:
    return len(a) == len(b) and all(
        math.isclose(x, y, rel_tol=tol, abs_tol=tol) for x, y in zip(a, b, strict=True)
    )
