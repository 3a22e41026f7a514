"""The development replies the checker still gets wrong, each named by how its text starts.

`holdout8` was measured once as a held-out round (bench/README.md) and then promoted to
development; the round of work after it did not reach every one of its misses and false
blocks. They are listed here rather than left out of the corpus, so that the development
figure does not hide them: test_checker_corpus.py expects every form of each to fail
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
)


def is_known_gap(text: str) -> bool:
    """Whether the written reply `text` is one of the known gaps."""
    return text.startswith(KNOWN_GAPS)
