"""Good replies that use the words of a violation in an allowed way (the fault denied to the
reviewer, a third party's lapse, the seller's own lawyer, the reviewer's right to complain,
a change the reviewer made alone, a scam in the seller's name ...), each beside a near twin
that must stay blocked, so that no guard swallows the violation it stands next to."""

from __future__ import annotations

import pytest

from reviewwatch.triage.checker import check_reply


def _rules(text: str, language: str) -> set[str]:
    result = check_reply(text, platform="generic", language=language)
    return {finding.rule for finding in result.findings if finding.severity == "block"}


# ---- blame: the fault denied to the reviewer, or named as someone else's ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The reviewer's fault denied with the language's own negation.
        ("Kavēšanās nebija Jūsu vaina, to nokavējām mēs.", "lv"),
        ("这是我们系统的问题，并非您操作不当。", "zh"),
        ("U heeft niks verkeerd gedaan bij het aansluiten.", "nl"),
        # A third party named as the one who did not check.
        ("Você não fez nada de errado: o técnico não verificou a peça antes da entrega.", "pt"),
        ("Usted no hizo nada mal: el técnico no revisó la pieza antes de instalarla.", "es"),
        ("You did nothing wrong: the courier didn't check the house number.", "en"),
        ("Lei non ha sbagliato nulla: il tecnico non ha controllato il filtro.", "it"),
        # The seller was the one who should have checked.
        ("Izmērus vajadzēja pārbaudīt mums, nevis Jums.", "lv"),
    ],
)
def test_fault_denied_or_someone_elses_stays_allowed(text: str, language: str) -> None:
    assert "blame_customer" not in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kavēšanās bija Jūsu vaina.", "lv"),
        ("这是您操作不当造成的。", "zh"),
        ("U heeft het verkeerd aangesloten.", "nl"),
        ("A senhora não verificou o tamanho antes de encomendar.", "pt"),
        ("Usted no revisó la pieza antes de instalarla.", "es"),
        ("You didn't check the house number.", "en"),
        ("Lei non ha controllato il filtro.", "it"),
        ("Izmērus vajadzēja pārbaudīt Jums, nevis mums.", "lv"),
        # The reviewer named in the third person is no third party.
        ("El cliente no revisó las medidas antes de pedir.", "es"),
        ("Jums vajadzēja pārbaudīt izmērus.", "lv"),
    ],
)
def test_fault_put_on_the_reviewer_is_still_blocked(text: str, language: str) -> None:
    assert "blame_customer" in _rules(text, language), text


# ---- accusation: the reviewer as the victim of a scam in the seller's name ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The swindlers the reviewer fell victim to are not the reviewer.
        ("Sie sind Opfer von Betrügern geworden, das tut uns leid.", "de"),
        ("Usted fue víctima de una estafa, y lo sentimos mucho.", "es"),
        ("Vous avez été victime d'une escroquerie, nous en sommes désolés.", "fr"),
        ("U bent slachtoffer van oplichters geworden.", "nl"),
        ("Lei è stata vittima di truffatori.", "it"),
        ("Padła Pani ofiarą oszustów, bardzo nam przykro.", "pl"),
        # A scam in the seller's name, disowned by the seller.
        ("有人冒充本店客服让顾客转账，这是诈骗，和本店没有任何关系。", "zh"),
        (
            "Ein Fake-Shop benutzt unsere Fotos. Das ist Betrug, wir haben mit dieser Seite "
            "nichts zu tun.",
            "de",
        ),
        (
            "Er is een nepsite met onze naam; dat is oplichting en we hebben er niets mee te "
            "maken.",
            "nl",
        ),
    ],
)
def test_scam_the_reviewer_suffered_stays_allowed(text: str, language: str) -> None:
    assert not _rules(text, language) & {"accusation", "threat_or_insult"}, text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Sie sind ein Betrüger.", "de"),
        ("U bent een oplichter.", "nl"),
        ("Lei è un truffatore.", "it"),
        ("Jest Pani oszustką.", "pl"),
        ("您这是诈骗，想骗退款。", "zh"),
        ("Ihre Bewertung ist Betrug.", "de"),
        ("Uw recensie is bedrog.", "nl"),
    ],
)
def test_calling_the_reviewer_a_swindler_is_still_blocked(text: str, language: str) -> None:
    assert _rules(text, language) & {"accusation", "threat_or_insult"}, text


