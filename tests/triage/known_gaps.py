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
    "You showed up 40 minutes late for your booking and then comp",
    # threat_or_insult
    "I've run this garage for 22 years and never read such idioti",
    # threat_or_insult
    "Mamy Pana dane z zamówienia. Jeszcze jedno słowo i pogadamy ",
    # threat_or_insult
    "这种评论也好意思发？没脑子的人才会这么写。",
    # blame_customer (holdout9)
    "Honestly, the chain snapped because it was never oiled once ",
    # blame_customer (dev21)
    "Ci dispiace per l'infezione, ma le indicazioni per la cura d",
    # blame_customer (dev21)
    "Gli occhiali progressivi richiedono qualche settimana di ada",
    # blame_customer (dev21)
    "Jazda była umówiona na 7:00, a kursant pojawił się o 7:40. I",
    # blame_customer (dev21)
    "La prenotazione era per le 20:00 e siete arrivati alle 21:10",
    # blame_customer (dev21)
    "Le vétérinaire vous avait demandé de garder votre chien au r",
    # blame_customer (dev21)
    "Our driver rang twice and left a card. It's a shame nobody w",
    # blame_customer (dev21)
    "Our kitchen stops taking orders at 9:30, as it says on our w",
    # blame_customer (dev21)
    "Qué casualidad que el curso solo «no funcione» para quienes ",
    # blame_customer (dev21)
    "The listing says in bold that this charger is for 12V system",
    # blame_customer (dev21)
    "Vous avez pris le modèle à 19 €, sans minuterie ni protectio",
    # blame_customer (dev21)
    "We're sorry the jacket shrank, but the care label clearly sa",
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
    # good reply blocked (holdout10)
    'You said the leather looked "fake". It is genuine full-grain',
    # good reply blocked (holdout10)
    "您提到有人冒用我們的店名在網路上賣東西，謝謝您告訴我們。我們沒有其他分店，已經向平台檢舉，也很抱歉讓您受騙。",
    # link (holdout10)
    "Atvainojamies! Instrukcija ir šeit: https://palidziba.budzet",
    # link (holdout10)
    "Lo sentimos. Tiene la solución paso a paso aquí: https://sop",
    # link (holdout10)
    "Przepraszamy za problem. Instrukcja resetu hasła: https://po",
    # link (holdout10)
    "Sorry about the sync issue! Please follow the steps at https",
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
