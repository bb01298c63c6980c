"""``resolvia finetune dataset``: recorded calls + what people confirmed -> chat/Alpaca JSONL.

The history is a real :class:`LLMHistory` store under tmp_path, filled with calls rendered from
the real prompts for real gold incidents, so that a change of the prompts or of the gold files
that the dataset no longer understands shows up here.
"""

from __future__ import annotations

import hashlib
import json
import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import HumanMessage
from typer.testing import CliRunner

from adapters.knowledge_base import KBRow, load_kb
from adapters.llm.client import LLMClient
from adapters.llm.providers import ChatProvider
from adapters.llm_history import LLMCallRecord, LLMHistory
from adapters.reviews import ReviewStore
from cli.app import app
from cli.common import ExitCode
from config import load_settings
from domain.incident import incident_evidence
from finetune.dataset import (
    DATA_FILES,
    GoldTestLeakError,
    build,
    dataset_sha256,
    kb_lookup,
    load_knowledge,
    make_dataset,
    read_history,
)
from finetune.gold import MEASURED_SPLITS, GoldItem, load_gold
from finetune.pii import residual_pii
from observability.redaction import redact
from prompts.loader import load_prompt
from tests.conftest import REPO_ROOT
from tests.fakes import FakeChatModel

RESOURCES = REPO_ROOT / "resources"
runner = CliRunner()


@pytest.fixture(scope="module")
def kb() -> dict[str, KBRow]:
    return {r.id: r for r in load_kb(RESOURCES / "PROBLEMAS_GLOBALES.csv").rows}


@pytest.fixture(scope="module")
def dev() -> list[GoldItem]:
    """Dev items with one clear row and no screenshot (their prompt text is the gold text)."""
    return [
        g
        for g in load_gold(RESOURCES / "evaluacion", "dev")
        if g.expected["categoria"] == "resoluble"
        and g.kb_id
        and not g.expected.get("kb_aceptables")
    ]


@pytest.fixture(
    scope="module",
    params=["test", "test3", "test4", "test5", "test6", "test7", "test8", "test9"],
)
def test_item(request: pytest.FixtureRequest) -> GoldItem:
    """The first item of a test split (the old one, six reported on and the clean newest)."""
    return load_gold(RESOURCES / "evaluacion", request.param)[0]


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("OUTPUT_DIR", str(tmp_path / "output"))
    return load_settings()


def wrong_row(item: GoldItem, kb: dict[str, KBRow]) -> KBRow:
    """A row that is not the item's (nor one of its candidates): the critic must say no."""
    excluded = {*item.acceptable_kb_ids, *item.expected.get("kb_candidatos", [])}
    ids = sorted(kb)
    start = ids.index(item.kb_id) if item.kb_id in ids else 0
    return next(kb[i] for i in ids[start + 7 :] + ids if i not in excluded)


def critique_call(
    incident: dict[str, Any],
    row: KBRow,
    *,
    run_id: str = "run1",
    incident_id: str | None = None,
    output: str | None = "s",
    error: str | None = None,
    extra_text: str = "",
) -> LLMCallRecord:
    """A ``critique_verdict`` call as the engine records it (graph.llm_calls)."""
    prompt = load_prompt("critique_verdict")
    messages = prompt.render(
        incidencia=incident_evidence(incident).text + extra_text,
        componente=row.componente,
        problema=row.descripcion,
        solucion=row.solucion,
    )
    return LLMCallRecord(
        run_id=run_id,
        incident_id=incident_id or str(incident["codIncidencia"]),
        node="critique",
        prompt_id=prompt.id,
        prompt_version=prompt.version,
        prompt_sha256=prompt.sha256,
        model="llamacpp/qwen2.5-coder-1.5b",
        messages=[{"role": m.type, "content": str(m.content)} for m in messages],
        output=output,
        parsed=None if error else {"p_si": 0.8, "from_logprobs": True},
        first_try_valid=error is None,
        calls=1,
        input_tokens=300,
        output_tokens=1,
        latency_s=1.0,
        error=error,
    )


