"""`etsy` against a loopback Etsy Open API v3: the contract, the since window, keys and quotas."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import astuple
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from reviewwatch.config import load_config
from reviewwatch.errors import ConfigError
from reviewwatch.models import utc_now
from tests.conftest import write_config
from tests.loopback import LoopbackServer, Request, Response
from tests.sources.contract import Catalogue, FakeReview, SourceContract
from tests.sources.helpers import poll_sources, stored

SHOP_ID = "24681357"
KEYSTRING = "ab12cd34ef56gh78ij90kl12"
SHARED_SECRET = "s3cr3tpart"
API_KEY = f"{KEYSTRING}:{SHARED_SECRET}"
LIST_PATH = f"/v3/application/shops/{SHOP_ID}/reviews"
LISTING_ID = 1234567890
BUYER_ID = 456789
QUOTA_HEADERS = {
    "x-limit-per-second": "10",
    "x-remaining-this-second": "9",
    "x-limit-per-day": "10000",
    "x-remaining-today": "9876",
}
# Reviews are dated around now: Etsy filters by `min_created`, and a regular poll asks only
# for the last days, so fixed dates would fall out of the window as the calendar moves on.
RECENT_BASE = utc_now() - timedelta(days=1)


class RecentCatalogue(Catalogue):
    """The contract's catalogue, dated in the last day instead of on a fixed date."""

    def add(self, rating: int = 4, **values: Any) -> FakeReview:
        values.setdefault("created", RECENT_BASE + timedelta(hours=self._counter + 1))
        return super().add(rating, **values)


def epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def render(review: FakeReview, catalogue: Catalogue) -> dict[str, Any]:
    """A TransactionReview as Etsy's spec describes it: no title, no reviewer name."""
    stamp = epoch(review.created)
    return {
        "shop_id": int(SHOP_ID),
        "listing_id": LISTING_ID,
        "transaction_id": review.id,
        "buyer_user_id": BUYER_ID,
        "rating": "lots" if review.id in catalogue.malformed else review.rating,
        "review": review.body or "",
        "language": "en-US",
        "image_url_fullxfull": None,
        "create_timestamp": stamp,
        "created_timestamp": stamp,
        "update_timestamp": stamp,
        "updated_timestamp": stamp,
        **catalogue.extra_fields,
    }


def listing_handler(
    catalogue: Catalogue, page_size: int, *, oldest_first: bool = False
) -> Callable[[Request], Response]:
    """Etsy's getReviewsByShop: x-api-key, limit 1-100, offset, min_created."""

    def listing(request: Request) -> Response:
        if request.header("x-api-key") != API_KEY:
            return Response(401, {"error": "Invalid API key"})
        limit = int(request.arg("limit", "25") or 25)
        offset = int(request.arg("offset", "0") or 0)
        if not 1 <= limit <= 100 or offset < 0:
            return Response(400, {"error": "limit must be between 1 and 100"})
        min_created = request.arg("min_created")
        since = datetime.fromtimestamp(int(min_created), UTC) if min_created else None
        reviews = catalogue.newest_first(since)
        if oldest_first:
            reviews.reverse()
        chunk = reviews[offset : offset + min(limit, page_size)]
        document = {"count": len(reviews), "results": [render(r, catalogue) for r in chunk]}
        return Response(200, document, dict(QUOTA_HEADERS))

    return listing


class TestEtsyContract(SourceContract):
    kind = "etsy"
    list_path = LIST_PATH
    catalogue_class = RecentCatalogue  # the contract's reviews, dated in the last day

    def install(self, server: LoopbackServer, catalogue: Catalogue) -> None:
        server.route("GET", LIST_PATH, listing_handler(catalogue, self.page_size))

    def source_table(self, server: LoopbackServer, folder: Path) -> dict[str, Any]:
        return {"base_url": server.base_url, "shop_id": SHOP_ID, "api_key": API_KEY}


# -- kind-specific ---------------------------------------------------------------------------


def seven_reviews() -> RecentCatalogue:
    catalogue = RecentCatalogue()
    for rating in (5, 4, 1, 3, 5, 2, 4):
        catalogue.add(rating)
    return catalogue


def poll_etsy(
    server: LoopbackServer, folder: Path, db_path: Path, *, full: bool = False, **table: Any
) -> Any:
    source = {"name": "etsy", "kind": "etsy", "base_url": server.base_url, "shop_id": SHOP_ID}
    source.update(table or {"api_key": API_KEY})
    return poll_sources(folder, db_path, source, full=full)


