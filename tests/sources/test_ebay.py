"""`ebay` against a loopback Trading API: the contract, plus GetFeedback's own ways."""

from __future__ import annotations

import asyncio
import base64
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs
from xml.sax.saxutils import escape

import httpx
import pytest

from reviewwatch.config import load_config
from reviewwatch.errors import AuthError, BadResponseError, ConfigError, SourceError
from reviewwatch.location import Location
from reviewwatch.poll import build_sources
from reviewwatch.sources.base import Source
from reviewwatch.sources.ebay import NAMESPACE, parse_xml, read_feedback
from reviewwatch.sources.http import new_client
from reviewwatch.store import ReviewFilter, connect, iter_reviews
from tests.conftest import FAST_RETRY, write_config
from tests.loopback import LoopbackServer, Request, Response
from tests.sources.contract import Catalogue, FakeReview, SourceContract
from tests.sources.helpers import payload_path, poll_sources

API_PATH = "/ws/api.dll"
TOKEN = "v^1.1#i^1#p^3#r^1#I^3#t^test-user-token"
NS = {"e": NAMESPACE}


def comment_type(rating: int) -> str:
    return "Negative" if rating <= 2 else "Neutral" if rating == 3 else "Positive"


def render_value(value: Any) -> str:
    if isinstance(value, dict):
        return "".join(f"<{key}>{render_value(item)}</{key}>" for key, item in value.items())
    if isinstance(value, list):
        return "".join(f"<Value>{render_value(item)}</Value>" for item in value)
    return escape(str(value))


def render_detail(review: FakeReview, catalogue: Catalogue) -> str:
    """One FeedbackDetail in the order of eBay's sample notification."""
    number = "".join(ch for ch in review.id if ch.isdigit()) or "1"
    parts = []
    if review.author is not None:
        parts.append(f"<CommentingUser>{escape(review.author)}</CommentingUser>")
    parts.append("<CommentingUserScore>42</CommentingUserScore>")
    if review.body is not None:
        parts.append(f"<CommentText>{escape(review.body)}</CommentText>")
    created = review.created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    parts.append(f"<CommentTime>{created}</CommentTime>")
    kind = "Sideways" if review.id in catalogue.malformed else comment_type(review.rating)
    parts.append(f"<CommentType>{kind}</CommentType>")
    if review.reply is not None:
        parts.append(f"<FeedbackResponse>{escape(review.reply)}</FeedbackResponse>")
    parts += [
        f"<ItemID>1100{number}</ItemID>",
        "<Role>Seller</Role>",
        "<ItemTitle>Blue enamel mug</ItemTitle>",
        f"<FeedbackID>{escape(review.id)}</FeedbackID>",
        f"<TransactionID>2200{number}</TransactionID>",
        f"<OrderLineItemID>1100{number}-2200{number}</OrderLineItemID>",
    ]
    parts += [
        f"<{key}>{render_value(value)}</{key}>" for key, value in catalogue.extra_fields.items()
    ]
    return "<FeedbackDetail>" + "".join(parts) + "</FeedbackDetail>"


def envelope(call: str, body: str, ack: str = "Success") -> Response:
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<{call}Response xmlns="{NAMESPACE}">'
        f"<Timestamp>2026-11-21T09:30:00.000Z</Timestamp><Ack>{ack}</Ack>"
        f"<Version>1451</Version><Build>E1451_CORE_API</Build>{body}</{call}Response>"
    )
    return Response(200, document, {"Content-Type": "text/xml"})


def failure(call: str, code: str, short: str, long: str) -> Response:
    errors = (
        f"<Errors><ShortMessage>{short}</ShortMessage><LongMessage>{long}</LongMessage>"
        f"<ErrorCode>{code}</ErrorCode><SeverityCode>Error</SeverityCode>"
        "<ErrorClassification>RequestError</ErrorClassification></Errors>"
    )
    return envelope(call, errors, ack="Failure")


def request_field(request: Request, name: str) -> str | None:
    root = ET.fromstring(request.body)
    found = root.find(".//e:" + name, NS)
    return found.text if found is not None else None


