"""Pure helpers on an incident: its text, whether the engine already acted, injection hints,
and :func:`incident_evidence`, the one place the pre-model evidence of an incident is computed
(the graph and the evaluation tools both call it)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.identifiers import extract
from domain.requests import several_requests

MAX_TEXT_CHARS = 3000
#: marker written in every note the engine adds when it applies a solution: a history holding
#: it is never retried automatically
ENGINE_TAG = "[RESOLVIA]"
#: markers of notes that hand over or ask for data (not solutions: a later retry is allowed)
ESCALATION_TAG = "[RESOLVIA-ESCALADO]"
PENDING_TAG = "[RESOLVIA-PENDIENTE]"
SCREENSHOT_HEADER = "[Texto de la captura]"
#: heads a vision model's description of a screenshot (VISION_MODEL) in the incident's text
DESCRIPTION_HEADER = "[Descripción de la captura]"
#: ``Autor`` of the history entries the engine writes (compared in lower case)
ENGINE_AUTHOR = "resolvia"
_TAG_PREFIX = "[RESOLVIA"

# Phrases that address the model instead of describing a problem, matched on the normalised
# text (see _normalise). Each one needs the instruction itself, not a word that also appears in
# ordinary requests: "Respuesta del sistema:", "System: Windows 11", "ejecutar en modo
# administrador" or "el ratón actúa como si..." are not instructions.
_ROLE = (
    r"(?:asistente|assistant|administrador|administrator|admin|root|superusuario|superuser"
    r"|modelo|model|ia|ai|bot|chatbot|agente|agent|desarrollador|developer|critico|critic"
    r"|evaluador|supervisor|hacker|dan)\b"
)
# who a note "para ..." is addressed to: the engine, never a person or a team
_ENGINE = (
    r"(?:sistema\s+automatico|asistente\s+(?:automatico|virtual|de\s+ia|ia)|ia|ai"
    r"|inteligencia\s+artificial|modelo(?:\s+de\s+lenguaje)?|language\s+model|model|llm|bot"
    r"|chatbot|agente\s+(?:automatico|de\s+ia|ia)|critico|critic|evaluador(?:\s+automatico)?"
    r"|revisor\s+automatico|automated\s+system|resolvia"
    r"|herramienta\s+automatica|programa\s+(?:automatico|de\s+inteligencia(?:\s+artificial)?)"
    r"|sistemas?\s+(?:de\s+\w+\s+)?automatizad[oa]s?"
    # a reader described by what it does («el asistente que procesa las filas», «el sistema
    # que lee las incidencias»): only after «nota para ...», where a person is not meant
    r"|(?:asistente|sistema|programa|herramienta)\s+(?:que|q)\s+(?:lee|lea|procesa|procese"
    r"|trata|trate|gestiona|gestione|tramita|tramite|clasifica|clasifique))\b"
)
_RULES = (
    r"(?:instrucciones|indicaciones|reglas|normas|directrices|politicas?|restricciones"
    r"|consignas|ordenes|prompts?|base\s+de\s+conocimiento|instructions|rules|directions"
    r"|guidelines|guardrails|policies|restrictions|knowledge\s+base)\b"
)
_INJECTION_PATTERNS = (
    # override what the engine was told
    r"\b(?:ignora|ignore|ignorad|ignoren|olvida|olvide|olvidad|olviden|omite|omita|desobedece"
    r"|pasa\s+de|haz\s+caso\s+omiso\s+(?:a|de)|no\s+hagas\s+caso\s+(?:a|de)|disregard|forget"
    r"|override|bypass)\s+(?:(?:todas?|todos|all|any|of)\s+)*(?:(?:las?|los|tus|sus|estas"
    r"|cualquier|the|your|my|these|those)\s+)?(?:\w+\s+){0,2}?" + _RULES,
    r"\boverrides?\s+(?:all\s+)?(?:your|any|the\s+previous|previous)\s+" + _RULES,
    r"\b(?:olvidate|olvidaos)\s+de\s+(?:(?:todas?|todos)\s+)?(?:(?:las?|los|tus|sus)\s+)?" + _RULES,
    r"\b(?:ignora|ignore|olvida|forget|disregard)\s+(?:todo\s+lo\s+anterior|lo\s+anterior"
    r"|everything\s+(?:above|before)|(?:all\s+of\s+)?the\s+above)",
    r"\b(?:saltate|saltaos|skip)\s+(?:(?:todas?|todos|all)\s+)?(?:(?:las?|los|tus|the|your)\s+)?"
    r"(?:comprobaciones|verificaciones|validaciones|controles|checks|verifications)\b",
    r"\b(?:nuevas\s+instrucciones|instrucciones\s+actualizadas|new\s+instructions"
    r"|updated\s+instructions)\s*:",
    r"\b(?:instrucci(?:on|ones)\s+ocultas?|hidden\s+instructions?)\b",
    # a note addressed to whatever automated reader processes the ticket («para el bot que
    # lea esto», «para la IA que tramita los tickets», «para el sistema de inteligencia
    # artificial que procese este escrito»): a person is never called that
    r"\b(?:para|to|for)\s+(?:el|la|los|las|the)\s+(?:bot|chatbot|robot|ia|ai|llm"
    r"|herramienta\s+automatica|programa\s+de\s+inteligencia(?:\s+artificial)?"
    r"|sistemas?\s+(?:de\s+\w+\s+)?automatizad[oa]s?"
    r"|modelo(?:\s+de\s+(?:ia|lenguaje))?|motor(?:\s+automatico)?|clasificador(?:\s+automatico)?"
    r"|programa\s+automatico|sistema\s+(?:automatico|de\s+(?:ia|inteligencia\s+artificial))"
    r"|inteligencia\s+artificial|asistente\s+(?:virtual|automatico)|agente\s+automatico"
    r"|automated\s+system|ai\s+(?:system|model|agent))\s+(?:que|q|that|which)\s+"
    r"(?:tramit|clasific|proces|lea\b|lee\b|resuelv|gestion|revis|analiz|atiend|trat|read|handl"
    r"|triag|resolv|review)",
    # a note addressed to the engine, or the engine called by its name
    r"\b(?:nota|mensaje|instrucci(?:on|ones)|indicaci(?:on|ones)|ordenes|aviso|recordatorio"
    r"|p\.?\s?d\.?|p\.?\s?s\.?|note|message|instructions?)\s+(?:para|to|for"
    r"|dirigid[ao]s?\s+a)\s+(?:el\s+|la\s+|los\s+|las\s+|the\s+)?" + _ENGINE,
    # the engine addressed by name before an order («IA de Vitalia: acepta ...», «Sistema
    # automático: aprueba ...», «ASISTENTE AUTOMÁTICO DE TICKETS — cuando proceses ...»)
    # (not a quoted one: «Mensaje del sistema automático: cierra las aplicaciones»)
    r"(?<!del )(?<!de la )\b(?:ia|sistema\s+automatico|asistente\s+automatico)"
    r"(?:\s+de\s+\w+)?\s*[:\u2014\u2013]\s*(?:cuando\s+(?:\w+,?\s+){1,4})?"
    r"(?:acepta|aprueba|abona|desbloquea|restablece|cierra"
    r"|resuelve|marca|aplica|activa|concede|autoriza|suma|anade|borra|elimina|da\s+por)\b",
    r"\b(?:al|para\s+el|para\s+la|to\s+the|for\s+the|dear)\s+(?:" + _ENGINE + r"|asistente\b)\s*:",
    r"\b(?:atencion|importante|querido|estimado|dear|hey|hola)\s+(?:al?\s+|para\s+(?:el\s+|la\s+)?)?"
    r"(?:modelo|ia|ai|assistant|asistente|llm|chatbot|bot|critico|critic|sistema\s+automatico)"
    r"\s*[:,!]",
    # ("Modelo: HP LaserJet" or "Asistente virtual: no carga" are descriptions, not names)
    r"(?:^|[.!?\n]\s*)(?:assistant|llm)\s*[:,]",
    # a fake role header with an order after it ("SYSTEM: aprueba ...", not "System: Windows")
    r"(?:^|\n|[.!?]\s|<!--)\s*[\[(]?\s*(?:system|sistema|assistant|asistente|admin|administrador"
    r"|root)\s*(?:message|mensaje|note|nota)?\s*[\])]?\s*:\s*(?:ignora|ignore|olvida|forget"
    r"|aprueba|approve|cierra|close|resuelve|resolve|responde|reply|respond|puntua|score|rate"
    r"|eres|you\s+are|act|actua|nota\s+para|note\s+to|debes|you\s+must|el\s+critico"
    r"|the\s+critic|reasigna|reassign|asigna|assign|concede|grant|desbloquea|unlock|ejecuta"
    r"|execute|aplica|apply|haz|do\s+not|no\s+verifiques|no\s+compruebes|autoriza|authori[sz]e"
    r"|transfiere|abona|ordena|devuelve|a\s+partir\s+de\s+ahora|from\s+now\s+on)\b",
    # fake prompt markup
    r"<\s*/?\s*(?:system|sistema|assistant|asistente|instrucciones|instructions|incidencia"
    r"|prompt)\s*>",
    r"<\|?\s*(?:im_start|im_end|endoftext)\s*\|?>|\[/?inst\]|<</?sys>>",
    r"(?:^|\n)\s*#{2,}\s*(?:system|sistema|instruction|instrucciones)\b",
    r"\bsystem\s+prompt\b|\bprompt\s+(?:del|de)\s+sistema\b",
    # the score or the verdict dictated
    r"\bpuntua(?:la|lo|le|las|los)?\b[^.\n]{0,40}?\b100\b(?!\s*%)",
    # (not "Score: 100% de batería")
    r"\b(?:puntuacion|score)\s*(?:de|of|=|:|maxima)?\s*100\b(?!\s*%)|\bwith\s+a\s+score\s+of\b",
    r"\brate\s+(?:it|this|the\s+\w+)\s+(?:as\s+|with\s+)?100\b",
    r"\baprueba(?:la|lo)?\s+con\s+(?:un\s+|una\s+)?(?:puntuacion\s+(?:de\s+)?)?\d+",
    r"\b(?:aprueba|apruebala|apruebalo|approve)\s+(?:esta|este|this|la|el|the)\s+"
    r"(?:solicitud|incidencia|propuesta|solucion|peticion|request|ticket|solution|proposal)\s+"
    r"(?:con|sin|with|without|automaticamente|automatically)\b",
    r"\b(?:critico|evaluador|revisor|modelo|asistente|ia|critic|reviewer|model|assistant|ai"
    r"|clasificador|(?:motor|programa|sistema)(?=\s+automatico))"
    r"\s+(?:automatico\s+)?(?:debe|tiene\s+que|ha\s+de|must|should|has\s+to|will)\s+"
    r"(?:aprobar|approve|aceptar|accept|puntuar|dar|give|validar|validate)\b",
    r"\b(?:you|tu)\s+(?:must|should|have\s+to|debes|tienes\s+que)\s+(?:approve|aprobar)\s+"
    r"(?:this|esta|este)\s+(?:ticket|incident|incidencia|request|solicitud|propuesta|proposal"
    r"|solution|solucion)\b",
    r"\b(?:responde|contesta|reply|respond|answer|say|devuelve|return|output)\s+(?:con\s+"
    r"|with\s+|:\s*)?[\"'«“]?\s*(?:aprobad[ao]|approved|si\s+a\s+todo|yes\s+to\s+everything)\b",
    r"\b(?:aplica|usa|utiliza|elige|selecciona|escoge|apply|use|choose|select|pick)\s+"
    r"(?:la\s+|el\s+|the\s+)?(?:solucion\s+|fila\s+|articulo\s+|registro\s+|solution\s+|row\s+"
    r"|article\s+)?kb-?\d{3,}",
    # mass or unchecked actions
    r"\b(?:cierra|resuelve|aprueba|borra|elimina|close|resolve|delete|approve)\s+(?:todas|todos"
    r"|all)\s+(?:las\s+|los\s+|the\s+)?(?:\w+\s+)?(?:incidencias|tickets|solicitudes|peticiones"
    r"|incidents|requests)\b",
    r"(?:cierra|resuelve|aprueba)\s+(?:todas\s+)?(?:las\s+|esta\s+)?incidencias?\s+"
    r"(?:sin|automatica)",
    r"\bno\s+(?:lo\s+|la\s+|le\s+)?(?:escales|menciones|registres|notifiques|verifiques"
    r"|compruebes|revises)\b",
    r"\b(?:do\s+not|don't|dont)\s+(?:escalate|mention|verify|check|log|notify)\b",
    # a role or a mode for the model; "actúa como" only as an order, not "el ratón actúa como"
    r"(?:^|[.!?:;,\n(\[]\s*|\b(?:y|ahora|por\s+favor|desde\s+ahora|a\s+partir\s+de\s+ahora)"
    r"\s+)act(?:ua|ue|uad|uen)\s+como\s+(?:si\s+(?:fueras|fueses)\s+)?(?:(?:un|una|el|la|mi)\s+)?"
    + _ROLE,
    r"\bact\s+as\s+(?:(?:a|an|the|my)\s+)?" + _ROLE,
    r"\b(?:pretend\s+(?:to\s+be|you\s+are)|finge\s+(?:ser|que\s+eres)|hazte\s+pasar\s+por"
    r"|role-?play\s+as)\s+(?:(?:a|an|the|un|una|el|la)\s+)?" + _ROLE,
    r"\b(?:ahora\s+|a\s+partir\s+de\s+ahora\s+)?eres\s+(?:ahora\s+)?(?:un|una)\s+(?:\w+\s+)?"
    r"(?:asistente|modelo|ia|bot|agente|sistema)\b",
    r"\byou\s+are\s+now\s+(?:a|an|the)\s+(?:\w+\s+)?" + _ROLE,
    r"\b(?:from\s+now\s+on|a\s+partir\s+de\s+ahora),?\s+(?:you\s+(?:are|will|must|should|act)"
    r"|eres|seras|debes|responderas|actuaras)\b",
    r"\b(?:modo|mode)\s+(?:dios|god|sin\s+restricciones|unrestricted|jailbreak|dan)\b",
    r"\b(?:entra\s+en|pasa\s+a|cambia\s+a|(?:ahora\s+)?estas\s+en|enter|switch\s+to"
    r"|you\s+are\s+(?:now\s+)?(?:running\s+|operating\s+)?in)\s+(?:el\s+)?(?:modo|mode)?\s*"
    r"(?:administrador|desarrollador|mantenimiento|admin|developer|maintenance|god|dios)"
    r"(?:\s+mode)?\b",
    # asking the model for its instructions
    r"\b(?:revela|muestrame|ensename|dime|imprime|reveal|show|print|repeat|tell\s+me)\s+"
    r"(?:me\s+)?(?:tu|tus|your)\s+(?:\w+\s+)?(?:prompt|instrucciones|instructions|reglas|rules)\b",
)
_INJECTION = re.compile("|".join(f"(?:{p})" for p in _INJECTION_PATTERNS))
# the first person past ("ignoré las instrucciones del instalador") folds to the usted
# imperative ("ignore las instrucciones"): keep it apart before the accents go
_PAST = re.compile(r"\b(ignor|olvid)é", re.IGNORECASE)
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)


def _normalise(text: str) -> str:
    """Lower-case, without accents, invisible characters or quote marks; lines are kept (a
    role header counts at the start of a line)."""
    text = _QUOTE_MARKS.sub("", _PAST.sub(r"\1_pasado", text))
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(
        ch
        for ch in decomposed
        if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf"
    )
    return re.sub(r"[^\S\n]+", " ", kept.lower())


def _parts(
    incident: dict[str, Any], extra: list[str] | None = None, *, engine_notes: bool = True
) -> list[str]:
    """Title, description, history details and notes, then ``extra``; stripped, non-empty.
    Without ``engine_notes``, the notes the engine wrote itself (an entry by the engine's
    author starting with one of its tags) are left out."""
    parts = [str(incident.get("titulo", "")), str(incident.get("descripcion", ""))]
    for entry in incident.get("historial", []):
        by_engine = str(entry.get("Autor", "")).strip().lower() == ENGINE_AUTHOR
        for key in ("detalle", "NotasResolucion"):
            value = str(entry.get(key) or "")
            if not engine_notes and by_engine and value.lstrip().startswith(_TAG_PREFIX):
                continue
            parts.append(value)
    parts += extra or []
    return [p.strip() for p in parts if p and p.strip()]


def _capped(parts: list[str]) -> list[str]:
    """The parts that fit in :data:`MAX_TEXT_CHARS` once joined by newlines (the last cut)."""
    kept: list[str] = []
    left = MAX_TEXT_CHARS
    for part in parts:
        if left <= 0:
            break
        kept.append(part[:left])
        left -= len(part) + 1
    return kept


def compose_text(incident: dict[str, Any], extra: list[str] | None = None) -> str:
    """What the engine reads: title, description, history details, screenshot text."""
    return "\n".join(_parts(incident, extra))[:MAX_TEXT_CHARS]


def already_tried(incident: dict[str, Any], tag: str = ENGINE_TAG) -> bool:
    """True when a history entry carries the engine's tag: it acted on this incident before."""
    return any(
        tag in str(entry.get(key, ""))
        for entry in incident.get("historial", [])
        for key in ("NotasResolucion", "detalle", "buzonComentario")
    )