def test_a_record_is_normalised_from_etsys_shape(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    record = {
        "shop_id": int(SHOP_ID),
        "listing_id": 987654321,
        "transaction_id": 345678901,
        "buyer_user_id": BUYER_ID,
        "rating": 2,
        "review": "  The mug arrived chipped.  ",
        "language": "de-DE",
        "image_url_fullxfull": None,
        "create_timestamp": 1758153645,
        "created_timestamp": 1758153645,
        "update_timestamp": 1758157245,
        "updated_timestamp": 1758157245,
    }
    server.route("GET", LIST_PATH, lambda _r: Response(200, {"count": 1, "results": [record]}))
    report = poll_etsy(server, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    review = stored(db_path)["345678901"]
    assert (review.rating, review.body, review.flagged) == (2, "The mug arrived chipped.", True)
    assert review.created_at == datetime(2025, 9, 18, 0, 0, 45, tzinfo=UTC)
    assert review.updated_at == datetime(2025, 9, 18, 1, 0, 45, tzinfo=UTC)
    assert (review.subject, review.order_id) == ("987654321", "345678901")
    # Etsy's language field is kept as the hint; the language is read from the English text.
    assert (review.language_hint, review.language) == ("de-DE", "en")
    assert (review.title, review.author, review.reply) == (None, None, None)
    assert BUYER_ID not in astuple(review) and str(BUYER_ID) not in map(str, astuple(review))


def test_a_review_without_a_transaction_is_keyed_on_shop_listing_and_time(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    records = [
        {"shop_id": int(SHOP_ID), "listing_id": 555, "rating": 5, "create_timestamp": 1758153645},
        {"listing_id": 556, "transaction_id": None, "rating": 4, "created_timestamp": 1758150000},
        {"shop_id": int(SHOP_ID), "rating": 4},
    ]
    server.route("GET", LIST_PATH, lambda _r: Response(200, {"count": 3, "results": records}))
    report = poll_etsy(server, tmp_path, db_path)
    assert set(stored(db_path)) == {f"{SHOP_ID}-555-1758153645", f"{SHOP_ID}-556-1758150000"}
    [problem] = report.problems
    assert problem.position == "page 1 item 3" and "transaction_id" in problem.reason


def test_the_key_is_sent_as_keystring_colon_shared_secret(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    server.route("GET", LIST_PATH, listing_handler(seven_reviews(), 100))
    report = poll_etsy(server, tmp_path, db_path, api_key=KEYSTRING, shared_secret=SHARED_SECRET)
    assert report.sources[0].ok, report.sources[0].error
    assert server.requests[0].header("x-api-key") == API_KEY
    assert server.requests[0].header("Authorization") is None


def test_a_keystring_alone_is_a_config_problem(tmp_path: Path) -> None:
    table = {"name": "etsy", "kind": "etsy", "shop_id": SHOP_ID, "api_key": KEYSTRING}
    with pytest.raises(ConfigError, match="keystring:shared_secret") as raised:
        load_config(write_config(tmp_path, [table]))
    assert KEYSTRING not in str(raised.value)


def test_a_refused_key_says_what_to_fix_without_showing_it(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    server.route("GET", LIST_PATH, listing_handler(seven_reviews(), 100))
    report = poll_etsy(server, tmp_path, db_path, api_key="wrong:SECRETVALUE")
    message = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert "keystring:shared_secret" in message and "SECRETVALUE" not in message


def test_later_polls_ask_only_for_recent_reviews(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    server.route("GET", LIST_PATH, listing_handler(seven_reviews(), 3))
    poll_etsy(server, tmp_path, db_path)
    assert all(r.arg("min_created") is None for r in server.requests)  # the baseline reads all
    assert [r.arg("limit") for r in server.requests] == ["100"] * 3
    assert [r.arg("offset") for r in server.requests] == ["0", "3", "6"]
    before = len(server.requests)
    started = time.time()
    report = poll_etsy(server, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    [steady] = server.requests[before:]
    # The window reaches back 48 hours before the previous poll, for late-published reviews.
    expected = started - 48 * 3600
    assert expected - 10 <= int(steady.arg("min_created") or 0) <= expected + 1


def test_an_oldest_first_listing_is_walked_from_its_end(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    catalogue = seven_reviews()
    server.route("GET", LIST_PATH, listing_handler(catalogue, 3, oldest_first=True))
    report = poll_etsy(server, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 7
    # The first page shows the order; then the last chunk first, and so on back to the start.
    assert [(r.arg("offset"), r.arg("limit")) for r in server.requests] == [
        ("0", "100"),
        ("4", "3"),
        ("1", "3"),
    ]
    fresh = catalogue.add(1, body="Broke in a week")
    before = len(server.requests)
    report = poll_etsy(server, tmp_path, db_path)
    assert [review.external_id for review in report.new] == [fresh.id]
    # The order check, the newest chunk (holding the new review) and the next (nothing new).
    assert len(server.requests) - before == 3
    before = len(server.requests)
    report = poll_etsy(server, tmp_path, db_path)
    assert report.sources[0].ok and report.new == ()
    assert len(server.requests) - before == 2  # the order check and the newest chunk


def test_a_spent_daily_quota_stops_before_the_next_request(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    handler = listing_handler(seven_reviews(), 3)

    def quota_spent(request: Request) -> Response:
        response = handler(request)
        response.headers["x-remaining-today"] = "0"
        return response

    server.route("GET", LIST_PATH, quota_spent)
    report = poll_etsy(server, tmp_path, db_path)
    message = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert "daily request quota of 10000 requests" in message
    assert len(server.requests) == 1
