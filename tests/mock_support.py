"""Helpers for the mock-service tests: seeded stores, TestClients, synthetic policy records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient

from domain.validators import NIF_LETTERS
from mocks import incident_manager, target_system
from mocks.clock import Clock, FixedDayClock
from mocks.seed import SeedSources, attachments_dir, seed_if_empty
from mocks.store import MockStore

REPO_ROOT = Path(__file__).resolve().parents[1]
RESOURCES = REPO_ROOT / "resources"
FIXTURES = REPO_ROOT / "tests" / "fixtures"
TOKEN = "test-mocks-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TODAY = dt.date(2026, 11, 20)  # the reference date of the data (resources/ACCIONES_API.md)

DEMO = SeedSources(
    incidents=RESOURCES / "incidencias_demo.json",
    policies=RESOURCES / "polizas.json",
    attachments=RESOURCES / "adjuntos",
)


def seeded_store(data_dir: Path, sources: SeedSources = DEMO) -> MockStore:
    store = MockStore.in_dir(data_dir)
    seed_if_empty(store, sources)
    return store


def incidents_client(store: MockStore, clock: Clock | None = None) -> TestClient:
    app = incident_manager.create_app(
        store, token=TOKEN, clock=clock or FixedDayClock(TODAY), attachments=attachments_dir(store)
    )
    return TestClient(app)


def target_client(store: MockStore, clock: Clock | None = None) -> TestClient:
    app = target_system.create_app(store, token=TOKEN, clock=clock or FixedDayClock(TODAY))
    return TestClient(app)


# --- synthetic policies for the rule tests -----------------------------------------------------
def nif_for(number: int) -> str:
    return f"{number:08d}{NIF_LETTERS[number % 23]}"


def iban_for(account: str) -> str:
    """A Spanish IBAN with valid check digits for a 20-digit account number."""
    check = 98 - int(account + "142800") % 97  # E=14, S=28, then "00"
    return f"ES{check:02d}{account}"


def policy(poliza: str, **fields: Any) -> dict[str, Any]:
    """A complete, valid policy record; keyword arguments replace fields."""
    number = int(poliza)
    record: dict[str, Any] = {
        "poliza": poliza,
        "titular": "Ana Pérez Gómez",
        "nif": nif_for(number),
        "estado": "ACTIVA",
        "producto": "Vitalia Salud Plus",
        "porcentajeReembolso": 80,
        "fechaAlta": "01/01/2020",
        "fechaBaja": None,
        "primaMensual": 60.0,
        "iban": iban_for(f"0999000111{number:010d}"),
        "email": "ana.perez@example.com",
        "telefono": "600000123",
        "accesoApp": {"estado": "ACTIVO"},
        "tarjetaDigital": {
            "estado": "ACTIVA",
            "numeroTarjeta": "VT1",
            "fechaEmision": "01/01/2020",
        },
        "beneficiarios": [],
        "reembolsos": [],
        "autorizaciones": [],
        "recibos": [],
    }
    record.update(fields)
    return record


def refund(num: str, estado: str, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "num_reembolso": num,
        "concepto": "Consulta",
        "fechaFactura": "01/10/2026",
        "fechaSolicitud": "05/10/2026",
        "importe": 90.0,
        "estado": estado,
        "importePagado": None,
        "fechaPago": None,
        "fechaResolucion": None,
        "motivoRechazo": None,
    }
    record.update(fields)
    return record


def authorisation(num: str, estado: str, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "num_autorizacion": num,
        "prueba": "Resonancia magnética",
        "centro": "Clínica San Rafael",
        "fechaSolicitud": "10/11/2026",
        "estado": estado,
        "fechaResolucion": None,
        "codigoAutorizacion": None,
        "motivoDenegacion": None,
    }
    record.update(fields)
    return record


def receipt(
    periodo: str, estado: str = "COBRADO", importe: float = 60.0, day: str = "05"
) -> dict[str, Any]:
    fecha = f"{day}/{periodo}"
    return {"periodo": periodo, "importe": importe, "estado": estado, "fechaCargo": fecha}


def comprobacion_body(code: str, poliza: str = "", **params: Any) -> dict[str, str]:
    return {"poliza": poliza, "codSolucion": code, "strJson": json.dumps(params)}


class FlakyTransport(httpx.BaseTransport):
    """Fails the first requests as scripted, then forwards to the app.

    Script items: an HTTP status (answer it without reaching the app), ``"lost"`` (forward to
    the app, then answer 503 as if the response was lost), or an exception to raise.
    """

    def __init__(self, app_client: TestClient, script: list[Any]) -> None:
        self.app_client = app_client
        self.script = list(script)
        self.calls = 0

    def _forward(self, request: httpx.Request) -> httpx.Response:
        response = self.app_client.request(
            request.method, str(request.url), headers=dict(request.headers), content=request.read()
        )
        headers = {k: v for k, v in response.headers.items() if k != "content-encoding"}
        return httpx.Response(response.status_code, headers=headers, content=response.content)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        if self.script:
            step = self.script.pop(0)
            if isinstance(step, BaseException):
                raise step
            if step == "lost":
                self._forward(request)
                return httpx.Response(503, json={"detail": "gateway lost the answer"})
            return httpx.Response(step, json={"detail": f"scripted {step}"})
        return self._forward(request)
