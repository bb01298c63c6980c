"""Run several ASGI apps on loopback in one process, with one clean shutdown for all.

uvicorn's own signal capture is per server and re-raises the signal after shutting down (the
process would then die of SIGTERM); here one handler stops every server and the process exits
normally.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import socket
from collections.abc import Iterator, Sequence

import uvicorn
from starlette.types import ASGIApp

HOST = "127.0.0.1"
GRACEFUL_SHUTDOWN_S = 5


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield  # signals are handled once for all servers in serve_all()


def bind_loopback(port: int) -> socket.socket:
    """A TCP socket bound to 127.0.0.1:``port`` (``OSError`` if the port is taken)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, port))
    except OSError:
        sock.close()
        raise
    return sock


async def serve_all(apps: Sequence[tuple[ASGIApp, socket.socket]]) -> None:
    """Serve every (app, socket) pair until SIGTERM/SIGINT, then shut all down gracefully."""
    servers = [
        _Server(
            uvicorn.Config(
                app,
                log_config=None,
                access_log=False,
                lifespan="off",
                timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
            )
        )
        for app, _ in apps
    ]

    def stop() -> None:
        for server in servers:
            if server.should_exit:  # second signal: do not wait for open connections
                server.force_exit = True
            server.should_exit = True

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop)
    try:
        await asyncio.gather(
            *(server.serve(sockets=[sock]) for server, (_, sock) in zip(servers, apps, strict=True))
        )
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
