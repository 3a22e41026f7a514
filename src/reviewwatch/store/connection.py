"""Opening the database: pragmas, migrations, transactions and the poll lock.

Both engines are reached through `Connection`: SQLite's own connection (a subclass that only
names its dialect, so the SQLite paths run at full speed) and a PostgreSQL one that takes the
same SQL (`?` placeholders). What differs between the engines lives in `store.dialect`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Protocol

from reviewwatch.errors import BusyError, LockedError, StoreError
from reviewwatch.location import Location, PostgresUrl
from reviewwatch.private_files import make_private_folders
from reviewwatch.store.dialect import begin_sql
from reviewwatch.store.migrations import SCHEMA_VERSION, migrate

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

    @property
    def in_transaction(self) -> bool: ...

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


def busy_timeout_ms() -> int:
    """How long a command waits for another one's write: `REVIEWWATCH_BUSY_TIMEOUT` seconds."""
    text = os.environ.get("REVIEWWATCH_BUSY_TIMEOUT", "")
    try:
        seconds = float(text)
    except ValueError:
        return BUSY_TIMEOUT_MS
    return int(seconds * 1000) if 0 <= seconds < 86_400 else BUSY_TIMEOUT_MS


def connect(location: Location, *, read_only: bool = False) -> Connection:
    """Open (creating if needed) and migrate a reviewwatch database, SQLite or PostgreSQL.

    On PostgreSQL `read_only` changes nothing: what a person may change is up to their role.
    """
    if isinstance(location, PostgresUrl):
        from reviewwatch.store.postgres import connect_postgres

        return connect_postgres(location)
    return connect_sqlite(location, read_only=read_only)


def connect_sqlite(path: Path, *, read_only: bool = False) -> SqliteConnection:
    """Open (creating if needed) and migrate a SQLite reviewwatch database.

    A file that is not a reviewwatch database (another program's SQLite file, one from a newer
    reviewwatch) is refused before anything in it is changed. `read_only` opens it without
    ever writing (for the commands that only read), also from read-only storage.
    """
    if str(path) == ":memory:":
        conn = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, factory=SqliteConnection
        )
        migrate(conn)
        return conn
    if read_only:
        return _connect_read_only(path)
    make_private_folder(path.parent, what="the database")
    try:
        _create_private(path)
        conn = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, factory=SqliteConnection
        )
    except (OSError, sqlite3.Error) as error:
        raise store_error(error, path) from error
    try:
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        check_schema(conn, path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        migrate(conn)
    except (sqlite3.Error, StoreError) as error:
        conn.close()
        if isinstance(error, StoreError):
            raise
        raise store_error(error, path) from error
    return conn


def _connect_read_only(path: Path) -> SqliteConnection:
    """A connection that cannot write; from read-only media too (SQLite's `immutable`)."""
    from urllib.parse import quote

    with contextlib.suppress(sqlite3.Error, StoreError):
        # An older schema is brought up to date first when the file can be written.
        if _schema_version(path) < SCHEMA_VERSION and os.access(path, os.W_OK):
            connect_sqlite(path).close()
    base = "file:" + quote(str(path.resolve()))
    last: sqlite3.Error | None = None
    for options in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(
                base + options,
                uri=True,
                isolation_level=None,
                check_same_thread=False,
                factory=SqliteConnection,
            )
        except sqlite3.Error as error:
            last = error
            continue
        try:
            conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
            check_schema(conn, path)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.OperationalError as error:
            conn.close()
            last = error  # WAL without its -shm file in a folder we cannot write: try immutable
            continue
        except (sqlite3.Error, StoreError) as error:
            conn.close()
            if isinstance(error, StoreError):
                raise
            raise store_error(error, path) from error
        if version < SCHEMA_VERSION:
            conn.close()
            raise StoreError(
                f"{path} was written by an older reviewwatch and needs upgrading, which needs "
                "write access; run any command that writes (such as `reviewwatch poll`) "
                "where it can be written"
            )
        return conn
    assert last is not None
    raise store_error(last, path)


def _schema_version(path: Path) -> int:
    raw = sqlite3.connect(path)
    try:
        return int(raw.execute("PRAGMA user_version").fetchone()[0])
    finally:
        raw.close()


def check_schema(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse, before any change, a database that is not (or not yet) reviewwatch's."""
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(row[0]).startswith("sqlite_")
    }
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database {path} has schema version {version}, but this reviewwatch knows only "
            f"up to {SCHEMA_VERSION}; upgrade reviewwatch (pip install -U reviewwatch) to use it"
        )
    if version < 0 or (version == 0 and tables) or (version > 0 and "reviews" not in tables):
        shown = ", ".join(sorted(tables)[:3]) or "none"
        raise StoreError(
            f"{path} is not a reviewwatch database (its tables: {shown}); it was left as it "
            "is: give another --db"
        )


