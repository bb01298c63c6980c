"""Contract tests of the mock incident manager (FastAPI TestClient, no sockets)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from adapters.incident_model import Incidencia
from errors import MockDataError
from mocks.seed import SeedSources, load_incidents, seed_if_empty, wipe
from mocks.store import MockStore
from tests.mock_support import (
    AUTH,
    DEMO,
    FIXTURES,
    RESOURCES,
    incidents_client,
    seeded_store,
)

CONTRACT_FIELDS = set(Incidencia.model_fields)  # the adapter defines the contract
HISTORY_FIELDS = {
    "Fecha",
    "Autor",
    "CodigoResolucion",
    "NotasResolucion",
    "buzonComentario",
    "buzonAsignado",
    "estado",
    "detalle",
    "adjuntos",
}


@pytest.fixture
def store(tmp_path: Path) -> MockStore:
    return seeded_store(tmp_path / "mocks")


@pytest.fixture
def client(store: MockStore) -> TestClient:
    return incidents_client(store)


def open_codes(client: TestClient, buzon: str) -> list[str]:
    response = client.get("/api/incidencias", params={"buzon": buzon}, headers=AUTH)
    assert response.status_code == 200
    return [inc["codIncidencia"] for inc in response.json()]


def closed_codes(client: TestClient) -> list[str]:
    return [
        i["codIncidencia"] for i in client.get("/api/incidencias/cerradas", headers=AUTH).json()
    ]


def patch(client: TestClient, cod: str, body: dict[str, Any], key: str | None = None) -> Any:
    headers = {**AUTH, **({"Idempotency-Key": key} if key else {})}
    return client.patch(f"/api/incidencias/{cod}", json=body, headers=headers)


# --- health, docs, auth -------------------------------------------------------------------------
def test_health_and_docs_need_no_token(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok", "service": "incident-manager"}
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert "/api/incidencias/{cod}" in spec["paths"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/incidencias?buzon=SOPORTE_N1"),
        ("GET", "/api/incidencias/cerradas"),
        ("GET", "/api/incidencias/INC000101"),
        ("PATCH", "/api/incidencias/INC000101"),
        ("GET", "/api/adjuntos/INC000115_captura.png"),
        ("GET", "/api/_requests"),
    ],
)
@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "x"}])
def test_api_refuses_missing_or_wrong_token(
    client: TestClient, method: str, path: str, headers: dict[str, str]
) -> None:
    response = client.request(method, path, headers=headers, json={"action": "resolver"})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    # nothing was changed by the refused PATCH
    assert client.get("/api/incidencias/INC000101", headers=AUTH).json()["estado"] == "Abierta"


# --- reading ------------------------------------------------------------------------------------
def test_open_incidents_are_filtered_by_buzon_with_every_contract_field(client: TestClient) -> None:
    n1 = client.get("/api/incidencias", params={"buzon": "SOPORTE_N1"}, headers=AUTH).json()
    n2 = open_codes(client, "SOPORTE_N2")
    assert len(n1) == 13 and n2 == ["INC000109", "INC000110", "INC000115"]
    assert all(inc["buzon"] == "SOPORTE_N1" for inc in n1)
    for inc in n1:
        assert inc.keys() >= CONTRACT_FIELDS
        assert all(entry.keys() >= HISTORY_FIELDS for entry in inc["historial"])
    assert open_codes(client, "NO_EXISTE") == []


def test_get_one_incident_and_unknown_is_404(client: TestClient) -> None:
    inc = client.get("/api/incidencias/INC000115", headers=AUTH).json()
    assert inc["historial"][0]["adjuntos"] == ["INC000115_captura.png"]
    missing = client.get("/api/incidencias/INC999999", headers=AUTH)
    assert missing.status_code == 404
    assert "INC999999" in missing.json()["detail"]


# --- actions ------------------------------------------------------------------------------------
def test_resolver_closes_and_appends_history(client: TestClient) -> None:
    assert closed_codes(client) == []
    response = patch(
        client,
        "INC000104",
        {
            "action": "resolver",
            "notasResolucion": "[RESOLVIA] Cuenta desbloqueada.",
            "autor": "RESOLVIA",
        },
    )
    assert response.status_code == 200
    inc = response.json()
    assert inc["estado"] == "Resuelta"
    entry = inc["historial"][-1]
    assert len(inc["historial"]) == 2
    assert entry["estado"] == "Resuelta" and entry["Autor"] == "RESOLVIA"
    assert entry["NotasResolucion"] == "[RESOLVIA] Cuenta desbloqueada."
    assert entry["Fecha"].startswith("20/11/2026 ")  # the injected clock
    assert entry.keys() >= HISTORY_FIELDS
    assert "INC000104" not in open_codes(client, "SOPORTE_N1")
    assert closed_codes(client) == ["INC000104"]


def test_reasignar_moves_the_incident_to_the_destination_buzon(client: TestClient) -> None:
    inc = patch(
        client, "INC000108", {"action": "reasignar", "buzonDestino": "MICROINFORMATICA"}
    ).json()
    assert inc["buzon"] == "MICROINFORMATICA" and inc["estado"] == "Abierta"
    entry = inc["historial"][-1]
    assert (entry["buzonComentario"], entry["buzonAsignado"]) == ("SOPORTE_N1", "MICROINFORMATICA")
    assert "INC000108" not in open_codes(client, "SOPORTE_N1")
    assert open_codes(client, "MICROINFORMATICA") == ["INC000108"]


@pytest.mark.parametrize(
    ("action", "estado"),
    [("en_espera", "En espera"), ("pendiente_implantar", "Pendiente de implantar")],
)
def test_parked_incidents_are_neither_open_nor_closed(
    client: TestClient, action: str, estado: str
) -> None:
    inc = patch(client, "INC000112", {"action": action, "detalle": "Se pide el número de póliza."})
    assert inc.json()["estado"] == estado
    assert inc.json()["historial"][-1]["detalle"] == "Se pide el número de póliza."
    assert "INC000112" not in open_codes(client, "SOPORTE_N1")
    assert "INC000112" not in closed_codes(client)
    # a parked incident can still be acted on: reassigning reopens it in the new buzon
    moved = patch(client, "INC000112", {"action": "reasignar", "buzonDestino": "APP_DIGITAL"})
    assert moved.json()["estado"] == "Abierta"
    assert open_codes(client, "APP_DIGITAL") == ["INC000112"]


def test_actions_on_a_closed_incident_conflict(client: TestClient) -> None:
    assert patch(client, "INC000103", {"action": "resolver"}).status_code == 200
    again = patch(client, "INC000103", {"action": "en_espera"})
    assert again.status_code == 409
    assert "closed" in again.json()["detail"]


def test_patch_unknown_incident_is_404(client: TestClient) -> None:
    assert patch(client, "INC999999", {"action": "resolver"}).status_code == 404


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"action": "reasignar"}, "buzonDestino is required"),
        ({"action": "reasignar", "buzonDestino": "   "}, "buzonDestino is required"),
        ({"action": "cerrar"}, "body.action"),
        ({}, "body.action: Field required"),
        ({"action": "resolver", "comentario": "x"}, "body.comentario"),
        ({"action": "resolver", "notasResolucion": 7}, "body.notasResolucion"),
    ],
)
def test_bad_payloads_are_422_with_a_clear_message(
    client: TestClient, body: dict[str, Any], expected: str
) -> None:
    response = patch(client, "INC000101", body)
    assert response.status_code == 422
    assert expected in response.json()["detail"]
    assert client.get("/api/incidencias/INC000101", headers=AUTH).json()["estado"] == "Abierta"


def test_malformed_json_is_422(client: TestClient) -> None:
    response = client.patch(
        "/api/incidencias/INC000101",
        content=b"{not json",
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Invalid request:")


# --- idempotency ----------------------------------------------------------------------------------
def test_same_idempotency_key_gives_the_same_result_once(client: TestClient) -> None:
    body = {"action": "resolver", "notasResolucion": "hecho"}
    first = patch(client, "INC000105", body, key="k-1")
    second = patch(client, "INC000105", body, key="k-1")
    assert first.status_code == second.status_code == 200
    assert second.json() == first.json()
    assert second.headers.get("idempotent-replayed") == "true"
    history = client.get("/api/incidencias/INC000105", headers=AUTH).json()["historial"]
    assert len(history) == 2  # the opening entry + one action


def test_reused_idempotency_key_with_another_body_is_409(client: TestClient) -> None:
    assert patch(client, "INC000105", {"action": "en_espera"}, key="k-2").status_code == 200
    other_body = patch(client, "INC000105", {"action": "resolver"}, key="k-2")
    other_incident = patch(client, "INC000106", {"action": "en_espera"}, key="k-2")
    assert other_body.status_code == other_incident.status_code == 409
    assert "k-2" in other_body.json()["detail"]
    assert client.get("/api/incidencias/INC000106", headers=AUTH).json()["estado"] == "Abierta"


def test_without_a_key_every_patch_is_applied(client: TestClient) -> None:
    patch(client, "INC000105", {"action": "en_espera"})
    patch(client, "INC000105", {"action": "en_espera"})
    assert len(client.get("/api/incidencias/INC000105", headers=AUTH).json()["historial"]) == 3


# --- persistence and seeding ----------------------------------------------------------------------
def test_state_survives_a_restart_on_the_same_database(tmp_path: Path) -> None:
    data_dir = tmp_path / "mocks"
    first = incidents_client(seeded_store(data_dir))
    assert patch(first, "INC000101", {"action": "resolver"}, key="restart-1").status_code == 200

    # new store + new app on the same file; seeding again must not overwrite anything
    store = MockStore.in_dir(data_dir)
    report = seed_if_empty(store, DEMO)
    assert (report.incidents, report.policies) == (0, 0)
    second = incidents_client(store)
    assert "INC000101" not in open_codes(second, "SOPORTE_N1")
    history = second.get("/api/incidencias/INC000101", headers=AUTH).json()["historial"]
    assert [h["estado"] for h in history] == ["Abierta", "Resuelta"]
    # idempotency keys persist too
    replay = patch(second, "INC000101", {"action": "resolver"}, key="restart-1")
    assert replay.status_code == 200 and len(replay.json()["historial"]) == 2


def test_wipe_lets_the_next_start_seed_again(tmp_path: Path) -> None:
    data_dir = tmp_path / "mocks"
    client = incidents_client(seeded_store(data_dir))
    patch(client, "INC000101", {"action": "resolver"})
    removed = wipe(data_dir)
    assert data_dir / "mocks.sqlite3" in removed and not (data_dir / "adjuntos").exists()
    fresh = incidents_client(seeded_store(data_dir))
    assert "INC000101" in open_codes(fresh, "SOPORTE_N1")
    assert wipe(tmp_path / "never-created") == []


def test_original_format_fixture_loads_through_the_seeding_path(tmp_path: Path) -> None:
    sources = SeedSources(
        incidents=FIXTURES / "original_incidencias.json",
        policies=FIXTURES / "original_polizas.json",
        attachments=None,
    )
    client = incidents_client(seeded_store(tmp_path / "mocks", sources))
    opened = client.get("/api/incidencias", params={"buzon": "MESA_AYUDA"}, headers=AUTH).json()
    assert [i["codIncidencia"] for i in opened] == ["ORG000001", "ORG000002"]
    sparse = opened[1]  # no estado, prioridad null, no historial in the file
    assert sparse.keys() >= CONTRACT_FIELDS
    assert (sparse["estado"], sparse["prioridad"], sparse["historial"]) == ("Abierta", "", [])
    assert closed_codes(client) == ["ORG000003"]
    closed = client.get("/api/incidencias/ORG000003", headers=AUTH).json()
    assert all(h.keys() >= HISTORY_FIELDS for h in closed["historial"])
    assert closed["historial"][1]["adjuntos"] == []


def test_a_top_level_list_is_accepted_and_bad_files_are_explained(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "original_incidencias.json").read_text(encoding="utf-8"))
    as_list = tmp_path / "lista.json"
    as_list.write_text(json.dumps(data["incidencias"]), encoding="utf-8")
    assert [i["codIncidencia"] for i in load_incidents(as_list)][:1] == ["ORG000001"]

    duplicated = tmp_path / "dup.json"
    duplicated.write_text(json.dumps(data["incidencias"] * 2), encoding="utf-8")
    no_buzon = tmp_path / "no_buzon.json"
    no_buzon.write_text(json.dumps([{"codIncidencia": "X1"}]), encoding="utf-8")
    not_json = tmp_path / "roto.json"
    not_json.write_text("{", encoding="utf-8")
    wrong_shape = tmp_path / "objeto.json"
    wrong_shape.write_text(json.dumps({"items": []}), encoding="utf-8")
    cases = [
        (duplicated, "duplicate codIncidencia"),
        (no_buzon, "incidencias[0] is not valid: buzon"),
        (not_json, "not a readable JSON"),
        (wrong_shape, "'incidencias' list"),
        (tmp_path / "missing.json", "file not found"),
    ]
    for path, message in cases:
        with pytest.raises(MockDataError, match=re.escape(message)):
            load_incidents(path)


# --- attachments ----------------------------------------------------------------------------------
def test_attachment_is_served_with_its_content_type(client: TestClient) -> None:
    response = client.get("/api/adjuntos/INC000115_captura.png", headers=AUTH)
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert response.content == (RESOURCES / "adjuntos" / "INC000115_captura.png").read_bytes()


@pytest.mark.parametrize(
    "name",
    [
        "NO_EXISTE.png",
        "..%2Fmocks.sqlite3",
        "%2e%2e%2fmocks.sqlite3",
        "..",
        ".hidden",
        "..%5Cmocks.sqlite3",
        "%2Fetc%2Fpasswd",
        "mocks.sqlite3",
    ],
)
def test_attachments_outside_the_seeded_directory_are_404(client: TestClient, name: str) -> None:
    assert client.get(f"/api/adjuntos/{name}", headers=AUTH).status_code == 404


def test_symlinks_in_the_attachments_directory_are_not_followed(
    store: MockStore, client: TestClient, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG secret")
    os.symlink(secret, store.path.parent / "adjuntos" / "link.png")
    assert client.get("/api/adjuntos/link.png", headers=AUTH).status_code == 404


# --- request log ----------------------------------------------------------------------------------
def test_request_log_records_method_path_body_key_and_status(client: TestClient) -> None:
    client.get("/api/incidencias", params={"buzon": "SOPORTE_N1"}, headers=AUTH)
    patch(client, "INC000101", {"action": "en_espera"}, key="log-1")
    client.get("/api/incidencias/cerradas")  # refused: no token
    client.get("/health")  # not logged
    rows = client.get("/api/_requests", headers=AUTH).json()
    assert [(r["method"], r["path"], r["status"]) for r in rows] == [
        ("GET", "/api/incidencias?buzon=SOPORTE_N1", 200),
        ("PATCH", "/api/incidencias/INC000101", 200),
        ("GET", "/api/incidencias/cerradas", 401),
    ]
    assert json.loads(rows[1]["body"]) == {"action": "en_espera"}
    assert rows[1]["idempotency_key"] == "log-1"
    assert all(r["service"] == "incident-manager" and r["time"] for r in rows)
    assert (
        client.get("/api/_requests", params={"limit": 1}, headers=AUTH).json()[0]["status"] == 401
    )
