"""``resolvia run`` (also ``python main.py`` with no command): the scheduled job."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import structlog
import typer
from rich.table import Table

from cli.common import (
    ExitCode,
    JsonOpt,
    emit_json,
    err,
    expected_failures,
    item_progress,
    progress_bar,
    setup,
    usage_error,
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
    incident: Annotated[
        str | None,
        typer.Option(
            "--incident",
            metavar="COD",
            help="Process this one incident, open or not (refused when it already has a final "
            "outcome and nothing new happened to it, unless --force).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="With --incident: process it even if already handled.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Work the incident queue: resolve, reassign, put on hold or escalate every open incident.

    Incidents put on hold or escalated come back when the requester or a person wrote in their
    history after the engine's last note."""
    from graph.context import RunOptions
    from graph.runner import engine, run_incident, run_queue

    if incident is None and force:
        usage_error("--force goes with --incident COD.")
    if incident is not None and (buzon or limit is not None):
        usage_error("--incident COD works on one incident: no --buzon or --limit with it.")
    run_id = new_run_id()
    settings = setup(run_id=run_id)
    mailboxes = buzon or settings.mailboxes
    log.info(
        "run.start",
        **({"incident": incident, "force": force} if incident else {"mailboxes": mailboxes}),
        model=model or settings.LLM_MODEL,
        dry_run=dry_run,
    )
    with (
        expected_failures(),
        engine(settings, run_id, RunOptions(dry_run=dry_run), model=model) as (ctx, graph),
        progress_bar(quiet=as_json) as progress,
    ):
        task = progress.add_task("incidents", total=None)
        on_progress = item_progress(progress, task)
        if incident is not None:
            summary = run_incident(ctx, graph, incident, force=force, on_progress=on_progress)
        else:
            summary = run_queue(ctx, graph, mailboxes, limit=limit, on_progress=on_progress)
        if not dry_run:  # retention (RETENTION_*_DAYS), while this run still holds the lock
            from adapters.retention import prune_after_run

            prune_after_run(settings)
    result = summary.as_dict()
    if as_json:
        emit_json(result)
    else:
        err.print(
            f"{'[dry run] ' if dry_run else ''}{result['processed']} incident(s) in "
            f"{result['seconds']} s: {result['resolved']} resolved, {result['reassigned']} "
            f"reassigned, {result['on_hold']} on hold, {result['escalated']} escalated, "
            f"{result['errors']} error(s), {result['degraded']} decided while a model call "
            f"failed; {result['reprocessed']} re-processed after new activity"
            f"{' or --force' if force else ''}, {result['skipped']} skipped as already handled."
            + (
                f" {result['pending_approval']} action(s) wait for a person's approval "
                f"(`resolvia approvals`), {result['awaiting_approval']} still waiting from "
                "earlier runs."
                if result["pending_approval"] or result["awaiting_approval"]
                else ""
            )
            + (
                f" Interrupted: {result['pending']} incident(s) left for the next run."
                if result["interrupted"]
                else ""
            )
            + "\n"
            f"Report: {result['report']}",
            markup=False,  # "[dry run]" is text, not a style
        )
    if not summary.healthy:  # errors, degraded decisions or an interrupted run: say so
        raise typer.Exit(ExitCode.FAILURE)


def scorecard(
    report: Annotated[
        Path | None,
        typer.Argument(help="A run report (run_<id>.jsonl); default: the latest one."),
    ] = None,
    expected: Annotated[
        Path | None,
        typer.Option(help="Expected outcomes, gold format (default: the demo's gold_demo.json)."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Compare a run's decisions with expected outcomes: acted, escalated, right and wrong."""
    import json

    from finetune.gold import GoldItem
    from finetune.scorecard import latest_report, read_report, score

    settings = setup()
    path = report or latest_report(settings.reports_dir)
    if path is None or not path.is_file():
        err.print(f"error: no run report {'found' if path is None else path}: run the engine first")
        raise typer.Exit(ExitCode.FAILURE)
    gold_file = expected or settings.RESOURCES_DIR / "evaluacion" / "gold_demo.json"
    gold = [
        GoldItem(item["incidencia"], item["esperado"])
        for item in json.loads(gold_file.read_text(encoding="utf-8"))
    ]
    card = score(read_report(path), gold)
    if as_json:
        emit_json({"report": str(path), **card.as_dict()})
    else:
        table = Table(title=f"Scorecard · {path.name}", show_lines=False)
        for column in ("incidencia", "esperado", "decisión", ""):
            table.add_column(column)
        for line in card.lines:
            mark = {True: "✓", False: "✗", None: "·"}[line.correct]
            table.add_row(line.incident, line.expected, line.got, mark)
        err.print(table)
        err.print(
            f"{card.acted} of {len(card.lines)} acted on ({card.acted_right} right, "
            f"{card.acted_wrong} wrong); {card.escalated} left to a person (escalated or error).",
            markup=False,
        )
    if card.acted_wrong:
        raise typer.Exit(ExitCode.FAILURE)


def outcomes(
    incident: Annotated[str, typer.Argument(metavar="COD", help="Incident code.")],
    as_json: JsonOpt = False,
) -> None:
    """Every outcome recorded for one incident, oldest first (the outcome store's history)."""
    from adapters.run_records import outcome_history
    from adapters.stores import location

    settings = setup()
    with expected_failures():
        rows = outcome_history(location(settings, "outcomes"), incident)
    if as_json:
        emit_json([row.as_dict() for row in rows])
    elif not rows:
        err.print(f"no outcome recorded for {incident}", markup=False)
    else:
        table = Table(title=f"Outcomes · {incident}")
        for column in ("finished_at", "run_id", "outcome", "kb_id", "reason"):
            table.add_column(column)
        for row in rows:
            table.add_row(
                row.finished_at or "",
                row.run_id or "",
                row.outcome,
                row.kb_id or "",
                row.reason or "",
            )
        err.print(table)
    if not rows:
        raise typer.Exit(ExitCode.FAILURE)
