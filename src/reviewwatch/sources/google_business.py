"""`google_business`: the reviews of one Google Business Profile location (My Business v4)."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Mapping
from datetime import datetime
from typing import Any, ClassVar
from urllib.parse import quote

from reviewwatch.errors import SourceError
from reviewwatch.models import FetchedReview, Page
from reviewwatch.sources import _api, _google
from reviewwatch.sources.base import Option, PostedReply, Source, SourceConfig
from reviewwatch.sources.http import SourceHttp, page_cap_warning
from reviewwatch.sources.normalise import (
    RecordError,
    split_translation,
    text_or_none,
    time_or_none,
)

DEFAULT_BASE_URL = "https://mybusiness.googleapis.com"
PAGE_SIZE = 50  # the API's maximum
MAX_PAGES = 100_000
STAR_RATINGS: Mapping[str, int] = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}
# The reply limit is documented as "4096" without a visible unit (UNCONFIRMED: characters or
# bytes). 4096 UTF-8 bytes is safe under either reading: no text has more characters (or
# UTF-16 units) than UTF-8 bytes. An ASCII reply may therefore use all 4096 characters, while
# one in Chinese is refused past about 1365.
MAX_REPLY_BYTES = 4096
REFRESH_KEYS = ("client_id", "client_secret", "refresh_token")

ADVICE_REFRESHABLE = _google.Advice(
    service="Google Business Profile",
    unauthenticated=(
        "a freshly issued access token was refused; check that the refresh token was granted "
        "the business.manage scope"
    ),
    forbidden=(
        "check that the Google user behind the token manages this location, that the location "
        "is verified and that the Cloud project has been granted Business Profile API access"
    ),
    quota=(
        "wait and poll again later; if this source never worked, the project's quota may be 0, "
        "which means Business Profile API access has not been granted yet"
    ),
)
ADVICE_FIXED_TOKEN = _google.Advice(
    service=ADVICE_REFRESHABLE.service,
    unauthenticated=(
        "the access_token has probably expired (Google's last about an hour). Set client_id, "
        "client_secret and refresh_token instead, so that reviewwatch can renew it"
    ),
    forbidden=ADVICE_REFRESHABLE.forbidden,
    quota=ADVICE_REFRESHABLE.quota,
)
TOKEN_REFUSALS: Mapping[str, str] = {
    "invalid_grant": (
        "the refresh token was refused (invalid_grant): it has expired or been revoked. Create "
        "a new one with the business.manage scope and set refresh_token"
    ),
    "invalid_client": (
        "client_id or client_secret was refused (invalid_client): copy them again from the "
        "Google Cloud console (APIs & Services, Credentials)"
    ),
    "unauthorized_client": (
        "this OAuth client may not use the refresh token (unauthorized_client): the refresh "
        "token must have been issued to the same client_id"
    ),
}


class GoogleBusinessSource(Source):
    """One location's reviews, newest update first, with replies through `updateReply`."""

    kind = "google_business"
    default_platform = "google_business"
    can_reply = True
    can_replace_reply = True  # the reply call creates or updates the reply
    max_reply_chars = MAX_REPLY_BYTES
    limits = (
        "One verified location per source. Google gives no review link, title or language, "
        "and no name for anonymous reviewers. There is no date filter: each poll reads newest "
        "updates first and stops at a page with nothing new. Replies are kept within 4096 "
        "UTF-8 bytes, since Google does not say whether its 4096 limit counts characters or "
        "bytes."
    )
    options: ClassVar[Mapping[str, Option]] = {
        "account": Option(required=True, help="the account id (123 or accounts/123)"),
        "location": Option(required=True, help="the location id (456 or locations/456)"),
        "access_token": Option(
            secret=True, help="an OAuth access token (expires within an hour; for a quick test)"
        ),
        "client_id": Option(help="OAuth client id, used with client_secret and refresh_token"),
        "client_secret": Option(secret=True, help="OAuth client secret"),
        "refresh_token": Option(secret=True, help="OAuth refresh token (business.manage scope)"),
        "token_url": Option(default=_google.TOKEN_URL, help="the OAuth token endpoint"),
    }

    def __init__(self, config: SourceConfig, *, http: SourceHttp | None = None) -> None:
        super().__init__(config, http=http)
        self.account = resource_id(str(config.option("account")), "accounts")
        self.location = resource_id(str(config.option("location")), "locations")
        self._api: _google.GoogleApi | None = None

    @classmethod
    def check_options(cls, values: Mapping[str, Any]) -> list[str]:
        problems = [
            f"{key}: expected an id like {example}"
            for key, collection, example in (
                ("account", "accounts", "123 or accounts/123"),
                ("location", "locations", "456 or locations/456"),
            )
            if isinstance(values.get(key), str) and not resource_id(values[key], collection)
        ]
        given = [key for key in REFRESH_KEYS if values.get(key)]
        if values.get("access_token") and given:
            problems.append(
                "access_token: give either access_token or client_id, client_secret and "
                "refresh_token, not both"
            )
        elif given and len(given) < len(REFRESH_KEYS):
            missing = [key for key in REFRESH_KEYS if key not in given]
            problems.append(f"{missing[0]}: is required with {', '.join(given)}")
        elif not given and not values.get("access_token"):
            problems.append(
                "client_id: give client_id, client_secret and refresh_token "
                "(or access_token for a short test)"
            )
        token_url = values.get("token_url")
        if isinstance(token_url, str) and not token_url.startswith(("http://", "https://")):
            problems.append("token_url: must start with http:// or https://")
        return problems

    @property
    def api(self) -> _google.GoogleApi:
        if self._api is None:
            fixed = self.config.secret("access_token")
            if fixed:
                self._api = _google.GoogleApi(self.http, fixed, ADVICE_FIXED_TOKEN)
            else:
                tokens = self.http.tokens.cache(self._credential(), self._refresh_token)
                self._api = _google.GoogleApi(self.http, tokens, ADVICE_REFRESHABLE)
        return self._api

    def _credential(self) -> tuple[str, ...]:
        """What names the OAuth credential: every location it reaches shares its token."""
        return (
            "google_business",
            self._token_url,
            str(self.config.option("client_id") or ""),
            self.config.secret("client_secret"),
            self.config.secret("refresh_token"),
        )

    @property
    def _token_url(self) -> str:
        return str(self.config.option("token_url") or _google.TOKEN_URL)

    async def _refresh_token(self) -> tuple[str, float]:
        form = {
            "grant_type": "refresh_token",
            "client_id": str(self.config.option("client_id") or ""),
            "client_secret": self.config.secret("client_secret"),
            "refresh_token": self.config.secret("refresh_token"),
        }
        return await _google.exchange_token(
            self.http,
            self._token_url,
            form,
            refusals=TOKEN_REFUSALS,
            fallback="Google refused the OAuth credentials: check client_id, client_secret "
            "and refresh_token",
        )

    @property
    def location_path(self) -> str:
        return f"accounts/{quote(self.account, safe='')}/locations/{quote(self.location, safe='')}"

    def _url(self, path: str) -> str:
        return f"{_api.base_url(self.config, DEFAULT_BASE_URL)}/v4/{path}"

    async def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        # No date filter exists; `updateTime desc` puts new and edited reviews first, so the
        # poll's stop at the first page with nothing new does the incremental work.
        url = self._url(f"{self.location_path}/reviews")
        page_token: str | None = None
        seen: set[str] = set()
        for number in range(1, MAX_PAGES + 1):
            params = {"pageSize": PAGE_SIZE, "orderBy": "updateTime desc"}
            if page_token:
                params["pageToken"] = page_token
            document = await self.api.call("GET", url, params=params)
            items = _google.listed(document, "reviews", f"{self.location_path}/reviews")
            yield _google.page_of(self.name, items, number, self._read)
            page_token = _google.next_token(document, ("nextPageToken",))
            if page_token is None or page_token in seen:
                return
            seen.add(page_token)
        yield page_cap_warning(MAX_PAGES)

    def _read(self, record: Mapping[str, Any]) -> FetchedReview:
        return read_review(record, subject=f"locations/{self.location}")

    def check_reply_fits(self, text: str) -> None:
        """Refuse an empty reply or one over 4096 characters or 4096 UTF-8 bytes."""
        super().check_reply_fits(text)
        size = len(text.encode("utf-8"))
        if size > MAX_REPLY_BYTES:
            raise SourceError(
                f"the reply takes {size} bytes in UTF-8 ({len(text)} characters); Google "
                f"Business Profile allows 4096 and does not say whether it counts characters or "
                f"bytes, so reviewwatch keeps replies within {MAX_REPLY_BYTES} bytes. Shorten "
                "it: reviewwatch never cuts a reply"
            )

    async def post_reply(self, *, external_id: str, text: str) -> PostedReply:
        """Create or replace the public reply (`PUT .../reviews/{id}/reply`)."""
        self.check_reply_fits(text)
        review = f"{self.location_path}/reviews/{quote(external_id, safe='')}"
        try:
            answer = await self.api.call(
                "PUT", self._url(f"{review}/reply"), json_body={"comment": text}
            )
        except SourceError as error:
            raise _google.explain(
                error, f"Google Business Profile did not take the reply to review {external_id}"
            ) from None
        reply = answer if isinstance(answer, Mapping) else {}
        return PostedReply(
            text=text_or_none(reply.get("comment")) or text,
            posted_at=time_or_none(reply.get("updateTime")),
        )


