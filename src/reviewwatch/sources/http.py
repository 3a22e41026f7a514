"""The HTTP layer every network source shares: retries, backoff, 429 and clear errors.

Each network source gets a `SourceHttp`: a view of its client that counts the source's requests
and names the source in every error. A poll deals its sources to a few clients
(`SourceClients`); a single command (`sources --check`, a reply) uses one client.

A hostile or broken host costs its own source and nothing more:
- each try has one deadline from connect to the last byte (a host that drips a byte a second
  cannot stretch it);
- an answer is read as a stream, decoded in bounded steps, and given up past `max_bytes`
  after decompression;
- a redirect is followed only on the same origin and only for a request without a body; one to
  another host is an error naming that host, so credentials never travel there;
- every credential a request carries is remembered, so that `scrub` can blank it (and the
  forms it may be echoed in) from any message.
"""

from __future__ import annotations

import asyncio
import random
import re
import ssl
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

import httpx

from reviewwatch import __version__
from reviewwatch.errors import AuthError, BadResponseError, RateLimitError, SourceError
from reviewwatch.models import Page
from reviewwatch.secrets import scrub, secret_forms
from reviewwatch.sources.decoding import ACCEPT_ENCODING, BoundedDecoder
from reviewwatch.sources.normalise import json_problem, load_json
from reviewwatch.sources.tokens import SharedTokens

USER_AGENT = f"reviewwatch/{__version__}"
MAX_IDLE_CONNECTIONS = 20
RETRY_STATUSES = frozenset({500, 502, 503, 504})
MAX_REDIRECTS = 5
DEFAULT_MAX_ANSWER_BYTES = 64 * 1024 * 1024
# Request headers that never carry a credential; every other header value is treated as one.
PLAIN_HEADERS = frozenset(
    {
        "host",
        "user-agent",
        "accept",
        "accept-encoding",
        "accept-language",
        "connection",
        "content-type",
        "content-length",
    }
)
# Form fields and query parameters whose names say they hold a credential.
_CREDENTIAL_NAME = re.compile(r"token|secret|password|assertion|api_?key|code", re.IGNORECASE)
# Headers of a streamed answer that describe the bytes on the wire, not the decoded body.
_WIRE_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})
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
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
        # httpx's default of 20 idle connections: with no cap, every connection ever opened
        # stays in the pool, and httpcore scans the whole pool (quadratically for the idle
        # ones, with a socket check each) on every request and every answer, on the loop.
        limits=httpx.Limits(
            max_connections=max_connections,
            max_keepalive_connections=min(max_connections, MAX_IDLE_CONNECTIONS),
        ),
        # `SourceHttp` follows redirects itself: same origin only, never with a body.
        follow_redirects=False,
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
    return f"{parts.scheme}://{host_of(url)}{parts.path}"


def host_of(url: str | httpx.URL) -> str:
    """`host` or `host:port` of a URL, without any user or password (even if the port is bad)."""
    netloc = urlsplit(str(url)).netloc
    return netloc.rpartition("@")[2]


