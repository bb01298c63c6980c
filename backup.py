"""Backups of the knowledge-base index and files.

python backup.py create [--keep N]     snapshot vectors, payloads, CSV, synonyms (+ rotation)
python backup.py list [--json]
python backup.py verify ID             restore into a scratch collection and compare
python backup.py restore ID [--with-files]   switch the live index to the backup
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from config import Settings, get_settings
from errors import ResolviaError
from observability.logging import bind_run, configure_logging

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True)
out = Console()
err = Console(stderr=True)
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout.")]


def _with_store(action: Callable[[Any, Settings], Any]) -> Any:
    from adapters.index_backup import BackupStore
    from adapters.vector_store import open_index

    settings = get_settings()
    configure_logging(settings.LOG_LEVEL, settings.LOG_FORMAT)
    bind_run(job="backup")
    try:
        with open_index(settings) as index:
            return action(BackupStore(settings.DATA_DIR / "backups", index), settings)
    except ResolviaError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
        raise typer.Exit(1) from None


def _emit(data: Any, as_json: bool, text: str) -> None:
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        out.print(text, highlight=False)


@app.command()
def create(
    keep: Annotated[int | None, typer.Option(min=1, help="Keep only the N newest.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Snapshot the live index and the files it was built from."""
    info = _with_store(lambda store, s: store.create(s.RESOURCES_DIR, keep=keep))
    _emit(info.as_dict(), as_json, f"backup {info.id}: {info.points} points -> {info.path}")


@app.command("list")
def list_backups(as_json: JsonOpt = False) -> None:
    """Show the backups, oldest first."""
    infos = _with_store(lambda store, s: store.backups())
    if as_json:
        _emit([i.as_dict() for i in infos], True, "")
        return
    table = Table(title=f"{len(infos)} backup(s)")
    for col in ("id", "created", "points", "index"):
        table.add_column(col)
    for i in infos:
        table.add_row(i.id, i.created_at, str(i.points), i.alias)
    out.print(table)


@app.command()
def verify(
    backup_id: Annotated[str, typer.Argument(metavar="ID")], as_json: JsonOpt = False
) -> None:
    """Check hashes, restore into a scratch collection and compare ids, payloads, vectors."""
    result = _with_store(lambda store, s: store.verify(backup_id))
    _emit(result, as_json, f"backup {backup_id}: OK ({result['points']} points round-trip)")


@app.command()
def restore(
    backup_id: Annotated[str, typer.Argument(metavar="ID")],
    with_files: Annotated[
        bool, typer.Option("--with-files", help="Also put back the CSV and synonyms.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Make a backup the live index (verified before the switch)."""
    result = _with_store(
        lambda store, s: store.restore(backup_id, s.RESOURCES_DIR if with_files else None)
    )
    _emit(result, as_json, f"restored {backup_id}: {result['points']} points, now live")


if __name__ == "__main__":
    app()
