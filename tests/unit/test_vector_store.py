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


def test_the_hybrid_list_is_the_one_qdrant_fuses_from_its_prefetches() -> None:
    """The engine fuses the dense and sparse lists itself (each channel is searched once): its
    hybrid ranking must be the one a Qdrant query with two prefetches and weighted RRF gives,
    over the real knowledge base and every demo and dev incident title."""
    import json
    from itertools import pairwise
    from pathlib import Path

    from qdrant_client import models

    from adapters.knowledge_base import load_kb
    from adapters.sparse import LexicalEncoder
    from adapters.vector_store import DENSE, HYBRID_WEIGHTS, RRF_K, SPARSE
    from finetune.gold import load_gold

    resources = Path(__file__).resolve().parents[2] / "resources"
    index = KnowledgeIndex(
        QdrantClient(":memory:"),
        "kb",
        _ProjectedEmbedder(),
        LexicalEncoder.from_file(resources / "SINONIMOS.txt"),
    )
    index.rebuild(load_kb(resources / "PROBLEMAS_GLOBALES.csv").rows)
    live = index.live_collection()
    assert live is not None
    demo = json.loads((resources / "incidencias_demo.json").read_text(encoding="utf-8"))
    texts = [i["titulo"] + ". " + i["descripcion"] for i in demo]
    texts += [g.incident["descripcion"] for g in load_gold(resources / "evaluacion", "dev")[:60]]
    compared = 0
    for text in texts:
        embed = getattr(index.embedder, "embed_queries", index.embedder.embed_documents)
        dense = embed([text])[0]
        indices, values = index.lexical.encode_query(text)
        sparse = models.SparseVector(indices=indices, values=values)
        # (as a batch, as the engine asks: Qdrant's local mode computes a batch's cosines in
        # another precision than a single query's, which can swap two near-equal rows)
        hybrid = models.QueryRequest(
            prefetch=[
                models.Prefetch(query=dense, using=DENSE, limit=30),
                models.Prefetch(query=sparse, using=SPARSE, limit=30),
            ],
            query=models.RrfQuery(rrf=models.Rrf(k=RRF_K, weights=list(HYBRID_WEIGHTS))),
            limit=30,
            with_payload=True,
        )
        alone = models.QueryRequest(query=dense, using=DENSE, limit=30, with_payload=True)
        [answer, channel] = index.client.query_batch_points(live, requests=[hybrid, alone])
        qdrant = answer.points
        # Qdrant's local mode scores a prefetch in another float precision than a query of
        # its own: two rows within a millionth of each other may swap. Real embeddings almost
        # never come that close (all 2,092 searches of the gold texts agreed); these hashed
        # ones do, and those texts prove nothing either way.
        cosines = [p.score for p in channel.points]
        if any(abs(a - b) < 1e-6 for a, b in pairwise(cosines)):
            continue
        # the first ten (the engine takes QUERY_LIMIT_VECTORDB, 5 by default; at the cut of 30,
        # rows of equal fused score may come in another order)
        ours = index.search([text], k=10)
        assert [h.kb_id for h in ours] == [(p.payload or {})["kb_id"] for p in qdrant][:10], text
        compared += 1
    assert compared >= 60, compared


class _ProjectedEmbedder(CountingEmbedder):
    """Each word a fixed pseudo-random direction: cosines spread like a real model's (the
    hashed bag of words ties rows too often to say anything about the order of ties)."""

    dimension = 64

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        import hashlib
        import random

        out = []
        for text in texts:
            vec = [0.0] * self.dimension
            for word in text.lower().split():
                seed = int(hashlib.md5(word.encode()).hexdigest(), 16)
                step = random.Random(seed)
                vec = [v + step.gauss(0.0, 1.0) for v in vec]
            out.append(vec if any(vec) else [1.0] + [0.0] * (self.dimension - 1))
        return out
