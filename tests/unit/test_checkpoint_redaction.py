"""Checkpoints keep no raw personal data beyond what resuming a decided action needs, and a run
killed half-way still resumes with the exact identifiers (the real graph, fake model, mocks)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypedDict

import pytest
from langgraph.checkpoint.base import empty_checkpoint
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.graph import END, START, StateGraph
from langgraph.types import Command, interrupt

from adapters.checkpoints import (
    KEEP_RAW,
    RedactingSqliteSaver,
    open_checkpoints,
    prune_threads,
    redact_channel,
)
from adapters.incident_manager import Attachment
from adapters.ocr import OcrResult
from domain.policy import Step
from tests.fakes import FakeChatModel, kb_row
from tests.graph_support import Harness, build_harness
from tests.graph_support import reform as _reform
from tests.graph_support import verdict as _verdict

PHONE = "612 345 678"
NIF = "99118962W"
IBAN = "ES6409950042790000731846"
KB = [
    kb_row(
        "KB-I",
        "Cambio de la cuenta bancaria de domiciliación de los recibos de la póliza",
        "Pólizas",
        "Se actualiza la cuenta de domiciliación.",
        "api|cambioiban",
    )
]


def _incident(attachments: list[str] | None = None) -> dict[str, Any]:
    text = (
        "Quiero cambiar la cuenta de domiciliación de los recibos de la póliza 31186230. "
        f"Mi NIF es {NIF} y el nuevo IBAN ES64 0995 0042 7900 0073 1846. "
        f"Si hace falta, llamadme al {PHONE}."
    )
    entry = {
        "Fecha": "19/11/2026 09:00",
        "Autor": "rosa.vidal",
        "CodigoResolucion": "",
        "NotasResolucion": "",
        "buzonComentario": "",
        "buzonAsignado": "SOPORTE_N1",
        "estado": "Abierta",
        "detalle": "Alta de la incidencia.",
        "adjuntos": attachments or [],
    }
    return {
        "codIncidencia": "INC900101",
        "buzon": "SOPORTE_N1",
        "titulo": "Cambio de cuenta bancaria",
        "solicitante": "rosa.vidal",
        "estado": "Abierta",
        "apertura": "19/11/2026 09:00",
        "prioridad": "Media",
        "descripcion": text,
        "historial": [entry],
    }


class CrashBeforeTarget:
    """The process dies as the decided action is about to reach the target system."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def comprobacion(self, *args: Any, **kwargs: Any) -> Any:
        raise SystemExit("killed before the side effect")


