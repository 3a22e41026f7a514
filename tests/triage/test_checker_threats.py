"""Threats, insults and accusations the checker reads without a phrase list of whole
replies: customers "like you" said to be unwanted, mockery that needs no "you", exposing the
reviewer, the police over the review, and motives (revenge, blackmail, trolling) pinned on it;
and the near misses that stay allowed (praise for customers "like you", the seller's own
delay called ridiculous, the reviewer's own competitor or lawyer)."""

from __future__ import annotations

import pytest

from reviewwatch.triage.checker import check_parts, check_reply


def _rules(text: str, language: str) -> set[str]:
    result = check_reply(text, platform="generic", language=language)
    return {f.rule for f in result.findings if f.severity == "block"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "People like you we really don't need here. Try the place down the road."),
        ("de", "Kunden wie Sie wollen wir hier nicht."),
        ("fr", "Des clients comme vous, nous n'en avons pas besoin."),
        ("es", "A gente como usted no la necesitamos."),
        ("it", "Clienti come lei non ci servono."),
        ("pt", "Clientes como o senhor não nos fazem falta nenhuma."),
        ("pl", "Klientów takich jak Pan nie potrzebujemy."),
        ("nl", "Klanten zoals u hoeven we niet."),
        ("lv", "Tādus klientus kā jūs mums nevajag."),
        ("zh", "我们不需要你这样的顾客。"),
    ],
)
def test_customers_like_you_said_to_be_unwanted_are_an_insult(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Customers like you make our day, thank you for coming back."),
        ("en", "We don't want to lose customers like you, so the refund is on its way."),
        ("de", "Kunden wie Sie wollen wir nicht verlieren: Ihre Erstattung ist unterwegs."),
        ("es", "Para clientes como usted no hace falta reservar: siempre hay mesa."),
        ("es", "No queremos perder clientes como usted; le devolvemos el importe."),
        ("pl", "Klienci tacy jak Pan nie potrzebują rezerwacji."),
        ("nl", "Klanten zoals u willen we niet kwijt; de reparatie is gratis."),
        ("zh", "您这样的顾客不需要预约，随时欢迎光临。"),
    ],
)
def test_customers_like_you_in_praise_are_allowed(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "You clearly have plenty of free time on your hands."),
        ("en", "Such drivel is not worth an answer."),
        ("de", "Sie haben offenbar nichts Besseres zu tun."),
        ("es", "Qué berrinche por un café frío. Tiene usted mucho tiempo libre."),
        ("it", "Non perdiamo tempo con queste stupidaggini."),
        ("pl", "Nie będziemy komentować takich bzdur."),
        ("fr", "Encore un avis de mauvaise foi."),
    ],
)
def test_mockery_without_a_you_is_an_insult(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We're sorry about the ridiculous delay on our side; the courier is replaced."),
        ("pl", "Nasze opóźnienie było żałosne, przepraszamy."),
        ("fr", "Merci, notre gâteau est un chef-d'œuvre de notre pâtissier."),
        ("de", "Das Kleingedruckte zu lesen fällt vielen schwer, deshalb drucken wir es größer."),
        ("zh", "春节期间等待时间多了一些，非常抱歉。"),
    ],
)
def test_scorn_for_the_sellers_own_failings_is_allowed(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We have informed your employer about your conduct."),
        ("en", "If this review is not taken down, the footage goes to the police."),
        ("en", "We have your home address from the order. Perhaps we should pay you a visit."),
        ("de", "Wir haben Ihre Anschrift. Das klären wir von Angesicht zu Angesicht."),
    ],
)
def test_exposing_or_visiting_the_reviewer_is_a_threat(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


def test_a_visit_after_the_address_is_a_threat_also_part_by_part() -> None:
    text = "We have your home address from the order. Perhaps we should pay you a visit."
    parts = [(0, text[:42]), (42, text[42:])]
    whole = check_reply(text, platform="generic", language="en")
    assert check_parts(text, parts, platform="generic", language="en") == whole
    assert not whole.ok


@pytest.mark.parametrize(
    "text",
    [
        "We have your address on file and our technician will come by on Monday to fix it.",
        "We reported the break-in you describe in your review to the police and added cameras.",
        "If your review mentions a theft, please report it to the police as well.",
        "Please share your order number with us so we can look into it.",
        "We informed the other hotels in our group about this issue so it does not recur.",
    ],
)
def test_the_sellers_own_steps_and_questions_are_allowed(text: str) -> None:
    assert not _rules(text, "en")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "This review is nothing but revenge for the refund we refused."),
        ("en", "Nice try. We know exactly who you are."),
        ("de", "Das ist reine Erpressung und keine Erfahrung."),
        ("fr", "Cet avis n'est qu'une vengeance d'un ancien salarié."),
        ("es", "Esto es un chantaje, nada más."),
        ("it", "Questa recensione è solo una vendetta."),
        ("pt", "Isto é pura chantagem."),
        ("pl", "To zwykła zemsta byłego pracownika."),
        ("nl", "Dit is pure wraak van een oud-medewerker."),
        ("lv", "Tā ir atriebība, nevis atsauksme."),
        ("zh", "这是报复，不是评价。"),
    ],
)
def test_a_motive_pinned_on_the_review_is_an_accusation(language: str, text: str) -> None:
    assert "accusation" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "You mention a competitor is cheaper; we have lowered our prices since."),
        ("fr", "Le concurrent que vous mentionnez est moins cher ; nous alignons nos prix."),
        ("de", "Sie finden uns jetzt zwei Straßen weiter, gleich neben der Post."),
        ("it", "Ci scusiamo per l'attesa: il parcheggio qui di fronte è gratuito per lei."),
        ("nl", "Wij bieden u concurrerende prijzen en gratis verzending."),
        ("nl", "Zoek gerust een andere datum uit in de agenda."),
        ("pt", "Pedimos desculpa e garantimos que não volte a acontecer."),
    ],
)
def test_rivals_places_and_dates_named_plainly_are_allowed(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We will be letting other restaurants in the area know about you."),
        ("en", "We have your card details and your registration plate, so think about that."),
        ("fr", "Vous êtes désormais interdit dans tous nos établissements."),
        ("es", "Queda usted vetado en todos nuestros locales."),
        ("it", "Da oggi le è vietato l'ingresso nel nostro locale."),
        ("lv", "Jums ir aizliegts apmeklēt mūsu veikalu."),
        ("zh", "我们有你的地址，你小心点。"),
        ("pl", "Mamy Pana dane. Proszę uważać."),
    ],
)
def test_bans_and_warnings_after_naming_the_reviewers_data_are_threats(
    language: str, text: str
) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Our mail server was briefly on a spam blacklist; the confirmation is resent."),
        ("en", "We informed your employer's travel desk that the invoice is corrected."),
        ("en", "We have your new address on file. Please be careful when unpacking the glass."),
        ("de", "Die Rechnung begleichen wir selbstverständlich, der Fehler lag bei uns."),
        ("nl", "De afrekening van uw servicekosten is aangepast."),
        ("nl", "Klanten zoals u hoeven we niet te overtuigen: dank voor uw trouw!"),
        ("pt", "Fizemos um ajuste de contas na sua fatura e devolvemos a diferença."),
        ("zh", "我们的邮件服务器曾被列入垃圾邮件黑名单，现已解决。"),
    ],
)
def test_bills_blacklisted_servers_and_care_advice_are_allowed(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "This is clearly a disgruntled ex-employee settling scores."),
        ("en", "Funny how this review appeared the day the new gym opened next door."),
        ("fr", "Cet avis vient clairement d'un ancien employé rancunier."),
        ("zh", "这明显是前员工在报复。"),
    ],
)
def test_grudges_and_rivals_opening_nearby_are_accusations(language: str, text: str) -> None:
    assert "accusation" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Reading clearly isn't your strong point."),
        ("en", "Good luck finding another gym that will put up with you."),
        ("de", "Mit Leuten wie Ihnen wollen wir nichts zu tun haben."),
        ("fr", "La lecture n'est visiblement pas votre fort."),
        ("it", "Leggere non è il suo forte, evidentemente."),
        ("nl", "Lezen is duidelijk niet uw sterkste kant."),
        ("zh", "不识字就别乱评价。"),
    ],
)
def test_condescension_about_the_reviewer_is_an_insult(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Another keyboard warrior hiding behind a screen."),
        ("en", "Some people are never happy, no matter what."),
        ("en", "This review is a joke."),
        ("de", "So ein Quatsch."),
        ("fr", "Encore un râleur professionnel."),
        ("es", "Qué tontería de reseña."),
        ("it", "Il solito leone da tastiera."),
        ("pl", "Niektórym nigdy nie dogodzisz."),
        ("nl", "Sommige mensen zijn nooit tevreden."),
        ("zh", "又是一个键盘侠。"),
    ],
)
def test_labels_and_sighs_about_the_reviewer_are_insults(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Karen from our front desk will call you tomorrow."),
        ("es", "¡Qué tontería por nuestra parte! Lo sentimos."),
        ("it", "Che sciocchezza da parte nostra, ci scusi."),
        ("pt", "Os nossos hóspedes são sempre mimados."),
    ],
)
def test_names_and_the_sellers_own_silliness_are_allowed(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "This review was clearly written by a bot."),
        ("en", "This account was created yesterday just to attack us."),
        ("en", "We doubt you ever set foot in our shop."),
        ("de", "Wir bezweifeln, dass Sie jemals bei uns waren."),
        ("fr", "C'est une campagne de dénigrement."),
        ("es", "Esta reseña la ha escrito un bot, es evidente."),
        ("it", "È una campagna denigratoria."),
        ("pl", "Wątpimy, by Pan w ogóle u nas był."),
        ("nl", "We betwijfelen of u ooit bij ons bent geweest."),
        ("lv", "Šo atsauksmi uzrakstīja bots."),
    ],
)
def test_bots_smear_campaigns_and_doubted_visits_are_accusations(language: str, text: str) -> None:
    assert "accusation" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The first answer you received was generated by a bot; a person will reply today."),
        ("de", "Die erste Antwort wurde von einem Bot erstellt, das tut uns leid."),
        ("en", "We doubt you have ever been treated so poorly by us before, and we are sorry."),
        ("pl", "Wątpimy, by Pan kiedykolwiek był tak źle obsłużony; bardzo przepraszamy."),
    ],
)
def test_chat_bots_and_sympathy_are_allowed(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Comenta que es falso, pero nuestro abogado ya tiene el caso."),
        ("pl", "Wspomina Pani, że nasz prawnik się z Panią skontaktuje."),
    ],
)
def test_the_sellers_own_lawyer_after_the_reviewers_words_still_threatens(
    language: str, text: str
) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Our new gym opened next door to the old one, so parking is easier now."),
        ("en", "Sadly, revenge of the sith night is cancelled; the next movie night is on Friday."),
        ("en", "Now that you have a lot of free time in the holidays, our new courses start soon."),
        ("es", "Gente como usted nos hace falta: gracias por sus ideas."),
        ("de", "Gäste wie Sie brauchen wir – danke für Ihren Besuch!"),
        ("fr", "Le restaurant d'en face appartient aussi à notre groupe."),
        ("pt", "Clientes como você fazem falta a qualquer loja: obrigado!"),
        ("zh", "对面的店也是我们的分店，欢迎光临。"),
    ],
)
def test_the_sellers_own_places_and_warm_words_are_allowed(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Essayez de lire le code QR avec l'appareil photo du téléphone."),
        ("es", "Pruebe a leer el código QR con la cámara."),
        ("it", "Provi a leggere il codice QR con la fotocamera."),
        ("pl", "Proszę spróbować przeczytać kod QR aparatem."),
    ],
)
def test_a_tip_to_try_reading_a_code_is_allowed(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Your review has been forwarded to the police."),
        ("de", "Ihre Bewertung wurde an die Polizei weitergeleitet."),
        ("fr", "Votre avis a été transmis à la police."),
        ("es", "Su reseña ha sido remitida a la policía."),
        ("it", "La sua recensione è stata inoltrata ai carabinieri."),
        ("pt", "A sua avaliação foi enviada à polícia."),
        ("pl", "Pana opinia została przekazana policji."),
        ("nl", "Uw review is doorgestuurd naar de politie."),
        ("lv", "Jūsu atsauksme ir nodota policijai."),
        ("zh", "我们已经把你的评价交给警察处理了。"),
    ],
)
def test_the_review_handed_to_the_police_is_a_threat(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Thank you for your review, we have reported the theft to the police."),
        ("de", "Den in Ihrer Bewertung beschriebenen Diebstahl haben wir der Polizei gemeldet."),
        ("fr", "Le vol décrit dans votre avis a été signalé à la police."),
        ("es", "Hemos entregado a la policía las grabaciones del robo que menciona en su reseña."),
    ],
)
def test_a_theft_told_in_the_review_reported_to_the_police_is_allowed(
    language: str, text: str
) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We know our prices may seem extortionate, so we have cut them."),
        ("en", "The troll doll is back in stock."),
        ("zh", "我们遭受勒索软件攻击导致订单延误，非常抱歉。"),
    ],
)
def test_prices_toys_and_ransomware_are_no_accusation(language: str, text: str) -> None:
    assert not _rules(text, language)


