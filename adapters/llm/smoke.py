"""Model smoke test: one schema-constrained Spanish answer, with speed figures.

Streams the answer so prompt processing and generation can be timed apart:
``prompt_tokens_per_s`` = prompt tokens / time to first token, ``generation_tokens_per_s`` =
generated tokens after the first / time from first to last token.
"""

from __future__ import annotations

import time
from typing import Any, Literal

from langchain_core.messages import AIMessageChunk, HumanMessage, SystemMessage
from pydantic import BaseModel, Field

from adapters.llm.client import LLMClient, message_text, parse_structured
from errors import StructuredOutputError


class SmokeAnswer(BaseModel):
    """What the smoke test asks the model for."""

    resumen: str = Field(description="Resumen de la incidencia en una frase", max_length=200)
    componente: Literal["Correo", "Accesos", "Puesto de trabajo", "Reembolsos"]
    urgente: bool


SMOKE_MESSAGES = [
    SystemMessage(
        content="Eres un técnico de soporte. Responde solo con un objeto JSON que cumpla el "
        "esquema: resumen (una frase), componente y urgente."
    ),
    HumanMessage(
        content="Incidencia: «Desde esta mañana Outlook me pide la contraseña una y otra vez y no "
        "puedo enviar correos a los clientes. Tengo una reunión en una hora.»"
    ),
]


def run_smoke(client: LLMClient, max_tokens: int = 128) -> dict[str, Any]:
    """Ask the primary model one structured question; return answer and speed figures."""
    provider = client.primary()
    runnable = provider.structured(SmokeAnswer.model_json_schema(), "SmokeAnswer").bind(
        max_tokens=max_tokens, stream_options={"include_usage": True}
    )
    started = time.perf_counter()
    first_token_at: float | None = None
    chunks = 0
    acc: AIMessageChunk | None = None
    for chunk in runnable.stream(SMOKE_MESSAGES):
        if not isinstance(chunk, AIMessageChunk):  # pragma: no cover
            continue
        if message_text(chunk) and first_token_at is None:
            first_token_at = time.perf_counter()
        if message_text(chunk):
            chunks += 1
        acc = chunk if acc is None else acc + chunk
    ended = time.perf_counter()
    text = message_text(acc) if acc is not None else ""
    usage: dict[str, Any] = dict((acc.usage_metadata if acc is not None else None) or {})
    prompt_tokens = usage.get("input_tokens")
    gen_tokens = usage.get("output_tokens") or chunks  # llama.cpp streams one token per chunk
    if prompt_tokens is None:
        # Some servers (llama-cpp-python) send no usage when streaming: ask for the prompt's
        # token count with a one-token completion, after timing (its prompt is then cached).
        counted = provider.model.bind(max_tokens=1).invoke(SMOKE_MESSAGES)
        prompt_tokens = (getattr(counted, "usage_metadata", None) or {}).get("input_tokens")
    parsed, errors = parse_structured(text, SmokeAnswer)
    if parsed is None:
        raise StructuredOutputError(
            f"{provider.spec} answered the smoke test with invalid JSON: {errors}", text, errors
        )
    ttft = (first_token_at or ended) - started
    gen_time = ended - (first_token_at or ended)
    return {
        "model": provider.spec,
        "answer": parsed.model_dump(),
        "schema_valid": True,
        "latency_s": round(ended - started, 3),
        "time_to_first_token_s": round(ttft, 3),
        "prompt_tokens": prompt_tokens,
        "generation_tokens": gen_tokens,
        "prompt_tokens_per_s": round(prompt_tokens / ttft, 1) if prompt_tokens and ttft else None,
        "generation_tokens_per_s": (
            round((gen_tokens - 1) / gen_time, 1) if gen_tokens > 1 and gen_time > 0 else None
        ),
    }
