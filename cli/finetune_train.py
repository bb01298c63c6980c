"""``resolvia finetune train``: LoRA fine-tuning of a bundled model for the critic."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from cli.common import JsonOpt, emit_json, err, expected_failures, setup

BaseName = Literal["qwen2.5-coder-0.5b", "qwen2.5-coder-1.5b"]
Device = Literal["cpu", "cuda"]


def train(
    data: Annotated[
        Path,
        typer.Option(
            file_okay=False,
            help="Dataset folder of `resolvia finetune dataset` (train.chat.jsonl, "
            "validation.chat.jsonl, card.json).",
        ),
    ],
    base: Annotated[BaseName, typer.Option(help="Bundled base model.")] = "qwen2.5-coder-0.5b",
    device: Annotated[
        Device, typer.Option(help="cpu, or cuda for an NVIDIA GPU (fails if none).")
    ] = "cpu",
    steps: Annotated[
        int | None, typer.Option(min=1, help="Optimizer steps (default: --epochs passes).")
    ] = None,
    epochs: Annotated[
        int, typer.Option(min=1, help="Passes over the training split (without --steps).")
    ] = 1,
    lr: Annotated[float, typer.Option(min=0.0, help="Learning rate (AdamW).")] = 2e-4,
    rank: Annotated[int, typer.Option(min=1, max=256, help="LoRA rank.")] = 16,
    alpha: Annotated[
        int | None, typer.Option(min=1, help="LoRA alpha (default: 2 x rank).")
    ] = None,
    mlp: Annotated[
        bool, typer.Option("--mlp", help="Also adapt the MLP projections, not only attention.")
    ] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Examples per step.")] = 4,
    max_length: Annotated[
        int,
        typer.Option(min=16, help="Longer conversations (tokens) are left out, and counted."),
    ] = 1024,
    eval_every: Annotated[
        int, typer.Option(min=0, help="Evaluate every N steps (0: before and at the end).")
    ] = 0,
    seed: Annotated[int, typer.Option(help="Seed of the initialisation and example order.")] = 0,
    out: Annotated[
        Path | None,
        typer.Option(
            file_okay=False, help="Run folder (default: DATA_DIR/finetune/runs/<timestamp>)."
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Fine-tune a LoRA of a bundled model for the critic on a dataset folder, evaluate it on
    the validation split, and write the peft adapter, the llama.cpp adapter (adapter.gguf, for
    LLM_LORA_ADAPTER) and metrics.json."""
    from finetune.lora import TrainConfig, default_out_dir, load_bundled_base
    from finetune.lora import train as run_training

    settings = setup(job="finetune-train")
    config = TrainConfig(
        data=data,
        out=out or default_out_dir(settings.DATA_DIR),
        base=base,
        device=device,
        steps=steps,
        epochs=epochs,
        lr=lr,
        rank=rank,
        alpha=alpha,
        mlp=mlp,
        batch_size=batch_size,
        max_length=max_length,
        eval_every=eval_every,
        seed=seed,
    )

    def on_event(kind: str, fields: dict[str, Any]) -> None:
        # progress lines on stderr (also with --json: stdout holds only the result)
        if kind == "step":
            err.print(
                f"step {fields['step']}/{fields['steps']}: loss {fields['loss']:.4f}, "
                f"lr {fields['lr']:.2e}, {fields['seconds']:.1f} s",
                highlight=False,
            )
        elif kind == "eval":
            accuracy = fields["val_accuracy"]
            shown = "n/a" if accuracy is None else f"{accuracy:.3f}"
            err.print(
                f"validation at step {fields['step']}: loss {fields['val_loss']}, «sí»/«no» "
                f"accuracy {shown} ({fields['val_judged']} judged, "
                f"{fields['val_unanswered']} without «sí»/«no» in the top 20)",
                highlight=False,
            )
        else:
            err.print(fields["message"], highlight=False)

    with expected_failures():
        result = run_training(config, load_bundled_base(settings.MODELS_DIR), on_event)
    from finetune.tracking import log_training

    tracked = log_training(result.tracking(), settings)
    m = result.metrics
    if as_json:
        emit_json({"out": str(result.out), **m, "mlflow": tracked.as_dict()})
        return
    final, initial = m["final"], m["initial"]
    err.print(
        f"{result.out}: {m['steps']} steps on {m['device']} in {m['seconds']['total']} s "
        f"({m['seconds']['per_step']} s/step); validation loss {initial['val_loss']} -> "
        f"{final['val_loss']}, accuracy {initial['val_accuracy']} -> {final['val_accuracy']}\n"
        f"serve it with LLM_LORA_ADAPTER={result.adapter_gguf} "
        f"LLM_MODEL=llamacpp/{m['base_model']['name']}",
        highlight=False,
        soft_wrap=True,
    )
    err.print(tracked.message(), markup=False)
