"""Knowledge-base maintenance (``batch_mantenimiento_globales.py``, ``resolvia kb maintain``):
the knowledge base learns from how people resolved incidents.

Inputs: closed incidents (the incident manager's ``list_closed()``), the rejection logs
(``rejected/rechazos_*.jsonl``) and the console's reviews (``DATA_DIR/reviews.sqlite``, when
present). Three findings, each turned into a proposal that people decide on
(:mod:`adapters.kb_proposals`); nothing is ever applied by this job:

(a) **Uncovered recurring problems** → ``nueva_fila``. Each usable closed incident becomes a
    case: its problem (title + description), the people's resolution notes and the action they
    took (:func:`people_action`). Cases that took the same action are clustered by average
    linkage on a similarity that mixes the embedding cosine of the problems with the lexical
    cosine (stems, 4-grams, synonyms: :mod:`adapters.sparse`) of problem + notes. A cluster
    needs ``MAINTENANCE_MIN_CLUSTER`` members. It is **covered** when at least half of its
    members are; a member is covered when the hybrid search's best row for its problem
    (1) takes the action people took (same mailbox for a reassignment) and (2) its SOLUCIÓN
    shares enough with the people's notes (lexical cosine >= ``MAINTENANCE_COVERAGE_OVERLAP``):
    if people did something else than the best row says, the row does not cover the case, even
    when the problem reads alike. One model call per uncovered cluster drafts the row
    (``prompts/propuesta_fila``); the action and mailbox are the people's, set by code. A draft
    is offered only when it validates (:func:`validate_draft`); otherwise the cluster is listed
    in the report with the reasons.
(b) **Rows reviewers mark as wrong** → ``editar_fila``: a row the engine proposed (the first
    critiqued candidate of the rejection log) for incidents that reviewers labelled with another
    row, «necesita conocimiento nuevo» or «no resoluble automáticamente», or that the requester
    re-opened after the engine applied it (``ya_intentado``), in at least
    ``MAINTENANCE_MIN_WRONG`` incidents.
(c) **Near-duplicate rows** → ``fusionar_filas``: same action and mailbox, embedding cosine >=
    ``MAINTENANCE_DUPLICATE_DENSE`` and lexical cosine >= ``MAINTENANCE_DUPLICATE_LEXICAL``.

Closed incidents are skipped with a reason code when they have no resolution notes written by a
person, were resolved by the engine itself, or are not in Spanish; personal data is redacted
before anything is embedded, sent to the model or stored, and the report says which incidents
had some. ``--dry-run`` computes everything and writes nothing (no store, no report, and no
model call is recorded).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

import structlog
from pydantic import BaseModel, Field

from adapters.incident_model import Incidencia
from adapters.kb_proposals import (
    STORE_FILE,
    ProposalDraft,
    ProposalKind,
    ProposalStatus,
    ProposalStore,
)
from adapters.knowledge_base import (
    COLUMNS,
    KBRow,
    LoadResult,
    normalize_action,
    parse_kb,
)
from adapters.llm.client import LLMClient
from adapters.llm_history import LLMHistory
from adapters.vector_store import KnowledgeIndex, point_id
from config import Settings
from domain.activity import is_engine_entry
from domain.text import fold
from observability.redaction import redact
from prompts.loader import load_prompt

log = structlog.get_logger(__name__)

PROMPT = "propuesta_fila"
#: v2: v1 plus the corrections of a draft sent back (:func:`render_corrections`)
PROMPT_VERSION = "v2"
NODE = "mantenimiento"
REPORT_PREFIX = "reporte_mantenimiento_globales"
#: the share of a cluster's members that must be covered for the cluster to be covered
COVERED_SHARE = 0.5
#: share of the drafted solution's words that must come from the people's notes
GROUNDING_SHARE = 0.6
MIN_NOTES_CHARS = 15


class SkipReason(StrEnum):
    """Why a closed incident was not mined."""

    NO_NOTES = "sin_notas"
    ENGINE_RESOLVED = "resuelta_por_motor"
    OTHER_LANGUAGE = "otro_idioma"


class DraftProblem(StrEnum):
    """Why a drafted row was not offered."""

    MODEL_ERROR = "error_del_modelo"
    UNKNOWN_COMPONENT = "componente_desconocido"
    UNKNOWN_TYPE = "tipo_desconocido"
    QUOTE_NOT_FOUND = "cita_no_encontrada"
    UNGROUNDED_SOLUTION = "solucion_no_fundamentada"
    PERSONAL_DATA = "datos_personales_en_propuesta"
    INVALID_ROW = "fila_invalida"
    DUPLICATE_ROW = "duplica_fila"


@dataclass(frozen=True)
class MaintenanceParams:
    """The job's knobs (settings ``MAINTENANCE_*``)."""

    min_cluster: int = 3
    #: average-linkage bar on the mixed similarity (0.5 x rescaled dense + 0.5 x lexical)
    cluster_similarity: float = 0.45
    coverage_overlap: float = 0.2
    min_wrong: int = 2
    duplicate_dense: float = 0.9
    duplicate_lexical: float = 0.8
    #: dense cosines below this count as 0, above 1 as 1 (e5 similarities are compressed)
    dense_floor: float = 0.8
    dense_ceiling: float = 0.95
    max_tokens: int = 700
    #: drafts that fail validation get this many more calls, told what was wrong
    repair_attempts: int = 1

    @classmethod
    def from_settings(cls, settings: Settings) -> MaintenanceParams:
        return cls(
            min_cluster=settings.MAINTENANCE_MIN_CLUSTER,
            cluster_similarity=settings.MAINTENANCE_CLUSTER_SIMILARITY,
            coverage_overlap=settings.MAINTENANCE_COVERAGE_OVERLAP,
            min_wrong=settings.MAINTENANCE_MIN_WRONG,
            duplicate_dense=settings.MAINTENANCE_DUPLICATE_DENSE,
            duplicate_lexical=settings.MAINTENANCE_DUPLICATE_LEXICAL,
        )


