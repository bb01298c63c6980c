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
