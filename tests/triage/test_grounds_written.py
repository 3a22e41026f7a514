"""Removal grounds in forms the English rules missed: self-promotion with an offer, questions
to other readers, threats tied to a demand or aimed at the place, masked and lone swear
words; and the near misses that stay clean (a customer's own failed code, a question inside
a complaint, a reported threat, mild words)."""

from __future__ import annotations

import pytest

from reviewwatch.triage.grounds import detect_grounds


def _grounds(text: str, language: str) -> set[str]:
    return {g.ground for g in detect_grounds(text, language)}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Way overpriced. I sell the same lamp in my shop for half price, free shipping!"),
        ("es", "No lo compréis aquí: en mi tienda online lo tenéis con un 30% de descuento."),
        ("fr", "Je vends les mêmes, moins cher, lien dans mon profil."),
        ("de", "Gibt es bei mir im Shop billiger, Versand kostenlos."),
        ("nl", "Via mijn link krijg je 20% korting: bit.ly/deal-nl"),
        ("it", "Venite al nostro ristorante qui vicino, sconto del 10% per voi!"),
        ("pt", "Use o código de indicação MARIA10 e ganhe frete grátis."),
        ("pl", "Polecam mój kod polecający ANIA5, zniżka 5 zł na start."),
        ("zh", "同款在我们店只要39元，加微信领优惠券。"),
    ],
)
def test_self_promotion_with_an_offer_is_spam(language: str, text: str) -> None:
    assert "promotional_or_spam" in _grounds(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I used my referral link from a friend and the discount never applied."),
        ("fr", "Mon code promo n'a pas fonctionné, le prix était plus cher qu'annoncé."),
        ("de", "Mein Gutschein wurde nicht angerechnet, ich habe den vollen Preis bezahlt."),
        ("es", "Con mi código de descuento no pude pagar, un desastre."),
        ("it", "Il mio negozio di fiducia lo vende a meno, qui è troppo caro."),
    ],
)
def test_a_customer_s_own_codes_and_prices_are_not_spam(language: str, text: str) -> None:
    assert "promotional_or_spam" not in _grounds(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Does anyone know if the blue one comes in a larger size?"),
        ("es", "¿Alguien sabe a qué hora abre la piscina en invierno?"),
        ("fr", "Quelqu'un sait si le musée est ouvert le lundi ?"),
        ("de", "Weiß jemand, ob man hier mit Hund reinkommt?"),
        ("it", "Qualcuno sa se il mercato di domenica c'è ancora?"),
        ("pt", "Alguém sabe se aceitam reserva para grupos?"),
        ("zh", "有人知道这家周末几点开门吗？"),
        ("zh", "请输入验证码"),
    ],
)
def test_questions_to_other_readers_are_off_topic(language: str, text: str) -> None:
    assert "off_topic" in _grounds(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Does anyone know how to get a refund? The charger broke after two days."),
        ("es", "¿Alguien sabe cómo reclamar? El pedido llegó roto y nadie responde."),
        (
            "de",
            "Weiß jemand, wie man die kaputte Lieferung reklamiert? Kundenservice antwortet nie.",
        ),
    ],
)
def test_a_question_inside_a_complaint_is_a_review(language: str, text: str) -> None:
    assert "off_topic" not in _grounds(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Refund me by Monday or I'll copy this review onto every listing you have."),
        (
            "it",
            "Rivoglio i soldi indietro, altrimenti scrivo recensioni su tutti i vostri prodotti.",
        ),
        ("de", "Geld zurück bis Freitag, sonst schreibe ich überall Bewertungen."),
        ("es", "Devolvedme el dinero o os pinto la fachada, ya veréis."),
        ("pt", "Se não devolverem o dinheiro eu vou aí quebrar tudo."),
        ("fr", "Remboursez-moi ou je reviens avec des amis."),
        ("en", "I know where you park. Watch yourselves."),
        ("zh", "不退全款我就天天来刷差评，让你店开不下去。"),
    ],
)
def test_threats_tied_to_a_demand_or_aimed_at_the_place(language: str, text: str) -> None:
    assert "threat_or_extortion" in _grounds(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The manager said he would sue me if I did not delete my review."),
        ("de", "Auf der Website sieht das Zimmer ganz anders aus, sonst war es okay."),
        ("es", "Quería el dinero de vuelta, si no lo devolvían iba a reclamar al banco."),
        ("it", "Altrimenti il prodotto è buono, ma la consegna è stata lenta."),
    ],
)
def test_reported_threats_and_plain_complaints_are_not_threats(language: str, text: str) -> None:
    assert "threat_or_extortion" not in _grounds(text, language)


@pytest.mark.parametrize(
    ("language", "text", "obscene"),
    [
        ("de", "Ihr seid echte A****löcher.", True),
        ("zh", "客服一直推脱，操！", True),
        ("zh", "这个软件操作太复杂了。", False),
        ("zh", "孩子在体操课上用的，质量差。", False),
        ("pl", "Cholera jasna, znowu się zepsuło.", False),
    ],
)
def test_masked_lone_and_mild_swear_words(language: str, text: str, obscene: bool) -> None:
    assert ("obscene_language" in _grounds(text, language)) is obscene
