"""Blaming the customer: the fault put on the reviewer, the misuse or the condition they caused,
what would have happened otherwise, and the denials that cite their own act."""

from __future__ import annotations

import re

from reviewwatch.triage._clauses import (
    CLAUSE_STOPS,
    TURN,
    Span,
    clause_start,
    cued,
    sentence_start,
    words_between,
)
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.blame_cues import (
    CONDITION,
    NO_PROBLEM,
    NOTHING,
    complaint_questioned,
    felt,
    ignored_instructions,
    lessons,
)
from reviewwatch.triage._relations.defiance import defied_advice
from reviewwatch.triage._relations.hindsight import avoided, hedged_advice
from reviewwatch.triage._relations.seller_side import fault_denied_yours, thing_left_undone
from reviewwatch.triage._relations.spans import DIGIT, clause_end, overlaps, owned_by, spanning

# How far before "blame" a word that disclaims it still reaches: "it would be odd to blame
# you", "nobody could blame you".
_DISCLAIM_WORDS = 4


def _blame_disclaimed(reading: Reading, fault: Span) -> bool:
    """Whether blaming the reviewer is called odd or unfair, or given to nobody, just before
    `fault` in its clause ("It would be unfair to blame you", "Nobody could blame you for
    being upset"): the seller clears the reviewer."""
    start = clause_start(reading.text, fault[0])
    return any(
        start <= word[0]
        and word[1] <= fault[0]
        and words_between(reading.text, word[1], fault[0]) <= _DISCLAIM_WORDS
        for word in reading.find("odd") + reading.find("nobody")
    )


def blame(reading: Reading) -> list[Span]:
    """The fault put on the reviewer ("the fault is yours", "la colpa è sua", "on your
    side"), or the reviewer not having read, followed or checked something ("you didn't read
    the description", "had you measured", "non ha letto")."""
    anchors = (
        "for_reason",
        "of_course",
        "fault",
        "yourfault",
        "blame_said",
        "misuse",
        "neglect",
        "neglect_you",
        "next_time",
        "ignore",
        "not_ours",
        "because_you",
        "if_you_had",
        "no_wonder",
        "complain",
        "others_fine",
        "works_fine",
        "advice_ignored",
        "told_twice",
        "helpless",
        "defied",
        "despite_warned",
        "avoided",
    )
    if not any(reading.find(name) for name in anchors):
        return []
    you = [span for span in reading.find("you") if not reading.negated(span)]
    found = [
        spanning(fault, one)
        for fault, one in reading.near(reading.live("fault"), you, 2, clause=True)
        if owned_by(reading.text, fault, one)
        and not _blame_disclaimed(reading, fault)
        and not fault_denied_yours(reading, spanning(fault, one))
    ]
    found += [
        span
        for span in reading.live("yourfault")
        if not reading.holds_negation(span) and not fault_denied_yours(reading, span)
    ]
    # Phrases whose own negation blames ("not our app", "il ne faut pas vous étonner", "moet
    # u niet klagen").
    found += [span for span in reading.live("blame_said") if not reading.thanked(span)]
    for misuse in reading.live("misuse"):
        # "U heeft niets verkeerd gedaan": a misuse denied inside its own phrase.
        if reading.holds_negation(misuse) or NOTHING.search(reading.text, *misuse):
            continue
        start = clause_start(reading.text, misuse[0])
        # "you washed it hot", or the reviewer inside the act ("To Pani źle zmierzyła").
        if any(
            (
                start <= one[0]
                and one[1] <= misuse[0]
                and words_between(reading.text, one[1], misuse[0]) <= 2
            )
            or misuse[0] <= one[0] < misuse[1]
            for one in reading.find("you")
        ):
            found.append(misuse)

    checks = reading.find("check")
    neglects = [(span, False) for span in reading.find("neglect")]
    neglects += [(span, True) for span in reading.find("neglect_you")]
    for neglect, addressed in neglects:
        if not addressed and not reading.in_sentence("you", neglect[0]):
            continue
        # "a manicure não conferiu", "the technician didn't check": someone else named.
        if _someone_else(reading, neglect) or thing_left_undone(reading, neglect):
            continue
        for check in checks:
            if check[0] < neglect[1] or words_between(reading.text, neglect[1], check[0]) > 3:
                continue
            if reading.sentence(check[0]) != reading.sentence(neglect[0]):
                continue
            # "Colpa nostra, non sua: le istruzioni ...": the check is in another clause.
            if any(stop in reading.text[neglect[1] : check[0]] for stop in CLAUSE_STOPS):
                continue
            start = clause_start(reading.text, neglect[0])
            if any(start <= we[0] < check[0] for we in reading.find("we")):
                continue
            # "To vajadzēja pārbaudīt mums": the seller right after the check is who should.
            if any(
                check[1] <= we[0] and not words_between(reading.text, check[1], we[0])
                for we in reading.find("we")
            ):
                continue
            found.append((neglect[0], check[1]))
    found += lessons(reading)
    found += hedged_advice(reading)
    found += avoided(reading)
    found += ignored_instructions(reading)
    # "The care card says 30° for a reason": the instructions were there to be followed.
    found += [span for span in reading.find("for_reason") if reading.in_sentence("guide", span[0])]
    # "If you leave them without water for three days, of course they wilt": the reviewer's
    # act, then its natural outcome.
    for act in reading.find("you_did"):
        if not CONDITION.match(reading.text, act[0]):
            continue
        index = reading.sentence(act[0])
        found += [
            span
            for span in reading.find("of_course")
            if reading.sentence(span[0]) == index and span[0] > act[1]
        ]
    # "We can't be held responsible for advice that isn't followed": the reviewer's.
    found += [span for span in reading.find("advice_ignored") if not reading.thanked(span)]
    # "Le explicamos dos veces que ...": the reviewer told again and again, then blamed.
    found += [
        span
        for span in reading.live("told_twice")
        if not felt(reading, span) and not reading.thanked(span)
    ]
    found += _of_course_acts(reading)
    found += _helpless(reading)
    found += _caused(reading)
    found += _counterfactual(reading)
    found += complaint_questioned(reading)
    found += _provided(reading)
    found += _conditioned_denials(reading)
    found += defied_advice(reading)
    return found


