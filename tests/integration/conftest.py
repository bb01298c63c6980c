"""Integration fixtures: the real bundled models, assembled by `make install`; and every path
the engine writes under a temporary directory, never in the repository."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.llm import assembly
from adapters.llm.registry import get_model
from config import Settings, load_settings
from tests.fake_llm_server import FakeModelServer
from tests.fault_support import build_index
from tests.postgres_support import PostgresCluster

FAST_MODEL = "llamacpp/qwen2.5-coder-0.5b"
DEFAULT_MODEL = "llamacpp/qwen2.5-coder-1.5b"

pytestmark = pytest.mark.integration


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/integration" in str(item.path):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="package", autouse=True)
def writable_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """DATA_DIR (stores, OCR cache, llama.cpp server logs, mock state) and OUTPUT_DIR (run
    reports, rejection logs) under a temporary directory, for the settings built in this process
    and for every command a test starts with this environment. A test that sets its own
    DATA_DIR or OUTPUT_DIR for a subprocess keeps it."""
    root = tmp_path_factory.mktemp("resolvia")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATA_DIR", str(root / "data"))
        patch.setenv("OUTPUT_DIR", str(root / "out"))
        yield root


@pytest.fixture(scope="package")
def settings(writable_dirs: Path) -> Settings:
    s = load_settings(
        LLM_N_THREADS=2, DATA_DIR=writable_dirs / "data", OUTPUT_DIR=writable_dirs / "out"
    )
    for name in ("qwen2.5-coder-0.5b", "qwen2.5-coder-1.5b"):
        if not assembly.is_ready(get_model(name), s.MODELS_DIR):
            pytest.fail(
                f"bundled model {name} is not assembled in {s.MODELS_DIR}: run make install"
            )
    return s


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A real PostgreSQL cluster for the whole session (tests/postgres_support.py); fails,
    never skips, when the server is not installed."""
    cluster = PostgresCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster: PostgresCluster) -> str:
    """``DATABASE_URL`` of a fresh database for this test alone."""
    return postgres_cluster.create_database()


@pytest.fixture(scope="module")
def embeddings() -> Iterator[FakeModelServer]:
    """A local OpenAI-compatible fake that embeds deterministically, for the tests whose subject
    is not the model (faults, kill points, workers); one per module."""
    with FakeModelServer(latency_s=0.0) as server:
        yield server


@pytest.fixture(scope="module")
def index_template(tmp_path_factory: pytest.TempPathFactory, embeddings: FakeModelServer) -> Path:
    """A knowledge-base index built once per module with :func:`embeddings`; each workspace
    starts from a copy of it."""
    root = tmp_path_factory.mktemp("index")
    build_index(root / "data", embeddings, cwd=root)
    return root / "data"
