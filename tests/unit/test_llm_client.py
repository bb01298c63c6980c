"""LLMClient behaviour with fake chat models: structured output, repair, retries, fallback."""

from __future__ import annotations

import json
import math

import httpx
import openai
import pytest
from langchain_core.messages import AIMessage, HumanMessage
from pydantic import BaseModel, Field

from adapters.llm.client import (
    LLMClient,
    ProviderFactory,
    extract_json,
    letter_probabilities,
    parse_structured,
    yes_probability,
)
from adapters.llm.providers import ChatProvider, _bind_json_object
from errors import LLMUnavailableError, StructuredOutputError
from tests.fakes import FakeChatModel

MESSAGES = [HumanMessage(content="¿Qué componente falla?")]


class Verdict(BaseModel):
    componente: str = Field(max_length=40)
    score: int = Field(ge=0, le=100)


def _client(*models: FakeChatModel, **kwargs: object) -> tuple[LLMClient, list[float]]:
    sleeps: list[float] = []
    providers = [ChatProvider(f"fake/m{i}", m, _bind_json_object) for i, m in enumerate(models)]
    client = LLMClient(providers, sleep=sleeps.append, **kwargs)  # type: ignore[arg-type]
    return client, sleeps


def _connection_error() -> openai.APIConnectionError:
    return openai.APIConnectionError(request=httpx.Request("POST", "http://127.0.0.1:1/v1"))


def test_valid_answer_is_parsed_and_costed() -> None:
    model = FakeChatModel(['{"componente": "Correo", "score": 80}'])
    client, _ = _client(model)
    result = client.structured(MESSAGES, Verdict)
    assert result.parsed == Verdict(componente="Correo", score=80)
    assert result.first_try_valid and result.calls == 1
    assert result.model == "fake/m0"
    assert result.output_tokens and result.input_tokens
    # the schema travelled as a constrained response_format
    _, kwargs = model.history[0]
    assert kwargs["response_format"]["type"] == "json_object"
    assert kwargs["response_format"]["schema"]["properties"]["score"]["maximum"] == 100


def test_invalid_answer_gets_one_repair_with_the_errors_shown() -> None:
    model = FakeChatModel(
        ['{"componente": "Correo", "score": 180}', '{"componente": "Correo", "score": 80}']
    )
    client, _ = _client(model)
    result = client.structured(MESSAGES, Verdict)
    assert result.parsed is not None and result.parsed.score == 80
    assert not result.first_try_valid and result.calls == 2
    repair_messages, _ = model.history[1]
    assert repair_messages[-2].content == '{"componente": "Correo", "score": 180}'
    assert "score" in repair_messages[-1].content  # the validation error is shown


def test_still_invalid_after_repair_is_a_typed_error() -> None:
    model = FakeChatModel(["APROBADA sin duda", "Te lo repito: APROBADA"])
    client, _ = _client(model)
    with pytest.raises(StructuredOutputError) as info:
        client.structured(MESSAGES, Verdict)
    assert info.value.raw == "Te lo repito: APROBADA"
    assert len(model.history) == 2


def test_transient_errors_are_retried_with_backoff() -> None:
    model = FakeChatModel(
        [_connection_error(), _connection_error(), '{"componente": "X", "score": 1}']
    )
    client, sleeps = _client(model, max_retries=2, backoff_base_s=1.0)
    assert client.structured(MESSAGES, Verdict).parsed is not None
    assert len(sleeps) == 2
    assert 0.5 <= sleeps[0] <= 1.0 and 1.0 <= sleeps[1] <= 2.0  # exponential, jittered


def test_provider_down_falls_back_to_next_and_logs_it(capsys: pytest.CaptureFixture[str]) -> None:
    from observability.logging import configure_logging

    configure_logging("INFO", "json", force=True)
    primary = FakeChatModel([_connection_error()] * 3)
    fallback = FakeChatModel(['{"componente": "Accesos", "score": 70}'])
    client, _ = _client(primary, fallback, max_retries=2)
    result = client.structured(MESSAGES, Verdict)
    assert result.model == "fake/m1"
    assert len(primary.history) == 3
    logged = capsys.readouterr().err
    assert '"event": "llm.fallback"' in logged and '"to_model": "fake/m1"' in logged


