"""Knowledge-base proposals: the reviewable store and what accepting one does to the CSV.

``batch_mantenimiento_globales.py`` (:mod:`adapters.maintenance`) writes proposals here; people
decide on them with ``resolvia kb proposals | accept ID | reject ID`` or in the console's
"Propuestas de conocimiento" page, through the functions at the end of this module
(:func:`list_proposals`, :func:`get_proposal`, :func:`accept_proposal`, :func:`reject_proposal`).

Three kinds of proposal, never applied by themselves:

* ``nueva_fila``: a new row drafted from how people resolved a recurring problem;
* ``editar_fila``: a row reviewers keep marking as wrong, with the change they suggest (or none:
  then accepting needs ``--edit``);
* ``fusionar_filas``: two near-duplicate rows; accepting removes the second one.

Accepting one backs the knowledge-base file up (a timestamped copy under
``DATA_DIR/kb_backups``), changes only the lines of the rows concerned (a new row is appended
with the next free ``KB-NNNN`` id; every other byte of the file stays as it was), checks the
result with the loader, and re-indexes incrementally (only the changed row is embedded) when
the live index was built from that same file. Who decided, when and what is kept in the store's
audit table. Personal data is redacted before anything is stored here.

Decisions take a lock on the data directory (one at a time, CLI and console alike), and are
refused without writing anything when the proposal was already decided
(:class:`AlreadyDecidedError`), when the knowledge base changed since it was made
(:class:`KBChangedError`: its row is gone or edited, or the new row is already there) or when
the result would not validate (:class:`InvalidChangeError`). :func:`preview_proposal` shows
what accepting would do, through the same checks, without writing.
"""

from __future__ import annotations

import csv
import difflib
import fcntl
import io
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import structlog

from adapters.knowledge_base import (
    COLUMNS,
    KB_FILE_NAME,
    KBRow,
    LoadResult,
    _canonical_header,
    _header_delimiter,
    derive_id,
    load_kb,
    parse_kb,
)
from adapters.sqlite_migrations import Migration, open_store
from config import Settings
from domain.text import fold
from errors import ResolviaError
from observability.redaction import redact, redact_value

log = structlog.get_logger(__name__)

MIGRATIONS = [
    Migration(
        "001_create_proposals",
        """
    CREATE TABLE proposals (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        title TEXT NOT NULL,
        row_json TEXT,
        target_ids_json TEXT NOT NULL DEFAULT '[]',
        evidence_json TEXT NOT NULL DEFAULT '{}',
        run_id TEXT,
        created_at TEXT NOT NULL,
        decided_by TEXT,
        decided_at TEXT,
        note TEXT NOT NULL DEFAULT '',
        result_json TEXT
    );
    CREATE INDEX proposals_status ON proposals (status, id);
    CREATE INDEX proposals_fingerprint ON proposals (fingerprint);
    CREATE TABLE proposal_audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        proposal_id INTEGER NOT NULL,
        action TEXT NOT NULL,
        user TEXT NOT NULL,
        at TEXT NOT NULL,
        detail_json TEXT
    );
    """,
    ),
]

#: the store's file under DATA_DIR
STORE_FILE = "kb_proposals.sqlite"
BACKUP_DIR = "kb_backups"
_KB_NUMBER = re.compile(r"^KB-(\d+)$")


class ProposalKind(StrEnum):
    NEW_ROW = "nueva_fila"
    EDIT_ROW = "editar_fila"
    MERGE_ROWS = "fusionar_filas"


class ProposalStatus(StrEnum):
    PROPOSED = "propuesta"
    ACCEPTED = "aceptada"
    REJECTED = "rechazada"


class ProposalError(ResolviaError):
    """A proposal that cannot be decided as asked (unknown id, already decided, bad edit...)."""


class UnknownProposalError(ProposalError):
    """No proposal has that number."""


class AlreadyDecidedError(ProposalError):
    """The proposal was accepted or rejected before: it cannot be decided again."""


class KBChangedError(ProposalError):
    """The knowledge base changed since the proposal was made (its row is gone or was edited,
    or the row it would add is already there): nothing was written; reject it or mine again."""


class InvalidChangeError(ProposalError):
    """Accepting as asked would write an invalid file (or change nothing): nothing was written."""


