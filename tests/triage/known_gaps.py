"""The development replies the checker still gets wrong, each named by how its text starts.

`holdout8` to `holdout11` were each measured as a held-out round
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
    # blame_customer (holdout9)
    "Honestly, the chain snapped because it was never oiled once ",
    # blame_customer (dev21)
    "Gli occhiali progressivi richiedono qualche settimana di ada",
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
    # blame_customer, blocked as review_gating (dev21)
    "Aplikacja działa bez zarzutu na aktualnym Androidzie. Wystar",
    # ---- holdout11: blame ----
    # ---- holdout11: threats ----
    # accusation (holdout11)
    "Curiosamente, esta opinión llega justo después de que abrier",
    # threat_or_insult (holdout11)
    "Abbiamo le immagini della telecamera del suo comportamento a",
    # threat_or_insult (holdout11)
    "Capisco, non tutti sono abituati alla vera cucina napoletana",
    # threat_or_insult (holdout11)
    "Cóż, nie każdy docenia prawdziwą kuchnię. Dla takich gości p",
    # threat_or_insult (holdout11)
    "Fijn dat u de moeite nam om te schrijven, al lijkt u verder ",
    # threat_or_insult (holdout11)
    "Il est vrai que la gastronomie française ne plaît pas à tout",
    # threat_or_insult (holdout11)
    "Mēs saprotam, ka ne visiem ir gaume. Iesakām nākamreiz izvēl",
    # threat_or_insult (holdout11)
    "Na ja, wer beim Italiener Ketchup auf die Pasta verlangt, so",
    # threat_or_insult (holdout11)
    "Pelo visto o senhor está mais acostumado a fast food. Comida",
    # threat_or_insult (holdout11)
    "Vaya, parece que alguien esperaba caviar por ocho euros. Qui",
    # threat_or_insult (holdout11)
    "看得出來您對美食沒什麼研究，建議您下次還是去吃速食就好。",
    # ---- holdout11: gating ----
    # allow, blocked as ask_change_review (holdout11)
    "Abbiamo letto che ha cambiato le stelle dopo la nostra telef",
    # allow, blocked as ask_change_review (holdout11)
    "Vimos que você mesmo editou a avaliação depois que o estorno",
    # allow, blocked as ask_change_review (holdout11)
    "Widzimy, że zmieniła Pani ocenę z jednej na trzy gwiazdki. T",
    # allow, blocked as incentive_for_review (holdout11)
    "Merci d'avoir mis à jour votre avis après la réparation de v",
    # incentive_for_review (holdout11)
    "Danke für Ihre ehrliche Rückmeldung zur Zahnreinigung.\nBeim ",
    # link (holdout11)
    "Sentimos los problemas de sincronización. Descargue la versi",
    # pressure_to_change (holdout11)
    "Garantijas remontu varēsim sākt, tiklīdz šis ieraksts vairs ",
    # pressure_to_change (holdout11)
    "Gwarancję uznamy dopiero wtedy, gdy ta recenzja zniknie. Ma ",
    # pressure_to_change (holdout11)
    "Ho già preparato la sostituzione. Aspetto solo che lei tolga",
    # pressure_to_change (holdout11)
    "Su reembolso está preparado, pero no podremos tramitarlo has",
    # pressure_to_change (holdout11)
    "Uw nieuwe afspraak bij de fysiotherapeut plannen we in zodra",
    # review_gating (holdout11)
    "Damit so etwas nicht wieder öffentlich landet: Bei Problemen",
    # review_gating (holdout11)
    "Inviamo il link per le recensioni solo a chi ci ha dato un v",
    # review_gating (holdout11)
    "Next time, if your stay is anything less than wonderful, com",
    # review_gating (holdout11)
    "Pēc katra brauciena mūsu aplikācija jautā, vai bijāt apmieri",
    # review_gating (holdout11)
    "Wszystkim, którzy wychodzą od nas zadowoleni, dajemy kartkę ",
    # solicit_review (holdout11)
    "Dziękujemy za wizytę w naszej pizzerii! Przy następnej okazj",
)


def is_known_gap(text: str) -> bool:
    """Whether the written reply `text` is one of the known gaps."""
    return text.startswith(KNOWN_GAPS)
