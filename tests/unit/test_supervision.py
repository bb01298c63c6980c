"""Supervised mode (SUPERVISION): an action that needs approval stops the incident's thread
before its side effect; a person approves (parameters possibly edited) or rejects it; the next
run — also after a restart of the engine — applies it exactly once, or escalates with the note.
``nunca`` escalates at once. Fake chat model, in-memory Qdrant, mock services in-process."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from langgraph.checkpoint.sqlite import SqliteSaver
from typer.testing import CliRunner

from adapters.approvals import ApprovalError, Approvals, supervision_policy
from adapters.run_records import RunRecorder
from cli.app import app
from config import get_settings, load_settings
from domain.reasons import Reason
from errors import ConfigError
from graph.context import RunOptions
from graph.runner import checkpoint_serializer, run_incident
from mocks.store import MockStore
from tests.fakes import FakeChatModel
from tests.graph_support import Harness, build_harness, reform, verdict
from tests.unit.test_graph import INCIDENTS, KB, CrashAfterUpdate, _incident

API = "INC900002"  # a refund: api|fxprovision with póliza 30114872 and refund R-2609113
CLOSE = "INC900001"  # Outlook: cierre
SUPERVISED = {"api|*": "aprobar"}
APPROVE_API = [reform(), verdict(90)]


class Engine:
    """Engines over one data directory, checkpoint file and mock state, built one after the
    other as consecutive runs — or as a restarted process (a new graph, a new connection)."""

    def __init__(self, tmp: Path, incidents: list[dict[str, Any]]) -> None:
        self.tmp = tmp
        self.incidents = incidents
        self.store: MockStore | None = None
        self.opened: list[tuple[Harness, sqlite3.Connection | None]] = []

    def start(
        self,
        replies: list[Any],
        *,
        supervision: dict[str, str] | None = None,
        run_id: str = "run-1",
        dry_run: bool = False,
        incidents_proxy: Any = None,
    ) -> Harness:
        conn = None
        checkpointer = None
        if not dry_run:
            conn = sqlite3.connect(self.tmp / "checkpoints.sqlite", check_same_thread=False)
            checkpointer = SqliteSaver(conn, serde=checkpoint_serializer())
        h = build_harness(
            self.tmp,
            self.incidents,
            FakeChatModel(replies),
            kb=KB,
            components=["Correo", "Reembolsos"],
            settings={"SUPERVISION": SUPERVISED if supervision is None else supervision},
            options=RunOptions(dry_run=dry_run),
            checkpointer=checkpointer,
            store=self.store,
            run_id=run_id,
            incidents_proxy=incidents_proxy,
        )
        self.store = h.store
        # one outcome store for every run, as DATA_DIR/outcomes.sqlite is
        recorder = RunRecorder(
            self.tmp / "outcomes.sqlite", self.tmp / "reportes", self.tmp / "rejected", run_id
        )
        h.closing.append(recorder)
        h.ctx.recorder = recorder
        self.opened.append((h, conn))
        return h

    def stop(self, h: Harness) -> None:
        """The process ends: everything it held is closed."""
        for harness, conn in self.opened:
            if harness is h:
                harness.close()
                if conn is not None:
                    conn.close()
        self.opened = [(x, c) for x, c in self.opened if x is not h]

    def close(self) -> None:
        for h, _ in list(self.opened):
            self.stop(h)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Any]:
    made: list[Engine] = []

    def make(*codes: str) -> Engine:
        chosen = [_incident(*i) for i in INCIDENTS if i[0] in codes]
        made.append(Engine(tmp_path, chosen))
        return made[-1]

    yield make
    for e in made:
        e.close()


def target_calls(h: Harness) -> list[dict[str, Any]]:
    return [r for r in h.store.list_requests() if r["path"] == "/api/comprobacionPoliza"]


def engine_updates(h: Harness, code: str) -> list[dict[str, Any]]:
    return [
        r
        for r in h.store.list_requests()
        if r["method"] == "PATCH" and r["path"].endswith(code) and r["idempotency_key"]
    ]


def engine_notes(h: Harness, code: str) -> list[str]:
    history = h.incident(code)["historial"]
    return [e["NotasResolucion"] for e in history if e["Autor"] == "resolvia"]


def test_a_supervised_api_action_stops_before_its_side_effect(engine: Any) -> None:
    e = engine(API)
    h = e.start(APPROVE_API)
    summary = h.summary()
    out = summary.outcomes[0]
    assert out["outcome"] == "pending_approval" and out["reason"] == Reason.PENDING_APPROVAL
    assert summary.as_dict()["pending_approval"] == 1 and summary.healthy  # not an error
    assert target_calls(h) == [] and engine_updates(h, API) == []  # nothing happened
    assert h.incident(API)["estado"] == "Abierta"
    assert [o.outcome for o in h.ctx.recorder.history(API)] == ["pending_approval"]

    (pending,) = Approvals(h.ctx.settings).list_pending()
    assert (pending.incident_id, pending.action, pending.kb_id) == (API, "api|fxprovision", "KB-A")
    assert pending.parameters == {"poliza": "30114872", "num_reembolso": "R-2609113"}
    assert pending.run_id == "run-1" and pending.id == out["approval_id"]
    assert "api|fxprovision" in pending.explanation and "KB-A" in pending.explanation
    assert set(pending.editable) == {"poliza", "num_reembolso"}

    # a later run without a decision leaves it waiting: no model call, no effect
    h.model.replies.extend(APPROVE_API)
    again = h.summary()
    assert again.processed == 0 and again.as_dict()["awaiting_approval"] == 1
    assert target_calls(h) == [] and h.model.history[2:] == []


def test_approved_action_is_applied_once_by_the_next_run(engine: Any) -> None:
    e = engine(API)
    h = e.start(APPROVE_API)
    h.summary()
    approvals = Approvals(h.ctx.settings)
    (pending,) = approvals.list_pending()
    decided = approvals.approve(pending.id, "luis.gomez")
    assert decided.status == "approved" and decided.decided_by == "luis.gomez"
    assert approvals.list_pending() == []

    out = h.run()[API]
    # the system's answer (79 days > SLA) is applied as it is without supervision
    assert out["outcome"] == "reassigned" and out["mailbox"] == "N2_REEMBOLSOS"
    assert out["details"]["approval"]["user"] == "luis.gomez"
    assert len(target_calls(h)) == 1 and len(engine_updates(h, API)) == 1
    assert len(engine_notes(h, API)) == 1
    assert len(h.model.history) == 2  # the resumed thread asked the model nothing

    assert h.run() == {}  # nothing left: no second effect
    assert len(target_calls(h)) == 1 and len(engine_updates(h, API)) == 1
    record = approvals.get(pending.id)
    assert record.outcome == "reassigned" and record.settled_run_id == "run-1"
    events = [(a.event, a.actor) for a in approvals.audit(pending.id)]
    assert events == [
        ("proposed", "resolvia"),
        ("approved", "luis.gomez"),
        ("settled", "resolvia"),
    ]
    assert [o.outcome for o in h.ctx.recorder.history(API)] == [
        "pending_approval",
        "reassigned",
    ]


def test_restart_between_stop_and_approval_still_applies_once(engine: Any) -> None:
    e = engine(API)
    first = e.start(APPROVE_API, run_id="before")
    assert first.run()[API]["outcome"] == "pending_approval"
    e.stop(first)  # the engine process ends

    approvals = Approvals(Path(first.ctx.settings.DATA_DIR))  # e.g. the console, on its own
    (pending,) = approvals.list_pending()
    approvals.approve(pending.id, "luis.gomez")
    approvals.close()

    second = e.start([], run_id="after")  # a new process: new graph, new connections
    out = second.run()[API]
    assert out["outcome"] == "reassigned" and second.model.history == []
    assert len(target_calls(second)) == 1 and len(engine_updates(second, API)) == 1
    assert second.run() == {}
    assert len(engine_notes(second, API)) == 1


def test_a_run_killed_after_the_approved_effect_does_not_repeat_it(engine: Any) -> None:
    e = engine(API)
    h = e.start(APPROVE_API, run_id="stop")
    h.run()
    approvals = Approvals(h.ctx.settings)
    approvals.approve(approvals.list_pending()[0].id, "luis.gomez")
    e.stop(h)

    crashing = e.start([], run_id="crash", incidents_proxy=CrashAfterUpdate)
    with pytest.raises(SystemExit):
        crashing.run()
    e.stop(crashing)
    assert len(engine_notes(crashing, API)) == 1  # applied, then the process died

    resumed = e.start([], run_id="resume")
    out = resumed.run()[API]
    assert out["outcome"] == "reassigned"
    assert len(engine_notes(resumed, API)) == 1  # the retry replayed the same key
    assert approvals.get(1).outcome == "reassigned"


def test_edited_parameters_are_validated_and_sent(engine: Any) -> None:
    e = engine(API)
    h = e.start(APPROVE_API)
    h.run()
    approvals = Approvals(h.ctx.settings)
    (pending,) = approvals.list_pending()
    with pytest.raises(ApprovalError, match=r"num_reembolso='2603027' is not a valid value"):
        approvals.approve(pending.id, "luis.gomez", {"num_reembolso": "2603027"})
    with pytest.raises(ApprovalError, match=r"'iban' is not a parameter of api\|fxprovision"):
        approvals.approve(pending.id, "luis.gomez", {"iban": "ES2809990001720030114872"})
    assert approvals.get(pending.id).status == "pending"  # refused attempts decide nothing
    assert [a.event for a in approvals.audit(pending.id)] == ["proposed", "refused", "refused"]

    # a paid refund instead: normalised like the target system does (upper case)
    decided = approvals.approve(pending.id, "luis.gomez", {"num_reembolso": " r-2603027"})
    assert decided.decided_parameters == {"poliza": "30114872", "num_reembolso": "R-2603027"}
    out = h.run()[API]
    (call,) = target_calls(h)
    assert json.loads(json.loads(call["body"])["strJson"]) == {"num_reembolso": "R-2603027"}
    assert out["details"]["params"]["num_reembolso"] == "R-2603027"
    assert out["details"]["approval"]["edited"] == ["num_reembolso"]
    assert out["outcome"] != "pending_approval" and len(engine_updates(h, API)) == 1


def test_rejected_action_is_escalated_with_the_note(engine: Any) -> None:
    e = engine(API)
    h = e.start(APPROVE_API)
    h.run()
    approvals = Approvals(h.ctx.settings)
    with pytest.raises(ApprovalError, match="note"):
        approvals.reject(1, "luis.gomez", "  ")
    approvals.reject(API, "luis.gomez", "El cliente ya recibió el abono")  # by incident code
    with pytest.raises(ApprovalError, match=r"already rejected by luis\.gomez"):
        approvals.approve(1, "ana")

    out = h.run()[API]
    assert out["outcome"] == "escalated" and out["reason"] == Reason.APPROVAL_REJECTED
    assert "El cliente ya recibió el abono" in out["explanation"]
    assert target_calls(h) == []  # the action never ran
    inc = h.incident(API)
    assert inc["buzon"] == "SOPORTE_N2"
    assert "El cliente ya recibió el abono" in inc["historial"][-1]["NotasResolucion"]
    assert approvals.get(1).outcome == "escalated"


def test_nunca_escalates_with_its_reason_and_touches_nothing(engine: Any) -> None:
    e = engine(API, CLOSE)
    h = e.start([reform(), verdict(90), reform(), verdict(90)], supervision={"api|*": "nunca"})
    out = h.run()
    assert out[API]["outcome"] == "escalated" and out[API]["reason"] == Reason.SUPERVISION_NEVER
    assert "api|fxprovision" in out[API]["explanation"]
    assert target_calls(h) == [] and h.incident(API)["buzon"] == "SOPORTE_N2"
    assert out[CLOSE]["outcome"] == "resolved"  # cierre stays automatic
    assert not (h.ctx.settings.DATA_DIR / "approvals.sqlite").exists()


def test_plain_resolution_waits_and_dry_run_stops_nowhere(engine: Any) -> None:
    e = engine(CLOSE)
    dry = e.start([reform(), verdict(90)], supervision={"*": "aprobar"}, dry_run=True)
    out = dry.run()[CLOSE]
    assert out["outcome"] == "pending_approval" and out["applied"] is False
    assert Approvals(dry.ctx.settings).list_pending() == []  # nothing waits after a dry run
    e.stop(dry)

    h = e.start([reform(), verdict(90)], supervision={"cierre": "aprobar"}, run_id="real")
    h.run()
    approvals = Approvals(h.ctx.settings)
    (pending,) = approvals.list_pending()
    assert pending.action == "cierre" and pending.parameters == {} and pending.editable == {}
    assert pending.proposal["text"] == KB[0].solucion  # what will be written, verbatim
    with pytest.raises(ApprovalError, match="no parameters"):
        approvals.approve(pending.id, "ana", {"poliza": "30114872"})
    approvals.approve(pending.id, "ana")
    assert h.run()[CLOSE]["outcome"] == "resolved"
    assert engine_notes(h, CLOSE) == ["[RESOLVIA] " + KB[0].solucion]


def test_run_incident_names_the_approval_it_waits_for(engine: Any) -> None:
    e = engine(API)
    h = e.start(APPROVE_API)
    h.run()
    with pytest.raises(ApprovalError, match=r"waits for a person's decision on approval 1"):
        run_incident(h.ctx, h.graph, API)
    Approvals(h.ctx.settings).approve(1, "ana")
    summary = run_incident(h.ctx, h.graph, API)
    assert summary.outcomes[0]["outcome"] == "reassigned" and len(target_calls(h)) == 1


def test_a_new_proposal_supersedes_an_older_pending_one(tmp_path: Path) -> None:
    approvals = Approvals(tmp_path)
    proposal = {"incident_id": "INC1", "action": "cierre", "kb_id": "KB-C", "explanation": "x"}
    first = approvals.propose(thread_id="INC1", interrupt_id="a", run_id="r1", proposal=proposal)
    again = approvals.propose(thread_id="INC1", interrupt_id="a", run_id="r1", proposal=proposal)
    assert again.id == first.id  # idempotent per interrupt
    second = approvals.propose(thread_id="INC1", interrupt_id="b", run_id="r2", proposal=proposal)
    assert [p.id for p in approvals.list_pending()] == [second.id]
    assert approvals.get(first.id).status == "superseded"
    with pytest.raises(ApprovalError, match="no approval"):
        approvals.get(99)


def test_an_empty_store_creates_nothing(tmp_path: Path) -> None:
    approvals = Approvals(tmp_path / "data")
    assert approvals.list_pending() == [] and approvals.settle("INC1", "r", "resolved") == []
    assert not (tmp_path / "data").exists()


def test_supervision_setting_is_validated_at_start_up() -> None:
    settings = load_settings(SUPERVISION='{"API | FxProvision": "nunca", "api|*": "aprobar"}')
    assert settings.supervision_for("api|fxprovision") == "nunca"
    assert settings.supervision_for("api|cambioiban") == "aprobar"
    assert settings.supervision_for("cierre") == "auto"
    assert supervision_policy(settings)["en espera"] == "auto"
    assert load_settings().SUPERVISION == {}  # default: today's behaviour
    with pytest.raises(ConfigError, match=r"SUPERVISION: unknown action type 'api\|borrartodo'"):
        load_settings(SUPERVISION='{"api|borrartodo": "auto"}')
    with pytest.raises(ConfigError, match=r"'quizá' is not one of auto, aprobar, nunca"):
        load_settings(SUPERVISION='{"cierre": "quizá"}')
    with pytest.raises(ConfigError, match="must be a JSON object"):
        load_settings(SUPERVISION="api|*=aprobar")


runner = CliRunner()


def test_cli_lists_approves_and_rejects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: Any
) -> None:
    e = engine(API, CLOSE)
    h = e.start(
        [reform(), verdict(90), reform(), verdict(90)],
        supervision={"api|*": "aprobar", "cierre": "aprobar"},
    )
    h.run()
    monkeypatch.setenv("DATA_DIR", str(h.ctx.settings.DATA_DIR))
    monkeypatch.setenv("SUPERVISION", '{"api|*": "aprobar", "cierre": "aprobar"}')
    get_settings.cache_clear()

    listed = runner.invoke(app, ["approvals", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.stdout)
    assert {(r["incident_id"], r["action"]) for r in rows} == {
        (API, "api|fxprovision"),
        (CLOSE, "cierre"),
    }
    ids = {r["incident_id"]: r["id"] for r in rows}
    table = runner.invoke(app, ["approvals"])
    assert table.exit_code == 0 and "api|fxprovision" in table.output

    bad = runner.invoke(app, ["approve", str(ids[API]), "--param", "num_reembolso=12"])
    assert bad.exit_code == 1 and "is not a valid value" in bad.output
    assert runner.invoke(app, ["approve", str(ids[API]), "--param", "nope"]).exit_code == 2
    ok = runner.invoke(
        app, ["approve", str(ids[API]), "--param", "num_reembolso=R-2603027", "--user", "ana"]
    )
    assert ok.exit_code == 0, ok.output
    assert "approved by ana" in ok.output
    no_note = runner.invoke(app, ["reject", str(ids[CLOSE])])
    assert no_note.exit_code == 2  # --note is required
    rejected = runner.invoke(
        app, ["reject", CLOSE, "--note", "No cerrar", "--user", "ana", "--json"]
    )
    assert rejected.exit_code == 0, rejected.output
    assert json.loads(rejected.stdout)["approval"]["status"] == "rejected"
    assert json.loads(runner.invoke(app, ["approvals", "--json"]).stdout) == []
    everything = json.loads(runner.invoke(app, ["approvals", "--all", "--json"]).stdout)
    assert {r["status"] for r in everything} == {"approved", "rejected"}
    get_settings.cache_clear()

    out = h.run()
    assert out[API]["details"]["params"]["num_reembolso"] == "R-2603027"
    assert out[CLOSE]["outcome"] == "escalated" and "No cerrar" in out[CLOSE]["explanation"]


def test_cli_apply_now_resumes_the_incident_at_once(
    monkeypatch: pytest.MonkeyPatch, engine: Any
) -> None:
    e = engine(API)
    h = e.start(APPROVE_API)
    h.run()
    monkeypatch.setenv("DATA_DIR", str(h.ctx.settings.DATA_DIR))
    get_settings.cache_clear()

    @contextmanager
    def same_engine(*args: Any, **kwargs: Any) -> Iterator[tuple[Any, Any]]:
        yield h.ctx, h.graph  # the engine the CLI would build, over the same state

    monkeypatch.setattr("graph.runner.engine", same_engine)
    result = runner.invoke(app, ["approve", "1", "--user", "ana", "--apply-now", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["approval"]["status"] == "approved"
    assert body["run"]["outcomes"][0]["outcome"] == "reassigned"
    assert len(target_calls(h)) == 1 and len(engine_updates(h, API)) == 1
    assert h.run() == {}
    get_settings.cache_clear()