# ---- threats: the reviewer's right to recourse, and the seller's lawyer on its own terms ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Recourse the reviewer is told is theirs by right.
        (
            "You're entitled to take this to the small claims court, though we hope to settle "
            "it first.",
            "en",
        ),
        ("Dass Sie einen Anwalt einschalten wollen, verstehe ich, das ist Ihr gutes Recht.", "de"),
        ("Tiene todo el derecho a acudir a un abogado, lo entendemos.", "es"),
        ("Vous avez tout à fait le droit de saisir le tribunal, et nous le comprenons.", "fr"),
        ("Ha tutto il diritto di rivolgersi a un avvocato.", "it"),
        ("Você tem todo o direito de procurar um advogado.", "pt"),
        ("U hebt het volste recht om naar de rechter te stappen.", "nl"),
        ("Ma Pani pełne prawo skierować sprawę do sądu.", "pl"),
        ("Jums ir visas tiesības vērsties tiesā.", "lv"),
        ("您有权向法院起诉，我们理解。", "zh"),
        # The seller's lawyer checking its own clause or handling a claim for the reviewer.
        (
            "Our lawyer checked the cancellation clause and agreed it was unclear, so we "
            "refunded you.",
            "en",
        ),
        ("Our insurer and our lawyer are handling the repair claim for you.", "en"),
        ("Unser Anwalt hat die Klausel geprüft und bestätigt, dass sie unklar war.", "de"),
        ("Nuestro abogado revisó la cláusula y nos dio la razón a usted.", "es"),
        (
            "Il nostro avvocato ha controllato la clausola e ha confermato che era scritta male.",
            "it",
        ),
        (
            "Nosso advogado revisou a cláusula de cancelamento e concordou que não estava clara.",
            "pt",
        ),
    ],
)
def test_recourse_by_right_and_the_sellers_own_lawyer_stay_allowed(
    text: str, language: str
) -> None:
    assert "threat_or_insult" not in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("You have every right to complain, and we have every right to take you to court.", "en"),
        ("You're entitled to your opinion, but our lawyer will be in touch.", "en"),
        ("You're so entitled.", "en"),
        ("Our lawyer has looked at your review and the clause you quoted; expect a letter.", "en"),
        ("Our lawyer is handling this.", "en"),
        ("Das ist Ihr gutes Recht, aber unser Anwalt meldet sich bei Ihnen.", "de"),
        ("Unser Anwalt prüft Ihre Bewertung.", "de"),
        (
            "Tiene todo el derecho a opinar, pero nuestro abogado se pondrá en contacto con usted.",
            "es",
        ),
        ("Nuestro abogado ya está revisando su reseña.", "es"),
        (
            "Vous avez le droit de donner votre avis, mais nous porterons plainte contre vous.",
            "fr",
        ),
        ("Il nostro avvocato sta valutando la sua recensione.", "it"),
        ("Nosso advogado vai analisar a sua avaliação.", "pt"),
        ("U hebt het recht om te klagen, maar wij stappen naar de rechter.", "nl"),
        ("我们会起诉您。", "zh"),
    ],
)
def test_the_sellers_legal_threat_is_still_blocked(text: str, language: str) -> None:
    assert "threat_or_insult" in _rules(text, language), text


# ---- gating: a change the reviewer made alone, an ask reported to be condemned, and
# "instead of" with no post after it ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The seller saw the reviewer change the review: nothing is asked.
        ("Wir sehen, dass Sie Ihre Bewertung geändert haben; das war nicht nötig.", "de"),
        ("Vemos que ha cambiado la valoración; no hacía falta.", "es"),
        ("Nous voyons que vous avez modifié votre avis, ce n'était pas nécessaire.", "fr"),
        ("Vediamo che ha modificato la recensione, non era necessario.", "it"),
        ("Vimos que alterou a avaliação, não era preciso.", "pt"),
        ("We zien dat u uw recensie hebt bijgewerkt, dat was niet nodig.", "nl"),
        ("Widzimy, że zmienił Pan ocenę, nie było takiej potrzeby.", "pl"),
        ("Redzam, ka esat mainījis vērtējumu.", "lv"),
        ("看到您已经修改了评价，其实不必这样。", "zh"),
        ("Abbiamo letto che ha cambiato le stelle dopo la telefonata: non era necessario.", "it"),
        ("We read that you have updated your review, which was kind but not needed.", "en"),
        ("Wir haben gelesen, dass Sie Ihre Bewertung angepasst haben; das war nicht nötig.", "de"),
        # Thanks for a change already made, beside a remedy given.
        ("Dank dat u uw recensie hebt bijgewerkt. De bezorgkosten hebben we terugbetaald.", "nl"),
        # An ask by the seller's staff, reported only to be condemned.
        (
            "One of our drivers asked you to delete your review: that should never have happened.",
            "en",
        ),
        ("Uno de nuestros operarios le pidió que quitara la reseña: eso no debió pasar.", "es"),
        ("Mūsu administrators lūdza Jūs izdzēst atsauksmi: tā nedrīkstēja notikt.", "lv"),
        (
            "Ein Mitarbeiter hat Sie gebeten, die Bewertung zu löschen: das hätte nie passieren "
            "dürfen.",
            "de",
        ),
        (
            "Un employé vous a demandé de supprimer votre avis : cela n'aurait jamais dû arriver.",
            "fr",
        ),
        ("Um funcionário pediu-lhe que apagasse a avaliação: isso não devia ter acontecido.", "pt"),
        ("Een medewerker vroeg u de recensie te verwijderen: dat had nooit mogen gebeuren.", "nl"),
        ("我们的店员让您删除评价，这不应该发生。", "zh"),
    ],
)
def test_a_change_seen_or_an_ask_condemned_stays_allowed(text: str, language: str) -> None:
    assert not _rules(text, language) & {
        "ask_change_review",
        "ask_positive_rating",
        "incentive_for_review",
    }, text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The seen change rewarded, or followed by an ask.
        ("We see you have updated your review. Here is a 10% coupon for your next order.", "en"),
        ("Vemos que ha cambiado la valoración, ¿podría subirla a cinco estrellas?", "es"),
        ("Redzam, ka neesat mainījis vērtējumu, lūdzu, izdariet to.", "lv"),
        ("Abbiamo letto che ha cambiato le stelle: potrebbe metterne cinque?", "it"),
        ("We read that you have updated your review; here is a voucher for your next visit.", "en"),
        ("看到您还没修改评价，请尽快修改。", "zh"),
        # The ask made now, beside the same condemnation.
        ("Please delete your review, that should never have happened.", "en"),
        ("Por favor, quite la reseña: eso no debió pasar.", "es"),
        ("Por favor, apague a avaliação: isso não devia ter acontecido.", "pt"),
        ("Verwijder de recensie alstublieft, dat had nooit mogen gebeuren.", "nl"),
        ("Lūdzu, izdzēsiet atsauksmi, tā nedrīkstēja notikt.", "lv"),
    ],
)
def test_a_change_asked_for_is_still_blocked(text: str, language: str) -> None:
    assert _rules(text, language) & {
        "ask_change_review",
        "ask_positive_rating",
        "incentive_for_review",
    }, text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nous aurions dû vous prévenir au lieu de vous laisser le découvrir sur place.", "fr"),
        ("De levering kwam om 14:00 in plaats van 10:00, dat is onze fout.", "nl"),
        ("The parcel came on Friday in place of Tuesday, which is on us.", "en"),
    ],
)
def test_instead_of_with_no_post_stays_allowed(text: str, language: str) -> None:
    assert "review_gating" not in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Au lieu de laisser un avis, appelez-nous.", "fr"),
        ("Plutôt que de laisser une note ici, écrivez-nous.", "fr"),
        ("Bel ons in plaats van een recensie te plaatsen.", "nl"),
        ("Neem contact op in plaats van hier te klagen.", "nl"),
        ("Call us in place of posting a review.", "en"),
    ],
)
def test_instead_of_posting_is_still_blocked(text: str, language: str) -> None:
    assert "review_gating" in _rules(text, language), text


