"""One analysis of a text, read by every triage detector.

A review (or a reply being checked) is analysed once; language detection, the category word
lists, the removal grounds and the reply checker all read the same `Analysis` instead of
normalising and scanning the raw text again. It holds the text at three levels:

- ``clean``: what the text says, as a person reads it: Unicode NFKC (full-width letters and
  digits become plain ones, ligatures are split), invisible and format characters removed
  (zero-width spaces and joiners, soft hyphens, bidirectional controls, variation selectors),
  HTML entities decoded and tags such as ``<br />`` turned into spaces, and look-alike letters
  of another script inside a word folded into the word's script ("frее" with Cyrillic "е"s
  is "free"). Case is kept: names and addresses are read here.
- ``normalized``: ``clean`` case-folded.
- ``folded``: ``normalized`` without Latin accents (and ``ł``, ``ø``, ``đ``, ``ı`` and the
  typographic apostrophes folded): the form the word lists are written in.

Every position in ``clean`` and ``folded`` maps back to the original text, so that evidence
quotes what the reviewer wrote (`quote`). The analysis also knows the dominant writing
system, whether Chinese text is Traditional or Simplified, the sentences and the words (CJK
characters are words of their own).
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from reviewwatch.triage._scripts import chinese_variant, dominant_script, script_counts, variants

# Marks that Latin (and Cyrillic) letters carry as accents: removed when folding.
_ACCENTS = re.compile(r"[\u0300-\u036f]+")
# Letters that Unicode does not decompose but readers treat as accented forms, and the
# typographic apostrophes.
_LETTER_FOLD = {"ł": "l", "ø": "o", "đ": "d", "ı": "i"}
_APOSTROPHES = frozenset("’‘ʼ`´′")
# Default-ignorable characters outside the "format" category (Cf covers soft hyphens,
# zero-width spaces and joiners, bidirectional controls and byte-order marks).
_IGNORABLE = frozenset(
    chr(code)
    for code in (
        0x034F,
        0x115F,
        0x1160,
        0x17B4,
        0x17B5,
        0x3164,
        0xFFA0,
        *range(0x180B, 0x1810),
        *range(0xFE00, 0xFE10),
        *range(0xE0100, 0xE01F0),
    )
)
# HTML entities and tags that scrapers leave in review text.
_MARKUP = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|</?[A-Za-z!][^<>]{0,80}>"
)
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Words: runs of letters (with one inner apostrophe: "don't", "l'article"); every CJK
# character is a word of its own.
_TOKEN = re.compile(rf"[{_CJK}]|[^\W\d_{_CJK}]+(?:'[^\W\d_{_CJK}]+)?")
_CJK_RUN = re.compile(f"[{_CJK}]{{2,}}")
_ASCII_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Each ASCII byte that is not a lower-case letter becomes a space.
_LETTERS_ONLY = bytes(byte if 0x61 <= byte <= 0x7A else 0x20 for byte in range(256))
# Sentence ends in Latin and CJK scripts; semicolons and line breaks end a thought as well.
# A stop between digits ("3.400 €", "9.99") ends no sentence.
_SENTENCE = re.compile(r"(?:[^.!?。！？;；\n]|(?<=\d)\.(?=\d))+")

# Look-alike letters: Cyrillic and Greek letters that read as Latin ones, and back.
_CYRILLIC_LOOKALIKES = dict(
    zip(
        "аеорсухіјѕһԁԛԝӏкмтвнАЕОРСУХІЈЅҺԀԚԜӀКМТВН",
        "aeopcyxijshdqwlkmtbhAEOPCYXIJSHDQWlKMTBH",
        strict=True,
    )
)
_GREEK_LOOKALIKES = dict(zip("οαικνρτυχγΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "oaikvptuxyABEZHIKMNOPTYX", strict=True))
_TO_LATIN = {**_CYRILLIC_LOOKALIKES, **_GREEK_LOOKALIKES}
# Latin letters, accented ones included: "lösсhеn" (Cyrillic "с", "е") is a Latin word.
_LATIN_LETTER = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_LATIN_TO_CYRILLIC = {
    latin: cyrillic
    for cyrillic, latin in _CYRILLIC_LOOKALIKES.items()
    if latin in "aeopcyxAEOPCYXKMTBH"
}
_MIXED_CUE = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_WORD_RUN = re.compile(r"[^\W\d_]+")
_ASCII_LETTER = re.compile("[A-Za-z]")

_Map = tuple[list[int], list[int]]


@dataclass(frozen=True, slots=True, eq=False)
class Analysis:
    """A text analysed once: its levels of normalisation, script, sentences and words.

    `script` is the ISO 15924 code of the writing system most letters are in (``Latn``,
    ``Cyrl``, ``Hani`` for Han without kana, ``Jpan`` for Han with kana, ``Hang`` ...; empty
    without letters); `script_counts` the letters per writing system (empty when all are
    Latin); `chinese` is ``zh-Hant`` or ``zh-Hans`` when the Han characters show which.

    Compared by identity: the same analysis is handed from detector to detector, and the
    detectors' caches keep their results per analysis.
    """

    text: str
    clean: str
    normalized: str
    folded: str
    script: str
    script_counts: dict[str, int]
    chinese: str | None
    _clean_map: _Map | None = field(default=None, repr=False)
    _folded_map: _Map | None = field(default=None, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def ascii(self) -> bool:
        """Whether the folded text is plain ASCII (most English reviews)."""
        value = self._memo.get("ascii")
        if value is None:
            value = self._memo["ascii"] = self.folded.isascii()
        return bool(value)

    @property
    def simplified(self) -> str:
        """``folded`` with Traditional Chinese characters written the Simplified way (one
        character for one, so positions are those of ``folded``): one Chinese word list
        serves both."""
        value = self._memo.get("simplified")
        if value is None:
            value = self.folded
            if self.script_counts.get("han"):
                value = value.translate(variants().to_simplified)
            self._memo["simplified"] = value
        return str(value)

    @property
    def words(self) -> tuple[str, ...]:
        """The words of ``folded``, in order; every CJK character is a word of its own."""
        value = self._memo.get("words")
        if value is None:
            value = self._memo["words"] = _words(self.folded)
        words: tuple[str, ...] = value
        return words

    @property
    def cjk_bigrams(self) -> tuple[str, ...]:
        """Pairs of CJK characters that stand side by side in ``simplified`` (Chinese and
        Japanese write words without spaces: a pair is the nearest thing to a word)."""
        value = self._memo.get("cjk_bigrams")
        if value is None:
            value = self._memo["cjk_bigrams"] = tuple(
                run[i : i + 2]
                for run in _CJK_RUN.findall(self.simplified)
                for i in range(len(run) - 1)
            )
        bigrams: tuple[str, ...] = value
        return bigrams

    @property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """Spans of ``folded`` holding one sentence (a clause up to a stop) each."""
        value = self._memo.get("sentences")
        if value is None:
            value = self._memo["sentences"] = tuple(
                match.span() for match in _SENTENCE.finditer(self.folded)
            )
        sentences: tuple[tuple[int, int], ...] = value
        return sentences

    def span(self, start: int, end: int, *, level: str = "folded") -> tuple[int, int]:
        """The span of the original text that `level`'s span [start, end) was made from."""
        mapping = self._folded_map if level == "folded" else self._clean_map
        if mapping is None or start >= end:
            return start, end
        starts, ends = mapping
        return starts[start], ends[end - 1]

    def quote(self, start: int, end: int, *, level: str = "folded") -> str:
        """What the reviewer wrote where `level`'s span [start, end) is."""
        first, last = self.span(start, end, level=level)
        return self.text[first:last]

    def position(self, original: int, *, level: str = "folded") -> int:
        """The first position of `level` made from the original text at or after `original`."""
        mapping = self._folded_map if level == "folded" else self._clean_map
        if mapping is None:
            return original
        return bisect_left(mapping[0], original)


