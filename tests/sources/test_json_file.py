"""`json_file` and the field map the generic kinds share, below the store."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewwatch.models import Page
from reviewwatch.sources.base import SourceConfig
from reviewwatch.sources.json_file import JsonFileSource, _value_of_line
from reviewwatch.sources.mapped import FieldMap
from reviewwatch.sources.normalise import REVIEW_FIELDS, review_from_fields

json_like = st.text(alphabet=st.sampled_from(list('{}[]":,0123 \t\r\n\x0b\ufeffaeflnrstu\\')))


def _loads(line: str) -> tuple[str, Any]:
    try:
        return "value", json.loads(line)
    except json.JSONDecodeError as error:
        return "error", str(error)


def _value(line: str) -> tuple[str, Any]:
    try:
        return "value", _value_of_line(line)
    except json.JSONDecodeError as error:
        return "error", str(error)


@given(line=json_like | st.text())
def test_a_line_reads_as_json_loads_reads_it(line: str) -> None:
    assert repr(_value(line)) == repr(_loads(line))


def _pages(tmp_path: Path, content: bytes) -> list[Page]:
    path = tmp_path / "reviews.jsonl"
    path.write_bytes(content)
    config = SourceConfig(
        name="shop",
        kind="json_file",
        platform="shop",
        flag_max_stars=2,
        options={"path": str(path), "fields": {"id": "id", "rating": "stars"}},
    )
    source = JsonFileSource(config)

    async def read() -> list[Page]:
        return [page async for page in source.fetch(since=None)]

    return asyncio.run(read())


AT_START = "line 1 column 1 (char 0)"
BAD_START = "invalid start byte"


def test_blank_lines_are_skipped_and_bad_lines_are_problems(tmp_path: Path) -> None:
    content = (
        "\ufeff" + '{"id": "a", "stars": 5}\n'
        "\n \x0b\u2028\n"
        "\ufeff" + '{"id": "b", "stars": 4}\n'
        '{"id": "c", "stars": 3} tail\n'
    ).encode() + b'\xff{"id": "d"}\n{"id": "e", "stars": 1}'
    [page] = _pages(tmp_path, content)
    assert [review.external_id for review in page.reviews] == ["a", "e"]
    assert [(problem.position, problem.reason) for problem in page.problems] == [
        ("line 4", "not valid JSON: Unexpected UTF-8 BOM (decode using utf-8-sig): " + AT_START),
        ("line 5", "not valid JSON: Extra data: line 1 column 25 (char 24)"),
        (
            "line 6",
            "not valid JSON: 'utf-8' codec can't decode byte 0xff in position 0: " + BAD_START,
        ),
    ]


MAPPING = {
    "id": "id",
    "rating": "score.value",
    "title": "headline",
    "body": "texts.0",
    "created_at": "when",
    "reply": "answer.text",
    "language": "",
}


@pytest.mark.parametrize(
    "record",
    [
        {"id": "a", "score": {"value": 4}, "headline": " Hi ", "texts": ["Fine", "x"], "": "de"},
        {"id": 7, "score": {"value": "2"}, "when": "2026-01-02T03:04:05+01:00", "answer": {}},
        {"id": "b", "score": {"value": 5}, "texts": [], "answer": {"text": " Thanks "}},
    ],
)
def test_the_field_map_reads_what_the_mapping_says(record: dict[str, Any]) -> None:
    expected = review_from_fields(
        {"id": record.get("id"), "rating": record["score"]["value"], **_picked(record)}
    )
    assert FieldMap(MAPPING).read(record) == expected


def _picked(record: dict[str, Any]) -> dict[str, Any]:
    texts = record.get("texts") or [None]
    return {
        "title": record.get("headline"),
        "body": texts[0],
        "created_at": record.get("when"),
        "reply": (record.get("answer") or {}).get("text"),
        "language": record.get(""),
    }


def test_review_fields_by_name_and_by_position_agree() -> None:
    values = {
        "id": " r1 ",
        "rating": "FOUR",
        "title": "",
        "body": 12,
        "created_at": "2026-03-04T05:06:07Z",
        "updated_at": 1767225600,
        "language": "en-GB",
    }
    review = review_from_fields(values)
    assert review.external_id == "r1" and review.rating == 4 and review.title is None
    assert review.body == "12" and review.language == "en-GB"
    assert review.created_at == datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
    assert review.updated_at == datetime(2026, 1, 1, tzinfo=UTC)
    assert len(REVIEW_FIELDS) == 12
