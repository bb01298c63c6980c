"""LoRA adapters for the managed llama.cpp server: the GGUF layout, and its check at start-up.

llama.cpp applies a LoRA adapter on top of the base model it serves (``--lora_path`` of
``llama_cpp.server``). Its loader wants a GGUF file with ``general.type = adapter``,
``adapter.type = lora``, the base's ``general.architecture``, ``adapter.lora.alpha`` and, for
every adapted weight ``W`` of the base (e.g. ``blk.3.attn_q.weight``), a pair
``W.lora_a`` / ``W.lora_b``. In ggml's dimension order (``ne``, fastest first) a base weight
is ``[n_in, n_out]``; ``lora_a`` must be ``[n_in, r]`` and ``lora_b`` ``[r, n_out]``: the
PyTorch ``lora_A`` (r x n_in) and ``lora_B`` (n_out x r) written as they are. llama.cpp
scales the product by ``alpha / r``, as peft does.

When llama.cpp refuses an adapter the server only dies with a line in its log, and a
mismatched one that happens to load would change every answer. So the engine checks the file
against the base model itself, before the server starts, and refuses to start with a message
naming the adapter file: it never serves the base model instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from errors import LoraAdapterError

LORA_A = ".lora_a"
LORA_B = ".lora_b"
#: tensor types the adapter's matrices may have (llama.cpp multiplies them as they are)
FLOAT_TYPES = frozenset({"F32", "F16", "BF16"})
#: what the checks tell people to do about an adapter that does not load
HINT = (
    "train and export it again for this base model (`resolvia finetune train --base NAME`), "
    "or empty LLM_LORA_ADAPTER to serve the base model"
)


@dataclass(frozen=True)
class AdapterInfo:
    """What a valid adapter file says about itself."""

    path: Path
    architecture: str
    alpha: float
    rank: int
    #: base-model tensors it adapts (``blk.0.attn_q.weight``, ...), sorted
    targets: tuple[str, ...]
    #: ``resolvia.*`` metadata written by the exporter (base model name, its SHA-256, ...)
    metadata: dict[str, str] = field(default_factory=dict)

    def as_log(self) -> dict[str, Any]:
        """The fields the server's ready event logs."""
        return {
            "lora_adapter": str(self.path),
            "lora_rank": self.rank,
            "lora_alpha": self.alpha,
            "lora_tensors": len(self.targets),
            **{f"lora_{k}": v for k, v in self.metadata.items()},
        }


def _open(path: Path, what: str) -> Any:
    import gguf

    try:
        return gguf.GGUFReader(path)
    # The reader fails in many ways on a file that is not a whole GGUF (ValueError, struct
    # errors, IndexError, numpy errors on a truncated memory map): any of them means the same
    # to the operator, so they are all turned into one message naming the file.
    except Exception as exc:  # an adapter boundary: reported with the file name
        raise LoraAdapterError(
            f"{what} {path} is not a readable GGUF file ({type(exc).__name__}: {exc}); {HINT}"
        ) from exc


def _text(reader: Any, key: str) -> str | None:
    fld = reader.get_field(key)
    if fld is None:
        return None
    value = fld.contents()
    return value if isinstance(value, str) else None


def _number(reader: Any, key: str) -> float | None:
    fld = reader.get_field(key)
    if fld is None:
        return None
    value = fld.contents()
    return float(value) if isinstance(value, int | float) else None


def _shapes(reader: Any) -> dict[str, tuple[tuple[int, ...], str]]:
    """Tensor name -> (ggml ``ne`` shape, type name)."""
    return {t.name: (tuple(int(n) for n in t.shape), t.tensor_type.name) for t in reader.tensors}


def _pairs(path: Path, tensors: dict[str, tuple[tuple[int, ...], str]]) -> tuple[set[str], int]:
    """The base tensors an adapter's ``.lora_a``/``.lora_b`` pairs adapt, and their rank."""
    targets: set[str] = set()
    ranks: set[int] = set()
    for name, (shape, kind) in tensors.items():
        if name.endswith("_norm.weight"):  # llama.cpp skips these; so do we
            continue
        if not name.endswith((LORA_A, LORA_B)):
            raise LoraAdapterError(
                f"LoRA adapter {path}: tensor {name!r} is neither a .lora_a nor a .lora_b"
            )
        if kind not in FLOAT_TYPES or len(shape) != 2:
            raise LoraAdapterError(
                f"LoRA adapter {path}: tensor {name!r} is a {kind} of shape {list(shape)}; "
                f"expected a matrix of one of {sorted(FLOAT_TYPES)}"
            )
        target = name[: -len(LORA_A)]
        a, b = tensors.get(target + LORA_A), tensors.get(target + LORA_B)
        if a is None or b is None:
            raise LoraAdapterError(
                f"LoRA adapter {path}: {target} has only one of its .lora_a/.lora_b; {HINT}"
            )
        if a[0][1] != b[0][0]:
            raise LoraAdapterError(
                f"LoRA adapter {path}: {target}.lora_a is {list(a[0])} and .lora_b "
                f"{list(b[0])}; their ranks differ (lora_a not transposed?); {HINT}"
            )
        targets.add(target)
        ranks.add(a[0][1])
    return targets, max(ranks)


