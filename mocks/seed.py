"""Seed files in the original project's JSON format, and seeding/wiping of the mock state.

Accepted shapes: a top-level list of records, or an object with the list under
``"incidencias"`` (incidents) or ``"polizas"`` (policies). Incidents are normalised to the full
contract of ARCHITECTURE §5 (missing optional fields become ``""`` / ``[]``) so that the API
always serves every field. Seeding only happens into an empty store: persistence wins.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from adapters.incident_model import Incidencia
from domain.identifiers import POLIZA_MAX_CHARS, is_poliza
from errors import MockDataError
from mocks.store import ATTACHMENTS_DIRNAME, DB_FILENAME, MockStore

#: Attachment file names the incident manager will serve (no directories, no dot files).
SAFE_FILENAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


class _IncidentSeed(Incidencia):
    """The §5 contract; a seed file may leave ``estado`` out, and then the incident is open."""

    estado: str = "Abierta"


class _PolizaSeed(BaseModel):
    """A policy record: its number follows ``domain.identifiers.POLIZA_GRAMMAR`` (8 digits, or
    the original project's ``POL001-FX-PROVISION`` / ``666023054-53-1``); the rest is kept."""

    model_config = ConfigDict(extra="allow")

    poliza: str

    @field_validator("poliza", mode="before")
    @classmethod
    def _number_as_text(cls, value: Any) -> Any:
        return str(value).strip() if isinstance(value, int | str) else value

    @field_validator("poliza")
    @classmethod
    def _policy_number(cls, value: str) -> str:
        # Letters in upper case, the form requests are looked up in; nothing else is changed.
        if not is_poliza(value.upper()):
            raise ValueError(
                f"{value!r} is not a policy number (8 digits, or letter/digit groups joined "
                f"by '-' with at least one digit, up to {POLIZA_MAX_CHARS} characters)"
            )
        return value.upper()


def _records(path: Path, key: str) -> list[Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MockDataError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MockDataError(f"{path}: not a readable JSON file ({exc})") from None
    if isinstance(data, dict) and isinstance(data.get(key), list):
        return list(data[key])
    if isinstance(data, list):
        return data
    raise MockDataError(f"{path}: expected a JSON list or an object with a {key!r} list")


def _validated(path: Path, records: list[Any], model: type[BaseModel], key: str) -> list[Any]:
    out = []
    for index, record in enumerate(records):
        try:
            out.append(model.model_validate(record))
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or 'record'}: {err['msg']}"
                for err in exc.errors()
            )
            raise MockDataError(f"{path}: {key}[{index}] is not valid: {problems}") from None
    return out


def load_incidents(path: Path) -> list[dict[str, Any]]:
    """Incidents from a seed file, normalised to the full §5 contract."""
    seeds = _validated(path, _records(path, "incidencias"), _IncidentSeed, "incidencias")
    incidents = [seed.model_dump() for seed in seeds]
    _reject_duplicates(path, [inc["codIncidencia"] for inc in incidents], "codIncidencia")
    return incidents


def load_policies(path: Path) -> list[dict[str, Any]]:
    """Policy records from a seed file, kept as they are (the rules read their fields)."""
    seeds = _validated(path, _records(path, "polizas"), _PolizaSeed, "polizas")
    policies = [seed.model_dump() for seed in seeds]
    _reject_duplicates(path, [p["poliza"] for p in policies], "poliza")
    return policies


def _reject_duplicates(path: Path, keys: list[str], name: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise MockDataError(f"{path}: duplicate {name} {key!r}")
        seen.add(key)


@dataclass(frozen=True)
class SeedSources:
    """Where a fresh store takes its data from."""

    incidents: Path
    policies: Path
    attachments: Path | None


@dataclass(frozen=True)
class SeedReport:
    """What :func:`seed_if_empty` did; ``0`` means the store already had data (kept)."""

    incidents: int
    policies: int
    attachments: int


def seed_if_empty(store: MockStore, sources: SeedSources) -> SeedReport:
    """Load incidents (with their attachments) and policies into an empty store.

    Each part is seeded independently and only if it is empty, so a restart never overwrites
    state the services have changed; ``python -m mocks reset`` starts again from the files.
    """
    incidents = policies = attachments = 0
    if store.count_incidents() == 0:
        loaded = load_incidents(sources.incidents)
        if sources.attachments is not None:
            attachments = copy_attachments(sources.attachments, attachments_dir(store))
        incidents = store.add_incidents(loaded)
    if store.count_policies() == 0:
        policies = store.add_policies(load_policies(sources.policies))
    return SeedReport(incidents, policies, attachments)


def attachments_dir(store: MockStore) -> Path:
    """The incident manager's own copy of the attachments: the only files it serves."""
    return store.path.parent / ATTACHMENTS_DIRNAME


def copy_attachments(source: Path, target: Path) -> int:
    """Copy the regular files with safe names (no symlinks, no sub-directories)."""
    if not source.is_dir():
        raise MockDataError(f"{source}: attachments directory not found")
    target.mkdir(parents=True, exist_ok=True)
    copied = 0
    for path in sorted(source.iterdir()):
        if path.is_symlink() or not path.is_file() or not SAFE_FILENAME.match(path.name):
            continue
        shutil.copyfile(path, target / path.name)
        copied += 1
    return copied


def wipe(data_dir: Path) -> list[Path]:
    """Delete the mock state in ``data_dir`` (database and attachment copies); returns what
    was removed. Anything else in the directory is left alone."""
    removed = []
    for name in (DB_FILENAME, f"{DB_FILENAME}-wal", f"{DB_FILENAME}-shm"):
        path = data_dir / name
        if path.exists():
            path.unlink()
            removed.append(path)
    folder = data_dir / ATTACHMENTS_DIRNAME
    if folder.is_dir():
        shutil.rmtree(folder)
        removed.append(folder)
    return removed
