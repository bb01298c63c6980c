"""Per-incident claims (adapters.claims): one worker at a time per incident, a lease that
expires when its worker dies so another takes the incident over, renewal while it works,
release when it is done. The clock is injected: no test sleeps."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from adapters.claims import Claim, ClaimError, Heartbeat, SqliteClaims, StoreClaims

LEASE = 60.0


class FakeClock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


Connect = Callable[..., StoreClaims]


@pytest.fixture
def connect(tmp_path: Path, clock: FakeClock) -> Connect:
    """``connect(run_id="run1")``: a connection to the claim store, as each worker process
    has its own (tests/integration/test_claims_postgres.py runs these tests on Postgres)."""

    def make(run_id: str = "run1") -> StoreClaims:
        return SqliteClaims(tmp_path / "claims.sqlite", run_id, lease_s=LEASE, clock=clock)

    return make


@pytest.fixture
def store(connect: Connect) -> Iterator[StoreClaims]:
    claims = connect()
    yield claims
    claims.close()


def test_a_free_incident_is_claimed_and_held_by_one_worker_only(
    store: StoreClaims, connect: Connect, clock: FakeClock
) -> None:
    assert store.acquire("INC1", "w1") is Claim.CLAIMED
    other = connect()
    try:
        assert other.acquire("INC1", "w2") is Claim.BUSY
        assert other.acquire("INC2", "w2") is Claim.CLAIMED  # other incidents are free
        assert store.acquire("INC2", "w1") is Claim.BUSY
    finally:
        other.close()
    row = store.get("INC1")
    assert row is not None and row.worker_id == "w1" and row.released_at is None
    assert row.expires_at == clock.now + LEASE


def test_claiming_again_what_one_holds_is_granted(store: SqliteClaims) -> None:
    assert store.acquire("INC1", "w1") is Claim.CLAIMED
    assert store.acquire("INC1", "w1") is Claim.CLAIMED


def test_an_expired_lease_is_taken_over_and_the_dead_worker_can_neither_renew_nor_release(
    store: SqliteClaims, clock: FakeClock
) -> None:
    store.acquire("INC1", "w1")
    clock.advance(LEASE - 1)
    assert store.acquire("INC1", "w2") is Claim.BUSY  # one second left
    clock.advance(1)
    assert store.acquire("INC1", "w2") is Claim.TAKEN_OVER
    row = store.get("INC1")
    assert row is not None and row.worker_id == "w2" and row.takeovers == 1
    assert store.acquire("INC1", "w3") is Claim.BUSY  # the new lease is live
    # the first worker comes back (it was only stalled): the incident is not its any more
    assert store.renew_all("w1") == 0
    assert store.release("INC1", "w1", done=True) is False
    assert store.get("INC1") == row


def test_renewal_keeps_a_working_worker_s_lease_alive(
    store: SqliteClaims, clock: FakeClock
) -> None:
    store.acquire("INC1", "w1")
    store.acquire("INC2", "w1")
    store.acquire("INC3", "w2")
    for _ in range(5):  # five leases' worth of time, renewed every third of one
        clock.advance(LEASE / 3)
        assert store.renew_all("w1") == 2
    assert store.acquire("INC1", "w2") is Claim.BUSY
    assert store.acquire("INC2", "w3") is Claim.BUSY
    assert store.acquire("INC3", "w3") is Claim.TAKEN_OVER  # w2 never renewed


def test_a_finished_incident_is_done_for_this_run_and_free_for_the_next(
    store: StoreClaims, connect: Connect
) -> None:
    store.acquire("INC1", "w1")
    assert not store.done_in_run("INC1")
    assert store.release("INC1", "w1", done=True) is True
    assert store.done_in_run("INC1")
    assert store.acquire("INC1", "w2") is Claim.DONE
    assert store.acquire("INC1", "w1") is Claim.DONE
    next_run = connect(run_id="run2")
    try:
        assert not next_run.done_in_run("INC1")
        assert next_run.acquire("INC1", "w9") is Claim.CLAIMED
    finally:
        next_run.close()


def test_an_incident_given_back_unfinished_can_be_claimed_again_in_the_same_run(
    store: SqliteClaims,
) -> None:
    store.acquire("INC1", "w1")
    assert store.release("INC1", "w1", done=False) is True
    assert not store.done_in_run("INC1")
    assert store.acquire("INC1", "w2") is Claim.CLAIMED


def test_a_dead_worker_s_leases_end_at_once_when_its_parent_says_so(
    store: SqliteClaims,
) -> None:
    store.acquire("INC1", "w1")
    store.acquire("INC2", "w1")
    store.acquire("INC3", "w2")
    assert store.expire_worker("w1") == 2
    assert store.acquire("INC1", "w2") is Claim.TAKEN_OVER
    assert store.acquire("INC2", "w3") is Claim.TAKEN_OVER
    assert store.acquire("INC3", "w3") is Claim.BUSY


def test_only_one_of_many_concurrent_claimers_gets_the_incident(connect: Connect) -> None:
    stores = [connect() for _ in range(8)]
    results: dict[str, Claim] = {}
    barrier = threading.Barrier(len(stores))

    def claim(index: int) -> None:
        barrier.wait()
        results[f"w{index}"] = stores[index].acquire("INC1", f"w{index}")

    threads = [threading.Thread(target=claim, args=(i,)) for i in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    for claims in stores:
        claims.close()
    granted = [w for w, r in results.items() if r.granted]
    assert len(results) == 8 and len(granted) == 1, results
    assert sorted(set(results.values())) == sorted({Claim.CLAIMED, Claim.BUSY})


def test_the_heartbeat_renews_until_stopped(store: SqliteClaims, clock: FakeClock) -> None:
    store.acquire("INC1", "w1")
    beaten = threading.Event()

    class Watched(SqliteClaims):
        def renew_all(self, worker_id: str) -> int:
            count = super().renew_all(worker_id)
            beaten.set()
            return count

    assert store.path is not None
    watched = Watched(store.path, "run1", lease_s=LEASE, clock=clock)
    try:
        clock.advance(LEASE - 1)
        with Heartbeat(watched, "w1", every_s=0.001) as heartbeat:
            assert heartbeat.every_s == 0.001
            assert beaten.wait(timeout=10)
        assert store.get("INC1").expires_at == clock.now + LEASE  # type: ignore[union-attr]
    finally:
        watched.close()
    assert Heartbeat(store, "w1").every_s == LEASE / 3


def test_a_store_that_cannot_be_written_says_what_to_check(
    store: SqliteClaims, tmp_path: Path, clock: FakeClock
) -> None:
    not_a_dir = tmp_path / "a-file"
    not_a_dir.write_text("x", encoding="utf-8")
    with pytest.raises(ClaimError, match=r"cannot open the claim store .*DATA_DIR"):
        SqliteClaims(not_a_dir / "claims.sqlite", "run1", lease_s=LEASE, clock=clock)
    assert store.path is not None
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("DROP TABLE claims")
    blocker.close()
    with pytest.raises(ClaimError, match=r"claim store .* failed: .*DATA_DIR"):
        store.acquire("INC1", "w1")


def test_a_lease_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="lease_s"):
        SqliteClaims(tmp_path / "claims.sqlite", "run1", lease_s=0)
