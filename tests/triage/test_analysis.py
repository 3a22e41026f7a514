"""The one analysis pass: normalisation, positions back into the original, script, words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewwatch.triage.analysis import Analysis, analyse
from reviewwatch.triage.categories import classify
from reviewwatch.triage.checker import check_reply
from reviewwatch.triage.grounds import detect_grounds
from reviewwatch.triage.language import detect_language


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("br\u200boken", "broken"),  # zero-width space
        ("bro\u200c\u200dken", "broken"),  # zero-width non-joiner and joiner
        ("bro\u00adken", "broken"),  # soft hyphen
        ("\u202ebroken\u202c", "broken"),  # bidirectional override
        ("\ufeffbroken", "broken"),  # byte-order mark
        ("broken\ufe0f", "broken"),  # variation selector
        ("ＢＲＯＫＥＮ！", "broken!"),  # full-width forms
        ("ﬁxed", "fixed"),  # ligature
        ("Fish &amp; chips &#39;ok&#39; &eacute;", "fish & chips 'ok' e"),  # entities
        ("Bad<br />service<br/>again", "bad service again"),  # tags become spaces
        ("I <3 it", "i <3 it"),  # not a tag
        ("fr\u0435\u0435 sh\u0456pping", "free shipping"),  # Cyrillic look-alikes
        ("\u03a1aypal", "paypal"),  # Greek look-alike
        ("l\u00f6s\u0441h\u0435n", "loschen"),  # look-alikes in a word with an accented letter
        ("rese\u00f1\u0430", "resena"),
        ("Straße, Łódź, naïve", "strasse, lodz, naive"),  # case and accents folded
        ("e\u0301te\u0301", "ete"),  # decomposed accents
        ("don´t ‘quote’", "don't 'quote'"),  # typographic apostrophes
    ],
)
def test_normalisation(text: str, folded: str) -> None:
    assert analyse(text).folded == folded


def test_levels_keep_what_each_reader_needs() -> None:
    analysis = analyse("Ｃａｌｌ Anna Ló\u200bpez &amp; co")
    assert analysis.clean == "Call Anna López & co"  # case kept: names are read here
    assert analysis.normalized == "call anna lópez & co"  # accents kept: letters tell languages
    assert analysis.folded == "call anna lopez & co"  # what the word lists are compared with


def test_a_cyrillic_word_keeps_its_script() -> None:
    # A Russian word with one Latin look-alike is read as Russian; plain Russian is untouched.
    assert analyse("мaгазин плохой").clean == "магазин плохой"
    assert analyse("Хороший магазин").clean == "Хороший магазин"
    assert analyse("iPhone сломался").clean == "iPhone сломался"


@pytest.mark.parametrize(
    ("text", "chinese"),
    [
        ("這個東西很爛，客服也沒回", "zh-Hant"),
        ("这个东西很烂，客服也没回", "zh-Hans"),
        ("台灣的麵很好吃", "zh-Hant"),  # 台 and 面-like shared forms do not count as Simplified
        ("我们的台面", "zh-Hans"),
        ("好", None),  # the same in both
        ("great product", None),
    ],
)
def test_traditional_and_simplified_chinese_are_told_apart(text: str, chinese: str | None) -> None:
    assert analyse(text).chinese == chinese


def test_chinese_language_keeps_the_variant() -> None:
    assert detect_language("這個東西很爛，客服也沒回").tag == "zh-Hant"
    assert detect_language("这个东西很烂，客服也没回").tag == "zh-Hans"
    assert detect_language("这个东西很烂").code == "zh"
    assert detect_language("The parcel never arrived").tag == "en"
    # The Simplified form reads both the same way for the word lists.
    assert analyse("這個東西").simplified == analyse("这个东西").simplified


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Broken after a week", "Latn"),
        ("Сломался через неделю", "Cyrl"),
        ("一週就壞了", "Hani"),
        ("一週間で壊れました", "Jpan"),
        ("일주일 만에 고장났어요", "Hang"),
        ("Σπασμένο", "Grek"),
        ("1234 !!!", ""),
    ],
)
def test_dominant_script(text: str, script: str) -> None:
    assert analyse(text).script == script


def test_cjk_bigrams_read_both_ways_of_writing_alike() -> None:
    assert analyse("客服不回 app 很爛").cjk_bigrams == ("客服", "服不", "不回", "很烂")
    assert analyse("客服不回 app 很爛").cjk_bigrams == analyse("客服不回 app 很烂").cjk_bigrams
    assert analyse("no CJK here").cjk_bigrams == ()


def test_words_and_sentences() -> None:
    analysis = analyse("Don't buy! It broke.\n超lag的app")
    assert analysis.words == ("don't", "buy", "it", "broke", "超", "lag", "的", "app")
    sentences = [analysis.quote(start, end).strip() for start, end in analysis.sentences]
    assert sentences == ["Don't buy", "It broke", "超lag的app"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("It arrived bro\u00adken, sadly", "broken"),
        ("It arrived ＢＲＯＫＥＮ, sadly", "broken"),
        ("It arrived &quot;br&#111;ken&quot;, sadly", "broken"),
        ("Straße… it arrived broken", "broken"),
        ("Straße… it arrived Brøken", "broken"),
    ],
)
def test_positions_lead_back_to_the_original(text: str, word: str) -> None:
    analysis = analyse(text)
    start = analysis.folded.index(word)
    quoted = analysis.quote(start, start + len(word))
    assert quoted in text
    assert analyse(quoted).folded.strip('"') == word
    first, last = analysis.span(start, start + len(word))
    assert analysis.position(first) == start
    assert analysis.position(last) == start + len(word)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_every_position_maps_into_the_original(text: str) -> None:
    analysis = analyse(text)
    for level, normalised in (("clean", analysis.clean), ("folded", analysis.folded)):
        previous = 0
        for index in range(len(normalised)):
            start, end = analysis.span(index, index + 1, level=level)
            assert 0 <= start < end <= len(text)
            assert start >= previous  # positions never go backwards
            previous = start


def test_analysis_is_computed_once_and_compared_by_identity() -> None:
    first = analyse("The parcel never arrived")
    assert analyse("The parcel never arrived") is first
    assert isinstance(first, Analysis)
    assert first != Analysis(
        first.text, first.clean, first.normalized, first.folded, "Latn", {}, None
    )


def test_detectors_read_the_analysis_and_quote_the_original() -> None:
    text = "The item arrived bro\u00adken and supp\u200bort never answered. F\u200buck this."
    analysis = analyse(text)
    categories = {c.name: c.evidence for c in classify(analysis, "en")}
    assert categories["damaged_in_transit"] == ("arrived bro\u00adken",)
    assert "supp\u200bort" in categories["customer_service"]
    grounds = {g.ground: g.evidence for g in detect_grounds(analysis, "en")}
    assert grounds["obscene_language"] == ("F\u200buck",)
    assert detect_language(analysis).code == "en"


def test_personal_data_behind_full_width_digits_is_quoted_as_written() -> None:
    text = "Call Anna on ＋４４ ７９１１ １２３４５６ any time"
    grounds = {g.ground: g.evidence for g in detect_grounds(text, "en")}
    assert grounds["personal_information"] == ("＋４４ ７９１１ １２３４５６",)


def test_checker_takes_an_analysis_and_points_into_the_reply_as_written() -> None:
    reply = "Please re\u200bmove your re\u200bview and we will send a vou\u200bcher."
    plain = check_reply(reply, platform="amazon_feedback")
    analysed = check_reply(analyse(reply), platform="amazon_feedback")
    assert plain == analysed  # a string is analysed too: invisible characters hide nothing
    assert not analysed.ok
    finding = analysed.findings[0]
    assert reply[finding.start : finding.end].startswith("re\u200bmove")
    clean = "Sorry for the delay, a new one is on its way."
    assert check_reply(analyse(clean), platform="etsy") == check_reply(clean, platform="etsy")
