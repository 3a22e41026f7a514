"""Reading reviews back: filters, the newest-first listing, one review and its history."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from reviewwatch.errors import NotFoundError
from reviewwatch.models import Review, ReviewVersion, SentReply
from reviewwatch.store import dialect
from reviewwatch.store.connection import Connection, Cursor, from_text, to_text


def sent_reply_sql(column: str) -> str:
    """SQL for one column (`text`, `posted_at`, `actor`, `state`) of review `r`'s reply sent
    through reviewwatch: the latest posted or marked one (NULL when there is none)."""
    return (
        f"(SELECT p.{column} FROM replies p WHERE p.review_id = r.id"
        " AND p.state IN ('posted', 'marked') ORDER BY p.id DESC LIMIT 1)"
    )


# Posting and marking a reply set `replied_at`, which nothing clears: a review without it has
# no sent reply, and most reviews skip the look-up.
NEVER_REPLIED = "r.replied_at IS NULL"
_SENT_REPLY_COLUMNS = ", ".join(
    f"CASE WHEN {NEVER_REPLIED} THEN NULL ELSE {sent_reply_sql(column)} END"
    for column in ("text", "posted_at", "actor", "state")
)

REVIEW_COLUMNS = (
    "r.id, s.name, s.kind, s.platform, r.external_id, r.rating, r.polarity, r.title, r.body,"
    " r.author, r.created_at, r.updated_at, r.language, r.url, r.subject, r.order_id, r.reply,"
    " r.flagged, r.status, r.assignee, r.due_at, r.first_seen_at, r.removed_at, r.version,"
    " r.flagged_rating, r.replied_at, r.follow_up_at, r.translation, s.business,"
    " r.language_hint, " + _SENT_REPLY_COLUMNS
)
_FROM = " FROM reviews r JOIN sources s ON s.id = r.source_id"


@dataclass(frozen=True, slots=True)
class ReviewFilter:
    """The filters that `list` and `export` share."""

    sources: Sequence[str] = ()
    businesses: Sequence[str] = ()
    flagged: bool = False
    statuses: Sequence[str] = ()
    max_stars: int | None = None
    min_stars: int | None = None
    since: datetime | None = None
    language: str | None = None
    limit: int | None = None
    poll_id: int | None = None
    baseline: bool | None = None
    assignee: str | None = None
    overdue_at: datetime | None = None
    follow_up_due_at: datetime | None = None
    ids: Sequence[int] = field(default_factory=tuple)
    categories: Sequence[str] = ()
    subject: str | None = None
    author: str | None = None
    removed: bool | None = None
    search: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.sources:
            clauses.append(f"s.name IN ({','.join('?' * len(self.sources))})")
            params += list(self.sources)
        if self.businesses:
            clauses.append(f"s.business IN ({','.join('?' * len(self.businesses))})")
            params += list(self.businesses)
        if self.flagged:
            clauses.append("r.flagged = 1")
        if self.statuses:
            clauses.append(f"r.status IN ({','.join('?' * len(self.statuses))})")
            params += list(self.statuses)
        if self.max_stars is not None:
            clauses.append("r.rating <= ?")
            params.append(self.max_stars)
        if self.min_stars is not None:
            clauses.append("r.rating >= ?")
            params.append(self.min_stars)
        if self.since is not None:
            clauses.append("r.sort_at >= ?")
            params.append(to_text(self.since))
        if self.language:
            # "zh" also finds "zh-Hant" and "zh-Hans"; "zh-Hant" finds only itself.
            code = self.language.replace("_", "-").lower()
            clauses.append("(lower(r.language) = ? OR lower(r.language) LIKE ?)")
            params += [code, code + "-%"]
        if self.poll_id is not None:
            clauses.append("r.first_poll_id = ?")
            params.append(self.poll_id)
        if self.baseline is not None:
            clauses.append("r.baseline = ?")
            params.append(int(self.baseline))
        if self.assignee is not None:
            clauses.append("r.assignee = ?")
            params.append(self.assignee)
        if self.overdue_at is not None:
            # Flagged, still waiting for an answer, and past its reply deadline.
            clauses.append(
                "r.flagged = 1 AND r.due_at <= ? AND r.status IN ('new', 'in_progress')"
                " AND r.reply IS NULL AND r.removed_at IS NULL"
            )
            params.append(to_text(self.overdue_at))
        if self.follow_up_due_at is not None:
            clauses.append("r.follow_up_at <= ?")
            params.append(to_text(self.follow_up_due_at))
        if self.ids:
            clauses.append(f"r.id IN ({','.join('?' * len(self.ids))})")
            params += list(self.ids)
        if self.categories:
            # Triage stores the categories as a JSON object keyed by category name.
            likes = " OR ".join("t.categories LIKE ?" for _ in self.categories)
            clauses.append(f"r.id IN (SELECT t.review_id FROM triage t WHERE {likes})")
            params += [f'%"{name}"%' for name in self.categories]
        if self.subject is not None:
            clauses.append("lower(r.subject) LIKE ? ESCAPE '\\'")
            params.append(_contains(self.subject))
        if self.author is not None:
            clauses.append("lower(r.author) LIKE ? ESCAPE '\\'")
            params.append(_contains(self.author))
        if self.removed is not None:
            clauses.append("r.removed_at IS NOT NULL" if self.removed else "r.removed_at IS NULL")
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _contains(text: str) -> str:
    """A LIKE pattern (escape character backslash) for `text` anywhere, any case."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def review_from_row(row: Sequence[Any]) -> Review:
    first_seen = from_text(row[21])
    assert first_seen is not None  # the column is NOT NULL
    return Review(
        id=row[0],
        source=row[1],
        kind=row[2],
        platform=row[3],
        external_id=row[4],
        rating=row[5],
        polarity=row[6],
        title=row[7],
        body=row[8],
        author=row[9],
        created_at=from_text(row[10]),
        updated_at=from_text(row[11]),
        language=row[12],
        url=row[13],
        subject=row[14],
        order_id=row[15],
        reply=row[16],
        flagged=bool(row[17]),
        status=row[18],
        assignee=row[19],
        due_at=from_text(row[20]),
        first_seen_at=first_seen,
        removed_at=from_text(row[22]),
        version=row[23],
        flagged_rating=row[24],
        replied_at=from_text(row[25]),
        follow_up_at=from_text(row[26]),
        translation=row[27],
        business=row[28],
        language_hint=row[29],
        sent_reply=_sent_reply(row),
    )


