"""`app_store` against a loopback App Store Connect: the contract, JWT auth, replies, quotas."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from reviewwatch.config import load_config
from reviewwatch.errors import ConfigError, SourceError
from reviewwatch.models import Page
from reviewwatch.poll import build_sources
from reviewwatch.sources.app_store import AppStoreSource
from reviewwatch.sources.http import new_client
from reviewwatch.sources.tokens import TokenCache
from reviewwatch.store import ReviewFilter, connect, iter_reviews
from tests.conftest import FAST_RETRY, write_config
from tests.loopback import LoopbackServer, Request, Response
from tests.sources.contract import Catalogue, FakeReview, SourceContract
from tests.sources.helpers import payload

APP_ID = "682658836"
ISSUER_ID = "57246542-96fe-1a63-e053-0824d011072a"
KEY_ID = "2X9R4HXF34"
LIST_PATH = f"/v1/apps/{APP_ID}/customerReviews"
REPLY_PATH = "/v1/customerReviewResponses"
# Generated for this test run only; the matching public key verifies every request's JWT.
SIGNING_KEY = ec.generate_private_key(ec.SECP256R1())
PACIFIC_WINTER = timezone(timedelta(hours=-8))


def signing_key_pem(key: ec.EllipticCurvePrivateKey = SIGNING_KEY) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def verified_claims(request: Request) -> dict[str, Any]:
    """The JWT's claims, verified with the public key; raises if anything is off."""
    header = request.header("Authorization") or ""
    assert header.startswith("Bearer "), header
    token = header.removeprefix("Bearer ")
    assert jwt.get_unverified_header(token) == {"alg": "ES256", "kid": KEY_ID, "typ": "JWT"}
    claims: dict[str, Any] = jwt.decode(
        token,
        SIGNING_KEY.public_key(),
        algorithms=["ES256"],
        audience="appstoreconnect-v1",
        issuer=ISSUER_ID,
        options={"require": ["iss", "iat", "exp", "aud"]},
    )
    return claims


def refused() -> Response:
    return Response(
        401,
        {"errors": [{"status": "401", "code": "NOT_AUTHORIZED", "title": "Authentication"}]},
    )


def render(review: FakeReview, catalogue: Catalogue) -> tuple[dict[str, Any], dict[str, Any]]:
    """A review in Apple's JSON:API shape, and its developer response (empty when none)."""
    attributes: dict[str, Any] = {
        "rating": "lots" if review.id in catalogue.malformed else review.rating,
        "createdDate": review.created.astimezone(PACIFIC_WINTER).isoformat(),
        "territory": "USA",
        **catalogue.extra_fields,
    }
    for key, value in (
        ("title", review.title),
        ("body", review.body),
        ("reviewerNickname", review.author),
    ):
        if value is not None:
            attributes[key] = value
    self_link = f"https://api.appstoreconnect.apple.com/v1/customerReviews/{review.id}"
    relationship: dict[str, Any] = {
        "links": {
            "self": f"{self_link}/relationships/response",
            "related": f"{self_link}/response",
        }
    }
    included: dict[str, Any] = {}
    if review.reply is not None:
        response_id = f"resp-{review.id}"
        relationship["data"] = {"type": "customerReviewResponses", "id": response_id}
        included = {
            "type": "customerReviewResponses",
            "id": response_id,
            "attributes": {
                "responseBody": review.reply,
                "lastModifiedDate": "2026-11-20T10:00:00-08:00",
                "state": "PUBLISHED",
            },
        }
    record = {
        "type": "customerReviews",
        "id": review.id,
        "attributes": attributes,
        "relationships": {"response": relationship},
        "links": {"self": self_link},
        **catalogue.extra_fields,
    }
    return record, included


def encode_cursor(offset: int) -> str:
    return "AQ." + base64.urlsafe_b64encode(str(offset).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    raw = cursor.removeprefix("AQ.")
    return int(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))


