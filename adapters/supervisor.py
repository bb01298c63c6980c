"""Child processes the engine starts and must stop: the one way to start them, wait until they
are ready, stop them, and leave no orphans.

* :func:`start` runs a child in its own session (so its own process group): a Ctrl-C in the
  terminal reaches only the parent, which then stops its children in order instead of racing
  them. Output goes to a log file whose tail is shown when the child fails.
* :meth:`Child.wait_ready` polls a probe (e.g. :func:`http_ready`) until a deadline and fails
  at once, with the output tail, if the child dies meanwhile.
* :meth:`Child.stop` sends SIGTERM to the whole group, then SIGKILL after a grace period.
* Every running child is stopped when the parent exits: on normal exit and on unhandled
  exceptions (``atexit``), on Ctrl-C (``KeyboardInterrupt`` unwinds, then ``atexit``), on
  SIGTERM / SIGHUP (turned into ``SystemExit`` so ``atexit`` runs), and on SIGKILL of the
  parent for Python children started with :func:`module_command`: a watchdog thread in the
  child notices it was reparented and exits.
* :func:`free_ports` picks a block of free loopback ports for a child to bind.

Usage of the watchdog entry point (by :func:`module_command` only)::

    python -m adapters.supervisor <parent_pid> <module> <args...>
"""

from __future__ import annotations

import atexit
import contextlib
import os
import runpy
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import FrameType

import httpx
import structlog

from errors import ResolviaError

log = structlog.get_logger(__name__)

_REPO_ROOT = Path(__file__).resolve().parents[1]
LOOPBACK = "127.0.0.1"
WATCHDOG_MODULE = "adapters.supervisor"
#: How often the watchdog in a child checks that its parent is still alive.
WATCHDOG_POLL_S = 0.25

Probe = Callable[[], bool]


def free_ports(count: int = 1) -> int:
    """A base port N such that N..N+count-1 were all bindable on 127.0.0.1 at the same moment.

    All of them are bound together, then released; a child that binds N and its neighbours
    (the mock services bind N and N+1) then finds them free unless something else took one
    in between, which the caller handles as a failed start.
    """
    if count < 1:
        raise ValueError(f"count must be at least 1, not {count}")
    for _ in range(100):
        with contextlib.ExitStack() as held:
            first = held.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
            first.bind((LOOPBACK, 0))
            base = int(first.getsockname()[1])
            if base + count - 1 > 65535:
                continue
            try:
                for port in range(base + 1, base + count):
                    sock = held.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
                    sock.bind((LOOPBACK, port))
            except OSError:
                continue
            return base
    raise OSError(f"no block of {count} free consecutive ports on {LOOPBACK}")


def http_ready(*urls: str, timeout_s: float = 2.0) -> Probe:
    """A probe that is true when every URL answers HTTP 200."""

    def probe() -> bool:
        try:
            with httpx.Client(timeout=timeout_s) as client:
                return all(client.get(url).status_code == 200 for url in urls)
        except httpx.HTTPError:
            return False

    return probe


def module_command(module: str, *args: str, die_with_parent: bool = True) -> list[str]:
    """The argv of ``python -m module args``; with ``die_with_parent``, under the watchdog that
    ends the child as soon as this process is gone, even if it was killed with SIGKILL."""
    if not die_with_parent:
        return [sys.executable, "-m", module, *args]
    return [sys.executable, "-m", WATCHDOG_MODULE, str(os.getpid()), module, *args]


