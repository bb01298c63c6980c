"""Queue throughput with several workers and several incidents at once per worker (issue #17
point 5): ``resolvia run`` with ``RUN_WORKERS`` processes, each keeping ``RUN_CONCURRENCY``
incidents in flight.

Against the mock services seeded with the demo incidents, cloned under new codes up to
``--incidents``, and a fake OpenAI-compatible model server (tests/fake_llm_server.py, the same
fake the fault tests use) that answers every chat call after a fixed latency, at most
``--slots`` calls at once, like a batched server's parallel slots; the embeddings come from a
second fake without latency. The knowledge-base index is built once (``batch.py``); each
repeat gets a fresh copy of it, fresh mock state and a fresh data directory.

It shows the engine's own scaling, not the model's: with a real model on this machine the
model is the bottleneck, whatever the number of workers. Two figures per run:

* **wall**: incidents per minute over the whole command, start-up of the workers included;
* **loop**: incidents per minute over the longest worker's run loop (from its first claim to
  its summary), i.e. with the start-up left out: the throughput of a long queue.

``--runs`` lists the configurations as ``WORKERSxAT_ONCE`` (``8x1``: eight processes, one
incident at a time each; ``1x8``: one process with eight incidents in flight). Medians over
``--repeats``; the ratio is to the first configuration's median (``1x1`` by default).

    python bench/throughput.py [--runs 1x1,1x8,2x4,4x2,8x1] [--incidents 192]
                               [--repeats 3] [--latency 1.0] [--slots 8]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from adapters.supervisor import free_ports
from config import REPO_ROOT, Settings
from mocks.process import PORTS, serve_mocks
from tests.fake_llm_server import EMBEDDING_DIMENSION, FakeModelServer

TOKEN = "bench-mocks-token"  # guards the loopback mocks only
_SETTINGS = frozenset(name.upper() for name in Settings.model_fields)


def queue(dest: Path, size: int) -> list[str]:
    """The demo incidents of SOPORTE_N1, cloned under new codes up to ``size``; the seed file."""
    demo = json.loads((REPO_ROOT / "resources" / "incidencias_demo.json").read_text("utf-8"))
    base = [i for i in demo if i["buzon"] == "SOPORTE_N1"]
    incidents = []
    for n in range(size):
        clone = json.loads(json.dumps(base[n % len(base)]))
        clone["codIncidencia"] = f"INC9{n:05d}"
        incidents.append(clone)
    dest.write_text(json.dumps(incidents, ensure_ascii=False), encoding="utf-8")
    return [i["codIncidencia"] for i in incidents]


def base_env(root: Path, chat: FakeModelServer, embeddings: FakeModelServer) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k.upper() not in _SETTINGS}
    return {
        **clean,
        "PYTHONPATH": str(REPO_ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "DATA_DIR": str(root / "data"),
        "OUTPUT_DIR": str(root / "out"),
        "MODELS_DIR": str(root / "models"),
        "LLM_MODEL": chat.chat_spec,
        "EMBEDDING_MODEL": embeddings.embedding_spec,
        "EMBEDDING_DIMENSION": str(EMBEDDING_DIMENSION),
        "MOCKS_TOKEN": TOKEN,
        "BUZONES": "SOPORTE_N1",
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "WARNING",
        "LLM_TIMEOUT_S": "120",
        # the shipped confidence model was fitted on another embedding model's similarities
        "CONFIDENCE_MODEL": "critico",
    }


def build_index(root: Path, env: dict[str, str]) -> Path:
    proc = subprocess.run(
        [sys.executable, str(REPO_ROOT / "batch.py"), "--json"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"batch.py failed:\n{proc.stderr[-3000:]}")
    return Path(env["DATA_DIR"]) / "qdrant"


def one_run(
    root: Path, env: dict[str, str], index: Path, seed: Path, workers: int, at_once: int
) -> dict[str, Any]:
    """One ``main.py run --json`` with ``workers`` processes of ``at_once`` incidents in flight
    each, on a fresh installation; its figures."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "data").mkdir(parents=True)
    shutil.copytree(index, root / "data" / "qdrant")
    with serve_mocks(
        free_ports(PORTS),
        root / "mocks",
        incidents=seed,
        env={**env, "DATA_DIR": str(root / "mocks-settings")},
        cwd=root,
    ) as mocks:
        run_env = {
            **env,
            "DATA_DIR": str(root / "data"),
            "OUTPUT_DIR": str(root / "out"),
            "INCIDENT_MANAGER_URL": mocks.incident_manager_url,
            "TARGET_SYSTEM_URL": mocks.target_system_url,
            "RUN_WORKERS": str(workers),
            "RUN_CONCURRENCY": str(at_once),
        }
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, str(REPO_ROOT / "main.py"), "run", "--json"],
            cwd=root,
            env=run_env,
            capture_output=True,
            text=True,
            timeout=3600,
            check=False,
        )
        wall = time.perf_counter() - started
    summary = json.loads(proc.stdout.strip().splitlines()[-1]) if proc.stdout.strip() else {}
    if proc.returncode != 0 or not summary:
        raise SystemExit(f"the run {workers}x{at_once} failed:\n{proc.stderr[-3000:]}")
    if workers > 1:
        loop = max(float(w["seconds"] or 0) for w in summary["workers"])
    else:
        loop = float(summary["seconds"])
    return {"processed": summary["processed"], "wall_s": wall, "loop_s": loop}


