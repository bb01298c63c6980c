"""Run the mock services as a child process (evaluation, benchmarks, integration tests)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from errors import ResolviaError

_REPO_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class MockServices:
    incident_manager_url: str
    target_system_url: str
    pid: int


@contextmanager
def serve_mocks(
    port_base: int,
    data_dir: Path,
    *,
    incidents: Path | None = None,
    today: str = "20/11/2026",
    start_timeout_s: float = 30.0,
) -> Iterator[MockServices]:
    """Start both mock services on 127.0.0.1 with their own state dir; always stop them."""
    cmd = [sys.executable, "-m", "mocks", "serve", "--port-base", str(port_base),
           "--today", today, "--data-dir", str(data_dir)]  # fmt: skip
    if incidents is not None:
        cmd += ["--incidents", str(incidents)]
    log_path = data_dir.parent / f"mocks-{port_base}.log"
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, cwd=_REPO_ROOT, stdout=log, stderr=subprocess.STDOUT,
                                env={**os.environ})  # fmt: skip
    services = MockServices(
        f"http://127.0.0.1:{port_base}", f"http://127.0.0.1:{port_base + 1}", proc.pid
    )
    try:
        deadline = time.monotonic() + start_timeout_s
        while True:
            if proc.poll() is not None:
                tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
                raise ResolviaError(f"the mock services exited during start-up:\n{tail}")
            try:
                urls = (services.incident_manager_url, services.target_system_url)
                if all(httpx.get(u + "/health", timeout=1).status_code == 200 for u in urls):
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise ResolviaError(f"the mock services were not healthy in {start_timeout_s} s")
            time.sleep(0.2)
        yield services
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=15)
