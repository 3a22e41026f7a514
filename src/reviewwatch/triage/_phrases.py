"""The reply checker's phrase patterns and rules: the rules of `data/checks/rules.toml`, each
language's patterns and concept words, and the spans they find in a folded reply (offers,
contact data, links), before any relation is read."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reviewwatch.triage import _concepts as concepts
from reviewwatch.triage._caseless import caseless_text, compile_folded, folded_flags
from reviewwatch.triage._clauses import cued
from reviewwatch.triage._concept_words import folded_pattern
from reviewwatch.triage._data import data_names, load_toml
from reviewwatch.triage._dispatch import (
    AFTER_NO_WORD_CHARACTER,
    FirstCharacters,
    alternatives,
    opens_at_word_boundary,
)
from reviewwatch.triage._text import base_language, merge_spans
from reviewwatch.triage.models import Severity

_TERMS = ("incentive", "review", "det", "change_verb", "change_passive", "solicit_verb", "positive")

# Patterns that show an action on a review; with an incentive anywhere in the reply they make
# the offer conditional on the review.
REVIEW_ACTIONS = ("ask_change_review", "solicit_review", "ask_positive_rating")

# Rules whose match is cancelled by a negation just before it ("we will never ask you to
# change your review") or, for asks, by thanks ("thank you for leaving a review").
_NEGATABLE = (
    *REVIEW_ACTIONS,
    "incentive_for_review",
    "pressure_to_change",
    "threat_or_insult",
    "accusation",
    "blame_customer",
    "defensive_tone",
)

_THANKABLE = frozenset(REVIEW_ACTIONS)

SELLER_ACTS = ("ask_change_review",)

_NON_FILES = {"rules", "common"}

INCENTIVE = "incentive_for_review"

# What a warning about a scam ("cash back for a good review" messages not sent by the seller)
# may quote without breaking the rule.
WARNED = (
    INCENTIVE,
    *REVIEW_ACTIONS,
    "pressure_to_change",
    "accusation",
    "threat_or_insult",
)

# How far before a match a negation or a thanks still reaches (characters, same sentence).
_CUE_REACH = 40

WORDLESS = re.compile(r"\w")

# Only a filler with a word in it ("ok", "noted", "收到") is as empty as no word at all; a
# longer text is never a filler alone, so the whole-text match runs on short ones only.
_FILLER_MAX = 40


@functools.cache
def _filler_only() -> re.Pattern[str]:
    """A text made only of fillers (`common.toml`), punctuation and emoji. A Latin filler ends
    at a word's end ("ok" is no "okra"); CJK ones follow each other unseparated ("好的收到")."""
    sources: list[str] = load_toml("checks", "common")["filler"]
    latin = "|".join(folded_pattern(source) for source in sources if source.isascii())
    cjk = "|".join(source for source in sources if not source.isascii())
    filler = f"(?:(?<![^\\W\\d_])(?:{latin})(?![^\\W\\d_])|(?:{cjk}))"
    return re.compile(f"[\\W_]*(?:{filler}[\\W_]*)+", re.IGNORECASE)


def says_something(folded: str) -> bool:
    """Whether a folded text has a word that is more than a filler ("ok", "noted", "👍")."""
    if not WORDLESS.search(folded):
        return False
    return len(folded) > _FILLER_MAX or _filler_only().fullmatch(folded) is None


# Format characters no reader sees: soft hyphen, zero-width spaces and joiners, word joiner,
# byte-order mark.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    severity: Severity
    when: str
    message: str
    repeat_at: int


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    table = load_toml("checks", "rules")
    return tuple(
        Rule(
            name=name,
            severity=spec["severity"],
            when=spec["when"],
            message=spec["message"],
            repeat_at=spec.get("repeat_at", 0),
        )
        for name, spec in table.items()
    )


@functools.cache
def rules_by_name() -> Mapping[str, Rule]:
    return {rule.name: rule for rule in all_rules()}


@functools.cache
def supported_languages() -> tuple[str, ...]:
    """Languages with their own checker patterns."""
    return tuple(name for name in data_names("checks") if name not in _NON_FILES)


def _expand(pattern: str, data: Mapping[str, Any]) -> str:
    """Fill `{term}` placeholders with the language's term lists and `{gap}` with a few words."""
    terms: Mapping[str, list[str]] = data["terms"]
    for name in _TERMS:
        alternatives = terms.get(name) or ["(?!)"]
        pattern = pattern.replace("{" + name + "}", "(?:" + "|".join(alternatives) + ")")
    gap = f"(?:[\\w'-]+\\s+){{0,{data['gap_words']}}}?"
    return folded_pattern(pattern.replace("{gap}", gap))


