"""`taobao`: ratings buyers gave a Taobao / Tmall seller, through signed TOP gateway calls.

Every call is a form POST to one gateway URL carrying the system parameters (method, app_key,
session, timestamp, format, v, sign_method) and a signature over all parameters made with the
app secret. Errors come back with HTTP 200 as `{"error_response": {...}}`.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import AsyncGenerator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, ClassVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from reviewwatch.errors import AuthError, BadResponseError, RateLimitError, SourceError
from reviewwatch.models import FetchedReview, Page, Polarity, RecordProblem, utc_now
from reviewwatch.sources.base import Option, PostedReply, Source
from reviewwatch.sources.http import parse_json
from reviewwatch.sources.normalise import (
    RecordError,
    dig,
    expect_object,
    parse_time,
    since_with_overlap,
    text_or_none,
)
from reviewwatch.sources.pages import read_page

# The commonly used production gateway; not confirmed from the official docs (UNCONFIRMED).
DEFAULT_GATEWAY = "https://eco.taobao.com/router/rest"
GATEWAY_PATH = "/router/rest"
# TOP's clock, and, presumably, the zone of the `created` times (UNCONFIRMED).
CHINA = ZoneInfo("Asia/Shanghai")
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
LIST_METHOD = "taobao.traderates.get"
REPLY_METHOD = "taobao.traderate.explain.add"
FIELDS = "tid,oid,role,nick,result,created,rated_nick,item_title,item_price,content,reply,num_iid"
PAGE_SIZE = 150  # the documented maximum (an older SDK says 200; the smaller is safe)
MAX_PAGE_NO = 200
# The gateway lists at most 1500 ratings for one date window and only the last 180 days.
WINDOW_CAP = 1500
HISTORY = timedelta(days=180)
# Asking for a start right at the 180-day edge risks a refusal; an hour inside it is safe.
HISTORY_MARGIN = timedelta(hours=1)
WINDOW = timedelta(days=30)
MIN_WINDOW = timedelta(minutes=1)
# "At most 500 Chinese characters"; counting every character as one is the safe reading.
MAX_REPLY_CHARS = 500
RESULTS: Mapping[str, Polarity] = {"good": "positive", "neutral": "neutral", "bad": "negative"}

# TOP's published error codes, from its error-code table as commonly reproduced (UNCONFIRMED):
# 7 call limit; 11/12 missing permission; 25 bad signature; 26/27 missing/invalid session;
# 28/29 missing/invalid app key.
SESSION_CODES = frozenset({"26", "27"})
PERMISSION_CODES = frozenset({"11", "12"})
APP_KEY_CODES = frozenset({"28", "29"})
LIMIT_CODES = frozenset({"7"})
LIMIT_SUB_CODE = re.compile(r"access-?limit|limited|frequency|flow-?control", re.IGNORECASE)


def sign_request(params: Mapping[str, str], secret: str, method: str = "md5") -> str:
    """TOP's signature: parameters sorted by name, each as name+value, hashed with the secret.

    md5: MD5 of secret + joined + secret; hmac: HMAC-MD5 of joined, keyed with the secret.
    Upper-case hex either way. `sign` itself and empty values are left out.
    """
    joined = "".join(
        f"{key}{value}" for key, value in sorted(params.items()) if key != "sign" and value != ""
    )
    if method == "hmac":
        digest = hmac.new(secret.encode(), joined.encode(), hashlib.md5).hexdigest()
    else:
        digest = hashlib.md5(f"{secret}{joined}{secret}".encode()).hexdigest()
    return digest.upper()


class TaobaoSource(Source):
    """Ratings buyers gave the seller in the last 180 days, newest window first."""

    kind = "taobao"
    default_platform = "taobao"
    can_reply = True
    max_reply_chars = MAX_REPLY_CHARS
    supports_since = True
    limits = (
        "Only the last 180 days, and only ratings (good / neutral / bad, no stars). Polls ask "
        "for ratings created since the last poll. Explanations (replies) are a Tmall-store "
        "feature, allowed within 30 days of the rating and not after the buyer's follow-up."
    )
    options: ClassVar[Mapping[str, Option]] = {
        "app_key": Option(required=True, help="the TOP application's app key"),
        "app_secret": Option(required=True, secret=True, help="the application's secret"),
        "session": Option(required=True, secret=True, help="the seller's authorisation session"),
        "sign_method": Option(choices=("md5", "hmac"), default="md5", help="how calls are signed"),
    }

    @property
    def gateway(self) -> str:
        base = self.config.base_url
        if not base:
            return DEFAULT_GATEWAY
        # A bare host gets the gateway's path; a full gateway URL is used as it is.
        return base.rstrip("/") + GATEWAY_PATH if urlsplit(base).path in ("", "/") else base

    async def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        now = datetime.now(CHINA).replace(microsecond=0)
        floor = now - HISTORY + HISTORY_MARGIN
        start = since_with_overlap(since)
        if start is not None:
            floor = max(floor, start.astimezone(CHINA))
        # Windows go newest first. The order inside one window is not documented (UNCONFIRMED);
        # a later poll's window spans about two days and rarely holds more than one page.
        walk = _Walk(_windows(floor, now))
        while walk.windows:
            low, high = walk.windows.pop(0)
            async for page in self._walk_window(low, high, walk):
                yield page

    async def _walk_window(
        self, low: datetime, high: datetime, walk: _Walk
    ) -> AsyncGenerator[Page, None]:
        """The pages of one date window; a window at the gateway's cap is split in two."""
        listed = 0
        for page_no in range(1, MAX_PAGE_NO + 1):
            rates, has_next = await self._list(low, high, page_no)
            walk.pages += 1
            listed += len(rates)
            # Windows share their edges and a split window is read again, so a rating can come
            # twice; a page of repeats alone would look like "nothing new" and end the poll.
            page = read_page(self.name, rates, read_rate, page=walk.pages, seen=walk.seen)
            if page.reviews or page.problems:
                yield page
            # At the cap the gateway may say there is nothing more even when there is.
            if listed >= WINDOW_CAP:
                break
            if not has_next or not rates:
                return
        halves = _split(low, high)
        if halves:
            walk.windows[:0] = halves
            return
        reason = (
            f"more than {WINDOW_CAP} ratings between {low:{TIME_FORMAT}} and "
            f"{high:{TIME_FORMAT}} (China time); Taobao lists no more for one window"
        )
        yield Page((), (RecordProblem(self.name, f"window ending {high:{TIME_FORMAT}}", reason),))

    async def _list(self, low: datetime, high: datetime, page_no: int) -> tuple[list[Any], bool]:
        params = {
            "fields": FIELDS,
            "rate_type": "get",
            "role": "buyer",
            "page_no": str(page_no),
            "page_size": str(PAGE_SIZE),
            "use_has_next": "true",
            "start_date": low.strftime(TIME_FORMAT),
            "end_date": high.strftime(TIME_FORMAT),
        }
        response = dig(await self.call(LIST_METHOD, params), "traderates_get_response")
        if not isinstance(response, Mapping):
            raise BadResponseError(f"Taobao's answer to {LIST_METHOD} has no response object")
        rates = dig(response, "trade_rates.trade_rate") or []
        if not isinstance(rates, list):
            raise BadResponseError(f"Taobao's answer to {LIST_METHOD} has no trade_rate list")
        has_next = response.get("has_next")
        if has_next is None:
            return rates, len(rates) >= PAGE_SIZE
        return rates, has_next is True or str(has_next).lower() == "true"

    async def call(self, method: str, params: Mapping[str, str]) -> Any:
        """One signed gateway call; returns the parsed answer or raises the mapped error."""
        sign_method = self.config.option("sign_method") or "md5"
        form = {
            "method": method,
            "app_key": self.config.options["app_key"],
            "session": self.config.secret("session"),
            "timestamp": datetime.now(CHINA).strftime(TIME_FORMAT),
            "format": "json",
            "v": "2.0",
            "sign_method": sign_method,
            **params,
        }
        form["sign"] = sign_request(form, self.config.secret("app_secret"), sign_method)
        document = parse_json(await self.http.request("POST", self.gateway, data=form))
        error = dig(document, "error_response")
        if isinstance(error, Mapping):
            raise top_error(error, method)
        return document

    async def post_reply(self, *, external_id: str, text: str) -> PostedReply:
        """Add the seller's explanation to a rating (keyed by its sub-order id)."""
        self.check_reply_fits(text)
        if not external_id.isdigit():
            raise SourceError(
                f"Taobao ratings are keyed by sub-order number; {external_id!r} is not one"
            )
        document = await self.call(REPLY_METHOD, {"oid": external_id, "reply": text})
        success = dig(document, "traderate_explain_add_response.is_success")
        if success is not True and str(success).lower() != "true":
            raise SourceError(
                f"Taobao did not accept the explanation for {external_id}: an explanation is "
                "allowed once, within 30 days of the rating, and not after the buyer's follow-up"
            )
        return PostedReply(text=text, posted_at=utc_now())


