"""The models of ``resolvia evaluate --models``: a fine-tuned critic compared with its base.

Each comma-separated item is one of

* ``base`` — LLM_MODEL served alone, whatever adapter is configured;
* ``finetuned`` — LLM_MODEL with the adapter of LLM_LORA_ADAPTER (or of LLM_MODEL's own
  ``+lora=``) when one is set, else with the latest registered version of
  :data:`finetune.tracking.LORA_MODEL_NAME`, downloaded into ``DATA_DIR/finetune/registry``;
* ``finetuned@N`` — the same with registered version N;
* a model spec (:mod:`adapters.llm.specs`), served as written: an adapter only through
  ``llamacpp/<model>+lora=<adapter.gguf>``.

Every adapter is checked against the base model before anything runs (the base it records,
then its tensors): a version that does not exist or does not load stops the evaluation with a
message naming it, never an evaluation of the base model under the fine-tuned one's name. The
engine then serves exactly the resolved spec (``+lora=`` included); the reports show the label
(``finetuned (qwen2.5-coder-0.5b + resolvia-critico-lora v3)``) and MLflow gets the adapter's
version and SHA-256.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from adapters.llm.providers import adapter_of, validate_lora
from adapters.llm.specs import ModelSpec, parse_spec
from adapters.mlflow_store import MlflowStore, TrackingError, store_location, store_present
from config import Settings
from errors import LoraAdapterError, ModelSpecError
from finetune.tracking import LORA_MODEL_NAME

BASE = "base"
FINETUNED = "finetuned"

AdapterSource = Literal["setting", "registry", "spec"]


@dataclass(frozen=True)
class AdapterRef:
    """The LoRA adapter of an evaluated model, and where it came from."""

    path: Path
    sha256: str
    #: ``setting`` (LLM_LORA_ADAPTER), ``registry`` (a registered version) or ``spec`` (+lora=)
    source: AdapterSource
    name: str | None = None
    version: int | None = None
    #: the base model the adapter's exporter recorded (None: it records none)
    base_model: str | None = None
    rank: int | None = None

    def describe(self) -> str:
        """How reports name it: the registered version, else the file."""
        if self.version is not None:
            return f"{self.name} v{self.version}"
        return self.path.name

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "sha256": self.sha256,
            "source": self.source,
            "name": self.name,
            "version": self.version,
            "base_model": self.base_model,
            "rank": self.rank,
        }


@dataclass(frozen=True)
class EvalModel:
    """One model of an evaluation: what was asked for, what is served, how reports name it."""

    reference: str
    #: the spec the engine serves (``+lora=<absolute path>`` when there is an adapter)
    spec: str
    label: str
    adapter: AdapterRef | None = None

    def report_fields(self) -> dict[str, Any]:
        """What the evaluation's results record besides the label (``model``)."""
        return {
            "spec": self.spec,
            "reference": self.reference,
            "adapter": self.adapter.as_dict() if self.adapter else None,
        }


def resolve_models(text: str | None, settings: Settings) -> list[EvalModel]:
    """The models of ``--models`` (default: what the engine serves — LLM_MODEL, with its
    adapter as ``finetuned`` when one is configured), every adapter checked.

    Raises :class:`ModelSpecError` for an item that cannot be read or a model listed twice,
    :class:`LoraAdapterError` naming the adapter file or registered version that does not load.
    """
    refs = [r.strip() for r in (text or "").split(",") if r.strip()]
    if not refs:
        configured = adapter_of(parse_spec(settings.LLM_MODEL), settings.LLM_LORA_ADAPTER)
        refs = [FINETUNED if configured is not None else settings.LLM_MODEL]
    models: list[EvalModel] = []
    for ref in refs:
        model = resolve_model(ref, settings)
        for other in models:
            if model.label == other.label:
                raise ModelSpecError(
                    f"--models lists {other.reference!r} and {ref!r}, which are the same model "
                    f"({model.label}): list it once"
                )
        models.append(model)
    return models


def resolve_model(ref: str, settings: Settings) -> EvalModel:
    """One item of ``--models`` (see the module's docstring)."""
    configured = parse_spec(settings.LLM_MODEL)
    if ref == BASE:
        base = configured.without_lora()
        return EvalModel(ref, str(base), f"base ({model_name(base)})")
    if ref == FINETUNED or ref.startswith(FINETUNED + "@"):
        return _finetuned(ref, configured, settings)
    spec = parse_spec(ref)
    if spec.lora is None:
        return EvalModel(ref, str(spec), str(spec))
    path = Path(spec.lora).expanduser().resolve()
    adapter = _checked(spec.without_lora(), path, "spec", settings)
    served = replace(spec, lora=str(path))
    return EvalModel(ref, str(served), f"{spec.without_lora()} + {path.name}", adapter)


