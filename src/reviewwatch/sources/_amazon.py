"""Amazon Selling Partner API plumbing: Login with Amazon tokens and the Reports API flow.

A report is made in four steps: create it, check its status until Amazon has finished it, ask
for its document (a pre-signed download URL that expires after five minutes), then download
and, when Amazon says so, gunzip it.
"""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reviewwatch.errors import AuthError, BadResponseError, RateLimitError, SourceError
from reviewwatch.sources import _api
from reviewwatch.sources.http import SourceHttp, parse_json, redact_url
from reviewwatch.sources.tokens import TokenCache

DEFAULT_TOKEN_URL = "https://api.amazon.com/auth/o2/token"
REGION_HOSTS: Mapping[str, str] = {
    "na": "https://sellingpartnerapi-na.amazon.com",
    "eu": "https://sellingpartnerapi-eu.amazon.com",
    "fe": "https://sellingpartnerapi-fe.amazon.com",
}
REPORTS_PATH = "/reports/2021-06-30"
# Amazon asks clients to check a report's status periodically; this bounds how long one poll
# waits for a report (with the default interval, ten minutes) before giving up for this poll.
MAX_STATUS_CHECKS = 60
# A feedback report is small; anything that inflates past this is not one (or is a zip bomb).
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
_LWA_LIFETIME_SECONDS = 3600.0
_FINISHED = frozenset({"DONE", "CANCELLED", "FATAL"})
_LWA_PROBLEMS: Mapping[str, str] = {
    "invalid_grant": (
        "the refresh token was refused (invalid_grant): it was revoked, expired or belongs to "
        "another app; authorise the app again in Seller Central and set a new `refresh_token`"
    ),
    "invalid_client": (
        "the client id or secret was refused (invalid_client): copy `client_id` and "
        "`client_secret` from the app's Login with Amazon credentials"
    ),
    "unauthorized_client": (
        "this app may not use refresh tokens (unauthorized_client): check the app's Login with "
        "Amazon settings"
    ),
}

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class LwaCredentials:
    """What Login with Amazon needs to issue an access token."""

    client_id: str
    client_secret: str
    refresh_token: str
    token_url: str = DEFAULT_TOKEN_URL


def lwa_token_cache(http: SourceHttp, credentials: LwaCredentials) -> TokenCache:
    """The token cache of these credentials, which asks Login with Amazon for an access token
    when it needs one; shared by every marketplace polled with them."""

    async def fetch() -> tuple[str, float]:
        return await fetch_lwa_token(http, credentials)

    credential = (
        "login_with_amazon",
        credentials.token_url,
        credentials.client_id,
        credentials.client_secret,
        credentials.refresh_token,
    )
    return http.tokens.cache(credential, fetch)


async def fetch_lwa_token(http: SourceHttp, credentials: LwaCredentials) -> tuple[str, float]:
    """Exchange the refresh token for an access token: (token, lifetime in seconds)."""
    form = {
        "grant_type": "refresh_token",
        "refresh_token": credentials.refresh_token,
        "client_id": credentials.client_id,
        "client_secret": credentials.client_secret,
    }
    try:
        response = await http.request("POST", credentials.token_url, data=form)
    except SourceError as error:
        raise _lwa_error(error) from error
    return _api.token_answer(
        parse_json(response),
        where=f"Login with Amazon at {redact_url(credentials.token_url)}",
        default_lifetime=_LWA_LIFETIME_SECONDS,
    )


def _lwa_error(error: SourceError) -> SourceError:
    """A clear message for a refused credential; other failures (5xx, timeouts) pass through."""
    message = str(error)
    for code, advice in _LWA_PROBLEMS.items():
        if code in message:
            return AuthError(f"Login with Amazon: {advice}")
    if isinstance(error, AuthError) or "HTTP 400" in message:
        return AuthError(
            "Login with Amazon refused the credentials: check `client_id`, `client_secret` and "
            f"`refresh_token` ({message})"
        )
    return error


@dataclass(frozen=True, slots=True)
class ReportDocument:
    """A downloaded report: its bytes (decompressed) and the charset Amazon declared."""

    content: bytes
    charset: str | None


