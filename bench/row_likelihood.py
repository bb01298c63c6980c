"""Does the model's surprise at a row, given the incident, help the decision? Out of fold on dev.

The critic prompt shows the incident, then the knowledge-base row, then asks «¿sí o no?». The
same forward pass that answers also scores every token of the row given the incident before
it. A row the model finds more likely after reading the incident than after an empty one
(pointwise mutual information, ``row_pmi``: mean log-probability per row token with the
incident less without it) is a row the incident talks about. This computes that feature for
every candidate the shipped confidence model was fitted on, with the bundled 1.5B model in
process (``logits_all``), then refits the confidence model out of fold with and without it and
scores both with the policy ``bench/case_memory.py`` uses.

    python bench/row_likelihood.py [--cache /tmp/row_likelihood.json] [--threads 2]

The log-probabilities are cached (``--cache``), so a second run only refits. One model process:
do not run it beside another llama.cpp server on a 2-core machine.

Measured 2026-11-30 (session 9) on the 404 dev candidates (202 incidents), about 2 s per
candidate with the incident's prefix cached, 0.7 s for a second row of the same incident:

* ``row_pmi`` alone ranks right rows better than the critic's P(«sí») (AUC 0.887 vs 0.877);
* added to feature set v3: AUC 0.951 -> 0.958, but no better precision at the high thresholds;
* added to feature set v4 (with ``several_requests``): AUC 0.959 -> 0.968; out of fold at
  0.85: precision / coverage 0.926 / 0.537 -> 0.951 / 0.605; at 0.90: 0.974 / 0.463 ->
  0.964 / 0.500; at 0.95: 0.981 / 0.321 -> 0.971 / 0.414. Without the empty-incident baseline
  (``row_lp``) it helps less (AUC 0.964).

In the engine since session 10 (feature set v5, :mod:`graph.row_likelihood`): the managed
llama.cpp server has a route of ours that reads the row's log-probabilities from the logits of
the critic's own request (:mod:`adapters.llm.llama_server`). Its span is the tokens of the
prompt tokenised whole that begin inside the row (the last one may run into the closing
marker), where this script tokenises the text up to the marker: the engine's numbers differ
from this cache's by a few hundredths per row. The shipped model was fitted on dev records
measured by the engine's code (``bench/backfill_records.py --row-pmi``).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from case_memory import (
    SHIPPED_FEATURES,
    dev_candidates,
    incident_texts,
    oof_table,
)  # bench/ is on the path

from finetune import metrics as m
from finetune.calibrate import FOLDS
from prompts.loader import load_prompt

MODEL = Path.home() / ".cache/resolvia/models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
KB = Path(__file__).resolve().parents[1] / "resources" / "PROBLEMAS_GLOBALES.csv"
OPEN, CLOSE = "<problema_conocido>\n", "\n</problema_conocido>"
EMPTY = "(sin texto)"


def chatml(messages: list[Any]) -> str:
    """The prompt text Qwen2.5's chat template gives these messages, up to the answer."""
    roles = {"system": "system", "human": "user", "ai": "assistant"}
    parts = [f"<|im_start|>{roles[msg.type]}\n{msg.content}<|im_end|>\n" for msg in messages]
    return "".join(parts) + "<|im_start|>assistant\n"


def row_logprobs(llm: Any, text: str) -> list[float]:
    """Log-probability of each token of the ``<problema_conocido>`` block given what precedes.

    The prefix the previous call shares stays in the KV cache; logits are kept only for the
    row's positions (the prefix is evaluated without them, which is most of the time saved)."""
    start = text.index(OPEN) + len(OPEN)
    end = text.index(CLOSE, start)
    head = llm.tokenize(text[:start].encode(), add_bos=False, special=True)
    upto = llm.tokenize(text[:end].encode(), add_bos=False, special=True)
    if upto[: len(head)] != head:
        raise ValueError("the row does not start on a token boundary")
    keep = 0
    cached = list(llm.input_ids[: llm.n_tokens])
    limit = min(len(cached), len(head) - 1)
    while keep < limit and cached[keep] == head[keep]:
        keep += 1
    llm.n_tokens = keep
    llm._logits_all = False
    llm.eval(head[keep : len(head) - 1])
    llm._logits_all = True
    first = llm.n_tokens
    llm.eval(upto[len(head) - 1 :])
    out = []
    for j, token in enumerate(upto[len(head) :]):
        logits = llm.scores[first + j].astype(np.float64)
        top = logits.max()
        out.append(float(logits[token] - top - np.log(np.exp(logits - top).sum())))
    return out


