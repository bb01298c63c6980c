"""The resolution graph over the gold set, end to end, in dry-run mode.

Starts the mock services on loopback seeded with the gold incidents (demo date), builds a fresh
index, runs the real graph with the configured model, and prints per-incident cost: LLM calls
(total and on the first attempt), tokens, latency p50/p95, and the share of wall time spent
waiting for the model (target >= 90 %: the engine must not be the bottleneck), and decision
quality at the configured threshold with the definitions of ``main.py evaluate``.

    python bench/bench_graph.py [--split test] [--limit N] [--model SPEC]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import get_args

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from adapters.knowledge_base import load_kb
from adapters.llm_history import LLMHistory
from adapters.supervisor import free_ports
from adapters.vector_store import open_index
from config import REPO_ROOT, load_settings
from domain.choices import Split
from finetune import metrics as m
from finetune.gold import load_gold
from graph.context import RunOptions
from graph.runner import engine, run_queue
from mocks.process import PORTS, serve_mocks
from observability.logging import configure_logging, new_run_id


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="test", choices=list(get_args(Split)))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--model")
    args = parser.parse_args()
    configure_logging("WARNING")

    gold = load_gold(REPO_ROOT / "resources" / "evaluacion", args.split)[: args.limit]
    with tempfile.TemporaryDirectory(prefix="resolvia-bench-graph-") as tmp_dir:
        tmp = Path(tmp_dir)
        (tmp / "incidents.json").write_text(
            json.dumps([g.incident for g in gold], ensure_ascii=False), encoding="utf-8"
        )
        with serve_mocks(
            free_ports(PORTS), tmp / "mocks", incidents=tmp / "incidents.json"
        ) as mocks:
            settings = load_settings(
                DATA_DIR=tmp / "data",
                INCIDENT_MANAGER_URL=mocks.incident_manager_url,
                TARGET_SYSTEM_URL=mocks.target_system_url,
            )
            with open_index(settings) as index:
                index.rebuild(load_kb(settings.RESOURCES_DIR / "PROBLEMAS_GLOBALES.csv").rows)
            run_id = new_run_id()
            options = RunOptions(dry_run=True)
            with engine(settings, run_id, options, model=args.model) as (ctx, graph):
                ctx.llm.primary()  # start the model server before timing
                summary = run_queue(ctx, graph, ["SOPORTE_N1"])
            calls = list(LLMHistory(settings.DATA_DIR / "llm_history.sqlite").rows(run_id))

    by_incident: dict[str, list[dict]] = defaultdict(list)
    for c in calls:
        by_incident[c["incident_id"]].append(c)
    first_attempt = [
        sum(1 for c in by_incident[o["incident_id"]] if c["node"] == "reformulate")
        + min(1, sum(1 for c in by_incident[o["incident_id"]] if c["node"] == "critique"))
        for o in summary.outcomes
    ]
    latencies = [o["seconds"] for o in summary.outcomes]
    llm_wait = sum(c["latency_s"] or 0 for c in calls)
    n = max(1, len(summary.outcomes))
    entries = {o["incident_id"]: o for o in summary.outcomes}
    records = [
        m.IncidentRecord(
            g.code, g.expected, entries.get(g.code, {"outcome": "error"}), by_incident[g.code]
        )
        for g in gold
    ]
    quality = m.decision_metrics(records, ctx.policy)
    result = {
        "model": ctx.llm.primary_spec,
        "split": args.split,
        "incidents": len(summary.outcomes),
        "outcomes": dict(Counter(o["outcome"] for o in summary.outcomes)),
        "llm_calls_per_incident": round(sum(o["llm_calls"] or 0 for o in summary.outcomes) / n, 2),
        "llm_calls_first_attempt_max": max(first_attempt, default=0),
        "llm_calls_first_attempt_mean": round(statistics.mean(first_attempt), 2)
        if first_attempt
        else 0,
        "tokens_per_incident": round(sum(o["llm_tokens"] or 0 for o in summary.outcomes) / n),
        "latency_p50_s": round(_pct(latencies, 0.5), 2) if latencies else None,
        "latency_p95_s": round(_pct(latencies, 0.95), 2) if latencies else None,
        "wall_s": round(summary.seconds, 1),
        "llm_wait_share": round(llm_wait / summary.seconds, 3) if summary.seconds else None,
        "schema_valid_first_try": round(
            sum(1 for c in calls if c["first_try_valid"]) / max(1, len(calls)), 3
        ),
        # the same definitions as `main.py evaluate` (finetune.metrics), at the run's threshold
        "threshold": ctx.threshold,
        "actions": quality.actions,
        "correct_actions": quality.correct_actions,
        "coverage": quality.coverage,
        "precision": quality.precision,
        "escalation_accuracy": quality.escalation_accuracy,
        "injection_actions": quality.injection_actions,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
