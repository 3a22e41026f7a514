"""`google_play` against a loopback Play Developer API: the contract plus the kind's own cases."""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from hypothesis import given
from hypothesis import strategies as st

from reviewwatch.config import load_config
from reviewwatch.errors import AuthError, ConfigError, RateLimitError, SourceError
from reviewwatch.sources.base import Secret, SourceConfig
from reviewwatch.sources.google_play import (
    JWT_BEARER,
    SCOPE,
    GooglePlaySource,
    ServiceAccountKey,
    read_key,
    read_review,
    sign_assertion,
    split_text,
)
from reviewwatch.sources.http import SourceHttp, new_client
from reviewwatch.sources.normalise import RecordError
from reviewwatch.store import ReviewFilter, connect, iter_reviews
from tests.conftest import FAST_RETRY, write_config
from tests.loopback import LoopbackServer, Request, Response
from tests.sources.contract import Catalogue, FakeReview, SourceContract
from tests.sources.helpers import no_sleep, payload, poll_sources, refuse_later_page_once

PACKAGE = "com.example.shop"
LIST_PATH = f"/androidpublisher/v3/applications/{PACKAGE}/reviews"
TOKEN_PATH = "/token"
CLIENT_EMAIL = "reviews@example-project.iam.gserviceaccount.com"
KEY_ID = "kid-1"
UNAUTHENTICATED = {
    "error": {
        "code": 401,
        "message": "Request had invalid authentication credentials.",
        "status": "UNAUTHENTICATED",
    }
}
T = TypeVar("T")


def private_key(which: str = "main") -> rsa.RSAPrivateKey:
    """A throwaway RSA key, made at test time (one per name, per test run)."""
    return _generate_key(which)


@functools.cache
def _generate_key(which: str) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def private_pem(which: str = "main") -> str:
    return (
        private_key(which)
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )


def key_document(server: LoopbackServer, which: str = "main", **changes: Any) -> dict[str, Any]:
    """A service account JSON key file as the Cloud console writes it."""
    document = {
        "type": "service_account",
        "project_id": "example-project",
        "private_key_id": KEY_ID,
        "private_key": private_pem(which),
        "client_email": CLIENT_EMAIL,
        "client_id": "1234567890",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": server.url(TOKEN_PATH),
    }
    document.update(changes)
    return document


def render(review: FakeReview, catalogue: Catalogue) -> dict[str, Any]:
    """A Review object: title and body joined by a tab, one userComment, maybe a reply."""
    seconds = int(review.created.timestamp())
    user: dict[str, Any] = {
        "lastModified": {"seconds": str(seconds), "nanos": 713000000},
        "starRating": review.rating,
        "reviewerLanguage": "en",
        "appVersionName": "1.2.3",
    }
    if review.title is not None or review.body is not None:
        user["text"] = (
            f"{review.title}\t{review.body or ''}" if review.title is not None else review.body
        )
    comments: list[dict[str, Any]] = [{"userComment": user}]
    if review.reply is not None:
        comments.append(
            {
                "developerComment": {
                    "text": review.reply,
                    "lastModified": {"seconds": str(int(review.reply_at.timestamp())), "nanos": 5}
                    if review.reply_at
                    else user["lastModified"],
                }
            }
        )
    record: dict[str, Any] = {"reviewId": review.id, "comments": comments}
    if review.id in catalogue.malformed:
        record["comments"] = []
    if review.author is not None:
        record["authorName"] = review.author
    record.update(catalogue.extra_fields)
    return record


