"""``resolvia run --workers N``: N worker processes over one incident queue.

The parent holds the data directory's run lock for the whole run, starts the workers, forwards
SIGTERM/SIGINT to them, and adds their summaries up into one summary and one exit code. Each
worker (the hidden ``resolvia worker`` command) is the usual run loop
(:func:`graph.runner.run_queue`) with a claimant: it claims every incident before touching it
(:mod:`adapters.claims`), so two workers never act on the same incident, and a dead worker's
incident is taken over and resumed from its checkpoint once its lease is gone. The parent ends
a dead worker's leases at once (it saw it die) and starts a replacement, so the queue is
finished even when the dead worker was the last one busy.

Processes, not threads, because the engine's work between model calls is Python (the graph,
checkpoints, retrieval) and holds the GIL. What the workers cannot each open for themselves:

* **the index**: Qdrant's local mode is one directory that one process at a time may open
  ("already accessed by another instance"). The parent copies it for each worker (under
  ``DATA_DIR/workers/<run>/<worker>/qdrant``, removed at the end; the knowledge base is a few
  thousand rows at most, so a copy is cheap) while it holds the directory's own lock, so no
  ``batch.py`` rewrites it half-way; the workers read their copy (``QDRANT_PATH``). With
  ``QDRANT_URL`` the workers share the Qdrant server and nothing is copied.
* **the model**: a managed llama.cpp server is a model process; one at a time fits this kind of
  machine. The parent starts it once and gives the workers its URL (``LLAMACPP_SERVER_URLS``);
  it serves their requests in turn. Other providers (an OpenAI-compatible server, Ollama,
  OpenAI) are servers already and are shared as they are. A llamacpp *fallback* model is still
  started by a worker that needs it (one per such worker).
* **the stores**: the SQLite files under ``DATA_DIR`` (outcomes, checkpoints, LLM history,
  approvals, claims) are shared by every worker in WAL mode.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import structlog
import typer

from adapters import stores
from adapters.claims import Claimant, open_claims, worker_run_id
from adapters.supervisor import module_command, repo_env
from cli.common import ExitCode, expected_failures, setup
from config import Settings
from errors import ResolviaError

log = structlog.get_logger("resolvia.workers")

#: summary keys added up over the workers; the queue-wide ones take the largest
SUMMED = (
    "processed",
    "resolved",
    "reassigned",
    "on_hold",
    "escalated",
    "errors",
    "pending_approval",
    "degraded",
    "reprocessed",
    "llm_calls",
    "llm_tokens",
)
#: every worker triages the same queue: these count incidents of the queue, not of a worker
QUEUE_WIDE = ("skipped", "awaiting_approval", "pending")
POLL_S = 0.2


class WorkersError(ResolviaError):
    """The workers could not be set up (their index copies, the shared model)."""


@dataclass
class Worker:
    worker_id: str
    run_id: str
    process: subprocess.Popen[bytes]
    #: exit code once it ended (minus the signal number when a signal ended it)
    code: int | None = None


@dataclass
class WorkersRun:
    """What the parent saw: every worker it started, and the summary each one wrote."""

    run_id: str
    workers: list[Worker] = field(default_factory=list)
    #: workers that died by a signal while the run was not being stopped
    died: list[str] = field(default_factory=list)
    interrupted: str | None = None


def workers_dir(settings: Settings, run_id: str | None = None) -> Path:
    root = settings.DATA_DIR / "workers"
    return root if run_id is None else root / run_id


@contextlib.contextmanager
def _index_lock(index_dir: Path) -> Iterator[None]:
    """Qdrant's own lock on its local directory (its ``.lock`` file, flock'ed by the client):
    nobody writes the index while it is copied."""
    path = index_dir / ".lock"
    if not path.exists():
        yield
        return
    with path.open("r+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WorkersError(
                f"the index at {index_dir} is open in another process (batch.py, `resolvia "
                "index`, the console?): wait for it to finish, or set QDRANT_URL to share a "
                "Qdrant server"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def copy_index(settings: Settings, dest: Path) -> None:
    """A private copy of the local index for one worker."""
    source = settings.qdrant_path
    if not source.is_dir():
        raise WorkersError(
            f"no knowledge-base index in {source}: run `python batch.py` first (or set QDRANT_URL)"
        )
    with _index_lock(source):
        shutil.copytree(source, dest, ignore=shutil.ignore_patterns(".lock"))


def shared_model_urls(settings: Settings, model: str | None) -> dict[str, str]:
    """Start the managed llama.cpp server of a ``llamacpp/`` primary model once, here, and
    return the URLs the workers use (with those already configured)."""
    from adapters.llm.specs import parse_spec

    urls = dict(settings.LLAMACPP_SERVER_URLS)
    spec = parse_spec(model or settings.LLM_MODEL)
    if spec.provider == "llamacpp" and str(spec) not in urls:
        # imported only here: the provider layer is slow to import, the workers do it anyway
        from adapters.llm.providers import adapter_of, check_lora_adapter, resolve_gguf
        from adapters.llm.server import get_server

        # the workers take this server as it is: it must serve the adapter they would apply
        check_lora_adapter(settings, str(spec))
        server = get_server(
            resolve_gguf(spec, settings),
            n_ctx=settings.LLM_N_CTX,
            n_threads=settings.LLM_N_THREADS,
            start_timeout_s=settings.LLM_SERVER_START_TIMEOUT_S,
            log_dir=settings.logs_dir,
            lora_path=adapter_of(spec, settings.LLM_LORA_ADAPTER),
        )
        urls[str(spec)] = server.base_url
    return urls


def _wal(path: Path) -> None:
    """WAL mode (it stays with the file): readers do not block the workers' writes. The other
    stores a run writes set it themselves."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")


