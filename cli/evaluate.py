"""``resolvia evaluate``: the gold set through the real graph, per model and configuration."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from cli.common import (
    ExitCode,
    JsonOpt,
    emit_json,
    err,
    expected_failures,
    item_progress,
    progress_bar,
    setup,
)
from domain.choices import Split
from errors import ConfigError
from observability.logging import new_run_id

GoldOpt = Annotated[
    Path | None,
    typer.Option(
        "--gold",
        exists=True,
        dir_okay=False,
        metavar="FILE",
        help="Items in the gold format instead of a split, e.g. reviewers' labels "
        "(`resolvia review --export FILE`).",
    ),
]


def evaluate(
    models: Annotated[
        str | None,
        typer.Option(
            help="Comma-separated models: specs (llamacpp/<model>+lora=<adapter.gguf> adds a "
            "LoRA adapter), `base` (LLM_MODEL alone), `finetuned` (LLM_MODEL with "
            "LLM_LORA_ADAPTER, else the latest registered resolvia-critico-lora), "
            "`finetuned@N` (registered version N). Default: LLM_MODEL, with its adapter if set.",
        ),
    ] = None,
    split: Annotated[Split, typer.Option(help="Gold-set split.")] = "test",
    limit: Annotated[int | None, typer.Option(min=1, help="At most N gold incidents.")] = None,
    start: Annotated[
        int,
        typer.Option(
            min=0,
            help="Skip the split's first N incidents (collect only items added since a run; "
            "records.jsonl files of two runs can be concatenated for calibrate).",
        ),
    ] = 0,
    out: Annotated[
        Path | None, typer.Option(help="Report folder (default: resources/reportes/eval_<id>).")
    ] = None,
    target_precision: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Precision the recommended threshold needs.")
    ] = 0.95,
    reformulation: Annotated[
        bool | None,
        typer.Option(
            "--reformulation/--no-reformulation",
            help="Run the reformulation call or not (default: the REFORMULATE setting).",
        ),
    ] = None,
    dense_only: Annotated[
        bool, typer.Option("--dense-only", help="Ablation: dense retrieval only.")
    ] = False,
    no_critic: Annotated[
        bool, typer.Option("--no-critic", help="Ablation: take the first candidate.")
    ] = False,
    gold: GoldOpt = None,
    replay: Annotated[
        Path | None,
        typer.Option(
            "--replay",
            exists=True,
            dir_okay=False,
            metavar="RECORDS",
            help="No model calls: report on the records.jsonl of an earlier evaluation of "
            "this split, decided again by today's policy, threshold and confidence model.",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Run the gold set through the real graph (dry run, fresh mocks) and report quality,
    cost and the critic-threshold sweep for each model."""
    from finetune.compare import resolve_models
    from finetune.evaluate import Configuration, collect, summarize, write_reports
    from finetune.gold import read_gold_file
    from graph.context import choose_confidence

    settings = setup()
    items = read_gold_file(gold) if gold is not None else None
    config = Configuration(
        reformulate=settings.REFORMULATE if reformulation is None else reformulation,
        search_mode="dense" if dense_only else "hybrid",
        critic=not no_critic,
    )
    results: list[dict[str, Any]] = []
    records_by_model: dict[str, Any] = {}
    with expected_failures():
        # the registry's pinned or champion version, else the artifact; refused here, before
        # any model call, when the one to use does not load
        confidence = choose_confidence(settings)
        confidence_model = confidence.model
        # every adapter checked (a registered version downloaded) before any model call: one
        # that does not load stops here, naming it
        chosen = resolve_models(models, settings)
        # one model process at a time: each collect's engine stops its llama.cpp server on
        # exit, before the next model's (a server per model file and adapter) starts
        for evaluated in chosen:
            spec, label = evaluated.spec, evaluated.label
            if replay is not None:
                from finetune.calibrate import critic_prompt_of, read_records

                records = read_records(replay)
                asked = critic_prompt_of(records)
                if confidence_model is not None and asked and asked != settings.critic_prompt_id:
                    # the scores would be read on another prompt's scale
                    raise ConfigError(
                        f"{replay} holds the answers of critic prompt {asked}, the confidence "
                        f"model expects {settings.critic_prompt_id} (CRITIC_PROMPT_VERSION): "
                        "re-ask them with bench/critic_rescore.py"
                    )
                if confidence_model is not None and confidence_model.uses("row_pmi"):
                    unmeasured = [
                        r.code
                        for r in records
                        for c in r.entry.get("critiques", [])
                        if c.get("score") is not None and "row_pmi" not in c
                    ]
                    if unmeasured:  # every such row would be left unapplied
                        raise ConfigError(
                            f"{replay}: {len(unmeasured)} critic answers (e.g. of "
                            f"{unmeasured[0]}) lack row_pmi, which the confidence model reads: "
                            f"measure them with `python bench/backfill_records.py --row-pmi "
                            f"{replay}`"
                        )
            else:
                with progress_bar(quiet=as_json) as progress:
                    task = progress.add_task(label, total=None)
                    records = collect(
                        settings,
                        spec,
                        split,
                        limit=limit,
                        start=start,
                        config=config,
                        on_progress=item_progress(progress, task, prefix=f"{label} "),
                        items=items,
                    )
            records_by_model[f"{label}|{config.name}"] = records
            summary = summarize(
                records,
                model=label,
                config=config,
                threshold=settings.CRITIC_APPROVAL_THRESHOLD,
                max_retries=settings.MAX_RETRIES_CRITIC,
                target_precision=target_precision,
                confidence_model=confidence_model,
            )
            results.append({**summary, **evaluated.report_fields()})
    folder = out or settings.reports_dir / f"eval_{new_run_id()}"
    document = write_reports(
        folder,
        split if gold is None else gold.name,
        results,
        records_by_model,
        settings.MAX_RETRIES_CRITIC,
        confidence_model=confidence_model,
    )
    from finetune.tracking import log_evaluation

    tracked = log_evaluation(
        settings,
        folder=folder,
        split=split if gold is None else f"gold:{gold.name}",
        results=results,
        confidence=confidence,
        # only a whole split in the engine's own configuration counts for `finetune promote`
        full_split=gold is None
        and limit is None
        and start == 0
        and not dense_only
        and not no_critic,
        options={"replay": replay is not None, "limit": limit, "start": start or None},
    )
    if as_json:
        emit_json({**document, "mlflow": tracked.as_dict()})
        return
    for r in results:
        err.print(
            f"{r['model']} ({r['configuration']}): R@3 {r['recall_at_3']}, MRR {r['mrr']}, "
            f"critic AUC {r.get('critic_auc')}, confidence AUC {r.get('confidence_auc')}, "
            f"at threshold {r['threshold']}: precision {r['precision']}, coverage "
            f"{r['coverage']}, escalation accuracy {r['escalation_accuracy']}, injection "
            f"actions {r['injection_actions']}; recommended threshold "
            f"{r['recommended_threshold']}"
        )
    err.print(f"Reports in {folder}")
    err.print(f"Confidence model: {confidence.describe()}", markup=False)
    err.print(tracked.message(), markup=False)


