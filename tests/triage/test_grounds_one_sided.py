"""A product review that speaks only of the seller, the order or the delivery (and near
misses that speak of the product too). Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from reviewwatch.triage.grounds import detect_grounds

SELLER_ONLY = "product_review_is_seller_feedback"


def grounds(text: str, language: str) -> set[str]:
    return {match.ground for match in detect_grounds(text, language)}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # A general name of the thing in the order's own clause says nothing about it.
        ("en", "The item never arrived."),
        (
            "en",
            "The product was marked as delivered but never showed up, and the seller ignores me.",
        ),
        ("de", "Der Artikel ist nie angekommen, das Paket ging verloren."),
        ("de", "Ware wurde nie geliefert."),
        ("fr", "Le produit n'est jamais arrivé."),
        ("fr", "L'article m'a été livré cabossé par le transporteur."),
        ("es", "El producto nunca llegó y el vendedor no contesta."),
        ("it", "Il prodotto non è mai arrivato."),
        ("nl", "Het artikel is nooit aangekomen."),
        ("pt", "O produto nunca chegou."),
        ("zh", "商品还没收到，物流太慢了。"),
        ("ja", "商品が届きません。"),
        # The shop's website, told of in a delivery complaint, is the seller's.
        ("fr", "Le site indique livré mais je n'ai jamais reçu le colis."),
        ("de", "Laut Webseite zugestellt, aber das Paket ist nie angekommen."),
        ("es", "El sitio web dice entregado pero el paquete nunca llegó."),
        # The name of the thing in a clause the category lists found an order complaint in;
        # a slowness said of the delivery, not of an app.
        ("de", "Die Ware ist immer noch nicht da."),
        ("de", "Das war wohl nix. Nach 4 Wochen noch immer keine Ware."),
        ("de", "Lieferung sehr langsam, und dann war die Verpackung auch noch kaputt."),
        ("en", "No money, no product, no answer from the seller."),
        # Praise after a negation is no praise.
        ("en", "Not good at all, the parcel came two weeks late."),
        ("de", "Nicht gut, das Paket kam zwei Wochen zu spät."),
        # A parcel said not to have come through sound.
        ("en", "The item arrived broken, the packaging was not intact."),
        ("fr", "Colis arrivé abîmé, l'emballage n'était pas intact."),
    ],
)
def test_only_the_order_or_the_delivery_is_seller_feedback(language: str, text: str) -> None:
    assert SELLER_ONLY in grounds(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # Praise in a clause of its own is said of the thing.
        ("en", "Great, but the parcel came two weeks late."),
        ("de", "Einwandfrei, nur die Lieferung dauerte drei Wochen."),
        ("fr", "Lampe très correcte, par contre livraison catastrophique."),
        ("es", "Perfecto, pero el paquete llegó con dos semanas de retraso."),
        ("zh", "东西不错，就是快递太慢了。"),
        # The name of the thing in a clause of its own.
        ("nl", "Goed product, maar de levering duurde twee weken."),
        ("ja", "商品は良いですが、配送が遅すぎます。"),
        # The parcel came through sound: the damage is the thing's own.
        ("en", "The item arrived broken although the packaging was intact."),
        ("de", "Produkt kam kaputt an, Verpackung war aber unbeschädigt."),
        ("fr", "Produit reçu cassé alors que le carton était intact."),
        ("es", "Llegó roto aunque la caja estaba intacta."),
        ("it", "Arrivato rotto anche se la confezione era integra."),
        ("zh", "包装完好，但是收到就是坏的。"),
        # An app that is hard to use is the product, not the shop's website.
        ("en", "The app keeps crashing and the package arrived late."),
        ("en", "The app is slow and the delivery was late."),
        ("de", "Die App ist langsam und die Lieferung kam zu spät."),
        ("de", "Tolles Produkt, Lieferung war langsam."),
        # Its parts and what it does, beside a late delivery.
        ("en", "Kettle takes forever to boil and the lid sticks. Delivery was two days late."),
        ("en", "The zipper snagged on day one, and the parcel came a week late."),
        ("de", "Der Deckel klemmt und der Griff wackelt. Lieferung kam zwei Tage zu spät."),
        ("fr", "Le couvercle coince et c'est très bruyant. Livraison en retard de deux jours."),
        ("es", "La cremallera se rompió y el envío tardó tres semanas."),
        ("it", "Il coperchio non chiude bene e la spedizione è arrivata in ritardo."),
        ("nl", "De rits ging meteen stuk en de levering duurde twee weken."),
        ("pt", "A tampa não fecha e a entrega atrasou uma semana."),
        ("zh", "盖子关不上，快递还慢了三天。"),
        ("ja", "ボタンが効かないし、配送も三日遅れました。"),
    ],
)
def test_a_word_about_the_thing_keeps_it_a_product_review(language: str, text: str) -> None:
    assert SELLER_ONLY not in grounds(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # An order cancelled by the shop.
        ("en", "The shop cancelled my order without a word."),
        ("fr", "Ils ont annulé ma commande sans prévenir."),
        ("es", "El pedido fue cancelado y no me han devuelto el dinero."),
        ("nl", "Mijn bestelling werd zonder reden geannuleerd."),
        ("zh", "订单被取消了，也没人解释。"),
        ("ja", "注文がキャンセルされました。"),
        # A refund not paid, an empty parcel.
        ("de", "Die Rücksendung wurde nicht erstattet."),
        ("fr", "Retourné il y a un mois, toujours pas remboursé."),
        ("de", "Das Paket war offen und leer."),
        ("en", "The parcel was completely empty."),
        # Never arrived, with words between; paid and never got anything.
        ("de", "Produkt leider nie bei mir angekommen."),
        ("de", "Artikel ist nicht gekommen."),
        ("de", "Bezahlt und nie etwas bekommen."),
        ("es", "El producto nunca me llegó a casa."),
        ("it", "Il prodotto non mi è mai arrivato."),
        ("nl", "Het artikel is bij mij nooit aangekomen."),
        # Still nothing there; a parcel lost, stolen or sent back to the sender.
        ("de", "Nach sechs Wochen immer noch nichts da."),
        ("de", "Das Paket ist verschwunden."),
        ("it", "Pacco rubato davanti alla porta."),
        ("de", "Paket wurde an den Absender zurückgeschickt."),
        ("ja", "まだ届いていません。"),
        # Another thing sent; the money not paid back.
        ("de", "Es wurde ein anderer Artikel geliefert."),
        ("es", "Me llegó otro producto."),
        ("de", "Habe es zurückgeschickt und bis heute kein Geld zurück."),
        # Only part of the order, nothing in the parcel, no replacement or credit.
        ("de", "Habe 2 bestellt, nur 1 erhalten."),
        ("de", "Es kam nur die Hülle, ohne Inhalt."),
        ("de", "Trotz Reklamation kein Ersatz und keine Gutschrift."),
        # Not in time; arrived broken, said in one breath.
        ("de", "Ich hatte Expressversand bezahlt, es kam trotzdem erst nach einer Woche."),
        ("de", "Leider kam das Produkt nicht rechtzeitig zum Geburtstag an."),
        ("fr", "La lampe est arrivée cassée."),
        # One thing ordered and another sent, said to the seller's face or set out as labels.
        ("fr", "J'ai commandé un modèle noir et on m'a envoyé un blanc."),
        ("en", "I ordered the large pack and they sent me a single one."),
        ("es", "Pedí el modelo negro y me enviaron el blanco."),
        ("it", "Ho ordinato il modello nero e mi hanno mandato quello bianco."),
        ("de", "Bestellt: Kopfhörer. Geliefert: eine Handyhülle."),
    ],
)
def test_what_happened_to_the_order_is_seller_feedback(language: str, text: str) -> None:
    assert SELLER_ONLY in grounds(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # Ordering and getting the thing, with no mismatch told of.
        ("en", "Ordered it for my son's birthday and he got it the next day. He loves it."),
        ("en", "I ordered the black one and it works great."),
        ("de", "Ich habe im März bestellt und es kam pünktlich, Gerät funktioniert."),
        ("en", "No refund needed, the lamp works fine now."),
        ("en", "I ordered two and they sent me exactly what I asked for, top quality."),
        # "Not ... received" said of what the thing is like.
        ("en", "Not impressed with what I received, the strap is thin."),
        ("de", "Nicht das erhalten, was auf dem Bild ist, Farbe anders."),
        # "Another product" to buy instead is no other thing sent.
        ("de", "Nicht zu empfehlen. Lieber ein anderes Produkt kaufen."),
        ("en", "Buy a different product instead."),
        ("fr", "Prenez un autre produit, celui-ci ne vaut rien."),
        # "Only", "stolen" said of the thing's own life.
        ("de", "Das Gerät wurde mir gestohlen? Nein, es ist nach einer Woche kaputt gegangen."),
        ("en", "Only got one use out of it before it broke."),
        ("de", "Die Farbe ist nur auf dem Bild erhalten, in echt blass."),
    ],
)
def test_ordering_and_getting_the_thing_is_no_seller_feedback(language: str, text: str) -> None:
    assert SELLER_ONLY not in grounds(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # The product cannot be judged: what the rest of the text says decides.
        ("de", "Zum Produkt kann ich nichts sagen, da es nie angekommen ist."),
        ("en", "Can't say anything about the product, it never arrived."),
        ("fr", "Impossible de juger le produit, le colis a disparu en route."),
        ("es", "No puedo opinar sobre el producto porque nunca llegó."),
        ("it", "Non posso giudicare il prodotto, non è mai arrivato."),
        ("nl", "Ik kan het product niet beoordelen, het is nooit aangekomen."),
        ("pt", "Não posso avaliar o produto, nunca chegou."),
        ("zh", "无法评价商品，因为一直没收到。"),
        ("ja", "商品は届いていないので評価できません。"),
    ],
)
def test_a_product_that_cannot_be_judged_leaves_the_order(language: str, text: str) -> None:
    assert SELLER_ONLY in grounds(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # Something else said of the product besides.
        (
            "de",
            "Kann die Qualität nicht beurteilen, aber es kam zu spät und der Stoff ist dünn.",
        ),
        ("en", "Can't judge the sound yet, the cable is already frayed and it arrived late."),
    ],
)
def test_what_else_is_said_of_the_product_still_counts(language: str, text: str) -> None:
    assert SELLER_ONLY not in grounds(text, language)
