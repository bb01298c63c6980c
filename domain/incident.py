"""Pure helpers on an incident: its text, whether the engine already acted, injection hints,
and :func:`incident_evidence`, the one place the pre-model evidence of an incident is computed
(the graph and the evaluation tools both call it)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from domain.identifiers import extract
from domain.text import fold

MAX_TEXT_CHARS = 3000
#: marker written in every note the engine adds when it applies a solution: a history holding
#: it is never retried automatically
ENGINE_TAG = "[RESOLVIA]"
#: markers of notes that hand over or ask for data (not solutions: a later retry is allowed)
ESCALATION_TAG = "[RESOLVIA-ESCALADO]"
PENDING_TAG = "[RESOLVIA-PENDIENTE]"
SCREENSHOT_HEADER = "[Texto de la captura]"

# Phrases that address the model instead of describing a problem (accent-folded, lower-case).
_INJECTION = re.compile(
    r"ignor(a|e|ad|en)\s+(todas\s+)?(las\s+|tus\s+)?(instrucciones|indicaciones|reglas)"
    r"|olvida\s+(las\s+|tus\s+)?instrucciones"
    r"|ignore\s+(all\s+|the\s+)?(previous\s+|above\s+)?instructions"
    r"|\b(system|sistema)\s*:"
    r"|<\s*/?\s*(system|incidencia|instrucciones)\s*>"
    r"|\baprueba(la|lo)?\s+con\s+(un\s+)?\d+"
    r"|\b(puntua|puntuacion|score)\s*(de|=|:)?\s*100\b"
    r"|(cierra|resuelve|aprueba)\s+(todas\s+)?(las\s+|esta\s+)?incidencias?\s+(sin|automatica)"
    r"|eres\s+un\s+asistente\s+que"
    r"|act(ua|ue)\s+como\b"
    r"|modo\s+(administrador|desarrollador|dios)",
)


def compose_text(incident: dict[str, Any], extra: list[str] | None = None) -> str:
    """What the engine reads: title, description, history details, screenshot text."""
    parts = [str(incident.get("titulo", "")), str(incident.get("descripcion", ""))]
    for entry in incident.get("historial", []):
        for key in ("detalle", "NotasResolucion"):
            if entry.get(key):
                parts.append(str(entry[key]))
    parts += extra or []
    text = "\n".join(p.strip() for p in parts if p and p.strip())
    return text[:MAX_TEXT_CHARS]


def already_tried(incident: dict[str, Any], tag: str = ENGINE_TAG) -> bool:
    """True when a history entry carries the engine's tag: it acted on this incident before."""
    return any(
        tag in str(entry.get(key, ""))
        for entry in incident.get("historial", [])
        for key in ("NotasResolucion", "detalle", "buzonComentario")
    )


def suspect_injection(text: str) -> bool:
    """Deterministic hint that the text tries to instruct the model (the model adds its own)."""
    return _INJECTION.search(fold(text)) is not None


def attachment_names(incident: dict[str, Any]) -> list[str]:
    return [str(a) for e in incident.get("historial", []) for a in e.get("adjuntos", [])]


@dataclass(frozen=True)
class IncidentEvidence:
    """What the engine knows of an incident before any model call."""

    #: title, description, history details and screenshot text, capped
    text: str
    #: identifiers found by regex (never by the model)
    identifiers: dict[str, list[str]]
    #: the deterministic prompt-injection check fired on the text or a screenshot
    suspected_injection: bool


def incident_evidence(
    incident: dict[str, Any], screenshot_texts: Sequence[str] = ()
) -> IncidentEvidence:
    """Compose the incident's text (with the OCR text of its screenshots) and read it once."""
    extra = [f"{SCREENSHOT_HEADER}\n{t}" for t in screenshot_texts if t]
    text = compose_text(incident, extra)
    return IncidentEvidence(
        text=text,
        identifiers=extract(text, requester=str(incident.get("solicitante", ""))),
        suspected_injection=suspect_injection(text),
    )
