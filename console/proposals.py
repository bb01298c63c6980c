"""The console's knowledge-base proposals: what the proposal page shows and how its forms map
onto :mod:`adapters.kb_proposals` (the same functions ``resolvia kb accept | reject`` calls).

Only an ``aprobador`` decides: accepting changes the knowledge base that the engine applies
automatically, which weighs at least as much as approving one supervised action (also
``aprobador``). Everyone else sees the same page read-only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from adapters.kb_proposals import (
    AlreadyDecidedError,
    InvalidChangeError,
    KBChangedError,
    Preview,
    Proposal,
    ProposalError,
    ProposalKind,
    ProposalStatus,
    apply_edits,
    get_proposal,
    preview_proposal,
)
from config import Settings

KIND_LABELS = {
    ProposalKind.NEW_ROW.value: "Fila nueva",
    ProposalKind.EDIT_ROW.value: "Cambio de una fila",
    ProposalKind.MERGE_ROWS.value: "Fusión de dos filas",
}

#: the accept form's fields: the ``--edit`` names of ``resolvia kb accept`` and their columns
FORM_FIELDS: tuple[tuple[str, str, bool], ...] = (
    # (form name, column, multi-line)
    ("componente", "COMPONENTE", False),
    ("descripcion", "DESCRIPCION", True),
    ("tipo", "TIPO INCIDENCIA", False),
    ("solucion", "SOLUCIÓN", True),
    ("fecha", "FECHA DE RESOLUCIÓN", False),
    ("accion", "RESOLUCION AUTOMÁTICA", False),
    ("buzon", "BUZON REASIGNACION", False),
)
#: longest value accepted for one field (the knowledge base's longest texts are far shorter)
MAX_FIELD_CHARS = 4000


@dataclass(frozen=True)
class FieldRow:
    """One column of the comparison table."""

    column: str
    before: str | None
    after: str | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def editable(proposal: Proposal) -> bool:
    """Whether accepting takes field edits (a merge takes none, like ``--edit`` in the CLI)."""
    return proposal.kind is not ProposalKind.MERGE_ROWS


def base_fields(proposal: Proposal, current: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """The values the accept form starts from: the proposed row, or the current row with the
    proposed changes; an untouched field is not an edit."""
    if proposal.kind is ProposalKind.NEW_ROW:
        return dict(proposal.row or {})
    if proposal.kind is ProposalKind.EDIT_ROW and proposal.target_ids[0] in current:
        try:
            return apply_edits(dict(current[proposal.target_ids[0]]), proposal.row or {})
        except ProposalError:
            return dict(current[proposal.target_ids[0]])
    return {}


def _clean(value: str) -> str:
    # browsers send a textarea's line breaks as CRLF
    return value.replace("\r\n", "\n").strip()


def form_edits(form: Mapping[str, Any], base: Mapping[str, str]) -> dict[str, str]:
    """The fields the person changed, by their ``--edit`` name (what the CLI would pass)."""
    edits: dict[str, str] = {}
    for name, column, _ in FORM_FIELDS:
        value = form.get(name)
        if not isinstance(value, str):
            continue
        value = _clean(value)[:MAX_FIELD_CHARS]
        if value != _clean(base.get(column, "")):
            edits[name] = value
    return edits


def comparison(preview: Preview) -> list[FieldRow]:
    """Column by column: the row now (None for a new row) and after accepting."""
    proposal = preview.proposal
    columns = [c for _, c, _ in FORM_FIELDS]
    if proposal.kind is ProposalKind.MERGE_ROWS:
        return []
    before = preview.current.get(proposal.target_ids[0]) if proposal.target_ids else None
    after = preview.written
    return [
        FieldRow(c, before.get(c, "") if before else None, after.get(c, "") if after else None)
        for c in columns
    ]


def refusal(exc: ProposalError, proposal: Proposal | None) -> tuple[int, str]:
    """The HTTP status and the Spanish message for a decision that was refused."""
    if isinstance(exc, AlreadyDecidedError) and proposal is not None:
        who = f" por {proposal.decided_by}" if proposal.decided_by else ""
        when = f" el {proposal.decided_at}" if proposal.decided_at else ""
        return 409, (
            f"La propuesta {proposal.id} ya está {proposal.status.value}{who}{when}: "
            "no se puede decidir otra vez."
        )
    if isinstance(exc, KBChangedError):
        return 409, (
            "La base de conocimiento cambió desde que se hizo la propuesta; no se escribió nada. "
            "Recházala o vuelve a ejecutar el mantenimiento para que se proponga de nuevo. "
            f"Detalle: {exc}"
        )
    if isinstance(exc, InvalidChangeError):
        return 422, (
            "No se escribió nada: el resultado no es válido para la base de conocimiento. "
            f"Corrige los campos y vuelve a aceptarla. Detalle: {exc}"
        )
    return 409, f"No se pudo decidir: {exc}"


def validation_text(preview: Preview) -> tuple[bool, str]:
    """Whether accepting the proposal as it is would pass the loader's checks, in words."""
    if preview.error is not None:
        return False, refusal(preview.error, preview.proposal)[1]
    change = preview.change
    if change is None:
        return False, "Sin cambio que comprobar."
    if change.removed is not None:
        target = f"se eliminaría {change.removed} y se conservaría {preview.proposal.target_ids[0]}"
    elif preview.proposal.kind is ProposalKind.NEW_ROW:
        target = f"se añadiría como {change.kb_id}"
    else:
        target = f"se cambiaría {change.kb_id}"
    return True, (
        "Válida: el cargador de la base de conocimiento acepta el resultado y ninguna otra fila "
        f"cambia; {target}."
    )


