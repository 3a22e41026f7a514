from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewwatch.triage.language import detect_language

from .conftest import dev_params, require_row

SAMPLES = {
    "en": "The item broke after two days and the seller never answered my emails.",
    "es": "El pedido nunca llegó y nadie responde en atención al cliente.",
    "fr": "Le colis n'est jamais arrivé et le service client ne répond pas.",
    "de": "Die Lieferung kam viel zu spät und das Gerät ist leider kaputt.",
    "nl": "Het pakket is nooit aangekomen en de klantenservice reageert niet.",
    "it": "Il prodotto è arrivato rotto e nessuno risponde alle mie email.",
    "pt": "O produto chegou quebrado e até agora não recebi o reembolso.",
    "pl": "Paczka nie dotarła, a obsługa klienta w ogóle nie odpowiada.",
    "lv": "Prece nav piegādāta jau divas nedēļas, ļoti slikts serviss.",
    "lt": "Prekė atėjo sugadinta, o pardavėjas neatsako į laiškus.",
    "et": "Tellisin kauba kaks nädalat tagasi, aga see pole siiani kohale jõudnud.",
    "ru": "Товар пришёл сломанным, продавец не отвечает на сообщения.",
    "uk": "Товар прийшов зламаним, і продавець не відповідає на повідомлення.",
    "ja": "商品が壊れていました。返金をお願いします。",
    "zh": "物流太慢了，客服也不回复，非常失望。",
    "ko": "배송이 너무 늦고 상품이 파손되어 왔어요.",
    "el": "Το προϊόν ήρθε σπασμένο και κανείς δεν απαντά.",
}


@pytest.mark.parametrize(("code", "text"), sorted(SAMPLES.items()))
def test_detects_hand_written_sentences(code: str, text: str) -> None:
    guess = detect_language(text)
    assert guess.code == code
    assert not guess.fallback
    assert 0.0 < guess.confidence <= 1.0


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("lv", "Ļoti slikta kvalitāte"),
        ("de", "Funktioniert nicht mehr"),
        ("nl", "Werkt niet, geld terug graag"),
        ("pl", "Nie polecam, zła jakość"),
        ("es", "Pésimo servicio, no lo recomiendo"),
        ("fr", "Très déçu, je ne recommande pas"),
        ("it", "Pessimo, non lo consiglio"),
        ("pt", "Péssimo, não recomendo"),
        ("lt", "Labai blogai, nerekomenduoju"),
        ("et", "Väga halb, ei soovita"),
    ],
)
def test_detects_short_complaints(code: str, text: str) -> None:
    assert detect_language(text).code == code


def test_traditional_and_simplified_chinese_are_both_zh() -> None:
    assert detect_language("購物車都打不開，客服電話也打不通").code == "zh"
    assert detect_language("购物车都打不开，客服电话也打不通").code == "zh"


def test_kana_makes_japanese_even_with_many_kanji() -> None:
    assert detect_language("配送遅延商品破損返金希望です").code == "ja"


@pytest.mark.parametrize("text", ["", "   ", "👍👍👍", "12345 !!!", "B0C123XYZ"])
def test_no_evidence_returns_the_fallback(text: str) -> None:
    guess = detect_language(text, fallback="de")
    assert guess.code == "de"
    assert guess.fallback
    assert guess.confidence == 0.0


def test_hint_breaks_near_ties_only() -> None:
    # "no" and "es" are words in several languages; the hint may decide.
    assert detect_language("no es", hint="es").code == "es"
    # A clear English sentence stays English whatever the device locale says.
    assert detect_language(SAMPLES["en"], hint="de").code == "en"
    assert detect_language(SAMPLES["en"], hint="pt-BR").code == "en"


@pytest.mark.parametrize("row", dev_params())
def test_dev_set_language(row: dict[str, Any] | None) -> None:
    labelled = require_row(row)
    assert detect_language(labelled["text"]).code == labelled["lang"]


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.text(max_size=8)))
def test_never_raises(text: str, hint: str | None) -> None:
    guess = detect_language(text, hint=hint)
    assert 0.0 <= guess.confidence <= 1.0
    assert guess.code


def test_a_second_opinion_decides_what_the_words_leave_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reviewwatch.triage import _langid

    if not _langid.available():
        pytest.skip("py3langid (the langid extra) is not installed")
    text = "Goedkoop plastic, meteen gebroken."
    monkeypatch.setattr(_langid, "enabled", False)
    alone = detect_language(text, fallback="en")
    monkeypatch.setattr(_langid, "enabled", True)
    helped = detect_language(text, fallback="en")
    assert alone.code == "en" and alone.fallback  # no listed word: the fallback
    assert helped.code == "nl" and not helped.fallback
    # Texts too short for any language stay with the fallback.
    assert detect_language("ok", fallback="de").code == "de"
    # Writing systems still decide by themselves.
    assert detect_language("這個東西很爛", fallback="en").tag == "zh-Hant"


def test_a_second_opinion_that_cannot_load_leaves_the_words_to_decide(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib

    from reviewwatch.triage import _langid

    def no_space(name: str) -> object:
        raise OSError(27, "File too large")  # the model unpacks through a temporary file

    monkeypatch.setattr(_langid, "enabled", True)
    monkeypatch.setattr(importlib, "import_module", no_space)
    _langid._identifier.cache_clear()
    _langid._classify.cache_clear()
    try:
        guess = detect_language("Goedkoop plastic, meteen gebroken.", fallback="en")
        assert guess.code == "en" and guess.fallback
    finally:
        _langid._identifier.cache_clear()
        _langid._classify.cache_clear()
