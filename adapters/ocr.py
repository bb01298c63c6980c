"""Reading screenshots: Tesseract OCR (Spanish + English), checked and cached.

Only image bytes come in here (fetching, origin checks and download limits belong to the incident
manager adapter). Each image is checked before Tesseract sees it: size in bytes, a real image
format by content (not by file name), and a pixel cap against decompression bombs. Results are
cached by the SHA-256 of the bytes, so a screenshot attached to many incidents, or a run that is
resumed, is read once.

The cache on disk never holds personal data: a text in which the redaction finds something (a
NIF, an IBAN, an e-mail address...) is kept in this process's memory only, and a later process
reads that screenshot again (one Tesseract call). Storing the redacted text instead would hand
the next run placeholders where the identifiers an action needs were, so the engine's
extraction would miss them. An entry written before this rule that holds personal data is
dropped when it is next looked up. A hit refreshes the file's time: retention
(``RETENTION_OCR_CACHE_DAYS``) counts from the last use.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import warnings
from collections import OrderedDict
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from errors import ResolviaError
from observability.redaction import redact

ALLOWED_FORMATS = frozenset({"PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP"})
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_PIXELS = 40_000_000
#: texts with personal data kept in memory (never on disk) per process
MEMORY_ENTRIES = 256


class AttachmentError(ResolviaError):
    """An attachment was refused (too big, not an image, unreadable)."""


@dataclass(frozen=True)
class OcrResult:
    text: str
    sha256: str
    image_format: str
    cached: bool


class TesseractOcr:
    """OCR with Tesseract through pytesseract."""

    def __init__(
        self,
        cache_dir: Path | None = None,
        *,
        langs: str = "spa+eng",
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_pixels: int = DEFAULT_MAX_PIXELS,
        timeout_s: float = 60.0,
    ) -> None:
        self.cache_dir = cache_dir
        self.langs = langs
        self.max_bytes = max_bytes
        self.max_pixels = max_pixels
        self.timeout_s = timeout_s
        self._cache = TextCache(cache_dir)

    def read(self, data: bytes, name: str = "adjunto") -> OcrResult:
        """Text of one image; raises :class:`AttachmentError` for anything unacceptable."""
        if len(data) > self.max_bytes:
            raise AttachmentError(f"{name}: {len(data)} bytes exceeds the {self.max_bytes} limit")
        digest = hashlib.sha256(data).hexdigest()
        cached = self._cache_get(digest)
        if cached is not None:
            return cached
        image, image_format = self._open(data, name)
        # imported here: pytesseract pulls in pandas (~0.5 s), and most runs read no screenshot
        import pytesseract

        try:
            text = pytesseract.image_to_string(image, lang=self.langs, timeout=self.timeout_s)
        except (pytesseract.TesseractError, RuntimeError) as exc:  # RuntimeError = timeout
            raise AttachmentError(f"{name}: OCR failed: {exc}") from exc
        except pytesseract.TesseractNotFoundError as exc:
            raise AttachmentError(
                "Tesseract is not installed: run `make install` (tesseract-ocr, tesseract-ocr-spa)"
            ) from exc
        result = OcrResult(_clean(text), digest, image_format, cached=False)
        self._cache_put(result)
        return result

    def _open(self, data: bytes, name: str) -> tuple[Image.Image, str]:
        return open_image(data, name, self.max_pixels)

    def _cache_get(self, digest: str) -> OcrResult | None:
        entry = self._cache.get(digest)
        if entry is None:
            return None
        try:
            return OcrResult(str(entry["text"]), digest, str(entry["image_format"]), cached=True)
        except KeyError:
            return None  # a broken cache entry is just a miss

    def _cache_put(self, result: OcrResult) -> None:
        self._cache.put(result.sha256, {"text": result.text, "image_format": result.image_format})


def open_image(
    data: bytes, name: str, max_pixels: int = DEFAULT_MAX_PIXELS
) -> tuple[Image.Image, str]:
    """The image decoded to RGB, and its format; :class:`AttachmentError` for anything Pillow
    cannot or must not decode (a type not accepted, too many pixels, a corrupt file)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image: Image.Image = Image.open(io.BytesIO(data))
            if image.format not in ALLOWED_FORMATS:
                raise AttachmentError(f"{name}: {image.format} is not an accepted image type")
            width, height = image.size
            if width * height > max_pixels:
                raise AttachmentError(
                    f"{name}: {width}x{height} pixels exceeds the {max_pixels} limit"
                )
            image.load()
            image_format = str(image.format)
            image = image.convert("RGB")  # a corrupt palette or mode fails here, not in OCR
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise AttachmentError(f"{name}: too many pixels to open safely ({exc})") from exc
    # Pillow's own errors for a corrupt file: UnidentifiedImageError and OSError (truncated
    # data), SyntaxError ("broken PNG file"), ValueError ("Truncated IHDR chunk")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise AttachmentError(f"{name}: not a readable image ({exc})") from exc
    return image, image_format


class TextCache:
    """Texts read from screenshots (OCR, a vision model's description) by key, as JSON files
    with a ``text`` field under ``directory`` (None: memory only), with the rule of the module
    docstring: a text holding personal data stays in this process's memory, never on disk."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._memory: OrderedDict[str, dict[str, Any]] = OrderedDict()

    def _path(self, key: str) -> Path | None:
        return self.directory / f"{key}.json" if self.directory else None

    def get(self, key: str) -> dict[str, Any] | None:
        if key in self._memory:
            self._memory.move_to_end(key)
            return dict(self._memory[key])
        path = self._path(key)
        if path is None or not path.exists():
            return None
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            text = entry["text"]
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a broken cache entry is just a miss
        # A read-only cache still serves: failing to delete or touch a file is no error.
        if not isinstance(text, str) or redact(text) != text:  # written before the rule
            with suppress(OSError):
                path.unlink(missing_ok=True)
            return None
        with suppress(OSError):
            os.utime(path)  # retention counts from the last use
        return dict(entry)

    def put(self, key: str, entry: dict[str, Any]) -> None:
        text = str(entry["text"])
        if redact(text) != text:
            # Personal data: this process only (see the module docstring).
            self._memory[key] = dict(entry)
            if len(self._memory) > MEMORY_ENTRIES:
                self._memory.popitem(last=False)
            return
        path = self._path(key)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(entry), encoding="utf-8")
        tmp.replace(path)


def holds_personal_data(entry: Path) -> bool:
    """Whether a cache entry's text holds personal data (written before it was kept out);
    an unreadable entry counts as holding none (it is only a miss)."""
    try:
        text = str(json.loads(entry.read_text(encoding="utf-8"))["text"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return redact(text) != text


def _clean(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)
