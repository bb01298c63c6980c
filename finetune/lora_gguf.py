"""Export a peft LoRA to the GGUF adapter that llama.cpp applies on top of the base model.

Layout (see :mod:`adapters.llm.lora`, which checks it at serving time): for each adapted
Hugging Face linear layer, say ``model.layers.3.self_attn.q_proj``, the llama.cpp name of its
weight comes from the ``gguf`` package's tensor-name map for the architecture
(``blk.3.attn_q.weight``), and the adapter holds ``blk.3.attn_q.weight.lora_a`` = peft's
``lora_A`` (r x n_in) and ``.lora_b`` = ``lora_B`` (n_out x r), unchanged: numpy's row-major
shape written by GGUFWriter is ggml's ``[n_in, r]`` and ``[r, n_out]``, what llama.cpp wants.
``adapter.lora.alpha`` is ``scaling x r`` so that llama.cpp's ``alpha / r`` equals peft's
scaling (``alpha / r``, or ``alpha / sqrt(r)`` with rsLoRA).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from errors import LoraTrainingError

#: Hugging Face ``model_type`` -> llama.cpp architecture name, for the bases we train
ARCHITECTURES = {"qwen2": "qwen2"}
#: peft's name for the adapter it trains by default
ADAPTER_NAME = "default"


@dataclass(frozen=True)
class ExportedAdapter:
    path: Path
    architecture: str
    alpha: float
    rank: int
    tensors: int


def _arch(model_type: str) -> Any:
    import gguf

    name = ARCHITECTURES.get(model_type)
    if name is None:
        raise LoraTrainingError(
            f"exporting a LoRA for a {model_type!r} model to llama.cpp is not supported "
            f"(supported: {sorted(ARCHITECTURES)})"
        )
    for arch, arch_name in gguf.MODEL_ARCH_NAMES.items():
        if arch_name == name:
            return arch
    raise LoraTrainingError(f"the gguf package does not know the {name!r} architecture")


def _hf_name(module_name: str) -> str:
    """``base_model.model.model.layers.0...`` (peft's wrapping) -> ``model.layers.0...``."""
    return module_name.removeprefix("base_model.model.")


def export_gguf_adapter(
    peft_model: Any,
    path: Path,
    *,
    metadata: dict[str, str] | None = None,
) -> ExportedAdapter:
    """Write ``peft_model``'s LoRA (adapter ``default``) as a llama.cpp GGUF adapter.

    ``metadata`` is stored as ``resolvia.<key>`` strings (base model name, its SHA-256, ...);
    the engine logs them when it serves the adapter.
    """
    import gguf
    import numpy as np

    config = peft_model.get_base_model().config
    arch = _arch(config.model_type)
    name_map = gguf.get_tensor_name_map(arch, config.num_hidden_layers)
    pairs: list[tuple[str, Any, Any]] = []
    alphas: set[float] = set()
    ranks: set[int] = set()
    for module_name, module in peft_model.named_modules():
        lora_a = getattr(module, "lora_A", None)
        if lora_a is None or ADAPTER_NAME not in lora_a:
            continue
        hf_weight = _hf_name(module_name) + ".weight"
        target = name_map.get_name(hf_weight, try_suffixes=(".weight",))
        if target is None:
            raise LoraTrainingError(
                f"no llama.cpp tensor for {hf_weight}: this layer cannot be exported"
            )
        a = lora_a[ADAPTER_NAME].weight.detach().float().cpu().numpy()
        b = module.lora_B[ADAPTER_NAME].weight.detach().float().cpu().numpy()
        rank = a.shape[0]
        ranks.add(rank)
        alphas.add(round(float(module.scaling[ADAPTER_NAME]) * rank, 6))
        pairs.append((target, np.ascontiguousarray(a), np.ascontiguousarray(b)))
    if not pairs:
        raise LoraTrainingError("the model has no LoRA layers to export")
    if len(alphas) != 1:
        # llama.cpp has one alpha per adapter and takes each tensor's rank from its shape
        raise LoraTrainingError(
            f"the LoRA layers have different alpha x scaling ({sorted(alphas)}); llama.cpp "
            f"needs one alpha for the whole adapter"
        )
    alpha = alphas.pop()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    writer = gguf.GGUFWriter(partial, gguf.MODEL_ARCH_NAMES[arch])
    writer.add_type(gguf.GGUFType.ADAPTER)
    writer.add_string(gguf.Keys.Adapter.TYPE, "lora")
    writer.add_float32(gguf.Keys.Adapter.LORA_ALPHA, alpha)
    for key, value in sorted((metadata or {}).items()):
        writer.add_string(f"resolvia.{key}", value)
    for target, a, b in sorted(pairs, key=lambda p: p[0]):
        writer.add_tensor(f"{target}.lora_a", a)
        writer.add_tensor(f"{target}.lora_b", b)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    partial.replace(path)  # a run killed while writing leaves no half file under the real name
    return ExportedAdapter(
        path=path,
        architecture=gguf.MODEL_ARCH_NAMES[arch],
        alpha=alpha,
        rank=max(ranks),
        tensors=2 * len(pairs),
    )
