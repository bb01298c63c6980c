"""The index remembers the knowledge-base file it was built from, and a run uses that file:
``resolvia index --csv X`` then ``resolvia run`` reads X, and refuses to start when X changed
or is gone since. In-memory Qdrant, fake embedder."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from qdrant_client import QdrantClient

import adapters.vector_store
from adapters.index_backup import BackupStore
from adapters.knowledge_base import COLUMNS, load_kb
from adapters.vector_store import IndexSource, KBIndexError, KnowledgeIndex, load_indexed_kb
from cli.index import run_index
from config import Settings, get_settings
from graph.context import load_knowledge_base
from tests.fakes import CountingEmbedder


def _kb_text(*components: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["ID", *COLUMNS])
    for i, component in enumerate(components, start=1):
        writer.writerow(
            [
                f"KB-{i}",
                component,
                f"Problema {i} de {component}",
                "Error",
                "Reiniciar.",
                "05/02/2024",
                "cierre",
                "",
            ]
        )
    return buf.getvalue()


@pytest.fixture
def index(monkeypatch: pytest.MonkeyPatch) -> KnowledgeIndex:
    """The index ``run_index`` builds (its ``open_index`` gives this one)."""
    kb_index = KnowledgeIndex(QdrantClient(":memory:"), "kb", CountingEmbedder())

    @contextmanager
    def same_index(*_: object) -> Iterator[KnowledgeIndex]:
        yield kb_index

    monkeypatch.setattr(adapters.vector_store, "open_index", same_index)
    return kb_index


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Bundled knowledge base: a file with other components than the ones indexed below."""
    resources = tmp_path / "resources"
    resources.mkdir()
    (resources / "PROBLEMAS_GLOBALES.csv").write_text(_kb_text("Bundled"), encoding="utf-8")
    return get_settings().model_copy(update={"RESOURCES_DIR": resources})


def _index(settings: Settings, path: Path, *, dry_run: bool = False) -> None:
    run_index(settings, path, "kb", dry_run=dry_run, strict=False, quiet=True)


def test_run_uses_the_csv_that_was_indexed(
    tmp_path: Path, index: KnowledgeIndex, settings: Settings
) -> None:
    other = tmp_path / "otra_base.csv"
    other.write_text(_kb_text("Correo", "Accesos"), encoding="utf-8")
    _index(settings, other)
    assert index.source() == IndexSource(str(other.resolve()), load_kb(other).sha256)
    kb = load_knowledge_base(settings, index)
    assert kb.components() == ["Accesos", "Correo"]  # not the bundled file's "Bundled"