def test_a_number_plate_on_the_cameras_then_a_warning_is_a_threat() -> None:
    assert "threat_or_insult" in _rules("Uw kenteken staat op onze camera. Pas maar op.", "nl")
    assert "threat_or_insult" in _rules(
        "Votre plaque est visible sur nos caméras. Faites attention.", "fr"
    )


@pytest.mark.parametrize(
    ("language", "text", "blocked"),
    [
        ("en", "We do not serve people like you.", True),
        ("fr", "Des clients comme vous, nous ne les servons plus.", True),
        ("es", "A clientes como usted no los atendemos.", True),
        ("zh", "像你这样的顾客本店不接待。", True),
        ("en", "For guests like you we do not serve breakfast before 7, sorry.", False),
        (
            "es",
            "Para clientes como usted no atendemos reservas por teléfono, pero sí online.",
            False,
        ),
    ],
)
def test_refusing_to_serve_customers_like_you(language: str, text: str, blocked: bool) -> None:
    assert ("threat_or_insult" in _rules(text, language)) is blocked


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The lawyer you consulted is welcome to contact us; we will share all documents."),
        ("de", "Der Anwalt, den Sie eingeschaltet haben, kann sich gern an uns wenden."),
        ("fr", "Le concurrent auquel vous nous comparez ouvre plus tôt ; nous aussi désormais."),
        ("es", "El abogado que ha consultado puede escribirnos; le enviaremos el contrato."),
        ("it", "L'avvocato che ha contattato può scriverci; invieremo tutti i documenti."),
        ("pl", "Prawnik, z którym się Pani konsultowała, może się z nami skontaktować."),
        ("nl", "De advocaat die u heeft ingeschakeld mag contact met ons opnemen."),
        ("lv", "Jurists, ar kuru jūs konsultējāties, var sazināties ar mums."),
        ("zh", "您咨询的律师可以直接联系我们，我们会提供全部合同。"),
    ],
)
def test_the_reviewers_own_lawyer_or_rival_in_a_relative_clause_is_allowed(
    language: str, text: str
) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Our lawyer, whom you contacted, will now take legal action."),
        ("es", "El abogado que hemos contratado le demandará."),
        ("de", "Der Anwalt, den wir beauftragt haben, meldet sich bei Ihnen."),
    ],
)
def test_the_sellers_lawyer_in_a_relative_clause_still_threatens(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text", "blocked"),
    [
        ("en", "Ten minutes late and a whole review about it. Pathetic.", True),
        ("fr", "Que de plaintes pour rien. Pitoyable !", True),
        ("zh", "可笑。", True),
        ("en", "The delay was pathetic and we are sorry.", False),
        ("fr", "Le retard était ridicule, désolé.", False),
    ],
)
def test_a_sentence_of_bare_contempt(language: str, text: str, blocked: bool) -> None:
    assert ("threat_or_insult" in _rules(text, language)) is blocked