# ---- incentive: a permission once the problem is solved, beside a remedy delivered ----


def _feedback_rules(text: str, language: str) -> set[str]:
    """Blocking rules where the reviewer may be told they can update their feedback."""
    result = check_reply(text, platform="amazon_feedback", language=language)
    return {finding.rule for finding in result.findings if finding.severity == "block"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The replacement kettle has arrived and works. Now that it's sorted, you're able "
            "to update your feedback if you wish.",
            "en",
        ),
        (
            "Der Ersatzakku ist angekommen. Jetzt, wo alles geklärt ist, können Sie Ihre "
            "Bewertung aktualisieren.",
            "de",
        ),
        (
            "Der Ersatzakku ist angekommen. Falls alles geklärt ist: Sie haben die Möglichkeit, "
            "Ihre Bewertung zu aktualisieren.",
            "de",
        ),
        (
            "El reembolso ya está hecho. Ahora que está resuelto, puede actualizar su "
            "valoración si lo desea.",
            "es",
        ),
        (
            "Le remboursement est déjà parti. Maintenant que c'est réglé, vous pouvez modifier "
            "votre avis si vous le souhaitez.",
            "fr",
        ),
        (
            "Il rimborso è già partito. Ora che è tutto risolto, può aggiornare la recensione "
            "se vuole.",
            "it",
        ),
        (
            "O reembolso já foi feito. Agora que está resolvido, pode atualizar a avaliação se "
            "quiser.",
            "pt",
        ),
    ],
)
def test_settled_permission_beside_a_delivered_remedy_stays_allowed(
    text: str, language: str
) -> None:
    assert "incentive_for_review" not in _feedback_rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The replacement kettle has arrived. Now that it's sorted, you're able to update "
            "your feedback, and we'll add a £10 voucher.",
            "en",
        ),
        (
            "Now that it's sorted, please update your feedback and we'll send you a £10 voucher.",
            "en",
        ),
        (
            "Falls alles geklärt ist: Sie haben die Möglichkeit, Ihre Bewertung zu "
            "aktualisieren, dafür gibt es einen Gutschein.",
            "de",
        ),
        (
            "Ahora que está resuelto, puede actualizar su valoración y le enviaremos un cupón "
            "de 10 €.",
            "es",
        ),
        (
            "Maintenant que c'est réglé, vous pouvez modifier votre avis et nous vous "
            "offrirons un bon d'achat.",
            "fr",
        ),
    ],
)
def test_settled_permission_with_an_offer_is_still_blocked(text: str, language: str) -> None:
    assert "incentive_for_review" in _feedback_rules(text, language), text


