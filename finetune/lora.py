"""LoRA fine-tuning of a bundled Qwen2.5 model for the critic, exported for llama.cpp.

``train`` loads the bundled GGUF base with ``transformers`` (it dequantises the Q4_K_M
weights to floats), puts peft LoRA layers on the attention projections (and, with ``mlp``,
on the MLP's), trains them on ``train.chat.jsonl`` with the loss on the reply only, evaluates
on ``validation.chat.jsonl`` (loss, and for the critic the accuracy of «sí»/«no» read the way
the engine reads it: the share of yes among the yes/no tokens in the first answer token's top
20), and writes to the run folder:

* ``peft/`` — the adapter in peft's own format (to train further or merge),
* ``adapter.gguf`` — the same LoRA as a llama.cpp adapter (``LLM_LORA_ADAPTER``),
* ``metrics.json`` — steps, losses, accuracy, seconds, device, memory, the base model and its
  SHA-256, the dataset card's hash.

:meth:`TrainResult.tracking` gives the run's params, metrics and artifacts for an experiment
tracker. Nothing is downloaded: the base comes from MODELS_DIR.
"""

from __future__ import annotations

import json
import math
import random
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from adapters.llm.client import yes_share
from errors import LoraTrainingError
from finetune.lora_data import IGNORE, DatasetFiles, Encoded, batches, encode, read_dataset
from finetune.lora_gguf import export_gguf_adapter

if TYPE_CHECKING:
    import torch

Device = Literal["cpu", "cuda"]
#: Hugging Face names of the projections LoRA adapts
ATTENTION = ("q_proj", "k_proj", "v_proj", "o_proj")
MLP = ("gate_proj", "up_proj", "down_proj")
#: as many alternatives of the first answer token as the engine asks the server for
TOP_LOGPROBS = 20
ADAPTER_FILE = "adapter.gguf"
METRICS_FILE = "metrics.json"
PEFT_DIR = "peft"


@dataclass(frozen=True)
class TrainConfig:
    """One fine-tuning run's knobs (the command's options)."""

    data: Path
    out: Path
    base: str = "qwen2.5-coder-0.5b"
    device: Device = "cpu"
    #: optimizer steps; None = as many as ``epochs`` passes over the training split take
    steps: int | None = None
    epochs: int = 1
    lr: float = 2e-4
    rank: int = 16
    #: LoRA alpha; None = 2 x rank
    alpha: int | None = None
    dropout: float = 0.05
    #: also adapt the MLP projections (more capacity, about 3x the adapter's size)
    mlp: bool = False
    batch_size: int = 4
    #: longer conversations (in tokens) are left out, and counted
    max_length: int = 1024
    #: evaluate every N steps (0 = only before training and at the end)
    eval_every: int = 0
    seed: int = 0
    task: str = "critique"

    @property
    def lora_alpha(self) -> int:
        return self.alpha if self.alpha is not None else 2 * self.rank

    @property
    def target_modules(self) -> tuple[str, ...]:
        return ATTENTION + MLP if self.mlp else ATTENTION


@dataclass
class LoadedBase:
    """The base model ready to train, and where it came from."""

    model: Any
    tokenizer: Any
    name: str
    path: Path | None
    sha256: str | None
    seconds: float


#: (config, torch device, dtype) -> the base; injected so tests can use a tiny model
BaseLoader = Callable[[TrainConfig, "torch.device", "torch.dtype"], LoadedBase]
#: progress events: ("step" | "eval" | "info", fields)
OnEvent = Callable[[str, dict[str, Any]], None]


@dataclass
class TrainResult:
    """What a run produced: the folder, its files, its figures."""

    out: Path
    adapter_gguf: Path
    peft_dir: Path
    metrics_file: Path
    metrics: dict[str, Any]
    config: TrainConfig

    def tracking(self) -> dict[str, Any]:
        """The run for an experiment tracker (MLflow): ``params`` (flat, str-able),
        ``metrics`` (final numbers), ``history`` ((name, value, step) of every evaluation and
        step), ``artifacts`` (name -> path) and ``tags``."""
        m = self.metrics
        params = {
            k: (str(v) if isinstance(v, Path) else v)
            for k, v in asdict(self.config).items()
            if k not in ("data", "out")
        }
        params.update(
            data=str(self.config.data),
            lora_alpha=self.config.lora_alpha,
            target_modules=",".join(self.config.target_modules),
            base_sha256=m["base_model"]["sha256"],
            train_examples=m["dataset"]["train_examples"],
            validation_examples=m["dataset"]["validation_examples"],
        )
        final = m["final"]
        metrics = {
            "train_loss": final["train_loss"],
            "val_loss": final["val_loss"],
            "val_accuracy": final["val_accuracy"],
            "initial_val_loss": m["initial"]["val_loss"],
            "initial_val_accuracy": m["initial"]["val_accuracy"],
            "seconds": m["seconds"]["total"],
            "train_seconds": m["seconds"]["train"],
            "seconds_per_step": m["seconds"]["per_step"],
            "peak_rss_mb": m["memory"]["peak_rss_mb"],
        }
        history: list[tuple[str, float, int]] = []
        for point in m["history"]:
            for name in ("train_loss", "val_loss", "val_accuracy"):
                if point.get(name) is not None:
                    history.append((name, float(point[name]), int(point["step"])))
        return {
            "params": params,
            "metrics": {k: v for k, v in metrics.items() if v is not None},
            "history": history,
            "artifacts": {
                "adapter_gguf": str(self.adapter_gguf),
                "peft_adapter": str(self.peft_dir),
                "metrics": str(self.metrics_file),
            },
            "tags": {
                "task": self.config.task,
                "base_model": m["base_model"]["name"],
                "device": m["device"],
                "dataset_card_sha256": m["dataset"]["card_sha256"] or "",
            },
        }


