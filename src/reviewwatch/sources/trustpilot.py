"""`trustpilot`: a business unit's service reviews, through Trustpilot's public or private API.

With only the API key the public listing is read (header `apikey`). With the OAuth keys
(`client_secret`, `username`, `password`) the private listing is read with a Bearer token from
the password grant, and replies can be posted.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Mapping
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from reviewwatch.errors import AuthError, BadResponseError, RateLimitError, SourceError
from reviewwatch.models import FetchedReview, Page, utc_now
from reviewwatch.sources import _api
from reviewwatch.sources.base import Option, PostedReply, Source
from reviewwatch.sources.http import page_cap_warning, parse_json
from reviewwatch.sources.normalise import (
    dig,
    expect_object,
    parse_rating,
    parse_time,
    required_text,
    since_with_overlap,
    text_or_none,
    time_or_none,
)
from reviewwatch.sources.pages import read_page
from reviewwatch.sources.tokens import TokenCache

DEFAULT_BASE_URL = "https://api.trustpilot.com"
TOKEN_PATH = "/v1/oauth/oauth-business-users-for-applications/accesstoken"
# 100 is what the well-used connectors send; the official maximum was not seen (UNCONFIRMED),
# and a smaller page than the maximum is always accepted.
PAGE_SIZE = 100
MAX_PAGES = 10_000
# The reply limit is not documented where we could read it (UNCONFIRMED). A reply over this is
# refused here rather than risk the platform cutting or rejecting it.
MAX_REPLY_CHARS = 2000
# Trustpilot's own review page; the API's `links` point at API resources, not at this page.
REVIEW_PAGE = "https://www.trustpilot.com/reviews/{id}"
OAUTH_KEYS = ("client_secret", "username", "password")


class TrustpilotSource(Source):
    """A Trustpilot business unit's service reviews, newest first, filtered by creation date."""

    kind = "trustpilot"
    default_platform = "trustpilot"
    can_reply = True
    max_reply_chars = MAX_REPLY_CHARS
    supports_since = True
    limits = (
        "Service reviews of one business unit; product reviews are not read. With only the API "
        "key, the public listing is read (no order references) and replies cannot be posted. "
        "Polls ask for reviews created since the last poll, so an edit to an older review is "
        "seen by `poll --full`."
    )
    options: ClassVar[Mapping[str, Option]] = {
        "business_unit_id": Option(required=True, help="the business unit's id"),
        "api_key": Option(required=True, secret=True, help="the application's API key"),
        "client_id": Option(
            secret=True, help="OAuth client id for the Basic header (default: the API key)"
        ),
        "client_secret": Option(secret=True, help="the application's API secret (private API)"),
        "username": Option(secret=True, help="a business user's login (private API)"),
        "password": Option(secret=True, help="that business user's password (private API)"),
        "business_user_id": Option(help="the business user replies are posted as"),
    }

    @classmethod
    def check_options(cls, values: Mapping[str, Any]) -> list[str]:
        given = [key for key in OAUTH_KEYS if values.get(key) is not None]
        problems = [
            f"{key}: is required for the private API when {', '.join(given)} is set"
            for key in OAUTH_KEYS
            if given and key not in given
        ]
        if values.get("client_id") is not None and not given:
            problems.append("client_id: only used with client_secret, username and password")
        return problems

    @property
    def base_url(self) -> str:
        return _api.base_url(self.config, DEFAULT_BASE_URL)

    @property
    def _tokens(self) -> TokenCache:
        """The business user's token, shared by every business unit polled as that user."""
        keys = ("api_key", "client_id", *OAUTH_KEYS)
        credential = (self.base_url + TOKEN_PATH, *map(self.config.secret, keys))
        return self.http.tokens.cache(("trustpilot", *credential), self._fetch_token)

    @property
    def private(self) -> bool:
        """Whether the OAuth keys are set, so the private API is used."""
        return all(self.config.secret(key) for key in OAUTH_KEYS)

    async def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        unit = self.config.options["business_unit_id"]
        prefix = "/v1/private" if self.private else "/v1"
        url = f"{self.base_url}{prefix}/business-units/{unit}/reviews"
        params: dict[str, Any] = {"perPage": PAGE_SIZE, "orderBy": "createdat.desc"}
        start = since_with_overlap(since)
        if start is not None:
            params["startDateTime"] = start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
        page: int | None = 1
        pages = 0
        while page is not None and pages < MAX_PAGES:
            pages += 1
            document = await self._get(url, {**params, "page": page})
            yield self._page(document, pages)
            following = _next_page(document, page)
            # A next link that does not move forward would loop forever.
            page = following if following is not None and following > page else None
        if page is not None:
            yield page_cap_warning(MAX_PAGES)

    async def _get(self, url: str, params: Mapping[str, Any]) -> Any:
        if not self.private:
            headers = {"apikey": self.config.secret("api_key")}
            return await self.http.get_json(url, params=params, headers=headers)
        return await self._tokens.call(
            lambda token: self.http.get_json(url, params=params, headers=_api.bearer(token))
        )

    def _page(self, document: Any, number: int) -> Page:
        records = dig(document, "reviews")
        if not isinstance(records, list):
            raise BadResponseError("Trustpilot's listing has no `reviews` list")
        return read_page(self.name, records, read_review, page=number)

    async def _fetch_token(self) -> tuple[str, float]:
        """The password grant; returns (access token, lifetime in seconds)."""
        client_id = self.config.secret("client_id") or self.config.secret("api_key")
        headers = _api.basic(client_id, self.config.secret("client_secret"))
        form = {
            "grant_type": "password",
            "username": self.config.secret("username"),
            "password": self.config.secret("password"),
        }
        try:
            response = await self.http.request(
                "POST", self.base_url + TOKEN_PATH, headers=headers, data=form
            )
        except RateLimitError:
            raise
        except SourceError as error:
            # A wrong password is a 400 invalid_grant, a wrong key or secret a 401: both are
            # credentials to fix, not a failure of the service.
            raise AuthError(
                "Trustpilot refused the sign-in for the private API: check username, password, "
                f"client_secret and the API key (or client_id). {error}"
            ) from error
        # `expires_in` comes as a string of seconds ("359999"); unreadable means one hour.
        return _api.token_answer(
            parse_json(response), where="Trustpilot's token endpoint", default_lifetime=3600.0
        )

    async def post_reply(self, *, external_id: str, text: str) -> PostedReply:
        """Post a public reply to a service review (private API)."""
        self.check_reply_fits(text)
        if not self.private:
            raise SourceError(
                "replying on Trustpilot needs the private API: set client_secret, username and "
                "password for this source"
            )
        author = self.config.option("business_user_id")
        if not author:
            raise SourceError(
                "replying on Trustpilot needs business_user_id: the id of the business user the "
                "reply is posted as"
            )
        url = f"{self.base_url}/v1/private/reviews/{external_id}/reply"
        body = {"authorBusinessUserId": author, "message": text}
        await self._tokens.call(
            lambda token: self.http.request("POST", url, headers=_api.bearer(token), json_body=body)
        )
        # The answer's shape is not documented (UNCONFIRMED), so nothing is read from it.
        return PostedReply(text=text, posted_at=utc_now())


