"""The reply desk keeps the user's work: drafts, failed editors, Ctrl-D, no status going back."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

from tests.conftest import run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl


def _flagged(tmp_path: Path) -> dict[str, str]:
    data = write_jsonl(tmp_path / "r.jsonl", [review("a", 5)])
    config = write_config(
        tmp_path,
        [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}],
        business={"name": "Acme", "signature": "Anna, Acme", "contact": "our help page"},
    )
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": str(tmp_path / "r.db")}
    run_script("poll", "--quiet", env=env)
    write_jsonl(data, [review("a", 5), review("b", 1, text="The teapot arrived cracked.")])
    assert run_script("poll", "--quiet", env=env).returncode == 0
    return env


def _editor(tmp_path: Path, text: str) -> str:
    script = tmp_path / "editor.py"
    script.write_text(
        f"import sys\nopen(sys.argv[1], 'w', encoding='utf-8').write({text!r})\n", encoding="utf-8"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return f"{sys.executable} {script}"


def test_an_edit_is_kept_as_a_draft_and_shown_next_time(tmp_path: Path) -> None:
    env = _flagged(tmp_path)
    mine = "Dear customer, we are sorry about the cracked teapot; a new one is on its way."
    edited = run_script(
        "reply", "2", "-i", input="e\ns\n", env={**env, "EDITOR": _editor(tmp_path, mine)}
    )
    assert edited.returncode == 0, edited.stderr
    assert "Saved as the draft" in edited.stdout
    again = run_script("reply", "2", "-i", input="s\n", env={**env, "EDITOR": ""})
    assert "Your draft" in again.stdout and mine in again.stdout
    assert run_script("reply", "2", "--print", env=env).stdout.strip() == mine
    shown = run_script("show", "2", env=env)
    assert "Your draft reply" in shown.stdout and mine in shown.stdout
    document = json.loads(run_script("show", "2", "--json", env=env).stdout)["review"]
    assert document["draft"]["text"] == mine
    run_script("reply", "2", "--mark-replied", env=env)
    document = json.loads(run_script("show", "2", "--json", env=env).stdout)["review"]
    assert document["draft"] is None and document["status"] == "replied"


def test_a_failed_editor_returns_to_the_menu(tmp_path: Path) -> None:
    env = _flagged(tmp_path)
    result = run_script(
        "reply", "2", "-i", input="e\nr\n", env={**env, "EDITOR": "false", "VISUAL": ""}
    )
    assert result.returncode == 0, result.stderr
    assert "exited with status 1" in result.stdout
    # Back at the menu, "r" printed the reply: the desk went on.
    assert result.stdout.count("[e]dit") == 2


def test_ctrl_d_while_typing_keeps_the_text(tmp_path: Path) -> None:
    env = {**_flagged(tmp_path), "EDITOR": "", "VISUAL": ""}
    result = run_script(
        "reply", "2", "-i", input="e\nWe are sorry, a new teapot is on its way.", env=env
    )
    assert "Saved as the draft" in result.stdout
    printed = run_script("reply", "2", "--print", env=env).stdout.strip()
    assert printed == "We are sorry, a new teapot is on its way."


def test_statuses_never_move_backwards_without_force(tmp_path: Path) -> None:
    env = _flagged(tmp_path)
    assert run_script("status", "2", "resolved", env=env).returncode == 0
    marked = run_script("reply", "2", "--mark-replied", "--text", "Done by phone.", env=env)
    assert marked.returncode == 0 and "stays resolved" in marked.stdout
    back = run_script("status", "2", "new", env=env)
    assert back.returncode == 2 and "needs --force" in back.stderr
    document = json.loads(run_script("show", "2", "--json", env=env).stdout)["review"]
    assert document["status"] == "resolved"
    assert run_script("status", "2", "new", "--force", env=env).returncode == 0
    document = json.loads(run_script("show", "2", "--json", env=env).stdout)["review"]
    assert document["status"] == "new"