# --- cases from closed incidents ---------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """A closed incident as the miner uses it (personal data already redacted)."""

    incident_id: str
    problem: str
    notes: str
    action: str
    mailbox: str
    closed_on: str
    redacted: bool = False


@dataclass(frozen=True)
class Skipped:
    incident_id: str
    reason: SkipReason
    detail: str = ""


_SPANISH = frozenset(
    """de la que el en y los se del las por un para con una su al lo como mas pero sus le ya
    este porque esta cuando muy sin sobre tambien hasta hay donde desde todo nos durante ni
    contra otros ese eso ante ellos esto antes algunos unos yo otro otras otra tanto esa estos
    mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros mi mis tu te ti
    tus ellas nosotras os mio mia no me ha he han""".split()  # noqa: SIM905
)
_ENGLISH = frozenset(
    """the and to of is it that for on with as was at by an be this are or from have has not
    but can cannot my i you your we they she his her our now been were will would there their
    what which when user issue sent please""".split()  # noqa: SIM905
)


def language_of(text: str) -> str:
    """``es``, ``en`` or ``?`` by counting function words (enough to tell a support note in
    English from one in Spanish; incidents mix in English product words, so ties are Spanish)."""
    words = re.findall(r"[a-z]+", fold(text))
    es = sum(w in _SPANISH for w in words)
    en = sum(w in _ENGLISH for w in words)
    if es == en == 0:
        return "?"
    return "en" if en > es and en >= 3 else "es"


def people_action(incident: Incidencia) -> tuple[str, str]:
    """The action people took on a closed incident, in the knowledge base's terms, and the
    mailbox for a reassignment: a resolution code that names an action wins; else a hold
    (``en espera``) on the way; else a move to another mailbox (``reasignacion``); else
    ``cierre``."""
    human = [e for e in incident.historial if not is_engine_entry(e.model_dump())]
    for entry in reversed(human):
        action = normalize_action(entry.CodigoResolucion) if entry.CodigoResolucion else None
        if action is not None:
            mailbox = entry.buzonAsignado if action == "reasignacion" else ""
            return action, mailbox
    if any(fold(e.estado) == "en espera" for e in human):
        return "en espera", ""
    first = human[0].buzonAsignado if human else incident.buzon
    moved = [e.buzonAsignado for e in human if e.buzonAsignado and e.buzonAsignado != first]
    if moved:
        return "reasignacion", moved[-1]
    return "cierre", ""


def _closed_on(incident: Incidencia) -> date | None:
    for entry in reversed(incident.historial):
        for fmt in ("%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d"):
            try:
                return datetime.strptime(entry.Fecha.strip()[:16], fmt).date()
            except ValueError:
                continue
    return None


def extract_case(incident: Incidencia) -> Case | Skipped:
    """The case of one closed incident, or why it cannot be used."""
    cod = incident.codIncidencia
    entries = incident.historial
    human_notes = [
        e.NotasResolucion.strip()
        for e in entries
        if e.NotasResolucion.strip() and not is_engine_entry(e.model_dump())
    ]
    notes = " ".join(human_notes)
    if len(notes) < MIN_NOTES_CHARS:
        engine = any(is_engine_entry(e.model_dump()) and e.NotasResolucion for e in entries)
        if engine:
            return Skipped(cod, SkipReason.ENGINE_RESOLVED, "resuelta por Resolvia con una fila")
        return Skipped(cod, SkipReason.NO_NOTES, "sin notas de resolución de una persona")
    problem = f"{incident.titulo.strip()}. {incident.descripcion.strip()}".strip(". ")
    language = language_of(f"{problem} {notes}")
    if language != "es":
        return Skipped(cod, SkipReason.OTHER_LANGUAGE, f"idioma detectado: {language}")
    # the notes alone too: a Spanish request answered in English would pass on the problem's
    # words, and the drafted SOLUCIÓN comes only from the notes
    if language_of(notes) == "en":
        return Skipped(cod, SkipReason.OTHER_LANGUAGE, "idioma de las notas de resolución: en")
    clean_problem, clean_notes = redact(problem), redact(notes)
    action, mailbox = people_action(incident)
    closed = _closed_on(incident)
    return Case(
        incident_id=cod,
        problem=clean_problem,
        notes=clean_notes,
        action=action,
        mailbox=mailbox,
        closed_on=closed.isoformat() if closed else "",
        redacted=(clean_problem, clean_notes) != (problem, notes),
    )


