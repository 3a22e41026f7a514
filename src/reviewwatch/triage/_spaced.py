"""Words spelled out letter by letter ("r e v i e w", "v o u c h e r"): a way to hide a word
from the checker that a reader still reads at once.

`spaced_out` gives the text with such runs joined into words, where each character came
from in the original text, and where the joined words stand, so that the checker can read
the joined text too and quote the original.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from reviewwatch.triage.models import CheckResult

# Three or more single letters, each followed by one space (or a no-break space), the last
# standing alone: "r e v i e w" but not "a b" or "I am".
_SPACED_RUN = re.compile(r"(?<![^\W\d_])(?:[^\W\d_][ \u00a0]){2,}[^\W\d_](?![^\W\d_])")


@dataclass(frozen=True, slots=True)
class Joined:
    """The text with its spelled-out words joined."""

    text: str
    # For each character of `text`, its position in the original text.
    origin: tuple[int, ...]
    # Where the joined words stand in `text`.
    words: tuple[tuple[int, int], ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's span of `text[start:end]`."""
        return self.origin[start], self.origin[max(start, end - 1)] + 1

    def touches_word(self, start: int, end: int) -> bool:
        """Whether `text[start:end]` overlaps a joined word."""
        return any(start < stop and begin < end for begin, stop in self.words)


def spaced_out(text: str) -> Joined | None:
    """`text` with its spelled-out words joined, or None when it has none."""
    runs = list(_SPACED_RUN.finditer(text))
    if not runs:
        return None
    pieces: list[str] = []
    origin: list[int] = []
    words: list[tuple[int, int]] = []
    position = 0
    for run in runs:
        pieces.append(text[position : run.start()])
        origin.extend(range(position, run.start()))
        start = len(origin)
        for offset in range(run.start(), run.end(), 2):
            pieces.append(text[offset])
            origin.append(offset)
        words.append((start, len(origin)))
        position = run.end()
    pieces.append(text[position:])
    origin.extend(range(position, len(text)))
    return Joined("".join(pieces), tuple(origin), tuple(words))


def with_spelled_out(
    text: str, result: CheckResult, check: Callable[[str], CheckResult]
) -> CheckResult:
    """`result` (the check of `text`) with what `check` finds in `text` with its spelled-out
    words joined: the findings of rules `result` lacks that touch a joined word, quoted from
    the original text."""
    joined = spaced_out(text)
    if joined is None:
        return result
    found = {finding.rule for finding in result.findings}
    extra = [
        dataclasses.replace(finding, start=start, end=end)
        for finding in check(joined.text).findings
        if finding.rule not in found and joined.touches_word(finding.start, finding.end)
        for start, end in [joined.original_span(finding.start, finding.end)]
    ]
    return CheckResult(findings=(*result.findings, *extra)) if extra else result
