"""Posting and recording replies, safely.

A post is recorded as an intent before it is sent. If the platform answers, the reply is marked
posted and becomes a new version of the review. If nobody knows whether it arrived (a timeout,
a killed process), the intent stays pending: a second post is refused, and the next poll
settles it by what the platform shows. So a retried post never posts twice.
"""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from reviewwatch.config import Config
from reviewwatch.errors import (
    BlockedError,
    BusyError,
    ReviewwatchError,
    SourceError,
    StoreError,
    UserError,
)
from reviewwatch.models import Review, SentReply, utc_now
from reviewwatch.sources.base import PostedReply, Source
from reviewwatch.sources.registry import load_kind
from reviewwatch.store import dialect, from_text, to_text, transaction
from reviewwatch.store.connection import Connection
from reviewwatch.store.writer import same_text
from reviewwatch.triage.checker import check_reply
from reviewwatch.triage.models import CheckResult


@dataclass(frozen=True, slots=True)
class PendingReply:
    id: int
    text: str
    created_at: datetime
    actor: str | None


def sent_reply(conn: Connection, review_id: int) -> SentReply | None:
    """The latest reply posted or marked for a review (a marked one may have no text)."""
    row = conn.execute(
        "SELECT text, posted_at, actor, state FROM replies"
        " WHERE review_id = ? AND state IN ('posted', 'marked') ORDER BY id DESC LIMIT 1",
        (review_id,),
    ).fetchone()
    if row is None:
        return None
    return SentReply(row[0], from_text(row[1]), row[2], row[3])


class ReplyRefusedError(SourceError):
    """The platform refused the reply for good (it answered 4xx): nothing was published."""


def check_for(
    review: Review,
    text: str,
    language: str | None = None,
    *,
    own_contacts: frozenset[str] = frozenset(),
) -> CheckResult:
    """Check a reply to this review against its platform's rules for public replies;
    `own_contacts`: the review's business's own support address (`Config.own_contacts`)."""
    return check_reply(
        text,
        platform=review.platform,
        surface="public_reply",
        language=language,
        own_contacts=own_contacts,
    )


def require_allowed(
    review: Review,
    text: str,
    language: str | None = None,
    *,
    own_contacts: frozenset[str] = frozenset(),
) -> CheckResult:
    """Check a reply to this review; BlockedError when a finding blocks it (warnings pass).

    Every path that publishes or records a reply text goes through here: posting, marking a
    reply posted by hand, printing a draft to paste.
    """
    result = check_for(review, text, language, own_contacts=own_contacts)
    if not result.ok:
        rules = ", ".join(dict.fromkeys(f.rule for f in result.findings if f.severity == "block"))
        raise BlockedError(
            f"the reply to #{review.id} breaks {review.platform}'s rules ({rules}); "
            f"see `reviewwatch reply {review.id}` or `reviewwatch check`"
        )
    return result


def source_for(config: Config, review: Review) -> type[Source] | None:
    """The class of the review's source, if it is still configured."""
    source_config = config.source(review.source)
    return load_kind(source_config.kind) if source_config else None


def posting_refusal(config: Config, review: Review) -> str | None:
    """Why a reply to this review cannot be posted through reviewwatch, or None when it can:
    its source is no longer configured, or the source's kind has no reply API (`can_reply`)."""
    source_class = source_for(config, review)
    if source_class is None:
        return f"source {review.source!r} is no longer configured"
    if not source_class.can_reply:
        return f"{review.source} ({source_class.kind}) has no reply API"
    return None


def can_post(config: Config, review: Review) -> bool:
    return posting_refusal(config, review) is None


def pending_reply(conn: Connection, review_id: int) -> PendingReply | None:
    row = conn.execute(
        "SELECT id, text, created_at, actor FROM replies WHERE review_id = ? AND state = 'pending'"
        " ORDER BY id DESC LIMIT 1",
        (review_id,),
    ).fetchone()
    if row is None:
        return None
    created = from_text(row[2])
    assert created is not None
    return PendingReply(row[0], row[1], created, row[3])


