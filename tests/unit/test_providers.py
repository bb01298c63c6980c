"""The provider factory builds the right client for each spec (nothing is contacted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_core.messages import HumanMessage

from adapters.llm.providers import LegacyMaxTokensChatOpenAI, build_chat_provider
from config import load_settings
from errors import ConfigError, ModelNotFoundError


def test_llama_cpp_payload_caps_generation_with_max_tokens() -> None:
    # langchain-openai renames max_tokens to max_completion_tokens, which llama-cpp-python
    # ignores: without this the local model would generate until its context is full.
    model = LegacyMaxTokensChatOpenAI(
        model="local", api_key="x", base_url="http://127.0.0.1:1/v1", max_tokens=77
    )  # type: ignore[call-arg]
    payload = model._get_request_payload([HumanMessage(content="hola")])
    assert payload["max_tokens"] == 77
    assert "max_completion_tokens" not in payload


def test_openai_needs_an_api_key() -> None:
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        build_chat_provider("openai/gpt-4o-mini", load_settings())


def test_openai_compatible_uses_the_given_base_url_and_json_schema() -> None:
    provider = build_chat_provider(
        "openai-compatible/qwen@http://127.0.0.1:8000/v1", load_settings(LLM_MAX_TOKENS=99)
    )
    bound = provider.structured({"type": "object"}, "Answer")
    assert str(provider.model.openai_api_base) == "http://127.0.0.1:8000/v1"
    assert bound.kwargs["response_format"]["type"] == "json_schema"  # type: ignore[attr-defined]
    payload = provider.model._get_request_payload([HumanMessage(content="x")])
    assert payload["max_tokens"] == 99


def test_ollama_constrains_with_format() -> None:
    provider = build_chat_provider("ollama/gemma3", load_settings())
    bound = provider.structured({"type": "object", "properties": {}}, "Answer")
    assert bound.kwargs["format"] == {"type": "object", "properties": {}}  # type: ignore[attr-defined]


def test_llamacpp_with_a_missing_model_says_how_to_get_it(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match=r"models pull qwen2\.5-coder-0\.5b"):
        build_chat_provider("llamacpp/qwen2.5-coder-0.5b", load_settings(MODELS_DIR=tmp_path))


def test_llamacpp_with_an_unknown_gguf_path(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="not found"):
        build_chat_provider(f"llamacpp/{tmp_path}/nope.gguf", load_settings())


def test_llamacpp_uses_a_server_another_process_runs(tmp_path: Path) -> None:
    # `resolvia run --workers` starts one llama.cpp server and hands its URL to the workers:
    # they must neither start a model of their own nor need its file
    settings = load_settings(
        MODELS_DIR=tmp_path,
        LLAMACPP_SERVER_URLS={"llamacpp/qwen2.5-coder-0.5b": "http://127.0.0.1:8123/v1"},
    )
    provider = build_chat_provider("llamacpp/qwen2.5-coder-0.5b", settings)
    assert str(provider.model.openai_api_base) == "http://127.0.0.1:8123/v1"
    assert provider.server is None
    bound = provider.structured({"type": "object"}, "Answer")
    assert bound.kwargs["response_format"]["type"] == "json_object"  # type: ignore[attr-defined]
    with pytest.raises(ModelNotFoundError):  # another llamacpp model is not covered by it
        build_chat_provider("llamacpp/qwen2.5-coder-1.5b", settings)