class _Spawner:
    """Starts workers with the same arguments; each gets its own index copy when needed."""

    def __init__(
        self,
        settings: Settings,
        run: WorkersRun,
        mailboxes: list[str],
        model: str | None,
        model_urls: dict[str, str],
    ) -> None:
        self.settings = settings
        self.run = run
        self.mailboxes = mailboxes
        self.model = model
        self.model_urls = model_urls

    def spawn(self) -> Worker:
        worker_id = f"w{len(self.run.workers) + 1}"
        env = dict(os.environ)
        if self.model_urls:
            env["LLAMACPP_SERVER_URLS"] = json.dumps(self.model_urls)
        if not self.settings.QDRANT_URL:
            index = workers_dir(self.settings, self.run.run_id) / worker_id / "qdrant"
            copy_index(self.settings, index)
            env["QDRANT_PATH"] = str(index)
        args = ["worker", "--queue-run", self.run.run_id, "--worker-id", worker_id]
        for mailbox in self.mailboxes:
            args += ["--buzon", mailbox]
        if self.model:
            args += ["--model", self.model]
        # under the supervisor's watchdog: a worker ends as soon as this process is gone, even
        # after a kill -9; in its own session, so a Ctrl-C reaches the parent only, which
        # forwards it. Its logs go to this process's stderr, one JSON line per event.
        process = subprocess.Popen(
            module_command("cli", *args),
            env=repo_env(env),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        worker = Worker(worker_id, worker_run_id(self.run.run_id, worker_id), process)
        self.run.workers.append(worker)
        log.info("worker.started", worker=worker_id, pid=process.pid, worker_run=worker.run_id)
        return worker


def _signal(worker: Worker, signum: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(worker.process.pid, signum)


def run_workers(
    settings: Settings, run_id: str, mailboxes: list[str], count: int, model: str | None = None
) -> WorkersRun:
    """Work the queue with ``count`` worker processes; returns when all have ended."""
    from adapters.llm.server import stop_all
    from adapters.run_lock import run_lock

    run = WorkersRun(run_id)
    with contextlib.ExitStack() as stack:
        stack.enter_context(run_lock(settings.DATA_DIR, run_id))
        # copies left by a parent that was killed: nobody uses them (we hold the lock)
        shutil.rmtree(workers_dir(settings), ignore_errors=True)
        stack.callback(shutil.rmtree, workers_dir(settings), True)
        stack.callback(stop_all)  # the managed llama.cpp server, if this process started one
        outcomes = stores.location(settings, "outcomes")
        if isinstance(outcomes, Path):  # with DATABASE_URL the outcomes are in Postgres
            _wal(outcomes)
        # report lines a killed run committed but never wrote (no worker runs yet)
        _catch_up_reports(settings, run_id)
        claims = open_claims(settings, run_id, lease_s=settings.CLAIM_LEASE_S)
        stack.callback(claims.close)
        spawner = _Spawner(settings, run, mailboxes, model, shared_model_urls(settings, model))
        stack.callback(_stop_all, run)
        for _ in range(count):
            spawner.spawn()
        with _forwarded_signals(run):
            _watch(run, spawner, claims, replacements=count)
        # a worker killed between committing an outcome and writing its report line: the
        # worker that then found the incident done does not write it; no worker runs now
        _catch_up_reports(settings, run_id)
        from adapters.retention import prune_after_run

        prune_after_run(settings)  # retention (RETENTION_*_DAYS), while the lock is held
    return run


def _catch_up_reports(settings: Settings, run_id: str) -> int:
    """Write the report lines that killed runs committed but never wrote (see
    :meth:`RunRecorder.catch_up_reports`); only while no worker of this run is running."""
    recorder = stores.open_recorder(settings, run_id)
    try:
        caught_up = recorder.catch_up_reports()
    finally:
        recorder.close()
    if caught_up:
        log.warning("run.reports_caught_up", lines=caught_up)
    return caught_up


def _stop_all(run: WorkersRun) -> None:
    """Whatever still runs when the parent leaves (an error, a second signal) is killed."""
    for worker in run.workers:
        if worker.process.poll() is None:
            _signal(worker, signal.SIGKILL)
            worker.process.wait(timeout=30)
            worker.code = worker.process.returncode


def _watch(run: WorkersRun, spawner: _Spawner, claims: Any, *, replacements: int) -> None:
    """Wait for every worker; a worker killed by a signal (not by ours) has its leases ended
    and is replaced, at most ``replacements`` times in all."""
    running = list(run.workers)
    while running:
        time.sleep(POLL_S)
        for worker in list(running):
            code = worker.process.poll()
            if code is None:
                continue
            running.remove(worker)
            worker.code = code
            if code >= 0 or run.interrupted:
                log.info("worker.ended", worker=worker.worker_id, code=code)
                continue
            run.died.append(worker.worker_id)
            freed = claims.expire_worker(worker.worker_id)
            log.error("worker.died", worker=worker.worker_id, signal=-code, incidents_freed=freed)
            if replacements > 0:
                replacements -= 1
                running.append(spawner.spawn())


@contextlib.contextmanager
def _forwarded_signals(run: WorkersRun) -> Iterator[None]:
    """The first SIGTERM/SIGINT is passed on to the workers as SIGTERM: each finishes the
    incident in hand and stops. A second one kills them and stops the parent."""
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}

    def handler(signum: int, frame: Any) -> None:
        if run.interrupted:
            _stop_all(run)
            raise SystemExit(128 + signum)
        run.interrupted = signal.Signals(signum).name
        log.warning("run.stop_requested", signal=run.interrupted, workers=len(run.workers))
        for worker in run.workers:
            if worker.process.poll() is None:
                _signal(worker, signal.SIGTERM)

    for sig in previous:
        signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def read_summary(settings: Settings, worker: Worker) -> dict[str, Any] | None:
    """The summary a worker wrote at its end (none when it died or failed to start)."""
    path = settings.reports_dir / f"run_{worker.run_id}_summary.json"
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def combine(
    run: WorkersRun, summaries: dict[str, dict[str, Any] | None], seconds: float
) -> dict[str, Any]:
    """One summary for the queue run: the workers' counts added up (the queue-wide ones, which
    every worker sees, as the largest), and one line per worker."""
    found = [s for s in summaries.values() if s is not None]
    result: dict[str, Any] = {key: sum(int(s.get(key) or 0) for s in found) for key in SUMMED}
    result.update(
        {key: max((int(s.get(key) or 0) for s in found), default=0) for key in QUEUE_WIDE}
    )
    claims = [s.get("worker") or {} for s in found]
    result.update(
        {
            "run_id": run.run_id,
            "interrupted": bool(run.interrupted) or any(s.get("interrupted") for s in found),
            # a worker that could not record (the database lost): the first one's reason
            "stopped": next((s["stopped"] for s in found if s.get("stopped")), None),
            "seconds": round(seconds, 2),
            "report": str(Path(found[0]["report"]).parent) if found else "",
            "reports": [s["report"] for s in found],
            "taken_over": sum(int(c.get("taken_over") or 0) for c in claims),
            "workers_died": len(run.died),
            "workers": [
                {
                    "worker": w.worker_id,
                    "run_id": w.run_id,
                    "pid": w.process.pid,
                    "exit": w.code,
                    "processed": (summaries.get(w.worker_id) or {}).get("processed"),
                    # its run loop, start-up left out (the benchmark's steady-state figure)
                    "seconds": (summaries.get(w.worker_id) or {}).get("seconds"),
                }
                for w in run.workers
            ],
        }
    )
    return result


def healthy(result: dict[str, Any]) -> bool:
    """Every worker ended well and the queue run is healthy as a one-process run would be."""
    return not (
        result["errors"]
        or result["degraded"]
        or result["interrupted"]
        or result.get("stopped")
        or result["workers_died"]
        or any(w["exit"] != 0 for w in result["workers"])
    )


def worker(
    queue_run: Annotated[str, typer.Option("--queue-run", help="The parent's run id.")],
    worker_id: Annotated[str, typer.Option("--worker-id", help="This worker's name (w1...).")],
    buzon: Annotated[
        list[str] | None, typer.Option("--buzon", help="Mailbox to work on (repeatable).")
    ] = None,
    model: Annotated[str | None, typer.Option(help="Model spec (default: LLM_MODEL).")] = None,
) -> None:
    """One worker of `resolvia run --workers N` (started by it: not for people)."""
    from graph.context import RunOptions
    from graph.runner import engine, run_queue

    run_id = worker_run_id(queue_run, worker_id)
    settings = setup(run_id=run_id)
    structlog.contextvars.bind_contextvars(worker=worker_id, queue_run=queue_run)
    log.info("worker.start", mailboxes=buzon or settings.mailboxes, pid=os.getpid())
    with (
        expected_failures(),
        engine(settings, run_id, RunOptions(), model=model, lock=False) as (ctx, graph),
    ):
        claims = open_claims(settings, queue_run, lease_s=settings.CLAIM_LEASE_S)
        try:
            summary = run_queue(
                ctx, graph, buzon or settings.mailboxes, claimant=Claimant(claims, worker_id)
            )
        finally:
            claims.close()
    if not summary.healthy:
        raise typer.Exit(ExitCode.FAILURE)