def calibrate(
    records: Annotated[
        Path,
        typer.Option(
            exists=True,
            dir_okay=False,
            help="records.jsonl of `resolvia evaluate --split dev` (collected for calibration).",
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(help="Where to write the model (default: the CONFIDENCE_MODEL path)."),
    ] = None,
    target_precision: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Precision the recommended threshold needs.")
    ] = 0.95,
    gold: Annotated[
        Path | None,
        typer.Option(
            "--gold",
            exists=True,
            dir_okay=False,
            metavar="FILE",
            help="Reviewers' labels (`resolvia review --export FILE`) whose incidents the "
            "records may also hold (from `resolvia evaluate --gold FILE`); never test items.",
        ),
    ] = None,
    compare: Annotated[
        int,
        typer.Option(
            min=1,
            max=5,
            help="Candidates the critic judges before any is taken (the policy the model is "
            "fitted for; the records must hold that many critiques per incident).",
        ),
    ] = 1,
    threshold: Annotated[
        int | None,
        typer.Option(
            min=0,
            max=100,
            help="The operating threshold the deployment will use, recorded with its "
            "out-of-fold precision and coverage (default: the recommended one).",
        ),
    ] = None,
    without: Annotated[
        list[str] | None,
        typer.Option(
            "--without",
            metavar="FEATURE",
            help="A feature of the engine the model leaves out (repeatable), e.g. row_pmi.",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Fit the confidence model on dev-split evidence (cross-validated by incident) and write
    it as a readable JSON artifact with its training metrics and data hash."""
    from finetune.calibrate import calibrate as fit_model
    from finetune.calibrate import read_records, write_model
    from finetune.gold import TEST_SPLITS, load_gold, read_gold_file

    settings = setup()
    folder = settings.RESOURCES_DIR / "evaluacion"
    dev = {g.code for g in load_gold(folder, "dev")}
    if gold is not None:
        labelled = {g.code for g in read_gold_file(gold)}
        held_out = {g.code for split in TEST_SPLITS for g in load_gold(folder, split)}
        if labelled & held_out:
            err.print(
                f"error: {gold} labels incidents of the test splits, which calibration never "
                f"sees: {sorted(labelled & held_out)[0]}"
            )
            raise typer.Exit(ExitCode.USAGE)
        dev |= labelled
    loaded = read_records(records)
    outside = sorted({r.code for r in loaded} - dev)
    if outside:
        err.print(
            f"error: calibration fits on the dev split (and --gold labels) only; {records} holds "
            f"{len(outside)} other incident(s), e.g. {outside[0]}"
        )
        raise typer.Exit(ExitCode.USAGE)
    target = out or settings.confidence_model_path
    if target is None:
        err.print("error: CONFIDENCE_MODEL=critico: say where to write the model with --out")
        raise typer.Exit(ExitCode.USAGE)
    from adapters.embeddings import embedding_identity

    with expected_failures():
        model, report = fit_model(
            loaded,
            max_retries=settings.MAX_RETRIES_CRITIC,
            target_precision=target_precision,
            source=f"{records.name} ({len(loaded)} dev incidents)",
            # the records' dense similarities came from this embedder (same settings as the
            # evaluation that wrote them)
            embedding_model=embedding_identity(settings.EMBEDDING_MODEL),
            compare=compare,
            operating_threshold=threshold,
            without=tuple(without or ()),
        )
        write_model(model, target)
    from finetune.tracking import log_calibration

    # logged, and registered as a new version of CONFIDENCE_MODEL_NAME (not promoted)
    tracked = log_calibration(
        settings, model=model, artifact=target, report=report, records=records
    )
    if as_json:
        emit_json({"model": str(target), **report, "mlflow": tracked.as_dict()})
        return
    cv = report["cross_validation"]
    err.print(
        f"{target}: {report['examples']} candidates of {report['incidents']} incidents; "
        f"cross-validated AUC {cv['auc']}, ECE {cv['ece']}, Brier {cv['brier']}; "
        f"recommended threshold {report['recommended_threshold']} "
        f"(at it, out of fold: {report['at_recommended']}); operating threshold "
        f"{report['operating_threshold']} (out of fold: {report['at_operating']})"
    )
    err.print(tracked.message(), markup=False)
