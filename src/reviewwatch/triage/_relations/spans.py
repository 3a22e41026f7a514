"""Span helpers shared by the relation families: joining and overlapping spans, clause ends,
"and", quotations, and who owns a fault."""

from __future__ import annotations

import re

from reviewwatch.triage._clauses import CLAUSE_STOPS, Span, words_between


def spanning(one: Span, other: Span) -> Span:
    return min(one[0], other[0]), max(one[1], other[1])


# Quotation marks that open or close a passage (apostrophes left out: "don't", "server's").
_PASSAGE_MARKS = frozenset('"“”„«»「」『』')


def inside_quotation(text: str, span: Span) -> bool:
    """Whether `span` stands inside a quoted passage: an odd number of quotation marks
    before it ('our server's "hope you'll tell everyone about us" came across as pushy')."""
    return sum(char in _PASSAGE_MARKS for char in text[: span[0]]) % 2 == 1


# "And" in the languages read: a negation before it covers its own verb only ("heeft het
# product nooit gebruikt en verspreidt onwaarheden").
AND = re.compile(r"(?<![^\W\d_])(?:and|en|und|et|y|e|i|un|oraz|ir)(?![^\W\d_])|和|并且")


# Words that may stand between a fault and its owner: "the fault is yours", "la colpa è
# sua", "culpa suya", "wina Pana".
_COPULA = re.compile(
    r"\s*(?:(?:is|was|lies|lay|es|fue|era|e|foi|est|etait|ist|war|ir|bija|jest|byla|byl|"
    r"entirely|all|totally|solely|toda|tutta|toute|ganz|completely|only|purely)\s*)*",
)


# An article between "you" and a fault means the pronoun does not own it: "bitte
# entschuldigen Sie den Fehler" (please excuse the mistake) is an apology, not blame.
_ARTICLE = re.compile(
    r"\W*(?:the|a|an|der|die|das|den|dem|des|ein|eine|einen|einem|le|la|les|un|une|il|lo|"
    r"gli|el|los|las|het|een|de)\W*"
)


def owned_by(text: str, fault: Span, owner: Span) -> bool:
    """Whether `owner` (you, your ...) owns `fault`: "your fault", "your own fault", or the
    fault first and then only a copula ("the fault is yours", "la colpa è sua")."""
    if owner[0] < fault[0]:
        between = text[owner[1] : fault[0]]
        return words_between(text, owner[1], fault[0]) <= 1 and not _ARTICLE.fullmatch(between)
    between = text[fault[1] : owner[0]]
    return _COPULA.fullmatch(between) is not None or not between.strip()


# Possessives: "your stupid comment" belittles, "your comment about the stupid parking rules"
# does not; "you are so stupid" reaches further.
_POSSESSIVE = re.compile(r"your|ihr\w*|dein\w*|votre|vos|ton|ta|tes|jouw|uw|jusu|tavs|tava|tavu")


def belittling_reach(text: str, you: Span) -> int:
    """How many words may stand between the reviewer and a word that belittles them."""
    return 1 if _POSSESSIVE.fullmatch(text[you[0] : you[1]]) else 3


def clause_end(text: str, position: int) -> int:
    ends = [at for stop in CLAUSE_STOPS if (at := text.find(stop, position)) >= 0]
    return min(ends, default=len(text))


DIGIT = re.compile(r"\d")


def overlaps(one: Span, other: Span) -> bool:
    return one[0] < other[1] and other[0] < one[1]
