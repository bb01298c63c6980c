"""The newcomer's path (issue 13): after a demo run has left its reports where `make run` puts
them (OUTPUT_DIR unset: RESOURCES_DIR/reportes and rejected/, the model calls in DATA_DIR),
`resolvia console` on a fresh DATA_DIR creates the demo user the README names, and signing in
with it shows the run, its escalations and the demo's scorecard. The server itself is replaced
by a TestClient over the app the command built (no socket in unit tests)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from cli.app import app
from config import REPO_ROOT, get_settings, load_settings
from console.security import DEMO_DEFAULT_PASSWORD, DEMO_USER
from tests.console_support import RUN_ID, csrf_of, seed_run


@pytest.fixture
def demo_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A RESOURCES_DIR with the knowledge base and the demo gold, a fresh DATA_DIR, no
    OUTPUT_DIR: the defaults' layout, outside the repository."""
    resources = tmp_path / "resources"
    (resources / "evaluacion").mkdir(parents=True)
    shutil.copy(REPO_ROOT / "resources/PROBLEMAS_GLOBALES.csv", resources)
    shutil.copy(REPO_ROOT / "resources/evaluacion/gold_demo.json", resources / "evaluacion")
    monkeypatch.setenv("RESOURCES_DIR", str(resources))
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    for name in ("OUTPUT_DIR", "CONSOLE_SECRET_KEY", "CONSOLE_DEMO_PASSWORD", "ENTORNO"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    return resources


def test_resolvia_console_after_a_demo_run_shows_the_run_escalations_and_scorecard(
    demo_layout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings()
    assert settings.reports_dir == demo_layout / "reportes"  # where `make run` leaves reports
    seed_run(settings)
    served: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app_, **kwargs: served.update(app=app_, **kwargs))

    result = CliRunner().invoke(app, ["console"])
    assert result.exit_code == 0, result.output
    assert f"user '{DEMO_USER}', password '{DEMO_DEFAULT_PASSWORD}'" in result.output
    assert (served["host"], served["port"]) == ("127.0.0.1", 8080)
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"**`{DEMO_USER}`**" in readme and f"**`{DEMO_DEFAULT_PASSWORD}`**" in readme

    client = TestClient(served["app"])
    token = csrf_of(client.get("/entrar").text)
    signed = client.post(
        "/entrar",
        data={"usuario": DEMO_USER, "clave": DEMO_DEFAULT_PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert signed.status_code == 303
    runs = client.get("/ejecuciones").text
    assert f'href="/ejecuciones/{RUN_ID}"' in runs and '<span class="tag">demo</span>' in runs
    run = client.get(f"/ejecuciones/{RUN_ID}").text
    assert "Marcador de la demo" in run
    scorecard = run[run.index("Marcador de la demo") :].split("</table>")[0]
    assert len(re.findall(r'<td><a href="/incidencias/INC\d+">', scorecard)) == 3
    queue = client.get("/revision").text
    assert "INC000107" in queue and "INC000111" in queue  # the run's escalations

    # a second start finds the user: no new credentials are printed
    again = CliRunner().invoke(app, ["console"])
    assert again.exit_code == 0 and DEMO_DEFAULT_PASSWORD not in again.output
    get_settings.cache_clear()
