"""bench/eval_retrain.py runs with and without labelled data and prints both figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchrun import run_bench_script
from tests.cli.test_train_command import write_data


def run(*args: str) -> str:
    return run_bench_script("eval_retrain.py", *args, timeout=240)


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
