"""Review gating, soliciting, incentives and pressure in the reply checker: the kinds of
wording the concept relations catch, in several languages (own wordings, not corpus replies)."""

from __future__ import annotations

import pytest

from reviewwatch.triage.checker import check_reply


def _rules(text: str, language: str, platform: str = "generic") -> set[str]:
    result = check_reply(text, platform=platform, language=language)
    return {finding.rule for finding in result.findings if finding.severity == "block"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We only hand out the feedback card to diners who tell us they were delighted.", "en"),
        ("Den Bewertungslink bekommen nur Gäste, die uns 9 oder 10 Punkte geben.", "de"),
        ("Solo enviamos el enlace de Google a los pacientes que salen contentos.", "es"),
        ("Le lien vers l'avis n'est envoyé qu'aux clients qui se disent très satisfaits.", "fr"),
        ("Mandiamo l'invito a recensirci soltanto a chi ci dà 5 stelle nel sondaggio.", "it"),
        ("O convite para avaliar só chega a quem fica satisfeito com a visita.", "pt"),
        ("Link do opinii wysyłamy wyłącznie osobom, które oceniły nas na 10.", "pl"),
        ("De review-uitnodiging gaat alleen naar gasten die een 9 of 10 geven.", "nl"),
        ("Saiti atsauksmei sūtām tikai tiem, kuri ir apmierināti ar pakalpojumu.", "lv"),
        ("评价链接只发给打了五星的顾客。", "zh"),
    ],
)
def test_asking_only_the_satisfied_is_gating(text: str, language: str) -> None:
    assert "review_gating" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We only got five-star reviews before this week, so we are looking into it.", "en"),
        ("We invite every guest to review us, whether they were happy or not.", "en"),
        ("Wir laden alle Kunden ein, uns zu bewerten, ob zufrieden oder nicht.", "de"),
        ("Solo queremos que vuelva a estar satisfecho con su pedido.", "es"),
        ("Nous ne cherchons qu'une chose : que vous soyez satisfait du service.", "fr"),
        ("我们只希望您满意，有问题请随时联系我们。", "zh"),
    ],
)
def test_only_without_picking_reviewers_out_is_allowed(text: str, language: str) -> None:
    assert "review_gating" not in _rules(text, language, "google_business")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Unhappy members e-mail the front desk, while we point those who leave happy "
            "to Google.",
            "en",
        ),
        (
            "Niezadowoleni klienci dzwonią do nas, a tych, którzy są zadowoleni, kierujemy "
            "do Google.",
            "pl",
        ),
    ],
)
def test_the_others_first_then_the_satisfied_to_a_public_place_is_gating(
    text: str, language: str
) -> None:
    assert "review_gating" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("When you're back, please say a few words about us on Yelp.", "en"),
        ("Next time, could you write about your visit on Yelp as well?", "en"),
        ("Vergessen Sie nicht, uns beim nächsten Mal eine Bewertung zu schreiben.", "de"),
        ("¡No se olvide de dejarnos una opinión la próxima vez!", "es"),
        ("Une petite note sur Yelp nous ferait très plaisir.", "fr"),
        ("Una recensione su Yelp ci farebbe davvero piacere.", "it"),
        ("Uma avaliação no Yelp seria ótima para nós.", "pt"),
        ("Byłoby nam bardzo miło, gdyby pojawiła się nowa opinia na Yelp.", "pl"),
        ("Een review op Yelp zou ons enorm helpen.", "nl"),
        ("Būsim pateicīgi par atsauksmi Yelp.", "lv"),
        ("别忘了在Yelp上给我们写个评价。", "zh"),
    ],
)
def test_a_review_asked_for_or_wished_for_is_soliciting_on_yelp(text: str, language: str) -> None:
    assert "solicit_review" in _rules(text, language, "yelp")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We'd be happy to talk about your review by phone.", "en"),
        ("Send us a direct message here on Yelp and we will sort it out.", "en"),
        ("Wir freuen uns über Ihre Bewertung und arbeiten an der Wartezeit.", "de"),
        ("Escríbanos un mensaje privado por Yelp, por favor.", "es"),
        ("Nous serions ravis de vous revoir bientôt.", "fr"),
        ("Of je je review laat staan, bepaal je helemaal zelf.", "nl"),
    ],
)
def test_contact_thanks_and_the_reviewers_own_review_are_no_solicit(
    text: str, language: str
) -> None:
    assert "solicit_review" not in _rules(text, language, "yelp")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Rate the game and claim 200 gems in the shop!", "en"),
        ("Eine Bewertung = ein Gratis-Kaffee beim nächsten Besuch.", "de"),
        ("Valóranos en la tienda y recibe 50 gemas de regalo.", "es"),
        ("Laissez un avis et obtenez 100 jetons bonus !", "fr"),
        ("Lascia una recensione e ottieni 20 monete extra.", "it"),
        ("Deixe uma avaliação e ganhe 300 moedas.", "pt"),
        ("Wystaw ocenę i zgarnij 100 żetonów!", "pl"),
        ("Schrijf een review en krijg 50 munten.", "nl"),
        ("Uzrakstiet atsauksmi un saņemiet 100 monētas!", "lv"),
        ("写评价即可获得100金币。", "zh"),
    ],
)
def test_a_reward_for_a_review_is_an_incentive(text: str, language: str) -> None:
    assert "incentive_for_review" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Every player got 200 gems after the outage. Thank you for your review.", "en"),
        ("Alle Spieler haben 100 Münzen erhalten, unabhängig von ihrer Bewertung.", "de"),
    ],
)
def test_a_reward_given_to_everyone_is_no_incentive(text: str, language: str) -> None:
    assert "incentive_for_review" not in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We will process the refund once that post about us has been deleted.", "en"),
        ("Die Kaution zahlen wir aus, sobald die Rezension gelöscht ist.", "de"),
        ("Tramitaremos la garantía en cuanto su valoración haya sido eliminada.", "es"),
        ("Votre acompte sera versé dès que le commentaire aura été supprimé.", "fr"),
        ("Le restituiremo l'acconto non appena la recensione sarà rimossa.", "it"),
        ("O reembolso será processado assim que a avaliação for apagada.", "pt"),
        ("Kaucję oddamy, gdy tylko opinia zostanie usunięta.", "pl"),
        ("De borg storten we terug zodra de recensie verwijderd is.", "nl"),
        ("Depozītu atmaksāsim, tiklīdz atsauksme būs izdzēsta.", "lv"),
        ("Mientras mantenga esa reseña en la web, no tramitaremos su garantía.", "es"),
        ("评价不删的话，退款我们没法处理。", "zh"),
    ],
)
def test_a_remedy_held_until_the_review_goes_is_pressure(text: str, language: str) -> None:
    assert "pressure_to_change" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Your refund will be processed as soon as the parcel is back with us.", "en"),
        ("Die Gutschrift buchen wir, sobald die Ware bei uns eingetroffen ist.", "de"),
        ("Le rembourserons dès que le colis sera revenu. Merci pour votre avis.", "fr"),
    ],
)
def test_a_remedy_held_until_something_else_is_no_pressure(text: str, language: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Sorry it went wrong. By the way, all rain jackets are 30% off from Friday!", "en"),
        ("Übrigens sind ab Samstag alle Zelte 20 % günstiger.", "de"),
        ("Por cierto, desde el lunes todas las mochilas con un 15 % de descuento.", "es"),
        ("À partir de lundi, tous les casques à -20 % !", "fr"),
        ("Da lunedì tutte le borracce scontate del 30 %!", "it"),
        ("Vanaf maandag alle fietstassen 25 % korting!", "nl"),
        ("Od poniedziałku wszystkie kaski o 20 % taniej!", "pl"),
    ],
)
def test_a_store_wide_sale_in_a_reply_is_marketing(text: str, language: str) -> None:
    assert "marketing" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language", "platform"),
    [
        ("We've sent you a coupon as an apology, no strings attached.", "en", "generic"),
        ("给您补发了一张优惠券表示歉意，没有任何附加条件。", "zh", "taobao"),
        ("We invite all our guests to review us, good or bad.", "en", "google_business"),
        ("Invitamos a todos a dejar su opinión, buena o mala.", "es", "google_business"),
        ("Bitte um eine Änderung der Bewertung gibt es bei uns nicht.", "de", "generic"),
        ("A request to edit your review will never come from us.", "en", "generic"),
        ("Die Brille ist fertig und Sie können sie ab Montag abholen.", "de", "generic"),
        ("Tre stelle sono giuste. Il pacco è pronto e può ritirarlo in negozio.", "it", "generic"),
    ],
)
def test_unconditional_gifts_and_denied_asks_are_allowed(
    text: str, language: str, platform: str
) -> None:
    assert not _rules(text, language, platform)


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("Rezensionen sollten bitte nur zufriedene Kunden schreiben.", "de", "review_gating"),
        ("Atsauksmes lūdzam rakstīt tikai apmierinātiem klientiem.", "lv", "review_gating"),
        ("Su reseña es injusta. Exigimos que la borre ya.", "es", "pressure_to_change"),
        ("Oczekujemy zmiany tej opinii jeszcze dziś.", "pl", "pressure_to_change"),
        ("Change it to positive and we'll send a free case.", "en", "incentive_for_review"),
        ("Si sube su valoración, le regalamos 500 monedas.", "es", "incentive_for_review"),
    ],
)
def test_gating_by_group_demands_and_raised_ratings(text: str, language: str, rule: str) -> None:
    assert rule in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("N'oubliez pas nos soldes du samedi, -20 % sur tout le magasin !", "fr", "marketing"),
        ("Don't forget our Friday 3-for-2 cocktail offer!", "en", "marketing"),
        ("Grazie! La prossima volta lasciaci cinque stelle.", "it", "ask_positive_rating"),
        ("Thanks! Next time, leave us five stars.", "en", "ask_positive_rating"),
        (
            "You still haven't changed your review. We will keep contacting you about it.",
            "en",
            "pressure_to_change",
        ),
        (
            "Ihre Bewertung ist falsch. Sie haben bis Freitag Zeit, sie zu löschen.",
            "de",
            "pressure_to_change",
        ),
    ],
)
def test_reminders_bare_imperatives_and_deadlines(text: str, language: str, rule: str) -> None:
    assert rule in _rules(text, language, "trustpilot")


@pytest.mark.parametrize(
    ("text", "language", "platform", "rule"),
    [
        (
            "Wir bitten ausschließlich begeisterte Kunden um eine Bewertung.",
            "de",
            "google_business",
            "review_gating",
        ),
        (
            "Nous demandons un avis uniquement aux clients satisfaits.",
            "fr",
            "google_business",
            "review_gating",
        ),
        ("Come back soon and share your experience on Yelp!", "en", "yelp", "solicit_review"),
        ("¡Cuéntenos su experiencia en Yelp la próxima vez!", "es", "yelp", "solicit_review"),
        ("Deel uw volgende ervaring op Yelp!", "nl", "yelp", "solicit_review"),
        ("Bewertung abgeben und 10 % Rabatt sichern!", "de", "generic", "incentive_for_review"),
        (
            "We can't ship your replacement while that review is up.",
            "en",
            "generic",
            "pressure_to_change",
        ),
        ("差评删除之后才能给您退款。", "zh", "taobao", "pressure_to_change"),
        (
            "Só processamos a devolução depois de retirar a avaliação.",
            "pt",
            "generic",
            "pressure_to_change",
        ),
        ("Ein paar Sterne mehr wären toll!", "de", "trustpilot", "ask_positive_rating"),
        ("能多给几颗星就太好了！", "zh", "taobao", "ask_positive_rating"),
    ],
)
def test_more_wordings_of_each_kind(text: str, language: str, platform: str, rule: str) -> None:
    assert rule in _rules(text, language, platform)


@pytest.mark.parametrize(
    ("text", "language", "platform"),
    [
        (
            "Bisher hatten wir nur zufriedene Kunden, umso mehr tut uns das leid.",
            "de",
            "google_business",
        ),
        ("We would never hold back a refund while a review is up.", "en", "generic"),
        ("Teilen Sie uns bitte per Nachricht mit, was passiert ist.", "de", "yelp"),
        ("Your refund will be released once the courier confirms the return.", "en", "generic"),
    ],
)
def test_more_near_misses_stay_allowed(text: str, language: str, platform: str) -> None:
    assert not _rules(text, language, platform)


