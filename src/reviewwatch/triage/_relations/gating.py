"""Review gating: happy customers sent to review and unhappy ones elsewhere, by mood, by score
or in groups; remedies held until a review goes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewwatch.triage._clauses import CJK_CHAR, Span, clause_start, sentence_start, words_between
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.personal import unposted
from reviewwatch.triage._relations.spans import overlaps, spanning
from reviewwatch.triage._text import sentences

# A short question that turns the mood down: "Not happy?", "Vous ne l'êtes pas ?", "Nicht
# zufrieden?", "Neesat apmierināts?", "不满意？".
_NOT_MOOD = re.compile(
    r"(?<![^\W\d_])(?:not|no|nicht|kein\w*|non|pas|nao|nie|niet|geen|ne|nav)(?![^\W\d_])|"
    r"(?<![^\W\d_])ne(?:esat|esi|bijat|patika|apmierin)\w*|n't(?![^\W\d_])|"
    r"(?<![^\W\d_])(?:unhappy|unzufrieden|insatisf|insoddisf|ontevreden|niezadowol|"
    r"nieusatysf)\w*|不|没|沒"
)
# How many words such a question may hold.
_QUESTION_WORDS = 7


def mood_questions(reading: Reading) -> tuple[list[Span], list[Span], list[Span]]:
    """The short questions on the reviewer's mood, satisfied ("Satisfied?", "Vous êtes
    satisfait ?") and not ("Not satisfied?", "Vous ne l'êtes pas ?"), and the asks for a
    review (a solicit, a review site, a wish, a review in a clause that asks, none thanked
    for): `mood_gating` relates them, perhaps across the parts of a draft."""
    text = reading.text
    bids = reading.find("solicit") + reading.find("review_site") + reading.live("wish")
    bids += [
        word
        for word in reading.find("review") + reading.find("rating")
        if reading.asks_in_clause(word)
    ]
    bids = [word for word in bids if not reading.thanked(word)]
    if "?" not in text and "？" not in text:
        return [], [], bids
    questions = [
        (start, end)
        for start, end in sentences(text)
        if text[end : end + 1] in ("?", "？") and words_between(text, start, end) <= _QUESTION_WORDS
    ]
    glad = [
        q
        for q in questions
        if any(
            q[0] <= mood[0] < q[1] and not reading.negated(mood)
            for mood in reading.live("satisfied")
        )
        and not _NOT_MOOD.search(text, q[0], q[1])
    ]
    sad = [q for q in questions if q not in glad and _NOT_MOOD.search(text, q[0], q[1])]
    return glad, sad, bids


def mood_gating(glad: Sequence[Span], sad: Sequence[Span], bids: Sequence[Span]) -> list[Span]:
    """The reviewer's mood asked twice, a review asked for after the satisfied question and
    before the other ("Satisfied? Leave us a Google review! Not satisfied? Talk to the front
    desk instead."): gating by mood, sentence by sentence."""
    if not sad:
        return []
    for question in glad:
        later = [q for q in sad if q[0] > question[1]]
        stop = later[0][0] if later else None
        for bid in bids:
            if question[1] <= bid[0] and (stop is None or bid[0] < stop):
                return [(question[0], bid[1])]
    return []


def gating(reading: Reading) -> list[Span]:
    """Steering the reviewer away from posting: "email us rather than posting online",
    "unhappy? call us instead", "happy customers: leave a review"."""
    if not (
        reading.find("divert")
        or reading.find("happy_group")
        or reading.find("not_here")
        or reading.find("instead")
        or reading.find("bad")
        or reading.find("contact_us")
        or reading.find("only")
    ):
        return []
    found: list[Span] = list(reading.live("divert")) + unposted(reading) + _split(reading)
    found += gated_by_score(reading)
    # "Don't post it here", "nicht ins Internet", "nerakstiet šeit", "不要在这里打分".
    found += [span for span in reading.find("not_here") if not reading.thanked(span)]
    # "Don't write a bad review", "Schreiben Sie keine schlechte Bewertung": a bad review
    # under a negation.
    reviews = reading.find("review") + reading.find("rating")
    for bad, review in reading.near(reading.find("bad"), reviews, 1, clause=True):
        if bad[0] < review[0] and reading.negated(bad) and not reading.thanked(bad):
            found.append(spanning(bad, review))
    for instead in reading.live("instead"):
        if _own_posting(reading, instead):
            continue
        for post in reading.find("publish") + reading.find("review"):
            if post[0] <= instead[0] or reading.sentence(post[0]) != reading.sentence(instead[0]):
                continue
            # A word of posting inside the phrase counts where it names the post at its end
            # ("voor u een recensie"), not as a piece of it ("in plaats van").
            if post[1] < instead[1]:
                continue
            if post[0] < instead[1] or words_between(reading.text, instead[1], post[0]) <= 4:
                found.append((instead[0], max(instead[1], post[1])))
    return found


def _own_posting(reading: Reading, instead: Span) -> bool:
    """Whether what comes "before posting" is the seller's own doing, told of itself with no
    request in its sentence ("I should have messaged you before posting it", "wir hätten
    die Fotos prüfen sollen, bevor wir sie online gestellt haben", "debería haberle escrito
    antes de publicarlo"): the seller's post, not the reviewer's."""
    index = reading.sentence(instead[0])
    # A modal of a past left undone ("should have", "hätte ... sollen") asks nothing.
    if any(
        reading.sentence(word[0]) == index and not _PAST_MODAL.match(reading.text, word[1])
        for word in reading.find("request")
    ):
        return False
    start = clause_start(reading.text, instead[0])
    before = [
        we
        for we in reading.seller()
        if start <= we[0] and we[1] <= instead[0] and not _OURS.fullmatch(reading.text, *we)
    ]
    # "We'd prefer you contact us before posting": the seller reached by the reviewer.
    objects = set(reading.find("we_object"))
    # "We'd prefer a call before posting": a wish for the reviewer's post.
    return (
        bool(before)
        and not any(we in objects for we in before)
        and not any(_WISHING.match(reading.text, we[0]) for we in before)
    )


# "Fale com o nosso SAC em vez de ...": the seller's own people or things, not its doing.
_OURS = re.compile(
    r"our|ours|unser\w*|nuestr\w*|notre|nos|ons|onze|nostr\w*|noss\w*|nasz\w*|musu|mūsu|我们的|我們的"
)
_WISHING = re.compile(r"\w+(?:[\x27’]d|\s+would|\s+würden|\s+zouden)(?![^\W\d_])")


_PAST_MODAL = re.compile(
    r"\s+(?:have|haber|avoir|hebben|avere|ter|tido|gehabt)(?![^\W\d_])|[\x27’]ve(?![^\W\d_])"
)


# How far an "only" may stand before the satisfied customers it picks out, and a "who" or
# "if" before them (words).
_ONLY_WORDS = 16
_RELATIVE_WORDS = 10
# "Not only" opens to more people ("nicht nur", "non seulement", "nie tylko", "不仅"); a
# French "ne ... qu'aux" restricts, so "only" is not read as negated otherwise.
_NOT_ONLY = re.compile(r"(?<![^\W\d_])(?:not|nicht|no|non|nao|nie|niet|ne)\s+$|不$")


def gated_by_score(reading: Reading) -> list[Span]:
    """Asking only the satisfied for a review ("we only send the review link to members who
    rate us 9 or 10", "Bitte bewerten Sie uns nur, wenn Sie zufrieden sind", "只邀请打了满分的
    会员"): an "only", then a "who", "if" or "when" and a satisfied mood or a top score, and
    a review, a rating, a public place or an invitation in the sentence. "We only got five-star
    reviews before this" names no one picked out."""
    found: list[Span] = []
    targets = (
        reading.find("review")
        + reading.find("rating")
        + reading.find("publish")
        + reading.find("review_invite")
    )
    if not targets:
        return found
    moods = reading.live("satisfied") + reading.live("top")
    # "Nur zufriedene Gäste", "tikai apmierinātie viesi": the group itself names the mood.
    groups = reading.find("happy_group")
    moods += groups
    for only in reading.find("only"):
        if reading.thanked(only) or _NOT_ONLY.search(reading.text, max(0, only[0] - 8), only[0]):
            continue
        index = reading.sentence(only[0])
        if not any(reading.sentence(target[0]) == index for target in targets):
            continue
        for mood in moods:
            if reading.sentence(mood[0]) != index or mood[0] < only[1]:
                continue
            if words_between(reading.text, only[1], mood[0]) > _ONLY_WORDS:
                continue
            if (
                mood not in groups
                and not CJK_CHAR.match(reading.text, mood[0])
                and not any(
                    only[0] <= who[0] <= mood[0]
                    and words_between(reading.text, who[1], mood[0]) <= _RELATIVE_WORDS
                    for who in reading.find("relative")
                )
            ):
                continue
            # "Wir hatten bisher nur zufriedene Kunden und gute Bewertungen", "we're only
            # happy when our guests are": no one is picked out without an ask, an
            # invitation, a link or a review site in the sentence.
            if not _asked_in(reading, index, mood):
                continue
            found.append(spanning(only, mood))
            break
    return found


def _asked_in(reading: Reading, index: int, mood: Span) -> bool:
    """Whether sentence `index` asks for, invites or links to a review (not a condition's
    "when" or "if") before the satisfied `mood` or in its clause: "solo queremos que quede
    satisfecho, y su reseña en Google nos ayuda" names Google for something else."""
    own = clause_start(reading.text, mood[0])
    return any(
        reading.sentence(word[0]) == index
        and (word[0] < mood[0] or clause_start(reading.text, word[0]) == own)
        for name in ("solicit", "review_invite", "ask_for", "review_site")
        for word in reading.find(name)
    )


# A full stop between the satisfied customers and the others parts them (a semicolon does
# not: "if you loved it, Google is the place; if you didn't, use the card").
_STOP_BETWEEN = re.compile(r"[.!?。！？\n]")


def _split(reading: Reading) -> list[Span]:
    """Satisfied customers sent one way and the others another ("happy users to the App
    Store and everyone else to our support inbox", "Zufriedene Kundinnen bitten wir um eine
    Google-Bewertung, alle anderen um eine Nachricht", "满意的顾客…不满意的…"), a review or a
    public place named between them or just after: gating by the reviewer's mood (across
    sentences: `mood_groups`)."""
    found = []
    public = reading.find("publish") + reading.find("review") + reading.find("rating")
    for happy in reading.find("happy_group"):
        for other in reading.find("other_group"):
            if other[0] < happy[1]:
                # The others first ("unhappy patients write to us ..., and we invite those
                # who leave smiling to Google"): a public place after the satisfied.
                if other[1] <= happy[0] and _public_after(reading, other, happy, public):
                    found.append((other[0], happy[1]))
                    break
                continue
            if _STOP_BETWEEN.search(reading.text, happy[1], other[0]):
                continue
            if any(happy[0] <= word[0] <= other[0] for word in public):
                found.append((happy[0], other[1]))
                break
    return found


def mood_groups(reading: Reading) -> tuple[list[Span], list[Span]]:
    """The satisfied customers named in a sentence that asks for a review (a solicit, an
    invitation, an ask, a wish or a review site, not thanked for) and the others named
    anywhere: `group_gating` relates them across sentences, perhaps across the parts of a
    draft ("Bei Problemen bitte an die Hotline. Zufriedene Gäste bitten wir um eine
    Bewertung.", "Wszystkim zadowolonym dajemy kartkę z kodem QR do opinii. Niezadowolonych
    kierujemy do księgi skarg")."""
    others = reading.find("other_group")
    happies = reading.find("happy_group")
    if not happies:
        return [], others
    bids = [
        word
        for name in ("solicit", "review_invite", "ask_for", "wish", "review_site")
        for word in reading.find(name)
        if not reading.thanked(word)
    ]
    pleased = [
        happy
        for happy in happies
        if any(reading.sentence(bid[0]) == reading.sentence(happy[0]) for bid in bids)
    ]
    return pleased, others


# How far apart (characters, about two sentences) the satisfied asked for a review and the
# others sent elsewhere still make one split.
_GROUP_REACH = 160


def group_gating(pleased: Sequence[Span], others: Sequence[Span]) -> list[Span]:
    """The satisfied asked for a review and the others named within about two sentences of
    them, before or after: gating by the reviewer's mood ("If your stay was anything less
    than wonderful, come to the front desk. If you loved it, a review really helps us!")."""
    found = []
    for happy in pleased:
        for other in others:
            gap = other[0] - happy[1] if happy[1] <= other[0] else happy[0] - other[1]
            if 0 <= gap <= _GROUP_REACH:
                found.append(spanning(happy, other))
                break
    return found


def _public_after(reading: Reading, other: Span, happy: Span, public: Sequence[Span]) -> bool:
    """Whether the others and then the satisfied stand in one sentence with a public place
    or a review between them or just after the satisfied (three words)."""
    if _STOP_BETWEEN.search(reading.text, other[1], happy[0]):
        return False
    return any(
        other[1] <= word[0]
        and reading.sentence(word[0]) == reading.sentence(happy[0])
        and (word[0] <= happy[0] or words_between(reading.text, happy[1], word[0]) <= 3)
        for word in public
    )


def held(reading: Reading) -> list[Span]:
    """A service withheld while the review stays ("while this review remains", "zolang deze
    review online staat", "只要这条差评"): pressure to change it."""
    return [
        span
        for span in reading.find("hold")
        if not reading.thanked(span)
        and not _NEVER.search(reading.text, sentence_start(reading.text, span[0]), span[0])
    ]


# "We would never hold back a refund while a review is up" rules it out; "we can't ship your
# order while this review is up" is the pressure itself.
_NEVER = re.compile(
    r"(?<![^\W\d_])(?:never|niemals|nie\s+(?:würden|werden)|nunca|jamais|mai\b|nooit|nekad|nigdy)|"
    r"从不|從不|绝不|絕不|决不|決不"
)


# "We cannot process it until ...", "no podremos tramitarlo hasta que ...": the negation is
# the hold itself, not a denial of it.
_CANNOT = re.compile(
    r"(?<![^\W\d_])(?:can\s*not|can't|cannot|unable\s+to|"
    r"no\s+(?:podemos|podremos|podra|puede|es\s+posible)|"
    r"ne\s+(?:pouvons|pourrons|pourra|peut|sera)\s+pas|"
    r"non\s+(?:possiamo|potremo|potra|puo|sara\s+possibile)|"
    r"nao\s+(?:podemos|poderemos|pode|podera|sera\s+possivel)|"
    r"nie\s+(?:mozemy|bedziemy\s+mogli|moze|da\s+sie)|"
    r"nevar(?:am|esim|es|esiet|at)?|kunnen\s+(?:we|wij)\s+(?:\w+\s+)?niet|"
    r"konnen\s+wir\s+(?:\w+\s+)?(?:nicht|erst)|"
    r"erst\s+dann)(?![^\W\d_])|无法|無法|不能|没法|沒法"
)


# How many words may part "as soon as" from the review it waits on.
_UNTIL_WORDS = 6


def held_until(reading: Reading) -> list[Span]:
    """A remedy or a service owed held back until the review changes ("your refund will be
    released as soon as this review is gone", "Le devolveremos el depósito en cuanto retire
    esta reseña", "we'll keep your bike until the review is taken down"): an offer or a word
    of keeping or processing, then "as soon as", "until", "sobald", "dès que" ... and a review
    with a change after it, in one sentence, the change not the seller's own. "We cannot
    process it until ...", "no podremos enviarlo hasta que ...": a negated "can" before the
    "until" is the hold itself, and what it negates is still owed."""
    found: list[Span] = []
    if not reading.find("held_until"):
        return found
    owed = reading.live("incentive") + reading.live("keep_back")
    withheld = reading.find("incentive") + reading.find("keep_back")
    reviews = reading.find("review") + reading.find("rating")
    changes = reading.find("change")
    sellers = reading.seller()
    for until in reading.find("held_until"):
        if reading.thanked(until):
            continue
        cannot = _CANNOT.search(reading.text, sentence_start(reading.text, until[0]), until[0])
        if reading.negated(until, aside=True) and not cannot:
            continue
        # "as soon as we read your review": the seller acts, nothing is held.
        if any(
            until[1] <= we[0] and words_between(reading.text, until[1], we[0]) <= 1
            for we in sellers
        ):
            continue
        index = reading.sentence(until[0])
        if not any(
            reading.sentence(o[0]) == index and not overlaps(o, until)
            for o in (withheld if cannot else owed)
        ):
            continue
        # The review after the "until" ("sobald Ihre Bewertung entfernt ist"), or before a
        # postposition ("差评删除之后才能退款").
        review = next(
            (
                r
                for r in reviews
                if reading.sentence(r[0]) == index
                and (
                    words_between(reading.text, until[1], r[0]) <= _UNTIL_WORDS
                    if until[0] <= r[0]
                    else words_between(reading.text, r[1], until[0]) <= _UNTIL_WORDS
                )
            ),
            None,
        )
        if review is None:
            continue
        side = (
            (until[1], reading.sentence_end(index))
            if until[0] <= review[0]
            else (
                review[0],
                until[0],
            )
        )
        for change in changes:
            if not side[0] <= change[0] < side[1]:
                continue
            if reading.seller_acts(change):
                continue
            found.append(spanning(until, max(review, change)))
            break
    return found


def still_up(reading: Reading) -> list[Span]:
    """The review said to be still up ("a avaliação continua aí", "这则负评仍未撤下"):
    pressure when a demand follows (`related_spans`)."""
    return [span for span in reading.live("still_up") if not reading.thanked(span)]
