"""Whether any of thousands of words occurs in a text, trying each place with only the words
that can start there.

The checker's concepts and phrase patterns are alternations of thousands of words. Searched as
one alternation (`a|b|c|...`), the regex engine tries every word at every place, so a search
costs about the number of words times the number of places: a reviewer's name, read alone,
took ~170 us. `FirstCharacters` files each word under the three or two characters it can
begin with (or, where those are many or not read, under its first) and, at each place where a
word may start, tries only the words filed under that place's characters, compiled as they are
first needed: the same answer, found twenty times as fast.

The first characters are read with the standard library's regex parser (`re._parser`, the one
`re.compile` uses), or, for the shapes most words have (a word that plainly starts with two or
three letters, a short word, a group or look-around first, a letter and a space, a digit),
from the word itself: every word of every language is filed at a process's first check, and
the parser would be most of its time (a test holds the two readings to agree). A word whose
first character is not read here (a class such as `\\w`, a start that may match nothing) is
tried everywhere, as before; where the parser is missing or a word holds a group or a
back-reference, all words are searched as one alternation: slower, never different.
"""

from __future__ import annotations

import array
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
_CATEGORY_REGEX: dict[Any, re.Pattern[str]] = (
    {_ops.CATEGORY_DIGIT: re.compile(r"\d"), _ops.CATEGORY_SPACE: re.compile(r"\s")} if _ops else {}
)
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


# Where a word opening with `\b` before a word character can start: after no word character.
AFTER_NO_WORD_CHARACTER = r"(?<!\w)"
_WORD_CHARACTER = re.compile(r"\w")


def opens_at_word_boundary(source: str) -> bool:
    """Whether every match of regex `source` (compiled without IGNORECASE) starts where no word
    character stands before it (`AFTER_NO_WORD_CHARACTER`): it opens with `\\b`, outside any
    alternation, and every character a match can begin with is a word character, so the
    boundary holds exactly where the character before is none."""
    if not source.startswith("\\b") or _top_level_bar(source):
        return False
    try:
        first = first_characters(source)
    except (_Unreadable, re.error):
        return False
    return first is not None and all(_WORD_CHARACTER.match(char) for char in first)


def first_pairs(source: str) -> frozenset[str] | None:
    """The two-character strings a match of regex `source` (compiled without IGNORECASE) can
    begin with, or None when they are not read here (a match may be shorter, a class is too
    wide, a repeat may match nothing ...). Raises `_Unreadable` as `first_characters` does."""
    return _read(source)[1]


def first_triples(source: str) -> frozenset[str] | None:
    """The three-character strings a match of regex `source` can begin with, read as
    `first_pairs` reads two."""
    return _read(source)[2]


@functools.cache
def _read(
    source: str,
) -> tuple[frozenset[str] | None, frozenset[str] | None, frozenset[str] | None]:
    """`first_characters`, `first_pairs` and `first_triples` of `source`, from one parse
    (once: the same words recur in the unions of several language sets)."""
    if _sre_parse is None:
        raise _Unreadable
    if source.startswith("\\b") and len(source) > 2 and not _top_level_bar(source):
        # A word boundary matches nothing: the word starts where the rest of it does.
        return _read(source[2:])
    plain = _plain_start(source, 3)
    if plain:
        triples = frozenset((plain,)) if len(plain) == 3 else None
        return frozenset(plain[0]), frozenset((plain[:2],)), triples
    if _is_literal(source):
        # A word of one or two plain characters ("礼", "下架"): it is its own start.
        return frozenset(source[0]), frozenset((source,)) if len(source) == 2 else None, None
    class_start = _CLASS_START.match(source)
    if class_start and not (_PARSE_ME.search(source) or _top_level_bar(source)):
        # "a\\s+b", "\\d+%": a plain character then spaces, or digits (each pair of those is
        # too many pairs to file under).
        if class_start.group(1):
            spaces = _category(_ops.CATEGORY_SPACE)
            return frozenset(source[0]), frozenset(source[0] + space for space in spaces), None
        return _category(_ops.CATEGORY_DIGIT), None, None
    alternatives = _group_alternatives(source)
    if alternatives is not None:
        # "(?:a|b)c" starts where "ac" and "bc" do: most such words are then read plainly.
        return _union([_read(alternative) for alternative in alternatives])
    parsed = _sre_parse.parse(source, 0)
    if parsed.state.flags & ~_PLAIN_FLAGS or parsed.state.groups > 1:
        raise _Unreadable
    items = list(parsed)
    first = _starts(items, 1, limit=None)
    if first is None:
        return None, None, None
    pairs = _starts(items, 2)
    # Three-character starts are read from plain words only: parsing for them would slow the
    # first check of a process (every word of every language is filed then).
    return frozenset(first), None if pairs is None else frozenset(pairs), None


