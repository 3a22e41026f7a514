"""Events after a poll: flagged, rating changes, overdue replies, failing and silent sources."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from reviewwatch.models import PollReport, utc_now
from reviewwatch.notify import collect_events
from reviewwatch.notify.text import local_time
from reviewwatch.store import connect, to_text
from tests.filesources import FileShop, review
from tests.notify.conftest import Polled, notify_config, poll_new


def test_flagged_reviews_become_events_with_a_versioned_key(polled: Polled) -> None:
    config = notify_config(polled.shop, [])
    events = collect_events(polled.conn, polled.report, config=config, now=utc_now())
    flagged = [event for event in events if event.kind == "flagged"]
    assert [event.review.external_id for event in flagged if event.review] == ["lv-1", "zh-1"]
    first = flagged[0]
    assert first.review is not None
    assert first.dedupe_key == f"flagged:{first.review.id}:1"
    assert first.source == "shop"
    assert first.summary == "New 1★ review on shop: Ļoti slikti"
    assert [event.kind for event in events] == ["flagged", "flagged"]


def test_summaries_are_one_clean_line(tmp_path: Path) -> None:
    hostile = "Bad\r\nBcc: victim@example.com\x1b[31m red\x1b]0;owned\x07 \u202eevil"
    polled = poll_new(tmp_path, [review("x", 1, title=hostile)])
    config = notify_config(polled.shop, [])
    (event,) = collect_events(polled.conn, polled.report, config=config, now=utc_now())
    assert event.summary == "New 1★ review on shop: Bad Bcc: victim@example.com red evil"


def _rating_change(folder: Path, before: int | str, after: int | str) -> list[str]:
    folder.mkdir()
    shop = FileShop(folder)
    shop.write([review("a", before, text="First words")])
    shop.poll()
    shop.write([review("a", after, text="Second words")])
    report = shop.poll()
    conn = connect(shop.db)
    try:
        events = collect_events(conn, report, config=notify_config(shop, []), now=utc_now())
    finally:
        conn.close()
    return [f"{event.kind}:{event.previous_rating}" for event in events]


def test_a_flagged_review_whose_rating_changes_is_an_event(tmp_path: Path) -> None:
    assert _rating_change(tmp_path / "down", 2, 1) == ["rating_changed:2"]
    assert _rating_change(tmp_path / "up", 1, 5) == ["rating_changed:1"]
    # Dropping into the flagged range flags it again; the outbox keeps one alert per notifier.
    assert _rating_change(tmp_path / "drop", 4, 1) == ["flagged:None", "rating_changed:4"]
    assert _rating_change(tmp_path / "fine", 5, 4) == []
    assert _rating_change(tmp_path / "polarity", "negative", "positive") == ["rating_changed:None"]


def test_an_edit_that_keeps_the_rating_is_no_event(tmp_path: Path) -> None:
    shop = FileShop(tmp_path)
    shop.write([review("a", 1, text="Bad")])
    shop.poll()
    shop.write([review("a", 1, text="Still bad")])
    report = shop.poll()
    conn = connect(shop.db)
    assert collect_events(conn, report, config=notify_config(shop, []), now=utc_now()) == []


def test_an_unanswered_flagged_review_goes_overdue_at_its_due_time(polled: Polled) -> None:
    config = notify_config(polled.shop, [])
    due = polled.report.flagged[0].due_at
    assert due is not None
    quiet = PollReport(poll_id=0, sources=())
    assert collect_events(polled.conn, quiet, config=config, now=due - timedelta(minutes=1)) == []
    events = collect_events(polled.conn, quiet, config=config, now=due + timedelta(hours=1))
    assert [event.kind for event in events] == ["overdue", "overdue"]
    assert {event.dedupe_key for event in events} == {
        f"overdue:{r.id}:{to_text(r.due_at)}" for r in polled.report.flagged
    }
    assert events[0].summary.startswith("Reply overdue since ")


def test_a_reply_on_the_platform_ends_the_overdue_alerts(tmp_path: Path) -> None:
    polled = poll_new(tmp_path, [review("a", 1, text="Broken")])
    shop = polled.shop
    shop.write([review("a", 1, text="Broken", reply="Sorry, we sent a new one"), review("base", 5)])
    report = shop.poll()
    due = polled.report.flagged[0].due_at
    assert due is not None and report.updated[0].status == "replied"
    later = due + timedelta(days=1)
    events = collect_events(polled.conn, report, config=notify_config(shop, []), now=later)
    assert [event for event in events if event.kind == "overdue"] == []


def test_a_source_not_fetched_for_stale_after_hours_is_silent(polled: Polled) -> None:
    config = notify_config(polled.shop, [], settings={"stale_after_hours": 6})
    quiet = PollReport(poll_id=0, sources=())
    soon = utc_now() + timedelta(hours=5)
    assert collect_events(polled.conn, quiet, config=config, now=soon) == []
    later = utc_now() + timedelta(hours=7)
    events = collect_events(polled.conn, quiet, config=config, now=later)
    silent = [event for event in events if event.dedupe_key.startswith("source_silent:")]
    assert [(e.kind, e.dedupe_key) for e in silent] == [
        ("source_failing", f"source_silent:shop:{later.date().isoformat()}")
    ]
    assert "has not been fetched successfully for 7 h" in silent[0].summary


def test_a_failing_source_is_one_event_a_day(tmp_path: Path) -> None:
    shop = FileShop(tmp_path)
    shop.write([review("a", 5)])
    shop.poll()
    shop.data.write_text("{not json", encoding="utf-8")
    report = shop.poll()
    assert report.failed
    conn = connect(shop.db)
    config = notify_config(shop, [], settings={"stale_after_hours": 1})
    later = utc_now() + timedelta(hours=3)
    events = collect_events(conn, report, config=config, now=later)
    # Failing and long silent: one alert, the failure, which says since when.
    assert [(event.kind, event.dedupe_key) for event in events] == [
        ("source_failing", f"source_failing:shop:{later.date().isoformat()}")
    ]
    assert events[0].summary.startswith("Source shop failed: ")
    assert "(no successful fetch since " in events[0].summary
    assert events[0].error


def test_alert_times_are_shown_in_the_configured_time_zone(polled: Polled) -> None:
    """Stored in UTC, told in [settings] timezone with its abbreviation (Riga: UTC+2 in
    winter, UTC+3 in summer)."""
    config = notify_config(polled.shop, [], settings={"timezone": "Europe/Riga"})
    quiet = PollReport(poll_id=0, sources=())
    due = polled.report.flagged[0].due_at
    assert due is not None
    events = collect_events(polled.conn, quiet, config=config, now=due + timedelta(hours=1))
    riga = due.astimezone(ZoneInfo("Europe/Riga"))
    expected = f"Reply overdue since {riga:%Y-%m-%d %H:%M} {riga.tzname()}: "
    assert riga.tzname() in ("EET", "EEST")
    assert events[0].summary.startswith(expected), events[0].summary
    assert {event.timezone for event in events} == {"Europe/Riga"}


def test_local_time_names_its_zone_and_survives_a_naive_or_unknown_one() -> None:
    winter = datetime(2026, 1, 15, 10, 30, tzinfo=UTC)
    assert local_time(winter, "Europe/Riga") == "2026-01-15 12:30 EET"
    assert local_time(winter.replace(month=7), "Europe/Riga") == "2026-07-15 13:30 EEST"
    assert local_time(winter, "America/New_York") == "2026-01-15 05:30 EST"
    assert local_time(winter.replace(tzinfo=None), "Asia/Tokyo") == "2026-01-15 19:30 JST"
    assert local_time(winter, "Mars/Olympus_Mons") == "2026-01-15 10:30 UTC"
