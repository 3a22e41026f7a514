"""The database and its lock under hostile conditions: one line, the right exit code, no harm.

Each test runs the installed script, as cron or a user would.
"""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import installed_script, run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and limits")


def _shop(folder: Path, records: list[dict[str, Any]] | None = None) -> Path:
    write_jsonl(folder / "r.jsonl", records or [review("a", 5), review("b", 1)])
    return write_config(
        folder, [{"name": "shop", "kind": "json_file", "path": "r.jsonl", "fields": FIELDS}]
    )


def _clean(result: Any, code: int, *words: str) -> None:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def test_a_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    config = _shop(tmp_path)
    foreign = tmp_path / "places.sqlite"
    raw = sqlite3.connect(foreign)
    raw.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    raw.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    raw.commit()
    raw.close()
    before = foreign.read_bytes()
    for command in (["poll", "--quiet"], ["list"], ["note", "1", "hi"]):
        _clean(run_script("--config", config, "--db", foreign, *command), 2, str(foreign))
    assert foreign.read_bytes() == before  # no tables added, no WAL switch
    assert not foreign.with_name("places.sqlite-wal").exists()


def test_a_database_from_the_future_is_refused_before_any_change(tmp_path: Path) -> None:
    config = _shop(tmp_path)
    db = tmp_path / "r.db"
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    before = db.read_bytes()
    _clean(run_script("--config", config, "--db", db, "poll"), 2, "upgrade")
    assert db.read_bytes() == before


def test_a_corrupted_database_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    records = [review(f"r{n}", 1 + n % 5, text=f"Review text number {n} " * 5) for n in range(400)]
    config = _shop(tmp_path, records)
    db = tmp_path / "r.db"
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.close()
    data = bytearray(db.read_bytes())
    for offset in range(4096 * 3, len(data), 997):
        data[offset] ^= 0xFF
    db.write_bytes(bytes(data))
    for command in (["list", "--limit", "500"], ["export"], ["show", "3"], ["poll"]):
        result = run_script("--config", config, "--db", db, *command)
        assert result.returncode == 2, (command, result.returncode, result.stderr)
        assert "Traceback" not in result.stderr, result.stderr


@posix_only
def test_a_lock_file_that_is_a_symlink_is_refused_and_its_target_left_alone(
    tmp_path: Path,
) -> None:
    config = _shop(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    db = tmp_path / "r.db"
    db.with_name("r.db.lock").symlink_to(victim)
    _clean(run_script("--config", config, "--db", db, "poll", "--quiet"), 2, "r.db.lock")
    assert victim.read_text(encoding="utf-8") == "precious\n"


@posix_only
def test_the_database_lock_and_their_folder_are_created_owner_only(tmp_path: Path) -> None:
    config = _shop(tmp_path)
    db = tmp_path / "data" / "deeper" / "r.db"
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0
    for path in (db, db.with_name("r.db.lock"), db.with_name("r.db-wal")):
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in (db.parent, db.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_a_database_path_under_a_regular_file_is_one_line(tmp_path: Path) -> None:
    config = _shop(tmp_path)
    (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    db = tmp_path / "plain.txt" / "r.db"
    _clean(run_script("--config", config, "--db", db, "poll"), 2, "plain.txt")


@posix_only
def test_a_full_disk_during_a_poll_is_one_line_and_the_database_survives(tmp_path: Path) -> None:
    config = _shop(tmp_path)
    db = tmp_path / "r.db"
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0
    records = [
        review(f"x{n}", 5, text="Quite a long review text, repeated. " * 20) for n in range(3000)
    ]
    write_jsonl(tmp_path / "r.jsonl", records)
    limit = 256 * 1024

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = run_script("--config", config, "--db", db, "poll", preexec_fn=small_files)
    _clean(result, 2, "space")
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0


def test_a_busy_database_is_one_line_and_its_own_exit_code(tmp_path: Path) -> None:
    config = _shop(tmp_path)
    db = tmp_path / "r.db"
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a long write, as a big poll once was
    try:
        env = {"REVIEWWATCH_BUSY_TIMEOUT": "0.5"}
        for command in (["note", "2", "hello"], ["status", "2", "in_progress"]):
            _clean(run_script("--config", config, "--db", db, *command, env=env), 6, "busy")
        # Read commands never write: they work while a poll writes, triage cache or not.
        for command in (["show", "2"], ["list", "--json", "--flagged"], ["stats"], ["export"]):
            result = run_script("--config", config, "--db", db, *command, env=env)
            assert result.returncode == 0, (command, result.stderr)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_read_commands_change_nothing_but_the_triage_they_keep(tmp_path: Path) -> None:
    """Read commands keep the triage they compute (a cache, written only when the database is
    free: tests/cli/test_triage_kept.py), and change nothing else."""
    config = _shop(tmp_path)
    db = tmp_path / "r.db"
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0
    raw = sqlite3.connect(db)
    raw.execute("DELETE FROM triage")
    raw.commit()
    tables = [
        name
        for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if name != "triage" and not name.startswith(("sqlite_", "reviews_fts"))
    ]

    def contents() -> dict[str, list[tuple[object, ...]]]:
        return {name: raw.execute(f'SELECT * FROM "{name}"').fetchall() for name in tables}

    before = contents()
    for command in (["show", "2"], ["list", "--json", "--flagged"], ["export", "--format", "json"]):
        assert run_script("--config", config, "--db", db, *command).returncode == 0
    assert contents() == before
    assert raw.execute("SELECT count(*) FROM triage").fetchone()[0] >= 1
    raw.close()


def _can_mount_read_only() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False, timeout=10)
    return probe.returncode == 0


@pytest.mark.skipif(not _can_mount_read_only(), reason="needs unshare for a read-only mount")
def test_read_commands_work_on_read_only_storage_and_writes_say_why_they_cannot(
    tmp_path: Path,
) -> None:
    config = _shop(tmp_path)
    data = tmp_path / "data"
    db = data / "r.db"
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0
    script = installed_script()
    steps = [
        f"mount --bind {data} {data}",
        f"mount -o remount,ro,bind {data} {data}",
        *(
            f"{script} --config {config} --db {db} {command}; echo rc=$?"
            for command in ("list", "show 2", "export", "poll", "note 2 hi")
        ),
    ]
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", " && ".join(steps[:2]) + " && " + "; ".join(steps[2:])],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    codes = [line for line in result.stdout.splitlines() if line.startswith("rc=")]
    assert codes == ["rc=0", "rc=0", "rc=0", "rc=2", "rc=2"], (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.count("read-only") == 2, result.stderr
