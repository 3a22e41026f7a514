"""Replies post once: no second post without --replace, pending replies settle only on their own
text, and the user can abandon or confirm a pending one."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from reviewwatch.cli.app import app
from tests.cli.test_reply_desk import GOOD, play, replies_sent
from tests.conftest import invoke
from tests.engines import is_postgres, store_rows
from tests.loopback import LoopbackServer, Response
from tests.sources.contract import Catalogue
from tests.sources.test_google_play import LIST_PATH

__all__ = ["play"]  # the fixture, shared with the reply desk's tests

OTHER = "Thank you, Jane. We are sorry about the crash; please update to version 2.1."


def _states(db: str) -> list[str]:
    return [row[0] for row in store_rows(db, "SELECT state FROM replies ORDER BY id")]


def _post(cli: CliRunner, config: Path, db: str, text: str, *more: str) -> Result:
    return invoke(
        cli, "--config", config, "--db", db, "reply", "2", "--text", text, "--post", "--yes", *more
    )


def test_a_second_post_is_refused_unless_replace_is_given(
    cli: CliRunner, server: LoopbackServer, play: tuple[Path, str, Catalogue]
) -> None:
    config, db, _ = play
    assert _post(cli, config, db, GOOD).exit_code == 0
    again = _post(cli, config, db, OTHER)
    assert again.exit_code == 2 and "--replace" in again.output
    assert len(replies_sent(server)) == 1
    replaced = _post(cli, config, db, OTHER, "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert len(replies_sent(server)) == 2
    assert _states(db) == ["replaced", "posted"]


def _unknown_outcome(
    cli: CliRunner, server: LoopbackServer, play: tuple[Path, str, Catalogue]
) -> str:
    config, db, catalogue = play
    target = catalogue.newest_first()[0]
    server.fail_next(Response(503, "busy"), path=f"{LIST_PATH}/{target.id}:reply")
    assert _post(cli, config, db, GOOD).exit_code == 1
    assert _states(db) == ["pending"]
    return target.id


def test_a_pending_reply_settles_only_when_the_platform_shows_its_text(
    cli: CliRunner, server: LoopbackServer, play: tuple[Path, str, Catalogue]
) -> None:
    config, db, catalogue = play
    target = _unknown_outcome(cli, server, play)
    catalogue.edit(target, reply="Sorry! (an older answer written on the platform)")
    invoke(cli, "--config", config, "--db", db, "poll", "--quiet")
    assert _states(db) == ["pending"]
    catalogue.edit(target, reply=GOOD)
    invoke(cli, "--config", config, "--db", db, "poll", "--quiet")
    assert _states(db) == ["posted"]


def test_a_pending_reply_can_be_abandoned_and_posted_again(
    cli: CliRunner, server: LoopbackServer, play: tuple[Path, str, Catalogue]
) -> None:
    config, db, _ = play
    _unknown_outcome(cli, server, play)
    refused = _post(cli, config, db, GOOD)
    assert refused.exit_code == 2 and "--abandon" in refused.output
    abandoned = invoke(cli, "--config", config, "--db", db, "reply", "2", "--abandon")
    assert abandoned.exit_code == 0, abandoned.output
    assert _states(db) == ["abandoned"]
    assert _post(cli, config, db, GOOD).exit_code == 0
    assert _states(db) == ["abandoned", "posted"]


def test_mark_replied_confirms_a_pending_reply_the_listing_cannot_show(
    cli: CliRunner, server: LoopbackServer, play: tuple[Path, str, Catalogue]
) -> None:
    config, db, _ = play
    _unknown_outcome(cli, server, play)
    confirmed = invoke(cli, "--config", config, "--db", db, "reply", "2", "--mark-replied")
    assert confirmed.exit_code == 0, confirmed.output
    assert _states(db) == ["posted"]
    assert _post(cli, config, db, OTHER).exit_code == 2


def test_abandon_without_a_pending_reply_says_so(
    cli: CliRunner, play: tuple[Path, str, Catalogue]
) -> None:
    config, db, _ = play
    result = invoke(cli, "--config", config, "--db", db, "reply", "2", "--abandon")
    assert result.exit_code == 2 and "no pending reply" in result.output


def test_a_missing_editor_is_one_line(cli: CliRunner, play: tuple[Path, str, Catalogue]) -> None:
    config, db, _ = play
    result = cli.invoke(
        app,
        ["--config", str(config), "--db", str(db), "reply", "2", "-i"],
        env={"EDITOR": "no-such-editor-rw", "VISUAL": "", "REVIEWWATCH_DB": ""},
        input="e\ns\n",
    )
    # One line, then back to the menu (a failed editor does not end the desk).
    assert result.exit_code == 0, result.output
    assert "cannot run the editor" in result.output and "Traceback" not in result.output
    assert result.output.count("[e]dit") == 2


class _Writer:
    """Another command's write, held open: SQLite's database-wide write lock, or on
    PostgreSQL a lock on the replies table (what a poll that settles replies takes)."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.raw: Any = None

    def lock(self) -> None:
        if is_postgres(self.db):
            import psycopg

            self.raw = psycopg.connect(self.db, autocommit=True)
            self.raw.execute("BEGIN")
            self.raw.execute("LOCK TABLE replies IN EXCLUSIVE MODE")
        else:
            self.raw = sqlite3.connect(self.db, isolation_level=None, check_same_thread=False)
            self.raw.execute("BEGIN IMMEDIATE")

    def close(self) -> None:
        if self.raw is not None:
            self.raw.execute("ROLLBACK")
            self.raw.close()


