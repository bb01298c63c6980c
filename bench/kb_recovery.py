"""Knowledge-recovery benchmark of the maintenance job (issue 14).

Removes K rows (``bench/data/kb_recovery.json``, ``retiradas``: 10 rows) from a copy of the
knowledge base, serves closed incidents that people resolved with those rows' fixes — written in
people's words in that file, not copied from the rows — together with controls (problems that
remaining rows cover), one problem no row covers and inputs the job must discard, through the
mock incident manager; runs the maintenance job on them, accepts every offered ``nueva_fila``
proposal into the copy, and measures:

* **recovery**: a removed row R is recovered when an offered ``nueva_fila`` proposal P
  (1) comes from incidents most of which (more than half) were written for R, (2) takes R's
  action (and mailbox, for a reassignment), and (3) once accepted, is the first hit of the
  hybrid search for R's own DESCRIPCION — the engine's retrieval says P describes R's problem.
  Each removed row counts once. Goal: >= 8 of 10.
* **duplicates**: offered ``nueva_fila`` proposals whose incidents mostly belong to a row that
  is still in the knowledge base (a control), plus second proposals for an already recovered
  row. Goal: <= 1 per 10 proposals.
* **discards**: the inputs without notes, in English or with personal data must be skipped or
  redacted with their reason.
* **the engine on the affected gold incidents** (dev + test items whose row was removed), with
  the full knowledge base, after removal and after accepting: retrieval (expected row at rank 1
  / in the top 3; after accepting, the recovered row stands for the removed one) always, and
  with a real model also the engine's coverage and precision through ``finetune.evaluate``.
  Goal: coverage after accepting within 5 points of the original.

Everything happens in a temporary directory; the repository's files are only read.

    python bench/kb_recovery.py --fake-model          # smoke test: scripted drafts, no LLM
    python bench/kb_recovery.py                       # the configured model (LLM_MODEL)
    python bench/kb_recovery.py --no-engine           # skip the engine's gold evaluation
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult

from adapters.kb_proposals import (
    KBFile,
    ProposalKind,
    accept_proposal,
    list_proposals,
)
from adapters.knowledge_base import KBRow, load_kb
from adapters.vector_store import KnowledgeIndex

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "bench" / "data" / "kb_recovery.json"
BASE_IM = "http://127.0.0.1:3000"
TOKEN = "bench-token"


# --- closed incidents from the data file --------------------------------------------------------


def closed_incident(cod: str, item: dict[str, Any], day: int) -> dict[str, Any]:
    """A closed incident in the §5 contract: opened by the requester, resolved by an agent (on
    hold or reassigned on the way when the data says so)."""
    opened = f"{day:02d}/10/2026 09:00"
    history = [
        {
            "Fecha": opened,
            "Autor": "solicitante",
            "buzonAsignado": "SOPORTE_N1",
            "estado": "Abierta",
            "detalle": "Alta de la incidencia por correo electrónico.",
        }
    ]
    mailbox = "SOPORTE_N1"
    if item.get("estado_intermedio"):
        history.append(
            {
                "Fecha": f"{day:02d}/10/2026 10:00",
                "Autor": "agente.n1",
                "buzonAsignado": mailbox,
                "estado": item["estado_intermedio"],
                "detalle": "Se pide información al solicitante.",
            }
        )
    if item.get("reasignar_a"):
        mailbox = item["reasignar_a"]
        history.append(
            {
                "Fecha": f"{day:02d}/10/2026 10:30",
                "Autor": "agente.n1",
                "buzonAsignado": mailbox,
                "estado": "Abierta",
                "detalle": f"Reasignada a {mailbox}.",
            }
        )
    history.append(
        {
            "Fecha": f"{day:02d}/10/2026 12:00",
            "Autor": "agente.n2",
            "CodigoResolucion": item.get("codigo", ""),
            "NotasResolucion": item["notas"],
            "buzonAsignado": mailbox,
            "estado": "Resuelta",
            "detalle": "Incidencia resuelta.",
        }
    )
    return {
        "codIncidencia": cod,
        "buzon": mailbox,
        "titulo": item["titulo"],
        "solicitante": "solicitante",
        "estado": "Resuelta",
        "apertura": opened,
        "prioridad": "Media",
        "descripcion": item["descripcion"],
        "historial": history,
    }


def build_incidents(data: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Every closed incident of the data file and its origin (``R:<row>``, ``C:<row>``,
    ``N:<theme>``, ``D:<case>``)."""
    incidents, origin = [], {}
    number = 0

    def add(item: dict[str, Any], tag: str) -> None:
        nonlocal number
        number += 1
        cod = f"INC9{number:05d}"
        incidents.append(closed_incident(cod, item, 1 + number % 28))
        origin[cod] = tag

    for kb_id, items in data["retiradas"].items():
        for item in items:
            add(item, f"R:{kb_id}")
    for kb_id, items in data["controles"].items():
        for item in items:
            add(item, f"C:{kb_id}")
    for theme in data["nuevos"]:
        for item in theme["incidencias"]:
            add(item, f"N:{theme['tema']}")
    for item in data["descartes"]:
        add(item, f"D:{item['caso']}")
    return incidents, origin


