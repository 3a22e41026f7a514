"""Blame in hindsight: the reviewer's late arrival against a booking, and hedged advice for
next time."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewwatch.triage._clauses import Span, clause_start, sentence_start, words_between
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.blame_cues import felt, seller_subject_in_clause, turns
from reviewwatch.triage._relations.spans import clause_end, spanning

# A time of day: "21:45", "7.40", "9 h 40", "8pm", "20 Uhr", or an hour after "at", "alle",
# "para las", "o", "om" ... ("alle 21", "per le 20").
_CLOCK = re.compile(
    r"(?<![\d.,:])(\d{1,2})(?:\s?[:.h]\s?(\d{2}))?(?:\s?(am|pm|uhr|uur|h)(?![^\W\d_]))?(?![\d:]|[.,]\d)"
)
_AT_TIME = re.compile(
    r"(?<![^\W\d_])(?:at|for|um|gegen|om|voor|alle|le|per|las|para|a|as|o|na|plkst\.?|vers|pour)"
    r"\s+$"
)
# How many words may part a booking or an arrival from its time ("la reserva se hizo para las
# 21:00").
_CLOCK_WORDS = 4


def _clock_after(reading: Reading, word: Span) -> int | None:
    """The time of day, in minutes, given just after `word` in its sentence, or None."""
    text = reading.text
    match = _CLOCK.search(text, word[1], min(len(text), word[1] + 40))
    if match is None or words_between(text, word[1], match.start()) > _CLOCK_WORDS:
        return None
    if reading.sentence(match.start()) != reading.sentence(word[0]):
        return None
    hour, minute, suffix = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if hour > 23 or minute > 59:
        return None
    if not (
        match.group(2) or suffix or _AT_TIME.search(text, max(0, match.start() - 9), match.start())
    ):
        return None
    if suffix == "pm" and hour < 12:
        hour += 12
    return hour * 60 + minute


def late_arrivals(reading: Reading) -> list[Span]:
    """The reviewer's late arrival set against the booking ("la reserva se hizo para las 21:00
    y ustedes llegaron a las 21:45", "il tavolo era prenotato per le 20 e voi siete arrivati
    alle 21", "Jazda była umówiona na 7:00, a kursant pojawił się o 7:40"): a booking and its
    time, then an arrival at a later time, in one sentence; blame unless the reply makes good
    or is sorry just after (`unexcused`, related in `related_spans`). Not the seller's own
    arrival ("our fitter was booked for 9:00 and arrived at 10:30"), not beside an apology or
    a feeling, not conceded after a turn ("Sie kamen um 19:05, und trotzdem mussten Sie
    warten")."""
    bookings = reading.find("booked")
    arrivals = reading.find("arrived")
    if not arrivals:
        return []
    found: list[Span] = []
    for booking in bookings:
        due = _clock_after(reading, booking) if arrivals else None
        if due is None:
            continue
        index = reading.sentence(booking[0])
        for arrival in arrivals:
            if reading.sentence(arrival[0]) != index or arrival[0] < booking[1]:
                continue
            came = _clock_after(reading, arrival)
            if came is None or came <= due:
                continue
            if reading.seller_in_clause(arrival[0]) or felt(reading, arrival):
                continue
            if any(
                turn[0] > arrival[1] and reading.sentence(turn[0]) == index
                for turn in turns(reading)
            ):
                continue
            found.append(spanning(booking, arrival))
            break
    return found + _late_by(reading, bookings, arrivals)


# A stretch of time late or after ("40 minutes after the slot", "eine Stunde zu spät", "con 30
# minutos de retraso", "20 minuti dopo", "pół godziny po czasie", "twintig minuten te laat",
# "迟到了40分钟"), folded text; the count in digits or in words up to an hour.
_LATE_BY = re.compile(
    r"(?<![^\W\d_])(?:\d+|half\s+an|an|a\s+good|eine|einer|halbe|media|una|une|un|demi|"
    r"mezz|meia|uma|een|half|pol|pus|ten|fifteen|twenty|thirty|forty|fifty|zehn|funfzehn|"
    r"zwanzig|dreissig|vierzig|diez|quince|veinte|treinta|cuarenta|dix|vingt|trente|quarante|"
    r"dieci|quindici|venti|trenta|quaranta|dez|quinze|vinte|trinta|quarenta|tien|vijftien|"
    r"twintig|dertig|veertig|dziesiec\w*|pietnasci\w*|dwadziesci\w*|trzydziesci\w*|"
    r"czterdziesci\w*|desmit|piecpadsmit|divdesmit|trisdesmit|cetrdesmit)\s*(?:-\s*)?"
    r"(?:minutes?|mins?|hours?|minuten|stunden?|"
    r"minutos?|horas?|heures?|minuti|ore|ora|uur|minuut|minut\w*|godzin\w*|stund\w*|"
    r"minut\w*)\s+(?:\w+\s+){0,1}?(?:(late\b|too\s+late|zu\s+spat|tarde|de\s+retraso|"
    r"de\s+atraso|atrasad|en\s+retard|trop\s+tard|in\s+ritardo|di\s+ritardo|te\s+laat|"
    r"za\s+pozno|spozni|par\s+velu)|after\b|spater|nach\b|despues|apres|dopo\b|depois|"
    r"later|na\b|po\b|velak|pec\b)|"
    r"了?\s*\d+\s*(?:分钟|分鐘|个小时|個小時|小时|小時)"
)
# A concession that opens the arrival's clause: "even though you came ten minutes late, we
# should have ...", "auch wenn Sie zu spät kamen".
_CONCEDED = re.compile(
    r"(?<![^\W\d_])(?:even\s+(?:though|if)|although|though|auch\s+wenn|obwohl|obgleich|"
    r"aunque|aun\s+si|meme\s+si|bien\s+que|anche\s+se|sebbene|benche|mesmo\s+que|embora|"
    r"ook\s+al|hoewel|ondanks|chociaz|nawet\s+jesli|mimo\s+ze|lai\s+gan|pat\s+ja)"
    r"(?![^\W\d_])|虽然|雖然|即使|尽管|儘管"
)
# How many words may part an arrival from how late it was.
_LATE_WORDS = 6


def _late_by(reading: Reading, bookings: Sequence[Span], arrivals: Sequence[Span]) -> list[Span]:
    """The reviewer's arrival said to be some time late ("Our confirmation mentions the slot
    ... and your party turned up 40 minutes after it", "Sie sind mit einer Stunde Verspätung
    zum Termin gekommen", "U kwam twintig minuten te laat", "您迟到了40分钟"): the reviewer in
    the arrival's clause before it, how late within a few words after it; a booking named
    earlier or in its sentence, unless the words say "late" themselves ("te laat", "en
    retard") rather than "after". Not the seller's own arrival, not conceded ("even though
    you came late, ..."), not beside an apology or a feeling, not conceded after a turn."""
    found: list[Span] = []
    text = reading.text
    for arrival in arrivals:
        start = clause_start(text, arrival[0])
        if not any(start <= one[0] < arrival[0] for one in reading.find("you")):
            continue
        late = _LATE_BY.search(text, arrival[1], clause_end(text, arrival[1]))
        if late is None or words_between(text, arrival[1], late.start()) > _LATE_WORDS:
            continue
        index = reading.sentence(arrival[0])
        if not any(booking[1] <= arrival[0] for booking in bookings):
            # With the booking only after it, or none, the reviewer must be who came: "you
            # came", "your party turned up", not "your parcel arrived".
            booked = any(reading.sentence(booking[0]) == index for booking in bookings)
            if not (booked or late.group(1)) or not _reviewer_came(reading, arrival):
                continue
            if _seller_made_good(reading, late.end(), index):
                continue
        if _CONCEDED.search(text, start, arrival[0]):
            continue
        if reading.seller_in_clause(arrival[0]) or felt(reading, arrival):
            continue
        if any(t[0] > late.end() and reading.sentence(t[0]) == index for t in turns(reading)):
            continue
        found.append((arrival[0], late.end()))
    return found


# Nothing, or an auxiliary verb, between the reviewer and "came": "vous êtes arrivée", "lei è
# arrivata", "Sie sind gekommen", "u bent gekomen", "você tinha chegado".
_AUXILIARY = re.compile(
    r"\s*(?:(?:are|were|have|had|sind|waren|seid|haben|hatten|ha|han|habia|etes|etiez|"
    r"avez|aviez|e|sei|siete|era|eravate|bent|was|waren|zijn|heeft|hebt|esta|estava|tinha|"
    r"tinham|foi|foram|bijat|esat)\s+)?"
)


# A consequence drawn: "so", "deshalb", "por eso", "donc", "quindi", "dus", "tāpēc", "所以".
_SO = re.compile(
    r"(?<![^\W\d_])(?:so|therefore|hence|daher|deshalb|deswegen|darum|por\s+eso|por\s+lo\s+que|"
    r"asi\s+que|donc|du\s+coup|quindi|percio|per\s+questo|por\s+isso|entao|dus|daarom|"
    r"wiec|dlatego|tapec|tadel)(?![^\W\d_])|所以|因此"
)


def _seller_made_good(reading: Reading, after: int, index: int) -> bool:
    """Whether the seller speaks later in sentence `index`, not as a consequence drawn: "You
    arrived 20 minutes late because of the strike, and we kept your table"; "..., so the
    kitchen had closed" still puts it on the reviewer."""
    return any(
        we[0] > after
        and reading.sentence(we[0]) == index
        and not _SO.search(reading.text, after, we[0])
        for we in reading.seller()
    )


def _reviewer_came(reading: Reading, arrival: Span) -> bool:
    """Whether the reviewer, or their party, is named right before `arrival` ("U kwam", "your
    party turned up"), not a thing of theirs ("your order arrived")."""
    named = reading.find("you") + reading.find("companions")
    return any(
        one[1] <= arrival[0] and _AUXILIARY.fullmatch(reading.text, one[1], arrival[0])
        for one in named
    )


def _asks_question(reading: Reading, index: int) -> bool:
    """Whether sentence `index` ends in a question mark."""
    end = reading.sentence_end(index)
    return reading.text[end : end + 1] in ("?", "？") and end < len(reading.text)


def _advice_in_sentence(reading: Reading, lesson: Span) -> list[Span]:
    """Words of advice in the sentence of `lesson` ("it would be better", "conviene",
    "vajadzētu"), and a contrast with what the reviewer did ("rather than after you've driven
    200 miles on it", "statt dass Sie ..."): "instead" with "you" right after it."""
    advice = reading.in_sentence("advisable", lesson[0])
    you = reading.find("you")
    advice += [
        contrast
        for contrast in reading.in_sentence("instead", lesson[0])
        if any(
            one[0] >= contrast[1] and words_between(reading.text, contrast[1], one[0]) <= 2
            for one in you
        )
    ]
    return advice


def hedged_advice(reading: Reading) -> list[Span]:
    """The reviewer told, with a "maybe", how to behave next time or what would have been
    wiser ("Quizá la próxima vez convenga no lavarse el pelo", "Misschien helpt het om de
    volgende keer op tijd te komen", "varbūt nākamreiz vajadzētu skaidrāk pateikt", "Może
    warto było wcześniej przyjechać"): a "maybe", then "next time" and a word of advice, or
    hindsight (`neglect_you`), in one sentence (`_advice_in_sentence`). Not the seller's own
    resolve ("maybe next time we should call first"; "tell us" is no resolve), not an
    invitation ("maybe next time you'll try the lamb", "perhaps next time you should taste the
    tart") or a question, not beside an apology or a feeling."""
    lessons = [(lesson, False) for lesson in reading.live("next_time")]
    lessons += [(hindsight, True) for hindsight in reading.live("neglect_you")]
    if not lessons:
        return []
    maybes = reading.find("maybe")
    if not maybes:
        return []
    found: list[Span] = []
    for lesson, hindsight in lessons:
        index = reading.sentence(lesson[0])
        if not any(reading.sentence(maybe[0]) == index for maybe in maybes):
            continue
        if _asks_question(reading, index):
            continue
        advice = [lesson] if hindsight else _advice_in_sentence(reading, lesson)
        for word in advice:
            if seller_subject_in_clause(reading, word[0]) or seller_subject_in_clause(
                reading, lesson[0]
            ):
                continue
            # "Maybe next time you should try the lamb": an invitation, not a lesson.
            end = clause_end(reading.text, word[1])
            if any(word[1] <= treat[0] < end for treat in reading.find("invite_try")):
                continue
            if felt(reading, word):
                continue
            maybe = min(m for m in maybes if reading.sentence(m[0]) == index)
            found.append(spanning(spanning(maybe, lesson), word))
            break
    return found


def avoided(reading: Reading) -> list[Span]:
    """What the reviewer should have done, said to have spared everyone the trouble ("A quick
    call to say you were running late would have avoided all of this", "Ein kurzer Hinweis, dass
    Sie allergisch sind, hätte das verhindert", "您提前说一声就不会这样了"): the reviewer named
    earlier in the sentence. Not where the seller speaks in it ("a call from us would have
    prevented this"), not a question, not beside thanks, an apology or a feeling."""
    found: list[Span] = []
    for span in reading.live("avoided"):
        index = reading.sentence(span[0])
        start = sentence_start(reading.text, span[0])
        if not any(start <= one[0] < span[0] for one in reading.find("you")):
            continue
        if reading.in_sentence("we", span[0]) or _asks_question(reading, index):
            continue
        if any(start <= thanks[0] < span[1] for thanks in reading.thanks()) or felt(reading, span):
            continue
        found.append(span)
    return found
