"""Incident-manager adapter: the only way the engine reads and changes incidents.

:class:`IncidentManager` is the interface (a Protocol); :class:`HttpIncidentManager` talks to
the API of ARCHITECTURE §5 (the mock in ``mocks/`` or a compatible real system). The incident
models are the contract in :mod:`adapters.incident_model`, which the mock uses too.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

from pydantic import ValidationError

from adapters.http_service import HttpClient, RetryPolicy, ServiceClient, TransientError, origin_of
from adapters.incident_model import Incidencia, IncidentAction
from config import Settings
from errors import ExternalServiceError, ServiceErrorKind

SERVICE = "incident_manager"

#: Content types accepted as attachments (what OCR / vision can read).
DEFAULT_ATTACHMENT_TYPES = frozenset(
    {
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "image/bmp",
        "image/tiff",
        "application/pdf",
    }
)
DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ATTACHMENTS_PATH = "/api/adjuntos/"


@dataclass(frozen=True)
class Attachment:
    """A downloaded attachment, already size- and type-checked."""

    name: str
    url: str
    content_type: str
    content: bytes


@dataclass(frozen=True)
class MalformedIncident:
    """An incident of a listing that does not follow the contract (adapters.incident_model):
    its code when it has a usable one, and what is wrong with it."""

    code: str | None
    error: str


class IncidentManager(Protocol):
    """What the engine needs from an incident manager."""

    def list_open(
        self, buzon: str, malformed: list[MalformedIncident] | None = None
    ) -> list[Incidencia]:
        """Open incidents of a mailbox. With ``malformed``, an incident that does not follow
        the contract is put there instead of failing the whole listing."""
        ...

    def list_closed(self) -> list[Incidencia]:
        """Closed incidents (knowledge-base maintenance mines them)."""
        ...

    def get(self, cod: str) -> Incidencia:
        """One incident in any state."""
        ...

    def update(
        self,
        cod: str,
        action: IncidentAction,
        *,
        buzon_destino: str | None = None,
        notas_resolucion: str | None = None,
        detalle: str | None = None,
        codigo_resolucion: str | None = None,
        autor: str | None = None,
        idempotency_key: str | None = None,
    ) -> Incidencia:
        """Apply an action; the same ``idempotency_key`` applies it at most once."""
        ...

    def fetch_attachment(self, name_or_url: str) -> Attachment:
        """Download an attachment from this incident manager's origin only."""
        ...


