"""The incident as the incident manager serves it now, and the text of its screenshots.

Run reports hold no incident text (only what was decided, redacted), so the incident page asks
the incident manager, with a short timeout: a console must stay usable while it is down. The
screenshots are read with the engine's own OCR and cache (``DATA_DIR/ocr_cache``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import structlog

from adapters.http_service import RetryPolicy
from adapters.incident_manager import HttpIncidentManager
from adapters.ocr import AttachmentError, TesseractOcr
from config import Settings
from domain.incident import attachment_names
from errors import ResolviaError

log = structlog.get_logger(__name__)

#: seconds the console waits for the incident manager (a page, not a run)
TIMEOUT_S = 3.0


@dataclass(frozen=True)
class ScreenshotText:
    name: str
    text: str
    error: str | None = None


@dataclass(frozen=True)
class Fetched:
    """The incident, or why it could not be read."""

    incident: dict[str, Any] | None
    error: str | None = None


class IncidentSource(Protocol):
    def get(self, incident_id: str) -> Fetched: ...

    def screenshots(self, incident: dict[str, Any]) -> list[ScreenshotText]: ...


class HttpIncidentSource:
    """The configured incident manager (``INCIDENT_MANAGER_URL``) and the engine's OCR."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.ocr = TesseractOcr(settings.ocr_cache_dir)

    def _client(self) -> HttpIncidentManager:
        return HttpIncidentManager(
            self.settings.INCIDENT_MANAGER_URL,
            self.settings.MOCKS_TOKEN.get_secret_value(),
            timeout_s=TIMEOUT_S,
            retry=RetryPolicy(attempts=1),
        )

    def get(self, incident_id: str) -> Fetched:
        client = self._client()
        try:
            return Fetched(client.get(incident_id).model_dump())
        except ResolviaError as exc:
            log.info("console.incident_unavailable", incident_id=incident_id, error=str(exc))
            return Fetched(None, f"el gestor de incidencias no responde o no la tiene ({exc})")
        finally:
            client.close()

    def screenshots(self, incident: dict[str, Any]) -> list[ScreenshotText]:
        names = attachment_names(incident)
        if not names:
            return []
        client = self._client()
        texts = []
        try:
            for name in names:
                try:
                    attachment = client.fetch_attachment(name)
                    texts.append(ScreenshotText(name, self.ocr.read(attachment.content, name).text))
                except (ResolviaError, AttachmentError) as exc:
                    texts.append(ScreenshotText(name, "", str(exc)))
        finally:
            client.close()
        return texts
