"""Helpers for tests that poll local files through the real store."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from reviewwatch.config import load_config
from reviewwatch.location import Location, parse_location
from reviewwatch.models import PollReport
from reviewwatch.poll import run_poll
from tests.conftest import FAST_RETRY, write_config

FIELDS = {
    "id": "id",
    "rating": "stars",
    "title": "title",
    "body": "text",
    "author": "author",
    "created_at": "created",
    "reply": "reply",
    "language": "lang",
}


def review(identifier: str, stars: int | str = 4, **values: Any) -> dict[str, Any]:
    return {
        "id": identifier,
        "stars": stars,
        "text": values.pop("text", f"Review {identifier}"),
        "created": values.pop("created", "2026-11-20T10:00:00Z"),
        **values,
    }


def write_jsonl(path: Path, records: Iterable[Mapping[str, Any] | str]) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write((record if isinstance(record, str) else json.dumps(record)) + "\n")
    return path


class FileShop:
    """One json_file source in a temporary folder, polled into one database."""

    def __init__(
        self,
        folder: Path,
        *,
        suffix: str = ".jsonl",
        settings: Mapping[str, Any] | None = None,
        db: str | None = None,
    ) -> None:
        """`db`: a file path or a PostgreSQL URL (`engine_db`); a file in `folder` if None."""
        self.folder = folder
        self.data = folder / f"reviews{suffix}"
        self.db: Location = parse_location(db, {}, "db") if db else folder / "reviews.db"
        self.config_path = write_config(
            folder,
            [{"name": "shop", "kind": "json_file", "path": self.data.name, "fields": FIELDS}],
            settings=settings,
        )

    def write(self, records: Iterable[Mapping[str, Any] | str]) -> None:
        if self.data.suffix == ".jsonl":
            write_jsonl(self.data, records)
        else:
            self.data.write_text(json.dumps(list(records)), encoding="utf-8")

    def poll(self, *, full: bool = False) -> PollReport:
        return run_poll(load_config(self.config_path), self.db, full=full, retry=FAST_RETRY)
