"""Ask the critic again, with another prompt version, every question an evaluation recorded.

An evaluation run (``resolvia evaluate``) records, per incident, the evidence the decision rests
on and every critic call with its rendered prompt. A new critic prompt changes only the critic's
P(«sí»); retrieval, identifiers and the rest of the evidence stay what they were. This tool
re-asks each recorded ``critique`` call with ``critique_verdict/<version>`` — same incident text
(as the engine composed it, screenshot text included), same knowledge-base row, the engine's own
LLM client and prompt loader — and writes a ``records.jsonl`` whose critic scores and critic
calls are the new ones. ``resolvia calibrate`` and ``resolvia evaluate --replay`` read it like
any other.

    python bench/critic_rescore.py RECORDS --version v2 --out DIR [--limit N]

Resumable: the answers already in ``DIR/answers.json`` are not asked again. The model comes from
the settings (LLM_MODEL, LLM_N_THREADS, ...), exactly as for the engine.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from adapters.knowledge_base import KB_FILE_NAME, load_kb
from adapters.llm.client import build_llm_client
from config import Settings, load_settings
from prompts.loader import load_prompt

#: the incident block of every critic prompt version (``<incidencia>`` … ``</incidencia>``)
_INCIDENT = re.compile(r"<incidencia>\n(.*?)\n</incidencia>", re.S)


def incident_text(call: dict[str, Any]) -> str:
    """The incident text the engine put in a recorded critic prompt."""
    human = json.loads(call["input_json"])[-1]["content"]
    found = _INCIDENT.search(human)
    if not found:
        raise ValueError(f"call {call.get('id')}: no <incidencia> block in its prompt")
    return found.group(1)


def rescore(
    records_path: Path, version: str, out: Path, settings: Settings, limit: int | None = None
) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    answers_path = out / "answers.json"
    answers: dict[str, dict[str, Any]] = (
        json.loads(answers_path.read_text("utf-8")) if answers_path.exists() else {}
    )
    prompt = load_prompt("critique_verdict", version)
    rows = {row.id: row for row in load_kb(settings.RESOURCES_DIR / KB_FILE_NAME).rows}
    client = build_llm_client(settings)
    lines = [json.loads(x) for x in records_path.read_text("utf-8").splitlines() if x.strip()]
    lines = lines[:limit] if limit else lines
    asked = 0
    started = time.monotonic()
    for record in lines:
        calls = [c for c in record["calls"] if c["node"] == "critique"]
        scored = [c for c in record["entry"].get("critiques", []) if c.get("score") is not None]
        if len(calls) != len(scored):
            raise ValueError(
                f"{record['code']}: {len(calls)} critic calls for {len(scored)} scores"
            )
        for call, critique in zip(calls, scored, strict=True):
            key = f"{record['code']}|{critique['kb_id']}"
            if key in answers:
                continue
            row = rows[critique["kb_id"]]
            values = {
                "incidencia": incident_text(call),
                "componente": row.componente,
                "problema": row.descripcion,
                "solucion": row.solucion,
            }
            messages = prompt.render(
                **{k: v for k, v in values.items() if k in prompt.placeholders}
            )
            t0 = time.monotonic()
            result = client.verdict(messages)
            answers[key] = {
                "p_si": round(result.probability, 4),
                "from_logprobs": result.from_logprobs,
                "latency_s": round(time.monotonic() - t0, 3),
                "input_tokens": result.input_tokens,
            }
            asked += 1
            if asked % 10 == 0:
                answers_path.write_text(json.dumps(answers), "utf-8")
                print(
                    f"{asked} asked, {time.monotonic() - started:.0f} s",
                    file=sys.stderr,
                    flush=True,
                )
    answers_path.write_text(json.dumps(answers), "utf-8")
    with (out / "records.jsonl").open("w", encoding="utf-8") as fh:
        for record in lines:
            pending = iter([c for c in record["calls"] if c["node"] == "critique"])
            for critique in record["entry"].get("critiques", []):
                if critique.get("score") is None:
                    continue
                answer = answers[f"{record['code']}|{critique['kb_id']}"]
                critique["score"] = round(100 * answer["p_si"])
                critique["confidence"] = None  # the old model's: replay recomputes it
                call = next(pending)
                call.update(
                    prompt_id=prompt.id,
                    prompt_version=prompt.version,
                    prompt_sha256=prompt.sha256,
                    parsed_json=json.dumps(
                        {"p_si": answer["p_si"], "from_logprobs": answer["from_logprobs"]}
                    ),
                    latency_s=answer["latency_s"],
                    input_tokens=answer["input_tokens"],
                    input_json=None,  # the new prompt is the file named by prompt_id
                )
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return {"records": len(lines), "asked": asked, "answers": len(answers)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", type=Path, help="records.jsonl of `resolvia evaluate`")
    parser.add_argument("--version", required=True, help="critique_verdict prompt version")
    parser.add_argument("--out", type=Path, required=True, help="folder for records.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="first N incidents only")
    args = parser.parse_args()
    summary = rescore(args.records, args.version, args.out, load_settings(), args.limit)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
