"""`json_file`: reviews from a local JSON document or a `.jsonl` file (read line by line)."""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from reviewwatch.errors import SourceError
from reviewwatch.models import Page
from reviewwatch.sources.base import Option, Source
from reviewwatch.sources.mapped import (
    MAPPING_OPTIONS,
    FieldMap,
    check_field_map,
    check_rating_map,
    paginate,
)
from reviewwatch.sources.normalise import RecordError, dig


class JsonFileSource(Source):
    """A JSON file the user exports or another tool writes; re-read in full on every poll."""

    kind = "json_file"
    takes_platform = True
    network = False
    complete_listing = True
    limits = "Sees exactly what the file holds; a review missing from the file is marked removed."
    options: ClassVar[Mapping[str, Option]] = {
        "path": Option("path", required=True, help="the JSON or .jsonl file"),
        "fields": Option("table", required=True, help="review field = dotted path"),
        "items": Option(help="dotted path to the list of reviews (default: the document)"),
        **MAPPING_OPTIONS,
    }

    @classmethod
    def check_options(cls, values: Mapping[str, Any]) -> list[str]:
        return check_field_map(values.get("fields"), "fields") + check_rating_map(values)

    async def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        reader = FieldMap(self.config.options["fields"], self.config.option("rating_map"))
        for page in paginate(self.name, self._records(), reader):
            yield page

    def _records(self) -> Iterator[tuple[str, Any]]:
        path = Path(self.config.options["path"])
        try:
            if path.suffix.lower() in (".jsonl", ".ndjson"):
                yield from self._lines(path)
            else:
                yield from self._document(path)
        except OSError as error:
            raise SourceError(f"cannot read {path}: {error.strerror or error}") from error

    def _lines(self, path: Path) -> Iterator[tuple[str, Any]]:
        with path.open("rb") as stream:
            for number, raw in enumerate(stream, start=1):
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                    if not line.strip():
                        continue
                    yield f"line {number}", json.loads(line)
                except (json.JSONDecodeError, UnicodeDecodeError) as error:
                    yield f"line {number}", RecordError(f"not valid JSON: {error}")

    def _document(self, path: Path) -> Iterator[tuple[str, Any]]:
        try:
            document = json.loads(path.read_bytes())
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise SourceError(f"{path} is not valid JSON: {error}") from error
        items_path = self.config.option("items")
        items = dig(document, items_path)
        if not isinstance(items, list):
            where = f"at {items_path!r}" if items_path else "at the top level (set `items`)"
            raise SourceError(f"{path}: expected a list of reviews {where}")
        for index, item in enumerate(items, start=1):
            yield f"item {index}", item
