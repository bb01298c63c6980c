"""CSV validation and id derivation for PROBLEMAS_GLOBALES.csv."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from adapters.knowledge_base import COLUMNS, derive_id, load_kb, normalize_action, parse_kb
from config import REPO_ROOT

HEADER_LINE = ",".join(["ID", *COLUMNS])

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
    assert result.warnings == []
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
    # KB-5 only has an odd date: it is indexed, and the date is reported as a warning.
    assert [r.id for r in result.rows] == ["KB-1", "KB-5", "KB-8"]
    assert result.rows[2].resolucion_automatica == "en espera"
    reasons = {b.line: b.reason for b in result.bad}
    assert "unknown RESOLUCION AUTOMÁTICA 'cerrar'" in reasons[3]
    assert "empty DESCRIPCION" in reasons[4]
    assert "needs a BUZON REASIGNACION" in reasons[5]
    assert 6 not in reasons
    assert "dd/mm/yyyy" in {w.line: w.reason for w in result.warnings}[6]
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


# --- spreadsheet exports: the delimiter comes from the header, quoting is always RFC 4180 ---

# Written by hand as LibreOffice / Excel write them: quoted fields holding the delimiter,
# doubled quotes and line breaks. csv.Sniffer guessed from such samples and rejected rows.
EXPORT_ROWS = [
    ["KB-1", "Correo", 'El botón "Enviar", gris', "Error", 'Pulsar "Reparar"; reiniciar, y ya.'],
    ["KB-2", "Accesos", "Usuario bloqueado", "Error", "Paso 1: desbloquear.\nPaso 2: avisar."],
    ["KB-3", "Impresoras", "No imprime", "Error", "Reiniciar la cola."],
]


def _export(delimiter: str, eol: str = "\n") -> str:
    def quote(value: str) -> str:
        return '"' + value.replace('"', '""') + '"'

    lines = [HEADER_LINE.replace(",", delimiter)]
    for kb_id, comp, desc, tipo, sol in EXPORT_ROWS:
        fields = [kb_id, comp, quote(desc), tipo, quote(sol), "05/02/2024", "cierre", "SISTEMAS"]
        lines.append(delimiter.join(fields))
    return eol.join(lines) + eol


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_spreadsheet_exports_with_quoted_delimiters_quotes_and_newlines_load_every_row(
    delimiter: str,
) -> None:
    result = parse_kb(_export(delimiter))
    assert result.bad == [] and result.warnings == []
    assert [(r.id, r.descripcion, r.solucion) for r in result.rows] == [
        (kb_id, desc, sol) for kb_id, _, desc, _, sol in EXPORT_ROWS
    ]
    assert [r.line for r in result.rows] == [2, 3, 5]  # where each record starts


def test_bom_crlf_and_excel_sep_line_are_understood(tmp_path: Path) -> None:
    path = tmp_path / "kb.csv"
    path.write_bytes(("\ufeffsep=;\r\n" + _export(";", eol="\r\n")).encode("utf-8"))
    result = load_kb(path)
    assert result.bad == []
    assert [r.id for r in result.rows] == ["KB-1", "KB-2", "KB-3"]
    assert result.rows[1].solucion == "Paso 1: desbloquear.\nPaso 2: avisar."  # no stray \r
    assert [r.line for r in result.rows] == [3, 4, 6]  # lines of the file, sep= line included
    lf = parse_kb(_export(";"))
    assert [r.content_hash() for r in result.rows] == [r.content_hash() for r in lf.rows]


def test_the_header_alone_decides_the_delimiter() -> None:
    # Data full of semicolons inside quotes, in a comma file: the rows cannot change the choice.
    rows = [_row(f"KB-{i}", **{"SOLUCIÓN": "a; b; c; d; e; f; g; h; i"}) for i in range(50)]
    result = parse_kb(_csv(rows))
    assert result.bad == [] and len(result.rows) == 50
    semicolon_header = parse_kb(_csv(rows, delimiter=";"))
    assert semicolon_header.bad == [] and len(semicolon_header.rows) == 50


def test_the_first_rows_cannot_mislead_the_parser_into_dropping_later_ones() -> None:
    # Many plain rows first (what a 4 KB sample sees), then rows a guessed dialect got wrong.
    plain = [_row(f"KB-{i}") for i in range(40)]
    tricky = [
        _row("KB-X1", **{"SOLUCIÓN": 'Pulsar "Aceptar", luego "Guardar".'}),
        _row("KB-X2", **{"DESCRIPCION": 'Error "E-12", "E-13"\ny otros'}),
    ]
    result = parse_kb(_csv(plain + tricky))
    assert result.bad == []
    assert [r.id for r in result.rows][-2:] == ["KB-X1", "KB-X2"]
    assert result.rows[-2].solucion == 'Pulsar "Aceptar", luego "Guardar".'


def test_empty_trailing_columns_of_a_spreadsheet_are_ignored() -> None:
    text = HEADER_LINE + ",,\n" + ",".join(_row("KB-1")) + ",,\n" + ",".join(_row("KB-2")) + "\n"
    result = parse_kb(text)
    assert result.bad == []
    assert [r.id for r in result.rows] == ["KB-1", "KB-2"]


def test_an_unclosed_quote_is_reported_not_silently_swallowing_rows() -> None:
    text = _csv([_row("KB-1"), _row("KB-2"), _row("KB-3")])
    text = text.replace("Outlook no sincroniza (KB-2)", '"Outlook no sincroniza (KB-2)', 1)
    result = parse_kb(text)
    assert [r.id for r in result.rows] == ["KB-1"]
    assert len(result.bad) == 1
    assert result.bad[0].line == 3
    assert "spans lines 3-4" in result.bad[0].reason


def test_a_header_without_the_known_columns_is_one_clear_error() -> None:
    result = parse_kb("a|b|c\n1|2|3\n")
    assert result.rows == []
    assert result.bad[0].line == 1 and "missing columns" in result.bad[0].reason


# --- odd but usable rows are indexed with a warning ---


def test_odd_date_and_manual_row_without_solution_are_indexed_with_warnings() -> None:
    text = _csv(
        [
            _row("KB-1", **{"FECHA DE RESOLUCIÓN": "febrero 2024"}),
            _row("KB-2", action="manual", **{"SOLUCIÓN": ""}),
            _row("KB-3", action="cierre", **{"SOLUCIÓN": ""}),
            _row("KB-4"),
        ]
    )
    result = parse_kb(text)
    assert [r.id for r in result.rows] == ["KB-1", "KB-2", "KB-4"]
    assert result.rows[0].fecha_resolucion == "febrero 2024"  # kept as written
    assert result.rows[1].resolucion_automatica == "manual" and result.rows[1].solucion == ""
    warnings = {w.line: (w.id, w.reason) for w in result.warnings}
    assert warnings[2][0] == "KB-1" and "'febrero 2024' is not dd/mm/yyyy" in warnings[2][1]
    assert warnings[3][0] == "KB-2" and "empty SOLUCIÓN" in warnings[3][1]
    assert set(warnings) == {2, 3}
    # A close needs the text it writes: without it the row cannot be applied.
    assert [(b.line, b.reason) for b in result.bad] == [(4, "empty SOLUCIÓN")]
    assert result.rows_read == 4


def test_a_row_with_warnings_can_still_be_a_duplicate() -> None:
    result = parse_kb(_csv([_row("KB-1"), _row("KB-1", **{"FECHA DE RESOLUCIÓN": "ayer"})]))
    assert [r.id for r in result.rows] == ["KB-1"]
    assert result.warnings == []
    assert "duplicate ID (same as line 2)" in result.bad[0].reason


def test_index_reports_warnings_and_strict_fails_on_errors_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from qdrant_client import QdrantClient

    import adapters.vector_store
    from adapters.vector_store import KnowledgeIndex
    from cli.index import run_index
    from config import get_settings
    from errors import ResolviaError
    from tests.fakes import CountingEmbedder

    @contextmanager
    def in_memory(*_: object) -> Iterator[KnowledgeIndex]:
        yield KnowledgeIndex(QdrantClient(":memory:"), "kb", CountingEmbedder())

    monkeypatch.setattr(adapters.vector_store, "open_index", in_memory)
    path = tmp_path / "kb.csv"
    path.write_text(_csv([_row("KB-1", **{"FECHA DE RESOLUCIÓN": "ayer"}), _row("KB-2")]))
    stats = run_index(get_settings(), path, "kb", dry_run=False, strict=True, quiet=True)
    assert (stats["valid"], stats["invalid"], stats["warnings"]) == (2, 0, 1)
    assert "line 2 (warning, indexed): FECHA DE RESOLUCIÓN 'ayer'" in capsys.readouterr().err
    path.write_text(_csv([_row("KB-1"), _row("KB-2", action="cerrar")]))
    with pytest.raises(ResolviaError, match="--strict"):
        run_index(get_settings(), path, "kb", dry_run=False, strict=True, quiet=True)


def test_a_spanish_excel_export_of_the_original_format_loads_every_usable_row(
    tmp_path: Path,
) -> None:
    # "CSV (delimitado por punto y coma)" from Excel in a Spanish locale: Windows-1252, CRLF,
    # ";" and the original 7 columns (no ID), with the rows the issue found rejected.
    rows = [
        ["Correo", 'El botón "Enviar"; sale gris, y no envía', "Error", 'Pulsar "Reparar".'],
        ["Pólizas", "No aparece la póliza en la app", "Consulta", "Cerrar sesión y entrar."],
        ["Accesos", "Cuenta bloqueada por el proveedor", "Error", ""],
    ]
    lines = [";".join(HEADER7)]
    for (comp, desc, tipo, sol), fecha, action in zip(
        rows,
        ["05/02/2024", "pendiente", "31/02/2024"],
        ["cierre", "En espera", "Manual"],
        strict=True,
    ):
        quoted = ['"' + v.replace('"', '""') + '"' for v in (desc, sol)]
        lines.append(";".join([comp, quoted[0], tipo, quoted[1], fecha, action, ""]))
    path = tmp_path / "PROBLEMAS_GLOBALES.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))

    result = load_kb(path)
    assert result.bad == [] and not result.has_id_column
    assert [(r.componente, r.descripcion, r.solucion) for r in result.rows] == [
        (comp, desc, sol) for comp, desc, _, sol in rows
    ]
    assert [r.resolucion_automatica for r in result.rows] == ["cierre", "en espera", "manual"]
    warnings = [(w.line, w.reason) for w in result.warnings]
    assert [line for line, _ in warnings] == [3, 4, 4]
    assert "'pendiente' is not dd/mm/yyyy" in warnings[0][1]
    assert "empty SOLUCIÓN" in warnings[1][1]
    assert "'31/02/2024' is not dd/mm/yyyy" in warnings[2][1]
    # the same rows saved as UTF-8 with LF are the same rows: same derived ids, same content
    utf8 = tmp_path / "utf8.csv"
    utf8.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [(r.id, r.content_hash()) for r in load_kb(utf8).rows] == [
        (r.id, r.content_hash()) for r in result.rows
    ]
    # what an index records about its source: the hash of the very bytes that were parsed
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert load_kb(utf8).sha256 != result.sha256 and parse_kb(utf8.read_text()).sha256 == ""