def compute(cache: Path, pairs: list[tuple[str, str]], texts: dict[str, str], threads: int) -> dict:
    from llama_cpp import Llama

    done: dict[str, Any] = json.loads(cache.read_text()) if cache.exists() else {}
    rows = {r["ID"]: r for r in csv.DictReader(KB.open(encoding="utf-8"))}
    prompt = load_prompt("critique_verdict", "v2")
    llm = Llama(
        model_path=str(MODEL), n_ctx=4096, n_threads=threads, logits_all=True, verbose=False
    )

    def text_of(incident: str, kb_id: str) -> str:
        row = rows[kb_id]
        return chatml(
            prompt.render(
                incidencia=incident, componente=row["COMPONENTE"], problema=row["DESCRIPCION"]
            )
        )

    todo = [(c, k) for c, k in pairs if f"{c}|{k}" not in done]
    baseline = sorted({k for _, k in pairs} - {k for k in done.get("_base", {})})
    done.setdefault("_base", {})
    began = time.monotonic()
    for i, kb_id in enumerate(baseline):
        done["_base"][kb_id] = row_logprobs(llm, text_of(EMPTY, kb_id))
        if i % 20 == 0:
            print(f"baseline {i + 1}/{len(baseline)}", flush=True)
    for i, (code, kb_id) in enumerate(todo):
        done[f"{code}|{kb_id}"] = row_logprobs(llm, text_of(texts[code], kb_id))
        if i % 20 == 0:
            rate = (time.monotonic() - began) / (i + 1)
            print(f"{i + 1}/{len(todo)} · {rate:.1f} s each", flush=True)
            cache.write_text(json.dumps(done))
    cache.write_text(json.dumps(done))
    return done


def main() -> None:
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/row_likelihood.json"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--top", type=int, default=4, help="Candidates per incident whose row is scored."
    )
    args = parser.parse_args()
    records, items, kb_of = dev_candidates()
    texts = incident_texts()
    ranked = {
        r.code: [c.kb_id for c in m.evidence_of(r.entry).candidates[: args.top]] for r in records
    }
    pairs = [
        (code, k) for code in sorted({e.incident for e in items} & set(texts)) for k in ranked[code]
    ]
    done = compute(args.cache, pairs, texts, args.threads)

    def feats(code: str, kb_id: str) -> dict[str, float]:
        lp = done.get(f"{code}|{kb_id}")
        base = done["_base"].get(kb_id)
        if not lp or not base:
            return {
                "row_pmi": 0.0,
                "row_lp": 0.0,
                "row_pmi_sum": 0.0,
                "pmi_gap": 0.0,
                "pmi_first": 0.0,
            }
        pmi = {k: pmi_of(code, k) for k in ranked[code]}
        own = pmi[kb_id]
        others = [v for k, v in pmi.items() if k != kb_id]
        return {
            "row_pmi": own,
            "row_lp": float(np.mean(lp)),
            "row_pmi_sum": float(np.sum(lp) - np.sum(base)),
            # its PMI less the best other candidate's: two rows the incident talks about alike
            # (several requests, near-duplicate rows) are a doubt
            "pmi_gap": own - max(others, default=own),
            "pmi_first": float(own >= max(others, default=own)),
        }

    def pmi_of(code: str, kb_id: str) -> float:
        return float(np.mean(done[f"{code}|{kb_id}"]) - np.mean(done["_base"][kb_id]))

    extra = [feats(e.incident, k) for e, k in zip(items, kb_of, strict=True)]
    y = np.array([int(e.right) for e in items])
    groups = [e.incident for e in items]
    folds = list(GroupKFold(n_splits=FOLDS).split(items, groups=groups))
    pmi = np.array([v["row_pmi"] for v in extra])
    print(f"{len(items)} candidates of {len(set(groups))} dev incidents")
    print(
        f"row_pmi alone AUC {roc_auc_score(y, pmi):.3f}; critic_p alone AUC "
        f"{roc_auc_score(y, [e.values['critic_p'] for e in items]):.3f}"
    )
    oof_table(
        items,
        extra,
        records,
        folds,
        {
            "shipped features": list(SHIPPED_FEATURES),
            "+ row_pmi": [*SHIPPED_FEATURES, "row_pmi"],
            "+ row_pmi, row_lp": [*SHIPPED_FEATURES, "row_pmi", "row_lp"],
            "+ row_lp (no baseline)": [*SHIPPED_FEATURES, "row_lp"],
            "+ row_pmi, row_pmi_sum": [*SHIPPED_FEATURES, "row_pmi", "row_pmi_sum"],
            "+ row_pmi, pmi_gap": [*SHIPPED_FEATURES, "row_pmi", "pmi_gap"],
            "+ row_pmi, pmi_gap, first": [*SHIPPED_FEATURES, "row_pmi", "pmi_gap", "pmi_first"],
        },
        (0.80, 0.85, 0.88, 0.90, 0.95),
    )


if __name__ == "__main__":
    main()
