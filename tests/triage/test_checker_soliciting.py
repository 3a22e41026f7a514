"""Soliciting reviews where the platform forbids it (Yelp): writing asked for where reviews
stand, by the reviewer or the people they came with, and gating by the reviewer's mood (own
wordings, not corpus replies)."""

from __future__ import annotations

import pytest

from reviewwatch.triage.checker import check_reply


def _rules(text: str, language: str, platform: str = "yelp") -> set[str]:
    result = check_reply(text, platform=platform, language=language)
    return {finding.rule for finding in result.findings if finding.severity == "block"}


# ---- Guests invited or encouraged to share their impressions where reviews stand ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We encourage all our guests to share their impressions on Yelp.", "en"),
        ("We've asked our friends and family to post about their meals here too.", "en"),
        ("Wir laden alle Gäste ein, ihre Eindrücke hier auf Yelp zu teilen.", "de"),
        ("Nous invitons tous nos clients à partager leur avis ici.", "fr"),
        ("Animamos a todos nuestros clientes a compartir su experiencia en Yelp.", "es"),
        ("Invitiamo tutti i nostri ospiti a condividere le loro impressioni qui.", "it"),
        ("Convidamos todos os nossos clientes a partilhar a sua experiência aqui no Yelp.", "pt"),
        ("We nodigen al onze gasten uit om hun ervaringen hier te delen.", "nl"),
        ("Zachęcamy wszystkich naszych gości do dzielenia się wrażeniami na Yelpie.", "pl"),
        ("Aicinām visus mūsu viesus dalīties savos iespaidos šeit Yelp.", "lv"),
        ("欢迎大家来Yelp分享用餐体验。", "zh"),
    ],
)
def test_guests_invited_to_share_where_reviews_stand_is_soliciting(
    text: str, language: str
) -> None:
    assert "solicit_review" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Shared with the seller, by message: a private channel, no review.
        ("We invite you to share your experience with us by e-mail.", "en"),
        ("Wir laden Sie ein, uns Ihre Eindrücke direkt mitzuteilen.", "de"),
        ("Nous vous invitons à partager votre expérience avec nous par message.", "fr"),
        ("请把您的体验分享给我们的客服。", "zh"),
        # Thanked for, or invited to something else.
        ("Thank you for sharing your experience here.", "en"),
        ("We invite you back for dinner on us; the new chef is sharing his recipes.", "en"),
    ],
)
def test_an_invitation_to_share_with_the_seller_or_to_come_back_does_not_solicit(
    text: str, language: str
) -> None:
    assert "solicit_review" not in _rules(text, language)


# ---- Writing asked for "here" or on a review site, also from the reviewer's company ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We'd be thrilled if your colleagues posted their thoughts here as well.", "en"),
        ("Bring your friends along next time and have them write about us on Yelp.", "en"),
        ("Your guests are welcome to share their impressions on Yelp too.", "en"),
        ("Bitten Sie Ihre Gäste, ihre Eindrücke hier zu teilen!", "de"),
        ("Wenn Ihre Gäste auch zufrieden waren, freuen wir uns über deren Bewertung.", "de"),
        ("Si a tus amigos les gustó, que cuenten aquí su experiencia.", "es"),
        ("Invitez vos proches à partager leur avis ici !", "fr"),
        ("Dica ai suoi amici di scrivere due righe qui, ci farebbe piacere!", "it"),
        ("Peça para a galera escrever aqui como foi!", "pt"),
        ("Poproś znajomych, żeby też napisali coś o nas na Yelpie!", "pl"),
        ("Als je gasten het ook lekker vonden, lezen we graag hun ervaringen hier.", "nl"),
        ("Ja arī jūsu draugiem patika, priecāsimies lasīt viņu atsauksmes šeit.", "lv"),
        ("请您的朋友也来Yelp上说说他们的体验吧！", "zh"),
    ],
)
def test_writing_asked_for_here_or_from_the_reviewers_company_solicits(
    text: str, language: str
) -> None:
    assert "solicit_review" in _rules(text, language)
    # Where asking for reviews is allowed, the same words are no violation.
    assert "solicit_review" not in _rules(text, language, "google_business")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Please write to me here if anything else comes up.", "en"),
        ("Your friends are always welcome here!", "en"),
        ("Bring your friends here next time and share a big pizza!", "en"),
        ("We're happy to share here that the terrace is open again.", "en"),
        ("As we wrote here last week, the terrace is closed on Mondays.", "en"),
        ("We read everything you write here.", "en"),
        ("Schreiben Sie mir hier gern direkt.", "de"),
        ("Wie wir hier schon geschrieben haben, ist montags Ruhetag.", "de"),
        ("Aquí tus amigos siempre son bienvenidos.", "es"),
        ("Escriba aquí su número de pedido, por favor, y lo revisamos.", "es"),
        ("Comme nous l'avons écrit ici, le restaurant est fermé le lundi.", "fr"),
        ("Scriva pure qui il numero d'ordine e verificheremo.", "it"),
        ("Escreva aqui o número do pedido, por favor.", "pt"),
        ("Proszę napisać tutaj numer zamówienia.", "pl"),
        ("Napisz do mnie prywatną wiadomość tutaj.", "pl"),
        ("Lūdzu, uzrakstiet šeit pasūtījuma numuru.", "lv"),
        ("请在这里写下您的订单号，我们会查询。", "zh"),
        ("欢迎您的朋友们下次一起来这里聚餐！", "zh"),
    ],
)
def test_a_message_a_detail_or_the_sellers_own_writing_here_does_not_solicit(
    text: str, language: str
) -> None:
    assert "solicit_review" not in _rules(text, language)