def record_all(path: Path, calls: list[LLMCallRecord]) -> None:
    history = LLMHistory(path)
    for call in calls:
        history.record(call)
    history.close()


def synthetic_history(
    settings: Any, dev: list[GoldItem], kb: dict[str, KBRow]
) -> dict[str, list[GoldItem]]:
    """Ten dev incidents judged right and wrong, plus a duplicate, a failed call, a degraded
    run, an unparseable reply, a PII leak the redaction misses and an unlabelled incident."""
    good, special = dev[:10], dev[10:14]
    calls = []
    for item in good:
        calls.append(critique_call(item.incident, kb[str(item.kb_id)]))
        calls.append(critique_call(item.incident, wrong_row(item, kb), output="no"))
    # the same call recorded again in a later run: one copy is kept
    calls.append(critique_call(good[0].incident, kb[str(good[0].kb_id)], run_id="run2"))
    failed, degraded, unparseable, leak = special
    calls.append(critique_call(failed.incident, kb[str(failed.kb_id)], output=None, error="boom"))
    calls.append(critique_call(degraded.incident, kb[str(degraded.kb_id)], run_id="run3"))
    calls.append(critique_call(unparseable.incident, kb[str(unparseable.kb_id)], output="quizás"))
    # a NIF written with spaces: the redaction does not see it, the check does
    calls.append(
        critique_call(leak.incident, kb[str(leak.kb_id)], extra_text="\nMi DNI es 12 345 678 Z")
    )
    # a production incident nobody reviewed
    unknown = {**good[1].incident, "codIncidencia": "INC900001", "titulo": "Otra cosa distinta"}
    unknown["descripcion"] = "Una petición que ninguna fuente etiqueta, escrita para la prueba."
    calls.append(critique_call(unknown, kb[str(good[1].kb_id)]))
    record_all(settings.llm_history_path, calls)
    reports = settings.reports_dir
    reports.mkdir(parents=True)
    entry = {"incident_id": degraded.code, "outcome": "escalated", "degraded": True}
    (reports / "run_run3.jsonl").write_text(json.dumps(entry) + "\n", encoding="utf-8")
    return {"good": good, "special": special}


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_dataset_from_a_synthetic_history(
    settings: Any, dev: list[GoldItem], kb: dict[str, KBRow], tmp_path: Path
) -> None:
    items = synthetic_history(settings, dev, kb)
    written = make_dataset(settings, "critique", out=tmp_path / "ds", command="resolvia x")

    assert sorted(p.name for p in written.folder.iterdir()) == sorted(
        [*DATA_FILES, "card.json", "card.md"]
    )
    card = json.loads((written.folder / "card.json").read_text(encoding="utf-8"))
    assert card["counts"]["total"] == {
        "records": 20,
        "incidents": 10,
        "labels": {"no": 10, "sí": 10},
    }
    assert card["dropped"] == {
        "duplicate": 1,
        "failed_call": 1,
        "degraded_run": 1,
        "unparseable_reply": 1,
        "pii_after_redaction": 1,
        "unlabelled": 1,
    }
    assert card["sources"]["labels"] == {"gold_dev": 20}
    assert card["sources"]["task_calls"] == {f"history:{settings.llm_history_path}": 26}
    assert card["command"] == "resolvia x"

    chat = {
        part: read_lines(written.folder / f"{part}.chat.jsonl") for part in ("train", "validation")
    }
    alpaca = {
        part: read_lines(written.folder / f"{part}.alpaca.jsonl")
        for part in ("train", "validation")
    }
    # split by incident: both sides used, no incident on both
    train_ids = {line["incident_id"] for line in chat["train"]}
    validation_ids = {line["incident_id"] for line in chat["validation"]}
    assert train_ids and validation_ids and not train_ids & validation_ids
    assert train_ids | validation_ids == {g.code for g in items["good"]}
    expected = {g.code: g.kb_id for g in items["good"]}
    for part in ("train", "validation"):
        assert card["counts"][part]["records"] == len(chat[part]) == len(alpaca[part])
        for line, flat in zip(chat[part], alpaca[part], strict=True):
            roles = [m["role"] for m in line["messages"]]
            assert roles == ["system", "user", "assistant"]
            target = line["messages"][-1]["content"]
            # the label is the truth about the judged row, not what the model answered
            assert (
                target
                == line["label"]
                == ("sí" if line["kb_id"] == expected[line["incident_id"]] else "no")
            )
            assert line["task"] == "critique" and line["sources"] == ["gold_dev"]
            assert flat == {
                "instruction": line["messages"][0]["content"],
                "input": line["messages"][1]["content"],
                "output": target,
            }
            assert not any(residual_pii(m["content"]) for m in line["messages"])
    # the card's hashes are the files'
    for name in DATA_FILES:
        data = (written.folder / name).read_bytes()
        assert card["files"][name]["sha256"] == hashlib.sha256(data).hexdigest()
    assert card["sha256"] == dataset_sha256(card["files"])
    assert "| train |" in (written.folder / "card.md").read_text(encoding="utf-8")