@pytest.mark.parametrize(
    ("text", "language", "platform"),
    [
        (
            "We're only happy when our guests are happy, and your review shows we failed.",
            "en",
            "google_business",
        ),
        ("只有您满意我们才满意，感谢您的评价。", "zh", "google_business"),
        (
            "Jesteśmy zadowoleni tylko wtedy, gdy klienci są zadowoleni; dziękujemy.",
            "pl",
            "google_business",
        ),
        ("Ci farebbe piacere rivederla e la ringraziamo per la recensione.", "it", "yelp"),
        ("We processed your refund as soon as we read the review.", "en", "generic"),
    ],
)
def test_a_mood_a_thanks_or_the_sellers_own_act_is_not_blocked(
    text: str, language: str, platform: str
) -> None:
    assert not _rules(text, language, platform)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We wrote to you on Yelp to find your booking.", "en"),
        ("Napisaliśmy do Pani przez Yelp, aby odnaleźć rezerwację.", "pl"),
        ("Wir haben Ihnen über Yelp geschrieben, um die Buchung zu finden.", "de"),
    ],
)
def test_the_seller_writing_to_the_reviewer_on_a_site_is_no_solicit(
    text: str, language: str
) -> None:
    assert "solicit_review" not in _rules(text, language, "yelp")


@pytest.mark.parametrize(
    ("text", "language", "platform", "rule"),
    [
        (
            "Den Link zu Google bekommen nur Gäste mit 5 Sternen.",
            "de",
            "google_business",
            "review_gating",
        ),
        (
            "Guests who rate us 5 stars get the Google link; the rest get a form.",
            "en",
            "google_business",
            "review_gating",
        ),
        ("Next time, a few words on Yelp would really help us.", "en", "yelp", "solicit_review"),
        (
            "Über eine Bewertung auf Yelp würden wir uns sehr freuen.",
            "de",
            "yelp",
            "solicit_review",
        ),
        ("Aarzel niet om een review op Yelp achter te laten!", "nl", "yelp", "solicit_review"),
    ],
)
def test_groups_with_a_score_and_wishes_in_other_word_orders(
    text: str, language: str, platform: str, rule: str
) -> None:
    assert rule in _rules(text, language, platform)


def test_an_invitation_to_call_about_the_review_is_no_solicit() -> None:
    assert not _rules("Don't hesitate to call us about the review.", "en", "yelp")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Your membership stays frozen until the one-star review is gone.", "en"),
        ("Ihr Konto bleibt gesperrt, bis die Bewertung gelöscht ist.", "de"),
        ("Konto pozostanie zablokowane, dopóki nie usunie Pan opinii.", "pl"),
        ("差评删除前，您的账户会一直冻结。", "zh"),
    ],
)
def test_an_account_blocked_until_the_review_goes_is_pressure(text: str, language: str) -> None:
    assert "pressure_to_change" in _rules(text, language)


def test_an_account_blocked_until_the_seller_fixed_it_is_allowed() -> None:
    text = "Ihr Konto war gesperrt, bis wir den Fehler gefunden haben. Danke für die Bewertung."
    assert not _rules(text, "de")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Your review is unfair. Delete it.", "en"),
        ("Ihre Bewertung ist ungerecht. Löschen Sie sie!", "de"),
        ("Pana opinia jest krzywdząca. Usuń ją.", "pl"),
    ],
)
def test_a_curt_command_on_the_review_is_pressure(text: str, language: str) -> None:
    assert "pressure_to_change" in _rules(text, language, "trustpilot")


def test_a_polite_ask_to_update_it_is_no_pressure() -> None:
    rules = _rules("We fixed the bug in your review. Could you update it?", "en", "trustpilot")
    assert "pressure_to_change" not in rules


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Solo queremos que quede satisfecho, y su reseña en Google nos ayuda a mejorar.", "es"),
        ("Wir wollen nur, dass Sie zufrieden sind, und Ihre Bewertung auf Google hilft uns.", "de"),
    ],
)
def test_a_review_site_named_after_the_wish_to_please_is_no_gating(
    text: str, language: str
) -> None:
    assert not _rules(text, language, "google_business")


def test_the_sellers_second_verb_after_and_is_its_own_act() -> None:
    text = "We refunded you as soon as we saw the review and removed the extra fee."
    assert not _rules(text, "en", "trustpilot")


@pytest.mark.parametrize(
    "text",
    [
        "We hope you will read your review again and change it.",
        "We fixed the app, so please open your review and update it.",
    ],
)
def test_an_ask_after_and_stays_an_ask(text: str) -> None:
    assert "ask_change_review" in _rules(text, "en", "trustpilot")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Update your review this week and you go into our raffle for a bike.", "en"),
        ("Anyone who edits their review this week is entered in our prize draw.", "en"),
        ("Wer seine Bewertung anpasst, nimmt an unserer Verlosung eines Grills teil.", "de"),
        ("Quien modifique su reseña participa en el sorteo de unos auriculares.", "es"),
        ("Modifiez votre avis et participez au tirage au sort d'un week-end.", "fr"),
        ("Chi aggiorna la recensione partecipa all'estrazione di una cena.", "it"),
        ("Wie zijn review aanpast, maakt kans op een verloting van een fiets.", "nl"),
        ("Ja mainīsiet atsauksmi, piedalīsieties izlozē.", "lv"),
        ("Hay algo especial esperándole si cambia su valoración.", "es"),
        ("Wij hebben iets moois voor u als u uw beoordeling bijwerkt.", "nl"),
        ("修改评价即可参加抽奖。", "zh"),
    ],
)
def test_a_draw_or_something_special_for_a_changed_review_is_an_incentive(
    text: str, language: str
) -> None:
    assert "incentive_for_review" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Every customer this month goes into our raffle for a bike.", "en"),
        ("Im Dezember verlosen wir unter allen Kunden einen Grill.", "de"),
        ("Tenemos algo especial para todos nuestros clientes en Navidad.", "es"),
    ],
)
def test_a_draw_not_tied_to_a_review_is_no_incentive(text: str, language: str) -> None:
    assert "incentive_for_review" not in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Nous vous avons renvoyé le colis. Si le problème est réglé, il vous est possible "
            "de modifier l'évaluation laissée ici.",
            "fr",
        ),
        (
            "Esam nosūtījuši jaunu preci. Ja problēma ir atrisināta, atstāto atsauksmi ir "
            "iespējams atjaunināt.",
            "lv",
        ),
        (
            "We have refunded the order. If you feel the problem is solved, it is possible to "
            "update the feedback left here.",
            "en",
        ),
    ],
)
def test_the_feedback_permission_beside_a_remedy_given_is_allowed(text: str, language: str) -> None:
    assert not _rules(text, language, "amazon_feedback")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Nous vous offrons un bon de 10 €. Il vous est possible de supprimer l'évaluation.",
            "fr",
        ),
        ("Esam sagatavojuši jums atlaidi 10 %. Atstāto atsauksmi ir iespējams noņemt.", "lv"),
    ],
)
def test_the_feedback_permission_beside_an_open_offer_is_an_incentive(
    text: str, language: str
) -> None:
    assert "incentive_for_review" in _rules(text, language, "amazon_feedback")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("After your next stay we would love to read your opinion on Yelp.", "en"),
        ("Beim nächsten Besuch würden wir uns über eine Bewertung auf Yelp freuen.", "de"),
        ("Dopo la prossima visita ci farebbe piacere leggere la sua opinione su Yelp.", "it"),
        ("Zou u na uw volgende bezoek een review willen achterlaten?", "nl"),
        ("Kunt u ons een review op Yelp schrijven?", "nl"),
        ("Po następnej wizycie chętnie przeczytamy Pana opinię na Yelp.", "pl"),
        ("Pēc nākamās vizītes mēs labprāt izlasītu jūsu atsauksmi Yelp.", "lv"),
        ("Nach Ihrem nächsten Besuch würden wir gern Ihre Meinung auf Yelp lesen.", "de"),
        ("Después de su próxima visita nos encantaría leer su opinión en Yelp.", "es"),
    ],
)
def test_a_review_wished_for_after_the_next_visit_is_soliciting(text: str, language: str) -> None:
    assert "solicit_review" in _rules(text, language, "yelp")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ci farebbe piacere parlare della sua recensione, ci chiami pure.", "it"),
        ("Wir würden uns über Ihre Rückmeldung per E-Mail freuen.", "de"),
        ("Wij willen uw review graag met de chef bespreken.", "nl"),
        ("Wir würden gern mit Ihnen über Ihre Bewertung sprechen, rufen Sie uns an.", "de"),
        ("Chętnie przeczytamy Pana wiadomość i oddzwonimy.", "pl"),
        ("Mēs labprāt uzzinātu vairāk par jūsu atsauksmi, lūdzu, zvaniet mums.", "lv"),
    ],
)
def test_the_reviewers_own_review_discussed_is_no_solicit(text: str, language: str) -> None:
    assert "solicit_review" not in _rules(text, language, "yelp")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Sorry about the fit. All our winter coats are now 40% cheaper!", "en"),
        ("Schade! Übrigens: alle Mäntel im Onlineshop sind jetzt -25 %.", "de"),
        ("Esta semana todas las sillas al 25 %.", "es"),
        ("Tous les manteaux de la boutique sont à -20 % ce mois-ci.", "fr"),
        ("Ogni venerdì c'è la promo aperitivo a 8 €, vi aspettiamo!", "it"),
        ("Toda quinta-feira temos a promo de sushi a 15 €.", "pt"),
        ("Zapraszamy na letnią wyprzedaż w naszym sklepie.", "pl"),
        ("Elke dinsdag hebben we de actie pizza met bier voor 12 euro.", "nl"),
        ("Šonedēļ visām jakām mūsu veikalā ir -20%!", "lv"),
        ("每周三全场饮品特价。", "zh"),
    ],
)
def test_a_sale_or_a_weekly_deal_in_a_reply_is_marketing(text: str, language: str) -> None:
    assert "marketing" in _rules(text, language, "shopify")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We refunded 30% of your order, as agreed.", "en"),
        ("Every Tuesday the kitchen closes at 9 pm, sorry for the confusion.", "en"),
        ("Ogni martedì la cucina chiude alle 22, ci scusi.", "it"),
        ("Every Tuesday the delivery costs €5 extra, as stated at checkout.", "en"),
        ("Ogni martedì la consegna costa 5 € in più.", "it"),
        ("Elke maandag kost de bezorging 3 euro extra.", "nl"),
        ("Wszystkie Pana zamówienia zostały zwrócone.", "pl"),
    ],
)
def test_a_refund_share_or_opening_hours_are_no_marketing(text: str, language: str) -> None:
    assert "marketing" not in _rules(text, language, "shopify")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Enjoyed your stay? Leave us a review on Google! Not enjoyed it? Tell reception.", "en"),
        ("Loved it? Tell the world on Google! Didn't love it? Tell us first.", "en"),
        ("Niezadowolony? Zadzwoń do nas. Zadowolony? Zostaw opinię w Google.", "pl"),
        ("Satisfait ? Laissez un avis sur Google ! Insatisfait ? Appelez-nous d'abord.", "fr"),
        ("Zufrieden? Bewerten Sie uns auf Google! Nicht zufrieden? Rufen Sie uns an.", "de"),
        ("¿Satisfecho? ¡Déjenos una reseña en Google! ¿No lo está? Llámenos.", "es"),
        ("Soddisfatto? Lasci una recensione su Google! Non lo è? Ci chiami.", "it"),
        ("Esat apmierināts? Atstājiet atsauksmi Google! Neesat apmierināts? Zvaniet mums.", "lv"),
        ("满意吗？请在大众点评给我们评价！不满意？请直接联系店长。", "zh"),
    ],
)
def test_a_review_asked_after_the_satisfied_question_only_is_gating(
    text: str, language: str
) -> None:
    assert "review_gating" in _rules(text, language, "google_business")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Happy with the repair? Let us know. Not happy? Call us and we will look again.", "en"),
        ("Were you satisfied? Thank you for your review. Not satisfied? Call us.", "en"),
        ("Zufrieden? Das freut uns. Nicht zufrieden? Rufen Sie uns an.", "de"),
    ],
)
def test_mood_questions_without_a_review_asked_are_allowed(text: str, language: str) -> None:
    assert "review_gating" not in _rules(text, language, "google_business")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("This is the fourth time we have asked you to delete that review.", "en"),
        ("Wir bitten Sie zum dritten Mal, Ihre Bewertung zu löschen.", "de"),
        ("Le pedimos por tercera vez que retire su reseña.", "es"),
        ("Pour la troisième fois, nous vous demandons de supprimer votre avis.", "fr"),
        ("Per la terza volta le chiediamo di modificare la recensione.", "it"),
        ("Ainda estamos à espera que altere a sua avaliação.", "pt"),
        ("Po raz trzeci prosimy o usunięcie tej opinii.", "pl"),
        ("Voor de derde keer vragen wij u uw review aan te passen.", "nl"),
        ("Jau otro reizi lūdzam jūs noņemt atsauksmi.", "lv"),
        ("这是我们第三次请您删除差评。", "zh"),
    ],
)
def test_an_ask_on_the_review_repeated_or_waited_on_is_pressure(text: str, language: str) -> None:
    assert "pressure_to_change" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("This is the second time we have written to you; you may update your review.", "en"),
        ("We repeatedly improved the app. Please consider updating your review.", "en"),
        ("Wir haben die Reparatur wiederholt und würden uns über ein Update freuen.", "de"),
        (
            "This is the third time we have had to fix this unit, could you update your "
            "review once it works?",
            "en",
        ),
        ("Wir haben das Gerät zum dritten Mal repariert, bitte ändern Sie Ihre Bewertung.", "de"),
        ("Trešo reizi nomainījām detaļu, lūdzu, atjauniniet atsauksmi.", "lv"),
        ("Po raz trzeci wymieniliśmy część, proszę zaktualizować opinię.", "pl"),
    ],
)
def test_a_second_letter_or_a_repeated_repair_is_no_pressure(text: str, language: str) -> None:
    assert "pressure_to_change" not in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Zvaniet mūsu vadītājam Jānim uz 26 555 444, viņš palīdzēs.", "lv"),
        ("Chiami il nostro responsabile Marco al 333 1234 56.", "it"),
        ("请直接打电话13912345678联系我们。", "zh"),
    ],
)
def test_a_phone_number_after_a_call_word_is_personal_data(text: str, language: str) -> None:
    assert "personal_data" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("订单号2024051812已经退款。", "zh"),
        ("Jūsu pasūtījums 12345678 ir nosūtīts.", "lv"),
    ],
)
def test_an_order_number_is_no_phone_number(text: str, language: str) -> None:
    assert "personal_data" not in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Only 3 guests rated us below 5 stars this year, so your feedback matters.", "en"),
        ("Five stars or one, every review is read by the owner.", "en"),
        ("Cinco estrellas o una, leemos todas las reseñas.", "es"),
    ],
)
def test_counts_of_ratings_stated_ask_for_nothing(text: str, language: str) -> None:
    assert not _rules(text, language, "google_business")


