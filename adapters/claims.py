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

:class:`StoreClaims` keeps the claims where ``DATABASE_URL`` says (:mod:`adapters.stores`):

* **SQLite** (``DATA_DIR/claims.sqlite``, the embedded default) serves the workers of one
  machine: every decision is taken inside ``BEGIN IMMEDIATE``, so two processes can never both
  see a claim as free;
* **Postgres** serves workers on several machines: the first claim of an incident is an
  ``INSERT ... ON CONFLICT DO NOTHING`` (whoever inserts holds it); after that, a worker reads
  the row ``FOR UPDATE SKIP LOCKED`` inside its transaction: a row another worker is deciding
  about right now is skipped (``busy``: come back later) instead of waited for, and the decision
  (:func:`_decide`, the same rule on both) is written before the row lock is let go.

Both use the workers' wall clock (``time.time``) for leases; see above for clock skew.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

import structlog

from adapters.database import Database, Dialect, Location
from adapters.sqlite_migrations import Migration
from config import Settings
from errors import DatabaseLostError, DatabaseUnavailableError, ResolviaError

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
        postgres="""
    CREATE TABLE claims (
        incident_id TEXT PRIMARY KEY,
        worker_id TEXT NOT NULL,
        run_id TEXT NOT NULL,
        expires_at DOUBLE PRECISION NOT NULL,
        released_at DOUBLE PRECISION,
        done INTEGER NOT NULL DEFAULT 0,
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


class StoreClaims:
    """Claims in the installation's database, shared by every worker of a queue."""

    def __init__(
        self, where: Location, run_id: str, *, lease_s: float, clock: Clock = time.time
    ) -> None:
        if lease_s <= 0:
            raise ValueError(f"lease_s must be positive, not {lease_s}")
        self.where = where
        #: the SQLite file (None on Postgres)
        self.path: Path | None = where if isinstance(where, Path) else None
        self.run_id = run_id
        self.lease_s = lease_s
        self._clock = clock
        self._lock = threading.Lock()  # one connection, used by the worker and its heartbeat
        try:
            # a generous busy timeout on SQLite: N workers write here once per incident and
            # per heartbeat
            self._db = Database(where, timeout=30.0, wal=True)
            self._db.migrate("claims", MIGRATIONS)
        except DatabaseUnavailableError:
            raise
        except (OSError, sqlite3.Error, DatabaseLostError) as exc:
            raise ClaimError(
                f"cannot open the claim store {self._where()}: {exc}; check that DATA_DIR is "
                "writable (or that DATABASE_URL's database accepts writes)"
            ) from exc

    def _where(self) -> str:
        return str(self.where) if isinstance(self.where, Path) else self.where.where

    @contextlib.contextmanager
    def _write(self) -> Iterator[Database]:
        with self._lock:
            try:
                with self._db.transaction() as db:
                    yield db
            except (sqlite3.Error, DatabaseLostError) as exc:
                raise ClaimError(
                    f"the claim store {self._where()} failed: {exc}; check that DATA_DIR is "
                    "writable and has free space (or that DATABASE_URL's database answers)"
                ) from exc

    def _row(self, db: Database, incident_id: str, *, lock: bool = False) -> ClaimRow | None:
        """The incident's claim; with ``lock`` on Postgres, row-locked for this transaction
        (None as well when another transaction holds the lock: see :meth:`acquire`)."""
        skip = " FOR UPDATE SKIP LOCKED" if lock and db.dialect is Dialect.POSTGRES else ""
        found = db.execute(
            "SELECT incident_id, worker_id, run_id, expires_at, released_at, done, takeovers"  # noqa: S608 - constant columns and suffix
            f" FROM claims WHERE incident_id = ?{skip}",
            (incident_id,),
        ).fetchone()
        if found is None:
            return None
        return ClaimRow(
            found[0],
            found[1],
            found[2],
            float(found[3]),
            None if found[4] is None else float(found[4]),
            bool(found[5]),
            int(found[6]),
        )

    def acquire(self, incident_id: str, worker_id: str) -> Claim:
        """Claim ``incident_id`` for ``worker_id`` (see the module's docstring)."""
        with self._write() as db:
            now = self._clock()
            first = db.execute(
                "INSERT INTO claims (incident_id, worker_id, run_id, expires_at, released_at,"
                " done, takeovers) VALUES (?, ?, ?, ?, NULL, 0, 0)"
                " ON CONFLICT (incident_id) DO NOTHING",
                (incident_id, worker_id, self.run_id, now + self.lease_s),
            )
            if first.rowcount == 1:  # nobody ever claimed it: ours
                return Claim.CLAIMED
            row = self._row(db, incident_id, lock=True)
            if row is None:  # Postgres: another worker is deciding about it right now
                return Claim.BUSY
            verdict = _decide(row, worker_id, self.run_id, now)
            if verdict.granted:
                db.execute(
                    "UPDATE claims SET worker_id = ?, run_id = ?, expires_at = ?,"
                    " released_at = NULL, done = 0, takeovers = ? WHERE incident_id = ?",
                    (
                        worker_id,
                        self.run_id,
                        now + self.lease_s,
                        row.takeovers + int(verdict is Claim.TAKEN_OVER),
                        incident_id,
                    ),
                )
        if verdict is Claim.TAKEN_OVER:
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
            return int(cursor.rowcount)

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
        row = self.get(incident_id)
        return row is not None and row.done and row.run_id == self.run_id

    def expire_worker(self, worker_id: str) -> int:
        """End every lease of a worker known to be dead (its parent saw it exit), so another
        worker takes its incidents over now rather than when the leases run out."""
        with self._write() as db:
            cursor = db.execute(
                "UPDATE claims SET expires_at = ? WHERE worker_id = ? AND released_at IS NULL",
                (self._clock(), worker_id),
            )
            return int(cursor.rowcount)

    def get(self, incident_id: str) -> ClaimRow | None:
        with self._write() as db:
            return self._row(db, incident_id)

    def close(self) -> None:
        with self._lock:
            self._db.close()


#: the name of the one-machine store before Postgres came (same class)
SqliteClaims = StoreClaims


def claims_path(data_dir: Path) -> Path:
    return data_dir / "claims.sqlite"


def open_claims(settings: Settings, run_id: str, *, lease_s: float) -> Claims:
    """The claim store of this installation: ``claims.sqlite`` under DATA_DIR, or the tables
    of ``DATABASE_URL``'s database."""
    from adapters import stores

    return StoreClaims(stores.location(settings, "claims"), run_id, lease_s=lease_s)


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
    #: when this run began (ISO 8601, UTC, as outcomes record ``finished_at``): set for a run
    #: that shares its queue with runs on other machines, whose outcomes recorded since then
    #: mean "done elsewhere" (their queue run ids are not this one's)
    since: str | None = None

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

    def done_elsewhere(self, outcomes: Iterable[tuple[str | None, str | None]]) -> bool:
        """Whether another run recorded an outcome since this one began, among ``outcomes``
        ((run_id, finished_at) of the incident's recorded outcomes)."""
        since = self.since
        if since is None:
            return False
        return any(
            run_id is not None and not self.in_run(run_id) and (finished or "") >= since
            for run_id, finished in outcomes
        )

    def heartbeat(self) -> Heartbeat:
        return Heartbeat(self.store, self.worker_id)
