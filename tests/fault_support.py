"""The fault-injection suite's workbench: the engine as a real process (``main.py run``) against
freshly seeded mock services behind fault proxies and a fake OpenAI-compatible model, every
path under a temporary directory; and readers for what a run left behind (outcome store, run
reports, the mocks' state and request log, unfinished checkpoint threads).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from adapters.supervisor import free_ports
from config import REPO_ROOT, Settings
from mocks.process import PORTS, MockServices, serve_mocks
from tests.fake_llm_server import EMBEDDING_DIMENSION, FakeModelServer
from tests.fault_proxy import FaultProxy

TOKEN = "faults-mocks-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TODAY = "20/11/2026"
DEMO_INCIDENTS = REPO_ROOT / "resources" / "incidencias_demo.json"
#: The outcomes a later run does not revisit (adapters.run_records.FINAL).
FINAL = frozenset({"resolved", "reassigned", "on_hold", "escalated"})
TRACEBACK = "Traceback (most recent call last)"
_SETTING_NAMES = frozenset(name.upper() for name in Settings.model_fields)


def clean_environ() -> dict[str, str]:
    """This process's environment without any Resolvia setting (a developer's shell or CI
    must not change what the engine under test does)."""
    return {k: v for k, v in os.environ.items() if k.upper() not in _SETTING_NAMES}


def seed_file(dest: Path, codes: list[str] | None = None) -> Path:
    """The demo incidents (or only ``codes``, in that order) as a seed file."""
    incidents = json.loads(DEMO_INCIDENTS.read_text(encoding="utf-8"))
    if codes is not None:
        by_code = {i["codIncidencia"]: i for i in incidents}
        incidents = [by_code[c] for c in codes]
    dest.write_text(json.dumps(incidents, ensure_ascii=False), encoding="utf-8")
    return dest


def mocks_env(root: Path) -> dict[str, str]:
    return {
        **clean_environ(),
        "MOCKS_TOKEN": TOKEN,
        "LOG_FORMAT": "json",
        "DATA_DIR": str(root / "mocks-settings"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }


@contextlib.contextmanager
def mock_services(root: Path, incidents: Path, port: int | None = None) -> Iterator[MockServices]:
    """``python -m mocks serve`` seeded from ``incidents`` with its state under ``root``."""
    with serve_mocks(
        port or free_ports(PORTS),
        root / "mocks" / "state",
        incidents=incidents,
        today=TODAY,
        env=mocks_env(root),
        cwd=root,
    ) as services:
        yield services


def build_index(data_dir: Path, embeddings: FakeModelServer, cwd: Path) -> None:
    """``python batch.py`` into ``data_dir`` with the fake embeddings (the index of every
    workspace is a copy of this one)."""
    env = {
        **clean_environ(),
        "PYTHONPATH": str(REPO_ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "DATA_DIR": str(data_dir),
        "OUTPUT_DIR": str(data_dir.parent / "out"),
        "MODELS_DIR": str(data_dir.parent / "models"),
        "EMBEDDING_MODEL": embeddings.embedding_spec,
        "EMBEDDING_DIMENSION": str(EMBEDDING_DIMENSION),
        "LOG_FORMAT": "json",
    }
    proc = subprocess.run(
        [sys.executable, str(REPO_ROOT / "batch.py"), "--json"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"batch.py failed ({proc.returncode}):\n{proc.stderr[-3000:]}")


@dataclass
class EngineRun:
    """One finished ``main.py run --json``."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def summary(self) -> dict[str, Any] | None:
        """The ``--json`` summary line, if the run wrote one."""
        for line in reversed(self.stdout.splitlines()):
            with contextlib.suppress(ValueError):
                data = json.loads(line)
                if isinstance(data, dict) and "processed" in data:
                    return data
        return None

    def events(self, name: str | None = None) -> list[dict[str, Any]]:
        """The engine's JSON log events on stderr (those named ``name``)."""
        found = []
        for line in self.stderr.splitlines():
            if not line.startswith("{"):
                continue
            with contextlib.suppress(ValueError):
                event = json.loads(line)
                if name is None or event.get("event") == name:
                    found.append(event)
        return found

    def tail(self, chars: int = 3000) -> str:
        return (
            f"exit {self.returncode}\nstdout: {self.stdout[-500:]}\nstderr: {self.stderr[-chars:]}"
        )