def store_error(error: BaseException, path: Path) -> StoreError | BusyError:
    """A database or file-system error as one line that names the path and the fix."""
    text = str(error)
    lowered = text.lower()
    if isinstance(error, sqlite3.OperationalError) and ("locked" in lowered or "busy" in lowered):
        return BusyError(
            f"the database {path} is busy: another command (a poll?) kept writing for longer "
            f"than {busy_timeout_ms() / 1000:g} s; nothing was changed, try again shortly"
        )
    if "full" in lowered or getattr(error, "errno", None) in (errno.ENOSPC, errno.EFBIG):
        return StoreError(
            f"no space left to write {path} (disk full or a file size limit): {text}; nothing "
            "stored was lost: free some space and run it again"
        )
    if "disk i/o error" in lowered:
        return StoreError(
            f"could not write {path} ({text}): the disk may be out of space, over a file size "
            "limit or failing; nothing stored was lost: free some space or check the disk and "
            "run it again"
        )
    read_only = "readonly" in lowered or "read-only" in lowered
    read_only = read_only or getattr(error, "errno", 0) == errno.EROFS
    if read_only or ("unable to open" in lowered and _on_read_only_storage(path)):
        return StoreError(
            f"{path} is on read-only storage or not writable for you: {text}; reading commands "
            "(list, show, export, stats) still work; make it writable to poll or change it"
        )
    if isinstance(error, PermissionError) or "unable to open" in lowered:
        return StoreError(
            f"cannot open {path}: {text}; check that its folder exists and that you may write "
            "there, or give another --db"
        )
    if isinstance(error, OSError):
        reason = error.strerror or text
        where = error.filename or path
        return StoreError(f"cannot use {where}: {reason}; give another --db or fix the path")
    return StoreError(
        f"{path} is not a usable reviewwatch database ({text}); check it with "
        f"`sqlite3 {path} 'PRAGMA integrity_check'` and restore a backup"
    )


def _on_read_only_storage(path: Path) -> bool:
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        return False


def make_private_folder(folder: Path, *, what: str) -> None:
    """Create `folder` and its missing parents readable by their owner only (0700)."""
    try:
        make_private_folders(folder)
    except OSError as error:
        raise StoreError(
            f"cannot create the folder for {what} {folder}: {error.strerror or error}"
        ) from error


def _create_private(path: Path) -> None:
    """Create an empty database file readable by its owner only; SQLite gives its -wal and
    -shm files the same mode."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One write transaction: committed whole or rolled back whole."""
    conn.execute(begin_sql(conn))
    try:
        yield conn
    except BaseException:
        # SQLite has already rolled back after some errors (a full disk): rolling back again
        # would hide the real error under "no transaction is active".
        if conn.in_transaction:
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
        make_private_folder(self.path.parent, what="the database")
        stream = self._open()
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

    def _open(self) -> IO[str]:
        # Never through a symlink: one planted in a shared folder would have its target
        # truncated and overwritten.
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        try:
            descriptor = os.open(self.path, flags, 0o600)
        except OSError as error:
            if error.errno == errno.ELOOP or self.path.is_symlink():
                raise StoreError(
                    f"the lock file {self.path} is a symbolic link; remove it (reviewwatch "
                    "creates its own)"
                ) from None
            raise store_error(error, self.path) from error
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.close(descriptor)
            raise StoreError(f"the lock file {self.path} is not a regular file; remove it")
        return os.fdopen(descriptor, "r+", encoding="utf-8")

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
