"""Actions on the review: a review near a change or removal, reported and referred changes,
ratings raised or lowered, praise asked for, and asks, pressure and insistence around them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewwatch.triage._clauses import Span, clause_start, cued, sentence_start, words_between
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.permissions import permitted
from reviewwatch.triage._relations.spans import overlaps, spanning


def review_actions(reading: Reading) -> list[Span]:
    """A review or rating related to changing or raising it, in one sentence: the seller
    talking about the reviewer's review, not about what the seller did, not negated and not
    thanked for."""
    if not (reading.find("review") or reading.find("rating")):
        return []
    reviews = [
        span
        for span in reading.find("review") + reading.find("rating")
        if not reading.negated(span, aside=True) or _pressed_negation(reading, span)
    ]
    changes = [span for span in reading.live("change", aside=True) if not _release(reading, span)]
    pairs = reading.near(reviews, changes, 4)
    kept = [
        spanning(rating, up)
        for rating, up in reading.near(
            reading.live("rating"), reading.live("raise"), 5, seller_breaks=False
        )
        if not reading.thanked(spanning(rating, up))
    ]
    nouns = reading.find("change_noun")
    for review, change in pairs:
        span = spanning(review, change)
        if reading.thanked(span) or (reading.seller_acts(change) and not _by_you(reading, change)):
            continue
        if _sellers_and(reading, change):
            continue
        # "We understand the rating: after the last update ...": the update of an app, in
        # another clause, is not a change to the review.
        if any(overlaps(change, noun) for noun in nouns) and clause_start(
            reading.text, change[0]
        ) != clause_start(reading.text, review[0]):
            continue
        kept.append(span)
    return kept


# How many words may part the review from the words of its reflecting the fix.
_REFLECT_WORDS = 5


def reflected(reading: Reading) -> list[Span]:
    """The review asked or hoped to show how things ended ("Hopefully your review can now
    reflect how we made things right", "Būtu jauki, ja šī atsauksme atspoguļotu arī to",
    "こちらの口コミにも反映していただけますと幸いです"): an action on the review in a sentence that
    asks or hopes, not the seller's own ("we reflected on your review") and not thanked for."""
    reflections = reading.live("reflect")
    if not reflections:
        return []
    reviews = reading.live("review") + reading.live("rating")
    found: list[Span] = []
    for review, reflection in reading.near(reviews, reflections, _REFLECT_WORDS):
        span = spanning(review, reflection)
        if reading.seller_acts(reflection) or reading.thanked(span):
            continue
        if reading.has_request(span):
            found.append(span)
    return found


def reported_changes(reading: Reading) -> list[Span]:
    """Changes the reviewer is said to have made already, as a fact: a past form with no
    condition or request before it in its clause and not asked ("we saw that you changed your
    review", "Sie haben die Sterne selbst angepasst", "ha cambiato le stelle", "você editou a
    avaliação", "zmieniła Pani ocenę", "您修改了评价"); not "once you've updated it" or
    "Have you changed it yet?"."""
    found: list[Span] = []
    for change in reading.live("changed"):
        index = reading.sentence(change[0])
        end = reading.sentence_end(index)
        if reading.text[end : end + 1] in ("?", "？"):
            continue
        start = clause_start(reading.text, change[0])
        if any(start <= r[0] < change[0] for r in reading.find("request")):
            continue
        found.append(change)
    return found


def reported(reading: Reading, span: Span, reports: Sequence[Span]) -> bool:
    """Whether the action `span` is only one of `reports` (`reported_changes`): it tells what
    the reviewer did, and nothing inside it asks."""
    return any(overlaps(span, report) for report in reports) and not any(
        span[0] <= r[0] and r[1] <= span[1] for r in reading.find("request")
    )


# A version number right after or before a change: "aggiornamento 3.0", "the 2.1 update".
_VERSION_AFTER = re.compile(r"\s*(?:v\.?\s*)?\d+(?:\.\d+)+")
_VERSION_BEFORE = re.compile(r"(?<![\w.])v?\d+(?:\.\d+)+\s*(?:版\s*)?$")


