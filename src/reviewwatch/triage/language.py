"""Language detection for short review texts, offline and without a model.

Detection reads a text's `Analysis`. Writing systems decide first: kana means Japanese, Han
without kana means Chinese (Traditional, ``zh-Hant``, and Simplified, ``zh-Hans``, told apart
by the analysis), Hangul means Korean, and so on. Latin and Cyrillic texts are scored by
their words and letters against profiles kept in ``data/languages.toml``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain

from reviewwatch.triage import _langid
from reviewwatch.triage._lexicon import load_toml, normalize
from reviewwatch.triage.analysis import Analysis, analyse
from reviewwatch.triage.models import LanguageGuess

# A word shared by many languages tells little about any of them.
_CHAR_CAP = 3
# Below this confidence a second opinion is asked for, when one is installed (`_langid`).
_UNSURE = 0.5
# Tokens whose weights are kept at hand (the same words come back in every review).
_TOKENS_KEPT = 50_000
_Weights = tuple[tuple[str, float], ...]


class _TokenWeights(dict[str, _Weights]):
    """(language, weight) pairs per token, in the order they count: first the elided pieces
    ("l'" and "'article" of "l'article", "n't" of "don't"), then the word itself. Filled as
    tokens are met."""

    def __init__(
        self, words: dict[str, dict[str, float]], affixes: dict[str, dict[str, float]]
    ) -> None:
        super().__init__()
        self.words = words
        self.affixes = affixes

    def __missing__(self, token: str) -> _Weights:
        pairs: list[tuple[str, float]] = []
        if "'" in token:
            head, tail = token.split("'", 1)
            for affix in (head + "'", "n't" if tail == "t" and head.endswith("n") else "'" + tail):
                pairs += self.affixes.get(affix, {}).items()
        pairs += self.words.get(token, {}).items()
        if len(self) >= _TOKENS_KEPT:
            self.clear()
        self[token] = weights = tuple(pairs)
        return weights


@dataclass(frozen=True)
class _Profiles:
    token_weights: _TokenWeights
    chars: dict[str, dict[str, float]]
    char_pattern: re.Pattern[str] | None
    cyrillic: frozenset[str]
    languages: frozenset[str]
    scripts: dict[str, str]
    min_score: float
    near_tie: float


def _spread(index: dict[str, list[str]], weight: float) -> dict[str, dict[str, float]]:
    """Give each feature a weight per language, shrinking with the number of languages."""
    return {
        feature: {lang: weight / math.sqrt(len(langs)) for lang in langs}
        for feature, langs in index.items()
    }


@cache
def _profiles() -> _Profiles:
    data = load_toml("languages.toml")
    settings = data.get("settings", {})
    scripts = {str(k): str(v) for k, v in data.get("scripts", {}).items()}
    words: dict[str, list[str]] = {}
    affixes: dict[str, list[str]] = {}
    chars: dict[str, list[str]] = {}
    cyrillic: set[str] = set()
    for lang, table in data.items():
        if lang in ("settings", "scripts"):
            continue
        for word in {normalize(w) for w in table.get("words", [])}:
            words.setdefault(word, []).append(lang)
            if any("\u0400" <= char <= "\u04ff" for char in word):
                cyrillic.add(lang)
        for affix in {normalize(a) for a in table.get("affixes", [])}:
            affixes.setdefault(affix, []).append(lang)
        for char in set(str(table.get("chars", "")).lower()):
            chars.setdefault(char, []).append(lang)
    char_pattern = re.compile("[" + re.escape("".join(chars)) + "]") if chars else None
    return _Profiles(
        token_weights=_TokenWeights(_spread(words, 1.0), _spread(affixes, 1.0)),
        chars=_spread(chars, 1.5),
        char_pattern=char_pattern,
        cyrillic=frozenset(cyrillic),
        languages=frozenset(lang for lang in data if lang not in ("settings", "scripts")),
        scripts=scripts,
        min_score=float(settings.get("min_score", 1.0)),
        near_tie=float(settings.get("near_tie", 0.8)),
    )


def _score_words(analysis: Analysis, profiles: _Profiles) -> dict[str, float]:
    """Score every profiled language by the words, elisions and letters the text uses."""
    # Weights are added one by one, in text order: the float sums are the same in every run.
    scores: dict[str, float] = {}
    weights: Iterable[_Weights] = map(profiles.token_weights.__getitem__, analysis.words)
    for lang, weight in chain.from_iterable(weights):
        scores[lang] = scores.get(lang, 0.0) + weight
    normalized = analysis.normalized
    if profiles.char_pattern is not None and not normalized.isascii():
        for char, count in Counter(profiles.char_pattern.findall(normalized)).items():
            for lang, weight in profiles.chars[char].items():
                scores[lang] = scores.get(lang, 0.0) + weight * min(count, _CHAR_CAP)
    return scores


def _decide(
    scores: dict[str, float], profiles: _Profiles, hint: str | None, fallback: str
) -> LanguageGuess:
    """Pick the best-scoring language (the first one scored, among equals); the hint only
    breaks near-ties."""
    if not scores:
        return LanguageGuess(fallback, 0.0, fallback=True)
    best = max(scores, key=scores.__getitem__)
    top = scores[best]
    if top < profiles.min_score:
        return LanguageGuess(fallback, 0.0, fallback=True)
    ranked = sorted(scores.values(), reverse=True)
    runner_up = ranked[1] if len(ranked) > 1 else 0.0
    near = top * profiles.near_tie
    if hint is not None and hint in scores and scores[hint] >= near:
        best = hint
    elif len(ranked) > 1 and runner_up >= near and fallback in scores and scores[fallback] >= near:
        best = fallback
    margin = (top - runner_up) / top
    strength = top / (top + 1.5)
    confidence = round(min(1.0, strength * (0.5 + 0.5 * margin)), 3)
    return LanguageGuess(best, confidence)


def _by_script(analysis: Analysis, profiles: _Profiles) -> tuple[str, float] | None:
    """Languages told by their writing system alone, with a confidence; None otherwise."""
    counts = analysis.script_counts
    if analysis.script == "Jpan":
        return "ja", min(1.0, 0.6 + 0.05 * (counts["han"] + counts["kana"]))
    if analysis.script == "Hani":
        return "zh", min(1.0, 0.5 + 0.05 * counts["han"])
    if not counts:
        return None
    dominant = max(counts, key=lambda script: counts[script])
    if counts[dominant] and dominant in profiles.scripts:
        return profiles.scripts[dominant], min(1.0, 0.6 + 0.05 * counts[dominant])
    return None


@dataclass(frozen=True, slots=True)
class _Evidence:
    """What the text itself says about its language, whatever the hint and fallback."""

    by_script: tuple[str, float] | None
    scores: dict[str, float]


# Triage reads the language of the same text more than once (off-topic checks ask again).
@lru_cache(maxsize=256)
def _evidence(analysis: Analysis) -> _Evidence:
    profiles = _profiles()
    cyrillic = False
    counts = analysis.script_counts
    if counts:
        by_script = _by_script(analysis, profiles)
        if by_script is not None:
            return _Evidence(by_script, {})
        cyrillic = counts["cyrillic"] > counts["latin"]
    scores = _score_words(analysis, profiles)
    if not cyrillic and profiles.cyrillic.isdisjoint(scores):
        return _Evidence(None, scores)
    keep = {k: v for k, v in scores.items() if (k in profiles.cyrillic) == cyrillic}
    return _Evidence(None, keep)


def detect_language(
    text: str | Analysis,
    *,
    hint: str | None = None,
    fallback: str = "en",
    second_opinion: bool = True,
) -> LanguageGuess:
    """Guess the ISO 639-1 language of a short review text (or of its analysis).

    ``hint`` (the platform's language, often only the device locale) decides only between
    languages that score nearly the same. When the text gives too little evidence, the
    result is ``fallback`` with ``fallback=True`` and confidence 0. Chinese also says which
    way it is written (``tag`` ``zh-Hant`` or ``zh-Hans``) when the characters show it.
    When the words leave the detector unsure and py3langid is installed (the `langid`
    extra), its answer is taken where it is sure enough (see `_langid`); `second_opinion`
    False asks the words alone.
    """
    analysis = analyse(text) if isinstance(text, str) else text
    return _detect(analysis, _evidence(analysis), hint, fallback, second_opinion)


def _detect(
    analysis: Analysis, evidence: _Evidence, hint: str | None, fallback: str, second_opinion: bool
) -> LanguageGuess:
    if evidence.by_script is not None:
        code, confidence = evidence.by_script
        script = analysis.chinese[3:] if code == "zh" and analysis.chinese else None
        return LanguageGuess(code, round(confidence, 3), script=script)
    hint = hint.split("-")[0].split("_")[0].lower() if hint else None
    guess = _decide(evidence.scores, _profiles(), hint, fallback)
    if second_opinion and (guess.fallback or guess.confidence < _UNSURE):
        other = _langid.second_opinion(analysis.clean, _profiles().languages)
        if other is not None:
            return LanguageGuess(other[0], round(other[1], 3))
    return guess


def primary_language(code: str | None) -> str | None:
    """`en-US` / `zh_Hant` -> `en` / `zh`; None for no code, or one that is no language code
    (a platform may send anything)."""
    if not code:
        return None
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isascii() and primary.isalpha() and len(primary) <= 8 else None


def review_language(title: str | None, body: str | None, hint: str | None) -> str | None:
    """The language stored with a review when it is written: detected from its title and
    text (``zh-Hant`` and ``zh-Hans`` for Chinese when the characters show it); when the
    text is too short or too plain to tell, the platform's language (`hint`), or None."""
    text = "\n".join(part for part in (title, body) if part)
    fallback = primary_language(hint)
    if not text or text.isspace():
        return fallback
    # Each stored review is read once: the caches of triage would only churn.
    analysis = analyse.__wrapped__(text)
    evidence = _evidence.__wrapped__(analysis)
    guess = _detect(analysis, evidence, hint, fallback or "", True)
    if guess.fallback:
        return fallback
    return guess.tag
