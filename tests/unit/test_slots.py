"""Incidents at once inside one run (graph.slots, RUN_CONCURRENCY): never more than the limit
in flight, every end reported once with its value or its exception, the run loop's log fields
carried into the calls; a limit of 1 runs each call in the caller's thread, as a run always
did."""

from __future__ import annotations

import contextvars
import threading
import time

import pytest

from graph.slots import Finished, Slots

WHO: contextvars.ContextVar[str] = contextvars.ContextVar("who", default="nobody")


def test_a_limit_of_one_runs_each_call_here_and_now() -> None:
    slots: Slots[str, str] = Slots(1)
    caller = threading.get_ident()
    [end] = slots.submit("a", lambda: "ran" if threading.get_ident() == caller else "elsewhere")
    assert end == Finished("a", value="ran")
    [failed] = slots.submit("b", lambda: 1 / 0)  # type: ignore[arg-type, return-value]
    assert failed.key == "b" and isinstance(failed.error, ZeroDivisionError)
    assert slots.drain() == [] and slots.make_room() == [] and slots.in_flight == []


def test_never_more_than_the_limit_in_flight_and_every_end_once() -> None:
    limit, calls = 3, 10
    lock = threading.Lock()
    running = peak = 0

    def call(n: int) -> int:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        time.sleep(0.02)
        with lock:
            running -= 1
        if n == 4:
            raise RuntimeError("incident 4 failed")
        return n * n

    slots: Slots[int, int] = Slots(limit)
    ended: list[Finished[int, int]] = []
    for n in range(calls):
        ended += slots.submit(n, lambda n=n: call(n))  # type: ignore[misc]
        assert len(slots.in_flight) <= limit
    ended += slots.drain()
    slots.close()
    assert peak == limit
    assert sorted(e.key for e in ended) == list(range(calls))
    values = {e.key: e.value for e in ended if e.error is None}
    assert values == {n: n * n for n in range(calls) if n != 4}
    [failed] = [e for e in ended if e.error is not None]
    assert failed.key == 4 and str(failed.error) == "incident 4 failed"


def test_make_room_waits_for_a_free_slot_only() -> None:
    release = threading.Event()
    slots: Slots[str, str] = Slots(2)
    assert slots.submit("a", lambda: release.wait(5) and "a") == []
    assert slots.make_room() == []  # one slot still free: nothing to wait for
    ended = slots.submit("b", lambda: "b")
    release.set()
    ended += slots.make_room() + slots.drain()
    assert sorted(e.key for e in ended) == ["a", "b"] and slots.in_flight == []
    slots.close()


def test_calls_see_the_log_fields_bound_where_they_were_submitted() -> None:
    slots: Slots[str, str] = Slots(2)
    token = WHO.set("worker w2")
    try:
        ended = slots.submit("a", WHO.get)
    finally:
        WHO.reset(token)
    [end] = ended + slots.drain()
    assert end.value == "worker w2"
    slots.close()


def test_a_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Slots(0)
