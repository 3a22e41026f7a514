"""The reply checker: blocks what gets accounts suspended, lets honest remedies through."""

from __future__ import annotations

import pytest

from reviewwatch.triage.checker import check_reply
from reviewwatch.triage.models import PLATFORMS

AMAZON_VIOLATION = (
    "Would you be willing to remove your feedback if we provide you with a voucher for 25% off "
    "your next purchase?"
)
AMAZON_ACCEPTABLE = (
    "If you are satisfied that we have resolved your concerns, it is possible to update or "
    "remove the feedback you originally provided here."
)


def _rules(text: str, platform: str = "generic", **kwargs: object) -> set[str]:
    result = check_reply(text, platform=platform, **kwargs)  # type: ignore[arg-type]
    return {finding.rule for finding in result.findings if finding.severity == "block"}


@pytest.mark.parametrize("platform", PLATFORMS)
def test_amazon_violation_example_is_blocked_everywhere(platform: str) -> None:
    result = check_reply(AMAZON_VIOLATION, platform=platform)
    assert not result.ok
    incentive = [f for f in result.findings if f.rule == "incentive_for_review"]
    assert incentive, result.findings
    span = AMAZON_VIOLATION[incentive[0].start : incentive[0].end]
    assert "voucher" in span and "feedback" in span


@pytest.mark.parametrize("platform", PLATFORMS)
def test_amazon_acceptable_example(platform: str) -> None:
    result = check_reply(AMAZON_ACCEPTABLE, platform=platform)
    if platform == "amazon_feedback":
        assert result.ok and not result.findings
    else:
        # Everywhere else asking for an update is not allowed (or not clearly allowed).
        assert not result.ok
        (finding,) = [f for f in result.findings if f.rule == "ask_change_review"]
        assert AMAZON_ACCEPTABLE[finding.start : finding.end] == "update or remove the feedback"


@pytest.mark.parametrize("platform", ["amazon_review", "trustpilot", "yelp"])
def test_acceptable_example_cites_the_platform(platform: str) -> None:
    (finding,) = check_reply(AMAZON_ACCEPTABLE, platform=platform).findings
    assert "http" in finding.policy
    assert platform.split("_")[0] in finding.policy.lower()


