"""``resolvia console`` (the web console and its users) and its terminal equivalents:
``resolvia runs``, ``resolvia show INC…``, ``resolvia review [--export FILE]``."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.table import Table

from cli.common import ExitCode, JsonOpt, emit_json, err, expected_failures, fail, setup
from config import Settings
from errors import ConfigError

app = typer.Typer(
    help="The support console (web): runs, incidents, reviews, approvals.",
    no_args_is_help=False,
    add_completion=False,
)
users_app = typer.Typer(help="Console users and roles (lector, revisor, aprobador).")
app.add_typer(users_app, name="users")


def _console_settings() -> Any:
    from console.security import ConsoleSettings

    try:
        return ConsoleSettings()  # type: ignore[call-arg]
    except ValidationError as exc:
        fail(ConfigError(f"invalid console setting: {exc.errors()[0]['loc']}: {exc}"))


def _run_data(settings: Settings) -> Any:
    from console.data import RunData

    return RunData(settings.reports_dir, settings.rejected_dir, settings.llm_history_path)


@app.callback(invoke_without_command=True)
def console(
    ctx: typer.Context,
    host: Annotated[
        str | None, typer.Option(help="Address to bind (default CONSOLE_HOST, 127.0.0.1).")
    ] = None,
    port: Annotated[
        int | None, typer.Option(min=1, max=65535, help="Port (default CONSOLE_PORT, 8080).")
    ] = None,
) -> None:
    """Serve the web console (sign-in required). On a fresh DATA_DIR a demo user is created
    and its credentials printed once."""
    if ctx.invoked_subcommand is not None:
        return
    import uvicorn

    from adapters.stores import open_reviews, open_users
    from console.app import create_app
    from console.approvals import open_approvals
    from console.incidents import HttpIncidentSource
    from console.security import default_paths, ensure_demo_user, is_loopback, session_secret

    settings = setup(job="console")
    options = _console_settings()
    bind = host or options.CONSOLE_HOST
    with expected_failures():
        secret = session_secret(settings, options)
    users_path, reviews_path = default_paths(settings)
    users = open_users(settings, users_path)
    if secret.origin.startswith("created"):
        err.print(
            f"CONSOLE_SECRET_KEY is not set: created a session key in "
            f"{secret.origin.removeprefix('created ')} (mode 0600). Set CONSOLE_SECRET_KEY in "
            "production.",
            markup=False,
        )
    demo = ensure_demo_user(settings, options, users)
    if demo is not None:
        err.print(
            f"Demo user created (shown once): user '{demo[0]}', password '{demo[1]}' "
            "(role aprobador). Add real users with `resolvia console users add NAME --role R`.",
            markup=False,
        )
    elif not users.count():
        err.print("No console users: add one with `resolvia console users add NAME --role R`.")
    if not is_loopback(bind):
        err.print(
            f"[yellow]warning:[/] binding to {bind}: the console is reachable from other "
            "machines; serve it behind TLS."
        )
    approvals, supervision = open_approvals(settings)
    app_ = create_app(
        settings,
        secret_key=secret.value,
        users=users,
        reviews=open_reviews(settings, reviews_path),  # Postgres with DATABASE_URL
        incidents=HttpIncidentSource(settings),
        approvals=approvals,
        supervision=supervision,
        session_hours=options.CONSOLE_SESSION_HOURS,
    )
    from observability.metrics import metrics_endpoint

    # Prometheus scrapes the last run's metrics here (METRICS_TEXTFILE): no sign-in, counts only
    app_.add_route("/metrics", metrics_endpoint(settings))
    url_host = f"[{bind}]" if ":" in bind else bind
    err.print(f"Console on http://{url_host}:{port or options.CONSOLE_PORT}/ (Ctrl-C stops it)")
    uvicorn.run(app_, host=bind, port=port or options.CONSOLE_PORT, log_level="warning")


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="User name (lower case, digits, . _ -).")],
    role: Annotated[str, typer.Option(help="lector, revisor or aprobador.")] = "lector",
    replace: Annotated[
        bool, typer.Option("--replace", help="Set a new role and password for an existing user.")
    ] = False,
) -> None:
    """Add a console user. The password comes from CONSOLE_USER_PASSWORD or a prompt, never
    from the command line."""
    from adapters.stores import open_users
    from adapters.users import Role, UserError
    from console.security import default_paths

    settings = setup()
    try:
        chosen = Role(role)
    except ValueError:
        err.print(f"error: --role must be one of {', '.join(r.value for r in Role)}")
        raise typer.Exit(ExitCode.USAGE) from None
    secret = _console_settings().CONSOLE_USER_PASSWORD
    if secret is not None:
        password = secret.get_secret_value()
    else:
        password = getpass.getpass(f"Password for {name}: ")
        if getpass.getpass("Repeat it: ") != password:
            fail("the passwords differ")
    store = open_users(settings, default_paths(settings)[0])
    try:
        user = store.add(name, chosen, password, replace=replace)
    except UserError as exc:
        fail(str(exc))
    store.audit(None, "user.added", user.name, user.role.value)
    err.print(f"user {user.name} ({user.role.value}) saved", markup=False)


@users_app.command("list")
def users_list(as_json: JsonOpt = False) -> None:
    """List console users and their roles."""
    from adapters.stores import open_users
    from console.security import default_paths

    settings = setup()
    users = open_users(settings, default_paths(settings)[0]).all()
    if as_json:
        emit_json([{"name": u.name, "role": u.role.value, "disabled": u.disabled} for u in users])
        return
    for user in users:
        err.print(f"{user.name}\t{user.role.value}{'  (disabled)' if user.disabled else ''}")


# --- terminal equivalents ---------------------------------------------------------------------
def runs(as_json: JsonOpt = False) -> None:
    """The runs in the reports folder, newest first: counts, duration, model, degraded."""
    from console.data import OUTCOME_LABELS, OUTCOMES

    settings = setup()
    found = _run_data(settings).runs()
    if as_json:
        emit_json([r.as_dict() for r in found])
        return
    if not found:
        err.print(f"no runs in {settings.reports_dir}")
        return
    table = Table(title=f"Runs · {settings.reports_dir}")
    for column in ("run", "finished", "n", *(OUTCOME_LABELS[o] for o in OUTCOMES), "s", "model"):
        table.add_column(column)
    table.add_column("")
    for r in found:
        flags = [
            f"degraded {r.degraded}" if r.degraded else "",
            "interrupted" if r.interrupted else ("" if r.complete else "no summary"),
            "dry run" if r.dry_run else "",
        ]
        table.add_row(
            r.run_id,
            r.finished or "",
            str(r.processed),
            *(str(r.counts[o]) for o in OUTCOMES),
            "" if r.seconds is None else f"{r.seconds:.0f}",
            ", ".join(r.models),
            " ".join(f for f in flags if f),
        )
    err.print(table)


def show(
    incidents: Annotated[list[str], typer.Argument(metavar="INC...", help="Incident codes.")],
    as_json: JsonOpt = False,
) -> None:
    """What the engine decided for each incident (every run), with candidates and reviews."""
    from adapters.stores import open_reviews
    from console.security import default_paths

    settings = setup()
    data = _run_data(settings)
    reviews = open_reviews(settings, default_paths(settings)[1])
    result: dict[str, Any] = {}
    for code in incidents:
        result[code] = {
            "decisions": data.incident_entries(code),
            "reviews": [r.as_dict() for r in reviews.history(code)],
            "model_calls": len(data.calls(code)),
        }
    missing = [code for code, found in result.items() if not found["decisions"]]
    if as_json:
        emit_json(result)
    else:
        for code, found in result.items():
            if not found["decisions"]:
                err.print(f"{code}: no decision recorded", markup=False)
                continue
            table = Table(title=f"{code} · {found['model_calls']} model call(s)")
            for column in ("finished", "run", "outcome", "reason", "kb_id", "action", "best"):
                table.add_column(column)
            for entry in found["decisions"]:
                scores = [
                    f"{c['kb_id']} {c.get('confidence') or c.get('score')}"
                    for c in entry.get("critiques") or []
                ]
                table.add_row(
                    str(entry.get("finished_at") or ""),
                    str(entry.get("run_id") or ""),
                    str(entry.get("outcome")),
                    str(entry.get("reason") or ""),
                    str(entry.get("kb_id") or ""),
                    str(entry.get("action") or ""),
                    ", ".join(scores),
                )
            err.print(table)
            for review in found["reviews"]:
                err.print(
                    f"  review {review['created_at']} by {review['reviewer']}: "
                    f"{review['verdict']} {review['kb_id'] or ''} {review['note']}",
                    markup=False,
                )
    if missing:
        raise typer.Exit(ExitCode.FAILURE)


def review(
    export: Annotated[
        Path | None,
        typer.Option(
            "--export",
            metavar="FILE",
            dir_okay=False,
            help="Write the labels as gold items (resolvia evaluate/calibrate --gold FILE).",
        ),
    ] = None,
    all_items: Annotated[
        bool, typer.Option("--all", help="List reviewed escalations too.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """The review queue (escalations in the rejection logs and their labels); with --export,
    the labels in the gold format."""
    from adapters.stores import open_reviews
    from console.security import default_paths

    settings = setup()
    store = open_reviews(settings, default_paths(settings)[1])
    if export is not None:
        _export(settings, store, export, as_json)
        return
    labels = store.latest()
    queue = []
    for entry in _run_data(settings).escalations():
        label = labels.get(str(entry["incident_id"]))
        if label is not None and not all_items:
            continue
        queue.append(
            {
                "incident_id": entry["incident_id"],
                "run_id": entry.get("run_id"),
                "finished_at": entry.get("finished_at"),
                "reason": entry.get("reason"),
                "candidates": [c.get("kb_id") for c in entry.get("candidates") or []],
                "review": label.as_dict() if label else None,
            }
        )
    if as_json:
        emit_json(queue)
        return
    if not queue:
        err.print("nothing to review" if not all_items else "no escalations")
        return
    table = Table(title=f"Review queue · {len(queue)}")
    for column in ("incident", "run", "finished", "reason", "candidates", "review"):
        table.add_column(column)
    for item in queue:
        label = item["review"]
        table.add_row(
            str(item["incident_id"]),
            str(item["run_id"] or ""),
            str(item["finished_at"] or ""),
            str(item["reason"] or ""),
            ", ".join(str(c) for c in item["candidates"][:3]),
            f"{label['verdict']} {label['kb_id'] or ''} ({label['reviewer']})" if label else "",
        )
    err.print(table)


def _export(settings: Settings, store: Any, path: Path, as_json: bool) -> None:
    """Labels as gold items; a review stored while the incident manager was down gets the
    incident now, or is left out (and the command fails) if it still cannot be read."""
    from adapters.incident_manager import HttpIncidentManager
    from adapters.reviews import export_gold
    from errors import ResolviaError

    items, missing = export_gold(store)
    if missing:
        client = HttpIncidentManager.from_settings(settings)
        labels = store.latest()
        try:
            for code in missing:
                try:
                    incident = client.get(code).model_dump()
                except ResolviaError as exc:
                    err.print(f"{code}: incident not available ({exc})", markup=False)
                    continue
                store.set_snapshot(labels[code].id, incident)
        finally:
            client.close()
        items, missing = export_gold(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(items, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if as_json:
        emit_json({"file": str(path), "items": len(items), "left_out": missing})
    else:
        err.print(
            f"{len(items)} label(s) written to {path} in the gold format"
            + (f"; left out (incident not available): {', '.join(missing)}" if missing else ""),
            markup=False,
        )
    if missing:
        raise typer.Exit(ExitCode.FAILURE)
