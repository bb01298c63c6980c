"""The HTTP plumbing shared by the incident-manager and target-system adapters.

Bearer auth, one timeout, retries with exponential backoff on connection errors, timeouts and
5xx answers (tenacity), and every failure as one :class:`errors.ExternalServiceError` whose
``kind`` says what went wrong. An ``httpx.Client`` can be injected, or anything with the same
calls (:class:`HttpClient`; FastAPI's ``TestClient`` in unit tests); otherwise one is built and
owned here.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit

import httpx
import structlog
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from errors import ExternalServiceError, ServiceErrorKind

log = structlog.get_logger("resolvia.adapters.http")

T = TypeVar("T")

#: The kind of error per HTTP status below 500 (5xx is retried, then UNAVAILABLE).
STATUS_KINDS: dict[int, ServiceErrorKind] = {
    400: ServiceErrorKind.INVALID_REQUEST,
    401: ServiceErrorKind.AUTH,
    403: ServiceErrorKind.AUTH,
    404: ServiceErrorKind.NOT_FOUND,
    409: ServiceErrorKind.CONFLICT,
    422: ServiceErrorKind.INVALID_REQUEST,
}


class HttpResponse(Protocol):
    """The part of ``httpx.Response`` the adapters use."""

    @property
    def status_code(self) -> int: ...

    @property
    def headers(self) -> Mapping[str, str]: ...

    @property
    def text(self) -> str: ...

    def json(self, **kwargs: Any) -> Any: ...

    def read(self) -> bytes: ...

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]: ...


class HttpClient(Protocol):
    """The part of ``httpx.Client`` the adapters use (``TestClient`` has it too)."""

    def request(
        self, method: str, url: str, *, json: Any = ..., params: Any = ..., headers: Any = ...
    ) -> HttpResponse: ...

    def stream(
        self, method: str, url: str, *, headers: Any = ..., follow_redirects: Any = ...
    ) -> AbstractContextManager[HttpResponse]: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class RetryPolicy:
    """``attempts`` in total; waits ``backoff_s``·2ⁿ between them, capped at ``max_backoff_s``."""

    attempts: int = 3
    backoff_s: float = 0.5
    max_backoff_s: float = 8.0
    sleep: Callable[[float], None] = time.sleep


class TransientError(Exception):
    """Worth retrying: the connection failed, timed out, or the server answered 5xx."""

    def __init__(self, message: str, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


#: The port an http(s) URL means when it names none.
DEFAULT_PORTS = {"http": 80, "https": 443}

#: What every loopback name or address normalises to, so that ``localhost``, ``127.0.0.1`` and
#: ``[::1]`` name the same origin (and nothing else does).
LOOPBACK = "localhost"


def normalise_host(host: str) -> str:
    """A host name or IP address in one spelling per machine, for comparing origins.

    Lower-cased, IPv6 brackets and one trailing dot (the DNS root) removed, IP addresses in
    their canonical form, and every loopback name or address as :data:`LOOPBACK`.
    """
    name = host.strip().lower().removeprefix("[").removesuffix("]").removesuffix(".")
    if name == LOOPBACK:
        return LOOPBACK
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return name
    # Python 3.11 does not call ::ffff:127.0.0.1 loopback, but it reaches 127.0.0.1.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return LOOPBACK if address.is_loopback else address.compressed


def origin_of(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) URL, normalised so that equal origins compare equal.

    Scheme and host as :func:`normalise_host` spells them, the default port made explicit.
    Raises ``ValueError`` for anything that has no such origin: another scheme, no host, or a
    port that is not a number in range.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise ValueError(f"not an http(s) URL: {url!r}")
    host = normalise_host(parts.hostname or "")
    if not host:
        raise ValueError(f"no host in {url!r}")
    port = parts.port  # raises ValueError itself when not a number in 0..65535
    return scheme, host, DEFAULT_PORTS[scheme] if port is None else port


#: What decoding a body that is not usable JSON raises: ValueError for text that is not JSON,
#: RecursionError for arrays or objects nested deeper than the parser goes (a few thousand
#: levels: a broken or hostile service).
UNDECODABLE = (ValueError, RecursionError)


def detail_of(response: HttpResponse) -> str:
    """The server's ``detail`` message when it sent one, else a short text excerpt."""
    try:
        body = response.json()
    except UNDECODABLE:
        return response.text[:300]
    if isinstance(body, dict) and isinstance(body.get("detail"), str):
        return str(body["detail"])
    return str(body)[:300]


