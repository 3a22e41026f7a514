"""`google_play`: an app's reviews through the Google Play Developer API (reviews resource)."""

from __future__ import annotations

import functools
import json
import re
import time
from collections.abc import AsyncGenerator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar
from urllib.parse import quote, quote_plus

import jwt
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from reviewwatch.errors import SourceError
from reviewwatch.models import FetchedReview, Page
from reviewwatch.sources import _api, _google
from reviewwatch.sources.base import Option, PostedReply, Secret, Source, SourceConfig
from reviewwatch.sources.http import SourceHttp, page_cap_warning
from reviewwatch.sources.normalise import RecordError, required_text, text_or_none, time_or_none

DEFAULT_BASE_URL = "https://androidpublisher.googleapis.com"
SCOPE = "https://www.googleapis.com/auth/androidpublisher"
JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
ASSERTION_LIFETIME = 3600  # the longest Google accepts
PAGE_SIZE = 100  # the API's maximum
MAX_PAGES = 10_000
MAX_REPLY_CHARS = 350
PACKAGE_PATTERN = re.compile(r"[A-Za-z][\w]*(\.[A-Za-z][\w]*)+")

ADVICE = _google.Advice(
    service="Google Play",
    unauthenticated="check that service_account_file is a current key of the service account",
    forbidden=(
        "invite the service account in Play Console (Users and permissions), give it the "
        "'Reply to reviews' permission for this app, and check package_name"
    ),
    quota=(
        "Google allows about 200 review list requests an hour and 2000 replies a day per app; "
        "poll less often"
    ),
)
TOKEN_REFUSALS: Mapping[str, str] = {
    "invalid_grant": (
        "the service account key was refused (invalid_grant): it may have been deleted or "
        "disabled, or this computer's clock is wrong. Create a new JSON key for the service "
        "account and point service_account_file at it"
    ),
    "invalid_client": (
        "the service account was not recognised (invalid_client): check that "
        "service_account_file is the JSON key of an existing service account"
    ),
    "unauthorized_client": (
        "the service account may not ask for the androidpublisher scope "
        "(unauthorized_client): check the service account in the Google Cloud console"
    ),
}


@dataclass(frozen=True, slots=True)
class ServiceAccountKey:
    """The parts of a service account's JSON key file that sign a token request."""

    client_email: str
    private_key: str
    private_key_id: str | None
    token_uri: str


