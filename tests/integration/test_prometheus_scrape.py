"""A real Prometheus (Debian's package) scrapes the console's /metrics on 127.0.0.1.

``scripts/install.sh`` installs the package as root, so a missing ``prometheus`` fails this test
with what to do (``make test`` must not pass by skipping it); on a machine where it cannot be
installed, ``RESOLVIA_SKIP_PROMETHEUS_TESTS=1`` skips it, and says so.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from graph.runner import RunSummary
from observability import metrics
from observability.metrics import metrics_endpoint
from tests.console_support import seeded_console

#: set to 1 on a machine where Debian's prometheus package cannot be installed
SKIP_PROMETHEUS_ENV = "RESOLVIA_SKIP_PROMETHEUS_TESTS"
pytestmark = pytest.mark.integration


def _prometheus() -> str:
    """The prometheus binary; a missing one skips only when the skip is asked for."""
    if os.environ.get(SKIP_PROMETHEUS_ENV) == "1":
        pytest.skip(f"{SKIP_PROMETHEUS_ENV}=1: the Prometheus scrape test is skipped")
    found = shutil.which("prometheus")
    if found is None:
        pytest.fail(
            "prometheus is missing: this test scrapes the console with Debian's Prometheus. Run "
            "`make install` as root (or `sudo apt-get install -y prometheus`), or set "
            f"{SKIP_PROMETHEUS_ENV}=1 to skip it on this machine.",
            pytrace=False,
        )
    return found


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _query(base: str, expr: str) -> list[dict[str, Any]]:
    url = f"{base}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)["data"]["result"]


def test_prometheus_scrapes_the_console(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    prometheus = _prometheus()
    textfile = tmp_path / "metrics" / "resolvia.prom"
    monkeypatch.setenv("METRICS_TEXTFILE", str(textfile))
    seeded = seeded_console(tmp_path)
    # the last run's metrics, as a run writes them
    metrics.reset()
    summary = RunSummary(run_id="r1", processed=2, counts=Counter(resolved=1, escalated=1))
    summary.outcomes = [
        {"outcome": "resolved", "reason": "approved", "seconds": 12.0, "critiques": []},
        {"outcome": "escalated", "reason": "critic_rejected", "seconds": 30.0, "critiques": []},
    ]
    metrics.observe_run(seeded.settings, summary, queue_size=2)
    assert textfile.exists()
    # as `resolvia console` wires it
    seeded.app.add_route("/metrics", metrics_endpoint(seeded.settings))
    console_port, prom_port = _port(), _port()
    server = uvicorn.Server(
        uvicorn.Config(seeded.app, host="127.0.0.1", port=console_port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    config = tmp_path / "prometheus.yml"
    config.write_text(
        "global: {scrape_interval: 1s}\n"
        "scrape_configs:\n"
        "  - job_name: resolvia-console\n"
        f"    static_configs: [{{targets: ['127.0.0.1:{console_port}']}}]\n",
        encoding="utf-8",
    )
    prom = subprocess.Popen(
        [
            prometheus,
            f"--config.file={config}",
            f"--storage.tsdb.path={tmp_path / 'tsdb'}",
            f"--web.listen-address=127.0.0.1:{prom_port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{prom_port}"
    try:
        deadline = time.monotonic() + 60
        processed: list[dict[str, Any]] = []
        while time.monotonic() < deadline and not processed:
            time.sleep(1)
            try:
                processed = _query(base, 'resolvia_run{figure="processed"}')
            except OSError:
                continue
        assert processed and processed[0]["value"][1] == "2"
        up = _query(base, 'up{job="resolvia-console"}')
        assert up[0]["value"][1] == "1"
        resolved = _query(base, 'resolvia_incidents_total{outcome="resolved"}')
        assert resolved[0]["metric"]["reason"] == "approved"
        assert _query(base, "process_resident_memory_bytes")  # the console's own
    finally:
        prom.terminate()
        prom.wait(timeout=30)
        server.should_exit = True
