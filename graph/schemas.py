"""Structured outputs the models are asked for (kept apart from the graph state)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Reformulation(BaseModel):
    """What the reformulate node asks the model for."""

    resumen: str = Field(max_length=300)
    componente: str = Field(max_length=60)
    palabras_clave: list[str] = Field(default_factory=list, max_length=8)
    frases_busqueda: list[str] = Field(default_factory=list, max_length=3)
    posible_manipulacion: bool = False


class Critique(BaseModel):
    """What the critic returns. Approval is computed by code from ``puntuacion``."""

    puntuacion: int = Field(ge=0, le=100)
    motivo: str = Field(max_length=400)