#: ``--edit`` field names: the CSV's columns, or these short lower-case names
FIELD_ALIASES = {
    "componente": "COMPONENTE",
    "descripcion": "DESCRIPCION",
    "tipo": "TIPO INCIDENCIA",
    "tipo_incidencia": "TIPO INCIDENCIA",
    "solucion": "SOLUCIÓN",
    "fecha": "FECHA DE RESOLUCIÓN",
    "fecha_resolucion": "FECHA DE RESOLUCIÓN",
    "accion": "RESOLUCION AUTOMÁTICA",
    "resolucion_automatica": "RESOLUCION AUTOMÁTICA",
    "buzon": "BUZON REASIGNACION",
    "buzon_reasignacion": "BUZON REASIGNACION",
}


@dataclass(frozen=True)
class ProposalDraft:
    """A proposal before it is stored (the maintenance job builds these)."""

    kind: ProposalKind
    title: str
    #: what identifies the same proposal in a later run (kind + rows / incidents concerned)
    fingerprint: str
    #: nueva_fila: the new row's CSV fields (COLUMNS); editar_fila: the suggested changes
    row: dict[str, str] | None = None
    #: editar_fila: [the row]; fusionar_filas: [row kept, row removed]
    target_ids: list[str] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Proposal:
    """A stored proposal."""

    id: int
    kind: ProposalKind
    status: ProposalStatus
    fingerprint: str
    title: str
    row: dict[str, str] | None
    target_ids: list[str]
    evidence: dict[str, Any]
    run_id: str | None
    created_at: str
    decided_by: str | None
    decided_at: str | None
    note: str
    #: after acceptance: the row id written, the backup, what the re-index did
    result: dict[str, Any] | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "status": self.status.value,
            "title": self.title,
            "row": self.row,
            "target_ids": self.target_ids,
            "evidence": self.evidence,
            "run_id": self.run_id,
            "created_at": self.created_at,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at,
            "note": self.note,
            "result": self.result,
        }


