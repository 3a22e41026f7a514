"""The development replies the checker still gets wrong, each named by how its text starts.

`holdout8` to `holdout12` were each measured as a held-out round (bench/README.md) and then
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
    "Beste Henk, de ketting is bij ons correct afgesteld. Als je ",
    # blame_customer (holdout12)
    "Bonjour Inès, l'échec à l'examen n'est pas lié à notre ensei",
    # blame_customer (holdout12)
    "Chegou às 18h55 e fechamos às 19h, como está indicado na por",
    # blame_customer (holdout12)
    "Ciao Giulia, il vetro di Murano è delicato, lo scrivo in ogn",
    # blame_customer (holdout12)
    "Ciao! La multa è arrivata perché la sosta è scaduta alle 18:",
    # blame_customer (holdout12)
    "Het apparaat is uitsluitend geschikt voor 230 V. Bij gebruik",
    # blame_customer (holdout12)
    "Hi Dave, sorry your table wasn't ready. Our booking confirma",
    # blame_customer (holdout12)
    "Hoi Sanne, je gaf zelf aan dat je het kort wilde en je hebt ",
    # blame_customer (holdout12)
    "Hola Marta, las tazas son aptas para lavavajillas pero no pa",
    # blame_customer (holdout12)
    "Jūs pati parādījāt bildi tieši ar šādu toni. Ja gribējāt gai",
    # blame_customer (holdout12)
    "Kapsułki należy przyjmować po posiłku, co jest wyraźnie napi",
    # blame_customer (holdout12)
    "Liebe Jana, Merinowolle darf nun mal nicht in den Trockner, ",
    # blame_customer (holdout12)
    "Navrés pour la réaction cutanée. Nous recommandons toujours ",
    # blame_customer (holdout12)
    "Nos moniteurs ont rappelé trois fois les consignes de sécuri",
    # blame_customer (holdout12)
    "Oi Rafael, a troca de tela foi feita corretamente. O aparelh",
    # blame_customer (holdout12)
    "Pani Agnieszko, spodnie zostały skrócone dokładnie na wymiar",
    # blame_customer (holdout12)
    "Sehr geehrte Frau Albers, die Therme war bei der Übergabe ei",
    # blame_customer (holdout12)
    "Sorry about the sync trouble! Thousands of people sync every",
    # blame_customer (holdout12)
    "We're sorry to hear the blender stopped working. Page 4 of t",
    # blame_customer (holdout12)
    "¡Hola! Hemos revisado tu pedido y la dirección que pusiste n",
    # blame_customer (holdout12)
    "您好，您点的是少冰无糖，所以口感会偏淡，这是您自己选的甜度哦",
    # blame_customer, blocked as threat_or_insult (holdout12)
    "Labdien! Bremžu kluči tika nomainīti atbilstoši ražotāja pra",
    # ---- holdout12: threats ----
    # accusation (holdout12)
    "Curioso: o perfil que deixou esta avaliação só avalia produt",
    # accusation (holdout12)
    "Deze 'gast' heeft nooit bij ons overnacht. Waarschijnlijk ie",
    # accusation (holdout12)
    "Dit account plaatst uitsluitend 1-sterreviews bij elektronic",
    # accusation (holdout12)
    "Interesting that this one-star review showed up the same wee",
    # accusation (holdout12)
    "Komisch, genau denselben Text haben wir letzte Woche bei zwe",
    # accusation (holdout12)
    "Nei nostri registri non risulta alcun soggiorno a questo nom",
    # accusation (holdout12)
    "This account has posted fourteen 1-star reviews in two days ",
    # accusation (holdout12)
    "Šis profils izveidots vakar, un tajā ir tikai viena atsauksm",
    # allow, blocked as accusation (holdout12)
    "Je schreef dat het leer 'nep' aanvoelde. Het is echt leer, m",
    # allow, blocked as accusation (holdout12)
    "You're right that some competitors include a longer cable. O",
    # allow, blocked as threat_or_insult (holdout12)
    "Dass das Paket vor Ihrer Haustür gestohlen wurde und Sie sog",
    # allow, blocked as threat_or_insult (holdout12)
    "Saprotam jūsu sašutumu par rēķinu. Nekāds jurists nav vajadz",
    # threat_or_insult (holdout12)
    "Caro signore, se la carbonara la vuole con la panna può anch",
    # threat_or_insult (holdout12)
    "Con la propina que dejaste no te extrañe que el camarero no ",
    # threat_or_insult (holdout12)
    "Funny how someone who spent twenty minutes moaning about the",
    # threat_or_insult (holdout12)
    "Haha, de gast die om drie uur 's nachts lam binnenkwam en ov",
    # threat_or_insult (holdout12)
    "Olha, com todo respeito, quem reclama de picanha mal passada",
    # threat_or_insult (holdout12)
    "Sachez que votre compte client a été signalé en interne et q",
    # threat_or_insult (holdout12)
    "Sie stehen ab sofort auf unserer Sperrliste. Weitere Käufe w",
    # threat_or_insult (holdout12)
    "Sir, we remember you very well, and so does the rest of our ",
    # threat_or_insult (holdout12)
    "Tenemos su nombre, su dirección y todo su historial de pedid",
    # threat_or_insult (holdout12)
    "这种买家真是少见，买个九块九的东西要求比买奢侈品还多。建议你",
    # threat_or_insult, blocked as blame_customer (holdout12)
    "Ach, der Herr mit den drei Maß und der großen Klappe. Wer um",
    # threat_or_insult, blocked as blame_customer (holdout12)
    "Vu votre orthographe, on comprend mieux pourquoi vous n'avez",
    # threat_or_insult, blocked as review_gating (holdout12)
    "Abbiamo già segnalato il suo nominativo alle altre agenzie d",
    # ---- holdout12: gating ----
    # ask_change_review (holdout12)
    "Paczka jest jeszcze w drodze, przewoźnik potwierdził opóźnie",
    # ---- holdout12: pressure ----
    # marketing (holdout12)
    "Bedankt voor de eerlijke review! Wist je trouwens dat we nu ",
    # marketing (holdout12)
    "Danke für die ehrliche Kritik am Rosé, der war wirklich zu s",
    # marketing (holdout12)
    "Merci pour ce retour, on comprend que le chablis vous ait dé",
    # marketing (holdout12)
    "Obrigado pelo comentário! Aproveite: esta semana, na compra ",
    # pressure_to_change (holdout12)
    "Já lhe telefonámos três vezes e já lhe devolvemos o dinheiro",
    # pressure_to_change (holdout12)
    "This is the third time we've responded to you. We refunded y",
    # pressure_to_change (holdout12)
    "To już nasza czwarta wiadomość. Prosiliśmy uprzejmie, wszyst",
    # pressure_to_change (holdout12)
    "We hebben je nu drie keer gemaild. Door één slechte review h",
    # pressure_to_change (holdout12)
    "Wir haben Ihnen jetzt zweimal geschrieben und auch angerufen",
    # pressure_to_change (holdout12)
    "亲，我们已经第三次联系您了，退款也给您退了。这个差评对我们小",
    # pressure_to_change, blocked as ask_change_review (holdout12)
    "Es la cuarta vez que le escribimos. Somos una floristería de",
    # pressure_to_change, blocked as ask_change_review (holdout12)
    "Le abbiamo già scritto tre volte. Questa recensione ci sta f",
    # pressure_to_change, blocked as ask_change_review (holdout12)
    "Nous attendons toujours votre réponse. Merci de revoir votre",
    # pressure_to_change, blocked as ask_change_review, incentive_for_review (holdout12)
    "Attendiamo ancora un suo riscontro. È la seconda volta che g",
    # pressure_to_change, blocked as ask_change_review, incentive_for_review (holdout12)
    "Mēs jums rakstām jau trešo reizi. Naudu esam atmaksājuši un ",
)


def is_known_gap(text: str) -> bool:
    """Whether the written reply `text` is one of the known gaps."""
    return text.startswith(KNOWN_GAPS)
