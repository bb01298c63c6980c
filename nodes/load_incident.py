"""load_incident: normalise the incident, find identifiers, stop if the engine already acted."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from graph.context import EngineContext
from graph.state import IncidentState
from domain.identifiers import extract
from domain.incident import already_tried, compose_text, suspect_injection


def load_incident(state: IncidentState, runtime: Runtime[EngineContext]) -> dict[str, Any]:
    incident = state["incident"]
    text = compose_text(incident)
    update: dict[str, Any] = {
        "incident_id": incident["codIncidencia"],
        "text": text,
        "identifiers": extract(text, requester=str(incident.get("solicitante", ""))),
        "suspected_injection": suspect_injection(text),
        "attachments": [],
        "candidates": [],
        "rejected": [],
        "critiques": [],
        "attempts": 0,
        "llm_calls": 0,
        "llm_tokens": 0,
    }
    if already_tried(incident, runtime.context.tag):
        update["decision"] = {
            "outcome": "escalated",
            "reason": "ya_intentado: el historial muestra que el motor ya aplicó una solución; "
            "no se repite automáticamente",
        }
    return update
