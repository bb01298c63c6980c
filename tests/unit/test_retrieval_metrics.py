import pytest

from finetune.retrieval_eval import rank_metrics


def test_hand_made_rankings() -> None:
    m = rank_metrics(
        ["a", "b", "c", "d"], [["a", "x"], ["x", "y", "b"], ["x", "y", "z", "w", "c"], []]
    )
    assert m["recall_at_1"] == 0.25
    assert m["recall_at_3"] == 0.5
    assert m["recall_at_5"] == 0.75
    assert m["mrr"] == pytest.approx(round((1 + 1 / 3 + 1 / 5) / 4, 3))


def test_only_the_top_five_count() -> None:
    assert rank_metrics(["a"], [["1", "2", "3", "4", "5", "a"]])["recall_at_5"] == 0.0


def test_empty_set_is_zero_not_an_error() -> None:
    assert rank_metrics([], []) == {
        "recall_at_1": 0.0,
        "recall_at_3": 0.0,
        "recall_at_5": 0.0,
        "mrr": 0.0,
    }
