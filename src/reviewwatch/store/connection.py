"""Opening the database: pragmas, migrations, transactions and the poll lock.

Both engines are reached through `Connection`: SQLite's own connection (a subclass that only
names its dialect, so the SQLite paths run at full speed) and a PostgreSQL one that takes the
same SQL (`?` placeholders). What differs between the engines lives in `store.dialect`.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Protocol

from reviewwatch.errors import LockedError, StoreError
from reviewwatch.location import Location, PostgresUrl

BUSY_TIMEOUT_MS = 10_000


class Cursor(Protocol):
    """What the code reads from a statement's result, on either engine."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchmany(self, size: int = ...) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """A store connection: SQL with `?` placeholders, autocommit unless in `transaction`."""

    @property
    def dialect(self) -> str: ...

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor: ...

    def close(self) -> None: ...


class SqliteConnection(sqlite3.Connection):
    """sqlite3's connection as it is, named by its dialect."""

    dialect = "sqlite"


def to_text(moment: datetime | None) -> str | None:
    """A stored time: ISO 8601 in UTC with `Z`, to the second (sorts as text)."""
    if moment is None:
        return None
    offset = moment.utcoffset()
    if offset:
        moment = moment.astimezone(UTC)
    # isoformat() is much faster than strftime(); the stored form is the same. An aware time
    # ends in +00:00 here, which becomes Z.
    text = moment.isoformat(timespec="seconds")
    return (text if offset is None else text[:-6]) + "Z"


def from_text(text: str | None) -> datetime | None:
    if text is None:
        return None
    return datetime.fromisoformat(text)


def connect(location: Location) -> Connection:
    """Open (creating if needed) and migrate a reviewwatch database, SQLite or PostgreSQL."""
    if isinstance(location, PostgresUrl):
        from reviewwatch.store.postgres import connect_postgres

        return connect_postgres(location)
    return connect_sqlite(location)


def connect_sqlite(path: Path) -> SqliteConnection:
    """Open (creating if needed) and migrate a SQLite reviewwatch database."""
    from reviewwatch.store.migrations import migrate

    if str(path) != ":memory:":
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot create the folder for the database {path}: {error}"
            ) from error
    try:
        conn = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, factory=SqliteConnection
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        migrate(conn)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is not a usable reviewwatch database: {error}") from error
    return conn


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One write transaction: committed whole or rolled back whole."""
    # SQLite takes its write lock at once, so that a transaction never fails half-way on it.
    sqlite = getattr(conn, "dialect", "sqlite") == "sqlite"
    conn.execute("BEGIN IMMEDIATE" if sqlite else "BEGIN")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class PollLock:
    """An exclusive lock beside the database so that two polls never run at once.

    The operating system releases it when the process ends, even on SIGKILL, so a killed poll
    never leaves a stale lock behind.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._stream: IO[str] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        stream = self.path.open("a+", encoding="utf-8")
        try:
            _lock_file(stream)
        except OSError:
            stream.close()
            raise LockedError(
                f"another `reviewwatch poll` is running on {self.path.with_suffix('')}; "
                "nothing was done"
            ) from None
        stream.seek(0)
        stream.truncate()
        stream.write(f"{os.getpid()}\n")
        stream.flush()
        self._stream = stream

    def release(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None

    def __enter__(self) -> PollLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _lock_file(stream: IO[str]) -> None:
    """Take a non-blocking exclusive lock; OSError when another process holds it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        msvcrt.locking(stream.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
