"""`csv_file`: reviews from a local CSV export (Play Console's UTF-16 files included)."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from reviewwatch.errors import SourceError
from reviewwatch.sources.base import Option, encoding_problem
from reviewwatch.sources.mapped import (
    MAPPING_OPTIONS,
    MappedFileSource,
    check_field_map,
    check_rating_map,
)

# Review bodies can be long; the csv module's default cap of 128 KiB per field is too small.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class CsvFileSource(MappedFileSource):
    """A CSV file with a header row; columns are found by their header names."""

    kind = "csv_file"
    map_option = "columns"
    options: ClassVar[Mapping[str, Option]] = {
        "path": Option("path", required=True, help="the CSV file"),
        "columns": Option("table", required=True, help="review field = column header"),
        "delimiter": Option(default=",", help="one character"),
        "encoding": Option(default="utf-8", help="utf-8, utf-16 (Play Console exports), ..."),
        **MAPPING_OPTIONS,
    }

    @classmethod
    def check_options(cls, values: Mapping[str, Any]) -> list[str]:
        problems = check_field_map(values.get("columns"), "columns") + check_rating_map(values)
        delimiter = values.get("delimiter", ",")
        if isinstance(delimiter, str) and len(delimiter) != 1:
            problems.append("delimiter: must be exactly one character")
        wrong_encoding = encoding_problem(values.get("encoding"))
        if wrong_encoding:
            problems.append(f"encoding: {wrong_encoding}")
        return problems

    def _records(self) -> Iterator[tuple[str, Any]]:
        path = Path(self.config.options["path"])
        encoding = self.config.option("encoding") or "utf-8"
        if encoding.lower().replace("-", "") == "utf8":
            encoding = "utf-8-sig"  # Excel writes a byte-order mark
        try:
            with path.open(encoding=encoding, newline="") as stream:
                rows = csv.DictReader(stream, delimiter=self.config.option("delimiter") or ",")
                missing = self._missing_columns(rows.fieldnames or [])
                if missing:
                    raise SourceError(
                        f"{path}: no column named {', '.join(map(repr, missing))} "
                        f"(the header has {', '.join(map(repr, rows.fieldnames or []))})"
                    )
                for row in rows:
                    # Line numbers count the header as line 1, as a spreadsheet does.
                    yield f"row {rows.line_num}", row
        except OSError as error:
            raise SourceError(f"cannot read {path}: {error.strerror or error}") from error
        except UnicodeDecodeError as error:
            raise SourceError(
                f"{path} is not {encoding} text ({error.reason}); set `encoding` for this source"
            ) from error
        except csv.Error as error:
            raise SourceError(f"{path}: malformed CSV: {error}") from error

    def _missing_columns(self, header: Sequence[str]) -> list[str]:
        wanted: Mapping[str, str] = self.config.options["columns"]
        present = {name.strip() for name in header}
        return [column for column in wanted.values() if column not in present]
