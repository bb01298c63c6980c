"""The console's knowledge-base proposals (issue 14): a page per proposal, accepted (with or
without edits) or rejected by an ``aprobador`` through the CLI's own code path, read-only for
the other roles; every refusal leaves the knowledge base as it was."""

from __future__ import annotations

import re
import shutil
import threading
import time
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from adapters.kb_proposals import (
    KBFile,
    ProposalDraft,
    ProposalKind,
    ProposalStatus,
    ProposalStore,
    accept_proposal,
    get_proposal,
    next_kb_id,
)
from adapters.knowledge_base import load_kb
from adapters.vector_store import IndexSource, open_index
from config import REPO_ROOT
from tests.console_support import PASSWORD, Seeded, csrf_of, seeded_console

BUNDLED_KB = REPO_ROOT / "resources" / "PROBLEMAS_GLOBALES.csv"

NEW_ROW = {
    "COMPONENTE": "Puesto de trabajo",
    "DESCRIPCION": "Un empleado pide una plaza en el aparcamiento de la sede central.",
    "TIPO INCIDENCIA": "Petición de servicio",
    "SOLUCIÓN": "Las plazas del aparcamiento las gestiona Servicios Generales, que asigna la "
    "plaza con la matrícula del vehículo.",
    "FECHA DE RESOLUCIÓN": "20/11/2026",
    "RESOLUCION AUTOMÁTICA": "reasignacion",
    "BUZON REASIGNACION": "SERVICIOS_GENERALES",
}
QUOTE = "Las plazas del aparcamiento las gestiona Servicios Generales"
EVIDENCE = {
    "incidencias": [
        {
            "incidencia": "INC70001",
            "problema": "Plaza de parking en la sede",
            "notas": f"{QUOTE}: se pasa la petición con la matrícula.",
        },
        {
            "incidencia": "INC70002",
            "problema": "Solicitud de aparcamiento",
            "notas": "Reasignada a Servicios Generales, que asigna las plazas.",
        },
    ],
    "citas": [{"incidencia": "INC70001", "texto": QUOTE}],
    "accion_de_las_personas": "reasignacion",
    "buzon": "SERVICIOS_GENERALES",
    "cobertura": [],
    "fila_mas_parecida": None,
}


@pytest.fixture
def seeded(tmp_path: Path) -> Seeded:
    """A console whose knowledge base is a copy of the bundled one (never the repository's)."""
    resources = tmp_path / "resources"
    resources.mkdir()
    shutil.copy(BUNDLED_KB, resources / BUNDLED_KB.name)
    shutil.copy(REPO_ROOT / "resources" / "SINONIMOS.txt", resources / "SINONIMOS.txt")
    return seeded_console(tmp_path, RESOURCES_DIR=resources)


def kb_of(seeded: Seeded) -> Path:
    return seeded.settings.RESOURCES_DIR / BUNDLED_KB.name


def add(seeded: Seeded, draft: ProposalDraft) -> int:
    with ProposalStore.for_settings(seeded.settings) as store:
        stored = store.add(draft, run_id="mant01")
    assert stored is not None
    return stored.id


def new_row(seeded: Seeded, fingerprint: str = "fp-parking") -> int:
    return add(
        seeded,
        ProposalDraft(
            ProposalKind.NEW_ROW,
            f"Nueva fila: {NEW_ROW['DESCRIPCION']}",
            fingerprint,
            dict(NEW_ROW),
            evidence=EVIDENCE,
        ),
    )


def edit_row(seeded: Seeded, kb_id: str = "KB-0010") -> int:
    row = next(r for r in load_kb(kb_of(seeded)).rows if r.id == kb_id)
    return add(
        seeded,
        ProposalDraft(
            ProposalKind.EDIT_ROW,
            f"Revisar {kb_id}: marcada como incorrecta en 2 incidencias",
            f"fp-edit-{kb_id}",
            {"RESOLUCION AUTOMÁTICA": "reasignacion"},
            [kb_id],
            evidence={
                "fila_actual": row.as_csv_row(),
                "marcas": [
                    {"incidencia": "INC000201", "veredicto": "no_automatizable", "nota": ""},
                    {"incidencia": "INC000202", "veredicto": "no_automatizable", "nota": ""},
                ],
                "sugerencia": "pasar la fila a otra acción",
            },
        ),
    )


