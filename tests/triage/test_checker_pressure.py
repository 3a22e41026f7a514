"""Pressure on the reviewer over the review: contact repeated about it, the review said to be
still up after the problem was settled, then a demand, a deadline or "for the last time"; a
change the seller trusts will come. And the near misses: contact repeated about a refund or a
replacement, with a date, presses no one (own wordings, not corpus replies)."""

from __future__ import annotations

import pytest

from reviewwatch.triage.checker import check_reply


def _blocks(text: str, language: str, platform: str) -> set[str]:
    result = check_reply(text, platform=platform, language=language)
    return {finding.rule for finding in result.findings if finding.severity == "block"}


@pytest.mark.parametrize(
    ("text", "language", "platform"),
    [
        (
            "We've now reached out three times about this review and still haven't heard back "
            "from you. We'd really like this settled this week.",
            "en",
            "google_business",
        ),
        (
            "We sorted out the refund on Monday, so we're still waiting for the review to "
            "reflect that. Please let us know when that's done.",
            "en",
            "generic",
        ),
        (
            "The bug was fixed in version 4.2. We trust you'll now reconsider what you wrote "
            "here, as we agreed on the phone.",
            "en",
            "google_play",
        ),
        (
            "Wir haben Sie bereits mehrfach kontaktiert. Ihre Bewertung schadet unserem "
            "kleinen Betrieb enorm, und wir erwarten, dass Sie das bis Freitag klären.",
            "de",
            "google_business",
        ),
        (
            "Das Problem ist seit Wochen gelöst, trotzdem steht Ihr Text immer noch so da. Wir "
            "bitten Sie zum letzten Mal, das zu berichtigen.",
            "de",
            "trustpilot",
        ),
        (
            "Nous vous avons écrit à plusieurs reprises à propos de cet avis, sans réponse. "
            "Nous comptons sur vous pour faire le nécessaire rapidement.",
            "fr",
            "google_business",
        ),
        (
            "Ya le hemos escrito tres veces sobre esta reseña. Le agradeceríamos que lo "
            "solucionara antes del viernes.",
            "es",
            "google_business",
        ),
        (
            "El problema quedó resuelto hace semanas y su opinión sigue ahí igual. Esperamos "
            "que actúe en consecuencia cuanto antes.",
            "es",
            "generic",
        ),
        (
            "Le abbiamo scritto più volte riguardo a questa recensione senza ricevere "
            "risposta. Contiamo su di lei per sistemare la cosa entro la settimana.",
            "it",
            "google_business",
        ),
        (
            "We hebben u al drie keer benaderd over deze recensie. We rekenen erop dat u dit "
            "deze week rechtzet.",
            "nl",
            "google_business",
        ),
        (
            "Het probleem is al weken opgelost, maar uw tekst staat er nog steeds. We vragen u "
            "voor de laatste keer om dit aan te passen.",
            "nl",
            "generic",
        ),
        (
            "Já entrámos em contacto três vezes por causa desta avaliação. Contamos consigo "
            "para resolver isto até sexta-feira.",
            "pt",
            "google_business",
        ),
        (
            "Kontaktowaliśmy się z Panem już trzy razy w sprawie tej opinii. Liczymy, że do "
            "piątku to Pan poprawi.",
            "pl",
            "google_business",
        ),
        (
            "Problem został rozwiązany tydzień temu, a Pana opinia nadal wisi bez zmian. "
            "Prosimy po raz ostatni o jej korektę.",
            "pl",
            "generic",
        ),
        ("我们已经就这条评价联系您三次了，问题也早已解决。希望您本周内处理一下。", "zh", "generic"),
        (
            "您的评价严重影响了我们小店的生意，问题已经解决了，请您尽快处理这条评价。",
            "zh",
            "taobao",
        ),
        (
            "Mēs jau trīs reizes esam sazinājušies ar jums par šo atsauksmi. Ceram, ka līdz "
            "piektdienai to sakārtosiet.",
            "lv",
            "google_business",
        ),
        (
            "Problēma ir atrisināta jau pirms nedēļas, bet jūsu atsauksme joprojām ir tāda "
            "pati. Lūdzam pēdējo reizi to izlabot.",
            "lv",
            "generic",
        ),
    ],
)
def test_pressure_over_the_review_is_blocked(text: str, language: str, platform: str) -> None:
    # Some also ask outright for the change, which blocks as well.
    assert _blocks(text, language, platform) & {"pressure_to_change", "ask_change_review"}