def serve_closed(incidents: list[dict[str, Any]], tmp: Path) -> Any:
    """The mock incident manager (in process) seeded with ``incidents``."""
    import datetime as dt

    from fastapi.testclient import TestClient

    from adapters.http_service import RetryPolicy
    from adapters.incident_manager import HttpIncidentManager
    from mocks import incident_manager
    from mocks.clock import FixedDayClock
    from mocks.seed import SeedSources, attachments_dir, seed_if_empty
    from mocks.store import MockStore

    path = tmp / "closed.json"
    path.write_text(json.dumps(incidents, ensure_ascii=False), encoding="utf-8")
    store = MockStore.in_dir(tmp / "mocks")
    seed_if_empty(store, SeedSources(path, REPO / "resources" / "polizas.json", None))
    app = incident_manager.create_app(
        store,
        token=TOKEN,
        clock=FixedDayClock(dt.date(2026, 11, 20)),
        attachments=attachments_dir(store),
    )
    return HttpIncidentManager(
        BASE_IM, TOKEN, client=TestClient(app), retry=RetryPolicy(attempts=1, backoff_s=0)
    )


# --- a scripted drafter for --fake-model ----------------------------------------------------


class ScriptedDrafter(BaseChatModel):
    """Drafts a row from the prompt alone (smoke test of the pipeline, not of a model): the
    first incident's title as the description, its notes as the solution and the quote, the
    first component and type offered."""

    @property
    def _llm_type(self) -> str:
        return "scripted-drafter"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        system, user = str(messages[0].content), str(messages[-1].content)
        first = re.search(
            r"\[(INC\w+)\]\nProblema: (.+?)\nNotas de resolución: «(.+?)»", user, re.S
        )
        assert first is not None, "unexpected prompt"
        cod, problem, notes = first.groups()
        component = re.search(r"`componente`: uno de estos valores exactos: ([^,.]+)", system)
        tipo = re.search(r"`tipo_incidencia`: uno de estos valores exactos: ([^,.]+)", system)
        sentence = re.split(r"(?<=\.) ", notes)[0]
        reply = {
            "componente": component.group(1).strip() if component else "",
            "descripcion": f"Incidencia recurrente: {problem.split('.')[0]}.",
            "tipo_incidencia": tipo.group(1).strip() if tipo else "",
            "solucion": notes,
            "citas": [{"incidencia": cod, "texto": sentence}],
        }
        return ChatResult(
            generations=[
                ChatGeneration(message=AIMessage(content=json.dumps(reply, ensure_ascii=False)))
            ]
        )


def fake_llm() -> Any:
    from adapters.llm.client import LLMClient
    from adapters.llm.providers import ChatProvider, _bind_json_object

    return LLMClient(
        [ChatProvider("fake/drafter", ScriptedDrafter(), _bind_json_object)], max_retries=0
    )


# --- the benchmark --------------------------------------------------------------------------


@contextmanager
def env(**values: str) -> Iterator[None]:
    """Environment variables for the duration (finetune.evaluate builds its own Settings)."""
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def affected_gold(removed: set[str]) -> list[Any]:
    from finetune.gold import load_gold

    gold_dir = REPO / "resources" / "evaluacion"
    items = load_gold(gold_dir, "dev") + load_gold(gold_dir, "test")
    return [g for g in items if g.expected.get("kb_id") in removed]


def retrieval(index: KnowledgeIndex, gold: list[Any], expected: dict[str, str]) -> dict[str, Any]:
    """Rank of the expected row (mapped through ``expected``: a removed row -> its recovered
    row) for the affected gold incidents' text."""
    at1 = at3 = 0
    for item in gold:
        inc = item.incident
        want = expected.get(item.expected["kb_id"], item.expected["kb_id"])
        hits = [h.kb_id for h in index.search([f"{inc['titulo']}. {inc['descripcion']}"], k=3)]
        at1 += bool(hits) and hits[0] == want
        at3 += want in hits
    n = len(gold) or 1
    return {
        "incidents": len(gold),
        "recall_at_1": round(at1 / n, 3),
        "recall_at_3": round(at3 / n, 3),
    }


