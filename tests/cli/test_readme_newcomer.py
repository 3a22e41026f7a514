"""The README's Quick start, run as written on a clean home, ending in a working cron line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import installed_script
from tests.filesources import FIELDS, review, write_jsonl

README = Path(__file__).resolve().parents[2] / "README.md"


def newcomer_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- newcomer.*?-->\s*```sh\n(.*?)```\s*<!-- /newcomer -->", text, re.S)
    assert block, "the README lost its marked Quick start block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def _editor(folder: Path, data: Path) -> str:
    """An $EDITOR that does what the README asks of the user: add a source to the config."""
    script = folder / "add-source.py"
    fields = ", ".join(f'{key} = "{value}"' for key, value in FIELDS.items())
    source = (
        f'\n[[sources]]\nname = "shop"\nkind = "json_file"\npath = "{data}"\n'
        f"fields = {{ {fields} }}\n"
    )
    script.write_text(
        f"import sys\nopen(sys.argv[1], 'a', encoding='utf-8').write({source!r})\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script}"


def test_the_quick_start_runs_as_written_up_to_a_working_cron_job(tmp_path: Path) -> None:
    commands = newcomer_commands()
    install, rest = commands[0], commands[1:]
    assert install.split("#")[0].strip() == "pipx install ."
    assert "uv tool install ." in install
    assert all(line.startswith("reviewwatch ") for line in rest)
    home = tmp_path / "home"
    home.mkdir()
    data = write_jsonl(tmp_path / "reviews.jsonl", [review("a", 5), review("b", 1, text="Late")])
    # What `pipx install .` gives: `reviewwatch` on PATH (here, the test environment's script).
    bin_dir = str(Path(installed_script()).parent)
    env = {
        "HOME": str(home),
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "EDITOR": _editor(tmp_path, data),
        "LANG": "C.UTF-8",
    }
    outputs = {}
    for line in rest:
        result = subprocess.run(
            ["sh", "-c", line], capture_output=True, text=True, env=env, timeout=60, check=False
        )
        assert result.returncode == 0, f"{line}\n{result.stdout}\n{result.stderr}"
        assert "Traceback" not in result.stderr
        outputs[line.split("#")[0].strip()] = result.stdout
    assert "1 low-star review waits there" in outputs["reviewwatch poll"]
    assert "Late" in outputs["reviewwatch list --flagged"]
    cron_line = outputs["reviewwatch cron"].strip()
    fields = cron_line.split(None, 5)
    assert fields[:5] == ["*/15", "*", "*", "*", "*"]
    # Cron's environment: no PATH to reviewwatch, no REVIEWWATCH_*; the line must still work.
    write_jsonl(data, [review("a", 5), review("b", 1, text="Late"), review("c", 2, text="Rude")])
    cron_env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "SHELL": "/bin/sh"}
    polled = subprocess.run(
        ["/bin/sh", "-c", fields[5]], capture_output=True, text=True, env=cron_env, timeout=60
    )
    assert polled.returncode == 0, polled.stderr
    assert "New flagged reviews (1)" in polled.stdout and "Rude" in polled.stdout


def test_config_edit_without_an_editor_says_how_to_set_one(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    script = installed_script()
    subprocess.run([script, "init"], env=env, check=True, capture_output=True)
    result = subprocess.run(
        [script, "config", "edit"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 2 and "export EDITOR=nano" in result.stderr
    only = subprocess.run(
        [script, "paths", "--config"], env=env, capture_output=True, text=True, check=True
    )
    assert only.stdout.strip() == str(tmp_path / ".config" / "reviewwatch" / "config.toml")
