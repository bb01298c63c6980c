"""The console in a real browser: headless Chromium from the distribution (scripts/install.sh)
driven by Playwright, against the console served by uvicorn on loopback over a tmp folder
seeded with a run written by the real RunRecorder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from adapters.kb_proposals import ProposalDraft, ProposalKind, ProposalStore, get_proposal
from adapters.knowledge_base import load_kb
from config import REPO_ROOT
from tests.console_support import (
    PASSWORD,
    RUN_ID,
    Seeded,
    chromium_browser,
    seeded_console,
    serving,
    sign_in,
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Seeded, str]]:
    seeded = seeded_console(tmp_path_factory.mktemp("console"))
    with serving(seeded.app) as base:
        yield seeded, base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium_browser() as chromium:
        yield chromium


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="es-ES")
    yield context.new_page()
    context.close()


def test_sign_in_and_open_a_run(served: tuple[Seeded, str], page: Any) -> None:
    _, base = served
    page.goto(f"{base}/entrar")
    page.fill("input[name=usuario]", "lector")
    page.fill("input[name=clave]", "wrong-password")
    page.click("button[type=submit]")
    assert "incorrectos" in page.inner_text("main")
    sign_in(page, base, "lector")
    assert "Ejecuciones" in page.inner_text("h1")
    page.click(f"a[href='/ejecuciones/{RUN_ID}']")
    page.wait_for_url(f"{base}/ejecuciones/{RUN_ID}")
    assert page.locator("svg.chart").count() == 2
    assert "Marcador de la demo" in page.inner_text("main")
    page.click("a[href='/incidencias/INC000107']")
    text = page.inner_text("main")
    assert "candidatos_rechazados" in text and "99252437P" not in text


def test_review_an_escalation_and_see_the_label_stored(
    served: tuple[Seeded, str], page: Any
) -> None:
    seeded, base = served
    sign_in(page, base, "revisor")
    page.click("a[href='/revision']")
    page.click("a.button[href='/revision/INC000111']")
    page.check("input[value=no_automatizable]")
    page.select_option("select[name=kb_id]", "KB-0090")
    page.fill("textarea[name=nota]", "plaza de garaje: lo gestiona Servicios Generales")
    page.click("form.review button[type=submit]")
    page.wait_for_url(f"{base}/revision")
    assert "Revisión de INC000111 guardada" in page.inner_text("p.flash")
    label = seeded.reviews.latest()["INC000111"]
    assert (label.verdict, label.kb_id, label.reviewer) == (
        "no_automatizable",
        "KB-0090",
        "revisor",
    )
    assert "Servicios Generales" in label.note


def test_a_reader_is_refused_a_review_and_a_post_without_csrf_token(
    served: tuple[Seeded, str], page: Any
) -> None:
    seeded, base = served
    sign_in(page, base, "lector")
    page.goto(f"{base}/revision/INC000107")
    assert page.locator("form.review").count() == 0  # no form for a reader
    token = page.locator("input[name=csrf_token]").first.get_attribute("value")
    # the browser's own session, posting what the form would
    refused = page.request.post(
        f"{base}/revision/INC000107",
        form={"veredicto": "nuevo_conocimiento", "csrf_token": token},
    )
    assert refused.status == 403
    page.click("form.who button")  # sign out (a POST with the token)
    page.wait_for_url(f"{base}/entrar")
    sign_in(page, base, "revisor")
    no_token = page.request.post(
        f"{base}/revision/INC000107", form={"veredicto": "nuevo_conocimiento"}
    )
    assert no_token.status == 403
    assert "INC000107" not in seeded.reviews.latest()


def test_an_approver_accepts_a_knowledge_base_proposal_with_an_edit(
    browser: Any, tmp_path: Path
) -> None:
    """Over a copy of the bundled knowledge base (the module's console reads the repository's
    resources, which this test must not change)."""
    resources = tmp_path / "resources"
    resources.mkdir()
    for name in ("PROBLEMAS_GLOBALES.csv", "SINONIMOS.txt"):
        shutil.copy(REPO_ROOT / "resources" / name, resources / name)
    kb = resources / "PROBLEMAS_GLOBALES.csv"
    original = kb.read_bytes()
    seeded = seeded_console(tmp_path, RESOURCES_DIR=resources)
    with ProposalStore.for_settings(seeded.settings) as store:
        proposal = store.add(
            ProposalDraft(
                ProposalKind.NEW_ROW,
                "Nueva fila: plaza de aparcamiento en la sede",
                "fp-browser",
                {
                    "COMPONENTE": "Puesto de trabajo",
                    "DESCRIPCION": "Un empleado pide una plaza de aparcamiento en la sede.",
                    "TIPO INCIDENCIA": "Petición de servicio",
                    "SOLUCIÓN": "Las plazas las asigna Servicios Generales con la matrícula.",
                    "FECHA DE RESOLUCIÓN": "20/11/2026",
                    "RESOLUCION AUTOMÁTICA": "reasignacion",
                    "BUZON REASIGNACION": "SERVICIOS_GENERALES",
                },
                evidence={"citas": [{"incidencia": "INC70001", "texto": "Las plazas las asigna"}]},
            )
        )
    assert proposal is not None
    context = browser.new_context(locale="es-ES")
    page = context.new_page()
    try:
        with serving(seeded.app) as base:
            sign_in(page, base, "aprobador")
            page.click("a[href='/propuestas']")
            page.click(f"td a[href='/propuestas/{proposal.id}']")
            assert "«Las plazas las asigna» — INC70001" in page.inner_text("main")
            assert "Válida" in page.inner_text("#validacion")
            page.fill("textarea[name=descripcion]", "Una persona pide plaza de garaje en la sede.")
            page.click("#aceptar button[type=submit]")
            page.wait_for_url(f"{base}/propuestas/{proposal.id}")
            assert f"Propuesta {proposal.id} aceptada" in page.inner_text("p.flash")
    finally:
        context.close()
    decided = get_proposal(seeded.settings, proposal.id)
    assert decided.decided_by == "aprobador"
    kb_id = (decided.result or {})["kb_id"]
    assert kb.read_bytes().startswith(original)
    row = next(r for r in load_kb(kb).rows if r.id == kb_id)
    assert row.descripcion == "Una persona pide plaza de garaje en la sede."


def test_screenshot_script_writes_the_pages(
    served: tuple[Seeded, str], browser: Any, tmp_path: Path
) -> None:
    from console.screenshots import capture

    _, base = served
    written = capture(browser, base, "aprobador", PASSWORD, tmp_path, run_id=RUN_ID)
    assert len(written) >= 4
    for path in written:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size < 400_000
