"""Personal data kept out of the OCR cache on disk and out of prompts sent off the machine,
while the engine still reads the real identifiers (no Tesseract, no network)."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any, NamedTuple

import pytesseract
import pytest
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
from PIL import Image

from adapters import ocr as ocr_module
from adapters.llm.client import LLMClient
from adapters.llm.providers import (
    ChatProvider,
    _bind_json_object,
    build_chat_provider,
    is_local_url,
)
from adapters.ocr import TesseractOcr
from config import load_settings
from domain.identifiers import extract
from domain.policy import Step
from observability.redaction import redact_value
from tests.fakes import FakeChatModel

NIF = "99118962W"
IBAN = "ES64 0995 0042 7900 0073 1846"
SCREEN_WITH_DATA = f"Titular NIF {NIF}\nNuevo IBAN {IBAN}\nPóliza 31186230"
SCREEN_WITHOUT = "Error 0x80070005\nAcceso denegado"


def _png(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def tesseract(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Tesseract replaced: answers the text queued for each image colour, counts its calls."""
    state: dict[str, Any] = {"calls": 0, "texts": {}}

    def image_to_string(image: Image.Image, **kwargs: Any) -> str:
        state["calls"] += 1
        return str(state["texts"][image.getpixel((0, 0))])

    monkeypatch.setattr(pytesseract, "image_to_string", image_to_string)
    return state


def _cache_text(cache: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in cache.glob("*.json"))


def test_a_screenshot_without_personal_data_is_read_once_across_processes(
    tmp_path: Path, tesseract: dict[str, Any]
) -> None:
    tesseract["texts"][(255, 255, 255)] = SCREEN_WITHOUT
    image = _png("white")
    assert TesseractOcr(tmp_path).read(image).cached is False
    again = TesseractOcr(tmp_path).read(image)  # a later process
    assert again.cached is True and again.text == SCREEN_WITHOUT
    assert tesseract["calls"] == 1


def test_a_screenshot_with_personal_data_never_reaches_the_disk_and_keeps_its_identifiers(
    tmp_path: Path, tesseract: dict[str, Any]
) -> None:
    tesseract["texts"][(255, 0, 0)] = SCREEN_WITH_DATA
    image = _png("red")
    ocr = TesseractOcr(tmp_path)
    first = ocr.read(image)
    assert extract(first.text)["nif"] == [NIF]  # the run that reads it sees the real text
    assert ocr.read(image).text == SCREEN_WITH_DATA  # same process: from memory
    assert tesseract["calls"] == 1
    assert NIF not in _cache_text(tmp_path) and "0995" not in _cache_text(tmp_path)
    later = TesseractOcr(tmp_path).read(image)  # a later process reads it again
    assert later.cached is False and extract(later.text)["iban"] == [IBAN.replace(" ", "")]
    assert tesseract["calls"] == 2


def test_an_old_cache_entry_with_personal_data_is_dropped(
    tmp_path: Path, tesseract: dict[str, Any]
) -> None:
    tesseract["texts"][(255, 0, 0)] = SCREEN_WITH_DATA
    image = _png("red")
    digest = ocr_module.hashlib.sha256(image).hexdigest()
    old = tmp_path / f"{digest}.json"
    old.write_text(json.dumps({"text": SCREEN_WITH_DATA, "image_format": "PNG"}), "utf-8")
    assert TesseractOcr(tmp_path).read(image).cached is False
    assert not old.exists()


def test_a_cache_hit_counts_as_a_use_for_retention(
    tmp_path: Path, tesseract: dict[str, Any]
) -> None:
    tesseract["texts"][(255, 255, 255)] = SCREEN_WITHOUT
    image = _png("white")
    TesseractOcr(tmp_path).read(image)
    (entry,) = tmp_path.glob("*.json")
    os.utime(entry, (1_000_000, 1_000_000))
    TesseractOcr(tmp_path).read(image)
    assert entry.stat().st_mtime > 1_000_000


# --- prompts to remote providers ----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8000/v1", True),
        ("http://localhost:11434", True),
        ("http://[::1]:8000/v1", True),
        ("http://127.0.0.2:8000", True),
        ("http://gpu-box:8000/v1", False),
        ("https://api.openai.com/v1", False),
        ("http://10.0.0.5:11434", False),
    ],
)
def test_only_loopback_is_local(url: str, local: bool) -> None:
    assert is_local_url(url) is local


def test_which_providers_redact() -> None:
    settings = load_settings(OPENAI_API_KEY="sk-test")
    assert build_chat_provider("openai/gpt-4o-mini", settings).redact_prompts
    assert not build_chat_provider(
        "openai/gpt-4o-mini",
        load_settings(OPENAI_API_KEY="k", OPENAI_BASE_URL="http://localhost:9"),
    ).redact_prompts
    assert build_chat_provider(
        "openai-compatible/q@http://gpu-box:8000/v1", settings
    ).redact_prompts
    assert not build_chat_provider(
        "openai-compatible/q@http://127.0.0.1:8000/v1", settings
    ).redact_prompts
    assert not build_chat_provider("ollama/gemma3", settings).redact_prompts
    remote_ollama = load_settings(OLLAMA_BASE_URL="http://gpu-box:11434")
    assert build_chat_provider("ollama/gemma3", remote_ollama).redact_prompts
    off = load_settings(OPENAI_API_KEY="sk-test", REDACT_REMOTE_PROMPTS=False)
    assert not build_chat_provider("openai/gpt-4o-mini", off).redact_prompts


def _client(model: FakeChatModel, *, redact: bool) -> LLMClient:
    provider = ChatProvider("fake/remote", model, _bind_json_object, redact_prompts=redact)
    return LLMClient([provider], max_retries=0, sleep=lambda s: None)


def test_a_remote_provider_never_sees_personal_data_but_policy_numbers_survive() -> None:
    model = FakeChatModel(["sí"])
    messages = [
        SystemMessage(content="Eres un revisor."),
        HumanMessage(
            content=f"Póliza 31186230, reembolso R-2609113. NIF {NIF}, IBAN {IBAN}, "
            "correo rosa.vidal@example.com, móvil 612 345 678."
        ),
        AIMessage(content=[{"type": "text", "text": f"El NIF {NIF} consta."}]),
    ]
    _client(model, redact=True).chat(messages)
    sent = " ".join(str(m.content) for m in model.history[0][0])
    for secret in (NIF, "0995 0042", "rosa.vidal@example.com", "612 345 678"):
        assert secret not in sent
    assert "31186230" in sent and "R-2609113" in sent and "[NIF]" in sent
    assert NIF in str(messages[1].content)  # the caller's messages are untouched


def test_a_local_provider_gets_the_text_as_it_is() -> None:
    model = FakeChatModel(["sí"])
    _client(model, redact=False).chat([HumanMessage(content=f"NIF {NIF}")])
    assert model.history[0][0][0].content == f"NIF {NIF}"


def test_redact_value_keeps_named_tuples() -> None:
    class Pair(NamedTuple):
        key: str
        value: str

    assert redact_value([Pair("nif", f"NIF {NIF}")]) == [Pair("nif", "NIF [NIF]")]


def test_redact_value_keeps_enum_members() -> None:
    redacted = redact_value({"step": Step.ACT, "nota": f"NIF {NIF}"})
    assert redacted["step"] is Step.ACT and redacted["nota"] == "NIF [NIF]"
