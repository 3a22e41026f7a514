"""Small text helpers shared by the reply drafter and the checker."""

from __future__ import annotations

import re

# Sentence ends in Latin and CJK scripts; semicolons and line breaks end a thought as well.
_SENTENCE = re.compile(r"[^.!?。！？;；\n]+")


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences (clauses up to a stop) in `text`."""
    return [match.span() for match in _SENTENCE.finditer(text)]


def base_language(code: str | None) -> str:
    """`zh-TW` -> `zh`, `EN` -> `en`; empty for None."""
    if not code:
        return ""
    return code.replace("_", "-").split("-")[0].lower()


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and drop any that overlaps one already kept (same text found twice)."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept
