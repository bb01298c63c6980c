"""Backups of the index on an in-memory Qdrant (fake embedder, real payloads and vectors)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from qdrant_client import QdrantClient

from adapters.index_backup import BackupError, BackupStore
from adapters.vector_store import KnowledgeIndex
from tests.fakes import CountingEmbedder
from tests.fakes import kb_row as _row
from tests.unit.test_vector_store import ROWS


@pytest.fixture
def store(tmp_path: Path) -> BackupStore:
    index = KnowledgeIndex(QdrantClient(":memory:"), "kb", CountingEmbedder())
    index.rebuild(ROWS)
    resources = tmp_path / "resources"
    resources.mkdir()
    (resources / "PROBLEMAS_GLOBALES.csv").write_text("ID,COMPONENTE\n", encoding="utf-8")
    return BackupStore(tmp_path / "backups", index)


def _resources(store: BackupStore) -> Path:
    return store.root.parent / "resources"


def test_round_trip_keeps_ids_payloads_and_vectors(store: BackupStore) -> None:
    before = {
        str(r.id): r
        for r in store.index.scroll_points(store.index.live_collection() or "", with_vectors=True)
    }
    info = store.create(_resources(store))
    assert info.points == len(ROWS)
    assert store.verify(info.id)["ok"] is True
    store.index.rebuild([_row("KB-9", "otra cosa")])  # the live index changes completely
    result = store.restore(info.id)
    after = {
        str(r.id): r for r in store.index.scroll_points(result["collection"], with_vectors=True)
    }
    assert set(after) == set(before)
    for pid, record in before.items():
        assert after[pid].payload == record.payload
        assert after[pid].vector["dense"] == pytest.approx(record.vector["dense"], abs=1e-6)  # type: ignore[index]
        assert after[pid].vector["sparse"].indices == record.vector["sparse"].indices  # type: ignore[index,union-attr]
    assert store.index.live_collection() == result["collection"]
    assert store.index.search(["impresora no imprime"], k=1)[0].kb_id == "KB-2"


def test_a_corrupt_backup_is_refused_and_the_live_index_untouched(store: BackupStore) -> None:
    info = store.create(_resources(store))
    points = info.path / "points.jsonl"
    lines = points.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["payload"]["solucion"] = "manipulada"
    points.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", encoding="utf-8")
    live = store.index.live_collection()
    with pytest.raises(BackupError, match="corrupt"):
        store.verify(info.id)
    with pytest.raises(BackupError, match="corrupt"):
        store.restore(info.id)
    assert store.index.live_collection() == live


def test_rotation_keeps_the_newest(store: BackupStore) -> None:
    ids = [store.create(_resources(store)).id for _ in range(3)]
    assert len(set(ids)) == 3
    store.create(_resources(store), keep=2)
    remaining = [b.id for b in store.backups()]
    assert len(remaining) == 2 and ids[0] not in remaining and ids[1] not in remaining


def test_partial_backups_are_invisible(store: BackupStore) -> None:
    (store.root / "20990101-000000.partial").mkdir(parents=True)
    assert store.backups() == []


def test_unknown_backup_lists_the_known_ones(store: BackupStore) -> None:
    info = store.create(_resources(store))
    with pytest.raises(BackupError, match=info.id):
        store.verify("nope")


def test_restore_with_files_puts_the_csv_back(store: BackupStore) -> None:
    resources = _resources(store)
    info = store.create(resources)
    (resources / "PROBLEMAS_GLOBALES.csv").write_text("editado\n", encoding="utf-8")
    store.restore(info.id, resources)
    assert (resources / "PROBLEMAS_GLOBALES.csv").read_text(encoding="utf-8") == "ID,COMPONENTE\n"
    assert (resources / "PROBLEMAS_GLOBALES.csv.before-restore").read_text(
        encoding="utf-8"
    ) == "editado\n"


def test_nothing_to_back_up_is_a_clear_error(tmp_path: Path) -> None:
    index = KnowledgeIndex(QdrantClient(":memory:"), "kb", CountingEmbedder())
    with pytest.raises(BackupError, match=r"batch\.py"):
        BackupStore(tmp_path, index).create(tmp_path)
