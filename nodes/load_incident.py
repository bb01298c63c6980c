"""load_incident: the incident's id, and whether the engine already acted on it."""

from __future__ import annotations

from typing import Any

from domain.incident import already_tried
from graph.state import IncidentState


def load_incident(state: IncidentState) -> dict[str, Any]:
    incident = state["incident"]
    return {"incident_id": incident["codIncidencia"], "already_tried": already_tried(incident)}