def origin(url: httpx.URL) -> tuple[str, str, int | None]:
    """Scheme, host and port (the scheme's default filled in) of a URL."""
    port = url.port or {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, port


def follow_link(current: str, link: str, *, home: str) -> str:
    """The absolute URL of a next-page link found on `current`, which must stay on the origin
    of `home` (the configured address): the next request carries the source's credentials."""
    target = urljoin(current, link.strip())
    try:
        same = origin(httpx.URL(target)) == origin(httpx.URL(home))
    except (httpx.InvalidURL, ValueError) as error:
        raise BadResponseError(
            f"{redact_url(current)}: the next-page link is not a usable URL ({error})"
        ) from None
    if not same:
        raise BadResponseError(
            f"{redact_url(current)}: the next-page link points to another host "
            f"({host_of(target) or target}); reviewwatch does not send the source's "
            "credentials there"
        )
    return target


def page_cap_warning(pages: int) -> Page:
    """An empty last page saying that a listing was cut off at `pages` pages."""
    return Page(
        (),
        warnings=(
            f"stopped at {pages} pages, the most one poll reads from a listing; the rest was "
            "not read (a listing that never ends is usually a broken next-page link)",
        ),
    )


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


def snippet(
    response: httpx.Response, limit: int = 120, *, secrets: frozenset[str] | set[str] = frozenset()
) -> str:
    """The start of a response body, on one line, for an error message.

    `secrets` are blanked before the cut, so that no part of one is left at the end.
    """
    text = scrub(response.text, secrets) if response.content else ""
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
        max_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
    ) -> None:
        self.client = client
        self.source = source
        self.tokens = tokens if tokens is not None else SharedTokens()
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.max_bytes = max_bytes
        self.requests = 0
        # Every credential sent so far, in every form it may come back in (see `scrub`).
        self.credentials: set[str] = set()
        self._remembered: set[str] = set()
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

        Returns a 2xx response. 401 and 403 raise AuthError, other 4xx SourceError. Each try
        has `timeout` seconds from connect to the last byte of the answer.
        """
        last_problem = ""
        for attempt in range(1, self.retry.attempts + 1):
            self.requests += 1
            try:
                request = self.client.build_request(
                    method,
                    url,
                    params=params,
                    headers=headers,
                    json=json_body,
                    data=data,
                    content=content,
                    timeout=self.timeout,
                )
            except (httpx.InvalidURL, ValueError, TypeError) as error:
                raise SourceError(
                    f"{method} {redact_url(url)}: not a usable URL ({error})"
                ) from None
            self._remember_credentials(request)
            try:
                async with asyncio.timeout(self.timeout):
                    response = await self._exchange(request)
            except (TimeoutError, httpx.TimeoutException):
                last_problem = f"timed out after {self.timeout:g} s"
            except httpx.TransportError as error:
                last_problem = f"the connection failed ({type(error).__name__})"
            except httpx.HTTPError as error:  # decoding, a bad header, ...
                raise BadResponseError(
                    f"{method} {redact_url(url)}: unreadable answer ({type(error).__name__}: "
                    f"{self.scrub(str(error))})"
                ) from None
            else:
                if response.is_success:
                    return response
                last_problem = await self._judge(response, attempt)
            if attempt < self.retry.attempts:
                await self._sleep(self._backoff(attempt))
        raise SourceError(
            f"{method} {redact_url(url)} failed after {self.retry.attempts} tries: {last_problem}"
        )

    async def _exchange(self, request: httpx.Request) -> httpx.Response:
        """Send `request`, following same-origin redirects of body-less requests, and read the
        whole answer (within `max_bytes`)."""
        first = request
        for _hop in range(MAX_REDIRECTS + 1):
            _check_port(request.url)
            try:
                response = await self.client.send(request, stream=True, follow_redirects=False)
            except OverflowError as error:  # a port the socket layer refuses
                raise SourceError(f"{redact_url(request.url)}: {error}") from None
            try:
                if not response.has_redirect_location:
                    return await self._read(response)
            finally:
                await response.aclose()
            request = self._redirect(first, request, response)
        raise BadResponseError(
            f"{first.method} {redact_url(first.url)}: more than {MAX_REDIRECTS} redirects"
        )

    def _redirect(
        self, first: httpx.Request, request: httpx.Request, response: httpx.Response
    ) -> httpx.Request:
        """The request a redirect leads to, or an error when following it could leak."""
        try:
            target = request.url.join(response.headers["Location"].strip())
        except (httpx.InvalidURL, ValueError) as error:
            raise BadResponseError(
                f"{first.method} {redact_url(first.url)} was redirected to an unusable URL "
                f"({error})"
            ) from None
        where = f"HTTP {response.status_code} to {host_of(target) or target}"
        if target.scheme not in ("http", "https") or origin(target) != origin(first.url):
            raise SourceError(
                f"{first.method} {redact_url(first.url)} was redirected to another host "
                f"({where}); reviewwatch sends credentials only to the configured host. If the "
                "platform has moved, change the source's URL",
                status=response.status_code,
            )
        if request.method not in ("GET", "HEAD"):
            raise SourceError(
                f"{first.method} {redact_url(first.url)} was redirected ({where}); a request "
                "with a body is never sent a second time",
                status=response.status_code,
            )
        return self.client.build_request(
            request.method, target, headers=request.headers, timeout=self.timeout
        )

    async def _read(self, response: httpx.Response) -> httpx.Response:
        """The answer with its whole body, decoded; an error past `max_bytes`."""
        chunks: list[bytes] = []
        size = 0
        source = f"the answer from {redact_url(response.request.url)}"
        decoder = BoundedDecoder(response.headers.get("Content-Encoding", ""), source)

        def keep(piece: bytes) -> None:
            nonlocal size
            size += len(piece)
            if size > self.max_bytes:
                raise BadResponseError(
                    f"{source} is larger than "
                    f"{_megabytes(self.max_bytes)} after decompression; stopped reading it "
                    "([settings] max_answer_mb sets the limit)"
                )
            chunks.append(piece)

        if response.is_stream_consumed:
            # An in-process transport hands over a body it has already read and decoded.
            keep(response.content)
        else:
            async for raw in response.aiter_raw():
                for piece in decoder.feed(raw):
                    keep(piece)
            for piece in decoder.finish():
                keep(piece)
        headers = [
            (name, value)
            for name, value in response.headers.multi_items()
            if name.lower() not in _WIRE_HEADERS
        ]
        return httpx.Response(
            response.status_code,
            headers=headers,
            content=b"".join(chunks),
            request=response.request,
            extensions=response.extensions,
        )

    def _remember_credentials(self, request: httpx.Request) -> None:
        for name, value in request.headers.items():
            if name.lower() not in PLAIN_HEADERS:
                self._remember(value)
        for name, value in request.url.params.multi_items():
            if _CREDENTIAL_NAME.search(name):
                self._remember(value)
        if request.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            for name, value in parse_qsl(request.content.decode("utf-8", "replace")):
                if _CREDENTIAL_NAME.search(name):
                    self._remember(value)

    def _remember(self, value: str) -> None:
        # Every request of a source sends the same few values: their forms are worked out once.
        if value not in self._remembered:
            self._remembered.add(value)
            self.credentials |= secret_forms(value)

    def scrub(self, message: str) -> str:
        """`message` without any credential this source has sent."""
        return scrub(message, self.credentials)

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
                f"({snippet(response, secrets=self.credentials)}); check the source's token or "
                "key",
                status=status,
                body=response.text,
            )
        if status in RETRY_STATUSES:
            return f"HTTP {status} from {where}"
        raise SourceError(
            f"HTTP {status} from {where}: {snippet(response, secrets=self.credentials)}",
            status=status,
            body=response.text,
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
        return load_json(response.content)
    except (ValueError, RecursionError) as error:
        raise BadResponseError(
            f"{where} did not return valid JSON: {json_problem(error)}"
        ) from None


def _check_port(url: httpx.URL) -> None:
    if url.port is not None and not 0 < url.port <= 65535:
        raise SourceError(f"{redact_url(url)}: port {url.port} is not a valid port (1-65535)")


def _megabytes(count: int) -> str:
    return f"{count / (1024 * 1024):g} MB"
