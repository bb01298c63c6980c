"""What Resolvia logs to MLflow: calibrations, evaluations and fine-tuning datasets.

* :func:`log_calibration` — every ``resolvia calibrate`` fit: its parameters, the out-of-fold
  metrics, the artifact and its training report; the artifact is also registered as a new
  version of ``CONFIDENCE_MODEL_NAME`` (not promoted: ``resolvia finetune promote`` does that);
* :func:`log_evaluation` — every ``resolvia evaluate``: one run per evaluated model with the
  split, the model (its served spec, its label and, for a fine-tuned one, the LoRA adapter's
  registered version, SHA-256 and file), the threshold and which confidence model (registered
  version or file, and its SHA-256), the headline metrics (the critic's AUC too) and the report
  files. ``promote`` finds them by their tags;
* :func:`log_dataset` — a folder written by ``resolvia finetune dataset``, as MLflow datasets
  (one per split, from the chat JSONL, with the card's hash as digest) and the card.

Tracking never makes a command fail: when the store cannot be used the function logs a warning
and returns a :class:`Tracked` whose :meth:`Tracked.message` the command prints. Text artifacts
are redacted (:func:`observability.redaction.redact`) on their way to the store.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import structlog

from adapters.confidence_registry import ConfidenceChoice
from adapters.mlflow_store import CONFIDENCE_FILE, TAG_COMMAND, MlflowStore, TrackingError
from config import Settings, get_settings
from domain.confidence import ConfidenceModel
from observability.redaction import redact

log = structlog.get_logger(__name__)

#: tags of an evaluation run (``resolvia finetune promote`` searches them)
TAG_SPLIT = "resolvia.split"
TAG_MODEL = "resolvia.model"
TAG_THRESHOLD = "resolvia.threshold"
TAG_FULL_SPLIT = "resolvia.full_split"
TAG_CONFIDENCE_SHA = "resolvia.confidence_sha256"
TAG_CONFIDENCE_VERSION = "resolvia.confidence_version"
TAG_CONFIDENCE_SOURCE = "resolvia.confidence_source"
TAG_DATASET_SHA = "resolvia.dataset_sha256"
#: an evaluated model's label in the reports, and its LoRA adapter (``finetune.compare``)
TAG_MODEL_LABEL = "resolvia.model_label"
TAG_ADAPTER_SHA = "resolvia.adapter_sha256"
TAG_ADAPTER_VERSION = "resolvia.adapter_version"

#: report files of ``resolvia evaluate`` (finetune.evaluate.write_reports)
EVALUATION_FILES = (
    "metrics.json",
    "report.md",
    "per_incident.csv",
    "records.jsonl",
    "pr_curve.png",
    "reliability.png",
)
#: what an evaluation run holds as metrics: the report's key -> the metric's name
EVALUATION_METRICS = {
    "coverage": "coverage",
    "coverage_all": "coverage_all",
    "precision": "precision",
    "precision_lenient": "precision_lenient",
    "escalation_accuracy": "escalation_accuracy",
    "injection_actions": "injection_actions",
    "errors": "errors",
    "llm_calls_per_incident": "llm_calls_per_incident",
    "tokens_per_incident": "tokens_per_incident",
    "latency_p50_s": "latency_p50_s",
    "latency_p95_s": "latency_p95_s",
    "recall_at_3": "recall_at_3",
    "mrr": "mrr",
    "recommended_threshold": "recommended_threshold",
    "critic_auc": "critic_auc",
    "confidence_auc": "confidence_auc",
}
#: a dataset folder of ``resolvia finetune dataset``: the splits, each a chat JSONL file
DATASET_SPLITS = ("train", "validation")
DATASET_CARD = "card.json"
#: MLflow keeps at most 36 characters of a dataset digest: the card's SHA-256 is cut to 32
DIGEST_CHARS = 32
_TEXT_SUFFIXES = (".json", ".jsonl", ".md", ".csv", ".txt")


@dataclass(frozen=True)
class Tracked:
    """What tracking did for one command: its runs, or why nothing was logged."""

    run_ids: tuple[str, ...] = ()
    store: str | None = None
    #: the registered version a calibration created
    registered: str | None = None
    #: why nothing (or not everything) was logged: the command prints it as a warning
    problem: str | None = None
    #: MLFLOW_TRACKING=false
    disabled: bool = False
    details: dict[str, Any] = field(default_factory=dict)

    def message(self) -> str:
        """One line for the command's output."""
        if self.disabled:
            return "MLflow: tracking is off (MLFLOW_TRACKING=false), nothing logged"
        if self.problem:
            return f"warning: not logged to MLflow: {self.problem}"
        runs = ", ".join(self.run_ids)
        line = f"MLflow: run {runs} in {self.store}"
        return line + (f"; registered {self.registered}" if self.registered else "")

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_ids": list(self.run_ids),
            "store": self.store,
            "registered": self.registered,
            "problem": self.problem,
            "disabled": self.disabled,
        }


