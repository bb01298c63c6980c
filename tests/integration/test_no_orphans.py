"""However the engine ends, no llama.cpp server and no mock services are left running."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from config import REPO_ROOT
from tests.integration.conftest import FAST_MODEL
from tests.processes import gone

ENGINE = """
import sys, time
from adapters.llm.providers import build_chat_provider
from config import load_settings
from observability.logging import configure_logging

configure_logging("INFO", "json")  # as every entry point does: logs on stderr, not stdout
provider = build_chat_provider({spec!r}, load_settings(LLM_N_THREADS=1))
print(provider.server.pid, flush=True)
if sys.argv[1] == "raise":
    raise RuntimeError("engine crashed")
time.sleep(600)
"""

MOCKS = """
import time
from pathlib import Path
from adapters.supervisor import free_ports
from mocks.process import PORTS, serve_mocks
from observability.logging import configure_logging

configure_logging("INFO", "json")
with serve_mocks(free_ports(PORTS), Path({data_dir!r})) as mocks:
    print(mocks.pid, flush=True)
    time.sleep(600)
"""


def _interactive_signals() -> None:
    # A shell without job control starts background jobs with SIGINT ignored, and an ignored
    # signal stays ignored across exec: restore it, as a terminal's Ctrl-C would find it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_engine(
    mode: str, tmp_path: Path, source: str | None = None
) -> tuple[subprocess.Popen[str], int]:
    script = tmp_path / "engine.py"
    script.write_text(source or ENGINE.format(spec=FAST_MODEL), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    proc = subprocess.Popen(
        [sys.executable, str(script), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=tmp_path,
        preexec_fn=_interactive_signals,  # noqa: PLW1509 - no threads started by this test
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.strip().isdigit():
        proc.kill()  # the engine's death takes its server with it (that is the point)
        pytest.fail(f"engine did not report a child pid: {line!r}")
    server_pid = int(line)
    assert psutil.pid_exists(server_pid)
    return proc, server_pid


@pytest.mark.parametrize(
    ("mode", "signum"),
    [
        ("sleep", signal.SIGKILL),  # no cleanup possible in the engine: the watchdog acts
        ("sleep", signal.SIGTERM),
        ("sleep", signal.SIGINT),  # Ctrl-C
        ("raise", None),  # unhandled exception
    ],
    ids=["sigkill", "sigterm", "ctrl-c", "exception"],
)
def test_server_dies_with_the_engine(mode: str, signum: int | None, tmp_path: Path) -> None:
    engine, server_pid = _start_engine(mode, tmp_path)
    try:
        if signum is not None:
            engine.send_signal(signum)
        engine.wait(timeout=30)
        assert gone(server_pid), f"llama.cpp server {server_pid} outlived its engine"
    finally:
        for pid in (engine.pid, server_pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize(
    "signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["sigkill", "sigterm", "ctrl-c"]
)
def test_mock_services_die_with_the_engine(signum: int, tmp_path: Path) -> None:
    source = MOCKS.format(data_dir=str(tmp_path / "mocks"))
    engine, mocks_pid = _start_engine("sleep", tmp_path, source)
    try:
        engine.send_signal(signum)
        engine.wait(timeout=30)
        assert gone(mocks_pid), f"mock services {mocks_pid} outlived their engine"
    finally:
        for pid in (engine.pid, mocks_pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
