"""The supervisor with real servers on 127.0.0.1 (no model): an HTTP readiness probe, and the
mock services started, used and stopped through ``serve_mocks``."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

from adapters import supervisor
from adapters.supervisor import free_ports, http_ready
from errors import ResolviaError
from mocks.process import PORTS, serve_mocks
from tests.processes import gone


def test_an_http_server_is_ready_when_it_answers(tmp_path: Path) -> None:
    (tmp_path / "health").write_text("ok", encoding="utf-8")
    port = free_ports()
    argv = supervisor.module_command(
        "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(tmp_path)
    )
    child = supervisor.start("http.server", argv, log_path=tmp_path / "http.log")
    try:
        child.wait_ready(http_ready(f"http://127.0.0.1:{port}/health"), timeout_s=30)
        assert httpx.get(f"http://127.0.0.1:{port}/health").text == "ok"
    finally:
        child.stop()
    assert gone(child.pid)


def test_a_server_that_cannot_bind_fails_with_its_error(tmp_path: Path) -> None:
    port = free_ports()
    argv = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"]
    first = supervisor.start("first", argv, cwd=tmp_path, log_path=tmp_path / "first.log")
    try:
        first.wait_ready(http_ready(f"http://127.0.0.1:{port}/"), timeout_s=30)
        second = supervisor.start("second", argv, cwd=tmp_path, log_path=tmp_path / "2.log")
        # the first server answers the probe, but the second one dies: that is what counts
        with pytest.raises(ResolviaError, match=r"(?i)address already in use"):
            second.wait_ready(lambda: False, timeout_s=30)
    finally:
        first.stop()


def test_serve_mocks_starts_both_services_and_stops_them(tmp_path: Path) -> None:
    with serve_mocks(free_ports(PORTS), tmp_path / "mocks") as mocks:
        for url in (mocks.incident_manager_url, mocks.target_system_url):
            assert httpx.get(f"{url}/health", timeout=5).status_code == 200
        assert mocks.stop() == 0  # a clean shutdown on SIGTERM
    assert gone(mocks.pid)
    assert supervisor.running_children() == []


def test_serve_mocks_reports_why_the_services_did_not_start(tmp_path: Path) -> None:
    broken = tmp_path / "roto.json"
    broken.write_text("{", encoding="utf-8")
    with (
        pytest.raises(ResolviaError, match="not a readable JSON"),
        serve_mocks(free_ports(PORTS), tmp_path / "mocks", incidents=broken),
    ):
        pytest.fail("the services should not have started")