# ---- Gating: the space where reviews stand kept for the satisfied; groups named anew ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We keep this page for happy voices only; anything else goes to our inbox.", "en"),
        ("Diese Seite ist für zufriedene Stimmen gedacht, Beschwerden bitte per Mail.", "de"),
        ("Reservamos este espacio para las opiniones positivas; las quejas, por correo.", "es"),
        ("Cet espace est réservé aux avis positifs, merci d'écrire au service client sinon.", "fr"),
        (
            "Questo spazio dovrebbe ospitare le recensioni positive: per i problemi scriveteci.",
            "it",
        ),
        ("Este espaço é para as experiências positivas; reclamações pelo e-mail.", "pt"),
        ("To miejsce jest dla pozytywnych opinii, skargi prosimy kierować mailowo.", "pl"),
        ("Deze pagina is bedoeld voor positieve ervaringen, klachten graag via de mail.", "nl"),
        ("Šī vieta ir paredzēta pozitīvām atsauksmēm, sūdzības lūdzam sūtīt e-pastā.", "lv"),
        ("评论区是留给满意的声音的，有问题请私信。", "zh"),
    ],
)
def test_the_review_space_kept_for_the_satisfied_is_gating(text: str, language: str) -> None:
    assert "review_gating" in _rules(text, language, "generic")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("This space is for all opinions, not only positive ones.", "en"),
        ("This page is not just for positive reviews, every voice counts.", "en"),
        ("Join us here for happy hour every Friday!", "en"),
        ("Here we have only had positive experiences with this supplier.", "en"),
        ("Hier sollen sich alle Gäste wohlfühlen und zufrieden sein.", "de"),
        ("Este espacio es para todas las opiniones, buenas y malas.", "es"),
        ("Merci pour tous les avis positifs ici !", "fr"),
        ("Tevreden klanten zijn onze beste reclame.", "nl"),
        ("Nos clients contents reviennent souvent, merci pour votre visite.", "fr"),
        ("有问题的顾客请联系客服，我们会尽快处理。", "zh"),
    ],
)
def test_every_voice_welcome_or_satisfied_guests_named_is_no_gating(
    text: str, language: str
) -> None:
    assert "review_gating" not in _rules(text, language, "generic")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nos clients contents, on les invite à laisser un avis ; les autres nous écrivent.", "fr"),
        ("Zufriedene Patienten bitten wir um eine Bewertung, alle anderen um einen Anruf.", "de"),
        ("Os clientes felizes convidamos a avaliar no Google; os outros, ao balcão.", "pt"),
        ("有意见的会员请找前台。满意的会员欢迎给我们写评价。", "zh"),
        ("Si tienes alguna queja, escríbenos. Si te gustó, déjanos una reseña en Google.", "es"),
    ],
)
def test_the_satisfied_asked_for_a_review_and_the_others_sent_elsewhere_is_gating(
    text: str, language: str
) -> None:
    assert "review_gating" in _rules(text, language, "generic")


