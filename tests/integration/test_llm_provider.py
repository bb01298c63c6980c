"""The provider factory against the real bundled models and managed llama.cpp servers."""

from __future__ import annotations

from typing import Literal

from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, Field

from adapters.llm.client import LLMClient, build_llm_client
from adapters.llm.providers import build_chat_provider
from adapters.llm.server import running_servers, stop_all
from config import Settings
from tests.integration.conftest import DEFAULT_MODEL, FAST_MODEL


class Clasificacion(BaseModel):
    componente: Literal["Correo", "Accesos", "Reembolsos", "Tarjeta Digital"]
    resumen: str = Field(max_length=160)
    prioridad: int = Field(ge=1, le=5)


MESSAGES = [
    SystemMessage(content="Clasifica la incidencia. Responde solo con JSON según el esquema."),
    HumanMessage(
        content="No me deja entrar en la intranet: «usuario bloqueado tras 5 intentos fallidos»."
    ),
]


def test_default_model_gives_a_schema_valid_answer(settings: Settings) -> None:
    client = build_llm_client(settings, DEFAULT_MODEL)
    try:
        result = client.structured(MESSAGES, Clasificacion, max_tokens=120)
        assert isinstance(result.parsed, Clasificacion)
        assert result.parsed.componente == "Accesos"
        assert result.model == DEFAULT_MODEL
        assert result.input_tokens and result.output_tokens
        assert result.latency_s > 0
        # the server is reused for the rest of the process, not started per call
        pid = client.primary().server.pid  # type: ignore[union-attr]
        client.structured(MESSAGES, Clasificacion, max_tokens=120)
        assert client.primary().server.pid == pid  # type: ignore[union-attr]
        assert len(running_servers()) == 1
    finally:
        stop_all()
    assert running_servers() == []


def test_dead_primary_falls_back_to_the_bundled_model(settings: Settings) -> None:
    # Nothing listens on port 9 of loopback: connection refused, then fallback.
    dead = "openai-compatible/ghost@http://127.0.0.1:9/v1"
    client = LLMClient(
        [
            (dead, lambda: build_chat_provider(dead, settings)),
            (FAST_MODEL, lambda: build_chat_provider(FAST_MODEL, settings)),
        ],
        max_retries=1,
        backoff_base_s=0.05,
    )
    try:
        result = client.structured(MESSAGES, Clasificacion, max_tokens=120)
        assert result.model == FAST_MODEL
        assert isinstance(result.parsed, Clasificacion)
    finally:
        stop_all()
