"""Phrase patterns that open at a word boundary are tried only where a word starts: the
phrase union finds what every pattern, searched on its own, finds (names and greetings with
trigger words of other languages above all)."""

from __future__ import annotations

import re

import pytest

from reviewwatch.triage._caseless import caseless_text
from reviewwatch.triage._dispatch import opens_at_word_boundary
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


@pytest.mark.parametrize("languages", [ALL, ("it", "en"), ("fr", "en"), ("de", "en"), ("en",)])
def test_the_union_finds_what_each_pattern_finds(languages: tuple[str, ...]) -> None:
    found = 0
    for text in _texts():
        caseless = caseless_text(text)
        union = _phrase_union(languages, caseless)
        words = [*union.at_word_starts._words, *union.anywhere._words]
        names = [rule.name for rule in pattern_rules() if rule.when not in ("contact", "links")]
        patterns = [re.compile(word) for word in words]
        patterns += [
            pattern
            for name in union.others
            if (pattern := _compiled(name, languages, caseless)) is not None
        ]
        expected = not any(pattern.search(text) for pattern in patterns)
        assert phrases_absent(text, languages, caseless) is expected, text
        found += not expected
        # Every phrase pattern of these languages is in the union or among the others.
        assert len(words) == sum(
            len(_language_patterns(language).get(name, ()))
            for language in languages
            for name in (*names, "incentive")
            if name not in union.others
        )
    # Trigger words are found, inside words too: the texts test both answers.
    assert found > 20


def test_a_trigger_word_inside_a_name_is_found() -> None:
    # "gratis" may start inside a word; "idiot" only where a word starts.
    for text in ("xgratis", "buongiorno xgratis,"):
        assert not phrases_absent(text, ALL, caseless=True), text
    assert phrases_absent("xidiotx", ALL, caseless=True)
    assert not phrases_absent("you are an idiot", ("en",), caseless=True)


def test_most_patterns_are_tried_only_where_a_word_starts() -> None:
    union = _phrase_union(ALL, True)
    assert len(union.at_word_starts._words) > 3 * len(union.anywhere._words)