@functools.cache
def _language_patterns(language: str) -> dict[str, tuple[str, ...]]:
    """The expanded regex sources of one language, per rule (plus `incentive` and the cues
    `negation` and `thanks`)."""
    data = load_toml("checks", language)
    patterns = {
        name: tuple(_expand(source, data) for source in sources)
        for name, sources in data["patterns"].items()
    }
    patterns["incentive"] = (_expand("(?:{incentive})", data),)
    for cue in ("negation", "thanks"):
        sources = data["terms"].get(cue)
        if sources:
            patterns[cue] = (folded_pattern("(?:" + "|".join(sources) + ")"),)
    return patterns


@functools.cache
def _compiled(
    name: str, languages: tuple[str, ...], caseless: bool = False
) -> re.Pattern[str] | None:
    """One regex for `name` across `languages`, or None when no language has patterns for it.
    `caseless`: for a text without upper-case letters (`_caseless.compile_folded`)."""
    source = _joined(name, languages)
    return compile_folded(source, caseless) if source else None


def _joined(name: str, languages: tuple[str, ...]) -> str:
    """The regex source of `name` across `languages` ("" when none has patterns for it)."""
    sources = [src for lang in languages for src in _language_patterns(lang).get(name, ())]
    return "|".join(f"(?:{source})" for source in sources)