class TestAppStoreContract(SourceContract):
    kind = "app_store"
    list_path = LIST_PATH
    # Tokens are minted locally: a token refused the moment it was minted means a wrong key,
    # and minting another from the same key cannot help.
    refreshes_token = False

    def install(self, server: LoopbackServer, catalogue: Catalogue) -> None:
        page_size = self.page_size

        def listing(request: Request) -> Response:
            try:
                verified_claims(request)
            except (AssertionError, jwt.InvalidTokenError):
                return refused()
            if request.arg("sort") != "-createdDate" or request.arg("include") != "response":
                return Response(400, {"errors": [{"status": "400", "code": "PARAMETER_ERROR"}]})
            limit = min(int(request.arg("limit", "50") or 50), page_size)
            offset = decode_cursor(request.arg("cursor") or "AQ.MA")
            reviews = catalogue.newest_first()
            rendered = [render(review, catalogue) for review in reviews[offset : offset + limit]]
            query = f"sort=-createdDate&limit={request.arg('limit')}&include=response"
            document: dict[str, Any] = {
                "data": [record for record, _ in rendered],
                "links": {"self": server.url(f"{LIST_PATH}?{query}")},
                "meta": {"paging": {"total": len(reviews), "limit": limit}},
            }
            included = [response for _, response in rendered if response]
            if included:
                document["included"] = included
            if offset + limit < len(reviews):
                cursor = encode_cursor(offset + limit)
                document["links"]["next"] = server.url(f"{LIST_PATH}?cursor={cursor}&{query}")
            return Response(200, document)

        def reply(request: Request) -> Response:
            try:
                verified_claims(request)
            except (AssertionError, jwt.InvalidTokenError):
                return refused()
            body = request.json()["data"]["attributes"]["responseBody"]
            attributes = {
                "responseBody": body,
                "lastModifiedDate": "2026-11-22T03:00:00-08:00",
                "state": "PENDING_PUBLISH",
            }
            data = {"type": "customerReviewResponses", "id": "resp-new", "attributes": attributes}
            return Response(201, {"data": data, "links": {"self": server.url(REPLY_PATH)}})

        server.route("GET", LIST_PATH, listing)
        server.route("POST", REPLY_PATH, reply)

    def source_table(self, server: LoopbackServer, folder: Path) -> dict[str, Any]:
        key_file = folder / f"AuthKey_{KEY_ID}.p8"
        key_file.write_text(signing_key_pem(), encoding="utf-8")
        return {
            "base_url": server.base_url,
            "app_id": APP_ID,
            "issuer_id": ISSUER_ID,
            "key_id": KEY_ID,
            "private_key_file": str(key_file),
        }

    def check_reply_request(self, request: Any, external_id: str, text: str) -> None:
        assert request.path == REPLY_PATH
        assert request.header("Content-Type") == "application/json"
        assert request.json() == {
            "data": {
                "type": "customerReviewResponses",
                "attributes": {"responseBody": text},
                "relationships": {
                    "review": {"data": {"type": "customerReviews", "id": external_id}}
                },
            }
        }
        verified_claims(request)


# -- kind-specific ---------------------------------------------------------------------------


@pytest.fixture
def platform(server: LoopbackServer, tmp_path: Path) -> tuple[Catalogue, Path]:
    """A catalogue of seven reviews served by a loopback App Store Connect, and its config."""
    contract = TestAppStoreContract()
    catalogue = Catalogue()
    for rating in (5, 4, 1, 3, 5, 2, 4):
        catalogue.add(rating)
    contract.install(server, catalogue)
    table = {"name": "ios", "kind": "app_store", **contract.source_table(server, tmp_path)}
    return catalogue, write_config(tmp_path, [table])


def build(config_path: Path, client: Any) -> AppStoreSource:
    source = build_sources(load_config(config_path).sources, lambda: client, FAST_RETRY)[0]
    assert isinstance(source, AppStoreSource)
    return source


