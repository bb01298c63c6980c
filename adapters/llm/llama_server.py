"""The bundled model's server: llama-cpp-python's OpenAI-compatible server plus one route.

``python -m adapters.llm.llama_server <llama_cpp.server arguments>`` serves what
``python -m llama_cpp.server`` serves (``/v1/chat/completions``, ``/v1/models``, …) and adds

``POST /resolvia/span_logprobs`` with ``{"messages": [...], "open": "...", "close": "..."}``:
the chat messages are formatted with the model's own chat template (as the chat route does),
and the answer holds the log-probability of every token between the first ``open`` marker and
the ``close`` marker that follows it, each given everything before it::

    {"logprobs": [-0.41, -2.3, ...], "tokens": 57, "reused": 812, "evaluated": 0}

The critic's confidence model uses it (``row_pmi``: how much likelier the model finds the
knowledge-base row after reading the incident than after reading nothing). OpenAI's API and
llama-cpp-python's chat route give log-probabilities of generated tokens only, and its
completion route's ``echo`` computes them in Python over the whole vocabulary for every prompt
token (about a minute per call on 2 cores); here the prompt prefix the previous request left
in the KV cache is reused, the rest of the prefix is evaluated without logits, and logits are
kept only for the span.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, cast

import numpy as np
from pydantic import BaseModel, Field

#: a request's messages may not ask the server to evaluate more text than this
MAX_PROMPT_CHARS = 60_000


class SpanRequest(BaseModel):
    messages: list[dict[str, Any]] = Field(min_length=1)
    open: str = Field(min_length=1)
    close: str = Field(min_length=1)
    model: str | None = None


class SpanResponse(BaseModel):
    logprobs: list[float]
    tokens: int
    #: prompt tokens taken from the KV cache the previous request left
    reused: int
    #: prompt tokens evaluated for this request (0: the previous request's logits served)
    evaluated: int = 0


class SpanError(ValueError):
    """The request cannot be answered as asked (markers missing, span not on a token edge)."""


def chat_prompt(llm: Any, messages: list[dict[str, Any]]) -> str:
    """The prompt text the chat route builds for ``messages``, up to the answer."""
    from llama_cpp import llama_chat_format

    template = llm.metadata.get("tokenizer.chat_template")
    if not template:
        raise SpanError("the model has no chat template in its GGUF metadata")
    eos = llm.token_eos()
    bos = llm.token_bos()
    formatter = llama_chat_format.Jinja2ChatFormatter(
        template=template,
        eos_token=llm._model.token_get_text(eos) if eos != -1 else "",
        bos_token=llm._model.token_get_text(bos) if bos != -1 else "",
    )
    return formatter(messages=cast(Any, messages)).prompt


def span_logprobs(llm: Any, text: str, open_: str, close: str) -> SpanResponse:
    """Log-probability of each token of ``text`` between ``open_`` and ``close`` given what
    precedes it. ``llm`` is a ``llama_cpp.Llama``; its KV cache is reused and left holding
    ``text`` up to the span's end."""
    if len(text) > MAX_PROMPT_CHARS:
        raise SpanError(f"prompt of {len(text)} characters, more than {MAX_PROMPT_CHARS}")
    at = text.find(open_)
    if at < 0 or text.count(open_) != 1:
        raise SpanError("the opening marker must be in the prompt exactly once")
    start = at + len(open_)
    end = text.find(close, start)
    if end < 0:
        raise SpanError("the closing marker does not follow the opening one")
    # tokenised whole, as the chat route does, so that its KV cache and logits serve; the span
    # is the tokens that begin inside it (its last one may run into the closing marker)
    tokens = llm.tokenize(text.encode("utf-8"), add_bos=False, special=True)
    offsets, at_byte = [], 0
    for token in tokens:
        offsets.append(at_byte)
        at_byte += len(llm.detokenize([token], special=True))
    start_b, end_b = len(text[:start].encode("utf-8")), len(text[:end].encode("utf-8"))
    inside = [i for i, b in enumerate(offsets) if start_b <= b < end_b]
    if at_byte != len(text.encode("utf-8")) or not inside or offsets[inside[0]] != start_b:
        raise SpanError("the span does not start on a token boundary, or is empty")
    head, upto = tokens[: inside[0]], tokens[: inside[-1] + 1]
    if len(upto) >= llm.n_ctx():
        raise SpanError(f"{len(upto)} tokens do not fit the context of {llm.n_ctx()}")
    if llm.scores.shape[0] < len(upto):
        raise SpanError("the server keeps no logits per token: start it with --logits_all true")
    span = upto[len(head) :]
    first = len(head) - 1  # the logits there predict the span's first token
    cached = list(llm.input_ids[: llm.n_tokens])
    if cached[: len(upto)] == upto:
        # The chat request that asked about this row (same messages) evaluated these positions
        # with logits (the server's logits_all): nothing to compute. Positions evaluated here
        # without logits all lie before the (single) marker, never in a span.
        reused, evaluated = len(upto), 0
    else:
        keep, limit = 0, min(len(cached), first)
        while keep < limit and cached[keep] == head[keep]:
            keep += 1
        reused, evaluated = keep, len(upto) - keep
        logits_all = llm._logits_all
        try:
            llm.n_tokens = keep  # eval() drops the KV cache past this point
            llm._logits_all = False  # the prefix: no logits needed, most of the time saved
            llm.eval(head[keep:first])
            llm._logits_all = True
            llm.eval(upto[first:])
        finally:
            llm._logits_all = logits_all
    rows = np.asarray(llm.scores[first : first + len(span)], dtype=np.float64)
    top = rows.max(axis=1, keepdims=True)
    norm = top[:, 0] + np.log(np.exp(rows - top).sum(axis=1))
    values = rows[np.arange(len(span)), span] - norm
    return SpanResponse(
        logprobs=[float(v) for v in values],
        tokens=len(span),
        reused=reused,
        evaluated=evaluated,
    )


