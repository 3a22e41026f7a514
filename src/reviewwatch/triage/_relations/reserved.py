"""Review gating by place: the space where reviews stand kept for the satisfied ones ("we
keep this space for the positive experiences", "hier sollen ja die zufriedenen Stimmen
stehen"), so that the others go elsewhere."""

from __future__ import annotations

from reviewwatch.triage._clauses import Span, clause_start, words_between
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.spans import spanning

# How many words may part a satisfied mood from the voices it qualifies ("positive
# experiences", "zufriedenen Stimmen", "experiencias positivas").
_MOOD_WORDS = 1
# How many words may part the place from the satisfied voices, and the "for" or "should"
# from them.
_PLACE_WORDS = 10
_RESERVE_WORDS = 3


def reserved(reading: Reading) -> list[Span]:
    """The place where reviews stand ("here", "this space", a review site), then a "for",
    "should" or "reserved" and satisfied voices, reviews or experiences, in one sentence
    with no thanks in it and no negation between: "dejamos este espacio para las
    experiencias positivas", "this page is meant for happy voices". "We're grateful for all
    the positive reviews here" names the place after them; "this space is not only for
    positive reviews" opens it to all."""
    voices = reading.find("review") + reading.find("rating") + reading.find("voices")
    if not voices:
        return []
    places = reading.find("here") + reading.find("review_site")
    moods = reading.live("satisfied") if places else []
    found: list[Span] = []
    for mood, voice in reading.near(moods, voices, _MOOD_WORDS, clause=True, seller_breaks=False):
        happy = spanning(mood, voice)
        index = reading.sentence(happy[0])
        if reading.thanked(happy) or any(reading.sentence(t[0]) == index for t in reading.thanks()):
            continue
        reserve = _reserve_before(reading, happy)
        if reserve is None:
            continue
        place = next(
            (
                p
                for p in places
                if reading.sentence(p[0]) == index
                and p[1] <= reserve[0]
                and words_between(reading.text, p[1], happy[0]) <= _PLACE_WORDS
            ),
            None,
        )
        if place is None or reading.holds_negation((place[0], happy[0])):
            continue
        found.append(spanning(place, happy))
    return found


def _reserve_before(reading: Reading, happy: Span) -> Span | None:
    """A "for", "should" or "reserved" a few words before `happy`, in its clause."""
    start = clause_start(reading.text, happy[0])
    return next(
        (
            r
            for r in reading.find("reserve_for")
            if start <= r[0]
            and r[1] <= happy[0]
            and words_between(reading.text, r[1], happy[0]) <= _RESERVE_WORDS
        ),
        None,
    )
