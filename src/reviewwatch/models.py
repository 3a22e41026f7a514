"""The plain data that flows from sources through the poll into the store and out again."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal, NamedTuple

Polarity = Literal["positive", "neutral", "negative"]
POLARITIES: tuple[str, ...] = ("positive", "neutral", "negative")
STATUSES: tuple[str, ...] = ("new", "in_progress", "replied", "resolved", "escalated", "ignored")


def utc_now() -> datetime:
    """The current time in UTC, to the second (all stored times have that precision)."""
    return datetime.now(UTC).replace(microsecond=0)


def polarity_of(rating: int | None) -> Polarity | None:
    """Polarity implied by a 1-5 star rating."""
    if rating is None:
        return None
    if rating <= 2:
        return "negative"
    if rating == 3:
        return "neutral"
    return "positive"


class FetchedReview(NamedTuple):
    """One review as a source delivers it, already normalised.

    `rating` is 1-5 where the platform has stars; `polarity` is set by platforms that only say
    positive / neutral / negative, and derived from the rating otherwise.

    A named tuple rather than a frozen dataclass: as immutable, and several times cheaper to
    build, which counts when a file source reads millions of them.
    """

    external_id: str
    rating: int | None = None
    polarity: Polarity | None = None
    title: str | None = None
    body: str | None = None
    author: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    url: str | None = None
    subject: str | None = None
    order_id: str | None = None
    reply: str | None = None
    language: str | None = None
    # When the platform says the public reply was made (or last edited), where it says so.
    reply_at: datetime | None = None
    # The platform's machine translation of the text, kept beside the reviewer's own words
    # (`body`), which are what is stored as the review and triaged.
    translation: str | None = None

    @property
    def effective_polarity(self) -> Polarity | None:
        return self.polarity or polarity_of(self.rating)


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """A record a source could not read; it is skipped and the rest are stored."""

    source: str
    position: str
    reason: str


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a listing: the reviews on it and the records that could not be read."""

    reviews: tuple[FetchedReview, ...]
    problems: tuple[RecordProblem, ...] = ()
    # Things the user should know that are not about one record (a listing cut off, a mapped
    # field that no record has).
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SentReply:
    """The reply a review got through reviewwatch: posted through the platform's API
    (`how` "posted") or posted by hand and marked replied (`how` "marked"; `text` may be
    empty)."""

    text: str
    at: datetime | None
    actor: str | None
    how: str


@dataclass(frozen=True, slots=True)
class Review:
    """A stored review: its current state plus the workflow fields."""

    id: int
    source: str
    kind: str
    platform: str
    external_id: str
    rating: int | None
    polarity: str | None
    title: str | None
    body: str | None
    author: str | None
    created_at: datetime | None
    updated_at: datetime | None
    language: str | None
    url: str | None
    subject: str | None
    order_id: str | None
    reply: str | None
    flagged: bool
    status: str
    assignee: str | None
    due_at: datetime | None
    first_seen_at: datetime
    removed_at: datetime | None
    version: int
    flagged_rating: int | None = None
    replied_at: datetime | None = None
    follow_up_at: datetime | None = None
    # The platform's own language field (often the device's locale); `language` is the one
    # detected from the text.
    language_hint: str | None = None
    translation: str | None = None  # the platform's machine translation of `body`
    business: str | None = None  # the source's [[business]], when the config names one
    # The latest reply posted or marked through reviewwatch (`reply` is what the platform shows).
    sent_reply: SentReply | None = None

    @property
    def rose_after_flag(self) -> bool:
        """The rating went up since the review was flagged (a fix or a reply worked)."""
        return (
            self.flagged_rating is not None
            and self.rating is not None
            and self.rating > self.flagged_rating
        )


@dataclass(frozen=True, slots=True)
class ReviewVersion:
    """One stored version of a review: what it said when it was seen."""

    version: int
    seen_at: datetime
    change: str
    rating: int | None
    polarity: str | None
    title: str | None
    body: str | None
    reply: str | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class SourceReport:
    """What one source's poll did."""

    name: str
    kind: str
    ok: bool
    fetched: int = 0
    new: int = 0
    updated: int = 0
    removed: int = 0
    requests: int = 0
    baseline: bool = False
    error: str | None = None
    remapped: int = 0
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PollReport:
    """What a whole poll did, source by source, with the reviews it found.

    Baseline reviews (a source's first poll) are only counted here, since there can be
    millions; `store.ReviewFilter(poll_id=..., baseline=True)` lists them.
    """

    poll_id: int
    sources: tuple[SourceReport, ...]
    new: tuple[Review, ...] = ()
    updated: tuple[Review, ...] = ()
    flagged: tuple[Review, ...] = ()
    baseline: int = 0
    problems: tuple[RecordProblem, ...] = ()
    # PostgreSQL: sources another poller held (or had polled this round); not an error.
    leased_elsewhere: tuple[str, ...] = ()
    # The flagged reviews' flagged version, by id: `flagged` holds what earlier polls flagged
    # but never announced (they died first), and the marks are cleared by these versions.
    announce_versions: Mapping[int, int] = field(default_factory=dict)
    # Flagged (or formerly flagged) reviews whose rating changed and that no poll has told yet
    # (this poll's, or a dead poll's), and the versions that changed, which clear the marks.
    rating_changed: tuple[Review, ...] = ()
    rating_change_versions: Mapping[int, int] = field(default_factory=dict)

    @property
    def failed(self) -> tuple[SourceReport, ...]:
        return tuple(report for report in self.sources if not report.ok)
