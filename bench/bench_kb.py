"""Knowledge-base index benchmark: 1,000 rows scaled from the sample, on-disk local Qdrant.

Prints the time of a cold build, of a rebuild with no changes, of a rebuild with 10 rows
changed (targets: <= 20 s, <= 3 s, <= 4 s on 2 cores), and hybrid search latency p50/p95.
Model loading is reported apart (it happens once per process).

    python bench/bench_kb.py [--rows 1000] [--queries 200]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qdrant_client import QdrantClient

from adapters.embeddings import build_embedder
from adapters.knowledge_base import KBRow, load_kb
from adapters.vector_store import KnowledgeIndex
from config import load_settings
from observability.logging import configure_logging

VARIANTS = [
    "",
    " Ocurre desde la última actualización.",
    " Le pasa también a otros compañeros de su departamento.",
    " Sucede solo desde el portátil, no desde el ordenador de sobremesa.",
    " El usuario lo ha intentado varias veces sin éxito.",
    " Es urgente porque afecta a la atención a clientes.",
    " Lo notificó por teléfono y luego por correo.",
    " Empezó el lunes por la mañana.",
    " Tras reiniciar el equipo el problema persiste.",
    " Ocurre en la oficina de Valencia.",
    " El asegurado insiste en que es la segunda vez.",
]


def scaled_rows(base: list[KBRow], n: int) -> list[KBRow]:
    rows = []
    for i in range(n):
        src = base[i % len(base)]
        variant = VARIANTS[(i // len(base)) % len(VARIANTS)]
        rows.append(
            src.model_copy(
                update={"id": f"BENCH-{i:05d}", "descripcion": src.descripcion + variant}
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    configure_logging("WARNING")  # logs on stderr: stdout is the report
    settings = load_settings()
    base = load_kb(settings.RESOURCES_DIR / "PROBLEMAS_GLOBALES.csv").rows
    rows = scaled_rows(base, args.rows)

    started = time.perf_counter()
    embedder = build_embedder(settings, lazy=False)
    embedder.embed_query("calentamiento")
    model_load_s = time.perf_counter() - started

    with tempfile.TemporaryDirectory(prefix="resolvia-bench-kb-") as tmp:
        client = QdrantClient(path=tmp)
        index = KnowledgeIndex(client, "bench", embedder)
        cold = index.rebuild(rows)
        unchanged = index.rebuild(rows)
        changed_rows = list(rows)
        for i in range(0, 10 * (args.rows // 10), args.rows // 10):
            changed_rows[i] = rows[i].model_copy(update={"solucion": rows[i].solucion + " (rev.)"})
        changed = index.rebuild(changed_rows)
        assert changed.updated == 10 and changed.unchanged == args.rows - 10, changed

        queries = [r.descripcion for r in base]
        latencies = []
        for q in (queries * (args.queries // len(queries) + 1))[: args.queries]:
            t = time.perf_counter()
            index.search([q], k=5)
            latencies.append(1000 * (time.perf_counter() - t))
        client.close()

    latencies.sort()
    result = {
        "rows": args.rows,
        "model_load_s": round(model_load_s, 2),
        "cold_build_s": cold.seconds,
        "unchanged_rebuild_s": unchanged.seconds,
        "ten_changed_rebuild_s": changed.seconds,
        "search_p50_ms": round(statistics.median(latencies), 1),
        "search_p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
        "targets": {"cold_build_s": 20, "unchanged_rebuild_s": 3, "ten_changed_rebuild_s": 4},
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
