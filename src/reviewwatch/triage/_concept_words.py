"""The words that express each concept, read from each checker language's `[concepts]`.

Each checker language lists, in the `[concepts]` table of `data/checks/<language>.toml`, the
words that express a concept: an incentive (money, refund, voucher, gift, points ...), a review
(review, feedback, comment ...) or its rating (stars, score ...), changing one (edit, update,
remove, take down ...), raising one (raise, bump, improve ...), a request or condition (please,
could you, if, once ...), an exchange (in return, in exchange ...), the seller speaking (we, our
...), the reviewer addressed (you, your ...), lying and fakes, competitors, fault, not reading
the instructions, courts and lawyers, insults, "instead of" and posting; chasing the reviewer
("we have written to you four times"), an offer already made ("has been refunded"), telling
others ("let people know"), contacting the seller, scorn for a text ("a ridiculous review"), a
lesser food or place (fast food, a children's menu) and its fitting the reviewer ("more your
level"), and streets (for postal addresses). Words are prefixes (stems): "refund" also finds
"refunded".

Each concept becomes one regex over the languages being read, folded like the reply
(`folded_pattern`); `_concepts.Reading` finds and relates its occurrences.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from reviewwatch.triage._caseless import compile_folded, folded_flags
from reviewwatch.triage._data import load_toml
from reviewwatch.triage._dispatch import FirstCharacters
from reviewwatch.triage._lexicon import UNSPACED_LANGUAGES
from reviewwatch.triage.analysis import fold

# Every concept the relations ask for; a `[concepts]` key not named here is never read.
CONCEPTS = (
    "incentive",
    "positive",
    "claim",
    "untrue",
    "misuse",
    "review",
    "rating",
    "change",
    "referent",
    "raise",
    "request",
    "exchange",
    "we",
    "we_object",
    "you",
    "false",
    "competitor",
    "origin",
    "fault",
    "yourfault",
    "neglect",
    "neglect_you",
    "check",
    "guide",
    "ignore",
    "next_time",
    "legal",
    "police",
    "regret",
    "insult",
    "belittle",
    "instead",
    "divert",
    "bad",
    "publish",
    "solicit",
    "promote",
    "insist",
    "only",
    "satisfied",
    "review_invite",
    "ask_for",
    "relative",
    "wish",
    "review_site",
    "held_until",
    "keep_back",
    "no_strings",
    "denied_tail",
    "pressure",
    "chase",
    "done",
    "tell_others",
    "contact_us",
    "scorn",
    "street",
    "permit",
    "low",
    "our_place",
    "cite",
    "took",
    "settled",
    "platform_process",
    "release",
    "top",
    "happy_group",
    "other_group",
    "hold",
    "still_up",
    "blame_said",
    "by_you",
    "vetting",
    "terms",
    "nobody",
    "failed",
    "scam",
    "disown",
    "unconditional",
    "change_noun",
    "changed",
    "download",
    "dismiss",
    "like_you",
    "unneeded",
    "lowbrow",
    "suits_you",
    "mock",
    "drivel",
    "expose",
    "motive",
    "bot",
    "bot_noun",
    "confront",
    "your_data",
    "handed",
    "not_ours",
    "own_error",
    "advice_ignored",
    "told_twice",
    "helpless",
    "wrong_own",
    "own_fault",
    "clear",
    "works_fine",
    "provided",
    "because_you",
    "good_cause",
    "feeling",
    "if_you_had",
    "would_have",
    "no_wonder",
    "if_you",
    "odd",
    "fair",
    "complain",
    "hedge",
    "made_to",
    "others_fine",
    "you_did",
    "not_here",
    "carefully",
    "for_reason",
    "of_course",
    "unkept",
    "your_right",
    "observe",
    "condemned",
    "however",
    "states",
    "maybe",
    "advisable",
    "booked",
    "arrived",
    "given",
    "detail",
    "remedy",
    "invite_try",
    "pleased",
    "costs_us",
    "appeal",
    "we_deserve",
    "warned",
    "defied",
    "defied_you",
    "despite_warned",
    "without_it",
    "normal",
    "welcome",
    "companions",
    "write",
    "here",
    "voices",
    "invite",
    "reserve_for",
    "likely_yours",
    "avoided",
    "happened",
    "medical_record",
    "condition",
    "third_person",
    "health_if",
    "weekday",
    "came",
    "reflect",
    "hence",
)


@functools.cache
def _sources(language: str) -> dict[str, tuple[str, ...]]:
    """One language's concept words as regex sources (incentive and positive words include
    the language's `terms` of that name)."""
    data = load_toml("checks", language)
    concepts: dict[str, list[str]] = data.get("concepts", {})
    sources: dict[str, tuple[str, ...]] = {}
    for name in CONCEPTS:
        words = list(concepts.get(name, ()))
        if name in ("incentive", "positive"):
            words += data["terms"].get(name, [])
        if name == "solicit":
            words += data["terms"].get("solicit_verb", [])
        if name == "unconditional":
            # "No strings attached", "无任何附加条件": given whatever the review.
            words += concepts.get("no_strings", [])
        if name == "request":
            # A wish ("would mean a lot", "nous ferait plaisir") asks as a request does.
            words += concepts.get("wish", [])
        sources[name] = tuple(words)
    return sources


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def folded_pattern(source: str) -> str:
    """A pattern in the form the reply is matched in: its non-ASCII letters folded like the
    text's (`analysis.fold`: "ä" is "a", "’" is "'"); the regex syntax, all ASCII, untouched."""
    if source.isascii():
        return source
    return _NON_ASCII_RUN.sub(lambda run: fold(run.group()), source)


