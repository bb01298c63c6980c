"""The incident-manager adapter against the mock app, through an injected TestClient."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from adapters.http_service import RetryPolicy
from adapters.incident_manager import HttpIncidentManager, Incidencia, IncidentManager
from config import load_settings
from errors import ExternalServiceError, ServiceErrorKind
from mocks.store import MockStore
from tests.mock_support import (
    AUTH,
    RESOURCES,
    TOKEN,
    FlakyTransport,
    incidents_client,
    seeded_store,
)

BASE = "http://127.0.0.1:3000"
NO_WAIT = RetryPolicy(attempts=3, backoff_s=0)


@contextmanager
def fails(
    kind: ServiceErrorKind, match: str | None = None
) -> Iterator[pytest.ExceptionInfo[ExternalServiceError]]:
    """The block raises the incident manager's error of this ``kind``."""
    with pytest.raises(ExternalServiceError, match=match) as info:
        yield info
    assert info.value.service == "incident_manager"
    assert info.value.kind is kind


@pytest.fixture
def store(tmp_path: Path) -> MockStore:
    return seeded_store(tmp_path / "mocks")


@pytest.fixture
def app_client(store: MockStore) -> TestClient:
    return incidents_client(store)


@pytest.fixture
def manager(app_client: TestClient) -> HttpIncidentManager:
    return HttpIncidentManager(BASE, TOKEN, client=app_client, retry=NO_WAIT)


def flaky(app_client: TestClient, script: list[Any], **kwargs: Any) -> tuple[Any, FlakyTransport]:
    transport = FlakyTransport(app_client, script)
    client = httpx.Client(transport=transport)
    return HttpIncidentManager(BASE, TOKEN, client=client, retry=NO_WAIT, **kwargs), transport


def test_it_implements_the_protocol(manager: HttpIncidentManager) -> None:
    as_protocol: IncidentManager = manager
    assert callable(as_protocol.fetch_attachment)


def test_lists_and_gets_typed_incidents(manager: HttpIncidentManager) -> None:
    n2 = manager.list_open("SOPORTE_N2")
    assert [i.codIncidencia for i in n2] == ["INC000109", "INC000110", "INC000115"]
    assert all(isinstance(i, Incidencia) for i in n2)
    screenshot = manager.get("INC000115")
    assert screenshot.historial[0].adjuntos == ["INC000115_captura.png"]
    assert screenshot.historial[0].buzonAsignado == "SOPORTE_N2"
    assert manager.list_closed() == []


def test_the_adapter_reads_back_exactly_what_the_mock_serves(
    manager: HttpIncidentManager, app_client: TestClient
) -> None:
    manager.update("INC000101", "en_espera", notas_resolucion="[RESOLVIA] espera")
    for cod in ("INC000101", "INC000115"):
        served = app_client.get(f"/api/incidencias/{cod}", headers=AUTH).json()
        assert manager.get(cod).model_dump() == served


def test_nulls_in_an_answer_read_as_empty() -> None:
    incident = {"codIncidencia": 7, "buzon": "N1", "titulo": None, "historial": None}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=incident))
    manager = HttpIncidentManager(BASE, TOKEN, client=httpx.Client(transport=transport))
    read = manager.get("7")
    assert (read.codIncidencia, read.titulo, read.historial) == ("7", "", [])


def test_update_resolver_and_reasignar(manager: HttpIncidentManager) -> None:
    resolved = manager.update(
        "INC000104", "resolver", notas_resolucion="[RESOLVIA] hecho", autor="RESOLVIA"
    )
    assert resolved.estado == "Resuelta"
    assert resolved.historial[-1].NotasResolucion == "[RESOLVIA] hecho"
    assert [i.codIncidencia for i in manager.list_closed()] == ["INC000104"]
    moved = manager.update("INC000108", "reasignar", buzon_destino="MICROINFORMATICA")
    assert moved.buzon == "MICROINFORMATICA"
    assert [i.codIncidencia for i in manager.list_open("MICROINFORMATICA")] == ["INC000108"]


def test_every_update_carries_an_idempotency_key(
    manager: HttpIncidentManager, app_client: TestClient
) -> None:
    manager.update("INC000101", "en_espera", idempotency_key="engine-key-1")
    manager.update("INC000101", "en_espera", idempotency_key="engine-key-1")
    manager.update("INC000102", "en_espera")
    rows = [
        r for r in app_client.get("/api/_requests", headers=AUTH).json() if r["method"] == "PATCH"
    ]
    assert [r["idempotency_key"] for r in rows[:2]] == ["engine-key-1", "engine-key-1"]
    assert rows[2]["idempotency_key"].startswith("resolvia-")
    assert len(manager.get("INC000101").historial) == 2


def test_reasignar_without_destination_is_refused_before_any_request(
    app_client: TestClient,
) -> None:
    manager, transport = flaky(app_client, [])
    with fails(ServiceErrorKind.INVALID_REQUEST, match="buzon_destino") as info:
        manager.update("INC000101", "reasignar")
    assert info.value.status_code is None
    assert transport.calls == 0