class ServiceClient:
    """Authenticated JSON calls to one service's origin, with retries and typed errors.

    ``service`` names the system in every error raised (``"incident_manager"``, …).
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        service: str,
        *,
        timeout_s: float = 30.0,
        client: HttpClient | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.service = service
        self.retry = retry or RetryPolicy()
        # An injected client keeps its own timeout settings.
        self._owns_client = client is None
        self._client: HttpClient = client or httpx.Client(
            timeout=httpx.Timeout(timeout_s), follow_redirects=False
        )
        self._auth = {"Authorization": f"Bearer {token}"}

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def error(
        self, kind: ServiceErrorKind, message: str, status: int | None = None
    ) -> ExternalServiceError:
        """The error to raise for this service (the message starts with service and kind)."""
        return ExternalServiceError(
            f"{self.service} {kind}: {message}",
            service=self.service,
            kind=kind,
            status_code=status,
        )

    def check(self, response: HttpResponse) -> None:
        """Raise the error for a non-2xx answer (5xx as :class:`TransientError`)."""
        status = response.status_code
        if status < 300:
            return
        if status >= 500:
            raise TransientError(f"HTTP {status}: {detail_of(response)}", status)
        response.read()
        kind = STATUS_KINDS.get(status, ServiceErrorKind.UNEXPECTED_RESPONSE)
        raise self.error(kind, f"HTTP {status} {detail_of(response)}", status)

    def with_retries(self, call: Callable[[], T], what: str) -> T:
        """Run ``call`` (which raises :class:`TransientError` on retryable failures) with retries;
        connection errors and timeouts count as transient."""

        def once() -> T:
            try:
                return call()
            except httpx.TransportError as exc:  # includes timeouts
                raise TransientError(f"{type(exc).__name__}: {exc}") from exc

        policy = self.retry
        retrying = Retrying(
            stop=stop_after_attempt(policy.attempts),
            wait=wait_exponential(multiplier=policy.backoff_s, max=policy.max_backoff_s),
            retry=retry_if_exception_type(TransientError),
            before_sleep=lambda state: log.warning(
                "http.retry", service=self.service, what=what, attempt=state.attempt_number
            ),
            sleep=policy.sleep,
            reraise=True,
        )
        try:
            return retrying(once)
        except TransientError as exc:
            raise self.error(
                ServiceErrorKind.UNAVAILABLE,
                f"{what} failed after {policy.attempts} attempt(s): {exc}",
                exc.status_code,
            ) from exc

    def request_json(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        """One JSON call; returns the decoded body."""

        def call() -> HttpResponse:
            response = self._client.request(
                method,
                self.url(path),
                json=body,
                params=params,
                headers={**self._auth, "Accept": "application/json", **(headers or {})},
            )
            self.check(response)
            return response

        response = self.with_retries(call, f"{method} {path}")
        try:
            return response.json()
        except UNDECODABLE:
            raise self.error(
                ServiceErrorKind.UNEXPECTED_RESPONSE,
                f"{method} {path}: the answer is not JSON",
                response.status_code,
            ) from None

    @contextmanager
    def stream(self, url: str) -> Iterator[HttpResponse]:
        """A streamed, authenticated GET (no retries: use inside :meth:`with_retries`)."""
        with self._client.stream(
            "GET", url, headers=self._auth, follow_redirects=False
        ) as response:
            yield response

    def invalid_response(self, message: str) -> ExternalServiceError:
        """The error for an answer that does not match the contract."""
        return self.error(ServiceErrorKind.UNEXPECTED_RESPONSE, message)