def test_targets_read_as_yes_and_no_by_the_engines_verdict_parser(
    settings: Any, dev: list[GoldItem], kb: dict[str, KBRow], tmp_path: Path
) -> None:
    synthetic_history(settings, dev, kb)
    folder = make_dataset(settings, "critique", out=tmp_path / "ds").folder
    lines = read_lines(folder / "train.chat.jsonl") + read_lines(folder / "validation.chat.jsonl")
    targets = [line["messages"][-1]["content"] for line in lines]
    assert set(targets) == {"sí", "no"}
    model = FakeChatModel(targets)  # no log-probabilities: the parser reads the text
    client = LLMClient([ChatProvider("fake/m", model, lambda m, s, n: m)])  # type: ignore[arg-type]
    for target in targets:
        verdict = client.verdict([HumanMessage("¿corresponde?")])
        assert verdict.probability == (1.0 if target == "sí" else 0.0)


def test_same_input_gives_the_same_files_whatever_the_order(
    settings: Any, dev: list[GoldItem], kb: dict[str, KBRow], tmp_path: Path
) -> None:
    synthetic_history(settings, dev, kb)
    first = make_dataset(settings, "critique", out=tmp_path / "a")
    second = make_dataset(settings, "critique", out=tmp_path / "b")
    assert first.card["sha256"] == second.card["sha256"]
    assert first.card["files"] == second.card["files"]

    calls = read_history(settings.llm_history_path, settings.reports_dir)
    knowledge = load_knowledge(RESOURCES / "evaluacion")
    rows = kb_lookup(kb.values())
    shuffled = calls[:]
    random.Random(7).shuffle(shuffled)
    a, b = build(calls, "critique", knowledge, rows), build(shuffled, "critique", knowledge, rows)
    assert [e.content_hash for e in a.train] == [e.content_hash for e in b.train]
    assert [e.content_hash for e in a.validation] == [e.content_hash for e in b.validation]


@pytest.mark.parametrize("renamed", [False, True], ids=["by-id", "renamed-copy"])
def test_refuses_a_gold_test_incident_and_writes_nothing(
    settings: Any,
    dev: list[GoldItem],
    kb: dict[str, KBRow],
    test_item: GoldItem,
    tmp_path: Path,
    renamed: bool,
) -> None:
    synthetic_history(settings, dev, kb)
    incident = dict(test_item.incident)
    if renamed:  # same text under another id, reviewed in the console: still refused
        incident["codIncidencia"] = "INC777001"
        store = ReviewStore(settings.DATA_DIR / "reviews.sqlite")
        store.add("INC777001", "kb", reviewer="ana", kb_id=test_item.kb_id)
        store.close()
    row = kb[str(test_item.kb_id)] if test_item.kb_id else next(iter(kb.values()))
    record_all(settings.llm_history_path, [critique_call(incident, row, run_id="run9")])

    with pytest.raises(GoldTestLeakError) as raised:
        make_dataset(settings, "critique", out=tmp_path / "ds")
    message = str(raised.value)
    assert str(incident["codIncidencia"]) in message
    assert ("texto de " + test_item.code if renamed else "(id)") in message
    assert not (tmp_path / "ds").exists()
    assert not list(tmp_path.glob(".ds*"))


