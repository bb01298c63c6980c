"""Resolvia's error hierarchy, in one place.

Expected failures (a model that does not answer, output that does not parse, a missing model
file) are subclasses of :class:`ResolviaError`; the graph turns them into state it routes on and
the CLIs into a message and a non-zero exit code. Anything else is a bug and propagates.
"""

from __future__ import annotations


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


class EmbeddingError(ResolviaError):
    """The embedding model cannot be loaded or used."""


# --- external systems (incident manager, target system) -----------------------------------
# Two axes: which system failed (IncidentManagerError / TargetSystemError) and what kind of
# failure it was (NotFoundError, AuthError, ...). The adapters raise the class that is both, so
# callers catch whichever axis they route on; ``service`` and ``status_code`` say the rest.


class ExternalServiceError(ResolviaError):
    """A call to the incident manager or the target system failed."""

    def __init__(self, message: str, *, service: str = "", status_code: int | None = None) -> None:
        super().__init__(message)
        self.service = service
        self.status_code = status_code


class IncidentManagerError(ExternalServiceError):
    """The incident manager failed or answered something unusable."""


class TargetSystemError(ExternalServiceError):
    """The target system failed or answered something unusable."""


class NotFoundError(ExternalServiceError):
    """The incident, policy or attachment does not exist (HTTP 404)."""


class AuthError(ExternalServiceError):
    """The service refused our credentials (HTTP 401/403): a configuration problem."""


class ConflictError(ExternalServiceError):
    """The request conflicts with the current state (HTTP 409), e.g. an idempotency key reused
    with a different body, or an action on a closed incident."""


class InvalidRequestError(ExternalServiceError):
    """The service rejected the request as malformed (HTTP 400/422)."""


class ServiceUnavailableError(ExternalServiceError):
    """Still failing after the retries: connection errors, timeouts or 5xx answers."""


class AttachmentRejectedError(IncidentManagerError):
    """An attachment was refused: foreign origin, too large or of a disallowed content type."""


class IncidentNotFoundError(IncidentManagerError, NotFoundError):
    """Incident manager: HTTP 404."""


class IncidentManagerAuthError(IncidentManagerError, AuthError):
    """Incident manager: HTTP 401/403."""


class IncidentConflictError(IncidentManagerError, ConflictError):
    """Incident manager: HTTP 409."""


class IncidentManagerInvalidRequestError(IncidentManagerError, InvalidRequestError):
    """Incident manager: HTTP 400/422."""


class IncidentManagerUnavailableError(IncidentManagerError, ServiceUnavailableError):
    """Incident manager: unreachable or 5xx after retries."""


class PolicyNotFoundError(TargetSystemError, NotFoundError):
    """Target system: HTTP 404."""


class TargetSystemAuthError(TargetSystemError, AuthError):
    """Target system: HTTP 401/403."""


class TargetSystemConflictError(TargetSystemError, ConflictError):
    """Target system: HTTP 409."""


class TargetSystemInvalidRequestError(TargetSystemError, InvalidRequestError):
    """Target system: HTTP 400/422 (e.g. missing or malformed action parameters)."""


class TargetSystemUnavailableError(TargetSystemError, ServiceUnavailableError):
    """Target system: unreachable or 5xx after retries."""


class MockDataError(ResolviaError):
    """A seed file for the mock services is missing or not in a format they understand."""
