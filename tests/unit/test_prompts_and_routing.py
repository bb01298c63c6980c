from pathlib import Path

import pytest

from graph import routing
from prompts.loader import PromptError, load_prompt


def test_shipped_prompts_load_with_their_placeholders() -> None:
    reform = load_prompt("reformulate")
    assert reform.placeholders == {"componentes", "incidencia"}
    critic = load_prompt("critique")
    assert critic.placeholders == {"incidencia", "componente", "problema", "solucion", "feedback"}
    assert len(critic.sha256) == 64 and critic.id == "critique/v1"


def test_missing_or_unknown_placeholders_fail(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "v1.md").write_text("## system\nHola {nombre}\n## user\n{texto}\n", "utf-8")
    prompt = load_prompt("p", "v1", tmp_path)
    messages = prompt.render(nombre="Ana", texto="x {no es un placeholder}")
    assert messages[1].content == "x {no es un placeholder}"  # values are not re-formatted
    with pytest.raises(PromptError, match="missing"):
        prompt.render(nombre="Ana")
    with pytest.raises(PromptError, match="unknown"):
        prompt.render(nombre="Ana", texto="x", otro="y")


def test_a_prompt_needs_both_sections(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "v1.md").write_text("## system\nsolo sistema\n", "utf-8")
    with pytest.raises(PromptError, match="section"):
        load_prompt("p", "v1", tmp_path)


def test_routing_follows_the_policy_step() -> None:
    def step(name: str) -> dict:
        return {"policy": {"step": name}}

    assert routing.after_propose(step("critique")) == "critique"
    # every side effect passes the supervision setting first (nodes/supervise.py)
    assert routing.after_propose(step("act")) == "supervise"
    assert routing.after_propose(step("ask")) == "supervise"
    assert routing.after_propose(step("handover")) == "escalate"
    assert routing.after_propose(step("escalate")) == "escalate"
    with pytest.raises(ValueError):
        routing.after_propose(step("something else"))


def test_routing_guards() -> None:
    # early exits go straight to the policy, which escalates them
    assert routing.after_reformulate({"suspected_injection": True}) == "propose"
    assert routing.after_reformulate({"suspected_injection": False}) == "retrieve"
    assert routing.after_load({"already_tried": True}) == "propose"
    assert routing.after_load({"already_tried": False}) == "analyze_attachments"
    assert routing.after_attachments({"suspected_injection": True}) == "propose"
    assert routing.after_attachments({"suspected_injection": False}) == "reformulate"
    with pytest.raises(ValueError, match="no policy decision"):
        routing.after_propose({})
    with pytest.raises(ValueError):
        routing.after_apply({})
