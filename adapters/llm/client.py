"""LLMClient: the one way the engine calls language models.

* a chain of providers (primary, then fallbacks), each built lazily on first use;
* retries (tenacity) with jittered exponential backoff on transient failures (connection
  refused, timeouts, 5xx, rate limits); when a provider stays down, the next one in the chain is
  used and that is logged;
* structured output: schema-constrained generation, then Pydantic validation; one repair attempt
  that shows the model its own answer and the validation errors; then a typed
  :class:`StructuredOutputError`;
* every call returns its raw text, tokens and latency so callers can record it.
"""

from __future__ import annotations

import json
import math
import random
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import httpx
import openai
import structlog
from langchain_core.messages import (
    AIMessage,
    BaseMessage,
    HumanMessage,
    convert_to_openai_messages,
)
from pydantic import BaseModel, ValidationError
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)
from tenacity.wait import wait_base

from adapters.llm.providers import ChatProvider, build_chat_provider
from adapters.llm.specs import parse_spec
from config import Settings
from errors import (
    ConfigError,
    LLMServerError,
    LLMUnavailableError,
    ModelNotFoundError,
    StructuredOutputError,
)

log = structlog.get_logger(__name__)

T = TypeVar("T", bound=BaseModel)


class UnusableReplyError(LLMServerError):
    """The server answered, but not with a chat completion (not JSON, cut short, no
    ``choices``): a server fault like a 5xx, not a bug of the caller."""


#: Failures worth retrying on the same provider.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    UnusableReplyError,
    openai.APIConnectionError,  # includes APITimeoutError
    openai.InternalServerError,
    openai.RateLimitError,
    httpx.TransportError,
    ConnectionError,
    TimeoutError,
)
#: Failures that make a provider unusable for this call (after retries): fall back.
PROVIDER_ERRORS: tuple[type[BaseException], ...] = (
    *TRANSIENT_ERRORS,
    openai.APIError,
    httpx.HTTPError,
    LLMServerError,
    ConfigError,
    ModelNotFoundError,
)
try:  # ollama's own error type, when that client is installed
    from ollama import ResponseError as _OllamaResponseError

    PROVIDER_ERRORS = (*PROVIDER_ERRORS, _OllamaResponseError)
except ImportError:  # pragma: no cover
    pass

REPAIR_PROMPT = (
    "Tu respuesta anterior no es válida para el esquema JSON pedido.\n"
    "Errores: {errors}\n"
    "Responde de nuevo SOLO con un objeto JSON que cumpla el esquema, sin texto adicional."
)


@dataclass
class ChatResult:
    """One model answer with what it cost."""

    text: str
    model: str
    input_tokens: int | None
    output_tokens: int | None
    latency_s: float
    calls: int = 1


@dataclass
class StructuredResult(ChatResult, Generic[T]):
    """A validated structured answer."""

    parsed: T | None = None
    #: True when the first answer validated (no repair needed).
    first_try_valid: bool = True


@dataclass
class VerdictResult(ChatResult):
    """A yes/no answer with the probability the model gave to «sí»."""

    probability: float = 0.0
    #: True when the probability comes from token log-probabilities; False when the provider
    #: returned none and the answer's text (sí -> 1, no -> 0) was all there was.
    from_logprobs: bool = True


@dataclass
class ChoiceResult(ChatResult):
    """A one-letter answer among lettered options, with the probability of each letter."""

    probabilities: dict[str, float] = field(default_factory=dict)
    #: True when the probabilities come from token log-probabilities; False when the provider
    #: returned none and the answer's letter got probability 1.
    from_logprobs: bool = True


ProviderFactory = Callable[[], ChatProvider]

#: first answer token (lower-case, stripped) counted as yes / as no. «sí» is often split into
#: "s" + "í" by the tokenizer, so "s" counts as yes.
YES_TOKENS = frozenset({"s", "si", "sí", "yes", "y"})
NO_TOKENS = frozenset({"no", "n"})


@dataclass(frozen=True)
class SpanResult:
    """Log-probabilities of the tokens of a span of a prompt, each given what precedes it."""

    logprobs: list[float]
    model: str
    latency_s: float
    #: prompt tokens the server took from its KV cache, and those it evaluated (0: the
    #: previous request's logits served)
    reused: int = 0
    evaluated: int = 0

    @property
    def mean(self) -> float:
        return sum(self.logprobs) / len(self.logprobs)


#: what a server without the span route answers (no such route; not for this model)
NO_SPAN_ROUTE = (404, 405, 501)