# --- similarity and clustering -----------------------------------------------------------------


def lexical_cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _dense(a: Sequence[float], b: Sequence[float]) -> float:
    return float(sum(x * y for x, y in zip(a, b, strict=True)))


def similarity(dense: float, lexical: float, params: MaintenanceParams) -> float:
    """The clustering similarity: the dense cosine rescaled between ``dense_floor`` and
    ``dense_ceiling`` (e5's cosines are compressed), averaged with the lexical cosine."""
    span = params.dense_ceiling - params.dense_floor
    scaled = min(1.0, max(0.0, (dense - params.dense_floor) / span))
    return 0.5 * scaled + 0.5 * lexical


def cluster_cases(
    cases: Sequence[Case],
    vectors: Sequence[Sequence[float]],
    features: Sequence[Mapping[str, float]],
    params: MaintenanceParams,
) -> list[list[int]]:
    """Average-linkage clusters (indexes into ``cases``), only among cases that took the same
    action; largest first. Small inputs (hundreds of cases) keep the plain O(n³) loop cheap."""
    n = len(cases)
    sim = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            same = (cases[i].action, cases[i].mailbox) == (cases[j].action, cases[j].mailbox)
            value = (
                similarity(
                    _dense(vectors[i], vectors[j]), lexical_cosine(features[i], features[j]), params
                )
                if same
                else -1.0
            )
            sim[i][j] = sim[j][i] = value
    clusters = [[i] for i in range(n)]
    while len(clusters) > 1:
        best, pair = params.cluster_similarity, None
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                values = [sim[i][j] for i in clusters[a] for j in clusters[b]]
                if min(values) < 0:
                    continue  # different actions never merge
                mean = sum(values) / len(values)
                if mean >= best:
                    best, pair = mean, (a, b)
        if pair is None:
            break
        a, b = pair
        clusters[a] = sorted(clusters[a] + clusters[b])
        del clusters[b]
    return sorted(clusters, key=lambda c: (-len(c), c))


# --- coverage ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coverage:
    incident_id: str
    best_row: str | None
    best_action: str | None
    covered: bool
    why: str


def check_coverage(
    case: Case,
    index: KnowledgeIndex,
    notes_features: Mapping[str, float],
    params: MaintenanceParams,
) -> Coverage:
    """Whether the knowledge base already covers what people did (see the module docstring)."""
    hits = index.search([case.problem], k=1)
    if not hits:
        return Coverage(case.incident_id, None, None, False, "ninguna fila encontrada")
    row = hits[0].row
    action = str(row.get("resolucion_automatica") or "")
    mailbox = str(row.get("buzon_reasignacion") or "")
    if action != case.action or (action == "reasignacion" and mailbox != case.mailbox):
        why = f"las personas hicieron «{case.action}», la fila dice «{action}»"
        return Coverage(case.incident_id, hits[0].kb_id, action, False, why)
    overlap = lexical_cosine(notes_features, index.lexical.features(str(row.get("solucion") or "")))
    if overlap < params.coverage_overlap:
        why = f"la solución de la fila no es lo que hicieron las personas (similitud {overlap:.2f})"
        return Coverage(case.incident_id, hits[0].kb_id, action, False, why)
    return Coverage(case.incident_id, hits[0].kb_id, action, True, f"similitud {overlap:.2f}")


# --- drafting a row ----------------------------------------------------------------------------


class Quote(BaseModel):
    incidencia: str = Field(max_length=40)
    texto: str = Field(min_length=5, max_length=400)


class RowDraft(BaseModel):
    """What the model is asked for: a row of the knowledge base, with its sources."""

    componente: str = Field(max_length=60)
    descripcion: str = Field(min_length=15, max_length=400)
    tipo_incidencia: str = Field(max_length=60)
    solucion: str = Field(min_length=15, max_length=700)
    citas: list[Quote] = Field(min_length=1, max_length=8)


@dataclass
class _CallContext:
    """The part of an EngineContext that :func:`graph.llm_calls.structured_call` reads."""

    llm: LLMClient
    history: LLMHistory | None
    run_id: str


def _quote_text(text: str) -> str:
    return fold(text.strip().strip("«»\"'“”").rstrip("."))