def record_intent(
    conn: Connection,
    review: Review,
    text: str,
    *,
    language: str | None,
    actor: str | None,
    replace: bool = False,
) -> int:
    """Write down that a reply is about to be sent; refuse if another one is still unsettled,
    or (unless `replace`) if one was already posted through reviewwatch."""
    with transaction(conn):
        # PostgreSQL: two agents replying at once take turns on the review's row, and the
        # second one sees the first one's pending reply.
        conn.execute("SELECT id FROM reviews WHERE id = ?" + dialect.for_update(conn), (review.id,))
        if pending_reply(conn, review.id) is not None:
            raise UserError(
                f"a reply to #{review.id} was sent earlier and its outcome is not known yet; "
                "run `reviewwatch poll` to settle it once the platform shows it. If the platform "
                f"shows it already: `reviewwatch reply {review.id} --mark-replied`; if it does "
                f"not: `reviewwatch reply {review.id} --abandon`, then post again"
            )
        posted = conn.execute(
            "SELECT posted_at FROM replies WHERE review_id = ? AND state = 'posted'"
            " ORDER BY id DESC LIMIT 1",
            (review.id,),
        ).fetchone()
        if posted is not None and not replace:
            raise UserError(
                f"#{review.id} already has a reply posted through reviewwatch (at {posted[0]}); "
                "add --replace to replace it, where the platform allows that"
            )
        cursor = conn.execute(
            "INSERT INTO replies (review_id, text, language, state, actor, created_at)"
            " VALUES (?, ?, ?, 'pending', ?, ?) RETURNING id",
            (review.id, text, language, actor, to_text(utc_now())),
        )
        return int(cursor.fetchone()[0])


def record_posted(conn: Connection, reply_id: int, review: Review, posted: PostedReply) -> None:
    """The platform took the reply: a new version of the review, and the review is replied."""
    now = to_text(posted.posted_at or utc_now())
    with transaction(conn):
        # A reply this one replaced on the platform is no longer the posted one.
        conn.execute(
            "UPDATE replies SET state = 'replaced' WHERE review_id = ?"
            " AND state IN ('posted', 'marked')",
            (review.id,),
        )
        conn.execute(
            "UPDATE replies SET state = 'posted', posted_at = ? WHERE id = ?", (now, reply_id)
        )
        _store_reply_version(conn, review, posted.text, now)
        _drop_drafts(conn, review.id)


def abandon_reply(conn: Connection, review: Review, *, actor: str | None) -> None:
    """Give up on a pending reply (the platform does not show it): a new one may be posted."""
    with transaction(conn):
        cursor = conn.execute(
            "UPDATE replies SET state = 'abandoned' WHERE review_id = ? AND state = 'pending'",
            (review.id,),
        )
        if cursor.rowcount == 0:
            raise UserError(f"#{review.id} has no pending reply to abandon")
        conn.execute(
            "INSERT INTO review_events (review_id, at, actor, kind, value) VALUES (?, ?, ?, ?, ?)",
            (review.id, to_text(utc_now()), actor, "reply", "abandoned"),
        )


def _store_reply_version(conn: Connection, review: Review, text: str, now: str | None) -> None:
    row = conn.execute(
        "SELECT version, rating, polarity, title, body, updated_at FROM reviews WHERE id = ?",
        (review.id,),
    ).fetchone()
    version = row[0] + 1
    conn.execute(
        "UPDATE reviews SET reply = ?, version = ?, changed_at = ?, status = CASE WHEN status IN"
        " ('new', 'in_progress') THEN 'replied' ELSE status END,"
        " replied_at = coalesce(replied_at, ?) WHERE id = ?",
        (text, version, now, now, review.id),
    )
    conn.execute(
        "INSERT INTO review_versions (review_id, version, poll_id, seen_at, change, rating,"
        " polarity, title, body, reply, updated_at) VALUES (?, ?, NULL, ?, 'reply_posted',"
        " ?, ?, ?, ?, ?, ?)",
        (review.id, version, now, row[1], row[2], row[3], row[4], text, row[5]),
    )


