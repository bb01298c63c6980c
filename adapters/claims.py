"""Per-incident claims: several workers on one queue, each incident worked by one at a time.

A worker claims an incident before it touches it, for a *lease* (``CLAIM_LEASE_S``): the claim
names the worker and expires at a point in time. While the worker processes the incident a
:class:`Heartbeat` renews its leases every third of that; when it is done it releases the claim
(``done``). A claim is scoped to a *queue run* (``resolvia run --workers N`` gives its N workers
one run id):

* **claimed** — nobody held it, or its last holder released it (or released it in an earlier
  run): the worker goes ahead;
* **taken over** — its holder's lease expired without a release (the worker died, or stalled
  longer than a lease): the worker goes ahead and *resumes* the incident's thread from its
  checkpoint (the thread id is the incident id), whose side effects carry idempotency keys;
* **busy** — another worker's lease is live: come back later;
* **done** — another worker of this run finished it: nothing to do.

Leases compare wall-clock times (``time.time``, injectable for tests): several processes, and on
Postgres several machines, read the same rows, so a monotonic clock of one process means nothing
to the others. Keep the machines' clocks in sync (NTP) and the lease well above their skew.

:class:`SqliteClaims` serves one machine (``DATA_DIR/claims.sqlite``): every decision is taken
inside ``BEGIN IMMEDIATE``, so two processes can never both see a claim as free.

TODO(postgres, lead: once h/postgres lands ``DATABASE_URL``): a ``PostgresClaims`` with the same
interface, chosen in :func:`open_claims`. Its ``acquire`` is one transaction::

    INSERT INTO claims (incident_id, worker_id, run_id, expires_at, released_at, done)
    VALUES (%s, %s, %s, now() + %s * interval '1 second', NULL, false)
    ON CONFLICT (incident_id) DO NOTHING;               -- first claim ever: ours
    SELECT worker_id, run_id, expires_at, released_at, done, expires_at <= now()
      FROM claims WHERE incident_id = %s FOR UPDATE SKIP LOCKED;
    -- no row: another worker is deciding about it right now -> busy
    -- otherwise the same rules as SqliteClaims._decide, then UPDATE ... WHERE incident_id = %s

using the server's ``now()`` (one clock for every machine). ``renew_all``, ``release`` and
``expire_worker`` are the same UPDATEs as here. It was not written in this branch because no
Postgres driver is pinned yet; the unit tests in tests/unit/test_claims.py are written against
the interface and should be parametrised over both stores (congruence tests).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

import structlog

from adapters.sqlite_migrations import Migration, migrate
from errors import ResolviaError

log = structlog.get_logger(__name__)

Clock = Callable[[], float]

MIGRATIONS = [
    Migration(
        "001_create_claims",
        """
    CREATE TABLE claims (
        incident_id TEXT PRIMARY KEY,
        -- who holds (or last held) it, and for which queue run
        worker_id TEXT NOT NULL,
        run_id TEXT NOT NULL,
        -- epoch seconds; the lease is live while released_at IS NULL and expires_at > now
        expires_at REAL NOT NULL,
        released_at REAL,
        -- released because the incident was finished (not because the worker gave up)
        done INTEGER NOT NULL DEFAULT 0,
        -- how many times a worker took it over from one whose lease had expired
        takeovers INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX claims_worker ON claims (worker_id, released_at);
    """,
    ),
]


class ClaimError(ResolviaError):
    """The claim store cannot be read or written."""


class Claim(StrEnum):
    """What :meth:`Claims.acquire` found."""

    CLAIMED = "claimed"
    TAKEN_OVER = "taken_over"
    BUSY = "busy"
    DONE = "done"

    @property
    def granted(self) -> bool:
        """The caller now holds the incident."""
        return self in (Claim.CLAIMED, Claim.TAKEN_OVER)


@dataclass(frozen=True)
class ClaimRow:
    """One incident's claim as stored."""

    incident_id: str
    worker_id: str
    run_id: str
    expires_at: float
    released_at: float | None
    done: bool
    takeovers: int


class Claims(Protocol):
    """The interface every claim store offers (SQLite now, Postgres later)."""

    run_id: str
    lease_s: float

    def acquire(self, incident_id: str, worker_id: str) -> Claim: ...

    def renew_all(self, worker_id: str) -> int: ...

    def release(self, incident_id: str, worker_id: str, *, done: bool) -> bool: ...

    def done_in_run(self, incident_id: str) -> bool: ...

    def expire_worker(self, worker_id: str) -> int: ...

    def get(self, incident_id: str) -> ClaimRow | None: ...

    def close(self) -> None: ...


def _decide(row: ClaimRow | None, worker_id: str, run_id: str, now: float) -> Claim:
    """The rule, shared by every store: what an ``acquire`` by ``worker_id`` in ``run_id`` at
    ``now`` gets, given the incident's current claim."""
    if row is None:
        return Claim.CLAIMED
    if row.released_at is None:  # held
        if row.worker_id == worker_id:
            return Claim.CLAIMED  # ours already (a retry after a lost answer)
        return Claim.TAKEN_OVER if row.expires_at <= now else Claim.BUSY
    if row.done and row.run_id == run_id:
        return Claim.DONE
    return Claim.CLAIMED


class SqliteClaims:
    """Claims in a SQLite file shared by the worker processes of one machine."""

    def __init__(
        self, path: Path, run_id: str, *, lease_s: float, clock: Clock = time.time
    ) -> None:
        if lease_s <= 0:
            raise ValueError(f"lease_s must be positive, not {lease_s}")
        self.path = path
        self.run_id = run_id
        self.lease_s = lease_s
        self._clock = clock
        self._lock = threading.Lock()  # one connection, used by the worker and its heartbeat
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # autocommit: every transaction below is an explicit BEGIN IMMEDIATE; a generous
            # busy timeout, since N workers write here once per incident and per heartbeat
            self._db = sqlite3.connect(
                path, timeout=30.0, isolation_level=None, check_same_thread=False
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            migrate(self._db, MIGRATIONS)
        except (OSError, sqlite3.Error) as exc:
            raise ClaimError(
                f"cannot open the claim store {path}: {exc}; check that DATA_DIR is writable"
            ) from exc

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                raise ClaimError(
                    f"the claim store {self.path} failed: {exc}; check that DATA_DIR is "
                    "writable and has free space"
                ) from exc

    def _row(self, db: sqlite3.Connection, incident_id: str) -> ClaimRow | None:
        found = db.execute(
            "SELECT incident_id, worker_id, run_id, expires_at, released_at, done, takeovers"
            " FROM claims WHERE incident_id = ?",
            (incident_id,),
        ).fetchone()
        if found is None:
            return None
        return ClaimRow(found[0], found[1], found[2], found[3], found[4], bool(found[5]), found[6])

    def acquire(self, incident_id: str, worker_id: str) -> Claim:
        """Claim ``incident_id`` for ``worker_id`` (see the module's docstring)."""
        with self._write() as db:
            now = self._clock()
            row = self._row(db, incident_id)
            verdict = _decide(row, worker_id, self.run_id, now)
            if verdict.granted:
                db.execute(
                    "INSERT INTO claims (incident_id, worker_id, run_id, expires_at, released_at,"
                    " done, takeovers) VALUES (?, ?, ?, ?, NULL, 0, ?)"
                    " ON CONFLICT (incident_id) DO UPDATE SET worker_id = excluded.worker_id,"
                    " run_id = excluded.run_id, expires_at = excluded.expires_at,"
                    " released_at = NULL, done = 0, takeovers = excluded.takeovers",
                    (
                        incident_id,
                        worker_id,
                        self.run_id,
                        now + self.lease_s,
                        (row.takeovers if row else 0) + int(verdict is Claim.TAKEN_OVER),
                    ),
                )
        if verdict is Claim.TAKEN_OVER:
            assert row is not None
            log.warning(
                "claim.taken_over",
                incident_id=incident_id,
                previous_worker=row.worker_id,
                expired_s_ago=round(now - row.expires_at, 1),
            )
        return verdict

    def renew_all(self, worker_id: str) -> int:
        """Push back the expiry of every lease ``worker_id`` holds; how many it holds. A lease
        another worker took over is no longer this worker's and is not renewed."""
        with self._write() as db:
            cursor = db.execute(
                "UPDATE claims SET expires_at = ? WHERE worker_id = ? AND released_at IS NULL",
                (self._clock() + self.lease_s, worker_id),
            )
            return cursor.rowcount

    def release(self, incident_id: str, worker_id: str, *, done: bool) -> bool:
        """Give the incident back (``done``: it was finished in this run, the other workers
        leave it). False when ``worker_id`` no longer held it (its lease was taken over)."""
        with self._write() as db:
            cursor = db.execute(
                "UPDATE claims SET released_at = ?, done = ?, run_id = ?"
                " WHERE incident_id = ? AND worker_id = ? AND released_at IS NULL",
                (self._clock(), int(done), self.run_id, incident_id, worker_id),
            )
            released = cursor.rowcount == 1
        if not released:
            log.error("claim.lost", incident_id=incident_id, worker=worker_id)
        return released

    def done_in_run(self, incident_id: str) -> bool:
        """Finished by some worker of this run."""
        with self._lock:
            row = self._row(self._db, incident_id)
        return row is not None and row.done and row.run_id == self.run_id

    def expire_worker(self, worker_id: str) -> int:
        """End every lease of a worker known to be dead (its parent saw it exit), so another
        worker takes its incidents over now rather than when the leases run out."""
        with self._write() as db:
            cursor = db.execute(
                "UPDATE claims SET expires_at = ? WHERE worker_id = ? AND released_at IS NULL",
                (self._clock(), worker_id),
            )
            return cursor.rowcount

    def get(self, incident_id: str) -> ClaimRow | None:
        with self._lock:
            return self._row(self._db, incident_id)

    def close(self) -> None:
        with self._lock:
            self._db.close()


def claims_path(data_dir: Path) -> Path:
    return data_dir / "claims.sqlite"


def open_claims(data_dir: Path, run_id: str, *, lease_s: float) -> Claims:
    """The claim store of this installation (SQLite under ``data_dir``; see the TODO above for
    Postgres)."""
    return SqliteClaims(claims_path(data_dir), run_id, lease_s=lease_s)


class Heartbeat:
    """Renews a worker's leases every ``lease_s / 3`` seconds on a daemon thread, from
    ``start()`` to ``stop()``; a failed renewal is logged and tried again at the next beat
    (two missed beats still leave a third of the lease)."""

    def __init__(self, claims: Claims, worker_id: str, *, every_s: float | None = None) -> None:
        self.claims = claims
        self.worker_id = worker_id
        self.every_s = every_s if every_s is not None else claims.lease_s / 3
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def beat(self) -> None:
        try:
            self.claims.renew_all(self.worker_id)
        except ClaimError as exc:
            log.error("claim.renew_failed", worker=self.worker_id, error=str(exc))

    def _loop(self) -> None:
        while not self._stop.wait(self.every_s):
            self.beat()

    def start(self) -> Heartbeat:
        self._thread = threading.Thread(target=self._loop, name="claims-heartbeat", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def __enter__(self) -> Heartbeat:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def worker_run_id(queue_run_id: str, worker_id: str) -> str:
    """The run id a worker records its outcomes and reports under: the queue run's, suffixed."""
    return f"{queue_run_id}-{worker_id}"


@dataclass(frozen=True)
class Claimant:
    """One worker of a queue run, as the run loop uses the claims."""

    store: Claims
    worker_id: str

    def acquire(self, incident_id: str) -> Claim:
        return self.store.acquire(incident_id, self.worker_id)

    def release(self, incident_id: str, *, done: bool) -> bool:
        return self.store.release(incident_id, self.worker_id, done=done)

    def done_in_run(self, incident_id: str) -> bool:
        return self.store.done_in_run(incident_id)

    def in_run(self, run_id: str | None) -> bool:
        """``run_id`` (of a recorded outcome) is this queue run's or one of its workers'."""
        queue = self.store.run_id
        return run_id is not None and (run_id == queue or run_id.startswith(f"{queue}-"))

    def heartbeat(self) -> Heartbeat:
        return Heartbeat(self.store, self.worker_id)
