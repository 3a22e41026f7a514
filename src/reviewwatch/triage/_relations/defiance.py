"""Blame for advice defied: the reviewer warned or advised, then going against it ("our stylist
did explain ..., and you chose to go ahead anyway", "Nous vous avions conseillé ..., et vous
avez refusé", "..., lai gan brīdinājām, ka to nedrīkst darīt")."""

from __future__ import annotations

from collections.abc import Sequence

from reviewwatch.triage._clauses import TURN, Span, clause_start, sentence_start, words_between
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.blame_cues import felt
from reviewwatch.triage._relations.spans import AND, clause_end, overlaps, spanning

# How many words may part the reviewer from a choice that needs them named ("you then
# decided to go ahead anyway", "und Sie haben sich für ... entschieden").
_CHOICE_WORDS = 4


def defied_advice(reading: Reading) -> list[Span]:
    """The reviewer going against what they were warned, advised or offered, in one sentence:
    a warning (`warned`: "we advised", "wurde Ihnen angeboten", "提醒过") and after it, in a
    later clause, the reviewer's contrary choice (`defied`: "you refused", "vous avez préféré",
    "you went ahead anyway", "您还是坚持"); or a concession that the seller had warned
    (`despite_warned`: "although we warned you", "lai gan brīdinājām", "przed którą
    ostrzegaliśmy") beside what the reviewer did. Not the seller's own choice ("we went ahead
    anyway"), not negated, not in a question, not beside an apology or a feeling ("and you
    chose it anyway, which we're glad about")."""
    found = _choices(reading) if reading.find("defied") else []
    return found + _concessions(reading)


def _choices(reading: Reading) -> list[Span]:
    warnings = reading.live("warned")
    if not warnings:
        return []
    own = reading.find("defied_you")
    you = [one for one in reading.find("you") if not reading.negated(one)]
    found: list[Span] = []
    for choice in reading.find("defied"):
        if reading.negated(choice) or reading.thanked(choice) or _welcomed(reading, choice):
            continue
        index = reading.sentence(choice[0])
        earlier = [w for w in warnings if reading.sentence(w[0]) == index and w[1] <= choice[0]]
        if not earlier or _asked(reading, index):
            continue
        start = _part_start(reading, earlier[0], choice)
        if start is None or _seller_subject(reading, start, choice):
            continue
        named = any(overlaps(choice, mine) for mine in own) or any(
            _near_choice(reading, one, choice, start) for one in you
        )
        if named:
            found.append(spanning(earlier[0], choice))
    return found


def _part_start(reading: Reading, warning: Span, choice: Span) -> int | None:
    """Where the part of the sentence that holds `choice` starts, after the warning: its
    clause, or the last "and" or "but" between them ("Avisámos que ... e mesmo assim o
    senhor usou ..."); None when nothing parts them."""
    text = reading.text
    start = clause_start(text, choice[0])
    if start >= warning[1]:
        return start
    joins = [m.end() for m in AND.finditer(text, warning[1], choice[0])]
    joins += [m.end() for m in TURN.finditer(text, warning[1], choice[0])]
    return max(joins) if joins else None


def _seller_subject(reading: Reading, start: int, choice: Span) -> bool:
    """Whether the seller is a subject in the part from `start` to the end of the clause of
    `choice` ("... and we went ahead anyway"), not only its object ("told us")."""
    end = clause_end(reading.text, choice[1])
    objects = set(reading.find("we_object"))
    return any(start <= we[0] and we[1] <= end and we not in objects for we in reading.seller())


def _near_choice(reading: Reading, one: Span, choice: Span, start: int) -> bool:
    """Whether the reviewer `one` is who makes `choice`: before it in its clause within a few
    words, or inside it, or right after it ("rechazó usted", "odmówił Pan")."""
    if start <= one[0] and one[1] <= choice[0]:
        return words_between(reading.text, one[1], choice[0]) <= _CHOICE_WORDS
    if choice[0] <= one[0] < choice[1]:
        return True
    return choice[1] <= one[0] and words_between(reading.text, choice[1], one[0]) <= 1


def _concessions(reading: Reading) -> list[Span]:
    """A concession that the seller had warned, beside the reviewer in its sentence, outside
    the concession's own clause ("You tightened it yourself, although we warned that ..."):
    not where the sentence asks, offers or invites ("although we warned about the queue, you
    can still book")."""
    found: list[Span] = []
    for concession in reading.find("despite_warned"):
        index = reading.sentence(concession[0])
        if _welcomed(reading, concession) or _asked(reading, index):
            continue
        own_start = clause_start(reading.text, concession[0])
        own_end = clause_end(reading.text, concession[1])
        reviewer = [
            one
            for one in reading.in_sentence("you", concession[0])
            if not (own_start <= one[0] < own_end) and not reading.negated(one)
        ]
        acts = [
            act
            for name in ("you_did", "defied_you", "misuse")
            for act in reading.in_sentence(name, concession[0])
        ]
        # "although we warned you", "obwohl wir Sie gewarnt hatten", "le avessimo detto":
        # the one warned is the reviewer.
        warned_you = any(concession[0] <= one[0] < concession[1] for one in reading.find("you"))
        if reviewer or acts or warned_you:
            found.append(concession)
    return found


