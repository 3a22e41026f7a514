"""The config, the database and exports are created readable by their owner only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.conftest import run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_init_writes_the_config_0600_in_folders_0700(tmp_path: Path) -> None:
    config = tmp_path / "home" / "conf" / "reviewwatch" / "config.toml"
    result = run_script("--config", config, "init")
    assert result.returncode == 0, result.stderr
    assert _mode(config) == 0o600
    for folder in (config.parent, config.parent.parent, config.parent.parent.parent):
        assert _mode(folder) == 0o700, folder


def test_an_export_file_is_0600_even_over_an_older_readable_one(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "r.jsonl", [review("a", 1)])
    config = write_config(
        tmp_path, [{"name": "shop", "kind": "json_file", "path": "r.jsonl", "fields": FIELDS}]
    )
    db = tmp_path / "r.db"
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0
    out = tmp_path / "out.csv"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o644)
    result = run_script("--config", config, "--db", db, "export", "-o", out)
    assert result.returncode == 0, result.stderr
    assert _mode(out) == 0o600
    assert "a" in out.read_text(encoding="utf-8")
