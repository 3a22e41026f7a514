"""Asking for reviews and promoting: solicitations (what Yelp forbids), promotions, wishes and
asks for a review, and the exchanges that tie a benefit to one."""

from __future__ import annotations

import re

from reviewwatch.triage._clauses import (
    CLAUSE_STOPS,
    Span,
    clause_start,
    sentence_start,
    words_between,
)
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.permissions import told
from reviewwatch.triage._relations.spans import (
    AND,
    clause_end,
    inside_quotation,
    overlaps,
    spanning,
)

# An infinitive marker right before a verb: the review may come first ("een review op Yelp te
# schrijven", "eine Bewertung zu schreiben").
# Or after a modal that asks, the verb last ("Zou u een review willen achterlaten?").
_INFINITIVE = re.compile(r"(?<![^\W\d_])(?:te|zu|willen|wilt|kunt)\s+$")
# A question or request opened by a modal and "you", the verb last ("Kunt u een review op
# Yelp schrijven?", "Könnten Sie uns eine Bewertung schreiben?").
_MODAL_FIRST = re.compile(
    r"(?<![^\W\d_])(?:kunt|wilt|zou|zoudt|kun|wil|konnten|konnen|wurden|mochten|wollen)\s+"
    r"(?:u|je|jij|sie)(?![^\W\d_])"
)
# The marker inside a separable verb: "achter te laten", "abzugeben".
_INFINITIVE_IN = re.compile(r"(?<![^\W\d_])te\s|\wzu\w")


def solicits(reading: Reading) -> list[Span]:
    """Asking for a review: leaving, writing or giving one, or writing on a review site, in
    a clause that asks ("Please leave us a review on Yelp!", "please write about it on Yelp",
    "no olvide dejarnos otra reseña"), not thanked for and not negated (a negated one is
    gating; "don't forget" asks); a review wished for (`wished`) or asked for
    (`asked_for`); writing asked for where reviews stand (`written_here`); and guests invited
    to write there (`invited_to_share`)."""
    return _asked_reviews(reading) + written_here(reading) + invited_to_share(reading)


def _asked_reviews(reading: Reading) -> list[Span]:
    """A review left, written or given, wished for, asked for, or told to others, in a clause
    that asks and not thanked for (`solicits`)."""
    found = wished(reading) + asked_for(reading)
    # Telling others or sharing one's experience in public is a review by another name
    # ("Tell the world what you thought!", "Share your experience with others here"), not
    # where a reply quotes someone who said it.
    found += [
        span
        for span in told(reading)
        if _asked_or_bare(reading, span) and not inside_quotation(reading.text, span)
    ]
    if not reading.find("solicit"):
        return found
    found += _solicited(reading)
    return [s for s in found if not reading.thanked(s) and _asked_or_bare(reading, s)]


def _solicited(reading: Reading) -> list[Span]:
    """A verb of leaving, writing or giving and a review or a review site in its clause."""
    reviews = reading.find("review") + reading.find("rating")
    sites = [site for site in reading.find("review_site") if not _messaged(reading, site)]
    verbs = [
        verb
        for verb in reading.find("solicit")
        if not reading.negated(verb) or _reminded(reading, verb)
    ]
    # Wide: German puts the review at the end ("Hinterlassen Sie uns doch bei Ihrem nächsten
    # Besuch eine Bewertung").
    pairs = reading.near(verbs, reviews + sites, 8, clause=True, seller_breaks=False)
    return [
        spanning(verb, review)
        for verb, review in pairs
        if (
            verb[0] < review[0]
            or _INFINITIVE.search(reading.text, 0, verb[0])
            or _INFINITIVE_IN.search(reading.text, verb[0], verb[1])
            or _MODAL_FIRST.search(reading.text, clause_start(reading.text, review[0]), review[0])
        )
        and not (review in sites and _sellers_own(reading, verb, review))
    ]