def resource_id(value: str, collection: str) -> str:
    """`123` from `123`, `accounts/123` or a longer name holding `accounts/123`; '' if invalid."""
    text = value.strip().strip("/")
    marker = f"/{collection}/"
    if marker in f"/{text}":
        text = f"/{text}".rsplit(marker, 1)[1].split("/", 1)[0]
    return text if text and "/" not in text else ""


def read_review(record: Mapping[str, Any], *, subject: str | None = None) -> FetchedReview:
    """One Review object of the v4 API as a FetchedReview; raises RecordError if unreadable."""
    name = text_or_none(record.get("name"))
    external_id = text_or_none(record.get("reviewId")) or (
        name.rsplit("/", 1)[-1] if name else None
    )
    if not external_id:
        raise RecordError("reviewId is missing")
    stars = record.get("starRating")
    # STAR_RATING_UNSPECIFIED (or anything else) is not a rating: the record is unreadable.
    rating = STAR_RATINGS.get(stars) if isinstance(stars, str) else None
    if rating is None:
        raise RecordError(f"starRating {stars!r} is not ONE..FIVE")
    reviewer = record.get("reviewer")
    reviewer = reviewer if isinstance(reviewer, Mapping) else {}
    # Google sends no name for an anonymous reviewer; never invent one.
    author = None if reviewer.get("isAnonymous") else text_or_none(reviewer.get("displayName"))
    reply = record.get("reviewReply")
    # Google translates comments for the reader: keep the reviewer's words as the review.
    body, translation = split_translation(text_or_none(record.get("comment")))
    return FetchedReview(
        external_id=external_id,
        rating=rating,
        body=body,
        translation=translation,
        author=author,
        created_at=_google.read_time(record.get("createTime"), "createTime"),
        updated_at=_google.read_time(record.get("updateTime"), "updateTime"),
        subject=subject,
        reply=text_or_none(reply.get("comment")) if isinstance(reply, Mapping) else None,
        reply_at=time_or_none(reply.get("updateTime")) if isinstance(reply, Mapping) else None,
    )
