"""The HTTP layer every network source shares: retries, backoff, 429 and clear errors.

Each network source gets a `SourceHttp`: a view of its client that counts the source's requests
and names the source in every error. A poll deals its sources to a few clients
(`SourceClients`); a single command (`sources --check`, a reply) uses one client.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import ssl
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from reviewwatch import __version__
from reviewwatch.errors import AuthError, BadResponseError, RateLimitError, SourceError
from reviewwatch.sources.tokens import SharedTokens

USER_AGENT = f"reviewwatch/{__version__}"
MAX_IDLE_CONNECTIONS = 20
RETRY_STATUSES = frozenset({500, 502, 503, 504})
Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How hard to try before a source is given up for this poll."""

    attempts: int = 4
    backoff: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 120.0


def new_client(
    *,
    timeout: float = 30.0,
    max_connections: int = 32,
    verify: ssl.SSLContext | bool = True,
) -> httpx.AsyncClient:
    """A client with our user agent and a bounded pool (`verify`: a TLS set-up to share)."""
    return httpx.AsyncClient(
        timeout=timeout,
        verify=verify,
        headers={"User-Agent": USER_AGENT},
        # httpx's default of 20 idle connections: with no cap, every connection ever opened
        # stays in the pool, and httpcore scans the whole pool (quadratically for the idle
        # ones, with a socket check each) on every request and every answer, on the loop.
        limits=httpx.Limits(
            max_connections=max_connections,
            max_keepalive_connections=min(max_connections, MAX_IDLE_CONNECTIONS),
        ),
        follow_redirects=True,
    )


class SourceClients:
    """The HTTP clients of one poll: one per concurrency slot, sharing one TLS set-up.

    Sources are dealt to the clients in turn, in the order the poll starts them, so the
    sources running at one time mostly hold different clients, and each client serves its
    sources one after another, keeping its connections alive from request to request and from
    source to source. One client for the whole poll did worse once the concurrency grew: its
    pool kept only so many idle connections (httpcore scans every pooled connection on every
    request and answer, on the event loop), so most requests opened a new connection and the
    scans grew with the pool. A client per source did worse at a low concurrency: a new
    connection for every source.
    """

    def __init__(self, slots: int) -> None:
        self._slots = max(1, slots)
        self._tls: ssl.SSLContext | None = None  # loading the CA bundle takes ~50 ms: once
        self._clients: list[httpx.AsyncClient] = []
        self._dealt = 0

    def new(self) -> httpx.AsyncClient:
        """The client for the next source."""
        if len(self._clients) < self._slots:
            if self._tls is None:
                self._tls = httpx.create_ssl_context()
            # A few connections: a platform's token endpoint and its API, and now and then a
            # second source on this client while the first still runs.
            self._clients.append(new_client(max_connections=8, verify=self._tls))
        client = self._clients[self._dealt % self._slots]
        self._dealt += 1
        return client

    async def __aenter__(self) -> SourceClients:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        for client in self._clients:
            await client.aclose()
        self._clients.clear()


def redact_url(url: str | httpx.URL) -> str:
    """A URL fit for an error message: no query string (it may hold a token) and no password."""
    parts = urlsplit(str(url))
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return f"{parts.scheme}://{host}{parts.path}"


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def snippet(response: httpx.Response, limit: int = 120) -> str:
    """The start of a response body, on one line, for an error message."""
    text = response.text if response.content else ""
    title = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
    if title:
        text = title.group(1)
    text = re.sub(r"\s+", " ", text).strip()
    text = "".join(ch for ch in text if ch.isprintable())
    return text[:limit] + ("..." if len(text) > limit else "")


class SourceHttp:
    """One source's view of the shared client, and of the tokens shared in the poll."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        source: str,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        tokens: SharedTokens | None = None,
    ) -> None:
        self.client = client
        self.source = source
        self.tokens = tokens if tokens is not None else SharedTokens()
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.requests = 0
        self._sleep = sleep
        # An adapter's own reading of a failed answer (a platform's quota codes, say): it may
        # raise a ReviewwatchError before the generic judgement below is made.
        self.error_hook: Callable[[httpx.Response], None] | None = None

    async def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json_body: Any = None,
        data: Mapping[str, Any] | None = None,
        content: bytes | None = None,
    ) -> httpx.Response:
        """Send a request, retrying timeouts, 5xx and 429, and raise a SourceError on failure.

        Returns a 2xx response. 401 and 403 raise AuthError, other 4xx SourceError.
        """
        last_problem = ""
        for attempt in range(1, self.retry.attempts + 1):
            self.requests += 1
            try:
                response = await self.client.request(
                    method,
                    url,
                    params=params,
                    headers=headers,
                    json=json_body,
                    data=data,
                    content=content,
                    timeout=self.timeout,
                )
            except httpx.TimeoutException:
                last_problem = f"timed out after {self.timeout:g} s"
            except httpx.TransportError as error:
                last_problem = f"could not connect ({type(error).__name__})"
            else:
                if response.is_success:
                    return response
                last_problem = await self._judge(response, attempt)
            if attempt < self.retry.attempts:
                await self._sleep(self._backoff(attempt))
        raise SourceError(
            f"{method} {redact_url(url)} failed after {self.retry.attempts} tries: {last_problem}"
        )

    async def _judge(self, response: httpx.Response, attempt: int) -> str:
        """Raise for a final failure; return a description (after waiting) for a retryable one."""
        status = response.status_code
        where = redact_url(response.request.url)
        if self.error_hook is not None:
            self.error_hook(response)
        if status == 429:
            wait = parse_retry_after(response.headers.get("Retry-After"))
            if wait is None:
                wait = self._backoff(attempt)
            if wait > self.retry.max_retry_after:
                raise RateLimitError(
                    f"rate limited by {where}: the platform asks to wait {wait:.0f} s; "
                    "skipped for this poll",
                    status=status,
                    body=response.text,
                )
            if attempt < self.retry.attempts:
                # The usual backoff sleep follows in `request`; wait out the rest of Retry-After.
                await self._sleep(max(0.0, wait - self._backoff(attempt)))
            return f"rate limited (HTTP 429) at {where}"
        if status in (401, 403):
            raise AuthError(
                f"HTTP {status} from {where}: the platform refused the credentials "
                f"({snippet(response)}); check the source's token or key",
                status=status,
                body=response.text,
            )
        if status in RETRY_STATUSES:
            return f"HTTP {status} from {where}"
        raise SourceError(
            f"HTTP {status} from {where}: {snippet(response)}", status=status, body=response.text
        )

    def _backoff(self, attempt: int) -> float:
        base = min(self.retry.max_backoff, self.retry.backoff * 2 ** (attempt - 1))
        jitter: float = random.random()
        return float(base) * (0.5 + jitter / 2)

    async def get_json(
        self,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        """GET a URL and parse its JSON body; an HTML or garbled answer is a BadResponseError."""
        response = await self.request("GET", url, params=params, headers=headers)
        return parse_json(response)


def parse_json(response: httpx.Response) -> Any:
    """The JSON body of a response, or a clear BadResponseError."""
    where = redact_url(response.request.url)
    content_type = response.headers.get("Content-Type", "")
    if "html" in content_type.lower() or response.content.lstrip()[:1] == b"<":
        raise BadResponseError(
            f"expected JSON from {where} but got an HTML page ({snippet(response)}); "
            "the URL may be wrong or the service may be down"
        )
    try:
        return json.loads(response.content)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BadResponseError(f"{where} did not return valid JSON: {error}") from error
