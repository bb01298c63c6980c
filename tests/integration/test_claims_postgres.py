"""The claim tests of tests/unit/test_claims.py on a real Postgres (``DATABASE_URL``), as the
store congruence tests do for the other stores: the same rules, with row locks (``FOR UPDATE
SKIP LOCKED``) instead of SQLite's write lock. Each connection is a worker's own, as on several
machines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.claims import StoreClaims, open_claims
from adapters.database import PostgresUrl
from config import load_settings
from tests.unit.test_claims import (
    LEASE,
    Connect,
    FakeClock,
    test_a_dead_worker_s_leases_end_at_once_when_its_parent_says_so,
    test_a_finished_incident_is_done_for_this_run_and_free_for_the_next,
    test_a_free_incident_is_claimed_and_held_by_one_worker_only,
    test_an_expired_lease_is_taken_over_and_the_dead_worker_can_neither_renew_nor_release,
    test_an_incident_given_back_unfinished_can_be_claimed_again_in_the_same_run,
    test_claiming_again_what_one_holds_is_granted,
    test_only_one_of_many_concurrent_claimers_gets_the_incident,
    test_renewal_keeps_a_working_worker_s_lease_alive,
)

__all__ = [  # collected here, on Postgres
    "test_a_dead_worker_s_leases_end_at_once_when_its_parent_says_so",
    "test_a_finished_incident_is_done_for_this_run_and_free_for_the_next",
    "test_a_free_incident_is_claimed_and_held_by_one_worker_only",
    "test_an_expired_lease_is_taken_over_and_the_dead_worker_can_neither_renew_nor_release",
    "test_an_incident_given_back_unfinished_can_be_claimed_again_in_the_same_run",
    "test_claiming_again_what_one_holds_is_granted",
    "test_only_one_of_many_concurrent_claimers_gets_the_incident",
    "test_renewal_keeps_a_working_worker_s_lease_alive",
]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def connect(postgres_url: str, clock: FakeClock) -> Iterator[Connect]:
    opened: list[StoreClaims] = []

    def make(run_id: str = "run1") -> StoreClaims:
        claims = StoreClaims(PostgresUrl(postgres_url), run_id, lease_s=LEASE, clock=clock)
        opened.append(claims)
        return claims

    yield make
    for claims in opened:
        claims.close()


@pytest.fixture
def store(connect: Connect) -> StoreClaims:
    return connect()


def test_database_url_puts_the_claims_in_postgres(postgres_url: str, tmp_path: Path) -> None:
    settings = load_settings(DATABASE_URL=postgres_url, DATA_DIR=tmp_path)
    claims = open_claims(settings, "run1", lease_s=LEASE)
    try:
        assert isinstance(claims, StoreClaims) and claims.path is None
        assert claims.acquire("INC1", "w1").granted
    finally:
        claims.close()
    assert not (tmp_path / "claims.sqlite").exists()