# ---- words of a review or a change in another sense: a fee, the mail, "suits you", a
# software release, a phone maker ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Beide Beiträge (je 34,90 €) sind zurücküberwiesen, und die Bestätigung bekommen "
            "Sie zusätzlich per Post.",
            "de",
        ),
        ("Your refund has gone through, and the receipt will come by post.", "en"),
        ("Danke für Ihre Bewertung. Rufen Sie einfach an, wann es Ihnen passt.", "de"),
        (
            "Danke für Ihre Bewertung. Kommen Sie vorbei, wie es Ihnen am besten passt, oder "
            "passt es Ihnen am Dienstag?",
            "de",
        ),
        ("Due stelle dopo che l'aggiornamento 3.0 le ha cancellato i preferiti sono poche.", "it"),
        (
            "Two stars after the 4.2 update wiped your saved lists is fair; 4.2.1 restores them.",
            "en",
        ),
        (
            "Dos estrellas después de que la actualización 3.0 borrara sus favoritos es "
            "comprensible.",
            "es",
        ),
        ("3.5 版在部分三星手機上會閃退，問題出在我們這邊，3.5.2 已修正。", "zh"),
        ("部分三星手机上的闪退已经在 2.3 版修复。", "zh"),
    ],
)
def test_other_senses_of_review_words_stay_allowed(text: str, language: str) -> None:
    assert not _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Löschen Sie Ihren Beitrag und Sie bekommen 10 € Rabatt.", "de"),
        ("Take down your post and you'll get a £10 voucher.", "en"),
        ("Ihre Bewertung ist unfair. Bitte passen Sie sie an, wann es Ihnen passt.", "de"),
        ("Ihre Bewertung stimmt nicht mehr. Könnten Sie sie anpassen?", "de"),
        (
            "Due stelle sono poche: dopo l'aggiornamento 3.0 potrebbe aggiornare la recensione?",
            "it",
        ),
        ("After the 4.2 update, could you update your two-star review?", "en"),
        ("能否把三星改成五星？", "zh"),
        ("您能把三星评价修改一下吗？", "zh"),
    ],
)
def test_the_review_sense_beside_them_is_still_blocked(text: str, language: str) -> None:
    assert _rules(text, language) & {
        "ask_change_review",
        "ask_positive_rating",
        "incentive_for_review",
    }, text


# ---- accusation: a rival's edge taken to heart, and "I tell you" ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Dutch "dat" opening a clause ("Dat de ...") is "that", not "that (story)".
        ("Dat de friet bij de zaak om de hoek krokanter is, nemen we ter harte.", "nl"),
        (
            "Dat de pizzeria verderop goedkoper is, begrijpen we, en we passen onze prijzen aan.",
            "nl",
        ),
        # Spanish "le cuento" is "I tell you", not "a tall tale".
        ("Le cuento lo que hemos hecho: le devolvimos la cuota.", "es"),
        ("Te cuento cómo lo hemos solucionado.", "es"),
    ],
)
def test_rival_taken_to_heart_and_telling_stay_allowed(text: str, language: str) -> None:
    assert "accusation" not in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("U werkt vast voor de zaak om de hoek, dat is duidelijk.", "nl"),
        ("Dat is een verzonnen verhaal van de concurrent.", "nl"),
        ("Dat de concurrent u heeft gestuurd, is duidelijk.", "nl"),
        ("Lo que usted escribe es un cuento.", "es"),
        ("Su reseña es puro cuento.", "es"),
    ],
)
def test_the_review_called_a_rivals_tale_is_still_blocked(text: str, language: str) -> None:
    assert "accusation" in _rules(text, language), text


# ---- blame called odd or unfair; "and not here" about where something happened ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("It would be odd to blame you for the courier delay, it was entirely our fault.", "en"),
        ("It would be unfair to blame you: the label was wrong.", "en"),
        ("Nobody could blame you for being upset.", "en"),
        ("Das ist in unserer anderen Filiale passiert und nicht hier.", "de"),
    ],
)
def test_blame_disclaimed_and_a_place_named_stay_allowed(text: str, language: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("We blame you for the damage.", "en", "blame_customer"),
        ("It is strange, but we have to blame you for the damage.", "en", "blame_customer"),
        ("Schreiben Sie uns bei Problemen direkt und nicht hier.", "de", "review_gating"),
        ("Beschweren Sie sich bei uns und nicht bei Google.", "de", "review_gating"),
    ],
)
def test_blame_and_complaints_sent_away_are_still_blocked(
    text: str, language: str, rule: str
) -> None:
    assert rule in _rules(text, language)


