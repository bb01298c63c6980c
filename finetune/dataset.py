"""Fine-tuning datasets from recorded LLM calls and what people confirmed (``finetune dataset``).

Sources of calls
    ``DATA_DIR/llm_history.sqlite`` (every call the engine made in its runs), and optionally the
    ``records.jsonl`` of evaluations (``resolvia evaluate`` runs in a temporary data directory,
    so its calls are only there). A call's incident outcome in its run (degraded or not, the
    candidates retrieved) comes from the run report ``run_<run_id>.jsonl`` or the evaluation
    record.

Tasks
    ``critique``: the ``critique_verdict`` calls (the critic answers «sí»/«no» whether a
    knowledge-base row is the incident's problem). The row judged is read back from the prompt
    and matched, by its description and solution, against ``PROBLEMAS_GLOBALES.csv``. The target
    is ``sí`` when the row is confirmed right for the incident and ``no`` when it is confirmed
    wrong; the model's own answer is never the label. Both targets read as yes / no to the
    engine's parser (:data:`adapters.llm.client.YES_TOKENS` / ``NO_TOKENS``).
    ``reformulate``: the ``reformulate`` calls whose reply validates against
    :class:`graph.schemas.Reformulation`; the target is that reply, re-serialised as the parser
    reads it, and only when the retrieval it fed put a confirmed-right row first (the label is
    that row). A reformulation whose search missed is no example to imitate, and there is no
    negative for it.

What counts as known to be right (a label), per incident
    * **gold dev and demo** (``resources/evaluacion/gold_dev.json``, ``gold_demo.json``: the
      splits whose labels may train; the demo's, so that ``make run`` followed by
      ``finetune dataset`` gives a first dataset): the incident id is one of theirs *and* its
      text is the gold item's. Right: ``kb_id`` and
      ``kb_aceptables``; neither right nor wrong: the other ``kb_candidatos`` of an ambiguous or
      several-problems item; wrong: any other row.
    * **console review** (``reviews.sqlite``, the incident's latest review): ``kb`` names the
      right row, ``no_automatizable`` with a row names the row of the problem; every other row is
      wrong. ``nuevo_conocimiento``: every row is wrong. ``no_automatizable`` without a row says
      nothing about rows: no label.
    * **approved action** (supervised mode, ``approvals.sqlite``): a person approved the action
      of row K, the run that resumed the incident settled it with a final outcome other than an
      escalation, and that outcome is still the last one in ``outcomes.sqlite``'s history for the
      incident (not re-opened and decided again since). Right: K; nothing is said of other rows.
    The engine's own outcomes (resolved, reassigned...) are *not* confirmation: they are the
    model's decisions, and training on them would teach the model itself. A rejected approval is
    no label either (people reject for wrong parameters too). Sources that disagree on a row
    drop the record.

Filters and checks, in order: failed calls (an error was recorded), calls of incidents whose
run outcome is degraded (a model call failed), calls without an incident, replies that do not
parse, calls without a label (or, for ``critique``, whose row is no longer in the knowledge
base), conflicting labels; then the messages are redacted again
(:func:`observability.redaction.redact`) and checked with :func:`finetune.pii.residual_pii`: a
record still holding something personal is dropped. Identical records (content hash of
messages + target) are kept once; the same prompt with different targets is dropped entirely.
Every drop is counted by reason in the card.

Gold test splits (``test``, ``test2``, ``test3``, ``test4``, ``test5``, ``test6``, ``test7``,
``test8``, ``test9``) never enter: before anything is written, every call of the task in the
window, labelled or not, is checked against their incidents by id and by normalised text (a
renamed copy is caught), and the dataset is refused (:class:`GoldTestLeakError`) if one matches:
test incidents in the traffic mean the inputs are wrong, and the user chooses what to leave out.

Split: by incident, never the same incident (nor a copy of its text under another id) on both
sides; an incident goes to validation when a hash of its id falls under the validation
fraction, so the split is the same on every build. Files are sorted by content hash: the same
input gives byte-identical files and the same dataset hash (``card.json``'s ``sha256`` covers the
four data files, not the card, which holds the creation time).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from adapters.approvals import Approvals
from adapters.knowledge_base import KBRow, load_kb
from adapters.llm.client import NO_TOKENS, YES_TOKENS, parse_structured
from adapters.llm.client import _answer_token as answer_token
from adapters.llm_history import LLMHistory
from adapters.reviews import Review, ReviewStore, Verdict
from adapters.run_records import FINAL, outcome_history
from config import REPO_ROOT, Settings
from domain.choices import FinetuneTask
from domain.incident import compose_text
from domain.text import fold
from errors import ResolviaError
from finetune.gold import TEST_SPLITS, GoldItem, read_gold_file
from finetune.pii import residual_pii
from graph.schemas import Reformulation
from observability.redaction import redact

Task = FinetuneTask
#: the prompt each task trains (the recorded ``prompt_id`` without its version)
TASK_PROMPTS: dict[str, str] = {"critique": "critique_verdict", "reformulate": "reformulate"}
#: the gold splits whose labels may train; the test splits (TEST_SPLITS) never enter a dataset
TRAINING_SPLITS = ("dev", "demo")
DEFAULT_VALIDATION_FRACTION = 0.2
DATA_FILES = (
    "train.chat.jsonl",
    "validation.chat.jsonl",
    "train.alpaca.jsonl",
    "validation.alpaca.jsonl",
)
YES_TARGET, NO_TARGET = "sí", "no"
#: chat roles as the history records them (LangChain message types) -> chat-template roles
ROLES = {"system": "system", "human": "user", "ai": "assistant", "user": "user"}
#: salt of the split hash: changing it reshuffles every dataset's split
SPLIT_SALT = "resolvia-finetune-split-v1"
#: a title + description shorter than this is not specific enough to match by containment
MIN_MATCH_CHARS = 40

_INCIDENT_BLOCK = re.compile(r"<incidencia>\n(.*?)\n</incidencia>", re.DOTALL)
_JUDGED_ROW = re.compile(
    r"<solucion_conocida>\nComponente: (.*?)\nProblema conocido: (.*?)\nSolución: (.*?)\n"
    r"</solucion_conocida>",
    re.DOTALL,
)


class DatasetError(ResolviaError):
    """A dataset cannot be built from what was given."""


class EmptyHistoryError(DatasetError):
    """No recorded calls of the task to build from."""


class NoLabelsError(DatasetError):
    """Calls were recorded, but none is known to be right or wrong (or none survived)."""


class GoldTestLeakError(DatasetError):
    """An incident of a gold test split would enter the dataset."""


class Drop(StrEnum):
    """Why a recorded call is not in the dataset (codes for the card)."""

    FAILED_CALL = "failed_call"
    DEGRADED_RUN = "degraded_run"
    NO_INCIDENT = "no_incident"
    UNPARSEABLE_REPLY = "unparseable_reply"
    ROW_NOT_IN_KB = "row_not_in_kb"
    UNLABELLED = "unlabelled"
    NO_RUN_RECORD = "no_run_record"
    UNTRUSTED_TARGET = "untrusted_target"
    LABEL_CONFLICT = "label_conflict"
    PII_AFTER_REDACTION = "pii_after_redaction"
    DUPLICATE = "duplicate"
    CONTRADICTORY_TARGETS = "contradictory_targets"


# --- recorded calls -------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordedCall:
    """One recorded LLM call, from the history store or an evaluation's records."""

    source: str
    run_id: str
    incident_id: str | None
    prompt_id: str
    prompt_sha256: str
    ts: str
    model: str | None
    messages: list[dict[str, str]]
    output: str | None
    error: str | None
    #: the incident's outcome entry in that run (run report / evaluation record), if known
    entry: dict[str, Any] | None = None

    @property
    def prompt_name(self) -> str:
        return self.prompt_id.split("/", 1)[0]