def top_error(error: Mapping[str, Any], method: str) -> SourceError:
    """The error to raise for a gateway `error_response`; its text holds no credential."""
    code = str(error.get("code") or "").strip()
    sub_code = str(error.get("sub_code") or "").strip()
    parts = [f"code {code}" if code else "", error.get("msg"), sub_code, error.get("sub_msg")]
    detail = "; ".join(str(part) for part in parts if part)
    if code in SESSION_CODES or "session" in sub_code.lower():
        return AuthError(
            f"Taobao refused the session ({detail}): the seller's authorisation is missing, "
            "wrong or expired; authorise the app again and set the new `session`"
        )
    if code == "25":
        return AuthError(
            f"Taobao refused the signature ({detail}): check app_secret and sign_method"
        )
    if code in APP_KEY_CODES:
        return AuthError(f"Taobao refused the app key ({detail}): check app_key")
    if code in PERMISSION_CODES:
        return AuthError(
            f"Taobao refused {method} ({detail}): the app or the seller lacks permission for it"
        )
    if code in LIMIT_CODES or LIMIT_SUB_CODE.search(sub_code):
        return RateLimitError(f"Taobao's call limit is reached ({detail}); skipped for this poll")
    return SourceError(f"Taobao refused {method}: {detail or 'no reason given'}")


