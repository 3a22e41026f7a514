"""Sample data stays sample data: the starter polls nothing, and a source can be forgotten."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from tests.conftest import run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl


def test_the_starter_config_stores_no_sample_reviews(tmp_path: Path) -> None:
    env = {"REVIEWWATCH_CONFIG": str(tmp_path / "c.toml"), "REVIEWWATCH_DB": str(tmp_path / "d.db")}
    assert run_script("init", env=env).returncode == 0
    polled = run_script("poll", env=env)
    assert polled.returncode == 2 and "no sources are configured" in polled.stderr
    assert not (tmp_path / "d.db").exists()


def test_forget_a_source_that_is_no_longer_configured(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "r.jsonl", [review("a", 1), review("b", 5)])
    both: list[dict[str, Any]] = [
        {"name": "sample", "kind": "demo"},
        {"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS},
    ]
    config = write_config(tmp_path, both)
    db = tmp_path / "d.db"
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": str(db)}
    assert run_script("poll", "--quiet", env=env).returncode == 0
    run_script("note", "1", "looked at it", env=env)
    searched = json.loads(run_script("list", "--search", "tea OR review", "--json", env=env).stdout)
    assert {r["source"] for r in searched["reviews"]} >= {"sample"}  # indexed before forgetting
    write_config(tmp_path, both[1:])  # the sample source is taken out of the config
    listed = run_script("sources", env=env)
    assert "Stored, but no longer configured" in listed.stdout
    assert "reviewwatch sources --forget sample" in listed.stdout
    document = json.loads(run_script("sources", "--json", env=env).stdout)
    assert [row["name"] for row in document["unconfigured"]] == ["sample"]
    asked = run_script("sources", "--forget", "sample", env=env)
    assert asked.returncode == 2 and "--yes" in asked.stderr
    typo = run_script("sources", "--forget", "sampel", "--yes", env=env)
    assert typo.returncode == 4 and "did you mean 'sample'?" in typo.stderr
    forgotten = run_script("sources", "--forget", "sample", "--yes", env=env)
    assert forgotten.returncode == 0 and "reviews forgotten" in forgotten.stdout
    conn = sqlite3.connect(db)
    names = [row[0] for row in conn.execute("SELECT name FROM sources")]
    left = conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
    orphans = conn.execute(
        "SELECT count(*) FROM review_versions WHERE review_id NOT IN (SELECT id FROM reviews)"
    ).fetchone()[0]
    events = conn.execute("SELECT count(*) FROM review_events").fetchone()[0]
    conn.close()
    assert names == ["shop"] and left == 2 and orphans == 0 and events == 0
    # The search index lost the forgotten reviews with them, and agrees with what is stored.
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO reviews_fts (reviews_fts, rank) VALUES ('integrity-check', 1)")
    conn.close()
    after = json.loads(run_script("list", "--search", "tea OR review", "--json", env=env).stdout)
    assert {r["source"] for r in after["reviews"]} == {"shop"}
    exported = run_script("export", "--format", "json", env=env).stdout
    assert {r["source"] for r in json.loads(exported)["reviews"]} == {"shop"}
    assert "no longer configured" not in run_script("sources", env=env).stdout
