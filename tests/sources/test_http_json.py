"""`http_json` against a loopback server: the contract, plus the generic kind's own cases."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from reviewwatch.errors import SourceError
from reviewwatch.sources.http import SourceHttp, new_client
from tests.conftest import FAST_RETRY, invoke, write_config
from tests.loopback import LoopbackServer, Request, Response
from tests.sources.contract import Catalogue, FakeReview, SourceContract
from tests.sources.helpers import poll_sources

FIELDS = {
    "id": "id",
    "rating": "stars",
    "title": "title",
    "body": "text",
    "author": "user.name",
    "created_at": "created",
    "reply": "reply.text",
}


def render(review: FakeReview, catalogue: Catalogue) -> dict[str, Any]:
    record: dict[str, Any] = {"id": review.id, "stars": review.rating, **catalogue.extra_fields}
    record["created"] = review.created.isoformat().replace("+00:00", "Z")
    if review.id in catalogue.malformed:
        record["stars"] = "lots"
    for key, value in (("title", review.title), ("text", review.body)):
        if value is not None:
            record[key] = value
    if review.author is not None:
        record["user"] = {"name": review.author}
    if review.reply is not None:
        record["reply"] = {"text": review.reply}
    return record


class TestHttpJsonContract(SourceContract):
    kind = "http_json"
    list_path = "/api/reviews"

    def install(self, server: LoopbackServer, catalogue: Catalogue) -> None:
        def listing(request: Request) -> Response:
            page = int(request.arg("page", "1") or 1)
            reviews = catalogue.newest_first()
            chunk = reviews[(page - 1) * self.page_size : page * self.page_size]
            document: dict[str, Any] = {"data": {"reviews": [render(r, catalogue) for r in chunk]}}
            if page * self.page_size < len(reviews):
                document["links"] = {"next": f"/api/reviews?page={page + 1}"}
            return Response(200, document)

        server.route("GET", self.list_path, listing)

    def source_table(self, server: LoopbackServer, folder: Path) -> dict[str, Any]:
        return {
            "url": server.url("/api/reviews?page=1"),
            "items": "data.reviews",
            "next": "links.next",
            "fields": FIELDS,
            "headers": {"Authorization": "Bearer tok_LIVE_9f8e7d6c5b4a", "X-Api-Key": "key-0123"},
        }


def poll_table(table: dict[str, Any], folder: Path, db_path: Path) -> Any:
    return poll_sources(folder, db_path, {"name": "feed", "kind": "http_json", **table})


def test_an_html_error_page_is_a_clear_failure(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    page = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    server.route("GET", "/feed", lambda _r: Response(200, page, {"Content-Type": "text/html"}))
    report = poll_table({"url": server.url("/feed"), "fields": FIELDS}, tmp_path, db_path)
    error = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert "HTML" in error and "502 Bad Gateway" in error


def test_a_timeout_fails_the_source_after_retries(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    server.route("GET", "/slow", lambda _r: Response(200, [], delay=1.0))
    report = poll_table(
        {"url": server.url("/slow"), "fields": FIELDS, "timeout": 0.2}, tmp_path, db_path
    )
    assert not report.sources[0].ok
    assert "timed out" in (report.sources[0].error or "")
    assert report.sources[0].requests == FAST_RETRY.attempts


def test_a_long_retry_after_skips_the_source_for_this_poll(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    server.route("GET", "/quota", lambda _r: Response(429, {}, {"Retry-After": "3600"}))
    report = poll_table({"url": server.url("/quota"), "fields": FIELDS}, tmp_path, db_path)
    assert not report.sources[0].ok
    assert "3600" in (report.sources[0].error or "")
    assert len(server.requests) == 1


def test_a_token_in_the_url_never_reaches_an_error_message(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    server.route("GET", "/private", lambda _r: Response(404, {"error": "nope"}))
    url = server.url("/private?api_token=SECRET-123")
    report = poll_table({"url": url, "fields": FIELDS}, tmp_path, db_path)
    assert "SECRET-123" not in (report.sources[0].error or "")
    assert "/private" in (report.sources[0].error or "")


def test_headers_carry_secrets_from_the_environment(
    server: LoopbackServer, tmp_path: Path, db_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("FEED_TOKEN", "tok-42")
    server.route("GET", "/auth", lambda r: Response(200, [{"id": "1", "stars": 5}]))
    table = {
        "url": server.url("/auth"),
        "fields": {"id": "id", "rating": "stars"},
        "headers": {"Authorization": "Bearer ${FEED_TOKEN}"},
    }
    report = poll_table(table, tmp_path, db_path)
    assert report.sources[0].ok
    assert server.requests[0].header("Authorization") == "Bearer tok-42"


def test_a_next_link_loop_ends(server: LoopbackServer, tmp_path: Path, db_path: Path) -> None:
    server.route(
        "GET",
        "/loop",
        lambda _r: Response(200, {"items": [{"id": "a", "stars": 1}], "next": "/loop"}),
    )
    table = {"url": server.url("/loop"), "items": "items", "next": "next", "fields": FIELDS}
    report = poll_table(table, tmp_path, db_path)
    assert report.sources[0].ok
    assert len(server.requests) == 1


def test_each_source_keeps_its_own_connection_from_page_to_page(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    def pages(request: Request) -> Response:
        feed, page = request.path.rsplit("/", 1)[-1], int(request.arg("page", "1") or 1)
        items = [{"id": f"{feed}-{page}-{n}", "stars": 1 + n % 5} for n in range(3)]
        document: dict[str, Any] = {"items": items}
        if page < 4:
            document["next"] = f"/feeds/{feed}?page={page + 1}"
        return Response(200, document, delay=0.01)

    tables: list[dict[str, Any]] = []
    for feed in ("a", "b", "c"):
        server.route("GET", f"/feeds/{feed}", pages)
        url = server.url(f"/feeds/{feed}?page=1")
        tables.append({"name": feed, "kind": "http_json", "url": url, "items": "items"})
        tables[-1].update(next="next", fields={"id": "id", "rating": "stars"})
    report = poll_sources(tmp_path, db_path, *tables)
    assert all(source.ok and source.fetched == 12 for source in report.sources)
    by_feed: dict[str, set[int]] = {}
    for request in server.requests:
        by_feed.setdefault(request.path, set()).add(request.connection)
    assert all(len(connections) == 1 for connections in by_feed.values()), by_feed
    assert len(set().union(*by_feed.values())) == 3  # no source waits on another's connection


def test_a_full_poll_marks_removals_per_source_when_sources_share_ids(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    """Two feeds may use the same review ids: one feed's listing never hides another's removal."""
    listed = {"fast": ["1", "2"], "slow": ["1", "2"]}

    def feed(request: Request) -> Response:
        name = request.path.rsplit("/", 1)[-1]
        items = [{"id": key, "stars": 4} for key in listed[name]]
        return Response(200, {"items": items}, delay=0.2 if name == "slow" else 0)

    tables: list[dict[str, Any]] = []
    for name in ("fast", "slow"):
        server.route("GET", f"/feeds/{name}", feed)
        tables.append({"name": name, "kind": "http_json", "url": server.url(f"/feeds/{name}")})
        tables[-1].update(items="items", fields={"id": "id", "rating": "stars"})
    poll_sources(tmp_path, db_path, *tables)
    listed["slow"] = ["1"]  # the slow feed's review 2 is gone; the fast feed still lists its 2
    report = poll_sources(tmp_path, db_path, *tables, full=True)
    assert {source.name: source.removed for source in report.sources} == {"fast": 0, "slow": 1}


def test_a_next_link_to_another_host_is_refused_with_its_headers(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    elsewhere = LoopbackServer().start()
    try:
        elsewhere.route("GET", "/steal", lambda _r: Response(200, {"items": []}))
        server.route(
            "GET",
            "/feed",
            lambda _r: Response(
                200, {"items": [{"id": "a", "stars": 1}], "next": elsewhere.url("/steal")}
            ),
        )
        table = {
            "url": server.url("/feed"),
            "items": "items",
            "next": "next",
            "fields": FIELDS,
            "headers": {"Authorization": "Bearer tok-secret", "X-Api-Key": "key-secret"},
        }
        report = poll_table(table, tmp_path, db_path)
        assert elsewhere.requests == []
        assert not report.sources[0].ok
        error = report.sources[0].error or ""
        assert "another host" in error and elsewhere.base_url.removeprefix("http://") in error
    finally:
        elsewhere.stop()


def test_a_redirect_on_the_same_host_is_followed(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    server.route("GET", "/old", lambda _r: Response(301, b"", {"Location": "/new"}))
    server.route("GET", "/new", lambda _r: Response(200, [{"id": "1", "stars": 5}]))
    report = poll_table({"url": server.url("/old"), "fields": FIELDS}, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 1
    assert server.requests[-1].header("Authorization") is None


def test_hostile_records_are_reported_skips(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    body = (
        '[{"id": "ok1", "stars": 1, "text": "Real complaint"},'
        ' {"id": "d1", "stars": 1, "created": "9999-12-31T23:59:59-01:00"},'
        ' {"id": "d2", "stars": 1, "created": "0001-01-01T00:00:00+01:00"},'
        ' {"id": "n1", "stars": ' + "9" * 5000 + "},"
        ' {"id": "s1", "stars": 1, "text": "half \\ud83d emoji"},'
        ' {"id": ["x"], "stars": 1},'
        ' {"id": "ok2", "stars": 2, "text": "Another real complaint"}]'
    )
    server.route(
        "GET", "/hostile", lambda _r: Response(200, body, {"Content-Type": "application/json"})
    )
    report = poll_table({"url": server.url("/hostile"), "fields": FIELDS}, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 2
    assert [problem.position for problem in report.problems] == [
        f"page 1 item {n}" for n in (2, 3, 4, 5, 6)
    ]
    reasons = " | ".join(problem.reason for problem in report.problems)
    assert "out of range" in reasons and "surrogate" in reasons and "digits" in reasons


def test_a_listing_that_hits_the_page_cap_warns(
    server: LoopbackServer, tmp_path: Path, db_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr("reviewwatch.sources.http_json.MAX_PAGES", 3)

    def endless(request: Request) -> Response:
        page = int(request.arg("page", "1") or 1)
        items = [{"id": f"p{page}", "stars": 4}]
        return Response(200, {"items": items, "next": f"/endless?page={page + 1}"})

    server.route("GET", "/endless", endless)
    table = {"url": server.url("/endless"), "items": "items", "next": "next", "fields": FIELDS}
    report = poll_table(table, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert len(server.requests) == 3
    assert any("3 pages" in warning for warning in report.sources[0].warnings)


def test_a_port_above_65535_is_a_source_error_not_a_crash() -> None:
    """Whatever lets such a URL through (a config written before it was checked), the request
    fails as a SourceError, which fails only its source."""

    async def fetch() -> None:
        async with new_client() as client:
            await SourceHttp(client, source="feed", retry=FAST_RETRY).request(
                "GET", "http://127.0.0.1:99999/x"
            )

    with pytest.raises(SourceError, match="99999"):
        asyncio.run(fetch())


def test_poll_prints_the_page_cap_warning(
    server: LoopbackServer, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr("reviewwatch.sources.http_json.MAX_PAGES", 2)
    server.route(
        "GET",
        "/endless",
        lambda request: Response(
            200,
            {
                "items": [{"id": request.arg("page", "1"), "stars": 4}],
                "next": f"/endless?page={int(request.arg('page', '1') or 1) + 1}",
            },
        ),
    )
    table = {
        "name": "feed",
        "kind": "http_json",
        "url": server.url("/endless"),
        "items": "items",
        "next": "next",
        "fields": FIELDS,
    }
    config = write_config(tmp_path, [table])
    result = invoke(CliRunner(), "--config", config, "--db", tmp_path / "r.db", "poll")
    assert result.exit_code == 0
    assert "Warnings (1)" in result.output and "  feed: stopped at 2 pages" in result.output
