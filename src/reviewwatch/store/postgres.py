"""The PostgreSQL engine: a psycopg 3 connection that takes the store's SQL as it is written.

psycopg is an optional extra (`pip install "reviewwatch[postgres]"`), imported only here and
only when a PostgreSQL URL is used.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from reviewwatch.errors import BusyError, StoreError
from reviewwatch.location import PostgresUrl
from reviewwatch.store.connection import busy_timeout_ms

if TYPE_CHECKING:
    import psycopg

    from reviewwatch.store.connection import Cursor

CONNECT_TIMEOUT_SECONDS = 10
INSTALL_HINT = 'a PostgreSQL database needs psycopg: pip install "reviewwatch[postgres]"'


@lru_cache(maxsize=1024)
def to_format_style(sql: str) -> str:
    """`?` placeholders as psycopg's `%s`, and a literal `%` as `%%`; quoted text is kept."""
    out: list[str] = []
    quote: str | None = None
    for char in sql:
        if quote is not None:
            if char == quote:
                quote = None
            out.append("%%" if char == "%" else char)
        elif char in ("'", '"'):
            quote = char
            out.append(char)
        elif char == "?":
            out.append("%s")
        elif char == "%":
            out.append("%%")
        else:
            out.append(char)
    return "".join(out)


class PostgresConnection:
    """A psycopg connection in autocommit mode: `transaction()` sends BEGIN and COMMIT."""

    dialect = "postgresql"

    def __init__(self, raw: psycopg.Connection[Any], location: PostgresUrl) -> None:
        self.raw = raw
        self.location = location
        self._cursors = itertools.count(1)

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, parameters: Any = (), /) -> Cursor:
        import psycopg

        try:
            return self.raw.execute(to_format_style(sql), _without_nul(parameters))
        except psycopg.Error as error:
            # A lost server, a missing privilege (a viewer role that tries to write) ...
            raise self._error(error) from error

    def stream(self, sql: str, parameters: Any = ()) -> Any:
        """A server-side cursor WITH HOLD over the query (see `dialect.streamed`)."""
        import psycopg

        cursor = self.raw.cursor(name=f"reviewwatch_{next(self._cursors)}", withhold=True)
        try:
            cursor.execute(to_format_style(sql), _without_nul(parameters))
        except psycopg.Error as error:
            cursor.close()
            raise self._error(error) from error
        return cursor

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor:
        import psycopg

        rows = [_without_nul(row) for row in parameters]
        cursor = self.raw.cursor()
        if rows:
            try:
                cursor.executemany(to_format_style(sql), rows)
            except psycopg.Error as error:
                raise self._error(error) from error
        return cursor

    def close(self) -> None:
        self.raw.close()

    @contextlib.contextmanager
    def pipeline(self) -> Iterator[None]:
        """See `dialect.pipeline`; an error of any statement in it is a StoreError."""
        import psycopg

        try:
            with self.raw.pipeline():
                yield
        except psycopg.Error as error:
            # A failed statement skips the rest, COMMIT included: end the transaction here.
            if self.in_transaction:
                with contextlib.suppress(psycopg.Error):
                    self.raw.execute("ROLLBACK")
            raise self._error(error) from error

    def sibling(self) -> PostgresConnection:
        """Another connection to the same database, already migrated by this one: for work
        that runs beside this connection's (a poll's sources on worker threads)."""
        return PostgresConnection(_open(self.location), self.location)

    def _error(self, error: psycopg.Error) -> StoreError | BusyError:
        """A lost server, a missing privilege (a viewer role that tries to write) ... as one
        line; a lock held past `lock_timeout` (see `connect_postgres`) is busy, as on SQLite."""
        import psycopg.errors

        if isinstance(error, psycopg.errors.LockNotAvailable):
            return BusyError(
                f"the database {self.location} is busy: another command (a poll?) kept writing"
                f" for longer than {busy_timeout_ms() / 1000:g} s; nothing was changed, try"
                " again shortly"
            )
        return StoreError(f"PostgreSQL at {self.location}: {_first_line(error)}")


def connect_postgres(location: PostgresUrl) -> PostgresConnection:
    """Connect and migrate; a missing psycopg or an unreachable server is a one-line error."""
    try:
        import psycopg
    except ImportError:
        raise StoreError(INSTALL_HINT) from None
    from reviewwatch.store.migrations import migrate

    conn = PostgresConnection(_open(location), location)
    try:
        _refuse_foreign(conn)
        migrate(conn)
    except psycopg.Error as error:
        conn.close()
        raise StoreError(f"{location} is not a usable reviewwatch database: {error}") from error
    return conn


def _open(location: PostgresUrl) -> psycopg.Connection[Any]:
    """A psycopg connection in autocommit mode that waits for another command's locks as
    long as SQLite's busy timeout (0 would mean forever here, so at least 1 ms), then fails as
    busy instead of hanging."""
    import psycopg

    options: dict[str, Any] = {"autocommit": True, "connect_timeout": CONNECT_TIMEOUT_SECONDS}
    if location.password is not None:
        options["password"] = location.password
    try:
        raw = psycopg.connect(location.url, **options)
    except psycopg.Error as error:
        raise StoreError(f"cannot connect to {location}: {_first_line(error)}") from None
    try:
        raw.execute(f"SET lock_timeout = {max(1, busy_timeout_ms())}")
    except psycopg.Error as error:
        raw.close()
        raise StoreError(f"{location} is not a usable reviewwatch database: {error}") from error
    return raw


def _refuse_foreign(conn: PostgresConnection) -> None:
    """A database that holds other tables and no reviewwatch schema is left as it is."""
    from reviewwatch.store import dialect

    if dialect.schema_version(conn) > 0:
        return
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() ORDER BY table_name LIMIT 3"
        )
    ]
    # Another poller may have committed its first migration (tables and version together)
    # between the two reads: look at the version again before calling the database foreign.
    if tables and dialect.schema_version(conn) == 0:
        raise StoreError(
            f"{conn.location} is not a reviewwatch database (its tables: {', '.join(tables)});"
            " it was left as it is: give an empty database"
        )


def _without_nul(parameters: Any) -> Any:
    """The parameters, with NUL characters dropped from text: PostgreSQL's text cannot hold
    them (SQLite's can; a platform sending one sends garbage)."""
    if not parameters:
        return None
    if isinstance(parameters, list | tuple) and any(
        type(value) is str and "\x00" in value for value in parameters
    ):
        return [value.replace("\x00", "") if type(value) is str else value for value in parameters]
    return parameters


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