def _asked(reading: Reading, index: int) -> bool:
    """Whether sentence `index` asks or permits something (a question, a permission, contact
    with the seller): advice given again, not a defiance told."""
    end = reading.sentence_end(index)
    if reading.text[end : end + 1] in ("?", "？") and end < len(reading.text):
        return True
    return any(
        reading.sentence(span[0]) == index
        for name in ("permit", "contact_us")
        for span in reading.find(name)
    )


def _welcomed(reading: Reading, span: Span) -> bool:
    """Whether the sentence of `span` is glad of the choice, thanks for it or praises it
    (`welcome`), or a feeling softens it ("you waited anyway, thank you for your patience",
    "und Sie sind trotzdem geblieben – vielen Dank dafür!")."""
    if felt(reading, span) or reading.in_sentence("pleased", span[0]):
        return True
    if reading.in_sentence("welcome", span[0]):
        return True
    index = reading.sentence(span[0])
    return any(reading.sentence(thanks[0]) == index for thanks in reading.thanks())


# How many words a sentence may hold to be a bare retort to a caution just before it ("Sie
# wollten es trotzdem.", "You went ahead anyway.", "Vous avez insisté quand même.").
_RETORT_WORDS = 6


def _sentence_span(reading: Reading, position: int) -> Span:
    """The sentence holding `position`: from its start to its stop (or the text's end)."""
    return sentence_start(reading.text, position), reading.sentence_end(reading.sentence(position))


def cautions(reading: Reading) -> list[Span]:
    """The sentences that caution the reviewer: a warning given to them ("Wir haben Sie
    ausdrücklich darauf hingewiesen, dass ...", "We told you the colour could not be
    guaranteed") or the instructions named ("Step 4 of the guide says ..."). What goes against
    them in the same or the next sentence (`against_cautions`) blames, related in
    `related_spans` so that the parts of a draft are read alike."""
    found = {
        _sentence_span(reading, warning[0])
        for warning in reading.live("warned")
        if reading.in_sentence("you", warning[0])
    }
    found.update(
        _sentence_span(reading, guide[0])
        for guide in reading.find("guide")
        if _guide_says(reading, guide)
    )
    return sorted(found)


def _guide_says(reading: Reading, guide: Span) -> bool:
    """Whether the instructions are cited as saying something in their sentence ("the guide
    says", "laut Anleitung", "la notice demande"), not called wrong or unclear with a feeling
    ("Die Anleitung ist leider missverständlich"); a feeling before a "but" is turned from
    ("We understand the frustration, but step 4 of the guide says ...")."""
    if felt(reading, guide) or reading.negated(guide):
        return False
    return any(reading.in_sentence(name, guide[0]) for name in ("states", "cite", "clear"))


def against_cautions(reading: Reading) -> list[Span]:
    """What goes against a caution, from the start of its sentence: a bare retort that the
    reviewer went ahead anyway ("Sie wollten es trotzdem.", "You booked it anyway."), or the
    harm the caution warned of said to be just what happened ("a drill strips the thread,
    which is exactly what happened here", "genau das ist hier passiert"). Not the seller's
    own act or words in that sentence, not glad of it or thankful, not a question, not beside
    an apology or a feeling."""
    found = [
        (sentence_start(reading.text, span[0]), span[1])
        for span in reading.find("happened")
        if not reading.in_sentence("we", span[0]) and not _welcomed(reading, span)
    ]
    you = [one for one in reading.find("you") if not reading.negated(one)]
    for choice in reading.find("defied"):
        start, end = _sentence_span(reading, choice[0])
        if words_between(reading.text, start, end) > _RETORT_WORDS:
            continue
        # "You'll love it anyway!": a cheerful close, not a retort.
        if reading.text[end : end + 1] in ("!", "！") or reading.negated(choice):
            continue
        if _welcomed(reading, choice):
            continue
        if _asked(reading, reading.sentence(choice[0])) or _seller_subject(reading, start, choice):
            continue
        if any(_near_choice(reading, one, choice, start) for one in you):
            found.append((start, choice[1]))
    return found


def went_against(cautions: Sequence[Span], against: Sequence[Span]) -> list[Span]:
    """What goes against a caution (`against_cautions`) starting in the caution's sentence or
    right after its stop, perhaps in the next part of a draft: blame."""
    return [
        (caution[0], act[1])
        for caution in cautions
        for act in against
        if caution[0] <= act[0] <= caution[1] + 2
    ]
