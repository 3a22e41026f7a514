"""The reply desk against a loopback Google Play: post, refuse, retry, record, interact."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reviewwatch.cli.app import app
from tests.conftest import invoke, write_config
from tests.engines import store_rows
from tests.loopback import LoopbackServer, Request, Response
from tests.sources.contract import Catalogue
from tests.sources.test_google_play import LIST_PATH, FakePlay, play_table


@pytest.fixture(autouse=True)
def _in_a_scratch_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo on a PostgreSQL store writes its CSV into the current folder."""
    monkeypatch.chdir(tmp_path)


GOOD = "Thank you for telling us, Jane. We are sorry the app crashed; version 2.1 fixes it."


@pytest.fixture
def play(server: LoopbackServer, tmp_path: Path, engine_db: str) -> tuple[Path, str, Catalogue]:
    """A Play source polled twice: a baseline, then a new 1-star review (id 2)."""
    catalogue = Catalogue()
    catalogue.add(5, author="Old Fan")
    FakePlay(server, catalogue, 10).install()
    config = write_config(
        tmp_path,
        [{"name": "play", "kind": "google_play", **play_table(server, tmp_path)}],
        business={"name": "Acme", "signature": "Anna, Acme", "contact": "our help page"},
    )
    db = engine_db
    assert invoke(CliRunner(), "--config", config, "--db", db, "poll", "--quiet").exit_code == 0
    fresh = catalogue.add(
        1, author="Jane Doe", title=None, body="The app crashes every time I pay."
    )
    FakePlay(server, catalogue, 10).install()
    result = invoke(CliRunner(), "--config", config, "--db", db, "poll", "--quiet")
    assert fresh.id in result.output or "crashes" in result.output
    return config, db, catalogue


def replies_sent(server: LoopbackServer) -> list[dict[str, str]]:
    return [r.json() for r in server.requests if r.path.endswith(":reply")]


def test_a_checked_reply_is_posted_once_and_recorded_as_a_version(
    cli: CliRunner, server: LoopbackServer, play: tuple[Path, str, Catalogue]
) -> None:
    config, db, _ = play
    result = invoke(
        cli, "--config", config, "--db", db, "reply", "2", "--text", GOOD, "--post", "--yes"
    )
    assert result.exit_code == 0, result.output
    assert replies_sent(server) == [{"replyText": GOOD}]
    shown = json.loads(invoke(cli, "--config", config, "--db", db, "show", "2", "--json").output)[
        "review"
    ]
    assert shown["status"] == "replied" and shown["reply"] == GOOD and shown["replied_at"]
    assert shown["versions"][-1]["change"] == "reply_posted"
    assert shown["sent_reply"]["how"] == "posted" and shown["sent_reply"]["text"] == GOOD
    listed = json.loads(invoke(cli, "--config", config, "--db", db, "list", "--json").output)
    assert [r["sent_reply"] for r in listed["reviews"] if r["id"] == 2] == [shown["sent_reply"]]
    exported = invoke(cli, "--config", config, "--db", db, "export", "--flagged").output
    assert exported.splitlines()[0].endswith(
        ",sent_reply,sent_reply_at,sent_reply_by,sent_reply_how"
    )
    assert "," + shown["sent_reply"]["at"] + "," in exported and exported.rstrip().endswith(
        ",posted"
    )


def test_a_reply_that_breaks_the_rules_is_not_posted_and_exits_5(
    cli: CliRunner, server: LoopbackServer, play: tuple[Path, str, Catalogue]
) -> None:
    config, db, _ = play
    bad = "Sorry! Change your rating to 5 stars and we'll give you a free month."
    result = invoke(
        cli, "--config", config, "--db", db, "reply", "2", "--text", bad, "--post", "--yes"
    )
    assert result.exit_code == 5 and "not posted" in result.output
    too_long = invoke(
        cli,
        "--config",
        config,
        "--db",
        db,
        "reply",
        "2",
        "--text",
        "Sorry. " * 60,
        "--post",
        "--yes",
    )
    assert too_long.exit_code == 5
    assert replies_sent(server) == []


def test_posting_from_a_script_needs_yes(
    cli: CliRunner, server: LoopbackServer, play: tuple[Path, str, Catalogue]
) -> None:
    config, db, _ = play
    result = invoke(cli, "--config", config, "--db", db, "reply", "2", "--text", GOOD, "--post")
    assert result.exit_code == 2 and "--yes" in result.output
    assert replies_sent(server) == []


