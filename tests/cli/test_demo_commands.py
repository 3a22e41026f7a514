"""The commands `reviewwatch demo` prints work as printed: pasted into a shell afterwards, they
read the demo's database."""

from __future__ import annotations

import csv
import io
import os
import subprocess
from pathlib import Path

from tests.conftest import installed_script, run_script


def _printed_commands(output: str) -> list[str]:
    """The demo's own commands (not the ones for the user's own database), as printed."""
    return sorted(
        {
            line.strip().split("  ")[0]
            for line in output.splitlines()
            if line.startswith("  reviewwatch --db ")
        }
    )


def _pasted(command: str, *, home: Path, folder: Path) -> subprocess.CompletedProcess[str]:
    """`command` run by a shell, as a user who pasted it would run it."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("REVIEWWATCH_")}
    script_folder = str(Path(installed_script()).parent)
    env.update(
        HOME=str(home),
        PATH=script_folder + os.pathsep + env.get("PATH", ""),
        REVIEWWATCH_ENCODER="off",
    )
    return subprocess.run(
        ["sh", "-c", command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=folder,
        timeout=120,
        check=False,
    )


def test_the_printed_commands_read_the_demos_database(tmp_path: Path) -> None:
    home = tmp_path / "home"
    data = home / ".local" / "share"
    folder = tmp_path / "elsewhere"
    folder.mkdir(parents=True)
    demo = run_script("demo", env={"HOME": str(home), "XDG_DATA_HOME": str(data)}, cwd=folder)
    assert demo.returncode == 0, demo.stderr
    kept = data / "reviewwatch" / "demo.db"
    assert kept.exists() and "~/.local/share/reviewwatch/demo.db" in demo.stdout
    commands = _printed_commands(demo.stdout)
    kinds = {command.split()[3] for command in commands}
    assert kinds == {"list", "show", "export"}, commands
    assert all(command.startswith("reviewwatch --db ~/") for command in commands), commands
    for command in commands:
        result = _pasted(command, home=home, folder=folder)
        assert result.returncode == 0, (command, result.stderr)
        assert "does not exist" not in result.stderr, command
        if " list " in command:
            assert "demo-amazon" in result.stdout and "flagged" in result.stdout
        if " show " in command:
            review_id = command.split()[-1]
            assert result.stdout.startswith(f"Review      #{review_id} on demo-")
    for name in ("flagged.csv", "demo.csv"):
        raw = (folder / name).read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(raw, newline="")))
        assert len(rows) > 10 and {row[1] for row in rows[1:]} >= {"demo-amazon", "demo-etsy"}
    assert "ID" not in " ".join(commands).split()


def test_a_second_demo_starts_its_database_afresh(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data")}
    first = run_script("demo", env=env)
    second = run_script("demo", env=env)
    assert first.returncode == second.returncode == 0, second.stderr
    assert _printed_commands(first.stdout) == _printed_commands(second.stdout)
    kept = tmp_path / "data" / "reviewwatch" / "demo.db"
    assert f"reviewwatch --db {kept} list --flagged" in second.stdout
    listed = run_script("--db", kept, "list", "--all")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 34  # header and 33
