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
