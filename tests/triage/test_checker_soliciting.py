"""Soliciting reviews where the platform forbids it (Yelp): writing asked for where reviews
stand, by the reviewer or the people they came with, and gating by the reviewer's mood (own
wordings, not corpus replies)."""

from __future__ import annotations

import pytest

from reviewwatch.triage.checker import check_reply


def _rules(text: str, language: str, platform: str = "yelp") -> set[str]:
    result = check_reply(text, platform=platform, language=language)
    return {finding.rule for finding in result.findings if finding.severity == "block"}


# ---- Writing asked for "here" or on a review site, also from the reviewer's company ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We'd be thrilled if your colleagues posted their thoughts here as well.", "en"),
        ("Bring your friends along next time and have them write about us on Yelp.", "en"),
        ("Your guests are welcome to share their impressions on Yelp too.", "en"),
        ("Bitten Sie Ihre Gäste, ihre Eindrücke hier zu teilen!", "de"),
        ("Wenn Ihre Gäste auch zufrieden waren, freuen wir uns über deren Bewertung.", "de"),
        ("Si a tus amigos les gustó, que cuenten aquí su experiencia.", "es"),
        ("Invitez vos proches à partager leur avis ici !", "fr"),
        ("Dica ai suoi amici di scrivere due righe qui, ci farebbe piacere!", "it"),
        ("Peça para a galera escrever aqui como foi!", "pt"),
        ("Poproś znajomych, żeby też napisali coś o nas na Yelpie!", "pl"),
        ("Als je gasten het ook lekker vonden, lezen we graag hun ervaringen hier.", "nl"),
        ("Ja arī jūsu draugiem patika, priecāsimies lasīt viņu atsauksmes šeit.", "lv"),
        ("请您的朋友也来Yelp上说说他们的体验吧！", "zh"),
    ],
)
def test_writing_asked_for_here_or_from_the_reviewers_company_solicits(
    text: str, language: str
) -> None:
    assert "solicit_review" in _rules(text, language)
    # Where asking for reviews is allowed, the same words are no violation.
    assert "solicit_review" not in _rules(text, language, "google_business")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Please write to me here if anything else comes up.", "en"),
        ("Your friends are always welcome here!", "en"),
        ("Bring your friends here next time and share a big pizza!", "en"),
        ("We're happy to share here that the terrace is open again.", "en"),
        ("As we wrote here last week, the terrace is closed on Mondays.", "en"),
        ("We read everything you write here.", "en"),
        ("Schreiben Sie mir hier gern direkt.", "de"),
        ("Wie wir hier schon geschrieben haben, ist montags Ruhetag.", "de"),
        ("Aquí tus amigos siempre son bienvenidos.", "es"),
        ("Escriba aquí su número de pedido, por favor, y lo revisamos.", "es"),
        ("Comme nous l'avons écrit ici, le restaurant est fermé le lundi.", "fr"),
        ("Scriva pure qui il numero d'ordine e verificheremo.", "it"),
        ("Escreva aqui o número do pedido, por favor.", "pt"),
        ("Proszę napisać tutaj numer zamówienia.", "pl"),
        ("Napisz do mnie prywatną wiadomość tutaj.", "pl"),
        ("Lūdzu, uzrakstiet šeit pasūtījuma numuru.", "lv"),
        ("请在这里写下您的订单号，我们会查询。", "zh"),
        ("欢迎您的朋友们下次一起来这里聚餐！", "zh"),
    ],
)
def test_a_message_a_detail_or_the_sellers_own_writing_here_does_not_solicit(
    text: str, language: str
) -> None:
    assert "solicit_review" not in _rules(text, language)


