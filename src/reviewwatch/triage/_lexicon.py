"""Text normalisation and word-list compilation shared by the text-analysis modules.

Word lists live in TOML files so that people who know a language, not the code, can extend
them. Every list is normalised the same way as the review text (case-folded, Latin accents
removed) and compiled into one trie-shaped regular expression per list, so that one scan of a
review finds every term at once.

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
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

# Languages written without spaces between words: terms match as plain substrings.
UNSPACED_LANGUAGES = frozenset({"zh", "ja"})

_COMBINING = re.compile(r"[\u0300-\u036f]+")
_TAGS = re.compile(r"<[^<>]{0,80}>")
# Letters that Unicode does not decompose but readers treat as accented forms.
_FOLD = {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"}
_FOLD_RE = re.compile("[" + "".join(_FOLD) + "]")

# Word characters, except CJK: a Latin term inside Chinese text ("超lag") still is a word.
WORD_CHAR = r"[^\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]"
_GAP = "\x00gap"
_PREFIX = "\x00prefix"
_SEP = "\x00sep"


@cache
def load_toml(*parts: str) -> dict[str, Any]:
    """Read one TOML file from the package's data folder (cached: files never change)."""
    resource = resources.files("reviewwatch.triage").joinpath("data", *parts)
    with resource.open("rb") as handle:
        return tomllib.load(handle)


def strip_markup(text: str) -> str:
    """Drop literal HTML tags such as ``<br />`` that scrapers leave in review text."""
    return _TAGS.sub(" ", text) if "<" in text else text


# Language, categories and grounds all read the same text: normalise it once.
@lru_cache(maxsize=1024)
def normalize(text: str) -> str:
    """Case-fold and remove Latin accents, keeping letters of every other script intact."""
    folded = strip_markup(text).casefold()
    if folded.isascii():
        return folded
    # A regex pass is much cheaper than str.translate when, as usual, nothing needs folding.
    folded = _FOLD_RE.sub(lambda match: _FOLD[match.group(0)], folded)
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return _COMBINING.sub("", decomposed)


def evidence_text(original: str, normalized: str, start: int, end: int) -> str:
    """The words a match covers, taken from the original text when the offsets line up."""
    if len(original) == len(normalized):
        return original[start:end]
    return unicodedata.normalize("NFC", normalized[start:end])


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


def _atom_regex(atom: str) -> str:
    if atom == _GAP:
        return r"\W+(?:\w+\W+){0,3}?"
    if atom == _PREFIX:
        return WORD_CHAR + "*"
    if atom == _SEP:
        return r"\W+"
    return re.escape(atom)


@dataclass
class _Node:
    children: dict[str, _Node]
    labels: list[int]


def _emit(node: _Node, labels: list[list[int]], boundary: str) -> str:
    """Turn a trie node into a regex; a terminal becomes an empty named marker group."""
    branches = [
        _atom_regex(atom) + _emit(child, labels, boundary) for atom, child in node.children.items()
    ]
    if node.labels:
        labels.append(node.labels)
        branches.append(f"{boundary}(?P<t{len(labels) - 1}>)")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


@dataclass(frozen=True)
class Matcher:
    """A compiled word list: one regex plus, per marker group, the labels of its term."""

    pattern: re.Pattern[str] | None
    labels: tuple[tuple[int, ...], ...]

    def finditer(self, normalized: str) -> Iterator[tuple[int, int, tuple[int, ...]]]:
        """Yield (start, end, label indexes) for every term found in normalised text."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(normalized):
            group = match.lastgroup
            if group is not None:
                yield match.start(), match.end(), self.labels[int(group[1:])]


def compile_terms(terms: Iterable[tuple[str, int]], *, spaced: bool = True) -> Matcher:
    """Compile (term, label index) pairs into one trie-shaped regular expression."""
    root = _Node({}, [])
    for term, label in terms:
        atoms = _atoms(term, spaced)
        if not atoms:
            continue
        node = root
        for atom in atoms:
            node = node.children.setdefault(atom, _Node({}, []))
        if label not in node.labels:
            node.labels.append(label)
    if not root.children:
        return Matcher(None, ())
    labels: list[list[int]] = []
    # In spaced languages a term starts a word: one check before the whole alternation
    # rejects the letters inside words at once, before any branch of the trie is tried.
    start, boundary = (f"(?<!{WORD_CHAR})", f"(?!{WORD_CHAR})") if spaced else ("", "")
    branches = [
        _atom_regex(atom) + _emit(child, labels, boundary) for atom, child in root.children.items()
    ]
    pattern = re.compile(f"{start}(?:{'|'.join(branches)})")
    return Matcher(pattern, tuple(tuple(found) for found in labels))


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