def validate_draft(
    draft: RowDraft,
    cases: Sequence[Case],
    loaded: LoadResult,
    lexical_features: Callable[[str], Mapping[str, float]],
    *,
    today: date,
) -> tuple[dict[str, str] | None, list[str]]:
    """The CSV fields of a drafted row, or None and the reasons it cannot be offered.

    The action and mailbox are the people's (the cases'), never the model's. Checks: component
    and type from the knowledge base's own lists; every quote copied from the notes of the
    incident it names; most of the solution's words taken from the notes; no personal data;
    the row loads with the knowledge-base loader; not the description of an existing row."""
    problems: list[str] = []
    if draft.componente not in loaded.components():
        problems.append(f"{DraftProblem.UNKNOWN_COMPONENT}: {draft.componente!r}")
    tipos = {r.tipo_incidencia for r in loaded.rows}
    if draft.tipo_incidencia not in tipos:
        problems.append(f"{DraftProblem.UNKNOWN_TYPE}: {draft.tipo_incidencia!r}")
    notes = {c.incident_id: fold(c.notes) for c in cases}
    for quote in draft.citas:
        source = notes.get(quote.incidencia.strip())
        if source is None or _quote_text(quote.texto) not in source:
            problems.append(f"{DraftProblem.QUOTE_NOT_FOUND}: {quote.incidencia} «{quote.texto}»")
    words = {k for k in lexical_features(draft.solucion) if k.startswith("w:") and len(k) > 5}
    known = {k for c in cases for k in lexical_features(c.notes) if k.startswith("w:")}
    if words and len(words & known) / len(words) < GROUNDING_SHARE:
        missing = ", ".join(sorted(w[2:] for w in words - known)[:8])
        problems.append(f"{DraftProblem.UNGROUNDED_SOLUTION}: {missing}")
    texts = [draft.descripcion, draft.solucion, *(q.texto for q in draft.citas)]
    if any(redact(t) != t for t in texts):
        problems.append(str(DraftProblem.PERSONAL_DATA))
    action, mailbox = Counter((c.action, c.mailbox) for c in cases).most_common(1)[0][0]
    fields = {
        "COMPONENTE": draft.componente.strip(),
        "DESCRIPCION": draft.descripcion.strip(),
        "TIPO INCIDENCIA": draft.tipo_incidencia.strip(),
        "SOLUCIÓN": draft.solucion.strip(),
        "FECHA DE RESOLUCIÓN": today.strftime("%d/%m/%Y"),
        "RESOLUCION AUTOMÁTICA": action,
        "BUZON REASIGNACION": mailbox,
    }
    checked = parse_kb(_csv_line(list(COLUMNS)) + _csv_line([fields[c] for c in COLUMNS]))
    if checked.bad:
        problems.append(f"{DraftProblem.INVALID_ROW}: {checked.bad[0].reason}")
    if any(fold(r.descripcion) == fold(fields["DESCRIPCION"]) for r in loaded.rows):
        problems.append(str(DraftProblem.DUPLICATE_ROW))
    return (None, problems) if problems else (fields, [])


