"""Resolvia's error hierarchy, in one place.

Expected failures (a model that does not answer, output that does not parse, a missing model
file) are subclasses of :class:`ResolviaError`; the graph turns them into state it routes on and
the CLIs into a message and a non-zero exit code. Anything else is a bug and propagates.
"""

from __future__ import annotations

from enum import StrEnum


class ResolviaError(Exception):
    """Base class of every expected failure."""


class ConfigError(ResolviaError):
    """A setting is missing or has a bad value."""


class ModelSpecError(ResolviaError, ValueError):
    """A model spec such as ``llamacpp/qwen2.5-coder-1.5b`` cannot be understood."""


class ModelNotFoundError(ResolviaError):
    """A model is not in the registry, or its file is not where it should be."""


class ModelIntegrityError(ResolviaError):
    """A model file exists but its size or SHA-256 does not match the registry."""


class DownloadUnavailableError(ResolviaError):
    """A model or data set would have to be downloaded and that is not possible/allowed here."""


class LLMError(ResolviaError):
    """Base class of failures talking to a language model."""


class LLMServerError(LLMError):
    """A managed llama.cpp server could not be started or died."""


class LLMUnavailableError(LLMError):
    """Every provider in the chain failed with transient errors (down, timeout, 5xx)."""

    def __init__(self, message: str, attempts: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message)
        #: (model spec, error) per provider tried, in order.
        self.attempts = attempts or []


class StructuredOutputError(LLMError):
    """The model's answer did not validate against the schema, even after one repair."""

    def __init__(self, message: str, raw: str, validation_errors: str) -> None:
        super().__init__(message)
        self.raw = raw
        self.validation_errors = validation_errors


class LoraAdapterError(ResolviaError):
    """A LoRA adapter (LLM_LORA_ADAPTER) is missing, corrupt or made for another base model.

    Deliberately not an :class:`LLMError`: the engine must refuse to start rather than fall
    back to another model and serve without the adapter.
    """


class LoraTrainingError(ResolviaError):
    """A LoRA fine-tuning run cannot start or go on: unusable training data, a base model
    that is not there, a device that is not available."""


class EmbeddingError(ResolviaError):
    """The embedding model cannot be loaded or used."""


# --- external systems (incident manager, target system) -----------------------------------


class ServiceErrorKind(StrEnum):
    """What went wrong talking to an external system (the code callers route on)."""

    NOT_FOUND = "not_found"  # HTTP 404: the incident, policy or attachment does not exist
    AUTH = "auth"  # HTTP 401/403: our credentials were refused, a configuration problem
    CONFLICT = "conflict"  # HTTP 409: e.g. an idempotency key reused, or a closed incident
    INVALID_REQUEST = "invalid_request"  # HTTP 400/422, or refused before sending it
    UNAVAILABLE = "unavailable"  # connection errors, timeouts or 5xx, still after the retries
    REJECTED = "rejected"  # an attachment off our origin, too large or of a disallowed type
    UNEXPECTED_RESPONSE = "unexpected_response"  # another status, or a body off the contract


class ExternalServiceError(ResolviaError):
    """A call to the incident manager or the target system failed.

    ``service`` names the system (``"incident_manager"``, ``"target_system"``), ``kind`` says
    what failed, ``status_code`` is the HTTP status when there was one.
    """

    def __init__(
        self,
        message: str,
        *,
        service: str,
        kind: ServiceErrorKind,
        status_code: int | None = None,
    ) -> None:
        super().__init__(message)
        self.service = service
        self.kind = kind
        self.status_code = status_code


class MockDataError(ResolviaError):
    """A seed file for the mock services is missing or not in a format they understand."""


class AlreadyHandledError(ResolviaError):
    """An incident asked for by code already has a final outcome and nothing happened to it
    since the engine's last note (``resolvia run --incident COD`` without ``--force``)."""


# --- durable state (outcomes, checkpoints, history: SQLite files or Postgres) -------------


class RunRecordError(ResolviaError):
    """An outcome could not be recorded (outcome store or run report): the run stops.

    (Re-exported by :mod:`adapters.run_records`, where it is raised.)"""


class DatabaseUnavailableError(ResolviaError):
    """The database of ``DATABASE_URL`` does not answer when a store opens (the message names
    its host and database, never the password)."""


class DatabaseLostError(RunRecordError):
    """The connection to the database of ``DATABASE_URL`` broke while working: like a store
    that cannot be written, it stops the run, and the incident in hand stays resumable."""
