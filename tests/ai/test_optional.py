"""AI assistance is optional: without an [ai] table no AI code is loaded, and the config is
checked like every other table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reviewwatch.config import load_config
from reviewwatch.errors import ConfigError
from tests.ai.conftest import BASELINE, FLAGGED, FakeModel, Shop, ai_table
from tests.filesources import write_jsonl

_RUN_AND_LIST_MODULES = """
import json, sys
from typer.testing import CliRunner
from reviewwatch.cli.app import app

config, db = sys.argv[1], sys.argv[2]
env = {"REVIEWWATCH_CONFIG": "", "REVIEWWATCH_DB": ""}
for command in json.loads(sys.argv[3]):
    result = CliRunner().invoke(app, ["--config", config, "--db", db, *command], env=env)
    assert result.exit_code == 0, (command, result.output)
print(json.dumps(sorted(
    name for name in sys.modules
    if name.split(".")[0] in ("llm", "openai") or name.startswith("reviewwatch.ai")
)))
"""


def loaded_modules(shop: Shop, commands: list[list[str]]) -> list[str]:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _RUN_AND_LIST_MODULES,
            str(shop.config),
            str(shop.db),
            json.dumps(commands),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    modules: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return modules


def test_without_an_ai_table_neither_llm_nor_the_ai_package_is_imported(tmp_path: Path) -> None:
    shop = Shop(tmp_path, None)
    assert shop.poll(BASELINE).exit_code == 0
    write_jsonl(shop.data, FLAGGED)
    commands = [
        ["poll"],
        ["list", "--json"],
        ["show", "2"],
        ["show", "3", "--json"],
        ["reply", "2", "--print"],
        ["export", "--format", "json"],
        ["stats"],
    ]
    assert loaded_modules(shop, commands) == []


def test_with_an_ai_table_the_same_check_sees_the_ai_code(tmp_path: Path) -> None:
    """The check above can fail: with [ai] and a draft asked for, the modules are there."""
    shop = Shop(tmp_path, {"model": "m", "endpoint": "http://127.0.0.1:9/v1", "timeout": 2})
    assert shop.poll(BASELINE).exit_code == 0
    write_jsonl(shop.data, FLAGGED)
    loaded = loaded_modules(shop, [["poll"], ["reply", "2", "--ai", "--print"]])
    assert "llm" in loaded and "reviewwatch.ai.service" in loaded


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_ai_table_is_read_with_its_defaults(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            '[ai]\nmodel = "llama3.2"\nendpoint = "http://localhost:11434/v1/"\n'
            'key = "${AI_KEY}"\n[ai.voice]\nstyle = "Warm."\nexamples = ["One.", "Two."]\n',
        ),
        env={"AI_KEY": "sk-local"},
    )
    ai = config.ai
    assert ai is not None
    assert (ai.model, ai.endpoint, ai.timeout) == ("llama3.2", "http://localhost:11434/v1", 30.0)
    assert ai.send == ("text", "rating", "platform") and not ai.triage
    assert ai.key is not None and ai.key.reveal() == "sk-local" and "sk-local" not in repr(ai)
    assert ai.voice_style == "Warm." and ai.voice_examples == ("One.", "Two.")
    assert load_config(write(tmp_path, '[settings]\nlanguage = "en"\n')).ai is None


def test_every_problem_in_the_ai_table_is_reported_at_once(tmp_path: Path) -> None:
    text = (
        '[ai]\nendpoint = "localhost:11434"\ntimeout = 0\ntemperature = 3\n'
        'send = ["text", "email"]\nmonthly_budget = -1\ntriage = "yes"\nmodle = "x"\n'
        '[ai.voice]\nexamples = ["1", "2", "3", "4"]\ntone = "warm"\n'
    )
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    problems = "\n".join(caught.value.problems)
    for where in (
        "ai.model: is required",
        "ai.endpoint",
        "ai.timeout",
        "ai.temperature",
        "ai.send: unknown field 'email'; known: text,",
        "ai.monthly_budget",
        "ai.triage",
        "ai: unknown key 'modle'; did you mean 'model'?",
        "ai.voice.examples: at most 3",
        "ai.voice: unknown key 'tone'; known: style, examples",
    ):
        assert where in problems, where


def test_without_the_llm_library_an_ai_table_falls_back_with_advice(tmp_path: Path) -> None:
    """As on an install without the `ai` extra: llm cannot be imported."""
    shop = Shop(tmp_path, {"model": "llama3.2", "endpoint": "http://127.0.0.1:9/v1"})
    assert shop.poll(BASELINE).exit_code == 0
    assert shop.poll(FLAGGED).exit_code == 0
    code = (
        "import sys\n"
        "sys.modules['llm'] = None\n"
        "from reviewwatch.cli.app import main\n"
        "sys.argv = ['reviewwatch', *sys.argv[1:]]\n"
        "main()\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "--config",
            str(shop.config),
            "--db",
            str(shop.db),
            "reply",
            "2",
            "--ai",
            "--print",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() and "Traceback" not in result.stderr
    assert "pip install 'reviewwatch[ai]'" in result.stderr


def test_a_cached_answer_is_read_without_loading_llm(tmp_path: Path, model: FakeModel) -> None:
    shop = Shop(tmp_path, ai_table(model))
    assert shop.poll(BASELINE).exit_code == 0
    assert shop.poll(FLAGGED).exit_code == 0
    assert shop.run("reply", "2", "--ai", "--print").exit_code == 0
    loaded = loaded_modules(shop, [["reply", "2", "--ai", "--print"]])
    assert "reviewwatch.ai.service" in loaded and "llm" not in loaded and "openai" not in loaded
    assert len(model.requests) == 1
