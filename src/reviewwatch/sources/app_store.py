"""`app_store`: customer reviews of an app through the App Store Connect API.

Apple authenticates each request with a short JWT that the client signs itself (ES256, with the
.p8 key of an App Store Connect API key), so there is no token endpoint: tokens are minted
locally, cached for the poll and minted again before they expire.
"""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator, Callable, Mapping
from datetime import datetime
from typing import Any, ClassVar
from urllib.parse import quote

import httpx
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from reviewwatch.errors import AuthError, BadResponseError, RateLimitError
from reviewwatch.models import FetchedReview, Page
from reviewwatch.sources import _api, _apple
from reviewwatch.sources.base import Option, PostedReply, Secret, Source, SourceConfig
from reviewwatch.sources.http import (
    SourceHttp,
    follow_link,
    page_cap_warning,
    parse_json,
    redact_url,
)
from reviewwatch.sources.normalise import (
    RecordError,
    dig,
    expect_object,
    parse_rating,
    parse_time,
    required_text,
    text_or_none,
    time_or_none,
)
from reviewwatch.sources.pages import read_page
from reviewwatch.sources.tokens import TokenCache

DEFAULT_BASE_URL = "https://api.appstoreconnect.apple.com"
AUDIENCE = "appstoreconnect-v1"
# Apple refuses tokens that live longer than 20 minutes; 19 leaves room for a skewed clock.
TOKEN_LIFETIME_SECONDS = 19 * 60
# The maximum `limit` is UNCONFIRMED in Apple's docs (developers report 200 works); 100 stays
# safely below it, and a steady-state poll costs one request whatever the page size.
PAGE_LIMIT = 100
# UNCONFIRMED in Apple's docs: 5970 is the limit that several third-party tools enforce. A
# longer reply is refused here rather than risk Apple cutting or rejecting it.
MAX_REPLY_CHARS = 5970
MAX_PAGES = 10_000
AUTH_HINT = (
    "App Store Connect refused the API key: check key_id, issuer_id and private_key (the .p8 "
    "file of that key), that the key is not revoked and has a role that may read and answer "
    "customer reviews of this app, and that this computer's clock is right"
)