def default_out_dir(data_dir: Path) -> Path:
    """``DATA_DIR/finetune/runs/<UTC timestamp>``."""
    return data_dir / "finetune" / "runs" / datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def resolve_device(device: Device) -> tuple[torch.device, torch.dtype]:
    """The torch device and the dtype the base is trained in: float32 on CPU (bfloat16 there
    is slower on most CPUs), bfloat16 on a GPU that has it, else float32."""
    import torch

    if device == "cuda":
        if not torch.cuda.is_available():
            built = torch.version.cuda or "without CUDA (a CPU build)"
            raise LoraTrainingError(
                f"--device cuda: no CUDA GPU is available here (torch {torch.__version__} is "
                f"built {built}); run on a machine with an NVIDIA GPU and a CUDA build of "
                f"torch, or use --device cpu"
            )
        dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float32
        return torch.device("cuda"), dtype
    return torch.device("cpu"), torch.float32


def load_bundled_base(models_dir: Path) -> BaseLoader:
    """A loader of the registry's bundled GGUF models from ``models_dir``."""

    def load(config: TrainConfig, device: torch.device, dtype: torch.dtype) -> LoadedBase:
        from transformers import AutoModelForCausalLM, AutoTokenizer

        from adapters.llm import assembly
        from adapters.llm.registry import bundled_models

        entries = {m.name: m for m in bundled_models()}
        entry = entries.get(config.base)
        if entry is None:
            raise LoraTrainingError(
                f"--base {config.base!r} is not a bundled model (bundled: {sorted(entries)})"
            )
        path = entry.file_path(models_dir)
        if not assembly.is_ready(entry, models_dir):
            result = assembly.verify(entry, models_dir, full=False)
            if not result.ok:
                raise LoraTrainingError(
                    f"base model {entry.name} is {result.status} at {path} ({result.detail}); "
                    f"run `make install` or `resolvia models pull {entry.name}`"
                )
        started = time.perf_counter()
        tokenizer = AutoTokenizer.from_pretrained(path.parent, gguf_file=path.name)
        model: Any = AutoModelForCausalLM.from_pretrained(
            path.parent, gguf_file=path.name, dtype=dtype
        )
        model.to(device)
        return LoadedBase(
            model=model,
            tokenizer=tokenizer,
            name=entry.name,
            path=path,
            sha256=entry.sha256,
            seconds=time.perf_counter() - started,
        )

    return load


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux, in bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def _reply_logits(model: Any, tensors: dict[str, torch.Tensor]) -> tuple[Any, Any, Any]:
    """Logits only where a reply token is predicted, their targets, and (rows, positions).

    The vocabulary projection of every prompt position would cost a fifth of the model's
    work and (151,936 floats a position) most of its memory, for positions without a loss.
    """
    import torch

    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    hidden = base.get_decoder()(
        input_ids=tensors["input_ids"], attention_mask=tensors["attention_mask"]
    ).last_hidden_state
    targets = tensors["labels"][:, 1:]
    mask = targets != IGNORE
    logits = base.get_output_embeddings()(hidden[:, :-1][mask]).float()
    return logits, targets[mask], torch.nonzero(mask, as_tuple=True)


@dataclass
class _Evaluation:
    loss: float | None
    accuracy: float | None
    judged: int
    #: examples whose first-token top 20 held neither «sí» nor «no»
    unanswered: int
    tokens: int = field(default=0)


