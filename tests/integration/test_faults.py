"""Fault injection (issue #12, point 7): the engine as a real process (``main.py run``), killed
with SIGKILL at seeded-random points and restarted until its queue is done; its model server,
target system and incident manager failing, slow or answering garbage; its data or output
directory read-only or full.

No real model: a local OpenAI-compatible fake with a fixed latency (tests/fake_llm_server.py)
answers the critic and serves the embeddings. The mock services are seeded fresh for every
scenario and sit behind fault proxies (tests/fault_proxy.py). Every path is under pytest's tmp
dir. Each test prints its figures on a ``FAULTS`` line (shown whatever the capture mode) for the
closing note; ``RESOLVIA_FAULT_SEED`` replays another set of kill points.

Checks that fail because of an engine bug in a file owned elsewhere raise :class:`KnownBug`
and their tests are ``xfail(strict=True, raises=KnownBug)``: any other failure still fails
them, and the fix makes them pass (then remove the mark).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pytest

from tests.fake_llm_server import FakeModelServer, Fault, dead_url
from tests.fault_proxy import FaultProxy, ProxyFault, Rule
from tests.fault_support import (
    FINAL,
    TRACEBACK,
    EngineRun,
    SideEffects,
    Workspace,
    copy_index,
    engine_entries,
    kill_group,
    mock_services,
    seed_file,
)

pytestmark = pytest.mark.timeout(900)

KILL_POINTS = 20
SEED = int(os.environ.get("RESOLVIA_FAULT_SEED", "20261120"))
#: A small queue that takes every road: an api| action (the target system answers with a
#: reassignment), a manual row (escalated), a closure, an incident the engine already handled
#: (escalated without a model call) and one that lacks an identifier (put on hold, asking).
SMALL_QUEUE = ["INC000101", "INC000102", "INC000103", "INC000113", "INC000116"]
#: The ones above that need the model (the critic) to decide.
NEED_MODEL = {"INC000101", "INC000102", "INC000103", "INC000116"}
#: The demo incidents whose decision calls the target system under the fake model, with the
#: action each one calls (INC000105's buzoncompartido is not among them since the fake answers
#: on the redacted prompt: its critic says «no» to that row).
TARGET_ACTIONS = {
    "INC000101": "fxprovision",
    "INC000107": "cambioiban",
}
#: A slow service or model fails fast, so the module stays quick.
FAST_FAIL = {"LLM_TIMEOUT_S": "0.5", "HTTP_TIMEOUT_S": "0.5"}
#: Reasons of an incident whose decision could not be carried out (not final: retried later).
APPLY_ERRORS = {"error_al_aplicar", "error_al_escalar"}

WorkspaceFactory = Callable[..., AbstractContextManager[Workspace]]


class KnownBug(Exception):
    """A check that fails because of an engine bug reported to the owner of its file."""


def known_bug(ok: bool, message: str) -> None:
    if not ok:
        raise KnownBug(message)


def report(capsys: pytest.CaptureFixture[str], line: str) -> None:
    """One figures line on the terminal, whatever the capture mode."""
    with capsys.disabled():
        print(f"\nFAULTS {line}", flush=True)


# --- fixtures -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def chat() -> Iterator[FakeModelServer]:
    with FakeModelServer(latency_s=0.05, slow_s=10.0) as server:
        yield server


@pytest.fixture
def workspace(
    tmp_path: Path, chat: FakeModelServer, embeddings: FakeModelServer, index_template: Path
) -> WorkspaceFactory:
    """``workspace(name, codes=None)``: a fresh engine installation with fresh mock services
    (the demo queue, or only ``codes``), stopped at the end of the ``with``."""

    @contextmanager
    def make(name: str = "ws", codes: list[str] | None = None) -> Iterator[Workspace]:
        root = tmp_path / name
        root.mkdir()
        copy_index(index_template, root / "data")
        seed = seed_file(root / "incidents.json", codes)
        with ExitStack() as stack:
            mocks = stack.enter_context(mock_services(root, seed))
            incidents_proxy = stack.enter_context(
                FaultProxy(mocks.incident_manager_url, slow_s=3.0)
            )
            target_proxy = stack.enter_context(FaultProxy(mocks.target_system_url, slow_s=3.0))
            chat.reset()
            stack.callback(chat.reset)
            yield Workspace(
                root,
                mocks,
                incidents_proxy,
                target_proxy,
                chat,
                embeddings,
                stack=stack,
                seed=seed,
            )

    return make


# --- what the scenarios check ----------------------------------------------------------------
def one_outcome_each(ws: Workspace, run: EngineRun, queue: list[str]) -> dict[str, dict[str, Any]]:
    """The run wrote one report line per incident of ``queue``, each with a reason, and its
    summary counts them; returns the lines by incident."""
    summary = run.summary
    assert summary is not None, f"no --json summary\n{run.tail()}"
    run_id = next(e["run_id"] for e in run.events("run.start"))
    lines = [e for e in ws.report_entries() if e["run_id"] == run_id]
    by_incident = Counter(e["incident_id"] for e in lines)
    assert sorted(by_incident) == sorted(queue), run.tail()
    assert set(by_incident.values()) == {1}, f"more than one outcome: {by_incident}"
    assert all(e["reason"] for e in lines), [e for e in lines if not e["reason"]]
    counted = Counter(e["outcome"] for e in lines)
    assert summary["processed"] == len(queue)
    for key, outcome in [
        ("resolved", "resolved"),
        ("reassigned", "reassigned"),
        ("on_hold", "on_hold"),
        ("escalated", "escalated"),
        ("errors", "error"),
    ]:
        assert summary[key] == counted[outcome], (key, summary, counted)
    degraded = sum(1 for e in lines if e.get("degraded") and e["outcome"] != "error")
    assert summary["degraded"] == degraded, (summary, degraded)
    return {e["incident_id"]: e for e in lines}


def unexpected_errors(run: EngineRun) -> list[str]:
    """Incidents the runner's safety net caught (an exception no node expected)."""
    return [str(e.get("exception", ""))[-600:] for e in run.events("incident.failed")]