def test_http_errors_become_typed_errors(
    manager: HttpIncidentManager, app_client: TestClient
) -> None:
    with fails(ServiceErrorKind.NOT_FOUND) as not_found:
        manager.get("INC999999")
    assert not_found.value.status_code == 404 and "INC999999" in str(not_found.value)

    manager.update("INC000103", "resolver", idempotency_key="k")
    with fails(ServiceErrorKind.CONFLICT) as conflict:
        manager.update("INC000103", "en_espera", idempotency_key="k")  # key reused
    assert conflict.value.status_code == 409

    with fails(ServiceErrorKind.INVALID_REQUEST, match=r"body\.action"):
        manager.update("INC000101", "cerrar")  # type: ignore[arg-type]

    wrong = HttpIncidentManager(BASE, "wrong-token", client=app_client, retry=NO_WAIT)
    with fails(ServiceErrorKind.AUTH) as auth:
        wrong.list_open("SOPORTE_N1")
    assert auth.value.status_code == 401


def test_retries_5xx_and_connection_errors_then_succeeds(app_client: TestClient) -> None:
    manager, transport = flaky(app_client, [503, httpx.ConnectError("refused")])
    assert len(manager.list_open("SOPORTE_N1")) == 13
    assert transport.calls == 3


def test_gives_up_after_the_configured_attempts(app_client: TestClient) -> None:
    manager, transport = flaky(app_client, [500, 502, 503, 504])
    with fails(ServiceErrorKind.UNAVAILABLE) as info:
        manager.list_closed()
    assert transport.calls == 3 and info.value.status_code == 503
    assert "3 attempt(s)" in str(info.value)


def test_client_errors_are_not_retried(app_client: TestClient) -> None:
    manager, transport = flaky(app_client, [404])
    with fails(ServiceErrorKind.NOT_FOUND):
        manager.get("INC000101")
    assert transport.calls == 1


def test_retried_update_after_a_lost_answer_is_applied_once(app_client: TestClient) -> None:
    manager, transport = flaky(app_client, ["lost"])
    incident = manager.update("INC000101", "resolver")
    assert transport.calls == 2
    assert [h.estado for h in incident.historial] == ["Abierta", "Resuelta"]


def test_exponential_backoff_between_attempts(app_client: TestClient) -> None:
    sleeps: list[float] = []
    transport = FlakyTransport(app_client, [503, 503, 503])
    policy = RetryPolicy(attempts=4, backoff_s=0.01, max_backoff_s=0.03, sleep=sleeps.append)
    manager = HttpIncidentManager(
        BASE, TOKEN, client=httpx.Client(transport=transport), retry=policy
    )
    manager.list_closed()
    assert sleeps == pytest.approx([0.01, 0.02, 0.03])  # doubling, capped


# --- attachments --------------------------------------------------------------------------------
def test_fetch_attachment_by_name_and_by_same_origin_url(manager: HttpIncidentManager) -> None:
    expected = (RESOURCES / "adjuntos" / "INC000115_captura.png").read_bytes()
    by_name = manager.fetch_attachment("INC000115_captura.png")
    by_url = manager.fetch_attachment(f"{BASE}/api/adjuntos/INC000115_captura.png")
    by_path = manager.fetch_attachment("/api/adjuntos/INC000115_captura.png")
    for attachment in (by_name, by_url, by_path):
        assert attachment.content == expected
        assert attachment.content_type == "image/png"
        assert attachment.name == "INC000115_captura.png"


@pytest.mark.parametrize(
    "ref",
    [
        "http://evil.example.com/api/adjuntos/INC000115_captura.png",
        "https://127.0.0.1:3000/api/adjuntos/INC000115_captura.png",
        "http://127.0.0.1:3001/api/adjuntos/INC000115_captura.png",
        "http://127.0.0.1:3000@evil.example.com/x.png",
        "http://user@127.0.0.1:3000/api/adjuntos/INC000115_captura.png",
        "//evil.example.com/x.png",
        "../mocks.sqlite3",
        "..",
        "",
    ],
)
def test_attachments_off_the_origin_are_refused_without_a_request(
    app_client: TestClient, ref: str
) -> None:
    manager, transport = flaky(app_client, [])
    with fails(ServiceErrorKind.REJECTED):
        manager.fetch_attachment(ref)
    assert transport.calls == 0


LOCAL = "http://127.0.0.1:3000"
PNG = "/api/adjuntos/INC000115_captura.png"