def read_rate(record: Any) -> FetchedReview:
    """One TradeRate as a FetchedReview: polarity from `result`, keyed on the sub-order `oid`."""
    record = expect_object(record)
    oid = record.get("oid")
    if isinstance(oid, bool) or not isinstance(oid, int | str) or not str(oid).strip():
        raise RecordError(f"oid {oid!r} is missing or not a number")
    result = str(record.get("result") or "").strip().lower()
    if result not in RESULTS:
        raise RecordError(f"result {record.get('result')!r} is not good, neutral or bad")
    return FetchedReview(
        external_id=str(oid).strip(),
        polarity=RESULTS[result],
        body=text_or_none(record.get("content")),
        author=text_or_none(record.get("nick")),
        created_at=parse_time(record.get("created"), naive_zone=CHINA),
        subject=text_or_none(record.get("item_title")),
        order_id=text_or_none(record.get("tid")),
        reply=text_or_none(record.get("reply")),
    )


@dataclass
class _Walk:
    """Where one listing stands: the date windows still to read, pages read, ratings seen."""

    windows: list[tuple[datetime, datetime]]
    pages: int = 0
    seen: set[str] = field(default_factory=set)


def _windows(floor: datetime, now: datetime) -> list[tuple[datetime, datetime]]:
    """Date windows from now back to `floor`, newest first, each at most WINDOW long."""
    windows = []
    high = now
    while high > floor:
        low = max(floor, high - WINDOW)
        windows.append((low, high))
        high = low
    return windows


def _split(low: datetime, high: datetime) -> list[tuple[datetime, datetime]]:
    """The two halves of a window, newer first; none when it is already too short to split."""
    if high - low < 2 * MIN_WINDOW:
        return []
    middle = (low + (high - low) / 2).replace(microsecond=0)
    return [(middle, high), (low, middle)]