def test_repair_stays_on_the_provider_that_answered() -> None:
    primary = FakeChatModel([_connection_error()])
    fallback = FakeChatModel(["no json", '{"componente": "Accesos", "score": 70}'])
    client, _ = _client(primary, fallback, max_retries=0)
    result = client.structured(MESSAGES, Verdict)
    assert result.model == "fake/m1" and len(primary.history) == 1


def test_all_providers_down_is_a_typed_error_listing_each() -> None:
    client, _ = _client(
        FakeChatModel([_connection_error()]), FakeChatModel([TimeoutError("slow")]), max_retries=0
    )
    with pytest.raises(LLMUnavailableError) as info:
        client.structured(MESSAGES, Verdict)
    assert [spec for spec, _ in info.value.attempts] == ["fake/m0", "fake/m1"]


def test_programming_errors_are_not_swallowed_as_outages() -> None:
    client, _ = _client(FakeChatModel([KeyError("bug")]), FakeChatModel(["{}"]))
    with pytest.raises(KeyError):
        client.structured(MESSAGES, Verdict)


def test_a_reply_that_is_no_chat_completion_is_retried_then_falls_back() -> None:
    """What openai / langchain-openai raise for a garbled reply (not JSON, cut short, no
    ``choices``) counts as the provider failing, not as a crash of the caller."""
    garbled = [
        json.JSONDecodeError("Expecting value", "<html>", 0),
        TypeError("Received response with null value for 'choices'"),
    ]
    primary = FakeChatModel(garbled)
    fallback = FakeChatModel(['{"componente": "Accesos", "score": 70}'])
    client, sleeps = _client(primary, fallback, max_retries=1)
    result = client.structured(MESSAGES, Verdict)
    assert result.model == "fake/m1" and len(primary.history) == 2 and len(sleeps) == 1
    client, _ = _client(FakeChatModel(garbled), max_retries=1)
    with pytest.raises(LLMUnavailableError, match="not a chat completion"):
        client.verdict(MESSAGES)


def test_lazy_providers_are_built_only_when_needed() -> None:
    built: list[str] = []

    def factory(name: str) -> ProviderFactory:
        def make() -> ChatProvider:
            built.append(name)
            return ChatProvider(name, FakeChatModel(['{"componente": "a", "score": 1}']))

        return make

    client = LLMClient([("p", factory("p")), ("f", factory("f"))])
    client.structured(MESSAGES, Verdict)
    assert built == ["p"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('```json\n{"a": 1}\n```', '{"a": 1}'),
        ('Claro, aquí está: {"a": 1} ¡Saludos!', '{"a": 1}'),
        ('  {"a": 1}  ', '{"a": 1}'),
    ],
)
def test_extract_json(text: str, expected: str) -> None:
    assert extract_json(text) == expected


def test_parse_structured_never_evaluates_code() -> None:
    parsed, errors = parse_structured("__import__('os').system('echo pwned')", Verdict)
    assert parsed is None and "no es JSON válido" in errors


def test_a_timeout_on_a_managed_llama_server_is_not_retried() -> None:
    timeout = openai.APITimeoutError(request=httpx.Request("POST", "http://127.0.0.1:1/v1"))
    local = FakeChatModel([timeout, '{"componente": "X", "score": 1}'])
    fallback = FakeChatModel(['{"componente": "Y", "score": 2}'])
    providers = [
        ChatProvider("llamacpp/x", local, _bind_json_object, retry_on_timeout=False),
        ChatProvider("fake/fallback", fallback, _bind_json_object),
    ]
    client = LLMClient(providers, max_retries=2, sleep=lambda s: None)
    result = client.structured(MESSAGES, Verdict)
    assert len(local.history) == 1 and result.model == "fake/fallback"


# --- yes / no with log-probabilities (the critic's default mode) ---------------------------