class Screenshots:
    """Serves any attachment as a few bytes (the OCR double reads them)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def fetch_attachment(self, name_or_url: str) -> Attachment:
        return Attachment(name_or_url, name_or_url, "image/png", b"png")


class Ocr:
    """An OCR double that can die while reading (the run is killed mid-evidence)."""

    def __init__(self, *, crash: bool) -> None:
        self.crash = crash

    def read(self, data: bytes, name: str = "adjunto") -> OcrResult:
        if self.crash:
            raise SystemExit("killed while reading a screenshot")
        return OcrResult("Error al guardar la cuenta", "0" * 64, "PNG", cached=False)


@pytest.fixture
def harnesses() -> Iterator[list[Harness]]:
    opened: list[Harness] = []
    yield opened
    for harness in opened:
        harness.close()


def _harness(
    tmp_path: Path,
    opened: list[Harness],
    saver: RedactingSqliteSaver,
    incidents: list[dict[str, Any]],
    replies: list[Any],
    **kwargs: Any,
) -> Harness:
    run_id = f"run{len(opened)}"
    h = build_harness(
        tmp_path,
        incidents,
        FakeChatModel(replies),
        kb=KB,
        components=["Pólizas"],
        checkpointer=saver,
        run_id=run_id,
        **kwargs,
    )
    opened.append(h)
    return h


def _rows(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """(channel, value) of every checkpoint and write in the file, deserialised."""
    conn = sqlite3.connect(path)
    saver = SqliteSaver(conn)
    found: list[tuple[str, dict[str, Any]]] = []
    for type_, blob in conn.execute("SELECT type, checkpoint FROM checkpoints"):
        checkpoint = saver.serde.loads_typed((type_, blob))
        found += list(checkpoint["channel_values"].items())
    for channel, type_, blob in conn.execute("SELECT channel, type, value FROM writes"):
        found.append((channel, saver.serde.loads_typed((type_, blob))))
    conn.close()
    return found


def _file_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def test_a_decided_action_resumes_with_the_exact_identifiers(
    tmp_path: Path, harnesses: list[Harness]
) -> None:
    db = tmp_path / "checkpoints.sqlite"
    first = open_checkpoints(db)
    h = _harness(tmp_path, harnesses, first, [_incident()], [_reform(), _verdict(90)])
    h.ctx.target = CrashBeforeTarget(h.ctx.target)
    with pytest.raises(SystemExit):
        h.run()
    # What the dead run left (its write-ahead log included, as after a kill -9): the evidence
    # and the decision verbatim, nothing else raw.
    assert PHONE.encode() not in _file_bytes(db)
    rows = _rows(db)
    assert rows
    for channel, value in rows:
        if channel not in KEEP_RAW:
            assert NIF not in str(value) and "0073 1846" not in str(value), channel
    first.conn.close()
    incident_values = [v for ch, v in rows if ch == "incident"]
    assert incident_values and all(PHONE not in str(v) for v in incident_values)
    assert any("[TELEFONO]" in str(v) for v in incident_values)

    # A new process resumes the thread: the target gets the real NIF and IBAN.
    second = open_checkpoints(db)
    h2 = _harness(tmp_path, harnesses, second, [], [], store=h.store)
    out = h2.run()["INC900101"]
    assert out["outcome"] == "resolved"
    assert out["details"]["params"] == {"poliza": "31186230", "nif": NIF, "iban": IBAN}
    assert "actualizada a ES64 **** 1846" in h2.incident("INC900101")["historial"][-1]["detalle"]
    second.conn.close()
    assert NIF.encode() not in _file_bytes(db)  # the finished thread is gone


class CrashAfterUpdate:
    """The process dies right after the incident manager made the change, before the node that
    sent it returns."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def update(self, *args: Any, **kwargs: Any) -> Any:
        self.inner.update(*args, **kwargs)
        raise SystemExit("killed right after the change")


def test_a_change_repeated_after_a_kill_has_the_same_key_although_the_history_is_redacted(
    tmp_path: Path, harnesses: list[Harness]
) -> None:
    """The idempotency key names the history the decision was taken on: a resumed run, whose
    checkpoint holds the incident redacted (its last entry's author is an e-mail address),
    sends the same request under the same key, and the change is made once."""
    incident = _incident()
    incident["historial"][-1]["Autor"] = "rosa.vidal@example.com"
    db = tmp_path / "checkpoints.sqlite"
    first = open_checkpoints(db)
    h = _harness(
        tmp_path,
        harnesses,
        first,
        [incident],
        [_reform(), _verdict(90)],
        incidents_proxy=CrashAfterUpdate,
    )
    with pytest.raises(SystemExit):
        h.run()
    first.conn.close()
    assert not any("rosa.vidal@example.com" in str(v) for ch, v in _rows(db) if ch == "incident")

    second = open_checkpoints(db)
    h2 = _harness(tmp_path, harnesses, second, [], [], store=h.store)
    assert h2.run()["INC900101"]["outcome"] == "resolved"
    second.conn.close()
    rows = h2.incidents._http.request_json("GET", "/api/_requests")
    patches = [(r["idempotency_key"], r["body"]) for r in rows if r["method"] == "PATCH"]
    assert len(patches) == 2 and len(set(patches)) == 1  # the same request, repeated
    history = h2.incident("INC900101")["historial"]
    assert sum(e["Autor"] == "resolvia" for e in history) == 1


def test_a_run_killed_while_reading_screenshots_resumes_with_the_raw_incident(
    tmp_path: Path, harnesses: list[Harness]
) -> None:
    db = tmp_path / "checkpoints.sqlite"
    first = open_checkpoints(db)
    h = _harness(
        tmp_path,
        harnesses,
        first,
        [_incident(["captura.png"])],
        [],
        incidents_proxy=Screenshots,
    )
    h.ctx.ocr = Ocr(crash=True)  # type: ignore[assignment]
    with pytest.raises(SystemExit):
        h.run()
    first.conn.close()
    # Before its evidence exists the incident is kept as it is: the resumed run needs it.
    assert any(PHONE in str(v) for ch, v in _rows(db) if ch in ("incident", "__start__"))

    second = open_checkpoints(db)
    h2 = _harness(
        tmp_path,
        harnesses,
        second,
        [],
        [_reform(), _verdict(90)],
        store=h.store,
        incidents_proxy=Screenshots,
    )
    h2.ctx.ocr = Ocr(crash=False)  # type: ignore[assignment]
    out = h2.run()["INC900101"]
    assert out["outcome"] == "resolved"
    assert out["details"]["params"] == {"poliza": "31186230", "nif": NIF, "iban": IBAN}
    second.conn.close()
    assert PHONE.encode() not in _file_bytes(db)


