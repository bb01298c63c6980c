"""Add to recorded evaluations what a newer engine records and an older one did not.

``several_requests`` (feature set v4, :mod:`domain.requests`) is a deterministic reading of
the requester's text. The engine computes it in ``analyze_attachments`` from the incident and
its screenshots' text; records collected before it existed lack it. This computes it the same
way (:func:`finetune.gold.incident_reading`: the gold incident and the Tesseract text of its
screenshots, composed as the graph composes them) and writes it into each
entry that lacks it, so ``resolvia calibrate`` and ``resolvia evaluate --replay`` decide those
records as the engine would now. Entries that have the field are left as they are, unless
``--recompute`` (after the reading's definition changed; bump the feature set then).

    python bench/backfill_records.py bench/reports/evaluation_dev_calibracion_v3/records.jsonl ...

No model is called. The file is rewritten in place (through a temporary file).

``--row-pmi`` (feature set v5, :mod:`graph.row_likelihood`) does call the model: it starts the
engine's own managed llama.cpp server (LLM_MODEL, LLM_N_THREADS) and measures ``row_pmi`` for
every critique with a score that lacks it, with the engine's code, the recorded critic prompt
(``critique_verdict/<CRITIC_PROMPT_VERSION>``), the incident's text as the engine composes it and
the row's text from the knowledge base. About 1-2 s per critique on 2 cores; the rows'
baselines are kept under DATA_DIR like the engine's. One model process: do not run it beside
another llama.cpp server.

    python bench/backfill_records.py --row-pmi \
        bench/reports/evaluation_dev_calibracion_v3/records.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from adapters.ocr import TesseractOcr
from finetune.gold import incident_reading, read_gold_file

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "resources" / "evaluacion"
ATTACHMENTS = ROOT / "resources" / "adjuntos"


def gold_incidents() -> dict[str, dict]:
    """Every gold incident by code, across the split files."""
    out: dict[str, dict] = {}
    for path in sorted(GOLD.glob("gold_*.json")):
        for item in read_gold_file(path):
            out[str(item.incident["codIncidencia"])] = item.incident
    return out


def backfill(
    path: Path, incidents: dict[str, dict], ocr: TesseractOcr, *, recompute: bool = False
) -> tuple[int, int]:
    """Rewrite ``path`` with the field added where missing; (entries filled, of them flagged)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    filled = flagged = 0
    out = []
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)
        entry = record.get("entry") or {}
        if recompute or "several_requests" not in entry:
            incident = incidents.get(record["code"])
            if incident is None:
                raise SystemExit(f"{path}: {record['code']} is in no gold file under {GOLD}")
            entry["several_requests"] = incident_reading(
                incident, ocr, ATTACHMENTS
            ).several_requests
            record["entry"] = entry
            filled += 1
            flagged += entry["several_requests"]
        out.append(json.dumps(record, ensure_ascii=False))
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(out) + "\n", encoding="utf-8")
    tmp.replace(path)
    return filled, flagged


def backfill_row_pmi(
    path: Path, incidents: dict[str, dict], ocr: TesseractOcr, *, recompute: bool = False
) -> tuple[int, int]:
    """Rewrite ``path`` with ``row_pmi`` on every scored critique lacking it; (critiques
    measured, of them failed)."""
    from adapters.knowledge_base import load_kb
    from adapters.llm.client import build_llm_client
    from adapters.llm.server import stop_all
    from config import load_settings
    from graph.row_likelihood import (
        NO_INCIDENT,
        RowBaselines,
        baseline,
        model_tag,
        row_likelihood,
    )
    from prompts.loader import load_prompt

    settings = load_settings()
    rows = {r.id: r for r in load_kb(ROOT / "resources" / "PROBLEMAS_GLOBALES.csv").rows}
    prompt = load_prompt("critique_verdict", settings.CRITIC_PROMPT_VERSION)
    llm = build_llm_client(settings)
    baselines = RowBaselines(
        settings.DATA_DIR / "row_likelihood", model_tag(settings.LLM_LORA_ADAPTER)
    )
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    todo = sum(
        1
        for r in records
        for c in (r.get("entry") or {}).get("critiques", [])
        if c.get("score") is not None and (recompute or "row_pmi" not in c)
    )
    measured = failed = 0
    began = time.monotonic()

    def values_of(text: str, kb_id: str) -> dict[str, str]:
        row = rows[kb_id]
        values = {"incidencia": text, "componente": row.componente}
        values["problema"] = row.descripcion
        values["solucion"] = row.solucion
        return {k: v for k, v in values.items() if k in prompt.placeholders}

    try:
        # every row's baseline first: they share their prompt up to the row, so each costs
        # only its row's tokens; then each incident's rows one after another, for the same
        # reason (interleaved, every call would evaluate its whole prompt again)
        needed = sorted(
            {
                c["kb_id"]
                for r in records
                for c in (r.get("entry") or {}).get("critiques", [])
                if c.get("score") is not None and (recompute or "row_pmi" not in c)
            }
        )
        for kb_id in needed:
            baseline(llm, baselines, prompt, values_of(NO_INCIDENT, kb_id))
        print(f"  baselines of {len(needed)} rows in {time.monotonic() - began:.0f} s")
        for record in records:
            critiques = (record.get("entry") or {}).get("critiques", [])
            wanted = [
                c
                for c in critiques
                if c.get("score") is not None and (recompute or "row_pmi" not in c)
            ]
            if not wanted:
                continue
            incident = incidents.get(record["code"])
            if incident is None:
                raise SystemExit(f"{path}: {record['code']} is in no gold file under {GOLD}")
            text = incident_reading(incident, ocr, ATTACHMENTS).text
            for critique in wanted:
                result = row_likelihood(llm, baselines, prompt, values_of(text, critique["kb_id"]))
                critique["row_pmi"] = result.pmi
                measured += 1
                failed += result.pmi is None
                if measured % 25 == 0:
                    rate = (time.monotonic() - began) / measured
                    print(f"  {measured}/{todo} · {rate:.1f} s each", flush=True)
    finally:
        stop_all()
    out = [json.dumps(r, ensure_ascii=False) for r in records]
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(out) + "\n", encoding="utf-8")
    tmp.replace(path)
    return measured, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", nargs="+", type=Path, help="records.jsonl files")
    parser.add_argument(
        "--recompute", action="store_true", help="Also entries that already have the field."
    )
    parser.add_argument(
        "--row-pmi",
        action="store_true",
        help="Measure row_pmi with the bundled model (slow) instead of several_requests.",
    )
    args = parser.parse_args()
    incidents = gold_incidents()
    ocr = TesseractOcr()
    for path in args.records:
        if args.row_pmi:
            measured, failed = backfill_row_pmi(path, incidents, ocr, recompute=args.recompute)
            print(f"{path}: row_pmi measured for {measured} critiques, {failed} failed")
            continue
        filled, flagged = backfill(path, incidents, ocr, recompute=args.recompute)
        print(f"{path}: {filled} entries filled, {flagged} read as several requests")


if __name__ == "__main__":
    main()