def test_a_relative_csv_path_is_recorded_absolute(
    tmp_path: Path, index: KnowledgeIndex, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "kb.csv").write_text(_kb_text("Correo"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _index(settings, Path("kb.csv"))
    source = index.source()
    assert source is not None and source.path == str((tmp_path / "kb.csv").resolve())
    monkeypatch.chdir(settings.RESOURCES_DIR)  # cron runs from anywhere
    assert load_knowledge_base(settings, index).components() == ["Correo"]


def test_a_changed_source_stops_the_run_naming_the_file_and_the_command(
    tmp_path: Path, index: KnowledgeIndex, settings: Settings
) -> None:
    path = tmp_path / "kb.csv"
    path.write_text(_kb_text("Correo"), encoding="utf-8")
    _index(settings, path)
    path.write_text(_kb_text("Correo", "Impresoras"), encoding="utf-8")  # edited, not indexed
    with pytest.raises(KBIndexError) as changed:
        load_knowledge_base(settings, index)
    message = str(changed.value)
    assert f"{path.resolve()} changed since it was indexed" in message
    assert f"`resolvia index --csv {path.resolve()}`" in message
    _index(settings, path)  # what the message says to do
    assert load_knowledge_base(settings, index).components() == ["Correo", "Impresoras"]
    # the row that was copied over, not embedded again, carries the new source too
    sources = {(p["_source_path"], p["_source_sha256"]) for p in index.indexed().values()}
    assert sources == {(str(path.resolve()), load_kb(path).sha256)}


def test_a_missing_source_stops_the_run(
    tmp_path: Path, index: KnowledgeIndex, settings: Settings
) -> None:
    path = tmp_path / "kb.csv"
    path.write_text(_kb_text("Correo"), encoding="utf-8")
    _index(settings, path)
    path.unlink()
    with pytest.raises(KBIndexError, match="missing") as missing:
        load_knowledge_base(settings, index)
    assert str(path.resolve()) in str(missing.value)
    assert "resolvia index --csv" in str(missing.value)


def test_reindexing_rows_that_did_not_change_still_records_the_file(
    tmp_path: Path, index: KnowledgeIndex, settings: Settings
) -> None:
    path = tmp_path / "kb.csv"
    path.write_text(_kb_text("Correo"), encoding="utf-8")
    _index(settings, path)
    collection = index.live_collection()
    # The same rows in other bytes (CRLF, as a spreadsheet saves it), then at another path:
    # nothing is rebuilt, but the run accepts the file as it is now.
    path.write_bytes(_kb_text("Correo").replace("\n", "\r\n").encode("utf-8"))
    _index(settings, path)
    assert index.live_collection() == collection
    assert load_knowledge_base(settings, index).components() == ["Correo"]
    moved = tmp_path / "movida.csv"
    path.rename(moved)
    _index(settings, moved)
    assert index.live_collection() == collection
    assert index.source() == IndexSource(str(moved.resolve()), load_kb(moved).sha256)
    assert load_knowledge_base(settings, index).components() == ["Correo"]


def test_a_dry_run_records_nothing(
    tmp_path: Path, index: KnowledgeIndex, settings: Settings
) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(_kb_text("Correo"), encoding="utf-8")
    second.write_text(_kb_text("Accesos"), encoding="utf-8")
    _index(settings, first)
    recorded = index.source()
    _index(settings, second, dry_run=True)
    assert index.source() == recorded
    assert load_knowledge_base(settings, index).components() == ["Correo"]


def test_an_index_that_does_not_record_its_source_must_match_the_bundled_file(
    tmp_path: Path, index: KnowledgeIndex, settings: Settings
) -> None:
    bundled = settings.RESOURCES_DIR / "PROBLEMAS_GLOBALES.csv"
    # as indexes built before the source was recorded, or by rebuild() without a file
    index.rebuild(load_kb(bundled).rows)
    assert index.source() is None
    assert load_knowledge_base(settings, index).components() == ["Bundled"]
    bundled.write_text(_kb_text("Bundled", "Nuevo"), encoding="utf-8")
    with pytest.raises(KBIndexError, match="does not record which file") as unknown:
        load_knowledge_base(settings, index)
    assert f"`resolvia index --csv {bundled}`" in str(unknown.value)
    with pytest.raises(KBIndexError, match="does not record which file"):
        load_indexed_kb(index, default=tmp_path / "no_existe.csv")
    # a later rebuild without a file forgets the file recorded before
    path = tmp_path / "kb.csv"
    path.write_text(_kb_text("Bundled", "Nuevo"), encoding="utf-8")
    _index(settings, path)
    assert index.source() is not None
    index.rebuild(load_kb(path).rows)
    assert index.source() is None


def test_the_source_travels_with_a_backup(
    tmp_path: Path, index: KnowledgeIndex, settings: Settings
) -> None:
    path = tmp_path / "kb.csv"
    path.write_text(_kb_text("Correo"), encoding="utf-8")
    _index(settings, path)
    recorded = index.source()
    store = BackupStore(tmp_path / "backups", index)
    backup = store.create(settings.RESOURCES_DIR)
    index.rebuild(load_kb(settings.RESOURCES_DIR / "PROBLEMAS_GLOBALES.csv").rows)
    assert index.source() is None
    store.restore(backup.id)
    assert index.source() == recorded
    assert [h.row["componente"] for h in index.search(["problema"], k=5)] == ["Correo"]
