"""analyze_attachments: read screenshots (OCR), only from the incident manager's origin, then
compute the incident's evidence (text, identifiers, injection check) once, screenshots included.
"""

from __future__ import annotations

from typing import Any

import structlog
from langgraph.runtime import Runtime

from adapters.ocr import AttachmentError
from domain.incident import attachment_names, incident_evidence
from errors import ExternalServiceError
from graph.context import EngineContext
from graph.state import AttachmentText, IncidentState

log = structlog.get_logger(__name__)
MAX_ATTACHMENTS = 5


def analyze_attachments(state: IncidentState, runtime: Runtime[EngineContext]) -> dict[str, Any]:
    ctx = runtime.context
    names = attachment_names(state["incident"])[:MAX_ATTACHMENTS]
    results: list[AttachmentText] = []
    if ctx.ocr is not None:
        for name in names:
            try:
                attachment = ctx.incidents.fetch_attachment(name)
                read = ctx.ocr.read(attachment.content, attachment.name)
                results.append(
                    {"name": name, "sha256": read.sha256, "text": read.text, "error": None}
                )
            except (AttachmentError, ExternalServiceError) as exc:
                # A bad or unreachable attachment is evidence missing, not a failed incident.
                log.warning("attachment.skipped", attachment=name, error=str(exc)[:300])
                error = str(exc)[:300]
                results.append({"name": name, "sha256": None, "text": "", "error": error})
    evidence = incident_evidence(state["incident"], [r["text"] for r in results])
    return {
        "attachments": results,
        "text": evidence.text,
        "identifiers": evidence.identifiers,
        "suspected_injection": evidence.suspected_injection,
    }
