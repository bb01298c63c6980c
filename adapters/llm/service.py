"""``resolvia serve-llm``: one model process and one embedding model shared by many workers.

An OpenAI-compatible HTTP service over the provider layer, so the engine (or anything that
speaks the OpenAI API) points at it exactly as at vLLM::

    LLM_MODEL=openai-compatible/<chat model>@http://<host>:<port>/v1
    EMBEDDING_MODEL=openai-compatible/<embedding model>@http://<host>:<port>/v1
    OPENAI_API_KEY=<LLM_SERVICE_TOKEN>

Routes: ``GET /health`` (no token: each provider's circuit and the embedder), ``GET /v1/models``,
``POST /v1/chat/completions``, ``POST /v1/embeddings``, and ``POST /resolvia/span_logprobs``
(the critic's row likelihood, ``row_pmi``: :mod:`adapters.llm.llama_server`), answered by the
first model of the chain only, never by a fallback (another model's numbers live on another
scale), and only when that model is a managed llama.cpp one (501 otherwise).

* The chat model is LLM_MODEL then LLM_FALLBACK_MODEL, each with its own retries (the engine's
  :class:`~adapters.llm.client.LLMClient`) and its own circuit breaker
  (:mod:`adapters.llm.breaker`): a provider that failed LLM_SERVICE_BREAKER_FAILURES requests in
  a row is skipped until its cool-down is over, then one trial request goes to it.
* A JSON schema in ``response_format`` is bound the way the answering provider wants it
  (llama.cpp's ``json_object`` + schema, Ollama's ``format``...); ``logprobs``/``top_logprobs``
  pass through and come back in ``choices[0].logprobs``, so the critic's first-token
  probabilities work unchanged.
* ``/v1/embeddings`` takes one extension, ``input_type`` (``query`` or ``passage``, the
  default): asymmetric models such as multilingual-e5 embed a search query differently from a
  passage. Vectors come as floats or base64 (``encoding_format``), as OpenAI's client asks.
* Errors are OpenAI-shaped JSON (``{"error": {"message", "type", "code"}}``): 400 bad JSON or
  request (streaming included: not offered), 401 token, 404 unknown model, 413 body over
  LLM_SERVICE_MAX_REQUEST_BYTES, 503 no provider answered, 504 past LLM_SERVICE_TIMEOUT_S.
"""

from __future__ import annotations

import base64
import json
import secrets
import struct
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import anyio
import openai
import structlog
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from langchain_core.messages import AIMessage, BaseMessage, convert_to_messages
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from adapters.embeddings import Embedder
from adapters.http_service import LOOPBACK, normalise_host
from adapters.llm.breaker import BreakerState, CircuitBreaker
from adapters.llm.client import PROVIDER_ERRORS, LLMClient, SpanResult, message_text
from adapters.llm.providers import ChatProvider, build_chat_provider
from adapters.llm.server import SPAN_ROUTE
from adapters.llm.specs import parse_spec
from config import Settings
from errors import ConfigError, EmbeddingError, LLMServerError, LLMUnavailableError

log = structlog.get_logger(__name__)

#: Inputs one embeddings request may carry (OpenAI's own limit).
MAX_EMBEDDING_INPUTS = 2048
#: Upstream answers that mean the request was refused, not that the server is down: the
#: client gets them back as 400 and the provider's circuit counts a success.
REFUSED_REQUESTS = (openai.BadRequestError, openai.UnprocessableEntityError)


