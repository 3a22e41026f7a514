"""The poll report that cron mails: sections that say what needs the user now, once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl


def _setup(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    data = tmp_path / "r.jsonl"
    config = write_config(
        tmp_path,
        [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}],
        settings={"timezone": "Europe/Riga"},
    )
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": str(tmp_path / "r.db")}
    return data, env


def test_first_poll_says_what_waits_in_the_baseline(tmp_path: Path) -> None:
    data, env = _setup(tmp_path)
    write_jsonl(data, [review("a", 5), review("b", 1), review("c", 2)])
    first = run_script("poll", env=env)
    assert first.returncode == 0, first.stderr
    assert "First poll: stored as the baseline" in first.stdout
    assert "2 low-star reviews wait there" in first.stdout
    assert "reviewwatch list --flagged --source shop" in first.stdout
    assert "Nothing" not in first.stdout
    quiet = run_script("poll", "--quiet", env=env)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")


def test_new_and_edited_down_reviews_with_due_time_and_command(tmp_path: Path) -> None:
    data, env = _setup(tmp_path)
    write_jsonl(data, [review("a", 4, text="Fine teapot")])
    run_script("poll", "--quiet", env=env)
    write_jsonl(
        data, [review("b", 1, text="Broke in a week\x1b[31m"), review("a", 1, text="Cracked")]
    )
    result = run_script("poll", "--quiet", env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "New flagged reviews (2)"
    assert lines[1].split() == [
        "ID",
        "SOURCE",
        "STARS",
        "CHANGE",
        "ABOUT",
        "REPLY",
        "DUE",
        "(Europe/Riga)",
        "REVIEW",
        "OPEN",
        "WITH",
    ]
    edited = next(line for line in lines if "Cracked" in line)
    assert "edited: 4 -> 1 stars" in edited and "reviewwatch show 1" in edited
    new = next(line for line in lines if "Broke in a week" in line)
    assert "#2" in new and " new " in new and "reviewwatch show 2" in new and "1★" in new
    assert "\x1b" not in result.stdout
    conn = sqlite3.connect(env["REVIEWWATCH_DB"])
    due = conn.execute("SELECT due_at FROM reviews WHERE id = 2").fetchone()[0]
    conn.close()
    # Stored in UTC, shown in settings.timezone (Riga is UTC+2 in winter).
    from datetime import datetime
    from zoneinfo import ZoneInfo

    local = datetime.fromisoformat(due).astimezone(ZoneInfo("Europe/Riga"))
    assert local.strftime("%Y-%m-%d %H:%M") in new


def test_overdue_replies_are_told_once_then_daily(tmp_path: Path) -> None:
    data, env = _setup(tmp_path)
    write_jsonl(data, [review("a", 5)])
    run_script("poll", "--quiet", env=env)
    write_jsonl(data, [review("a", 5), review("b", 1, text="Late"), review("c", 2, text="Old")])
    run_script("poll", "--quiet", env=env)
    conn = sqlite3.connect(env["REVIEWWATCH_DB"])
    conn.execute("UPDATE reviews SET due_at = '2026-01-01T08:00:00Z' WHERE external_id = 'c'")
    conn.execute("UPDATE reviews SET due_at = '2026-01-02T08:00:00Z' WHERE external_id = 'b'")
    conn.commit()
    told = run_script("poll", "--quiet", env=env)
    assert told.returncode == 0, told.stderr
    assert "Replies overdue: 2 (oldest due 2026-01-01 10:00 Europe/Riga)" in told.stdout
    rows = [line for line in told.stdout.splitlines() if "reviewwatch show" in line]
    assert "Old" in rows[0] and "Late" in rows[1]
    again = run_script("poll", "--quiet", env=env)
    assert again.stdout == ""
    loud = run_script("poll", env=env)
    assert "Replies overdue: 2" in loud.stdout and "Nothing" not in loud.stdout
    # A day later it is told again.
    conn.execute("UPDATE told SET told_at = '2026-01-01T00:00:00Z'")
    conn.commit()
    conn.close()
    assert "Replies overdue: 2" in run_script("poll", "--quiet", env=env).stdout


def test_a_failing_source_is_told_when_it_starts_changes_and_recovers(tmp_path: Path) -> None:
    data, env = _setup(tmp_path)
    write_jsonl(data, [review("a", 5)])
    run_script("poll", "--quiet", env=env)
    data.unlink()
    started = run_script("poll", "--quiet", env=env)
    assert started.returncode == 1
    assert (
        "Sources failing (1)" in started.stderr and "(failing from this poll on)" in started.stderr
    )
    repeated = run_script("poll", "--quiet", env=env)
    assert repeated.returncode == 1 and (repeated.stdout, repeated.stderr) == ("", "")
    data.write_text("{not json\n", encoding="utf-8")
    changed = run_script("poll", "--quiet", env=env)
    assert "the error changed" in changed.stderr and "shop: cannot read" not in changed.stderr
    write_jsonl(data, [review("a", 5)])
    recovered = run_script("poll", "--quiet", env=env)
    assert recovered.returncode == 0
    assert "Sources recovered (1)" in recovered.stdout and "shop: recovered" in recovered.stdout
    assert run_script("poll", "--quiet", env=env).stdout == ""


def test_skipped_records_reach_the_cron_mail_once(tmp_path: Path) -> None:
    data, env = _setup(tmp_path)
    write_jsonl(data, [review("a", 5)])
    run_script("poll", "--quiet", env=env)
    write_jsonl(data, [review("a", 5), {"id": "x", "stars": "lots"}])
    result = run_script("poll", "--quiet", env=env)
    assert "Records skipped (1)" in result.stdout and "shop" in result.stdout
    assert run_script("poll", "--quiet", env=env).stdout == ""
