"""Mock incident manager: the API of ARCHITECTURE §5 over the SQLite store.

States: ``resolver`` closes an incident (``Resuelta``); ``en_espera`` and
``pendiente_implantar`` park it (waiting on someone else, so it is neither in the open queue
nor closed); ``reasignar`` moves it to another buzon, where it is open. Every action appends a
history entry. ``GET /api/incidencias`` lists the open queue: every incident that is neither
closed nor waiting, whatever word the seed data used for "open".

``POST /api/incidencias/{cod}/comentarios`` (a mock extension) is the requester or a person
writing in the history: a parked incident is open again. A parked incident whose history shows
someone else writing after whoever parked it (data imported as it is) is not waiting either.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import unicodedata
from collections.abc import Callable
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


def is_parked(estado: str) -> bool:
    return _norm_state(estado) in PARKED_STATES


def waiting(incident: dict[str, Any]) -> bool:
    """Parked, and nobody but whoever parked it wrote since.

    The entry that parked it begins the trailing run of history entries whose ``estado`` is a
    parked state (the mock's own entries record the state they left). Without one, nothing
    says when it was parked: it waits.
    """
    if not is_parked(str(incident.get("estado") or "")):
        return False
    history = incident.get("historial") or []
    start = len(history)
    while start > 0 and is_parked(str(history[start - 1].get("estado") or "")):
        start -= 1
    if start == len(history):
        return True
    parker = _author(history[start])
    return all(_author(entry) == parker for entry in history[start + 1 :])


def in_queue(incident: dict[str, Any]) -> bool:
    """In the open queue: neither closed nor waiting on someone else."""
    return not is_closed(str(incident.get("estado") or "")) and not waiting(incident)


def _author(entry: dict[str, Any]) -> str:
    return str(entry.get("Autor") or "").strip().casefold()


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


class CommentRequest(BaseModel):
    """Body of ``POST /api/incidencias/{cod}/comentarios`` (mock extension)."""

    model_config = ConfigDict(extra="forbid")

    autor: str = Field(
        min_length=1, max_length=200, description="Who writes: the requester or a person."
    )
    detalle: str = Field(min_length=1, max_length=20000, description="What they wrote.")
    adjuntos: list[str] = Field(
        default_factory=list, max_length=20, description="Attachment names (served files)."
    )

    @model_validator(mode="after")
    def _not_blank(self) -> CommentRequest:
        self.autor = self.autor.strip()
        if not self.autor or not self.detalle.strip():
            raise ValueError("autor and detalle must not be blank")
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


def add_comment(incident: dict[str, Any], req: CommentRequest, clock: Clock) -> dict[str, Any]:
    """The incident after someone wrote in it: one history entry by ``req.autor``; a parked
    incident is open again (the wait is over), any other keeps its state and buzon (pure)."""
    estado = "Abierta" if is_parked(incident["estado"]) else incident["estado"]
    entry = HistorialEntry(
        Fecha=clock.now().strftime("%d/%m/%Y %H:%M"),
        Autor=req.autor,
        buzonComentario=incident["buzon"],
        buzonAsignado=incident["buzon"],
        estado=estado,
        detalle=req.detalle,
        adjuntos=req.adjuntos,
    ).model_dump()
    return {**incident, "estado": estado, "historial": [*incident.get("historial", []), entry]}


def change_incident(
    store: MockStore,
    cod: str,
    change: Callable[[dict[str, Any]], dict[str, Any]],
    *,
    key: str | None = None,
    fingerprint: str = "",
) -> tuple[StoredResponse, bool]:
    """Apply ``change`` to incident ``cod`` in one transaction, at most once per idempotency
    ``key``. Returns the answer (200 and the incident; 404, 409 and ``{"detail": ...}``) and
    whether it is the stored answer of an earlier request (a replay). Shared by the API and
    ``resolvia mocks comentar``."""
    with store.transaction() as conn:
        if key is not None:
            stored = store.get_idempotent(conn, key)
            if stored is not None:
                if stored.fingerprint != fingerprint:
                    detail = f"Idempotency-Key {key!r} was already used with another request"
                    return StoredResponse(fingerprint, 409, {"detail": detail}), False
                return stored, True
        incident = store.get_incident(cod, conn)
        if incident is None:
            return StoredResponse(fingerprint, 404, {"detail": f"Incident {cod} not found"}), False
        if is_closed(incident["estado"]):
            detail = f"Incident {cod} is closed ({incident['estado']})"
            return StoredResponse(fingerprint, 409, {"detail": detail}), False
        updated = change(incident)
        store.save_incident(conn, updated)
        answer = StoredResponse(fingerprint, 200, updated)
        if key is not None:
            store.put_idempotent(conn, key, SERVICE, answer)
    return answer, False


def _fingerprint(path: str, req: BaseModel) -> str:
    canonical = json.dumps(
        {"path": path, "body": req.model_dump(exclude_none=True)},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _answer(stored: StoredResponse, replayed: bool) -> JSONResponse:
    if stored.status != 200:
        raise HTTPException(status_code=stored.status, detail=stored.body["detail"])
    headers = {"Idempotent-Replayed": "true"} if replayed else None
    return JSONResponse(stored.body, status_code=stored.status, headers=headers)


IdempotencyKey = Annotated[
    str | None,
    Header(
        alias=IDEMPOTENCY_HEADER,
        max_length=200,
        description="Same key → same answer, applied once; reused with another body → 409.",
    ),
]


def _not_found(cod: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"Incident {cod} not found")


def build_router(store: MockStore, clock: Clock, attachments: Path) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["incident manager"])

    @router.get("/incidencias")
    def list_open(
        buzon: Annotated[str | None, Query(description="Mailbox; omitted = every mailbox.")] = None,
    ) -> list[dict[str, Any]]:
        """Open incidents of a buzon (not closed, not waiting on hold / pending rollout)."""
        return [inc for inc in store.list_incidents(buzon) if in_queue(inc)]

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
        cod: str, req: ActionRequest, idempotency_key: IdempotencyKey = None
    ) -> JSONResponse:
        """Apply an action: appends a history entry and changes state / buzon."""
        return _answer(
            *change_incident(
                store,
                cod,
                lambda incident: apply_action(incident, req, clock),
                key=(idempotency_key or "").strip() or None,
                fingerprint=_fingerprint(f"/api/incidencias/{cod}", req),
            )
        )

    @router.post("/incidencias/{cod}/comentarios")
    def comment(
        cod: str, req: CommentRequest, idempotency_key: IdempotencyKey = None
    ) -> JSONResponse:
        """Mock extension: the requester or a person writes in the history. A parked
        incident (``En espera``, ``Pendiente de implantar``) is open again."""
        return _answer(
            *change_incident(
                store,
                cod,
                lambda incident: add_comment(incident, req, clock),
                key=(idempotency_key or "").strip() or None,
                fingerprint=_fingerprint(f"/api/incidencias/{cod}/comentarios", req),
            )
        )

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
