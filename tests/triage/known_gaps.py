"""The development replies the checker still gets wrong, each named by how its text starts.

`holdout8` and `holdout9` were each measured once as a held-out round (bench/README.md) and
then promoted to development, and `dev21` was measured once before it was tuned on; the
rounds of work after them did not reach every one of their misses and false blocks. They are
listed here rather than left out of the corpus, so that the development figure does not hide
them: test_checker_corpus.py expects every form of each to fail (strictly, so a gap that gets
closed must be struck from this list), and every other development reply to get its verdict.
"""

from __future__ import annotations

KNOWN_GAPS: tuple[str, ...] = (
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
    # personal_data
    "Lūdzu, zvaniet mūsu vadītājam Andrim uz 29 123 456, viņš vis",
    # threat_or_insult
    "I've run this garage for 22 years and never read such idioti",
    # threat_or_insult
    "Mamy Pana dane z zamówienia. Jeszcze jedno słowo i pogadamy ",
    # threat_or_insult
    "Was für ein Unsinn. Wer so einen Schwachsinn schreibt, sollt",
    # threat_or_insult
    "这种评论也好意思发？没脑子的人才会这么写。",
    # accusation (holdout9)
    "Deze recensie komt overduidelijk van een concurrerende ontwi",
    # accusation (holdout9)
    "Sappiamo benissimo che lei lavora per la libreria qui di fro",
    # accusation (holdout9)
    "We recognise your writing style. You're the former employee ",
    # accusation (holdout9)
    "Wir wissen genau, dass das Tattoostudio zwei Straßen weiter ",
    # blame_customer (holdout9)
    "Honestly, the chain snapped because it was never oiled once ",
    # good reply blocked (holdout9)
    "Le concurrent que vous citez propose en effet des horaires p",
    # good reply blocked (holdout9)
    "Menciona que já contactou um advogado. Respeitamos isso e es",
    # good reply blocked (holdout9)
    "Rozumiemy, że porównuje nas Pan z konkurencyjną siłownią, kt",
    # good reply blocked (holdout9)
    "Wspomina Pani o prawniku. Oczywiście to Pani prawo; chętnie ",
    # personal_data (holdout9)
    "请加我们客服微信或者直接打电话13812345678联系。",
    # threat_or_insult (holdout9)
    "Anyone who calls our photos 'amateur' clearly wouldn't know ",
    # threat_or_insult (holdout9)
    "Bei so viel Ahnungslosigkeit wundert uns gar nichts mehr. Vi",
    # threat_or_insult (holdout9)
    "Che pena leggere queste sciocchezze. Si vede che ha tanto te",
    # threat_or_insult (holdout9)
    "Clientes como você não fazem falta. Não volte ao ginásio.",
    # threat_or_insult (holdout9)
    "Des clients comme vous, on s'en passe volontiers. Allez vous",
    # threat_or_insult (holdout9)
    "Menuda pataleta por una boda que quedó preciosa. Hay cliente",
    # threat_or_insult (holdout9)
    "Merci pour ce chef-d'œuvre de mauvaise foi. On voit que vous",
    # threat_or_insult (holdout9)
    "Met zulke zeurpieten willen we niets te maken hebben. Zoek m",
    # threat_or_insult (holdout9)
    "Solche Kunden brauchen wir nicht. Suchen Sie sich ein andere",
    # threat_or_insult (holdout9)
    "Szkoda czasu na odpowiadanie na takie bzdury. Żałosne.",
    # threat_or_insult (holdout9)
    "Tādi klienti kā jūs mums nav vajadzīgi. Sporta zālē jūs vair",
    # threat_or_insult (holdout9)
    "这种评价一看就是没见过世面的人写的。",
    # accusation (dev21)
    "Ce compte a été créé la veille et n'a publié qu'un seul avis",
    # accusation (dev21)
    "Curioso que esta reseña aparezca justo después de que nos ne",
    # accusation (dev21)
    "Esta pessoa nunca se hospedou no nosso hotel; esta avaliação",
    # accusation (dev21)
    "Este perfil ha dejado reseñas negativas a otras seis academi",
    # accusation (dev21)
    "To zwykły trolling. Ten sam użytkownik wystawił jedną gwiazd",
    # accusation (dev21)
    "U dreigde vorige week met een slechte review als we de repar",
    # accusation (dev21)
    "Šo atsauksmi jūs uzrakstījāt tikai tāpēc, ka atteicāmies jum",
    # blame_customer (dev21)
    "Basta leggere l'avviso prima di toccare \"Elimina tutto\". L'a",
    # blame_customer (dev21)
    "Ci dispiace per l'infezione, ma le indicazioni per la cura d",
    # blame_customer (dev21)
    "De huurwoning is schoon opgeleverd. Als u daarna zelf de afv",
    # blame_customer (dev21)
    "Gli occhiali progressivi richiedono qualche settimana di ada",
    # blame_customer (dev21)
    "Jazda była umówiona na 7:00, a kursant pojawił się o 7:40. I",
    # blame_customer (dev21)
    "La prenotazione era per le 20:00 e siete arrivati alle 21:10",
    # blame_customer (dev21)
    "Le explicamos dos veces que no debía masticar nada duro en l",
    # blame_customer (dev21)
    "Le vétérinaire vous avait demandé de garder votre chien au r",
    # blame_customer (dev21)
    'Oczywiście, że kebab był ostry – zamówił Pan sos "extra hot"',
    # blame_customer (dev21)
    "Our driver rang twice and left a card. It's a shame nobody w",
    # blame_customer (dev21)
    "Our kitchen stops taking orders at 9:30, as it says on our w",
    # blame_customer (dev21)
    "Qué casualidad que el curso solo «no funcione» para quienes ",
    # blame_customer (dev21)
    "Taksometrs gaidīja pie norādītās adreses desmit minūtes. Ja ",
    # blame_customer (dev21)
    "The listing says in bold that this charger is for 12V system",
    # blame_customer (dev21)
    "Votre leçon de conduite commençait à 8 h. Arrivé à 8 h 35, v",
    # blame_customer (dev21)
    "Vous avez pris le modèle à 19 €, sans minuterie ni protectio",
    # blame_customer (dev21)
    "We're sorry the jacket shrank, but the care label clearly sa",
    # blame_customer (dev21)
    "With respect, the brake noise started because the car was dr",
    # blame_customer (dev21)
    "Étrange : sur plus de 2 000 déménagements cette année, vous ",
    # blame_customer, blocked as review_gating (dev21)
    "Aplikacja działa bez zarzutu na aktualnym Androidzie. Wystar",
    # good reply blocked (dev21)
    "We're very sorry your bike was stolen from our car park. We'",
    # good reply blocked (dev21)
    "您提到的虚假宣传问题我们非常重视，已经安排专人核查，核实后会第一时间给您答复。",
    # threat_or_insult (dev21)
    "Admirable la seguridad con la que opina alguien que no disti",
    # threat_or_insult (dev21)
    "Die Adresse steht ja auf dem Lieferschein. Vielleicht schaue",
    # threat_or_insult (dev21)
    "Dopo questa recensione la sua iscrizione al corso è stata an",
    # threat_or_insult (dev21)
    "Gezien uw gedrag aan de balie bent u niet meer welkom in onz",
    # threat_or_insult (dev21)
    "Já falámos com a polícia sobre si e, depois desta avaliação,",
    # threat_or_insult (dev21)
    "Le hemos identificado gracias a las cámaras de seguridad y v",
    # threat_or_insult (dev21)
    "Lezen blijkt lastig, maar we doen een poging: de levertijd s",
    # threat_or_insult (dev21)
    "Maybe next time try reading the booking confirmation before ",
    # threat_or_insult (dev21)
    "Następnym razem proszę spróbować przeczytać regulamin przed ",
    # threat_or_insult (dev21)
    "Nous avons transmis votre avis et les images de vidéosurveil",
    # threat_or_insult (dev21)
    "Pana dane z zamówienia mamy w systemie. Jeśli ta opinia nie ",
    # threat_or_insult (dev21)
    "Pēc šādas uzvedības jums ir liegta ieeja mūsu veikalā, un jū",
    # threat_or_insult (dev21)
    "Schön, dass Sie Zeit für so einen langen Text hatten. Schade",
    # threat_or_insult (dev21)
    "Su nombre ya figura en la lista de huéspedes no deseados que",
    # threat_or_insult (dev21)
    "Tenemos su dirección de facturación. No nos obligue a pasar ",
    # threat_or_insult (dev21)
    "Un conseil d'ami : la prochaine fois, lisez la page jusqu'au",
    # threat_or_insult (dev21)
    "We hebben uw gegevens uit het reserveringssysteem. Als deze ",
    # threat_or_insult (dev21)
    "您已被列入本店黑名单，以后不再接待，我們也會通知附近的同行。",
    # threat_or_insult, blocked as accusation (dev21)
    "La sua recensione è diffamatoria e lesiva della nostra reput",
    # threat_or_insult, blocked as accusation (dev21)
    "Temos os seus dados da reserva e sabemos muito bem quem você",
    # threat_or_insult, blocked as ask_change_review (dev21)
    "Jūsu auto numurs ir redzams mūsu stāvvietas kamerās. Ja šī a",
    # threat_or_insult, blocked as blame_customer (dev21)
    "Magari la prossima volta provi a leggere la scheda prodotto ",
    # threat_or_insult, blocked as blame_customer (dev21)
    "建议您下次下单前先认真看看说明，小学语文水平应该就够用了。",
    # threat_or_insult, blocked as blame_customer, review_gating (dev21)
    "Da próxima vez, tente ler a descrição do produto antes de es",
    # threat_or_insult, blocked as review_gating (dev21)
    "Varbūt nākamreiz pamēģiniet izlasīt noteikumus, pirms rakstā",
    # threat_or_insult, blocked as review_gating (dev21)
    "We have CCTV of your visit and we know exactly who you are. ",
)


def is_known_gap(text: str) -> bool:
    """Whether the written reply `text` is one of the known gaps."""
    return text.startswith(KNOWN_GAPS)
