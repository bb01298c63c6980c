"""The support console through FastAPI's TestClient: sign-in and roles, CSRF, redaction and
audited reveals, the run and incident pages, the review queue and its labels, approvals."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.routing import Route

from adapters.users import Role, UserError, UserStore
from config import load_settings
from console.security import (
    DEMO_DEFAULT_PASSWORD,
    ConsoleSettings,
    ensure_demo_user,
    session_secret,
)
from errors import ConfigError
from tests.console_support import (
    PASSWORD,
    RUN_ID,
    FakeApprovals,
    FakePending,
    Seeded,
    csrf_of,
    seeded_console,
)


@pytest.fixture
def seeded(tmp_path: Path) -> Seeded:
    return seeded_console(tmp_path)


def sign_in(app: object, name: str) -> TestClient:
    client = TestClient(app)  # type: ignore[arg-type]
    page = client.get("/entrar")
    response = client.post(
        "/entrar",
        data={"usuario": name, "clave": PASSWORD, "next": "/", "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return client


# --- sign-in, sessions, CSRF ---------------------------------------------------------------------
def test_pages_need_a_signed_in_user(seeded: Seeded) -> None:
    client = TestClient(seeded.app)
    response = client.get("/ejecuciones", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/entrar?next=/ejecuciones"


def test_sign_in_is_audited_and_a_wrong_password_refused(seeded: Seeded) -> None:
    client = TestClient(seeded.app)
    token = csrf_of(client.get("/entrar").text)
    bad = client.post("/entrar", data={"usuario": "lector", "clave": "x", "csrf_token": token})
    assert bad.status_code == 401
    assert "incorrectos" in bad.text
    good = client.post(
        "/entrar",
        data={"usuario": "lector", "clave": PASSWORD, "csrf_token": token, "next": "/revision"},
        follow_redirects=False,
    )
    assert good.headers["location"] == "/revision"
    actions = [(a.user, a.action) for a in seeded.users.audit_entries()]
    assert ("lector", "signin") in actions
    assert ("lector", "signin.refused") in actions


def test_sign_in_never_redirects_off_the_site(seeded: Seeded) -> None:
    client = TestClient(seeded.app)
    token = csrf_of(client.get("/entrar").text)
    response = client.post(
        "/entrar",
        data={"usuario": "lector", "clave": PASSWORD, "csrf_token": token, "next": "//evil.test"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_session_cookie_is_signed_httponly_and_strict(seeded: Seeded) -> None:
    client = TestClient(seeded.app)
    cookie = client.get("/entrar").headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=strict" in cookie
    # a forged cookie is ignored: still asked to sign in
    forged = TestClient(seeded.app, cookies={"resolvia_console": "eyJ1c2VyIjogImFwcm9iYWRvciJ9"})
    assert forged.get("/ejecuciones", follow_redirects=False).status_code == 303


def test_every_post_route_refuses_a_form_without_the_csrf_token(seeded: Seeded) -> None:
    client = sign_in(seeded.app, "aprobador")
    posts = [
        r.path.replace("{incident_id}", "INC000107")
        .replace("{approval_id}", "1")
        .replace("{proposal_id}", "1")
        for r in seeded.app.routes
        if isinstance(r, Route) and "POST" in (r.methods or set())
    ]
    assert len(posts) >= 6
    for path in posts:
        response = client.post(path, data={"campo": "descripcion", "veredicto": "kb"})
        assert response.status_code == 403, path
        wrong = client.post(path, data={"csrf_token": "not-the-token"})
        assert wrong.status_code == 403, path
    assert seeded.reviews.latest() == {}


def test_security_headers(seeded: Seeded) -> None:
    response = TestClient(seeded.app).get("/entrar")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "script-src" not in response.headers["content-security-policy"]  # none allowed
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"


def test_a_role_change_takes_effect_at_once(seeded: Seeded) -> None:
    client = sign_in(seeded.app, "revisor")
    page = client.get("/revision/INC000107")
    assert "Guardar revisión" in page.text
    seeded.users.add("revisor", Role.READER, PASSWORD, replace=True)
    assert "Guardar revisión" not in client.get("/revision/INC000107").text


# --- runs and incidents --------------------------------------------------------------------------
def test_runs_list_shows_counts_model_and_degraded_flag(seeded: Seeded) -> None:
    client = sign_in(seeded.app, "lector")
    page = client.get("/ejecuciones").text
    assert RUN_ID in page
    assert "llamacpp/qwen2.5-coder-1.5b" in page
    assert "degradada (1)" in page
    assert "demo" in page  # every incident of the run is a demo incident


def test_run_page_has_charts_rows_and_the_demo_scorecard(seeded: Seeded) -> None:
    client = sign_in(seeded.app, "lector")
    page = client.get(f"/ejecuciones/{RUN_ID}").text
    assert page.count("<svg") == 2
    for code in ("INC000103", "INC000107", "INC000111"):
        assert f'href="/incidencias/{code}"' in page
    assert "Marcador de la demo" in page
    assert "resolver KB-0056 (cierre)" in page  # expected outcome from gold_demo.json
    assert client.get("/ejecuciones/nope").status_code == 404
    assert client.get("/ejecuciones/..%2F..%2Fetc").status_code == 404


def test_incident_page_redacts_personal_data_and_a_reviewer_reveals_one_field(
    seeded: Seeded,
) -> None:
    reader = sign_in(seeded.app, "lector")
    page = reader.get("/incidencias/INC000107").text
    assert "99252437P" not in page  # the DNI in the description, the identifiers, the calls
    assert "ES9121000418450200051332" not in page
    assert "[NIF]" in page
    assert "Mostrar datos personales" not in page  # a reader cannot reveal
    assert "KB-0043" in page and "api|cambioiban" in page  # candidates with their scores
    assert "67 %" in page  # the confidence model's number
    assert "candidatos_rechazados" in page
    assert "critico@v3" in page  # the model call, redacted
    assert "/api/incidencias/" not in page  # the manager's API needs a token: no link to it
    assert "Código en el gestor de incidencias: <code>INC000107</code>" in page
    token = csrf_of(page)
    refused = reader.post(
        "/incidencias/INC000107/revelar", data={"campo": "descripcion", "csrf_token": token}
    )
    assert refused.status_code == 403

    reviewer = sign_in(seeded.app, "revisor")
    page = reviewer.get("/incidencias/INC000107").text
    assert "Mostrar datos personales" in page
    revealed = reviewer.post(
        "/incidencias/INC000107/revelar",
        data={"campo": "descripcion", "csrf_token": csrf_of(page)},
    )
    assert revealed.status_code == 200
    assert "99252437P" in revealed.text  # the description, now in clear
    assert "ES9121000418450200051332" not in revealed.text  # model calls stay redacted
    assert "revelado (auditado)" in revealed.text
    audit = [(a.user, a.action, a.object, a.detail) for a in seeded.users.audit_entries()]
    assert ("revisor", "reveal", "INC000107", "descripcion") in audit


def test_incident_page_links_to_the_incident_manager_web_ui_when_configured(
    tmp_path: Path,
) -> None:
    seeded = seeded_console(
        tmp_path, INCIDENT_MANAGER_WEB_URL="https://gestor.example/ver?cod={cod}&vista=1"
    )
    page = sign_in(seeded.app, "lector").get("/incidencias/INC000107").text
    assert 'href="https://gestor.example/ver?cod=INC000107&amp;vista=1"' in page
    assert "Ver en el gestor de incidencias" in page
    with pytest.raises(ConfigError, match=r"INCIDENT_MANAGER_WEB_URL: must be an http\(s\) URL"):
        load_settings(INCIDENT_MANAGER_WEB_URL="https://gestor.example/incidencias/")
    assert load_settings(INCIDENT_MANAGER_WEB_URL="  ").INCIDENT_MANAGER_WEB_URL == ""


def test_a_supervised_run_shows_its_waiting_actions(seeded: Seeded) -> None:
    from adapters.run_records import RunRecorder

    settings = seeded.settings
    recorder = RunRecorder(
        settings.DATA_DIR / "outcomes.sqlite", settings.reports_dir, settings.rejected_dir, "sup1"
    )
    recorder.record(
        {
            "incident_id": "INC000999",
            "outcome": "pending_approval",
            "reason": "pendiente_aprobacion",
            "kb_id": "KB-0043",
            "action": "api|cambioiban",
            "explanation": "pendiente_aprobacion: api|cambioiban espera a una persona",
        }
    )
    recorder.close()
    client = sign_in(seeded.app, "lector")
    runs = client.get("/ejecuciones").text
    assert "<th>por aprobar</th>" in runs
    page = client.get("/ejecuciones/sup1").text
    assert ">por aprobar</text>" in page  # a bar of its own in the outcomes chart
    incident = client.get("/incidencias/INC000999").text
    assert 'class="o-pending_approval">por aprobar' in incident


def test_incident_page_without_the_incident_manager_still_shows_the_decisions(
    seeded: Seeded,
) -> None:
    seeded.incidents.down = True
    page = sign_in(seeded.app, "lector").get("/incidencias/INC000107").text
    assert "no responde" in page
    assert "candidatos_rechazados" in page


# --- reviews -------------------------------------------------------------------------------------
def test_review_queue_lists_escalations_and_a_reviewer_labels_one(seeded: Seeded) -> None:
    client = sign_in(seeded.app, "revisor")
    queue = client.get("/revision").text
    assert "INC000107" in queue and "INC000111" in queue
    assert "INC000103" not in queue  # resolved: not in the rejection log
    form = client.get("/revision/INC000107").text
    assert '<option value="KB-0043">' in form
    response = client.post(
        "/revision/INC000107",
        data={
            "veredicto": "kb",
            "kb_id": "KB-0043",
            "nota": "era el cambio de IBAN",
            "csrf_token": csrf_of(form),
        },
    )
    assert response.status_code == 200
    assert "Revisión de INC000107 guardada" in response.text
    label = seeded.reviews.latest()["INC000107"]
    assert (label.verdict, label.kb_id, label.action, label.reviewer) == (
        "kb",
        "KB-0043",
        "api|cambioiban",
        "revisor",
    )
    assert label.incident is not None and label.run_id == RUN_ID
    assert "INC000107" not in client.get("/revision").text.split("<tbody>")[-1]
    assert "INC000107" in client.get("/revision?todas=1").text
    audit = [(a.user, a.action, a.object) for a in seeded.users.audit_entries()]
    assert ("revisor", "review", "INC000107") in audit


def test_a_kb_verdict_needs_a_row_and_an_unknown_row_is_refused(seeded: Seeded) -> None:
    client = sign_in(seeded.app, "revisor")
    token = csrf_of(client.get("/revision/INC000111").text)
    no_row = client.post("/revision/INC000111", data={"veredicto": "kb", "csrf_token": token})
    assert "Elige la fila" in no_row.text
    unknown = client.post(
        "/revision/INC000111", data={"veredicto": "kb", "kb_id": "KB-9999", "csrf_token": token}
    )
    assert unknown.status_code == 400
    assert seeded.reviews.latest() == {}


def test_a_reader_cannot_review(seeded: Seeded) -> None:
    client = sign_in(seeded.app, "lector")
    page = client.get("/revision/INC000111").text
    assert "puede ver pero no revisar" in page
    response = client.post(
        "/revision/INC000111",
        data={"veredicto": "nuevo_conocimiento", "csrf_token": csrf_of(page)},
    )
    assert response.status_code == 403
    assert seeded.reviews.latest() == {}


# --- approvals and the other pages ---------------------------------------------------------------
def test_approvals_page_without_a_store_is_an_empty_state(seeded: Seeded) -> None:
    page = sign_in(seeded.app, "lector").get("/aprobaciones").text
    assert "no hay acciones esperando" in page


def test_an_approver_approves_with_an_edited_parameter_and_rejects(tmp_path: Path) -> None:
    store = FakeApprovals(
        [
            FakePending(
                7,
                "INC000107",
                "api|cambioiban",
                "KB-0043",
                {"poliza": "32516049", "iban": "ES9121000418450200051332"},
                "2026-11-20T10:00:00+00:00",
                RUN_ID,
                "Cambiaría el IBAN de la póliza 32516049",
                editable={"poliza": "número de póliza", "iban": "IBAN"},
            ),
            FakePending(8, "INC000103", "cierre", "KB-0056", {}, "…", RUN_ID, "Cerraría"),
        ]
    )
    seeded = seeded_console(tmp_path, approvals=store)
    reader_page = sign_in(seeded.app, "lector").get("/aprobaciones").text
    assert "INC000107" in reader_page
    assert "ES9121000418450200051332" not in reader_page  # redacted for a reader
    assert "api|cambioiban" in reader_page and "aprobar" in reader_page  # policy shown
    reviewer = sign_in(seeded.app, "revisor")
    token = csrf_of(reviewer.get("/aprobaciones").text)
    assert reviewer.post("/aprobaciones/7/aprobar", data={"csrf_token": token}).status_code == 403

    approver = sign_in(seeded.app, "aprobador")
    page = approver.get("/aprobaciones").text
    assert 'value="ES9121000418450200051332"' in page  # the approver judges the real value
    approver.post(
        "/aprobaciones/7/aprobar",
        data={
            "csrf_token": csrf_of(page),
            "param.poliza": "32516049",
            "param.iban": "ES7921000813610123456789",
        },
    )
    assert store.approved == [("7", "aprobador", {"iban": "ES7921000813610123456789"})]
    approver.post("/aprobaciones/8/rechazar", data={"csrf_token": csrf_of(page), "nota": "no"})
    assert store.rejected == [("8", "aprobador", "no")]
    actions = [(a.action, a.object) for a in seeded.users.audit_entries()]
    assert ("approval.approve", "7") in actions and ("approval.reject", "8") in actions
    approve_detail = next(a.detail for a in seeded.users.audit_entries() if a.object == "7")
    assert "ES7921000813610123456789" not in (approve_detail or "")  # audit redacted


def test_proposals_and_audit_pages(seeded: Seeded) -> None:
    reader = sign_in(seeded.app, "lector")
    assert "mantenimiento de la base de conocimiento" in reader.get("/propuestas").text
    assert reader.get("/auditoria").status_code == 403
    page = sign_in(seeded.app, "aprobador").get("/auditoria").text
    assert "signin" in page


# --- security helpers ----------------------------------------------------------------------------
def test_session_key_is_generated_once_with_mode_0600(tmp_path: Path) -> None:
    settings = load_settings(DATA_DIR=tmp_path)
    options = ConsoleSettings(_env_file=None)  # type: ignore[call-arg]
    first = session_secret(settings, options)
    assert first.origin.startswith("created")
    path = tmp_path / "console_secret_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = session_secret(settings, options)
    assert again.value == first.value and again.origin.startswith("file")
    os.chmod(path, 0o644)
    with pytest.raises(ConfigError, match="readable by others"):
        session_secret(settings, options)


def test_prod_needs_the_session_key_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOCKS_TOKEN", "a-real-token")
    settings = load_settings(DATA_DIR=tmp_path, ENTORNO="PROD")
    with pytest.raises(ConfigError, match="PROD"):
        session_secret(settings, ConsoleSettings(_env_file=None))  # type: ignore[call-arg]
    monkeypatch.setenv("CONSOLE_SECRET_KEY", "s" * 40)
    key = session_secret(settings, ConsoleSettings(_env_file=None))  # type: ignore[call-arg]
    assert key.origin == "env"


def test_demo_user_is_created_once_on_a_fresh_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(DATA_DIR=tmp_path)
    users = UserStore(tmp_path / "console.sqlite")
    options = ConsoleSettings(_env_file=None)  # type: ignore[call-arg]
    assert ensure_demo_user(settings, options, users) == ("demo", DEMO_DEFAULT_PASSWORD)
    assert ensure_demo_user(settings, options, users) is None
    user = users.authenticate("demo", DEMO_DEFAULT_PASSWORD)
    assert user is not None and user.role is Role.APPROVER
    monkeypatch.setenv("CONSOLE_DEMO_PASSWORD", "otra-clave-larga")
    other = UserStore(tmp_path / "other.sqlite")
    options = ConsoleSettings(_env_file=None)  # type: ignore[call-arg]
    assert ensure_demo_user(settings, options, other) == ("demo", "otra-clave-larga")


def test_user_store_checks_names_passwords_and_hashes_them(tmp_path: Path) -> None:
    users = UserStore(tmp_path / "u.sqlite")
    with pytest.raises(UserError, match="characters"):
        users.add("ana", Role.READER, "corta")
    with pytest.raises(UserError, match="invalid user name"):
        users.add("Ana López", Role.READER, PASSWORD)
    users.add("ana", Role.REVIEWER, PASSWORD)
    with pytest.raises(UserError, match="already exists"):
        users.add("ana", Role.READER, PASSWORD)
    raw = (tmp_path / "u.sqlite").read_bytes()
    assert PASSWORD.encode() not in raw and b"$argon2id$" in raw
    assert users.authenticate("ana", "wrong-password") is None
    assert users.authenticate("nadie", PASSWORD) is None
    user = users.authenticate("ANA", PASSWORD)
    assert user is not None and user.role.allows(Role.READER)
    assert not user.role.allows(Role.APPROVER)
