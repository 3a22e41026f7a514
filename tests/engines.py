"""The store's engines for tests: a SQLite file, or a fresh database on a PostgreSQL server.

The server is `$REVIEWWATCH_TEST_POSTGRES` (a URL whose database the tests may connect to, to
create and drop their own), else postgres@127.0.0.1:5432 with trust auth. Where no server
answers, the PostgreSQL tests skip with a message, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from reviewwatch.location import PostgresUrl, parse_location
from reviewwatch.store import connect

if TYPE_CHECKING:
    import psycopg

SERVER_ENV = "REVIEWWATCH_TEST_POSTGRES"
DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
ENGINES = ("sqlite", "postgresql")


def server_url() -> str:
    return os.environ.get(SERVER_ENV) or DEFAULT_SERVER


@cache
def _unreachable() -> str | None:
    """Why no PostgreSQL server can be used, or None when one can."""
    try:
        import psycopg
    except ImportError:
        return 'psycopg is not installed (pip install -e ".[test]")'
    try:
        psycopg.connect(server_url(), connect_timeout=3, autocommit=True).close()
    except psycopg.Error as error:
        shown = PostgresUrl(server_url())  # never a password in a skip message
        return f"no PostgreSQL server at {shown}: {str(error).strip().splitlines()[0]}"
    return None


def require_postgres() -> None:
    reason = _unreachable()
    if reason is None:
        return
    message = f"{reason} (set {SERVER_ENV} to a server URL)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def postgres_database() -> Iterator[str]:
    """A new empty database on the test server, dropped afterwards; yields its URL."""
    import psycopg

    require_postgres()
    name = f"reviewwatch_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(server_url())
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server_url(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def store_location(engine: str, folder: os.PathLike[str]) -> Iterator[str]:
    """Where a test's store lives: a file in `folder`, or a new PostgreSQL database."""
    if engine == "sqlite":
        yield str(Path(folder) / "reviews.db")
        return
    with postgres_database() as url:
        yield url


def store_rows(location: str | os.PathLike[str], sql: str) -> list[tuple[Any, ...]]:
    """The rows of one query on the store at `location` (a file or a PostgreSQL URL), read
    through the store's own connection, so a test reads either engine the same way."""
    conn = connect(parse_location(os.fspath(location), os.environ, "--db"))
    try:
        return [tuple(row) for row in conn.execute(sql).fetchall()]
    finally:
        conn.close()


def is_postgres(location: str | os.PathLike[str]) -> bool:
    return isinstance(parse_location(os.fspath(location), os.environ, "--db"), PostgresUrl)


def set_schema_version(location: str | os.PathLike[str], version: int) -> None:
    """Mark the store at `location` as made by a reviewwatch of schema `version` (a newer one,
    in the tests), written past the store's own connect, which would refuse such a store."""
    if not is_postgres(location):
        import sqlite3

        raw = sqlite3.connect(os.fspath(location))
        raw.execute(f"PRAGMA user_version = {int(version)}")
        raw.close()
        return
    import psycopg

    with psycopg.connect(os.fspath(location), autocommit=True) as server:
        server.execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
        server.execute("DELETE FROM schema_version")
        server.execute("INSERT INTO schema_version (version) VALUES (%s)", (version,))


def pg_scalar(conn: psycopg.Connection[Any], sql: str) -> Any:
    """The first value of the one row a query run straight on PostgreSQL returns."""
    row = conn.execute(sql).fetchone()
    assert row is not None, f"no row from {sql!r}"
    return row[0]