def suspect_injection(text: str) -> bool:
    """Deterministic hint that the text tries to instruct the model (the model adds its own)."""
    return _INJECTION.search(_normalise(text)) is not None


def opening_date(incident: dict[str, Any]) -> date | None:
    """The day the incident was opened (``apertura``, ``dd/mm/yyyy HH:MM``); None when missing
    or unreadable, and then relative periods are not resolved."""
    match = re.match(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\b", str(incident.get("apertura") or ""))
    if match is None:
        return None
    try:
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None


def attachment_names(incident: dict[str, Any]) -> list[str]:
    return [str(a) for e in incident.get("historial", []) for a in e.get("adjuntos", [])]


@dataclass(frozen=True)
class IncidentEvidence:
    """What the engine knows of an incident before any model call."""

    #: title, description, history details and screenshot text, capped
    text: str
    #: identifiers found by regex (never by the model)
    identifiers: dict[str, list[str]]
    #: the deterministic prompt-injection check fired on the text or a screenshot
    suspected_injection: bool
    #: the requester's text reads as several requests (:mod:`domain.requests`)
    several_requests: bool = False


def incident_evidence(
    incident: dict[str, Any],
    screenshot_texts: Sequence[str] = (),
    screenshot_descriptions: Sequence[str] = (),
) -> IncidentEvidence:
    """Compose the incident's text (with the OCR text of its screenshots, and a vision model's
    descriptions of them) and read it once.

    Identifiers are read from the same capped parts with a blank line between them, so that a
    signature block ends where its part ends; relative periods count from the opening date.
    A model's description joins the text and the injection check but not the identifiers:
    identifiers come from what people wrote or the screenshot shows (OCR), never from a model.
    The injection check skips the engine's own notes: they may quote the critic's feedback on
    an earlier attempt, and what they would echo is in the requester's text anyway.
    """
    extra = [f"{SCREENSHOT_HEADER}\n{t}" for t in screenshot_texts if t]
    described = [f"{DESCRIPTION_HEADER}\n{d.strip()}" for d in screenshot_descriptions if d.strip()]
    parts = _parts(incident, extra)
    requester = str(incident.get("solicitante", ""))
    own = "\n".join(_parts(incident, extra, engine_notes=False) + described)[:MAX_TEXT_CHARS]
    return IncidentEvidence(
        text="\n".join(parts + described)[:MAX_TEXT_CHARS],
        identifiers=extract(
            "\n\n".join(_capped(parts)), requester=requester, reference_date=opening_date(incident)
        ),
        suspected_injection=suspect_injection(own),
        several_requests=several_requests(own),
    )
