"""Kinds of wording the checker learnt from the read half of a twenty-second blind round, each
in sentences of our own with near misses: the review hoped to reflect the fix, contempt that
needs no insult word ("says more about you than about us", customers like you done without,
no time wasted on an answer), the seller's own defect denied beside the reviewer's act or
the instructions, a wrong detail the reviewer gave with what followed from it, another of
the seller's products recommended, a clock time in words, a "strange story", an account with
no other reviews, and a few single words ("bon" as "right", a lawyer "through whom" the
seller will act, "dar uma nova olhada")."""

from __future__ import annotations

import pytest

from reviewwatch.triage.checker import check_reply


def _blocks(text: str, language: str, platform: str = "generic") -> set[str]:
    result = check_reply(text, platform=platform, language=language)
    return {finding.rule for finding in result.findings if finding.severity == "block"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The new part is fitted. We hope your rating can now reflect how it ended.", "en"),
        ("Wir würden uns freuen, wenn Ihre Bewertung das jetzt widerspiegeln würde.", "de"),
        ("Ojalá su reseña pueda reflejar ahora cómo se resolvió todo.", "es"),
        ("Nous espérons que votre avis pourra refléter la suite donnée.", "fr"),
        ("Speriamo che la sua recensione possa ora rispecchiare come è finita.", "it"),
        ("Het zou fijn zijn als uw recensie dat nu ook weerspiegelt.", "nl"),
        ("Seria ótimo se a sua avaliação pudesse refletir como tudo terminou.", "pt"),
        ("Byłoby miło, gdyby Pani opinia odzwierciedlała teraz także rozwiązanie.", "pl"),
        ("Būtu jauki, ja jūsu atsauksme tagad atspoguļotu arī risinājumu.", "lv"),
        ("问题解决后，希望您的评价也能如实反映处理结果。", "zh"),
        ("改善後の様子を、レビューにも反映していただけますと幸いです。", "ja"),
    ],
)
def test_a_review_hoped_to_reflect_the_fix_is_an_ask_to_change_it(text: str, language: str) -> None:
    assert "ask_change_review" in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Your review reflects a real problem, and we have refunded you.", "en"),
        ("We have reflected on your review and changed the recipe.", "en"),
        ("We hope the new menu reflects what guests asked for.", "en"),
        ("Ihre Bewertung spiegelt leider unsere Fehler wider, das tut uns leid.", "de"),
        ("您反映的问题我们已经处理，感谢您的评价。", "zh"),
        ("いただいた口コミは今後のサービスに反映させていただきます。", "ja"),
    ],
)
def test_a_review_that_reflects_a_problem_or_a_seller_who_reflects_asks_nothing(
    text: str, language: str
) -> None:
    assert not _blocks(text, language)


def test_an_offer_and_a_hope_that_the_review_reflects_it_is_an_incentive() -> None:
    text = (
        "We've added a £15 credit to your account for the wait.\n"
        "Hopefully your review can now reflect how we made it right."
    )
    assert "incentive_for_review" in _blocks(text, "en", "trustpilot")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Honestly, this review says more about you than about our kitchen.", "en"),
        ("Guests like you we can easily do without.", "en"),
        ("We won't waste our time replying to comments like this.", "en"),
        ("Diese Rezension sagt mehr über Sie aus als über unser Hotel.", "de"),
        ("Auf Gäste Ihrer Art verzichten wir gern.", "de"),
        ("Votre commentaire en dit long sur vous.", "fr"),
        ("Nous ne perdrons pas notre temps à répondre à ce genre d'avis.", "fr"),
        ("Su reseña dice más de usted que de nuestro bar.", "es"),
        ("No vamos a perder el tiempo en responder a este tipo de comentarios.", "es"),
        ("La sua recensione dice più di lei che del nostro locale.", "it"),
        ("Uw recensie zegt meer over u dan over ons restaurant.", "nl"),
        ("Klanten zoals u kunnen we missen.", "nl"),
        ("Não fazemos questão de que volte.", "pt"),
        ("Ta opinia mówi więcej o panu niż o naszym sklepie.", "pl"),
        ("不想浪费时间回复这种评价。", "zh"),
        ("返信する時間はございません。", "ja"),
    ],
)
def test_contempt_without_an_insult_word_is_blocked(text: str, language: str) -> None:
    assert "threat_or_insult" in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We will not waste your time: the refund is already on its way.", "en"),
        ("Wir möchten keine Zeit verlieren und haben sofort erstattet.", "de"),
        ("Pour ne pas perdre de temps, nous avons renvoyé le colis.", "fr"),
        ("为了不浪费您的时间，我们已直接退款。", "zh"),
        ("Your story says a lot about what went wrong in our kitchen.", "en"),
    ],
)
def test_time_saved_for_the_reviewer_or_a_story_heard_is_no_contempt(
    text: str, language: str
) -> None:
    assert "threat_or_insult" not in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("You switched the alerts off in your phone's settings. It is not a bug in the app.", "en"),
        (
            "La caldaia va revisionata ogni anno, come indica il libretto. Non si tratta di un "
            "difetto dell'installazione.",
            "it",
        ),
        ("商品页面已经写明需要手洗，机洗缩水不属于质量问题。", "zh"),
        (
            "お客様が設定で自動更新をオフにされているためです。アプリの不具合ではございません。",
            "ja",
        ),
    ],
)
def test_the_sellers_defect_denied_beside_the_reviewers_act_or_the_guide_is_blame(
    text: str, language: str
) -> None:
    assert "blame_customer" in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("This is not a manufacturing defect, but we'll replace it anyway.", "en"),
        ("Non si tratta di un difetto dell'installazione: la sostituiamo comunque.", "it"),
        ("It was clearly stated in the description. Sorry about the mix-up.", "en"),
        ("详情页写明的尺码有误，是我们的问题，已为您补发。", "zh"),
    ],
)
def test_a_defect_denied_alone_or_a_guide_named_alone_is_no_blame(text: str, language: str) -> None:
    assert "blame_customer" not in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The postcode provided was incorrect. That is why the parcel came back to us.", "en"),
        ("Het opgegeven huisnummer was onjuist, daardoor kwam het pakket niet aan.", "nl"),
    ],
)
def test_a_wrong_detail_the_reviewer_gave_and_what_followed_is_blame(
    text: str, language: str
) -> None:
    assert "blame_customer" in _blocks(text, language, "amazon_feedback")


