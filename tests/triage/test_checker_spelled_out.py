"""Words spelled out letter by letter ("r e v i e w") are read as the word a reader sees, in
every language, and quoted from the reply as written; letters that only stand apart
("U S A", "options a b c") change nothing."""

from __future__ import annotations

import pytest

from reviewwatch.triage._spaced import spaced_out
from reviewwatch.triage.checker import check_reply


@pytest.mark.parametrize(
    ("language", "platform", "text", "rule", "quoted"),
    [
        (
            "en",
            "google_play",
            "If you update your r e v i e w we will send you a voucher.",
            "incentive_for_review",
            "r e v i e w",
        ),
        (
            "en",
            "etsy",
            "Please d e l e t e your review, it hurts us.",
            "ask_change_review",
            "d e l e t e",
        ),
        (
            "de",
            "trustpilot",
            "Ändern Sie Ihre B e w e r t u n g, dann gibt es einen Gutschein.",
            "incentive_for_review",
            "B e w e r t u n g",
        ),
        (
            "es",
            "google_business",
            "Si cambia su r e s e ñ a le regalamos un cupón.",
            "incentive_for_review",
            "r e s e ñ a",
        ),
        (
            "fr",
            "trustpilot",
            "Modifiez votre a v i s et recevez un bon d'achat.",
            "incentive_for_review",
            "a v i s",
        ),
    ],
)
def test_a_spelled_out_word_is_read_and_quoted_as_written(
    language: str, platform: str, text: str, rule: str, quoted: str
) -> None:
    result = check_reply(text, platform=platform, language=language)
    assert not result.ok
    findings = {finding.rule: text[finding.start : finding.end] for finding in result.findings}
    assert rule in findings and quoted in findings[rule]


@pytest.mark.parametrize(
    "text",
    [
        "We shipped it to the U S A by mistake; a new one is on its way.",
        "Options a b c on the menu are all vegetarian now.",
        "Sorry! The app crashed on i O S 17, version 4.2 fixes it.",
    ],
)
def test_letters_that_only_stand_apart_change_nothing(text: str) -> None:
    assert check_reply(text, platform="google_play", language="en").ok


def test_the_joined_text_maps_back_to_the_original() -> None:
    joined = spaced_out("ok r e v i e w ok")
    assert joined is not None
    assert joined.text == "ok review ok"
    start = joined.text.index("review")
    assert joined.original_span(start, start + 6) == (3, 14)
    assert joined.touches_word(start, start + 2) and not joined.touches_word(0, 2)
    assert spaced_out("no runs here, a b") is None