def _call(source: str, row: dict[str, Any], entry: dict[str, Any] | None) -> RecordedCall:
    messages = row["input_json"]
    if isinstance(messages, str):
        messages = json.loads(messages)
    return RecordedCall(
        source=source,
        run_id=str(row.get("run_id") or ""),
        incident_id=row.get("incident_id"),
        prompt_id=str(row.get("prompt_id") or ""),
        prompt_sha256=str(row.get("prompt_sha256") or ""),
        ts=str(row.get("ts") or ""),
        model=row.get("model"),
        messages=[{"role": str(m["role"]), "content": str(m["content"])} for m in messages],
        output=row.get("output"),
        error=row.get("error"),
        entry=entry,
    )


def read_history(path: Path, reports_dir: Path) -> list[RecordedCall]:
    """The calls in the history store at ``path`` (none when it does not exist), each with its
    incident's entry from the run report of its run when that report is in ``reports_dir``."""
    if not path.is_file():
        return []
    history = LLMHistory(path)
    try:
        rows = list(history.rows())
    finally:
        history.close()
    entries: dict[str, dict[str, dict[str, Any]]] = {}
    calls = []
    source = f"history:{path.resolve()}"
    for row in rows:
        run_id = str(row.get("run_id") or "")
        if run_id not in entries:
            entries[run_id] = _run_entries(reports_dir / f"run_{run_id}.jsonl")
        calls.append(_call(source, row, entries[run_id].get(str(row.get("incident_id")))))
    return calls


