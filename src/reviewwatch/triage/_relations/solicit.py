"""Asking for reviews and promoting: solicitations (what Yelp forbids), promotions, wishes and
asks for a review, and the exchanges that tie a benefit to one."""

from __future__ import annotations

import re

from reviewwatch.triage._concepts import (
    Reading,
    Span,
    clause_start,
    sentence_start,
    words_between,
)
from reviewwatch.triage._relations.permissions import told
from reviewwatch.triage._relations.spans import clause_end, inside_quotation, overlaps, spanning

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
    gating; "don't forget" asks); and a review wished for (`wished`) or asked for
    (`asked_for`)."""
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
    found += [
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
    return [s for s in found if not reading.thanked(s) and _asked_or_bare(reading, s)]


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
    subjects = reading.seller() + reading.find("you")
    return not any(start <= word[0] < span[0] for word in subjects)


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
        if _OWNED_REVIEW.search(reading.text, max(0, review[0] - 30), review[0]) and not (
            _NEXT_OCCASION.search(reading.text, sentence_start(reading.text, wish[0]), review[0])
        ):
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
        if _OWNED_REVIEW.search(reading.text, max(0, review[0] - 30), review[0]) and not (
            _NEXT_OCCASION.search(reading.text, sentence_start(reading.text, ask[0]), review[0])
        ):
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