def reindex_text(value: Any) -> str:
    """What the incremental re-index did, for the confirmation message."""
    if isinstance(value, dict):
        return (
            f"índice actualizado ({value.get('added', 0)} añadidas, "
            f"{value.get('updated', 0)} cambiadas, {value.get('deleted', 0)} eliminadas)"
        )
    return f"índice sin actualizar: {value}"


def accepted_text(proposal: Proposal) -> str:
    result = proposal.result or {}
    if result.get("removed"):
        what = f"{result['removed']} eliminada"
    elif proposal.kind is ProposalKind.NEW_ROW:
        what = f"{result.get('kb_id')} añadida"
    else:
        what = f"{result.get('kb_id')} cambiada"
    return (
        f"Propuesta {proposal.id} aceptada: {what} en la base de conocimiento (copia de "
        f"seguridad {result.get('backup')}); {reindex_text(result.get('reindex'))}."
    )


def page_context(
    settings: Settings, proposal_id: int, edits: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """What ``proposal.html`` needs. ``edits``: the person's edits when a decision was refused,
    so that the page shows their values and what they would do."""
    proposal = get_proposal(settings, proposal_id)
    context: dict[str, Any] = {
        "p": proposal,
        "kind_label": KIND_LABELS[proposal.kind.value],
        "waiting": proposal.status is ProposalStatus.PROPOSED,
        "current": {},
        "rows": [],
        "diff": [],
        "valid": False,
        "validation": "",
        "editable": False,
        "fields": [],
    }
    if proposal.status is not ProposalStatus.PROPOSED:
        return context
    preview = preview_proposal(settings, proposal_id, edits=edits)
    base = base_fields(proposal, preview.current)
    try:
        values = apply_edits(base, edits or {})
    except ProposalError:
        values = base
    valid, validation = validation_text(preview)
    context.update(
        current=preview.current,
        rows=comparison(preview),
        diff=preview.diff(),
        valid=valid,
        validation=validation,
        editable=editable(proposal) and bool(base),
        fields=[
            (name, column, multi, values.get(column, "")) for name, column, multi in FORM_FIELDS
        ],
    )
    return context