# ---- the seller's lawyer said to have no part in it ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Our lawyer has nothing to do with this: we simply want to understand what went wrong.",
            "en",
        ),
        (
            "Unser Anwalt hat damit nichts zu tun; wir möchten nur verstehen, was passiert ist.",
            "de",
        ),
        ("Nuestro abogado no tiene nada que ver con esto.", "es"),
        ("我们的律师与此无关，我们只想了解情况。", "zh"),
    ],
)
def test_a_lawyer_with_no_part_in_it_stays_allowed(text: str, language: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Our lawyer has nothing to do with this yet, but will if the review stays.", "en"),
        ("Unser Anwalt hat damit noch nichts zu tun.", "de"),
        ("我们的律师暂时与此无关。", "zh"),
        ("Our lawyer will be in touch about this review.", "en"),
    ],
)
def test_a_lawyer_held_in_reserve_still_threatens(text: str, language: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


def _rules_on(text: str, language: str, platform: str) -> set[str]:
    result = check_reply(text, platform=platform, language=language)
    return {finding.rule for finding in result.findings if finding.severity == "block"}


# ---- "it's possible to update the feedback" after a remedy given ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Glad the new kettle arrived safely. If you feel we have resolved the problem, it's "
            "possible to update or remove your feedback.",
            "en",
        ),
        (
            "The replacement has reached you. Once you're satisfied it's sorted, it's also "
            "possible to revise the feedback you left.",
            "en",
        ),
        (
            "Schön, dass der Ersatz angekommen ist. Wenn Sie finden, dass wir das Problem "
            "gelöst haben, ist es auch möglich, Ihr Feedback zu ändern oder zu entfernen.",
            "de",
        ),
        (
            "Le remplacement vous est bien parvenu. Si vous estimez que le problème est résolu, "
            "il est aussi possible de modifier votre évaluation.",
            "fr",
        ),
        (
            "Fijn dat de vervanging is aangekomen. Als u vindt dat het probleem is opgelost, is "
            "het ook mogelijk uw feedback aan te passen.",
            "nl",
        ),
        (
            "Priecājamies, ka rezerves daļa ir saņemta. Ja uzskatāt, ka problēma ir atrisināta, "
            "ir arī iespējams mainīt atsauksmi.",
            "lv",
        ),
    ],
)
def test_a_possible_update_after_a_remedy_given_stays_allowed(text: str, language: str) -> None:
    assert not _rules_on(text, language, "amazon_feedback"), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "We'll send a replacement charger today. Once it arrives, it's possible to update "
            "your feedback and we'll add a £10 voucher.",
            "en",
        ),
        ("It's possible to update your feedback, and if you do we'll refund the shipping.", "en"),
        (
            "Wir schicken Ihnen einen Gutschein über 10 €, sobald Sie Ihr Feedback ändern. Es "
            "ist auch möglich, es zu löschen.",
            "de",
        ),
    ],
)
def test_a_possible_update_tied_to_an_offer_is_still_blocked(text: str, language: str) -> None:
    assert "incentive_for_review" in _rules_on(text, language, "amazon_feedback"), text


# ---- "because you ask / mention it": the reason for an answer, not for a fault ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Weil Sie nach dem Preis fragen: Der Aufschlag kommt vom neuen Lieferanten.", "de"),
        ("Because you mention the delivery fee, here is how it works: it covers it.", "en"),
        ("Parce que vous en parlez : le supplément couvre la livraison le dimanche.", "fr"),
        (
            "Porque usted pregunta por el recargo, se lo explicamos: es la tarifa del domingo.",
            "es",
        ),
        ("Perché lei lo chiede, le spiego: il supplemento copre la consegna festiva.", "it"),
        ("Omdat u het noemt: de toeslag is voor bezorging op zondag.", "nl"),
        ("Porque você pergunta, explicamos: a taxa cobre a entrega ao domingo.", "pt"),
        ("Bo Pani o to pyta, wyjaśniamy: dopłata dotyczy dostawy w niedzielę.", "pl"),
        ("Jo jūs to jautājat, paskaidrojam: piemaksa ir par piegādi svētdienā.", "lv"),
        ("因为您提到了这一点，我们解释一下：附加费是周日配送的费用。", "zh"),
    ],
)
def test_because_you_ask_introduces_an_answer(text: str, language: str) -> None:
    assert "blame_customer" not in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("It broke because you dropped it.", "en"),
        ("Because you dropped it, it broke.", "en"),
        ("Das Gerät ist kaputt, weil Sie es fallen gelassen haben.", "de"),
        ("Es ging kaputt, weil Sie nicht nachgefragt haben.", "de"),
        ("Il est tombé en panne parce que vous l'avez mal branché.", "fr"),
    ],
)
def test_because_you_did_it_still_blames(text: str, language: str) -> None:
    assert "blame_customer" in _rules(text, language), text


# ---- a lawyer the reviewer thought of, or said they would take ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Capiamo che abbia contattato un avvocato.", "it"),
        ("Entendemos que haya acudido a un abogado.", "es"),
        ("Compreendemos que tenha pensado em recorrer a um advogado.", "pt"),
        ("We completely understand that you thought about going to a lawyer.", "en"),
        ("Nous comprenons que vous ayez pensé à consulter un avocat.", "fr"),
        ("We begrijpen dat u heeft overwogen een advocaat in te schakelen.", "nl"),
        ("Saprotam, ka apsvērāt vērsties pie jurista.", "lv"),
        ("我们理解您曾考虑找律师。", "zh"),
        ("您在评价里提到要找律师，我们理解。", "zh"),
        ("您在评论中说会起诉我们，我们理解您的心情。", "zh"),
    ],
)
def test_the_reviewers_own_legal_step_threatens_no_one(text: str, language: str) -> None:
    assert "threat_or_insult" not in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("您说要找律师，我们的律师会联系您。", "zh"),
        ("您在评价里提到要找律师，我们的律师也会联系您。", "zh"),
        ("我们考虑找律师处理您的差评。", "zh"),
        ("Abbiamo pensato di rivolgerci a un avvocato.", "it"),
        ("Nuestro equipo ha consultado a un abogado por su reseña.", "es"),
        ("Entendemos su enfado, pero ya hemos consultado a un abogado.", "es"),
        ("We have thought about going to a lawyer over this review.", "en"),
        ("We understand you thought about a lawyer. Our lawyer will contact you.", "en"),
        ("Nous avons pensé à consulter un avocat.", "fr"),
        ("We hebben overwogen een advocaat in te schakelen.", "nl"),
        ("Mēs apsvērām vērsties pie jurista.", "lv"),
        ("Jūs sazinājāties ar juristu, un mūsu jurists Jums atbildēs.", "lv"),
    ],
)
def test_the_sellers_own_legal_step_still_threatens(text: str, language: str) -> None:
    assert "threat_or_insult" in _rules(text, language), text