# Characters with a meaning in a regex; a quantifier after a character makes it optional.
_SYNTAX = frozenset("\\.^$*+?{}[]|()")
_QUANTIFIERS = frozenset("*+?{")
# Two or three characters without a meaning in a regex, the next one (there is one) no
# quantifier.
_PLAIN_TWO = re.compile(r"[^\\.^$*+?{}\[\]|()]{2}(?=[^*+?{])")
_PLAIN_THREE = re.compile(r"[^\\.^$*+?{}\[\]|()]{3}(?=[^*+?{])")
# A capturing or named group, a back-reference, or inline flags: such a word is parsed.
_PARSE_ME = re.compile(r"\((?!\?(?::|=|!|<[=!]))|\\[1-9g]")
# An escape, or a character class ("]" right after "[" or "[^" is a member).
_ESCAPES_AND_CLASSES = re.compile(r"\\.|\[\^?+\]?+(?:\\.|[^\]\\])*+\]", re.DOTALL)
_GROUPING = re.compile(r"[()|]")
# A plain character and a space, or a digit, neither of them optional.
_CLASS_START = re.compile(r"(?:([^\\.^$*+?{}\[\]|()])\\s|\\d)(?![*?{])")
# A non-capturing group (perhaps after plain characters) or a look-around opening a word.
_GROUP_OPENING = re.compile(r"([^\\.^$*+?{}\[\]|()]*)(\(\?(?::|<?[=!]))")


def _plain_start(source: str, size: int = 2) -> str:
    """The characters every match of `source` starts with, where the source itself starts
    with them as plain characters (no class, escape or quantifier; no top-level "|"), read
    without the parser: `size` (2 or 3) of them, or two where only two are plain; "" else."""
    start = (size == 3 and _PLAIN_THREE.match(source)) or _PLAIN_TWO.match(source)
    if not start or _PARSE_ME.search(source) or _top_level_bar(source):
        return ""
    return start.group()


def _union(
    reads: Sequence[tuple[frozenset[str] | None, frozenset[str] | None, frozenset[str] | None]],
) -> tuple[frozenset[str] | None, frozenset[str] | None, frozenset[str] | None]:
    """The starts of an alternation, from the starts of its alternatives."""
    joined: list[frozenset[str] | None] = []
    for size in range(3):
        union: frozenset[str] | None = frozenset()
        for read in reads:
            part = read[size]
            union = None if part is None or union is None else union | part
        if size and union is not None and len(union) > _MAX_PAIRS:
            union = None
        joined.append(union)
    if joined[0] is None:
        return None, None, None
    return joined[0], joined[1], joined[2]


