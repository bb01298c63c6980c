"""analyze_attachments: read screenshots (OCR, and a vision model's Spanish description when
VISION_MODEL is set), only from the incident manager's origin, then compute the incident's
evidence (text, identifiers, injection check) once, screenshots included.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

import structlog
from langgraph.runtime import Runtime

from adapters.incident_manager import Attachment
from adapters.llm_history import LLMCallRecord
from adapters.ocr import AttachmentError
from adapters.vision import VisionDescriber, VisionError
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
    if ctx.ocr is not None or ctx.vision is not None:
        for name in names:
            try:
                attachment = ctx.incidents.fetch_attachment(name)
                read: AttachmentText = {"name": name, "sha256": None, "text": "", "error": None}
                if ctx.ocr is not None:
                    ocr = ctx.ocr.read(attachment.content, attachment.name)
                    read["sha256"], read["text"] = ocr.sha256, ocr.text
            except (AttachmentError, ExternalServiceError) as exc:
                # A bad or unreachable attachment is evidence missing, not a failed incident.
                log.warning("attachment.skipped", attachment=name, error=str(exc)[:300])
                error = str(exc)[:300]
                results.append({"name": name, "sha256": None, "text": "", "error": error})
                continue
            if ctx.vision is not None:
                found = describe(ctx, ctx.vision, state["incident_id"], attachment)
                read["description"], read["vision_error"] = found
            results.append(read)
    evidence = incident_evidence(
        state["incident"],
        [r["text"] for r in results],
        [r.get("description", "") for r in results],
    )
    return {
        "attachments": results,
        "text": evidence.text,
        "identifiers": evidence.identifiers,
        "suspected_injection": evidence.suspected_injection,
        "several_requests": evidence.several_requests,
    }


def describe(
    ctx: EngineContext, vision: VisionDescriber, incident_id: str, attachment: Attachment
) -> tuple[str, str | None]:
    """The vision model's description, or the reason there is none: a failing vision model
    leaves the screenshot to OCR alone and never fails the incident."""
    try:
        found = vision.describe(attachment.content, attachment.name)
    except (VisionError, AttachmentError) as exc:
        log.warning("attachment.vision_failed", attachment=attachment.name, error=str(exc)[:300])
        if ctx.history is not None and isinstance(exc, VisionError):
            ctx.history.record(vision_record(ctx, vision, incident_id, attachment, error=str(exc)))
        return "", str(exc)[:300]
    if ctx.history is not None and not found.cached:
        ctx.history.record(
            vision_record(
                ctx,
                vision,
                incident_id,
                attachment,
                model=found.model,
                output=found.text,
                input_tokens=found.input_tokens,
                output_tokens=found.output_tokens,
                latency_s=found.latency_s,
            )
        )
    return found.text, None


def vision_record(
    ctx: EngineContext,
    vision: VisionDescriber,
    incident_id: str,
    attachment: Attachment,
    **fields: Any,
) -> LLMCallRecord:
    """The history record of a vision call: the image is named by its hash, not its data."""
    system, user = vision.prompt.render(nombre=attachment.name)
    image = f"[imagen {attachment.name} sha256={hashlib.sha256(attachment.content).hexdigest()}]"
    record = LLMCallRecord(
        run_id=ctx.run_id,
        incident_id=incident_id,
        node="analyze_attachments",
        prompt_id=vision.prompt.id,
        prompt_version=vision.prompt.version,
        prompt_sha256=vision.prompt.sha256,
        model=vision.model,
        messages=[
            {"role": system.type, "content": str(system.content)},
            {"role": user.type, "content": f"{user.content}\n{image}"},
        ],
        output=None,
        parsed=None,
        first_try_valid=None,
        calls=1,
        input_tokens=None,
        output_tokens=None,
        latency_s=None,
    )
    return replace(record, **fields)