class ProposalStore:
    """Proposals in SQLite (thread-safe: the console serves requests from a thread pool)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = open_store(path, MIGRATIONS)

    @classmethod
    def for_settings(cls, settings: Settings) -> ProposalStore:
        return cls(settings.DATA_DIR / STORE_FILE)

    def __enter__(self) -> ProposalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def known(self, fingerprint: str) -> Proposal | None:
        """The latest proposal with this fingerprint, whatever its status."""
        with self._lock:
            row = self._db.execute(
                f"{_SELECT} WHERE fingerprint = ? ORDER BY id DESC LIMIT 1", (fingerprint,)
            ).fetchone()
        return None if row is None else _proposal(row)

    def add(self, draft: ProposalDraft, *, run_id: str | None = None) -> Proposal | None:
        """Store ``draft`` (personal data redacted); None when the same proposal is already
        waiting or was rejected (a rejected proposal is not offered again)."""
        previous = self.known(draft.fingerprint)
        if previous is not None and previous.status is not ProposalStatus.ACCEPTED:
            return None
        with self._lock, self._db:
            cursor = self._db.execute(
                "INSERT INTO proposals (kind, status, fingerprint, title, row_json,"
                " target_ids_json, evidence_json, run_id, created_at)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    draft.kind.value,
                    ProposalStatus.PROPOSED.value,
                    draft.fingerprint,
                    redact(draft.title),
                    _dumps(redact_value(draft.row)) if draft.row is not None else None,
                    _dumps(draft.target_ids),
                    _dumps(redact_value(draft.evidence)),
                    run_id,
                    _now(),
                ),
            )
            proposal_id = int(cursor.lastrowid or 0)
        self.audit(proposal_id, "propose", "batch_mantenimiento_globales", {"run_id": run_id})
        proposal = self.get(proposal_id)
        assert proposal is not None
        return proposal

    def get(self, proposal_id: int) -> Proposal | None:
        with self._lock:
            row = self._db.execute(f"{_SELECT} WHERE id = ?", (proposal_id,)).fetchone()
        return None if row is None else _proposal(row)

    def proposals(self, status: ProposalStatus | str | None = None) -> list[Proposal]:
        """Proposals, oldest first; only those of ``status`` when given."""
        with self._lock:
            if status is None:
                rows = self._db.execute(f"{_SELECT} ORDER BY id").fetchall()
            else:
                rows = self._db.execute(
                    f"{_SELECT} WHERE status = ? ORDER BY id", (ProposalStatus(status).value,)
                ).fetchall()
        return [_proposal(r) for r in rows]

    def decide(
        self,
        proposal_id: int,
        status: ProposalStatus,
        user: str,
        *,
        note: str = "",
        result: Mapping[str, Any] | None = None,
    ) -> Proposal:
        """Record a decision on a waiting proposal (and audit it)."""
        with self._lock, self._db:
            changed = self._db.execute(
                "UPDATE proposals SET status = ?, decided_by = ?, decided_at = ?, note = ?,"
                " result_json = ? WHERE id = ? AND status = ?",
                (
                    status.value,
                    user,
                    _now(),
                    redact(note.strip()),
                    _dumps(dict(result)) if result is not None else None,
                    proposal_id,
                    ProposalStatus.PROPOSED.value,
                ),
            ).rowcount
        if not changed:
            raise AlreadyDecidedError(f"proposal {proposal_id} is not waiting for a decision")
        action = "accept" if status is ProposalStatus.ACCEPTED else "reject"
        self.audit(proposal_id, action, user, {"note": redact(note), **(result or {})})
        log.info("kb_proposal.decided", proposal=proposal_id, status=status.value, user=user)
        proposal = self.get(proposal_id)
        assert proposal is not None
        return proposal

    def audit(
        self, proposal_id: int, action: str, user: str, detail: Mapping[str, Any] | None
    ) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO proposal_audit (proposal_id, action, user, at, detail_json)"
                " VALUES (?,?,?,?,?)",
                (proposal_id, action, user, _now(), _dumps(dict(detail or {}))),
            )

    def audit_entries(self, proposal_id: int | None = None) -> list[dict[str, Any]]:
        """Who did what to which proposal, oldest first."""
        sql = "SELECT proposal_id, action, user, at, detail_json FROM proposal_audit"
        args: tuple[Any, ...] = ()
        if proposal_id is not None:
            sql, args = sql + " WHERE proposal_id = ?", (proposal_id,)
        with self._lock:
            rows = self._db.execute(sql + " ORDER BY id", args).fetchall()
        return [
            {"proposal_id": r[0], "action": r[1], "user": r[2], "at": r[3], **json.loads(r[4])}
            for r in rows
        ]


_SELECT = (
    "SELECT id, kind, status, fingerprint, title, row_json, target_ids_json, evidence_json,"
    " run_id, created_at, decided_by, decided_at, note, result_json FROM proposals"
)


def _proposal(row: tuple[Any, ...]) -> Proposal:
    return Proposal(
        id=int(row[0]),
        kind=ProposalKind(row[1]),
        status=ProposalStatus(row[2]),
        fingerprint=row[3],
        title=row[4],
        row=json.loads(row[5]) if row[5] else None,
        target_ids=json.loads(row[6]),
        evidence=json.loads(row[7]),
        run_id=row[8],
        created_at=row[9],
        decided_by=row[10],
        decided_at=row[11],
        note=row[12] or "",
        result=json.loads(row[13]) if row[13] else None,
    )


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --- editing the CSV -------------------------------------------------------------------------


@dataclass
class KBFile:
    """A knowledge-base file as bytes we can change line by line without touching the rest."""

    path: Path
    encoding: str
    bom: bool
    #: the physical lines, each with its own line ending
    lines: list[str]
    newline: str
    delimiter: str
    #: the header's column names, canonical (``ID``, ``COMPONENTE``...)
    header: list[str]
    #: lines before the header (an Excel ``sep=`` line): 0 or 1
    offset: int

    @classmethod
    def read(cls, path: Path) -> KBFile:
        raw = path.read_bytes()
        try:
            text, encoding = raw.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = raw.decode("cp1252"), "cp1252"
        lines = re.findall(r"[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$", text)
        newline = "\r\n" if "\r\n" in text else "\n"
        offset = 1 if lines and re.match(r"(?i)^sep=.$", lines[0].strip()) else 0
        header_line = lines[offset].rstrip("\r\n") if len(lines) > offset else ""
        delimiter = lines[0].strip()[4] if offset else _header_delimiter(header_line)
        header = [
            _canonical_header(h) for h in next(csv.reader([header_line], delimiter=delimiter))
        ]
        while header and not header[-1]:
            header.pop()
        return cls(
            path,
            encoding,
            raw.startswith(b"\xef\xbb\xbf"),
            lines,
            newline,
            delimiter,
            header,
            offset,
        )

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def encode(self) -> bytes:
        data = self.text.encode(self.encoding)
        return (b"\xef\xbb\xbf" + data) if self.bom else data

    def record(self, fields: Mapping[str, str]) -> str:
        """One CSV record in this file's dialect, ending with its line ending."""
        buffer = io.StringIO()
        writer = csv.writer(
            buffer, delimiter=self.delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator=self.newline
        )
        writer.writerow([fields.get(column, "") for column in self.header])
        return buffer.getvalue()

    def spans(self) -> dict[str, tuple[int, int]]:
        """Row id -> (first, last) physical line index (0-based) of its record."""
        body = "".join(self.lines[self.offset :]).replace("\r\n", "\n").replace("\r", "\n")
        reader = csv.reader(io.StringIO(body), delimiter=self.delimiter, strict=False)
        next(reader, None)
        spans: dict[str, tuple[int, int]] = {}
        start = reader.line_num
        for values in reader:
            end = reader.line_num
            rec = dict(zip(self.header, (v.strip() for v in values), strict=False))
            if any(rec.values()):
                kb_id = rec.get("ID") or derive_id(
                    rec.get("COMPONENTE", ""), rec.get("DESCRIPCION", "")
                )
                spans.setdefault(kb_id, (start + self.offset, end - 1 + self.offset))
            start = end
        return spans

    def append(self, fields: Mapping[str, str]) -> None:
        if self.lines and not self.lines[-1].endswith(("\n", "\r")):
            self.lines[-1] += self.newline
        self.lines.append(self.record(fields))

    def replace(self, kb_id: str, fields: Mapping[str, str] | None) -> None:
        """Replace (or with None remove) the lines of one row's record."""
        first, last = self.spans()[kb_id]
        ending = re.search(r"(\r\n|\n|\r)?$", self.lines[last])
        new = self.record(fields) if fields is not None else ""
        if new and ending is not None and not ending.group(1):
            new = new.rstrip("\r\n")  # the last line had no line ending: keep it that way
        self.lines[first : last + 1] = [new] if new else []


