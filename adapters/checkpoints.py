"""LangGraph checkpoints, in SQLite or Postgres, with personal data redacted before it is written.

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

One rule, two backends: :class:`RedactingSaver` holds the redaction (what is written, when the
earlier rows are scrubbed) and each backend only says how to rewrite its own rows —
:class:`RedactingSqliteSaver` over LangGraph's ``SqliteSaver`` (the embedded default) and
:class:`RedactingPostgresSaver` over ``PostgresSaver`` (``DATABASE_URL``). Postgres keeps a
channel's value once per version (``checkpoint_blobs``) and a checkpoint only points at it, so
a new checkpoint does not re-write the raw incident: scrubbing rewrites that blob in place,
and resuming from the latest checkpoint then reads the redacted incident, as on SQLite.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import (
    BaseCheckpointSaver,
    ChannelVersions,
    Checkpoint,
    CheckpointMetadata,
)
from langgraph.checkpoint.postgres import PostgresSaver
from langgraph.checkpoint.serde.base import SerializerProtocol
from langgraph.checkpoint.sqlite import SqliteSaver
from psycopg import Connection, InterfaceError, OperationalError
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from adapters.database import PostgresUrl, connect_postgres, lost
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


class RedactingSaver:
    """The redaction every checkpointer of the engine applies (a mixin: put it before the
    LangGraph saver it wraps). A backend implements :meth:`_scrub_earlier`."""

    serde: SerializerProtocol

    def _init_redaction(self) -> None:
        #: (thread_id, checkpoint_ns) whose earlier rows were already scrubbed in this process
        self._scrubbed: set[tuple[str, str]] = set()

    def put(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        saved: RunnableConfig = super().put(  # type: ignore[misc]
            config, redact_checkpoint(checkpoint), metadata, new_versions
        )
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
        super().put_writes(config, clean, task_id, task_path)  # type: ignore[misc]

    def delete_thread(self, thread_id: str) -> None:
        super().delete_thread(thread_id)  # type: ignore[misc]
        self._scrubbed = {key for key in self._scrubbed if key[0] != str(thread_id)}

    def _scrub_earlier(self, thread_id: str, checkpoint_ns: str, *, keep: str) -> None:
        """Redact the raw incident in the thread's earlier checkpoints and writes: they are
        history, never resumed from, and were written before the evidence existed."""
        raise NotImplementedError

    def _scrubbed_blob(self, channel: str, type_: str, blob: bytes) -> tuple[str, bytes]:
        """A stored value of ``channel`` (serialised) as it may stay once evidence exists."""
        value = self.serde.loads_typed((type_, blob))
        return self.serde.dumps_typed(redact_channel(channel, value, ready=True))

    def _scrubbed_checkpoint(self, type_: str, blob: bytes) -> tuple[str, bytes]:
        """A stored checkpoint (serialised) with its channel values as they may stay."""
        old = self.serde.loads_typed((type_, blob))
        values = old.get("channel_values") or {}
        clean = {ch: redact_channel(ch, v, ready=True) for ch, v in values.items()}
        return self.serde.dumps_typed({**old, "channel_values": clean})


#: channels whose earlier values (history) may still hold the raw incident
_RAW_CHANNELS = (*sorted(RAW_UNTIL_EVIDENCE), INPUT_CHANNEL)


class RedactingSqliteSaver(RedactingSaver, SqliteSaver):
    """:class:`SqliteSaver` that redacts personal data before anything reaches the file."""

    def __init__(
        self, conn: sqlite3.Connection, *, serde: SerializerProtocol | None = None
    ) -> None:
        super().__init__(conn, serde=serde)
        self._init_redaction()

    def delete_thread(self, thread_id: str) -> None:
        super().delete_thread(thread_id)
        self._truncate_wal()

    def _truncate_wal(self) -> None:
        """Move the write-ahead log into the file and empty it: the log still holds the old
        versions of rewritten or deleted rows, which ``secure_delete`` does not reach."""
        with self.lock:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _scrub_earlier(self, thread_id: str, checkpoint_ns: str, *, keep: str) -> None:
        with self.cursor() as cur:
            rows = cur.execute(
                "SELECT checkpoint_id, type, checkpoint FROM checkpoints"
                " WHERE thread_id = ? AND checkpoint_ns = ? AND checkpoint_id != ?",
                (thread_id, checkpoint_ns, keep),
            ).fetchall()
            for checkpoint_id, type_, blob in rows:
                new_type, new_blob = self._scrubbed_checkpoint(type_, blob)
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
                if channel not in _RAW_CHANNELS:
                    continue  # written redacted already
                new_type, new_blob = self._scrubbed_blob(channel, type_, blob)
                cur.execute(
                    "UPDATE writes SET type = ?, value = ? WHERE thread_id = ?"
                    " AND checkpoint_ns = ? AND checkpoint_id = ? AND task_id = ? AND idx = ?",
                    (new_type, new_blob, thread_id, checkpoint_ns, checkpoint_id, task_id, idx),
                )
        self._truncate_wal()


#: the advisory lock under which two processes create the checkpoint tables one at a time
_SETUP_LOCK = 0x5245534F + 1
#: seconds between two tries of that lock
SETUP_POLL_S = 0.05


class RedactingPostgresSaver(RedactingSaver, PostgresSaver):
    """:class:`PostgresSaver` that redacts personal data before anything reaches Postgres.

    A connection that breaks while working raises :class:`errors.DatabaseLostError` (a
    :class:`errors.RunRecordError`: the run stops and the thread stays resumable).
    """

    def __init__(
        self,
        conn: Connection[Any],
        location: PostgresUrl,
        *,
        serde: SerializerProtocol | None = None,
    ) -> None:
        super().__init__(conn, serde=serde)
        self.location = location
        self._connection = conn  # typed: ``self.conn`` may be a pool for LangGraph
        self._init_redaction()

    def setup(self) -> None:
        """Create or migrate LangGraph's tables, one process at a time."""
        # not through self._cursor(): setup() takes the saver's (non-reentrant) lock itself
        with self._guard():
            # Polled, not waited for: LangGraph's migrations build indexes CONCURRENTLY, which
            # wait for every transaction holding an older snapshot, a blocked
            # pg_advisory_lock() in another process included: that process waits for our lock
            # while our index waits for it, and Postgres aborts one of them ("deadlock
            # detected", seen with two runs starting together). A try between short sleeps
            # holds no snapshot while it waits.
            while not self._try_setup_lock():
                time.sleep(SETUP_POLL_S)
            try:
                super().setup()
            finally:
                self._connection.execute("SELECT pg_advisory_unlock(%s)", (_SETUP_LOCK,))

    def _try_setup_lock(self) -> bool:
        row = self._connection.execute(
            "SELECT pg_try_advisory_lock(%s) AS locked", (_SETUP_LOCK,)
        ).fetchone()
        return bool(row and row["locked"])

    def get_tuple(self, config: RunnableConfig) -> Any:
        with self._guard():
            return super().get_tuple(config)

    def list(self, config: RunnableConfig | None, **kwargs: Any) -> Iterator[Any]:
        with self._guard():
            yield from super().list(config, **kwargs)

    def put(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        with self._guard():
            return super().put(config, checkpoint, metadata, new_versions)

    def put_writes(
        self,
        config: RunnableConfig,
        writes: Sequence[tuple[str, Any]],
        task_id: str,
        task_path: str = "",
    ) -> None:
        with self._guard():
            super().put_writes(config, writes, task_id, task_path)

    def delete_thread(self, thread_id: str) -> None:
        with self._guard():
            super().delete_thread(thread_id)

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except (OperationalError, InterfaceError) as exc:
            raise lost(self.location, exc) from exc

    def _scrub_earlier(self, thread_id: str, checkpoint_ns: str, *, keep: str) -> None:
        # One transaction: the thread is either scrubbed or left as it was.
        with self._cursor() as cur, cur.connection.transaction():
            rows = cur.execute(
                "SELECT checkpoint_id, checkpoint FROM checkpoints"
                " WHERE thread_id = %s AND checkpoint_ns = %s AND checkpoint_id != %s",
                (thread_id, checkpoint_ns, keep),
            ).fetchall()
            for row in rows:
                # inline (primitive) values only; the others are blobs, rewritten below
                old = row["checkpoint"]
                values = old.get("channel_values") or {}
                clean = {ch: redact_channel(ch, v, ready=True) for ch, v in values.items()}
                cur.execute(
                    "UPDATE checkpoints SET checkpoint = %s WHERE thread_id = %s"
                    " AND checkpoint_ns = %s AND checkpoint_id = %s",
                    (
                        Jsonb({**old, "channel_values": clean}),
                        thread_id,
                        checkpoint_ns,
                        row["checkpoint_id"],
                    ),
                )
            # Every version of the raw channels, the one the latest checkpoint points at too:
            # Postgres stores a value once per version, not once per checkpoint.
            blobs = cur.execute(
                "SELECT channel, version, type, blob FROM checkpoint_blobs WHERE thread_id = %s"
                " AND checkpoint_ns = %s AND channel = ANY(%s) AND blob IS NOT NULL",
                (thread_id, checkpoint_ns, list(_RAW_CHANNELS)),
            ).fetchall()
            for row in blobs:
                new_type, new_blob = self._scrubbed_blob(row["channel"], row["type"], row["blob"])
                cur.execute(
                    "UPDATE checkpoint_blobs SET type = %s, blob = %s WHERE thread_id = %s"
                    " AND checkpoint_ns = %s AND channel = %s AND version = %s",
                    (new_type, new_blob, thread_id, checkpoint_ns, row["channel"], row["version"]),
                )
            writes = cur.execute(
                "SELECT checkpoint_id, task_id, idx, channel, type, blob FROM checkpoint_writes"
                " WHERE thread_id = %s AND checkpoint_ns = %s AND channel = ANY(%s)",
                (thread_id, checkpoint_ns, list(_RAW_CHANNELS)),
            ).fetchall()
            for row in writes:
                new_type, new_blob = self._scrubbed_blob(row["channel"], row["type"], row["blob"])
                cur.execute(
                    "UPDATE checkpoint_writes SET type = %s, blob = %s WHERE thread_id = %s"
                    " AND checkpoint_ns = %s AND checkpoint_id = %s AND task_id = %s AND idx = %s",
                    (
                        new_type,
                        new_blob,
                        thread_id,
                        checkpoint_ns,
                        row["checkpoint_id"],
                        row["task_id"],
                        row["idx"],
                    ),
                )


def open_postgres_checkpoints(
    location: PostgresUrl, *, serde: SerializerProtocol | None = None
) -> RedactingPostgresSaver:
    """A checkpointer on the Postgres database ``location``, its tables created; close it with
    ``saver.conn.close()``. :class:`errors.DatabaseUnavailableError` when Postgres does not
    answer."""
    # what PostgresSaver needs: autocommit, no prepared statements (poolers), dict rows
    conn = connect_postgres(location, prepare_threshold=0, row_factory=dict_row)
    saver = RedactingPostgresSaver(conn, location, serde=serde)
    saver.setup()
    return saver


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


def prune_threads(
    path: Path | PostgresUrl, before: datetime, *, dry_run: bool = False
) -> tuple[int, int]:
    """Delete the threads whose latest checkpoint is older than ``before``, then compact.

    A finished incident's thread is deleted by the runner at once; what is left here are threads
    of runs that died and were never resumed. A thread stopped for a person's approval
    (supervised mode: an interrupt) is kept however old: deleting it would lose the decision
    the person is asked about. Returns (threads, bytes): the bytes the file shrank by or, in a
    dry run, the size of the threads' rows (on Postgres, that size in both cases).
    """
    if isinstance(path, PostgresUrl):
        return _prune_postgres_threads(path, before, dry_run=dry_run)
    if not path.exists():
        return 0, 0
    conn = sqlite3.connect(path, timeout=30)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"checkpoints", "writes"} <= tables:
            return 0, 0
        conn.execute("PRAGMA secure_delete = ON")
        saver = SqliteSaver(conn)
        threads = conn.execute("SELECT DISTINCT thread_id FROM checkpoints").fetchall()
        old = _old_threads(saver, [t for (t,) in threads], before)
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


