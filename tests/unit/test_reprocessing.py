"""Incidents that come back: on hold or escalated, then new activity by the requester or a
person; ``resolvia run --incident COD [--force]``; the outcome history; idempotency keys that
tell two decisions apart. Fake chat model, in-memory Qdrant, mock services in-process."""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import structlog
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from adapters import run_records
from adapters.incident_model import Incidencia
from adapters.run_records import RunRecorder, outcome_history
from adapters.sqlite_migrations import applied_migrations
from cli.app import app
from config import get_settings
from domain.activity import activity_marker, new_activity
from domain.reasons import Reason
from errors import AlreadyHandledError, ExternalServiceError, ServiceErrorKind
from graph.context import RunOptions
from graph.runner import RunSummary, run_incident, triage
from observability.logging import configure_logging
from tests.fakes import FakeChatModel
from tests.graph_support import Harness, build_harness, reform, verdict
from tests.mock_support import AUTH, incidents_client
from tests.unit.test_graph import INCIDENTS, KB, _incident

REQUESTER = "ana.perez"
PERSON = "luis.gomez"


@pytest.fixture
def make(tmp_path: Path) -> Iterator[Any]:
    opened: list[Harness] = []

    def build(incidents: list[dict[str, Any]], replies: list[Any], **settings: Any) -> Harness:
        harness = build_harness(
            tmp_path,
            incidents,
            FakeChatModel(replies),
            kb=KB,
            components=["Correo", "Reembolsos"],
            settings=settings,
            options=RunOptions(),
        )
        opened.append(harness)
        return harness

    yield build
    for harness in opened:
        harness.close()


def next_run(h: Harness, run_id: str, *replies: Any) -> None:
    """A later run: same mock state and outcome store, a new run id, these model replies."""
    recorder = RunRecorder(
        h.tmp / "outcomes-test-run.sqlite", h.tmp / "reportes", h.tmp / "rejected", run_id
    )
    h.closing.append(recorder)
    h.ctx.recorder = recorder
    h.ctx.run_id = run_id
    h.model.replies.extend(replies)


def mock_api(h: Harness) -> TestClient:
    """The incident manager as a person uses it (same state as the engine's)."""
    return incidents_client(h.store)