# ---- Marketing: free shipping over an amount, a new collection arrived, a new product ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Our autumn collection has just arrived, with free shipping over €40.", "en"),
        ("In the meantime, discover Zenith, our new meditation app, free for a month!", "en"),
        ("Unsere Herbstkollektion ist da, mit kostenlosem Versand ab 40 €.", "de"),
        ("Entdecken Sie auch unsere neue Meditations-App Zenith, einen Monat gratis!", "de"),
        ("Découvrez Zénith, notre nouvelle appli de méditation, gratuite pendant un mois !", "fr"),
        ("Notre collection d'automne vient d'arriver, avec livraison offerte dès 40 €.", "fr"),
        ("Nuestra colección de otoño ya ha llegado, con envío gratis a partir de 40 €.", "es"),
        ("Scopra anche Zenith, la nostra nuova app di meditazione, gratis per un mese!", "it"),
        ("A nossa coleção de outono já chegou, com envio grátis acima de 40 €.", "pt"),
        ("Ontdek ook onze nieuwe meditatie-app Zenith, een maand gratis!", "nl"),
        ("Nasza jesienna kolekcja już jest, z darmową dostawą od 150 zł.", "pl"),
        ("Mūsu rudens kolekcija jau ir klāt, ar bezmaksas piegādi no 40 €.", "lv"),
        ("顺便告诉您，我们的秋季新品已经上架，满99元包邮哦。", "zh"),
    ],
)
def test_a_shop_window_in_the_reply_is_marketing(text: str, language: str) -> None:
    assert "marketing" in _rules(text, language, "trustpilot")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Discover our new version 2.1, which fixes the crash.", "en"),
        ("Check out our new FAQ page for the steps.", "en"),
        ("We now send your replacement with free shipping.", "en"),
        ("Entdecken Sie unsere neue Hilfeseite mit allen Schritten.", "de"),
        ("Die neue Version ist da und behebt den Fehler.", "de"),
        ("Découvrez notre nouvelle version, qui corrige le bug.", "fr"),
    ],
)
def test_a_new_version_a_help_page_or_a_free_remedy_is_no_marketing(
    text: str, language: str
) -> None:
    assert "marketing" not in _rules(text, language, "trustpilot")


