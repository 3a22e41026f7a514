"""`judgeme` against a loopback Judge.me: the contract, plus the platform's own cases."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from reviewwatch.config import load_config
from reviewwatch.errors import ConfigError, SourceError
from reviewwatch.poll import build_sources
from reviewwatch.sources.http import new_client
from reviewwatch.sources.judgeme import MAX_REPLY_CHARS, read_review
from reviewwatch.store import ReviewFilter, connect, iter_reviews
from tests.conftest import FAST_RETRY, write_config
from tests.loopback import LoopbackServer, Request, Response
from tests.sources.contract import Catalogue, FakeReview, SourceContract
from tests.sources.helpers import poll_sources

SHOP = "acme-store.myshopify.com"
TOKEN = "jdgm-private-TOKEN-123"
LIST_PATH = "/api/v1/reviews"
REPLY_PATH = "/api/v1/replies"


class NumericCatalogue(Catalogue):
    """Judge.me review ids are integers."""

    def add(self, rating: int = 4, **values: Any) -> FakeReview:
        values.setdefault("id", str(4_100_000 + self._counter + 1))
        return super().add(rating, **values)


def render(review: FakeReview, catalogue: Catalogue) -> dict[str, Any]:
    """A review as Judge.me lists it, private fields included (they must not be stored)."""
    record: dict[str, Any] = {
        "id": int(review.id),
        "rating": review.rating,
        "created_at": review.created.isoformat(timespec="milliseconds"),
        "updated_at": review.created.isoformat(timespec="milliseconds"),
        "product_title": "Linen shirt",
        "product_handle": "linen-shirt",
        "product_external_id": 7012345678,
        "published": True,
        "hidden": False,
        "verified": "verified_buyer",
        "ip_address": "203.0.113.9",
        "pictures": [],
        **catalogue.extra_fields,
    }
    if review.id in catalogue.malformed:
        record["rating"] = "great"
    if review.title is not None:
        record["title"] = review.title
    if review.body is not None:
        record["body"] = review.body
    if review.author is not None:
        record["reviewer"] = {
            "id": 55,
            "name": review.author,
            "email": "jane.private@example.com",
            "phone": "+37120000000",
            "verified_buyer": True,
        }
    return record


def install_listing(
    server: LoopbackServer, catalogue: Catalogue, page_size: int, *, echo: bool = True
) -> None:
    def listing(request: Request) -> Response:
        if request.arg("api_token") != TOKEN or request.arg("shop_domain") != SHOP:
            return Response(401, {"error": "Unauthorized"})
        page = int(request.arg("page", "1") or 1)
        size = min(int(request.arg("per_page", "10") or 10), page_size)
        chunk = catalogue.newest_first()[(page - 1) * size : page * size]
        body: dict[str, Any] = {
            "current_page": page,
            "reviews": [render(r, catalogue) for r in chunk],
        }
        if echo:
            body["per_page"] = size
        return Response(200, body)

    def replies(request: Request) -> Response:
        if request.header("X-Api-Token") != TOKEN:
            return Response(401, {"error": "Unauthorized"})
        if request.json().get("review_id") == 999:
            return Response(422, {"error": "Review not found"})
        return Response(200, {"reply": {"content": request.json()["reply"]["content"]}})

    server.route("GET", LIST_PATH, listing)
    server.route("POST", REPLY_PATH, replies)


class TestJudgemeContract(SourceContract):
    kind = "judgeme"
    list_path = LIST_PATH
    catalogue_class = NumericCatalogue

    def install(self, server: LoopbackServer, catalogue: Catalogue) -> None:
        install_listing(server, catalogue, self.page_size)

    def source_table(self, server: LoopbackServer, folder: Path) -> dict[str, Any]:
        return {"base_url": server.base_url, "shop_domain": SHOP, "api_token": TOKEN}

    def check_reply_request(self, request: Any, external_id: str, text: str) -> None:
        assert request.path == REPLY_PATH
        assert request.query == {"shop_domain": [SHOP]}  # the token goes in the header here
        assert request.header("X-Api-Token") == TOKEN
        assert request.json() == {
            "review_id": int(external_id),
            "send_reply_email": False,
            "reply": {"content": text},
        }

    def test_steady_state_poll_costs_one_request(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        """Judge.me documents no order for its listing, so the early stop is unsafe and every
        poll reads every page (`complete_listing`): a quiet poll costs one request per page,
        finds nothing new, and notices deletions without `--full`."""
        self.poll(config_path, db_path)
        before = self.list_requests(server)
        gone = catalogue.newest_first()[3]
        catalogue.remove(gone.id)
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert (report.new, report.updated, report.flagged) == ((), (), ())
        assert report.sources[0].removed == 1
        assert self.list_requests(server) - before == 3  # six reviews, three to a page


def poll(server: LoopbackServer, folder: Path, db_path: Path, **table: Any) -> Any:
    source = {"name": "jm", "kind": "judgeme", "base_url": server.base_url, **table}
    return poll_sources(folder, db_path, source)


def test_a_record_normalises_without_private_data() -> None:
    catalogue = NumericCatalogue()
    fake = catalogue.add(2, title="Too small", body="Runs two sizes small")
    record = render(fake, catalogue) | {"created_at": "2026-11-20T14:00:00.000+02:00"}
    review = read_review(record)
    assert review.external_id == fake.id
    assert (review.rating, review.title, review.body) == (2, "Too small", "Runs two sizes small")
    assert (review.author, review.subject) == ("Jane Doe", "Linen shirt")
    assert review.created_at is not None and review.created_at.isoformat() == (
        "2026-11-20T12:00:00+00:00"
    )
    for private in ("jane.private@example.com", "+37120000000", "203.0.113.9"):
        assert private not in repr(review)


def test_the_product_handle_is_the_subject_when_there_is_no_title() -> None:
    catalogue = NumericCatalogue()
    record = render(catalogue.add(5), catalogue)
    del record["product_title"]
    assert read_review(record).subject == "linen-shirt"


def test_pages_are_read_until_a_short_page(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    catalogue = NumericCatalogue()
    for _ in range(205):
        catalogue.add(5)
    install_listing(server, catalogue, 100, echo=False)
    report = poll(server, tmp_path, db_path, shop_domain=SHOP, api_token=TOKEN)
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 205
    assert [r.arg("page") for r in server.requests_to(LIST_PATH)] == ["1", "2", "3"]
    assert {r.arg("per_page") for r in server.requests_to(LIST_PATH)} == {"100"}


def test_a_shop_without_reviews_is_fine(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    install_listing(server, NumericCatalogue(), 100)
    report = poll(server, tmp_path, db_path, shop_domain=SHOP, api_token=TOKEN)
    assert report.sources[0].ok, report.sources[0].error
    assert len(server.requests_to(LIST_PATH)) == 1


@pytest.mark.parametrize("status", [401, 404])
def test_the_token_in_the_query_never_reaches_an_error(
    server: LoopbackServer, tmp_path: Path, db_path: Path, status: int
) -> None:
    server.route("GET", LIST_PATH, lambda _r: Response(status, {"error": "no"}))
    report = poll(server, tmp_path, db_path, shop_domain=SHOP, api_token=TOKEN)
    error = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert LIST_PATH in error and str(status) in error
    assert TOKEN not in error
    conn = connect(db_path)
    errors = conn.execute("SELECT coalesce(last_error, '') FROM sources").fetchall()
    assert all(TOKEN not in row[0] for row in errors)


def reply(server: LoopbackServer, folder: Path, review_id: str, text: str) -> None:
    table = {"name": "jm", "kind": "judgeme", "base_url": server.base_url}
    table |= {"shop_domain": SHOP, "api_token": TOKEN}
    config = load_config(write_config(folder, [table]))

    async def post() -> None:
        async with new_client() as client:
            source = build_sources(config.sources, lambda: client, FAST_RETRY)[0]
            await source.post_reply(external_id=review_id, text=text)

    asyncio.run(post())


def test_a_refused_reply_says_why(server: LoopbackServer, tmp_path: Path) -> None:
    install_listing(server, NumericCatalogue(), 3)
    with pytest.raises(SourceError, match="Review not found") as caught:
        reply(server, tmp_path, "999", "Thank you")
    assert "999" in str(caught.value) and TOKEN not in str(caught.value)


def test_a_reply_at_the_limit_is_posted_and_one_over_is_not(
    server: LoopbackServer, tmp_path: Path
) -> None:
    install_listing(server, NumericCatalogue(), 3)
    reply(server, tmp_path, "4100001", "z" * MAX_REPLY_CHARS)
    with pytest.raises(SourceError, match="at most 2000"):
        reply(server, tmp_path, "4100001", "z" * (MAX_REPLY_CHARS + 1))
    assert len(server.requests_to(REPLY_PATH)) == 1


def test_a_reply_to_a_non_numeric_id_is_refused(server: LoopbackServer, tmp_path: Path) -> None:
    install_listing(server, NumericCatalogue(), 3)
    with pytest.raises(SourceError, match="numbers"):
        reply(server, tmp_path, "abc", "Thanks")
    assert server.requests == []


def test_a_full_url_as_shop_domain_is_a_config_error(tmp_path: Path) -> None:
    table = {"name": "jm", "kind": "judgeme", "shop_domain": f"https://{SHOP}/", "api_token": "t"}
    with pytest.raises(ConfigError, match="bare domain"):
        load_config(write_config(tmp_path, [table]))


def test_reviews_are_stored_with_their_product(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    catalogue = NumericCatalogue()
    catalogue.add(1, body="Seams came apart")
    install_listing(server, catalogue, 100)
    poll(server, tmp_path, db_path, shop_domain=SHOP, api_token=TOKEN)
    [stored] = list(iter_reviews(connect(db_path), ReviewFilter()))
    assert (stored.platform, stored.subject, stored.rating) == ("shopify", "Linen shirt", 1)
    assert stored.flagged
