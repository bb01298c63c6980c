"""``resolvia serve-llm``: the shared model service (see :mod:`adapters.llm.service`)."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.common import err, expected_failures, setup


def serve_llm(
    host: Annotated[
        str | None,
        typer.Option(help="Address to bind (default LLM_SERVICE_HOST, 127.0.0.1)."),
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(min=1, max=65535, help="Port (default LLM_SERVICE_PORT, 8090)."),
    ] = None,
) -> None:
    """Serve LLM_MODEL (with LLM_FALLBACK_MODEL) and EMBEDDING_MODEL over an OpenAI-compatible
    API, so that many workers share one model process and one embedding model."""
    import uvicorn

    from adapters.embeddings import build_embedder
    from adapters.llm.service import build_model_service, check_bind, create_app

    settings = setup(job="serve-llm")
    bind = host or settings.LLM_SERVICE_HOST
    chosen_port = port or settings.LLM_SERVICE_PORT
    token = settings.LLM_SERVICE_TOKEN.get_secret_value() if settings.LLM_SERVICE_TOKEN else None
    with expected_failures():
        check_bind(bind, token)
        service = build_model_service(settings, build_embedder(settings))
    err.print(f"Starting {settings.LLM_MODEL} ...", markup=False)
    service.start()  # a provider that does not start is reported by /health, not fatal
    app = create_app(
        service,
        token=token,
        max_request_bytes=settings.LLM_SERVICE_MAX_REQUEST_BYTES,
        timeout_s=settings.LLM_SERVICE_TIMEOUT_S,
    )
    url_host = f"[{bind}]" if ":" in bind else bind
    base = f"http://{url_host}:{chosen_port}/v1"
    err.print(
        f"Model service on {base} (Ctrl-C stops it). Point the engine at it with "
        f"LLM_MODEL=openai-compatible/{service.chat_model}@{base} and "
        f"EMBEDDING_MODEL=openai-compatible/{service.embedding_model}@{base}"
        + (" and OPENAI_API_KEY=<LLM_SERVICE_TOKEN>." if token else "."),
        markup=False,
    )
    if token is None:
        err.print("LLM_SERVICE_TOKEN is not set: the service takes requests without a token.")
    uvicorn.run(app, host=bind, port=chosen_port, log_level="warning")
