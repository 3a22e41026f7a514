"""What the Google kinds share: OAuth token exchange, authorised calls and Google's errors.

Google answers errors as `{"error": {"code", "message", "status"}}` and its token endpoint as
`{"error": "invalid_grant", "error_description": ...}`. `SourceHttp` raises before an adapter
sees the response, and its messages carry the start of the body, so the details are read back
from the message: best effort, and the original message stays when nothing is recognised.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from reviewwatch.errors import AuthError, BadResponseError, RateLimitError, SourceError
from reviewwatch.models import FetchedReview, Page
from reviewwatch.sources import _api
from reviewwatch.sources.http import SourceHttp, parse_json, redact_url
from reviewwatch.sources.normalise import RecordError, parse_time
from reviewwatch.sources.pages import read_page
from reviewwatch.sources.tokens import TokenCache

TOKEN_URL = "https://oauth2.googleapis.com/token"
# Google's access tokens live an hour; used when a token answer leaves out `expires_in`.
DEFAULT_TOKEN_LIFETIME = 3600.0
_QUOTA_WORDS = ("RESOURCE_EXHAUSTED", "rateLimitExceeded", "dailyLimitExceeded", "quota")


@dataclass(frozen=True, slots=True)
class GoogleProblem:
    """What an error raised by `SourceHttp` says about Google's answer."""

    http_status: int | None
    status: str | None  # Google's status word (PERMISSION_DENIED) or OAuth error code
    message: str | None

    def describe(self) -> str:
        """`HTTP 403 PERMISSION_DENIED: message`, with whatever parts are known."""
        head = " ".join(
            part
            for part in (f"HTTP {self.http_status}" if self.http_status else "", self.status)
            if part
        )
        if self.message:
            return f"{head}: {self.message}" if head else self.message
        return head or "no details"


def read_problem(error: SourceError) -> GoogleProblem:
    """Google's status and message, read from a `SourceHttp` error message."""
    text = str(error)
    code = re.search(r"\bHTTP (\d{3})\b", text)
    status = re.search(r'"status"\s*:\s*"([A-Z_]+)"', text) or re.search(
        r'"error"\s*:\s*"([a-z_]+)"', text
    )
    message = re.search(r'"(?:message|error_description)"\s*:\s*"((?:[^"\\]|\\.)*)', text)
    return GoogleProblem(
        http_status=int(code.group(1)) if code else None,
        status=status.group(1) if status else None,
        message=message.group(1).rstrip(".") if message else None,
    )


def is_quota(error: SourceError) -> bool:
    """Whether Google refused because a quota is spent (429, or a 403 naming a quota)."""
    if isinstance(error, RateLimitError):
        return True
    text = str(error)
    if re.search(r"\bHTTP 429\b", text):
        return True
    return isinstance(error, AuthError) and any(
        word.casefold() in text.casefold() for word in _QUOTA_WORDS
    )


class TokenRefusedError(AuthError):
    """The token endpoint refused the configured credential; the message says what to fix."""


async def exchange_token(
    http: SourceHttp,
    url: str,
    form: Mapping[str, str],
    *,
    refusals: Mapping[str, str],
    fallback: str,
) -> tuple[str, float]:
    """POST a token request form; return (access token, lifetime in seconds).

    `refusals` maps OAuth error codes (`invalid_grant` ...) to what the user should fix;
    `fallback` is used for any other refusal. The form holds credentials, so no message
    quotes it.
    """
    try:
        response = await http.request(
            "POST", url, data=dict(form), headers={"Accept": "application/json"}
        )
    except SourceError as error:
        problem = read_problem(error)
        if problem.http_status not in (400, 401, 403, 429):
            raise  # unreachable, broken or a wrong URL: the original message says so
        if problem.http_status == 429:
            raise RateLimitError(
                f"Google's token endpoint is rate limiting ({problem.describe()}); "
                "skipped for this poll"
            ) from None
        advice = refusals.get(problem.status or "", fallback)
        raise TokenRefusedError(f"{advice} [{problem.describe()}]") from None
    return _api.token_answer(
        parse_json(response), where=redact_url(url), default_lifetime=DEFAULT_TOKEN_LIFETIME
    )


