"""The checker-model experiment (bench/checker_model.py) runs and prints a row per round."""

from __future__ import annotations

import re

import pytest

from tests.benchrun import run_bench_script


def test_checker_model_experiment_on_one_round() -> None:
    pytest.importorskip("sklearn")
    output = run_bench_script("checker_model.py", "--rounds", "dev3", timeout=300)
    rows = [line for line in output.splitlines() if line.startswith("| dev3 |")]
    assert len(rows) == 1
    cells = [cell.strip() for cell in rows[0].strip("|").split("|")]
    violations, missed = int(cells[1]), int(cells[2])
    assert violations > 0 and 0 <= missed <= violations
    cut = float(cells[4].split()[0])
    assert 0.0 < cut < 1.0
    overall = re.search(r"blocked (\d+) of (\d+) violations the rules missed", output)
    assert overall is not None and int(overall[1]) <= int(overall[2]) == missed
