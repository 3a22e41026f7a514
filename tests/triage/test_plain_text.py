"""A plain text in which no concept occurs has the empty text's spans: the short cut of
`raw_spans` gives what reading it relation by relation gives."""

from __future__ import annotations

import ast
import itertools
import random
import string
from pathlib import Path

import pytest

from reviewwatch.triage import _concepts as concepts
from reviewwatch.triage import _reply_spans
from reviewwatch.triage._caseless import caseless_text
from reviewwatch.triage._data import load_toml
from reviewwatch.triage._phrases import cues_for, languages_for
from reviewwatch.triage._plain_text import ALONE_SAY_NOTHING, plain_and_silent
from reviewwatch.triage._reply_spans import raw_spans, read_spans
from reviewwatch.triage.analysis import analyse
from reviewwatch.triage.drafts import reply_languages

ALL = languages_for(None)
NAMES = [
    "Jane",
    "Marco",
    "Zoë",
    "Mary-Ann",
    "O'Brien",
    "J. Smith",
    "van der Berg",
    "李娜",
    "Łukasz",
]
# The words the relations that need no concept start from or test: turns, conditions, "and",
# complaint nouns, thanks and negations; none may make a plain text read anything.
RELATION_WORDS = [
    "but", "aber", "pero", "mais", "if", "wenn", "si", "and", "und", "complaint", "Beschwerde",
    "queja", "thanks", "danke", "merci", "not", "nicht", "never", "no", "但", "如果", "投诉",
]  # fmt: skip


def _greetings() -> list[str]:
    """Every language's greetings, named ones filled with every name."""
    found: list[str] = []
    for code in reply_languages():
        slots = load_toml("replies", code)["slots"]
        found += slots["greeting"]
        found += [g.format(name=n) for g in slots["greeting_named"] for n in NAMES]
    return found


# Words of the concepts no relation reads on their own (`ALONE_SAY_NOTHING`), as greetings
# and praise open with them, in several languages.
ALONE_WORDS = [
    "good", "great", "Great job", "nice", "top", "bon", "Bonjour", "Bonsoir", "buen",
    "Buenos días", "Buenas tardes", "Guten Tag", "gut", "Goedemorgen", "Buongiorno", "Bom dia",
    "Dzień dobry", "Labdien", "excellent", "stellar", "rave",
]  # fmt: skip


def _random_words(count: int) -> list[str]:
    rng = random.Random(7)
    letters = string.ascii_letters + "äöüßéèñçłąęžšāēīū"
    return [
        "".join(rng.choice(letters) for _ in range(rng.randint(1, 9))).title() for _ in range(count)
    ]


def _texts() -> list[str]:
    words = _random_words(400)
    texts = [*NAMES, *words, *_greetings(), *RELATION_WORDS, *ALONE_WORDS]
    texts += [f"{a} {b}," for a, b in itertools.product(RELATION_WORDS, NAMES)]
    texts += [f"{a} {b}!" for a, b in itertools.product(ALONE_WORDS, NAMES)]
    texts += [f"{a}, {b} {c}." for a, b, c in itertools.product(ALONE_WORDS, RELATION_WORDS, NAMES)]
    texts += [
        f"{a}, {b} {c}!" for a, b, c in zip(RELATION_WORDS * 9, words, words[1:], strict=False)
    ]
    return texts


@pytest.mark.parametrize("languages", [ALL, ("de", "en"), ("en",), ("en", "zh"), ("es", "en")])
def test_the_short_cut_gives_what_the_relations_give(languages: tuple[str, ...]) -> None:
    taken = 0
    for raw in _texts():
        text = analyse(raw).folded
        reading = concepts.Reading(text, languages, cues_for(languages, caseless_text(text)))
        full = read_spans(text, languages, reading)
        assert raw_spans(text, languages) == full, raw
        fresh = concepts.Reading(text, languages, cues_for(languages, caseless_text(text)))
        taken += plain_and_silent(text, languages, fresh)
    # Most names and greetings take it: the short cut is there to be used.
    assert taken > 300


@pytest.mark.parametrize(
    "raw",
    ["Jane?", "Jane 5", "€ Jane", "jane@example.com", "Jane, please update your review!"],
)
def test_a_text_with_more_than_letters_and_marks_or_a_concept_is_read_in_full(raw: str) -> None:
    text = analyse(raw).folded
    reading = concepts.Reading(text, ALL, cues_for(ALL, caseless_text(text)))
    assert not plain_and_silent(text, ALL, reading)


def test_a_plain_name_breaking_a_rule_is_still_found() -> None:
    """An insult as a name is a concept: the short cut is not taken and the name is found."""
    text = analyse("Idiot").folded
    spans = raw_spans(text, ALL)
    assert spans.by_rule["threat_or_insult"]


def test_a_greeting_with_a_word_no_relation_reads_alone_takes_the_short_cut() -> None:
    for raw, language in (
        ("Bonjour Jane,", "fr"),
        ("Buenos días, Jane:", "es"),
        ("Guten Tag, Jane!", "de"),
    ):
        text = analyse(raw).folded
        languages = languages_for(language)
        reading = concepts.Reading(text, languages, cues_for(languages, caseless_text(text)))
        assert not reading.silent(), raw
        assert plain_and_silent(text, languages, reading), raw


def test_only_the_listed_relations_read_a_concept_that_says_nothing_alone() -> None:
    """`ALONE_SAY_NOTHING` rests on which relations read its concepts: each one found here
    must relate it to another concept, on a plain text too (then add it below)."""
    readers = {
        "positive": {("actions.py", "praise_asks"), ("pressure.py", "rated_asks")},
    }
    assert set(readers) == ALONE_SAY_NOTHING
    package = Path(_reply_spans.__file__).parent
    sources = [*sorted((package / "_relations").glob("*.py"))]
    sources += [package / f"{name}.py" for name in ("_reply_spans", "_concepts", "_plain_text")]
    for concept, expected in readers.items():
        found = set()
        for path in sources:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for function in ast.walk(tree):
                if not isinstance(function, ast.FunctionDef):
                    continue
                if any(
                    isinstance(node, ast.Constant) and node.value == concept
                    for node in ast.walk(function)
                ):
                    found.add((path.name, function.name))
        assert found == expected, concept
