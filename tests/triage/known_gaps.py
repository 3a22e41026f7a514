"""The development replies the checker still gets wrong, each named by how its text starts.

`holdout8` to `holdout13` were each measured as a held-out round (bench/README.md) and then
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
    # ---- dev22: pressure ----
    # pressure_to_change (dev22)
    "Grāmata ir saņemta, un mēs jau trīs reizes esam lūguši šo at",
    # ---- earlier rounds: blame ----
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
    "Bonjour Inès, nous comprenons votre déception après l'examen",
    # blame_customer (holdout13)
    "Hi Dana, we're sorry you're unhappy with the colour. For wha",
    # blame_customer (holdout13)
    "Beste meneer, de band was na de reparatie gewoon in orde. Al",
    # blame_customer (holdout13)
    "Hola Marta, siento que el anillo no te quede bien. En el anu",
    # blame_customer (holdout13)
    "Jammer dat de waterkoker lekt. Bij dit model mag je niet bov",
    # blame_customer (holdout13)
    "Labdien! Noplūde radās tāpēc, ka pēc mūsu darba Jūs paši pie",
    # blame_customer (holdout13)
    "Moin! Das Schaltwerk war bei der Abholung einwandfrei einges",
    # blame_customer (holdout13)
    "Monsieur, la fuite que vous décrivez ne vient pas de notre i",
    # blame_customer (holdout13)
    "Nous sommes désolés que la poêle accroche. Sur ce modèle, il",
    # blame_customer (holdout13)
    "Olá! O app bloqueia o acesso depois de 3 tentativas de senha",
    # blame_customer (holdout13)
    "Panie Tomaszu, samochód wyjechał od nas sprawny. Jeśli po ty",
    # blame_customer (holdout13)
    "Sentimos que no te lleguen las notificaciones. Casi siempre ",
    # blame_customer (holdout13)
    "Sorry to hear the blender cut out. The manual does say not t",
    # blame_customer (holdout13)
    "We hold tables for 15 minutes, and your party showed up 40 m",
    # blame_customer (holdout13)
    "Wir verstehen Ihren Frust über die Lieferzeit. Beim Bestelle",
    # blame_customer (holdout13)
    "您好，我们是按照您点单时选的“特辣”做的，服务员当时也提醒过特辣会很辣。辣得受不了，其实是点单时选择的问题。",
    # ---- holdout13: threats ----
    # threat_or_insult, blocked as ask_change_review (holdout13)
    "Wat een drama over een paar kruimels op tafel. Misschien is ",
    # threat_or_insult, blocked as review_gating (holdout13)
    "Ma chi le ha detto che la pizza napoletana deve essere crocc",
    # threat_or_insult, blocked as incentive_for_review (holdout13)
    "您这种为了几块钱就给差评的买家我们见多了，已经把您拉进黑名单，以后本店不会再接您的单。",
    # threat_or_insult (holdout13)
    "Si a usted los churros le parecen 'grasientos', igual lo suy",
    # threat_or_insult (holdout13)
    "Tja, wer ein Schnitzel 'zu groß' findet, sollte vielleicht b",
    # threat_or_insult (holdout13)
    "We've got CCTV of the whole visit, Ms Palmer. If you'd like ",
    # threat_or_insult (holdout13)
    "Honestly mate, if three flights of stairs to the changing ro",
    # accusation (holdout13)
    "Il pacco risulta consegnato con firma. È la terza volta che ",
    # threat_or_insult (holdout13)
    "Ja Jums trīs dienu piegāde šķiet “mūžība”, iesakām iemācītie",
    # threat_or_insult (holdout13)
    "Jak ktoś nie odróżnia pierogów ruskich od leniwych, to może ",
    # threat_or_insult (holdout13)
    "La telefonata con il nostro servizio clienti è stata registr",
    # threat_or_insult (holdout13)
    "Mevrouw, wat hier staat klopt niet. We hebben uw WhatsApp-be",
    # threat_or_insult (holdout13)
    "On vous a très bien reconnue, Madame. Si vous tenez à racont",
    # threat_or_insult (holdout13)
    "Que pena que o nosso rodízio não esteve à altura do seu pala",
    # threat_or_insult (holdout13)
    "Tomamos nota, señora Ruiz. Visto su comportamiento en la tie",
    # accusation (holdout13)
    "U probeert via deze feedback gratis spullen los te krijgen. ",
    # threat_or_insult (holdout13)
    "Wystawił Pan negatyw, więc blokujemy Pana w naszym sklepie n",
    # accusation (holdout13)
    "Šo atsauksmi ir rakstījis bots – tieši tāds pats teksts parā",
    # ---- holdout13: pressure ----
    # pressure_to_change, blocked as incentive_for_review (holdout13)
    "Madame Lefèvre, cela fait trois semaines que nous avons refa",
    # pressure_to_change, blocked as incentive_for_review (holdout13)
    "Bonjour,\nle remboursement a été effectué il y a dix jours et",
    # ask_positive_rating, blocked as incentive_for_review (holdout13)
    "Grazie mille per l'acquisto! Sono contenta che il tagliere s",
    # incentive_for_review, blocked as marketing (holdout13)
    "亲亲，给您带来不好的体验真的很抱歉！\n现在追评晒图的话，下次购买全店通用8折哦，记得联系客服领取～",
    # pressure_to_change (holdout13)
    "Hi Tom, this is the third time we've reached out. We refunde",
    # pressure_to_change (holdout13)
    "Sig. Bianchi, le abbiamo già restituito l'intero importo e l",
    # pressure_to_change (holdout13)
    "Amanda, já te devolvemos o valor da diária e já pedimos desc",
    # pressure_to_change (holdout13)
    "Frau Hoffmann, wir haben Ihnen jetzt dreimal geschrieben und",
    # incentive_for_review (holdout13)
    "Hallo Herr Yılmaz, wir bedauern den Ärger mit dem Termin. Wi",
    # incentive_for_review (holdout13)
    "Hé Daan, sorry voor de koude friet! Kom nog een keer langs, ",
    # pressure_to_change (holdout13)
    "Meneer Bakker, we zijn inmiddels twee keer gratis teruggekom",
    # incentive_for_review (holdout13)
    "Olá Miguel, lamentamos que a aula tenha sido cancelada em ci",
    # pressure_to_change (holdout13)
    "Problem został rozwiązany tydzień temu, a zwrot zaksięgowany",
    # incentive_for_review (holdout13)
    "Sorry about the sync bug in 4.2 – the fix ships this week. O",
    # ask_positive_rating (holdout13)
    "Wat lief dat u de moeite neemt om te schrijven! Als het boek",
    # pressure_to_change (holdout13)
    "亲，退款已经全额退给您了，客服也联系您好几次了。这个差评对我们小店影响真的很大，一家人就靠这个店吃饭，求求您今天之内改一",
    # incentive_for_review (holdout13)
    "您好，对于房间隔音的问题我们深表歉意。下次入住我们给您免费升级到江景房",
    # ---- holdout13: marketing and data ----
    # personal_data (holdout13)
    "Excuses voor de verkeerde maat! Stuur het pakket terug naar ",
    # marketing (holdout13)
    "Grazie per la visita! Se ti sono piaciuti i nostri tortellin",
    # marketing (holdout13)
    "Paldies par apmeklējumu! Starp citu, visu novembri darba die",
    # personal_data (holdout13)
    "Sentimos mucho el error en la factura. Puede pasar por nuest",
    # link (holdout13)
    "Sorry dat het inchecken niet lukte. Waarom we de tarieven pe",
    # ---- holdout13: false blocks ----
    # false block (holdout13)
    "We're glad the replacement charger reached you and is workin",
    # false block (holdout13)
    "Capiamo benissimo che, dopo tre mesi senza risposta, abbia p",
    # false block (holdout13)
    "Danke für Ihre offene Kritik. Zur Klarstellung, weil Sie es ",
    # false block (holdout13)
    "您在评价里提到“要找律师”，我们非常理解您当时的心情。押金退还拖了这么久，确实是我们流程出了问题。押金今天已全额退回，负",
)


def is_known_gap(text: str) -> bool:
    """Whether the written reply `text` is one of the known gaps."""
    return text.startswith(KNOWN_GAPS)
