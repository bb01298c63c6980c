"""Reviewers' labels on escalated incidents (SQLite under DATA_DIR), exported in the gold format.

A reviewer looks at an escalation from the rejection log and says what the engine should have
done: the right knowledge-base row (``kb``), "needs new knowledge" (``nuevo_conocimiento``: no
row covers it), or "not resolvable automatically" (``no_automatizable``: a person must act,
optionally naming the row that describes the problem). Every review is kept; the latest one of
an incident is its label.

The label is exported as a gold item (``resources/evaluacion/README.md``, "Item format") so that
``resolvia evaluate --gold`` and ``resolvia calibrate --gold`` take it like the gold set. The
incident goes out *as the engine saw it*: the snapshot taken at review time without the notes
the engine wrote when it escalated (:func:`as_seen_by_engine`), otherwise a re-run would read
its own escalation note and refuse the incident as already tried.

The snapshot keeps the incident as the incident manager served it, personal data included,
because the evaluation needs the identifiers an action takes; it lives in DATA_DIR beside the
other stores and is never logged.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from adapters.sqlite_migrations import Migration, open_store
from domain.activity import is_engine_entry

MIGRATIONS = [
    Migration(
        "001_create_reviews",
        """
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_id TEXT NOT NULL,
        run_id TEXT,
        verdict TEXT NOT NULL,
        kb_id TEXT,
        action TEXT,
        note TEXT NOT NULL DEFAULT '',
        reviewer TEXT NOT NULL,
        created_at TEXT NOT NULL,
        incident_json TEXT
    );
    CREATE INDEX reviews_incident ON reviews (incident_id, id);
    """,
    ),
]


class Verdict(StrEnum):
    """What a reviewer says the engine should have done with an escalated incident."""

    KB = "kb"
    NEW_KNOWLEDGE = "nuevo_conocimiento"
    NOT_AUTOMATABLE = "no_automatizable"


#: words for people (the console's labels)
VERDICT_LABELS = {
    Verdict.KB: "fila correcta de la base de conocimiento",
    Verdict.NEW_KNOWLEDGE: "necesita conocimiento nuevo",
    Verdict.NOT_AUTOMATABLE: "no resoluble automáticamente",
}


class ReviewError(ValueError):
    """A review that cannot be stored as it is (a KB verdict without a row, ...)."""


@dataclass(frozen=True)
class Review:
    id: int
    incident_id: str
    run_id: str | None
    verdict: Verdict
    kb_id: str | None
    #: the row's RESOLUCION AUTOMÁTICA when it was reviewed (the gold item's ``accion``)
    action: str | None
    note: str
    reviewer: str
    created_at: str
    incident: dict[str, Any] | None

    def as_dict(self, *, with_incident: bool = False) -> dict[str, Any]:
        data = {
            "id": self.id,
            "incident_id": self.incident_id,
            "run_id": self.run_id,
            "verdict": self.verdict.value,
            "kb_id": self.kb_id,
            "action": self.action,
            "note": self.note,
            "reviewer": self.reviewer,
            "created_at": self.created_at,
        }
        if with_incident:
            data["incident"] = self.incident
        return data

    def expected(self) -> dict[str, Any]:
        """The gold item's ``esperado`` for this label."""
        motivo = self.note or f"revisión: {VERDICT_LABELS[self.verdict]}"
        if self.verdict is Verdict.KB:
            return {
                "resultado": "resolver",
                "kb_id": self.kb_id,
                "accion": self.action,
                "motivo": motivo,
                "categoria": "resoluble",
            }
        # kb_id keeps the gold semantics: the row that describes the problem, if any, whatever
        # the outcome (a new-knowledge verdict has none by definition)
        kb_id = self.kb_id if self.verdict is Verdict.NOT_AUTOMATABLE else None
        return {
            "resultado": "escalar",
            "kb_id": kb_id,
            "accion": self.action if kb_id else None,
            "motivo": motivo,
            "categoria": "no_cubierto",
        }

    def gold_item(self) -> dict[str, Any] | None:
        """``{"incidencia", "esperado", "revision"}``; None without an incident snapshot."""
        if self.incident is None:
            return None
        return {
            "incidencia": as_seen_by_engine(self.incident),
            "esperado": self.expected(),
            # ignored by finetune.gold; says where the label came from
            "revision": {
                "veredicto": self.verdict.value,
                "revisor": self.reviewer,
                "fecha": self.created_at,
                "run_id": self.run_id,
            },
        }