def _run_entries(report: Path) -> dict[str, dict[str, Any]]:
    """Incident id -> its (last) entry in a run report; empty when there is no report."""
    found: dict[str, dict[str, Any]] = {}
    if not report.is_file():
        return found
    for line in report.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            found[str(entry.get("incident_id"))] = entry
    return found


def read_evaluation_records(path: Path) -> list[RecordedCall]:
    """The calls in an evaluation's ``records.jsonl`` (``resolvia evaluate``), with the entry
    recorded for each incident."""
    calls = []
    source = f"records:{path.resolve()}"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            for row in record.get("calls") or []:
                calls.append(_call(source, row, record.get("entry")))
    except (ValueError, KeyError, TypeError) as exc:
        raise DatasetError(
            f"{path} is not an evaluation's records.jsonl ({exc}); pass the records.jsonl "
            "that `resolvia evaluate` wrote in its report folder"
        ) from exc
    return calls


# --- what is known to be right --------------------------------------------------------------


@dataclass(frozen=True)
class Truth:
    """What one source says about the rows of one incident."""

    source: str
    right: frozenset[str]
    #: rows this source says nothing about although ``others_wrong`` (ambiguous candidates)
    unsure: frozenset[str] = frozenset()
    #: every row that is neither right nor unsure is wrong
    others_wrong: bool = True

    def judge(self, kb_id: str) -> bool | None:
        """True: right; False: wrong; None: this source does not know."""
        if kb_id in self.right:
            return True
        if kb_id in self.unsure or not self.others_wrong:
            return None
        return False


@dataclass(frozen=True)
class TextPrint:
    """How an incident's text is recognised in a prompt, whatever its id."""

    #: SHA-256 of the folded, redacted text the engine composes (without screenshot text)
    full: str
    #: folded, redacted title and description (the start of every prompt's incident text)
    head: str

    @classmethod
    def of(cls, incident: dict[str, Any]) -> TextPrint:
        head = f"{incident.get('titulo', '')}\n{incident.get('descripcion', '')}"
        return cls(text_hash(compose_text(incident)), fold(redact(head)))

    def matches(self, folded: str, hashed: str) -> bool:
        """The prompt's incident text (``folded``, and its :func:`text_hash`) is this one."""
        return hashed == self.full or (len(self.head) >= MIN_MATCH_CHARS and self.head in folded)


def text_hash(text: str) -> str:
    """SHA-256 of an incident text after redaction and folding (case, accents, spaces)."""
    return hashlib.sha256(fold(redact(text)).encode("utf-8")).hexdigest()


@dataclass
class Knowledge:
    """Everything known to be right, and the gold test incidents that must stay out."""

    #: incident -> (gold item, its text print, its split) of the training splits
    gold_dev: dict[str, tuple[GoldItem, TextPrint, str]] = field(default_factory=dict)
    by_incident: dict[str, list[Truth]] = field(default_factory=dict)
    test_ids: frozenset[str] = frozenset()
    test_prints: list[tuple[str, TextPrint]] = field(default_factory=list)

    def truths(self, incident_id: str, folded: str, hashed: str) -> list[Truth]:
        found = list(self.by_incident.get(incident_id, []))
        gold = self.gold_dev.get(incident_id)
        if gold is not None and gold[1].matches(folded, hashed):
            found.append(gold_truth(gold[0], gold[2]))
        return found

    def test_match(self, incident_id: str, folded: str, hashed: str) -> str | None:
        """How a record is a gold test incident (``"id"`` or ``"texto de INC..."``), or None."""
        if incident_id in self.test_ids:
            return "id"
        for code, text in self.test_prints:
            if text.matches(folded, hashed):
                return f"texto de {code}"
        return None


def gold_truth(item: GoldItem, split: str = "dev") -> Truth:
    right = frozenset(item.acceptable_kb_ids)
    candidates = frozenset(item.expected.get("kb_candidatos") or ())
    return Truth(f"gold_{split}", right, unsure=candidates - right)


def review_truth(review: Review) -> Truth | None:
    if review.verdict is Verdict.NEW_KNOWLEDGE:
        return Truth("review", frozenset())
    if review.kb_id:  # kb, or not automatable naming the problem's row
        return Truth("review", frozenset({review.kb_id}))
    return None


