"""The process supervisor with tiny Python children (no network): readiness, early failure with
the child's output, stopping the whole group, and no orphans however the parent ends."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from adapters import supervisor
from adapters.supervisor import free_ports
from config import REPO_ROOT
from errors import LLMServerError, ResolviaError
from tests.processes import gone

SLEEPER = "import time; time.sleep(60)"


def _python(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def _wait_for_file(path: Path, within_s: float = 10.0) -> str:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if path.exists() and path.read_text(encoding="utf-8").strip():
            return path.read_text(encoding="utf-8").strip()
        time.sleep(0.05)
    raise AssertionError(f"{path} was not written")


@pytest.fixture(autouse=True)
def _no_child_left(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the children's default logs
    yield
    left = supervisor.running_children()
    supervisor.stop_all()
    assert left == [], f"children left running: {[c.pid for c in left]}"


def test_a_child_that_becomes_ready_is_waited_for_and_stopped(tmp_path: Path) -> None:
    ready = tmp_path / "ready"
    code = "import pathlib, sys, time; time.sleep(0.3); pathlib.Path(sys.argv[1]).write_text('ok')"
    child = supervisor.start("sleeper", _python(f"{code}; {SLEEPER}", str(ready)))
    seconds = child.wait_ready(ready.exists, timeout_s=30)
    assert seconds >= 0.2 and child.is_running()
    assert supervisor.running_children() == [child]
    assert child.stop() == -signal.SIGTERM
    assert gone(child.pid) and supervisor.running_children() == []
    assert child.stop() == -signal.SIGTERM  # a second stop is harmless


def test_a_child_that_dies_during_start_up_fails_fast_with_its_output(tmp_path: Path) -> None:
    code = (
        "import sys; print('cargando modelo'); sys.stderr.write('boom: sin modelo\\n'); sys.exit(3)"
    )
    child = supervisor.start("broken", _python(code), log_path=tmp_path / "broken.log")
    started = time.monotonic()
    with pytest.raises(ResolviaError) as info:
        child.wait_ready(lambda: False, timeout_s=60)
    assert time.monotonic() - started < 10  # not the 60 s deadline
    message = str(info.value)
    assert "broken" in message and "code 3" in message
    assert "boom: sin modelo" in message and "cargando modelo" in message
    assert supervisor.running_children() == []


def test_the_caller_chooses_the_error_class() -> None:
    child = supervisor.start("server", _python("raise SystemExit(1)"), error=LLMServerError)
    with pytest.raises(LLMServerError):
        child.wait_ready(lambda: False, timeout_s=30)


def test_a_child_never_ready_is_stopped_at_the_deadline() -> None:
    child = supervisor.start("slow", _python(f"print('arrancando', flush=True); {SLEEPER}"))
    with pytest.raises(ResolviaError, match="not ready after") as info:
        child.wait_ready(lambda: False, timeout_s=1)
    assert "arrancando" in str(info.value)
    assert not child.is_running() and gone(child.pid)


def test_stop_ends_the_whole_process_group(tmp_path: Path) -> None:
    pid_file = tmp_path / "grandchild.pid"
    code = (
        "import pathlib, subprocess, sys, time\n"
        f"p = subprocess.Popen([sys.executable, '-c', {SLEEPER!r}])\n"
        "pathlib.Path(sys.argv[1]).write_text(str(p.pid))\n"
        "time.sleep(60)\n"
    )
    child = supervisor.start("parent-of-one", _python(code, str(pid_file)))
    grandchild = int(_wait_for_file(pid_file))
    assert os.getpgid(grandchild) == child.pid  # the child leads its own group
    child.stop()
    assert gone(child.pid) and gone(grandchild)


def test_a_child_that_ignores_sigterm_is_killed_after_the_grace_period(tmp_path: Path) -> None:
    ready = tmp_path / "ready"
    code = (
        "import pathlib, signal, sys, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "pathlib.Path(sys.argv[1]).write_text('ok')\n"
        "time.sleep(60)\n"
    )
    child = supervisor.start("stubborn", _python(code, str(ready)))
    child.wait_ready(ready.exists, timeout_s=30)
    started = time.monotonic()
    assert child.stop(grace_s=0.5) == -signal.SIGKILL
    assert time.monotonic() - started < 5


# --- no orphans, however the parent ends -----------------------------------------------------
PARENT = """
import sys, time
from adapters import supervisor
from observability.logging import configure_logging

configure_logging("INFO", "json")  # as every entry point does: logs on stderr, not stdout

mode = sys.argv[1]
if mode == "sigkill":  # only the watchdog in the child can act
    argv = supervisor.module_command("timeit", "-n", "1", "-r", "1", "import time; time.sleep(60)")
else:
    argv = [sys.executable, "-c", "import time; time.sleep(60)"]
child = supervisor.start("sleeper", argv)
print(child.pid, flush=True)
if mode == "raise":
    raise RuntimeError("parent crashed")
if mode == "exit":
    sys.exit(0)
time.sleep(60)
"""


def _interactive_signals() -> None:
    # Background shells (and nohup) start jobs with SIGINT (SIGHUP) ignored, and an ignored
    # signal stays ignored across exec: restore them as a terminal would have them.
    for signum in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM):
        signal.signal(signum, signal.SIG_DFL)


@pytest.mark.parametrize(
    ("mode", "signum"),
    [
        ("exit", None),
        ("raise", None),
        ("sleep", signal.SIGTERM),
        ("sleep", signal.SIGHUP),
        ("sleep", signal.SIGINT),
        ("sigkill", signal.SIGKILL),
    ],
    ids=["exit", "exception", "sigterm", "sighup", "ctrl-c", "sigkill"],
)
def test_the_child_dies_with_its_parent(mode: str, signum: int | None, tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(PARENT, encoding="utf-8")
    parent = subprocess.Popen(
        [sys.executable, str(script), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "TMPDIR": str(tmp_path)},
        preexec_fn=_interactive_signals,  # noqa: PLW1509 - no threads started by this test
    )
    assert parent.stdout is not None
    line = parent.stdout.readline()
    child_pid = int(line) if line.strip().isdigit() else None
    try:
        assert child_pid is not None, f"parent did not report a child pid: {line!r}"
        if signum is not None:
            time.sleep(0.5)  # let the child start its watchdog
            assert psutil.pid_exists(child_pid)
            parent.send_signal(signum)
        parent.wait(timeout=30)
        assert gone(child_pid), f"child {child_pid} outlived its parent ({mode})"
    finally:
        for pid in (parent.pid, child_pid):
            if pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)


# --- ports ----------------------------------------------------------------------------------
@pytest.mark.parametrize("count", [1, 2, 5])
def test_free_ports_returns_a_block_that_can_be_bound_at_once(count: int) -> None:
    base = free_ports(count)
    with contextlib.ExitStack() as held:
        for port in range(base, base + count):
            sock = held.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
            sock.bind(("127.0.0.1", port))
    assert base >= 1024 and base + count - 1 <= 65535


def test_free_ports_needs_a_positive_count() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        free_ports(0)
