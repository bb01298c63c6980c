"""The knowledge-base index in Qdrant: build aside, switch an alias, hybrid search.

* The live index is an **alias** (``QDRANT_COLLECTION``) pointing at a concrete collection
  ``<alias>__<timestamp>``. A rebuild writes a new collection and only then moves the alias, so
  searches keep being answered by the old one while it runs and if it crashes.
* Rebuilds are **incremental**: a row whose content hash did not change keeps its vectors (copied
  from the live collection); only new and changed rows are embedded. Nothing changed → nothing
  is written at all.
* Every point has a **dense** vector (sentence-transformers) and a **sparse** lexical vector
  (:mod:`adapters.sparse`, IDF applied by Qdrant); search fuses both with reciprocal rank fusion,
  for several query phrasings at once, merged by knowledge-base id.
* The same code runs on qdrant-client local mode (a directory) and on a Qdrant server (URL).
* The index **remembers its source**: the knowledge-base file it was built from (absolute path
  and SHA-256), so that a run reads that same file and refuses to start when it changed or is
  gone since (:func:`load_indexed_kb`). It is kept in every point's payload, like the index
  signature, so it travels with the points (backups included) on both backends.
"""

from __future__ import annotations

import functools
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import structlog
from qdrant_client import QdrantClient, models
from qdrant_client.hybrid.fusion import reciprocal_rank_fusion

from adapters.embeddings import Embedder
from adapters.knowledge_base import KBRow, LoadResult, load_kb
from adapters.sparse import LexicalEncoder
from config import Settings
from domain.choices import SearchMode
from errors import ResolviaError

log = structlog.get_logger(__name__)

DENSE = "dense"
SPARSE = "sparse"
_NAMESPACE = uuid.UUID("6f1d3c1e-5b1a-4c7e-9a52-2f0e6d8b9c41")
#: Reciprocal-rank-fusion constant and (dense, sparse) weights of the hybrid search, chosen on
#: the gold set's dev split (bench/eval_retrieval.py): the lexical signal carries Spanish, the
#: English dense model adds recall on paraphrases. Phrasings are merged with RRF_K_MERGE.
RRF_K = 2
HYBRID_WEIGHTS = (0.5, 1.0)
RRF_K_MERGE = 60
#: The first query (the incident's own text) counts fully; each extra phrasing counts this much.
PHRASING_WEIGHT = 0.5
#: What a point's vectors are built from (KBRow.search_text / lexical_text). Bump when that
#: changes: indexes built from other texts are rebuilt in full.
DOCUMENT_TEXT_VERSION = "dense-problem+sparse-problem-solution-v1"
ProgressFn = Callable[[int], None]


class KBIndexError(ResolviaError):
    """The knowledge-base index is missing, incompatible or failed to build."""


@dataclass(frozen=True)
class IndexSource:
    """The knowledge-base file an index was built from."""

    #: absolute path of the CSV, as it was when indexed
    path: str
    #: SHA-256 of its bytes (:attr:`adapters.knowledge_base.LoadResult.sha256`)
    sha256: str

    @classmethod
    def of(cls, path: Path, loaded: LoadResult) -> IndexSource:
        """The source of rows ``loaded`` by :func:`~adapters.knowledge_base.load_kb` from
        ``path``."""
        return cls(str(path.resolve()), loaded.sha256)

    def payload(self) -> dict[str, str]:
        return {_SOURCE_PATH: self.path, _SOURCE_SHA256: self.sha256}


# Payload keys of the source; "_" keeps them out of search results, like the signature.
_SOURCE_PATH = "_source_path"
_SOURCE_SHA256 = "_source_sha256"
_NO_SOURCE: dict[str, str | None] = {_SOURCE_PATH: None, _SOURCE_SHA256: None}


def _source_payload(source: IndexSource | None) -> dict[str, str | None]:
    return dict(source.payload()) if source else dict(_NO_SOURCE)


def point_id(kb_id: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, kb_id))