def record_failed(conn: Connection, reply_id: int, error: str) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE replies SET state = 'failed', error = ? WHERE id = ?", (error, reply_id)
        )


def mark_replied(
    conn: Connection,
    review: Review,
    text: str | None,
    *,
    actor: str | None,
    own_contacts: frozenset[str] = frozenset(),
    force: bool = False,
) -> str:
    """A reply was posted by hand on the platform: record it and mark the review replied.

    A review whose reply was already posted or marked is refused unless `force`: then this
    reply takes the recorded one's place (a review is counted as replied once).

    With a pending reply (sent, outcome unknown), this is the user confirming that the
    platform shows it: the way out for platforms whose listing never shows replies.
    A review already further along (resolved, ignored) keeps its status, which never moves
    backwards; the status it has afterwards is returned.
    A reply text that breaks the platform's rules is not recorded (BlockedError): fix it on the
    platform first. Marking without a text records no reply text.
    """
    from reviewwatch.workflow import moves_backwards

    if text:
        require_allowed(review, text, own_contacts=own_contacts)
    now = to_text(utc_now())
    with transaction(conn):
        current = conn.execute("SELECT status FROM reviews WHERE id = ?", (review.id,)).fetchone()
        status = current[0] if moves_backwards(current[0], "replied") else "replied"
        pending = pending_reply(conn, review.id)
        earlier = sent_reply(conn, review.id)
        if pending is None and earlier is not None:
            if not force:
                when = f" at {to_text(earlier.at)}" if earlier.at else ""
                by = f" by {earlier.actor}" if earlier.actor else ""
                raise UserError(
                    f"#{review.id} already has a reply {earlier.how}{when}{by}; add --force to "
                    "record this one in its place"
                )
            conn.execute(
                "UPDATE replies SET state = 'replaced' WHERE review_id = ?"
                " AND state IN ('posted', 'marked')",
                (review.id,),
            )
        if pending is not None:
            conn.execute(
                "UPDATE replies SET state = 'posted', posted_at = ? WHERE id = ?",
                (now, pending.id),
            )
            shown = conn.execute("SELECT reply FROM reviews WHERE id = ?", (review.id,))
            if not same_text(shown.fetchone()[0], pending.text):
                _store_reply_version(conn, review, pending.text, now)
        else:
            conn.execute(
                "INSERT INTO replies (review_id, text, state, actor, created_at, posted_at)"
                " VALUES (?, ?, 'marked', ?, ?, ?)",
                (review.id, text or "", actor, now, now),
            )
        conn.execute(
            "UPDATE reviews SET status = ?, replied_at = coalesce(replied_at, ?) WHERE id = ?",
            (status, now, review.id),
        )
        if status != current[0]:
            conn.execute(
                "INSERT INTO review_events (review_id, at, actor, kind, value)"
                " VALUES (?, ?, ?, ?, ?)",
                (review.id, now, actor, "status", status),
            )
        _drop_drafts(conn, review.id)
    return str(status)


@dataclass(frozen=True, slots=True)
class Draft:
    """A reply being written, kept on the review until it is posted or marked replied."""

    text: str
    language: str | None
    saved_at: datetime
    actor: str | None


def save_draft(
    conn: Connection,
    review_id: int,
    text: str,
    *,
    language: str | None,
    actor: str | None,
) -> None:
    """Keep `text` as the review's draft (one per review: the latest replaces the one before)."""
    with transaction(conn):
        _drop_drafts(conn, review_id)
        conn.execute(
            "INSERT INTO replies (review_id, text, language, state, actor, created_at)"
            " VALUES (?, ?, ?, 'draft', ?, ?)",
            (review_id, text, language, actor, to_text(utc_now())),
        )


