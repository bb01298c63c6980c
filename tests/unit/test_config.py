from pathlib import Path

import pytest

from config import DEV_MOCKS_TOKEN, load_settings
from errors import ConfigError


def test_defaults_are_the_embedded_profile() -> None:
    s = load_settings()
    assert s.ENTORNO == "DESA"
    assert s.LLM_MODEL == "llamacpp/qwen2.5-coder-1.5b"
    assert s.CRITIC_APPROVAL_THRESHOLD == 90
    assert s.MAX_RETRIES_CRITIC == 1
    assert s.REFORMULATE is False
    assert s.confidence_model_path == s.RESOURCES_DIR / "calibracion" / "confianza.json"
    assert s.QDRANT_URL is None
    assert s.qdrant_path == s.DATA_DIR / "qdrant"


def test_environment_overrides_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRITIC_APPROVAL_THRESHOLD", "80")
    monkeypatch.setenv("LLM_MODEL", "ollama/gemma3")
    s = load_settings()
    assert s.CRITIC_APPROVAL_THRESHOLD == 80
    assert s.LLM_MODEL == "ollama/gemma3"


def test_dotenv_file_is_read(tmp_path: Path) -> None:  # cwd is tmp_path (conftest)
    (tmp_path / ".env").write_text("QUERY_LIMIT_VECTORDB=9\nENTORNO=DESA\n", encoding="utf-8")
    assert load_settings().QUERY_LIMIT_VECTORDB == 9


def test_bad_values_give_one_readable_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRITIC_APPROVAL_THRESHOLD", "150")
    monkeypatch.setenv("ENTORNO", "TEST")
    monkeypatch.setenv("LLM_MODEL", "gpt4")
    with pytest.raises(ConfigError) as info:
        load_settings()
    message = str(info.value)
    assert "CRITIC_APPROVAL_THRESHOLD" in message and "150" in message
    assert "ENTORNO" in message and "'TEST'" in message
    assert "LLM_MODEL" in message and "provider/model" in message


def test_prod_refuses_the_development_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENTORNO", "PROD")
    with pytest.raises(ConfigError, match="MOCKS_TOKEN"):
        load_settings()
    monkeypatch.setenv("MOCKS_TOKEN", "a-real-secret")
    s = load_settings()
    assert s.LOG_FORMAT == "json"
    assert s.MOCKS_TOKEN.get_secret_value() != DEV_MOCKS_TOKEN
    assert "a-real-secret" not in repr(s)  # secrets never printed


def test_fallback_must_differ_from_primary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_FALLBACK_MODEL", "llamacpp/qwen2.5-coder-1.5b")
    with pytest.raises(ConfigError, match="LLM_FALLBACK_MODEL"):
        load_settings()


def test_env_example_documents_every_setting() -> None:
    from config import REPO_ROOT, Settings

    example = (REPO_ROOT / ".env.example").read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if name not in example]
    assert missing == []


def test_env_example_names_only_real_settings() -> None:
    """A documented variable that no setting reads would be a knob that silently does nothing."""
    import re

    from config import REPO_ROOT, Settings

    example = (REPO_ROOT / ".env.example").read_text(encoding="utf-8")
    named = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", example, flags=re.MULTILINE))
    assert named, "no VARIABLE= lines found in .env.example"
    assert sorted(named - set(Settings.model_fields)) == []
