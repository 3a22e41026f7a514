"""A reply's frame: its greeting, its closing words and its signature.

A reply made only of a frame ("Hi Sarah,\\n\\nBest,\\nMolly", "Bonjour,\\n\\nL'équipe Lumio",
"亲～"), or of a bare acknowledgement in one ("Noted.", "Przyjęto."), says nothing, however
many words it has: the checker counts it as empty. The words are in
`data/checks/common.toml` ([frame]); the text read is the analysis's `clean` level
(look-alike letters, invisible characters and entities already undone, case kept: a name in a
greeting is a capitalised word, so "Hi, sorry!" keeps its "sorry").
"""

from __future__ import annotations

import functools
import re

from reviewwatch.triage._data import load_toml

# A frame is short; a longer text always has something in it besides.
_FRAME_MAX = 160
# At most this many words of a name after a greeting ("Dear Mr van der Berg,") and in a
# signature line ("Molly, Leaf & Cup customer care").
_NAME_WORDS = 4
_SIGNATURE_WORDS = 6
# A signature line is short: at most this many characters, and a team word carries a name of
# at most `_JOINED_NAME` characters written onto it.
_SIGNATURE_LENGTH = 40
_JOINED_NAME = 8
# A Chinese or Japanese name with its honorific ("张先生", "田中様") is this long at most.
_CASELESS_NAME = 4
_PUNCTUATION = " \t,.;:!¡~～、，。！：-–—"
_DASHES = ("-", "–", "—")
# A comma, a question or an exclamation, or a full stop after a word (not after "Mr.", "Sr.").
_BREAK = re.compile("[,;:!?，、！？。]|(?<=[^\\W\\d_]{4})[.]")
_APOSTROPHE = re.compile("(?<=\\w)['’]")


@functools.cache
def _words() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = load_toml("checks", "common")["frame"]
    # Longest first, so "sehr geehrte damen und herren" is taken whole before "sehr geehrte".
    return {kind: tuple(sorted(words, key=len, reverse=True)) for kind, words in table.items()}


@functools.cache
def _opening(kind: str) -> re.Pattern[str]:
    """One of the `kind` words at the start of a line, as a whole word (a CJK one may run
    straight into a name: "亲爱的张先生")."""
    words = "|".join(re.escape(word) for word in _words()[kind])
    return re.compile(f"(?:{words})(?:(?<=[^\\W\\d_])(?![^\\W\\d_])|(?<=[^\\x00-\\u024f]))", re.I)


def _is_name(word: str) -> bool:
    """A capitalised word, a title or a way of addressing ("Mr.", "Frau", "customer"), or a
    short word in a script without case (a Chinese or Japanese name, with its 様 or 先生)."""
    first = word[:1]
    if not first:
        return True
    if first.isupper() or word.lower().rstrip(".") in _words()["title"]:
        return True
    return first.isalpha() and not first.islower() and len(word) <= _CASELESS_NAME


def _only_names(rest: str, limit: int) -> bool:
    """Whether `rest` is at most `limit` names and nothing else. Names are one run of words:
    a comma or a stop inside ends them ("Liebe Kundin, Entschuldigung!" greets, then says
    something, in German's capitalised nouns)."""
    names = rest.strip(_PUNCTUATION)
    if _BREAK.search(names):
        return False
    # An emoji or a symbol beside the names says nothing ("Olá! 😊").
    words = [word for word in names.split() if any(char.isalnum() for char in word)]
    return len(words) <= limit and all(_is_name(word.strip(_PUNCTUATION)) for word in words)


def _led_by(kind: str, line: str) -> str | None:
    """What follows a `kind` word that opens `line`, or None when none does."""
    match = _opening(kind).match(line)
    return line[match.end() :] if match else None


def _is_greeting(line: str) -> bool:
    rest = _led_by("greeting", line)
    return rest is not None and _only_names(rest, _NAME_WORDS)


def _is_closing(line: str) -> bool:
    rest = _led_by("closing", line)
    return rest is not None and _only_names(rest, _SIGNATURE_WORDS)


def _is_acknowledgement(line: str) -> bool:
    """A line that only acknowledges ("Noted.", "Przyjęto.", "收到！")."""
    return line.strip(_PUNCTUATION).lower() in _words()["acknowledgement"]


def _is_signature(line: str) -> bool:
    """A line that signs on its own: names after a dash ("— Molly"), or a team's name ("The
    Lumio team", "L'équipe Lumio", "Ihr Lumio-Team"), whose other words are names or small
    joining words ("Our support team fixed it" says something)."""
    if line.startswith(_DASHES):
        return _only_names(line.lstrip(_PUNCTUATION), _SIGNATURE_WORDS)
    lowered = line.lower()
    if len(line) > _SIGNATURE_LENGTH or _BREAK.search(line.strip(_PUNCTUATION)):
        return False
    if len(line.split()) > _SIGNATURE_WORDS or not any(w in lowered for w in _words()["team"]):
        return False
    words = [word.strip(_PUNCTUATION) for word in _APOSTROPHE.sub(" ", line).split()]
    return all(
        _is_name(word) or _names_team(word)
        for word in words
        if word.lower() not in _words()["joining"]
    )


def _names_team(word: str) -> bool:
    """A word that is a team's name: a team word with a short name joined to it ("Lumio-Team",
    "Lumio客服"), not a sentence written without spaces."""
    lowered = word.lower()
    return any(
        team in lowered and len(word) <= len(team) + _JOINED_NAME for team in _words()["team"]
    )


def surely_too_long(text: str) -> bool:
    """Whether `text`, not yet analysed, is too long for a frame however the analysis reads
    it. The clean text keeps every ASCII character outside HTML markup as a character of its
    own: only entities and tags (which need "&" or "<") are shortened, and what the analysis
    drops or joins (invisible characters, combining marks, look-alike letters) is never
    ASCII. So a text without markup has at least as many clean characters as ASCII ones."""
    if "&" in text or "<" in text:
        return False
    return len(text.encode("ascii", "ignore")) > _FRAME_MAX


def only_frame(clean: str) -> bool:
    """Whether `clean` (an analysis's clean text) is only a greeting, closing words and a
    signature, with at least one of them and nothing else."""
    if len(clean) > _FRAME_MAX:
        return False
    lines = [line.strip() for line in clean.splitlines() if line.strip(_PUNCTUATION)]
    if not lines:
        return False
    framed = False
    if _is_greeting(lines[0]):
        lines, framed = lines[1:], True
    if lines and _is_acknowledgement(lines[0]):
        lines, framed = lines[1:], True
    if not lines:
        return framed
    closing = next((at for at, line in enumerate(lines) if _is_closing(line)), None)
    if closing is not None:
        if closing > 0:
            return False  # something is said before the closing words
        signature = lines[1:]
        return all(len(line.split()) <= _SIGNATURE_WORDS for line in signature)
    return (framed or bool(lines)) and all(_is_signature(line) for line in lines)
