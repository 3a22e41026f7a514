"""Stats on a known history: distribution, negative share, answers, overdue, reply effect."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from typer.testing import CliRunner

from reviewwatch.models import utc_now
from reviewwatch.stats import compute_stats
from reviewwatch.store import connect
from reviewwatch.workflow import set_status
from tests.conftest import invoke
from tests.filesources import FileShop, review


def iso_days_ago(days: int) -> str:
    return (utc_now() - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_stats_on_a_known_history(tmp_path: Path, engine_db: str) -> None:
    shop = FileShop(tmp_path, db=engine_db)
    shop.write(
        [
            review("old-bad", 1, created=iso_days_ago(200)),
            review("old-good", 5, created=iso_days_ago(200)),
        ]
    )
    shop.poll()
    recent = [
        review("a", 1, created=iso_days_ago(2)),
        review("b", 2, created=iso_days_ago(3)),
        review("c", 5, created=iso_days_ago(4)),
        review("d", "Negative", created=iso_days_ago(5)),
    ]
    shop.write(
        [
            *recent,
            review("old-bad", 1, created=iso_days_ago(200)),
            review("old-good", 5, created=iso_days_ago(200)),
        ]
    )
    report = shop.poll()
    conn = connect(shop.db)
    by_id = {r.external_id: r for r in report.new}
    set_status(conn, by_id["a"].id, "replied", now=by_id["a"].first_seen_at + timedelta(hours=6))
    # "b" was fixed: the reviewer raised it to 4 stars.
    shop.write(
        [
            review("b", 4, created=iso_days_ago(3)),
            *[r for r in recent if r["id"] != "b"],
            review("old-bad", 1, created=iso_days_ago(200)),
            review("old-good", 5, created=iso_days_ago(200)),
        ]
    )
    shop.poll()
    later = utc_now() + timedelta(days=2)
    figures = compute_stats(conn, now=later)
    assert figures.total == 6
    assert figures.ratings == {"1": 2, "4": 1, "5": 2, "negative": 1}
    shares = {s.window: (s.negative, s.reviews) for s in figures.negative_share}
    assert shares["30d"] == (2, 4) and shares["lifetime"] == (3, 6)
    assert figures.flagged == 3  # a, d and the baseline's old-bad
    assert figures.median_hours_to_reply == 6.0
    assert figures.overdue == 1  # d: flagged, no answer, past its deadline
    assert (figures.rose_after_flag, figures.average_rise) == (1, 2.0)


def test_the_stats_command(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    invoke(CliRunner(), "demo", "--db", db)
    text = invoke(CliRunner(), "--db", db, "stats")
    assert text.exit_code == 0 and "Negative share" in text.output and "reply effect" in text.output
    document = json.loads(invoke(CliRunner(), "--db", db, "stats", "--json").output)
    assert document["version"] == 1 and document["total"] == 33
    assert [s["window"] for s in document["negative_share"]] == ["30d", "90d", "365d", "lifetime"]
    assert document["categories_by_week"] and document["rose_after_flag"] == 1
    one = json.loads(
        invoke(CliRunner(), "--db", db, "stats", "--source", "demo-etsy", "--json").output
    )
    assert one["total"] == 7
