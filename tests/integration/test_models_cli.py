"""`python main.py models ...` as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from config import REPO_ROOT, Settings


def _main(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=600,
        check=False,
    )


def test_verify_passes_for_both_bundled_models(settings: Settings) -> None:
    proc = _main("models", "verify", "--json")
    assert proc.returncode == 0, proc.stderr
    results = {r["name"]: r for r in json.loads(proc.stdout)}
    assert results["qwen2.5-coder-1.5b"]["status"] == "ok"
    assert results["qwen2.5-coder-0.5b"]["status"] == "ok"


def test_verify_fails_on_a_missing_or_corrupt_file(tmp_path: Path) -> None:
    env = {"MODELS_DIR": str(tmp_path)}
    missing = _main("models", "verify", "qwen2.5-coder-0.5b", env=env)
    assert missing.returncode == 1 and "missing" in missing.stdout
    (tmp_path / "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf").write_bytes(b"GGUF" + b"\0" * 100)
    corrupt = _main("models", "verify", "qwen2.5-coder-0.5b", env=env)
    assert corrupt.returncode == 1 and "corrupt" in corrupt.stdout


def test_list_json_shows_the_registry(settings: Settings) -> None:
    proc = _main("models", "list", "--json")
    assert proc.returncode == 0, proc.stderr
    models = {m["name"]: m for m in json.loads(proc.stdout)["models"]}
    assert models["qwen2.5-coder-1.5b"]["available"] is True
    assert models["qwen2.5-coder-1.5b"]["sha256"].startswith("cc324af0")
    assert models["gemma3"]["source"] == "served"


def test_pull_of_a_url_model_fails_clearly_offline(tmp_path: Path) -> None:
    proc = _main("models", "pull", "qwen2.5-7b-instruct", env={"MODELS_DIR": str(tmp_path)})
    assert proc.returncode == 1
    assert "ALLOW_DOWNLOADS" in proc.stderr


def test_models_test_json_reports_speed(settings: Settings) -> None:
    proc = _main(
        "models", "test", "llamacpp/qwen2.5-coder-0.5b", "--json", env={"LLM_N_THREADS": "2"}
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["schema_valid"] is True
    assert result["answer"]["componente"] in {
        "Correo",
        "Accesos",
        "Puesto de trabajo",
        "Reembolsos",
    }
    for key in ("latency_s", "prompt_tokens_per_s", "generation_tokens_per_s"):
        assert isinstance(result[key], float) and result[key] > 0, key