def _release(reading: Reading, change: Span) -> bool:
    """Whether `change` names a software release by its version number ("l'aggiornamento
    3.0 le ha cancellato i preferiti", "the 4.2 update", "Update 2.1"), not a change to the
    review."""
    text = reading.text
    return bool(
        _VERSION_AFTER.match(text, change[1])
        or _VERSION_BEFORE.search(text, max(0, change[0] - 16), change[0])
    )


# "And" just before a verb, and a subject pronoun of the reviewer (not a possessive).
_AND_BEFORE = re.compile(r"(?<![^\W\d_])(?:and|und|y|et|e|en|i|un|oraz)\s+$")
_YOU_SUBJECT = re.compile(
    r"(?<![^\W\d_])(?:you|sie|usted|vous|lei|voce|pan|pani|jij|u|jus|tu|du)(?![^\W\d_])"
)


def _sellers_and(reading: Reading, change: Span) -> bool:
    """Whether `change` is the seller's second verb after "and" ("as soon as we read your
    review and changed our policy"): a seller subject earlier in its sentence, with a "we"
    nearer than any "you" as subject, and no request in between."""
    start = sentence_start(reading.text, change[0])
    if not _AND_BEFORE.search(reading.text, start, change[0]):
        return False
    sellers = [we for we in reading.seller() if start <= we[0] < change[0]]
    if not sellers:
        return False
    last = max(we[1] for we in sellers)
    if _YOU_SUBJECT.search(reading.text, last, change[0]):
        return False
    return not any(last <= r[0] < change[0] for r in reading.find("request"))


def _pressed_negation(reading: Reading, span: Span) -> bool:
    """Whether the only negation before `span` belongs to a demand ("het is niet meer dan
    redelijk dat deze review verdwijnt", "it's only fair"): it presses, it does not negate."""
    index = reading.sentence(span[0])
    return any(
        reading.sentence(word[0]) == index
        and word[1] <= span[0]
        and reading.holds_negation(word)
        and words_between(reading.text, word[1], span[0]) <= 6
        and not cued(reading.cues.negation, reading.text, span[0])
        for word in reading.find("pressure")
    )


def review_mentions(reading: Reading) -> list[int]:
    """Where the reply names a review or a rating (not negated)."""
    return [span[0] for span in reading.live("review") + reading.live("rating")]


def _by_you(reading: Reading, change: Span) -> bool:
    """Whether the reviewer is named as the agent just after `change` ("po zaktualizowaniu
    przez Pana oceny", "once it is updated by you"): the change is theirs, whoever speaks."""
    return any(
        change[1] <= agent[0] and words_between(reading.text, change[1], agent[0]) <= 1
        for agent in reading.find("by_you")
    )


def referred_changes(reading: Reading) -> list[tuple[int, int, bool, bool]]:
    """Changes applied to a word that may stand for a review ("could you update it?",
    "¿podría cambiarla?", "Mögen Sie sie anpassen?"), with whether their sentence asks and
    whether it presses (a demand, or chasing: "we'll keep messaging you until it's
    corrected"): an action on the review when the reply named a review before them (`refer`),
    which may be in another part of a draft. Not the seller's own work ("we want to fix
    it"). A word before the change stands for the review only right before it (and an
    auxiliary): "la synchronisation sera corrigée" names something else."""
    found: list[tuple[int, int, bool, bool]] = []
    if not reading.find("change"):
        return found
    referents = reading.find("referent")
    if not referents:
        return found
    nouns = reading.find("change_noun")
    for change in reading.live("change"):
        if reading.thanked(change) or any(overlaps(change, noun) for noun in nouns):
            continue
        if reading.seller_acts(change) or reading.speaks_of_itself(change):
            continue
        start = clause_start(reading.text, change[0])
        addressed = any(start <= you[0] < change[0] for you in reading.find("you"))
        # "Exigimos que a apague hoje": the seller demands, the reviewer is to change it.
        demanded = any(start <= word[0] < change[0] for word in reading.live("pressure"))
        if reading.seller_in_clause(change[0]) and not addressed and not demanded:
            continue
        # "Versija 1.4.1 tos atjauno", "the 2.1 release restores them": the release acts.
        if not addressed and any(
            _release_acts(reading.text, release, change) for release in reading.find("release")
        ):
            continue
        for word in referents:
            if word[0] < start or reading.sentence(word[0]) != reading.sentence(change[0]):
                continue
            if change[1] <= word[0] and _romance_article(reading.text, word):
                continue
            left, right = (word, change) if word[0] <= change[0] else (change, word)
            gap = 1 if left == word else 2
            if right[0] < left[1] or words_between(reading.text, left[1], right[0]) <= gap:
                span = spanning(change, word)
                presses = bool(
                    reading.in_sentence("pressure", change[0])
                    or reading.in_sentence("chase", change[0])
                    or _curt(reading, change)
                )
                asking = reading.has_request(span) and not _only_permitted(reading, span)
                found.append((*span, asking, presses))
                break
    return found


