"""What takes a finding back: no strings attached, an ask denied or condemned, a change only
observed, a code that failed, a warning about a scam in the seller's name."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewwatch.triage._clauses import Span, sentence_start, words_between
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.spans import overlaps


def no_strings(reading: Reading, spans: Sequence[Span]) -> list[Span]:
    """`spans` less those in a sentence that gives it with no strings attached ("a coupon as
    an apology, no conditions attached", "无任何附加条件"): a remedy for this customer, not
    marketing."""
    return [span for span in spans if not reading.in_sentence("no_strings", span[0])]


def undenied(reading: Reading, spans: Sequence[Span]) -> list[Span]:
    """`spans` less those that a denial later in their sentence takes back ("Eine Bitte, die
    Bewertung zu ändern, gibt es von uns nicht", "a request to edit it will never come from
    us"): the ask is named only to be ruled out."""
    tails = reading.find("denied_tail")
    spans = [span for span in spans if not _condemned(reading, span)]
    if not tails:
        return list(spans)
    return [
        span
        for span in spans
        if not any(
            tail[0] > span[0]
            and tail[1] > span[1]
            and reading.sentence(tail[0]) == reading.sentence(span[0])
            for tail in tails
        )
    ]


def _condemned(reading: Reading, span: Span) -> bool:
    """Whether an ask on the review is reported only to be condemned later in its sentence,
    with no request of the seller's in it ("that one of our staff asked you to remove the
    review: that should never have happened", "le pidió que quitara la reseña: eso no debió
    pasar", "lūdza Jūs izdzēst atsauksmi: tā nedrīkstēja notikt"); "please remove it, that
    should not have happened" still asks."""
    index = reading.sentence(span[0])
    condemned = [
        word
        for word in reading.find("condemned")
        if word[0] >= span[1] and reading.sentence(word[0]) == index
    ]
    # The condemnation's own "should" asks nothing.
    return bool(condemned) and not any(
        not _ASKED.fullmatch(reading.text, *r) and not any(overlaps(r, word) for word in condemned)
        for r in reading.in_sentence("request", span[0])
    )


# An ask reported as past ("asked you to"): told, not asked now.
_ASKED = re.compile(r"asked|requested")


# How many words a seller's "we see that" may stand before the change it saw.
_OBSERVED_WORDS = 10


def observed(reading: Reading, span: Span) -> bool:
    """Whether a change to the review is one the seller saw the reviewer make, in a sentence
    that asks nothing ("We see you have updated your review", "Vemos que ha cambiado la
    valoración", "Redzam, ka esat mainījis vērtējumu", "看到您已经修改了评价"): no request,
    demand or question in it. "We see the review is still up, please remove it" asks."""
    index = reading.sentence(span[0])
    start = sentence_start(reading.text, span[0])
    end = reading.sentence_end(index)
    if reading.text[end : end + 1] in ("?", "？"):
        return False
    if reading.in_sentence("request", span[0]) or reading.in_sentence("pressure", span[0]):
        return False
    return any(
        start <= seen[0]
        and seen[1] <= span[0]
        and words_between(reading.text, seen[1], span[0]) <= _OBSERVED_WORDS
        for seen in reading.find("observe")
    )


# A reminder before a negation asks ("don't forget our discount code", "别忘了优惠码").
_REMINDER = re.compile(
    r"forget|miss|vergess|verpass|olvid|pierda|oubli|manquez|dimentic|perdet|esquec|perca|"
    r"zapomn|przegap|vergeet|mis\b|aizmirst|palaid|忘|错过|錯過"
)


def denied_codes(reading: Reading, spans: Sequence[Span]) -> list[Span]:
    """`spans` less those just after a negation ("the number on the box is the model number,
    not a discount code", "no es un código de descuento", "不是优惠码"): a code said to be
    none; "don't forget our discount code" still promotes."""
    found = []
    for span in spans:
        start = sentence_start(reading.text, span[0])
        if reading.negated(span) and not _REMINDER.search(reading.text, start, span[0]):
            continue
        found.append(span)
    return found


def failed_codes(reading: Reading, spans: Sequence[Span]) -> list[Span]:
    """`spans` less those in a sentence that says the code or voucher failed ("the discount
    code from our newsletter didn't work at checkout", "优惠券没能使用"): the customer's own
    code that did not work is the complaint, not marketing."""
    return [span for span in spans if not reading.in_sentence("failed", span[0])]


def warning(reading: Reading) -> tuple[list[Span], list[Span]]:
    """The sentences of a warning about a scam in the seller's name ("messages offering cash
    back for a 5-star review are not from us: it's a scam", "所谓“好评返现”的电话不是本店打的，
    是诈骗"): those that name a scam and those that disown something. In a reply that holds
    both, what such a sentence says of reviews and money warns, it does not offer."""
    return _sentences(reading, reading.live("scam")), _sentences(reading, reading.find("disown"))


def _sentences(reading: Reading, spans: Sequence[Span]) -> list[Span]:
    found = []
    for index in sorted({reading.sentence(span[0]) for span in spans}):
        start = reading.sentence_end(index - 1) + 1 if index else 0
        found.append((start, reading.sentence_end(index)))
    return found
