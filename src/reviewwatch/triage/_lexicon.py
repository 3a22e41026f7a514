"""Text normalisation and word-list compilation shared by the text-analysis modules.

Word lists live in TOML files so that people who know a language, not the code, can extend
them. Every list is normalised the same way as the review text (the `folded` level of
`analysis`: case-folded, Latin accents removed) and compiled into one trie-shaped regular
expression per list, so that one scan of a review finds every term at once.

Term syntax in the data files:

- ``word``        the whole word, ignoring case and accents ("pesimo" also matches "Pésimo");
- ``word*``       any word that starts with "word" (inflections: "defect*" -> "defective");
- ``two words``   the words in this order, separated by spaces or punctuation;
- ``a .. b``      "a", then up to three other words, then "b" ("not .. work");
- in Chinese and Japanese lists every term matches anywhere, without word boundaries.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from reviewwatch.triage.analysis import fold

# Languages written without spaces between words: terms match as plain substrings.
UNSPACED_LANGUAGES = frozenset({"zh", "ja"})

# Word characters, except CJK: a Latin term inside Chinese text ("超lag") still is a word.
WORD_CHAR = r"[^\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]"
NON_WORD_CHAR = r"[\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]"
# The same classes for ASCII text, spelled out: the regex compiles much smaller (the classes
# above become a table of Unicode blocks each time they occur) and tells characters apart faster.
_ASCII_WORD_CHAR = "[0-9A-Z_a-z]"
_ASCII_NON_WORD_CHAR = "[^0-9A-Z_a-z]"
_NON_WORD = re.compile(NON_WORD_CHAR)
# Matched texts whose term a Matcher remembers (the same few words match again and again).
_SEEN_LIMIT = 4096
_GAP = "\x00gap"
_PREFIX = "\x00prefix"
_SEP = "\x00sep"


@cache
def load_toml(*parts: str) -> dict[str, Any]:
    """Read one TOML file from the package's data folder (cached: files never change)."""
    resource = resources.files("reviewwatch.triage").joinpath("data", *parts)
    with resource.open("rb") as handle:
        return tomllib.load(handle)


def normalize(text: str) -> str:
    """The folded form of `text` (see `analysis`): how terms and texts are compared."""
    return fold(text)


def _atoms(term: str, spaced: bool) -> tuple[str, ...]:
    """Split a data-file term into literal characters and wildcard markers."""
    atoms: list[str] = []
    words = normalize(term).split() if spaced else [normalize(term).strip()]
    for index, word in enumerate(words):
        if word == "..":
            atoms.append(_GAP)
            continue
        if index and atoms and atoms[-1] != _GAP:
            atoms.append(_SEP)
        if spaced and word.endswith("*") and len(word) > 1:
            atoms.extend(word[:-1])
            atoms.append(_PREFIX)
        else:
            atoms.extend(word)
    return tuple(atoms)


def _atom_regex(atom: str, word_char: str = WORD_CHAR) -> str:
    if atom == _GAP:
        return r"\W+(?:\w+\W+){0,3}?"
    if atom == _PREFIX:
        return word_char + "*"
    if atom == _SEP:
        return r"\W+"
    return re.escape(atom)


# Letters in the order they most often start a word, and most often come up inside words, in
# reviews in the Latin-script languages.
_FIRST_LETTERS = "tacidspmelwhnbofrugvyqjkz"
_LETTERS = "eaoitnsrlhdcupmgywfbvkjxqz"


def _is_literal(atom: str) -> bool:
    return atom not in (_GAP, _PREFIX, _SEP)


@dataclass
class _Node:
    children: dict[str, _Node]
    labels: list[int]


def _in_trial_order(node: _Node, letters: str = _LETTERS) -> list[tuple[str, _Node]]:
    """A node's children in the order its regex tries them.

    Of children that are single characters in a row, only one can match at a given place:
    their order does not change what is found, so the frequent letters go first (fewer tries).
    Wildcards and word gaps keep their place, since they may match where a character does.
    """
    ordered: list[tuple[str, _Node]] = []
    characters: list[tuple[str, _Node]] = []
    for atom, child in node.children.items():
        if _is_literal(atom):
            characters.append((atom, child))
            continue
        ordered += sorted(characters, key=lambda item: _rank(item[0], letters))
        ordered.append((atom, child))
        characters = []
    return ordered + sorted(characters, key=lambda item: _rank(item[0], letters))


def _rank(character: str, letters: str) -> int:
    rank = letters.find(character)
    return rank if rank >= 0 else len(letters)


