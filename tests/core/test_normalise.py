"""Rating and time parsing, with property tests for the open-ended inputs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewwatch.sources.normalise import (
    RecordError,
    dig,
    parse_rating,
    parse_time,
    split_translation,
    zone,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, (1, None)),
        ("4", (4, None)),
        (4.6, (5, None)),
        ("3,0", (3, None)),
        ("FIVE", (5, None)),
        ("two", (2, None)),
        ("Negative", (None, "negative")),
        ("good", (None, "positive")),
    ],
)
def test_ratings_in_every_platform_spelling(value: object, expected: tuple[object, object]) -> None:
    assert parse_rating(value) == expected


@pytest.mark.parametrize(
    "value", [None, "", "lots", 0, 6, -1, True, float("nan"), [], "STAR_RATING_UNSPECIFIED"]
)
def test_unreadable_ratings_are_record_errors(value: object) -> None:
    with pytest.raises(RecordError):
        parse_rating(value)


def test_rating_map_words_win() -> None:
    assert parse_rating("Meh", {"meh": 2}) == (2, None)


@given(st.integers(min_value=1, max_value=5))
def test_any_star_number_round_trips(stars: int) -> None:
    assert parse_rating(stars) == (stars, None)
    assert parse_rating(str(stars)) == (stars, None)


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.booleans()))
def test_parse_rating_never_raises_anything_but_record_error(value: object) -> None:
    try:
        stars, polarity = parse_rating(value)
    except RecordError:
        return
    assert (stars is not None and 1 <= stars <= 5) or polarity is not None


EXPECTED = datetime(2017, 11, 15, 16, 10, 34, tzinfo=UTC)


@pytest.mark.parametrize(
    "value",
    [
        "2017-11-15T16:10:34Z",
        "2017-11-15T16:10:34.045123456Z",
        "2017-11-15T08:10:34-08:00",
        1510762234,
        "1510762234",
        1510762234000,
        {"seconds": "1510762234", "nanos": 5000},
    ],
)
def test_times_in_every_platform_format(value: object) -> None:
    assert parse_time(value) == EXPECTED


def test_naive_times_take_the_given_zone_and_dates_are_read() -> None:
    pacific = parse_time("2017-11-15 08:10:34", naive_zone=zone("America/Los_Angeles"))
    assert pacific == EXPECTED
    assert parse_time("11/15/17") == datetime(2017, 11, 15, tzinfo=UTC)
    assert parse_time("2026-11-01") == datetime(2026, 11, 1, tzinfo=UTC)
    with pytest.raises(RecordError):
        parse_time("yesterday")


@given(
    st.datetimes(
        min_value=datetime(1971, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
    )
)
def test_iso_times_round_trip(moment: datetime) -> None:
    moment = moment.replace(microsecond=0)
    assert parse_time(moment.isoformat()) == moment
    assert parse_time(int(moment.timestamp())) == moment


@given(st.text())
def test_parse_time_never_raises_anything_but_record_error(text: str) -> None:
    try:
        result = parse_time(text)
    except RecordError:
        return
    assert result is None or result.tzinfo is not None


def test_dig_follows_dotted_paths() -> None:
    document = {"data": {"items": [{"id": 7}], "n": None}}
    assert dig(document, "data.items.0.id") == 7
    assert dig(document, "data.items.5.id") is None
    assert dig(document, "data.missing.x") is None
    assert dig(document, "") is document


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Just fine", ("Just fine", None)),
        (None, (None, None)),
        ("(Translated by Google) Cold\n\n(Original)\nKalt", ("Kalt", "Cold")),
        ("Kalt\n\n(Translated by Google)\nCold", ("Kalt", "Cold")),
        ("(Translated by Google) Cold", ("(Translated by Google) Cold", None)),
    ],
)
def test_google_translations_are_split_from_the_reviewers_words(
    text: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert split_translation(text) == expected


def test_dates_written_the_european_and_the_asian_way() -> None:
    assert parse_time("07.12.2026") == datetime(2026, 12, 7, tzinfo=UTC)
    assert parse_time("7.12.26") == datetime(2026, 12, 7, tzinfo=UTC)
    assert parse_time("2026/12/07") == datetime(2026, 12, 7, tzinfo=UTC)
    assert parse_time("2026.12.07 14:05") == datetime(2026, 12, 7, 14, 5, tzinfo=UTC)
    assert parse_time("2026年12月7日") == datetime(2026, 12, 7, tzinfo=UTC)
    assert parse_time("12/7/2026 9:30:15") == datetime(2026, 12, 7, 9, 30, 15, tzinfo=UTC)
    with pytest.raises(RecordError, match="not a valid date"):
        parse_time("31.02.2026")
    with pytest.raises(RecordError, match="not a known date format"):
        parse_time("07.12.2026 noon")
