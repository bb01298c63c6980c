"""Knowledge-base maintenance: ``resolvia kb maintain | proposals | accept ID | reject ID``.

``maintain`` (also ``python batch_mantenimiento_globales.py``) mines closed incidents, the
rejection logs and the console's reviews for proposals (:mod:`adapters.maintenance`) and writes
``reporte_mantenimiento_globales_<date>.json`` + ``.md`` into the reports folder. Nothing changes
the knowledge base until a person accepts a proposal: ``accept`` backs the file up, appends or
edits only the rows concerned and re-indexes incrementally (:mod:`adapters.kb_proposals`).
"""

from __future__ import annotations

import getpass
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from cli.common import (
    ExitCode,
    JsonOpt,
    emit_json,
    err,
    expected_failures,
    setup,
    usage_error,
)
from observability.logging import new_run_id

app = typer.Typer(
    help="Knowledge-base maintenance: proposals mined from closed incidents and reviews.",
    no_args_is_help=True,
)

IdArg = Annotated[int, typer.Argument(metavar="ID", help="Proposal number.")]
UserOpt = Annotated[
    str | None,
    typer.Option("--user", help="Who decides (recorded in the audit; default: the OS user)."),
]


def _since(value: str | None) -> date | None:
    if value is None:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    usage_error(f"--since {value!r}: use YYYY-MM-DD or dd/mm/yyyy")


@app.command()
def maintain(
    since: Annotated[
        str | None,
        typer.Option(help="Only incidents closed on or after this date (YYYY-MM-DD)."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Mine and draft, store and write nothing.")
    ] = False,
    model: Annotated[str | None, typer.Option(help="Model spec (default: LLM_MODEL).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Mine closed incidents, rejections and reviews for knowledge-base proposals."""
    from adapters.maintenance import maintain as run_job

    start = _since(since)
    run_id = new_run_id()
    settings = setup(job="kb_maintenance", run_id=run_id)
    with expected_failures():
        report = run_job(settings, run_id=run_id, since=start, dry_run=dry_run, model=model)
    counts = report.counts()
    if as_json:
        emit_json({**counts, "run_id": run_id, "dry_run": dry_run, **{"files": report.files}})
        return
    prefix = "[dry run] " if dry_run else ""
    err.print(
        f"{prefix}closed {counts['cerradas_leidas']} · used {counts['casos']} · skipped "
        f"{counts['descartadas']} · clusters {counts['grupos']} (uncovered "
        f"{counts['grupos_sin_cubrir']}) · new rows {counts['propuestas_nueva_fila']}, edits "
        f"{counts['propuestas_editar_fila']}, merges {counts['propuestas_fusionar_filas']} · "
        f"drafts not offered {counts['borradores_no_validos']} · already known "
        f"{counts['ya_conocidas']}",
        markup=False,
    )
    for path in report.files.values():
        err.print(f"wrote {path}", markup=False)


@app.command()
def proposals(
    show_all: Annotated[bool, typer.Option("--all", help="Also the decided ones.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Proposals waiting for a decision (with --all: every one), oldest first."""
    from adapters.kb_proposals import list_proposals

    settings = setup()
    with expected_failures():
        rows = list_proposals(settings, None if show_all else "propuesta")
    if as_json:
        emit_json([p.as_dict() for p in rows])
        return
    if not rows:
        err.print("no proposal waits for a decision", markup=False)
        return
    table = Table(title="Knowledge-base proposals")
    for column in ("id", "kind", "status", "title", "rows", "created_at"):
        table.add_column(column, overflow="fold")
    for p in rows:
        table.add_row(
            str(p.id), p.kind.value, p.status.value, p.title, " ".join(p.target_ids), p.created_at
        )
    err.print(table)


@app.command()
def accept(
    proposal_id: IdArg,
    edit: Annotated[
        list[str] | None,
        typer.Option(
            "--edit",
            help="field=value to change before writing (descripcion, solucion, componente, "
            "tipo, accion, buzon, or a column name); repeatable.",
        ),
    ] = None,
    user: UserOpt = None,
    csv_path: Annotated[
        Path | None,
        typer.Option("--csv", help="Knowledge base to change (default: the configured one)."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Apply a proposal: back the CSV up, append or edit its row(s), re-index incrementally."""
    from adapters.kb_proposals import accept_proposal

    edits: dict[str, str] = {}
    for item in edit or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            usage_error(f"--edit {item!r}: use field=value")
        edits[name.strip()] = value
    settings = setup(job="kb_accept")
    with expected_failures():
        proposal = accept_proposal(
            settings, proposal_id, user or getpass.getuser(), edits=edits, csv_path=csv_path
        )
    result = proposal.result or {}
    if as_json:
        emit_json(proposal.as_dict())
        return
    written = result.get("kb_id") or f"removed {result.get('removed')}"
    err.print(
        f"proposal {proposal.id} accepted by {proposal.decided_by}: {written} in "
        f"{result.get('file')} (backup {result.get('backup')}); index: {result.get('reindex')}",
        markup=False,
    )


@app.command()
def reject(
    proposal_id: IdArg,
    note: Annotated[str, typer.Option("--note", help="Why (kept with the decision).")] = "",
    user: UserOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Reject a proposal; later runs do not offer it again."""
    from adapters.kb_proposals import reject_proposal

    settings = setup()
    with expected_failures():
        proposal = reject_proposal(settings, proposal_id, user or getpass.getuser(), note)
    if as_json:
        emit_json(proposal.as_dict())
        return
    err.print(f"proposal {proposal.id} rejected by {proposal.decided_by}", markup=False)


__all__ = ["ExitCode", "app"]