@pytest.mark.parametrize(
    ("text", "language"),
    [("Five stars would mean the world to us!", "en"), ("Five stars, please.", "en")],
)
def test_five_stars_asked_for_stays_an_ask(text: str, language: str) -> None:
    assert "ask_positive_rating" in _rules(text, language, "google_business")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We saw that you changed your review after our call. Thank you, that was kind.", "en"),
        ("Sie haben die Sterne selbst angepasst, das war nicht nötig.", "de"),
        ("Vimos que cambió la reseña tras la llamada: no hacía falta, gracias.", "es"),
        ("Nous avons vu que vous avez modifié votre avis après notre appel. Merci.", "fr"),
        ("U heeft uw review na ons gesprek zelf aangepast. Niet nodig, bedankt.", "nl"),
        ("Ha aggiornato lei stesso la valutazione dopo la telefonata: gentile.", "it"),
        ("Notámos que alterou a avaliação depois da chamada. Obrigado.", "pt"),
        ("Zauważyliśmy, że zmienił Pan recenzję po rozmowie. Dziękujemy.", "pl"),
        ("Redzējām, ka pēc sarunas nomainījāt vērtējumu. Tas nebija vajadzīgs.", "lv"),
        ("我们看到您在通话后修改了评价，其实不必，但谢谢您。", "zh"),
    ],
)
def test_a_change_the_reviewer_already_made_told_is_no_ask(text: str, language: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Once you've updated your review, we will send the voucher.", "en"),
        ("Sobald Sie die Bewertung geändert haben, erhalten Sie den Gutschein.", "de"),
        ("Cuando haya cambiado la reseña, le enviaremos el cupón.", "es"),
        ("Si vous avez modifié votre avis, nous vous offrons un avoir.", "fr"),
        ("Zodra u de review heeft aangepast, ontvangt u de bon.", "nl"),
        ("Quando avrà modificato la recensione le mandiamo il buono.", "it"),
        ("Jeśli zmienił Pan opinię, wyślemy bon.", "pl"),
        ("如果您修改了评价，我们就退款。", "zh"),
    ],
)
def test_a_change_made_as_a_condition_stays_an_incentive(text: str, language: str) -> None:
    assert {"ask_change_review", "incentive_for_review"} <= _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Czy zmienił Pan już opinię? Czekamy.", "pl"),
        ("Have you changed your review yet? Please do it today.", "en"),
    ],
)
def test_a_change_asked_about_stays_an_ask(text: str, language: str) -> None:
    assert "ask_change_review" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Merci d'avoir pris le temps de mettre votre avis à jour. À bientôt à la boutique.", "fr"),
        ("Merci pour votre avis. Faites-nous savoir si le colis est bien arrivé.", "fr"),
        ("Merci pour votre avis. Nous pouvons modifier la date de livraison si besoin.", "fr"),
        ("Merci pour votre avis, au plaisir de vous revoir à l'atelier.", "fr"),
        ("Gracias por su reseña. ¿Podemos cambiar la fecha de entrega?", "es"),
        ("Grazie per la recensione. Possiamo cambiare la data della consegna.", "it"),
        ("Obrigado pela avaliação. Podemos alterar a morada de entrega se quiser.", "pt"),
    ],
)
def test_an_auxiliary_or_an_article_after_a_change_is_allowed(text: str, language: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Merci pour votre avis. Si vous le modifiez, nous vous offrons un avoir.", "fr"),
        ("Merci pour votre avis. Pourriez-vous la modifier ? Un avoir vous attend.", "fr"),
        ("Gracias por su reseña. Si puede cambiarla, le daremos un cupón.", "es"),
    ],
)
def test_a_credit_note_or_the_review_as_pronoun_stays_blocked(text: str, language: str) -> None:
    assert "incentive_for_review" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Your refund is ready, but we cannot process it until this review is no longer "
            "visible.",
            "en",
        ),
        ("El cambio está listo, pero no podremos enviarlo hasta que su reseña desaparezca.", "es"),
        (
            "Nous ne pourrons pas traiter votre remboursement jusqu'à ce que votre avis ne soit "
            "plus visible.",
            "fr",
        ),
        ("We plannen uw reparatie pas in zodra uw review niet meer online staat.", "nl"),
        ("Spediremo il ricambio non appena la sua recensione sarà sparita.", "it"),
        ("Só vamos agendar a reparação quando a sua avaliação sumir.", "pt"),
        ("Reklamację uznamy dopiero, gdy ta opinia zniknie z portalu.", "pl"),
        ("Atmaksu veiksim, tiklīdz jūsu atsauksme vairs nebūs redzama.", "lv"),
        ("差评下线之后才能退款。", "zh"),
    ],
)
def test_a_remedy_held_until_the_review_is_gone_is_pressure(text: str, language: str) -> None:
    assert "pressure_to_change" in _rules(text, language)


def test_a_free_service_provided_the_review_is_offline_is_an_incentive() -> None:
    text = "Die Reparatur ist kostenlos, sofern Ihre Bewertung bis Freitag nicht mehr online ist."
    assert "incentive_for_review" in _rules(text, "de")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The replacement is packed. We're only waiting for you to remove the one-star rating.",
            "en",
        ),
        (
            "Der Ersatz ist verpackt. Wir warten nur noch darauf, dass Sie die Bewertung löschen.",
            "de",
        ),
        ("El repuesto está listo. Solo esperamos a que quite la estrella de su reseña.", "es"),
        ("Zamiennik jest gotowy. Czekamy tylko, aż usunie Pan tę jedną gwiazdkę z opinii.", "pl"),
        ("A peça está pronta. Só aguardamos que retire a estrela da avaliação.", "pt"),
        ("Rezerves daļa ir gatava. Gaidām tikai, kad izdzēsīsiet atsauksmi.", "lv"),
    ],
)
def test_only_waiting_for_the_review_to_change_is_pressure(text: str, language: str) -> None:
    assert "pressure_to_change" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Your refund will be processed as soon as the bank opens; your review can stay.", "en"),
        (
            "We cannot process refunds until the courier confirms the return. Thanks for the "
            "review.",
            "en",
        ),
        ("We will never hold back your refund until the review is gone; it is on its way.", "en"),
        ("Problem zniknie, gdy zainstaluje Pan nową wersję aplikacji. Dziękujemy za opinię.", "pl"),
        ("Naprawę zaplanujemy, gdy tylko części dotrą. Dziękujemy za opinię.", "pl"),
        (
            "Die Störung ist nicht mehr sichtbar, seit das Update online ist. Danke für Ihre "
            "Bewertung.",
            "de",
        ),
        (
            "Aspettiamo solo che arrivi il corriere, poi spediamo il ricambio. Grazie per la "
            "recensione.",
            "it",
        ),
        (
            "No podremos enviar el repuesto hasta que llegue el proveedor. Gracias por su reseña.",
            "es",
        ),
        ("We plannen uw afspraak in zodra de monteur terug is. Bedankt voor uw review.", "nl"),
        ("Remontu sāksim, tiklīdz detaļas būs pieejamas. Paldies par atsauksmi.", "lv"),
        ("Nous ne pourrons pas expédier la pièce avant lundi. Merci pour votre avis.", "fr"),
        ("A sua avaliação continua visível; vamos agendar a reparação quando a peça chegar.", "pt"),
        ("零件到货后我们安排维修，感谢您的评价。", "zh"),
    ],
)
def test_a_service_waiting_on_something_else_is_no_pressure(text: str, language: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "If anything was less than perfect, please call the manager first. "
            "If you enjoyed it, a Google review would mean a lot!",
            "en",
        ),
        (
            "Bei Problemen wenden Sie sich bitte an die Rezeption. "
            "Zufriedene Gäste bitten wir um eine Bewertung auf Google.",
            "de",
        ),
        (
            "Wszystkim, którzy wyjeżdżają zadowoleni, dajemy ulotkę z linkiem do opinii. "
            "Niezadowolonych prosimy o kontakt mailowy.",
            "pl",
        ),
        ("Vai bijāt apmierināts? Ja jā, uzrakstiet atsauksmi Google; ja nē, rakstiet mums.", "lv"),
        ("Si oui, laissez-nous un avis sur Google ; si non, écrivez-nous directement.", "fr"),
        ("Zo ja, schrijf dan een review op Google; zo nee, mail ons direct.", "nl"),
        ("En caso afirmativo, déjenos una reseña en Google; en caso contrario, escríbanos.", "es"),
        ("Se sim, deixe uma avaliação no Google; se não, fale connosco.", "pt"),
        ("如果满意，请在大众点评给我们好评；如果不满意，请直接联系我们。", "zh"),
    ],
)
def test_the_satisfied_asked_to_review_and_the_others_sent_away_is_gating(
    text: str, language: str
) -> None:
    assert "review_gating" in _rules(text, language, "google_business")


