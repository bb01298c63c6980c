"""Parsing of model specs: ``provider/model[@base_url]``, and ``llamacpp/model[+lora=ADAPTER]``.

Examples::

    llamacpp/qwen2.5-coder-1.5b           bundled GGUF served by a managed llama.cpp server
    llamacpp//abs/path/model.gguf         any local GGUF file
    llamacpp/qwen2.5-coder-0.5b+lora=/path/adapter.gguf
                                          the same, with a llama.cpp LoRA adapter on top
    ollama/gemma3                         an Ollama server (OLLAMA_BASE_URL)
    openai/gpt-4o-mini                    OpenAI (OPENAI_API_KEY)
    openai-compatible/qwen2.5@http://127.0.0.1:8000/v1   vLLM or any OpenAI-compatible server
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from errors import ModelSpecError

Provider = Literal["llamacpp", "ollama", "openai", "openai-compatible"]
PROVIDERS: tuple[Provider, ...] = ("llamacpp", "ollama", "openai", "openai-compatible")
#: what separates a llamacpp model from the LoRA adapter applied on top of it. ``+`` never
#: starts a provider, a registry name or a URL, so ``+lora=`` cannot be read two ways.
LORA_MARK = "+lora="


@dataclass(frozen=True)
class ModelSpec:
    """A parsed model spec."""

    provider: Provider
    model: str
    base_url: str | None = None
    #: a llama.cpp LoRA adapter (GGUF path) the managed server applies on top (llamacpp only)
    lora: str | None = None

    def __str__(self) -> str:
        suffix = f"@{self.base_url}" if self.base_url else ""
        lora = f"{LORA_MARK}{self.lora}" if self.lora else ""
        return f"{self.provider}/{self.model}{suffix}{lora}"

    def without_lora(self) -> ModelSpec:
        """The same model served alone."""
        return replace(self, lora=None)


def parse_spec(spec: str) -> ModelSpec:
    """Parse ``provider/model[@base_url]`` (``llamacpp/model[+lora=ADAPTER]``); raise
    :class:`ModelSpecError` with a clear reason."""
    text = spec.strip()
    provider, sep, rest = text.partition("/")
    if not sep or not rest:
        raise ModelSpecError(
            f"model spec {spec!r} must look like provider/model, "
            f"with provider one of {', '.join(PROVIDERS)}"
        )
    if provider not in PROVIDERS:
        raise ModelSpecError(
            f"unknown provider {provider!r} in {spec!r}; use one of {', '.join(PROVIDERS)}"
        )
    lora: str | None = None
    if LORA_MARK in rest:
        if provider != "llamacpp":
            raise ModelSpecError(
                f"{spec!r}: only llamacpp specs take {LORA_MARK}<adapter.gguf> (the managed "
                "llama.cpp server applies it)"
            )
        rest, _, lora = rest.partition(LORA_MARK)
        if not rest or not lora.strip():
            raise ModelSpecError(
                f"{spec!r}: write llamacpp/<model>{LORA_MARK}<path to adapter.gguf>, e.g. "
                f"llamacpp/qwen2.5-coder-0.5b{LORA_MARK}/path/adapter.gguf"
            )
        lora = lora.strip()
    base_url: str | None = None
    model = rest
    if provider == "openai-compatible":
        model, at, base_url = rest.rpartition("@")
        if not at or not model or not base_url.startswith(("http://", "https://")):
            raise ModelSpecError(
                f"{spec!r}: openai-compatible needs <model>@<base_url>, "
                "e.g. openai-compatible/qwen2.5@http://127.0.0.1:8000/v1"
            )
    elif "@" in rest:
        raise ModelSpecError(f"{spec!r}: only openai-compatible specs take an @base_url")
    return ModelSpec(provider=provider, model=model, base_url=base_url, lora=lora)