def _group_alternatives(source: str) -> list[str] | None:
    """For a word that opens with a non-capturing group ("(?:a|b)c", the group not repeated
    and no "|" after it), the group's alternatives each followed by the rest ("ac", "bc");
    for one that opens with a look-around ("(?<!x)ab"), the rest ("ab"); None for any
    other word."""
    opening = _GROUP_OPENING.match(source)
    if opening is None:
        return None
    prefix = opening.group(1)
    # A look-around matches nothing: the word starts where the rest of it does.
    zero_width = opening.group(2) != "(?:"
    if zero_width and prefix:
        return None
    alternatives: list[str] = []
    depth = 0
    at = begin = opening.end()
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            at = _class_end(source, at)
            if at < 0:
                return None
        elif char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif char == ")":
            rest = source[at + 1 :]
            if rest[:1] in _QUANTIFIERS or _top_level_bar(rest):
                return None
            if zero_width:
                return [rest] if _PARSE_ME.search(source, opening.end(), at) is None else None
            return [prefix + choice + rest for choice in [*alternatives, source[begin:at]]]
        elif char == "|" and not depth:
            alternatives.append(source[begin:at])
            begin = at + 1
        at += 1
    return None


# A capturing or named group, a back-reference, a conditional or inline flags (or an escaped
# bracket, read the same way to be safe): the groups of a word split in two would be numbered
# anew, so such a word is kept whole.
_NUMBERED = re.compile(r"\((?!\?[:<=!>])|\(\?<(?![=!])|\\[1-9g]")


def alternatives(source: str) -> list[str]:
    """The words that `source` may be filed as: for a word that opens with a non-capturing
    group of alternatives ("(?:a|b)c", or nested: "(?:(?:a|b))"), each alternative with what
    follows the group ("ac", "bc"; "a", "b"), which between them match at exactly the places
    where the word matches; `[source]` for any other word. Filed apart, each alternative is
    tried only where its own first characters stand, where the whole word, with a start for
    every alternative, was tried at nearly every letter."""
    words = [source]
    while len(words) == 1 and _NUMBERED.search(words[0]) is None:
        opening = _GROUP_OPENING.match(words[0])
        split = _group_alternatives(words[0])
        # A look-around opening is not split: `_group_alternatives` drops it (for reading
        # starts), which changes where the word matches.
        if opening is None or opening.group(2) != "(?:" or split is None or not all(split):
            break
        words = split
    try:
        for word in words:
            _read(word)
    except (_Unreadable, re.error):
        return [source]  # a part not read would send every word to be tried everywhere
    return words


def _class_end(source: str, at: int) -> int:
    """Where the character class opening at `at` ends (its "]"), or -1 when it does not."""
    at += 2 if source[at + 1 : at + 2] == "^" else 1
    at += 1 if source[at : at + 1] == "]" else 0
    while at < len(source) and source[at] != "]":
        at += 2 if source[at] == "\\" else 1
    return at if at < len(source) else -1


def _is_literal(source: str) -> bool:
    """Whether `source` is one or two characters that each match only themselves."""
    return 0 < len(source) <= 2 and not any(char in _SYNTAX for char in source)


def _top_level_bar(source: str) -> bool:
    """Whether `source` has an alternation outside every group (or is not read here)."""
    if not any(char in source for char in "|()["):
        return False
    # Escapes and whole classes first, by the engine; an unterminated class is left behind.
    bare = _ESCAPES_AND_CLASSES.sub("", source)
    if "[" in bare:
        return True
    if "|" not in bare:
        return bare.count("(") != bare.count(")")
    depth = 0
    for char in _GROUPING.findall(bare):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            return True
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
        # The engine itself picks them out of every character (the same ones: a test holds
        # it), in a fifth of the time of calling the predicate a million times.
        found = _CATEGORY_CHARS[code] = frozenset(_CATEGORY_REGEX[code].findall(_every_char()))
    return found


@functools.cache
def _every_char() -> str:
    """Every code point in order, surrogates too, as one string."""
    codes = array.array("I", range(sys.maxunicode + 1))
    codec = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
    return codes.tobytes().decode(codec, "surrogatepass")


