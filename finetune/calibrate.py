"""``resolvia calibrate``: fit the confidence model on the dev split's recorded evidence.

Input: the records of an evaluation run on the dev split (``records.jsonl`` written by
``resolvia evaluate``, collected with ``score_every_candidate``, so every candidate the policy
could reach has a critic score). Each critiqued candidate is one example: its features
(:func:`domain.confidence.features`) and whether it is the incident's right row.

The model is a standardised logistic regression (scikit-learn). Its quality is measured by
cross-validation grouped by incident (no incident's candidates on both sides): ECE, Brier,
AUC, and the decisions the engine would take with the out-of-fold models, replayed by the
engine's own policy — so the recommended threshold comes from data the model did not see.
The final model is then fitted on all of dev and written as a readable JSON artifact.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from domain.confidence import FEATURE_SET_VERSION, FEATURES, ConfidenceModel, missing
from domain.policy import PolicyParams, candidate_features
from errors import ConfigError
from finetune import metrics as m

FOLDS = 5


@dataclass(frozen=True)
class Example:
    incident: str
    values: dict[str, float]
    right: bool


def examples(
    records: Sequence[m.IncidentRecord], max_retries: int, compare: int = 1
) -> list[Example]:
    """One example per recorded critique with a score (the candidates the policy could reach),
    with the features the policy computes when it decides on that candidate."""
    params = PolicyParams(threshold=0, max_retries=max_retries, compare=compare)
    out = []
    for r in records:
        evidence = m.evidence_of(r.entry)
        known = {c.kb_id for c in evidence.candidates}
        for c in r.entry.get("critiques", []):
            if c.get("score") is None or c["kb_id"] not in known:
                continue
            values = candidate_features(evidence, c["kb_id"], params)
            if values is None:  # compared with a row the critic did not answer about
                continue
            out.append(Example(r.code, values, m.is_right_row(r, c["kb_id"])))
    return out


def data_sha256(items: Sequence[Example], features: Sequence[str] = FEATURES) -> str:
    canonical = json.dumps(
        [[e.incident, [e.values[f] for f in features], e.right] for e in items], sort_keys=True
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def fit(
    items: Sequence[Example],
    c: float = 1.0,
    compare: int = 1,
    features: tuple[str, ...] = FEATURES,
) -> ConfidenceModel:
    """A standardised logistic regression on ``items`` over ``features`` (the engine's, or some
    of them in the same order)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x = [[e.values[f] for f in features] for e in items]
    y = [int(e.right) for e in items]
    if len(set(y)) < 2:
        raise ValueError("calibration needs right and wrong candidates among the examples")
    scaler = StandardScaler().fit(x)
    regression = LogisticRegression(C=c, max_iter=1000).fit(scaler.transform(x), y)
    return ConfidenceModel(
        features=features,
        means=tuple(float(v) for v in scaler.mean_),
        scales=tuple(float(v) for v in scaler.scale_),
        coefficients=tuple(float(v) for v in regression.coef_[0]),
        intercept=float(regression.intercept_[0]),
        compare=compare,
    )


