"""critique: the critic scores 0-100 how well the proposed row fits; the policy decides.

Two ways to get the score (``CRITIC_MODE``):

* ``probabilidad`` (default): the critic is asked whether the row is the incident's problem
  and answers «sí»/«no» in one token; the score is 100 x P(«sí») from the token
  log-probabilities. Small local models write nearly the same number for every pair when asked
  for a score (measured: AUC 0.56 on dev pairs with the 1.5B model), while their yes/no
  probability ranks right above wrong rows far better (AUC 0.86), and costs one output token.
  The prompt is ``critique_verdict/<CRITIC_PROMPT_VERSION>``: v2 (default) asks whether the
  incident describes the row's problem and does not show the solution (dev AUC 0.888 vs 0.850
  for v1, which shows both); only the placeholders a version uses are filled.
* ``lista``: one call per incident shows the candidates the policy may reach as lettered
  options plus «Ninguna»; each candidate's score is 100 x P(its letter). The incident comes
  first in the prompt, so a server's prompt cache serves the shared part.
* ``puntuacion``: the critic writes a JSON object with a 0-100 ``puntuacion`` and a ``motivo``;
  earlier rejections are shown to it as context.

An answer that does not validate, or no answer at all, has no score: the policy counts it as a
rejection (fail closed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from langgraph.runtime import Runtime

from domain.policy import confidence
from errors import LLMError
from graph.context import EngineContext
from graph.llm_calls import CallOutcome, choice_call, structured_call, verdict_call
from graph.row_likelihood import NO_INCIDENT, RowLikelihood, baseline, row_likelihood
from graph.schemas import Critique
from graph.state import Candidate, CritiqueRecord, IncidentState
from nodes.propose import evidence_of
from nodes.record import PENDING
from prompts.loader import Prompt, load_prompt


def feedback_text(critiques: list[CritiqueRecord]) -> str:
    rejected = [c for c in critiques if not c["approved"] and c["feedback"]]
    if not rejected:
        return ""
    lines = "\n".join(f"- {c['kb_id']}: {c['feedback']}" for c in rejected)
    return f"\nSoluciones ya descartadas para esta incidencia y por qué:\n{lines}"


def proposed_candidate(state: IncidentState) -> Candidate:
    kb_id = (state.get("policy") or {}).get("kb_id")
    for candidate in state.get("candidates", []):
        if candidate["kb_id"] == kb_id:
            return candidate
    raise ValueError(f"the policy proposed {kb_id!r}, which is not a candidate")


def critique(state: IncidentState, runtime: Runtime[EngineContext]) -> dict[str, Any]:
    ctx = runtime.context
    if ctx.settings.CRITIC_MODE == "lista":
        return _critique_list(state, ctx)
    candidate = proposed_candidate(state)
    values = _values(state["text"], candidate)
    score: int | None
    outcome: CallOutcome[Any]
    likelihood: RowLikelihood | None = None
    if ctx.settings.CRITIC_MODE == "probabilidad":
        prompt = load_prompt("critique_verdict", ctx.prompts.critique_verdict)
        # a version may leave a field out (v2 shows the row's problem, not its solution)
        asked = {k: v for k, v in values.items() if k in prompt.placeholders}
        if ctx.measures_row_likelihood and not state.get("critiques"):
            _warm_baselines(state, ctx, prompt)
        outcome = verdict_call(
            ctx, node="critique", incident_id=state["incident_id"], prompt=prompt, **asked
        )
        score = round(100 * outcome.parsed.probability) if outcome.parsed else None
        if score is not None and ctx.measures_row_likelihood:
            # read from the logits of the request just made (graph.row_likelihood)
            likelihood = row_likelihood(ctx.llm, ctx.row_baselines, prompt, asked)

        def feedback(score: int | None, value: int | None) -> str:
            if score is None:
                return ""
            if ctx.policy.confidence_model is None:
                shown = ""
            elif value is None:  # compared with rows the critic has not judged yet
                shown = f"; {PENDING}"
            else:
                shown = f"; confianza {value} %"
            return (
                f"El revisor estima en un {score} % la probabilidad de que la solución "
                f"corresponda a la incidencia{shown} (umbral {ctx.threshold} %)."
            )

    else:
        outcome = structured_call(
            ctx,
            node="critique",
            incident_id=state["incident_id"],
            prompt=load_prompt("critique", ctx.prompts.critique),
            schema=Critique,
            max_tokens=200,
            feedback=feedback_text(state.get("critiques", [])),
            **values,
        )
        score = outcome.parsed.puntuacion if outcome.parsed else None
        motive = outcome.parsed.motivo if outcome.parsed else ""

        def feedback(score: int | None, value: int | None) -> str:
            return motive

    return _scored(
        state, ctx, {candidate["kb_id"]: score}, outcome, candidate["kb_id"], feedback, likelihood
    )


def _values(text: str, candidate: Candidate) -> dict[str, str]:
    row = candidate["row"]
    return {
        "incidencia": text,
        "componente": str(row.get("componente", "")),
        "problema": str(row.get("descripcion", "")),
        "solucion": str(row.get("solucion", "")),
    }


def _warm_baselines(state: IncidentState, ctx: EngineContext, prompt: Prompt) -> None:
    """Before an incident's first critic request: the baselines the rows the critic will judge
    first still lack. Measured between two of the incident's requests, a baseline would evict
    the incident from the server's cache and the next request would evaluate it all again."""
    for candidate in state.get("candidates", [])[: ctx.policy.head]:
        values = _values(NO_INCIDENT, candidate)
        try:
            baseline(
                ctx.llm,
                ctx.row_baselines,
                prompt,
                {k: v for k, v in values.items() if k in prompt.placeholders},
            )
        except LLMError:  # measured again with the row, and its failure recorded there
            return