def test_the_review_link_only_for_a_high_score_is_gating() -> None:
    text = "Mandiamo l'invito alla recensione solo a chi ci dà un voto alto nel questionario."
    assert "review_gating" in _rules(text, "it", "google_business")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Bei Problemen erreichen Sie uns jederzeit an der Hotline. Danke für Ihre Bewertung!",
            "de",
        ),
        (
            "Zadowoleni klienci to nasz cel. Niezadowolonych prosimy o kontakt, żeby szybko pomóc.",
            "pl",
        ),
        ("Il voto alto che ci ha dato ci ha fatto molto piacere, grazie!", "it"),
        ("Si oui, merci de nous indiquer votre numéro de commande ; si non, aucun souci.", "fr"),
        ("Did the parcel arrive? If yes, great; if not, call us and we'll resend it.", "en"),
        (
            "We invite every guest to review us. "
            "If anything was less than perfect, the front desk can help too.",
            "en",
        ),
        ("Zo ja, dan sturen we de onderdelen vandaag; zo nee, bellen we u morgen.", "nl"),
        ("Se sim, enviamos a peça hoje; se não, ligamos amanhã. Obrigado pela avaliação.", "pt"),
    ],
)
def test_yes_and_no_or_the_unhappy_helped_without_a_review_split_are_allowed(
    text: str, language: str
) -> None:
    assert not _rules(text, language, "google_business")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Thanks for dining with us! Next time we'd ask for a quick review on Yelp.", "en"),
        ("Danke für Ihren Besuch! Beim nächsten Mal bitten wir um eine Bewertung auf Yelp.", "de"),
        ("¡Gracias por venir! En su próxima visita le pedimos una reseña en Yelp.", "es"),
        ("Merci de votre visite ! La prochaine fois, nous vous demandons un avis sur Yelp.", "fr"),
        ("Grazie della visita! La prossima volta le chiediamo una recensione su Yelp.", "it"),
        ("Obrigado pela visita! Na próxima vez pedimos uma avaliação no Yelp.", "pt"),
        ("Bedankt voor uw bezoek! Volgende keer vragen we om een review op Yelp.", "nl"),
        ("Dziękujemy za wizytę! Po kolejnym obiedzie prosimy o opinię na Yelp.", "pl"),
        ("Paldies par apmeklējumu! Nākamreiz lūdzam atsauksmi Yelp.", "lv"),
    ],
)
def test_a_review_asked_for_outright_is_soliciting(text: str, language: str) -> None:
    assert "solicit_review" in _rules(text, language, "yelp")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Dziękujemy za opinię. Prosimy o kontakt w sprawie tej opinii, chcemy pomóc.", "pl"),
        ("Thank you for your review. We asked the kitchen about the delay.", "en"),
        ("Danke für die Bewertung. Wir bitten um Entschuldigung für die Wartezeit.", "de"),
        ("Gracias por su reseña; le pedimos disculpas por la espera.", "es"),
        ("Merci pour votre avis, nous vous demandons pardon pour l'attente.", "fr"),
        ("Grazie per la recensione; le chiediamo scusa per l'attesa.", "it"),
        ("Paldies par atsauksmi, lūdzam piedot par gaidīšanu.", "lv"),
    ],
)
def test_asking_for_pardon_or_contact_beside_a_review_is_no_solicit(
    text: str, language: str
) -> None:
    assert not _rules(text, language, "yelp")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Sorry about the crash! Download the APK here: https://apk-mirror-example.com/notes",
            "en",
        ),
        (
            "Laden Sie die Testversion unter www.beispiel-apps.de herunter, bis das Update kommt.",
            "de",
        ),
        ("Sentimos el fallo. Descargue la versión beta desde www.apk-rapido-ejemplo.com.", "es"),
        ("Désolés ! Téléchargez la version beta sur www.appli-exemple.fr en attendant.", "fr"),
        ("Pobierz wersję beta ze strony www.aplikacje-przyklad.pl, zanim wyjdzie poprawka.", "pl"),
        ("Scarichi la versione beta da www.app-esempio.it nell'attesa.", "it"),
        ("Baixe a versão beta em www.apps-exemplo.com.br enquanto corrigimos.", "pt"),
        ("Download de bètaversie via www.app-voorbeeld.nl tot de update er is.", "nl"),
        ("Lejupielādējiet beta versiju no www.lietotne-piemers.lv, kamēr labojam.", "lv"),
        ("请从 www.apk-example.cn 下载测试版安装包。", "zh"),
    ],
)
def test_a_link_to_download_the_app_outside_the_store_is_blocked(text: str, language: str) -> None:
    assert "link" in _rules(text, language, "google_play")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Version 2.8 fixes it; our FAQ at https://help.example.app/sync has the steps.", "en"),
        (
            "Please install version 2.8 from the Play Store. Details: https://help.example.app/v28",
            "en",
        ),
        (
            "Update the app here: https://play.google.com/store/apps/details?id=com.example.notes",
            "en",
        ),
        ("Sorry. Our FAQ is at www.help-example.com. Download the beta when it ships.", "en"),
        ("Instale a versão 9.2 pela loja. Ajuda: https://ajuda.exemplo.com.br/extrato", "pt"),
        ("Lo sentimos. Tiene la solución paso a paso aquí: https://soporte.ejemplo.es/faq", "es"),
    ],
)
def test_a_help_page_link_where_links_are_allowed_stays_allowed(text: str, language: str) -> None:
    assert not _rules(text, language, "google_play")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We saw you updated your review after the refund. Thank you for your patience.", "en"),
        (
            "Sie haben die Bewertung nach der Erstattung selbst geändert. Danke für Ihre Geduld.",
            "de",
        ),
        (
            "Hemos visto que ha editado la valoración tras el reembolso. Gracias por su paciencia.",
            "es",
        ),
        (
            "Vous avez changé la note vous-même après le remboursement. Merci pour votre patience.",
            "fr",
        ),
        ("U heeft de sterren zelf gewijzigd na de terugbetaling. Bedankt voor uw geduld.", "nl"),
        (
            "Abbiamo visto che ha modificato la recensione dopo il rimborso. Grazie.",
            "it",
        ),
        ("A senhora mudou as estrelas depois do reembolso. Obrigado pela paciência.", "pt"),
        ("Pani sama zaktualizowała opinię po zwrocie pieniędzy. Dziękujemy za cierpliwość.", "pl"),
        ("Jūs pats izlabojāt atsauksmi pēc naudas atmaksas. Paldies par pacietību.", "lv"),
        ("您在退款后自己更改了评分。感谢您的耐心。", "zh"),
    ],
)
def test_a_change_told_as_made_after_a_remedy_given_is_no_incentive(
    text: str, language: str
) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("You changed your review to five stars, so here is a 10% coupon as promised.", "en"),
        ("Vous avez modifié votre avis, voici donc votre bon de réduction.", "fr"),
        ("您更改了评价，我们送您优惠券。", "zh"),
        ("After the refund, please update your review.", "en"),
        ("Nach der Erstattung ändern Sie bitte Ihre Bewertung.", "de"),
        ("Tras el reembolso, le pedimos que cambie su reseña.", "es"),
    ],
)
def test_a_reward_for_a_change_or_an_ask_after_a_remedy_stays_an_incentive(
    text: str, language: str
) -> None:
    assert "incentive_for_review" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Grazie di averci dato fiducia: è buono sapere che ha aggiornato la recensione.", "it"),
        ("É bom saber que atualizou a avaliação. Vale lembrar que a garantia continua.", "pt"),
        ("Vimos que actualizó su reseña. Vale, le esperamos pronto.", "es"),
        ("Merci de nous faire savoir si votre avis a été mis à jour sans souci.", "fr"),
    ],
)
def test_a_word_that_only_looks_like_a_voucher_is_no_offer(text: str, language: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Se aggiorna la recensione le mandiamo un buono da 20 euro.", "it"),
        ("Cambi la recensione e avrà 2 buoni pasto.", "it"),
        ("Se atualizar a avaliação, damos-lhe um vale de 10 euros.", "pt"),
        ("Mude a avaliação e ganhe um vale-presente.", "pt"),
        ("Si cambia su reseña le damos un vale de 10 euros.", "es"),
        ("Si vous modifiez votre avis, vous recevrez un avoir de 15 euros.", "fr"),
    ],
)
def test_a_voucher_for_a_changed_review_stays_an_incentive(text: str, language: str) -> None:
    assert "incentive_for_review" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We never ask anyone to change or remove a review; the queue was too slow.", "en"),
        ("Wir bitten niemanden darum, eine Rezension zu löschen oder anzupassen.", "de"),
        ("Nous ne demandons à personne de modifier ou retirer son commentaire.", "fr"),
        ("Nunca pedimos a nadie que cambie o borre una reseña.", "es"),
        ("Wij vragen nooit iemand om een recensie aan te passen.", "nl"),
        ("Nie prosimy nikogo o zmianę ani usunięcie recenzji.", "pl"),
        ("Mēs nevienam nelūdzam mainīt vai dzēst atsauksmi.", "lv"),
        ("我们从不要求任何人修改或删除评价。", "zh"),
    ],
)
def test_a_policy_of_asking_no_one_to_change_a_review_asks_nothing(
    text: str, language: str
) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nobody enjoys this, but could you please change your review?", "en"),
        ("Niemand mag das, aber könnten Sie Ihre Bewertung bitte ändern?", "de"),
        ("Personne n'aime ça, mais pourriez-vous modifier votre avis ?", "fr"),
    ],
)
def test_a_negative_subject_before_a_turn_still_asks(text: str, language: str) -> None:
    assert "ask_change_review" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language", "platform"),
    [
        (
            "Glad the new blender turned up and is working. Since it's all sorted, you can "
            "update or delete your feedback if you like; entirely up to you.",
            "en",
            "amazon_feedback",
        ),
        (
            "Schön, dass der Ersatz jetzt funktioniert. Da alles geklärt ist, können Sie Ihr "
            "Feedback ändern oder löschen, wenn Sie mögen.",
            "de",
            "amazon_feedback",
        ),
    ],
)
def test_a_permission_after_a_replacement_that_arrived_is_no_incentive(
    text: str, language: str, platform: str
) -> None:
    assert "incentive_for_review" not in _rules(text, language, platform)


