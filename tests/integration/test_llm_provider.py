"""The provider factory against the real bundled models and managed llama.cpp servers."""

from __future__ import annotations

from typing import Literal

import pytest
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


def test_the_managed_server_gives_the_rows_likelihood_from_the_critics_own_request(
    settings: Settings, tmp_path
) -> None:
    from graph.row_likelihood import ROW_CLOSE, ROW_OPEN, RowBaselines, row_likelihood
    from prompts.loader import load_prompt

    prompt = load_prompt("critique_verdict", "v2")
    incident = (
        "Desde esta mañana la impresora de la segunda planta no imprime: los trabajos se quedan "
        "en la cola con el estado «En cola» y no sale ninguna hoja."
    )
    right = {"incidencia": incident, "componente": "Impresoras"}
    right["problema"] = "Los documentos se quedan atascados en la cola de impresión y no salen."
    wrong = {"incidencia": incident, "componente": "Accesos"}
    wrong["problema"] = "El usuario no puede iniciar sesión porque su cuenta está bloqueada."
    client = build_llm_client(settings, DEFAULT_MODEL)
    try:
        verdict = client.verdict(prompt.render(**right))
        assert verdict.from_logprobs
        span = client.span_logprobs(prompt.render(**right), ROW_OPEN, ROW_CLOSE)
        assert span is not None and span.logprobs and all(x <= 0 for x in span.logprobs)
        # read from the logits of the request just made: the whole prompt up to the row's end
        # came from the server's cache, nothing was evaluated again
        assert span.evaluated == 0 and span.reused > len(span.logprobs)
        baselines = RowBaselines(tmp_path / "rl")
        got = {
            name: row_likelihood(client, baselines, prompt, values)
            for name, values in (("right", right), ("wrong", wrong))
        }
        assert got["right"].error is None and got["wrong"].error is None
        assert got["right"].pmi is not None and got["wrong"].pmi is not None
        # the incident makes the printer row likelier, far more than the locked account
        assert got["right"].pmi > got["wrong"].pmi
        assert len(list((tmp_path / "rl").glob("*.json"))) == 2
        # the same pair measured again without the chat request: the same number, within the
        # arithmetic noise of another batch shape
        again = row_likelihood(client, baselines, prompt, right)
        assert again.pmi == pytest.approx(got["right"].pmi, abs=0.05)
    finally:
        stop_all()
