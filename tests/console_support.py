"""A console over a seeded tmp folder: a demo run written by the real RunRecorder and
LLMHistory, users of every role, an incident source serving the demo incidents (with the
engine's escalation note appended, as the incident manager serves them after a run)."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from adapters.llm_history import LLMCallRecord, LLMHistory
from adapters.reviews import ReviewStore
from adapters.run_records import RunRecorder
from adapters.users import Role, UserStore
from config import REPO_ROOT, Settings, load_settings
from console.app import create_app
from console.incidents import Fetched, ScreenshotText

PASSWORD = "contrasena-de-prueba"
RUN_ID = "a1b2c3d4e5f6"
SECRET = "k" * 48
DEMO = json.loads((REPO_ROOT / "resources/evaluacion/gold_demo.json").read_text("utf-8"))
SERVED = {item["incidencia"]["codIncidencia"]: item["incidencia"] for item in DEMO}


def _candidate(kb_id: str, score: float, action: str = "cierre") -> dict[str, Any]:
    return {
        "kb_id": kb_id,
        "score": score,
        "action": action,
        "mailbox": None,
        "channel_ranks": {"dense": 1, "sparse": 2},
        "channel_scores": {"dense": 0.81, "sparse": 4.2},
        "phrasings": 1,
    }


def _critique(kb_id: str, score: int, approved: bool) -> dict[str, Any]:
    return {
        "kb_id": kb_id,
        "score": score,
        "confidence": score - 3,
        "approved": approved,
        "feedback": f"El revisor estima en un {score} % la probabilidad.",
        "error": None,
    }


def demo_entries() -> list[dict[str, Any]]:
    """Outcome entries shaped as ``nodes.record.outcome_entry`` writes them."""
    base = {
        "policy_step": "act",
        "message": None,
        "applied": True,
        "details": {},
        "queries": 1,
        "already_tried": False,
        "suspected_injection": False,
        "model_flagged_injection": False,
        "attachments": [],
        "degraded": False,
        "model_errors": [],
        "llm_calls": 1,
        "llm_tokens": 700,
    }
    return [
        {
            **base,
            "incident_id": "INC000103",
            "outcome": "resolved",
            "kb_id": "KB-0056",
            "action": "cierre",
            "mailbox": None,
            "reason": "aplicada",
            "explanation": "aplicada: la solución se aplicó",
            "candidates": [_candidate("KB-0056", 0.05), _candidate("KB-0055", 0.04)],
            "critiques": [_critique("KB-0056", 95, True)],
            "identifiers": {"usuario": ["raquel.santos"]},
        },
        {
            **base,
            "incident_id": "INC000107",
            "outcome": "escalated",
            "kb_id": None,
            "action": None,
            "mailbox": "SOPORTE_N2",
            "reason": "candidatos_rechazados",
            "explanation": "candidatos_rechazados: el revisor rechazó todas las candidatas",
            "policy_step": "escalate",
            "candidates": [
                _candidate("KB-0043", 0.05, "api|cambioiban"),
                _candidate("KB-0044", 0.04, "api|altabeneficiario"),
            ],
            "critiques": [_critique("KB-0043", 70, False), _critique("KB-0044", 20, False)],
            "identifiers": {"poliza": ["32516049"], "nif": ["99252437P"]},
            "llm_calls": 2,
            "degraded": True,
            "model_errors": ["critique: timeout"],
        },
        {
            **base,
            "incident_id": "INC000111",
            "outcome": "escalated",
            "kb_id": None,
            "action": None,
            "mailbox": "SOPORTE_N2",
            "reason": "sin_candidatos",
            "explanation": "sin_candidatos: ninguna fila se parece",
            "policy_step": "escalate",
            "candidates": [],
            "critiques": [],
            "identifiers": {},
            "llm_calls": 0,
        },
    ]


def seed_run(settings: Settings, run_id: str = RUN_ID) -> None:
    """A finished demo run: report, rejection log, summary and recorded model calls."""
    recorder = RunRecorder(
        settings.DATA_DIR / "outcomes.sqlite", settings.reports_dir, settings.rejected_dir, run_id
    )
    entries = demo_entries()
    for entry in entries:
        recorder.record(entry)
    recorder.write_summary(
        {
            "processed": 3,
            "resolved": 1,
            "escalated": 2,
            "errors": 0,
            "degraded": 1,
            "interrupted": False,
            "seconds": 42.5,
            "run_id": run_id,
            "dry_run": False,
        }
    )
    recorder.close()
    history = LLMHistory(settings.llm_history_path)
    history.record(
        LLMCallRecord(
            run_id=run_id,
            incident_id="INC000107",
            node="critique",
            prompt_id="critico",
            prompt_version="v3",
            prompt_sha256="0" * 64,
            model="llamacpp/qwen2.5-coder-1.5b",
            messages=[
                {"role": "user", "content": "DNI 99252437P, cuenta ES9121000418450200051332"}
            ],
            output='{"respuesta": "no"}',
            parsed={"respuesta": "no"},
            first_try_valid=True,
            calls=1,
            input_tokens=600,
            output_tokens=5,
            latency_s=3.2,
        )
    )
    history.close()


def with_escalation_note(incident: dict[str, Any]) -> dict[str, Any]:
    """The incident as the manager serves it after the engine escalated it."""
    note = {
        "Fecha": "20/11/2026 10:00",
        "Autor": "resolvia",
        "CodigoResolucion": "",
        "NotasResolucion": "[RESOLVIA-ESCALADO] sin solución validada",
        "buzonComentario": incident["buzon"],
        "buzonAsignado": "SOPORTE_N2",
        "estado": "Abierta",
        "detalle": "[RESOLVIA-ESCALADO] sin solución validada",
        "adjuntos": [],
    }
    return {**incident, "buzon": "SOPORTE_N2", "historial": [*incident["historial"], note]}


@dataclass
class FakeIncidents:
    """The demo incidents, escalated ones with the engine's note; ``down`` = unreachable."""

    down: bool = False
    asked: list[str] = field(default_factory=list)

    def get(self, incident_id: str) -> Fetched:
        self.asked.append(incident_id)
        if self.down or incident_id not in SERVED:
            return Fetched(None, "el gestor de incidencias no responde")
        incident = SERVED[incident_id]
        return Fetched(with_escalation_note(incident) if incident_id != "INC000103" else incident)

    def screenshots(self, incident: dict[str, Any]) -> list[ScreenshotText]:
        return []


