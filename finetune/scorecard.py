"""How a run did against expected outcomes in the gold format (the demo's scorecard).

A run's report (``resources/reportes/run_<id>.jsonl``) holds one entry per incident with the
policy's step, the row and the action; each is read with the evaluation's own definitions
(:data:`finetune.metrics.RESULT_OF_STEP`, :func:`finetune.metrics.is_correct`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from domain.policy import Step
from finetune import metrics as m
from finetune.gold import GoldItem


@dataclass(frozen=True)
class Line:
    incident: str
    expected: str
    got: str
    correct: bool | None  # None: no expected outcome for this incident
    #: a decision taken from a knowledge-base row (apply, ask, hand over to the row's mailbox)
    acted: bool = False


@dataclass(frozen=True)
class Scorecard:
    lines: list[Line]

    @property
    def acted(self) -> int:
        return sum(1 for line in self.lines if line.acted)

    @property
    def escalated(self) -> int:
        return len(self.lines) - self.acted

    @property
    def acted_right(self) -> int:
        return sum(1 for line in self.lines if line.acted and line.correct)

    @property
    def acted_wrong(self) -> int:
        return sum(1 for line in self.lines if line.acted and line.correct is False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "incidents": len(self.lines),
            "acted": self.acted,
            "escalated": self.escalated,
            "acted_right": self.acted_right,
            "acted_wrong": self.acted_wrong,
            "lines": [line.__dict__ for line in self.lines],
        }


def _describe(result: str, kb_id: str | None, action: str | None) -> str:
    return result if result == "escalar" else f"{result} {kb_id} ({action})"


def score(entries: list[dict[str, Any]], gold: list[GoldItem]) -> Scorecard:
    expected = {g.code: g.expected for g in gold}
    lines = []
    for entry in entries:
        step = entry.get("policy_step")
        result = "error" if entry.get("outcome") == "error" else "escalar"
        if step and result != "error":
            result = m.RESULT_OF_STEP[Step(step)]
        acted = result in m.ACTION_LABELS
        prediction = m.Prediction(
            result, entry.get("kb_id") if acted else None, entry.get("action") if acted else None
        )
        want = expected.get(entry["incident_id"])
        lines.append(
            Line(
                entry["incident_id"],
                "—"
                if want is None
                else _describe(want["resultado"], want.get("kb_id"), want.get("accion")),
                _describe(result, prediction.kb_id, prediction.action),
                None if want is None else m.is_correct(prediction, want, lenient=True),
                acted,
            )
        )
    return Scorecard(lines)


def read_report(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def latest_report(folder: Path) -> Path | None:
    reports = [p for p in folder.glob("run_*.jsonl")]
    return max(reports, key=lambda p: p.stat().st_mtime) if reports else None