def _writer(db: str) -> _Writer:
    return _Writer(db)


def test_a_reply_accepted_while_the_database_is_busy_stays_pending_and_says_so(
    cli: CliRunner, server: LoopbackServer, play: tuple[Path, str, Catalogue]
) -> None:
    config, db, catalogue = play
    target = catalogue.newest_first()[0]
    holder = _writer(db)

    def accept_then_lock(request: object) -> Response:
        holder.lock()  # a poll starts writing while the POST is in flight
        return Response(200, {"result": {"replyText": GOOD, "lastEdited": {"seconds": "1"}}})

    server.route("POST", f"{LIST_PATH}/{target.id}:reply", accept_then_lock)
    try:
        result = cli.invoke(
            app,
            [
                "--config",
                str(config),
                "--db",
                str(db),
                "reply",
                "2",
                "--text",
                GOOD,
                "--post",
                "--yes",
            ],
            env={"REVIEWWATCH_BUSY_TIMEOUT": "0.3", "REVIEWWATCH_DB": "", "COLUMNS": "200"},
        )
    finally:
        holder.close()
    assert result.exit_code == 6, result.output
    assert "accepted the reply" in result.output and "Traceback" not in result.output
    assert _states(db) == ["pending"]
    again = _post(cli, config, db, GOOD)
    assert again.exit_code == 2
    assert len(replies_sent(server)) == 1


def test_replace_is_refused_where_the_platform_cannot_replace_a_reply(
    cli: CliRunner, server: LoopbackServer, tmp_path: Path
) -> None:
    from tests.conftest import write_config
    from tests.sources.test_judgeme import SHOP, TOKEN, NumericCatalogue, install_listing

    catalogue = NumericCatalogue()
    catalogue.add(5)
    install_listing(server, catalogue, 10)
    table = {"name": "jm", "kind": "judgeme", "base_url": server.base_url}
    config = write_config(tmp_path, [table | {"shop_domain": SHOP, "api_token": TOKEN}])
    db = tmp_path / "r.db"
    assert invoke(cli, "--config", config, "--db", db, "poll", "--quiet").exit_code == 0
    catalogue.add(1, body="The tea arrived stale.")
    invoke(cli, "--config", config, "--db", db, "poll", "--quiet")
    result = invoke(
        cli,
        "--config",
        config,
        "--db",
        db,
        "reply",
        "2",
        "--text",
        GOOD,
        "--post",
        "--yes",
        "--replace",
    )
    assert result.exit_code == 2 and "cannot replace" in result.output, result.output
    assert server.requests_to("/api/v1/replies", "POST") == []
