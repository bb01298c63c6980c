"""LoRA fine-tuning end to end on CPU: a few steps of the bundled 0.5B on a handful of critic
examples, the adapter exported to GGUF, served by the managed llama.cpp server on top of the
base model, and a critic answer read the way the engine reads it (P(«sí») from log-probs)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import structlog

from adapters.llm.client import build_llm_client
from adapters.llm.providers import check_lora_adapter
from adapters.llm.server import stop_all
from config import Settings
from finetune.lora import TrainConfig, load_bundled_base, train
from prompts.loader import load_prompt
from tests.integration.conftest import FAST_MODEL
from tests.lora_support import PAIRS

PROMPT = load_prompt("critique_verdict", "v1")


def verdict_messages(incident: str, problem: str) -> list:  # type: ignore[type-arg]
    return PROMPT.render(
        incidencia=incident,
        componente="Puesto de trabajo",
        problema=problem,
        solucion="Se aplica el procedimiento de la base de conocimiento.",
    )


def write_critic_dataset(folder: Path, train: int, validation: int) -> Path:
    """Examples rendered with the engine's own critic prompt, as the dataset builder records
    them: the engine's messages, then the right answer."""
    folder.mkdir(parents=True)
    for name, start, count in (("train", 0, train), ("validation", 100, validation)):
        lines = []
        for i in range(count):
            incident, problem, right = PAIRS[(start + i) % len(PAIRS)]
            messages = [
                {"role": "system" if m.type == "system" else "user", "content": str(m.content)}
                for m in verdict_messages(incident, problem)
            ]
            messages.append({"role": "assistant", "content": "sí" if right else "no"})
            row = {
                "messages": messages,
                "incident_id": f"INC{start + i:03d}",
                "task": "critique",
                "label": right,
            }
            lines.append(json.dumps(row, ensure_ascii=False))
        (folder / f"{name}.chat.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (folder / "card.json").write_text(json.dumps({"hash": "integration"}), "utf-8")
    return folder


def test_a_short_cpu_run_is_served_by_llama_cpp_and_answers_the_critic(
    settings: Settings, tmp_path: Path
) -> None:
    started = time.perf_counter()
    config = TrainConfig(
        data=write_critic_dataset(tmp_path / "dataset", train=4, validation=2),
        out=tmp_path / "run",
        base="qwen2.5-coder-0.5b",
        steps=2,
        batch_size=1,
        rank=8,
        lr=2e-3,
    )
    result = train(
        config,
        load_bundled_base(settings.MODELS_DIR),
        print,  # progress, with pytest -s
    )
    trained_s = time.perf_counter() - started
    metrics = result.metrics
    assert metrics["steps"] == 2
    assert metrics["base_model"]["name"] == "qwen2.5-coder-0.5b"
    assert metrics["base_model"]["sha256"] == (
        "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
    )
    assert metrics["final"]["val_judged"] == 2
    assert metrics["final"]["val_loss"] is not None
    assert metrics["dataset"]["card_hash"] == "integration"

    served = settings.model_copy(
        update={"LLM_MODEL": FAST_MODEL, "LLM_LORA_ADAPTER": result.adapter_gguf}
    )
    base_only = settings.model_copy(update={"LLM_MODEL": FAST_MODEL, "LLM_LORA_ADAPTER": None})
    info = check_lora_adapter(served)  # the engine's start-up check accepts it
    assert info is not None and info.metadata["base_model"] == "qwen2.5-coder-0.5b"
    messages = verdict_messages(
        "No puedo entrar en el correo, me dice contraseña caducada", "Contraseña caducada"
    )
    try:
        with structlog.testing.capture_logs() as logs:
            tuned = build_llm_client(served).verdict(messages)
        base = build_llm_client(base_only).verdict(messages)
    finally:
        stop_all()
    ready = [e for e in logs if e["event"] == "llm.server.ready"]
    assert ready and ready[0]["lora_adapter"] == str(result.adapter_gguf)
    assert ready[0]["lora_rank"] == 8
    # a valid critic answer, from the log-probabilities, as the engine scores it
    assert tuned.from_logprobs and 0.0 <= tuned.probability <= 1.0
    assert base.from_logprobs
    # the adapter is applied: the same question gets another probability than from the base
    assert abs(tuned.probability - base.probability) > 1e-4
    print(  # the figures the report quotes (pytest -s)
        f"\nLoRA CPU run: load {metrics['seconds']['load']} s, "
        f"{metrics['seconds']['per_step']} s/step, peak RSS {metrics['memory']['peak_rss_mb']} MB "
        f"(after load {metrics['memory']['peak_rss_after_load_mb']} MB); trained+exported in "
        f"{trained_s:.0f} s; P(sí) base {base.probability:.4f} -> tuned {tuned.probability:.4f}; "
        f"val loss {metrics['initial']['val_loss']} -> {metrics['final']['val_loss']}, "
        f"accuracy {metrics['initial']['val_accuracy']} -> {metrics['final']['val_accuracy']}"
    )
