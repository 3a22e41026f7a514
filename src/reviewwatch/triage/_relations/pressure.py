"""Pressure on the reviewer: pushes and nudges, ratings asked to go up, repeated contact, and
the review's cost to the business told after it."""

from __future__ import annotations

from collections.abc import Sequence

from reviewwatch.triage._clauses import Span, words_between
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.actions import either_way
from reviewwatch.triage._relations.spans import spanning
from reviewwatch.triage._text import merge_spans


def pushes(reading: Reading) -> list[Span]:
    """More contact ("blijven contact opnemen", "持续联系"), insistence ("Até quando?", "how
    much longer?"), and demands and deadlines ("Exigimos", "今天之内") in a sentence that turns
    to the reviewer (a "you") or to a change the seller does not make ("zostanie usunięta",
    "que a retire"), and in which the seller reports no change of its own: not "we fixed it
    immediately"."""
    found = _chasing(reading)
    for word in reading.live("pressure"):
        index = reading.sentence(word[0])
        changes = [span for span in reading.live("change") if reading.sentence(span[0]) == index]
        if any(reading.seller_acts(change) for change in changes):
            continue
        if changes or any(reading.sentence(one[0]) == index for one in reading.find("you")):
            found.append(word)
    return found


def demands(reading: Reading) -> list[Span]:
    """Demands and deadlines in a sentence with a change the seller does not make ("求求您今天之内
    改一下", "we expect you to take it down by Friday"), more contact and insistence, and
    appeals to weigh the harm ("we hope you'll think about the consequences", "将心比心"):
    pressure after the review's cost to the business is told. Not "please call us by
    Friday"."""
    found = _chasing(reading)
    found += [word for word in reading.live("appeal") if not reading.thanked(word)]
    for word in reading.live("pressure"):
        changes = reading.in_sentence("change", word[0])
        if changes and not any(reading.seller_acts(change) for change in changes):
            found.append(word)
    return found


def _chasing(reading: Reading) -> list[Span]:
    """More contact ("持续联系") and insistence not thanked for ("how much longer?")."""
    found = reading.live("chase")
    return found + [word for word in reading.live("insist") if not reading.thanked(word)]


def nudges(reading: Reading) -> list[Span]:
    """Demands in a sentence that names the review again with "it" ("Gaidām, ka to izdarīsiet
    vēl šodien"): pressure after an action on the review."""
    referents = reading.find("referent")
    own = [change for change in reading.live("change") if reading.seller_acts(change)]
    return [
        word
        for word in reading.live("pressure")
        if any(reading.sentence(one[0]) == reading.sentence(word[0]) for one in referents)
        and not any(reading.sentence(change[0]) == reading.sentence(word[0]) for change in own)
        and not (reading.seller_in_clause(word[0]) and not reading.in_sentence("you", word[0]))
    ]


def rated_asks(reading: Reading, asks: Sequence[Span]) -> list[Span]:
    """A top or positive rating just after an ask for a review in its sentence ("deixe-nos
    uma avaliação de cinco estrelas", "nous comptons sur vous pour une note positive")."""
    found = []
    for word in reading.live("top") + reading.live("positive"):
        if either_way(reading, word):
            continue
        for ask in asks:
            if reading.sentence(ask[0]) != reading.sentence(word[0]) or word[0] < ask[0]:
                continue
            if word[0] < ask[1] or words_between(reading.text, ask[1], word[0]) <= _RATED_WORDS:
                found.append(spanning(ask, word))
                break
    return found


# How many words may part an ask for a review from the rating it names.
_RATED_WORDS = 3


def topped(reading: Reading) -> list[Span]:
    """A top rating ("five stars", "la note maximale", "五星") in a sentence that asks, not
    thanked for and not negated: asking for it."""
    return [
        span
        for span in reading.live("top")
        if not reading.thanked(span) and reading.has_request(span)
    ]


# How many words may part the seller deserving from the rating it names.
_DESERVED_WORDS = 4


def deserved(reading: Reading) -> list[Span]:
    """A top rating the seller says it deserves ("we deserve five stars", "verdienen we dan
    niet gewoon vijf sterren?", "nous méritons la note maximale"): asking for it. Negated only
    as a question ("don't we deserve ...?"); "we didn't deserve five stars that night" asks for
    nothing."""
    if not reading.find("we_deserve"):
        return []
    found = []
    for word in reading.find("top"):
        index = reading.sentence(word[0])
        question = reading.text[reading.sentence_end(index) : reading.sentence_end(index) + 1]
        asked = question in ("?", "？")
        for deserve in reading.in_sentence("we_deserve", word[0]):
            if deserve[0] > word[0] or reading.thanked(deserve):
                continue
            if words_between(reading.text, deserve[1], word[0]) > _DESERVED_WORDS:
                continue
            if not asked and (reading.negated(deserve) or reading.negated(word)):
                continue
            found.append(spanning(deserve, word))
            break
    return found


