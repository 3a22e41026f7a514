"""The reply desk offers [p]ost only where the review's source can post a reply."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl

LATE = "The tea arrived two weeks late and the tin was dented."


def _file_shop(tmp_path: Path) -> dict[str, str]:
    """A file source (no reply API) whose one review is flagged."""
    data = write_jsonl(tmp_path / "r.jsonl", [review("late", 1, text=LATE, lang="en")])
    config = write_config(
        tmp_path,
        [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}],
        business={"name": "Acme", "signature": "Anna, Acme", "contact": "our help page"},
    )
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": str(tmp_path / "r.db")}
    assert run_script("poll", "--quiet", env=env).returncode == 0
    return env


def _menu_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if "[s]kip" in line]


def test_a_source_without_a_reply_api_is_not_offered_post(tmp_path: Path) -> None:
    env = _file_shop(tmp_path)
    desk = run_script("reply", "1", "--interactive", env=env, input="s\n")
    assert desk.returncode == 0, desk.stderr
    menus = _menu_lines(desk.stdout)
    assert menus and all("[p]ost" not in line for line in menus)
    assert all("p[r]int" in line and "[m]ark replied" in line for line in menus)


def test_post_typed_anyway_says_why_and_what_to_do_instead(tmp_path: Path) -> None:
    env = _file_shop(tmp_path)
    desk = run_script("reply", "1", "--interactive", env=env, input="p\ns\n")
    assert desk.returncode == 0, desk.stderr
    said = [line for line in desk.stdout.splitlines() if "Not posted" in line]
    assert len(said) == 1 and "shop (json_file) has no reply API" in said[0]
    assert "P[r]int the reply, paste it on the platform, then [m]ark replied." in said[0]
    assert len(_menu_lines(desk.stdout)) == 2  # the menu came back once, and was skipped
    shown = json.loads(run_script("show", "1", "--json", env=env).stdout)["review"]
    assert shown["status"] == "new" and shown["sent_reply"] is None


def test_a_source_no_longer_configured_is_not_offered_post(tmp_path: Path) -> None:
    env = _file_shop(tmp_path)
    config = write_config(tmp_path, [])
    desk = run_script(
        "reply",
        "1",
        "--interactive",
        env={**env, "REVIEWWATCH_CONFIG": str(config)},
        input="p\ns\n",
    )
    assert desk.returncode == 0, desk.stderr
    assert all("[p]ost" not in line for line in _menu_lines(desk.stdout))
    assert "Not posted: source 'shop' is no longer configured." in desk.stdout
