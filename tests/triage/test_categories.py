from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewwatch.triage.analysis import analyse
from reviewwatch.triage.categories import classify, lexicon_scores, word_list_categories
from reviewwatch.triage.models import CATEGORIES


def names(text: str, language: str) -> set[str]:
    return {category.name for category in classify(text, language)}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Stopped working after a week, cheap plastic.", "product_quality"),
        ("en", "Looks nothing like the picture, very misleading listing.", "not_as_described"),
        ("en", "They sent the wrong size and a part was missing.", "wrong_item"),
        ("en", "Package took three weeks and tracking never updated.", "shipping_delay"),
        ("en", "The box was crushed and the lamp arrived broken.", "damaged_in_transit"),
        ("en", "Support never answered and the agent was rude.", "customer_service"),
        ("en", "Way overpriced, hidden fees at checkout.", "price_value"),
        ("en", "The app keeps crashing when I try to log in.", "usability"),
        ("en", "Too many marketing emails, I cannot unsubscribe.", "other"),
        ("es", "Llegó roto y la calidad es pésima", "product_quality"),
        ("es", "El pedido nunca llegó, llevo semanas esperando", "shipping_delay"),
        (
            "es",
            "Atención al cliente no responde, imposible conseguir el reembolso",
            "customer_service",
        ),
        ("fr", "Colis toujours pas reçu, livraison en retard", "shipping_delay"),
        ("fr", "Produit non conforme à la description", "not_as_described"),
        ("fr", "Beaucoup trop cher pour ce que c'est", "price_value"),
        ("de", "Das Gerät ist nach zwei Tagen kaputt gegangen", "product_quality"),
        ("de", "Lieferung verspätet, Paket erst nach drei Wochen angekommen", "shipping_delay"),
        ("de", "Der Kundenservice antwortet nicht auf meine E-Mails", "customer_service"),
        ("nl", "Het product werkt niet meer na een week", "product_quality"),
        ("nl", "Pakket beschadigd aangekomen, de doos was ingedeukt", "damaged_in_transit"),
        ("nl", "Veel te duur voor deze kwaliteit", "price_value"),
        ("it", "Il prodotto è arrivato con due settimane di ritardo", "shipping_delay"),
        ("it", "Non funziona, si è rotto subito", "product_quality"),
        ("pt", "Atendimento péssimo, ninguém responde", "customer_service"),
        ("pt", "Veio o produto errado, pedi outro modelo", "wrong_item"),
        ("pl", "Paczka nie dotarła, kurier zgubił przesyłkę", "shipping_delay"),
        ("pl", "Słaba jakość, zepsuł się po tygodniu", "product_quality"),
        ("lv", "Prece saplīsa pēc divām dienām, slikta kvalitāte", "product_quality"),
        ("lv", "Piegāde kavējās divas nedēļas", "shipping_delay"),
        ("lv", "Klientu serviss neatbild uz e-pastiem", "customer_service"),
        ("zh", "物流太慢了，等了兩個星期才到", "shipping_delay"),
        ("zh", "客服態度很差，打電話都打不通", "customer_service"),
        ("zh", "质量太差，用了两天就坏了", "product_quality"),
        ("zh", "APP一直閃退，購物車也打不開", "usability"),
        ("zh", "與描述不符，顏色有色差", "not_as_described"),
        ("ja", "注文した荷物がまだ届かない", "shipping_delay"),
        ("ja", "値段が高すぎる", "price_value"),
        ("ja", "アプリが使いにくいし、ログインできない", "usability"),
        ("es", "Todavía no he recibido el pedido", "shipping_delay"),
        ("nl", "Klantenservice reageert niet, nog steeds geen geld terug", "customer_service"),
    ],
)
def test_hand_written_complaints(language: str, text: str, expected: str) -> None:
    assert expected in names(text, language)


def test_evidence_names_the_trigger_words() -> None:
    (category,) = [
        c for c in classify("The kettle arrived broken.", "en") if c.name == "damaged_in_transit"
    ]
    assert category.evidence == ("arrived broken",)


def test_accents_and_case_are_ignored() -> None:
    assert "shipping_delay" in names("PIEGADE KAVEJAS", "lv")
    assert "product_quality" in names("CALIDAD PÉSIMA", "es")


def test_inflections_match_through_prefixes() -> None:
    assert "product_quality" in names("Das Teil war defekt", "de")
    assert "product_quality" in names("Het is defecte rommel", "nl")
    assert "customer_service" in names("Sie haben die Reklamation ignoriert", "de")