def test_once_the_evidence_exists_earlier_checkpoints_are_scrubbed(
    tmp_path: Path, harnesses: list[Harness]
) -> None:
    db = tmp_path / "checkpoints.sqlite"
    saver = open_checkpoints(db)
    # the model call after the evidence dies: the thread stays, with its history
    h = _harness(tmp_path, harnesses, saver, [_incident()], [SystemExit("killed")])
    with pytest.raises(SystemExit):
        h.run()
    assert PHONE.encode() not in _file_bytes(db)  # the write-ahead log included
    rows = _rows(db)
    assert [v for ch, v in rows if ch == "identifiers"][-1]["nif"] == [NIF]
    for channel, value in rows:
        assert PHONE not in str(value), channel
    saver.conn.close()


def test_redaction_by_channel() -> None:
    incident = {"descripcion": f"llamadme al {PHONE}"}
    assert redact_channel("incident", incident, ready=False) == incident
    assert redact_channel("incident", incident, ready=True) == {
        "descripcion": "llamadme al [TELEFONO]"
    }
    assert redact_channel("text", f"NIF {NIF}", ready=False) == "NIF [NIF]"
    assert redact_channel("identifiers", {"nif": [NIF]}, ready=True) == {"nif": [NIF]}
    assert redact_channel("__start__", {"incident": incident}, ready=False) == {
        "incident": incident
    }
    error = redact_channel("__error__", ValueError(f"NIF {NIF} no válido"), ready=True)
    assert isinstance(error, ValueError) and str(error) == "NIF [NIF] no válido"


def test_a_thread_waiting_for_approval_survives_retention_and_resumes(tmp_path: Path) -> None:
    class State(TypedDict, total=False):
        text: str
        approved: bool

    def ask(state: State) -> dict[str, Any]:
        return {"approved": bool(interrupt({"pregunta": "¿aplicar?"}))}

    builder = StateGraph(State)
    builder.add_node("ask", ask)
    builder.add_edge(START, "ask")
    builder.add_edge("ask", END)
    db = tmp_path / "checkpoints.sqlite"
    saver = open_checkpoints(db)
    graph = builder.compile(checkpointer=saver)
    config: Any = {"configurable": {"thread_id": "INC-APROBAR"}}
    graph.invoke({"text": f"llamadme al {PHONE}"}, config)
    assert graph.get_state(config).next == ("ask",)
    saver.conn.close()

    later = datetime.now(UTC) + timedelta(days=400)
    assert prune_threads(db, later)[0] == 0  # kept: a person has yet to answer
    saver = open_checkpoints(db)
    graph = builder.compile(checkpointer=saver)
    assert graph.invoke(Command(resume=True), config)["approved"] is True
    saver.conn.close()


def test_the_redacting_saver_uses_the_serializer_it_is_given(tmp_path: Path) -> None:
    serde = JsonPlusSerializer(allowed_msgpack_modules=[Step])
    saver = open_checkpoints(tmp_path / "c.sqlite", serde=serde)
    assert saver.serde is serde
    checkpoint = empty_checkpoint()
    checkpoint["channel_values"] = {"policy": {"step": Step.ACT}, "text": f"NIF {NIF}"}
    config: Any = {"configurable": {"thread_id": "T", "checkpoint_ns": ""}}
    saver.put(config, checkpoint, {"source": "loop", "step": 1, "parents": {}}, {})
    loaded = saver.get_tuple({"configurable": {"thread_id": "T"}})
    assert loaded is not None
    assert loaded.checkpoint["channel_values"] == {
        "policy": {"step": Step.ACT},
        "text": "NIF [NIF]",
    }
    assert loaded.checkpoint["channel_values"]["policy"]["step"] is Step.ACT
    saver.conn.close()


def test_a_persons_answer_to_an_interrupt_is_kept_verbatim() -> None:
    answer = {"approved": True, "params": {"iban": IBAN}, "note": f"NIF {NIF} comprobado"}
    assert redact_channel("__resume__", answer, ready=True) == answer
