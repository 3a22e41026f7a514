"""What is worth telling someone after a poll: the notification events.

Four kinds, each with a dedupe key that makes it unique for as long as it means the same thing,
so that the outbox can deliver every event exactly once per notifier:

- `flagged`: a review the poll flagged (new, or an edit that dropped into the flagged range);
  `flagged:{id}:{version}`.
- `rating_changed`: a flagged (or formerly flagged) review whose rating changed;
  `rating_changed:{id}:{version}`.
- `overdue`: a flagged review still waiting for a reply after its due time;
  `overdue:{id}:{due_at}` (a new due time, after the review is flagged again, alerts again).
- `source_failing`: a source whose fetch failed in this poll (`source_failing:{name}:{date}`)
  or that has not been fetched successfully for `stale_after_hours`
  (`source_silent:{name}:{date}`): at most one of each a day per source.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Literal

from reviewwatch.config import Config
from reviewwatch.models import PollReport, Review
from reviewwatch.notify.text import local_time, one_line, scrub, stars_label
from reviewwatch.secrets import option_secrets
from reviewwatch.store import from_text, get_reviews, to_text
from reviewwatch.store.connection import Connection

EventKind = Literal["flagged", "overdue", "source_failing", "rating_changed"]
EVENT_KINDS: tuple[EventKind, ...] = ("flagged", "overdue", "source_failing", "rating_changed")
# Statuses that still wait for someone to act; the others are handled or deliberately parked.
_OPEN_STATUSES = ("new", "in_progress")


@dataclass(frozen=True, slots=True)
class Event:
    """One thing to tell the user; `summary` is a cleaned line fit for a subject or a title."""

    kind: EventKind
    dedupe_key: str
    source: str
    summary: str
    review: Review | None = None
    previous_rating: int | None = None
    error: str | None = None
    last_success_at: datetime | None = None
    # A machine translation of the review ({"language", "text", "model"}), with [ai].
    translation: Mapping[str, str] | None = None
    # [settings] timezone: the zone every time in the alert is shown in.
    timezone: str = "UTC"


def collect_events(
    conn: Connection, report: PollReport, *, config: Config, now: datetime
) -> list[Event]:
    """The events after a poll: from its report, and from the state of the database at `now`.

    Overdue replies and silent sources are read from the database, so they are found by any
    poll, whichever sources it fetched.
    """
    failed = {source.name for source in report.failed}
    zone = config.settings.timezone
    events = [
        *flagged_events(report),
        *rating_changed_events(conn, report, config=config),
        *overdue_events(conn, config=config, now=now),
        *source_events(conn, report, config=config, now=now),
        *silent_events(conn, config=config, now=now, skip=failed),
    ]
    return [replace(event, timezone=zone) for event in events]


def flagged_events(report: PollReport) -> Iterator[Event]:
    """One event per flagged review not yet announced (by this poll, or one that died)."""
    for review in report.flagged:
        version = report.announce_versions.get(review.id, review.version)
        yield Event(
            kind="flagged",
            dedupe_key=f"flagged:{review.id}:{version}",
            source=review.source,
            summary=f"New {_stars(review)} review on {review.source}: {_words(review)}",
            review=review,
        )


def rating_changed_events(
    conn: Connection, report: PollReport, *, config: Config
) -> Iterator[Event]:
    """Updated reviews whose rating changed and that are, or were until now, flagged."""
    for review in report.updated:
        previous = conn.execute(
            "SELECT rating, polarity FROM review_versions WHERE review_id = ? AND version < ?"
            " ORDER BY version DESC LIMIT 1",
            (review.id, review.version),
        ).fetchone()
        if previous is None:
            continue
        old_rating, old_polarity = previous
        changed = old_rating != review.rating or (
            review.rating is None and old_polarity != review.polarity
        )
        threshold = _flag_max_stars(config, review.source)
        if not changed or not (review.flagged or _is_flagged(old_rating, old_polarity, threshold)):
            continue
        was = stars_label(old_rating, old_polarity)
        yield Event(
            kind="rating_changed",
            dedupe_key=f"rating_changed:{review.id}:{review.version}",
            source=review.source,
            summary=(
                f"Rating changed from {was} to {_stars(review)} on {review.source}: "
                f"{_words(review)}"
            ),
            review=review,
            previous_rating=old_rating,
        )


def overdue_events(conn: Connection, *, config: Config, now: datetime) -> Iterator[Event]:
    """Flagged, open, unanswered reviews of the configured sources whose due time has passed."""
    names = [source.name for source in config.sources]
    if not names:
        return
    rows = conn.execute(
        "SELECT r.id FROM reviews r JOIN sources s ON s.id = r.source_id"
        " WHERE r.flagged = 1 AND r.due_at IS NOT NULL AND r.due_at <= ?"
        f" AND r.status IN ({','.join('?' * len(_OPEN_STATUSES))})"
        " AND r.reply IS NULL AND r.removed_at IS NULL"
        f" AND s.name IN ({','.join('?' * len(names))}) ORDER BY r.due_at, r.id",
        (to_text(now), *_OPEN_STATUSES, *names),
    ).fetchall()
    zone = config.settings.timezone
    for review in get_reviews(conn, [row[0] for row in rows]):
        assert review.due_at is not None  # selected for it
        yield Event(
            kind="overdue",
            dedupe_key=f"overdue:{review.id}:{to_text(review.due_at)}",
            source=review.source,
            summary=(
                f"Reply overdue since {local_time(review.due_at, zone)}: {_stars(review)} "
                f"review #{review.id} on {review.source}: {_words(review)}"
            ),
            review=review,
        )


def source_events(
    conn: Connection, report: PollReport, *, config: Config, now: datetime
) -> Iterator[Event]:
    """One event a day per source whose fetch failed in this poll."""
    successes = _last_successes(conn)
    stale = timedelta(hours=config.settings.stale_after_hours)
    for source in report.failed:
        # Source errors name no credential by design; scrub anyway, as they leave the machine.
        error = one_line(scrub(source.error or "", _secrets(config, source.name)), 300)
        error = error or "unknown error"
        last = successes.get(source.name)
        summary = f"Source {source.name} failed: {error}"
        if last is None or now - last >= stale:
            since = f"since {local_time(last, config.settings.timezone)}" if last else "yet"
            summary += f" (no successful fetch {since})"
        yield Event(
            kind="source_failing",
            dedupe_key=f"source_failing:{source.name}:{_day(now)}",
            source=source.name,
            summary=summary,
            error=error,
            last_success_at=last,
        )


def silent_events(
    conn: Connection, *, config: Config, now: datetime, skip: Sequence[str] | set[str]
) -> Iterator[Event]:
    """One event a day per configured source not fetched successfully for `stale_after_hours`.

    A source that has never succeeded is left to `source_events` (it fails every time it is
    polled), and so are the sources in `skip`, which failed in this poll: one alert is enough.
    """
    hours = config.settings.stale_after_hours
    successes = _last_successes(conn)
    for source in config.sources:
        last = successes.get(source.name)
        if source.name in skip or last is None or now - last < timedelta(hours=hours):
            continue
        idle = int((now - last).total_seconds() // 3600)
        yield Event(
            kind="source_failing",
            dedupe_key=f"source_silent:{source.name}:{_day(now)}",
            source=source.name,
            summary=(
                f"Source {source.name} has not been fetched successfully for {idle} h "
                f"(since {local_time(last, config.settings.timezone)})"
            ),
            last_success_at=last,
        )


def _last_successes(conn: Connection) -> dict[str, datetime]:
    # Read directly rather than through store.source_states: that one also counts every
    # source's reviews, which this does not need.
    rows = conn.execute("SELECT name, last_success_at FROM sources")
    found: dict[str, datetime] = {}
    for name, text in rows:
        moment = from_text(text)
        if moment is not None:
            found[name] = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    return found


def _secrets(config: Config, source: str) -> set[str]:
    """Every configured secret of the source, in every form a platform may echo it in."""
    configured = config.source(source)
    return option_secrets(configured.options) if configured is not None else set()


def _flag_max_stars(config: Config, source: str) -> int:
    configured = config.source(source)
    return configured.flag_max_stars if configured else config.settings.flag_max_stars


def _is_flagged(rating: int | None, polarity: str | None, threshold: int) -> bool:
    if rating is not None:
        return rating <= threshold
    return polarity == "negative"


def _stars(review: Review) -> str:
    return stars_label(review.rating, review.polarity)


def _words(review: Review) -> str:
    return one_line(review.title or review.body, 80) or "(no text)"


def _day(now: datetime) -> str:
    return now.astimezone(UTC).date().isoformat()
