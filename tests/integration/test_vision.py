"""VISION_MODEL against a local OpenAI-compatible server (tests/fake_llm_server.py) that decodes
the image it is sent: the screenshot arrives as the attachment's own bytes in a base64 data URI,
with the Spanish prompt; a server error is a VisionError (the node then keeps OCR alone)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from adapters.vision import VisionError, build_describer
from config import load_settings
from tests.fake_llm_server import VISION_DESCRIPTION, FakeModelServer, Fault


def image_bytes(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 32), (10, 120, 200)).save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.fixture
def server() -> Iterator[FakeModelServer]:
    with FakeModelServer(latency_s=0.01) as fake:
        yield fake


def test_the_vision_server_receives_the_screenshot_and_a_spanish_prompt(
    server: FakeModelServer, tmp_path: Path
) -> None:
    settings = load_settings(
        VISION_MODEL=server.vision_spec, DATA_DIR=tmp_path / "data", LLM_MAX_RETRIES=0
    )
    vision = build_describer(settings)
    assert vision is not None
    png, jpeg = image_bytes("PNG"), image_bytes("JPEG")
    assert vision.describe(png, "error.png").text == VISION_DESCRIPTION
    assert vision.describe(jpeg, "foto.jpg").text == VISION_DESCRIPTION
    assert [(i.mime, i.data) for i in server.images] == [("image/png", png), ("image/jpeg", jpeg)]
    prompt = server.images[0].prompt
    assert "Describe la captura «error.png»" in prompt and "en español" in prompt
    # cached by content: the same screenshot again costs no request
    assert vision.describe(png, "otra.png").cached
    assert server.chat_requests() == 2
    assert list(settings.ocr_cache_dir.glob("*.vision-*.json"))


def test_a_vision_server_error_is_a_vision_error(server: FakeModelServer, tmp_path: Path) -> None:
    settings = load_settings(
        VISION_MODEL=server.vision_spec, DATA_DIR=tmp_path / "data", LLM_MAX_RETRIES=0
    )
    vision = build_describer(settings)
    assert vision is not None
    server.reset(Fault.HTTP_500)
    with pytest.raises(VisionError, match="fake internal error"):
        vision.describe(image_bytes("PNG"), "error.png")
    assert server.images == []