def _emit(
    node: _Node,
    labels: list[list[int]],
    boundary: str,
    marked: bool,
    word_char: str = WORD_CHAR,
) -> str:
    """Turn a trie node into a regex; with `marked`, a terminal becomes an empty named marker
    group (numbered in the order of `labels`, which collects each terminal's labels)."""
    branches = [
        _atom_regex(atom, word_char) + _emit(child, labels, boundary, marked, word_char)
        for atom, child in _in_trial_order(node)
    ]
    if node.labels:
        labels.append(node.labels)
        branches.append(f"{boundary}(?P<t{len(labels) - 1}>)" if marked else boundary)
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


class _Term(NamedTuple):
    """What a matched text is: the labels of its term, and whether it ends with a non-word
    character."""

    labels: tuple[int, ...]
    ends_non_word: bool


@dataclass(frozen=True)
class Matcher:
    """A compiled word list, run in two steps.

    The scan regex (`scan_source`) finds where terms match: one trie-shaped regex without
    groups, cheap to run over a whole text. With `padded`, it reads the text with a space put
    in front and consumes the non-word character before a term instead of looking behind, so
    that the regex engine skips the letters inside words at once. ASCII texts are scanned by
    the same regex spelled with ASCII character classes (`ascii_scan_source`) and compiled
    with `re.ASCII`: in ASCII text it finds the same matches, and it is smaller and faster.

    Which term matched depends only on the words matched: the trie's only look-arounds are
    the word boundaries at the term ends, which the matched words and the boundary after them
    decide. So it is worked out once per matched text and remembered, by the regex in
    `by_first[char]` (the same trie branch for the terms that start with `char`, with an
    empty named marker group per term) run where the scan matched. Without `by_first`, the
    scan regex has the marker groups itself. Regexes are compiled when first needed.

    With `needs_non_ascii`, every term holds a character outside ASCII among the characters
    it matches literally (the Chinese and Japanese half of `script_matchers`): a match holds
    that character, so an ASCII text, most reviews, holds none and is not scanned.
    """

    scan_source: str | None
    ascii_scan_source: str | None
    by_first: Mapping[str, str]
    labels: tuple[tuple[int, ...], ...]
    padded: bool = False
    needs_non_ascii: bool = False
    _seen: dict[str, _Term] = field(default_factory=dict, compare=False, repr=False)
    _scans: dict[bool, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)
    _marked: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    def finditer(self, normalized: str) -> Iterator[tuple[int, int, tuple[int, ...]]]:
        """Yield (start, end, label indexes) for every term found in normalised text."""
        ascii_text = normalized.isascii()
        if self.scan_source is None or (ascii_text and self.needs_non_ascii):
            return
        scan = self._scan(ascii_text)
        if not self.padded:
            for match in scan.finditer(normalized):
                start, end, group = match.start(), match.end(), match.lastgroup
                if group is None:
                    yield start, end, self._term(normalized, start, end).labels
                else:
                    yield start, end, self.labels[int(group[1:])]
            return
        text = " " + normalized
        seen = self._seen
        position = 0
        while True:
            for found in scan.finditer(text, position):
                # In the padded text the term starts one character after the match.
                start, end = found.span()
                end -= 1
                term = seen.get(text[start + 1 : end + 1]) or self._term(text, start + 1, end + 1)
                yield start, end, term.labels
                if term.ends_non_word:
                    # The next term may start right after this one ("€50"), following the
                    # non-word character that the scan has already consumed: scan again.
                    position = end
                    break
            else:
                return

    def _scan(self, ascii_text: bool) -> re.Pattern[str]:
        scan = self._scans.get(ascii_text)
        if scan is None:
            if ascii_text:
                scan = re.compile(str(self.ascii_scan_source), re.ASCII)
            else:
                scan = re.compile(str(self.scan_source))
            self._scans[ascii_text] = scan
        return scan

    def _term(self, text: str, start: int, end: int) -> _Term:
        """The term that the scan found at text[start:end]."""
        words = text[start:end]
        term = self._seen.get(words)
        if term is None:
            marked = self._marked_regex(text[start]).match(text, start)
            if marked is None or marked.lastgroup is None or marked.end() != end:
                raise AssertionError(f"term found by the scan not found again at {start}")
            labels = self.labels[int(marked.lastgroup[1:])]
            term = _Term(labels, _NON_WORD.fullmatch(words[-1]) is not None)
            if len(self._seen) >= _SEEN_LIMIT:
                self._seen.clear()
            self._seen[words] = term
        return term

    def _marked_regex(self, first: str) -> re.Pattern[str]:
        pattern = self._marked.get(first)
        if pattern is None:
            pattern = self._marked[first] = re.compile(self.by_first[first])
        return pattern


