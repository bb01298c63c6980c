"""The dashboards show what issue #16 lists, and their queries on events other than
``incident.done`` name only fields the code passes to that event (``test_deploy.py`` checks the
``incident.done`` ones against a real shipped line, labels and metric names for all of them)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from config import REPO_ROOT
from graph.runner import RunSummary
from observability import metrics

DASHBOARDS = REPO_ROOT / "deploy" / "grafana" / "dashboards"
#: bound to every line of a run or an incident (observability.logging), whatever the call passes
BOUND = {"run_id", "incident_id", "job", "event", "level"}


def _queries() -> list[tuple[str, str]]:
    found = []
    for path in DASHBOARDS.glob("*.json"):
        for panel in json.loads(path.read_text("utf-8"))["panels"]:
            found += [(panel["title"], t["expr"]) for t in panel["targets"]]
    return found


def _logged_fields(event: str) -> set[str]:
    """The keyword arguments of every log call that emits ``event`` in the engine's code."""
    fields: set[str] = set()
    for folder in ("graph", "nodes", "adapters", "cli"):
        for path in (REPO_ROOT / folder).rglob("*.py"):
            text = path.read_text("utf-8")
            for match in re.finditer(rf'log\.\w+\(\s*"{re.escape(event)}"', text):
                depth, end = 0, match.end()
                for end in range(match.start(), len(text)):
                    depth += {"(": 1, ")": -1}.get(text[end], 0)
                    if depth == 0 and text[end] == ")":
                        break
                fields |= set(re.findall(r"\b(\w+)=", text[match.end() : end]))
    return fields


def test_queries_on_other_events_use_fields_the_event_carries() -> None:
    checked = 0
    for title, expr in _queries():
        events = set(re.findall(r'event="([\w.]+)"', expr))
        if not events or events == {"incident.done"}:
            continue
        (event,) = events
        fields = _logged_fields(event)
        assert fields, (title, event)  # the code emits it
        pipeline = expr.split("| json", 1)[1]
        named = set(re.findall(r"\|\s*(\w+)\s*(?:=~|!=|=)", pipeline)) - {"event"}
        named |= {f.strip() for g in re.findall(r"by \(([^)]*)\)", expr) for f in g.split(",")}
        named.discard("")
        assert named <= fields | BOUND, (title, named - fields - BOUND)
        checked += 1
    assert checked >= 2  # fallbacks, decisions that came back


@pytest.mark.parametrize(
    ("need", "pattern"),
    [
        ("runs over time by outcome", r'sum by \(outcome\).*event="incident\.done"'),
        ("automatic-resolution rate", r'outcome="resolved".*/\s*sum\(count_over_time'),
        ("decisions that came back", r'event="incident\.new_activity"'),
        ("latency percentiles", r"histogram_quantile\(0\.9, .*resolvia_incident_decision"),
        ("model calls per incident", r"unwrap llm_calls"),
        ("tokens per incident", r"resolvia_llm_tokens_total\) / sum\(resolvia_incidents_total"),
        ("confidence distribution", r'resolvia_critic_score_bucket\{kind="confidence"\}'),
        ("critic distribution", r'resolvia_critic_score_bucket\{kind="critic"\}'),
        ("errors", r'outcome="error"'),
        ("degraded decisions", r"resolvia_incidents_degraded_total"),
        ("fallbacks used", r'event="llm\.fallback"'),
        ("rows most applied", r'topk\(10, sum by \(kb_id\).*outcome="resolved"'),
        ("rows most rejected", r'resolvia_kb_row_verdicts_total\{verdict="rejected"\}'),
    ],
)
def test_the_dashboards_show_what_the_issue_lists(need: str, pattern: str) -> None:
    assert any(re.search(pattern, expr) for _, expr in _queries()), need


def test_a_run_counts_the_critics_verdicts_per_row(tmp_path: Path) -> None:
    textfile = tmp_path / "run.prom"
    m = metrics.reset()
    summary = RunSummary(run_id="r", processed=2, counts=Counter(resolved=1, escalated=1))
    summary.outcomes = [
        {
            "outcome": "resolved",
            "reason": "aprobada",
            "critiques": [
                {"kb_id": "KB-0004", "score": 60, "confidence": 40, "approved": False},
                {"kb_id": "KB-0088", "score": 97, "confidence": 93, "approved": True},
            ],
        },
        {
            "outcome": "escalated",
            "reason": "candidatos_rechazados",
            "critiques": [{"kb_id": "KB-0004", "score": 55, "confidence": 30, "approved": False}],
        },
    ]

    class _Settings:
        METRICS_TEXTFILE = textfile
        PUSHGATEWAY_URL = None

    metrics.observe_run(_Settings(), summary, queue_size=2)
    text = textfile.read_text("utf-8")
    assert 'resolvia_kb_row_verdicts_total{kb_id="KB-0004",verdict="rejected"} 2.0' in text
    assert 'resolvia_kb_row_verdicts_total{kb_id="KB-0088",verdict="approved"} 1.0' in text
    assert m is metrics.current()
    metrics.reset()
