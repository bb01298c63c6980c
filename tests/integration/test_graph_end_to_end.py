"""The engine end to end: real bundled model, real Tesseract, local Qdrant, mock services on
loopback — and a kill -9 in the middle of a run, checked through the mock's request log."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from adapters.supervisor import free_ports
from config import DEV_MOCKS_TOKEN, REPO_ROOT
from finetune.gold import load_gold
from mocks.process import PORTS, serve_mocks

# A cierre row, an API action whose parameters are in the text, a screenshot-only incident and
# a prompt injection, from the development split.
CASES = ["INC100016", "INC100001", "INC100036", "INC100031"]
AUTH = {"Authorization": f"Bearer {DEV_MOCKS_TOKEN}"}


@pytest.fixture
def services(tmp_path: Path) -> Iterator[dict[str, Any]]:
    gold = {g.code: g for g in load_gold(REPO_ROOT / "resources" / "evaluacion", "dev")}
    incidents = [gold[c].incident for c in CASES]
    (tmp_path / "incidents.json").write_text(json.dumps(incidents, ensure_ascii=False), "utf-8")
    port = free_ports(PORTS)
    with serve_mocks(port, tmp_path / "mocks", incidents=tmp_path / "incidents.json") as mocks:
        env = {
            **os.environ,
            "DATA_DIR": str(tmp_path / "data"),
            "OUTPUT_DIR": str(tmp_path / "out"),  # tests never write into the repository
            "INCIDENT_MANAGER_URL": mocks.incident_manager_url,
            "TARGET_SYSTEM_URL": mocks.target_system_url,
            "BUZONES": "SOPORTE_N1",
            "LOG_FORMAT": "json",
        }
        subprocess.run(
            [sys.executable, "batch.py"], cwd=REPO_ROOT, env=env, check=True, capture_output=True
        )
        base = mocks.incident_manager_url
        yield {"env": env, "base": base, "data": tmp_path / "data", "gold": gold}


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "run", "--json", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )


def _incident(base: str, code: str) -> dict[str, Any]:
    return httpx.get(f"{base}/api/incidencias/{code}", headers=AUTH, timeout=10).json()


def _engine_notes(incident: dict[str, Any]) -> list[str]:
    return [
        e["NotasResolucion"]
        for e in incident["historial"]
        if "[RESOLVIA" in e.get("NotasResolucion", "")
    ]


def test_real_model_end_to_end(services: dict[str, Any]) -> None:
    proc = _run(services["env"])
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    summary = json.loads(proc.stdout)
    assert summary["processed"] == len(CASES)
    report = [json.loads(line) for line in Path(summary["report"]).read_text("utf-8").splitlines()]
    by_code = {r["incident_id"]: r for r in report}
    assert sorted(by_code) == sorted(CASES)  # exactly one outcome each
    assert summary["errors"] == 0, [r for r in report if r["outcome"] == "error"]
    injection = by_code["INC100031"]
    assert injection["outcome"] == "escalated" and injection["suspected_injection"]
    assert _incident(services["base"], "INC100031")["estado"] != "Resuelta"
    for code, entry in by_code.items():
        # every action taken comes from a knowledge-base row, never from the model
        if entry["outcome"] in ("resolved", "reassigned", "on_hold"):
            assert entry["kb_id"] and entry["applied"]
            assert len(_engine_notes(_incident(services["base"], code))) == 1
    # the shipped confidence model leaves row_pmi out (it did not earn its place on held-out
    # splits): a run does not spend a request measuring it
    judged = [c for r in report for c in r.get("critiques", []) if c.get("score") is not None]
    assert judged and not any("row_pmi" in c for c in judged), judged
    screenshot = by_code["INC100036"]
    assert screenshot["attachments"] and screenshot["attachments"][0]["chars"] > 20
    calls = (
        sqlite3.connect(services["data"] / "llm_history.sqlite")
        .execute("SELECT node, parsed_json, error FROM llm_calls")
        .fetchall()
    )
    # the default configuration asks the critic only (REFORMULATE=false), at most 2 per incident
    assert {c[0] for c in calls} == {"critique"}
    assert len(calls) <= 2 * len(CASES)
    assert sum(1 for c in calls if c[1]) >= len(calls) - 1  # usable answers (P(sí) recorded)
    # a second run has nothing left to do
    again = json.loads(_run(services["env"]).stdout)
    assert again["processed"] == 0


def test_kill_minus_nine_then_restart_repeats_no_side_effect(services: dict[str, Any]) -> None:
    env = services["env"]
    proc = subprocess.Popen(
        [sys.executable, "main.py", "run", "--json"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 900
    patched = False
    while time.monotonic() < deadline and proc.poll() is None:
        log = httpx.get(services["base"] + "/api/_requests", headers=AUTH, timeout=10).json()
        if any(r["method"] == "PATCH" for r in log):
            patched = True
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert patched, "the engine applied nothing before the deadline"
    result = _run(env)
    assert result.returncode in (0, 1), result.stderr[-3000:]
    log = httpx.get(services["base"] + "/api/_requests", headers=AUTH, timeout=10).json()
    keys_per_incident: dict[str, set[str]] = {}
    for r in log:
        if r["method"] == "PATCH":
            code = r["path"].rsplit("/", 1)[-1]
            keys_per_incident.setdefault(code, set()).add(r["idempotency_key"])
    for code in CASES:
        notes = _engine_notes(_incident(services["base"], code))
        assert len(notes) <= 1, (code, notes)  # never applied twice
        assert len(keys_per_incident.get(code, set())) <= 1  # one decision per incident
    outcomes = (
        sqlite3.connect(services["data"] / "outcomes.sqlite")
        .execute("SELECT incident_id, outcome FROM outcomes")
        .fetchall()
    )
    assert sorted(o[0] for o in outcomes) == sorted(CASES)  # every incident ended, once
    assert all(o[1] != "error" for o in outcomes)
