"""`trustpilot` against a loopback Trustpilot: the contract, plus the platform's own cases."""

from __future__ import annotations

import asyncio
import base64
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest

from reviewwatch.config import load_config
from reviewwatch.errors import ConfigError, SourceError
from reviewwatch.poll import build_sources
from reviewwatch.sources.http import new_client
from reviewwatch.sources.trustpilot import MAX_REPLY_CHARS, TOKEN_PATH, read_review
from tests.conftest import FAST_RETRY, write_config
from tests.loopback import LoopbackServer, Request, Response
from tests.sources.contract import BASE_TIME, Catalogue, FakeReview, SourceContract
from tests.sources.helpers import payload, poll_sources

UNIT = "5f0c1a2b3c4d5e6f7a8b9c0d"
LIST_PATH = f"/v1/private/business-units/{UNIT}/reviews"
PUBLIC_PATH = f"/v1/business-units/{UNIT}/reviews"
API_KEY = "key-abc"
API_SECRET = "secret-xyz"
PASSWORD = "pa55-word"
REFERRAL_EMAIL = "buyer.private@example.com"
# The catalogue's times are fixed; moved to one to two days ago, a since-filter keeps them.
SHIFT = timedelta(days=(datetime.now(UTC) - BASE_TIME).days - 1)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def render(review: FakeReview, catalogue: Catalogue) -> dict[str, Any]:
    """A review object as the private listing returns it (fields of the documented schema)."""
    created = review.created + SHIFT
    record: dict[str, Any] = {
        "id": review.id,
        "stars": review.rating,
        "language": "en",
        "createdAt": stamp(created),
        "updatedAt": None,
        "experiencedAt": stamp(created - timedelta(days=3)),
        "businessUnit": {"id": UNIT, "identifyingName": "acme.example", "displayName": "Acme"},
        "location": {"id": "loc1", "name": "Riga store", "externalId": "7", "urlFormattedName": ""},
        "referenceId": f"order-{review.id}",
        "referralEmail": REFERRAL_EMAIL,
        "isVerified": True,
        "status": "active",
        "tags": [],
        "links": [{"href": f"https://api.trustpilot.com/v1/reviews/{review.id}", "rel": "self"}],
        **catalogue.extra_fields,
    }
    if review.id in catalogue.malformed:
        record["stars"] = "five-ish"
    if review.title is not None:
        record["title"] = review.title
    if review.body is not None:
        record["text"] = review.body
    if review.author is not None:
        record["consumer"] = {"id": "c1", "displayName": review.author, "numberOfReviews": 2}
    if review.reply is not None:
        record["companyReply"] = {"text": review.reply, "authorBusinessUserId": "u1"}
        if review.reply_at is not None:
            made = review.reply_at.astimezone(UTC).isoformat().replace("+00:00", "Z")
            record["companyReply"]["createdAt"] = made
    return record


@dataclass
class FakeTrustpilot:
    """The platform's state: issued tokens and what the listing was asked."""

    catalogue: Catalogue
    server: LoopbackServer
    page_size: int
    path: str = LIST_PATH
    next_host: str = ""
    tokens: set[str] = field(default_factory=set)
    expire_after_first_use: bool = False

    def token(self, request: Request) -> Response:
        pair = base64.b64encode(f"{API_KEY}:{API_SECRET}".encode()).decode()
        form = parse_qs(request.body.decode())
        if request.header("Authorization") != f"Basic {pair}":
            return Response(401, {"fault": {"faultstring": "Invalid ApiKey"}})
        if form.get("grant_type") != ["password"] or form.get("password") != [PASSWORD]:
            return Response(400, {"error": "invalid_grant"})
        value = f"tok-{len(self.tokens) + 1}"
        self.tokens.add(value)
        return Response(200, {"access_token": value, "expires_in": "359999", "token_type": "x"})

    def authorised(self, request: Request) -> bool:
        if self.path == PUBLIC_PATH:
            return request.header("apikey") == API_KEY
        token = (request.header("Authorization") or "").removeprefix("Bearer ")
        if token not in self.tokens:
            return False
        if self.expire_after_first_use:
            self.tokens.discard(token)
        return True

    def listing(self, request: Request) -> Response:
        if not self.authorised(request):
            return Response(401, {"message": "Unauthorized"})
        page = int(request.arg("page", "1") or 1)
        size = min(int(request.arg("perPage", "20") or 20), self.page_size)
        since = request.arg("startDateTime")
        start = datetime.fromisoformat(since).replace(tzinfo=UTC) if since else None
        reviews = [
            r for r in self.catalogue.newest_first() if not start or r.created + SHIFT >= start
        ]
        if request.arg("orderBy") == "createdat.asc":
            reviews.reverse()
        chunk = reviews[(page - 1) * size : page * size]
        links = []
        if page * size < len(reviews):
            host = self.next_host or self.server.base_url
            href = f"{host}{self.path}?page={page + 1}&perPage={size}"
            links.append({"href": href, "method": "GET", "rel": "next-page"})
        body = {"reviews": [render(r, self.catalogue) for r in chunk], "links": links}
        return Response(200, body)

    def reply(self, request: Request) -> Response:
        token = (request.header("Authorization") or "").removeprefix("Bearer ")
        return Response(201 if token in self.tokens else 401, b"")

    def install(self) -> None:
        self.server.route("POST", TOKEN_PATH, self.token)
        self.server.route("GET", self.path, self.listing)
        for review in self.catalogue.reviews:
            path = f"/v1/private/reviews/{review.id}/reply"
            self.server.route("POST", path, self.reply)


