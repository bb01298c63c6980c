"""The demo scorecard: a run report read against expected outcomes in the gold format."""

from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from cli.app import app
from finetune.gold import GoldItem
from finetune.scorecard import score

GOLD = [
    GoldItem(
        {"codIncidencia": "A"}, {"resultado": "resolver", "kb_id": "KB-1", "accion": "cierre"}
    ),
    GoldItem({"codIncidencia": "B"}, {"resultado": "escalar", "kb_id": None, "accion": None}),
    GoldItem(
        {"codIncidencia": "C"},
        {"resultado": "resolver", "kb_id": "KB-3", "accion": "api|x", "kb_aceptables": ["KB-4"]},
    ),
    GoldItem(
        {"codIncidencia": "D"}, {"resultado": "resolver", "kb_id": "KB-5", "accion": "cierre"}
    ),
]
ENTRIES = [
    {
        "incident_id": "A",
        "outcome": "resolved",
        "policy_step": "act",
        "kb_id": "KB-1",
        "action": "cierre",
    },
    {
        "incident_id": "B",
        "outcome": "resolved",
        "policy_step": "act",
        "kb_id": "KB-9",
        "action": "cierre",
    },
    {
        "incident_id": "C",
        "outcome": "reassigned",
        "policy_step": "act",
        "kb_id": "KB-4",
        "action": "api|x",
    },
    {
        "incident_id": "D",
        "outcome": "escalated",
        "policy_step": "escalate",
        "kb_id": None,
        "action": None,
    },
    {"incident_id": "E", "outcome": "error", "policy_step": None, "kb_id": None, "action": None},
]


def test_score_counts_acted_right_wrong_and_escalated() -> None:
    card = score(ENTRIES, GOLD)
    assert [line.correct for line in card.lines] == [True, False, True, False, None]
    assert (card.acted, card.acted_right, card.acted_wrong) == (3, 2, 1)
    assert card.escalated == 2  # D escalated, E in error: nothing acted
    assert card.lines[2].got == "resolver KB-4 (api|x)"  # an equivalent row counts as right


def test_scorecard_command_reads_the_latest_report(tmp_path: Path, monkeypatch) -> None:
    reports = tmp_path / "reportes"
    reports.mkdir()
    (reports / "run_x.jsonl").write_text(
        "\n".join(json.dumps(e) for e in ENTRIES[:1]) + "\n", encoding="utf-8"
    )
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps([{"incidencia": g.incident, "esperado": g.expected} for g in GOLD]))
    monkeypatch.setenv("RESOURCES_DIR", str(tmp_path))
    result = CliRunner().invoke(app, ["scorecard", "--expected", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert (
        data["acted"] == 1 and data["acted_right"] == 1 and data["report"].endswith("run_x.jsonl")
    )
    # a wrong action is a failing scorecard
    (reports / "run_y.jsonl").write_text(json.dumps(ENTRIES[1]) + "\n", encoding="utf-8")
    wrong = CliRunner().invoke(
        app, ["scorecard", str(reports / "run_y.jsonl"), "--expected", str(gold)]
    )
    assert wrong.exit_code == 1


def test_the_default_scorecard_takes_what_earlier_runs_decided(tmp_path: Path, monkeypatch) -> None:
    """A second `make run` skips the demo incidents the first one handled: the scorecard still
    shows each one's newest decision, and which run took it."""
    reports = tmp_path / "reportes"
    reports.mkdir()
    older, newer = reports / "run_old.jsonl", reports / "run_new.jsonl"
    # the first run decided A and D; the second only C (A again would be skipped)
    older.write_text("\n".join(json.dumps(e) for e in (ENTRIES[0], ENTRIES[3])) + "\n")
    newer.write_text(json.dumps(ENTRIES[2]) + "\n")
    os.utime(older, (1_000_000, 1_000_000))
    os.utime(newer, (2_000_000, 2_000_000))
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps([{"incidencia": g.incident, "esperado": g.expected} for g in GOLD]))
    monkeypatch.setenv("RESOURCES_DIR", str(tmp_path))
    monkeypatch.setenv("OUTPUT_DIR", str(tmp_path))
    result = CliRunner().invoke(app, ["scorecard", "--expected", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert [(line["incident"], line["run"]) for line in data["lines"]] == [
        ("C", "run_new"),
        ("A", "run_old"),
        ("D", "run_old"),
    ]
    assert data["runs"] == ["run_new", "run_old"]
    assert (data["acted"], data["acted_right"], data["escalated"]) == (2, 2, 1)
    shown = CliRunner().invoke(app, ["scorecard", "--expected", str(gold)])
    assert "2 decision(s) come from earlier runs (old)" in shown.output
    # a named report is that run alone
    alone = CliRunner().invoke(app, ["scorecard", str(newer), "--expected", str(gold), "--json"])
    assert [line["incident"] for line in json.loads(alone.stdout.splitlines()[-1])["lines"]] == [
        "C"
    ]


def test_the_workers_of_one_run_count_as_that_run(tmp_path: Path, monkeypatch) -> None:
    """``resolvia run --workers N`` writes one report per worker (run_<id>-<worker>): their
    decisions are the run's own, not an earlier run's."""
    reports = tmp_path / "reportes"
    reports.mkdir()
    for n, entry in enumerate((ENTRIES[0], ENTRIES[3])):
        path = reports / f"run_abc-w{n}.jsonl"
        path.write_text(json.dumps(entry) + "\n")
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps([{"incidencia": g.incident, "esperado": g.expected} for g in GOLD]))
    monkeypatch.setenv("RESOURCES_DIR", str(tmp_path))
    monkeypatch.setenv("OUTPUT_DIR", str(tmp_path))
    result = CliRunner().invoke(app, ["scorecard", "--expected", str(gold), "--json"])
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["runs"] == ["run_abc"] and [x["incident"] for x in data["lines"]] == ["D", "A"]
    shown = CliRunner().invoke(app, ["scorecard", "--expected", str(gold)])
    assert "earlier runs" not in shown.output and "1 of 2 acted on" in shown.output