def list_tokens(server: LoopbackServer) -> list[str]:
    return [r.header("Authorization") or "" for r in server.requests_to(LIST_PATH)]


def test_the_verbatim_documented_payload_is_normalised(
    server: LoopbackServer, tmp_path: Path
) -> None:
    document = payload("app-store-connect-customer-reviews-list.json")
    server.route("GET", LIST_PATH, lambda _r: Response(200, document))
    table = TestAppStoreContract().source_table(server, tmp_path)
    config_path = write_config(tmp_path, [{"name": "ios", "kind": "app_store", **table}])

    async def first_page() -> Page:
        async with new_client() as client:
            pages = build(config_path, client).fetch(since=None)
            async with contextlib.aclosing(pages):
                return await anext(pages)

    page = asyncio.run(first_page())
    assert page.problems == ()
    [review] = page.reviews
    assert review.external_id == "00000028-b08c-0014-729e-fbd500000000"
    assert (review.rating, review.title, review.body) == (
        5,
        "Awesome!!!",
        "It's a really fantastic app!",
    )
    assert review.author == "Anne Johnson"
    # 2017-11-15T08:10:34-08:00 is 16:10:34 UTC.
    assert review.created_at == datetime(2017, 11, 15, 16, 10, 34, tzinfo=UTC)
    assert review.subject == APP_ID
    assert review.reply is None and review.language is None