@dataclass
class Workspace:
    """One engine installation: data and output dirs with a copy of the index, fresh mock
    services behind two fault proxies, and the fake chat model."""

    root: Path
    mocks: MockServices
    incidents_proxy: FaultProxy
    target_proxy: FaultProxy
    chat: FakeModelServer
    embeddings: FakeModelServer
    overrides: dict[str, str] = field(default_factory=dict)
    spawned: int = 0
    #: where the mock services were started, to start them again (:meth:`start_mocks`)
    stack: contextlib.ExitStack | None = None
    seed: Path | None = None

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def output_dir(self) -> Path:
        return self.root / "out"

    def env(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        """The engine's environment: every path under the workspace, the fakes and proxies,
        quick retries; ``extra`` on top."""
        return {
            **clean_environ(),
            "PYTHONPATH": str(REPO_ROOT),
            "PYTHONDONTWRITEBYTECODE": "1",
            "DATA_DIR": str(self.data_dir),
            "OUTPUT_DIR": str(self.output_dir),
            "MODELS_DIR": str(self.root / "models"),
            "LLM_MODEL": self.chat.chat_spec,
            "EMBEDDING_MODEL": self.embeddings.embedding_spec,
            "EMBEDDING_DIMENSION": str(EMBEDDING_DIMENSION),
            "INCIDENT_MANAGER_URL": self.incidents_proxy.url,
            "TARGET_SYSTEM_URL": self.target_proxy.url,
            "MOCKS_TOKEN": TOKEN,
            "BUZONES": "SOPORTE_N1",
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "INFO",
            "LLM_N_THREADS": "1",
            "LLM_MAX_RETRIES": "1",
            "LLM_TIMEOUT_S": "5",
            "HTTP_TIMEOUT_S": "5",
            # the shipped confidence model was fitted on another embedding model's similarities
            # and refuses these: the critic's own score decides
            "CONFIDENCE_MODEL": "critico",
            **self.overrides,
            **(extra or {}),
        }

    def argv(self, *args: str, hook: Sequence[str] = (), prefix: Sequence[str] = ()) -> list[str]:
        """``main.py run --json``; with ``hook`` options, under :mod:`tests.kill_hook`; after
        ``prefix`` (a command that runs the rest, such as ``setpriv ... --``)."""
        tampered = ["-m", "tests.kill_hook", *hook] if hook else []
        main = [sys.executable, *tampered, str(REPO_ROOT / "main.py"), "run", "--json", *args]
        return [*prefix, *main]

    def run(
        self,
        *args: str,
        timeout_s: float = 180,
        hook: Sequence[str] = (),
        prefix: Sequence[str] = (),
        env: Mapping[str, str] | None = None,
    ) -> EngineRun:
        """Run the engine to its end (``hook``: see :mod:`tests.kill_hook`)."""
        self.spawned += 1
        proc = subprocess.run(
            self.argv(*args, hook=hook, prefix=prefix),
            cwd=self.root,
            env=self.env(env),
            capture_output=True,
            text=True,
            timeout=timeout_s,
            check=False,
        )
        return EngineRun(proc.returncode, proc.stdout, proc.stderr)

    def spawn(
        self, hook: Sequence[str] = (), env: Mapping[str, str] | None = None
    ) -> tuple[subprocess.Popen[bytes], Path, Path]:
        """Start the engine in its own process group; its output goes to files."""
        self.spawned += 1
        logs = self.root / "spawns"
        logs.mkdir(exist_ok=True)
        out, err = logs / f"{self.spawned:03d}.out", logs / f"{self.spawned:03d}.err"
        with out.open("wb") as stdout, err.open("wb") as stderr:
            proc = subprocess.Popen(
                self.argv(hook=hook),
                cwd=self.root,
                env=self.env(env),
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=stderr,
                start_new_session=True,
            )
        return proc, out, err

    def stop_mocks(self) -> None:
        """Stop the mock services (SIGTERM): their state stays on disk."""
        self.mocks.stop(grace_s=10)

    def start_mocks(self) -> None:
        """Start the mock services again, on the same ports and state."""
        assert self.stack is not None and self.seed is not None
        port = int(self.mocks.incident_manager_url.rsplit(":", 1)[1])
        self.mocks = self.stack.enter_context(mock_services(self.root, self.seed, port))

    # -- what the run left behind -----------------------------------------------------------
    def outcome_rows(self) -> list[tuple[str, str, str | None, str | None]]:
        """(incident, outcome, reason, kb_id) of every outcome ever recorded, oldest first (the
        store's history of outcomes where it keeps one, else its current outcomes)."""
        path = self.data_dir / "outcomes.sqlite"
        if not path.exists():
            return []
        with contextlib.closing(sqlite3.connect(path)) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            query = (
                "SELECT incident_id, outcome, reason, kb_id FROM outcome_history ORDER BY id"
                if "outcome_history" in tables
                else "SELECT incident_id, outcome, reason, kb_id FROM outcomes"
            )
            return [tuple(r) for r in conn.execute(query)]

    def final_outcomes(self) -> dict[str, list[tuple[str, str | None]]]:
        """Per incident, its final outcomes in the store as (outcome, kb_id)."""
        found: dict[str, list[tuple[str, str | None]]] = {}
        for incident, outcome, _reason, kb_id in self.outcome_rows():
            if outcome in FINAL:
                found.setdefault(incident, []).append((outcome, kb_id))
        return found

    def report_entries(self) -> list[dict[str, Any]]:
        """Every line of every run report (``run_<id>.jsonl``), in file order."""
        entries = []
        for path in sorted((self.output_dir / "reportes").glob("run_*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    entries.append(json.loads(line))
        return entries

    def incident(self, code: str) -> dict[str, Any]:
        """The incident as the mock holds it (straight to the service, not through a proxy)."""
        url = f"{self.mocks.incident_manager_url}/api/incidencias/{code}"
        response = httpx.get(url, headers=AUTH, timeout=10)
        response.raise_for_status()
        return dict(response.json())

    def open_queue(self, mailbox: str = "SOPORTE_N1") -> list[str]:
        url = f"{self.mocks.incident_manager_url}/api/incidencias"
        response = httpx.get(url, params={"buzon": mailbox}, headers=AUTH, timeout=10)
        response.raise_for_status()
        return [i["codIncidencia"] for i in response.json()]

    def request_log(self) -> list[dict[str, Any]]:
        """Both services' request logs (oldest first)."""
        url = f"{self.mocks.incident_manager_url}/api/_requests"
        response = httpx.get(url, params={"service": "*", "limit": 10000}, headers=AUTH, timeout=10)
        response.raise_for_status()
        return list(response.json())

    def pending_threads(self) -> list[str]:
        """Checkpointed incident threads a later run would resume."""
        from langgraph.checkpoint.sqlite import SqliteSaver

        from graph.builder import build_graph

        path = self.data_dir / "checkpoints.sqlite"
        if not path.exists():
            return []
        with contextlib.closing(sqlite3.connect(path, check_same_thread=False)) as conn:
            graph = build_graph(SqliteSaver(conn))
            threads = {c.config["configurable"]["thread_id"] for c in graph.checkpointer.list(None)}
            return sorted(
                t for t in threads if graph.get_state({"configurable": {"thread_id": t}}).next
            )


def engine_entries(incident: dict[str, Any]) -> list[dict[str, Any]]:
    """History entries the engine wrote."""
    return [e for e in incident.get("historial", []) if e.get("Autor") == "resolvia"]


@dataclass
class SideEffects:
    """What the services received, per incident: the incident manager's effective changes
    (distinct idempotency keys of successful PATCHes) and the repeats they absorbed, and the
    target system's (read-only) action checks."""

    patches: Counter[str] = field(default_factory=Counter)
    replays: Counter[str] = field(default_factory=Counter)
    checks: int = 0
    #: per incident, (idempotency key, body) of every change it was sent that the service
    #: applied or refused as a conflict
    sent: dict[str, set[tuple[str | None, str]]] = field(default_factory=dict)

    def repeated_differently(self, code: str) -> bool:
        """A change sent again in another form: the same body under a second idempotency key
        (applied twice, or refused because the first one closed the incident), or the same
        key with another body (refused as a conflict)."""
        sent = self.sent.get(code, set())
        bodies = [body for _, body in sent]
        keys = [key for key, _ in sent]
        return len(bodies) != len(set(bodies)) or len(keys) != len(set(keys))

    @classmethod
    def from_log(cls, rows: list[dict[str, Any]]) -> SideEffects:
        effects = cls()
        keys: dict[str, set[str]] = {}
        for row in rows:
            if row["method"] == "PATCH" and row["status"] in (200, 409):
                code = row["path"].rsplit("/", 1)[-1]
                effects.sent.setdefault(code, set()).add((row["idempotency_key"], row["body"]))
            if row["method"] == "PATCH" and row["status"] == 200:
                code = row["path"].rsplit("/", 1)[-1]
                seen = keys.setdefault(code, set())
                if row["idempotency_key"] in seen:
                    effects.replays[code] += 1
                else:
                    seen.add(row["idempotency_key"])
                    effects.patches[code] += 1
            elif row["method"] == "POST" and row["path"].endswith("/comprobacionPoliza"):
                effects.checks += 1
        return effects


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """kill -9 the process and anything in its group; reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=30)


def copy_index(template: Path, data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copytree(template / "qdrant", data_dir / "qdrant")