@pytest.mark.parametrize(
    ("text", "language", "platform"),
    [
        (
            "Once the replacement arrives, could you update your feedback?",
            "en",
            "amazon_feedback",
        ),
        (
            "Wir schicken Ihnen einen Ersatz, wenn Sie Ihr Feedback löschen.",
            "de",
            "amazon_feedback",
        ),
    ],
)
def test_a_replacement_still_to_come_for_a_change_stays_an_incentive(
    text: str, language: str, platform: str
) -> None:
    assert "incentive_for_review" in _rules(text, language, platform)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The colour was off and I should have checked the batch before posting it.", "en"),
        ("We checked every photo twice before posting the listing.", "en"),
    ],
)
def test_the_sellers_own_posting_is_no_gating(text: str, language: str) -> None:
    assert "review_gating" not in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Next time we'd prefer a call before posting.", "en"),
        ("We ask you to contact us before posting anything online.", "en"),
        ("Next time, talk to our staff before posting.", "en"),
        ("Da próxima vez, fale com o nosso balcão em vez de reclamar aqui.", "pt"),
    ],
)
def test_steering_the_reviewers_post_stays_gating(text: str, language: str) -> None:
    assert "review_gating" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Glad the cake went down well! A short review on Yelp really helps a small bakery.", "en"),
        ("Wenn ihr Lust habt, schreibt ein paar Zeilen auf Yelp über euren Abend.", "de"),
        ("Si os apetece, contad en Yelp qué tal la experiencia con nosotros.", "es"),
        ("Si vous avez un moment, un petit mot ici sur votre repas nous ferait plaisir.", "fr"),
        ("Als je tijd hebt, horen we graag in een review hoe de taart smaakte.", "nl"),
        ("Se puderem, contem no Yelp como foi o jantar.", "pt"),
        ("Jak znajdziecie chwilę, napiszcie na Yelpie, jak było.", "pl"),
        ("Ja ir laiks, uzrakstiet Yelp par savu pieredzi pie mums.", "lv"),
        ("如果方便的话，欢迎写几句入住感受。", "zh"),
    ],
)
def test_an_invitation_to_write_about_the_visit_here_solicits(text: str, language: str) -> None:
    assert "solicit_review" in _rules(text, language, "yelp")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A review like yours really helps us, thank you so much.", "en"),
        ("Your review really helps us improve the waiting times.", "en"),
        ("Ihr schreibt auf Google, dass der Kaffee kalt war; das tut uns leid.", "de"),
        ("Si quiere, cuéntenos por aquí qué pasó con el pedido.", "es"),
        ("我们理解您的感受，非常抱歉。", "zh"),
        ("欢迎再次光临！", "zh"),
        ("Paldies, ka uzrakstījāt par savu pieredzi.", "lv"),
        ("Jak będziecie w okolicy, wpadnijcie znowu na kawę.", "pl"),
    ],
)
def test_words_near_an_invitation_to_review_stay_allowed(text: str, language: str) -> None:
    assert "solicit_review" not in _rules(text, language, "yelp")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We keep our review requests for guests who leave smiling.", "en"),
        ("We reserve the Google link for customers who are happy with us.", "en"),
        ("Nous réservons le lien vers Google aux clients qui sont contents.", "fr"),
        ("De link naar Google bewaren we voor als je tevreden bent.", "nl"),
        ("O convite para avaliar é pra quando o cliente sai satisfeito.", "pt"),
        ("Reservamos el enlace de reseñas para los clientes que salen contentos.", "es"),
    ],
)
def test_reviews_reserved_for_the_satisfied_are_gating(text: str, language: str) -> None:
    assert "review_gating" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Next time, please message us through the app and not here.", "en"),
        ("Schreiben Sie uns bitte per Mail und nicht hier.", "de"),
        ("Escríbanos por el formulario y no aquí, por favor.", "es"),
        ("La prochaine fois, appelez-nous plutôt que d'écrire ici.", "fr"),
        ("Neem contact op via de chat en niet hier.", "nl"),
        ("Da próxima vez, fale com a gente no balcão e não aqui.", "pt"),
        ("Proszę pisać do nas mailowo, a nie tutaj.", "pl"),
        ("Lūdzu, rakstiet mums lietotnē, nevis šeit.", "lv"),
        ("有问题请联系客服，而不是在这里留言。", "zh"),
        ("Na próxima vez, fale com a gente antes de vir aqui avaliar.", "pt"),
    ],
)
def test_sending_complaints_to_a_channel_and_not_here_is_gating(text: str, language: str) -> None:
    assert "review_gating" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("It happened at our other branch and not here, but we are sorry all the same.", "en"),
        ("To było w innym sklepie, a nie tutaj, ale przepraszamy.", "pl"),
        ("We save a table by the window for regulars, and we would love to see you again.", "en"),
        ("Thank you, we are glad the booking was easy and the room was comfortable.", "en"),
    ],
)
def test_a_place_or_a_reservation_is_no_gating(text: str, language: str) -> None:
    assert "review_gating" not in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("As instruções estão em quinta-do-rio.pt/chegada.", "pt"),
        ("Trova tutte le istruzioni su trattoria-bella.it/menu.", "it"),
        ("Szczegóły znajdzie Pan na sklep-ogrodowy.pl/zwroty.", "pl"),
        ("Die Anleitung finden Sie unter werkstatt-huber.at/hilfe.", "de"),
    ],
)
def test_a_bare_domain_of_any_country_is_a_link(text: str, language: str) -> None:
    assert "link" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Grazie mille.Ci vediamo presto.", "it"),
        ("Dziękujemy np.za opinię i zapraszamy ponownie.", "pl"),
        ("Obrigado pelo contacto, pode escrever para reservas@quinta-do-rio.pt.", "pt"),
    ],
)
def test_words_run_together_or_an_email_are_no_link(text: str, language: str) -> None:
    assert "link" not in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wenn Sie die Bewertung anheben, schalten wir Ihnen Premium frei.", "de"),
        ("Si sube la valoración, le regalamos tres meses de Premium.", "es"),
        ("Jeśli zmienisz ocenę, odblokujemy Ci Premium na rok.", "pl"),
        ("Se alterar a avaliação, desbloqueamos o Premium para si.", "pt"),
        ("如果您修改评价，我们送您三个月会员。", "zh"),
    ],
)
def test_a_premium_tier_for_a_changed_rating_is_an_incentive(text: str, language: str) -> None:
    assert "incentive_for_review" in _rules(text, language, "google_play")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Premium für Unternehmen bietet mehr Speicher; danke für die Bewertung.", "de"),
        ("Wersja Premium kosztuje 20 zł na miesiąc, dziękujemy za opinię.", "pl"),
    ],
)
def test_a_premium_tier_named_without_a_tie_is_no_incentive(text: str, language: str) -> None:
    assert "incentive_for_review" not in _rules(text, language, "google_play")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Your next coffee is on us. If we've won you back, we'd love to see it reflected "
            "up here.",
            "en",
        ),
        ("A free night is yours; all we ask in return is a few nicer words on here.", "en"),
        (
            "Das nächste Essen ist gratis, und wir würden uns über ein paar nettere Worte freuen.",
            "de",
        ),
        ("La próxima cena corre de nuestra cuenta; nos gustaría verlo reflejado aquí.", "es"),
    ],
)
def test_a_treat_tied_to_kinder_words_here_is_an_incentive(text: str, language: str) -> None:
    assert "incentive_for_review" in _rules(text, language, "google_business")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Next time, dessert is on us. We hope the new menu is reflected in your next visit.",
            "en",
        ),
        ("Thank you for the few kind words, and the coffee is on us next time.", "en"),
    ],
)
def test_a_treat_with_no_review_tied_stays_allowed(text: str, language: str) -> None:
    assert "incentive_for_review" not in _rules(text, language, "google_business")


@pytest.mark.parametrize(
    "text",
    [
        "下次来送您一杯咖啡，也欢迎您帮忙写两句好话。",
        "如果您满意，希望能把评分往上调一调，我们送您优惠券。",
    ],
)
def test_a_gift_beside_kind_words_or_a_nudged_score_is_an_incentive_in_chinese(text: str) -> None:
    assert "incentive_for_review" in _rules(text, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "谢谢您写的两句好话，我们会继续努力。",
        "我们已经把价格往上调了一调，敬请谅解。",
        "感谢您给出的评分，我们会把服务往上调一调。",
    ],
)
def test_kind_words_thanked_or_a_price_raised_stay_allowed_in_chinese(text: str) -> None:
    assert not _rules(text, "zh")


# ---- Pressure built over a reply: repeated contact, the review's cost to the business ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "We have messaged you four times now. That one review is costing us bookings "
            "every single week.",
            "en",
        ),
        (
            "This is the second time we've written to you. Your rating drags our whole average "
            "down, and we are a small team.",
            "en",
        ),
        ("Wir haben Sie dreimal angerufen. Diese Rezension kostet uns jede Woche Kunden.", "de"),
        (
            "Es la tercera vez que le escribimos. Por esta reseña estamos perdiendo clientes "
            "cada semana.",
            "es",
        ),
        (
            "C'est la troisième fois que nous vous écrivons. Votre avis nous fait perdre des "
            "clients chaque semaine.",
            "fr",
        ),
        (
            "È la terza volta che le scriviamo. Per questa recensione stiamo perdendo clienti "
            "ogni settimana.",
            "it",
        ),
        (
            "É a terceira vez que lhe escrevemos. Esta avaliação afasta clientes todos os dias.",
            "pt",
        ),
        (
            "We hebben u al drie keer gebeld. Door deze recensie verliezen we elke week klanten.",
            "nl",
        ),
        (
            "To nasza trzecia wiadomość do Pani. Przez tę opinię tracimy klientów każdego "
            "tygodnia.",
            "pl",
        ),
        ("Mēs jums zvanījām trīs reizes. Šī atsauksme mums maksā klientus katru nedēļu.", "lv"),
        ("我们已经三次联系您了。这条差评让我们流失了很多顾客。", "zh"),
    ],
)
def test_repeated_contact_then_the_reviews_cost_is_pressure(text: str, language: str) -> None:
    assert "pressure_to_change" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("This review is costing us customers every week. Please take it down.", "en"),
        ("Diese Bewertung kostet uns Kunden. Bitte löschen Sie sie.", "de"),
        ("Esta reseña nos está costando clientes. Le rogamos que la retire.", "es"),
        ("Cet avis nous fait perdre des clients. Merci de le retirer.", "fr"),
        ("Questa recensione ci fa perdere clienti. La preghiamo di toglierla.", "it"),
        ("Esta avaliação afasta clientes. Pedimos que a retire.", "pt"),
        ("Deze review kost ons leden. Wilt u hem alstublieft verwijderen?", "nl"),
        ("Šī atsauksme mums maksā klientus. Lūdzu, izdzēsiet to.", "lv"),
        ("这条差评对我们影响很大，麻烦您修改一下评价。", "zh"),
        ("We've written to you three times now. Please update your review.", "en"),
        ("Ya le hemos escrito tres veces. Por favor, cambie su reseña.", "es"),
        ("Pisaliśmy do Pani trzy razy. Prosimy o zmianę opinii.", "pl"),
    ],
)
def test_the_reviews_cost_or_repeated_contact_beside_an_ask_to_change_it_is_pressure(
    text: str, language: str
) -> None:
    assert "pressure_to_change" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "We've called you three times to arrange the refund and couldn't get through. "
            "Please ring the shop whenever suits you.",
            "en",
        ),
        (
            "This is the third time we've written to you about the replacement: it is ready "
            "to collect whenever you like.",
            "en",
        ),
        (
            "Wir haben Sie dreimal angerufen, um die Erstattung zu klären. Melden Sie sich "
            "gern, wann es Ihnen passt.",
            "de",
        ),
        (
            "Es la tercera vez que le escribimos para ofrecerle el reembolso. Llámenos cuando "
            "le venga bien.",
            "es",
        ),
        (
            "Nous vous avons appelé trois fois pour organiser le remboursement. Rappelez-nous "
            "quand vous voulez.",
            "fr",
        ),
        ("Le abbiamo scritto tre volte per il rimborso. Ci chiami quando preferisce.", "it"),
        ("Já lhe telefonámos três vezes para tratar do reembolso. Ligue-nos quando puder.", "pt"),
        (
            "We hebben je drie keer gemaild over de terugbetaling. Bel ons gerust wanneer het "
            "uitkomt.",
            "nl",
        ),
        (
            "Dzwoniliśmy do Pani trzy razy w sprawie zwrotu. Prosimy o kontakt w dogodnej chwili.",
            "pl",
        ),
        ("Mēs jums zvanījām trīs reizes par naudas atmaksu. Zvaniet mums, kad jums ērti.", "lv"),
        ("我们已经三次联系您处理退款，方便时请回电。", "zh"),
        (
            "We've tried to reach you three times. Your review helped us fix the booking "
            "system, thank you.",
            "en",
        ),
        (
            "Wir haben Sie zweimal angerufen, um uns zu entschuldigen. Ihre Bewertung war "
            "berechtigt, und wir haben daraus gelernt.",
            "de",
        ),
    ],
)
def test_repeated_contact_about_a_remedy_is_no_pressure(text: str, language: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "A review like this one costs a small shop like ours customers, so we took it "
            "seriously and retrained the team.",
            "en",
        ),
        (
            "Eine solche Bewertung kostet uns Kunden, deshalb haben wir sofort den Lieferanten "
            "gewechselt.",
            "de",
        ),
        (
            "Reseñas así nos hacen perder clientes, por eso hemos cambiado de proveedor. "
            "Gracias por avisarnos.",
            "es",
        ),
        (
            "Recensioni come la sua ci fanno perdere clienti, e per questo abbiamo cambiato "
            "fornitore.",
            "it",
        ),
        (
            "Un avis comme le vôtre nous fait perdre des clients, c'est pourquoi nous avons "
            "changé de fournisseur.",
            "fr",
        ),
        ("这样的差评对我们影响很大，所以我们已经更换了供应商。", "zh"),
        ("Your review didn't cost us any customers, don't worry. Thank you for writing it.", "en"),
    ],
)
def test_the_reviews_cost_told_without_an_ask_is_no_pressure(text: str, language: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "This is the third time we've replied to one of your reviews, and each time "
            "you've helped us improve. Thank you!",
            "en",
        ),
        (
            "Es la tercera vez que respondemos a una de sus reseñas y siempre nos ayuda a "
            "mejorar. ¡Gracias!",
            "es",
        ),
        (
            "C'est la troisième fois que nous répondons à l'un de vos avis, et chaque fois "
            "vous nous aidez. Merci !",
            "fr",
        ),
        (
            "È la terza volta che rispondiamo a una sua recensione e ogni volta ci aiuta a "
            "migliorare. Grazie!",
            "it",
        ),
        (
            "É a terceira vez que respondemos a uma avaliação sua e cada vez nos ajuda a "
            "melhorar. Obrigado!",
            "pt",
        ),
    ],
)
def test_answering_a_regulars_reviews_again_is_no_chasing(text: str, language: str) -> None:
    assert not _rules(text, language)


