"""A local OpenAI-compatible model server for tests where the model is not what is tested.

A real HTTP server on 127.0.0.1 (``http.server`` in a thread of the test process), so the
engine under test is configured exactly as for vLLM or any OpenAI-compatible server::

    LLM_MODEL=openai-compatible/fake@<server.base_url>
    EMBEDDING_MODEL=openai-compatible/fake-embeddings@<server.base_url>

It answers what the engine asks, deterministically and after a fixed latency:

* ``POST /v1/chat/completions``

  - with ``response_format`` (a JSON schema): a valid instance of that schema (the
    reformulation, the critic's ``puntuacion``/``motivo``, or any other schema);
  - with ``logprobs``/``top_logprobs`` (the critic's one-token «sí»/«no» or a lettered
    choice): the answer token with its top log-probabilities;
  - otherwise: «sí».

  The critic's P(«sí») is high for most prompts and low for some (a hash of the prompt
  decides), so a run both acts and escalates, and repeats the same decisions on a rerun.
  The hash is of the prompt with personal data redacted (``observability.redaction``), and
  embeddings are of the redacted text too: a run resumed from a checkpoint hands the model the
  redacted incident text by design (adapters/checkpoints.py), and the fake must answer it as
  it answered the run that died, as a real model should (no decision hangs on a NIF), or a
  resumed incident would look like a different decision. Only what the engine's state machine
  does is tested with it.
  - with an image (an ``image_url`` part holding a ``data:`` URI, as VISION_MODEL sends a
    screenshot): the image is decoded and kept in :attr:`FakeModelServer.images` with the
    prompt's text, and the answer is :data:`VISION_DESCRIPTION`; a part that is not a base64
    PNG or JPEG data URI is answered 400, as a vision server would.
* ``POST /v1/embeddings``: hashed bag-of-words vectors (floats or base64, as asked).
* ``GET /v1/models``.

Faults (:class:`Fault`), switchable while a run is in progress: ``SLOW`` (beyond the client's
timeout), ``NOT_JSON``, ``TRUNCATED``, ``WRONG_SCHEMA`` (an envelope without ``choices``),
``NONSENSE`` (a well-formed answer whose content is neither JSON nor «sí»/«no»), ``HTTP_500``,
``GARBAGE`` (the three kinds of garbage in turn);
"down" is :meth:`FakeModelServer.stop` or :func:`dead_url`. Every request is kept in
:attr:`FakeModelServer.requests`, like simonw/llm's ``MockModel`` history.

Run alone for manual checks: ``python -m tests.fake_llm_server --port 8011 --latency 0.05``.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import contextlib
import hashlib
import json
import math
import re
import socket
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from observability.redaction import redact_value

HOST = "127.0.0.1"
MODEL_NAME = "fake"
EMBEDDING_DIMENSION = 64


#: what the fake answers for a screenshot
VISION_DESCRIPTION = (
    "La captura muestra la aplicación de pólizas con el mensaje de error «Usuario bloqueado»."
)


class BadImage(ValueError):
    """An image part the fake refuses (answered 400)."""


@dataclass(frozen=True)
class ReceivedImage:
    """One image a chat request carried."""

    mime: str
    data: bytes
    #: the text of every message of that request, joined
    prompt: str


def _images_of(messages: list[Any]) -> list[tuple[str, bytes]]:
    """(MIME type, decoded bytes) of every image part; :class:`BadImage` for a bad one."""
    found = []
    for message in messages:
        content = message.get("content") if isinstance(message, dict) else None
        for part in content if isinstance(content, list) else []:
            if not isinstance(part, dict) or part.get("type") != "image_url":
                continue
            url = str((part.get("image_url") or {}).get("url", ""))
            match = re.fullmatch(r"data:(image/(?:png|jpeg));base64,([A-Za-z0-9+/=]+)", url)
            if match is None:
                raise BadImage(f"image_url is not a base64 PNG or JPEG data URI: {url[:60]!r}")
            try:
                data = base64.b64decode(match.group(2), validate=True)
            except binascii.Error as exc:
                raise BadImage(f"image_url data is not base64: {exc}") from exc
            found.append((match.group(1), data))
    return found


def _text_of(messages: list[Any]) -> str:
    parts = []
    for message in messages:
        content = message.get("content") if isinstance(message, dict) else None
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):
            parts += [str(p.get("text", "")) for p in content if isinstance(p, dict)]
    return "\n".join(parts)


class Fault(StrEnum):
    """What the server does instead of answering well."""

    NONE = "none"
    SLOW = "slow"
    NOT_JSON = "not_json"
    TRUNCATED = "truncated"
    WRONG_SCHEMA = "wrong_schema"
    NONSENSE = "nonsense"
    HTTP_500 = "http_500"
    #: NOT_JSON, TRUNCATED and WRONG_SCHEMA in turn, one per request
    GARBAGE = "garbage"


GARBAGE_CYCLE = (Fault.NOT_JSON, Fault.TRUNCATED, Fault.WRONG_SCHEMA)


@dataclass(frozen=True)
class Received:
    """One request the server received."""

    path: str
    body: dict[str, Any]
    at: float


def dead_url() -> str:
    """A base URL where nothing listens (connection refused)."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port = sock.getsockname()[1]
    return f"http://{HOST}:{port}/v1"


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def _without_personal_data(text: str) -> str:
    """What the fake's answers depend on: ``text`` as a resumed run would send it."""
    return str(redact_value(text))