def load_knowledge(
    gold_folder: Path,
    reviews_path: Path | None = None,
    approvals_path: Path | None = None,
    outcomes_path: Path | None = None,
) -> Knowledge:
    """Gold dev labels and test prints from ``gold_folder``, reviews' and approvals' labels
    from the stores at those paths (a store that does not exist gives none; none is created)."""
    knowledge = Knowledge()
    for split in TRAINING_SPLITS:
        for item in read_gold_file(gold_folder / f"gold_{split}.json"):
            knowledge.gold_dev[item.code] = (item, TextPrint.of(item.incident), split)
    test_items = [
        item for split in TEST_SPLITS for item in read_gold_file(gold_folder / f"gold_{split}.json")
    ]
    knowledge.test_ids = frozenset(item.code for item in test_items)
    knowledge.test_prints = [(item.code, TextPrint.of(item.incident)) for item in test_items]
    truths: dict[str, list[Truth]] = defaultdict(list)
    if reviews_path is not None and reviews_path.is_file():
        store = ReviewStore(reviews_path)
        try:
            for incident_id, review in store.latest().items():
                truth = review_truth(review)
                if truth is not None:
                    truths[incident_id].append(truth)
        finally:
            store.close()
    if approvals_path is not None and approvals_path.is_file() and outcomes_path is not None:
        for incident_id, kb_id in confirmed_approvals(approvals_path, outcomes_path):
            truths[incident_id].append(Truth("approval", frozenset({kb_id}), others_wrong=False))
    knowledge.by_incident = dict(truths)
    return knowledge


def confirmed_approvals(approvals_path: Path, outcomes_path: Path) -> list[tuple[str, str]]:
    """(incident, row) of every approved action whose settled outcome still stands."""
    approvals = Approvals(approvals_path)
    try:
        approved = approvals.recent("approved", limit=1_000_000)
    finally:
        approvals.close()
    confirmed = []
    for record in approved:
        if not record.kb_id or record.outcome not in FINAL or record.outcome == "escalated":
            continue
        history = outcome_history(outcomes_path, record.incident_id)
        last = history[-1] if history else None
        if last and last.run_id == record.settled_run_id and last.kb_id == record.kb_id:
            confirmed.append((record.incident_id, record.kb_id))
    return confirmed


# --- building -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    """One training example."""

    incident_id: str
    task: str
    label: str
    kb_id: str | None
    sources: tuple[str, ...]
    messages: list[dict[str, str]]
    #: SHA-256 of the folded incident text (copies of an incident share it)
    text_hash: str

    @property
    def target(self) -> str:
        return self.messages[-1]["content"]

    @property
    def prompt_hash(self) -> str:
        return _sha(json.dumps(self.messages[:-1], ensure_ascii=False, sort_keys=True))

    @property
    def content_hash(self) -> str:
        return _sha(json.dumps(self.messages, ensure_ascii=False, sort_keys=True))

    def chat_line(self) -> dict[str, Any]:
        return {
            "messages": self.messages,
            "incident_id": self.incident_id,
            "task": self.task,
            "label": self.label,
            "kb_id": self.kb_id,
            "sources": list(self.sources),
        }

    def alpaca_line(self) -> dict[str, str]:
        system = "\n\n".join(m["content"] for m in self.messages[:-1] if m["role"] == "system")
        turns = [m for m in self.messages[:-1] if m["role"] != "system"]
        if len(turns) == 1:
            prompt = turns[0]["content"]
        else:
            prompt = "\n\n".join(f"[{m['role']}]\n{m['content']}" for m in turns)
        return {"instruction": system, "input": prompt, "output": self.target}


@dataclass
class Built:
    """A dataset before it is written: examples by split and what happened to every call."""

    task: str
    train: list[Example]
    validation: list[Example]
    calls_read: Counter[str]
    task_calls: Counter[str]
    other_calls: int
    before_since: int
    dropped: Counter[str]
    label_sources: Counter[str]
    prompts: dict[str, str]
    models: Counter[str]


def kb_lookup(rows: Iterable[KBRow]) -> dict[str, str]:
    """Row id by its folded, redacted description and solution (as a critic prompt shows it)."""
    return {_row_key(r.descripcion, r.solucion): r.id for r in rows}


def _row_key(description: str, solution: str) -> str:
    return f"{fold(redact(description))}\n{fold(redact(solution))}"


def _judged_row(call: RecordedCall, kb: dict[str, str]) -> str | None:
    for message in call.messages:
        match = _JUDGED_ROW.search(message["content"])
        if match:
            return kb.get(_row_key(match.group(2), match.group(3)))
    return None


def _incident_text(call: RecordedCall) -> str | None:
    for message in call.messages:
        match = _INCIDENT_BLOCK.search(message["content"])
        if match:
            return match.group(1)
    return None


