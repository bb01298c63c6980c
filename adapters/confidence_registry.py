"""Which confidence model the engine uses: a registered version, or the configured artifact.

Order (:func:`choose_confidence_model`):

1. ``CONFIDENCE_MODEL=critico``: none, the critic's score is the confidence;
2. ``CONFIDENCE_MODEL_VERSION=N``: version N of ``CONFIDENCE_MODEL_NAME`` in the MLflow
   registry — it must exist and load, or the engine does not start;
3. the version with the alias ``champion`` (:data:`adapters.mlflow_store.CHAMPION`) — when it
   does not load the engine does not start either, naming the version: it never falls back
   silently to another model;
4. otherwise the artifact ``CONFIDENCE_MODEL`` (the repository's by default), as before there was
   a registry: with ``MLFLOW_TRACKING=false``, without a store, without a registered model or a
   champion, and — with a warning, recorded in the run's summary — when the store cannot be
   read (tracking never stops a run; a pinned version does).

A registered version is loaded with the same checks as the file (:func:`domain.confidence.
load_confidence_model`: feature set, the embedder it was fitted on), from a temporary copy.
"""

from __future__ import annotations

import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import structlog

from adapters.embeddings import embedding_identity
from adapters.mlflow_store import (
    CHAMPION,
    CONFIDENCE_FILE,
    MlflowStore,
    TrackingError,
    store_location,
    store_present,
)
from config import Settings
from domain.confidence import ConfidenceModel, load_confidence_model
from errors import ConfigError

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class ConfidenceChoice:
    """The confidence model a process uses and where it came from (the run summary's
    ``confidence_model``)."""

    model: ConfidenceModel | None
    #: ``registro`` (a registered version), ``artefacto`` (the CONFIDENCE_MODEL file) or
    #: ``critico`` (no model: the critic's score)
    source: str
    name: str | None = None
    version: int | None = None
    #: ``champion`` when the version was chosen by its alias, None when pinned
    alias: str | None = None
    path: str | None = None
    #: why the artifact and not a registered version (no store, no champion, store unusable)
    note: str | None = None
    #: the store could not be read: the note is a warning
    warning: bool = False

    @property
    def sha256(self) -> str | None:
        return self.model.sha256 if self.model else None

    def as_dict(self) -> dict[str, Any]:
        """For reports and MLflow: everything but the model itself, plus its SHA-256."""
        data = {k: v for k, v in asdict(self).items() if k != "model"}
        return {**data, "sha256": self.sha256}

    def describe(self) -> str:
        """One line for people."""
        if self.source == "critico":
            return "the critic's own score (CONFIDENCE_MODEL=critico)"
        if self.source == "registro":
            how = f"alias {self.alias}" if self.alias else "pinned by CONFIDENCE_MODEL_VERSION"
            return f"{self.name} version {self.version} from the MLflow registry ({how})"
        return f"{self.path}" + (f" ({self.note})" if self.note else "")


def choose_confidence_model(settings: Settings) -> ConfidenceChoice:
    """The confidence model to use (see the module's docstring); raises ConfigError naming the
    version or the file when the one that should be used does not load."""
    path = settings.confidence_model_path
    pinned = settings.CONFIDENCE_MODEL_VERSION
    if path is None:
        if pinned is not None:
            raise ConfigError(
                f"CONFIDENCE_MODEL=critico and CONFIDENCE_MODEL_VERSION={pinned} contradict each "
                "other: unset one of them"
            )
        return ConfidenceChoice(None, "critico")

    def artifact(note: str, *, warning: bool = False) -> ConfidenceChoice:
        model = load_confidence_model(
            path,
            embedding_model=embedding_identity(settings.EMBEDDING_MODEL),
            critic_prompt=settings.critic_prompt_id,
        )
        return ConfidenceChoice(model, "artefacto", path=str(path), note=note, warning=warning)

    def refuse(problem: str) -> ConfigError:
        return ConfigError(
            f"CONFIDENCE_MODEL_VERSION={pinned}: {problem}; unset CONFIDENCE_MODEL_VERSION to "
            f"use the champion or {path}"
        )

    name = settings.CONFIDENCE_MODEL_NAME
    try:
        found = _registered_version(settings, name, pinned)
    except TrackingError as exc:
        if pinned is not None:
            raise refuse(f"the MLflow registry cannot be read: {exc}") from None
        log.warning("confidence.registry_unavailable", error=str(exc))
        return artifact(f"MLflow registry unavailable, champion not checked: {exc}", warning=True)
    if isinstance(found, str):  # no version to load, and why
        if pinned is not None:
            raise refuse(found)
        return artifact(found)
    store, version = found
    return _load_version(settings, store, name, version, alias=None if pinned else CHAMPION)


def _registered_version(
    settings: Settings, name: str, pinned: int | None
) -> tuple[MlflowStore, int] | str:
    """The store and the version to load (pinned, else the champion), or why there is none.
    Raises TrackingError when the store cannot be read."""
    if not settings.MLFLOW_TRACKING or not store_present(settings):
        return (
            f"no MLflow store at {store_location(settings).describe()}"
            if settings.MLFLOW_TRACKING
            else "the MLflow registry is off (MLFLOW_TRACKING=false)"
        )
    store = MlflowStore(settings, create=False)
    aliases = store.aliases(name)
    if aliases is None:
        return f"no model {name} in the MLflow registry"
    if pinned is not None:
        if store.version_tags(name, pinned) is None:
            return f"{name} has no version {pinned} in the MLflow registry"
        return store, pinned
    if CHAMPION not in aliases:
        return f"{name} has no {CHAMPION} version"
    return store, aliases[CHAMPION]


def _load_version(
    settings: Settings, store: MlflowStore, name: str, version: int, alias: str | None
) -> ConfidenceChoice:
    which = f"{name} version {version}" + (f" (alias {alias})" if alias else "")
    fix = (
        "pin a version that loads with CONFIDENCE_MODEL_VERSION, or promote another one with "
        "`resolvia finetune promote VERSION`"
    )
    with tempfile.TemporaryDirectory(prefix="resolvia-confianza-") as tmp:
        try:
            folder = store.download_version(name, version, Path(tmp))
        except TrackingError as exc:
            raise ConfigError(f"{which} cannot be read from the MLflow registry: {exc}") from None
        candidates = sorted(folder.rglob(CONFIDENCE_FILE))
        if not candidates:
            raise ConfigError(f"{which} in the MLflow registry holds no {CONFIDENCE_FILE}: {fix}")
        try:
            model = load_confidence_model(
                candidates[0],
                embedding_model=embedding_identity(settings.EMBEDDING_MODEL),
                critic_prompt=settings.critic_prompt_id,
            )
        except ConfigError as exc:
            # the message names a temporary file: say which version it was instead
            detail = str(exc).replace(str(candidates[0]), CONFIDENCE_FILE)
            raise ConfigError(
                f"{which} from the MLflow registry does not load: {detail}; {fix}"
            ) from None
    log.info("confidence.registered", name=name, version=version, alias=alias)
    return ConfidenceChoice(model, "registro", name=name, version=version, alias=alias)