class ApiError(Exception):
    """An answer other than 200, with an OpenAI-style error body."""

    def __init__(self, status: int, message: str, kind: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.kind = kind
        self.code = code


def error_body(message: str, kind: str, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": None, "code": code}}


def public_spec(spec: str) -> str:
    """A spec without its ``@base_url``: what /health and the reply headers show."""
    return spec.split("@", 1)[0]


def served_name(spec: str) -> str:
    """The model name the service answers to for a chat spec (the model part; a GGUF path's
    file name without ``.gguf``)."""
    model = parse_spec(spec).model
    return Path(model).stem if model.endswith(".gguf") else model


def embedding_name(embedding_model: str) -> str:
    """The model name the service answers to for EMBEDDING_MODEL."""
    if embedding_model.startswith(("openai/", "openai-compatible/")):
        return parse_spec(embedding_model).model
    if "/" in embedding_model and Path(embedding_model).expanduser().is_dir():
        return Path(embedding_model).name
    return embedding_model


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve off this machine without a token."""
    if normalise_host(host) != LOOPBACK and not token:
        raise ConfigError(
            f"LLM_SERVICE_TOKEN is not set: the model service will not listen on {host} "
            "without one. Set LLM_SERVICE_TOKEN in the environment (clients send it as "
            "OPENAI_API_KEY), or bind to 127.0.0.1."
        )


# --- the providers -------------------------------------------------------------------------


class ProviderSlot:
    """One provider of the chain: its client (retries on this provider only) and breaker."""

    def __init__(
        self,
        spec: str,
        factory: Callable[[], ChatProvider],
        breaker: CircuitBreaker,
        *,
        max_retries: int = 2,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.spec = spec
        self.breaker = breaker
        self._factory = factory
        self._provider: ChatProvider | None = None
        self.client = LLMClient([(spec, self._get)], max_retries=max_retries, sleep=sleep)

    def _get(self) -> ChatProvider:
        if self._provider is None:
            self._provider = self._factory()
        return self._provider

    def start(self) -> None:
        """Build the provider now (a managed llama.cpp server starts); a failure counts
        against its circuit and is logged, the service still starts."""
        try:
            self._get()
        except PROVIDER_ERRORS as exc:  # reported by /health, and the next request retries
            self.breaker.failed(f"{type(exc).__name__}: {exc}")
            log.warning("llm_service.provider_not_started", model=self.spec, error=str(exc)[:300])

    def process(self) -> str | None:
        """The managed model process (llama.cpp): running / stopped / not started; None for a
        server this service does not run."""
        if self._provider is None:
            return "not started"
        server = self._provider.server
        if server is None:
            return None
        return "running" if server.is_running() else "stopped"


@dataclass
class EmbeddingStatus:
    ok: bool = True
    last_error: str | None = None


class ModelService:
    """The chat chain with its breakers, and the embedder (used by one request at a time: the
    embedding engines are not thread-safe)."""

    def __init__(
        self,
        slots: Sequence[ProviderSlot],
        embedder: Embedder,
        *,
        chat_model: str,
        embedding_model: str,
    ) -> None:
        if not slots:
            raise ValueError("ModelService needs at least one provider")
        self.slots = list(slots)
        self.embedder = embedder
        self.chat_model = chat_model
        self.embedding_model = embedding_model
        self.embedding_status = EmbeddingStatus()
        self._embed_lock = threading.Lock()

    def start(self) -> None:
        for slot in self.slots:
            slot.start()

    def chat(
        self,
        messages: Sequence[BaseMessage],
        json_schema: dict[str, Any] | None,
        schema_name: str,
        options: dict[str, Any],
    ) -> tuple[AIMessage, str]:
        """The first answer along the chain whose circuit lets the request through."""
        tried: list[tuple[str, str]] = []
        for slot in self.slots:
            if not slot.breaker.allow():
                tried.append((slot.spec, "circuit open"))
                continue
            if tried:
                log.warning("llm_service.fallback", to_model=slot.spec, reason=tried[-1][1][:200])
            try:
                msg, _, _ = slot.client.complete(
                    messages, json_schema=json_schema, schema_name=schema_name, **options
                )
            except LLMUnavailableError as exc:
                if isinstance(exc.__cause__, REFUSED_REQUESTS):
                    slot.breaker.succeeded()  # it answered: the request was wrong
                    raise ApiError(
                        400, f"the model refused the request: {exc.__cause__}", "invalid_request"
                    ) from exc
                slot.breaker.failed(str(exc)[:300])
                tried.append((slot.spec, str(exc)))
                continue
            except BaseException:
                slot.breaker.failed("unexpected error")  # never leave a trial hanging
                raise
            slot.breaker.succeeded()
            return msg, slot.spec
        summary = "; ".join(f"{public_spec(spec)}: {err[:200]}" for spec, err in tried)
        raise ApiError(503, f"no model provider answered ({summary})", "service_unavailable")

    def span(self, messages: Sequence[BaseMessage], open_: str, close: str) -> SpanResult:
        """The first model's span log-probabilities (:meth:`LLMClient.span_logprobs`)."""
        slot = self.slots[0]
        if not slot.breaker.allow():
            raise ApiError(503, f"{public_spec(slot.spec)}: circuit open", "service_unavailable")
        try:
            result = slot.client.span_logprobs(messages, open_, close)
        except LLMServerError as exc:
            slot.breaker.failed(str(exc)[:300])
            raise ApiError(
                503, f"span log-probabilities failed: {exc}", "service_unavailable"
            ) from exc
        if result is None:
            raise ApiError(
                501,
                f"{public_spec(slot.spec)} gives no prompt log-probabilities (only a managed "
                "llama.cpp model does)",
                "not_implemented",
            )
        slot.breaker.succeeded()
        return result

    def embed(self, texts: list[str], input_type: Literal["query", "passage"]) -> list[list[float]]:
        embedder = self.embedder
        with self._embed_lock:
            try:
                if input_type == "query":
                    embed = getattr(embedder, "embed_queries", embedder.embed_documents)
                    vectors: list[list[float]] = embed(texts)
                else:
                    vectors = embedder.embed_documents(texts)
            except (EmbeddingError, OSError, RuntimeError, ValueError) as exc:
                self.embedding_status = EmbeddingStatus(False, f"{type(exc).__name__}: {exc}")
                log.warning("llm_service.embedding_failed", error=str(exc)[:300])
                raise ApiError(
                    503, f"the embedding model failed: {exc}", "service_unavailable"
                ) from exc
            self.embedding_status = EmbeddingStatus()
            return vectors

    def health(self) -> tuple[str, dict[str, Any]]:
        providers = []
        usable = 0
        for slot in self.slots:
            snap = slot.breaker.snapshot()
            usable += snap.state is not BreakerState.OPEN
            entry: dict[str, Any] = {
                "model": public_spec(slot.spec),
                "state": snap.state.value,
                "consecutive_failures": snap.consecutive_failures,
                "last_error": snap.last_error,
                "retry_in_s": snap.retry_in_s,
            }
            process = slot.process()
            if process is not None:
                entry["process"] = process
            providers.append(entry)
        all_closed = all(p["state"] == BreakerState.CLOSED for p in providers)
        status = "ok" if all_closed else "degraded" if usable else "unavailable"
        if not self.embedding_status.ok and status == "ok":
            status = "degraded"
        return status, {
            "status": status,
            "chat_model": self.chat_model,
            "providers": providers,
            "embeddings": {
                "model": self.embedding_model,
                "ok": self.embedding_status.ok,
                "last_error": self.embedding_status.last_error,
            },
        }


def build_model_service(
    settings: Settings, embedder: Embedder, *, clock: Callable[[], float] = time.monotonic
) -> ModelService:
    """LLM_MODEL then LLM_FALLBACK_MODEL, each behind a breaker; nothing started yet."""
    specs = [settings.LLM_MODEL]
    if settings.LLM_FALLBACK_MODEL:
        specs.append(settings.LLM_FALLBACK_MODEL)
    slots = [
        ProviderSlot(
            spec,
            lambda s=spec: build_chat_provider(s, settings),  # type: ignore[misc]
            CircuitBreaker(
                settings.LLM_SERVICE_BREAKER_FAILURES,
                settings.LLM_SERVICE_BREAKER_COOLDOWN_S,
                clock=clock,
            ),
            max_retries=settings.LLM_MAX_RETRIES,
        )
        for spec in specs
    ]
    return ModelService(
        slots,
        embedder,
        chat_model=served_name(settings.LLM_MODEL),
        embedding_model=embedding_name(settings.EMBEDDING_MODEL),
    )


# --- the HTTP API ----------------------------------------------------------------------------


class SpanRequest(BaseModel):
    """``POST /resolvia/span_logprobs`` (:mod:`adapters.llm.llama_server`)."""

    model_config = ConfigDict(extra="ignore")

    messages: list[dict[str, Any]] = Field(min_length=1)
    open: str = Field(min_length=1)
    close: str = Field(min_length=1)
    model: str | None = None


class ChatRequest(BaseModel):
    """The part of OpenAI's chat-completion request the service honours; other fields are
    ignored, as OpenAI-compatible servers do."""

    model_config = ConfigDict(extra="ignore")

    model: str
    messages: list[dict[str, Any]] = Field(min_length=1)
    stream: bool = False
    n: int = 1
    temperature: float | None = Field(None, ge=0, le=2)
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    stop: str | list[str] | None = None
    logprobs: bool | None = None
    top_logprobs: int | None = Field(None, ge=0, le=20)
    response_format: dict[str, Any] | None = None
    seed: int | None = None
    tools: list[Any] | None = None


class EmbeddingRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    model: str
    input: str | list[str] | list[int] | list[list[int]]
    encoding_format: Literal["float", "base64"] = "float"
    #: extension: asymmetric models embed a search query differently from a passage
    input_type: Literal["query", "passage"] = "passage"


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "body"
    return f"{where}: {err['msg']}"


def _parse(model: type[BaseModel], body: dict[str, Any]) -> Any:
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        raise ApiError(400, _first_error(exc), "invalid_request") from None


def _schema_of(response_format: dict[str, Any] | None) -> tuple[dict[str, Any] | None, str, Any]:
    """(JSON schema, its name, a response_format to pass as it is) from the request."""
    if not response_format or response_format.get("type") in (None, "text"):
        return None, "", None
    kind = response_format.get("type")
    if kind == "json_schema":
        spec = response_format.get("json_schema")
        if not isinstance(spec, dict) or not isinstance(spec.get("schema"), dict):
            raise ApiError(
                400, "response_format.json_schema.schema must be an object", "invalid_request"
            )
        return spec["schema"], str(spec.get("name") or "respuesta"), None
    if kind == "json_object":
        schema = response_format.get("schema")
        if isinstance(schema, dict):  # llama.cpp's extension
            return schema, "respuesta", None
        return None, "", {"type": "json_object"}
    raise ApiError(400, f"response_format.type {kind!r} is not supported", "invalid_request")


def _call_options(request: ChatRequest) -> dict[str, Any]:
    options: dict[str, Any] = {}
    max_tokens = request.max_completion_tokens or request.max_tokens
    if max_tokens is not None:
        options["max_tokens"] = max_tokens
    if request.temperature is not None:
        options["temperature"] = request.temperature
    if request.stop is not None:
        options["stop"] = request.stop
    if request.seed is not None:
        options["seed"] = request.seed
    if request.logprobs:
        options["logprobs"] = True
        if request.top_logprobs is not None:
            options["top_logprobs"] = request.top_logprobs
    return options


def completion_body(msg: AIMessage, model: str) -> dict[str, Any]:
    """An OpenAI ``chat.completion`` for one answer message."""
    meta = msg.response_metadata or {}
    usage: dict[str, Any] = dict(msg.usage_metadata or {})
    prompt_tokens = int(usage.get("input_tokens") or 0)
    completion_tokens = int(usage.get("output_tokens") or 0)
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": message_text(msg)},
                "logprobs": meta.get("logprobs"),
                "finish_reason": meta.get("finish_reason") or meta.get("done_reason") or "stop",
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def _encode(vector: list[float], encoding: str) -> Any:
    if encoding == "base64":
        return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode("ascii")
    return vector


async def read_json_body(request: Request, limit: int) -> dict[str, Any]:
    """The request's JSON object: 413 past ``limit`` bytes (declared or streamed), 400 when it
    is not a JSON object."""
    too_big = ApiError(
        413,
        f"request body over {limit} bytes (LLM_SERVICE_MAX_REQUEST_BYTES): "
        "send less, or raise the limit on the service",
        "invalid_request",
        "request_too_large",
    )
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    try:
        body = json.loads(b"".join(chunks))
    except (ValueError, RecursionError):
        raise ApiError(400, "the request body is not valid JSON", "invalid_request") from None
    if not isinstance(body, dict):
        raise ApiError(400, "the request body must be a JSON object", "invalid_request")
    return body


async def within_deadline(call: Callable[[], Any], timeout_s: float) -> Any:
    """``call`` in a worker thread; 504 when it has not answered within ``timeout_s``."""
    try:
        with anyio.fail_after(timeout_s):
            # abandoned on timeout: the provider's own timeout ends the thread later, the
            # client is answered now
            return await anyio.to_thread.run_sync(call, abandon_on_cancel=True)
    except TimeoutError:
        raise ApiError(
            504, f"no answer within {timeout_s:g} s (LLM_SERVICE_TIMEOUT_S)", "timeout"
        ) from None


def unknown_model(name: str, kind: str, known: str) -> ApiError:
    return ApiError(
        404,
        f"model {name!r} is not a {kind} model of this service (use {known!r}; "
        "GET /v1/models lists them)",
        "invalid_request",
        "model_not_found",
    )


def chat_call(
    chat: ChatRequest,
) -> tuple[list[BaseMessage], dict[str, Any] | None, str, dict[str, Any]]:
    """(messages, JSON schema, its name, call options) for a request; 400 for what is not
    offered."""
    if chat.stream:
        raise ApiError(400, "streaming is not offered: send stream=false", "invalid_request")
    if chat.n != 1:
        raise ApiError(400, "n must be 1: one answer per request", "invalid_request")
    if chat.tools:
        raise ApiError(400, "tools are not offered by this service", "invalid_request")
    json_schema, schema_name, raw_format = _schema_of(chat.response_format)
    options = _call_options(chat)
    if raw_format is not None:
        options["response_format"] = raw_format
    try:
        messages = convert_to_messages(chat.messages)
    except (ValueError, TypeError, KeyError) as exc:
        raise ApiError(400, f"messages: {exc}", "invalid_request") from None
    return messages, json_schema, schema_name, options


def _token_refused() -> JSONResponse:
    return JSONResponse(
        error_body(
            "missing or wrong bearer token: send Authorization: Bearer "
            "<LLM_SERVICE_TOKEN> (OPENAI_API_KEY for OpenAI clients)",
            "authentication_error",
            "invalid_api_key",
        ),
        status_code=401,
        headers={"WWW-Authenticate": "Bearer"},
    )


def create_app(
    service: ModelService,
    *,
    token: str | None,
    max_request_bytes: int,
    timeout_s: float,
) -> FastAPI:
    """The HTTP API over ``service``; ``token`` None = no auth (loopback only: the CLI checks)."""
    app = FastAPI(title="Resolvia model service", docs_url=None, redoc_url=None)
    expected = token.encode("utf-8") if token else None

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(
            error_body(exc.message, exc.kind, exc.code), status_code=exc.status, headers=headers
        )

    @app.middleware("http")
    async def _auth(request: Request, call_next: Callable[[Request], Any]) -> Any:
        if expected is not None and request.url.path != "/health":
            given = request.headers.get("authorization", "")
            scheme, _, value = given.partition(" ")
            ok = scheme.lower() == "bearer" and secrets.compare_digest(
                value.strip().encode("utf-8"), expected
            )
            if not ok:
                return _token_refused()
        return await call_next(request)

    @app.get("/health")
    def health() -> JSONResponse:
        status, body = service.health()
        return JSONResponse(body, status_code=503 if status == "unavailable" else 200)

    @app.get("/v1/models")
    def models() -> dict[str, Any]:
        return {
            "object": "list",
            "data": [
                {"id": name, "object": "model", "created": 0, "owned_by": "resolvia"}
                for name in (service.chat_model, service.embedding_model)
            ],
        }

    @app.post("/v1/chat/completions")
    async def chat_completions(request: Request) -> JSONResponse:
        chat = _parse(ChatRequest, await read_json_body(request, max_request_bytes))
        if chat.model != service.chat_model:
            raise unknown_model(chat.model, "chat", service.chat_model)
        messages, json_schema, schema_name, options = chat_call(chat)
        started = time.perf_counter()
        msg, spec = await within_deadline(
            lambda: service.chat(messages, json_schema, schema_name, options), timeout_s
        )
        log.info(
            "llm_service.chat",
            model=public_spec(spec),
            latency_s=round(time.perf_counter() - started, 3),
            logprobs=bool(chat.logprobs),
        )
        return JSONResponse(
            completion_body(msg, service.chat_model),
            headers={"X-Resolvia-Provider": public_spec(spec)},
        )

    @app.post(SPAN_ROUTE)
    async def span_logprobs(request: Request) -> dict[str, Any]:
        req = _parse(SpanRequest, await read_json_body(request, max_request_bytes))
        if req.model is not None and req.model != service.chat_model:
            raise unknown_model(req.model, "chat", service.chat_model)
        try:
            messages = convert_to_messages(req.messages)
        except (ValueError, TypeError, KeyError) as exc:
            raise ApiError(400, f"messages: {exc}", "invalid_request") from None
        result: SpanResult = await within_deadline(
            lambda: service.span(messages, req.open, req.close), timeout_s
        )
        return {
            "logprobs": result.logprobs,
            "tokens": len(result.logprobs),
            "reused": result.reused,
            "evaluated": result.evaluated,
        }

    @app.post("/v1/embeddings")
    async def embeddings(request: Request) -> dict[str, Any]:
        req = _parse(EmbeddingRequest, await read_json_body(request, max_request_bytes))
        if req.model != service.embedding_model:
            raise unknown_model(req.model, "embedding", service.embedding_model)
        texts = [req.input] if isinstance(req.input, str) else req.input
        if not texts or not all(isinstance(t, str) for t in texts):
            raise ApiError(
                400,
                "input must be a non-empty text or list of texts (token ids are not accepted)",
                "invalid_request",
            )
        if len(texts) > MAX_EMBEDDING_INPUTS:
            raise ApiError(
                400, f"at most {MAX_EMBEDDING_INPUTS} inputs per request", "invalid_request"
            )
        strings = [str(t) for t in texts]
        vectors: list[list[float]] = await within_deadline(
            lambda: service.embed(strings, req.input_type), timeout_s
        )
        return {
            "object": "list",
            "data": [
                {"object": "embedding", "index": i, "embedding": _encode(v, req.encoding_format)}
                for i, v in enumerate(vectors)
            ],
            "model": service.embedding_model,
            "usage": {"prompt_tokens": 0, "total_tokens": 0},
        }

    return app
