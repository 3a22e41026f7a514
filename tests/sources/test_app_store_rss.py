"""`app_store_rss` against a loopback iTunes feed: the contract and the feed's quirks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from reviewwatch.config import load_config
from reviewwatch.errors import ConfigError
from reviewwatch.stats import compute_stats
from reviewwatch.store import connect
from tests.conftest import invoke, write_config
from tests.loopback import LoopbackServer, Request, Response
from tests.sources.contract import Catalogue, FakeReview, SourceContract
from tests.sources.helpers import poll_sources, stored

APP_ID = "1592550875"
COUNTRY = "us"
PACIFIC_SUMMER = timezone(timedelta(hours=-7))


def page_path(number: int, country: str = COUNTRY) -> str:
    return f"/{country}/rss/customerreviews/id={APP_ID}/sortby=mostrecent/page={number}/json"


def label(value: Any) -> dict[str, Any]:
    return {"label": value}


def app_entry() -> dict[str, Any]:
    """The app's own entry that leads the first page of some feeds."""
    return {
        "im:name": label("Airdopes"),
        "rights": label("© 2026 Example Ltd"),
        "im:price": {"label": "Get", "attributes": {"amount": "0.00000", "currency": "USD"}},
        "id": {
            "label": f"https://apps.apple.com/us/app/id{APP_ID}",
            "attributes": {"im:id": APP_ID},
        },
    }


def render(review: FakeReview, catalogue: Catalogue) -> dict[str, Any]:
    rating = "lots" if review.id in catalogue.malformed else str(review.rating)
    entry: dict[str, Any] = {
        "updated": label(review.created.astimezone(PACIFIC_SUMMER).isoformat()),
        "im:rating": label(rating),
        "im:version": label("1.8.0"),
        "id": label(review.id),
        "link": {
            "attributes": {
                "rel": "related",
                "href": f"https://itunes.apple.com/us/review?id={APP_ID}&type=Purple%20Software",
            }
        },
        "im:voteSum": label("0"),
        "im:contentType": {"attributes": {"term": "Application", "label": "Application"}},
        "im:voteCount": label("0"),
        **catalogue.extra_fields,
    }
    if review.author is not None:
        entry["author"] = {
            "uri": label("https://itunes.apple.com/us/reviews/id1605206013"),
            "name": label(review.author),
            "label": "",
        }
    if review.title is not None:
        entry["title"] = label(review.title)
    if review.body is not None:
        entry["content"] = {"label": review.body, "attributes": {"type": "text"}}
    return entry


def feed(entries: list[dict[str, Any]] | dict[str, Any] | None) -> dict[str, Any]:
    document: dict[str, Any] = {
        "author": {"name": label("iTunes Store"), "uri": label("http://www.apple.com/itunes/")},
        "updated": label("2026-11-22T02:39:26-07:00"),
        "title": label("iTunes Store: Customer Reviews"),
    }
    if entries is not None:
        document["entry"] = entries
    return {"feed": document}


class TestAppStoreRssContract(SourceContract):
    kind = "app_store_rss"
    list_path = page_path(1)

    def install(self, server: LoopbackServer, catalogue: Catalogue) -> None:
        size = self.page_size

        def page(number: int) -> Any:
            def handler(_request: Request) -> Response:
                chunk = catalogue.newest_first()[(number - 1) * size : number * size]
                entries = [render(review, catalogue) for review in chunk]
                if number == 1:
                    entries.insert(0, app_entry())
                return Response(200, feed(entries if chunk else None))

            return handler

        for number in range(1, 11):
            server.route("GET", page_path(number), page(number))
        server.route("GET", page_path(11), lambda _r: Response(400, "Bad Request"))

    def source_table(self, server: LoopbackServer, folder: Path) -> dict[str, Any]:
        return {"base_url": server.base_url, "app_id": APP_ID, "country": COUNTRY}

    def list_requests(self, server: LoopbackServer) -> int:
        """Every page of the feed is its own path."""
        prefix = f"/{COUNTRY}/rss/customerreviews/"
        return sum(request.path.startswith(prefix) for request in server.requests)


def poll(server: LoopbackServer, folder: Path, db_path: Path, **table: Any) -> Any:
    source = {"name": "feed", "kind": "app_store_rss", "base_url": server.base_url, **table}
    source.setdefault("app_id", APP_ID)
    source.setdefault("country", COUNTRY)
    return poll_sources(folder, db_path, source)