def _split(name: str, languages: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Concept `name`'s words (folded regex sources) in the languages written with spaces
    between words, and in those without (Chinese, Japanese)."""
    spaced = [
        folded_pattern(src)
        for lang in languages
        if lang not in UNSPACED_LANGUAGES
        for src in _sources(lang)[name]
    ]
    unspaced = [
        folded_pattern(src)
        for lang in languages
        if lang in UNSPACED_LANGUAGES
        for src in _sources(lang)[name]
    ]
    return spaced, unspaced


# Where a word of a language written with spaces may start: not after a letter.
WORD_START = r"(?<![^\W\d_])"


def _alternation(spaced: list[str], unspaced: list[str]) -> str:
    """One regex source for alternatives of both kinds: those of spaced languages after one
    word-start check, those of Chinese and Japanese anywhere ("" when there are none)."""
    parts = [WORD_START + "(?:" + "|".join(spaced) + ")"] if spaced else []
    return "|".join([*parts, *unspaced])


@functools.cache
def compiled(
    name: str, languages: tuple[str, ...], caseless: bool = False
) -> re.Pattern[str] | None:
    """One regex for concept `name` across `languages` (folded like the text), or None.
    Words of alphabetic languages start at a word's start: the check is made once, before
    the alternatives, so the regex passes over the inside of words quickly. Words of the
    languages written without spaces (Chinese, Japanese) match anywhere. `caseless`: for a
    text without upper-case letters (`_caseless.caseless_text`), where the regex may go
    without IGNORECASE."""
    source = _alternation(*_split(name, languages))
    return compile_folded(source, caseless) if source else None


class _Patterns(dict[str, "re.Pattern[str] | None"]):
    """The concepts' regexes for one set of languages, compiled as they are first asked for."""

    def __init__(self, languages: tuple[str, ...], caseless: bool) -> None:
        super().__init__()
        self.languages = languages
        self.caseless = caseless

    def __missing__(self, name: str) -> re.Pattern[str] | None:
        pattern = self[name] = compiled(name, self.languages, self.caseless)
        return pattern


@functools.cache
def patterns(
    languages: tuple[str, ...], caseless: bool = False
) -> Mapping[str, re.Pattern[str] | None]:
    """`compiled` for every concept of `languages`, by name: a reading looks its concepts up
    here with one dictionary access each (it asks for about a hundred per text)."""
    return _Patterns(languages, caseless)


class ConceptUnion:
    """Which concepts occur in a text, without each concept's own regex: the words of concepts
    compiled without IGNORECASE are filed by their first characters (`FirstCharacters`: each
    place is tried only with the words that can start there); the concepts that keep
    IGNORECASE (a text with upper-case letters after folding, such as "œ" or "ł") are searched
    as one alternation first, and one by one where it finds something."""

    def __init__(
        self,
        plain: Sequence[tuple[str, list[str], list[str]]],
        cased: Sequence[tuple[str, list[str], list[str]]],
    ) -> None:
        """Each concept's name, words of spaced languages and words of unspaced ones: `plain`
        for the concepts compiled without IGNORECASE, `cased` for the others."""
        spaced = [(name, word) for name, words, _ in plain for word in words]
        unspaced = [(name, word) for name, _, words in plain for word in words]
        self._spaced = FirstCharacters(
            [word for _, word in spaced], WORD_START, tags=[name for name, _ in spaced]
        )
        self._unspaced = FirstCharacters(
            [word for _, word in unspaced], tags=[name for name, _ in unspaced]
        )
        # Each case-insensitive concept's regex source, compiled when first needed.
        self._cased = {name: _alternation(words, others) for name, words, others in cased}
        self._cased_compiled: dict[str, re.Pattern[str]] = {}
        source = _alternation(
            [f"(?i:{'|'.join(words)})" for _, words, _ in cased if words],
            [f"(?i:{'|'.join(others)})" for _, _, others in cased if others],
        )
        self._cased_union = re.compile(source) if source else None

    def search(self, text: str) -> bool:
        """Whether any of the concepts occurs in `text`."""
        return (
            self._spaced.search(text)
            or self._unspaced.search(text)
            or (self._cased_union is not None and self._cased_union.search(text) is not None)
        )

    def present(self, text: str) -> frozenset[str]:
        """The concepts that occur in `text`."""
        found = self._spaced.tags_found(text) | self._unspaced.tags_found(text)
        if self._cased_union is not None and self._cased_union.search(text):
            found |= {name for name in self._cased if self._cased_pattern(name).search(text)}
        return frozenset(found)

    def _cased_pattern(self, name: str) -> re.Pattern[str]:
        pattern = self._cased_compiled.get(name)
        if pattern is None:
            pattern = self._cased_compiled[name] = re.compile(self._cased[name], re.IGNORECASE)
        return pattern


# A capturing group, a named one or inline flags, perhaps (an escaped bracket counts too): a
# concept whose regex may have one is left out of the union.
_GROUP_OR_FLAGS = re.compile(r"\((?!\?)|\(\?P<|\(\?[aiLmsux-]+[:)]")


@functools.cache
def uncovered(languages: tuple[str, ...], caseless: bool = False) -> tuple[str, ...]:
    """The concepts, in `CONCEPTS` order, that `prefilter`'s union does not stand for: each
    runs its own regex."""
    _, covered = prefilter(languages, caseless)
    return tuple(name for name in CONCEPTS if name not in covered)


@functools.cache
def prefilter(
    languages: tuple[str, ...], caseless: bool = False
) -> tuple[ConceptUnion, frozenset[str]]:
    """The concepts that occur in a text, found at once where each concept's regex
    (`compiled`) would find them, and the concepts it stands for: a reading runs only the
    regexes of those that occur (a new reviewer's name, read alone and in its greeting, holds
    hardly any). A concept whose regex has groups (a back-reference or group number would
    change in the union) or inline flags is left out and always runs on its own."""
    plain: list[tuple[str, list[str], list[str]]] = []
    cased: list[tuple[str, list[str], list[str]]] = []
    covered: set[str] = set()
    for name in CONCEPTS:
        # The regex `compiled` would build, judged without compiling it (a name read alone
        # in every language would otherwise compile every concept of every language).
        spaced, unspaced = _split(name, languages)
        source = _alternation(spaced, unspaced)
        if not source:
            covered.add(name)  # no words in these languages: never occurs
            continue
        if _GROUP_OR_FLAGS.search(source):
            continue
        if folded_flags(source, caseless) & re.IGNORECASE:
            _file_by_case(name, spaced, unspaced, caseless, plain, cased)
        else:
            plain.append((name, spaced, unspaced))
        covered.add(name)
    return ConceptUnion(plain, cased), frozenset(covered)


def _file_by_case(
    name: str,
    spaced: list[str],
    unspaced: list[str],
    caseless: bool,
    plain: list[tuple[str, list[str], list[str]]],
    cased: list[tuple[str, list[str], list[str]]],
) -> None:
    """File the words of a concept whose regex keeps IGNORECASE: on a text without upper-case
    letters, the words that allow it find the same without the flag (`_caseless`), so they go
    with the plain concepts (filed by first characters) and only the others, often a single
    word ("APK" among a hundred), are searched with IGNORECASE."""

    def needs_case(word: str) -> bool:
        return bool(folded_flags(word, caseless) & re.IGNORECASE)

    plain_words = (
        [w for w in spaced if not needs_case(w)],
        [w for w in unspaced if not needs_case(w)],
    )
    cased_words = ([w for w in spaced if needs_case(w)], [w for w in unspaced if needs_case(w)])
    if any(plain_words):
        plain.append((name, *plain_words))
    if any(cased_words):
        cased.append((name, *cased_words))
