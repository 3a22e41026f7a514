"""Copying a whole store between engines (SQLite to PostgreSQL or back), ids and all.

Every table of the schema is copied row for row, in an order that keeps foreign keys valid,
into a destination that is migrated to the same version and must be empty. The copy is one
transaction on the destination: it lands whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewwatch.errors import UserError
from reviewwatch.store import dialect
from reviewwatch.store.bulk import insert_rows
from reviewwatch.store.connection import Connection, transaction
from reviewwatch.store.search import is_index_table

# Tables that others refer to come first; the rest follow in name order.
_FIRST = ("sources", "polls", "reviews")
_NOT_COPIED = frozenset({"schema_version", "sqlite_sequence", "sqlite_stat1"})
_BATCH = 1000


@dataclass(frozen=True, slots=True)
class CopyReport:
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def tables(conn: Connection) -> list[str]:
    """The store's tables, in copying order."""
    if dialect.dialect_of(conn) == dialect.SQLITE:
        sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
    else:
        sql = (
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
    # SQLite's search index is left out: the destination builds its own from the reviews.
    names = {row[0] for row in conn.execute(sql) if not is_index_table(row[0])} - _NOT_COPIED
    return [name for name in _FIRST if name in names] + sorted(names - set(_FIRST))


def columns(conn: Connection, table: str) -> list[str]:
    if dialect.dialect_of(conn) == dialect.SQLITE:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    rows = conn.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
        (table,),
    )
    return [row[0] for row in rows]


def copy_store(source: Connection, target: Connection) -> CopyReport:
    """Copy every row of `source` into the empty `target` (both migrated to this version)."""
    if dialect.schema_version(source) != dialect.schema_version(target):
        raise UserError("the two databases have different schema versions")
    names = tables(source)
    missing = [name for name in names if name not in tables(target)]
    if missing:
        raise UserError(f"the destination has no table {missing[0]!r}")
    busy = [name for name in names if target.execute(f"SELECT 1 FROM {name} LIMIT 1").fetchone()]
    if busy:
        raise UserError(
            f"the destination is not empty (table {busy[0]} has rows); copy into a new database"
        )
    counts: dict[str, int] = {}
    with transaction(target):
        for name in names:
            wanted = columns(source, name)
            present = set(columns(target, name))
            lost = [column for column in wanted if column not in present]
            if lost:
                raise UserError(f"the destination's table {name} has no column {lost[0]!r}")
            counts[name] = _copy_table(source, target, name, wanted)
        for name in names:
            if "id" in columns(target, name):
                dialect.restart_ids(target, name)
    return CopyReport(counts)


def _copy_table(source: Connection, target: Connection, table: str, names: list[str]) -> int:
    order = "id" if "id" in names else ", ".join(names[:2])
    cursor = source.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY {order}")
    count = 0
    while rows := cursor.fetchmany(_BATCH):
        # NULLs are written as NULLs: a column's default must not stand in for them.
        insert_rows(target, table, names, [tuple(row) for row in rows], keep_nulls=True)
        count += len(rows)
    return count
