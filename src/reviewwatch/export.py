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
        if "ground" in item:
            return str(item["ground"])
        # A next step: "action (by deadline)"; the why stays in JSON, where there is room.
        deadline = item.get("deadline")
        action = str(item.get("action", ""))
        return f"{action} (by {deadline})" if deadline else action
    return str(item)


# The columns every review has; the rest come from `annotate` (triage fields).
_REVIEW_COLUMNS = CSV_COLUMNS[:16]
_EXTRA_COLUMNS = CSV_COLUMNS[16:]
_REVIEW_COLUMN_SET = frozenset(_REVIEW_COLUMNS)
_FORMULA_FIRST = frozenset(_FORMULA_STARTS)


def _safe_cell(value: Any) -> str:
    """`formula_safe(_cell(value))`, with the common case (a string) first: the hot path."""
    cell = value if type(value) is str else _cell(value)
    return "'" + cell if cell[:1] in _FORMULA_FIRST else cell


def csv_row(review: Review, extra: Mapping[str, Any]) -> list[str]:
    if extra and not _REVIEW_COLUMN_SET.isdisjoint(extra):
        # An annotation that overrides a review column: the general (slower) way.
        values: dict[str, Any] = dict(zip(_REVIEW_COLUMNS, _review_values(review), strict=True))
        values.update(extra)
        return [_safe_cell(values.get(column)) for column in CSV_COLUMNS]
    row = [_safe_cell(value) for value in _review_values(review)]
    if extra:
        row += [_safe_cell(extra.get(column)) for column in _EXTRA_COLUMNS]
    else:
        row += [""] * len(_EXTRA_COLUMNS)
    return row


def _review_values(review: Review) -> tuple[Any, ...]:
    """A review's values in the order of `_REVIEW_COLUMNS`."""
    return (
        review.id,
        review.source,
        review.kind,
        review.external_id,
        review.rating,
        review.title,
        review.body,
        review.author,
        iso(review.created_at),
        review.language,
        review.url,
        review.subject,
        review.status,
        review.assignee,
        iso(review.due_at),
        review.flagged,
    )


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
