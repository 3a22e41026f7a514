"""The development replies the checker still gets wrong, each named by how its text starts.

`holdout8` and `holdout9` were each measured once as a held-out round (bench/README.md) and
then promoted to development; the rounds of work after them did not reach every one of their
misses and false blocks. They are listed here rather than left out of the corpus, so that
the development figure does not hide them: test_checker_corpus.py expects every form of each to fail
(strictly, so a gap that gets closed must be struck from this list), and every other
development reply to get its verdict.
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
    "Was für ein Unsinn. Wer so einen Schwachsinn schreibt, sollt",
    # threat_or_insult
    "这种评论也好意思发？没脑子的人才会这么写。",
    # accusation (holdout9)
    "Deze recensie komt overduidelijk van een concurrerende ontwi",
    # accusation (holdout9)
    "Sappiamo benissimo che lei lavora per la libreria qui di fro",
    # accusation (holdout9)
    "We recognise your writing style. You're the former employee ",
    # accusation (holdout9)
    "Wir wissen genau, dass das Tattoostudio zwei Straßen weiter ",
    # ask_positive_rating (holdout9)
    "Ficamos contentes por ter corrido tudo bem no fim. Umas estr",
    # blame_customer (holdout9)
    "A tatuagem infeccionou porque você foi à praia no dia seguin",
    # blame_customer (holdout9)
    "Als u de fiets gewoon binnen had gezet, was de ketting niet ",
    # blame_customer (holdout9)
    "Dass Ihr Hund nach der OP erbrochen hat, liegt daran, dass S",
    # blame_customer (holdout9)
    "De hechting is opengegaan omdat u de kap thuis heeft afgedaa",
    # blame_customer (holdout9)
    "Gdyby przeczytała Pani regulamin taryfy, wiedziałaby Pani, ż",
    # blame_customer (holdout9)
    "Honestly, the chain snapped because it was never oiled once ",
    # blame_customer (holdout9)
    "Il tatuaggio si è rovinato perché lei ci ha messo la crema s",
    # blame_customer (holdout9)
    "La bici era a posto quando l'ha ritirata. Se poi la lascia s",
    # blame_customer (holdout9)
    "Lamentamos que el tatuaje se infectara, pero usted se fue a ",
    # blame_customer (holdout9)
    "Le vélo a été rendu en parfait état. Ce qui s'est passé ensu",
    # blame_customer (holdout9)
    "O gato não melhorou porque não deu o medicamento como indicá",
    # blame_customer (holdout9)
    "Our vet team followed the discharge sheet to the letter. If ",
    # blame_customer (holdout9)
    "Pies kulał po zabiegu, bo pozwolił mu Pan skakać po schodach",
    # blame_customer (holdout9)
    "Rower oddaliśmy sprawny. To, jak go Pan potem używał, to już",
    # blame_customer (holdout9)
    "Si hubiera llegado a la hora que indicaba su tarjeta de emba",
    # blame_customer (holdout9)
    "Sie haben beim Buchen selbst den falschen Namen eingetragen.",
    # blame_customer (holdout9)
    "Sorry you were refused boarding, but the gate closed at 06:4",
    # blame_customer (holdout9)
    "Suns pēc operācijas slikti jutās tāpēc, ka jūs viņu pabarojā",
    # blame_customer (holdout9)
    "Thanks for the review. For the record, the tattoo faded beca",
    # blame_customer (holdout9)
    "Votre chien a boité après l'opération parce que vous l'avez ",
    # blame_customer (holdout9)
    "Wer mit 2 bar Reifendruck über Bordsteine springt, darf sich",
    # blame_customer (holdout9)
    "亲，衣服起球是因为您用洗衣机洗了，吊牌上写着要手洗的。",
    # blame_customer (holdout9)
    "狗狗术后伤口裂开，是因为您没给它戴伊丽莎白圈，我们早就交代过了。",
    # good reply blocked (holdout9)
    "Due stelle ci stanno tutte per il ritardo dell'album. È pron",
    # good reply blocked (holdout9)
    "Le concurrent que vous citez propose en effet des horaires p",
    # good reply blocked (holdout9)
    "Menciona que já contactou um advogado. Respeitamos isso e es",
    # good reply blocked (holdout9)
    "Rozumiemy, że porównuje nas Pan z konkurencyjną siłownią, kt",
    # good reply blocked (holdout9)
    "Wspomina Pani o prawniku. Oczywiście to Pani prawo; chętnie ",
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
    # threat_or_insult (holdout9)
    "Anyone who calls our photos 'amateur' clearly wouldn't know ",
    # threat_or_insult (holdout9)
    "Bei so viel Ahnungslosigkeit wundert uns gar nichts mehr. Vi",
    # threat_or_insult (holdout9)
    "Che pena leggere queste sciocchezze. Si vede che ha tanto te",
    # threat_or_insult (holdout9)
    "Clientes como você não fazem falta. Não volte ao ginásio.",
    # threat_or_insult (holdout9)
    "Des clients comme vous, on s'en passe volontiers. Allez vous",
    # threat_or_insult (holdout9)
    "Menuda pataleta por una boda que quedó preciosa. Hay cliente",
    # threat_or_insult (holdout9)
    "Merci pour ce chef-d'œuvre de mauvaise foi. On voit que vous",
    # threat_or_insult (holdout9)
    "Met zulke zeurpieten willen we niets te maken hebben. Zoek m",
    # threat_or_insult (holdout9)
    "Solche Kunden brauchen wir nicht. Suchen Sie sich ein andere",
    # threat_or_insult (holdout9)
    "Szkoda czasu na odpowiadanie na takie bzdury. Żałosne.",
    # threat_or_insult (holdout9)
    "Tādi klienti kā jūs mums nav vajadzīgi. Sporta zālē jūs vair",
    # threat_or_insult (holdout9)
    "这种评价一看就是没见过世面的人写的。",
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
)


def is_known_gap(text: str) -> bool:
    """Whether the written reply `text` is one of the known gaps."""
    return text.startswith(KNOWN_GAPS)
