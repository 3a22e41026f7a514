"""Forgetting a source: its reviews, every version of them, their team history and replies."""

from __future__ import annotations

from dataclasses import dataclass

from reviewwatch.errors import NotFoundError
from reviewwatch.store import dialect
from reviewwatch.store.connection import Connection, transaction


@dataclass(frozen=True, slots=True)
class Forgotten:
    source: str
    reviews: int


def _tables_with_review_id(conn: Connection) -> list[str]:
    """Every table that keeps rows per review (a `review_id` column), from the catalogue."""
    if dialect.dialect_of(conn) != dialect.SQLITE:
        return [
            str(row[0])
            for row in conn.execute(
                "SELECT table_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND column_name = 'review_id'"
                " ORDER BY table_name"
            )
        ]
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return [
        table
        for table in tables
        if any(column[1] == "review_id" for column in conn.execute(f'PRAGMA table_info("{table}")'))
    ]


def forget_source(conn: Connection, name: str) -> Forgotten:
    """Delete a stored source and everything kept about its reviews, in one transaction."""
    row = conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise NotFoundError(f"no stored source named {name!r}")
    source_id = int(row[0])
    with transaction(conn):
        count = int(
            conn.execute(
                "SELECT count(*) FROM reviews WHERE source_id = ?", (source_id,)
            ).fetchone()[0]
        )
        for table in _tables_with_review_id(conn):
            conn.execute(
                f'DELETE FROM "{table}" WHERE review_id IN'
                " (SELECT id FROM reviews WHERE source_id = ?)",
                (source_id,),
            )
        conn.execute("DELETE FROM reviews WHERE source_id = ?", (source_id,))
        topics = [f"{kind}:{name}" for kind in ("source", "skipped", "mapping")]
        conn.execute("DELETE FROM told WHERE topic IN (?, ?, ?)", topics)
        conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))
    return Forgotten(name, count)
