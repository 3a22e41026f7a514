"""Each review version is triaged once: what a read command computes is kept for the next."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke, run_script, write_config
from tests.engines import store_rows
from tests.filesources import FIELDS, review, write_jsonl

BROKEN = "The mug arrived broken, the box was crushed. Nobody answered my emails."


@pytest.fixture
def baseline(tmp_path: Path, engine_db: str) -> tuple[Path, str]:
    """A store whose only flagged review came with the first (quiet, baseline) poll."""
    data = write_jsonl(
        tmp_path / "r.jsonl",
        [review("ok", 5), review("bad", 1, text=BROKEN, author="Jane Doe")],
    )
    config = write_config(
        tmp_path,
        [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}],
        business={"name": "Acme", "signature": "Anna, Acme", "contact": "our help page"},
    )
    assert (
        invoke(CliRunner(), "--config", config, "--db", engine_db, "poll", "--quiet").exit_code == 0
    )
    return config, engine_db


def _kept(db: str) -> list[tuple[int, int]]:
    return [(int(r[0]), int(r[1])) for r in store_rows(db, "SELECT review_id, version FROM triage")]


def test_export_keeps_the_triage_it_computed_and_show_reuses_it(
    cli: CliRunner, baseline: tuple[Path, str]
) -> None:
    config, db = baseline
    assert _kept(db) == []  # the baseline poll triages nothing
    exported = invoke(cli, "--config", config, "--db", db, "export", "--flagged")
    assert exported.exit_code == 0, exported.output
    assert _kept(db) == [(2, 1)]
    rows = list(csv.DictReader(io.StringIO(exported.output, newline="")))
    shown = json.loads(invoke(cli, "--config", config, "--db", db, "show", "2", "--json").output)
    assert rows[0]["suggested_reply"] == shown["review"]["suggested_reply"]
    again = invoke(cli, "--config", config, "--db", db, "export", "--flagged")
    assert again.output == exported.output
    assert _kept(db) == [(2, 1)]


def test_show_and_list_keep_what_they_computed(cli: CliRunner, baseline: tuple[Path, str]) -> None:
    config, db = baseline
    first = invoke(cli, "--config", config, "--db", db, "show", "2", "--json").output
    assert _kept(db) == [(2, 1)]
    assert invoke(cli, "--config", config, "--db", db, "show", "2", "--json").output == first
    listed = json.loads(invoke(cli, "--config", config, "--db", db, "list", "--json").output)
    assert [r["suggested_reply"] for r in listed["reviews"] if r["id"] == 2] == [
        json.loads(first)["review"]["suggested_reply"]
    ]


def test_new_business_details_give_fresh_suggestions_and_keep_them(
    cli: CliRunner, baseline: tuple[Path, str], tmp_path: Path
) -> None:
    config, db = baseline
    invoke(cli, "--config", config, "--db", db, "show", "2")
    text = config.read_text(encoding="utf-8").replace("Anna, Acme", "Bob, Acme")
    config.write_text(text, encoding="utf-8")
    reply = json.loads(invoke(cli, "--config", config, "--db", db, "show", "2", "--json").output)[
        "review"
    ]["suggested_reply"]
    assert "Bob, Acme" in reply
    fingerprints = store_rows(db, "SELECT fingerprint FROM triage")
    invoke(cli, "--config", config, "--db", db, "show", "2")
    assert store_rows(db, "SELECT fingerprint FROM triage") == fingerprints


def test_a_read_command_never_fails_nor_waits_when_it_cannot_keep_its_triage(
    tmp_path: Path,
) -> None:
    data = write_jsonl(tmp_path / "r.jsonl", [review("bad", 1, text=BROKEN, author="Jane Doe")])
    config = write_config(
        tmp_path, [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    db = tmp_path / "reviews.db"
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a poll writing for a long time
    try:
        # Waiting for the writer would take the whole (long) busy timeout.
        slow = {"REVIEWWATCH_BUSY_TIMEOUT": "300"}
        started = time.monotonic()
        shown = run_script("--config", config, "--db", db, "show", "1", "--json", env=slow)
        exported = run_script("--config", config, "--db", db, "export", env=slow, timeout=200)
        took = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert shown.returncode == 0, shown.stderr
    assert exported.returncode == 0, exported.stderr
    assert json.loads(shown.stdout)["review"]["suggested_reply"]
    assert took < 150
    assert _kept(str(db)) == []
    assert run_script("--config", config, "--db", db, "show", "1").returncode == 0
    assert _kept(str(db)) == [(1, 1)]


def test_a_marked_reply_is_shown_and_marking_again_needs_force(
    cli: CliRunner, baseline: tuple[Path, str]
) -> None:
    config, db = baseline
    base = ("--config", config, "--db", db)
    text = "Hi Jane, we are sorry the mug arrived broken. Please write to our help page. Anna"
    marked = invoke(cli, *base, "reply", "2", "--text", text, "--mark-replied", "--by", "anna")
    assert marked.exit_code == 0, marked.output
    shown = invoke(cli, *base, "show", "2").output
    assert "Your reply (marked replied by hand" in shown and "by anna" in shown and text in shown
    assert "Suggested reply" not in shown
    document = json.loads(invoke(cli, *base, "show", "2", "--json").output)["review"]
    assert document["sent_reply"]["text"] == text
    assert document["sent_reply"]["how"] == "marked" and document["sent_reply"]["by"] == "anna"
    again = invoke(cli, *base, "reply", "2", "--text", "second", "--mark-replied")
    assert again.exit_code == 2 and "--force" in again.output
    forced = invoke(
        cli, *base, "reply", "2", "--text", "Thank you, Jane.", "--mark-replied", "--force"
    )
    assert forced.exit_code == 0, forced.output
    document = json.loads(invoke(cli, *base, "show", "2", "--json").output)["review"]
    assert document["sent_reply"]["text"] == "Thank you, Jane."
    stats = invoke(cli, *base, "stats").output
    assert "marked as posted by hand 1" in stats


def test_a_result_computed_before_a_correction_is_not_kept_after_it(tmp_path: Path) -> None:
    from reviewwatch.corrections import record_correction
    from reviewwatch.store import connect, get_review
    from reviewwatch.triage.models import BusinessInfo
    from reviewwatch.triage.service import TriageCache
    from tests.filesources import FileShop

    shop = FileShop(tmp_path)
    shop.write([review("a", 5, text="Lovely")])
    shop.poll()
    shop.write([review("a", 5, text="Lovely"), review("b", 1, text=BROKEN)])
    flagged = shop.poll().flagged
    conn = connect(shop.db)
    try:
        target = get_review(conn, flagged[0].id)
        cache = TriageCache(conn, business=BusinessInfo(name="Acme"))
        before = cache.fields(target, store=False)
        assert "damaged_in_transit" in before["categories"]
        record_correction(conn, target.id, ("price_value",), actor="lead")
        cache.keep(conn)
        fresh = TriageCache(conn, business=BusinessInfo(name="Acme")).fields(target)
        assert fresh["categories"] == ["price_value"]
    finally:
        conn.close()