# The Romance clitics that are also articles; after the verb, apart from it, they are articles.
_ROMANCE_ARTICLE = re.compile(r"(?:la|le|les|l'\w*|lo|los|las|a|o|as|os)")


def _romance_article(text: str, word: Span) -> bool:
    """Whether `word`, standing after a change, is an article of the next noun rather than
    the review: a French, Spanish, Italian or Portuguese object pronoun goes before the verb
    or is joined to it ("la modifier", "cambiarla", "modifiez-la", "altere-a"), so "modifier
    la date", "revoir à l'atelier", "cambiar la fecha" or "mudar a morada" name something
    else."""
    return (
        text[word[0] - 1 : word[0]] != "-"
        and _ROMANCE_ARTICLE.fullmatch(text, word[0], word[1]) is not None
    )


# How many words a curt command may hold ("Change it.", "Löschen Sie sie!", "Usuń ją.").
_CURT_WORDS = 3


def _curt(reading: Reading, change: Span) -> bool:
    """Whether `change` opens a bare command of a few words with no request, question or
    thanks ("Change it.", "Remove it now!"): a demand, not an ask."""
    index = reading.sentence(change[0])
    start, end = sentence_start(reading.text, change[0]), reading.sentence_end(index)
    if words_between(reading.text, start, change[0]) or reading.text[end : end + 1] in ("?", "？"):
        return False
    if reading.in_sentence("request", change[0]) or reading.thanked(change):
        return False
    return words_between(reading.text, start, end) <= _CURT_WORDS


def _only_permitted(reading: Reading, span: Span) -> bool:
    """Whether the sentence of `span` only says what the reviewer may do, with nothing else
    that asks ("È pronto e può ritirarlo in studio": it may be collected): a permission before
    it, no question, and every request word in the sentence one of its permission words."""
    if not permitted(reading, span):
        return False
    permits = reading.in_sentence("permit", span[0])
    return all(
        any((p[0] <= r[0] and r[1] <= p[1]) or r[0] <= p[0] < r[1] for p in permits)
        for r in reading.in_sentence("request", span[0])
    )


# A stop that ends a sentence (not the dots of "1.4.1"), and how far before a change a
# release naming its subject may stand.
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|[。！？；\n]")
_RELEASE_REACH = 30


def _release_acts(text: str, release: Span, change: Span) -> bool:
    """Whether `release` (a version, an update) stands just before `change` in its sentence,
    as its subject."""
    between = text[release[1] : change[0]]
    return (
        release[1] <= change[0]
        and len(between) <= _RELEASE_REACH
        and not _SENTENCE_BREAK.search(between)
    )


def refer(
    candidates: Sequence[tuple[int, int, bool, bool]], mentions: Sequence[int]
) -> tuple[list[Span], list[Span], list[Span]]:
    """The referred changes that follow a review's mention: (actions, asks, pressed)."""
    if not mentions:
        return [], [], []
    first = min(mentions)
    after = [candidate for candidate in candidates if candidate[0] > first]
    actions = [(start, end) for start, end, _, _ in after]
    asked = [(start, end) for start, end, asking, _ in after if asking]
    pressed = [(start, end) for start, end, _, presses in after if presses]
    return actions, asked, pressed