def model_name(spec: ModelSpec) -> str:
    """A model's short name: the registry name, or a GGUF file's name."""
    return Path(spec.model).name if spec.model.endswith(".gguf") else spec.model


def _finetuned(ref: str, configured: ModelSpec, settings: Settings) -> EvalModel:
    base = configured.without_lora()
    pinned = _version(ref)
    if base.provider != "llamacpp":
        raise LoraAdapterError(
            f"{ref!r} is LLM_MODEL with a LoRA adapter, which only the managed llama.cpp server "
            f"applies; LLM_MODEL is {base}: set LLM_MODEL to the llamacpp model the adapter was "
            "trained on"
        )
    setting = adapter_of(configured, settings.LLM_LORA_ADAPTER)
    if pinned is None and setting is not None:
        adapter = _checked(base, setting.expanduser().resolve(), "setting", settings)
    else:
        path, version = _download(settings, pinned)
        try:
            adapter = _checked(base, path, "registry", settings, version=version)
        except LoraAdapterError as exc:
            raise LoraAdapterError(
                f"{LORA_MODEL_NAME} version {version} of the MLflow registry does not load on "
                f"{base}: {exc}"
            ) from exc
    served = replace(base, lora=str(adapter.path))
    label = f"finetuned ({model_name(base)} + {adapter.describe()})"
    return EvalModel(ref, str(served), label, adapter)


def _version(ref: str) -> int | None:
    """N of ``finetuned@N``; None for ``finetuned``."""
    _, at, text = ref.partition("@")
    if not at:
        return None
    if not text.isdigit() or int(text) < 1:
        raise ModelSpecError(
            f"{ref!r}: write finetuned@N with N a version number of {LORA_MODEL_NAME} "
            "(`mlflow ui` lists them), or finetuned for the latest"
        )
    return int(text)


def _checked(
    base: ModelSpec,
    path: Path,
    source: AdapterSource,
    settings: Settings,
    *,
    version: int | None = None,
) -> AdapterRef:
    info = validate_lora(base, path, settings)
    return AdapterRef(
        path=path,
        sha256=_sha256(path),
        source=source,
        name=LORA_MODEL_NAME if version is not None else None,
        version=version,
        base_model=info.metadata.get("base_model"),
        rank=info.rank,
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def registry_folder(settings: Settings, version: int) -> Path:
    """Where a registered adapter version is downloaded to."""
    return settings.DATA_DIR / "finetune" / "registry" / LORA_MODEL_NAME / f"v{version}"


def _download(settings: Settings, pinned: int | None) -> tuple[Path, int]:
    """The adapter file of registered version ``pinned`` (None: the latest), downloaded into
    :func:`registry_folder`, and its version number."""
    which = f"version {pinned}" if pinned is not None else "the latest version"
    hint = (
        "train and register one with `resolvia finetune train`, or point LLM_LORA_ADAPTER at "
        "an adapter.gguf"
    )
    if not settings.MLFLOW_TRACKING:
        raise LoraAdapterError(
            f"{which} of {LORA_MODEL_NAME} is in the MLflow registry, which is off "
            f"(MLFLOW_TRACKING=false): turn tracking on, or point LLM_LORA_ADAPTER at an "
            "adapter.gguf"
        )
    if not store_present(settings):
        raise LoraAdapterError(
            f"{which} of {LORA_MODEL_NAME}: there is no MLflow store at "
            f"{store_location(settings).describe()}; {hint}"
        )
    try:
        store = MlflowStore(settings, create=False)
        latest = store.latest_version(LORA_MODEL_NAME)
        if latest is None:
            raise LoraAdapterError(
                f"no version of {LORA_MODEL_NAME} is registered in the MLflow store "
                f"{store.location.describe()}; {hint}"
            )
        version = latest if pinned is None else pinned
        if store.version_tags(LORA_MODEL_NAME, version) is None:
            raise LoraAdapterError(
                f"{LORA_MODEL_NAME} version {version} does not exist in the MLflow store "
                f"{store.location.describe()} (the latest is version {latest})"
            )
        folder = registry_folder(settings, version)
        if folder.exists():  # ours: a version's files are fetched afresh, never half-reused
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        got = store.download_version(LORA_MODEL_NAME, version, folder)
    except TrackingError as exc:
        raise LoraAdapterError(
            f"{which} of {LORA_MODEL_NAME} could not be read from the MLflow registry: {exc}"
        ) from exc
    files = sorted(got.rglob("*.gguf"))
    if len(files) != 1:
        raise LoraAdapterError(
            f"{LORA_MODEL_NAME} version {version} holds {len(files)} .gguf files in {got}, not "
            "one adapter: register it again with `resolvia finetune train`"
        )
    return files[0], version