@dataclass(frozen=True, slots=True)
class Advice:
    """What to tell the user when Google refuses a request of one source."""

    service: str  # "Google Play", "Google Business Profile"
    unauthenticated: str  # after HTTP 401
    forbidden: str  # after HTTP 403 that is not about quota
    quota: str  # after the quota is spent


class GoogleApi:
    """Authorised JSON calls to one Google API on behalf of one source.

    Either a `TokenCache` (renewable tokens) or a fixed access token, which cannot be renewed:
    a refusal then ends with advice on setting up renewal.
    """

    def __init__(self, http: SourceHttp, credential: TokenCache | str, advice: Advice) -> None:
        self.http = http
        self._credential = credential
        self.advice = advice

    async def call(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        json_body: Any = None,
    ) -> Any:
        """Send one request with a bearer token and return its parsed JSON body."""

        async def attempt(token: str) -> httpx.Response:
            try:
                return await self.http.request(
                    method,
                    url,
                    params=params,
                    json_body=json_body,
                    headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
                )
            except SourceError as error:
                # Raised here so that the token cache does not renew a token for a quota.
                if is_quota(error):
                    raise RateLimitError(self._quota_message(error)) from None
                raise

        try:
            response = await self._with_token(attempt)
        except TokenRefusedError:
            raise
        except AuthError as error:
            raise AuthError(self._refusal_message(error)) from None
        return parse_json(response) if response.content.strip() else {}

    async def _with_token(
        self, request: Callable[[str], Awaitable[httpx.Response]]
    ) -> httpx.Response:
        if isinstance(self._credential, TokenCache):
            return await self._credential.call(request)
        return await request(self._credential)

    def _quota_message(self, error: SourceError) -> str:
        problem = read_problem(error)
        return (
            f"{self.advice.service} quota is spent ({problem.describe()}): "
            f"{self.advice.quota}; skipped for this poll"
        )

    def _refusal_message(self, error: AuthError) -> str:
        problem = read_problem(error)
        advice = (
            self.advice.unauthenticated if problem.http_status == 401 else self.advice.forbidden
        )
        return f"{self.advice.service} refused the credentials ({problem.describe()}): {advice}"


def explain(error: SourceError, what: str) -> SourceError:
    """A clearer error for a failed call: `what` plus Google's own status and message."""
    if isinstance(error, AuthError | RateLimitError):
        return error
    problem = read_problem(error)
    if problem.http_status is None or problem.http_status >= 500 or problem.message is None:
        return error
    return SourceError(f"{what} ({problem.describe()})", status=error.status, body=error.body)


def page_of(
    source: str,
    items: Iterable[Any],
    number: int,
    read: Callable[[Any], FetchedReview],
) -> Page:
    """One listing page; a record that cannot be read becomes a problem, the rest are kept."""

    def read_object(item: Any) -> FetchedReview:
        if not isinstance(item, Mapping):
            kind = "null" if item is None else type(item).__name__
            raise RecordError(f"expected a review object, got {kind}")
        return read(item)

    return read_page(source, items, read_object, page=number)


def listed(document: Any, key: str, where: str) -> list[Any]:
    """The list under `key` in a listing answer; Google leaves out empty lists entirely."""
    if not isinstance(document, Mapping):
        raise BadResponseError(f"{where}: expected a JSON object")
    items = document.get(key)
    if items is None:
        return []
    if not isinstance(items, list):
        raise BadResponseError(f"{where}: {key!r} is not a list")
    return items


def next_token(document: Any, path: tuple[str, ...]) -> str | None:
    """The next page token at `path`, or None on the last page."""
    current: Any = document
    for key in path:
        current = current.get(key) if isinstance(current, Mapping) else None
    return (current.strip() or None) if isinstance(current, str) else None


def read_time(value: Any, field: str) -> datetime | None:
    """A record's timestamp in UTC; anything unreadable is a RecordError naming the field."""
    if isinstance(value, Mapping) and "seconds" in value:
        # Times are kept to the second: drop `nanos` rather than let float rounding carry
        # 999999999 ns into the next second.
        value = {"seconds": value["seconds"]}
    try:
        return parse_time(value)
    except (ValueError, TypeError):  # RecordError is a ValueError; so is a bad `seconds`
        raise RecordError(f"{field} {value!r} is not a time") from None
