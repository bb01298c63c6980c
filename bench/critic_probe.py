"""How well the critic alone separates right from wrong knowledge-base rows: one call per pair.

For every gold incident of the split the probe builds the pairs the critic meets in the graph:
the gold row (a *positive*, for incidents that should be acted on) and the best-ranked row that
is not the gold one (a *negative*; for incidents that must escalate because nothing covers
them, the top row is a negative). Each pair is scored once with the given prompt version and
model; the probe prints the score distribution of positives and negatives, ROC AUC, and
accuracy at a few thresholds. It is the cheap loop for prompt work (a full ``evaluate`` costs
~4 calls per incident); decisions are still taken on ``evaluate``'s figures.

    python bench/critic_probe.py [--split dev] [--mode probabilidad|puntuacion] [--prompt v1]
                                 [--model SPEC] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import get_args

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qdrant_client import QdrantClient

from adapters.embeddings import build_embedder
from adapters.knowledge_base import load_kb
from adapters.llm.client import build_llm_client
from adapters.llm.server import stop_all
from adapters.ocr import TesseractOcr
from adapters.sparse import LexicalEncoder
from adapters.vector_store import KnowledgeIndex
from config import load_settings
from domain.choices import Split
from errors import LLMError
from finetune.gold import incident_text, load_gold
from graph.schemas import Critique
from observability.logging import configure_logging
from prompts.loader import load_prompt


@dataclass
class Scored:
    code: str
    kb_id: str
    positive: bool
    score: int | None
    seconds: float


def auc(pos: list[int], neg: list[int]) -> float | None:
    """Probability that a random positive scores above a random negative (ties count half)."""
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return round(wins / (len(pos) * len(neg)), 3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev", choices=list(get_args(Split)))
    parser.add_argument("--prompt", default="v1", help="version of the mode's critic prompt")
    parser.add_argument("--model")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--mode", default="probabilidad", choices=["probabilidad", "puntuacion"])
    args = parser.parse_args()
    configure_logging("WARNING")

    settings = load_settings()
    gold = load_gold(settings.RESOURCES_DIR / "evaluacion", args.split)
    kb = load_kb(settings.RESOURCES_DIR / "PROBLEMAS_GLOBALES.csv")
    rows = {r.id: r for r in kb.rows}
    index = KnowledgeIndex(
        QdrantClient(":memory:"),
        "probe",
        build_embedder(settings, lazy=False),
        LexicalEncoder.from_file(settings.RESOURCES_DIR / "SINONIMOS.txt"),
    )
    index.rebuild(kb.rows)
    ocr = TesseractOcr(settings.DATA_DIR / "ocr_cache")
    attachments = settings.RESOURCES_DIR / "adjuntos"
    pairs: list[tuple[str, str, str, bool]] = []  # code, text, kb id, positive
    for item in gold:
        category = item.expected.get("categoria")
        if not (item.resolvable or category == "no_cubierto"):
            continue
        text = incident_text(item.incident, ocr, attachments)
        hits = [h.kb_id for h in index.search([text], k=5)]
        if item.resolvable:
            pairs.append((item.code, text, str(item.kb_id), True))
        negative = next((h for h in hits if h != item.kb_id), None)
        if negative:
            pairs.append((item.code, text, negative, False))
    pairs = pairs[: args.limit]

    prompt = load_prompt(
        "critique_verdict" if args.mode == "probabilidad" else "critique", args.prompt
    )
    llm = build_llm_client(settings, args.model)
    scored: list[Scored] = []
    try:
        for n, (code, text, kb_id, positive) in enumerate(pairs, 1):
            row = rows[kb_id]
            values = {
                "incidencia": text,
                "componente": row.componente,
                "problema": row.descripcion,
                "solucion": row.solucion,
                "feedback": "",
            }
            used = {k: v for k, v in values.items() if k in prompt.placeholders}
            messages = prompt.render(**used)
            started = time.perf_counter()
            score: int | None
            try:
                if args.mode == "probabilidad":
                    score = round(100 * llm.verdict(messages).probability)
                else:
                    parsed = llm.structured(messages, Critique, max_tokens=200).parsed
                    score = parsed.puntuacion if parsed else None
            except LLMError:
                score = None
            seconds = time.perf_counter() - started
            scored.append(Scored(code, kb_id, positive, score, round(seconds, 2)))
            print(
                f"[{n}/{len(pairs)}] {code} {kb_id} {'+' if positive else '-'} {score}",
                file=sys.stderr,
            )
    finally:
        stop_all()

    pos = [s.score or 0 for s in scored if s.positive]
    neg = [s.score or 0 for s in scored if not s.positive]
    accuracy = {
        t: round(
            (sum(p >= t for p in pos) + sum(n < t for n in neg)) / max(1, len(pos) + len(neg)), 3
        )
        for t in (50, 65, 75, 85)
    }
    result = {
        "split": args.split,
        "prompt": args.prompt,
        "model": llm.primary_spec,
        "pairs": len(scored),
        "auc": auc(pos, neg),
        "positives_median": statistics.median(pos) if pos else None,
        "negatives_median": statistics.median(neg) if neg else None,
        "distinct_scores": sorted({s.score for s in scored if s.score is not None}),
        "accuracy_at": accuracy,
        "unparsed": sum(1 for s in scored if s.score is None),
        "seconds_median": statistics.median(s.seconds for s in scored) if scored else None,
        "pairs_detail": [asdict(s) for s in scored],
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print({k: v for k, v in result.items() if k != "pairs_detail"})


if __name__ == "__main__":
    main()