BLOCKED = [
    # (language, text, rule)
    ("en", "We'll refund you in full if you delete your review.", "incentive_for_review"),
    ("en", "Happy to send a free replacement once you update your rating.", "incentive_for_review"),
    ("en", "Leave us a review and get 10% off your next order!", "incentive_for_review"),
    ("en", "Get a $10 gift card in exchange for your feedback.", "incentive_for_review"),
    ("en", "Please give us a 5-star review.", "ask_positive_rating"),
    ("en", "We'd appreciate it if you could raise your rating.", "ask_positive_rating"),
    ("en", "We hope you'll leave a more positive review next time.", "ask_positive_rating"),
    ("en", "Next time, contact us instead of leaving a bad review.", "review_gating"),
    ("en", "Please don't leave a negative review, just call us.", "review_gating"),
    ("en", "If you're happy, leave us a review; if not, email us first.", "review_gating"),
    ("en", "Use coupon code SAVE20 on your next order.", "marketing"),
    ("en", "Our lawyers will be in touch. You're a liar.", "threat_or_insult"),
    ("en", "We will sue you for this.", "threat_or_insult"),
    ("en", "You must delete your review today.", "pressure_to_change"),
    ("es", "Le reembolsamos el pedido si elimina su reseña.", "incentive_for_review"),
    ("es", "Le daremos un regalo si cambia su valoración.", "incentive_for_review"),
    ("es", "Déjenos una reseña de 5 estrellas, por favor.", "ask_positive_rating"),
    ("es", "En lugar de dejar una mala reseña, escríbanos.", "review_gating"),
    (
        "fr",
        "Nous vous offrons un bon d'achat si vous supprimez votre avis.",
        "incentive_for_review",
    ),
    (
        "fr",
        "Un remboursement contre la modification de votre note ? Modifiez votre note.",
        "ask_change_review",
    ),
    ("fr", "Merci de nous laisser un avis positif.", "ask_positive_rating"),
    ("fr", "Au lieu de laisser un avis négatif, contactez-nous.", "review_gating"),
    (
        "de",
        "Wir erstatten Ihnen den Betrag, wenn Sie Ihre Bewertung löschen.",
        "incentive_for_review",
    ),
    ("de", "Bitte geben Sie uns eine positive Bewertung.", "ask_positive_rating"),
    ("de", "Könnten Sie Ihre Bewertung bitte ändern?", "ask_change_review"),
    ("de", "Mit dem Rabattcode SOMMER sparen Sie.", "marketing"),
    ("nl", "Wij geven u een tegoedbon als u uw review aanpast.", "incentive_for_review"),
    ("nl", "Wilt u ons een positieve review geven?", "ask_positive_rating"),
    ("nl", "Kunt u uw beoordeling verwijderen?", "ask_change_review"),
    ("lv", "Mēs atmaksāsim naudu, ja izdzēsīsiet savu atsauksmi.", "incentive_for_review"),
    ("lv", "Lūdzu, atstājiet pozitīvu atsauksmi.", "ask_positive_rating"),
    ("lv", "Vai jūs varētu mainīt savu vērtējumu?", "ask_change_review"),
    ("zh", "给个好评返现5元", "incentive_for_review"),
    ("zh", "删除差评后我们给您发红包。", "incentive_for_review"),
    ("zh", "麻烦您给个五星好评。", "ask_positive_rating"),
    ("zh", "请您把差评改成好评。", "ask_change_review"),
    ("zh", "有问题请不要给差评，直接联系客服。", "review_gating"),
    ("zh", "我们会报警处理。", "threat_or_insult"),
]


@pytest.mark.parametrize(("language", "text", "rule"), BLOCKED)
def test_blocked_in_every_language(language: str, text: str, rule: str) -> None:
    assert rule in _rules(text, "trustpilot"), check_reply(text, platform="trustpilot")
    # The same verdict when the language is given.
    assert rule in _rules(text, "trustpilot", language=language)


PASSING = [
    ("en", "We will send a replacement right away."),
    ("en", "Thanks for your feedback, we have issued a full refund."),
    ("en", "Thank you for your review. We have refunded your order and will update the listing."),
    ("en", "We will update our packaging based on your feedback."),
    ("en", "Feel free to message us through Etsy; a free replacement is on its way."),
    ("en", "We're sorry. Please message us through Amazon so we can fix this."),
    ("es", "Le enviaremos un reembolso completo de inmediato. Gracias por su reseña."),
    ("es", "Lamentamos el retraso; le enviamos un producto nuevo gratis."),
    ("fr", "Nous vous rembourserons intégralement. Merci pour votre avis."),
    ("fr", "Nous avons modifié la fiche produit suite à votre commentaire."),
    ("de", "Wir senden Ihnen sofort einen Ersatz. Danke für Ihre Bewertung."),
    ("nl", "We sturen u meteen een vervangend product. Bedankt voor uw review."),
    ("lv", "Mēs nekavējoties nosūtīsim jaunu preci. Paldies par atsauksmi."),
    ("zh", "非常抱歉，我们会立即为您补发新的商品并全额退款。感谢您的评价。"),
    ("zh", "感谢您的反馈，我们会改进包装。"),
]


@pytest.mark.parametrize(("language", "text"), PASSING)
@pytest.mark.parametrize("platform", ["trustpilot", "amazon_review", "yelp", "taobao"])
def test_unconditional_remedies_pass(language: str, text: str, platform: str) -> None:
    result = check_reply(text, platform=platform)
    assert result.ok and not result.findings, result.findings
    assert check_reply(text, platform=platform, language=language).ok