# ---- Gating: the space where reviews stand kept for the satisfied; groups named anew ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We keep this page for happy voices only; anything else goes to our inbox.", "en"),
        ("Diese Seite ist für zufriedene Stimmen gedacht, Beschwerden bitte per Mail.", "de"),
        ("Reservamos este espacio para las opiniones positivas; las quejas, por correo.", "es"),
        ("Cet espace est réservé aux avis positifs, merci d'écrire au service client sinon.", "fr"),
        (
            "Questo spazio dovrebbe ospitare le recensioni positive: per i problemi scriveteci.",
            "it",
        ),
        ("Este espaço é para as experiências positivas; reclamações pelo e-mail.", "pt"),
        ("To miejsce jest dla pozytywnych opinii, skargi prosimy kierować mailowo.", "pl"),
        ("Deze pagina is bedoeld voor positieve ervaringen, klachten graag via de mail.", "nl"),
        ("Šī vieta ir paredzēta pozitīvām atsauksmēm, sūdzības lūdzam sūtīt e-pastā.", "lv"),
        ("评论区是留给满意的声音的，有问题请私信。", "zh"),
    ],
)
def test_the_review_space_kept_for_the_satisfied_is_gating(text: str, language: str) -> None:
    assert "review_gating" in _rules(text, language, "generic")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("This space is for all opinions, not only positive ones.", "en"),
        ("This page is not just for positive reviews, every voice counts.", "en"),
        ("Join us here for happy hour every Friday!", "en"),
        ("Here we have only had positive experiences with this supplier.", "en"),
        ("Hier sollen sich alle Gäste wohlfühlen und zufrieden sein.", "de"),
        ("Este espacio es para todas las opiniones, buenas y malas.", "es"),
        ("Merci pour tous les avis positifs ici !", "fr"),
        ("Tevreden klanten zijn onze beste reclame.", "nl"),
        ("Nos clients contents reviennent souvent, merci pour votre visite.", "fr"),
        ("有问题的顾客请联系客服，我们会尽快处理。", "zh"),
    ],
)
def test_every_voice_welcome_or_satisfied_guests_named_is_no_gating(
    text: str, language: str
) -> None:
    assert "review_gating" not in _rules(text, language, "generic")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nos clients contents, on les invite à laisser un avis ; les autres nous écrivent.", "fr"),
        ("Zufriedene Patienten bitten wir um eine Bewertung, alle anderen um einen Anruf.", "de"),
        ("Os clientes felizes convidamos a avaliar no Google; os outros, ao balcão.", "pt"),
        ("有意见的会员请找前台。满意的会员欢迎给我们写评价。", "zh"),
        ("Si tienes alguna queja, escríbenos. Si te gustó, déjanos una reseña en Google.", "es"),
    ],
)
def test_the_satisfied_asked_for_a_review_and_the_others_sent_elsewhere_is_gating(
    text: str, language: str
) -> None:
    assert "review_gating" in _rules(text, language, "generic")


# ---- Marketing: a price deal on a recurring day or for a limited time ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Thanks for the kind words! Every Friday, all burgers are $8 — see you soon.", "en"),
        ("¡Gracias! Todos los martes, menú del día por 12 €.", "es"),
        ("Merci ! Tous les jeudis, le plat du jour est à 11 €.", "fr"),
        ("Bedankt! Elke woensdag spareribs voor € 15.", "nl"),
        ("Obrigado! Só este mês, o rodízio sai por 49 €.", "pt"),
        ("Dziękujemy! Tylko w tym miesiącu pizza za 25 zł.", "pl"),
        ("Paldies! Katru piektdienu pica par 7 €.", "lv"),
        ("Danke! Nur diesen Monat gibt es jede Pizza für 8 €.", "de"),
    ],
)
def test_a_price_deal_for_a_day_or_a_limited_time_is_marketing(text: str, language: str) -> None:
    assert "marketing" in _rules(text, language, "generic"), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We refunded the $8 on Friday; sorry again.", "en"),
        ("Die 9,90 € wurden am Dienstag erstattet.", "de"),
        ("Your order of 25 € arrived on Monday, a day late; we're sorry.", "en"),
        ("Ogni lunedì siamo chiusi; il pranzo costava 12 € e le abbiamo restituito tutto.", "it"),
        ("Le menu à 25 € est servi tous les jours, et nous avons remboursé votre dessert.", "fr"),
        ("We're open every Tuesday from 9 to 5.", "en"),
    ],
)
def test_a_price_of_the_reviewers_own_order_or_refund_is_no_marketing(
    text: str, language: str
) -> None:
    assert "marketing" not in _rules(text, language, "generic"), text
