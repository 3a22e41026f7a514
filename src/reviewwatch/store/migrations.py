"""Numbered schema migrations, applied in order, each in one transaction with the schema
version (`PRAGMA user_version` in SQLite, the `schema_version` table in PostgreSQL).

The same migrations build both engines' schemas: they are written in SQLite's words, with types
in capitals, and `store.dialect.ddl` turns them into PostgreSQL's.
Append new migrations to MIGRATIONS; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reviewwatch.errors import StoreError
from reviewwatch.store import dialect

if TYPE_CHECKING:
    from reviewwatch.store.connection import Connection

Migration = Callable[["Connection"], None]


def _run(conn: Connection, script: str) -> None:
    """Run statements one by one: executescript() would commit the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(dialect.ddl(conn, statement))


def _create_core_tables(conn: Connection) -> None:
    _run(
        conn,
        """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            platform TEXT NOT NULL,
            cursor TEXT,
            baseline_at TEXT,
            last_attempt_at TEXT,
            last_success_at TEXT,
            last_error TEXT,
            last_error_at TEXT,
            last_problems INTEGER NOT NULL DEFAULT 0,
            last_requests INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE polls (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            external_id TEXT NOT NULL,
            rating INTEGER,
            polarity TEXT,
            title TEXT,
            body TEXT,
            author TEXT,
            created_at TEXT,
            updated_at TEXT,
            url TEXT,
            subject TEXT,
            order_id TEXT,
            reply TEXT,
            language_hint TEXT,
            language TEXT,
            flagged INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'new',
            assignee TEXT,
            due_at TEXT,
            first_seen_at TEXT NOT NULL,
            first_poll_id INTEGER,
            baseline INTEGER NOT NULL DEFAULT 0,
            changed_at TEXT,
            removed_at TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            sort_at TEXT NOT NULL,
            UNIQUE (source_id, external_id)
        );
        CREATE TABLE review_versions (
            review_id INTEGER NOT NULL REFERENCES reviews(id),
            version INTEGER NOT NULL,
            poll_id INTEGER,
            seen_at TEXT NOT NULL,
            change TEXT NOT NULL,
            rating INTEGER,
            polarity TEXT,
            title TEXT,
            body TEXT,
            reply TEXT,
            updated_at TEXT,
            PRIMARY KEY (review_id, version)
        ) WITHOUT ROWID;
        CREATE INDEX reviews_by_time ON reviews (sort_at DESC, id DESC);
        CREATE INDEX reviews_by_source ON reviews (source_id, sort_at DESC);
        CREATE INDEX reviews_flagged ON reviews (sort_at DESC, id DESC) WHERE flagged = 1;
        CREATE INDEX reviews_by_status ON reviews (status, sort_at DESC);
        CREATE INDEX reviews_by_poll ON reviews (first_poll_id);
        CREATE INDEX versions_by_poll ON review_versions (poll_id) WHERE poll_id IS NOT NULL;
        """,
    )


def _add_workflow_outbox_and_triage(conn: Connection) -> None:
    _run(
        conn,
        """
        ALTER TABLE reviews ADD COLUMN follow_up_at TEXT;
        ALTER TABLE reviews ADD COLUMN replied_at TEXT;
        ALTER TABLE reviews ADD COLUMN flagged_rating INTEGER;
        CREATE INDEX reviews_due ON reviews (due_at) WHERE due_at IS NOT NULL;
        CREATE INDEX reviews_follow_up ON reviews (follow_up_at) WHERE follow_up_at IS NOT NULL;
        CREATE INDEX reviews_by_assignee ON reviews (assignee, sort_at DESC)
            WHERE assignee IS NOT NULL;
        CREATE TABLE review_events (
            id INTEGER PRIMARY KEY,
            review_id INTEGER NOT NULL REFERENCES reviews(id),
            at TEXT NOT NULL,
            actor TEXT,
            kind TEXT NOT NULL,
            value TEXT,
            note TEXT
        );
        CREATE INDEX review_events_by_review ON review_events (review_id, id);
        CREATE TABLE replies (
            id INTEGER PRIMARY KEY,
            review_id INTEGER NOT NULL REFERENCES reviews(id),
            text TEXT NOT NULL,
            language TEXT,
            state TEXT NOT NULL,
            actor TEXT,
            created_at TEXT NOT NULL,
            posted_at TEXT,
            error TEXT
        );
        CREATE INDEX replies_by_review ON replies (review_id, id);
        CREATE TABLE triage (
            review_id INTEGER PRIMARY KEY REFERENCES reviews(id),
            version INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            variant INTEGER NOT NULL DEFAULT 0,
            reply_language TEXT,
            language TEXT,
            language_confidence REAL,
            categories TEXT NOT NULL,
            removal_grounds TEXT NOT NULL,
            next_steps TEXT NOT NULL,
            suggested_reply TEXT
        );
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            notifier TEXT NOT NULL,
            event TEXT NOT NULL,
            dedupe_key TEXT NOT NULL,
            review_id INTEGER,
            payload TEXT NOT NULL,
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            sent_at TEXT,
            UNIQUE (notifier, dedupe_key)
        );
        CREATE INDEX outbox_pending ON outbox (notifier, id) WHERE sent_at IS NULL
        """,
    )


