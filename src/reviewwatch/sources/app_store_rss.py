"""`app_store_rss`: the public customer-reviews feed that Apple serves for every app.

No account and no key: the feed shows the most recent reviews of one storefront (country),
50 to a page, at most 10 pages. Every value comes wrapped as `{"label": ...}`.
"""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator, Mapping
from datetime import datetime
from typing import Any, ClassVar

from reviewwatch.errors import BadResponseError
from reviewwatch.models import FetchedReview, Page
from reviewwatch.sources import _api, _apple
from reviewwatch.sources.base import Option, Source
from reviewwatch.sources.http import redact_url
from reviewwatch.sources.normalise import (
    expect_object,
    parse_rating,
    parse_time,
    required_text,
    text_or_none,
)
from reviewwatch.sources.pages import read_page

DEFAULT_BASE_URL = "https://itunes.apple.com"
# Apple serves pages 1 to 10 only (page 11 is an error): 500 reviews at most.
MAX_PAGES = 10


class AppStoreRssSource(Source):
    """The newest reviews of one app in one App Store country, from Apple's public feed."""

    kind = "app_store_rss"
    default_platform = "app_store"
    removal_detectable = False
    limits = (
        "Anything older than the 500 most recent reviews of one country's App Store (the "
        "public feed's 10 pages), other countries, developer replies and the language; there "
        "is no way to answer. The feed is unofficial: Apple may change or drop it. The "
        "app_store kind (App Store Connect API) sees every review and can reply."
    )
    options: ClassVar[Mapping[str, Option]] = {
        "app_id": _apple.APP_ID,
        "country": Option(
            required=True, help="the App Store country as a two-letter code, e.g. us, gb, de"
        ),
    }

    @classmethod
    def check_options(cls, values: Mapping[str, Any]) -> list[str]:
        problems = _apple.check_app_id(values)
        country = values.get("country")
        if isinstance(country, str) and not re.fullmatch(r"[A-Za-z]{2}", country):
            problems.append("country: expected a two-letter country code such as us or gb")
        return problems

    def page_url(self, number: int) -> str:
        """The feed's page `number`, newest reviews first."""
        base = _api.base_url(self.config, DEFAULT_BASE_URL)
        country = str(self.config.options["country"]).lower()
        app_id = self.config.options["app_id"]
        return (
            f"{base}/{country}/rss/customerreviews/id={app_id}/sortby=mostrecent/page={number}/json"
        )

    async def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        # The feed has no date filter: `since` is unused and the poll stops at a known page.
        seen: set[str] = set()
        for number in range(1, MAX_PAGES + 1):
            url = self.page_url(number)
            entries = _entries(await self.http.get_json(url), url)
            if all(_is_app_metadata(entry) for entry in entries):
                return  # past the last page: the feed has no reviews left
            yield read_page(
                self.name, entries, self._review, page=number, seen=seen, skip=_is_app_metadata
            )

    def _review(self, entry: Any) -> FetchedReview:
        entry = expect_object(entry)
        external_id = required_text(_label(entry, "id"), "id")
        rating, polarity = parse_rating(_label(entry, "im:rating"))
        author = entry.get("author")
        return FetchedReview(
            external_id=external_id,
            rating=rating,
            polarity=polarity,
            title=_label(entry, "title"),
            body=_label(entry, "content"),
            author=_label(author, "name") if isinstance(author, Mapping) else None,
            # The feed dates each review once (its latest version), so that is its date. An
            # entry without one is dated by first sight (`created_at` stays empty to say so).
            created_at=parse_time(_label(entry, "updated")),
            subject=str(self.config.options["app_id"]),
        )


def _entries(document: Any, url: str) -> list[Any]:
    """The feed's entries; a feed with a single entry sends it as an object, not a list."""
    feed = document.get("feed") if isinstance(document, Mapping) else None
    if not isinstance(feed, Mapping):
        raise BadResponseError(f"{redact_url(url)}: expected an App Store reviews feed")
    entries = feed.get("entry")
    if entries is None:
        return []
    return entries if isinstance(entries, list) else [entries]


def _is_app_metadata(entry: Any) -> bool:
    """The app's own entry, which leads some feeds: it names the app and rates nothing."""
    return isinstance(entry, Mapping) and "im:rating" not in entry and "im:name" in entry


def _label(container: Any, key: str) -> str | None:
    """The text of a `{"label": ...}` value (a bare string is taken as it is)."""
    value = container.get(key) if isinstance(container, Mapping) else None
    if isinstance(value, Mapping):
        value = value.get("label")
    return text_or_none(value)