def calibrate(
    records: Sequence[m.IncidentRecord],
    *,
    max_retries: int,
    target_precision: float,
    source: str,
    embedding_model: str = "",
    compare: int = 1,
    operating_threshold: int | None = None,
    without: Sequence[str] = (),
) -> tuple[ConfidenceModel, dict[str, Any]]:
    """Cross-validate, then fit on everything; returns the model and its training report.

    ``without``: features of the engine the model leaves out (say ``row_pmi``, for model
    servers that cannot measure it, or when it does not earn its place).

    ``operating_threshold``: the threshold the deployment will use when it is not the
    recommended one (the target precision is out of reach, say); the report then records it and
    what it gave out of fold, next to the recommendation."""
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    unknown = sorted(set(without) - set(FEATURES))
    if unknown:
        raise ConfigError(f"no such feature to leave out: {', '.join(unknown)}")
    features = tuple(f for f in FEATURES if f not in without)
    items = examples(records, max_retries, compare)
    unmeasured = sorted({e.incident for e in items if set(missing(e.values)) & set(features)})
    if unmeasured:
        names = sorted({n for e in items for n in missing(e.values) if n in features})
        raise ConfigError(
            f"{len(unmeasured)} incidents of {source} have critiques without "
            f"{', '.join(names)} (e.g. {', '.join(unmeasured[:3])}): collect them again with "
            "`resolvia evaluate --split dev` on the managed llama.cpp server, or measure them "
            "with `python bench/backfill_records.py --row-pmi RECORDS` (or leave it out: "
            "`resolvia calibrate --without row_pmi`)"
        )
    critic_prompt = critic_prompt_of(records)
    incidents = sorted({e.incident for e in items})
    folds = GroupKFold(n_splits=min(FOLDS, len(incidents)))
    groups = [e.incident for e in items]
    out_of_fold: dict[int, float] = {}
    curves: list[list[m.DecisionMetrics]] = []
    for train, held in folds.split(items, groups=groups):
        model = fit([items[i] for i in train], compare=compare, features=features)
        for i in held:
            out_of_fold[i] = model.probability(items[i].values)
        held_codes = {items[i].incident for i in held}
        held_records = [r for r in records if r.code in held_codes]
        curves.append(m.sweep(held_records, max_retries, confidence_model=model))
    pairs = [(out_of_fold[i], items[i].right) for i in range(len(items))]
    curve = _pool(curves)
    recommended = m.recommend_threshold(curve, target_precision)
    final = fit(items, compare=compare, features=features)
    report: dict[str, Any] = {
        "fitted_on": source,
        "fitted_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "data_sha256": data_sha256(items, features),
        "examples": len(items),
        "right_examples": sum(e.right for e in items),
        "incidents": len(incidents),
        "feature_set_version": FEATURE_SET_VERSION,
        "features": list(features),
        "embedding_model": embedding_model,
        "critic_prompt": critic_prompt,
        "compare": compare,
        "cross_validation": {
            "folds": folds.get_n_splits(),
            "grouped_by": "incident",
            "auc": round(float(roc_auc_score([y for _, y in pairs], [p for p, _ in pairs])), 4),
            **m.calibration_metrics(pairs),
        },
        "target_precision": target_precision,
        "recommended_threshold": recommended,
        "at_recommended": None,
        # out-of-fold decisions by the engine's policy, every 5 points of threshold
        "cv_sweep": [
            {"threshold": p.threshold, "precision": p.precision, "coverage": p.coverage}
            for p in curve[::5]
        ],
    }
    if recommended is not None:
        point = curve[recommended]
        report["at_recommended"] = {"precision": point.precision, "coverage": point.coverage}
    operating = recommended if operating_threshold is None else operating_threshold
    report["operating_threshold"] = operating
    report["at_operating"] = (
        None
        if operating is None
        else {"precision": curve[operating].precision, "coverage": curve[operating].coverage}
    )
    model = ConfidenceModel(
        final.features,
        final.means,
        final.scales,
        final.coefficients,
        final.intercept,
        embedding_model=embedding_model,
        critic_prompt=critic_prompt,
        compare=compare,
        training=report,
    )
    return model, report


def critic_prompt_of(records: Sequence[m.IncidentRecord]) -> str:
    """The one critic prompt (``name/version``) whose answers the records hold; a model fitted
    on a mix would be refused by every engine, so a mix is refused here."""
    prompts = {
        str(call.get("prompt_id") or "")
        for r in records
        for call in r.calls
        if call.get("node") == "critique"
    }
    if len(prompts) > 1:
        raise ConfigError(
            f"the records mix the answers of several critic prompts ({', '.join(sorted(prompts))}):"
            " collect them with one prompt, or re-ask them all with bench/critic_rescore.py"
        )
    return prompts.pop() if prompts else ""


def _pool(curves: Sequence[Sequence[m.DecisionMetrics]]) -> list[m.DecisionMetrics]:
    """Sum the folds' decision counts per threshold into one out-of-fold curve."""
    pooled = []
    for points in zip(*curves, strict=True):
        actions = sum(p.actions for p in points)
        correct = sum(p.correct_actions for p in points)
        should_act = sum(p.should_act for p in points)
        acted_on_should = sum(p.acted_on_should for p in points)
        pooled.append(
            m.DecisionMetrics(
                threshold=points[0].threshold,
                actions=actions,
                correct_actions=correct,
                coverage=round(acted_on_should / should_act, 3) if should_act else 0.0,
                coverage_all=0.0,
                precision=round(correct / actions, 3) if actions else None,
                escalation_accuracy=None,
                injection_actions=sum(p.injection_actions for p in points),
                errors=sum(p.errors for p in points),
                should_act=should_act,
                acted_on_should=acted_on_should,
            )
        )
    return pooled


def read_records(path: Path) -> list[m.IncidentRecord]:
    """Records written by ``resolvia evaluate`` (``records.jsonl``)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            out.append(
                m.IncidentRecord(data["code"], data["expected"], data["entry"], data["calls"])
            )
    return out


def write_model(model: ConfidenceModel, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(model.to_json(), encoding="utf-8")
    tmp.replace(path)
