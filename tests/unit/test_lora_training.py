"""LoRA training data and loop: chat JSONL read and checked, the loss only on the reply, and a
run of a tiny Qwen2 made in the test (no download) that writes the peft adapter, the llama.cpp
adapter and metrics.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import gguf
import pytest
import torch
import typer
from typer.testing import CliRunner

from adapters.llm.lora import read_adapter
from errors import LoraTrainingError
from finetune.lora import LoadedBase, TrainConfig, resolve_device, train
from finetune.lora_data import IGNORE, encode, read_dataset
from tests.lora_support import critic_example, tiny_qwen2, tiny_tokenizer, write_dataset


@pytest.fixture(scope="module")
def tokenizer() -> Any:
    return tiny_tokenizer()


def test_dataset_keeps_the_critic_examples_and_reads_the_card(tmp_path: Path) -> None:
    data = read_dataset(write_dataset(tmp_path / "ds", train=6, validation=2))
    assert len(data.train.examples) == 6
    assert data.train.other_task == 1  # the reformulate line is not trained on
    assert len(data.validation.examples) == 2
    assert data.card_hash == "abc123"
    assert data.card_sha256 is not None and len(data.card_sha256) == 64
    assert [e.expected_yes for e in data.train.examples[:4]] == [True, True, True, False]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("not json", "not JSON"),
        (json.dumps({"messages": [{"role": "user", "content": "x"}]}), "prompt and a reply"),
        (
            json.dumps(
                {
                    "messages": [
                        {"role": "user", "content": "x"},
                        {"role": "user", "content": "y"},
                    ]
                }
            ),
            "assistant",
        ),
        (json.dumps({"messages": [{"role": "boss", "content": "x"}] * 2}), "bad message"),
    ],
)
def test_a_bad_line_is_refused_with_its_file_and_line_number(
    tmp_path: Path, line: str, words: str
) -> None:
    folder = write_dataset(tmp_path / "ds")
    train_file = folder / "train.chat.jsonl"
    train_file.write_text(train_file.read_text("utf-8") + line + "\n", "utf-8")
    with pytest.raises(LoraTrainingError, match=words) as refused:
        read_dataset(folder)
    assert f"{train_file}:8" in str(refused.value)


def test_a_dataset_without_critic_examples_or_with_shared_incidents_is_refused(
    tmp_path: Path,
) -> None:
    folder = write_dataset(tmp_path / "ds")
    (folder / "validation.chat.jsonl").write_text("", "utf-8")
    with pytest.raises(LoraTrainingError, match="no 'critique' examples"):
        read_dataset(folder)
    shared = critic_example("INC000", "otra incidencia", "Contraseña caducada", True)
    (folder / "validation.chat.jsonl").write_text(json.dumps(shared) + "\n", "utf-8")
    with pytest.raises(LoraTrainingError, match="both train and validation"):
        read_dataset(folder)
    with pytest.raises(LoraTrainingError, match="resolvia finetune dataset"):
        read_dataset(tmp_path / "nowhere")


def test_only_the_reply_and_its_end_of_turn_carry_a_loss(tokenizer: Any) -> None:
    example = read_dataset_example(True)
    encoded = encode(example, tokenizer, max_length=4096)
    assert encoded is not None
    prompt_ids = tokenizer.apply_chat_template(
        example.prompt, tokenize=True, add_generation_prompt=True
    )["input_ids"]
    assert encoded.input_ids[: len(prompt_ids)] == prompt_ids
    assert encoded.prompt_length == len(prompt_ids)
    assert set(encoded.labels[: encoded.prompt_length]) == {IGNORE}
    trained = [t for t in encoded.labels if t != IGNORE]
    assert tokenizer.decode(trained).startswith("sí<|im_end|>")
    assert encoded.expected_yes is True
    assert encode(example, tokenizer, max_length=10) is None  # too long: left out, not cut


def read_dataset_example(right: bool) -> Any:
    from finetune.lora_data import parse_example

    line = json.dumps(critic_example("INC1", "No puedo entrar", "Contraseña caducada", right))
    return parse_example(line, Path("x.jsonl"), 1)


def tiny_loader(tokenizer: Any) -> Any:
    def load(config: TrainConfig, device: torch.device, dtype: torch.dtype) -> LoadedBase:
        return LoadedBase(
            model=tiny_qwen2(),
            tokenizer=tokenizer,
            name="tiny-qwen2",
            path=None,
            sha256="0" * 64,
            seconds=0.0,
        )

    return load


def test_a_run_trains_evaluates_and_writes_both_adapters_and_metrics(
    tmp_path: Path, tokenizer: Any
) -> None:
    events: list[tuple[str, dict[str, Any]]] = []
    config = TrainConfig(
        data=write_dataset(tmp_path / "ds", train=6, validation=3),
        out=tmp_path / "run",
        steps=4,
        batch_size=2,
        rank=4,
        lr=5e-3,
        eval_every=2,
    )
    result = train(
        config, tiny_loader(tokenizer), lambda kind, fields: events.append((kind, fields))
    )

    metrics = json.loads((tmp_path / "run" / "metrics.json").read_text("utf-8"))
    assert metrics["steps"] == 4
    assert metrics["base_model"] == {"name": "tiny-qwen2", "path": "None", "sha256": "0" * 64}
    assert metrics["dataset"]["card_hash"] == "abc123"
    assert metrics["dataset"]["train_examples"] == 6
    assert metrics["dataset"]["validation_examples"] == 3
    assert metrics["device"] == "cpu"
    assert [p["step"] for p in metrics["history"]] == [0, 2, 4]
    final = metrics["final"]
    assert final["val_loss"] > 0 and final["train_loss"] > 0
    # a random model: judged on every example, «sí»/«no» in its top 20 or not
    assert final["val_judged"] == 3
    assert final["val_accuracy"] is None or 0.0 <= final["val_accuracy"] <= 1.0
    assert metrics["seconds"]["per_step"] > 0
    assert metrics["memory"]["peak_rss_mb"] > 0
    # the loss on the training replies went down
    steps = [f["loss"] for kind, f in events if kind == "step"]
    assert len(steps) == 4 and steps[-1] < steps[0]

    assert (tmp_path / "run" / "peft" / "adapter_config.json").is_file()
    info, _ = read_adapter(result.adapter_gguf)
    assert (info.rank, info.alpha, info.architecture) == (4, 8.0, "qwen2")
    assert info.metadata["base_model"] == "tiny-qwen2"
    assert len(info.targets) == 8

    tracked = result.tracking()
    assert tracked["params"]["rank"] == 4 and tracked["params"]["base_sha256"] == "0" * 64
    assert tracked["metrics"]["val_loss"] == final["val_loss"]
    assert ("val_loss", final["val_loss"], 4) in tracked["history"]
    assert tracked["artifacts"]["adapter_gguf"] == str(result.adapter_gguf)

    with pytest.raises(LoraTrainingError, match="already holds"):  # nothing overwritten
        train(config, tiny_loader(tokenizer))


def test_the_exported_adapter_holds_the_trained_weights(tmp_path: Path, tokenizer: Any) -> None:
    config = TrainConfig(data=write_dataset(tmp_path / "ds"), out=tmp_path / "run", steps=1, rank=2)
    result = train(config, tiny_loader(tokenizer))
    reader = gguf.GGUFReader(result.adapter_gguf)
    b = next(t for t in reader.tensors if t.name == "blk.0.attn_q.weight.lora_b")
    # peft starts B at zero; one step of training moved it
    assert float(abs(b.data).sum()) > 0


def test_cuda_requested_without_a_gpu_fails_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(LoraTrainingError, match="--device cuda: no CUDA GPU"):
        resolve_device("cuda")


def test_the_command_reports_a_bad_dataset_in_one_line(tmp_path: Path) -> None:
    from cli.finetune_train import train as train_command

    app = typer.Typer()  # the command as the lead mounts it (`resolvia finetune train`)
    app.command()(train_command)
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(app, ["--data", str(tmp_path / "empty")])
    assert result.exit_code == 1
    assert "train.chat.jsonl not found" in result.output


def test_the_reply_only_loss_equals_the_models_own_loss(tokenizer: Any) -> None:
    """The loss from the reply positions' logits alone is the model's full-vocabulary loss."""
    from finetune.lora import _reply_logits
    from finetune.lora_data import batches

    items = [
        encode(read_dataset_example(right), tokenizer, max_length=4096) for right in (True, False)
    ]
    batch = batches([i for i in items if i is not None], 2, tokenizer.pad_token_id)[0]
    tensors = {k: torch.tensor(v) for k, v in batch.items()}
    model = tiny_qwen2()
    with torch.no_grad():
        logits, targets, _ = _reply_logits(model, tensors)
        ours = torch.nn.functional.cross_entropy(logits, targets)
        theirs = model(**tensors).loss
    assert float(ours) == pytest.approx(float(theirs), rel=1e-5)