def pressures(reading: Reading, actions: Sequence[Span]) -> list[Span]:
    """Actions on a review in a sentence that demands them ("we expect you to remove this
    review by tomorrow", "You have 24 hours to take this post down")."""
    # "There is no reason to keep this review": pressure on the review named with it.
    found = [
        span
        for span in reading.find("unkept")
        if reading.in_sentence("review", span[0]) or reading.in_sentence("rating", span[0])
    ]
    if not actions or not reading.find("pressure"):
        return found
    for action in actions:
        index = reading.sentence(action[0])
        for word in reading.live("pressure"):
            if reading.sentence(word[0]) == index:
                found.append(spanning(word, action))
                break
    return found


def insisted(reading: Reading, actions: Sequence[Span]) -> list[Span]:
    """An action on a review pressed on: asked for the nth time, still waited for, or
    followed by contact or a hold until it is done ("this is the third time we have asked you
    to remove it", "continuamos à espera que mude a nota", "jau trešo reizi lūdzam"): the
    insistence in the action's sentence."""
    found: list[Span] = []
    for word in reading.live("insist"):
        if reading.thanked(word):
            continue
        index = reading.sentence(word[0])
        for action in actions:
            if reading.sentence(action[0]) == index:
                found.append(spanning(word, action))
                break
    return found


def asks(reading: Reading, actions: Sequence[Span]) -> list[Span]:
    """Actions on a review in a sentence that asks or sets a condition."""
    return [span for span in actions if reading.has_request(span)]


def raises(reading: Reading) -> list[Span]:
    """A rating related to raising it in a sentence that asks: "bump us up a couple of
    stars?"."""
    if not reading.find("rating"):
        return []
    pairs = reading.near(reading.live("rating"), reading.live("raise"), 5, seller_breaks=False)
    found = [spanning(rating, up) for rating, up in pairs]
    return [s for s in found if not reading.thanked(s) and reading.has_request(s)]


def lowered(reading: Reading) -> list[Span]:
    """Asking to change a low rating ("we hope you'll reconsider those 2 stars", "¿podría
    cambiar esa estrella?"): a low star count or mark near a change in a sentence that asks,
    not thanked for and not the seller's own action. Changing a low rating is raising it."""
    if not reading.find("low"):
        return []
    changes = [span for span in reading.live("change", aside=True) if not _release(reading, span)]
    pairs = reading.near(reading.live("low"), changes, 4)
    found = [
        spanning(low, change)
        for low, change in pairs
        if not reading.seller_acts(change) and not reading.thanked(spanning(low, change))
    ]
    return [span for span in found if reading.has_request(span)]


# "Or" between two ratings: "good or bad", "buena o mala", "gut oder schlecht", "好评还是差评".
_OR = re.compile(
    r"\s*,?\s*(?:or|oder|o|ou|czy|lub|albo|of|vai|ili)\s+(?:(?:a|an|une?|ein[e]?|una?|um|uma|een)\s+)?|"
    r"\s*(?:或|或者|还是|還是)\s*"
)


def either_way(reading: Reading, word: Span) -> bool:
    """Whether a positive word is one of two ratings offered alike ("good or bad", "sea
    buena o mala", "positive or negative", "bad or good"): no ask for the good one."""
    for bad in reading.find("bad"):
        if bad[0] >= word[1]:
            match = _OR.match(reading.text, word[1])
            if match and match.end() == bad[0]:
                return True
        elif bad[1] <= word[0]:
            match = _OR.match(reading.text, bad[1])
            if match and match.end() == word[0]:
                return True
    return False


def praise_asks(reading: Reading) -> list[Span]:
    """A review or rating called good, glowing, five-star ... in a sentence that asks for it
    ("a glowing review would mean a lot", "Prosimy o pięć gwiazdek")."""
    if not reading.find("positive"):
        return []
    targets = reading.live("review") + reading.live("rating")
    positives = [word for word in reading.live("positive") if not either_way(reading, word)]
    pairs = reading.near(targets, positives, 2, clause=True, seller_breaks=False)
    found = [spanning(one, other) for one, other in pairs]
    return [s for s in found if not reading.thanked(s) and reading.asks_in_clause(s)]