def _add_ai_results_and_usage(conn: Connection) -> None:
    # Plain SQL that PostgreSQL reads the same way: no WITHOUT ROWID, no SQLite-only types.
    _run(
        conn,
        """
        CREATE TABLE ai_results (
            review_id INTEGER NOT NULL REFERENCES reviews(id),
            version INTEGER NOT NULL,
            model TEXT NOT NULL,
            kind TEXT NOT NULL,
            request TEXT NOT NULL,
            result TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (review_id, version, model, kind, request)
        );
        CREATE TABLE ai_usage (
            month TEXT PRIMARY KEY,
            requests INTEGER NOT NULL DEFAULT 0
        )
        """,
    )


def _add_announcements(conn: Connection) -> None:
    # The version of a flagged review that no poll has announced yet: written in the same
    # transaction as the flag, cleared once the alerts are queued and the report printed.
    _run(
        conn,
        """
        ALTER TABLE reviews ADD COLUMN announce_version INTEGER;
        CREATE INDEX reviews_to_announce ON reviews (id) WHERE announce_version IS NOT NULL
        """,
    )


def _add_rating_change_marks(conn: Connection) -> None:
    # The version of a flagged (or formerly flagged) review whose rating changed and that no
    # poll has told yet: like `announce_version`, written with the change, cleared once told.
    _run(
        conn,
        """
        ALTER TABLE reviews ADD COLUMN rating_change_version INTEGER;
        CREATE INDEX reviews_rating_changes ON reviews (id)
            WHERE rating_change_version IS NOT NULL
        """,
    )


def _add_translation(conn: Connection) -> None:
    # Plain SQL that PostgreSQL reads the same way.
    _run(conn, "ALTER TABLE reviews ADD COLUMN translation TEXT")


def _add_leases_and_claims(conn: Connection) -> None:
    _run(
        conn,
        """
        ALTER TABLE sources ADD COLUMN lease_owner TEXT;
        ALTER TABLE sources ADD COLUMN lease_expires_at TEXT;
        ALTER TABLE sources ADD COLUMN released_at TEXT;
        ALTER TABLE polls ADD COLUMN began_at TEXT;
        ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
        ALTER TABLE outbox ADD COLUMN claimed_until TEXT
        """,
    )


def _add_source_business(conn: Connection) -> None:
    _run(conn, "ALTER TABLE sources ADD COLUMN business TEXT")


def _add_reply_approval(conn: Connection) -> None:
    _run(
        conn,
        """
        ALTER TABLE replies ADD COLUMN approved_by TEXT;
        ALTER TABLE replies ADD COLUMN approved_at TEXT
        """,
    )


def _detect_stored_languages(conn: Connection) -> None:
    """Every stored review's `language` detected from its text, as new reviews get it;
    `language_hint` keeps the platform's field. Read and written a thousand rows at a time,
    in plain SQL."""
    if conn.execute("SELECT 1 FROM reviews LIMIT 1").fetchone() is None:
        return  # a new database: nothing to detect, and no need to load the detector
    from reviewwatch.triage.language import review_language

    last = 0
    while True:
        rows = conn.execute(
            "SELECT id, title, body, language_hint FROM reviews"
            " WHERE id > ? ORDER BY id LIMIT 1000",
            (last,),
        ).fetchall()
        if not rows:
            return
        conn.executemany(
            "UPDATE reviews SET language = ? WHERE id = ?",
            [
                (review_language(title, body, hint), review_id)
                for review_id, title, body, hint in rows
            ],
        )
        last = rows[-1][0]