def _critique_reply_ok(output: str | None) -> bool:
    """The engine's verdict parser reads the reply as «sí» or «no»."""
    token = answer_token(output or "")
    return token in YES_TOKENS or token in NO_TOKENS


def _reformulation(output: str | None) -> str | None:
    """The reply as the engine's parser reads it, re-serialised; None when it does not parse."""
    parsed, _ = parse_structured(output or "", Reformulation)
    return None if parsed is None else json.dumps(parsed.model_dump(), ensure_ascii=False)


def _label(truths: Sequence[Truth], kb_id: str) -> tuple[bool | None, tuple[str, ...], bool]:
    """(label, sources that gave it, conflict)."""
    votes = [(t.judge(kb_id), t.source) for t in truths]
    known = [(v, s) for v, s in votes if v is not None]
    values = {v for v, _ in known}
    if len(values) > 1:
        return None, (), True
    if not values:
        return None, (), False
    return values.pop(), tuple(sorted({s for _, s in known})), False


def build(
    calls: Iterable[RecordedCall],
    task: str,
    knowledge: Knowledge,
    kb: dict[str, str],
    *,
    since: datetime | None = None,
    validation_fraction: float = DEFAULT_VALIDATION_FRACTION,
) -> Built:
    """Select, label, redact, check, de-duplicate and split; raise when nothing usable is left
    (:class:`EmptyHistoryError`, :class:`NoLabelsError`) or when a gold test incident would
    enter (:class:`GoldTestLeakError`)."""
    prompt = TASK_PROMPTS[task]
    cutoff = since.astimezone(UTC).isoformat(timespec="milliseconds") if since else None
    calls_read: Counter[str] = Counter()
    task_calls: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    prompts: dict[str, str] = {}
    models: Counter[str] = Counter()
    other = before = 0
    candidates: list[Example] = []
    leaks: dict[str, str] = {}
    for call in calls:
        calls_read[call.source] += 1
        if call.prompt_name != prompt:
            other += 1
            continue
        if cutoff and call.ts < cutoff:
            before += 1
            continue
        task_calls[call.source] += 1
        _note_test_leak(call, knowledge, leaks)
        example, reason = _example(call, task, knowledge, kb)
        if example is None:
            dropped[reason or Drop.UNLABELLED] += 1
            continue
        prompts[call.prompt_id] = call.prompt_sha256
        models[call.model or "?"] += 1
        candidates.append(example)
    if not task_calls:
        raise EmptyHistoryError(_no_calls_message(task, sum(calls_read.values()), since, before))
    _refuse_test_leak(leaks)
    examples = _deduplicate(candidates, dropped)
    if not examples:
        raise NoLabelsError(_no_labels_message(task, sum(task_calls.values()), dropped))
    train, validation = split_by_incident(examples, validation_fraction)
    return Built(
        task=task,
        train=train,
        validation=validation,
        calls_read=calls_read,
        task_calls=task_calls,
        other_calls=other,
        before_since=before,
        dropped=dropped,
        label_sources=Counter(s for e in examples for s in e.sources),
        prompts=dict(sorted(prompts.items())),
        models=models,
    )


@dataclass(frozen=True)
class _Target:
    """A call's assistant reply to learn, its label, the row it is about, who said so."""

    reply: str
    label: str
    kb_id: str
    sources: tuple[str, ...]


def _example(
    call: RecordedCall, task: str, knowledge: Knowledge, kb: dict[str, str]
) -> tuple[Example | None, Drop | None]:
    if call.error:
        return None, Drop.FAILED_CALL
    if call.entry is not None and call.entry.get("degraded"):
        return None, Drop.DEGRADED_RUN
    text = _incident_text(call)
    if not call.incident_id or text is None:
        return None, Drop.NO_INCIDENT
    hashed = text_hash(text)
    truths = knowledge.truths(call.incident_id, fold(redact(text)), hashed)
    found = (
        _critique_target(call, truths, kb)
        if task == "critique"
        else _reformulate_target(call, truths)
    )
    if isinstance(found, Drop):
        return None, found
    messages = [
        {"role": ROLES.get(m["role"], m["role"]), "content": redact(m["content"])}
        for m in call.messages
    ]
    messages.append({"role": "assistant", "content": redact(found.reply)})
    if any(residual_pii(m["content"]) for m in messages):
        return None, Drop.PII_AFTER_REDACTION
    example = Example(
        call.incident_id, task, found.label, found.kb_id, found.sources, messages, hashed
    )
    return example, None


