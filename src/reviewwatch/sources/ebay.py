"""`ebay`: feedback received as a seller, through the Trading API (`GetFeedback`, XML).

eBay feedback has no stars: each entry is Positive, Neutral or Negative, stored as a polarity
with no rating. The Trading API answers HTTP 200 even when a call fails; the failure is in the
body (`Ack` Failure with `Errors`), so every answer is checked before it is read.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import AsyncGenerator, Mapping, Sequence
from datetime import datetime
from typing import ClassVar

import httpx

from reviewwatch.errors import AuthError, BadResponseError, RateLimitError, SourceError
from reviewwatch.models import FetchedReview, Page, Polarity
from reviewwatch.sources import _api
from reviewwatch.sources.base import Option, PostedReply, Source
from reviewwatch.sources.http import page_cap_warning, parse_json, redact_url, snippet
from reviewwatch.sources.normalise import (
    RecordError,
    parse_time,
    required_text,
    text_or_none,
    time_or_none,
)
from reviewwatch.sources.pages import read_page
from reviewwatch.sources.tokens import TokenCache

DEFAULT_BASE_URL = "https://api.ebay.com"
API_PATH = "/ws/api.dll"
# The refresh token grant: https://developer.ebay.com/api-docs/static/oauth-refresh-token-request.html
TOKEN_PATH = "/identity/v1/oauth2/token"
REFRESH_KEYS = ("client_id", "client_secret", "refresh_token", "scope")
# eBay's user access tokens last two hours; used when an answer leaves out expires_in.
DEFAULT_TOKEN_LIFETIME = 7200.0
NAMESPACE = "urn:ebay:apis:eBLBaseComponents"
# The Trading API version this adapter was written against (the reference's current one).
COMPATIBILITY_LEVEL = "1451"
# eBay's documented default page size; the maximum is not confirmed, so it stays the default.
DEFAULT_ENTRIES_PER_PAGE = 25
MAX_PAGES = 100_000
# Error codes that mean the token is the problem. 931 (invalid) and 932 (hard expired) are
# the Trading API's classic token errors; 16110 (token not available) and 21916984 (IAF token
# invalid, seen with OAuth tokens that lack the Trading scope) are UNCONFIRMED. A code missing
# here still fails the poll, only with eBay's own words instead of advice about the token.
AUTH_ERROR_CODES = frozenset({"931", "932", "16110", "21916984"})
# 518: the application's call limit is used up (UNCONFIRMED code; the safe reading is to stop
# this poll and try again at the next one).
QUOTA_ERROR_CODES = frozenset({"518"})
_POLARITIES: Mapping[str, Polarity | None] = {
    "Positive": "positive",
    "Neutral": "neutral",
    "Negative": "negative",
    # A withdrawn feedback no longer counts either way, but its comment stays visible.
    "Withdrawn": None,
    "IndependentlyWithdrawn": None,
}


class EbaySource(Source):
    """Feedback received as a seller, newest first, 25 to a page.

    The token is an OAuth user access token for the seller's account, sent in the
    `X-EBAY-API-IAF-TOKEN` header: either given as `token` (it expires after about two hours),
    or minted for each poll from the seller's refresh token with the app's client id and secret.
    """

    kind = "ebay"
    default_platform = "ebay"
    can_reply = True
    max_reply_chars = 80
    supports_since = False
    complete_listing = False
    limits = (
        "eBay feedback has no stars, only Positive, Neutral or Negative. GetFeedback has no "
        "date filter and documents no sort order; eBay lists newest first (unconfirmed), and "
        "a poll stops at the first page with nothing new, so run `poll --full` now and then. "
        "A reply may have at most 80 characters (125 on the Taiwan site) and eBay forbids "
        "automated replies to negative feedback: reviewwatch posts one only after a person "
        "confirms it. A `token` expires after about two hours; a refresh token keeps working."
    )
    options: ClassVar[Mapping[str, Option]] = {
        "token": Option(secret=True, help="the seller's OAuth user access token (about 2 hours)"),
        "refresh_token": Option(
            secret=True, help="the seller's OAuth refresh token: a new access token every poll"
        ),
        "client_id": Option(secret=True, help="your app's App ID (client id), with refresh_token"),
        "client_secret": Option(
            secret=True, help="your app's Cert ID (client secret), with refresh_token"
        ),
        "scope": Option(help="the scopes the seller consented to, space-separated"),
        "site_id": Option(default="0", help="eBay site id (0: eBay US, 3: UK, 77: Germany)"),
        "entries_per_page": Option(
            "int", default=DEFAULT_ENTRIES_PER_PAGE, help="feedback entries per GetFeedback page"
        ),
    }

    @classmethod
    def check_options(cls, values: Mapping[str, object]) -> list[str]:
        problems = []
        refresh = [key for key in REFRESH_KEYS if values.get(key) is not None]
        if values.get("token") is not None and refresh:
            problems.append("token: give either `token` or a refresh token, not both")
        elif values.get("token") is None and not refresh:
            problems.append(
                "token: is required (or refresh_token, client_id, client_secret and scope)"
            )
        elif refresh:
            problems += [
                f"{key}: is required with {', '.join(refresh)}"
                for key in REFRESH_KEYS
                if key not in refresh
            ]
        site_id = values.get("site_id")
        if isinstance(site_id, str) and not site_id.isdigit():
            problems.append("site_id: must be eBay's numeric site id, e.g. 0 for eBay US")
        entries = values.get("entries_per_page")
        if isinstance(entries, int) and not 1 <= entries <= 200:
            problems.append("entries_per_page: must be from 1 to 200")
        return problems

    async def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        per_page = int(self.config.option("entries_per_page") or DEFAULT_ENTRIES_PER_PAGE)
        number = 1
        while number <= MAX_PAGES:
            root = await self._call("GetFeedback", _get_feedback_request(number, per_page))
            details = root.findall("FeedbackDetailArray/FeedbackDetail")
            yield read_page(self.name, details, read_feedback, page=number)
            total = _whole_number(root.findtext("PaginationResult/TotalNumberOfPages"))
            if not details or (total is not None and number >= total):
                return
            if total is None and len(details) < per_page:
                return
            number += 1
        yield page_cap_warning(MAX_PAGES)

    async def post_reply(self, *, external_id: str, text: str) -> PostedReply:
        """Reply publicly to one feedback with `RespondToFeedback`.

        eBay policy forbids using RespondToFeedback to answer negative feedback automatically.
        reviewwatch only drafts replies: this method is called only after a person has read
        the draft and confirmed that it should be posted, never by a poll or a rule.
        """
        self.check_reply_fits(text)
        detail = await self._find_feedback(external_id)
        target = text_or_none(detail.findtext("CommentingUser"))
        if target is None:
            raise SourceError(f"eBay did not say who left feedback {external_id}")
        if text_or_none(detail.findtext("FeedbackResponse")):
            raise SourceError(f"feedback {external_id} already has a reply; eBay allows one")
        fields = [("FeedbackID", external_id)]
        for name in ("ItemID", "TransactionID"):
            value = text_or_none(detail.findtext(name))
            if value is not None:
                fields.append((name, value))
        fields += [("TargetUserID", target), ("ResponseType", "Reply"), ("ResponseText", text)]
        root = await self._call("RespondToFeedback", _request("RespondToFeedbackRequest", fields))
        posted_at = time_or_none(root.findtext("Timestamp"))
        return PostedReply(text=text, posted_at=posted_at, platform_id=external_id)

    async def _find_feedback(self, feedback_id: str) -> ET.Element:
        # With FeedbackID set, GetFeedback ignores every other filter and returns that entry.
        request = _request(
            "GetFeedbackRequest", [("FeedbackID", feedback_id), ("DetailLevel", "ReturnAll")]
        )
        root = await self._call("GetFeedback", request)
        for detail in root.findall("FeedbackDetailArray/FeedbackDetail"):
            if detail.findtext("FeedbackID") == feedback_id:
                return detail
        raise SourceError(f"eBay has no feedback {feedback_id} for this account")

    @property
    def _base_url(self) -> str:
        return _api.base_url(self.config, DEFAULT_BASE_URL)

    @property
    def _tokens(self) -> TokenCache | None:
        """The minted access token, shared by the sources of one seller (None: a fixed token)."""
        if not self.config.secret("refresh_token"):
            return None
        secrets = map(self.config.secret, ("client_id", "client_secret", "refresh_token"))
        credential = (self._base_url + TOKEN_PATH, str(self.config.option("scope")), *secrets)
        return self.http.tokens.cache(("ebay", *credential), self._refresh_token)

    async def _refresh_token(self) -> tuple[str, float]:
        """A new user access token from the refresh token: (token, lifetime in seconds)."""
        headers = _api.basic(self.config.secret("client_id"), self.config.secret("client_secret"))
        form = {
            "grant_type": "refresh_token",
            "refresh_token": self.config.secret("refresh_token"),
            "scope": str(self.config.option("scope")),
        }
        try:
            response = await self.http.request(
                "POST", self._base_url + TOKEN_PATH, headers=headers, data=form
            )
        except RateLimitError:
            raise
        except SourceError as error:
            if error.status not in (400, 401):
                raise
            # invalid_grant: the refresh token expired (after 18 months) or was revoked, or the
            # scope asks for more than the seller consented to; invalid_client: id or secret.
            raise AuthError(
                "eBay refused the refresh token: check `client_id`, `client_secret`, "
                "`refresh_token` and `scope` (the scopes the seller consented to); a refresh "
                f"token lasts about 18 months, then the seller must consent again. {error}"
            ) from error
        return _api.token_answer(
            parse_json(response),
            where="eBay's token endpoint",
            default_lifetime=DEFAULT_TOKEN_LIFETIME,
        )

    async def _call(self, call_name: str, body: bytes) -> ET.Element:
        tokens = self._tokens
        if tokens is None:
            return await self._call_with(self.config.secret("token"), call_name, body)
        return await tokens.call(lambda token: self._call_with(token, call_name, body))

    async def _call_with(self, token: str, call_name: str, body: bytes) -> ET.Element:
        headers = {
            "X-EBAY-API-CALL-NAME": call_name,
            "X-EBAY-API-SITEID": str(self.config.option("site_id") or "0"),
            "X-EBAY-API-COMPATIBILITY-LEVEL": COMPATIBILITY_LEVEL,
            "X-EBAY-API-IAF-TOKEN": token,
            "Content-Type": "text/xml; charset=utf-8",
        }
        response = await self.http.request(
            "POST", self._base_url + API_PATH, headers=headers, content=body
        )
        root = parse_xml(response)
        check_ack(root, call_name)
        return root


def read_feedback(detail: ET.Element) -> FetchedReview:
    """One `FeedbackDetail` (namespace already stripped) as a review."""
    feedback_id = required_text(detail.findtext("FeedbackID"), "FeedbackID")
    comment_type = (detail.findtext("CommentType") or "").strip()
    if comment_type not in _POLARITIES:
        raise RecordError(f"CommentType {comment_type!r} is not Positive, Neutral or Negative")
    item_id = text_or_none(detail.findtext("ItemID"))
    transaction_id = text_or_none(detail.findtext("TransactionID"))
    order_id = text_or_none(detail.findtext("OrderLineItemID"))
    if order_id is None and item_id and transaction_id:
        # eBay's order line item id is exactly "<ItemID>-<TransactionID>".
        order_id = f"{item_id}-{transaction_id}"
    return FetchedReview(
        external_id=feedback_id,
        rating=None,
        polarity=_POLARITIES[comment_type],
        body=text_or_none(detail.findtext("CommentText")),
        author=text_or_none(detail.findtext("CommentingUser")),
        created_at=parse_time(text_or_none(detail.findtext("CommentTime"))),
        subject=text_or_none(detail.findtext("ItemTitle")) or item_id,
        order_id=order_id or transaction_id,
        reply=text_or_none(detail.findtext("FeedbackResponse")),
    )


def parse_xml(response: httpx.Response) -> ET.Element:
    """The response's XML with namespaces removed; refuses HTML, garbage and DOCTYPEs."""
    where = redact_url(response.request.url)
    content = response.content
    head = content.lstrip()[:512].lower()
    if b"<html" in head:
        raise BadResponseError(
            f"expected XML from {where} but got an HTML page ({snippet(response)}); "
            "the URL may be wrong or the service may be down"
        )
    # xml.etree expands internal entities; a DOCTYPE is the only way to declare one, and the
    # Trading API never sends one, so refusing it rules out entity-expansion attacks.
    if re.search(rb"<!DOCTYPE|<!ENTITY", content, re.IGNORECASE):
        raise BadResponseError(f"{where} sent XML with a DOCTYPE declaration; refused")
    try:
        root = ET.fromstring(content)
    except ET.ParseError as error:
        raise BadResponseError(f"{where} did not return valid XML: {error}") from error
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]
    return root