def _evaluate(
    model: Any,
    tokenizer: Any,
    items: list[Encoded],
    batch_size: int,
    pad_id: int,
    device: torch.device,
) -> _Evaluation:
    """Loss over the replies' tokens, and the «sí»/«no» accuracy of the first answer token."""
    import torch

    model.eval()
    loss_sum = 0.0
    tokens = correct = judged = unanswered = 0
    with torch.no_grad():
        for start, batch in zip(
            range(0, len(items), batch_size), batches(items, batch_size, pad_id), strict=True
        ):
            group = items[start : start + batch_size]
            tensors = {k: torch.tensor(v, device=device) for k, v in batch.items()}
            logits, targets, where = _reply_logits(model, tensors)
            # summed so that batches weigh by their tokens
            loss_sum += float(torch.nn.functional.cross_entropy(logits, targets, reduction="sum"))
            tokens += len(targets)
            rows, positions = where
            for row, example in enumerate(group):
                if example.expected_yes is None:
                    continue
                judged += 1
                # causal model: the logits at the prompt's last token are the first answer
                # token's distribution, what the server's logprobs report
                first = int(((rows == row) & (positions == example.prompt_length - 1)).nonzero()[0])
                logprobs = torch.log_softmax(logits[first], dim=-1)
                top = torch.topk(logprobs, TOP_LOGPROBS)
                share = yes_share(
                    (tokenizer.decode([int(i)]), float(v))
                    for v, i in zip(top.values, top.indices, strict=True)
                )
                if share is None:
                    unanswered += 1
                elif (share >= 0.5) == example.expected_yes:
                    correct += 1
    model.train()
    return _Evaluation(
        loss=loss_sum / tokens if tokens else None,
        accuracy=correct / judged if judged else None,
        judged=judged,
        unanswered=unanswered,
        tokens=tokens,
    )


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _encode_splits(
    data: DatasetFiles, tokenizer: Any, config: TrainConfig, emit: OnEvent
) -> tuple[list[Encoded], list[Encoded], dict[str, int]]:
    """Both splits as token ids; conversations over ``max_length`` left out and counted."""
    encoded = {
        name: [encode(e, tokenizer, config.max_length) for e in split.examples]
        for name, split in (("train", data.train), ("validation", data.validation))
    }
    kept = {name: [e for e in items if e is not None] for name, items in encoded.items()}
    too_long = {name: len(encoded[name]) - len(kept[name]) for name in encoded}
    for name, items in kept.items():
        if not items:
            raise LoraTrainingError(
                f"every {name} example is longer than --max-length {config.max_length} "
                f"tokens; raise --max-length"
            )
    if any(too_long.values()):
        emit(
            "info",
            {
                "message": f"left out as longer than {config.max_length} tokens: "
                f"{too_long['train']} train, {too_long['validation']} validation"
            },
        )
    return kept["train"], kept["validation"], too_long


@dataclass
class _Fit:
    history: list[dict[str, Any]]
    steps: int
    warmup: int
    #: optimizer steps only, without the evaluations in between
    step_seconds: float
    seconds: float


def _fit(
    model: Any,
    tokenizer: Any,
    train_set: list[Encoded],
    val_set: list[Encoded],
    config: TrainConfig,
    device: torch.device,
    pad_id: int,
    emit: OnEvent,
) -> _Fit:
    """The training loop: AdamW on the LoRA parameters, linear warm-up then decay, gradient
    norm clipped at 1, evaluations before, every ``eval_every`` steps and at the end."""
    import torch

    per_epoch = math.ceil(len(train_set) / config.batch_size)
    total = config.steps if config.steps is not None else per_epoch * config.epochs
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=config.lr, weight_decay=0.0)
    warmup = max(1, total // 10)

    def rate(s: int) -> float:  # to a tenth of the rate at the last step
        return (s + 1) / warmup if s < warmup else 1.0 - 0.9 * (s - warmup) / max(1, total - warmup)

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, rate)

    def evaluation(step: int, losses: list[float]) -> dict[str, Any]:
        result = _evaluate(model, tokenizer, val_set, config.batch_size, pad_id, device)
        point = {
            "step": step,
            "train_loss": _round(sum(losses) / len(losses)) if losses else None,
            "val_loss": _round(result.loss),
            "val_accuracy": _round(result.accuracy),
            "val_judged": result.judged,
            "val_unanswered": result.unanswered,
        }
        emit("eval", point)
        return point

    history = [evaluation(0, [])]
    shuffle = random.Random(config.seed).shuffle  # noqa: S311 - example order, not crypto
    model.train()
    step = 0
    recent: list[float] = []
    step_seconds = 0.0
    started = time.perf_counter()
    while step < total:
        order = list(train_set)
        shuffle(order)
        for batch in batches(order, config.batch_size, pad_id):
            step_started = time.perf_counter()
            tensors = {k: torch.tensor(v, device=device) for k, v in batch.items()}
            logits, targets, _ = _reply_logits(model, tensors)
            loss = torch.nn.functional.cross_entropy(logits, targets)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, max_norm=1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            took = time.perf_counter() - step_started
            step_seconds += took
            value = float(loss.detach())
            recent.append(value)
            emit(
                "step",
                {
                    "step": step,
                    "steps": total,
                    "loss": round(value, 4),
                    "lr": scheduler.get_last_lr()[0],
                    "seconds": round(took, 2),
                },
            )
            if step >= total:
                break
            if config.eval_every and step % config.eval_every == 0:
                history.append(evaluation(step, recent))
                recent = []
    seconds = time.perf_counter() - started
    history.append(evaluation(step, recent))
    return _Fit(history, step, warmup, step_seconds, seconds)


