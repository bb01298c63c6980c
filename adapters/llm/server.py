"""Managed llama.cpp servers: one per model per process, started on demand, always stopped.

The engine starts ``llama_cpp.server`` (with one route of ours beside it:
:mod:`adapters.llm.llama_server`) on a free loopback port, waits until it answers
``/v1/models``, and reuses it for the rest of the process. The server is a child of
:mod:`adapters.supervisor`, so it is stopped

* on normal exit and on unhandled exceptions (``atexit``),
* on Ctrl-C (``KeyboardInterrupt`` unwinds, then ``atexit``),
* on SIGTERM / SIGHUP (turned into ``SystemExit`` so ``atexit`` runs),
* on SIGKILL of the engine: the child's watchdog (:func:`adapters.supervisor.module_command`)
  notices it was reparented and exits.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import structlog
from tenacity import Retrying, retry_if_exception, stop_after_attempt

from adapters import supervisor
from adapters.llm.lora import AdapterInfo, validate_adapter
from adapters.supervisor import Child, free_ports, http_ready
from errors import LLMServerError, LoraAdapterError

log = structlog.get_logger(__name__)

MODEL_ALIAS = "local"
#: the route :mod:`adapters.llm.llama_server` adds beside the OpenAI API
SPAN_ROUTE = "/resolvia/span_logprobs"
#: Tries with a new port when another process took ours between picking it and binding it.
PORT_ATTEMPTS = 3


def _port_taken(exc: BaseException) -> bool:
    return isinstance(exc, LLMServerError) and "address already in use" in str(exc).lower()


#: what llama.cpp / llama-cpp-python write when they refuse a LoRA adapter
_ADAPTER_REFUSALS = (
    "failed to apply lora adapter",
    "failed to initialize lora adapter",
    "failed to set lora adapter",
)


def _refused_adapter(output: str) -> bool:
    return any(words in output.lower() for words in _ADAPTER_REFUSALS)


@dataclass
class LlamaServer:
    """One ``llama_cpp.server`` child process serving one GGUF file on 127.0.0.1."""

    model_path: Path
    n_ctx: int = 4096
    n_threads: int = 2
    start_timeout_s: float = 120.0
    log_dir: Path | None = None
    #: a llama.cpp LoRA adapter (GGUF) applied on top of the model; None = the model alone
    lora_path: Path | None = None
    port: int | None = None
    child: Child | None = field(default=None, repr=False)
    adapter: AdapterInfo | None = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        if self.port is None:
            raise LLMServerError("server not started")
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def pid(self) -> int | None:
        return self.child.pid if self.child else None

    def is_running(self) -> bool:
        return self.child is not None and self.child.is_running()

    def start(self) -> None:
        if self.is_running():
            return
        if not self.model_path.exists():
            raise LLMServerError(f"model file not found: {self.model_path}")
        if self.lora_path is not None:
            # checked before anything starts: a bad adapter stops the engine, it never falls
            # back to serving the model without it
            self.adapter = validate_adapter(self.lora_path, self.model_path)
        retrying = Retrying(
            stop=stop_after_attempt(PORT_ATTEMPTS),
            retry=retry_if_exception(_port_taken),
            reraise=True,
        )
        retrying(lambda: self._start_once(free_ports()))

    def _start_once(self, port: int) -> None:
        self.port = port
        log_dir = self.log_dir or Path(os.environ.get("TMPDIR", "/tmp"))  # noqa: S108
        argv = supervisor.module_command(
            "adapters.llm.llama_server",
            *("--model", str(self.model_path), "--model_alias", MODEL_ALIAS),
            *("--host", "127.0.0.1", "--port", str(port)),
            *("--n_threads", str(self.n_threads), "--n_ctx", str(self.n_ctx)),
            *(("--lora_path", str(self.lora_path)) if self.lora_path else ()),
        )
        self.child = supervisor.start(
            f"llama.cpp server (model {self.model_path.name})",
            argv,
            log_path=log_dir / f"llama-server-{port}.log",
            error=LLMServerError,
        )
        log.info("llm.server.starting", model=self.model_path.name, port=port, pid=self.pid)
        try:
            seconds = self.child.wait_ready(
                http_ready(f"{self.base_url}/models"), self.start_timeout_s
            )
        except LLMServerError as exc:
            self.child = None
            if self.lora_path is not None and _refused_adapter(str(exc)):
                # llama.cpp refused the adapter after our checks passed: still the adapter's
                # fault, and still no reason to serve without it (nor to fall back)
                raise LoraAdapterError(
                    f"llama.cpp could not apply the LoRA adapter {self.lora_path} to "
                    f"{self.model_path.name}: {exc}"
                ) from exc
            raise
        log.info(
            "llm.server.ready",
            model=self.model_path.name,
            port=port,
            pid=self.pid,
            seconds=round(seconds, 2),
            **(self.adapter.as_log() if self.adapter else {"lora_adapter": None}),
        )

    def log_tail(self, lines: int = 15) -> str:
        return self.child.output_tail(lines) if self.child else "(no output)"

    def stop(self, timeout_s: float = 10.0) -> None:
        child, self.child = self.child, None
        if child is None or not child.is_running():
            return
        child.stop(grace_s=timeout_s)
        log.info("llm.server.stopped", model=self.model_path.name, pid=child.pid)


_servers: dict[tuple[str, int, int, str], LlamaServer] = {}
_lock = threading.Lock()


def get_server(
    model_path: Path,
    *,
    n_ctx: int,
    n_threads: int,
    start_timeout_s: float = 120.0,
    log_dir: Path | None = None,
    lora_path: Path | None = None,
) -> LlamaServer:
    """The running server for this model, adapter and settings, started if needed
    (thread-safe)."""
    lora_key = str(lora_path.resolve()) if lora_path else ""
    key = (str(model_path.resolve()), n_ctx, n_threads, lora_key)
    with _lock:
        server = _servers.get(key)
        if server is None:
            server = LlamaServer(
                model_path=model_path,
                n_ctx=n_ctx,
                n_threads=n_threads,
                start_timeout_s=start_timeout_s,
                log_dir=log_dir,
                lora_path=lora_path,
            )
            _servers[key] = server
        if not server.is_running():
            server.start()
        return server


def running_servers() -> list[LlamaServer]:
    return [s for s in _servers.values() if s.is_running()]


def stop_all() -> None:
    """Stop every server this process started. Safe to call more than once.

    (At exit the supervisor stops them anyway; this is for callers that are done with them.)
    """
    with _lock:
        servers = list(_servers.values())
        _servers.clear()
    for server in servers:
        server.stop()
