"""Every command through typer's runner, with the exit codes of the contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reviewwatch.cli.app import app
from tests.conftest import invoke, write_config
from tests.engines import postgres_database
from tests.filesources import FIELDS, review, write_jsonl

COMMANDS = ["init", "paths", "poll", "list", "show", "export", "sources", "demo"]


@pytest.fixture
def shop(tmp_path: Path, engine_db: str) -> tuple[Path, str]:
    """A config over a JSON Lines file that has been polled twice (a baseline, then news),
    on each engine in turn."""
    data = tmp_path / "reviews.jsonl"
    config = write_config(
        tmp_path,
        [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}],
        settings={"timezone": "Europe/Riga"},
    )
    db = engine_db
    write_jsonl(data, [review("a", 5, text="Lovely"), review("b", 2, text="Meh", lang="en-GB")])
    assert invoke(CliRunner(), "--config", config, "--db", db, "poll", "--quiet").exit_code == 0
    write_jsonl(
        data,
        [
            review("c", 1, text="Arrived broken", created="2026-11-21T09:00:00Z", lang="en"),
            review("a", 5, text="Lovely"),
            review("b", 2, text="Meh", lang="en-GB"),
        ],
    )
    return config, db


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_text(cli: CliRunner, command: str) -> None:
    result = invoke(cli, command, "--help")
    assert result.exit_code == 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) > 3 and "Usage:" in result.output


def test_init_writes_the_starter_config_and_refuses_to_overwrite(
    cli: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "conf" / "config.toml"
    first = invoke(cli, "init", "--config", target)
    assert first.exit_code == 0 and str(target) in first.output
    assert "[[sources]]" in target.read_text(encoding="utf-8")
    second = invoke(cli, "--config", target, "init")
    assert second.exit_code == 2 and "already exists" in second.output
    assert invoke(cli, "--config", target, "init", "--force").exit_code == 0


def test_paths_says_where_each_path_came_from(cli: CliRunner, tmp_path: Path) -> None:
    result = invoke(
        cli,
        "paths",
        env={
            "REVIEWWATCH_CONFIG": str(tmp_path / "c.toml"),
            "REVIEWWATCH_DB": str(tmp_path / "d.db"),
        },
    )
    assert result.exit_code == 0
    assert "$REVIEWWATCH_CONFIG" in result.output and "$REVIEWWATCH_DB" in result.output
    flags = invoke(cli, "paths", "--db", tmp_path / "x.db")
    assert "[--db]" in flags.output


def test_poll_prints_new_flagged_reviews_and_json_follows_the_contract(
    cli: CliRunner, shop: tuple[Path, str]
) -> None:
    config, db = shop
    result = invoke(cli, "--config", config, "--db", db, "poll", "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["version"] == 1
    assert set(document) >= {"sources", "new", "updated", "flagged", "baseline", "errors"}
    assert set(document["sources"][0]) >= {
        "name",
        "kind",
        "ok",
        "fetched",
        "new",
        "updated",
        "requests",
        "error",
    }
    assert [r["external_id"] for r in document["flagged"]] == ["c"]
    flagged = document["flagged"][0]
    assert flagged["created_at"] == "2026-11-21T09:00:00Z" and flagged["flagged"] is True
    assert flagged["due_at"].endswith("Z") and flagged["language"] == "en"


def test_poll_quiet_is_silent_when_nothing_is_new(cli: CliRunner, shop: tuple[Path, str]) -> None:
    config, db = shop
    loud = invoke(cli, "--config", config, "--db", db, "poll", "--quiet")
    assert loud.exit_code == 0 and "Arrived broken" in loud.output
    quiet = invoke(cli, "--config", config, "--db", db, "poll", "--quiet")
    assert quiet.exit_code == 0 and quiet.output == ""


def test_poll_json_lists_the_baseline(cli: CliRunner, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "r.jsonl", [review("a", 1), review("b", 5)])
    config = write_config(
        tmp_path, [{"name": "s", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    result = invoke(cli, "--config", config, "--db", tmp_path / "r.db", "poll", "--json")
    document = json.loads(result.output)
    assert sorted(r["external_id"] for r in document["baseline"]) == ["a", "b"]
    assert document["flagged"] == [] and document["new"] == []


def test_a_failing_source_exits_1_and_the_others_are_stored(cli: CliRunner, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "r.jsonl", [review("a", 1)])
    config = write_config(
        tmp_path,
        [
            {"name": "good", "kind": "json_file", "path": data.name, "fields": FIELDS},
            {"name": "gone", "kind": "json_file", "path": "missing.jsonl", "fields": FIELDS},
        ],
    )
    result = invoke(cli, "--config", config, "--db", tmp_path / "r.db", "poll")
    assert result.exit_code == 1
    assert "gone: cannot read" in result.output
    listed = invoke(cli, "--config", config, "--db", tmp_path / "r.db", "list", "--json")
    assert [r["external_id"] for r in json.loads(listed.output)["reviews"]] == ["a"]


def test_a_config_error_exits_2_and_names_every_problem(cli: CliRunner, tmp_path: Path) -> None:
    config = write_config(tmp_path, [{"name": "x", "kind": "json_file", "pth": "a"}])
    result = invoke(cli, "--config", config, "poll")
    assert result.exit_code == 2
    assert "sources \"x\": unknown key 'pth'; did you mean 'path'?" in result.output
    assert 'sources "x".path: is required' in result.output


def test_reading_commands_check_only_settings_so_a_bad_source_does_not_hide_the_reviews(
    cli: CliRunner, tmp_path: Path
) -> None:
    data = write_jsonl(tmp_path / "r.jsonl", [review("a", 1)])
    good = {"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}
    config = write_config(tmp_path, [good])
    db = tmp_path / "r.db"
    assert invoke(cli, "--config", config, "--db", db, "poll").exit_code == 0
    write_config(tmp_path, [good, {"name": "x", "kind": "json_file", "pth": "a"}])
    listed = invoke(cli, "--config", config, "--db", db, "list", "--json")
    assert listed.exit_code == 0
    assert [r["external_id"] for r in json.loads(listed.output)["reviews"]] == ["a"]
    assert invoke(cli, "--config", config, "--db", db, "poll").exit_code == 2
    write_config(tmp_path, [good], settings={"timezone": "Mars/Base"})
    broken = invoke(cli, "--config", config, "--db", db, "list")
    assert broken.exit_code == 2 and "unknown time zone 'Mars/Base'" in broken.output


def test_poll_of_an_unknown_source_is_a_usage_error(cli: CliRunner, shop: tuple[Path, str]) -> None:
    config, db = shop
    result = invoke(cli, "--config", config, "--db", db, "poll", "--source", "nope")
    assert result.exit_code == 2 and "unknown source 'nope'; known: " in result.output


def test_list_filters_and_json(cli: CliRunner, shop: tuple[Path, str]) -> None:
    config, db = shop
    invoke(cli, "--config", config, "--db", db, "poll", "--quiet")
    every = json.loads(invoke(cli, "--config", config, "--db", db, "list", "--json").output)
    assert every["version"] == 1
    # Newest first; a tie in time goes to the review stored last.
    assert [r["external_id"] for r in every["reviews"]] == ["c", "b", "a"]
    flagged = json.loads(
        invoke(cli, "--config", config, "--db", db, "list", "--flagged", "--json").output
    )
    assert sorted(r["external_id"] for r in flagged["reviews"]) == ["b", "c"]
    high = json.loads(
        invoke(cli, "--config", config, "--db", db, "list", "--min-stars", "4", "--json").output
    )
    assert [r["external_id"] for r in high["reviews"]] == ["a"]
    english = json.loads(
        invoke(cli, "--db", db, "--config", config, "list", "--lang", "en", "--json").output
    )
    assert sorted(r["external_id"] for r in english["reviews"]) == ["b", "c"]
    recent = json.loads(
        invoke(
            cli, "--config", config, "--db", db, "list", "--since", "2026-11-21", "--json"
        ).output
    )
    assert [r["external_id"] for r in recent["reviews"]] == ["c"]
    limited = json.loads(
        invoke(cli, "--config", config, "--db", db, "list", "--limit", "1", "--json").output
    )
    assert len(limited["reviews"]) == 1
    bad = invoke(cli, "--config", config, "--db", db, "list", "--status", "done")
    assert bad.exit_code == 2 and "unknown status" in bad.output
    when = invoke(cli, "--config", config, "--db", db, "list", "--since", "last tuesday")
    assert when.exit_code == 2 and "cannot read the time" in when.output


def test_global_options_are_accepted_after_the_command(
    cli: CliRunner, shop: tuple[Path, str]
) -> None:
    config, db = shop
    result = invoke(cli, "list", "--config", config, "--db", db, "--json")
    assert result.exit_code == 0 and len(json.loads(result.output)["reviews"]) == 2


def test_show_prints_history_and_404s_as_exit_4(
    cli: CliRunner, shop: tuple[Path, str], tmp_path: Path
) -> None:
    config, db = shop
    data = tmp_path / "reviews.jsonl"
    write_jsonl(
        data, [review("b", 1, text="Worse now", lang="en-GB"), review("a", 5, text="Lovely")]
    )
    invoke(cli, "--config", config, "--db", db, "poll", "--quiet", "--full")
    listed = json.loads(invoke(cli, "--config", config, "--db", db, "list", "--json").output)[
        "reviews"
    ]
    target = next(r for r in listed if r["external_id"] == "b")
    shown = invoke(cli, "--config", config, "--db", db, "show", str(target["id"]))
    assert shown.exit_code == 0
    assert "Worse now" in shown.output and "v2" in shown.output and "edited" in shown.output
    document = json.loads(
        invoke(cli, "--config", config, "--db", db, "show", str(target["id"]), "--json").output
    )
    assert [v["rating"] for v in document["review"]["versions"]] == [2, 1]
    missing = invoke(cli, "--config", config, "--db", db, "show", "999")
    assert missing.exit_code == 4 and "no review with id 999" in missing.output


def test_sources_states_kind_limits_and_last_error(cli: CliRunner, tmp_path: Path) -> None:
    config = write_config(
        tmp_path,
        [
            {"name": "gone", "kind": "json_file", "path": "missing.jsonl", "fields": FIELDS},
            {"name": "sample", "kind": "demo"},
        ],
    )
    db = tmp_path / "r.db"
    invoke(cli, "--config", config, "--db", db, "poll", "--quiet")
    text = invoke(cli, "--config", config, "--db", db, "sources")
    assert text.exit_code == 0
    assert "json_file on generic" in text.output and "cannot see:" in text.output
    assert "last error: cannot read" in text.output
    document = json.loads(invoke(cli, "--config", config, "--db", db, "sources", "--json").output)
    rows = {row["name"]: row for row in document["sources"]}
    assert rows["sample"]["reviews"] == 33 and rows["sample"]["last_success_at"]
    assert rows["gone"]["last_error"].startswith("cannot read")
    assert rows["gone"]["complete_listing"] is True and rows["gone"]["can_reply"] is False


def test_demo_runs_offline_in_a_temporary_database(cli: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = invoke(cli, "demo", "--db", db)
    assert result.exit_code == 0, result.output
    assert "first poll, 5 reviews stored as the baseline" in result.output
    assert "New flagged reviews" in result.output and "edited:" in result.output
    assert "What next" in result.output and "reviewwatch poll" in result.output
    document = json.loads(invoke(cli, "--db", db, "list", "--limit", "100", "--json").output)
    # Chinese says how it is written (zh-Hans, zh-Hant).
    languages = {r["language"].split("-")[0] for r in document["reviews"] if r["language"]}
    assert len(document["reviews"]) == 33
    assert {"en", "es", "nl", "zh", "lv", "de", "fr"} <= languages
    assert sum(r["flagged"] for r in document["reviews"]) >= 10
    assert (tmp_path / "demo-flagged.csv").exists()


def test_demo_on_postgresql_exports_beside_the_default_database_not_here(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    with postgres_database() as url:
        result = invoke(cli, "demo", "--db", url, env={"XDG_DATA_HOME": str(tmp_path / "data")})
        assert result.exit_code == 0, result.output
    exported = tmp_path / "data" / "reviewwatch" / "demo-flagged.csv"
    assert exported.exists() and list(here.iterdir()) == []
    assert "demo-flagged.csv" in result.output


def test_reading_commands_do_not_create_a_database(cli: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    assert invoke(cli, "--db", db, "list").exit_code == 0
    assert invoke(cli, "--db", db, "show", "1").exit_code == 4
    assert not db.exists()


def test_the_version_option(cli: CliRunner) -> None:
    result = invoke(cli, "--version")
    assert result.exit_code == 0 and result.output.startswith("reviewwatch ")


def test_no_arguments_shows_help(cli: CliRunner) -> None:
    result = CliRunner().invoke(app, [])
    assert "Commands" in result.output


def test_sources_check_tests_credentials_and_reach_without_storing(tmp_path: Path) -> None:
    from tests.loopback import LoopbackServer, Response

    server = LoopbackServer().start()
    try:
        server.route("GET", "/ok", lambda _r: Response(200, [{"id": "a", "stars": 1}, {"id": "b"}]))
        server.route("GET", "/denied", lambda _r: Response(401, {"error": "bad token"}))
        table = {"kind": "http_json", "fields": {"id": "id", "rating": "stars"}}
        config = write_config(
            tmp_path,
            [
                {"name": "good", "url": server.url("/ok"), **table},
                {"name": "bad", "url": server.url("/denied"), **table},
            ],
        )
        db = tmp_path / "never.db"
        cli = CliRunner()
        good = invoke(cli, "--config", config, "--db", db, "sources", "--check", "good")
        assert good.exit_code == 0
        assert (
            "credentials accepted and 1 reviews" in good.output
            and "1 records could not be read" in good.output
        )
        bad = invoke(cli, "--config", config, "--db", db, "sources", "--check", "bad", "--json")
        assert bad.exit_code == 1
        document = json.loads(bad.output)
        assert document["ok"] is False and "refused the credentials" in document["error"]
        unknown = invoke(cli, "--config", config, "sources", "--check", "nope")
        assert unknown.exit_code == 2
        assert not db.exists()
    finally:
        server.stop()


@pytest.mark.parametrize("json_flag", [(), ("--json",)])
def test_sources_check_scrubs_an_echoed_token(tmp_path: Path, json_flag: tuple[str, ...]) -> None:
    """The README's own `Authorization = "Bearer ${TOKEN}"`: a server that echoes the bare
    token, or the key URL-encoded, shows neither in `sources --check`."""
    from tests.loopback import LoopbackServer, Request, Response

    def echo(request: Request) -> Response:
        token = (request.header("Authorization") or "").removeprefix("Bearer ")
        key = (request.header("X-Api-Key") or "").replace("/", "%2F")
        return Response(400, {"error": f"invalid token {token}, key {key}"})

    server = LoopbackServer().start()
    try:
        server.route("GET", "/echo", echo)
        table = {
            "name": "echo",
            "kind": "http_json",
            "url": server.url("/echo"),
            "fields": {"id": "id", "rating": "stars"},
            "headers": {"Authorization": "Bearer ${ACME_TOKEN}", "X-Api-Key": "key/LIVE/0123"},
        }
        config = write_config(tmp_path, [table])
        env = {"ACME_TOKEN": "tok_LIVE_9f8e7d6c5b4a"}
        result = invoke(
            CliRunner(), "--config", config, "sources", "--check", "echo", *json_flag, env=env
        )
        assert result.exit_code == 1 and "invalid token" in result.output
        for secret in ("tok_LIVE_9f8e7d6c5b4a", "key/LIVE/0123", "key%2FLIVE%2F0123"):
            assert secret not in result.output
    finally:
        server.stop()