def _csv_line(values: list[str]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def render_cases(cases: Sequence[Case]) -> str:
    """The cluster as the prompt shows it: problem and the people's notes, quoted, by id."""
    blocks = [
        f"[{c.incident_id}]\nProblema: {c.problem}\nNotas de resolución: «{c.notes}»" for c in cases
    ]
    return "\n\n".join(blocks)


# --- (b) rows marked wrong and (c) near-duplicates -------------------------------------------


def read_rejections(rejected_dir: Path) -> dict[str, dict[str, Any]]:
    """The latest rejection-log entry of every escalated incident."""
    latest: dict[str, dict[str, Any]] = {}
    for path in sorted(rejected_dir.glob("rechazos_*.jsonl")) if rejected_dir.is_dir() else []:
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                log.warning("maintenance.bad_rejection_line", file=path.name)
                continue
            cod = entry.get("incident_id")
            if cod and str(entry.get("finished_at", "")) >= str(
                latest.get(cod, {}).get("finished_at", "")
            ):
                latest[cod] = entry
    return latest


def proposed_row(entry: Mapping[str, Any]) -> str | None:
    """The row the engine considered best for an escalated incident (the first critiqued
    candidate, else the first candidate; the applied row of an already-tried one)."""
    if entry.get("reason") == "ya_intentado" and entry.get("kb_id"):
        return str(entry["kb_id"])
    for key in ("critiques", "candidates"):
        items = entry.get(key) or []
        if items and items[0].get("kb_id"):
            return str(items[0]["kb_id"])
    return None


def wrong_rows(
    rejections: Mapping[str, Mapping[str, Any]],
    reviews: Iterable[Any],
    rows: Mapping[str, KBRow],
    params: MaintenanceParams,
) -> list[ProposalDraft]:
    """(b): rows people said were wrong for at least ``min_wrong`` incidents."""
    marks: dict[str, list[dict[str, Any]]] = {}
    reviewed = set()
    for review in reviews:
        reviewed.add(review.incident_id)
        entry = rejections.get(review.incident_id)
        row = proposed_row(entry) if entry else None
        if row is None or row not in rows:
            continue
        verdict = str(review.verdict)
        if verdict == "kb" and review.kb_id == row:
            continue  # the reviewer confirmed the row
        marks.setdefault(row, []).append(
            {
                "incidencia": review.incident_id,
                "veredicto": verdict,
                "fila_correcta": review.kb_id if verdict == "kb" else None,
                "nota": redact(review.note or ""),
                "revisor": review.reviewer,
            }
        )
    for cod, entry in rejections.items():
        if cod in reviewed or entry.get("reason") != "ya_intentado":
            continue
        row = proposed_row(entry)
        if row in rows:
            marks.setdefault(str(row), []).append(
                {"incidencia": cod, "veredicto": "reabierta_tras_aplicarla", "nota": ""}
            )
    drafts = []
    for kb_id, items in sorted(marks.items()):
        if len({i["incidencia"] for i in items}) < params.min_wrong:
            continue
        verdicts = Counter(i["veredicto"] for i in items)
        changes: dict[str, str] = {}
        if verdicts["no_automatizable"] * 2 > len(items):
            changes["RESOLUCION AUTOMÁTICA"] = "manual"
        others = Counter(i["fila_correcta"] for i in items if i.get("fila_correcta"))
        drafts.append(
            ProposalDraft(
                kind=ProposalKind.EDIT_ROW,
                title=f"Revisar {kb_id}: marcada como incorrecta en {len(items)} incidencias",
                fingerprint=_fingerprint("editar", kb_id, *sorted(i["incidencia"] for i in items)),
                row=changes,
                target_ids=[kb_id],
                evidence={
                    # the row as it is now: accepting refuses when it changed in the meantime
                    "fila_actual": rows[kb_id].as_csv_row(),
                    "marcas": items,
                    "veredictos": dict(verdicts),
                    "filas_elegidas_en_su_lugar": dict(others),
                    "sugerencia": (
                        "pasar la fila a «manual»: los revisores dicen que no se resuelve sola"
                        if changes
                        else "precisar la DESCRIPCION para que no se proponga en estos casos "
                        "(aceptar con --edit descripcion=...)"
                    ),
                },
            )
        )
    return drafts


def near_duplicates(
    index: KnowledgeIndex, rows: Sequence[KBRow], params: MaintenanceParams
) -> list[ProposalDraft]:
    """(c): pairs of rows with the same action and mailbox whose texts nearly coincide. The
    dense vectors are read from the index (nothing is embedded again)."""
    live = index.live_collection()
    if live is None:
        return []
    points = index.client.retrieve(
        live, ids=[point_id(r.id) for r in rows], with_payload=["kb_id"], with_vectors=["dense"]
    )
    vectors = {
        (p.payload or {})["kb_id"]: cast(dict[str, list[float]], p.vector)["dense"] for p in points
    }
    features = {r.id: index.lexical.features(r.lexical_text()) for r in rows}
    drafts = []
    ordered = sorted(rows, key=lambda r: r.line)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if (
                (a.resolucion_automatica, a.buzon_reasignacion)
                != (
                    b.resolucion_automatica,
                    b.buzon_reasignacion,
                )
                or a.id not in vectors
                or b.id not in vectors
            ):
                continue
            dense = _dense(vectors[a.id], vectors[b.id])
            lexical = lexical_cosine(features[a.id], features[b.id])
            if dense >= params.duplicate_dense and lexical >= params.duplicate_lexical:
                drafts.append(
                    ProposalDraft(
                        kind=ProposalKind.MERGE_ROWS,
                        title=f"Fusionar {b.id} en {a.id}: filas casi iguales",
                        fingerprint=_fingerprint("fusionar", a.id, b.id),
                        target_ids=[a.id, b.id],
                        evidence={
                            "similitud_densa": round(dense, 4),
                            "similitud_lexica": round(lexical, 4),
                            "accion": a.resolucion_automatica,
                            "buzon": a.buzon_reasignacion,
                            "filas": {r.id: r.as_csv_row() for r in (a, b)},
                            "efecto": f"aceptar elimina {b.id} y conserva {a.id}",
                        },
                    )
                )
    return drafts


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:24]


# --- the job -------------------------------------------------------------------------------


@dataclass
class ClusterResult:
    incident_ids: list[str]
    action: str
    mailbox: str
    covered: bool
    coverage: list[dict[str, Any]]
    offered: bool = False
    proposal_id: int | None = None
    problems: list[str] = field(default_factory=list)
    row: dict[str, str] | None = None
    quotes: list[dict[str, str]] = field(default_factory=list)
    #: how many times the draft was sent back before it validated (or the last try failed)
    repairs: int = 0


