"""A fault-injecting HTTP proxy for the tests: put it in front of a mock service and make that
service fail, be slow, or answer garbage, for some requests or all, while a run is going on.

The proxy forwards each request to the real service first and then spoils the answer, so a
spoiled ``PATCH`` has still taken effect on the service: exactly what a client sees when a
reply is lost (the case idempotency keys are for). ``REFUSE`` is the exception: the request is
dropped unanswered and never forwarded. :meth:`FaultProxy.pause` closes the listening socket
(connection refused) and :meth:`FaultProxy.resume` opens it again on the same port.
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from dataclasses import dataclass
from enum import StrEnum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

HOST = "127.0.0.1"
_HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"}
)


class ProxyFault(StrEnum):
    """What happens to a request that matches a :class:`Rule`."""

    REFUSE = "refuse"  # connection closed without an answer, nothing forwarded
    SLOW = "slow"  # forwarded, answered after ``FaultProxy.slow_s``
    HTTP_500 = "http_500"  # forwarded, answered 500
    NOT_JSON = "not_json"  # forwarded, answered 200 with an HTML page
    TRUNCATED = "truncated"  # forwarded, answered 200 with half the real body
    WRONG_SCHEMA = "wrong_schema"  # forwarded, answered 200 with well-formed JSON of no use


@dataclass
class Rule:
    """Spoil requests whose method matches and whose path and body contain the patterns
    (regular expressions): after letting ``after`` of them through, the next ``times`` ones
    (None: all)."""

    fault: ProxyFault
    method: str | None = None
    path: str = ""
    body: str = ""
    after: int = 0
    times: int | None = None
    seen: int = 0

    def matches(self, method: str, path: str, body: str) -> bool:
        return (
            (self.method is None or self.method == method)
            and re.search(self.path, path) is not None
            and re.search(self.body, body) is not None
        )


@dataclass(frozen=True)
class Passed:
    """One request through the proxy: what it was and what the client got."""

    method: str
    path: str
    status: int | None
    fault: ProxyFault | None
    at: float


class FaultProxy:
    """A reverse proxy on 127.0.0.1 in a thread of the test process (a context manager)."""

    def __init__(self, upstream: str, *, slow_s: float = 5.0, port: int = 0) -> None:
        self.upstream = upstream.rstrip("/")
        self.slow_s = slow_s
        self.rules: list[Rule] = []
        self.log: list[Passed] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._port = port
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self._port}"

    # -- lifecycle --------------------------------------------------------------------------
    def start(self) -> FaultProxy:
        self._stopping.clear()
        self._httpd = ThreadingHTTPServer((HOST, self._port), _handler_for(self))
        self._httpd.daemon_threads = True
        self._port = int(self._httpd.server_address[1])
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def pause(self) -> None:
        """Stop listening: connection refused until :meth:`resume`."""
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def resume(self) -> None:
        self.start()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.pause()

    # -- faults and what went through --------------------------------------------------------
    def set_rules(self, *rules: Rule) -> None:
        with self._lock:
            self.rules = list(rules)

    def count(self, method: str | None = None, path: str = "", *, answered: bool = True) -> int:
        """Requests through so far (``answered``: only those the client got a status for)."""
        with self._lock:
            return sum(
                1
                for p in self.log
                if (method is None or p.method == method)
                and re.search(path, p.path)
                and (p.status is not None or not answered)
            )

    def _fault_for(self, method: str, path: str, body: bytes) -> ProxyFault | None:
        text = body.decode("utf-8", errors="replace")
        with self._lock:
            for rule in self.rules:
                if not rule.matches(method, path, text):
                    continue
                rule.seen += 1
                spoiled = rule.seen - rule.after
                if spoiled > 0 and (rule.times is None or spoiled <= rule.times):
                    return rule.fault
        return None

    def _passed(self, method: str, path: str, status: int | None, fault: ProxyFault | None) -> None:
        with self._lock:
            self.log.append(Passed(method, path, status, fault, time.monotonic()))

    def wait(self, seconds: float) -> None:
        self._stopping.wait(seconds)


def _handler_for(proxy: FaultProxy) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        def _handle(self) -> None:
            method = self.command
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            fault = proxy._fault_for(method, self.path, body)
            if fault is ProxyFault.REFUSE:
                proxy._passed(method, self.path, None, fault)
                self.close_connection = True
                with contextlib.suppress(OSError):
                    self.connection.shutdown(2)
                return
            headers = {
                k: v for k, v in self.headers.items() if k.lower() not in {"host", "content-length"}
            }
            try:
                with httpx.Client(timeout=30) as client:
                    answer = client.request(
                        method, proxy.upstream + self.path, content=body, headers=headers
                    )
            except httpx.HTTPError as exc:
                proxy._passed(method, self.path, 502, fault)
                self._send(502, f"upstream: {exc}".encode(), {"Content-Type": "text/plain"})
                return
            status, content = answer.status_code, answer.content
            out = {k: v for k, v in answer.headers.items() if k.lower() not in _HOP_BY_HOP}
            if fault is ProxyFault.SLOW:
                proxy.wait(proxy.slow_s)
            elif fault is ProxyFault.HTTP_500:
                status, content = 500, b'{"detail": "injected internal error"}'
                out = {"Content-Type": "application/json"}
            elif fault is ProxyFault.NOT_JSON:
                status, content = 200, b"<html><body>Service Unavailable</body></html>"
            elif fault is ProxyFault.TRUNCATED:
                status, content = 200, content[: max(1, len(content) // 2)]
            elif fault is ProxyFault.WRONG_SCHEMA:
                status, content = 200, b'{"ok": true, "items": [1, 2, 3]}'
                out = {"Content-Type": "application/json"}
            proxy._passed(method, self.path, status, fault)
            self._send(status, content, out)

        do_GET = _handle
        do_POST = _handle
        do_PATCH = _handle
        do_PUT = _handle
        do_DELETE = _handle

    return Handler
