"""row_pmi: the server route's arithmetic and cache use, the baselines kept on disk, and the
policy and calibration refusing to act on or fit a feature that was not measured."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from adapters.confidence_registry import ConfidenceChoice
from adapters.llm.client import SpanResult
from adapters.llm.llama_server import SpanError, span_logprobs
from adapters.llm.providers import build_chat_provider, span_url_of
from config import load_settings
from domain.confidence import FEATURES, ConfidenceModel, RetrievalSignals, features, missing
from domain.policy import CandidateEvidence, Evidence, PolicyParams, Step, confidence, decide
from errors import ConfigError, LLMServerError
from graph.row_likelihood import (
    NO_INCIDENT,
    RowBaselines,
    check_row_likelihood,
    row_likelihood,
)
from prompts.loader import load_prompt

VOCAB = 128


class CharLlama:
    """A stand-in for ``llama_cpp.Llama`` with one token per ASCII character, whose logits at a
    position depend on every token up to it (as a real model's do), and which counts the
    tokens it evaluates."""

    def __init__(self, n_ctx: int = 512) -> None:
        self._n_ctx = n_ctx
        self.input_ids = np.zeros(n_ctx, dtype=np.intc)
        self.scores = np.zeros((n_ctx, VOCAB), dtype=np.single)
        self.n_tokens = 0
        self._logits_all = True
        self.evaluated = 0

    def n_ctx(self) -> int:
        return self._n_ctx

    def tokenize(self, text: bytes, add_bos: bool = False, special: bool = True) -> list[int]:
        return list(text)

    def detokenize(self, tokens: list[int], special: bool = True) -> bytes:
        return bytes(tokens)

    def eval(self, tokens: list[int]) -> None:
        for token in tokens:
            pos = self.n_tokens
            self.input_ids[pos] = token
            if self._logits_all:
                seed = int(sum((i + 1) * int(t) for i, t in enumerate(self.input_ids[: pos + 1])))
                self.scores[pos] = np.random.default_rng(seed).normal(size=VOCAB)
            self.n_tokens += 1
            self.evaluated += 1

    def chat(self, text: str) -> None:
        """What the chat route leaves behind: the whole prompt evaluated with logits."""
        tokens = self.tokenize(text.encode())
        keep = 0
        while keep < min(self.n_tokens, len(tokens)) and self.input_ids[keep] == tokens[keep]:
            keep += 1
        self.n_tokens = keep
        self.eval(tokens[keep:])


PROMPT = "sys\n<inc>\nla impresora no imprime\n</inc>\n<row>\nImpresora atascada\n</row>\n?"


def expected(text: str) -> list[float]:
    """Log-softmax of each row token, from a model evaluated fresh over the whole text."""
    fresh = CharLlama()
    fresh.eval(fresh.tokenize(text.encode()))
    start = text.index("<row>\n") + len("<row>\n")
    end = text.index("\n</row>")
    out = []
    for pos in range(start, end):
        logits = fresh.scores[pos - 1].astype(np.float64)
        norm = logits.max() + math.log(np.exp(logits - logits.max()).sum())
        out.append(float(logits[ord(text[pos])] - norm))
    return out


def test_the_span_is_read_from_the_chat_requests_logits_without_evaluating_anything() -> None:
    llm = CharLlama()
    llm.chat(PROMPT)
    before = llm.evaluated
    got = span_logprobs(llm, PROMPT, "<row>\n", "\n</row>")
    assert llm.evaluated == before  # nothing computed again
    assert got.tokens == len("Impresora atascada")
    assert got.reused == PROMPT.index("\n</row>") and got.evaluated == 0
    assert got.logprobs == pytest.approx(expected(PROMPT))


def test_without_that_request_the_prefix_is_reused_and_only_the_row_gets_logits() -> None:
    llm = CharLlama()
    other = PROMPT.replace("la impresora no imprime", "la impresora no enciende")
    llm.chat(other)
    got = span_logprobs(llm, PROMPT, "<row>\n", "\n</row>")
    assert got.reused == len("sys\n<inc>\nla impresora no ")  # the shared prefix
    assert got.evaluated == PROMPT.index("\n</row>") - got.reused
    assert got.logprobs == pytest.approx(expected(PROMPT))
    # and the prefix's positions left without logits never feed a later span
    again = span_logprobs(llm, other, "<row>\n", "\n</row>")
    assert again.logprobs == pytest.approx(expected(other))


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (PROMPT.replace("<row>\n", ""), "exactly once"),
        (PROMPT + "<row>\n", "exactly once"),  # a marker in the incident: refused
        (PROMPT.replace("\n</row>", ""), "closing marker"),
        (PROMPT.replace("Impresora atascada", ""), "empty"),
    ],
)
def test_a_prompt_without_one_clear_span_is_refused(text: str, why: str) -> None:
    with pytest.raises(SpanError, match=why):
        span_logprobs(CharLlama(), text, "<row>\n", "\n</row>")


def test_a_server_without_logits_per_token_says_how_to_start_it() -> None:
    llm = CharLlama()
    llm.scores = np.zeros((8, VOCAB), dtype=np.single)  # llama.cpp's n_batch rows only
    with pytest.raises(SpanError, match="logits_all"):
        span_logprobs(llm, PROMPT, "<row>\n", "\n</row>")


class SpanClient:
    """An LLMClient stand-in answering span requests from queued mean log-probabilities."""

    def __init__(self, means: list[float | Exception | None]) -> None:
        self.means = list(means)
        self.asked: list[str] = []
        self.primary_spec = "llamacpp/qwen2.5-coder-1.5b"

    def span_logprobs(self, messages: list[Any], open_: str, close: str) -> SpanResult | None:
        self.asked.append(str(messages[-1].content))
        mean = self.means.pop(0)
        if isinstance(mean, Exception):
            raise mean
        if mean is None:
            return None
        return SpanResult([mean, mean], self.primary_spec, 0.01)


VALUES = {"incidencia": "la impresora no imprime", "componente": "Impresoras", "problema": "Atasco"}


def test_row_pmi_is_the_rows_likelihood_with_the_incident_less_without(tmp_path: Path) -> None:
    prompt = load_prompt("critique_verdict", "v2")
    baselines = RowBaselines(tmp_path / "rl")
    llm = SpanClient([-1.5, -3.0])
    got = row_likelihood(llm, baselines, prompt, VALUES)  # type: ignore[arg-type]
    assert got.pmi == pytest.approx(1.5) and got.error is None
    assert VALUES["incidencia"] in llm.asked[0] and NO_INCIDENT in llm.asked[1]
    # the baseline is kept on disk: a new process asks only for the incident's request
    again = SpanClient([-2.0])
    fresh = RowBaselines(tmp_path / "rl")
    got = row_likelihood(again, fresh, prompt, {**VALUES, "incidencia": "otra cosa"})  # type: ignore[arg-type]
    assert got.pmi == pytest.approx(1.0) and len(again.asked) == 1
    # another model's baseline is another number
    other = RowBaselines(tmp_path / "rl", model_tag="lora.gguf|1|2")
    third = SpanClient([-2.0, -2.5])
    assert row_likelihood(third, other, prompt, VALUES).pmi == pytest.approx(0.5)  # type: ignore[arg-type]


def test_an_unreadable_baseline_file_is_measured_again(tmp_path: Path) -> None:
    prompt = load_prompt("critique_verdict", "v2")
    baselines = RowBaselines(tmp_path)
    row_likelihood(SpanClient([-1.0, -2.0]), baselines, prompt, VALUES)  # type: ignore[arg-type]
    for path in tmp_path.glob("*.json"):
        path.write_text("{not json", encoding="utf-8")
    got = row_likelihood(SpanClient([-1.0, -4.0]), RowBaselines(tmp_path), prompt, VALUES)  # type: ignore[arg-type]
    assert got.pmi == pytest.approx(3.0)


def test_a_failed_measure_is_an_explained_absence_and_a_provider_without_it_no_error(
    tmp_path: Path,
) -> None:
    prompt = load_prompt("critique_verdict", "v2")
    failed = row_likelihood(
        SpanClient([LLMServerError("HTTP 500")]),
        RowBaselines(tmp_path),
        prompt,
        VALUES,  # type: ignore[arg-type]
    )
    assert failed.pmi is None and failed.error and "HTTP 500" in failed.error
    unable = row_likelihood(SpanClient([None]), RowBaselines(tmp_path), prompt, VALUES)  # type: ignore[arg-type]
    assert unable.pmi is None and unable.error is None


def _model(**coefficients: float) -> ConfidenceModel:
    return ConfidenceModel(
        features=FEATURES,
        means=tuple(0.0 for _ in FEATURES),
        scales=tuple(1.0 for _ in FEATURES),
        coefficients=tuple(coefficients.get(f, 0.0) for f in FEATURES),
        intercept=0.0,
    )


def _evidence(row_pmi: dict[str, float | None]) -> Evidence:
    cands = [CandidateEvidence("KB-1", "cierre", signals=RetrievalSignals(0.05, {"sparse": 0}))]
    return Evidence(cands, {"KB-1": 95}, row_pmi=row_pmi)


def test_the_policy_does_not_act_on_a_row_whose_likelihood_was_not_measured() -> None:
    params = PolicyParams(50, 2, confidence_model=_model(row_pmi=4.0, critic_p=1.0))
    measured = _evidence({"KB-1": 0.8})
    assert confidence(measured, "KB-1", params) == round(100 / (1 + math.exp(-(0.95 + 3.2))))
    assert decide(measured, params).step is Step.ACT
    unmeasured = _evidence({"KB-1": None})
    assert confidence(unmeasured, "KB-1", params) is None
    decision = decide(unmeasured, params)
    assert decision.step is Step.ESCALATE
    # a model that gives the feature no weight does not need it
    indifferent = replace(params, confidence_model=_model(critic_p=1.0))
    assert decide(unmeasured, indifferent).step is Step.ACT


def test_features_mark_an_unmeasured_row_pmi_for_the_calibration_to_refuse() -> None:
    values = features([RetrievalSignals()], 0, 0.9, True)
    assert missing(values) == ["row_pmi"]
    assert missing(features([RetrievalSignals()], 0, 0.9, True, row_pmi=0.3)) == []


def test_a_confidence_model_that_needs_row_pmi_is_refused_with_a_provider_that_cannot_give_it(
    tmp_path: Path,
) -> None:
    needs = ConfidenceChoice(_model(row_pmi=1.0), "artefacto", path=str(tmp_path / "c.json"))
    settings = load_settings(OPENAI_API_KEY="sk-test")
    with pytest.raises(ConfigError, match=r"row_pmi.*openai.*CONFIDENCE_MODEL=critico"):
        check_row_likelihood(settings, needs, "openai/gpt-4o-mini")
    check_row_likelihood(settings, needs, "llamacpp/qwen2.5-coder-1.5b")  # the managed server
    check_row_likelihood(settings, ConfidenceChoice(_model(critic_p=1.0), "artefacto"), "openai/x")
    check_row_likelihood(settings, ConfidenceChoice(None, "critico"), "openai/gpt-4o-mini")


def test_only_the_llama_cpp_servers_have_the_span_route(tmp_path: Path) -> None:
    assert span_url_of("http://127.0.0.1:8123/v1") == "http://127.0.0.1:8123/resolvia/span_logprobs"
    settings = load_settings(
        MODELS_DIR=tmp_path,
        LLAMACPP_SERVER_URLS={"llamacpp/qwen2.5-coder-0.5b": "http://127.0.0.1:8123/v1"},
        OPENAI_API_KEY="sk-test",
    )
    shared = build_chat_provider("llamacpp/qwen2.5-coder-0.5b", settings)
    assert shared.span_url == "http://127.0.0.1:8123/resolvia/span_logprobs"
    assert build_chat_provider("openai/gpt-4o-mini", settings).span_url is None
    assert build_chat_provider("ollama/qwen2.5", settings).span_url is None


class Reply:
    def __init__(self, status: int, body: Any) -> None:
        self.status_code, self._body = status, body
        self.text = str(body)

    def json(self) -> Any:
        if isinstance(self._body, Exception):
            raise self._body
        return self._body


def test_the_client_asks_the_primarys_route_and_reads_its_answer_strictly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from langchain_core.messages import HumanMessage
    from pydantic import SecretStr

    from adapters.llm.client import LLMClient, UnusableReplyError
    from adapters.llm.providers import ChatProvider
    from tests.fakes import FakeChatModel

    url = "http://127.0.0.1:9/resolvia/span_logprobs"
    provider = ChatProvider("openai-compatible/m@http://127.0.0.1:9/v1", FakeChatModel())
    provider.span_url, provider.span_token = url, SecretStr("t0k")
    client = LLMClient([provider], max_retries=0)
    replies: list[Any] = []
    sent: list[dict[str, Any]] = []

    def post(to: str, *, json: dict[str, Any], headers: dict[str, str], timeout: float) -> Any:
        sent.append({"url": to, "json": json, "headers": headers})
        return replies.pop(0)

    monkeypatch.setattr("adapters.llm.client.httpx.post", post)
    messages = [HumanMessage(content="x\n<r>\ny\n</r>")]
    replies.append(Reply(200, {"logprobs": [-0.2, -0.4], "reused": 9, "evaluated": 0}))
    got = client.span_logprobs(messages, "<r>\n", "\n</r>")
    assert got is not None and got.mean == pytest.approx(-0.3) and got.reused == 9
    assert sent[0]["url"] == url and sent[0]["headers"]["Authorization"] == "Bearer t0k"
    assert sent[0]["json"]["messages"] == [{"role": "user", "content": "x\n<r>\ny\n</r>"}]
    replies.append(Reply(404, {"detail": "Not Found"}))  # vLLM: the feature is absent
    assert client.span_logprobs(messages, "<r>\n", "\n</r>") is None
    replies.append(Reply(500, "boom"))
    with pytest.raises(LLMServerError, match="HTTP 500"):
        client.span_logprobs(messages, "<r>\n", "\n</r>")
    replies.append(Reply(200, {"logprobs": [0.7]}))  # not a log-probability
    with pytest.raises(UnusableReplyError):
        client.span_logprobs(messages, "<r>\n", "\n</r>")
    replies.append(Reply(200, ValueError("not JSON")))
    with pytest.raises(UnusableReplyError):
        client.span_logprobs(messages, "<r>\n", "\n</r>")
    assert (
        LLMClient([ChatProvider("ollama/x", FakeChatModel())]).span_logprobs(
            messages, "<r>\n", "\n</r>"
        )
        is None
    )


def test_an_openai_compatible_server_is_asked_once_at_start_up_whether_it_has_the_route(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    needs = ConfidenceChoice(_model(row_pmi=1.0), "artefacto", path=str(tmp_path / "c.json"))
    settings = load_settings()
    answers: list[Any] = []
    monkeypatch.setattr("graph.row_likelihood.httpx.post", lambda *a, **k: answers.pop(0))
    answers.append(Reply(200, {"logprobs": [-1.0]}))  # resolvia serve-llm
    check_row_likelihood(settings, needs, "openai-compatible/m@http://127.0.0.1:9/v1")
    answers.append(Reply(404, {"detail": "Not Found"}))  # vLLM
    with pytest.raises(ConfigError, match=r"no /resolvia/span_logprobs route.*HTTP 404"):
        check_row_likelihood(settings, needs, "openai-compatible/m@http://127.0.0.1:9/v1")


def _graph_run(tmp_path: Path, span: Any, run_id: str) -> dict[str, Any]:
    from tests.fakes import FakeChatModel
    from tests.graph_support import build_harness, reform, verdict
    from tests.unit.test_graph import INCIDENTS, KB, _incident

    model = replace(_model(critic_p=5.0, row_pmi=2.0), intercept=-2.0)
    harness = build_harness(
        tmp_path,
        [_incident(*INCIDENTS[0])],
        FakeChatModel([reform(), verdict(95), verdict(95), verdict(95)]),
        kb=KB,
        components=["Correo", "Reembolsos"],
        confidence_model=model,
        span=span,
        run_id=run_id,
    )
    try:
        return harness.run()["INC900001"]
    finally:
        harness.close()


def test_the_graph_measures_row_pmi_with_each_critic_answer_and_records_it(
    tmp_path: Path,
) -> None:
    asked: list[str] = []

    def span(messages: list[Any], open_: str, close: str) -> SpanResult:
        text = str(messages[-1].content)
        asked.append(text)
        mean = -2.5 if NO_INCIDENT in text else -1.0
        return SpanResult([mean], "fake/model", 0.01)

    out = _graph_run(tmp_path, span, "measured")
    assert out["outcome"] == "resolved" and not out["degraded"]
    critique = out["critiques"][0]
    assert critique["row_pmi"] == pytest.approx(1.5) and critique["error"] is None
    assert sum(NO_INCIDENT in a for a in asked) == 1  # the row's baseline, once


def test_a_row_whose_likelihood_could_not_be_measured_is_not_applied_and_the_run_says_why(
    tmp_path: Path,
) -> None:
    def span(messages: list[Any], open_: str, close: str) -> SpanResult:
        raise LLMServerError("span log-probabilities refused (HTTP 500)")

    out = _graph_run(tmp_path, span, "unmeasured")
    assert out["outcome"] == "escalated" and out["degraded"]
    assert all(c["row_pmi"] is None for c in out["critiques"])
    assert all("row_pmi" in c["feedback"] and c["confidence"] is None for c in out["critiques"])
    assert any("HTTP 500" in e for e in out["model_errors"])


def test_the_route_formats_the_messages_with_the_models_chat_template() -> None:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient
    from llama_cpp.server.app import get_llama_proxy

    from adapters.llm.llama_server import build_router

    llm = CharLlama(n_ctx=1024)
    llm.metadata = {  # type: ignore[attr-defined]
        "tokenizer.chat_template": "{% for m in messages %}[{{ m.role }}]{{ m.content }}"
        "{% endfor %}[assistant]"
    }
    llm.token_eos = lambda: -1  # type: ignore[attr-defined]
    llm.token_bos = lambda: -1  # type: ignore[attr-defined]
    app = FastAPI()
    app.include_router(build_router())
    app.dependency_overrides[get_llama_proxy] = lambda: lambda model=None: llm
    client = TestClient(app)
    messages = [
        {"role": "system", "content": "S"},
        {"role": "user", "content": "<inc>\nx\n</inc>\n<row>\nImpresora\n</row>"},
    ]
    body = {"messages": messages, "open": "<row>\n", "close": "\n</row>"}
    reply = client.post("/resolvia/span_logprobs", json=body)
    assert reply.status_code == 200, reply.text
    text = "[system]S[user]<inc>\nx\n</inc>\n<row>\nImpresora\n</row>[assistant]"
    assert reply.json()["logprobs"] == pytest.approx(expected(text))
    refused = client.post("/resolvia/span_logprobs", json={**body, "open": "<nada>"})
    assert refused.status_code == 422 and "exactly once" in refused.json()["detail"]


def test_the_rows_baselines_are_measured_before_the_incidents_first_critic_request(
    tmp_path: Path,
) -> None:
    # measured between two of the incident's requests, a baseline would evict the incident
    # from the server's cache: the second request would evaluate it all again
    from tests.fakes import FakeChatModel
    from tests.graph_support import build_harness, reform, verdict
    from tests.unit.test_graph import INCIDENTS, KB, _incident

    events: list[str] = []

    def chat(messages: list[Any], kwargs: dict[str, Any]) -> Any:
        if not kwargs.get("logprobs"):
            return reform()
        events.append("critic")
        return verdict(60)

    def span(messages: list[Any], open_: str, close: str) -> SpanResult:
        events.append("baseline" if NO_INCIDENT in str(messages[-1].content) else "row")
        return SpanResult([-1.0], "fake/model", 0.01)

    model = replace(_model(critic_p=5.0, row_pmi=2.0), intercept=-9.0, compare=2)
    harness = build_harness(
        tmp_path,
        [_incident(*INCIDENTS[0])],
        FakeChatModel(respond=chat),
        kb=KB,
        components=["Correo", "Reembolsos"],
        confidence_model=model,
        span=span,
        settings={"MAX_RETRIES_CRITIC": 1},
    )
    try:
        out = harness.run()["INC900001"]
    finally:
        harness.close()
    assert out["outcome"] == "escalated" and len(out["critiques"]) == 2
    assert events == ["baseline", "baseline", "critic", "row", "critic", "row"]
