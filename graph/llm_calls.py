"""Recorded LLM calls shared by the nodes: structured (JSON schema) and yes/no (verdict)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

import structlog
from langchain_core.messages import BaseMessage
from pydantic import BaseModel

from adapters.llm.client import ChatResult, ChoiceResult, VerdictResult
from adapters.llm_history import LLMCallRecord
from errors import LLMError
from graph.context import EngineContext
from prompts.loader import Prompt

log = structlog.get_logger(__name__)
T = TypeVar("T", bound=BaseModel)
R = TypeVar("R")


@dataclass(frozen=True)
class CallOutcome(Generic[R]):
    parsed: R | None
    error: str | None
    calls: int
    tokens: int


def _pending_record(
    ctx: EngineContext, node: str, incident_id: str, prompt: Prompt, messages: list[BaseMessage]
) -> LLMCallRecord:
    """The history record of a call before its answer is known."""
    return LLMCallRecord(
        run_id=ctx.run_id,
        incident_id=incident_id,
        node=node,
        prompt_id=prompt.id,
        prompt_version=prompt.version,
        prompt_sha256=prompt.sha256,
        model=ctx.llm.primary_spec,
        messages=[{"role": m.type, "content": str(m.content)} for m in messages],
        output=None,
        parsed=None,
        first_try_valid=None,
        calls=1,
        input_tokens=None,
        output_tokens=None,
        latency_s=None,
    )


def _failed(
    ctx: EngineContext, record: LLMCallRecord, exc: LLMError, node: str, calls: int
) -> CallOutcome[Any]:
    """Record a call that ended without a usable answer; the caller routes on ``error``."""
    if ctx.history is not None:
        raw = getattr(exc, "raw", None)
        ctx.history.record(
            replace(record, output=raw, calls=calls, first_try_valid=False, error=str(exc))
        )
    log.warning("llm.call_failed", node=node, error=str(exc)[:300])
    return CallOutcome(None, f"{type(exc).__name__}: {exc}", calls, 0)


def _answered(
    ctx: EngineContext,
    record: LLMCallRecord,
    result: ChatResult,
    *,
    parsed: dict[str, Any] | None,
    first_try_valid: bool,
    calls: int,
) -> int:
    """Record an answered call; return its tokens."""
    if ctx.history is not None:
        ctx.history.record(
            replace(
                record,
                model=result.model,
                output=result.text,
                parsed=parsed,
                first_try_valid=first_try_valid,
                calls=calls,
                input_tokens=result.input_tokens,
                output_tokens=result.output_tokens,
                latency_s=round(result.latency_s, 3),
            )
        )
    return (result.input_tokens or 0) + (result.output_tokens or 0)


def structured_call(
    ctx: EngineContext,
    *,
    node: str,
    incident_id: str,
    prompt: Prompt,
    schema: type[T],
    max_tokens: int,
    **values: str,
) -> CallOutcome[T]:
    """Render, call, validate, record. Failures come back as ``error``, never as exceptions."""
    messages = prompt.render(**values)
    record = _pending_record(ctx, node, incident_id, prompt, messages)
    try:
        result = ctx.llm.structured(messages, schema, max_tokens=max_tokens)
    except LLMError as exc:
        # a StructuredOutputError carries the raw answer: it had one repair call
        return _failed(ctx, record, exc, node, 2 if getattr(exc, "raw", None) is not None else 1)
    tokens = _answered(
        ctx,
        record,
        result,
        parsed=result.parsed.model_dump() if result.parsed else None,
        first_try_valid=result.first_try_valid,
        calls=result.calls,
    )
    return CallOutcome(result.parsed, None, result.calls, tokens)


def verdict_call(
    ctx: EngineContext, *, node: str, incident_id: str, prompt: Prompt, **values: str
) -> CallOutcome[VerdictResult]:
    """A recorded yes/no call: ``parsed`` is the :class:`VerdictResult` (P(«sí»)) or None."""
    messages = prompt.render(**values)
    record = _pending_record(ctx, node, incident_id, prompt, messages)
    try:
        result = ctx.llm.verdict(messages)
    except LLMError as exc:
        return _failed(ctx, record, exc, node, 1)
    parsed = {"p_si": round(result.probability, 4), "from_logprobs": result.from_logprobs}
    tokens = _answered(ctx, record, result, parsed=parsed, first_try_valid=True, calls=1)
    return CallOutcome(result, None, 1, tokens)


def choice_call(
    ctx: EngineContext,
    *,
    node: str,
    incident_id: str,
    prompt: Prompt,
    letters: list[str],
    **values: str,
) -> CallOutcome[ChoiceResult]:
    """A recorded lettered-choice call: ``parsed`` holds each letter's probability, or None."""
    messages = prompt.render(**values)
    record = _pending_record(ctx, node, incident_id, prompt, messages)
    try:
        result = ctx.llm.choice(messages, letters)
    except LLMError as exc:
        return _failed(ctx, record, exc, node, 1)
    parsed = {
        "probabilities": {k: round(v, 4) for k, v in result.probabilities.items()},
        "from_logprobs": result.from_logprobs,
    }
    tokens = _answered(ctx, record, result, parsed=parsed, first_try_valid=True, calls=1)
    return CallOutcome(result, None, 1, tokens)
