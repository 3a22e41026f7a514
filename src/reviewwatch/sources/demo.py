"""`demo`: built-in multilingual sample reviews, offline, for trying reviewwatch out."""

from __future__ import annotations

import functools
import json
from collections.abc import AsyncGenerator, Mapping
from datetime import datetime, timedelta
from importlib.resources import files
from typing import Any, ClassVar

from reviewwatch.models import FetchedReview, Page, utc_now
from reviewwatch.sources.base import Option, Source, SourceConfig
from reviewwatch.sources.http import SourceHttp

SHOPS = ("amazon", "maps", "etsy", "app")


@functools.cache
def demo_data() -> Mapping[str, Any]:
    text = files("reviewwatch.demo").joinpath("reviews.json").read_text(encoding="utf-8")
    data: Mapping[str, Any] = json.loads(text)
    return data


class DemoSource(Source):
    """The sample shop's reviews. Batch 1 is the history; batch 2 arrives later (new and edited)."""

    kind = "demo"
    takes_platform = True
    network = False
    complete_listing = True
    limits = "Sample data only: a tea shop on four platforms, in seven languages."
    options: ClassVar[Mapping[str, Option]] = {
        "shop": Option(choices=SHOPS, help="only one of the sample shops (default: all)"),
    }

    def __init__(
        self, config: SourceConfig, *, http: SourceHttp | None = None, batch: int | None = None
    ) -> None:
        super().__init__(config, http=http)
        self.batch = batch

    async def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        yield Page(tuple(self.reviews()))

    def reviews(self) -> list[FetchedReview]:
        """The reviews as they stand after `batch` (after the last batch when None)."""
        # Anchored to the hour, so that two polls in the same hour see the same times.
        now = utc_now().replace(minute=0, second=0)
        shop = self.config.option("shop")
        latest: dict[str, FetchedReview] = {}
        for entry in demo_data()["reviews"]:
            if shop and entry["shop"] != shop:
                continue
            if self.batch is not None and entry["batch"] > self.batch:
                continue
            latest[entry["id"]] = FetchedReview(
                external_id=entry["id"],
                rating=entry["rating"],
                body=entry["body"],
                title=entry.get("title"),
                author=entry.get("author"),
                created_at=now - timedelta(hours=entry["hours_ago"]),
                subject=entry.get("subject"),
                order_id=entry.get("order_id"),
                reply=entry.get("reply"),
                language=entry.get("language"),
            )
        return sorted(latest.values(), key=lambda review: review.created_at or now, reverse=True)
