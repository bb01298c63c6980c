"""``resolvia run`` (also ``python main.py`` with no command): the scheduled job."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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

if TYPE_CHECKING:
    from collections.abc import Callable

    from adapters.claims import Claimant
    from config import Settings
    from graph.context import EngineContext
    from graph.runner import RunSummary

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
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help="Worker processes on the queue (default: RUN_WORKERS); each incident is "
            "claimed by one of them at a time.",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Work the incident queue: resolve, reassign, put on hold or escalate every open incident.

    Incidents put on hold or escalated come back when the requester or a person wrote in their
    history after the engine's last note."""
    from graph.context import RunOptions
    from graph.runner import engine, run_incident

    if incident is None and force:
        usage_error("--force goes with --incident COD.")
    if incident is not None and (buzon or limit is not None):
        usage_error("--incident COD works on one incident: no --buzon or --limit with it.")
    if (workers or 1) > 1 and (incident is not None or limit is not None or dry_run):
        usage_error(
            "--workers N works the whole queue: no --incident, --limit or --dry-run with it."
        )
    run_id = new_run_id()
    settings = setup(run_id=run_id)
    mailboxes = buzon or settings.mailboxes
    count = workers or settings.RUN_WORKERS  # RUN_WORKERS: not for one incident, a limit, a dry run
    _warn_one_model_slot(settings, model, count if incident is None and limit is None else 1)
    if count > 1 and incident is None and limit is None and not dry_run:
        _run_workers(settings, run_id, mailboxes, count, model, as_json=as_json)
        return
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
            summary = _run_queue(ctx, graph, mailboxes, limit, on_progress)
        if not dry_run:  # retention (RETENTION_*_DAYS), while this run still holds the lock
            from adapters.retention import prune_after_run

            prune_after_run(settings)
        confidence = ctx.confidence
    result = summary.as_dict()
    if as_json:
        emit_json(result)
    else:
        err.print(
            describe(result, dry_run=dry_run, force=force)
            + (f"\nConfidence model: {confidence.describe()}" if confidence else ""),
            markup=False,
        )
    if confidence is not None and confidence.warning:  # the registry could not be read
        err.print(f"warning: {confidence.note}", markup=False)
    if not summary.healthy:  # errors, degraded decisions or an interrupted run: say so
        raise typer.Exit(ExitCode.FAILURE)


def _run_queue(
    ctx: EngineContext,
    graph: Any,
    mailboxes: list[str],
    limit: int | None,
    on_progress: Callable[[str, dict[str, Any] | None, int], None],
) -> RunSummary:
    """The queue, claimed incident by incident when other machines may share it."""
    from graph.runner import run_queue

    claimant = _machine_claimant(ctx.settings, ctx.run_id, dry_run=ctx.dry_run)
    try:
        return run_queue(
            ctx, graph, mailboxes, limit=limit, on_progress=on_progress, claimant=claimant
        )
    finally:
        if claimant is not None:
            claimant.store.close()


def _machine_claimant(settings: Settings, run_id: str, *, dry_run: bool) -> Claimant | None:
    """With ``DATABASE_URL`` (Postgres), a one-process run may share its queue with runs on
    other machines: it claims each incident in the database like a worker of ``--workers``
    does, so two machines never work one incident at once. On SQLite the data directory's run
    lock already makes the run alone. A dry run changes nothing and claims nothing."""
    from adapters import stores
    from adapters.claims import Claimant, open_claims

    if dry_run or stores.postgres(settings) is None:
        return None
    from datetime import UTC, datetime

    since = datetime.now(UTC).isoformat(timespec="seconds")
    claims = open_claims(settings, run_id, lease_s=settings.CLAIM_LEASE_S)
    return Claimant(claims, f"{socket.gethostname()}-{os.getpid()}", since=since)


