"""Supervised mode: actions that wait for a person, and what people decided about them.

With ``SUPERVISION`` set to ``aprobar`` for an action type, the graph stops before the side
effect (a LangGraph ``interrupt`` in :mod:`nodes.await_approval`, checkpointed in the incident's
thread). The runner writes the proposed action here; a person approves it (optionally editing
its parameters, validated like the engine's own) or rejects it with a note, from the CLI
(``resolvia approvals | approve | reject``) or the console; the next run resumes the thread with
the decision (``Command(resume=...)``) and the action is applied once, or the incident is
escalated with the reviewer's note.

The interface the console uses::

    approvals = Approvals(settings)            # or Approvals(data_dir)
    approvals.list_pending() -> list[PendingApproval]
    approvals.approve(id, user, params=None) -> ApprovalRecord
    approvals.reject(id, user, note) -> ApprovalRecord

``DATA_DIR/approvals.sqlite`` holds ``approvals`` (one row per proposed action: what, why, its
status ``pending | approved | rejected | superseded``, who decided and when, and which run
applied it with what outcome) and ``approval_audit`` (every event, in order: proposed, approved,
rejected, refused, superseded, settled). The parameters are stored as the engine will send
them (a NIF, an IBAN): the approver must see them to judge; the audit keeps only their names
and redacted values. Nothing is created on disk until the first action is proposed.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from adapters.sqlite_migrations import Migration, migrate
from config import Settings
from domain.actions import ALLOWED_ACTIONS, PARAM_LABELS
from domain.validators import iban_is_valid
from errors import ResolviaError
from mocks.rules.params import normalize
from observability.redaction import redact_value

FILE_NAME = "approvals.sqlite"

MIGRATIONS = [
    Migration(
        "001_approvals",
        """
    CREATE TABLE approvals (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_id TEXT NOT NULL,
        -- the LangGraph thread that waits, and the interrupt it waits in
        thread_id TEXT NOT NULL,
        interrupt_id TEXT NOT NULL,
        run_id TEXT NOT NULL,
        action TEXT NOT NULL,
        action_type TEXT NOT NULL,
        kb_id TEXT,
        mailbox TEXT,
        parameters TEXT NOT NULL,
        proposal TEXT NOT NULL,
        explanation TEXT NOT NULL,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        decided_by TEXT,
        decided_at TEXT,
        decided_parameters TEXT,
        note TEXT,
        -- the run that resumed the thread with the decision, and what came of it
        settled_run_id TEXT,
        settled_at TEXT,
        outcome TEXT,
        UNIQUE (thread_id, interrupt_id)
    );
    CREATE INDEX approvals_status ON approvals (status, id);
    CREATE INDEX approvals_thread ON approvals (thread_id, id);
    CREATE TABLE approval_audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        approval_id INTEGER NOT NULL REFERENCES approvals (id),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        event TEXT NOT NULL,
        detail TEXT
    );
    CREATE INDEX approval_audit_approval ON approval_audit (approval_id, id);
    """,
    ),
]

Status = Literal["pending", "approved", "rejected", "superseded"]
#: the actor of the engine's own audit entries
ENGINE = "resolvia"
PLAIN_ACTION_TYPES = ("cierre", "reasignacion", "en espera")


class ApprovalError(ResolviaError):
    """An approval that does not exist, was already decided, or a decision that is not valid
    (bad parameters, no note on a rejection)."""


@dataclass(frozen=True)
class PendingApproval:
    """An action waiting for a person (what the console's «Aprobaciones» page lists)."""

    id: int
    incident_id: str
    #: the knowledge-base row's action: ``cierre``, ``reasignacion``, ``en espera``,
    #: ``api|<code>``
    action: str
    kb_id: str | None
    #: what the action will be sent with (``api|`` actions; empty for the others)
    parameters: dict[str, str]
    created_at: str
    #: the run that stopped before the action
    run_id: str
    #: for people (Spanish): what would be done and why
    explanation: str
    #: the type the policy was looked up for: the action, or ``en espera`` when the engine
    #: would ask the requester for a missing identifier
    action_type: str = ""
    #: where a ``reasignacion`` would send the incident
    mailbox: str | None = None
    #: the parameters a person may change (``api|`` actions): name -> what it is, in Spanish
    editable: dict[str, str] = field(default_factory=dict)
    #: everything the engine proposed: the row's description and solution text, the confidence,
    #: the message to the requester when it asks for data
    proposal: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ApprovalRecord(PendingApproval):
    """An approval with its decision (returned by :meth:`Approvals.approve` / ``reject``)."""

    status: Status = "pending"
    decided_by: str | None = None
    decided_at: str | None = None
    #: the parameters approved (the proposed ones with the person's edits)
    decided_parameters: dict[str, str] | None = None
    note: str | None = None
    settled_run_id: str | None = None
    settled_at: str | None = None
    #: the incident's outcome in the run that resumed it (``resolved``, ``escalated``...)
    outcome: str | None = None
    thread_id: str = ""

    @property
    def decided(self) -> bool:
        return self.status in ("approved", "rejected")

    def resume_value(self) -> dict[str, Any]:
        """What the waiting thread is resumed with (``Command(resume=...)``)."""
        if not self.decided:
            raise ApprovalError(f"approval {self.id} has no decision yet ({self.status})")
        return {
            "approval_id": self.id,
            "approved": self.status == "approved",
            "user": self.decided_by,
            "decided_at": self.decided_at,
            "note": self.note,
            "params": self.decided_parameters,
        }


@dataclass(frozen=True)
class AuditEntry:
    approval_id: int
    at: str
    actor: str
    event: str
    detail: dict[str, Any]


def editable_parameters(action: str) -> dict[str, str]:
    """The parameters a person may change for ``action`` (name -> description)."""
    spec = ALLOWED_ACTIONS.get(action.removeprefix("api|")) if action.startswith("api|") else None
    return {} if spec is None else {name: PARAM_LABELS.get(name, name) for name in spec.required}


def validate_parameters(
    action: str, proposed: Mapping[str, str], edits: Mapping[str, Any] | None
) -> dict[str, str]:
    """The parameters an approved ``action`` is sent with: ``proposed`` with ``edits`` applied,
    each edit checked with the allow-list (:data:`domain.actions.ALLOWED_ACTIONS`: only the
    action's own parameters) and the target system's rules for its value (ACCIONES_API.md
    §2.1, :mod:`mocks.rules.params`; an IBAN's check digits too). Raises
    :class:`ApprovalError` naming every refused parameter."""
    edits = dict(edits or {})
    if not edits:
        return dict(proposed)
    allowed = editable_parameters(action)
    if not allowed:
        raise ApprovalError(f"{action} takes no parameters: nothing to edit")
    problems = []
    clean: dict[str, str] = {}
    for name, raw in edits.items():
        if name not in allowed:
            problems.append(f"{name!r} is not a parameter of {action} (it takes {sorted(allowed)})")
            continue
        value = normalize(name, raw)
        if value is not None and name == "iban" and not iban_is_valid(value):
            value = None
        if value is None:
            problems.append(f"{name}={raw!r} is not a valid value: expected {allowed[name]}")
            continue
        clean[name] = value
    if problems:
        raise ApprovalError("refused parameters: " + "; ".join(problems))
    merged = {**proposed, **clean}
    missing = [name for name in allowed if not merged.get(name)]
    if missing:
        raise ApprovalError(f"{action} still lacks {', '.join(missing)}: give them with --param")
    return merged


def supervision_policy(settings: Settings) -> dict[str, str]:
    """The autonomy of every action type (``auto`` / ``aprobar`` / ``nunca``), for display."""
    types = [*PLAIN_ACTION_TYPES, *(f"api|{code}" for code in sorted(ALLOWED_ACTIONS))]
    return {action: settings.supervision_for(action) for action in types}


class Approvals:
    """The approvals store under a data directory (``Settings`` or its ``DATA_DIR``; a path
    ending in ``.sqlite`` is taken as the file itself). Safe to share between threads; several
    processes (a run, the console) may use the same file."""

    def __init__(self, source: Settings | Path | str) -> None:
        if isinstance(source, Settings):
            path = source.DATA_DIR / FILE_NAME
        else:
            path = Path(source)
            path = path if path.suffix == ".sqlite" else path / FILE_NAME
        self.path = path
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    # --- what people use ------------------------------------------------------------------

    def list_pending(self) -> list[PendingApproval]:
        """Actions waiting for a decision, oldest first."""
        return [_pending(r) for r in self._select("WHERE status = 'pending' ORDER BY id")]

    def recent(self, status: Status | None = None, limit: int = 200) -> list[ApprovalRecord]:
        """Approvals, newest first (all, or those with ``status``)."""
        where = "" if status is None else "WHERE status = ?"
        args: tuple[Any, ...] = () if status is None else (status,)
        return self._select(f"{where} ORDER BY id DESC LIMIT ?", (*args, limit))

    def get(self, approval: int | str) -> ApprovalRecord:
        """One approval by id, or the latest one of an incident code."""
        text = str(approval).strip()
        if text.isdigit():
            rows = self._select("WHERE id = ?", (int(text),))
        else:
            rows = self._select("WHERE incident_id = ? ORDER BY id DESC LIMIT 1", (text,))
        if not rows:
            raise ApprovalError(f"no approval {approval!r} (see `resolvia approvals`)")
        return rows[0]

    def approve(
        self, approval: int | str, user: str, params: Mapping[str, Any] | None = None
    ) -> ApprovalRecord:
        """Approve a pending action, optionally with edited parameters (validated like the
        engine's: :func:`validate_parameters`). The next run applies it."""
        user = _user(user)
        record = self._pending_record(approval)
        try:
            if params and not record.editable:
                raise ApprovalError(
                    f"approval {record.id} ({record.action_type}) has no parameters to edit"
                )
            final = validate_parameters(record.action, record.parameters, params)
        except ApprovalError as exc:
            self._audit(record.id, user, "refused", {"error": str(exc)})
            raise
        edited = sorted(k for k in final if final[k] != record.parameters.get(k))
        detail = {"edited": {k: redact_value(final[k]) for k in edited}}
        return self._decide(record, user, "approved", detail, decided=final, note=None)

    def reject(self, approval: int | str, user: str, note: str) -> ApprovalRecord:
        """Reject a pending action with a note (required): the next run escalates the incident
        with the reason and the note."""
        user = _user(user)
        note = (note or "").strip()
        if not note:
            raise ApprovalError("a rejection needs a note saying why (--note)")
        record = self._pending_record(approval)
        return self._decide(record, user, "rejected", {"note": note}, decided=None, note=note)

    def audit(self, approval: int | str) -> list[AuditEntry]:
        """Every event of one approval, oldest first."""
        record = self.get(approval)
        with self._connection(create=False) as db:
            if db is None:
                return []
            rows = db.execute(
                "SELECT approval_id, at, actor, event, detail FROM approval_audit"
                " WHERE approval_id = ? ORDER BY id",
                (record.id,),
            ).fetchall()
        return [AuditEntry(r[0], r[1], r[2], r[3], json.loads(r[4] or "{}")) for r in rows]

    # --- what the engine uses -------------------------------------------------------------

    def propose(
        self, *, thread_id: str, interrupt_id: str, run_id: str, proposal: Mapping[str, Any]
    ) -> ApprovalRecord:
        """Record an action the engine stopped before (the interrupt's ``proposal``, from
        :func:`nodes.supervise.proposal_for`). Idempotent per (thread, interrupt); an older
        pending approval of the same incident is superseded by the new one."""
        now = _now()
        with self._write() as db:
            found = db.execute(
                "SELECT id FROM approvals WHERE thread_id = ? AND interrupt_id = ?",
                (thread_id, interrupt_id),
            ).fetchone()
            if found is None:
                cursor = db.execute(
                    "INSERT INTO approvals (incident_id, thread_id, interrupt_id, run_id, action,"
                    " action_type, kb_id, mailbox, parameters, proposal, explanation, created_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        str(proposal["incident_id"]),
                        thread_id,
                        interrupt_id,
                        run_id,
                        str(proposal["action"]),
                        str(proposal.get("action_type") or proposal["action"]),
                        proposal.get("kb_id"),
                        proposal.get("mailbox"),
                        json.dumps(proposal.get("params") or {}, ensure_ascii=False),
                        json.dumps(dict(proposal), ensure_ascii=False),
                        str(proposal.get("explanation") or ""),
                        now,
                    ),
                )
                new_id = int(cursor.lastrowid or 0)
                _audit_row(db, new_id, ENGINE, "proposed", {"run_id": run_id}, now)
                older = db.execute(
                    "SELECT id FROM approvals WHERE incident_id = ? AND status = 'pending'"
                    " AND id != ?",
                    (str(proposal["incident_id"]), new_id),
                ).fetchall()
                for (old_id,) in older:
                    db.execute("UPDATE approvals SET status = 'superseded' WHERE id = ?", (old_id,))
                    _audit_row(db, old_id, ENGINE, "superseded", {"by": new_id}, now)
                found = (new_id,)
        return self.get(found[0])

    def waiting(self, thread_id: str) -> ApprovalRecord | None:
        """The approval a waiting thread needs: pending (no decision yet) or decided and not
        yet applied; None when the store has none (it was never written: ask again)."""
        rows = self._select(
            "WHERE thread_id = ? AND status IN ('pending', 'approved', 'rejected')"
            " AND settled_at IS NULL ORDER BY id DESC LIMIT 1",
            (thread_id,),
        )
        return rows[0] if rows else None

    def settle(self, thread_id: str, run_id: str, outcome: str) -> list[int]:
        """The run ``run_id`` resumed the thread and the incident ended in ``outcome``: mark its
        decided approvals as done. Returns their ids (none without a decided approval)."""
        with self._connection(create=False) as db:
            if db is None:
                return []
            query = (
                "SELECT id FROM approvals WHERE thread_id = ? AND settled_at IS NULL"
                " AND status IN ('approved', 'rejected')"
            )
            if db.execute(query, (thread_id,)).fetchone() is None:
                return []  # the usual case: no write transaction for nothing
            now = _now()
            with _immediate(db):
                ids = [row[0] for row in db.execute(query, (thread_id,)).fetchall()]
                for approval_id in ids:
                    db.execute(
                        "UPDATE approvals SET settled_run_id = ?, settled_at = ?, outcome = ?"
                        " WHERE id = ?",
                        (run_id, now, outcome, approval_id),
                    )
                    detail = {"run_id": run_id, "outcome": outcome}
                    _audit_row(db, approval_id, ENGINE, "settled", detail, now)
        return ids

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def __enter__(self) -> Approvals:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- internals --------------------------------------------------------------------------

    @contextmanager
    def _connection(self, *, create: bool) -> Iterator[sqlite3.Connection | None]:
        """The open connection under the lock; None when the file does not exist and
        ``create`` is false (reading an empty store creates nothing)."""
        with self._lock:
            if self._db is None and (create or self.path.is_file()):
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(
                    self.path, timeout=30, check_same_thread=False, isolation_level=None
                )
                db.execute("PRAGMA journal_mode = WAL")
                migrate(db, MIGRATIONS)
                self._db = db
            yield self._db

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``): a decision is checked and written while
        no other process can decide the same approval. Creates the file if needed."""
        with self._connection(create=True) as db:
            assert db is not None
            with _immediate(db):
                yield db

    def _select(self, where: str, args: tuple[Any, ...] = ()) -> list[ApprovalRecord]:
        with self._connection(create=False) as db:
            if db is None:
                return []
            rows = db.execute(f"SELECT {_COLUMNS} FROM approvals {where}", args).fetchall()  # noqa: S608 - constant columns, callers' fixed clauses
        return [_record(row) for row in rows]

    def _pending_record(self, approval: int | str) -> ApprovalRecord:
        text = str(approval).strip()
        if not text.isdigit():  # an incident code: its pending approval
            rows = self._select(
                "WHERE incident_id = ? AND status = 'pending' ORDER BY id DESC LIMIT 1", (text,)
            )
            if rows:
                return rows[0]
        record = self.get(approval)
        if record.status != "pending":
            by = f" by {record.decided_by} at {record.decided_at}" if record.decided else ""
            raise ApprovalError(f"approval {record.id} is already {record.status}{by}")
        return record

    def _decide(
        self,
        record: ApprovalRecord,
        user: str,
        status: Status,
        detail: dict[str, Any],
        *,
        decided: dict[str, str] | None,
        note: str | None,
    ) -> ApprovalRecord:
        now = _now()
        with self._write() as db:
            changed = db.execute(
                "UPDATE approvals SET status = ?, decided_by = ?, decided_at = ?,"
                " decided_parameters = ?, note = ? WHERE id = ? AND status = 'pending'",
                (
                    status,
                    user,
                    now,
                    None if decided is None else json.dumps(decided, ensure_ascii=False),
                    note,
                    record.id,
                ),
            ).rowcount
            if changed:
                _audit_row(db, record.id, user, status, detail, now)
        if not changed:  # someone else decided it in the meantime
            current = self.get(record.id)
            raise ApprovalError(
                f"approval {record.id} is already {current.status}"
                + (f" by {current.decided_by} at {current.decided_at}" if current.decided else "")
            )
        return self.get(record.id)

    def _audit(self, approval_id: int, actor: str, event: str, detail: dict[str, Any]) -> None:
        with self._write() as db:
            _audit_row(db, approval_id, actor, event, detail, _now())


_COLUMNS = (
    "id, incident_id, action, kb_id, parameters, created_at, run_id, explanation, action_type,"
    " mailbox, proposal, status, decided_by, decided_at, decided_parameters, note,"
    " settled_run_id, settled_at, outcome, thread_id"
)


def _record(row: tuple[Any, ...]) -> ApprovalRecord:
    (id_, incident, action, kb_id, params, created, run_id, explanation, action_type) = row[:9]
    (mailbox, proposal, status, by, at, decided, note, s_run, s_at, outcome, thread) = row[9:]
    return ApprovalRecord(
        id=int(id_),
        incident_id=incident,
        action=action,
        kb_id=kb_id,
        parameters=json.loads(params),
        created_at=created,
        run_id=run_id,
        explanation=explanation,
        action_type=action_type,
        mailbox=mailbox,
        editable=editable_parameters(action) if action_type == action else {},
        proposal=json.loads(proposal),
        status=status,
        decided_by=by,
        decided_at=at,
        decided_parameters=None if decided is None else json.loads(decided),
        note=note,
        settled_run_id=s_run,
        settled_at=s_at,
        outcome=outcome,
        thread_id=thread,
    )


def _pending(record: ApprovalRecord) -> PendingApproval:
    fields = {name: getattr(record, name) for name in PendingApproval.__dataclass_fields__}
    return PendingApproval(**fields)


def _user(user: str) -> str:
    user = (user or "").strip()
    if not user:
        raise ApprovalError("who decides must be named (--user)")
    return user


def _audit_row(
    db: sqlite3.Connection,
    approval_id: int,
    actor: str,
    event: str,
    detail: dict[str, Any],
    at: str,
) -> None:
    db.execute(
        "INSERT INTO approval_audit (approval_id, at, actor, event, detail) VALUES (?,?,?,?,?)",
        (approval_id, at, actor, event, json.dumps(detail, ensure_ascii=False)),
    )


@contextmanager
def _immediate(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