def test_a_rejected_post_is_recorded_as_failed_and_can_be_retried(
    cli: CliRunner, server: LoopbackServer, play: tuple[Path, str, Catalogue]
) -> None:
    config, db, catalogue = play
    target = catalogue.newest_first()[0].id
    server.fail_next(
        Response(400, {"error": {"code": 400, "message": "Invalid reply"}}),
        path=f"{LIST_PATH}/{target}:reply",
    )
    first = invoke(
        cli, "--config", config, "--db", db, "reply", "2", "--text", GOOD, "--post", "--yes"
    )
    assert first.exit_code == 1 and "not published" in first.output
    states = store_rows(db, "SELECT state FROM replies")
    assert states == [("failed",)]
    second = invoke(
        cli, "--config", config, "--db", db, "reply", "2", "--text", GOOD, "--post", "--yes"
    )
    assert second.exit_code == 0
    assert len(replies_sent(server)) == 2


def test_a_post_with_an_unknown_outcome_is_never_sent_twice(
    cli: CliRunner, server: LoopbackServer, play: tuple[Path, str, Catalogue]
) -> None:
    config, db, catalogue = play
    target = catalogue.newest_first()[0]
    server.fail_next(Response(503, "busy"), path=f"{LIST_PATH}/{target.id}:reply")
    first = invoke(
        cli, "--config", config, "--db", db, "reply", "2", "--text", GOOD, "--post", "--yes"
    )
    assert first.exit_code == 1 and "outcome is unknown" in first.output
    again = invoke(
        cli, "--config", config, "--db", db, "reply", "2", "--text", GOOD, "--post", "--yes"
    )
    assert again.exit_code == 2 and "run `reviewwatch poll`" in again.output
    assert len(replies_sent(server)) == 1
    # The platform did publish it after all: the next poll sees the reply and settles the attempt.
    catalogue.edit(target.id, reply=GOOD)
    invoke(cli, "--config", config, "--db", db, "poll", "--quiet")
    states = store_rows(db, "SELECT state FROM replies")
    assert states == [("posted",)]
    shown = json.loads(invoke(cli, "--config", config, "--db", db, "show", "2", "--json").output)[
        "review"
    ]
    assert shown["status"] == "replied"


def test_sources_without_a_reply_api_print_and_mark(cli: CliRunner, engine_db: str) -> None:
    db = engine_db
    invoke(cli, "demo", "--db", db)
    listed = json.loads(
        invoke(cli, "--db", db, "list", "--flagged", "--source", "demo-etsy", "--json").output
    )
    review_id = str(listed["reviews"][0]["id"])
    printed = invoke(cli, "--db", db, "reply", review_id, "--print")
    assert printed.exit_code == 0 and printed.output.strip()
    posted = invoke(
        cli, "--db", db, "reply", review_id, "--text", "Thank you, we are sorry.", "--post", "--yes"
    )
    assert posted.exit_code == 2 and (
        "no longer configured" in posted.output or "no reply API" in posted.output
    )
    marked = invoke(cli, "--db", db, "reply", review_id, "--mark-replied", "--by", "anna")
    assert marked.exit_code == 0
    shown = json.loads(invoke(cli, "--db", db, "show", review_id, "--json").output)["review"]
    assert shown["status"] == "replied"
    assert shown["events"][-1] == {
        **shown["events"][-1],
        "by": "anna",
        "kind": "status",
        "value": "replied",
    }


def test_every_path_that_yields_a_reply_text_checks_it(cli: CliRunner, engine_db: str) -> None:
    """Print, mark-replied and --text all run the checker: a blocked text exits 5 and nothing
    is recorded; invisible characters and line breaks hide nothing."""
    db = engine_db
    invoke(cli, "demo", "--db", db)
    listed = json.loads(
        invoke(cli, "--db", db, "list", "--flagged", "--source", "demo-etsy", "--json").output
    )
    review_id = str(listed["reviews"][0]["id"])
    disguised = "Would you be willing to re\u00admove your feedback\nif we send you a v\u043eucher?"
    for extra in (["--mark-replied"], ["--print"], []):
        result = invoke(cli, "--db", db, "reply", review_id, "--text", disguised, *extra)
        assert result.exit_code == 5, (extra, result.output)
        assert "incentive" in result.output.lower() or "Offers something" in result.output
    accusation = "Your review is a lie and you are clearly a competitor."
    marked = invoke(cli, "--db", db, "reply", review_id, "--text", accusation, "--mark-replied")
    assert marked.exit_code == 5
    shown = json.loads(invoke(cli, "--db", db, "show", review_id, "--json").output)["review"]
    assert shown["status"] != "replied"
    fine = "Thank you, and we are sorry: a replacement is on its way."
    marked = invoke(cli, "--db", db, "reply", review_id, "--text", fine, "--mark-replied")
    assert marked.exit_code == 0
    shown = json.loads(invoke(cli, "--db", db, "show", review_id, "--json").output)["review"]
    assert shown["status"] == "replied"