def _critique_target(
    call: RecordedCall, truths: Sequence[Truth], kb: dict[str, str]
) -> _Target | Drop:
    """«sí» when the judged row is confirmed right, «no» when confirmed wrong."""
    if not _critique_reply_ok(call.output):
        return Drop.UNPARSEABLE_REPLY
    kb_id = _judged_row(call, kb)
    if kb_id is None:
        return Drop.ROW_NOT_IN_KB
    right, sources, conflict = _label(truths, kb_id)
    if conflict:
        return Drop.LABEL_CONFLICT
    if right is None:
        return Drop.UNLABELLED
    reply = YES_TARGET if right else NO_TARGET
    return _Target(reply, reply, kb_id, sources)


def _reformulate_target(call: RecordedCall, truths: Sequence[Truth]) -> _Target | Drop:
    """The parsed reply, when the search it fed put a confirmed-right row first."""
    reply = _reformulation(call.output)
    if reply is None:
        return Drop.UNPARSEABLE_REPLY
    if not truths:
        return Drop.UNLABELLED
    if call.entry is None:
        return Drop.NO_RUN_RECORD
    retrieved = call.entry.get("candidates") or [{}]
    kb_id = str(retrieved[0].get("kb_id") or "")
    right, sources, conflict = _label(truths, kb_id) if kb_id else (None, (), False)
    if conflict:
        return Drop.LABEL_CONFLICT
    if not right:  # nothing retrieved, or the first row is not confirmed right
        return Drop.UNTRUSTED_TARGET
    return _Target(reply, kb_id, kb_id, sources)


def _deduplicate(examples: list[Example], dropped: Counter[str]) -> list[Example]:
    """One copy of each record; none of a prompt that has two different targets."""
    targets: dict[str, set[str]] = defaultdict(set)
    for example in examples:
        targets[example.prompt_hash].add(example.target)
    seen: set[str] = set()
    kept = []
    for example in examples:
        if len(targets[example.prompt_hash]) > 1:
            dropped[Drop.CONTRADICTORY_TARGETS] += 1
        elif example.content_hash in seen:
            dropped[Drop.DUPLICATE] += 1
        else:
            seen.add(example.content_hash)
            kept.append(example)
    return kept


def _note_test_leak(call: RecordedCall, knowledge: Knowledge, leaks: dict[str, str]) -> None:
    """Remember the call's incident when it is a gold test incident (by id or by text)."""
    text = _incident_text(call)
    incident_id = call.incident_id or ""
    if incident_id in leaks or (not incident_id and text is None):
        return
    folded, hashed = (fold(redact(text)), text_hash(text)) if text is not None else ("", "")
    how = knowledge.test_match(incident_id, folded, hashed)
    if how is not None:
        leaks[incident_id or f"(sin id) {hashed[:12]}"] = how


def _refuse_test_leak(leaks: dict[str, str]) -> None:
    """Every call of the task is checked, labelled or not: gold test incidents in the traffic
    mean the inputs are wrong (an evaluation of a test split, test incidents run through the
    queue), and the user must choose what to leave out."""
    if leaks:
        shown = ", ".join(f"{code} ({how})" for code, how in sorted(leaks.items())[:10])
        more = f" and {len(leaks) - 10} more" if len(leaks) > 10 else ""
        raise GoldTestLeakError(
            f"refused: {len(leaks)} incident(s) of the gold test splits ({', '.join(TEST_SPLITS)}) "
            f"are among the recorded calls: {shown}{more}. Nothing was written. Those incidents "
            "must never be trained on: leave out the evaluation records that hold them (only "
            "`resolvia evaluate --split dev` records may train), or build from later calls "
            "only with --since"
        )


def split_by_incident(
    examples: Sequence[Example], validation_fraction: float
) -> tuple[list[Example], list[Example]]:
    """Train and validation, never sharing an incident (nor a copy of its text under another
    id); each sorted by content hash."""
    groups = _incident_groups(examples)
    keys = sorted(set(groups.values()), key=_bucket)
    validation_keys = {k for k in keys if _bucket(k) < validation_fraction}
    if validation_fraction > 0 and len(keys) >= 2:
        # a tiny dataset still gets both sides: the lowest bucket validates, the highest trains
        if not validation_keys:
            validation_keys = {keys[0]}
        if len(validation_keys) == len(keys):
            validation_keys.discard(keys[-1])
    train: list[Example] = []
    validation: list[Example] = []
    for example in sorted(examples, key=lambda e: e.content_hash):
        side = validation if groups[example.incident_id] in validation_keys else train
        side.append(example)
    return train, validation


def _bucket(key: str) -> float:
    digest = hashlib.sha256(f"{SPLIT_SALT}:{key}".encode()).hexdigest()
    return int(digest[:12], 16) / 16**12


