"""The console's FastAPI application: pages rendered on the server from Jinja2 templates.

Security, in one place:

* every page needs a signed-in user (roles :class:`adapters.users.Role`: ``lector`` reads,
  ``revisor`` also reviews and reveals personal data, ``aprobador`` also approves supervised
  actions and accepts or rejects knowledge-base proposals);
* the session is a cookie signed with the console's secret (``SameSite=Strict``, HttpOnly),
  renewed at sign-in; the user's role is read from the store on every request, so a change
  takes effect at once;
* every POST carries the session's CSRF token (:func:`_checked_form`), compared in constant time;
* failed sign-ins are limited per user name and per client address (:mod:`console.throttle`:
  5 in 15 minutes, then 429 until the window moves on; the lock-out is audited);
* personal data is redacted on every page; a ``revisor`` reveals one field at a time and each
  reveal is audited, as are sign-ins, reviews, approvals and decisions on proposals;
* responses forbid framing, inline scripts and caching (:func:`_security_headers`).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

import structlog
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from adapters.kb_proposals import (
    Proposal,
    ProposalError,
    UnknownProposalError,
    accept_proposal,
    get_proposal,
    list_proposals,
    preview_proposal,
    reject_proposal,
)
from adapters.knowledge_base import KBRow, load_kb
from adapters.reviews import VERDICT_LABELS, ReviewError, ReviewStore, Verdict
from adapters.users import Role, User, UserStore
from config import Settings
from console import proposals as proposal_views
from console.approvals import ApprovalStore
from console.data import INCIDENT_ID, OUTCOME_LABELS, OUTCOMES, RunData, durations, histogram
from console.incidents import IncidentSource
from console.security import csrf_ok, new_csrf_token
from console.throttle import SignInThrottle
from domain.incident import incident_evidence
from errors import ResolviaError
from finetune.gold import GoldItem, load_gold
from finetune.scorecard import Scorecard, score
from observability.redaction import redact, redact_value

log = structlog.get_logger(__name__)

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "resolvia_console"
#: reveals kept per session (the oldest are forgotten first)
MAX_REVEALS = 50


@dataclass
class Console:
    """What the pages read and write; built once by :func:`create_app`."""

    settings: Settings
    data: RunData
    users: UserStore
    reviews: ReviewStore
    incidents: IncidentSource
    approvals: ApprovalStore | None = None
    #: autonomy per action type (``auto`` / ``aprobar`` / ``nunca``), shown on the page
    supervision: dict[str, str] = field(default_factory=dict)
    kb: list[KBRow] = field(default_factory=list)
    demo_gold: list[GoldItem] = field(default_factory=list)
    throttle: SignInThrottle = field(default_factory=SignInThrottle)

    @property
    def kb_by_id(self) -> dict[str, KBRow]:
        return {row.id: row for row in self.kb}


class SignInRequired(Exception):
    """Raised by :func:`_need` when nobody is signed in."""


def create_app(
    settings: Settings,
    *,
    secret_key: str,
    users: UserStore,
    reviews: ReviewStore,
    incidents: IncidentSource,
    approvals: ApprovalStore | None = None,
    supervision: dict[str, str] | None = None,
    session_hours: float = 8.0,
    throttle: SignInThrottle | None = None,
) -> FastAPI:
    """The console over ``settings``' reports, rejection logs, LLM history and stores."""
    console = Console(
        settings=settings,
        data=RunData(settings.reports_dir, settings.rejected_dir, settings.llm_history_path),
        users=users,
        reviews=reviews,
        incidents=incidents,
        approvals=approvals,
        supervision=supervision or {},
        kb=_load_kb(settings),
        demo_gold=_load_demo_gold(settings),
        throttle=throttle or SignInThrottle(),
    )
    app = FastAPI(title="Resolvia · consola", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.console = console
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key,
        session_cookie=SESSION_COOKIE,
        max_age=int(session_hours * 3600),
        same_site="strict",
        https_only=False,  # served on loopback over plain HTTP; behind TLS set it in a proxy
    )
    app.middleware("http")(_security_headers)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.filters["tojson_pretty"] = lambda v: json.dumps(v, ensure_ascii=False, indent=2)
    templates.env.filters["redact"] = redact
    templates.env.globals["OUTCOME_LABELS"] = OUTCOME_LABELS
    app.state.templates = templates

    @app.exception_handler(SignInRequired)
    async def _sign_in(request: Request, exc: SignInRequired) -> Response:
        if request.method == "GET":
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/entrar?next={quote(target)}", status_code=303)
        return _render(request, "error.html", status_code=401, message="Inicia sesión primero.")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        messages = {403: "No tienes permiso para esto.", 404: "No existe."}
        message = messages.get(exc.status_code, str(exc.detail))
        if exc.status_code == 403 and exc.detail == "csrf":
            message = "Formulario caducado o sin token de seguridad: recarga la página."
        return _render(request, "error.html", status_code=exc.status_code, message=message)

    _routes(app)
    return app


