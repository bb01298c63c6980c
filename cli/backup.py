"""``resolvia backup`` (also ``python backup.py``): backups of the knowledge-base index, its
files and the SQLite stores under DATA_DIR.

create [--keep N]                         snapshot vectors, payloads, CSV, synonyms and a
                                          consistent copy of every SQLite store (+ rotation)
list [--json]
verify ID                                 hashes, store integrity, index round trip
restore ID [--with-files] [--with-stores] switch the live index to the backup; optionally
                                          put back the KB files and the SQLite stores
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.table import Table

from cli.common import JsonOpt, emit_json, expected_failures, out, setup
from config import Settings

app = typer.Typer(
    help="Backups of the knowledge-base index, its files and the SQLite stores.",
    no_args_is_help=True,
)


def _with_store(action: Callable[[Any, Settings], Any]) -> Any:
    from adapters.index_backup import BackupStore
    from adapters.vector_store import open_index

    settings = setup(job="backup")
    with expected_failures(), open_index(settings) as kb_index:
        store = BackupStore(settings.DATA_DIR / "backups", kb_index, settings.DATA_DIR)
        return action(store, settings)


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
    """Snapshot the live index, the files it was built from and the SQLite stores (online:
    a run may be writing to them)."""
    info = _with_store(lambda store, s: store.create(s.RESOURCES_DIR, keep=keep))
    _emit(
        info.as_dict(),
        as_json,
        f"backup {info.id}: {info.points} points, {len(info.stores)} SQLite store(s) "
        f"-> {info.path}",
    )


@app.command("list")
def list_backups(as_json: JsonOpt = False) -> None:
    """Show the backups, oldest first."""
    infos = _with_store(lambda store, s: store.backups())
    if as_json:
        emit_json([i.as_dict() for i in infos])
        return
    table = Table(title=f"{len(infos)} backup(s)")
    for col in ("id", "created", "points", "index", "stores"):
        table.add_column(col)
    for i in infos:
        table.add_row(i.id, i.created_at, str(i.points), i.alias, ", ".join(i.stores) or "-")
    out.print(table)


@app.command()
def verify(
    backup_id: Annotated[str, typer.Argument(metavar="ID")], as_json: JsonOpt = False
) -> None:
    """Check hashes and the stores' integrity, restore into a scratch collection and compare
    ids, payloads, vectors."""
    result = _with_store(lambda store, s: store.verify(backup_id))
    _emit(
        result,
        as_json,
        f"backup {backup_id}: OK ({result['points']} points round-trip, "
        f"{len(result['stores'])} SQLite store(s) sound)",
    )


@app.command()
def restore(
    backup_id: Annotated[str, typer.Argument(metavar="ID")],
    with_files: Annotated[
        bool, typer.Option("--with-files", help="Also put back the CSV and synonyms.")
    ] = False,
    with_stores: Annotated[
        bool,
        typer.Option(
            "--with-stores",
            help="Also put back the SQLite stores (no run may be active; stop the mocks).",
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Make a backup the live index (verified before the switch); optionally its files and
    SQLite stores (each restored database passes an integrity check before any is replaced;
    the current ones are kept as *.before-restore)."""

    def restore_it(store: Any, s: Settings) -> Any:
        files = s.RESOURCES_DIR if with_files else None
        if not with_stores:
            return store.restore(backup_id, files)
        from adapters.run_lock import run_lock

        with run_lock(s.DATA_DIR, f"backup-restore-{backup_id}"):  # no run may use them
            return store.restore(backup_id, files, stores_dir=s.DATA_DIR)

    result = _with_store(restore_it)
    stores = f", {len(result['stores'])} SQLite store(s) put back" if with_stores else ""
    _emit(result, as_json, f"restored {backup_id}: {result['points']} points, now live{stores}")
