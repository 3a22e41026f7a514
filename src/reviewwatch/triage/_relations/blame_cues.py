"""The cues blame is read from: expected outcomes, complaints called odd, everyone else fine,
the seller's own checks and errors, guides cited, regrets turned, amends, and the feelings
and apologies that soften them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewwatch.triage._clauses import CJK_CHAR, TURN, Span, clause_start, words_between
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.spans import clause_end, overlaps, spanning

# "Nothing" inside a misuse phrase denies it: "u heeft niets verkeerd gedaan".
NOTHING = re.compile(
    r"(?<![^\W\d_])(?:nothing|nichts|nada|rien|niente|nic|niets|niks|neko)(?![^\W\d_])|没有|沒有"
)
# A result that is no problem at all: "there would be no problem", "no habría ningún
# problema", "non ci sarebbe alcun problema".
NO_PROBLEM = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:problem|probleme|problema|inconveniente|probleem|problem[aeu]|"
    r"issue|trouble)|(?:什么|任何)?问题"
)


def felt(reading: Reading, span: Span) -> bool:
    """Whether a feeling or an apology stands in the sentence of `span`, after it or before it
    with no "but" between ("I understand you're upset because you waited", "... is to be
    expected, but three weeks is too long and we are sorry"): "Sorry, but it broke because
    you dropped it" keeps its blame."""
    return any(
        feeling[0] > span[0] or not TURN.search(reading.text, feeling[1], span[0])
        for feeling in reading.in_sentence("feeling", span[0])
    )


def expected_outcomes(reading: Reading) -> list[Span]:
    """An outcome called only to be expected ("Trudno się dziwić, że nie przetrwała", "is dit
    het te verwachten resultaat", "拿去游泳坏掉也是意料之中的事", "wer ... darf sich nicht
    wundern"): blame just after the reviewer's act or the instructions (`blame_grounds`,
    related in `related_spans`); not said of the reviewer's feelings ("no wonder you were
    upset"), not in the seller's own clause, not beside an apology or a feeling."""
    found: list[Span] = []
    you = reading.find("you")
    conditions = reading.find("if_you")
    for outcome in reading.find("no_wonder"):
        # "No wonder you were upset", "kein Wunder, dass Sie ...", but not "... is to be
        # expected if you wash it hot".
        if any(
            outcome[1] <= one[0]
            and words_between(reading.text, outcome[1], one[0]) <= 1
            and not any(outcome[1] <= c[0] < one[0] for c in conditions)
            for one in you
        ):
            continue
        if reading.seller_in_clause(outcome[0]) or reading.negated(outcome):
            continue
        if not felt(reading, outcome):
            found.append(outcome)
    return found


# How many words may part a complaint from the word that calls it odd or unfair.
_COMPLAINT_WORDS = 9


def complaint_questioned(reading: Reading) -> list[Span]:
    """The complaint itself called odd, unfair or hardly open to the reviewer ("a bit strange
    to complain now", "etwas überraschend, dass Sie sich jetzt beschweren", "nav īsti godīgi
    sūdzēties", "Non ci sembra corretto lamentarsi", "Wie niet thuis is, kan moeilijk klagen",
    "Difficile ensuite de nous reprocher ..."): an odd word, not negated, or a fair word under
    a negation, shortly before a word of complaining. Not beside an apology or a feeling
    ("we're sorry, it is strange that the complaint went unanswered"), not a complaint the
    reviewer was made to make ("it's not fair that you had to complain twice")."""
    found: list[Span] = []
    odd = [(span, False) for span in reading.find("odd")]
    odd += [(span, True) for span in reading.find("fair")]
    objects = set(reading.find("we_object"))
    for word, fair in odd:
        denied = reading.negated(word) or reading.holds_negation(word)
        if denied != fair:
            continue
        # "We can hardly complain about a review like this": the seller's own complaint.
        start = clause_start(reading.text, word[0])
        if any(start <= we[0] < word[0] and we not in objects for we in reading.seller()):
            continue
        index = reading.sentence(word[0])
        if felt(reading, word):
            continue
        for complaint in reading.find("complain"):
            if reading.sentence(complaint[0]) != index or complaint[0] < word[1]:
                continue
            # "It's not fair that you had to complain twice", "dass Sie sich zweimal
            # beschweren mussten": made to complain.
            end = clause_end(reading.text, complaint[1])
            if any(word[1] <= made[0] < end for made in reading.find("made_to")):
                continue
            if words_between(reading.text, word[1], complaint[0]) <= _COMPLAINT_WORDS:
                found.append(spanning(word, complaint))
                break
    return found


def others_fine(reading: Reading) -> list[Span]:
    """Other customers said to have no trouble ("Thousands of customers order without a
    hitch", "别的买家都用得好好的"): blame when the reviewer is then sent to check their own
    side (`own_checks`, related in `related_spans`)."""
    return reading.find("others_fine")


def own_checks(reading: Reading) -> list[Span]:
    """Checks the reviewer is sent to with a hedge or to their own side ("maybe check your
    settings", "die eigenen Eingaben noch einmal prüfen", "建议先检查一下自己的操作"), or
    right after other customers' ease in one sentence ("... sin problema, así que revisa tus
    ajustes"), not the seller's own ("we will check your order") and not a plain tip ("please
    check your spam folder")."""
    return [
        span
        for span in reading.find("check")
        if not reading.seller_in_clause(span[0])
        and (reading.in_sentence("hedge", span[0]) or _after_others(reading, span))
    ]


def _after_others(reading: Reading, check: Span) -> bool:
    """Whether other customers' ease comes earlier in the sentence of `check`, with no offer
    of contact in it ("Al resto de usuarios les funciona sin problema, así que revisa tus
    ajustes"; not "... so check your spam folder or write to us")."""
    if reading.in_sentence("contact_us", check[0]):
        return False
    return any(others[1] <= check[0] for others in reading.in_sentence("others_fine", check[0]))


def own_errors(reading: Reading) -> list[Span]:
    """The reviewer's own side or error named ("your own network", "U heeft de instellingen
    verkeerd gezet", "是您自己的设置错误", "o erro é de quem digita errado"): blame when it
    follows other customers' ease (`others_fine`, related in `related_spans`). Not in the
    seller's clause, not denied ("you did nothing wrong"), not beside an apology or a feeling."""
    return [
        span
        for span in reading.find("own_error")
        if not reading.seller_in_clause(span[0])
        and not reading.negated(span)
        and not NOTHING.search(reading.text, *span)
        and not felt(reading, span)
    ]


def own_sides(reading: Reading) -> list[Span]:
    """The reviewer's own side named after other customers' ease: checks they are sent to, their
    own errors, and the fault guessed to lie with their phone or settings."""
    return own_checks(reading) + own_errors(reading) + _likely_yours(reading)


def _likely_yours(reading: Reading) -> list[Span]:
    """The fault guessed to lie with the reviewer's own phone, connection or settings
    ("probably your phone", "liegt vermutlich an Ihrem Handy", "应该是您手机"): blame when it
    follows other customers' ease ("Nobody else has reported this", related in
    `related_spans`). Not where the seller goes on to look into it or asks to be contacted
    ("... so please send us your model and we'll check"): a diagnosis then help is support,
    a diagnosis left with the reviewer puts the fault on them."""
    causes = reading.find("likely_yours")
    if not causes:
        return []
    yours = {one[1] for one in reading.find("you")}
    helps = reading.seller() + [
        contact
        for contact in reading.find("contact_us")
        if contact[0] - 1 not in yours and contact[0] not in yours
    ]
    return [
        span
        for span in causes
        if not reading.seller_in_clause(span[0])
        and not reading.negated(span)
        and not felt(reading, span)
        and not any(help[0] >= span[1] for help in helps)
    ]


# A condition that opens the reviewer's act: "if you ...", "als u ...", "wer ... wäscht".
CONDITION = re.compile(r"(?:if|when|als|wenn|wer|si|se|jesli|gdy|ja|indien|quando|cuando)\b")


def disowned_faults(reading: Reading) -> list[Span]:
    """The seller denying its own fault ("Tā nav mūsu vaina", "To nie nasz błąd", "這不是我們的
    問題") or calling the instructions clear: blame when the reply also says what the reviewer
    did (`reviewer_acts`) or blames them, in any sentence."""
    return reading.find("not_ours") + _clear_guides(reading)


# How many words may part the instructions from the word that calls them clear.
_CLEAR_WORDS = 4


def _clear_guides(reading: Reading) -> list[Span]:
    """The instructions called clear ("the care instructions were perfectly clear", "Dat
    stond duidelijk in de nazorgbrief", "说明写得很清楚"): like the seller's denial of its
    fault, blame when the reply says what the reviewer did. Not negated ("the manual was not
    clear enough"), not said more clearly ("we have made the label clearer"), not beside a
    feeling and not where the seller owns a fault ("the label clearly said blue and we sent
    red: our mistake")."""
    found: list[Span] = []
    clears = [span for span in reading.find("clear") if not reading.negated(span)]
    if not clears or _owns_fault(reading):
        return found
    for guide, clear in reading.near(reading.find("guide"), clears, _CLEAR_WORDS, clause=True):
        if reading.in_sentence("feeling", guide[0]):
            continue
        # "the label clearly shows the date we promised": the seller's own promise.
        after = max(guide[1], clear[1])
        end = clause_end(reading.text, after)
        if any(after <= we[0] < end for we in reading.seller()):
            continue
        found.append(spanning(guide, clear))
    return found


def turns(reading: Reading) -> list[Span]:
    """Where the reply turns: "but", "however", "that said", "allerdings", "tomēr", "不过"."""
    spans = [match.span() for match in TURN.finditer(reading.text)]
    return sorted(spans + reading.find("however"))


def cited_guides(reading: Reading) -> list[Span]:
    """A turn to what the instructions said ("That said, the delivery note asked you to ...",
    "pero las instrucciones indican ...", "In der Anleitung steht allerdings ...", "Tomēr ...,
    par to bija rakstīts instrukcijā"), from the turn to the instructions: blame after a regret
    (`regret_turned`, related in `related_spans`, perhaps across the parts of a draft). The
    instructions later in the turn's sentence, or in its clause (German puts "allerdings" after
    them), said to say something (`_cited_back`)."""
    guides = reading.find("guide")
    if not guides:
        return []
    found: list[Span] = []
    for turn in turns(reading):
        index = reading.sentence(turn[0])
        for guide in guides:
            if reading.sentence(guide[0]) == index and _cited_back(reading, turn, guide):
                found.append(spanning(turn, guide))
                break
    return found


def cited_errors(reading: Reading) -> list[Span]:
    """A turn to a wrong detail the reviewer gave ("taču pieteikumā tika norādīta nepareiza
    adrese", "but the postcode entered was wrong", "aber die angegebene Hausnummer war
    falsch"), from the turn to the error: blame after a regret, like a turn to the
    instructions (`regret_turned`). A wrong word and a word of giving it (passive, or "the
    address given") within a few words in one clause that names a detail (an address, a
    number, a name: not "the information given on the phone was wrong"), later in the turn's
    sentence; not
    where the seller is the subject of that clause ("the wrong address was entered by our
    warehouse") or its own listing is named ("the wrong size was given in the listing")."""
    wrongs = _wrong_details(reading)
    found: list[Span] = []
    for turn in turns(reading) if wrongs else []:
        index = reading.sentence(turn[0])
        later = [w for w in wrongs if reading.sentence(w[0]) == index and w[0] > turn[1]]
        if later:
            found.append(spanning(turn, later[0]))
    return found


def _wrong_details(reading: Reading) -> list[Span]:
    """A wrong or incomplete word and a word of giving it within a few words in one clause
    that names a detail, where the seller is not the clause's subject and no guide of its
    own is named (`cited_errors`)."""
    givens = reading.find("given")
    if not givens:
        return []
    return [
        spanning(wrong, given)
        for wrong, given in reading.near(reading.find("wrong_own"), givens, 3, clause=True)
        if not seller_subject_in_clause(reading, wrong[0])
        and _in_clause(reading, "detail", wrong[0])
        and not _in_clause(reading, "guide", wrong[0])
    ]


def bare_denials(reading: Reading) -> list[Span]:
    """The seller's denials of its own fault (`disowned_faults`) with no apology or feeling in
    their sentence ("Non si tratta di un difetto dell'installazione", not "Przepraszamy, w
    instrukcji był błąd i stąd problem")."""
    return [denial for denial in disowned_faults(reading) if not felt(reading, denial)]


def unfelt_wrong_details(reading: Reading) -> list[Span]:
    """The wrong or incomplete details the reviewer gave (`_wrong_details`) with no apology
    or feeling in their sentence: blame where what followed from them is said next ("Het
    opgegeven adres was onvolledig ... Daardoor kon de bezorger het pakket niet afleveren",
    related in `related_spans`), not in "We're sorry: the postcode given was wrong, so ..."."""
    return [wrong for wrong in _wrong_details(reading) if not felt(reading, wrong)]


def denial_causes(reading: Reading) -> list[Span]:
    """What a denial of the seller's own fault may be set beside to blame the reviewer: the
    reviewer's act as the cause, the instructions, a misuse ("because you ...", "the label",
    "in the dishwasher"); not a bare condition ("if the courier lost it, that is not our
    fault")."""
    names = ("because_you", "if_you_had", "guide", "misuse")
    return sorted(span for name in names for span in reading.find(name))


def _in_clause(reading: Reading, name: str, position: int) -> bool:
    """Whether concept `name` stands in the clause of `position`."""
    start = clause_start(reading.text, position)
    return any(clause_start(reading.text, span[0]) == start for span in reading.find(name))


def regrets(reading: Reading) -> list[Span]:
    """Feelings and apologies ("We're sorry", "Schade", "Žēl"), not delight ("We're so glad
    you enjoyed it! However, the description says it serves two"): what a turn to the
    instructions follows (`cited_guides`); after the instructions they soften them."""
    feelings = reading.find("feeling")
    if not feelings:
        return []
    pleased = reading.find("pleased")
    return [span for span in feelings if not any(overlaps(span, joy) for joy in pleased)]


def amends(reading: Reading) -> list[Span]:
    """The seller making good anywhere in the reply: a remedy, contact or help offered ("so a
    replacement is on its way", "call us", "en we helpen u graag", "le enviaremos uno nuevo",
    "we've updated it") or a fault owned ("our mistake", "by mistake", "not acceptable"); a
    reply that makes good cites the instructions, or a late arrival, without blame."""
    found = reading.live("incentive") + reading.find("contact_us") + reading.live("own_fault")
    # Not a remedy denied: "hot washes are not covered by our guarantee"; not the seller's
    # "could" inside its helplessness ("there wasn't a lot we could do").
    acts = reading.find("request") + reading.live("remedy")
    helpless = reading.find("helpless")
    return found + [
        act
        for act in acts
        if reading.seller_in_clause(act[0]) and not any(overlaps(act, h) for h in helpless)
    ]


def unexcused(
    lateness: Sequence[Span], feelings: Sequence[Span], made_good: Sequence[Span], reach: int
) -> list[Span]:
    """The late arrivals (`late_arrivals`) of a reply that makes nothing good (`amends`) and
    is not sorry just after them ("...; we're sorry it still wasn't ready")."""
    if made_good:
        return []
    return [
        span
        for span in lateness
        if not any(span[1] <= feeling[0] <= span[1] + reach for feeling in feelings)
    ]


def regret_turned(
    cited: Sequence[Span], feelings: Sequence[Span], made_good: Sequence[Span], reach: int
) -> list[Span]:
    """Regret turned to what the instructions said ("We're sorry the sofa was scratched. That
    said, the delivery note asked you to ...", "Lamentamos lo ocurrido, pero las instrucciones
    indican ...", "Žēl ... Tomēr ..., par to bija rakstīts instrukcijā"): the instructions
    cited back at the reviewer. A feeling within `reach` characters before the turn; not where
    the seller makes good anywhere (`amends`) or a feeling follows the instructions within
    `reach` ("but the label was confusing, and we understand your frustration")."""
    if made_good:
        return []
    return [
        span
        for span in cited
        if any(span[0] - reach <= feeling[1] <= span[0] for feeling in feelings)
        and not any(span[1] <= feeling[0] <= span[1] + reach for feeling in feelings)
    ]


def _cited_back(reading: Reading, turn: Span, guide: Span) -> bool:
    """Whether `guide`, in the sentence of `turn`, is cited after the turn (or in its clause)
    as saying something ("says", "steht", "indican", "avisa", "o czym piszemy"), not called
    wrong or changed ("the listing was updated"), not the seller acting after it in its clause
    ("die Anleitung war fehlerhaft – wir haben sie überarbeitet"), nor the seller's own verb
    ("我们说明一下")."""
    text = reading.text
    if guide[0] < turn[0] and clause_start(text, guide[0]) != clause_start(text, turn[0]):
        return False
    if CJK_CHAR.match(text, guide[0]) and any(we[1] == guide[0] for we in reading.seller()):
        return False
    start, end = clause_start(text, guide[0]), clause_end(text, guide[1])
    # "the label was wrong", "the listing was updated this morning": not cited back.
    if any(
        start <= word[0] < end for name in ("wrong_own", "change") for word in reading.find(name)
    ):
        return False
    if any(guide[1] <= we[0] < end for we in reading.seller()):
        return False
    # "the description should have said", "la notice n'indique pas": owned, or not said.
    if any(
        neglect[0] >= guide[1] and words_between(text, guide[1], neglect[0]) <= 2
        for neglect in reading.find("neglect")
    ):
        return False
    sentence_end = reading.sentence_end(reading.sentence(guide[0]))
    return any(
        min(turn[0], start) <= said[0] < sentence_end and not overlaps(said, guide)
        for said in reading.find("states")
    )


def _owns_fault(reading: Reading) -> bool:
    """Whether the seller owns a fault anywhere in the reply ("our mistake", "unser Fehler",
    "colpa nostra"), not denied ("not our fault")."""
    return bool(reading.live("own_fault"))


def reviewer_acts(reading: Reading) -> list[Span]:
    """Where the reply says what the reviewer did ("Sie haben Größe M bestellt", "您自己选错")."""
    return reading.find("you_did")


def ignored_instructions(reading: Reading) -> list[Span]:
    """The reviewer said to have ignored the instructions ("you clearly ignored the washing
    instructions", "Sie haben die Waschanleitung ignoriert"): ignoring and the instructions
    in one clause the seller is not the subject of."""
    found: list[Span] = []
    guides = reading.find("guide")
    for ignore in reading.live("ignore"):
        if reading.seller_in_clause(ignore[0]):
            continue
        for guide in guides:
            left, right = (ignore, guide) if ignore[0] < guide[0] else (guide, ignore)
            if (
                clause_start(reading.text, right[0]) <= left[0]
                and clause_start(reading.text, left[0]) == clause_start(reading.text, right[0])
                and words_between(reading.text, left[1], right[0]) <= 3
            ):
                found.append(spanning(ignore, guide))
                break
    return found


def lessons(reading: Reading) -> list[Span]:
    """Telling the reviewer to read the instructions next time ("maybe try reading the
    manual", "La prochaine fois, lisez la notice", "下次请先看说明书"): a "next time" or
    "try", a reading verb and the instructions in one sentence, the seller not the subject."""
    found: list[Span] = []
    guides = reading.find("guide")
    checks = reading.find("check")
    for lesson in reading.live("next_time"):
        index = reading.sentence(lesson[0])
        for check in checks:
            if reading.sentence(check[0]) != index or reading.seller_in_clause(check[0]):
                continue
            # "... the instructions", or "check more carefully" ("controlli meglio").
            if any(
                reading.sentence(guide[0]) == index and guide[0] >= check[1] for guide in guides
            ) or reading.in_sentence("carefully", check[0]):
                found.append(spanning(lesson, check))
                break
    return found


def seller_subject_in_clause(reading: Reading, position: int) -> bool:
    """Whether the seller speaks of itself in the clause of `position` other than as an
    object ("tell us", "sagen Sie uns" name the seller without making it the subject); the
    one advised is its subject ("mums vajadzētu", "ci conviene")."""
    text = reading.text
    start, end = clause_start(text, position), clause_end(text, position)
    objects = {
        one
        for one in reading.find("we_object")
        if not any(
            word[0] >= one[1] and not text[one[1] : word[0]].strip()
            for word in reading.find("advisable")
        )
    }
    return any(start <= we[0] and we[1] <= end and we not in objects for we in reading.seller())
