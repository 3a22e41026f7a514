"""One hostile record is a reported skip in every file kind; a hostile file fails its source only.

The records the review found: half a surrogate pair, a 5,000-digit number, dates that overflow
when moved to UTC, wrong types, and JSON nested too deeply for the parser.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.sources.helpers import poll_sources, stored

FIELDS = {"id": "id", "rating": "stars", "body": "text", "created_at": "created"}
GOOD = [
    '{"id": "ok1", "stars": 1, "text": "Broken on arrival"}',
    '{"id": "ok2", "stars": 2, "text": "Another real complaint"}',
]
HOSTILE = [
    '{"id": "s1", "stars": 1, "text": "Terrible \\ud83d service"}',
    '{"id": "n1", "stars": ' + "9" * 5000 + "}",
    '{"id": "d1", "stars": 4, "created": "9999-12-31T23:59:59-01:00"}',
    '{"id": "d2", "stars": 4, "created": "0001-01-01T00:00:00+01:00"}',
    '{"id": {"nested": 1}, "stars": 4}',
    '{"id": "t1", "stars": [1]}',
]


def json_table(path: Path) -> dict[str, Any]:
    return {"name": "export", "kind": "json_file", "path": str(path), "fields": FIELDS}


@pytest.mark.parametrize("layout", ["document", "lines"])
def test_each_hostile_record_is_skipped_and_the_rest_stored(
    tmp_path: Path, db_path: Path, layout: str
) -> None:
    records = [GOOD[0], *HOSTILE, GOOD[1]]
    if layout == "document":
        path = tmp_path / "reviews.json"
        path.write_text("[" + ",\n".join(records) + "]")
    else:
        path = tmp_path / "reviews.jsonl"
        path.write_text("\n".join([*records, "[" * 100_000]) + "\n")
    report = poll_sources(tmp_path, db_path, json_table(path))
    assert report.sources[0].ok, report.sources[0].error
    assert set(stored(db_path)) == {"ok1", "ok2"}
    expected = len(HOSTILE) + (1 if layout == "lines" else 0)
    assert len(report.problems) == expected, report.problems
    reasons = " | ".join(problem.reason for problem in report.problems)
    for words in ("surrogate", "digits", "out of range"):
        assert words in reasons


def test_a_csv_row_with_an_overflowing_date_is_skipped(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "reviews.csv"
    path.write_text(
        "id,stars,text,created\n"
        "ok1,1,Broken,2026-01-01T10:00:00Z\n"
        "d1,4,Fine,9999-12-31T23:59:59-01:00\n"
        "n1," + "9" * 5000 + ",Odd,\n"
        "ok2,2,Late,2026-01-02\n"
    )
    table = {"name": "export", "kind": "csv_file", "path": str(path), "columns": FIELDS}
    report = poll_sources(tmp_path, db_path, table)
    assert report.sources[0].ok, report.sources[0].error
    assert set(stored(db_path)) == {"ok1", "ok2"}
    assert len(report.problems) == 2


def test_a_document_nested_too_deeply_fails_its_source_only(tmp_path: Path, db_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000)
    fine = tmp_path / "fine.json"
    fine.write_text(json.dumps([{"id": "a", "stars": 1, "text": "Broken"}]))
    report = poll_sources(
        tmp_path,
        db_path,
        json_table(deep),
        {**json_table(fine), "name": "fine"},
    )
    by_name = {source.name: source for source in report.sources}
    assert not by_name["export"].ok
    assert "nested too deeply" in (by_name["export"].error or "")
    assert by_name["fine"].ok and set(stored(db_path)) == {"a"}
