"""Test helpers for LoRA fine-tuning: a tiny Qwen2 model and tokenizer made in the test (no
download), a tiny base-model GGUF to check adapters against, and chat-JSONL datasets in the
format `resolvia finetune dataset` writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SYSTEM = "Eres el revisor de calidad del soporte. Responde solo «sí» o «no»."
#: (incident, known problem, right?) pairs for tiny critic datasets
PAIRS = [
    ("No puedo entrar en el correo, la contraseña caduca", "Contraseña caducada", True),
    ("La impresora de la planta 2 no imprime, cola atascada", "Cola de impresión atascada", True),
    ("Necesito acceso a la VPN desde casa", "Alta de acceso VPN", True),
    ("El portátil no enciende", "Contraseña caducada", False),
    ("Quiero cambiar mi dirección postal", "Cambio de correo electrónico", False),
    ("Se ha roto la silla de mi puesto", "Alta de acceso VPN", False),
    ("Olvidé la clave del correo", "Contraseña caducada", True),
    ("Papel atascado en la impresora", "Cola de impresión atascada", False),
]

#: Qwen's ChatML turns, enough of its template for these tests
CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def critic_example(incident_id: str, incident: str, problem: str, right: bool) -> dict[str, Any]:
    return {
        "messages": [
            {"role": "system", "content": SYSTEM},
            {
                "role": "user",
                "content": f"<incidencia>\n{incident}\n</incidencia>\n\nProblema conocido: "
                f"{problem}\n\n¿La solución conocida corresponde al problema?",
            },
            {"role": "assistant", "content": "sí" if right else "no"},
        ],
        "incident_id": incident_id,
        "task": "critique",
        "label": right,
    }


def write_dataset(folder: Path, *, train: int = 6, validation: int = 2) -> Path:
    """A dataset folder: ``train`` and ``validation`` critic examples (other incidents on each
    side), one reformulate line in train that the critic's training must skip, and a card."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [critic_example(f"INC{i:03d}", *PAIRS[i % len(PAIRS)]) for i in range(train)]
    rows.append(
        {
            "messages": [
                {"role": "user", "content": "Resume la incidencia"},
                {"role": "assistant", "content": '{"resumen": "x"}'},
            ],
            "incident_id": "INC900",
            "task": "reformulate",
            "label": None,
        }
    )
    val = [
        critic_example(f"INC{500 + i:03d}", *PAIRS[(i + 3) % len(PAIRS)]) for i in range(validation)
    ]
    for name, lines in (("train.chat.jsonl", rows), ("validation.chat.jsonl", val)):
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "card.json").write_text(json.dumps({"hash": "abc123", "counts": {}}), "utf-8")
    return folder


def tiny_tokenizer() -> Any:
    """A byte-level BPE tokenizer trained here on the fixtures' words, with ChatML."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=400,
        special_tokens=["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    texts = [SYSTEM, "sí", "no", "assistant", "user", "system"]
    texts += [f"{a} {b}" for a, b, _ in PAIRS]
    tok.train_from_iterator(texts * 5, trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>"
    )
    fast.chat_template = CHAT_TEMPLATE
    return fast


def tiny_qwen2(vocab_size: int = 512, layers: int = 2, hidden: int = 64) -> Any:
    """A randomly initialised Qwen2 causal LM small enough to train in a unit test."""
    import torch
    from transformers import Qwen2Config, Qwen2ForCausalLM

    torch.manual_seed(0)
    config = Qwen2Config(
        vocab_size=vocab_size,
        hidden_size=hidden,
        intermediate_size=hidden * 2,
        num_hidden_layers=layers,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=512,
        tie_word_embeddings=False,
    )
    return Qwen2ForCausalLM(config)


def write_base_gguf(path: Path, model: Any, *, architecture: str = "qwen2") -> Path:
    """A stand-in for the bundled base GGUF: ``model``'s 2-D weights under llama.cpp's names,
    oriented as llama.cpp's converter writes them (PyTorch ``[out, in]`` -> ggml ``[in, out]``)."""
    import gguf

    arch = next(a for a, n in gguf.MODEL_ARCH_NAMES.items() if n == "qwen2")
    names = gguf.get_tensor_name_map(arch, model.config.num_hidden_layers)
    writer = gguf.GGUFWriter(path, architecture)
    writer.add_type(gguf.GGUFType.MODEL)
    for key, tensor in model.state_dict().items():
        if "lora_" in key:  # a model peft wrapped: its own weights sit in ``base_layer``
            continue
        name = key.replace(".base_layer.", ".")
        target = names.get_name(name, try_suffixes=(".weight", ".bias"))
        if target is None:
            continue
        writer.add_tensor(target, tensor.detach().float().numpy())
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