def reply(h: Harness, code: str, text: str, autor: str = REQUESTER) -> dict[str, Any]:
    response = mock_api(h).post(
        f"/api/incidencias/{code}/comentarios",
        json={"autor": autor, "detalle": text},
        headers=AUTH,
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def send_back(h: Harness, code: str, buzon: str = "SOPORTE_N1") -> None:
    body = {"action": "reasignar", "buzonDestino": buzon, "autor": PERSON, "detalle": "Revisado."}
    response = mock_api(h).patch(f"/api/incidencias/{code}", json=body, headers=AUTH)
    assert response.status_code == 200, response.text


def history_of(h: Harness, code: str) -> list[dict[str, Any]]:
    return list(h.incident(code)["historial"])


def outcomes_of(h: Harness, code: str) -> list[str]:
    assert h.ctx.recorder is not None
    return [row.outcome for row in h.ctx.recorder.history(code)]


def engine_patches(h: Harness, code: str) -> list[dict[str, Any]]:
    """The engine's updates (the adapter always sends a key; the person here sends none)."""
    rows = h.incidents._http.request_json("GET", "/api/_requests")
    return [
        r
        for r in rows
        if r["method"] == "PATCH" and r["path"].endswith(code) and r["idempotency_key"]
    ]


def notes(h: Harness, code: str, tag: str) -> list[str]:
    return [
        e["NotasResolucion"] for e in history_of(h, code) if e["NotasResolucion"].startswith(tag)
    ]


ESCALATING = [reform(), verdict(10), verdict(20), verdict(30)]  # every candidate rejected


# --- on hold -> the requester answers -------------------------------------------------------
def test_on_hold_comes_back_when_the_requester_answers(make: Any) -> None:
    h = make([_incident(*INCIDENTS[2])], [reform(), verdict(90)])
    assert h.run()["INC900003"]["outcome"] == "on_hold"
    assert h.incident("INC900003")["estado"] == "En espera"
    next_run(h, "r2")
    quiet = h.summary()
    assert quiet.processed == 0 and quiet.reprocessed == 0  # nobody answered: it waits

    back = reply(h, "INC900003", "El reembolso R-2609113 de la póliza 30114872 sigue sin pagarse.")
    assert back["estado"] == "Abierta"
    search = reform(frases_busqueda=["Reembolso solicitado hace semanas que sigue sin pagarse"])
    next_run(h, "r3", search, verdict(90))
    summary = h.summary()
    assert (summary.processed, summary.reprocessed, summary.skipped) == (1, 1, 0)
    out = summary.outcomes[0]
    # the answer is read: the action runs with the identifiers the requester gave
    assert out["details"]["params"] == {"poliza": "30114872", "num_reembolso": "R-2609113"}
    assert out["outcome"] == "reassigned" and out["mailbox"] == "N2_REEMBOLSOS"
    authors = [e["Autor"] for e in history_of(h, "INC900003")]
    assert authors[-3:] == ["resolvia", REQUESTER, "resolvia"]  # a second engine entry
    assert outcomes_of(h, "INC900003") == ["on_hold", "reassigned"]
    assert summary.as_dict()["reprocessed"] == 1


def test_a_second_question_after_a_reply_is_written_not_replayed(make: Any) -> None:
    # The same question twice: same action, row and text. Only the history seen tells the two
    # decisions apart; without it the mock would replay the first answer and write nothing.
    h = make([_incident(*INCIDENTS[2])], [reform(), verdict(90)])
    h.run()
    reply(h, "INC900003", "No tengo esos datos a mano, ¿dónde los busco?")
    next_run(h, "r2", reform(), verdict(90))
    assert h.run()["INC900003"]["outcome"] == "on_hold"
    assert len(notes(h, "INC900003", "[RESOLVIA-PENDIENTE]")) == 2
    keys = [p["idempotency_key"] for p in engine_patches(h, "INC900003")]
    assert len(keys) == 2 and len(set(keys)) == 2
    assert outcomes_of(h, "INC900003") == ["on_hold", "on_hold"]


# --- escalated -> a person sends it back ----------------------------------------------------
def test_escalated_comes_back_when_a_person_sends_it_back(make: Any) -> None:
    h = make([_incident(*INCIDENTS[0])], ESCALATING)
    assert h.run()["INC900001"]["outcome"] == "escalated"
    assert h.incident("INC900001")["buzon"] == "SOPORTE_N2"
    send_back(h, "INC900001")
    next_run(h, "r2", reform(), verdict(85))
    summary = h.summary()
    assert summary.reprocessed == 1 and summary.outcomes[0]["outcome"] == "resolved"
    assert h.incident("INC900001")["estado"] == "Resuelta"
    assert outcomes_of(h, "INC900001") == ["escalated", "resolved"]
    next_run(h, "r3")
    assert h.run() == {}  # resolved: never again


def test_escalated_twice_leaves_two_handover_notes(make: Any) -> None:
    h = make([_incident(*INCIDENTS[0])], ESCALATING)
    h.run()
    send_back(h, "INC900001")
    next_run(h, "r2", *ESCALATING)
    assert h.run()["INC900001"]["outcome"] == "escalated"  # same buzon, a new handover
    assert len(notes(h, "INC900001", "[RESOLVIA-ESCALADO]")) == 2
    keys = [p["idempotency_key"] for p in engine_patches(h, "INC900001")]
    assert len(keys) == 2 and len(set(keys)) == 2
    assert outcomes_of(h, "INC900001") == ["escalated", "escalated"]


def test_without_new_activity_an_escalated_incident_is_skipped(make: Any) -> None:
    # escalated into the very buzon the engine works: it stays in the queue, untouched
    h = make([_incident(*INCIDENTS[0])], ESCALATING, BUZON_ESCALADO="SOPORTE_N1")
    assert h.run()["INC900001"]["outcome"] == "escalated"
    next_run(h, "r2")
    summary = h.summary()
    assert (summary.processed, summary.skipped, summary.reprocessed) == (0, 1, 0)
    assert len(h.model.history) == 4  # no model call in the second run
    # an entry the engine wrote itself is not activity
    body = {"action": "reasignar", "buzonDestino": "SOPORTE_N1", "autor": "resolvia"}
    mock_api(h).patch("/api/incidencias/INC900001", json=body, headers=AUTH)
    next_run(h, "r3")
    assert h.summary().skipped == 1


def test_a_reassigned_incident_never_comes_back_by_itself(make: Any) -> None:
    h = make([_incident(*INCIDENTS[3])], [reform(), verdict(90)])
    assert h.run()["INC900004"]["outcome"] == "reassigned"
    send_back(h, "INC900004")  # in the engine's buzon again, with a person's entry
    next_run(h, "r2")
    stream = io.StringIO()
    configure_logging("INFO", "json", stream=stream, force=True)
    summary = h.summary()
    assert (summary.processed, summary.skipped) == (0, 1)
    # but it is said: the reassignment did not hold (a precision proxy for the dashboards)
    events = [json.loads(line) for line in stream.getvalue().splitlines() if line.startswith("{")]
    [came_back] = [e for e in events if e["event"] == "incident.came_back"]
    assert came_back["incident_id"] == "INC900004" and came_back["previous"] == "reassigned"


def test_a_run_that_dies_after_reopening_records_the_new_decision(make: Any) -> None:
    h = make([_incident(*INCIDENTS[0])], ESCALATING)
    h.run()
    send_back(h, "INC900001")
    next_run(h, "r2")
    assert h.ctx.recorder is not None and h.ctx.recorder.reopen("INC900001")
    # ... the run dies here; the next one finds the outcome re-opened and decides again
    next_run(h, "r3", reform(), verdict(85))
    summary = h.summary()
    assert summary.reprocessed == 1 and summary.outcomes[0]["outcome"] == "resolved"
    assert outcomes_of(h, "INC900001") == ["escalated", "resolved"]


# --- one incident by code -------------------------------------------------------------------
def test_run_incident_refuses_a_handled_incident_unless_forced(make: Any) -> None:
    h = make([_incident(*INCIDENTS[0])], ESCALATING)
    h.run()  # escalated to SOPORTE_N2: out of the engine's queue, nothing new
    next_run(h, "r2", reform(), verdict(85))
    with pytest.raises(AlreadyHandledError, match=r"INC900001.*escalated.*--force"):
        run_incident(h.ctx, h.graph, "INC900001")
    assert len(h.model.history) == 4
    summary = run_incident(h.ctx, h.graph, "INC900001", force=True)
    assert (summary.processed, summary.reprocessed) == (1, 1)
    assert summary.outcomes[0]["outcome"] == "resolved"
    assert outcomes_of(h, "INC900001") == ["escalated", "resolved"]


def test_run_incident_takes_one_with_new_activity_and_one_never_seen(make: Any) -> None:
    h = make([_incident(*INCIDENTS[3]), _incident(*INCIDENTS[0])], [reform(), verdict(90)])
    assert h.run(limit=1)["INC900004"]["outcome"] == "reassigned"  # INC900001 left alone
    reply(h, "INC900004", "Sigue sin imprimir.", autor=PERSON)
    next_run(h, "r2", *ESCALATING)
    # asked for by code, even a reassigned incident with new activity is processed again
    # (the engine's note is in its history: it goes to a person)
    out = run_incident(h.ctx, h.graph, "INC900004").outcomes[0]
    assert out["outcome"] == "escalated" and out["reason"] == Reason.ALREADY_TRIED
    fresh = run_incident(h.ctx, h.graph, "INC900001")
    assert fresh.reprocessed == 0 and fresh.processed == 1


def test_run_incident_of_an_unknown_code_names_it(make: Any) -> None:
    h = make([_incident(*INCIDENTS[0])], [])
    with pytest.raises(ExternalServiceError, match="no incident 'INC404'") as caught:
        run_incident(h.ctx, h.graph, "INC404")
    assert caught.value.kind is ServiceErrorKind.NOT_FOUND


# --- the command line -------------------------------------------------------------------------
runner = CliRunner()


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    data = tmp_path / "data"
    monkeypatch.setenv("DATA_DIR", str(data))
    monkeypatch.setenv("MODELS_DIR", str(tmp_path / "models"))
    get_settings.cache_clear()
    configure_logging("INFO", "json", stream=io.StringIO(), force=True)
    yield data
    get_settings.cache_clear()
    structlog.contextvars.clear_contextvars()


def _engine_of(h: Harness) -> Any:
    @contextmanager
    def engine(*args: Any, **kwargs: Any) -> Iterator[tuple[Any, Any]]:
        yield h.ctx, h.graph

    return engine


def test_cli_run_incident_refuses_forces_and_names_unknown_codes(
    make: Any, cli_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = make([_incident(*INCIDENTS[0])], ESCALATING)
    h.run()
    monkeypatch.setattr("graph.runner.engine", _engine_of(h))
    refused = runner.invoke(app, ["run", "--incident", "INC900001"])
    assert refused.exit_code == 1
    assert "already has a final outcome" in refused.stderr and "--force" in refused.stderr
    unknown = runner.invoke(app, ["run", "--incident", "INC404"])
    assert unknown.exit_code == 1 and "no incident 'INC404'" in unknown.stderr
    h.model.replies.extend([reform(), verdict(85)])
    forced = runner.invoke(app, ["run", "--incident", "INC900001", "--force", "--json"])
    assert forced.exit_code == 0, forced.stderr
    result = json.loads(forced.stdout)
    assert (result["processed"], result["reprocessed"], result["resolved"]) == (1, 1, 1)


def test_cli_run_human_line_counts_reprocessed(
    make: Any, cli_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = make([_incident(*INCIDENTS[0])], ESCALATING)
    h.run()
    send_back(h, "INC900001")
    h.model.replies.extend([reform(), verdict(85)])
    monkeypatch.setattr("graph.runner.engine", _engine_of(h))
    result = runner.invoke(app, ["run", "--buzon", "SOPORTE_N1"])
    assert result.exit_code == 0, result.stderr
    assert "1 re-processed after new activity" in " ".join(result.stderr.split())


@pytest.mark.parametrize(
    "args", [["run", "--force"], ["run", "--incident", "X", "--buzon", "SOPORTE_N1"]]
)
def test_cli_force_without_incident_is_a_usage_error(cli_env: Path, args: list[str]) -> None:
    assert runner.invoke(app, args).exit_code == 2


def test_cli_outcomes_lists_the_history(cli_env: Path) -> None:
    first = RunRecorder(cli_env / "outcomes.sqlite", cli_env / "r", cli_env / "x", "r1")
    first.record({"incident_id": "INC1", "outcome": "on_hold", "reason": "falta_identificador"})
    assert first.reopen("INC1")
    first.close()
    second = RunRecorder(cli_env / "outcomes.sqlite", cli_env / "r", cli_env / "x", "r2")
    second.record({"incident_id": "INC1", "outcome": "resolved", "kb_id": "KB-C"})
    second.close()
    result = runner.invoke(app, ["outcomes", "INC1", "--json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["run_id"], r["outcome"], r["kb_id"]) for r in rows] == [
        ("r1", "on_hold", None),
        ("r2", "resolved", "KB-C"),
    ]
    table = runner.invoke(app, ["outcomes", "INC1"])
    assert table.exit_code == 0 and "on_hold" in table.stderr and "resolved" in table.stderr
    none = runner.invoke(app, ["outcomes", "INC2"])
    assert none.exit_code == 1 and "no outcome recorded for INC2" in none.stderr


# --- the outcome store ----------------------------------------------------------------------
def _recorder(tmp_path: Path, run_id: str) -> RunRecorder:
    return RunRecorder(tmp_path / "o.sqlite", tmp_path / "rep", tmp_path / "rej", run_id)


def test_a_final_outcome_stands_until_reopened_and_history_keeps_every_one(
    tmp_path: Path,
) -> None:
    rec = _recorder(tmp_path, "r1")
    assert rec.record({"incident_id": "INC1", "outcome": "error"})
    assert rec.record({"incident_id": "INC1", "outcome": "escalated"})
    assert rec.record({"incident_id": "INC1", "outcome": "resolved"}) is False  # a replay
    assert rec.reopen("INC1") and not rec.reopen("INC1")
    assert not rec.is_final("INC1")
    assert rec.record({"incident_id": "INC1", "outcome": "resolved", "kb_id": "KB-C"})
    assert rec.is_final("INC1") and not rec.reopen("INC2")
    assert rec.record({"incident_id": "INC1", "outcome": "resolved"}, dry_run=True)
    assert [r.outcome for r in rec.history("INC1")] == ["error", "escalated", "resolved"]
    current = rec.current("INC1")
    assert current is not None and current.kb_id == "KB-C" and current.reopened_by is None
    rec.close()


def test_outcome_history_is_backfilled_from_an_older_file(tmp_path: Path) -> None:
    db = tmp_path / "o.sqlite"
    old = sqlite3.connect(db)
    old.execute(
        "CREATE TABLE outcomes (incident_id TEXT PRIMARY KEY, run_id TEXT,"
        " outcome TEXT, kb_id TEXT, reason TEXT, finished_at TEXT)"
    )
    old.executemany(
        "INSERT INTO outcomes VALUES (?,?,?,?,?,?)",
        [("INC1", "r0", "on_hold", "KB-A", "falta_identificador", "2026-11-19T09:00:00+00:00")],
    )
    old.commit()
    old.close()
    assert [r.as_dict() for r in outcome_history(db, "INC1")] == [
        {
            "incident_id": "INC1",
            "run_id": "r0",
            "outcome": "on_hold",
            "kb_id": "KB-A",
            "reason": "falta_identificador",
            "finished_at": "2026-11-19T09:00:00+00:00",
        }
    ]
    rec = _recorder(tmp_path, "r1")
    assert rec.is_final("INC1") and rec.reopen("INC1")
    rec.record({"incident_id": "INC1", "outcome": "reassigned"})
    rec.close()
    assert [r.outcome for r in outcome_history(db, "INC1")] == ["on_hold", "reassigned"]
    conn = sqlite3.connect(db)
    assert applied_migrations(conn) == [m.name for m in run_records.MIGRATIONS]
    conn.close()
    assert outcome_history(tmp_path / "none.sqlite", "INC1") == []


# --- pure helpers -----------------------------------------------------------------------------
def _entry(autor: str, note: str = "", detalle: str = "x") -> dict[str, Any]:
    return {
        "Fecha": "19/11/2026 09:00",
        "Autor": autor,
        "NotasResolucion": note,
        "detalle": detalle,
    }


def test_new_activity_compares_positions_not_dates() -> None:
    opened = _entry(REQUESTER)
    engine = _entry("resolvia", "[RESOLVIA-PENDIENTE] Indique su póliza.")
    # a real system may record the API account as author: the tag says it was the engine
    tagged = _entry("API", "[RESOLVIA-ESCALADO] Motivo: ...")
    answer = {**_entry(REQUESTER), "Fecha": "01/01/2020 00:00"}  # an odd clock does not matter
    assert not new_activity({"historial": [opened]})  # the engine never wrote
    assert not new_activity({"historial": [opened, engine]})
    assert new_activity({"historial": [opened, engine, answer]})
    assert not new_activity({"historial": [opened, engine, answer, tagged]})
    assert new_activity({"historial": [opened, tagged, _entry(PERSON)]})


def test_activity_marker_changes_with_the_history_only() -> None:
    one = {"historial": [_entry(REQUESTER)]}
    two = {"historial": [_entry(REQUESTER), _entry("resolvia", "[RESOLVIA] x")]}
    assert activity_marker(one) == activity_marker(json.loads(json.dumps(one)))
    assert activity_marker(one) != activity_marker(two)
    assert activity_marker({"historial": []}) == "0"


def test_triage_of_each_final_outcome() -> None:
    incident = Incidencia.model_validate(
        {
            "codIncidencia": "INC1",
            "buzon": "SOPORTE_N1",
            "historial": [_entry("resolvia", "[RESOLVIA] x"), _entry(REQUESTER)],
        }
    )

    def stored(outcome: str, reopened_by: str | None = None) -> run_records.StoredOutcome:
        return run_records.StoredOutcome("INC1", "r", outcome, None, None, None, reopened_by)

    assert triage(None, incident) == "process"
    assert triage(stored("error"), incident) == "process"
    assert triage(stored("on_hold"), incident) == "reprocess"
    assert triage(stored("escalated"), incident) == "reprocess"
    assert triage(stored("resolved"), incident) == "skip"
    assert triage(stored("reassigned"), incident) == "skip"
    assert triage(stored("resolved", reopened_by="r2"), incident) == "reprocess"
    quiet = incident.model_copy(update={"historial": incident.historial[:1]})
    assert triage(stored("on_hold"), quiet) == "skip"


def test_summary_dict_has_the_reprocessed_count() -> None:
    assert RunSummary("r", reprocessed=2).as_dict()["reprocessed"] == 2
