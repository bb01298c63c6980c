"""How a run did against expected outcomes in the gold format (the demo's scorecard).

A run's report (``resources/reportes/run_<id>.jsonl``) holds one entry per incident with the
policy's step, the row and the action; each is read with the evaluation's own definitions
(:data:`finetune.metrics.RESULT_OF_STEP`, :func:`finetune.metrics.is_correct`).

A run decides only what is new: an incident an earlier run handled, unchanged since, is
skipped and is not in the new report. :func:`latest_decisions` therefore gathers, for the
incidents of the latest report and every expected one, the newest decision among all the
reports, so that a second ``make run`` still shows what the engine did with each demo incident
(and which run decided it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
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
    #: the report the decision comes from (its file name without ``.jsonl``)
    run: str = ""


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

    @property
    def runs(self) -> list[str]:
        """The runs the decisions come from, in the order of the lines (the workers of one
        run write one report each, ``run_<id>-<worker>``: they count as that run)."""
        return list(dict.fromkeys(run_of(line.run) for line in self.lines if line.run))


def run_of(report: str) -> str:
    """The run a report belongs to: ``run_<id>`` of ``run_<id>`` or ``run_<id>-<worker>``."""
    return report.split("-", 1)[0]


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
                str(entry.get("_report", "")),
            )
        )
    return Scorecard(lines)


def read_report(path: Path) -> list[dict[str, Any]]:
    """A report's entries, each tagged with the report it came from (``_report``)."""
    entries = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [{**entry, "_report": path.stem} for entry in entries if "incident_id" in entry]


def _reports(folder: Path) -> list[Path]:
    """The run reports of ``folder``, newest first."""
    return sorted(folder.glob("run_*.jsonl"), key=lambda p: p.stat().st_mtime, reverse=True)


def latest_report(folder: Path) -> Path | None:
    reports = _reports(folder)
    return reports[0] if reports else None


def latest_decisions(folder: Path, codes: Iterable[str]) -> list[dict[str, Any]]:
    """The newest decision of each incident of the latest report and of ``codes`` (the expected
    ones) among every report in ``folder``; the latest report's incidents first, then the
    others in ``codes`` order. An incident no report decided is left out."""
    newest: dict[str, dict[str, Any]] = {}
    reports = _reports(folder)
    for path in reports:
        for entry in reversed(read_report(path)):  # a report's last line of an incident wins
            newest.setdefault(entry["incident_id"], entry)
    first = [e["incident_id"] for e in read_report(reports[0])] if reports else []
    order = list(dict.fromkeys([*first, *codes]))
    return [newest[code] for code in order if code in newest]