def build_router() -> Any:
    from fastapi import APIRouter, Depends, HTTPException
    from llama_cpp.server.app import get_llama_proxy
    from starlette.concurrency import run_in_threadpool

    router = APIRouter()

    @router.post("/resolvia/span_logprobs", response_model=SpanResponse)
    # a default, not Annotated: the names are imported here, where FastAPI could not resolve
    # a postponed annotation
    async def span_route(
        body: SpanRequest,
        proxy: Any = Depends(get_llama_proxy),  # noqa: B008
    ) -> Any:
        llm = proxy(body.model)

        def work() -> SpanResponse:
            return span_logprobs(llm, chat_prompt(llm, body.messages), body.open, body.close)

        try:
            return await run_in_threadpool(work)
        except SpanError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from exc

    return router


def main(argv: list[str] | None = None) -> None:
    import uvicorn
    from llama_cpp.server.app import create_app
    from llama_cpp.server.cli import add_args_from_model
    from llama_cpp.server.settings import ModelSettings, ServerSettings, Settings

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_args_from_model(parser, Settings)
    args = parser.parse_args(argv)
    try:
        given = {k: v for k, v in vars(args).items() if v is not None}
        server_settings = ServerSettings(
            **{k: v for k, v in given.items() if k in ServerSettings.model_fields}
        )
        model_settings = [
            ModelSettings(**{k: v for k, v in given.items() if k in ModelSettings.model_fields})
        ]
    except ValueError as exc:  # pydantic's ValidationError is one
        print(f"llama server: bad arguments: {exc}", file=sys.stderr)
        sys.exit(2)
    app = create_app(server_settings=server_settings, model_settings=model_settings)
    app.include_router(build_router())
    uvicorn.run(
        app,
        host=os.getenv("HOST", server_settings.host),
        port=int(os.getenv("PORT", str(server_settings.port))),
    )


if __name__ == "__main__":
    main()