def _sent_reply(row: Sequence[Any]) -> SentReply | None:
    """The sent reply of a row of REVIEW_COLUMNS (its last four columns)."""
    if row[33] is None:
        return None
    return SentReply(text=row[30] or "", at=from_text(row[31]), actor=row[32], how=row[33])


def _select(conn: Connection, where: ReviewFilter, columns: str) -> tuple[str, list[Any]]:
    """The query of `columns` for `where`: newest first, or best match first for a search."""
    clause, params = where.where()
    if where.search:
        from reviewwatch.store.search import ranked_from

        # Nothing else filters: the index picks the best `limit` itself.
        top = where.limit if not clause else None
        joined, order, head = ranked_from(conn, where.search, top)
        sql, params = f"SELECT {columns}{joined}{clause}{order}", [*head, *params]
    else:
        sql = f"SELECT {columns}{_FROM}{clause} ORDER BY r.sort_at DESC, r.id DESC"
    if where.limit is not None:
        sql += " LIMIT ?"
        params.append(where.limit)
    return sql, params


@contextlib.contextmanager
def _streamed(
    conn: Connection, where: ReviewFilter, sql: str, params: list[Any]
) -> Iterator[Cursor]:
    """The rows of `sql`, streamed (`dialect.streamed`); a mistyped search is a UserError."""
    try:
        with dialect.streamed(conn, sql, params) as cursor:
            yield cursor
    except sqlite3.OperationalError as error:
        if where.search:
            from reviewwatch.store.search import query_error

            problem = query_error(error, where.search)
            if problem is not None:
                raise problem from None
        raise


def _first(conn: Connection, where: ReviewFilter, sql: str, params: list[Any]) -> Any:
    with _streamed(conn, where, sql, params) as cursor:
        return cursor.fetchone()


def iter_reviews(conn: Connection, where: ReviewFilter) -> Iterator[Review]:
    """Matching reviews, newest first, streamed from the database (constant memory)."""
    sql, params = _select(conn, where, REVIEW_COLUMNS)
    with _streamed(conn, where, sql, params) as cursor:
        while rows := cursor.fetchmany(1000):
            for row in rows:
                yield review_from_row(row)


