"""Shipping log lines to Loki (``LOKI_URL``) without ever slowing or failing a run.

Built on ``python-logging-loki``'s v1 emitter (Loki's JSON push API, label-name clean-up, the
HTTP session). Its own ``LokiQueueHandler`` is not used as it is, because for a scheduled job it
falls short in ways that matter here: its queue has no bound (a slow Loki grows memory without
limit), its requests have no timeout (a Loki that accepts the connection and never answers
stalls shipping for good), it sends one request per line, stamps lines with the time they are
sent rather than the time they were logged, prints a traceback for every line it cannot send
and loses what is still queued at exit without saying so. So:

* the logging call only formats the line (same processors as stderr: personal data is redacted
  before the line is queued) and puts it on a bounded queue, never waiting: a full queue drops
  the line and counts it;
* one daemon thread sends what has queued up in batches (what arrives within ``linger_s``, one
  request per batch, streams grouped by labels), each request with a timeout; a batch Loki
  refuses or cannot take is dropped and counted, with one warning when Loki becomes
  unreachable and one when it is back; while it is unreachable the thread backs off (1 s
  doubling to 30 s) instead of trying again for every line;
* at exit the queue gets at most ``close_timeout_s`` to drain; what is left is counted as
  dropped and reported in one warning (``loki.dropped``) on stderr.

Labels stay few and bounded (Loki indexes them: one stream per combination): ``app``,
``environment``, ``job`` and ``level``. Run and incident ids, mailboxes, outcomes are fields of
the JSON line (LogQL ``| json``), never labels.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import dataclass, field
from logging.handlers import QueueHandler
from typing import Any
from urllib.parse import urlsplit

import structlog
from logging_loki.emitter import LokiEmitterV1

#: Loki's push endpoint, appended to a ``LOKI_URL`` given as the server's base URL
PUSH_PATH = "/loki/api/v1/push"
#: the labels every line carries (the dashboards' queries may use only these)
LABELS = ("app", "environment", "job", "level")
#: the logger this module warns on; its own lines are not shipped (they are about shipping)
INTERNAL_LOGGER = "observability.loki"
#: ``job`` label of lines logged before a command bound its own job (``resolvia run``...)
DEFAULT_JOB = "resolvia"
#: longest pause between two pushes while Loki does not answer
MAX_BACKOFF_S = 30.0

log = logging.getLogger(INTERNAL_LOGGER)


def push_url(url: str) -> str:
    """``LOKI_URL`` as the push endpoint: a base URL gets :data:`PUSH_PATH` appended."""
    url = url.rstrip("/")
    return url if urlsplit(url).path.endswith(PUSH_PATH) else url + PUSH_PATH


@dataclass(frozen=True)
class LokiConfig:
    """Where and how to ship (built from the settings by the entry point)."""

    url: str
    environment: str
    app: str = "resolvia"
    #: lines waiting to be sent; beyond it new lines are dropped (and counted)
    queue_size: int = 10_000
    #: lines per push request at most
    batch_size: int = 500
    #: seconds one push may take before it counts as failed
    timeout_s: float = 5.0
    #: seconds the shipper waits for more lines before a push (fewer, larger requests)
    linger_s: float = 0.5
    #: seconds the exit waits for the queue to drain
    close_timeout_s: float = 2.0


@dataclass
class LokiStats:
    """What happened to the lines handed to the Loki handler (thread-safe counters)."""

    queued: int = 0
    sent: int = 0
    #: the queue was full (Loki slower than the engine logs)
    dropped_queue_full: int = 0
    #: Loki refused or did not answer in time
    dropped_failed: int = 0
    #: still queued (or in flight) when the process exited
    dropped_at_exit: int = 0
    failed_pushes: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, **counts: int) -> None:
        with self._lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)

    @property
    def dropped(self) -> int:
        return self.dropped_queue_full + self.dropped_failed + self.dropped_at_exit

    def as_dict(self) -> dict[str, int]:
        with self._lock:
            return {
                "queued": self.queued,
                "sent": self.sent,
                "dropped": self.dropped,
                "dropped_queue_full": self.dropped_queue_full,
                "dropped_failed": self.dropped_failed,
                "dropped_at_exit": self.dropped_at_exit,
                "failed_pushes": self.failed_pushes,
            }


class LokiPushError(Exception):
    """Loki answered a push with something other than success."""


class _Emitter(LokiEmitterV1):
    """The package's v1 emitter, sending a batch per request with each line's own time."""

    def __init__(self, url: str, tags: dict[str, str], timeout_s: float) -> None:
        super().__init__(push_url(url), tags)
        self.timeout_s = timeout_s

    def labels(self, record: logging.LogRecord) -> dict[str, str]:
        """Fixed labels, the level, and the ``job`` the line's context names."""
        labels = dict(self.tags)
        labels["level"] = record.levelname.lower()
        labels["job"] = self.format_label(str(getattr(record, "loki_job", "") or DEFAULT_JOB))
        return labels

    def payload(self, records: list[logging.LogRecord]) -> dict[str, Any]:
        streams: dict[tuple[tuple[str, str], ...], list[list[str]]] = {}
        for record in records:
            key = tuple(sorted(self.labels(record).items()))
            # nanoseconds, as a string: Loki's JSON push format
            streams.setdefault(key, []).append([str(int(record.created * 1e9)), record.msg])
        return {"streams": [{"stream": dict(k), "values": v} for k, v in streams.items()]}

    def push(self, records: list[logging.LogRecord]) -> None:
        response = self.session.post(self.url, json=self.payload(records), timeout=self.timeout_s)
        if response.status_code not in (200, 204):
            raise LokiPushError(f"HTTP {response.status_code}: {response.text[:200]}")