def test_reviews_label_incidents_outside_the_gold_set(
    settings: Any, dev: list[GoldItem], kb: dict[str, KBRow], tmp_path: Path
) -> None:
    base = dev[0].incident
    right, wrong = kb[str(dev[0].kb_id)], wrong_row(dev[0], kb)
    reviewed = {**base, "codIncidencia": "INC900010", "descripcion": "Texto propio de producción."}
    new_knowledge = {**base, "codIncidencia": "INC900011", "descripcion": "Otra petición sin fila."}
    record_all(
        settings.llm_history_path,
        [
            critique_call(reviewed, right),
            critique_call(reviewed, wrong),
            critique_call(new_knowledge, right),
        ],
    )
    store = ReviewStore(settings.DATA_DIR / "reviews.sqlite")
    store.add("INC900010", "no_automatizable", reviewer="ana")  # says nothing about rows...
    store.add("INC900010", "kb", reviewer="ana", kb_id=right.id)  # ...the latest review counts
    store.add("INC900011", "nuevo_conocimiento", reviewer="luis")
    store.close()

    folder = make_dataset(settings, "critique", out=tmp_path / "ds", validation_fraction=0).folder
    lines = read_lines(folder / "train.chat.jsonl")
    got = sorted((line["incident_id"], line["kb_id"], line["label"]) for line in lines)
    assert got == sorted(
        [
            ("INC900010", right.id, "sí"),
            ("INC900010", wrong.id, "no"),
            ("INC900011", right.id, "no"),
        ]
    )
    assert all(line["sources"] == ["review"] for line in lines)
    assert read_lines(folder / "validation.chat.jsonl") == []


def test_reformulation_target_only_when_its_search_found_a_confirmed_row(
    settings: Any, dev: list[GoldItem], kb: dict[str, KBRow], tmp_path: Path
) -> None:
    prompt = load_prompt("reformulate")
    reply = '```json\n{"resumen": "No llega el reembolso", "componente": "Reembolsos", "palabras_clave": ["reembolso"], "frases_busqueda": ["reembolso pendiente"]}\n```'
    calls, entries = [], []
    for i, item in enumerate(dev[:4]):
        messages = prompt.render(
            componentes='"Reembolsos"', incidencia=incident_evidence(item.incident).text
        )
        calls.append(
            LLMCallRecord(
                run_id="r1",
                incident_id=item.code,
                node="reformulate",
                prompt_id=prompt.id,
                prompt_version=prompt.version,
                prompt_sha256=prompt.sha256,
                model="m",
                messages=[{"role": m.type, "content": str(m.content)} for m in messages],
                output=reply if i < 3 else "no es JSON",
                parsed=None,
                first_try_valid=True,
                calls=1,
                input_tokens=1,
                output_tokens=1,
                latency_s=0.1,
            )
        )
        first = item.kb_id if i != 1 else wrong_row(item, kb).id  # item 1: search missed
        entries.append({"incident_id": item.code, "candidates": [{"kb_id": first}]})
    record_all(settings.llm_history_path, calls)
    settings.reports_dir.mkdir(parents=True)
    (settings.reports_dir / "run_r1.jsonl").write_text(
        "".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8"
    )

    written = make_dataset(settings, "reformulate", out=tmp_path / "ds")
    assert written.card["dropped"] == {"untrusted_target": 1, "unparseable_reply": 1}
    lines = read_lines(written.folder / "train.chat.jsonl") + read_lines(
        written.folder / "validation.chat.jsonl"
    )
    assert sorted(line["incident_id"] for line in lines) == sorted([dev[0].code, dev[2].code])
    for line in lines:
        target = json.loads(line["messages"][-1]["content"])  # clean JSON, no code fence
        assert target["componente"] == "Reembolsos" and target["posible_manipulacion"] is False
        assert line["label"] == line["kb_id"]