# ---- accusation: a counterfeit the reviewer was sent is no false review ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The watch you bought was a fake; we have refunded you and reported the seller.", "en"),
        (
            "Die Uhr, die Sie erhalten haben, war gefälscht. Wir haben Ihnen das Geld erstattet.",
            "de",
        ),
        (
            "El reloj que compró era falso; le devolvemos el dinero.",
            "es",
        ),
        ("Zegarek, który Pan otrzymał, był fałszywy. Zwróciliśmy pieniądze.", "pl"),
        ("Pulkstenis, ko saņēmāt, bija viltots. Naudu esam atmaksājuši.", "lv"),
        ("您收到的是假货，我们已经全额退款并举报了那家店。", "zh"),
        # The fraudulent listing or seller named beside the word.
        ("Abbiamo segnalato l'annuncio falso e le abbiamo rimborsato tutto.", "it"),
        ("Nous avons signalé la boutique frauduleuse et vous avons remboursé.", "fr"),
        ("We hebben de nep-verkoper gemeld en u het geld teruggestort.", "nl"),
    ],
)
def test_a_counterfeit_the_reviewer_received_accuses_no_one(text: str, language: str) -> None:
    assert "accusation" not in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The review you posted is fake.", "en"),
        ("You never bought anything here, this review is fake.", "en"),
        ("You received your order on time, so your story is fake.", "en"),
        ("You're lying: you received the parcel on Monday.", "en"),
        ("You received everything; you are a fake.", "en"),
        ("Usted recibió el pedido a tiempo, su reseña es falsa.", "es"),
        ("Sie haben die Ware erhalten, Ihre Bewertung ist gefälscht.", "de"),
        ("Você recebeu o pedido, a sua avaliação é falsa.", "pt"),
        ("Vous avez reçu votre colis, votre avis est faux.", "fr"),
        ("Otrzymał Pan paczkę, a opinia jest fałszywa.", "pl"),
        ("您收到货了，这条评价是假的。", "zh"),
        # "That" called fake is the reviewer's account.
        ("That's fake, you received the parcel.", "en"),
        ("To fałszywe, otrzymał Pan paczkę.", "pl"),
        ("Das ist gefälscht, Sie haben das Paket erhalten.", "de"),
    ],
)
def test_a_false_review_beside_a_delivery_is_still_an_accusation(text: str, language: str) -> None:
    assert "accusation" in _rules(text, language), text


# ---- empty: a filler alone says nothing ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("OK!", "en"),
        ("k", "en"),
        ("Noted. 👍", "en"),
        ("Alles klar.", "de"),
        ("Vale, visto.", "es"),
        ("C'est noté !", "fr"),
        ("Oké", "nl"),
        ("Preso nota.", "it"),
        ("Certo.", "pt"),
        ("Przyjęte.", "pl"),
        ("Skaidrs.", "lv"),
        ("好的👍", "zh"),
    ],
)
def test_a_filler_alone_is_an_empty_reply(text: str, language: str) -> None:
    assert "empty_reply" in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Thanks!", "en"),
        ("Refunded.", "en"),
        ("Ok, we've sent a new one.", "en"),
        ("Fine dining is our passion.", "en"),
        ("Danke!", "de"),
        ("Merci beaucoup !", "fr"),
        ("Dobra robota, dziękujemy!", "pl"),
        ("好的，已退款。", "zh"),
    ],
)
def test_a_real_short_answer_is_not_empty(text: str, language: str) -> None:
    assert "empty_reply" not in _rules(text, language), text


# ---- threats: a lawyer said not to be needed, the police called at the reviewer's request ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("There is no need for a lawyer; we have refunded you in full.", "en"),
        ("Einen Anwalt brauchen Sie dafür nicht, das Geld ist schon auf Ihrem Konto.", "de"),
        ("Un abogado no hace falta, ya le devolvimos todo.", "es"),
        ("Un avocat n'est pas nécessaire : tout vous a été remboursé.", "fr"),
        ("Een advocaat is niet nodig, het geld staat al op uw rekening.", "nl"),
        ("Um advogado não é necessário: já devolvemos tudo.", "pt"),
        ("Prawnik nie jest potrzebny, kaucja została już zwrócona.", "pl"),
        ("律师就不需要了，押金已经全额退回。", "zh"),
        ("We've passed the camera recordings to the police as you asked.", "en"),
        ("Abbiamo consegnato le registrazioni alla polizia, come ci ha chiesto.", "it"),
        ("Wir haben die Aufnahmen wie von Ihnen gewünscht an die Polizei übergeben.", "de"),
    ],
)
def test_a_needless_lawyer_or_police_at_the_reviewers_request_threatens_no_one(
    text: str, language: str
) -> None:
    assert "threat_or_insult" not in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We will report you to the police.", "en"),
        ("You will need a lawyer.", "en"),
        ("Sie werden einen Anwalt brauchen.", "de"),
        ("If you don't delete it, you will need a lawyer.", "en"),
        ("Our lawyer is not needed yet, but he is ready.", "en"),
        ("Delete this review, or you'll hear from our lawyer; no need to reply.", "en"),
        ("Si no borra la reseña, le denunciaremos a la policía, como ya le dijimos.", "es"),
    ],
)
def test_a_lawyer_or_the_police_held_over_the_reviewer_still_threatens(
    text: str, language: str
) -> None:
    assert "threat_or_insult" in _rules(text, language), text


