"""What needs the user now, after a poll: the sections of the poll report that cron mails.

Newly flagged reviews (new, or edited down into the flagged range), replies overdue, sources
failing or recovered, records skipped, mapping warnings and changes, and how many low-star
reviews wait in a first poll's baseline.

Things that last (a failing source, overdue replies, records a file keeps failing to give)
are not worth a mail every fifteen minutes. The `told` table remembers what a poll last
said about each of them, so that `--quiet` tells one when it starts, when it changes, and
once a day while it lasts (and a failing source once more when it recovers).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from reviewwatch.models import PollReport, RecordProblem, Review
from reviewwatch.store import from_text, get_reviews, to_text

if TYPE_CHECKING:
    from reviewwatch.store.connection import Connection

REMIND_EVERY = timedelta(days=1)
OVERDUE_SHOWN = 5
# Overdue means what `list --overdue` means: still new or in progress, with no reply.
OVERDUE_STATUSES = ("new", "in_progress")
FailureState = Literal["started", "changed", "ongoing"]


@dataclass(frozen=True, slots=True)
class FlaggedLine:
    """A newly flagged review; `was` is the rating before an edit brought it down."""

    review: Review
    edited: bool = False
    was_rating: int | None = None
    was_polarity: str | None = None


@dataclass(frozen=True, slots=True)
class SourceFailure:
    name: str
    error: str
    since: datetime
    state: FailureState
    told: bool


@dataclass(frozen=True, slots=True)
class Recovery:
    name: str
    since: datetime


@dataclass(frozen=True, slots=True)
class BaselineWait:
    """A source's first poll: how many reviews it stored, and how many of them are low-star."""

    source: str
    reviews: int
    flagged: int


@dataclass(frozen=True, slots=True)
class SkippedRecords:
    source: str
    problems: tuple[RecordProblem, ...]
    told: bool


@dataclass(frozen=True, slots=True)
class Attention:
    flagged: tuple[FlaggedLine, ...] = ()
    overdue: tuple[Review, ...] = ()
    overdue_total: int = 0
    overdue_told: bool = False
    failing: tuple[SourceFailure, ...] = ()
    recovered: tuple[Recovery, ...] = ()
    skipped: tuple[SkippedRecords, ...] = ()
    mapping: tuple[SkippedRecords, ...] = ()
    baselines: tuple[BaselineWait, ...] = field(default_factory=tuple)
    remapped: tuple[tuple[str, int], ...] = ()

    def anything(self, *, quiet: bool) -> bool:
        """Whether there is something to say (with `quiet`, something not yet told)."""
        if self.flagged or self.recovered or self.remapped:
            return True
        if any(wait.flagged for wait in self.baselines) or (self.baselines and not quiet):
            return True
        if quiet:
            return (
                self.overdue_told
                or any(f.told for f in self.failing)
                or any(s.told for s in self.skipped)
                or any(m.told for m in self.mapping)
            )
        return bool(self.overdue_total or self.failing or self.skipped or self.mapping)


def gather(
    conn: Connection,
    report: PollReport,
    *,
    sources: Sequence[str],
    now: datetime,
) -> Attention:
    """What needs the user after this poll, and remember what is told (in the caller's
    transaction-free connection: each update is its own statement).

    `sources` are the configured source names (overdue replies are counted over them).
    The report's flagged reviews are those the poll is to announce.
    """
    told = _load_told(conn)
    overdue_ids, overdue_total, newest_due = _overdue(conn, sources, now)
    # Told when a reply newly went overdue (a later due time), not when one was answered.
    before = told.get("overdue")
    latest = max(newest_due or "", before.detail if before is not None else "")
    overdue_told = _decide(conn, told, "overdue", latest, now, present=overdue_total > 0)
    failing, recovered = _sources(conn, report, told, now)
    return Attention(
        flagged=tuple(_flagged_lines(conn, report)),
        overdue=tuple(get_reviews(conn, overdue_ids)),
        overdue_total=overdue_total,
        overdue_told=overdue_told,
        failing=failing,
        recovered=recovered,
        skipped=tuple(_skipped(conn, report.problems, report, told, now, "skipped")),
        mapping=tuple(_skipped(conn, _warnings(report), report, told, now, "mapping")),
        baselines=tuple(_baselines(conn, report)),
        remapped=tuple((s.name, s.remapped) for s in report.sources if s.remapped),
    )


def _flagged_lines(conn: Connection, report: PollReport) -> Iterable[FlaggedLine]:
    for review in report.flagged:
        previous = conn.execute(
            "SELECT rating, polarity FROM review_versions WHERE review_id = ? AND version < ?"
            " ORDER BY version DESC LIMIT 1",
            (review.id, review.version),
        ).fetchone()
        if previous is None:
            yield FlaggedLine(review)
        else:
            yield FlaggedLine(review, edited=True, was_rating=previous[0], was_polarity=previous[1])