def test_split_keeps_copies_of_one_incident_together(
    settings: Any, dev: list[GoldItem], kb: dict[str, KBRow]
) -> None:
    store = ReviewStore(settings.DATA_DIR / "reviews.sqlite")
    calls = []
    for item in dev[:12]:
        # the same incident text under a second id (re-opened as a new ticket), both reviewed
        copy = {**item.incident, "codIncidencia": "X" + item.code}
        for incident in (item.incident, copy):
            calls.append(critique_call(incident, kb[str(item.kb_id)]))
            store.add(str(incident["codIncidencia"]), "kb", reviewer="ana", kb_id=item.kb_id)
    store.close()
    record_all(settings.llm_history_path, calls)
    knowledge = load_knowledge(
        RESOURCES / "evaluacion", reviews_path=settings.DATA_DIR / "reviews.sqlite"
    )
    built = build(
        read_history(settings.llm_history_path, settings.reports_dir),
        "critique",
        knowledge,
        kb_lookup(kb.values()),
        validation_fraction=0.5,
    )
    train = {e.incident_id.removeprefix("X") for e in built.train}
    validation = {e.incident_id.removeprefix("X") for e in built.validation}
    assert train and validation and not train & validation


def test_cli_says_what_is_missing_for_an_empty_or_unlabelled_history(
    settings: Any, dev: list[GoldItem], kb: dict[str, KBRow], tmp_path: Path
) -> None:
    empty = runner.invoke(app, ["finetune", "dataset", "--out", str(tmp_path / "ds")])
    assert empty.exit_code == ExitCode.FAILURE
    assert "no recorded LLM calls" in empty.output and "make run" in empty.output
    assert not (tmp_path / "ds").exists()

    unknown = {**dev[0].incident, "codIncidencia": "INC900001", "descripcion": "Sin etiqueta."}
    record_all(settings.llm_history_path, [critique_call(unknown, kb[str(dev[0].kb_id)])])
    unlabelled = runner.invoke(app, ["finetune", "dataset", "--out", str(tmp_path / "ds")])
    assert unlabelled.exit_code == ExitCode.FAILURE
    assert "none can be used (dropped: unlabelled 1)" in unlabelled.output
    assert "resolvia evaluate --split dev" in unlabelled.output
    assert not (tmp_path / "ds").exists()

    reformulate = runner.invoke(app, ["finetune", "dataset", "--task", "reformulate"])
    assert reformulate.exit_code == ExitCode.FAILURE
    assert "REFORMULATE=true" in reformulate.output


def test_cli_writes_under_data_dir_and_reports_json(
    settings: Any, dev: list[GoldItem], kb: dict[str, KBRow]
) -> None:
    synthetic_history(settings, dev, kb)
    result = runner.invoke(app, ["finetune", "dataset", "--json"])
    assert result.exit_code == ExitCode.OK, result.output
    document = json.loads(result.stdout.strip().splitlines()[-1])
    folder = Path(document["folder"])
    assert folder.parent == settings.DATA_DIR / "finetune" / "datasets"
    assert folder.name.startswith("critique_")
    assert document["counts"]["total"]["records"] == 20
    assert document["command"].startswith("resolvia ")


def test_refuses_to_write_into_the_repository(settings: Any) -> None:
    result = runner.invoke(
        app, ["finetune", "dataset", "--out", str(REPO_ROOT / "finetune" / "nuevo")]
    )
    assert result.exit_code == ExitCode.FAILURE
    assert "inside the repository" in result.output
    assert not (REPO_ROOT / "finetune" / "nuevo").exists()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("escríbeme a nuria.castro (arroba) example.com", "email"),
        ("mi DNI es 12 345 678 Z", "nif"),
        ("NIE X 123 4567 L", "nie"),
        ("cuenta ES91 2100.0418.4502.0005.1332", "iban"),
        ("llámame al 600/123/456", "telefono"),
        ("tarjeta 4111-1111 1111-1111", "tarjeta"),
    ],
)
def test_residual_pii_catches_what_the_redaction_misses(text: str, kind: str) -> None:
    assert kind in residual_pii(redact(text))


