"""Shared helpers for the triage tests.

- ``assert_golden``: compare data with a golden JSON file under ``golden/`` (set
  REVIEWWATCH_UPDATE_GOLDEN=1 to rewrite the files after a deliberate change);
- the labelled development reviews, when present. The data set lives outside the repository
  (a clone has none), so every test that needs it skips cleanly when it is missing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE_GOLDEN = os.environ.get("REVIEWWATCH_UPDATE_GOLDEN") == "1"


def assert_golden(name: str, data: object) -> None:
    """Compare ``data`` with golden/<name>.json (rewritten first when updating is asked for)."""
    path = GOLDEN / f"{name}.json"
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if UPDATE_GOLDEN or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert json.loads(text) == json.loads(path.read_text(encoding="utf-8"))


DEV_DATA = Path(
    os.environ.get(
        "REVIEWWATCH_DEV_DATA",
        Path(__file__).resolve().parents[3] / "shared" / "data" / "dev-reviews.jsonl",
    )
)


def load_dev_rows() -> list[dict[str, Any]]:
    """The labelled reviews, or an empty list when the file is absent."""
    if not DEV_DATA.is_file():
        return []
    with DEV_DATA.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


DEV_ROWS = load_dev_rows()


def dev_params() -> list[Any]:
    """Parameters for per-row tests: one per review, or a single placeholder that skips."""
    if not DEV_ROWS:
        return [pytest.param(None, id="no-dev-data")]
    return [pytest.param(row, id=row["id"]) for row in DEV_ROWS]


@pytest.fixture()
def dev_rows() -> list[dict[str, Any]]:
    """All labelled rows; skips the test when the data set is absent."""
    if not DEV_ROWS:
        pytest.skip(f"labelled review data not found at {DEV_DATA}")
    return DEV_ROWS


def require_row(row: dict[str, Any] | None) -> dict[str, Any]:
    """Skip a per-row test when it runs on the no-data placeholder."""
    if row is None:
        pytest.skip(f"labelled review data not found at {DEV_DATA}")
    return row


def written_dataset(kind: str = "train") -> Any:
    """The package's own written sentences (no review text), featurised as training rows of
    `kind`, each its own group: labelled data every checkout has."""
    from reviewwatch.triage.model.dataset import Dataset, featurise, written_sentences

    rows = [json.loads(line) for line in written_sentences().decode().splitlines() if line]
    examples = tuple(
        featurise(row["text"], row["lang"], row["categories"], f"written:{number}", kind)
        for number, row in enumerate(rows)
    )
    return Dataset(examples, "written")
