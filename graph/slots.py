"""Incidents at once inside one run or worker (``RUN_CONCURRENCY``, README "Workers").

A run spends almost all of an incident's time waiting for the model. Against a server that
answers several requests at once (vLLM, Ollama, OpenAI, a llama.cpp server with parallel
slots) one process can keep several incidents in flight: each runs its own graph thread
(thread id = incident id) in a thread of a small pool, and the run loop claims, counts and
records their ends in its own thread, as before. With a limit of 1 nothing changes: the
incident runs in the loop's thread, exactly as a run always did.

What the threads share is thread-safe: each store serialises its calls with a lock (outcomes,
checkpoints, LLM history, approvals, claims), the HTTP clients are, and the index's search
and the lazy model providers take a lock of their own.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


@dataclass(frozen=True)
class Finished(Generic[K, V]):
    """One piece of work that ended: its key, and its value or what it raised."""

    key: K
    value: V | None = None
    error: BaseException | None = None


class Slots(Generic[K, V]):
    """Runs up to ``limit`` calls at once; :meth:`submit` waits for a free slot first.

    Every call's end comes back once, from :meth:`submit` or :meth:`drain`, in the order the
    calls ended, its exception included (a ``BaseException`` too: the caller decides). Each
    call runs in a copy of the submitter's context, so log fields bound in the run loop (the
    worker, the queue run) reach the call's log lines.
    """

    def __init__(self, limit: int, *, name: str = "incident") -> None:
        if limit < 1:
            raise ValueError(f"a limit of at least 1 call at once, not {limit}")
        self.limit = limit
        self._pool = (
            ThreadPoolExecutor(max_workers=limit, thread_name_prefix=name) if limit > 1 else None
        )
        self._running: dict[Future[V], K] = {}

    @property
    def in_flight(self) -> list[K]:
        """The keys of the calls still running."""
        return list(self._running.values())

    def submit(self, key: K, call: Callable[[], V]) -> list[Finished[K, V]]:
        """Start ``call``; the calls that ended meanwhile (with a limit of 1: this one, run
        here and now)."""
        if self._pool is None:
            try:
                return [Finished(key, value=call())]
            except BaseException as exc:  # the caller decides; nothing else is in flight
                return [Finished(key, error=exc)]
        ended = self.make_room()
        context = contextvars.copy_context()
        self._running[self._pool.submit(context.run, call)] = key
        return ended + self._collect(block=False)

    def make_room(self) -> list[Finished[K, V]]:
        """Wait until a slot is free (a claim is taken only then: an incident claimed while
        every slot is busy would wait here while another worker could work on it); the calls
        that ended meanwhile."""
        ended: list[Finished[K, V]] = []
        while self._pool is not None and len(self._running) >= self.limit:
            ended += self._collect(block=True)
        return ended

    def drain(self) -> list[Finished[K, V]]:
        """Wait for every call still running; their ends."""
        ended: list[Finished[K, V]] = []
        while self._running:
            ended += self._collect(block=True)
        return ended

    def close(self) -> None:
        """Start nothing more. Calls still running finish in their threads (each incident's
        thread is checkpointed), but nobody waits for them here."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)

    def _collect(self, *, block: bool) -> list[Finished[K, V]]:
        if not self._running:
            return []
        done, _ = wait(
            list(self._running), timeout=None if block else 0, return_when=FIRST_COMPLETED
        )
        ended = []
        for future in done:
            key = self._running.pop(future)
            error = future.exception()
            if error is None:
                ended.append(Finished(key, value=future.result()))
            else:
                ended.append(Finished(key, error=error))
        return ended