def row_fields(row: KBRow) -> dict[str, str]:
    """A loaded row as CSV fields (the file's values)."""
    return row.as_csv_row()


def next_kb_id(rows: list[KBRow], bad_ids: list[str] | None = None) -> str:
    """The next free ``KB-NNNN`` id (after the highest one in use, never reusing a gap: an id
    that existed may still be referenced by reviews, outcomes and gold items)."""
    numbers = [int(m.group(1)) for r in rows if (m := _KB_NUMBER.match(r.id))]
    numbers += [int(m.group(1)) for i in bad_ids or [] if (m := _KB_NUMBER.match(i))]
    width = max([4, *(len(m.group(1)) for r in rows if (m := _KB_NUMBER.match(r.id)))])
    return f"KB-{(max(numbers, default=0) + 1):0{width}d}"


def apply_edits(fields: dict[str, str], edits: Mapping[str, str]) -> dict[str, str]:
    """``fields`` with ``edits`` (``--edit field=value``; field: a column or an alias)."""
    changed = dict(fields)
    for name, value in edits.items():
        column = FIELD_ALIASES.get(fold(name).replace(" ", "_"), _canonical_header(name))
        if column not in COLUMNS:
            raise InvalidChangeError(
                f"unknown field {name!r}: use one of {', '.join(sorted(FIELD_ALIASES))} "
                "or a column name"
            )
        changed[column] = value.strip()
    return changed


@dataclass(frozen=True)
class Change:
    """What accepting a proposal does to the file."""

    #: the row written (new or edited); None for a merge
    kb_id: str | None
    removed: str | None
    text_before: str
    text_after: str