@lru_cache(maxsize=2048)
def analyse(text: str) -> Analysis:
    """Analyse `text` once (cached: triage asks for the same text more than once)."""
    if text.isascii() and "&" not in text and "<" not in text and "`" not in text:
        lowered = text.lower()
        script = "Latn" if lowered != text.upper() else ""
        # Every field given: the dataclass then skips its default-factory checks.
        return Analysis(text, text, lowered, lowered, script, {}, None, None, None, {})
    source = _fold_lookalikes(text)
    clean, normalized, folded, clean_map, folded_map = _levels(source)
    counts = script_counts(clean)
    script = dominant_script(counts, clean)
    chinese = chinese_variant(clean) if counts.get("han") else None
    return Analysis(
        text, clean, normalized, folded, script, counts, chinese, clean_map, folded_map, {}
    )


def fold(text: str) -> str:
    """The folded form of `text` (how word lists are compared with review text)."""
    return analyse(text).folded


# --- the levels -------------------------------------------------------------------------


def _is_invisible(char: str) -> bool:
    return char in _IGNORABLE or unicodedata.category(char) == "Cf"


def _clean_form(chars: str) -> str:
    """NFKC without invisible characters; spacing accents (NFKC makes them a space and a
    combining mark) stay as they are."""
    if len(chars) == 1 and _is_invisible(chars):
        return ""
    composed = unicodedata.normalize("NFKC", chars)
    if composed.startswith(" ") and len(composed) > 1 and not chars.startswith(" "):
        return chars
    return "".join(char for char in composed if not _is_invisible(char))


