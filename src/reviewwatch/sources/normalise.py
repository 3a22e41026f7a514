"""Turning platforms' many spellings of ratings, times and fields into one shape."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from reviewwatch.models import FetchedReview, Polarity

# The fields a field mapping can fill, in the order `review_from_values` takes them.
REVIEW_FIELDS: tuple[str, ...] = (
    "id",
    "rating",
    "title",
    "body",
    "author",
    "created_at",
    "updated_at",
    "url",
    "subject",
    "order_id",
    "reply",
    "language",
)
_WORD_RATINGS: Mapping[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
}
_POLARITY_WORDS: Mapping[str, Polarity] = {
    "positive": "positive",
    "good": "positive",
    "neutral": "neutral",
    "negative": "negative",
    "bad": "negative",
}
_MISSING = object()


class RecordError(ValueError):
    """One record cannot be read; the message says why."""


class OversizedNumber:
    """A JSON number too long to convert (Python refuses ints over 4,300 digits).

    The parser puts one in place of such a number, so that only the record holding it is
    skipped: every reader refuses it as a rating, a time, an id or a text.
    """

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"<a number of {self.digits} digits>"

    __str__ = __repr__


def load_json(content: bytes | str) -> Any:
    """`json.loads`, except that a number over Python's 4,300 digits becomes an
    `OversizedNumber` (so only its record is refused). Raises ValueError or RecursionError;
    `json_problem` words them."""
    try:
        return json.loads(content)
    except ValueError as error:
        if isinstance(error, json.JSONDecodeError | UnicodeDecodeError):
            raise
        return json.loads(content, parse_int=_int_or_oversized)


def json_problem(error: ValueError | RecursionError) -> str:
    """Why a text is not usable JSON, in words."""
    if isinstance(error, RecursionError):
        return "it is nested too deeply"
    if isinstance(error, json.JSONDecodeError | UnicodeDecodeError):
        return str(error)
    return "a number in it has too many digits"


def _int_or_oversized(text: str) -> int | OversizedNumber:
    try:
        return int(text)
    except ValueError:
        return OversizedNumber(len(text))


def expect_object(record: Any) -> Mapping[str, Any]:
    """A record that must be a JSON object (a mapping); anything else is a RecordError."""
    if type(record) is dict or isinstance(record, Mapping):
        return record
    raise RecordError(f"expected an object, got {type(record).__name__}")


def required_text(value: Any, name: str) -> str:
    """A field that must hold text, such as the review's id; RecordError `<name> is missing`."""
    text = text_or_none(value)
    if text is None:
        raise RecordError(f"{name} is missing")
    return text


def dig(document: Any, path: str | None) -> Any:
    """Follow a dotted path (`data.reviews`, `items.0.id`) into parsed JSON; None when absent."""
    if not path:
        return document
    return dig_parts(document, path.split("."))


def dig_parts(document: Any, parts: Sequence[str]) -> Any:
    """`dig` with the path already split (for hot loops)."""
    current = document
    for part in parts:
        if type(current) is dict or isinstance(current, Mapping):
            current = current.get(part, _MISSING)
        elif isinstance(current, list) and re.fullmatch(r"-?\d+", part):
            index = int(part)
            current = current[index] if -len(current) <= index < len(current) else _MISSING
        else:
            return None
        if current is _MISSING:
            return None
    return current


def parse_rating(
    value: Any, rating_map: Mapping[str, int] | None = None
) -> tuple[int | None, Polarity | None]:
    """A rating as (stars 1-5, polarity); raises RecordError for a value it cannot read.

    Accepts numbers and numeric strings (4.6 rounds to 5), `ONE`..`FIVE`, polarity words
    (`Positive`, `bad`) and the words of a `rating_map`.
    """
    if type(value) is int and 1 <= value <= 5:
        return value, None
    if value is None or value == "":
        raise RecordError("rating is missing")
    if isinstance(value, bool):
        raise RecordError(f"rating {value!r} is not a number")
    if isinstance(value, str):
        word = value.strip()
        if rating_map:
            for key, stars in rating_map.items():
                if key.casefold() == word.casefold():
                    return _stars(stars), None
        lowered = word.casefold()
        if lowered in _WORD_RATINGS:
            return _WORD_RATINGS[lowered], None
        if lowered in _POLARITY_WORDS:
            return None, _POLARITY_WORDS[lowered]
        try:
            value = float(word.replace(",", "."))
        except ValueError:
            raise RecordError(f"rating {value!r} is not a number or a known word") from None
    if isinstance(value, int | float):
        return _stars(value), None
    raise RecordError(f"rating {value!r} is not a number")