def sign_in(app: object, name: str) -> TestClient:
    client = TestClient(app)  # type: ignore[arg-type]
    page = client.get("/entrar")
    response = client.post(
        "/entrar",
        data={"usuario": name, "clave": PASSWORD, "next": "/", "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return client


def form_of(page: str, form_id: str) -> dict[str, str]:
    """The named form's fields as the browser would send them untouched."""
    match = re.search(rf'<form[^>]*id="{form_id}".*?</form>', page, re.S)
    assert match, f"no form {form_id} in the page"
    html = match.group(0)
    fields = {
        m.group(1): unescape(m.group(2))
        for m in re.finditer(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html)
    }
    fields |= {
        m.group(1): unescape(m.group(2))
        for m in re.finditer(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S)
    }
    return fields


def flash_of(page: str) -> str:
    match = re.search(r'<p class="flash" role="status">(.*?)</p>', page, re.S)
    assert match, "no confirmation message in the page"
    return unescape(match.group(1))


def error_of(page: str) -> str:
    match = re.search(r'<p class="error" role="alert" id="error">(.*?)</p>', page, re.S)
    assert match, "no error message in the page"
    return unescape(match.group(1))


def backups(seeded: Seeded) -> list[Path]:
    folder = seeded.settings.DATA_DIR / "kb_backups"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def audit(seeded: Seeded, action: str) -> list[Any]:
    return [a for a in seeded.users.audit_entries() if a.action == action]


# --- who may decide ------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["lector", "revisor"])
def test_readers_and_reviewers_see_the_proposal_but_cannot_decide(
    seeded: Seeded, role: str
) -> None:
    proposal_id = new_row(seeded)
    original = kb_of(seeded).read_bytes()
    client = sign_in(seeded.app, role)
    listing = client.get("/propuestas").text
    assert f'href="/propuestas/{proposal_id}"' in listing
    page = client.get(f"/propuestas/{proposal_id}")
    assert page.status_code == 200
    text = unescape(page.text)
    assert "Fila nueva" in text and "propuesta" in text
    assert f"«{QUOTE}»" in text and "INC70001" in text and "INC70002" in text  # evidence
    assert NEW_ROW["DESCRIPCION"] in text  # the proposed row
    assert f"+{next_kb_id(load_kb(kb_of(seeded)).rows)}," in text  # the CSV line it would add
    assert "Válida" in text
    assert 'id="aceptar"' not in text and 'id="rechazar"' not in text
    assert "solo un aprobador" in text
    token = csrf_of(page.text)
    accept = client.post(f"/propuestas/{proposal_id}/aceptar", data={"csrf_token": token})
    reject = client.post(
        f"/propuestas/{proposal_id}/rechazar", data={"csrf_token": token, "nota": "no"}
    )
    assert accept.status_code == reject.status_code == 403
    assert kb_of(seeded).read_bytes() == original
    assert get_proposal(seeded.settings, proposal_id).status is ProposalStatus.PROPOSED


def test_a_decision_without_the_csrf_token_is_refused(seeded: Seeded) -> None:
    proposal_id = new_row(seeded)
    original = kb_of(seeded).read_bytes()
    client = sign_in(seeded.app, "aprobador")
    for action in ("aceptar", "rechazar"):
        for data in ({"nota": "x"}, {"csrf_token": "not-the-token", "nota": "x"}):
            response = client.post(f"/propuestas/{proposal_id}/{action}", data=data)
            assert response.status_code == 403
            assert "token de seguridad" in response.text
    assert kb_of(seeded).read_bytes() == original
    assert backups(seeded) == []
    assert get_proposal(seeded.settings, proposal_id).status is ProposalStatus.PROPOSED


def test_an_unknown_proposal_is_not_found(seeded: Seeded) -> None:
    client = sign_in(seeded.app, "aprobador")
    assert client.get("/propuestas/99").status_code == 404
    assert client.get("/propuestas/abc").status_code == 404
    token = csrf_of(client.get("/propuestas").text)
    assert client.post("/propuestas/99/aceptar", data={"csrf_token": token}).status_code == 404


# --- accepting -----------------------------------------------------------------------------------
def test_an_approver_accepts_a_new_row_as_proposed(seeded: Seeded) -> None:
    proposal_id = new_row(seeded)
    path = kb_of(seeded)
    original = path.read_bytes()
    expected_id = next_kb_id(load_kb(path).rows)
    client = sign_in(seeded.app, "aprobador")
    page = client.get(f"/propuestas/{proposal_id}").text
    response = client.post(
        f"/propuestas/{proposal_id}/aceptar", data=form_of(page, "aceptar"), follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/propuestas/{proposal_id}"

    now = path.read_bytes()
    assert now.startswith(original)  # every other row byte-identical
    added = now[len(original) :].decode("utf-8")
    assert added.startswith(f"{expected_id},Puesto de trabajo,") and added.endswith("\r\n")
    row = next(r for r in load_kb(path).rows if r.id == expected_id)
    assert row.as_csv_row() == {"ID": expected_id, **NEW_ROW}
    [backup] = backups(seeded)
    assert backup.read_bytes() == original

    proposal = get_proposal(seeded.settings, proposal_id)
    assert proposal.status is ProposalStatus.ACCEPTED and proposal.decided_by == "aprobador"
    assert (proposal.result or {})["kb_id"] == expected_id
    assert (proposal.result or {})["edits"] == {}
    with ProposalStore.for_settings(seeded.settings) as store:
        assert store.audit_entries(proposal_id)[-1]["user"] == "aprobador"
    [entry] = audit(seeded, "proposal.accept")
    assert entry.user == "aprobador" and entry.object == str(proposal_id)
    assert expected_id in (entry.detail or "")

    shown = client.get(f"/propuestas/{proposal_id}").text
    message = flash_of(shown)
    assert f"Propuesta {proposal_id} aceptada: {expected_id} añadida" in message
    assert "índice sin actualizar" in message  # no index in this data folder
    assert 'id="aceptar"' not in shown and "aceptada" in shown
    # the review page offers the new row at once
    assert expected_id in client.get("/revision/INC000107").text


def test_an_approver_accepts_a_new_row_with_edited_fields(seeded: Seeded) -> None:
    proposal_id = new_row(seeded)
    path = kb_of(seeded)
    original = path.read_bytes()
    client = sign_in(seeded.app, "aprobador")
    form = form_of(client.get(f"/propuestas/{proposal_id}").text, "aceptar")
    form["descripcion"] = "Una persona de la plantilla pide plaza de garaje en la sede."
    form["solucion"] = form["solucion"].replace("\n", "\r\n")  # as a browser sends it: no edit
    form["buzon"] = "SERVICIOS_GENERALES_SEDE"
    response = client.post(f"/propuestas/{proposal_id}/aceptar", data=form)
    assert response.status_code == 200  # followed to the proposal page
    proposal = get_proposal(seeded.settings, proposal_id)
    result = proposal.result or {}
    assert result["edits"] == {
        "descripcion": "Una persona de la plantilla pide plaza de garaje en la sede.",
        "buzon": "SERVICIOS_GENERALES_SEDE",
    }
    now = path.read_bytes()
    assert now.startswith(original)
    row = next(r for r in load_kb(path).rows if r.id == result["kb_id"])
    assert row.descripcion == "Una persona de la plantilla pide plaza de garaje en la sede."
    assert row.buzon_reasignacion == "SERVICIOS_GENERALES_SEDE"
    assert row.solucion == NEW_ROW["SOLUCIÓN"]
    [entry] = audit(seeded, "proposal.accept")
    assert "SERVICIOS_GENERALES_SEDE" in (entry.detail or "")


def test_an_edit_proposal_changes_only_its_row(seeded: Seeded) -> None:
    proposal_id = edit_row(seeded, "KB-0010")
    path = kb_of(seeded)
    before = KBFile.read(path).lines
    first, last = KBFile.read(path).spans()["KB-0010"]
    client = sign_in(seeded.app, "aprobador")
    page = unescape(client.get(f"/propuestas/{proposal_id}").text)
    assert "Cambio de una fila" in page and "cambia" in page  # the changed column is marked
    assert "-KB-0010," in page and "+KB-0010," in page  # the CSV diff
    form = form_of(page, "aceptar")
    assert form["accion"] == "reasignacion"  # the proposed change, ready to accept
    client.post(f"/propuestas/{proposal_id}/aceptar", data=form)
    after = KBFile.read(path).lines
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == list(range(first, last + 1))
    assert next(r for r in load_kb(path).rows if r.id == "KB-0010").resolucion_automatica == (
        "reasignacion"
    )


# --- refusals ------------------------------------------------------------------------------------
def test_a_rejection_needs_a_note_and_is_recorded(seeded: Seeded) -> None:
    proposal_id = new_row(seeded)
    original = kb_of(seeded).read_bytes()
    client = sign_in(seeded.app, "aprobador")
    token = csrf_of(client.get(f"/propuestas/{proposal_id}").text)
    empty = client.post(
        f"/propuestas/{proposal_id}/rechazar", data={"csrf_token": token, "nota": "  "}
    )
    assert empty.status_code == 422
    assert error_of(empty.text) == "Escribe el motivo del rechazo."
    assert get_proposal(seeded.settings, proposal_id).status is ProposalStatus.PROPOSED
    client.post(
        f"/propuestas/{proposal_id}/rechazar",
        data={"csrf_token": token, "nota": "Ya lo cubre el procedimiento de la sede."},
    )
    proposal = get_proposal(seeded.settings, proposal_id)
    assert proposal.status is ProposalStatus.REJECTED and proposal.decided_by == "aprobador"
    assert proposal.note == "Ya lo cubre el procedimiento de la sede."
    [entry] = audit(seeded, "proposal.reject")
    assert entry.user == "aprobador" and entry.object == str(proposal_id)
    assert kb_of(seeded).read_bytes() == original and backups(seeded) == []


def test_a_proposal_cannot_be_decided_twice(seeded: Seeded) -> None:
    proposal_id = new_row(seeded)
    path = kb_of(seeded)
    client = sign_in(seeded.app, "aprobador")
    page = client.get(f"/propuestas/{proposal_id}").text
    form = form_of(page, "aceptar")
    client.post(f"/propuestas/{proposal_id}/aceptar", data=form)
    accepted = path.read_bytes()
    again = client.post(f"/propuestas/{proposal_id}/aceptar", data=form)
    assert again.status_code == 409
    assert f"La propuesta {proposal_id} ya está aceptada por aprobador" in error_of(again.text)
    reject = client.post(
        f"/propuestas/{proposal_id}/rechazar", data={"csrf_token": form["csrf_token"], "nota": "x"}
    )
    assert reject.status_code == 409 and "ya está aceptada" in error_of(reject.text)
    assert path.read_bytes() == accepted  # one row added, once
    assert len(backups(seeded)) == 1
    assert len(audit(seeded, "proposal.accept")) == 1 and audit(seeded, "proposal.reject") == []
    assert get_proposal(seeded.settings, proposal_id).status is ProposalStatus.ACCEPTED


def test_an_invalid_edit_is_refused_with_the_reason_and_nothing_written(seeded: Seeded) -> None:
    proposal_id = new_row(seeded)
    path = kb_of(seeded)
    original = path.read_bytes()
    client = sign_in(seeded.app, "aprobador")
    form = form_of(client.get(f"/propuestas/{proposal_id}").text, "aceptar")
    form["accion"] = "borrar_todo"
    response = client.post(f"/propuestas/{proposal_id}/aceptar", data=form)
    assert response.status_code == 422
    message = error_of(response.text)
    assert message.startswith("No se escribió nada")
    assert "borrar_todo" in message  # the loader's reason
    assert form_of(response.text, "aceptar")["accion"] == "borrar_todo"  # what they typed is kept
    assert path.read_bytes() == original
    assert backups(seeded) == []
    assert audit(seeded, "proposal.accept") == []
    assert get_proposal(seeded.settings, proposal_id).status is ProposalStatus.PROPOSED


def test_a_knowledge_base_changed_since_the_proposal_is_refused(seeded: Seeded) -> None:
    proposal_id = edit_row(seeded, "KB-0010")
    path = kb_of(seeded)
    # someone edits the row by hand after the maintenance job proposed the change
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Dar de alta al profesional", "Dar de alta al médico", 1), "utf-8")
    changed = path.read_bytes()
    client = sign_in(seeded.app, "aprobador")
    page = client.get(f"/propuestas/{proposal_id}").text
    assert "La base de conocimiento cambió" in unescape(page)  # the validation result
    response = client.post(f"/propuestas/{proposal_id}/aceptar", data=form_of(page, "aceptar"))
    assert response.status_code == 409
    message = error_of(response.text)
    assert "cambió desde que se hizo la propuesta" in message and "KB-0010" in message
    assert path.read_bytes() == changed and backups(seeded) == []
    assert get_proposal(seeded.settings, proposal_id).status is ProposalStatus.PROPOSED

    # a new row that someone already added by hand
    row_id = new_row(seeded, "fp-again")
    kb, by_hand = KBFile.read(path), next_kb_id(load_kb(path).rows)
    kb.append({"ID": by_hand, **NEW_ROW})
    path.write_bytes(kb.encode())
    refused = client.post(f"/propuestas/{row_id}/aceptar", data={"csrf_token": csrf_of(page)})
    assert refused.status_code == 409 and by_hand in error_of(refused.text)


def test_a_merge_shows_both_rows_and_removes_the_second(seeded: Seeded) -> None:
    path = kb_of(seeded)
    rows = {r.id: r for r in load_kb(path).rows}
    proposal_id = add(
        seeded,
        ProposalDraft(
            ProposalKind.MERGE_ROWS,
            "Fusionar KB-0011 en KB-0010",
            "fp-merge",
            None,
            ["KB-0010", "KB-0011"],
            evidence={
                "filas": {k: rows[k].as_csv_row() for k in ("KB-0010", "KB-0011")},
                "efecto": "aceptar elimina KB-0011 y conserva KB-0010",
                "similitud_densa": 0.93,
                "similitud_lexica": 0.7,
            },
        ),
    )
    client = sign_in(seeded.app, "aprobador")
    page = unescape(client.get(f"/propuestas/{proposal_id}").text)
    assert rows["KB-0010"].descripcion in page and rows["KB-0011"].descripcion in page
    assert "(se elimina)" in page and "se eliminaría KB-0011" in page
    assert '<textarea name="descripcion"' not in page  # a merge takes no edits
    client.post(f"/propuestas/{proposal_id}/aceptar", data=form_of(page, "aceptar"))
    assert [r.id for r in load_kb(path).rows if r.id in ("KB-0010", "KB-0011")] == ["KB-0010"]


def test_concurrent_acceptances_each_keep_the_others_row(seeded: Seeded) -> None:
    """The console serves requests from a thread pool and the CLI may run beside it: two
    acceptances at once must both land, with different ids."""
    first = new_row(seeded, "fp-1")
    second = add(
        seeded,
        ProposalDraft(
            ProposalKind.NEW_ROW,
            "otra",
            "fp-2",
            {**NEW_ROW, "DESCRIPCION": "Un empleado pide la tarjeta de la barrera del parking."},
        ),
    )
    errors: list[BaseException] = []

    def accept(proposal_id: int) -> None:
        try:
            accept_proposal(seeded.settings, proposal_id, "aprobador", reindex=False)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=accept, args=(i,)) for i in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    ids = {get_proposal(seeded.settings, i).result["kb_id"] for i in (first, second)}  # type: ignore[index]
    assert len(ids) == 2 and ids <= {r.id for r in load_kb(kb_of(seeded)).rows}


# --- the re-index, measured on the bundled knowledge base --------------------------------------
def test_accepting_re_indexes_the_bundled_knowledge_base_incrementally(
    seeded: Seeded, capsys: pytest.CaptureFixture[str]
) -> None:
    """The live index (local Qdrant on disk, the default multilingual embedder, as `resolvia
    index` builds it) gains the new row; the time it takes is printed for the README."""
    path = kb_of(seeded)
    loaded = load_kb(path)
    with open_index(seeded.settings) as index:
        index.rebuild(loaded.rows, source=IndexSource.of(path, loaded))
    proposal_id = new_row(seeded)
    client = sign_in(seeded.app, "aprobador")
    form = form_of(client.get(f"/propuestas/{proposal_id}").text, "aceptar")
    started = time.perf_counter()
    response = client.post(f"/propuestas/{proposal_id}/aceptar", data=form)
    took = time.perf_counter() - started
    assert response.status_code == 200
    result = get_proposal(seeded.settings, proposal_id).result or {}
    assert result["reindex"] == {"added": 1, "updated": 0, "deleted": 0, "unchanged": 99}
    assert "índice actualizado (1 añadidas" in flash_of(response.text)
    with open_index(seeded.settings) as index:
        assert result["kb_id"] in index.indexed()
        assert index.source() == IndexSource.of(path, load_kb(path))
    with capsys.disabled():
        print(
            f"\naccept through the console on the bundled KB ({len(loaded.rows)} rows): "
            f"{took:.2f} s in all, re-index {result['reindex_seconds']:.2f} s"
        )
    assert took < 120  # generous: a busy 2-core machine; the figure is what matters
