import pytest

from adapters.llm.specs import ModelSpec, parse_spec
from errors import ModelSpecError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("llamacpp/qwen2.5-coder-1.5b", ModelSpec("llamacpp", "qwen2.5-coder-1.5b")),
        ("llamacpp//models/x.gguf", ModelSpec("llamacpp", "/models/x.gguf")),
        ("ollama/gemma3", ModelSpec("ollama", "gemma3")),
        ("openai/gpt-4o-mini", ModelSpec("openai", "gpt-4o-mini")),
        (
            "openai-compatible/Qwen/Qwen2.5-7B@http://127.0.0.1:8000/v1",
            ModelSpec("openai-compatible", "Qwen/Qwen2.5-7B", "http://127.0.0.1:8000/v1"),
        ),
        (
            "llamacpp/qwen2.5-coder-0.5b+lora=/runs/1/adapter.gguf",
            ModelSpec("llamacpp", "qwen2.5-coder-0.5b", lora="/runs/1/adapter.gguf"),
        ),
        (
            "llamacpp//models/x.gguf+lora=adapter.gguf",
            ModelSpec("llamacpp", "/models/x.gguf", lora="adapter.gguf"),
        ),
    ],
)
def test_valid_specs(text: str, expected: ModelSpec) -> None:
    assert parse_spec(text) == expected
    assert str(parse_spec(text)) == text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("qwen", "provider/model"),
        ("hf/qwen", "unknown provider"),
        ("openai-compatible/qwen", "<model>@<base_url>"),
        ("openai-compatible/qwen@localhost:8000", "<model>@<base_url>"),
        ("ollama/gemma3@http://x", "only openai-compatible"),
        ("ollama/", "provider/model"),
        ("ollama/gemma3+lora=/a.gguf", "only llamacpp specs take"),
        ("llamacpp/+lora=/a.gguf", "write llamacpp/.model."),
        ("llamacpp/qwen2.5-coder-0.5b+lora=", "write llamacpp/.model."),
    ],
)
def test_invalid_specs_explain_why(text: str, reason: str) -> None:
    with pytest.raises(ModelSpecError, match=reason.replace("<", ".").replace(">", ".")):
        parse_spec(text)


def test_a_spec_without_its_adapter_is_the_base_model() -> None:
    spec = parse_spec("llamacpp/qwen2.5-coder-0.5b+lora=/runs/1/adapter.gguf")
    assert str(spec.without_lora()) == "llamacpp/qwen2.5-coder-0.5b"
