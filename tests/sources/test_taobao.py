"""`taobao` against a loopback TOP gateway: the contract, plus signing, errors and windows."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs
from zoneinfo import ZoneInfo

import pytest

from reviewwatch.config import load_config
from reviewwatch.errors import AuthError, RateLimitError, SourceError
from reviewwatch.location import Location
from reviewwatch.poll import build_sources
from reviewwatch.sources import taobao
from reviewwatch.sources.http import new_client
from reviewwatch.sources.taobao import read_rate, sign_request, top_error
from reviewwatch.store import ReviewFilter, connect, iter_reviews
from tests.conftest import FAST_RETRY, write_config
from tests.loopback import LoopbackServer, Request, Response
from tests.sources.contract import BASE_TIME, Catalogue, FakeReview, SourceContract
from tests.sources.helpers import poll_sources

GATEWAY = "/router/rest"
APP_KEY = "12345678"
APP_SECRET = "top-secret-0f9e"
SESSION = "6100a1b2c3d4-session"
CHINA = ZoneInfo("Asia/Shanghai")
# The catalogue's times are fixed; moved to one to two days ago, a since-filter keeps them.
SHIFT = timedelta(days=(datetime.now(UTC) - BASE_TIME).days - 1)


class NumericCatalogue(Catalogue):
    """Taobao keys ratings on the numeric sub-order id (`oid`)."""

    def add(self, rating: int = 4, **values: Any) -> FakeReview:
        values.setdefault("id", str(3_900_000_000_000 + self._counter + 1))
        return super().add(rating, **values)


def expected_sign(form: dict[str, str], secret: str) -> str:
    """TOP's signature, written out here independently of the adapter."""
    text = "".join(k + form[k] for k in sorted(form) if k != "sign")
    if form["sign_method"] == "hmac":
        return hmac.new(secret.encode(), text.encode(), "md5").hexdigest().upper()
    return hashlib.md5((secret + text + secret).encode()).hexdigest().upper()


def china(moment: datetime) -> str:
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")


def render(review: FakeReview, catalogue: Catalogue) -> dict[str, Any]:
    """A TradeRate as the gateway returns it (fields of the SDK's TradeRate model)."""
    result = "bad" if review.rating <= 2 else "neutral" if review.rating == 3 else "good"
    record: dict[str, Any] = {
        "tid": int(review.id) - 7,
        "oid": int(review.id),
        "role": "buyer",
        "result": result,
        "created": china(review.created + SHIFT),
        "rated_nick": "acme旗舰店",
        "item_title": "亚麻衬衫 Linen shirt",
        "item_price": "59.00",
        "num_iid": 60123456789,
        "valid_score": True,
        **catalogue.extra_fields,
    }
    if review.id in catalogue.malformed:
        record["result"] = "excellent"
    if review.body is not None:
        record["content"] = review.body
    if review.author is not None:
        record["nick"] = review.author
    if review.reply is not None:
        record["reply"] = review.reply
    return record


