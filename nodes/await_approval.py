"""await_approval: the thread stops here until a person decides (supervised mode, ``aprobar``).

``interrupt`` checkpoints the thread and hands the proposal to the runner, which writes it to
the approvals store (:mod:`adapters.approvals`). A later run resumes the thread with the
decision (``Command(resume=...)``): LangGraph runs this node again from its start and
``interrupt`` returns the decision. Nothing before it has a side effect, so the re-run is safe.

* approved: on to ``apply`` with the approved parameters (a person may have edited them;
  checked again here, like the engine's own);
* rejected: escalated with the reason code and the reviewer's note.
"""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime
from langgraph.types import interrupt

from adapters.approvals import validate_parameters
from domain.reasons import Reason
from graph.context import EngineContext
from graph.state import Approval, Decision, IncidentState
from nodes.apply import with_reason


def await_approval(state: IncidentState, runtime: Runtime[EngineContext]) -> dict[str, Any]:
    pending = state.get("decision") or {}
    proposal = (pending.get("details") or {}).get("proposal")
    if pending.get("outcome") != "pending_approval" or not proposal:
        raise ValueError("await_approval reached without a pending proposal")
    answer = interrupt(proposal)
    if not isinstance(answer, dict) or not isinstance(answer.get("approved"), bool):
        raise ValueError(f"unusable approval decision: {answer!r}")
    approval: Approval = {
        "approval_id": int(answer.get("approval_id") or 0),
        "approved": answer["approved"],
        "user": str(answer.get("user") or ""),
        "decided_at": str(answer.get("decided_at") or ""),
        "note": answer.get("note"),
        "edited": [],
    }
    if not answer["approved"]:
        base: Decision = {
            "kb_id": pending.get("kb_id"),
            "action": pending.get("action"),
            "applied": False,
            "details": {**pending.get("details", {}), "approval": approval},
        }
        detail = f"{approval['user']}: {approval['note'] or ''}".strip()
        decision = {**with_reason(base, Reason.APPROVAL_REJECTED, detail), "outcome": "escalated"}
        return {"approval": approval, "decision": decision}
    proposed = dict(proposal.get("params") or {})
    # the decided parameters are the proposed ones with the person's edits: check the edits
    edits = {k: v for k, v in (answer.get("params") or {}).items() if proposed.get(k) != v}
    params = validate_parameters(str(proposal["action"]), proposed, edits)
    approval["edited"] = sorted(edits)
    update: dict[str, Any] = {"approval": approval}
    if approval["edited"]:
        update["policy"] = {**state["policy"], "params": params}
    return update
