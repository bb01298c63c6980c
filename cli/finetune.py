"""Fine-tuning and the model registry: ``resolvia finetune dataset``, ``train``, ``promote``.

``dataset`` reads the LLM history (and, with ``--records``, an evaluation's records), keeps the
calls whose answer is known to be right or wrong (gold dev and demo splits, console reviews,
approved actions), and writes chat and Alpaca JSONL files with a dataset card under
``DATA_DIR/finetune/datasets/`` (:mod:`finetune.dataset` has the rules); it is logged to MLflow
as a dataset when tracking is on.

``train`` (:mod:`cli.finetune_train`) trains a LoRA adapter of a bundled model for the critic
on such a dataset and logs it to MLflow, where the adapter is registered.

``promote`` moves the ``champion`` alias of the confidence model (the version the engine loads
at start-up) to a registered version, only when its evaluation on a gold test split is logged
and no worse than what the engine uses now (:mod:`finetune.promotion` has the rule).
"""

from __future__ import annotations

import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Literal

import typer

from cli.common import ExitCode, JsonOpt, emit_json, err, expected_failures, setup, usage_error
from cli.finetune_train import train
from domain.choices import FinetuneTask

app = typer.Typer(
    help="Fine-tuning: datasets, and the registered models the engine loads (MLflow).",
    no_args_is_help=True,
)
app.command()(train)


def _since(value: str | None) -> datetime | None:
    if value is None:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    usage_error(f"--since {value!r}: use YYYY-MM-DD or dd/mm/yyyy")


@app.command()
def dataset(
    task: Annotated[
        FinetuneTask,
        typer.Option(help="What the model learns: the critic's verdict, or the reformulation."),
    ] = "critique",
    since: Annotated[
        str | None,
        typer.Option(help="Only calls recorded on or after this date (YYYY-MM-DD, UTC)."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            help="Folder to create (default: DATA_DIR/finetune/datasets/<task>_<timestamp>)."
        ),
    ] = None,
    records: Annotated[
        list[Path] | None,
        typer.Option(
            "--records",
            exists=True,
            dir_okay=False,
            metavar="FILE",
            help="Also the calls in an evaluation's records.jsonl (`resolvia evaluate "
            "--split dev`); repeatable. Test-split records are refused.",
        ),
    ] = None,
    validation_fraction: Annotated[
        float,
        typer.Option(min=0.0, max=0.5, help="Share of incidents held out for validation."),
    ] = 0.2,
    as_json: JsonOpt = False,
) -> None:
    """Build a fine-tuning dataset (chat + Alpaca JSONL, and a card) from recorded calls."""
    from finetune.dataset import make_dataset

    start = _since(since)
    settings = setup(job="finetune_dataset")
    command = shlex.join(["resolvia", *sys.argv[1:]])
    with expected_failures():
        written = make_dataset(
            settings,
            task,
            out=out,
            since=start,
            records=records or [],
            validation_fraction=validation_fraction,
            command=command,
        )
    from finetune.tracking import log_dataset

    tracked = log_dataset(written.folder, settings)
    card = written.card
    if as_json:
        emit_json({"folder": str(written.folder), **card, "mlflow": tracked.as_dict()})
        return
    counts = card["counts"]
    labels = ", ".join(f"{k} {v}" for k, v in counts["total"]["labels"].items())
    dropped = ", ".join(f"{k} {v}" for k, v in card["dropped"].items()) or "none"
    err.print(
        f"{task}: train {counts['train']['records']} ({counts['train']['incidents']} incidents) "
        f"· validation {counts['validation']['records']} "
        f"({counts['validation']['incidents']} incidents) · labels {labels} · dropped {dropped}",
        markup=False,
    )
    err.print(f"wrote {written.folder} (sha256 {card['sha256'][:16]})", markup=False)
    if tracked.message():
        err.print(tracked.message(), markup=False)


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
        Literal["test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test"],
        typer.Option(
            help="Gold test split both evaluations must be on (test9: frozen, kept clean for "
            "the next report; test3 to test8: frozen, each reported on once; test2: frozen, kept "
            "for comparison)."
        ),
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


__all__ = ["ExitCode", "app"]
