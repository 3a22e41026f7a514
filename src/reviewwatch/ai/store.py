"""AI answers cached per review version and model, and the monthly count of requests.

A cached answer is keyed on the review's version, the model and a hash of the whole request,
so an edited review, another model, a new voice or new business details ask again, and
nothing else does. Statements are plain SQL that PostgreSQL reads the same way.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from reviewwatch.ai.model import AiError
from reviewwatch.models import Review, utc_now
from reviewwatch.store import to_text, transaction
from reviewwatch.store.connection import Connection


def request_key(*parts: str) -> str:
    """A short hash of everything that was asked."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()[:24]


def cached_result(
    conn: Connection, review: Review, *, model: str, kind: str, request: str
) -> Any | None:
    row = conn.execute(
        "SELECT result FROM ai_results WHERE review_id = ? AND version = ? AND model = ?"
        " AND kind = ? AND request = ?",
        (review.id, review.version, model, kind, request),
    ).fetchone()
    return json.loads(row[0]) if row else None


def latest_result(conn: Connection, review: Review, *, model: str, kind: str) -> Any | None:
    """The newest cached answer of this kind for the review's current version, whatever asked."""
    row = conn.execute(
        "SELECT result FROM ai_results WHERE review_id = ? AND version = ? AND model = ?"
        " AND kind = ? ORDER BY created_at DESC LIMIT 1",
        (review.id, review.version, model, kind),
    ).fetchone()
    return json.loads(row[0]) if row else None


def keep_result(
    conn: Connection,
    review: Review,
    *,
    model: str,
    kind: str,
    request: str,
    result: Any,
) -> None:
    with transaction(conn):
        conn.execute(
            "INSERT INTO ai_results (review_id, version, model, kind, request, result, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (review_id, version, model, kind, request)"
            " DO UPDATE SET result = excluded.result, created_at = excluded.created_at",
            (
                review.id,
                review.version,
                model,
                kind,
                request,
                json.dumps(result, ensure_ascii=False),
                to_text(utc_now()),
            ),
        )


def month_of(moment: datetime) -> str:
    return f"{moment:%Y-%m}"


def requests_this_month(conn: Connection, now: datetime | None = None) -> int:
    row = conn.execute(
        "SELECT requests FROM ai_usage WHERE month = ?", (month_of(now or utc_now()),)
    ).fetchone()
    return int(row[0]) if row else 0


def take_request(conn: Connection, budget: int | None, now: datetime | None = None) -> None:
    """Count one request to the model; AiError when this month's budget is spent."""
    month = month_of(now or utc_now())
    with transaction(conn):
        row = conn.execute("SELECT requests FROM ai_usage WHERE month = ?", (month,)).fetchone()
        used = int(row[0]) if row else 0
        if budget is not None and used >= budget:
            raise AiError(
                f"this month's AI budget of {budget} requests is spent ([ai] monthly_budget)"
            )
        conn.execute(
            "INSERT INTO ai_usage (month, requests) VALUES (?, 1)"
            " ON CONFLICT (month) DO UPDATE SET requests = ai_usage.requests + 1",
            (month,),
        )
