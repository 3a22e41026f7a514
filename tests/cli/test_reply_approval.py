"""settings.reply_approval: a reply waits until someone else approves it, on both engines."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import CliArgument, invoke, write_config
from tests.filesources import FIELDS, review, write_jsonl
from tests.loopback import LoopbackServer
from tests.sources.contract import Catalogue
from tests.sources.test_google_play import FakePlay, play_table

GOOD = "Thank you for telling us, Jane. We are sorry the app crashed; version 2.1 fixes it."


def test_a_reply_is_posted_only_after_someone_else_approves_it(
    server: LoopbackServer, tmp_path: Path, engine_db: str
) -> None:
    catalogue = Catalogue()
    catalogue.add(5, author="Old Fan")
    FakePlay(server, catalogue, 10).install()
    config = write_config(
        tmp_path,
        [{"name": "play", "kind": "google_play", **play_table(server, tmp_path)}],
        settings={"reply_approval": True},
        business={"name": "Acme", "signature": "Anna, Acme", "contact": "our help page"},
    )
    cli = CliRunner()
    run: list[CliArgument] = ["--config", config, "--db", engine_db]
    assert invoke(cli, *run, "poll", "--quiet").exit_code == 0
    catalogue.add(1, author="Jane Doe", title=None, body="The app crashes every time I pay.")
    FakePlay(server, catalogue, 10).install()
    assert invoke(cli, *run, "poll", "--quiet").exit_code == 0

    def sent() -> list[object]:
        return [r.json() for r in server.requests if r.path.endswith(":reply")]

    asked = invoke(cli, *run, "reply", "2", "--text", GOOD, "--post", "--yes", "--by", "anna")
    assert asked.exit_code == 0, asked.output
    assert "waits for approval" in asked.output and "reply 2 --approve" in asked.output
    assert sent() == []
    own = invoke(cli, *run, "reply", "2", "--approve", "--by", "anna")
    assert own.exit_code == 2 and "someone else must approve" in own.output
    assert sent() == []
    approved = invoke(cli, *run, "reply", "2", "--approve", "--by", "ivo")
    assert approved.exit_code == 0, approved.output
    assert "Approved and posted" in approved.output
    assert sent() == [{"replyText": GOOD}]
    again = invoke(cli, *run, "reply", "2", "--approve", "--by", "ivo")
    assert again.exit_code == 4 and "no reply to #2 is waiting" in again.output
    assert len(sent()) == 1
    shown = json.loads(invoke(cli, *run, "show", "2", "--json").output)["review"]
    assert shown["status"] == "replied" and shown["reply"] == GOOD


def test_without_a_reply_api_the_approved_reply_is_handed_over_for_pasting(
    tmp_path: Path, engine_db: str
) -> None:
    write_jsonl(tmp_path / "r.jsonl", [review("a", 5)])
    config = write_config(
        tmp_path,
        [{"name": "shop", "kind": "json_file", "path": "r.jsonl", "fields": FIELDS}],
        settings={"reply_approval": True},
    )
    cli = CliRunner()
    run: list[CliArgument] = ["--config", config, "--db", engine_db]
    assert invoke(cli, *run, "poll", "-q").exit_code == 0
    write_jsonl(tmp_path / "r.jsonl", [review("a", 5), review("b", 1, text="Broken")])
    assert invoke(cli, *run, "poll", "-q").exit_code == 0
    text = "Sorry it broke. Please write to us and we will send a new one."
    asked = invoke(cli, *run, "reply", "2", "--text", text, "--post", "--yes", "--by", "anna")
    assert asked.exit_code == 0 and "waits for approval" in asked.output
    approved = invoke(cli, *run, "reply", "2", "--approve", "--by", "ivo")
    assert approved.exit_code == 0, approved.output
    assert text in approved.output and "--mark-replied" in approved.output
    marked = invoke(cli, *run, "reply", "2", "--mark-replied", "--text", text, "--by", "anna")
    assert marked.exit_code == 0
    shown = json.loads(invoke(cli, *run, "show", "2", "--json").output)["review"]
    assert shown["status"] == "replied"
