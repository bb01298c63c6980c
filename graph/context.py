"""Run dependencies handed to every node (LangGraph runtime context): clients and knobs."""

from __future__ import annotations

from dataclasses import dataclass, field

from adapters.incident_manager import IncidentManager
from adapters.llm.client import LLMClient
from adapters.llm_history import LLMHistory
from adapters.ocr import TesseractOcr
from adapters.run_records import RunRecorder
from adapters.target_system import TargetSystem
from adapters.vector_store import KnowledgeIndex, SearchMode


@dataclass
class EngineContext:
    """Everything a node may use besides the state. Built once per run by the runner."""

    llm: LLMClient
    index: KnowledgeIndex
    incidents: IncidentManager
    target: TargetSystem
    #: None disables reading screenshots (Tesseract missing and accepted)
    ocr: TesseractOcr | None
    history: LLMHistory | None
    #: the knowledge base's own COMPONENTE values (reformulation picks one of them)
    components: list[str] = field(default_factory=list)
    run_id: str = ""
    #: critic score needed to apply a resolution (computed by code, not the model)
    threshold: int = 65
    #: further candidates after a rejection
    max_retries_critic: int = 2
    #: hits per knowledge-base search
    query_limit: int = 5
    #: decide everything, apply nothing
    dry_run: bool = False
    #: marker written in every note the engine adds; a history holding it is never retried
    tag: str = "[RESOLVIA]"
    #: marker of notes that hand over or ask for data (not solutions: a retry is allowed)
    escalation_tag: str = "[RESOLVIA-ESCALADO]"
    pending_tag: str = "[RESOLVIA-PENDIENTE]"
    #: outcome store, report and rejection log
    recorder: RunRecorder | None = None
    #: where incidents go when a person has to take over
    escalation_mailbox: str = "SOPORTE_N2"
    #: ablations (evaluation): skip the reformulation call; search mode; approve without critic
    reformulate_enabled: bool = True
    search_mode: SearchMode = "hybrid"
    critic_enabled: bool = True
    #: the reformulation model's own "posible_manipulacion" flag escalates (off: recorded only)
    model_injection_flag_escalates: bool = False
    #: prompt versions in use
    reformulate_prompt: str = "v1"
    critique_prompt: str = "v1"
    #: probabilidad: yes/no critic scored by P(sí) (prompts/critique_verdict);
    #: puntuacion: the critic writes a 0-100 score (prompts/critique)
    critic_mode: str = "probabilidad"
    critique_verdict_prompt: str = "v1"
