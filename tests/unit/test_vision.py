"""VISION_MODEL: screenshots described in Spanish beside OCR, checked, cached like OCR text, and a
failing vision model degrading to OCR alone (fake chat model, no network)."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from PIL import Image

from adapters.incident_manager import Attachment
from adapters.llm.client import LLMClient
from adapters.llm.providers import ChatProvider
from adapters.llm_history import LLMHistory
from adapters.ocr import AttachmentError, OcrResult
from adapters.vision import PROMPT_NAME, VisionDescriber, VisionError, build_describer
from config import load_settings
from errors import ConfigError
from nodes.analyze_attachments import analyze_attachments
from prompts.loader import load_prompt
from tests.fakes import FakeChatModel

DESCRIPTION = "La captura muestra el error «Usuario bloqueado» en la aplicación de pólizas."


def image_bytes(fmt: str, size: tuple[int, int] = (40, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()


def describer(model: FakeChatModel, cache_dir: Path | None, **kwargs: Any) -> VisionDescriber:
    client = LLMClient([ChatProvider("ollama/gemma3", model)], max_retries=0)
    return VisionDescriber(client, prompt=load_prompt(PROMPT_NAME), cache_dir=cache_dir, **kwargs)


def sent_image(messages: list[BaseMessage]) -> tuple[str, bytes, str]:
    """(MIME type, decoded bytes, prompt text) of what the model was shown."""
    system, user = messages
    assert isinstance(system, SystemMessage) and isinstance(user, HumanMessage)
    assert isinstance(user.content, list)
    text_part, image_part = user.content
    assert isinstance(text_part, dict) and isinstance(image_part, dict)
    url = image_part["image_url"]["url"]
    header, _, data = url.partition(",")
    assert header.startswith("data:") and header.endswith(";base64")
    mime = header.removeprefix("data:").removesuffix(";base64")
    return mime, base64.b64decode(data), f"{system.content}\n{text_part['text']}"


def test_a_screenshot_is_sent_as_a_data_uri_with_a_spanish_prompt_and_cached(
    tmp_path: Path,
) -> None:
    model = FakeChatModel([f"  {DESCRIPTION}\n"])
    png = image_bytes("PNG")
    found = describer(model, tmp_path).describe(png, "error.png")
    assert found.text == DESCRIPTION and not found.cached
    mime, data, prompt = sent_image(model.history[0][0])
    assert (mime, data) == ("image/png", png)
    assert "Describe la captura «error.png»" in prompt
    assert "en español" in prompt and "no inventes" in prompt
    # a later run (a new describer on the same cache) asks the model nothing
    again = describer(FakeChatModel([]), tmp_path).describe(png, "otra.png")
    assert again.text == DESCRIPTION and again.cached
    [entry] = tmp_path.glob("*.vision-*.json")
    assert json.loads(entry.read_text(encoding="utf-8"))["text"] == DESCRIPTION


def test_jpeg_goes_as_it_is_and_other_accepted_types_as_png(tmp_path: Path) -> None:
    model = FakeChatModel([DESCRIPTION, DESCRIPTION])
    vision = describer(model, None)
    jpeg = image_bytes("JPEG")
    vision.describe(jpeg, "foto.jpg")
    assert sent_image(model.history[0][0])[:2] == ("image/jpeg", jpeg)
    gif = image_bytes("GIF")
    vision.describe(gif, "animada.gif")
    mime, data, _ = sent_image(model.history[1][0])
    assert mime == "image/png"
    with Image.open(io.BytesIO(data)) as sent, Image.open(io.BytesIO(gif)) as original:
        assert sent.format == "PNG" and sent.size == original.size


def test_images_over_the_limits_or_not_images_never_reach_the_model(tmp_path: Path) -> None:
    model = FakeChatModel([])
    vision = describer(model, tmp_path, max_bytes=10_000, max_pixels=1000)
    with pytest.raises(AttachmentError, match="limit"):
        vision.describe(b"x" * 10_001, "grande.png")
    with pytest.raises(AttachmentError, match="pixels"):
        vision.describe(image_bytes("PNG", (100, 100)), "enorme.png")
    with pytest.raises(AttachmentError, match="not a readable image"):
        vision.describe(b"%PDF-1.4 no es una imagen", "doc.png")
    assert model.history == []


def test_a_description_with_personal_data_is_kept_in_memory_only(tmp_path: Path) -> None:
    text = "La captura muestra el NIF 12345678Z del asegurado y un error de validación."
    vision = describer(FakeChatModel([text]), tmp_path)
    png = image_bytes("PNG")
    assert vision.describe(png, "a.png").text == text
    assert vision.describe(png, "a.png").cached  # same process: from memory
    assert list(tmp_path.glob("*.json")) == []


def test_a_failing_or_empty_vision_model_is_a_vision_error(tmp_path: Path) -> None:
    vision = describer(FakeChatModel([ConnectionError("connection refused"), "   "]), tmp_path)
    with pytest.raises(VisionError, match="connection refused"):
        vision.describe(image_bytes("PNG"), "a.png")
    with pytest.raises(VisionError, match="empty"):
        vision.describe(image_bytes("PNG"), "a.png")


def test_vision_is_off_by_default_and_refuses_the_bundled_text_models(tmp_path: Path) -> None:
    assert build_describer(load_settings(DATA_DIR=tmp_path)) is None
    built = build_describer(load_settings(DATA_DIR=tmp_path, VISION_MODEL="ollama/gemma3"))
    assert built is not None and built.model == "ollama/gemma3"
    with pytest.raises(ConfigError, match="VISION_MODEL"):
        load_settings(VISION_MODEL="llamacpp/qwen2.5-coder-1.5b")


# --- the attachment node ----------------------------------------------------------------------


class Incidents:
    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files

    def fetch_attachment(self, name: str) -> Attachment:
        return Attachment(
            name, f"http://127.0.0.1:3000/api/adjuntos/{name}", "image/png", self.files[name]
        )


class Ocr:
    def read(self, data: bytes, name: str) -> OcrResult:
        return OcrResult("Error 403 acceso denegado", "sha-" + name, "PNG", cached=False)


def run_node(tmp_path: Path, model: FakeChatModel) -> tuple[dict[str, Any], LLMHistory]:
    history = LLMHistory(tmp_path / "llm_history.sqlite")
    ctx = SimpleNamespace(
        incidents=Incidents({"error.png": image_bytes("PNG")}),
        ocr=Ocr(),
        vision=describer(model, tmp_path / "cache"),
        history=history,
        run_id="run-1",
    )
    incident = {
        "codIncidencia": "INC1",
        "titulo": "No puedo entrar",
        "descripcion": "Me sale un error al entrar en pólizas.",
        "historial": [{"adjuntos": ["error.png"]}],
    }
    state = analyze_attachments(
        {"incident": incident, "incident_id": "INC1"},  # type: ignore[typeddict-item]
        SimpleNamespace(context=ctx),  # type: ignore[arg-type]
    )
    return state, history


def test_the_description_joins_the_evidence_but_gives_no_identifiers(tmp_path: Path) -> None:
    described = "La captura muestra el error «Usuario bloqueado» para el NIF 12345678Z."
    state, history = run_node(tmp_path, FakeChatModel([described]))
    [attachment] = state["attachments"]
    assert attachment["text"] == "Error 403 acceso denegado"
    assert attachment["description"] == described and attachment["vision_error"] is None
    assert "[Descripción de la captura]" in state["text"] and "Usuario bloqueado" in state["text"]
    assert "12345678Z" not in json.dumps(state["identifiers"])  # a model's words: no identifier
    [row] = history.rows()
    assert row["node"] == "analyze_attachments" and row["prompt_id"] == "describe_captura/v1"
    assert "base64" not in row["input_json"] and "sha256=" in row["input_json"]
    assert "12345678Z" not in row["output"]  # the history is redacted as always
    history.close()


def test_a_failing_vision_model_leaves_the_ocr_text_and_records_why(tmp_path: Path) -> None:
    state, history = run_node(tmp_path, FakeChatModel([ConnectionError("connection refused")]))
    [attachment] = state["attachments"]
    assert attachment["error"] is None
    assert attachment["text"] == "Error 403 acceso denegado"
    assert attachment["description"] == ""
    assert "connection refused" in str(attachment["vision_error"])
    assert "Error 403" in state["text"] and "[Descripción" not in state["text"]
    [row] = history.rows()
    assert "connection refused" in row["error"] and row["output"] is None
    history.close()