_STOP = object()


class LokiShippingHandler(QueueHandler):
    """A logging handler that queues formatted lines and ships them from a daemon thread."""

    def __init__(self, config: LokiConfig) -> None:
        self.lines: queue.Queue[Any] = queue.Queue(maxsize=config.queue_size)
        super().__init__(self.lines)
        self.config = config
        self.stats = LokiStats()
        self.emitter = _Emitter(
            config.url,
            {"app": config.app, "environment": config.environment},
            config.timeout_s,
        )
        self.addFilter(lambda record: record.name != INTERNAL_LOGGER)
        self._failing = False
        self._backoff_s = 0.0
        self._retry_at = 0.0
        self._closing = threading.Event()
        self._in_flight = 0
        self._closed = False
        self._thread = threading.Thread(target=self._ship, name="loki-shipper", daemon=True)
        self._thread.start()

    # --- the logging side: format, queue, never wait --------------------------------------
    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        # Formatted here, on the caller's thread: the contextvars (run_id, incident_id, job)
        # are those of the code that logged, and redaction runs before the line is queued.
        event = record.msg if isinstance(record.msg, dict) else {}  # a structlog event
        job = event.get("job") or structlog.contextvars.get_contextvars().get("job")
        line = self.format(record)
        shipped = logging.makeLogRecord(
            {
                "name": record.name,
                "levelno": record.levelno,
                "levelname": record.levelname,
                "created": record.created,
                "msg": line,
                "loki_job": job,
            }
        )
        return shipped

    def enqueue(self, record: logging.LogRecord) -> None:
        if self._closed:
            return
        try:
            self.lines.put_nowait(record)
        except queue.Full:
            self.stats.add(dropped_queue_full=1)
        else:
            self.stats.add(queued=1)

    # --- the shipping thread -----------------------------------------------------------------
    def _ship(self) -> None:
        while True:
            wait = self._retry_at - time.monotonic()
            if wait > 0 and self._closing.wait(wait):
                return  # Loki is down and the process is leaving: close() counts what is left
            first = self.lines.get()
            if first is _STOP:
                return
            batch, stop = self._gather(first)
            self._send(batch)
            if stop:
                return

    def _gather(self, first: logging.LogRecord) -> tuple[list[logging.LogRecord], bool]:
        """``first`` and what comes within ``linger_s``, up to ``batch_size`` lines; True when
        the close marker came too."""
        batch = [first]
        deadline = time.monotonic() + self.config.linger_s
        while len(batch) < self.config.batch_size:
            left = deadline - time.monotonic()
            try:
                item = self.lines.get(timeout=left) if left > 0 else self.lines.get_nowait()
            except queue.Empty:
                break
            if item is _STOP:
                return batch, True
            batch.append(item)
        return batch, False

    def _send(self, batch: list[logging.LogRecord]) -> None:
        self._in_flight = len(batch)
        try:
            self.emitter.push(batch)
        except Exception as exc:  # an adapter boundary: Loki's failure must never reach the run
            self.stats.add(dropped_failed=len(batch), failed_pushes=1)
            # back off (1 s, doubling up to 30 s): a down Loki is not hammered and costs the
            # machine nothing; meanwhile lines queue up (or, the queue full, are dropped)
            self._backoff_s = min(MAX_BACKOFF_S, self._backoff_s * 2 or 1.0)
            self._retry_at = time.monotonic() + self._backoff_s
            if not self._failing:
                self._failing = True
                log.warning(
                    "loki.unreachable: %s; lines are dropped (and counted) until it answers",
                    f"{type(exc).__name__}: {exc}"[:300],
                )
        else:
            self.stats.add(sent=len(batch))
            self._backoff_s = 0.0
            if self._failing:
                self._failing = False
                log.warning("loki.recovered: %d line(s) dropped so far", self.stats.dropped)
        finally:
            self._in_flight = 0

    # --- exit ----------------------------------------------------------------------------------
    def close(self) -> None:
        """Give the queue ``close_timeout_s`` to drain, count what is left, report drops."""
        if self._closed:
            super().close()
            return
        self._closed = True
        self._closing.set()
        deadline = time.monotonic() + self.config.close_timeout_s
        while True:
            try:
                self.lines.put(_STOP, timeout=max(0.0, deadline - time.monotonic()))
                break
            except queue.Full:
                if time.monotonic() >= deadline:
                    break
        self._thread.join(timeout=max(0.0, deadline - time.monotonic()))
        left = 0
        while True:
            try:
                item = self.lines.get_nowait()
            except queue.Empty:
                break
            left += item is not _STOP
        if self._thread.is_alive():
            left += self._in_flight
        if left:
            self.stats.add(dropped_at_exit=left)
        self.emitter.close()
        if self.stats.dropped:
            log.warning("loki.dropped: %s", self.stats.as_dict())
        super().close()


_active: LokiShippingHandler | None = None


def set_active(handler: LokiShippingHandler | None) -> None:
    """Remember the process's Loki handler (configure_logging does this)."""
    global _active  # noqa: PLW0603 - one handler per process
    _active = handler


def active_stats() -> LokiStats | None:
    """The counters of this process's Loki handler; None when logs are not shipped."""
    return None if _active is None else _active.stats


def loki_config(settings: Any) -> LokiConfig | None:
    """The shipping configuration of ``settings`` (a :class:`config.Settings`), or None when
    ``LOKI_URL`` is unset."""
    if not settings.LOKI_URL:
        return None
    return LokiConfig(
        url=settings.LOKI_URL,
        environment=settings.ENTORNO.lower(),
        queue_size=settings.LOKI_QUEUE_SIZE,
    )
