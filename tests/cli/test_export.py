"""Export: the contract's CSV (golden file), JSON and JSON Lines, formula safety, BOM, streaming."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from reviewwatch.export import CSV_COLUMNS, formula_safe, write_export
from reviewwatch.models import Review, SentReply
from tests.conftest import invoke, write_config
from tests.filesources import FIELDS, review, write_jsonl

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
UPDATE = os.environ.get("REVIEWWATCH_UPDATE_GOLDEN") == "1"


def sample(review_id: int, **changes: Any) -> Review:
    values: dict[str, Any] = {
        "id": review_id,
        "source": "shop",
        "kind": "json_file",
        "platform": "generic",
        "external_id": f"x{review_id}",
        "rating": 1,
        "polarity": "negative",
        "title": None,
        "body": "Text",
        "author": None,
        "created_at": datetime(2026, 11, 20, 8, 15, tzinfo=UTC),
        "updated_at": None,
        "language": "en",
        "url": None,
        "subject": None,
        "order_id": None,
        "reply": None,
        "flagged": True,
        "status": "new",
        "assignee": None,
        "due_at": datetime(2026, 11, 21, 9, 0, tzinfo=UTC),
        "first_seen_at": datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
        "removed_at": None,
        "version": 1,
    }
    values.update(changes)
    return Review(**values)


HOSTILE_AND_FOREIGN = [
    sample(
        1, title="质量太差", body="收到的茶壶有裂纹，客服也不回复。", language="zh", author="林小姐"
    ),
    sample(
        2, body="Ļoti nelaipna apkalpošana.\nGaidījām pusstundu, tēja bija auksta.", language="lv"
    ),
    sample(
        3,
        title='=HYPERLINK("http://evil.example","click")',
        body="+1 for speed, -5 for quality",
        author="@attacker",
        rating=2,
        replied_at=datetime(2026, 11, 22, 10, 0, tzinfo=UTC),
        sent_reply=SentReply(
            "-We are sorry; a refund is on its way.",
            datetime(2026, 11, 22, 10, 0, tzinfo=UTC),
            "=anna",
            "marked",
        ),
    ),
    sample(
        4,
        body='She said "never again", twice',
        flagged=False,
        rating=5,
        polarity="positive",
        due_at=None,
    ),
]


def test_csv_matches_the_golden_file() -> None:
    stream = io.StringIO(newline="")
    write_export(HOSTILE_AND_FOREIGN, stream, fmt="csv")
    golden = GOLDEN / "export.csv"
    if UPDATE:
        with golden.open("w", encoding="utf-8", newline="") as out:
            out.write(stream.getvalue())
    with golden.open(encoding="utf-8", newline="") as expected:
        assert stream.getvalue() == expected.read()


def test_csv_round_trips_and_neutralises_formulas() -> None:
    stream = io.StringIO(newline="")
    write_export(HOSTILE_AND_FOREIGN, stream, fmt="csv")
    rows = list(csv.reader(io.StringIO(stream.getvalue(), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_id = {row[0]: dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]}
    assert by_id["1"]["title"] == "质量太差"
    assert by_id["2"]["body"] == "Ļoti nelaipna apkalpošana.\nGaidījām pusstundu, tēja bija auksta."
    assert by_id["3"]["title"].startswith("'=HYPERLINK")
    assert (
        by_id["3"]["body"] == "'+1 for speed, -5 for quality"
        and by_id["3"]["author"] == "'@attacker"
    )
    assert by_id["4"]["flagged"] == "false" and by_id["4"]["due_at"] == ""
    assert by_id["3"]["sent_reply"] == "'-We are sorry; a refund is on its way."
    assert (by_id["3"]["sent_reply_by"], by_id["3"]["sent_reply_how"]) == ("'=anna", "marked")
    assert by_id["3"]["sent_reply_at"] == "2026-11-22T10:00:00Z" and by_id["1"]["sent_reply"] == ""


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_every_formula_start_is_neutralised(cell: str) -> None:
    assert formula_safe(cell) == "'" + cell
    assert formula_safe("plain " + cell) == "plain " + cell


def test_json_and_jsonl_follow_the_contract() -> None:
    stream = io.StringIO()
    assert write_export(HOSTILE_AND_FOREIGN, stream, fmt="json") == 4
    document = json.loads(stream.getvalue())
    assert document["version"] == 1 and len(document["reviews"]) == 4
    first = document["reviews"][0]
    assert first["created_at"] == "2026-11-20T08:15:00Z" and first["title"] == "质量太差"
    for key in (
        "id",
        "source",
        "kind",
        "external_id",
        "rating",
        "polarity",
        "title",
        "body",
        "author",
        "created_at",
        "updated_at",
        "language",
        "url",
        "subject",
        "order_id",
        "reply",
        "flagged",
        "status",
        "assignee",
        "due_at",
        "first_seen_at",
        "removed_at",
    ):
        assert key in first
    lines = io.StringIO()
    write_export(HOSTILE_AND_FOREIGN, lines, fmt="jsonl")
    parsed = [json.loads(line) for line in lines.getvalue().splitlines()]
    assert [item["id"] for item in parsed] == [1, 2, 3, 4] and all(
        item["version"] == 1 for item in parsed
    )
    empty = io.StringIO()
    write_export([], empty, fmt="json")
    assert json.loads(empty.getvalue()) == {"version": 1, "reviews": []}


def test_export_streams_rather_than_collecting() -> None:
    stream = io.StringIO(newline="")
    seen_before_second: list[str] = []

    def reviews() -> Iterator[Review]:
        yield HOSTILE_AND_FOREIGN[0]
        seen_before_second.append(stream.getvalue())
        yield HOSTILE_AND_FOREIGN[1]

    write_export(reviews(), stream, fmt="csv")
    assert "质量太差" in seen_before_second[0]


def test_export_command_to_a_file_with_bom_and_filters(cli: CliRunner, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "r.jsonl", [review("a", 1, text="Sūdzība"), review("b", 5)])
    config = write_config(
        tmp_path, [{"name": "s", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    db = tmp_path / "r.db"
    invoke(cli, "--config", config, "--db", db, "poll", "--quiet")
    out = tmp_path / "flagged.csv"
    result = invoke(cli, "--config", config, "--db", db, "export", "--flagged", "--bom", "-o", out)
    assert result.exit_code == 0 and "1 reviews written" in result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 2 and rows[1][6] == "Sūdzība"
    to_stdout = invoke(cli, "--config", config, "--db", db, "export", "--format", "jsonl")
    assert [json.loads(line)["external_id"] for line in to_stdout.output.splitlines()] == ["b", "a"]
    bad = invoke(cli, "--config", config, "--db", db, "export", "--format", "xlsx")
    assert bad.exit_code == 2 and "unknown format" in bad.output
    unwritable = invoke(
        cli, "--config", config, "--db", db, "export", "-o", tmp_path / "no" / "dir" / "x.csv"
    )
    assert unwritable.exit_code == 2 and "cannot write" in unwritable.output