def _incident_groups(examples: Sequence[Example]) -> dict[str, str]:
    """Incident id -> its group's key (the smallest id): ids sharing a text are one group."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for example in examples:
        union(f"id:{example.incident_id}", f"text:{example.text_hash}")
    ids = {e.incident_id for e in examples}
    members: dict[str, list[str]] = defaultdict(list)
    for incident_id in ids:
        members[find(f"id:{incident_id}")].append(incident_id)
    return {i: min(group) for group in members.values() for i in group}


# --- messages for people --------------------------------------------------------------------


def _no_calls_message(task: str, read: int, since: datetime | None, before: int) -> str:
    window = f" since {since.date().isoformat()}" if since else ""
    prompt = TASK_PROMPTS[task]
    if before:
        return (
            f"the {before} {prompt} call(s) recorded are all older than --since{window[6:]}: "
            "choose an earlier date, or leave --since out"
        )
    if read == 0:
        return (
            f"no recorded LLM calls to build a {task} dataset from: the history "
            "(DATA_DIR/llm_history.sqlite) is empty or missing and no --records were given. "
            "Run the engine first (`make run` or `resolvia run`), or evaluate the dev split "
            "(`resolvia evaluate --split dev`) and pass its records.jsonl with --records"
        )
    hint = (
        " (the engine makes them when REFORMULATE=true)"
        if task == "reformulate"
        else " (the engine makes them with CRITIC_MODE=probabilidad)"
    )
    return f"{read} recorded call(s), but none of the {prompt} prompt{window}{hint}"


def _no_labels_message(task: str, calls: int, dropped: Counter[str]) -> str:
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(dropped.items())) or "none"
    return (
        f"{calls} {task} call(s) recorded, but none can be used (dropped: {reasons}). "
        "A call needs a label: evaluate the dev split (`resolvia evaluate --split dev`) and "
        "pass its records.jsonl with --records, review escalated incidents in the console "
        "(`resolvia console`, or `resolvia review` on a terminal), or approve actions in "
        "supervised mode"
    )


# --- writing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Written:
    folder: Path
    card: dict[str, Any]


def default_out(settings: Settings, task: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d_%H%M%S")
    return settings.DATA_DIR / "finetune" / "datasets" / f"{task}_{stamp}"


def check_out(out: Path, settings: Settings) -> Path:
    """The folder to write, refused when it exists or lies in the repository outside the
    data and output directories."""
    out = out.expanduser().resolve()
    allowed = [settings.DATA_DIR.resolve()]
    if settings.OUTPUT_DIR is not None:
        allowed.append(settings.OUTPUT_DIR.resolve())
    if out.is_relative_to(REPO_ROOT) and not any(out.is_relative_to(a) for a in allowed):
        raise DatasetError(
            f"{out} is inside the repository: datasets hold incident text and never go there; "
            "leave --out unset (DATA_DIR/finetune/datasets/...) or choose a folder elsewhere"
        )
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise DatasetError(f"{out} already exists and is not empty: choose another --out")
    return out


def write(
    built: Built, out: Path, *, command: str, since: datetime | None, fraction: float
) -> Written:
    """Write the four data files and the card into ``out`` (all or nothing)."""
    tmp = out.with_name(f".{out.name}.partial")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    try:
        files = {}
        for name, examples, kind in (
            ("train.chat.jsonl", built.train, "chat"),
            ("validation.chat.jsonl", built.validation, "chat"),
            ("train.alpaca.jsonl", built.train, "alpaca"),
            ("validation.alpaca.jsonl", built.validation, "alpaca"),
        ):
            lines = [
                json.dumps(e.chat_line() if kind == "chat" else e.alpaca_line(), ensure_ascii=False)
                for e in examples
            ]
            data = "".join(f"{line}\n" for line in lines).encode("utf-8")
            (tmp / name).write_bytes(data)
            files[name] = {"sha256": _sha_bytes(data), "bytes": len(data), "lines": len(lines)}
        card = _card(built, files, command=command, since=since, fraction=fraction)
        (tmp / "card.json").write_text(
            json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        (tmp / "card.md").write_text(card_markdown(card), encoding="utf-8")
        if out.exists():
            out.rmdir()  # empty (checked): replaced by the finished folder
        tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return Written(out, card)


def dataset_sha256(files: dict[str, dict[str, Any]]) -> str:
    """One hash for the data files: SHA-256 of ``name  sha256`` lines in file order."""
    return _sha("".join(f"{name}  {files[name]['sha256']}\n" for name in DATA_FILES))


def _split_counts(examples: Sequence[Example]) -> dict[str, Any]:
    return {
        "records": len(examples),
        "incidents": len({e.incident_id for e in examples}),
        "labels": dict(sorted(Counter(e.label for e in examples).items())),
    }


def _card(
    built: Built,
    files: dict[str, dict[str, Any]],
    *,
    command: str,
    since: datetime | None,
    fraction: float,
) -> dict[str, Any]:
    examples = [*built.train, *built.validation]
    return {
        "task": built.task,
        "prompt": TASK_PROMPTS[built.task],
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": command,
        "since": since.isoformat() if since else None,
        "validation_fraction": fraction,
        "counts": {
            "train": _split_counts(built.train),
            "validation": _split_counts(built.validation),
            "total": _split_counts(examples),
        },
        "sources": {
            "calls_read": dict(sorted(built.calls_read.items())),
            "task_calls": dict(sorted(built.task_calls.items())),
            "other_prompts": built.other_calls,
            "before_since": built.before_since,
            "labels": dict(sorted(built.label_sources.items())),
        },
        "dropped": dict(sorted(built.dropped.items())),
        "prompts": built.prompts,
        "models": dict(sorted(built.models.items())),
        "files": files,
        "sha256": dataset_sha256(files),
    }


def card_markdown(card: dict[str, Any]) -> str:
    """The card for people (Spanish, like the reports)."""
    counts = card["counts"]
    lines = [
        f"# Conjunto de ajuste fino: {card['task']}",
        "",
        f"- Prompt: `{card['prompt']}` ({', '.join(card['prompts']) or '-'})",
        f"- Creado: {card['created_at']}",
        f"- Orden: `{card['command']}`",
        f"- Desde: {card['since'] or 'todo el historial'}",
        f"- Fracción de validación: {card['validation_fraction']}",
        f"- SHA-256 del conjunto: `{card['sha256']}`",
        "",
        "## Registros",
        "",
        "| parte | registros | incidencias | etiquetas |",
        "|---|---:|---:|---|",
    ]
    for part in ("train", "validation", "total"):
        c = counts[part]
        labels = ", ".join(f"{k}: {v}" for k, v in c["labels"].items()) or "-"
        lines.append(f"| {part} | {c['records']} | {c['incidents']} | {labels} |")
    sources = card["sources"]
    lines += ["", "## Fuentes", "", "| fuente | llamadas leídas | llamadas de la tarea |"]
    lines.append("|---|---:|---:|")
    for source, n in sources["calls_read"].items():
        lines.append(f"| `{source}` | {n} | {sources['task_calls'].get(source, 0)} |")
    lines += [
        "",
        f"Llamadas de otros prompts: {sources['other_prompts']}; "
        f"anteriores a --since: {sources['before_since']}.",
        "",
        "Etiquetas por origen: "
        + (", ".join(f"{k} {v}" for k, v in sources["labels"].items()) or "-"),
        "",
        "## Descartados",
        "",
    ]
    if card["dropped"]:
        lines += ["| motivo | registros |", "|---|---:|"]
        lines += [f"| {reason} | {n} |" for reason, n in card["dropped"].items()]
    else:
        lines.append("Ninguno.")
    lines += [
        "",
        "## Ficheros",
        "",
        "| fichero | líneas | bytes | SHA-256 |",
        "|---|---:|---:|---|",
    ]
    for name, info in card["files"].items():
        lines.append(f"| {name} | {info['lines']} | {info['bytes']} | `{info['sha256']}` |")
    return "\n".join(lines) + "\n"


# --- the whole job --------------------------------------------------------------------------


def make_dataset(
    settings: Settings,
    task: str,
    *,
    out: Path | None = None,
    since: datetime | None = None,
    records: Sequence[Path] = (),
    validation_fraction: float = DEFAULT_VALIDATION_FRACTION,
    command: str = "",
) -> Written:
    """Read the sources under ``settings``, build, check, and write the dataset."""
    folder = check_out(out or default_out(settings, task), settings)
    calls = read_history(settings.llm_history_path, settings.reports_dir)
    for path in records:
        calls += read_evaluation_records(path)
    knowledge = load_knowledge(
        settings.RESOURCES_DIR / "evaluacion",
        reviews_path=settings.DATA_DIR / "reviews.sqlite",
        approvals_path=settings.DATA_DIR / "approvals.sqlite",
        outcomes_path=settings.DATA_DIR / "outcomes.sqlite",
    )
    kb = kb_lookup(load_kb(settings.RESOURCES_DIR / "PROBLEMAS_GLOBALES.csv").rows)
    built = build(calls, task, knowledge, kb, since=since, validation_fraction=validation_fraction)
    return write(built, folder, command=command, since=since, fraction=validation_fraction)


def _sha(text: str) -> str:
    return _sha_bytes(text.encode("utf-8"))


def _sha_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