def test_personal_data_blocked_in_public_replies() -> None:
    text = "Call us at +1 555 123 4567 or write to help@acme.example."
    result = check_reply(text, platform="google_business")
    spans = {text[f.start : f.end] for f in result.findings if f.rule == "personal_data"}
    assert spans == {"+1 555 123 4567", "help@acme.example"}
    # Google Play allows a support address: a desk's, not the phone number.
    result = check_reply(text, platform="google_play")
    spans = {text[f.start : f.end] for f in result.findings if f.rule == "personal_data"}
    assert spans == {"+1 555 123 4567"}


def test_dates_and_order_numbers_are_not_phones() -> None:
    assert check_reply("Your parcel left on 2026-11-20 with 3 items.", platform="yelp").ok


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Please call us about order 12345678 and we will sort it out.", "en"),
        ("Call our team and quote ticket #4021337799.", "en"),
        ("Rufen Sie uns wegen der Bestellnummer 40213377 an.", "de"),
        ("Llámenos por el pedido nº 40213377 y lo resolvemos.", "es"),
        ("Appelez-nous au sujet de la commande n° 123456789.", "fr"),
        ("Bel ons even over bestelling 87654321.", "nl"),
        ("Ci chiami per l'ordine 12345678, lo risolviamo subito.", "it"),
        ("Ligue-nos sobre a encomenda 12345678.", "pt"),
        ("Prosimy zadzwonić w sprawie zamówienia nr 12345678.", "pl"),
        ("Lūdzu, zvaniet par pasūtījumu 12345678.", "lv"),
        ("请致电客服，并提供订单号 1234567890。", "zh"),
    ],
)
def test_an_order_or_ticket_number_after_a_phone_word_is_not_a_phone(
    text: str, language: str
) -> None:
    assert check_reply(text, platform="generic", language=language).ok


@pytest.mark.parametrize(
    "text",
    [
        "Call our order line on 0800 123 4567.",
        "Call us about order 12345678 on +44 7911 123456.",
        "Our order desk: 020 7946 0958.",
    ],
)
def test_a_phone_number_near_an_order_word_is_still_one(text: str) -> None:
    assert _rules(text, "generic") == {"personal_data"}


def test_links_allowed_only_where_the_platform_allows_them() -> None:
    text = "See our help page: https://acme.example/help"
    assert check_reply(text, platform="google_play").ok
    for platform in ("ebay", "amazon_feedback", "yelp", "trustpilot", "generic"):
        (finding,) = check_reply(text, platform=platform).findings
        assert finding.rule == "link"
        assert text[finding.start : finding.end] == "https://acme.example/help"
    assert _rules("Visit acme.example/help for help.", "etsy") == {"link"}


def test_amazon_messages_forbid_links_and_contact_details() -> None:
    text = "Write to help@acme.example or see https://acme.example."
    assert _rules(text, "amazon_feedback", surface="private_message") == {"personal_data", "link"}


@pytest.mark.parametrize(("platform", "limit"), [("ebay", 80), ("google_play", 350)])
def test_length_limit(platform: str, limit: int) -> None:
    assert check_reply("x" * limit, platform=platform).ok
    result = check_reply("x" * (limit + 5), platform=platform)
    (finding,) = result.findings
    assert (finding.rule, finding.start, finding.end) == ("length", limit, limit + 5)
    # Private messages have no reply limit.
    assert check_reply("x" * (limit + 5), platform=platform, surface="private_message").ok


def test_ebay_revision_request_only_in_private_messages() -> None:
    text = "Now that it's sorted, would you consider revising your feedback?"
    assert "ask_change_review" in _rules(text, "ebay")
    assert check_reply(text, platform="ebay", surface="private_message").ok
    assert not check_reply(text, platform="amazon_review", surface="private_message").ok


