"""Managed llama.cpp servers: one per model per process, started on demand, always stopped.

The engine starts ``llama_cpp.server`` on a free loopback port, waits until it answers
``/v1/models``, and reuses it for the rest of the process. Servers are stopped

* on normal exit and on unhandled exceptions (``atexit``),
* on Ctrl-C (``KeyboardInterrupt`` unwinds, then ``atexit``),
* on SIGTERM / SIGHUP (turned into ``SystemExit`` so ``atexit`` runs),
* on SIGKILL of the engine: the child's watchdog (:mod:`adapters.llm.llama_child`) notices it
  was reparented and exits.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

import httpx
import structlog

from errors import LLMServerError

log = structlog.get_logger(__name__)

_REPO_ROOT = Path(__file__).resolve().parents[2]
MODEL_ALIAS = "local"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LlamaServer:
    """One ``llama_cpp.server`` child process serving one GGUF file on 127.0.0.1."""

    model_path: Path
    n_ctx: int = 4096
    n_threads: int = 2
    start_timeout_s: float = 120.0
    log_dir: Path | None = None
    port: int | None = None
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    _log_file: Path | None = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        if self.port is None:
            raise LLMServerError("server not started")
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        if self.is_running():
            return
        if not self.model_path.exists():
            raise LLMServerError(f"model file not found: {self.model_path}")
        last_error: LLMServerError | None = None
        for _ in range(3):  # a port can be taken between free_port() and bind: try another
            try:
                self._start_once(free_port())
                return
            except LLMServerError as exc:
                last_error = exc
                if "address already in use" not in str(exc).lower():
                    raise
        assert last_error is not None
        raise last_error

    def _start_once(self, port: int) -> None:
        self.port = port
        log_dir = self.log_dir or Path(os.environ.get("TMPDIR", "/tmp"))  # noqa: S108
        log_dir.mkdir(parents=True, exist_ok=True)
        self._log_file = log_dir / f"llama-server-{port}.log"
        cmd = [
            sys.executable, "-m", "adapters.llm.llama_child", str(os.getpid()),
            "--model", str(self.model_path), "--model_alias", MODEL_ALIAS,
            "--host", "127.0.0.1", "--port", str(port),
            "--n_threads", str(self.n_threads), "--n_ctx", str(self.n_ctx),
        ]  # fmt: skip
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_REPO_ROOT), env.get("PYTHONPATH")]))
        started = time.monotonic()
        with self._log_file.open("wb") as out:
            # Own session: a Ctrl-C in the terminal reaches the engine, which then stops the
            # server in order, instead of both racing.
            self.process = subprocess.Popen(
                cmd, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
            )
        log.info("llm.server.starting", model=self.model_path.name, port=port, pid=self.pid)
        self._wait_healthy(started)
        log.info(
            "llm.server.ready",
            model=self.model_path.name,
            port=port,
            pid=self.pid,
            seconds=round(time.monotonic() - started, 2),
        )

    def _wait_healthy(self, started: float) -> None:
        url = f"http://127.0.0.1:{self.port}/v1/models"
        with httpx.Client(timeout=2.0) as client:
            while time.monotonic() - started < self.start_timeout_s:
                assert self.process is not None
                if self.process.poll() is not None:
                    tail = self.log_tail()
                    self.process = None
                    raise LLMServerError(
                        f"llama.cpp server exited during start-up "
                        f"(model {self.model_path.name}); last output:\n{tail}"
                    )
                with contextlib.suppress(httpx.HTTPError):
                    if client.get(url).status_code == 200:
                        return
                time.sleep(0.2)
        tail = self.log_tail()
        self.stop()
        raise LLMServerError(
            f"llama.cpp server not healthy after {self.start_timeout_s:.0f} s "
            f"(model {self.model_path.name}); last output:\n{tail}"
        )

    def log_tail(self, lines: int = 15) -> str:
        if self._log_file is None or not self._log_file.exists():
            return "(no output)"
        with self._log_file.open("r", encoding="utf-8", errors="replace") as fh:
            return "".join(deque(fh, maxlen=lines)).rstrip()

    def stop(self, timeout_s: float = 10.0) -> None:
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=timeout_s)
        log.info("llm.server.stopped", model=self.model_path.name, pid=proc.pid)


_servers: dict[tuple[str, int, int], LlamaServer] = {}
_lock = threading.Lock()
_hooks_installed = False


def get_server(
    model_path: Path,
    *,
    n_ctx: int,
    n_threads: int,
    start_timeout_s: float = 120.0,
    log_dir: Path | None = None,
) -> LlamaServer:
    """The running server for this model and settings, started if needed (thread-safe)."""
    key = (str(model_path.resolve()), n_ctx, n_threads)
    with _lock:
        _install_exit_hooks()
        server = _servers.get(key)
        if server is None:
            server = LlamaServer(
                model_path=model_path,
                n_ctx=n_ctx,
                n_threads=n_threads,
                start_timeout_s=start_timeout_s,
                log_dir=log_dir,
            )
            _servers[key] = server
        if not server.is_running():
            server.start()
        return server


def running_servers() -> list[LlamaServer]:
    return [s for s in _servers.values() if s.is_running()]


def stop_all() -> None:
    """Stop every server this process started. Safe to call more than once."""
    with _lock:
        servers = list(_servers.values())
        _servers.clear()
    for server in servers:
        server.stop()


def _on_terminate(signum: int, frame: FrameType | None) -> None:
    # SystemExit unwinds the stack (finally blocks run) and then atexit stops the servers.
    raise SystemExit(128 + signum)


def _install_exit_hooks() -> None:
    global _hooks_installed  # noqa: PLW0603 - process-wide, set once
    if _hooks_installed:
        return
    _hooks_installed = True
    atexit.register(stop_all)
    if threading.current_thread() is not threading.main_thread():
        return  # signal handlers can only be set from the main thread; the watchdog covers it
    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) in (signal.SIG_DFL, None):
            signal.signal(sig, _on_terminate)
