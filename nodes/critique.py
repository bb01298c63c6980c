"""critique: the critic scores 0-100 how well the proposed row fits; code decides approval.

Two ways to get the score (``CRITIC_MODE``):

* ``probabilidad`` (default): the critic is asked whether the row is the incident's problem
  and answers «sí»/«no» in one token; the score is 100 x P(«sí») from the token
  log-probabilities. Small local models write nearly the same number for every pair when asked
  for a score (measured: AUC 0.56 on dev pairs with the 1.5B model), while their yes/no
  probability ranks right above wrong rows far better (AUC 0.86), and costs one output token.
* ``puntuacion``: the critic writes a JSON object with a 0-100 ``puntuacion`` and a ``motivo``;
  earlier rejections are shown to it as context.

Approval is ``score >= threshold``. An answer that does not validate, or no answer at all,
counts as a rejection (fail closed).
"""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from graph.context import EngineContext
from graph.schemas import Critique
from graph.state import Candidate, CritiqueRecord, IncidentState
from graph.llm_calls import structured_call, verdict_call
from prompts.loader import load_prompt


def feedback_text(critiques: list[CritiqueRecord]) -> str:
    rejected = [c for c in critiques if not c["approved"] and c["feedback"]]
    if not rejected:
        return ""
    lines = "\n".join(f"- {c['kb_id']}: {c['feedback']}" for c in rejected)
    return f"\nSoluciones ya descartadas para esta incidencia y por qué:\n{lines}"


def critique(state: IncidentState, runtime: Runtime[EngineContext]) -> dict[str, Any]:
    ctx = runtime.context
    candidate = state["current"]
    assert candidate is not None, "routing sends only a proposed candidate to the critic"
    row = candidate["row"]
    if not ctx.critic_enabled:  # ablation: the first candidate is taken as it comes
        record_off: CritiqueRecord = {"kb_id": candidate["kb_id"], "score": None,
                                      "approved": True, "feedback": "", "error": None}  # fmt: skip
        return {"critiques": [*state.get("critiques", []), record_off],
                "attempts": state.get("attempts", 0) + 1}  # fmt: skip
    if ctx.critic_mode == "probabilidad":
        return _verdict(state, ctx, candidate)
    outcome = structured_call(
        ctx,
        node="critique",
        incident_id=state["incident_id"],
        prompt=load_prompt("critique", ctx.critique_prompt),
        schema=Critique,
        max_tokens=200,
        incidencia=state["text"],
        componente=str(row.get("componente", "")),
        problema=str(row.get("descripcion", "")),
        solucion=str(row.get("solucion", "")),
        feedback=feedback_text(state.get("critiques", [])),
    )
    score = outcome.parsed.puntuacion if outcome.parsed else None
    approved = score is not None and score >= ctx.threshold
    record: CritiqueRecord = {
        "kb_id": candidate["kb_id"],
        "score": score,
        "approved": approved,
        "feedback": outcome.parsed.motivo if outcome.parsed else "",
        "error": outcome.error,
    }
    return _state_update(state, record, outcome.calls, outcome.tokens)


def _verdict(state: IncidentState, ctx: EngineContext, candidate: Candidate) -> dict[str, Any]:
    row = candidate["row"]
    outcome = verdict_call(
        ctx,
        node="critique",
        incident_id=state["incident_id"],
        prompt=load_prompt("critique_verdict", ctx.critique_verdict_prompt),
        incidencia=state["text"],
        componente=str(row.get("componente", "")),
        problema=str(row.get("descripcion", "")),
        solucion=str(row.get("solucion", "")),
    )
    score = round(100 * outcome.parsed.probability) if outcome.parsed else None
    approved = score is not None and score >= ctx.threshold
    feedback = ""
    if score is not None:
        feedback = (
            f"El revisor estima en un {score} % la probabilidad de que la solución "
            f"corresponda a la incidencia (umbral {ctx.threshold} %)."
        )
    record: CritiqueRecord = {
        "kb_id": candidate["kb_id"],
        "score": score,
        "approved": approved,
        "feedback": feedback,
        "error": outcome.error,
    }
    return _state_update(state, record, outcome.calls, outcome.tokens)


def _state_update(
    state: IncidentState, record: CritiqueRecord, calls: int, tokens: int
) -> dict[str, Any]:
    """Append the critique, count the attempt and its cost, remember a rejected row."""
    update: dict[str, Any] = {
        "critiques": [*state.get("critiques", []), record],
        "attempts": state.get("attempts", 0) + 1,
        "llm_calls": state.get("llm_calls", 0) + calls,
        "llm_tokens": state.get("llm_tokens", 0) + tokens,
    }
    if not record["approved"]:
        update["rejected"] = [*state.get("rejected", []), record["kb_id"]]
    return update
