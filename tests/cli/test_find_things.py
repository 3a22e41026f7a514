"""Finding things: full-text search, category, subject, author, and the rating trend."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_formats import _on_a_terminal
from tests.conftest import run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl

MAPPED = {**FIELDS, "subject": "product"}


def _shop(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    data = tmp_path / "r.jsonl"
    config = write_config(
        tmp_path, [{"name": "shop", "kind": "json_file", "path": data.name, "fields": MAPPED}]
    )
    return data, {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": str(tmp_path / "r.db")}


def _ids(env: dict[str, str], *args: str) -> list[str]:
    result = run_script("list", "--json", *args, env=env)
    assert result.returncode == 0, result.stderr
    return [r["external_id"] for r in json.loads(result.stdout)["reviews"]]


def test_search_is_ranked_kept_up_to_date_and_highlighted(tmp_path: Path) -> None:
    data, env = _shop(tmp_path)
    records = [
        review("a", 5, text="Lovely tea, the battery of the kettle lasts long", author="Ann"),
        review("b", 1, text="Battery died. Battery dead again. Battery useless", author="Bo"),
        review("c", 2, text="The lid cracked in the post", author="Cy"),
        review("d", 4, text="Café crème was fine", author="Battery Fan"),
    ]
    write_jsonl(data, records)
    run_script("poll", "--quiet", env=env)
    assert _ids(env, "--search", "battery")[0] == "b"  # most mentions first
    assert set(_ids(env, "--search", "battery")) == {"a", "b", "d"}  # author is searched too
    assert set(_ids(env, "--search", "batt* NOT died")) == {"a", "d"}
    assert _ids(env, "--search", '"lid cracked"') == ["c"]
    assert _ids(env, "--search", "creme") == ["d"]  # diacritics do not matter
    # Indexed lazily: an edit and a new review after the first search are found.
    records[2] = review("c", 1, text="The lid shattered in the post", author="Cy")
    write_jsonl(data, [*records, review("e", 1, text="Kettle battery leaks")])
    run_script("poll", "--quiet", env=env)
    assert _ids(env, "--search", "cracked") == []
    assert _ids(env, "--search", "shattered") == ["c"]
    assert "e" in _ids(env, "--search", "battery")
    bad = run_script("list", "--search", '"open', env=env)
    assert bad.returncode == 2 and "cannot read the search" in bad.stderr
    on_screen = _on_a_terminal("list", "--search", "shattered", env=env)
    assert "\x1b[1;7mshattered" in on_screen or "\x1b[7;1mshattered" in on_screen


def test_category_subject_and_author_filters(tmp_path: Path) -> None:
    data, env = _shop(tmp_path)
    write_jsonl(data, [review("x", 5)])
    run_script("poll", "--quiet", env=env)
    write_jsonl(
        data,
        [
            review("x", 5),
            review("late", 1, text="Three weeks late, the parcel never came on time",
                   author="Jane Doe", product="Glass Teapot 1.2 l"),
            review("rude", 1, text="The staff were rude and never answered my emails",
                   author="John_Roe", product="Tea cups"),
        ],
    )  # fmt: skip
    run_script("poll", "--quiet", env=env)
    assert _ids(env, "--category", "shipping_delay") == ["late"]
    assert _ids(env, "--category", "customer_service") == ["rude"]
    assert _ids(env, "--subject", "teapot") == ["late"]
    assert _ids(env, "--author", "john_") == ["rude"]
    assert _ids(env, "--author", "%") == []  # a LIKE wildcard is only a character


def test_stats_since_has_the_average_and_a_weekly_trend(tmp_path: Path) -> None:
    data, env = _shop(tmp_path)
    write_jsonl(
        data,
        [
            review("old", 1, created="2026-01-05T10:00:00Z"),
            review("w1", 5, created="2026-11-02T10:00:00Z"),
            review("w1b", 2, created="2026-11-04T10:00:00Z"),
            review("w3", 4, created="2026-11-18T10:00:00Z"),
        ],
    )
    run_script("poll", "--quiet", env=env)
    document = json.loads(run_script("stats", "--since", "2026-11-01", "--json", env=env).stdout)
    assert document["total"] == 3 and document["average_rating"] == 3.67
    weeks = {week["week"]: week for week in document["weekly_rating"]}
    assert weeks["2026-10-26"]["reviews"] == 0  # the week of Sunday 1 November
    assert weeks["2026-11-02"] == {"week": "2026-11-02", "reviews": 2, "average_rating": 3.5}
    assert weeks["2026-11-09"]["average_rating"] is None
    assert weeks["2026-11-16"]["average_rating"] == 4.0
    text = run_script("stats", "--since", "2026-11-01", env=env).stdout
    assert "3 reviews written since 2026-11-01, average 3.67★" in text
    assert "2026-11-02  3.50★  " + "█" * 18 in text
