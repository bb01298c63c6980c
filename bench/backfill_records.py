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
"""

from __future__ import annotations

import argparse
import json
import sys
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", nargs="+", type=Path, help="records.jsonl files")
    parser.add_argument(
        "--recompute", action="store_true", help="Also entries that already have the field."
    )
    args = parser.parse_args()
    incidents = gold_incidents()
    ocr = TesseractOcr()
    for path in args.records:
        filled, flagged = backfill(path, incidents, ocr, recompute=args.recompute)
        print(f"{path}: {filled} entries filled, {flagged} read as several requests")


if __name__ == "__main__":
    main()
