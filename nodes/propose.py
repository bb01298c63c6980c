"""propose: the best candidate not rejected yet. The model never writes the solution."""

from __future__ import annotations

from typing import Any

from graph.state import IncidentState


def propose(state: IncidentState) -> dict[str, Any]:
    rejected = set(state.get("rejected", []))
    for candidate in state.get("candidates", []):
        if candidate["kb_id"] not in rejected:
            return {"current": candidate}
    reason = (
        "sin_candidatos: la búsqueda no encontró ningún problema conocido"
        if not state.get("candidates")
        else "candidatos_agotados: el revisor rechazó todas las soluciones candidatas"
    )
    return {"current": None, "decision": {"outcome": "escalated", "reason": reason}}
