"""Real processes: a poll killed mid-run, and two polls at once."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import installed_script, run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl
from tests.loopback import LoopbackServer, Response

BIG = 20_000


def big_file(folder: Path, edited: bool = False) -> Path:
    stars = 1 if edited else 4
    return write_jsonl(
        folder / "big.jsonl",
        (
            review(f"r{n}", stars if n % 7 == 0 else 5, text=f"Review number {n}")
            for n in range(BIG)
        ),
    )


def snapshot(db: Path) -> tuple[int, int, list[tuple[object, ...]]]:
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reviews = raw.execute("SELECT count(*), count(DISTINCT external_id) FROM reviews").fetchone()
    assert reviews[0] == reviews[1], "a review was stored twice"
    versions = raw.execute("SELECT count(*) FROM review_versions").fetchone()[0]
    content = raw.execute(
        "SELECT external_id, rating, body, version FROM reviews ORDER BY external_id"
    ).fetchall()
    return reviews[0], versions, content


@pytest.fixture(scope="module")
def killing_ground(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    """A config over a big file, and what a clean baseline-then-edit poll leaves behind."""
    folder = tmp_path_factory.mktemp("kill")
    config = write_config(
        folder, [{"name": "big", "kind": "json_file", "path": "big.jsonl", "fields": FIELDS}]
    )
    reference_db = folder / "reference.db"
    big_file(folder)
    assert run_script("--config", config, "--db", reference_db, "poll", "--quiet").returncode == 0
    big_file(folder, edited=True)
    assert run_script("--config", config, "--db", reference_db, "poll", "--quiet").returncode == 0
    return folder, config, snapshot(reference_db)


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [0.5, 1.0])
def test_a_poll_killed_mid_run_loses_nothing_and_duplicates_nothing(
    killing_ground: tuple[Path, Path, object], kill_after: float
) -> None:
    folder, config, expected = killing_ground
    db = folder / f"killed-{kill_after}.db"
    big_file(folder)
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0
    big_file(folder, edited=True)
    victim = subprocess.Popen(
        [installed_script(), "--config", str(config), "--db", str(db), "poll", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(kill_after)
    victim.send_signal(signal.SIGKILL)
    assert victim.wait(timeout=10) == -signal.SIGKILL, "the poll ended before it could be killed"
    again = run_script("--config", config, "--db", db, "poll", "--quiet")
    assert again.returncode == 0, again.stderr
    assert snapshot(db) == expected


def test_two_polls_at_once_the_second_exits_3_and_nothing_is_doubled(
    server: LoopbackServer, tmp_path: Path
) -> None:
    server.route(
        "GET",
        "/slow",
        lambda _r: Response(200, [{"id": "a", "stars": 1}, {"id": "b", "stars": 5}], delay=1.5),
    )
    config = write_config(
        tmp_path,
        [
            {
                "name": "feed",
                "kind": "http_json",
                "url": server.url("/slow"),
                "fields": {"id": "id", "rating": "stars"},
            }
        ],
    )
    db = tmp_path / "r.db"
    first = subprocess.Popen(
        [installed_script(), "--config", str(config), "--db", str(db), "poll", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 10
    while not server.requests and time.monotonic() < deadline:
        time.sleep(0.05)
    second = run_script("--config", config, "--db", db, "poll")
    assert second.returncode == 3
    assert "another `reviewwatch poll` is running" in second.stderr
    assert first.wait(timeout=20) == 0
    assert len(server.requests) == 1
    assert sqlite3.connect(db).execute("SELECT count(*) FROM reviews").fetchone()[0] == 2
    third = run_script("--config", config, "--db", db, "poll", "--quiet")
    assert third.returncode == 0
