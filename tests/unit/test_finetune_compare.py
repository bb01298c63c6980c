"""`resolvia evaluate --models base,finetuned`: the references resolved into served specs and
labels, the adapter checked (and a registered version fetched) before any model call, one
llama.cpp server per model file and adapter, and the labels and adapter in the reports and in
MLflow. A tiny Qwen2 stands in for the base model; nothing is served (fakes only)."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from adapters.llm import server as server_module
from adapters.llm.lora import AdapterInfo, check_recorded_base
from adapters.llm.providers import build_chat_provider, validate_lora
from adapters.llm.specs import parse_spec
from adapters.mlflow_store import MlflowStore, prepare_environment
from cli.app import app
from config import Settings, load_settings
from errors import LoraAdapterError, ModelSpecError
from finetune.compare import registry_folder, resolve_models
from finetune.lora_gguf import export_gguf_adapter
from finetune.metrics import IncidentRecord, auc
from finetune.tracking import LORA_MODEL_NAME, log_training
from tests.lora_support import tiny_qwen2, write_base_gguf

runner = CliRunner()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A base GGUF, an adapter made for it and one made for another size of the model."""
    from peft import LoraConfig, get_peft_model

    folder = tmp_path_factory.mktemp("compare")

    def lora(**size: Any) -> Any:
        config = LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"])
        return get_peft_model(tiny_qwen2(**size), config)

    fitting = lora()
    base = write_base_gguf(folder / "base.gguf", fitting.get_base_model())
    (folder / "good").mkdir()
    (folder / "other").mkdir()
    good = export_gguf_adapter(
        fitting, folder / "good" / "adapter.gguf", metadata={"base_model": "tiny"}
    ).path
    other = export_gguf_adapter(lora(hidden=32), folder / "other" / "adapter.gguf").path
    return {"base": base, "good": good, "other": other}


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An MLflow SQLite file with its schema only, made once (it takes seconds)."""
    prepare_environment()
    from mlflow import MlflowClient

    path = tmp_path_factory.mktemp("mlflow_template") / "mlflow.db"
    uri = f"sqlite:///{path}"
    MlflowClient(uri, uri).search_experiments()
    return path


def _settings(files: dict[str, Path], tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "LLM_MODEL": f"llamacpp/{files['base']}",
        "DATA_DIR": tmp_path / "data",
        **overrides,
    }
    return load_settings(**values)


def _with_store(tmp_path: Path, empty_store: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    (data / "mlflow").mkdir(parents=True)
    shutil.copyfile(empty_store, data / "mlflow" / "mlflow.db")
    monkeypatch.setenv("MLFLOW_TRACKING", "true")
    monkeypatch.setenv("DATA_DIR", str(data))
    return data


def _register(settings: Settings, adapter: Path) -> int:
    tracked = log_training(
        {
            "params": {"rank": 4},
            "metrics": {"val_loss": 0.5},
            "artifacts": {"adapter_gguf": str(adapter)},
            "tags": {"task": "critique", "base_model": "tiny"},
        },
        settings,
    )
    assert tracked.problem is None, tracked.problem
    return int(tracked.details["version"])


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- references ------------------------------------------------------------------------------
def test_base_is_the_model_alone_and_finetuned_the_configured_adapter(
    files: dict[str, Path], tmp_path: Path
) -> None:
    settings = _settings(files, tmp_path, LLM_LORA_ADAPTER=str(files["good"]))
    base, tuned = resolve_models("base,finetuned", settings)
    assert base.spec == f"llamacpp/{files['base']}"  # LLM_LORA_ADAPTER is not applied
    assert base.label == "base (base.gguf)" and base.adapter is None
    assert tuned.spec == f"llamacpp/{files['base']}+lora={files['good']}"
    assert tuned.label == "finetuned (base.gguf + adapter.gguf)"
    assert tuned.adapter is not None
    assert (tuned.adapter.source, tuned.adapter.sha256) == ("setting", _sha(files["good"]))
    assert tuned.adapter.base_model == "tiny" and tuned.adapter.rank == 4
    # without --models: what the engine serves, i.e. the fine-tuned model
    [default] = resolve_models(None, settings)
    assert default.spec == tuned.spec
    [plain] = resolve_models(None, _settings(files, tmp_path))
    assert (plain.spec, plain.label) == (f"llamacpp/{files['base']}",) * 2


def test_a_spec_with_lora_is_checked_and_labelled_with_the_adapter_file(
    files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(files["good"].parent)
    settings = _settings(files, tmp_path)
    plain, tuned = resolve_models(
        f"llamacpp/{files['base']},llamacpp/{files['base']}+lora=adapter.gguf", settings
    )
    assert plain.adapter is None
    assert tuned.spec == f"llamacpp/{files['base']}+lora={files['good']}"  # made absolute
    assert tuned.label == f"llamacpp/{files['base']} + adapter.gguf"
    assert tuned.adapter is not None and tuned.adapter.source == "spec"
    with pytest.raises(LoraAdapterError, match="does not fit") as refused:
        resolve_models(f"llamacpp/{files['base']}+lora={files['other']}", settings)
    assert str(files["other"]) in str(refused.value)


@pytest.mark.parametrize(
    ("models", "error", "words"),
    [
        ("finetuned@0", ModelSpecError, "finetuned@N"),
        ("finetuned@latest", ModelSpecError, "finetuned@N"),
        ("base,base", ModelSpecError, "list it once"),
        ("ollama/gemma3+lora=/x/adapter.gguf", ModelSpecError, "only llamacpp"),
        ("llamacpp/+lora=/x/adapter.gguf", ModelSpecError, "+lora=<path"),
        ("finetuned", LoraAdapterError, "MLFLOW_TRACKING=false"),  # no adapter, no registry
    ],
)
def test_references_that_cannot_be_served_say_why(
    files: dict[str, Path], tmp_path: Path, models: str, error: type[Exception], words: str
) -> None:
    with pytest.raises(error) as refused:
        resolve_models(models, _settings(files, tmp_path))
    assert words in str(refused.value)


def test_finetuned_needs_a_llamacpp_model(files: dict[str, Path], tmp_path: Path) -> None:
    settings = _settings(
        files, tmp_path, LLM_MODEL="ollama/gemma3", LLM_LORA_ADAPTER=str(files["good"])
    )
    with pytest.raises(LoraAdapterError, match=r"only the managed llama\.cpp server"):
        resolve_models("finetuned", settings)
    assert resolve_models("base", settings)[0].label == "base (gemma3)"


def test_a_bad_configured_adapter_is_refused_never_replaced_by_the_base(
    files: dict[str, Path], tmp_path: Path
) -> None:
    settings = _settings(files, tmp_path, LLM_LORA_ADAPTER=str(files["other"]))
    with pytest.raises(LoraAdapterError) as refused:
        resolve_models("base,finetuned", settings)
    assert str(files["other"]) in str(refused.value)


def test_two_adapters_for_one_model_is_refused(files: dict[str, Path], tmp_path: Path) -> None:
    settings = _settings(
        files,
        tmp_path,
        LLM_MODEL=f"llamacpp/{files['base']}+lora={files['other']}",
        LLM_LORA_ADAPTER=str(files["good"]),
    )
    with pytest.raises(LoraAdapterError, match="keep one of them"):
        resolve_models("finetuned", settings)


def test_the_base_an_adapter_records_must_be_the_model_it_is_applied_to(
    files: dict[str, Path],
) -> None:
    info = AdapterInfo(
        path=files["good"],
        architecture="qwen2",
        alpha=8.0,
        rank=4,
        targets=(),
        metadata={"base_model": "qwen2.5-coder-1.5b", "base_sha256": "cc" * 32},
    )
    check_recorded_base(info, "qwen2.5-coder-1.5b", "cc" * 32)
    check_recorded_base(info, "renamed", "cc" * 32)  # same bytes: the same model
    with pytest.raises(LoraAdapterError) as refused:
        check_recorded_base(info, "qwen2.5-coder-0.5b", "1d" * 32)
    message = str(refused.value)
    assert str(files["good"]) in message and "qwen2.5-coder-1.5b" in message
    assert "qwen2.5-coder-0.5b" in message
    bare = AdapterInfo(files["good"], "qwen2", 8.0, 4, ())
    check_recorded_base(bare, "qwen2.5-coder-0.5b", "1d" * 32)  # records nothing: tensors decide


def test_a_registry_model_is_checked_against_the_base_the_adapter_records(
    files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same shapes, another model: llama.cpp would load it; the recorded base refuses it."""
    import adapters.llm.providers as providers

    monkeypatch.setattr(providers, "resolve_gguf", lambda spec, settings: files["base"])
    settings = _settings(files, tmp_path)
    with pytest.raises(LoraAdapterError, match="trained on tiny") as refused:
        validate_lora(parse_spec("llamacpp/qwen2.5-coder-0.5b"), files["good"], settings)
    assert str(files["good"]) in str(refused.value)


