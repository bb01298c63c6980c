"""A resolution graph wired to test doubles: a fake chat model, an in-memory Qdrant and the mock
services through FastAPI's TestClient — no network, no model. Shared by the graph tests and
the engine/evaluation agreement test."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage
from langgraph.checkpoint.memory import InMemorySaver
from qdrant_client import QdrantClient

from adapters.http_service import RetryPolicy
from adapters.incident_manager import HttpIncidentManager
from adapters.knowledge_base import KBRow
from adapters.llm.client import LLMClient
from adapters.llm.providers import ChatProvider, _bind_json_object
from adapters.llm_history import LLMHistory
from adapters.run_records import RunRecorder
from adapters.sparse import LexicalEncoder
from adapters.target_system import HttpTargetSystem
from adapters.vector_store import KnowledgeIndex
from config import load_settings
from domain.confidence import ConfidenceModel
from graph.builder import build_graph
from graph.context import EngineContext, RunOptions
from graph.runner import RunSummary, run_queue
from mocks.seed import SeedSources
from mocks.store import MockStore
from tests.fakes import CountingEmbedder
from tests.mock_support import RESOURCES, TOKEN, incidents_client, seeded_store, target_client

BASE_IM = "http://127.0.0.1:3000"
BASE_TS = "http://127.0.0.1:3001"
NO_WAIT = RetryPolicy(attempts=2, backoff_s=0)
#: the knobs the graph tests were written for (the critic's own score against threshold 65,
#: two retries, three hits, the reformulation call first)
TEST_SETTINGS: dict[str, Any] = {
    "CRITIC_APPROVAL_THRESHOLD": 65,
    "MAX_RETRIES_CRITIC": 2,
    "QUERY_LIMIT_VECTORDB": 3,
    "REFORMULATE": True,
    "CONFIDENCE_MODEL": "critico",
}


def reform(**extra: Any) -> str:
    """A reformulation answer."""
    data = {
        "resumen": "problema",
        "componente": "Correo",
        "palabras_clave": ["x"],
        "frases_busqueda": [],
        "posible_manipulacion": False,
        **extra,
    }
    return json.dumps(data)


def verdict(score: int) -> AIMessage:
    """A critic answer in the default CRITIC_MODE=probabilidad: one token whose
    log-probabilities give P(sí) = score / 100."""
    p = score / 100
    top = [
        {"token": t, "logprob": math.log(q), "bytes": None}
        for t, q in (("s", p), ("no", 1 - p))
        if q > 0
    ]
    return AIMessage(
        content="sí" if p >= 0.5 else "no",
        response_metadata={"logprobs": {"content": [{**top[0], "top_logprobs": top}]}},
        usage_metadata={"input_tokens": 300, "output_tokens": 1, "total_tokens": 301},
    )


@dataclass
class Harness:
    ctx: EngineContext
    graph: Any
    store: MockStore
    #: the chat model double (tests read its ``history``)
    model: Any
    incidents: HttpIncidentManager
    tmp: Path
    closing: list[Any]

    def summary(self, **kwargs: Any) -> RunSummary:
        return run_queue(self.ctx, self.graph, ["SOPORTE_N1"], **kwargs)

    def run(self, *codes: str, **kwargs: Any) -> dict[str, dict[str, Any]]:
        outcomes = self.summary(**kwargs).outcomes
        return {o["incident_id"]: o for o in outcomes if not codes or o["incident_id"] in codes}

    def incident(self, code: str) -> dict[str, Any]:
        return self.incidents.get(code).model_dump()

    def close(self) -> None:
        for item in self.closing:
            item.close()


def build_harness(
    tmp_path: Path,
    incidents: list[dict[str, Any]],
    model: BaseChatModel,
    *,
    kb: list[KBRow],
    components: list[str],
    settings: dict[str, Any] | None = None,
    options: RunOptions | None = None,
    target_transport: httpx.BaseTransport | None = None,
    incidents_proxy: Any = None,
    checkpointer: Any = None,
    store: MockStore | None = None,
    run_id: str = "test-run",
    confidence_model: ConfidenceModel | None = None,
    span: Callable[..., Any] | None = None,
) -> Harness:
    """The graph over ``incidents`` (seeded into fresh mock services unless ``store`` is
    given), with Settings built from TEST_SETTINGS plus ``settings``; ``span`` answers the
    client's span log-probability requests (``row_pmi``) in place of a llama.cpp server."""
    if store is None:
        path = tmp_path / f"incidents-{run_id}.json"
        path.write_text(json.dumps(incidents, ensure_ascii=False), encoding="utf-8")
        sources = SeedSources(
            incidents=path,
            policies=RESOURCES / "polizas.json",
            attachments=RESOURCES / "adjuntos",
        )
        store = seeded_store(tmp_path / f"mocks-{run_id}", sources)
    im = HttpIncidentManager(BASE_IM, TOKEN, client=incidents_client(store), retry=NO_WAIT)
    ts_client: Any = (
        httpx.Client(transport=target_transport) if target_transport else target_client(store)
    )
    ts = HttpTargetSystem(BASE_TS, TOKEN, client=ts_client, retry=NO_WAIT)
    lexical = LexicalEncoder.from_file(RESOURCES / "SINONIMOS.txt")
    index = KnowledgeIndex(QdrantClient(":memory:"), "kb", CountingEmbedder(), lexical)
    index.rebuild(kb)
    llm = LLMClient(
        [ChatProvider("fake/model", model, _bind_json_object)], max_retries=1, sleep=lambda s: None
    )
    if span is not None:
        llm.span_logprobs = span  # type: ignore[method-assign]
    history = LLMHistory(tmp_path / f"llm_history-{run_id}.sqlite")
    recorder = RunRecorder(
        tmp_path / f"outcomes-{run_id}.sqlite",
        tmp_path / "reportes",
        tmp_path / "rejected",
        run_id=run_id,
    )
    ctx = EngineContext(
        settings=load_settings(DATA_DIR=tmp_path / "data", **{**TEST_SETTINGS, **(settings or {})}),
        llm=llm,
        index=index,
        incidents=incidents_proxy(im) if incidents_proxy else im,
        target=ts,
        ocr=None,
        history=history,
        recorder=recorder,
        run_id=run_id,
        components=components,
        options=options or RunOptions(),
        confidence_model=confidence_model,
    )
    graph = build_graph(checkpointer or InMemorySaver())
    return Harness(ctx, graph, store, model, im, tmp_path, [history, recorder])
