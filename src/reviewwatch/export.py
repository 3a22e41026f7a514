"""CSV, JSON and JSON Lines writers that stream: constant memory for any database size."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, TextIO

from reviewwatch.models import Review
from reviewwatch.serialize import JSON_VERSION, iso, review_to_dict

ExportFormat = Literal["csv", "json", "jsonl"]
Annotate = Callable[[Review], Mapping[str, Any]]

CSV_COLUMNS = (
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
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def formula_safe(cell: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading `'` (OWASP's advice)."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(_list_item(item) for item in value)
    return str(value)


def _list_item(item: Any) -> str:
    if isinstance(item, Mapping):
        # A next step: "action (by deadline)"; the why stays in JSON, where there is room.
        deadline = item.get("deadline")
        return (
            f"{item.get('action', '')} (by {deadline})" if deadline else str(item.get("action", ""))
        )
    return str(item)


def csv_row(review: Review, extra: Mapping[str, Any]) -> list[str]:
    values: dict[str, Any] = {
        "id": review.id,
        "source": review.source,
        "kind": review.kind,
        "external_id": review.external_id,
        "rating": review.rating,
        "title": review.title,
        "body": review.body,
        "author": review.author,
        "created_at": iso(review.created_at),
        "language": review.language,
        "url": review.url,
        "subject": review.subject,
        "status": review.status,
        "assignee": review.assignee,
        "due_at": iso(review.due_at),
        "flagged": review.flagged,
        **extra,
    }
    return [formula_safe(_cell(values.get(column))) for column in CSV_COLUMNS]


def write_export(
    reviews: Iterable[Review],
    stream: TextIO,
    *,
    fmt: ExportFormat,
    bom: bool = False,
    annotate: Annotate | None = None,
) -> int:
    """Write reviews in a format; return how many were written."""
    if bom:
        stream.write(BOM)
    extra_of: Annotate = annotate or (lambda _review: {})
    if fmt == "csv":
        return _write_csv(reviews, stream, extra_of)
    if fmt == "jsonl":
        return _write_jsonl(reviews, stream, extra_of)
    return _write_json(reviews, stream, extra_of)


def _write_csv(reviews: Iterable[Review], stream: TextIO, extra_of: Annotate) -> int:
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for review in reviews:
        writer.writerow(csv_row(review, extra_of(review)))
        count += 1
    return count


def _write_jsonl(reviews: Iterable[Review], stream: TextIO, extra_of: Annotate) -> int:
    count = 0
    for review in reviews:
        document = {"version": JSON_VERSION, **review_to_dict(review, extra_of(review))}
        stream.write(json.dumps(document, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_json(reviews: Iterable[Review], stream: TextIO, extra_of: Annotate) -> int:
    stream.write(f'{{"version": {JSON_VERSION}, "reviews": [')
    count = 0
    for review in reviews:
        stream.write(",\n  " if count else "\n  ")
        stream.write(json.dumps(review_to_dict(review, extra_of(review)), ensure_ascii=False))
        count += 1
    stream.write("\n]}\n" if count else "]}\n")
    return count
