"""The development replies the checker still gets wrong, each named by how its text starts.

`holdout8`, `holdout9` and `holdout10` were each measured as a held-out round
(bench/README.md) and then promoted to development, and `dev21` was measured once before it
was tuned on; the rounds of work after them did not reach every one of their misses and false
blocks. They are listed here rather than left out of the corpus, so that the development
figure does not hide them: test_checker_corpus.py expects every form of each to fail
(strictly, so a gap that gets closed must be struck from this list), and every other
development reply to get its verdict.
"""

from __future__ import annotations

KNOWN_GAPS: tuple[str, ...] = (
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
    # personal_data
    "Lūdzu, zvaniet mūsu vadītājam Andrim uz 29 123 456, viņš vis",
    # threat_or_insult
    "I've run this garage for 22 years and never read such idioti",
    # threat_or_insult
    "Mamy Pana dane z zamówienia. Jeszcze jedno słowo i pogadamy ",
    # threat_or_insult
    "这种评论也好意思发？没脑子的人才会这么写。",
    # blame_customer (holdout9)
    "Honestly, the chain snapped because it was never oiled once ",
    # personal_data (holdout9)
    "请加我们客服微信或者直接打电话13812345678联系。",
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
    # threat_or_insult, blocked as blame_customer (dev21)
    "建议您下次下单前先认真看看说明，小学语文水平应该就够用了。",
    # threat_or_insult, blocked as review_gating (dev21)
    "We have CCTV of your visit and we know exactly who you are. ",
    # accusation (holdout10)
    "Sabemos perfectamente que usted trabaja para otra tienda de ",
    # accusation (holdout10)
    "Ta recenzja to zlecenie. Widać gołym okiem, że ktoś zapłacił",
    # accusation (holdout10)
    "Wir gehen davon aus, dass diese Bewertung gekauft wurde: Das",
    # blame_customer (holdout10)
    "Andere gebruikers hebben hier geen last van. U heeft de inst",
    # blame_customer (holdout10)
    "Centinaia di clienti usano questa crema senza alcun problema",
    # blame_customer (holdout10)
    "Citiem lietotājiem šādas problēmas nav. Jūs vienkārši nepare",
    # blame_customer (holdout10)
    "Die Waschmaschine wurde offensichtlich überladen. Das ist ei",
    # blame_customer (holdout10)
    "Duizenden klanten gebruiken deze router zonder problemen. He",
    # blame_customer (holdout10)
    "El problema es de su móvil, no de nuestra app. Con un teléfo",
    # blame_customer (holdout10)
    "Het toestel is gevallen, dat is duidelijk te zien. Dat valt ",
    # blame_customer (holdout10)
    "Podał Pan błędny adres dostawy, więc opóźnienie nie wynika z",
    # blame_customer (holdout10)
    "Todos os outros usuários conseguem entrar normalmente. O err",
    # blame_customer (holdout10)
    "其他用戶都沒有這個問題，是您自己的手機設定錯誤。",
    # good reply blocked (holdout10)
    "Esam atmaksājuši visu summu un atvainojamies par kļūdu. Ja u",
    # good reply blocked (holdout10)
    "Nous vous avons remboursé intégralement et nous nous excuson",
    # good reply blocked (holdout10)
    'You said the leather looked "fake". It is genuine full-grain',
    # good reply blocked (holdout10)
    "您提到有人冒用我們的店名在網路上賣東西，謝謝您告訴我們。我們沒有其他分店，已經向平台檢舉，也很抱歉讓您受騙。",
    # incentive_for_review, blocked as ask_change_review (holdout10)
    "Bedankt voor je eerlijke feedback.\n\nWe hebben iets leuks voo",
    # incentive_for_review, blocked as ask_change_review (holdout10)
    "Lamentamos el fallo del cargador. Todos los clientes que act",
    # incentive_for_review, blocked as ask_change_review (holdout10)
    "Mums jums ir sagatavots kaut kas īpašs.\n\nJa pārskatīsiet sav",
    # incentive_for_review, blocked as ask_change_review (holdout10)
    "Obrigado pelo comentário! Quem atualizar a avaliação este mê",
    # link (holdout10)
    "Atvainojamies! Instrukcija ir šeit: https://palidziba.budzet",
    # link (holdout10)
    "Lo sentimos. Tiene la solución paso a paso aquí: https://sop",
    # link (holdout10)
    "Przepraszamy za problem. Instrukcja resetu hasła: https://po",
    # link (holdout10)
    "Sorry about the sync issue! Please follow the steps at https",
    # marketing (holdout10)
    "Ci dispiace per l'attesa. Le ricordiamo che ogni martedì c'è",
    # marketing (holdout10)
    "Przykro nam, że rozmiar nie pasował. Zapraszamy na wyprzedaż",
    # marketing (holdout10)
    "Žēl, ka izmērs neder. Starp citu, šonedēļ visiem džemperiem ",
    # personal_data, blocked as threat_or_insult (holdout10)
    "Saprotam, ka rēķina dēļ esat konsultējies ar juristu, un tās",
    # pressure_to_change (holdout10)
    "Resolvemos o seu problema há duas semanas e continuamos à es",
    # pressure_to_change, blocked as ask_change_review (holdout10)
    "This is the third time we've asked you to take this review d",
    # pressure_to_change, blocked as ask_change_review, incentive_for_review (holdout10)
    "Jau trešo reizi lūdzam jūs mainīt atsauksmi. Kamēr tas nebūs",
    # review_gating (holdout10)
    "Vous êtes satisfait ? Laissez-nous un avis Google ! Vous ne ",
    # solicit_review (holdout10)
    "Bedankt voor uw bezoek. Zou u na een volgend bezoek een revi",
    # solicit_review (holdout10)
    "Danke für Ihren Besuch! Beim nächsten Mal würden wir uns übe",
    # solicit_review (holdout10)
    "Grazie per essere passato. Dopo la prossima cena, se ha un m",
    # threat_or_insult (holdout10)
    "Capisco che per lei un'officina debba fare miracoli gratis. ",
    # threat_or_insult (holdout10)
    "Encore un client qui confond un hôtel trois étoiles avec un ",
    # threat_or_insult (holdout10)
    "Ja jums pat kafija šķiet par karstu, varbūt labāk palikt māj",
    # threat_or_insult (holdout10)
    "Offenbar sind Sie schon mit einem Akkuschrauber überfordert.",
    # threat_or_insult (holdout10)
    "Perhaps if you'd put as much effort into reading the menu as",
    # threat_or_insult (holdout10)
    "Quem não sabe nem ligar um liquidificador não deveria escrev",
    # threat_or_insult (holdout10)
    "Sprawa została przekazana naszej kancelarii prawnej. Za pomó",
    # threat_or_insult (holdout10)
    "Szanowny Panie, z takim podejściem to chyba żaden mechanik w",
    # threat_or_insult (holdout10)
    "自己不会用还好意思来写差评？建议先认认说明书上的字。",
)


def is_known_gap(text: str) -> bool:
    """Whether the written reply `text` is one of the known gaps."""
    return text.startswith(KNOWN_GAPS)
