"""bench/draft_categories.py measures, out of fold, which complaints drafts speak of."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.benchrun import run_bench_script
from tests.cli.test_train_command import write_data


@pytest.mark.timeout(300)
def test_draft_categories_on_tiny_data(tmp_path: Path) -> None:
    assert "nothing to measure" in run_bench_script("draft_categories.py", "--data", str(tmp_path))
    pytest.importorskip("sklearn")
    data = tmp_path / "data"
    write_data(data)
    output = run_bench_script("draft_categories.py", "--data", str(data), timeout=240)
    assert "real complaints of train-reviews.jsonl" in output
    for rule in ("(first)", "(second)", "(shipped)"):
        line = next(line for line in output.splitlines() if rule in line)
        said, right, wrong = map(int, re.findall(r"\s(\d+)\s", line)[:3])
        assert said == right + wrong


@pytest.mark.timeout(120)
def test_draft_categories_on_a_written_set(tmp_path: Path) -> None:
    rows = [
        ("The parcel took three weeks to arrive.", ["shipping_delay"]),
        ("Support never answered my three e-mails.", ["customer_service"]),
        ("Lovely shop, quick delivery, thank you!", []),
    ]
    written = tmp_path / "written.jsonl"
    written.write_text(
        "".join(
            json.dumps({"text": text, "lang": "en", "categories": labels}) + "\n"
            for text, labels in rows
        ),
        encoding="utf-8",
    )
    output = run_bench_script("draft_categories.py", "--written", str(written))
    assert "2 complaints of written.jsonl" in output
    shipped = next(line for line in output.splitlines() if "(shipped)" in line)
    said, right, wrong = map(int, re.findall(r"\s(\d+)\s", shipped)[:3])
    assert (said, right, wrong) == (2, 2, 0)
