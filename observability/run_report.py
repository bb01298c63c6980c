"""The run report a person reads: ``reporte<YYYYMMDD_HHMM>.json`` and ``.md`` next to the JSONL.

The run's JSONL (one line per incident) and its ``run_<id>_summary.json`` are for machines and
the console. At the end of a run the same facts are also written the way the original named
them (``resources/reportes/reporte<YYYYMMDD_HHMM>``): a JSON summary with timestamps, and a
Markdown summary a person can read without tools (headline counts, what needs a person, one
table row per incident with its decision and reason in Spanish).

* The name is the run's end in UTC to the minute; a second run ending in the same minute (or a
  file already there) gets the run id as a suffix: ``reporte20261130_0511_<run_id>``.
* Personal data is redacted (:func:`observability.redaction.redact_value`) before anything is
  written: the entries are already redacted as recorded, the summary's scope may not be.
* Latency per incident is what :class:`adapters.run_records.RunRecorder` measured between one
  recorded outcome and the one before (the run takes incidents one after another); the first
  incident gets what the run's total leaves, as the console computes it.
* Model and threshold come from the summary (``model``, ``threshold``) when the caller put them
  there; otherwise the report says they were not recorded rather than guess from the settings
  (``resolvia run --model`` overrides them). So does the confidence model (``confidence_model``:
  the registered version and its alias, or the artifact file, and its SHA-256).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from domain.reasons import Reason, explain
from observability.redaction import redact_value

#: the report's file name before its suffix; retention prunes ``reporte[0-9]*`` (the digit keeps
#: the knowledge-base maintenance reports, ``reporte_mantenimiento_globales_*``, out of it)
PREFIX = "reporte"
STAMP_FORMAT = "%Y%m%d_%H%M"

#: outcome codes in the order a person reads them, with their Spanish words
OUTCOME_WORDS: dict[str, str] = {
    "resolved": "resuelta automáticamente",
    "reassigned": "reasignada a un buzón",
    "on_hold": "en espera de un dato del usuario",
    "escalated": "escalada a soporte",
    "pending_approval": "pendiente de aprobación",
    "error": "error",
}
#: outcomes a person has to act on: take the incident, approve or reject the action, look at
#: the failure (an error is retried by the next run, but it failed for a reason)
NEEDS_PERSON = ("escalated", "reassigned", "pending_approval", "error")
_NOT_RECORDED = "no registrado"


@dataclass(frozen=True)
class RunReportPaths:
    """The two files one run report was written to."""

    json: Path
    markdown: Path


def report_paths(reports_dir: Path, run_id: str, ended: datetime) -> RunReportPaths:
    """Where the report of a run that ended at ``ended`` goes: ``reporte<YYYYMMDD_HHMM>``, with
    ``_<run_id>`` added when a report of that minute is already there."""
    stem = PREFIX + ended.astimezone(UTC).strftime(STAMP_FORMAT)
    paths = RunReportPaths(reports_dir / f"{stem}.json", reports_dir / f"{stem}.md")
    if paths.json.exists() or paths.markdown.exists():
        stem = f"{stem}_{run_id}"
        paths = RunReportPaths(reports_dir / f"{stem}.json", reports_dir / f"{stem}.md")
    return paths


def build_report(
    run_id: str,
    summary: Mapping[str, Any],
    entries: Iterable[Mapping[str, Any]],
    *,
    ended: datetime,
) -> dict[str, Any]:
    """The JSON report: timestamps, counts by outcome and by reason, degraded and failed
    incidents, model and threshold, and one line per incident (redacted)."""
    seconds = float(summary.get("seconds") or 0.0)
    incidents = [_incident_line(e) for e in entries]
    rest = [i["seconds"] for i in incidents[1:]]
    if incidents and seconds and None not in rest:
        # the first gap also holds the run's start-up: it gets what the others leave
        incidents[0]["seconds"] = round(max(0.0, seconds - sum(rest)), 3)
    reasons = Counter(i["reason"] or "sin_motivo" for i in incidents)
    report = {
        "run_id": run_id,
        "started_at": _iso(ended - timedelta(seconds=seconds)),
        "ended_at": _iso(ended),
        "seconds": round(seconds, 2),
        "dry_run": bool(summary.get("dry_run")),
        "model": summary.get("model"),
        "threshold": summary.get("threshold"),
        "confidence_model": summary.get("confidence_model"),
        "processed": int(summary.get("processed") or len(incidents)),
        "outcomes": dict(Counter(i["outcome"] for i in incidents).most_common()),
        "reasons": dict(reasons.most_common()),
        "degraded": int(summary.get("degraded") or 0),
        "errors": int(summary.get("errors") or 0),
        "skipped": int(summary.get("skipped") or 0),
        "reprocessed": int(summary.get("reprocessed") or 0),
        "interrupted": bool(summary.get("interrupted")),
        "stopped": summary.get("stopped"),
        "pending": int(summary.get("pending") or 0),
        "awaiting_approval": int(summary.get("awaiting_approval") or 0),
        "llm_calls": int(summary.get("llm_calls") or 0),
        "llm_tokens": int(summary.get("llm_tokens") or 0),
        "needs_person": [i["incident_id"] for i in incidents if i["outcome"] in NEEDS_PERSON],
        "incidents": incidents,
        "scope": {k: summary[k] for k in ("mailboxes", "incident", "force") if k in summary},
        "files": {"jsonl": f"run_{run_id}.jsonl", "summary": f"run_{run_id}_summary.json"},
    }
    redacted: dict[str, Any] = redact_value(report)
    return redacted


def render_markdown(report: Mapping[str, Any]) -> str:
    """The Markdown a person reads: headline, what needs a person, reasons, every incident."""
    lines = [
        *_headline(report),
        *_counts(report),
        *_needs_person(report["incidents"]),
        *_reasons(report["reasons"]),
        *_incidents(report["incidents"]),
        "",
        f"Detalle por incidencia (candidatos, puntuaciones del revisor): "
        f"`run_{report['run_id']}.jsonl`.",
        "",
    ]
    return "\n".join(lines)


def _headline(report: Mapping[str, Any]) -> list[str]:
    title = f"# Informe de la ejecución {report['run_id']}"
    if report["dry_run"]:
        title += " (simulación: no se aplicó nada)"
    threshold = report["threshold"]
    lines = [
        title,
        "",
        f"- Inicio: {_human_time(report['started_at'])} · fin: {_human_time(report['ended_at'])}"
        f" (UTC) · duración: {_seconds(report['seconds'])}",
        f"- Modelo: {report['model'] or _NOT_RECORDED} · umbral de confianza: "
        f"{_NOT_RECORDED if threshold is None else threshold}",
        f"- Modelo de confianza: {_confidence_words(report.get('confidence_model'))}",
        f"- Llamadas al modelo: {report['llm_calls']} ({report['llm_tokens']} tokens)",
    ]
    if report.get("stopped"):
        lines.append(
            f"- **Ejecución detenida** porque no podía registrar: {report['stopped']}. "
            f"{report['pending']} incidencias quedaron sin terminar; la próxima ejecución las "
            "retoma desde su punto de control, sin repetir ningún cambio."
        )
    if report["interrupted"]:
        lines.append(
            f"- **Ejecución interrumpida**: {report['pending']} incidencias quedaron sin empezar;"
            " la próxima ejecución las retoma."
        )
    return lines


def _counts(report: Mapping[str, Any]) -> list[str]:
    rows = [("Procesadas", report["processed"])]
    for outcome, words in OUTCOME_WORDS.items():
        count = report["outcomes"].get(outcome, 0)
        if count or outcome in ("resolved", "escalated", "error"):
            rows.append((words.capitalize(), count))
    rows.append(("Decididas con un fallo del modelo (degradadas)", report["degraded"]))
    rows.append(("Omitidas (ya tratadas)", report["skipped"]))
    if report["reprocessed"]:
        rows.append(("Reprocesadas (actividad nueva)", report["reprocessed"]))
    if report["awaiting_approval"]:
        rows.append(
            ("De ejecuciones anteriores, aún pendientes de aprobación", report["awaiting_approval"])
        )
    return [
        "",
        "## Resumen",
        "",
        "| Resultado | Incidencias |",
        "| --- | ---: |",
        *(f"| {_cell(label)} | {count} |" for label, count in rows),
    ]


def _needs_person(incidents: list[Mapping[str, Any]]) -> list[str]:
    lines = ["", "## Necesitan a una persona", ""]
    waiting = [i for i in incidents if i["outcome"] in NEEDS_PERSON]
    if not waiting:
        lines.append("Ninguna incidencia de esta ejecución necesita a una persona.")
    for item in waiting:
        where = f" ({item['mailbox']})" if item["mailbox"] else ""
        lines.append(
            f"- **{item['incident_id']}**: {_outcome_words(item['outcome'])}{where}. "
            f"{_one_line(item['explanation'])}"
        )
    return lines


def _reasons(reasons: Mapping[str, int]) -> list[str]:
    if not reasons:
        return []
    return [
        "",
        "## Motivos",
        "",
        "| Motivo | Incidencias |",
        "| --- | ---: |",
        *(f"| {_cell(_reason_words(reason))} | {count} |" for reason, count in reasons.items()),
    ]


def _incidents(incidents: list[Mapping[str, Any]]) -> list[str]:
    if not incidents:
        return ["", "## Incidencias", "", "Esta ejecución no procesó ninguna incidencia."]
    lines = [
        "",
        "## Incidencias",
        "",
        "| Incidencia | Decisión | Motivo | Fila de la base | Segundos |",
        "| --- | --- | --- | --- | ---: |",
    ]
    for item in incidents:
        decision = _outcome_words(item["outcome"])
        if item["degraded"]:
            decision += " (degradada)"
        lines.append(
            f"| {_cell(item['incident_id'])} | {_cell(decision)} "
            f"| {_cell(item['explanation'])} | {_cell(item['kb_id'] or '—')} "
            f"| {_seconds_cell(item['seconds'])} |"
        )
    return lines


def write_run_report(
    reports_dir: Path,
    run_id: str,
    summary: Mapping[str, Any],
    entries: Iterable[Mapping[str, Any]],
    *,
    ended: datetime | None = None,
) -> RunReportPaths:
    """Write the run's JSON and Markdown reports into ``reports_dir``; return their paths.
    Each file is written to a temporary name and renamed: a reader never sees half a report."""
    ended = ended or datetime.now(UTC)
    report = build_report(run_id, summary, entries, ended=ended)
    paths = report_paths(reports_dir, run_id, ended)
    _replace(paths.json, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    _replace(paths.markdown, render_markdown(report))
    return paths


def _incident_line(entry: Mapping[str, Any]) -> dict[str, Any]:
    reason = entry.get("reason")
    explanation = entry.get("explanation") or (_reason_words(reason) if reason else None)
    return {
        "incident_id": entry.get("incident_id"),
        "outcome": entry.get("outcome") or "error",
        "reason": reason,
        "explanation": explanation,
        "kb_id": entry.get("kb_id"),
        "action": entry.get("action"),
        "mailbox": entry.get("mailbox"),
        "degraded": bool(entry.get("degraded")),
        "seconds": entry.get("seconds"),
        "finished_at": entry.get("finished_at"),
    }


def _confidence_words(confidence: Mapping[str, Any] | None) -> str:
    """Which confidence model decided, in Spanish: the registered version or the file."""
    if not confidence:
        return _NOT_RECORDED
    source = confidence.get("source")
    if source == "critico":
        return "la puntuación del crítico tal cual (CONFIDENCE_MODEL=critico)"
    sha = str(confidence.get("sha256") or "")[:12]
    if source == "registro":
        how = f"alias {confidence['alias']}" if confidence.get("alias") else "versión fijada"
        return (
            f"{confidence.get('name')} versión {confidence.get('version')} del registro de "
            f"MLflow ({how}; sha256 {sha})"
        )
    note = f"; {confidence['note']}" if confidence.get("note") else ""
    return f"artefacto {confidence.get('path')} (sha256 {sha}{note})"


def _reason_words(reason: str) -> str:
    try:
        return explain(Reason(reason))
    except ValueError:  # a code this version does not know (or "sin_motivo"): shown as it is
        return reason


def _outcome_words(outcome: str) -> str:
    return OUTCOME_WORDS.get(outcome, outcome)


def _cell(value: Any) -> str:
    """A Markdown table cell: one line, pipes escaped (actions look like ``api|duplicado``)."""
    return _one_line(value).replace("|", "\\|")


def _one_line(value: Any) -> str:
    return " ".join(str(value or "").split()) or "—"


def _seconds(value: float) -> str:
    return f"{value:.0f} s" if value >= 10 else f"{value:.1f} s"


def _seconds_cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _human_time(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M:%S")


def _replace(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
