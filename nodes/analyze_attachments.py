"""analyze_attachments: read screenshots (OCR), only from the incident manager's origin."""

from __future__ import annotations

from typing import Any

import structlog
from langgraph.runtime import Runtime

from adapters.ocr import AttachmentError
from errors import ExternalServiceError
from graph.context import EngineContext
from graph.state import AttachmentText, IncidentState
from domain.identifiers import extract
from domain.incident import attachment_names, compose_text, suspect_injection

log = structlog.get_logger(__name__)
MAX_ATTACHMENTS = 5


def analyze_attachments(state: IncidentState, runtime: Runtime[EngineContext]) -> dict[str, Any]:
    ctx = runtime.context
    names = attachment_names(state["incident"])[:MAX_ATTACHMENTS]
    if not names or ctx.ocr is None:
        return {}
    results: list[AttachmentText] = []
    for name in names:
        try:
            attachment = ctx.incidents.fetch_attachment(name)
            read = ctx.ocr.read(attachment.content, attachment.name)
            results.append({"name": name, "sha256": read.sha256, "text": read.text, "error": None})
        except (AttachmentError, ExternalServiceError) as exc:
            # A bad or unreachable attachment is evidence missing, not a failed incident.
            log.warning("attachment.skipped", attachment=name, error=str(exc)[:300])
            results.append({"name": name, "sha256": None, "text": "", "error": str(exc)[:300]})
    ocr_texts = [r["text"] for r in results if r["text"]]
    if not ocr_texts:
        return {"attachments": results}
    text = compose_text(state["incident"], [f"[Texto de la captura]\n{t}" for t in ocr_texts])
    requester = str(state["incident"].get("solicitante", ""))
    return {
        "attachments": results,
        "text": text,
        "identifiers": extract(text, requester=requester),
        "suspected_injection": state.get("suspected_injection", False) or suspect_injection(text),
    }