def check_ack(root: ET.Element, call_name: str) -> None:
    """Raise for `Ack` Failure: AuthError for a token problem, RateLimitError for the quota."""
    ack = (root.findtext("Ack") or "").strip()
    if ack in ("Success", "Warning"):
        return
    errors = [
        (
            (error.findtext("ErrorCode") or "").strip(),
            text_or_none(error.findtext("LongMessage"))
            or text_or_none(error.findtext("ShortMessage"))
            or "no message",
        )
        for error in root.findall("Errors")
        if (error.findtext("SeverityCode") or "Error").strip() != "Warning"
    ]
    if not ack:
        raise BadResponseError(f"eBay's {call_name} answer has no Ack")
    described = "; ".join(f"{code or '?'}: {message}" for code, message in errors) or ack
    codes = {code for code, _ in errors}
    if codes & AUTH_ERROR_CODES:
        raise AuthError(
            f"eBay refused the token ({described}): a `token` expires after about two hours; "
            "get a new one for the seller's account (with the Trading API scope), or set "
            "`refresh_token`, `client_id`, `client_secret` and `scope` so each poll gets its own"
        )
    if codes & QUOTA_ERROR_CODES:
        raise RateLimitError(
            f"eBay's call limit for this application is used up ({described}); "
            "the next poll tries again"
        )
    raise SourceError(f"eBay {call_name} failed: {described}")


def _get_feedback_request(page: int, per_page: int) -> bytes:
    return _request(
        "GetFeedbackRequest",
        [
            ("DetailLevel", "ReturnAll"),
            ("FeedbackType", "FeedbackReceivedAsSeller"),
            ("Pagination", [("EntriesPerPage", str(per_page)), ("PageNumber", str(page))]),
        ],
    )


XmlFields = Sequence[tuple[str, "str | XmlFields"]]


def _request(name: str, fields: XmlFields) -> bytes:
    """A Trading API request document; ElementTree escapes every value."""
    root = ET.Element(name, xmlns=NAMESPACE)
    _append(root, fields)
    text = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + text).encode("utf-8")


def _append(parent: ET.Element, fields: XmlFields) -> None:
    for tag, value in fields:
        child = ET.SubElement(parent, tag)
        if isinstance(value, str):
            child.text = value
        else:
            _append(child, value)


def _whole_number(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() else None
