"""Words filed by their first characters find something exactly where their alternation does."""

from __future__ import annotations

import re

import pytest

from reviewwatch.triage import _dispatch
from reviewwatch.triage._dispatch import FirstCharacters, first_characters


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("refund", {"r"}),
        ("[ck]ancel", {"c", "k"}),
        ("(?:re|un)do", {"r", "u"}),
        ("a?b", {"a", "b"}),
        ("(?:x|y)*z", {"x", "y", "z"}),
        (r"(?<![\w'])voucher", {"v"}),
        (r"\bgift", {"g"}),
        ("[a-c]x", {"a", "b", "c"}),
        ("返金|返現", {"返"}),
        ("(?=ab)abc", {"a"}),
    ],
)
def test_first_characters_of_a_word(source: str, expected: set[str]) -> None:
    assert first_characters(source) == frozenset(expected)


def test_digits_and_spaces_are_every_character_their_class_holds() -> None:
    digits = first_characters(r"\d+%")
    assert digits is not None
    assert {"0", "9", "٣", "５"} <= digits
    assert "a" not in digits
    spaces = first_characters(r"\s*x")
    assert spaces is not None
    assert {" ", "\n", "\u3000", "x"} <= spaces


@pytest.mark.parametrize(
    "source",
    [r"\w+iamo", "[^a]b", ".x", "a?", "(?:)", "(?i:gift)", "x*"],
)
def test_a_word_that_may_start_anywhere_has_no_first_characters(source: str) -> None:
    assert first_characters(source) is None


WORDS = [
    "refund",
    "re(?:im)?burse",
    "[ck]oupon",
    r"\d+\s*%\s*off",
    r"\w*gutschein",
    "vale?s?",
    "返金",
    "(?:free|gratis)\\s+(?:gift|shipping)",
    "e?mail",
    "x?",
]
TEXTS = [
    "",
    "jane",
    "dear jane,",
    "we will refund you",
    "a reimbursement",
    "ein geschenkgutschein",
    "20 % off",
    "٣٠% off today",
    "kupon",
    "koupon code",
    "ご返金します",
    "free   shipping",
    "mail us",
    "nothing here at all",
]


@pytest.mark.parametrize("before", ["", r"(?<![^\W\d_])"])
@pytest.mark.parametrize("count", [1, 3, len(WORDS) - 1, len(WORDS)])
def test_search_agrees_with_the_alternation(before: str, count: int) -> None:
    words = WORDS[:count]
    alternation = re.compile(f"{before}(?:{'|'.join(words)})")
    index = FirstCharacters(words, before=before)
    for text in TEXTS:
        assert index.search(text) == (alternation.search(text) is not None), text


def test_a_word_with_a_group_searches_the_whole_alternation() -> None:
    words = ["(a)b\\1", "refund"]
    index = FirstCharacters(words)
    assert index.search("abb") is False
    assert index.search("aba") is True
    assert index.search("a refund") is True


def test_without_the_parser_the_whole_alternation_is_searched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_dispatch, "_sre_parse", None)
    index = FirstCharacters(["refund", "gift"])
    assert index.search("a gift") is True
    assert index.search("nothing") is False
