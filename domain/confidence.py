"""The confidence model: P(the proposed knowledge-base row is right) from the evidence the
graph already has, so the approval threshold means what it says.

Features of a candidate (all computed by :func:`features`, in the engine and in the
evaluation alike):

* ``critic_p``: the critic's P(«sí») for this row (0-1);
* ``rank_rr``: 1 / (1 + its position in the fused retrieval ranking);
* ``dense_sim``: the dense model's cosine similarity between the incident's text and the row;
* ``dense_gap``: that similarity minus the best one among the other candidates (the margin);
* ``sparse_share``: its lexical score / the best lexical score among the candidates;
* ``dense_rr`` / ``sparse_rr``: 1 / (1 + its rank for the incident's own text in each channel
  alone), 0 when that channel did not return it;
* ``channels_agree``: 1 when both channels rank it first;
* ``phrasing_share``: share of the search phrasings that found it;
* ``params_complete``: 1 unless it is an ``api|`` row whose identifiers are missing/ambiguous;
* ``critic_margin``: its ``critic_p`` less the best one of the other rows judged by then;
* ``several_requests``: 1 when the requester's text reads as several requests
  (:mod:`domain.requests`): the critic says «sí» to a row that answers one of them;
* ``row_pmi``: how much likelier the model finds the row's text after reading the incident
  than after reading nothing (mean log-probability per token, :mod:`graph.row_likelihood`);
  NaN when it could not be measured, and then the policy does not act on that row.

The model is a logistic regression fitted by ``resolvia calibrate`` (scikit-learn, on the dev
split only) over these features or some of them (``--without``), and shipped as a readable JSON
artifact; predicting needs no scikit-learn. An artifact that is missing, unreadable or fitted
for another feature set is refused with a message naming the file and the command that rebuilds
it — never a silent default.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from errors import ConfigError

#: bump when a feature's definition changes: artifacts fitted on the old ones are refused
FEATURE_SET_VERSION = "v5"
FEATURES = (
    "critic_p",
    "rank_rr",
    "dense_sim",
    "dense_gap",
    "sparse_share",
    "dense_rr",
    "sparse_rr",
    "channels_agree",
    "phrasing_share",
    "params_complete",
    # the critic's P(«sí») for this row less the best P(«sí») of the other rows it had already
    # judged when this one was decided (0 when none): two rows the critic likes alike are a doubt
    "critic_margin",
    # the message asks for several things (v4): a row that answers one leaves the rest undone
    "several_requests",
    # the row is likelier after the incident than after nothing (v5): the incident talks about
    # it, not only about its topic
    "row_pmi",
)
REBUILD_HINT = "rebuild it with `resolvia calibrate` (or set CONFIDENCE_MODEL=critico)"


@dataclass(frozen=True)
class RetrievalSignals:
    """What retrieval said about one candidate."""

    score: float = 0.0
    #: rank of the row for the incident's own text per channel (``dense``, ``sparse``)
    channel_ranks: Mapping[str, int] = field(default_factory=dict)
    #: the same queries' scores per channel (dense cosine, sparse dot product)
    channel_scores: Mapping[str, float] = field(default_factory=dict)
    #: how many of the search phrasings found it, and how many there were
    phrasings: int = 1
    queries: int = 1


def features(
    signals: Sequence[RetrievalSignals],
    index: int,
    critic_p: float,
    params_complete: bool,
    other_critic_ps: Sequence[float] = (),
    *,
    several_requests: bool = False,
    row_pmi: float | None = None,
) -> dict[str, float]:
    """The feature vector of candidate ``index`` (retrieval order) given the critic's P(«sí»)
    for it and for the other rows it had judged when this one is decided (``row_pmi`` NaN when
    it was not measured: :func:`missing`)."""
    own = signals[index]
    others = [s for i, s in enumerate(signals) if i != index]
    dense = own.channel_scores.get("dense", 0.0)
    best_other_dense = max((s.channel_scores.get("dense", 0.0) for s in others), default=0.0)
    best_sparse = max((s.channel_scores.get("sparse", 0.0) for s in signals), default=0.0)

    def rr(channel: str) -> float:
        rank = own.channel_ranks.get(channel)
        return 0.0 if rank is None else 1.0 / (1 + rank)

    return {
        "critic_p": critic_p,
        "rank_rr": 1.0 / (1 + index),
        "dense_sim": dense,
        "dense_gap": dense - best_other_dense,
        "sparse_share": own.channel_scores.get("sparse", 0.0) / best_sparse if best_sparse else 0.0,
        "dense_rr": rr("dense"),
        "sparse_rr": rr("sparse"),
        "channels_agree": float(
            own.channel_ranks.get("dense") == 0 and own.channel_ranks.get("sparse") == 0
        ),
        "phrasing_share": own.phrasings / max(own.queries, 1),
        "params_complete": float(params_complete),
        "critic_margin": critic_p - max(other_critic_ps) if other_critic_ps else 0.0,
        "several_requests": float(several_requests),
        "row_pmi": math.nan if row_pmi is None else float(row_pmi),
    }


def missing(values: Mapping[str, float]) -> list[str]:
    """The features of ``values`` that were not measured (NaN)."""
    return [name for name, value in values.items() if math.isnan(value)]


@dataclass(frozen=True)
class ConfidenceModel:
    """A fitted logistic regression on standardised features."""

    features: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    feature_set_version: str = FEATURE_SET_VERSION
    #: the embedder whose similarities the dense features hold (EMBEDDING_MODEL at fitting time):
    #: another embedder's cosines live on another scale, so the model is refused with it
    embedding_model: str = ""
    #: the critic prompt whose P(«sí») ``critic_p`` holds (``critique_verdict/v2``): another
    #: prompt's probabilities live on another scale, so the model is refused with it
    critic_prompt: str = ""
    #: the policy it was fitted for: the critic judges the first ``compare`` candidates before
    #: any is taken (so ``critic_margin`` sees them all), then the rest one by one
    compare: int = 1
    #: where it was fitted, on what data, and how it scored in cross-validation
    training: dict[str, Any] = field(default_factory=dict)

    def uses(self, name: str) -> bool:
        """Whether feature ``name`` moves the prediction (it is fitted, with a weight)."""
        pairs = zip(self.features, self.coefficients, strict=True)
        return any(f == name and c != 0 for f, c in pairs)

    def probability(self, values: Mapping[str, float]) -> float:
        z = self.intercept
        for name, mean, scale, coef in zip(
            self.features, self.means, self.scales, self.coefficients, strict=True
        ):
            z += coef * (values[name] - mean) / (scale or 1.0)
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()


def load_confidence_model(
    path: Path, embedding_model: str | None = None, critic_prompt: str | None = None
) -> ConfidenceModel:
    """Read an artifact, refusing anything the engine could not use as it is (with
    ``embedding_model``: also one fitted on another embedder's similarities; with
    ``critic_prompt``: also one fitted on another critic prompt's answers)."""
    if not path.is_file():
        raise ConfigError(f"confidence model {path} not found: {REBUILD_HINT}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        model = ConfidenceModel(
            features=tuple(data["features"]),
            means=tuple(float(x) for x in data["means"]),
            scales=tuple(float(x) for x in data["scales"]),
            coefficients=tuple(float(x) for x in data["coefficients"]),
            intercept=float(data["intercept"]),
            feature_set_version=str(data["feature_set_version"]),
            embedding_model=str(data.get("embedding_model") or ""),
            critic_prompt=str(data.get("critic_prompt") or ""),
            compare=int(data.get("compare") or 1),
            training=dict(data.get("training") or {}),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(
            f"confidence model {path} is unreadable ({exc}): {REBUILD_HINT}"
        ) from None
    lengths = {len(model.features), len(model.means), len(model.scales), len(model.coefficients)}
    # the engine's features, or some of them in its order (`resolvia calibrate --without`)
    chosen = tuple(f for f in FEATURES if f in model.features)
    if (
        model.feature_set_version != FEATURE_SET_VERSION
        or model.features != chosen
        or not model.features
    ):
        raise ConfigError(
            f"confidence model {path} was fitted for feature set "
            f"{model.feature_set_version} {list(model.features)}, this engine computes "
            f"{FEATURE_SET_VERSION} {list(FEATURES)}: {REBUILD_HINT}"
        )
    if embedding_model is not None and model.embedding_model != embedding_model:
        raise ConfigError(
            f"confidence model {path} was fitted on the similarities of embedding model "
            f"{model.embedding_model or '(not recorded)'!r}, this engine uses {embedding_model!r} "
            f"(EMBEDDING_MODEL): collect `resolvia evaluate --split dev` with it, then "
            f"{REBUILD_HINT}"
        )
    if critic_prompt is not None and model.critic_prompt != critic_prompt:
        raise ConfigError(
            f"confidence model {path} was fitted on the answers of critic prompt "
            f"{model.critic_prompt or '(not recorded)'!r}, this engine asks {critic_prompt!r} "
            f"(CRITIC_MODE, CRITIC_PROMPT_VERSION): collect `resolvia evaluate --split dev` with "
            f"it (or re-ask recorded questions with bench/critic_rescore.py), then {REBUILD_HINT}"
        )
    if not 1 <= model.compare <= 5:
        raise ConfigError(f"confidence model {path}: compare={model.compare} is not 1-5")
    if len(lengths) != 1 or not all(
        math.isfinite(x) for x in (*model.coefficients, model.intercept)
    ):
        raise ConfigError(f"confidence model {path} is inconsistent: {REBUILD_HINT}")
    return model