def test_bare_contempt_is_found_part_by_part_too() -> None:
    text = "Ten minutes late and a whole review about it. Pathetic."
    parts = [(0, text[:45]), (45, text[45:])]
    whole = check_reply(text, platform="generic", language="en")
    assert check_parts(text, parts, platform="generic", language="en") == whole


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We believe the review was bought; the account is two days old."),
        ("de", "Wir vermuten, dass die Bewertung bezahlt worden ist."),
        ("es", "Esta opinión no es de un cliente real, seguro."),
        ("fr", "Cet avis n'est pas celui d'un vrai client."),
        ("it", "Lei lavora per un altro ristorante del quartiere."),
        ("pt", "Esta avaliação foi claramente comprada."),
        ("pl", "Ta opinia to ewidentnie zlecenie od sąsiadów."),
        ("nl", "Dit is niet van een echte klant afkomstig."),
        ("lv", "Šī atsauksme acīmredzot tika nopirkta."),
        ("zh", "这条评价不是真正的顾客写的。"),
    ],
)
def test_a_review_called_bought_or_not_a_customers_is_an_accusation(
    language: str, text: str
) -> None:
    assert "accusation" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", 'You wrote that the wood looked "fake"; it is solid oak, and we will refund you.'),
        ("en", "Thanks for your review of the chair you bought last week."),
        ("de", "Danke für Ihre Bewertung zu dem gekauften Tisch."),
        ("zh", "很抱歉您被骗了，我们已经向平台举报了这个假冒店铺。"),
    ],
)
def test_a_quoted_word_a_fraud_suffered_and_a_bought_item_are_no_accusation(
    language: str, text: str
) -> None:
    assert "accusation" not in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Someone who can't even plug in a kettle should not be reviewing kettles."),
        ("de", "Wer nicht einmal einen Toaster bedienen kann, sollte nichts bewerten."),
        ("es", "Usted ni siquiera sabe encender una cafetera."),
        ("fr", "Personne ne pourra jamais vous satisfaire, visiblement."),
        ("it", "L'ennesimo cliente che crede di essere al Ritz."),
        ("pt", "Ninguém neste mundo o vai agradar."),
        ("pl", "Żaden fryzjer Pani nie dogodzi."),
        ("nl", "Weer een klant die denkt dat hij in een sterrenrestaurant zit."),
        ("lv", "Jums neviens frizieris neizpatiks."),
        ("zh", "连开关都不会用，还好意思写评论？"),
    ],
)
def test_scorn_for_the_reviewers_competence_or_demands_is_an_insult(
    language: str, text: str
) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Maybe just stay at home next time if the weather bothers you."),
        ("de", "Bleiben Sie doch lieber zu Hause."),
        ("fr", "Vous feriez mieux de rester chez vous."),
        ("pt", "Talvez seja melhor ficar em casa."),
        ("pl", "Jeszcze jedno słowo i porozmawiamy inaczej."),
        ("en", "We know exactly who you are and where you bought it."),
        ("it", "Il caso è passato al nostro studio legale."),
        ("nl", "Wij hebben de zaak aan ons advocatenkantoor gegeven."),
    ],
)
def test_sending_home_one_more_word_and_a_law_firm_are_threats(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "If you feel unwell, it is better to stay at home: we deliver for free."),
        ("en", "If the setup is tricky, our team will gladly help you over the phone."),
        ("de", "Entschuldigung, an dem Abend war unser Team völlig überfordert."),
        ("fr", "Encore un grand merci, cliente fidèle depuis dix ans."),
        ("zh", "不好意思让您久等了，我们马上处理。"),
        ("es", "Si se encuentra mal, mejor quedarse en casa: le llevamos el pedido gratis."),
        ("nl", "Bij koorts is het beter thuis te blijven; wij bezorgen gratis."),
        ("pl", "Rozumiemy, że skorzystał Pan z porady kancelarii prawnej; to Pana prawo."),
        ("lv", "Saprotam, ka esat vērsies pie jurista, un tā ir jūsu izvēle."),
    ],
)
def test_polite_near_misses_stay_allowed(language: str, text: str) -> None:
    assert "threat_or_insult" not in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "A primary-school reading level should be enough for our manual."),
        ("de", "Grundschulniveau im Lesen reicht für die Anleitung völlig."),
        ("es", "Con nivel de primaria basta para entender las instrucciones."),
        ("zh", "说明书很简单，幼儿园水平就够了。"),
    ],
)
def test_mocking_the_reviewers_schooling_is_an_insult(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Our reading club is aimed at primary school level children."),
        ("zh", "我们的课程适合小学水平的孩子。"),
        ("it", "I corsi sono di livello elementare e avanzato."),
    ],
)
def test_a_school_level_named_as_a_fact_is_no_insult(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("pl", "Nasłała Pana konkurencja, to jasne."),
        ("pt", "Foi o concorrente que o enviou, sabemos bem."),
    ],
)
def test_a_rival_sending_the_reviewer_is_an_accusation(language: str, text: str) -> None:
    assert "accusation" in _rules(text, language)


