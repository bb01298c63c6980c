"""`resolvia serve-llm` as a real process on 127.0.0.1, in front of a fake OpenAI-compatible
upstream (tests/fake_llm_server.py), called by the engine's own client and embedder exactly as a
worker configured with ``LLM_MODEL=openai-compatible/<name>@<service>`` would call it. No real
model is started."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel

from adapters.embeddings import build_embedder
from adapters.llm.client import build_llm_client
from adapters.supervisor import free_ports
from config import load_settings
from tests.fake_llm_server import EMBEDDING_DIMENSION, FakeModelServer, embed
from tests.processes import gone

REPO_ROOT = Path(__file__).resolve().parents[2]
TOKEN = "integration-service-token"
START_TIMEOUT_S = 60.0


class Critique(BaseModel):
    puntuacion: int
    motivo: str


class Service:
    def __init__(self, proc: subprocess.Popen[str], port: int, log: Path) -> None:
        self.proc = proc
        self.port = port
        self.log = log

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def health(self) -> httpx.Response:
        return httpx.get(f"http://127.0.0.1:{self.port}/health", timeout=5)


@pytest.fixture
def upstream() -> Iterator[FakeModelServer]:
    with FakeModelServer(latency_s=0.02) as server:
        yield server


@pytest.fixture
def service(tmp_path: Path, upstream: FakeModelServer) -> Iterator[Service]:
    port = free_ports()
    log = tmp_path / "serve-llm.log"
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "LLM_MODEL": upstream.chat_spec,
        "EMBEDDING_MODEL": upstream.embedding_spec,
        "EMBEDDING_DIMENSION": str(EMBEDDING_DIMENSION),
        "LLM_SERVICE_TOKEN": TOKEN,
        "LLM_SERVICE_BREAKER_FAILURES": "2",
        "LLM_SERVICE_BREAKER_COOLDOWN_S": "60",
        "LLM_MAX_RETRIES": "0",
        "LLM_TIMEOUT_S": "5",
        "DATA_DIR": str(tmp_path / "data"),
        "OUTPUT_DIR": str(tmp_path / "out"),
        "LOG_FORMAT": "json",
    }
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, str(REPO_ROOT / "main.py"), "serve-llm", "--port", str(port)],
            cwd=tmp_path,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
    served = Service(proc, port, log)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"serve-llm exited {proc.returncode}:\n{log.read_text()}")
            try:
                if served.health().status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"serve-llm did not answer /health:\n{log.read_text()}")
            time.sleep(0.1)
        yield served
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        assert gone(proc.pid, 15), f"serve-llm did not stop on SIGTERM:\n{log.read_text()}"


def test_the_engines_client_and_embedder_work_through_the_service(
    service: Service, upstream: FakeModelServer, tmp_path: Path
) -> None:
    models = httpx.get(
        f"{service.base_url}/models", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=5
    ).json()
    names = [m["id"] for m in models["data"]]
    assert names == ["fake", "fake-embeddings"]
    worker = load_settings(
        LLM_MODEL=f"openai-compatible/fake@{service.base_url}",
        EMBEDDING_MODEL=f"openai-compatible/fake-embeddings@{service.base_url}",
        EMBEDDING_DIMENSION=EMBEDDING_DIMENSION,
        OPENAI_API_KEY=TOKEN,
        LLM_MAX_RETRIES=0,
        DATA_DIR=tmp_path / "worker",
    )
    llm = build_llm_client(worker)
    question = [
        SystemMessage(content="Eres un revisor de soluciones."),
        HumanMessage(content="¿La solución resuelve la incidencia? Responde sí o no."),
    ]
    # the critic's verdict: first-token log-probabilities through the service, unchanged
    verdict = llm.verdict(question)
    assert verdict.from_logprobs
    assert verdict.probability == pytest.approx(upstream.yes_probability) or (
        verdict.probability == pytest.approx(1 - upstream.yes_probability)
    )
    forwarded = [r.body for r in upstream.requests if r.path.endswith("/chat/completions")]
    assert forwarded[-1]["logprobs"] is True and forwarded[-1]["top_logprobs"] == 20
    assert forwarded[-1]["max_tokens"] == 1
    # structured output: the schema reaches the upstream, the answer validates
    critique = llm.structured(question, Critique)
    assert critique.parsed is not None and critique.first_try_valid
    assert upstream.requests[-1].body["response_format"]["type"] == "json_schema"
    # embeddings: the upstream's vectors, through the service's embedder
    embedder = build_embedder(worker, lazy=False)
    [vector] = embedder.embed_documents(["impresora sin tóner"])
    assert vector == pytest.approx(embed("impresora sin tóner"), abs=1e-6)
    # the upstream goes down: the circuit opens after two failures, /health says so
    upstream.stop()
    for _ in range(2):
        failed = httpx.post(
            f"{service.base_url}/chat/completions",
            json={"model": "fake", "messages": [{"role": "user", "content": "hola"}]},
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=10,
        )
        assert failed.status_code == 503
    health = service.health()
    assert health.status_code == 503
    assert health.json()["providers"][0]["state"] == "open"
    assert health.json()["providers"][0]["model"] == "openai-compatible/fake"
