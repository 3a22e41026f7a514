"""Whether any of thousands of words occurs in a text, trying each place with only the words
that can start there.

The checker's concepts and phrase patterns are alternations of thousands of words. Searched as
one alternation (`a|b|c|...`), the regex engine tries every word at every place, so a search
costs about the number of words times the number of places: a reviewer's name, read alone,
took ~170 us. `FirstCharacters` files each word under the two characters it can begin with
(or, where those are many or not read, under its first) and, at each place where a word may
start, tries only the words filed under that place's characters, compiled as they are first
needed: the same answer, found twenty times as fast.

The first characters are read with the standard library's regex parser (`re._parser`, the one
`re.compile` uses), or, for a word that plainly starts with two letters, from the word itself
(a test holds the two to agree). A word whose first character is not read here (a class such
as `\\w`, a start that may match nothing) is tried everywhere, as before; where the parser
is missing or a word holds a group or a back-reference, all words are searched as one
alternation: slower, never different.
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
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
    return _read(source)[0]


def first_pairs(source: str) -> frozenset[str] | None:
    """The two-character strings a match of regex `source` (compiled without IGNORECASE) can
    begin with, or None when they are not read here (a match may be shorter, a class is too
    wide, a repeat may match nothing ...). Raises `_Unreadable` as `first_characters` does."""
    return _read(source)[1]


@functools.cache
def _read(source: str) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """`first_characters` and `first_pairs` of `source`, from one parse (once: the same words
    recur in the unions of several language sets)."""
    if _sre_parse is None:
        raise _Unreadable
    plain = _plain_start(source)
    if plain:
        return frozenset(plain[0]), frozenset((plain,))
    parsed = _sre_parse.parse(source, 0)
    if parsed.state.flags & ~_PLAIN_FLAGS or parsed.state.groups > 1:
        raise _Unreadable
    items = list(parsed)
    first = _starts(items, 1, limit=None)
    if first is None:
        return None, None
    pairs = _starts(items, 2)
    return frozenset(first), None if pairs is None else frozenset(pairs)


# Characters with a meaning in a regex; a quantifier after a character makes it optional.
_SYNTAX = frozenset("\\.^$*+?{}[]|()")
_QUANTIFIERS = frozenset("*+?{")
# A capturing or named group, a back-reference, or inline flags: such a word is parsed.
_PARSE_ME = re.compile(r"\((?!\?:)|\\[1-9g]")


def _plain_start(source: str) -> str:
    """The two characters every match of `source` starts with, where the source itself starts
    with them as plain characters (no class, escape or quantifier; no top-level "|"), read
    without the parser; "" otherwise."""
    if (
        len(source) < 3
        or source[0] in _SYNTAX
        or source[1] in _SYNTAX
        or source[2] in _QUANTIFIERS
        or _PARSE_ME.search(source)
        or _top_level_bar(source)
    ):
        return ""
    return source[:2]


def _top_level_bar(source: str) -> bool:
    """Whether `source` has an alternation outside every group (or is not read here)."""
    depth = 0
    at = 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            # A class: "]" right after "[" or "[^" is a member; it ends at the next "]".
            at += 2 if source[at + 1 : at + 2] == "^" else 1
            at += 1 if source[at : at + 1] == "]" else 0
            while at < len(source) and source[at] != "]":
                at += 2 if source[at] == "\\" else 1
            if at >= len(source):
                return True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        at += 1
    return depth != 0


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


# At most this many two-character starts are read for one word, and a word is filed under
# its two-character starts when it has at most `_FEW_PAIRS` of them (under its first
# character otherwise: its regex is not compiled again for every pair).
_MAX_PAIRS = 256
_FEW_PAIRS = 8


def _starts(
    items: list[tuple[Any, Any]], size: int, limit: int | None = _MAX_PAIRS
) -> set[str] | None:
    """The strings of `size` characters a match of the parsed `items` can begin with, at most
    `limit` of them (None: not read, or more). A lookaround, an atomic group or a possessive
    repeat is read as if it were not there or plain: the strings found are then a few too many,
    never too few."""
    if size == 0:
        return {""}
    if not items:
        return None  # the match may end before `size` characters
    (op, value), rest = items[0], items[1:]

    def bounded(found: set[str]) -> set[str] | None:
        return found if limit is None or len(found) <= limit else None

    if op in (_ops.AT, _ops.ASSERT, _ops.ASSERT_NOT):
        return _starts(rest, size, limit)  # zero width: the next item starts the match
    if op is _ops.LITERAL or op is _ops.IN:
        heads = {chr(value)} if op is _ops.LITERAL else _class_first(value)
        tails = _starts(rest, size - 1, limit) if heads is not None else None
        if heads is None or tails is None:
            return None
        return bounded({head + tail for head in heads for tail in tails})
    if op is _ops.SUBPATTERN or op is _ops.ATOMIC_GROUP:
        if op is _ops.SUBPATTERN:
            group, add_flags, del_flags, value = value
            if group is not None:
                raise _Unreadable
            if add_flags & ~_PLAIN_FLAGS or del_flags:
                return None
        return _starts(list(value) + rest, size, limit)
    if op is _ops.BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            starts = _starts(list(branch) + rest, size, limit)
            if starts is None or bounded(found | starts) is None:
                return None
            found |= starts
        return found
    if op in (_ops.MAX_REPEAT, _ops.MIN_REPEAT, _ops.POSSESSIVE_REPEAT):
        low, high, body = value
        if high == 0:
            return _starts(rest, size, limit)
        if _starts(list(body), 1, None) is None:
            return None  # a body that may match nothing (or is not read)
        # Once, then the repeat with one fewer; or (with no minimum) not at all.
        more = (op, (max(low - 1, 0), high if high == _ops.MAXREPEAT else high - 1, body))
        once = _starts([*body, more, *rest], size, limit)
        if low > 0 or once is None:
            return once
        skipped = _starts(rest, size, limit)
        return None if skipped is None else bounded(once | skipped)
    if op in (_ops.GROUPREF, _ops.GROUPREF_EXISTS):
        raise _Unreadable
    return None  # any character, a negated literal, anything not read here


class FirstCharacters:
    """Words (regex sources, for patterns compiled without IGNORECASE) filed under the
    characters they can start with, to learn whether any of them matches somewhere in a text:
    exactly where `before(?:word|word|...)` would find a match, but each place is tried only
    with the words filed under its first two characters and those filed under its first
    alone (a word with many two-character starts, or none read), and the words' regexes are
    compiled as their characters are first met. `before`: a zero-width check that must hold
    where a word starts (a word-start lookbehind). `tags`: what each word stands for (a
    concept), for `tags_found`."""

    def __init__(
        self, words: Sequence[str], before: str = "", tags: Sequence[str] | None = None
    ) -> None:
        self._words = tuple(words)
        self._tags = tuple(tags) if tags is not None else ("",) * len(self._words)
        self._before = before
        self._pairs: dict[str, tuple[int, ...]] = {}
        self._singles: dict[str, tuple[int, ...]] = {}
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._by_tag: dict[tuple[int, ...], tuple[tuple[str, tuple[int, ...]], ...]] = {}
        self._starts: re.Pattern[str] | None = None
        # The words tried everywhere (a first character not read): all, where one is unreadable.
        self._anywhere: tuple[int, ...] = tuple(range(len(self._words)))
        try:
            read = [_read(word) for word in self._words]
        except (_Unreadable, re.error):
            return  # every word tried everywhere, as the alternation was: slower, never different
        pairs: dict[str, list[int]] = {}
        singles: dict[str, list[int]] = {}
        for i, (first, starts) in enumerate(read):
            if starts is not None and len(starts) <= _FEW_PAIRS:
                for start in starts:
                    pairs.setdefault(start, []).append(i)
            else:
                for char in first or ():
                    singles.setdefault(char, []).append(i)
        self._pairs = {start: tuple(indices) for start, indices in pairs.items()}
        self._singles = {char: tuple(indices) for char, indices in singles.items()}
        chars = {*singles, *(start[0] for start in pairs)}
        if chars:
            self._starts = re.compile(f"{before}(?=[{_class(chars)}])")
        self._anywhere = tuple(i for i, (first, _) in enumerate(read) if first is None)

    def search(self, text: str) -> bool:
        """Whether any of the words matches somewhere in `text`."""
        if self._anywhere and self._pattern(self._anywhere, anywhere=True).search(text):
            return True
        return any(self._pattern(leaf).match(text, at) for at, leaf in self._leaves(text))

    def tags_found(self, text: str) -> set[str]:
        """The tags of the words that match somewhere in `text` (each tag's words are tried at
        a place only until one of them matches somewhere)."""
        found = {
            tag
            for tag, indices in self._grouped(self._anywhere)
            if self._pattern(indices, anywhere=True).search(text)
        }
        for at, leaf in self._leaves(text):
            for tag, indices in self._grouped(leaf):
                if tag not in found and self._pattern(indices).match(text, at) is not None:
                    found.add(tag)
        return found

    def _leaves(self, text: str) -> Iterator[tuple[int, tuple[int, ...]]]:
        """Each place in `text` where a word may start, with the words filed under its first
        two characters, then those filed under its first."""
        if self._starts is None:
            return
        pairs, singles = self._pairs, self._singles
        for start in self._starts.finditer(text):
            at = start.start()
            for leaf in (pairs.get(text[at : at + 2]), singles.get(text[at])):
                if leaf is not None:
                    yield at, leaf

    def _grouped(self, indices: tuple[int, ...]) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """The words at `indices` by tag (in the order of the tags' first words)."""
        grouped = self._by_tag.get(indices)
        if grouped is None:
            by_tag: dict[str, list[int]] = {}
            for i in indices:
                by_tag.setdefault(self._tags[i], []).append(i)
            grouped = self._by_tag[indices] = tuple(
                (tag, tuple(members)) for tag, members in by_tag.items()
            )
        return grouped

    def _pattern(self, indices: tuple[int, ...], *, anywhere: bool = False) -> re.Pattern[str]:
        """The regex of the words at `indices` (`anywhere`: searched through the text, after
        `before`), compiled when first needed."""
        key = (-1, *indices) if anywhere else indices
        pattern = self._compiled.get(key)
        if pattern is None:
            source = "|".join(self._words[i] for i in indices)
            if anywhere:
                source = f"{self._before}(?:{source})"
            pattern = self._compiled[key] = re.compile(source)
        return pattern


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
