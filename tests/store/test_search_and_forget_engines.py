"""Search and forgetting a source on both engines: FTS5 on SQLite, ILIKE on PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reviewwatch.errors import UserError
from reviewwatch.store import ReviewFilter, connect, count_reviews, dialect, iter_reviews
from reviewwatch.store.forget import forget_source
from reviewwatch.store.search import sync_index
from tests.filesources import FileShop, review

RECORDS = [
    review("a", 5, text="Lovely tea, the battery of the kettle lasts long", author="Ann"),
    review("b", 1, text="Battery died. The lid cracked too", author="Bo"),
    review("c", 2, text="The lid cracked in the post", author="Cy"),
    review("d", 4, text="Fine 100% cotton_bag", author="Battery Fan"),
]


def _found(shop: FileShop, query: str, **filters: Any) -> set[str]:
    conn = connect(shop.db)
    try:
        sync_index(conn)
        where = ReviewFilter(search=query, **filters)
        found = {r.external_id for r in iter_reviews(conn, where)}
        assert count_reviews(conn, where) == len(found)
    finally:
        conn.close()
    return found


def test_search_finds_the_same_reviews_on_both_engines(tmp_path: Path, engine_db: str) -> None:
    shop = FileShop(tmp_path, db=engine_db)
    shop.write(RECORDS)
    shop.poll()
    assert _found(shop, "battery") == {"a", "b", "d"}  # the author is searched too
    assert _found(shop, "BATTERY lid") == {"b"}  # every word, any case
    assert _found(shop, '"lid cracked"') == {"b", "c"}
    assert _found(shop, "batt*") == {"a", "b", "d"}
    assert _found(shop, "lid", max_stars=1) == {"b"}  # beside another filter
    assert _found(shop, "nowhere") == set()


def test_postgresql_search_takes_percent_and_underscore_literally(
    tmp_path: Path, engine_db: str
) -> None:
    shop = FileShop(tmp_path, db=engine_db)
    shop.write(RECORDS)
    shop.poll()
    conn = connect(shop.db)
    engine = dialect.dialect_of(conn)
    conn.close()
    if engine == dialect.SQLITE:
        pytest.skip("FTS5 reads % and _ as separators, not as LIKE wildcards")
    assert _found(shop, '"100%"') == {"d"}
    assert _found(shop, '"n_b"') == {"d"}
    assert _found(shop, "t_n") == set()  # not "any one character" (cotton)
    assert _found(shop, "1%c") == set()  # not "anything" (100% cotton)
    with pytest.raises(UserError, match="OR is a full-text operator"):
        _found(shop, "lid OR tea")


def test_forget_deletes_a_source_and_its_rows_on_both_engines(
    tmp_path: Path, engine_db: str
) -> None:
    shop = FileShop(tmp_path, db=engine_db)
    shop.write(RECORDS[:2])
    shop.poll()
    shop.write(RECORDS)
    shop.poll()  # c is flagged: it has triage and events beside its versions
    conn = connect(shop.db)
    try:
        before = conn.execute("SELECT count(*) FROM review_versions").fetchone()[0]
        assert before >= 4
        forgotten = forget_source(conn, "shop")
        assert forgotten.reviews == 4
        for table in ("reviews", "review_versions", "review_events", "sources"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    finally:
        conn.close()