# How many words may part a verb of writing from the place it is written ("share their
# thoughts on here", "hier ook even iets willen schrijven").
_PLACE_WORDS = 5
# "Or" between them parts two things done ("come here or write to us").
_OR = re.compile(r"(?<![^\W\d_])(?:or|oder|ou|vai|lub|albo)(?![^\W\d_])|或")
# Written to the seller: "write to us here", "schreiben Sie uns hier", "écrivez-nous ici",
# "给我们写".
_TO_US = re.compile(
    r"\s*(?:(?:sie|u|je|du|vous|usted|pan|pani)\s+)?-?(?:to\s+(?:us|me)|us|uns|nous|nos|ons|nam|"
    r"nas|mums|ci|me|mir|moi|mi|mij|man|do\s+(?:nas|mnie))(?![^\W\d_])"
)
_TO_US_ZH = re.compile(r"(?:给|給|跟|向|和)(?:我们|我們|我)$")
# Someone else asked to write: "them", "ellos", "eux", "loro", "zij", "oni", "他们".
_THEY = re.compile(
    r"(?<![^\W\d_])(?:them|they|ellos|ellas|eux|elles|ils|loro|eles|elas|oni|one|zij|ze|hen|"
    r"viņi|viņiem|sie)(?![^\W\d_])|他们|她们|他們|她們"
)


def written_here(reading: Reading) -> list[Span]:
    """A review asked for by where it is to be written: a verb of writing, sharing or telling
    and "here" or a review site close by, with no "and" or "or" between, in a clause that asks
    or in a sentence that turns to the reviewer's company ("we'd love for them to share their
    thoughts on here", "als zij hier ook even iets willen schrijven: graag!", "Chama a galera
    pra contar aqui no Yelp como foi"). Not the seller's own writing ("we're happy to share
    here that ..."), not a message ("write to us here"), not thanked for or negated."""
    writes = [w for w in reading.live("write") if not reading.thanked(w)]
    if not writes:
        return []
    places = reading.find("here") + [
        site for site in reading.find("review_site") if not _messaged(reading, site)
    ]
    found: list[Span] = []
    for write in writes:
        if not places or _to_us(reading, write) or _own_writing(reading, write):
            continue
        place = next((p for p in places if _beside(reading, write, p)), None)
        # "Napisz do mnie prywatną wiadomość tutaj": a message, written to the seller; "write
        # your order number here": a detail, not a review.
        if place is None or _MESSAGE.search(reading.text, min(write[0], place[0]), place[1]):
            continue
        # "Napisaliśmy do Pani przez Yelp": the seller writing to the reviewer.
        if _sellers_own(reading, write, place):
            continue
        start = clause_start(reading.text, write[0])
        if any(clause_start(reading.text, d[0]) == start for d in reading.find("detail")):
            continue
        if _asked_or_bare(reading, write) or _recruited(reading, write):
            found.append(spanning(write, place))
    return found


def _beside(reading: Reading, write: Span, place: Span) -> bool:
    """Whether `place` stands within a few words of `write` in its clause, no "and" or "or"
    between ("bring your friends here and share a pizza" writes nowhere)."""
    left, right = (write, place) if write[0] <= place[0] else (place, write)
    if left[1] > right[0] or reading.sentence(left[0]) != reading.sentence(right[0]):
        return False
    between = reading.text[left[1] : right[0]]
    return (
        words_between(reading.text, left[1], right[0]) <= _PLACE_WORDS
        and not any(stop in between for stop in CLAUSE_STOPS)
        and AND.search(between) is None
        and _OR.search(between) is None
    )


def _to_us(reading: Reading, write: Span) -> bool:
    """Whether `write` is addressed to the seller ("tell us here", "给我们写")."""
    if _TO_US.match(reading.text, write[1]):
        return True
    return _TO_US_ZH.search(reading.text, max(0, write[0] - 3), write[0]) is not None


def _own_writing(reading: Reading, write: Span) -> bool:
    """Whether the seller writes: a "we" before `write` in its clause with no "you", no
    company of the reviewer and no "them" between ("we're happy to share here that ...";
    "we would love for you to write here" asks)."""
    start = clause_start(reading.text, write[0])
    objects = set(reading.find("we_object"))
    others = reading.find("you") + reading.find("companions")
    for we in reading.seller():
        if we in objects or not start <= we[0] < write[0]:
            continue
        if any(we[1] <= o[0] < write[0] for o in others):
            continue
        if _THEY.search(reading.text, we[1], write[0]) is None:
            return True
    return False


