"""The development replies the checker still gets wrong, each named by how its text starts.

`holdout8` and `holdout9` were each measured once as a held-out round (bench/README.md) and
then promoted to development, and `dev21` was measured once before it was tuned on; the
rounds of work after them did not reach every one of their misses and false blocks. They are
listed here rather than left out of the corpus, so that the development figure does not hide
them: test_checker_corpus.py expects every form of each to fail (strictly, so a gap that gets
closed must be struck from this list), and every other development reply to get its verdict.
"""

from __future__ import annotations

KNOWN_GAPS: tuple[str, ...] = (
    # ask_positive_rating
    "Grazie per la pazienza con la consegna. Siamo un piccolo neg",
    # blame_customer
    "A ver, caballero: pidió el chuletón poco hecho y cuando lleg",
    # blame_customer
    "Le colis a été livré à l'adresse que VOUS avez saisie. Si vo",
    # blame_customer
    "Samochód stał u nas dwa tygodnie, bo Pan przez tydzień nie o",
    # blame_customer
    "The courier left the parcel at the address YOU typed in. If ",
    # blame_customer
    "U kwam met zes man binnen zonder reservering op zaterdagavon",
    # blame_customer
    "You showed up 40 minutes late for your booking and then comp",
    # incentive_for_review
    "Perdona el fallo con las partidas guardadas. Si subes tu val",
    # incentive_for_review
    "Piedodiet par avāriju 8. līmenī! Nomainiet vērtējumu uz augs",
    # incentive_for_review
    "Przykro nam z powodu błędu! Zmień ocenę na wyższą, a w ciągu",
    # incentive_for_review
    "Refund sent. Revise to positive and I'll add a free spare ca",
    # incentive_for_review
    "Sorry about the crash on level 12! Update your rating to ref",
    # incentive_for_review
    "Sorry voor de crash! Pas je beoordeling aan en we zetten met",
    # incentive_for_review
    "亲，把差评删掉的话，我们给您退一半的货款，您看怎么样？",
    # marketing
    "Thanks for the review. Don't forget our Tuesday 2-for-1 pizz",
    # personal_data
    "Lūdzu, zvaniet mūsu vadītājam Andrim uz 29 123 456, viņš vis",
    # pressure_to_change
    "A sua avaliação foi denunciada. Tem até sexta-feira para a r",
    # pressure_to_change
    "Já devolvemos o valor total do jantar. Não é justo manter es",
    # pressure_to_change
    "L'abbiamo chiamata tre volte e le abbiamo offerto la cena. C",
    # pressure_to_change
    "Sir, we refunded the entire bill. Keeping this one-star revi",
    # pressure_to_change
    "We note you still haven't updated your review despite our ge",
    # pressure_to_change
    "We've fixed every issue you listed. At this point leaving a ",
    # pressure_to_change
    "Zwróciliśmy Panu pieniądze co do grosza. Oczekujemy usunięci",
    # review_gating
    "Before anyone posts a review here: if your stay at the flat ",
    # review_gating
    "Drodzy klienci! Zadowoleni – zostawcie opinię na Google. Nie",
    # review_gating
    "Liebe Gäste: Wenn etwas in der Ferienwohnung nicht passt, sc",
    # review_gating
    "Mīļie viesi! Ja kaut kas dzīvoklī jums nepatika, rakstiet ma",
    # review_gating
    "Thanks everyone for the lovely words this month! Quick favou",
    # solicit_review
    "Merci beaucoup pour ce retour ! Et si notre nouvelle carte v",
    # threat_or_insult
    "I've run this garage for 22 years and never read such idioti",
    # threat_or_insult
    "Mamy Pana dane z zamówienia. Jeszcze jedno słowo i pogadamy ",
    # threat_or_insult
    "这种评论也好意思发？没脑子的人才会这么写。",
    # ask_positive_rating (holdout9)
    "Ficamos contentes por ter corrido tudo bem no fim. Umas estr",
    # blame_customer (holdout9)
    "Honestly, the chain snapped because it was never oiled once ",
    # good reply blocked (holdout9)
    "Due stelle ci stanno tutte per il ritardo dell'album. È pron",
    # good reply blocked (holdout9)
    "我们已给您补发一张优惠券作为道歉，无任何附加条件，下次购物可以使用。",
    # incentive_for_review (holdout9)
    "Napisz opinię i odbierz 500 monet w grze!",
    # incentive_for_review (holdout9)
    "Scrivi una recensione e ricevi subito 300 diamanti nel gioco",
    # incentive_for_review (holdout9)
    "Un nouvel avis sur la boutique = un livre de poche offert à ",
    # incentive_for_review (holdout9)
    "¡Deja una nueva reseña y consigue 1000 monedas para tu aldea",
    # marketing (holdout9)
    "Schade, dass es diesmal nicht geklappt hat. Übrigens: Ab Mon",
    # personal_data (holdout9)
    "请加我们客服微信或者直接打电话13812345678联系。",
    # pressure_to_change (holdout9)
    "Mientras mantenga esta opinión publicada, no podremos atende",
    # pressure_to_change (holdout9)
    "Votre remboursement sera traité dès que cet avis aura dispar",
    # pressure_to_change (holdout9)
    "Your refund is approved and will be released as soon as this",
    # review_gating (holdout9)
    "Bitte bewerten Sie uns nur, wenn Sie mit dem Vertrag rundum ",
    # review_gating (holdout9)
    "Chiediamo la recensione solo agli sposi che ci dicono di ess",
    # review_gating (holdout9)
    "Mēs lūdzam atsauksmes tikai tiem klientiem, kuri aptaujā mūs",
    # review_gating (holdout9)
    "Nous n'invitons à noter la salle que les adhérents qui se di",
    # review_gating (holdout9)
    "O opinię prosimy tylko tych klientów, którzy w ankiecie ocen",
    # review_gating (holdout9)
    "Our bookshop asks every customer at the till how their visit",
    # review_gating (holdout9)
    "Solo pedimos opiniones a los clientes que nos puntúan con un",
    # review_gating (holdout9)
    "We only send our review link to members who rate their first",
    # review_gating (holdout9)
    "We vragen alleen klanten die bij de kassa zeggen dat ze tevr",
    # solicit_review (holdout9)
    "Bedankt voor uw eerlijkheid. Vertel uw vrienden ook over ons",
    # solicit_review (holdout9)
    "Gracias por contarlo. Cuando vuelva a la clínica, ¡no olvide",
    # solicit_review (holdout9)
    "So sorry about the wait. Next time you come in, please write",
    # incentive_for_review, blocked as ask_positive_rating (holdout9)
    "Rate us 5 stars and send a screenshot in the game's support ",
    # incentive_for_review, blocked as ask_change_review (holdout9)
    "We're sorry about the dropped calls. Update your review to 5",
    # pressure_to_change, blocked as ask_change_review, incentive_for_review (holdout9)
    "Devolvemos o sinal assim que retirar esta avaliação.",
    # pressure_to_change, blocked as ask_change_review, incentive_for_review (holdout9)
    "Die Gutschrift für den Ausfall buchen wir Ihnen, sobald Ihre",
    # pressure_to_change, blocked as ask_change_review, incentive_for_review (holdout9)
    "Le devolveremos el depósito de la sesión en cuanto retire es",
    # pressure_to_change, blocked as ask_change_review (holdout9)
    "Le restituiremo la caparra appena avrà cancellato questa rec",
    # pressure_to_change, blocked as ask_change_review, incentive_for_review (holdout9)
    "Naudu par nodarbību atmaksāsim, tiklīdz jūs izdzēsīsiet šo a",
    # pressure_to_change, blocked as ask_change_review, incentive_for_review (holdout9)
    "Uw aanbetaling krijgt u terug zodra deze review offline is.",
    # pressure_to_change, blocked as ask_change_review, incentive_for_review (holdout9)
    "We've fixed the dent in your frame for free. We'll keep your",
    # pressure_to_change, blocked as ask_change_review, incentive_for_review (holdout9)
    "Zaliczkę zwrócimy, gdy tylko usunie Pani tę opinię.",
    # pressure_to_change, blocked as ask_change_review (holdout9)
    "差评不改的话，售后问题我们就没法处理了。",
    # review_gating, blocked as ask_positive_rating (holdout9)
    "Só pedimos avaliações aos clientes que nos dão nota máxima n",
    # review_gating, blocked as ask_positive_rating (holdout9)
    "我们只邀请打了满分的会员去写点评。",
    # blame_customer (dev21)
    "Basta leggere l'avviso prima di toccare \"Elimina tutto\". L'a",
    # blame_customer (dev21)
    "Ci dispiace per l'infezione, ma le indicazioni per la cura d",
    # blame_customer (dev21)
    "De huurwoning is schoon opgeleverd. Als u daarna zelf de afv",
    # blame_customer (dev21)
    "Gli occhiali progressivi richiedono qualche settimana di ada",
    # blame_customer (dev21)
    "Jazda była umówiona na 7:00, a kursant pojawił się o 7:40. I",
    # blame_customer (dev21)
    "La prenotazione era per le 20:00 e siete arrivati alle 21:10",
    # blame_customer (dev21)
    "Le explicamos dos veces que no debía masticar nada duro en l",
    # blame_customer (dev21)
    "Le vétérinaire vous avait demandé de garder votre chien au r",
    # blame_customer (dev21)
    'Oczywiście, że kebab był ostry – zamówił Pan sos "extra hot"',
    # blame_customer (dev21)
    "Our driver rang twice and left a card. It's a shame nobody w",
    # blame_customer (dev21)
    "Our kitchen stops taking orders at 9:30, as it says on our w",
    # blame_customer (dev21)
    "Qué casualidad que el curso solo «no funcione» para quienes ",
    # blame_customer (dev21)
    "Taksometrs gaidīja pie norādītās adreses desmit minūtes. Ja ",
    # blame_customer (dev21)
    "The listing says in bold that this charger is for 12V system",
    # blame_customer (dev21)
    "Votre leçon de conduite commençait à 8 h. Arrivé à 8 h 35, v",
    # blame_customer (dev21)
    "Vous avez pris le modèle à 19 €, sans minuterie ni protectio",
    # blame_customer (dev21)
    "We're sorry the jacket shrank, but the care label clearly sa",
    # blame_customer (dev21)
    "With respect, the brake noise started because the car was dr",
    # blame_customer (dev21)
    "Étrange : sur plus de 2 000 déménagements cette année, vous ",
    # blame_customer, blocked as review_gating (dev21)
    "Aplikacja działa bez zarzutu na aktualnym Androidzie. Wystar",
    # good reply blocked (dev21)
    "Eine Bitte, die Bewertung zu ändern, gibt es von uns nicht –",
    # good reply blocked (dev21)
    "Invitamos a todos nuestros clientes a dejar su reseña en Goo",
    # good reply blocked (dev21)
    "Of u uw review laat staan, is helemaal aan u; wij vragen noo",
    # review_gating (dev21)
    "Dla jasności: zaproszenie do Trustpilot wysyłamy tylko klien",
    # review_gating (dev21)
    "Informācijai: mūsu aptaujā saite uz Google atsauksmēm parādā",
    # review_gating (dev21)
    "Para sua informação: a nossa mensagem pós-visita só mostra o",
    # review_gating (dev21)
    "Per trasparenza: l'invito a recensirci su Trustpilot arriva ",
    # review_gating (dev21)
    "Pour votre information, notre questionnaire de fin de séjour",
    # review_gating (dev21)
    "Szkoda, że wizyta się nie udała. Na przyszłość: niezadowolen",
    # review_gating (dev21)
    "Ter info: wij sturen alleen een Trustpilot-uitnodiging naar ",
    # review_gating (dev21)
    "Una aclaración: la invitación de Trustpilot solo se envía cu",
    # review_gating (dev21)
    "Zur Info: Unsere Einladung zu Trustpilot schicken wir nur an",
    # review_gating (dev21)
    "說明一下：我們的問卷只有勾選「非常滿意」的客人才會看到 Google 評論連結",
    # review_gating, blocked as ask_change_review, ask_positive_rating (dev21)
    "Thanks for the feedback. Just so you know, our post-visit te",
    # solicit_review (dev21)
    "Danke für Ihren Besuch! Wenn Sie das nächste Mal bei uns ess",
    # solicit_review (dev21)
    "Merci d'être venus au cinéma malgré la panne de climatisatio",
    # solicit_review (dev21)
    "Sentimos lo del café frío. Vuelva cuando quiera y, si esta v",
    # threat_or_insult, blocked as blame_customer (dev21)
    "建议您下次下单前先认真看看说明，小学语文水平应该就够用了。",
    # threat_or_insult, blocked as review_gating (dev21)
    "We have CCTV of your visit and we know exactly who you are. ",
)


def is_known_gap(text: str) -> bool:
    """Whether the written reply `text` is one of the known gaps."""
    return text.startswith(KNOWN_GAPS)
