"""CSV validation and id derivation for PROBLEMAS_GLOBALES.csv."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from adapters.knowledge_base import COLUMNS, derive_id, load_kb, normalize_action, parse_kb
from config import REPO_ROOT

HEADER7 = list(COLUMNS)  # the original project's 7-column format


def _csv(rows: list[list[str]], header: list[str] | None = None, delimiter: str = ",") -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(header or ["ID", *HEADER7])
    writer.writerows(rows)
    return buf.getvalue()


def _row(kb_id: str = "KB-1", action: str = "cierre", **over: str) -> list[str]:
    base = {
        "ID": kb_id,
        "COMPONENTE": "Correo",
        "DESCRIPCION": f"Outlook no sincroniza ({kb_id})",
        "TIPO INCIDENCIA": "Error aplicación",
        "SOLUCIÓN": "Reiniciar Outlook.",
        "FECHA DE RESOLUCIÓN": "05/02/2024",
        "RESOLUCION AUTOMÁTICA": action,
        "BUZON REASIGNACION": "SISTEMAS_CORREO",
    }
    base.update(over)
    return list(base.values())


def test_the_shipped_knowledge_base_is_valid() -> None:
    result = load_kb(REPO_ROOT / "resources" / "PROBLEMAS_GLOBALES.csv")
    assert result.bad == []
    assert len(result.rows) >= 80
    actions = {r.resolucion_automatica for r in result.rows}
    assert {"cierre", "reasignacion", "en espera", "manual"} <= actions
    assert len({a for a in actions if a.startswith("api|")}) >= 10


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("cierre", "cierre"),
        ("CIERRE", "cierre"),
        ("En espera", "en espera"),
        ("EN  ESPERA", "en espera"),
        ("Reasignación", "reasignacion"),
        ("Manual", "manual"),
        ("API|FxProvision", "api|fxprovision"),
        ("api | fxprovision", "api|fxprovision"),
        ("cerrar", None),
        ("api|", None),
        ("api|drop table", None),
    ],
)
def test_action_values_are_matched_case_and_accent_insensitively(
    raw: str, canonical: str | None
) -> None:
    assert normalize_action(raw) == canonical


def test_bad_rows_are_reported_with_line_and_reason_and_good_rows_kept() -> None:
    text = _csv(
        [
            _row("KB-1"),
            _row("KB-2", action="cerrar"),
            _row("KB-3", **{"DESCRIPCION": ""}),
            _row("KB-4", action="reasignacion", **{"BUZON REASIGNACION": ""}),
            _row("KB-5", **{"FECHA DE RESOLUCIÓN": "2024-02-05"}),
            _row("KB-1"),
            ["KB-7", "Correo", "solo tres campos"],
            _row("KB-8", action="En Espera"),
        ]
    )
    result = parse_kb(text)
    assert [r.id for r in result.rows] == ["KB-1", "KB-8"]
    assert result.rows[1].resolucion_automatica == "en espera"
    reasons = {b.line: b.reason for b in result.bad}
    assert "unknown RESOLUCION AUTOMÁTICA 'cerrar'" in reasons[3]
    assert "empty DESCRIPCION" in reasons[4]
    assert "needs a BUZON REASIGNACION" in reasons[5]
    assert "dd/mm/yyyy" in reasons[6]
    assert "duplicate ID (same as line 2)" in reasons[7]
    assert "expected 8 fields, found 3" in reasons[8]
    assert result.rows_read == 8


def test_original_seven_column_format_gets_stable_content_ids() -> None:
    rows = [_row(f"KB-{i}")[1:] for i in range(5)]
    first = parse_kb(_csv(rows, HEADER7))
    shuffled = parse_kb(_csv(list(reversed(rows)), HEADER7))
    assert not first.has_id_column and first.bad == []
    assert {r.id for r in first.rows} == {r.id for r in shuffled.rows}
    by_desc = {r.descripcion: r.id for r in first.rows}
    assert all(by_desc[r.descripcion] == r.id for r in shuffled.rows)


def test_derived_ids_ignore_case_accents_and_spacing_but_not_content() -> None:
    assert derive_id("Gestión Pólizas", "No  carga la PÓLIZA") == derive_id(
        "gestion polizas", "no carga la poliza"
    )
    assert derive_id("Correo", "Outlook no abre") != derive_id("Correo", "Outlook no envía")


def test_semicolon_files_and_bom_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "kb.csv"
    path.write_text("\ufeff" + _csv([_row("KB-1"), _row("KB-2")], delimiter=";"), encoding="utf-8")
    assert [r.id for r in load_kb(path).rows] == ["KB-1", "KB-2"]


def test_missing_columns_are_one_clear_error() -> None:
    result = parse_kb("ID,COMPONENTE\nKB-1,Correo\n")
    assert result.rows == []
    assert "missing columns" in result.bad[0].reason and "SOLUCIÓN" in result.bad[0].reason


def test_content_hash_changes_only_with_content() -> None:
    a = parse_kb(_csv([_row("KB-1")])).rows[0]
    moved = parse_kb(_csv([_row("KB-0"), _row("KB-1")])).rows[1]
    edited = parse_kb(_csv([_row("KB-1", **{"SOLUCIÓN": "Otra cosa."})])).rows[0]
    assert a.content_hash() == moved.content_hash()  # line number is not content
    assert a.content_hash() != edited.content_hash()
