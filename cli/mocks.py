"""``resolvia mocks`` (also ``python -m mocks``): the mock incident manager and target system.

serve [--incidents FILE] [--policies FILE] [--attachments DIR]
      [--port-base N] [--data-dir DIR] [--today dd/mm/yyyy]
reset [--data-dir DIR]
comentar COD TEXTO [--autor NAME] [--buzon BUZON] [--data-dir DIR] [--today dd/mm/yyyy]
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import structlog
import typer

from cli.common import JsonOpt, emit_json, err, expected_failures, fail, setup
from config import Settings

app = typer.Typer(
    help="Mock incident manager and target system on 127.0.0.1 (FastAPI + SQLite).",
    no_args_is_help=True,
)
log = structlog.get_logger("resolvia.mocks")

DataDirOpt = Annotated[
    Path | None, typer.Option(help="State directory (default: DATA_DIR/mocks).", show_default=False)
]
TodayOpt = Annotated[
    str | None,
    typer.Option(help="Fix 'today' as dd/mm/yyyy (default: MOCK_TODAY, else the real date)."),
]


def default_data_dir(settings: Settings) -> Path:
    return settings.DATA_DIR / "mocks"


@app.command()
def serve(
    incidents: Annotated[
        Path | None,
        typer.Option(help="Incidents JSON (default: RESOURCES_DIR/incidencias_demo.json)."),
    ] = None,
    policies: Annotated[
        Path | None, typer.Option(help="Policies JSON (default: RESOURCES_DIR/polizas.json).")
    ] = None,
    attachments: Annotated[
        Path | None, typer.Option(help="Attachments directory (default: RESOURCES_DIR/adjuntos).")
    ] = None,
    port_base: Annotated[
        int, typer.Option(min=1, max=65534, help="Incident manager on N, target system on N+1.")
    ] = 3000,
    data_dir: DataDirOpt = None,
    today: TodayOpt = None,
) -> None:
    """Start both services; seed them from the files only if their state is empty."""
    import asyncio

    from mocks import incident_manager, target_system
    from mocks.clock import clock_for
    from mocks.seed import SeedSources, attachments_dir, seed_if_empty
    from mocks.server import HOST, bind_loopback, serve_all
    from mocks.store import MockStore

    settings = setup()
    try:
        clock = clock_for(today or settings.MOCK_TODAY)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--today") from None
    folder = data_dir or default_data_dir(settings)
    resources = settings.RESOURCES_DIR
    sources = SeedSources(
        incidents=incidents or resources / "incidencias_demo.json",
        policies=policies or resources / "polizas.json",
        attachments=attachments or resources / "adjuntos",
    )
    with expected_failures():
        store = MockStore.in_dir(folder)
        report = seed_if_empty(store, sources)
    if report.incidents:
        err.print(f"seeded {report.incidents} incidents, {report.attachments} attachments")
    elif incidents is not None:
        err.print(
            f"[yellow]kept the existing state in {folder}; --incidents ignored (run reset)[/]"
        )
    if report.policies:
        err.print(f"seeded {report.policies} policies")
    elif policies is not None:
        err.print(f"[yellow]kept the existing state in {folder}; --policies ignored (run reset)[/]")
    token = settings.MOCKS_TOKEN.get_secret_value()
    ports = (port_base, port_base + 1)
    try:
        sockets = [bind_loopback(port) for port in ports]
    except OSError as exc:
        fail(f"cannot listen on {HOST}:{ports[0]}/{ports[1]}: {exc}")
    apps = [
        incident_manager.create_app(
            store, token=token, clock=clock, attachments=attachments_dir(store)
        ),
        target_system.create_app(store, token=token, clock=clock),
    ]
    err.print(f"incident manager  http://{HOST}:{ports[0]}  (docs: /docs)")
    err.print(f"target system     http://{HOST}:{ports[1]}  (docs: /docs)")
    err.print(f"state in {folder}; today = {clock.today():%d/%m/%Y}")
    log.info("mocks.serve", ports=list(ports), data_dir=str(folder))
    asyncio.run(serve_all(list(zip(apps, sockets, strict=True))))
    log.info("mocks.stopped")


@app.command()
def reset(data_dir: DataDirOpt = None) -> None:
    """Delete the mock state so that the next serve seeds again (stop the services first)."""
    from mocks.seed import wipe

    settings = setup()
    folder = data_dir or default_data_dir(settings)
    removed = wipe(folder)
    err.print(
        f"removed {len(removed)} item(s) from {folder}"
        if removed
        else f"nothing to reset in {folder}"
    )


@app.command()
def comentar(
    cod: Annotated[str, typer.Argument(metavar="COD", help="Incident code.")],
    texto: Annotated[str, typer.Argument(help="What is written in the history.")],
    autor: Annotated[
        str | None, typer.Option(help="Who writes (default: the incident's requester).")
    ] = None,
    buzon: Annotated[
        str | None,
        typer.Option(help="Also send the incident to this buzon (a person's reasignar)."),
    ] = None,
    data_dir: DataDirOpt = None,
    today: TodayOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write in an incident's history as its requester or a person (a parked incident opens
    again); with --buzon, send it there. Works on the state directory, served or not."""
    from pydantic import ValidationError

    from mocks.clock import clock_for
    from mocks.incident_manager import (
        ActionRequest,
        CommentRequest,
        add_comment,
        apply_action,
        change_incident,
    )
    from mocks.store import DB_FILENAME, MockStore

    settings = setup()
    try:
        clock = clock_for(today or settings.MOCK_TODAY)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--today") from None
    folder = data_dir or default_data_dir(settings)
    if not (folder / DB_FILENAME).is_file():
        fail(f"no mock state in {folder}: run `resolvia mocks serve` first")

    def change(incident: dict[str, Any]) -> dict[str, Any]:
        who = autor or str(incident.get("solicitante") or "") or "solicitante"
        if buzon:
            request = ActionRequest.model_validate(
                {"action": "reasignar", "buzonDestino": buzon, "detalle": texto, "autor": who}
            )
            return apply_action(incident, request, clock)
        return add_comment(incident, CommentRequest(autor=who, detalle=texto), clock)

    try:
        answer, _ = change_incident(MockStore.in_dir(folder), cod, change)
    except ValidationError as exc:  # a blank text or author
        fail(f"cannot write that: {exc.errors()[0]['msg']}")
    if answer.status != 200:
        fail(answer.body["detail"])
    incident = answer.body
    if as_json:
        emit_json(incident)
    else:
        err.print(
            f"{cod}: {incident['estado']} in {incident['buzon']}, "
            f"{len(incident['historial'])} history entries",
            markup=False,
        )