def read_key(text: str) -> ServiceAccountKey:
    """Parse a JSON key file; raises ValueError naming what is wrong (never the key itself)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"is not JSON (line {error.lineno}, column {error.colno})") from None
    if not isinstance(document, Mapping):
        raise ValueError("is not a JSON key file (expected an object)")
    if document.get("type", "service_account") != "service_account":
        raise ValueError(
            f"is a {document.get('type')!r} file, not a service account key: in the Google "
            "Cloud console, create a JSON key for a service account"
        )
    missing = [
        key for key in ("client_email", "private_key") if not isinstance(document.get(key), str)
    ]
    if missing:
        raise ValueError(f"has no {' or '.join(missing)}: is it a service account's JSON key?")
    token_uri = document.get("token_uri") or _google.TOKEN_URL
    if not isinstance(token_uri, str) or not token_uri.startswith(("http://", "https://")):
        raise ValueError("token_uri must be an http:// or https:// URL")
    key_id = document.get("private_key_id")
    return ServiceAccountKey(
        client_email=document["client_email"],
        private_key=document["private_key"],
        private_key_id=key_id if isinstance(key_id, str) and key_id else None,
        token_uri=token_uri,
    )


@functools.lru_cache(maxsize=16)
def signing_key(pem: str) -> rsa.RSAPrivateKey:
    """The RSA key of a PEM text, loaded once per process.

    Loading validates the key (about 0.1 s of CPU for 2048 bits); a poll asks for a token per
    source, and every source of one service account shares the key, so the loaded key is
    kept. Raises ValueError for anything but an unencrypted RSA private key.
    """
    try:
        key = load_pem_private_key(pem.encode(), password=None)
    except (TypeError, UnsupportedAlgorithm):
        raise ValueError("not an RSA private key in PEM form") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("not an RSA private key in PEM form")
    return key


def sign_assertion(key: ServiceAccountKey, now: int) -> str:
    """The RS256-signed JWT a service account trades for an access token."""
    claims = {
        "iss": key.client_email,
        "scope": SCOPE,
        "aud": key.token_uri,
        "iat": now,
        "exp": now + ASSERTION_LIFETIME,
    }
    headers = {"kid": key.private_key_id} if key.private_key_id else None
    try:
        return jwt.encode(claims, signing_key(key.private_key), algorithm="RS256", headers=headers)
    except (ValueError, TypeError, jwt.PyJWTError):
        # The library's message may quote key material; say only what to do.
        raise _google.TokenRefusedError(
            "the private_key in service_account_file cannot be used to sign (not an RSA "
            "private key in PEM form): download a new JSON key for the service account"
        ) from None


class GooglePlaySource(Source):
    """One app's recent reviews, newest first, with replies through `reviews.reply`."""

    kind = "google_play"
    default_platform = "google_play"
    can_reply = True
    can_replace_reply = True  # the reply call creates or updates the reply
    max_reply_chars = MAX_REPLY_CHARS
    removal_detectable = False
    limits = (
        "Google Play's API shows only reviews written or edited in the last 7 days, only those "
        "with text (rating-only reviews never appear) and only for production versions; older "
        "reviews come from the Play Console CSV export (csv_file kind); a review that leaves "
        "the window is out of view, never marked removed. Play gives "
        "only the time of the latest edit, not when a review was first written. Replies: at "
        "most 350 characters; Google strips HTML tags."
    )
    options: ClassVar[Mapping[str, Option]] = {
        "package_name": Option(required=True, help="the app's package name (com.example.app)"),
        "service_account": Option(
            required=True,
            secret=True,
            help="the service account's JSON key; give the file as service_account_file",
        ),
    }

    def __init__(self, config: SourceConfig, *, http: SourceHttp | None = None) -> None:
        super().__init__(config, http=http)
        self.package_name = str(config.option("package_name"))
        self._api: _google.GoogleApi | None = None

    @classmethod
    def check_options(cls, values: Mapping[str, Any]) -> list[str]:
        problems = []
        package = values.get("package_name")
        if isinstance(package, str) and not PACKAGE_PATTERN.fullmatch(package):
            problems.append("package_name: expected a package name like com.example.app")
        secret = values.get("service_account")
        if secret is not None:
            try:
                read_key(secret.reveal() if isinstance(secret, Secret) else str(secret))
            except ValueError as error:
                problems.append(f"service_account_file: {error}")
        return problems

    @property
    def api(self) -> _google.GoogleApi:
        if self._api is None:
            # Every app of one service account shares its token.
            credential = ("google_play", self.config.secret("service_account"))
            tokens = self.http.tokens.cache(credential, self._new_token)
            self._api = _google.GoogleApi(self.http, tokens, ADVICE)
        return self._api

    async def _new_token(self) -> tuple[str, float]:
        try:
            key = read_key(self.config.secret("service_account"))
        except ValueError as error:
            raise _google.TokenRefusedError(f"service_account_file {error}") from None
        form = {"grant_type": JWT_BEARER, "assertion": sign_assertion(key, int(time.time()))}
        return await _google.exchange_token(
            self.http,
            key.token_uri,
            form,
            refusals=TOKEN_REFUSALS,
            fallback="Google refused the service account key: check service_account_file",
        )

    def _url(self, suffix: str) -> str:
        base = _api.base_url(self.config, DEFAULT_BASE_URL)
        package = quote(self.package_name, safe="")
        return f"{base}/androidpublisher/v3/applications/{package}/reviews{suffix}"

    async def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        # No date filter exists; the API lists the most recently created or edited first, so
        # the poll's stop at the first page with nothing new does the incremental work.
        page_token: str | None = None
        seen: set[str] = set()
        for number in range(1, MAX_PAGES + 1):
            params: dict[str, Any] = {"maxResults": PAGE_SIZE}
            if page_token:
                params["token"] = page_token
            document = await self.api.call("GET", self._url(""), params=params)
            items = _google.listed(document, "reviews", f"applications/{self.package_name}")
            yield _google.page_of(self.name, items, number, self._read)
            page_token = _google.next_token(document, ("tokenPagination", "nextPageToken"))
            if page_token is None or page_token in seen:
                return
            seen.add(page_token)
        yield page_cap_warning(MAX_PAGES)

    def _read(self, record: Mapping[str, Any]) -> FetchedReview:
        return read_review(record, package_name=self.package_name)

    def check_reply_fits(self, text: str) -> None:
        """Refuse an empty reply or one over 350 characters, also counted in UTF-16 units."""
        super().check_reply_fits(text)
        # Whether Play counts code points or UTF-16 units (an emoji is two) is not documented;
        # counting UTF-16 units is safe under both readings.
        units = len(text.encode("utf-16-le")) // 2
        if units > MAX_REPLY_CHARS:
            raise SourceError(
                f"the reply counts {units} characters when emoji are counted as two, as "
                f"Google may count them; Google Play allows at most {MAX_REPLY_CHARS}. Shorten "
                "it: reviewwatch never cuts a reply"
            )

    async def post_reply(self, *, external_id: str, text: str) -> PostedReply:
        """Post or replace the developer reply (`POST .../reviews/{id}:reply`)."""
        self.check_reply_fits(text)
        url = self._url(f"/{quote(external_id, safe='')}:reply")
        try:
            answer = await self.api.call("POST", url, json_body={"replyText": text})
        except SourceError as error:
            raise _google.explain(
                error, f"Google Play did not take the reply to review {external_id}"
            ) from None
        result = answer.get("result") if isinstance(answer, Mapping) else None
        result = result if isinstance(result, Mapping) else {}
        return PostedReply(
            text=text_or_none(result.get("replyText")) or text,
            posted_at=time_or_none(result.get("lastEdited")),
        )


