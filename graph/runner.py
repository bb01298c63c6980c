"""One scheduled run over the incident queue: every incident ends in exactly one outcome.

* each incident is a LangGraph thread (``thread_id`` = incident id) checkpointed in SQLite
  (or Postgres: ``DATABASE_URL``), so a run killed half-way resumes where it stopped — threads
  left unfinished by an earlier run are resumed first, even if their incident no longer shows
  as open;
* incidents with a final outcome in the outcome store are skipped, except an ``on_hold`` or
  ``escalated`` one with new activity (someone other than the engine wrote in its history after
  the engine's last entry): it is re-processed, and its new outcome joins the outcome history.
  :func:`run_incident` processes one incident by code (``resolvia run --incident``);
* any unexpected failure of one incident is recorded as its ``error`` outcome and the run
  goes on with the next; a failure to record (:class:`RunRecordError`: a full or read-only
  disk) stops the run instead, before it changes incidents it cannot account for;
* a finished thread's checkpoints are deleted (the outcome store is the durable record), which
  keeps the checkpoint file from growing without bound;
* a thread is unfinished while its snapshot has a next step or a task: a node whose writes
  were saved before the step's checkpoint counts, and resuming applies those writes. Every step
  is checkpointed before the next one starts (``durability="sync"``), so a side effect never
  runs ahead of the checkpoint that leads to it, and a kill repeats it under the same key;
* a change whose answer was lost (:class:`nodes.apply.UnconfirmedChangeError`) is recorded as
  the incident's error outcome and its thread kept at that step: the next run repeats the same
  idempotent request, whether or not the incident is still in the open queue;
* supervised mode: a thread that stopped before a side effect (``await_approval``) keeps its
  checkpoints; the incident is recorded as ``pending_approval`` and the proposed action written
  to the approvals store (:mod:`adapters.approvals`). Later runs leave it alone until a person
  decides, then resume the thread with ``Command(resume=decision)``: the action is applied
  once (or the incident escalated with the reviewer's note), even when the engine restarted in
  between, since the thread lives in the checkpoint file.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Literal, cast

import structlog
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from langgraph.types import Command, Durability

from adapters import stores
from adapters.approvals import ApprovalError, ApprovalRecord, Approvals
from adapters.claims import Claim, Claimant
from adapters.incident_manager import HttpIncidentManager, Incidencia, MalformedIncident
from adapters.llm.client import build_llm_client
from adapters.llm.providers import check_lora_adapter
from adapters.llm.server import stop_all
from adapters.ocr import TesseractOcr
from adapters.run_lock import run_lock
from adapters.run_records import (
    FINAL,
    PENDING_APPROVAL,
    REPROCESSABLE,
    RunRecordError,
    StoredOutcome,
)
from adapters.target_system import HttpTargetSystem
from adapters.vector_store import KBIndexError, open_index
from config import Settings
from domain.activity import new_activity
from domain.policy import Step
from domain.reasons import Reason, explain
from errors import AlreadyHandledError, ExternalServiceError, ServiceErrorKind
from graph.builder import build_graph
from graph.context import (
    EngineContext,
    PromptVersions,
    RunOptions,
    choose_confidence,
    load_knowledge_base,
)
from graph.row_likelihood import RowBaselines, check_row_likelihood, model_tag
from graph.slots import Finished, Slots
from nodes.apply import UnconfirmedChangeError
from nodes.record import outcome_entry
from observability.logging import incident_scope
from observability.metrics import observe_run

log = structlog.get_logger(__name__)

SUMMARY_KEYS = ("resolved", "reassigned", "on_hold", "escalated", "errors", "pending_approval")
#: every step's checkpoint is on disk before the next step starts (LangGraph's default,
#: "async", writes it while the next step runs: a side effect could outrun it)
DURABILITY: Durability = "sync"
#: how often a worker tries again the incidents other workers hold
CLAIM_POLL_S = 0.5


@dataclass(frozen=True)
class WorkItem:
    """One incident a run will process."""

    incident_id: str
    #: as the incident manager served it; None resumes the thread an earlier run left
    incident: Incidencia | None
    #: it has a final outcome that a new decision replaces (re-opened before it runs)
    reprocess: bool = False
    #: a person's decision on the action the thread waits for (``Command(resume=...)``)
    resume: dict[str, Any] | None = None


@dataclass
class RunSummary:
    run_id: str
    processed: int = 0
    skipped: int = 0
    #: processed again although an earlier decision was final (new activity, or ``--force``)
    reprocessed: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    report: str = ""
    llm_calls: int = 0
    llm_tokens: int = 0
    outcomes: list[dict[str, Any]] = field(default_factory=list)
    #: incidents whose decision was taken while a model call failed (counted in their outcome too)
    degraded: int = 0
    #: a SIGTERM/SIGINT stopped the run between incidents; ``pending`` were not started
    interrupted: bool = False
    pending: int = 0
    #: threads stopped before an action in an earlier run, still waiting for a person
    awaiting_approval: int = 0
    #: one worker of several (``resolvia run --workers``): its claim figures, else None
    worker: dict[str, Any] | None = None
    #: why the run stopped early because it could not record (a full disk, the database of
    #: DATABASE_URL lost): the incidents in hand resume from their checkpoints, ``pending``
    #: were not finished; None for a run that was not stopped
    stopped: str | None = None

    @property
    def healthy(self) -> bool:
        """Nothing failed, nothing was decided on missing evidence, the run was not cut short."""
        return not (self.counts["error"] or self.degraded or self.interrupted or self.stopped)

    def as_dict(self) -> dict[str, Any]:
        return {
            "processed": self.processed,
            "resolved": self.counts["resolved"],
            "reassigned": self.counts["reassigned"],
            "on_hold": self.counts["on_hold"],
            "escalated": self.counts["escalated"],
            "errors": self.counts["error"],
            # stopped before the side effect in this run: waiting for a person
            "pending_approval": self.counts[PENDING_APPROVAL],
            "awaiting_approval": self.awaiting_approval,
            "degraded": self.degraded,
            "skipped": self.skipped,
            "reprocessed": self.reprocessed,
            "interrupted": self.interrupted,
            "stopped": self.stopped,
            "pending": self.pending,
            "seconds": round(self.seconds, 2),
            "report": self.report,
            **({"worker": self.worker} if self.worker is not None else {}),
        }


def checkpoint_serializer() -> JsonPlusSerializer:
    """The checkpoints' serializer, with the enums the state holds (the policy's step and
    reason) allowed by name: a thread that waits days for a person must still load when
    LangGraph refuses unlisted types (``LANGGRAPH_STRICT_MSGPACK``, its announced default)."""
    return JsonPlusSerializer(allowed_msgpack_modules=[Step, Reason])


@contextmanager
def engine(
    settings: Settings,
    run_id: str,
    options: RunOptions | None = None,
    *,
    model: str | None = None,
    lock: bool = True,
) -> Iterator[tuple[EngineContext, Any]]:
    """The context and compiled graph for one run; everything is closed afterwards. Without
    ``lock``, the caller holds the data directory's run lock (a worker of ``--workers``)."""
    options = options or RunOptions()
    # an unusable artifact or registered version stops the run here, naming it
    confidence = choose_confidence(settings)
    check_lora_adapter(settings, model)  # so does a LoRA adapter that does not fit the model
    # and a confidence model that uses row_pmi with a model server that cannot measure it
    check_row_likelihood(settings, confidence, model)
    with ExitStack() as stack:
        if lock:  # one run per data directory
            stack.enter_context(run_lock(settings.DATA_DIR, run_id))
        index = stack.enter_context(open_index(settings))
        if index.live_collection() is None:
            raise KBIndexError(
                f"no knowledge-base index '{settings.QDRANT_COLLECTION}' in "
                f"{settings.QDRANT_URL or settings.qdrant_path}: run `python batch.py` first"
            )
        # the file the index was built from (``index --csv`` too); stops if it changed since
        kb = load_knowledge_base(settings, index)
        incidents = HttpIncidentManager.from_settings(settings)
        stack.callback(incidents.close)
        target = HttpTargetSystem.from_settings(settings)
        stack.callback(target.close)
        # SQLite files under DATA_DIR, or Postgres with DATABASE_URL (adapters.stores)
        history = stores.open_llm_history(settings)
        stack.callback(history.close)
        recorder = stores.open_recorder(settings, run_id)
        stack.callback(recorder.close)
        if lock and not options.dry_run:  # alone on this data directory: no run is writing
            caught_up = recorder.catch_up_reports()
            if caught_up:
                log.warning("run.reports_caught_up", lines=caught_up)
        stack.callback(stop_all)  # the managed llama.cpp server, if one was started
        checkpointer: BaseCheckpointSaver[Any]
        if options.dry_run:
            # A dry run must never leave a thread that a real run could resume and apply.
            checkpointer = InMemorySaver()
        else:
            # personal data redacted before it is written (adapters.checkpoints)
            saver = stores.open_checkpointer(settings, serde=checkpoint_serializer())
            stack.callback(stores.close_checkpointer, saver)
            checkpointer = cast(BaseCheckpointSaver[Any], saver)
        ctx = EngineContext(
            settings=settings,
            llm=build_llm_client(settings, model),
            index=index,
            incidents=incidents,
            target=target,
            ocr=TesseractOcr(settings.DATA_DIR / "ocr_cache"),
            history=history,
            recorder=recorder,
            run_id=run_id,
            components=kb.components(),
            options=options,
            prompts=PromptVersions(critique_verdict=settings.CRITIC_PROMPT_VERSION),
            confidence_model=confidence.model,
            confidence=confidence,
            row_baselines=RowBaselines(
                settings.DATA_DIR / "row_likelihood", model_tag(settings.LLM_LORA_ADAPTER)
            ),
        )
        yield ctx, build_graph(checkpointer)


