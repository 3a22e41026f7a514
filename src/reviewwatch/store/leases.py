"""Per-source leases, so that pollers on several machines share one PostgreSQL store.

A poller claims a source before it polls it: the row is taken with `SELECT ... FOR UPDATE SKIP
LOCKED` and marked with the poller's name and an expiry, renewed while the poll runs
(`LeaseKeeper`), then released in the statement that writes the source's outcome. A poller
that dies keeps its sources only until the lease expires. SQLite needs none
of this (one poll at a time holds the file's poll lock), so there every claim succeeds at once.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from reviewwatch.errors import StoreError
from reviewwatch.store import dialect
from reviewwatch.store.connection import Connection, to_text

_NAME_LOCK = threading.Lock()


def poller_name() -> str:
    """This process, as other pollers see it in `sources.lease_owner` (the same name on every
    thread: a poll's sources are written from several)."""
    with _NAME_LOCK:
        return _poller_name()


@cache
def _poller_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A source's row as a poll reads it when it claims the source."""

    id: int
    baseline_at: str | None
    mapping: str | None
    last_success_at: str | None


_ROW_COLUMNS = "id, baseline_at, mapping, last_success_at"


def claim_source(
    conn: Connection,
    name: str,
    *,
    now: datetime,
    lease_seconds: int,
    not_attempted_since: datetime,
) -> SourceRow | None:
    """Take the source for one poll and read its row; None when another poller holds it or
    has finished it since `not_attempted_since` (this round).

    On PostgreSQL this is one statement, a transaction of its own: the row is chosen with
    `FOR UPDATE SKIP LOCKED` and marked with this poller's name and the lease's expiry. On
    SQLite (one poll at a time holds the file's poll lock) the row is only read.
    """
    if dialect.dialect_of(conn) == dialect.SQLITE:
        row = conn.execute(f"SELECT {_ROW_COLUMNS} FROM sources WHERE name = ?", (name,)).fetchone()
    else:
        row = conn.execute(
            "UPDATE sources SET lease_owner = ?, lease_expires_at = ? WHERE id = (SELECT id FROM"
            " sources WHERE name = ?"
            " AND (lease_expires_at IS NULL OR lease_expires_at <= ? OR lease_owner = ?)"
            " AND (released_at IS NULL OR released_at < ?)"
            + dialect.skip_locked(conn)
            + f") RETURNING {_ROW_COLUMNS}",
            (
                poller_name(),
                to_text(now + timedelta(seconds=lease_seconds)),
                name,
                to_text(now),
                poller_name(),
                precise(not_attempted_since),
            ),
        ).fetchone()
    return None if row is None else SourceRow(int(row[0]), row[1], row[2], row[3])


def renew_leases(conn: Connection, *, now: datetime, lease_seconds: int) -> int:
    """Push back the expiry of every lease this poller holds; how many it holds."""
    if dialect.dialect_of(conn) == dialect.SQLITE:
        return 0
    cursor = conn.execute(
        "UPDATE sources SET lease_expires_at = ? WHERE lease_owner = ?",
        (to_text(now + timedelta(seconds=lease_seconds)), poller_name()),
    )
    return max(0, cursor.rowcount)


class LeaseKeeper:
    """Renews this poller's leases every third of a lease while a poll runs, on a thread and a
    connection of its own, so that a source slower than its lease is never taken by a second
    poller. A poller that dies stops renewing, and its leases expire as before."""

    def __init__(self, connect: Callable[[], Connection], lease_seconds: int) -> None:
        self._connect = connect
        self.lease_seconds = lease_seconds
        self.every = max(0.5, lease_seconds / 3)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="reviewwatch-leases", daemon=True)
        self.renewals = 0

    def __enter__(self) -> LeaseKeeper:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        conn: Connection | None = None
        try:
            while not self._stop.wait(self.every):
                try:
                    if conn is None:  # only polls that outlast a third of a lease connect
                        conn = self._connect()
                    renew_leases(conn, now=datetime.now(UTC), lease_seconds=self.lease_seconds)
                    self.renewals += 1
                except StoreError:
                    # The server is busy or gone: the poll's own statements will say so; the
                    # next tick tries again on a new connection.
                    if conn is not None:
                        with contextlib.suppress(Exception):
                            conn.close()
                    conn = None
        finally:
            if conn is not None:
                conn.close()


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


def release_sql() -> str:
    """The SET items of an UPDATE of `sources` that give the source back if this poller holds
    it (its outcome is written in the same statement); bind `release_values` after them."""
    return (
        "lease_owner = CASE WHEN lease_owner = ? THEN NULL ELSE lease_owner END,"
        " lease_expires_at = CASE WHEN lease_owner = ? THEN NULL ELSE lease_expires_at END,"
        " released_at = CASE WHEN lease_owner = ? THEN ? ELSE released_at END"
    )


def release_values(now: datetime) -> tuple[str, str, str, str]:
    me = poller_name()
    return (me, me, me, precise(now))


def precise(moment: datetime) -> str:
    """A UTC time to the microsecond (sorts as text): polls may follow within one second."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