def _fold_form(normalized: str) -> str:
    """Case-folded characters without their accents."""
    out = []
    for char in normalized:
        char = _LETTER_FOLD.get(char, char)
        if char in _APOSTROPHES:
            out.append("'")
        elif char.isascii():
            out.append(char)
        else:
            decomposed = unicodedata.normalize("NFD", char)
            stripped = _ACCENTS.sub("", decomposed)
            if stripped == decomposed:
                out.append(char)
            elif stripped:
                out.append(unicodedata.normalize("NFC", stripped))
    return "".join(out)


def _forms_of(chars: str) -> tuple[str, str, str]:
    clean = _clean_form(chars)
    normalized = clean.casefold()
    folded = "'" if chars in _APOSTROPHES else _fold_form(normalized)
    return clean, normalized, folded


class _Forms(dict[str, tuple[str, str, str]]):
    """The (clean, normalized, folded) forms of each character, worked out when first met.

    `irregular` collects the characters whose forms are not one character each; `same`
    those whose forms are the character itself (or its case-folded self), at every level.
    """

    def __init__(self) -> None:
        super().__init__()
        self.irregular: set[str] = set()
        self.clean_same: set[str] = set()
        self.fold_same: set[str] = set()
        self.combining: set[str] = set()

    def __missing__(self, char: str) -> tuple[str, str, str]:
        forms = self[char] = _forms_of(char)
        if any(len(form) != 1 for form in forms):
            self.irregular.add(char)
        if forms[0] == char:
            self.clean_same.add(char)
        if forms[2] == forms[1]:
            self.fold_same.add(char)
        if len(char) == 1 and unicodedata.combining(char):
            self.combining.add(char)
        return forms


class _Table(dict[int, str]):
    """One level of `_Forms` as a `str.translate` table."""

    def __init__(self, forms: _Forms, level: int) -> None:
        super().__init__()
        self.forms = forms
        self.level = level

    def __missing__(self, code: int) -> str:
        value = self[code] = self.forms[chr(code)][self.level]
        return value


_FORMS = _Forms()
_TABLES = (_Table(_FORMS, 0), _Table(_FORMS, 1), _Table(_FORMS, 2))


class _Builder:
    """The three levels of a text and, for clean and folded, where each character came from."""

    def __init__(self) -> None:
        self.parts: tuple[list[str], list[str], list[str]] = ([], [], [])
        self.maps: tuple[_Map, _Map] = (([], []), ([], []))

    def add_translated(self, run: str, translated: Sequence[str], start: int) -> None:
        """A run of the original, already translated; only its irregular characters (forms
        of another length than one) are looked at one by one."""
        for level, form in enumerate(translated):
            self.parts[level].append(form)
        end = start + len(run)
        position = start
        for match in _irregular_pattern().finditer(run):
            at = start + match.start()
            self._plain(position, at)
            forms = _FORMS[match.group()]
            self._repeat(forms[0], forms[2], at, at + 1)
            position = at + 1
        self._plain(position, end)

    def add_unit(self, forms: tuple[str, str, str], start: int, end: int) -> None:
        """One piece of the original (a letter with its marks, an entity, a tag) written as
        `forms`."""
        for level, form in enumerate(forms):
            self.parts[level].append(form)
        self._repeat(forms[0], forms[2], start, end)

    def _plain(self, start: int, end: int) -> None:
        if start < end:
            for starts, ends in self.maps:
                starts.extend(range(start, end))
                ends.extend(range(start + 1, end + 1))

    def _repeat(self, clean: str, folded: str, start: int, end: int) -> None:
        for (starts, ends), form in zip(self.maps, (clean, folded), strict=True):
            starts.extend([start] * len(form))
            ends.extend([end] * len(form))


_irregular_cache: list[tuple[int, re.Pattern[str]]] = [(-1, re.compile("(?!)"))]


def _irregular_pattern() -> re.Pattern[str]:
    """A regex of the irregular characters met so far (recompiled when more are met)."""
    size, pattern = _irregular_cache[0]
    if size != len(_FORMS.irregular):
        chars = "".join(sorted(_FORMS.irregular))
        pattern = re.compile("[" + re.escape(chars) + "]") if chars else re.compile("(?!)")
        _irregular_cache[0] = (len(_FORMS.irregular), pattern)
    return pattern


