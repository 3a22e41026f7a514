"""Polling local files through the real store: baseline, new, edits, flags, removal, bad records."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewwatch.location import Location
from reviewwatch.models import Review
from reviewwatch.store import ReviewFilter, connect, get_review, iter_reviews, review_versions
from tests.filesources import FileShop, review


def all_reviews(db: Location) -> list[Review]:
    return list(iter_reviews(connect(db), ReviewFilter()))


def test_first_poll_is_a_baseline_then_new_reviews_are_reported(
    tmp_path: Path, engine_db: str
) -> None:
    shop = FileShop(tmp_path, db=engine_db)
    shop.write([review("a", 5), review("b", 1)])
    first = shop.poll()
    assert first.baseline == 2 and first.new == () and first.flagged == ()
    assert first.sources[0].baseline
    shop.write([review("c", 2), review("a", 5), review("b", 1)])
    second = shop.poll()
    assert [r.external_id for r in second.new] == ["c"]
    assert [r.external_id for r in second.flagged] == ["c"]
    flagged = second.flagged[0]
    assert flagged.status == "new" and flagged.due_at is not None
    assert (flagged.due_at - flagged.first_seen_at).total_seconds() == 24 * 3600


def test_an_edit_is_a_new_version_and_a_drop_into_the_flagged_range_flags_it(
    tmp_path: Path, engine_db: str
) -> None:
    shop = FileShop(tmp_path, db=engine_db)
    shop.write([review("a", 4, text="Fine")])
    shop.poll()
    shop.write([review("a", 1, text="Broke after a week")])
    report = shop.poll()
    assert [r.external_id for r in report.updated] == ["a"]
    assert [r.external_id for r in report.flagged] == ["a"]
    conn = connect(shop.db)
    versions = review_versions(conn, report.updated[0].id)
    assert [(v.version, v.rating, v.body, v.change) for v in versions] == [
        (1, 4, "Fine", "new"),
        (2, 1, "Broke after a week", "edited"),
    ]


def test_a_rating_that_rises_unflags_without_a_new_alert(tmp_path: Path, engine_db: str) -> None:
    shop = FileShop(tmp_path, db=engine_db)
    shop.write([review("a", 1)])
    shop.poll()
    shop.write([review("a", 5, text="They fixed it")])
    report = shop.poll()
    assert report.flagged == ()
    assert report.updated[0].flagged is False and report.updated[0].rating == 5


def test_a_reply_appearing_is_a_version_and_marks_the_review_replied(
    tmp_path: Path, engine_db: str
) -> None:
    shop = FileShop(tmp_path, db=engine_db)
    shop.write([review("a", 5)])
    shop.poll()
    shop.write([review("b", 1), review("a", 5)])
    shop.poll()
    shop.write([review("b", 1, reply="Sorry, a replacement is on its way."), review("a", 5)])
    report = shop.poll()
    assert report.updated[0].reply and report.updated[0].status == "replied"


def test_a_review_missing_from_a_complete_file_is_marked_removed_never_deleted(
    tmp_path: Path, engine_db: str
) -> None:
    shop = FileShop(tmp_path, db=engine_db)
    shop.write([review("a"), review("b")])
    shop.poll()
    shop.write([review("a")])
    report = shop.poll()
    assert report.sources[0].removed == 1
    removed = [r for r in all_reviews(shop.db) if r.removed_at]
    assert [r.external_id for r in removed] == ["b"]
    shop.write([review("a"), review("b")])
    back = shop.poll()
    assert [r.external_id for r in back.updated] == ["b"]
    assert get_review(connect(shop.db), back.updated[0].id).removed_at is None


def test_malformed_records_are_reported_with_position_and_skipped(
    tmp_path: Path, engine_db: str
) -> None:
    shop = FileShop(tmp_path, db=engine_db)
    shop.write(
        [review("a"), "{not json", review("b", "lots"), {"stars": 3}, review("c", 9), review("d")]
    )
    report = shop.poll()
    assert report.sources[0].ok
    assert report.baseline == 2
    assert [(p.position, p.reason.split(":")[0]) for p in report.problems] == [
        ("line 2", "not valid JSON"),
        ("line 3", "rating 'lots' is not a number or a known word"),
        ("line 4", "id is missing"),
        ("line 5", "rating 9 is outside 1-5"),
    ]


def test_a_file_where_nothing_can_be_read_fails_the_source_clearly(
    tmp_path: Path, engine_db: str
) -> None:
    shop = FileShop(tmp_path, db=engine_db)
    shop.write([{"identifier": "a", "score": 3}, {"identifier": "b", "score": 1}])
    report = shop.poll()
    assert not report.sources[0].ok
    assert "check the field mapping" in (report.sources[0].error or "")


def test_a_json_document_with_an_items_path(tmp_path: Path, engine_db: str) -> None:
    shop = FileShop(tmp_path, suffix=".json", db=engine_db)
    shop.write([review("a", 2)])
    report = shop.poll()
    assert report.baseline == 1


def test_a_per_source_flag_threshold_and_polarity_words(tmp_path: Path, engine_db: str) -> None:
    shop = FileShop(tmp_path, settings={"flag_max_stars": 3}, db=engine_db)
    shop.write([review("a", 5)])
    shop.poll()
    shop.write([review("b", 3), review("c", "Negative"), review("d", "Positive"), review("a", 5)])
    report = shop.poll()
    assert sorted(r.external_id for r in report.flagged) == ["b", "c"]
    negative = next(r for r in report.new if r.external_id == "c")
    assert negative.rating is None and negative.polarity == "negative"


def test_a_review_listed_twice_is_stored_once(tmp_path: Path, engine_db: str) -> None:
    shop = FileShop(tmp_path, db=engine_db)
    shop.write([review("a", 2), review("a", 2), review("b", 4)])
    shop.poll()
    assert sorted(r.external_id for r in all_reviews(shop.db)) == ["a", "b"]


def test_hundreds_of_new_reviews_in_one_page_keep_every_version_flag_and_deadline(
    tmp_path: Path, engine_db: str
) -> None:
    shop = FileShop(tmp_path, db=engine_db)
    old = [review(f"old{number}", 1 + number % 5) for number in range(150)]
    shop.write(old)
    assert shop.poll().baseline == 150
    news = [
        review(f"new{number}", 1 + number % 5, reply="On its way" if number % 3 == 0 else None)
        for number in range(260)
    ]
    shop.write(news + old)
    report = shop.poll()
    assert sorted(r.external_id for r in report.new) == sorted(r["id"] for r in news)
    assert sorted(r.external_id for r in report.flagged) == sorted(
        r["id"] for r in news if r["stars"] <= 2
    )
    conn = connect(shop.db)
    for stored in iter_reviews(conn, ReviewFilter()):
        is_new = stored.external_id.startswith("new")
        assert stored.flagged == (stored.rating is not None and stored.rating <= 2)
        assert (stored.due_at is not None) == (is_new and stored.flagged and not stored.reply)
        versions = review_versions(conn, stored.id)
        assert [(v.version, v.change, v.rating, v.body, v.reply) for v in versions] == [
            (1, "new", stored.rating, stored.body, stored.reply)
        ]
        assert versions[0].seen_at == stored.first_seen_at


def test_a_poll_of_local_files_only_opens_no_http_client(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_client(**_options: object) -> None:
        raise AssertionError("an HTTP client was opened")

    monkeypatch.setattr("reviewwatch.sources.http.new_client", no_client)
    shop = FileShop(tmp_path)
    shop.write([review("a")])
    assert shop.poll().baseline == 1


records = st.lists(
    st.fixed_dictionaries(
        {
            "id": st.text(alphabet="abcdefgh0123", min_size=1, max_size=4),
            "stars": st.integers(min_value=1, max_value=5),
            "text": st.text(max_size=40),
            "created": st.sampled_from(["2026-11-20T10:00:00Z", "2025-01-01T00:00:00Z", None]),
        }
    ),
    max_size=25,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=records)
def test_polling_the_same_data_twice_changes_nothing(
    tmp_path_factory: pytest.TempPathFactory, data: list[dict[str, object]]
) -> None:
    folder = tmp_path_factory.mktemp("idempotent")
    shop = FileShop(folder)
    shop.write(data)
    shop.poll()
    snapshot = _dump(shop.db)
    again = shop.poll()
    assert (again.new, again.updated, again.flagged) == ((), (), ())
    assert _dump(shop.db) == snapshot


def _dump(db: Location) -> list[tuple[object, ...]]:
    assert isinstance(db, Path), "a FileShop made without a db= keeps its store in a file"
    raw = sqlite3.connect(db)
    rows = raw.execute("SELECT * FROM reviews ORDER BY id").fetchall()
    versions = raw.execute("SELECT * FROM review_versions ORDER BY review_id, version").fetchall()
    return rows + versions
