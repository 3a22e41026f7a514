"""Phrase patterns that open at a word boundary are tried only where a word starts: the
phrase union finds what every pattern, searched on its own, finds (names and greetings with
trigger words of other languages above all)."""

from __future__ import annotations

import re

import pytest

from reviewwatch.triage._caseless import caseless_text
from reviewwatch.triage._dispatch import alternatives, opens_at_word_boundary
from reviewwatch.triage._phrases import (
    _compiled,
    _language_patterns,
    _phrase_union,
    languages_for,
    pattern_rules,
    phrases_absent,
)
from reviewwatch.triage.analysis import analyse

ALL = languages_for(None)

# Names that are trigger words somewhere, or hold one inside, alone and in greetings: a word
# that may start inside a word ("gratis" in "Xgratis") must still be found there.
TRICKY = [
    "Charge",
    "Nocharge",
    "Gratis",
    "Xgratis",
    "Gratisjane",
    "Remove",
    "Refund",
    "Rimborso",
    "Gutschein",
    "Geschenkgutschein",
    "Idiot",
    "Liar",
    "Lügner",
    "Coupon",
    "Kostenlos",
    "Cadeau",
    "Regalo",
    "Prezent",
    "Bon",
    "Noemi",
    "JEAN-PIERRE",
    "O'Brien",
    "Zoë",
    "李明",
    "ギフト",
]
GREETINGS = [
    "{}",
    "Buongiorno {},",
    "Bonjour {} !",
    "Hallo {}!",
    "Dear {},",
    "Hola, {}:",
    "Sorry, {}.",
    "{}, disculpe.",
    "Buongiorno{}",
]


def _texts() -> list[str]:
    return [analyse(g.format(name)).folded for g in GREETINGS for name in TRICKY]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\bfoo", True),
        (r"\b(?:u|je)\s+moet", True),
        (r"\b(?:bad|poor)\s+review", True),
        # The bar makes "bar" a word of its own, which may start inside a word.
        (r"\bfoo|bar", False),
        # A match may start with a character that is not a word character.
        (r"\b(?:foo|★)", False),
        (r"\b\w*x", False),
        (r"foo", False),
        (r"(?:\bfoo)", False),
        (r"\Bfoo", False),
    ],
)
def test_which_patterns_open_at_a_word_boundary(source: str, expected: bool) -> None:
    assert opens_at_word_boundary(source) is expected


def _filed_patterns(languages: tuple[str, ...], caseless: bool) -> list[str]:
    """Every phrase pattern of `languages` that the union files (the others are searched one
    by one), as written in the data."""
    union = _phrase_union(languages, caseless)
    names = [rule.name for rule in pattern_rules() if rule.when not in ("contact", "links")]
    return [
        source
        for language in languages
        for name in (*names, "incentive")
        if name not in union.others
        for source in _language_patterns(language).get(name, ())
    ]


@pytest.mark.parametrize("languages", [ALL, ("it", "en"), ("fr", "en"), ("de", "en"), ("en",)])
def test_the_union_finds_what_each_pattern_finds(languages: tuple[str, ...]) -> None:
    found = 0
    for text in _texts():
        caseless = caseless_text(text)
        union = _phrase_union(languages, caseless)
        sources = _filed_patterns(languages, caseless)
        # Each pattern as written, searched on its own (not the alternatives filed for it).
        patterns = [re.compile(source) for source in sources]
        patterns += [
            pattern
            for name in union.others
            if (pattern := _compiled(name, languages, caseless)) is not None
        ]
        expected = not any(pattern.search(text) for pattern in patterns)
        assert phrases_absent(text, languages, caseless) is expected, text
        found += not expected
        # Every phrase pattern of these languages is in the union (as its alternatives) or
        # among the others.
        words = [*union.at_word_starts._words, *union.anywhere._words]
        assert sorted(words) == sorted(word for source in sources for word in alternatives(source))
    # Trigger words are found, inside words too: the texts test both answers.
    assert found > 20


def test_a_pattern_of_alternatives_is_filed_as_its_alternatives() -> None:
    assert alternatives(r"(?:(?:refund\w*|vouchers?|gratis))") == [
        r"refund\w*",
        "vouchers?",
        "gratis",
    ]
    assert alternatives("(?:a|b)c") == ["ac", "bc"]
    assert alternatives("(?:a(?:c|d)|b)e") == ["a(?:c|d)e", "be"]
    # Kept whole: a look-around before the group, a repeated group, an alternation after it,
    # an empty alternative, a capturing group (its number would change), inline flags.
    for source in ("(?<!x)(?:a|b)", "x(?:a|b)+", "(?:a|b)|c", "(?:a|)", "(?:(a)|b)", "(?i:a|b)"):
        assert alternatives(source) == [source], source


@pytest.mark.parametrize("source", [r"(?:(?:a\w*|b[xy]|(?<!q)c|\d+\s*%))", r"(?:ab|[|]|c\)d)e"])
def test_alternatives_match_where_their_pattern_matches(source: str) -> None:
    parts = [re.compile(part) for part in alternatives(source)]
    assert len(parts) > 1
    whole = re.compile(source)
    for text in ("a", "ab", "bx", "qc", "c", "xc", "5 %", "abe", "|e", "c)de", "zz", ""):
        for at in range(len(text) + 1):
            assert (whole.match(text, at) is not None) == any(
                part.match(text, at) for part in parts
            ), (text, at)


def test_a_trigger_word_inside_a_name_is_found() -> None:
    # "gratis" may start inside a word; "idiot" only where a word starts.
    for text in ("xgratis", "buongiorno xgratis,"):
        assert not phrases_absent(text, ALL, caseless=True), text
    assert phrases_absent("xidiotx", ALL, caseless=True)
    assert not phrases_absent("you are an idiot", ("en",), caseless=True)


def test_most_patterns_are_tried_only_where_a_word_starts() -> None:
    union = _phrase_union(ALL, True)
    at_word_starts = set(union.at_word_starts._words)
    sources = _filed_patterns(ALL, True)
    bounded = sum(source in at_word_starts for source in sources)
    assert bounded > 3 * (len(sources) - bounded)