class _LazyProvider:
    def __init__(self, spec: str, factory: ProviderFactory) -> None:
        self.spec = spec
        self._factory = factory
        self._provider: ChatProvider | None = None
        self._lock = threading.Lock()  # incidents in threads (RUN_CONCURRENCY): built once

    def get(self) -> ChatProvider:
        with self._lock:
            if self._provider is None:
                self._provider = self._factory()
            return self._provider

    @property
    def retry_on_timeout(self) -> bool:
        """Whether a timed-out request may be retried (see ``ChatProvider.retry_on_timeout``);
        True while the provider is not built yet."""
        return self._provider is None or self._provider.retry_on_timeout


class LLMClient:
    """Calls a chain of chat providers with retries, fallback and structured output."""

    def __init__(
        self,
        providers: Sequence[ChatProvider | tuple[str, ProviderFactory]],
        *,
        max_retries: int = 2,
        backoff_base_s: float = 0.5,
        backoff_max_s: float = 8.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not providers:
            raise ValueError("LLMClient needs at least one provider")
        self._chain: list[_LazyProvider] = []
        for item in providers:
            if isinstance(item, ChatProvider):
                lazy = _LazyProvider(item.spec, lambda p=item: p)  # type: ignore[misc]
            else:
                lazy = _LazyProvider(item[0], item[1])
            self._chain.append(lazy)
        self.max_retries = max_retries
        self.backoff_base_s = backoff_base_s
        self.backoff_max_s = backoff_max_s
        self._sleep = sleep

    @property
    def specs(self) -> list[str]:
        return [p.spec for p in self._chain]

    @property
    def primary_spec(self) -> str:
        return self._chain[0].spec

    def primary(self) -> ChatProvider:
        """The primary provider, built (and for llama.cpp started) now."""
        return self._chain[0].get()

    # -- plain chat ------------------------------------------------------------------------
    def chat(self, messages: Sequence[BaseMessage], **kwargs: Any) -> ChatResult:
        """One free-text answer from the first provider that works."""
        msg, spec, latency = self._invoke(messages, None, "", start_at=0, **kwargs)
        return _chat_result(msg, spec, latency)

    # -- structured ------------------------------------------------------------------------
    def structured(
        self, messages: Sequence[BaseMessage], schema: type[T], **kwargs: Any
    ) -> StructuredResult[T]:
        """An answer validated against ``schema``; one repair attempt, then an error."""
        json_schema = schema.model_json_schema()
        name = schema.__name__
        msg, spec, latency = self._invoke(messages, json_schema, name, start_at=0, **kwargs)
        first = _chat_result(msg, spec, latency)
        parsed, errors = parse_structured(first.text, schema)
        if parsed is not None:
            return StructuredResult(**vars(first), parsed=parsed, first_try_valid=True)
        log.warning("llm.structured.invalid", model=spec, schema=name, errors=errors[:300])
        repair = [
            *messages,
            AIMessage(content=first.text),
            HumanMessage(content=REPAIR_PROMPT.format(errors=errors[:1000])),
        ]
        index = self.specs.index(spec)
        msg2, spec2, latency2 = self._invoke(repair, json_schema, name, start_at=index, **kwargs)
        second = _chat_result(msg2, spec2, latency2)
        parsed, errors2 = parse_structured(second.text, schema)
        total = ChatResult(
            text=second.text,
            model=spec2,
            input_tokens=_add(first.input_tokens, second.input_tokens),
            output_tokens=_add(first.output_tokens, second.output_tokens),
            latency_s=first.latency_s + second.latency_s,
            calls=2,
        )
        if parsed is None:
            raise StructuredOutputError(
                f"{spec2} gave no valid {name} after one repair: {errors2[:300]}",
                raw=second.text,
                validation_errors=errors2,
            )
        log.info("llm.structured.repaired", model=spec2, schema=name)
        return StructuredResult(**vars(total), parsed=parsed, first_try_valid=False)

    # -- yes / no --------------------------------------------------------------------------
    def verdict(self, messages: Sequence[BaseMessage], *, top_logprobs: int = 20) -> VerdictResult:
        """P(«sí») for a question the prompt asks to answer with «sí» or «no».

        One answer token is generated; the probability is the share of «sí»-like tokens among
        the yes/no-like ones in its top log-probabilities, so the score is continuous and can
        be thresholded. A provider that returns no log-probabilities gives 1 or 0 from the
        answer text; an answer that is neither raises :class:`StructuredOutputError`.
        """
        msg, spec, latency = self._invoke(
            messages, None, "", start_at=0, verdict_top_logprobs=top_logprobs
        )
        base = _chat_result(msg, spec, latency)
        probability = yes_probability(msg)
        if probability is not None:
            return VerdictResult(**vars(base), probability=probability, from_logprobs=True)
        answer = answer_is_yes(base.text)
        if answer is not None:
            log.info("llm.verdict.no_logprobs", model=spec)
            return VerdictResult(**vars(base), probability=float(answer), from_logprobs=False)
        raise StructuredOutputError(
            f"{spec} answered neither «sí» nor «no»: {base.text[:100]!r}",
            raw=base.text,
            validation_errors="not a yes/no answer",
        )

    def choice(
        self, messages: Sequence[BaseMessage], letters: Sequence[str], *, top_logprobs: int = 20
    ) -> ChoiceResult:
        """The probability of each option letter for a prompt that asks for one letter.

        One answer token is generated; each letter's probability is its share among the
        option letters in the token's top log-probabilities. Without log-probabilities the
        answered letter gets 1; an answer that is no option raises StructuredOutputError.
        """
        msg, spec, latency = self._invoke(
            messages, None, "", start_at=0, verdict_top_logprobs=top_logprobs
        )
        base = _chat_result(msg, spec, latency)
        wanted = [letter.upper() for letter in letters]
        probabilities = letter_probabilities(msg, wanted)
        if probabilities is not None:
            return ChoiceResult(**vars(base), probabilities=probabilities, from_logprobs=True)
        answer = base.text.strip()[:1].upper()
        if answer in wanted:
            log.info("llm.choice.no_logprobs", model=spec)
            chosen = {letter: float(letter == answer) for letter in wanted}
            return ChoiceResult(**vars(base), probabilities=chosen, from_logprobs=False)
        raise StructuredOutputError(
            f"{spec} answered no option letter: {base.text[:100]!r}",
            raw=base.text,
            validation_errors="not an option letter",
        )

    # -- how likely a part of the prompt is -------------------------------------------------
    def span_logprobs(
        self, messages: Sequence[BaseMessage], open_: str, close: str, *, timeout_s: float = 120.0
    ) -> SpanResult | None:
        """The primary model's log-probability of each token between ``open_`` and ``close``
        in the prompt ``messages`` make, each given what precedes it; None when the primary
        provider cannot give them (only the managed llama.cpp server can:
        :mod:`adapters.llm.llama_server`, also through ``resolvia serve-llm``; another server
        answers 404 or 501). Never from a fallback: another model's numbers live on another
        scale.

        Raises :class:`LLMServerError` when the server fails or refuses the request."""
        provider = self.primary()
        if provider.span_url is None:
            return None
        body = {
            "messages": convert_to_openai_messages(provider.outgoing(messages)),
            "open": open_,
            "close": close,
        }
        headers = {}
        if provider.span_token is not None:
            headers["Authorization"] = f"Bearer {provider.span_token.get_secret_value()}"
        started = time.perf_counter()
        try:
            reply = httpx.post(provider.span_url, json=body, headers=headers, timeout=timeout_s)
        except httpx.HTTPError as exc:
            raise LLMServerError(
                f"{provider.spec}: span log-probabilities failed: {type(exc).__name__}: {exc}"
            ) from exc
        if reply.status_code in NO_SPAN_ROUTE:
            return None
        if reply.status_code != 200:
            raise LLMServerError(
                f"{provider.spec}: span log-probabilities refused (HTTP {reply.status_code}): "
                f"{reply.text[:200]}"
            )
        try:
            data = reply.json()
            logprobs = [float(x) for x in data["logprobs"]]
            reused = int(data.get("reused") or 0)
            evaluated = int(data.get("evaluated") or 0)
        except (ValueError, KeyError, TypeError) as exc:
            raise UnusableReplyError(
                f"{provider.spec}: span log-probabilities unreadable: {exc}"
            ) from exc
        if not logprobs or not all(math.isfinite(x) and x <= 1e-6 for x in logprobs):
            raise UnusableReplyError(f"{provider.spec}: span log-probabilities out of range")
        latency = time.perf_counter() - started
        return SpanResult(logprobs, provider.spec, latency, reused, evaluated)

    # -- a whole answer ----------------------------------------------------------------------
    def complete(
        self,
        messages: Sequence[BaseMessage],
        *,
        json_schema: dict[str, Any] | None = None,
        schema_name: str = "respuesta",
        **kwargs: Any,
    ) -> tuple[AIMessage, str, float]:
        """The answer message as the provider gave it (its ``response_metadata`` keeps the
        log-probabilities and the finish reason), the spec that answered and the latency: for
        callers that pass a whole chat completion on (``resolvia serve-llm``). ``json_schema``
        is bound the way the answering provider asks for it; nothing is validated here."""
        return self._invoke(messages, json_schema, schema_name, start_at=0, **kwargs)

    # -- the chain -------------------------------------------------------------------------
    def _invoke(
        self,
        messages: Sequence[BaseMessage],
        json_schema: dict[str, Any] | None,
        name: str,
        *,
        start_at: int,
        **kwargs: Any,
    ) -> tuple[AIMessage, str, float]:
        attempts: list[tuple[str, str]] = []
        last: BaseException | None = None
        for position in range(start_at, len(self._chain)):
            lazy = self._chain[position]
            if position > start_at:
                log.warning(
                    "llm.fallback",
                    from_model=self._chain[position - 1].spec,
                    to_model=lazy.spec,
                    reason=attempts[-1][1][:300],
                )
            try:
                msg, latency = self._invoke_one(lazy, messages, json_schema, name, **kwargs)
                return msg, lazy.spec, latency
            except PROVIDER_ERRORS as exc:
                last = exc
                attempts.append((lazy.spec, f"{type(exc).__name__}: {exc}"))
                log.warning("llm.provider_failed", model=lazy.spec, error=attempts[-1][1][:300])
        summary = "; ".join(f"{spec}: {err[:200]}" for spec, err in attempts)
        # chained to the last provider's error: a caller can tell a refused request (HTTP 400
        # from the server) from a server that is down
        raise LLMUnavailableError(f"no language model answered ({summary})", attempts) from last

    def _invoke_one(
        self,
        lazy: _LazyProvider,
        messages: Sequence[BaseMessage],
        json_schema: dict[str, Any] | None,
        name: str,
        **kwargs: Any,
    ) -> tuple[AIMessage, float]:
        def attempt() -> tuple[AIMessage, float]:
            provider = lazy.get()
            runnable = provider.structured(json_schema, name) if json_schema else provider.model
            options = dict(kwargs)
            if "verdict_top_logprobs" in options:  # options differ per provider in the chain
                options.update(provider.verdict_options(options.pop("verdict_top_logprobs")))
            if not provider.logprobs:  # its client takes no OpenAI-style log-probability options
                options.pop("logprobs", None)
                options.pop("top_logprobs", None)
            if options:
                runnable = runnable.bind(**options)
            sent = provider.outgoing(messages)  # redacted for a server off this machine
            started = time.perf_counter()
            try:
                msg = runnable.invoke(sent)
            # What the OpenAI client and langchain-openai raise for a reply that is no chat
            # completion: json.JSONDecodeError (not JSON, or JSON cut short), TypeError (no
            # ``choices``). Counted as the provider failing, so it is retried and falls back.
            except (ValueError, TypeError) as exc:
                raise UnusableReplyError(
                    f"{lazy.spec} sent a reply that is not a chat completion: "
                    f"{type(exc).__name__}: {exc}"
                ) from exc
            latency = time.perf_counter() - started
            if not isinstance(msg, AIMessage):  # pragma: no cover - providers return these
                msg = AIMessage(content=str(getattr(msg, "content", msg)))
            return msg, latency

        def worth_retrying(exc: BaseException) -> bool:
            if not isinstance(exc, TRANSIENT_ERRORS):
                return False
            # A managed llama.cpp server keeps working on a request whose client timed out:
            # retrying would only queue behind it, so that timeout goes to the fallback.
            timed_out = isinstance(exc, openai.APITimeoutError | TimeoutError)
            return not timed_out or lazy.retry_on_timeout

        def log_retry(state: RetryCallState) -> None:
            exc = state.outcome.exception() if state.outcome else None
            log.info(
                "llm.retry",
                model=lazy.spec,
                attempt=state.attempt_number,
                delay_s=round(state.upcoming_sleep, 2),
                error=f"{type(exc).__name__}: {exc}"[:200],
            )

        retrying = Retrying(
            stop=stop_after_attempt(self.max_retries + 1),
            wait=_jittered(
                wait_exponential(multiplier=self.backoff_base_s, max=self.backoff_max_s)
            ),
            retry=retry_if_exception(worth_retrying),
            before_sleep=log_retry,
            sleep=self._sleep,
            reraise=True,
        )
        return retrying(attempt)


def _jittered(wait: wait_base) -> Callable[[RetryCallState], float]:
    """``wait`` scaled by a random factor in [0.5, 1]: clients that failed together do not
    all come back at the same moment."""

    def jittered(state: RetryCallState) -> float:
        return wait(state) * (0.5 + random.random() / 2)  # noqa: S311 - jitter, not crypto

    return jittered


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None and b is None else (a or 0) + (b or 0)


def _chat_result(msg: AIMessage, spec: str, latency: float) -> ChatResult:
    usage: dict[str, Any] = dict(msg.usage_metadata or {})
    return ChatResult(
        text=message_text(msg),
        model=spec,
        input_tokens=usage.get("input_tokens"),
        output_tokens=usage.get("output_tokens"),
        latency_s=latency,
    )


def _answer_token(text: str) -> str:
    words = re.findall(r"\w+", text.lower())
    return words[0] if words else ""


def answer_is_yes(text: str) -> bool | None:
    """A written yes/no answer read by its first word: True «sí», False «no», None neither."""
    answer = _answer_token(text)
    if answer in YES_TOKENS:
        return True
    return False if answer in NO_TOKENS else None


def yes_probability(msg: BaseMessage) -> float | None:
    """Share of yes among yes/no in the first token's top log-probabilities (None: no data)."""
    content = (msg.response_metadata.get("logprobs") or {}).get("content") or []
    if not content:
        return None
    top = content[0].get("top_logprobs") or []
    return yes_share((str(alt.get("token", "")), alt["logprob"]) for alt in top)


def yes_share(alternatives: Iterable[tuple[str, float]]) -> float | None:
    """Share of «sí»-like tokens among the yes/no-like ones in ``(token, logprob)`` pairs of
    one answer position (None: neither is there). Fine-tuning measures its accuracy with it."""
    yes = no = 0.0
    for text, logprob in alternatives:
        token = text.strip().lower()
        if token in YES_TOKENS:
            yes += math.exp(logprob)
        elif token in NO_TOKENS:
            no += math.exp(logprob)
    return yes / (yes + no) if yes + no > 0 else None


def letter_probabilities(msg: BaseMessage, letters: Sequence[str]) -> dict[str, float] | None:
    """Each letter's share among the option letters in the first token's top log-probabilities
    (None: no log-probabilities, or no option letter among them)."""
    content = (msg.response_metadata.get("logprobs") or {}).get("content") or []
    if not content:
        return None
    mass = dict.fromkeys(letters, 0.0)
    for alt in content[0].get("top_logprobs") or []:
        token = str(alt.get("token", "")).strip().strip(")").upper()
        if token in mass:
            mass[token] += math.exp(alt["logprob"])
    total = sum(mass.values())
    return {k: v / total for k, v in mass.items()} if total > 0 else None


def message_text(msg: BaseMessage) -> str:
    content = msg.content
    if isinstance(content, str):
        return content
    parts = [c if isinstance(c, str) else str(c.get("text", "")) for c in content]
    return "".join(parts)


_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


def extract_json(text: str) -> str:
    """The JSON object inside a model answer (tolerates code fences and chatter around it)."""
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1)
    text = text.strip()
    if text.startswith("{"):
        return text
    start, end = text.find("{"), text.rfind("}")
    return text[start : end + 1] if 0 <= start < end else text


