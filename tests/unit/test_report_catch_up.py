"""A run killed between committing an outcome and writing its report line loses no line: the
next run that holds the data directory writes it into the killed run's report (and rejection
log), once (adapters.run_records.RunRecorder.catch_up_reports)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from adapters import run_records
from adapters.run_records import RunRecorder
from errors import RunRecordError


def _lines(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _recorder(tmp_path: Path, run_id: str, reports: str = "reportes") -> RunRecorder:
    return RunRecorder(tmp_path / "outcomes.sqlite", tmp_path / reports, tmp_path / "rej", run_id)


def test_a_line_lost_between_commit_and_write_is_written_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    killed = _recorder(tmp_path, "r1")
    killed.record({"incident_id": "INC1", "outcome": "resolved", "kb_id": "KB-0001"})
    real_append = run_records._append

    def dies_before_writing(path: Path, entry: dict[str, Any]) -> None:
        raise OSError(28, "No space left on device", str(path))  # as if killed here

    monkeypatch.setattr(run_records, "_append", dies_before_writing)
    entry = {"incident_id": "INC2", "outcome": "escalated", "notes": "NIF 12345678Z"}
    with pytest.raises(RunRecordError):
        killed.record(entry)
    monkeypatch.setattr(run_records, "_append", real_append)
    assert killed.is_final("INC2")  # the outcome itself was committed
    killed.close()
    report, rejected = (
        tmp_path / "reportes" / "run_r1.jsonl",
        tmp_path / "rej" / "rechazos_r1.jsonl",
    )
    assert [e["incident_id"] for e in _lines(report)] == ["INC1"]

    later = _recorder(tmp_path, "r2")
    assert later.is_final("INC2")
    assert later.catch_up_reports() == 1
    [_, second] = _lines(report)
    assert second["incident_id"] == "INC2" and second["recovered"] is True
    assert second["run_id"] == "r1" and "12345678Z" not in json.dumps(second)  # redacted
    assert [e["incident_id"] for e in _lines(rejected)] == ["INC2"]
    assert later.catch_up_reports() == 0  # once
    assert len(_lines(report)) == 2
    later.close()


def test_a_line_already_written_is_not_written_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    killed = _recorder(tmp_path, "r1")
    deletes: list[str] = []
    real_execute = killed._db.execute

    def dies_before_forgetting(statement: str, params: Any = ()) -> Any:
        if statement.startswith("DELETE FROM unreported"):
            deletes.append(statement)
            raise OSError(5, "killed")  # after the lines, before the row goes
        return real_execute(statement, params)

    monkeypatch.setattr(killed._db, "execute", dies_before_forgetting)
    with pytest.raises(RunRecordError):
        killed.record({"incident_id": "INC1", "outcome": "escalated"})
    assert deletes
    monkeypatch.undo()
    killed.close()
    later = _recorder(tmp_path, "r2")
    assert later.catch_up_reports() == 0
    assert len(_lines(tmp_path / "reportes" / "run_r1.jsonl")) == 1
    assert len(_lines(tmp_path / "rej" / "rechazos_r1.jsonl")) == 1
    later.close()


def test_lines_of_another_report_folder_are_left_to_it(tmp_path: Path) -> None:
    """Runs on another machine (or with another OUTPUT_DIR) write their own reports."""
    other = _recorder(tmp_path, "r1", reports="elsewhere")
    other._db.execute(
        "INSERT INTO unreported (run_id, incident_id, finished_at, report_path, rejected_path,"
        " entry) VALUES (?,?,?,?,?,?)",
        ("r1", "INC9", "2026-11-30T10:00:00+00:00", str(other.report_path), None, "{}"),
    )
    other.close()
    later = _recorder(tmp_path, "r2")
    assert later.catch_up_reports() == 0
    assert not (tmp_path / "reportes" / "run_r1.jsonl").exists()
    later.close()


def test_a_line_cut_by_a_kill_is_replaced_by_the_whole_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kill in the middle of writing a line leaves a fragment with no newline: the catch-up
    drops it and writes the whole line, so every line of the report parses."""
    killed = _recorder(tmp_path, "r1")
    killed.record({"incident_id": "INC1", "outcome": "resolved"})

    def cut_short(path: Path, entry: dict[str, Any]) -> None:
        with path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry)[:25])  # the process died here
        raise OSError(5, "killed", str(path))

    monkeypatch.setattr(run_records, "_append", cut_short)
    with pytest.raises(RunRecordError):
        killed.record({"incident_id": "INC2", "outcome": "resolved"})
    monkeypatch.undo()
    killed.close()
    report = tmp_path / "reportes" / "run_r1.jsonl"
    assert not report.read_text(encoding="utf-8").endswith("\n")  # the fragment
    later = _recorder(tmp_path, "r2")
    assert later.catch_up_reports() == 1
    assert [e["incident_id"] for e in _lines(report)] == ["INC1", "INC2"]  # every line parses
    later.close()
