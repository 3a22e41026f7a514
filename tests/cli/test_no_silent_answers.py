"""No silent wrong answers: counts, unknown names, statuses, missing databases, --db."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from tests.conftest import run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl


def _polled(tmp_path: Path, records: list[dict[str, object]]) -> dict[str, str]:
    data = write_jsonl(tmp_path / "r.jsonl", records)
    config = write_config(
        tmp_path, [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": str(tmp_path / "r.db")}
    result = run_script("poll", "--quiet", env=env)
    assert result.returncode == 0, result.stderr
    return env


def test_list_says_how_many_it_left_out(tmp_path: Path) -> None:
    env = _polled(tmp_path, [review(f"r{n}", 4 if n % 3 else 1) for n in range(66)])
    listed = json.loads(run_script("list", "--json", env=env).stdout)
    assert listed["total"] == 66 and len(listed["reviews"]) == 50
    every = json.loads(run_script("list", "--all", "--json", env=env).stdout)
    assert every["total"] == 66 and len(every["reviews"]) == 66
    piped = run_script("list", env=env)
    assert piped.stdout.splitlines()[0].split("\t")[:3] == ["id", "source", "rating"]
    assert len(piped.stdout.splitlines()) == 51
    assert "showing 50 of 66 (--limit N for more, --all for every one)" in piped.stderr
    exported = json.loads(run_script("export", "--format", "json", "--limit", "5", env=env).stdout)
    assert exported["total"] == 66 and len(exported["reviews"]) == 5


def test_unknown_names_are_errors_with_suggestions(tmp_path: Path) -> None:
    env = _polled(tmp_path, [review("a", 1, lang="en")])
    source = run_script("list", "--source", "shopp", env=env)
    assert source.returncode == 2 and "did you mean 'shop'?" in source.stderr
    lang = run_script("list", "--lang", "english", env=env)
    assert lang.returncode == 2 and "did you mean 'en'?" in lang.stderr
    status = run_script("export", "--status", "resolvd", env=env)
    assert status.returncode == 2 and "did you mean 'resolved'?" in status.stderr
    category = run_script("list", "--category", "shipping", env=env)
    assert category.returncode == 2 and "did you mean 'shipping_delay'?" in category.stderr
    assert "Traceback" not in source.stderr + lang.stderr + status.stderr + category.stderr


def test_a_language_code_that_is_no_language_is_an_error(tmp_path: Path) -> None:
    env = _polled(tmp_path, [review("a", 1, lang="en")])
    unknown = run_script("list", "--lang", "xx", env=env)
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert unknown.stderr == "error: unknown language 'xx'; use a code such as en, es or zh\n"
    exported = run_script("export", "--lang", "xx", env=env)
    assert exported.returncode == 2 and "unknown language 'xx'" in exported.stderr
    # Real codes stay answers, with a script or region too, even when nothing matches.
    for code in ("en", "zh", "zh-Hant", "zh-Hans", "fi", "en-GB"):
        result = run_script("list", "--lang", code, env=env)
        assert result.returncode == 0, (code, result.stderr)


def test_statuses_repeat_as_any_and_flagged_lists_open_ones(tmp_path: Path) -> None:
    env = _polled(tmp_path, [review(name, 5) for name in "abc"])
    records = [review("a", 1), review("b", 1), review("c", 2), review("d", 1)]
    write_jsonl(tmp_path / "r.jsonl", records)
    run_script("poll", "--quiet", env=env)
    document = json.loads(run_script("list", "--json", env=env).stdout)
    ids = {r["external_id"]: r["id"] for r in document["reviews"]}
    run_script("status", str(ids["a"]), "resolved", env=env)
    run_script("status", str(ids["b"]), "escalated", env=env)
    run_script("status", str(ids["c"]), "ignored", env=env)

    def listed(*args: str) -> set[str]:
        document = json.loads(run_script("list", "--json", *args, env=env).stdout)
        return {r["external_id"] for r in document["reviews"]}

    assert listed("--flagged") == {"b", "d"}  # --open: new, in_progress, escalated
    assert listed("--flagged", "--open") == {"b", "d"}
    assert listed("--flagged", "--any-status") == {"a", "b", "c", "d"}
    assert listed("--status", "resolved", "--status", "ignored") == {"a", "c"}


def test_a_missing_database_is_a_warning_not_an_empty_answer(tmp_path: Path) -> None:
    result = run_script("--db", tmp_path / "typo.db", "list")
    assert result.returncode == 0
    assert "warning: the database" in result.stderr and "does not exist" in result.stderr
    assert not (tmp_path / "typo.db").exists()


def test_the_global_db_and_environment_reach_demo(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    result = run_script("--db", db, "demo")
    assert result.returncode == 0, result.stderr
    assert db.exists() and f"reviewwatch --db {db} list --flagged" in result.stdout
    # The demo's export is what it announces: with a byte-order mark.
    assert (tmp_path / "demo-flagged.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    # Run again: a fresh start, not "4 removed" or "1 -> 1 stars".
    again = run_script("demo", env={"REVIEWWATCH_DB": str(db)})
    assert again.returncode == 0, again.stderr
    assert not re.search(r"\d+ removed", again.stdout) and "1 -> 1" not in again.stdout
    assert again.stdout.count("New flagged reviews") == 1
    # A database with real reviews is refused.
    real = tmp_path / "real.db"
    _polled(tmp_path, [review("a", 1)])
    (tmp_path / "r.db").rename(real)
    refused = run_script("demo", "--db", real)
    assert refused.returncode == 2 and "did not make" in refused.stderr
    conn = sqlite3.connect(real)
    assert conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    conn.close()


def test_a_mapped_field_no_record_has_is_a_warning_and_fails_the_check(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "r.jsonl", [review("a", 5), review("b", 1, text="Broke")])
    typo = {**FIELDS, "body": "txt"}
    config = write_config(
        tmp_path, [{"name": "shop", "kind": "json_file", "path": data.name, "fields": typo}]
    )
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": str(tmp_path / "r.db")}
    checked = run_script("sources", "--check", "shop", env=env)
    assert checked.returncode == 1
    assert "the field mapping looks wrong" in checked.stdout
    assert "body is mapped to 'txt', which none of the 2 records" in checked.stdout
    assert "did you mean 'text'?" in checked.stdout
    assert "The first review as mapped:" in checked.stdout
    assert "body       (missing)" in checked.stdout and "rating     5" in checked.stdout
    polled = run_script("poll", "--quiet", env=env)
    assert polled.returncode == 0
    assert "Warnings (1)" in polled.stdout and "'txt'" in polled.stdout
    document = json.loads(run_script("poll", "--json", env=env).stdout)
    assert document["warnings"][0]["source"] == "shop"
    fixed = write_config(
        tmp_path, [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    ok = run_script("sources", "--check", "shop", env={**env, "REVIEWWATCH_CONFIG": str(fixed)})
    assert ok.returncode == 0 and "OK" in ok.stdout


def test_duplicate_ids_in_a_file_are_reported(tmp_path: Path) -> None:
    data = write_jsonl(
        tmp_path / "r.jsonl", [review("a", 5), review("b", 4), review("a", 1, text="Again")]
    )
    config = write_config(
        tmp_path, [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": str(tmp_path / "r.db")}
    polled = run_script("poll", "--quiet", env=env)
    assert "Records skipped (1)" in polled.stdout
    assert "shop id a: listed more than once" in polled.stdout


def test_a_mapping_fix_is_told_as_such_not_as_an_edit_of_every_review(tmp_path: Path) -> None:
    records = [review("a", 5), review("b", 1, text="Broke"), review("c", 4, text="Fine")]
    data = write_jsonl(tmp_path / "r.jsonl", records)
    typo = {**FIELDS, "body": "txt"}
    config = write_config(
        tmp_path, [{"name": "shop", "kind": "json_file", "path": data.name, "fields": typo}]
    )
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": str(tmp_path / "r.db")}
    run_script("poll", "--quiet", env=env)
    write_config(
        tmp_path, [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    fixed = run_script("poll", "--quiet", env=env)
    assert fixed.returncode == 0, fixed.stderr
    assert "Field mapping changed" in fixed.stdout
    assert "shop: 3 stored reviews read differently with the new mapping" in fixed.stdout
    assert "New flagged reviews" not in fixed.stdout and "edited" not in fixed.stdout
    shown = json.loads(run_script("show", "2", "--json", env=env).stdout)["review"]
    assert shown["body"] == "Broke" and shown["status"] == "new"
    assert [v["change"] for v in shown["versions"]] == ["new", "mapping"]
    # The next edit is an edit again.
    write_jsonl(data, [review("a", 5), review("b", 1, text="Broke"), review("c", 1, text="Bad")])
    edited = run_script("poll", "--quiet", env=env)
    assert "edited: 4 -> 1 stars" in edited.stdout


def test_an_id_repeated_pages_apart_is_a_repeat_not_an_edit(tmp_path: Path) -> None:
    # A file is read 500 records a page: the repeat comes three pages after the first listing.
    records = [review("a", 5, text="Lovely")] + [review(f"r{n}", 4) for n in range(1500)]
    records.append(review("a", 1, text="Changed my mind"))
    data = write_jsonl(tmp_path / "r.jsonl", records)
    config = write_config(
        tmp_path, [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": str(tmp_path / "r.db")}
    polled = run_script("poll", env=env)
    assert polled.returncode == 0, polled.stderr
    assert "shop id a: listed more than once" in polled.stdout
    shown = json.loads(run_script("show", "1", "--json", env=env).stdout)["review"]
    assert shown["body"] == "Lovely" and len(shown["versions"]) == 1


def test_lang_takes_a_script_or_region_and_finds_only_that_writing(tmp_path: Path) -> None:
    traditional = review("t", 1, text="這個茶壺的蓋子有裂縫，客服也不回覆，非常失望。")
    simplified = review("s", 1, text="这个茶壶的盖子有裂缝，客服也不回复，非常失望。")
    english = review("e", 1, text="The lid of this teapot is cracked and support never replied.")
    env = _polled(tmp_path, [traditional, simplified, english])
    found = {}
    for code in ("zh-Hant", "zh-Hans", "zh", "ZH_hant"):
        result = run_script("list", "--lang", code, "--json", env=env)
        assert result.returncode == 0, result.stderr
        found[code] = {r["external_id"] for r in json.loads(result.stdout)["reviews"]}
    assert found == {"zh-Hant": {"t"}, "zh-Hans": {"s"}, "zh": {"t", "s"}, "ZH_hant": {"t"}}
    exported = run_script("export", "--lang", "zh-Hant", "--format", "json", env=env)
    assert [r["external_id"] for r in json.loads(exported.stdout)["reviews"]] == ["t"]
    wrong = run_script("list", "--lang", "zh-Hantt", env=env)
    assert wrong.returncode == 2 and "unknown language" in wrong.stderr