def train(
    config: TrainConfig, load_base: BaseLoader, on_event: OnEvent | None = None
) -> TrainResult:
    """Train, evaluate and export one LoRA run (see the module's docstring)."""
    import torch
    from peft import LoraConfig, get_peft_model

    emit = on_event or (lambda kind, fields: None)
    started = time.perf_counter()
    if (config.out / ADAPTER_FILE).exists() or (config.out / METRICS_FILE).exists():
        raise LoraTrainingError(
            f"{config.out} already holds a fine-tuning run; choose another --out (nothing "
            f"was overwritten)"
        )
    device, dtype = resolve_device(config.device)
    data = read_dataset(config.data, config.task)
    emit(
        "info",
        {
            "message": f"{len(data.train.examples)} train / {len(data.validation.examples)} "
            f"validation {config.task} examples; loading {config.base} on {device}",
        },
    )
    torch.manual_seed(config.seed)
    base = load_base(config, device, dtype)
    rss_after_load = _peak_rss_mb()
    emit("info", {"message": f"{base.name} loaded in {base.seconds:.0f} s"})
    tokenizer = base.tokenizer
    pad_id = tokenizer.pad_token_id
    if pad_id is None:
        pad_id = tokenizer.eos_token_id
    train_set, val_set, too_long = _encode_splits(data, tokenizer, config, emit)
    lora = LoraConfig(
        r=config.rank,
        lora_alpha=config.lora_alpha,
        lora_dropout=config.dropout,
        target_modules=list(config.target_modules),
        bias="none",
        task_type="CAUSAL_LM",
    )
    model = get_peft_model(base.model, lora)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    fit = _fit(model, tokenizer, train_set, val_set, config, device, pad_id, emit)

    config.out.mkdir(parents=True, exist_ok=True)
    peft_dir = config.out / PEFT_DIR
    model.save_pretrained(str(peft_dir))
    adapter = export_gguf_adapter(
        model,
        config.out / ADAPTER_FILE,
        metadata={
            "base_model": base.name,
            "base_sha256": base.sha256 or "",
            "task": config.task,
            "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )
    memory: dict[str, Any] = {
        "peak_rss_mb": _peak_rss_mb(),
        "peak_rss_after_load_mb": rss_after_load,
    }
    if device.type == "cuda":
        memory["cuda_peak_allocated_mb"] = round(torch.cuda.max_memory_allocated() / 2**20, 1)
    metrics = {
        "task": config.task,
        "steps": fit.steps,
        "epochs_seen": round(fit.steps * config.batch_size / len(train_set), 2),
        "device": str(device),
        "dtype": str(dtype).removeprefix("torch."),
        "torch_threads": torch.get_num_threads(),
        "base_model": {"name": base.name, "path": str(base.path), "sha256": base.sha256},
        "lora": {
            "rank": config.rank,
            "alpha": config.lora_alpha,
            "dropout": config.dropout,
            "target_modules": list(config.target_modules),
            "trainable_parameters": trainable,
            "gguf_tensors": adapter.tensors,
        },
        "optimizer": {"lr": config.lr, "batch_size": config.batch_size, "warmup": fit.warmup},
        "dataset": {
            "folder": str(config.data),
            "train_examples": len(train_set),
            "validation_examples": len(val_set),
            "left_out_too_long": too_long,
            "other_tasks": {
                "train": data.train.other_task,
                "validation": data.validation.other_task,
            },
            "card_sha256": data.card_sha256,
            "card_hash": data.card_hash,
        },
        "initial": fit.history[0],
        "final": fit.history[-1],
        "history": fit.history,
        "seconds": {
            "load": round(base.seconds, 1),
            "train": round(fit.seconds, 1),
            "per_step": round(fit.step_seconds / fit.steps, 2) if fit.steps else None,
            "total": round(time.perf_counter() - started, 1),
        },
        "memory": memory,
        "artifacts": {"adapter_gguf": ADAPTER_FILE, "peft_adapter": PEFT_DIR},
    }
    metrics_file = config.out / METRICS_FILE
    metrics_file.write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return TrainResult(
        out=config.out,
        adapter_gguf=adapter.path,
        peft_dir=peft_dir,
        metrics_file=metrics_file,
        metrics=metrics,
        config=config,
    )
