"""Decision quality of several policies replayed on one evaluation's records (no model calls).

    .venv/bin/python bench/ablation.py bench/reports/<run>/records.jsonl [--model PATH]

Prints, for the critic's score alone and for the confidence model, at a few thresholds and
retry budgets: actions, precision (strict / lenient), coverage, escalation accuracy, injection
actions and model calls per incident — all replayed by the engine's own policy.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from domain.confidence import load_confidence_model
from domain.policy import PolicyParams
from finetune import metrics as m
from finetune.calibrate import read_records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--model", type=Path, default=Path("resources/calibracion/confianza.json"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    records = read_records(args.records)
    model = load_confidence_model(args.model)
    recorded = max(
        (len(r.entry.get("critiques", [])) for r in records), default=1
    )  # critic answers recorded per incident at most: replays cannot use more
    rows = []
    for name, confidence in (("critic score", None), ("confidence model", model)):
        for retries in range(recorded):
            for threshold in (60, 70, 78, 80, 85, 90, 95):
                params = PolicyParams(threshold, retries, confidence_model=confidence)
                d = m.decision_metrics(records, params)
                cost = m.cost_metrics(records, params)
                rows.append(
                    {
                        "decision": name,
                        "retries": retries,
                        "threshold": threshold,
                        "actions": d.actions,
                        "precision": d.precision,
                        "precision_lenient": d.precision_lenient,
                        "coverage": d.coverage,
                        "escalation_accuracy": d.escalation_accuracy,
                        "injection_actions": d.injection_actions,
                        "calls": cost["llm_calls_per_incident"],
                    }
                )
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    header = list(rows[0])
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join("—" if v is None else str(v) for v in row.values()) + " |")


if __name__ == "__main__":
    main()