def test_yelp_forbids_asking_for_reviews_at_all() -> None:
    text = "We'd love it if you wrote us a review after your next visit."
    assert _rules(text, "yelp") == {"solicit_review"}
    assert check_reply(text, platform="trustpilot").ok


def test_warnings_do_not_block() -> None:
    text = "It was clearly stated in the description. Sorry. Sorry again. We apologise."
    result = check_reply(text, platform="generic")
    assert result.ok
    rules = {f.rule: f for f in result.findings}
    assert set(rules) == {"defensive_tone", "repeated_apology"}
    assert all(f.severity == "warn" for f in result.findings)
    assert text[rules["defensive_tone"].start : rules["defensive_tone"].end] == "clearly stated"
    assert text[rules["repeated_apology"].start : rules["repeated_apology"].end] == "apologise"
    assert rules["repeated_apology"].message.startswith("Apologises 3 times")


def test_blaming_the_customer_blocks() -> None:
    text = "You should have read the description."
    result = check_reply(text, platform="google_business")
    assert not result.ok
    assert {f.rule for f in result.findings} == {"blame_customer"}


@pytest.mark.parametrize(
    "text",
    [
        "Bitte entschuldigen Sie den Fehler. Die Erstattung ist bereits unterwegs.",
        "Verzeihen Sie bitte den Fehler, der Ersatz geht heute raus.",
    ],
)
def test_asking_pardon_for_a_mistake_is_no_blame(text: str) -> None:
    # "Sie" before an article and "Fehler" is the polite imperative's subject, not an owner.
    assert check_reply(text, platform="generic", language="de").ok
    owned = check_reply("Das ist Ihr Fehler, nicht unserer.", platform="generic", language="de")
    assert "blame_customer" in {finding.rule for finding in owned.findings}


def test_length_finding_says_the_numbers() -> None:
    text = "Sorry the parcel was late; a replacement is on its way to you and should arrive soon."
    text += " Thanks."
    result = check_reply(text, platform="ebay")
    (finding,) = [f for f in result.findings if f.rule == "length"]
    assert finding.message.startswith(f"{len(text)} characters; eBay allows 80.")
    assert "eBay Trading API" in finding.policy


def test_findings_cite_the_platforms_own_rule_or_the_universal_one() -> None:
    text = "Your review is a lie and you are clearly a competitor."
    for platform in ("google_business", "trustpilot", "yelp", "generic"):
        findings = check_reply(text, platform=platform).findings
        assert {finding.rule for finding in findings} == {"accusation"}
        for finding in findings:
            assert "Trustpilot" not in finding.policy or platform == "trustpilot"
            assert "Google" not in finding.policy or platform == "google_business"
    assert "Universal rule" in check_reply(text, platform="yelp").findings[0].policy


def test_disguised_offer_is_blocked_and_quoted_as_written() -> None:
    text = "Would you be willing to re\u00admove your feedb&#97;ck\nif we send you a v\u043eucher?"
    result = check_reply(text, platform="amazon_feedback")
    assert not result.ok
    spans = [text[f.start : f.end] for f in result.findings if f.rule == "incentive_for_review"]
    assert spans and spans[0].startswith("re\u00admove") and spans[0].endswith("v\u043eucher")


def test_an_empty_reply_is_blocked() -> None:
    for text in ("", "  \n", "\u200b\u00ad", "&nbsp;<br/>"):
        result = check_reply(text, platform="generic")
        assert [f.rule for f in result.findings] == ["empty_reply"]


def test_two_apologies_are_fine() -> None:
    assert not check_reply("Sorry about this. We apologise.", platform="generic").findings