def open_client(settings: Settings) -> QdrantClient:
    """Qdrant server when QDRANT_URL is set, else local mode under DATA_DIR/qdrant."""
    if settings.QDRANT_URL:
        key = settings.QDRANT_API_KEY.get_secret_value() if settings.QDRANT_API_KEY else None
        return QdrantClient(
            url=settings.QDRANT_URL, api_key=key, timeout=int(settings.HTTP_TIMEOUT_S)
        )
    settings.qdrant_path.mkdir(parents=True, exist_ok=True)
    try:
        return QdrantClient(path=str(settings.qdrant_path))
    except RuntimeError as exc:  # local mode allows one process per directory
        raise KBIndexError(
            f"the local index at {settings.qdrant_path} is in use by another process ({exc}). "
            "Wait for it to finish, or use a Qdrant server (QDRANT_URL) for concurrent access."
        ) from exc


@contextmanager
def open_index(settings: Settings, alias: str | None = None) -> Iterator[KnowledgeIndex]:
    """The configured index (client, lazy embedder, synonyms); the client is closed after."""
    from adapters.embeddings import build_embedder

    client = open_client(settings)
    try:
        yield KnowledgeIndex(
            client,
            alias or settings.QDRANT_COLLECTION,
            build_embedder(settings),
            LexicalEncoder.from_file(settings.RESOURCES_DIR / "SINONIMOS.txt"),
        )
    finally:
        client.close()


@dataclass
class RebuildStats:
    rows_read: int = 0
    valid: int = 0
    invalid: int = 0
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    #: invalid in the file but indexed before: the indexed version was kept
    kept_previous: int = 0
    seconds: float = 0.0
    collection: str | None = None
    switched: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Hit:
    """One knowledge-base row found by a search."""

    kb_id: str
    score: float
    row: dict[str, Any]
    #: rank per query phrasing (0-based) for the phrasings that found it
    ranks: dict[int, int] = field(default_factory=dict)
    #: rank (0-based) of this row for the first query (the incident's own text) in each
    #: channel alone, ``dense`` and ``sparse``; absent when that channel did not return it.
    #: Evidence for the confidence model: do the two channels agree?
    channel_ranks: dict[str, int] = field(default_factory=dict)
    #: the same queries' scores (dense: cosine similarity; sparse: the lexical dot product)
    channel_scores: dict[str, float] = field(default_factory=dict)


P = ParamSpec("P")
R = TypeVar("R")


def _one_at_a_time(
    method: Callable[Concatenate[KnowledgeIndex, P], R],
) -> Callable[Concatenate[KnowledgeIndex, P], R]:
    """The method under the index's search lock (its signature kept for the callers)."""

    @functools.wraps(method)
    def locked(self: KnowledgeIndex, *args: P.args, **kwargs: P.kwargs) -> R:
        with self._search_lock:
            return method(self, *args, **kwargs)

    return locked


