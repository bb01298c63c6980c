"""A run's recorder writes the run report with the summary: ``reporte<YYYYMMDD_HHMM>`` next to
the JSONL, with a latency for every incident, and no personal data."""

from __future__ import annotations

import json
import re
from pathlib import Path

from adapters.run_records import RunRecorder
from tests.unit.test_run_report import EMAIL, ENTRIES, NIF, SUMMARY


def test_a_run_writes_its_report_next_to_the_jsonl_named_by_the_minute(tmp_path: Path) -> None:
    out = tmp_path / "out"
    recorder = RunRecorder(
        tmp_path / "data" / "outcomes.sqlite", out / "reportes", out / "rejected", "run1"
    )
    for entry in ENTRIES:  # as the runner does it: one record per incident, then the summary
        assert recorder.record(entry)
    recorder.write_summary({**SUMMARY, "run_id": "run1"})
    recorder.close()

    folder = out / "reportes"
    reports = sorted(p.name for p in folder.iterdir() if p.name.startswith("reporte"))
    assert len(reports) == 2
    assert all(re.fullmatch(r"reporte\d{8}_\d{4}\.(json|md)", n) for n in reports), reports
    assert reports[0].removesuffix(".json") == reports[1].removesuffix(".md")
    assert {"run_run1.jsonl", "run_run1_summary.json"} <= {p.name for p in folder.iterdir()}
    assert not list(folder.glob("*.tmp"))
    report = json.loads((folder / reports[0]).read_text("utf-8"))
    assert [i["incident_id"] for i in report["incidents"]] == [e["incident_id"] for e in ENTRIES]
    seconds = [i["seconds"] for i in report["incidents"]]
    assert all(s is not None and s >= 0 for s in seconds)
    assert abs(sum(seconds) - SUMMARY["seconds"]) < 0.01  # the run's time, shared out
    for name in reports:
        text = (folder / name).read_text("utf-8")
        assert EMAIL not in text and NIF not in text
