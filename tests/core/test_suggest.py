"""The one wording of an unknown name: what was not known, and the name meant or the valid ones."""

from __future__ import annotations

from reviewwatch.suggest import (
    closest_name,
    did_you_mean,
    unknown_encoding,
    unknown_name,
    unknown_time_zone,
)

CATEGORIES = ("shipping_delay", "product_quality", "customer_service", "price")


def test_a_close_name_is_suggested() -> None:
    assert (
        unknown_name("category", "shiping_delay", CATEGORIES)
        == "unknown category 'shiping_delay'; did you mean 'shipping_delay'?"
    )


def test_the_valid_names_are_listed_when_none_is_close() -> None:
    assert (
        unknown_name("category", "xyz", CATEGORIES)
        == "unknown category 'xyz'; known: shipping_delay, product_quality, customer_service, price"
    )


def test_a_long_list_is_cut_short_and_says_how_many_more() -> None:
    names = [f"name{number:02}" for number in range(20)]
    message = unknown_name("source", "zzz", names)
    assert message == ("unknown source 'zzz'; known: " + ", ".join(names[:16]) + " and 4 more")


def test_no_valid_name_at_all_and_a_hint_instead_of_the_list() -> None:
    assert unknown_name("source", "shop", []) == "unknown source 'shop'; there is none"
    assert (
        unknown_name("source", "shop", [], empty="nothing is stored yet")
        == "unknown source 'shop'; nothing is stored yet"
    )
    assert (
        unknown_name("language", "xx", ["en", "de"], otherwise="use a code such as en")
        == "unknown language 'xx'; use a code such as en"
    )


def test_case_is_ignored_and_the_name_is_given_as_it_is_spelt() -> None:
    assert closest_name("Place", ["store", "place"]) == "place"
    assert closest_name("EUROPE/RIGA", ["Europe/Riga", "Europe/Rome"]) == "Europe/Riga"
    assert closest_name("zz", ["store", "place"]) is None


def test_the_message_is_one_line_whatever_was_typed() -> None:
    message = unknown_name("key", "a\nb\x1b[31m", ["ab"])
    assert "\n" not in message and "\x1b" not in message
    assert did_you_mean("language", "english", "en") == (
        "unknown language 'english'; did you mean 'en'?"
    )


def test_time_zones_suggest_the_closest_or_give_examples() -> None:
    assert unknown_time_zone("Europe/Rigaa") == (
        "unknown time zone 'Europe/Rigaa'; did you mean 'Europe/Riga'?"
    )
    assert unknown_time_zone("Mars") == (
        "unknown time zone 'Mars'; use a name such as UTC, Europe/Riga or America/New_York"
    )


def test_encodings_suggest_the_closest_name_or_give_examples() -> None:
    assert unknown_encoding("utf-9") == "unknown encoding 'utf-9'; did you mean 'utf-8'?"
    assert unknown_encoding("klingon") == (
        "unknown encoding 'klingon'; use one such as utf-8, utf-16 or cp1252"
    )


def test_another_word_for_a_name_suggests_it_however_unlike_they_look() -> None:
    choices = ("starttls", "ssl", "none")
    assert closest_name("tls", choices) is None
    assert unknown_name("security", "TLS", choices, aliases={"tls": "starttls"}) == (
        "unknown security 'TLS'; did you mean 'starttls'?"
    )
    # Words that are no alias still get the closest name, or the list.
    assert unknown_name("security", "sssl", choices, aliases={"tls": "starttls"}) == (
        "unknown security 'sssl'; did you mean 'ssl'?"
    )
