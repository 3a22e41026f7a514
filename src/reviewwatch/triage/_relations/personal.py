"""Personal data and links: store download links, postal addresses and the seller's own
street, a person's health, and reviews not yet posted."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewwatch.triage._clauses import (
    CJK_CHAR,
    CLAUSE_STOPS,
    Span,
    clause_start,
    words_between,
)
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.spans import DIGIT, clause_end, spanning

# A house number: "12", "8a", "5/12", "45-7", "2.o b" ... followed by the end of the address
# (a stop, a comma, the end, or a word such as "in", "à", "w", "op" before the town).
_HOUSE_NUMBER = re.compile(
    r"\d{1,5}(?:\s?[a-z](?![^\W\d_]))?(?:\s?[/-]\s?\d{1,4}[a-z]?)?"
    r"(?=\s*(?:[,.;:!?)\n]|$)|\s+(?:in|a|en|em|no|na|w|we|op|te|di|de|im|bei|near|v|und|and|et|"
    r"e|y|i|ir)(?![^\W\d_])"
    # The town right after a house number ("Kerkstraat 12 Utrecht: ..."; a postcode's town is
    # the mailing address's), not a unit of time or of anything else ("via email entro 24 ore.").
    r"|(?<!\d{5})\s+(?!(?:ore|or[ae]s?|hours?|hrs|uur|stunden?|heures?|horas?|minut\w*|min|days?|dias?|"
    r"giorni|dagen|tage[n]?|jours?|weeks?|settimane|weken|wochen|semaines?|semanas?|months?|"
    r"mesi|maanden|monate[n]?|mois|meses|godzin\w*|dni|dien\w*|st[uü]ck|pieces?|people|"
    r"persons?|personen|personnes|persone|pessoas|euros?|eur|dollars?|pounds?)(?![^\W\d_]))"
    r"[^\W\d_]{3,}(?:[ -][^\W\d_]{3,})?\s*[,.;:!?)\n])"
)
_NUMBER_BEFORE = re.compile(r"(?<![\w/.-])\d{1,5}[a-z]?(?![\w/-])")
# Words that cannot stand inside a street's name: "20 minutes in the street".
_NOT_A_NAME = re.compile(
    r"(?<![^\W\d_])(?:of|the|a|an|on|in|at|to|for|by|and|or|with|per|from|de|des|du|la|le|"
    r"les|en|a|et|y|e|w|z|na|od|van|het|een|op|in|minutes?|hours?|days?|weeks?|min|km|m)"
    r"(?![^\W\d_])"
)


# How many words may part a download of the app from the link it is fetched from.
_DOWNLOAD_WORDS = 4
# The stores' own pages: an app fetched there is not fetched around the store.
_STORE_LINK = re.compile(r"play\.google\.|apps\.apple\.|itunes\.apple\.|appgallery\.")


def download_links(reading: Reading, links: Sequence[Span]) -> list[Span]:
    """Links the app (a beta, an APK, a version) is to be downloaded or installed from,
    outside the store ("Descargue la versión beta desde www.apk-example.com", "Download the
    APK here: https://...", "Laden Sie die Testversion unter www... herunter"): a download
    within a few words of the link in its sentence. Where a platform allows links to a
    support page, these stay blocked; "our FAQ at https://... explains the fix" does not
    download anything."""
    found = []
    downloads = reading.find("download")
    for original in links:
        if _STORE_LINK.search(reading.text, *original):
            continue
        # The dots inside a link end no sentence: its sentence is the one it starts in, or,
        # after it, the one it ends in (the stop that ends it is not its own).
        link = (original[0], len(reading.text[: original[1]].rstrip(".,;:!?)。！？")))
        indexes = (reading.sentence(link[0]), reading.sentence(link[1] - 1))
        for word in downloads:
            if reading.sentence(word[0]) not in indexes or reading.negated(word):
                continue
            left, right = (word, link) if word[0] <= link[0] else (link, word)
            if right[0] < left[1] or words_between(reading.text, left[1], right[0]) <= (
                _DOWNLOAD_WORDS
            ):
                found.append(original)
                break
    return found


def addresses(reading: Reading) -> list[Span]:
    """Postal addresses ("14 Orchard Lane", "Lindenstraße 12", "calle Mayor 23", "ul.
    Kwiatową 5/12", "建国路88号"): a street word and a house number next to it. Not the
    seller's own address ("our shop moved to 12 High Street", "visit us at ...")."""
    text = reading.text
    # Every address has a number: most replies have none, and need no street search.
    if not DIGIT.search(text):
        return []
    streets = reading.find("street")
    if not streets:
        return []
    found: list[Span] = []
    for street in streets:
        span = _with_number(text, street)
        if span is None or (_sellers(reading, span[0]) and not _MAILING.match(text, span[1])):
            continue
        found.append(span)
    return found


# What makes a street and number a full mailing address: a postcode ("3542 AD", "10115",
# "00-950", "1000-001", "LV-1010", "SW1A 1AA") or a floor or flat ("2.º B", "3. Stock", "m.
# 4", "dz. 5", "apt 3") right after the house number (or the street's name after it: "14 rue
# de la Paix, 75002 Paris").
_MAILING = re.compile(
    r"(?:\s+[^\W\d_][\w'-]*){0,4}?\s*,?\s*(?:(?:\d{4}\s?[a-z]{2}|\d{5}|\d{2}-\d{3}|\d{4}-\d{3}|lv-?\d{4}|"
    r"[a-z]{1,2}\d[a-z\d]?\s\d[a-z]{2})(?![^\W_])|\d{1,2}\.?\s?(?:o|a|er|e|og)\.?\s*(?:[a-z]\b|piso|"
    r"planta|andar|etage|stock|izq|dcha)|(?:piso|planta|andar|etage|stock|og|apt|apartment|flat|"
    r"suite|unit|m|dz|lok|int|scala|esc|bus)\.?\s*\d|(?:邮编|郵編|邮政编码|郵政編碼)\s*:?\s*\d{6}|"
    r"\d{1,4}\s?(?:楼|樓|层|層|室|单元|單元))"
)


# The street's name, then a comma before the house number ("Rua das Palmeiras, 321", "Via
# Roma, 12"): the number still belongs to the street (a bare "the road, 2 of us" has no name).
_NAME_THEN_COMMA = re.compile(r"(?:\s+[^\W\d_][\w'-]*){1,3}\s*,\s*")


def _with_number(text: str, street: Span) -> Span | None:
    """`street` with its house number after it (up to three words on, perhaps after its
    name and a comma) or before it (up to
    two name words back), or None without one; a street word that holds its number (Chinese
    "路88号") is an address of its own."""
    if any(char.isdigit() for char in text[street[0] : street[1]]):
        return street
    after = text[street[1] : street[1] + 40]
    for match in _HOUSE_NUMBER.finditer(after):
        between = after[: match.start()]
        named = _NAME_THEN_COMMA.fullmatch(between) is not None
        if (any(stop in between for stop in ",;:!?\n") and not named) or words_between(
            after, 0, match.start()
        ) > 3:
            break
        return street[0], street[1] + match.end()
    window = max(0, street[0] - 40)
    before = text[window : street[0]]
    numbers = list(_NUMBER_BEFORE.finditer(before))
    if numbers:
        number = numbers[-1]
        between = before[number.end() :]
        if (
            not any(stop in between for stop in CLAUSE_STOPS)
            and words_between(between, 0, len(between)) <= 2
            and not _NOT_A_NAME.search(between)
        ):
            return window + number.start(), street[1]
    return None


def open_street(reading: Reading) -> bool:
    """Whether the text ends in a street word cut off by its abbreviation's full stop ("...
    dostarczona na ul."): its number follows in the next sentence."""
    tail = reading.text.rstrip()
    if not tail.endswith("."):
        return False
    end = len(tail) - 1
    return any(street[1] == end for street in reading.find("street"))


def _sellers(reading: Reading, position: int) -> bool:
    """Whether the address at `position` is the seller's own: its premises named before it
    in the sentence ("our shop moved to", "visit us at", "unser Laden ist in der", "u vindt
    onze winkel op"), with no word for the reviewer in between ("we delivered to your ..."
    is the reviewer's)."""
    index = reading.sentence(position)
    places = [
        place[1]
        for place in reading.find("our_place")
        if place[1] <= position and reading.sentence(place[0]) == index
    ]
    if not places:
        return False
    last = max(places)
    if words_between(reading.text, last, position) > 10:
        return False
    # "left our warehouse on 3 March and was signed for at 14 Elm Close": where a parcel went.
    if _DELIVERED.search(reading.text, last, position):
        return False
    return not any(last <= you[0] and you[1] <= position for you in reading.find("you"))


# Where a parcel was delivered: the address after it is the reviewer's, not the seller's.
_DELIVERED = re.compile(
    r"(?<![^\W\d_])(?:delivered|signed\s+for|shipped|sent|dropped\s+off|left\s+at|"
    r"geliefert|zugestellt|versandt|livr[ée]e?s?|exp[ée]di[ée]e?s?|entregad[oa]s?|enviad[oa]s?|"
    r"consegnat[oa]|spedit[oa]|bezorgd|afgeleverd|verzonden|entregue|dostarczon\w*|"
    r"wys[łl]an\w*|pieg[āa]d[āa]t\w*|nos[ūu]t[īi]t\w*)(?![^\W\d_])|送到|寄到|签收|簽收|配達"
)


def unposted(reading: Reading) -> list[Span]:
    """Contacting the seller set against posting, in one sentence: "Call the manager, don't
    post a review", "no need for a review, ring the owner": a contact and a review under a
    negation that the reviewer, not the seller, is the subject of."""
    contacts = reading.live("contact_us")
    if not contacts:
        return []
    found: list[Span] = []
    reviews = reading.find("review") + reading.find("rating")
    posts = reading.find("publish") + reading.find("solicit")
    for review in reviews:
        index = reading.sentence(review[0])
        near = [
            contact
            for contact in contacts
            if reading.sentence(contact[0]) == index and not reading.seller_acts(contact)
        ]
        if not near or reading.seller_in_clause(review[0]) or reading.thanked(review):
            continue
        start = clause_start(reading.text, review[0])
        verbs = [
            post
            for post in posts
            if start <= post[0] < review[0] and words_between(reading.text, post[1], review[0]) <= 2
        ]
        if any(reading.negated(verb) for verb in verbs) or reading.negated(review):
            found.append(spanning(near[0], review))
    return found


# How many words may part a person's word from the medical record it owns ("your dental
# records", "la sua cartella clinica").
_RECORD_WORDS = 2


def health_details(reading: Reading) -> list[Span]:
    """A person's health told in public: a medical record named as the reviewer's or
    someone's ("as your patient file shows", "la sua cartella clinica", "根据您的病历"), or a
    condition said of a person in one clause ("your fear of needles", "she is being treated
    for depression", "Jums ir diabēts"). Clinics are fined for this. Not a record or a
    condition under a negation ("we cannot discuss your medical record here"), nor one told
    of nobody ("dishes for diabetics", "menus for guests with diabetes") or only supposed
    ("if you have diabetes, ask for ...")."""
    if not (reading.find("medical_record") or reading.find("condition")):
        return []
    people = reading.find("you") + reading.find("third_person")
    found = [
        record
        for record in reading.find("medical_record")
        if not reading.negated(record, aside=True)
        and not _declined(reading, record)
        and _owned_record(reading, record, people)
    ]
    found += [
        condition
        for condition in reading.find("condition")
        if not reading.negated(condition, aside=True)
        and _said_of_someone(reading, condition, people)
    ]
    return found


def _owned_record(reading: Reading, record: Span, people: list[Span]) -> bool:
    """Whether a person's word stands just before `record` in its clause ("your medical
    records", "Ihre Krankenakte", "您的病历") or just after it ("cartella clinica della
    signora", "病历显示您")."""
    text = reading.text
    start, end = clause_start(text, record[0]), clause_end(text, record[1])
    cjk = CJK_CHAR.match(text, record[0]) is not None
    for one in people:
        if start <= one[0] and one[1] <= record[0]:
            gap = words_between(text, one[1], record[0])
        elif record[1] <= one[0] and one[1] <= end:
            gap = words_between(text, record[1], one[0])
        else:
            continue
        if cjk or gap <= _RECORD_WORDS:
            return True
    return False


def _declined(reading: Reading, record: Span) -> bool:
    """Whether a negation follows `record` in its clause: the seller declines to speak of it
    ("Über Ihre Krankenakte können wir hier nicht sprechen", "关于您的病历我们不便在此讨论")."""
    pattern = reading.cues.negation
    if pattern is None:
        return False
    return pattern.search(reading.text, record[1], clause_end(reading.text, record[1])) is not None


def _said_of_someone(reading: Reading, condition: Span, people: list[Span]) -> bool:
    """Whether `condition` is said of a person: a person's word in its clause, and no "if"
    before it there (a condition supposed is said of nobody)."""
    text = reading.text
    start, end = clause_start(text, condition[0]), clause_end(text, condition[1])
    if any(start <= one[0] < condition[0] for one in reading.find("health_if")):
        return False
    return any(start <= one[0] and one[1] <= end for one in people)


# A clock time: "22:15", "10h30", "14:00 uur", "14 godz.", "15点", "14時", and "18.30" after a
# word of time ("alle 18.30", "om 18.30"): a dotted number alone is as often a version ("2.30").
_CLOCK = re.compile(
    r"(?<![\d.:,/])(?:[01]?\d|2[0-3])[:h][0-5]\d(?![\d:/]|[.,]\d)"
    r"|(?<![^\W\d_])(?:at|um|ab|gegen|à|a\s+las|alle|às|om|rond|o|ok\.|około|plkst)\s+"
    r"(?:[01]?\d|2[0-3])\.[0-5]\d(?![\d:/]|[.,]\d)"
    r"|(?<![\d.:,/])(?:[01]?\d|2[0-3])\s?(?:uur|godz\w*|時|点|點)"
    # "at 8pm", "7.30 p.m.".
    r"|(?<![\d.:,/])(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s?(?:am|pm|a\.m\.|p\.m\.)(?![^\W\d_])"
    # A clock time in words: "om half acht", "um Viertel nach sieben", "at half past seven".
    r"|(?<![^\W\d_])(?:om|um|at)\s+(?:half|halb|kwart\s+(?:over|voor)|viertel\s+(?:nach|vor)"
    r"|(?:half|(?:a\s+)?quarter)\s+(?:past|to))\s+(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen"
    r"|tien|elf|twaalf|eins|zwei|drei|funf|sechs|sieben|neun|zehn|zwolf|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve)(?![^\W\d_])"
)


# The table the reviewer sat at ("table 9", "aan tafel 6", "Tisch 4", "3号桌"): as telling as
# the clock time of a visit.
_TABLE = re.compile(
    r"(?<![^\W\d_])(?:table|tafel|tisch|mesa|tavolo|stolik\w*|galdi\w*|テーブル)\s*"
    r"(?:no\.?|nr\.?|n[°º]|number|nummer|numero|número)?\s*\d{1,3}(?!\d)"
    r"|\d{1,3}\s?(?:号桌|號桌|番テーブル)"
)
# A payment card told by its last digits ("your Visa ending 4417", "Karte endet auf 1234").
_CARD_ENDING = re.compile(
    r"(?<![^\W\d_])(?:card|visa|mastercard|amex|karte|carte|tarjeta|carta|cart[aã]o|kaart|"
    r"kart[aey]|kart\w*)\s+(?:\w+\s+){0,2}?(?:ending|ending\s+in|ends\s+in|endet\s+auf|"
    r"endend\s+auf|se\s+terminant\s+par|finissant\s+par|terminada\s+en|que\s+termina\s+en|"
    r"che\s+termina\s+con|terminante\s+(?:in|con)|terminado\s+em|eindigend\s+op|"
    r"eindigt\s+op|kończąc\w*\s+się\s+na|konczac\w*\s+sie\s+na)\s+(?:in\s+|op\s+)?"
    r"(?:[*x•.]+\s?)?\d{4}(?!\d)",
    re.IGNORECASE,
)


def card_details(reading: Reading) -> list[Span]:
    """A payment card named by its last digits ("your Visa ending 4417"): a customer's
    payment details, never for a public reply."""
    return [match.span() for match in _CARD_ENDING.finditer(reading.text)]


def visit_details(reading: Reading) -> list[Span]:
    """When a customer came, told in public: their own visit or appointment ("you came", "uw
    afspraak") with its day and clock time in one sentence ("usted vino el martes 4 a las
    22:15", "u was hier zaterdag om 14:00 uur voor uw afspraak", "lei è venuta mercoledì alle
    18:30"), or the table they sat at ("you sat at table 9 last Saturday"). Not opening hours
    or a timetable (two clock times or two days in the sentence: "open Monday to Friday,
    9:00-17:00"), not a slot offered ("Sie können Ihren Termin am Samstag ab 10:00 buchen"),
    nor a parcel's arrival."""
    clocks = [match.span() for match in _CLOCK.finditer(reading.text)]
    tables = [match.span() for match in _TABLE.finditer(reading.text)]
    if not (clocks or tables):
        return []
    days = reading.find("weekday")
    if not days:
        return []
    visits = reading.find("came")
    offers = reading.find("permit")
    found: list[Span] = []
    for detail in clocks + tables:
        index = reading.sentence(detail[0])

        def in_sentence(spans: Sequence[Span], index: int = index) -> int:
            return sum(reading.sentence(span[0]) == index for span in spans)

        one_time = in_sentence(clocks) <= 1 and in_sentence(days) == 1
        if one_time and in_sentence(visits) and not in_sentence(offers):
            found.append(detail)
    return found