# A third party named as the subject just before a neglect: an article and one noun
# ("a manicure não", "the courier didn't", "il tecnico non", "de monteur heeft niet").
_NAMED_SUBJECT = re.compile(
    r"(?<![^\W\d_])(?:the|a|o|os|as|el|la|los|las|il|lo|gli|le|les|der|die|das|de|het)\s+"
    r"([^\W\d_]+)\s+$"
)


# The reviewer named in the third person: "the customer", "el cliente", "der Kunde".
_CUSTOMER = re.compile(
    r"(?:customer|client|guest|buyer|purchaser|user|patient|kunde|kundin|gast|kaufer|nutzer|"
    r"cliente|huesped|comprador|usuario|paciente|acheteur|utilisateur|ospite|acquirente|"
    r"utente|hospede|utilizador|klant|koper|gebruiker|klient|kupujac|uzytkownik|pircej|"
    r"lietotaj|viesis)"
)


def _someone_else(reading: Reading, neglect: Span) -> bool:
    """Whether a third party, not the reviewer nor the seller, is named right before a
    neglect: "a manicure não conferiu", "the courier didn't check"; "a senhora não
    conferiu" is the reviewer addressed."""
    start = max(clause_start(reading.text, neglect[0]), neglect[0] - 40)
    named = _NAMED_SUBJECT.search(reading.text[start : neglect[0]])
    if named is None or _CUSTOMER.match(named.group(1)):
        return False
    subject = (start + named.start(), neglect[0])
    return not any(overlaps(subject, other) for other in reading.find("you") + reading.find("we"))


# "If" itself, whatever follows it ("si vous avez donné ...", "if you had typed ...").
_IF = re.compile(
    r"(?<![^\W\d_])(?:if|wenn|falls|si|se|jesli|jezeli|als|indien|ja)(?![^\W\d_])|如果|要是|假如"
)


def _helpless(reading: Reading) -> list[Span]:
    """The seller helpless after the reviewer's own wrong act set as a condition ("If you
    blocked the drain yourself, there is little we can do", "Ja ierakstījāt nepareizu numuru,
    vadītājs to nevarēja uzminēt"): a condition, a word of the reviewer's own or wrong doing
    inside it, then the helplessness in the same sentence. Not a condition the seller is the
    subject of, not beside an apology or a feeling."""
    found: list[Span] = []
    conditions = reading.find("if_you") + [m.span() for m in _IF.finditer(reading.text)]
    for helpless in reading.find("helpless"):
        if felt(reading, helpless):
            continue
        index = reading.sentence(helpless[0])
        for condition in conditions:
            if reading.sentence(condition[0]) != index or condition[1] > helpless[0]:
                continue
            if reading.seller_in_clause(condition[1]):
                continue
            if any(condition[1] <= wrong[0] < helpless[0] for wrong in reading.find("wrong_own")):
                found.append(spanning(condition, helpless))
                break
    return found


# A break between two clauses: a comma, a colon, a semicolon or a dash.
_CLAUSE_BREAK = re.compile(r"[,，、:：;；–—]|\s-\s")


