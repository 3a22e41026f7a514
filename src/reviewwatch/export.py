"""CSV, JSON and JSON Lines writers that stream: constant memory for any database size."""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TextIO

from reviewwatch.models import Review, SentReply
from reviewwatch.serialize import JSON_VERSION, iso, review_to_dict
from reviewwatch.store.queries import NEVER_REPLIED, sent_reply_sql

if TYPE_CHECKING:
    from reviewwatch.store.connection import Connection
    from reviewwatch.store.queries import ReviewFilter

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
    # Appended later: the columns before keep their places.
    "polarity",
    "removed_at",
    # The reply sent through reviewwatch: its text, when, by whom, and how (posted or marked).
    "sent_reply",
    "sent_reply_at",
    "sent_reply_by",
    "sent_reply_how",
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


# The columns every review has (the first sixteen and the ones after the triage fields); the
# four between come from `annotate` (triage fields).
_HEAD_COLUMNS = CSV_COLUMNS[:16]
_EXTRA_COLUMNS = CSV_COLUMNS[16:20]
_TAIL_COLUMNS = CSV_COLUMNS[20:]
_REVIEW_COLUMNS = _HEAD_COLUMNS + _TAIL_COLUMNS
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
    cells = [_safe_cell(value) for value in _review_values(review)]
    head, tail = cells[: len(_HEAD_COLUMNS)], cells[len(_HEAD_COLUMNS) :]
    if extra:
        return head + [_safe_cell(extra.get(column)) for column in _EXTRA_COLUMNS] + tail
    return head + [""] * len(_EXTRA_COLUMNS) + tail


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
        review.polarity,
        iso(review.removed_at),
        *_sent_values(review.sent_reply),
    )


def _sent_values(sent: SentReply | None) -> tuple[str | None, ...]:
    if sent is None:
        return (None, None, None, None)
    return (sent.text, iso(sent.at), sent.actor, sent.how)


def write_export(
    reviews: Iterable[Review],
    stream: TextIO,
    *,
    fmt: ExportFormat,
    bom: bool = False,
    annotate: Annotate | None = None,
    delimiter: str = ",",
    total: int | None = None,
) -> int:
    """Write reviews in a format; return how many were written.

    `bom` and `delimiter` are for CSV only; `total` (all matching reviews, beside the listed
    ones) goes into a JSON document.
    """
    if bom and fmt == "csv":
        stream.write(BOM)
    extra_of: Annotate = annotate or (lambda _review: {})
    if fmt == "csv":
        return _write_csv(reviews, stream, extra_of, delimiter)
    if fmt == "jsonl":
        return _write_jsonl(reviews, stream, extra_of)
    return _write_json(reviews, stream, extra_of, total)


def _write_csv(
    reviews: Iterable[Review], stream: TextIO, extra_of: Annotate, delimiter: str
) -> int:
    writer = csv.writer(stream, lineterminator="\r\n", delimiter=delimiter)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for review in reviews:
        writer.writerow(csv_row(review, extra_of(review)))
        count += 1
    return count


# The CSV columns a review has, as SQL over `reviews r JOIN sources s`, each giving the cell
# `_safe_cell` makes of the value, always as text (a formula-like start gets a `'`; NULL is an
# empty string, a number its digits). Stored times are already in the form `iso` prints.
_SQL_VALUES = {
    "id": "r.id",
    "source": "s.name",
    "kind": "s.kind",
    "external_id": "r.external_id",
    "rating": "r.rating",
    "title": "r.title",
    "body": "r.body",
    "author": "r.author",
    "created_at": "r.created_at",
    "language": "r.language",
    "url": "r.url",
    "subject": "r.subject",
    "status": "r.status",
    "assignee": "r.assignee",
    "due_at": "r.due_at",
    "polarity": "r.polarity",
    "removed_at": "r.removed_at",
    "sent_reply": sent_reply_sql("text"),
    "sent_reply_at": sent_reply_sql("posted_at"),
    "sent_reply_by": sent_reply_sql("actor"),
    "sent_reply_how": sent_reply_sql("state"),
}
_SQL_FORMULA_FIRST = ", ".join(str(ord(start)) for start in _FORMULA_STARTS)
assert all(ord(start) < 65 for start in _FORMULA_STARTS)  # see _sql_cell


def _sql_cell(value: str, code_point: str) -> str:
    """SQL for `_safe_cell` of a text column's value (`code_point`: the engine's function for
    its first code point; every formula start is below 65, so most cells take one comparison)."""
    quoted = "'''' || " + value
    first = f"{code_point}({value})"
    return (
        f"CASE WHEN {first} < 65 AND {first} IN ({_SQL_FORMULA_FIRST}) THEN {quoted}"
        f" ELSE coalesce({value}, '') END"
    )


def _sql_number_cell(value: str) -> str:
    """SQL for `_safe_cell` of a number (a negative one gets a `'`; ids and ratings never do)."""
    quoted = "'''' || " + value
    return f"CASE WHEN {value} < 0 THEN {quoted} ELSE coalesce(CAST({value} AS TEXT), '') END"


_SENT_REPLY_COLUMNS = frozenset(("sent_reply", "sent_reply_at", "sent_reply_by", "sent_reply_how"))
# Cells that never start like a formula: times as stored, and how a reply was sent ("posted"
# or "marked").
_NEVER_FORMULAS = frozenset(
    ("created_at", "due_at", "removed_at", "sent_reply_at", "sent_reply_how")
)


