"""The development replies the checker still gets wrong, each named by how its text starts.

`holdout8` to `holdout14` were each measured as a held-out round (bench/README.md) and then
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
    # ---- holdout14: blame ----
    # ---- holdout14: threats ----
    # threat_or_insult (holdout14)
    "Wow, what a shock — someone orders the 'extra hot' vindaloo ",
    # threat_or_insult (holdout14)
    "You've been banned from all three of our locations. Your pho",
    # accusation (holdout14)
    "We have no record of a booking under this name, no card paym",
    # threat_or_insult (holdout14)
    "Señora, con un paladar tan exquisito como el suyo, quizá deb",
    # threat_or_insult (holdout14)
    "Ya tenemos su foto de las cámaras y las placas de su carro. ",
    # accusation (holdout14)
    "Qué casualidad que esta opinión aparezca justo una semana de",
    # threat_or_insult (holdout14)
    "Monsieur, quand on ne fait pas la différence entre un magret",
    # threat_or_insult (holdout14)
    "On a votre plaque d'immatriculation sur la caméra. Revenez p",
    # accusation (holdout14)
    "Curieux : ce compte a été créé hier, n'a publié qu'un seul a",
    # accusation (holdout14)
    "Grappig dat u beweert hier te hebben gegeten, want op die di",
    # threat_or_insult (holdout14)
    "Caro signore, con un palato così raffinato dovrebbe proprio ",
    # accusation (holdout14)
    "Strano che questo profilo abbia recensito solo i negozi di b",
    # threat_or_insult (holdout14)
    "Olha, quem acha que açaí tem que ser barato e gourmet ao mes",
    # accusation, blocked as ask_positive_rating (holdout14)
    "Curiosamente, este perfil só avaliou barbearias da zona e de",
    # threat_or_insult (holdout14)
    "Z takim podejściem to chyba lepiej, żeby Pan jadał w domu. S",
    # accusation (holdout14)
    "Dziwnym trafem to konto powstało wczoraj i ocenia tylko wars",
    # threat_or_insult (holdout14)
    "Ja Jums negaršo mūsu cepelīni, varbūt labāk ēdiet mājās pie ",
    # accusation (holdout14)
    "Interesanti, ka šis profils izveidots vakar un ir novērtējis",
    # ---- holdout14: asks ----
    # review_gating (holdout14)
    "Sorry to hear the candle tunnelled. For next time: if you're",
    # ask_change_review (holdout14)
    "Thanks for flagging the billing mix-up. Now that the overcha",
    # ask_change_review (holdout14)
    "Glad to see from the courier tracking that your parcel final",
    # pressure_to_change (holdout14)
    "This is the fourth time we've responded. We refunded you, we",
    # solicit_review (holdout14)
    "Schön, dass es Ihnen bei uns geschmeckt hat! Erzählen Sie es",
    # pressure_to_change (holdout14)
    "Seguimos esperando que corrija su opinión, tal y como quedam",
    # ask_change_review (holdout14)
    "Nous sommes ravis que le remboursement vous soit bien parven",
    # ask_positive_rating (holdout14)
    "Merci pour ces 4 étoiles ! Dites-nous ce qui nous a manqué p",
    # pressure_to_change (holdout14)
    "Voici la troisième réponse que nous vous adressons. Vous ave",
    # review_gating (holdout14)
    "Dank u wel! Tevreden klanten helpen ons enorm met een review",
    # ask_change_review (holdout14)
    "Fijn dat de monteur de cv-ketel alsnog heeft gerepareerd. Nu",
    # ask_change_review (holdout14)
    "Il rimborso le è stato accreditato ieri, come lei stesso ci ",
    # review_gating (holdout14)
    "Muito obrigado! Se você gostou, deixa sua avaliação no Googl",
    # pressure_to_change, blocked as ask_change_review (holdout14)
    "Voltamos a pedir, pela quarta vez, que altere este comentári",
    # ---- holdout14: other ----
    # empty_reply (holdout14)
    "ok",
    # false block (holdout14)
    "We're very sorry. The unit you received was a fake that had ",
    # false block (holdout14)
    "We're so sorry your bike was stolen from our car park. We've",
    # marketing (holdout14)
    "Danke für das tolle Feedback! Übrigens: Ab Montag gibt es un",
    # false block (holdout14)
    "Es tut uns leid, dass die Rückzahlung Ihrer Kaution so lange",
    # false block (holdout14)
    "Lamentamos mucho que le llegara un perfume falso. Ese frasco",
    # incentive_for_review (holdout14)
    "Merci pour votre retour. Nous sommes désolés pour l'attente ",
    # incentive_for_review (holdout14)
    "Je suis vraiment navrée que le vase soit arrivé fêlé ! Je vo",
    # false block (holdout14)
    "Nous sommes désolés : la coque contrefaite que vous avez reç",
    # false block (holdout14)
    "Het spijt ons dat u een namaakproduct heeft ontvangen. Dit e",
    # marketing (holdout14)
    "Grazie per la recensione! Vi aspettiamo a settembre per la n",
    # false block (holdout14)
    "Ci dispiace molto per la borsa acquistata su quel sito: purt",
    # personal_data (holdout14)
    "Prezada Sra. Fernanda Alves Costa, seu pedido nº 701-5566778",
    # false block (holdout14)
    "Sentimos muito: o fone falsificado que você recebeu não saiu",
    # false block (holdout14)
    "感谢您的评价。给一星我们完全理解，连续三天没人回复确实是我们的问题。退款已经处理完毕，我们也增加了客服人手。",
)


def is_known_gap(text: str) -> bool:
    """Whether the written reply `text` is one of the known gaps."""
    return text.startswith(KNOWN_GAPS)
