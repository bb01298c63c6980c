"""Logs shipped to Loki: against a receiver on 127.0.0.1 that speaks Loki's push API."""

from __future__ import annotations

import io
import json
import logging
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import structlog

from config import load_settings
from errors import ConfigError
from observability import loki as loki_module
from observability.logging import bind_run, configure_logging, incident_scope
from observability.loki import LABELS, LokiConfig, active_stats, loki_config, push_url
from tests.loki_receiver import LokiReceiver, free_port

#: the real connect, taken before the unit tests' socket guard replaces it
_REAL_CONNECT = socket.socket.connect


@pytest.fixture
def allow_loopback(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    """Let connections through to one port on 127.0.0.1 (the test's own receiver), no other."""
    allowed: set[int] = set()
    guarded = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> Any:
        if isinstance(address, tuple) and address[:2] in {("127.0.0.1", p) for p in allowed}:
            return _REAL_CONNECT(self, address)
        return guarded(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return allowed.add


@pytest.fixture
def receiver(allow_loopback: Callable[[int], None]) -> Iterator[LokiReceiver]:
    rec = LokiReceiver()
    allow_loopback(rec.port)
    yield rec
    rec.close()


@pytest.fixture(autouse=True)
def _plain_logging_afterwards() -> Iterator[None]:
    yield
    structlog.contextvars.clear_contextvars()
    configure_logging("INFO", "json", stream=io.StringIO(), force=True)  # closes the shipper


def _ship_to(url: str, stream: io.StringIO | None = None, **config: Any) -> io.StringIO:
    stream = stream or io.StringIO()
    configure_logging(
        "INFO", "json", stream=stream, force=True, loki=LokiConfig(url, "desa", **config)
    )
    structlog.contextvars.clear_contextvars()
    return stream


def _close_shipper() -> None:
    for handler in logging.getLogger().handlers:
        if isinstance(handler, loki_module.LokiShippingHandler):
            handler.close()


def _stderr_events(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_lines_arrive_as_json_with_few_labels_and_no_personal_data(
    receiver: LokiReceiver,
) -> None:
    _ship_to(receiver.url)
    run_id = bind_run(job="batch")
    log = structlog.get_logger("graph.runner")
    before = time.time_ns()
    with incident_scope("INC000123"):
        log.info("incident.received", solicitante="ana@example.com", texto="DNI 12345678Z")
        logging.getLogger("thirdparty").warning("llamar al 612345678")  # plain stdlib logger
        try:
            raise ValueError("IBAN ES91 2100 0418 4502 0005 1332 de pepe@example.com")
        except ValueError:
            log.exception("incident.failed")
    _close_shipper()  # drains the queue
    after = time.time_ns()

    assert not receiver.refused  # JSON, as the client sends it
    lines = receiver.lines()
    assert len(lines) == 3
    for labels, ts, _ in lines:
        assert set(labels) == set(LABELS)  # run and incident ids are not labels
        assert labels["app"] == "resolvia" and labels["environment"] == "desa"
        assert labels["job"] == "batch"
        assert before <= int(ts) <= after  # the time it was logged, in nanoseconds
    assert [labels["level"] for labels, _, _ in lines] == ["info", "warning", "error"]
    events = [json.loads(line) for _, _, line in lines]
    assert all(e["run_id"] == run_id and e["incident_id"] == "INC000123" for e in events)
    assert events[0]["event"] == "incident.received"
    assert events[0]["solicitante"] == "[EMAIL]" and events[0]["texto"] == "DNI [NIF]"
    assert events[1]["event"] == "llamar al [TELEFONO]"
    shipped = "\n".join(line for _, _, line in lines)
    for secret in ("ana@example.com", "12345678Z", "612345678", "pepe@example.com", "0418 4502"):
        assert secret not in shipped
    assert "ValueError" in events[2]["exception"]


def test_lines_are_batched_and_streams_grouped_by_labels(receiver: LokiReceiver) -> None:
    receiver.delay_s = 0.2  # the first push is slow: the next lines queue up meanwhile
    _ship_to(receiver.url, batch_size=40, close_timeout_s=10)
    log = structlog.get_logger("t")
    for i in range(100):
        (log.warning if i % 10 == 0 else log.info)("line", n=i)
    _close_shipper()
    lines = receiver.lines()
    assert sorted(json.loads(line)["n"] for _, _, line in lines) == list(range(100))
    assert 3 <= len(receiver.pushes) <= 10  # batches of 40 at most, not a request per line
    assert all(len(p.lines()) <= 40 for p in receiver.pushes)
    for push in receiver.pushes:  # one stream per label set within a push
        levels = [s["stream"]["level"] for s in push.body["streams"]]
        assert len(levels) == len(set(levels))
    stats = active_stats()
    assert stats is not None and stats.sent == 100 and stats.dropped == 0


def test_loki_down_costs_a_warning_and_a_count_nothing_else(
    allow_loopback: Callable[[int], None], capsys: pytest.CaptureFixture[str]
) -> None:
    port = free_port()
    allow_loopback(port)
    stream = _ship_to(f"http://127.0.0.1:{port}")
    log = structlog.get_logger("t")
    started = time.perf_counter()
    for i in range(200):
        log.info("line", n=i)
    logging_seconds = time.perf_counter() - started
    stats = active_stats()
    _close_shipper()
    assert stats is not None and stats.dropped == 200 and stats.sent == 0
    assert logging_seconds < 2.0  # the caller only formats and queues
    events = [e["event"] for e in _stderr_events(stream)]
    assert sum(e.startswith("loki.unreachable") for e in events) == 1  # once, not per line
    assert any(e.startswith("loki.dropped") and "'dropped': 200" in e for e in events)
    assert "Traceback" not in capsys.readouterr().err  # no traceback per failed line


def test_a_slow_loki_fills_the_queue_drops_are_counted_and_exit_is_bounded(
    receiver: LokiReceiver,
) -> None:
    receiver.delay_s = 3.0
    _ship_to(receiver.url, queue_size=100, batch_size=50, close_timeout_s=0.5)
    log = structlog.get_logger("t")
    started = time.perf_counter()
    for i in range(1000):
        log.info("line", n=i)
    logging_seconds = time.perf_counter() - started
    stats = active_stats()
    closing = time.perf_counter()
    _close_shipper()
    closing_seconds = time.perf_counter() - closing
    assert logging_seconds < 3.0  # never waited for the 3-second Loki
    assert closing_seconds < 1.5  # close_timeout_s, not the queue's worth of slow pushes
    assert stats is not None
    assert stats.dropped_queue_full >= 800
    assert stats.queued + stats.dropped_queue_full == 1000
    assert stats.sent + stats.dropped == 1000  # every line is accounted for


def test_loki_answering_errors_counts_the_batch_as_dropped(receiver: LokiReceiver) -> None:
    receiver.status = 500
    _ship_to(receiver.url)
    structlog.get_logger("t").info("line")
    stats = active_stats()
    _close_shipper()
    assert stats is not None and stats.dropped_failed == 1 and stats.failed_pushes == 1


def test_loki_url_setting() -> None:
    assert load_settings().LOKI_URL is None and loki_config(load_settings()) is None
    settings = load_settings(LOKI_URL="http://loki:3100/", ENTORNO="DESA")
    config = loki_config(settings)
    assert config is not None and config.environment == "desa"
    assert push_url(config.url) == "http://loki:3100/loki/api/v1/push"
    assert push_url("http://x/loki/api/v1/push") == "http://x/loki/api/v1/push"
    with pytest.raises(ConfigError, match="LOKI_URL"):
        load_settings(LOKI_URL="loki:3100")