def uncaught_traceback(run: EngineRun) -> bool:
    """A traceback printed by the interpreter (not one inside a JSON log event)."""
    return any(TRACEBACK in line for line in run.stderr.splitlines() if not line.startswith("{"))


def error_line(run: EngineRun) -> str:
    """The one ``error: ...`` line a failed command prints."""
    lines = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, run.tail()
    return lines[0]


def settled(ws: Workspace, queue: list[str]) -> dict[str, tuple[str, str | None]]:
    """After the last run: every incident has exactly one final outcome, exactly one change by
    the engine in the incident manager, and no checkpoint thread is left to resume."""
    finals = ws.final_outcomes()
    lost = [c for c in queue if c not in finals]
    assert not lost, f"incidents without a final outcome: {lost}"
    twice = {c: f for c, f in finals.items() if len(f) > 1}
    assert not twice, f"incidents with more than one final outcome: {twice}"
    effects = SideEffects.from_log(ws.request_log())
    for code in queue:
        entries = engine_entries(ws.incident(code))
        assert len(entries) == 1, (code, entries)
        assert effects.patches[code] == 1, (code, effects.patches[code])
    assert ws.pending_threads() == []
    return {c: finals[c][0] for c in queue}


# --- kill -9 at seeded-random points ---------------------------------------------------------
RESUME_BUG = (
    "graph/runner.py resumes only threads whose StateSnapshot.next is not empty. (1) A thread "
    "killed after a node's writes were saved but before the step's checkpoint has next == () "
    "(LangGraph leaves out tasks that have writes) and tasks != (): it is never resumed, and "
    "its incident, already changed in the incident manager, gets no outcome. (2) graph.invoke "
    "runs with LangGraph's default durability='async': a step's checkpoint is written while "
    "the next step runs, so apply/escalate can change the incident before the checkpoint that "
    "leads to them is on disk, and a kill then leaves the thread further back than the change. "
    "Fix: treat `snapshot.next or snapshot.tasks` as unfinished (_pending_threads, process_one, "
    "run_incident; invoke(None, config) resumes from the saved writes) and invoke with "
    "durability='sync'."
)


REDACTED_KEY_BUG = (
    "nodes/apply.py and nodes/escalate.py derive the idempotency key from "
    "activity_marker(state['incident']) (a hash of the last history entry), but "
    "adapters/checkpoints.py redacts state['incident'] in every checkpoint written once the "
    "evidence exists (it is not in KEEP_RAW). A run resumed at apply or escalate hashes the "
    "redacted history: when the last entry holds personal data (INC000101's author is an "
    "e-mail address) the key changes and the incident manager applies the same change a "
    "second time, or refuses it (409) when the first one closed the incident. The same holds "
    "for escalate, whose note is rebuilt from the redacted critic feedback: the same key with "
    "another body is a 409, recorded as error_al_escalar for an incident already handed over. "
    "Fix: compute the marker once, before anything is redacted (e.g. in load_incident, into "
    "a state key kept raw), build the keys from it, and keep what a resumed side effect sends "
    "(the note) raw in the checkpoint or in the decision."
)


