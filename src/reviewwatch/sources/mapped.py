"""What the generic kinds share: a user's map from review fields to their data's names."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import AsyncGenerator, Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime
from itertools import islice
from typing import Any, ClassVar

from reviewwatch.models import FetchedReview, Page
from reviewwatch.sources.base import Option, Source
from reviewwatch.sources.normalise import (
    REVIEW_FIELDS,
    RecordError,
    dig_parts,
    expect_object,
    review_from_values,
)
from reviewwatch.sources.pages import read_records
from reviewwatch.suggest import unknown_name

PAGE_SIZE = 500
_NO_SUCH_KEY = object()

MAPPING_OPTIONS: Mapping[str, Option] = {
    "rating_map": Option("table", help="words in the rating field and their stars"),
}


def check_field_map(mapping: Any, key: str) -> list[str]:
    """Problems with a `fields` / `columns` table."""
    if not isinstance(mapping, Mapping):
        return []
    problems = [
        f"{key}: {unknown_name('review field', name, REVIEW_FIELDS)}"
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
        # The record's key for each field, in REVIEW_FIELDS order, read with one `get` each
        # (the usual case: a name without dots). A field that is not mapped, or mapped to a
        # dotted path, is read with a key no record has, and the dotted paths are then dug.
        self._keys: list[object] = []
        self._paths: list[tuple[int, list[str]]] = []
        for index, field in enumerate(REVIEW_FIELDS):
            path = self.mapping.get(field)
            parts = [] if path is None else path.split(".")
            self._keys.append(parts[0] if len(parts) == 1 else _NO_SUCH_KEY)
            if len(parts) > 1:
                self._paths.append((index, parts))
        # Mapped fields that no record of the current page has had yet, and the keys of the
        # page's first record that nothing maps (see `suspect_fields`).
        self._unseen: dict[str, list[str]] = {}
        self._unmapped: list[str] | None = None
        self._mapped_keys = {path.split(".")[0] for path in self.mapping.values()}
        self.start_page()

    def start_page(self) -> None:
        self._unseen = {
            field: path.split(".") for field, path in self.mapping.items() if field not in ("id",)
        }
        self._unmapped = None

    def suspect_fields(self) -> dict[str, tuple[str, list[str]]]:
        """Mapped fields that look like typos: no record read since `start_page` had them,
        while the records have keys that nothing maps. By field: its path, and those keys.

        A field that is merely absent (a file that leaves out empty titles) is no suspect
        unless an unmapped key has a name close to its path (or it is the text itself).
        """
        import difflib

        if not self._unmapped:
            return {}
        suspects = {}
        for field in self._unseen:
            path = self.mapping[field]
            close = difflib.get_close_matches(path.split(".")[0], self._unmapped, n=1, cutoff=0.6)
            # The review's text matters most: missing, it is suspect whatever the names.
            if close or field == "body":
                suspects[field] = (path, close or self._unmapped)
        return suspects

    def _mark_seen(self, record: Mapping[str, Any]) -> None:
        for field, parts in list(self._unseen.items()):
            if _has_path(record, parts):
                del self._unseen[field]

    def read(self, record: Any) -> FetchedReview:
        record = expect_object(record)
        if self._unmapped is None:
            self._unmapped = [key for key in record if key not in self._mapped_keys]
        if self._unseen:
            self._mark_seen(record)
        values = list(map(record.get, self._keys))
        for index, parts in self._paths:
            values[index] = dig_parts(record, parts)
        return review_from_values(values, self.rating_map)


def _has_path(record: Mapping[str, Any], parts: list[str]) -> bool:
    """Whether the record has the (dotted) path at all, whatever its value (null included)."""
    current: Any = record
    for part in parts:
        if isinstance(current, Mapping) and part in current:
            current = current[part]
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return False
    return True


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

    def read(record: Any) -> FetchedReview:
        if isinstance(record, RecordError):
            raise record
        return reader.read(record)

    pending = iter(records)
    while chunk := list(islice(pending, page_size)):
        reader.start_page()
        page = read_records(source, chunk, read)
        suspects = reader.suspect_fields() if page.reviews else {}
        if suspects:
            warnings = tuple(
                _suspect_warning(field, path, unmapped, len(chunk), chunk[0][0])
                for field, (path, unmapped) in suspects.items()
            )
            page = replace(page, warnings=warnings)
        yield page


def _suspect_warning(field: str, path: str, unmapped: list[str], records: int, first: str) -> str:
    import difflib

    close = difflib.get_close_matches(path.split(".")[0], unmapped, n=1, cutoff=0.6)
    hint = (
        f"did you mean {close[0]!r}?"
        if close
        else "unmapped: " + ", ".join(map(repr, unmapped[:8]))
    )
    return (
        f"{field} is mapped to {path!r}, which none of the {records} records ({first} on) has "
        f"({hint})"
    )


class MappedFileSource(Source):
    """A local file read in full on every poll through the user's field map."""

    takes_platform = True
    network = False
    complete_listing = True
    limits = "Sees exactly what the file holds; a review missing from the file is marked removed."
    map_option: ClassVar[str]  # the option that holds the field map

    async def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        reader = FieldMap(self.config.options[self.map_option], self.config.option("rating_map"))
        for page in paginate(self.name, self._records(), reader):
            yield page

    @abstractmethod
    def _records(self) -> Iterator[tuple[str, Any]]:
        """The file's records with their positions (`row 7`, `line 3`, `item 2`)."""
