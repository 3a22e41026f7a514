"""Notifications through `reviewwatch poll`: delivered once, retried after a failure, skipped."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import invoke, write_config
from tests.filesources import FIELDS, review, write_jsonl
from tests.loopback import LoopbackServer, Response
from tests.notify.conftest import receiver


def setup(tmp_path: Path, server: LoopbackServer, **notify: object) -> tuple[Path, Path, Path]:
    data = write_jsonl(tmp_path / "r.jsonl", [review("old", 5)])
    hook = {"kind": "webhook", "url": server.url("/hooks"), **notify}
    config = write_config(
        tmp_path,
        [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}],
        extra={"notify": [hook]},
    )
    db = tmp_path / "r.db"
    assert invoke(CliRunner(), "--config", config, "--db", db, "poll", "--quiet").exit_code == 0
    write_jsonl(data, [review("bad", 1, text="Broken on arrival"), review("old", 5)])
    return config, db, data


def test_a_failed_delivery_is_retried_on_the_next_poll_and_sent_exactly_once(
    tmp_path: Path, server: LoopbackServer
) -> None:
    hook = receiver(server, "/hooks")
    config, db, _ = setup(tmp_path, server)
    server.fail_next(Response(500, "down"), path="/hooks")
    first = invoke(CliRunner(), "--config", config, "--db", db, "poll", "--quiet")
    assert first.exit_code == 0 and "notify: webhook" in first.output
    assert len(hook.received) == 1  # answered 500: not delivered
    second = invoke(CliRunner(), "--config", config, "--db", db, "poll", "--json")
    assert json.loads(second.output)["notifications"][0]["sent"] == 1
    third = invoke(CliRunner(), "--config", config, "--db", db, "poll", "--quiet")
    assert third.output == ""
    failed, delivered = hook.received  # one refused, one delivered, none after that
    assert failed.body == delivered.body
    body = json.loads(delivered.body)
    assert body["event"] == "flagged" and body["review"]["external_id"] == "bad"


def test_no_notify_sends_nothing(tmp_path: Path, server: LoopbackServer) -> None:
    hook = receiver(server, "/hooks")
    config, db, _ = setup(tmp_path, server)
    result = invoke(CliRunner(), "--config", config, "--db", db, "poll", "--no-notify", "--quiet")
    assert result.exit_code == 0 and "Broken on arrival" in result.output
    invoke(CliRunner(), "--config", config, "--db", db, "poll", "--quiet")
    assert hook.received == []


def test_a_bad_notifier_is_a_config_error_before_anything_is_polled(
    tmp_path: Path, server: LoopbackServer
) -> None:
    config, db, data = setup(tmp_path, server)
    write_config(
        tmp_path,
        [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}],
        extra={
            "notify": [{"kind": "webhook", "url": server.url("/hooks"), "events": ["everything"]}]
        },
    )
    result = invoke(CliRunner(), "--config", config, "--db", db, "poll")
    assert result.exit_code == 2 and "everything" in result.output
    listed = json.loads(invoke(CliRunner(), "--db", db, "list", "--json").output)
    assert [r["external_id"] for r in listed["reviews"]] == ["old"]
