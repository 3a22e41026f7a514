"""Scorn that sends the reviewer down: a lesser food or place held up as what fits them."""

from __future__ import annotations

import re

from reviewwatch.triage._clauses import Span, words_between
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.spans import spanning

# How many words may stand between a lesser food or place and the words that fit it to the
# reviewer ("a children's menu might be more your level").
_SENT_DOWN_WORDS = 8


# The seller's possessive or its having or serving just before a word, a few words between
# ("our new kids' menu", "unser Kindermenü", "hebben we ook een kindermenu", "mamy menu dla
# dzieci", "我们的快餐窗口"): the seller's own thing, offered.
_OURS_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:our|unser\w*|nuestr[oa]s?|notre|nos|nostr[oaie]|noss[oa]s?|nasz\w*|onze|"
    r"ons|musu|we\s+(?:also\s+)?(?:have|offer|serve)|(?:haben|bieten)\s+wir|wir\s+(?:haben|bieten)|"
    r"tenemos|ofrecemos|servimos|(?:nous\s+)?(?:avons|proposons|servons)|abbiamo|offriamo|"
    r"serviamo|temos|oferecemos|mamy|oferujemy|serwujemy|(?:hebben|bieden)\s+(?:we|wij)|"
    r"(?:we|wij)\s+(?:hebben|bieden)|mums\s+ir|piedavajam)\s+(?:[^\W\d_]+\s+){0,2}$"
    r"|(?:我们|我們)(?:的|有|也有|提供)\S{0,2}$"
)


def sent_down(reading: Reading) -> list[Span]:
    """A lesser food or place held up as what fits the reviewer, in one sentence: "fast food
    would suit you better", "un menú infantil sea más de su nivel", "le fast-food d'en face
    vous conviendra mieux", "per palati come il suo è meglio la pizza surgelata", "Dla takich
    gości polecamy budkę z kebabem", "建议您下次还是去吃速食就好". "We are no fast-food place"
    or "our children's menu suits your little ones" fit nothing to the reviewer, and the
    seller's own ("unser Kindermenü ist eher etwas für Sie", "我们的快餐窗口更适合您") is an
    offer: allowed."""
    if not reading.find("lowbrow"):
        return []
    lesser = [
        low
        for low in reading.live("lowbrow")
        if not _OURS_BEFORE.search(reading.text, max(0, low[0] - 30), low[0])
    ]
    fits = reading.live("suits_you")
    found = [
        spanning(low, fit)
        for low, fit in reading.near(lesser, fits, _SENT_DOWN_WORDS, seller_breaks=False)
    ]
    # Across a semicolon too: "a fast-food chain; that is surely more your level".
    found += [
        spanning(low, fit)
        for low in lesser
        for fit in fits
        if low[1] <= fit[0]
        and ";" in reading.text[low[1] : fit[0]]
        and not _FULL_STOP.search(reading.text, low[1], fit[0])
        and words_between(reading.text, low[1], fit[0]) <= _SENT_DOWN_WORDS
    ]
    return found


_FULL_STOP = re.compile(r"[.!?\n。！？]")
