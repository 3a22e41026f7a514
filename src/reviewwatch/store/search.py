"""Full-text search over a review's title, body, author and reply: SQLite FTS5, and on
PostgreSQL a plain scan of the reviews table (see `_pg_match`).

The index is an external-content FTS5 table over `reviews`, filled lazily: a poll that stores
a million reviews does not pay for tokenising them (it would be several times slower); the
first search indexes what is new since the last one, once. Changes to rows already indexed
(edits, posted replies, forgotten sources) are kept in step by triggers, which fire only on
those rows. Everything SQLite-specific about search lives here, behind `sync_index`,
`match_clause` and `migrate_search`.

PostgreSQL has no index to keep: each word or "phrase" of the query must appear in the title,
body, author or reply, ignoring case (ILIKE), a trailing * is a prefix (every word already is),
and the results come newest first. OR, NOT and NEAR are FTS5's and are refused there.
"""

from __future__ import annotations

import re
import sqlite3
from typing import TYPE_CHECKING

from reviewwatch.errors import UserError
from reviewwatch.store import dialect

if TYPE_CHECKING:
    from reviewwatch.store.connection import Connection

FTS_TABLE = "reviews_fts"
_COLUMNS = "title, body, author, reply"
_STATE_TABLE = "search_state"


def is_index_table(name: str) -> bool:
    """A table of SQLite's search index (rebuilt from the reviews, so never copied)."""
    return name in (_STATE_TABLE, FTS_TABLE) or name.startswith(f"{FTS_TABLE}_")


def migrate_search(conn: Connection) -> None:
    """Create the index, its high-water mark and the triggers (part of a migration)."""
    statements = [
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({_COLUMNS}, content='reviews',"
        " content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        # Reviews with an id up to `indexed_upto` are in the index.
        "CREATE TABLE search_state (id INTEGER PRIMARY KEY CHECK (id = 1),"
        " indexed_upto INTEGER NOT NULL)",
        "INSERT INTO search_state (id, indexed_upto) VALUES (1, 0)",
        # An indexed row whose text changes: its old words out, its new ones in.
        "CREATE TRIGGER reviews_fts_update AFTER UPDATE OF title, body, author, reply ON reviews"
        " WHEN old.id <= (SELECT indexed_upto FROM search_state WHERE id = 1) BEGIN"
        f" INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, {_COLUMNS})"
        " VALUES ('delete', old.id, old.title, old.body, old.author, old.reply);"
        f" INSERT INTO {FTS_TABLE} (rowid, {_COLUMNS})"
        " VALUES (new.id, new.title, new.body, new.author, new.reply); END",
        # An indexed row that is deleted leaves the index; and if the highest ids go, the mark
        # comes down with them so that ids given again are indexed again.
        "CREATE TRIGGER reviews_fts_delete AFTER DELETE ON reviews"
        " WHEN old.id <= (SELECT indexed_upto FROM search_state WHERE id = 1) BEGIN"
        f" INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, {_COLUMNS})"
        " VALUES ('delete', old.id, old.title, old.body, old.author, old.reply);"
        " UPDATE search_state SET indexed_upto = (SELECT coalesce(max(id), 0) FROM reviews)"
        " WHERE id = 1 AND indexed_upto > (SELECT coalesce(max(id), 0) FROM reviews); END",
    ]
    for statement in statements:
        conn.execute(statement)


def sync_index(conn: Connection) -> int:
    """Index the reviews stored since the last search; return how many were added.

    A database that cannot be written (read-only, or busy for longer than the timeout) is
    searched as far as it is indexed. PostgreSQL has no index to bring up to date.
    """
    if dialect.dialect_of(conn) != dialect.SQLITE:
        return 0
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return 0
    try:
        upto = int(conn.execute("SELECT indexed_upto FROM search_state").fetchone()[0])
        top = int(conn.execute("SELECT coalesce(max(id), 0) FROM reviews").fetchone()[0])
        if top > upto:
            conn.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, {_COLUMNS})"
                f" SELECT id, {_COLUMNS} FROM reviews WHERE id > ? ORDER BY id",
                (upto,),
            )
            conn.execute("UPDATE search_state SET indexed_upto = ?", (top,))
        conn.execute("COMMIT")
    except sqlite3.OperationalError:  # read-only storage, or a lock held too long
        conn.execute("ROLLBACK")
        return 0
    return max(0, top - upto)