def test_every_finding_names_rule_policy_and_span() -> None:
    text = "Give us 5 stars and we'll send you a gift card: gifts@acme.example"
    result = check_reply(text, platform="google_business")
    assert {f.rule for f in result.findings} >= {"ask_positive_rating", "personal_data"}
    for finding in result.findings:
        assert finding.policy and finding.message
        assert 0 <= finding.start < finding.end <= len(text)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ms Jones, the courier left it at 3 Station Road as you asked.", "en"),
        ("Frau Meier, wir haben an die Goethestraße 4 in Köln geliefert.", "de"),
        ("Panie Adamie, paczka czeka pod adresem ul. Polna 3 w Krakowie.", "pl"),
        ("张先生，包裹放在人民路15号门口了。", "zh"),
    ],
)
def test_the_reviewers_postal_address_is_personal_data(text: str, language: str) -> None:
    assert "personal_data" in _rules(text, language=language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Come and see us at 5 Market Street, we would love to make it up to you.", "en"),
        ("U vindt onze winkel op de Kerkstraat 8 in Utrecht.", "nl"),
        ("Your order was dispatched on 12 March and arrived within 2 days.", "en"),
        ("La contatteremo via email entro 24 ore.", "it"),
    ],
)
def test_the_sellers_own_address_dates_and_durations_are_not(text: str, language: str) -> None:
    assert not _rules(text, language=language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Schicken Sie die Jacke an unser Lager: Lindenstraße 12, 10115 Berlin.", "de"),
        ("Vous pouvez passer à notre boutique au 14 rue de la Paix, 75002 Paris.", "fr"),
        ("Prosimy odesłać paczkę do naszego magazynu: ul. Polna 3, 00-950 Warszawa.", "pl"),
        ("Pode devolver a encomenda ao nosso armazém na Rua Augusta 100, 1100-053 Lisboa.", "pt"),
        ("Può passare nel nostro negozio in Via Roma 12, 20121 Milano.", "it"),
        ("Please post it back to our warehouse at 14 Orchard Lane, Flat 2.", "en"),
        ("Sūtiet preci atpakaļ uz mūsu noliktavu: Brīvības iela 10, LV-1010 Rīga.", "lv"),
        ("请把商品寄回我们的仓库：建国路88号，邮编100022。", "zh"),
    ],
)
def test_the_sellers_full_mailing_address_is_contact_data(text: str, language: str) -> None:
    """A postcode or a floor after the house number makes the seller's own address one to
    write or send to, contact data like a phone number."""
    assert "personal_data" in _rules(text, language=language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Notre boutique est au 14 rue de la Paix, à deux pas du métro.", "fr"),
        ("Our warehouse is at 14 Orchard Lane, in the centre of town.", "en"),
        ("Unser Laden ist in der Lindenstraße 12 in Berlin.", "de"),
        ("Nuestra tienda está en la Calle Mayor 23, junto a la plaza.", "es"),
        ("Mūsu veikals ir Brīvības ielā 10, pretī parkam.", "lv"),
        ("我们的门店搬到了建国路88号，地图还没更新，抱歉。", "zh"),
    ],
)
def test_where_the_sellers_shop_stands_is_not(text: str, language: str) -> None:
    assert not _rules(text, language=language)


def test_an_address_cut_by_an_abbreviation_is_found_in_a_draft_too() -> None:
    from reviewwatch.triage.checker import check_parts

    text = "Paczka czeka na ul. Polna 3 w Krakowie."
    cut = text.index("Polna")
    parts = [(0, text[:cut]), (cut, text[cut:])]
    by_parts = check_parts(text, parts, platform="generic", language="pl")
    assert by_parts == check_reply(text, platform="generic", language="pl")
    assert {f.rule for f in by_parts.findings} == {"personal_data"}


def test_a_remedy_already_given_is_not_tied_to_saying_the_review_may_be_updated() -> None:
    told = "Your refund has already been sent. You can update your feedback if you wish."
    asked = "Your refund has already been sent. Could you update your feedback?"
    assert not _rules(told, "amazon_feedback", language="en")
    assert "incentive_for_review" in _rules(asked, "amazon_feedback", language="en")