def plan_change(
    proposal: Proposal, kb: KBFile, loaded: LoadResult, edits: Mapping[str, str]
) -> Change:
    """The file after accepting ``proposal`` with ``edits``, checked by the loader: every row
    that the proposal does not concern must load exactly as before."""
    before = kb.text
    by_id = {r.id: r for r in loaded.rows}
    kb_id: str | None
    removed: str | None = None
    if proposal.kind is ProposalKind.NEW_ROW:
        fields = apply_edits(dict(proposal.row or {}), edits)
        _check_not_there(proposal, fields, loaded)
        if loaded.has_id_column:
            kb_id = next_kb_id(loaded.rows, [b.id for b in loaded.bad if b.id])
            fields["ID"] = kb_id
        else:
            kb_id = derive_id(fields.get("COMPONENTE", ""), fields.get("DESCRIPCION", ""))
        kb.append(fields)
    elif proposal.kind is ProposalKind.EDIT_ROW:
        kb_id = proposal.target_ids[0]
        if kb_id not in by_id:
            raise KBChangedError(f"row {kb_id} is not in {kb.path} any more")
        _check_unchanged(proposal, by_id[kb_id], proposal.evidence.get("fila_actual"))
        fields = apply_edits(apply_edits(row_fields(by_id[kb_id]), proposal.row or {}), edits)
        if not loaded.has_id_column:
            fields.pop("ID", None)
        if fields == row_fields(by_id[kb_id]):
            raise InvalidChangeError(
                f"proposal {proposal.id} suggests no change to {kb_id}: accept it with "
                "--edit field=value (e.g. --edit descripcion=...)"
            )
        kb.replace(kb_id, fields)
        if not loaded.has_id_column:
            kb_id = derive_id(fields["COMPONENTE"], fields["DESCRIPCION"])
    else:
        keep, removed = proposal.target_ids[0], proposal.target_ids[1]
        for row_id in (keep, removed):
            if row_id not in by_id:
                raise KBChangedError(f"row {row_id} is not in {kb.path} any more")
            _check_unchanged(
                proposal, by_id[row_id], (proposal.evidence.get("filas") or {}).get(row_id)
            )
        if edits:
            raise InvalidChangeError(
                "a merge takes no --edit: edit the kept row in another proposal"
            )
        kb.replace(removed, None)
        kb_id = None
    after = kb.text
    _check_change(loaded, parse_kb(after), kb_id, removed, proposal)
    return Change(kb_id, removed, before, after)


def _check_unchanged(proposal: Proposal, row: KBRow, snapshot: Any) -> None:
    """Refuse when ``row`` is not what it was when the proposal was made (the proposal's
    evidence keeps the row as it was, redacted like everything in the store; proposals made
    before the job kept it are not checked)."""
    if not isinstance(snapshot, dict):
        return
    now = redact_value(row_fields(row))
    changed = sorted(k for k in set(now) | set(snapshot) if now.get(k) != snapshot.get(k))
    if changed:
        raise KBChangedError(
            f"row {row.id} changed since proposal {proposal.id} was made "
            f"({', '.join(changed)}): nothing written; reject the proposal, or run the "
            "maintenance job again"
        )


def _check_not_there(proposal: Proposal, fields: Mapping[str, str], loaded: LoadResult) -> None:
    """A new row must not repeat an existing row's DESCRIPCION: when the proposed one is
    there already the knowledge base changed since the proposal (someone added it)."""
    wanted = fold(fields.get("DESCRIPCION", ""))
    same = next((r.id for r in loaded.rows if fold(r.descripcion) == wanted), None)
    if same is None:
        return
    if wanted == fold((proposal.row or {}).get("DESCRIPCION", "")):
        raise KBChangedError(
            f"row {same} with this DESCRIPCION was added since proposal {proposal.id} was "
            "made: nothing written; reject the proposal"
        )
    raise InvalidChangeError(
        f"proposal {proposal.id}: the edited DESCRIPCION is row {same}'s; nothing written"
    )


def _check_change(
    before: LoadResult,
    after: LoadResult,
    kb_id: str | None,
    removed: str | None,
    proposal: Proposal,
) -> None:
    new_bad = {(b.reason, b.id) for b in after.bad} - {(b.reason, b.id) for b in before.bad}
    if new_bad:
        reasons = "; ".join(reason for reason, _ in sorted(new_bad, key=str))
        raise InvalidChangeError(f"proposal {proposal.id} would write an invalid row: {reasons}")
    old = {r.id: r.model_dump(exclude={"line"}) for r in before.rows}
    new = {r.id: r.model_dump(exclude={"line"}) for r in after.rows}
    touched = {kb_id, removed} | set(
        proposal.target_ids if proposal.kind is ProposalKind.EDIT_ROW else []
    )
    others_before = {k: v for k, v in old.items() if k not in touched}
    others_after = {k: v for k, v in new.items() if k not in touched}
    if others_before != others_after:
        raise InvalidChangeError(
            f"proposal {proposal.id}: other rows would change; nothing written"
        )
    if kb_id is not None and kb_id not in new:
        raise InvalidChangeError(
            f"proposal {proposal.id}: row {kb_id} does not load after the change"
        )


