"""The development replies the checker still gets wrong, each named by how its text starts.

`holdout8` to `holdout14` and `holdout16` were each measured as a held-out round
(bench/README.md) and then promoted to development, and `dev21` and `dev22` were measured
once before they were tuned on; the rounds of work after them did not reach every one of
their misses and false blocks. They are listed here rather than left out of the corpus, so
that the development figure does not hide them: test_checker_corpus.py expects every form of
each to fail (strictly, so a gap that gets closed must be struck from this list), and every
other development reply to get its verdict.
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
    # ---- earlier rounds: blame ----
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
    # ---- holdout12: blame ----
    # blame_customer (holdout12)
    "Chegou às 18h55 e fechamos às 19h, como está indicado na por",
    # blame_customer (holdout12)
    "Ciao Giulia, il vetro di Murano è delicato, lo scrivo in ogn",
    # blame_customer (holdout12)
    "Het apparaat is uitsluitend geschikt voor 230 V. Bij gebruik",
    # blame_customer (holdout12)
    "Liebe Jana, Merinowolle darf nun mal nicht in den Trockner, ",
    # blame_customer (holdout12)
    "Navrés pour la réaction cutanée. Nous recommandons toujours ",
    # blame_customer (holdout12)
    "Oi Rafael, a troca de tela foi feita corretamente. O aparelh",
    # blame_customer (holdout12)
    "Sehr geehrte Frau Albers, die Therme war bei der Übergabe ei",
    # ---- holdout12: threats ----
    # accusation (holdout12)
    "Deze 'gast' heeft nooit bij ons overnacht. Waarschijnlijk ie",
    # ---- holdout12: gating ----
    # ask_change_review (holdout12)
    "Paczka jest jeszcze w drodze, przewoźnik potwierdził opóźnie",
    # ---- holdout13: blame ----
    # blame_customer (holdout13)
    "Olá! O app bloqueia o acesso depois de 3 tentativas de senha",
    # ---- holdout13: threats ----
    # threat_or_insult, blocked as ask_change_review (holdout13)
    "Wat een drama over een paar kruimels op tafel. Misschien is ",
    # threat_or_insult, blocked as review_gating (holdout13)
    "Ma chi le ha detto che la pizza napoletana deve essere crocc",
    # threat_or_insult (holdout13)
    "Si a usted los churros le parecen 'grasientos', igual lo suy",
    # threat_or_insult (holdout13)
    "Tja, wer ein Schnitzel 'zu groß' findet, sollte vielleicht b",
    # threat_or_insult (holdout13)
    "Honestly mate, if three flights of stairs to the changing ro",
    # threat_or_insult (holdout13)
    "Ja Jums trīs dienu piegāde šķiet “mūžība”, iesakām iemācītie",
    # threat_or_insult (holdout13)
    "Jak ktoś nie odróżnia pierogów ruskich od leniwych, to może ",
    # threat_or_insult (holdout13)
    "Que pena que o nosso rodízio não esteve à altura do seu pala",
    # accusation (holdout13)
    "U probeert via deze feedback gratis spullen los te krijgen. ",
    # ---- holdout13: marketing and data ----
    # marketing (holdout13)
    "Grazie per la visita! Se ti sono piaciuti i nostri tortellin",
    # marketing (holdout13)
    "Paldies par apmeklējumu! Starp citu, visu novembri darba die",
    # link (holdout13)
    "Sorry dat het inchecken niet lukte. Waarom we de tarieven pe",
    # ---- holdout16: length ----
    # allowed, blocked as length (holdout16): 89 characters where eBay takes 80 (Trading API
    # RespondToFeedback); the round expected it to pass, but the limit is the platform's.
    "ご落札ありがとうございました。輸送中の破損、誠に申し訳ございません。eBayのメッセ",
)


def is_known_gap(text: str) -> bool:
    """Whether the written reply `text` is one of the known gaps."""
    return text.startswith(KNOWN_GAPS)