def read_review(record: Mapping[str, Any], *, package_name: str | None = None) -> FetchedReview:
    """One Review object of the API as a FetchedReview; raises RecordError if unreadable."""
    review_id = required_text(record.get("reviewId"), "reviewId")
    user = _comment(record, "userComment")
    if user is None:
        raise RecordError("the review has no userComment")
    stars = user.get("starRating")
    if isinstance(stars, bool) or not isinstance(stars, int) or not 1 <= stars <= 5:
        raise RecordError(f"starRating {stars!r} is not a whole number from 1 to 5")
    # `originalText` appears only when a translation was asked for; keep the reviewer's words.
    title, body = split_text(text_or_none(user.get("originalText") or user.get("text")))
    modified = _google.read_time(user.get("lastModified"), "lastModified")
    developer = _comment(record, "developerComment")
    return FetchedReview(
        external_id=review_id,
        rating=stars,
        title=title,
        body=body,
        author=text_or_none(record.get("authorName")),
        # Play reports only when the latest version was written; it stands in for both times.
        created_at=modified,
        updated_at=modified,
        url=review_url(package_name, review_id),
        subject=package_name,
        reply=text_or_none(developer.get("text")) if developer else None,
        # The reviewer's device language, not necessarily the review's: a hint only.
        language=text_or_none(user.get("reviewerLanguage")),
        reply_at=time_or_none(developer.get("lastModified")) if developer else None,
    )


def split_text(text: str | None) -> tuple[str | None, str | None]:
    """(title, body): Play joins a review's title and body with a tab."""
    if text is None:
        return None, None
    if "\t" not in text:
        return None, text
    title, body = text.split("\t", 1)
    return text_or_none(title), text_or_none(body)


def review_url(package_name: str | None, review_id: str) -> str | None:
    """The app's store page with the review's id (which Play uses to show that review)."""
    if not package_name:
        return None
    # As urlencode would write it, without its per-call overhead (it runs for every review).
    return (
        "https://play.google.com/store/apps/details"
        f"?id={quote_plus(package_name)}&reviewId={quote_plus(review_id)}"
    )


def _comment(record: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
    comments = record.get("comments")
    if comments is None:
        return None
    if not isinstance(comments, list):
        raise RecordError("comments is not a list")
    for comment in comments:
        found = comment.get(key) if isinstance(comment, Mapping) else None
        if isinstance(found, Mapping):
            return found
    return None
