"""Notifications through `reviewwatch poll`: delivered once, retried after a failure, skipped."""

from __future__ import annotations

import contextlib
import importlib
import json
import socket
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke, write_config
from tests.filesources import FIELDS, review, write_jsonl
from tests.loopback import LoopbackServer, Request, Response
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


def test_a_dripping_webhook_costs_at_most_its_deadline(
    tmp_path: Path, server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A receiver that answers a byte at a time cannot hold the poll (and its lock) longer
    than one message's deadline; the alert stays pending for the next poll."""
    deliver = importlib.import_module("reviewwatch.notify.deliver")  # the package shadows it
    monkeypatch.setattr(deliver, "NOTIFY_TIMEOUT", 1.0)
    server.route("POST", "/hooks", lambda _r: Response(200, b"o" * 200, drip=0.1))
    config, db, _ = setup(tmp_path, server)
    started = time.monotonic()
    result = invoke(CliRunner(), "--config", config, "--db", db, "poll", "--json")
    took = time.monotonic() - started
    assert took < 4, took
    notified = json.loads(result.output)["notifications"][0]
    assert notified["sent"] == 0 and "timed out" in notified["error"]


def test_a_failing_source_alert_carries_no_echoed_token(
    tmp_path: Path, server: LoopbackServer
) -> None:
    """The README's `Authorization = "Bearer ${TOKEN}"`; the feed echoes the bare token in its
    error. The source_failing alert (and the stored last_error) hold the message, not the token."""
    hook = receiver(server, "/hooks")

    def echo(request: Request) -> Response:
        token = (request.header("Authorization") or "").removeprefix("Bearer ")
        return Response(400, {"error": f"invalid token {token}"})

    server.route("GET", "/feed", echo)
    feed = {
        "name": "feed",
        "kind": "http_json",
        "url": server.url("/feed"),
        "fields": {"id": "id", "rating": "stars"},
        "headers": {"Authorization": "Bearer ${ACME_TOKEN}"},
    }
    hook_table = {"kind": "webhook", "url": server.url("/hooks"), "events": ["source_failing"]}
    config = write_config(tmp_path, [feed], extra={"notify": [hook_table]})
    db = tmp_path / "r.db"
    env = {"ACME_TOKEN": "tok_LIVE_9f8e7d6c5b4a"}
    result = invoke(CliRunner(), "--config", config, "--db", db, "poll", "--json", env=env)
    assert "invalid token" in result.output and "tok_LIVE" not in result.output
    assert hook.received, "the source_failing alert was not sent"
    for request in hook.received:
        assert b"invalid token" in request.body and b"tok_LIVE" not in request.body
    stored = sqlite3.connect(db).execute("SELECT last_error FROM sources").fetchone()[0]
    assert "invalid token" in stored and "tok_LIVE" not in stored


def test_a_dripping_mail_server_costs_at_most_its_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An SMTP server that sends its greeting a byte at a time, for ever: the poll ends once
    the message's deadline passes, and the alert stays pending."""
    deliver = importlib.import_module("reviewwatch.notify.deliver")
    monkeypatch.setattr(deliver, "NOTIFY_TIMEOUT", 1.0)
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def drip() -> None:
        listener.settimeout(10)
        with contextlib.suppress(OSError):
            connection, _ = listener.accept()
            with connection:
                while not stop.is_set():
                    connection.sendall(b"2")
                    time.sleep(0.2)

    threading.Thread(target=drip, daemon=True).start()
    try:
        data = write_jsonl(tmp_path / "r.jsonl", [review("old", 5)])
        mail = {
            "kind": "email",
            "smtp_host": "127.0.0.1",
            "smtp_port": listener.getsockname()[1],
            "security": "none",
            "from": "reviewwatch@acme.example",
            "to": ["care@acme.example"],
        }
        config = write_config(
            tmp_path,
            [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}],
            extra={"notify": [mail]},
        )
        db = tmp_path / "r.db"
        assert invoke(CliRunner(), "--config", config, "--db", db, "poll", "-q").exit_code == 0
        write_jsonl(data, [review("bad", 1, text="Broken on arrival"), review("old", 5)])
        started = time.monotonic()
        result = invoke(CliRunner(), "--config", config, "--db", db, "poll", "--json")
        took = time.monotonic() - started
        assert took < 4, took
        notified = json.loads(result.output)["notifications"][0]
        assert notified["sent"] == 0 and "timed out" in notified["error"]
    finally:
        stop.set()
        listener.close()
