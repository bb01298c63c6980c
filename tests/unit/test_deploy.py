"""Static checks of deploy/: the compose file, Prometheus, Loki and Grafana provisioning.

Nothing here starts a container (no Docker here). What is checked: the files parse; the engine
and console get only settings Resolvia reads, with values its validation accepts; every path
the compose file mounts exists; every dashboard panel uses a provisioned datasource; LogQL
queries select only the labels the Loki handler sends, name events the code emits and fields
a real ``incident.done`` line has; PromQL queries use metrics (and their labels) that a run
writes, and parse (``promtool``, when Debian's prometheus package is installed).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import structlog
import yaml
from prometheus_client.parser import text_string_to_metric_families

from config import REPO_ROOT, Settings, load_settings
from console.security import ConsoleSettings
from observability import metrics
from observability.logging import bind_run, configure_logging
from observability.loki import LABELS, LokiConfig
from tests.loki_receiver import LokiReceiver

DEPLOY = REPO_ROOT / "deploy"
COMPOSE = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text("utf-8"))
DASHBOARDS = {
    p.name: json.loads(p.read_text("utf-8")) for p in DEPLOY.glob("grafana/dashboards/*.json")
}
_REAL_CONNECT = socket.socket.connect


def _env_file(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text("utf-8").splitlines())
    return {
        k.strip(): v.strip() for k, v in (p for p in pairs if len(p) == 2) if not k.startswith("#")
    }


def _targets() -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    for name, dashboard in DASHBOARDS.items():
        for panel in dashboard["panels"]:
            for target in panel["targets"]:
                yield name, panel, target


def test_the_stack_has_every_piece() -> None:
    assert set(COMPOSE["services"]) >= {
        "engine",
        "console",
        "qdrant",
        "model",
        "postgres",
        "mlflow",
        "loki",
        "prometheus",
        "grafana",
    }


@pytest.mark.parametrize("service", ["engine", "console"])
def test_resolvia_services_use_only_settings_resolvia_reads(service: str) -> None:
    spec = COMPOSE["services"][service]
    env = {**_env_file(DEPLOY / "resolvia.env.example"), **spec["environment"]}
    known = set(Settings.model_fields) | set(ConsoleSettings.model_fields)
    assert sorted(set(env) - known) == []
    # and the values pass the engine's own validation (PROD profile included)
    settings = load_settings(**{k: v for k, v in env.items() if k in Settings.model_fields})
    assert settings.ENTORNO == "PROD" and settings.LOKI_URL == "http://loki:3100"
    assert settings.METRICS_TEXTFILE is not None
    ConsoleSettings(**{k: v for k, v in env.items() if k in ConsoleSettings.model_fields})
    # the engine's and the console's view of the data must be the same volumes
    assert set(spec["volumes"]) == set(COMPOSE["services"]["engine"]["volumes"])


def test_the_console_serves_the_file_the_engine_writes_and_prometheus_scrapes_it() -> None:
    engine, console = COMPOSE["services"]["engine"], COMPOSE["services"]["console"]
    assert engine["environment"]["METRICS_TEXTFILE"] == console["environment"]["METRICS_TEXTFILE"]
    prometheus = yaml.safe_load((DEPLOY / "prometheus/prometheus.yml").read_text("utf-8"))
    targets = [
        t
        for job in prometheus["scrape_configs"]
        for c in job["static_configs"]
        for t in c["targets"]
    ]
    assert f"console:{console['environment']['CONSOLE_PORT']}" in targets


def test_every_mounted_file_exists() -> None:
    for service in COMPOSE["services"].values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("./"):
                assert (DEPLOY / source).exists(), volume


@pytest.mark.skipif(shutil.which("promtool") is None, reason="promtool not installed")
def test_prometheus_config_is_valid() -> None:
    result = subprocess.run(
        ["promtool", "check", "config", "--syntax-only", str(DEPLOY / "prometheus/prometheus.yml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_loki_config_keeps_logs_for_a_while() -> None:
    loki = yaml.safe_load((DEPLOY / "loki/loki.yml").read_text("utf-8"))
    assert loki["compactor"]["retention_enabled"] is True
    assert loki["limits_config"]["retention_period"]


def test_dashboards_use_provisioned_datasources_and_are_mounted() -> None:
    provisioned = yaml.safe_load(
        (DEPLOY / "grafana/provisioning/datasources/datasources.yml").read_text("utf-8")
    )
    uids = {d["uid"]: d["type"] for d in provisioned["datasources"]}
    assert set(uids.values()) == {"loki", "prometheus"}
    assert len(DASHBOARDS) >= 2
    for name, panel, target in _targets():
        for ds in (panel["datasource"], target["datasource"]):
            assert uids.get(ds["uid"]) == ds["type"], (name, panel["title"])
        assert target["expr"].strip(), (name, panel["title"])
    for dashboard in DASHBOARDS.values():
        ids = [p["id"] for p in dashboard["panels"]]
        assert len(ids) == len(set(ids)) and dashboard["uid"]
    provider = yaml.safe_load(
        (DEPLOY / "grafana/provisioning/dashboards/resolvia.yml").read_text("utf-8")
    )
    path = provider["providers"][0]["options"]["path"]
    grafana_volumes = COMPOSE["services"]["grafana"]["volumes"]
    assert f"./grafana/dashboards:{path}:ro" in grafana_volumes


def _loki_queries() -> list[str]:
    return [t["expr"] for _, p, t in _targets() if p["datasource"]["type"] == "loki"]


def _prom_queries() -> list[str]:
    return [t["expr"] for _, p, t in _targets() if p["datasource"]["type"] == "prometheus"]


@pytest.fixture
def shipped_incident_done(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A real ``incident.done`` line as Loki receives it: one incident through the runner
    (fake model, mock services), logs shipped to a receiver on 127.0.0.1."""
    from tests.unit.test_run_observability import _harness

    receiver = LokiReceiver()
    guarded = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> Any:
        if isinstance(address, tuple) and address[:2] == ("127.0.0.1", receiver.port):
            return _REAL_CONNECT(self, address)
        return guarded(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    configure_logging(
        "INFO", "json", stream=io.StringIO(), force=True, loki=LokiConfig(receiver.url, "desa")
    )
    bind_run("deploy-check", job="run")
    try:
        h = _harness(tmp_path, "deploy-check")
        h.summary(limit=1)
        h.close()
    finally:
        structlog.contextvars.clear_contextvars()
        configure_logging("INFO", "json", stream=io.StringIO(), force=True)  # drains, closes
        receiver.close()
    lines = [(labels, json.loads(line)) for labels, _, line in receiver.lines()]
    (done,) = [(labels, event) for labels, event in lines if event["event"] == "incident.done"]
    return {"labels": done[0], "event": done[1]}


def test_logql_queries_use_shipped_labels_emitted_events_and_real_fields(
    shipped_incident_done: dict[str, Any],
) -> None:
    assert set(shipped_incident_done["labels"]) == set(LABELS)
    fields = set(shipped_incident_done["event"])
    source = "\n".join(
        p.read_text("utf-8")
        for d in ("graph", "nodes", "adapters", "cli")
        for p in (REPO_ROOT / d).rglob("*.py")
    )
    queries = _loki_queries()
    assert queries
    for expr in queries:
        for selector in re.findall(r"\{([^}]*)\}", expr):
            used = set(re.findall(r"(\w+)\s*(?:=~|!=|!~|=)", selector))
            assert used <= set(LABELS), (expr, used)
        events = re.findall(r'event="([\w.]+)"', expr)
        assert "| json" in expr or not events, expr
        for event in events:
            assert f'"{event}"' in source, (expr, event)  # a name the code logs
        if events == ["incident.done"]:
            pipeline = expr.split("| json", 1)[1]
            named = set(re.findall(r"\|\s*(\w+)\s*(?:=~|!=|=)", pipeline))
            named |= set(re.findall(r"unwrap (\w+)", pipeline))
            named |= {f.strip() for g in re.findall(r"by \(([^)]*)\)", expr) for f in g.split(",")}
            assert named <= fields, (expr, named - fields)
        if "incident_id=" in expr:
            assert "incident_id" in fields  # in the line, not a label


def test_promql_queries_use_metrics_and_labels_a_run_writes(tmp_path: Path) -> None:
    from tests.unit.test_run_observability import _harness

    metrics.reset()
    textfile = tmp_path / "run.prom"
    h = _harness(tmp_path, "prom-check", METRICS_TEXTFILE=textfile)
    h.summary()
    h.close()
    labels_of: dict[str, set[str]] = {}
    for family in text_string_to_metric_families(textfile.read_text("utf-8")):
        for sample in family.samples:
            labels_of.setdefault(sample.name, set()).update(sample.labels)
    metrics.reset()
    for expr in _prom_queries():
        names = set(re.findall(r"\b(resolvia_\w+)", expr))
        assert names, expr
        for name in names:
            assert name in labels_of, (expr, name)
            used = set(re.findall(r"(\w+)\s*(?:=~|!=|=)\s*\"", expr))
            used |= {f.strip() for g in re.findall(r"by \(([^)]*)\)", expr) for f in g.split(",")}
            assert used <= labels_of[name], (expr, used - labels_of[name])


@pytest.mark.skipif(shutil.which("promtool") is None, reason="promtool not installed")
def test_promql_queries_parse(tmp_path: Path) -> None:
    rules = {
        "groups": [
            {
                "name": "dashboards",
                "rules": [
                    {
                        "record": f"resolvia:dashboard_query_{i}",
                        "expr": expr.replace("$__interval", "5m").replace("$__range", "1d"),
                    }
                    for i, expr in enumerate(_prom_queries())
                ],
            }
        ]
    }
    path = tmp_path / "rules.yml"
    path.write_text(yaml.safe_dump(rules), encoding="utf-8")
    result = subprocess.run(
        ["promtool", "check", "rules", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
