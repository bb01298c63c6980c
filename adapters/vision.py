"""Describing screenshots with a vision model (``VISION_MODEL``), beside their OCR text.

The model gets one chat message with a Spanish prompt (``prompts/describe_captura``) and the
image as an ``image_url`` data URI, which OpenAI, vLLM-style servers and Ollama (through
langchain-ollama) all take. The image is checked as OCR checks it (size in bytes, an accepted
type by content, a pixel cap); PNG and JPEG go as they are, the other accepted types are
re-encoded as PNG, the one format every vision server reads.

Descriptions are cached like OCR text (:class:`adapters.ocr.TextCache`, under the OCR cache
directory, keyed by the image's SHA-256, the model and the prompt's hash): a description that
holds personal data stays in memory only, and retention prunes the files with the OCR ones.
Every failure is one :class:`VisionError`; the attachment node then keeps the OCR text alone.
"""

from __future__ import annotations

import base64
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.messages import BaseMessage, HumanMessage

from adapters.llm.client import LLMClient
from adapters.llm.providers import build_chat_provider
from adapters.ocr import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PIXELS,
    AttachmentError,
    TextCache,
    open_image,
)
from config import Settings
from errors import LLMError, ResolviaError
from prompts.loader import Prompt, load_prompt

PROMPT_NAME = "describe_captura"
#: sent as they are; any other accepted type is re-encoded as PNG
SENT_AS_IS = {"PNG": "image/png", "JPEG": "image/jpeg"}
#: a description longer than this is cut (the prompt asks for at most 120 words)
MAX_CHARS = 2000


class VisionError(ResolviaError):
    """The vision model gave no usable description of a screenshot."""


@dataclass(frozen=True)
class Description:
    text: str
    sha256: str
    model: str
    cached: bool
    input_tokens: int | None = None
    output_tokens: int | None = None
    latency_s: float | None = None


def image_payload(data: bytes, name: str, max_pixels: int) -> tuple[bytes, str]:
    """(bytes to send, MIME type) for an image; :class:`AttachmentError` when it is refused."""
    image, image_format = open_image(data, name, max_pixels)
    if image_format in SENT_AS_IS:
        return data, SENT_AS_IS[image_format]
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue(), "image/png"


def vision_messages(prompt: Prompt, name: str, payload: bytes, mime: str) -> list[BaseMessage]:
    """The prompt's messages, the user's one carrying the image as a data URI."""
    system, user = prompt.render(nombre=name)
    encoded = base64.b64encode(payload).decode("ascii")
    content: list[str | dict[str, Any]] = [
        {"type": "text", "text": str(user.content)},
        {"type": "image_url", "image_url": {"url": f"data:{mime};base64,{encoded}"}},
    ]
    return [system, HumanMessage(content=content)]


class VisionDescriber:
    """Describes one screenshot at a time; see the module docstring."""

    def __init__(
        self,
        client: LLMClient,
        *,
        prompt: Prompt,
        cache_dir: Path | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_pixels: int = DEFAULT_MAX_PIXELS,
    ) -> None:
        self.client = client
        self.prompt = prompt
        self.max_bytes = max_bytes
        self.max_pixels = max_pixels
        self._cache = TextCache(cache_dir)
        key = f"{client.primary_spec}\n{prompt.sha256}".encode()
        self._cache_suffix = hashlib.sha256(key).hexdigest()[:16]

    @property
    def model(self) -> str:
        return self.client.primary_spec

    def describe(self, data: bytes, name: str = "adjunto") -> Description:
        """A Spanish description of the image; :class:`AttachmentError` for an image that is
        refused, :class:`VisionError` when the model gives none."""
        if len(data) > self.max_bytes:
            raise AttachmentError(f"{name}: {len(data)} bytes exceeds the {self.max_bytes} limit")
        digest = hashlib.sha256(data).hexdigest()
        key = f"{digest}.vision-{self._cache_suffix}"
        cached = self._cache.get(key)
        if cached is not None:
            return Description(str(cached["text"]), digest, str(cached["model"]), cached=True)
        payload, mime = image_payload(data, name, self.max_pixels)
        try:
            result = self.client.chat(vision_messages(self.prompt, name, payload, mime))
        except LLMError as exc:
            raise VisionError(f"{name}: the vision model {self.model} failed: {exc}") from exc
        text = " ".join(result.text.split())[:MAX_CHARS]
        if not text:
            raise VisionError(f"{name}: the vision model {self.model} gave an empty answer")
        self._cache.put(key, {"text": text, "model": result.model})
        return Description(
            text,
            digest,
            result.model,
            cached=False,
            input_tokens=result.input_tokens,
            output_tokens=result.output_tokens,
            latency_s=round(result.latency_s, 3),
        )


def build_describer(settings: Settings, *, prompt_version: str = "v1") -> VisionDescriber | None:
    """The configured describer, None when VISION_MODEL is empty. Builds no connection."""
    if not settings.VISION_MODEL:
        return None
    spec = settings.VISION_MODEL
    # no fallback: LLM_FALLBACK_MODEL is a text model, it reads no image
    client = LLMClient(
        [(spec, lambda: build_chat_provider(spec, settings))], max_retries=settings.LLM_MAX_RETRIES
    )
    return VisionDescriber(
        client, prompt=load_prompt(PROMPT_NAME, prompt_version), cache_dir=settings.ocr_cache_dir
    )