def test_the_app_entry_is_skipped_silently(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    catalogue = Catalogue()
    catalogue.add(4)
    TestAppStoreRssContract().install(server, catalogue)
    report = poll(server, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 1 and report.problems == ()


def test_a_single_entry_may_be_an_object(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    catalogue = Catalogue()
    only = catalogue.add(1, title="Crashes", body="Crashes on start")
    server.route("GET", page_path(1), lambda _r: Response(200, feed(render(only, catalogue))))
    server.route("GET", page_path(2), lambda _r: Response(200, feed(None)))
    report = poll(server, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    review = stored(db_path)[only.id]
    assert (review.rating, review.title, review.body) == (1, "Crashes", "Crashes on start")
    assert review.flagged


def test_fields_are_unwrapped_and_times_converted_to_utc(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    entry = {
        "author": {"uri": label("https://itunes.apple.com/in/reviews/id9"), "name": label("Ankit")},
        "updated": label("2026-09-10T11:02:00-07:00"),
        "im:rating": label("2"),
        "id": label("14545746087"),
        "title": label("Slow to load"),
        "content": {"label": "It takes an eternity to load.", "attributes": {"type": "text"}},
    }
    server.route("GET", page_path(1), lambda _r: Response(200, feed([app_entry(), entry])))
    server.route("GET", page_path(2), lambda _r: Response(200, feed(None)))
    poll(server, tmp_path, db_path)
    review = stored(db_path)["14545746087"]
    assert review.created_at == datetime(2026, 9, 10, 18, 2, tzinfo=UTC)
    assert (review.rating, review.author, review.subject) == (2, "Ankit", APP_ID)
    assert review.body == "It takes an eternity to load." and review.reply is None


def test_the_feed_is_read_ten_pages_at_most(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    catalogue = Catalogue()
    for _ in range(40):
        catalogue.add(5)
    contract = TestAppStoreRssContract()
    contract.install(server, catalogue)
    report = poll(server, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert contract.list_requests(server) == 10
    assert report.baseline == 30
    assert not server.requests_to(page_path(11))


def test_the_url_has_the_documented_shape(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    server.route("GET", page_path(1, "gb"), lambda _r: Response(200, feed(None)))
    report = poll(server, tmp_path, db_path, country="GB")
    assert report.sources[0].ok, report.sources[0].error
    assert [request.path for request in server.requests] == [page_path(1, "gb")]
    assert server.requests[0].header("Authorization") is None


def test_a_page_that_is_not_a_feed_fails_clearly(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    server.route("GET", page_path(1), lambda _r: Response(200, {"resultCount": 0}))
    report = poll(server, tmp_path, db_path)
    assert not report.sources[0].ok
    assert "reviews feed" in (report.sources[0].error or "")


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [("country", "usa", "two-letter"), ("app_id", "id123", "numeric Apple ID")],
)
def test_bad_identifiers_are_config_problems(
    tmp_path: Path, key: str, value: str, problem: str
) -> None:
    table = {"name": "feed", "kind": "app_store_rss", "app_id": APP_ID, "country": "us"}
    with pytest.raises(ConfigError, match=problem):
        load_config(write_config(tmp_path, [{**table, key: value}]))


def test_an_entry_without_a_date_is_dated_by_first_sight_and_never_recent_after_a_baseline(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    """Entries without `updated` were there before the baseline: they are stored, marked as
    undated, and left out of the recent windows of `stats`; one that appears later counts
    from when it was first seen."""
    listed: list[dict[str, Any]] = []

    def entry(review_id: str, stars: int) -> dict[str, Any]:
        return {"id": label(review_id), "im:rating": label(str(stars)), "content": label("x")}

    listed += [entry("old1", 1), entry("old2", 5), entry("old3", 2)]
    server.route("GET", page_path(1), lambda _r: Response(200, feed(list(reversed(listed)))))
    server.route("GET", page_path(2), lambda _r: Response(200, feed(None)))
    report = poll(server, tmp_path, db_path)
    assert report.sources[0].ok and report.baseline == 3
    listed.append(entry("new1", 1))
    report = poll(server, tmp_path, db_path)
    assert [review.external_id for review in report.new] == ["new1"]
    assert all(review.created_at is None for review in stored(db_path).values())
    shares = {share.window: share for share in compute_stats(connect(db_path)).negative_share}
    assert (shares["30d"].reviews, shares["30d"].negative) == (1, 1)
    assert shares["lifetime"].reviews == 4
    config = write_config(
        tmp_path,
        [
            {
                "name": "feed",
                "kind": "app_store_rss",
                "base_url": server.base_url,
                "app_id": APP_ID,
                "country": COUNTRY,
            }
        ],
    )
    shown = invoke(CliRunner(), "--config", config, "--db", db_path, "show", "1")
    assert "dated by first sight" in shown.output