# ---- incentive: a low rating the seller understands is acknowledged, not asked for ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("给差评我们能理解，已经为您全额退款。", "zh"),
        ("One star? We fully understand. Your refund has been processed.", "en"),
        ("Giving us one star is understandable; the refund has gone through.", "en"),
        ("Entendemos perfectamente las dos estrellas; ya le hemos devuelto el dinero.", "es"),
        ("Nous comprenons tout à fait les deux étoiles ; le remboursement est fait.", "fr"),
        ("Rozumiemy te dwie gwiazdki, zwrot został już wysłany.", "pl"),
    ],
)
def test_a_low_rating_understood_asks_for_nothing(text: str, language: str) -> None:
    assert not _rules(text, language) & {"incentive_for_review", "solicit_review"}, text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("给五星好评我们就退款，希望您理解。", "zh"),
        ("Give us five stars, we'd understand, and we will refund you.", "en"),
        ("给一星也行，删掉评论就退款。", "zh"),
        ("We understand the one star, but please remove it and we'll send a voucher.", "en"),
    ],
)
def test_a_rating_asked_for_beside_understanding_is_still_tied(text: str, language: str) -> None:
    assert "incentive_for_review" in _rules(text, language), text


# ---- a verb that only looks like leaving a review ----


@pytest.mark.parametrize(
    ("text", "blocked"),
    [
        # 留意 (watch out for) is no 留 (leave): a refund beside it is no incentive.
        ("我们会立即为您补发或退款。请留意我们通过Trustpilot发送的消息。", False),
        ("我们会为您全额退款。请留心查收我们在Yelp上发给您的私信。", False),
        # 留 a review with an offer beside it stays blocked.
        ("我们会为您全额退款。也请您在Trustpilot上留个评价。", True),
    ],
)
def test_watching_for_a_message_is_not_leaving_a_review(text: str, blocked: bool) -> None:
    assert ("incentive_for_review" in _rules(text, "zh")) is blocked, text


# ---- the reviewer's own lawyer, a law firm's own trade, and a negation "in no way" ----


