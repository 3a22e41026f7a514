"""Small helpers the kinds' own tests share: documented payloads, one-off polls, stored reviews."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from reviewwatch.config import load_config
from reviewwatch.models import PollReport
from reviewwatch.poll import run_poll
from reviewwatch.store import ReviewFilter, connect, iter_reviews
from tests.conftest import FAST_RETRY, write_config
from tests.loopback import LoopbackServer, Request, Response

PAYLOADS = Path(__file__).resolve().parents[3] / "shared" / "payloads"


def payload_path(name: str) -> Path:
    """A documented payload's file; the test is skipped when the payloads are not available."""
    path = PAYLOADS / name
    if not path.exists():
        pytest.skip("the documented payloads are not available")
    return path


def payload(name: str) -> Any:
    """A documented JSON payload, parsed."""
    return json.loads(payload_path(name).read_text(encoding="utf-8"))


def poll_sources(
    folder: Path, db_path: Path, *sources: Mapping[str, Any], full: bool = False
) -> PollReport:
    """One poll of a config file holding these `[[sources]]` tables."""
    config = load_config(write_config(folder, sources))
    return run_poll(config, db_path, full=full, retry=FAST_RETRY)


def stored(db_path: Path) -> dict[str, Any]:
    """The stored reviews by external id."""
    return {review.external_id: review for review in iter_reviews(connect(db_path), ReviewFilter())}


async def no_sleep(_seconds: float) -> None:
    return None


def refuse_later_page_once(server: LoopbackServer, path: str, arg: str, refusal: Response) -> None:
    """Answer `refusal` to the first request for a later page (one with `arg`), once."""
    listing = server.routes[("GET", path)]
    refused: list[Request] = []

    def handler(request: Request) -> Response:
        if request.arg(arg) and not refused:
            refused.append(request)
            return refusal
        return listing(request)

    server.route("GET", path, handler)