def private_table(server: LoopbackServer) -> dict[str, Any]:
    return {
        "base_url": server.base_url,
        "business_unit_id": UNIT,
        "api_key": API_KEY,
        "client_secret": API_SECRET,
        "username": "owner@acme.example",
        "password": PASSWORD,
        "business_user_id": "507f191e810c19729de860ea",
    }


class TestTrustpilotContract(SourceContract):
    kind = "trustpilot"
    reply_time = True
    list_path = LIST_PATH
    token_path = TOKEN_PATH
    refreshes_token = True

    def install(self, server: LoopbackServer, catalogue: Catalogue) -> None:
        FakeTrustpilot(catalogue, server, self.page_size).install()

    def source_table(self, server: LoopbackServer, folder: Path) -> dict[str, Any]:
        return private_table(server)

    def check_reply_request(self, request: Any, external_id: str, text: str) -> None:
        assert request.path == f"/v1/private/reviews/{external_id}/reply"
        assert (request.header("Authorization") or "").startswith("Bearer tok-")
        assert request.json() == {
            "authorBusinessUserId": "507f191e810c19729de860ea",
            "message": text,
        }

    def test_a_token_refused_at_once_is_a_clear_failure(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        """A token refused the moment it was minted is a wrong credential: the poll fails with
        advice after one token request, without a pointless renewal. (The contract's own test
        covers a token refused mid-walk, which is renewed.)"""
        server.fail_next(Response(401, {"error": "token expired"}), path=self.list_path)
        report = self.poll(config_path, db_path)
        assert not report.sources[0].ok
        assert "credentials" in (report.sources[0].error or "")
        assert len(server.requests_to(TOKEN_PATH)) == 1


def poll(server: LoopbackServer, folder: Path, db_path: Path, **table: Any) -> Any:
    return poll_sources(folder, db_path, {"name": "tp", "kind": "trustpilot", **table})


def seven(server: LoopbackServer, path: str = LIST_PATH) -> FakeTrustpilot:
    catalogue = Catalogue()
    for rating in (5, 4, 1, 3, 5, 2, 4):
        catalogue.add(rating)
    fake = FakeTrustpilot(catalogue, server, 3, path=path)
    fake.install()
    return fake


def test_the_webhook_payload_normalises() -> None:
    event = payload("trustpilot-webhook-service-review-created.json")["events"][0]["eventData"]
    review = read_review(event)
    assert review.external_id == "62c8968be77911f2449e9f74"
    assert (review.rating, review.language) == (4, "en")
    assert review.title == "Some of the screens are to hard to…"
    assert review.body is not None and review.body.startswith("Some of the screens")
    assert review.author == "pantelakis georgiou"
    assert review.created_at == datetime(2022, 7, 8, 22, 41, 48, tzinfo=UTC)
    assert review.order_id == "XELeKJriAxDQq3ps"
    assert review.url == "https://www.trustpilot.com/reviews/62c8968be77911f2449e9f74"
    assert (review.subject, review.reply, review.updated_at) == (None, None, None)


def test_the_listing_record_normalises() -> None:
    catalogue = Catalogue()
    fake = catalogue.add(2, reply="Sorry to hear that", created=BASE_TIME)
    record = render(fake, catalogue) | {"updatedAt": "2026-11-21T08:00:00+02:00"}
    review = read_review(record)
    assert (review.rating, review.subject, review.order_id) == (2, "Riga store", f"order-{fake.id}")
    assert review.reply == "Sorry to hear that"
    assert review.created_at == BASE_TIME + SHIFT
    assert review.updated_at == datetime(2026, 11, 21, 6, 0, tzinfo=UTC)


def test_the_public_api_uses_the_api_key_header(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    seven(server, PUBLIC_PATH)
    report = poll(
        server, tmp_path, db_path, base_url=server.base_url, business_unit_id=UNIT, api_key=API_KEY
    )
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 7
    assert server.requests_to(TOKEN_PATH) == []
    first = server.requests_to(PUBLIC_PATH)[0]
    assert first.header("apikey") == API_KEY
    assert first.arg("apikey") is None  # never in the query string
    assert (first.arg("orderBy"), first.arg("perPage"), first.arg("page")) == (
        "createdat.desc",
        "100",
        "1",
    )


def test_the_token_request_is_the_password_grant(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    seven(server)
    report = poll(server, tmp_path, db_path, **private_table(server))
    assert report.sources[0].ok, report.sources[0].error
    [token_request] = server.requests_to(TOKEN_PATH)
    form = parse_qs(token_request.body.decode())
    assert form == {
        "grant_type": ["password"],
        "username": ["owner@acme.example"],
        "password": [PASSWORD],
    }
    basic = (token_request.header("Authorization") or "").removeprefix("Basic ")
    assert base64.b64decode(basic).decode() == f"{API_KEY}:{API_SECRET}"
    # One token serves every page of the poll.
    assert len(server.requests_to(LIST_PATH)) == 3


def test_a_token_refused_later_is_renewed(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    fake = seven(server)
    fake.expire_after_first_use = True
    report = poll(server, tmp_path, db_path, **private_table(server))
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 7
    assert len(server.requests_to(TOKEN_PATH)) == 3  # pages 2 and 3 each needed a new token


def test_a_wrong_password_names_what_to_fix_and_never_shows_it(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    seven(server)
    report = poll(server, tmp_path, db_path, **{**private_table(server), "password": "nope"})
    error = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert "username, password" in error and "invalid_grant" in error
    assert "nope" not in error and API_SECRET not in error
    assert server.requests_to(LIST_PATH) == []


def test_a_later_poll_asks_only_for_recent_reviews(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    seven(server)
    poll(server, tmp_path, db_path, **private_table(server))
    before = datetime.now(UTC)
    report = poll(server, tmp_path, db_path, **private_table(server))
    assert report.sources[0].ok, report.sources[0].error
    first, second = (r for r in server.requests_to(LIST_PATH) if r.arg("page") == "1")
    assert first.arg("startDateTime") is None
    start = datetime.strptime(second.arg("startDateTime") or "", "%Y-%m-%dT%H:%M:%S")
    expected = before - timedelta(hours=48)
    assert abs(start.replace(tzinfo=UTC) - expected) < timedelta(minutes=2)


def test_a_next_link_to_the_real_host_keeps_the_configured_base(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    fake = seven(server)
    fake.next_host = "https://api.trustpilot.invalid"
    report = poll(server, tmp_path, db_path, **private_table(server))
    assert report.sources[0].ok, report.sources[0].error
    assert [r.arg("page") for r in server.requests_to(LIST_PATH)] == ["1", "2", "3"]


def test_private_data_and_credentials_never_reach_the_database(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    seven(server)
    poll(server, tmp_path, db_path, **private_table(server))
    stored = b"".join(path.read_bytes() for path in tmp_path.glob("reviews.db*"))
    assert b"order-r0001" in stored  # the check can see what the store holds
    for private in (REFERRAL_EMAIL, API_KEY, API_SECRET, PASSWORD, "tok-1"):
        assert private.encode() not in stored


def reply(table: dict[str, Any], folder: Path, review_id: str, text: str) -> None:
    config = load_config(write_config(folder, [{"name": "tp", "kind": "trustpilot", **table}]))

    async def post() -> None:
        async with new_client() as client:
            source = build_sources(config.sources, lambda: client, FAST_RETRY)[0]
            await source.post_reply(external_id=review_id, text=text)

    asyncio.run(post())


def test_a_reply_at_the_limit_is_posted(server: LoopbackServer, tmp_path: Path) -> None:
    seven(server)
    reply(private_table(server), tmp_path, "r0001", "y" * MAX_REPLY_CHARS)
    [posted] = server.requests_to("/v1/private/reviews/r0001/reply")
    assert posted.json()["message"] == "y" * MAX_REPLY_CHARS


@pytest.mark.parametrize(
    ("dropped", "expected"),
    [
        (("client_secret", "username", "password"), "private API"),
        (("business_user_id",), "business_user_id"),
    ],
)
def test_a_reply_without_what_it_needs_is_refused_before_sending(
    server: LoopbackServer, tmp_path: Path, dropped: tuple[str, ...], expected: str
) -> None:
    seven(server)
    table = {k: v for k, v in private_table(server).items() if k not in dropped}
    with pytest.raises(SourceError, match=expected):
        reply(table, tmp_path, "r0001", "Thank you")
    assert [r for r in server.requests if r.method == "POST" and r.path != TOKEN_PATH] == []


def test_half_the_oauth_keys_is_a_config_error(tmp_path: Path) -> None:
    table = {
        "name": "tp",
        "kind": "trustpilot",
        "business_unit_id": UNIT,
        "api_key": "k",
        "client_secret": "s",
    }
    with pytest.raises(ConfigError, match="username: is required"):
        load_config(write_config(tmp_path, [table]))


def test_the_business_units_of_one_user_share_the_token(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    first = seven(server)
    second = seven(server, "/v1/private/business-units/unit-two/reviews")
    second.tokens = first.tokens  # one platform: a token is good for every unit
    riga = {"name": "riga", "kind": "trustpilot", **private_table(server)}
    two = {**riga, "name": "two", "business_unit_id": "unit-two"}
    colleague = {**riga, "name": "colleague", "username": "colleague@acme.example"}
    report = poll_sources(tmp_path, db_path, riga, two, colleague)
    assert all(source.ok for source in report.sources), report.sources
    assert report.baseline == 21
    sign_ins = [parse_qs(r.body.decode())["username"] for r in server.requests_to(TOKEN_PATH)]
    assert sorted(sign_ins) == [["colleague@acme.example"], ["owner@acme.example"]]