class FakePlay:
    """The OAuth token endpoint (JWT bearer grant), the reviews list and reviews.reply."""

    def __init__(self, server: LoopbackServer, catalogue: Catalogue, page_size: int) -> None:
        self.server = server
        self.catalogue = catalogue
        self.page_size = page_size
        self.issued: list[str] = []
        self.assertions: list[tuple[dict[str, Any], dict[str, Any]]] = []

    def install(self) -> None:
        self.server.route("POST", TOKEN_PATH, self.token)
        self.server.route("GET", LIST_PATH, self.listing)
        for review in self.catalogue.reviews:
            self.server.route("POST", f"{LIST_PATH}/{review.id}:reply", self.reply)

    def token(self, request: Request) -> Response:
        form = {key: values[0] for key, values in parse_qs(request.body.decode()).items()}
        if form.get("grant_type") != JWT_BEARER:
            return Response(400, {"error": "unsupported_grant_type"})
        assertion = form.get("assertion", "")
        try:
            claims = jwt.decode(
                assertion,
                private_key().public_key(),
                algorithms=["RS256"],
                audience=self.server.url(TOKEN_PATH),
                issuer=CLIENT_EMAIL,
                options={"require": ["iss", "aud", "iat", "exp"]},
            )
        except jwt.PyJWTError:
            return Response(
                400, {"error": "invalid_grant", "error_description": "Invalid JWT Signature."}
            )
        self.assertions.append((jwt.get_unverified_header(assertion), claims))
        if claims.get("scope") != SCOPE or claims["exp"] - claims["iat"] > 3600:
            return Response(400, {"error": "invalid_scope"})
        self.issued.append(f"ya29.play-{len(self.issued) + 1}")
        return Response(200, {"access_token": self.issued[-1], "expires_in": 3599})

    def authorised(self, request: Request) -> bool:
        header = request.header("Authorization") or ""
        return header.startswith("Bearer ") and header.removeprefix("Bearer ") in self.issued

    def listing(self, request: Request) -> Response:
        if not self.authorised(request):
            return Response(401, UNAUTHENTICATED)
        size = min(int(request.arg("maxResults") or 10), self.page_size)
        start = int(request.arg("token") or 0)
        reviews = self.catalogue.newest_first()
        document: dict[str, Any] = {}
        chunk = reviews[start : start + size]
        if chunk:  # Google leaves out an empty list
            document["reviews"] = [render(review, self.catalogue) for review in chunk]
        if start + size < len(reviews):
            document["tokenPagination"] = {"nextPageToken": str(start + size)}
        return Response(200, document)

    def reply(self, request: Request) -> Response:
        if not self.authorised(request):
            return Response(401, UNAUTHENTICATED)
        text = request.json()["replyText"]
        return Response(
            200,
            {"result": {"replyText": text, "lastEdited": {"seconds": "1453978803", "nanos": 0}}},
        )


def play_table(server: LoopbackServer, folder: Path, **key_changes: Any) -> dict[str, Any]:
    key_file = folder / "play-key.json"
    key_file.write_text(json.dumps(key_document(server, **key_changes)), encoding="utf-8")
    return {
        "base_url": server.base_url,
        "package_name": PACKAGE,
        "service_account_file": key_file.name,
    }


