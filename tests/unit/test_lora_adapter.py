"""The llama.cpp LoRA adapter: the exporter's GGUF (names, shapes, orientation, alpha, types)
read back with gguf.GGUFReader, and the start-up check that refuses an adapter that does not
fit its base model, naming the file, before any server starts."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import gguf
import numpy as np
import pytest
from peft import LoraConfig, get_peft_model

from adapters.llm.lora import validate_adapter
from adapters.llm.providers import check_lora_adapter
from adapters.llm.server import LlamaServer
from config import load_settings
from errors import LoraAdapterError
from finetune.lora_gguf import export_gguf_adapter
from graph.runner import engine
from tests.lora_support import tiny_qwen2, write_base_gguf

ATTENTION = {"q_proj": "attn_q", "k_proj": "attn_k", "v_proj": "attn_v", "o_proj": "attn_output"}
MLP = {"gate_proj": "ffn_gate", "up_proj": "ffn_up", "down_proj": "ffn_down"}


def lora_model(
    *, rank: int = 4, alpha: int = 8, mlp: bool = False, rslora: bool = False, **size: Any
) -> Any:
    modules = [*ATTENTION, *(MLP if mlp else {})]
    config = LoraConfig(
        r=rank,
        lora_alpha=alpha,
        target_modules=modules,
        init_lora_weights=False,  # random A and B: the values must survive the export
        use_rslora=rslora,
    )
    return get_peft_model(tiny_qwen2(**size), config)


def fields(reader: gguf.GGUFReader) -> dict[str, Any]:
    return {k: reader.get_field(k).contents() for k in reader.fields}  # type: ignore[union-attr]


def test_export_writes_llama_cpp_names_shapes_alpha_and_the_weights_unchanged(
    tmp_path: Path,
) -> None:
    model = lora_model(rank=4, alpha=8, mlp=True)
    exported = export_gguf_adapter(
        model, tmp_path / "adapter.gguf", metadata={"base_model": "tiny", "base_sha256": "ab"}
    )
    reader = gguf.GGUFReader(exported.path)
    meta = fields(reader)
    assert meta["general.type"] == "adapter"
    assert meta["general.architecture"] == "qwen2"
    assert meta["adapter.type"] == "lora"
    assert meta["adapter.lora.alpha"] == pytest.approx(8.0)
    assert meta["resolvia.base_model"] == "tiny"
    assert meta["resolvia.base_sha256"] == "ab"

    tensors = {t.name: t for t in reader.tensors}
    expected = {
        f"blk.{layer}.{name}.weight.{part}"
        for layer in range(2)
        for name in [*ATTENTION.values(), *MLP.values()]
        for part in ("lora_a", "lora_b")
    }
    assert set(tensors) == expected
    assert exported.tensors == len(expected)
    base = model.get_base_model()
    for layer in range(2):
        for hf, ours in {**ATTENTION, **MLP}.items():
            group = "self_attn" if hf in ATTENTION else "mlp"
            module = getattr(getattr(base.model.layers[layer], group), hf)
            n_out, n_in = module.base_layer.weight.shape
            a = tensors[f"blk.{layer}.{ours}.weight.lora_a"]
            b = tensors[f"blk.{layer}.{ours}.weight.lora_b"]
            # ggml order (ne): lora_a [n_in, r], lora_b [r, n_out], what llama.cpp checks
            assert a.shape.tolist() == [n_in, 4]
            assert b.shape.tolist() == [4, n_out]
            assert a.tensor_type == gguf.GGMLQuantizationType.F32
            np.testing.assert_array_equal(a.data, module.lora_A["default"].weight.detach().numpy())
            np.testing.assert_array_equal(b.data, module.lora_B["default"].weight.detach().numpy())


def test_rslora_scaling_is_carried_in_alpha(tmp_path: Path) -> None:
    """llama.cpp scales by alpha / r; rsLoRA trains with alpha / sqrt(r)."""
    exported = export_gguf_adapter(lora_model(rank=16, alpha=8, rslora=True), tmp_path / "a.gguf")
    alpha = fields(gguf.GGUFReader(exported.path))["adapter.lora.alpha"]
    assert alpha / 16 == pytest.approx(8 / math.sqrt(16))


@pytest.fixture
def base_and_adapter(tmp_path: Path) -> tuple[Path, Path]:
    model = lora_model()
    base = write_base_gguf(tmp_path / "base.gguf", model.get_base_model())
    adapter = export_gguf_adapter(model, tmp_path / "adapter.gguf").path
    return base, adapter


def test_a_matching_adapter_is_accepted(base_and_adapter: tuple[Path, Path]) -> None:
    base, adapter = base_and_adapter
    info = validate_adapter(adapter, base)
    assert (info.architecture, info.rank, info.alpha) == ("qwen2", 4, 8.0)
    assert len(info.targets) == 8  # 4 projections x 2 layers
    assert "blk.1.attn_v.weight" in info.targets


def _rewrite(
    src: Path,
    dst: Path,
    *,
    arch: str | None = None,
    kv: dict[str, str] | None = None,
    drop: str | None = None,
) -> Path:
    """A copy of an adapter with another architecture, string fields or a tensor left out."""
    reader = gguf.GGUFReader(src)
    meta = fields(reader)
    writer = gguf.GGUFWriter(dst, arch or meta["general.architecture"])
    writer.add_type((kv or {}).get("general.type", meta["general.type"]))
    writer.add_string("adapter.type", (kv or {}).get("adapter.type", meta["adapter.type"]))
    writer.add_float32("adapter.lora.alpha", meta["adapter.lora.alpha"])
    for t in reader.tensors:
        if t.name != drop:
            writer.add_tensor(t.name, np.array(t.data))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return dst


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("missing", "does not exist"),
        ("garbage", "not a readable GGUF"),
        ("truncated", "not a readable GGUF"),
        ("a whole model", "not a LoRA adapter"),
        ("not lora", "adapter.type"),
        ("other architecture", "'llama' architecture"),
        ("half a pair", "only one of its .lora_a/.lora_b"),
        ("other size", "does not fit the base model"),
        ("more layers", "does not have"),
    ],
)
def test_an_adapter_that_does_not_fit_is_refused_naming_the_file(
    tmp_path: Path, base_and_adapter: tuple[Path, Path], case: str, words: str
) -> None:
    base, good = base_and_adapter
    bad = tmp_path / "bad.gguf"
    if case == "garbage":
        bad.write_bytes(b"this is not a gguf file at all" * 10)
    elif case == "truncated":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif case == "a whole model":
        bad.write_bytes(base.read_bytes())
    elif case == "not lora":
        _rewrite(good, bad, kv={"adapter.type": "control_vector"})
    elif case == "other architecture":
        _rewrite(good, bad, arch="llama")
    elif case == "half a pair":
        _rewrite(good, bad, drop="blk.0.attn_q.weight.lora_b")
    elif case == "other size":
        export_gguf_adapter(lora_model(hidden=32), bad)
    elif case == "more layers":
        export_gguf_adapter(lora_model(layers=3), bad)
    with pytest.raises(LoraAdapterError) as refused:
        validate_adapter(bad, base)
    assert str(bad) in str(refused.value)
    assert words in str(refused.value)


def test_the_server_refuses_to_start_with_a_bad_adapter(
    tmp_path: Path, base_and_adapter: tuple[Path, Path]
) -> None:
    base, _ = base_and_adapter
    bad = tmp_path / "bad.gguf"
    export_gguf_adapter(lora_model(hidden=32), bad)
    server = LlamaServer(model_path=base, lora_path=bad, log_dir=tmp_path)
    with pytest.raises(LoraAdapterError, match="does not fit"):
        server.start()
    assert server.child is None  # nothing was started: no base model served without it
    assert server.port is None


def test_start_up_check_follows_the_setting(
    tmp_path: Path, base_and_adapter: tuple[Path, Path]
) -> None:
    base, adapter = base_and_adapter
    spec = f"llamacpp/{base}"
    assert check_lora_adapter(load_settings(LLM_MODEL=spec, LLM_LORA_ADAPTER="")) is None
    info = check_lora_adapter(load_settings(LLM_MODEL=spec, LLM_LORA_ADAPTER=str(adapter)))
    assert info is not None and info.path == adapter
    served = load_settings(LLM_MODEL="ollama/gemma3", LLM_LORA_ADAPTER=str(adapter))
    with pytest.raises(LoraAdapterError, match="llamacpp") as refused:
        check_lora_adapter(served)
    assert str(adapter) in str(refused.value)


def test_the_engine_refuses_to_start_with_a_corrupt_adapter(
    tmp_path: Path, base_and_adapter: tuple[Path, Path]
) -> None:
    base, _ = base_and_adapter
    corrupt = tmp_path / "corrupt.gguf"
    corrupt.write_bytes(b"GGUF" + b"\0" * 64)
    settings = load_settings(
        LLM_MODEL=f"llamacpp/{base}", LLM_LORA_ADAPTER=str(corrupt), DATA_DIR=tmp_path / "data"
    )
    with pytest.raises(LoraAdapterError) as refused, engine(settings, "run-1"):
        pytest.fail("the engine started with a corrupt adapter")
    assert str(corrupt) in str(refused.value)
    assert not (tmp_path / "data" / "llm_history.sqlite").exists()  # refused before anything