def _warn_one_model_slot(settings: Settings, model: str | None, workers: int) -> None:
    """Several incidents in flight against the managed llama.cpp server gain nothing: it
    answers one request at a time, so the others only wait (and may reach LLM_TIMEOUT_S)."""
    from adapters.llm.specs import parse_spec

    in_flight = workers * settings.RUN_CONCURRENCY
    spec = parse_spec(model or settings.LLM_MODEL)
    if (
        in_flight > 1
        and spec.provider == "llamacpp"
        and str(spec) not in settings.LLAMACPP_SERVER_URLS
    ):
        log.warning(
            "run.one_model_slot",
            in_flight=in_flight,
            model=str(spec),
            hint="the managed llama.cpp server answers one request at a time: more incidents "
            "in flight only queue for it; RUN_WORKERS/RUN_CONCURRENCY pay off with a server "
            "that has parallel slots (vLLM, Ollama, OpenAI; README 'Workers')",
        )


def _run_workers(
    settings: Settings,
    run_id: str,
    mailboxes: list[str],
    count: int,
    model: str | None,
    *,
    as_json: bool,
) -> None:
    """``run --workers N``: the parent's part (cli.workers)."""
    import time

    from cli.workers import combine, healthy, read_summary, run_workers

    log.info("run.start", mailboxes=mailboxes, model=model or settings.LLM_MODEL, workers=count)
    if not as_json:
        err.print(f"{count} workers on the queue (run {run_id}) ...", markup=False)
    started = time.perf_counter()
    with expected_failures():
        run = run_workers(settings, run_id, mailboxes, count, model)
    summaries = {w.worker_id: read_summary(settings, w) for w in run.workers}
    result = combine(run, summaries, time.perf_counter() - started)
    if as_json:
        emit_json(result)
    else:
        died = result["workers_died"]
        err.print(
            describe(result, dry_run=False, force=False)
            + f"\nWorkers: {len(run.workers)} started"
            + (
                f", {died} died and were replaced ({result['taken_over']} incident(s) taken over "
                "and resumed from their checkpoints)"
                if died
                else ""
            )
            + "; "
            + ", ".join(f"{w['worker']} exit {w['exit']}" for w in result["workers"])
            + ".",
            markup=False,
        )
    if not healthy(result):  # errors, degraded decisions, an interrupted run, a worker lost
        raise typer.Exit(ExitCode.FAILURE)


def describe(result: dict[str, Any], *, dry_run: bool, force: bool) -> str:
    """The run's summary in words, for people."""
    return (
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
        + (
            f" Stopped, could not record: {result['pending']} incident(s) left for the next "
            "run (resumed from their checkpoints)."
            if result.get("stopped")
            else ""
        )
        + "\n"
        f"Report: {result['report']}"
    )  # printed with markup=False: "[dry run]" is text, not a style


def scorecard(
    report: Annotated[
        Path | None,
        typer.Argument(
            help="A run report (run_<id>.jsonl); default: the latest decision of each incident "
            "among every report (a run skips what an earlier run handled)."
        ),
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
    from finetune.scorecard import latest_decisions, latest_report, read_report, run_of, score

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
    entries = (
        read_report(path)
        if report is not None
        else latest_decisions(settings.reports_dir, [g.code for g in gold])
    )
    card = score(entries, gold)
    this_run = run_of(path.stem)
    earlier = [run for run in card.runs if run != this_run]
    if as_json:
        emit_json({"report": str(path), "runs": card.runs, **card.as_dict()})
    else:
        table = Table(title=f"Scorecard · {path.name}", show_lines=False)
        columns = ["incidencia", "esperado", "decisión", ""] + (["ejecución"] if earlier else [])
        for column in columns:
            table.add_column(column)
        for line in card.lines:
            mark = {True: "✓", False: "✗", None: "·"}[line.correct]
            row = [line.incident, line.expected, line.got, mark]
            table.add_row(*row, *([run_of(line.run).removeprefix("run_")] if earlier else []))
        err.print(table)
        err.print(
            f"{card.acted} of {len(card.lines)} acted on ({card.acted_right} right, "
            f"{card.acted_wrong} wrong); {card.escalated} left to a person (escalated or error).",
            markup=False,
        )
        if earlier:
            carried = sum(1 for line in card.lines if run_of(line.run) != this_run)
            runs = ", ".join(run.removeprefix("run_") for run in earlier)
            err.print(
                f"{carried} decision(s) come from earlier runs ({runs}): this run skipped those "
                "incidents as already handled. Start from an empty data directory to decide "
                "them again.",
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