@dataclass(frozen=True)
class KillPoint:
    """When to kill: ``delay_s`` after the ``count``-th chat request of the process
    (``model``) or the ``count``-th incident update it got an answer to (``patch``), or
    ``delay_s`` after it started (``time``)."""

    trigger: Literal["model", "patch", "time"]
    count: int
    delay_s: float


def kill_plan(seed: int, n: int) -> list[KillPoint]:
    rng = random.Random(seed)
    plan = []
    for _ in range(n):
        trigger = rng.choices(["model", "patch", "time"], weights=[4, 4, 2])[0]
        if trigger == "time":
            plan.append(KillPoint("time", 0, round(rng.uniform(0.3, 10.0), 3)))
        elif trigger == "model":
            plan.append(KillPoint("model", rng.randint(1, 4), round(rng.uniform(0, 0.12), 3)))
        else:
            plan.append(KillPoint("patch", rng.randint(1, 3), round(rng.uniform(0, 0.05), 3)))
    return plan


def run_until_killed(
    ws: Workspace, point: KillPoint, hook: tuple[str, ...] = ()
) -> tuple[bool, int | None, str]:
    """Start the engine and kill -9 it at ``point``: (killed, exit code if it ended by itself,
    the last event it logged)."""
    chat0 = ws.chat.chat_requests()
    patch0 = ws.incidents_proxy.count("PATCH")
    proc, _out, err = ws.spawn(hook)
    started = time.monotonic()
    fire_at: float | None = None
    try:
        while proc.poll() is None:
            now = time.monotonic()
            if now - started > 180:
                pytest.fail(f"engine still running after 180 s: {err.read_text()[-2000:]}")
            if fire_at is None:
                if point.trigger == "time":
                    fire_at = started + point.delay_s
                elif (
                    point.trigger == "model" and ws.chat.chat_requests() - chat0 >= point.count
                ) or (
                    point.trigger == "patch"
                    and ws.incidents_proxy.count("PATCH") - patch0 >= point.count
                ):
                    fire_at = now + point.delay_s
            if fire_at is not None and now >= fire_at:
                kill_group(proc)
                return proc.returncode == -9, None, last_event(err)
            time.sleep(0.002)
        return False, proc.returncode, last_event(err)
    finally:
        kill_group(proc)


def last_event(err: Path) -> str:
    for line in reversed(err.read_text(encoding="utf-8", errors="replace").splitlines()):
        if line.startswith("{"):
            try:
                event = str(json.loads(line).get("event", "?"))
            except ValueError:
                return "(a line cut by the kill)"
            return "model call" if "/chat/completions" in event else event[:40]
    return "(start-up)"


def unresumed(ws: Workspace) -> set[str]:
    """Threads with saved task writes but no next step: the ones RESUME_BUG leaves behind."""
    from langgraph.checkpoint.sqlite import SqliteSaver

    from graph.builder import build_graph

    path = ws.data_dir / "checkpoints.sqlite"
    if not path.exists():
        return set()
    with contextlib.closing(sqlite3.connect(path, check_same_thread=False)) as conn:
        graph = build_graph(SqliteSaver(conn))
        threads = {c.config["configurable"]["thread_id"] for c in graph.checkpointer.list(None)}
        left = set()
        for thread in threads:
            snapshot = graph.get_state({"configurable": {"thread_id": thread}})
            if not snapshot.next and snapshot.tasks:
                left.add(thread)
        return left


