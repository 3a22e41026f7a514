"""What a poll tells: the flagged reviews and rating changes not yet announced, and the report
that carries them.

The marks that say what is still to tell live on the reviews themselves (set by
`store.writer` in the transaction that makes the change), so that an alert survives a poll that
dies before telling it. `to_tell` reads (and on PostgreSQL claims) them, `poll_report` puts them
in the poll's report, and `mark_announced` clears them once the report is out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from reviewwatch.models import PollReport, utc_now
from reviewwatch.poll_source import Outcome
from reviewwatch.store import dialect, get_reviews, to_text, transaction
from reviewwatch.store.connection import Connection
from reviewwatch.store.leases import poller_name

_MARKS = {"announce": "announce_version", "rating": "rating_change_version"}


def to_tell(conn: Connection, *, claim_seconds: int = 300) -> dict[str, dict[int, int]]:
    """What no poll has told yet, by review id and the version that set the mark: flagged
    reviews (`announce`) and rating changes of flagged or formerly flagged ones (`rating`).

    The marks are written in the same transaction as the change, so they survive a poll that
    dies (killed, out of memory, a crash) before its alerts were queued or its report printed.
    On PostgreSQL the marked reviews are claimed for this poller in one statement (`FOR UPDATE
    SKIP LOCKED`) until `claim_seconds` from now, so that exactly one of several pollers tells
    each; a poller that dies first leaves them to a poll after that. In SQLite the poll lock
    already makes this poll the only one.
    """
    marked = "(announce_version IS NOT NULL OR rating_change_version IS NOT NULL)"
    if dialect.dialect_of(conn) == dialect.SQLITE:
        # A UNION, so that each half reads its partial index: with OR, SQLite scans every
        # review on every poll.
        columns = "SELECT id, announce_version, rating_change_version FROM reviews"
        rows = conn.execute(
            f"{columns} WHERE announce_version IS NOT NULL"
            f" UNION {columns} WHERE rating_change_version IS NOT NULL"
        ).fetchall()
    else:
        now = utc_now()
        rows = conn.execute(
            "UPDATE reviews SET announce_claimed_by = ?, announce_claimed_until = ?"
            f" WHERE id IN (SELECT id FROM reviews WHERE {marked} AND"
            " (announce_claimed_until IS NULL OR announce_claimed_until <= ?"
            " OR announce_claimed_by = ?)" + dialect.skip_locked(conn) + ")"
            " RETURNING id, announce_version, rating_change_version",
            (
                poller_name(),
                to_text(now + timedelta(seconds=claim_seconds)),
                to_text(now),
                poller_name(),
            ),
        ).fetchall()
    rows.sort()
    return {
        "announce": {int(row[0]): int(row[1]) for row in rows if row[1] is not None},
        "rating": {int(row[0]): int(row[2]) for row in rows if row[2] is not None},
    }


def mark_announced(conn: Connection, report: PollReport) -> None:
    """Clear the "to announce" and "to tell" marks of what this report told, and on
    PostgreSQL this poller's claims on those reviews (a version marked since stays marked)."""
    if not report.announce_versions and not report.rating_change_versions:
        return
    told = {"announce": report.announce_versions, "rating": report.rating_change_versions}
    with transaction(conn):
        for kind, versions in told.items():
            column = _MARKS[kind]
            conn.executemany(
                f"UPDATE reviews SET {column} = NULL WHERE id = ? AND {column} = ?",
                list(versions.items()),
            )
        if dialect.dialect_of(conn) != dialect.SQLITE:
            reviews = {*report.announce_versions, *report.rating_change_versions}
            conn.executemany(
                "UPDATE reviews SET announce_claimed_by = NULL, announce_claimed_until = NULL"
                " WHERE id = ? AND announce_claimed_by = ?",
                [(review_id, poller_name()) for review_id in sorted(reviews)],
            )


def poll_report(
    conn: Connection, poll_id: int, outcomes: Sequence[Outcome], *, claim_seconds: int
) -> PollReport:
    """The report of poll `poll_id`: what its `outcomes` wrote, and every flagged review and
    rating change still to tell (claimed for this poller for `claim_seconds` on PostgreSQL)."""
    new = [review_id for outcome in outcomes for review_id in outcome.writes.new]
    updated = [review_id for outcome in outcomes for review_id in outcome.writes.updated]
    # Read from the marks, not from this poll's writes: they include what an earlier poll
    # flagged but died before announcing.
    marks = to_tell(conn, claim_seconds=claim_seconds)
    announce, rating_changes = marks["announce"], marks["rating"]
    return PollReport(
        poll_id=poll_id,
        sources=tuple(outcome.report for outcome in outcomes),
        new=tuple(get_reviews(conn, new)),
        updated=tuple(get_reviews(conn, updated)),
        flagged=tuple(get_reviews(conn, list(announce))),
        announce_versions=announce,
        rating_changed=tuple(get_reviews(conn, list(rating_changes))),
        rating_change_versions=rating_changes,
        baseline=sum(outcome.writes.baseline for outcome in outcomes),
        problems=tuple(problem for outcome in outcomes for problem in outcome.problems),
    )