def test_a_wrong_detail_with_an_apology_is_no_blame() -> None:
    text = "We're sorry: the postcode provided was incorrect, so the parcel came back to us."
    assert "blame_customer" not in _blocks(text, "en", "amazon_feedback")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("If you enjoy journaling, have a look at our new app Inkwell, free for a month!", "en"),
        ("Werfen Sie doch einen Blick auf unser neues Modell, jetzt zum Sonderpreis.", "de"),
        ("Iesakām izmēģināt arī mūsu jauno kafijas automātu.", "lv"),
        ("Polecamy też nasz nowy model, teraz w promocyjnej cenie.", "pl"),
    ],
)
def test_another_product_of_the_seller_recommended_is_marketing(text: str, language: str) -> None:
    assert "marketing" in _blocks(text, language, "amazon_review")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Have a look at our new help page for the steps.", "en"),
        ("Iesakām instalēt mūsu jauno versiju 2.1.", "lv"),
        ("Werfen Sie einen Blick auf unsere neue Anleitung.", "de"),
    ],
)
def test_a_new_version_or_help_page_is_no_marketing(text: str, language: str) -> None:
    assert "marketing" not in _blocks(text, language, "amazon_review")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("U zat vrijdag om half negen met drie vrienden aan het raam.", "nl"),
        ("You sat by the window on Friday at half past eight.", "en"),
    ],
)
def test_when_the_reviewer_came_in_words_is_personal_data(text: str, language: str) -> None:
    assert "personal_data" in _blocks(text, language, "google_business")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wij zijn vrijdag open tot half negen.", "nl"),
        ("We're open on Fridays until half past eight.", "en"),
    ],
)
def test_opening_hours_in_words_are_no_personal_data(text: str, language: str) -> None:
    assert "personal_data" not in _blocks(text, language, "google_business")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The tracking shows it was delivered on time. Strange story, then.", "en"),
        ("Laut Sendungsverfolgung kam alles pünktlich an. Seltsame Geschichte.", "de"),
        ("Vreemd verhaal dus.", "nl"),
        ("Written from an account with no other reviews, the day our rival opened.", "en"),
        ("Curioso che sia la sua prima e unica recensione.", "it"),
        (
            "Interessant, dass die Bewertung am Tag der Neueröffnung gegenüber erscheint.",
            "de",
        ),
    ],
)
def test_a_story_called_strange_or_a_lone_account_is_an_accusation(
    text: str, language: str
) -> None:
    assert "accusation" in _blocks(text, language, "trustpilot")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("What a strange story with the courier, sorry about that!", "en"),
        ("Wat een vreemd verhaal met de bezorger, sorry daarvoor!", "nl"),
        ("Am Tag der Neueröffnung um die Ecke hatten wir viel zu tun, das tut uns leid.", "de"),
    ],
)
def test_a_strange_story_told_with_sympathy_is_no_accusation(text: str, language: str) -> None:
    assert "accusation" not in _blocks(text, language, "trustpilot")


def test_a_lawyer_through_whom_the_seller_will_act_is_a_threat() -> None:
    text = "これ以上の投稿があれば、弁護士を通じて対応いたします。"
    assert "threat_or_insult" in _blocks(text, "ja", "ebay")
    assert not _blocks("弁護士を通じてご連絡いただいた件は確認中です。", "ja", "ebay")


def test_a_new_look_at_the_review_is_an_ask_to_change_it() -> None:
    text = "O quarto já foi reparado. Que tal dar uma nova olhada na sua avaliação?"
    assert "ask_change_review" in _blocks(text, "pt", "google_business")
    assert not _blocks("Vamos dar uma nova olhada no seu pedido.", "pt", "google_business")


@pytest.mark.parametrize(
    "text",
    [
        "Le bon article vous a été livré. Si vous le souhaitez, vous pouvez modifier cette "
        "évaluation.",
        "C'est bon, le colis est reparti ce matin.",
    ],
)
def test_bon_as_right_is_no_voucher(text: str) -> None:
    assert check_reply(text, platform="amazon_feedback", language="fr").ok


@pytest.mark.parametrize(
    "text",
    [
        "Nous vous offrons un bon de 20 € si vous modifiez votre évaluation.",
        "Nous vous envoyons un bon. Pourriez-vous modifier votre évaluation ?",
        "Voici un bon cadeau, et merci de revoir votre note.",
    ],
)
def test_bon_as_a_voucher_tied_to_the_review_is_an_incentive(text: str) -> None:
    assert "incentive_for_review" in _blocks(text, "fr", "amazon_feedback")
