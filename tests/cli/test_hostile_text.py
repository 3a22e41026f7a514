"""Review text is data: no markup is interpreted and no escape sequence reaches the terminal."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import subprocess
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from reviewwatch.cli.render import clean, readable, review_table
from tests.cli.test_export import sample
from tests.conftest import CliArgument, installed_script, invoke, write_config
from tests.filesources import FIELDS, review, write_jsonl

HOSTILE = (
    "\x1b[2J\x1b[31mRED\x1b[0m [bold red]shouting[/bold red] "
    "\x1b]0;pwned title\x07\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ "
    "\x9b31m bell\x07 back\x08space \u202eevil\u202c :smile: [link=http://x]y[/link]"
)


def test_clean_removes_escapes_and_keeps_the_words() -> None:
    cleaned = clean(HOSTILE)
    assert "\x1b" not in cleaned and "\x07" not in cleaned and "\x9b" not in cleaned
    assert "\u202e" not in cleaned and "\x08" not in cleaned
    assert "RED" in cleaned and "[bold red]shouting[/bold red]" in cleaned and "link" in cleaned
    assert "pwned title" not in cleaned


@given(st.text())
def test_nothing_that_clean_returns_can_control_a_terminal(text: str) -> None:
    cleaned = clean(text)
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in cleaned)
    assert not any(0x7F <= ord(ch) <= 0x9F for ch in cleaned)


def test_readable_text_decodes_entities_and_drops_invisible_characters() -> None:
    assert readable("Arrived broken &amp; the seller didn&#39;t answer") == (
        "Arrived broken & the seller didn't answer"
    )
    assert readable("<b>Bad</b> — slow.<br />Item OK.") == "Bad — slow.\nItem OK."
    assert readable("shit\u200b product\u00ad") == "shit product"
    assert readable("a < b, &lt;script&gt;") == "a < b, <script>"
    # An escape or an override written as an entity is decoded, then removed.
    assert readable("&#27;[31mRED &#8238;evil") == "[31mRED evil"
    # Joiners that emoji sequences need stay.
    assert readable("\U0001f468\u200d\U0001f469") == "\U0001f468\u200d\U0001f469"


@given(st.text())
def test_nothing_that_readable_returns_can_control_a_terminal(text: str) -> None:
    shown = readable(text)
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in shown)
    assert not any(0x7F <= ord(ch) <= 0x9F for ch in shown)


def test_a_terminal_table_shows_markup_literally_and_no_escapes() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system=None, width=200, markup=False)
    review_table(console, [sample(1, body=HOSTILE)], zone="UTC")
    printed = out.getvalue()
    assert "[bold red]shouting[/bold red]" in printed
    assert "pwned" not in printed and "\x1b]" not in printed and "\x07" not in printed


def test_list_show_and_poll_print_hostile_text_safely(tmp_path: Path, engine_db: str) -> None:
    cli = CliRunner()
    data = write_jsonl(tmp_path / "r.jsonl", [review("a", 5)])
    config = write_config(
        tmp_path, [{"name": "s", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    db = engine_db
    invoke(cli, "--config", config, "--db", db, "poll", "--quiet")
    write_jsonl(
        data, [review("evil", 1, text=HOSTILE, author="\x1b[5mblink\x1b[0m"), review("a", 5)]
    )
    outputs = [
        invoke(cli, "--config", config, "--db", db, "poll").output,
        invoke(cli, "--config", config, "--db", db, "list").output,
        invoke(cli, "--config", config, "--db", db, "show", "2").output,
    ]
    for output in outputs:
        assert "\x1b" not in output and "\x07" not in output and "\u202e" not in output
        assert "[bold red]shouting" in output
    shown = json.loads(invoke(cli, "--config", config, "--db", db, "show", "2", "--json").output)
    assert shown["review"]["body"] == HOSTILE  # the data itself is kept as it came


def test_a_real_terminal_gets_no_escape_from_the_review(tmp_path: Path, engine_db: str) -> None:
    """The installed script on a pseudo-terminal, where rich draws its tables and colours."""
    data = write_jsonl(tmp_path / "r.jsonl", [review("evil", 1, text=HOSTILE)])
    config = write_config(
        tmp_path, [{"name": "s", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    db = engine_db
    subprocess.run(
        [installed_script(), "--config", str(config), "--db", db, "poll", "--quiet"],
        check=True,
    )
    output = _run_on_a_terminal(
        [installed_script(), "--config", str(config), "--db", db, "show", "1"]
    )
    assert "[bold red]shouting[/bold red]" in output
    assert "pwned" not in output and "\x1b]0;" not in output and "\x1b[2J" not in output
    assert "evil.example" not in output


def _run_on_a_terminal(command: list[str]) -> str:
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "160"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([leader], [], [], 10)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=10)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_nul_in_review_text_is_not_an_edit_on_every_poll(tmp_path: Path, engine_db: str) -> None:
    """PostgreSQL's text cannot hold NUL, so the store drops it there: the next poll must
    compare the review with what was stored, not see an edit (and a new version) each time."""
    cli = CliRunner()
    data = write_jsonl(tmp_path / "r.jsonl", [review("a", 5)])
    config = write_config(
        tmp_path, [{"name": "s", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    run: list[CliArgument] = ["--config", config, "--db", engine_db]
    assert invoke(cli, *run, "poll", "--quiet").exit_code == 0
    write_jsonl(data, [review("evil", 1, text="bad\x00 app", author="x\x00y"), review("a", 5)])
    first = invoke(cli, *run, "poll")
    assert first.exit_code == 0 and "1 new" in first.output
    for _ in range(2):
        again = invoke(cli, *run, "poll")
        assert again.exit_code == 0 and "0 new, 0 updated" in again.output, again.output
    shown = json.loads(invoke(cli, *run, "show", "2", "--json").output)["review"]
    assert [version["change"] for version in shown["versions"]] == ["new"]
    assert shown["body"].replace("\x00", "") == "bad app"