@dataclass
class MaintenanceReport:
    run_id: str
    started_at: str
    dry_run: bool
    since: str | None
    params: dict[str, Any]
    closed_read: int = 0
    before_since: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)
    redacted: list[str] = field(default_factory=list)
    cases: int = 0
    clusters: list[ClusterResult] = field(default_factory=list)
    #: proposals of every kind, as offered (or that would be offered in a dry run)
    proposals: list[dict[str, Any]] = field(default_factory=list)
    already_known: int = 0
    llm_calls: int = 0
    reviews_read: int = 0
    rejections_read: int = 0
    files: dict[str, str] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        kinds = Counter(p["kind"] for p in self.proposals)
        return {
            "cerradas_leidas": self.closed_read,
            "descartadas": len(self.skipped),
            "casos": self.cases,
            "grupos": len(self.clusters),
            "grupos_sin_cubrir": sum(1 for c in self.clusters if not c.covered),
            "borradores_no_validos": sum(1 for c in self.clusters if c.problems),
            "borradores_corregidos": sum(1 for c in self.clusters if c.repairs and not c.problems),
            **{f"propuestas_{k}": kinds[k] for k in ProposalKind},
            "ya_conocidas": self.already_known,
        }

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["counts"] = self.counts()
        return data


def run_maintenance(
    settings: Settings,
    *,
    closed: Sequence[Incidencia],
    index: KnowledgeIndex,
    loaded: LoadResult,
    llm: LLMClient,
    history: LLMHistory | None,
    run_id: str,
    since: date | None = None,
    dry_run: bool = False,
    reviews: Sequence[Any] = (),
    params: MaintenanceParams | None = None,
    today: date | None = None,
) -> MaintenanceReport:
    """Mine, draft, validate and (unless ``dry_run``) store proposals and write the report."""
    params = params or MaintenanceParams.from_settings(settings)
    today = today or datetime.now(UTC).date()
    report = MaintenanceReport(
        run_id=run_id,
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
        dry_run=dry_run,
        since=since.isoformat() if since else None,
        params=asdict(params),
        closed_read=len(closed),
    )
    cases = _collect_cases(closed, since, report)
    features = [index.lexical.features(f"{c.problem} {c.notes}") for c in cases]
    embed = getattr(index.embedder, "embed_queries", index.embedder.embed_documents)
    vectors = embed([c.problem for c in cases]) if cases else []
    drafter = _Drafter(_CallContext(llm, None if dry_run else history, run_id), loaded, index)
    drafts: list[ProposalDraft] = []
    for members in cluster_cases(cases, vectors, features, params):
        if len(members) < params.min_cluster:
            continue
        group = [cases[i] for i in members]
        checks = [check_coverage(c, index, index.lexical.features(c.notes), params) for c in group]
        result = ClusterResult(
            incident_ids=[c.incident_id for c in group],
            action=group[0].action,
            mailbox=group[0].mailbox,
            covered=sum(ch.covered for ch in checks) >= COVERED_SHARE * len(group),
            coverage=[asdict(ch) for ch in checks],
        )
        report.clusters.append(result)
        if not result.covered:
            draft = drafter.draft(group, result, params, today)
            report.llm_calls += drafter.calls
            if draft is not None:
                drafts.append(draft)
    rejections = read_rejections(settings.rejected_dir)
    report.rejections_read, report.reviews_read = len(rejections), len(reviews)
    drafts += wrong_rows(rejections, reviews, {r.id: r for r in loaded.rows}, params)
    drafts += near_duplicates(index, loaded.rows, params)
    _store_proposals(settings, report, drafts, run_id, dry_run)
    if not dry_run:
        paths = write_report(report, settings.reports_dir, today)
        report.files = {k: str(v) for k, v in paths.items()}
    log.info("maintenance.finished", run_id=run_id, dry_run=dry_run, **report.counts())
    return report


def _collect_cases(
    closed: Sequence[Incidencia], since: date | None, report: MaintenanceReport
) -> list[Case]:
    """The usable cases; what was skipped or redacted goes into ``report``."""
    cases: list[Case] = []
    for incident in closed:
        found = extract_case(incident)
        if isinstance(found, Skipped):
            report.skipped.append(
                {
                    "incidencia": found.incident_id,
                    "motivo": found.reason.value,
                    "detalle": found.detail,
                }
            )
            continue
        if since and found.closed_on and found.closed_on < since.isoformat():
            report.before_since += 1
            continue
        if found.redacted:
            report.redacted.append(found.incident_id)
        cases.append(found)
    report.cases = len(cases)
    return cases


def render_corrections(problems: Sequence[str]) -> str:
    """The part of the drafting prompt that sends a draft back: what the validation found."""
    lines = "\n".join(f"- {p}" for p in problems)
    return (
        "\n<correcciones>\nTu borrador anterior no se puede ofrecer por esto:\n"
        f"{lines}\nRedacta la fila de nuevo corrigiéndolo. Las citas deben ser frases "
        "copiadas letra por letra de las notas de la incidencia que indicas; si no encuentras "
        "una frase exacta que apoye un paso de la solución, quita ese paso.\n</correcciones>"
    )


