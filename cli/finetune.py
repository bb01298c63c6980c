"""Fine-tuning: ``resolvia finetune dataset`` (datasets from recorded calls and labels).

``dataset`` reads the LLM history (and, with ``--records``, an evaluation's records), keeps the
calls whose answer is known to be right or wrong (gold dev split, console reviews, approved
actions), and writes chat and Alpaca JSONL files with a dataset card under
``DATA_DIR/finetune/datasets/`` (:mod:`finetune.dataset` has the rules).
"""

from __future__ import annotations

import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from cli.common import ExitCode, JsonOpt, emit_json, err, expected_failures, setup, usage_error
from domain.choices import FinetuneTask

app = typer.Typer(
    help="Fine-tuning: datasets from the engine's recorded calls and people's labels.",
    no_args_is_help=True,
)


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
    card = written.card
    if as_json:
        emit_json({"folder": str(written.folder), **card})
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


__all__ = ["ExitCode", "app"]
