"""The target-system adapter against the mock app, through an injected TestClient."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from adapters.http_service import RetryPolicy
from adapters.target_system import HttpTargetSystem, Poliza, ResolucionSistema, TargetSystem
from errors import ExternalServiceError, ServiceErrorKind
from tests.mock_support import TOKEN, FlakyTransport, seeded_store, target_client

BASE = "http://127.0.0.1:3001"
NO_WAIT = RetryPolicy(attempts=3, backoff_s=0)


@contextmanager
def fails(
    kind: ServiceErrorKind, match: str | None = None
) -> Iterator[pytest.ExceptionInfo[ExternalServiceError]]:
    """The block raises the target system's error of this ``kind``."""
    with pytest.raises(ExternalServiceError, match=match) as info:
        yield info
    assert info.value.service == "target_system"
    assert info.value.kind is kind


@pytest.fixture
def app_client(tmp_path: Path) -> TestClient:
    return target_client(seeded_store(tmp_path / "mocks"))


@pytest.fixture
def target(app_client: TestClient) -> HttpTargetSystem:
    return HttpTargetSystem(BASE, TOKEN, client=app_client, retry=NO_WAIT)


def over(transport: httpx.BaseTransport) -> HttpTargetSystem:
    return HttpTargetSystem(BASE, TOKEN, client=httpx.Client(transport=transport), retry=NO_WAIT)


def test_it_implements_the_protocol(target: HttpTargetSystem) -> None:
    as_protocol: TargetSystem = target
    assert callable(as_protocol.comprobacion)


def test_get_poliza_is_typed(target: HttpTargetSystem) -> None:
    poliza = target.get_poliza("30114872")
    assert isinstance(poliza, Poliza)
    assert poliza.estado == "ACTIVA" and poliza.porcentajeReembolso == 80
    assert poliza.reembolsos[1].num_reembolso == "R-2609113"
    assert poliza.reembolsos[1].importePagado is None
    assert poliza.accesoApp is not None and poliza.accesoApp.estado == "ACTIVO"
    assert poliza.recibos[0].periodo == "01/2024"


def test_get_poliza_errors(target: HttpTargetSystem) -> None:
    with fails(ServiceErrorKind.NOT_FOUND) as missing:
        target.get_poliza("99999999")
    assert missing.value.status_code == 404
    with fails(ServiceErrorKind.INVALID_REQUEST):
        target.get_poliza("12AB")


def test_comprobacion_returns_a_typed_resolution(target: HttpTargetSystem) -> None:
    answer = target.comprobacion(
        "30114872", "api|fxprovision", {"num_reembolso": "R-2609113", "extra": "ignored"}
    )
    assert isinstance(answer, ResolucionSistema)
    assert answer.resolucion_automatica == "reasignacion"
    assert answer.buzon_reasignacion == "N2_REEMBOLSOS"
    assert answer.solucion.startswith("El reembolso R-2609113")
    corporate = target.comprobacion("", "desbloqueousuario", {"usuario": "ana.perez"})
    assert corporate.resolucion_automatica == "cierre" and corporate.buzon_reasignacion == ""
    unknown = target.comprobacion("30114872", "api|nada", {})
    assert unknown.resolucion_automatica == "manual"


def test_bad_parameters_raise_invalid_request(target: HttpTargetSystem) -> None:
    with fails(ServiceErrorKind.INVALID_REQUEST, match="num_reembolso") as info:
        target.comprobacion("30114872", "fxprovision", {})
    assert info.value.status_code == 422


def test_auth_error(app_client: TestClient) -> None:
    wrong = HttpTargetSystem(BASE, "nope", client=app_client, retry=NO_WAIT)
    with fails(ServiceErrorKind.AUTH):
        wrong.get_poliza("30114872")


def test_retries_on_5xx_and_timeouts(app_client: TestClient) -> None:
    transport = FlakyTransport(app_client, [502, httpx.ReadTimeout("slow")])
    answer = over(transport).comprobacion("30745529", "reenviotarjeta", {})
    assert answer.resolucion_automatica == "cierre" and transport.calls == 3

    down = FlakyTransport(app_client, [httpx.ConnectError("refused")] * 3)
    with fails(ServiceErrorKind.UNAVAILABLE, match="ConnectError"):
        over(down).get_poliza("30114872")
    assert down.calls == 3


@pytest.mark.parametrize(
    "payload",
    [
        {"RESOLUCION AUTOMÁTICA": "api|otra", "BUZON REASIGNACION": "", "SOLUCIÓN": "x"},
        {"resultado": "cierre"},
        ["cierre"],
    ],
)
def test_answers_outside_the_contract_are_errors(payload: Any) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=payload))
    with fails(ServiceErrorKind.UNEXPECTED_RESPONSE, match="unexpected resolution payload"):
        over(transport).comprobacion("30114872", "fxprovision", {"num_reembolso": "R-2609113"})


def test_non_json_answer_is_an_error() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, text="<html>"))
    with fails(ServiceErrorKind.UNEXPECTED_RESPONSE, match="not JSON"):
        over(transport).get_poliza("30114872")


def test_an_unexpected_status_is_an_unexpected_response() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(418, json={"detail": "teapot"}))
    with fails(ServiceErrorKind.UNEXPECTED_RESPONSE, match="teapot") as info:
        over(transport).get_poliza("30114872")
    assert info.value.status_code == 418