# Two matchers for one list of words in any script (`script_matchers`).
ScriptMatchers = tuple[Matcher, Matcher]


def script_matchers(words: Iterable[Any]) -> ScriptMatchers:
    """Two matchers for a list of words in any script: the Latin ones as whole words, the
    Chinese and Japanese ones anywhere, since those stand inside unspaced text
    ("有興趣的加我LINE詳談")."""
    texts = [str(word) for word in words]
    latin = [(text, 0) for text in texts if text.isascii()]
    cjk = [(text, 0) for text in texts if not text.isascii()]
    return compile_terms(latin), compile_terms(cjk, spaced=False)


def compile_terms(terms: Iterable[tuple[str, int]], *, spaced: bool = True) -> Matcher:
    """Compile (term, label index) pairs into a trie-shaped Matcher."""
    root = _Node({}, [])
    needs_non_ascii = True
    for term, label in terms:
        atoms = _atoms(term, spaced)
        if not atoms:
            continue
        needs_non_ascii = needs_non_ascii and _holds_non_ascii(atoms)
        node = root
        for atom in atoms:
            node = node.children.setdefault(atom, _Node({}, []))
        if label not in node.labels:
            node.labels.append(label)
    if not root.children:
        return Matcher(None, None, {}, ())
    root_order = _in_trial_order(root, _FIRST_LETTERS)
    if not all(_is_literal(atom) for atom in root.children):
        labels: list[list[int]] = []
        source = _marked_source(root_order, labels, spaced, WORD_CHAR)
        ascii_source = _marked_source(root_order, [], spaced, _ASCII_WORD_CHAR)
        return Matcher(
            source,
            ascii_source,
            {},
            tuple(tuple(found) for found in labels),
            needs_non_ascii=needs_non_ascii,
        )
    labels = []
    # Every term ends with the same boundary: checking it once after the trie, rather than
    # at each of its ends, finds the same matches and compiles many times faster.
    boundary = f"(?!{WORD_CHAR})" if spaced else ""
    by_first = {
        atom: _atom_regex(atom) + _emit(child, labels, "", marked=True) + boundary
        for atom, child in root_order
    }
    return Matcher(
        _scan_source(root_order, spaced, WORD_CHAR, NON_WORD_CHAR),
        _scan_source(root_order, spaced, _ASCII_WORD_CHAR, _ASCII_NON_WORD_CHAR),
        by_first,
        tuple(tuple(found) for found in labels),
        padded=spaced,
        needs_non_ascii=needs_non_ascii,
    )


def _holds_non_ascii(atoms: tuple[str, ...]) -> bool:
    """Whether a term's atoms hold a character outside ASCII that it matches literally
    (wildcards and word gaps match any word characters, so they count for nothing)."""
    return any(_is_literal(atom) and not atom.isascii() for atom in atoms)


def _marked_source(
    root_order: list[tuple[str, _Node]], labels: list[list[int]], spaced: bool, word_char: str
) -> str:
    """One regex with the terms' marker groups, each term after a look-behind."""
    # In spaced languages a term starts and ends a word: it follows a non-word character
    # and is not followed by a word character.
    start, boundary = (f"(?<!{word_char})", f"(?!{word_char})") if spaced else ("", "")
    branches = [
        _atom_regex(atom, word_char) + _emit(child, labels, boundary, True, word_char)
        for atom, child in root_order
    ]
    return f"{start}(?:{'|'.join(branches)})"


def _scan_source(
    root_order: list[tuple[str, _Node]], spaced: bool, word_char: str, non_word_char: str
) -> str:
    """The scan regex: the trie without marker groups, after a non-word character."""
    plain = "|".join(
        _atom_regex(atom, word_char) + _emit(child, [], "", False, word_char)
        for atom, child in root_order
    )
    return f"{non_word_char}(?:{plain})(?!{word_char})" if spaced else plain


def words_pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    """A regex matching any of the (normalised) words at the end of a text window."""
    cleaned = {normalize(word) for word in words if word.strip()}
    if not cleaned:
        return None
    # A trie of the words: at each place the regex follows one path instead of trying every
    # word in turn. Longer words are tried before the shorter words they start with, so the
    # longest word that ends at a word boundary wins, as in a longest-first alternation.
    root: dict[str, Any] = {}
    for word in cleaned:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(f"(?<!{WORD_CHAR})(?:{_literal_trie(root)})(?!{WORD_CHAR})")


def _literal_trie(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _literal_trie(child) for char, child in node.items() if char]
    if "" in node:
        # The end of a word comes last, after every longer word that starts with it.
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
