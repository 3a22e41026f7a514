"""The installed console script, run as a user or cron would run it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.conftest import run_script, write_config
from tests.engines import is_postgres, set_schema_version
from tests.filesources import FIELDS, review, write_jsonl


def test_demo_runs_from_a_fresh_environment(tmp_path: Path) -> None:
    # Its database goes beside the default one: here, in a data folder of the test's own.
    result = run_script("demo", env={"XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "New flagged reviews" in result.stdout and "What next" in result.stdout
    assert "\x1b" not in result.stdout


def test_a_cron_style_poll_then_export(tmp_path: Path, engine_db: str) -> None:
    data = write_jsonl(tmp_path / "r.jsonl", [review("a", 5, text="Labs")])
    config = write_config(
        tmp_path, [{"name": "s", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": engine_db}
    first = run_script("poll", "--quiet", env=env)
    assert (first.returncode, first.stdout, first.stderr) == (0, "", "")
    write_jsonl(data, [review("b", 1, text="=cmd|' /C calc'!A0"), review("a", 5, text="Labs")])
    second = run_script("poll", "--quiet", env=env)
    assert second.returncode == 0 and "New flagged reviews" in second.stdout
    exported = run_script("export", env=env)
    rows = list(csv.reader(io.StringIO(exported.stdout, newline="")))
    assert rows[1][6].startswith("'=cmd")
    listed = json.loads(run_script("list", "--json", env=env).stdout)
    assert [r["external_id"] for r in listed["reviews"]] == ["b", "a"]
    assert all("business" not in r for r in listed["reviews"])  # the config names none


def test_a_newer_database_is_a_clear_message(engine_db: str) -> None:
    set_schema_version(engine_db, 999)
    result = run_script("--db", engine_db, "list")
    assert result.returncode == 2
    assert "upgrade reviewwatch" in result.stderr and "Traceback" not in result.stderr
    if is_postgres(engine_db):
        assert "999" in result.stderr  # the server's version was read, not a fresh schema made


def test_a_business_kind_in_the_config_shapes_the_drafts(tmp_path: Path) -> None:
    """A bank reviewed on Trustpilot: with `kind = "service"` its draft speaks of no parcel
    and no order; a bad kind is one clear line; changing the kind gives a fresh draft, not the
    one cached under the old kind."""
    late = "Waited three weeks for my new card, delivery was very late."
    data = write_jsonl(tmp_path / "r.jsonl", [review("a", 1, text=late, lang="en")])
    source = {
        "name": "bank",
        "kind": "json_file",
        "path": data.name,
        "fields": FIELDS,
        "platform": "trustpilot",
    }
    env = {
        "REVIEWWATCH_CONFIG": str(tmp_path / "config.toml"),
        "REVIEWWATCH_DB": str(tmp_path / "r.db"),
    }

    def draft(kind: str | None) -> str:
        business = {
            "name": "Riga Bank",
            "signature": "Riga Bank",
            **({"kind": kind} if kind else {}),
        }
        write_config(tmp_path, [source], business=business)
        shown = run_script("show", "1", "--json", env=env)
        assert shown.returncode == 0, shown.stderr
        return str(json.loads(shown.stdout)["review"]["suggested_reply"])

    write_config(tmp_path, [source], business={"name": "Riga Bank", "kind": "bank"})
    refused = run_script("poll", "--quiet", env=env)
    assert refused.returncode == 2
    assert "business.kind: unknown kind 'bank'; known: store, place, app, service" in refused.stderr
    assert "Traceback" not in refused.stderr
    write_config(tmp_path, [source], business={"name": "Riga Bank"})
    assert run_script("poll", "--quiet", env=env).returncode == 0
    as_a_shop = draft(None)  # Trustpilot's own kind: a shop that ships
    assert "order" in as_a_shop or "parcel" in as_a_shop or "carrier" in as_a_shop, as_a_shop
    as_a_service = draft("service")
    for word in ("order", "parcel", "carrier", "tracking", "item", "replace", "return"):
        assert word not in as_a_service.lower(), as_a_service
    assert "Riga Bank" in as_a_service
