"""The one factory for chat models: spec string in, configured LangChain chat model out.

Each provider also knows how to ask its server for schema-constrained JSON, because they differ:

* ``llamacpp``: ``response_format={"type": "json_object", "schema": ...}`` (llama-cpp-python
  turns the schema into a grammar; it rejects ``json_schema``),
* ``openai`` / ``openai-compatible`` (vLLM, ...): ``response_format={"type": "json_schema", ...}``,
* ``ollama``: ``format=<schema>``.

A provider whose server is not on this machine gets its messages redacted
(``REDACT_REMOTE_PROMPTS``, on by default): personal data never leaves the machine, while the
engine keeps the real identifiers, which it takes from the incident, never from the model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from langchain_core.runnables import Runnable
from langchain_openai import ChatOpenAI
from pydantic import SecretStr

from adapters.http_service import LOOPBACK, normalise_host
from adapters.llm import assembly
from adapters.llm.lora import AdapterInfo, check_recorded_base, read_adapter, validate_adapter
from adapters.llm.registry import ModelEntry, get_model
from adapters.llm.server import MODEL_ALIAS, SPAN_ROUTE, LlamaServer, get_server
from adapters.llm.specs import ModelSpec, parse_spec
from config import Settings
from errors import ConfigError, LoraAdapterError, ModelNotFoundError
from observability.redaction import redact

#: where the ``openai`` provider sends requests when OPENAI_BASE_URL is not set
OPENAI_DEFAULT_URL = "https://api.openai.com/v1"

StructuredBinder = Callable[[BaseChatModel, dict[str, Any], str], Runnable[Any, Any]]


def _bind_json_object(model: BaseChatModel, schema: dict[str, Any], name: str) -> Runnable:
    return model.bind(response_format={"type": "json_object", "schema": schema})


def _bind_json_schema(model: BaseChatModel, schema: dict[str, Any], name: str) -> Runnable:
    return model.bind(
        response_format={
            "type": "json_schema",
            "json_schema": {"name": name, "schema": schema, "strict": False},
        }
    )


def _bind_ollama_format(model: BaseChatModel, schema: dict[str, Any], name: str) -> Runnable:
    return model.bind(format=schema)


def _bind_nothing(model: BaseChatModel, schema: dict[str, Any], name: str) -> Runnable:
    return model


@dataclass
class ChatProvider:
    """A ready chat model plus how to constrain it to a JSON schema."""

    spec: str
    model: BaseChatModel
    bind_schema: StructuredBinder = field(default=_bind_nothing)
    server: LlamaServer | None = None
    #: A managed llama.cpp server keeps working on a request whose client timed out; retrying
    #: would only queue behind it, so a timeout there goes straight to the fallback.
    retry_on_timeout: bool = True
    #: The chat API returns token log-probabilities (OpenAI-style ``logprobs``/``top_logprobs``).
    logprobs: bool = True
    #: Personal data is redacted from every message before it is sent (a remote server).
    redact_prompts: bool = False
    #: The server's route for the log-probabilities of a span of the prompt
    #: (:mod:`adapters.llm.llama_server`, or ``resolvia serve-llm`` in front of one); None:
    #: the provider cannot give them. A server without the route answers 404 (see
    #: :meth:`adapters.llm.client.LLMClient.span_logprobs`).
    span_url: str | None = None
    #: the bearer token for that route (an ``openai-compatible`` server's OPENAI_API_KEY)
    span_token: SecretStr | None = None

    def verdict_options(self, top_logprobs: int) -> dict[str, Any]:
        """Call options for a one-token yes/no answer with its log-probabilities."""
        if not self.logprobs:
            return {}
        return {"logprobs": True, "top_logprobs": top_logprobs, "max_tokens": 1}

    def structured(self, schema: dict[str, Any], name: str) -> Runnable[Any, Any]:
        return self.bind_schema(self.model, schema, name)

    def outgoing(self, messages: Sequence[BaseMessage]) -> list[BaseMessage]:
        """The messages as they may leave for this provider's server."""
        if not self.redact_prompts:
            return list(messages)
        return [m.model_copy(update={"content": _redact_content(m.content)}) for m in messages]


def _redact_content(content: str | list[str | dict[str, Any]]) -> Any:
    """Text redacted; other parts of a multi-part message (an image's data) left as they are."""
    if isinstance(content, str):
        return redact(content)
    parts: list[str | dict[str, Any]] = []
    for part in content:
        if isinstance(part, str):
            parts.append(redact(part))
        elif part.get("type") == "text" and isinstance(part.get("text"), str):
            parts.append({**part, "text": redact(part["text"])})
        else:
            parts.append(part)
    return parts