def engine_metrics(
    settings: Any, model: str, gold: list[Any], resources: Path, expected: dict[str, str]
) -> dict[str, Any]:
    """Coverage and precision of the real engine on ``gold`` with ``resources`` (its CSV)."""
    from finetune import evaluate as ev
    from finetune import metrics as m
    from finetune.gold import GoldItem

    items = []
    for g in gold:
        want = dict(g.expected)
        if want.get("kb_id") in expected:
            want["kb_id"] = expected[want["kb_id"]]
            want.pop("kb_aceptables", None)
        items.append(GoldItem(g.incident, want))
    with env(RESOURCES_DIR=str(resources)):
        records = ev.collect(settings, model, "dev", items=items)
    summary = ev.summarize(
        records,
        model=model,
        config=ev.Configuration(reformulate=settings.REFORMULATE),
        threshold=settings.CRITIC_APPROVAL_THRESHOLD,
        max_retries=settings.MAX_RETRIES_CRITIC,
        target_precision=0.95,
    )
    del m
    return {k: summary.get(k) for k in ("incidents", "coverage", "precision", "recall_at_3")}


def judge(
    report: Any,
    proposals: list[Any],
    origin: dict[str, str],
    removed: dict[str, KBRow],
    index: KnowledgeIndex,
) -> dict[str, Any]:
    """Recovery, duplicates and novel proposals by the rule in the module docstring."""
    recovered: dict[str, str] = {}
    duplicates, novel, details = 0, 0, []
    for proposal in proposals:
        if proposal.kind is not ProposalKind.NEW_ROW:
            continue
        sources = [i["incidencia"] for i in proposal.evidence["incidencias"]]
        tags = Counter(origin.get(s, "?") for s in sources)
        tag, count = tags.most_common(1)[0]
        new_id = (proposal.result or {}).get("kb_id")
        verdict = "otra"
        if count * 2 > len(sources) and tag.startswith("R:"):
            row = removed[tag[2:]]
            same_action = (
                proposal.row["RESOLUCION AUTOMÁTICA"],
                proposal.row["BUZON REASIGNACION"],
            ) == (
                row.resolucion_automatica,
                row.buzon_reasignacion
                if row.resolucion_automatica == "reasignacion"
                else proposal.row["BUZON REASIGNACION"],
            )
            top = index.search([row.descripcion], k=1)
            found = bool(top) and top[0].kb_id == new_id
            if row.id in recovered:
                verdict, duplicates = "duplicada", duplicates + 1
            elif same_action and found:
                recovered[row.id] = str(new_id)
                verdict = "recupera " + row.id
            else:
                verdict = (
                    f"no recupera {row.id} (acción {'ok' if same_action else 'distinta'}, "
                    f"búsqueda {'ok' if found else 'no'})"
                )
        elif count * 2 > len(sources) and tag.startswith("C:"):
            verdict, duplicates = "duplica " + tag[2:], duplicates + 1
        elif tag.startswith("N:"):
            verdict, novel = "nueva de verdad", novel + 1
        details.append(
            {"proposal": proposal.id, "new_id": new_id, "sources": dict(tags), "verdict": verdict}
        )
    offered = sum(1 for p in proposals if p.kind is ProposalKind.NEW_ROW)
    return {
        "removed": len(removed),
        "recovered": len(recovered),
        "recovered_rows": recovered,
        "not_recovered": sorted(set(removed) - set(recovered)),
        "new_row_proposals": offered,
        "duplicates": duplicates,
        "novel": novel,
        "details": details,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fake-model", action="store_true", help="scripted drafts, no LLM")
    parser.add_argument("--model", help="model spec (default: LLM_MODEL)")
    parser.add_argument(
        "--no-engine", action="store_true", help="skip the engine's gold evaluation"
    )
    parser.add_argument("--out", type=Path, help="write the result JSON here too")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args(argv)

    from qdrant_client import QdrantClient

    from adapters.embeddings import build_embedder
    from adapters.llm.client import build_llm_client
    from adapters.llm.server import stop_all
    from adapters.maintenance import run_maintenance
    from adapters.sparse import LexicalEncoder
    from config import load_settings

    data = json.loads(DATA.read_text(encoding="utf-8"))
    tmp = Path(tempfile.mkdtemp(prefix="resolvia-kb-recovery-"))
    started = time.perf_counter()
    try:
        resources = tmp / "resources"
        shutil.copytree(
            REPO / "resources", resources, ignore=shutil.ignore_patterns("reportes", "rejected")
        )
        csv_path = resources / "PROBLEMAS_GLOBALES.csv"
        full = load_kb(csv_path)
        full_dir = tmp / "resources_full"
        shutil.copytree(resources, full_dir)
        removed = {r.id: r for r in full.rows if r.id in data["retiradas"]}
        kb = KBFile.read(csv_path)
        for kb_id in removed:
            kb.replace(kb_id, None)
        csv_path.write_bytes(kb.encode())
        settings = load_settings(
            DATA_DIR=tmp / "data",
            RESOURCES_DIR=resources,
            OUTPUT_DIR=tmp / "out",
            LOG_LEVEL="WARNING",
        )
        embedder = build_embedder(settings)
        lexical = LexicalEncoder.from_file(resources / "SINONIMOS.txt")
        full_index = KnowledgeIndex(QdrantClient(":memory:"), "full", embedder, lexical)
        full_index.rebuild(full.rows)
        index = KnowledgeIndex(QdrantClient(":memory:"), "kb", embedder, lexical)
        reduced = load_kb(csv_path)
        from adapters.vector_store import IndexSource

        index.rebuild(reduced.rows, source=IndexSource.of(csv_path, reduced))
        gold = affected_gold(set(removed))
        before = {"full": retrieval(full_index, gold, {}), "removed": retrieval(index, gold, {})}

        incidents, origin = build_incidents(data)
        manager = serve_closed(incidents, tmp)
        closed = manager.list_closed()
        model = args.model or settings.LLM_MODEL
        llm = fake_llm() if args.fake_model else build_llm_client(settings, model)
        try:
            report = run_maintenance(
                settings,
                closed=closed,
                index=index,
                loaded=reduced,
                llm=llm,
                history=None,
                run_id="kb-recovery",
            )
        finally:
            stop_all()
        offered = [p for p in list_proposals(settings) if p.kind is ProposalKind.NEW_ROW]
        for proposal in offered:
            accept_proposal(settings, proposal.id, "bench", csv_path=csv_path, index=index)
        accepted = list_proposals(settings, None)
        judged = judge(
            report, [p for p in accepted if p.kind is ProposalKind.NEW_ROW], origin, removed, index
        )
        after = retrieval(index, gold, judged["recovered_rows"])
        discards = {s["incidencia"]: s["motivo"] for s in report.skipped}
        expected_discards = {c: t[2:] for c, t in origin.items() if t.startswith("D:")}
        result: dict[str, Any] = {
            "model": "fake (scripted drafts)" if args.fake_model else model,
            "embedding": settings.EMBEDDING_MODEL,
            "params": report.params,
            "closed_incidents": len(closed),
            **judged,
            "llm_calls": report.llm_calls,
            "drafts_not_offered": [
                {"incidents": c.incident_ids, "problems": c.problems}
                for c in report.clusters
                if c.problems
            ],
            "discards": {
                cod: {
                    "expected": why,
                    "got": discards.get(cod, "redactada" if cod in report.redacted else "usada"),
                }
                for cod, why in expected_discards.items()
            },
            "other_proposals": Counter(
                p.kind.value for p in accepted if p.kind is not ProposalKind.NEW_ROW
            ),
            "retrieval_on_affected_gold": {**before, "after_accepting": after},
        }
        if not args.fake_model and not args.no_engine:
            result["engine_on_affected_gold"] = {
                "full": engine_metrics(settings, model, gold, full_dir, {}),
                "removed": engine_metrics(
                    settings, model, gold, kb_removed_copy(tmp, full_dir, removed), {}
                ),
                "after_accepting": engine_metrics(
                    settings, model, gold, resources, judged["recovered_rows"]
                ),
            }
        result["seconds"] = round(time.perf_counter() - started, 1)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}", file=sys.stderr)
    text = json.dumps(result, ensure_ascii=False, indent=2, default=str)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


def kb_removed_copy(tmp: Path, full_dir: Path, removed: dict[str, KBRow]) -> Path:
    """A resources folder whose knowledge base lacks the removed rows (nothing accepted)."""
    target = tmp / "resources_removed"
    if not target.exists():
        shutil.copytree(full_dir, target)
        kb = KBFile.read(target / "PROBLEMAS_GLOBALES.csv")
        for kb_id in removed:
            kb.replace(kb_id, None)
        (target / "PROBLEMAS_GLOBALES.csv").write_bytes(kb.encode())
    return target


if __name__ == "__main__":
    raise SystemExit(main())