@functools.cache
def _common(name: str) -> re.Pattern[str]:
    sources: list[str] = load_toml("checks", "common")[name]
    return re.compile("|".join(f"(?:{source})" for source in sources), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _PhraseUnion:
    """The phrase patterns filed by first character (`FirstCharacters`): those that open at a
    word boundary, tried only where a word starts, and the rest, tried at every place; and
    the names of the rules whose patterns run with IGNORECASE, searched one by one."""

    at_word_starts: FirstCharacters
    anywhere: FirstCharacters
    others: tuple[str, ...]


@functools.cache
def _phrase_union(languages: tuple[str, ...], caseless: bool) -> _PhraseUnion:
    """The phrase patterns of every pattern rule (contact data and links aside) and the offer
    words, filed by first character where they run without IGNORECASE (`FirstCharacters`);
    the names of the others, searched one by one. Most patterns open with `\\b` before a
    letter: a place inside a word cannot start them, so they are tried at word starts only.
    A pattern that is one group of alternatives (each language's offer words, which may start
    inside a word) is filed as its alternatives (`alternatives`): each is then tried only
    where its own first characters stand, not the whole group at almost every letter."""
    filed: list[str] = []
    others: list[str] = []
    names = [rule.name for rule in pattern_rules() if rule.when not in ("contact", "links")]
    for name in (*names, "incentive"):
        # The flags `_compiled` would give, judged without compiling it.
        source = _joined(name, languages)
        if source and folded_flags(source, caseless) & re.IGNORECASE:
            others.append(name)
        else:
            filed += [
                word
                for lang in languages
                for pattern in _language_patterns(lang).get(name, ())
                for word in alternatives(pattern)
            ]
    bounded = [source for source in filed if opens_at_word_boundary(source)]
    rest = [source for source in filed if not opens_at_word_boundary(source)]
    return _PhraseUnion(
        FirstCharacters(bounded, AFTER_NO_WORD_CHARACTER), FirstCharacters(rest), tuple(others)
    )


def phrases_absent(text: str, languages: tuple[str, ...], caseless: bool) -> bool:
    """Whether no phrase pattern of a pattern rule (contact data and links aside) and no offer
    word matches anywhere in folded `text` (`caseless`: `_caseless.caseless_text(text)`)."""
    union = _phrase_union(languages, caseless)
    if union.at_word_starts.search(text) or union.anywhere.search(text):
        return False
    others = union.others
    return not any(
        (pattern := _compiled(name, languages, caseless)) and pattern.search(text)
        for name in others
    )


@functools.lru_cache(maxsize=256)
def languages_for(language: str | None) -> tuple[str, ...]:
    """Which pattern sets to run: all of them, or the given language plus English."""
    supported = supported_languages()
    code = base_language(language)
    if code not in supported:
        return supported
    return (code,) if code == "en" else (code, "en")


def _cued(cue: str, text: str, start: int, languages: tuple[str, ...]) -> bool:
    """Whether `cue` (negation, thanks) stands just before `start` (`_clauses.cued`)."""
    if cue == "thanks":
        return cued(_compiled(cue, languages), text, start, reach=60, words=5)
    return cued(_compiled(cue, languages), text, start, reach=_CUE_REACH)


@functools.lru_cache(maxsize=64)
def cues_for(languages: tuple[str, ...], caseless: bool = False) -> concepts.Cues:
    """The negation and thanks cues (`caseless`: for a text without upper-case letters)."""
    return concepts.Cues(
        _compiled("negation", languages, caseless), _compiled("thanks", languages, caseless)
    )


def find_spans(
    name: str,
    text: str,
    languages: tuple[str, ...],
    reading: concepts.Reading | None = None,
) -> list[tuple[int, int]]:
    """Where phrase pattern `name` matches, less the matches a negation or thanks covers
    (read with the concepts' wider reach when `reading` is given)."""
    caseless = reading.caseless if reading is not None else caseless_text(text)
    pattern = _compiled(name, languages, caseless)
    if pattern is None:
        return []
    spans = [match.span() for match in pattern.finditer(text)]
    if name in _NEGATABLE:
        if reading is None:
            spans = [span for span in spans if not _cued("negation", text, span[0], languages)]
        else:
            aside = name in _THANKABLE or name in ("pressure_to_change", INCENTIVE)
            spans = [span for span in spans if not reading.negated(span, aside=aside)]
    if name in _THANKABLE:
        if reading is None:
            spans = [span for span in spans if not _cued("thanks", text, span[0], languages)]
        else:
            spans = [span for span in spans if not reading.thanked(span)]
    return merge_spans(spans)


def offer_spans(text: str, languages: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where `text` offers something (refund, voucher, discount ...), unless negated."""
    incentive = _compiled("incentive", languages, caseless_text(text))
    if incentive is None:
        return []
    offers = [match.span() for match in incentive.finditer(text)]
    return [span for span in offers if not _cued("negation", text, span[0], languages)]


def tie_spans(
    offers: Sequence[tuple[int, int]], actions: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """An offer and an action on a review anywhere in one reply tie the offer to the review:
    the span from the first of them to the end of the other."""
    if not offers or not actions:
        return []
    first, last = min(offers[0], actions[0]), max(offers[0], actions[0])
    return [(first[0], max(first[1], last[1]))]


def phone_spans(text: str) -> Iterator[tuple[int, int]]:
    """Numbers that look like phone numbers: 9-15 digits, or 7+ after a phone word; no dates,
    and no order, invoice or ticket number named as one."""
    words = _common("phone_words")
    references = _common("reference_before")
    for match in _common("phone").finditer(text):
        digits = sum(char.isdigit() for char in match.group())
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", match.group()):
            continue
        # A phone word earlier in the same sentence, within 40 characters ("call our manager
        # Anna on 29 123 456").
        before = re.split(r"[.!?;。！？\n]", text[max(0, match.start() - 40) : match.start()])[-1]
        near_word = words.search(before) is not None
        if references.search(before) and not match.group().startswith("+"):
            continue
        # A number glued to a letter of another script ("订单号2024051812") is a phone number
        # only after a phone word or as a mainland mobile number (11 digits from 13-19).
        glued = match.start() > 0 and text[match.start() - 1].isalpha()
        mobile = re.fullmatch(r"1[3-9]\d{9}", match.group()) is not None
        if glued and not (near_word or mobile):
            continue
        if 9 <= digits <= 15 or (digits >= 7 and (near_word or match.group().startswith("+"))):
            yield match.span()


def link_spans(text: str) -> list[tuple[int, int]]:
    """Links that are not part of an e-mail address."""
    urls = [match.span() for match in _common("url").finditer(text)]
    if not urls:
        return []
    emails = email_spans(text)
    return [span for span in urls if not any(overlaps(span, mail) for mail in emails)]


def email_spans(text: str) -> list[tuple[int, int]]:
    """E-mail addresses, written plainly or spelled out ("support (at) shop (dot) com"); a
    spelled one only where a bracketed "at" or a word for "dot" stands (few texts)."""
    spelled = []
    if _SPELLED_HINT.search(text):
        spelled = [match.span() for match in _common("email_spelled").finditer(text)]
    if "@" not in text and _email_needs_at():
        return spelled
    plain = [match.span() for match in _common("email").finditer(text)]
    return merge_spans(plain + spelled)


_SPELLED_HINT = re.compile(
    r"[\[({<]\s*(?:at|@)|(?<![^\W\d_])(?:dot|punkt|point|punto|ponto|kropka|punt|punkts)(?![^\W\d_])"
)


@functools.cache
def _email_needs_at() -> bool:
    """Whether every e-mail pattern has a literal "@": then a text without one has no e-mail
    address and needs no regex pass at all (most texts)."""
    sources: list[str] = load_toml("checks", "common")["email"]
    return all("@" in source for source in sources)


def overlaps(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] < other[1] and other[0] < one[1]


WHOLE_TEXT = ("length", "repeated", "empty")


@functools.cache
def pattern_rules() -> tuple[Rule, ...]:
    """The rules found by patterns, in their order."""
    return tuple(rule for rule in all_rules() if rule.when not in WHOLE_TEXT)