def _stars(value: float) -> int:
    if math.isnan(value) or not 0 < value <= 5:
        raise RecordError(f"rating {value!r} is outside 1-5")
    return max(1, min(5, math.floor(value + 0.5)))


def parse_time(value: Any, *, naive_zone: tzinfo = UTC) -> datetime | None:
    """A timestamp in UTC, from the many forms platforms use; raises RecordError if unreadable.

    ISO 8601 with `Z`, an offset or none (then `naive_zone`), a bare date, `YYYY-MM-DD HH:MM:SS`,
    epoch seconds or milliseconds (number or string), and Google's `{seconds, nanos}`.
    """
    if value is None or value == "":
        return None
    if type(value) is str:
        try:
            # The common case, ISO 8601 with Z or an offset, parsed in C.
            parsed = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if parsed.tzinfo is UTC and not parsed.microsecond:
                return parsed  # already what the rest would make of it
            return _in_utc(parsed, naive_zone, value)
    if isinstance(value, Mapping) and "seconds" in value:
        # Stored times are whole seconds: the nanos are dropped, never rounded up.
        try:
            value = int(value["seconds"])
        except (TypeError, ValueError):
            raise RecordError(f"time {value!r} is not a time") from None
    if isinstance(value, bool):
        raise RecordError(f"time {value!r} is not a time")
    if isinstance(value, str) and re.fullmatch(r"\d{9,13}(\.\d+)?", value.strip()):
        value = float(value)
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 10**11 else value
        try:
            return datetime.fromtimestamp(seconds, UTC).replace(microsecond=0)
        except (OverflowError, OSError, ValueError):
            raise RecordError(f"time {value!r} is out of range") from None
    if isinstance(value, datetime | date):
        value = value.isoformat()
    if not isinstance(value, str):
        raise RecordError(f"time {value!r} is not a time")
    return _parse_time_text(value.strip(), naive_zone)


def _parse_time_text(text: str, naive_zone: tzinfo) -> datetime:
    cleaned = re.sub(r"[Zz]$", "+00:00", text)
    # Python's parser takes at most 6 fractional digits; Google sends up to 9.
    cleaned = re.sub(r"(\.\d{6})\d+", r"\1", cleaned)
    try:
        parsed = datetime.fromisoformat(cleaned)
    except ValueError:
        parsed = _parse_slashed_date(text)
    return _in_utc(parsed, naive_zone, text)


def _in_utc(parsed: datetime, naive_zone: tzinfo, text: str) -> datetime:
    """`parsed` in UTC; RecordError when that falls outside the years 1-9999
    (`9999-12-31T23:59:59-01:00`)."""
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=naive_zone)
    try:
        return parsed.astimezone(UTC).replace(microsecond=0)
    except (OverflowError, ValueError):
        raise RecordError(f"time {text!r} is out of range") from None


