"""`judgeme`: a Shopify shop's product reviews, through the Judge.me API.

The listing takes the private API token in the query string, as Judge.me documents it; error
messages name URLs without their query string, so the token never shows.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Mapping
from datetime import datetime
from typing import Any, ClassVar

from reviewwatch.errors import AuthError, BadResponseError, SourceError
from reviewwatch.models import FetchedReview, Page, utc_now
from reviewwatch.sources import _api
from reviewwatch.sources.base import Option, PostedReply, Source
from reviewwatch.sources.http import page_cap_warning
from reviewwatch.sources.normalise import (
    RecordError,
    dig,
    expect_object,
    parse_rating,
    parse_time,
    text_or_none,
)
from reviewwatch.sources.pages import read_page

LIST_HOST = "https://judge.me"
REPLY_HOST = "https://api.judge.me"
LIST_PATH = "/api/v1/reviews"
REPLY_PATH = "/api/v1/replies"
# 100 per page comes from community code only (UNCONFIRMED); a smaller page is always accepted.
PAGE_SIZE = 100
MAX_PAGES = 10_000
# Not documented as an API limit (UNCONFIRMED): the one client that posts replies caps them at
# 2000 characters, so a longer reply is refused here instead of risking a cut.
MAX_REPLY_CHARS = 2000


class JudgemeSource(Source):
    """A shop's Judge.me reviews; every page is read on every poll.

    The listing's order is not documented (UNCONFIRMED), so stopping at the first page with
    nothing new could miss a new review on a later page. Reading everything is the safe choice,
    and it also shows which reviews were deleted.
    """

    kind = "judgeme"
    default_platform = "shopify"
    can_reply = True
    max_reply_chars = MAX_REPLY_CHARS
    complete_listing = True
    limits = (
        "Reads every review on every poll (Judge.me documents no order or date filter), about "
        "one request per 100 reviews. Hidden and unpublished reviews are listed too. The "
        "listing shows no existing replies, so a review answered elsewhere still looks "
        "unanswered."
    )
    options: ClassVar[Mapping[str, Option]] = {
        "shop_domain": Option(required=True, help="the shop's <name>.myshopify.com domain"),
        "api_token": Option(required=True, secret=True, help="Judge.me private API token"),
    }

    @classmethod
    def check_options(cls, values: Mapping[str, Any]) -> list[str]:
        domain = values.get("shop_domain")
        if isinstance(domain, str) and ("/" in domain or not domain.strip()):
            return ["shop_domain: give the bare domain, e.g. acme.myshopify.com (no https://)"]
        return []

    def _url(self, host: str, path: str) -> str:
        # Listing and replies live on different hosts; a configured base_url serves both.
        return _api.base_url(self.config, host) + path

    async def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        url = self._url(LIST_HOST, LIST_PATH)
        for number in range(1, MAX_PAGES + 1):
            params = {
                "shop_domain": self.config.options["shop_domain"],
                "api_token": self.config.secret("api_token"),
                "per_page": PAGE_SIZE,
                "page": number,
            }
            document = await self.http.get_json(url, params=params)
            records = dig(document, "reviews")
            if not isinstance(records, list):
                raise BadResponseError("Judge.me's listing has no `reviews` list")
            if records:
                yield read_page(self.name, records, read_review, page=number)
            # Judge.me says: page until a short page. A server that caps per_page lower than
            # asked says so in `per_page`; trust that over the number asked for.
            size = dig(document, "per_page")
            full = size if isinstance(size, int) and 0 < size <= PAGE_SIZE else PAGE_SIZE
            if len(records) < full:
                return
        yield page_cap_warning(MAX_PAGES)

    async def post_reply(self, *, external_id: str, text: str) -> PostedReply:
        """Post the shop's public reply to a review (without e-mailing the reviewer)."""
        self.check_reply_fits(text)
        if not external_id.isdigit():
            raise SourceError(f"Judge.me review ids are numbers; {external_id!r} is not one")
        body = {
            "review_id": int(external_id),
            "send_reply_email": False,
            "reply": {"content": text},
        }
        try:
            await self.http.request(
                "POST",
                self._url(REPLY_HOST, REPLY_PATH),
                params={"shop_domain": self.config.options["shop_domain"]},
                headers={"X-Api-Token": self.config.secret("api_token")},
                json_body=body,
            )
        except AuthError:
            raise
        except SourceError as error:
            # A refusal comes as 422 {"error": ...}; the message carries Judge.me's reason.
            raise SourceError(
                f"Judge.me did not accept the reply to review {external_id}: {error}"
            ) from error
        return PostedReply(text=text, posted_at=utc_now())


def read_review(record: Any) -> FetchedReview:
    """One Judge.me review object as a FetchedReview.

    The reviewer's e-mail, phone and IP address are in the record; they are never read.
    """
    record = expect_object(record)
    raw_id = record.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, int | str) or not str(raw_id).strip():
        raise RecordError(f"id {raw_id!r} is missing or not a number")
    rating, polarity = parse_rating(record.get("rating"))
    subject = text_or_none(record.get("product_title")) or text_or_none(
        record.get("product_handle")
    )
    return FetchedReview(
        external_id=str(raw_id).strip(),
        rating=rating,
        polarity=polarity,
        title=text_or_none(record.get("title")),
        body=text_or_none(record.get("body")),
        author=text_or_none(dig(record, "reviewer.name")),
        created_at=parse_time(record.get("created_at")),
        updated_at=parse_time(record.get("updated_at")),
        subject=subject,
    )
