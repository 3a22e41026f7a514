"""Language detection for short review texts, offline and without a model.

Writing systems decide first: kana means Japanese, Han without kana means Chinese (Traditional
and Simplified alike), Hangul means Korean, and so on. Latin and Cyrillic texts are scored
against word and letter profiles kept in ``data/languages.toml``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain

from reviewwatch.triage._lexicon import load_toml, normalize
from reviewwatch.triage.models import LanguageGuess

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\uff66-\uff9f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_NON_LATIN = re.compile(
    r"[\u0370-\u10ff\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]"
)
_OTHER_SCRIPTS: dict[str, re.Pattern[str]] = {
    "greek": re.compile(r"[\u0370-\u03ff]"),
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"),
    "arabic": re.compile(r"[\u0600-\u06ff]"),
    "hebrew": re.compile(r"[\u0590-\u05ff]"),
    "thai": re.compile(r"[\u0e00-\u0e7f]"),
    "devanagari": re.compile(r"[\u0900-\u097f]"),
    "georgian": re.compile(r"[\u10a0-\u10ff]"),
    "armenian": re.compile(r"[\u0530-\u058f]"),
}
# Text is normalised first: case-folded, Latin accents removed.
_WORD = re.compile(r"[a-z\u00df-\u024f\u0400-\u04ff]+(?:'[a-z\u00df-\u024f\u0400-\u04ff]+)?")
# Each ASCII byte that is not a lower-case letter becomes a space.
_LETTERS_ONLY = bytes(byte if 0x61 <= byte <= 0x7A else 0x20 for byte in range(256))
# A word shared by many languages tells little about any of them.
_CHAR_CAP = 3
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


class _AsciiTokenWeights(dict[bytes, _Weights]):
    """The same pairs for ASCII tokens without an apostrophe, looked up as bytes."""

    def __init__(self, token_weights: _TokenWeights) -> None:
        super().__init__()
        self.token_weights = token_weights

    def __missing__(self, token: bytes) -> _Weights:
        if len(self) >= _TOKENS_KEPT:
            self.clear()
        self[token] = weights = self.token_weights[token.decode("ascii")]
        return weights


@dataclass(frozen=True)
class _Profiles:
    token_weights: _TokenWeights
    ascii_token_weights: _AsciiTokenWeights
    chars: dict[str, dict[str, float]]
    char_pattern: re.Pattern[str] | None
    cyrillic: frozenset[str]
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
            if _CYRILLIC.search(word):
                cyrillic.add(lang)
        for affix in {normalize(a) for a in table.get("affixes", [])}:
            affixes.setdefault(affix, []).append(lang)
        for char in set(str(table.get("chars", "")).lower()):
            chars.setdefault(char, []).append(lang)
    char_pattern = re.compile("[" + re.escape("".join(chars)) + "]") if chars else None
    token_weights = _TokenWeights(_spread(words, 1.0), _spread(affixes, 1.0))
    return _Profiles(
        token_weights=token_weights,
        ascii_token_weights=_AsciiTokenWeights(token_weights),
        chars=_spread(chars, 1.5),
        char_pattern=char_pattern,
        cyrillic=frozenset(cyrillic),
        scripts=scripts,
        min_score=float(settings.get("min_score", 1.0)),
        near_tie=float(settings.get("near_tie", 0.8)),
    )


def _score_words(text: str, profiles: _Profiles) -> dict[str, float]:
    """Score every profiled language by the words, elisions and letters the text uses."""
    # Weights are added one by one, in text order: the float sums are the same in every run.
    scores: dict[str, float] = {}
    for lang, weight in chain.from_iterable(_token_weights(normalize(text), profiles)):
        scores[lang] = scores.get(lang, 0.0) + weight
    if profiles.char_pattern is not None and not text.isascii():
        for char, count in Counter(profiles.char_pattern.findall(text.lower())).items():
            for lang, weight in profiles.chars[char].items():
                scores[lang] = scores.get(lang, 0.0) + weight * min(count, _CHAR_CAP)
    return scores


def _token_weights(normalized: str, profiles: _Profiles) -> Iterator[_Weights]:
    """The (language, weight) pairs of each `_WORD` token of the text, in text order."""
    if normalized.isascii() and "'" not in normalized:
        # Then the tokens are the runs of letters: split the bytes, much faster than a regex.
        letters = normalized.encode("ascii").translate(_LETTERS_ONLY)
        return map(profiles.ascii_token_weights.__getitem__, letters.split())
    return map(profiles.token_weights.__getitem__, _WORD.findall(normalized))


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


def _script_counts(text: str) -> dict[str, int]:
    """Count letters per writing system, looking only at the (usually few) non-Latin ones.

    The writing systems' ranges do not overlap and all lie within `_NON_LATIN`, so each count
    is one regex pass; the other scripts are listed in the order they first appear.
    """
    others = len(_NON_LATIN.findall(text))
    if not others:
        return {"han": 0, "kana": 0, "cyrillic": 0, "latin": 0}
    counts = {
        "han": len(_HAN.findall(text)),
        "kana": len(_KANA.findall(text)),
        "cyrillic": len(_CYRILLIC.findall(text)),
        "latin": len(_LATIN.findall(text)),
    }
    if counts["han"] + counts["kana"] + counts["cyrillic"] < others:
        found = []
        for script, pattern in _OTHER_SCRIPTS.items():
            first = pattern.search(text)
            if first is not None:
                found.append((first.start(), script, len(pattern.findall(text))))
        for _, script, count in sorted(found):
            counts[script] = count
    return counts


def _by_script(counts: dict[str, int], profiles: _Profiles) -> tuple[str, float] | None:
    """Languages told by their writing system alone, with a confidence; None otherwise."""
    # One CJK character carries about as much as a short Latin word.
    cjk = counts["han"] + counts["kana"]
    if cjk and cjk * 3 >= counts["latin"]:
        if counts["kana"] >= 2 or (counts["kana"] and counts["kana"] * 10 >= cjk):
            return "ja", min(1.0, 0.6 + 0.05 * cjk)
        return "zh", min(1.0, 0.5 + 0.05 * counts["han"])
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
def _evidence(text: str) -> _Evidence:
    profiles = _profiles()
    cyrillic = False
    if not text.isascii():
        counts = _script_counts(text)
        by_script = _by_script(counts, profiles)
        if by_script is not None:
            return _Evidence(by_script, {})
        cyrillic = counts["cyrillic"] > counts["latin"]
    scores = _score_words(text, profiles)
    if not cyrillic and profiles.cyrillic.isdisjoint(scores):
        return _Evidence(None, scores)
    keep = {k: v for k, v in scores.items() if (k in profiles.cyrillic) == cyrillic}
    return _Evidence(None, keep)


def detect_language(text: str, *, hint: str | None = None, fallback: str = "en") -> LanguageGuess:
    """Guess the ISO 639-1 language of a short review text.

    ``hint`` (the platform's language, often only the device locale) decides only between
    languages that score nearly the same. When the text gives too little evidence, the
    result is ``fallback`` with ``fallback=True`` and confidence 0.
    """
    evidence = _evidence(text)
    if evidence.by_script is not None:
        code, confidence = evidence.by_script
        return LanguageGuess(code, round(confidence, 3))
    hint = hint.split("-")[0].split("_")[0].lower() if hint else None
    return _decide(evidence.scores, _profiles(), hint, fallback)
