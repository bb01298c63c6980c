"""``resolvia finetune promote``: move the ``champion`` alias to a version that is no worse.

A registered confidence model becomes the champion the engine loads only when an evaluation of
it on a gold test split is logged (``resolvia evaluate`` with that version pinned, the whole
split, the engine's configuration) and it is **no worse** than what the engine uses now — the
current champion, or, before there is one, the ``CONFIDENCE_MODEL`` artifact — evaluated on
the same split with the same chat model and threshold:

* precision not lower (acting on nothing, precision undefined, is lower than any precision);
* coverage not lower by more than a tolerance (default 0.02: one incident in fifty).

Precision comes first because a wrong automatic closure is the worst failure; a little coverage
may be traded for it, never the other way round. The latest logged evaluation of each counts.
Evaluations are matched by the SHA-256 of the model (a version and a file with the same bytes
are the same model).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from adapters.mlflow_store import CHAMPION, TAG_COMMAND, MlflowStore
from config import Settings
from domain.confidence import load_confidence_model
from errors import ResolviaError
from finetune.tracking import (
    TAG_CONFIDENCE_SHA,
    TAG_CONFIDENCE_SOURCE,
    TAG_FULL_SPLIT,
    TAG_MODEL,
    TAG_SPLIT,
    TAG_THRESHOLD,
)

DEFAULT_COVERAGE_TOLERANCE = 0.02
#: metrics are rounded to 3 decimals: closer than this is equal
_EPSILON = 1e-9


class PromotionRefused(ResolviaError):
    """The version cannot become the champion: not evaluated, or worse (with the figures)."""


@dataclass(frozen=True)
class Figures:
    """One logged evaluation's headline figures."""

    run_id: str
    precision: float | None
    coverage: float
    model: str
    threshold: str

    @classmethod
    def of(cls, run: Any) -> Figures:
        metrics, tags = run.data.metrics, run.data.tags
        return cls(
            run_id=run.info.run_id,
            precision=metrics.get("precision"),
            coverage=float(metrics.get("coverage", 0.0)),
            model=tags.get(TAG_MODEL, ""),
            threshold=tags.get(TAG_THRESHOLD, ""),
        )

    def describe(self) -> str:
        precision = "—" if self.precision is None else f"{self.precision:.3f}"
        return f"precision {precision}, coverage {self.coverage:.3f} (run {self.run_id})"


def shortfalls(candidate: Figures, current: Figures, tolerance: float) -> list[str]:
    """Why ``candidate`` is worse than ``current`` (empty: it is no worse)."""
    reasons = []
    if current.precision is not None and (
        candidate.precision is None or candidate.precision < current.precision - _EPSILON
    ):
        shown = (
            "undefined (it acted on nothing)"
            if candidate.precision is None
            else (f"{candidate.precision:.3f}")
        )
        reasons.append(f"precision {shown} is lower than {current.precision:.3f}")
    if candidate.coverage < current.coverage - tolerance - _EPSILON:
        reasons.append(
            f"coverage {candidate.coverage:.3f} is lower than {current.coverage:.3f} by more "
            f"than {tolerance}"
        )
    return reasons


@dataclass(frozen=True)
class Promotion:
    """What ``promote`` did."""

    name: str
    version: int
    #: the champion before (None: there was none)
    previous: int | None
    split: str
    candidate: Figures | None
    #: what the candidate was compared with, and its figures
    baseline: str
    current: Figures | None
    #: the version already was the champion: nothing changed
    unchanged: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "previous": self.previous,
            "split": self.split,
            "unchanged": self.unchanged,
            "baseline": self.baseline,
            "candidate": None if self.candidate is None else self.candidate.__dict__,
            "current": None if self.current is None else self.current.__dict__,
        }


def _evaluations(store: MlflowStore, split: str, which: str, model: str | None = None) -> list[Any]:
    clauses = [
        f"tags.`{TAG_COMMAND}` = 'evaluate'",
        f"tags.`{TAG_SPLIT}` = '{split}'",
        f"tags.`{TAG_FULL_SPLIT}` = 'true'",
        which,
    ]
    if model is not None:
        clauses.append(f"tags.`{TAG_MODEL}` = '{model}'")
    return store.search_runs(" and ".join(clauses))


