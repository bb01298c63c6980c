"""``resolvia evaluate``: the gold set through the real graph, per model and configuration."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from cli.common import (
    JsonOpt,
    emit_json,
    err,
    expected_failures,
    item_progress,
    progress_bar,
    setup,
)
from domain.choices import Split
from observability.logging import new_run_id


def evaluate(
    models: Annotated[
        str | None, typer.Option(help="Comma-separated model specs (default: LLM_MODEL).")
    ] = None,
    split: Annotated[Split, typer.Option(help="Gold-set split.")] = "test",
    limit: Annotated[int | None, typer.Option(min=1, help="First N gold incidents.")] = None,
    out: Annotated[
        Path | None, typer.Option(help="Report folder (default: resources/reportes/eval_<id>).")
    ] = None,
    target_precision: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Precision the recommended threshold needs.")
    ] = 0.95,
    no_reformulation: Annotated[
        bool, typer.Option("--no-reformulation", help="Ablation: skip the reformulation call.")
    ] = False,
    dense_only: Annotated[
        bool, typer.Option("--dense-only", help="Ablation: dense retrieval only.")
    ] = False,
    no_critic: Annotated[
        bool, typer.Option("--no-critic", help="Ablation: take the first candidate.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Run the gold set through the real graph (dry run, fresh mocks) and report quality,
    cost and the critic-threshold sweep for each model."""
    from finetune.evaluate import Configuration, collect, summarize, write_reports

    settings = setup()
    config = Configuration(
        reformulate=not no_reformulation,
        search_mode="dense" if dense_only else "hybrid",
        critic=not no_critic,
    )
    specs = [s.strip() for s in (models or settings.LLM_MODEL).split(",") if s.strip()]
    results: list[dict[str, Any]] = []
    records_by_model: dict[str, Any] = {}
    with expected_failures():
        for spec in specs:
            with progress_bar(quiet=as_json) as progress:
                task = progress.add_task(spec, total=None)
                records = collect(
                    settings,
                    spec,
                    split,
                    limit=limit,
                    config=config,
                    on_progress=item_progress(progress, task, prefix=f"{spec} "),
                )
            records_by_model[f"{spec}|{config.name}"] = records
            results.append(
                summarize(
                    records,
                    model=spec,
                    config=config,
                    threshold=settings.CRITIC_APPROVAL_THRESHOLD,
                    max_retries=settings.MAX_RETRIES_CRITIC,
                    target_precision=target_precision,
                )
            )
    folder = out or settings.RESOURCES_DIR / "reportes" / f"eval_{new_run_id()}"
    document = write_reports(folder, split, results, records_by_model, settings.MAX_RETRIES_CRITIC)
    if as_json:
        emit_json(document)
        return
    for r in results:
        err.print(
            f"{r['model']} ({r['configuration']}): R@3 {r['recall_at_3']}, MRR {r['mrr']}, "
            f"at threshold {r['threshold']}: precision {r['precision']}, coverage "
            f"{r['coverage']}, escalation accuracy {r['escalation_accuracy']}, injection "
            f"actions {r['injection_actions']}; recommended threshold "
            f"{r['recommended_threshold']}"
        )
    err.print(f"Reports in {folder}")