def chased(reading: Reading) -> list[Span]:
    """Chasing the reviewer about the review ("this is the fifth message we have sent you
    about your review", "Cela fait trois fois que nous vous relançons au sujet de votre
    avis"): a word of repeated contact in a sentence that names the review."""
    if not reading.find("chase"):
        return []
    found = []
    for chase in reading.live("chase"):
        reviews = reading.in_sentence("review", chase[0]) + reading.in_sentence("rating", chase[0])
        live = [span for span in reviews if not reading.thanked(span)]
        if live:
            found.append(spanning(chase, live[0]))
    return found


def repeated_contacts(reading: Reading) -> list[Span]:
    """The seller telling the reviewer how often it has written or asked already ("this is
    the third time we have written to you", "Es la cuarta vez que le escribimos", "To już
    nasza czwarta wiadomość", "Nous attendons toujours votre réponse", "我们已经第三次联系您了"),
    not thanked for: pressure when an ask to change the review or its harm to the business
    follows (`chased_then_pressed`)."""
    return [
        span
        for span in merge_spans(reading.live("chase") + reading.live("insist"))
        if not reading.thanked(span)
    ]


def review_harms(reading: Reading) -> tuple[list[Span], list[Span]]:
    """The review said to cost the business ("this one review is costing us members", "Diese
    Bewertung zieht unseren Schnitt runter", "una sola estrella nos hunde", "这个差评对我们小店
    影响很大"), not negated: those in a sentence that names the review or its staying up, and
    the others, which are its harm when a review was named just before ("The 1-star is still
    up. This is genuinely hurting us.": `related_spans`). Told alone it presses no one;
    after repeated contact, beside an ask to change the review or before a demand it is
    pressure (`chased_then_pressed`)."""
    named: list[Span] = []
    loose: list[Span] = []
    for harm in reading.live("costs_us", aside=True):
        if any(reading.in_sentence(name, harm[0]) for name in ("review", "rating", "still_up")):
            named.append(harm)
        else:
            loose.append(harm)
    return named, loose


def named_harms(
    harms: Sequence[Span], loose: Sequence[Span], named: Sequence[int], reach: int
) -> list[Span]:
    """The review's harms (`review_harms`): those told where it is named, and the others
    within `reach` characters after a review was named ("The 1-star is still here. This is
    genuinely hurting us.")."""
    return [*harms, *(harm for harm in loose if any(at < harm[0] <= at + reach for at in named))]


def harmed_then_demanded(harms: Sequence[Span], demands: Sequence[Span], reach: int) -> list[Span]:
    """The review's harm, then within `reach` characters a demand (`demands`): "This review is
    hurting our small business. We expect you to take it down by Friday."."""
    return [
        (harm[0], demand[1])
        for harm in harms
        for demand in demands
        if harm[1] <= demand[0] <= harm[1] + reach
    ]


def chased_then_pressed(
    chases: Sequence[Span],
    harms: Sequence[Span],
    asks: Sequence[Span],
    chase_reach: int,
    harm_reach: int,
) -> list[Span]:
    """Pressure built over a reply: repeated contact (`repeated_contacts`) followed within
    `chase_reach` characters by the review's harm to the business or an ask to change the
    review ("We've e-mailed you three times. One bad review is driving new members away."
    "Le abbiamo scritto tre volte ... la tolga."), and the review's harm (`review_harms`)
    within `harm_reach` of an ask to change it, either side ("Questa recensione ci fa perdere
    iscrizioni. Ci pensi e la tolga.")."""
    found = [
        (chase[0], press[1])
        for chase in chases
        for press in [*harms, *asks]
        if chase[1] <= press[0] <= chase[1] + chase_reach
    ]
    found += [
        (min(harm[0], ask[0]), max(harm[1], ask[1]))
        for harm in harms
        for ask in asks
        if harm[1] <= ask[0] <= harm[1] + harm_reach or ask[1] <= harm[0] <= ask[1] + harm_reach
    ]
    return found
