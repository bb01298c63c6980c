"""A circuit breaker per model provider (``resolvia serve-llm``).

closed -> open after ``failure_threshold`` consecutive failures; open -> half-open once
``cooldown_s`` has passed; in half-open one trial request goes through (the others are turned
away, to the fallback), and its result closes or reopens the circuit.

Written here rather than taken from a library, deliberately: ``pybreaker`` (1.4) holds its lock
for the whole guarded call, so every request to a provider would wait for the one before it,
which defeats a service whose point is many workers sharing one batched model server; and
``purgatory`` is built for asyncio around a message bus and unit of work, far more machinery than
a counter and a clock. This one never holds its lock while a request runs, takes an injectable
clock (tests do not sleep), and reports its state for ``/health``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half-open"


@dataclass(frozen=True)
class BreakerSnapshot:
    """What ``/health`` shows of one breaker."""

    state: BreakerState
    consecutive_failures: int
    last_error: str | None
    #: seconds until an open circuit lets a trial request through (0 when not open)
    retry_in_s: float


class CircuitBreaker:
    """Thread-safe; the caller asks :meth:`allow` before a request and reports the result with
    :meth:`succeeded` or :meth:`failed`."""

    def __init__(
        self,
        failure_threshold: int,
        cooldown_s: float,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if failure_threshold < 1:
            raise ValueError("failure_threshold must be at least 1")
        self.failure_threshold = failure_threshold
        self.cooldown_s = cooldown_s
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_running = False
        self._last_error: str | None = None

    def _state(self, now: float) -> BreakerState:
        if self._opened_at is None:
            return BreakerState.CLOSED
        if now - self._opened_at >= self.cooldown_s:
            return BreakerState.HALF_OPEN
        return BreakerState.OPEN

    @property
    def state(self) -> BreakerState:
        with self._lock:
            return self._state(self._clock())

    def allow(self) -> bool:
        """Whether a request may go to the provider now (in half-open: the one trial)."""
        with self._lock:
            state = self._state(self._clock())
            if state is BreakerState.CLOSED:
                return True
            if state is BreakerState.HALF_OPEN and not self._trial_running:
                self._trial_running = True
                return True
            return False

    def succeeded(self) -> None:
        with self._lock:
            self._failures = 0
            self._opened_at = None
            self._trial_running = False

    def failed(self, error: str) -> None:
        with self._lock:
            now = self._clock()
            self._failures += 1
            self._last_error = error
            trial = self._trial_running
            self._trial_running = False
            if trial or self._failures >= self.failure_threshold:
                self._opened_at = now  # a failed trial starts a new cool-down

    def snapshot(self) -> BreakerSnapshot:
        with self._lock:
            now = self._clock()
            state = self._state(now)
            retry_in = 0.0
            if state is BreakerState.OPEN and self._opened_at is not None:
                retry_in = max(0.0, self.cooldown_s - (now - self._opened_at))
            return BreakerSnapshot(state, self._failures, self._last_error, round(retry_in, 1))