def lists(text: str, language: str) -> dict[str, float]:
    """What the word lists count (the model reads these beside the words)."""
    return lexicon_scores(analyse(text), language)


def test_negated_problem_word_is_only_a_weak_sign() -> None:
    assert lists("Not broken.", "en")["product_quality"] == 0.5
    assert lists("It is broken.", "en")["product_quality"] == 1.0
    assert "product_quality" in names("It is broken.", "en")


def test_plain_complaint_words_count_for_other() -> None:
    assert lists("Very disappointed, sent it back.", "en") == {"complaint": 2.0}
    assert "other" in names("Very disappointed, sent it back.", "en")
    assert "product_quality" in names("Very disappointed, the screen cracked.", "en")
    assert lists("Thanks, see you next time.", "en") == {}


def test_unknown_language_uses_english_lists() -> None:
    assert "product_quality" in names("stopped working", "xx")


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_text_has_no_categories(text: str) -> None:
    assert classify(text, "en") == ()


def test_results_follow_the_declared_order() -> None:
    found = [c.name for c in classify("Late delivery, rude support, and it broke.", "en")]
    assert found == sorted(found, key=CATEGORIES.index)


def test_dev_set_macro_f1(dev_rows: list[dict[str, Any]]) -> None:
    f1s = []
    for name in CATEGORIES:
        tp = fp = fn = 0
        for row in dev_rows:
            got = name in names(row["text"], row["lang"])
            gold = name in row["categories"]
            tp, fp, fn = tp + (got and gold), fp + (got and not gold), fn + (gold and not got)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    # The word model alone (tests switch the encoder off). Retraining the shipped recipe with
    # other seeds on unchanged word lists scores 0.68-0.73 on these rows, so the floor sits at
    # the bottom of that spread: it catches a broken model or word list, not a seed's luck.
    assert sum(f1s) / len(f1s) >= 0.68


@settings(max_examples=300, deadline=None)
@given(
    st.text(),
    st.sampled_from(["en", "es", "fr", "de", "nl", "it", "pt", "pl", "lv", "zh", "ja", "xx"]),
)
def test_never_raises(text: str, language: str) -> None:
    for category in classify(text, language):
        assert category.name in CATEGORIES
        assert category.evidence


def test_neutral_mentions_of_a_topic_count_nothing() -> None:
    assert "shipping_delay" not in names("Great kettle, fast shipping.", "en")
    assert "shipping_delay" not in names("Livraison rapide, produit conforme.", "fr")
    assert "shipping_delay" in names("Shipping took three weeks.", "en")
    (category,) = [
        c
        for c in classify("Fast shipping, but it never arrived.", "en")
        if c.name == "shipping_delay"
    ]
    assert category.evidence == ("never arrived",)


def test_a_second_complaint_the_word_lists_find_is_found_though_the_model_weighs_it_down() -> None:
    """The model weighs each complaint's words against the others' ("the photos" speaks
    against a delay), so two complaints in one review may each fall below their cut-offs;
    the word lists decide on their own for the categories in `LISTS_DECIDE`."""
    from reviewwatch.triage.model import LISTS_DECIDE, active_model, found_categories
    from reviewwatch.triage.model.features import lexicon_features

    text = "El color no es el de las fotos y tardó tres semanas en llegar."
    found = {item.name: item for item in classify(text, "es")}
    assert {"not_as_described", "shipping_delay"} <= set(found)
    assert found["shipping_delay"].margin < 0 and found["shipping_delay"].listed
    assert "usability" not in LISTS_DECIDE and "other" not in LISTS_DECIDE
    # Usability's lists alone decide nothing: a model far below its cut-off leaves it out.
    model = active_model()
    features = lexicon_features(lexicon_scores(analyse("The app keeps crashing."), "en"))
    assert features.get("hit:usability")
    below = [-5.0] * len(model.categories)
    found_names = {
        model.categories[index]
        for index in found_categories(model.categories, below, features, 0.0)
    }
    assert "usability" not in found_names