# Amazon's neutral sentence after a refund already made, in words of each language: the
# refund done several words after "haben", after a comma ("ist es möglich, ..."), in a
# Portuguese past tense, with a Latvian permission inside an object-first action.
SETTLED_AFTER_A_REFUND = [
    (
        "de",
        "Wir haben Ihnen den vollen Betrag erstattet. Wenn Sie der Meinung sind, dass wir Ihr "
        "Anliegen gelöst haben, können Sie Ihre Bewertung aktualisieren oder entfernen.",
    ),
    (
        "de",
        "Ein Ersatzgerät ist kostenlos unterwegs. Falls Sie zufrieden sind, ist es möglich, "
        "Ihre Bewertung zu ändern oder zu entfernen.",
    ),
    (
        "pt",
        "Reembolsámos o valor total. Se considerar que resolvemos o problema, é possível "
        "atualizar ou remover a avaliação que deixou.",
    ),
    (
        "lv",
        "Mēs atmaksājām visu summu. Ja uzskatāt, ka problēma ir atrisināta, atsauksmi var "
        "atjaunināt vai dzēst.",
    ),
]


@pytest.mark.parametrize(("language", "text"), SETTLED_AFTER_A_REFUND)
def test_the_neutral_feedback_sentence_after_a_refund_made(language: str, text: str) -> None:
    assert not _rules(text, "amazon_feedback", language=language)
    assert "ask_change_review" in _rules(text, "amazon_review", language=language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "de",
            "Wir haben Ihnen den vollen Betrag erstattet und legen einen Gutschein bei. Wenn "
            "Ihr Anliegen gelöst ist, können Sie Ihre Bewertung aktualisieren.",
        ),
        (
            "de",
            "Wir schicken Ihnen einen Gutschein über 20 Euro. Falls Sie zufrieden sind, ist es "
            "möglich, Ihre Bewertung zu ändern oder zu entfernen.",
        ),
        ("lv", "Atsauksmi var atjaunināt, un tad jūs saņemsiet atlaidi."),
    ],
)
def test_a_voucher_still_to_come_beside_the_neutral_sentence_is_an_offer(
    language: str, text: str
) -> None:
    assert "incentive_for_review" in _rules(text, "amazon_feedback", language=language)


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("We'll cover the delivery charge if the review comes down.", "en", "incentive_for_review"),
        (
            "A free dessert awaits you. Just let everyone know you had a better time.",
            "en",
            "incentive_for_review",
        ),
        (
            "Nous offrons un bon d'achat… en échange d'un petit geste sur votre avis.",
            "fr",
            "incentive_for_review",
        ),
        ("We hope you'll reconsider those 2 stars now.", "en", "ask_positive_rating"),
        ("We have contacted you three times about your review.", "en", "pressure_to_change"),
        ("What a petty, childish review.", "en", "threat_or_insult"),
        ("Que comentário mais ridículo.", "pt", "threat_or_insult"),
        ("Take this review down today or we will escalate.", "en", "pressure_to_change"),
        ("Would you consider bumping us up to four?", "en", "ask_positive_rating"),
        ("Grow up and stop whining.", "en", "threat_or_insult"),
        ("Hier gibt sich jemand als Kunde aus, vermutlich die Konkurrenz.", "de", "accusation"),
        ("Unhappy? Call the manager, don't post a review.", "en", "review_gating"),
        ("Un concurrent se fait passer pour un client.", "fr", "accusation"),
        ("Had you typed the postcode properly, it would have arrived.", "en", "blame_customer"),
        ("Approfitti delle nostre offerte: fino al 40% su tutti i divani.", "it", "marketing"),
    ],
)
def test_round_five_causes_are_caught_in_other_words(text: str, language: str, rule: str) -> None:
    assert rule in _rules(text, language=language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nessuno sconto in cambio di recensioni: il rimborso le spetta comunque.", "it"),
        ("Merci pour ce retour. La synchronisation sera corrigée dans la prochaine version.", "fr"),
        ("We read your review twice and shared it with the kitchen.", "en"),
        ("We can refund up to 50% of the price for the damaged lamp.", "en"),
        ("Esperamos que el problema no vuelva a ocurrir.", "es"),
        ("L'article a été acheté pendant nos soldes, d'où le délai plus court.", "fr"),
        ("Your comment about the stupid parking rules is fair; we asked to change them.", "en"),
        ("Unser Team hat Sie zweimal angerufen, um die Lieferung zu klären.", "de"),
    ],
)
def test_round_five_false_blocks_stay_allowed_in_other_words(text: str, language: str) -> None:
    assert not _rules(text, language=language)


