"""`etsy`: a shop's reviews through the Etsy Open API v3.

Etsy's reviews have no id of their own: a shop review belongs to one transaction (the purchase
of one listing), so the transaction id is the key. The API filters by creation time
(`min_created`), so a poll asks only for the recent window.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator, Iterator, Mapping
from datetime import datetime
from typing import Any, ClassVar
from urllib.parse import quote

import httpx

from reviewwatch.errors import BadResponseError, RateLimitError
from reviewwatch.models import FetchedReview, Page
from reviewwatch.sources import _api
from reviewwatch.sources.base import Option, Secret, Source
from reviewwatch.sources.http import parse_json, redact_url
from reviewwatch.sources.normalise import (
    RecordError,
    expect_object,
    parse_rating,
    parse_time,
    since_with_overlap,
    text_or_none,
)
from reviewwatch.sources.pages import read_page

DEFAULT_BASE_URL = "https://api.etsy.com"
PAGE_LIMIT = 100  # Etsy's documented maximum
AUTH_HINT = (
    "Etsy refused the API key: api_key must be `keystring:shared_secret` as shown for your app "
    "on Etsy's Your Apps page (or give the shared secret as shared_secret), and the app must "
    "be active"
)


class EtsySource(Source):
    """Reviews of one Etsy shop, newest first, asking only for the recent window."""

    kind = "etsy"
    default_platform = "etsy"
    supports_since = True
    limits = (
        "Titles, reviewer names and seller replies (Etsy's API has none), and there is no "
        "reply API: answer on Etsy. A regular poll asks only for reviews created in the last "
        "days, so a later edit of an older review is seen only by `poll --full`."
    )
    options: ClassVar[Mapping[str, Option]] = {
        "shop_id": Option(required=True, help="the shop's numeric ID"),
        "api_key": Option(
            required=True,
            secret=True,
            help="keystring:shared_secret of your Etsy app (sent as x-api-key)",
        ),
        "shared_secret": Option(
            secret=True, help="the app's shared secret, when api_key holds only the keystring"
        ),
    }

    @classmethod
    def check_options(cls, values: Mapping[str, Any]) -> list[str]:
        problems = []
        shop_id = values.get("shop_id")
        if isinstance(shop_id, str) and not shop_id.isdigit():
            problems.append("shop_id: expected the shop's numeric ID, e.g. 12345678")
        key = values.get("api_key")
        if (
            isinstance(key, Secret)
            and ":" not in key.reveal()
            and values.get("shared_secret") is None
        ):
            problems.append(
                "api_key: Etsy expects keystring:shared_secret (both are on Etsy's Your Apps "
                "page); add the shared secret after a colon, or give it as shared_secret"
            )
        return problems

    def _api_key(self) -> str:
        key = self.config.secret("api_key")
        secret = self.config.secret("shared_secret")
        return f"{key}:{secret}" if secret and ":" not in key else key

    async def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        window = since_with_overlap(since)
        query: dict[str, Any] = {}
        if window is not None:
            query["min_created"] = max(946684800, int(window.timestamp()))
        seen: set[str] = set()
        first = await self._get(query, offset=0, limit=PAGE_LIMIT)
        records = _results(first.document, first.url)
        total = _count(first.document)
        walk: AsyncGenerator[list[Any], None]
        if total is not None and total > len(records) and _oldest_first(records):
            # Etsy does not document its order. If this listing runs oldest first, walk it
            # from the end, so that the newest reviews still come first and the poll can stop.
            walk = self._backwards(query, total, step=len(records), first=first)
        else:
            walk = self._forwards(query, total, first=first)
        async with contextlib.aclosing(walk):
            number = 0
            async for chunk in walk:
                number += 1
                # Offsets shift when a review arrives mid-walk; one review is listed once.
                yield read_page(self.name, chunk, self._review, page=number, seen=seen)

    async def _forwards(
        self, query: Mapping[str, Any], total: int | None, *, first: _Answer
    ) -> AsyncGenerator[list[Any], None]:
        answer, offset = first, 0
        while True:
            records = _results(answer.document, answer.url)
            yield records
            offset += len(records)
            # Without Etsy's `count`, a short page is taken as the last one.
            done = offset >= total if total is not None else len(records) < PAGE_LIMIT
            if not records or done:
                return
            answer.check_quota()
            answer = await self._get(query, offset=offset, limit=PAGE_LIMIT)

    async def _backwards(
        self, query: Mapping[str, Any], total: int, *, step: int, first: _Answer
    ) -> AsyncGenerator[list[Any], None]:
        answer = first
        for start, end in _chunks_from_the_end(total, step):
            if start == 0 and end <= step:
                records = _results(first.document, first.url)[:end]
            else:
                answer.check_quota()
                answer = await self._get(query, offset=start, limit=end - start)
                records = _results(answer.document, answer.url)
            yield list(reversed(records))

    async def _get(self, query: Mapping[str, Any], *, offset: int, limit: int) -> _Answer:
        base = _api.base_url(self.config, DEFAULT_BASE_URL)
        shop = quote(str(self.config.options["shop_id"]), safe="")
        url = f"{base}/v3/application/shops/{shop}/reviews"
        params = {**query, "limit": limit, "offset": offset}
        with _api.auth_advice(AUTH_HINT):
            response = await self.http.request(
                "GET", url, params=params, headers={"x-api-key": self._api_key()}
            )
        return _Answer(url, parse_json(response), response)

    def _review(self, record: Any) -> FetchedReview:
        record = expect_object(record)
        rating, polarity = parse_rating(record.get("rating"))
        created = _first(record, "create_timestamp", "created_timestamp")
        updated = _first(record, "update_timestamp", "updated_timestamp")
        transaction = text_or_none(record.get("transaction_id"))
        listing = text_or_none(record.get("listing_id"))
        return FetchedReview(
            external_id=transaction or self._fallback_id(record, listing, created),
            rating=rating,
            polarity=polarity,
            body=text_or_none(record.get("review")),
            created_at=parse_time(created),
            updated_at=parse_time(updated),
            subject=listing,
            order_id=transaction,
            language=text_or_none(record.get("language")),
            # buyer_user_id is left out on purpose: it identifies a private buyer.
        )

    def _fallback_id(self, record: Mapping[str, Any], listing: str | None, created: Any) -> str:
        """`shop-listing-created` for reviews that come without a transaction id."""
        shop = text_or_none(record.get("shop_id")) or str(self.config.options["shop_id"])
        stamp = text_or_none(created)
        if listing is None or stamp is None:
            raise RecordError("neither transaction_id nor listing_id and create_timestamp")
        return f"{shop}-{listing}-{stamp}"


class _Answer:
    """One listing response: its parsed body and the quota headers that came with it."""

    def __init__(self, url: str, document: Any, response: httpx.Response) -> None:
        self.url = url
        self.document = document
        self.headers = response.headers

    def check_quota(self) -> None:
        """Raise RateLimitError before a request that Etsy's spent daily quota would refuse."""
        if self.headers.get("x-remaining-today", "").strip() != "0":
            return
        limit = self.headers.get("x-limit-per-day")
        allowance = f" of {limit} requests" if limit else ""
        raise RateLimitError(
            f"Etsy's daily request quota{allowance} for this app is used up "
            "(x-remaining-today: 0); the remaining pages are fetched by a later poll"
        )