@pytest.mark.parametrize(
    ("base", "ref", "accepted"),
    [
        # loopback names and addresses are one machine, whichever the engine was given
        (LOCAL, f"http://localhost:3000{PNG}", True),
        (LOCAL, f"http://LocalHost:3000{PNG}", True),
        (LOCAL, f"http://localhost.:3000{PNG}", True),
        (LOCAL, f"http://[::1]:3000{PNG}", True),
        (LOCAL, f"http://[0:0:0:0:0:0:0:1]:3000{PNG}", True),
        (LOCAL, f"http://[::ffff:127.0.0.1]:3000{PNG}", True),
        (LOCAL, f"HTTP://127.0.0.1:3000{PNG}", True),
        ("http://localhost:3000", f"{LOCAL}{PNG}", True),
        ("http://[::1]:3000/", f"http://localhost:3000{PNG}", True),
        # default ports made explicit, trailing dots and case ignored
        ("http://127.0.0.1", f"http://localhost:80{PNG}", True),
        ("https://localhost", f"https://127.0.0.1:443{PNG}", True),
        ("http://Incidencias.Example.COM.", f"http://incidencias.example.com:80{PNG}", True),
        ("http://[2001:DB8::1]:8080", f"http://[2001:db8:0:0::1]:8080{PNG}", True),
        # relative references, as before
        (LOCAL, PNG, True),
        (LOCAL, "INC000115_captura.png", True),
        # another port, scheme or host
        (LOCAL, f"http://localhost:3001{PNG}", False),
        (LOCAL, f"https://localhost:3000{PNG}", False),
        ("http://127.0.0.1", f"http://localhost:443{PNG}", False),
        ("https://incidencias.example.com", f"http://incidencias.example.com:443{PNG}", False),
        (LOCAL, f"http://incidencias.example.com:3000{PNG}", False),
        (LOCAL, f"http://localhost.example.com:3000{PNG}", False),
        (LOCAL, f"http://0.0.0.0:3000{PNG}", False),
        (LOCAL, f"http://[::2]:3000{PNG}", False),
        # loopback is equivalent only to loopback
        ("http://incidencias.example.com", f"http://localhost{PNG}", False),
        ("http://incidencias.example.com", f"http://127.0.0.1{PNG}", False),
        ("http://localhost:3000", f"http://incidencias.example.com:3000{PNG}", False),
        # userinfo, even on our own origin
        (LOCAL, f"http://user@localhost:3000{PNG}", False),
        (LOCAL, f"http://user:clave@127.0.0.1:3000{PNG}", False),
        (LOCAL, f"http://:clave@127.0.0.1:3000{PNG}", False),
        (LOCAL, f"http://localhost:3000@incidencias.example.com{PNG}", False),
        # not http(s), or not a URL at all
        (LOCAL, "ftp://127.0.0.1:3000/INC000115_captura.png", False),
        (LOCAL, "file:///etc/passwd", False),
        (LOCAL, "javascript:alert(1)", False),
        (LOCAL, f"//localhost:3000{PNG}", False),
        (LOCAL, f"http://localhost:99999{PNG}", False),
        (LOCAL, f"http://[::1:3000{PNG}", False),
    ],
)
def test_attachment_origin_is_compared_after_normalisation(
    base: str, ref: str, accepted: bool
) -> None:
    def no_network(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"attachment_url made a request: {request.url}")

    client = httpx.Client(transport=httpx.MockTransport(no_network))
    manager = HttpIncidentManager(base, TOKEN, client=client, retry=NO_WAIT)
    if accepted:
        # the download always goes to the configured base URL, whatever host the reference names
        assert manager.attachment_url(ref) == base.rstrip("/") + PNG
    else:
        with fails(ServiceErrorKind.REJECTED):
            manager.attachment_url(ref)


def test_a_localhost_attachment_downloads_when_the_engine_runs_on_127_0_0_1(
    app_client: TestClient,
) -> None:
    urls: list[str] = []

    class Recording(FlakyTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            urls.append(str(request.url))
            return super().handle_request(request)

    transport = Recording(app_client, [])
    manager = HttpIncidentManager(
        BASE, TOKEN, client=httpx.Client(transport=transport), retry=NO_WAIT
    )
    attachment = manager.fetch_attachment(f"http://localhost:3000{PNG}")
    assert attachment.content == (RESOURCES / "adjuntos" / "INC000115_captura.png").read_bytes()
    assert (attachment.name, attachment.content_type) == ("INC000115_captura.png", "image/png")
    assert attachment.url == f"{BASE}{PNG}"
    assert urls == [f"{BASE}{PNG}"]


def test_attachment_size_limit(app_client: TestClient) -> None:
    manager, _ = flaky(app_client, [], max_attachment_bytes=1000)
    with fails(ServiceErrorKind.REJECTED, match="1000"):
        manager.fetch_attachment("INC000115_captura.png")


def test_attachment_content_type_must_be_allowed(
    store: MockStore, manager: HttpIncidentManager
) -> None:
    (store.path.parent / "adjuntos" / "notas.html").write_text("<script>", encoding="utf-8")
    with fails(ServiceErrorKind.REJECTED, match="text/html"):
        manager.fetch_attachment("notas.html")
    with fails(ServiceErrorKind.NOT_FOUND):
        manager.fetch_attachment("NO_EXISTE.png")


def test_from_settings_uses_the_configured_url_and_token(app_client: TestClient) -> None:
    settings = load_settings(INCIDENT_MANAGER_URL="http://127.0.0.1:3000", MOCKS_TOKEN=TOKEN)
    manager = HttpIncidentManager.from_settings(settings, client=app_client)
    assert manager.attachment_url("a.png") == "http://127.0.0.1:3000/api/adjuntos/a.png"
    assert manager.get("INC000101").codIncidencia == "INC000101"
