"""`yelp`: the review excerpts the Yelp Fusion (Places) API shows for one business.

Yelp's API returns at most three excerpts per business, with their text cut short, and has no
pagination worth the name, no date filter and no reply endpoint. A poll is one request.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, Mapping
from datetime import datetime
from typing import Any, ClassVar
from urllib.parse import quote
from zoneinfo import ZoneInfo

import httpx

from reviewwatch.errors import BadResponseError, RateLimitError
from reviewwatch.models import FetchedReview, Page
from reviewwatch.sources import _api
from reviewwatch.sources.base import Option, Source, SourceConfig
from reviewwatch.sources.http import SourceHttp, redact_url
from reviewwatch.sources.normalise import (
    dig,
    expect_object,
    parse_rating,
    parse_time,
    required_text,
    text_or_none,
)
from reviewwatch.sources.pages import read_page

DEFAULT_BASE_URL = "https://api.yelp.com"
# `time_created` has no offset; Yelp's generated schema calls it Pacific time. UNCONFIRMED, so
# it is read as local time in Los Angeles (which follows daylight saving), the safe reading.
YELP_TIME_ZONE = ZoneInfo("America/Los_Angeles")
DAILY_CAP_CODE = "ACCESS_LIMIT_REACHED"
AUTH_HINT = (
    "Yelp refused the API key: api_key must be the API key of your app on Yelp's developer "
    "site (sent as a Bearer token), not its client ID"
)


class YelpSource(Source):
    """The (at most three) review excerpts Yelp's API shows for one business."""

    kind = "yelp"
    default_platform = "yelp"
    removal_detectable = False
    limits = (
        "Most reviews: Yelp's API shows only 3 review excerpts per business, chosen by Yelp "
        "and cut short, so most reviews are never seen and none is seen in full. Also titles "
        "and owner replies; there is no reply API (answer on Yelp for Business). Each poll "
        "costs one call of the plan's daily allowance."
    )
    options: ClassVar[Mapping[str, Option]] = {
        "business_id": Option(
            required=True, help="the business's Yelp ID or alias (the part after /biz/ in its URL)"
        ),
        "api_key": Option(required=True, secret=True, help="the API key of your Yelp app"),
    }

    def __init__(self, config: SourceConfig, *, http: SourceHttp | None = None) -> None:
        super().__init__(config, http=http)
        if http is not None:
            http.error_hook = raise_if_daily_cap_spent

    async def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        # One request is the whole listing: nothing to page, nothing to filter by date. No
        # `sort_by` is sent: its values are UNCONFIRMED, and Yelp's default order is accepted.
        base = _api.base_url(self.config, DEFAULT_BASE_URL)
        business = quote(str(self.config.options["business_id"]), safe="")
        url = f"{base}/v3/businesses/{business}/reviews"
        with _api.auth_advice(AUTH_HINT):
            document = await self.http.get_json(
                url, headers=_api.bearer(self.config.secret("api_key"))
            )
        records = dig(document, "reviews")
        if not isinstance(records, list):
            raise BadResponseError(f"{redact_url(url)}: expected a list under 'reviews'")
        yield read_page(self.name, records, _review)


def _review(record: Any) -> FetchedReview:
    record = expect_object(record)
    external_id = required_text(record.get("id"), "id")
    rating, polarity = parse_rating(record.get("rating"))
    user = record.get("user")
    return FetchedReview(
        external_id=external_id,
        rating=rating,
        polarity=polarity,
        body=text_or_none(record.get("text")),
        author=text_or_none(user.get("name")) if isinstance(user, Mapping) else None,
        created_at=parse_time(record.get("time_created"), naive_zone=YELP_TIME_ZONE),
        url=text_or_none(record.get("url")),
        # A source is one business, so there is no per-review subject; the business ID is a
        # code, not a name to put in a reply.
    )


def raise_if_daily_cap_spent(response: httpx.Response) -> None:
    """Yelp answers both "too fast" and "no calls left today" with HTTP 429; only the first is
    worth retrying, and the error body (`ACCESS_LIMIT_REACHED`) tells them apart."""
    if response.status_code != 429 or not _daily_cap_spent(response):
        return
    reset = response.headers.get("RateLimit-ResetTime")
    when = f" at {reset}" if reset else " at midnight UTC"
    limit = response.headers.get("RateLimit-DailyLimit")
    allowance = f" of {limit} calls" if limit else ""
    raise RateLimitError(
        f"Yelp's daily API allowance{allowance} is used up (ACCESS_LIMIT_REACHED); it "
        f"resets{when}. Poll Yelp less often or ask Yelp for a larger plan"
    )


def _daily_cap_spent(response: httpx.Response) -> bool:
    if response.headers.get("RateLimit-Remaining", "").strip() == "0":
        return True
    try:
        body = json.loads(response.content)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    return bool(dig(body, "error.code") == DAILY_CAP_CODE)