class _Drafter:
    """One recorded model call per uncovered cluster, then :func:`validate_draft`."""

    def __init__(self, ctx: _CallContext, loaded: LoadResult, index: KnowledgeIndex) -> None:
        self.ctx = ctx
        self.loaded = loaded
        self.index = index
        self.prompt = load_prompt(PROMPT, PROMPT_VERSION)
        self.calls = 0

    def draft(
        self,
        group: Sequence[Case],
        result: ClusterResult,
        params: MaintenanceParams,
        today: date,
    ) -> ProposalDraft | None:
        """The ``nueva_fila`` proposal of a cluster, or None (reasons in ``result``).

        A draft that fails validation is sent back once (``repair_attempts``) with what was
        wrong — typically a quote the 1.5B model paraphrased instead of copying — and the
        corrected draft goes through the same validation; the problems reported are the last
        attempt's."""
        from graph.llm_calls import structured_call  # the engine's recorded structured call

        corrections = ""
        self.calls = 0
        for attempt in range(1 + max(0, params.repair_attempts)):
            outcome = structured_call(
                cast(Any, self.ctx),  # structured_call reads only llm, history and run_id
                node=NODE,
                incident_id=",".join(result.incident_ids)[:200],
                prompt=self.prompt,
                schema=RowDraft,
                max_tokens=params.max_tokens,
                componentes=", ".join(self.loaded.components()),
                tipos=", ".join(sorted({r.tipo_incidencia for r in self.loaded.rows})),
                accion=result.action + (f" → {result.mailbox}" if result.mailbox else ""),
                incidencias=render_cases(group),
                correcciones=corrections,
            )
            self.calls += outcome.calls
            if outcome.parsed is None:
                error = f"{DraftProblem.MODEL_ERROR}: {outcome.error}"
                # a repair call that fails keeps the first draft's reasons in the report
                result.problems = [*result.problems, error] if attempt else [error]
                return None
            fields, problems = validate_draft(
                outcome.parsed, group, self.loaded, self.index.lexical.features, today=today
            )
            result.quotes = [q.model_dump() for q in outcome.parsed.citas]
            result.repairs = attempt
            if fields is not None:
                result.problems = []
                break
            result.problems = problems
            result.row = outcome.parsed.model_dump(exclude={"citas"})
            corrections = render_corrections(problems)
        if fields is None:
            return None
        result.row = fields
        nearest = Counter(ch["best_row"] for ch in result.coverage if ch["best_row"])
        return ProposalDraft(
            kind=ProposalKind.NEW_ROW,
            title=f"Nueva fila: {fields['DESCRIPCION'][:90]}",
            fingerprint=_fingerprint("nueva", *sorted(result.incident_ids)),
            row=fields,
            evidence={
                "incidencias": [
                    {"incidencia": c.incident_id, "problema": c.problem, "notas": c.notes}
                    for c in group
                ],
                "citas": result.quotes,
                "accion_de_las_personas": result.action,
                "buzon": result.mailbox,
                "cobertura": result.coverage,
                "fila_mas_parecida": nearest.most_common(1)[0][0] if nearest else None,
            },
        )


def _store_proposals(
    settings: Settings,
    report: MaintenanceReport,
    drafts: Sequence[ProposalDraft],
    run_id: str,
    dry_run: bool,
) -> None:
    """Store the new proposals (a dry run only reads the store, when it exists, to tell
    which ones are already known)."""
    path = settings.DATA_DIR / STORE_FILE
    if dry_run and not path.is_file():
        report.proposals = [_summary(d, None) for d in drafts]
        return
    with ProposalStore(path) as store:
        for draft in drafts:
            if dry_run:
                known = store.known(draft.fingerprint)
                if known is not None and known.status is not ProposalStatus.ACCEPTED:
                    report.already_known += 1
                else:
                    report.proposals.append(_summary(draft, None))
                continue
            stored = store.add(draft, run_id=run_id)
            if stored is None:
                report.already_known += 1
                continue
            report.proposals.append(_summary(draft, stored.id))
            for cluster in report.clusters:
                if draft.kind is ProposalKind.NEW_ROW and draft.row == cluster.row:
                    cluster.offered, cluster.proposal_id = True, stored.id


def _summary(draft: ProposalDraft, proposal_id: int | None) -> dict[str, Any]:
    return {
        "id": proposal_id,
        "kind": draft.kind.value,
        "title": redact(draft.title),
        "target_ids": draft.target_ids,
        "row": draft.row,
    }


