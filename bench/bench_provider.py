"""Overhead of Resolvia's provider layer over raw llama_cpp, on the same prompts.

Path A (raw): ``llama_cpp.Llama.create_chat_completion`` in-process, JSON-schema constrained.
Path B (provider): ``LLMClient.structured`` -> ChatOpenAI -> managed llama.cpp server over HTTP
-> Pydantic validation. Same model file, threads, context, prompts, schema and max_tokens; runs
interleaved (A, B, A, B, ...) so machine noise hits both alike; a warm-up call each is discarded.
Each prompt is different so the KV-cache prefix reuse does not flatter either side.

    python bench/bench_provider.py [--model qwen2.5-coder-1.5b] [--rounds 3]

Prints medians per path, the ratio provider/raw (target <= 1.05), and writes JSON to
bench/results/.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Literal

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, Field

from adapters.llm.client import LLMClient, parse_structured
from adapters.llm.providers import build_chat_provider, resolve_gguf
from adapters.llm.server import stop_all
from adapters.llm.specs import parse_spec
from config import load_settings


class Triage(BaseModel):
    componente: Literal["Correo", "Accesos", "Reembolsos", "Tarjeta Digital", "Puesto de trabajo"]
    resumen: str = Field(max_length=120)
    urgente: bool


SYSTEM = "Clasifica la incidencia. Responde solo con un objeto JSON según el esquema."
INCIDENTS = [
    "Outlook me pide la contraseña en bucle desde esta mañana y no puedo enviar correos.",
    "El reembolso de la factura del dentista lleva 40 días pendiente y no sé nada.",
    "La tarjeta digital de mi hija no aparece en la app después de darla de alta.",
    "Mi usuario está bloqueado tras varios intentos fallidos, no puedo entrar a la intranet.",
    "El portátil no arranca: pantalla negra con un mensaje de error de disco.",
    "No me llegan los correos del buzón compartido de autorizaciones desde ayer.",
    "He pedido un reembolso de fisioterapia y me lo han rechazado sin motivo.",
]


def _messages(text: str) -> list[dict[str, str]]:
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": text}]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="qwen2.5-coder-1.5b")
    parser.add_argument("--rounds", type=int, default=1, help="passes over the prompts")
    parser.add_argument("--max-tokens", type=int, default=96)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    from llama_cpp import Llama

    settings = load_settings(
        LLM_N_THREADS=args.threads, LLM_MAX_TOKENS=args.max_tokens, LLM_MAX_RETRIES=0
    )
    spec = f"llamacpp/{args.model}"
    gguf = resolve_gguf(parse_spec(spec), settings)
    schema = Triage.model_json_schema()

    raw = Llama(
        model_path=str(gguf), n_ctx=settings.LLM_N_CTX, n_threads=args.threads, verbose=False
    )
    client = LLMClient([build_chat_provider(spec, settings)], max_retries=0)

    def run_raw(text: str) -> tuple[float, int]:
        started = time.perf_counter()
        out = raw.create_chat_completion(
            messages=_messages(text),  # type: ignore[arg-type]
            response_format={"type": "json_object", "schema": schema},
            max_tokens=args.max_tokens,
            temperature=0.0,
        )
        content = out["choices"][0]["message"]["content"] or ""  # type: ignore[index]
        parse_structured(content, Triage)  # the same validation work the provider does
        elapsed = time.perf_counter() - started
        return elapsed, int(out["usage"]["completion_tokens"])  # type: ignore[index]

    def run_provider(text: str) -> tuple[float, int]:
        msgs = [SystemMessage(content=SYSTEM), HumanMessage(content=text)]
        started = time.perf_counter()
        result = client.structured(msgs, Triage, max_tokens=args.max_tokens)
        elapsed = time.perf_counter() - started
        return elapsed, int(result.output_tokens or 0)

    try:
        run_raw("calentamiento: prueba"), run_provider("calentamiento: prueba")
        raw_times: list[float] = []
        prov_times: list[float] = []
        raw_tokens: list[int] = []
        prov_tokens: list[int] = []
        for _ in range(args.rounds):
            for text in INCIDENTS:
                t, n = run_raw(text)
                raw_times.append(t)
                raw_tokens.append(n)
                t, n = run_provider(text)
                prov_times.append(t)
                prov_tokens.append(n)
    finally:
        stop_all()

    raw_med, prov_med = statistics.median(raw_times), statistics.median(prov_times)
    # Per-prompt ratios cancel differences between prompts; report their median too.
    pair_ratios = [p / r for p, r in zip(prov_times, raw_times, strict=True)]
    result = {
        "model": spec,
        "threads": args.threads,
        "calls_per_path": len(raw_times),
        "raw_median_s": round(raw_med, 3),
        "provider_median_s": round(prov_med, 3),
        "overhead_ratio_of_medians": round(prov_med / raw_med, 3),
        "median_paired_ratio": round(statistics.median(pair_ratios), 3),
        "raw_completion_tokens": raw_tokens,
        "provider_completion_tokens": prov_tokens,
        "target_ratio": 1.05,
    }
    out_dir = Path(__file__).resolve().parent / "results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / f"provider_{args.model}_{int(time.time())}.json").write_text(
        json.dumps(result, indent=2), encoding="utf-8"
    )
    print(json.dumps(result, indent=2))
    verdict = "OK" if result["median_paired_ratio"] <= 1.05 else "ABOVE TARGET"
    print(
        f"\n{spec}: raw {raw_med:.2f} s, provider {prov_med:.2f} s per call (median of "
        f"{len(raw_times)}); paired ratio {result['median_paired_ratio']} [{verdict}]"
    )


if __name__ == "__main__":
    main()
