"""The ``resolvia`` application: every command in one Typer app, and :func:`main` to run it.

resolvia                    run the main job (same as ``resolvia run``)
resolvia scorecard          a run's decisions against expected outcomes (the demo's)
resolvia outcomes COD       every outcome recorded for one incident
resolvia index | search     the knowledge-base index
resolvia evaluate           the gold set through the real graph
resolvia calibrate          fit the confidence model on the dev split's evidence
resolvia backup ...         backups of the index and the SQLite stores
resolvia prune              delete what the retention settings no longer keep
resolvia approvals          actions waiting for a person (supervised mode); approve / reject ID
resolvia mocks ...          the mock incident manager and target system
resolvia models ...         the model registry
resolvia console ...        the support console (web) and its users
resolvia runs | show | review  the console's views on a terminal (runs, incidents, review queue)
resolvia kb ...              knowledge-base maintenance: maintain, proposals, accept, reject
resolvia finetune ...        fine-tuning: dataset, promote VERSION (the model registry)
resolvia serve-llm          the shared model service (OpenAI-compatible) for many workers

``main.py``, ``batch.py``, ``batch_mantenimiento_globales.py``, ``backup.py`` and
``python -m mocks`` are thin entry points into the same application (see :func:`main`'s
``command``).
"""

from __future__ import annotations

import sys
from typing import Any

import typer

from cli import (
    approvals,
    backup,
    console,
    evaluate,
    finetune,
    index,
    kb,
    mocks,
    models,
    prune,
    run,
    workers,
)
from cli import serve_llm as serve_llm_cli
from cli.common import ExitCode, print_error
from errors import ResolviaError

app = typer.Typer(
    help="Resolvia: resolves IT/back-office incidents from a knowledge base, safely.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command()(run.run)
app.command()(run.scorecard)
app.command()(run.outcomes)
app.command(hidden=True)(workers.worker)  # started by `run --workers N`, not by people
app.command()(index.index)
app.command()(index.search)
app.command()(evaluate.evaluate)
app.command()(evaluate.calibrate)
app.command()(prune.prune)
app.command()(console.runs)
app.command()(console.show)
app.command()(console.review)
app.command()(approvals.approvals)
app.command()(approvals.approve)
app.command()(approvals.reject)
app.command(name="serve-llm")(serve_llm_cli.serve_llm)
app.add_typer(backup.app, name="backup")
app.add_typer(mocks.app, name="mocks")
app.add_typer(models.app, name="models")
app.add_typer(console.app, name="console")
app.add_typer(kb.app, name="kb")
app.add_typer(finetune.app, name="finetune")


@app.callback(invoke_without_command=True)
def _default(ctx: typer.Context) -> None:
    """Without a command, run the main job."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(run.run)


def main(argv: list[str] | None = None, *, command: str | None = None) -> None:
    """Run the application on ``argv`` (default: the process arguments) and exit.

    ``command`` runs one sub-command as if it were the whole program: ``batch.py`` is
    ``index``, so its usage line and ``--help`` read ``batch.py [OPTIONS]``, as before. A
    sub-command of a group is named by its path (``"kb maintain"``).
    """
    target: Any = typer.main.get_group(app)
    for name in (command or "").split():
        target = target.commands[name]  # a group (TyperGroup) has named sub-commands
    try:
        target.main(args=argv, standalone_mode=True)
    except ResolviaError as exc:  # an expected failure that a command did not turn into a message
        print_error(exc)
        sys.exit(ExitCode.FAILURE)