# --- the registry ----------------------------------------------------------------------------
def test_finetuned_takes_the_latest_registered_version_and_finetuned_at_n_pins_one(
    files: dict[str, Path], tmp_path: Path, empty_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_store(tmp_path, empty_store, monkeypatch)
    settings = _settings(files, tmp_path)
    assert _register(settings, files["good"]) == 1
    assert _register(settings, files["other"]) == 2  # made for another size of the model
    with pytest.raises(LoraAdapterError) as refused:
        resolve_models("finetuned", settings)  # the latest, 2, does not load: no fallback
    assert f"{LORA_MODEL_NAME} version 2" in str(refused.value)
    with pytest.raises(LoraAdapterError) as missing:
        resolve_models("finetuned@7", settings)
    assert f"{LORA_MODEL_NAME} version 7 does not exist" in str(missing.value)
    assert "latest is version 2" in str(missing.value)

    base, tuned = resolve_models("base,finetuned@1", settings)
    assert base.adapter is None
    assert tuned.label == f"finetuned (base.gguf + {LORA_MODEL_NAME} v1)"
    fetched = registry_folder(settings, 1) / "adapter.gguf"
    assert tuned.spec == f"llamacpp/{files['base']}+lora={fetched}"
    assert fetched.read_bytes() == files["good"].read_bytes()
    assert tuned.adapter is not None
    assert (tuned.adapter.source, tuned.adapter.version) == ("registry", 1)
    assert tuned.adapter.sha256 == _sha(files["good"])
    # a pinned version wins over LLM_LORA_ADAPTER
    pinned = _settings(files, tmp_path, LLM_LORA_ADAPTER=str(files["good"]))
    assert resolve_models("finetuned@1", pinned)[0].spec == tuned.spec


def test_an_empty_registry_says_what_to_do(
    files: dict[str, Path], tmp_path: Path, empty_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_store(tmp_path, empty_store, monkeypatch)
    with pytest.raises(LoraAdapterError) as refused:
        resolve_models("finetuned", _settings(files, tmp_path))
    assert f"no version of {LORA_MODEL_NAME} is registered" in str(refused.value)
    assert "resolvia finetune train" in str(refused.value)


# --- servers ---------------------------------------------------------------------------------
class FakeChild:
    pid = 4242

    def __init__(self) -> None:
        self.running = True

    def is_running(self) -> bool:
        return self.running

    def stop(self, grace_s: float = 0.0) -> None:
        self.running = False


def test_one_server_per_model_file_and_adapter(
    files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[Path | None] = []

    def start(self: server_module.LlamaServer) -> None:
        started.append(self.lora_path)
        self.port, self.child = 40000 + len(started), FakeChild()  # type: ignore[assignment]

    monkeypatch.setattr(server_module.LlamaServer, "start", start)
    monkeypatch.setattr(server_module, "_servers", {})
    settings = _settings(files, tmp_path)
    base = build_chat_provider(f"llamacpp/{files['base']}", settings)
    tuned = build_chat_provider(f"llamacpp/{files['base']}+lora={files['good']}", settings)
    again = build_chat_provider(f"llamacpp/{files['base']}+lora={files['good']}", settings)
    assert base.server is not None and tuned.server is not None
    assert base.server is not tuned.server and tuned.server is again.server
    assert started == [None, files["good"]]
    assert base.server.base_url != tuned.server.base_url
    with pytest.raises(LoraAdapterError, match="keep one of them"):
        build_chat_provider(
            f"llamacpp/{files['base']}+lora={files['good']}", settings, lora_adapter=files["other"]
        )
    server_module.stop_all()
    assert server_module.running_servers() == []


def test_a_fallback_that_is_the_base_of_a_finetuned_model_is_left_out(
    files: dict[str, Path], tmp_path: Path
) -> None:
    from adapters.llm.client import build_llm_client

    base = f"llamacpp/{files['base']}"
    settings = _settings(files, tmp_path, LLM_MODEL="ollama/gemma3", LLM_FALLBACK_MODEL=base)
    client = build_llm_client(settings, f"{base}+lora={files['good']}")
    assert client.specs == [f"{base}+lora={files['good']}"]


# --- the report and MLflow -------------------------------------------------------------------
def _records(shift: int) -> list[IncidentRecord]:
    """Recorded outcomes of three gold incidents; ``shift`` moves the critic's scores."""
    right = {"resultado": "resolver", "kb_id": "KB-1", "accion": "cierre", "categoria": "r"}
    wrong = {"resultado": "escalar", "kb_id": None, "accion": None, "categoria": "n"}
    out = []
    for code, expected, scores in (
        ("INC1", right, [("KB-2", 60), ("KB-1", 80 + shift)]),
        ("INC2", right, [("KB-1", 70 + shift)]),
        ("INC3", wrong, [("KB-7", 75 - shift)]),
    ):
        entry = {
            "outcome": "escalated",
            "candidates": [{"kb_id": k, "action": "cierre"} for k, _ in scores],
            "critiques": [{"kb_id": k, "score": s, "approved": False} for k, s in scores],
            "identifiers": {},
            "seconds": 3.0,
        }
        out.append(IncidentRecord(code, expected, entry, []))
    return out


def test_compare_report_labels_auc_and_mlflow_params(
    files: dict[str, Path], tmp_path: Path, empty_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import finetune.evaluate as fe

    data = _with_store(tmp_path, empty_store, monkeypatch)
    monkeypatch.setenv("LLM_MODEL", f"llamacpp/{files['base']}")
    monkeypatch.setenv("CONFIDENCE_MODEL", "critico")  # the critic's own score
    # the scores below are laid out around 90: only the fine-tuned critic's 95 reaches it
    monkeypatch.setenv("CRITIC_APPROVAL_THRESHOLD", "90")
    settings = load_settings()
    _register(settings, files["good"])
    served: list[str] = []

    def collect(settings: Any, spec: str, split: str, **kwargs: Any) -> list[IncidentRecord]:
        served.append(spec)
        return _records(shift=15 if "+lora=" in spec else 0)

    monkeypatch.setattr(fe, "collect", collect)
    out = tmp_path / "report"
    result = runner.invoke(
        app, ["evaluate", "--models", "base,finetuned", "--out", str(out), "--json"]
    )
    assert result.exit_code == 0, result.output
    fetched = registry_folder(settings, 1) / "adapter.gguf"
    assert served == [f"llamacpp/{files['base']}", f"llamacpp/{files['base']}+lora={fetched}"]
    document = json.loads(result.stdout)
    base, tuned = document["models"]
    assert base["model"] == "base (base.gguf)" and base["adapter"] is None
    assert tuned["model"] == f"finetuned (base.gguf + {LORA_MODEL_NAME} v1)"
    assert tuned["adapter"]["version"] == 1 and tuned["adapter"]["sha256"] == _sha(fetched)
    # right rows scored 80, 70 against wrong ones at 60, 75 (3 of 4 pairs in order); the
    # fine-tuned critic's 95, 85 against 60, 60 separates them all
    assert base["critic_auc"] == 0.75 and tuned["critic_auc"] == 1.0
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "## Comparación" in report
    # side by side: critic AUC, confidence AUC, then precision and coverage at the threshold
    row = f"| {tuned['model']} ({tuned['configuration']}) | 1.000 | 1.000 | {tuned['threshold']}"
    assert f"{row} | 1.000 | 0.500 |" in report
    assert f"| {base['model']} ({base['configuration']}) | 0.750 |" in report
    assert f"{LORA_MODEL_NAME} versión 1 del registro de MLflow" in report
    assert (out / "pr_curve.png").read_bytes()[:4] == b"\x89PNG"

    store = MlflowStore(load_settings(DATA_DIR=data))
    runs = {
        r.data.params["model_label"]: r
        for r in store.search_runs("tags.`resolvia.command` = 'evaluate'")
    }
    assert set(runs) == {base["model"], tuned["model"]}
    tuned_run, base_run = runs[tuned["model"]], runs[base["model"]]
    assert tuned_run.data.params["model"] == tuned["spec"]
    assert tuned_run.data.params["adapter_version"] == "1"
    assert tuned_run.data.params["adapter_sha256"] == _sha(fetched)
    assert tuned_run.data.tags["resolvia.adapter_version"] == "1"
    assert tuned_run.data.tags["resolvia.model"] == tuned["spec"]
    assert tuned_run.data.metrics["critic_auc"] == 1.0
    assert "adapter_sha256" not in base_run.data.params
    assert "resolvia.adapter_sha256" not in base_run.data.tags


def test_a_bad_reference_stops_evaluate_before_any_model_call(
    files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import finetune.evaluate as fe

    monkeypatch.setenv("LLM_MODEL", f"llamacpp/{files['base']}")
    monkeypatch.setenv("LLM_LORA_ADAPTER", str(files["other"]))
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CONFIDENCE_MODEL", "critico")
    monkeypatch.setattr(fe, "collect", lambda *a, **k: pytest.fail("a model was called"))
    result = runner.invoke(app, ["evaluate", "--models", "base,finetuned"])
    assert result.exit_code == 1
    assert str(files["other"]) in " ".join(result.output.split())


# --- AUC -------------------------------------------------------------------------------------
def test_auc_counts_ties_as_half_and_agrees_with_sklearn() -> None:
    from sklearn.metrics import roc_auc_score

    assert auc([(0.9, True), (0.1, False)]) == 1.0
    assert auc([(0.1, True), (0.9, False)]) == 0.0
    assert auc([(0.5, True), (0.5, False)]) == 0.5
    assert auc([(0.5, True), (0.7, True)]) is None  # one kind of row only
    rng = random.Random(7)
    pairs = [(rng.randint(0, 10) / 10, rng.random() < 0.4) for _ in range(200)]
    expected = roc_auc_score([y for _, y in pairs], [p for p, _ in pairs])
    assert auc(pairs) == pytest.approx(expected, abs=1e-4)
