"""`insert_rows`: many rows per statement and NULL columns left out, the same rows stored."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewwatch.store.bulk import MAX_ROWS_PER_STATEMENT, insert_rows
from reviewwatch.store.connection import SqliteConnection

COLUMNS = ("id", "name", "stars", "note", "seen")
TABLE = "CREATE TABLE {} (id INTEGER PRIMARY KEY, name TEXT, stars INTEGER, note TEXT, seen TEXT)"

rows_strategy = st.lists(
    st.tuples(
        st.none() | st.text(max_size=8),
        st.none() | st.integers(min_value=-5, max_value=5),
        st.none() | st.text(max_size=8),
        st.none() | st.sampled_from(["2026-01-01T00:00:00Z", ""]),
    ),
    max_size=2 * MAX_ROWS_PER_STATEMENT + 7,
)


def _tables() -> SqliteConnection:
    conn = sqlite3.connect(":memory:", isolation_level=None, factory=SqliteConnection)
    conn.execute(TABLE.format("fast"))
    conn.execute(TABLE.format("plain"))
    return conn


def _stored(conn: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    return conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()


@settings(max_examples=60, deadline=None)
@given(values=rows_strategy)
def test_the_rows_stored_are_those_one_by_one_inserts_store(
    values: list[tuple[object, ...]],
) -> None:
    rows = [(number, *row) for number, row in enumerate(values, start=1)]
    conn = _tables()
    insert_rows(conn, "fast", COLUMNS, rows)
    conn.executemany("INSERT INTO plain VALUES (?, ?, ?, ?, ?)", rows)
    assert _stored(conn, "fast") == _stored(conn, "plain")


def test_a_column_null_in_every_row_takes_its_default() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None, factory=SqliteConnection)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT, kept TEXT DEFAULT 'x')")
    insert_rows(conn, "t", ("id", "note", "kept"), [(1, None, "a"), (2, None, "b")])
    assert conn.execute("SELECT * FROM t ORDER BY id").fetchall() == [
        (1, None, "a"),
        (2, None, "b"),
    ]


def test_a_small_bound_value_limit_splits_the_statements() -> None:
    conn = _tables()
    conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 12)
    rows = [
        (number, f"n{number}", number % 5, None, "2026-01-01T00:00:00Z") for number in range(1, 40)
    ]
    insert_rows(conn, "fast", COLUMNS, rows)
    conn.executemany("INSERT INTO plain VALUES (?, ?, ?, ?, ?)", rows)
    assert _stored(conn, "fast") == _stored(conn, "plain")


def test_only_one_column_with_values() -> None:
    conn = _tables()
    rows = [(number, None, None, None, None) for number in range(1, 5)]
    insert_rows(conn, "fast", COLUMNS, rows)
    assert _stored(conn, "fast") == rows