def read_adapter(path: Path) -> tuple[AdapterInfo, dict[str, tuple[tuple[int, ...], str]]]:
    """The adapter's metadata and tensors, checked on their own (not against a base model).

    Raises :class:`LoraAdapterError` naming ``path`` when it is missing, not a GGUF, not a
    LoRA adapter, or its tensors do not pair up.
    """
    if not path.is_file():
        raise LoraAdapterError(f"LoRA adapter {path} does not exist (LLM_LORA_ADAPTER); {HINT}")
    reader = _open(path, "LoRA adapter")
    general_type = _text(reader, "general.type")
    if general_type != "adapter":
        raise LoraAdapterError(
            f"{path} is not a LoRA adapter: general.type is {general_type!r}, not 'adapter' "
            f"(a whole model is served with LLM_MODEL, not LLM_LORA_ADAPTER)"
        )
    adapter_type = _text(reader, "adapter.type")
    if adapter_type != "lora":
        raise LoraAdapterError(
            f"LoRA adapter {path}: adapter.type is {adapter_type!r}, llama.cpp serves 'lora'"
        )
    architecture = _text(reader, "general.architecture")
    if not architecture:
        raise LoraAdapterError(f"LoRA adapter {path} has no general.architecture; {HINT}")
    alpha = _number(reader, "adapter.lora.alpha")
    if alpha is None or alpha <= 0:
        raise LoraAdapterError(
            f"LoRA adapter {path} has no positive adapter.lora.alpha (got {alpha}); {HINT}"
        )
    tensors = _shapes(reader)
    if not tensors:
        raise LoraAdapterError(f"LoRA adapter {path} holds no tensors; {HINT}")
    targets, rank = _pairs(path, tensors)
    metadata = {
        key.removeprefix("resolvia."): str(reader.get_field(key).contents())
        for key in reader.fields
        if key.startswith("resolvia.")
    }
    info = AdapterInfo(
        path=path,
        architecture=architecture,
        alpha=alpha,
        rank=rank,
        targets=tuple(sorted(targets)),
        metadata=metadata,
    )
    return info, tensors


def validate_adapter(path: Path, base_model: Path) -> AdapterInfo:
    """Check a LoRA adapter against the base model it will be applied to, as llama.cpp's
    loader does (architecture, every adapted tensor present with matching dimensions).

    Raises :class:`LoraAdapterError` naming the adapter file and what does not fit.
    """
    info, tensors = read_adapter(path)
    base = _open(base_model, "base model")
    base_arch = _text(base, "general.architecture")
    if base_arch != info.architecture:
        raise LoraAdapterError(
            f"LoRA adapter {path} was made for the {info.architecture!r} architecture; the base "
            f"model {base_model.name} is {base_arch!r}; {HINT}"
        )
    base_tensors = _shapes(base)
    for target in info.targets:
        if target not in base_tensors:
            raise LoraAdapterError(
                f"LoRA adapter {path} adapts {target}, which the base model {base_model.name} "
                f"does not have (another base model?); {HINT}"
            )
        n_in, n_out = base_tensors[target][0][:2]
        a, b = tensors[target + LORA_A][0], tensors[target + LORA_B][0]
        if a[0] != n_in or b[1] != n_out:
            raise LoraAdapterError(
                f"LoRA adapter {path} does not fit the base model {base_model.name}: {target} is "
                f"{n_in}x{n_out} there, the adapter's pair is for {a[0]}x{b[1]} (made for "
                f"another size of the model?); {HINT}"
            )
    return info


def check_recorded_base(info: AdapterInfo, base_name: str, base_sha256: str | None) -> None:
    """Check the base model the adapter's exporter recorded (``resolvia.base_model``,
    ``resolvia.base_sha256``) against the one it will be applied to. Another model of the same
    shapes (a fine-tune of the same size) would load and answer differently; an adapter that
    records nothing is left to :func:`validate_adapter`.

    Raises :class:`LoraAdapterError` naming the adapter file and both models.
    """
    name, sha = info.metadata.get("base_model"), info.metadata.get("base_sha256")
    if sha and base_sha256:
        if sha == base_sha256:
            return
    elif not name or name == base_name:
        return
    raise LoraAdapterError(
        f"LoRA adapter {info.path} was trained on {name or 'another model'} (SHA-256 "
        f"{(sha or '?')[:12]}); it would be applied to {base_name} (SHA-256 "
        f"{(base_sha256 or '?')[:12]}); {HINT}"
    )
