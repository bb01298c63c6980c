"""``resolvia backup`` (also ``python backup.py``): backups of the knowledge-base index and files.

create [--keep N]          snapshot vectors, payloads, CSV, synonyms (+ rotation)
list [--json]
verify ID                  restore into a scratch collection and compare
restore ID [--with-files]  switch the live index to the backup
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.table import Table

from cli.common import JsonOpt, emit_json, expected_failures, out, setup
from config import Settings

app = typer.Typer(
    help="Backups of the knowledge-base index and the files it was built from.",
    no_args_is_help=True,
)


def _with_store(action: Callable[[Any, Settings], Any]) -> Any:
    from adapters.index_backup import BackupStore
    from adapters.vector_store import open_index

    settings = setup(job="backup")
    with expected_failures(), open_index(settings) as kb_index:
        return action(BackupStore(settings.DATA_DIR / "backups", kb_index), settings)


def _emit(data: Any, as_json: bool, text: str) -> None:
    if as_json:
        emit_json(data)
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
        emit_json([i.as_dict() for i in infos])
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
