"""Backups of the SQLite stores: taken while they are written, verified by hash and integrity
check, refused whole when anything fails, restored identical into a fresh data directory."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from qdrant_client import QdrantClient

from adapters.checkpoints import open_checkpoints
from adapters.index_backup import BackupError, BackupInfo, BackupStore
from adapters.llm_history import LLMHistory
from adapters.sqlite_backup import discover, integrity_problems
from adapters.vector_store import KnowledgeIndex
from tests.fakes import CountingEmbedder
from tests.unit.test_retention import _call, _thread
from tests.unit.test_vector_store import ROWS

STORES = ["checkpoints.sqlite", "llm_history.sqlite", "mocks/mocks.sqlite3", "outcomes.sqlite"]


def _plain_db(path: Path, rows: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE outcomes (incident_id TEXT PRIMARY KEY, outcome TEXT)")
        conn.execute("CREATE INDEX outcomes_outcome ON outcomes(outcome)")
        conn.executemany(
            "INSERT INTO outcomes VALUES (?, ?)", [(f"INC{i:06d}", "resolved") for i in range(rows)]
        )
    conn.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    """A data directory as a run leaves it, the LLM history still open and being written
    (its last rows only in the write-ahead log)."""
    data = tmp_path / "data"
    _plain_db(data / "outcomes.sqlite", 300)
    _plain_db(data / "mocks" / "mocks.sqlite3", 20)
    _plain_db(data / "qdrant" / "collection" / "kb" / "storage.sqlite", 5)  # the index's own
    (data / "ocr_cache").mkdir()
    (data / "ocr_cache" / "abc.json").write_text("{}", encoding="utf-8")
    (data / "notas.db").write_text("not a database", encoding="utf-8")
    saver = open_checkpoints(data / "checkpoints.sqlite")
    _thread(saver, "INC000001", datetime.now(UTC))
    history = LLMHistory(data / "llm_history.sqlite")
    history._conn.execute("PRAGMA wal_autocheckpoint = 0")  # keep the new rows in the WAL
    for n in range(5):
        history.record(_call(f"run-{n}"))
    yield data
    history.close()
    saver.conn.close()


@pytest.fixture
def backups(tmp_path: Path, data_dir: Path) -> BackupStore:
    index = KnowledgeIndex(QdrantClient(":memory:"), "kb", CountingEmbedder())
    index.rebuild(ROWS)
    (tmp_path / "resources").mkdir()
    return BackupStore(tmp_path / "backups", index, data_dir)


def _create(backups: BackupStore) -> BackupInfo:
    return backups.create(backups.root.parent / "resources")


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_every_store_and_only_the_stores_are_found(data_dir: Path) -> None:
    assert [p.relative_to(data_dir).as_posix() for p in discover(data_dir)] == STORES


def test_backup_while_running_then_restore_into_a_fresh_dir_is_identical(
    backups: BackupStore, data_dir: Path, tmp_path: Path
) -> None:
    assert Path(f"{data_dir}/llm_history.sqlite-wal").stat().st_size > 0  # rows in the WAL
    info = _create(backups)
    assert list(info.stores) == STORES
    manifest = json.loads((info.path / "manifest.json").read_text(encoding="utf-8"))
    for store in STORES:
        assert manifest["files"][f"stores/{store}"]["sha256"]
    assert manifest["stores"]["llm_history.sqlite"]["rows"]["llm_calls"] == 5
    assert backups.verify(info.id)["stores"] == STORES

    fresh = tmp_path / "fresh"
    result = backups.restore(info.id, stores_dir=fresh)
    assert result["stores"] == STORES
    for store in STORES:
        assert _dump(fresh / store) == _dump(data_dir / store), store
        assert integrity_problems(fresh / store) == []
    conn = sqlite3.connect(fresh / "llm_history.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # as the original
    conn.close()
    assert not any(p.name.endswith(".restoring") for p in fresh.rglob("*"))


def test_a_backup_with_one_corrupt_byte_is_refused(backups: BackupStore, tmp_path: Path) -> None:
    info = _create(backups)
    copy = info.path / "stores" / "outcomes.sqlite"
    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 0xFF
    copy.write_bytes(bytes(data))
    live = backups.index.live_collection()
    with pytest.raises(BackupError, match="corrupt"):
        backups.verify(info.id)
    fresh = tmp_path / "fresh"
    with pytest.raises(BackupError, match="corrupt"):
        backups.restore(info.id, stores_dir=fresh)
    assert not fresh.exists() or not any(fresh.rglob("*"))
    assert backups.index.live_collection() == live


def _break_a_page(path: Path) -> None:
    """Make page 2 (the table's root) something that is no b-tree page."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size] = 0x00
    path.write_bytes(bytes(data))


def test_a_copy_that_fails_its_integrity_check_is_refused_even_with_matching_hashes(
    backups: BackupStore, data_dir: Path
) -> None:
    info = _create(backups)
    copy = info.path / "stores" / "outcomes.sqlite"
    _break_a_page(copy)
    manifest_path = info.path / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    meta = manifest["files"]["stores/outcomes.sqlite"]
    meta["sha256"] = hashlib.sha256(copy.read_bytes()).hexdigest()
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    before = _dump(data_dir / "outcomes.sqlite")
    with pytest.raises(BackupError, match="integrity check"):
        backups.verify(info.id)
    with pytest.raises(BackupError, match="integrity check"):
        backups.restore(info.id, stores_dir=data_dir)
    assert _dump(data_dir / "outcomes.sqlite") == before  # nothing live was touched
    assert not (data_dir / "outcomes.sqlite.before-restore").exists()


def test_restoring_over_live_stores_keeps_them_aside(
    backups: BackupStore, data_dir: Path, tmp_path: Path
) -> None:
    info = _create(backups)
    target = tmp_path / "live"
    _plain_db(target / "outcomes.sqlite", 3)  # what was there before the restore
    with sqlite3.connect(target / "outcomes.sqlite") as conn:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    Path(f"{target}/outcomes.sqlite-wal").write_bytes(b"stale log of the old file")
    backups.restore(info.id, stores_dir=target)
    assert _dump(target / "outcomes.sqlite") == _dump(data_dir / "outcomes.sqlite")
    aside = sqlite3.connect(target / "outcomes.sqlite.before-restore")
    assert aside.execute("SELECT COUNT(*) FROM outcomes").fetchone() == (3,)
    aside.close()
    assert [p.name for p in discover(target)] == [p.name for p in discover(data_dir)]


def test_a_backup_without_stores_still_restores(backups: BackupStore, tmp_path: Path) -> None:
    info = _create(backups)
    manifest_path = info.path / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["format"] = 1  # as written before the stores were backed up
    del manifest["stores"]
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    result = backups.restore(info.id, stores_dir=tmp_path / "fresh")
    assert result["stores"] == [] and result["points"] == len(ROWS)