class TestGooglePlayContract(SourceContract):
    kind = "google_play"
    reply_time = True
    list_path = LIST_PATH
    token_path = TOKEN_PATH
    refreshes_token = True

    def install(self, server: LoopbackServer, catalogue: Catalogue) -> None:
        FakePlay(server, catalogue, self.page_size).install()

    def source_table(self, server: LoopbackServer, folder: Path) -> dict[str, Any]:
        return play_table(server, folder)

    def check_reply_request(self, request: Any, external_id: str, text: str) -> None:
        assert request.method == "POST"
        assert request.path == f"{LIST_PATH}/{external_id}:reply"
        assert request.json() == {"replyText": text}
        assert (request.header("Authorization") or "").startswith("Bearer ya29.play-")

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
        assert "Google Play refused the credentials (HTTP 401 UNAUTHENTICATED" in error
        assert "service_account_file" in error
        assert len(server.requests_to(TOKEN_PATH)) == 1

    def test_a_token_refused_later_is_renewed(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        refuse_later_page_once(server, self.list_path, "token", Response(401, UNAUTHENTICATED))
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert report.baseline == 7
        assert len(server.requests_to(TOKEN_PATH)) == 2
        second_pages = [r for r in server.requests_to(self.list_path) if r.arg("token") == "3"]
        assert [r.header("Authorization") for r in second_pages] == [
            "Bearer ya29.play-1",
            "Bearer ya29.play-2",
        ]


# -- the kind's own cases ------------------------------------------------------------------


def run(
    make: Callable[[GooglePlaySource], Coroutine[Any, Any, T]],
    server: LoopbackServer,
    key: dict[str, Any] | None = None,
) -> T:
    """Build the source directly (no config file) and run one coroutine with it."""
    config = SourceConfig(
        name="play",
        kind="google_play",
        platform="google_play",
        flag_max_stars=2,
        base_url=server.base_url,
        options={
            "package_name": PACKAGE,
            "service_account": Secret(json.dumps(key or key_document(server))),
        },
    )

    async def main() -> T:
        async with new_client() as client:
            http = SourceHttp(client, source="play", retry=FAST_RETRY, sleep=no_sleep)
            return await make(GooglePlaySource(config, http=http))

    return asyncio.run(main())


async def first_page(source: GooglePlaySource) -> Any:
    return await anext(source.fetch(since=None))


def poll_with(table: dict[str, Any], folder: Path, db_path: Path) -> Any:
    return poll_sources(folder, db_path, {"name": "play", "kind": "google_play", **table})


@pytest.fixture
def play(server: LoopbackServer) -> FakePlay:
    catalogue = Catalogue()
    for rating in (5, 1, 4, 2, 3, 5, 4):
        catalogue.add(rating)
    fake = FakePlay(server, catalogue, page_size=3)
    fake.install()
    return fake


def test_the_verbatim_list_payload_is_read(
    server: LoopbackServer, play: FakePlay, tmp_path: Path, db_path: Path
) -> None:
    document = payload("google-play-reviews-list.json")

    def listing(request: Request) -> Response:
        if request.arg("token") == "12334566":
            return Response(200, {})  # the last page: no reviews, no token
        return Response(200, document)

    server.route("GET", LIST_PATH, listing)
    report = poll_with(play_table(server, tmp_path), tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert report.problems == ()
    stored = {r.external_id: r for r in iter_reviews(connect(db_path), ReviewFilter())}
    jane, john = stored["12345678"], stored["11223344"]
    assert (jane.rating, jane.title, jane.body, jane.author) == (
        5,
        None,
        "This is the best app ever!",
        "Jane Bloggs",
    )
    assert jane.updated_at == datetime(2015, 10, 1, 5, 20, 26, tzinfo=UTC)
    assert jane.created_at == jane.updated_at  # Play gives no separate creation time
    assert (jane.reply, jane.language_hint, jane.subject) == (None, None, PACKAGE)
    assert jane.language == "en"  # read from the text: Play sent no language for Jane
    assert jane.url == f"https://play.google.com/store/apps/details?id={PACKAGE}&reviewId=12345678"
    assert (john.reply, john.language, john.language_hint) == ("That's great to hear!", "en", "en")
    assert john.updated_at == datetime.fromtimestamp(141582134, UTC)
    first, second = server.requests_to(LIST_PATH)
    assert (first.arg("maxResults"), first.arg("token")) == ("100", None)
    assert second.arg("token") == "12334566"


def test_the_verbatim_get_payloads_are_read() -> None:
    single = read_review(payload("google-play-reviews-get.json"), package_name=PACKAGE)
    assert (single.external_id, single.rating, single.body) == (
        "87654321",
        5,
        "This app is awesome!",
    )
    assert single.updated_at == datetime(2016, 1, 6, 21, 12, 3, tzinfo=UTC)
    translated = read_review(payload("google-play-reviews-get-translated.json"))
    assert translated.body == "Dies ist die beste App überhaupt!"  # the reviewer's own words
    assert translated.url is None and translated.subject is None


def test_a_token_serves_every_page_and_the_jwt_is_signed_as_google_wants(
    server: LoopbackServer, play: FakePlay, tmp_path: Path, db_path: Path
) -> None:
    report = poll_with(play_table(server, tmp_path), tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 7
    assert len(server.requests_to(LIST_PATH)) == 3
    assert len(server.requests_to(TOKEN_PATH)) == 1
    ((header, claims),) = play.assertions  # verified with the public key by the fake
    assert header == {"alg": "RS256", "typ": "JWT", "kid": KEY_ID}
    assert claims["iss"] == CLIENT_EMAIL and claims["scope"] == SCOPE
    assert claims["aud"] == server.url(TOKEN_PATH)
    assert claims["exp"] - claims["iat"] == 3600


def test_sign_assertion_verifies_with_the_public_key_only() -> None:
    key = ServiceAccountKey(CLIENT_EMAIL, private_pem(), None, "https://oauth2.example/token")
    assertion = sign_assertion(key, now=1_700_000_000)
    claims = jwt.decode(
        assertion,
        private_key().public_key(),
        algorithms=["RS256"],
        audience="https://oauth2.example/token",
        options={"verify_exp": False},
    )
    assert claims == {
        "iss": CLIENT_EMAIL,
        "scope": SCOPE,
        "aud": "https://oauth2.example/token",
        "iat": 1_700_000_000,
        "exp": 1_700_003_600,
    }
    assert "kid" not in jwt.get_unverified_header(assertion)
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(
            assertion,
            private_key("other").public_key(),
            algorithms=["RS256"],
            audience="https://oauth2.example/token",
            options={"verify_exp": False},
        )


def test_a_key_google_does_not_know_says_what_to_fix(
    server: LoopbackServer, play: FakePlay, tmp_path: Path, db_path: Path
) -> None:
    table = play_table(server, tmp_path, private_key=private_pem("other"))
    report = poll_with(table, tmp_path, db_path)
    error = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert "service account key was refused (invalid_grant)" in error
    assert "Invalid JWT Signature" in error
    assert "PRIVATE KEY" not in error
    assert server.requests_to(LIST_PATH) == []


def test_a_private_key_that_cannot_sign_is_reported_without_quoting_it(
    server: LoopbackServer,
) -> None:
    broken = "-----BEGIN PRIVATE KEY-----\nTUFERVVQ\n-----END PRIVATE KEY-----\n"
    with pytest.raises(AuthError, match="cannot be used to sign") as caught:
        run(first_page, server, key_document(server, private_key=broken))
    assert "TUFERVVQ" not in str(caught.value)
    assert server.requests == []


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ("not json", "is not JSON (line 1, column 1)"),
        ('{"type": "authorized_user", "client_id": "x"}', "not a service account key"),
        ('{"type": "service_account", "client_email": "a@b"}', "has no private_key"),
        ('{"client_email": "a@b", "private_key": "k", "token_uri": "ftp://x"}', "token_uri"),
    ],
)
def test_a_wrong_key_file_is_a_config_problem(tmp_path: Path, document: str, problem: str) -> None:
    (tmp_path / "key.json").write_text(document, encoding="utf-8")
    table = {"package_name": PACKAGE, "service_account_file": "key.json"}
    with pytest.raises(ConfigError) as caught:
        load_config(write_config(tmp_path, [{"name": "play", "kind": "google_play", **table}]))
    (message,) = caught.value.problems
    assert message.startswith('sources "play".service_account_file: ')
    assert problem in message


def test_config_needs_a_package_name_and_a_key_file(tmp_path: Path) -> None:
    table = {"package_name": "not a package"}
    with pytest.raises(ConfigError) as caught:
        load_config(write_config(tmp_path, [{"name": "play", "kind": "google_play", **table}]))
    problems = "\n".join(caught.value.problems)
    assert "service_account: is required (or service_account_file)" in problems
    assert "package_name: expected a package name" in problems


def test_read_key_defaults_the_token_uri_and_keeps_the_key_id() -> None:
    key = read_key(json.dumps({"client_email": "a@b", "private_key": "k", "private_key_id": "9"}))
    assert (key.token_uri, key.private_key_id) == ("https://oauth2.googleapis.com/token", "9")


def test_a_spent_quota_is_a_rate_limit_error(server: LoopbackServer, play: FakePlay) -> None:
    exhausted = {
        "error": {"code": 429, "message": "Quota exceeded", "status": "RESOURCE_EXHAUSTED"}
    }
    server.fail_next(Response(429, exhausted), times=FAST_RETRY.attempts, path=LIST_PATH)
    with pytest.raises(RateLimitError, match="Google Play quota is spent") as caught:
        run(first_page, server)
    assert "200 review list requests an hour" in str(caught.value)
    assert len(server.requests_to(TOKEN_PATH)) == 1


def test_a_quota_named_in_a_403_is_not_mistaken_for_a_bad_key(
    server: LoopbackServer, play: FakePlay
) -> None:
    daily = {
        "error": {
            "code": 403,
            "message": "Daily Limit Exceeded",
            "errors": [{"reason": "dailyLimitExceeded"}],
        }
    }
    server.fail_next(Response(403, daily), path=LIST_PATH)
    with pytest.raises(RateLimitError):
        run(first_page, server)
    assert len(server.requests_to(TOKEN_PATH)) == 1  # no pointless renewal


def test_a_missing_permission_names_what_to_grant(server: LoopbackServer, play: FakePlay) -> None:
    denied = {
        "error": {
            "code": 403,
            "message": "The caller does not have permission",
            "status": "PERMISSION_DENIED",
        }
    }
    server.fail_next(Response(403, denied), times=2, path=LIST_PATH)
    with pytest.raises(AuthError) as caught:
        run(first_page, server)
    message = str(caught.value)
    assert "HTTP 403 PERMISSION_DENIED: The caller does not have permission" in message
    assert "'Reply to reviews' permission" in message


def test_the_reply_answer_is_read(server: LoopbackServer, play: FakePlay) -> None:
    answer = payload("google-play-reviews-reply-response.json")
    target = play.catalogue.reviews[0].id
    server.route("POST", f"{LIST_PATH}/{target}:reply", lambda _r: Response(200, answer))
    request_shape = payload("google-play-reviews-reply-request.json")

    async def reply(source: GooglePlaySource) -> Any:
        return await source.post_reply(external_id=target, text=request_shape["replyText"])

    posted = run(reply, server)
    assert posted.text == "Thanks for your feedback!"
    assert posted.posted_at == datetime(2016, 1, 28, 11, 0, 3, tzinfo=UTC)
    (sent,) = server.requests_to(f"{LIST_PATH}/{target}:reply")
    assert sent.json() == request_shape


def test_a_refused_reply_is_explained(server: LoopbackServer, play: FakePlay) -> None:
    target = play.catalogue.reviews[0].id
    invalid = {"error": {"code": 400, "message": "Reply too long.", "status": "INVALID_ARGUMENT"}}
    server.fail_next(Response(400, invalid), path=f"{LIST_PATH}/{target}:reply")

    async def reply(source: GooglePlaySource) -> Any:
        return await source.post_reply(external_id=target, text="Thanks")

    with pytest.raises(SourceError) as caught:
        run(reply, server)
    assert str(caught.value) == (
        f"Google Play did not take the reply to review {target} "
        "(HTTP 400 INVALID_ARGUMENT: Reply too long)"
    )


def test_replies_are_kept_within_350_characters_counting_emoji_as_two(
    server: LoopbackServer,
) -> None:
    async def check(source: GooglePlaySource) -> None:
        source.check_reply_fits("a" * 350)
        source.check_reply_fits("é" * 350)
        with pytest.raises(SourceError, match="351 characters"):
            source.check_reply_fits("a" * 351)
        with pytest.raises(SourceError, match="counts 351 characters when emoji"):
            source.check_reply_fits("a" * 349 + "🙂")

    run(check, server)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Great app\tWorks offline too", ("Great app", "Works offline too")),
        ("Just a body", (None, "Just a body")),
        ("Title only\t", ("Title only", None)),
        ("\tBody after an empty title", (None, "Body after an empty title")),
        ("One\tTwo\tThree", ("One", "Two\tThree")),
        (None, (None, None)),
    ],
)
def test_title_and_body_are_split_at_the_first_tab(
    text: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert split_text(text) == expected


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"comments": [{"userComment": {"starRating": 5}}]}, "reviewId"),
        ({"reviewId": "1"}, "no userComment"),
        ({"reviewId": "1", "comments": "x"}, "not a list"),
        ({"reviewId": "1", "comments": [{"userComment": {"starRating": 0}}]}, "starRating"),
        ({"reviewId": "1", "comments": [{"userComment": {"starRating": "5"}}]}, "starRating"),
        ({"reviewId": "1", "comments": [{"userComment": {"starRating": True}}]}, "starRating"),
        (
            {
                "reviewId": "1",
                "comments": [
                    {"userComment": {"starRating": 4, "lastModified": {"seconds": "soon"}}}
                ],
            },
            "lastModified",
        ),
    ],
)
def test_unreadable_records_are_record_errors(record: dict[str, Any], reason: str) -> None:
    with pytest.raises(RecordError, match=reason):
        read_review(record)