def backup_kb(path: Path, backup_dir: Path) -> Path:
    """A timestamped copy of the knowledge base (``<name>_<UTC time>.csv``)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{path.stem}_{stamp}{path.suffix}"
    shutil.copy2(path, target)
    return target


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    shutil.copymode(path, tmp)
    tmp.replace(path)


# --- the interface the CLI and the console use ---------------------------------------------


def kb_path(settings: Settings) -> Path:
    """The configured knowledge base (what ``resolvia index`` indexes without ``--csv``)."""
    return settings.RESOURCES_DIR / KB_FILE_NAME


@contextmanager
def _store(settings: Settings) -> Iterator[ProposalStore]:
    store = ProposalStore.for_settings(settings)
    try:
        yield store
    finally:
        store.close()


def list_proposals(
    settings: Settings, status: ProposalStatus | str | None = ProposalStatus.PROPOSED
) -> list[Proposal]:
    """Proposals of ``status`` (default: those waiting; None: all), oldest first."""
    with _store(settings) as store:
        return store.proposals(status)


def get_proposal(settings: Settings, proposal_id: int) -> Proposal:
    with _store(settings) as store:
        proposal = store.get(proposal_id)
    if proposal is None:
        raise UnknownProposalError(f"no proposal {proposal_id}")
    return proposal


#: how long a decision waits for another one on the same knowledge base to finish
DECISION_LOCK_WAIT_S = 120.0
LOCK_FILE = "kb_proposals.lock"


@contextmanager
def _decision_lock(settings: Settings, wait_s: float = DECISION_LOCK_WAIT_S) -> Iterator[None]:
    """One decision at a time per data directory (``flock`` on ``DATA_DIR/kb_proposals.lock``),
    across processes (the CLI and the console) and threads (the console's request pool): two
    acceptances must not read the same file and each write it without the other's row, and a
    rejection must not land while the same proposal is being applied."""
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    fd = os.open(settings.DATA_DIR / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ProposalError(
                        f"another proposal is being applied to the knowledge base for more "
                        f"than {wait_s:.0f} s; try again when it has finished"
                    ) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _waiting(store: ProposalStore, proposal_id: int) -> Proposal:
    proposal = store.get(proposal_id)
    if proposal is None:
        raise UnknownProposalError(f"no proposal {proposal_id}")
    if proposal.status is not ProposalStatus.PROPOSED:
        raise AlreadyDecidedError(
            f"proposal {proposal_id} is not waiting for a decision: already "
            f"{proposal.status.value} (by {proposal.decided_by} at {proposal.decided_at})"
        )
    return proposal


def reject_proposal(settings: Settings, proposal_id: int, user: str, note: str = "") -> Proposal:
    """Reject a waiting proposal; it is not offered again by later runs."""
    with _store(settings) as store, _decision_lock(settings):
        _waiting(store, proposal_id)
        return store.decide(proposal_id, ProposalStatus.REJECTED, user, note=note)


@dataclass(frozen=True)
class Preview:
    """What accepting a waiting proposal would do to the file now, without writing anything
    (the console's proposal page); ``error`` says why it cannot be accepted as it is."""

    proposal: Proposal
    change: Change | None
    error: ProposalError | None
    #: the rows the proposal concerns as they are in the file now (editar/fusionar)
    current: dict[str, dict[str, str]]
    #: the row as it would be written (nueva_fila, editar_fila)
    written: dict[str, str] | None

    def diff(self) -> list[str]:
        """The file's changed lines, ``-`` before and ``+`` after (no context lines)."""
        if self.change is None:
            return []
        lines = difflib.unified_diff(
            self.change.text_before.splitlines(),
            self.change.text_after.splitlines(),
            lineterm="",
            n=0,
        )
        return [line for line in lines if not line.startswith(("---", "+++", "@@"))]


def preview_proposal(
    settings: Settings,
    proposal_id: int,
    *,
    edits: Mapping[str, str] | None = None,
    csv_path: Path | None = None,
) -> Preview:
    """The change accepting ``proposal_id`` with ``edits`` would make, checked exactly as
    :func:`accept_proposal` checks it (same :func:`plan_change`), on an in-memory copy."""
    path = csv_path or kb_path(settings)
    proposal = get_proposal(settings, proposal_id)
    current: dict[str, dict[str, str]] = {}
    if not path.is_file():
        error = ProposalError(f"knowledge-base file not found: {path}")
        return Preview(proposal, None, error, current, None)
    kb = KBFile.read(path)
    loaded = load_kb(path)
    by_id = {r.id: r for r in loaded.rows}
    current = {i: row_fields(by_id[i]) for i in proposal.target_ids if i in by_id}
    try:
        change = plan_change(proposal, kb, loaded, edits or {})
    except ProposalError as exc:
        return Preview(proposal, None, exc, current, None)
    written = None
    if change.kb_id is not None:
        after = {r.id: r for r in parse_kb(change.text_after).rows}
        written = row_fields(after[change.kb_id]) if change.kb_id in after else None
    return Preview(proposal, change, None, current, written)


def accept_proposal(
    settings: Settings,
    proposal_id: int,
    user: str,
    *,
    edits: Mapping[str, str] | None = None,
    csv_path: Path | None = None,
    index: Any = None,
    reindex: bool = True,
) -> Proposal:
    """Apply a waiting proposal to the knowledge base (see the module docstring).

    ``csv_path``: the file to change (default: the configured knowledge base). ``index``: a
    :class:`~adapters.vector_store.KnowledgeIndex` to update (default: the configured one,
    opened here); ``reindex=False`` leaves the index alone (``resolvia index`` later).
    Raises :class:`AlreadyDecidedError`, :class:`KBChangedError` or
    :class:`InvalidChangeError` (nothing written) when it cannot be accepted as asked.
    """
    path = csv_path or kb_path(settings)
    with _store(settings) as store, _decision_lock(settings):
        proposal = _waiting(store, proposal_id)
        if not path.is_file():
            raise ProposalError(f"knowledge-base file not found: {path}")
        kb = KBFile.read(path)
        loaded = load_kb(path)
        change = plan_change(proposal, kb, loaded, edits or {})
        backup = backup_kb(path, settings.DATA_DIR / BACKUP_DIR)
        _write_atomically(path, kb.encode())
        after = load_kb(path)
        result: dict[str, Any] = {
            "kb_id": change.kb_id,
            "removed": change.removed,
            "file": str(path),
            "backup": str(backup),
            "edits": dict(edits or {}),
        }
        started = time.perf_counter()
        result["reindex"] = _reindex(settings, path, after, index) if reindex else "skipped"
        result["reindex_seconds"] = round(time.perf_counter() - started, 3)
        log.info("kb_proposal.applied", proposal=proposal_id, user=user, **result)
        return store.decide(proposal_id, ProposalStatus.ACCEPTED, user, result=result)


def _reindex(settings: Settings, path: Path, loaded: LoadResult, index: Any) -> Any:
    """Bring the live index in line with the changed file, when it was built from it."""
    from adapters.vector_store import IndexSource, KBIndexError, open_index

    def update(kb_index: Any) -> Any:
        if kb_index.live_collection() is None:
            return "no index yet: run `resolvia index`"
        source = kb_index.source()
        if source is not None and Path(source.path) != path.resolve():
            return f"the index was built from {source.path}: not updated"
        stats = kb_index.rebuild(
            loaded.rows,
            keep_ids=[b.id for b in loaded.bad if b.id],
            source=IndexSource.of(path, loaded),
        )
        return {k: stats.as_dict()[k] for k in ("added", "updated", "deleted", "unchanged")}

    try:
        if index is not None:
            return update(index)
        with open_index(settings) as kb_index:
            return update(kb_index)
    except KBIndexError as exc:
        log.warning("kb_proposal.reindex_pending", error=str(exc))
        return f"not re-indexed ({exc}); run `resolvia index`"
    except Exception as exc:
        # The file is already written: the decision must be recorded whatever the index does
        # (a proposal left waiting would be applied twice), and `resolvia index` catches up.
        log.exception("kb_proposal.reindex_failed")
        return f"not re-indexed ({type(exc).__name__}: {exc}); run `resolvia index`"
