"""Personal information in reviews beyond the English forms: role mailboxes and a place's own
desk number in every language, Chinese mobile numbers, signatures with a town, home
addresses, staff named in Polish, Latvian, Italian, Chinese and Japanese; and the near misses
that stay clean (a business's address, a family name alone, a name in a common word)."""

from __future__ import annotations

import pytest

from reviewwatch.triage.grounds import detect_grounds


def _personal(text: str, language: str) -> bool:
    return any(g.ground == "personal_information" for g in detect_grounds(text, language))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Escribí a ayuda-clientes@tiendamueble.es y nadie contestó en dos semanas."),
        ("pt", "Mandei e-mail para suporte@lojaverde.com.br três vezes, sem resposta."),
        ("de", "Antwort von kundenservice.de@moebelhaus.example kam erst nach zehn Tagen."),
        ("pl", "Pisałem na bok@sklepik.pl, cisza."),
        ("fr", "La réception de l'hôtel, 04 93 12 34 56, ne décroche jamais."),
        ("it", "Ho chiamato il numero dell'hotel 0471 123 456 per ore."),
        ("nl", "De receptie (020 555 1234) nam niet op."),
        ("lv", "Zvanīju uz viesnīcas numuru 6712 3456 78, neviens neatbildēja."),
        ("pl", "Infolinia 22 555 66 77 nie odbiera od tygodnia."),
        ("zh", "打了酒店前台电话 021-5555-6666 一直没人接。"),
        ("ja", "問い合わせ電話 03-5555-1234 は全然つながらない。"),
        ("en", "Their website lists 0161 496 0000 but nobody ever picks up."),
        ("de", "Die Kundenhotline des Herstellers (089 123456-0) war hilfsbereit."),
        ("fr", "Réservation au 01 42 55 66 77, sans souci."),
        ("pl", "Telefon 61 555 44 33 podany na stronie sklepu nie działa."),
        ("pl", "Numer przesyłki 6200 9876 5432 nic nie pokazuje."),
        ("ja", "サポート窓口 0120-123-456 は繋がらない。"),
        ("pt", "O e-mail apoio@companhia.pt nunca responde."),
    ],
)
def test_a_business_s_own_mailbox_or_desk_number_is_not_personal(language: str, text: str) -> None:
    assert not _personal(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "快递送错了，收货人是我，手机13800138000，怎么还能送错？"),
        ("zh", "联系人：13698765432，东西一直没到"),
        ("en", "Arrived broken, never again.\n- Margaret L. Hollis, Leeds"),
        (
            "de",
            "Die Lieferung kam nie an. Ich wohne Birkenweg 8, 80331 München, das ist nicht schwer.",
        ),
        ("fr", "Jamais reçu. Mon adresse : 5 avenue des Lilas, 69003 Lyon."),
        ("nl", "Bezorger zette het pakket bij de buren. Ik woon Lindelaan 14, 2514 Den Haag."),
        (
            "it",
            "Ritiro a mano in via Garibaldi 22, 10122 Torino, il venditore non si è presentato.",
        ),
        ("pl", "Kurier nie dostarczył paczki na ul. Polna 7, 31-042 Kraków."),
        ("pl", "Kelnerka Katarzyna Nowak zignorowała nas przez pół godziny."),
        ("lv", "Pārdevēja Ilze Kalniņa bija ļoti nelaipna."),
        ("it", "Il titolare, Giuseppe Russo, ci ha trattati malissimo."),
        ("en", "The courier's name was Brian Fowler and he threw the box."),
        ("zh", "快递员张伟把包裹扔在门口就走了。"),
        ("zh", "房東林美玲一直不回訊息。"),
        ("ja", "担当の高橋和也さんの説明が全然違っていた。"),
        ("ja", "店員の山本直子という人の態度がひどい。"),
        ("zh", "刘晓红医生只看了两分钟就开药。"),
        ("zh", "陳美玲老師上課一直遲到。"),
        ("en", "Cheap fabric, tore on day one.\n\nGregory Hamilton\nDenver, CO"),
        ("es", "Talla equivocada. Atentamente, Lucía Fernández Ortega (Burgos)"),
        ("nl", "Veel te klein. Groetjes, Marieke de Jong uit Deventer"),
        ("it", "Se il venditore legge: sono Francesca Romano, aspetto ancora una risposta."),
        ("pt", "O motorista Rodrigo Pereira da Costa me deixou no lugar errado."),
        ("es", "El entrenador, Sergio Molina, no me corrigió la postura."),
    ],
)
def test_personal_information_in_other_forms(language: str, text: str) -> None:
    assert _personal(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # A business's own address, a street without a house number, a family name alone, a
        # role before a common word, an order number in Chinese.
        ("de", "Die Filiale in der Hauptstraße 5, 10115 Berlin hatte geschlossen."),
        ("fr", "Le magasin situé 3 rue de la Paix, 75002 Paris était fermé."),
        ("it", "Il negozio di Via Roma, a Milano, era chiuso."),
        ("zh", "王经理说会给我回电话，结果没有。"),
        ("zh", "老板高兴地收了钱，东西却是坏的。"),
        ("zh", "客服马上回复了，但是没有解决问题。"),
        ("zh", "快递员说明天再送，结果又没来。"),
        ("ja", "店長の佐藤さんは親切でしたが、料理が遅かった。"),
        ("zh", "订单号 139123456789012 一直显示未发货。"),
        ("pl", "Kelnerka była miła, ale jedzenie zimne."),
        ("en", "Bad fit, sent it back.\n- Margaret, Leeds"),
        ("zh", "王医生很耐心，但是排队太久。"),
        # A Chinese mobile number's shape does not override the checks every number gets: a
        # service line, an order number.
        ("zh", "客服电话 13800138000 一直打不通。"),
        ("zh", "订单号13912348765一直没发货。"),
        # "I am" counts only right before the name: here it is a famous person's name.
        ("en", "I am a huge fan of Taylor Swift but this poster faded in a week."),
        ("en", "Ordered the Oxford Blue in size 10, it runs small. Returned it."),
    ],
)
def test_near_misses_stay_clean(language: str, text: str) -> None:
    assert not _personal(text, language)


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        # A double first name joined by a hyphen, a family name with an elided prefix.
        ("de", "Ware nie angekommen. Gruß Hans-Peter Müller", "Hans-Peter Müller"),
        ("fr", "Jamais reçu. Cordialement, Jean-Pierre Durand", "Jean-Pierre Durand"),
        ("en", "Never arrived. Thanks, Mary-Jane O'Connor", "Mary-Jane O'Connor"),
        ("it", "Mai arrivato. Saluti, Gianluca D'Angelo", "Gianluca D'Angelo"),
        # A mobile number written the national way, or given to be called back on after a
        # word of the parcel.
        ("de", "Ware nie angekommen, bitte melden Sie sich unter 0171 2345678.", "0171 2345678"),
        ("en", "Parcel never came, my mobile is 07700 900123.", "07700 900123"),
        ("fr", "Colis jamais reçu, rappelez-moi au 06 12 34 56 78.", "06 12 34 56 78"),
        ("nl", "Nooit aangekomen, bel me op 06 12345678.", "06 12345678"),
        # A parcel carrier, or "a certain ...", named in full.
        ("de", "Der Paketbote, ein gewisser Marco Rossi, hat nicht geklingelt.", "Marco Rossi"),
        ("fr", "Le facteur Thierry Lambert a jeté le colis.", "Thierry Lambert"),
    ],
)
def test_double_names_mobiles_and_carriers(language: str, text: str, found: str) -> None:
    matches = {g.ground: g.evidence for g in detect_grounds(text, language)}
    assert matches["personal_information"] == (found,)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # A parcel's or an order's number, however a phone word follows its name.
        ("en", "Tracking number 6200 1234 5678 shows nothing."),
        ("en", "Called about order 6200 1234 5678, nothing."),
        ("de", "Sendungsnummer 0171 2345 6789 zeigt nichts an."),
        ("fr", "Numéro de colis 06 12 34 56 78 introuvable."),
        # A business's mobile-shaped line, a firm with a hyphen in its name.
        ("de", "Die Hotline 0151 23456789 ist nie erreichbar."),
        ("fr", "Acheté chez Leroy-Merlin Paris, livré en retard."),
    ],
)
def test_references_and_firms_stay_clean(language: str, text: str) -> None:
    assert not _personal(text, language)


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        # First names common in Dutch, Spanish, Portuguese, Italian, German and Latvian
        # signatures and staff mentions.
        ("nl", "Nooit geleverd.\nGroeten, Ria van Dijk-Hoogeveen", "Ria van Dijk-Hoogeveen"),
        ("nl", "De bezorger Ruud Jansen gooide het pakket over het hek.", "Ruud Jansen"),
        ("es", "La dependienta Montse Puig nos ignoró.", "Montse Puig"),
        ("pt", "Nunca chegou. Cumprimentos, Gonçalo Duarte", "Gonçalo Duarte"),
        ("it", "La commessa Giada Ferri è stata scortese.", "Giada Ferri"),
        ("de", "Die Verkäuferin Dagmar Schulz war unfreundlich.", "Dagmar Schulz"),
        ("lv", "Pārdevēja Baiba Ozola bija nelaipna.", "Baiba Ozola"),
    ],
)
def test_more_first_names_in_signatures_and_staff_mentions(
    language: str, text: str, found: str
) -> None:
    matches = {g.ground: g.evidence for g in detect_grounds(text, language)}
    assert matches["personal_information"] == (found,)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # A first name alone, or a brand that starts with one, stays clean.
        ("nl", "De bezorger Ruud gooide het pakket over het hek."),
        ("es", "La dependienta Montse nos ignoró."),
        ("pt", "Comprei na loja do Rui, nunca chegou."),
    ],
)
def test_a_first_name_alone_stays_clean(language: str, text: str) -> None:
    assert not _personal(text, language)