# ---- Marketing: a cut on a whole range, a gift with a purchase, a freebie for ordering ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Thanks for the kind words! From Monday there's 20% on all our sourdough loaves.", "en"),
        ("Danke für Ihr Lob! Nächste Woche gibt es 10 % auf alle Gartenmöbel.", "de"),
        ("¡Gracias! Este mes tenemos un 15 % en todos los vinos tintos.", "es"),
        ("Merci ! En ce moment, -20 % sur toutes les chaussures de randonnée.", "fr"),
        ("Grazie! Fino a domenica c'è il 10 % su tutti i gelati artigianali.", "it"),
        ("Obrigado! Este fim de semana há 15 % em todos os vinhos do Douro.", "pt"),
        ("Bedankt! Deze week 20 % op alle winterjassen.", "nl"),
        ("Dziękujemy! W tym tygodniu 20 % na wszystkie kurtki zimowe.", "pl"),
        ("Paldies! Šonedēļ 20 % visiem ziemas mēteļiem.", "lv"),
        ("Thanks! Buy two coffees and get one pastry free, every morning this week.", "en"),
        ("Danke! Beim Kauf von zwei Pizzen gibt es ein Getränk gratis.", "de"),
        ("¡Gracias! Por la compra de dos cafés, le regalamos un cruasán gratis.", "es"),
        ("Merci ! Pour l'achat de deux pizzas, le dessert est offert.", "fr"),
        ("Grazie! Acquistando due pizze, la bibita è in omaggio.", "it"),
        ("Obrigado! Na compra de dois cafés, oferecemos um pastel grátis.", "pt"),
        ("Bedankt! Bij aankoop van twee pizza's krijg je een gratis drankje.", "nl"),
        ("Dziękujemy! Przy zakupie dwóch pizz napój gratis.", "pl"),
        ("Paldies! Pērkot divas picas, dzēriens bez maksas.", "lv"),
        ("谢谢亲！买3件送1件，欢迎回购。", "zh"),
        (
            "Thanks for the review! This month you get a free drink when you order through "
            "our app.",
            "en",
        ),
        (
            "Danke! Diesen Monat gibt es ein Getränk gratis, wenn Sie über unsere App bestellen.",
            "de",
        ),
        ("¡Gracias! Este mes, bebida gratis si pide en nuestra app.", "es"),
        (
            "Merci ! Ce mois-ci, la boisson est offerte si vous commandez sur notre application.",
            "fr",
        ),
        ("Grazie! Questo mese la bibita è in omaggio se ordina dalla app.", "it"),
        ("Obrigado! Este mês, bebida grátis se encomendar na nossa app.", "pt"),
        ("Bedankt! Deze week een gratis drankje als je via onze app bestelt.", "nl"),
        ("Dziękujemy! W tym tygodniu napój gratis przy zamówieniu przez naszą aplikację.", "pl"),
        ("Paldies! Šonedēļ dzēriens bez maksas, pasūtot mūsu lietotnē.", "lv"),
        ("谢谢亲！本月在APP下单即送饮料。", "zh"),
    ],
)
def test_a_sale_on_a_whole_range_or_a_gift_with_a_purchase_is_marketing(
    text: str, language: str
) -> None:
    assert "marketing" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We have refunded 15% on all items in your order, and we're sorry for the delay.", "en"),
        (
            "Sorry the buy two get one free deal didn't apply at checkout; we've refunded the "
            "difference.",
            "en",
        ),
        ("Wir haben Ihnen 15 % auf alle Artikel Ihrer Bestellung erstattet.", "de"),
        ("Nous vous avons remboursé 10 % sur tous les articles de votre commande.", "fr"),
        ("Le hemos devuelto un 10 % en todos los productos de su pedido.", "es"),
        ("Le abbiamo rimborsato il 10 % su tutti gli articoli del suo ordine.", "it"),
        ("Devolvemos-lhe 10 % em todos os artigos da sua encomenda.", "pt"),
        ("We hebben 10 % op alle artikelen van uw bestelling terugbetaald.", "nl"),
        ("Na sua próxima compra, o envio é grátis, como pedido de desculpa.", "pt"),
        ("En su próxima compra, el envío es gratis para compensarle.", "es"),
        ("Deze week hebben we uw pakket gratis opnieuw verzonden.", "nl"),
        ("This month we sent you a free replacement; the tracking is in your e-mail.", "en"),
        ("Diesen Monat haben wir Ihnen kostenlos ein Ersatzteil geschickt.", "de"),
        ("Ce mois-ci, nous vous avons renvoyé gratuitement le colis.", "fr"),
        ("W tym tygodniu wysłaliśmy Pani gratis nową część.", "pl"),
        ("买两件送的赠品漏发了，非常抱歉，我们马上给您补发。", "zh"),
    ],
)
def test_a_cut_or_a_freebie_on_the_reviewers_own_order_is_no_marketing(
    text: str, language: str
) -> None:
    assert "marketing" not in _rules(text, language)


# ---- Yelp: asking to tell others or share one's experience in public is soliciting ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Enjoyed your meal? We'd be thrilled to see your thoughts on Yelp.", "en"),
        ("Tell the world what you thought of our tacos!", "en"),
        ("Share your experience with others here, it helps us a lot.", "en"),
        ("¿Le gustó? Cuéntelo en Yelp, nos ayuda muchísimo.", "es"),
        ("Hat es Ihnen geschmeckt? Dann teilen Sie Ihre Eindrücke hier mit anderen.", "de"),
        ("Vous avez aimé ? Laissez-nous un petit mot ici !", "fr"),
        ("Deel uw ervaring hier met anderen!", "nl"),
        ("Condivida la sua esperienza qui!", "it"),
        ("Partilhe a sua experiência aqui!", "pt"),
        ("Podziel się wrażeniami tutaj!", "pl"),
        ("Dalieties ar pieredzi šeit!", "lv"),
        ("欢迎在这里分享您的体验给更多人！", "zh"),
    ],
)
def test_asking_to_share_in_public_solicits_on_yelp(text: str, language: str) -> None:
    result = check_reply(text, platform="yelp", language=language)
    assert "solicit_review" in {finding.rule for finding in result.findings}
    assert check_reply(text, platform="google_business", language=language).ok


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for sharing your experience with others here.",
        "We would love to hear about your experience: please message us.",
        "Please share your receipt with us by email.",
        "Our chef shared the recipe with other guests online.",
        'Sorry our server\'s "tell everyone about us!" came across as pushy.',
    ],
)
def test_thanks_for_sharing_and_private_sharing_do_not_solicit(text: str) -> None:
    assert check_reply(text, platform="yelp", language="en").ok


