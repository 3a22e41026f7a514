"""What the category model reads from a review: its words and word pairs, and the word lists'
per-category counts.

Training and inference call the same functions, so a model sees at run time exactly the
features it was fitted on. Words come from the review's `Analysis` (folded: case and Latin
accents removed; every CJK character a word of its own, Traditional Chinese read the
Simplified way so one model serves both).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from reviewwatch.triage._scripts import variants
from reviewwatch.triage.analysis import Analysis

# The word lists' counts saturate here: three problem words say no more than two.
LEXICON_CAP = 3.0
# Kinds of word-list feature: the capped count, and whether the list alone reports the topic.
LEXICON_KINDS = ("count", "hit")


def words_of(analysis: Analysis) -> tuple[str, ...]:
    """The analysis's words, Han characters in their Simplified form."""
    words = analysis.words
    if analysis.script_counts.get("han"):
        table = variants().to_simplified
        return tuple(word.translate(table) for word in words)
    return words


def ngrams(words: tuple[str, ...]) -> frozenset[str]:
    """Every word (``w:``) and every pair of neighbouring words (``b:``), once each."""
    grams = {"w:" + word for word in words}
    grams.update(f"b:{first} {second}" for first, second in pairwise(words))
    return frozenset(grams)


def lexicon_features(scores: Mapping[str, float]) -> dict[str, float]:
    """Per category of the word lists: the count (capped, scaled to 0-1) and whether it hits."""
    features: dict[str, float] = {}
    for name, score in scores.items():
        if score > 0:
            features["count:" + name] = min(score, LEXICON_CAP) / LEXICON_CAP
            if score >= 1.0:
                features["hit:" + name] = 1.0
    return features
