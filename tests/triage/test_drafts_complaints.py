"""Drafts speak of the complaint the reviewer made, in the kind the reviewer's words show.

A charge that went wrong (charged twice, unauthorised, taken after cancelling) is answered as a
billing error and refunded; fees the reviewer objects to are explained; a price thought too high
is passed on, with no refund promised for a charge nobody questioned. A category that repeats
another complaint's words ("I never ordered anything" beside an unauthorised charge, a broken
mug in a crushed parcel) is not answered a second time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from reviewwatch.triage.checker import check_reply
from reviewwatch.triage.drafts import _templates, draft_with_check, reply_languages
from reviewwatch.triage.models import CATEGORIES, BusinessInfo, Category, ReviewInput
from reviewwatch.triage.pipeline import triage_review
from reviewwatch.triage.policies import load_policy
from tests.triage.conftest import assert_golden

LANGUAGES = tuple(reply_languages())
BUSINESS = BusinessInfo(name="Acme Store", signature="Acme Store", contact="")
# A double charge in every draft language, as a reviewer might write it (written for these
# tests), with the words the category lists would quote for it.
DOUBLE_CHARGE = {
    "en": ("I was charged twice for the same order.", "charged twice"),
    "de": ("Mir wurde dieselbe Bestellung zweimal abgebucht.", "zweimal abgebucht"),
    "fr": ("J'ai été débité deux fois pour la même commande.", "débité deux fois"),
    "es": ("Me cobraron dos veces el mismo pedido.", "Me cobraron dos veces"),
    "it": ("Mi hanno addebitato due volte lo stesso ordine.", "addebitato due volte"),
    "nl": ("Ik ben twee keer afgeschreven voor dezelfde bestelling.", "twee keer afgeschreven"),
    "pt": ("Fui cobrado duas vezes pela mesma encomenda.", "Fui cobrado"),
    "pl": ("Pobrano dwa razy opłatę za to samo zamówienie.", "Pobrano dwa razy"),
    "zh": ("同一个订单被扣了两次款。", "扣了两次"),
    "zh-Hant": ("同一筆訂單被扣了兩次款。", "扣了"),
    "ja": ("同じ注文で二重請求されました。", "二重請求"),
    "lv": ("Divreiz noņēma naudu par vienu pasūtījumu.", "divreiz noņēma"),
}
# A price thought too high, in every draft language, with its listed words.
TOO_DEAR = {
    "en": ("Way overpriced for what you get.", "overpriced"),
    "de": ("Viel zu teuer für das, was man bekommt.", "Viel zu teuer"),
    "fr": ("Beaucoup trop cher pour ce que c'est.", "trop cher"),
    "es": ("Demasiado caro para lo que ofrecen.", "Demasiado caro"),
    "it": ("Troppo caro per quello che offre.", "Troppo caro"),
    "nl": ("Veel te duur voor wat je krijgt.", "Veel te duur"),
    "pt": ("Muito caro para o que oferece.", "Muito caro"),
    "pl": ("Za drogo jak na to, co oferują.", "Za drogo"),
    "zh": ("价格太贵了，不值这个价。", "太贵了"),
    "zh-Hant": ("價格太貴了，不值得買。", "太貴了"),
    "ja": ("値段が高すぎます。", "値段が高"),
    "lv": ("Pārāk dārgi par to, ko saņem.", "Pārāk dārgi"),
}

# The price judged against the quality, in every draft language, with the words the category
# lists quote for each (product_quality: only the quality word of the comparison).
TOO_DEAR_FOR_THE_QUALITY = {
    "en": ("Too expensive for this quality.", "quality", "Too expensive"),
    "de": ("Zu teuer für diese Qualität.", "Qualität", "Zu teuer"),
    "fr": ("Trop cher pour cette qualité.", "qualité", "Trop cher pour"),
    "es": ("Demasiado caro para esta calidad.", "calidad", "Demasiado caro"),
    "it": ("Troppo caro per questa qualità.", "qualità", "Troppo caro"),
    "nl": ("Te duur voor deze kwaliteit.", "kwaliteit", "Te duur"),
    "pt": ("Muito caro para esta qualidade.", "qualidade", "Muito caro"),
    "pl": ("Za drogo jak na tę jakość.", "jakość", "Za drogo"),
    "zh": ("这个质量太贵了。", "质量", "太贵了"),
    "zh-Hant": ("這個質量太貴了。", "質量", "太貴了"),
    "ja": ("この品質で高すぎる。", "品質", "高すぎ"),
    "lv": ("Pārāk dārgi šai kvalitātei.", "kvalitātei", "Pārāk dārgi"),
}


def _draft(text: str, language: str, categories: list[Category], platform: str = "generic") -> str:
    review = ReviewInput(platform, 1, None, None, text)
    draft, result = draft_with_check(
        review,
        language=language,
        categories=categories,
        business=BUSINESS,
        policy=load_policy(platform),
    )
    assert result.ok and draft.language == language, draft.text
    return draft.text


def _sentences(language: str, table: str, key: str) -> list[str]:
    phrases: list[str] = _templates(language)[table][key]
    return phrases


def _says_any(text: str, language: str, table: str, key: str) -> bool:
    return any(sentence in text for sentence in _sentences(language, table, key))


def test_a_double_charge_is_answered_as_a_billing_error_in_every_language() -> None:
    for language, (text, words) in DOUBLE_CHARGE.items():
        draft = _draft(text, language, [Category("price_value", (words,))])
        assert _says_any(draft, language, "acknowledge", "price_value_charge"), draft
        assert _says_any(draft, language, "fix", "price_value_charge"), draft
        for other in ("price_value", "price_value_fee"):
            assert not _says_any(draft, language, "acknowledge", other), (other, draft)
            assert not _says_any(draft, language, "fix", other), (other, draft)


def test_a_price_thought_too_high_gets_no_refund_of_a_charge_nobody_questioned() -> None:
    for language, (text, words) in TOO_DEAR.items():
        draft = _draft(text, language, [Category("price_value", (words,))])
        assert _says_any(draft, language, "acknowledge", "price_value"), draft
        assert _says_any(draft, language, "fix", "price_value"), draft
        for billing in ("price_value_charge", "price_value_fee"):
            assert not _says_any(draft, language, "fix", billing), (billing, draft)
    english = _draft(TOO_DEAR["en"][0], "en", [Category("price_value", ("overpriced",))])
    assert "refund" not in english and "clear" not in english


def test_a_price_judged_against_the_quality_is_answered_as_the_price_not_a_fault() -> None:
    """ "Too expensive for this quality": the quality word only weighs the price, so the draft
    speaks of the price and offers no replacement for a faulty item, in every language."""
    for language, (text, quality, price) in TOO_DEAR_FOR_THE_QUALITY.items():
        categories = [
            Category("product_quality", (quality,), margin=1.9),
            Category("price_value", (price,), margin=2.2),
        ]
        draft = _draft(text, language, categories)
        assert _says_any(draft, language, "acknowledge", "price_value"), draft
        assert _says_any(draft, language, "fix", "price_value"), draft
        assert not _says_any(draft, language, "fix", "product_quality"), draft
        templates = _templates(language)
        item = templates["item_default"]
        product = templates.get("product_default", item)
        faulty = [
            sentence.format(item=item, product=product).strip().lower()
            for sentence in _sentences(language, "acknowledge", "product_quality")
        ]
        assert not any(sentence in draft.lower() for sentence in faulty), draft


def test_a_quality_word_outside_the_comparison_is_still_a_quality_complaint() -> None:
    price = Category("price_value", ("Too expensive",), margin=2.2)
    for text, quality in (
        ("Too expensive for this quality and it broke after a week.", ("quality", "broke")),
        ("Too expensive for this quality. The quality is bad too.", ("quality",)),
        ("Too expensive for such poor quality.", ("poor quality",)),
    ):
        draft = _draft(text, "en", [Category("product_quality", quality, margin=1.9), price])
        assert _says_any(draft, "en", "fix", "product_quality"), draft
        assert _says_any(draft, "en", "fix", "price_value"), draft


def test_the_comparison_alone_without_a_price_category_gets_neutral_words() -> None:
    """Where the review names no price words the lists know ("Paid 200 euros for this
    quality?!"), the comparison is still no faulty item: the draft answers in neutral words."""
    text = "Paid 200 euros for this quality?!"
    draft = _draft(text, "en", [Category("product_quality", ("quality",), margin=1.9)])
    assert _says_any(draft, "en", "acknowledge", "other"), draft
    assert not _says_any(draft, "en", "fix", "product_quality"), draft


def test_a_price_judged_against_the_quality_from_the_whole_pipeline() -> None:
    for language, (text, _, _) in TOO_DEAR_FOR_THE_QUALITY.items():
        review = ReviewInput("trustpilot", 1, None, None, text, author="Sam Lee")
        triage = triage_review(review, business=BUSINESS, now=datetime(2026, 1, 5, tzinfo=UTC))
        assert triage.suggested_reply is not None and triage.reply_check is not None
        assert triage.reply_check.ok
        draft = triage.suggested_reply
        assert draft.language == language, draft.text
        assert _says_any(draft.text, language, "acknowledge", "price_value"), draft.text
        assert not _says_any(draft.text, language, "fix", "product_quality"), draft.text


def test_fees_are_explained_without_calling_them_an_error() -> None:
    draft = _draft(
        "They have a lot of hidden fees.", "en", [Category("price_value", ("hidden fees",))]
    )
    assert _says_any(draft, "en", "acknowledge", "price_value_fee"), draft
    assert _says_any(draft, "en", "fix", "price_value_fee"), draft
    assert not _says_any(draft, "en", "acknowledge", "price_value_charge"), draft


def test_a_wrong_charge_said_anywhere_in_the_review_makes_it_a_billing_error() -> None:
    """The category lists quote only "billed"; "after I cancelled" in the same review shows the
    charge went wrong."""
    text = "I was billed for another month after I cancelled my plan."
    draft = _draft(text, "en", [Category("price_value", ("billed",))])
    assert _says_any(draft, "en", "acknowledge", "price_value_charge"), draft
    unauthorised = _draft(
        "Unauthorised charge on my card.", "en", [Category("price_value", ("charge",))]
    )
    assert _says_any(unauthorised, "en", "acknowledge", "price_value_charge"), unauthorised


def test_money_still_taken_after_cancelling_is_a_billing_error_with_words_between() -> None:
    """ "Weiter Geld abgebucht", "continuent de me prélever": a pronoun or a noun between the
    verb and its adverb still says the charge went wrong."""
    cases = {
        "de": ("Abo gekündigt, trotzdem wurde mir weiter Geld abgebucht.", "abgebucht"),
        "fr": ("Résilié en mars, ils continuent de me prélever chaque mois.", "prélever"),
        "it": ("Ho disdetto, ma continuano ad addebitarmi il canone.", "addebitarmi"),
        "nl": ("Opgezegd, maar ze blijven geld afschrijven.", "afschrijven"),
        "pt": ("Cancelei o plano e continuam a cobrar-me todos os meses.", "cobrar-me"),
    }
    for language, (text, words) in cases.items():
        draft = _draft(text, language, [Category("price_value", (words,))])
        assert _says_any(draft, language, "acknowledge", "price_value_charge"), draft


def test_money_still_taken_after_cancelling_is_answered_as_a_billing_error() -> None:
    """The whole triage files such a review under price_value (with the words of the charge)
    even where the model saw only a complaint about the support, so the draft checks the
    charge and refunds what was taken in error, in every language; every category the draft
    speaks of is one of the review's."""
    cases = {
        "en": "I cancelled but they still took my money.",
        "de": "Ich habe gekündigt, wurde aber trotzdem belastet.",
        "fr": "J'ai annulé mais j'ai quand même été débité.",
        "es": "Cancelé pero me siguieron cobrando.",
        "it": "Ho disdetto ma mi hanno addebitato lo stesso.",
        "nl": "Ik heb opgezegd maar werd toch afgeschreven.",
        "pt": "Cancelei mas continuaram a cobrar.",
        "pl": "Anulowałem, ale nadal pobierali opłaty.",
        "zh": "我已经取消了但还是被扣款了。",
        "zh-Hant": "我已經取消了但還是被扣款了。",
        "ja": "解約したのにまだ請求されました。",
        "lv": "Atcēlu, bet joprojām noņēma naudu.",
    }
    for language, text in cases.items():
        review = ReviewInput("trustpilot", 1, None, None, text)
        triage = triage_review(review, business=BUSINESS, now=datetime(2026, 1, 5, tzinfo=UTC))
        assert triage.suggested_reply is not None and triage.reply_check is not None
        assert triage.reply_check.ok
        draft = triage.suggested_reply
        assert draft.language == language, draft.text
        assert _says_any(draft.text, language, "fix", "price_value_charge"), draft.text
        found = {category.name for category in triage.categories}
        assert "price_value" in found, (language, found)
    # Given only the support's category, a draft speaks of no charge: the billing sentence
    # comes with the category, never outside the review's categories.
    support = _draft(cases["en"], "en", [Category("customer_service", ("cancelled",))])
    assert not _says_any(support, "en", "fix", "price_value_charge"), support


def test_a_wrong_charge_said_outright_is_answered_where_no_category_had_words() -> None:
    """Where the draft would speak in neutral words (no category found with listed words), a
    wrong charge the review states outright is answered as a billing error."""
    unsure = Category("other", ("Took money from my account without my permission",), False)
    draft = _draft("Took money from my account without my permission.", "en", [unsure])
    assert _says_any(draft, "en", "acknowledge", "price_value_charge"), draft
    assert _says_any(draft, "en", "fix", "price_value_charge"), draft
    twice = _draft("The app charged me twice.", "en", [Category("price_value", ("charged me",))])
    assert _says_any(twice, "en", "fix", "price_value_charge"), twice
    # Money mentioned without a wrong charge keeps the neutral words.
    neutral = _draft("I want my money back.", "en", [Category("other", ("money",), False)])
    assert _says_any(neutral, "en", "acknowledge", "other"), neutral


def test_what_repeats_another_complaint_is_answered_once() -> None:
    unordered = _draft(
        "Unauthorised charge on my card, I never ordered anything from them!",
        "en",
        [
            Category("price_value", ("charge",), margin=1.4),
            Category("wrong_item", ("never ordered",), margin=1.2),
        ],
    )
    assert _says_any(unordered, "en", "acknowledge", "price_value_charge"), unordered
    assert not _says_any(unordered, "en", "acknowledge", "wrong_item"), unordered
    assert not _says_any(unordered, "en", "fix", "wrong_item"), unordered
    crushed = _draft(
        "Box was crushed and the mug inside was broken.",
        "en",
        [
            Category("damaged_in_transit", ("Box was crushed",), margin=3.8),
            Category("product_quality", ("broken",), margin=1.2),
        ],
    )
    assert _says_any(crushed, "en", "acknowledge", "damaged_in_transit"), crushed
    assert not _says_any(crushed, "en", "acknowledge", "product_quality"), crushed
    # A wrong item with no charge in sight is still a wrong item.
    alone = _draft(
        "I never ordered this blue one.", "en", [Category("wrong_item", ("never ordered",))]
    )
    assert _says_any(alone, "en", "acknowledge", "wrong_item"), alone


def test_rude_words_in_the_evidence_come_before_slow_words_in_the_text() -> None:
    draft = _draft(
        "The agent was rude and never replied to my emails.",
        "en",
        [Category("customer_service", ("agent", "rude"))],
    )
    assert "treated" in draft, draft
    assert not _says_any(draft, "en", "acknowledge", "customer_service_slow"), draft
    slow = _draft(
        "I emailed five times and never got a reply.",
        "en",
        [Category("customer_service", ("emailed", "reply"))],
    )
    assert _says_any(slow, "en", "acknowledge", "customer_service_slow"), slow


def test_every_complaint_kind_has_its_words_and_answers_in_every_language() -> None:
    """Each kind of `[evidence_in_text]` and `[same_complaint]` is a kind of `[evidence]`,
    named after a category, each of `said_outright` has words to be found in the text, and
    `[only_comparing]` names categories;
    the billing kinds have their own sentences, none of which breaks a platform's rules."""
    for language in LANGUAGES:
        templates: dict[str, Any] = _templates(language)
        kinds = set(templates["evidence"])
        assert set(templates["evidence_in_text"]) <= kinds, language
        assert set(templates["said_outright"]) <= set(templates["evidence_in_text"]), language
        for kind, same in templates["same_complaint"].items():
            assert kind in kinds and (same in kinds or same in CATEGORIES), (language, kind)
        for kind in kinds:
            assert any(kind.startswith(name + "_") for name in CATEGORIES), (language, kind)
        assert set(templates["only_comparing"]) <= set(CATEGORIES), language
        for kind in ("price_value_charge", "price_value_fee"):
            for table in ("acknowledge", "fix"):
                for sentence in templates[table][kind]:
                    assert check_reply(sentence, platform="generic", language=language).ok


def test_golden_double_charge_drafts_from_the_whole_pipeline() -> None:
    """A double charge read by the whole triage (language, categories, draft) in every
    language: each draft answers the billing error."""
    golden: dict[str, str] = {}
    for language, (text, _) in DOUBLE_CHARGE.items():
        review = ReviewInput("trustpilot", 1, None, None, text, author="Sam Lee")
        triage = triage_review(review, business=BUSINESS, now=datetime(2026, 1, 5, tzinfo=UTC))
        assert triage.suggested_reply is not None and triage.reply_check is not None
        assert triage.reply_check.ok
        draft = triage.suggested_reply
        assert _says_any(draft.text, draft.language, "fix", "price_value_charge"), draft.text
        golden[language] = draft.text
    assert_golden("drafts_double_charge", golden)
