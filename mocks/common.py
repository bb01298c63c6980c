"""What both mock services share: bearer auth, the request log, readable 422s, /health."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

import anyio
import structlog
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mocks.store import MockStore

log = structlog.get_logger("resolvia.mocks")

IDEMPOTENCY_HEADER = "Idempotency-Key"
#: Reachable without a token (and not written to the request log).
PUBLIC_PATHS = frozenset({"/health", "/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json"})
REQUEST_LOG_PATH = "/api/_requests"
_MAX_LOGGED_BODY = 64 * 1024


def error_message(errors: list[dict[str, Any]]) -> tuple[str, list[dict[str, str]]]:
    """One readable line plus a compact list from pydantic/FastAPI validation errors."""
    compact = []
    for err in errors:
        loc = ".".join(str(part) for part in err.get("loc", ())) or "body"
        msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
        compact.append({"loc": loc, "msg": msg})
    summary = "; ".join(f"{e['loc']}: {e['msg']}" for e in compact)
    return f"Invalid request: {summary}", compact


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    detail, errors = error_message(list(exc.errors()))
    return JSONResponse(status_code=422, content={"detail": detail, "errors": errors})


class RequestLogMiddleware:
    """Pure ASGI middleware writing one row per API request to the ``requests`` table."""

    def __init__(self, app: ASGIApp, store: MockStore, service: str) -> None:
        self.app = app
        self.store = store
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path in PUBLIC_PATHS or path == REQUEST_LOG_PATH:
            await self.app(scope, receive, send)
            return
        # Buffer the body first so that it is logged even when the app never reads it (401).
        body = b""
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            body += message.get("body", b"")
            more = message.get("more_body", False)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        status = 500

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, replay, capture)
        finally:
            await self._record(scope, body, status)

    async def _record(self, scope: Scope, body: bytes, status: int) -> None:
        headers = {k.decode("latin-1").lower(): v for k, v in scope.get("headers", [])}
        key = headers.get(IDEMPOTENCY_HEADER.lower())
        query = scope.get("query_string", b"").decode("latin-1")
        path = scope["path"] + (f"?{query}" if query else "")
        text = body[:_MAX_LOGGED_BODY].decode("utf-8", errors="replace") if body else None
        method = scope["method"]
        await anyio.to_thread.run_sync(
            lambda: self.store.log_request(
                service=self.service,
                method=method,
                path=path,
                body=text,
                idempotency_key=key.decode("latin-1") if key else None,
                status=status,
            )
        )
        log.info("mock.request", service=self.service, method=method, path=path, status=status)


_bearer = HTTPBearer(auto_error=False, description="Settings.MOCKS_TOKEN")


class BearerToken:
    """Dependency: the request must carry ``Authorization: Bearer <token>`` (else 401)."""

    def __init__(self, token: str) -> None:
        if not token:
            raise ValueError("the mock services need a non-empty bearer token")
        self._expected = token.encode()

    def __call__(
        self, credentials: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)]
    ) -> None:
        if credentials is None or not secrets.compare_digest(
            credentials.credentials.encode(), self._expected
        ):
            raise HTTPException(
                status_code=401,
                detail="Missing or invalid bearer token",
                headers={"WWW-Authenticate": "Bearer"},
            )


def create_service_app(
    *, title: str, service: str, description: str, store: MockStore, token: str, api: APIRouter
) -> FastAPI:
    """A FastAPI app with /health, token-protected ``api`` routes and the request log."""
    app = FastAPI(title=title, description=description, version="1.0.0")
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_middleware(RequestLogMiddleware, store=store, service=service)

    @app.get("/health", tags=["operations"])
    def health() -> dict[str, str]:
        """Liveness probe (no token needed)."""
        return {"status": "ok", "service": service}

    ops = APIRouter(prefix="/api", tags=["operations"])

    @ops.get("/_requests")
    def request_log(
        limit: Annotated[int, Query(ge=1, le=10000)] = 1000,
        service_name: Annotated[
            str | None, Query(alias="service", description="Another service's log; '*' = all.")
        ] = None,
    ) -> list[dict[str, Any]]:
        """The newest request-log rows of this service (oldest first)."""
        wanted = service_name or service
        return store.list_requests(None if wanted == "*" else wanted, limit)

    auth = [Depends(BearerToken(token))]
    app.include_router(ops, dependencies=auth)
    app.include_router(api, dependencies=auth)
    return app