def _by_sha(sha: str) -> str:
    return f"tags.`{TAG_CONFIDENCE_SHA}` = '{sha}'"


def promote(
    settings: Settings,
    version: int,
    *,
    name: str | None = None,
    split: str = "test2",
    tolerance: float = DEFAULT_COVERAGE_TOLERANCE,
) -> Promotion:
    """Make ``version`` of ``name`` the champion if it is no worse (module docstring); raises
    :class:`PromotionRefused` with the figures otherwise, TrackingError when the store fails."""
    name = name or settings.CONFIDENCE_MODEL_NAME
    if not settings.MLFLOW_TRACKING:
        raise PromotionRefused("MLFLOW_TRACKING=false: the MLflow registry is off")
    store = MlflowStore(settings)
    aliases = store.aliases(name)
    tags = None if aliases is None else store.version_tags(name, version)
    if aliases is None or tags is None:
        raise PromotionRefused(
            f"{name} has no version {version} in the MLflow registry at "
            f"{store.location.describe()} (`resolvia calibrate` registers one per fit)"
        )
    sha = tags.get(TAG_CONFIDENCE_SHA)
    if not sha:
        raise PromotionRefused(
            f"{name} version {version} was not registered by `resolvia calibrate` (no "
            f"{TAG_CONFIDENCE_SHA} tag): its evaluations cannot be found"
        )
    previous = aliases.get(CHAMPION)
    if previous == version:
        return Promotion(name, version, previous, split, None, "itself", None, unchanged=True)
    runs = _evaluations(store, split, _by_sha(sha))
    if not runs:
        raise PromotionRefused(
            f"no evaluation of {name} version {version} on the whole {split} split is logged: "
            f"run `CONFIDENCE_MODEL_VERSION={version} resolvia evaluate --split {split}` (add "
            "`--replay RECORDS` of an earlier evaluation to decide again without model calls)"
        )
    candidate = Figures.of(runs[0])
    if previous is not None:
        previous_sha = (store.version_tags(name, previous) or {}).get(TAG_CONFIDENCE_SHA, "")
        baseline = f"{name} version {previous} (the champion)"
        which, pin = _by_sha(previous_sha), f"CONFIDENCE_MODEL_VERSION={previous} "
    elif settings.confidence_model_path is None:
        baseline = "the critic's own score (CONFIDENCE_MODEL=critico, no champion yet)"
        which, pin = f"tags.`{TAG_CONFIDENCE_SOURCE}` = 'critico'", ""
    else:
        path = settings.confidence_model_path
        artifact = load_confidence_model(path, embedding_model=settings.EMBEDDING_MODEL)
        baseline = f"{path} (no champion yet: the artifact the engine uses)"
        which, pin = _by_sha(artifact.sha256), ""
    found = [
        r
        for r in _evaluations(store, split, which, model=candidate.model)
        if r.data.tags.get(TAG_THRESHOLD) == candidate.threshold
    ]
    if not found:
        raise PromotionRefused(
            f"no evaluation of {baseline} on the whole {split} split with model "
            f"{candidate.model} at threshold {candidate.threshold} is logged to compare with: "
            f"run `{pin}resolvia evaluate --split {split} --models {candidate.model}` with "
            f"CRITIC_APPROVAL_THRESHOLD={candidate.threshold}"
        )
    current = Figures.of(found[0])
    reasons = shortfalls(candidate, current, tolerance)
    if reasons:
        raise PromotionRefused(
            f"{name} version {version} is worse than {baseline} on {split}: "
            f"{'; '.join(reasons)} — version {version}: {candidate.describe()}; "
            f"{baseline}: {current.describe()}. The champion was not changed"
        )
    store.set_alias(name, CHAMPION, version)
    return Promotion(name, version, previous, split, candidate, baseline, current)