def listed(text: str, language: str) -> set[str]:
    """The categories the word lists find on their own."""
    return {category.name for category in word_list_categories(analyse(text), language)}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # Staff conduct: eye-rolling, laughing at the customer, passed around, same papers again,
        # a rejected claim, no answer for days.
        ("en", "The cashier rolled his eyes when I asked for a receipt.", "customer_service"),
        (
            "de",
            "Die Kellnerin hat uns ausgelacht, als wir nach der Karte fragten.",
            "customer_service",
        ),
        ("de", "Meine Schadensmeldung wurde nach sechs Wochen abgelehnt.", "customer_service"),
        (
            "es",
            "Mandé los mismos documentos tres veces y siguen sin responder.",
            "customer_service",
        ),
        ("fr", "Le conseiller nous a ri au nez quand on a parlé du dossier.", "customer_service"),
        ("nl", "Ik werd van het kastje naar de muur gestuurd.", "customer_service"),
        ("it", "Mi hanno chiesto gli stessi documenti per la terza volta.", "customer_service"),
        ("pt", "A atendente revirou os olhos quando pedi ajuda.", "customer_service"),
        ("zh", "服务员一直翻白眼，很不耐烦。", "customer_service"),
        ("ja", "問い合わせても一点張りで、たらい回しにされた。", "customer_service"),
        ("pl", "Odsyłali mnie od jednej osoby do drugiej.", "customer_service"),
        # Price said with an amount and a judgement, a raised fee, a double charge.
        ("en", "Decent burger, but for what they cost I expected more.", "price_value"),
        ("de", "Für 25 Euro hätte ich mehr erwartet.", "price_value"),
        ("es", "Es la segunda vez que pago doble por el mismo billete.", "price_value"),
        ("fr", "Le menu à 35 euros, franchement ça ne vaut pas le coup.", "price_value"),
        ("nl", "Voor die prijs verwacht je toch iets beters.", "price_value"),
        ("it", "Per 50 euro mi aspettavo di meglio.", "price_value"),
        ("pt", "Cobraram duas vezes a mesma compra.", "price_value"),
        ("zh", "补办还要另外收手续费。", "price_value"),
        ("ja", "いつの間にか値上げされていた。", "price_value"),
        ("pl", "Zapłaciłem podwójnie za to samo zamówienie.", "price_value"),
        # Not as described: "supposedly", "advertised as", "it was meant to be".
        (
            "en",
            "It was advertised as waterproof, the first rain proved otherwise.",
            "not_as_described",
        ),
        ("de", "Angeblich 2000 Lumen, in Wahrheit eine Funzel.", "not_as_described"),
        ("es", "En la descripción pone acero inoxidable y ya tiene óxido.", "not_as_described"),
        ("fr", "Le parking était soi-disant gratuit.", "not_as_described"),
        ("nl", "De beloofde accuduur van tien uur halen we nooit.", "not_as_described"),
        ("it", "Le foto ritoccate non mostrano le crepe nei muri.", "not_as_described"),
        ("pt", "Era pra ser couro legítimo, mas é sintético.", "not_as_described"),
        ("zh", "标称防水，实际一沾水就坏。", "not_as_described"),
        ("ja", "写真では大きく見えたのに、実物は小さい。", "not_as_described"),
        # Wrong item: another size or colour sent, a side or drink missing (inflected forms too).
        ("es", "Pedí una talla L y me llegó una M de otro color.", "wrong_item"),
        ("nl", "We kregen een verkeerde saus bij de friet.", "wrong_item"),
        ("de", "Zwei Getränke haben gefehlt.", "wrong_item"),
        ("it", "Mancavano le patatine e la bibita.", "wrong_item"),
        ("pt", "Faltou o refrigerante no pedido.", "wrong_item"),
        ("zh", "买了三件只收到一件。", "wrong_item"),
        # Damaged in transit.
        ("it", "Il vaso è arrivato in mille pezzi.", "damaged_in_transit"),
        ("zh", "奶茶洒了一半。", "damaged_in_transit"),
    ],
)
def test_word_lists_find_kinds_of_wording(language: str, text: str, expected: str) -> None:
    assert expected in listed(text, language)


