"""Per-source leases, so that pollers on several machines share one PostgreSQL store.

A poller claims a source before it polls it: the row is taken with `SELECT ... FOR UPDATE SKIP
LOCKED` and marked with the poller's name and an expiry, then released when the source is
written. A poller that dies keeps its sources only until the lease expires. SQLite needs none
of this (one poll at a time holds the file's poll lock), so there every claim succeeds at once.
"""

from __future__ import annotations

import os
import socket
import uuid
from datetime import UTC, datetime, timedelta
from functools import cache

from reviewwatch.store import dialect
from reviewwatch.store.connection import Connection, to_text


@cache
def poller_name() -> str:
    """This process, as other pollers see it in `sources.lease_owner`."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def claim_source(
    conn: Connection,
    source_id: int,
    *,
    now: datetime,
    lease_seconds: int,
    not_attempted_since: datetime,
) -> bool:
    """Take the source for one poll, inside the caller's transaction; False when another
    poller holds it or has finished it since `not_attempted_since` (this round)."""
    if dialect.dialect_of(conn) == dialect.SQLITE:
        return True
    moment = to_text(now)
    row = conn.execute(
        "SELECT id FROM sources WHERE id = ?"
        " AND (lease_expires_at IS NULL OR lease_expires_at <= ? OR lease_owner = ?)"
        " AND (released_at IS NULL OR released_at < ?)" + dialect.skip_locked(conn),
        (source_id, moment, poller_name(), precise(not_attempted_since)),
    ).fetchone()
    if row is None:
        return False
    conn.execute(
        "UPDATE sources SET lease_owner = ?, lease_expires_at = ? WHERE id = ?",
        (poller_name(), to_text(now + timedelta(seconds=lease_seconds)), source_id),
    )
    return True


def round_start(conn: Connection, mine: datetime, *, poll_id: int, lease_seconds: int) -> datetime:
    """When this poll's round began: its own start, or that of a poll still running (started
    within a lease, so a poller that died long ago is no longer waited for), whichever is first.

    Pollers started together join one round: none of them polls again a source that another
    one has finished since the round began, however unevenly the processes got going.
    """
    if dialect.dialect_of(conn) == dialect.SQLITE:
        return mine
    row = conn.execute(
        "SELECT min(began_at) FROM polls WHERE finished_at IS NULL AND began_at >= ? AND id <> ?",
        (precise(mine - timedelta(seconds=lease_seconds)), poll_id),
    ).fetchone()
    if row[0] is None:
        return mine
    running = datetime.fromisoformat(row[0])
    return min(mine, running)


def release_source(conn: Connection, source_id: int, *, now: datetime) -> None:
    """Give the source back (its writes are committed, or it failed)."""
    if dialect.dialect_of(conn) == dialect.SQLITE:
        return
    conn.execute(
        "UPDATE sources SET lease_owner = NULL, lease_expires_at = NULL, released_at = ?"
        " WHERE id = ? AND lease_owner = ?",
        (precise(now), source_id, poller_name()),
    )


def precise(moment: datetime) -> str:
    """A UTC time to the microsecond (sorts as text): polls may follow within one second."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