def configurations(text: str) -> list[tuple[int, int]]:
    """``"1x1,8x1,1x8"`` -> [(1, 1), (8, 1), (1, 8)] (workers, incidents at once each)."""
    found = []
    for part in text.split(","):
        workers, _, at_once = part.strip().lower().partition("x")
        try:
            found.append((int(workers), int(at_once or 1)))
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{part!r} is not WORKERSxAT_ONCE, e.g. 8x1 or 1x8"
            ) from None
    if not found or any(w < 1 or a < 1 for w, a in found):
        raise argparse.ArgumentTypeError("every configuration needs at least 1x1")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs",
        type=configurations,
        default=configurations("1x1,1x8,2x4,4x2,8x1"),
        help="Configurations WORKERSxAT_ONCE, comma-separated (the first is the baseline).",
    )
    parser.add_argument(
        "--incidents",
        type=int,
        default=192,
        help="Queue length: long enough that start-up and the last, half-empty round weigh little.",
    )
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--latency", type=float, default=1.0, help="Seconds per model call.")
    parser.add_argument("--slots", type=int, default=8, help="Model calls answered at once.")
    args = parser.parse_args()

    with (
        tempfile.TemporaryDirectory(prefix="resolvia-bench-throughput-") as tmp_dir,
        FakeModelServer(latency_s=args.latency, slots=args.slots) as chat,
        FakeModelServer(latency_s=0.0) as embeddings,
    ):
        tmp = Path(tmp_dir)
        env = base_env(tmp / "index", chat, embeddings)
        (tmp / "index").mkdir()
        index = build_index(tmp / "index", env)
        seed = tmp / "incidents.json"
        codes = queue(seed, args.incidents)
        print(
            f"{len(codes)} incidents, model call {args.latency} s with {args.slots} slot(s), "
            f"{os.cpu_count()} CPU(s), medians of {args.repeats}",
            flush=True,
        )
        rows: dict[tuple[int, int], dict[str, float]] = {}
        for workers, at_once in args.runs:
            runs = []
            for repeat in range(args.repeats):
                chat.reset()
                where = tmp / f"r{workers}x{at_once}-{repeat}"
                result = one_run(where, env, index, seed, workers, at_once)
                calls, peak = chat.chat_requests(), chat.chat_peak
                runs.append(result)
                print(
                    f"  {workers} worker(s) x {at_once} at once, repeat {repeat + 1}: "
                    f"{result['processed']} processed, wall {result['wall_s']:.1f} s, "
                    f"loop {result['loop_s']:.1f} s, {calls} model calls, at most {peak} at once",
                    flush=True,
                )
            rows[(workers, at_once)] = {
                "wall": statistics.median(60 * r["processed"] / r["wall_s"] for r in runs),
                "loop": statistics.median(60 * r["processed"] / r["loop_s"] for r in runs),
            }
        base = rows[args.runs[0]]
        print(
            f"\n{'workers':>7} {'at once':>7} {'wall inc/min':>13} {'ratio':>6} "
            f"{'loop inc/min':>13} {'ratio':>6}"
        )
        for (workers, at_once), row in rows.items():
            print(
                f"{workers:>7} {at_once:>7} "
                f"{row['wall']:>13.1f} {row['wall'] / base['wall']:>5.2f}x "
                f"{row['loop']:>13.1f} {row['loop'] / base['loop']:>5.2f}x"
            )


if __name__ == "__main__":
    main()