# ---- Marketing: a price deal on a recurring day or for a limited time ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Thanks for the kind words! Every Friday, all burgers are $8 — see you soon.", "en"),
        ("¡Gracias! Todos los martes, menú del día por 12 €.", "es"),
        ("Merci ! Tous les jeudis, le plat du jour est à 11 €.", "fr"),
        ("Bedankt! Elke woensdag spareribs voor € 15.", "nl"),
        ("Obrigado! Só este mês, o rodízio sai por 49 €.", "pt"),
        ("Dziękujemy! Tylko w tym miesiącu pizza za 25 zł.", "pl"),
        ("Paldies! Katru piektdienu pica par 7 €.", "lv"),
        ("Danke! Nur diesen Monat gibt es jede Pizza für 8 €.", "de"),
    ],
)
def test_a_price_deal_for_a_day_or_a_limited_time_is_marketing(text: str, language: str) -> None:
    assert "marketing" in _rules(text, language, "generic"), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We refunded the $8 on Friday; sorry again.", "en"),
        ("Die 9,90 € wurden am Dienstag erstattet.", "de"),
        ("Your order of 25 € arrived on Monday, a day late; we're sorry.", "en"),
        ("Ogni lunedì siamo chiusi; il pranzo costava 12 € e le abbiamo restituito tutto.", "it"),
        ("Le menu à 25 € est servi tous les jours, et nous avons remboursé votre dessert.", "fr"),
        ("We're open every Tuesday from 9 to 5.", "en"),
    ],
)
def test_a_price_of_the_reviewers_own_order_or_refund_is_no_marketing(
    text: str, language: str
) -> None:
    assert "marketing" not in _rules(text, language, "generic"), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Now the refund is through, it would only be fair if your review reflected that.",
            "en",
        ),
        (
            "The refund went through, so it seems only fair for your review to reflect that.",
            "en",
        ),
        (
            "Now it is settled, we'd be grateful if you took another look at what you've written.",
            "en",
        ),
        (
            "Die Erstattung ist da, es wäre nur fair, wenn Ihre Bewertung das auch widerspiegelt.",
            "de",
        ),
        ("Ahora que el reembolso ya le ha llegado, sería justo que su reseña lo reflejara.", "es"),
        (
            "Le remboursement est arrivé, il serait juste que votre avis en tienne compte.",
            "fr",
        ),
        ("Le remboursement est fait, il serait donc juste que votre avis le reflète.", "fr"),
        (
            "Nu de terugbetaling binnen is, zou het mooi zijn als uw recensie dat ook laat zien.",
            "nl",
        ),
        (
            "Ora che il rimborso è arrivato, sarebbe giusto che la recensione ne tenesse conto.",
            "it",
        ),
        (
            "Il pacco è arrivato: ci sembrerebbe giusto che il testo qui sopra venisse aggiornato.",
            "it",
        ),
        ("Agora que o reembolso chegou, seria justo que a sua avaliação refletisse isso.", "pt"),
        ("Skoro zwrot już dotarł, byłoby uczciwie, gdyby Pani opinia to uwzględniała.", "pl"),
        ("Tagad, kad nauda ir atmaksāta, būtu godīgi, ja jūsu atsauksme to atspoguļotu.", "lv"),
        ("既然退款已经到账，希望您的评价也能体现这一点。", "zh"),
        ("退款已经完成，评价也体现这一点才公平。", "zh"),
    ],
)
def test_a_review_asked_to_reflect_the_settled_problem_is_an_ask_to_change_it(
    text: str, language: str
) -> None:
    assert "ask_change_review" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The parcel arrived in the end, so it only seems fair for that to be reflected here.",
            "en",
        ),
        (
            "Das Paket ist angekommen, da wäre es schön, wenn sich das auch hier widerspiegelt.",
            "de",
        ),
        ("El paquete ya llegó, así que sería justo que esto se refleje también aquí.", "es"),
        ("Le colis est arrivé, il serait juste que cela se reflète aussi ici.", "fr"),
        ("Het pakket is toch aangekomen, het zou fijn zijn als dat hier ook te zien is.", "nl"),
        ("Il pacco è arrivato, sarebbe giusto che questo si rifletta anche qui.", "it"),
        ("A encomenda chegou, seria justo que isso se reflita também aqui.", "pt"),
        ("Paczka dotarła, więc byłoby fair, żeby to również tutaj się odzwierciedliło.", "pl"),
        ("Paka ir pienākusi, būtu godīgi, ja tas atspoguļotos arī šeit.", "lv"),
        ("包裹已经到了，希望在这里也能体现出来。", "zh"),
    ],
)
def test_the_settled_problem_asked_to_show_here_is_an_ask_to_change_the_review(
    text: str, language: str
) -> None:
    assert "ask_change_review" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Thanks for the review. It reflects exactly what we want to improve.", "en"),
        ("Your review reflects that, and we agree with every word.", "en"),
        ("We hope the new packaging reflects that.", "en"),
        ("It seems only fair to say that your review made us rethink the whole menu.", "en"),
        ("Quality matters to us and we hope it shows in every order.", "en"),
        ("Ihre Bewertung zeigt das deutlich, und wir nehmen es ernst.", "de"),
        ("Ihre Kritik spiegelt sich in unseren neuen Abläufen wider.", "de"),
        (
            "Es wäre nur fair zu sagen, dass Ihre Bewertung uns geholfen hat, die Karte zu ändern.",
            "de",
        ),
        ("Su reseña lo refleja muy bien y le pedimos disculpas.", "es"),
        ("Sería justo decir que su reseña nos ayudó a cambiar el menú.", "es"),
        ("Nous tenons compte de votre avis pour améliorer le service.", "fr"),
        ("Votre avis le reflète bien, et nous en sommes désolés.", "fr"),
        ("Votre avis se reflète dans nos nouvelles consignes de livraison.", "fr"),
        ("Il serait juste de dire que votre avis nous a fait changer le menu.", "fr"),
        ("Uw review laat zien dat we de communicatie moeten verbeteren.", "nl"),
        ("We hebben foto's van de nieuwe verpakking toegevoegd zodat dit te zien is.", "nl"),
        ("Terremo conto della sua recensione per migliorare il servizio.", "it"),
        ("La sua recensione lo rispecchia bene: ci scusiamo per il disagio.", "it"),
        ("Sarebbe giusto dire che la sua recensione ci ha aiutato a cambiare il menù.", "it"),
        ("A sua avaliação reflete bem o que precisamos melhorar.", "pt"),
        ("A sua avaliação mostra isso muito bem e pedimos desculpa.", "pt"),
        ("Uwzględnimy Pani opinię przy szkoleniu zespołu.", "pl"),
        ("您的评价体现了这个问题，我们会改进。", "zh"),
    ],
)
def test_a_review_said_to_reflect_a_problem_or_taken_into_account_asks_nothing(
    text: str, language: str
) -> None:
    assert not _rules(text, language) & {"ask_change_review", "ask_positive_rating"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Erzählen Sie es gern weiter und schreiben Sie uns nach Ihrem nächsten Besuch "
            "wieder eine Bewertung.",
            "de",
        ),
        (
            "Kommen Sie bald wieder und hinterlassen Sie uns nach dem nächsten Besuch eine "
            "Bewertung.",
            "de",
        ),
        (
            "Vertelt u het gerust verder en schrijf na uw volgende bezoek weer een review op Yelp.",
            "nl",
        ),
        ("Tell your friends and write us another review here after your next visit.", "en"),
        ("Vuelva pronto y déjenos después de su próxima visita otra reseña en Yelp.", "es"),
        ("Revenez vite et laissez-nous après votre prochaine visite un avis sur Yelp.", "fr"),
        ("Volte em breve e deixe-nos depois da próxima visita uma avaliação no Yelp.", "pt"),
    ],
)
def test_a_review_asked_for_by_a_second_polite_imperative_solicits(
    text: str, language: str
) -> None:
    assert "solicit_review" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Sie haben uns geschrieben und wir haben nach Ihrem Besuch die Bewertung gelesen.", "de"),
        ("Erzählen Sie uns gern mehr und schreiben Sie uns direkt über das Kontaktformular.", "de"),
        ("Kommen Sie gern wieder und sagen Sie uns, ob die neue Karte schmeckt.", "de"),
        ("Lesen Sie gern die anderen Bewertungen und kommen Sie bald wieder.", "de"),
        ("Leest u gerust de andere reviews en kom snel weer langs.", "nl"),
    ],
)
def test_polite_imperatives_that_ask_for_no_review_do_not_solicit(text: str, language: str) -> None:
    assert not _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Merci pour les 4 étoiles ! Dites-nous ce qu'il manquait pour la cinquième, et "
            "pensez à nous l'accorder la prochaine fois.",
            "fr",
        ),
        (
            "Thanks for the four stars! Let us know what we missed for the fifth, and remember "
            "to give it to us next time.",
            "en",
        ),
        (
            "Danke für die vier Sterne! Sagen Sie uns, was zum fünften fehlte, und vergessen Sie "
            "nicht, ihn uns beim nächsten Mal zu geben.",
            "de",
        ),
        (
            "¡Gracias por las 4 estrellas! Díganos qué faltó para la quinta, y la próxima vez "
            "dénosla.",
            "es",
        ),
        (
            "Grazie per le 4 stelle! Ci dica cosa è mancato per la quinta, e la prossima volta "
            "ce la dia.",
            "it",
        ),
        (
            "Obrigado pelas 4 estrelas! Diga-nos o que faltou para a quinta, e da próxima vez "
            "dê-nos essa.",
            "pt",
        ),
        (
            "Bedankt voor de 4 sterren! Laat weten wat er miste voor de vijfde, en geef ons die "
            "de volgende keer.",
            "nl",
        ),
        (
            "Dziękujemy za 4 gwiazdki! Prosimy napisać, czego zabrakło do piątej, i następnym "
            "razem dać nam ją.",
            "pl",
        ),
        (
            "Paldies par 4 zvaigznēm! Pastāstiet, kā pietrūka līdz piektajai, un nākamreiz "
            "iedodiet mums arī to.",
            "lv",
        ),
        ("谢谢您的四星！告诉我们还差什么，第五颗星下次记得给我们。", "zh"),
    ],
)
def test_the_missing_fifth_star_asked_to_be_given_next_time_asks_for_a_higher_rating(
    text: str, language: str
) -> None:
    assert "ask_positive_rating" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Thanks for the four stars! Let us know what we could do better to earn the fifth.", "en"),
        (
            "Merci pour les 4 étoiles ! Dites-nous ce qu'il a manqué pour mériter la cinquième.",
            "fr",
        ),
        ("This was your fifth visit, so we gave it our best: a table by the window.", "en"),
        ("Danke für die vier Sterne! Sagen Sie uns gern, was zum fünften gefehlt hat.", "de"),
        ("Era su quinta visita y nos alegra que la disfrutara.", "es"),
    ],
)
def test_asking_what_the_fifth_star_lacked_asks_for_no_rating(text: str, language: str) -> None:
    assert "ask_positive_rating" not in _rules(text, language)