class AppStoreSource(Source):
    """Customer reviews of one app, newest first, through the App Store Connect API."""

    kind = "app_store"
    default_platform = "app_store"
    can_reply = True
    max_reply_chars = MAX_REPLY_CHARS
    limits = (
        "Star-only ratings (only written reviews are listed), the time of an edit and the "
        "language (Apple gives only the territory). There is no date filter, so a poll stops "
        "at the first page with nothing new. A reply replaces any earlier one, and Apple "
        "publishes it after a delay."
    )
    options: ClassVar[Mapping[str, Option]] = {
        "app_id": _apple.APP_ID,
        "issuer_id": Option(
            required=True, help="issuer ID from App Store Connect > Users and Access > Integrations"
        ),
        "key_id": Option(required=True, help="the ID of the App Store Connect API key"),
        "private_key": Option(
            required=True,
            secret=True,
            help="the key's .p8 file (give private_key_file = path to AuthKey_<key id>.p8)",
        ),
    }

    def __init__(self, config: SourceConfig, *, http: SourceHttp | None = None) -> None:
        super().__init__(config, http=http)
        self._tokens = TokenCache(self._mint)
        # Wall-clock time for the JWT's claims; replaceable so tests can move time on.
        self._now: Callable[[], float] = time.time
        self._signing_key: ec.EllipticCurvePrivateKey | None = None

    @classmethod
    def check_options(cls, values: Mapping[str, Any]) -> list[str]:
        problems = _apple.check_app_id(values)
        secret = values.get("private_key")
        if isinstance(secret, Secret):
            try:
                load_signing_key(secret.reveal())
            except ValueError as error:
                problems.append(f"private_key: {error}")
        return problems

    # -- authentication ------------------------------------------------------------------------

    async def _mint(self) -> tuple[str, float]:
        """A fresh JWT and its lifetime; signed here, so no request is made."""
        if self._signing_key is None:
            try:
                self._signing_key = load_signing_key(self.config.secret("private_key"))
            except ValueError as error:
                raise AuthError(f"private_key: {error}") from None
        issued = int(self._now())
        claims = {
            "iss": self.config.options["issuer_id"],
            "iat": issued,
            "exp": issued + TOKEN_LIFETIME_SECONDS,
            "aud": AUDIENCE,
        }
        headers = {"kid": self.config.options["key_id"], "typ": "JWT"}
        token = jwt.encode(claims, self._signing_key, algorithm="ES256", headers=headers)
        return token, float(TOKEN_LIFETIME_SECONDS)

    async def _send(self, method: str, url: str, *, json_body: Any = None) -> httpx.Response:
        async def attempt(token: str) -> httpx.Response:
            return await self.http.request(
                method, url, headers=_api.bearer(token), json_body=json_body
            )

        with _api.auth_advice(AUTH_HINT):
            return await self._tokens.call(attempt)

    # -- listing ---------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return _api.base_url(self.config, DEFAULT_BASE_URL)

    async def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        # Apple has no date filter: `since` is unused and the poll stops at a known page.
        app_id = quote(str(self.config.options["app_id"]), safe="")
        url: str | None = (
            f"{self.base_url}/v1/apps/{app_id}/customerReviews"
            f"?sort=-createdDate&limit={PAGE_LIMIT}&include=response"
        )
        visited: set[str] = set()
        while url and url not in visited and len(visited) < MAX_PAGES:
            visited.add(url)
            response = await self._send("GET", url)
            document = parse_json(response)
            yield self._page(document, len(visited), url)
            url = self._next_url(document, url)
            if url:
                check_hourly_quota(response)
                if len(visited) >= MAX_PAGES and url not in visited:
                    yield page_cap_warning(MAX_PAGES)

    def _page(self, document: Any, number: int, url: str) -> Page:
        records = dig(document, "data")
        if not isinstance(records, list):
            raise BadResponseError(f"{redact_url(url)}: expected customer reviews under 'data'")
        responses = _responses_by_id(dig(document, "included"))
        return read_page(
            self.name, records, lambda record: self._review(record, responses), page=number
        )

    def _review(self, record: Any, responses: Mapping[str, str]) -> FetchedReview:
        record = expect_object(record)
        external_id = required_text(record.get("id"), "id")
        attributes = record.get("attributes")
        if not isinstance(attributes, Mapping):
            raise RecordError("attributes are missing")
        rating, polarity = parse_rating(attributes.get("rating"))
        response_id = text_or_none(dig(record, "relationships.response.data.id"))
        return FetchedReview(
            external_id=external_id,
            rating=rating,
            polarity=polarity,
            title=text_or_none(attributes.get("title")),
            body=text_or_none(attributes.get("body")),
            author=text_or_none(attributes.get("reviewerNickname")),
            created_at=parse_time(attributes.get("createdDate")),
            subject=str(self.config.options["app_id"]),
            reply=responses.get(response_id) if response_id else None,
        )

    def _next_url(self, document: Any, current: str) -> str | None:
        link = dig(document, "links.next")
        if not isinstance(link, str) or not link.strip():
            return None
        # The next link carries our token along: never follow it to another host.
        return follow_link(current, link, home=self.base_url)

    # -- replies -----------------------------------------------------------------------------------

    async def post_reply(self, *, external_id: str, text: str) -> PostedReply:
        """Create (or overwrite) the developer response to one review."""
        self.check_reply_fits(text)
        body = {
            "data": {
                "type": "customerReviewResponses",
                "attributes": {"responseBody": text},
                "relationships": {
                    "review": {"data": {"type": "customerReviews", "id": external_id}}
                },
            }
        }
        response = await self._send(
            "POST", f"{self.base_url}/v1/customerReviewResponses", json_body=body
        )
        document = parse_json(response) if response.content else {}
        data = dig(document, "data")
        if not isinstance(data, Mapping):
            return PostedReply(text=text)
        found = data.get("attributes")
        attributes: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
        return PostedReply(
            text=text_or_none(attributes.get("responseBody")) or text,
            posted_at=time_or_none(attributes.get("lastModifiedDate")),
            platform_id=text_or_none(data.get("id")),
        )


def load_signing_key(pem: str) -> ec.EllipticCurvePrivateKey:
    """The P-256 private key of a .p8 file; ValueError (without the key) when it is not one."""
    text = pem.strip()
    if "-----BEGIN" not in text:
        raise ValueError("is not a .p8 key: expected a PEM block starting with '-----BEGIN'")
    try:
        key = serialization.load_pem_private_key(text.encode("ascii"), password=None)
    except (ValueError, TypeError, UnicodeEncodeError):
        raise ValueError(
            "cannot be read as a PEM private key; use the AuthKey_<key id>.p8 file as downloaded"
        ) from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
        raise ValueError("is not an ES256 (P-256 elliptic-curve) key, which Apple's .p8 keys are")
    return key


def check_hourly_quota(response: httpx.Response) -> None:
    """Raise RateLimitError when `X-Rate-Limit` says the key's rolling hour is used up.

    The header reads like `user-hour-lim:3500;user-hour-rem:0;`; without it, nothing is known.
    """
    header = response.headers.get("X-Rate-Limit", "")
    fields = dict(part.split(":", 1) for part in header.replace(" ", "").split(";") if ":" in part)
    if fields.get("user-hour-rem") == "0":
        limit = fields.get("user-hour-lim", "?")
        raise RateLimitError(
            f"App Store Connect's hourly request quota for this API key ({limit} an hour) is "
            "used up; the remaining pages are fetched by a later poll"
        )


def _responses_by_id(included: Any) -> dict[str, str]:
    """Developer responses delivered with `include=response`, by their id."""
    if not isinstance(included, list):
        return {}
    responses = {}
    for item in included:
        if not isinstance(item, Mapping) or item.get("type") != "customerReviewResponses":
            continue
        response_id = item.get("id")
        body = dig(item, "attributes.responseBody")
        if isinstance(response_id, str) and isinstance(body, str) and body.strip():
            responses[response_id] = body.strip()
    return responses
