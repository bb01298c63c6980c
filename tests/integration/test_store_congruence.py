"""The same store tests on SQLite (the embedded default) and on a real Postgres
(``DATABASE_URL``), as qdrant-client runs its local and server modes side by side: outcomes
and their history, LLM history, reviews, approvals, the console's users and audit trail,
checkpoints with their redaction."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer

from adapters.approvals import ApprovalError, Approvals
from adapters.checkpoints import (
    KEEP_RAW,
    RedactingSaver,
    open_checkpoints,
    open_postgres_checkpoints,
    prune_threads,
)
from adapters.database import Database, Location, PostgresUrl
from adapters.llm_history import LLMCallRecord, LLMHistory
from adapters.reviews import ReviewStore, Verdict, export_gold
from adapters.run_records import RunRecorder, outcome_history
from adapters.stores import open_users
from adapters.users import Role, UserError, UserStore
from config import load_settings
from tests.fakes import FakeChatModel
from tests.graph_support import Harness, build_harness
from tests.graph_support import reform as _reform
from tests.graph_support import verdict as _verdict

# the same incident and crash the SQLite-only checkpoint tests use
from tests.unit.test_checkpoint_redaction import IBAN, KB, NIF, PHONE, CrashBeforeTarget
from tests.unit.test_checkpoint_redaction import _incident as incident

BACKENDS = ["sqlite", "postgres"]

#: (store name, SQLite file) -> where the store lives on the backend under test
Where = Callable[[str], Location]


@pytest.fixture(params=BACKENDS)
def where(request: pytest.FixtureRequest, tmp_path: Path) -> Where:
    """Where a store lives: its own SQLite file, or (every store) the test's Postgres
    database. The Postgres cluster is only started when a Postgres case runs."""
    if request.param == "sqlite":
        return lambda file: tmp_path / "data" / file
    url = PostgresUrl(request.getfixturevalue("postgres_url"))
    return lambda file: url


# --- outcomes -----------------------------------------------------------------------------


def _recorder(where: Where, tmp_path: Path, run_id: str) -> RunRecorder:
    return RunRecorder(where("outcomes.sqlite"), tmp_path / "rep", tmp_path / "rej", run_id)


def test_outcomes_and_their_history(where: Where, tmp_path: Path) -> None:
    first = _recorder(where, tmp_path, "r1")
    assert first.current("INC1") is None and first.history("INC1") == []
    assert first.record({"incident_id": "INC1", "outcome": "error", "reason": "x"})
    assert not first.is_final("INC1")  # an error is not final
    assert first.record({"incident_id": "INC1", "outcome": "escalated", "reason": "no_match"})
    assert first.is_final("INC1")
    # a final outcome stands: a resumed thread that records again adds nothing
    assert not first.record({"incident_id": "INC1", "outcome": "resolved", "kb_id": "KB-1"})
    first.close()

    second = _recorder(where, tmp_path, "r2")
    assert second.reopen("INC1") and not second.reopen("INC1")
    current = second.current("INC1")
    assert current is not None and current.reopened_by == "r2" and not current.final
    assert second.record({"incident_id": "INC1", "outcome": "resolved", "kb_id": "KB-1"})
    current = second.current("INC1")
    assert current is not None and current.final and current.kb_id == "KB-1"
    assert current.reopened_by is None and current.run_id == "r2"
    second.close()

    history = outcome_history(where("outcomes.sqlite"), "INC1")
    assert [(h.outcome, h.run_id) for h in history] == [
        ("error", "r1"),
        ("escalated", "r1"),
        ("resolved", "r2"),
    ]
    assert outcome_history(where("outcomes.sqlite"), "INC2") == []


def test_a_dry_run_records_nothing_durable(where: Where, tmp_path: Path) -> None:
    recorder = _recorder(where, tmp_path, "dry")
    assert recorder.record({"incident_id": "INC9", "outcome": "resolved"}, dry_run=True)
    assert recorder.current("INC9") is None and recorder.history("INC9") == []
    recorder.close()


def test_migrations_are_applied_once(where: Where, tmp_path: Path) -> None:
    _recorder(where, tmp_path, "r1").close()
    db = Database(where("outcomes.sqlite"))
    from adapters.run_records import MIGRATIONS, STORE

    assert db.migrate(STORE, MIGRATIONS) == []  # all applied when the recorder opened
    db.close()


# --- LLM history --------------------------------------------------------------------------


def _call(run_id: str, incident_id: str, **extra: Any) -> LLMCallRecord:
    fields: dict[str, Any] = {
        "run_id": run_id,
        "incident_id": incident_id,
        "node": "critique",
        "prompt_id": "critico",
        "prompt_version": "v3",
        "prompt_sha256": "0" * 64,
        "model": "fake/model",
        "messages": [{"role": "human", "content": f"Mi NIF es {NIF}, llamadme al {PHONE}"}],
        "output": f"El IBAN {IBAN} es correcto",
        "parsed": {"nif": NIF, "ok": True},
        "first_try_valid": True,
        "calls": 1,
        "input_tokens": 120,
        "output_tokens": 7,
        "latency_s": 0.123456,
        **extra,
    }
    return LLMCallRecord(**fields)


def test_llm_history_is_redacted_and_read_back_alike(where: Where) -> None:
    history = LLMHistory(where("llm_history.sqlite"))
    history.record(_call("r1", "INC1"))
    history.record(_call("r2", "INC2", first_try_valid=None, error=f"NIF {NIF} rechazado"))
    rows = list(history.rows("r1"))
    assert len(rows) == 1
    row = rows[0]
    assert row["incident_id"] == "INC1" and row["node"] == "critique"
    assert row["first_try_valid"] == 1 and row["latency_s"] == pytest.approx(0.123456)
    assert row["input_tokens"] == 120 and row["calls"] == 1
    text = " ".join(str(v) for r in history.rows() for v in r.values())
    assert NIF not in text and PHONE not in text and IBAN not in text
    assert "[NIF]" in text and "[TELEFONO]" in text and "[IBAN]" in text
    assert [r["run_id"] for r in history.rows()] == ["r1", "r2"]
    assert [r["error"] for r in history.rows("r2")] == ["NIF [NIF] rechazado"]
    history.close()


def test_llm_history_retention(where: Where) -> None:
    history = LLMHistory(where("llm_history.sqlite"))
    history.record(_call("r1", "INC1"))
    history.record(_call("r2", "INC2"))
    future = datetime.now(UTC) + timedelta(days=1)
    past = datetime.now(UTC) - timedelta(days=1)
    assert history.prune(past) == (0, 0)
    rows, size = history.prune(future, dry_run=True)
    assert rows == 2 and size > 0
    assert len(list(history.rows())) == 2  # a dry run deletes nothing
    assert history.prune(future)[0] == 2
    assert list(history.rows()) == []
    history.close()


# --- reviews ------------------------------------------------------------------------------


def test_reviews_and_their_gold_export(where: Where) -> None:
    store = ReviewStore(where("reviews.sqlite"))
    snapshot = incident()
    first = store.add("INC900101", Verdict.NEW_KNOWLEDGE, reviewer="ana", run_id="r1")
    second = store.add(
        "INC900101",
        "kb",
        reviewer="luis",
        kb_id="KB-I",
        action="api|cambioiban",
        note="  la fila correcta ",
        incident=snapshot,
    )
    store.add("INC900102", Verdict.NOT_AUTOMATABLE, reviewer="ana")
    assert second.id > first.id and second.note == "la fila correcta"
    assert [r.reviewer for r in store.history("INC900101")] == ["ana", "luis"]
    latest = store.latest()
    assert sorted(latest) == ["INC900101", "INC900102"]
    assert latest["INC900101"].verdict is Verdict.KB
    assert store.get(second.id) == second and store.get(999) is None
    items, missing = export_gold(store)
    assert missing == ["INC900102"]
    (item,) = items
    assert item["esperado"]["kb_id"] == "KB-I" and item["incidencia"] == snapshot
    store.set_snapshot(latest["INC900102"].id, snapshot)
    assert export_gold(store)[1] == []
    store.close()


# --- the console's users and audit trail ---------------------------------------------------


def test_console_users_and_their_audit_trail(where: Where) -> None:
    store = UserStore(where("console.sqlite"))
    assert store.count() == 0 and store.get("ana") is None
    store.add("Ana", Role.REVIEWER, "una-clave-larga")
    with pytest.raises(UserError, match="already exists"):
        store.add("ana", Role.READER, "otra-clave-larga")
    assert store.authenticate("ana", "una-clave-larga") == store.get("ana")
    assert store.authenticate("ana", "otra-clave-larga") is None
    assert store.authenticate("nadie", "una-clave-larga") is None
    # replacing sets the new role and password in place: still one user
    store.add("ana", Role.APPROVER, "otra-clave-larga", replace=True)
    store.add("luis", "lector", "la-de-luis-123")
    assert [(u.name, u.role) for u in store.all()] == [
        ("ana", Role.APPROVER),
        ("luis", Role.READER),
    ]
    assert store.authenticate("ana", "una-clave-larga") is None
    assert store.authenticate("ana", "otra-clave-larga") is not None
    store.audit("ana", "signin")
    store.audit(None, "signin.refused", "nadie", "clave errónea")
    entries = store.audit_entries()
    assert [(e.user, e.action, e.object, e.detail) for e in entries] == [
        (None, "signin.refused", "nadie", "clave errónea"),
        ("ana", "signin", None, None),
    ]
    assert entries[0].id > entries[1].id
    store.close()
    again = UserStore(where("console.sqlite"))  # reopened: migrations already applied, data kept
    assert again.count() == 2 and len(again.audit_entries(limit=1)) == 1
    again.close()


def test_console_users_follow_database_url(postgres_url: str, tmp_path: Path) -> None:
    """With DATABASE_URL the console's users live in Postgres: a second console process (a
    second store) sees who the first one added, and no console.sqlite is written."""
    settings = load_settings(DATABASE_URL=postgres_url, DATA_DIR=tmp_path)
    first = open_users(settings, tmp_path / "console.sqlite")
    first.add("ana", Role.APPROVER, "una-clave-larga")
    second = open_users(settings)
    assert second.authenticate("ana", "una-clave-larga") is not None
    assert not (tmp_path / "console.sqlite").exists()
    first.close()
    second.close()
    local = open_users(load_settings(DATA_DIR=tmp_path))
    assert local.count() == 0 and (tmp_path / "console.sqlite").is_file()
    local.close()


# --- approvals ----------------------------------------------------------------------------


def _proposal(code: str = "INC900101") -> dict[str, Any]:
    return {
        "incident_id": code,
        "action": "api|cambioiban",
        "action_type": "api|cambioiban",
        "kb_id": "KB-I",
        "params": {"poliza": "31186230", "nif": NIF, "iban": IBAN},
        "explanation": "Se cambiaría la cuenta de domiciliación.",
    }


def _approvals(where: Where, tmp_path: Path) -> Approvals:
    location = where("approvals.sqlite")
    return Approvals(location if isinstance(location, PostgresUrl) else tmp_path / "data")


def test_approvals_propose_decide_settle(where: Where, tmp_path: Path) -> None:
    store = _approvals(where, tmp_path)
    assert store.list_pending() == [] and store.waiting("INC900101") is None
    first = store.propose(
        thread_id="INC900101", interrupt_id="i1", run_id="r1", proposal=_proposal()
    )
    again = store.propose(
        thread_id="INC900101", interrupt_id="i1", run_id="r1", proposal=_proposal()
    )
    assert again.id == first.id  # idempotent per (thread, interrupt)
    newer = store.propose(
        thread_id="INC900101", interrupt_id="i2", run_id="r2", proposal=_proposal()
    )
    assert store.get(first.id).status == "superseded"
    assert [p.id for p in store.list_pending()] == [newer.id]

    # a second console (or the run) on the same store sees the same thing
    other = _approvals(where, tmp_path)
    with pytest.raises(ApprovalError, match="note"):
        other.reject(newer.id, "ana", "  ")
    approved = other.approve(newer.id, "ana", {"iban": "ES9121000418450200051332"})
    assert approved.status == "approved" and approved.decided_by == "ana"
    assert approved.decided_parameters is not None
    assert approved.decided_parameters["iban"] == "ES9121000418450200051332"
    with pytest.raises(ApprovalError, match="already approved by ana"):
        store.reject(newer.id, "luis", "no")
    waiting = store.waiting("INC900101")
    assert waiting is not None and waiting.id == newer.id
    assert store.settle("INC900101", "r3", "resolved") == [newer.id]
    assert store.settle("INC900101", "r3", "resolved") == []
    assert store.waiting("INC900101") is None
    events = [e.event for e in store.audit(newer.id)]
    assert events == ["proposed", "refused", "approved", "settled"] or events == [
        "proposed",
        "approved",
        "settled",
    ]
    assert [e.event for e in store.audit(first.id)] == ["proposed", "superseded"]
    assert [r.id for r in store.recent("approved")] == [newer.id]
    store.close()
    other.close()


# --- checkpoints --------------------------------------------------------------------------


def _saver(location: Location) -> RedactingSaver:
    serde = JsonPlusSerializer()
    if isinstance(location, PostgresUrl):
        return open_postgres_checkpoints(location, serde=serde)
    location.parent.mkdir(parents=True, exist_ok=True)
    return open_checkpoints(location, serde=serde)


def _close(saver: RedactingSaver) -> None:
    saver.conn.close()  # type: ignore[attr-defined]


def _stored(location: Location) -> tuple[bytes, list[tuple[str, Any]]]:
    """Everything the checkpoint store holds: its raw bytes, and (channel, value) of every
    stored value, deserialised."""
    serde = JsonPlusSerializer()
    if isinstance(location, Path):
        raw = b"".join(p.read_bytes() for p in (location, Path(f"{location}-wal")) if p.exists())
        import sqlite3

        conn = sqlite3.connect(location)
        found: list[tuple[str, Any]] = []
        for type_, blob in conn.execute("SELECT type, checkpoint FROM checkpoints"):
            found += list(serde.loads_typed((type_, blob))["channel_values"].items())
        for channel, type_, blob in conn.execute("SELECT channel, type, value FROM writes"):
            found.append((channel, serde.loads_typed((type_, blob))))
        conn.close()
        return raw, found
    with psycopg.connect(location.url) as pg:
        raw = b""
        found = []
        for (checkpoint,) in pg.execute("SELECT checkpoint FROM checkpoints"):
            raw += str(checkpoint).encode()
            found += list((checkpoint.get("channel_values") or {}).items())
        blobs = "SELECT channel, type, blob FROM checkpoint_blobs WHERE blob IS NOT NULL"
        for channel, type_, blob in pg.execute(blobs):
            raw += bytes(blob)
            found.append((channel, serde.loads_typed((type_, bytes(blob)))))
        for channel, type_, blob in pg.execute("SELECT channel, type, blob FROM checkpoint_writes"):
            raw += bytes(blob)
            found.append((channel, serde.loads_typed((type_, bytes(blob)))))
    return raw, found


@pytest.fixture
def harnesses() -> Iterator[list[Harness]]:
    opened: list[Harness] = []
    yield opened
    for harness in opened:
        harness.close()


def _harness(
    tmp_path: Path,
    opened: list[Harness],
    saver: RedactingSaver,
    incidents: list[dict[str, Any]],
    replies: list[Any],
    **kwargs: Any,
) -> Harness:
    h = build_harness(
        tmp_path,
        incidents,
        FakeChatModel(replies),
        kb=KB,
        components=["Pólizas"],
        checkpointer=saver,
        run_id=f"run{len(opened)}",
        **kwargs,
    )
    opened.append(h)
    return h


def test_a_checkpointed_thread_resumes_with_redaction_on_both(
    where: Where, tmp_path: Path, harnesses: list[Harness]
) -> None:
    """A run dies as the decided action is about to reach the target system: the store keeps
    the evidence and the decision verbatim and nothing else raw; a new process resumes the
    thread and sends the exact identifiers; the finished thread is deleted."""
    location = where("checkpoints.sqlite")
    first = _saver(location)
    h = _harness(tmp_path, harnesses, first, [incident()], [_reform(), _verdict(90)])
    h.ctx.target = CrashBeforeTarget(h.ctx.target)
    with pytest.raises(SystemExit):
        h.run()
    _close(first)
    raw, values = _stored(location)
    assert values and PHONE.encode() not in raw
    for channel, value in values:
        if channel not in KEEP_RAW:
            assert NIF not in str(value) and "0073 1846" not in str(value), channel
    assert [v for ch, v in values if ch == "identifiers"][-1]["nif"] == [NIF]
    assert any("[TELEFONO]" in str(v) for ch, v in values if ch == "incident")

    second = _saver(location)
    h2 = _harness(tmp_path, harnesses, second, [], [], store=h.store)
    out = h2.run()["INC900101"]
    assert out["outcome"] == "resolved"
    assert out["details"]["params"] == {"poliza": "31186230", "nif": NIF, "iban": IBAN}
    _close(second)
    raw, values = _stored(location)
    assert NIF.encode() not in raw and values == []  # the finished thread is gone


def test_earlier_checkpoints_are_scrubbed_once_the_evidence_exists(
    where: Where, tmp_path: Path, harnesses: list[Harness]
) -> None:
    location = where("checkpoints.sqlite")
    saver = _saver(location)
    # the model call after the evidence dies: the thread stays, with its history
    h = _harness(tmp_path, harnesses, saver, [incident()], [SystemExit("killed")])
    with pytest.raises(SystemExit):
        h.run()
    _close(saver)
    raw, values = _stored(location)
    assert PHONE.encode() not in raw
    assert [v for ch, v in values if ch == "identifiers"][-1]["nif"] == [NIF]
    assert all(PHONE not in str(value) for _, value in values)


def test_retention_keeps_unfinished_threads_until_they_are_old(
    where: Where, tmp_path: Path, harnesses: list[Harness]
) -> None:
    location = where("checkpoints.sqlite")
    saver = _saver(location)
    h = _harness(tmp_path, harnesses, saver, [incident()], [SystemExit("killed")])
    with pytest.raises(SystemExit):
        h.run()
    _close(saver)
    assert prune_threads(location, datetime.now(UTC) - timedelta(days=1)) == (0, 0)
    later = datetime.now(UTC) + timedelta(days=1)
    threads, size = prune_threads(location, later, dry_run=True)
    assert threads == 1 and size > 0
    assert _stored(location)[1]  # a dry run deletes nothing
    assert prune_threads(location, later)[0] == 1
    assert _stored(location)[1] == []
