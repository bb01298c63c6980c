"""``resolvia run`` (also ``python main.py`` with no command): the scheduled job."""

from __future__ import annotations

from typing import Annotated

import structlog
import typer

from cli.common import (
    ExitCode,
    JsonOpt,
    emit_json,
    err,
    expected_failures,
    item_progress,
    progress_bar,
    setup,
)
from observability.logging import new_run_id

log = structlog.get_logger("resolvia.main")


def run(
    buzon: Annotated[
        list[str] | None, typer.Option("--buzon", help="Mailbox to work on (repeatable).")
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most N incidents.")] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Decide everything, apply nothing.")
    ] = False,
    model: Annotated[str | None, typer.Option(help="Model spec (default: LLM_MODEL).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Work the incident queue: resolve, reassign, put on hold or escalate every open incident."""
    from graph.context import RunOptions
    from graph.runner import engine, run_queue

    run_id = new_run_id()
    settings = setup(run_id=run_id)
    mailboxes = buzon or settings.mailboxes
    log.info("run.start", mailboxes=mailboxes, model=model or settings.LLM_MODEL, dry_run=dry_run)
    with (
        expected_failures(),
        engine(settings, run_id, RunOptions(dry_run=dry_run), model=model) as (ctx, graph),
        progress_bar(quiet=as_json) as progress,
    ):
        task = progress.add_task("incidents", total=None)
        summary = run_queue(
            ctx, graph, mailboxes, limit=limit, on_progress=item_progress(progress, task)
        )
    result = summary.as_dict()
    if as_json:
        emit_json(result)
    else:
        err.print(
            f"{'[dry run] ' if dry_run else ''}{result['processed']} incident(s) in "
            f"{result['seconds']} s: {result['resolved']} resolved, {result['reassigned']} "
            f"reassigned, {result['on_hold']} on hold, {result['escalated']} escalated, "
            f"{result['errors']} error(s); {result['skipped']} skipped as already handled.\n"
            f"Report: {result['report']}",
            markup=False,  # "[dry run]" is text, not a style
        )
    if result["errors"]:
        raise typer.Exit(ExitCode.FAILURE)