_PG_COLUMNS = "concat_ws(' ', {p}title, {p}body, {p}author, {p}reply)"
_PG_REFUSED = ("OR", "NOT", "NEAR")


def _pg_patterns(query: str) -> list[str]:
    """The ILIKE patterns of a query on PostgreSQL: one per word or "phrase", all required."""
    terms = [
        (phrase if phrase else word).rstrip("*")
        for phrase, word in re.findall(r'"([^"]*)"|([^\s"()]+)', query)
    ]
    refused = [term for term in terms if term in _PG_REFUSED]
    if refused:
        raise UserError(
            f"--search {query!r}: {refused[0]} is a full-text operator that a PostgreSQL"
            ' database does not take; use words and "phrases" (all must appear)'
        )
    words = [term for term in terms if term.strip() and term != "AND"]
    if not words:
        raise UserError("--search needs words to look for")
    escaped = [re.sub(r"([\\%_])", r"\\\1", word) for word in words]
    return [f"%{word}%" for word in escaped]


def _pg_match(query: str, prefix: str) -> tuple[str, list[object]]:
    patterns = _pg_patterns(query)
    text = _PG_COLUMNS.format(p=prefix)
    return " AND ".join(f"{text} ILIKE ?" for _ in patterns), list(patterns)


def match_clause(conn: Connection, query: str) -> tuple[str, list[object]]:
    """SQL (over `r`) that keeps the reviews matching a query, and its parameters."""
    if not query.strip():
        raise UserError("--search needs words to look for")
    if dialect.dialect_of(conn) != dialect.SQLITE:
        match, params = _pg_match(query, "r.")
        return f"({match})", params
    return (f"r.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)", [query])


def ranked_from(
    conn: Connection, query: str, top: int | None = None
) -> tuple[str, str, list[object]]:
    """The FROM join and ORDER BY of a ranked search (best match first), and its parameters.

    With `top` (only when nothing else filters), the index itself picks the best `top`
    matches, so that only those reviews are read. PostgreSQL ranks newest first.
    """
    if dialect.dialect_of(conn) != dialect.SQLITE:
        match, params = _pg_match(query, "")
        inner = f"SELECT id AS hit FROM reviews WHERE {match}"
        order = " ORDER BY r.sort_at DESC, r.id DESC"
    else:
        inner = f"SELECT rowid AS hit, rank AS score FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?"
        params = [query]
        order = " ORDER BY m.score, r.sort_at DESC, r.id DESC"
        if top is not None:
            inner += " ORDER BY rank LIMIT ?"
            params.append(top)
    join = f" FROM ({inner}) m JOIN reviews r ON r.id = m.hit JOIN sources s ON s.id = r.source_id"
    return join, order, params


def count_matches(conn: Connection, query: str) -> tuple[str, list[object]]:
    """SQL counting every review that matches (the index alone, when nothing else filters)."""
    if dialect.dialect_of(conn) != dialect.SQLITE:
        match, params = _pg_match(query, "")
        return f"SELECT count(*) FROM reviews WHERE {match}", params
    return f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?", [query]


def query_error(error: sqlite3.OperationalError, query: str) -> UserError | None:
    """A user's mistake in an FTS5 query, as a clear message (None: some other problem)."""
    text = str(error)
    if "fts5" in text or "no such column" in text or "unterminated" in text:
        return UserError(
            f'cannot read the search {query!r} ({text}): use words, "a phrase", prefix*, '
            "AND, OR, NOT, and quote words that hold punctuation"
        )
    return None


def search_terms(query: str) -> list[str]:
    """The words of a query, for highlighting (operators and syntax left out)."""
    words = re.findall(r"[^\s\"()*:^+]+", query)
    return [word for word in words if word not in ("AND", "OR", "NOT", "NEAR") and len(word) > 1]