def _amazon_rules(text: str, language: str) -> set[str]:
    result = check_reply(text, platform="amazon_feedback", language=language)
    return {finding.rule for finding in result.findings if finding.severity == "block"}


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        # The reviewer says they went to a lawyer: told back, it threatens no one.
        (
            "Caro cliente, ci scrive di essersi rivolto a un avvocato per la caparra: l'abbiamo "
            "già restituita.",
            "it",
            "threat_or_insult",
        ),
        (
            "Entendemos que a senhora tenha contactado um advogado; o valor já foi devolvido.",
            "pt",
            "threat_or_insult",
        ),
        ("您提到已经就押金的事咨询了律师，我们核实后已全额退还。", "zh", "threat_or_insult"),
        # A law firm speaking of its own trade, in that sentence.
        (
            "Als Kanzlei dürfen wir uns öffentlich nicht zu Mandaten äußern.",
            "de",
            "threat_or_insult",
        ),
        (
            "As a law firm we cannot discuss any client's file in public; please call our office.",
            "en",
            "threat_or_insult",
        ),
        # "In no way your fault" is no blame.
        (
            "Ce n'est en rien votre faute : notre terminal de paiement est tombé en panne.",
            "fr",
            "blame_customer",
        ),
        # Hoping to see the guest again is no ask to revise the review.
        (
            "Ci scusiamo per l'attesa. Speriamo di rivederla presto da noi.",
            "it",
            "ask_change_review",
        ),
        ("Saremo lieti di rivederla al nostro tavolo.", "it", "ask_change_review"),
        # A rating split between two things, told, asks for no five stars.
        (
            "Five stars for the rooms and three for breakfast sounds fair. We hope you'll stay "
            "with us again.",
            "en",
            "ask_positive_rating",
        ),
        # A voucher that should have worked is the complaint, not marketing.
        (
            "Der Gutscheincode aus dem Newsletter hätte an der Kasse funktionieren müssen; wir "
            "haben Ihnen die Differenz erstattet.",
            "de",
            "marketing",
        ),
        (
            "The promo code from our newsletter should have worked on sale items; we've refunded "
            "the difference.",
            "en",
            "marketing",
        ),
        # Our own waiter should have explained the price: the seller's fault, not the guest's.
        ("您说得对，点菜时我们的服务员应该事先说明价格。", "zh", "blame_customer"),
    ],
)
def test_round_16_misreadings_stay_allowed(text: str, language: str, rule: str) -> None:
    assert rule not in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        (
            "Caro cliente, ci rivolgeremo al nostro avvocato per la sua recensione.",
            "it",
            "threat_or_insult",
        ),
        ("Senhora, já contactámos um advogado e vamos processá-la.", "pt", "threat_or_insult"),
        ("我们已经就这条评论咨询了律师，等着收律师函吧。", "zh", "threat_or_insult"),
        (
            "Als Kanzlei werden wir rechtliche Schritte gegen Sie einleiten.",
            "de",
            "threat_or_insult",
        ),
        ("As a law firm, we will see you in court.", "en", "threat_or_insult"),
        ("Ce n'est en rien notre faute, c'est votre faute.", "fr", "blame_customer"),
        ("La preghiamo di rivederla, la sua recensione, al più presto.", "it", "ask_change_review"),
        ("Five stars for us, please!", "en", "ask_positive_rating"),
        ("Mit dem Gutscheincode HERBST15 sparen Sie 15 % auf alles.", "de", "marketing"),
        ("使用说明书上写得很清楚，是您没有按说明操作。", "zh", "blame_customer"),
    ],
)
def test_round_16_near_twins_stay_blocked(text: str, language: str, rule: str) -> None:
    assert rule in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language", "blocked"),
    [
        # Amazon allows one neutral note once the problem is solved: a replacement already sent
        # (even with a word on the old one) is no offer tied to it.
        (
            "Wir haben Ihnen gestern ein Ersatzgerät geschickt, das alte dürfen Sie "
            "behalten. Wenn Sie der Meinung sind, dass wir Ihr Anliegen gelöst haben, können "
            "Sie Ihre Bewertung aktualisieren oder entfernen.",
            "de",
            False,
        ),
        # A replacement promised for the change is still an incentive.
        (
            "Wir schicken Ihnen ein Ersatzgerät, sobald Sie Ihre Bewertung entfernt haben.",
            "de",
            True,
        ),
    ],
)
def test_amazon_neutral_note_after_a_replacement_sent(
    text: str, language: str, blocked: bool
) -> None:
    assert ("incentive_for_review" in _amazon_rules(text, language)) is blocked, text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A thing of the seller's left undone, said in the passive beside the guest's arrival:
        # the seller's failure, not the reviewer's neglect.
        (
            "Sie haben recht, der Pool war bei Ihrer Ankunft nicht gereinigt. Das darf nicht "
            "passieren.",
            "de",
        ),
        ("Vous avez raison, la salle n'avait pas été vérifiée avant votre venue.", "fr"),
        ("Vous avez raison : la piscine n'était pas nettoyée à votre arrivée.", "fr"),
        ("U heeft gelijk, de kamer was bij uw aankomst niet schoongemaakt.", "nl"),
        ("You're right, the pool was not cleaned before you arrived.", "en"),
        ("Tiene razón, la piscina no estaba limpia cuando usted llegó.", "es"),
        ("Ha ragione, la piscina non era stata pulita al suo arrivo.", "it"),
        ("Tem razão, a piscina não estava limpa quando chegou.", "pt"),
        # The reviewer's fault denied against the seller's own.
        ("C'est notre faute et non votre faute si le colis est reparti.", "fr"),
        ("Tā ir mūsu, nevis jūsu kļūda: apraksts bija neskaidrs.", "lv"),
        ("Tā ir mūsu kļūda, nevis jūsu kļūda.", "lv"),
        ("It's our mistake, not your mistake.", "en"),
        ("Das ist unser Fehler, nicht Ihr Fehler.", "de"),
        ("Es culpa nuestra, no culpa suya.", "es"),
        ("È colpa nostra, non colpa sua.", "it"),
        ("Dat is onze fout, niet uw fout.", "nl"),
        ("A culpa é nossa, não sua.", "pt"),
        ("To nasza wina, a nie Pani wina.", "pl"),
        ("这是我们的错，不是您的错。", "zh"),
        ("これは当社のミスであり、お客様のミスではありません。", "ja"),
    ],
)
def test_round_17_the_sellers_own_failure_is_no_blame(text: str, language: str) -> None:
    assert "blame_customer" not in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The reviewer as the agent of the neglect, or the neglect the reviewer's own.
        ("Die Anleitung wurde von Ihnen nicht gelesen.", "de"),
        ("Le filtre n'a pas été nettoyé par vous avant l'utilisation.", "fr"),
        ("Vous n'avez pas nettoyé le filtre.", "fr"),
        ("U heeft het filter niet schoongemaakt.", "nl"),
        ("Sie haben den Filter nicht gereinigt.", "de"),
        # The fault put on the reviewer, the seller's denied.
        ("C'est votre faute, pas la nôtre.", "fr"),
        ("Tā ir jūsu kļūda, nevis mūsu.", "lv"),
        ("La culpa es suya, no nuestra.", "es"),
        ("To Pana wina, nie nasza.", "pl"),
        ("It's your fault, not ours.", "en"),
    ],
)
def test_round_17_near_twins_still_blame(text: str, language: str) -> None:
    assert "blame_customer" in _rules(text, language), text
