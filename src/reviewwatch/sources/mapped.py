"""What the generic kinds share: a user's map from review fields to their data's names."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from reviewwatch.models import FetchedReview, Page, RecordProblem
from reviewwatch.sources.base import Option
from reviewwatch.sources.normalise import REVIEW_FIELDS, RecordError, dig_parts, review_from_fields

PAGE_SIZE = 500

MAPPING_OPTIONS: Mapping[str, Option] = {
    "rating_map": Option("table", help="words in the rating field and their stars"),
}


def check_field_map(mapping: Any, key: str) -> list[str]:
    """Problems with a `fields` / `columns` table."""
    if not isinstance(mapping, Mapping):
        return []
    problems = [
        f"{key}.{name}: unknown review field (known: {', '.join(REVIEW_FIELDS)})"
        for name in mapping
        if name not in REVIEW_FIELDS
    ]
    problems += [f"{key}.{name}: is required" for name in ("id", "rating") if name not in mapping]
    problems += [
        f"{key}.{name}: expected a string"
        for name, value in mapping.items()
        if not isinstance(value, str)
    ]
    return problems


def check_rating_map(values: Mapping[str, Any]) -> list[str]:
    rating_map = values.get("rating_map") or {}
    return [
        f"rating_map.{word}: expected a whole number of stars from 1 to 5"
        for word, stars in rating_map.items()
        if isinstance(stars, bool) or not isinstance(stars, int) or not 1 <= stars <= 5
    ]


class FieldMap:
    """Reads one record (a JSON object or a CSV row) through the user's field map."""

    def __init__(
        self, mapping: Mapping[str, str], rating_map: Mapping[str, int] | None = None
    ) -> None:
        self.mapping = dict(mapping)
        self.rating_map = dict(rating_map or {})
        self._paths = [(field, path.split(".")) for field, path in self.mapping.items()]

    def read(self, record: Any) -> FetchedReview:
        if type(record) is not dict and not isinstance(record, Mapping):
            raise RecordError(f"expected an object, got {type(record).__name__}")
        values = {field: dig_parts(record, parts) for field, parts in self._paths}
        return review_from_fields(values, self.rating_map)


def paginate(
    source: str,
    records: Iterable[tuple[str, Any]],
    reader: FieldMap,
    *,
    page_size: int = PAGE_SIZE,
) -> Iterator[Page]:
    """Pages of reviews from (position, record) pairs; unreadable records become problems.

    A record may be a RecordError already (a line that is not even JSON).
    """
    reviews: list[FetchedReview] = []
    problems: list[RecordProblem] = []
    for position, record in records:
        try:
            if isinstance(record, RecordError):
                raise record
            reviews.append(reader.read(record))
        except RecordError as error:
            problems.append(RecordProblem(source, position, str(error)))
        if len(reviews) + len(problems) >= page_size:
            yield Page(tuple(reviews), tuple(problems))
            reviews, problems = [], []
    if reviews or problems:
        yield Page(tuple(reviews), tuple(problems))