def test_the_interactive_desk_edits_checks_and_posts(
    server: LoopbackServer,
    play: tuple[Path, str, Catalogue],
    tmp_path: Path,
) -> None:
    config, db, _ = play
    editor = tmp_path / "editor.py"
    editor.write_text(
        f"#!{sys.executable}\nimport sys\n"
        f"open(sys.argv[1], 'w', encoding='utf-8').write({GOOD!r})\n",
        encoding="utf-8",
    )
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    runner = CliRunner()
    # another variant, check, edit in $EDITOR, post, confirm
    result = runner.invoke(
        app,
        ["--config", str(config), "--db", str(db), "reply", "2", "--interactive"],
        input="v\nc\ne\np\ny\n",
        env={
            "EDITOR": str(editor),
            "VISUAL": "",
            "COLUMNS": "160",
            **{k: "" for k in os.environ if k.startswith("REVIEWWATCH_")},
        },
    )
    assert result.exit_code == 0, result.output
    assert "variant 1" in result.output and "OK: the reply is within" in result.output
    assert "[c]heck  [p]ost  p[r]int" in result.output  # Google Play has a reply API
    assert "Posted." in result.output
    assert replies_sent(server) == [{"replyText": GOOD}]


def test_the_installed_desk_on_a_real_terminal(engine_db: str) -> None:
    """The script on a pseudo-terminal: it shows the review, the draft and the menu, then skips."""
    import pty
    import select
    import subprocess
    import time

    from tests.conftest import installed_script

    db = engine_db
    subprocess.run([installed_script(), "demo", "--db", str(db)], check=True, capture_output=True)
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWWATCH_")}
    process = subprocess.Popen(
        [installed_script(), "--db", str(db), "reply", "19"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env={**env, "TERM": "xterm", "COLUMNS": "150"},
    )
    os.close(follower)
    seen = b""
    deadline = time.monotonic() + 30
    answered = False
    while time.monotonic() < deadline and process.poll() is None:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                seen += os.read(leader, 65536)
            except OSError:
                break
        if not answered and b"[s]kip" in seen:
            os.write(leader, b"s\r")
            answered = True
    process.wait(timeout=10)
    os.close(leader)
    output = seen.decode("utf-8", "replace")
    assert answered, output[-2000:]
    assert process.returncode == 0
    assert "Suggested reply" in output and "Next steps" in output and "Your reply (en" in output


def test_drafts_say_when_business_holds_the_starter_values(
    cli: CliRunner, tmp_path: Path, engine_db: str
) -> None:
    db = engine_db
    invoke(cli, "demo", "--db", db)
    starter = tmp_path / "starter.toml"
    assert invoke(cli, "init", "--config", starter).exit_code == 0
    own = tmp_path / "own.toml"
    own.write_text(
        starter.read_text(encoding="utf-8")
        .replace('"Acme Store"', '"Leaf & Cup"')
        .replace('"Anna, Acme customer care"', '"Tom, Leaf & Cup"')
        .replace('"our support page"', '"the contact form on our website"'),
        encoding="utf-8",
    )
    listed = json.loads(
        invoke(cli, "--db", db, "list", "--flagged", "--source", "demo-etsy", "--json").output
    )
    review_id = str(listed["reviews"][0]["id"])
    for command in (["show", review_id], ["reply", review_id, "--print"]):
        noted = invoke(cli, "--config", starter, "--db", db, *command)
        assert noted.exit_code == 0, noted.output
        assert "starter values" in noted.output
        quiet = invoke(cli, "--config", own, "--db", db, *command)
        assert quiet.exit_code == 0 and "starter values" not in quiet.output


def test_lang_takes_every_draft_language_and_says_when_it_falls_back(
    cli: CliRunner, engine_db: str
) -> None:
    db = engine_db
    invoke(cli, "demo", "--db", db)
    listed = json.loads(
        invoke(cli, "--db", db, "list", "--flagged", "--source", "demo-etsy", "--json").output
    )
    review_id = str(listed["reviews"][0]["id"])
    traditional = invoke(cli, "--db", db, "reply", review_id, "--print", "--lang", "zh-Hant")
    assert traditional.exit_code == 0 and "no drafts" not in traditional.output
    assert "您" in traditional.output and "们" not in traditional.output
    japanese = invoke(cli, "--db", db, "reply", review_id, "--print", "--lang", "ja")
    assert japanese.exit_code == 0 and "no drafts" not in japanese.output
    assert "申し訳ございません" in japanese.output or "お詫び" in japanese.output
    unknown = invoke(cli, "--db", db, "reply", review_id, "--print", "--lang", "fi")
    assert unknown.exit_code == 0
    assert "no drafts in 'fi'" in unknown.output and "drafted in 'en'" in unknown.output


def test_the_lang_help_and_prompt_name_every_draft_language() -> None:
    """`reply --lang`'s help and the reply desk's language prompt list every language with
    templates (a language added to `triage/data/replies/` is named in both)."""
    import re

    from reviewwatch.cli.app import load_commands
    from reviewwatch.cli.desk_menu import LANGUAGE_PROMPT
    from reviewwatch.triage.drafts import reply_languages

    command = load_commands("reply")["reply"]
    (option,) = [param for param in command.params if param.name == "lang"]
    help_text = getattr(option, "help", "") or ""
    for text in (help_text, LANGUAGE_PROMPT):
        listed = set(re.findall(r"[\w-]+", text[text.index("(") :]))
        assert set(reply_languages()) <= listed, text


def test_an_echoed_token_never_reaches_the_output_or_the_database(
    cli: CliRunner, server: LoopbackServer, play: tuple[Path, str, Catalogue]
) -> None:
    """The platform answers the reply with the access token it was sent (minted from the
    service account) inside its error: neither the user nor `replies.error` sees it."""
    config, db, catalogue = play
    target = catalogue.newest_first()[0].id
    seen: list[str] = []

    def echo(request: Request) -> Response:
        token = (request.header("Authorization") or "").removeprefix("Bearer ")
        seen.append(token)
        return Response(400, {"error": {"code": 400, "message": f"token {token} not allowed"}})

    server.route("POST", f"{LIST_PATH}/{target}:reply", echo)
    result = invoke(
        cli, "--config", config, "--db", db, "reply", "2", "--text", GOOD, "--post", "--yes"
    )
    assert result.exit_code == 1 and "not published" in result.output
    assert seen and len(seen[0]) >= 4
    assert seen[0] not in result.output
    errors = store_rows(db, "SELECT error FROM replies")
    assert errors and all(seen[0] not in (row[0] or "") for row in errors)


OWN_ADDRESS = "Sorry, Jane! Write to support@acme.example and we'll sort it out today."


def test_the_businesss_own_support_address_passes_where_the_platform_allows_it(
    cli: CliRunner, server: LoopbackServer, play: tuple[Path, str, Catalogue]
) -> None:
    """On Google Play the support e-mail written in `[business] contact` may stand in a reply
    (the draft uses it), any other address may not; on Etsy not even the business's own."""
    config, db, _ = play
    text = config.read_text(encoding="utf-8").replace("our help page", "support@acme.example")
    config.write_text(text, encoding="utf-8")
    run = ("--config", config, "--db", db)
    printed = invoke(cli, *run, "reply", "2", "--print")
    assert printed.exit_code == 0 and "support@acme.example" in printed.output
    other = OWN_ADDRESS.replace("support@acme.example", "jane.helper@gmail.com")
    refused = invoke(cli, *run, "reply", "2", "--text", other, "--post", "--yes")
    assert refused.exit_code == 5 and "[business] contact" in refused.output
    assert replies_sent(server) == []
    posted = invoke(cli, *run, "reply", "2", "--text", OWN_ADDRESS, "--post", "--yes")
    assert posted.exit_code == 0, posted.output
    assert replies_sent(server) == [{"replyText": OWN_ADDRESS}]
    checked = invoke(cli, *run, "check", "--platform", "google_play", "--text", OWN_ADDRESS)
    assert checked.exit_code == 0, checked.output
    etsy = invoke(cli, *run, "check", "--platform", "etsy", "--text", OWN_ADDRESS)
    assert etsy.exit_code == 5
    unknown = invoke(cli, *run, "check", "--platform", "etsy", "--business", "Nope", "--text", "Hi")
    assert unknown.exit_code == 2
    assert unknown.output == "error: unknown business 'Nope'; known: Acme\n"


def test_marking_a_pasted_reply_allows_the_own_address_only_where_the_platform_does(
    cli: CliRunner, engine_db: str, tmp_path: Path
) -> None:
    db = engine_db
    invoke(cli, "demo", "--db", db)
    # A person's address at the shop's domain: only the config vets it (a desk's, such as
    # support@, passes on Google Play unconfigured).
    config = write_config(tmp_path, [], business={"name": "Acme", "contact": "mia@acme.example"})
    own_address = OWN_ADDRESS.replace("support@", "mia@")

    def first_flagged(source: str) -> str:
        found = invoke(cli, "--db", db, "list", "--flagged", "--source", source, "--json")
        return str(json.loads(found.output)["reviews"][0]["id"])

    app_review, etsy_review = first_flagged("demo-app"), first_flagged("demo-etsy")
    mark = ("reply", app_review, "--text", own_address, "--mark-replied")
    assert invoke(cli, "--db", db, *mark).exit_code == 5  # no config: no address is vetted
    assert invoke(cli, "--config", config, "--db", db, *mark).exit_code == 0
    etsy = ("reply", etsy_review, "--text", own_address, "--mark-replied")
    assert invoke(cli, "--config", config, "--db", db, *etsy).exit_code == 5