def test_the_reviewers_own_rival_in_polish_stays_allowed() -> None:
    assert not _rules("Rozumiemy, że Pana konkurencja ma niższe ceny.", "pl")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Wir haben wegen Ihrer Rezension Anzeige erstattet."),
        ("fr", "Nous avons porté plainte à cause de votre commentaire."),
    ],
)
def test_a_police_report_over_the_review_is_a_threat(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Sie haben Anzeige erstattet, und das respektieren wir."),
        ("de", "Wir haben Anzeige gegen den Paketdienst erstattet; Ihr Paket wird ersetzt."),
        ("de", "Die Anzeige am Display war falsch, Ihre Bewertung ist berechtigt."),
        ("fr", "Nous avons porté plainte contre le transporteur pour le vol de votre colis."),
        ("fr", "Vous avez porté plainte, et c'est votre droit."),
    ],
)
def test_a_report_on_a_third_party_or_by_the_reviewer_is_no_threat(
    language: str, text: str
) -> None:
    assert "threat_or_insult" not in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We are sorry you couldn't even use the voucher; a new one is on its way."),
        ("en", "Another guest who believes in what we do: thank you!"),
        ("de", "Es tut uns leid, dass Sie das Gerät nicht einmal einschalten können."),
        ("de", "Der Betrag, der laut Ihrer Bewertung doppelt bezahlt wurde, wird erstattet."),
        ("fr", "Encore un client qui pense à nous, merci !"),
        ("nl", "Weer een klant die aan ons denkt, dank u wel!"),
        ("pl", "Kolejny klient, który myśli o nas ciepło: dziękujemy!"),
        ("it", "Un altro cliente che pensa a noi: grazie di cuore!"),
    ],
)
def test_sympathy_and_thanks_near_the_new_insults_stay_allowed(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Honestly, a frozen pizza at home would suit you better."),
        ("en", "Perhaps the kebab van by the station is more your level."),
        ("de", "Eine Tiefkühlpizza ist wohl eher Ihr Niveau."),
        ("es", "Para paladares como el suyo, mejor la comida rápida del centro comercial."),
        ("fr", "Un menu enfant serait sans doute plus à votre niveau."),
        ("it", "Forse un fast food le andrà meglio la prossima volta."),
        ("pt", "Talvez um menu infantil seja mais ao seu nível."),
        ("pl", "Dla takich klientów najlepsza będzie zapiekanka z dworca."),
        ("nl", "Een snackbar past waarschijnlijk beter bij u."),
        ("lv", "Ātrās ēdināšanas vietas jums noteikti vairāk piestāv."),
        ("zh", "您还是去吃快餐吧，那个更适合您。"),
    ],
)
def test_a_lesser_food_or_place_said_to_fit_the_reviewer_is_an_insult(
    language: str, text: str
) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We are not a fast-food kitchen: every dish is cooked to order, which takes time."),
        ("en", "Our children's menu might suit your little ones better next time."),
        ("de", "Wir verwenden keine Tiefkühlware; alles wird frisch gekocht."),
        ("es", "Ya tenemos menú infantil, pensado para las familias que nos visitan."),
        ("fr", "Nous ne servons pas de surgelés : tout est fait maison."),
        ("it", "Da lunedì c'è anche un menù bambini, più adatto ai piccoli."),
        ("pt", "Não somos um restaurante de fast food, por isso o prato demorou um pouco."),
        ("pl", "Nie podajemy mrożonek, wszystko przygotowujemy na miejscu."),
        ("nl", "Onze kindermenu's zijn nu ook op zondag verkrijgbaar."),
        ("lv", "Bērnu ēdienkarte tagad pieejama arī brīvdienās."),
        ("zh", "我们不是快餐店，所有菜品现点现做，请您谅解。"),
        ("en", "Our new kids menu would suit you better if you come with children."),
        ("de", "Unser Kindermenü ist eher etwas für Sie, wenn Sie mit Kindern kommen."),
        ("es", "Si prefiere algo más rápido, el menú infantil le vendrá mejor a los niños."),
        ("zh", "如果您赶时间，我们的快餐窗口更适合您。"),
        ("nl", "Voor gasten zoals u hebben we ook een kindermenu."),
        ("pl", "Dla takich gości jak Pan zawsze mamy stolik, a dla dzieci menu dla dzieci."),
        ("lv", "Bērnu ēdienkarte noteikti atbilst jūsu prasībām, ja nākat ar bērniem."),
        ("de", "Wie Sie gewohnt sind, bekommen Kinder bei uns ein Kindermenü gratis."),
    ],
)
def test_lesser_food_named_without_fitting_it_to_the_reviewer_is_allowed(
    language: str, text: str
) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Anyone who asks for ketchup with a steak should not be judging a grill."),
        ("en", "Not everyone has taste, we understand."),
        ("de", "Wer Cola zum Rotwein bestellt, sollte besser nicht über Weine urteilen."),
        ("de", "Sie haben offenbar wenig Ahnung von gutem Essen."),
        ("es", "Quien pide hielo para el vino no debería opinar sobre vinos."),
        ("fr", "Visiblement, vous ne connaissez rien à la gastronomie."),
        ("it", "Chi mette la panna nella carbonara non dovrebbe giudicare la cucina romana."),
        ("pt", "Nem todos têm bom gosto."),
        ("pl", "Kto zamawia pizzę z ananasem, ten nie powinien oceniać włoskiej kuchni."),
        ("nl", "U heeft blijkbaar weinig verstand van goed eten."),
        ("nl", "U heeft zo te horen nooit een echt restaurant van binnen gezien."),
        ("lv", "Kas picai liek kečupu, tam nevajadzētu spriest par itāļu virtuvi."),
        ("zh", "看得出来您对咖啡没什么研究。"),
        ("zh", "不是每个人都有品味。"),
    ],
)
def test_calling_the_reviewer_unfit_to_judge_or_without_taste_is_an_insult(
    language: str, text: str
) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Not everyone has the same taste, and we respect that."),
        ("en", "Anyone who has an allergy should not hesitate to tell our staff."),
        ("en", "Anyone who had a bad evening should not judge us too fast, but tell us."),
        ("de", "Nicht jeder hat den gleichen Geschmack, das verstehen wir gut."),
        ("de", "Wer Fragen zum Wein hat, sollte nicht zögern, uns anzusprechen."),
        ("es", "No todos tienen el mismo gusto, y lo respetamos."),
        ("fr", "Tout le monde n'a pas les mêmes goûts, c'est bien normal."),
        ("it", "Chi ha un'allergia non dovrebbe esitare a dircelo."),
        ("pt", "Nem todos têm o mesmo gosto, e respeitamos isso."),
        ("pl", "Nie każdy ma taki sam gust, rozumiemy to."),
        ("nl", "Niet iedereen heeft dezelfde smaak, dat begrijpen we."),
        ("lv", "Ne visiem ir vienāda gaume, un mēs to saprotam."),
        ("zh", "每个人的口味不同，我们理解。"),
        ("zh", "如果您对葡萄酒不太了解，我们的侍酒师很乐意推荐。"),
    ],
)
def test_differing_tastes_and_an_invitation_to_ask_are_allowed(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "We have CCTV footage of you at the till. Keep this up and we will post it online.",
        ),
        ("de", "Wir haben Kameraaufnahmen von Ihnen an der Kasse. Sonst stellen wir sie online."),
        ("es", "Tenemos grabaciones de la cámara de la entrada. Si sigue así, las publicaremos."),
        ("fr", "Nous avons les images de la caméra. Si cela continue, nous les publierons."),
        ("pt", "Temos as imagens da câmara do balcão. Se continuar, vamos publicá-las."),
        ("pl", "Mamy nagranie z kamery przy kasie. Jeśli Pan nie przestanie, opublikujemy je."),
        ("nl", "We hebben camerabeelden van u bij de kassa. Anders zetten we ze online."),
        ("lv", "Mums ir kameras ieraksti no kases. Ja turpināsiet, publicēsim tos internetā."),
        ("zh", "我们保存了您在收银台的监控录像，再这样就发到网上。"),
    ],
)
def test_pictures_of_the_reviewer_and_a_threat_to_publish_them_threaten(
    language: str, text: str
) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We have CCTV footage of your parcel being delivered; we will never publish it."),
        ("en", "We checked the camera footage of the delivery and will send you a new parcel."),
        (
            "de",
            "Wir haben die Kameraaufnahmen geprüft: Der Fahrer hat das Paket falsch abgestellt.",
        ),
        ("it", "Abbiamo controllato le immagini della telecamera: il corriere ha sbagliato."),
        ("fr", "Nous avons vérifié les images de la caméra ; le livreur s'est trompé d'adresse."),
        ("pl", "Sprawdziliśmy nagranie z kamery i przesyłka zostanie wysłana ponownie."),
        ("zh", "我们调取了监控录像，确认是快递员放错了地方，非常抱歉。"),
    ],
)
def test_footage_checked_for_the_reviewer_is_no_threat(language: str, text: str) -> None:
    assert "threat_or_insult" not in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We do not believe you were ever one of our pupils."),
        ("de", "Wir glauben nicht, dass Sie jemals unser Gast gewesen sind."),
        ("es", "Dudamos mucho que usted haya sido nuestro cliente."),
        ("fr", "Nous ne pensons pas que vous ayez jamais été notre élève."),
        ("it", "Non crediamo che lei sia mai stato un nostro cliente."),
        ("pt", "Não acreditamos que o senhor tenha sido nosso aluno."),
        ("pl", "Nie wierzymy, że był Pan kiedykolwiek naszym kursantem."),
        ("nl", "Wij geloven niet dat u ooit klant bent geweest."),
        ("lv", "Mēs neticam, ka jūs kādreiz esat bijis mūsu klients."),
        ("zh", "我们不相信您真的是我们的学员。"),
    ],
)
def test_doubting_that_the_reviewer_was_ever_a_customer_is_an_accusation(
    language: str, text: str
) -> None:
    assert "accusation" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Your review came a week after another bakery opened in the same street."),
        (
            "de",
            "Ihre Bewertung kam, kurz nachdem eine andere Schule in derselben Straße eröffnete.",
        ),
        (
            "fr",
            "Votre avis arrive juste après l'ouverture d'une autre boulangerie dans la même rue.",
        ),
        (
            "it",
            "La sua recensione arriva proprio quando un'altra pizzeria ha aperto nella stessa via.",
        ),
        ("pt", "A sua avaliação surgiu quando outra pastelaria abriu na mesma rua."),
        ("pl", "Pana opinia pojawiła się, gdy inna szkoła jazdy otworzyła się na tej samej ulicy."),
        ("nl", "Uw review verscheen net toen een andere rijschool in dezelfde straat openging."),
        ("lv", "Jūsu atsauksme parādījās, kad tajā pašā ielā atvērās cita autoskola."),
        ("zh", "您的评论恰好出现在同一条街上新开了一家店之后。"),
    ],
)
def test_a_review_tied_to_a_rival_in_the_same_street_is_an_accusation(
    language: str, text: str
) -> None:
    assert "accusation" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We don't believe you were treated as a valued customer should be; we are sorry."),
        ("en", "Thank you for your review; our other shop in the same street is open on Sundays."),
        ("de", "Wir glauben nicht, dass Sie als Kunde so warten sollten; das tut uns leid."),
        ("es", "No creemos que usted haya sido bien atendido; le pedimos disculpas."),
        ("es", "Gracias por su opinión; nuestra otra tienda en la misma calle abre los domingos."),
        ("fr", "Nous ne pensons pas que vous ayez été bien servi ce soir-là, pardon."),
        ("it", "Non crediamo che lei sia stato trattato come merita; ci scusiamo."),
        ("pl", "Nie wierzymy, że tak powinna wyglądać obsługa, przepraszamy."),
        ("nl", "Onze andere winkel in dezelfde straat is ook op zondag open."),
        (
            "de",
            "Danke für die Bewertung! In derselben Straße haben wir unsere neue Bäckerei eröffnet.",
        ),
        ("lv", "Paldies par atsauksmi! Tajā pašā ielā atvērām mūsu jauno kafejnīcu."),
        ("zh", "我们不相信您会被这样对待，非常抱歉。"),
    ],
)
def test_sympathy_and_the_sellers_own_second_shop_are_no_accusation(
    language: str, text: str
) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Vous pouvez vous garer sur le parking d'en face, il est gratuit."),
        ("fr", "Le distributeur d'à côté vous rendra la monnaie si besoin."),
        ("pl", "Może Pan zaparkować po drugiej stronie ulicy."),
        ("lv", "Jūs varat novietot auto pretējā ielas pusē."),
        ("zh", "您可以把車停在對面的停車場。"),
    ],
)
def test_a_place_across_the_street_is_no_rival(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Votre avis a été écrit par le restaurant d'en face."),
        ("pl", "Pana opinię napisał ktoś z restauracji po drugiej stronie ulicy."),
        ("lv", "Jūsu atsauksmi uzrakstīja kāds no kafejnīcas pretējā ielas pusē."),
        ("zh", "這條評論是對面的店寫的。"),
    ],
)
def test_a_shop_across_the_street_behind_the_review_is_an_accusation(
    language: str, text: str
) -> None:
    assert "accusation" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "You're right that a rival brand ships a second charger; ours comes with one."),
        ("de", "Sie haben recht, dass die Konkurrenz eine längere Garantie gibt."),
        ("es", "Tiene razón en que la competencia ofrece envío gratis; lo estudiaremos."),
        ("nl", "U schreef dat de stof 'nep' aanvoelde; het is echte wol, maar te dun geweven."),
        (
            "de",
            "Sie schrieben, die Tasche wirke 'gefälscht'. Sie ist echt, das Leder war zu glatt.",
        ),
        ("de", "Es tut uns leid, dass Sie nach dem Einbruch sogar zur Polizei mussten."),
        (
            "en",
            "We're sorry the bike was stolen from our yard and you even had to go to the police.",
        ),
        ("lv", "Nekāda tiesa nav vajadzīga: kļūda bija mūsu, un nauda jums jau ir atmaksāta."),
    ],
)
def test_the_reviewers_own_point_step_or_a_denied_need_is_allowed(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "You're right that this review is a lie, and everyone knows it."),
        ("en", "You will have to explain yourself to the police."),
        ("lv", "Jūsu atsauksme ir meli, un par to lems tiesa."),
    ],
)
def test_agreement_or_a_future_step_keeps_the_threat_or_accusation(
    language: str, text: str
) -> None:
    assert _rules(text, language) & {"accusation", "threat_or_insult"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "You have been added to our blacklist, and you won't be served again."),
        ("en", "Don't bother ordering from us again; future orders will be cancelled."),
        ("de", "Du stehst jetzt auf unserer schwarzen Liste."),
        ("fr", "Vos futures commandes seront refusées, bonne journée."),
        ("nl", "U komt hier nooit meer binnen."),
        ("it", "Se non le piace il nostro pane può starsene a casa sua."),
        ("pl", "Kolejne zamówienia od pana zostaną odrzucone."),
        ("zh", "你这种人已拉黑，别再来了。"),
        ("en", "It's obvious this is not a real customer at all."),
        ("de", "Das ist kein echter Kunde, sondern ein Fake-Profil."),
        ("es", "Es un perfil falso, saquen sus propias conclusiones."),
        ("lv", "Tas nav īsts klients, bet viltus profils."),
        ("pt", "Isto não é um cliente de verdade."),
        ("en", "Think very carefully about what you post about us."),
        ("es", "Piense bien antes de escribir otra reseña."),
        ("pl", "Proszę się dobrze zastanowić, zanim pan napisze coś jeszcze."),
        ("en", "Judging by your spelling, reading the menu was never going to happen."),
        ("fr", "Vu votre orthographe, la carte était sans doute trop compliquée."),
        ("en", "An all-you-can-eat buffet would suit you better than a tasting menu."),
        ("de", "Wer so eine große Klappe hat, fliegt eben raus."),
    ],
)
def test_bans_fake_customer_claims_warnings_and_scorn_are_blocked(language: str, text: str) -> None:
    assert _rules(text, language) & {"accusation", "threat_or_insult"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "You won't be seated near the kitchen again, we promise."),
        ("en", "We have added that courier to our blacklist after your parcel went missing."),
        ("fr", "Nous avons mis ce transporteur sur liste noire."),
        ("it", "Può anche stare a casa: consegniamo a domicilio gratis."),
        ("nl", "Als u binnenkomt, ziet u meteen de balie."),
        ("en", "Think carefully about which size you need; our chart helps."),
        ("en", "Our all-you-can-eat brunch on Sundays might be one to try."),
        ("en", "Every real customer deserves a reply, and you are one of them."),
        ("en", "Sorry, the Big Mouth burger was sold out that evening."),
    ],
)
def test_near_misses_of_bans_and_scorn_are_allowed(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "de",
            "Wir haben Ihre Adresse aus der Bestellung. Löschen Sie das, sonst stehen wir bei "
            "Ihnen vor der Tür.",
        ),
        ("en", "We have your address from the order. Delete this or we will turn up at your door."),
        ("es", "Tenemos su dirección. Si no lo borra, nos presentaremos en su casa."),
        ("nl", "We hebben uw adres. Haal dit weg, anders staan we bij u voor de deur."),
        ("zh", "我们知道您的地址。请删掉评价，否则我们会找上门。"),
    ],
)
def test_the_reviewers_address_then_a_visit_at_the_door_threatens(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Überlegen Sie sich gut, welche Größe Sie brauchen, und schreiben Sie uns."),
        ("de", "Wir haben Ihre Adresse korrigiert; der Techniker kommt am Montag vorbei."),
        ("en", "Our fitter will come round to your house on Monday to fix the hinge."),
        ("zh", "我们有您的地址，师傅明天上门安装。"),
    ],
)
def test_advice_to_think_and_a_visit_by_arrangement_are_allowed(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Your review is a scam."),
        ("en", "This complaint is nothing but a shakedown."),
        ("de", "Ihre Bewertung ist reine Abzocke."),
        ("es", "Su reseña es una estafa."),
        ("fr", "Votre avis est une arnaque."),
        ("nl", "Uw recensie is oplichterij."),
        ("it", "La sua recensione è una truffa."),
        ("pt", "A sua avaliação é um golpe."),
        ("pl", "Ta opinia to zwykłe oszustwo."),
        ("lv", "Jūsu atsauksme ir krāpniecība."),
        ("zh", "您的差评就是骗局。"),
    ],
)
def test_the_review_called_a_scam_is_an_accusation(language: str, text: str) -> None:
    assert "accusation" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We are sorry you were hit by a scam using our name; we have reported it."),
        ("en", "Your review warned others about the scam site, thank you."),
        ("en", "Your review is not a scam, and we take it seriously."),
        ("es", "Su reseña sobre la estafa nos ayudó a avisar a otros clientes."),
        ("fr", "Votre avis sur cette arnaque aide les autres clients, merci."),
    ],
)
def test_a_review_about_a_scam_is_no_accusation(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "If you post this again we will have to call the police."),
        ("de", "Wenn Sie das noch einmal posten, rufen wir die Polizei."),
        ("es", "Si vuelve a publicar esto, llamaremos a la policía."),
        ("fr", "Si vous publiez encore ce genre de commentaire, nous appellerons la police."),
        ("nl", "Als u dit nogmaals plaatst, bellen we de politie."),
        ("it", "Se pubblica di nuovo questa recensione, chiameremo la polizia."),
        ("zh", "如果您再次发布这种评价，我们就报警。"),
    ],
)
def test_the_police_if_the_reviewer_posts_again_threatens(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "If your bike is stolen again, report it to the police and send us the case number.",
        "If it happens again, please call the police first and then us.",
    ],
)
def test_the_police_after_again_with_no_posting_is_advice(text: str) -> None:
    assert not _rules(text, "en")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "If you see this fake shop again, report it to the police."),
        ("en", "A competitor's charger may not fit this model, so we now say so on the listing."),
        ("en", "Competitor products often use a different plug; this one needs ours."),
        ("de", "Konkurrenzprodukte passen leider nicht in diese Halterung."),
    ],
)
def test_a_fake_shop_or_a_rivals_product_accuses_no_one(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "Your fake review will be reported.",
        "Your review was written by a competitor's staff.",
        "This fake story is from a competitor.",
    ],
)
def test_a_fake_review_or_a_rivals_staff_still_accuses(text: str) -> None:
    assert "accusation" in _rules(text, "en")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Leute wie Sie braucht hier niemand."),
        ("en", "Customers like you, nobody needs."),
        ("es", "Clientes como usted no los necesita nadie."),
        ("fr", "Des clients comme vous, personne n'en a besoin."),
        ("nl", "Klanten zoals u heeft niemand nodig."),
        ("it", "Clienti come lei non servono a nessuno."),
        ("pt", "Clientes como você ninguém precisa."),
        ("pl", "Takich klientów jak Pan nikt nie potrzebuje."),
        ("lv", "Tādi klienti kā jūs nevienam nav vajadzīgi."),
        ("zh", "像您这样的客人谁都不需要。"),
    ],
)
def test_customers_like_you_needed_by_nobody_is_an_insult(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Nobody needs to wait that long; we have hired two more staff."),
        ("de", "Niemand braucht so lange zu warten; wir haben zwei Leute eingestellt."),
    ],
)
def test_nobody_needing_to_wait_is_no_insult(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text", "accused"),
    [
        ("en", "You never even ate here.", True),
        ("es", "Usted nunca ha comido aquí.", True),
        ("pt", "Você nunca comeu aqui.", True),
        ("pl", "Nigdy Pan u nas nie jadł.", True),
        ("lv", "Jūs nekad neesat ēdis pie mums.", True),
        ("en", "You never even got to eat, and that is on us.", False),
        ("en", "You had never stayed with us before, so we should have explained it.", False),
    ],
)
def test_saying_the_reviewer_never_ate_or_stayed_here_accuses(
    language: str, text: str, accused: bool
) -> None:
    assert ("accusation" in _rules(text, language)) is accused


