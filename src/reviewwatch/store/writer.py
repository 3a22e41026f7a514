"""Diffing fetched reviews against the store and writing new reviews, versions and flags.

`SourceWriter` serves one source in one poll. `diff` compares a page with what is stored (and
with what this poll has already staged); inside the caller's transaction, `begin` starts the
writing, `apply` writes a diff and `mark_removed` marks what a complete listing left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from reviewwatch.models import FetchedReview
from reviewwatch.store import dialect
from reviewwatch.store.bulk import insert_rows
from reviewwatch.store.connection import Connection, to_text

CONTENT_FIELDS = ("rating", "polarity", "title", "body", "reply")
META_FIELDS = (
    "author",
    "created_at",
    "updated_at",
    "url",
    "subject",
    "order_id",
    "language_hint",
    "translation",
)
# Where the platform's language field sits among the meta values.
_HINT = META_FIELDS.index("language_hint")
_SELECT_STORED = (
    "SELECT external_id, id, version, flagged, status, removed_at, "
    + ", ".join(CONTENT_FIELDS + META_FIELDS)
    + " FROM reviews WHERE source_id = ? AND external_id IN ({marks})"
)
_NEW_REVIEW_COLUMNS = (
    "id",
    "source_id",
    "external_id",
    *CONTENT_FIELDS,
    *META_FIELDS,
    "language",
    "flagged",
    "due_at",
    "first_seen_at",
    "first_poll_id",
    "baseline",
    "sort_at",
    "flagged_rating",
    "announce_version",
    "replied_at",
)
_VERSION_COLUMNS = (
    "review_id, version, poll_id, seen_at, change, rating, polarity, title, body, reply, updated_at"
)
_FIRST_VERSIONS = (
    f"INSERT INTO review_versions ({_VERSION_COLUMNS}) SELECT id, 1, first_poll_id,"
    " first_seen_at, 'new', rating, polarity, title, body, reply, updated_at FROM reviews"
    " WHERE id BETWEEN ? AND ? AND source_id = ?"
)
# Statuses that say "handled"; a review that turns bad again needs handling again.
_REOPEN_STATUSES = frozenset({"replied", "resolved", "ignored"})


class Stored(NamedTuple):
    """The stored state of a review that matters to the diff (a tuple: one per stored row)."""

    id: int
    version: int
    flagged: bool
    status: str
    removed: bool
    content: tuple[object, ...]
    meta: tuple[object, ...]


Row = tuple[object, ...]
Insert = tuple[FetchedReview, Row, Row]
Update = tuple[Stored, FetchedReview, Row, Row]


@dataclass(slots=True)
class PageDiff:
    inserts: list[Insert] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    touches: list[tuple[Stored, Row]] = field(default_factory=list)
    unchanged: int = 0

    @property
    def nothing_new(self) -> bool:
        return not (self.inserts or self.updates)


@dataclass(slots=True)
class WriteResult:
    """What the writes of one source did, by review id."""

    new: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    flagged: list[int] = field(default_factory=list)
    removed: int = 0
    baseline: int = 0
    # Stored reviews re-read differently because the source's field mapping changed.
    remapped: int = 0
    # External ids listed again after their first listing (the first listing is kept).
    duplicates: list[str] = field(default_factory=list)


def _content(review: FetchedReview) -> tuple[object, ...]:
    return (
        review.rating,
        review.effective_polarity,
        review.title,
        review.body,
        review.reply,
    )


def _meta(review: FetchedReview) -> tuple[object, ...]:
    return (
        review.author,
        to_text(review.created_at),
        to_text(review.updated_at),
        review.url,
        review.subject,
        review.order_id,
        review.language,
        review.translation,
    )


class SourceWriter:
    def __init__(
        self,
        conn: Connection,
        *,
        source_id: int,
        poll_id: int,
        now: datetime,
        flag_max_stars: int,
        sla_hours: int,
        baseline: bool,
        track_seen: bool,
        remap: bool = False,
    ) -> None:
        self.conn = conn
        self.source_id = source_id
        self.poll_id = poll_id
        self.now = to_text(now)
        self.due = to_text(now + timedelta(hours=sla_hours))
        self.flag_max_stars = flag_max_stars
        self.baseline = baseline
        # The field mapping changed since the last poll: a stored review that reads
        # differently now was re-read, not edited (no alert, no deadline, change "mapping").
        self.remap = remap
        self.track_seen = track_seen
        self.result = WriteResult()
        # Imported here: reading commands open the store without loading any of triage.
        from reviewwatch.triage.language import review_language

        self.detect_language = review_language
        # External ids diffed in this poll but not yet written (see `diff`).
        self._pending: set[str] = set()
        # The first id this writer gave a new review: the source's reviews from this id on
        # were stored by this poll (ids only grow; `_next_ids` reserves them in the transaction).
        self._first_new_id = 1 << 62
        self._reserved: list[int] = []

    def begin(self) -> None:
        """Start writing, inside the caller's transaction: before the first `apply`."""
        if self.track_seen:
            # One table for every source of the poll: emptied by each source as it writes.
            self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS seen (external_id TEXT PRIMARY KEY)")
            self.conn.execute("DELETE FROM seen")

    def reserve_ids(self, count: int) -> None:
        """On PostgreSQL, take the ids of `count` new reviews before the write transaction,
        so that nothing in it waits for an answer (SQLite takes them inside it)."""
        if count and dialect.dialect_of(self.conn) != dialect.SQLITE:
            self._reserved += dialect.new_review_ids(self.conn, count)

    def _next_ids(self, count: int) -> list[int]:
        if len(self._reserved) >= count:
            taken, self._reserved = self._reserved[:count], self._reserved[count:]
            return taken
        # Inside the write transaction: other sources (and other pollers) insert too.
        return dialect.new_review_ids(self.conn, count)

    def is_flagged(self, content: tuple[object, ...]) -> bool:
        rating, polarity = content[0], content[1]
        if isinstance(rating, int):
            return rating <= self.flag_max_stars
        return polarity == "negative"

    def diff(self, reviews: Sequence[FetchedReview]) -> PageDiff:
        """Compare a page with the store.

        A review listed twice in one poll (platforms do repeat themselves across pages) counts
        once: the first listing wins, so it is never inserted twice, nor read as an edit of
        itself. Repeats are kept in `result.duplicates`.
        """
        result = PageDiff()
        stored = self._load({review.external_id for review in reviews} - self._pending)
        for review in reviews:
            if review.external_id in self._pending:
                result.unchanged += 1
                self.result.duplicates.append(review.external_id)
                continue
            known = stored.get(review.external_id)
            if known is not None and known.id >= self._first_new_id:
                # Stored by this very poll from an earlier page: a repeat, not an edit.
                result.unchanged += 1
                self.result.duplicates.append(review.external_id)
                continue
            self._pending.add(review.external_id)
            content = dialect.as_stored(self.conn, _content(review))
            meta = dialect.as_stored(self.conn, _meta(review))
            if known is None:
                result.inserts.append((review, content, meta))
            elif known.content != content or known.removed:
                result.updates.append((known, review, content, meta))
            elif known.meta != meta:
                result.touches.append((known, meta))
            else:
                result.unchanged += 1
        return result

    def _load(self, external_ids: Iterable[str]) -> dict[str, Stored]:
        ids = list(external_ids)
        found: dict[str, Stored] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            query = _SELECT_STORED.format(marks=",".join("?" * len(chunk)))
            for row in self.conn.execute(query, (self.source_id, *chunk)):
                found[row[0]] = Stored(
                    row[1], row[2], bool(row[3]), row[4], row[5] is not None, row[6:11], row[11:]
                )
        return found

    def apply(self, diff: PageDiff, reviews: Sequence[FetchedReview]) -> None:
        """Write a page's diff; the caller holds the transaction."""
        self._insert(diff.inserts)
        for review in reviews:
            self._pending.discard(review.external_id)
        for known, review, content, meta in diff.updates:
            self._update(known, content, meta, self._reply_time(review))
        self.conn.executemany(
            "UPDATE reviews SET "
            + ", ".join(f"{name} = ?" for name in META_FIELDS)
            + ", language = ?, sort_at = coalesce(?, first_seen_at) WHERE id = ?",
            [
                (*meta, self._language(known.content, meta), meta[1], known.id)
                for known, meta in diff.touches
            ],
        )
        if self.track_seen:
            self.conn.executemany(
                "INSERT INTO seen VALUES (?) ON CONFLICT DO NOTHING",
                [(review.external_id,) for review in reviews],
            )

    def _insert(self, inserts: Sequence[Insert]) -> None:
        if not inserts:
            return
        ids = self._next_ids(len(inserts))
        self._first_new_id = min(self._first_new_id, ids[0])
        rows, flagged_ids = self._new_rows(ids, inserts)
        insert_rows(self.conn, "reviews", _NEW_REVIEW_COLUMNS, rows)
        # Version 1 is what the rows just written say: copied by the engine, not bound again.
        # Between the first and the last new id, only this writer stores this source's reviews.
        self.conn.execute(_FIRST_VERSIONS, (ids[0], ids[-1], self.source_id))
        if self.baseline:
            self.result.baseline += len(rows)
        else:
            self.result.new.extend(ids)
            self.result.flagged.extend(flagged_ids)

    def _new_rows(
        self, ids: Sequence[int], inserts: Sequence[Insert]
    ) -> tuple[list[Row], list[int]]:
        """The `reviews` rows of new reviews (with these ids), and the flagged ids."""
        rows: list[Row] = []
        flagged_ids: list[int] = []
        source_id, now, poll_id, baseline = self.source_id, self.now, self.poll_id, self.baseline
        detect = self.detect_language
        for review_id, (review, content, meta) in zip(ids, inserts, strict=True):
            flagged = self.is_flagged(content)
            needs_reply = flagged and not baseline and review.reply is None
            rows.append(
                (
                    review_id,
                    source_id,
                    review.external_id,
                    *content,
                    *meta,
                    detect(review.title, review.body, review.language),
                    int(flagged),
                    self.due if needs_reply else None,
                    now,
                    poll_id,
                    int(baseline),
                    meta[1] or now,
                    review.rating if flagged else None,
                    # Announced by whichever poll gets to it first (see `announce.to_tell`).
                    1 if flagged and not baseline else None,
                    self._reply_time(review),
                )
            )
            if flagged:
                flagged_ids.append(review_id)
        return rows, flagged_ids

    def _insert_versions(self, versions: Sequence[tuple[object, ...]]) -> None:
        self.conn.executemany(
            f"INSERT INTO review_versions ({_VERSION_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            versions,
        )

    def _reply_time(self, review: FetchedReview) -> str | None:
        """When the review's reply was made, as the platform says (never later than now):
        a reply made outside reviewwatch then counts from its real time, not from the poll
        that saw it."""
        stamp = to_text(review.reply_at) if review.reply is not None else None
        if stamp is None or self.now is None:
            return stamp
        return min(stamp, self.now)

    def _update(
        self,
        known: Stored,
        content: tuple[object, ...],
        meta: tuple[object, ...],
        reply_time: str | None = None,
    ) -> None:
        version = known.version + 1
        flagged = self.is_flagged(content)
        newly_flagged = flagged and not known.flagged
        status, due, flagged_rating = known.status, None, None
        announce = version if newly_flagged and not self.baseline else None
        rating_changed = content[0] != known.content[0] or (
            content[0] is None and content[1] != known.content[1]
        )
        # Told by whichever poll gets to it first (see `announce.to_tell`).
        told = rating_changed and (flagged or known.flagged) and not self.baseline
        tell = version if told else None
        reply_appeared = content[4] is not None and known.content[4] is None
        if self.remap and not known.removed:
            self._remapped(known, version, flagged, content, meta)
            return
        if newly_flagged:
            status = "new" if known.status in _REOPEN_STATUSES else known.status
            due, flagged_rating = self.due, content[0]
        elif reply_appeared and status in ("new", "in_progress"):
            status = "replied"  # a public reply appeared on the platform
        change = "restored" if known.removed else "edited"
        self.conn.execute(
            "UPDATE reviews SET "
            + ", ".join(f"{name} = ?" for name in CONTENT_FIELDS + META_FIELDS)
            + ", language = ?, flagged = ?, status = ?, due_at = coalesce(?, due_at),"
            " changed_at = ?, removed_at = NULL, version = ?, sort_at = coalesce(?, first_seen_at),"
            " flagged_rating = coalesce(?, flagged_rating),"
            " announce_version = coalesce(?, announce_version),"
            " rating_change_version = coalesce(?, rating_change_version),"
            " replied_at = CASE WHEN ? = 1 THEN coalesce(replied_at, ?) ELSE replied_at END"
            " WHERE id = ?",
            (
                *content,
                *meta,
                self._language(content, meta),
                int(flagged),
                status,
                due,
                self.now,
                version,
                meta[1],
                flagged_rating,
                announce,
                tell,
                int(reply_appeared),
                reply_time or self.now,
                known.id,
            ),
        )
        self._insert_versions(
            [(known.id, version, self.poll_id, self.now, change, *content, meta[2])]
        )
        self.result.updated.append(known.id)
        if newly_flagged and not self.baseline:
            self.result.flagged.append(known.id)

    def _remapped(
        self,
        known: Stored,
        version: int,
        flagged: bool,
        content: tuple[object, ...],
        meta: tuple[object, ...],
    ) -> None:
        """A stored review read through a new field mapping: the new reading is kept as a
        version marked `mapping`; its workflow stays as it was."""
        self.conn.execute(
            "UPDATE reviews SET "
            + ", ".join(f"{name} = ?" for name in CONTENT_FIELDS + META_FIELDS)
            + ", language = ?, flagged = ?, changed_at = ?, version = ?,"
            " sort_at = coalesce(?, first_seen_at) WHERE id = ?",
            (
                *content,
                *meta,
                self._language(content, meta),
                int(flagged),
                self.now,
                version,
                meta[1],
                known.id,
            ),
        )
        self._insert_versions(
            [(known.id, version, self.poll_id, self.now, "mapping", *content, meta[2])]
        )
        self.result.remapped += 1

    def _language(self, content: tuple[object, ...], meta: tuple[object, ...]) -> str | None:
        """The detected language of a review's title and text, with the platform's field as
        the hint."""
        title, body, hint = content[2], content[3], meta[_HINT]
        return self.detect_language(
            title if isinstance(title, str) else None,
            body if isinstance(body, str) else None,
            hint if isinstance(hint, str) else None,
        )

    def removal_counts(self) -> tuple[int, int]:
        """Stored reviews not marked removed, and how many of them this walk did not see."""
        stored, missing = self.conn.execute(
            "SELECT count(*), coalesce(sum(CASE WHEN external_id NOT IN (SELECT external_id FROM"
            " seen) THEN 1 ELSE 0 END), 0) FROM reviews WHERE source_id = ? AND removed_at IS NULL",
            (self.source_id,),
        ).fetchone()
        return int(stored), int(missing)

    def mark_removed(self) -> None:
        """After a complete walk: every stored review that was not listed is marked removed."""
        rows = self.conn.execute(
            "SELECT id, version, rating, polarity, title, body, reply, updated_at FROM reviews"
            " WHERE source_id = ? AND removed_at IS NULL"
            " AND external_id NOT IN (SELECT external_id FROM seen)",
            (self.source_id,),
        ).fetchall()
        self.conn.executemany(
            "UPDATE reviews SET removed_at = ?, version = ?, changed_at = ? WHERE id = ?",
            [(self.now, row[1] + 1, self.now, row[0]) for row in rows],
        )
        self._insert_versions(
            [(row[0], row[1] + 1, self.poll_id, self.now, "removed", *row[2:]) for row in rows]
        )
        self.result.removed += len(rows)


def same_text(shown: str | None, sent: str) -> bool:
    """Whether the platform's reply is the one sent (platforms may rewrap whitespace)."""
    return shown is not None and " ".join(shown.split()) == " ".join(sent.split())


def settle_pending_replies(conn: Connection, now: datetime) -> int:
    """Pending replies (outcome unknown) count as posted once the platform shows their text.

    Only their own text: an older reply on the platform proves nothing about a new one.
    """
    rows = conn.execute(
        "SELECT p.id, p.text, r.reply FROM replies p JOIN reviews r ON r.id = p.review_id"
        " WHERE p.state = 'pending' AND r.reply IS NOT NULL"
    ).fetchall()
    settled = [(to_text(now), row[0]) for row in rows if same_text(row[2], row[1])]
    conn.executemany(
        "UPDATE replies SET state = 'posted', posted_at = coalesce(posted_at, ?) WHERE id = ?",
        settled,
    )
    return len(settled)