def _track(settings: Settings, what: str, body: Callable[[MlflowStore], Tracked]) -> Tracked:
    """Run ``body`` against the store; any failure is a warning and a :class:`Tracked` with
    the problem, never an exception."""
    if not settings.MLFLOW_TRACKING:
        return Tracked(disabled=True)
    try:
        return body(MlflowStore(settings))
    except TrackingError as exc:
        log.warning("mlflow.not_logged", what=what, error=str(exc))
        return Tracked(problem=str(exc))
    except Exception as exc:  # tracking never fails the command it records: warned and shown
        log.warning("mlflow.not_logged", what=what, error=repr(exc), exc_info=True)
        return Tracked(problem=f"{what}: {type(exc).__name__}: {exc}")


def _params(values: Mapping[str, Any]) -> dict[str, str]:
    return {k: str(v) for k, v in values.items() if v is not None}


def _metrics(values: Mapping[str, Any]) -> dict[str, float]:
    return {
        k: float(v)
        for k, v in values.items()
        if isinstance(v, int | float) and not isinstance(v, bool)
    }


def _log_files(files: Iterable[tuple[Path, str]], artifact_path: str | None = None) -> None:
    """Log ``(file, name)`` pairs as artifacts of the active run; text is redacted first."""
    import mlflow

    with tempfile.TemporaryDirectory(prefix="resolvia-mlflow-") as tmp:
        staging = Path(tmp)
        for source, name in files:
            target = staging / name
            if source.suffix in _TEXT_SUFFIXES:
                target.write_text(redact(source.read_text(encoding="utf-8")), encoding="utf-8")
            else:
                shutil.copyfile(source, target)
        mlflow.log_artifacts(str(staging), artifact_path=artifact_path)


