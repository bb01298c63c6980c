"""Mock incident manager: the API of ARCHITECTURE §5 over the SQLite store.

States: ``resolver`` closes an incident (``Resuelta``); ``en_espera`` and
``pendiente_implantar`` park it (waiting on someone else, so it is neither in the open queue
nor closed); ``reasignar`` moves it to another buzon, where it is open. Every action appends a
history entry. ``GET /api/incidencias`` lists the open queue: every incident that is neither
closed nor parked, whatever word the seed data used for "open".
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import unicodedata
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Header, HTTPException, Query
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator

from adapters.incident_model import HistorialEntry, IncidentAction
from mocks.clock import Clock
from mocks.common import IDEMPOTENCY_HEADER, create_service_app
from mocks.seed import SAFE_FILENAME
from mocks.store import MockStore, StoredResponse

SERVICE = "incident-manager"

#: New ``estado`` per action (``reasignar`` keeps an open state, see :func:`_new_state`).
ACTION_STATE: dict[str, str] = {
    "resolver": "Resuelta",
    "en_espera": "En espera",
    "pendiente_implantar": "Pendiente de implantar",
}
CLOSED_STATES = frozenset({"resuelta", "resuelto", "cerrada", "cerrado"})
PARKED_STATES = frozenset({"en espera", "pendiente de implantar", "pendiente implantar"})


def _norm_state(estado: str) -> str:
    text = unicodedata.normalize("NFKD", estado.replace("_", " ")).casefold()
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def is_closed(estado: str) -> bool:
    return _norm_state(estado) in CLOSED_STATES


def is_open(estado: str) -> bool:
    state = _norm_state(estado)
    return state not in CLOSED_STATES and state not in PARKED_STATES


class ActionRequest(BaseModel):
    """Body of ``PATCH /api/incidencias/{cod}``."""

    model_config = ConfigDict(extra="forbid")

    action: IncidentAction
    buzonDestino: str | None = Field(None, max_length=200, description="Required by reasignar.")
    notasResolucion: str | None = Field(None, max_length=20000)
    detalle: str | None = Field(None, max_length=20000)
    codigoResolucion: str | None = Field(
        None, max_length=200, description="Mock extension: CodigoResolucion of the history entry."
    )
    autor: str | None = Field(
        None, max_length=200, description="Mock extension: Autor of the history entry."
    )

    @model_validator(mode="after")
    def _destination_for_reassignment(self) -> ActionRequest:
        if self.buzonDestino is not None:
            self.buzonDestino = self.buzonDestino.strip() or None
        if self.action == "reasignar" and not self.buzonDestino:
            raise ValueError("buzonDestino is required when action is 'reasignar'")
        return self


_DEFAULT_DETAIL = {
    "reasignar": "Incidencia reasignada al buzón {buzon}.",
    "resolver": "Incidencia resuelta.",
    "en_espera": "Incidencia en espera.",
    "pendiente_implantar": "Incidencia pendiente de implantar.",
}


def _new_state(current: str, action: str) -> str:
    if action == "reasignar":
        return current if is_open(current) else "Abierta"
    return ACTION_STATE[action]


def apply_action(incident: dict[str, Any], req: ActionRequest, clock: Clock) -> dict[str, Any]:
    """The incident after ``req``: new state/buzon plus one history entry (pure)."""
    previous_buzon = incident["buzon"]
    buzon = req.buzonDestino if req.action == "reasignar" and req.buzonDestino else previous_buzon
    estado = _new_state(incident["estado"], req.action)
    entry = HistorialEntry(
        Fecha=clock.now().strftime("%d/%m/%Y %H:%M"),
        Autor=req.autor or "API",
        CodigoResolucion=req.codigoResolucion or "",
        NotasResolucion=req.notasResolucion or "",
        buzonComentario=previous_buzon,
        buzonAsignado=buzon,
        estado=estado,
        detalle=req.detalle or _DEFAULT_DETAIL[req.action].format(buzon=buzon),
    ).model_dump()
    return {
        **incident,
        "buzon": buzon,
        "estado": estado,
        "historial": [*incident.get("historial", []), entry],
    }


def _fingerprint(cod: str, req: ActionRequest) -> str:
    canonical = json.dumps(
        {"path": f"/api/incidencias/{cod}", "body": req.model_dump(exclude_none=True)},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _not_found(cod: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"Incident {cod} not found")


def build_router(store: MockStore, clock: Clock, attachments: Path) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["incident manager"])

    @router.get("/incidencias")
    def list_open(
        buzon: Annotated[str | None, Query(description="Mailbox; omitted = every mailbox.")] = None,
    ) -> list[dict[str, Any]]:
        """Open incidents of a buzon (not closed, not on hold / pending rollout)."""
        return [inc for inc in store.list_incidents(buzon) if is_open(inc["estado"])]

    @router.get("/incidencias/cerradas")
    def list_closed(
        buzon: Annotated[str | None, Query(description="Mailbox; omitted = every mailbox.")] = None,
    ) -> list[dict[str, Any]]:
        """Closed (resolved) incidents."""
        return [inc for inc in store.list_incidents(buzon) if is_closed(inc["estado"])]

    @router.get("/incidencias/{cod}")
    def get_incident(cod: str) -> dict[str, Any]:
        """One incident in any state."""
        incident = store.get_incident(cod)
        if incident is None:
            raise _not_found(cod)
        return incident

    @router.patch("/incidencias/{cod}")
    def update_incident(
        cod: str,
        req: ActionRequest,
        idempotency_key: Annotated[
            str | None,
            Header(
                alias=IDEMPOTENCY_HEADER,
                max_length=200,
                description="Same key → same answer, applied once; reused with another body → 409.",
            ),
        ] = None,
    ) -> JSONResponse:
        """Apply an action: appends a history entry and changes state / buzon."""
        key = (idempotency_key or "").strip() or None
        fingerprint = _fingerprint(cod, req)
        with store.transaction() as conn:
            if key is not None:
                stored = store.get_idempotent(conn, key)
                if stored is not None:
                    if stored.fingerprint != fingerprint:
                        raise HTTPException(
                            status_code=409,
                            detail=f"Idempotency-Key {key!r} was already used with another request",
                        )
                    return JSONResponse(
                        stored.body,
                        status_code=stored.status,
                        headers={"Idempotent-Replayed": "true"},
                    )
            incident = store.get_incident(cod, conn)
            if incident is None:
                raise _not_found(cod)
            if is_closed(incident["estado"]):
                raise HTTPException(
                    status_code=409, detail=f"Incident {cod} is closed ({incident['estado']})"
                )
            updated = apply_action(incident, req, clock)
            store.save_incident(conn, updated)
            if key is not None:
                store.put_idempotent(conn, key, SERVICE, StoredResponse(fingerprint, 200, updated))
        return JSONResponse(updated)

    @router.get("/adjuntos/{file}", response_class=FileResponse)
    def attachment(file: str) -> FileResponse:
        """An attachment from the seeded attachments directory (nothing else)."""
        missing = HTTPException(status_code=404, detail=f"Attachment {file!r} not found")
        if not SAFE_FILENAME.match(file) or ".." in file:
            raise missing
        base = attachments.resolve()
        path = attachments / file
        if path.is_symlink() or not path.is_file() or path.resolve().parent != base:
            raise missing
        media_type = mimetypes.guess_type(file)[0] or "application/octet-stream"
        return FileResponse(path, media_type=media_type)

    return router


def create_app(store: MockStore, *, token: str, clock: Clock, attachments: Path) -> FastAPI:
    """The incident-manager app. ``attachments`` is the directory it may serve files from."""
    return create_service_app(
        title="Resolvia mock incident manager",
        service=SERVICE,
        description="Stand-in for the organisation's incident manager (ARCHITECTURE §5).",
        store=store,
        token=token,
        api=build_router(store, clock, attachments),
    )
