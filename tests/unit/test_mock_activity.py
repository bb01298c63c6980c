"""The mock incident manager's activity by the requester or a person: comments, parked
incidents that come back to the open queue, ``resolvia mocks comentar`` (TestClient, no
sockets)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import structlog
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from cli.app import app
from config import get_settings
from mocks.incident_manager import in_queue, waiting
from mocks.store import MockStore
from observability.logging import configure_logging
from tests.mock_support import AUTH, incidents_client, seeded_store

CODE = "INC000112"  # open in SOPORTE_N1 in the demo data


@pytest.fixture
def store(tmp_path: Path) -> MockStore:
    return seeded_store(tmp_path / "mocks")


@pytest.fixture
def client(store: MockStore) -> TestClient:
    return incidents_client(store)


def open_codes(client: TestClient, buzon: str = "SOPORTE_N1") -> list[str]:
    response = client.get("/api/incidencias", params={"buzon": buzon}, headers=AUTH)
    return [inc["codIncidencia"] for inc in response.json()]


def comment(client: TestClient, cod: str, body: dict[str, Any], key: str | None = None) -> Any:
    headers = {**AUTH, **({"Idempotency-Key": key} if key else {})}
    return client.post(f"/api/incidencias/{cod}/comentarios", json=body, headers=headers)


def park(client: TestClient, cod: str = CODE) -> None:
    body = {"action": "en_espera", "autor": "resolvia", "detalle": "Indique su póliza."}
    assert client.patch(f"/api/incidencias/{cod}", json=body, headers=AUTH).status_code == 200


def test_a_reply_to_a_parked_incident_opens_it_again(client: TestClient) -> None:
    park(client)
    assert CODE not in open_codes(client)
    response = comment(client, CODE, {"autor": "ana.perez", "detalle": "Es la 30114872."})
    assert response.status_code == 200
    incident = response.json()
    assert incident["estado"] == "Abierta" and incident["buzon"] == "SOPORTE_N1"
    last = incident["historial"][-1]
    assert (last["Autor"], last["detalle"], last["estado"]) == (
        "ana.perez",
        "Es la 30114872.",
        "Abierta",
    )
    assert last["buzonComentario"] == last["buzonAsignado"] == "SOPORTE_N1"
    assert last["Fecha"].startswith("20/11/2026")  # the mock's clock
    assert CODE in open_codes(client)


def test_a_comment_on_an_open_incident_keeps_its_state(client: TestClient) -> None:
    before = client.get(f"/api/incidencias/{CODE}", headers=AUTH).json()
    after = comment(client, CODE, {"autor": "luis.gomez", "detalle": "Lo miro."}).json()
    assert after["estado"] == before["estado"]
    assert len(after["historial"]) == len(before["historial"]) + 1


def test_comments_are_idempotent_persisted_and_refused_when_closed(
    client: TestClient, store: MockStore
) -> None:
    body = {"autor": "ana.perez", "detalle": "Adjunto la factura.", "adjuntos": ["f.png"]}
    first = comment(client, CODE, body, key="k1")
    again = comment(client, CODE, body, key="k1")
    assert again.headers.get("Idempotent-Replayed") == "true" and again.json() == first.json()
    assert comment(client, CODE, {**body, "detalle": "otra"}, key="k1").status_code == 409
    stored = MockStore(store.path).get_incident(CODE)  # a restart sees it
    assert stored is not None and stored["historial"][-1]["adjuntos"] == ["f.png"]
    assert len(stored["historial"]) == len(first.json()["historial"])
    client.patch(f"/api/incidencias/{CODE}", json={"action": "resolver"}, headers=AUTH)
    assert comment(client, CODE, body).status_code == 409
    assert comment(client, "INC404", body).status_code == 404


@pytest.mark.parametrize(
    "body",
    [{"autor": " ", "detalle": "x"}, {"autor": "a", "detalle": ""}, {"detalle": "x"}, {}],
)
def test_a_comment_needs_an_author_and_a_text(client: TestClient, body: dict[str, Any]) -> None:
    response = comment(client, CODE, body)
    assert response.status_code == 422 and response.json()["detail"]


def test_a_person_sends_an_escalated_incident_back_to_the_queue(client: TestClient) -> None:
    out = {"action": "reasignar", "buzonDestino": "SOPORTE_N2", "autor": "resolvia"}
    client.patch(f"/api/incidencias/{CODE}", json=out, headers=AUTH)
    assert CODE not in open_codes(client)
    back = {"action": "reasignar", "buzonDestino": "SOPORTE_N1", "autor": "luis.gomez"}
    moved = client.patch(f"/api/incidencias/{CODE}", json=back, headers=AUTH).json()
    assert moved["historial"][-1]["Autor"] == "luis.gomez"
    assert CODE in open_codes(client)


def _entry(autor: str, estado: str) -> dict[str, Any]:
    return {"Autor": autor, "estado": estado, "detalle": "x"}


def test_imported_parked_incidents_wait_until_someone_else_writes() -> None:
    opened = _entry("ana.perez", "Abierta")
    parked = _entry("SPAI", "En espera")
    base = {"codIncidencia": "X", "buzon": "B", "estado": "En espera"}
    assert waiting({**base, "historial": [opened, parked]})
    assert waiting({**base, "historial": [opened, parked, _entry("spai ", "En espera")]})
    # the requester answered; the original system left the state as it was
    answered = {**base, "historial": [opened, parked, _entry("ana.perez", "En espera")]}
    assert not waiting(answered) and in_queue(answered)
    assert waiting({**base, "historial": [opened]})  # nothing says when it was parked
    assert not in_queue({**base, "estado": "Resuelta", "historial": []})
    assert in_queue({**base, "estado": "Abierta", "historial": [parked]})


# --- resolvia mocks comentar ------------------------------------------------------------------
runner = CliRunner()


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MODELS_DIR", str(tmp_path / "models"))
    get_settings.cache_clear()
    configure_logging("INFO", "json", stream=io.StringIO(), force=True)
    yield tmp_path
    get_settings.cache_clear()
    structlog.contextvars.clear_contextvars()


def test_cli_comentar_reopens_and_sends_back(cli_env: Path, store: MockStore) -> None:
    client = incidents_client(store)
    park(client)
    folder = ["--data-dir", str(store.path.parent), "--today", "21/11/2026"]
    result = runner.invoke(app, ["mocks", "comentar", CODE, "Ya lo tengo", *folder, "--json"])
    assert result.exit_code == 0, result.stderr
    incident = json.loads(result.stdout)
    last = incident["historial"][-1]
    assert incident["estado"] == "Abierta" and last["Fecha"].startswith("21/11/2026")
    assert last["Autor"] == incident["solicitante"]  # the requester by default
    assert CODE in open_codes(client)
    back = ["Revisado", "--autor", "luis.gomez", "--buzon", "APP_DIGITAL"]
    sent = runner.invoke(app, ["mocks", "comentar", CODE, *back, *folder])
    assert sent.exit_code == 0, sent.stderr
    assert "Abierta in APP_DIGITAL" in sent.stderr
    assert open_codes(client, "APP_DIGITAL") == [CODE]


def test_cli_comentar_explains_what_it_cannot_do(cli_env: Path, store: MockStore) -> None:
    folder = ["--data-dir", str(store.path.parent)]
    unknown = runner.invoke(app, ["mocks", "comentar", "INC404", "hola", *folder])
    assert unknown.exit_code == 1 and "INC404 not found" in unknown.stderr
    blank = runner.invoke(app, ["mocks", "comentar", CODE, " ", *folder])
    assert blank.exit_code == 1 and "error:" in blank.stderr
    empty = runner.invoke(
        app, ["mocks", "comentar", CODE, "hola", "--data-dir", str(cli_env / "x")]
    )
    assert empty.exit_code == 1 and "no mock state" in empty.stderr
