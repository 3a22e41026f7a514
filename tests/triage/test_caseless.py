"""Patterns run without IGNORECASE only where that finds the same matches."""

from __future__ import annotations

import re

import pytest

from reviewwatch.triage._caseless import caseless_source, caseless_text, compile_folded
from reviewwatch.triage._concept_words import CONCEPTS, compiled
from reviewwatch.triage.analysis import analyse


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("refund|voucher", True),
        (r"(?<![^\W\d_])(?:it\x27s|that\s+is)\b", True),
        ("[a-z]+[0-9二三]", True),
        (r"[\u4e00-\u9fff]{2}", True),
        ("[]a-]", True),
        ("Refund", False),  # an upper-case letter matches its lower case only with the flag
        (r"\x41", False),  # "A" spelled by its code
        ("[@-_]", False),  # a range holding A-Z
        ("ſ|ß|σ", False),  # lower-case letters with other cases
        ("(?P<word>a)(?P=word)", False),
        (r"(a)\1", False),
        (r"\N{LATIN SMALL LETTER A}", False),
        ("[abc", False),
    ],
)
def test_caseless_source(source: str, expected: bool) -> None:
    assert caseless_source(source) is expected


def test_caseless_text() -> None:
    assert caseless_text("we are sorry, 李明 - 3 stars")
    assert not caseless_text("We are sorry")
    assert not caseless_text("straße") and not caseless_text("ελλάδα")


def test_compile_folded_keeps_ignorecase_where_needed() -> None:
    assert compile_folded("refund", caseless=True).flags & re.IGNORECASE == 0
    assert compile_folded("refund", caseless=False).flags & re.IGNORECASE
    assert compile_folded("Refund", caseless=True).flags & re.IGNORECASE


@pytest.mark.parametrize("languages", [("en",), ("de", "en"), ("fr", "en"), ("zh", "en")])
def test_concepts_find_the_same_without_ignorecase(languages: tuple[str, ...]) -> None:
    texts = [
        analyse(text).folded
        for text in (
            "Thank you for your honest review: we would gladly refund the full amount.",
            "Vielen Dank für Ihre Bewertung, wir erstatten Ihnen gern den Betrag.",
            "Merci pour votre avis. Pourriez-vous modifier votre note ? Un bon d'achat suivra.",
            "感谢您的评价，如果您修改差评，我们给您退款。",
        )
    ]
    for name in CONCEPTS:
        folded = compiled(name, languages)
        plain = compiled(name, languages, True)
        if folded is None or plain is None:
            continue
        for text in texts:
            assert caseless_text(text)
            spans = [match.span() for match in plain.finditer(text)]
            assert spans == [match.span() for match in folded.finditer(text)], name