@pytest.mark.parametrize(
    ("text", "language", "platform"),
    [
        (
            "We're sorry the order was late. We've contacted you by message with the tracking "
            "details and a full refund has been issued.",
            "en",
            "google_business",
        ),
        (
            "Thank you for telling us. We reached out twice by message to arrange the "
            "replacement; if it hasn't arrived by Friday, reply there and we'll chase it.",
            "en",
            "trustpilot",
        ),
        (
            "Es tut uns leid. Wir haben Sie bereits per Nachricht kontaktiert, die Erstattung "
            "ist unterwegs und sollte bis Freitag auf Ihrem Konto sein.",
            "de",
            "google_business",
        ),
        (
            "Nous sommes désolés. Nous vous avons écrit deux fois pour organiser l'échange ; "
            "la nouvelle pièce part vendredi.",
            "fr",
            "trustpilot",
        ),
        (
            "Lo sentimos mucho. Le hemos escrito por mensaje; el reembolso estará en su cuenta "
            "antes del viernes.",
            "es",
            "google_business",
        ),
        (
            "Ci dispiace molto. Le abbiamo scritto più volte per organizzare la sostituzione: "
            "il pacco parte venerdì.",
            "it",
            "google_business",
        ),
        (
            "Het spijt ons. We hebben u twee keer een bericht gestuurd over de vervanging; die "
            "wordt vrijdag verzonden.",
            "nl",
            "google_business",
        ),
        ("非常抱歉给您带来不便。我们已经联系您三次安排换货，新的商品周五发出。", "zh", "taobao"),
    ],
)
def test_contact_repeated_about_a_remedy_presses_no_one(
    text: str, language: str, platform: str
) -> None:
    assert not _blocks(text, language, platform)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Contact repeated, the settled problem, the one star driving customers away, then a
        # demand: action expected by a day, "faire le nécessaire", "coś z tym zrobi".
        (
            "We've sent you three messages already. The repair was done weeks ago, yet that one "
            "star keeps driving customers away. We expect action from you by Friday.",
            "en",
        ),
        (
            "Wir haben Ihnen schon dreimal geschrieben. Die Reparatur ist längst erledigt, aber "
            "der eine Stern schreckt weiter Kunden ab. Wir erwarten bis Freitag, dass Sie etwas "
            "unternehmen.",
            "de",
        ),
        (
            "Nous vous avons écrit à plusieurs reprises. La réparation est faite depuis "
            "longtemps, mais cette étoile continue de faire fuir nos clients ; nous comptons sur "
            "vous pour faire le nécessaire.",
            "fr",
        ),
        (
            "Le hemos escrito tres veces. La reparación está hecha hace semanas, pero esa "
            "estrella sigue espantando clientes. Esperamos que haga algo antes del viernes.",
            "es",
        ),
        (
            "Le abbiamo scritto tre volte. La riparazione è fatta da settimane, ma quella stella "
            "continua ad allontanare i clienti. Contiamo su di lei entro venerdì.",
            "it",
        ),
        (
            "We hebben u al drie keer gemaild. De reparatie is al weken klaar, maar die ene ster "
            "schrikt nog steeds klanten af. We rekenen erop dat u voor vrijdag iets doet.",
            "nl",
        ),
        (
            "Já mandámos quatro e-mails sem resposta. A reparação foi feita há semanas e esta "
            "estrela está a prejudicar muito o nosso restaurante. Esperamos uma atitude sua até "
            "segunda.",
            "pt",
        ),
        (
            "Jedna taka ocena potrafi zrujnować małą piekarnię. Zrobiliśmy, o co Pan prosił, i "
            "liczymy, że Pan teraz coś z tym zrobi.",
            "pl",
        ),
        (
            "Esam jums zvanījuši jau četras reizes. Remonts sen pabeigts, bet šī zvaigzne "
            "joprojām atbaida klientus. Gaidām jūsu rīcību līdz pirmdienai.",
            "lv",
        ),
        ("我们已经第三次联系您了。问题早就解决了，这一颗星一直在吓跑顾客，请您周五前处理。", "zh"),
    ],
)
def test_repeated_contact_a_review_s_harm_and_a_demand_press(text: str, language: str) -> None:
    assert "pressure_to_change" in _blocks(text, language, "generic"), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The same words about an exchange, a refund or a delivery, or the seller's own act.
        (
            "Nous vous avons écrit à plusieurs reprises pour organiser l'échange ; nous comptons "
            "sur vous pour nous renvoyer l'article.",
            "fr",
        ),
        ("Esam jums zvanījuši jau trīs reizes par piegādi. Kurjers ieradīsies pirmdien.", "lv"),
        ("Liczymy, że Pan jeszcze nas odwiedzi. Zrobiliśmy wszystko, o co Pan prosił.", "pl"),
        (
            "A obra na rua está a prejudicar muito o nosso restaurante, por isso mudámos a "
            "entrada. Esperamos vê-lo em breve.",
            "pt",
        ),
        (
            "Le chantier devant la porte a pu faire fuir quelques clients, nous en sommes désolés.",
            "fr",
        ),
        (
            "Merci pour votre avis, nous allons faire le nécessaire pour vous rembourser "
            "rapidement.",
            "fr",
        ),
        (
            "Merci pour votre commentaire. Nous avons fait le nécessaire auprès du transporteur "
            "et un avoir vous attend.",
            "fr",
        ),
        (
            "Votre avis nous a aidés : l'équipe a fait le nécessaire et le remboursement est "
            "parti.",
            "fr",
        ),
        ("Dziękujemy za opinię, na pewno coś z tym zrobimy i zwrócimy pieniądze.", "pl"),
        (
            "Obrigado pela avaliação. Agradecemos a atitude sua de nos avisar; o reembolso já foi "
            "feito.",
            "pt",
        ),
        (
            "Paldies par atsauksmi. Jūsu rīcība palīdzēja mums atrast kļūdu, un naudu atmaksājām.",
            "lv",
        ),
        ("Já mandámos três e-mails com o número de rastreio. A encomenda chega segunda.", "pt"),
    ],
)
def test_the_same_words_about_a_remedy_press_no_one(text: str, language: str) -> None:
    assert not _blocks(text, language, "generic"), text