# ---- Pressure: counting on the reviewer, "until when?", the review's danger to the business,
# a demand after its cost, and an ask repeated n times ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Your review is still up. We are counting on you to take it down this week.", "en"),
        (
            "Ihre Bewertung ist immer noch online. Wir zählen darauf, dass Sie sie bis "
            "Freitag entfernen.",
            "de",
        ),
        ("Su reseña sigue publicada. Contamos con que la retire antes del viernes.", "es"),
        (
            "Votre avis est toujours visible. Nous comptons sur vous pour le modifier d'ici "
            "vendredi.",
            "fr",
        ),
        (
            "La sua recensione è ancora online. Contiamo su di lei perché la tolga entro venerdì.",
            "it",
        ),
        (
            "A sua avaliação continua online. Contamos consigo para a retirar até sexta-feira.",
            "pt",
        ),
        ("Uw review staat er nog steeds. We rekenen erop dat u hem vóór vrijdag aanpast.", "nl"),
        ("Opinia nadal wisi. Liczymy na to, że usunie ją Pan do piątku.", "pl"),
        (
            "Atsauksme joprojām ir redzama. Rēķināmies, ka Jūs to izdzēsīsiet līdz piektdienai.",
            "lv",
        ),
        ("您的差评还在。我们指望您这周之内把它删掉。", "zh"),
    ],
)
def test_counting_on_the_reviewer_after_the_review_still_up_is_pressure(
    text: str, language: str
) -> None:
    assert "pressure_to_change" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "We refunded you last week and the one-star is still sitting there. How much longer?",
            "en",
        ),
        ("Já devolvemos o dinheiro e a avaliação continua aqui. Até quando?", "pt"),
        ("Ya le devolvimos el dinero y la reseña sigue ahí. ¿Hasta cuándo?", "es"),
        ("Nous vous avons remboursé et l'avis est toujours là. Jusqu'à quand ?", "fr"),
        ("Wir haben erstattet, und die Bewertung steht immer noch da. Wie lange noch?", "de"),
        ("Abbiamo rimborsato e la recensione è ancora lì. Fino a quando?", "it"),
        ("We hebben terugbetaald en de recensie staat er nog steeds. Hoe lang nog?", "nl"),
    ],
)
def test_until_when_after_the_review_still_up_is_pressure(text: str, language: str) -> None:
    assert "pressure_to_change" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "This is the third time we've written to you. That review is genuinely hurting us.",
            "en",
        ),
        (
            "We have contacted you four times already. A review like this could put a little "
            "shop like ours out of business.",
            "en",
        ),
        (
            "Nous vous avons déjà écrit trois fois. Cet avis met en danger notre petite "
            "entreprise.",
            "fr",
        ),
        (
            "Nous vous avons déjà envoyé quatre messages. Ce commentaire pèse lourd sur notre "
            "compte.",
            "fr",
        ),
        ("L'abbiamo già chiamata tre volte. Una recensione così può farci chiudere.", "it"),
        ("Wir haben Sie dreimal angeschrieben. Diese Bewertung gefährdet unser Geschäft.", "de"),
        ("Le hemos escrito tres veces. Esta reseña pone en peligro nuestro negocio.", "es"),
        ("Já lhe escrevemos três vezes. Esta avaliação põe em risco o nosso negócio.", "pt"),
        ("To nasza trzecia wiadomość. Ta opinia zagraża naszemu kontu sprzedawcy.", "pl"),
        ("Pisaliśmy do Pana trzy razy. Negatywna opinia obniża nasze wskaźniki.", "pl"),
        ("We hebben u al drie keer gemaild. Deze recensie brengt ons bedrijf in gevaar.", "nl"),
        ("Mēs jums rakstījām trīs reizes. Šī atsauksme apdraud mūsu veikalu.", "lv"),
        ("客服私信了您好几次。这条差评让我们的店铺面临关店的风险。", "zh"),
        ("我们联系了您三次，这条差评严重威胁到我们的店铺。", "zh"),
    ],
)
def test_repeated_contact_then_the_reviews_danger_to_the_business_is_pressure(
    text: str, language: str
) -> None:
    assert "pressure_to_change" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "This review is hurting our small business. We expect you to take it down by Friday.",
            "en",
        ),
        ("这条差评让我们流失了很多顾客，请您务必这周之内把评价删掉。", "zh"),
        ("Diese Bewertung schadet uns sehr. Wir erwarten, dass Sie sie bis morgen löschen.", "de"),
        ("Esta reseña nos está haciendo mucho daño. Exigimos que la retire hoy mismo.", "es"),
        (
            "Questa recensione mette in pericolo il nostro locale. Pretendiamo che la tolga "
            "entro venerdì.",
            "it",
        ),
        ("Ta opinia zagraża naszemu sklepowi. Oczekujemy, że usunie ją Pan do piątku.", "pl"),
    ],
)
def test_the_reviews_cost_then_a_demand_to_change_it_is_pressure(text: str, language: str) -> None:
    assert "pressure_to_change" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jau četras reizes lūdzām Jūs izdzēst šo atsauksmi.", "lv"),
        ("We have asked you three times now to remove this review.", "en"),
        ("Wir haben Sie schon dreimal gebeten, die Bewertung zu löschen.", "de"),
        ("Ya le hemos pedido tres veces que retire la reseña.", "es"),
        ("Nous vous avons déjà demandé trois fois de retirer cet avis.", "fr"),
        ("Le abbiamo chiesto già tre volte di togliere la recensione.", "it"),
        ("Já lhe pedimos três vezes que retire a avaliação.", "pt"),
        ("We hebben u al drie keer gevraagd de review te verwijderen.", "nl"),
        ("Już trzy razy prosiliśmy o usunięcie tej opinii.", "pl"),
        ("我们已经请您三次删除这条评价了。", "zh"),
        (
            "Wir haben Ihnen dreimal geschrieben. Bitte überlegen Sie sich die Bewertung noch "
            "einmal.",
            "de",
        ),
    ],
)
def test_an_ask_on_the_review_made_n_times_is_pressure(text: str, language: str) -> None:
    assert "pressure_to_change" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Your review is still up and we read it every week. We are counting on our new "
            "chef to fix the seasoning by Friday.",
            "en",
        ),
        (
            "Thanks for your review. We're counting on you to tell us if anything else goes wrong.",
            "en",
        ),
        (
            "We've written to you three times about the refund. It is hurting us that we "
            "couldn't reach you, so please call whenever suits you.",
            "en",
        ),
        (
            "Your review hurt us, honestly, but it was fair, and we've retrained the team since.",
            "en",
        ),
        (
            "A one-star review like this could put a small shop like ours out of business, so "
            "we took it seriously and changed supplier.",
            "en",
        ),
        (
            "How much longer will the repair take? About a week, we're afraid; we'll call you "
            "as soon as it's ready.",
            "en",
        ),
        (
            "Ihre Bewertung ist berechtigt. Wir zählen darauf, dass unser neues Team das bis "
            "Freitag in den Griff bekommt.",
            "de",
        ),
        (
            "Wir haben Sie dreimal angerufen, um die Erstattung zu klären. Bitte melden Sie "
            "sich bis Freitag, damit wir überweisen können.",
            "de",
        ),
        (
            "Eine solche Bewertung gefährdet unser Geschäft, deshalb haben wir sofort den "
            "Lieferanten gewechselt.",
            "de",
        ),
        ("Contamos con usted para la próxima temporada. Gracias por su reseña.", "es"),
        (
            "Le hemos pedido tres veces disculpas y lo repetimos: lo sentimos mucho. ¿Hasta "
            "cuándo estará de viaje? Le devolvemos el dinero cuando quiera.",
            "es",
        ),
        (
            "Merci pour votre avis. Nous comptons sur vous pour nous dire si le problème revient.",
            "fr",
        ),
        (
            "Nous vous avons déjà écrit trois fois pour organiser le remboursement ; "
            "rappelez-nous quand vous voulez.",
            "fr",
        ),
        (
            "Un avis comme le vôtre met en danger notre réputation, c'est pourquoi nous avons "
            "revu toute la procédure.",
            "fr",
        ),
        ("Contiamo su di lei per la prossima stagione! Grazie della recensione.", "it"),
        (
            "Una recensione così può farci chiudere gli occhi su niente: abbiamo cambiato "
            "fornitore.",
            "it",
        ),
        ("Obrigado pela avaliação. Contamos consigo para nos dizer se voltar a acontecer.", "pt"),
        ("Até quando fica na cidade? Gostaríamos de lhe oferecer um jantar para compensar.", "pt"),
        (
            "Bedankt voor uw recensie. We rekenen erop dat het nieuwe systeem vóór vrijdag werkt.",
            "nl",
        ),
        (
            "We hebben u drie keer gevraagd om uw adres, zodat we het pakket kunnen sturen. "
            "Hoe lang nog blijft u op reis?",
            "nl",
        ),
        (
            "Dziękujemy za opinię. Liczymy na to, że następnym razem wszystko będzie idealnie.",
            "pl",
        ),
        (
            "Prosiliśmy kuriera trzy razy o kontakt. Opinia jest zasłużona, a zwrot zostanie "
            "wysłany do piątku.",
            "pl",
        ),
        ("Paldies par atsauksmi. Rēķināmies, ka jaunā sistēma darbosies līdz piektdienai.", "lv"),
        ("感谢您的评价。我们已经联系您好几次，想把退款退给您，方便时请回电。", "zh"),
        ("这样的差评对我们影响很大，所以我们已经更换了供应商，周五之前全部完成。", "zh"),
        ("您的评价还在我们的培训材料里，我们一直用它提醒员工。", "zh"),
        (
            "This review hurts our small business, we know. Please call us by Friday and "
            "we'll refund you in full.",
            "en",
        ),
        (
            "Diese Bewertung schadet uns, das wissen wir. Bitte rufen Sie uns bis Freitag an, "
            "dann erstatten wir Ihnen alles.",
            "de",
        ),
        ("这个差评对我们影响很大，我们认了。请您今天之内联系客服，我们马上给您退款。", "zh"),
        (
            "Cet avis nous fait du tort, nous le savons. Appelez-nous d'ici vendredi et nous "
            "vous rembourserons.",
            "fr",
        ),
    ],
)
def test_counting_on_a_team_or_a_deadline_for_a_remedy_is_no_pressure(
    text: str, language: str
) -> None:
    assert not _rules(text, language)


# ---- Asks for the top rating: the seller deserving it, the maximum named; offers at half
# price, from the seller, or tied to a re-rating, a reconsidered review or an extra star ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Als de taart echt zo lekker was, verdienen we dan geen vijf sterren?", "nl"),
        (
            "If the stay was as lovely as you say, don't we deserve five stars rather than three?",
            "en",
        ),
        ("Honestly, we deserve the highest rating for that dinner.", "en"),
        ("Wenn alles so schön war, hätten wir dann nicht fünf Sterne verdient?", "de"),
        ("Si todo salió tan bien, ¿no nos merecemos cinco estrellas?", "es"),
        ("Si tout était parfait, ne méritons-nous pas la note maximale ?", "fr"),
        ("Se era tutto perfetto, non meritiamo forse cinque stelle?", "it"),
        ("Se correu tudo tão bem, não merecemos cinco estrelas?", "pt"),
        ("Skoro wszystko było idealnie, czy nie zasługujemy na pięć gwiazdek?", "pl"),
        ("Ja viss bija lieliski, vai neesam pelnījuši piecas zvaigznes?", "lv"),
        ("既然您这么满意，我们难道不值得五星吗？", "zh"),
    ],
)
def test_a_top_rating_the_seller_says_it_deserves_is_asked_for(text: str, language: str) -> None:
    assert "ask_positive_rating" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Se le è piaciuto, ci farebbe felici lasciandoci il punteggio massimo.", "it"),
        ("If you loved it, please leave us the maximum rating.", "en"),
        ("Wenn es Ihnen gefallen hat, geben Sie uns bitte die Höchstbewertung.", "de"),
        ("Si le gustó, déjenos por favor la puntuación máxima.", "es"),
        ("Se gostou, deixe-nos por favor a pontuação máxima.", "pt"),
        ("Vond u het lekker? Geef ons dan de hoogste score.", "nl"),
        ("Jeśli się podobało, prosimy o maksymalną ocenę.", "pl"),
        ("Ja patika, lūdzu, ielieciet mums augstāko vērtējumu.", "lv"),
        ("如果满意的话，麻烦给我们打个最高分。", "zh"),
    ],
)
def test_the_maximum_rating_asked_for_is_a_positive_rating_ask(text: str, language: str) -> None:
    assert "ask_positive_rating" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We certainly didn't deserve five stars that night, and we're sorry.", "en"),
        (
            "Thank you for the five stars; we don't think we deserve them yet, but we're "
            "working on it.",
            "en",
        ),
        (
            "Bedankt voor de vijf sterren! We verdienen ze nog niet helemaal, maar we werken "
            "eraan.",
            "nl",
        ),
        ("Wir verdienen keine fünf Sterne für diesen Abend, das wissen wir.", "de"),
        ("Gracias por la puntuación máxima, nos alegra mucho.", "es"),
        ("Grazie per il punteggio massimo, ci ha fatto felici!", "it"),
        ("Dziękujemy za maksymalną ocenę i do zobaczenia!", "pl"),
        ("You deserve five-star service, and next time you'll get it.", "en"),
        (
            "Vous méritiez mieux, et la note maximale n'est pas notre objectif : votre "
            "confort l'est.",
            "fr",
        ),
        ("感谢您给的最高分！", "zh"),
    ],
)
def test_a_top_rating_thanked_for_or_not_deserved_asks_for_nothing(
    text: str, language: str
) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Your next visit is half price. In return, could you take the review down?", "en"),
        (
            "Den nächsten Haarschnitt machen wir zum halben Preis, wenn Sie die Bewertung löschen.",
            "de",
        ),
        ("Le ofrecemos la próxima cena a mitad de precio si retira la reseña.", "es"),
        ("Votre prochain séjour à moitié prix, en échange d'un avis modifié.", "fr"),
        ("Il prossimo taglio a metà prezzo se toglie la recensione.", "it"),
        ("A próxima aula sai a metade do preço, se alterar a avaliação.", "pt"),
        ("Następna wizyta za pół ceny, jeśli zmieni Pan opinię.", "pl"),
        ("如果您把差评改成好评，下次来店8折。", "zh"),
        ("下次我们送您一份甜品，也希望您能重新考虑一下这条评价。", "zh"),
        (
            "Kom nog eens langs, dan krijg je een taartje van ons. Een extra sterretje zou "
            "fijn zijn!",
            "nl",
        ),
        ("Oferecemos-lhe um jantar grátis; agradecíamos que subisse a nota.", "pt"),
        (
            "Once the update is out, a quick re-rate would be great, and we'll add a month of "
            "Pro for you.",
            "en",
        ),
        ("Wir schenken Ihnen einen Gutschein. Nehmen Sie die Rezension dafür bitte raus.", "de"),
    ],
)
def test_half_price_or_a_gift_from_us_for_a_changed_review_is_an_incentive(
    text: str, language: str
) -> None:
    assert "incentive_for_review" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Our lunch menu is half price on Mondays, and we've fixed the booking bug you "
            "mentioned.",
            "en",
        ),
        (
            "Wir haben die Reparatur zum halben Preis gemacht, weil es unser Fehler war. "
            "Danke für Ihre Bewertung.",
            "de",
        ),
        (
            "Je krijgt binnen twee dagen een mail van ons met de retourgegevens. Bedankt voor "
            "je review.",
            "nl",
        ),
        ("本店所有商品均不打折，感谢您的评价。", "zh"),
        (
            "Os preços vão subir em janeiro, mas a sua reserva mantém-se. Obrigado pela avaliação.",
            "pt",
        ),
        (
            "Nehmen Sie das Gerät einfach aus der Verpackung heraus und laden Sie es "
            "vollständig auf.",
            "de",
        ),
        ("Thanks for the re-rate, we really appreciate it!", "en"),
        ("我们会重新考虑菜单的辣度，感谢您的反馈。", "zh"),
    ],
)
def test_half_price_a_rising_price_or_a_reconsidered_menu_alone_is_no_incentive(
    text: str, language: str
) -> None:
    assert not _rules(text, language)


