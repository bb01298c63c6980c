"""A stand-in for Loki's push API on 127.0.0.1 (no Loki server can be installed here).

Accepts ``POST /loki/api/v1/push`` the way Loki does: JSON (``application/json``) answered with
204, and refuses anything else with 415 — Loki also takes protobuf+snappy, which
``python-logging-loki`` never sends, so a body in another format is a failure the tests should
see. ``delay_s`` makes it slow; ``status`` makes it answer an error.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PUSH_PATH = "/loki/api/v1/push"


@dataclass
class Push:
    """One push request as received."""

    content_type: str
    body: dict[str, Any]

    def lines(self) -> list[tuple[dict[str, str], str, str]]:
        """(labels, timestamp in ns, line) of every entry of the push."""
        return [
            (stream["stream"], ts, line)
            for stream in self.body["streams"]
            for ts, line in stream["values"]
        ]


@dataclass
class LokiReceiver:
    host: str = "127.0.0.1"
    delay_s: float = 0.0
    status: int = 204
    pushes: list[Push] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if receiver.delay_s:
                    time.sleep(receiver.delay_s)
                content_type = self.headers.get("Content-Type", "")
                if self.path != PUSH_PATH:
                    self.send_response(404)
                elif not content_type.startswith("application/json"):
                    receiver.refused.append(content_type)
                    self.send_response(415)
                elif receiver.status != 204:
                    self.send_response(receiver.status)
                else:
                    receiver.pushes.append(Push(content_type, json.loads(body)))
                    self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer((self.host, 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def lines(self) -> list[tuple[dict[str, str], str, str]]:
        return [line for push in list(self.pushes) for line in push.lines()]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (a Loki that is down)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
