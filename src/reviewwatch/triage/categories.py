"""Complaint categories: which topics a review discusses, with the words that show it.

The word lists live in ``data/categories/<language>.toml``. Each category table has up to
three lists:

- ``terms``  problem words ("broken", "never arrived"); count 1, or 1/2 after a negation
  ("not broken" is only a weak sign);
- ``topics`` words that name the topic whatever the polarity ("customer service"); count 1;
- ``weak``   hints that need a second hint ("battery", "problem"); count 1/2 each;
- ``neutral`` plain or positive mentions of the topic ("fast shipping", "arrived on time");
  count 0, and since a match takes its words, the topic words inside them count nowhere.

A category is reported when its count reaches 1. ``other`` has its own topics (payment
options, privacy, stock ...) and is also given when nothing else matched but the text uses
the ``[complaint]`` words of a plain complaint ("disappointed", "sent it back").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from reviewwatch.triage._lexicon import (
    UNSPACED_LANGUAGES,
    Matcher,
    compile_terms,
    load_toml,
    normalize,
)
from reviewwatch.triage.analysis import Analysis, analyse
from reviewwatch.triage.models import CATEGORIES, Category

_COMPLAINT = "complaint"
_THRESHOLD = 1.0
_WEIGHTS = {"terms": 1.0, "topics": 1.0, "weak": 0.5, "neutral": 0.0}
# How far back (in characters) a negation may stand before the words it negates.
_NEGATION_WINDOW = 24


@dataclass(frozen=True)
class _Label:
    category: str
    weight: float
    negatable: bool


@dataclass(frozen=True)
class _Lexicon:
    matcher: Matcher
    # The labels that count (weight above 0) per label tuple the matcher gives for a term.
    counted: dict[tuple[int, ...], tuple[_Label, ...]]
    negation: re.Pattern[str] | None
    spaced: bool


@cache
def available_languages() -> frozenset[str]:
    """Languages that have their own category word lists."""
    from importlib import resources

    folder = resources.files("reviewwatch.triage").joinpath("data", "categories")
    return frozenset(
        entry.name.removesuffix(".toml")
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    )


def normalize_for(text: str, language: str) -> str:
    """Text (or a term) normalised the way the language's word lists are read: folded, and
    for Chinese with Traditional characters written the Simplified way."""
    analysis = analyse(text)
    return analysis.simplified if language == "zh" else analysis.folded


def _read_for(analysis: Analysis, language: str) -> str:
    return analysis.simplified if language == "zh" else analysis.folded


def _negation_pattern(words: list[str], spaced: bool) -> re.Pattern[str] | None:
    cleaned = sorted({normalize(word) for word in words if word.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    alternation = "|".join(re.escape(word) for word in cleaned)
    if not spaced:
        return re.compile(f"(?:{alternation}).{{0,2}}$")
    # The negation, then at most two other words, right before the matched words.
    return re.compile(rf"(?<!\w)(?:{alternation})\W+(?:\w+\W+){{0,2}}$")


@cache
def _lexicon(language: str) -> _Lexicon:
    data = load_toml("categories", f"{language}.toml")
    spaced = language not in UNSPACED_LANGUAGES
    labels: list[_Label] = []
    terms: list[tuple[str, int]] = []
    negations = [str(word) for word in data.get("negations", [])]
    negation_starts = {normalize(word) for word in negations}
    for category in (*CATEGORIES, _COMPLAINT):
        table = data.get(category, {})
        for kind, weight in _WEIGHTS.items():
            for term in table.get(kind, []):
                first = normalize(str(term)).split()[0] if str(term).strip() else ""
                negatable = kind == "terms" and first not in negation_starts
                labels.append(_Label(category, weight, negatable))
                terms.append((str(term), len(labels) - 1))
    matcher = compile_terms(terms, spaced=spaced)
    counted = {
        label_ids: tuple(labels[i] for i in label_ids if labels[i].weight)
        for label_ids in matcher.labels
    }
    return _Lexicon(matcher, counted, _negation_pattern(negations, spaced), spaced)


def _is_negated(lexicon: _Lexicon, normalized: str, start: int) -> bool:
    if lexicon.negation is None:
        return False
    window = normalized[max(0, start - _NEGATION_WINDOW) : start]
    return lexicon.negation.search(window) is not None


def _score(analysis: Analysis, language: str) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Add up the weight of every term found, per category, with the words found."""
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[str]] = defaultdict(list)
    # English words mixed into Chinese or Japanese ("app", "lag") are common; in Latin-script
    # languages English lists would mostly misread native words, so they stay out.
    languages = [language, "en"] if language in UNSPACED_LANGUAGES else [language]
    for code in languages:
        lexicon = _lexicon(code)
        normalized = _read_for(analysis, code)
        for start, end, label_ids in lexicon.matcher.finditer(normalized):
            counted = lexicon.counted[label_ids]
            if not counted:
                continue
            # Evidence quotes the review as written.
            found = analysis.quote(start, end)
            negated: bool | None = None
            for label in counted:
                weight = label.weight
                if label.negatable:
                    if negated is None:
                        negated = _is_negated(lexicon, normalized, start)
                    weight = weight / 2 if negated else weight
                scores[label.category] += weight
                shown = evidence[label.category]
                if found not in shown:
                    shown.append(found)
    return scores, evidence


def classify(text: Analysis | str, language: str) -> tuple[Category, ...]:
    """Name the complaint categories a review discusses, each with its evidence words.

    Reads the review's `Analysis` (a plain text is analysed first). ``language`` selects the
    word lists (Chinese and Japanese reviews are also read with the English lists, for
    mixed-in words); a language without its own lists uses English. The result follows the
    order of ``models.CATEGORIES`` and is empty for empty text.
    """
    analysis = analyse(text) if isinstance(text, str) else text
    if not analysis.folded or analysis.folded.isspace():
        return ()
    return _classify(analysis, language)


# Triage asks for the categories of the same text more than once (removal grounds reuse them).
@lru_cache(maxsize=512)
def _classify(analysis: Analysis, language: str) -> tuple[Category, ...]:
    code = language if language in available_languages() else "en"
    scores, evidence = _score(analysis, code)
    found = [
        Category(name, tuple(evidence[name]))
        for name in CATEGORIES
        if scores.get(name, 0.0) >= _THRESHOLD
    ]
    if not found and scores.get(_COMPLAINT, 0.0) >= _THRESHOLD:
        found.append(Category("other", tuple(evidence[_COMPLAINT])))
    return tuple(found)
