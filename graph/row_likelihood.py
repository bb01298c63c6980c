"""How much likelier the model finds a knowledge-base row after reading the incident.

The critic's prompt shows the incident, then the row (``<problema_conocido>``), then asks
«¿sí o no?». Reading that prompt, the model also predicts every token of the row from what came
before it. ``row_pmi`` is the mean log-probability per row token given the incident, less the
same given no incident («(sin texto)»): a pointwise mutual information between the incident and
the row. A row the incident talks about gets a positive value; a row that only shares the topic
gets little. It is a feature of the confidence model (feature set v5), measured on dev
(``bench/row_likelihood.py``) to rank right rows above wrong ones better than the critic's
P(«sí») alone.

It costs almost nothing: the managed llama.cpp server keeps the logits of the critic's request,
so the row's log-probabilities are read from it (:mod:`adapters.llm.llama_server`). The
baseline, the row given no incident, depends only on the model, the prompt and the row: it is
computed once per row and kept on disk (``DATA_DIR/row_likelihood/``).

Only the managed llama.cpp server gives these numbers (directly, or through ``resolvia
serve-llm`` in front of it). With another provider the feature is absent, and a confidence
model that needs it is refused at start-up (:func:`check_row_likelihood`).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import structlog

from adapters.confidence_registry import ConfidenceChoice
from adapters.llm.client import NO_SPAN_ROUTE, LLMClient
from adapters.llm.providers import span_url_of
from adapters.llm.server import SPAN_ROUTE
from adapters.llm.specs import parse_spec
from config import Settings
from domain.confidence import ConfidenceModel
from errors import ConfigError, LLMError
from prompts.loader import Prompt

log = structlog.get_logger(__name__)

ROW_OPEN, ROW_CLOSE = "<problema_conocido>\n", "\n</problema_conocido>"
#: the incident the baseline is computed with
NO_INCIDENT = "(sin texto)"
FEATURE = "row_pmi"


@dataclass(frozen=True)
class RowLikelihood:
    """``row_pmi`` of one row for one incident, or why there is none."""

    pmi: float | None
    error: str | None = None


class RowBaselines:
    """Mean log-probability per token of each row given no incident, computed once per model,
    prompt and row text, kept in memory and, with ``folder``, on disk."""

    def __init__(self, folder: Path | None, model_tag: str = "") -> None:
        self.folder = folder
        #: what else makes the model (a LoRA adapter and its version) beside the model's spec
        self.model_tag = model_tag
        self._memory: dict[str, float] = {}
        self._lock = threading.Lock()

    def key(self, model: str, prompt: Prompt, values: dict[str, str]) -> str:
        text = json.dumps([model, self.model_tag, prompt.id, prompt.sha256, sorted(values.items())])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]

    def get(self, key: str) -> float | None:
        with self._lock:
            if key in self._memory:
                return self._memory[key]
        if self.folder is None:
            return None
        path = self.folder / f"{key}.json"
        try:
            value = float(json.loads(path.read_text(encoding="utf-8"))["mean_logprob"])
        except (OSError, ValueError, KeyError, TypeError):
            return None  # absent or unreadable: computed again
        with self._lock:
            self._memory[key] = value
        return value

    def put(self, key: str, value: float, model: str, prompt: Prompt) -> None:
        with self._lock:
            self._memory[key] = value
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{key}.json"
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        record = {"mean_logprob": value, "model": model, "prompt": prompt.id}
        tmp.write_text(json.dumps(record), encoding="utf-8")
        tmp.replace(path)


def row_likelihood(
    llm: LLMClient, baselines: RowBaselines, prompt: Prompt, values: dict[str, str]
) -> RowLikelihood:
    """``row_pmi`` of the row in ``values`` for the incident in ``values["incidencia"]``, with
    the messages the critic was just asked (so the server's logits of that request serve)."""
    try:
        own = llm.span_logprobs(prompt.render(**values), ROW_OPEN, ROW_CLOSE)
        if own is None:  # a provider that cannot: the feature is absent, nothing failed
            return RowLikelihood(None)
        base = baseline(llm, baselines, prompt, values)
        if base is None:  # pragma: no cover - the same provider answered just before
            return RowLikelihood(None, "no baseline")
    except LLMError as exc:
        log.warning("row_likelihood.failed", error=str(exc)[:300])
        return RowLikelihood(None, f"row likelihood: {exc}"[:300])
    return RowLikelihood(round(own.mean - base, 4))


def baseline(
    llm: LLMClient, baselines: RowBaselines, prompt: Prompt, values: dict[str, str]
) -> float | None:
    """The row's mean log-probability per token given no incident, measured once (None when
    the provider cannot measure it). Raises LLMError when the server fails."""
    empty = {**values, "incidencia": NO_INCIDENT}
    key = baselines.key(llm.primary_spec, prompt, empty)
    value = baselines.get(key)
    if value is None:
        result = llm.span_logprobs(prompt.render(**empty), ROW_OPEN, ROW_CLOSE)
        if result is None:
            return None
        value = result.mean
        baselines.put(key, value, llm.primary_spec, prompt)
    return value


def model_tag(adapter: Path | None) -> str:
    """The LoRA adapter a model is served with, as part of the baselines' key."""
    if adapter is None:
        return ""
    try:
        stat = adapter.stat()
    except OSError:
        return str(adapter)
    return f"{adapter.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"


def needs_row_likelihood(model: ConfidenceModel) -> bool:
    return model.uses(FEATURE)


def check_row_likelihood(
    settings: Settings, confidence: ConfidenceChoice, model: str | None = None
) -> None:
    """At start-up: a confidence model that uses ``row_pmi`` needs a primary model (``model``
    or LLM_MODEL) that gives prompt log-probabilities: the managed llama.cpp server, or
    ``resolvia serve-llm`` in front of one (an ``openai-compatible`` server, asked once here).
    Raises ConfigError naming the confidence model otherwise."""
    if confidence.model is None or settings.CRITIC_MODE != "probabilidad":
        return
    if not needs_row_likelihood(confidence.model):
        return
    spec = parse_spec(model or settings.LLM_MODEL)
    if spec.provider == "llamacpp":
        return
    why = f"the model {spec} is a {spec.provider} one"
    if spec.provider == "openai-compatible" and spec.base_url:
        answer = _probe(span_url_of(spec.base_url), settings)
        if answer is None:
            return
        why = f"the server of {spec} {answer}"
    raise ConfigError(
        f"the confidence model {confidence.describe()} uses {FEATURE}, the log-probability of "
        f"the knowledge-base row in the critic's prompt, which only a managed llama.cpp model "
        f"gives (directly, or through `resolvia serve-llm`); {why}: use a llamacpp model, or "
        f"set CONFIDENCE_MODEL=critico"
    )


def _probe(url: str, settings: Settings) -> str | None:
    """None when ``url`` answers span requests (or cannot be reached now: each critique will
    then say so); else what it answered."""
    key = settings.OPENAI_API_KEY.get_secret_value() if settings.OPENAI_API_KEY else "none"
    body: dict[str, Any] = {"messages": [{"role": "user", "content": "a\n<r>\nb c\n</r>"}]}
    body |= {"open": "<r>\n", "close": "\n</r>"}
    try:
        reply = httpx.post(url, json=body, headers={"Authorization": f"Bearer {key}"}, timeout=30.0)
    except httpx.HTTPError as exc:
        log.warning("row_likelihood.probe_failed", url=url, error=str(exc)[:200])
        return None
    if reply.status_code in NO_SPAN_ROUTE:
        return f"has no {SPAN_ROUTE} route for it (HTTP {reply.status_code})"
    return None