# --- resolvia calibrate ----------------------------------------------------------------------
def log_calibration(
    settings: Settings,
    *,
    model: ConfidenceModel,
    artifact: Path,
    report: Mapping[str, Any],
    records: Path,
) -> Tracked:
    """Log one ``resolvia calibrate`` fit and register the artifact as a new version of
    ``CONFIDENCE_MODEL_NAME``."""
    cv = report.get("cross_validation") or {}
    operating = report.get("at_operating") or {}
    recommended = report.get("at_recommended") or {}
    params = _params(
        {
            "compare": model.compare,
            "operating_threshold": report.get("operating_threshold"),
            "recommended_threshold": report.get("recommended_threshold"),
            "target_precision": report.get("target_precision"),
            "embedding_model": model.embedding_model,
            "feature_set_version": model.feature_set_version,
            "examples": report.get("examples"),
            "right_examples": report.get("right_examples"),
            "incidents": report.get("incidents"),
            "records": records.name,
            "data_sha256": report.get("data_sha256"),
            "folds": cv.get("folds"),
        }
    )
    metrics = _metrics(
        {
            "oof_auc": cv.get("auc"),
            "oof_ece": cv.get("ece"),
            "oof_brier": cv.get("brier"),
            "oof_precision": operating.get("precision"),
            "oof_coverage": operating.get("coverage"),
            "oof_precision_recommended": recommended.get("precision"),
            "oof_coverage_recommended": recommended.get("coverage"),
        }
    )
    tags = {
        TAG_COMMAND: "calibrate",
        TAG_CONFIDENCE_SHA: model.sha256,
        "resolvia.embedding_model": model.embedding_model,
    }
    name = settings.CONFIDENCE_MODEL_NAME

    def body(store: MlflowStore) -> Tracked:
        import mlflow

        with tempfile.TemporaryDirectory(prefix="resolvia-confianza-") as tmp:
            folder = Path(tmp)
            shutil.copyfile(artifact, folder / CONFIDENCE_FILE)
            report_file = folder / "calibration_report.json"
            report_file.write_text(
                json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            with store.run(f"calibrate {model.sha256[:12]}", tags) as run_id:
                mlflow.log_params(params)
                mlflow.log_metrics(metrics)
                _log_files(
                    [(folder / CONFIDENCE_FILE, CONFIDENCE_FILE), (report_file, report_file.name)]
                )
                report_file.unlink()  # the registered version holds the model alone
                version = store.register_files(
                    name,
                    folder,
                    run_id=run_id,
                    model_type="resolvia-confianza",
                    params={k: params[k] for k in ("compare", "embedding_model") if k in params},
                    tags={
                        TAG_CONFIDENCE_SHA: model.sha256,
                        "embedding_model": model.embedding_model,
                        "feature_set_version": model.feature_set_version,
                        **(
                            {"data_sha256": params["data_sha256"]}
                            if "data_sha256" in params
                            else {}
                        ),
                    },
                    description=(
                        "Confidence model of Resolvia (resolvia calibrate): P(the proposed "
                        "knowledge-base row is right) from the critic's and retrieval's evidence."
                    ),
                )
                mlflow.set_tag("resolvia.registered_version", str(version))
        log.info("mlflow.calibration_logged", run_id=run_id, name=name, version=version)
        return Tracked(
            (run_id,),
            store.location.describe(),
            registered=f"{name} version {version}",
            details={"name": name, "version": version},
        )

    return _track(settings, "calibration", body)


# --- resolvia evaluate -----------------------------------------------------------------------
def log_evaluation(
    settings: Settings,
    *,
    folder: Path,
    split: str,
    results: list[dict[str, Any]],
    confidence: ConfidenceChoice,
    full_split: bool,
    options: Mapping[str, Any] | None = None,
) -> Tracked:
    """Log one ``resolvia evaluate``: a run per evaluated model (``results``, as
    :func:`finetune.evaluate.summarize` made them) with the report files of ``folder``.

    ``full_split``: the whole split was evaluated (no ``--limit``/``--start``/``--gold`` or
    ablation): only such runs count for ``resolvia finetune promote``."""
    files = [(folder / n, n) for n in EVALUATION_FILES if (folder / n).is_file()]
    chosen = confidence.as_dict()

    def body(store: MlflowStore) -> Tracked:
        import mlflow

        run_ids = []
        for result in results:
            # the served spec (``+lora=`` included) is what `promote` matches evaluations on;
            # the label is what the reports call the model
            spec = str(result.get("spec") or result["model"])
            adapter = result.get("adapter") or {}
            tags = {
                TAG_COMMAND: "evaluate",
                TAG_SPLIT: split,
                TAG_MODEL: spec,
                TAG_MODEL_LABEL: str(result["model"]),
                **({TAG_ADAPTER_SHA: adapter["sha256"]} if adapter else {}),
                **(
                    {TAG_ADAPTER_VERSION: str(adapter["version"])}
                    if adapter.get("version") is not None
                    else {}
                ),
                TAG_THRESHOLD: str(result["threshold"]),
                TAG_FULL_SPLIT: str(full_split).lower(),
                TAG_CONFIDENCE_SOURCE: confidence.source,
                **({TAG_CONFIDENCE_SHA: chosen["sha256"]} if chosen["sha256"] else {}),
                **(
                    {TAG_CONFIDENCE_VERSION: str(confidence.version)}
                    if confidence.version is not None
                    else {}
                ),
            }
            params = _params(
                {
                    "split": split,
                    "model": spec,
                    "model_label": result["model"],
                    "model_reference": result.get("reference"),
                    "configuration": result.get("configuration"),
                    "threshold": result["threshold"],
                    "incidents": result.get("incidents"),
                    "target_precision": result.get("target_precision"),
                    "confidence_source": confidence.source,
                    "confidence_name": confidence.name,
                    "confidence_version": confidence.version,
                    "confidence_alias": confidence.alias,
                    "confidence_path": confidence.path,
                    "confidence_sha256": chosen["sha256"],
                    "full_split": full_split,
                    **{f"adapter_{k}": v for k, v in adapter.items()},
                    **(options or {}),
                }
            )
            calibration = result.get("calibration") or {}
            metrics = _metrics(
                {
                    **{name: result.get(key) for key, name in EVALUATION_METRICS.items()},
                    "ece": calibration.get("ece"),
                    "brier": calibration.get("brier"),
                }
            )
            name = f"evaluate {split} {result['model']}"  # the label: base (…) / finetuned (…)
            with store.run(name, tags) as run_id:
                mlflow.log_params(params)
                mlflow.log_metrics(metrics)
                _log_files(files, artifact_path="report")
            run_ids.append(run_id)
        log.info("mlflow.evaluation_logged", run_ids=run_ids, split=split)
        return Tracked(tuple(run_ids), store.location.describe())

    return _track(settings, "evaluation", body)


# --- resolvia finetune dataset ---------------------------------------------------------------
def log_dataset(folder: Path, settings: Settings | None = None) -> Tracked:
    """Log a folder written by ``resolvia finetune dataset`` (``card.json`` and
    ``<split>.chat.jsonl`` / ``<split>.alpaca.jsonl`` per split): each split's chat file as an
    MLflow dataset (its rows' schema and profile, the file as source, the card's SHA-256 as
    digest), the card as an artifact, its counts as parameters."""
    settings = settings or get_settings()

    def body(store: MlflowStore) -> Tracked:
        import mlflow
        from mlflow.data.pandas_dataset import from_pandas

        card_path = folder / DATASET_CARD
        card = json.loads(card_path.read_text(encoding="utf-8"))
        sha = str(card.get("sha256") or "")
        if not sha:
            raise ValueError(f"{card_path} has no sha256: not a dataset card")
        task = str(card.get("task") or "dataset")
        counts = card.get("counts") or {}
        tags = {TAG_COMMAND: "dataset", TAG_DATASET_SHA: sha, "resolvia.task": task}
        with store.run(f"dataset {task} {sha[:12]}", tags) as run_id:
            mlflow.log_params(
                _params(
                    {
                        "task": task,
                        "sha256": sha,
                        "folder": folder.name,
                        **{f"{split}_examples": _count(counts, split) for split in DATASET_SPLITS},
                    }
                )
            )
            for split in DATASET_SPLITS:
                path = folder / f"{split}.chat.jsonl"
                if not path.is_file():
                    raise ValueError(f"{path} is missing: not a complete dataset folder")
                dataset = from_pandas(
                    _chat_frame(path),
                    source=str(path.resolve()),
                    name=f"{task}-{split}",
                    digest=sha[:DIGEST_CHARS],
                    targets="label",
                )
                mlflow.log_input(dataset, context=split, tags={TAG_DATASET_SHA: sha})
            extras = [p for p in sorted(folder.glob("card.*")) if p.name != DATASET_CARD]
            _log_files([(card_path, DATASET_CARD), *((p, p.name) for p in extras)])
        log.info("mlflow.dataset_logged", run_id=run_id, sha256=sha, task=task)
        return Tracked((run_id,), store.location.describe(), details={"sha256": sha})

    return _track(settings, "dataset", body)


def _count(counts: Mapping[str, Any], split: str) -> Any:
    value = counts.get(split)
    if isinstance(value, Mapping):
        return value.get("records", value.get("examples"))
    return value


def _chat_frame(path: Path) -> Any:
    """The rows of a chat JSONL file as a DataFrame; the messages and sources as JSON text
    (MLflow infers a column schema, which lists of dicts do not have)."""
    import pandas as pd

    columns = ("messages", "incident_id", "task", "label", "kb_id", "sources")
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        rows.append(
            {
                "messages": json.dumps(item.get("messages", []), ensure_ascii=False),
                "incident_id": str(item.get("incident_id") or ""),
                "task": str(item.get("task") or ""),
                "label": None if item.get("label") is None else str(item.get("label")),
                "kb_id": str(item.get("kb_id") or ""),
                "sources": json.dumps(item.get("sources", []), ensure_ascii=False),
            }
        )
    return pd.DataFrame(rows, columns=list(columns))


# --- resolvia finetune train -----------------------------------------------------------------
#: the registered model that holds the critic's LoRA adapters
LORA_MODEL_NAME = "resolvia-critico-lora"


def log_training(tracking: Mapping[str, Any], settings: Settings | None = None) -> Tracked:
    """Log one ``resolvia finetune train`` run (``TrainResult.tracking()``: params, final
    metrics, the loss/accuracy history per step, artifacts, tags) and register its llama.cpp
    adapter (``adapter.gguf`` + ``metrics.json``) as a new version of
    :data:`LORA_MODEL_NAME`, never promoted by itself: serving it stays an explicit
    ``LLM_LORA_ADAPTER``."""
    settings = settings or get_settings()
    params = _params(tracking.get("params") or {})
    metrics = _metrics(tracking.get("metrics") or {})
    tags = {
        TAG_COMMAND: "finetune_train",
        **{f"resolvia.{k}": str(v) for k, v in (tracking.get("tags") or {}).items()},
    }
    artifacts = {k: Path(v) for k, v in (tracking.get("artifacts") or {}).items()}

    def body(store: MlflowStore) -> Tracked:
        import mlflow

        base = str((tracking.get("tags") or {}).get("base_model", "base"))
        with store.run(f"finetune train {base}", tags) as run_id:
            mlflow.log_params(params)
            mlflow.log_metrics(metrics)
            for name, value, step in tracking.get("history") or []:
                mlflow.log_metric(str(name), float(value), step=int(step))
            _log_files(
                [(path, path.name) for key, path in artifacts.items() if path.is_file()],
            )
            version = None
            adapter = artifacts.get("adapter_gguf")
            if adapter is not None and adapter.is_file():
                with tempfile.TemporaryDirectory(prefix="resolvia-lora-") as tmp:
                    folder = Path(tmp)
                    shutil.copyfile(adapter, folder / adapter.name)
                    if "metrics" in artifacts and artifacts["metrics"].is_file():
                        shutil.copyfile(artifacts["metrics"], folder / "metrics.json")
                    version = store.register_files(
                        LORA_MODEL_NAME,
                        folder,
                        run_id=run_id,
                        model_type="llama.cpp-lora",
                        params={k: params[k] for k in ("base_sha256",) if k in params},
                        tags={k.removeprefix("resolvia."): v for k, v in tags.items()},
                        description=(
                            "LoRA adapter of the bundled model for Resolvia's critic "
                            "(resolvia finetune train), in llama.cpp's GGUF adapter format: "
                            "serve it with LLM_LORA_ADAPTER on the same base model."
                        ),
                    )
                    mlflow.set_tag("resolvia.registered_version", str(version))
        log.info("mlflow.training_logged", run_id=run_id, name=LORA_MODEL_NAME, version=version)
        return Tracked(
            (run_id,),
            store.location.describe(),
            registered=None if version is None else f"{LORA_MODEL_NAME} version {version}",
            details={"name": LORA_MODEL_NAME, "version": version},
        )

    return _track(settings, "fine-tuning run", body)