def _overdue(
    conn: Connection, sources: Sequence[str], now: datetime
) -> tuple[list[int], int, str | None]:
    """The oldest overdue reviews' ids, how many are overdue, and the latest due time."""
    if not sources:
        return [], 0, None
    where = (
        " FROM reviews r JOIN sources s ON s.id = r.source_id"
        " WHERE r.flagged = 1 AND r.due_at IS NOT NULL AND r.due_at <= ?"
        f" AND r.status IN ({','.join('?' * len(OVERDUE_STATUSES))})"
        " AND r.reply IS NULL AND r.removed_at IS NULL"
        f" AND s.name IN ({','.join('?' * len(sources))})"
    )
    params = (to_text(now), *OVERDUE_STATUSES, *sources)
    total, newest = conn.execute(f"SELECT count(*), max(r.due_at){where}", params).fetchone()
    rows = conn.execute(
        f"SELECT r.id{where} ORDER BY r.due_at, r.id LIMIT {OVERDUE_SHOWN}", params
    ).fetchall()
    return [row[0] for row in rows], int(total), newest


def _sources(
    conn: Connection, report: PollReport, told: dict[str, _Told], now: datetime
) -> tuple[tuple[SourceFailure, ...], tuple[Recovery, ...]]:
    failing: list[SourceFailure] = []
    recovered: list[Recovery] = []
    for source in report.sources:
        topic = f"source:{source.name}"
        before = told.get(topic)
        if source.ok:
            if before is not None:
                recovered.append(Recovery(source.name, before.since))
                _forget(conn, topic)
            continue
        error = source.error or "unknown error"
        state: FailureState = (
            "started" if before is None else "changed" if before.detail != error else "ongoing"
        )
        tell = _decide(conn, told, topic, error, now, present=True)
        since = before.since if before is not None else now
        failing.append(SourceFailure(source.name, error, since, state, tell))
    return tuple(failing), tuple(recovered)


def _skipped(
    conn: Connection,
    found: Sequence[RecordProblem],
    report: PollReport,
    told: dict[str, _Told],
    now: datetime,
    kind: str,
) -> Iterable[SkippedRecords]:
    """Skipped records (or mapping warnings) by source, each told when it starts or changes,
    and once a day while it lasts."""
    by_source: dict[str, list[RecordProblem]] = {}
    for problem in found:
        by_source.setdefault(problem.source, []).append(problem)
    for source in report.sources:
        problems = by_source.get(source.name, [])
        topic = f"{kind}:{source.name}"
        fingerprint = hashlib.sha256(
            "\n".join(f"{p.position}\t{p.reason}" for p in problems).encode()
        ).hexdigest()
        if not source.ok and not problems:
            continue  # a failed fetch says nothing about the records
        tell = _decide(conn, told, topic, fingerprint, now, present=bool(problems))
        if problems:
            yield SkippedRecords(source.name, tuple(problems), tell)


def _warnings(report: PollReport) -> list[RecordProblem]:
    """The sources' warnings (a mapped field no record has, a listing cut off ...)."""
    return [
        RecordProblem(source.name, "listing", warning)
        for source in report.sources
        for warning in source.warnings
    ]


def _baselines(conn: Connection, report: PollReport) -> Iterable[BaselineWait]:
    for source in report.sources:
        if not (source.ok and source.baseline):
            continue
        row = conn.execute(
            "SELECT count(*) FROM reviews r JOIN sources s ON s.id = r.source_id"
            " WHERE s.name = ? AND r.first_poll_id = ? AND r.baseline = 1 AND r.flagged = 1"
            " AND r.removed_at IS NULL",
            (source.name, report.poll_id),
        ).fetchone()
        yield BaselineWait(source.name, source.new, int(row[0]))


@dataclass(frozen=True, slots=True)
class _Told:
    detail: str
    since: datetime
    told_at: datetime


def _load_told(conn: Connection) -> dict[str, _Told]:
    found = {}
    for topic, detail, since, told_at in conn.execute(
        "SELECT topic, detail, since, told_at FROM told"
    ):
        since_at, told_time = from_text(since), from_text(told_at)
        assert since_at is not None and told_time is not None  # NOT NULL columns
        found[topic] = _Told(detail, since_at, told_time)
    return found


def _decide(
    conn: Connection,
    told: dict[str, _Told],
    topic: str,
    detail: str,
    now: datetime,
    *,
    present: bool,
) -> bool:
    """Whether `topic` (with `detail`) is worth telling now, remembering it if so.

    Told when it starts, when its detail changes, and once a day while it lasts; forgotten
    when it is gone.
    """
    before = told.get(topic)
    if not present:
        if before is not None:
            _forget(conn, topic)
        return False
    if before is not None and before.detail == detail and now - before.told_at < REMIND_EVERY:
        return False
    since = before.since if before is not None else now
    conn.execute(
        "INSERT INTO told (topic, detail, since, told_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (topic) DO UPDATE SET detail = excluded.detail, told_at = excluded.told_at",
        (topic, detail, to_text(since), to_text(now)),
    )
    return True


def _forget(conn: Connection, topic: str) -> None:
    conn.execute("DELETE FROM told WHERE topic = ?", (topic,))
