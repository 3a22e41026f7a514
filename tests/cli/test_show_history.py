"""`show` prints the earlier versions of an edited review under it; `show --json` lists them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_formats import _on_a_terminal
from tests.conftest import run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl

FIRST = (
    "The kettle leaked from the first day, the lid never closed properly and the handle got so "
    "hot that nobody in the family could pour from it without a towel wrapped around it."
)
SECOND = "They sent a new kettle within a week. It works, but the lid is still loose."
REPLY = "Thank you for the update, we are glad the new kettle arrived."


def _edited_twice(tmp_path: Path) -> dict[str, str]:
    """A review polled three times: first seen at 1 star, edited to 3 stars with a new text,
    then answered on the platform (the text unchanged)."""
    data = tmp_path / "r.jsonl"
    config = write_config(
        tmp_path, [{"name": "s", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": str(tmp_path / "r.db")}
    for record in (
        review("k", 1, text=FIRST),
        review("k", 3, text=SECOND),
        review("k", 3, text=SECOND, reply=REPLY),
    ):
        write_jsonl(data, [record])
        assert run_script("poll", "--quiet", env=env).returncode == 0
    return env


def test_show_prints_each_earlier_version_shortened(tmp_path: Path) -> None:
    env = _edited_twice(tmp_path)
    shown = run_script("show", "1", env=env)
    assert shown.returncode == 0, shown.stderr
    # One line a version (tabs, as a terminal shows them): name, date, time, change, rating,
    # text.
    rows = {
        line.split()[0]: line.split(maxsplit=5)
        for line in shown.stdout.splitlines()
        if line.startswith("v")
    }
    _, _, _, change, rating, text = rows["v1"]
    assert (change, rating) == ("new", "1")
    assert text.startswith("The kettle leaked from the first day") and text.endswith("…")
    assert len(text) <= 120 and FIRST not in shown.stdout
    assert FIRST.startswith(text[:-1] + " ")  # cut between words
    assert rows["v2"][3:] == ["edited", "3", SECOND]
    assert rows["v3"][3:] == ["edited", "3", f"reply: {REPLY}"]


def test_show_on_a_terminal_has_the_history_table(tmp_path: Path) -> None:
    env = _edited_twice(tmp_path)
    shown = _on_a_terminal("show", "1", env=env)
    assert "History (oldest first)" in shown
    assert "The kettle leaked" in shown and "★☆☆☆☆" in shown and "reply: Thank you" in shown


def test_a_review_never_edited_has_no_history(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "r.jsonl", [review("k", 1, text=SECOND)])
    config = write_config(
        tmp_path, [{"name": "s", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": str(tmp_path / "r.db")}
    assert run_script("poll", "--quiet", env=env).returncode == 0
    shown = run_script("show", "1", env=env).stdout
    assert SECOND in shown and not any(line.startswith("v1") for line in shown.splitlines())


def test_show_json_lists_every_version_oldest_first(tmp_path: Path) -> None:
    env = _edited_twice(tmp_path)
    document = json.loads(run_script("show", "1", "--json", env=env).stdout)["review"]
    versions = document["versions"]
    assert [(v["version"], v["rating"], v["body"]) for v in versions] == [
        (1, 1, FIRST),
        (2, 3, SECOND),
        (3, 3, SECOND),
    ]
    assert [v["change"] for v in versions] == ["new", "edited", "edited"]
    assert all(v["seen_at"].endswith("Z") for v in versions)
    assert versions[-1]["reply"] == REPLY and document["body"] == SECOND