def test_an_entity_counts_as_one_character_towards_the_length_limit() -> None:
    shown = "Refund sent today. Thanks for your patience while we sorted it out."
    written = shown.replace("e", "&#101;")
    assert len(written) > 80 >= len(shown)
    assert "length" not in _rules(written, "ebay", language="en")


@pytest.mark.parametrize(
    "text",
    [
        "Write to us at support (at) shopname (dot) com and we will sort it.",
        "Email us: help[at]mystore[dot]co.uk",
        "Schreiben Sie an service at laden punkt de.",
        "Contactez-nous : contact arobase boutique point fr",
    ],
)
def test_an_e_mail_address_spelled_out_is_personal_data(text: str) -> None:
    assert "personal_data" in _rules(text)


def test_a_link_after_at_is_a_link_not_an_e_mail_address() -> None:
    assert _rules("Find us at shop.example.com for opening hours.", language="en") == {"link"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The code on the box is the model number, not a discount code.", "en"),
        ("El código de la caja es el número de modelo, no un código de descuento.", "es"),
        ("O código na caixa é o número do modelo, não um código de desconto.", "pt"),
        ("盒子上的代码是型号，不是优惠码。", "zh"),
        ("Le numéro sur la boîte est la référence du modèle, pas un code promo.", "fr"),
        ("Il numero sulla scatola è il modello, non un codice sconto.", "it"),
    ],
)
def test_a_number_said_to_be_no_discount_code_is_no_marketing(text: str, language: str) -> None:
    assert "marketing" not in _rules(text, language=language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Don't forget our discount code SAVE10 for your next order!", "en"),
        ("Never miss a deal: use the discount code SAVE10.", "en"),
        ("No olvide nuestro código de descuento VERANO10.", "es"),
        ("别忘了使用优惠码SAVE10。", "zh"),
        ("Vergessen Sie nicht unseren Rabattcode HERBST10.", "de"),
        ("N'oubliez pas notre code promo AUTOMNE10.", "fr"),
        ("No discount code needed: save 20% on everything this week.", "en"),
    ],
)
def test_a_discount_code_reminded_or_beside_a_sale_is_still_marketing(
    text: str, language: str
) -> None:
    assert "marketing" in _rules(text, language=language)


def test_japanese_warnings_and_kanji_shared_with_chinese() -> None:
    """Japanese has the warnings too (a defensive tone, apologies piled up), and a Japanese
    pattern does not misread Chinese written with the same characters: 告訴 is "to tell" in
    Chinese, a criminal complaint in Japanese."""
    defensive = check_reply("当店に落ち度はございません。", platform="generic", language="ja")
    assert defensive.ok and {f.rule for f in defensive.findings} == {"defensive_tone"}
    sorry = "申し訳ございません。大変申し訳ございません。重ねてお詫び申し上げます。"
    piled = check_reply(sorry, platform="generic", language="ja")
    assert piled.ok and {f.rule for f in piled.findings} == {"repeated_apology"}
    assert check_reply("感謝您告訴我們這個情況。", platform="generic").ok
    threat = check_reply("刑事告訴も辞さない考えです。", platform="generic", language="ja")
    assert {f.rule for f in threat.findings} == {"threat_or_insult"}