@pytest.mark.parametrize(
    ("text", "language", "platform"),
    [
        (
            "As a family business, a review like this can genuinely cost us our livelihood. "
            "We hope you'll think about the impact your words are having on our staff.",
            "en",
            "trustpilot",
        ),
        (
            "Votre commentaire met en danger une petite entreprise familiale. Nous espérons "
            "que vous mesurez les conséquences de vos mots.",
            "fr",
            "trustpilot",
        ),
        (
            "Il suo commento sta danneggiando seriamente la nostra piccola attività. Ci "
            "aspettiamo che ne tenga conto, visto che il problema è stato risolto.",
            "it",
            "trustpilot",
        ),
        (
            "A sua avaliação está a prejudicar muito um pequeno negócio familiar. Esperamos "
            "que pense nas consequências, agora que o problema foi resolvido.",
            "pt",
            "trustpilot",
        ),
        (
            "Diese Bewertung schadet unserem kleinen Betrieb sehr. Bitte denken Sie an die "
            "Folgen für unsere Mitarbeiter.",
            "de",
            "google_business",
        ),
        (
            "这条差评严重影响了我们小店的生意，希望您将心比心。",
            "zh",
            "generic",
        ),
    ],
)
def test_the_reviews_cost_then_an_appeal_to_weigh_it_is_pressure(
    text: str, language: str, platform: str
) -> None:
    assert "pressure_to_change" in _blocks(text, language, platform)


@pytest.mark.parametrize(
    ("text", "language", "platform"),
    [
        # An appeal with no harm of the review told: advice to the reviewer.
        (
            "Please think about the consequences for your skin and stop using the cream; "
            "we have refunded your order.",
            "en",
            "google_business",
        ),
        # The review's cost told, and nothing asked of the reviewer.
        (
            "Reviews like this one hurt a small business, and we understand why you wrote "
            "it. Your refund went out this morning.",
            "en",
            "google_business",
        ),
        (
            "Nous avons mesuré les conséquences du retard pour votre mariage et remboursé "
            "la livraison.",
            "fr",
            "trustpilot",
        ),
    ],
)
def test_an_appeal_without_the_reviews_cost_presses_no_one(
    text: str, language: str, platform: str
) -> None:
    assert "pressure_to_change" not in _blocks(text, language, platform)
