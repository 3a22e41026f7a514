"""`google_business` against a loopback Business Profile: the contract plus the kind's own cases."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewwatch.errors import AuthError, RateLimitError, SourceError
from reviewwatch.sources import _google
from reviewwatch.sources.base import Secret, SourceConfig
from reviewwatch.sources.google_business import (
    GoogleBusinessSource,
    read_review,
    resource_id,
)
from reviewwatch.sources.http import SourceHttp, new_client
from reviewwatch.sources.normalise import RecordError
from reviewwatch.store import ReviewFilter, connect, iter_reviews
from tests.conftest import FAST_RETRY
from tests.loopback import LoopbackServer, Request, Response
from tests.sources.contract import Catalogue, FakeReview, SourceContract
from tests.sources.helpers import no_sleep, payload_path, poll_sources, refuse_later_page_once

LOCATION = "accounts/1/locations/55"
LIST_PATH = f"/v4/{LOCATION}/reviews"
TOKEN_PATH = "/token"
CLIENT = {"client_id": "client-1", "client_secret": "S3CRET-client", "refresh_token": "R3FRESH"}
WORDS = {1: "ONE", 2: "TWO", 3: "THREE", 4: "FOUR", 5: "FIVE"}
UNAUTHENTICATED = {
    "error": {
        "code": 401,
        "message": "Request had invalid authentication credentials.",
        "status": "UNAUTHENTICATED",
    }
}
T = TypeVar("T")


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def render(review: FakeReview, catalogue: Catalogue) -> dict[str, Any]:
    """A v4 Review object; Google has no title, and omits what a review does not have."""
    record: dict[str, Any] = {
        "name": f"{LOCATION}/reviews/{review.id}",
        "reviewId": review.id,
        "reviewer": (
            {"displayName": review.author, "profilePhotoUrl": "https://example.test/p.png"}
            if review.author is not None
            else {"isAnonymous": True}
        ),
        "starRating": WORDS[review.rating],
        "createTime": stamp(review.created),
        "updateTime": stamp(review.created),
        **catalogue.extra_fields,
    }
    if review.id in catalogue.malformed:
        record["starRating"] = "STAR_RATING_UNSPECIFIED"
    if review.body is not None:
        record["comment"] = review.body
    if review.reply is not None:
        made = review.reply_at or review.created
        record["reviewReply"] = {"comment": review.reply, "updateTime": stamp(made)}
    return record


class FakeBusinessProfile:
    """The token endpoint, the reviews list and updateReply, as Google documents them."""

    def __init__(self, server: LoopbackServer, catalogue: Catalogue, page_size: int) -> None:
        self.server = server
        self.catalogue = catalogue
        self.page_size = page_size
        self.issued: list[str] = []
        self.static_tokens = {"static-token"}

    def install(self) -> None:
        self.server.route("POST", TOKEN_PATH, self.token)
        self.server.route("GET", LIST_PATH, self.listing)
        for review in self.catalogue.reviews:
            self.server.route("PUT", f"{LIST_PATH}/{review.id}/reply", self.reply)

    def token(self, request: Request) -> Response:
        form = {key: values[0] for key, values in parse_qs(request.body.decode()).items()}
        if form.get("grant_type") != "refresh_token":
            return Response(400, {"error": "unsupported_grant_type"})
        if (form.get("client_id"), form.get("client_secret")) != (
            CLIENT["client_id"],
            CLIENT["client_secret"],
        ):
            return Response(401, {"error": "invalid_client", "error_description": "Unauthorized"})
        if form.get("refresh_token") != CLIENT["refresh_token"]:
            return Response(400, {"error": "invalid_grant", "error_description": "Bad Request"})
        self.issued.append(f"ya29.token-{len(self.issued) + 1}")
        return Response(200, {"access_token": self.issued[-1], "expires_in": 3599})

    def authorised(self, request: Request) -> bool:
        header = request.header("Authorization") or ""
        token = header.removeprefix("Bearer ")
        return header.startswith("Bearer ") and (
            token in self.issued or token in self.static_tokens
        )

    def listing(self, request: Request) -> Response:
        if not self.authorised(request):
            return Response(401, UNAUTHENTICATED)
        if request.arg("orderBy") != "updateTime desc" or int(request.arg("pageSize") or 0) > 50:
            return Response(400, {"error": {"code": 400, "status": "INVALID_ARGUMENT"}})
        size = min(int(request.arg("pageSize") or 50), self.page_size)
        start = int((request.arg("pageToken") or "tok-0").removeprefix("tok-"))
        reviews = self.catalogue.newest_first()
        document: dict[str, Any] = {"averageRating": 3.4, "totalReviewCount": len(reviews)}
        chunk = reviews[start : start + size]
        if chunk:  # Google leaves out an empty list
            document["reviews"] = [render(review, self.catalogue) for review in chunk]
        if start + size < len(reviews):
            document["nextPageToken"] = f"tok-{start + size}"
        return Response(200, document)

    def reply(self, request: Request) -> Response:
        if not self.authorised(request):
            return Response(401, UNAUTHENTICATED)
        return Response(
            200, {"comment": request.json()["comment"], "updateTime": "2026-11-21T08:00:00.5Z"}
        )


def business_table(server: LoopbackServer, **overrides: Any) -> dict[str, Any]:
    return {
        "base_url": server.base_url,
        "token_url": server.url(TOKEN_PATH),
        "account": "1",
        "location": "locations/55",
        **CLIENT,
        **overrides,
    }


def static_table(server: LoopbackServer) -> dict[str, Any]:
    """A table with a fixed access token instead of the refresh-token flow."""
    table = business_table(server, access_token="static-token")
    for key in CLIENT:
        del table[key]
    return table


class TestGoogleBusinessContract(SourceContract):
    kind = "google_business"
    reply_time = True
    list_path = LIST_PATH
    token_path = TOKEN_PATH
    refreshes_token = True

    def install(self, server: LoopbackServer, catalogue: Catalogue) -> None:
        FakeBusinessProfile(server, catalogue, self.page_size).install()

    def source_table(self, server: LoopbackServer, folder: Path) -> dict[str, Any]:
        return business_table(server)

    def check_reply_request(self, request: Any, external_id: str, text: str) -> None:
        assert request.method == "PUT"
        assert request.path == f"{LIST_PATH}/{external_id}/reply"
        assert request.json() == {"comment": text}
        assert (request.header("Authorization") or "").startswith("Bearer ya29.token-")

    def test_a_token_refused_at_once_is_a_clear_failure(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        """A token refused the moment it was minted is a wrong credential: the poll fails with
        advice after one token request, without a pointless renewal. (The contract's own test
        covers a token refused mid-walk, which is renewed.)"""
        server.fail_next(Response(401, UNAUTHENTICATED), path=self.list_path)
        report = self.poll(config_path, db_path)
        assert not report.sources[0].ok
        error = report.sources[0].error or ""
        assert "refused the credentials" in error and "UNAUTHENTICATED" in error
        assert "business.manage" in error
        assert len(server.requests_to(TOKEN_PATH)) == 1

    def test_a_token_refused_later_is_renewed(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        refuse_later_page_once(server, self.list_path, "pageToken", Response(401, UNAUTHENTICATED))
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert report.baseline == 7
        assert len(server.requests_to(TOKEN_PATH)) == 2
        second_pages = [r for r in server.requests_to(self.list_path) if r.arg("pageToken")]
        assert second_pages[0].header("Authorization") == "Bearer ya29.token-1"
        assert second_pages[1].header("Authorization") == "Bearer ya29.token-2"


# -- the kind's own cases ------------------------------------------------------------------


def run(make: Callable[[GoogleBusinessSource], Coroutine[Any, Any, T]], table: dict[str, Any]) -> T:
    """Build the source from a config table and run one coroutine with it."""
    options = dict(table)
    base_url = options.pop("base_url", None)
    for key in ("access_token", "client_secret", "refresh_token"):
        if key in options:
            options[key] = Secret(options[key])
    config = SourceConfig(
        name="gbp",
        kind="google_business",
        platform="google_business",
        flag_max_stars=2,
        base_url=base_url,
        options=options,
    )

    async def main() -> T:
        async with new_client() as client:
            http = SourceHttp(client, source="gbp", retry=FAST_RETRY, sleep=no_sleep)
            return await make(GoogleBusinessSource(config, http=http))

    return asyncio.run(main())


def poll_with(table: dict[str, Any], folder: Path, db_path: Path) -> Any:
    return poll_sources(folder, db_path, {"name": "gbp", "kind": "google_business", **table})


@pytest.fixture
def profile(server: LoopbackServer) -> FakeBusinessProfile:
    catalogue = Catalogue()
    for rating in (5, 1, 4, 2):
        catalogue.add(rating)
    fake = FakeBusinessProfile(server, catalogue, page_size=3)
    fake.install()
    return fake


def test_the_verbatim_payload_is_read_and_its_null_entry_reported(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    payload = payload_path("google-business-profile-reviews-list.json")

    def listing(request: Request) -> Response:
        if request.arg("pageToken") == "rev-tok-2":
            return Response(200, {"averageRating": 4.8, "totalReviewCount": 777})
        return Response(200, payload.read_bytes(), {"Content-Type": "application/json"})

    server.route("POST", TOKEN_PATH, lambda _r: Response(200, {"access_token": "t"}))
    server.route("GET", LIST_PATH, listing)
    report = poll_with(business_table(server), tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert [(p.position, p.source) for p in report.problems] == [("page 1 item 3", "gbp")]
    assert "null" in report.problems[0].reason
    stored = {r.external_id: r for r in iter_reviews(connect(db_path), ReviewFilter())}
    assert set(stored) == {"r1", "r2"}
    pat, anonymous = stored["r1"], stored["r2"]
    assert (pat.rating, pat.body, pat.author, pat.reply) == (5, "Great", "Pat", "Thanks Pat")
    assert pat.created_at == datetime(2026, 10, 9, 12, 44, 32, tzinfo=UTC)
    # The reply's own time, not the poll's: time to reply counts from when it was made.
    assert pat.replied_at == datetime(2026, 10, 9, 13, 0, tzinfo=UTC)
    assert pat.subject == "locations/55" and pat.title is None and pat.language_hint is None
    assert pat.language == "en"  # Google gives no language: it is read from "Great"
    assert (anonymous.rating, anonymous.body, anonymous.author) == (3, None, None)
    assert anonymous.created_at == datetime(2026, 10, 1, tzinfo=UTC)
    assert anonymous.updated_at == datetime(2026, 10, 2, tzinfo=UTC)
    first, second = server.requests_to(LIST_PATH)
    assert (first.arg("pageSize"), first.arg("orderBy"), first.arg("pageToken")) == (
        "50",
        "updateTime desc",
        None,
    )
    assert second.arg("pageToken") == "rev-tok-2"


@pytest.mark.parametrize(
    ("word", "stars"), [("ONE", 1), ("TWO", 2), ("THREE", 3), ("FOUR", 4), ("FIVE", 5)]
)
def test_star_rating_words_map_to_stars(word: str, stars: int) -> None:
    assert read_review({"reviewId": "x", "starRating": word}).rating == stars


@pytest.mark.parametrize("value", ["STAR_RATING_UNSPECIFIED", "five", 5, None, ""])
def test_anything_but_one_to_five_is_a_malformed_record(value: Any) -> None:
    with pytest.raises(RecordError, match="starRating"):
        read_review({"reviewId": "x", "starRating": value})


def test_a_review_without_an_id_is_malformed_but_the_name_will_do() -> None:
    with pytest.raises(RecordError, match="reviewId"):
        read_review({"starRating": "ONE"})
    named = read_review({"name": f"{LOCATION}/reviews/abc", "starRating": "ONE"})
    assert named.external_id == "abc"


def test_an_anonymous_reviewer_has_no_name_even_if_one_is_sent() -> None:
    review = read_review(
        {
            "reviewId": "x",
            "starRating": "TWO",
            "reviewer": {"isAnonymous": True, "displayName": "A"},
        }
    )
    assert review.author is None


@pytest.mark.parametrize(
    "text",
    [
        "2014-10-02T15:01:23Z",
        "2014-10-02T15:01:23.045Z",
        "2014-10-02T15:01:23.045123Z",
        "2014-10-02T15:01:23.045123456Z",
    ],
)
def test_rfc3339_times_with_0_3_6_or_9_fraction_digits(text: str) -> None:
    review = read_review({"reviewId": "x", "starRating": "ONE", "createTime": text})
    assert review.created_at == datetime(2014, 10, 2, 15, 1, 23, tzinfo=UTC)


@given(
    moment=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    digits=st.integers(min_value=0, max_value=9),
    fraction=st.integers(min_value=0, max_value=999_999_999),
)
def test_any_rfc3339_utc_time_is_read_to_the_second(
    moment: datetime, digits: int, fraction: int
) -> None:
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if digits:
        text += "." + str(fraction).zfill(9)[:digits]
    review = read_review({"reviewId": "x", "starRating": "ONE", "updateTime": text + "Z"})
    assert review.updated_at == moment.replace(microsecond=0, tzinfo=UTC)


def test_an_unreadable_time_is_a_malformed_record() -> None:
    with pytest.raises(RecordError, match="createTime"):
        read_review({"reviewId": "x", "starRating": "ONE", "createTime": "yesterday"})


def test_the_refresh_token_flow_posts_the_documented_form_and_caches_the_token(
    server: LoopbackServer, profile: FakeBusinessProfile, tmp_path: Path, db_path: Path
) -> None:
    report = poll_with(business_table(server), tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    (token_request,) = server.requests_to(TOKEN_PATH)
    form = parse_qs(token_request.body.decode())
    assert form == {
        "grant_type": ["refresh_token"],
        "client_id": ["client-1"],
        "client_secret": ["S3CRET-client"],
        "refresh_token": ["R3FRESH"],
    }
    pages = server.requests_to(LIST_PATH)
    assert len(pages) == 2  # four reviews, three to a page, one token for both
    assert {r.header("Authorization") for r in pages} == {"Bearer ya29.token-1"}


def test_a_revoked_refresh_token_says_what_to_fix_without_quoting_it(
    server: LoopbackServer, profile: FakeBusinessProfile, tmp_path: Path, db_path: Path
) -> None:
    table = business_table(server, refresh_token="R3VOKED-token")
    report = poll_with(table, tmp_path, db_path)
    error = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert "refresh token was refused (invalid_grant)" in error
    assert "set refresh_token" in error
    assert "R3VOKED" not in error and "S3CRET" not in error
    assert server.requests_to(LIST_PATH) == []


def test_a_wrong_client_secret_is_named(
    server: LoopbackServer, profile: FakeBusinessProfile, tmp_path: Path, db_path: Path
) -> None:
    report = poll_with(business_table(server, client_secret="wrong"), tmp_path, db_path)
    error = report.sources[0].error or ""
    assert "client_secret was refused (invalid_client)" in error and "wrong" not in error


def test_an_access_token_alone_works_without_the_token_endpoint(
    server: LoopbackServer, profile: FakeBusinessProfile, tmp_path: Path, db_path: Path
) -> None:
    table = static_table(server)
    report = poll_with(table, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 4
    assert server.requests_to(TOKEN_PATH) == []
    assert {r.header("Authorization") for r in server.requests_to(LIST_PATH)} == {
        "Bearer static-token"
    }


def test_an_expired_access_token_gives_a_clear_message(
    server: LoopbackServer, profile: FakeBusinessProfile, tmp_path: Path, db_path: Path
) -> None:
    profile.static_tokens.clear()  # it has expired
    table = static_table(server)
    report = poll_with(table, tmp_path, db_path)
    error = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert "access_token has probably expired" in error
    assert "client_id, client_secret and refresh_token" in error
    assert "static-token" not in error
    assert len(server.requests_to(LIST_PATH)) == 1  # a fixed token is not retried


def test_a_spent_quota_is_a_rate_limit_error(server: LoopbackServer) -> None:
    exhausted = {
        "error": {
            "code": 429,
            "message": "Quota exceeded for quota metric 'Requests'",
            "status": "RESOURCE_EXHAUSTED",
        }
    }
    server.route("GET", LIST_PATH, lambda _r: Response(429, exhausted))

    async def first_page(source: GoogleBusinessSource) -> Any:
        return await anext(source.fetch(since=None))

    with pytest.raises(RateLimitError, match="quota is spent") as caught:
        run(first_page, static_table(server))
    assert "Business Profile API access" in str(caught.value)
    assert len(server.requests_to(LIST_PATH)) == FAST_RETRY.attempts


def test_a_permission_error_names_google_status_and_what_to_check(server: LoopbackServer) -> None:
    denied = {
        "error": {
            "code": 403,
            "message": "The caller does not have permission",
            "status": "PERMISSION_DENIED",
        }
    }
    server.route("GET", LIST_PATH, lambda _r: Response(403, denied))

    async def first_page(source: GoogleBusinessSource) -> Any:
        return await anext(source.fetch(since=None))

    with pytest.raises(AuthError) as caught:
        run(first_page, static_table(server))
    message = str(caught.value)
    assert "HTTP 403 PERMISSION_DENIED: The caller does not have permission" in message
    assert "manages this location" in message


def test_the_reply_answer_is_returned(server: LoopbackServer, profile: FakeBusinessProfile) -> None:
    target = profile.catalogue.reviews[0].id

    async def reply(source: GoogleBusinessSource) -> Any:
        return await source.post_reply(external_id=target, text="Thank you, Jo")

    posted = run(reply, business_table(server))
    assert posted.text == "Thank you, Jo"
    assert posted.posted_at == datetime(2026, 11, 21, 8, 0, tzinfo=UTC)


def test_a_reply_to_a_missing_review_is_explained(server: LoopbackServer) -> None:
    server.route("POST", TOKEN_PATH, lambda _r: Response(200, {"access_token": "t"}))
    missing = {
        "error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND"}
    }
    server.route("PUT", f"{LIST_PATH}/gone/reply", lambda _r: Response(404, missing))

    async def reply(source: GoogleBusinessSource) -> Any:
        return await source.post_reply(external_id="gone", text="Thanks")

    with pytest.raises(SourceError) as caught:
        run(reply, business_table(server))
    assert str(caught.value) == (
        "Google Business Profile did not take the reply to review gone "
        "(HTTP 404 NOT_FOUND: Requested entity was not found)"
    )


def test_replies_are_kept_within_4096_utf8_bytes() -> None:
    async def check(source: GoogleBusinessSource) -> None:
        source.check_reply_fits("a" * 4096)
        source.check_reply_fits("中" * 1365)  # 4095 bytes
        with pytest.raises(SourceError, match="4097"):
            source.check_reply_fits("a" * 4097)
        with pytest.raises(SourceError, match="4098 bytes in UTF-8 \\(1366 characters\\)"):
            source.check_reply_fits("中" * 1366)
        with pytest.raises(SourceError, match="4100 bytes"):
            source.check_reply_fits("🙂" * 1025)
        with pytest.raises(SourceError, match="empty"):
            source.check_reply_fits("  ")

    run(check, {"account": "1", "location": "55", "access_token": "t"})


@pytest.mark.parametrize(
    ("value", "collection", "expected"),
    [
        ("123", "accounts", "123"),
        ("accounts/123", "accounts", "123"),
        ("/accounts/123/", "accounts", "123"),
        ("accounts/1/locations/55", "locations", "55"),
        ("accounts/1/locations/55", "accounts", "1"),
        ("subaccounts/5", "accounts", ""),
        ("a/b", "locations", ""),
        ("", "locations", ""),
    ],
)
def test_account_and_location_ids(value: str, collection: str, expected: str) -> None:
    assert resource_id(value, collection) == expected


def test_config_problems_are_all_listed(tmp_path: Path) -> None:
    check = GoogleBusinessSource.check_options
    assert check({"account": "1", "location": "2", **CLIENT}) == []
    assert check({"account": "1", "location": "2", "access_token": "t"}) == []
    assert check({"account": "x/y", "location": "2", "access_token": "t"}) == [
        "account: expected an id like 123 or accounts/123"
    ]
    assert check({"account": "1", "location": "2"})[0].startswith("client_id: give client_id")
    assert check({"account": "1", "location": "2", "client_id": "c", "refresh_token": "r"}) == [
        "client_secret: is required with client_id, refresh_token"
    ]
    both = check({"account": "1", "location": "2", "access_token": "t", **CLIENT})
    assert both[0].startswith("access_token: give either")


def test_secrets_may_come_from_files(
    server: LoopbackServer, profile: FakeBusinessProfile, tmp_path: Path, db_path: Path
) -> None:
    (tmp_path / "secret.txt").write_text("S3CRET-client\n", encoding="utf-8")
    table = business_table(server)
    del table["client_secret"]
    table["client_secret_file"] = "secret.txt"
    report = poll_with(table, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    (token_request,) = server.requests_to(TOKEN_PATH)
    assert parse_qs(token_request.body.decode())["client_secret"] == ["S3CRET-client"]


def test_google_error_bodies_are_read_from_source_errors() -> None:
    error = SourceError(
        'HTTP 403 from https://x/v4: {"error": {"code": 403, "message": "No access.", '
        '"status": "PERMISSION_DENIED"}}'
    )
    problem = _google.read_problem(error)
    assert (problem.http_status, problem.status, problem.message) == (
        403,
        "PERMISSION_DENIED",
        "No access",
    )
    assert _google.read_problem(SourceError("could not connect")).describe() == "no details"


def test_a_wrong_token_url_is_not_blamed_on_the_credentials(
    server: LoopbackServer, profile: FakeBusinessProfile, tmp_path: Path, db_path: Path
) -> None:
    table = business_table(server, token_url=server.url("/wrong"))
    report = poll_with(table, tmp_path, db_path)
    error = report.sources[0].error or ""
    assert "HTTP 404" in error and "/wrong" in error
    assert "refused" not in error


@pytest.mark.parametrize(
    "comment",
    [
        "(Translated by Google) The food was cold\n\n(Original)\nDas Essen war kalt",
        "Das Essen war kalt\n\n(Translated by Google)\nThe food was cold",
    ],
    ids=["translation first", "original first"],
)
def test_a_comment_translated_by_google_keeps_the_reviewers_own_words(
    server: LoopbackServer, tmp_path: Path, db_path: Path, comment: str
) -> None:
    record = {
        "reviewId": "de1",
        "reviewer": {"displayName": "Jens"},
        "starRating": "ONE",
        "comment": comment,
        "createTime": "2026-10-09T12:44:32Z",
        "updateTime": "2026-10-09T12:44:32Z",
    }
    server.route("POST", TOKEN_PATH, lambda _r: Response(200, {"access_token": "t"}))
    server.route("GET", LIST_PATH, lambda _r: Response(200, {"reviews": [record]}))
    report = poll_with(business_table(server), tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    (review,) = iter_reviews(connect(db_path), ReviewFilter())
    assert review.body == "Das Essen war kalt"
    assert review.translation == "The food was cold"
