"""Integration fixtures: the real bundled models, assembled by `make install`."""

from __future__ import annotations

import pytest

from adapters.llm import assembly
from adapters.llm.registry import get_model
from config import Settings, load_settings

FAST_MODEL = "llamacpp/qwen2.5-coder-0.5b"
DEFAULT_MODEL = "llamacpp/qwen2.5-coder-1.5b"

pytestmark = pytest.mark.integration


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/integration" in str(item.path):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def settings() -> Settings:
    s = load_settings(LLM_N_THREADS=2)
    for name in ("qwen2.5-coder-0.5b", "qwen2.5-coder-1.5b"):
        if not assembly.is_ready(get_model(name), s.MODELS_DIR):
            pytest.fail(
                f"bundled model {name} is not assembled in {s.MODELS_DIR}: run make install"
            )
    return s
