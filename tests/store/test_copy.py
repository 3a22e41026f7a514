"""`db copy`: a whole store from SQLite to PostgreSQL and back loses nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from reviewwatch.config import load_config
from reviewwatch.location import PostgresUrl
from reviewwatch.models import utc_now
from reviewwatch.notify import notifiers_from_config
from reviewwatch.notify.events import collect_events
from reviewwatch.notify.outbox import enqueue
from reviewwatch.replies import mark_replied
from reviewwatch.store import ReviewFilter, connect, get_review, iter_reviews
from reviewwatch.store.connection import Connection
from reviewwatch.store.copy import tables
from reviewwatch.triage.models import BusinessInfo
from reviewwatch.triage.service import TriageCache
from reviewwatch.workflow import add_note, assign, set_status
from tests.conftest import invoke, write_config
from tests.engines import postgres_database
from tests.filesources import FIELDS, FileShop, review


def _busy_store(folder: Path) -> FileShop:
    """A SQLite store with something in every table: versions of every kind, workflow events,
    replies, cached triage, outbox rows."""
    shop = FileShop(folder)
    shop.write([review("a", 5, text="Lovely"), review("b", 4, text="Fine"), review("c", 3)])
    shop.poll()
    shop.write(
        [
            review("a", 5, text="Lovely"),
            review("b", 1, text="Broke after a week, 50% off is no excuse", lang="en"),
            review("d", 2, title="Late", text="Arrived late; 'sorry' is not enough", lang="en"),
            review("e", "Negative", text="Nein, danke", lang="de"),
        ]
    )
    report = shop.poll()
    shop.write([review("a", 5, text="Lovely"), review("b", 1, text="Broke after a week")])
    shop.poll(full=True)  # c, d and e are gone: "removed" versions
    conn = connect(shop.db)
    try:
        flagged = [get_review(conn, r.id) for r in report.flagged]
        TriageCache(conn, business=BusinessInfo(name="Tea Shop")).refresh(flagged)
        assign(conn, flagged[0].id, "anna", actor="lead")
        set_status(conn, flagged[0].id, "in_progress", actor="anna", note="called them")
        add_note(conn, flagged[1].id, "ürgent — ☕", actor="ivo")
        mark_replied(conn, flagged[1], "Sorry! We sent a new one.", actor="ivo")
        config = load_config(
            write_config(
                folder,
                [{"name": "shop", "kind": "json_file", "path": "reviews.jsonl", "fields": FIELDS}],
                extra={"notify": [{"kind": "webhook", "url": "http://127.0.0.1:9/hook"}]},
            )
        )
        events = collect_events(conn, report, config=config, now=utc_now())
        assert enqueue(conn, notifiers_from_config(config), events) >= 2
    finally:
        conn.close()
    return shop


def _dump(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a fixed order."""
    dump = {}
    for table in tables(conn):
        rows = conn.execute(f"SELECT * FROM {table}").fetchall()
        dump[table] = sorted((tuple(row) for row in rows), key=repr)
    return dump


def test_a_store_goes_to_postgresql_and_back_without_losing_anything(tmp_path: Path) -> None:
    shop = _busy_store(tmp_path)
    back = tmp_path / "back.db"
    cli = CliRunner()
    with postgres_database() as url:
        there = invoke(cli, "db", "copy", shop.db, url)
        assert there.exit_code == 0, there.output
        assert "copied" in there.output
        again = invoke(cli, "db", "copy", back, url)
        assert again.exit_code == 2 and "does not exist" in again.output
        home = invoke(cli, "db", "copy", url, back)
        assert home.exit_code == 0, home.output
        original, copied, returned = connect(shop.db), connect(PostgresUrl(url)), connect(back)
        try:
            before = _dump(original)
            assert all(before[name] for name in ("review_versions", "review_events", "replies"))
            assert all(before[name] for name in ("triage", "outbox", "reviews", "polls"))
            changes = {row[4] for row in before["review_versions"]}
            assert {"new", "edited", "removed"} <= changes
            assert _dump(copied) == before
            assert _dump(returned) == before
            # The copy is a working store: new rows get ids above the copied ones.
            newest = max(row[0] for row in before["reviews"])
            events = max(row[0] for row in before["review_events"])
            shop.db = PostgresUrl(url)
            shop.write([review("a", 5, text="Lovely"), review("f", 1, text="Bad")])
            report = shop.poll()
            assert [r.id for r in report.new] == [newest + 1], report
            add_note(copied, newest + 1, "seen", actor="anna")
            assert copied.execute("SELECT max(id) FROM review_events").fetchone()[0] == events + 1
            assert {r.external_id for r in iter_reviews(copied, ReviewFilter())} >= {"a", "f"}
        finally:
            original.close()
            copied.close()
            returned.close()
        into_busy = invoke(cli, "db", "copy", back, url)
        assert into_busy.exit_code == 2 and "not empty" in into_busy.output
