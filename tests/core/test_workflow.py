"""Workflow: statuses, owners, notes, follow-ups and overdue, with a controlled clock."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reviewwatch.errors import NotFoundError, UserError
from reviewwatch.location import Location
from reviewwatch.store import ReviewFilter, connect, get_review, iter_reviews
from reviewwatch.workflow import add_note, assign, history, set_status
from tests.conftest import invoke
from tests.filesources import FileShop, review


@pytest.fixture
def shop(tmp_path: Path, engine_db: str) -> FileShop:
    shop = FileShop(tmp_path, settings={"response_sla_hours": 24}, db=engine_db)
    shop.write([review("old", 5)])
    shop.poll()
    shop.write([review("late", 1), review("fresh", 2), review("old", 5)])
    shop.poll()
    return shop


def ids(db: Location, where: ReviewFilter) -> list[str]:
    return sorted(r.external_id for r in iter_reviews(connect(db), where))


def test_overdue_follows_the_sla_and_the_status(shop: FileShop) -> None:
    conn = connect(shop.db)
    late = next(r for r in iter_reviews(conn, ReviewFilter()) if r.external_id == "late")
    assert late.due_at is not None
    before = late.due_at - timedelta(minutes=1)
    after = late.due_at + timedelta(minutes=1)
    assert ids(shop.db, ReviewFilter(overdue_at=before)) == []
    assert ids(shop.db, ReviewFilter(overdue_at=after)) == ["fresh", "late"]
    set_status(conn, late.id, "in_progress", actor="anna", now=after)
    assert ids(shop.db, ReviewFilter(overdue_at=after)) == ["fresh", "late"]
    set_status(conn, late.id, "replied", actor="anna", now=after)
    assert ids(shop.db, ReviewFilter(overdue_at=after)) == ["fresh"]
    assert get_review(conn, late.id).replied_at == after.replace(microsecond=0)


def test_assignment_notes_and_follow_ups_are_kept_with_who_and_when(shop: FileShop) -> None:
    conn = connect(shop.db)
    target = next(r for r in iter_reviews(conn, ReviewFilter()) if r.external_id == "fresh")
    now = target.first_seen_at + timedelta(hours=2)
    assign(conn, target.id, "anna", actor="lead", now=now)
    add_note(conn, target.id, "refund sent", actor="anna", now=now)
    follow_up = now + timedelta(days=7)
    set_status(
        conn, target.id, "resolved", actor="anna", note="fixed", follow_up_at=follow_up, now=now
    )
    assert ids(shop.db, ReviewFilter(assignee="anna")) == ["fresh"]
    assert ids(shop.db, ReviewFilter(follow_up_due_at=follow_up - timedelta(seconds=1))) == []
    assert ids(shop.db, ReviewFilter(follow_up_due_at=follow_up)) == ["fresh"]
    events = [(e.actor, e.kind, e.value, e.note) for e in history(conn, target.id)]
    assert events == [
        ("lead", "assign", "anna", None),
        ("anna", "note", None, "refund sent"),
        ("anna", "status", "resolved", "fixed"),
        ("anna", "follow_up", follow_up.strftime("%Y-%m-%dT%H:%M:%SZ"), None),
    ]
    assign(conn, target.id, "", actor="lead", now=now)
    assert get_review(conn, target.id).assignee is None


def test_bad_workflow_input_is_refused(shop: FileShop) -> None:
    conn = connect(shop.db)
    with pytest.raises(UserError, match="unknown status"):
        set_status(conn, 1, "done")
    with pytest.raises(NotFoundError):
        assign(conn, 999, "anna")
    with pytest.raises(UserError, match="empty"):
        add_note(conn, 1, "   ")


def test_a_rating_that_rises_after_the_flag_shows_as_the_replys_effect(shop: FileShop) -> None:
    shop.write(
        [
            review("late", 4, text="They replaced it within a day"),
            review("fresh", 2),
            review("old", 5),
        ]
    )
    report = shop.poll()
    raised = report.updated[0]
    assert raised.flagged_rating == 1 and raised.rating == 4 and raised.rose_after_flag


def test_the_workflow_commands(shop: FileShop) -> None:
    cli = CliRunner()
    db = shop.db
    assert (
        invoke(cli, "--db", db, "assign", "2", "anna", "--by", "lead").output.strip()
        == "#2 assigned to anna"
    )
    result = invoke(
        cli,
        "--db",
        db,
        "status",
        "2",
        "resolved",
        "--note",
        "sent a new one",
        "--follow-up",
        "7d",
        "--by",
        "anna",
    )
    assert result.exit_code == 0 and "follow up on" in result.output
    assert invoke(cli, "--db", db, "note", "2", "customer happy", "--by", "anna").exit_code == 0
    shown = json.loads(invoke(cli, "--db", db, "show", "2", "--json").output)["review"]
    assert shown["status"] == "resolved" and shown["assignee"] == "anna" and shown["follow_up_at"]
    assert [e["kind"] for e in shown["events"]] == ["assign", "status", "follow_up", "note"]
    text = invoke(cli, "--db", db, "show", "2").output
    assert "lead: assigned to anna" in text and "anna: customer happy" in text
    listed = json.loads(invoke(cli, "--db", db, "list", "--assignee", "anna", "--json").output)
    assert [r["id"] for r in listed["reviews"]] == [2]
    assert invoke(cli, "--db", db, "status", "2", "finished").exit_code == 2
    assert invoke(cli, "--db", db, "status", "99", "resolved").exit_code == 4
    bad_time = invoke(cli, "--db", db, "status", "2", "resolved", "--follow-up", "someday")
    assert bad_time.exit_code == 2 and "cannot read the time" in bad_time.output