def saved_draft(conn: Connection, review_id: int) -> Draft | None:
    row = conn.execute(
        "SELECT text, language, created_at, actor FROM replies"
        " WHERE review_id = ? AND state = 'draft' ORDER BY id DESC LIMIT 1",
        (review_id,),
    ).fetchone()
    if row is None:
        return None
    saved_at = from_text(row[2])
    assert saved_at is not None  # NOT NULL
    return Draft(row[0], row[1], saved_at, row[3])


def _drop_drafts(conn: Connection, review_id: int) -> None:
    conn.execute("DELETE FROM replies WHERE review_id = ? AND state = 'draft'", (review_id,))


def post_reply(
    conn: Connection,
    config: Config,
    review: Review,
    text: str,
    *,
    language: str | None = None,
    actor: str | None = None,
    replace: bool = False,
) -> PostedReply:
    """Send a reply through the review's source, recording the intent first.

    The text is checked against the platform's rules here too (BlockedError when it breaks
    them). A refusal by the platform (4xx) marks the attempt failed; an unknown outcome
    (timeout, 5xx) leaves it pending for the next poll to settle.
    """
    require_allowed(review, text, language, own_contacts=config.own_contacts(review.business))
    from reviewwatch.poll import build_sources, scrub_secrets
    from reviewwatch.sources.http import RetryPolicy, new_client

    refusal = posting_refusal(config, review)
    if refusal is not None:
        raise UserError(
            f"{refusal}: post the reply on the platform, then "
            f"`reviewwatch reply {review.id} --mark-replied`"
        )
    source_config = config.source(review.source)
    source_class = source_for(config, review)
    assert source_config is not None and source_class is not None  # posting_refusal says so
    if replace and not source_class.can_replace_reply:
        raise UserError(
            f"{source_class.kind} cannot replace a reply through its API: edit it on the "
            f"platform, then `reviewwatch reply {review.id} --text ... --mark-replied`"
        )
    try:
        source_class(source_config).check_reply_fits(text)
    except SourceError as error:
        raise BlockedError(str(error)) from error
    reply_id = record_intent(conn, review, text, language=language, actor=actor, replace=replace)
    sent: list[Source] = []

    async def send() -> PostedReply:
        async with new_client() as client:
            # One attempt only: a retried POST could publish the reply twice.
            source = build_sources([source_config], lambda: client, RetryPolicy(attempts=1))[0]
            sent.append(source)
            return await source.post_reply(external_id=review.external_id, text=text)

    try:
        posted = asyncio.run(send())
    except ReviewwatchError as error:
        # A platform may echo the credential back: neither the database nor the user sees it.
        reason = sent[0].scrub(str(error)) if sent else scrub_secrets(str(error), source_config)
        if _surely_not_published(error, sent):
            record_failed(conn, reply_id, reason)
            raise ReplyRefusedError(f"the reply was not published: {reason}") from None
        raise SourceError(
            f"the reply's outcome is unknown ({reason}); the next `reviewwatch poll` will see "
            "whether the platform shows it"
        ) from error
    try:
        record_posted(conn, reply_id, review, posted)
    except (sqlite3.OperationalError, StoreError, BusyError) as error:
        # Published, but not recorded: it stays pending, which keeps it from going out twice.
        raise BusyError(
            f"the platform accepted the reply to #{review.id}, but the database was too busy "
            f"to record it ({error}); it stays pending until `reviewwatch poll` sees it, or "
            f"`reviewwatch reply {review.id} --mark-replied` confirms it. Do not post it again"
        ) from error
    return posted


def _surely_not_published(error: ReviewwatchError, sent: list[Source]) -> bool:
    """True when nothing reached the platform, or the platform said no (4xx)."""
    # Adapters may wrap the HTTP error in their own words: look down the chain for a status.
    cause: BaseException | None = error
    while cause is not None:
        status = getattr(cause, "status", None)
        if status is not None:
            # 4xx: refused. 3xx: redirected, and a reply is never sent on to the new place.
            if 300 <= status < 500:
                return True
            break
        cause = cause.__cause__ or cause.__context__
    return not sent or sent[0].requests_made == 0