def read_review(record: Any) -> FetchedReview:
    """One Trustpilot review object (listing or webhook `eventData`) as a FetchedReview.

    `referralEmail` and the consumer's contact details are private and never read.
    """
    record = expect_object(record)
    review_id = required_text(record.get("id"), "id")
    rating, polarity = parse_rating(record.get("stars"))
    author = dig(record, "consumer.displayName")
    if author is None:
        author = dig(record, "consumer.name")  # the webhook's spelling
    return FetchedReview(
        external_id=review_id,
        rating=rating,
        polarity=polarity,
        title=text_or_none(record.get("title")),
        body=text_or_none(record.get("text")),
        author=text_or_none(author),
        created_at=parse_time(record.get("createdAt")),
        updated_at=parse_time(record.get("updatedAt")),
        url=REVIEW_PAGE.format(id=review_id),
        subject=text_or_none(dig(record, "location.name")),
        order_id=text_or_none(record.get("referenceId")),
        reply=text_or_none(dig(record, "companyReply.text")),
        language=text_or_none(record.get("language")),
        reply_at=time_or_none(dig(record, "companyReply.createdAt")),
    )


def _next_page(document: Any, current: int) -> int | None:
    """The page number of the `next-page` link, or None on the last page."""
    links = dig(document, "links")
    if not isinstance(links, list):
        return None
    for link in links:
        if not isinstance(link, Mapping) or link.get("rel") != "next-page":
            continue
        if str(link.get("method") or "GET").upper() != "GET":
            continue
        # The page number travels in the link's query string; the rest of the request is ours,
        # so a link to the real host never bypasses a configured base_url.
        values = parse_qs(urlsplit(str(link.get("href") or "")).query).get("page")
        return int(values[0]) if values and values[0].isdigit() else current + 1
    return None
