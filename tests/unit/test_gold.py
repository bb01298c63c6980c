"""The gold loader: every split loads (the frozen test2, test3, test4, test5, test6, test7, test8
and test9 and the demo included), ``all`` is the measured set, and an item accepts its
equivalent rows. Reads the committed data; writes only under tmp_path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from domain.choices import Split
from finetune.gold import MEASURED_SPLITS, TEST_SPLITS, GoldItem, load_gold
from tests.mock_support import RESOURCES

GOLD = RESOURCES / "evaluacion"


def _item(code: str, **expected: Any) -> dict[str, Any]:
    esperado = {"resultado": "resolver", "kb_id": "KB-0001", "accion": "cierre", **expected}
    return {"incidencia": {"codIncidencia": code}, "esperado": esperado}


def test_test2_is_a_split_of_its_own() -> None:
    test2 = load_gold(GOLD, "test2")
    assert len(test2) >= 60
    assert all(item.code.startswith("INC3") for item in test2)
    assert not {i.code for i in test2} & {i.code for i in load_gold(GOLD, "test")}


#: the frozen splits written before any tuning: (split, code prefix, least items), in the order
#: they were written; each must share no incident with the splits before it nor the demo
FROZEN: list[tuple[Split, str, int]] = [
    ("test3", "INC5", 60),
    ("test4", "INC6", 60),
    ("test5", "INC8", 60),
    ("test6", "INC91", 80),
    ("test7", "INC92", 80),
    ("test8", "INC93", 80),
    ("test9", "INC94", 80),
]


@pytest.mark.parametrize("position", range(len(FROZEN)), ids=[name for name, _, _ in FROZEN])
def test_a_frozen_split_is_a_split_of_its_own(position: int) -> None:
    split, prefix, least = FROZEN[position]
    items = load_gold(GOLD, split)
    assert len(items) >= least
    assert all(item.code.startswith(prefix) for item in items)
    earlier: list[Split] = [
        "dev",
        "test",
        "test2",
        *(name for name, _, _ in FROZEN[:position]),
        "demo",
    ]
    others = {i.code for name in earlier for i in load_gold(GOLD, name)}
    assert not {i.code for i in items} & others


@pytest.mark.parametrize("split", [name for name, _, _ in FROZEN])
def test_a_frozen_split_is_held_out(split: Split) -> None:
    """A held-out test split: calibration and fine-tuning refuse it (TEST_SPLITS)."""
    assert split in TEST_SPLITS and split in MEASURED_SPLITS


def test_demo_split_holds_every_demo_incident_in_order() -> None:
    demo = load_gold(GOLD, "demo")
    incidents = json.loads((RESOURCES / "incidencias_demo.json").read_text(encoding="utf-8"))
    assert [item.incident for item in demo] == incidents
    assert {item.expected["resultado"] for item in demo} == {
        "resolver",
        "escalar",
        "en_espera_solicitar_dato",
    }


def test_all_is_every_measured_split_without_the_demo() -> None:
    every = [item.code for item in load_gold(GOLD, "all")]
    splits = (
        "dev",
        "test",
        "test2",
        "test3",
        "test4",
        "test5",
        "test6",
        "test7",
        "test8",
        "test9",
    )
    parts = [item.code for name in splits for item in load_gold(GOLD, name)]
    assert every == parts
    assert not set(every) & {item.code for item in load_gold(GOLD, "demo")}


def test_acceptable_ids_are_the_expected_row_and_its_equivalents() -> None:
    with_equivalents = GoldItem({}, {"kb_id": "KB-0032", "kb_aceptables": ["KB-0033"]})
    alone = GoldItem({}, {"kb_id": "KB-0078"})
    no_row = GoldItem({}, {"kb_id": None})
    assert with_equivalents.acceptable_kb_ids == ("KB-0032", "KB-0033")
    assert alone.acceptable_kb_ids == ("KB-0078",)
    assert no_row.acceptable_kb_ids == ()


def test_committed_items_accept_both_rows_that_resend_the_card() -> None:
    items = [i for i in load_gold(GOLD, "all") if i.kb_id in ("KB-0032", "KB-0033")]
    assert items, "the gold set has items on the card-resend rows"
    for item in items:
        assert set(item.acceptable_kb_ids) == {"KB-0032", "KB-0033"}, item.code


def test_loads_any_folder_with_the_split_files(tmp_path: Path) -> None:
    splits = (
        ("test2", "INC300001"),
        ("test3", "INC500001"),
        ("test4", "INC600001"),
        ("test5", "INC800001"),
        ("test6", "INC910001"),
        ("test7", "INC920001"),
        ("test8", "INC930001"),
        ("test9", "INC940001"),
        ("demo", "INC000101"),
    )
    for name, code in splits:
        item = _item(code, kb_aceptables=["KB-0002"])
        (tmp_path / f"gold_{name}.json").write_text(json.dumps([item]), encoding="utf-8")
    [test2] = load_gold(tmp_path, "test2")
    [test3] = load_gold(tmp_path, "test3")
    [test4] = load_gold(tmp_path, "test4")
    [test5] = load_gold(tmp_path, "test5")
    [test6] = load_gold(tmp_path, "test6")
    [test7] = load_gold(tmp_path, "test7")
    [test8] = load_gold(tmp_path, "test8")
    [test9] = load_gold(tmp_path, "test9")
    [demo] = load_gold(tmp_path, "demo")
    codes = (
        test2.code,
        test3.code,
        test4.code,
        test5.code,
        test6.code,
        test7.code,
        test8.code,
        test9.code,
        demo.code,
    )
    assert codes == (
        "INC300001",
        "INC500001",
        "INC600001",
        "INC800001",
        "INC910001",
        "INC920001",
        "INC930001",
        "INC940001",
        "INC000101",
    )
    assert test2.acceptable_kb_ids == ("KB-0001", "KB-0002")
    assert test3.acceptable_kb_ids == ("KB-0001", "KB-0002")
    assert test4.acceptable_kb_ids == ("KB-0001", "KB-0002")
    assert test5.acceptable_kb_ids == ("KB-0001", "KB-0002")
    assert test6.acceptable_kb_ids == ("KB-0001", "KB-0002")
    assert test7.acceptable_kb_ids == ("KB-0001", "KB-0002")
    assert test8.acceptable_kb_ids == ("KB-0001", "KB-0002")
    assert test9.acceptable_kb_ids == ("KB-0001", "KB-0002")
