"""Schema migrations: blank to current, idempotent, newer databases refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reviewwatch.errors import StoreError
from reviewwatch.store import connect
from reviewwatch.store.connection import Connection, SqliteConnection
from reviewwatch.store.migrations import SCHEMA_VERSION


def test_a_blank_database_is_brought_to_the_current_schema(tmp_path: Path) -> None:
    conn = connect(tmp_path / "new.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"sources", "reviews", "review_versions", "polls"} <= tables
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_opening_twice_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "twice.db"
    connect(path).close()
    schema = sqlite3.connect(path).execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    connect(path).close()
    assert (
        sqlite3.connect(path).execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
        == schema
    )


def test_a_database_from_a_newer_reviewwatch_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(StoreError, match="upgrade reviewwatch"):
        connect(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database" * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="not a usable reviewwatch database"):
        connect(path)


def test_a_failing_migration_leaves_the_version_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewwatch.store import migrations

    def broken(conn: Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("boom")

    monkeypatch.setattr(migrations, "MIGRATIONS", [("broken", broken)])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 1)
    path = tmp_path / "broken.db"
    with pytest.raises(StoreError):
        connect(path)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 0
    assert (
        raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0]
        == 0
    )


def test_a_version_1_database_with_data_is_migrated_and_keeps_it(tmp_path: Path) -> None:
    from reviewwatch.store import migrations

    path = tmp_path / "old.db"
    raw = sqlite3.connect(path, isolation_level=None, factory=SqliteConnection)
    migrations.MIGRATIONS[0][1](raw)
    raw.execute("PRAGMA user_version = 1")
    raw.execute("INSERT INTO sources (id, name, kind, platform) VALUES (1, 's', 'demo', 'generic')")
    raw.execute(
        "INSERT INTO reviews (id, source_id, external_id, rating, first_seen_at, sort_at)"
        " VALUES (7, 1, 'x', 2, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
    )
    raw.close()
    conn = connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    row = conn.execute(
        "SELECT external_id, rating, follow_up_at FROM reviews WHERE id = 7"
    ).fetchone()
    assert row == ("x", 2, None)
    assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
