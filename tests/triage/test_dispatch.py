"""Words filed by their first characters find something exactly where their alternation does."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _every_word() -> set[str]:
    """Every concept word and phrase pattern of every language."""
    languages = languages_for(None)
    words = {w for name in CONCEPTS for part in _split(name, languages) for w in part}
    words |= {
        source
        for language in languages
        for sources in _language_patterns(language).values()
        for source in sources
    }
    return words


def test_plain_starts_read_without_the_parser_agree_with_it() -> None:
    """Most words start with two or three plain letters and are filed without the parser; on
    every concept word and phrase pattern of every language that is done for, the parser
    agrees."""
    words = _every_word()
    plain = {word: start for word in words if (start := _dispatch._plain_start(word, 3))}
    assert len(plain) > len(words) // 2
    assert any(len(start) == 3 for start in plain.values())
    for word, start in plain.items():
        items = list(_dispatch._sre_parse.parse(word, 0))
        assert _dispatch._starts(items, 1, limit=None) == {start[0]}, word
        assert _dispatch._starts(items, 2) == {start[:2]}, word
        assert _dispatch._starts(items, len(start)) == {start}, word


def _parsed_starts(source: str) -> tuple[set[str] | None, ...]:
    """The first characters, pairs and triples of `source` as the parser reads them."""
    parsed = _dispatch._sre_parse.parse(source, 0)
    if parsed.state.flags & ~_dispatch._PLAIN_FLAGS or parsed.state.groups > 1:
        raise _dispatch._Unreadable
    items = list(parsed)
    if _dispatch._starts(items, 1, limit=None) is None:
        return None, None, None
    return tuple(
        _dispatch._starts(items, size, limit=None if size == 1 else _dispatch._MAX_PAIRS)
        for size in (1, 2, 3)
    )


def test_every_word_is_read_as_the_parser_reads_it() -> None:
    """Words read without the parser (plain starts, short words, a group's alternatives, a
    look-around, a letter and a space, a digit) start where the parser says they do: the
    same first characters and pairs, and triples (where read) the parser's."""
    for word in sorted(_every_word()):
        try:
            expected = _parsed_starts(word)
        except (_dispatch._Unreadable, re.error):
            with pytest.raises((_dispatch._Unreadable, re.error)):
                _dispatch._read(word)
            continue
        read: tuple[set[str] | None, ...] = tuple(
            None if starts is None else set(starts) for starts in _dispatch._read(word)
        )
        assert read[:2] == expected[:2], word
        assert read[2] is None or read[2] == expected[2], word


@pytest.mark.parametrize(
    ("source", "alternatives"),
    [
        ("(?:a|b)c", ["ac", "bc"]),
        ("x(?:ab|c[)|]d)e", ["xabe", "xc[)|]de"]),
        ("(?<!\\w)abc", ["abc"]),
        ("(?=ab)abc", ["abc"]),
        ("(?:a|b)?c", None),
        ("(?:a|b)c|d", None),
        ("(?<!(a))b", None),
        ("x(?=a)b", None),
        ("(a|b)c", None),
    ],
)
def test_a_word_opening_with_a_group_is_read_by_its_alternatives(
    source: str, alternatives: list[str] | None
) -> None:
    assert _dispatch._group_alternatives(source) == alternatives


def _reference_top_level_bar(source: str) -> bool:
    """`_top_level_bar` one character at a time."""
    depth = 0
    at = 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            at += 2 if source[at + 1 : at + 2] == "^" else 1
            at += 1 if source[at : at + 1] == "]" else 0
            while at < len(source) and source[at] != "]":
                at += 2 if source[at] == "\\" else 1
            if at >= len(source):
                return True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        at += 1
    return depth != 0


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ab|()[]^\\\n?", max_size=14))
def test_top_level_bars_are_found_as_one_character_at_a_time(source: str) -> None:
    assert _dispatch._top_level_bar(source) == _reference_top_level_bar(source)


def test_top_level_bars_of_every_word() -> None:
    for word in _every_word():
        assert _dispatch._top_level_bar(word) == _reference_top_level_bar(word), word


def test_digits_and_spaces_are_the_characters_of_their_predicates() -> None:
    for code, test in _dispatch._CATEGORIES.items():
        expected = {chr(point) for point in range(sys.maxunicode + 1) if test(chr(point))}
        assert _dispatch._category(code) == expected


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