class KnowledgeIndex:
    """The knowledge base as a Qdrant index behind an alias."""

    def __init__(
        self,
        client: QdrantClient,
        alias: str,
        embedder: Embedder,
        lexical: LexicalEncoder | None = None,
    ) -> None:
        self.client = client
        self.alias = alias
        self.embedder = embedder
        self.lexical = lexical or LexicalEncoder()
        #: one search at a time (a run with RUN_CONCURRENCY > 1 searches from several
        #: threads): Qdrant's local mode and a local embedding model are not made for that
        self._search_lock = threading.Lock()

    # -- introspection ---------------------------------------------------------------------
    def live_collection(self) -> str | None:
        for a in self.client.get_aliases().aliases:
            if a.alias_name == self.alias:
                return a.collection_name
        return None

    def _own_collections(self) -> list[str]:
        prefix = f"{self.alias}__"
        return [
            c.name for c in self.client.get_collections().collections if c.name.startswith(prefix)
        ]

    def indexed(self, collection: str | None = None) -> dict[str, dict[str, Any]]:
        """kb_id -> payload of every point of a collection (default: the live one)."""
        name = collection or self.live_collection()
        if name is None:
            return {}
        return {
            p.payload["kb_id"]: p.payload
            for p in self.scroll_points(name, with_vectors=False)
            if p.payload
        }

    def scroll_points(self, collection: str, *, with_vectors: bool) -> Iterator[models.Record]:
        offset: Any = None
        while True:
            points, offset = self.client.scroll(
                collection, limit=256, offset=offset, with_payload=True, with_vectors=with_vectors
            )
            yield from points
            if offset is None:
                return

    def count(self, collection: str | None = None) -> int:
        name = collection or self.live_collection()
        return 0 if name is None else self.client.count(name, exact=True).count

    def source(self) -> IndexSource | None:
        """The knowledge-base file the live index was built from; None when there is no index
        or it does not say (built by an older version, or from rows without a file)."""
        live = self.live_collection()
        if live is None:
            return None
        points, _ = self.client.scroll(
            live, limit=1, with_payload=[_SOURCE_PATH, _SOURCE_SHA256], with_vectors=False
        )
        payload = (points[0].payload or {}) if points else {}
        path, sha256 = payload.get(_SOURCE_PATH), payload.get(_SOURCE_SHA256)
        if isinstance(path, str) and isinstance(sha256, str) and path and sha256:
            return IndexSource(path, sha256)
        return None

    # -- building --------------------------------------------------------------------------
    def _signature(self) -> dict[str, Any]:
        # The embedder's name implies its dimension; not asking for the dimension here keeps
        # the model unloaded when nothing needs embedding.
        return {
            "embedder": self.embedder.name,
            "sparse": self.lexical.version,
            "documents": DOCUMENT_TEXT_VERSION,
        }

    def create_collection(self, name: str) -> None:
        self.client.create_collection(
            name,
            vectors_config={
                DENSE: models.VectorParams(
                    size=self.embedder.dimension, distance=models.Distance.COSINE
                )
            },
            sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
        )

    def _payload(self, row: KBRow, source: IndexSource | None) -> dict[str, Any]:
        return {
            "kb_id": row.id,
            **row.model_dump(exclude={"id"}),
            "content_hash": row.content_hash(),
            **{f"_{k}": v for k, v in self._signature().items()},
            **_source_payload(source),
        }

    def _point(
        self, row: KBRow, dense: list[float], source: IndexSource | None
    ) -> models.PointStruct:
        indices, values = self.lexical.encode_document(row.lexical_text())
        return models.PointStruct(
            id=point_id(row.id),
            vector={DENSE: dense, SPARSE: models.SparseVector(indices=indices, values=values)},
            payload=self._payload(row, source),
        )

    def rebuild(
        self,
        rows: Sequence[KBRow],
        *,
        dry_run: bool = False,
        progress: ProgressFn | None = None,
        batch_size: int = 64,
        before_switch: Callable[[str], None] | None = None,
        keep_ids: Sequence[str] = (),
        source: IndexSource | None = None,
    ) -> RebuildStats:
        """Bring the live index in line with ``rows``; see the module docstring.

        ``progress`` is called with the number of rows processed (copied or embedded);
        ``before_switch`` (tests) runs after the new collection is complete, before the alias
        moves. ``keep_ids``: rows that are currently indexed but invalid in the new file keep
        their indexed version instead of disappearing (a typo must not lose knowledge).
        ``source``: the file ``rows`` were loaded from, recorded with the index (None records
        that the index has no known source).
        """
        started = time.perf_counter()
        stats = RebuildStats(valid=len(rows))
        live = self.live_collection()
        current = self.indexed(live) if live else {}
        signature_ok = all(
            p.get(f"_{k}") == v for p in current.values() for k, v in self._signature().items()
        )
        if not signature_ok:
            log.info("index.signature_changed", collection=live, want=self._signature())
            current = {}  # embedder or tokeniser changed: everything is re-embedded
        unchanged, to_embed, kept = _plan(rows, current, keep_ids, stats)
        nothing_to_do = live is not None and not to_embed and not stats.deleted and signature_ok
        if dry_run or nothing_to_do:
            if nothing_to_do and not dry_run and live is not None:
                self._record_source(live, list(current), source)
            stats.collection = live
            stats.seconds = round(time.perf_counter() - started, 3)
            if progress:
                progress(len(rows))
            return stats

        self._drop_stale_builds(keep={live} if live else set())
        name = f"{self.alias}__{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"
        self.create_collection(name)
        log.info("index.building", collection=name, embed=len(to_embed), copy=len(unchanged))
        try:
            if (unchanged or kept) and live:
                self._copy_points(live, name, [r.id for r in unchanged] + kept, progress, source)
            for start in range(0, len(to_embed), batch_size):
                batch = to_embed[start : start + batch_size]
                dense = self.embedder.embed_documents([r.search_text() for r in batch])
                points = [self._point(r, v, source) for r, v in zip(batch, dense, strict=True)]
                self.client.upsert(name, points=points, wait=True)
                if progress:
                    progress(len(batch))
            built = self.count(name)
            if built != len(rows) + len(kept):
                raise KBIndexError(
                    f"new collection {name} has {built} points, expected {len(rows) + len(kept)}"
                )
            if before_switch:
                before_switch(name)
        except BaseException:
            # The alias never moved: the live index is untouched. Remove the half-built one.
            self.client.delete_collection(name)
            raise
        self.switch_alias(name)
        if live:
            self.client.delete_collection(live)
        stats.collection, stats.switched = name, True
        stats.seconds = round(time.perf_counter() - started, 3)
        return stats

    def _copy_points(
        self,
        collection: str,
        target: str,
        kb_ids: list[str],
        progress: ProgressFn | None,
        source: IndexSource | None,
    ) -> None:
        """Copy points (vectors and payload) to ``target``, recording the new ``source``."""
        for start in range(0, len(kb_ids), 256):
            ids = [point_id(k) for k in kb_ids[start : start + 256]]
            records = self.client.retrieve(
                collection, ids=ids, with_payload=True, with_vectors=True
            )
            points = [
                models.PointStruct(
                    id=r.id,
                    vector=r.vector,  # type: ignore[arg-type]
                    payload={**(r.payload or {}), **_source_payload(source)},
                )
                for r in records
            ]
            self.client.upsert(target, points=points, wait=True)
            if progress:
                progress(len(points))

    def _record_source(
        self, collection: str, kb_ids: list[str], source: IndexSource | None
    ) -> None:
        """Record ``source`` on an index whose rows did not change (the file moved, or changed
        only where no valid row did), so that runs accept the file as it is now."""
        if self.source() == source:
            return
        for start in range(0, len(kb_ids), 256):
            ids: list[models.ExtendedPointId] = [point_id(k) for k in kb_ids[start : start + 256]]
            self.client.set_payload(collection, payload=_source_payload(source), points=ids)
        log.info("index.source_recorded", collection=collection, source=source)

    def switch_alias(self, collection: str) -> None:
        """Point the live alias at ``collection`` in one operation."""
        ops: list[Any] = []
        if self.live_collection() is not None:
            ops.append(
                models.DeleteAliasOperation(delete_alias=models.DeleteAlias(alias_name=self.alias))
            )
        ops.append(
            models.CreateAliasOperation(
                create_alias=models.CreateAlias(collection_name=collection, alias_name=self.alias)
            )
        )
        self.client.update_collection_aliases(change_aliases_operations=ops)
        log.info("index.alias_switched", alias=self.alias, collection=collection)

    def _drop_stale_builds(self, keep: set[str]) -> None:
        """Remove collections left by crashed builds (never the live one)."""
        for name in self._own_collections():
            if name not in keep and not name.endswith("__restore_scratch"):
                log.info("index.stale_collection_dropped", collection=name)
                self.client.delete_collection(name)

    # -- searching -------------------------------------------------------------------------
    @_one_at_a_time
    def search(
        self,
        queries: Sequence[str],
        *,
        k: int = 5,
        component: str | None = None,
        mode: SearchMode = "hybrid",
        prefetch_limit: int = 30,
        weights: tuple[float, float] = HYBRID_WEIGHTS,
        rrf_k: int = RRF_K,
    ) -> list[Hit]:
        """Search with one or more phrasings; results merged by kb_id with weighted RRF (the
        first query is the incident's own text and weighs most).

        ``weights`` = (dense, sparse) influence in the hybrid fusion.
        """
        live = self.live_collection()
        if live is None:
            raise KBIndexError(
                f"no knowledge-base index '{self.alias}': run `python batch.py` first"
            )
        texts = [q for q in dict.fromkeys(q.strip() for q in queries) if q]
        if not texts:
            return []
        flt = None
        if component:
            flt = models.Filter(
                must=[
                    models.FieldCondition(
                        key="componente", match=models.MatchValue(value=component)
                    )
                ]
            )
        # Asymmetric models (e5) embed a query differently from a passage.
        embed = getattr(self.embedder, "embed_queries", self.embedder.embed_documents)
        dense_vectors = embed(texts) if mode != "sparse" else []
        sparse_vectors = [
            models.SparseVector(indices=i, values=v)
            for i, v in (self.lexical.encode_query(text) for text in texts)
        ]

        def request(i: int, how: SearchMode) -> models.QueryRequest:
            query = dense_vectors[i] if how == "dense" else sparse_vectors[i]
            using = DENSE if how == "dense" else SPARSE
            return models.QueryRequest(
                query=query, using=using, filter=flt, limit=prefetch_limit, with_payload=True
            )

        # Each channel is searched once per phrasing, and a hybrid list is the two channels'
        # lists fused here by Qdrant's own weighted RRF (the function its local mode applies to
        # a query with two prefetches): asking Qdrant for the hybrid list as well would score
        # every point again in each channel. The incident's own text in each channel alone is
        # also the evidence of whether the channels agree.
        channels: tuple[SearchMode, ...] = ("dense", "sparse") if mode == "hybrid" else (mode,)
        requests = [request(i, channel) for i in range(len(texts)) for channel in channels]
        found = self.client.query_batch_points(live, requests=requests)
        per_text = [
            [r.points for r in found[i * len(channels) : (i + 1) * len(channels)]]
            for i in range(len(texts))
        ]
        channel_ranks: dict[str, dict[str, int]] = {}
        channel_scores: dict[str, dict[str, float]] = {}
        for channel, points in zip(channels, per_text[0], strict=True):
            for rank, point in enumerate(points):
                kb_key = (point.payload or {})["kb_id"]
                channel_ranks.setdefault(kb_key, {})[channel] = rank
                channel_scores.setdefault(kb_key, {})[channel] = round(float(point.score), 6)
        responses = [
            _fused(lists, prefetch_limit, rrf_k, weights) if mode == "hybrid" else lists[0]
            for lists in per_text
        ]
        scores: dict[str, float] = {}
        rows: dict[str, dict[str, Any]] = {}
        ranks: dict[str, dict[int, int]] = {}
        for qi, response in enumerate(responses):
            for rank, point in enumerate(response):
                payload = point.payload or {}
                kb_id = payload["kb_id"]
                weight = 1.0 if qi == 0 else PHRASING_WEIGHT
                scores[kb_id] = scores.get(kb_id, 0.0) + weight / (RRF_K_MERGE + rank + 1)
                rows[kb_id] = {k: v for k, v in payload.items() if not k.startswith("_")}
                ranks.setdefault(kb_id, {})[qi] = rank
        ordered = sorted(scores, key=lambda kb: (-scores[kb], kb))[:k]
        return [
            Hit(
                kb,
                round(scores[kb], 6),
                rows[kb],
                ranks[kb],
                channel_ranks.get(kb, {}),
                channel_scores.get(kb, {}),
            )
            for kb in ordered
        ]