def test_kill_points(workspace: WorkspaceFactory, capsys: pytest.CaptureFixture[str]) -> None:
    """kill -9 at 20 seeded-random points, restarting each time until the queue is done (a
    fresh queue when one is done before the plan is): every incident ends with exactly one
    final outcome, the same as in an undisturbed run, and every change reaches the incident
    manager exactly once."""
    started = time.monotonic()
    with workspace("reference") as ws:
        queue = ws.open_queue()
        clean = ws.run()
        assert clean.returncode == 0, clean.tail()
        reference = settled(ws, queue)
    assert len(queue) == 13 and {o for o, _ in reference.values()} >= FINAL

    plan = kill_plan(SEED, KILL_POINTS)
    killed: list[tuple[int, KillPoint, str]] = []
    rounds = survived = replays = checks = report_gaps = 0
    lost: list[str] = []
    duplicated: list[str] = []
    #: incident -> the known bug that explains what went wrong with it
    known: dict[str, str] = {}
    #: what went wrong with each lost or duplicated incident, for the failure message
    diagnosis: dict[str, dict[str, Any]] = {}
    while len(killed) < len(plan) and rounds < 10:
        rounds += 1
        kills_before = len(killed)
        with workspace(f"round{rounds}") as ws:
            assert ws.open_queue() == queue
            ended: int | None = None
            for _ in range(100):
                if len(killed) == len(plan):
                    ended = ws.run().returncode
                    break
                point = plan[len(killed)]
                landed, code, event = run_until_killed(ws, point)
                if not landed:
                    ended = code
                    break
                killed.append((rounds, point, event))
            finals = ws.final_outcomes()
            effects = SideEffects.from_log(ws.request_log())
            reports = Counter(
                e["incident_id"] for e in ws.report_entries() if e["outcome"] in FINAL
            )
            entries = {c: len(engine_entries(ws.incident(c))) for c in queue}
            round_lost = [
                c for c in queue if finals.get(c, [None])[0] != reference[c] or entries[c] == 0
            ]
            round_dup = [
                c
                for c in queue
                if len(finals.get(c, [])) > 1
                or entries[c] > 1
                or effects.patches[c] > 1
                or reports[c] > 1
            ]
            left = unresumed(ws)
            for c in {*round_lost, *round_dup}:
                if c in left:
                    known[f"round {rounds}: {c}"] = "RESUME_BUG"
                elif effects.repeated_differently(c):
                    known[f"round {rounds}: {c}"] = "REDACTED_KEY_BUG"
            for c in {*round_lost, *round_dup}:
                diagnosis[f"round {rounds}: {c}"] = {
                    "reference": reference[c],
                    "finals": finals.get(c),
                    "history": [r[1:] for r in ws.outcome_rows() if r[0] == c],
                    "engine_entries": entries[c],
                    "patches": effects.patches[c],
                    "reports": reports[c],
                    "kills": [(p, e) for r, p, e in killed if r == rounds],
                    "last_run_exit": ended,
                }
            lost += [f"round {rounds}: {c}" for c in round_lost]
            duplicated += [f"round {rounds}: {c}" for c in round_dup]
            replays += sum(effects.replays.values())
            checks += effects.checks
            report_gaps += sum(1 for c in queue if reports[c] == 0 and c in finals)
            # a last run that failed did so for an incident one of the known bugs explains
            unexplained = [c for c in round_lost if f"round {rounds}: {c}" not in known]
            assert ended == 0 or not unexplained, f"round {rounds}: last run exited {ended}"
            assert set(ws.pending_threads()) <= left, f"round {rounds}: threads left to resume"
            if not round_lost and not round_dup:
                survived += len(killed) - kills_before

    triggers = Counter(p.trigger for _, p, _ in killed)
    events = Counter(e for _, _, e in killed)
    causes = Counter(known.values())
    report(
        capsys,
        f"kill -9: {len(killed)} kill points {dict(triggers)} over {rounds} fresh queue(s) of "
        f"{len(queue)} incidents: survived {survived}, lost {len(lost)}, duplicated "
        f"{len(duplicated)} (explained by known bugs: {dict(causes)}); idempotent replays "
        f"absorbed {replays}; target-system checks {checks} (read-only); final outcomes "
        f"missing from run reports {report_gaps}; seed {SEED}; "
        f"{time.monotonic() - started:.0f} s; killed during {dict(events.most_common(5))}",
    )
    assert len(killed) == KILL_POINTS, f"only {len(killed)} kill points landed"
    # a line lost between the outcome's commit and its write is written by the next run
    assert report_gaps == 0, f"{report_gaps} final outcome(s) missing from the run reports"
    assert not [d for d in duplicated if d not in known], (duplicated, diagnosis)
    assert not [x for x in lost if x not in known], (lost, diagnosis)
    # Not strict: random kill points hit these windows only now and then. The tests below
    # hit them on purpose and are strict.
    if known:
        pytest.xfail(f"{known}: see RESUME_BUG and REDACTED_KEY_BUG")
    assert survived == KILL_POINTS


