"""Numbers beyond the database's integer range: an id names no review, a limit means all."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl

# Beyond 64 bits, the first number past them, and the largest that fits (a missing id like any).
HUGE_IDS = ("99999999999999999999999", "9223372036854775808", "9223372036854775807")
COMMANDS_WITH_ID = (
    ("show", "{id}"),
    ("reply", "{id}", "--print"),
    ("status", "{id}", "resolved"),
    ("assign", "{id}", "ana"),
    ("note", "{id}", "called back"),
    ("triage", "correct", "{id}", "--categories", "none"),
)


@pytest.fixture
def polled(tmp_path: Path, engine_db: str) -> dict[str, str]:
    """Two reviews stored, on each engine in turn."""
    data = write_jsonl(tmp_path / "r.jsonl", [review("a", 1), review("b", 5)])
    config = write_config(
        tmp_path, [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": engine_db}
    result = run_script("poll", "--quiet", env=env)
    assert result.returncode == 0, result.stderr
    return env


def test_an_id_beyond_the_database_range_is_a_missing_review(polled: dict[str, str]) -> None:
    commands = [(command, HUGE_IDS[0]) for command in COMMANDS_WITH_ID]
    commands += [(COMMANDS_WITH_ID[0], huge) for huge in HUGE_IDS[1:]]
    for command, huge in commands:
        result = run_script(*(word.format(id=huge) for word in command), env=polled)
        assert result.returncode == 4, (command, result.stderr)
        assert result.stderr.strip() == f"error: no review with id {huge}", command
    # Nothing was changed on the way.
    listed = run_script("list", "--status", "new", "--json", env=polled)
    assert '"total": 2' in listed.stdout


def test_a_limit_beyond_the_database_range_means_every_review(polled: dict[str, str]) -> None:
    huge = "99999999999999999999999"
    listed = run_script("list", "--limit", huge, env=polled)
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 3  # the header and both reviews
    exported = run_script("export", "--format", "jsonl", "--limit", huge, env=polled)
    assert exported.returncode == 0, exported.stderr
    assert len(exported.stdout.splitlines()) == 2
    assert "Traceback" not in listed.stderr + exported.stderr
