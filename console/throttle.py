"""Sign-in throttling: after too many failed sign-ins for one user name or from one client
address within a window, further attempts are refused (HTTP 429) until the window has moved on.

Both keys count: per user name stops guessing one account's password from many addresses, per
address stops one client from trying many accounts. A successful sign-in forgets the user's
failures but not the address's, so one valid account cannot be used to reset the address's
count between guesses. While a key is locked the password is not even checked (no Argon2 work
for a refused attempt).

The counts live in the console's process (a restart forgets them): the console is one process
and nothing outside it can restart it. Behind a reverse proxy every client has the proxy's
address, so the per-address limit then applies to all of them together.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

#: failed attempts allowed per key within the window
MAX_FAILURES = 5
WINDOW_S = 15 * 60.0
#: keys remembered at most (a flood of made-up user names must not grow memory without bound)
MAX_KEYS = 10_000


@dataclass(frozen=True)
class Lockout:
    """A refused attempt: which key is locked and for how many more seconds."""

    key: str
    retry_after_s: int
    #: the first refusal of this lock-out (the one worth an audit entry)
    first: bool

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.retry_after_s / 60))


class SignInThrottle:
    """Failed sign-ins per ``user:<name>`` and ``ip:<address>`` in a sliding window
    (thread-safe)."""

    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window_s: float = WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_failures < 1 or window_s <= 0:
            raise ValueError("max_failures must be >= 1 and window_s > 0")
        self.max_failures = max_failures
        self.window_s = window_s
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, deque[float]] = {}
        #: keys whose current lock-out was already reported (key -> when it ends)
        self._reported: dict[str, float] = {}

    @staticmethod
    def keys(user: str, address: str | None) -> list[str]:
        keys = [f"user:{user[:64]}"] if user else []
        return [*keys, f"ip:{address or 'desconocida'}"]

    def check(self, user: str, address: str | None) -> Lockout | None:
        """A :class:`Lockout` when any key of this attempt is locked; None when it may go on."""
        now = self._clock()
        with self._lock:
            for key in self.keys(user, address):
                until = self._locked_until(key, now)
                if until is None:
                    continue
                first = self._reported.get(key) != until
                self._reported[key] = until
                return Lockout(key, max(1, math.ceil(until - now)), first)
        return None

    def failed(self, user: str, address: str | None) -> None:
        """Count one failed sign-in against the user name and the address."""
        now = self._clock()
        with self._lock:
            if len(self._failures) >= MAX_KEYS:
                self._forget_old(now)
            for key in self.keys(user, address):
                stamps = self._failures.setdefault(key, deque(maxlen=self.max_failures))
                stamps.append(now)

    def succeeded(self, user: str) -> None:
        """The user signed in: its own failures are forgotten (the address's are kept)."""
        with self._lock:
            self._failures.pop(f"user:{user[:64]}", None)

    def _locked_until(self, key: str, now: float) -> float | None:
        stamps = self._failures.get(key)
        if not stamps or len(stamps) < self.max_failures:
            return None
        # the oldest of the last max_failures failures leaves the window at `until`
        until = stamps[0] + self.window_s
        return until if until > now else None

    def _forget_old(self, now: float) -> None:
        for key in [k for k, s in self._failures.items() if not s or s[-1] + self.window_s <= now]:
            del self._failures[key]
            self._reported.pop(key, None)
        while len(self._failures) >= MAX_KEYS:  # all recent: drop the oldest entries
            key = next(iter(self._failures))
            del self._failures[key]
            self._reported.pop(key, None)
