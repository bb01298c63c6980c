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
from pathlib import Path
from typing import get_args

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qdrant_client import QdrantClient

from adapters.embeddings import build_embedder
from adapters.knowledge_base import load_kb
from adapters.ocr import TesseractOcr
from adapters.sparse import LexicalEncoder
from adapters.vector_store import HYBRID_WEIGHTS, RRF_K, KnowledgeIndex
from config import load_settings
from domain.choices import Split
from finetune.gold import incident_text, load_gold
from finetune.retrieval_eval import evaluate_retrieval
from observability.logging import configure_logging


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="test", choices=list(get_args(Split)))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--dense-weight", type=float, default=HYBRID_WEIGHTS[0])
    parser.add_argument("--sparse-weight", type=float, default=HYBRID_WEIGHTS[1])
    parser.add_argument("--rrf-k", type=int, default=RRF_K)
    parser.add_argument("--no-synonyms", action="store_true")
    args = parser.parse_args()
    configure_logging("WARNING")  # logs on stderr: stdout is the report

    settings = load_settings()
    items = [
        i for i in load_gold(settings.RESOURCES_DIR / "evaluacion", args.split) if i.resolvable
    ]
    kb = load_kb(settings.RESOURCES_DIR / "PROBLEMAS_GLOBALES.csv")
    lexical = (
        LexicalEncoder()
        if args.no_synonyms
        else LexicalEncoder.from_file(settings.RESOURCES_DIR / "SINONIMOS.txt")
    )
    embedder = build_embedder(settings, lazy=False)
    index = KnowledgeIndex(QdrantClient(":memory:"), "eval", embedder, lexical)
    index.rebuild(kb.rows)
    ocr = TesseractOcr(settings.DATA_DIR / "ocr_cache")
    attachments = settings.RESOURCES_DIR / "adjuntos"
    cases = [(i.code, incident_text(i.incident, ocr, attachments), str(i.kb_id)) for i in items]

    weights = (args.dense_weight, args.sparse_weight)
    results = {
        mode: evaluate_retrieval(index, cases, mode, weights=weights, rrf_k=args.rrf_k).as_dict()
        for mode in ("dense", "sparse", "hybrid")
    }
    if args.json:
        print(json.dumps({"split": args.split, "modes": results}, ensure_ascii=False, indent=2))
        return
    print(f"split={args.split}  resolvable incidents={len(cases)}")
    print(f"{'mode':8} {'R@1':>6} {'R@3':>6} {'R@5':>6} {'MRR':>6} {'p50 ms':>7}")
    for mode, r in results.items():
        keys = ("recall_at_1", "recall_at_3", "recall_at_5", "mrr")
        figures = " ".join(f"{r[key]:6.3f}" for key in keys)
        print(f"{mode:8} {figures} {r['latency_p50_ms']:7.1f}")
    for code, expected, got in results["hybrid"]["misses_at_3"]:
        print(f"  hybrid miss@3: {code} expected {expected}, got {got}")


if __name__ == "__main__":
    main()
