"""Reading one page of a listing: readable records become reviews, the others problems."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from reviewwatch.models import FetchedReview, Page, RecordProblem
from reviewwatch.sources.normalise import RecordError

# What reading one odd record may raise besides RecordError (a ValueError itself).
_RECORD_FAULTS = (
    ValueError,
    TypeError,
    ArithmeticError,
    LookupError,
    AttributeError,
    RecursionError,
)


def _check_storable(review: FetchedReview) -> None:
    """Refuse text that cannot be stored: half a surrogate pair (JSON `"\\ud83d"`, half an
    emoji) parses, but no database or terminal can encode it."""
    for name, value in zip(review._fields, review, strict=True):
        if type(value) is str and not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as error:
                raise RecordError(
                    f"{name} holds half a surrogate pair ({value[error.start]!a}), "
                    "which is not text"
                ) from None


def read_page(
    source: str,
    records: Iterable[Any],
    read: Callable[[Any], FetchedReview],
    *,
    page: int | None = None,
    seen: set[str] | None = None,
    skip: Callable[[Any], bool] | None = None,
) -> Page:
    """One page of records; one that cannot be read is a problem at `page 2 item 3`.

    Items are counted from 1 (`item 3` when there is no page number), skipped ones included.
    `skip` picks entries that are not reviews at all. With `seen`, the ids listed earlier in
    the walk: listings shift when a review arrives mid-walk, and one review is listed once.
    """
    prefix = "" if page is None else f"page {page} "
    positioned = ((f"{prefix}item {index}", record) for index, record in enumerate(records, 1))
    return read_records(source, positioned, read, seen=seen, skip=skip)


def read_records(
    source: str,
    records: Iterable[tuple[str, Any]],
    read: Callable[[Any], FetchedReview],
    *,
    seen: set[str] | None = None,
    skip: Callable[[Any], bool] | None = None,
    repeated: Callable[[FetchedReview], str] | None = None,
) -> Page:
    """`read_page` for records that come with their own positions (`row 7`, `line 3`).

    With `repeated`, a review already in `seen` is a problem with that reason instead of being
    left out silently.
    """
    reviews: list[FetchedReview] = []
    problems: list[RecordProblem] = []
    for position, record in records:
        if skip is not None and skip(record):
            continue
        try:
            review = read(record)
            _check_storable(review)
        except RecordError as error:
            problems.append(RecordProblem(source, position, str(error)))
            continue
        except _RECORD_FAULTS as error:
            # A value no reader foresaw: that record is skipped, never the whole source.
            problems.append(RecordProblem(source, position, f"{type(error).__name__}: {error}"))
            continue
        if seen is not None:
            if review.external_id in seen:
                if repeated is not None:
                    problems.append(RecordProblem(source, position, repeated(review)))
                continue
            seen.add(review.external_id)
        reviews.append(review)
    return Page(tuple(reviews), tuple(problems))