def _add_category_corrections(conn: Connection) -> None:
    # One row per corrected review: the latest correction wins. Lists are JSON text;
    # removal_grounds is NULL when only the categories were corrected.
    _run(
        conn,
        """
        CREATE TABLE category_corrections (
            review_id INTEGER PRIMARY KEY REFERENCES reviews(id),
            categories TEXT NOT NULL,
            removal_grounds TEXT,
            actor TEXT,
            corrected_at TEXT NOT NULL
        )
        """,
    )


def _add_told(conn: Connection) -> None:
    # What the poll report last told about a lasting matter (a failing source, overdue
    # replies, skipped records), so that cron mails it when it starts, changes, or daily;
    # and a fingerprint of each source's field mapping, so that a changed mapping is told
    # as such rather than as an edit of every review.
    _run(
        conn,
        """
        CREATE TABLE told (
            topic TEXT PRIMARY KEY,
            detail TEXT NOT NULL,
            since TEXT NOT NULL,
            told_at TEXT NOT NULL
        );
        ALTER TABLE sources ADD COLUMN mapping TEXT
        """,
    )


def _add_search(conn: Connection) -> None:
    # SQLite: an FTS5 index with its triggers. PostgreSQL searches the reviews table itself
    # (store.search), so it has nothing to build.
    if dialect.dialect_of(conn) != dialect.SQLITE:
        return
    from reviewwatch.store.search import migrate_search

    migrate_search(conn)


def _add_announcement_claims(conn: Connection) -> None:
    # PostgreSQL: the poller that reports a flagged review claims it first, until a lease
    # from now, so that two pollers finishing together never both report it.
    _run(
        conn,
        """
        ALTER TABLE reviews ADD COLUMN announce_claimed_by TEXT;
        ALTER TABLE reviews ADD COLUMN announce_claimed_until TEXT
        """,
    )


MIGRATIONS: list[tuple[str, Migration]] = [
    ("create core tables", _create_core_tables),
    (
        "add workflow, replies, cached triage and the notification outbox",
        _add_workflow_outbox_and_triage,
    ),
    ("add cached AI results and the monthly count of AI requests", _add_ai_results_and_usage),
    ("mark flagged reviews that are still to be announced", _add_announcements),
    ("keep a platform's machine translation beside the review's own words", _add_translation),
    (
        "add source leases and outbox claims, for pollers on several machines",
        _add_leases_and_claims,
    ),
    ("name each source's business, for many businesses in one store", _add_source_business),
    ("who approved a reply, and when (settings.reply_approval)", _add_reply_approval),
    ("detect the language of every stored review from its text", _detect_stored_languages),
    ("keep users' corrections of triage categories and removal grounds", _add_category_corrections),
    ("remember what the poll report told, and each source's field mapping", _add_told),
    ("full-text search over title, body, author and reply", _add_search),
    ("mark rating changes that are still to be told", _add_rating_change_marks),
    (
        "claim a flagged review's announcement, for pollers on several machines",
        _add_announcement_claims,
    ),
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: Connection) -> int:
    """Bring the schema up to date; return the version it started at.

    A database from a newer reviewwatch is refused rather than damaged. Processes that start at
    once take turns (`dialect.migration_lock`), and each step re-reads the version first.
    """
    from reviewwatch.store.connection import transaction  # it imports this module

    with dialect.migration_lock(conn):
        current = dialect.schema_version(conn)
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"the database has schema version {current}, but this reviewwatch knows only up"
                f" to {SCHEMA_VERSION}; upgrade reviewwatch (pip install -U reviewwatch) to use it"
            )
        for number, (_name, step) in enumerate(MIGRATIONS[current:], start=current + 1):
            with transaction(conn):
                # Another process may have migrated while we waited for the write lock.
                if dialect.schema_version(conn) >= number:
                    continue
                step(conn)
                dialect.set_schema_version(conn, number)
    return current