# ---- Incentive: a gift when the reviewer ever changes the review or shows it updated ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Si jamais vous changez votre avis, un petit cadeau vous attend.", "fr"),
        ("Présentez votre avis mis à jour en caisse et le dessert est offert.", "fr"),
        ("Se mai modificasse la recensione, le regaleremo un piccolo omaggio.", "it"),
        ("If you ever edit your review, we'll slip a small gift into your next order.", "en"),
        ("Your next coffee is on us — just show your updated review at the counter.", "en"),
        ("Il prossimo caffè è offerto: basta mostrare la recensione aggiornata alla cassa.", "it"),
        ("Als u ooit uw review aanpast, stoppen we een cadeautje in uw bestelling.", "nl"),
        ("下次咖啡免费，只要在前台出示修改后的评价就行。", "zh"),
    ],
)
def test_a_gift_for_a_changed_or_shown_review_is_an_incentive(text: str, language: str) -> None:
    assert "incentive_for_review" in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nous n'avons jamais demandé de modifier votre avis ; le remboursement est fait.", "fr"),
        ("Votre avis mis à jour nous fait plaisir. Le remboursement a été effectué hier.", "fr"),
        ("Nous avons mis à jour la carte et vous avons remboursé le dessert.", "fr"),
        ("Si jamais le problème revient, nous vous offrirons un remplacement gratuit.", "fr"),
        ("Non le chiederemo mai di modificare la recensione; il rimborso è già partito.", "it"),
    ],
)
def test_an_updated_review_seen_or_a_change_never_asked_ties_no_gift(
    text: str, language: str
) -> None:
    assert "incentive_for_review" not in _rules(text, language), text


# ---- Personal data: a street, its name, a comma, then the house number ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("O seu pedido foi entregue na Avenida Atlântica, 1702, no dia 3.", "pt"),
        ("Sr. João Pereira, a sua encomenda foi entregue na Rua Augusta, 45.", "pt"),
        ("Su pedido se entregó en la calle Mayor, 23, 2º B, Madrid.", "es"),
        ("Il pacco è stato consegnato in Via Roma, 12, Milano.", "it"),
    ],
)
def test_a_street_with_its_number_after_a_comma_is_an_address(text: str, language: str) -> None:
    assert "personal_data" in _rules(text, language, "amazon_feedback"), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Na rua, 2 pessoas viram o estafeta.", "pt"),
        ("A nossa loja fica na Rua das Flores, 12, venha visitar-nos.", "pt"),
        ("On Main Street, 2 parcels were delayed by the roadworks.", "en"),
        ("En la calle Mayor, 2 repartidores tuvieron un accidente.", "es"),
        ("Na ulicy Długiej, 3 dni temu, kurier zgubił paczkę.", "pl"),
    ],
)
def test_a_count_after_a_street_or_the_sellers_own_address_is_no_address(
    text: str, language: str
) -> None:
    assert "personal_data" not in _rules(text, language, "amazon_feedback"), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("This is the third time we have replied to you here. Please update your review.", "en"),
        (
            "This is the fifth time we've responded to you. Our bookings have dropped sharply "
            "since your review went up.",
            "en",
        ),
        ("Das ist bereits unsere dritte Antwort an Sie. Bitte ändern Sie Ihre Bewertung.", "de"),
        (
            "Wir antworten Ihnen jetzt zum vierten Mal. Seit Ihrer Bewertung sind unsere "
            "Buchungen eingebrochen.",
            "de",
        ),
        ("Esta es la tercera respuesta que le damos. Por favor, cambie su reseña.", "es"),
        (
            "Es la cuarta vez que le respondemos. Desde su reseña nuestras reservas han caído "
            "a la mitad.",
            "es",
        ),
        ("C'est la troisième réponse que nous vous écrivons. Merci de modifier votre avis.", "fr"),
        (
            "C'est la quatrième fois que nous vous répondons. Depuis votre avis, nos "
            "réservations ont chuté.",
            "fr",
        ),
        ("Dit is al onze derde reactie aan u. Pas uw review alstublieft aan.", "nl"),
        (
            "Dit is de vierde keer dat we u antwoorden. Sinds uw review zijn onze boekingen "
            "gedaald.",
            "nl",
        ),
        (
            "Questa è la terza risposta che le scriviamo. La preghiamo di modificare la "
            "recensione.",
            "it",
        ),
        (
            "È la quarta volta che le rispondiamo. Da quando c'è la sua recensione le "
            "prenotazioni sono crollate.",
            "it",
        ),
        ("Pedimos pela terceira vez que altere a sua avaliação.", "pt"),
        (
            "É a quarta vez que lhe respondemos. Desde a sua avaliação as reservas caíram para "
            "metade.",
            "pt",
        ),
        ("To już nasza trzecia odpowiedź do Pani. Prosimy o zmianę opinii.", "pl"),
        (
            "To już nasza czwarta odpowiedź do Pani. Od czasu tej opinii rezerwacje wyraźnie "
            "spadły.",
            "pl",
        ),
        ("Šī ir jau mūsu trešā atbilde Jums. Lūdzu, mainiet savu atsauksmi.", "lv"),
        (
            "Šī ir mūsu ceturtā atbilde. Kopš jūsu atsauksmes rezervācijas ir krietni kritušās.",
            "lv",
        ),
        ("这已经是我们第三次回复您了。请修改您的评价。", "zh"),
        ("这已经是第四次回复您了。自从这条评价出来，我们的订单明显下降了。", "zh"),
    ],
)
def test_replying_again_and_again_then_an_ask_or_lost_bookings_is_pressure(
    text: str, language: str
) -> None:
    assert "pressure_to_change" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We are still waiting for you to update your review, as agreed on the phone.", "en"),
        ("Seguimos esperando que corrija su reseña, como acordamos.", "es"),
        ("Nous attendons toujours que vous corrigiez votre avis, comme convenu.", "fr"),
        ("Aspettiamo ancora che corregga la sua recensione, come concordato.", "it"),
        ("Continuamos à espera de que corrija a sua avaliação, como combinado.", "pt"),
        ("We wachten nog steeds tot u uw review corrigeert, zoals afgesproken.", "nl"),
        ("Wciąż czekamy, aż poprawi Pani swoją opinię, tak jak ustaliliśmy.", "pl"),
    ],
)
def test_still_waiting_for_the_review_to_be_corrected_is_pressure(text: str, language: str) -> None:
    assert "pressure_to_change" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "This is the third time we have replied to you about the warranty, and we're glad "
            "it's sorted now.",
            "en",
        ),
        (
            "Bookings dropped during the roadworks, which is why the terrace was closed. Sorry "
            "for the noise.",
            "en",
        ),
        (
            "Sales have dropped this winter, so we are trying new dishes. Thanks for your review!",
            "en",
        ),
        ("We are still waiting for the courier to update the tracking; we'll let you know.", "en"),
        (
            "Merci pour votre avis. Nos ventes ont baissé cet hiver, alors nous testons une "
            "nouvelle carte.",
            "fr",
        ),
        ("Nous attendons toujours que le transporteur mette à jour le suivi.", "fr"),
        ("Seguimos esperando que el proveedor nos envíe las piezas.", "es"),
        ("Wir warten immer noch darauf, dass der Hersteller das Ersatzteil liefert.", "de"),
        ("Aspettiamo ancora che il corriere aggiorni la spedizione.", "it"),
        ("Continuamos à espera de que o fornecedor envie a peça.", "pt"),
        ("We wachten nog steeds tot de leverancier het onderdeel stuurt.", "nl"),
        ("Sie waren schon zum dritten Mal bei uns, danke für Ihre Treue und Ihre Bewertung!", "de"),
    ],
)
def test_replies_lost_sales_or_waiting_for_someone_else_press_no_one(
    text: str, language: str
) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Happy guests help us a lot with a review on Google. Not happy? Send us a private "
            "message and we'll fix it.",
            "en",
        ),
        (
            "Zufriedene Gäste helfen uns sehr mit einer Bewertung auf Google. Nicht zufrieden? "
            "Schreiben Sie uns lieber direkt.",
            "de",
        ),
        (
            "Los clientes satisfechos nos ayudan mucho con una reseña en Google. ¿No quedó "
            "satisfecho? Escríbanos por privado.",
            "es",
        ),
        (
            "Les clients satisfaits nous aident beaucoup avec un avis sur Google. Pas "
            "satisfait ? Écrivez-nous plutôt en privé.",
            "fr",
        ),
        (
            "Tevreden gasten helpen ons enorm met een review op Google. Niet tevreden? Stuur "
            "ons dan een privébericht.",
            "nl",
        ),
        (
            "I clienti soddisfatti ci aiutano molto con una recensione su Google. Non è "
            "soddisfatto? Ci scriva in privato.",
            "it",
        ),
        (
            "Clientes satisfeitos ajudam-nos muito com uma avaliação no Google. Não ficou "
            "satisfeito? Fale connosco em privado.",
            "pt",
        ),
        (
            "Zadowoleni klienci bardzo nam pomagają opinią w Google. Niezadowolony? Proszę "
            "napisać do nas prywatnie.",
            "pl",
        ),
        (
            "Apmierināti klienti mums ļoti palīdz ar atsauksmi Google. Neesat apmierināts? "
            "Rakstiet mums privāti.",
            "lv",
        ),
        ("满意的顾客在大众点评给个评价对我们帮助很大。不满意？请私信我们。", "zh"),
        (
            "Obrigado! Se você gostou, deixe sua avaliação no Google. Se você não gostou, "
            "chame a gente no WhatsApp.",
            "pt",
        ),
        (
            "Paldies! Ja jums patika, atstājiet atsauksmi Google. Ja nepatika, vispirms "
            "uzrakstiet mums WhatsApp.",
            "lv",
        ),
    ],
)
def test_the_satisfied_asked_for_a_review_and_a_not_satisfied_question_sent_elsewhere_is_gating(
    text: str, language: str
) -> None:
    assert "review_gating" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "If you're ever not fully happy, please skip the review form and reply to our "
            "email instead.",
            "en",
        ),
        (
            "Wenn Sie einmal nicht ganz zufrieden sind, bitte die Bewertung einfach "
            "überspringen und uns direkt schreiben.",
            "de",
        ),
        ("Si alguna vez no queda satisfecho, sáltese la reseña y escríbanos directamente.", "es"),
        (
            "Si vous n'êtes pas entièrement satisfait, passez l'avis et écrivez-nous directement.",
            "fr",
        ),
        ("Se non è del tutto soddisfatto, salti la recensione e ci scriva direttamente.", "it"),
        ("Se não ficar totalmente satisfeito, pule a avaliação e escreva-nos diretamente.", "pt"),
        ("Bent u niet helemaal tevreden, sla de review dan over en mail ons direct.", "nl"),
        (
            "Jeśli nie jest Pani w pełni zadowolona, proszę pominąć opinię i napisać do nas.",
            "pl",
        ),
        ("Ja neesat pilnībā apmierināts, izlaidiet atsauksmi un rakstiet mums tieši.", "lv"),
        ("如果不太满意，请跳过评价，直接联系我们。", "zh"),
    ],
)
def test_the_unhappy_told_to_skip_the_review_is_gating(text: str, language: str) -> None:
    assert "review_gating" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Happy guests make our day. Not happy with the wait? We understand, and we've "
            "added staff.",
            "en",
        ),
        ("If you're not happy with the fit, skip the queue and use our free returns label.", "en"),
        (
            "Feel free to skip the review form if you're short on time; we're just glad you "
            "liked it.",
            "en",
        ),
        ("Niet tevreden? Dat begrijpen we. Uw review helpt ons verbeteren.", "nl"),
        (
            "Se você gostou do bolo, a receita é da avó Maria. Se não gostou, conte para nós o "
            "que faltou.",
            "pt",
        ),
        ("Nicht zufrieden? Das verstehen wir gut, und wir haben die Küche umgestellt.", "de"),
    ],
)
def test_a_not_satisfied_question_or_a_skipped_queue_alone_is_no_gating(
    text: str, language: str
) -> None:
    assert "review_gating" not in _rules(text, language)