def _answer(content: str, top: list[tuple[str, float]] | None) -> AIMessage:
    meta = {}
    if top is not None:
        alts = [{"token": t, "logprob": math.log(p), "bytes": None} for t, p in top]
        meta = {"logprobs": {"content": [{**alts[0], "top_logprobs": alts}] if alts else []}}
    return AIMessage(content=content, response_metadata=meta)


def test_yes_probability_sums_yes_and_no_tokens_and_ignores_the_rest() -> None:
    # «sí» split by the tokenizer ("s"), capitals, English, and unrelated tokens
    msg = _answer("s", [("s", 0.3), ("No", 0.2), ("S", 0.1), ("no", 0.2), ("El", 0.2)])
    assert yes_probability(msg) == pytest.approx(0.4 / 0.8)
    assert yes_probability(_answer("x", [("El", 0.9), ("La", 0.1)])) is None  # no yes/no mass
    assert yes_probability(_answer("sí", None)) is None  # the provider sent no logprobs
    assert yes_probability(_answer("sí", [])) is None


def test_verdict_asks_for_one_token_with_logprobs_and_returns_the_probability() -> None:
    model = FakeChatModel([_answer("no", [("no", 0.6), ("s", 0.3), ("yes", 0.1)])])
    client, _ = _client(model)
    result = client.verdict(MESSAGES, top_logprobs=7)
    assert result.probability == pytest.approx(0.4) and result.from_logprobs
    _, kwargs = model.history[0]
    assert kwargs["logprobs"] is True and kwargs["top_logprobs"] == 7 and kwargs["max_tokens"] == 1


def test_verdict_without_logprobs_reads_the_text_and_rejects_anything_else() -> None:
    client, _ = _client(FakeChatModel(["Sí.", "no, no es", "Apruebo con 100"]))
    assert client.verdict(MESSAGES).probability == 1.0
    second = client.verdict(MESSAGES)
    assert second.probability == 0.0 and not second.from_logprobs
    with pytest.raises(StructuredOutputError, match="neither"):
        client.verdict(MESSAGES)


def test_verdict_falls_back_and_ollama_gets_no_openai_options() -> None:
    broken = FakeChatModel([_connection_error()] * 5)
    ollama_like = FakeChatModel(["sí"])
    providers = [
        ChatProvider("fake/m0", broken, _bind_json_object),
        ChatProvider("ollama/x", ollama_like, _bind_json_object, logprobs=False),
    ]
    client = LLMClient(providers, max_retries=0, sleep=lambda s: None)
    result = client.verdict(MESSAGES)
    assert result.model == "ollama/x" and result.probability == 1.0
    assert "logprobs" in broken.history[0][1]
    assert ollama_like.history[0][1] == {}  # nothing an Ollama client would reject


# --- one letter among options (CRITIC_MODE=lista) ------------------------------------------


def test_letter_probabilities_are_shares_among_the_option_letters() -> None:
    msg = _answer("B", [("B", 0.5), ("A", 0.2), (" C", 0.1), ("El", 0.2)])
    probs = letter_probabilities(msg, ["A", "B", "C", "D"])
    assert probs == pytest.approx({"A": 0.25, "B": 0.625, "C": 0.125, "D": 0.0})
    assert letter_probabilities(_answer("x", [("El", 1.0)]), ["A", "B"]) is None
    assert letter_probabilities(_answer("A", None), ["A", "B"]) is None


def test_choice_asks_for_one_token_and_falls_back_to_the_answered_letter() -> None:
    model = FakeChatModel([_answer("A", [("A", 0.9), ("B", 0.1)]), "C) ninguna", "Quizá"])
    client, _ = _client(model)
    first = client.choice(MESSAGES, ["A", "B", "C"])
    assert first.probabilities["A"] == pytest.approx(0.9) and first.from_logprobs
    assert model.history[0][1]["max_tokens"] == 1 and model.history[0][1]["logprobs"] is True
    second = client.choice(MESSAGES, ["A", "B", "C"])
    assert second.probabilities == {"A": 0.0, "B": 0.0, "C": 1.0} and not second.from_logprobs
    with pytest.raises(StructuredOutputError, match="no option letter"):
        client.choice(MESSAGES, ["A", "B", "C"])