def _recruited(reading: Reading, write: Span) -> bool:
    """Whether the sentence of `write` opens by turning to the reviewer's company, a verb
    or two before it ("Ask your friends to ...", "Chama a galera ...", "Bitten Sie Ihre
    Gäste ...", "Poproś znajomych ..."): an imperative addressed to the reviewer."""
    start = sentence_start(reading.text, write[0])
    return any(
        start <= c[0] < write[0] and 1 <= words_between(reading.text, start, c[0]) <= 3
        for c in reading.find("companions")
    )


def _asked_or_bare(reading: Reading, span: Span) -> bool:
    """Whether `span` stands in a clause that asks, or is a bare or chained imperative."""
    return reading.asks_in_clause(span) or _bare_verb(reading, span) or _chained(reading, span)


def _chained(reading: Reading, span: Span) -> bool:
    """Whether `span` is an imperative joined by "and" to one that opens the sentence ("Come
    back soon and share your experience on Yelp"): an "and" just before it, and no "we" or
    "you" as a subject before that."""
    before = reading.text[sentence_start(reading.text, span[0]) : span[0]]
    match = re.search(r"(?<![^\W\d_])(?:and|und|y|et|e|en|i|un|oraz)\s+$", before)
    if match is None or not before[: match.start()].strip():
        return False
    start = sentence_start(reading.text, span[0])
    # The polite "Sie" or "u" right after the opening verb is the imperative's own ("Erzählen
    # Sie es weiter und schreiben Sie ..."), not a subject telling what the reviewer did.
    subjects = reading.seller() + [
        you
        for you in reading.find("you")
        if not (
            _POLITE_YOU.fullmatch(reading.text, *you)
            and words_between(reading.text, start, you[0]) == 1
        )
    ]
    return not any(start <= word[0] < span[0] for word in subjects)


_POLITE_YOU = re.compile(r"sie|u")


def _bare_verb(reading: Reading, span: Span) -> bool:
    """Whether `span` opens its clause with nothing before it but a "next time" ("…: la
    prossima volta lasciaci cinque stelle", "next time, leave us a review"): an imperative."""
    start = clause_start(reading.text, span[0])
    times = [word for word in reading.find("next_time") if start <= word[0] < span[0]]
    rest = start
    for word in times:
        if words_between(reading.text, rest, word[0]):
            return False
        rest = word[1]
    return bool(times) and not words_between(reading.text, rest, span[0])


def promotions(reading: Reading) -> list[Span]:
    """Marketing words not negated, or after a "don't forget" ("Don't forget our Tuesday
    deal", "N'oubliez pas nos soldes")."""
    return [
        span
        for span in reading.find("promote")
        if not reading.negated(span) or _reminded(reading, span)
    ]


# A message, not a review, written on a site ("a direct message here on Yelp", "la mensajería
# de Amazon", "私信").
_MESSAGE = re.compile(
    r"messag|nachricht|mensaj|mensag|wiadomo|bericht|zinu|zina|direct|direkt|priv|chat|inbox|"
    r"e-?mail|dm\b|mail\b|私信|消息"
)


def _messaged(reading: Reading, site: Span) -> bool:
    """Whether `site` is where the reviewer writes to the seller: a message word or a
    "contact us" in its clause before it ("Schreiben Sie uns ... über Yelp")."""
    start = clause_start(reading.text, site[0])
    if _MESSAGE.search(reading.text, start, site[0]):
        return True
    return any(start <= word[0] < site[0] for word in reading.find("contact_us"))


def _sellers_own(reading: Reading, verb: Span, site: Span) -> bool:
    """Whether the seller writes on the site itself ("Napisaliśmy do Państwa przez
    Trustpilot", "we wrote to you on Yelp"): a "we" in or just before the verb, or the
    reviewer named between them as the one written to."""
    if any(
        we[0] <= verb[0] < we[1]
        or (we[1] <= verb[0] and not words_between(reading.text, we[1], verb[0]))
        for we in reading.find("we")
    ):
        return True
    return _TO_YOU.search(reading.text, verb[1], site[0]) is not None


# The reviewer written to: "to you", "do Państwa", "an Sie", "à vous", "a usted", "aan u".
_TO_YOU = re.compile(
    r"(?<![^\W\d_])(?:to\s+you|do\s+(?:panstwa|pana|pani)|an\s+sie|a\s+vous|a\s+usted|"
    r"aan\s+u|a\s+lei|ao\s+senhor|a\s+senhora|jums)(?![^\W\d_])|给您|給您|向您"
)


