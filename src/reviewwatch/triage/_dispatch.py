"""Whether any of thousands of words occurs in a text, trying each place with only the words
that can start there.

The checker's concepts are alternations of thousands of words. Searched as one alternation
(`a|b|c|...`), the regex engine tries every word at every place, so a search costs about the
number of words times the number of places: a reviewer's name, read alone, took ~170 us.
`FirstCharacters` files each word under the characters it can begin with and, at each place
where a word may start, tries only the words filed under that place's character (compiled as
that character is first met): the same answer, found about twenty times as fast.

The first characters are read with the standard library's regex parser (`re._parser`, the one
`re.compile` uses). A word whose first character is not read here (a class such as `\\w`, a
start that may match nothing) is tried everywhere, as before; where the parser is missing or
a word holds a group or a back-reference, all words are searched as one alternation: slower,
never different.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

# The parser behind re.compile and its opcodes; private, so their absence only costs speed.
_sre_parse: Any
_ops: Any
try:
    _sre_parse = importlib.import_module("re._parser")
    _ops = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a Python without them
    _sre_parse = _ops = None

# The categories read as the characters they stand for.
_CATEGORIES: dict[Any, Callable[[str], bool]] = (
    {_ops.CATEGORY_DIGIT: str.isdecimal, _ops.CATEGORY_SPACE: str.isspace} if _ops else {}
)
_CATEGORY_CHARS: dict[Any, frozenset[str]] = {}
# The inline flags a word may carry: any other (IGNORECASE first of all) changes which
# characters its first character stands for.
_PLAIN_FLAGS = re.UNICODE


class _Unreadable(Exception):
    """A word holds something that makes filing it under characters unsafe."""


def first_characters(source: str) -> frozenset[str] | None:
    """The characters a match of regex `source` (compiled without IGNORECASE) can begin with,
    or None when any character may begin one (or none: a match may be empty). Raises
    `_Unreadable` for sources that must not be filed at all (groups, back-references)."""
    if _sre_parse is None:
        raise _Unreadable
    parsed = _sre_parse.parse(source, 0)
    if parsed.state.flags & ~_PLAIN_FLAGS or parsed.state.groups > 1:
        raise _Unreadable
    first, nullable = _first(list(parsed))
    return None if nullable or first is None else frozenset(first)


def _first(items: Sequence[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """The first characters of a sequence of parsed items (None: any) and whether the
    sequence can match the empty string."""
    found: set[str] = set()
    for op, value in items:
        if op in (_ops.AT, _ops.ASSERT, _ops.ASSERT_NOT):
            continue  # zero width: the next item consumes the first character
        first, nullable = _item_first(op, value)
        if first is None:
            return None, False
        found |= first
        if not nullable:
            return found, False
    return found, True


def _item_first(op: Any, value: Any) -> tuple[set[str] | None, bool]:
    if op is _ops.LITERAL:
        return {chr(value)}, False
    if op is _ops.IN:
        return _class_first(value), False
    if op is _ops.BRANCH:
        found: set[str] = set()
        nullable = False
        for branch in value[1]:
            first, empty = _first(list(branch))
            if first is None:
                return None, False
            found |= first
            nullable = nullable or empty
        return found, nullable
    if op is _ops.SUBPATTERN:
        group, add_flags, del_flags, body = value
        if group is not None:
            raise _Unreadable
        if add_flags & ~_PLAIN_FLAGS or del_flags:
            return None, False
        return _first(list(body))
    if op in (_ops.MAX_REPEAT, _ops.MIN_REPEAT, _ops.POSSESSIVE_REPEAT):
        low, _high, body = value
        first, nullable = _first(list(body))
        return first, nullable or low == 0
    if op is _ops.ATOMIC_GROUP:
        return _first(list(value))
    if op in (_ops.GROUPREF, _ops.GROUPREF_EXISTS):
        raise _Unreadable
    return None, False  # any character, a negated literal, anything not read here


def _class_first(members: Sequence[tuple[Any, Any]]) -> set[str] | None:
    found: set[str] = set()
    for op, value in members:
        if op is _ops.LITERAL:
            found.add(chr(value))
        elif op is _ops.RANGE:
            low, high = value
            found.update(map(chr, range(low, high + 1)))
        elif op is _ops.CATEGORY and value in _CATEGORIES:
            found |= _category(value)
        else:
            return None  # a negated class, a category such as \w
    return found


def _category(code: Any) -> frozenset[str]:
    """The characters of `\\d` or `\\s` in a str pattern: those str.isdecimal and str.isspace
    accept (the predicates the regex engine uses), found once."""
    found = _CATEGORY_CHARS.get(code)
    if found is None:
        test = _CATEGORIES[code]
        found = _CATEGORY_CHARS[code] = frozenset(
            char for char in map(chr, range(sys.maxunicode + 1)) if test(char)
        )
    return found


class FirstCharacters:
    """Words (regex sources, for patterns compiled without IGNORECASE) filed under the
    characters they can start with, to learn whether any of them matches somewhere in a text:
    exactly where `before(?:word|word|...)` would find a match, but each place is tried only
    with the words filed under its character, and the words' regexes are compiled as their
    characters are first met. `before`: a zero-width check that must hold where a word starts
    (a word-start lookbehind)."""

    def __init__(self, words: Sequence[str], before: str = "") -> None:
        self._words = tuple(words)
        self._leaves: dict[str, tuple[int, ...]] = {}
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._starts: re.Pattern[str] | None = None
        self._rest: re.Pattern[str] | None = None
        try:
            firsts = [first_characters(word) for word in self._words]
        except (_Unreadable, re.error):
            # Every word under one regex, as the alternation was: slower, never different.
            self._rest = re.compile(f"{before}(?:{'|'.join(self._words)})") if words else None
            return
        leaves: dict[str, list[int]] = {}
        for i, first in enumerate(firsts):
            for char in first or ():
                leaves.setdefault(char, []).append(i)
        self._leaves = {char: tuple(indices) for char, indices in leaves.items()}
        if leaves:
            self._starts = re.compile(f"{before}(?=[{_class(leaves)}])")
        rest = [word for word, first in zip(self._words, firsts, strict=True) if first is None]
        if rest:
            self._rest = re.compile(f"{before}(?:{'|'.join(rest)})")

    def search(self, text: str) -> bool:
        """Whether any of the words matches somewhere in `text`."""
        if self._rest is not None and self._rest.search(text) is not None:
            return True
        if self._starts is None:
            return False
        leaves, compiled = self._leaves, self._compiled
        for start in self._starts.finditer(text):
            at = start.start()
            indices = leaves[text[at]]
            pattern = compiled.get(indices)
            if pattern is None:
                pattern = compiled[indices] = re.compile("|".join(self._words[i] for i in indices))
            if pattern.match(text, at) is not None:
                return True
        return False


def _class(chars: Iterable[str]) -> str:
    """The inside of a character class holding exactly `chars` (runs written as ranges)."""
    codes = sorted(map(ord, chars))
    pieces: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -2]:
        if code == previous + 1:
            previous = code
            continue
        low, high = _escape_class(chr(start)), _escape_class(chr(previous))
        pieces.append(low if start == previous else f"{low}-{high}")
        start = previous = code
    return "".join(pieces)


def _escape_class(char: str) -> str:
    return "\\" + char if char in "\\]^-[" else char
