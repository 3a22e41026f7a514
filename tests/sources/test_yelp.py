"""`yelp` against a loopback Yelp API: the contract (as far as three excerpts allow) and Yelp's
own rules: Pacific times, Bearer keys, the daily allowance."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from reviewwatch.location import Location
from reviewwatch.sources.yelp import YelpSource
from reviewwatch.store import ReviewFilter, connect, iter_reviews
from tests.loopback import LoopbackServer, Request, Response
from tests.sources.contract import Catalogue, FakeReview, SourceContract
from tests.sources.helpers import payload, poll_sources, stored

BUSINESS_ID = "eleven-madison-park-new-york"
API_KEY = "yelp-test-key-0123456789"
LIST_PATH = f"/v3/businesses/{BUSINESS_ID}/reviews"
PACIFIC = ZoneInfo("America/Los_Angeles")
# What Yelp shows, whatever the business has.
VISIBLE = 3
RATE_HEADERS = {
    "RateLimit-DailyLimit": "300",
    "RateLimit-Remaining": "299",
    "RateLimit-ResetTime": "2026-11-23T00:00:00+00:00",
}


def render(review: FakeReview, catalogue: Catalogue) -> dict[str, Any]:
    user: dict[str, Any] = {
        "id": f"user-{review.id}",
        "profile_url": f"https://www.yelp.com/user_details?userid=user-{review.id}",
        "image_url": None,
    }
    if review.author is not None:
        user["name"] = review.author
    record: dict[str, Any] = {
        "id": review.id,
        "url": f"https://www.yelp.com/biz/{BUSINESS_ID}?hrid={review.id}",
        "rating": "lots" if review.id in catalogue.malformed else review.rating,
        "time_created": review.created.astimezone(PACIFIC).strftime("%Y-%m-%d %H:%M:%S"),
        "user": user,
        **catalogue.extra_fields,
    }
    if review.body is not None:
        record["text"] = review.body[:157] + "..." if len(review.body) > 160 else review.body
    return record


def serve(server: LoopbackServer, document: Any) -> None:
    def listing(request: Request) -> Response:
        if request.header("Authorization") != f"Bearer {API_KEY}":
            error = {"code": "TOKEN_INVALID", "description": "Invalid access token"}
            return Response(401, {"error": error})
        return Response(200, document() if callable(document) else document, dict(RATE_HEADERS))

    server.route("GET", LIST_PATH, listing)


class TestYelpContract(SourceContract):
    kind = "yelp"
    list_path = LIST_PATH

    def install(self, server: LoopbackServer, catalogue: Catalogue) -> None:
        def document() -> dict[str, Any]:
            shown = catalogue.newest_first()[:VISIBLE]
            return {
                "reviews": [render(review, catalogue) for review in shown],
                "total": len(catalogue.reviews),
                "possible_languages": ["en"],
            }

        serve(server, document)

    def source_table(self, server: LoopbackServer, folder: Path) -> dict[str, Any]:
        return {"base_url": server.base_url, "business_id": BUSINESS_ID, "api_key": API_KEY}

    # Yelp shows three excerpts and has no pagination, so the contract's "seven reviews in
    # three pages" cases are restated for what Yelp really returns.

    def test_first_poll_is_a_baseline(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Location
    ) -> None:
        """Only the three excerpts Yelp shows are stored, in one request."""
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert report.baseline == VISIBLE
        stored = list(iter_reviews(connect(db_path), ReviewFilter()))
        shown = catalogue.newest_first()[:VISIBLE]
        assert {r.external_id for r in stored} == {r.id for r in shown}
        assert sum(r.flagged for r in stored) == sum(r.rating <= 2 for r in shown)
        assert self.list_requests(server) == 1

    def test_full_poll_walks_every_page_and_marks_removed(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Location
    ) -> None:
        """A full poll is still one request, and marks nothing removed: a review that drops
        out of Yelp's three chosen excerpts is out of view, not gone."""
        self.poll(config_path, db_path)
        gone = catalogue.newest_first()[0]
        catalogue.remove(gone.id)
        before = self.list_requests(server)
        report = self.poll(config_path, db_path, full=True)
        assert report.sources[0].ok, report.sources[0].error
        assert self.list_requests(server) - before == 1
        removed = [r for r in iter_reviews(connect(db_path), ReviewFilter()) if r.removed_at]
        assert removed == [] and report.sources[0].removed == 0

    def test_unknown_extra_fields_are_ignored(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        """As the contract's, with Yelp's three excerpts."""
        catalogue.extra_fields["fieldFromTheFuture"] = {"nested": [1, 2, 3]}
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert report.baseline == VISIBLE

    def test_a_malformed_record_is_reported_and_the_rest_stored(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        """As the contract's, with Yelp's three excerpts (the broken one is the third)."""
        broken = catalogue.newest_first()[2]
        catalogue.malformed.add(broken.id)
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert report.baseline == VISIBLE - 1
        [problem] = report.problems
        assert problem.source == "platform" and "lots" in problem.reason

    def test_429_waits_as_told_then_succeeds(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        """Yelp's "too many per second" 429 is waited out and retried."""
        error = {"code": "TOO_MANY_REQUESTS_PER_SECOND", "description": "slow down"}
        server.fail_next(Response(429, {"error": error}, {"Retry-After": "1"}), path=LIST_PATH)
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert report.baseline == VISIBLE
        assert self.list_requests(server) == 2

    def test_a_server_error_is_retried(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        """As the contract's, with Yelp's three excerpts."""
        server.fail_next(Response(503, "<html>busy</html>"), path=LIST_PATH)
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert report.baseline == VISIBLE


# -- kind-specific ---------------------------------------------------------------------------


def poll_yelp(server: LoopbackServer, folder: Path, db_path: Path, **table: Any) -> Any:
    source = {
        "name": "yelp",
        "kind": "yelp",
        "base_url": server.base_url,
        "business_id": BUSINESS_ID,
        "api_key": API_KEY,
        **table,
    }
    return poll_sources(folder, db_path, source)


def test_the_captured_response_is_normalised(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    serve(server, payload("yelp-business-reviews.json"))
    report = poll_yelp(server, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    reviews = stored(db_path)
    assert set(reviews) == {
        "YazjnGL3tNGNp6v-BXi3gw",
        "SY0E3asN2tPsYfC95Qg3Sw",
        "CdNz5HNOGcAwcrt24Qaogw",
    }
    harsh = reviews["SY0E3asN2tPsYfC95Qg3Sw"]
    assert (harsh.rating, harsh.author, harsh.flagged) == (1, "Shawn B.", True)
    assert harsh.body is not None and harsh.body.startswith("This place is a very expensive joke.")
    assert harsh.body.endswith("...")  # Yelp's excerpt, stored as given
    assert harsh.url is not None and "hrid=SY0E3asN2tPsYfC95Qg3Sw" in harsh.url
    # 2023-06-11 11:33:42 in Los Angeles (daylight time, UTC-7).
    assert harsh.created_at == datetime(2023, 6, 11, 18, 33, 42, tzinfo=UTC)
    assert reviews["YazjnGL3tNGNp6v-BXi3gw"].created_at == datetime(
        2023, 4, 11, 1, 57, 16, tzinfo=UTC
    )
    assert all(review.title is None and review.reply is None for review in reviews.values())


def test_the_documented_review_object_is_normalised(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    record = payload("yelp-review-docs-example.json")
    serve(server, {"reviews": [record], "total": 1, "possible_languages": ["en"]})
    poll_yelp(server, tmp_path, db_path)
    review = stored(db_path)["xAG4O7l-t1ubbwVAlPnDKg"]
    assert (review.rating, review.author) == (5, "Ella A.")
    assert review.created_at == datetime(2016, 8, 29, 7, 41, 13, tzinfo=UTC)


def test_winter_times_are_eight_hours_behind_utc(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    record = {"id": "w1", "rating": 2.0, "time_created": "2026-01-15 23:30:00", "text": "Cold"}
    serve(server, {"reviews": [record], "total": 1})
    poll_yelp(server, tmp_path, db_path)
    review = stored(db_path)["w1"]
    assert review.created_at == datetime(2026, 1, 16, 7, 30, tzinfo=UTC)
    assert review.rating == 2


def test_a_spent_daily_allowance_fails_at_once_with_a_clear_message(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    error = {"code": "ACCESS_LIMIT_REACHED", "description": "You've reached the access limit"}
    headers = {**RATE_HEADERS, "RateLimit-Remaining": "0"}
    server.route("GET", LIST_PATH, lambda _r: Response(429, {"error": error}, headers))
    report = poll_yelp(server, tmp_path, db_path)
    message = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert "daily API allowance of 300 calls is used up" in message
    assert "2026-11-23T00:00:00+00:00" in message
    assert len(server.requests) == 1  # no retries against a spent allowance


def test_the_daily_cap_is_recognised_by_its_code_alone(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    error = {"code": "ACCESS_LIMIT_REACHED", "description": "You've reached the access limit"}
    server.route("GET", LIST_PATH, lambda _r: Response(429, {"error": error}))
    report = poll_yelp(server, tmp_path, db_path)
    assert "resets at midnight UTC" in (report.sources[0].error or "")
    assert len(server.requests) == 1


def test_a_refused_key_says_what_to_fix_without_showing_it(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    serve(server, {"reviews": []})
    report = poll_yelp(server, tmp_path, db_path, api_key="wrong-key-SECRET")
    message = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert "api_key" in message and "credentials" in message
    assert "SECRET" not in message


def test_the_business_alias_is_escaped_in_the_path(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    path = "/v3/businesses/caf%C3%A9-de-flore-paris/reviews"
    server.route("GET", path, lambda _r: Response(200, {"reviews": [], "total": 0}))
    report = poll_yelp(server, tmp_path, db_path, business_id="café-de-flore-paris")
    assert report.sources[0].ok, report.sources[0].error
    assert [request.path for request in server.requests] == [path]
    assert server.requests[0].query == {}  # no unconfirmed sort_by is sent


def test_limits_say_that_most_reviews_are_never_seen() -> None:
    assert "3 review excerpts" in YelpSource.limits
    assert "never seen" in YelpSource.limits
    assert not YelpSource.can_reply and not YelpSource.supports_since
