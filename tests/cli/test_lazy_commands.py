"""The command list that `reviewwatch --help` shows without importing the commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer.main

from reviewwatch.cli.app import COMMANDS, app, load_commands


def test_the_summaries_are_the_commands_own_help() -> None:
    group = typer.main.get_group(app)
    for name, (module, summary) in COMMANDS.items():
        command = load_commands(module)[name]
        assert " ".join((command.help or "").split("\n\n")[0].split()) == summary
        assert group.get_command(typer.Context(group), name) is not None


def test_help_imports_no_command_module() -> None:
    code = (
        "import sys\n"
        "from reviewwatch.cli.app import app\n"
        "try:\n"
        "    app(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('reviewwatch.cli.browse', 'reviewwatch.cli.poll', 'reviewwatch.poll',\n"
        "         'reviewwatch.config', 'httpx', 'rich', 'reviewwatch.triage.service')\n"
        "print('loaded:' + ','.join(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "Commands:" in result.stdout
    assert result.stdout.splitlines()[-1] == "loaded:"


def test_list_loads_no_source_kind_triage_http_or_pydantic(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[[sources]]\nname = "play"\nkind = "google_play"\npackage_name = "a.b"\n'
        'service_account_file = "missing.json"\n',
        encoding="utf-8",
    )
    code = (
        "import sys\n"
        "from reviewwatch.cli.app import app\n"
        "try:\n"
        f"    app(['--config', {str(config)!r}, '--db', {str(tmp_path / 'r.db')!r}, 'list'])\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        "heavy = ('reviewwatch.sources.registry', 'reviewwatch.sources.google_play',\n"
        "         'reviewwatch.triage.models', 'httpx', 'jwt', 'pydantic', 'rich.table')\n"
        "print('loaded:' + ','.join(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "loaded:"
