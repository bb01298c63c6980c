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


def _crit(approved: bool, kb: str = "KB-1") -> dict:
    return {
        "kb_id": kb,
        "score": 90 if approved else 10,
        "approved": approved,
        "feedback": "",
        "error": None,
    }


CANDS = [{"kb_id": f"KB-{i}", "score": 1.0, "row": {}} for i in range(1, 5)]


def test_routing_after_critique() -> None:
    assert routing.after_critique({"critiques": [_crit(True)], "attempts": 1}, 2) == "apply"
    state = {"critiques": [_crit(False)], "attempts": 1, "candidates": CANDS, "rejected": ["KB-1"]}
    assert routing.after_critique(state, 2) == "propose"
    state = {"critiques": [_crit(False)] * 3, "attempts": 3, "candidates": CANDS,
             "rejected": ["KB-1", "KB-2", "KB-3"]}  # fmt: skip
    assert routing.after_critique(state, 2) == "escalate"  # retries used up
    state = {
        "critiques": [_crit(False)],
        "attempts": 1,
        "candidates": CANDS[:1],
        "rejected": ["KB-1"],
    }
    assert routing.after_critique(state, 2) == "escalate"  # nothing left to propose
    with pytest.raises(ValueError, match="no record"):
        routing.after_critique({"critiques": []}, 2)


def test_routing_guards() -> None:
    assert routing.after_reformulate({"suspected_injection": True}) == "escalate"
    assert routing.after_load({"decision": {"outcome": "escalated"}}) == "escalate"
    with pytest.raises(ValueError):
        routing.after_propose({"current": None})
    with pytest.raises(ValueError):
        routing.after_apply({})
