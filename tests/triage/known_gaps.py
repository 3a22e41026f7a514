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
)


def is_known_gap(text: str) -> bool:
    """Whether the written reply `text` is one of the known gaps."""
    return text.startswith(KNOWN_GAPS)
