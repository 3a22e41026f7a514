"""The concepts' union regex finds nothing exactly where no concept's own regex finds anything."""

from __future__ import annotations

import pytest

from reviewwatch.triage._caseless import caseless_text
from reviewwatch.triage._concept_words import compiled, prefilter
from reviewwatch.triage.analysis import analyse

ALL = ("de", "en", "es", "fr", "it", "ja", "lv", "nl", "pl", "pt", "zh")
TEXTS = (
    "Janeb",
    "Hi Janeb,",
    "Dear Mariasd,",
    "Hello Dennis,",
    "olgasd",
    "Please change your review and we will refund you.",
    "Bitte ändern Sie Ihre Bewertung.",
    "请修改您的评价",
    "高評価をお願いします",
    "Thank you, Qxz!",
    "",
)


@pytest.mark.parametrize("languages", [ALL, ("en",), ("fr", "en"), ("zh", "en")])
@pytest.mark.parametrize("raw", TEXTS)
def test_union_finds_nothing_only_where_no_concept_does(
    raw: str, languages: tuple[str, ...]
) -> None:
    text = analyse(raw).folded
    caseless = caseless_text(text)
    union, covered = prefilter(languages, caseless)
    assert covered
    found = [
        name
        for name in covered
        if (pattern := compiled(name, languages, caseless)) and pattern.search(text)
    ]
    assert (union is not None and union.search(text) is not None) == bool(found)
