"""The decision policy on hand-made evidence: every rule, in order."""

from __future__ import annotations

import pytest

from domain.policy import (
    NEVER_APPROVE,
    CandidateEvidence,
    Evidence,
    PolicyDecision,
    PolicyParams,
    Step,
    decide,
)
from domain.reasons import Reason, explain

CANDS = [CandidateEvidence(f"KB-{i}", "cierre") for i in range(1, 5)]
PARAMS = PolicyParams(threshold=65, max_retries=2)


def test_the_first_candidate_is_sent_to_the_critic() -> None:
    d = decide(Evidence(candidates=CANDS), PARAMS)
    assert d.step is Step.CRITIQUE and d.kb_id == "KB-1" and d.reason is None


def test_a_rejected_candidate_leads_to_the_next_one_never_the_same() -> None:
    d = decide(Evidence(candidates=CANDS, scores={"KB-1": 40}), PARAMS)
    assert d.step is Step.CRITIQUE and d.kb_id == "KB-2" and d.critiques_used == 1


def test_approval_at_the_threshold_acts_with_the_row() -> None:
    d = decide(Evidence(candidates=CANDS, scores={"KB-1": 40, "KB-2": 65}), PARAMS)
    assert (d.step, d.reason, d.kb_id, d.action) == (Step.ACT, Reason.APPROVED, "KB-2", "cierre")
    assert d.critiques_used == 2


def test_retries_used_up_escalates_although_candidates_remain() -> None:
    scores = {"KB-1": 10, "KB-2": 20, "KB-3": 30}
    d = decide(Evidence(candidates=CANDS, scores=scores), PARAMS)
    assert (d.step, d.reason, d.critiques_used) == (
        Step.ESCALATE,
        Reason.CANDIDATES_REJECTED,
        3,
    )
    # with no retries only the first candidate is ever seen
    d0 = decide(Evidence(candidates=CANDS, scores={"KB-1": 10}), PolicyParams(65, 0))
    assert d0.step is Step.ESCALATE and d0.critiques_used == 1


def test_nothing_left_to_propose_escalates() -> None:
    d = decide(Evidence(candidates=CANDS[:1], scores={"KB-1": 10}), PARAMS)
    assert d.step is Step.ESCALATE and d.reason is Reason.CANDIDATES_REJECTED


def test_a_failed_critic_answer_is_a_rejection() -> None:
    d = decide(Evidence(candidates=CANDS[:1], scores={"KB-1": None}), PolicyParams(0, 2))
    assert d.step is Step.ESCALATE  # fail closed even at threshold 0


def test_no_candidates_escalates() -> None:
    d = decide(Evidence(), PARAMS)
    assert d.step is Step.ESCALATE and d.reason is Reason.NO_CANDIDATES


def test_already_tried_and_injection_escalate_before_anything_else() -> None:
    scores = {"KB-1": 100}
    tried = decide(Evidence(CANDS, scores, already_tried=True), PARAMS)
    injected = decide(Evidence(CANDS, scores, suspected_injection=True), PARAMS)
    assert (tried.step, tried.reason) == (Step.ESCALATE, Reason.ALREADY_TRIED)
    assert (injected.step, injected.reason) == (Step.ESCALATE, Reason.SUSPECTED_INJECTION)


def test_manual_rows_are_handed_to_their_mailbox() -> None:
    manual = [CandidateEvidence("KB-M", "manual", "SEGURIDAD")]
    d = decide(Evidence(manual, {"KB-M": 90}), PARAMS)
    assert (d.step, d.reason, d.mailbox) == (Step.HANDOVER, Reason.MANUAL, "SEGURIDAD")


def test_an_action_off_the_allow_list_escalates() -> None:
    rogue = [CandidateEvidence("KB-X", "api|borrartodo")]
    d = decide(Evidence(rogue, {"KB-X": 99}), PARAMS)
    assert (d.step, d.reason, d.kb_id) == (Step.ESCALATE, Reason.ACTION_NOT_ALLOWED, "KB-X")


def test_allowed_action_asks_for_missing_identifiers_and_acts_when_complete() -> None:
    api = [CandidateEvidence("KB-A", "api|fxprovision")]
    ask = decide(Evidence(api, {"KB-A": 90}, {"poliza": ["30114872"]}), PARAMS)
    assert (ask.step, ask.reason, ask.missing) == (
        Step.ASK,
        Reason.MISSING_IDENTIFIER,
        ("num_reembolso",),
    )
    ids = {"poliza": ["30114872"], "num_reembolso": ["R-2609113", "R-2609114"]}
    ambiguous = decide(Evidence(api, {"KB-A": 90}, ids), PARAMS)
    assert ambiguous.step is Step.ASK and ambiguous.ambiguous == ("num_reembolso",)
    ids = {"poliza": ["30114872"], "num_reembolso": ["R-2609113"]}
    act = decide(Evidence(api, {"KB-A": 90}, ids), PARAMS)
    assert act.step is Step.ACT
    assert act.params == {"poliza": "30114872", "num_reembolso": "R-2609113"}


def test_critic_off_takes_the_first_candidate_without_asking() -> None:
    d = decide(Evidence(candidates=CANDS), PolicyParams(65, 2, critic_enabled=False))
    assert d.step is Step.ACT and d.kb_id == "KB-1" and d.critiques_used == 0


def test_never_approve_collects_every_reachable_score() -> None:
    params = PolicyParams(NEVER_APPROVE, 2)
    seen = []
    scores: dict[str, int | None] = {}
    while (d := decide(Evidence(CANDS, scores), params)).step is Step.CRITIQUE:
        seen.append(d.kb_id)
        scores[str(d.kb_id)] = 100
    assert seen == ["KB-1", "KB-2", "KB-3"] and d.step is Step.ESCALATE


def test_decisions_survive_a_checkpoint_round_trip() -> None:
    api = [CandidateEvidence("KB-A", "api|fxprovision")]
    d = decide(Evidence(api, {"KB-A": 90}, {"poliza": ["30114872"]}), PARAMS)
    assert PolicyDecision.from_dict(d.as_dict()) == d


def test_reasons_have_words_for_people() -> None:
    for reason in Reason:
        assert explain(reason).startswith(f"{reason.value}: ")
    assert explain(Reason.APPLY_FAILED, "timeout").endswith("(timeout)")
    with pytest.raises(ValueError):
        explain("no_such_reason")


def test_compare_judges_the_head_first_then_takes_the_most_confident() -> None:
    from domain.confidence import FEATURES, ConfidenceModel

    n = len(FEATURES)
    # P = logistic(4 x critic_p - 2 + 6 x critic_margin): the margin over the other rows counts
    weights = {"critic_p": 4.0, "critic_margin": 6.0}
    model = ConfidenceModel(
        FEATURES, (0.0,) * n, (1.0,) * n, tuple(weights.get(f, 0.0) for f in FEATURES), -2.0
    )
    two = PolicyParams(threshold=70, max_retries=2, confidence_model=model, compare=2)
    assert two.head == 2 and PolicyParams(70, 0, compare=2).head == 1
    # KB-1 would pass alone (P(0.9) = 0.83) but is not taken before KB-2 is judged
    d = decide(Evidence(candidates=CANDS, scores={"KB-1": 90}), two)
    assert (d.step, d.kb_id, d.critiques_used) == (Step.CRITIQUE, "KB-2", 1)
    # the critic likes KB-2 far more: it is taken although it came second
    d = decide(Evidence(candidates=CANDS, scores={"KB-1": 40, "KB-2": 95}), two)
    assert (d.step, d.kb_id, d.critiques_used) == (Step.ACT, "KB-2", 2)
    # neither is sure enough (P 0.57 and 0.65): the third is judged next (retries left)
    d = decide(Evidence(candidates=CANDS, scores={"KB-1": 60, "KB-2": 62}), two)
    assert (d.step, d.kb_id) == (Step.CRITIQUE, "KB-3")
    # compare=1 (the shipped model's policy) is the sequential policy: KB-1 alone decides
    one = PolicyParams(threshold=70, max_retries=2, confidence_model=model)
    assert one.comparing == 1
    d = decide(Evidence(candidates=CANDS, scores={"KB-1": 90}), one)
    assert (d.step, d.kb_id, d.critiques_used) == (Step.ACT, "KB-1", 1)