class FakeTradingApi:
    """Plays eBay's Trading endpoint: GetFeedback (pages or one FeedbackID) and replies."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.replies: list[dict[str, str | None]] = []
        self.valid_tokens = {TOKEN}

    def __call__(self, request: Request) -> Response:
        call = request.header("X-EBAY-API-CALL-NAME") or ""
        if request.header("X-EBAY-API-IAF-TOKEN") not in self.valid_tokens:
            return failure(call, "931", "Auth token is invalid.", "Validation failed.")
        if call == "GetFeedback":
            return self.get_feedback(request)
        if call == "RespondToFeedback":
            names = ("FeedbackID", "ItemID", "TransactionID", "TargetUserID", "ResponseType")
            reply = {name: request_field(request, name) for name in names}
            reply["ResponseText"] = request_field(request, "ResponseText")
            self.replies.append(reply)
            return envelope(call, "")
        return failure(call, "2", "Unsupported API call.", f"The call {call} is not supported.")

    def get_feedback(self, request: Request) -> Response:
        if request_field(request, "DetailLevel") != "ReturnAll":
            return envelope("GetFeedback", "<FeedbackScore>7</FeedbackScore>")
        listed = self.catalogue.newest_first()
        wanted = request_field(request, "FeedbackID")
        if wanted is not None:
            chosen = [review for review in listed if review.id == wanted]
            details = "".join(render_detail(review, self.catalogue) for review in chosen)
            return envelope("GetFeedback", f"<FeedbackDetailArray>{details}</FeedbackDetailArray>")
        assert request_field(request, "FeedbackType") == "FeedbackReceivedAsSeller"
        per_page = int(request_field(request, "EntriesPerPage") or 25)
        number = int(request_field(request, "PageNumber") or 1)
        chunk = listed[(number - 1) * per_page : number * per_page]
        pages = max(1, -(-len(listed) // per_page))
        details = "".join(render_detail(review, self.catalogue) for review in chunk)
        body = (
            f"<FeedbackDetailArray>{details}</FeedbackDetailArray>"
            f"<FeedbackDetailItemTotal>{len(chunk)}</FeedbackDetailItemTotal>"
            f"<PaginationResult><TotalNumberOfPages>{pages}</TotalNumberOfPages>"
            f"<TotalNumberOfEntries>{len(listed)}</TotalNumberOfEntries></PaginationResult>"
        )
        return envelope("GetFeedback", body)


class TestEbayContract(SourceContract):
    kind = "ebay"
    list_path = API_PATH
    json_text = False  # the Trading API answers in XML

    def install(self, server: LoopbackServer, catalogue: Catalogue) -> None:
        self.fake = FakeTradingApi(catalogue)
        server.route("POST", API_PATH, self.fake)

    def source_table(self, server: LoopbackServer, folder: Path) -> dict[str, Any]:
        return {"base_url": server.base_url, "token": TOKEN, "entries_per_page": self.page_size}

    def check_reply_request(self, request: Any, external_id: str, text: str) -> None:
        assert request.header("X-EBAY-API-CALL-NAME") == "RespondToFeedback"
        assert request.header("X-EBAY-API-IAF-TOKEN") == TOKEN
        root = ET.fromstring(request.body)
        assert root.tag == f"{{{NAMESPACE}}}RespondToFeedbackRequest"
        assert request_field(request, "FeedbackID") == external_id
        assert request_field(request, "TargetUserID") == "Jane Doe"
        assert request_field(request, "ResponseType") == "Reply"
        assert request_field(request, "ResponseText") == text
        number = "".join(ch for ch in external_id if ch.isdigit())
        assert request_field(request, "ItemID") == f"1100{number}"
        assert request_field(request, "TransactionID") == f"2200{number}"

    def test_missing_optional_fields_are_stored_as_empty(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        """eBay has no stars: a bare Negative entry is stored with polarity and no rating."""
        bare = catalogue.add(2, title=None, body=None, author=None)
        self.poll(config_path, db_path)
        conn = connect(db_path)
        stored = next(r for r in iter_reviews(conn, ReviewFilter()) if r.external_id == bare.id)
        assert (stored.title, stored.body, stored.author, stored.rating) == (None, None, None, None)
        assert stored.polarity == "negative" and stored.flagged

    def test_new_and_edited_reviews_are_reported_and_flagged(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Location
    ) -> None:
        """As the contract's, but an edit turns Positive into Negative: eBay has no stars."""
        self.poll(config_path, db_path)
        fresh = catalogue.add(1, body="Arrived broken")
        newest_old = catalogue.newest_first()[1]
        assert comment_type(newest_old.rating) == "Positive"
        catalogue.edit(newest_old.id, rating=1, body="Changed my mind: it broke")
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert [review.external_id for review in report.new] == [fresh.id]
        assert [review.external_id for review in report.updated] == [newest_old.id]
        assert {review.external_id for review in report.flagged} == {fresh.id, newest_old.id}
        edited = report.updated[0]
        assert edited.version == 2 and edited.polarity == "negative" and edited.rating is None

    def test_a_reply_is_posted_as_the_platform_wants(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        """Every Trading API call is a POST to one URL; replying first reads the feedback
        (GetFeedback by FeedbackID, for the buyer's user id), so replies are told apart by
        their call name."""
        self.poll(config_path, db_path)
        target = catalogue.newest_first()[0]
        text = "Thank you for telling us. We are sorry and will make it right."
        config = load_config(config_path)

        async def post() -> None:
            async with new_client() as client:
                source = build_sources(config.sources, lambda: client, FAST_RETRY)[0]
                posted = await source.post_reply(external_id=target.id, text=text)
                assert posted.posted_at == datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
                with pytest.raises(SourceError, match="at most 80"):
                    await source.post_reply(external_id=target.id, text="x" * 81)

        asyncio.run(post())
        replies = [
            request
            for request in server.requests_to(API_PATH)
            if request.header("X-EBAY-API-CALL-NAME") == "RespondToFeedback"
        ]
        assert len(replies) == 1
        self.check_reply_request(replies[0], target.id, text)
        assert self.fake.replies[0]["ResponseText"] == text


# -- the verbatim payload ---------------------------------------------------------------------


def xml_response(content: bytes) -> httpx.Response:
    return httpx.Response(200, content=content, request=httpx.Request("POST", "https://x/ws"))


def test_the_documented_feedback_sample_is_normalised() -> None:
    sample = payload_path("ebay-trading-getfeedback-notification-body.xml")
    root = parse_xml(xml_response(sample.read_bytes()))
    details = root.findall("FeedbackDetailArray/FeedbackDetail")
    assert len(details) == 1
    review = read_feedback(details[0])
    assert review.external_id == "3900595379"
    assert (review.rating, review.polarity) == (None, "negative")
    assert review.body == "Your product sucks!"
    assert review.author == "buyer1"
    assert review.created_at == datetime(2005, 4, 30, 3, 39, 46, tzinfo=UTC)
    assert review.subject == "704637038"  # no ItemTitle in the sample: the item id stands in
    assert review.order_id == "704637038-854387"
    assert review.reply is None and review.title is None


def test_the_documented_sample_served_as_a_listing_is_stored(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    sample = payload_path("ebay-trading-getfeedback-notification-body.xml")
    server.route("POST", API_PATH, lambda _r: Response(200, sample.read_bytes()))
    report = poll(server, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    stored = list(iter_reviews(connect(db_path), ReviewFilter()))
    assert [(r.external_id, r.polarity, r.author) for r in stored] == [
        ("3900595379", "negative", "buyer1")
    ]
    assert len(server.requests) == 1  # no PaginationResult and a short page: the end


# -- the request ------------------------------------------------------------------------------


def poll(server: LoopbackServer, folder: Path, db_path: Path, **table: Any) -> Any:
    values = {"name": "ebay", "kind": "ebay", "base_url": server.base_url, "token": TOKEN}
    return poll_sources(folder, db_path, {**values, **table})


def seeded(server: LoopbackServer, *ratings: int) -> tuple[Catalogue, FakeTradingApi]:
    catalogue = Catalogue()
    for rating in ratings:
        catalogue.add(rating)
    fake = FakeTradingApi(catalogue)
    server.route("POST", API_PATH, fake)
    return catalogue, fake


def test_get_feedback_is_asked_as_eBay_documents(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    seeded(server, 5, 1, 3)
    report = poll(server, tmp_path, db_path, site_id="3", entries_per_page=2)
    assert report.sources[0].ok, report.sources[0].error
    first, second = server.requests_to(API_PATH)
    assert first.header("X-EBAY-API-CALL-NAME") == "GetFeedback"
    assert first.header("X-EBAY-API-SITEID") == "3"
    assert first.header("X-EBAY-API-COMPATIBILITY-LEVEL") == "1451"
    assert first.header("X-EBAY-API-IAF-TOKEN") == TOKEN
    assert (first.header("Content-Type") or "").startswith("text/xml")
    root = ET.fromstring(first.body)
    assert root.tag == f"{{{NAMESPACE}}}GetFeedbackRequest"
    assert request_field(first, "DetailLevel") == "ReturnAll"
    assert request_field(first, "FeedbackType") == "FeedbackReceivedAsSeller"
    assert request_field(first, "EntriesPerPage") == "2"
    assert [request_field(r, "PageNumber") for r in (first, second)] == ["1", "2"]


def test_polarities_map_without_inventing_stars(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    catalogue, _ = seeded(server, 5, 3, 1)
    report = poll(server, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    stored = {r.external_id: r for r in iter_reviews(connect(db_path), ReviewFilter())}
    got = {
        review.id: (stored[review.id].polarity, stored[review.id].rating)
        for review in catalogue.reviews
    }
    assert sorted(got.values()) == [("negative", None), ("neutral", None), ("positive", None)]
    negative = next(r for r in stored.values() if r.polarity == "negative")
    assert negative.subject == "Blue enamel mug"
    assert negative.order_id is not None and "-" in negative.order_id


def test_a_withdrawn_feedback_keeps_its_comment_but_no_polarity() -> None:
    detail = ET.fromstring(
        "<FeedbackDetail><CommentText>ok</CommentText><CommentType>Withdrawn</CommentType>"
        "<FeedbackID>9</FeedbackID><CommentTime>2026-01-02T03:04:05.000Z</CommentTime>"
        "<FeedbackResponse>Thanks</FeedbackResponse></FeedbackDetail>"
    )
    review = read_feedback(detail)
    assert (review.polarity, review.rating, review.body, review.reply) == (
        None,
        None,
        "ok",
        "Thanks",
    )


def test_an_unknown_comment_type_is_a_record_problem() -> None:
    detail = ET.fromstring(
        "<FeedbackDetail><FeedbackID>9</FeedbackID><CommentType>Great</CommentType></FeedbackDetail>"
    )
    with pytest.raises(ValueError, match="CommentType"):
        read_feedback(detail)


# -- failures in the body ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "short"),
    [("931", "Auth token is invalid."), ("932", "Auth token is hard expired.")],
)
def test_a_token_error_in_an_http_200_answer_is_an_auth_failure(
    server: LoopbackServer, tmp_path: Path, db_path: Path, code: str, short: str
) -> None:
    server.route(
        "POST", API_PATH, lambda _r: failure("GetFeedback", code, short, "Validation failed.")
    )
    report = poll(server, tmp_path, db_path)
    error = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert code in error and "`token`" in error
    assert TOKEN not in error
    assert len(server.requests) == 1  # a refused token is not retried


def test_the_call_limit_is_a_rate_limit(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    server.route(
        "POST",
        API_PATH,
        lambda _r: failure("GetFeedback", "518", "Call usage limit has been reached.", "Limit."),
    )
    report = poll(server, tmp_path, db_path)
    assert not report.sources[0].ok
    assert "call limit" in (report.sources[0].error or "")


def test_other_failures_carry_eBays_words(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    server.route(
        "POST",
        API_PATH,
        lambda _r: failure("GetFeedback", "37", "Input data is invalid.", "Bad PageNumber."),
    )
    report = poll(server, tmp_path, db_path)
    assert not report.sources[0].ok
    assert "37: Bad PageNumber." in (report.sources[0].error or "")


def test_a_warning_ack_is_accepted(server: LoopbackServer, tmp_path: Path, db_path: Path) -> None:
    _, fake = seeded(server, 2)

    def warn(request: Request) -> Response:
        response = fake(request)
        assert isinstance(response.body, str)
        response.body = response.body.replace("<Ack>Success</Ack>", "<Ack>Warning</Ack>")
        return response

    server.route("POST", API_PATH, warn)
    report = poll(server, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 1


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>
<GetFeedbackResponse xmlns="urn:ebay:apis:eBLBaseComponents"><Ack>&lol2;</Ack>
</GetFeedbackResponse>"""


def test_a_doctype_is_refused_before_parsing() -> None:
    with pytest.raises(BadResponseError, match="DOCTYPE"):
        parse_xml(xml_response(BOMB))


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"<html><title>Service Unavailable</title></html>", "HTML"), (b"<Ack>Suc", "valid XML")],
)
def test_html_and_broken_xml_are_clear_failures(content: bytes, words: str) -> None:
    with pytest.raises(BadResponseError, match=words):
        parse_xml(xml_response(content))


# -- replies ----------------------------------------------------------------------------------


def make_source(server: LoopbackServer, folder: Path) -> Callable[[httpx.AsyncClient], Source]:
    table = {"name": "ebay", "kind": "ebay", "base_url": server.base_url, "token": TOKEN}
    config = load_config(write_config(folder, [table]))
    return lambda client: build_sources(config.sources, lambda: client, FAST_RETRY)[0]


def reply(server: LoopbackServer, folder: Path, external_id: str, text: str) -> Any:
    build = make_source(server, folder)

    async def post() -> Any:
        async with new_client() as client:
            return await build(client).post_reply(external_id=external_id, text=text)

    return asyncio.run(post())


def test_a_reply_of_80_characters_is_sent_and_81_refused_unsent(
    server: LoopbackServer, tmp_path: Path
) -> None:
    catalogue, fake = seeded(server, 1)
    target = catalogue.reviews[0].id
    reply(server, tmp_path, target, "y" * 80)
    assert [r["ResponseText"] for r in fake.replies] == ["y" * 80]
    sent = len(server.requests)
    with pytest.raises(SourceError, match="81 characters"):
        reply(server, tmp_path, target, "y" * 81)
    assert len(server.requests) == sent


def test_reply_text_is_escaped_not_injected(server: LoopbackServer, tmp_path: Path) -> None:
    catalogue, fake = seeded(server, 1)
    text = "Sorry! <b>Refund</b> & a new mug </ResponseText>"
    reply(server, tmp_path, catalogue.reviews[0].id, text)
    assert fake.replies[0]["ResponseText"] == text


def test_a_feedback_that_already_has_a_reply_is_not_answered_again(
    server: LoopbackServer, tmp_path: Path
) -> None:
    catalogue, fake = seeded(server, 1)
    catalogue.edit(catalogue.reviews[0].id, reply="We sent a new one.")
    with pytest.raises(SourceError, match="already has a reply"):
        reply(server, tmp_path, catalogue.reviews[0].id, "Thanks again")
    assert fake.replies == []


def test_replying_to_an_unknown_feedback_fails_clearly(
    server: LoopbackServer, tmp_path: Path
) -> None:
    seeded(server, 1)
    with pytest.raises(SourceError, match="no feedback nope"):
        reply(server, tmp_path, "nope", "Thanks")


def test_a_refused_token_while_replying_is_an_auth_error(
    server: LoopbackServer, tmp_path: Path
) -> None:
    server.route(
        "POST", API_PATH, lambda _r: failure("GetFeedback", "931", "Auth token is invalid.", "x")
    )
    with pytest.raises(AuthError):
        reply(server, tmp_path, "r0001", "Thanks")


# -- access tokens minted from a refresh token ------------------------------------------------

TOKEN_PATH = "/identity/v1/oauth2/token"
REFRESH = {
    "client_id": "Acme-App-PRD-1234",
    "client_secret": "PRD-cert-secret",
    "refresh_token": "v^1.1#i^1#r^1#f^0#t^refresh-secret",
    "scope": "https://api.ebay.com/oauth/api_scope",
}


def poll_refreshing(server: LoopbackServer, folder: Path, db_path: Path, **table: Any) -> Any:
    values = {"name": "ebay", "kind": "ebay", "base_url": server.base_url, **REFRESH}
    return poll_sources(folder, db_path, {**values, **table})


def refreshing(server: LoopbackServer, fake: FakeTradingApi) -> list[dict[str, list[str]]]:
    """eBay's token endpoint: mints a token for the right client and refresh token."""
    asked: list[dict[str, list[str]]] = []

    def token(request: Request) -> Response:
        form = parse_qs(request.body.decode())
        asked.append(form)
        pair = f"{REFRESH['client_id']}:{REFRESH['client_secret']}"
        if request.header("Authorization") != "Basic " + base64.b64encode(pair.encode()).decode():
            return Response(401, {"error": "invalid_client"})
        if form.get("refresh_token") != [REFRESH["refresh_token"]]:
            return Response(400, {"error": "invalid_grant", "error_description": "bad token"})
        minted = f"v^1.1#minted-{len(asked)}"
        fake.valid_tokens = {minted}  # an earlier token stops working
        return Response(200, {"access_token": minted, "expires_in": 7200, "token_type": "User"})

    server.route("POST", TOKEN_PATH, token)
    return asked


def test_a_refresh_token_mints_the_access_token_for_each_poll(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    _catalogue, fake = seeded(server, 1, 2, 5)
    asked = refreshing(server, fake)
    report = poll_refreshing(server, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 3
    assert asked == [
        {
            "grant_type": ["refresh_token"],
            "refresh_token": [REFRESH["refresh_token"]],
            "scope": [REFRESH["scope"]],
        }
    ]
    calls = server.requests_to(API_PATH)
    assert {request.header("X-EBAY-API-IAF-TOKEN") for request in calls} == {"v^1.1#minted-1"}
    report = poll_refreshing(server, tmp_path, db_path)
    assert report.sources[0].ok and len(asked) == 2  # a new token for the next poll


def test_a_minted_token_refused_later_is_minted_again(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    _catalogue, fake = seeded(server, 1, 2, 5)
    asked = refreshing(server, fake)
    # eBay revokes it between two requests of one poll: the source mints one more and goes on.
    server.route("POST", API_PATH, revoke_once(fake))
    report = poll_refreshing(server, tmp_path, db_path, entries_per_page=1)
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 3
    assert len(asked) == 2
    pages = [request_field(r, "PageNumber") for r in server.requests_to(API_PATH)]
    assert pages == ["1", "2", "2", "3"]  # page 2 again, with the new token


def revoke_once(fake: FakeTradingApi) -> Callable[[Request], Response]:
    revoked: list[bool] = []

    def handler(request: Request) -> Response:
        if not revoked and request_field(request, "PageNumber") == "2":
            revoked.append(True)
            fake.valid_tokens = set()
        return fake(request)

    return handler


def test_a_refused_refresh_token_names_what_to_fix_and_never_shows_it(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    _catalogue, fake = seeded(server, 1)
    refreshing(server, fake)
    wrong = "v^1.1#expired-refresh-secret"
    report = poll_refreshing(server, tmp_path, db_path, refresh_token=wrong)
    error = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert "`refresh_token`" in error and "invalid_grant" in error
    assert "expired-refresh-secret" not in error and REFRESH["client_secret"] not in error
    assert server.requests_to(API_PATH) == []


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ({"token": TOKEN, **REFRESH}, "token: give either `token` or a refresh token"),
        ({"refresh_token": "r", "client_id": "c", "client_secret": "s"}, "scope: is required"),
        ({}, "token: is required (or refresh_token"),
    ],
)
def test_the_token_or_the_refresh_set_is_required(
    tmp_path: Path, table: dict[str, str], problem: str
) -> None:
    config_path = write_config(tmp_path, [{"name": "ebay", "kind": "ebay", **table}])
    with pytest.raises(ConfigError) as caught:
        load_config(config_path)
    assert problem in str(caught.value)
