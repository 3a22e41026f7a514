"""`json_file`: reviews from a local JSON document or a `.jsonl` file (read line by line)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from json.scanner import make_scanner
from pathlib import Path
from typing import Any, ClassVar, cast

from reviewwatch.errors import SourceError
from reviewwatch.sources.base import Option
from reviewwatch.sources.mapped import (
    MAPPING_OPTIONS,
    MappedFileSource,
    check_field_map,
    check_rating_map,
)
from reviewwatch.sources.normalise import RecordError, dig, json_problem, load_json

# What `json.loads` runs: the decoder's C scanner (typeshed types its argument oddly), and
# JSON's whitespace.
_scan_value = make_scanner(cast(Any, json.JSONDecoder()))
_JSON_SPACE = " \t\n\r"


def _value_of_line(line: str) -> Any:
    """`json.loads(line)`, with the same errors, minus the Python layers around the C scanner
    that every call of `loads` goes through."""
    try:
        value, end = _scan_value(line, len(line) - len(line.lstrip(_JSON_SPACE)))
    except StopIteration as error:
        if line.startswith("\ufeff"):
            raise json.JSONDecodeError(
                "Unexpected UTF-8 BOM (decode using utf-8-sig)", line, 0
            ) from None
        raise json.JSONDecodeError("Expecting value", line, error.value) from None
    extra = line[end:].lstrip(_JSON_SPACE)
    if extra:
        raise json.JSONDecodeError("Extra data", line, len(line) - len(extra))
    return value


class JsonFileSource(MappedFileSource):
    """A JSON file the user exports or another tool writes; re-read in full on every poll."""

    kind = "json_file"
    map_option = "fields"
    options: ClassVar[Mapping[str, Option]] = {
        "path": Option("path", required=True, help="the JSON or .jsonl file"),
        "fields": Option("table", required=True, help="review field = dotted path"),
        "items": Option(help="dotted path to the list of reviews (default: the document)"),
        **MAPPING_OPTIONS,
    }

    @classmethod
    def check_options(cls, values: Mapping[str, Any]) -> list[str]:
        return check_field_map(values.get("fields"), "fields") + check_rating_map(values)

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
                    if not line or line.isspace():
                        continue
                    yield f"line {number}", _value_of_line(line)
                except (ValueError, RecursionError) as error:  # JSONDecodeError, digits, depth
                    if not isinstance(error, json.JSONDecodeError | UnicodeDecodeError):
                        try:
                            yield f"line {number}", load_json(raw.decode("utf-8-sig"))
                            continue
                        except (ValueError, RecursionError) as again:
                            error = again
                    yield f"line {number}", RecordError(f"not valid JSON: {json_problem(error)}")

    def _document(self, path: Path) -> Iterator[tuple[str, Any]]:
        try:
            document = load_json(path.read_bytes())
        except (ValueError, RecursionError) as error:
            raise SourceError(f"{path} is not valid JSON: {json_problem(error)}") from None
        items_path = self.config.option("items")
        items = dig(document, items_path)
        if not isinstance(items, list):
            where = f"at {items_path!r}" if items_path else "at the top level (set `items`)"
            raise SourceError(f"{path}: expected a list of reviews {where}")
        for index, item in enumerate(items, start=1):
            yield f"item {index}", item
