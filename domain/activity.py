"""Activity on an incident since the engine last wrote to it (pure helpers).

An incident the engine put on hold or escalated comes back to it when someone else — the
requester, a person — wrote in its history after the engine's last entry
(:func:`new_activity`). Positions in the history are compared, never dates: the incident
manager keeps the history oldest first, and its clock is not ours.

:func:`activity_marker` names the history the engine saw when it decided, so that the side
effects of a later decision, taken after new activity, get idempotency keys of their own while
the retries of one decision keep theirs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from domain.incident import ENGINE_AUTHOR, ENGINE_TAG, ESCALATION_TAG, PENDING_TAG

ENGINE_TAGS = (ENGINE_TAG, ESCALATION_TAG, PENDING_TAG)


def is_engine_entry(entry: Mapping[str, Any]) -> bool:
    """Written by the engine: its author, or a note that starts with one of its tags (a real
    incident manager may record the API account as the author)."""
    if str(entry.get("Autor") or "").strip().lower() == ENGINE_AUTHOR:
        return True
    return any(
        str(entry.get(key) or "").lstrip().startswith(ENGINE_TAGS)
        for key in ("NotasResolucion", "detalle")
    )


def last_engine_entry(incident: Mapping[str, Any]) -> int | None:
    """Position of the engine's last history entry; None when it never wrote."""
    history = list(incident.get("historial") or [])
    for position in range(len(history) - 1, -1, -1):
        if is_engine_entry(history[position]):
            return position
    return None


def new_activity(incident: Mapping[str, Any]) -> bool:
    """True when someone other than the engine wrote after the engine's last entry.

    An incident the engine never wrote to has no "after": False (the outcome store says it
    was handled, the history cannot say since when).
    """
    last = last_engine_entry(incident)
    if last is None:
        return False
    history = list(incident.get("historial") or [])
    return any(not is_engine_entry(entry) for entry in history[last + 1 :])


def activity_marker(incident: Mapping[str, Any]) -> str:
    """The history as the engine saw it: its length and a hash of its last entry."""
    history = list(incident.get("historial") or [])
    if not history:
        return "0"
    last = history[-1]
    fields = (str(last.get(key) or "") for key in ("Fecha", "Autor", "NotasResolucion", "detalle"))
    digest = hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()[:12]
    return f"{len(history)}:{digest}"
