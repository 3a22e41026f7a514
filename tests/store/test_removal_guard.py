"""Half-written export files: a listing that suddenly loses most of its reviews is refused.

And a big file poll commits in batches, so a command that writes waits seconds, not minutes.
"""

from __future__ import annotations

import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import installed_script, run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl


def _setup(folder: Path, count: int = 10, **settings: object) -> tuple[Path, Path, Path]:
    data = write_jsonl(folder / "r.jsonl", [review(f"r{n}", 5) for n in range(count)])
    config = write_config(
        folder,
        [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}],
        settings=settings or None,
    )
    db = folder / "r.db"
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0
    return data, config, db


def _removed(db: Path) -> int:
    raw = sqlite3.connect(db)
    try:
        return int(
            raw.execute("SELECT count(*) FROM reviews WHERE removed_at IS NOT NULL").fetchone()[0]
        )
    finally:
        raw.close()


def test_an_empty_file_fails_the_source_instead_of_removing_everything(tmp_path: Path) -> None:
    data, config, db = _setup(tmp_path)
    data.write_text("", encoding="utf-8")
    result = run_script("--config", config, "--db", db, "poll")
    assert result.returncode == 1, result.stderr
    assert "shop" in result.stderr and "empty" in result.stderr
    assert "Traceback" not in result.stderr
    assert _removed(db) == 0


def test_a_file_that_lost_most_of_its_reviews_fails_until_accepted(tmp_path: Path) -> None:
    data, config, db = _setup(tmp_path)
    write_jsonl(data, [review("r0", 5), review("r1", 5), review("r2", 5), review("new", 1)])
    result = run_script("--config", config, "--db", db, "poll")
    assert result.returncode == 1 and "--accept-removals" in result.stderr, result.stderr
    assert _removed(db) == 0
    accepted = run_script("--config", config, "--db", db, "poll", "--full", "--accept-removals")
    assert accepted.returncode == 0, accepted.stderr
    assert _removed(db) == 7


def test_losing_a_few_reviews_is_an_ordinary_removal(tmp_path: Path) -> None:
    data, config, db = _setup(tmp_path)
    write_jsonl(data, [review(f"r{n}", 5) for n in range(6)])
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0
    assert _removed(db) == 4


def test_the_share_is_a_setting(tmp_path: Path) -> None:
    data, config, db = _setup(tmp_path, max_removed_share=0.2)
    write_jsonl(data, [review(f"r{n}", 5) for n in range(7)])
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 1
    assert _removed(db) == 0


@pytest.mark.slow
def test_a_write_command_during_a_big_file_poll_waits_seconds_not_minutes(tmp_path: Path) -> None:
    data, config, db = _setup(tmp_path, count=3)
    write_jsonl(
        data,
        [review(f"r{n}", 5) for n in range(3)]
        + [review(f"b{n}", 5, text=f"Big file review {n} " * 4) for n in range(150_000)],
    )
    poll = subprocess.Popen(
        [installed_script(), "--config", str(config), "--db", str(db), "poll", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(2.5)
        assert poll.poll() is None, "the poll ended before the write was tried"
        started = time.monotonic()
        note = run_script("--config", config, "--db", db, "note", "1", "hello")
        waited = time.monotonic() - started
        still_polling = poll.poll() is None
    finally:
        poll.wait(timeout=300)
    assert note.returncode == 0, note.stderr
    assert still_polling, "the poll ended before the write got its turn: make the file bigger"
    assert waited < 8, waited
