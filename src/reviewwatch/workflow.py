"""The team workflow around a review: status, owner, notes, replies, follow-ups, deadlines.

Every change is kept in `review_events` with who made it and when, so `show` can tell the story.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reviewwatch.errors import NotFoundError, UserError
from reviewwatch.models import STATUSES, utc_now
from reviewwatch.store import from_text, to_text, transaction
from reviewwatch.store.connection import Connection
from reviewwatch.suggest import unknown_name

# Statuses in which a flagged review still waits for an answer.
OPEN_STATUSES = ("new", "in_progress")
# How far along the work on a review is: a status never moves to a lower rank unless forced
# (a poll reopens a handled review that turns bad again, which is new work, not a step back).
STATUS_RANK = {
    "new": 0,
    "in_progress": 1,
    "escalated": 1,
    "replied": 2,
    "resolved": 3,
    "ignored": 3,
}


def moves_backwards(current: str, target: str) -> bool:
    return STATUS_RANK.get(target, 0) < STATUS_RANK.get(current, 0)


@dataclass(frozen=True, slots=True)
class WorkflowEvent:
    at: datetime
    actor: str | None
    kind: str
    value: str | None
    note: str | None


def _require_review(conn: Connection, review_id: int) -> None:
    if conn.execute("SELECT 1 FROM reviews WHERE id = ?", (review_id,)).fetchone() is None:
        raise NotFoundError(f"no review with id {review_id}")


def _record(
    conn: Connection,
    review_id: int,
    kind: str,
    *,
    actor: str | None,
    now: datetime,
    value: str | None = None,
    note: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO review_events (review_id, at, actor, kind, value, note) VALUES (?,?,?,?,?,?)",
        (review_id, to_text(now), actor, kind, value, note),
    )


def set_status(
    conn: Connection,
    review_id: int,
    status: str,
    *,
    actor: str | None = None,
    note: str | None = None,
    follow_up_at: datetime | None = None,
    now: datetime | None = None,
    force: bool = False,
) -> None:
    """Move a review to a status; `follow_up_at` schedules a check that the fix held.

    A move backwards (`resolved` to `new`, say) needs `force`.
    """
    if status not in STATUSES:
        raise UserError(unknown_name("status", status, STATUSES))
    moment = now or utc_now()
    with transaction(conn):
        _require_review(conn, review_id)
        current = conn.execute("SELECT status FROM reviews WHERE id = ?", (review_id,)).fetchone()
        if not force and moves_backwards(current[0], status):
            raise UserError(
                f"#{review_id} is {current[0]}; moving it back to {status} needs --force"
            )
        conn.execute("UPDATE reviews SET status = ? WHERE id = ?", (status, review_id))
        if status == "replied":
            conn.execute(
                "UPDATE reviews SET replied_at = coalesce(replied_at, ?) WHERE id = ?",
                (to_text(moment), review_id),
            )
        _record(conn, review_id, "status", actor=actor, now=moment, value=status, note=note)
        if follow_up_at is not None:
            conn.execute(
                "UPDATE reviews SET follow_up_at = ? WHERE id = ?",
                (to_text(follow_up_at), review_id),
            )
            _record(
                conn, review_id, "follow_up", actor=actor, now=moment, value=to_text(follow_up_at)
            )


def assign(
    conn: Connection,
    review_id: int,
    assignee: str | None,
    *,
    actor: str | None = None,
    now: datetime | None = None,
) -> None:
    """Give a review an owner (None or '' takes it away)."""
    moment = now or utc_now()
    owner = (assignee or "").strip() or None
    with transaction(conn):
        _require_review(conn, review_id)
        conn.execute("UPDATE reviews SET assignee = ? WHERE id = ?", (owner, review_id))
        _record(conn, review_id, "assign", actor=actor, now=moment, value=owner)


def add_note(
    conn: Connection,
    review_id: int,
    text: str,
    *,
    actor: str | None = None,
    now: datetime | None = None,
) -> None:
    if not text.strip():
        raise UserError("the note is empty")
    with transaction(conn):
        _require_review(conn, review_id)
        _record(conn, review_id, "note", actor=actor, now=now or utc_now(), note=text.strip())


def history(conn: Connection, review_id: int) -> list[WorkflowEvent]:
    """Every workflow event of a review, oldest first."""
    rows = conn.execute(
        "SELECT at, actor, kind, value, note FROM review_events WHERE review_id = ? ORDER BY id",
        (review_id,),
    )
    events = []
    for at, actor, kind, value, note in rows:
        moment = from_text(at)
        assert moment is not None
        events.append(WorkflowEvent(moment, actor, kind, value, note))
    return events
