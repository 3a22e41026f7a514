"""bench/eval_triage.py runs on tiny made-up data, measures only unseen rows, prints figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchrun import run_bench_script
from tests.cli.test_train_command import write_data


def run(*args: str) -> str:
    return run_bench_script("eval_triage.py", *args, timeout=240)


@pytest.mark.timeout(300)
def test_eval_triage_on_tiny_data(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    assert "nothing to measure" in run("--data", str(tmp_path), "--no-readme")
    data = tmp_path / "data"
    write_data(data)
    output = run("--data", str(data), "--no-readme", "--no-ablations")
    # Only the 4 rows of train-reviews.jsonl are measured, grouped by source file.
    assert "4 real reviews of train-reviews.jsonl measured" in output
    assert "Word lists alone" in output and "Shipped model" in output
    assert "per language" in output and "reviews/second" in output