class HttpIncidentManager:
    """:class:`IncidentManager` over HTTP (the mock or a compatible real system)."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout_s: float = 30.0,
        client: HttpClient | None = None,
        retry: RetryPolicy | None = None,
        max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES,
        attachment_types: frozenset[str] = DEFAULT_ATTACHMENT_TYPES,
    ) -> None:
        """``client``: an ``httpx.Client`` (or FastAPI's TestClient) to use; built if None. An
        injected client keeps its own timeout settings."""
        self._http = ServiceClient(
            base_url, token, SERVICE, timeout_s=timeout_s, client=client, retry=retry
        )
        self.max_attachment_bytes = max_attachment_bytes
        self.attachment_types = attachment_types

    @classmethod
    def from_settings(
        cls, settings: Settings, *, client: HttpClient | None = None
    ) -> HttpIncidentManager:
        return cls(
            settings.INCIDENT_MANAGER_URL,
            settings.MOCKS_TOKEN.get_secret_value(),
            timeout_s=settings.HTTP_TIMEOUT_S,
            client=client,
        )

    def close(self) -> None:
        self._http.close()

    # --- reading -------------------------------------------------------------------------
    def list_open(
        self, buzon: str, malformed: list[MalformedIncident] | None = None
    ) -> list[Incidencia]:
        return self._incidents(
            self._http.request_json("GET", "/api/incidencias", params={"buzon": buzon}),
            malformed,
        )

    def list_closed(self) -> list[Incidencia]:
        return self._incidents(self._http.request_json("GET", "/api/incidencias/cerradas"))

    def get(self, cod: str) -> Incidencia:
        return self._incident(self._http.request_json("GET", f"/api/incidencias/{_segment(cod)}"))

    # --- writing -------------------------------------------------------------------------
    def update(
        self,
        cod: str,
        action: IncidentAction,
        *,
        buzon_destino: str | None = None,
        notas_resolucion: str | None = None,
        detalle: str | None = None,
        codigo_resolucion: str | None = None,
        autor: str | None = None,
        idempotency_key: str | None = None,
    ) -> Incidencia:
        """PATCH the incident. Without a key one is generated, so that retries after a 5xx or
        a lost connection cannot apply the action twice."""
        if action == "reasignar" and not (buzon_destino or "").strip():
            raise self._http.error(
                ServiceErrorKind.INVALID_REQUEST, "reasignar needs buzon_destino"
            )
        body = {
            "action": action,
            "buzonDestino": buzon_destino,
            "notasResolucion": notas_resolucion,
            "detalle": detalle,
            "codigoResolucion": codigo_resolucion,
            "autor": autor,
        }
        key = idempotency_key or f"resolvia-{uuid.uuid4().hex}"
        data = self._http.request_json(
            "PATCH",
            f"/api/incidencias/{_segment(cod)}",
            body={k: v for k, v in body.items() if v is not None},
            headers={"Idempotency-Key": key},
        )
        return self._incident(data)

    # --- attachments ---------------------------------------------------------------------
    def attachment_url(self, name_or_url: str) -> str:
        """The absolute URL of an attachment reference, refusing anything off our origin."""
        ref = name_or_url.strip()
        try:
            parts = urlsplit(ref)
        except ValueError:  # e.g. an unclosed IPv6 bracket
            raise self._rejected(ref, "not a URL") from None
        if parts.scheme or parts.netloc:
            # Userinfo is refused even on our own origin: it is how a reference disguises
            # another host (http://127.0.0.1:3000@evil.example.com/), and ours never carry it.
            if "@" in parts.netloc or not self._on_our_origin(ref):
                raise self._rejected(ref, "not on the incident manager's origin")
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            return self._http.url(path)
        if ref.startswith("/"):
            return self._http.url(ref)
        if not ref or "/" in ref or "\\" in ref or ref in {".", ".."}:
            raise self._rejected(ref, "not a file name")
        return self._http.url(ATTACHMENTS_PATH + quote(ref, safe=""))

    def fetch_attachment(self, name_or_url: str) -> Attachment:
        url = self.attachment_url(name_or_url)
        name = urlsplit(url).path.rsplit("/", 1)[-1]

        def download() -> Attachment:
            with self._http.stream(url) as response:
                if response.status_code >= 500:
                    raise TransientError(f"HTTP {response.status_code}", response.status_code)
                self._http.check(response)
                content_type = response.headers.get("content-type", "").split(";")[0].strip()
                if content_type.lower() not in self.attachment_types:
                    raise self._rejected(url, f"content type {content_type or 'missing'!r}")
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_attachment_bytes:
                    raise self._rejected(url, f"{declared} bytes > {self.max_attachment_bytes}")
                content = bytearray()
                for chunk in response.iter_bytes():
                    content.extend(chunk)
                    if len(content) > self.max_attachment_bytes:
                        raise self._rejected(url, f"more than {self.max_attachment_bytes} bytes")
                return Attachment(name, url, content_type.lower(), bytes(content))

        return self._http.with_retries(download, f"GET {url}")

    # --- helpers -------------------------------------------------------------------------
    def _on_our_origin(self, url: str) -> bool:
        """Same scheme, host and port as the base URL, after normalisation (``localhost`` and
        ``127.0.0.1`` are one machine, so an attachment written with either is ours)."""
        try:
            return origin_of(url) == origin_of(self._http.base_url)
        except ValueError:  # not http(s), no host, or a port out of range: not an origin of ours
            return False

    def _rejected(self, ref: str, why: str) -> ExternalServiceError:
        return self._http.error(ServiceErrorKind.REJECTED, f"attachment {ref!r} refused: {why}")

    def _incident(self, data: Any) -> Incidencia:
        try:
            return Incidencia.model_validate(data)
        except ValidationError as exc:
            raise self._http.invalid_response(f"unexpected incident payload: {exc}") from None

    def _incidents(
        self, data: Any, malformed: list[MalformedIncident] | None = None
    ) -> list[Incidencia]:
        if not isinstance(data, list):
            raise self._http.invalid_response("expected a list of incidents")
        if malformed is None:
            return [self._incident(item) for item in data]
        valid = []
        for item in data:
            try:
                valid.append(Incidencia.model_validate(item))
            except ValidationError as exc:
                malformed.append(MalformedIncident(_code_of(item), _errors_of(exc)))
        return valid


def _code_of(item: Any) -> str | None:
    """The code of an incident that failed validation, when it is a usable one."""
    code = item.get("codIncidencia") if isinstance(item, dict) else None
    if isinstance(code, str) and code.strip() and len(code) <= 64 and code.isprintable():
        return code.strip()
    return None


def _errors_of(exc: ValidationError, most: int = 3) -> str:
    """What is wrong, in a line: the first fields and their messages, never their values
    (an incident's text may hold personal data)."""
    parts = [f"{'.'.join(str(x) for x in e['loc']) or '(root)'}: {e['msg']}" for e in exc.errors()]
    more = f" (+{len(parts) - most} more)" if len(parts) > most else ""
    return "; ".join(parts[:most]) + more


def _segment(value: str) -> str:
    """A path segment, percent-encoded (an id can never climb out of its route)."""
    return quote(value, safe="")