@dataclass
class FakeGateway:
    """The TOP gateway: checks every call's system parameters and signature."""

    catalogue: Catalogue
    page_size: int
    window_cap: int = 10_000
    error: dict[str, Any] | None = None
    explained: list[dict[str, str]] = field(default_factory=list)

    def handle(self, request: Request) -> Response:
        form = {k: v[0] for k, v in parse_qs(request.body.decode(), keep_blank_values=True).items()}
        if form.get("sign") != expected_sign(form, APP_SECRET):
            return Response(200, {"error_response": {"code": 25, "msg": "Invalid signature"}})
        assert (form["app_key"], form["session"], form["format"], form["v"]) == (
            APP_KEY,
            SESSION,
            "json",
            "2.0",
        )
        sent = datetime.strptime(form["timestamp"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA)
        assert abs(sent - datetime.now(UTC)) < timedelta(minutes=2)  # China time, not UTC
        if self.error is not None:
            return Response(200, {"error_response": self.error})
        if form["method"] == "taobao.traderate.explain.add":
            self.explained.append(form)
            return Response(200, {"traderate_explain_add_response": {"is_success": True}})
        assert form["method"] == "taobao.traderates.get"
        return Response(200, self.listing(form))

    def listing(self, form: dict[str, str]) -> dict[str, Any]:
        assert (form["rate_type"], form["role"], form["use_has_next"]) == ("get", "buyer", "true")
        assert "oid" in form["fields"].split(",")
        low = datetime.strptime(form["start_date"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA)
        high = datetime.strptime(form["end_date"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA)
        assert high - low <= timedelta(days=30)
        rates = [r for r in self.catalogue.newest_first() if low <= r.created + SHIFT <= high]
        rates = rates[: self.window_cap]  # the gateway lists no more for one window
        page, size = int(form["page_no"]), min(int(form["page_size"]), self.page_size)
        chunk = rates[(page - 1) * size : page * size]
        body: dict[str, Any] = {"has_next": page * size < len(rates), "request_id": "abc"}
        if chunk:
            body["trade_rates"] = {"trade_rate": [render(r, self.catalogue) for r in chunk]}
        return {"traderates_get_response": body}


class TestTaobaoContract(SourceContract):
    kind = "taobao"
    list_path = GATEWAY
    json_text = False  # the fake gateway writes its JSON as UTF-8 text
    catalogue_class = NumericCatalogue

    def install(self, server: LoopbackServer, catalogue: Catalogue) -> None:
        server.route("POST", GATEWAY, FakeGateway(catalogue, self.page_size).handle)

    def source_table(self, server: LoopbackServer, folder: Path) -> dict[str, Any]:
        return {
            "base_url": server.base_url,
            "app_key": APP_KEY,
            "app_secret": APP_SECRET,
            "session": SESSION,
        }

    def test_new_and_edited_reviews_are_reported_and_flagged(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Location
    ) -> None:
        """Taobao has no stars: a rating is good / neutral / bad, so the checks are on
        polarity (a 1-star fake is rendered `bad`)."""
        self.poll(config_path, db_path)
        fresh = catalogue.add(1, body="Arrived broken")
        newest_old = catalogue.newest_first()[1]
        catalogue.edit(newest_old.id, rating=1, body="Changed my mind: it broke")
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert [review.external_id for review in report.new] == [fresh.id]
        assert [review.external_id for review in report.updated] == [newest_old.id]
        assert {review.external_id for review in report.flagged} == {fresh.id, newest_old.id}
        edited = report.updated[0]
        assert (edited.version, edited.rating, edited.polarity) == (2, None, "negative")

    def test_missing_optional_fields_are_stored_as_empty(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        """No stars on Taobao: a 2-star fake is a `bad` rating with no star value."""
        bare = catalogue.add(2, title=None, body=None, author=None)
        self.poll(config_path, db_path)
        conn = connect(db_path)
        stored = next(r for r in iter_reviews(conn, ReviewFilter()) if r.external_id == bare.id)
        assert (stored.title, stored.body, stored.author) == (None, None, None)
        assert (stored.rating, stored.polarity, stored.flagged) == (None, "negative", True)

    def test_a_reply_is_posted_as_the_platform_wants(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        """Every TOP call, listing included, is a POST to the one gateway URL, so the reply is
        told apart by its `method` parameter rather than by HTTP method and path."""
        self.poll(config_path, db_path)
        target = catalogue.newest_first()[0]
        text = "感谢您的反馈，我们会尽快为您处理。Thank you for telling us."
        config = load_config(config_path)

        async def post() -> None:
            async with new_client() as client:
                source = build_sources(config.sources, lambda: client, FAST_RETRY)[0]
                await source.post_reply(external_id=target.id, text=text)
                with pytest.raises(SourceError, match="at most 500"):
                    await source.post_reply(external_id=target.id, text="好" * 501)

        asyncio.run(post())
        forms = [parse_qs(r.body.decode()) for r in server.requests_to(GATEWAY)]
        replies = [f for f in forms if f["method"] == ["taobao.traderate.explain.add"]]
        assert len(replies) == 1
        assert (replies[0]["oid"], replies[0]["reply"]) == ([target.id], [text])


def poll(server: LoopbackServer, folder: Path, db_path: Path, **extra: Any) -> Any:
    table = {
        "name": "tb",
        "kind": "taobao",
        "base_url": server.base_url,
        "app_key": APP_KEY,
        "app_secret": APP_SECRET,
        "session": SESSION,
        **extra,
    }
    return poll_sources(folder, db_path, table)


def gateway(server: LoopbackServer, count: int = 7, **options: Any) -> FakeGateway:
    catalogue = NumericCatalogue()
    for number in range(count):
        catalogue.add((5, 4, 1, 3, 5, 2, 4)[number % 7])
    fake = FakeGateway(catalogue, 3, **options)
    server.route("POST", GATEWAY, fake.handle)
    return fake


def test_the_md5_signature_matches_a_known_answer() -> None:
    params = {
        "method": "taobao.traderates.get",
        "app_key": "12345",
        "v": "2.0",
        "sign": "x",
        "sign_method": "md5",
        "page_no": "1",
        "empty": "",
    }
    text = "app_key12345methodtaobao.traderates.getpage_no1sign_methodmd5v2.0"
    assert (
        sign_request(params, "s3cret")
        == hashlib.md5(f"s3cret{text}s3cret".encode()).hexdigest().upper()
    )
    hmac_params = params | {"sign_method": "hmac"}
    hmac_text = text.replace("md5", "hmac")
    assert (
        sign_request(hmac_params, "s3cret", "hmac")
        == hmac.new(b"s3cret", hmac_text.encode(), hashlib.md5).hexdigest().upper()
    )
    assert sign_request(params, "s3cret") != sign_request(params, "other")


@pytest.mark.parametrize("method", ["md5", "hmac"])
def test_every_call_is_signed_as_the_gateway_checks(
    server: LoopbackServer, tmp_path: Path, db_path: Path, method: str
) -> None:
    gateway(server)
    report = poll(server, tmp_path, db_path, sign_method=method)
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 7
    methods = {parse_qs(r.body.decode())["sign_method"][0] for r in server.requests}
    assert methods == {method}


def test_a_wrong_secret_is_a_signature_error(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    gateway(server)
    report = poll(server, tmp_path, db_path, app_secret="not-it")
    error = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert "app_secret" in error and "not-it" not in error and SESSION not in error


@pytest.mark.parametrize(
    ("error", "kind", "words"),
    [
        (
            {"code": 27, "msg": "Invalid session", "sub_code": "invalid-sessionkey"},
            AuthError,
            "set the new `session`",
        ),
        ({"code": 26, "msg": "Missing session"}, AuthError, "session"),
        ({"code": 29, "msg": "Invalid app Key"}, AuthError, "check app_key"),
        ({"code": 11, "msg": "Insufficient isv permissions"}, AuthError, "lacks permission"),
        (
            {
                "code": 7,
                "msg": "App Call Limited",
                "sub_code": "accesscontrol.limited-by-app-access-count",
                "sub_msg": "This ban will last for 1 more seconds",
            },
            RateLimitError,
            "call limit",
        ),
        (
            {
                "code": 15,
                "msg": "Remote service error",
                "sub_code": "isv.invalid-parameter",
                "sub_msg": "start_date is too old",
            },
            SourceError,
            "start_date is too old",
        ),
    ],
)
def test_gateway_errors_are_mapped(error: dict[str, Any], kind: type, words: str) -> None:
    mapped = top_error(error, "taobao.traderates.get")
    assert type(mapped) is kind
    assert words in str(mapped) and str(error["code"]) in str(mapped)


def test_an_expired_session_fails_the_poll_clearly(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    gateway(server, error={"code": 27, "msg": "Invalid session", "sub_code": "session-expired"})
    report = poll(server, tmp_path, db_path)
    error = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert "authorise the app again" in error and SESSION not in error
    assert len(server.requests) == 1  # an error in the body is final, not retried


def test_a_rating_normalises_in_china_time() -> None:
    record = {
        "oid": 3900000000123,
        "tid": 3900000000100,
        "result": "bad",
        "nick": "t**1",
        "created": "2026-11-20 20:00:00",
        "content": "质量太差",
        "item_title": "亚麻衬衫",
        "reply": "非常抱歉",
        "rated_nick": "acme旗舰店",
        "item_price": "59.00",
    }
    review = read_rate(record)
    assert review.external_id == "3900000000123" and review.order_id == "3900000000100"
    assert (review.rating, review.polarity) == (None, "negative")
    assert review.created_at == datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    assert (review.body, review.author, review.subject, review.reply) == (
        "质量太差",
        "t**1",
        "亚麻衬衫",
        "非常抱歉",
    )
    assert read_rate(record | {"result": "good"}).polarity == "positive"
    assert read_rate(record | {"result": "neutral"}).polarity == "neutral"


def test_a_later_poll_asks_only_for_recent_ratings(
    server: LoopbackServer, tmp_path: Path, db_path: Path
) -> None:
    gateway(server)
    first = poll(server, tmp_path, db_path)
    assert first.sources[0].ok, first.sources[0].error
    # A full walk covers the 180 days the gateway keeps, newest window first, 30 days at most.
    windows = [parse_qs(r.body.decode()) for r in server.requests]
    starts = [w["start_date"][0] for w in windows if w["page_no"] == ["1"]]
    assert starts == sorted(starts, reverse=True) and len(starts) == 6
    server.requests.clear()
    before = datetime.now(UTC)
    report = poll(server, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    [only] = [parse_qs(r.body.decode()) for r in server.requests]
    start = datetime.strptime(only["start_date"][0], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA)
    assert abs(start - (before - timedelta(hours=48))) < timedelta(minutes=2)


def test_a_window_at_the_gateway_cap_is_split(
    server: LoopbackServer, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(taobao, "WINDOW_CAP", 6)
    gateway(server, count=20, window_cap=6)
    report = poll(server, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 20 and report.problems == ()


def test_a_window_that_cannot_be_split_is_reported(
    server: LoopbackServer, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(taobao, "WINDOW_CAP", 6)
    fake = gateway(server, count=0, window_cap=6)
    for _ in range(8):
        fake.catalogue.add(1, created=BASE_TIME)  # eight ratings in the same second
    report = poll(server, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert report.baseline == 6
    assert report.problems and all("more than 6 ratings" in p.reason for p in report.problems)


def reply(server: LoopbackServer, folder: Path, oid: str, text: str) -> None:
    table = {
        "name": "tb",
        "kind": "taobao",
        "base_url": server.base_url + GATEWAY,
        "app_key": APP_KEY,
        "app_secret": APP_SECRET,
        "session": SESSION,
    }
    config = load_config(write_config(folder, [table]))

    async def post() -> None:
        async with new_client() as client:
            source = build_sources(config.sources, lambda: client, FAST_RETRY)[0]
            await source.post_reply(external_id=oid, text=text)

    asyncio.run(post())


def test_a_reply_of_500_characters_is_posted_to_a_full_gateway_url(
    server: LoopbackServer, tmp_path: Path
) -> None:
    fake = gateway(server)
    reply(server, tmp_path, "3900000000001", "好" * 500)
    assert [f["reply"] for f in fake.explained] == ["好" * 500]


def test_a_refused_explanation_says_why(server: LoopbackServer, tmp_path: Path) -> None:
    server.route(
        "POST",
        GATEWAY,
        lambda _r: Response(200, {"traderate_explain_add_response": {"is_success": False}}),
    )
    with pytest.raises(SourceError, match="within 30 days"):
        reply(server, tmp_path, "3900000000001", "抱歉")


def test_a_split_window_read_again_does_not_end_a_poll_early(
    server: LoopbackServer, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a split, the newer half lists ratings already listed in this poll; a page of such
    repeats must not reach the poll, which would take it for "nothing new" and stop."""
    monkeypatch.setattr(taobao, "WINDOW_CAP", 6)
    fake = gateway(server, count=1, window_cap=6)
    poll(server, tmp_path, db_path)
    now = datetime.now(UTC)
    fresh = [
        fake.catalogue.add(1, created=now - SHIFT - timedelta(hours=1 + 2 * n)) for n in range(12)
    ]
    report = poll(server, tmp_path, db_path)
    assert report.sources[0].ok, report.sources[0].error
    assert {review.external_id for review in report.new} == {review.id for review in fresh}