def unfinished(graph: Any, thread_id: str) -> bool:
    """Whether the thread stopped before its end. ``next`` leaves out the tasks whose writes
    were saved before the step's checkpoint (a kill in between): those are in ``tasks``."""
    snapshot = graph.get_state({"configurable": {"thread_id": thread_id}})
    return bool(snapshot.next or snapshot.tasks)


def _pending_threads(graph: Any) -> list[str]:
    """Incident ids whose thread stopped before the end (a previous run died, or a change
    was left unconfirmed)."""
    checkpointer = graph.checkpointer
    threads = dict.fromkeys(c.config["configurable"]["thread_id"] for c in checkpointer.list(None))
    pending = []
    for thread in threads:
        if thread.startswith("dry-"):  # left by an older version's dry run: never resume
            checkpointer.delete_thread(thread)
        elif unfinished(graph, thread):
            pending.append(thread)
    return pending


def process_one(
    ctx: EngineContext,
    graph: Any,
    incident: Incidencia | None,
    thread_id: str,
    resume: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Run (or resume) one incident's thread; return its outcome entry. ``resume`` is a
    person's decision for a thread waiting in ``await_approval``. A thread that stops there
    is kept (its entry's outcome is ``pending_approval``), and so is one whose change was left
    unconfirmed (its entry, the error outcome, is recorded here: the graph did not get to
    ``record``)."""
    config = {"configurable": {"thread_id": thread_id}}
    if unfinished(graph, thread_id):  # resume where it stopped
        start: Any = None if resume is None else Command(resume=resume)
    else:
        assert incident is not None
        start = {"incident": incident.model_dump()}
    try:
        final = graph.invoke(start, config, context=ctx, durability=DURABILITY)
    except UnconfirmedChangeError as exc:
        log.warning("incident.change_unconfirmed", error=str(exc)[:300])
        entry = outcome_entry({**graph.get_state(config).values, "decision": exc.decision})
        entry["details"] = {**entry["details"], "unconfirmed": True}
        if ctx.recorder is not None:
            ctx.recorder.record(entry, dry_run=ctx.dry_run)
        return entry
    if final.get("__interrupt__"):
        return outcome_entry(final)  # waits for a person: the thread stays
    graph.checkpointer.delete_thread(thread_id)
    return outcome_entry(final)


def _resume_item(graph: Any, approvals: Approvals, thread_id: str) -> WorkItem | ApprovalRecord:
    """How a run takes up a thread left unfinished: a :class:`WorkItem`, or the pending
    :class:`ApprovalRecord` it still waits on (the run leaves it alone)."""
    if not graph.get_state({"configurable": {"thread_id": thread_id}}).interrupts:
        return WorkItem(thread_id, None)  # a run died mid-way: resume where it stopped
    record = approvals.waiting(thread_id)
    if record is None:  # stopped, but the proposal never reached the store: ask again
        return WorkItem(thread_id, None)
    if record.status == "pending":
        return record
    return WorkItem(thread_id, None, resume=record.resume_value())


@dataclass
class StopRequest:
    """Set by a SIGTERM/SIGINT during a run: the signal's name, else None."""

    requested: str | None = None


@contextmanager
def _stop_requests() -> Iterator[StopRequest]:
    """The first SIGTERM or SIGINT asks the run to stop after the current incident (its thread
    is checkpointed either way); a second one stops it at once, as before."""
    stop = StopRequest()
    if threading.current_thread() is not threading.main_thread():
        yield stop  # signal handlers can only be installed from the main thread
        return
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}

    def handler(signum: int, frame: Any) -> None:
        if stop.requested:  # the second signal: the old behaviour
            old = previous[signal.Signals(signum)]
            if callable(old):
                old(signum, frame)
            raise SystemExit(128 + signum)
        stop.requested = signal.Signals(signum).name
        log.warning("run.stop_requested", signal=stop.requested)

    for sig in previous:
        signal.signal(sig, handler)
    try:
        yield stop
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


#: what a run does with an incident: leave it, process it, or replace a final outcome
Triage = Literal["skip", "process", "reprocess"]


def triage(current: StoredOutcome | None, incident: Incidencia) -> Triage:
    """What a run does with an open incident, given its current outcome in the store.

    ``on_hold`` and ``escalated`` come back (``reprocess``) when someone other than the engine
    wrote in the history after the engine's last entry; ``resolved`` and ``reassigned`` never
    come back by themselves. Errors and unknown incidents are processed.
    """
    if current is None or current.outcome not in FINAL:
        return "process"
    if current.reopened_by is not None:  # a run re-opened it and died before recording
        return "reprocess"
    if current.outcome in REPROCESSABLE and new_activity(incident.model_dump()):
        return "reprocess"
    return "skip"


def _done(claimant: Claimant | None, incident_id: str) -> bool:
    """Finished by a worker of the same queue run (``resolvia run --workers``)."""
    return claimant is not None and claimant.done_in_run(incident_id)


def run_queue(
    ctx: EngineContext,
    graph: Any,
    mailboxes: list[str],
    *,
    limit: int | None = None,
    on_progress: Callable[[str, dict[str, Any] | None, int], None] | None = None,
    claimant: Claimant | None = None,
) -> RunSummary:
    """Work the open incidents of ``mailboxes`` (threads an earlier run left first). With a
    ``claimant`` (one worker of several on the queue), every incident is claimed before it is
    touched, and those another worker of the queue run finished are left out."""
    started = time.perf_counter()
    summary = RunSummary(run_id=ctx.run_id)
    assert ctx.recorder is not None

    work: list[WorkItem] = []
    seen: set[str] = set()
    with Approvals(ctx.settings) as approvals:
        if not ctx.dry_run:
            # (one a worker of this queue run finished is not pending: it kept an unconfirmed
            # change's thread, recorded as an error, which the next queue run repeats)
            for thread in [t for t in _pending_threads(graph) if not _done(claimant, t)]:
                seen.add(thread)
                item = _resume_item(graph, approvals, thread)
                if isinstance(item, WorkItem):
                    work.append(item)
                else:
                    summary.awaiting_approval += 1
        malformed: list[MalformedIncident] = []
        for mailbox in mailboxes:
            for incident in ctx.incidents.list_open(mailbox, malformed):
                code = incident.codIncidencia
                if code in seen or _done(claimant, code):  # _done: another worker finished it
                    continue
                seen.add(code)
                if ctx.dry_run:  # a dry run decides everything afresh
                    work.append(WorkItem(code, incident))
                    continue
                current = ctx.recorder.current(code)
                verdict = triage(current, incident)
                if verdict == "skip":
                    summary.skipped += 1
                    if current is not None and current.outcome in ("resolved", "reassigned"):
                        # open again after the engine closed or reassigned it: the decision did
                        # not hold (the dashboards' "resolved, later reopened" precision proxy)
                        log.info(
                            "incident.came_back",
                            incident_id=code,
                            previous=current.outcome,
                            kb_id=current.kb_id,
                        )
                    continue
                if current is not None and verdict == "reprocess":
                    log.info("incident.new_activity", incident_id=code, previous=current.outcome)
                work.append(WorkItem(code, incident, reprocess=verdict == "reprocess"))
        _record_malformed(ctx, graph, malformed, summary, claimant, seen)
        if limit is not None:
            work = work[:limit]
        scope = {"mailboxes": mailboxes}
        return _work_through(
            ctx, graph, work, summary, started, scope, on_progress, approvals, claimant
        )


def _record_malformed(
    ctx: EngineContext,
    graph: Any,
    malformed: list[MalformedIncident],
    summary: RunSummary,
    claimant: Claimant | None,
    seen: set[str],
) -> None:
    """Open incidents that do not follow the contract cannot be worked, and must not stop the
    rest of the queue: each is an error outcome that says what is wrong (fixed in the incident
    manager, it is taken up by the next run). One without a usable code is logged and counted
    as an error of the run."""
    assert ctx.recorder is not None
    for bad in malformed:
        log.error("incident.malformed", incident_id=bad.code, error=bad.error)
        if bad.code is None:
            summary.counts["error"] += 1
            continue
        if bad.code in seen or _done(claimant, bad.code):
            continue
        seen.add(bad.code)
        if claimant is not None and not _claim(ctx, graph, claimant, bad.code, summary).granted:
            continue  # another worker records it
        entry = {
            "incident_id": bad.code,
            "outcome": "error",
            "reason": Reason.MALFORMED_INCIDENT.value,
            "explanation": explain(Reason.MALFORMED_INCIDENT, bad.error),
        }
        ctx.recorder.record(entry, dry_run=ctx.dry_run)
        if claimant is not None:
            claimant.release(bad.code, done=True)
        _count(summary, WorkItem(bad.code, None), entry)


def run_incident(
    ctx: EngineContext,
    graph: Any,
    incident_id: str,
    *,
    force: bool = False,
    on_progress: Callable[[str, dict[str, Any] | None, int], None] | None = None,
) -> RunSummary:
    """Process one incident by code, whether or not it is in the open queue.

    A thread an earlier run left unfinished is resumed. Otherwise the incident is fetched; one
    with a final outcome (any: asking by code is a person's decision) and no new activity
    since the engine's last entry is refused (:class:`AlreadyHandledError`) unless ``force``.
    An unknown code raises :class:`ExternalServiceError` (``not_found``) naming it.
    """
    started = time.perf_counter()
    summary = RunSummary(run_id=ctx.run_id)
    assert ctx.recorder is not None
    with Approvals(ctx.settings) as approvals:
        if not ctx.dry_run and unfinished(graph, incident_id):
            waiting = _resume_item(graph, approvals, incident_id)
            if not isinstance(waiting, WorkItem):
                raise ApprovalError(
                    f"incident {incident_id} waits for a person's decision on approval "
                    f"{waiting.id} ({waiting.action}): `resolvia approve {waiting.id}` or "
                    f"`resolvia reject {waiting.id} --note ...`"
                )
            item = waiting
        else:
            incident = _fetch(ctx, incident_id)
            current = None if ctx.dry_run else ctx.recorder.current(incident_id)
            verdict = triage(current, incident)
            if verdict == "skip" and current is not None:
                if not (force or new_activity(incident.model_dump())):
                    raise AlreadyHandledError(
                        f"incident {incident_id} already has a final outcome ({current.outcome}, "
                        f"run {current.run_id}) and nothing new in its history since the engine's "
                        "last note; use --force to process it anyway"
                    )
                verdict = "reprocess"
            item = WorkItem(incident_id, incident, reprocess=verdict == "reprocess")
        scope = {"incident": incident_id, "force": force}
        return _work_through(ctx, graph, [item], summary, started, scope, on_progress, approvals)


def _fetch(ctx: EngineContext, incident_id: str) -> Incidencia:
    try:
        return ctx.incidents.get(incident_id)
    except ExternalServiceError as exc:
        if exc.kind is not ServiceErrorKind.NOT_FOUND:
            raise
        raise ExternalServiceError(
            f"no incident {incident_id!r} in the incident manager",
            service=exc.service,
            kind=exc.kind,
            status_code=exc.status_code,
        ) from None


def _settle(
    ctx: EngineContext, graph: Any, approvals: Approvals, thread_id: str, entry: dict[str, Any]
) -> None:
    """Supervised mode, after a thread ran: a stop is recorded (outcome and proposal, whose
    approval id joins the entry); an end settles the decision it was resumed with (a change
    left unconfirmed is no end: the next run repeats it)."""
    if entry["outcome"] != PENDING_APPROVAL:
        if not entry["details"].get("unconfirmed"):
            approvals.settle(thread_id, ctx.run_id, entry["outcome"])
        return
    assert ctx.recorder is not None
    (waiting, *_) = graph.get_state({"configurable": {"thread_id": thread_id}}).interrupts
    record = approvals.propose(
        thread_id=thread_id, interrupt_id=waiting.id, run_id=ctx.run_id, proposal=waiting.value
    )
    entry["approval_id"] = record.id
    ctx.recorder.record(entry)  # the record node runs when the thread ends, not now
    log.info("incident.awaiting_approval", approval_id=record.id, action=record.action)


def _claim(
    ctx: EngineContext, graph: Any, claimant: Claimant, incident_id: str, summary: RunSummary
) -> Claim:
    """Claim one incident for this worker. One whose outcome a worker of this queue run
    already recorded counts as done, even when the claim was granted: its worker died after
    recording, before releasing it (doing it again would repeat its side effects)."""
    assert ctx.recorder is not None and summary.worker is not None
    verdict = claimant.acquire(incident_id)
    if verdict is Claim.TAKEN_OVER:
        summary.worker["taken_over"] += 1
    if verdict.granted:
        history = ctx.recorder.history(incident_id)
        # finished by a worker of this queue run, or by a run on another machine since this
        # one began (the claim of a finished incident is free again for other runs)
        if any(claimant.in_run(o.run_id) for o in history) or claimant.done_elsewhere(
            (o.run_id, o.finished_at) for o in history
        ):
            claimant.release(incident_id, done=True)
            verdict = Claim.DONE
            if not ctx.dry_run:
                _drop_leftover_thread(graph, incident_id)
    if verdict is Claim.DONE:
        summary.worker["done_elsewhere"] += 1
    return verdict


def _drop_leftover_thread(graph: Any, thread_id: str) -> None:
    """An incident whose outcome is recorded is done; a thread of it that did not reach its end
    (its worker was killed after recording, before the last checkpoint) is deleted, so that no
    later run resumes it and records it again."""
    try:
        if unfinished(graph, thread_id):
            graph.checkpointer.delete_thread(thread_id)
            log.info("thread.leftover_dropped", thread_id=thread_id)
    except Exception as exc:  # housekeeping: never a reason to stop the run
        log.warning("thread.leftover_not_dropped", thread_id=thread_id, error=str(exc)[:200])


@dataclass
class _Settle:
    """What the run loop does with the incidents that ended: count them and free their claims;
    the first failure is kept, and raised once the incidents still in hand have ended."""

    summary: RunSummary
    claimant: Claimant | None
    failure: BaseException | None = None

    def __call__(self, ended: list[Finished[WorkItem, dict[str, Any]]]) -> None:
        for end in ended:
            item = end.key
            if end.error is not None:
                if self.claimant is not None:  # its thread is checkpointed: free for another
                    self.claimant.release(item.incident_id, done=False)
                self.failure = self.failure or end.error
                continue
            if self.claimant is not None:
                self.claimant.release(item.incident_id, done=True)
            assert end.value is not None
            _count(self.summary, item, end.value)


def _wait_for_slots(
    slots: Slots[WorkItem, dict[str, Any]],
    step: Callable[[], list[Finished[WorkItem, dict[str, Any]]]],
) -> list[Finished[WorkItem, dict[str, Any]]]:
    """``step`` (a submit, a drain). A second signal while incidents are in flight in other
    threads ends the process at once, as a kill -9 would: freeing their claims would let
    another worker start them while their threads still work, and the interpreter would wait
    for those threads before exiting. Their leases run out and their checkpoints are resumed,
    by another worker or the next run, without repeating a change."""
    try:
        return step()
    except BaseException as exc:
        if slots.in_flight:
            log.error("run.stopped_at_once", in_flight=[i.incident_id for i in slots.in_flight])
            sys.stderr.flush()
            code = exc.code if isinstance(exc, SystemExit) else None
            os._exit(code if isinstance(code, int) else 1)
        raise


def _process_item(
    ctx: EngineContext,
    graph: Any,
    approvals: Approvals,
    item: WorkItem,
    position: int,
    on_progress: Callable[[str, dict[str, Any] | None, int], None] | None,
    work: list[WorkItem],
) -> dict[str, Any]:
    """Process one work item and record its outcome; its entry (with its seconds)."""
    assert ctx.recorder is not None
    incident_id = item.incident_id
    if on_progress:
        on_progress(incident_id, None, len(work))
    thread_id = f"dry-{ctx.run_id}-{incident_id}" if ctx.dry_run else incident_id
    incident_started = time.perf_counter()
    with incident_scope(incident_id):
        if item.reprocess and not ctx.dry_run:
            # before the thread starts: a run that dies from here on still records
            ctx.recorder.reopen(incident_id)
        try:
            entry = process_one(ctx, graph, item.incident, thread_id, item.resume)
            if not ctx.dry_run:
                _settle(ctx, graph, approvals, thread_id, entry)
        except RunRecordError as exc:
            # Not this incident's failure: no later one could be recorded either, so
            # the run stops acting (its thread resumes and records in the next run).
            log.error("run.cannot_record", error=str(exc), pending=len(work) - position)
            raise
        except Exception as exc:  # one incident's failure must not stop the run: recorded
            log.exception("incident.failed")
            detail = f"{type(exc).__name__}: {exc}"[:500]
            entry = {
                "incident_id": incident_id,
                "outcome": "error",
                "reason": Reason.UNEXPECTED_ERROR.value,
                "explanation": explain(Reason.UNEXPECTED_ERROR, detail),
            }
            ctx.recorder.record(entry, dry_run=ctx.dry_run)
        log.info(
            "incident.done",
            outcome=entry["outcome"],
            reason=entry.get("reason"),
            kb_id=entry.get("kb_id"),
            llm_calls=entry.get("llm_calls"),
            position=position,
            reprocessed=item.reprocess,
        )
    entry["seconds"] = round(time.perf_counter() - incident_started, 3)
    entry["reprocessed"] = item.reprocess
    if on_progress:
        on_progress(incident_id, entry, len(work))
    return entry


def _count(summary: RunSummary, item: WorkItem, entry: dict[str, Any]) -> None:
    summary.processed += 1
    summary.reprocessed += int(item.reprocess)
    summary.counts[entry["outcome"]] += 1
    summary.degraded += int(bool(entry.get("degraded")) and entry["outcome"] != "error")
    summary.llm_calls += int(entry.get("llm_calls") or 0)
    summary.llm_tokens += int(entry.get("llm_tokens") or 0)
    summary.outcomes.append(entry)


def _work_through(
    ctx: EngineContext,
    graph: Any,
    work: list[WorkItem],
    summary: RunSummary,
    started: float,
    scope: dict[str, Any],
    on_progress: Callable[[str, dict[str, Any] | None, int], None] | None,
    approvals: Approvals,
    claimant: Claimant | None = None,
) -> RunSummary:
    """Process ``work`` in order, record every outcome, write the summary (with ``scope``:
    what the run was asked to work on). With a ``claimant``, each incident is claimed first:
    one another worker holds is tried again after the rest (until that worker finishes it, or
    its lease expires and this worker takes it over), one finished in this queue run is left."""
    assert ctx.recorder is not None
    summary.report = str(ctx.recorder.report_path)
    if claimant is not None:
        summary.worker = {"worker_id": claimant.worker_id, "taken_over": 0, "done_elsewhere": 0}
    # SIGTERM/SIGINT: finish the incidents in hand, then stop and write the summary
    with _stop_requests() as stop, ExitStack() as held:
        if claimant is not None:
            held.enter_context(claimant.heartbeat())  # renews the leases of what it works on
        # RUN_CONCURRENCY incidents at once (graph.slots); 1 = each in this thread, in turn
        slots: Slots[WorkItem, dict[str, Any]] = Slots(ctx.settings.RUN_CONCURRENCY)
        held.callback(slots.close)
        settle = _Settle(summary, claimant)

        todo, position = list(work), 0
        while todo and not summary.interrupted and settle.failure is None:
            busy: list[WorkItem] = []
            for index, item in enumerate(todo):
                # a free slot first: an incident is claimed only when it can start at once
                settle(_wait_for_slots(slots, slots.make_room))
                if settle.failure is not None:  # raised once the incidents in hand have ended
                    break
                if stop.requested:
                    summary.interrupted = True
                    summary.pending = len(todo) - index + len(busy)
                    log.warning("run.interrupted", signal=stop.requested, pending=summary.pending)
                    break
                if claimant is not None:
                    verdict = _claim(ctx, graph, claimant, item.incident_id, summary)
                    if verdict is Claim.BUSY:
                        busy.append(item)
                    if not verdict.granted:
                        continue
                position += 1
                call = partial(
                    _process_item, ctx, graph, approvals, item, position, on_progress, work
                )
                settle(_wait_for_slots(slots, partial(slots.submit, item, call)))
            settle(_wait_for_slots(slots, slots.drain))
            todo = busy
            if todo and not summary.interrupted and settle.failure is None:
                time.sleep(CLAIM_POLL_S)  # held by workers that are busy with them, or dead
        if settle.failure is not None:
            if isinstance(settle.failure, RunRecordError):
                # the summary says so, where it can still be written; the caller reports
                # the error and exits 1
                summary.stopped = str(settle.failure)
                elsewhere = (summary.worker or {}).get("done_elsewhere", 0)
                summary.pending = len(work) - summary.processed - elsewhere
                _summary_if_possible(ctx, summary, len(work), scope, started)
            raise settle.failure

    summary.seconds = time.perf_counter() - started
    _write_summary(ctx, summary, len(work), scope)
    return summary


def _summary_if_possible(
    ctx: EngineContext,
    summary: RunSummary,
    queue_size: int,
    scope: dict[str, Any],
    started: float,
) -> None:
    """The summary of a run that stopped because it could not record: a full output folder
    may refuse it too (then the log line is all there is)."""
    summary.seconds = time.perf_counter() - started
    log.error("run.stopped", error=summary.stopped, pending=summary.pending)
    try:
        _write_summary(ctx, summary, queue_size, scope)
    except OSError as exc:
        log.error("run.summary_not_written", error=str(exc)[:300])


def _write_summary(
    ctx: EngineContext, summary: RunSummary, queue_size: int, scope: dict[str, Any]
) -> None:
    """The run's summary file and report (``scope``: what the run was asked to work on)."""
    assert ctx.recorder is not None
    ctx.recorder.write_summary(
        {
            **summary.as_dict(),
            "run_id": ctx.run_id,
            "llm_calls": summary.llm_calls,
            "llm_tokens": summary.llm_tokens,
            "dry_run": ctx.dry_run,
            "model": ctx.llm.primary_spec,
            "threshold": ctx.threshold,
            # which confidence model decided: registered version (name, version, alias) or file
            "confidence_model": ctx.confidence.as_dict() if ctx.confidence else None,
            **scope,
            # metrics written (METRICS_TEXTFILE / PUSHGATEWAY_URL); log lines Loki did not get
            **observe_run(ctx.settings, summary, queue_size=queue_size, dry_run=ctx.dry_run),
        }
    )
