"""Words filed by their first characters find something exactly where their alternation does."""

from __future__ import annotations

import re

import pytest

from reviewwatch.triage import _dispatch
from reviewwatch.triage._concept_words import CONCEPTS, _split
from reviewwatch.triage._dispatch import FirstCharacters, first_characters, first_pairs
from reviewwatch.triage._phrases import _language_patterns, languages_for


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
        ("a*+b", {"a", "b"}),
        ("(?>ab|cd)e", {"a", "c"}),
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
    _dispatch._read.cache_clear()  # words read earlier in this process would not ask for it
    index = FirstCharacters(["refund", "gift"])
    assert index._anywhere == (0, 1)
    assert index.search("a gift") is True
    assert index.search("nothing") is False
    assert index.tags_found("a gift") == {""}


def test_plain_starts_read_without_the_parser_agree_with_it() -> None:
    """Most words start with two plain letters and are filed without the parser; on every
    concept word and phrase pattern of every language that is done for, the parser agrees."""
    languages = languages_for(None)
    words = {w for name in CONCEPTS for part in _split(name, languages) for w in part}
    words |= {
        source
        for language in languages
        for sources in _language_patterns(language).values()
        for source in sources
    }
    plain = {word: start for word in words if (start := _dispatch._plain_start(word))}
    assert len(plain) > len(words) // 2
    for word, start in plain.items():
        items = list(_dispatch._sre_parse.parse(word, 0))
        assert _dispatch._starts(items, 1, limit=None) == {start[0]}, word
        assert _dispatch._starts(items, 2) == {start}, word


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("refund", {"re"}),
        ("[ck]oupon", {"co", "ko"}),
        ("(?:re|un)do", {"re", "un"}),
        ("a?bc", {"ab", "bc"}),
        ("x+y", {"xx", "xy"}),
        ("a{2,3}b", {"aa"}),
        (r"(?<![\w'])voucher", {"vo"}),
        ("(?>ab)c", {"ab"}),
    ],
)
def test_first_pairs_of_a_word(source: str, expected: set[str]) -> None:
    assert first_pairs(source) == frozenset(expected)


@pytest.mark.parametrize("source", ["ab?", "a", "ab|c", "(?:a|b)*c", r"\d+%", "a{0,1}b"])
def test_a_word_that_may_be_shorter_or_start_too_widely_has_no_pairs(source: str) -> None:
    assert first_pairs(source) is None


@pytest.mark.parametrize(
    ("source", "plain"),
    [("refund", "re"), ("ab|cd", ""), ("a[b|]c|d", ""), ("ab(c|d)", ""), (r"ab\|c", "ab"),
     ("ab?c", ""), ("a(?:b|c)d", ""), ("ab(?:c|d)", "ab"), (r"ab(c)\1", "")],
)  # fmt: skip
def test_a_plain_start_is_read_only_where_it_is_certain(source: str, plain: str) -> None:
    assert _dispatch._plain_start(source) == plain


def test_tags_found_are_the_tags_of_every_word_that_matches() -> None:
    tags = ["offer", "offer", "coupon", "percent", "compound", "vale", "offer", "free", "mail", "x"]
    index = FirstCharacters(WORDS, before=r"(?<![^\W\d_])", tags=tags)
    for text in TEXTS:
        expected = {
            tag
            for word, tag in zip(WORDS, tags, strict=True)
            if re.search(rf"(?<![^\W\d_])(?:{word})", text)
        }
        assert index.tags_found(text) == expected, text