def _reminded(reading: Reading, verb: Span) -> bool:
    """Whether a "don't forget" ("no olvide", "vergessen Sie nicht", "别忘了") stands just
    before `verb`, in its clause: its negation asks."""
    return any(
        wish[1] <= verb[0]
        and words_between(reading.text, wish[1], verb[0]) <= 2
        and clause_start(reading.text, verb[0]) <= wish[0]
        for wish in reading.find("wish")
    )


# The reviewer's own review ("your review", "Ihre Bewertung", "la sua recensione", "您的评价"):
# a wish about it ("we'd be glad to discuss your review") asks for no new one.
_OWNED_REVIEW = re.compile(
    r"(?<![^\W\d_])(?:your|ihre[nmrs]?|deine[nmrs]?|votre|vos|ton|ta|su|sus|tu|sua|uw|je|jouw|"
    r"jusu|tavu|tava|pana|pani|panstwa)\s+(?:[^\W\d_]+\s+)?$|(?:您|你)的$"
)
# A visit still to come ("after your next visit", "beim nächsten Besuch", "dopo la prossima
# cena", "下次"): "your review" wished for after it is a new one, not the one written.
_NEXT_OCCASION = re.compile(
    r"(?<![^\W\d_])(?:next\s+(?:visit|time|stay|meal|dinner|lunch|order)|nachste[nmr]?\s+"
    r"(?:besuch|mal|aufenthalt|essen|bestellung)|proxim[ao]s?\s+(?:visita|vez|cena|comida|"
    r"estancia|estadia|refeicao|jantar|almoco|pedido|encomenda)|prochaine?s?\s+(?:visite|fois|"
    r"sejour|repas|diner|commande)|prossim[aoi]\s+(?:visita|volta|cena|pranzo|soggiorno|ordine)|"
    r"nastepn\w*\s+(?:wizy|raz|pobyt|zamowien)|volgend\w*\s+(?:bezoek|keer|verblijf|"
    r"bestelling)|nakam\w*\s+(?:vizit|reiz|pasutijum)|nakamreiz)|下次|下回"
)


def _owned(reading: Reading, review: Span, ask: Span) -> bool:
    """Whether `review` is the reviewer's own ("your review", "su reseña"), not a new one
    after a next visit and not the reviewer's company's ("si tus amigos lo pasaron bien, nos
    encantaría leer sus opiniones": theirs)."""
    if not _OWNED_REVIEW.search(reading.text, max(0, review[0] - 30), review[0]):
        return False
    start = sentence_start(reading.text, min(ask[0], review[0]))
    if _NEXT_OCCASION.search(reading.text, start, review[0]):
        return False
    return not any(start <= c[0] and c[1] <= review[0] for c in reading.find("companions"))


# How many words may part a wish from the review it wishes for.
_WISH_WORDS = 8


def wished(reading: Reading) -> list[Span]:
    """A review wished for ("a short review on Yelp would make our day", "über eine neue
    Bewertung freuen wir uns", "un petit avis nous ferait plaisir"): a wish and a review in
    one sentence, the review not the reviewer's own ("we'd be happy to talk about your
    review") and not thanked for."""
    wishes = reading.live("wish")
    if not wishes:
        return []
    found = []
    reviews = reading.find("review") + reading.find("rating")
    for wish, review in reading.near(wishes, reviews, _WISH_WORDS, seller_breaks=False):
        if _owned(reading, review, wish):
            continue
        if reading.thanked(review) or reading.negated(review, aside=True):
            continue
        # "Ci farebbe piacere rivederla e la ringraziamo per la recensione": thanks between.
        left, right = min(wish[1], review[1]), max(wish[0], review[0])
        if any(left <= t[0] < right for t in reading.thanks()):
            continue
        found.append(spanning(wish, review))
    return found


# How many words may part "we ask for" from the review it asks for.
_ASK_FOR_WORDS = 3


