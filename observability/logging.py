"""Logging for every entry point: structlog over the standard library.

* configured once per process by :func:`configure_logging` (entry points call it first);
* JSON lines when stderr is not a terminal (or ``LOG_FORMAT=json``), coloured console otherwise;
* ``run_id`` / ``incident_id`` bound with contextvars (:func:`bind_run`, :func:`incident_scope`)
  appear on every line, including lines from libraries that use plain ``logging``;
* every line passes the personal-data redaction processor;
* logs go to stderr so that ``--json`` output on stdout stays machine-readable;
* with a :class:`~observability.loki.LokiConfig` (``LOKI_URL``) the same lines, as JSON and
  redacted by the same processors, are also shipped to Loki (:mod:`observability.loki`).
"""

from __future__ import annotations

import logging
import sys
import uuid
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from typing import Any, TextIO

import structlog

from observability.loki import LokiConfig, LokiShippingHandler, set_active
from observability.redaction import redact_value

_configured = False


def redact_processor(
    logger: Any, method_name: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """structlog processor: redact personal data in every value of the event."""
    return {key: redact_value(value) for key, value in event_dict.items()}


def configure_logging(
    level: str = "INFO",
    fmt: str = "auto",
    *,
    stream: TextIO | None = None,
    force: bool = False,
    loki: LokiConfig | None = None,
) -> None:
    """Configure structlog and the standard library once for this process; with ``loki``,
    lines are shipped there too (never blocking: see :mod:`observability.loki`)."""
    global _configured  # noqa: PLW0603 - process-wide, set once
    if _configured and not force:
        return
    stream = stream or sys.stderr
    use_json = fmt == "json" or (fmt == "auto" and not stream.isatty())
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.StackInfoRenderer(),
    ]
    renderer: Any = (
        structlog.processors.JSONRenderer(ensure_ascii=False)
        if use_json
        else structlog.dev.ConsoleRenderer(colors=stream.isatty())
    )
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            # Tracebacks become text first so that redaction covers them too.
            structlog.processors.format_exc_info,
            redact_processor,
            renderer,
        ],
    )
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
        if isinstance(old, LokiShippingHandler):
            old.close()  # stops its thread; reports what it dropped
    root.addHandler(handler)
    set_active(None)
    if loki is not None:
        shipper = LokiShippingHandler(loki)
        shipper.setFormatter(
            structlog.stdlib.ProcessorFormatter(
                foreign_pre_chain=shared,
                processors=[
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info,
                    redact_processor,  # the same redaction as stderr, before the line is queued
                    structlog.processors.JSONRenderer(ensure_ascii=False),
                ],
            )
        )
        root.addHandler(shipper)
        set_active(shipper)
    root.setLevel(level)
    # Chatty libraries: keep their warnings, drop their per-request info lines.
    for name in ("httpx", "httpcore", "urllib3", "sentence_transformers", "openai"):
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLevelName(level)))
    _configured = True


def new_run_id() -> str:
    return uuid.uuid4().hex[:12]


def bind_run(run_id: str | None = None, **extra: Any) -> str:
    """Bind a run id (new if not given) to every later log line of this context."""
    run_id = run_id or new_run_id()
    structlog.contextvars.bind_contextvars(run_id=run_id, **extra)
    return run_id


@contextmanager
def incident_scope(incident_id: str) -> Iterator[None]:
    """Within the block, every log line carries ``incident_id``."""
    with structlog.contextvars.bound_contextvars(incident_id=incident_id):
        yield