@functools.cache
def _csv_sql(code_point: str = "unicode") -> str:
    """SQL for `write_csv_export`: the cells of a review's CSV row, all text, triage left out.

    Times are written as stored: the store writes every time through `to_text`, the form
    `iso` prints, which starts with a digit (so no formula check either).
    """
    cells = []
    for column in _REVIEW_COLUMNS:
        if column == "flagged":
            cells.append("CASE WHEN r.flagged = 1 THEN 'true' ELSE 'false' END")
            continue
        value = _SQL_VALUES[column]
        if column in ("id", "rating"):
            cell = _sql_number_cell(value)
        elif column in _NEVER_FORMULAS:
            cell = f"coalesce({value}, '')"
        else:
            cell = _sql_cell(value, code_point)
        if column in _SENT_REPLY_COLUMNS:
            cell = f"CASE WHEN {NEVER_REPLIED} THEN '' ELSE {cell} END"
        cells.append(cell)
    return ", ".join(cells)


class _Lines(list[str]):
    """CSV lines gathered for one write; `csv.writer` can write into it too."""

    write = list.append


_NO_TRIAGE = ("",) * len(_EXTRA_COLUMNS)
_HEAD = len(_HEAD_COLUMNS)


def _add_lines(
    rows: Iterable[Sequence[Any]],
    lines: _Lines,
    writerow: Callable[[Iterable[Any]], object],
    delimiter: str = ",",
) -> None:
    """Add the CSV lines of rows of a review's cells (all text), triage cells empty.

    The bytes are those of `csv` (QUOTE_MINIMAL, which quotes a cell only for the delimiter,
    the quote character and the line terminator's characters), made with `str.join` where
    that is easy, several times faster: `csv` looks at every character through a function
    call. A row with no delimiter, quote or line break in any cell is its cells joined by the
    delimiter; a cell with the delimiter but no quote or line break is the cell between quotes.
    The other rows, and any row with a cell that is not text, go through `writerow` (a
    `csv.writer`'s, writing into `lines`). Rows are the review's cells (`_REVIEW_COLUMNS`);
    the empty triage cells go between its head and its tail.
    """
    separators = len(CSV_COLUMNS) - 1
    append = lines.append
    for cells in rows:
        row = (*cells[:_HEAD], *_NO_TRIAGE, *cells[_HEAD:])
        try:
            line = delimiter.join(row)
        except TypeError:
            writerow(row)
            continue
        if '"' in line or "\n" in line or "\r" in line:
            writerow(row)
        elif line.count(delimiter) != separators:
            quoted = [f'"{cell}"' if delimiter in cell else cell for cell in row]
            append(delimiter.join(quoted) + "\r\n")
        else:
            append(line + "\r\n")


def write_csv_export(
    conn: Connection,
    where: ReviewFilter,
    stream: TextIO,
    *,
    bom: bool = False,
    annotate: Annotate | None = None,
    delimiter: str = ",",
) -> int:
    """The reviews `iter_reviews(conn, where)` gives, as CSV; return how many were written.

    The same bytes as `write_export(iter_reviews(conn, where), stream, fmt="csv", ...)`, with
    the cells made by SQLite and written a thousand rows at a time: no Review per row. With
    `annotate`, a Review is built for each flagged review and `annotate` is asked about those
    only (the others get empty triage columns, as triage gives them). Constant memory.
    """
    from reviewwatch.store.queries import selected_batches

    if bom:
        stream.write(BOM)
    csv.writer(stream, lineterminator="\r\n", delimiter=delimiter).writerow(CSV_COLUMNS)
    lines = _Lines()
    writerow = csv.writer(lines, lineterminator="\r\n", delimiter=delimiter).writerow
    count = 0
    from reviewwatch.store.dialect import code_point_function

    cells = _csv_sql(code_point_function(conn))
    columns = cells if annotate is None else f"r.flagged, r.id, {cells}"
    for rows in selected_batches(conn, where, columns):
        if annotate is None:
            _add_lines(rows, lines, writerow, delimiter)
        else:
            _add_annotated_lines(conn, rows, annotate, lines, writerow, delimiter)
        stream.write("".join(lines))
        lines.clear()
        count += len(rows)
    return count


def _add_annotated_lines(
    conn: Connection,
    rows: Iterable[Sequence[Any]],
    annotate: Annotate,
    lines: _Lines,
    writerow: Callable[[Iterable[Any]], object],
    delimiter: str,
) -> None:
    """`_add_lines` for rows that start with `flagged, id`: a flagged review is annotated."""
    from reviewwatch.store.queries import get_review

    for row in rows:
        if row[0]:
            review = get_review(conn, row[1])
            writerow(csv_row(review, annotate(review)))
        else:
            _add_lines((row[2:],), lines, writerow, delimiter)


def _write_jsonl(reviews: Iterable[Review], stream: TextIO, extra_of: Annotate) -> int:
    count = 0
    for review in reviews:
        document = {"version": JSON_VERSION, **review_to_dict(review, extra_of(review))}
        stream.write(json.dumps(document, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_json(
    reviews: Iterable[Review], stream: TextIO, extra_of: Annotate, total: int | None
) -> int:
    head = f'{{"version": {JSON_VERSION}, '
    if total is not None:
        head += f'"total": {total}, '
    stream.write(head + '"reviews": [')
    count = 0
    for review in reviews:
        stream.write(",\n  " if count else "\n  ")
        stream.write(json.dumps(review_to_dict(review, extra_of(review)), ensure_ascii=False))
        count += 1
    stream.write("\n]}\n" if count else "]}\n")
    return count