def asked_for(reading: Reading) -> list[Span]:
    """A review asked for outright ("we ask for a review on Yelp", "prosimy o opinię",
    "bitten wir um eine Bewertung", "le pedimos una reseña", "lūdzam atsauksmi"): an ask just
    before a review in its clause, with no change of it there (that asks to change one), the
    review not the reviewer's own unless a next visit is named, and not thanked for or
    negated. "Prosimy o kontakt w sprawie opinii" asks for contact."""
    asks = reading.live("ask_for")
    if not asks:
        return []
    found = []
    reviews = reading.find("review") + reading.find("rating")
    changes = reading.find("change")
    pairs = reading.near(asks, reviews, _ASK_FOR_WORDS, clause=True, seller_breaks=False)
    for ask, review in pairs:
        if review[0] < ask[0] or reading.thanked(review) or reading.negated(review, aside=True):
            continue
        start = clause_start(reading.text, review[0])
        end = clause_end(reading.text, review[1])
        if any(start <= c[0] < end and not overlaps(c, review) for c in changes):
            continue
        if _owned(reading, review, ask):
            continue
        found.append(spanning(ask, review))
    return found


def exchanges(reading: Reading) -> list[Span]:
    """An incentive and a review in one sentence with an exchange between them ("a voucher
    in return for your feedback")."""
    found: list[Span] = []
    thanks = reading.thanks()
    unconditional = reading.find("unconditional")
    for offer in reading.live("incentive"):
        links = [
            link
            for link in reading.in_sentence("exchange", offer[0])
            if not any(overlaps(link, every) for every in unconditional)
            and not any(t[0] <= link[0] < t[1] for t in thanks)
            and not reading.thanked(link)
            and not reading.negated(link, aside=True)
        ]
        if not links:
            continue
        reviews = reading.in_sentence("review", offer[0]) + reading.in_sentence("rating", offer[0])
        for review in reviews:
            if reading.thanked(review):
                continue
            first = min(offer[0], review[0], *(link[0] for link in links))
            last = max(offer[1], review[1], *(link[1] for link in links))
            found.append((first, last))
    return found


def invited_to_share(reading: Reading) -> list[Span]:
    """Guests invited to write where reviews stand: a verb of inviting, encouraging or asking
    ("we encourage", "zachęcamy", "请"), a verb of writing or sharing after it in its sentence,
    and after the invitation (German and Dutch put the verb last) a review site, "here", or
    what a review tells, experiences and impressions ("Zachęcamy wszystkich naszych gości do
    dzielenia się wrażeniami na Yelpie", "我們已經請常來的朋友和家人也上來分享用餐感受"). Not
    written to the seller ("we invite you to share your experience with us by e-mail"), not a
    message or a detail ("please write your order number here"), not thanked for or negated."""
    invites = reading.live("invite")
    if not invites:
        return []
    writes = [w for w in reading.live("write") if not reading.thanked(w)]
    targets = (
        reading.find("here")
        + reading.find("voices")
        + [site for site in reading.find("review_site") if not _messaged(reading, site)]
    )
    found: list[Span] = []
    for write in writes:
        index = reading.sentence(write[0])
        invite = next(
            (i for i in invites if reading.sentence(i[0]) == index and i[1] <= write[0]), None
        )
        if invite is None or _to_us(reading, write):
            continue
        end = reading.sentence_end(index)
        target = next(
            (t for t in targets if reading.sentence(t[0]) == index and invite[1] <= t[0] < end),
            None,
        )
        if target is None:
            continue
        sentence = reading.text[invite[0] : end]
        if _MESSAGE.search(sentence) or _SELLER_HEARS.search(sentence):
            continue
        # "请在这里写下您的订单号": a detail asked for, not a review.
        if any(reading.sentence(detail[0]) == index for detail in reading.find("detail")):
            continue
        found.append(spanning(invite, target))
    return found


# The seller as the one who hears it, anywhere after the invitation: "share your experience
# with us", "mit uns teilen", "partager avec nous", "con noi", "met ons", "z nami", "ar mums",
# "告诉我们", "跟我们分享".
_SELLER_HEARS = re.compile(
    r"(?<![^\W\d_])(?:with\s+us|to\s+us|mit\s+uns|uns\s+(?:\w+\s+)?mit|avec\s+nous|nous\s+faire|"
    r"con\s+nosotros|nos\s+(?:cuente|cuentes|escriba|escribas)|con\s+noi|ci\s+(?:racconti|scriva)|"
    r"connosco|conosco|com\s+a\s+gente|met\s+ons|ons\s+(?:laten|te)|z\s+nami|nam\b|ar\s+mums|mums\b)"
    r"(?![^\W\d_])|(?:告诉|告訴|跟|给|給|向|和)(?:我们|我們)"
)