def _fused(
    lists: list[list[models.ScoredPoint]],
    limit: int,
    rrf_k: int,
    weights: tuple[float, float],
) -> list[models.ScoredPoint]:
    """The dense and sparse lists of one phrasing fused as Qdrant fuses a query's prefetches
    with ``RrfQuery`` (on copies: the fusion rewrites each point's score)."""
    copies = [[point.model_copy() for point in points] for points in lists]
    return reciprocal_rank_fusion(
        responses=copies, limit=limit, ranking_constant_k=rrf_k, weights=list(weights)
    )


def _plan(
    rows: Sequence[KBRow],
    current: dict[str, dict[str, Any]],
    keep_ids: Sequence[str],
    stats: RebuildStats,
) -> tuple[list[KBRow], list[KBRow], list[str]]:
    """What a rebuild does with each row against the ``current`` payloads: (unchanged rows,
    rows to embed, kb ids kept from the current index); the counts go into ``stats``."""
    wanted = {r.id: r for r in rows}
    kept = [kb for kb in keep_ids if kb in current and kb not in wanted]
    unchanged = [
        r for r in rows if r.id in current and current[r.id]["content_hash"] == r.content_hash()
    ]
    to_embed = [r for r in rows if r not in unchanged]
    stats.kept_previous = len(kept)
    stats.unchanged = len(unchanged)
    stats.updated = sum(1 for r in to_embed if r.id in current)
    stats.added = len(to_embed) - stats.updated
    stats.deleted = sum(1 for kb_id in current if kb_id not in wanted and kb_id not in kept)
    return unchanged, to_embed, kept


