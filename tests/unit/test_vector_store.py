"""KnowledgeIndex on an in-memory Qdrant with a deterministic fake embedder."""

from __future__ import annotations

import pytest
from qdrant_client import QdrantClient

from adapters.vector_store import KBIndexError, KnowledgeIndex
from tests.fakes import CountingEmbedder
from tests.fakes import kb_row as _row

ROWS = [
    _row("KB-1", "Outlook no envía correos y se quedan en la bandeja de salida"),
    _row("KB-2", "La impresora de la planta dos no imprime", comp="Puesto de trabajo"),
    _row("KB-3", "Usuario bloqueado tras varios intentos de contraseña", comp="Accesos"),
    _row("KB-4", "El reembolso de la factura del dentista no llega", comp="Reembolsos"),
]


@pytest.fixture
def index() -> KnowledgeIndex:
    return KnowledgeIndex(QdrantClient(":memory:"), "kb", CountingEmbedder())


def test_first_build_adds_everything_and_switches_the_alias(index: KnowledgeIndex) -> None:
    stats = index.rebuild(ROWS)
    assert (stats.added, stats.updated, stats.deleted, stats.unchanged) == (4, 0, 0, 0)
    assert stats.switched and index.live_collection() == stats.collection
    assert index.count() == 4


def test_unchanged_rebuild_writes_nothing_and_embeds_nothing(index: KnowledgeIndex) -> None:
    first = index.rebuild(ROWS)
    embedder: CountingEmbedder = index.embedder  # type: ignore[assignment]
    before = embedder.embedded
    again = index.rebuild(list(reversed(ROWS)))
    assert again.unchanged == 4 and not again.switched
    assert embedder.embedded == before
    assert index.live_collection() == first.collection


def test_only_changed_and_new_rows_are_embedded(index: KnowledgeIndex) -> None:
    index.rebuild(ROWS)
    embedder: CountingEmbedder = index.embedder  # type: ignore[assignment]
    before = embedder.embedded
    edited = [
        ROWS[0],
        _row("KB-2", ROWS[1].descripcion, comp="Puesto de trabajo", sol="Otra."),
        ROWS[2],
        _row("KB-5", "No funciona la VPN desde casa", comp="Accesos"),
    ]
    stats = index.rebuild(edited)
    assert (stats.added, stats.updated, stats.deleted, stats.unchanged) == (1, 1, 1, 2)
    assert embedder.embedded - before == 2
    assert set(index.indexed()) == {"KB-1", "KB-2", "KB-3", "KB-5"}
    assert index.indexed()["KB-2"]["solucion"] == "Otra."
    assert len(index._own_collections()) == 1  # the old collection is gone


def test_a_crash_before_the_switch_leaves_the_live_index_answering(index: KnowledgeIndex) -> None:
    first = index.rebuild(ROWS)

    def crash(name: str) -> None:
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match="power cut"):
        index.rebuild([*ROWS, _row("KB-9", "nuevo problema")], before_switch=crash)
    assert index.live_collection() == first.collection
    assert [h.kb_id for h in index.search(["impresora no imprime"], k=1)] == ["KB-2"]
    assert index._own_collections() == [first.collection]  # half-built one removed


def test_leftovers_of_a_killed_build_are_cleaned_by_the_next_one(index: KnowledgeIndex) -> None:
    first = index.rebuild(ROWS)
    index.create_collection("kb__19990101000000000000")  # as if a process died mid-build
    stats = index.rebuild([*ROWS, _row("KB-9", "nuevo problema")])
    assert set(index._own_collections()) == {stats.collection}
    assert stats.collection != first.collection


def test_rows_that_became_invalid_keep_their_indexed_version(index: KnowledgeIndex) -> None:
    index.rebuild(ROWS)
    stats = index.rebuild(ROWS[:3], keep_ids=["KB-4"])
    assert stats.kept_previous == 1 and stats.deleted == 0
    assert "KB-4" in index.indexed()


def test_a_new_embedder_reembeds_everything(index: KnowledgeIndex) -> None:
    index.rebuild(ROWS)
    other = CountingEmbedder()
    other.name = "another-model"  # type: ignore[misc]
    stats = KnowledgeIndex(index.client, "kb", other).rebuild(ROWS)
    assert stats.added == 4 and other.embedded == 4


def test_dry_run_reports_the_diff_without_writing(index: KnowledgeIndex) -> None:
    index.rebuild(ROWS)
    live = index.live_collection()
    stats = index.rebuild(ROWS[:2], dry_run=True)
    assert stats.deleted == 2 and not stats.switched
    assert index.live_collection() == live and index.count() == 4


def test_phrasings_are_merged_by_kb_id_with_fields(index: KnowledgeIndex) -> None:
    index.rebuild(ROWS)
    hits = index.search(["outlook no envía correos", "correos en la bandeja de salida"], k=3)
    assert hits[0].kb_id == "KB-1"
    assert len({h.kb_id for h in hits}) == len(hits)
    assert hits[0].ranks == {0: 0, 1: 0}
    assert hits[0].row["componente"] == "Correo" and "content_hash" in hits[0].row
    assert not any(k.startswith("_") for k in hits[0].row)


def test_hits_carry_each_channels_rank_for_the_incident_text(index: KnowledgeIndex) -> None:
    index.rebuild(ROWS)
    hits = index.search(["outlook no envía correos", "otra frase cualquiera"], k=4)
    assert hits[0].channel_ranks == {"dense": 0, "sparse": 0}  # both channels agree on it
    assert set(hits[0].channel_scores) == {"dense", "sparse"}
    dense = [h.channel_scores["dense"] for h in hits if "dense" in h.channel_scores]
    assert dense[0] == max(dense) and -1.0 <= min(dense) <= max(dense) <= 1.0  # cosines
    assert all(set(h.channel_ranks) <= {"dense", "sparse"} for h in hits)
    sparse_only = index.search(["outlook no envía correos"], k=2, mode="sparse")
    assert sparse_only[0].channel_ranks == {"sparse": 0}


def test_component_filter_and_modes(index: KnowledgeIndex) -> None:
    index.rebuild(ROWS)
    only = index.search(["no funciona"], k=5, component="Accesos")
    assert [h.kb_id for h in only] == ["KB-3"]
    for mode in ("dense", "sparse", "hybrid"):
        assert index.search(["reembolso dentista"], k=1, mode=mode)[0].kb_id == "KB-4"  # type: ignore[arg-type]


def test_searching_without_an_index_says_what_to_run(index: KnowledgeIndex) -> None:
    with pytest.raises(KBIndexError, match=r"batch\.py"):
        index.search(["hola"])
