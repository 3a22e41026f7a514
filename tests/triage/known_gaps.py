"""The development replies the checker still gets wrong, each named by how its text starts.

`holdout8` to `holdout16` were each measured as a held-out round (bench/README.md) and then
promoted to development (as were `holdout18a` and `holdout21a` to `holdout23a`, the read
halves of an eighteenth and the twenty-first to twenty-third rounds, each measured before it
was tuned on), and `dev21` and `dev22` were measured once before they were tuned on; the
rounds of work after them did not reach every one of their misses and false blocks. They are
listed here rather than left out of the corpus, so that the development figure does not hide
them: test_checker_corpus.py expects every form of each to fail (strictly, so a gap that gets
closed must be struck from this list), and every other development reply to get its verdict.
"""

from __future__ import annotations

KNOWN_GAPS: tuple[str, ...] = (
    # ---- holdout23a: what round 22 did not reach ----
    # blame_customer (holdout23a)
    "The parking instructions are on our website, in the booking ",
    # personal_data (holdout23a)
    "Sehr geehrter Herr Brandt, Ihre Bestellung vom 14. Mai (zwei",
    # blame_customer (holdout23a)
    "La app funciona perfectamente en todos nuestros dispositivos",
    # threat_or_insult (holdout23a)
    "お口に合わなかったようで残念です。当店の味はある程度食べ慣れた方向けですので、次回はファミレスの方がお楽しみいただけるか",
    # incentive_for_review (holdout23a)
    "Nosūtīsim jums jaunu šalli bez maksas. Ceram, ka pēc tam arī",
    # ---- holdout22a: what round 21 did not reach ----
    # pressure_to_change (holdout22a)
    "We refunded the full amount on Monday. This is our third mes",
    # incentive_for_review (holdout22a)
    "Nous vous avons remboursé les frais de port et ajouté 20 € s",
    # solicit_review (holdout22a)
    "Dank voor uw feedback over de wachttijd. Hoe meer gasten hun",
    # blame_customer (holdout22a)
    "Kurtkę należy regularnie impregnować, informacja jest na met",
    # review_gating (holdout22a)
    "以后有任何不满意，旺旺上说一声就好，我们比评价区处理得快多了～",
    # ---- holdout21a: what round 20 did not reach ----
    # pressure_to_change (holdout21a; blocked under another rule)
    "Nous vous avons remboursé intégralement il y a dix jours et ",
    # pressure_to_change (holdout21a; blocked under another rule)
    "Ya le hemos devuelto el dinero y le hemos pedido en tres oca",
    # pressure_to_change (holdout21a; blocked under another rule)
    "Le abbiamo già inviato un prodotto sostitutivo e un rimborso",
    # pressure_to_change (holdout21a; blocked under another rule)
    "Wij hebben het volledige bedrag teruggestort en het misverst",
    # accusation (holdout21a)
    "Hi Jenna, we've searched our system under every email addres",
    # incentive_for_review (holdout21a)
    "Es tut uns leid, dass das Schnitzel diesmal nicht gepasst ha",
    # solicit_review (holdout21a)
    "Wir bedauern Ihren Eindruck. Unser Team und viele Stammgäste",
    # blame_customer (holdout21a)
    "Désolée que la bougie ait coulé. Comme précisé sur l'étiquet",
    # threat_or_insult (holdout21a)
    "Vu le ton de votre commentaire, nous ne regrettons pas votre",
    # review_gating (holdout21a)
    "Mi dispiace molto. Per il futuro, ricorda che rispondo ai me",
    # blame_customer (holdout21a)
    "Lamentamos. Vale lembrar que a reserva só é confirmada após ",
    # accusation (holdout21a)
    "Vreemd: op de avond die u beschrijft waren wij wegens een be",
    # review_gating (holdout21a)
    "Wat vervelend om te lezen. Wij vragen al onze klanten om bij",
    # incentive_for_review (holdout21a)
    "Przepraszamy za zimną zupę. Przy następnej wizycie deser i k",
    # blame_customer (holdout21a)
    "Aplikacja działa poprawnie u ponad 500 tys. użytkowników. Je",
    # threat_or_insult (holdout21a)
    "Pańskie kłamstwa naruszają dobre imię naszej firmy.\nSprawa z",
    # ask_change_review (holdout21a)
    "亲，退款已经原路退回了，您看这条评价是不是可以再斟酌一下呢？",
    # blame_customer (holdout21a)
    "亲，详情页第三张图已经写明尺码偏小、建议拍大一码，下单前客服也提醒过您的。",
    # blame_customer (holdout21a)
    "Žēl, ka tā sanāca. Uz iepakojuma ir skaidri norādīts, ka pan",
    # incentive_for_review (holdout21a)
    "ご不便をおかけし申し訳ございません。代替品とあわせてAmazonギフト券1,000円分をお送りいたします。\nお手数ですが",
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
    # ---- holdout15: false blocks ----
    # allowed, blocked as threat_or_insult (holdout15): "in der Kanzlei" a sentence after "Als
    # Anwaltskanzlei"; the firm's own trade is read in its sentence only, so that a draft
    # checked part by part gets the same verdict.
    "Vielen Dank für Ihre Rückmeldung. Als Anwaltskanzlei unterlie",
    # ---- holdout15: blame ----
    # blame_customer (holdout15)
    "Bonjour, l'application fonctionne parfaitement quand on suit",
    # blame_customer (holdout15)
    "Bonjour, la description précise bien que le bracelet est en ",
    # blame_customer (holdout15)
    "Bukiet był świeży w chwili odbioru. Jeśli kwiaty zwiędły po ",
    # blame_customer (holdout15)
    "Ciao! Il conteggio dei passi funziona solo se concedi i perm",
    # blame_customer (holdout15)
    "De band is netjes vervangen. Dat u er de dag erna mee door d",
    # blame_customer (holdout15)
    "Dit gebeurt alleen als je de app in de achtergrond geforceer",
    # blame_customer (holdout15)
    "Gli occhiali sono stati realizzati esattamente secondo la pr",
    # blame_customer (holdout15)
    "Hi there! The ring was made exactly to the size entered at c",
    # blame_customer (holdout15)
    "Laut Sendungsverfolgung wurde der Artikel pünktlich zugestel",
    # blame_customer (holdout15)
    "Le recordamos que llegó usted con cuarenta minutos de retras",
    # blame_customer (holdout15)
    "Lietotne darbojas bez problēmām, ja tālrunī ir jaunākā iOS v",
    # blame_customer (holdout15)
    "Madame, le gâteau était prêt à 10 h, comme indiqué sur votre",
    # blame_customer (holdout15)
    "Oi! A peça é de algodão e a etiqueta diz claramente: lavar à",
    # blame_customer (holdout15)
    "Oi! O endereço do pedido foi o que você cadastrou no app, co",
    # blame_customer (holdout15)
    "Os pastéis de nata são feitos de manhã e estão indicados par",
    # blame_customer (holdout15)
    "Paczka została wysłana w terminie. Niestety podał Pan adres ",
    # blame_customer (holdout15)
    "Riepas tika uzliktas pareizi. Ja pēc nedēļas spiediens atkal",
    # blame_customer (holdout15)
    "Schade, dass es Probleme gibt. Bei über 200.000 Nutzern läuf",
    # blame_customer (holdout15)
    "Sehr geehrter Herr K., das Geräusch, das Sie beschreiben, ha",
    # blame_customer (holdout15)
    "Sync works fine for the vast majority of users. If your note",
    # blame_customer (holdout15)
    "U heeft zelf gekozen voor de goedkoopste verzendoptie zonder",
    # blame_customer (holdout15)
    "We're sorry you found the room noisy. However, the booking p",
    # blame_customer (holdout15)
    "您好，闪退只会在手机内存不足时出现，绝大部分用户都运行正常。建议您先清理一下自己",
    # ---- holdout15: threats ----
    # threat_or_insult (holdout15)
    "Caro senhor, lamentamos imenso que o mar tenha ondas e que o",
    # threat_or_insult (holdout15)
    "Ein Stern, weil wir um 22 Uhr keine Schnitzel mehr braten? R",
    # threat_or_insult (holdout15)
    "Informujemy, że ze względu na treść tej opinii Pana konto zo",
    # threat_or_insult (holdout15)
    "On a bien ri en lisant votre avis. Venant de quelqu'un qui a",
    # threat_or_insult (holdout15)
    "Pierwszy raz ktoś narzeka, że pierogi są za duże. Gratulujem",
    # threat_or_insult (holdout15)
    "Qué reseña tan elaborada. Se nota que le ha costado escribir",
    # threat_or_insult (holdout15)
    "Signora, per la prossima volta le consigliamo un fast food: ",
    # threat_or_insult (holdout15)
    "Sprawa została zgłoszona na policję. Pana dane z faktury już",
    # threat_or_insult (holdout15)
    "Tenemos todos sus datos del contrato de alquiler. Quizá a su",
    # threat_or_insult (holdout15)
    "Uw klantnummer is inmiddels geblokkeerd voor nieuwe contract",
    # threat_or_insult (holdout15)
    "We've matched this review to your account using the timestam",
    # threat_or_insult (holdout15)
    "Wij hebben camerabeelden van uw bezoek en ook uw kenteken. N",
    # threat_or_insult (holdout15)
    "Wow, a whole star. We're honoured. Maybe next time pick a re",
    # threat_or_insult (holdout15)
    "Žēl, ka frizūra nepatika. Bet, godīgi sakot, ar tādiem matie",
    # threat_or_insult, blocked as incentive_for_review (holdout15)
    "这位客人，嫌房间小可以去住总统套房嘛。一百多块钱的价位想要五星级的享受，您的想象",
    # accusation (holdout15)
    "Deze recensie is duidelijk geschreven door iemand die nooit ",
    # accusation (holdout15)
    "Il tracciamento mostra la consegna con firma. Sostenere di n",
    # accusation (holdout15)
    "No nos consta ningún paciente con su nombre en la agenda de ",
    # accusation (holdout15)
    "Não existe nenhuma conta aberta com os dados deste perfil. É",
    # accusation (holdout15)
    "Odebrał Pan przedmiot osobiście, a teraz kłamie, że go nie d",
    # accusation (holdout15)
    "Opvallend: dit account heeft op één dag veertig recensies ge",
    # accusation (holdout15)
    "We have no record of any patient by this name, or of any app",
    # accusation (holdout15)
    "You got the item and are now lying to get a free refund.",
    # ---- holdout15: gating ----
    # review_gating (holdout15)
    "Grazie del feedback. Per chiarezza: l'invito a valutare l'ap",
    # review_gating (holdout15)
    "Hola Álex, gracias por el comentario. Te contamos cómo funci",
    # review_gating (holdout15)
    "Merci pour le retour ! Petite précision : la fenêtre de nota",
    # review_gating (holdout15)
    "Valeu pelo feedback, Júlia! Só pra você saber: aqui a gente ",
    # review_gating (holdout15)
    "感谢反馈！说明一下：我们的应用只会在您点了“喜欢”之后才弹出 App Store",
    # ask_change_review (holdout15)
    "Hi Jess, so glad the mix-up with your order got sorted on Tu",
    # incentive_for_review (holdout15)
    "Bonjour Claire, merci pour votre retour. Nous avons relancé ",
    # incentive_for_review (holdout15)
    "Gentile ospite, abbiamo letto con attenzione il suo commento",
    # incentive_for_review (holdout15)
    "Hallo Herr Nowak, danke für Ihre offenen Worte. Die Verzöger",
    # incentive_for_review, blocked as ask_change_review (holdout15)
    "抱歉让您遇到闪退！问题已在 3.2.1 版本修复。您修改评分后，在“我的-意见反",
    # solicit_review (holdout15)
    "Dank voor je feedback, de wifi is inmiddels vernieuwd. Aan i",
    # solicit_review (holdout15)
    "Dziękujemy za uwagę o klimatyzacji, już działa. A wszystkich",
    # solicit_review (holdout15)
    "Grazie per averci fatto notare il problema con il POS, ora è",
    # solicit_review (holdout15)
    "Paldies par atsauksmi, bērnu ēdienkarti jau esam nomainījuši",
    # solicit_review (holdout15)
    "Thanks for the note, Carlos. The ice machine has been repair",
    # pressure_to_change, blocked as ask_change_review (holdout15)
    "Ci risentiamo per la quarta volta, Marco. Sappiamo che ha le",
    # ---- holdout15: marketing and data ----
    # marketing (holdout15)
    "Ci scusiamo per il ritardo della consegna, la bottiglia sost",
    # marketing (holdout15)
    "Desculpa pela demora na entrega de sábado, estávamos com um ",
    # marketing (holdout15)
    "Sorry the delivery took over an hour on Friday; we were a dr",
    # ---- holdout18a: blame ----
    # blame_customer (holdout18a): the letter's instruction, then the reviewer's act "is why"
    "We understand the wait was frustrating. However, your ",
    # blame_customer (holdout18a): "c'est bien vous qui avez sélectionné", "mauvais choix"
    "Nous comprenons votre frustration, mais c'est bien vous",
    # blame_customer (holdout18a): "la app no falla: el problema es que usted tiene ..."
    "Gracias por escribir. La app no falla: el problema es ",
    # blame_customer (holdout18a): "era stata lei a scegliere ... nonostante i consigli"
    "Ci dispiace che il colore non le piaccia, ma era stata",
    # blame_customer (holdout18a): the address "inserito ... incompleto", "la prossima volta
    # controlli": blamed in its own sentence, taken back by the regret before it
    "Comprendiamo il disagio, ma l'indirizzo inserito nell'",
    # blame_customer (holdout18a): instructions given in writing, then "se a senhora tomou
    # sol ..., não é responsabilidade da clínica"
    "Lamentamos a irritação na pele, mas as orientações pós",
    # blame_customer (holdout18a): "o senhor comprou a versão 220V", "a escolha errada"
    "Entendemos a frustração, mas o senhor comprou a versão",
    # blame_customer (holdout18a): "działa poprawnie – problem wynika z tego, że ma Pan ..."
    "Dziękujemy za opinię. Aplikacja działa poprawnie – pro",
    # ---- holdout18a: accusations ----
    # accusation (holdout18a): "we can only conclude this review wasn't written by a real
    # customer"
    "We've gone through every order from the past twelve mo",
    # accusation (holdout18a): "stammt nachweislich nicht von einem Kunden", "offenbar gekauft"
    "Diese Bewertung stammt nachweislich nicht von einem Ku",
    # ---- holdout18a: data and links ----
    # personal_data (holdout18a): a full name with "14 Elm Row, Leeds LS6 2QT" ("row" is no
    # street word: "row 14" is a seat)
    "Dear Mr Daniel Hargreaves, we've looked up order 48-22",
    # link (holdout18a): a help page on Google Play, which reviewwatch allows there (Google's
    # advice to point to a support or FAQ page); the round expected it blocked
    "Desculpe o transtorno. Veja o passo a passo em www.meu",
    # ---- holdout16: length ----
    # allowed, blocked as length (holdout16): 89 characters where eBay takes 80 (Trading API
    # RespondToFeedback); the round expected it to pass, but the limit is the platform's.
    "ご落札ありがとうございました。輸送中の破損、誠に申し訳ございません。eBayのメッセ",
)


def is_known_gap(text: str) -> bool:
    """Whether the written reply `text` is one of the known gaps."""
    return text.startswith(KNOWN_GAPS)
