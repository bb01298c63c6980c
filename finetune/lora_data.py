"""Training data for the LoRA critic: chat JSONL in, token ids with the loss on the reply only.

The dataset builder (``resolvia finetune dataset``) writes ``train.chat.jsonl`` and
``validation.chat.jsonl``, one example a line::

    {"messages": [{"role": "system", ...}, {"role": "user", ...},
                  {"role": "assistant", "content": "sí"}],
     "incident_id": "...", "task": "critique", "label": ...}

with the assistant's target last, and a ``card.json`` beside them. Each example is rendered with
the base model's own chat template (the template the llama.cpp server applies when the engine
asks), and only the reply's tokens (and the end-of-turn token that closes it) carry a loss: the
model learns to answer, not to reproduce prompts.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from adapters.llm.client import answer_is_yes
from errors import LoraTrainingError

TRAIN_FILE = "train.chat.jsonl"
VALIDATION_FILE = "validation.chat.jsonl"
CARD_FILE = "card.json"
#: label id of the positions that carry no loss (PyTorch's cross-entropy ``ignore_index``)
IGNORE = -100
ROLES = frozenset({"system", "user", "assistant"})


@dataclass(frozen=True)
class ChatExample:
    """One training example: the conversation, its target reply last."""

    messages: tuple[dict[str, str], ...]
    incident_id: str
    task: str
    label: Any = None

    @property
    def prompt(self) -> list[dict[str, str]]:
        """The messages the model sees (everything but the target reply)."""
        return [dict(m) for m in self.messages[:-1]]

    @property
    def reply(self) -> str:
        return self.messages[-1]["content"]

    @property
    def expected_yes(self) -> bool | None:
        """The target read as the engine reads an answer: True «sí», False «no», None other."""
        return answer_is_yes(self.reply)


@dataclass
class SplitData:
    """The examples of one file that fit the task, and what was left out and why."""

    path: Path
    examples: list[ChatExample]
    #: lines of another task (the file may hold several)
    other_task: int = 0


def _bad(path: Path, number: int, why: str) -> LoraTrainingError:
    return LoraTrainingError(
        f"{path}:{number}: {why}; the file must hold one chat example per line as "
        f"`resolvia finetune dataset` writes them"
    )


def parse_example(line: str, path: Path, number: int) -> ChatExample:
    """One JSONL line, checked: messages with known roles and text, the assistant's last."""
    try:
        data = json.loads(line)
    except ValueError as exc:
        raise _bad(path, number, f"not JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise _bad(path, number, "not a JSON object")
    messages = data.get("messages")
    if not isinstance(messages, list) or len(messages) < 2:
        raise _bad(path, number, "`messages` must be a list with a prompt and a reply")
    for message in messages:
        if (
            not isinstance(message, dict)
            or message.get("role") not in ROLES
            or not isinstance(message.get("content"), str)
        ):
            raise _bad(path, number, f"bad message {str(message)[:80]!r}")
    if messages[-1]["role"] != "assistant" or not messages[-1]["content"].strip():
        raise _bad(path, number, "the last message must be the assistant's (non-empty) reply")
    return ChatExample(
        messages=tuple({"role": m["role"], "content": m["content"]} for m in messages),
        incident_id=str(data.get("incident_id", "")),
        task=str(data.get("task", "")),
        label=data.get("label"),
    )


def read_split(path: Path, task: str = "critique") -> SplitData:
    """The examples of ``task`` in one chat JSONL file (blank lines skipped)."""
    if not path.is_file():
        raise LoraTrainingError(
            f"{path} not found: --data must be a folder written by `resolvia finetune dataset` "
            f"(with {TRAIN_FILE} and {VALIDATION_FILE})"
        )
    split = SplitData(path=path, examples=[])
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            example = parse_example(line, path, number)
            if example.task != task:
                split.other_task += 1
                continue
            split.examples.append(example)
    return split


@dataclass(frozen=True)
class DatasetFiles:
    """A dataset folder's two splits and its card."""

    folder: Path
    train: SplitData
    validation: SplitData
    #: SHA-256 of card.json's bytes, and the hash the card states for the data (if any)
    card_sha256: str | None = None
    card_hash: str | None = None
    card: dict[str, Any] = field(default_factory=dict)


def read_dataset(folder: Path, task: str = "critique") -> DatasetFiles:
    """Both splits of a dataset folder; refuses a folder without ``task`` examples in either
    split, or one whose splits share an incident (validation would flatter the model)."""
    train = read_split(folder / TRAIN_FILE, task)
    validation = read_split(folder / VALIDATION_FILE, task)
    for split in (train, validation):
        if not split.examples:
            raise LoraTrainingError(
                f"{split.path} holds no {task!r} examples ({split.other_task} of other tasks): "
                f"build the dataset with `resolvia finetune dataset --task {task}`"
            )
    shared = {e.incident_id for e in train.examples if e.incident_id} & {
        e.incident_id for e in validation.examples if e.incident_id
    }
    if shared:
        raise LoraTrainingError(
            f"{folder}: {len(shared)} incident(s) are in both train and validation "
            f"(e.g. {sorted(shared)[0]}); split by incident (`resolvia finetune dataset`)"
        )
    card_path = folder / CARD_FILE
    card: dict[str, Any] = {}
    card_sha = card_hash = None
    if card_path.is_file():
        raw = card_path.read_bytes()
        card_sha = hashlib.sha256(raw).hexdigest()
        try:
            loaded = json.loads(raw)
        except ValueError as exc:
            raise LoraTrainingError(f"{card_path} is not JSON ({exc})") from exc
        card = loaded if isinstance(loaded, dict) else {}
        stated = next((card[k] for k in ("hash", "sha256", "dataset_hash") if k in card), None)
        card_hash = str(stated) if stated is not None else None
    return DatasetFiles(folder, train, validation, card_sha, card_hash, card)


@dataclass(frozen=True)
class Encoded:
    """One example as token ids: ``labels`` is ``IGNORE`` on the prompt."""

    input_ids: list[int]
    labels: list[int]
    #: tokens of the prompt (the position of the reply's first token)
    prompt_length: int
    expected_yes: bool | None


def _ids(rendered: Any) -> list[int]:
    # apply_chat_template(tokenize=True) returns a list, or a BatchEncoding in recent versions
    if isinstance(rendered, list):
        return [int(i) for i in rendered]
    return [int(i) for i in rendered["input_ids"]]


def encode(example: ChatExample, tokenizer: Any, max_length: int) -> Encoded | None:
    """Token ids of the whole conversation, with the loss on the reply only.

    The prompt is rendered with the generation prompt (``<|im_start|>assistant\\n`` for Qwen),
    exactly what the server sends the model; the reply is what follows it in the rendering of
    the whole conversation. None when the conversation is longer than ``max_length`` tokens
    (cutting it would teach the model to answer a question it did not see).
    """
    prompt = _ids(
        tokenizer.apply_chat_template(example.prompt, tokenize=True, add_generation_prompt=True)
    )
    full = _ids(tokenizer.apply_chat_template(list(example.messages), tokenize=True))
    if full[: len(prompt)] != prompt:
        raise LoraTrainingError(
            "the base model's chat template renders the prompt differently with and without "
            "the reply; it cannot be used to train on replies only"
        )
    if len(full) > max_length:
        return None
    labels = [IGNORE] * len(prompt) + full[len(prompt) :]
    return Encoded(full, labels, len(prompt), example.expected_yes)


def batches(items: list[Encoded], size: int, pad_id: int) -> list[dict[str, list[list[int]]]]:
    """Right-padded batches: ``input_ids``, ``attention_mask`` (0 on padding) and ``labels``
    (``IGNORE`` on padding)."""
    out = []
    for start in range(0, len(items), size):
        group = items[start : start + size]
        width = max(len(e.input_ids) for e in group)
        out.append(
            {
                "input_ids": [e.input_ids + [pad_id] * (width - len(e.input_ids)) for e in group],
                "attention_mask": [
                    [1] * len(e.input_ids) + [0] * (width - len(e.input_ids)) for e in group
                ],
                "labels": [e.labels + [IGNORE] * (width - len(e.labels)) for e in group],
            }
        )
    return out