def repo_env(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """``env`` (default: this process's environment) with the repository on PYTHONPATH, so
    ``python -m`` finds the engine's modules whatever the child's working directory."""
    merged = dict(os.environ if env is None else env)
    path = [str(_REPO_ROOT), merged.get("PYTHONPATH", "")]
    merged["PYTHONPATH"] = os.pathsep.join(p for p in path if p)
    return merged


class Child:
    """One supervised child process (see :func:`start`)."""

    def __init__(
        self,
        name: str,
        process: subprocess.Popen[bytes],
        log_path: Path,
        error: type[ResolviaError],
    ) -> None:
        self.name = name
        self.process = process
        self.log_path = log_path
        self._error = error
        self._stopped = False

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def returncode(self) -> int | None:
        return self.process.poll()

    def is_running(self) -> bool:
        return self.process.poll() is None

    def output_tail(self, lines: int = 15) -> str:
        """The last lines the child wrote (stdout and stderr together)."""
        if not self.log_path.exists():
            return "(no output)"
        with self.log_path.open("r", encoding="utf-8", errors="replace") as fh:
            return "".join(deque(fh, maxlen=lines)).rstrip() or "(no output)"

    def wait_ready(self, probe: Probe, timeout_s: float, *, interval_s: float = 0.2) -> float:
        """Poll ``probe`` until it is true; returns the seconds it took.

        Fails at once if the child exits, and after ``timeout_s`` (stopping the child); both
        errors carry the child's last output.
        """
        started = time.monotonic()
        deadline = started + timeout_s
        while True:
            if not self.is_running():
                self.stop()  # reaps it and ends anything it left in its group
                raise self._failure(f"exited with code {self.returncode} during start-up")
            if probe():
                return time.monotonic() - started
            if time.monotonic() >= deadline:
                self.stop()
                raise self._failure(f"was not ready after {timeout_s:.0f} s")
            time.sleep(interval_s)

    def stop(self, grace_s: float = 10.0) -> int | None:
        """SIGTERM to the child's process group, SIGKILL after ``grace_s``; returns the exit
        code (minus the signal number when a signal ended it). Safe to call more than once."""
        proc = self.process
        if self._stopped:
            return proc.returncode
        if proc.poll() is None:
            _signal_group(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=grace_s)
            except subprocess.TimeoutExpired:
                log.warning("child.kill", child=self.name, pid=proc.pid, grace_s=grace_s)
                _signal_group(proc.pid, signal.SIGKILL)
                proc.wait(timeout=grace_s)
            log.info("child.stopped", child=self.name, pid=proc.pid, code=proc.returncode)
        # Anything the child left in its group would be an orphan now: end it too.
        _signal_group(proc.pid, signal.SIGKILL)
        # Only now: if a Ctrl-C interrupted the waits above, the exit hook tries again.
        self._stopped = True
        _forget(self)
        return proc.returncode

    def _failure(self, what: str) -> ResolviaError:
        return self._error(f"{self.name} {what}; last output:\n{self.output_tail()}")


def start(
    name: str,
    argv: Sequence[str],
    *,
    log_path: Path | None = None,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    error: type[ResolviaError] = ResolviaError,
) -> Child:
    """Start ``argv`` in its own process group, stopped when this process exits.

    Its stdout and stderr go to ``log_path`` (default: a new file in the temp directory); its
    environment is ``env`` (default: this process's) with the repository on PYTHONPATH.
    ``error`` is the class raised when it fails to start or become ready.
    """
    install_exit_hooks()
    if log_path is None:
        fd, temp = tempfile.mkstemp(prefix=f"{name.replace(' ', '-')}-", suffix=".log")
        os.close(fd)
        log_path = Path(temp)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as out:
        try:
            process = subprocess.Popen(
                list(argv),
                cwd=cwd,
                env=repo_env(env),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        except OSError as exc:
            raise error(f"{name} could not be started: {exc}") from exc
    child = Child(name, process, log_path, error)
    with _lock:
        _children[process.pid] = child
    log.info("child.started", child=name, pid=process.pid, log=str(log_path))
    return child


def running_children() -> list[Child]:
    with _lock:
        return [c for c in _children.values() if c.is_running()]


def stop_all() -> None:
    """Stop every child this process started and has not stopped. Safe to call more than once."""
    with _lock:
        children = list(_children.values())
    for child in children:
        child.stop()


_children: dict[int, Child] = {}
_lock = threading.RLock()
_hooks_installed = False


def _forget(child: Child) -> None:
    with _lock:
        _children.pop(child.pid, None)


def _signal_group(pgid: int, signum: signal.Signals) -> None:
    # The child is its session's leader, so its pid is the group id.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signum)


def _on_terminate(signum: int, frame: FrameType | None) -> None:
    # SystemExit unwinds the stack (finally blocks run) and then atexit stops the children.
    raise SystemExit(128 + signum)


def install_exit_hooks() -> None:
    """Stop the children when this process exits (atexit; SIGTERM/SIGHUP become SystemExit
    unless the application set its own handlers). Idempotent."""
    global _hooks_installed  # noqa: PLW0603 - process-wide, set once
    with _lock:
        if _hooks_installed:
            return
        _hooks_installed = True
    atexit.register(stop_all)
    if threading.current_thread() is not threading.main_thread():
        return  # signal handlers can only be set from the main thread; the watchdog covers it
    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) in (signal.SIG_DFL, None):
            signal.signal(sig, _on_terminate)


# -- the watchdog, inside the child ------------------------------------------------------------
def _watch_parent(parent_pid: int) -> None:
    while True:
        if os.getppid() != parent_pid:
            # Reparented: our parent died. Leave at once, without waiting for any clean-up.
            os._exit(0)
        time.sleep(WATCHDOG_POLL_S)


def _run_watched(argv: Sequence[str]) -> None:
    parent_pid, module, args = int(argv[0]), argv[1], list(argv[2:])
    if os.getppid() != parent_pid:  # the parent died before we even started
        os._exit(0)
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    _run_watched(sys.argv[1:])
