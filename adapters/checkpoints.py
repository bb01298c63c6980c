"""LangGraph checkpoints in SQLite with personal data redacted before it is written.

A thread's checkpoints are read back for one purpose only: to resume an incident that a run left
unfinished. So a checkpoint keeps verbatim what resuming needs and nothing more:

* ``identifiers``, ``policy``, ``decision`` and ``candidates`` stay as they are: a decided action
  takes its parameters (a NIF, an IBAN, an e-mail address) from them and the note it writes
  from the knowledge-base row, and a resumed ``apply`` must send exactly the same values and
  derive the same idempotency key as the run that died; so does a person's answer to an
  interrupt (``__resume__``, supervised mode), which may correct a parameter; and so does
  ``activity``, the hash of the history the keys are built from (no personal data in it);
* ``incident`` (the incident as served, the bulk of the personal data) is kept as it is until
  the incident's evidence exists (``identifiers``, or ``already_tried``), because the nodes that
  compute it read it; from then on no node reads it, so it is redacted in the new checkpoint
  and, once per thread, in the thread's earlier checkpoints and writes too;
* everything else — the text the engine reasons on, screenshot text, the reformulation, the
  critic's feedback, model errors — is redacted. A run resumed after the evidence was computed
  hands the model the redacted text (placeholders such as ``[NIF]``), which the model never
  needed: identifiers always come from ``identifiers``.

The connection runs with ``secure_delete`` so that a deleted or rewritten row (a finished
thread, a scrubbed checkpoint) is overwritten in the file, not left in a free page.

Why a saver and not a serializer: :meth:`SqliteSaver.put_writes` serialises each write's value
without its channel name, so a serializer cannot tell the ``identifiers`` a decided action
needs from the ``text`` it does not. The saver sees the channel of every value.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import ChannelVersions, Checkpoint, CheckpointMetadata
from langgraph.checkpoint.serde.base import SerializerProtocol
from langgraph.checkpoint.sqlite import SqliteSaver

from observability.redaction import redact_value

#: state keys a resumed run needs verbatim (see the module docstring), and a person's answer
#: to an interrupt (supervised mode: it may carry parameters the person corrected)
KEEP_RAW = frozenset(
    {"incident_id", "activity", "identifiers", "policy", "decision", "candidates", "__resume__"}
)
#: read by the nodes that compute the evidence, then never again
RAW_UNTIL_EVIDENCE = frozenset({"incident"})
#: the graph's input channel: a dict of state keys
INPUT_CHANNEL = "__start__"
#: the channel of a node's interrupt (langgraph keeps the constant private since 1.0)
INTERRUPT = "__interrupt__"


def evidence_ready(values: Mapping[str, Any]) -> bool:
    """Whether no node will read the raw incident any more: its evidence is computed, or the
    engine already acted on it (the graph goes straight to the policy)."""
    return "identifiers" in values or values.get("already_tried") is True


def redact_channel(channel: str, value: Any, *, ready: bool) -> Any:
    """``value`` of ``channel`` as it may be persisted (``ready``: :func:`evidence_ready`)."""
    if channel in KEEP_RAW or channel.startswith("branch:"):
        return value
    if channel in RAW_UNTIL_EVIDENCE and not ready:
        return value
    if channel == INPUT_CHANNEL and isinstance(value, dict):
        return {key: redact_channel(key, item, ready=ready) for key, item in value.items()}
    if isinstance(value, BaseException):  # a failed node's error, kept for the next attempt
        return _redacted_error(value)
    return redact_value(value)


def _redacted_error(error: BaseException) -> BaseException:
    try:
        return type(error)(*redact_value(error.args))
    except TypeError:  # an exception class with its own constructor: keep the words only
        return RuntimeError(f"{type(error).__name__}: {redact_value(str(error))}")


def redact_checkpoint(checkpoint: Checkpoint) -> Checkpoint:
    """A copy of ``checkpoint`` with its channel values redacted."""
    values = checkpoint.get("channel_values") or {}
    ready = evidence_ready(values)
    clean = {ch: redact_channel(ch, v, ready=ready) for ch, v in values.items()}
    return {**checkpoint, "channel_values": clean}


class RedactingSqliteSaver(SqliteSaver):
    """:class:`SqliteSaver` that redacts personal data before anything reaches the file."""

    def __init__(
        self, conn: sqlite3.Connection, *, serde: SerializerProtocol | None = None
    ) -> None:
        super().__init__(conn, serde=serde)
        #: (thread_id, checkpoint_ns) whose earlier rows were already scrubbed in this process
        self._scrubbed: set[tuple[str, str]] = set()

    def put(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        saved = super().put(config, redact_checkpoint(checkpoint), metadata, new_versions)
        key = (
            str(config["configurable"]["thread_id"]),
            str(config["configurable"]["checkpoint_ns"]),
        )
        if key not in self._scrubbed and evidence_ready(checkpoint.get("channel_values") or {}):
            self._scrub_earlier(*key, keep=checkpoint["id"])
            self._scrubbed.add(key)
        return saved

    def put_writes(
        self,
        config: RunnableConfig,
        writes: Sequence[tuple[str, Any]],
        task_id: str,
        task_path: str = "",
    ) -> None:
        # The raw incident is only ever written as the graph's input, before its evidence.
        clean = [
            (channel, redact_channel(channel, value, ready=False)) for channel, value in writes
        ]
        super().put_writes(config, clean, task_id, task_path)

    def delete_thread(self, thread_id: str) -> None:
        super().delete_thread(thread_id)
        self._scrubbed = {key for key in self._scrubbed if key[0] != str(thread_id)}
        self._truncate_wal()

    def _truncate_wal(self) -> None:
        """Move the write-ahead log into the file and empty it: the log still holds the old
        versions of rewritten or deleted rows, which ``secure_delete`` does not reach."""
        with self.lock:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _scrub_earlier(self, thread_id: str, checkpoint_ns: str, *, keep: str) -> None:
        """Redact the raw incident in the thread's earlier checkpoints and writes: they are
        history, never resumed from, and were written before the evidence existed."""
        with self.cursor() as cur:
            rows = cur.execute(
                "SELECT checkpoint_id, type, checkpoint FROM checkpoints"
                " WHERE thread_id = ? AND checkpoint_ns = ? AND checkpoint_id != ?",
                (thread_id, checkpoint_ns, keep),
            ).fetchall()
            for checkpoint_id, type_, blob in rows:
                old = self.serde.loads_typed((type_, blob))
                values = old.get("channel_values") or {}
                clean = {ch: redact_channel(ch, v, ready=True) for ch, v in values.items()}
                new_type, new_blob = self.serde.dumps_typed({**old, "channel_values": clean})
                cur.execute(
                    "UPDATE checkpoints SET type = ?, checkpoint = ?"
                    " WHERE thread_id = ? AND checkpoint_ns = ? AND checkpoint_id = ?",
                    (new_type, new_blob, thread_id, checkpoint_ns, checkpoint_id),
                )
            writes = cur.execute(
                "SELECT checkpoint_id, task_id, idx, channel, type, value FROM writes"
                " WHERE thread_id = ? AND checkpoint_ns = ?",
                (thread_id, checkpoint_ns),
            ).fetchall()
            for checkpoint_id, task_id, idx, channel, type_, blob in writes:
                if channel not in RAW_UNTIL_EVIDENCE and channel != INPUT_CHANNEL:
                    continue  # written redacted already
                value = self.serde.loads_typed((type_, blob))
                new_type, new_blob = self.serde.dumps_typed(
                    redact_channel(channel, value, ready=True)
                )
                cur.execute(
                    "UPDATE writes SET type = ?, value = ? WHERE thread_id = ?"
                    " AND checkpoint_ns = ? AND checkpoint_id = ? AND task_id = ? AND idx = ?",
                    (new_type, new_blob, thread_id, checkpoint_ns, checkpoint_id, task_id, idx),
                )
        self._truncate_wal()


def redacting_saver(
    conn: sqlite3.Connection, *, serde: SerializerProtocol | None = None
) -> RedactingSqliteSaver:
    """The engine's checkpointer on ``conn`` (opened with ``check_same_thread=False``);
    ``serde`` as for :class:`SqliteSaver` (redaction happens before it)."""
    conn.execute("PRAGMA secure_delete = ON")
    return RedactingSqliteSaver(conn, serde=serde)


def open_checkpoints(
    path: Path, *, serde: SerializerProtocol | None = None
) -> RedactingSqliteSaver:
    """A checkpointer on the SQLite file ``path``; close it with ``saver.conn.close()``."""
    return redacting_saver(sqlite3.connect(path, check_same_thread=False), serde=serde)


def prune_threads(path: Path, before: datetime, *, dry_run: bool = False) -> tuple[int, int]:
    """Delete the threads whose latest checkpoint is older than ``before``, then compact.

    A finished incident's thread is deleted by the runner at once; what is left here are threads
    of runs that died and were never resumed. A thread stopped for a person's approval
    (supervised mode: an interrupt) is kept however old: deleting it would lose the decision
    the person is asked about. Returns (threads, bytes): the bytes the file shrank by or, in a
    dry run, the size of the threads' rows.
    """
    if not path.exists():
        return 0, 0
    conn = sqlite3.connect(path, timeout=30)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"checkpoints", "writes"} <= tables:
            return 0, 0
        conn.execute("PRAGMA secure_delete = ON")
        saver = SqliteSaver(conn)
        old: list[str] = []
        for (thread_id,) in conn.execute("SELECT DISTINCT thread_id FROM checkpoints").fetchall():
            latest = saver.get_tuple({"configurable": {"thread_id": thread_id}})
            if latest is None or _parse_ts(latest.checkpoint["ts"]) >= before:
                continue
            if any(write[1] == INTERRUPT for write in latest.pending_writes or ()):
                continue  # waiting for a person
            old.append(thread_id)
        row_bytes = 0
        for thread_id in old:
            row_bytes += conn.execute(
                "SELECT COALESCE(SUM(length(checkpoint) + length(metadata)), 0)"
                " FROM checkpoints WHERE thread_id = ?",
                (thread_id,),
            ).fetchone()[0]
            row_bytes += conn.execute(
                "SELECT COALESCE(SUM(length(value)), 0) FROM writes WHERE thread_id = ?",
                (thread_id,),
            ).fetchone()[0]
        # Free pages may still hold rows deleted before secure_delete was on: compact anyway.
        free_pages = conn.execute("PRAGMA freelist_count").fetchone()[0]
        if dry_run or not (old or free_pages):
            return len(old), row_bytes
        size_before = _disk_size(path)
        for thread_id in old:
            saver.delete_thread(thread_id)
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return len(old), max(0, size_before - _disk_size(path))
    finally:
        conn.close()


def _parse_ts(text: str) -> datetime:
    ts = datetime.fromisoformat(text)
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def _disk_size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
