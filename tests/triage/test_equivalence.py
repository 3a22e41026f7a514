"""The fast paths of the text analysis give exactly what the plain versions give.

Each test runs a plain reference version of one piece of triage (the straightforward way to
do it) next to the one the package uses, over the labelled reviews and over generated text
that mixes the words of the lists with punctuation, digits, accents and other scripts.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewwatch.triage import (
    _caseless,
    _complaint_kinds,
    _concepts,
    _langid,
    _lexicon,
    _personal,
    _phrases,
    _reply_spans,
    checker,
    drafts,
    grounds,
    language,
)
from reviewwatch.triage import analysis as analysis_module
from reviewwatch.triage._lexicon import WORD_CHAR, Matcher, compile_terms, load_toml, normalize
from reviewwatch.triage.analysis import analyse
from reviewwatch.triage.categories import normalize_for
from reviewwatch.triage.models import PLATFORMS, BusinessInfo, Category, LanguageGuess, ReviewInput
from reviewwatch.triage.policies import load_policy

from .conftest import DEV_ROWS

_Found = list[tuple[int, int, tuple[int, ...]]]


def _table_terms(table: object) -> Iterator[str]:
    """Every term of a TOML table of word lists (lists nested in tables, in file order)."""
    if isinstance(table, dict):
        for value in table.values():
            yield from _table_terms(value)
    elif isinstance(table, list):
        for item in table:
            if isinstance(item, str) and item.strip():
                yield item


@functools.cache
def _word_lists() -> dict[str, tuple[tuple[str, ...], bool]]:
    """Word lists to compile, each with whether its language separates words by spaces."""
    lists = {
        f"categories-{code}": (tuple(_table_terms(load_toml("categories", f"{code}.toml"))), spaced)
        for code, spaced in (("en", True), ("es", True), ("zh", False))
    }
    data = load_toml("grounds.toml")
    swearing = data["obscene_language"]
    spam, threat = data["promotional_or_spam"], data["threat_or_extortion"]
    first_scan = [*swearing["en"], *spam["recovery"], *threat["review_words"], *threat["harm"]]
    lists["grounds-en"] = (tuple(first_scan), True)
    lists["grounds-zh"] = ((*swearing["zh"], *threat["review_words"]), False)
    # Terms that all hold a character outside ASCII (as `script_matchers` gives the Chinese and
    # Japanese half of a list): an ASCII text is not scanned at all (`needs_non_ascii`).
    chinese = lists["categories-zh"][0]
    lists["non-ascii-zh"] = (tuple(t for t in chinese if not normalize(t).isascii()), False)
    return lists


def _vocabulary() -> list[str]:
    words = [word for terms, _ in _word_lists().values() for word in terms]
    return sorted({word.replace("*", "").replace(" .. ", " very ") for word in words})


_PIECES = [*"!?\n-'’*€$#@_1éÉñßłİ超的カЖﬁ\u0301", " ", "  ", ", ", ". ", "42", "<br />", "ing"]
_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(_vocabulary()),
        st.sampled_from(_vocabulary()).map(str.title),
        st.sampled_from(_PIECES),
        st.text(max_size=4),
    ),
    max_size=24,
).map("".join)
_DEV_TEXTS = [str(row["text"]) for row in DEV_ROWS]


def _reference_regex(
    terms: tuple[str, ...], spaced: bool
) -> tuple[re.Pattern[str], list[tuple[int, ...]]]:
    """The word list compiled the plain way: one regex, each term after a look-behind and
    ending with its own word boundary and an empty named group; the labels per group."""
    root: dict[str, Any] = {}
    for label, term in enumerate(terms):
        node = root
        for atom in _lexicon._atoms(term, spaced):
            node = node.setdefault(atom, {})
        labels = node.setdefault("", [])
        if label not in labels:
            labels.append(label)
    boundary = f"(?!{WORD_CHAR})" if spaced else ""
    groups: list[tuple[int, ...]] = []

    def emit(node: dict[str, Any]) -> str:
        branches = [
            _lexicon._atom_regex(atom) + emit(child) for atom, child in node.items() if atom
        ]
        if "" in node:
            groups.append(tuple(node[""]))
            branches.append(f"{boundary}(?P<t{len(groups) - 1}>)")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    start = f"(?<!{WORD_CHAR})" if spaced else ""
    return re.compile(start + emit(root)), groups


@functools.cache
def _compiled(name: str) -> tuple[Matcher, re.Pattern[str], list[tuple[int, ...]]]:
    terms, spaced = _word_lists()[name]
    matcher = compile_terms(((term, label) for label, term in enumerate(terms)), spaced=spaced)
    return (matcher, *_reference_regex(terms, spaced))


def _assert_same_matches(texts: list[str]) -> None:
    for name in _word_lists():
        matcher, reference, groups = _compiled(name)
        for text in texts:
            for variant in (text, text.upper(), text.replace(" ", "€"), text.replace(" ", "超")):
                normalized = normalize_for(variant, "zh" if name.endswith("zh") else "en")
                expected: _Found = [
                    (match.start(), match.end(), groups[int(str(match.lastgroup)[1:])])
                    for match in reference.finditer(normalized)
                    if match.lastgroup
                ]
                assert list(matcher.finditer(normalized)) == expected, (name, variant)


def test_word_lists_match_as_one_plain_regex_on_the_labelled_reviews() -> None:
    _assert_same_matches(_DEV_TEXTS)


def test_a_list_of_non_ascii_terms_skips_ascii_texts() -> None:
    """The list whose terms all hold a character outside ASCII skips ASCII texts (compared
    with the plain regex above, on the labelled reviews, most of them ASCII), and only it."""
    skipping = {name for name in _word_lists() if _compiled(name)[0].needs_non_ascii}
    assert skipping == {"non-ascii-zh"}
    if not _DEV_TEXTS:
        pytest.skip("the labelled reviews (shared/data/dev-reviews.jsonl) are absent")
    assert sum(text.isascii() for text in _DEV_TEXTS) > len(_DEV_TEXTS) / 2


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=4))
def test_word_lists_match_as_one_plain_regex(texts: list[str]) -> None:
    _assert_same_matches(texts)


# Language detection the plain way: one token at a time, then a sorted ranking.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_REFERENCE_WORD = re.compile(f"[{_CJK}]|[^\\W\\d_{_CJK}]+(?:'[^\\W\\d_{_CJK}]+)?")


def _reference_scores(text: str) -> dict[str, float]:
    profiles = language._profiles()
    words, affixes = profiles.token_weights.words, profiles.token_weights.affixes
    scores: dict[str, float] = {}
    normalized = analyse(text).normalized
    for token in _REFERENCE_WORD.findall(normalize(text)):
        if "'" in token:
            head, tail = token.split("'", 1)
            for affix in (head + "'", "n't" if tail == "t" and head.endswith("n") else "'" + tail):
                for lang, weight in affixes.get(affix, {}).items():
                    scores[lang] = scores.get(lang, 0.0) + weight
        for lang, weight in words.get(token, {}).items():
            scores[lang] = scores.get(lang, 0.0) + weight
    if profiles.char_pattern is not None and not normalized.isascii():
        for char, count in Counter(profiles.char_pattern.findall(normalized)).items():
            for lang, weight in profiles.chars[char].items():
                scores[lang] = scores.get(lang, 0.0) + weight * min(count, 3)
    return scores


def _reference_language(text: str, hint: str | None, fallback: str) -> LanguageGuess:
    profiles = language._profiles()
    hint = hint.split("-")[0].split("_")[0].lower() if hint else None
    cyrillic = False
    analysis = analyse(text)
    if analysis.script_counts:
        by_script = language._by_script(analysis, profiles)
        if by_script is not None:
            chinese = analysis.chinese if by_script[0] == "zh" else None
            script = chinese[3:] if chinese else None
            return LanguageGuess(by_script[0], round(by_script[1], 3), script=script)
        cyrillic = analysis.script_counts["cyrillic"] > analysis.script_counts["latin"]
    scores = {
        lang: score
        for lang, score in _reference_scores(text).items()
        if (lang in profiles.cyrillic) == cyrillic
    }
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] < profiles.min_score:
        return LanguageGuess(fallback, 0.0, fallback=True)
    best, top = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    tied = {lang for lang, score in ranked if score >= top * profiles.near_tie}
    if hint is not None and hint in tied:
        best = hint
    elif len(tied) > 1 and fallback in tied:
        best = fallback
    margin = (top - runner_up) / top
    confidence = round(min(1.0, top / (top + 1.5) * (0.5 + 0.5 * margin)), 3)
    return LanguageGuess(best, confidence)


_HINTS = [None, "en", "es", "fr-CA", "de_DE", "nl", "pt", "it", "xx"]


def test_language_is_detected_as_plainly_on_the_labelled_reviews() -> None:
    # The words alone, as the default install decides (the second opinion is its own test).
    with mock.patch.object(_langid, "enabled", False):
        _assert_plain_languages()


def _assert_plain_languages() -> None:
    for text in _DEV_TEXTS:
        for hint in _HINTS:
            expected = _reference_language(text, hint, "en")
            assert language.detect_language(text, hint=hint) == expected, (text, hint)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.sampled_from(_HINTS), st.sampled_from(["en", "de", "es"]))
def test_language_is_detected_as_plainly(text: str, hint: str | None, fallback: str) -> None:
    expected = _reference_language(text, hint, fallback)
    with mock.patch.object(_langid, "enabled", False):
        assert language.detect_language(text, hint=hint, fallback=fallback) == expected


# The analysis the plain way: every piece of the text (a character with its combining marks,
# an HTML entity, a tag) normalised on its own, each position mapped to its piece.
_PLAIN_MARKUP = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|</?[A-Za-z!][^<>]{0,80}>"
)


def _reference_levels(text: str) -> tuple[list[str], list[list[tuple[int, int]]]]:
    source = analysis_module._fold_lookalikes(text)
    levels: list[str] = ["", "", ""]
    spans: list[list[tuple[int, int]]] = [[], []]
    index = 0
    while index < len(source):
        markup = _PLAIN_MARKUP.match(source, index)
        if markup:
            piece = markup.group()
            decoded = html.unescape(piece) if piece.startswith("&") else None
            forms = analysis_module._forms_of(decoded) if decoded else (" ", " ", " ")
            stop = markup.end()
        else:
            stop = index + 1
            while stop < len(source) and unicodedata.combining(source[stop]):
                stop += 1
            forms = analysis_module._forms_of(source[index:stop])
        for level in range(3):
            levels[level] += forms[level]
        spans[0] += [(index, stop)] * len(forms[0])
        spans[1] += [(index, stop)] * len(forms[2])
        index = stop
    return levels, spans


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        _TEXTS,
        st.text(),
        st.lists(
            st.sampled_from(
                [
                    "fr\u0435\u0435",
                    "\u200b",
                    "\u00ad",
                    "&amp;",
                    "&#39;",
                    "<br />",
                    "ＡＢ１",
                    "…",
                    "e\u0301",
                    "ß",
                    "İ",
                    "這個",
                    "这个",
                    "м\u0430газин",
                    " ",
                    "´",
                    "ﬁ",
                    "\ufe0f",
                ]
            ),
            max_size=12,
        ).map("".join),
    )
)
def test_analysis_is_made_as_plainly(text: str) -> None:
    analysis = analyse(text)
    (clean, normalized, folded), (clean_spans, folded_spans) = _reference_levels(text)
    if analysis._clean_map is None and analysis._folded_map is None:
        # The fast paths: nothing moved, each character is one character at every level.
        assert (analysis.clean, analysis.folded) == (clean, folded)
        assert analysis.normalized == normalized
        assert all(end - start == 1 for start, end in folded_spans)
        assert all(end - start == 1 for start, end in clean_spans)
        return
    assert (analysis.clean, analysis.normalized, analysis.folded) == (clean, normalized, folded)
    assert [analysis.span(i, i + 1, level="clean") for i in range(len(clean))] == clean_spans
    assert [analysis.span(i, i + 1) for i in range(len(folded))] == folded_spans


# Regexes rewritten so that the engine only tries where they can start.
_URL_CUES = re.compile(
    r"https?://|www\.|\.(?:com|net|org|io|shop|store|xyz|top|info|biz|co|ly)\b", re.IGNORECASE
)
_NAME = _personal._NAME_WORD
# A first name has no "O'" opening and may be double with a hyphen ("Jean-Pierre").
_FIRST = (
    rf"[{_personal._UPPER}](?:[{_personal._LOWER}]+[{_personal._UPPER}])?[{_personal._LOWER}]+"
    rf"(?:-[{_personal._UPPER}][{_personal._LOWER}]+)?"
)
_FULL_NAME = re.compile(
    rf"(?<![\w])({_FIRST})\s+(?:[{_personal._UPPER}]\.\s*)?"
    rf"((?:{_personal._PARTICLE}\s+)?{_NAME}(?:[ -](?:{_personal._PARTICLE}\s+)?{_NAME})?)(?![\w])"
)
_SPELLINGS = st.sampled_from(["Www.Shop.COM", "HTTPS://", "httpſ://", "x.Co ", "Anna Maria Lopez"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_TEXTS, _SPELLINGS, st.text(max_size=8)), max_size=4).map(" ".join))
def test_rewritten_regexes_find_the_same(text: str) -> None:
    for variant in (text, text.title(), text.upper()):
        assert bool(grounds._MAY_BE_URL.search(variant)) == bool(_URL_CUES.search(variant))
        found = [(m.span(), m.groups()) for m in _personal._FULL_NAME.finditer(variant)]
        assert found == [(m.span(), m.groups()) for m in _FULL_NAME.finditer(variant)]


# The checker skips the platform rules for a part that breaks none of them anywhere.
@settings(max_examples=200, deadline=None)
@given(st.one_of(_TEXTS, st.sampled_from(["Call +44 7911 123456.", "mail a@b.co", "www.x.com"])))
def test_a_clean_part_breaks_no_rule_on_any_platform(text: str) -> None:
    for languages in (("en",), ("es", "en"), checker.supported_languages()):
        if _reply_spans.raw_spans(text, languages).clean:
            for platform in PLATFORMS:
                for surface in ("public_reply", "private_message"):
                    assert not checker._sentence_spans(text, platform, surface, languages)


# Drafts fill each chosen phrase as they choose it: the same phrases as picking them first.
@settings(max_examples=200, deadline=None)
@given(
    st.text(min_size=1, max_size=40),
    st.integers(min_value=0, max_value=40),
    st.sampled_from(PLATFORMS),
    st.sampled_from(["en", "es", "zh", "de"]),
    st.lists(st.sampled_from(["product_quality", "shipping_delay", "other", "usability"])),
    st.sampled_from(["store", "place", "app", "service"]),
)
def test_drafts_pick_the_same_phrases(
    body: str, variant: int, platform: str, code: str, names: list[str], kind: str
) -> None:
    review = ReviewInput(platform, 1, "negative", None, body, author="Jane D.")
    policy = load_policy(platform)
    business = BusinessInfo(name="Acme", signature="Anna", contact="our support page")
    values = drafts._values(review, business, policy, code)
    categories = [Category(name) for name in names]
    main = tuple(drafts.draft_categories(categories))
    role = values.fields["role"]
    complaints = _complaint_kinds.find_complaints(code, categories, main, review.text, role, kind)
    layout = drafts._layout(code, False, complaints, kind, policy.channel.key, values.present)
    fills = drafts._fills(code, values.key)
    picked = drafts._pick(layout.options, drafts._seed(review), variant)
    texts = {key: fills[template] for key, template in zip(layout.keys, picked, strict=True)}
    expected = drafts._fit(code, texts, policy.reply.max_chars)
    assert drafts._compose(review, code, categories, values, policy, variant, kind) == expected


# A reading in which no phrase pattern occurs searches no rule's pattern on its own.
_READ_TEXTS = [
    *(
        greeting.format(name)
        for greeting in ("Bonjour {} !", "Buenos días, {}:", "Guten Tag, {}!", "Sorry, {}.")
        for name in ("Janeaabc", "Gratis", "Avis", "Refund", "Marco")
    ),
    "Thanks for your review, here is a 10% coupon.",
    "We will not offer a refund for your review.",
    "Bonjour Jane, merci pour votre avis, nous vous remboursons.",
    "Please update your review once we have sent the replacement.",
    "您好，给好评返现五元。",
]


def _read_both_ways(text: str, languages: tuple[str, ...]) -> tuple[Any, Any]:
    """`read_spans` of folded `text`, and the same with every rule's phrase pattern and the
    offer words searched on their own (the union taken to find something every time)."""
    folded = analyse(text).folded

    def reading() -> Any:
        cues = _phrases.cues_for(languages, _caseless.caseless_text(folded))
        return _concepts.Reading(folded, languages, cues)

    fast = _reply_spans.read_spans(folded, languages, reading())
    with mock.patch.object(_reply_spans, "phrases_absent", return_value=False):
        plain = _reply_spans.read_spans(folded, languages, reading())
    return fast, plain


def test_a_reading_without_phrases_finds_what_searching_each_rule_finds() -> None:
    texts = [*_READ_TEXTS, *_DEV_TEXTS[::4]]
    absent = Counter[bool]()
    for languages in (("en",), ("fr", "en"), ("es", "en"), ("de", "en"), ("zh", "en")):
        for text in texts:
            fast, plain = _read_both_ways(text, languages)
            assert fast == plain, (text, languages)
            folded = analyse(text).folded
            absent[_phrases.phrases_absent(folded, languages, _caseless.caseless_text(folded))] += 1
    # Both ways are taken: texts without phrases, and texts with them.
    assert absent[True] > 20 and absent[False] > 20


@settings(max_examples=100, deadline=None)
@given(_TEXTS)
def test_a_reading_without_phrases_finds_the_same(text: str) -> None:
    fast, plain = _read_both_ways(text, checker.supported_languages())
    assert fast == plain
