"""Replies that wait for approval (`settings.reply_approval`): one person writes, another one
approves, and only then is the reply posted (or handed over for pasting)."""

from __future__ import annotations

from dataclasses import dataclass

from reviewwatch.errors import NotFoundError, UserError
from reviewwatch.models import Review, utc_now
from reviewwatch.store import dialect, to_text, transaction
from reviewwatch.store.connection import Connection


@dataclass(frozen=True, slots=True)
class AwaitingReply:
    id: int
    text: str
    language: str | None
    actor: str | None


def awaiting(conn: Connection, review_id: int) -> AwaitingReply | None:
    """The reply to this review that waits for approval, if any."""
    row = conn.execute(
        "SELECT id, text, language, actor FROM replies"
        " WHERE review_id = ? AND state = 'awaiting_approval' ORDER BY id DESC LIMIT 1",
        (review_id,),
    ).fetchone()
    return AwaitingReply(row[0], row[1], row[2], row[3]) if row else None


def request_approval(
    conn: Connection, review: Review, text: str, *, language: str | None, actor: str
) -> int:
    """Keep the reply until someone else approves it; a newer one replaces one still waiting."""
    with transaction(conn):
        conn.execute("SELECT id FROM reviews WHERE id = ?" + dialect.for_update(conn), (review.id,))
        conn.execute(
            "UPDATE replies SET state = 'superseded' WHERE review_id = ?"
            " AND state = 'awaiting_approval'",
            (review.id,),
        )
        row = conn.execute(
            "INSERT INTO replies (review_id, text, language, state, actor, created_at)"
            " VALUES (?, ?, ?, 'awaiting_approval', ?, ?) RETURNING id",
            (review.id, text, language, actor, to_text(utc_now())),
        ).fetchone()
    return int(row[0])


def approve(conn: Connection, review: Review, approver: str) -> AwaitingReply:
    """Approve the waiting reply: by anyone but its writer. The caller then posts it."""
    with transaction(conn):
        conn.execute("SELECT id FROM reviews WHERE id = ?" + dialect.for_update(conn), (review.id,))
        waiting = awaiting(conn, review.id)
        if waiting is None:
            raise NotFoundError(f"no reply to #{review.id} is waiting for approval")
        if waiting.actor == approver:
            raise UserError(
                f"{approver} wrote this reply: someone else must approve it"
                f" (`reviewwatch reply {review.id} --approve --by NAME`)"
            )
        conn.execute(
            "UPDATE replies SET state = 'approved', approved_by = ?, approved_at = ? WHERE id = ?",
            (approver, to_text(utc_now()), waiting.id),
        )
    return waiting
