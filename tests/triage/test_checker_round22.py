"""Kinds of wording the checker learnt from the read half of a twenty-third blind round, whose
writer put the hardest kinds first, each in sentences of our own with near misses: an
insinuation by "just a coincidence", readers left to judge, an account with no other reviews
or created yesterday, a "customer" in scare quotes; blame by hindsight ("it would have been
better to order earlier") or "not the restaurant's problem"; "you know where the stars are"
after an offer; a bare acknowledgement as the whole reply; an address with its town right
after the number, or on a "Close"; another product line to look at."""

from __future__ import annotations

import pytest

from reviewwatch.triage.checker import check_reply


def _blocks(text: str, language: str, platform: str = "generic") -> set[str]:
    result = check_reply(text, platform=platform, language=language)
    return {finding.rule for finding in result.findings if finding.severity == "block"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We found no such order. But of course it's just a coincidence.", "en"),
        ("Posted from a profile with no other reviews, the week we opened.", "en"),
        ("An account created yesterday, and its very first review is about us.", "en"),
        ("A rather unhappy 'customer' for someone we never served.", "en"),
        ("Our readers will judge for themselves.", "en"),
        ("Das ist sicher nur ein Zufall.", "de"),
        ("Ein Konto ohne jede andere Bewertung, wie praktisch.", "de"),
        ("Nos lecteurs jugeront. Une simple coïncidence, sans doute.", "fr"),
        ("Será pura casualidad que la reseña llegue hoy.", "es"),
        ("I lettori giudicheranno da soli.", "it"),
        ("Puur toeval natuurlijk. Ieder z'n hobby.", "nl"),
        ("Uma conta criada ontem e sem outras avaliações. Apenas coincidência.", "pt"),
        ("To na pewno tylko przypadek.", "pl"),
        ("Droši vien tā ir tikai sakritība.", "lv"),
        ("纯属巧合吧。", "zh"),
        ("競合店が開業した日に投稿されたのは、偶然でしょうか。何か関係があるのでしょうか。", "ja"),
    ],
)
def test_an_insinuation_is_an_accusation(text: str, language: str) -> None:
    assert "accusation" in _blocks(text, language, "google_business")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("By pure coincidence, a courier found your parcel this morning.", "en"),
        ("No other reviews mention the noise, but we have fixed the window anyway.", "en"),
        ("Durch Zufall haben wir Ihr Paket heute gefunden.", "de"),
        ("Per puro caso abbiamo ritrovato il suo ordine oggi.", "it"),
    ],
)
def test_a_coincidence_told_as_good_news_is_no_accusation(text: str, language: str) -> None:
    assert "accusation" not in _blocks(text, language, "google_business")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("It would have been better to order a week earlier, given the holidays.", "en"),
        ("Es wäre besser gewesen, früher zu bestellen.", "de"),
        ("Il aurait été préférable de réserver à l'avance.", "fr"),
        ("Habría sido mejor reservar con antelación.", "es"),
        ("Sarebbe stato meglio prenotare prima.", "it"),
        ("Dan was het beter geweest om eerder te bestellen.", "nl"),
        ("Teria sido melhor encomendar mais cedo.", "pt"),
        ("Lepiej było zamówić wcześniej.", "pl"),
        ("Arriving an hour late is not the restaurant's problem.", "en"),
        ("Arrivare con un'ora di ritardo non è un problema del ristorante.", "it"),
    ],
)
def test_hindsight_and_the_place_disowning_the_problem_are_blame(text: str, language: str) -> None:
    assert "blame_customer" in _blocks(text, language, "google_business")


def test_an_offer_and_where_the_stars_are_is_an_incentive() -> None:
    text = "Your next dinner is on us. If it changes your mind, you know where the stars are."
    assert "incentive_for_review" in _blocks(text, "en", "google_business")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Noted.", "en"),
        ("Przyjęto.", "pl"),
        ("Hi Tom,\nNoted.\nBest,\nMolly", "en"),
        ("收到", "zh"),
        ("承知しました。", "ja"),
    ],
)
def test_a_bare_acknowledgement_is_an_empty_reply(text: str, language: str) -> None:
    assert "empty_reply" in _blocks(text, language, "app_store")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Noted, we will fix the login bug in version 2.3.", "en"),
        ("Przyjęto zgłoszenie, poprawka wejdzie w wersji 2.3.", "pl"),
    ],
)
def test_an_acknowledgement_with_something_more_is_not_empty(text: str, language: str) -> None:
    assert "empty_reply" not in _blocks(text, language, "app_store")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mevr. de Wit, Dorpsstraat 8 Zwolle: bezorgd om 10:12.", "nl"),
        ("Your parcel was signed for at 7 Birch Close, York, on Tuesday.", "en"),
    ],
)
def test_an_address_with_its_town_or_on_a_close_is_personal(text: str, language: str) -> None:
    assert "personal_data" in _blocks(text, language, "ebay")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We're only a ten minute drive from the station.", "en"),
        ("Our shop at 7 Birch Close is open every day.", "en"),
        ("Wij zitten in de Dorpsstraat 8 dagen per jaar niet.", "nl"),
    ],
)
def test_a_drive_the_shops_own_address_and_a_count_are_not_personal(
    text: str, language: str
) -> None:
    assert "personal_data" not in _blocks(text, language, "ebay")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kijk ook eens naar onze nieuwe lijn kussens, nu met gratis verzending!", "nl"),
        ("Do look at our new linen range, free shipping this month!", "en"),
    ],
)
def test_a_new_line_to_look_at_is_marketing(text: str, language: str) -> None:
    assert "marketing" in _blocks(text, language, "etsy")


@pytest.mark.parametrize(
    "text",
    [
        "Your parcel left our warehouse on 3 May and was signed for at 9 Ash Close, York.",
        "The order left our shop on Monday and was delivered to 12 Mill Road, Bath.",
    ],
)
def test_an_address_a_parcel_went_to_after_the_sellers_place_is_the_reviewers(text: str) -> None:
    assert "personal_data" in _blocks(text, "en", "taobao")


def test_the_sellers_own_address_stays_its_own() -> None:
    assert "personal_data" not in _blocks("Visit our shop at 9 Ash Close, York.", "en", "taobao")
