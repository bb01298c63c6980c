"""Fine-tuning and the model registry: ``resolvia finetune promote VERSION``.

``promote`` moves the ``champion`` alias of the confidence model (the version the engine loads
at start-up) to a registered version, only when its evaluation on a gold test split is logged
and no worse than what the engine uses now (:mod:`finetune.promotion` has the rule).
"""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from cli.common import JsonOpt, emit_json, err, expected_failures, setup

app = typer.Typer(
    help="Fine-tuning: datasets, and the registered models the engine loads (MLflow).",
    no_args_is_help=True,
)


@app.command()
def promote(
    version: Annotated[
        int, typer.Argument(min=1, metavar="VERSION", help="Registered version to promote.")
    ],
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            help="Registered model (default: CONFIDENCE_MODEL_NAME, resolvia-confianza).",
        ),
    ] = None,
    split: Annotated[
        Literal["test2", "test"],
        typer.Option(help="Gold test split both evaluations must be on (test2: the frozen one)."),
    ] = "test2",
    coverage_tolerance: Annotated[
        float,
        typer.Option(
            min=0.0, max=1.0, help="Coverage the new champion may lose (0.02: one in fifty)."
        ),
    ] = 0.02,
    as_json: JsonOpt = False,
) -> None:
    """Make VERSION the champion the engine loads at start-up, if it is no worse.

    No worse: on the gold test split, its precision is not lower and its coverage not lower by
    more than --coverage-tolerance than the current champion's (before there is one: the
    CONFIDENCE_MODEL artifact's), each from the latest logged `resolvia evaluate` of the whole
    split with the same chat model and threshold. Evaluate a version with
    `CONFIDENCE_MODEL_VERSION=N resolvia evaluate --split test2`. Otherwise it refuses, with the
    figures, and changes nothing."""
    from finetune.promotion import promote as promote_version

    settings = setup()
    with expected_failures():
        done = promote_version(
            settings, version, name=model, split=split, tolerance=coverage_tolerance
        )
    if as_json:
        emit_json(done.as_dict())
        return
    if done.unchanged:
        err.print(f"{done.name} version {done.version} already is the champion.")
        return
    assert done.candidate is not None and done.current is not None
    err.print(
        f"{done.name} version {done.version} is the champion now"
        f"{f' (was version {done.previous})' if done.previous else ''}: on {done.split}, "
        f"{done.candidate.describe()}; {done.baseline}: {done.current.describe()}. The engine "
        "loads it from its next start.",
        markup=False,
    )
