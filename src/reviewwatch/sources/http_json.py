"""`http_json`: any JSON API or feed, newest first, following a next-page link."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Mapping
from datetime import datetime
from typing import Any, ClassVar

from reviewwatch.errors import BadResponseError
from reviewwatch.models import Page
from reviewwatch.sources.base import Option, Secret, Source, web_url_problem
from reviewwatch.sources.http import follow_link, page_cap_warning, redact_url
from reviewwatch.sources.mapped import (
    MAPPING_OPTIONS,
    FieldMap,
    check_field_map,
    check_rating_map,
    paginate,
)
from reviewwatch.sources.normalise import dig

MAX_PAGES = 10_000


class HttpJsonSource(Source):
    """A JSON endpoint. The listing should be newest first so that a poll can stop early."""

    kind = "http_json"
    takes_platform = True
    limits = (
        "Sees what the endpoint returns. The poll stops at the first page with nothing new, "
        "so the endpoint should list newest first; `poll --full` walks every page."
    )
    options: ClassVar[Mapping[str, Option]] = {
        "url": Option(required=True, help="the first page"),
        "fields": Option("table", required=True, help="review field = dotted path"),
        "items": Option(help="dotted path to the list of reviews (default: the document)"),
        "next": Option(help="dotted path to the next page's URL"),
        "headers": Option("table", secret=True, help="extra request headers (e.g. a token)"),
        **MAPPING_OPTIONS,
    }

    @classmethod
    def check_options(cls, values: Mapping[str, Any]) -> list[str]:
        problems = check_field_map(values.get("fields"), "fields") + check_rating_map(values)
        url = values.get("url")
        if isinstance(url, str) and not url.startswith(("http://", "https://")):
            problems.append("url: must start with http:// or https://")
        elif isinstance(url, str) and web_url_problem(url):
            problems.append(f"url: {web_url_problem(url)}")
        return problems

    async def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        reader = FieldMap(self.config.options["fields"], self.config.option("rating_map"))
        headers = _reveal_headers(self.config.option("headers") or {})
        url: str | None = self.config.options["url"]
        seen: set[str] = set()
        while url and url not in seen and len(seen) < MAX_PAGES:
            seen.add(url)
            document = await self.http.get_json(url, headers=headers)
            items = dig(document, self.config.option("items"))
            if not isinstance(items, list):
                raise BadResponseError(
                    f"{redact_url(url)}: expected a list of reviews at "
                    f"{self.config.option('items') or 'the top level'!r}"
                )
            records = ((f"page {len(seen)} item {n}", item) for n, item in enumerate(items, 1))
            for page in paginate(self.name, records, reader, page_size=max(1, len(items))):
                yield page
            url = self._next_url(document, url)
            if url and len(seen) >= MAX_PAGES and url not in seen:
                yield page_cap_warning(MAX_PAGES)

    def _next_url(self, document: Any, current: str) -> str | None:
        next_path = self.config.option("next")
        if not next_path:
            return None
        link = dig(document, next_path)
        if not isinstance(link, str) or not link.strip():
            return None
        return follow_link(current, link, home=self.config.options["url"])


def _reveal_headers(headers: Mapping[str, Any]) -> dict[str, str]:
    return {
        name: value.reveal() if isinstance(value, Secret) else str(value)
        for name, value in headers.items()
    }
