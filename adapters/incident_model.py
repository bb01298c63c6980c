"""The incident contract of ARCHITECTURE §5, shared by the adapter and the mock service.

The adapter parses what an incident manager serves with these models; the mock normalises its
seed files with them, so that what it serves is exactly what the adapter expects. Field names
are the API's Spanish names, so records round-trip unchanged; unknown fields are kept.
``null`` in a text field reads as ``""`` and a ``null`` list as ``[]`` (the original project's
exports use both).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

#: ``action`` of ``PATCH /api/incidencias/{cod}``.
IncidentAction = Literal["reasignar", "resolver", "en_espera", "pendiente_implantar"]


def _none_is_empty_text(value: Any) -> Any:
    return "" if value is None else value


def _none_is_empty_list(value: Any) -> Any:
    return [] if value is None else value


def _code_as_text(value: Any) -> Any:
    return str(value).strip() if isinstance(value, int | str) else value


Text = Annotated[str, BeforeValidator(_none_is_empty_text)]


class HistorialEntry(BaseModel):
    """One entry of an incident's history."""

    model_config = ConfigDict(extra="allow")

    Fecha: Text = ""
    Autor: Text = ""
    CodigoResolucion: Text = ""
    NotasResolucion: Text = ""
    buzonComentario: Text = ""
    buzonAsignado: Text = ""
    estado: Text = ""
    detalle: Text = ""
    adjuntos: Annotated[list[str], BeforeValidator(_none_is_empty_list)] = Field(
        default_factory=list, description="File names or URLs."
    )


class Incidencia(BaseModel):
    """An incident as the incident manager serves it."""

    model_config = ConfigDict(extra="allow")

    codIncidencia: Annotated[str, BeforeValidator(_code_as_text)] = Field(min_length=1)
    buzon: str = Field(min_length=1)
    titulo: Text = ""
    solicitante: Text = ""
    estado: Text = ""
    apertura: Text = ""
    prioridad: Text = ""
    descripcion: Text = ""
    historial: Annotated[list[HistorialEntry], BeforeValidator(_none_is_empty_list)] = Field(
        default_factory=list
    )
