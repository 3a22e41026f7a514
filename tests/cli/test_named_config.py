"""A config file named on purpose (--config, $REVIEWWATCH_CONFIG) must exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl

CONFIG_READERS = (
    ("sources",),
    ("poll",),
    ("cron",),
    ("list",),
    ("export",),
    ("show", "1"),
    ("check", "--platform", "etsy", "--text", "Thank you for your review."),
)


@pytest.fixture
def polled(tmp_path: Path) -> dict[str, str]:
    """A store with one source's reviews, and no config at the default location."""
    data = write_jsonl(tmp_path / "r.jsonl", [review("a", 1), review("b", 5)])
    config = write_config(
        tmp_path, [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    env = {
        "REVIEWWATCH_CONFIG": str(config),
        "REVIEWWATCH_DB": str(tmp_path / "r.db"),
        "XDG_CONFIG_HOME": str(tmp_path / "no-config-here"),
    }
    result = run_script("poll", "--quiet", env=env)
    assert result.returncode == 0, result.stderr
    return env


@pytest.mark.parametrize("where", ["option before", "option after", "environment"])
def test_a_named_config_that_does_not_exist_is_an_error(
    polled: dict[str, str], tmp_path: Path, where: str
) -> None:
    missing = tmp_path / "nope.toml"
    for command in CONFIG_READERS:
        env = dict(polled)
        if where == "environment":
            env["REVIEWWATCH_CONFIG"] = str(missing)
            args: tuple[str, ...] = command
        elif where == "option before":
            args = ("--config", str(missing), *command)
        else:
            args = (*command, "--config", str(missing))
        result = run_script(*args, env=env)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert result.stderr.strip() == f"error: config file {missing} does not exist", command
        assert result.stdout == "", command  # no crontab line, no list, no forget hint
    assert not missing.exists()
    # Nothing was lost: the stored reviews are all there under the real config.
    listed = run_script("list", "--json", env=polled)
    assert '"total": 2' in listed.stdout


def test_paths_and_init_still_work_on_a_named_config_not_written_yet(
    polled: dict[str, str], tmp_path: Path
) -> None:
    missing = tmp_path / "later.toml"
    shown = run_script("--config", missing, "paths", env=polled)
    assert shown.returncode == 0, shown.stderr
    assert f"config    {missing}  [--config] (not created yet: reviewwatch init)" in shown.stdout
    written = run_script("--config", missing, "init", env=polled)
    assert written.returncode == 0 and missing.exists()


def test_without_any_config_stored_sources_are_not_offered_for_forgetting(
    polled: dict[str, str],
) -> None:
    env = {key: value for key, value in polled.items() if key != "REVIEWWATCH_CONFIG"}
    result = run_script("sources", env=env)
    assert result.returncode == 0, result.stderr
    assert "shop: json_file" in result.stdout and "2 reviews" in result.stdout
    assert "--forget" not in result.stdout and "no longer configured" not in result.stdout
    configured = run_script("sources", env=polled)
    assert "--forget" not in configured.stdout  # still configured: nothing to forget
