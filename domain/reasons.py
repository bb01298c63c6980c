"""Why an incident ended as it did: codes for machines, Spanish text for people.

State, the run report, the outcome store and the rejection log carry the :class:`Reason` code;
:func:`explain` gives the sentence a support agent reads. Code never branches on the text.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """The cause of a decision. Values are stable: they are stored and shown in reports."""

    #: the critic approved a knowledge-base row and its resolution was applied
    APPROVED = "aprobada"
    #: the history shows the engine already applied a solution: never repeated automatically
    ALREADY_TRIED = "ya_intentado"
    #: the text (or a screenshot) tries to give instructions to the engine
    SUSPECTED_INJECTION = "posible_inyeccion"
    #: the search found no known problem
    NO_CANDIDATES = "sin_candidatos"
    #: the critic rejected every candidate it was allowed to see
    CANDIDATES_REJECTED = "candidatos_rechazados"
    #: the approved row's action is not on the allow-list
    ACTION_NOT_ALLOWED = "accion_no_permitida"
    #: the approved row says a person does it: handed to the row's mailbox
    MANUAL = "manual"
    #: the approved row's action needs an identifier the incident lacks: the requester is asked
    MISSING_IDENTIFIER = "falta_identificador"
    #: the target system answered with a follow-up resolution (applied like a row's)
    SYSTEM_ANSWER = "respuesta_sistema"
    #: the target system answered that a person must do it
    SYSTEM_MANUAL = "sistema_manual"
    #: an external system failed while the decision was being applied
    APPLY_FAILED = "error_al_aplicar"
    #: the hand-over to people could not be written to the incident manager
    ESCALATION_FAILED = "error_al_escalar"
    #: an unexpected failure (a bug): recorded so the incident is not lost
    UNEXPECTED_ERROR = "error_inesperado"
    #: the incident manager served an incident that does not follow the contract
    MALFORMED_INCIDENT = "incidencia_mal_formada"
    #: supervised mode (SUPERVISION=aprobar): the action waits for a person's approval
    PENDING_APPROVAL = "pendiente_aprobacion"
    #: supervised mode (SUPERVISION=nunca): the engine never carries out this action type
    SUPERVISION_NEVER = "accion_no_autorizada"
    #: supervised mode: the person asked to approve the action rejected it
    APPROVAL_REJECTED = "rechazada_por_aprobador"


_TEXT: dict[Reason, str] = {
    Reason.APPROVED: "solución de la base de conocimiento aprobada por el revisor",
    Reason.ALREADY_TRIED: (
        "el historial muestra que el motor ya aplicó una solución; no se repite automáticamente"
    ),
    Reason.SUSPECTED_INJECTION: "el texto intenta dar instrucciones al sistema automático",
    Reason.NO_CANDIDATES: "la búsqueda no encontró ningún problema conocido",
    Reason.CANDIDATES_REJECTED: "el revisor rechazó todas las soluciones candidatas evaluadas",
    Reason.ACTION_NOT_ALLOWED: "la acción de la solución no está entre las acciones permitidas",
    Reason.MANUAL: "la base de conocimiento indica resolución por una persona",
    Reason.MISSING_IDENTIFIER: "se solicita al usuario el dato que falta",
    Reason.SYSTEM_ANSWER: "resolución indicada por el sistema destino",
    Reason.SYSTEM_MANUAL: "el sistema destino indica que debe resolverlo una persona",
    Reason.APPLY_FAILED: "un sistema externo falló al aplicar la solución",
    Reason.ESCALATION_FAILED: "no se pudo reasignar la incidencia a soporte",
    Reason.UNEXPECTED_ERROR: "error inesperado del motor",
    Reason.MALFORMED_INCIDENT: (
        "el gestor de incidencias la entrega con datos que no cumplen el contrato; "
        "hay que corregirla allí"
    ),
    Reason.PENDING_APPROVAL: (
        "modo supervisado: la acción propuesta espera la aprobación de una persona"
    ),
    Reason.SUPERVISION_NEVER: (
        "la política de supervisión no permite al motor ejecutar este tipo de acción"
    ),
    Reason.APPROVAL_REJECTED: "la persona responsable de aprobar la acción la rechazó",
}


def explain(reason: Reason | str, detail: str = "") -> str:
    """The sentence for people: ``codigo: texto`` plus an optional detail."""
    code = Reason(reason)
    text = f"{code.value}: {_TEXT[code]}"
    return f"{text} ({detail})" if detail else text