@pytest.mark.parametrize(
    ("language", "text", "absent"),
    [
        # Praise of the thing, the staff, the price or a quick delivery is no complaint.
        ("es", "Llegó en 3 días, todo perfecto.", "shipping_delay"),
        ("fr", "Accueil chaleureux et personnel adorable.", "customer_service"),
        ("it", "Prezzi onesti e personale gentilissimo.", "price_value"),
        ("it", "Prezzi onesti e personale gentilissimo.", "customer_service"),
        ("de", "Herzlicher Empfang, Zimmer blitzsauber.", "product_quality"),
        ("de", "Laut Beschreibung aus Edelstahl, und das stimmt auch.", "product_quality"),
        ("en", "The screen is bright and the sound is great.", "product_quality"),
        ("zh", "质量很好，物流很快。", "product_quality"),
        ("zh", "质量很好，物流很快。", "shipping_delay"),
        ("ja", "店員さんの対応は丁寧でした。", "customer_service"),
        ("nl", "Precies zoals op de foto, en de kleur is mooi.", "not_as_described"),
        ("pt", "A cerveja estava bem gelada e fria.", "product_quality"),
        ("es", "Un sitio acogedor con buena comida.", "usability"),
        ("fr", "Correct pour le prix, je recommande.", "price_value"),
    ],
)
def test_praise_stays_clean(language: str, text: str, absent: str) -> None:
    assert absent not in listed(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # Food gone wrong, a service that drops out.
        ("en", "The burger was burnt and the fries showed up cold."),
        ("en", "Got sick the same night, and the internet here keeps cutting out."),
        ("de", "Schon wieder eine Störung, seit Tagen kein Internet."),
        ("de", "Die Pommes waren labbrig und das Schnitzel matschig."),
        ("es", "Tres días sin internet y nadie viene."),
        ("es", "El arroz estaba pasadísimo y salado."),
        ("fr", "Plus de fibre depuis dix jours, encore une panne."),
        ("nl", "Het eten was koud en de friet verbrand."),
        ("pt", "A pizza chegou e estava fria, a internet cai toda hora."),
        ("it", "Pizza bruciata sotto e cruda sopra."),
        ("it", "Il cappuccino era tiepido e insipido."),
        ("zh", "猫粮受潮了，好多都结块。"),
        ("ja", "スープがぬるくて、麺がのびていた。"),
    ],
)
def test_food_gone_wrong_and_a_service_dropping_out_are_product_quality(
    language: str, text: str
) -> None:
    assert "product_quality" in listed(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The waiter was friendly and the soup was hot."),
        ("de", "Die Pizza kam heiß an, alles bestens."),
        ("it", "Una bella pianta in vaso, consegnata in tempo."),
    ],
)
def test_warm_food_and_plants_are_no_product_complaint(language: str, text: str) -> None:
    assert "product_quality" not in listed(text, language)


# Money still taken after cancelling, in every language with word lists, as reviewers write it
# (written for these tests); the model files most of these under the support, or nowhere.
CHARGED_AFTER_CANCELLING = {
    "en": ("I cancelled but they still took my money.", "still took my money"),
    "de": ("Ich habe gekündigt, wurde aber trotzdem belastet.", "trotzdem belastet"),
    "fr": ("J'ai annulé mais j'ai quand même été débité.", "quand même été débité"),
    "es": ("Cancelé pero me siguieron cobrando.", "siguieron cobrando"),
    "it": ("Ho disdetto ma mi hanno addebitato lo stesso.", "addebitato lo stesso"),
    "nl": ("Ik heb opgezegd maar werd toch afgeschreven.", "toch afgeschreven"),
    "pt": ("Cancelei mas continuaram a cobrar.", "continuaram a cobrar"),
    "pl": ("Anulowałem, ale nadal pobierali opłaty.", "nadal pobierali"),
    "zh": ("我已经取消了但还是被扣款了。", "还是被扣"),
    "ja": ("解約したのにまだ請求されました。", "まだ請求"),
    "lv": ("Atcēlu, bet joprojām noņēma naudu.", "joprojām noņēma"),
}


def test_money_still_taken_after_cancelling_is_a_billing_complaint() -> None:
    """Filed under price_value, with the reviewer's words of the charge as evidence, also
    where the model files the review only under the support that did not stop it."""
    for language, (text, words) in CHARGED_AFTER_CANCELLING.items():
        found = {category.name: category for category in classify(text, language)}
        assert "price_value" in found, (language, found)
        assert words in found["price_value"].evidence, (language, found)
    both = names("I cancelled my account and they kept taking payments.", "en")
    assert {"customer_service", "price_value"} <= both


def test_cancelling_or_a_later_wait_alone_is_no_billing_complaint() -> None:
    assert "price_value" not in names("I cancelled my order. Support was rude.", "en")
    assert "price_value" not in names(
        "I cancelled the express option and it still took three weeks.", "en"
    )
    assert "price_value" not in names("They kept charging my phone wrong, it broke.", "en")