def _old_threads(
    saver: BaseCheckpointSaver[Any], threads: list[str], before: datetime
) -> list[str]:
    """The threads whose latest checkpoint is older than ``before`` and that wait for nobody."""
    old = []
    for thread_id in threads:
        latest = saver.get_tuple({"configurable": {"thread_id": thread_id}})
        if latest is None or _parse_ts(latest.checkpoint["ts"]) >= before:
            continue
        if any(write[1] == INTERRUPT for write in latest.pending_writes or ()):
            continue  # waiting for a person
        old.append(thread_id)
    return old


def _prune_postgres_threads(
    location: PostgresUrl, before: datetime, *, dry_run: bool
) -> tuple[int, int]:
    saver = open_postgres_checkpoints(location)
    try:
        with saver._cursor() as cur:
            threads = [r["thread_id"] for r in cur.execute(_PG_THREADS).fetchall()]
        old = _old_threads(saver, threads, before)
        row_bytes = 0
        with saver._cursor() as cur:
            for table, column in _PG_SIZES:
                row = cur.execute(
                    f"SELECT COALESCE(SUM(pg_column_size({column})), 0) AS n FROM {table}"  # noqa: S608 - constant names
                    " WHERE thread_id = ANY(%s)",
                    (old,),
                ).fetchone()
                row_bytes += int(row["n"]) if row else 0
        if not dry_run:
            for thread_id in old:
                saver.delete_thread(thread_id)
        return len(old), row_bytes
    finally:
        saver.conn.close()


_PG_THREADS = "SELECT DISTINCT thread_id FROM checkpoints"
_PG_SIZES = (
    ("checkpoints", "checkpoint"),
    ("checkpoint_blobs", "blob"),
    ("checkpoint_writes", "blob"),
)


def _parse_ts(text: str) -> datetime:
    ts = datetime.fromisoformat(text)
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def _disk_size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