def test_kill_after_a_change_before_its_checkpoint(
    workspace: WorkspaceFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """The window random kill points hit now and then, hit on purpose: kill -9 once apply has
    changed the first incident and its writes are saved, before the step's checkpoint. The
    next run must resume that thread (RESUME_BUG, part 1)."""
    with workspace(codes=SMALL_QUEUE) as ws:
        killed = ws.run(hook=("--kill-after-writes-to", "decision"))
        assert killed.returncode == -9, killed.tail()
        assert ws.incidents_proxy.count("PATCH") == 1  # the change was made, then the kill
        resumed = ws.run()
        assert resumed.returncode == 0, resumed.tail()
        missing = [c for c in SMALL_QUEUE if c not in ws.final_outcomes()]
        report(capsys, f"kill -9 between apply and its checkpoint: without an outcome {missing}")
        known_bug(not missing, f"{missing} never resumed")
        settled(ws, SMALL_QUEUE)


def test_kill_while_checkpoints_lag_behind(
    workspace: WorkspaceFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """Checkpoints written slowly (a busy disk): kill -9 the moment the first change reaches
    the incident manager. Whatever was on disk then, the next run must finish that incident
    (RESUME_BUG, part 2)."""
    with workspace(codes=SMALL_QUEUE) as ws:
        landed, code, _ = run_until_killed(
            ws, KillPoint("patch", 1, 0.0), hook=("--slow-put", "0.5")
        )
        assert landed, f"the engine ended by itself ({code})"
        resumed = ws.run()
        assert resumed.returncode == 0, resumed.tail()
        missing = [c for c in SMALL_QUEUE if c not in ws.final_outcomes()]
        report(capsys, f"kill -9 with checkpoints lagging: without an outcome {missing}")
        known_bug(not missing, f"{missing} never resumed")
        settled(ws, SMALL_QUEUE)


def test_kill_right_after_a_change(
    workspace: WorkspaceFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """kill -9 the moment the incident manager has answered the first change, before apply
    returns: the next run resumes that incident and repeats the request under the same
    idempotency key, so the change is made once."""
    with workspace(codes=SMALL_QUEUE) as ws:
        killed = ws.run(hook=("--kill-after-update",))
        assert killed.returncode == -9, killed.tail()
        assert ws.incidents_proxy.count("PATCH") == 1
        resumed = ws.run()
        assert resumed.returncode == 0, resumed.tail()
        effects = SideEffects.from_log(ws.request_log())
        twice = sorted(c for c in SMALL_QUEUE if effects.patches[c] > 1)
        report(capsys, f"kill -9 right after a change: changed more than once {twice}")
        known_bug(not twice, f"{twice}: the same change under two idempotency keys")
        settled(ws, SMALL_QUEUE)


# --- the model server failing ------------------------------------------------------------------
@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(None, id="down"),
        pytest.param(Fault.SLOW, id="slow"),
        pytest.param(Fault.HTTP_500, id="http_500"),
        pytest.param(Fault.NONSENSE, id="nonsense_answer"),
        # not JSON, JSON cut short, JSON without choices: one per call
        pytest.param(Fault.GARBAGE, id="garbage"),
    ],
)
def test_model_server_fault(
    fault: Fault | None, workspace: WorkspaceFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """The critic cannot be asked: every incident that needed it is escalated and marked
    degraded, the others are decided as usual, and the run says so in its summary and exit
    code. Nothing is left behind once the model is back."""
    with workspace(codes=SMALL_QUEUE) as ws:
        extra = dict(FAST_FAIL)
        if fault is None:
            extra["LLM_MODEL"] = f"openai-compatible/fake@{dead_url()}"
        else:
            ws.chat.reset(fault)
        run = ws.run(env=extra)
        lines = one_outcome_each(ws, run, SMALL_QUEUE)
        assert run.returncode == 1, run.tail()
        assert not uncaught_traceback(run), run.tail()
        assert lines["INC000113"]["outcome"] == "escalated"  # no model needed
        errors = sorted(c for c, e in lines.items() if e["outcome"] == "error")
        if errors:  # not final: the next run, with the model back, decides them
            ws.chat.reset()
            healed = ws.run()
            assert healed.returncode == 0, healed.tail()
        settled(ws, SMALL_QUEUE)
        outcomes = Counter(e["outcome"] for e in lines.values())
        report(
            capsys,
            f"model {fault or 'down'}: {len(SMALL_QUEUE)} incidents -> {dict(outcomes)}, "
            f"degraded {run.summary['degraded'] if run.summary else '?'}, exit "
            f"{run.returncode}; caught by the safety net {len(unexpected_errors(run))}",
        )
        known_bug(not unexpected_errors(run), f"{errors}: {unexpected_errors(run)[:1]}")
        for code in NEED_MODEL:
            assert lines[code]["outcome"] == "escalated", lines[code]
            assert lines[code]["degraded"] and lines[code]["model_errors"], lines[code]


# --- the incident manager failing ----------------------------------------------------------
def test_incident_manager_unusable_at_start(
    workspace: WorkspaceFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """The queue cannot be read (refused, slow, garbage; a 500 takes the retry road of the
    first two): one clear error, a failed exit, nothing changed and nothing recorded; the next
    run finds the queue as it was."""
    faults: list[tuple[str, ProxyFault | None]] = [
        ("down", None),
        ("slow", ProxyFault.SLOW),
        ("not_json", ProxyFault.NOT_JSON),  # a reply cut short reads the same: not JSON
        ("wrong_schema", ProxyFault.WRONG_SCHEMA),
    ]
    seen = []
    with workspace(codes=SMALL_QUEUE) as ws:
        for name, fault in faults:
            if fault is None:
                dead = dead_url().removesuffix("/v1")
                run = ws.run(env={**FAST_FAIL, "INCIDENT_MANAGER_URL": dead})
            else:
                ws.incidents_proxy.set_rules(Rule(fault, "GET", r"^/api/incidencias\?"))
                run = ws.run(env=FAST_FAIL)
            assert run.returncode == 1, (name, run.tail())
            assert not uncaught_traceback(run), (name, run.tail())
            line = error_line(run)
            assert "incident_manager" in line, (name, line)
            assert ws.outcome_rows() == [] and ws.incidents_proxy.count("PATCH") == 0, name
            seen.append(f"{name}: {line[:90]}")
        ws.incidents_proxy.set_rules()
        healthy = ws.run()
        assert healthy.returncode == 0, healthy.tail()
        settled(ws, SMALL_QUEUE)
    report(capsys, "incident manager unusable at start -> " + " | ".join(seen))


def test_incident_manager_fails_on_changes(
    workspace: WorkspaceFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each incident's update fails its own way (500, garbage, slow, connection dropped):
    each ends with one error outcome saying why, the run fails; once the service is well, the
    next run finishes every incident, each changed exactly once."""
    queue = [*SMALL_QUEUE, "INC000104", "INC000114"]
    faults = {
        "INC000101": ProxyFault.HTTP_500,
        "INC000102": ProxyFault.NOT_JSON,
        "INC000103": ProxyFault.TRUNCATED,
        "INC000104": ProxyFault.WRONG_SCHEMA,
        "INC000113": ProxyFault.SLOW,
        "INC000114": ProxyFault.REFUSE,  # dropped: never reaches the service
    }
    with workspace(codes=queue) as ws:
        ws.incidents_proxy.set_rules(
            *(Rule(f, "PATCH", rf"/api/incidencias/{c}$") for c, f in faults.items())
        )
        run = ws.run(env=FAST_FAIL)
        lines = one_outcome_each(ws, run, queue)
        assert run.returncode == 1, run.tail()
        assert not uncaught_traceback(run) and not unexpected_errors(run), run.tail()
        for code in faults:
            assert lines[code]["outcome"] == "error", lines[code]
            assert lines[code]["reason"] in APPLY_ERRORS, lines[code]
        assert lines["INC000116"]["outcome"] == "on_hold"
        ws.incidents_proxy.set_rules()
        healed = ws.run()
        assert healed.returncode == 0, healed.tail()
        finals = ws.final_outcomes()
        changed = SideEffects.from_log(ws.request_log()).patches
        assert all(changed[c] == 1 for c in queue), changed  # each changed once, none twice
        lost = sorted(c for c in queue if c not in finals)
        report(
            capsys,
            f"incident manager fails on changes { ({c: str(f) for c, f in faults.items()}) }: "
            f"first run errors {sum(1 for e in lines.values() if e['outcome'] == 'error')}, "
            f"exit {run.returncode}; after it recovers, without a final outcome {lost}",
        )
        assert "INC000114" not in lost  # its change never happened: the next run made it
        known_bug(not lost, f"changed but never recorded: {lost}")
        settled(ws, queue)


def test_incident_manager_goes_down_mid_run(
    workspace: WorkspaceFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """The incident manager's process stops after the second change (connection refused from
    then on): the incidents left end in error, the run fails; after a restart, the next run
    finishes them."""
    with workspace(codes=SMALL_QUEUE) as ws:
        proc, _out, err = ws.spawn(env=FAST_FAIL)
        try:
            deadline = time.monotonic() + 120
            while ws.incidents_proxy.count("PATCH") < 2 and proc.poll() is None:
                assert time.monotonic() < deadline, "no second change within 120 s"
                time.sleep(0.005)
            ws.incidents_proxy.pause()
            ws.stop_mocks()
            proc.wait(timeout=120)
        finally:
            kill_group(proc)
        run = EngineRun(int(proc.returncode), _out.read_text(), err.read_text())
        lines = one_outcome_each(ws, run, SMALL_QUEUE)
        errors = sorted(c for c, e in lines.items() if e["outcome"] == "error")
        assert run.returncode == 1 and errors, run.tail()
        assert all(lines[c]["reason"] in APPLY_ERRORS for c in errors), lines
        assert not uncaught_traceback(run) and not unexpected_errors(run), run.tail()
        ws.start_mocks()
        ws.incidents_proxy.resume()
        healed = ws.run()
        assert healed.returncode == 0, healed.tail()
        settled(ws, SMALL_QUEUE)
        report(
            capsys,
            f"incident manager stopped after 2 changes: {len(errors)} incident(s) in error, "
            f"exit {run.returncode}; after a restart all {len(SMALL_QUEUE)} final, each changed once",
        )


# --- the target system failing ---------------------------------------------------------------
def test_target_system_faults(
    workspace: WorkspaceFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """The target system fails each of the three action checks its own way, run after run
    (an error is not final: the next run tries again): the incidents end in error with the
    reason, nothing is changed on their behalf, the others are decided; once it is well, the
    next run finishes them."""
    rounds: list[dict[str, ProxyFault | None]] = [
        {"INC000101": ProxyFault.HTTP_500, "INC000107": ProxyFault.NOT_JSON},
        {"INC000101": ProxyFault.SLOW, "INC000107": ProxyFault.TRUNCATED},
        {"INC000101": ProxyFault.WRONG_SCHEMA, "INC000107": ProxyFault.REFUSE},
        dict.fromkeys(TARGET_ACTIONS, None),  # None: the service is down
    ]
    queue = [*TARGET_ACTIONS, "INC000103", "INC000116"]
    seen = []
    with workspace(codes=queue) as ws:
        for number, faults in enumerate(rounds, start=1):
            extra = dict(FAST_FAIL)
            if None in faults.values():
                extra["TARGET_SYSTEM_URL"] = dead_url().removesuffix("/v1")
            ws.target_proxy.set_rules(
                *(
                    Rule(f, "POST", "/api/comprobacionPoliza", body=TARGET_ACTIONS[c])
                    for c, f in faults.items()
                    if f is not None
                )
            )
            run = ws.run(env=extra)
            processed = queue if number == 1 else list(TARGET_ACTIONS)
            lines = one_outcome_each(ws, run, processed)
            assert run.returncode == 1, run.tail()
            assert not uncaught_traceback(run) and not unexpected_errors(run), run.tail()
            for code in TARGET_ACTIONS:
                assert lines[code]["outcome"] == "error", lines[code]
                assert lines[code]["reason"] == "error_al_aplicar", lines[code]
            assert SideEffects.from_log(ws.request_log()).patches.keys() <= {
                "INC000103",
                "INC000116",
            }
            seen.append(", ".join(f"{c[-3:]} {f or 'down'}" for c, f in faults.items()))
        ws.target_proxy.set_rules()
        healed = ws.run()
        assert healed.returncode == 0, healed.tail()
        settled(ws, queue)
    report(
        capsys,
        f"target system: {len(seen)} failing runs ({'; '.join(seen)}) -> every affected "
        "incident in error_al_aplicar, nothing changed for it; after it recovers all final",
    )


# --- the disk ---------------------------------------------------------------------------------
#: Root writes anywhere: run the engine without the capabilities that let it (setpriv).
UNPRIVILEGED = (
    ("setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--")
    if os.geteuid() == 0
    else ()
)
#: A tiny file system for one directory, full before the engine starts (a mount namespace of
#: its own; the mount goes away with the process). Arguments: the directory, then a directory
#: to copy into it first ("" for none), then the command.
FULL_DISK = r"""set -e
dir="$1"; copy="$2"; shift 2
mount -t tmpfs -o size=16m tmpfs "$dir"
if [ -n "$copy" ]; then cp -r "$copy" "$dir/"; fi
mkdir -p "$dir/reportes" "$dir/rejected"
dd if=/dev/zero of="$dir/.filler" bs=4k 2>/dev/null || true
exec "$@"
"""


def _can(argv: list[str]) -> bool:
    try:
        return subprocess.run(argv, capture_output=True, timeout=30, check=False).returncode == 0
    except OSError:
        return False


def _read_only_enforced(probe_dir: Path) -> bool:
    probe_dir.mkdir()
    probe_dir.chmod(0o555)
    try:
        wrote = _can([*UNPRIVILEGED, "sh", "-c", f"touch '{probe_dir}/x'"])
    finally:
        probe_dir.chmod(0o755)
    return not wrote


def test_read_only_directories(
    workspace: WorkspaceFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A read-only data directory, then a read-only output directory: one clear error naming
    it, a failed exit, no traceback, nothing changed; once they are writable, the next run
    does the work."""
    if not _read_only_enforced(tmp_path / "probe"):
        pytest.skip("this user writes into read-only directories (root without setpriv)")
    seen = []
    with workspace(codes=SMALL_QUEUE) as ws:
        for setting, target in [("DATA_DIR", ws.data_dir), ("OUTPUT_DIR", ws.output_dir)]:
            target.mkdir(exist_ok=True)
            target.chmod(0o555)
            try:
                run = ws.run(prefix=UNPRIVILEGED)
            finally:
                target.chmod(0o755)
            assert run.returncode == 1, (setting, run.tail())
            assert not uncaught_traceback(run), (setting, run.tail())
            line = error_line(run)
            assert str(target) in line and "Permission denied" in line, line
            assert ws.incidents_proxy.count("PATCH") == 0, setting
            seen.append(f"read-only {setting}: exit {run.returncode}, {line}")
        healthy = ws.run()
        assert healthy.returncode == 0, healthy.tail()
        settled(ws, SMALL_QUEUE)
    report(capsys, " | ".join(seen))


def test_full_disk(
    workspace: WorkspaceFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No space left in the data directory, then in the output directory: one clear error,
    a failed exit, no traceback; once there is space, the next run leaves every incident with
    one final outcome and one change (what the full disk kept out of the run reports is
    counted, not required)."""
    probe = tmp_path / "probe"
    probe.mkdir()
    mount = ["unshare", "--mount", "--map-root-user", "sh", "-c"]
    if not _can([*mount, f"mount -t tmpfs -o size=64k tmpfs '{probe}'"]):
        pytest.skip("no tmpfs in a user mount namespace here (unshare/mount refused)")
    seen = []
    with workspace(codes=SMALL_QUEUE) as ws:
        spare = tmp_path / "spare"
        copy_index(ws.data_dir, spare)
        ws.output_dir.mkdir()
        for setting, target, copy in [
            ("DATA_DIR", ws.data_dir, str(spare / "qdrant")),  # the index fits, then nothing
            ("OUTPUT_DIR", ws.output_dir, ""),
        ]:
            before = ws.incidents_proxy.count("PATCH")
            run = ws.run(prefix=(*mount, FULL_DISK, "sh", str(target), copy))
            assert run.returncode == 1, (setting, run.tail())
            assert not uncaught_traceback(run), (setting, run.tail())
            line = error_line(run)
            assert "No space left on device" in line, line
            changed = ws.incidents_proxy.count("PATCH") - before
            seen.append(
                f"full {setting}: exit 1, {line}; incidents changed before it failed {changed}"
            )
        healthy = ws.run()
        assert healthy.returncode == 0, healthy.tail()
        settled(ws, SMALL_QUEUE)
        in_reports = {e["incident_id"] for e in ws.report_entries() if e["outcome"] in FINAL}
    shutil.rmtree(spare)
    report(
        capsys,
        " | ".join(seen) + "; afterwards final outcomes missing from the run reports "
        f"{len(set(SMALL_QUEUE) - in_reports)} of {len(SMALL_QUEUE)}",
    )