@pytest.mark.parametrize(
    ("language", "text", "scorned"),
    [
        ("en", "What a ridiculous complaint.", True),
        ("fr", "Une plainte ridicule.", True),
        ("es", "Qué queja más absurda.", True),
        ("de", "Was für eine lächerliche Beschwerde.", True),
        ("zh", "这种投诉太可笑了。", True),
        ("en", "Your complaint about the ridiculous parking fees is fair; we raised it.", False),
        ("en", "We took your complaint seriously; the delay was absurd and we are sorry.", False),
    ],
)
def test_scorn_for_the_complaint_itself_insults(language: str, text: str, scorned: bool) -> None:
    assert ("threat_or_insult" in _rules(text, language)) is scorned


@pytest.mark.parametrize(
    ("text", "threatens"),
    [
        ("我们有您的监控录像，再乱写就给您曝光。", True),
        ("我们保留了监控录像，会依法配合警方调查，不会公开出来。", False),
        ("我们已经把问题公开出来，让所有员工引以为戒。", False),
    ],
)
def test_footage_then_making_it_public_threatens_in_chinese(text: str, threatens: bool) -> None:
    assert ("threat_or_insult" in _rules(text, "zh")) is threatens


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "This review was obviously generated by a bot, the same text appears elsewhere."),
        ("de", "Diese Bewertung hat ein Bot geschrieben, das sieht man sofort."),
        ("es", "Esta reseña la ha escrito un bot, el mismo texto aparece en otras tiendas."),
        ("fr", "Cet avis a clairement été rédigé par un robot."),
        ("nl", "Deze recensie is door een bot gegenereerd."),
        ("it", "Questa recensione l'ha scritta un bot."),
        ("pt", "Esta avaliação foi gerada por um robô."),
        ("pl", "Tę opinię napisał bot, taki sam tekst jest u konkurencji."),
        ("lv", "Šo vērtējumu uzrakstīja bots, nevis cilvēks."),
        ("zh", "这条评价是机器人写的，我们不予理会。"),
    ],
)
def test_a_review_written_by_a_bot_in_any_word_order_is_an_accusation(
    language: str, text: str
) -> None:
    assert "accusation" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Your review says our bot wrote nonsense in the chat; we have fixed its answers."),
        ("en", "This review was not written by a bot, so we take it seriously."),
        ("de", "In Ihrer Bewertung schreiben Sie, dass der Chat-Bot nicht geholfen hat. Sorry!"),
        ("lv", "Paldies par atsauksmi! Mūsu bots ir uzrakstīts no jauna un tagad atbild ātrāk."),
        ("pl", "Dziękujemy za opinię, bot w aplikacji napisał błędną odpowiedź, już poprawione."),
    ],
)
def test_the_sellers_own_bot_or_a_bot_denied_is_no_accusation(language: str, text: str) -> None:
    assert "accusation" not in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Let's be honest: this is a scam, not a review."),
        ("de", "Das ist keine Bewertung, sondern versuchter Betrug."),
        ("es", "Esto no es una reseña, sino una estafa para sacar dinero."),
        ("fr", "Ce n'est pas un avis, c'est une arnaque."),
        ("nl", "Dit is geen recensie maar gewoon oplichterij."),
        ("it", "Questo non è un feedback: è una truffa bella e buona."),
        ("pt", "Isto não é uma avaliação, é um golpe."),
        ("lv", "Tā nav atsauksme, bet krāpšana."),
        ("zh", "这不是评价，是诈骗。"),
    ],
)
def test_a_scam_set_against_the_review_is_an_accusation(language: str, text: str) -> None:
    assert "accusation" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Your review is not about a scam, but about slow delivery; sorry."),
        ("en", "This was not a review of our shop but a warning about a scam site; thank you."),
        ("fr", "Votre avis n'est pas une arnaque, merci de nous avoir prévenus."),
        ("en", "We are not a scam, and no review will change the facts: your parcel arrived."),
        ("de", "Das war kein Betrug, keine Bewertung kann das ändern."),
    ],
)
def test_a_review_told_apart_from_a_scam_is_no_accusation(language: str, text: str) -> None:
    assert "accusation" not in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "We still have every message you sent. Keep it up and we'll share them with everyone.",
        ),
        ("en", "Keep posting lies and we will publish the whole chat log."),
        (
            "de",
            "Wir haben den gesamten Chatverlauf gespeichert. Wenn Sie so weitermachen, "
            "veröffentlichen wir den Chatverlauf.",
        ),
        (
            "de",
            "Das Telefonat wurde aufgezeichnet. Bei weiteren Lügen teilen wir es gern mit allen.",
        ),
        ("es", "Tenemos todos sus mensajes guardados. Si sigue así, los compartiremos con todos."),
        ("es", "La llamada quedó grabada; si insiste, publicaremos aquí las grabaciones."),
        (
            "fr",
            "Nous avons gardé vos messages. Continuez, et nous les partagerons avec tout le monde.",
        ),
        ("it", "Abbiamo ancora tutti i suoi messaggi: se continua, così tutti potranno leggerli."),
        ("pt", "A chamada foi gravada. Se continuar, vamos publicar as gravações."),
        (
            "pl",
            "Mamy całą korespondencję. Jeśli Pan nie przestanie, opublikujemy te wiadomości.",
        ),
        ("lv", "Mums ir visa sarakste ar Jums. Ja turpināsiet, publicēsim sarunu, lai visi redz."),
        ("zh", "我们保留了您的聊天记录，再乱说就公开聊天记录，让大家看看。"),
    ],
)
def test_messages_or_recordings_held_then_made_public_threaten(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "The call was recorded for training purposes; we listened to it and you were right.",
        ),
        ("en", "We have your messages and will reply to each of them today."),
        ("en", "We will never publish your messages or any recording of the call."),
        (
            "en",
            "We've got the footage of the delivery: it went to the wrong door, refund sent.",
        ),
        ("en", "Our new video shows how to fit the filter; we'll post it so everyone can see."),
        ("de", "Wir haben Ihre Nachrichten erhalten und melden uns morgen."),
        ("es", "Tenemos sus mensajes y le responderemos hoy mismo."),
        ("fr", "Nous avons bien reçu vos messages, merci ; nous les partagerons avec l'atelier."),
        ("it", "Abbiamo letto i suoi messaggi e le abbiamo già risposto."),
        ("pl", "Mamy Pana wiadomości i odpowiemy jeszcze dziś."),
        ("zh", "我们有您的聊天记录，客服会根据记录为您补发。"),
    ],
)
def test_messages_held_to_help_or_kept_private_threaten_no_one(language: str, text: str) -> None:
    assert "threat_or_insult" not in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "After this review we have blocked you from our shop permanently."),
        ("en", "We will not accept your orders any more."),
        ("de", "Nach dieser Bewertung sperren wir Sie dauerhaft."),
        ("de", "Von Ihnen nehmen wir keine Bestellungen mehr an."),
        ("es", "No le volveremos a atender en nuestra tienda."),
        ("fr", "Nous ne vous servirons plus, inutile de revenir."),
        ("nl", "We blokkeren u voorgoed in onze webshop."),
        ("it", "Non accetteremo più i suoi ordini."),
        ("pt", "Não aceitaremos mais os seus pedidos."),
        ("pl", "Po tej opinii zablokowaliśmy Panią w sklepie na zawsze."),
        ("lv", "Jūs vairs neapkalposim nevienā mūsu veikalā."),
        ("zh", "以后不再接待你。"),
    ],
)
def test_refusing_the_reviewer_any_further_service_is_a_ban(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We have blocked the card you reported stolen, so no one can use it."),
        ("en", "We will never block you from leaving a review."),
        ("de", "Wir haben die Karte gesperrt, damit niemand sie nutzen kann."),
        ("es", "Hemos bloqueado la tarjeta para su seguridad."),
        ("pl", "Zablokowaliśmy kartę na Pana prośbę."),
        ("zh", "我们不会再让您等这么久了，已经增加了客服人员。"),
        ("zh", "我们绝不会不接待您，欢迎随时再来。"),
        ("fr", "Nous ne vous ferons plus attendre, promis."),
        ("nl", "We laten u niet meer zo lang wachten."),
        ("it", "Non la faremo più aspettare così tanto."),
    ],
)
def test_a_blocked_card_or_no_more_waiting_is_no_ban(language: str, text: str) -> None:
    assert "threat_or_insult" not in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "If you ever show up here again, we will call the police straight away."),
        ("de", "Wenn Sie sich hier noch einmal blicken lassen, rufen wir die Polizei."),
        ("es", "Si vuelve por aquí, llamamos a la policía."),
        ("fr", "Ne revenez plus, sinon nous appelons la police."),
        ("nl", "Als u terugkomt, bellen we de politie."),
        ("it", "Se torna qui, chiamiamo la polizia."),
        ("pt", "Se voltar aqui, chamamos a polícia."),
        ("pl", "Jeśli Pan wróci, wezwiemy policję."),
        ("lv", "Ja atgriezīsieties, izsauksim policiju."),
    ],
)
def test_the_police_called_if_the_reviewer_comes_back_is_a_threat(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "If you come back for the bike, the police report is ready at the desk."),
        ("en", "If it happens again, please call the police straight away."),
        ("en", "Come back any time; we called the police about the break-in and it is sorted."),
        ("de", "Wenn Sie wiederkommen, liegt der Polizeibericht an der Kasse bereit."),
        ("es", "Si vuelve por aquí, el parte de la policía está en recepción."),
        ("fr", "Si vous revenez, le commissariat est juste à côté du magasin."),
        ("pl", "Jeśli Pan wróci, raport policji będzie w recepcji."),
    ],
)
def test_coming_back_and_the_police_with_no_one_calling_is_no_threat(
    language: str, text: str
) -> None:
    assert "threat_or_insult" not in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Perhaps you should just eat at home from now on."),
        ("de", "Vielleicht essen Sie künftig lieber zu Hause."),
        ("es", "Tal vez debería comer en casa la próxima vez."),
        ("fr", "Peut-être vaut-il mieux manger chez vous la prochaine fois."),
        ("nl", "Misschien kunt u voortaan beter thuis eten."),
        ("it", "Forse è meglio che mangi a casa, la prossima volta."),
        ("pt", "Talvez seja melhor comer em casa da próxima vez."),
        ("pl", "Może lepiej, żeby Pani gotowała w domu."),
        ("lv", "Varbūt labāk gatavojiet mājās."),
        ("zh", "您还是在家自己做饭吧。"),
    ],
)
def test_sending_the_reviewer_home_to_eat_is_an_insult(language: str, text: str) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "If you'd rather eat at home, we also deliver."),
        ("en", "Our meal kits let you cook at home in twenty minutes."),
        ("de", "Sie können auch zu Hause essen: wir liefern bis 22 Uhr."),
        ("es", "Si prefiere comer en casa, también hacemos envíos."),
        ("fr", "Vous pouvez aussi manger chez vous : nous livrons."),
        ("it", "Se preferisce mangiare a casa, consegniamo fino alle 22."),
        ("pt", "Se preferir comer em casa, fazemos entregas."),
        ("pl", "Jeśli woli Pani jeść w domu, dowozimy do 22."),
        ("lv", "Ja vēlaties ēst mājās, mēs piegādājam."),
        ("nl", "Wilt u liever thuis eten? Wij bezorgen ook."),
        ("zh", "您也可以点外卖在家吃。"),
    ],
)
def test_eating_at_home_offered_with_a_delivery_is_allowed(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Why don't you open your own restaurant, since you know so much?"),
        ("de", "Eröffnen Sie doch selbst ein Restaurant, wenn Sie alles besser wissen."),
        ("es", "Abra usted su propio restaurante, ya que sabe tanto."),
        ("fr", "Ouvrez donc votre propre restaurant, puisque vous savez tout."),
        ("nl", "Begin dan zelf een restaurant als u het zo goed weet."),
        ("pt", "Abra o seu próprio restaurante, já que sabe tanto."),
        ("pl", "Niech Pan sam otworzy restaurację, skoro zna się Pan najlepiej."),
        ("lv", "Atveriet paši savu restorānu, ja tik labi zināt."),
        ("en", "Good luck finding miracles for that price elsewhere."),
        ("es", "Buena suerte buscando milagros por ahí."),
        ("fr", "Bonne chance pour trouver des miracles ailleurs."),
        ("it", "Buona fortuna a cercare miracoli altrove."),
        ("pl", "Powodzenia w szukaniu cudów gdzie indziej."),
    ],
)
def test_open_your_own_place_or_good_luck_finding_miracles_is_mockery(
    language: str, text: str
) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "You mentioned you'd love to open your own restaurant one day: best of luck!"),
        ("en", "Maybe we should open a second restaurant in town."),
        ("en", "Good luck with the move, and thank you for the kind words."),
        ("en", "Good luck finding the right size; our guide is linked on the page."),
        ("fr", "Bonne continuation à vous et merci pour votre retour."),
        ("pt", "Boa sorte no novo emprego e obrigado pela visita!"),
        ("it", "Buon proseguimento al vostro viaggio!"),
        ("en", "Our kids' menu is available until 8pm; good luck at the match!"),
        ("en", "If the little ones are picky eaters, just stick to the kids' menu."),
        ("de", "Viel Spaß mit dem Kindermenü beim nächsten Besuch!"),
        ("zh", "周末排队较久，您最好在家吃过饭再来。"),
    ],
)
def test_wishing_the_reviewer_luck_is_allowed(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Good luck at the drive-thru next time."),
        ("en", "Maybe stick to microwave meals."),
        ("de", "Viel Glück beim Imbiss um die Ecke."),
        ("fr", "Restez-en aux plats préparés, alors."),
        ("it", "Buon proseguimento al fast food."),
        ("pt", "Boa sorte na lanchonete."),
        ("lv", "Tādi klienti mums nav vajadzīgi."),
        ("pl", "Szkoda czasu na takich klientów."),
        ("fr", "Quand on ne sait même pas distinguer un merlot d'un syrah, on évite de juger."),
        ("en", "You have been banned from our shops."),
        ("en", "Your picture is now pinned up at every till in town."),
    ],
)
def test_a_lesser_place_wished_on_the_reviewer_or_such_customers_unneeded_insult(
    language: str, text: str
) -> None:
    assert "threat_or_insult" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("lv", "Tādiem klientiem kā jūs rezervācija nav vajadzīga."),
        ("pl", "Szkoda, że takich klientów jak Pan jest coraz mniej."),
    ],
)
def test_such_customers_praised_are_no_insult(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Funny how this account only reviews gyms. Guess who's behind this."),
        ("en", "Who knows who they really work for."),
        ("en", "Everyone can draw conclusions."),
        ("de", "Man kann sich denken, wer dahintersteckt."),
        ("de", "Jeder kann seine eigenen Schlüsse ziehen."),
        ("es", "Todo el mundo sabe quién está detrás."),
        ("es", "Cada uno puede sacar sus propias conclusiones."),
        ("fr", "On devine qui se cache derrière."),
        ("fr", "Chacun en tirera ses conclusions."),
        ("nl", "Iedereen weet wie hierachter zit."),
        ("it", "Chissà per chi lavora davvero questo profilo."),
        ("pt", "Todos sabem quem está por trás."),
        ("pl", "Łatwo zgadnąć, kto za tym stoi."),
        ("lv", "Visiem skaidrs, kas aiz šī stāv."),
        ("zh", "明眼人都知道是谁在背后。"),
    ],
)
def test_hinting_at_who_is_behind_the_review_is_an_accusation(language: str, text: str) -> None:
    assert "accusation" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "You've never actually been a customer of ours."),
        ("en", "We hope you got paid for it."),
        ("de", "Wir hoffen, Sie wurden dafür gut bezahlt."),
        ("es", "Usted nunca ha sido realmente cliente nuestro."),
        ("es", "Esperamos que le hayan pagado bien por escribirla."),
        ("fr", "Vous n'avez jamais vraiment été client chez nous."),
        ("fr", "On vous a bien payé pour écrire cet avis ?"),
        ("nl", "Hopelijk heeft u er iets voor betaald gekregen."),
        ("nl", "U bent nooit echt klant bij ons geweest."),
        ("it", "Speriamo che l'abbiano pagata per scriverla."),
        ("pt", "Esperamos que lhe pagaram bem para escrever isto."),
        ("pl", "Ktoś Panu za to zapłacił."),
        ("lv", "Kāds jums par to samaksāja."),
        ("fr", "Cet avis arrive pile après l'ouverture de celle d'en face."),
        ("es", "Curioso que la reseña llegue cuando abrió la otra panadería de la calle."),
    ],
)
def test_never_really_a_customer_or_paid_for_the_review_is_an_accusation(
    language: str, text: str
) -> None:
    assert "accusation" in _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "It is clear who is behind this delay: the courier, and we have complained."),
        ("es", "Es evidente quién está detrás del retraso: el transportista."),
        ("pt", "Está claro quem está por trás do atraso: a transportadora."),
        ("en", "You have really been one of our most loyal customers for years, thank you."),
        ("en", "We hope you got the refund for it; let us know if not."),
        ("nl", "U heeft de reparatie terugbetaald gekregen, zoals beloofd."),
        ("nl", "U heeft ervoor betaald, dus u krijgt het volledige bedrag terug."),
        ("it", "Le hanno pagato per errore il doppio: rimborseremo la differenza."),
        ("lv", "Apdrošināšana jums par to samaksāja, kā solīts."),
        ("pl", "Ktoś z zespołu zadzwoni do Pana jutro."),
        ("fr", "Le parking de celle d'en face est aussi gratuit pour nos clients."),
    ],
)
def test_the_culprit_of_a_delay_or_a_refund_paid_is_no_accusation(language: str, text: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("language", "text", "accused"),
    [
        ("en", "We doubt this ever happened at our shop.", True),
        ("en", "Frankly, we doubt your story.", True),
        ("de", "Wir bezweifeln, dass sich das wirklich so zugetragen hat.", True),
        ("fr", "Nous doutons fortement que les choses se soient passées ainsi.", True),
        ("es", "Dudamos que eso haya pasado en nuestro local.", True),
        ("it", "Dubitiamo che sia andata davvero così.", True),
        ("nl", "Wij betwijfelen of dit echt zo gebeurd is.", True),
        ("pt", "Duvidamos que isso tenha acontecido na nossa loja.", True),
        ("pl", "Wątpimy, czy to się naprawdę wydarzyło.", True),
        # Doubting the future, or not doubting it at all, accuses no one.
        ("en", "We doubt this will happen again: the oven has been replaced.", False),
        ("en", "We don't doubt that this happened, and we are sorry.", False),
        ("fr", "Nous doutons que cela se reproduise, le four a été changé.", False),
        ("de", "Wir bezweifeln nicht, dass es so war, und entschuldigen uns.", False),
    ],
)
def test_doubting_that_the_reviewer_s_account_happened_is_an_accusation(
    language: str, text: str, accused: bool
) -> None:
    assert ("accusation" in _rules(text, language)) is accused


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The reviewer banned or no longer welcome, with a time word between ("voortaan", "ab
        # sofort", "désormais"), asked to leave if they come; what the seller holds on them
        # (messages, camera footage) and its publication, "wouldn't take much", "won't
        # hesitate"; a lesser place to feel at home in, across a semicolon too; "time you
        # learned to cook".
        ("You will not be served here again.", "en"),
        ("From now on you are no longer welcome here.", "en"),
        ("If you show up again, we'll ask you to leave.", "en"),
        ("Nach diesem Kommentar sind Sie in unserem Shop gesperrt.", "de"),
        ("Sie sind bei uns ab sofort nicht mehr willkommen.", "de"),
        ("Bestellungen von Ihnen nehmen wir nicht mehr an.", "de"),
        ("Vous n'êtes désormais plus le bienvenu chez nous.", "fr"),
        ("Vous ne serez plus servi ici.", "fr"),
        ("A partir de ahora ya no es bienvenido en nuestro bar.", "es"),
        ("No le volveremos a atender.", "es"),
        ("D'ora in poi lei non è più il benvenuto nel nostro locale.", "it"),
        ("Non la serviremo più.", "it"),
        ("Gezien uw gedrag bent u hier voortaan niet meer welkom.", "nl"),
        ("U wordt hier niet meer bediend.", "nl"),
        ("A partir de agora o senhor já não é bem-vindo no nosso café.", "pt"),
        ("Não voltaremos a atendê-lo.", "pt"),
        ("Od teraz nie jest Pan u nas mile widziany.", "pl"),
        ("Nie obsłużymy Pana więcej.", "pl"),
        ("Turpmāk jūs šeit vairs neesat gaidīts.", "lv"),
        ("以后您不再受欢迎，本店不再接待您。", "zh"),
        ("Wir nehmen keine Bestellungen mehr von Ihnen an.", "de"),
        (
            "We have kept all your messages, with your full name. It wouldn't take much to make "
            "them public.",
            "en",
        ),
        (
            "We still have the camera footage of your visit and won't hesitate to post it if this "
            "goes on.",
            "en",
        ),
        (
            "Nous conservons tous vos messages avec votre nom. Il suffirait de peu pour les "
            "rendre publics.",
            "fr",
        ),
        ("Nous avons gardé les images de la caméra et n'hésiterons pas à les diffuser.", "fr"),
        ("Conserviamo tutte le sue email con nome e cognome: non esiteremo a pubblicarle.", "it"),
        ("Abbiamo le immagini della telecamera. Basterebbe poco a renderle pubbliche.", "it"),
        (
            "Wir bewahren alle Ihre Nachrichten auf. Es wäre ein Leichtes, sie öffentlich zu "
            "machen.",
            "de",
        ),
        (
            "Guardamos todos sus mensajes con su nombre. No nos costaría nada hacerlos públicos.",
            "es",
        ),
        ("Le recomendamos una cadena de comida rápida; seguro que está más a su nivel.", "es"),
        ("Talvez o senhor se sinta mais em casa numa loja de conveniência.", "pt"),
        ("Perhaps you'd feel more at home at a petrol station.", "en"),
        ("Quizá se sentirá más a gusto en una gasolinera.", "es"),
        ("Skoro to dla Pana za mało, to może czas nauczyć się gotować.", "pl"),
        ("If that's too little for you, maybe it's time you learned to cook.", "en"),
        ("Wenn Ihnen das zu wenig ist, wird es Zeit, selbst kochen zu lernen.", "de"),
        ("Si c'est trop peu pour vous, il est peut-être temps d'apprendre à cuisiner.", "fr"),
    ],
)
def test_round_17_bans_exposure_and_scorn_threaten(text: str, language: str) -> None:
    assert "threat_or_insult" in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Welcome always, messages kept for a refund, a shop next door, a cooking school's
        # own invitation, orders no longer taken by one channel.
        ("You are always welcome here, and from now on the terrace opens at ten.", "en"),
        ("Sie sind bei uns jederzeit willkommen.", "de"),
        ("U bent hier voortaan altijd welkom.", "nl"),
        ("Vous êtes désormais le bienvenu à notre table d'hôtes.", "fr"),
        ("Sorry you were not served quickly; it will not happen again.", "en"),
        ("Wir nehmen keine Bestellungen mehr per Telefon an, nur noch online.", "de"),
        ("Wir nehmen keine Bestellungen mehr per E-Mail an; bitte nutzen Sie den Shop.", "de"),
        (
            "We have kept all your messages so the refund can be traced; nothing is ever made "
            "public.",
            "en",
        ),
        ("Nous conservons vos messages pour suivre le remboursement.", "fr"),
        ("Conserviamo le sue email solo per gestire il reso.", "it"),
        ("Wir möchten die neue Speisekarte bald öffentlich machen.", "de"),
        ("Guardamos todos sus mensajes para tramitar la devolución.", "es"),
        ("Sinta-se em casa no nosso café sempre que quiser.", "pt"),
        ("We want every guest to feel more at home, so we added armchairs.", "en"),
        ("Hay una gasolinera al lado; se puede aparcar allí.", "es"),
        ("There is a convenience store next door; it is open late.", "en"),
        ("W naszej szkole zawsze jest czas, by nauczyć się gotować razem z nami.", "pl"),
    ],
)
def test_round_17_the_same_words_threaten_no_one(text: str, language: str) -> None:
    assert "threat_or_insult" not in _rules(text, language), text