def _of_course_acts(reading: Reading) -> list[Span]:
    """An outcome called natural, opening its sentence, then what the reviewer did ("Of
    course it was spicy: you ordered the extra-hot sauce", "Oczywiście, że był ostry – zamówił
    Pan ..."), the act in a later clause ("Oczywiście to Pani prawo" is no act): not where
    the seller speaks in that sentence or a feeling stands in it."""
    found: list[Span] = []
    for natural in reading.find("of_course"):
        if words_between(reading.text, sentence_start(reading.text, natural[0]), natural[0]):
            continue
        if reading.in_sentence("we", natural[0]) or reading.in_sentence("feeling", natural[0]):
            continue
        index = reading.sentence(natural[0])
        acts = [
            act
            for act in reading.find("you_did")
            if reading.sentence(act[0]) == index
            and _CLAUSE_BREAK.search(reading.text, natural[1], act[0])
        ]
        if acts:
            found.append(spanning(natural, acts[0]))
    return found


# How many words after "because you" a harmless cause may start ("because you told us").
_CAUSE_WORDS = 2


def _before_in_sentence(reading: Reading, name: str, position: int) -> bool:
    """Whether concept `name` stands earlier in the sentence of `position`."""
    start = sentence_start(reading.text, position)
    return any(start <= span[0] and span[1] <= position for span in reading.find(name))


def _caused(reading: Reading) -> list[Span]:
    """A bad outcome put down to the reviewer's own act ("the stitches opened because you let
    him off the lead", "weil Sie ihn gefüttert haben", "parce que vous l'avez laissé sauter",
    "bo pozwolił mu Pan", "是因为您用洗衣机洗了"): "because" with the reviewer as the subject
    of its clause. Not where the seller speaks in the main clause or a feeling in the sentence
    ("we refunded you because you were charged twice", "I understand you're upset because you
    waited", "... perché lei era in pausa, ci scusiamo"),
    not a harmless cause ("because you deserve better", "because you told us"), not negated
    ("not because you did anything wrong")."""
    found: list[Span] = []
    seller = reading.seller()
    for because in reading.find("because_you"):
        # "Not because you ...": the negation right before it ("the cat did not improve
        # because ..." negates the outcome, not the cause).
        if cued(reading.cues.negation, reading.text, because[0], words=0):
            continue
        start = sentence_start(reading.text, because[0])
        # The seller in the main clause, not in an apology before a "but" ("We're sorry,
        # but it broke because you dropped it").
        if any(
            start <= we[0]
            and we[1] <= because[0]
            and not TURN.search(reading.text, we[1], because[0])
            for we in seller
        ):
            continue
        if felt(reading, because) or any(
            start <= thanks[0] < because[0] for thanks in reading.thanks()
        ):
            continue
        # "Because you waited so long, we have added a voucher": the seller acts after it.
        if not words_between(reading.text, start, because[0]) and reading.in_sentence(
            "we", because[0]
        ):
            continue
        # Anywhere in its clause: German and Dutch put the verb last ("weil Sie das Gerät
        # rechtzeitig registriert haben").
        end = clause_end(reading.text, because[1])
        if any(because[0] <= cause[0] < end for cause in reading.find("good_cause")):
            continue
        found.append(because)
    return found


# How many words may part "works flawlessly" from the condition that puts it on the user.
_PROVIDED_WORDS = 8


def _provided(reading: Reading) -> list[Span]:
    """Flawless working made the user's part ("funktioniert einwandfrei, sofern man die
    eigene E-Mail-Adresse richtig eintippt", "darbojas nevainojami, ja vien ...", "只要按照提示
    先更新系统，就不会闪退"): "works perfectly" and "as long as" / "provided" in one sentence,
    the condition not the seller's ("as long as we have your order number") and no stated
    requirement ("as long as your phone runs iOS 15")."""
    found: list[Span] = []
    for works in reading.find("works_fine"):
        index = reading.sentence(works[0])
        for condition in reading.find("provided"):
            if reading.sentence(condition[0]) != index or reading.seller_in_clause(condition[1]):
                continue
            # "works perfectly as long as your phone runs iOS 15": a requirement, stated.
            clause = reading.text[condition[0] : clause_end(reading.text, condition[1])]
            if DIGIT.search(clause) or reading.in_sentence("feeling", condition[0]):
                continue
            left, right = (works, condition) if works[0] < condition[0] else (condition, works)
            if words_between(reading.text, left[1], right[0]) <= _PROVIDED_WORDS:
                found.append(spanning(works, condition))
                break
    return found


