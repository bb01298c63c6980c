"""bench/critic_rescore.py: every recorded critic question asked again with another prompt
version, the same incident text and row; only the critic's scores and calls change."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from adapters.llm.client import VerdictResult
from config import REPO_ROOT, load_settings
from finetune.calibrate import critic_prompt_of, read_records
from prompts.loader import load_prompt

_spec = importlib.util.spec_from_file_location(
    "critic_rescore", REPO_ROOT / "bench" / "critic_rescore.py"
)
assert _spec and _spec.loader
rescore_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rescore_tool)


class FakeCritic:
    """Answers P(«sí») by the row named in the prompt; remembers what it was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def verdict(self, messages: Any) -> VerdictResult:
        text = messages[-1].content
        self.asked.append(text)
        p = 0.9 if "quiere incluirlo" in text else 0.2  # KB-0044's problem
        return VerdictResult("sí", "fake", 50, 1, 0.01, probability=p)


def _call(incident: str, kb_id: str) -> dict[str, Any]:
    rendered = load_prompt("critique_verdict", "v1").render(
        incidencia=incident, componente="C", problema=f"problema de {kb_id}", solucion="S"
    )
    return {
        "node": "critique",
        "prompt_id": "critique_verdict/v1",
        "input_json": json.dumps(
            [{"role": m.type, "content": m.content} for m in rendered], ensure_ascii=False
        ),
        "parsed_json": json.dumps({"p_si": 0.5}),
    }


def test_rescore_asks_every_recorded_question_again_and_keeps_the_evidence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    incident = "Hola\nHe tenido un bebé y quiero darlo de alta en mi póliza"
    entry = {
        "candidates": [{"kb_id": "KB-0044"}, {"kb_id": "KB-0045"}],
        "critiques": [
            {"kb_id": "KB-0044", "score": 50, "confidence": 40},
            {"kb_id": "KB-0045", "score": 50, "confidence": 30},
        ],
    }
    record = {
        "run": "m|full",
        "code": "INC100001",
        "expected": {"resultado": "resolver", "kb_id": "KB-0044"},
        "entry": entry,
        "calls": [{"node": "reformulate"}, _call(incident, "KB-0044"), _call(incident, "KB-0045")],
    }
    source = tmp_path / "records.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    fake = FakeCritic()
    monkeypatch.setattr(rescore_tool, "build_llm_client", lambda settings: fake)
    out = tmp_path / "v2"
    summary = rescore_tool.rescore(source, "v2", out, load_settings())
    assert summary == {"records": 1, "asked": 2, "answers": 2}
    # the same incident text, each row's problem from the knowledge base, no solution (v2)
    assert all(incident in asked for asked in fake.asked)
    assert "bebé y quiere incluirlo" in fake.asked[0] and "Solución:" not in fake.asked[0]
    [again] = read_records(out / "records.jsonl")
    assert [c["score"] for c in again.entry["critiques"]] == [90, 20]
    assert all(c["confidence"] is None for c in again.entry["critiques"])
    assert again.entry["candidates"] == entry["candidates"] and again.calls[0] == {
        "node": "reformulate"
    }
    assert critic_prompt_of([again]) == "critique_verdict/v2"
    # resumable: nothing is asked twice
    fake.asked.clear()
    assert rescore_tool.rescore(source, "v2", out, load_settings())["asked"] == 0
    assert fake.asked == []
