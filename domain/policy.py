"""The decision policy: one pure function from an incident's evidence to what happens next.

The graph calls :func:`decide` after retrieval and after every critic answer; the evaluation
calls the same function to replay an incident at another threshold from the critic scores it
recorded. There is no second copy of these rules.

Order of the rules:

1. the engine already acted on this incident (its tag in the history) → escalate;
2. the text tries to instruct the engine → escalate;
3. no candidate → escalate;
4. candidates: the critic is asked about at most ``1 + max_retries`` of them. It first judges
   the top ``compare`` candidates (1 = only the first; a confidence model says how many it was
   fitted for), which are then tried most confident first, and after them the rest in retrieval
   order; the first whose confidence reaches the threshold (or the first, with the critic off)
   is taken. The confidence is the critic's score, or — with a confidence model — 100 x P(the
   row is right) from the critic's scores and the retrieval evidence (:mod:`domain.confidence`).
   A failed critic answer (no score) is a rejection: fail closed;
5. what the taken row says: ``manual`` → hand over to the row's mailbox; ``api|<code>`` not on
   the allow-list → escalate; an allow-listed action missing an identifier → ask the requester;
   otherwise act;
6. nothing taken → escalate.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from domain.actions import ALLOWED_ACTIONS, ActionSpec, choose_params
from domain.confidence import ConfidenceModel, RetrievalSignals, features, missing
from domain.reasons import Reason

PLAIN_RESOLUTIONS = ("cierre", "reasignacion", "en espera")
#: above any critic score: the critic is asked about every reachable candidate, none is taken
NEVER_APPROVE = 101


class Step(StrEnum):
    """What the policy asks for."""

    #: the critic's score for ``kb_id`` is needed before deciding
    CRITIQUE = "critique"
    #: apply the row's resolution (an incident update, or an allow-listed action)
    ACT = "act"
    #: put the incident on hold asking the requester for the missing identifiers
    ASK = "ask"
    #: a person of the row's mailbox does it (``manual`` rows)
    HANDOVER = "handover"
    #: no decision from the knowledge base: people take over
    ESCALATE = "escalate"


#: steps that are a decision taken from a knowledge-base row (evaluation calls them actions)
ROW_DECISIONS = (Step.ACT, Step.ASK, Step.HANDOVER)


@dataclass(frozen=True)
class CandidateEvidence:
    kb_id: str
    #: the row's canonical RESOLUCION AUTOMÁTICA (``cierre``, ``api|fxprovision``, ...)
    action: str
    #: the row's BUZON REASIGNACION
    mailbox: str | None = None
    #: what retrieval said about it (evidence for the confidence model)
    signals: RetrievalSignals = field(default_factory=RetrievalSignals)


@dataclass(frozen=True)
class Evidence:
    """Everything the decision rests on; built from graph state or from a recorded outcome."""

    candidates: Sequence[CandidateEvidence] = ()
    #: critic score (0-100) per candidate asked about so far; None = the critic failed
    scores: Mapping[str, int | None] = field(default_factory=dict)
    identifiers: Mapping[str, Sequence[str]] = field(default_factory=dict)
    already_tried: bool = False
    suspected_injection: bool = False
    #: the requester's text reads as several requests (:mod:`domain.requests`)
    several_requests: bool = False
    #: ``row_pmi`` per candidate the critic judged (:mod:`graph.row_likelihood`); None or
    #: absent = not measured
    row_pmi: Mapping[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class PolicyParams:
    #: confidence needed to take a row (0-100; NEVER_APPROVE to only collect scores)
    threshold: int
    #: further candidates the critic sees after a rejection
    max_retries: int
    #: off (an evaluation ablation): the first candidate is taken without asking the critic
    critic_enabled: bool = True
    allowed_actions: Mapping[str, ActionSpec] = field(default_factory=lambda: ALLOWED_ACTIONS)
    #: None: the confidence is the critic's own score
    confidence_model: ConfidenceModel | None = None
    #: candidates the critic judges before any is taken; None = what the confidence model was
    #: fitted for (1 without one)
    compare: int | None = None

    @property
    def comparing(self) -> int:
        if self.compare is not None:
            return self.compare
        return 1 if self.confidence_model is None else self.confidence_model.compare

    @property
    def head(self) -> int:
        """How many of the first candidates the critic judges before any is taken."""
        return max(1, min(self.comparing, 1 + self.max_retries))

    def approves(self, confidence: int | None) -> bool:
        return confidence is not None and confidence >= self.threshold


@dataclass(frozen=True)
class PolicyDecision:
    step: Step
    reason: Reason | None = None
    kb_id: str | None = None
    action: str | None = None
    mailbox: str | None = None
    #: parameters of an allow-listed action, taken from the incident's identifiers
    params: dict[str, str] = field(default_factory=dict)
    missing: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    #: critic answers this decision rests on (for the cost of a replayed decision)
    critiques_used: int = 0

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["missing"], data["ambiguous"] = list(self.missing), list(self.ambiguous)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PolicyDecision:
        return cls(
            step=Step(data["step"]),
            reason=Reason(data["reason"]) if data.get("reason") else None,
            kb_id=data.get("kb_id"),
            action=data.get("action"),
            mailbox=data.get("mailbox"),
            params=dict(data.get("params") or {}),
            missing=tuple(data.get("missing") or ()),
            ambiguous=tuple(data.get("ambiguous") or ()),
            critiques_used=int(data.get("critiques_used") or 0),
        )


def early_exit(evidence: Evidence) -> Reason | None:
    """A reason to stop before any model call, or None."""
    if evidence.already_tried:
        return Reason.ALREADY_TRIED
    if evidence.suspected_injection:
        return Reason.SUSPECTED_INJECTION
    return None


def decide(evidence: Evidence, params: PolicyParams) -> PolicyDecision:
    """The next step for an incident, from its evidence so far."""
    stop = early_exit(evidence)
    if stop is not None:
        return PolicyDecision(Step.ESCALATE, stop)
    if not evidence.candidates:
        return PolicyDecision(Step.ESCALATE, Reason.NO_CANDIDATES)
    budget = 1 + params.max_retries
    order = list(evidence.candidates)
    if params.critic_enabled:
        head = order[: params.head]
        for candidate in head:  # all judged before any is taken
            if candidate.kb_id not in evidence.scores:
                used = sum(c.kb_id in evidence.scores for c in head)
                return PolicyDecision(Step.CRITIQUE, kb_id=candidate.kb_id, critiques_used=used)

        def most_confident(candidate: CandidateEvidence) -> int:
            value = confidence(evidence, candidate.kb_id, params)
            return -1 if value is None else value

        # sorted() is stable: equal confidences keep the retrieval order
        order = sorted(head, key=most_confident, reverse=True) + order[len(head) :]
    # the head's critiques are all spent before any of its rows is tried
    judged = params.head if params.critic_enabled else 0
    used = min(judged, len(order))
    for position, candidate in enumerate(order):
        if params.critic_enabled:
            if position >= judged:
                if used >= budget:
                    break
                if candidate.kb_id not in evidence.scores:
                    return PolicyDecision(Step.CRITIQUE, kb_id=candidate.kb_id, critiques_used=used)
                used += 1
            if not params.approves(confidence(evidence, candidate.kb_id, params)):
                continue
        return _take(candidate, evidence, params, used)
    return PolicyDecision(Step.ESCALATE, Reason.CANDIDATES_REJECTED, critiques_used=used)


def confidence(evidence: Evidence, kb_id: str, params: PolicyParams) -> int | None:
    """0-100 confidence that candidate ``kb_id`` is right; None without a critic score (or,
    with a confidence model, while a row it is compared with still waits for the critic)."""
    score = evidence.scores.get(kb_id)
    if score is None:
        return None
    if params.confidence_model is None:
        return score
    values = candidate_features(evidence, kb_id, params)
    if values is None:
        return None
    return round(100 * params.confidence_model.probability(values))


def candidate_features(
    evidence: Evidence, kb_id: str, params: PolicyParams
) -> dict[str, float] | None:
    """The confidence model's features of a critiqued candidate as the policy sees them when it
    decides on it: compared with the other rows judged by then (the top ``compare``, and every
    row before it). None while one of those still waits for the critic, and when a feature the
    confidence model needs was not measured (``row_pmi``). The calibration fits on exactly these
    (:func:`finetune.calibrate.examples`)."""
    score = evidence.scores.get(kb_id)
    if score is None:
        return None
    index = next(i for i, c in enumerate(evidence.candidates) if c.kb_id == kb_id)
    seen = evidence.candidates[: max(index + 1, params.head)]
    if any(c.kb_id not in evidence.scores for c in seen):
        return None
    others = [
        s / 100
        for c in seen
        if c.kb_id != kb_id and (s := evidence.scores.get(c.kb_id)) is not None
    ]
    values = features(
        [c.signals for c in evidence.candidates],
        index,
        score / 100,
        params_complete(evidence.candidates[index], evidence, params),
        others,
        several_requests=evidence.several_requests,
        row_pmi=evidence.row_pmi.get(kb_id),
    )
    model = params.confidence_model
    if model is None:  # for fitting one: an unmeasured feature stays NaN, and is refused
        return values
    if any(model.uses(name) for name in missing(values)):
        return None  # a feature the model needs was not measured: no confidence, no action
    # one it gives no weight to may be unmeasured (0 x NaN would still be NaN)
    return {k: 0.0 if math.isnan(v) else v for k, v in values.items()}


def params_complete(candidate: CandidateEvidence, evidence: Evidence, params: PolicyParams) -> bool:
    """False for an ``api|`` row whose action is unknown or whose identifiers are incomplete."""
    if not candidate.action.startswith("api|"):
        return True
    spec = params.allowed_actions.get(candidate.action.removeprefix("api|"))
    identifiers = {k: list(v) for k, v in evidence.identifiers.items()}
    return spec is not None and choose_params(spec, identifiers).complete


def _take(
    candidate: CandidateEvidence, evidence: Evidence, params: PolicyParams, used: int
) -> PolicyDecision:
    """What the taken row's RESOLUCION AUTOMÁTICA leads to."""
    kb_id, action = candidate.kb_id, candidate.action
    if action == "manual":
        return PolicyDecision(
            Step.HANDOVER, Reason.MANUAL, kb_id, action, candidate.mailbox, critiques_used=used
        )
    if action in PLAIN_RESOLUTIONS:
        return PolicyDecision(
            Step.ACT, Reason.APPROVED, kb_id, action, candidate.mailbox, critiques_used=used
        )
    spec = params.allowed_actions.get(action.removeprefix("api|"))
    if not action.startswith("api|") or spec is None:
        return PolicyDecision(
            Step.ESCALATE, Reason.ACTION_NOT_ALLOWED, kb_id, action, critiques_used=used
        )
    choice = choose_params(spec, {k: list(v) for k, v in evidence.identifiers.items()})
    if choice.complete:
        step, reason = Step.ACT, Reason.APPROVED
    else:
        step, reason = Step.ASK, Reason.MISSING_IDENTIFIER
    return PolicyDecision(
        step,
        reason,
        kb_id,
        action,
        params=choice.values,
        missing=choice.missing,
        ambiguous=choice.ambiguous,
        critiques_used=used,
    )
