"""CSV straight from the rows (`write_csv_export`): the same bytes as through Review objects."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewwatch.export import write_csv_export, write_export
from reviewwatch.location import Location, PostgresUrl
from reviewwatch.models import Review
from reviewwatch.replies import mark_replied
from reviewwatch.store import ReviewFilter, connect, get_review, iter_reviews
from reviewwatch.store.connection import Connection
from tests.engines import postgres_database
from tests.filesources import FileShop, review

HOSTILE = [
    review("=1+1", 1, text='=HYPERLINK("http://x")', title="+plus", author="@someone"),
    review("-dash", 2, text="-minus, with a comma", title="\tTab", author="\rCR"),
    review("q", 5, text='He said "fine"\nthen left', lang="lv", title=""),
    review("zh", 1, text="质量太差，客服也不回复。", author="林小姐", lang="zh"),
    review("plain", 4, text="Nice", created="2026-11-21T09:30:00Z"),
]


def polled(tmp_path: Path, db: str | None = None) -> Location:
    shop = FileShop(tmp_path, db=db)
    shop.write(HOSTILE[:2])
    shop.poll()  # a baseline: nothing flagged
    shop.write(HOSTILE)
    shop.poll()  # news: the 1-2 star ones are flagged, with a due time
    conn = connect(shop.db)
    try:
        # Replies marked by hand: on a flagged review, and on one that is not, by a name
        # that starts like a formula.
        for review_id, text, actor in ((1, "Sorry, we are on it.", "anna"), (4, "", "-bob")):
            mark_replied(conn, get_review(conn, review_id), text, actor=actor)
    finally:
        conn.close()
    return shop.db


def both(db: Location, where: ReviewFilter, **options: Any) -> tuple[str, str]:
    conn = connect(db)
    try:
        slow, fast = io.StringIO(), io.StringIO()
        slow_count = write_export(iter_reviews(conn, where), slow, fmt="csv", **options)
        fast_count = write_csv_export(conn, where, fast, **options)
    finally:
        conn.close()
    assert slow_count == fast_count
    return slow.getvalue(), fast.getvalue()


def test_rows_give_the_same_bytes_as_reviews(tmp_path: Path, engine_db: str) -> None:
    db = polled(tmp_path, engine_db)
    slow, fast = both(db, ReviewFilter())
    assert fast == slow
    assert "'=1+1" in fast and "'-minus, with a comma" in fast and ",true," in fast
    assert ',"Sorry, we are on it.",' in fast and ",'-bob,marked\r\n" in fast
    assert both(db, ReviewFilter(flagged=True, limit=2), bom=True)[1].startswith("\ufeff")
    assert both(db, ReviewFilter(sources=("nothing",)))[1].count("\r\n") == 1


def test_annotate_is_asked_about_flagged_reviews_only(tmp_path: Path, engine_db: str) -> None:
    db = polled(tmp_path, engine_db)
    asked: list[str] = []

    def annotate(item: Review) -> dict[str, Any]:
        asked.append(item.external_id)
        if not item.flagged:
            return {}
        return {"categories": ["=formula"], "next_steps": [{"action": "call", "deadline": "x"}]}

    slow, fast = both(db, ReviewFilter(), annotate=annotate)
    assert fast == slow and "'=formula" in fast and "call (by x)" in fast
    flagged = {r.external_id for r in iter_reviews(connect(db), ReviewFilter(flagged=True))}
    fast_asked = asked[len(asked) - len(flagged) :]
    assert set(fast_asked) == flagged


cell_text = st.none() | st.text(
    alphabet=st.sampled_from(list(",\"\r\n'=+-@\t ;aZ9é林\x00"))
    | st.characters(exclude_categories=["Cs"]),
    max_size=10,
)


def _any_text_export(conn: Connection, rows: list[tuple[str | None, ...]]) -> None:
    conn.execute("DELETE FROM reviews")
    conn.execute("DELETE FROM sources")
    conn.execute("INSERT INTO sources (id, name, kind, platform) VALUES (1, '-shop,', 'x', 'y')")
    for number, (title, body, author, subject) in enumerate(rows, start=1):
        conn.execute(
            "INSERT INTO reviews (source_id, external_id, rating, title, body, author, subject,"
            " flagged, first_seen_at, sort_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?,"
            " '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')",
            (f"r{number}", number % 5 + 1, title, body, author, subject, number % 2),
        )
    slow, fast = io.StringIO(), io.StringIO()
    write_export(iter_reviews(conn, ReviewFilter()), slow, fmt="csv")
    write_csv_export(conn, ReviewFilter(), fast)
    assert fast.getvalue() == slow.getvalue()


Cells = st.lists(st.tuples(cell_text, cell_text, cell_text, cell_text), max_size=6)


@settings(max_examples=80, deadline=None)
@given(rows=Cells)
def test_any_text_gives_the_same_bytes_as_reviews(
    rows: list[tuple[str | None, str | None, str | None, str | None]],
) -> None:
    conn = connect(Path(":memory:"))
    _any_text_export(conn, list(rows))


@pytest.fixture(scope="module")
def postgres_conn() -> Iterator[Connection]:
    with postgres_database() as url:
        conn = connect(PostgresUrl(url))
        try:
            yield conn
        finally:
            conn.close()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=Cells)
def test_any_text_gives_the_same_bytes_as_reviews_on_postgresql(
    postgres_conn: Connection, rows: list[tuple[str | None, str | None, str | None, str | None]]
) -> None:
    # PostgreSQL's own first-code-point function, NULs dropped (its text cannot hold them).
    _any_text_export(postgres_conn, list(rows))
