"""Where sentences and clauses start, how many words stand between two places, and whether a
cue (a negation, a thanks) stands just before a word: the measures by which the checker
relates concepts (`_concepts.Reading`) and its rules (`_relations`) relate them in turn.

They run on the folded text of the analysis pass. Alphabetic words are counted as words; CJK
characters, written without spaces, are words of their own and count two to a word.
"""

from __future__ import annotations

import re

# A stretch of the folded text: (start, end), as `re.Match.span` gives it.
Span = tuple[int, int]

# Stops that end a sentence, and those that also end a clause.
SENTENCE_STOPS = ".!?。！？;；\n"
CLAUSE_STOPS = SENTENCE_STOPS + ",，、:：()"
CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[^\W\d_\u3400-\u9fff\uf900-\ufaff]+")
_WORD_TAIL = re.compile(r"[^\W\d_\u3400-\u9fff\uf900-\ufaff]*")
# How far before a word a negation or a thanks still reaches (words, CJK characters).
_CUE_WORDS = 3
_CUE_CJK = 6
# A turn that ends what a negation or thanks covered: "but", "aber", "mais", "但" ...
TURN = re.compile(
    r"(?<![^\W\d_])(?:but|however|aber|jedoch|mais|pero|sin\s+embargo|maar|ma|però|mas|"
    r"porem|ale|jednak|bet|tomēr|tomer)(?![^\W\d_])|但|不过|不過|可是"
)


def word_end(text: str, end: int) -> int:
    """Where the word that a stem match ends inside ends (CJK characters are words of their
    own, so a match never grows over them)."""
    if end and CJK_CHAR.match(text, end - 1):
        return end
    match = _WORD_TAIL.match(text, end)
    return match.end() if match else end


def words_between(text: str, start: int, end: int) -> int:
    """How many words stand in text[start:end] (two CJK characters count as one word)."""
    if start >= end:
        return 0
    between = text[start:end]
    return len(_LATIN_WORD.findall(between)) + (len(CJK_CHAR.findall(between)) + 1) // 2


def clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` starts (after a stop or a comma)."""
    return max(text.rfind(stop, 0, position) for stop in CLAUSE_STOPS) + 1


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts."""
    return max(text.rfind(stop, 0, position) for stop in SENTENCE_STOPS) + 1


def cued(
    pattern: re.Pattern[str] | None,
    text: str,
    start: int,
    *,
    reach: int = 40,
    words: int = _CUE_WORDS,
) -> bool:
    """Whether `pattern` (a negation, a thanks) ends just before `start`: in the same clause,
    with at most three words (or six CJK characters) between them. The cue itself may hold a
    comma ("Paldies, ka ...", "Danke, dass ...")."""
    if pattern is None:
        return False
    window = max(sentence_start(text, start), start - reach)
    # Searched past `start`, so that a cue's look-ahead sees the word it is about.
    ends = [end for match in pattern.finditer(text, window) if (end := match.end()) <= start]
    if not ends:
        return False
    between = text[ends[-1] : start]
    if any(stop in between for stop in CLAUSE_STOPS):
        return False
    cjk = len(CJK_CHAR.findall(between))
    return cjk <= _CUE_CJK and len(_LATIN_WORD.findall(between)) <= words
