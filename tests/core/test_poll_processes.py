"""Real processes: a poll killed mid-run, and two polls at once."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import installed_script, run_script, write_config
from tests.engines import is_postgres, store_location, store_rows
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


def snapshot(db: Path | str) -> tuple[int, int, list[tuple[object, ...]]]:
    """What the store at `db` (a SQLite file or a PostgreSQL URL) holds, engine aside."""
    if not is_postgres(db):
        raw = sqlite3.connect(db)
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        raw.close()
    reviews = store_rows(db, "SELECT count(*), count(DISTINCT external_id) FROM reviews")[0]
    assert reviews[0] == reviews[1], "a review was stored twice"
    versions = store_rows(db, "SELECT count(*) FROM review_versions")[0][0]
    content = store_rows(
        db, "SELECT external_id, rating, body, version FROM reviews ORDER BY external_id"
    )
    return reviews[0], versions, content


@pytest.fixture(scope="module")
def killing_ground(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    """A config over a big file, and what a clean baseline-then-edit poll leaves behind."""
    folder = tmp_path_factory.mktemp("kill")
    config = write_config(
        folder,
        [{"name": "big", "kind": "json_file", "path": "big.jsonl", "fields": FIELDS}],
        # PostgreSQL: the killed poll's lease on the file expires soon (the shortest allowed).
        settings={"lease_seconds": 10},
    )
    reference_db = folder / "reference.db"
    big_file(folder)
    assert run_script("--config", config, "--db", reference_db, "poll", "--quiet").returncode == 0
    big_file(folder, edited=True)
    assert run_script("--config", config, "--db", reference_db, "poll", "--quiet").returncode == 0
    return folder, config, snapshot(reference_db)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("engine", "kill_after"), [("sqlite", 0.5), ("sqlite", 1.0), ("postgresql", 1.0)]
)
def test_a_poll_killed_mid_run_loses_nothing_and_duplicates_nothing(
    killing_ground: tuple[Path, Path, object], engine: str, kill_after: float
) -> None:
    folder, config, expected = killing_ground
    place = folder / f"killed-{engine}-{kill_after}"
    place.mkdir()
    with store_location(engine, place) as db:
        _kill_and_poll_again(folder, config, db, kill_after)
        assert snapshot(db) == expected


def _kill_and_poll_again(folder: Path, config: Path, db: str, kill_after: float) -> None:
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
    if is_postgres(db):
        # The killed poll still holds the file's lease: the next poll takes it once it expires.
        expiry = store_rows(db, "SELECT max(lease_expires_at) FROM sources")[0][0]
        assert expiry is not None, "the killed poll held no lease"
        time.sleep(max(0.0, (datetime.fromisoformat(expiry) - datetime.now(UTC)).total_seconds()))
        time.sleep(1.5)
    again = run_script("--config", config, "--db", db, "poll", "--quiet")
    assert again.returncode == 0, again.stderr


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