def _scored(
    state: IncidentState,
    ctx: EngineContext,
    scores: dict[str, int | None],
    outcome: CallOutcome[Any],
    label: str,
    feedback: Callable[[int | None, int | None], str],
    likelihood: RowLikelihood | None = None,
) -> dict[str, Any]:
    """The state update of one critic call: a record per scored candidate (its confidence and
    the policy's verdict on it), the call's cost, and the failure if there was one. With
    ``likelihood`` (one candidate): its ``row_pmi``, or why it could not be measured."""
    pmi = {k: likelihood.pmi for k in scores} if likelihood is not None else {}
    scored = evidence_of(state)
    scored = replace(scored, scores={**scored.scores, **scores}, row_pmi={**scored.row_pmi, **pmi})
    records: list[CritiqueRecord] = []
    error = outcome.error or (likelihood.error if likelihood is not None else None)
    for kb_id, score in scores.items():
        value = confidence(scored, kb_id, ctx.policy)
        record: CritiqueRecord = {
            "kb_id": kb_id,
            "score": score,
            "confidence": value,
            "approved": ctx.policy.approves(value),
            "feedback": feedback(score, value),
            "error": error,
        }
        if likelihood is not None and likelihood.error:
            record["feedback"] = (
                f"{record['feedback']} No se pudo medir la verosimilitud de la fila "
                "(row_pmi), y sin ella no se aplica."
            ).strip()
        if likelihood is not None:
            record["row_pmi"] = likelihood.pmi
        records.append(record)
    update: dict[str, Any] = {
        "critiques": records,
        "llm_calls": outcome.calls,
        "llm_tokens": outcome.tokens,
    }
    if error:
        update["model_errors"] = [f"critique {label}: {error}"[:300]]
    return update


LETTERS = "ABCDEFGH"


def _critique_list(state: IncidentState, ctx: EngineContext) -> dict[str, Any]:
    """One lettered-choice call scores every candidate the policy may still reach."""
    first = proposed_candidate(state)
    candidates = state.get("candidates", [])
    start = next(i for i, c in enumerate(candidates) if c["kb_id"] == first["kb_id"])
    budget = 1 + ctx.settings.MAX_RETRIES_CRITIC - len(state.get("critiques", []))
    shown = candidates[start : start + min(budget, len(LETTERS) - 1)]
    letters = list(LETTERS[: len(shown) + 1])
    options = [
        f"{letter}) Componente: {c['row'].get('componente', '')}\n"
        f"   Problema conocido: {c['row'].get('descripcion', '')}\n"
        f"   Solución: {c['row'].get('solucion', '')}"
        for letter, c in zip(letters, shown, strict=False)
    ]
    options.append(f"{letters[-1]}) Ninguna de las anteriores")
    outcome = choice_call(
        ctx,
        node="critique",
        incident_id=state["incident_id"],
        prompt=load_prompt("critique_lista", ctx.prompts.critique_lista),
        letters=letters,
        incidencia=state["text"],
        opciones="\n".join(options),
    )
    scores = {
        c["kb_id"]: (
            round(100 * outcome.parsed.probabilities.get(letter, 0.0)) if outcome.parsed else None
        )
        for letter, c in zip(letters, shown, strict=False)
    }

    def feedback(score: int | None, value: int | None) -> str:
        if score is None:
            return ""
        return (
            f"El revisor elige esta solución entre {len(shown)} candidatas y «ninguna» "
            f"con un {score} % de probabilidad (confianza {value} %, umbral {ctx.threshold} %)."
        )

    return _scored(state, ctx, scores, outcome, "(lista)", feedback)
