"""The source contract: what every kind of source declares and does.

A source turns one platform's listing into pages of `FetchedReview`, newest first where the
platform allows it. The poll decides when to stop reading (it closes the iterator once a page
holds nothing new), so a source fetches lazily, one page per step, and never reads ahead.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncGenerator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Literal
from urllib.parse import urlsplit

from reviewwatch.errors import SourceError
from reviewwatch.models import Page
from reviewwatch.secrets import option_secrets, scrub

if TYPE_CHECKING:
    # Only named in annotations: importing it (and httpx) here would slow every command.
    from reviewwatch.sources.http import SourceHttp

OptionType = Literal["str", "int", "float", "bool", "str_list", "table", "path", "database"]


class Secret:
    """A credential: never shown in output, logs, exports or the database."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True, slots=True)
class Option:
    """One kind-specific config key.

    A secret option may also be given as `<key>_file` (a file holding the secret), and any
    string may be `${ENV_NAME}`.
    """

    type: OptionType = "str"
    required: bool = False
    secret: bool = False
    default: Any = None
    help: str = ""
    choices: tuple[str, ...] = ()
    # Other words users write for a choice ({"tls": "starttls"}): such a value is still
    # refused, with the choice it stands for as the hint, however unlike the two words look.
    choice_aliases: Mapping[str, str] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class SourceConfig:
    """A validated `[[sources]]` table."""

    name: str
    kind: str
    platform: str
    flag_max_stars: int
    base_url: str | None = None
    timeout: float = 30.0
    options: Mapping[str, Any] = field(default_factory=dict)
    # The `[[business]]` it belongs to (None: the config's only business).
    business: str | None = None

    def option(self, key: str) -> Any:
        return self.options.get(key)

    def secret(self, key: str) -> str:
        """The revealed value of a secret option, or '' when it is not set."""
        value = self.options.get(key)
        return value.reveal() if isinstance(value, Secret) else (value or "")


@dataclass(frozen=True, slots=True)
class PostedReply:
    """What the platform said after a reply was posted."""

    text: str
    posted_at: datetime | None = None
    platform_id: str | None = None


class Source(ABC):
    """Base class of every source kind.

    Capability flags are class attributes so that `reviewwatch sources` can state them without
    building the source:

    - `can_reply`: the platform has a reply API and this kind implements `post_reply`.
    - `max_reply_chars`: the platform's limit for a public reply (None: no documented limit).
    - `supports_since`: the platform filters by date, so a poll asks only for recent reviews.
    - `complete_listing`: each poll returns every review, so a missing one was removed.
    - `removal_detectable`: a full walk (`poll --full`) sees every review the platform still
      shows, so one that is missing was removed. False for windowed listings (Play's last
      7 days, Yelp's 3 excerpts, a report's date range), where missing means "out of view".
    - `limits`: what the source cannot see, in plain words.
    """

    kind: ClassVar[str]
    default_platform: ClassVar[str] = "generic"
    takes_platform: ClassVar[bool] = False
    network: ClassVar[bool] = True
    can_reply: ClassVar[bool] = False
    # The reply API replaces an earlier reply (documented), so `reply --post --replace` may.
    can_replace_reply: ClassVar[bool] = False
    max_reply_chars: ClassVar[int | None] = None
    supports_since: ClassVar[bool] = False
    complete_listing: ClassVar[bool] = False
    removal_detectable: ClassVar[bool] = True
    limits: ClassVar[str] = ""
    options: ClassVar[Mapping[str, Option]] = {}

    def __init__(self, config: SourceConfig, *, http: SourceHttp | None = None) -> None:
        self.config = config
        self._http = http

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def http(self) -> SourceHttp:
        if self._http is None:
            raise RuntimeError(f"source {self.name!r} needs an HTTP client")
        return self._http

    @property
    def requests_made(self) -> int:
        """How many requests this source has sent so far (0 for local kinds)."""
        return self._http.requests if self._http is not None else 0

    def scrub(self, message: str) -> str:
        """`message` with every secret of the source blanked out, in every form a platform may
        echo it in, and every credential sent so far (minted access tokens included)."""
        sent = self._http.credentials if self._http is not None else set()
        return scrub(message, option_secrets(self.config.options) | sent)

    @classmethod
    def check_options(cls, values: Mapping[str, Any]) -> list[str]:
        """Problems that involve several keys at once (each: 'key: what is wrong')."""
        return []

    @abstractmethod
    def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        """Yield pages of reviews, newest first where the platform allows.

        `since` is a time before which nothing new can be (None for a full walk); sources whose
        platform filters by date use it, others ignore it and rely on the poll's early stop.
        """

    async def post_reply(self, *, external_id: str, text: str) -> PostedReply:
        """Post a public reply; only for kinds with `can_reply`.

        Implementations call `check_reply_fits` first: a reply over the platform's limit is
        refused, never truncated.
        """
        raise NotImplementedError(f"{self.kind} has no reply API")

    def check_reply_fits(self, text: str) -> None:
        """Refuse an empty reply or one over the platform's length limit."""
        if not text.strip():
            raise SourceError("the reply is empty")
        limit = self.max_reply_chars
        if limit is not None and len(text) > limit:
            raise SourceError(
                f"the reply has {len(text)} characters; {self.kind} allows at most {limit}. "
                "Shorten it: reviewwatch never cuts a reply"
            )


def web_url_problem(url: object) -> str | None:
    """What is wrong with an http(s) URL from the config (None: nothing)."""
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return "must be an http:// or https:// URL"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port above 65535
    except ValueError as error:
        return f"is not a valid URL ({error})"
    if not parts.hostname:
        return "must name a host"
    return None


def encoding_problem(encoding: object) -> str | None:
    """What is wrong with a text encoding named in the config (None: nothing)."""
    if not isinstance(encoding, str):
        return None
    try:
        "".encode(encoding)
        b"".decode(encoding)
    except (LookupError, ValueError):  # ValueError: UnicodeError, a NUL in the name
        from reviewwatch.suggest import unknown_encoding

        return unknown_encoding(encoding)
    return None