def test_nanos_do_not_shift_the_second() -> None:
    record = {
        "reviewId": "1",
        "comments": [
            {
                "userComment": {
                    "starRating": 2,
                    "lastModified": {"seconds": "1443676826", "nanos": 999999999},
                }
            }
        ],
    }
    assert read_review(record).updated_at == datetime(2015, 10, 1, 5, 20, 26, tzinfo=UTC)


@given(package=st.text(max_size=20), review_id=st.text(min_size=1, max_size=30))
def test_the_review_link_is_what_urlencode_writes(package: str, review_id: str) -> None:
    from urllib.parse import urlencode

    from reviewwatch.sources.google_play import review_url

    expected = urlencode({"id": package, "reviewId": review_id}) if package else None
    link = review_url(package, review_id)
    assert (link.split("?", 1)[1] if link else None) == expected


def test_the_apps_of_one_service_account_share_its_token(
    server: LoopbackServer, play: FakePlay, tmp_path: Path, db_path: Path
) -> None:
    second_app = "com.example.second"
    server.route("GET", f"/androidpublisher/v3/applications/{second_app}/reviews", play.listing)
    shop = {"name": "shop", "kind": "google_play", **play_table(server, tmp_path)}
    second = {**shop, "name": "second", "package_name": second_app}
    other_key = tmp_path / "other-key.json"
    other_key.write_text(json.dumps(key_document(server, private_key_id="kid-2")), "utf-8")
    other = {**shop, "name": "other", "service_account_file": other_key.name}
    report = poll_sources(tmp_path, db_path, shop, second, other)
    assert all(source.ok for source in report.sources), report.sources
    assert report.baseline == 21
    # One token for the two apps of the first key, one for the other key.
    assert len(server.requests_to(TOKEN_PATH)) == 2
    assert sorted(header["kid"] for header, _claims in play.assertions) == ["kid-1", "kid-2"]


def test_a_refused_service_account_is_asked_once_and_fails_every_app(
    server: LoopbackServer, play: FakePlay, tmp_path: Path, db_path: Path
) -> None:
    server.route("GET", "/androidpublisher/v3/applications/com.example.b/reviews", play.listing)
    table = play_table(server, tmp_path, private_key=private_pem("other"))  # not Google's key
    apps = [
        {"name": name, "kind": "google_play", **table, "package_name": f"com.example.{name}"}
        for name in ("a", "b")
    ]
    report = poll_sources(tmp_path, db_path, *apps)
    assert [source.ok for source in report.sources] == [False, False]
    assert report.sources[0].error == report.sources[1].error
    assert "Invalid JWT Signature" in (report.sources[0].error or "")
    assert len(server.requests_to(TOKEN_PATH)) == 1
    assert server.requests_to(LIST_PATH) == []