# Dates written the ways review exports write them, each with its order of the parts: the US
# form Amazon reports use (M/D/YY or M/D/YYYY), the European one with dots (D.M.YYYY, day
# first: "07.12.2026"), year first with slashes or dots ("2026/12/07"), and the Chinese and
# Japanese one ("2026年12月7日"). A time of day may follow.
_WRITTEN_DATES = (
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})"), ("month", "day", "year")),
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})"), ("day", "month", "year")),
    (re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})"), ("year", "month", "day")),
    (re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"), ("year", "month", "day")),
)
_TIME_OF_DAY = re.compile(r"(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def _parse_slashed_date(text: str) -> datetime:
    """A date written in one of `_WRITTEN_DATES`' forms, perhaps with a time of day; raises
    RecordError otherwise."""
    for pattern, order in _WRITTEN_DATES:
        match = pattern.match(text)
        clock = _TIME_OF_DAY.fullmatch(text, match.end()) if match else None
        if match is None or clock is None:
            continue
        parts = dict(zip(order, (int(group) for group in match.groups()), strict=True))
        year = parts["year"] + 2000 if parts["year"] < 100 else parts["year"]
        hour, minute, second = (int(group or 0) for group in clock.groups())
        try:
            return datetime(year, parts["month"], parts["day"], hour, minute, second)
        except ValueError:
            raise RecordError(f"time {text!r} is not a valid date") from None
    raise RecordError(f"time {text!r} is not a known date format")


def time_or_none(value: Any) -> datetime | None:
    """`parse_time` for a time that is only informative (a reply's): None when unreadable."""
    try:
        return parse_time(value)
    except (ValueError, TypeError):  # RecordError is a ValueError
        return None


def zone(name: str) -> tzinfo:
    """A time zone by IANA name."""
    return ZoneInfo(name)


def text_or_none(value: Any) -> str | None:
    """A field as text; empty strings and nulls become None."""
    if value is None:
        return None
    if type(value) is str:
        return value.strip() or None
    if isinstance(value, Mapping | list):
        raise RecordError(f"expected text, got {type(value).__name__}")
    if isinstance(value, OversizedNumber):
        raise RecordError(f"expected text, got {value}")
    text = str(value).strip()
    return text or None


def review_from_fields(
    values: Mapping[str, Any], rating_map: Mapping[str, int] | None = None
) -> FetchedReview:
    """Build a FetchedReview from values already picked by a field mapping."""
    return review_from_values(list(map(values.get, REVIEW_FIELDS)), rating_map)


def review_from_values(
    values: Sequence[Any], rating_map: Mapping[str, int] | None = None
) -> FetchedReview:
    """`review_from_fields` with the values in the order of REVIEW_FIELDS (for hot loops).

    The fields are read in that order, so the first unreadable one is the one reported.
    """
    external_id = required_text(values[0], "id")
    rating, polarity = parse_rating(values[1], rating_map)
    # `text_or_none` inline for the usual values (nothing, or a string): one call less each.
    title, body, author = [
        value
        if value is None
        else (value.strip() or None)
        if type(value) is str
        # a number, or a list or object (which text_or_none refuses)
        else text_or_none(value)
        for value in values[2:5]
    ]
    created, updated = values[5], values[6]
    created_at = None if created is None else parse_time(created)
    updated_at = None if updated is None else parse_time(updated)
    url, subject, order_id, reply, language = [
        value
        if value is None
        else (value.strip() or None)
        if type(value) is str
        else text_or_none(value)
        for value in values[7:12]
    ]
    # Positional, in FetchedReview's field order: cheaper than keywords.
    return FetchedReview(
        external_id,
        rating,
        polarity,
        title,
        body,
        author,
        created_at,
        updated_at,
        url,
        subject,
        order_id,
        reply,
        language,
    )


_TRANSLATED = "(Translated by Google)"
_ORIGINAL = "(Original)"


def split_translation(text: str | None) -> tuple[str | None, str | None]:
    """(the reviewer's own words, Google's translation) of a text Google has translated.

    Google sends `(Translated by Google) <translation> (Original) <original>`, or the original
    first and the translation after `(Translated by Google)`. Text without the marker is the
    reviewer's own.
    """
    if text is None or _TRANSLATED not in text:
        return text, None
    before, _, after = text.partition(_TRANSLATED)
    if _ORIGINAL in after:
        translation, _, original = after.partition(_ORIGINAL)
        original = f"{before}\n{original}" if before.strip() else original
    else:
        original, translation = before, after
    own = original.strip() or None
    return (own, translation.strip() or None) if own else (text, None)


def since_with_overlap(since: datetime | None, hours: int = 48) -> datetime | None:
    """A since-filter moved back a little, so reviews that platforms publish late are not missed."""
    return None if since is None else since - timedelta(hours=hours)