def parse_structured(text: str, schema: type[T]) -> tuple[T | None, str]:
    """Validate a model answer; return (model or None, error text). Never evaluates code."""
    candidate = extract_json(text)
    try:
        return schema.model_validate_json(candidate), ""
    except ValidationError as exc:
        return None, _short_errors(exc, candidate)


def _short_errors(exc: ValidationError, candidate: str) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"]) or "(raíz)"
        parts.append(f"{loc}: {err['msg']}")
    if not candidate.strip():
        return "respuesta vacía"
    try:
        json.loads(candidate)
    except ValueError:
        return "no es JSON válido; " + "; ".join(parts)
    return "; ".join(parts)


def build_llm_client(settings: Settings, model: str | None = None) -> LLMClient:
    """The engine's client: ``model`` (or LLM_MODEL) first, then LLM_FALLBACK_MODEL.

    LLM_LORA_ADAPTER is applied to the first model only: it was trained for that base. A
    fallback that is the first model with or without an adapter is left out: serving the
    base model in place of a fine-tuned one would be a silent fallback.
    """
    specs = [model or settings.LLM_MODEL]
    fallback = settings.LLM_FALLBACK_MODEL
    if fallback and parse_spec(fallback).without_lora() != parse_spec(specs[0]).without_lora():
        specs.append(fallback)
    adapters = [settings.LLM_LORA_ADAPTER] + [None] * (len(specs) - 1)
    chain: list[tuple[str, ProviderFactory]] = [
        (spec, lambda s=spec, a=adapter: build_chat_provider(s, settings, lora_adapter=a))  # type: ignore[misc]
        for spec, adapter in zip(specs, adapters, strict=True)
    ]
    return LLMClient(chain, max_retries=settings.LLM_MAX_RETRIES)