@dataclass
class FakePending:
    id: int
    incident_id: str
    action: str
    kb_id: str | None
    parameters: dict[str, str]
    created_at: str
    run_id: str
    explanation: str
    editable: dict[str, str] = field(default_factory=dict)
    mailbox: str | None = None


@dataclass
class FakeApprovals:
    pending: list[FakePending] = field(default_factory=list)
    approved: list[tuple[str, str, Any]] = field(default_factory=list)
    rejected: list[tuple[str, str, str]] = field(default_factory=list)

    def list_pending(self) -> list[FakePending]:
        return list(self.pending)

    def approve(self, approval: int | str, user: str, params: Any = None) -> None:
        self.approved.append((str(approval), user, params))
        self.pending = [p for p in self.pending if str(p.id) != str(approval)]

    def reject(self, approval: int | str, user: str, note: str) -> None:
        self.rejected.append((str(approval), user, note))
        self.pending = [p for p in self.pending if str(p.id) != str(approval)]


@dataclass
class Seeded:
    settings: Settings
    users: UserStore
    reviews: ReviewStore
    incidents: FakeIncidents
    approvals: FakeApprovals | None
    app: Any


def seeded_console(
    tmp: Path,
    *,
    approvals: FakeApprovals | None = None,
    throttle: Any = None,
    **overrides: Any,
) -> Seeded:
    """``overrides``: further settings (e.g. ``INCIDENT_MANAGER_WEB_URL``)."""
    settings = load_settings(DATA_DIR=tmp / "data", OUTPUT_DIR=tmp / "out", **overrides)
    seed_run(settings)
    users = UserStore(settings.DATA_DIR / "console.sqlite")
    for role in Role:
        users.add(role.value, role, PASSWORD)
    reviews = ReviewStore(settings.DATA_DIR / "reviews.sqlite")
    incidents = FakeIncidents()
    app = create_app(
        settings,
        secret_key=SECRET,
        users=users,
        reviews=reviews,
        incidents=incidents,
        approvals=approvals,
        supervision={"cierre": "auto", "api|cambioiban": "aprobar"} if approvals else None,
        throttle=throttle,
    )
    return Seeded(settings, users, reviews, incidents, approvals, app)


_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


# --- a real browser ---------------------------------------------------------------------------
#: Debian's Chromium, installed by scripts/install.sh (Playwright's own download is unreachable)
CHROMIUM = "/usr/bin/chromium"
#: set to 1 on a machine where Chromium cannot be installed: the browser tests are then skipped,
#: and say so; without it a missing browser fails them (CI installs it as root)
SKIP_BROWSER_ENV = "RESOLVIA_SKIP_BROWSER_TESTS"


def require_chromium() -> Any:
    """Playwright's sync API, once Chromium is known to be there. A missing browser or
    Playwright fails the test with what to do: `make test` must not pass by skipping them."""
    if os.environ.get(SKIP_BROWSER_ENV) == "1":
        pytest.skip(f"{SKIP_BROWSER_ENV}=1: the console's browser tests are skipped")
    if shutil.which(CHROMIUM) is None:
        pytest.fail(
            f"{CHROMIUM} is missing: the console's browser tests need Debian's Chromium. Run "
            "`make install` as root (or `sudo apt-get install -y chromium chromium-driver`), or "
            f"set {SKIP_BROWSER_ENV}=1 to skip these tests on this machine.",
            pytrace=False,
        )
    try:
        from playwright import sync_api
    except ImportError as exc:
        pytest.fail(f"Playwright is not installed ({exc}): run `make install`", pytrace=False)
    return sync_api


@contextmanager
def chromium_browser() -> Iterator[Any]:
    """Headless Chromium driven by Playwright."""
    sync_api = require_chromium()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """``app`` served by uvicorn on a free loopback port, in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def sign_in(page: Any, base: str, user: str, password: str = PASSWORD) -> None:
    """Sign in through the form, starting from a page that needs it."""
    page.goto(f"{base}/ejecuciones")
    assert "/entrar" in page.url  # sent to sign in first
    page.fill("input[name=usuario]", user)
    page.fill("input[name=clave]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/ejecuciones")
