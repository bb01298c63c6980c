"""Prometheus metrics of a run, written where Prometheus can collect them.

A run is a short-lived process started by a schedule, so Prometheus cannot scrape it while it
works. At its end the run writes its metrics (:func:`observe_run`):

* to ``METRICS_TEXTFILE`` (a ``.prom`` file, replaced atomically): node_exporter's textfile
  collector reads it, and the console serves it at ``/metrics`` (:func:`metrics_endpoint`);
* to a Pushgateway at ``PUSHGATEWAY_URL`` (job ``resolvia``; each run replaces the last).

Every value is the last run's (one process, one run): counters count within the run, the
``resolvia_run_*`` gauges describe it. Trends over many runs come from the logs in Loki (one
``incident.done`` line per incident), which keep every run. Failing to write or push metrics is
a warning, never a failed run.

Model calls are counted as they are recorded (:func:`observe_llm_call`, called by
:class:`adapters.llm_history.LLMHistory`).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import structlog
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    generate_latest,
    push_to_gateway,
    write_to_textfile,
)
from prometheus_client.metrics_core import Metric
from prometheus_client.parser import text_string_to_metric_families

from observability.loki import active_stats

log = structlog.get_logger(__name__)

#: the Pushgateway job (and the dashboards' ``job`` for pushed metrics)
PUSH_JOB = "resolvia"
#: seconds a push may take
PUSH_TIMEOUT_S = 5.0

_DECISION_BUCKETS = (0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600)
_LLM_BUCKETS = (0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120)
_SCORE_BUCKETS = (10, 20, 30, 40, 50, 60, 70, 78, 80, 90, 95, 100)


class RunMetrics:
    """The metrics one process collects (its own registry: no default process metrics in a
    run's file)."""

    def __init__(self) -> None:
        r = self.registry = CollectorRegistry()
        self.incidents = Counter(
            "resolvia_incidents",
            "Incidents the run processed, by outcome and reason code.",
            ["outcome", "reason"],
            registry=r,
        )
        self.degraded = Counter(
            "resolvia_incidents_degraded",
            "Incidents decided while a model call failed (escalated on missing evidence).",
            registry=r,
        )
        self.decision_seconds = Histogram(
            "resolvia_incident_decision_seconds",
            "Seconds from taking an incident to its recorded outcome.",
            buckets=_DECISION_BUCKETS,
            registry=r,
        )
        self.scores = Histogram(
            "resolvia_critic_score",
            "Scores of critiqued candidates, 0-100: kind=confidence (P(row is right), what the "
            "threshold applies to) or kind=critic (the critic's own score).",
            ["kind"],
            buckets=_SCORE_BUCKETS,
            registry=r,
        )
        # one series per knowledge-base row the critic judged: bounded by the CSV's rows
        self.kb_verdicts = Counter(
            "resolvia_kb_row_verdicts",
            "Critic verdicts on knowledge-base rows: verdict=approved (confidence reached the "
            "threshold) or rejected, by row.",
            ["kb_id", "verdict"],
            registry=r,
        )
        self.llm_calls = Counter(
            "resolvia_llm_calls",
            "Model requests by graph node, model and status (ok / error).",
            ["node", "model", "status"],
            registry=r,
        )
        self.llm_tokens = Counter(
            "resolvia_llm_tokens",
            "Model tokens by graph node and kind (input / output).",
            ["node", "kind"],
            registry=r,
        )
        self.llm_seconds = Histogram(
            "resolvia_llm_call_seconds",
            "Seconds per recorded model call (retries included), by graph node.",
            ["node"],
            buckets=_LLM_BUCKETS,
            registry=r,
        )
        self.run = Gauge(
            "resolvia_run",
            "The last run's figures: processed, skipped, reprocessed, errors, degraded, "
            "pending_approval, awaiting_approval, interrupted, stopped (1/0), pending, "
            "healthy (1/0).",
            ["figure"],
            registry=r,
        )
        self.run_seconds = Gauge(
            "resolvia_run_duration_seconds", "Seconds the last run took.", registry=r
        )
        self.queue_size = Gauge(
            "resolvia_run_queue_size",
            "Incidents the last run set out to process (open, not yet handled, and threads "
            "left by earlier runs).",
            registry=r,
        )
        self.finished = Gauge(
            "resolvia_run_last_completion_timestamp_seconds",
            "When the last run ended (Unix time).",
            registry=r,
        )
        self.log_dropped = Gauge(
            "resolvia_log_lines_dropped",
            "Log lines the last run could not ship to Loki (queue full, Loki down, at exit).",
            registry=r,
        )


_metrics = RunMetrics()


def current() -> RunMetrics:
    """This process's metrics."""
    return _metrics


def reset() -> RunMetrics:
    """Start from empty metrics (tests; a process that runs more than once)."""
    global _metrics  # noqa: PLW0603 - one set of metrics per process
    _metrics = RunMetrics()
    return _metrics


def observe_llm_call(call: Any) -> None:
    """Count one recorded model call (an :class:`adapters.llm_history.LLMCallRecord`)."""
    m = _metrics
    status = "error" if call.error else "ok"
    m.llm_calls.labels(call.node, call.model or "unknown", status).inc(max(1, call.calls or 1))
    if call.input_tokens:
        m.llm_tokens.labels(call.node, "input").inc(call.input_tokens)
    if call.output_tokens:
        m.llm_tokens.labels(call.node, "output").inc(call.output_tokens)
    if call.latency_s is not None:
        m.llm_seconds.labels(call.node).observe(call.latency_s)


def observe_run(
    settings: Any, summary: Any, *, queue_size: int, dry_run: bool = False
) -> dict[str, Any]:
    """Record a finished run (a :class:`graph.runner.RunSummary`), write its metrics where the
    settings say (not for a dry run), and return what joins the run summary:
    ``log_lines_dropped`` when logs are shipped to Loki."""
    m = _metrics
    for entry in summary.outcomes:
        m.incidents.labels(entry["outcome"], entry.get("reason") or "none").inc()
        if entry.get("degraded") and entry["outcome"] != "error":
            m.degraded.inc()
        if entry.get("seconds") is not None:
            m.decision_seconds.observe(entry["seconds"])
        for critique in entry.get("critiques") or []:
            for kind in ("confidence", "score"):
                if critique.get(kind) is not None:
                    m.scores.labels("critic" if kind == "score" else kind).observe(critique[kind])
            if critique.get("kb_id"):
                verdict = "approved" if critique.get("approved") else "rejected"
                m.kb_verdicts.labels(critique["kb_id"], verdict).inc()
    figures = summary.as_dict()
    for figure in (
        "processed",
        "skipped",
        "reprocessed",
        "errors",
        "degraded",
        "pending_approval",
        "awaiting_approval",
        "pending",
    ):
        m.run.labels(figure).set(figures[figure])
    m.run.labels("interrupted").set(int(bool(figures["interrupted"])))
    m.run.labels("stopped").set(int(bool(figures["stopped"])))
    m.run.labels("healthy").set(int(bool(summary.healthy)))
    m.run_seconds.set(summary.seconds)
    m.queue_size.set(queue_size)
    m.finished.set(time.time())
    stats = active_stats()
    if stats is not None:
        m.log_dropped.set(stats.dropped)
    if not dry_run:
        export(settings)
    return {} if stats is None else {"log_lines_dropped": stats.dropped}


def export(settings: Any) -> None:
    """Write the textfile and push to the Pushgateway, as configured; failures are warnings."""
    registry = _metrics.registry
    if settings.METRICS_TEXTFILE:
        path = Path(settings.METRICS_TEXTFILE)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_to_textfile(str(path), registry)  # a temporary file renamed: atomic
        except OSError as exc:
            log.warning("metrics.textfile_failed", path=str(path), error=str(exc))
    if settings.PUSHGATEWAY_URL:
        try:
            push_to_gateway(
                settings.PUSHGATEWAY_URL, job=PUSH_JOB, registry=registry, timeout=PUSH_TIMEOUT_S
            )
        except Exception as exc:  # an adapter boundary: metrics never fail a run
            log.warning("metrics.push_failed", url=settings.PUSHGATEWAY_URL, error=str(exc)[:300])


class TextfileCollector:
    """Serves the metrics the last run wrote to ``METRICS_TEXTFILE`` (nothing if none yet)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def collect(self) -> Iterator[Metric]:
        if self.path is None:
            return
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError:  # no run has written it yet
            return
        yield from text_string_to_metric_families(text)


def console_registry(settings: Any) -> CollectorRegistry:
    """What the console's ``/metrics`` serves: the last run's metrics and the console
    process's own (CPU, memory, open files)."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(TextfileCollector(settings.METRICS_TEXTFILE))
    ProcessCollector(registry=registry)
    return registry


def metrics_endpoint(settings: Any) -> Callable[[Any], Awaitable[Any]]:
    """A Starlette endpoint serving :func:`console_registry` in Prometheus' text format (the
    console adds it as ``/metrics``)."""
    from starlette.responses import Response

    registry = console_registry(settings)

    async def metrics(request: Any) -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    return metrics
