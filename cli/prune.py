"""``resolvia prune``: apply the retention settings (``RETENTION_*_DAYS``) to every store."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from cli.common import JsonOpt, emit_json, err, expected_failures, setup
from observability.logging import new_run_id


def prune(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Report what would be deleted; delete nothing.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Delete run reports, rejection logs, recorded model calls, abandoned checkpoints and
    cached screenshot text older than their RETENTION_*_DAYS (outcomes are kept)."""
    from adapters.retention import prune as prune_stores
    from adapters.run_lock import run_lock

    settings = setup(job="prune")
    # the stores change under a run: wait for none (the lock says who holds it)
    with expected_failures(), run_lock(settings.DATA_DIR, f"prune-{new_run_id()}"):
        report = prune_stores(settings, dry_run=dry_run)
    if as_json:
        emit_json(report.as_dict())
        return
    verb = "would remove" if dry_run else "removed"
    table = Table(title=f"resolvia prune{' --dry-run' if dry_run else ''}")
    for column in ("store", "keep (days)", verb, "bytes"):
        table.add_column(column)
    for store in report.stores:
        keep = str(store.keep_days) if store.keep_days else "forever"
        table.add_row(store.store, keep, f"{store.removed} {store.unit}", _size(store.bytes))
    err.print(table)
    total = _size(report.bytes)
    err.print(f"About {total} would be freed." if dry_run else f"{total} freed.", markup=False)


def _size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"  # pragma: no cover - the loop always returns
