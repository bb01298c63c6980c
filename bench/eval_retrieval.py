"""Retrieval quality on the gold set, without any LLM: recall@1/3/5 and MRR of the expected
knowledge-base row, for dense-only, lexical-only and hybrid search.

The query is what the engine has before any model call: title, description, history details
and the Tesseract text of screenshot attachments.

    python bench/eval_retrieval.py [--split test|dev|all] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qdrant_client import QdrantClient

from adapters.embeddings import build_embedder
from adapters.knowledge_base import load_kb
from adapters.ocr import TesseractOcr
from adapters.sparse import LexicalEncoder
from adapters.vector_store import KnowledgeIndex
from config import load_settings
from observability.logging import configure_logging

GOLD = Path(__file__).resolve().parents[1] / "resources" / "evaluacion"


def incident_text(incident: dict, ocr: TesseractOcr, attachments: Path) -> str:
    parts = [incident.get("titulo", ""), incident.get("descripcion", "")]
    for entry in incident.get("historial", []):
        if entry.get("detalle"):
            parts.append(entry["detalle"])
        for name in entry.get("adjuntos", []):
            path = attachments / Path(name).name
            if path.exists():
                parts.append(ocr.read(path.read_bytes(), name).text)
    return "\n".join(p for p in parts if p)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="test", choices=["test", "dev", "all"])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--dense-weight", type=float, default=1.0)
    parser.add_argument("--sparse-weight", type=float, default=1.0)
    parser.add_argument("--rrf-k", type=int, default=60)
    parser.add_argument("--no-synonyms", action="store_true")
    args = parser.parse_args()
    configure_logging("WARNING")  # logs on stderr: stdout is the report

    settings = load_settings()
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    items = [i for s in splits for i in json.loads((GOLD / f"gold_{s}.json").read_text("utf-8"))]
    resolvable = [
        i for i in items if i["esperado"].get("kb_id") and i["esperado"]["resultado"] != "escalar"
    ]
    kb = load_kb(settings.RESOURCES_DIR / "PROBLEMAS_GLOBALES.csv")
    lexical = LexicalEncoder.from_file(settings.RESOURCES_DIR / "SINONIMOS.txt")
    if args.no_synonyms:
        lexical = LexicalEncoder()
    embedder = build_embedder(settings, lazy=False)
    index = KnowledgeIndex(QdrantClient(":memory:"), "eval", embedder, lexical)
    index.rebuild(kb.rows)
    ocr = TesseractOcr(settings.DATA_DIR / "ocr_cache")
    attachments = settings.RESOURCES_DIR / "adjuntos"
    queries = [incident_text(i["incidencia"], ocr, attachments) for i in resolvable]

    results: dict[str, dict] = {}
    for mode in ("dense", "sparse", "hybrid"):
        r1 = r3 = r5 = mrr = 0.0
        latencies = []
        misses: list[tuple[str, str, list[str]]] = []
        for item, query in zip(resolvable, queries, strict=True):
            expected = item["esperado"]["kb_id"]
            started = time.perf_counter()
            weights = (args.dense_weight, args.sparse_weight)
            hits = index.search([query], k=5, mode=mode, weights=weights, rrf_k=args.rrf_k)
            latencies.append(time.perf_counter() - started)
            ids = [h.kb_id for h in hits]
            rank = ids.index(expected) + 1 if expected in ids else None
            r1 += rank == 1
            r3 += rank is not None and rank <= 3
            r5 += rank is not None
            mrr += 1 / rank if rank else 0
            if rank is None or rank > 3:
                misses.append((item["incidencia"]["codIncidencia"], expected, ids[:3]))
        n = len(resolvable)
        latencies.sort()
        results[mode] = {
            "n": n,
            "recall_at_1": round(r1 / n, 3),
            "recall_at_3": round(r3 / n, 3),
            "recall_at_5": round(r5 / n, 3),
            "mrr": round(mrr / n, 3),
            "latency_p50_ms": round(1000 * latencies[n // 2], 1),
            "misses_at_3": misses,
        }
    if args.json:
        print(json.dumps({"split": args.split, "modes": results}, ensure_ascii=False, indent=2))
        return
    print(f"split={args.split}  resolvable incidents={len(resolvable)}")
    print(f"{'mode':8} {'R@1':>6} {'R@3':>6} {'R@5':>6} {'MRR':>6} {'p50 ms':>7}")
    for mode, r in results.items():
        figures = " ".join(
            f"{r[key]:6.3f}" for key in ("recall_at_1", "recall_at_3", "recall_at_5", "mrr")
        )
        print(f"{mode:8} {figures} {r['latency_p50_ms']:7.1f}")
    for code, expected, got in results["hybrid"]["misses_at_3"]:
        print(f"  hybrid miss@3: {code} expected {expected}, got {got}")


if __name__ == "__main__":
    main()