def load_indexed_kb(index: KnowledgeIndex, default: Path) -> LoadResult:
    """The knowledge base the live index was built from, as a run must use it.

    Raises :class:`KBIndexError`, naming the file and the command that re-indexes it, when the
    file is gone or changed since it was indexed. An index that does not record its source
    (built by an older version, or from rows without a file) is checked against ``default``,
    the bundled knowledge base, row by row.
    """
    source = index.source()
    if source is None:
        loaded = load_kb(default) if default.exists() else None
        if loaded is None or not _same_rows(index, loaded):
            raise KBIndexError(
                f"the knowledge-base index '{index.alias}' does not record which file it was "
                f"built from, and it does not match {default}. Re-index the knowledge base to "
                f"use: `resolvia index --csv {default}` (or `python batch.py --csv ...`)."
            )
        log.warning("index.source_unknown", alias=index.alias, using=str(default))
        return loaded
    path = Path(source.path)
    if not path.is_file():
        raise KBIndexError(
            f"the knowledge base the index was built from is missing: {path}. Put it back, or "
            f"re-index another one: `resolvia index --csv FILE` (or `python batch.py --csv FILE`)."
        )
    loaded = load_kb(path)
    if loaded.sha256 != source.sha256:
        raise KBIndexError(
            f"the knowledge base {path} changed since it was indexed (SHA-256 "
            f"{source.sha256[:12]}… then, {loaded.sha256[:12]}… now). Re-index it before "
            f"running: `resolvia index --csv {path}` (or `python batch.py --csv {path}`)."
        )
    return loaded


def _same_rows(index: KnowledgeIndex, loaded: LoadResult) -> bool:
    """Every valid row indexed with its content, and nothing else indexed but rows of the file
    that are invalid now (their indexed version is kept, see ``rebuild(keep_ids=...)``)."""
    indexed = index.indexed()
    wanted = {r.id: r.content_hash() for r in loaded.rows}
    kept = {b.id for b in loaded.bad if b.id}
    return all(
        indexed.get(kb_id, {}).get("content_hash") == digest for kb_id, digest in wanted.items()
    ) and all(kb_id in wanted or kb_id in kept for kb_id in indexed)