def count_reviews(conn: Connection, where: ReviewFilter) -> int:
    """How many reviews match `where`, ignoring its limit."""
    clause, params = where.where()
    if where.search and not clause:
        from reviewwatch.store.search import count_matches

        sql, only = count_matches(conn, where.search)
        return int(_first(conn, where, sql, list(only))[0])
    if where.search:
        from reviewwatch.store.search import match_clause

        match, head = match_clause(conn, where.search)
        clause = f"{clause} AND {match}" if clause else f" WHERE {match}"
        params = [*params, *head]
    sql = f"SELECT count(*){_FROM}{clause}"
    return int(_first(conn, where, sql, params)[0])


def stored_values(conn: Connection, column: str) -> list[str]:
    """The distinct stored values of `sources.name`, `sources.business` or `reviews.language`,
    for suggestions."""
    sql = {
        "source": "SELECT name FROM sources ORDER BY name",
        "business": "SELECT DISTINCT business FROM sources WHERE business IS NOT NULL",
        "language": "SELECT DISTINCT language FROM reviews WHERE language IS NOT NULL",
    }[column]
    return sorted(str(row[0]) for row in conn.execute(sql))


def iter_selected(conn: Connection, where: ReviewFilter, columns: str) -> Iterator[tuple[Any, ...]]:
    """The reviews `iter_reviews` reads, as rows of other `columns` (SQL over `r` and `s`).

    For writers that want values as stored, without a Review per row. Streamed, newest first,
    constant memory.
    """
    for rows in selected_batches(conn, where, columns):
        yield from rows


def selected_batches(
    conn: Connection, where: ReviewFilter, columns: str, size: int = 1000
) -> Iterator[list[tuple[Any, ...]]]:
    """`iter_selected` in lists of up to `size` rows, for writers that work a batch at a time."""
    sql, params = _select(conn, where, columns)
    with _streamed(conn, where, sql, params) as cursor:
        while rows := cursor.fetchmany(size):
            yield rows


def get_review(conn: Connection, review_id: int) -> Review:
    row = conn.execute(f"SELECT {REVIEW_COLUMNS}{_FROM} WHERE r.id = ?", (review_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no review with id {review_id}")
    return review_from_row(row)


def get_reviews(conn: Connection, ids: Sequence[int]) -> list[Review]:
    """Reviews by id, in the order given."""
    found: dict[int, Review] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        sql = f"SELECT {REVIEW_COLUMNS}{_FROM} WHERE r.id IN ({','.join('?' * len(chunk))})"
        for row in conn.execute(sql, chunk):
            found[row[0]] = review_from_row(row)
    return [found[review_id] for review_id in ids if review_id in found]


def review_versions(conn: Connection, review_id: int) -> list[ReviewVersion]:
    rows = conn.execute(
        "SELECT version, seen_at, change, rating, polarity, title, body, reply, updated_at"
        " FROM review_versions WHERE review_id = ? ORDER BY version",
        (review_id,),
    )
    versions = []
    for row in rows:
        seen_at = from_text(row[1])
        assert seen_at is not None
        versions.append(
            ReviewVersion(
                version=row[0],
                seen_at=seen_at,
                change=row[2],
                rating=row[3],
                polarity=row[4],
                title=row[5],
                body=row[6],
                reply=row[7],
                updated_at=from_text(row[8]),
            )
        )
    return versions


@dataclass(frozen=True, slots=True)
class SourceState:
    name: str
    kind: str
    platform: str
    reviews: int
    flagged: int
    baseline_at: datetime | None
    last_attempt_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    last_problems: int
    last_requests: int


def source_states(conn: Connection) -> dict[str, SourceState]:
    """What the store knows of each source it has polled, by name."""
    rows = conn.execute(
        "SELECT s.name, s.kind, s.platform,"
        " (SELECT count(*) FROM reviews r WHERE r.source_id = s.id),"
        " (SELECT count(*) FROM reviews r WHERE r.source_id = s.id AND r.flagged = 1),"
        " s.baseline_at, s.last_attempt_at, s.last_success_at, s.last_error, s.last_error_at,"
        " s.last_problems, s.last_requests FROM sources s"
    )
    return {
        row[0]: SourceState(
            name=row[0],
            kind=row[1],
            platform=row[2],
            reviews=row[3],
            flagged=row[4],
            baseline_at=from_text(row[5]),
            last_attempt_at=from_text(row[6]),
            last_success_at=from_text(row[7]),
            last_error=row[8],
            last_error_at=from_text(row[9]),
            last_problems=row[10],
            last_requests=row[11],
        )
        for row in rows
    }
