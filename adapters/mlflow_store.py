"""MLflow: the tracking store and the model registry, opened in one place.

Where it is (:func:`store_location`): ``MLFLOW_TRACKING_URI`` when set (a tracking server, or a
database), else ``sqlite:///DATA_DIR/mlflow/mlflow.db``. Artifacts of a database store go to
``artifacts/`` beside a SQLite file, or to ``DATA_DIR/mlflow/artifacts`` — the experiment is
created with that ``artifact_location``, so nothing lands in ``./mlruns`` of the working
directory; a tracking server keeps its own artifact root.

``mlflow`` is imported only when a store is opened: a command that does not track pays nothing,
and the engine's start-up asks :func:`store_present` first (a file check for SQLite).

MLflow's usage telemetry is switched off (nothing leaves the machine unless a tracking server is
configured) and its HTTP retries are shortened, so a tracking server that is down costs seconds,
not minutes; ``MLFLOW_DISABLE_TELEMETRY``, ``MLFLOW_HTTP_REQUEST_MAX_RETRIES`` and
``MLFLOW_HTTP_REQUEST_TIMEOUT`` set in the environment still win.

Every failure of the store is raised as :class:`TrackingError` with what to check.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from config import Settings
from errors import ResolviaError

#: the alias the engine loads (``resolvia finetune promote`` moves it)
CHAMPION = "champion"
#: the file name of the confidence model inside a registered version
CONFIDENCE_FILE = "confianza.json"
#: tag keys of Resolvia's runs (searched by ``promote``)
TAG_COMMAND = "resolvia.command"

_MLFLOW_DEFAULTS = {
    # MLflow 3 sends usage telemetry to its maintainers by default: never from here
    "MLFLOW_DISABLE_TELEMETRY": "true",
    # the default (7 retries, exponential back-off) waits minutes for a server that is down
    "MLFLOW_HTTP_REQUEST_MAX_RETRIES": "2",
    "MLFLOW_HTTP_REQUEST_TIMEOUT": "10",
    # tqdm bars on stderr for every artifact download
    "MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR": "false",
}


def prepare_environment() -> None:
    """MLflow's own settings for Resolvia (telemetry off, short HTTP retries), unless the
    environment already sets them; before any use of ``mlflow``."""
    for name, value in _MLFLOW_DEFAULTS.items():
        os.environ.setdefault(name, value)


class TrackingError(ResolviaError):
    """The MLflow store cannot be opened or used (a server down, a file not writable, ...)."""


@dataclass(frozen=True)
class StoreLocation:
    """Where runs and registered models are kept."""

    uri: str
    #: the experiment's artifact_location (a ``file://`` URI); None: the server decides
    artifact_location: str | None
    #: the SQLite file of a ``sqlite:///`` store (None for servers and other databases)
    sqlite_file: Path | None

    def describe(self) -> str:
        return str(self.sqlite_file) if self.sqlite_file else _without_password(self.uri)


def store_location(settings: Settings) -> StoreLocation:
    """The store ``settings`` point at (see the module's docstring)."""
    default_dir = settings.DATA_DIR / "mlflow"
    uri = settings.MLFLOW_TRACKING_URI or f"sqlite:///{(default_dir / 'mlflow.db').resolve()}"
    scheme = urlparse(uri).scheme
    sqlite_file = _sqlite_file(uri)
    if scheme in ("http", "https", "databricks") or scheme.startswith("databricks"):
        return StoreLocation(uri, None, None)
    artifacts = (sqlite_file.parent if sqlite_file else default_dir.resolve()) / "artifacts"
    return StoreLocation(uri, artifacts.as_uri(), sqlite_file)


def store_present(settings: Settings) -> bool:
    """Whether there may be something to read: a SQLite store's file exists; any other store
    (a server, another database) has to be asked."""
    sqlite_file = store_location(settings).sqlite_file
    return sqlite_file is None or sqlite_file.is_file()


def _sqlite_file(uri: str) -> Path | None:
    if not uri.startswith("sqlite:///"):
        return None
    path = unquote(uri.removeprefix("sqlite:///").split("?", 1)[0])
    if not path or path == ":memory:":
        return None
    # sqlite:////abs/path has an absolute path after the three slashes
    return Path(path if path.startswith("/") else f"./{path}").resolve()


def _without_password(uri: str) -> str:
    parsed = urlparse(uri)
    if parsed.password:
        return uri.replace(f":{parsed.password}@", ":***@")
    return uri


@contextmanager
def _store_errors(location: StoreLocation, doing: str) -> Iterator[None]:
    """Any failure inside becomes a :class:`TrackingError` saying what was being done where."""
    try:
        yield
    except TrackingError:
        raise
    except Exception as exc:  # adapter boundary: MLflow, SQLAlchemy, HTTP and file errors alike
        detail = " ".join(str(exc).split())[:300] or type(exc).__name__
        hint = (
            "check that DATA_DIR is writable"
            if location.sqlite_file
            else "check MLFLOW_TRACKING_URI and that the server answers"
        )
        raise TrackingError(
            f"MLflow store {location.describe()}: {doing} failed ({detail}); {hint}, or set "
            "MLFLOW_TRACKING=false"
        ) from exc


def _check_sqlite(path: Path) -> None:
    """Fail at once on a SQLite file that cannot be opened (not a database, a folder, no
    permission): MLflow retries opening a database for about 100 s before it gives up."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    finally:
        conn.close()


def _not_found(exc: Exception) -> bool:
    return getattr(exc, "error_code", None) == "RESOURCE_DOES_NOT_EXIST"


class MlflowStore:
    """An opened store: runs in Resolvia's experiment, and the model registry."""

    def __init__(self, settings: Settings, *, create: bool = True) -> None:
        """Open the store of ``settings``; with ``create``, make the file and the experiment
        when they are not there yet (readers pass ``create=False``)."""
        prepare_environment()
        self.location = store_location(settings)
        self.experiment_name = settings.MLFLOW_EXPERIMENT_NAME
        self._experiment_id: str | None = None
        with self._errors("opening the store"):
            import mlflow
            from mlflow import MlflowClient

            if self.location.sqlite_file is not None:
                if not create and not self.location.sqlite_file.is_file():
                    raise TrackingError(f"no MLflow store at {self.location.sqlite_file}")
                self.location.sqlite_file.parent.mkdir(parents=True, exist_ok=True)
                _check_sqlite(self.location.sqlite_file)
            # MLflow's registry resolves models:/ URIs through the process-wide tracking URI
            # (its default is ./mlflow.db of the working directory): set both, once here
            mlflow.set_tracking_uri(self.location.uri)
            mlflow.set_registry_uri(self.location.uri)
            self.client = MlflowClient(self.location.uri, self.location.uri)
            if create:
                self._experiment_id = self._ensure_experiment()

    def _errors(self, doing: str) -> Any:
        return _store_errors(self.location, doing)

    def _ensure_experiment(self) -> str:
        found = self.client.get_experiment_by_name(self.experiment_name)
        if found is not None:
            return str(found.experiment_id)
        return str(
            self.client.create_experiment(
                self.experiment_name, artifact_location=self.location.artifact_location
            )
        )

    @property
    def experiment_id(self) -> str:
        if self._experiment_id is None:
            with self._errors("finding the experiment"):
                self._experiment_id = self._ensure_experiment()
        return self._experiment_id

    # --- runs --------------------------------------------------------------------------------
    @contextmanager
    def run(self, name: str, tags: Mapping[str, str]) -> Iterator[str]:
        """A run of Resolvia's experiment, active for MLflow's fluent API inside the block;
        ended FAILED when the block raises. Yields the run id."""
        with self._errors(f"logging run {name!r}"):
            import mlflow

            with mlflow.start_run(
                experiment_id=self.experiment_id, run_name=name, tags=dict(tags)
            ) as active:
                yield active.info.run_id

    def search_runs(self, filter_string: str, max_results: int = 50) -> list[Any]:
        """Runs of the experiment matching ``filter_string``, newest first."""
        with self._errors("searching runs"):
            return list(
                self.client.search_runs(
                    [self.experiment_id],
                    filter_string=filter_string,
                    order_by=["attributes.start_time DESC"],
                    max_results=max_results,
                )
            )

    # --- registry ----------------------------------------------------------------------------
    def aliases(self, name: str) -> dict[str, int] | None:
        """The aliases of registered model ``name`` (alias -> version); None when no model of
        that name is registered."""
        with self._errors(f"reading registered model {name!r}"):
            try:
                registered = self.client.get_registered_model(name)
            except Exception as exc:
                if _not_found(exc):
                    return None
                raise
            return {alias: int(version) for alias, version in registered.aliases.items()}

    def version_tags(self, name: str, version: int) -> dict[str, str] | None:
        """The tags of one version, or None when it does not exist."""
        with self._errors(f"reading {name!r} version {version}"):
            try:
                found = self.client.get_model_version(name, str(version))
            except Exception as exc:
                if _not_found(exc):
                    return None
                raise
            return dict(found.tags)

    def latest_version(self, name: str) -> int | None:
        """The highest version number of registered model ``name``; None when it has none."""
        with self._errors(f"listing the versions of {name!r}"):
            found = self.client.search_model_versions(f"name = '{name}'")
            return max((int(v.version) for v in found), default=None)

    def download_version(self, name: str, version: int, into: Path) -> Path:
        """Copy a version's files into the folder ``into``; return that folder."""
        with self._errors(f"downloading {name!r} version {version}"):
            import mlflow

            path = mlflow.artifacts.download_artifacts(
                artifact_uri=f"models:/{name}/{version}", dst_path=str(into)
            )
            return Path(path)

    def register_files(
        self,
        name: str,
        folder: Path,
        *,
        run_id: str,
        model_type: str,
        params: Mapping[str, str],
        tags: Mapping[str, str],
        description: str,
    ) -> int:
        """Register the files of ``folder`` as a new version of ``name``: an MLflow 3 logged
        model (no flavour: the files are the model, read back with :meth:`download_version`)
        linked to ``run_id``, then a version of the registered model. Returns its number."""
        with self._errors(f"registering a version of {name!r}"):
            logged = self.client.create_logged_model(
                self.experiment_id,
                name=name,
                source_run_id=run_id,
                params=dict(params),
                tags=dict(tags),
                model_type=model_type,
            )
            try:
                self.client.log_model_artifacts(logged.model_id, str(folder))
            except Exception:
                self.client.finalize_logged_model(logged.model_id, "FAILED")
                raise
            self.client.finalize_logged_model(logged.model_id, "READY")
            if self.aliases(name) is None:
                self.client.create_registered_model(name, description=description)
            version = self.client.create_model_version(
                name,
                source=f"models:/{logged.model_id}",
                run_id=run_id,
                tags=dict(tags),
                description=description,
                model_id=logged.model_id,
            )
            return int(version.version)

    def set_alias(self, name: str, alias: str, version: int) -> None:
        with self._errors(f"setting alias {alias!r} of {name!r} to version {version}"):
            self.client.set_registered_model_alias(name, alias, str(version))