# --- helpers ------------------------------------------------------------------------------------
async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    if not request.url.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"
    return response


def _console(request: Request) -> Console:
    console: Console = request.app.state.console
    return console


def _user(request: Request) -> User | None:
    name = request.session.get("user")
    if not isinstance(name, str):
        return None
    user = _console(request).users.get(name)
    return None if user is None or user.disabled else user


def _need(role: Role) -> Callable[[Request], User]:
    def dependency(request: Request) -> User:
        user = _user(request)
        if user is None:
            raise SignInRequired
        if not user.role.allows(role):
            raise HTTPException(403)
        return user

    return dependency


async def _checked_form(request: Request) -> FormData:
    """The POSTed form, refused (403) unless it carries the session's CSRF token."""
    form = await request.form()
    if not csrf_ok(request.session.get("csrf"), form.get("csrf_token")):
        log.warning("console.csrf_refused", path=request.url.path)
        raise HTTPException(403, "csrf")
    return form


def _csrf(request: Request) -> str:
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = new_csrf_token()
        request.session["csrf"] = token
    return token


def _flash(request: Request, message: str) -> None:
    request.session["flash"] = message


def _render(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    user = _user(request)
    return templates.TemplateResponse(
        request,
        template,
        {
            "user": user,
            "csrf_token": _csrf(request),
            "flash": request.session.pop("flash", None),
            "Role": Role,
            **context,
        },
        status_code=status_code,
    )


def _load_kb(settings: Settings) -> list[KBRow]:
    try:
        return load_kb(settings.RESOURCES_DIR / "PROBLEMAS_GLOBALES.csv").rows
    except (OSError, ResolviaError, ValueError) as exc:
        log.warning("console.kb_unavailable", error=str(exc))
        return []


def _load_demo_gold(settings: Settings) -> list[GoldItem]:
    try:
        return load_gold(settings.RESOURCES_DIR / "evaluacion", "demo")
    except (OSError, ValueError, KeyError):
        return []


def _demo_scorecard(console: Console, entries: list[dict[str, Any]]) -> Scorecard | None:
    """The demo's scorecard when every incident of the run is a demo incident."""
    codes = {g.code for g in console.demo_gold}
    if not entries or not codes or any(e.get("incident_id") not in codes for e in entries):
        return None
    return score(entries, console.demo_gold)


def _best(entry: dict[str, Any]) -> dict[str, Any] | None:
    """The critique with the highest confidence (the critic's score without one)."""

    def value(c: dict[str, Any]) -> float:
        v = c.get("confidence") if c.get("confidence") is not None else c.get("score")
        return float(v) if v is not None else -1.0

    critiques = [c for c in entry.get("critiques") or [] if isinstance(c, dict)]
    return max(critiques, key=value, default=None)


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _safe_next(target: Any) -> str:
    """Only a path of this site (never ``//host`` or a URL) is a place to go after sign-in."""
    if isinstance(target, str) and target.startswith("/") and not target.startswith("//"):
        return target if "\\" not in target else "/"
    return "/"


def _manager_link(settings: Settings, incident_id: str) -> str | None:
    """The incident's page in the incident manager's own web UI (INCIDENT_MANAGER_WEB_URL);
    None when none is configured (its API needs a token: a browser cannot open it)."""
    template = settings.INCIDENT_MANAGER_WEB_URL
    return template.replace("{cod}", quote(incident_id, safe="")) if template else None


def _check_incident_id(incident_id: str) -> None:
    if not INCIDENT_ID.match(incident_id):
        raise HTTPException(404)


def _call_view(call: dict[str, Any]) -> dict[str, Any]:
    """A recorded model call for the page: redacted again (the rules may have grown since it
    was recorded) and its input messages parsed."""
    view: dict[str, Any] = redact_value(call)
    try:
        messages = json.loads(view.get("input_json") or "[]")
    except json.JSONDecodeError:
        messages = []
    view["messages"] = [
        {"role": str(m.get("role", "")), "content": str(m.get("content", ""))}
        for m in messages
        if isinstance(m, dict)
    ]
    return view


# --- personal data ----------------------------------------------------------------------------
def _revealed(request: Request, incident_id: str) -> set[str]:
    keys = request.session.get("revealed") or []
    prefix = f"{incident_id}|"
    return {k.removeprefix(prefix) for k in keys if isinstance(k, str) and k.startswith(prefix)}


@dataclass(frozen=True)
class Shown:
    """A text field as a page shows it: redacted unless revealed."""

    name: str
    text: str
    #: redaction changed something: there is personal data to reveal
    has_pii: bool
    revealed: bool


def _shown(name: str, text: str, revealed: set[str]) -> Shown:
    clean = redact(text)
    is_revealed = name in revealed and clean != text
    return Shown(name, text if is_revealed else clean, clean != text, is_revealed)


def _incident_fields(
    incident: dict[str, Any], screenshots: list[Any], evidence: str, revealed: set[str]
) -> dict[str, Any]:
    history = []
    for i, entry in enumerate(incident.get("historial") or []):
        notes = "\n".join(
            str(entry.get(key) or "").strip()
            for key in ("detalle", "NotasResolucion")
            if str(entry.get(key) or "").strip()
        )
        history.append(
            {
                "fecha": entry.get("Fecha"),
                "autor": _shown(f"historial.{i}.autor", str(entry.get("Autor") or ""), revealed),
                "estado": entry.get("estado"),
                "buzon": entry.get("buzonAsignado"),
                "texto": _shown(f"historial.{i}", notes, revealed),
                "adjuntos": entry.get("adjuntos") or [],
            }
        )
    return {
        "titulo": _shown("titulo", str(incident.get("titulo") or ""), revealed),
        "solicitante": _shown("solicitante", str(incident.get("solicitante") or ""), revealed),
        "descripcion": _shown("descripcion", str(incident.get("descripcion") or ""), revealed),
        "evidencia": _shown("evidencia", evidence, revealed),
        "historial": history,
        "capturas": [
            {"name": s.name, "error": s.error, "texto": _shown(f"ocr.{i}", s.text, revealed)}
            for i, s in enumerate(screenshots)
        ],
    }


# --- knowledge-base proposals -------------------------------------------------------------------
def _proposal_number(proposal_id: str) -> int:
    if not proposal_id.isdigit() or len(proposal_id) > 9:
        raise HTTPException(404)
    return int(proposal_id)


def _proposal_response(
    request: Request,
    number: int,
    *,
    status_code: int = 200,
    error: str | None = None,
    edits: dict[str, str] | None = None,
) -> Response:
    try:
        context = proposal_views.page_context(_console(request).settings, number, edits)
    except UnknownProposalError:
        raise HTTPException(404) from None
    return _render(request, "proposal.html", status_code=status_code, error=error, **context)


async def _proposal_response_async(request: Request, number: int, **kwargs: Any) -> Response:
    return await run_in_threadpool(partial(_proposal_response, request, number, **kwargs))


async def _proposal_refused(
    request: Request,
    number: int,
    exc: ProposalError,
    action: str,
    user: User,
    edits: dict[str, str] | None,
) -> Response:
    """The proposal page again, with why the decision was refused and the person's edits."""
    if isinstance(exc, UnknownProposalError):
        raise HTTPException(404) from None
    log.info("console.proposal_refused", proposal=number, action=action, error=str(exc))
    try:
        proposal: Proposal | None = get_proposal(_console(request).settings, number)
    except ProposalError:
        proposal = None
    status_code, message = proposal_views.refusal(exc, proposal)
    return await _proposal_response_async(
        request, number, status_code=status_code, error=message, edits=edits
    )


# --- routes -------------------------------------------------------------------------------------
def _routes(app: FastAPI) -> None:  # noqa: PLR0915 - one route per page, read top to bottom
    reader = Depends(_need(Role.READER))
    reviewer = Depends(_need(Role.REVIEWER))
    approver = Depends(_need(Role.APPROVER))

    @app.get("/salud", include_in_schema=False)
    def health() -> PlainTextResponse:
        return PlainTextResponse("ok")

    @app.get("/")
    def home() -> RedirectResponse:
        return _redirect("/ejecuciones")

    # --- sign-in ------------------------------------------------------------------------------
    @app.get("/entrar", response_class=HTMLResponse)
    def sign_in_page(request: Request, next: str = "/") -> Response:
        return _render(request, "login.html", next=_safe_next(next), error=None)

    @app.post("/entrar", response_class=HTMLResponse)
    async def sign_in(request: Request) -> Response:
        form = await _checked_form(request)
        console = _console(request)
        name = str(form.get("usuario") or "").strip().lower()
        target = _safe_next(form.get("next"))
        address = request.client.host if request.client else None
        locked = console.throttle.check(name, address)
        if locked is not None:
            log.warning("console.signin_throttled", key=locked.key, retry_after=locked.minutes)
            if locked.first:  # once per lock-out: a flood of attempts must not flood the audit
                console.users.audit(name or None, "signin.throttled", locked.key, address)
            response = _render(
                request,
                "login.html",
                status_code=429,
                next=target,
                error="Demasiados intentos fallidos. Espera "
                f"{locked.minutes} minuto{'s' if locked.minutes != 1 else ''} "
                "antes de volver a intentarlo.",
            )
            response.headers["Retry-After"] = str(locked.retry_after_s)
            return response
        user = console.users.authenticate(name, str(form.get("clave") or ""))
        if user is None:
            console.throttle.failed(name, address)
            console.users.audit(name or None, "signin.refused", None, address)
            return _render(
                request,
                "login.html",
                status_code=401,
                next=target,
                error="Usuario o contraseña incorrectos.",
            )
        console.throttle.succeeded(user.name)
        request.session.clear()  # a new session at sign-in: nothing carried from before
        request.session["user"] = user.name
        request.session["csrf"] = new_csrf_token()
        console.users.audit(user.name, "signin", None, user.role.value)
        return _redirect(target)

    @app.post("/salir")
    async def sign_out(request: Request) -> Response:
        await _checked_form(request)
        user = _user(request)
        if user is not None:
            _console(request).users.audit(user.name, "signout")
        request.session.clear()
        return _redirect("/entrar")

    # --- runs ---------------------------------------------------------------------------------
    @app.get("/ejecuciones", response_class=HTMLResponse)
    def runs_page(request: Request, user: User = reader) -> Response:
        console = _console(request)
        runs = console.data.runs()
        demo = {g.code for g in console.demo_gold}
        is_demo = {
            r.run_id: bool(r.incident_ids) and all(c in demo for c in r.incident_ids) for r in runs
        }
        return _render(request, "runs.html", runs=runs, is_demo=is_demo, outcomes=OUTCOMES)

    @app.get("/ejecuciones/{run_id}", response_class=HTMLResponse)
    def run_page(request: Request, run_id: str, user: User = reader) -> Response:
        console = _console(request)
        found = console.data.run(run_id)
        if found is None:
            raise HTTPException(404)
        info, entries = found
        seconds = durations(info, entries)
        rows = []
        for entry, took in zip(entries, seconds, strict=True):
            confidences = [
                c.get("confidence") if c.get("confidence") is not None else c.get("score")
                for c in entry.get("critiques") or []
            ]
            known = [c for c in confidences if c is not None]
            rows.append({"entry": entry, "seconds": took, "confidence": max(known, default=None)})
        bars = [(OUTCOME_LABELS[o], info.counts[o], o) for o in OUTCOMES]
        return _render(
            request,
            "run.html",
            info=info,
            rows=rows,
            bars=bars,
            bar_max=max([n for _, n, _ in bars] + [1]),
            latency=histogram(seconds),
            scorecard=_demo_scorecard(console, entries),
        )

    # --- one incident -------------------------------------------------------------------------
    @app.get("/incidencias/{incident_id}", response_class=HTMLResponse)
    def incident_page(request: Request, incident_id: str, user: User = reader) -> Response:
        _check_incident_id(incident_id)
        console = _console(request)
        entries = console.data.incident_entries(incident_id)
        calls = console.data.calls(incident_id)
        fetched = console.incidents.get(incident_id)
        if not entries and fetched.incident is None:
            raise HTTPException(404)
        fields = None
        if fetched.incident is not None:
            screenshots = console.incidents.screenshots(fetched.incident)
            evidence = incident_evidence(fetched.incident, [s.text for s in screenshots if s.text])
            fields = _incident_fields(
                fetched.incident, screenshots, evidence.text, _revealed(request, incident_id)
            )
        return _render(
            request,
            "incident.html",
            incident_id=incident_id,
            fetched=fetched,
            fields=fields,
            entries=list(reversed(entries)),
            calls=[_call_view(c) for c in calls],
            reviews=console.reviews.history(incident_id),
            verdicts=VERDICT_LABELS,
            manager_url=_manager_link(console.settings, incident_id),
        )

    @app.post("/incidencias/{incident_id}/revelar")
    async def reveal(request: Request, incident_id: str, user: User = reviewer) -> Response:
        form = await _checked_form(request)
        _check_incident_id(incident_id)
        name = str(form.get("campo") or "")
        if not name or len(name) > 40:
            raise HTTPException(400, "campo")
        keys = [k for k in request.session.get("revealed") or [] if isinstance(k, str)]
        key = f"{incident_id}|{name}"
        if key not in keys:
            keys = [*keys, key][-MAX_REVEALS:]
        request.session["revealed"] = keys
        _console(request).users.audit(user.name, "reveal", incident_id, name)
        return _redirect(f"/incidencias/{quote(incident_id, safe='')}#campo-{name}")

    # --- the review queue ---------------------------------------------------------------------
    @app.get("/revision", response_class=HTMLResponse)
    def review_queue(request: Request, user: User = reader, todas: bool = False) -> Response:
        console = _console(request)
        labels = console.reviews.latest()
        queue = [
            {"entry": e, "review": labels.get(str(e["incident_id"])), "best": _best(e)}
            for e in console.data.escalations()
        ]
        pending = sum(1 for item in queue if item["review"] is None)
        if not todas:
            queue = [item for item in queue if item["review"] is None]
        return _render(
            request,
            "review_queue.html",
            queue=queue,
            pending=pending,
            todas=todas,
            verdicts=VERDICT_LABELS,
        )

    @app.get("/revision/{incident_id}", response_class=HTMLResponse)
    def review_page(request: Request, incident_id: str, user: User = reader) -> Response:
        _check_incident_id(incident_id)
        console = _console(request)
        entry = next(
            (e for e in console.data.escalations() if e.get("incident_id") == incident_id), None
        )
        if entry is None:
            raise HTTPException(404)
        return _render(
            request,
            "review.html",
            entry=entry,
            kb=console.kb,
            kb_by_id=console.kb_by_id,
            reviews=console.reviews.history(incident_id),
            verdicts=VERDICT_LABELS,
            Verdict=Verdict,
        )

    @app.post("/revision/{incident_id}")
    async def review(request: Request, incident_id: str, user: User = reviewer) -> Response:
        form = await _checked_form(request)
        _check_incident_id(incident_id)
        console = _console(request)
        entry = next(
            (e for e in console.data.escalations() if e.get("incident_id") == incident_id), None
        )
        if entry is None:
            raise HTTPException(404)
        try:
            verdict = Verdict(str(form.get("veredicto") or ""))
        except ValueError:
            raise HTTPException(400, "veredicto") from None
        kb_id = str(form.get("kb_id") or "").strip() or None
        row = console.kb_by_id.get(kb_id) if kb_id else None
        if kb_id and row is None:
            raise HTTPException(400, "kb_id")
        fetched = console.incidents.get(incident_id)
        try:
            stored = console.reviews.add(
                incident_id,
                verdict,
                reviewer=user.name,
                kb_id=kb_id,
                action=row.resolucion_automatica if row else None,
                note=str(form.get("nota") or "")[:2000],
                run_id=entry.get("run_id"),
                incident=fetched.incident,
            )
        except ReviewError:
            _flash(request, "Elige la fila correcta de la base de conocimiento.")
            return _redirect(f"/revision/{quote(incident_id, safe='')}")
        console.users.audit(
            user.name, "review", incident_id, f"{stored.verdict.value} {stored.kb_id or ''}".strip()
        )
        message = f"Revisión de {incident_id} guardada."
        if fetched.incident is None:
            message += " El gestor de incidencias no respondió: la exportación la pedirá de nuevo."
        _flash(request, message)
        return _redirect("/revision")

    # --- approvals ----------------------------------------------------------------------------
    @app.get("/aprobaciones", response_class=HTMLResponse)
    def approvals_page(request: Request, user: User = reader) -> Response:
        store = _console(request).approvals
        pending = list(store.list_pending()) if store is not None else []
        return _render(
            request,
            "approvals.html",
            available=store is not None,
            pending=pending,
            supervision=_console(request).supervision,
        )

    @app.post("/aprobaciones/{approval_id}/aprobar")
    async def approve(request: Request, approval_id: str, user: User = approver) -> Response:
        form = await _checked_form(request)
        store = _console(request).approvals
        if store is None:
            raise HTTPException(404)
        original = next((p for p in store.list_pending() if str(p.id) == approval_id), None)
        if original is None:
            _flash(request, f"La acción {approval_id} ya no está pendiente.")
            return _redirect("/aprobaciones")
        # only what the person changed goes to the store, which checks it against the allow-list
        edits = {
            key.removeprefix("param."): str(value).strip()
            for key, value in form.multi_items()
            if key.startswith("param.")
        }
        changed = {
            k: v for k, v in edits.items() if v != str((original.parameters or {}).get(k, ""))
        }
        try:
            store.approve(approval_id, user.name, changed or None)
        except (ResolviaError, ValueError, KeyError) as exc:
            _flash(request, f"No se pudo aprobar: {exc}")
            return _redirect("/aprobaciones")
        _console(request).users.audit(
            user.name,
            "approval.approve",
            approval_id,
            json.dumps(redact_value(changed), ensure_ascii=False) if changed else None,
        )
        _flash(request, f"Acción {approval_id} aprobada: la aplica la próxima ejecución.")
        return _redirect("/aprobaciones")

    @app.post("/aprobaciones/{approval_id}/rechazar")
    async def reject(request: Request, approval_id: str, user: User = approver) -> Response:
        form = await _checked_form(request)
        store = _console(request).approvals
        if store is None:
            raise HTTPException(404)
        note = str(form.get("nota") or "").strip()[:2000]
        try:
            store.reject(approval_id, user.name, note)
        except (ResolviaError, ValueError, KeyError) as exc:
            _flash(request, f"No se pudo rechazar: {exc}")
            return _redirect("/aprobaciones")
        _console(request).users.audit(user.name, "approval.reject", approval_id, redact(note))
        _flash(request, f"Acción {approval_id} rechazada.")
        return _redirect("/aprobaciones")

    # --- knowledge-base proposals (console.proposals) -----------------------------------------
    @app.get("/propuestas", response_class=HTMLResponse)
    def proposals_page(request: Request, user: User = reader) -> Response:
        proposals = list_proposals(_console(request).settings, None)
        return _render(
            request, "proposals.html", proposals=proposals[::-1], kinds=proposal_views.KIND_LABELS
        )

    @app.get("/propuestas/{proposal_id}", response_class=HTMLResponse)
    def proposal_page(request: Request, proposal_id: str, user: User = reader) -> Response:
        number = _proposal_number(proposal_id)
        return _proposal_response(request, number)

    @app.post("/propuestas/{proposal_id}/aceptar")
    async def accept_kb_proposal(
        request: Request, proposal_id: str, user: User = approver
    ) -> Response:
        form = await _checked_form(request)
        number = _proposal_number(proposal_id)
        console = _console(request)
        edits: dict[str, str] = {}
        try:
            # the form starts from these values: only what the person changed is an edit
            preview = await run_in_threadpool(preview_proposal, console.settings, number)
            base = proposal_views.base_fields(preview.proposal, preview.current)
            edits = proposal_views.form_edits(form, base)
            # the CLI's code path: backup, append/edit with a new id, incremental re-index; in
            # the thread pool, so a slow re-index never holds up the other pages
            accepted = await run_in_threadpool(
                partial(accept_proposal, console.settings, number, user.name, edits=edits)
            )
        except ProposalError as exc:
            return await _proposal_refused(request, number, exc, "accept", user, edits)
        console.kb = _load_kb(console.settings)  # the review page lists the rows
        result = accepted.result or {}
        detail = {"kb_id": result.get("kb_id"), "removed": result.get("removed"), "edits": edits}
        console.users.audit(
            user.name,
            "proposal.accept",
            str(number),
            json.dumps(redact_value(detail), ensure_ascii=False),
        )
        _flash(request, proposal_views.accepted_text(accepted))
        return _redirect(f"/propuestas/{number}")

    @app.post("/propuestas/{proposal_id}/rechazar")
    async def reject_kb_proposal(
        request: Request, proposal_id: str, user: User = approver
    ) -> Response:
        form = await _checked_form(request)
        number = _proposal_number(proposal_id)
        note = str(form.get("nota") or "").strip()[:2000]
        if not note:
            return await _proposal_response_async(
                request, number, status_code=422, error="Escribe el motivo del rechazo."
            )
        try:
            await run_in_threadpool(
                reject_proposal, _console(request).settings, number, user.name, note
            )
        except ProposalError as exc:
            return await _proposal_refused(request, number, exc, "reject", user, None)
        _console(request).users.audit(user.name, "proposal.reject", str(number), redact(note))
        _flash(request, f"Propuesta {number} rechazada: no se volverá a proponer.")
        return _redirect(f"/propuestas/{number}")

    @app.get("/auditoria", response_class=HTMLResponse)
    def audit_page(request: Request, user: User = approver) -> Response:
        return _render(request, "audit.html", entries=_console(request).users.audit_entries())
