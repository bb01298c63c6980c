"""Run dependencies handed to every node (LangGraph runtime context): clients and knobs.

The knobs come from :class:`config.Settings` only — this module holds no second set of
defaults — and from :class:`RunOptions`, the switches a caller sets for one run (dry run, the
evaluation's ablations).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from adapters.confidence_registry import ConfidenceChoice, choose_confidence_model
from adapters.incident_manager import IncidentManager
from adapters.knowledge_base import KB_FILE_NAME, LoadResult
from adapters.llm.client import LLMClient
from adapters.llm_history import LLMHistory
from adapters.ocr import TesseractOcr
from adapters.run_records import RunRecorder
from adapters.target_system import TargetSystem
from adapters.vector_store import KnowledgeIndex, load_indexed_kb
from adapters.vision import VisionDescriber, build_describer
from config import CRITIC_PROMPTS, Settings
from domain.choices import SearchMode
from domain.confidence import ConfidenceModel
from domain.policy import NEVER_APPROVE, PolicyParams
from graph.row_likelihood import RowBaselines, needs_row_likelihood


@dataclass(frozen=True)
class RunOptions:
    """Switches of one run, set by the caller (CLI, evaluation), not by the environment."""

    #: decide everything, apply nothing
    dry_run: bool = False
    #: run the reformulation call (None: as the REFORMULATE setting says)
    reformulate: bool | None = None
    #: evaluation ablation: hybrid, dense-only or lexical-only search
    search_mode: SearchMode = "hybrid"
    #: evaluation ablation: take the first candidate without asking the critic
    critic: bool = True
    #: evaluation: take nothing, so the critic scores every candidate it could reach and the
    #: decision at any threshold can be replayed from the recorded scores (dry runs only)
    score_every_candidate: bool = False

    def __post_init__(self) -> None:
        if self.score_every_candidate and not self.dry_run:
            raise ValueError("score_every_candidate is for dry runs (evaluation) only")


@dataclass(frozen=True)
class PromptVersions:
    """Prompt versions in use (``prompts/<name>/<version>.md``)."""

    reformulate: str = "v1"
    #: CRITIC_MODE=puntuacion
    critique: str = CRITIC_PROMPTS["critique"]
    #: CRITIC_MODE=probabilidad (CRITIC_PROMPT_VERSION)
    critique_verdict: str = CRITIC_PROMPTS["critique_verdict"]
    #: CRITIC_MODE=lista
    critique_lista: str = CRITIC_PROMPTS["critique_lista"]
    #: VISION_MODEL: a screenshot described in Spanish
    describe_captura: str = "v1"


def choose_confidence(settings: Settings) -> ConfidenceChoice:
    """The confidence model to use — the registry's pinned or ``champion`` version, else the
    CONFIDENCE_MODEL artifact (:mod:`adapters.confidence_registry`) — with where it came from;
    raises ConfigError naming the version or the file when the one to use does not load."""
    return choose_confidence_model(settings)


def load_confidence(settings: Settings) -> ConfidenceModel | None:
    """The confidence model :func:`choose_confidence` picks; None: the critic's own score."""
    return choose_confidence(settings).model


def load_knowledge_base(settings: Settings, index: KnowledgeIndex) -> LoadResult:
    """The knowledge base the run works with: the file ``index`` was built from (``resolvia
    index --csv`` included), so that the reformulation's list of components and the candidates
    come from the same rows. Raises KBIndexError naming the file and the command that
    re-indexes it when the file changed or is gone since it was indexed."""
    return load_indexed_kb(index, default=settings.RESOURCES_DIR / KB_FILE_NAME)


@dataclass
class EngineContext:
    """Everything a node may use besides the state. Built once per run by the runner."""

    settings: Settings
    llm: LLMClient
    index: KnowledgeIndex
    incidents: IncidentManager
    target: TargetSystem
    #: None disables reading screenshots (Tesseract missing and accepted)
    ocr: TesseractOcr | None
    history: LLMHistory | None
    #: outcome store, report and rejection log
    recorder: RunRecorder | None
    run_id: str
    #: the knowledge base's own COMPONENTE values (reformulation picks one of them)
    components: list[str]
    options: RunOptions = field(default_factory=RunOptions)
    prompts: PromptVersions = field(default_factory=PromptVersions)
    #: loaded from ``settings.CONFIDENCE_MODEL`` (:func:`load_confidence`); None = the critic's
    #: own score is the confidence
    confidence_model: ConfidenceModel | None = None
    #: which confidence model that is: registered version or artifact (the run summary's
    #: ``confidence_model``); None when the caller built the context by hand
    confidence: ConfidenceChoice | None = None
    #: describes screenshots beside OCR; None = built from VISION_MODEL when that is set
    vision: VisionDescriber | None = None
    #: each row's likelihood given no incident (``row_pmi``'s baseline); the runner keeps them
    #: under DATA_DIR, a context built by hand in memory only
    row_baselines: RowBaselines = field(default_factory=lambda: RowBaselines(None))

    def __post_init__(self) -> None:
        if self.vision is None:  # nothing connects until a screenshot is described
            self.vision = build_describer(
                self.settings, prompt_version=self.prompts.describe_captura
            )

    @property
    def measures_row_likelihood(self) -> bool:
        """Whether the critic's requests also measure ``row_pmi``: the confidence model uses it,
        or every candidate is scored to collect calibration data."""
        if self.settings.CRITIC_MODE != "probabilidad":
            return False
        model = self.confidence_model
        return self.options.score_every_candidate or (
            model is not None and needs_row_likelihood(model)
        )

    @property
    def dry_run(self) -> bool:
        return self.options.dry_run

    @property
    def reformulate(self) -> bool:
        """Whether the reformulation call runs (its phrasings join the search)."""
        if self.options.reformulate is None:
            return self.settings.REFORMULATE
        return self.options.reformulate

    @property
    def threshold(self) -> int:
        """Critic score needed to take a row (computed by code, never the model's word)."""
        if self.options.score_every_candidate:
            return NEVER_APPROVE
        return self.settings.CRITIC_APPROVAL_THRESHOLD

    @property
    def policy(self) -> PolicyParams:
        return PolicyParams(
            threshold=self.threshold,
            max_retries=self.settings.MAX_RETRIES_CRITIC,
            critic_enabled=self.options.critic,
            confidence_model=self.confidence_model,
        )

    @property
    def escalation_mailbox(self) -> str:
        """Where incidents go when a person has to take over."""
        return self.settings.BUZON_ESCALADO
