"""load_incident: the incident's id, whether the engine already acted on it, and the history
the decision will be taken on."""

from __future__ import annotations

from typing import Any

from domain.activity import activity_marker
from domain.incident import already_tried
from graph.state import IncidentState


def load_incident(state: IncidentState) -> dict[str, Any]:
    incident = state["incident"]
    return {
        "incident_id": incident["codIncidencia"],
        "already_tried": already_tried(incident),
        # here, while the incident is as served: checkpoints redact it later (activity_marker
        # hashes the last history entry, which may hold personal data)
        "activity": activity_marker(incident),
    }