def _counterfactual(reading: Reading) -> list[Span]:
    """What would not have happened had the reviewer acted otherwise ("if you had arrived on
    time you would not have missed it", "si hubiera llegado a la hora, no habría perdido",
    "Gdyby przeczytała Pani regulamin, wiedziałaby Pani", "als u de fiets binnen had gezet,
    was de ketting niet gaan roesten"): a counterfactual condition with the reviewer and its
    result in one sentence. Not the seller's own result ("if you had told us, we would have
    fixed it"), not a harmless condition ("had you contacted us")."""
    found: list[Span] = []
    results = reading.find("would_have")
    you = reading.find("you")
    for condition in reading.find("if_you_had"):
        if any(
            condition[0] <= cause[0]
            and words_between(reading.text, condition[1], cause[0]) <= _CAUSE_WORDS
            for cause in reading.find("good_cause")
        ):
            continue
        index = reading.sentence(condition[0])
        for result in results:
            if reading.sentence(result[0]) != index or overlaps(result, condition):
                continue
            if reading.seller_in_clause(result[0]) or reading.seller_acts(result):
                continue
            # "Si quisiera cambiar la fecha, no habría ningún problema": an offer.
            if NO_PROBLEM.match(reading.text, result[1]):
                continue
            # "le habría avisado": the seller acting on the reviewer.
            if any(
                one[1] <= result[0] and not reading.text[one[1] : result[0]].strip() for one in you
            ):
                continue
            found.append(spanning(condition, result))
            break
    return found


# The seller's own advice named inside a condition: "as we advised", "wie empfohlen", "kā mēs
# ieteicām", "come le abbiamo consigliato", "按照我们的建议" (folded text).
_AS_ADVISED = re.compile(
    r"(?<![^\W\d_])(?:as\s+we\s+(?:had\s+)?(?:advised|recommended|suggested)|"
    r"wie\s+(?:von\s+uns\s+|wir\s+(?:es\s+)?)?(?:empfohlen|geraten)|"
    r"como\s+(?:le\s+|te\s+|lhe\s+)?(?:hab[ií]amos\s+|t[ií]nhamos\s+)?"
    r"(?:recomendamos|aconsejamos|aconselhamos|recomendado|aconsejado|aconselhado)|"
    r"comme\s+(?:nous\s+)?(?:vous\s+)?(?:l\'avions\s+|l\'avons\s+)?(?:conseille|recommande)|"
    r"come\s+(?:le\s+|ti\s+)?(?:avevamo\s+|abbiamo\s+)?(?:consigliato|raccomandato)|"
    r"zoals\s+(?:wij|we)\s+(?:\w+\s+)?(?:adviseerden|aanraadden|geadviseerd|aangeraden)|"
    r"jak\s+(?:\w+\s+)?(?:zalecali\w*|radzili\w*)|"
    r"ka\s+mes\s+(?:jums\s+)?(?:ieteicam|iesakam|noradijam))(?![^\W\d_])|"
    r"按照我(?:们|們)的?建议|按照我(?:们|們)的?建議"
)


def _conditioned_denials(reading: Reading) -> list[Span]:
    """The seller denying its fault for what follows a condition on the reviewer's own doing
    ("If you ride on gravel every day, the squeak is not our fault", "Ja pēc tam braucat pa
    grants ceļiem un neierodaties uz pārbaudi, kā mēs ieteicām, tad čīkstēšana nav mūsu
    vaina", "如果您自己拆开了，那就不是我们的问题"): a condition earlier in the denial's
    sentence, the reviewer (or the seller's own advice, for the languages that drop the
    pronoun) between them. Not where the seller is the subject of the condition ("if we
    were late, that was not the courier's fault"), not beside an apology or a feeling."""
    found: list[Span] = []
    conditions = reading.find("if_you")
    for denial in reading.find("not_ours"):
        if felt(reading, denial):
            continue
        index = reading.sentence(denial[0])
        for condition in conditions:
            if reading.sentence(condition[0]) != index or condition[1] > denial[0]:
                continue
            if reading.seller_in_clause(condition[1]):
                continue
            between = (condition[1], denial[0])
            reviewer = any(
                between[0] <= one[0] < between[1] and not reading.negated(one)
                for one in reading.find("you")
            )
            if reviewer or _AS_ADVISED.search(reading.text, *between):
                found.append(spanning(condition, denial))
                break
    return found


def blame_grounds(reading: Reading) -> list[Span]:
    """Where the reply says what the reviewer did, sets the reviewer's act as a condition or
    a cause, or names the instructions: what an outcome "only to be expected" follows."""
    names = ("you_did", "if_you", "because_you", "if_you_had", "guide", "misuse")
    return sorted(span for name in names for span in reading.find(name))
