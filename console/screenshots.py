"""Screenshots of the console's main pages for the README (``docs/console_*.png``).

    .venv/bin/python -m console.screenshots [--out docs] [--run RUN_ID] [--incidents-from-gold]

Serves the console over this machine's run reports and recorded model calls (the settings'
OUTPUT_DIR / DATA_DIR, read only) with a throw-away user and review store in a temporary
folder, then drives the distribution's headless Chromium (``/usr/bin/chromium``) with
Playwright. ``--incidents-from-gold`` serves the incidents' text from the gold files in
``resources/evaluacion`` instead of asking the incident manager (the demo incidents are there;
useful when the mock services are not running).
"""

from __future__ import annotations

import argparse
import io
import json
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PIL import Image

from adapters.reviews import ReviewStore
from adapters.users import Role, UserStore
from config import Settings, load_settings
from console.app import create_app
from console.approvals import open_approvals
from console.data import RunData
from console.incidents import Fetched, HttpIncidentSource, IncidentSource, ScreenshotText

CHROMIUM = "/usr/bin/chromium"
USER = "capturas"
PASSWORD = "capturas-de-pantalla"  # noqa: S105 - a throw-away user in a temporary store
VIEWPORT = {"width": 1280, "height": 900}


class GoldIncidents:
    """Incidents as served, from the gold files (no incident manager needed)."""

    def __init__(self, settings: Settings) -> None:
        self.items: dict[str, dict[str, Any]] = {}
        for path in sorted((settings.RESOURCES_DIR / "evaluacion").glob("gold_*.json")):
            for item in json.loads(path.read_text(encoding="utf-8")):
                incident = item["incidencia"]
                self.items[str(incident["codIncidencia"])] = incident

    def get(self, incident_id: str) -> Fetched:
        found = self.items.get(incident_id)
        return Fetched(found, None if found else "no está en los ficheros de evaluación")

    def screenshots(self, incident: dict[str, Any]) -> list[ScreenshotText]:
        return []


def capture(
    browser: Any,
    base: str,
    user: str,
    password: str,
    out: Path,
    *,
    run_id: str | None = None,
    incident_id: str | None = None,
) -> list[Path]:
    """Sign in and save PNGs of the main pages under ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=VIEWPORT, locale="es-ES")
    page = context.new_page()
    written: list[Path] = []

    def save(name: str) -> None:
        target = out / f"console_{name}.png"
        # a 256-colour palette: a third of the size, the same picture for flat UI colours
        image = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
        image.quantize(colors=256).save(target, optimize=True)
        written.append(target)

    def shot(name: str, path: str) -> None:
        page.goto(base + path)
        save(name)

    try:
        page.goto(f"{base}/entrar")
        save("entrar")
        page.fill("input[name=usuario]", user)
        page.fill("input[name=clave]", password)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        shot("ejecuciones", "/ejecuciones")
        if run_id:
            shot("ejecucion", f"/ejecuciones/{run_id}")
        if incident_id:
            shot("incidencia", f"/incidencias/{incident_id}")
            shot("revisar", f"/revision/{incident_id}")
        shot("revision", "/revision")
        shot("aprobaciones", "/aprobaciones")
    finally:
        context.close()
    return written


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """The app on a free loopback port, in a thread; yields its base URL."""
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the console did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument("--run", help="Run to show (default: the newest with an escalation).")
    parser.add_argument("--incidents-from-gold", action="store_true")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    settings = load_settings()
    data = RunData(settings.reports_dir, settings.rejected_dir, settings.llm_history_path)
    runs = data.runs()
    run_id = args.run or next((r.run_id for r in runs if r.counts["escalated"]), None)
    found = data.run(run_id) if run_id else None
    escalated = [e for e in (found[1] if found else []) if e.get("outcome") == "escalated"]
    incident_id = str(escalated[0]["incident_id"]) if escalated else None
    incidents: IncidentSource = (
        GoldIncidents(settings) if args.incidents_from_gold else HttpIncidentSource(settings)
    )
    with tempfile.TemporaryDirectory(prefix="resolvia-capturas-") as tmp:
        users = UserStore(Path(tmp) / "console.sqlite")
        users.add(USER, Role.APPROVER, PASSWORD)
        approvals, supervision = open_approvals(settings)
        app = create_app(
            settings,
            secret_key="capturas" * 8,
            users=users,
            reviews=ReviewStore(Path(tmp) / "reviews.sqlite"),
            incidents=incidents,
            approvals=approvals,
            supervision=supervision,
        )
        with serve(app) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                written = capture(
                    browser, base, USER, PASSWORD, args.out, run_id=run_id, incident_id=incident_id
                )
            finally:
                browser.close()
    for path in written:
        sys.stderr.write(f"{path} ({path.stat().st_size // 1024} KiB)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