def _levels(source: str) -> tuple[str, str, str, _Map | None, _Map | None]:
    distinct = set(source)
    forms = _FORMS
    if not forms.keys() >= distinct:
        for char in distinct - forms.keys():
            forms[char]
    markups = list(_MARKUP.finditer(source)) if "&" in source or "<" in source else []
    # Marks that combine with the letter before them are read together with it (NFKC may
    # compose them); other text is read character by character.
    composed = forms.combining.isdisjoint(distinct) and unicodedata.is_normalized("NFC", source)
    if not markups and composed and forms.irregular.isdisjoint(distinct):
        # Every character is one character at every level: no positions move.
        same = forms.clean_same >= distinct
        clean = source if same else source.translate(_TABLES[0])
        normalized = clean.casefold()
        folded = normalized if forms.fold_same >= distinct else _fold_whole(normalized)
        if len(folded) != len(normalized):
            folded = source.translate(_TABLES[2])
        return clean, normalized, folded, None, None
    builder = _Builder()
    position = 0
    for markup in markups:
        _add_text(builder, source, position, markup.start(), composed)
        piece = markup.group()
        if piece.startswith("&"):
            decoded = html.unescape(piece)
            unit = forms[decoded] if len(decoded) == 1 else _forms_of(decoded)
        else:
            unit = (" ", " ", " ")
        builder.add_unit(unit, markup.start(), markup.end())
        position = markup.end()
    _add_text(builder, source, position, len(source), composed)
    clean, normalized, folded = ("".join(parts) for parts in builder.parts)
    clean_map, folded_map = builder.maps
    return clean, normalized, folded, clean_map, folded_map


def _fold_whole(normalized: str) -> str:
    """`_fold_form` of a whole text at C speed (the same result for composed text whose
    characters all have one-character forms; the caller checks the length)."""
    for letter, plain in _LETTER_FOLD.items():
        if letter in normalized:
            normalized = normalized.replace(letter, plain)
    for apostrophe in _APOSTROPHES:
        if apostrophe in normalized:
            normalized = normalized.replace(apostrophe, "'")
    decomposed = unicodedata.normalize("NFD", normalized)
    return unicodedata.normalize("NFC", _ACCENTS.sub("", decomposed))


def _add_text(builder: _Builder, source: str, start: int, end: int, composed: bool) -> None:
    if start >= end:
        return
    run = source[start:end]
    if composed:
        builder.add_translated(run, [run.translate(table) for table in _TABLES], start)
        return
    index = start
    while index < end:
        # A letter and the combining marks after it are one piece (NFKC composes them).
        stop = index + 1
        while stop < end and unicodedata.combining(source[stop]):
            stop += 1
        if stop - index == 1:
            builder.add_unit(_FORMS[source[index]], index, stop)
        else:
            builder.add_unit(_forms_of(source[index:stop]), index, stop)
        index = stop


def _fold_lookalikes(text: str) -> str:
    """Letters of another script inside a word written in Latin (or Cyrillic) letters, read
    as the word's own script: "frее" (Cyrillic "е") is "free". Same length as `text`."""
    if not _MIXED_CUE.search(text) or not _ASCII_LETTER.search(text):
        return text
    pieces = []
    position = 0
    foreign_words = any(
        not _LATIN_LETTER.search(word) and _MIXED_CUE.search(word)
        for word in _WORD_RUN.findall(text)
    )
    for match in _WORD_RUN.finditer(text):
        word = match.group()
        latin = sum(bool(_LATIN_LETTER.match(char)) for char in word)
        if not latin or latin == len(word):
            continue
        foreign = [char for char in word if not _LATIN_LETTER.match(char)]
        cyrillic_reading = all(char in _LATIN_TO_CYRILLIC for char in word if char.isascii())
        # Latin when most letters are, when a Latin letter has no Cyrillic twin ("kеер":
        # "k" and three Cyrillic look-alikes cannot be a Cyrillic word), or when no word of
        # the text is written in another script alone ("Hоре we've earned").
        if all(char in _TO_LATIN for char in foreign) and (
            latin >= len(foreign) / 2 or not cyrillic_reading or not foreign_words
        ):
            fixed = "".join(_TO_LATIN.get(char, char) for char in word)
        elif cyrillic_reading:
            fixed = "".join(_LATIN_TO_CYRILLIC.get(char, char) for char in word)
        else:
            continue
        pieces.append(text[position : match.start()])
        pieces.append(fixed)
        position = match.end()
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def _words(folded: str) -> tuple[str, ...]:
    if folded.isascii():
        if "'" in folded:
            return tuple(_ASCII_TOKEN.findall(folded))
        # The runs of letters: split the bytes, much faster than a regex.
        letters = folded.encode("ascii").translate(_LETTERS_ONLY).decode("ascii")
        return tuple(letters.split())
    return tuple(_TOKEN.findall(folded))