# At most this many two-character starts are read for one word, and a word is filed under
# its two-character starts when it has at most `_FEW_PAIRS` of them (under its first
# character otherwise: its regex is not compiled again for every pair).
_MAX_PAIRS = 256
# How many windows of three characters `FirstCharacters.search` remembers the regexes of.
_TRIED_LIMIT = 20_000
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
    with the words filed under its first three characters, its first two, and its first
    alone (a word with many such starts, or none read), and the words' regexes are
    compiled as their characters are first met. `before`: a zero-width check that must hold
    where a word starts (a word-start lookbehind). `tags`: what each word stands for (a
    concept), for `tags_found`."""

    def __init__(
        self, words: Sequence[str], before: str = "", tags: Sequence[str] | None = None
    ) -> None:
        self._words = tuple(words)
        self._tags = tuple(tags) if tags is not None else ("",) * len(self._words)
        self._before = before
        self._triples: dict[str, tuple[int, ...]] = {}
        self._pairs: dict[str, tuple[int, ...]] = {}
        self._singles: dict[str, tuple[int, ...]] = {}
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._by_tag: dict[tuple[int, ...], tuple[tuple[str, tuple[int, ...]], ...]] = {}
        self._starts: re.Pattern[str] | None = None
        # The regexes to try at a place, by its next three characters (`_patterns_at`).
        self._tried: dict[str, tuple[re.Pattern[str], ...]] = {}
        # The words tried everywhere (a first character not read): all, where one is unreadable.
        self._anywhere: tuple[int, ...] = tuple(range(len(self._words)))
        try:
            read = [_read(word) for word in self._words]
        except (_Unreadable, re.error):
            return  # every word tried everywhere, as the alternation was: slower, never different
        triples: dict[str, list[int]] = {}
        pairs: dict[str, list[int]] = {}
        singles: dict[str, list[int]] = {}
        for i, (first, two, three) in enumerate(read):
            if three is not None and len(three) <= _FEW_PAIRS:
                for start in three:
                    triples.setdefault(start, []).append(i)
            elif two is not None and len(two) <= _FEW_PAIRS:
                for start in two:
                    pairs.setdefault(start, []).append(i)
            else:
                for char in first or ():
                    singles.setdefault(char, []).append(i)
        self._triples = {start: tuple(indices) for start, indices in triples.items()}
        self._pairs = {start: tuple(indices) for start, indices in pairs.items()}
        self._singles = {char: tuple(indices) for char, indices in singles.items()}
        chars = {*singles, *(start[0] for start in pairs), *(start[0] for start in triples)}
        if chars:
            self._starts = re.compile(f"{before}(?=[{_class(chars)}])")
        self._anywhere = tuple(i for i, (first, _, _) in enumerate(read) if first is None)

    def search(self, text: str) -> bool:
        """Whether any of the words matches somewhere in `text`."""
        if self._anywhere and self._pattern(self._anywhere, anywhere=True).search(text):
            return True
        if self._starts is None:
            return False
        # `_leaves` written out: this loop runs for every place of every text read.
        tried = self._tried
        for start in self._starts.finditer(text):
            at = start.start()
            window = text[at : at + 3]
            patterns = tried.get(window)
            if patterns is None:
                patterns = self._patterns_at(window)
            for pattern in patterns:
                if pattern.match(text, at) is not None:
                    return True
        return False

    def _patterns_at(self, window: str) -> tuple[re.Pattern[str], ...]:
        """The regexes tried at a place whose text starts with `window` (its next three
        characters, fewer at the end): the words filed under all three, the first two and the
        first, as `_leaves` finds them; remembered per window."""
        leaves = (
            self._triples.get(window),
            self._pairs.get(window[:2]),
            self._singles.get(window[0]),
        )
        patterns = tuple(self._pattern(leaf) for leaf in leaves if leaf is not None)
        if len(self._tried) >= _TRIED_LIMIT:
            self._tried.clear()
        self._tried[window] = patterns
        return patterns

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
        three characters, then its first two, then its first (`search` walks the same places
        written out, for speed)."""
        if self._starts is None:
            return
        triples, pairs, singles = self._triples, self._pairs, self._singles
        for start in self._starts.finditer(text):
            at = start.start()
            for leaf in (
                triples.get(text[at : at + 3]),
                pairs.get(text[at : at + 2]),
                singles.get(text[at]),
            ):
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