def test_residual_pii_leaves_the_gold_incidents_alone_once_redacted() -> None:
    """Policy, refund and incident numbers, dates and amounts are no personal data: a check that
    flagged them would empty the dataset."""
    flagged = [
        g.code
        for split in (*MEASURED_SPLITS, "demo")
        for g in load_gold(RESOURCES / "evaluacion", split)
        if residual_pii(redact(incident_evidence(g.incident).text))
    ]
    assert flagged == []
    assert residual_pii("[EMAIL] [NIF] [IBAN] [TELEFONO] póliza 30114872 y R-2609113") == []


def test_an_approved_action_whose_outcome_stands_labels_its_row(
    settings: Any, dev: list[GoldItem], kb: dict[str, KBRow], tmp_path: Path
) -> None:
    from adapters.approvals import Approvals
    from adapters.run_records import RunRecorder

    row = kb[str(dev[0].kb_id)]
    stands = {**dev[0].incident, "codIncidencia": "INC900020", "descripcion": "Aprobada y cerrada."}
    reopened = {
        **dev[0].incident,
        "codIncidencia": "INC900021",
        "descripcion": "Aprobada y reabierta.",
    }
    approvals = Approvals(settings.DATA_DIR)
    for incident in (stands, reopened):
        code = str(incident["codIncidencia"])
        proposal = {"incident_id": code, "action": "cierre", "kb_id": row.id}
        pending = approvals.propose(
            thread_id=code, interrupt_id="i1", run_id="run4", proposal=proposal
        )
        approvals.approve(pending.id, "ana")
        approvals.settle(code, "run5", "resolved")
    approvals.close()
    outcomes = settings.DATA_DIR / "outcomes.sqlite"
    first = RunRecorder(outcomes, tmp_path / "rep", tmp_path / "rej", "run5")
    for code in ("INC900020", "INC900021"):
        first.record({"incident_id": code, "outcome": "resolved", "kb_id": row.id})
    first.close()
    later = RunRecorder(outcomes, tmp_path / "rep", tmp_path / "rej", "run6")
    assert later.reopen("INC900021")  # the requester came back: decided again, escalated
    later.record({"incident_id": "INC900021", "outcome": "escalated", "kb_id": None})
    later.close()
    record_all(
        settings.llm_history_path,
        [critique_call(stands, row, run_id="run4"), critique_call(reopened, row, run_id="run4")],
    )

    written = make_dataset(settings, "critique", out=tmp_path / "ds", validation_fraction=0)
    [line] = read_lines(written.folder / "train.chat.jsonl")
    assert (line["incident_id"], line["kb_id"], line["label"]) == ("INC900020", row.id, "sí")
    assert line["sources"] == ["approval"]
    assert written.card["dropped"] == {"unlabelled": 1}


def test_since_leaves_older_calls_out_and_says_so(
    settings: Any, dev: list[GoldItem], kb: dict[str, KBRow], tmp_path: Path
) -> None:
    synthetic_history(settings, dev, kb)
    result = runner.invoke(app, ["finetune", "dataset", "--since", "2999-01-01"])
    assert result.exit_code == ExitCode.FAILURE
    assert (
        "26 critique_verdict call(s) recorded are all older than --since 2999-01-01"
        in result.output
    )
    written = make_dataset(
        settings, "critique", out=tmp_path / "ds", since=datetime(2000, 1, 1, tzinfo=UTC)
    )
    assert written.card["sources"]["before_since"] == 0
    assert written.card["counts"]["total"]["records"] == 20
