"""Mock target system: policy records and the ``comprobacionPoliza`` action check.

Read-only and deterministic: the answer depends only on the stored policy, the parameters and
the injected clock (rules in :mod:`mocks.rules`, documented in resources/ACCIONES_API.md).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, FastAPI, HTTPException
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from adapters.target_system import ResolucionSistema
from domain.identifiers import normalize_poliza
from mocks.clock import Clock
from mocks.common import create_service_app
from mocks.rules import evaluate
from mocks.store import MockStore

SERVICE = "target-system"


class ComprobacionRequest(BaseModel):
    """Body of ``POST /api/comprobacionPoliza``."""

    poliza: str = Field(
        description='Policy number (8 digits, or e.g. POL001-FX-PROVISION); "" for corporate '
        "actions."
    )
    codSolucion: str = Field(min_length=1, description="Action code, with or without 'api|'.")
    strJson: str = Field(description="The action's parameters as a JSON object in a string.")


class InvalidParamsOut(ResolucionSistema):
    """HTTP 422: the parameters in ``strJson`` are not usable; the three keys carry the
    documented ``manual`` answer (ACCIONES_API.md P2/P3)."""

    detail: str


def build_router(store: MockStore, clock: Clock) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["target system"])

    @router.get("/poliza/{numero}")
    def get_policy(numero: str) -> dict[str, Any]:
        """A policy record, as stored."""
        poliza = normalize_poliza(numero)
        if poliza is None:
            raise HTTPException(
                status_code=422,
                detail=f"Policy number must be 8 digits, or letter/digit groups joined by '-' "
                f"such as POL001-FX-PROVISION: {numero!r}",
            )
        policy = store.get_policy(poliza)
        if policy is None:
            raise HTTPException(status_code=404, detail=f"Policy {poliza} not found")
        return policy

    @router.post(
        "/comprobacionPoliza",
        response_model=ResolucionSistema,
        responses={422: {"model": InvalidParamsOut, "description": "Bad request or parameters"}},
    )
    def comprobacion(req: ComprobacionRequest) -> Any:
        """Run an ``api|<action>``: always the three keys; 422 when the parameters are bad."""
        result = evaluate(
            req.poliza,
            req.codSolucion,
            req.strJson,
            today=clock.today(),
            find_policy=store.get_policy,
        )
        body = result.resolution.as_response()
        if result.invalid is not None:
            return JSONResponse(status_code=422, content={"detail": result.invalid, **body})
        return body

    return router


def create_app(store: MockStore, *, token: str, clock: Clock) -> FastAPI:
    """The target-system app."""
    return create_service_app(
        title="Resolvia mock target system",
        service=SERVICE,
        description="Stand-in for the policy system (ARCHITECTURE §5, resources/ACCIONES_API.md).",
        store=store,
        token=token,
        api=build_router(store, clock),
    )
