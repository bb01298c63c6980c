"""Target-system adapter: policy records and the ``api|<action>`` check.

:class:`TargetSystem` is the interface (a Protocol); :class:`HttpTargetSystem` talks to the API
of ARCHITECTURE §5 (the mock in ``mocks/`` or a compatible real system). Rules of every action:
resources/ACCIONES_API.md.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal, Protocol
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from adapters.http_service import HttpClient, RetryPolicy, ServiceClient
from config import Settings

SERVICE = "target_system"


class _Record(BaseModel):
    model_config = ConfigDict(extra="allow")


class AccesoApp(_Record):
    estado: str = ""


class TarjetaDigital(_Record):
    estado: str = ""
    numeroTarjeta: str = ""
    fechaEmision: str | None = None


class Beneficiario(_Record):
    nombre: str = ""
    parentesco: str = ""
    fechaNacimiento: str = ""


class Reembolso(_Record):
    num_reembolso: str
    concepto: str = ""
    fechaFactura: str | None = None
    fechaSolicitud: str | None = None
    importe: float | None = None
    estado: str = ""
    importePagado: float | None = None
    fechaPago: str | None = None
    fechaResolucion: str | None = None
    motivoRechazo: str | None = None


class Autorizacion(_Record):
    num_autorizacion: str
    prueba: str = ""
    centro: str = ""
    fechaSolicitud: str | None = None
    estado: str = ""
    fechaResolucion: str | None = None
    codigoAutorizacion: str | None = None
    motivoDenegacion: str | None = None


class Recibo(_Record):
    periodo: str
    importe: float | None = None
    estado: str = ""
    fechaCargo: str | None = None


class Poliza(_Record):
    """A policy record as the target system serves it (dates as ``dd/mm/yyyy`` text)."""

    poliza: str
    titular: str = ""
    nif: str = ""
    estado: str = ""
    producto: str = ""
    porcentajeReembolso: int | None = None
    fechaAlta: str | None = None
    fechaBaja: str | None = None
    primaMensual: float | None = None
    iban: str = ""
    email: str = ""
    telefono: str = ""
    accesoApp: AccesoApp | None = None
    tarjetaDigital: TarjetaDigital | None = None
    beneficiarios: list[Beneficiario] = Field(default_factory=list)
    reembolsos: list[Reembolso] = Field(default_factory=list)
    autorizaciones: list[Autorizacion] = Field(default_factory=list)
    recibos: list[Recibo] = Field(default_factory=list)


class ResolucionSistema(BaseModel):
    """The follow-up resolution the target system answers (knowledge-base column names)."""

    model_config = ConfigDict(populate_by_name=True, frozen=True)

    resolucion_automatica: Literal["cierre", "reasignacion", "en espera", "manual"] = Field(
        alias="RESOLUCION AUTOMÁTICA"
    )
    buzon_reasignacion: str = Field("", alias="BUZON REASIGNACION")
    solucion: str = Field(alias="SOLUCIÓN")


class TargetSystem(Protocol):
    """What the engine needs from the target system."""

    def get_poliza(self, numero: str) -> Poliza:
        """A policy record (an :class:`errors.ExternalServiceError` of kind NOT_FOUND if
        unknown)."""
        ...

    def comprobacion(
        self, poliza: str, cod_solucion: str, params: Mapping[str, Any]
    ) -> ResolucionSistema:
        """Run an ``api|<action>`` with its parameters; ``poliza`` is "" for corporate ones."""
        ...


class HttpTargetSystem:
    """:class:`TargetSystem` over HTTP (the mock or a compatible real system)."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout_s: float = 30.0,
        client: HttpClient | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        """``client``: an ``httpx.Client`` (or FastAPI's TestClient) to use; built if None. An
        injected client keeps its own timeout settings."""
        self._http = ServiceClient(
            base_url, token, SERVICE, timeout_s=timeout_s, client=client, retry=retry
        )

    @classmethod
    def from_settings(
        cls, settings: Settings, *, client: HttpClient | None = None
    ) -> HttpTargetSystem:
        return cls(
            settings.TARGET_SYSTEM_URL,
            settings.MOCKS_TOKEN.get_secret_value(),
            timeout_s=settings.HTTP_TIMEOUT_S,
            client=client,
        )

    def close(self) -> None:
        self._http.close()

    def get_poliza(self, numero: str) -> Poliza:
        data = self._http.request_json("GET", f"/api/poliza/{quote(numero.strip(), safe='')}")
        try:
            return Poliza.model_validate(data)
        except ValidationError as exc:
            raise self._http.invalid_response(f"unexpected policy payload: {exc}") from None

    def comprobacion(
        self, poliza: str, cod_solucion: str, params: Mapping[str, Any]
    ) -> ResolucionSistema:
        """Read-only and deterministic on the target side, so retrying is safe. Bad
        parameters raise :class:`errors.ExternalServiceError` of kind INVALID_REQUEST (HTTP
        422)."""
        body = {
            "poliza": poliza,
            "codSolucion": cod_solucion,
            "strJson": json.dumps(dict(params), ensure_ascii=False),
        }
        data = self._http.request_json("POST", "/api/comprobacionPoliza", body=body)
        try:
            return ResolucionSistema.model_validate(data)
        except ValidationError as exc:
            raise self._http.invalid_response(f"unexpected resolution payload: {exc}") from None
