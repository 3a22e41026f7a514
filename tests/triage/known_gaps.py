"""The development replies the checker still gets wrong, each named by how its text starts.

`holdout8` to `holdout11` were each measured as a held-out round (bench/README.md) and then
promoted to development, and `dev21` and `dev22` were measured once before they were tuned on;
the rounds of work after them did not reach every one of their misses and false blocks. They
are listed here rather than left out of the corpus, so that the development figure does not
hide them: test_checker_corpus.py expects every form of each to fail (strictly, so a gap that
gets closed must be struck from this list), and every other development reply to get its
verdict.
"""

from __future__ import annotations

KNOWN_GAPS: tuple[str, ...] = (
    # ---- dev22: blame ----
    # blame_customer (dev22)
    "Nous sommes désolés pour votre veste, mais vous ne nous avie",
    # blame_customer (dev22)
    "Sentimos que no esté contenta con las gafas. Las progresivas",
    # blame_customer (dev22)
    "Sorry the shirt shrank. The care label does say wash cold, s",
    # blame_customer (dev22)
    "Vervelend van de strepen, maar we hebben duidelijk gezegd da",
    # ---- dev22: threats ----
    # accusation (dev22)
    "你根本不是我们的会员，系统里查不到这个人。一看就是隔壁那家健身房找人来刷差评的。",
    # threat_or_insult (dev22)
    "您要去消协投诉请便。我们保留了您入住期间的监控录像，这条评价如果不删，我们会把您在酒店的所作所为公开出来。",
    # ---- dev22: gating ----
    # pressure_to_change (dev22)
    "Grāmata ir saņemta, un mēs jau trīs reizes esam lūguši šo at",
    # pressure_to_change (dev22)
    "Já lhe escrevemos três vezes a explicar o que aconteceu com ",
    # pressure_to_change (dev22)
    "Wir haben Ihnen jetzt zum dritten Mal geschrieben, dass der ",
    # blame_customer
    "You showed up 40 minutes late for your booking and then comp",
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
    # ---- holdout11: blame ----
    # blame_customer (holdout11)
    "Atvainojamies par neērtībām, taču pieteikumā tika norādīta n",
    # blame_customer (holdout11)
    "Beste meneer, onze monteur was om 8 uur ter plaatse, maar er",
    # blame_customer (holdout11)
    "Bonjour, nos mécaniciens ont constaté que le véhicule avait ",
    # blame_customer (holdout11)
    "Ci dispiace per la macchia sul divano, ma la scheda prodotto",
    # blame_customer (holdout11)
    "Dzień dobry, mechanik wykonał wszystko zgodnie ze zleceniem.",
    # blame_customer (holdout11)
    "Entendemos su molestia. Aun así, la reserva se hizo para las",
    # blame_customer (holdout11)
    "Gentile cliente, il tavolo era prenotato per le 20 e voi sie",
    # blame_customer (holdout11)
    "Hi Dan, our mechanics followed the service schedule to the l",
    # blame_customer (holdout11)
    "Jammer dat u de les saai vond. Misschien helpt het om de vol",
    # blame_customer (holdout11)
    "Labdien! Mūsu meistars strādāja pēc Jūsu norādēm. Ja rezultā",
    # blame_customer (holdout11)
    "Lamentamos lo ocurrido, pero las instrucciones de montaje in",
    # blame_customer (holdout11)
    "Lamentamos o ocorrido, mas o manual do aparelho avisa que el",
    # blame_customer (holdout11)
    "Nous sommes désolés que la crème vous ait irrité la peau. Ce",
    # blame_customer (holdout11)
    "Olá! Nossa equipe seguiu exatamente o que foi pedido. Talvez",
    # blame_customer (holdout11)
    "Przykro nam, że kurtka przemokła. Trzeba jednak pamiętać, że",
    # blame_customer (holdout11)
    "Schade, dass die Waschmaschine nicht schleudert. In der Anle",
    # blame_customer (holdout11)
    "Sentimos que el tinte no quedara como esperaba. Quizá la pró",
    # blame_customer (holdout11)
    "Vervelend dat de plant binnen een week dood was. Maar eerlij",
    # blame_customer (holdout11)
    "We're sorry the sofa arrived scratched. That said, the deliv",
    # blame_customer (holdout11)
    "Žēl, ka kurpes ātri nolietojās. Tomēr zamšādas apavus nav pa",
    # ---- holdout11: threats ----
    # ---- holdout11: gating ----
)


def is_known_gap(text: str) -> bool:
    """Whether the written reply `text` is one of the known gaps."""
    return text.startswith(KNOWN_GAPS)