def write_report(report: MaintenanceReport, reports_dir: Path, today: date) -> dict[str, Path]:
    """``reporte_mantenimiento_globales_<date>.json`` and its Markdown summary (``.md``)."""
    reports_dir.mkdir(parents=True, exist_ok=True)
    base = reports_dir / f"{REPORT_PREFIX}_{today.isoformat()}"
    paths = {"json": base.with_suffix(".json"), "markdown": base.with_suffix(".md")}
    report.files = {k: str(v) for k, v in paths.items()}
    tmp = paths["json"].with_suffix(".json.tmp")
    tmp.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(paths["json"])
    paths["markdown"].write_text(markdown(report), encoding="utf-8")
    return paths


def markdown(report: MaintenanceReport) -> str:
    """A readable summary of the run (Spanish, for the knowledge owners)."""
    c = report.counts()
    lines = [
        f"# Mantenimiento de la base de conocimiento ({report.started_at[:10]})",
        "",
        f"Ejecución `{report.run_id}`"
        + (" (simulación: no se guardó nada)" if report.dry_run else "")
        + (f", incidencias cerradas desde {report.since}" if report.since else "")
        + ".",
        "",
        f"- Incidencias cerradas leídas: {c['cerradas_leidas']}; usadas: {c['casos']}; "
        f"descartadas: {c['descartadas']}; anteriores a la fecha pedida: {report.before_since}.",
        f"- Con datos personales (redactados antes de usarlas): {len(report.redacted)}.",
        f"- Grupos de al menos {report.params['min_cluster']} incidencias: {c['grupos']}, "
        f"sin cubrir por ninguna fila: {c['grupos_sin_cubrir']}.",
        f"- Propuestas nuevas: {c['propuestas_nueva_fila']} filas nuevas, "
        f"{c['propuestas_editar_fila']} revisiones de filas, {c['propuestas_fusionar_filas']} "
        f"fusiones; ya conocidas (pendientes o rechazadas antes): {c['ya_conocidas']}.",
        f"- Borradores descartados por no validar: {c['borradores_no_validos']} "
        f"(devueltos al modelo con lo que fallaba y aceptados a la segunda: "
        f"{c['borradores_corregidos']}).",
        "",
    ]
    if report.proposals:
        lines += ["## Propuestas", ""]
        for p in report.proposals:
            ident = f"#{p['id']}" if p["id"] is not None else "(simulación)"
            lines.append(f"- {ident} `{p['kind']}` {p['title']}")
        lines += ["", "Revísalas con `resolvia kb proposals` o en la consola.", ""]
    bad = [cl for cl in report.clusters if cl.problems]
    if bad:
        lines += ["## Borradores no ofrecidos", ""]
        for cl in bad:
            lines.append(f"- {', '.join(cl.incident_ids)}: {'; '.join(cl.problems)}")
        lines.append("")
    if report.skipped:
        lines += ["## Incidencias descartadas", ""]
        lines += [f"- {s['incidencia']}: {s['motivo']} ({s['detalle']})" for s in report.skipped]
        lines.append("")
    return "\n".join(lines)


def maintain(
    settings: Settings,
    *,
    run_id: str,
    since: date | None = None,
    dry_run: bool = False,
    model: str | None = None,
    closed: Sequence[Incidencia] | None = None,
) -> MaintenanceReport:
    """The job as ``resolvia kb maintain`` runs it: closed incidents from the configured
    incident manager (or ``closed``), the live index and the file it was built from, the
    configured model, the console's reviews when their store exists."""
    from adapters import stores
    from adapters.incident_manager import HttpIncidentManager
    from adapters.knowledge_base import KB_FILE_NAME
    from adapters.llm.client import build_llm_client
    from adapters.llm.server import stop_all
    from adapters.reviews import ReviewStore
    from adapters.vector_store import KBIndexError, load_indexed_kb, open_index

    if closed is None:
        incidents = HttpIncidentManager.from_settings(settings)
        try:
            closed = incidents.list_closed()
        finally:
            incidents.close()
    # the console's review store (console.security.default_paths); read only when it exists
    reviews_path = stores.location(settings, "reviews")  # Postgres with DATABASE_URL
    reviews: list[Any] = []
    if stores.exists(reviews_path):
        review_store = ReviewStore(reviews_path)
        try:
            reviews = list(review_store.latest().values())
        finally:
            review_store.close()
    history = None if dry_run else stores.open_llm_history(settings)
    try:
        with open_index(settings) as index:
            if index.live_collection() is None:
                raise KBIndexError(
                    f"no knowledge-base index '{settings.QDRANT_COLLECTION}': run "
                    "`resolvia index` (or `python batch.py`) first"
                )
            loaded = load_indexed_kb(index, default=settings.RESOURCES_DIR / KB_FILE_NAME)
            return run_maintenance(
                settings,
                closed=closed,
                index=index,
                loaded=loaded,
                llm=build_llm_client(settings, model),
                history=history,
                run_id=run_id,
                since=since,
                dry_run=dry_run,
                reviews=reviews,
            )
    finally:
        stop_all()  # the managed llama.cpp server, if one was started
        if history is not None:
            history.close()
