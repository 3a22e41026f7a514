"""bench/eval_retrain.py runs with and without labelled data and prints both figures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_train_command import write_data

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "eval_retrain.py"


def run(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, "REVIEWWATCH_CONFIG": "", "REVIEWWATCH_DB": ""},
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result.stdout


@pytest.mark.timeout(300)
def test_eval_retrain(tmp_path: Path) -> None:
    without = run("--data", str(tmp_path), "--no-readme")
    assert "264 stand-in corrections" in without and "cost not measured" in without
    assert "LAMBDA 0.56, words only (shipped)" in without
    pytest.importorskip("sklearn")
    data = tmp_path / "data"
    write_data(data)
    output = run("--data", str(data), "--no-readme")
    assert "cost not measured" not in output
    shipped = next(line for line in output.splitlines() if "(shipped)" in line)
    assert shipped.count("->") == 2