def _results(document: Any, url: str) -> list[Any]:
    results = document.get("results") if isinstance(document, Mapping) else None
    if not isinstance(results, list):
        raise BadResponseError(f"{redact_url(url)}: expected a list of reviews under 'results'")
    return results


def _count(document: Any) -> int | None:
    """How many reviews match in all (Etsy's `count`), or None when it is not given."""
    count = document.get("count") if isinstance(document, Mapping) else None
    return count if isinstance(count, int) and not isinstance(count, bool) else None


def _first(record: Mapping[str, Any], *keys: str) -> Any:
    return next((record[key] for key in keys if record.get(key) is not None), None)


def _oldest_first(records: list[Any]) -> bool:
    """Whether a page runs from older to newer (judged by its first and last readable times)."""
    stamps = []
    for record in records:
        if isinstance(record, Mapping):
            stamp = _first(record, "create_timestamp", "created_timestamp")
            if isinstance(stamp, int | float) and not isinstance(stamp, bool):
                stamps.append(stamp)
    return len(stamps) >= 2 and stamps[0] < stamps[-1]


def _chunks_from_the_end(total: int, step: int) -> Iterator[tuple[int, int]]:
    """(start, end) offsets covering 0..total in chunks of `step`, the last chunk first."""
    end = total
    while end > 0:
        start = max(0, end - step)
        yield start, end
        end = start