def span_url_of(base_url: str) -> str:
    """The span log-probability route of the llama.cpp server whose OpenAI API is at
    ``base_url`` (``…/v1``)."""
    return base_url.rstrip("/").removesuffix("/v1") + SPAN_ROUTE


def is_local_url(url: str) -> bool:
    """Whether ``url`` names this machine (localhost, 127.0.0.0/8, ::1)."""
    return normalise_host(urlsplit(url).hostname or "") == LOOPBACK


def redacts(url: str, settings: Settings) -> bool:
    """Whether messages to a server at ``url`` are redacted (REDACT_REMOTE_PROMPTS)."""
    return settings.REDACT_REMOTE_PROMPTS and not is_local_url(url)


def resolve_gguf(spec: ModelSpec, settings: Settings) -> Path:
    """Path of the GGUF for a ``llamacpp/…`` spec: a registry name or a path to a file."""
    if spec.model.endswith(".gguf") or spec.model.startswith("/"):
        path = Path(spec.model).expanduser()
        if not path.exists():
            raise ModelNotFoundError(f"GGUF file not found: {path}")
        return path
    entry = get_model(spec.model)
    if entry.provider != "llamacpp":
        raise ModelNotFoundError(f"{entry.name} is a {entry.provider} model, not a llamacpp one")
    path = entry.file_path(settings.MODELS_DIR)
    if not assembly.is_ready(entry, settings.MODELS_DIR):
        result = assembly.verify(entry, settings.MODELS_DIR, full=False)
        if not result.ok:
            raise ModelNotFoundError(
                f"model {entry.name} is {result.status} at {path} ({result.detail}). "
                f"Run `make install` or `python main.py models pull {entry.name}`."
            )
    return path


class LegacyMaxTokensChatOpenAI(ChatOpenAI):
    """ChatOpenAI sends ``max_completion_tokens``; llama-cpp-python (and some other
    OpenAI-compatible servers) only honour ``max_tokens`` and would otherwise generate
    without a cap."""

    def _get_request_payload(self, input_: Any, *, stop: Any = None, **kwargs: Any) -> dict:
        payload = super()._get_request_payload(input_, stop=stop, **kwargs)
        if "max_completion_tokens" in payload:
            payload["max_tokens"] = payload.pop("max_completion_tokens")
        return payload


def _openai_chat(
    model: str,
    base_url: str | None,
    api_key: SecretStr,
    settings: Settings,
    *,
    legacy_max_tokens: bool = False,
) -> Any:
    cls = LegacyMaxTokensChatOpenAI if legacy_max_tokens else ChatOpenAI
    return cls(
        model=model,
        base_url=base_url,
        api_key=api_key,
        temperature=settings.LLM_TEMPERATURE,
        max_completion_tokens=settings.LLM_MAX_TOKENS,
        timeout=settings.LLM_TIMEOUT_S,
        max_retries=0,  # retries and backoff are ours (adapters.llm.client), in one place
    )


def adapter_of(spec: ModelSpec, setting: Path | None) -> Path | None:
    """The LoRA adapter to serve with ``spec``: its ``+lora=`` part, else ``setting``
    (LLM_LORA_ADAPTER). Two different adapters for one model is a mistake, not a choice.

    Raises :class:`LoraAdapterError` naming both files.
    """
    if spec.lora is None:
        return setting
    own = Path(spec.lora).expanduser()
    if setting is not None and own.resolve() != setting.expanduser().resolve():
        raise LoraAdapterError(
            f"the model {spec} names the LoRA adapter {own} and LLM_LORA_ADAPTER names "
            f"{setting}: keep one of them"
        )
    return own


def check_lora_adapter(settings: Settings, model: str | None = None) -> AdapterInfo | None:
    """At start-up: the LoRA adapter (the model's ``+lora=`` or LLM_LORA_ADAPTER) checked
    against the model it will be applied to (``model`` or LLM_MODEL), before any server
    starts; None when there is no adapter.

    Raises :class:`LoraAdapterError` (the engine refuses to start) naming the adapter file.
    """
    spec = parse_spec(model or settings.LLM_MODEL)
    adapter = adapter_of(spec, settings.LLM_LORA_ADAPTER)
    if adapter is None:
        return None
    if spec.provider != "llamacpp":
        raise LoraAdapterError(
            f"LLM_LORA_ADAPTER={adapter} is applied by the managed llama.cpp "
            f"server only; the model {spec} is not a llamacpp one: empty LLM_LORA_ADAPTER or "
            f"use a llamacpp model"
        )
    return validate_lora(spec, adapter, settings)


