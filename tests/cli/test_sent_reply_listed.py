"""A reply sent through reviewwatch is in `list --json` and every export, as in `show --json`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke, write_config
from tests.filesources import FIELDS, review, write_jsonl

BROKEN = "The mug arrived broken, the box was crushed. Nobody answered my emails."
ANSWER = "Hi Jane, we are sorry the mug arrived broken. Please write to our help page. Anna"
# The columns before the sent reply's, in the order they have always had.
EARLIER_COLUMNS = [
    "id",
    "source",
    "kind",
    "external_id",
    "rating",
    "title",
    "body",
    "author",
    "created_at",
    "language",
    "url",
    "subject",
    "status",
    "assignee",
    "due_at",
    "flagged",
    "categories",
    "removal_grounds",
    "suggested_reply",
    "next_steps",
    "polarity",
    "removed_at",
]
SENT_COLUMNS = ["sent_reply", "sent_reply_at", "sent_reply_by", "sent_reply_how"]


@pytest.fixture
def replied(tmp_path: Path, engine_db: str) -> tuple[Any, ...]:
    """A shop of three reviews: the flagged one replied with a text, a 5-star one marked
    replied without a text (by someone whose name starts like a formula), one not replied."""
    data = write_jsonl(
        tmp_path / "r.jsonl",
        [review("fine", 4), review("ok", 5), review("bad", 1, text=BROKEN, author="Jane Doe")],
    )
    config = write_config(
        tmp_path,
        [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}],
        business={"name": "Acme", "signature": "Anna, Acme", "contact": "our help page"},
    )
    base = ("--config", config, "--db", engine_db)
    assert invoke(CliRunner(), *base, "poll", "--quiet").exit_code == 0
    listed = json.loads(invoke(CliRunner(), *base, "list", "--json").output)["reviews"]
    ids = {item["external_id"]: str(item["id"]) for item in listed}
    marked = invoke(
        CliRunner(), *base, "reply", ids["bad"], "--text", ANSWER, "--mark-replied", "--by", "anna"
    )
    assert marked.exit_code == 0, marked.output
    thanked = invoke(CliRunner(), *base, "reply", ids["ok"], "--mark-replied", "--by", "@ben")
    assert thanked.exit_code == 0, thanked.output
    return base, ids


def test_list_json_carries_the_sent_reply_of_show_json(
    cli: CliRunner, replied: tuple[Any, ...]
) -> None:
    base, ids = replied
    listed = {
        item["external_id"]: item
        for item in json.loads(invoke(cli, *base, "list", "--json").output)["reviews"]
    }
    shown = json.loads(invoke(cli, *base, "show", ids["bad"], "--json").output)["review"]
    assert listed["bad"]["sent_reply"] == shown["sent_reply"]
    assert shown["sent_reply"]["text"] == ANSWER and shown["sent_reply"]["at"]
    assert (shown["sent_reply"]["by"], shown["sent_reply"]["how"]) == ("anna", "marked")
    assert listed["ok"]["sent_reply"] == {
        "text": None,
        "at": listed["ok"]["sent_reply"]["at"],
        "by": "@ben",
        "how": "marked",
    }
    assert listed["fine"]["sent_reply"] is None


def test_json_and_jsonl_exports_carry_the_sent_reply(
    cli: CliRunner, replied: tuple[Any, ...]
) -> None:
    base, _ids = replied
    listed = json.loads(invoke(cli, *base, "list", "--json").output)["reviews"]
    expected = {item["external_id"]: item["sent_reply"] for item in listed}
    document = json.loads(invoke(cli, *base, "export", "--format", "json").output)
    assert {item["external_id"]: item["sent_reply"] for item in document["reviews"]} == expected
    lines = invoke(cli, *base, "export", "--format", "jsonl").output.splitlines()
    assert {json.loads(line)["external_id"]: json.loads(line)["sent_reply"] for line in lines} == (
        expected
    )


def test_csv_export_appends_the_sent_reply_columns(
    cli: CliRunner, replied: tuple[Any, ...]
) -> None:
    base, ids = replied
    exported = invoke(cli, *base, "export")
    assert exported.exit_code == 0, exported.output
    header, *rows = list(csv.reader(io.StringIO(exported.output, newline="")))
    assert header == EARLIER_COLUMNS + SENT_COLUMNS
    by_id = {row[3]: dict(zip(header, row, strict=True)) for row in rows}
    shown = json.loads(invoke(cli, *base, "show", ids["bad"], "--json").output)["review"]
    # The flagged review (written with its triage) and the others (written from the rows).
    assert [by_id["bad"][column] for column in SENT_COLUMNS] == [
        ANSWER,
        shown["sent_reply"]["at"],
        "anna",
        "marked",
    ]
    assert by_id["bad"]["body"] == BROKEN and by_id["bad"]["flagged"] == "true"
    ok = by_id["ok"]
    assert ok["sent_reply"] == "" and ok["sent_reply_at"] and ok["sent_reply_how"] == "marked"
    assert ok["sent_reply_by"] == "'@ben"  # a spreadsheet would run it as a formula
    assert [by_id["fine"][column] for column in SENT_COLUMNS] == ["", "", "", ""]