def as_seen_by_engine(incident: Mapping[str, Any]) -> dict[str, Any]:
    """The incident without the trailing notes the engine wrote (its escalation, its hold),
    with the mailbox and state it had before them."""
    history = list(incident.get("historial") or [])
    keep = len(history)
    while keep > 0 and is_engine_entry(history[keep - 1]):
        keep -= 1
    if keep == len(history):
        return dict(incident)
    first_engine = history[keep]
    seen = {**incident, "historial": history[:keep]}
    if first_engine.get("buzonComentario"):
        seen["buzon"] = first_engine["buzonComentario"]
    seen["estado"] = (history[keep - 1].get("estado") if keep else None) or "Abierta"
    return seen


class ReviewStore:
    """Reviews in SQLite (thread-safe: the console serves requests from a thread pool)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = open_store(path, MIGRATIONS)

    def add(
        self,
        incident_id: str,
        verdict: Verdict | str,
        *,
        reviewer: str,
        kb_id: str | None = None,
        action: str | None = None,
        note: str = "",
        run_id: str | None = None,
        incident: Mapping[str, Any] | None = None,
    ) -> Review:
        """Store a review; the latest review of an incident is its label."""
        verdict = Verdict(verdict)
        kb_id = (kb_id or "").strip() or None
        if verdict is Verdict.KB and not kb_id:
            raise ReviewError("a 'kb' review needs the right knowledge-base row")
        if verdict is Verdict.NEW_KNOWLEDGE:
            kb_id = None
        if kb_id is None:
            action = None
        created = datetime.now(UTC).isoformat(timespec="seconds")
        snapshot = json.dumps(dict(incident), ensure_ascii=False) if incident else None
        with self._lock, self._db:
            cursor = self._db.execute(
                "INSERT INTO reviews (incident_id, run_id, verdict, kb_id, action, note,"
                " reviewer, created_at, incident_json) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    incident_id,
                    run_id,
                    verdict.value,
                    kb_id,
                    action,
                    note.strip(),
                    reviewer,
                    created,
                    snapshot,
                ),
            )
            review_id = int(cursor.lastrowid or 0)
        review = self.get(review_id)
        assert review is not None
        return review

    def get(self, review_id: int) -> Review | None:
        with self._lock:
            row = self._db.execute(f"{_SELECT} WHERE id = ?", (review_id,)).fetchone()
        return None if row is None else _review(row)

    def history(self, incident_id: str) -> list[Review]:
        """Every review of an incident, oldest first."""
        with self._lock:
            rows = self._db.execute(
                f"{_SELECT} WHERE incident_id = ? ORDER BY id", (incident_id,)
            ).fetchall()
        return [_review(row) for row in rows]

    def latest(self) -> dict[str, Review]:
        """The label of every reviewed incident (its latest review), by incident id."""
        with self._lock:
            rows = self._db.execute(_SELECT + _LATEST).fetchall()
        return {row[1]: _review(row) for row in rows}

    def set_snapshot(self, review_id: int, incident: Mapping[str, Any]) -> None:
        """Attach the incident to a review stored while the incident manager was down."""
        with self._lock, self._db:
            self._db.execute(
                "UPDATE reviews SET incident_json = ? WHERE id = ?",
                (json.dumps(dict(incident), ensure_ascii=False), review_id),
            )

    def close(self) -> None:
        with self._lock:
            self._db.close()


_SELECT = (
    "SELECT id, incident_id, run_id, verdict, kb_id, action, note, reviewer, created_at,"
    " incident_json FROM reviews"
)


_LATEST = " WHERE id IN (SELECT MAX(id) FROM reviews GROUP BY incident_id) ORDER BY incident_id"


def _review(row: tuple[Any, ...]) -> Review:
    return Review(
        id=int(row[0]),
        incident_id=row[1],
        run_id=row[2],
        verdict=Verdict(row[3]),
        kb_id=row[4],
        action=row[5],
        note=row[6] or "",
        reviewer=row[7],
        created_at=row[8],
        incident=json.loads(row[9]) if row[9] else None,
    )


def export_gold(store: ReviewStore) -> tuple[list[dict[str, Any]], list[str]]:
    """Gold items of every label, and the incidents left out (no snapshot of the incident)."""
    items, missing = [], []
    for incident_id, review in store.latest().items():
        item = review.gold_item()
        if item is None:
            missing.append(incident_id)
        else:
            items.append(item)
    return items, missing
