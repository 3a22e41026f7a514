"""Figures for `reviewwatch stats`: how reviews are going and how well the team answers."""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from reviewwatch.models import utc_now
from reviewwatch.store import from_text, to_text
from reviewwatch.store.connection import Connection

WINDOWS_DAYS = (30, 90, 365)
WEEKS = 8


@dataclass(frozen=True, slots=True)
class NegativeShare:
    window: str
    reviews: int
    negative: int

    @property
    def share(self) -> float | None:
        return self.negative / self.reviews if self.reviews else None


@dataclass(frozen=True, slots=True)
class Stats:
    total: int
    ratings: dict[str, int]
    negative_share: tuple[NegativeShare, ...]
    flagged: int
    answered: int
    replies_posted: int
    replies_marked: int
    median_hours_to_reply: float | None
    overdue: int
    categories_by_week: list[tuple[str, list[tuple[str, int]]]] = field(default_factory=list)
    rose_after_flag: int = 0
    rose_after_reply: int = 0
    average_rise: float | None = None
    since: str | None = None
    average_rating: float | None = None
    weekly_rating: list[WeekRating] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class WeekRating:
    """The reviews written in one week (Monday to Sunday, UTC) and their average stars."""

    week: str
    reviews: int
    average_rating: float | None


def _scope(sources: Sequence[str], businesses: Sequence[str] = ()) -> tuple[str, list[str]]:
    scope, params = "", []
    for column, names in (("name", sources), ("business", businesses)):
        if names:
            marks = ",".join("?" * len(names))
            scope += f" AND r.source_id IN (SELECT id FROM sources WHERE {column} IN ({marks}))"
            params += list(names)
    return scope, params


def compute_stats(
    conn: Connection,
    *,
    sources: Sequence[str] = (),
    businesses: Sequence[str] = (),
    now: datetime | None = None,
    since: datetime | None = None,
) -> Stats:
    """Everything `stats` shows, for all sources or the named ones (or those of the named
    businesses), for reviews written since `since` (all of them when None)."""
    moment = now or utc_now()
    scope, params = _scope(sources, businesses)
    if since is not None:
        scope += " AND r.sort_at >= ?"
        params = [*params, str(to_text(since))]
    base = f" FROM reviews r WHERE r.removed_at IS NULL{scope}"
    average = conn.execute("SELECT avg(r.rating)" + base, params).fetchone()[0]
    total = conn.execute("SELECT count(*)" + base, params).fetchone()[0]
    ratings = {
        str(key if key is not None else polarity or "none"): count
        for key, polarity, count in conn.execute(
            "SELECT r.rating, CASE WHEN r.rating IS NULL THEN r.polarity END, count(*)"
            + base
            + " GROUP BY 1, 2 ORDER BY 1 NULLS FIRST, 2 NULLS FIRST",
            params,
        )
    }
    rises = _rises(conn, base, params)
    return Stats(
        total=total,
        ratings=ratings,
        negative_share=_negative_shares(conn, base, params, moment),
        flagged=conn.execute("SELECT count(*)" + base + " AND r.flagged = 1", params).fetchone()[0],
        answered=conn.execute(
            "SELECT count(*)" + base + " AND r.flagged = 1"
            " AND (r.reply IS NOT NULL OR r.replied_at IS NOT NULL)",
            params,
        ).fetchone()[0],
        replies_posted=_count_replies(conn, scope, params, "posted"),
        replies_marked=_count_replies(conn, scope, params, "marked"),
        median_hours_to_reply=_median_hours_to_reply(conn, base, params),
        overdue=conn.execute(
            "SELECT count(*)" + base + " AND r.flagged = 1 AND r.due_at <= ?"
            " AND r.status IN ('new', 'in_progress') AND r.reply IS NULL",
            [*params, to_text(moment)],
        ).fetchone()[0],
        categories_by_week=_categories_by_week(conn, scope, params, moment),
        rose_after_flag=len(rises),
        rose_after_reply=sum(1 for _rise, replied in rises if replied),
        average_rise=round(statistics.mean(r for r, _ in rises), 2) if rises else None,
        since=to_text(since),
        average_rating=round(float(average), 2) if average is not None else None,
        weekly_rating=_weekly_rating(conn, base, params, since, moment),
    )