def _registry_entry(spec: ModelSpec) -> ModelEntry | None:
    """The registry's entry of a ``llamacpp/<name>`` spec; None for a path to a file."""
    if spec.model.endswith(".gguf") or spec.model.startswith("/"):
        return None
    return get_model(spec.model)


def validate_lora(spec: ModelSpec, adapter: Path, settings: Settings) -> AdapterInfo:
    """``adapter`` checked against the model of the llamacpp ``spec``: the base model it
    records (a registry model's name and SHA-256), then its tensors against the GGUF file.

    Raises :class:`LoraAdapterError` naming the adapter file.
    """
    base_file = resolve_gguf(spec, settings)
    entry = _registry_entry(spec)
    if entry is not None:
        check_recorded_base(read_adapter(adapter)[0], entry.name, entry.sha256)
    return validate_adapter(adapter, base_file)


def build_chat_provider(
    spec_text: str, settings: Settings, *, lora_adapter: Path | None = None
) -> ChatProvider:
    """Build the chat model for a spec. For ``llamacpp`` this starts (or reuses) the server
    for that model and adapter (the spec's ``+lora=``, else ``lora_adapter``), applied on
    top of the model (llamacpp only)."""
    spec = parse_spec(spec_text)
    lora_adapter = adapter_of(spec, lora_adapter)
    if lora_adapter is not None and spec.provider != "llamacpp":
        raise LoraAdapterError(
            f"the LoRA adapter {lora_adapter} is applied by the managed llama.cpp server only; "
            f"{spec} is not a llamacpp model"
        )
    if spec.provider == "llamacpp":
        shared = settings.LLAMACPP_SERVER_URLS.get(str(spec))
        if shared is not None:  # a server another process runs (the parent of the workers)
            model = _openai_chat(
                MODEL_ALIAS, shared, SecretStr("local"), settings, legacy_max_tokens=True
            )
            return ChatProvider(
                str(spec),
                model,
                _bind_json_object,
                retry_on_timeout=False,
                span_url=span_url_of(shared),
            )
        server = get_server(
            resolve_gguf(spec, settings),
            n_ctx=settings.LLM_N_CTX,
            n_threads=settings.LLM_N_THREADS,
            start_timeout_s=settings.LLM_SERVER_START_TIMEOUT_S,
            log_dir=settings.logs_dir,
            lora_path=lora_adapter,
        )
        model = _openai_chat(
            MODEL_ALIAS, server.base_url, SecretStr("local"), settings, legacy_max_tokens=True
        )
        return ChatProvider(
            str(spec),
            model,
            _bind_json_object,
            server,
            retry_on_timeout=False,
            span_url=span_url_of(server.base_url),
        )
    if spec.provider == "openai":
        if settings.OPENAI_API_KEY is None:
            raise ConfigError(f"{spec}: set OPENAI_API_KEY in the environment")
        model = _openai_chat(
            spec.model, settings.OPENAI_BASE_URL, settings.OPENAI_API_KEY, settings
        )
        url = settings.OPENAI_BASE_URL or OPENAI_DEFAULT_URL
        return ChatProvider(
            str(spec), model, _bind_json_schema, redact_prompts=redacts(url, settings)
        )
    if spec.provider == "openai-compatible":
        assert spec.base_url is not None  # parse_spec requires it
        key = settings.OPENAI_API_KEY or SecretStr("none")
        model = _openai_chat(spec.model, spec.base_url, key, settings, legacy_max_tokens=True)
        return ChatProvider(
            str(spec),
            model,
            _bind_json_schema,
            redact_prompts=redacts(spec.base_url, settings),
            # `resolvia serve-llm` in front of a llama.cpp model has the route; vLLM has not
            span_url=span_url_of(spec.base_url),
            span_token=key,
        )
    # ollama
    from langchain_ollama import ChatOllama

    ollama = ChatOllama(
        model=spec.model,
        base_url=settings.OLLAMA_BASE_URL,
        temperature=settings.LLM_TEMPERATURE,
        num_predict=settings.LLM_MAX_TOKENS,
        num_ctx=settings.LLM_N_CTX,
        client_kwargs={"timeout": settings.LLM_TIMEOUT_S},
    )
    # langchain-ollama takes no OpenAI-style logprobs options: yes/no comes from the text.
    return ChatProvider(
        str(spec),
        ollama,
        _bind_ollama_format,
        logprobs=False,
        redact_prompts=redacts(settings.OLLAMA_BASE_URL, settings),
    )