def test_the_jwt_is_signed_es256_with_apples_claims(
    server: LoopbackServer, platform: tuple[Catalogue, Path], db_path: Path
) -> None:
    _, config_path = platform
    before = int(time.time())
    report = TestAppStoreContract().poll(config_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    claims = verified_claims(server.requests_to(LIST_PATH)[0])
    assert claims["iss"] == ISSUER_ID and claims["aud"] == "appstoreconnect-v1"
    assert before - 5 <= claims["iat"] <= int(time.time()) + 5
    assert 0 < claims["exp"] - claims["iat"] <= 20 * 60


def test_one_token_serves_every_page_of_a_poll(
    server: LoopbackServer, platform: tuple[Catalogue, Path], db_path: Path
) -> None:
    _, config_path = platform
    report = TestAppStoreContract().poll(config_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    tokens = list_tokens(server)
    assert len(tokens) == 3 and len(set(tokens)) == 1


def test_the_token_is_minted_again_before_it_expires(
    server: LoopbackServer, platform: tuple[Catalogue, Path]
) -> None:
    _, config_path = platform
    monotonic = [1000.0]
    # The first token is dated in the past so that the server, on real time, accepts both.
    wall = [time.time() - 18 * 60 - 1]

    async def walk() -> None:
        async with new_client() as client:
            source = build(config_path, client)
            source._tokens = TokenCache(source._mint, clock=lambda: monotonic[0])
            source._now = lambda: wall[0]
            async with contextlib.aclosing(source.fetch(since=None)) as pages:
                await anext(pages)
                # 18 of the token's 19 minutes pass: close enough to expiry to renew.
                monotonic[0] += 18 * 60 + 1
                wall[0] += 18 * 60 + 1
                await anext(pages)

    asyncio.run(walk())
    first, second = (verified_claims(r) for r in server.requests_to(LIST_PATH))
    assert second["iat"] - first["iat"] == 18 * 60 + 1
    assert len(set(list_tokens(server))) == 2


def test_a_token_refused_on_a_later_page_is_minted_again(
    server: LoopbackServer, platform: tuple[Catalogue, Path], db_path: Path
) -> None:
    _, config_path = platform
    handler = server.routes[("GET", LIST_PATH)]
    calls = [0]

    def second_call_refused(request: Request) -> Response:
        calls[0] += 1
        return refused() if calls[0] == 2 else handler(request)

    server.route("GET", LIST_PATH, second_call_refused)
    report = TestAppStoreContract().poll(config_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 7
    tokens = list_tokens(server)
    assert len(tokens) == 4 and tokens[1] != tokens[2]


def test_a_wrong_key_names_what_to_fix(
    server: LoopbackServer, platform: tuple[Catalogue, Path], tmp_path: Path, db_path: Path
) -> None:
    _, config_path = platform
    other_key = ec.generate_private_key(ec.SECP256R1())
    (tmp_path / f"AuthKey_{KEY_ID}.p8").write_text(signing_key_pem(other_key), encoding="utf-8")
    report = TestAppStoreContract().poll(config_path, db_path)
    error = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert "key_id" in error and "private_key" in error and "clock" in error
    assert "BEGIN" not in error and "Bearer" not in error
    assert len(server.requests_to(LIST_PATH)) == 1  # a fresh token refused is not minted again


def test_an_existing_developer_response_is_stored_as_the_reply(
    server: LoopbackServer, platform: tuple[Catalogue, Path], db_path: Path
) -> None:
    catalogue, config_path = platform
    answered = catalogue.add(1, reply="We are sorry: version 2.1 fixes the crash.")
    TestAppStoreContract().poll(config_path, db_path)
    stored = {r.external_id: r for r in iter_reviews(connect(db_path), ReviewFilter())}
    assert stored[answered.id].reply == "We are sorry: version 2.1 fixes the crash."
    assert all(r.reply is None for key, r in stored.items() if key != answered.id)


def test_a_reply_over_apples_limit_is_refused_and_one_at_it_is_sent(
    server: LoopbackServer, platform: tuple[Catalogue, Path]
) -> None:
    _, config_path = platform

    async def post() -> None:
        async with new_client() as client:
            source = build(config_path, client)
            with pytest.raises(SourceError, match="5970"):
                await source.post_reply(external_id="r0001", text="x" * 5971)
            posted = await source.post_reply(external_id="r0001", text="y" * 5970)
            assert posted.platform_id == "resp-new"
            assert posted.posted_at == datetime(2026, 11, 22, 11, 0, tzinfo=UTC)

    asyncio.run(post())
    [sent] = server.requests_to(REPLY_PATH, "POST")
    assert sent.json()["data"]["attributes"]["responseBody"] == "y" * 5970


def test_a_key_file_that_is_not_a_p8_key_is_a_config_problem(
    server: LoopbackServer, platform: tuple[Catalogue, Path], tmp_path: Path
) -> None:
    _, config_path = platform
    (tmp_path / f"AuthKey_{KEY_ID}.p8").write_text("not-a-key-SECRETISH", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(config_path)
    assert "private_key" in str(raised.value) and ".p8" in str(raised.value)
    assert "SECRETISH" not in str(raised.value)


def test_a_next_link_to_another_host_is_not_followed(
    server: LoopbackServer, platform: tuple[Catalogue, Path], db_path: Path
) -> None:
    catalogue, config_path = platform
    document = {
        "data": [render(catalogue.newest_first()[0], catalogue)[0]],
        "links": {"next": "https://elsewhere.example/v1/apps/1/customerReviews?cursor=x"},
    }
    server.route("GET", LIST_PATH, lambda _r: Response(200, document))
    report = TestAppStoreContract().poll(config_path, db_path)
    assert not report.sources[0].ok
    assert "another host" in (report.sources[0].error or "")
    assert len(server.requests) == 1


def test_a_spent_hourly_quota_stops_the_walk_with_a_clear_message(
    server: LoopbackServer, platform: tuple[Catalogue, Path], db_path: Path
) -> None:
    _, config_path = platform
    handler = server.routes[("GET", LIST_PATH)]

    def quota_spent(request: Request) -> Response:
        response = handler(request)
        response.headers["X-Rate-Limit"] = "user-hour-lim:3500;user-hour-rem:0;"
        return response

    server.route("GET", LIST_PATH, quota_spent)
    report = TestAppStoreContract().poll(config_path, db_path)
    assert not report.sources[0].ok
    assert "hourly request quota" in (report.sources[0].error or "")
    assert len(server.requests_to(LIST_PATH)) == 1
