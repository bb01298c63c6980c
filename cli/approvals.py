"""Supervised mode on a terminal: ``resolvia approvals``, ``approve ID``, ``reject ID``.

The actions listed are the ones a run stopped before (``SUPERVISION=...aprobar``). A decision
is applied by the next ``resolvia run`` (or at once with ``--apply-now``), exactly once.
``ID`` is the approval's number, or an incident code with a pending approval.
"""

from __future__ import annotations

import getpass
from typing import Annotated, Any

import typer
from rich.table import Table

from cli.common import (
    ExitCode,
    JsonOpt,
    emit_json,
    err,
    expected_failures,
    fail,
    setup,
    usage_error,
)
from errors import ResolviaError
from observability.logging import new_run_id

IdArg = Annotated[str, typer.Argument(metavar="ID", help="Approval number (or an incident code).")]
UserOpt = Annotated[
    str | None,
    typer.Option("--user", help="Who decides (recorded in the audit; default: the OS user)."),
]
ApplyNowOpt = Annotated[
    bool,
    typer.Option(
        "--apply-now", help="Resume the incident at once instead of waiting for the next run."
    ),
]


def approvals(
    show_all: Annotated[
        bool, typer.Option("--all", help="Also the recent decided ones, newest first.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Actions waiting for a person's approval (supervised mode), oldest first."""
    from adapters.approvals import Approvals, supervision_policy

    settings = setup()
    with Approvals(settings) as store:
        rows: list[Any] = store.recent() if show_all else store.list_pending()
    if as_json:
        emit_json([row.as_dict() for row in rows])
        return
    supervised = {k: v for k, v in supervision_policy(settings).items() if v != "auto"}
    policy = ", ".join(f"{k}={v}" for k, v in supervised.items()) or "auto for every action"
    err.print(f"SUPERVISION: {policy}", markup=False)
    if not rows:
        err.print("no action waits for approval", markup=False)
        return
    table = Table(title="Approvals" if show_all else "Pending approvals")
    for column in ("id", "incident", "action", "kb_id", "parameters", "created_at", "status"):
        table.add_column(column)
    for row in rows:
        params = ", ".join(f"{k}={v}" for k, v in row.parameters.items())
        status = getattr(row, "status", "pending")
        table.add_row(
            str(row.id),
            row.incident_id,
            row.action if row.action == row.action_type else f"{row.action_type} ({row.action})",
            row.kb_id or "",
            params,
            row.created_at,
            status,
        )
    err.print(table)


def approve(
    approval: IdArg,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param", metavar="K=V", help="Change a parameter of an api| action (repeatable)."
        ),
    ] = None,
    user: UserOpt = None,
    apply_now: ApplyNowOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Approve an action that waits (optionally with edited parameters, validated like the
    engine's own); the next run applies it exactly once."""
    from adapters.approvals import Approvals

    params: dict[str, str] = {}
    for item in param or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            usage_error(f"--param takes NAME=VALUE (got {item!r})")
        params[name.strip()] = value.strip()
    settings = setup()
    with expected_failures(), Approvals(settings) as store:
        record = store.approve(approval, user or getpass.getuser(), params or None)
    _done(record, apply_now, as_json)


def reject(
    approval: IdArg,
    note: Annotated[str, typer.Option("--note", help="Why (shown in the escalation).")],
    user: UserOpt = None,
    apply_now: ApplyNowOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Reject an action that waits: the next run escalates the incident with the note."""
    from adapters.approvals import Approvals

    settings = setup()
    with expected_failures(), Approvals(settings) as store:
        record = store.reject(approval, user or getpass.getuser(), note)
    _done(record, apply_now, as_json)


def _done(record: Any, apply_now: bool, as_json: bool) -> None:
    result: dict[str, Any] = {"approval": record.as_dict()}
    if apply_now:
        result["run"] = _apply_now(record.incident_id)
    if as_json:
        emit_json(result)
    else:
        verb = "approved" if record.status == "approved" else "rejected"
        when = (
            "applied now"
            if apply_now
            else "the next `resolvia run` applies it"
            if verb == "approved"
            else "the next `resolvia run` escalates the incident"
        )
        err.print(
            f"approval {record.id} ({record.incident_id}, {record.action}) {verb} by "
            f"{record.decided_by}: {when}.",
            markup=False,
        )
        if apply_now:
            run = result["run"]
            outcome = run["outcomes"][0]["outcome"] if run["outcomes"] else "nothing to do"
            err.print(f"{record.incident_id}: {outcome}. Report: {run['report']}", markup=False)
    if apply_now and not result["run"]["healthy"]:
        raise typer.Exit(ExitCode.FAILURE)


def _apply_now(incident_id: str) -> dict[str, Any]:
    """Resume the incident's thread now (what the next run would do for it)."""
    from graph.context import RunOptions
    from graph.runner import engine, run_incident

    run_id = new_run_id()
    settings = setup(run_id=run_id)
    try:
        with engine(settings, run_id, RunOptions()) as (ctx, graph):
            summary = run_incident(ctx, graph, incident_id)
    except ResolviaError as exc:  # the decision is recorded: the next run applies it
        fail(f"{exc} (the decision is recorded: the next `resolvia run` applies it)")
    outcomes = [
        {k: o.get(k) for k in ("incident_id", "outcome", "reason", "explanation")}
        for o in summary.outcomes
    ]
    return {**summary.as_dict(), "healthy": summary.healthy, "outcomes": outcomes}
