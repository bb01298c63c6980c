"""The knowledge-base index: ``resolvia index`` (also ``python batch.py``) and ``resolvia search``.

``index`` validates the CSV (bad rows are reported with line and reason; the good ones are
indexed, those with a merely odd field too, reported as warnings), embeds only rows that are new
or changed, builds the new index aside and switches the live alias at the end, so searches never
see an empty or half-built index. The index remembers the file (path and SHA-256): ``resolvia
run`` reads the same one, and refuses to start when it changed or is gone since.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import structlog
import typer
from rich.table import Table

from cli.common import (
    ExitCode,
    JsonOpt,
    emit_json,
    err,
    expected_failures,
    out,
    progress_bar,
    setup,
)
from config import Settings
from domain.choices import SearchMode
from errors import ResolviaError

log = structlog.get_logger("resolvia.batch")


def index(
    csv_path: Annotated[
        Path | None, typer.Option("--csv", help="CSV to index (default: the knowledge base).")
    ] = None,
    collection: Annotated[
        str | None, typer.Option(help="Index (alias) name (default: QDRANT_COLLECTION).")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate and diff only.")] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Any invalid row is fatal. Warnings (rows indexed despite an odd field) are not.",
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Summary as JSON on stdout.")] = False,
) -> None:
    """Rebuild the knowledge-base index from the CSV, incrementally and safely."""
    from adapters.knowledge_base import KB_FILE_NAME

    settings = setup(job="batch")
    path = csv_path or settings.RESOURCES_DIR / KB_FILE_NAME
    with expected_failures():
        stats = run_index(
            settings, path, collection or settings.QDRANT_COLLECTION, dry_run, strict, as_json
        )
    if as_json:
        keys = ("rows_read", "valid", "invalid", "added", "updated", "deleted", "unchanged")
        emit_json({k: stats[k] for k in (*keys, "warnings", "seconds", "kept_previous")})
    else:
        err.print(
            f"{'[dry run] ' if dry_run else ''}{path.name}: {stats['valid']} valid, "
            f"{stats['invalid']} invalid"
            + (f" ({stats['warnings']} with warnings)" if stats["warnings"] else "")
            + f" · added {stats['added']}, updated {stats['updated']}, "
            f"deleted {stats['deleted']}, unchanged {stats['unchanged']}"
            + (f", kept previous {stats['kept_previous']}" if stats["kept_previous"] else "")
            + f" · {stats['seconds']} s",
            markup=False,  # "[dry run]" is text, not a style
        )
    if stats["invalid"] and strict:
        raise typer.Exit(ExitCode.FAILURE)


def run_index(
    settings: Settings, path: Path, alias: str, dry_run: bool, strict: bool, quiet: bool
) -> dict[str, Any]:
    """Validate ``path`` and bring the index ``alias`` in line with it; return the summary."""
    from adapters.knowledge_base import load_kb
    from adapters.vector_store import IndexSource, open_index

    if not path.exists():
        raise ResolviaError(f"knowledge-base file not found: {path}")
    loaded = load_kb(path)
    for bad in loaded.bad:
        err.print(f"[yellow]line {bad.line}:[/] {bad.reason}", highlight=False)
        log.warning("kb.bad_row", line=bad.line, reason=bad.reason, kb_id=bad.id)
    for warning in loaded.warnings:
        err.print(
            f"[yellow]line {warning.line} (warning, indexed):[/] {warning.reason}", highlight=False
        )
        log.warning("kb.row_warning", line=warning.line, reason=warning.reason, kb_id=warning.id)
    if not loaded.rows:
        raise ResolviaError(f"{path}: no valid rows; the index was left as it was")
    if strict and loaded.bad:
        raise ResolviaError(f"{path}: {len(loaded.bad)} bad row(s) and --strict; nothing indexed")
    with (
        open_index(settings, alias) as kb_index,
        progress_bar(quiet=quiet, label="indexing") as progress,
    ):
        task = progress.add_task("rows", total=len(loaded.rows))
        stats = kb_index.rebuild(
            loaded.rows,
            dry_run=dry_run,
            progress=lambda n: progress.advance(task, n),
            keep_ids=[b.id for b in loaded.bad if b.id],
            source=IndexSource.of(path, loaded),
        )
    result = stats.as_dict()
    result.update(
        rows_read=loaded.rows_read, invalid=len(loaded.bad), warnings=len(loaded.warnings)
    )
    log.info("kb.indexed", **{k: v for k, v in result.items() if k != "collection"})
    return result


def search(
    texts: Annotated[list[str], typer.Argument(help="Query text(s); several are merged.")],
    k: Annotated[int, typer.Option("--k", min=1, max=100, help="Hits to return.")] = 5,
    component: Annotated[
        str | None, typer.Option("--component", help="Only rows of this COMPONENTE.")
    ] = None,
    mode: Annotated[SearchMode, typer.Option(help="Retrieval mode.")] = "hybrid",
    as_json: JsonOpt = False,
) -> None:
    """Search the knowledge base (hybrid dense + lexical, fused; phrasings merged by id)."""
    from adapters.vector_store import open_index

    settings = setup()
    with expected_failures(), open_index(settings) as kb_index:
        hits = kb_index.search(texts, k=k, component=component, mode=mode)
    if as_json:
        emit_json(
            [
                {
                    "id": h.kb_id,
                    "score": h.score,
                    **{c: v for c, v in h.row.items() if c != "kb_id"},
                }
                for h in hits
            ]
        )
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
