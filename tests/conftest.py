"""Shared fixtures. Unit tests must never touch the network: a socket guard enforces it."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from config import get_settings

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Settings come from the test, not from a developer's .env or shell."""
    monkeypatch.chdir(tmp_path)  # no .env is picked up from the repo
    for name in (
        "LLM_MODEL",
        "LLM_FALLBACK_MODEL",
        "ENTORNO",
        "MOCKS_TOKEN",
        "QDRANT_URL",
        "DATABASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    # MLflow tracking is on by default; a test that does not test it must not pay for a new
    # store (its SQLite schema takes seconds to create), nor read a developer's server
    for name in ("MLFLOW_TRACKING_URI", "CONFIDENCE_MODEL_VERSION", "CONFIDENCE_MODEL_NAME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MLFLOW_TRACKING", "false")
    # The process-wide settings (config.get_settings, cached as an entry point wants) must not
    # carry one test's environment into the next.
    get_settings.cache_clear()


@pytest.fixture(autouse=True)
def _no_network_in_unit_tests(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    if "integration" in request.keywords or "tests/integration" in str(request.path):
        return
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)
        raise AssertionError(f"unit test tried to open a network connection to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded)
