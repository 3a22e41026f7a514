"""The concepts' union finds exactly the concepts whose own regexes find something."""

from __future__ import annotations

import re

import pytest

from reviewwatch.triage._caseless import caseless_text
from reviewwatch.triage._concept_words import compiled, prefilter
from reviewwatch.triage.analysis import analyse
from tests.triage.reply_corpus import load

SENTENCE_BREAK = re.compile(r"(?<=[.!?。！？])\s*")

ALL = ("de", "en", "es", "fr", "it", "ja", "lv", "nl", "pl", "pt", "zh")
TEXTS = (
    "Janeb",
    "Hi Janeb,",
    "Dear Mariasd,",
    "Hello Dennis,",
    "olgasd",
    "Please change your review and we will refund you.",
    "Bitte ändern Sie Ihre Bewertung.",
    "请修改您的评价",
    "高評価をお願いします",
    "Thank you, Qxz!",
    "Bonjour Łukasz, merci pour ce chef-d'œuvre.",
    "Wir bieten Ihnen 20 % Rabatt, wenn Sie die Bewertung ändern.",
    # Words of concepts that keep IGNORECASE for one word of theirs ("APK", "AI", "N"),
    # found by that word and by the others.
    "请先下载apk再安装",
    "请下载我们的测试版",
    "这是ai生成的评论",
    "第二次提醒您修改评价",
    "we keep asking you to update it",
    "",
)


@pytest.mark.parametrize("languages", [ALL, ("en",), ("fr", "en"), ("zh", "en")])
@pytest.mark.parametrize("raw", TEXTS)
def test_union_finds_the_concepts_their_regexes_find(raw: str, languages: tuple[str, ...]) -> None:
    text = analyse(raw).folded
    caseless = caseless_text(text)
    union, covered = prefilter(languages, caseless)
    assert covered
    found = [
        name
        for name in covered
        if (pattern := compiled(name, languages, caseless)) and pattern.search(text)
    ]
    assert union.search(text) == bool(found)
    assert union.present(text) == set(found)


def _alternation_of(covered: frozenset[str], languages: tuple[str, ...], caseless: bool) -> str:
    """The union as one alternation of every covered concept's regex, each with its flags."""
    groups = []
    for name in sorted(covered):
        pattern = compiled(name, languages, caseless)
        if pattern is not None:
            scope = "(?i:" if pattern.flags & re.IGNORECASE else "(?:"
            groups.append(f"{scope}{pattern.pattern})")
    return "|".join(groups)


def test_union_agrees_with_the_concepts_on_every_corpus_sentence() -> None:
    """One in three sentences of the checker corpus's written replies (a draft is read a
    sentence at a time), in every language at once: the union finds something exactly where
    one alternation of all the concepts' regexes does."""
    sentences = {
        analyse(part).folded
        for reply in load("development")
        for part in SENTENCE_BREAK.split(reply.text)
    }
    references: dict[bool, re.Pattern[str]] = {}
    disagreements = []
    sample = sorted(sentences)[::3]
    for text in sample:
        caseless = caseless_text(text)
        union, covered = prefilter(ALL, caseless)
        if caseless not in references:
            references[caseless] = re.compile(_alternation_of(covered, ALL, caseless))
        if union.search(text) != (references[caseless].search(text) is not None):
            disagreements.append(text)
    assert len(sample) > 2000
    assert not disagreements


def test_only_the_words_that_need_it_are_searched_with_ignorecase() -> None:
    """On a text without upper-case letters, a concept with one word that keeps IGNORECASE
    ("APK") has its other words filed with the plain concepts."""
    union, covered = prefilter(ALL, True)
    assert set(union._cased) <= covered
    for name, source in union._cased.items():
        pattern = compiled(name, ALL, True)
        assert pattern is not None
        assert len(source) < len(pattern.pattern) / 2, name
    _, cased_covered = prefilter(ALL, False)
    assert covered == cased_covered
