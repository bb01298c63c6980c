"""``python main.py evaluate``: the gold set through the real graph, per model/configuration.

For each model the gold incidents of the split are served by freshly seeded mock services in a
temporary directory (nothing from an earlier run leaks in, nothing is applied: dry run), the
index is built there, and the graph runs with ``score_every_candidate``: the critic is asked
about every candidate the policy could reach and nothing is taken. The engine's policy then
replays the decision at any threshold from the recorded scores (:mod:`finetune.metrics`), so
the threshold sweep costs no extra model calls.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from adapters.knowledge_base import load_kb
from adapters.llm_history import LLMHistory
from adapters.supervisor import free_ports
from adapters.vector_store import open_index
from config import Settings, load_settings
from domain.choices import SearchMode, Split
from domain.confidence import ConfidenceModel
from domain.policy import PolicyParams
from finetune import metrics as m
from finetune.gold import GoldItem, load_gold
from graph.context import RunOptions
from graph.runner import engine, run_queue
from mocks.process import PORTS, serve_mocks
from observability.logging import new_run_id


@dataclass(frozen=True)
class Configuration:
    """An ablation: which parts of the pipeline run."""

    reformulate: bool = True
    search_mode: SearchMode = "hybrid"
    critic: bool = True

    def run_options(self) -> RunOptions:
        """The engine's switches for this ablation (always a dry run that takes nothing, so
        every reachable candidate gets a critic score)."""
        return RunOptions(
            dry_run=True,
            reformulate=self.reformulate,
            search_mode=self.search_mode,
            critic=self.critic,
            score_every_candidate=self.critic,
        )

    def policy(
        self, threshold: int, max_retries: int, confidence_model: ConfidenceModel | None = None
    ) -> PolicyParams:
        return PolicyParams(
            threshold, max_retries, critic_enabled=self.critic, confidence_model=confidence_model
        )

    @property
    def name(self) -> str:
        parts = []
        if not self.reformulate:
            parts.append("no-reformulation")
        if self.search_mode != "hybrid":
            parts.append(f"{self.search_mode}-only")
        if not self.critic:
            parts.append("no-critic")
        return "+".join(parts) or "full"


def collect(
    settings: Settings,
    model: str,
    split: Split,
    *,
    limit: int | None = None,
    start: int = 0,
    config: Configuration = Configuration(),
    on_progress: Callable[[str, dict[str, Any] | None, int], None] | None = None,
    items: list[GoldItem] | None = None,
) -> list[m.IncidentRecord]:
    """Run the gold incidents through the graph and return what was recorded for each
    (``items``: these instead of the split's, e.g. reviewers' labels)."""
    gold = (
        items if items is not None else load_gold(settings.RESOURCES_DIR / "evaluacion", split)
    )[start:]
    gold = gold[:limit]
    mailboxes = sorted({g.incident["buzon"] for g in gold})
    with TemporaryDirectory(prefix="resolvia-eval-") as tmp_dir:
        tmp = Path(tmp_dir)
        incidents_file = tmp / "incidents.json"
        incidents_file.write_text(
            json.dumps([g.incident for g in gold], ensure_ascii=False), encoding="utf-8"
        )
        port = free_ports(PORTS)
        with serve_mocks(port, tmp / "mocks", incidents=incidents_file) as services:
            local = load_settings(
                DATA_DIR=tmp / "data",
                INCIDENT_MANAGER_URL=services.incident_manager_url,
                TARGET_SYSTEM_URL=services.target_system_url,
                LLM_MODEL=settings.LLM_MODEL,
                # the evaluated spec alone says which adapter is served (its +lora=): the
                # base model is evaluated without the configured one
                LLM_LORA_ADAPTER=None,
            )
            with open_index(local) as index:
                index.rebuild(load_kb(local.RESOURCES_DIR / "PROBLEMAS_GLOBALES.csv").rows)
            run_id = new_run_id()
            with engine(local, run_id, config.run_options(), model=model) as (ctx, graph):
                summary = run_queue(ctx, graph, mailboxes, on_progress=on_progress)
            history = LLMHistory(local.DATA_DIR / "llm_history.sqlite")
            calls: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for call in history.rows(run_id):
                calls[call["incident_id"]].append(call)
            history.close()
    entries = {o["incident_id"]: o for o in summary.outcomes}
    return [
        m.IncidentRecord(
            g.code,
            g.expected,
            entries.get(g.code, {"outcome": "error", "reason": "not processed"}),
            calls[g.code],
        )
        for g in gold
    ]


def summarize(
    records: list[m.IncidentRecord],
    *,
    model: str,
    config: Configuration,
    threshold: int,
    max_retries: int,
    target_precision: float,
    confidence_model: ConfidenceModel | None = None,
) -> dict[str, Any]:
    curve = m.sweep(
        records, max_retries, critic_enabled=config.critic, confidence_model=confidence_model
    )
    recommended = m.recommend_threshold(curve, target_precision) if config.critic else None
    params = config.policy(threshold, max_retries, confidence_model)
    at = m.decision_metrics(records, params)
    result: dict[str, Any] = {
        "model": model,
        "configuration": config.name,
        "critic": config.critic,
        "confidence_model": confidence_model.sha256[:16] if confidence_model else "critico",
        "incidents": len(records),
        **m.retrieval_metrics(records),
        "threshold": threshold,
        "coverage": at.coverage,
        "coverage_all": at.coverage_all,
        "precision": at.precision,
        "precision_lenient": at.precision_lenient,
        "escalation_accuracy": at.escalation_accuracy,
        "injection_actions": at.injection_actions,
        "errors": at.errors,
        "calibration": m.calibration_metrics(m.confidence_pairs(records, params)),
        "critic_auc": m.auc(m.critic_pairs(records)),
        "confidence_auc": m.auc(m.confidence_pairs(records, params)),
        "critic_confusion": m.critic_confusion(records, params),
        "schema_valid_rate": m.schema_valid_rate(records),
        **m.cost_metrics(records, params),
        "recommended_threshold": recommended,
        "target_precision": target_precision,
        "sweep": [asdict(point) for point in curve],
    }
    if recommended is not None:
        best_params = config.policy(recommended, max_retries, confidence_model)
        best = m.decision_metrics(records, best_params)
        result["at_recommended"] = {
            "precision": best.precision,
            "coverage": best.coverage,
            "escalation_accuracy": best.escalation_accuracy,
            "injection_actions": best.injection_actions,
            **m.cost_metrics(records, best_params),
        }
    return result


def write_reports(
    out: Path,
    split: str,
    results: list[dict[str, Any]],
    records_by_model: dict[str, list[m.IncidentRecord]],
    max_retries: int,
    confidence_model: ConfidenceModel | None = None,
) -> dict[str, Any]:
    """metrics.json, per_incident.csv, records.jsonl (what ``resolvia calibrate`` fits on),
    report.md, pr_curve.png and reliability.png under ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / "records.jsonl").open("w", encoding="utf-8") as fh:
        for key, records in records_by_model.items():
            for r in records:
                line: dict[str, Any] = {"run": key, "code": r.code, "expected": r.expected}
                line |= {"entry": r.entry, "calls": r.calls}
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    document = {"split": split, "models": results}
    (out / "metrics.json").write_text(json.dumps(document, ensure_ascii=False, indent=2), "utf-8")
    with (out / "per_incident.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(PER_INCIDENT_COLUMNS)
        for result in results:
            key = f"{result['model']}|{result['configuration']}"
            params = PolicyParams(
                result["threshold"],
                max_retries,
                critic_enabled=result.get("critic", True),
                confidence_model=confidence_model,
            )
            for r in records_by_model[key]:
                p = m.predict(r, params)
                candidates = r.entry.get("candidates", [])[:3]
                critiques = r.entry.get("critiques", [])
                writer.writerow(
                    [
                        result["model"],
                        result["configuration"],
                        r.code,
                        r.category,
                        r.expected.get("resultado"),
                        r.expected.get("kb_id"),
                        r.expected.get("accion"),
                        p.result,
                        p.kb_id,
                        p.action,
                        m.is_correct(p, r.expected),
                        " ".join(c["kb_id"] for c in candidates),
                        " ".join(f"{c['kb_id']}:{c['score']}" for c in critiques),
                        p.calls,
                        r.entry.get("seconds"),
                    ]
                )
    (out / "report.md").write_text(_markdown(split, results), encoding="utf-8")
    _plot(out / "pr_curve.png", results)
    _plot_reliability(out / "reliability.png", results)
    return document


PER_INCIDENT_COLUMNS = (
    "model",
    "configuration",
    "incident",
    "category",
    "expected_result",
    "expected_kb",
    "expected_action",
    "predicted_result",
    "predicted_kb",
    "predicted_action",
    "correct",
    "top3",
    "critic_scores",
    "llm_calls",
    "seconds",
)
REPORT_COLUMNS = (
    "model",
    "configuration",
    "recall_at_3",
    "mrr",
    "critic_auc",
    "threshold",
    "coverage",
    "precision",
    "precision_lenient",
    "escalation_accuracy",
    "injection_actions",
    "schema_valid_rate",
    "llm_calls_per_incident",
    "tokens_per_incident",
    "latency_p50_s",
    "latency_p95_s",
    "recommended_threshold",
)


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _markdown(split: str, results: list[dict[str, Any]]) -> str:
    cols = REPORT_COLUMNS
    lines = [
        f"# Evaluación en el conjunto gold ({split})",
        "",
        "| " + " | ".join(cols) + " |",
        "|" + "---|" * len(cols),
    ]
    lines += ["| " + " | ".join(_fmt(r.get(c)) for c in cols) + " |" for r in results]
    if len(results) > 1:
        lines += _comparison(results)
    for r in results:
        lines += ["", f"## {r['model']} ({r['configuration']})", ""]
        if r.get("spec") and r["spec"] != r["model"]:
            lines.append(f"Modelo servido: `{r['spec']}`.")
        adapter = r.get("adapter")
        if adapter:
            lines.append(
                f"Adaptador LoRA {_adapter_name(adapter)}: SHA-256 {adapter['sha256'][:16]}, "
                f"rango {adapter.get('rank')}, entrenado sobre {adapter.get('base_model') or '—'}."
            )
        lines.append(
            f"AUC del crítico {_fmt(r.get('critic_auc'))} (su puntuación sola), de la "
            f"confianza {_fmt(r.get('confidence_auc'))}."
        )
        cm = r["critic_confusion"]
        lines.append(
            f"Crítico a umbral {r['threshold']}: VP {cm['tp']}, FP {cm['fp']}, "
            f"VN {cm['tn']}, FN {cm['fn']}."
        )
        cal = r.get("calibration") or {}
        if cal.get("n"):
            lines.append(
                f"Calibración de la confianza ({r.get('confidence_model', 'critico')}): "
                f"ECE {cal['ece']}, Brier {cal['brier']} sobre {cal['n']} candidatas."
            )
        if r.get("at_recommended"):
            a = r["at_recommended"]
            lines.append(
                f"Umbral recomendado {r['recommended_threshold']} (precisión objetivo "
                f"{r['target_precision']}): precisión {_fmt(a['precision'])}, cobertura "
                f"{_fmt(a['coverage'])}."
            )
        else:
            lines.append(f"Ningún umbral alcanza la precisión objetivo {r['target_precision']}.")
    return "\n".join(lines) + "\n"


def _adapter_name(adapter: dict[str, Any]) -> str:
    if adapter.get("version") is not None:
        return f"{adapter['name']} versión {adapter['version']} del registro de MLflow"
    return f"`{adapter['path']}`"


def _comparison(results: list[dict[str, Any]]) -> list[str]:
    """The models side by side: how well the critic ranks, and what each does at the
    configured (calibrated) threshold and at its own recommended one."""
    lines = [
        "",
        "## Comparación",
        "",
        "| modelo | AUC crítico | AUC confianza | umbral | precisión | cobertura "
        "| umbral recomendado | precisión | cobertura |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        best = r.get("at_recommended") or {}
        cells = [
            f"{r['model']} ({r['configuration']})",
            *(_fmt(r.get(k)) for k in ("critic_auc", "confidence_auc", "threshold")),
            *(_fmt(r.get(k)) for k in ("precision", "coverage", "recommended_threshold")),
            _fmt(best.get("precision")),
            _fmt(best.get("coverage")),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


@contextmanager
def _figure(path: Path, size: tuple[float, float]) -> Iterator[Any]:
    """Axes of a new figure, saved to ``path`` (PNG) and closed on exit."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=size)
    try:
        yield ax
        ax.set_ylim(0, 1.05)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7)
        fig.tight_layout()
        fig.savefig(path, dpi=120)
    finally:
        plt.close(fig)


def _plot(path: Path, results: list[dict[str, Any]]) -> None:
    """Precision and coverage against the threshold."""
    with _figure(path, (8, 5)) as ax:
        for r in results:
            xs = [p["threshold"] for p in r["sweep"]]
            label = f"{r['model']} ({r['configuration']})"
            precision = [
                p["precision"] if p["precision"] is not None else float("nan") for p in r["sweep"]
            ]
            ax.plot(xs, precision, label=f"precisión · {label}")
            coverage = [p["coverage"] for p in r["sweep"]]
            ax.plot(xs, coverage, linestyle="--", label=f"cobertura · {label}")
        ax.set_xlabel("umbral de confianza")


def _plot_reliability(path: Path, results: list[dict[str, Any]]) -> None:
    """Reliability diagram: mean confidence vs. share of right rows per bin."""
    with _figure(path, (5, 5)) as ax:
        ax.plot([0, 1], [0, 1], color="grey", linewidth=0.8, label="calibración perfecta")
        for r in results:
            bins = r.get("calibration", {}).get("bins", [])
            if bins:
                label = f"{r['model']} ({r['configuration']}), ECE {r['calibration']['ece']}"
                xs = [b["confidence"] for b in bins]
                ax.plot(xs, [b["right"] for b in bins], marker="o", label=label)
        ax.set_xlabel("confianza media")
        ax.set_ylabel("fracción de filas correctas")
        ax.set_xlim(0, 1)
