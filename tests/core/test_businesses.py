"""Many businesses in one store: `[[business]]` tables, sources that name theirs, and what
follows from it (drafts, reply deadlines, notifier filters, `--business`)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import invoke, write_config
from tests.filesources import FIELDS, review, write_jsonl
from tests.loopback import LoopbackServer, Response

BUSINESSES = [
    {
        "name": "Cafe Riga",
        "signature": "Anna, Cafe Riga",
        "contact": "hello@cafe.example",
        "response_sla_hours": 4,
    },
    {"name": "Tea House", "signature": "Ivo at the Tea House", "contact": "our shop counter"},
]


def _source(name: str, business: str | None) -> dict[str, object]:
    table: dict[str, object] = {
        "name": name,
        "kind": "json_file",
        "path": f"{name}.jsonl",
        "fields": FIELDS,
    }
    if business is not None:
        table["business"] = business
    return table


def _agency(folder: Path, server: LoopbackServer) -> Path:
    return write_config(
        folder,
        [_source("riga", "Cafe Riga"), _source("tea", "Tea House")],
        extra={
            "business": BUSINESSES,
            "notify": [
                {"kind": "webhook", "url": server.url("/hook"), "businesses": ["Cafe Riga"]}
            ],
        },
    )


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_each_business_has_its_drafts_deadline_alerts_and_filters(
    tmp_path: Path, engine_db: str, server: LoopbackServer
) -> None:
    server.route("POST", "/hook", lambda _r: Response(200, "ok"))
    config = _agency(tmp_path, server)
    cli = CliRunner()
    for name in ("riga", "tea"):
        write_jsonl(tmp_path / f"{name}.jsonl", [review(f"{name}-ok", 5)])
    assert invoke(cli, "--config", config, "--db", engine_db, "poll", "-q").exit_code == 0
    for name in ("riga", "tea"):
        write_jsonl(
            tmp_path / f"{name}.jsonl",
            [review(f"{name}-ok", 5), review(f"{name}-bad", 1, text="Cold and late", lang="en")],
        )
    polled = invoke(cli, "--config", config, "--db", engine_db, "poll", "--json")
    assert polled.exit_code == 0, polled.output
    flagged = {r["external_id"]: r for r in json.loads(polled.output)["flagged"]}
    riga, tea = flagged["riga-bad"], flagged["tea-bad"]
    # Reply deadlines: Cafe Riga's own 4 hours, the Tea House the settings' 24.
    assert _when(riga["due_at"]) - _when(riga["first_seen_at"]) == timedelta(hours=4)
    assert _when(tea["due_at"]) - _when(tea["first_seen_at"]) == timedelta(hours=24)
    # Drafts sign with the review's own business.
    drafts = {}
    for found in (riga, tea):
        shown = invoke(
            cli, "--config", config, "--db", engine_db, "show", str(found["id"]), "--json"
        )
        drafts[found["external_id"]] = json.loads(shown.output)["review"]["suggested_reply"]
    assert "Anna, Cafe Riga" in drafts["riga-bad"] and "Tea House" not in drafts["riga-bad"]
    assert "Ivo at the Tea House" in drafts["tea-bad"] and "Riga" not in drafts["tea-bad"]
    # The notifier of Cafe Riga hears only of Cafe Riga.
    alerts = [r.json() for r in server.requests if r.path == "/hook"]
    assert [a["review"]["external_id"] for a in alerts] == ["riga-bad"]
    # --business on list, export and stats.
    listed = invoke(
        cli, "--config", config, "--db", engine_db, "list", "--business", "Tea House", "--json"
    )
    assert {r["external_id"] for r in json.loads(listed.output)["reviews"]} == {"tea-ok", "tea-bad"}
    assert {r["business"] for r in json.loads(listed.output)["reviews"]} == {"Tea House"}
    shown = json.loads(
        invoke(cli, "--config", config, "--db", engine_db, "show", str(riga["id"]), "--json").output
    )
    assert shown["review"]["business"] == "Cafe Riga"
    for form in ("json", "jsonl"):
        lines = invoke(
            cli, "--config", config, "--db", engine_db, "export", "--format", form
        ).output
        documents = (
            json.loads(lines)["reviews"]
            if form == "json"
            else [json.loads(line) for line in lines.splitlines()]
        )
        assert {r["external_id"]: r["business"] for r in documents} == {
            "riga-ok": "Cafe Riga",
            "riga-bad": "Cafe Riga",
            "tea-ok": "Tea House",
            "tea-bad": "Tea House",
        }
    exported = invoke(
        cli, "--config", config, "--db", engine_db, "export", "--business", "Cafe Riga"
    )
    assert "riga-bad" in exported.output and "tea-" not in exported.output
    stats = invoke(
        cli, "--config", config, "--db", engine_db, "stats", "--business", "Cafe Riga", "--json"
    )
    figures = json.loads(stats.output)
    assert figures["total"] == 2 and figures["flagged"] == 1
    everything = json.loads(
        invoke(cli, "--config", config, "--db", engine_db, "stats", "--json").output
    )
    assert everything["total"] == 4


def test_with_several_businesses_every_source_names_a_known_one(
    tmp_path: Path, server: LoopbackServer
) -> None:
    config = write_config(
        tmp_path,
        [_source("riga", None), _source("tea", "Tea Shop")],
        extra={
            "business": BUSINESSES,
            "notify": [{"kind": "webhook", "url": server.url("/h"), "businesses": ["Nope"]}],
        },
    )
    result = invoke(CliRunner(), "--config", config, "sources")
    assert result.exit_code == 2
    assert 'sources "riga".business: is required with several businesses' in result.output
    assert (
        "sources \"tea\".business: unknown business 'Tea Shop'; did you mean 'Tea House'?"
        in result.output
    )
    unnamed = write_config(
        tmp_path, [_source("riga", None)], extra={"business": [{"signature": "Anna"}]}
    )
    result = invoke(CliRunner(), "--config", unnamed, "sources")
    assert result.exit_code == 2 and "business[1].name: is required" in result.output


def test_one_business_table_serves_every_source_as_before(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "riga.jsonl", [review("a", 5)])
    config = write_config(
        tmp_path,
        [_source("riga", None)],
        business={"name": "Cafe Riga", "signature": "Anna"},
    )
    cli = CliRunner()
    db = tmp_path / "r.db"
    assert invoke(cli, "--config", config, "--db", db, "poll", "-q").exit_code == 0
    listed = invoke(
        cli, "--config", config, "--db", db, "list", "--business", "Cafe Riga", "--json"
    )
    assert [(r["external_id"], r["business"]) for r in json.loads(listed.output)["reviews"]] == [
        ("a", "Cafe Riga")
    ]