class ReportsClient:
    """The Reports API (2021-06-30) for one seller, through a token cache."""

    def __init__(
        self,
        http: SourceHttp,
        tokens: TokenCache,
        base_url: str,
        *,
        poll_seconds: float,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.http = http
        self.tokens = tokens
        self.base_url = base_url.rstrip("/")
        self.poll_seconds = poll_seconds
        self._sleep = sleep

    async def create(
        self, report_type: str, marketplace_ids: Sequence[str], start: datetime | None
    ) -> str:
        """Ask Amazon to make a report; returns its id."""
        body: dict[str, Any] = {"reportType": report_type, "marketplaceIds": list(marketplace_ids)}
        if start is not None:
            body["dataStartTime"] = iso_utc(start)
        document = await self._call("createReport", "POST", f"{REPORTS_PATH}/reports", body)
        report_id = document.get("reportId") if isinstance(document, Mapping) else None
        if not isinstance(report_id, str) or not report_id:
            raise BadResponseError("createReport answered without a reportId")
        return report_id

    async def wait(self, report_id: str) -> tuple[str, str | None]:
        """Check the report until Amazon has finished it: (processingStatus, reportDocumentId)."""
        status = "IN_QUEUE"
        for _ in range(MAX_STATUS_CHECKS):
            await self._sleep(self.poll_seconds)
            report = await self._call("getReport", "GET", f"{REPORTS_PATH}/reports/{report_id}")
            if not isinstance(report, Mapping):
                raise BadResponseError("getReport answered with something other than an object")
            status = str(report.get("processingStatus") or "")
            if status in _FINISHED:
                document_id = report.get("reportDocumentId")
                return status, document_id if isinstance(document_id, str) else None
        waited = MAX_STATUS_CHECKS * self.poll_seconds
        raise SourceError(
            f"Amazon had not finished report {report_id} after {MAX_STATUS_CHECKS} checks "
            f"({waited:.0f} s; last status {status or 'unknown'}); the next poll asks again"
        )

    async def download(self, document_id: str) -> ReportDocument:
        """Fetch a report document: its pre-signed URL, then the file itself."""
        info = await self._call(
            "getReportDocument", "GET", f"{REPORTS_PATH}/documents/{document_id}"
        )
        url = info.get("url") if isinstance(info, Mapping) else None
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise BadResponseError("getReportDocument answered without a download url")
        try:
            # The URL is pre-signed for a storage host: no access token goes with it.
            response = await self.http.request("GET", url)
        except AuthError as error:
            raise SourceError(
                f"the report download was refused ({error}); its URL expires after five "
                "minutes, so a slow download can fail: the next poll tries again"
            ) from error
        content = response.content
        algorithm = info.get("compressionAlgorithm")
        if algorithm == "GZIP":
            content = gunzip(content)
        elif algorithm:
            raise BadResponseError(f"the report is compressed with {algorithm!r}, not GZIP")
        return ReportDocument(content, response.charset_encoding)

    async def _call(self, operation: str, method: str, path: str, body: Any = None) -> Any:
        url = self.base_url + path

        async def attempt(token: str) -> Any:
            headers = {"x-amz-access-token": token, "Accept": "application/json"}
            response = await self.http.request(method, url, headers=headers, json_body=body)
            return parse_json(response)

        try:
            return await self.tokens.call(attempt)
        except AuthError as error:
            if str(error).startswith("Login with Amazon"):
                raise
            raise AuthError(
                f"the Selling Partner API refused the credentials for {operation} ({error}); "
                "check that the seller authorised this app, that the app has a role "
                "that may read the feedback report, and that `region` matches the marketplaces"
            ) from error
        except RateLimitError:
            raise
        except SourceError as error:
            if "HTTP 429" in str(error):
                raise RateLimitError(
                    f"Amazon's quota for {operation} is spent for now "
                    "(report calls allow only a few requests a minute); the next poll tries "
                    "again"
                ) from error
            raise


def gunzip(data: bytes, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """Decompress a gzip document, refusing one that inflates past `limit` or is cut short."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        content = decompressor.decompress(data, limit + 1)
    except zlib.error as error:
        raise BadResponseError(f"the report is not valid gzip data: {error}") from error
    if len(content) > limit or decompressor.unconsumed_tail:
        raise BadResponseError(f"the report inflates past {limit // (1024 * 1024)} MiB")
    if not decompressor.eof:
        raise BadResponseError("the report's gzip data is cut short")
    return content


def decode_report(content: bytes, charset: str | None = None) -> str:
    """Report bytes as text: the declared charset, else UTF-8, else Windows-1252.

    Amazon states a report's charset in the download's Content-Type; files saved from Seller
    Central carry no such label. The Windows-1252 fallback is a guess for older flat files
    (unconfirmed): it decodes any byte, so a wrong guess shows odd characters, never fails.
    """
    if content.startswith(b"\x1f\x8b"):
        content = gunzip(content)
    if charset:
        try:
            name = "utf-8-sig" if charset.lower().replace("-", "") == "utf8" else charset
            return content.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def iso_utc(moment: datetime) -> str:
    """A time as ISO 8601 in UTC with a `Z`, the form the Reports API takes."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
