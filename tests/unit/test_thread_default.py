"""LLM_N_THREADS leaves a core free: llama.cpp must not take every CPU the process may use."""

from __future__ import annotations

import pytest

import config
from config import default_llm_threads, load_settings


@pytest.mark.parametrize(
    ("usable", "physical", "expected"),
    [(1, 1, 1), (2, 2, 1), (4, 4, 3), (16, 8, 7), (2, 8, 1), (64, 32, 31)],
)
def test_default_is_physical_usable_cores_less_one(
    monkeypatch: pytest.MonkeyPatch, usable: int, physical: int, expected: int
) -> None:
    monkeypatch.setattr(config, "_usable_cpus", lambda: usable)
    monkeypatch.setattr(config.psutil, "cpu_count", lambda logical=True: physical)
    assert default_llm_threads() == load_settings().LLM_N_THREADS == expected


def test_an_explicit_setting_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_N_THREADS", "6")
    assert load_settings().LLM_N_THREADS == 6