def _weekly_rating(
    conn: Connection,
    base: str,
    params: list[str],
    since: datetime | None,
    now: datetime,
) -> list[WeekRating]:
    """Average stars by week, from the week of `since` (or the last WEEKS weeks) to now.

    One range query per week (portable SQL, served by the index on sort_at).
    """
    this_monday = (now - timedelta(days=now.weekday())).replace(hour=0, minute=0, second=0)
    first = this_monday - timedelta(weeks=WEEKS - 1)
    if since is not None:
        first = (since - timedelta(days=since.weekday())).replace(hour=0, minute=0, second=0)
    weeks: list[WeekRating] = []
    start = first
    while start <= now and len(weeks) < 520:
        end = start + timedelta(weeks=1)
        count, average = conn.execute(
            "SELECT count(*), avg(r.rating)" + base + " AND r.sort_at >= ? AND r.sort_at < ?",
            [*params, to_text(start), to_text(end)],
        ).fetchone()
        rounded = round(float(average), 2) if average is not None else None
        weeks.append(WeekRating(start.date().isoformat(), int(count), rounded))
        start = end
    return weeks


def _negative_shares(
    conn: Connection, base: str, params: list[str], now: datetime
) -> tuple[NegativeShare, ...]:
    negative = (
        "CASE WHEN r.rating <= 2 OR (r.rating IS NULL AND r.polarity = 'negative')"
        " THEN 1 ELSE 0 END"
    )
    shares = []
    for label, since in [
        *((f"{days}d", now - timedelta(days=days)) for days in WINDOWS_DAYS),
        ("lifetime", None),
    ]:
        # A review the platform gave no date is dated by first sight; one first seen in a
        # baseline was there before reviewwatch looked, so it is in no recent window.
        clause, extra = (
            ("", [])
            if since is None
            else (
                " AND r.sort_at >= ? AND NOT (r.baseline = 1 AND r.created_at IS NULL)",
                [to_text(since)],
            )
        )
        row = conn.execute(
            f"SELECT count(*), coalesce(sum({negative}), 0)" + base + clause, [*params, *extra]
        ).fetchone()
        shares.append(NegativeShare(label, row[0], row[1]))
    return tuple(shares)


def _count_replies(conn: Connection, scope: str, params: list[str], state: str) -> int:
    row = conn.execute(
        # A review marked replied twice (before that was refused) counts once.
        "SELECT count(DISTINCT p.review_id) FROM replies p JOIN reviews r ON r.id = p.review_id"
        f" WHERE p.state = ?{scope}",
        [state, *params],
    ).fetchone()
    return int(row[0])


def _median_hours_to_reply(conn: Connection, base: str, params: list[str]) -> float | None:
    hours = []
    for first_seen, replied in conn.execute(
        "SELECT r.first_seen_at, r.replied_at" + base + " AND r.flagged_rating IS NOT NULL"
        " AND r.replied_at IS NOT NULL AND r.baseline = 0",
        params,
    ):
        start, end = from_text(first_seen), from_text(replied)
        if start and end:
            # A reply the platform dates before reviewwatch first saw the review took no time
            # that reviewwatch could measure.
            hours.append(max(0.0, (end - start).total_seconds() / 3600))
    return round(statistics.median(hours), 1) if hours else None


def _categories_by_week(
    conn: Connection, scope: str, params: list[str], now: datetime
) -> list[tuple[str, list[tuple[str, int]]]]:
    """The top complaint categories of flagged reviews, week by week (ISO weeks), newest last."""
    since = now - timedelta(weeks=WEEKS)
    weeks: dict[str, Counter[str]] = {}
    for sort_at, categories in conn.execute(
        "SELECT r.sort_at, t.categories FROM triage t JOIN reviews r ON r.id = t.review_id"
        f" WHERE r.flagged = 1 AND r.sort_at >= ?{scope}",
        [to_text(since), *params],
    ):
        moment = from_text(sort_at)
        if moment is None:
            continue
        year, week, _ = moment.isocalendar()
        weeks.setdefault(f"{year}-W{week:02d}", Counter()).update(list(json.loads(categories)))
    return [(week, counter.most_common(3)) for week, counter in sorted(weeks.items())]


def _rises(conn: Connection, base: str, params: list[str]) -> list[tuple[int, bool]]:
    """Flagged reviews whose rating rose since: (by how much, whether they had a reply)."""
    rows = conn.execute(
        "SELECT r.rating - r.flagged_rating, r.replied_at IS NOT NULL OR r.reply IS NOT NULL"
        + base
        + " AND r.flagged_rating IS NOT NULL AND r.rating > r.flagged_rating",
        params,
    ).fetchall()
    return [(int(rise), bool(replied)) for rise, replied in rows]
