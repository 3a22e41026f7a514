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

A complaint stated outright (``data/outright.toml``: money still taken after cancelling) is
filed under its category whatever the model weighs against it (`_with_outright`).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Mapping
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
from reviewwatch.triage.model import CategoryModel, active_model, backed, shipped_model
from reviewwatch.triage.model.encoder import (
    embed,
    encoder_available,
    shipped_head,
    word_model_key,
)
from reviewwatch.triage.model.features import lexicon_features, ngrams, words_of
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


@cache
def word_lists_sha256() -> str:
    """SHA-256 of every language's category word lists (file names and bytes, in name order):
    the model reads their counts, so a model records the lists it was trained with."""
    from importlib import resources

    folder = resources.files("reviewwatch.triage").joinpath("data", "categories")
    digest = hashlib.sha256()
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if entry.name.endswith(".toml"):
            digest.update(entry.name.encode("utf-8") + b"\0" + entry.read_bytes())
    return digest.hexdigest()


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


# The model and the removal grounds both read the counts of the same analysis.
@lru_cache(maxsize=512)
def _score(analysis: Analysis, language: str) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Add up the weight of every term found, per category, with the words found (callers
    must not change the result: it is cached)."""
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


def lexicon_scores(analysis: Analysis, language: str) -> dict[str, float]:
    """The word lists' count per category (and ``complaint``), as the model reads them."""
    code = language if language in available_languages() else "en"
    return dict(_score(analysis, code)[0])


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
    return _with_outright(analysis, language, _classify(analysis, language))


@dataclass(frozen=True)
class _Outright:
    """A complaint stated outright: a word of `after` (the situation) and one of `words` (the
    complaint), both folded as the language's word lists are read."""

    category: str
    after: tuple[str, ...]
    words: tuple[str, ...]


@cache
def _outright_rules(language: str) -> tuple[_Outright, ...]:
    data = load_toml("outright.toml")
    return tuple(
        _Outright(
            category,
            tuple(normalize_for(word, language) for word in table[language]["after"]),
            tuple(normalize_for(word, language) for word in table[language]["words"]),
        )
        for category, table in data.items()
        if language in table
    )


def _with_outright(
    analysis: Analysis, language: str, found: tuple[Category, ...]
) -> tuple[Category, ...]:
    """`found`, with each complaint the review states outright (`data/outright.toml`) filed
    under its category, or its words added to that category's evidence: "I cancelled but
    they still took my money" is a billing complaint even where the model saw only one
    about the support."""
    code = language if language in available_languages() else "en"
    text = _read_for(analysis, code)
    by_name = {category.name: category for category in found}
    for rule in _outright_rules(code):
        if not any(word in text for word in rule.after):
            continue
        shown = _outright_words(analysis, text, rule.words, code not in UNSPACED_LANGUAGES)
        if shown:
            by_name[rule.category] = _with_evidence(by_name.get(rule.category), rule, shown)
    if len(by_name) == len(found) and all(by_name[item.name] is item for item in found):
        return found
    return tuple(by_name[name] for name in CATEGORIES if name in by_name)


def _with_evidence(old: Category | None, rule: _Outright, shown: list[str]) -> Category:
    """The rule's category with the words stated outright added to its evidence (a category
    the model did not weigh has no margin to doubt)."""
    evidence = tuple(dict.fromkeys((*(old.evidence if old else ()), *shown)))
    margin = old.margin if old else math.inf
    return Category(rule.category, evidence, listed=True, margin=margin)


def _outright_words(
    analysis: Analysis, text: str, words: tuple[str, ...], spaced: bool
) -> list[str]:
    """The review's own words where `text` holds one of `words` (to the end of the word in a
    spaced language: "still charg" quotes "still charged")."""
    shown: list[str] = []
    for word in words:
        start = text.find(word)
        if start < 0:
            continue
        end = start + len(word)
        while spaced and end < len(text) and text[end].isalnum():
            end += 1
        quoted = analysis.quote(start, end)
        if quoted not in shown:
            shown.append(quoted)
    return shown


def _classify(analysis: Analysis, language: str) -> tuple[Category, ...]:
    return _classify_with(analysis, language, active_model())


@lru_cache(maxsize=512)
def word_list_categories(analysis: Analysis, language: str) -> tuple[Category, ...]:
    """The word lists' own decision, without the model: a category whose count reaches 1
    (``other`` for plain complaint words when nothing else does). Removal grounds that depend
    on which topics a text covers read this: it is the reading their rules were measured on."""
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


# Triage asks for the categories of the same text more than once (removal grounds reuse them).
@lru_cache(maxsize=512)
def _classify_with(analysis: Analysis, language: str, model: CategoryModel) -> tuple[Category, ...]:
    code = language if language in available_languages() else "en"
    scores, evidence = _score(analysis, code)
    grams = ngrams(words_of(analysis))
    features = lexicon_features(scores)
    found = []
    for index, margin in _found(analysis, model, grams, features):
        name = model.categories[index]
        shown = evidence.get(name) or (evidence.get(_COMPLAINT) if name == "other" else None)
        listed = backed(name, features)
        if not shown:
            shown = _sentence_evidence(analysis, grams, model.grams[index])
        found.append(Category(name, tuple(shown), listed=listed, margin=round(margin, 4)))
    return tuple(found)


def _found(
    analysis: Analysis, model: CategoryModel, grams: frozenset[str], features: Mapping[str, float]
) -> list[tuple[int, float]]:
    """(index, margin) of the word model's categories, or, with the encoder extra installed
    and the shipped word model in use, of the word model and the encoder's head together (the
    mix alone decides there: letting the word lists decide too lowered it, 0.595 -> 0.591
    cross-validated, bench/README.md)."""
    margins = model.scores(grams, features)
    if model is shipped_model() and encoder_available():
        head = shipped_head()
        if head is not None and head.word_model == word_model_key(model):
            raw = [margin + cutoff for margin, cutoff in zip(margins, model.cutoffs, strict=True)]
            mixed = head.margins(raw, embed(analysis.clean))
            return [(index, margin) for index, margin in enumerate(mixed) if margin >= 0]
    return [(index, margins[index]) for index in model.found_in(margins, features)]


def _sentence_evidence(
    analysis: Analysis, grams: frozenset[str], weights: Mapping[str, float]
) -> list[str]:
    """The sentence holding the words that weigh most for a category the word lists missed."""
    # Only a weighed word can weigh more than nothing (ties go to the first in `grams`).
    weighed = [gram for gram in grams if gram in weights]
    best = max(weighed, key=weights.__getitem__, default=next(iter(grams), ""))
    if weights.get(best, 0.0) <= 0:
        return [analysis.text.strip()[:200]]
    word = best[2:].split(" ")[0]
    folded = analysis.simplified if analysis.script_counts.get("han") else analysis.folded
    for start, end in analysis.sentences:
        if word in folded[start:end]:
            quoted = analysis.quote(start, end).strip()
            if quoted:
                return [quoted]
    return [word]