def embed(text: str, dimension: int = EMBEDDING_DIMENSION) -> list[float]:
    """A normalised hashed bag of words: texts sharing words get similar vectors."""
    vector = [0.0] * dimension
    for word in re.findall(r"\w+", _without_personal_data(text).lower()):
        h = _digest(word)
        vector[h % dimension] += 1.0 if (h >> 32) & 1 else -1.0
    if not any(vector):  # no words: a fixed direction (a zero vector has no cosine)
        vector[0] = 1.0
    norm = math.sqrt(sum(v * v for v in vector))
    return [v / norm for v in vector]


def schema_instance(schema: dict[str, Any], defs: dict[str, Any] | None = None) -> Any:
    """A small valid instance of a JSON schema (the subset pydantic emits)."""
    defs = defs if defs is not None else schema.get("$defs", {})
    if "$ref" in schema:
        return schema_instance(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    if "anyOf" in schema:
        return schema_instance(schema["anyOf"][0], defs)
    if "enum" in schema:
        return schema["enum"][0]
    if "default" in schema and schema.get("type") != "object":
        return schema["default"]
    kind = schema.get("type")
    if kind == "object":
        props = schema.get("properties", {})
        return {name: schema_instance(sub, defs) for name, sub in props.items()}
    if kind == "array":
        return [schema_instance(schema.get("items", {"type": "string"}), defs)]
    if kind == "integer":
        return max(int(schema.get("minimum", 0)), min(90, int(schema.get("maximum", 90))))
    if kind == "number":
        return 0.5
    if kind == "boolean":
        return False
    return "texto de prueba"


#: Answers for the engine's own schemas, closer to what a model writes than the generic ones.
KNOWN_SCHEMAS: dict[str, dict[str, Any]] = {
    "Reformulation": {
        "resumen": "El usuario no puede acceder a la aplicación.",
        "componente": "Otro",
        "palabras_clave": ["acceso", "aplicación", "error"],
        "frases_busqueda": ["no puede acceder a la aplicación", "error de acceso"],
        "posible_manipulacion": False,
    },
    "Critique": {"puntuacion": 90, "motivo": "La solución corresponde al problema descrito."},
}


class FakeModelServer:
    """The fake server; a context manager that starts it and always stops it."""

    def __init__(
        self,
        *,
        latency_s: float = 0.05,
        slow_s: float = 30.0,
        yes_probability: float = 0.97,
        no_share: int = 4,
        port: int = 0,
        slots: int | None = None,
    ) -> None:
        #: fixed delay before every answer
        self.latency_s = latency_s
        #: answered at once at most (a batched server's parallel slots); the others queue
        #: for a slot, their latency starting when they get one. None: no limit
        self.slots = slots
        self._slots = threading.BoundedSemaphore(slots) if slots else None
        #: how long a SLOW answer takes (the client should time out first)
        self.slow_s = slow_s
        #: P(«sí») the critic gets for most prompts; one prompt in ``no_share`` gets 1 - that
        self.yes_probability = yes_probability
        self.no_share = no_share
        self.fault = Fault.NONE
        self.requests: list[Received] = []
        #: images received in chat requests (vision), in order
        self.images: list[ReceivedImage] = []
        self._lock = threading.Lock()
        #: chat requests being answered right now, and the most at once since the last reset
        self.chat_in_flight = 0
        self.chat_peak = 0
        self._stopping = threading.Event()
        self._httpd = ThreadingHTTPServer((HOST, port), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}/v1"

    @property
    def chat_spec(self) -> str:
        return f"openai-compatible/{MODEL_NAME}@{self.base_url}"

    @property
    def vision_spec(self) -> str:
        return f"openai-compatible/{MODEL_NAME}-vision@{self.base_url}"

    @property
    def embedding_spec(self) -> str:
        return f"openai-compatible/{MODEL_NAME}-embeddings@{self.base_url}"

    def start(self) -> FakeModelServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening: from now on, connection refused."""
        self._stopping.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> FakeModelServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- state ------------------------------------------------------------------------------
    def reset(self, fault: Fault = Fault.NONE) -> None:
        with self._lock:
            self.fault = fault
            self.requests.clear()
            self.images.clear()
            self.chat_peak = self.chat_in_flight

    def chat_requests(self) -> int:
        with self._lock:
            return sum(1 for r in self.requests if r.path.endswith("/chat/completions"))

    def _received(self, path: str, body: dict[str, Any]) -> Fault:
        """Keep the request; the fault to answer it with."""
        with self._lock:
            self.requests.append(Received(path, body, time.monotonic()))
            if self.fault is Fault.GARBAGE:
                return GARBAGE_CYCLE[(len(self.requests) - 1) % len(GARBAGE_CYCLE)]
            return self.fault

    @contextlib.contextmanager
    def _chat_counted(self, path: str) -> Iterator[None]:
        """Counts a chat request while it waits for its answer (:attr:`chat_peak`)."""
        if not path.endswith("/chat/completions"):
            yield
            return
        with self._lock:
            self.chat_in_flight += 1
            self.chat_peak = max(self.chat_peak, self.chat_in_flight)
        try:
            yield
        finally:
            with self._lock:
                self.chat_in_flight -= 1

    def wait(self, seconds: float) -> None:
        """Sleep, but wake up when the server stops (slow answers do not hold up the test)."""
        self._stopping.wait(seconds)

    # -- answers ----------------------------------------------------------------------------
    def chat_answer(self, body: dict[str, Any]) -> dict[str, Any]:
        messages = body.get("messages") or []
        prompt = "\n".join(str(m.get("content", "")) for m in messages if isinstance(m, dict))
        response_format = body.get("response_format") or {}
        logprobs = None
        images = _images_of(messages)  # BadImage: answered 400
        if images:
            text = _text_of(messages)
            with self._lock:
                self.images += [ReceivedImage(mime, data, text) for mime, data in images]
            content = VISION_DESCRIPTION
        elif response_format.get("type") in ("json_schema", "json_object"):
            spec = response_format.get("json_schema") or {}
            schema = spec.get("schema") or response_format.get("schema") or {}
            name = spec.get("name", "")
            content = json.dumps(
                KNOWN_SCHEMAS.get(name) or schema_instance(schema), ensure_ascii=False
            )
        elif body.get("logprobs"):
            content, logprobs = self._one_token(prompt, int(body.get("top_logprobs") or 5))
        else:
            content = "sí"
        return {
            "id": f"chatcmpl-{_digest(prompt) % 10**12}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": str(body.get("model", MODEL_NAME)),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "logprobs": logprobs,
                    "finish_reason": "stop",
                }
            ],
            "usage": {
                "prompt_tokens": len(prompt.split()),
                "completion_tokens": max(1, len(content.split())),
                "total_tokens": len(prompt.split()) + max(1, len(content.split())),
            },
        }

    def _one_token(self, prompt: str, top: int) -> tuple[str, dict[str, Any]]:
        """«sí»/«no» (or a letter, when the prompt lists lettered options) with log-probs."""
        letters = re.findall(r"^\s*([A-H])\) ", prompt, flags=re.MULTILINE)
        yes = self.yes_probability
        if self.no_share and _digest(_without_personal_data(prompt)) % self.no_share == 0:
            yes = 1.0 - yes
        if letters:
            first, rest = letters[0], letters[1:]
            options = [(first, yes)] + [(x, (1 - yes) / max(1, len(rest))) for x in rest]
        else:
            options = [("sí", yes), ("no", 1 - yes)]
        options.sort(key=lambda o: -o[1])
        alternatives = [
            {"token": t, "logprob": math.log(max(p, 1e-9)), "bytes": None}
            for t, p in options[: max(1, top)]
        ]
        token = options[0][0]
        return token, {
            "content": [{**alternatives[0], "token": token, "top_logprobs": alternatives}],
            "refusal": None,
        }

    def embeddings_answer(self, body: dict[str, Any]) -> dict[str, Any]:
        inputs = body.get("input")
        texts = [inputs] if isinstance(inputs, str) else list(inputs or [])
        as_base64 = body.get("encoding_format") == "base64"
        data = []
        for i, item in enumerate(texts):
            # token ids when a client tokenises (the engine's openai-compatible one does not)
            text = item if isinstance(item, str) else " ".join(str(t) for t in item)
            vector = embed(text)
            value: Any = vector
            if as_base64:
                value = base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()
            data.append({"object": "embedding", "index": i, "embedding": value})
        return {
            "object": "list",
            "data": data,
            "model": str(body.get("model", MODEL_NAME)),
            "usage": {"prompt_tokens": 0, "total_tokens": 0},
        }


def _handler_for(server: FakeModelServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass  # the test's output stays readable

        def _send(self, status: int, payload: bytes, content_type: str) -> None:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        def _json(self, status: int, data: Any) -> None:
            self._send(status, json.dumps(data, ensure_ascii=False).encode(), "application/json")

        def do_GET(self) -> None:
            if self.path.rstrip("/").endswith("/models"):
                self._json(200, {"object": "list", "data": [{"id": MODEL_NAME, "object": "model"}]})
            elif self.path.rstrip("/") in ("/health", "/v1/health"):
                self._json(200, {"status": "ok"})
            else:
                self._json(404, {"error": {"message": f"no route {self.path}"}})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                self._json(400, {"error": {"message": "body is not JSON"}})
                return
            fault = server._received(self.path, body)
            with server._chat_counted(self.path), server._slots or contextlib.nullcontext():
                server.wait(server.latency_s)
            if fault is Fault.SLOW:
                server.wait(server.slow_s)
            if fault is Fault.HTTP_500:
                self._json(500, {"error": {"message": "fake internal error", "type": "server"}})
                return
            if fault is Fault.NOT_JSON:
                self._send(200, b"<html>502 Bad Gateway</html>", "application/json")
                return
            if self.path.endswith("/chat/completions"):
                try:
                    answer = server.chat_answer(body)
                except BadImage as exc:
                    self._json(400, {"error": {"message": str(exc), "type": "invalid_request"}})
                    return
            elif self.path.endswith("/embeddings"):
                answer = server.embeddings_answer(body)
            else:
                self._json(404, {"error": {"message": f"no route {self.path}"}})
                return
            if fault is Fault.TRUNCATED:
                text = json.dumps(answer, ensure_ascii=False).encode()
                self._send(200, text[: len(text) // 2], "application/json")
                return
            if fault is Fault.WRONG_SCHEMA:
                answer = {"object": "list", "result": "ok", "items": [1, 2, 3]}
            elif fault is Fault.NONSENSE and "choices" in answer:
                message = answer["choices"][0]["message"]
                message["content"] = "Lo siento, ¿puedes repetir? {{{ <<>> ]]"
                answer["choices"][0]["logprobs"] = None
            self._json(200, answer)

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--fault", choices=[f.value for f in Fault], default=Fault.NONE.value)
    args = parser.parse_args()
    with FakeModelServer(latency_s=args.latency, port=args.port) as server:
        server.fault = Fault(args.fault)
        print(f"LLM_MODEL={server.chat_spec}", flush=True)
        print(f"EMBEDDING_MODEL={server.embedding_spec}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
