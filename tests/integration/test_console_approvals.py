"""Supervised mode end to end through the console in a real browser (issue 13, "Done means").

The engine runs with ``SUPERVISION={"api|*": "aprobar"}`` over the mock services (the fake chat
model and in-memory Qdrant of the unit harness: the model is not what this is about) and stops
before an ``api|`` action. In headless Chromium an ``aprobador`` signs in to the console — built
as ``resolvia console`` builds it: the real approvals store under DATA_DIR, the incident read
from the mock incident manager over HTTP — opens «Aprobaciones» and approves (or rejects); the
next run, in the same process or after the engine was restarted, resumes the waiting thread.
The mocks' request logs show the action applied exactly once, and the browser shows the incident
changed in the incident manager.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from adapters.approvals import Approvals
from adapters.reviews import ReviewStore
from adapters.users import Role, UserStore
from config import Settings, load_settings
from console.app import create_app
from console.approvals import open_approvals
from console.incidents import HttpIncidentSource
from mocks import incident_manager
from mocks.clock import FixedDayClock
from mocks.seed import attachments_dir
from tests.console_support import PASSWORD, SECRET, chromium_browser, serving, sign_in
from tests.graph_support import Harness
from tests.mock_support import TODAY, TOKEN
from tests.unit.test_graph import INCIDENTS, _incident
from tests.unit.test_supervision import (
    API,
    APPROVE_API,
    SUPERVISED,
    Engine,
    engine_notes,
    engine_updates,
    target_calls,
)

WEB = "https://gestor.example/incidencias/{cod}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium_browser() as chromium:
        yield chromium


@dataclass
class Stage:
    """A stopped supervised run, the console over its data directory, and a browser tab."""

    engine: Engine
    first: Harness
    settings: Settings
    console: str
    page: Any
    context: Any

    def approvals(self) -> Approvals:
        return Approvals(self.settings)

    def new_page(self) -> Any:
        return self.context.new_page()


@pytest.fixture
def stage(tmp_path: Path, browser: Any) -> Iterator[Stage]:
    engine = Engine(tmp_path, [_incident(*i) for i in INCIDENTS if i[0] == API])
    first = engine.start(APPROVE_API, run_id="before")
    assert first.run()[API]["outcome"] == "pending_approval"
    assert target_calls(first) == []  # stopped before the side effect
    store = first.store
    manager = incident_manager.create_app(
        store, token=TOKEN, clock=FixedDayClock(TODAY), attachments=attachments_dir(store)
    )
    with serving(manager) as manager_url:
        # the engine's recorder writes tmp/reportes and tmp/rejected: OUTPUT_DIR=tmp
        settings = load_settings(
            DATA_DIR=tmp_path / "data",
            OUTPUT_DIR=tmp_path,
            INCIDENT_MANAGER_URL=manager_url,
            INCIDENT_MANAGER_WEB_URL=WEB,
            MOCKS_TOKEN=TOKEN,
            SUPERVISION=json.dumps(SUPERVISED),
        )
        users = UserStore(settings.DATA_DIR / "console.sqlite")
        users.add("aprobador", Role.APPROVER, PASSWORD)
        users.add("lector", Role.READER, PASSWORD)
        approvals, supervision = open_approvals(settings)  # as `resolvia console` does
        app = create_app(
            settings,
            secret_key=SECRET,
            users=users,
            reviews=ReviewStore(settings.DATA_DIR / "reviews.sqlite"),
            incidents=HttpIncidentSource(settings),
            approvals=approvals,
            supervision=supervision,
        )
        with serving(app) as console:
            context = browser.new_context(locale="es-ES")
            try:
                yield Stage(engine, first, settings, console, context.new_page(), context)
            finally:
                context.close()
                engine.close()
                users.close()


def approvals_page(stage: Stage) -> Any:
    page = stage.page
    page.click("nav a[href='/aprobaciones']")
    page.wait_for_url(f"{stage.console}/aprobaciones")
    return page


def test_approved_in_the_browser_with_an_edited_parameter_the_next_run_applies_it_once(
    stage: Stage,
) -> None:
    h = stage.first
    sign_in(stage.page, stage.console, "aprobador")
    page = approvals_page(stage)
    row = page.locator("table.data tbody tr", has_text=API)
    assert row.count() == 1
    assert "api|fxprovision" in row.inner_text()
    policy = page.locator("table.data", has_text="Modo").inner_text()
    assert "api|fxprovision\taprobar" in policy and "cierre\tauto" in policy
    # a paid refund instead of the pending one, typed as a person would (lower case, a space)
    assert row.locator("input[name='param.num_reembolso']").input_value() == "R-2609113"
    row.locator("input[name='param.num_reembolso']").fill(" r-2603027")
    row.locator("button", has_text="Aprobar").click()
    page.wait_for_url(f"{stage.console}/aprobaciones")
    assert "aprobada" in page.inner_text("p.flash")
    assert "No hay acciones esperando aprobación" in page.inner_text("main")

    record = stage.approvals().get(API)
    assert (record.status, record.decided_by) == ("approved", "aprobador")
    assert record.decided_parameters == {"poliza": "30114872", "num_reembolso": "R-2603027"}
    assert target_calls(h) == []  # approving applies nothing by itself

    out = h.run()[API]  # the next run
    assert out["outcome"] not in ("pending_approval", "error")
    assert out["details"]["approval"]["user"] == "aprobador"
    (call,) = target_calls(h)
    assert json.loads(json.loads(call["body"])["strJson"]) == {"num_reembolso": "R-2603027"}
    assert len(engine_updates(h, API)) == 1 and len(engine_notes(h, API)) == 1
    assert h.run() == {}  # nothing waits any more: no second effect
    assert len(target_calls(h)) == 1 and len(engine_updates(h, API)) == 1

    # the incident as the incident manager now serves it, and the decision, in the browser
    page.goto(f"{stage.console}/incidencias/{API}")
    text = page.inner_text("main")
    assert engine_notes(h, API)[0].removeprefix("[RESOLVIA] ")[:40] in text
    link = page.locator("a.manager")
    assert link.get_attribute("href") == WEB.replace("{cod}", API)
    assert "aprobador" in stage.approvals().audit(API)[1].actor


def test_restart_between_the_stop_and_the_browser_approval_applies_it_once(
    stage: Stage,
) -> None:
    stage.engine.stop(stage.first)  # the engine process ends while the action waits
    sign_in(stage.page, stage.console, "aprobador")
    page = approvals_page(stage)
    page.locator("table.data tbody tr", has_text=API).locator("button", has_text="Aprobar").click()
    page.wait_for_url(f"{stage.console}/aprobaciones")
    assert "aprobada" in page.inner_text("p.flash")

    second = stage.engine.start([], run_id="after")  # new graph, new connections
    out = second.run()[API]
    assert out["outcome"] == "reassigned" and out["mailbox"] == "N2_REEMBOLSOS"
    assert second.model.history == []  # resumed from the checkpoint: no model call
    assert len(target_calls(second)) == 1 and len(engine_updates(second, API)) == 1
    assert second.run() == {}
    assert len(target_calls(second)) == 1 and len(engine_notes(second, API)) == 1
    record = stage.approvals().get(API)
    assert (record.settled_run_id, record.outcome) == ("after", "reassigned")

    page.goto(f"{stage.console}/incidencias/{API}")
    evidence = page.locator("dl.kv").first.inner_text()
    assert "N2_REEMBOLSOS" in evidence  # the incident changed in the incident manager
    assert "reasignada" in page.inner_text("section.decision")


def test_a_reader_cannot_approve_a_post_without_token_is_refused_and_a_rejection_escalates(
    stage: Stage,
) -> None:
    h = stage.first
    sign_in(stage.page, stage.console, "lector")
    page = approvals_page(stage)
    assert page.locator("table.data tbody tr", has_text=API).count() == 1  # a reader sees it
    assert page.locator("form[action$='/aprobar']").count() == 0  # but has no form
    token = page.locator("input[name=csrf_token]").first.get_attribute("value")
    refused = page.request.post(
        f"{stage.console}/aprobaciones/1/aprobar", form={"csrf_token": token}
    )
    assert refused.status == 403
    page.click("form.who button")  # sign out
    page.wait_for_url(f"{stage.console}/entrar")

    sign_in(page, stage.console, "aprobador")
    no_token = page.request.post(f"{stage.console}/aprobaciones/1/aprobar", form={})
    assert no_token.status == 403
    assert "token de seguridad" in no_token.text()
    assert stage.approvals().get(1).status == "pending"  # nothing was decided

    page = approvals_page(stage)
    row = page.locator("table.data tbody tr", has_text=API)
    row.locator("input[name=nota]").fill("El cliente ya recibió el abono")
    row.locator("button", has_text="Rechazar").click()
    page.wait_for_url(f"{stage.console}/aprobaciones")
    assert "rechazada" in page.inner_text("p.flash")

    out = h.run()[API]
    assert out["outcome"] == "escalated" and "El cliente ya recibió el abono" in out["explanation"]
    assert target_calls(h) == []  # the action never ran
    assert h.incident(API)["buzon"] == "SOPORTE_N2"
