"""Users' corrections of a review's triage: its complaint categories (and removal grounds).

A corrected review keeps the corrected labels whatever the model says (`show`, JSON, export,
drafts and next steps all read them), and `reviewwatch triage retrain` learns from them. Each
correction is also kept as a workflow event, so `show` tells who changed what and when.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from reviewwatch.errors import UserError
from reviewwatch.models import utc_now
from reviewwatch.store import from_text, to_text, transaction
from reviewwatch.store.connection import Connection
from reviewwatch.suggest import unknown_name
from reviewwatch.workflow import _record, _require_review


@dataclass(frozen=True, slots=True)
class CorrectionRecord:
    review_id: int
    categories: tuple[str, ...]
    removal_grounds: tuple[str, ...] | None
    actor: str | None
    corrected_at: datetime


def parse_labels(text: str, known: Iterable[str], what: str) -> tuple[str, ...]:
    """`a,b` -> the labels in their canonical order; `''` or `none` -> no label."""
    allowed = tuple(known)
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    if names == ["none"]:
        return ()
    for name in names:
        if name not in allowed:
            raise UserError(unknown_name(what, name, (*allowed, "none")))
    return tuple(name for name in allowed if name in names)


def record_correction(
    conn: Connection,
    review_id: int,
    categories: tuple[str, ...],
    removal_grounds: tuple[str, ...] | None = None,
    *,
    actor: str | None = None,
    now: datetime | None = None,
) -> None:
    """Set a review's categories (and grounds, when given) as a user says they are."""
    moment = now or utc_now()
    with transaction(conn):
        _require_review(conn, review_id)
        conn.execute("DELETE FROM category_corrections WHERE review_id = ?", (review_id,))
        conn.execute(
            "INSERT INTO category_corrections"
            " (review_id, categories, removal_grounds, actor, corrected_at) VALUES (?,?,?,?,?)",
            (
                review_id,
                json.dumps(list(categories)),
                None if removal_grounds is None else json.dumps(list(removal_grounds)),
                actor,
                to_text(moment),
            ),
        )
        value = ",".join(categories) or "none"
        if removal_grounds is not None:
            value += "; grounds " + (",".join(removal_grounds) or "none")
        _record(conn, review_id, "correction", actor=actor, now=moment, value=value)
        # The cached suggestions were made from the old labels.
        conn.execute("DELETE FROM triage WHERE review_id = ?", (review_id,))


def _from_row(row: tuple[int, str, str | None, str | None, str]) -> CorrectionRecord:
    review_id, categories, grounds, actor, at = row
    moment = from_text(at)
    assert moment is not None
    return CorrectionRecord(
        review_id,
        tuple(json.loads(categories)),
        None if grounds is None else tuple(json.loads(grounds)),
        actor,
        moment,
    )


def correction_of(conn: Connection, review_id: int) -> CorrectionRecord | None:
    row = conn.execute(
        "SELECT review_id, categories, removal_grounds, actor, corrected_at"
        " FROM category_corrections WHERE review_id = ?",
        (review_id,),
    ).fetchone()
    return None if row is None else _from_row(row)


def all_corrections(conn: Connection) -> list[CorrectionRecord]:
    rows = conn.execute(
        "SELECT review_id, categories, removal_grounds, actor, corrected_at"
        " FROM category_corrections ORDER BY review_id"
    )
    return [_from_row(row) for row in rows]
