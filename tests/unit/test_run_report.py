"""The run report a person reads: written with the run's summary as ``reporte<YYYYMMDD_HHMM>``
(.json and .md), readable without tools, free of personal data, never overwriting another
run's report, and pruned with the other run reports."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from adapters.retention import prune
from config import load_settings
from observability.run_report import write_run_report

ENDED = datetime(2026, 11, 30, 5, 11, 42, tzinfo=UTC)
EMAIL = "rocio.navarro@example.com"
NIF = "12345678Z"


def _entry(incident_id: str, outcome: str, reason: str, **extra: Any) -> dict[str, Any]:
    return {
        "incident_id": incident_id,
        "outcome": outcome,
        "reason": reason,
        "kb_id": None,
        "explanation": None,
        "mailbox": None,
        "action": None,
        "degraded": False,
        **extra,
    }


ENTRIES = [
    _entry(
        "INC100001",
        "resolved",
        "aprobada",
        kb_id="KB-0088",
        action="api|duplicadorecibo",
        explanation="aprobada: solución de la base de conocimiento aprobada por el revisor",
        message=f"Hola, le enviamos el duplicado a {EMAIL}",
    ),
    _entry(
        "INC100002",
        "escalated",
        "candidatos_rechazados",
        mailbox="SOPORTE_N2",
        explanation=(
            "candidatos_rechazados: el revisor rechazó todas las soluciones candidatas "
            f"evaluadas (el usuario con NIF {NIF} escribió desde {EMAIL})"
        ),
        degraded=True,
    ),
    _entry("INC100003", "on_hold", "falta_identificador", kb_id="KB-0004"),
    _entry("INC100004", "pending_approval", "pendiente_aprobacion", kb_id="KB-0005"),
]


SUMMARY: dict[str, Any] = {
    "processed": 4,
    "resolved": 1,
    "escalated": 1,
    "on_hold": 1,
    "pending_approval": 1,
    "errors": 0,
    "degraded": 1,
    "skipped": 2,
    "seconds": 12.5,
    "dry_run": False,
    "model": "llamacpp/qwen2.5-coder-0.5b",
    "threshold": 90,
    "llm_calls": 6,
    "llm_tokens": 2100,
    "mailboxes": ["SOPORTE_N1"],
}


def _run(tmp_path: Path, run_id: str = "run1") -> Path:
    """The report of a run whose incidents took 9, 1.5, 1 and 1 seconds (as recorded, the
    first one also holding the run's start-up)."""
    folder = tmp_path / "reportes"
    folder.mkdir(exist_ok=True)
    timed = [{**e, "seconds": s} for e, s in zip(ENTRIES, (11.0, 1.5, 1.0, 1.0), strict=True)]
    write_run_report(folder, run_id, {**SUMMARY, "run_id": run_id}, timed, ended=ENDED)
    return folder


def _reports(folder: Path) -> dict[str, Path]:
    return {p.name: p for p in folder.iterdir() if p.name.startswith("reporte")}


def test_the_json_report_has_timestamps_counts_and_one_line_per_incident(tmp_path: Path) -> None:
    folder = _run(tmp_path)
    (path,) = [p for name, p in _reports(folder).items() if name.endswith(".json")]
    report = json.loads(path.read_text(encoding="utf-8"))
    assert (report["started_at"], report["ended_at"]) == (
        "2026-11-30T05:11:29+00:00",
        "2026-11-30T05:11:42+00:00",
    )
    assert report["outcomes"] == {
        "resolved": 1,
        "escalated": 1,
        "on_hold": 1,
        "pending_approval": 1,
    }
    assert report["reasons"]["candidatos_rechazados"] == 1
    assert (report["degraded"], report["errors"], report["skipped"]) == (1, 0, 2)
    assert (report["model"], report["threshold"]) == ("llamacpp/qwen2.5-coder-0.5b", 90)
    assert report["needs_person"] == ["INC100002", "INC100004"]
    lines = {i["incident_id"]: i for i in report["incidents"]}
    assert list(lines) == [e["incident_id"] for e in ENTRIES]
    assert lines["INC100001"]["kb_id"] == "KB-0088"
    assert lines["INC100003"]["reason"] == "falta_identificador"
    # the first incident gets what the others leave of the run's time
    assert [i["seconds"] for i in report["incidents"]] == [9.0, 1.5, 1.0, 1.0]


def test_the_markdown_reads_without_tools_in_spanish(tmp_path: Path) -> None:
    folder = _run(tmp_path)
    (path,) = [p for name, p in _reports(folder).items() if name.endswith(".md")]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Informe de la ejecución run1\n")
    assert "| Procesadas | 4 |" in text
    assert "| Resuelta automáticamente | 1 |" in text
    assert "| Decididas con un fallo del modelo (degradadas) | 1 |" in text
    assert "umbral de confianza: 90" in text
    # what needs a person, with the reason in words
    needs = text.split("## Necesitan a una persona")[1].split("##")[0]
    assert "**INC100002**: escalada a soporte (SOPORTE_N2)" in needs
    assert "el revisor rechazó todas las soluciones candidatas" in needs
    assert "**INC100004**: pendiente de aprobación" in needs
    assert "INC100001" not in needs and "INC100003" not in needs
    # the table: one row per incident, reasons explained even when the entry had no sentence
    table = [line for line in text.splitlines() if line.startswith("| INC")]
    assert len(table) == 4
    assert "falta_identificador: se solicita al usuario el dato que falta" in table[2]
    assert "escalada a soporte (degradada)" in table[1]
    assert all(line.count(" | ") == 4 for line in table)  # no cell broke the table


def test_no_personal_data_reaches_either_file(tmp_path: Path) -> None:
    folder = _run(tmp_path)
    for path in _reports(folder).values():
        text = path.read_text(encoding="utf-8")
        assert EMAIL not in text and NIF not in text, path.name
    md = next(p for n, p in _reports(folder).items() if n.endswith(".md")).read_text("utf-8")
    assert "[EMAIL]" in md and "[NIF]" in md  # redacted, not dropped


def test_a_second_report_in_the_same_minute_gets_the_run_id(tmp_path: Path) -> None:
    folder = tmp_path / "reportes"
    folder.mkdir()
    summary = {"processed": 1, "seconds": 1.0}
    first = write_run_report(folder, "aaa111", summary, ENTRIES[:1], ended=ENDED)
    second = write_run_report(folder, "bbb222", summary, ENTRIES[1:2], ended=ENDED)
    assert (first.json.name, first.markdown.name) == (
        "reporte20261130_0511.json",
        "reporte20261130_0511.md",
    )
    assert (second.json.name, second.markdown.name) == (
        "reporte20261130_0511_bbb222.json",
        "reporte20261130_0511_bbb222.md",
    )
    assert json.loads(first.json.read_text("utf-8"))["run_id"] == "aaa111"  # not overwritten
    later = write_run_report(folder, "ccc333", summary, [], ended=ENDED + timedelta(minutes=1))
    assert later.json.name == "reporte20261130_0512.json"
    assert "no procesó ninguna incidencia" in later.markdown.read_text("utf-8")


def test_a_dry_run_says_so_and_unrecorded_model_is_not_guessed(tmp_path: Path) -> None:
    folder = tmp_path / "reportes"
    folder.mkdir()
    paths = write_run_report(folder, "r", {"dry_run": True, "seconds": 3}, ENTRIES, ended=ENDED)
    text = paths.markdown.read_text("utf-8")
    assert "(simulación: no se aplicó nada)" in text.splitlines()[0]
    assert "Modelo: no registrado" in text
    assert json.loads(paths.json.read_text("utf-8"))["model"] is None


def test_a_run_stopped_because_it_could_not_record_says_why(tmp_path: Path) -> None:
    folder = tmp_path / "reportes"
    folder.mkdir()
    why = "lost the database of DATABASE_URL (db:5432/resolvia): the connection is lost"
    summary = {**SUMMARY, "stopped": why, "pending": 7}
    paths = write_run_report(folder, "r", summary, ENTRIES, ended=ENDED)
    headline = paths.markdown.read_text("utf-8").split("\n\n")[1]
    assert f"**Ejecución detenida** porque no podía registrar: {why}." in headline
    assert "7 incidencias quedaron sin terminar" in headline
    assert json.loads(paths.json.read_text("utf-8"))["stopped"] == why
    plain = write_run_report(folder, "r2", SUMMARY, ENTRIES, ended=ENDED)
    assert "detenida" not in plain.markdown.read_text("utf-8")


def test_retention_prunes_old_run_reports_but_not_maintenance_reports(tmp_path: Path) -> None:
    settings = load_settings(
        DATA_DIR=tmp_path / "data", OUTPUT_DIR=tmp_path / "out", RETENTION_REPORTS_DAYS=30
    )
    reports = settings.reports_dir
    reports.mkdir(parents=True)
    old = (datetime.now(UTC) - timedelta(days=400)).timestamp()
    names = [
        "reporte20251130_0511.json",
        "reporte20251130_0511.md",
        "reporte20251130_0511_abc.json",
        "reporte20251130_0511.json.tmp",
        "reporte_mantenimiento_globales_2025-11-30.json",
        "reporte_mantenimiento_globales_2025-11-30.md",
    ]
    for name in names:
        (reports / name).write_text("{}", encoding="utf-8")
        os.utime(reports / name, (old, old))
    (reports / "reporte20261130_0511.md").write_text("reciente", encoding="utf-8")

    result = prune(settings).as_dict()

    assert result["stores"]["reports"]["removed"] == 4
    assert sorted(p.name for p in reports.iterdir()) == [
        "reporte20261130_0511.md",
        "reporte_mantenimiento_globales_2025-11-30.json",
        "reporte_mantenimiento_globales_2025-11-30.md",
    ]
