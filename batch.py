"""Knowledge-base (re)index: ``python batch.py [--csv PATH] [--dry-run] [--strict] [--json]``.

Validates the CSV (bad rows are reported with line and reason; the good ones are indexed),
embeds only rows that are new or changed, builds the new index aside and switches the live
alias at the end, so searches never see an empty or half-built index.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import structlog
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from config import get_settings
from errors import ResolviaError
from observability.logging import bind_run, configure_logging

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True)
log = structlog.get_logger("resolvia.batch")


@app.command()
def main(
    csv_path: Annotated[
        Path | None, typer.Option("--csv", help="CSV to index [default: the knowledge base].")
    ] = None,
    collection: Annotated[
        str | None, typer.Option(help="Index (alias) name (default: QDRANT_COLLECTION).")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate and diff only.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Any bad row is fatal.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Summary as JSON on stdout.")] = False,
) -> None:
    """Rebuild the knowledge-base index from the CSV, incrementally and safely."""
    settings = get_settings()
    configure_logging(settings.LOG_LEVEL, settings.LOG_FORMAT)
    bind_run(job="batch")
    path = csv_path or settings.RESOURCES_DIR / "PROBLEMAS_GLOBALES.csv"
    try:
        stats = run_index(path, collection or settings.QDRANT_COLLECTION, dry_run, strict, as_json)
    except ResolviaError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
        raise typer.Exit(1) from None
    if as_json:
        keys = ("rows_read", "valid", "invalid", "added", "updated", "deleted", "unchanged")
        summary = {k: stats[k] for k in (*keys, "seconds", "kept_previous")}
        sys.stdout.write(json.dumps(summary) + "\n")
    else:
        err.print(
            f"{'[dry run] ' if dry_run else ''}{path.name}: {stats['valid']} valid, "
            f"{stats['invalid']} invalid · added {stats['added']}, updated {stats['updated']}, "
            f"deleted {stats['deleted']}, unchanged {stats['unchanged']}"
            + (f", kept previous {stats['kept_previous']}" if stats["kept_previous"] else "")
            + f" · {stats['seconds']} s"
        )
    if stats["invalid"] and strict:
        raise typer.Exit(1)


def run_index(path: Path, alias: str, dry_run: bool, strict: bool, quiet: bool) -> dict:
    """Validate ``path`` and bring the index ``alias`` in line with it; return the summary."""
    from adapters.knowledge_base import load_kb
    from adapters.vector_store import open_index

    if not path.exists():
        raise ResolviaError(f"knowledge-base file not found: {path}")
    loaded = load_kb(path)
    for bad in loaded.bad:
        err.print(f"[yellow]line {bad.line}:[/] {bad.reason}", highlight=False)
        log.warning("kb.bad_row", line=bad.line, reason=bad.reason, kb_id=bad.id)
    if not loaded.rows:
        raise ResolviaError(f"{path}: no valid rows; the index was left as it was")
    if strict and loaded.bad:
        raise ResolviaError(f"{path}: {len(loaded.bad)} bad row(s) and --strict; nothing indexed")
    settings = get_settings()
    with (
        open_index(settings, alias) as index,
        Progress(
            TextColumn("indexing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=quiet or not err.is_terminal,
        ) as progress,
    ):
        task = progress.add_task("rows", total=len(loaded.rows))
        stats = index.rebuild(
            loaded.rows,
            dry_run=dry_run,
            progress=lambda n: progress.advance(task, n),
            keep_ids=[b.id for b in loaded.bad if b.id],
        )
    result = stats.as_dict()
    result.update(rows_read=loaded.rows_read, invalid=len(loaded.bad))
    log.info("kb.indexed", **{k: v for k, v in result.items() if k != "collection"})
    return result


if __name__ == "__main__":
    app()
