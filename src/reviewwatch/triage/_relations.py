"""The checker's rules as relations between concepts (`_concepts.Reading`).

Each function reads one folded reply and gives the spans where a rule holds: an action on a
review (a review near a change, a rating near a raise, a praised review asked for, a change to
"it" after a review's mention), an incentive tied to one by an exchange, accusations, blame,
threats and insults, and review gating. The checker adds them to the phrase patterns' spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewwatch.triage._concepts import (
    _TURN,
    CJK_CHAR,
    CLAUSE_STOPS,
    Reading,
    Span,
    clause_start,
    cued,
    sentence_start,
    words_between,
)
from reviewwatch.triage._text import merge_spans, sentences


def _joined(one: Span, other: Span) -> Span:
    return min(one[0], other[0]), max(one[1], other[1])


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
        _joined(rating, up)
        for rating, up in reading.near(
            reading.live("rating"), reading.live("raise"), 5, seller_breaks=False
        )
        if not reading.thanked(_joined(rating, up))
    ]
    nouns = reading.find("change_noun")
    for review, change in pairs:
        span = _joined(review, change)
        if reading.thanked(span) or (reading.seller_acts(change) and not _by_you(reading, change)):
            continue
        if _sellers_and(reading, change):
            continue
        # "We understand the rating: after the last update ...": the update of an app, in
        # another clause, is not a change to the review.
        if any(_overlaps(change, noun) for noun in nouns) and clause_start(
            reading.text, change[0]
        ) != clause_start(reading.text, review[0]):
            continue
        kept.append(span)
    return kept


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
    return any(_overlaps(span, report) for report in reports) and not any(
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
        if reading.thanked(change) or any(_overlaps(change, noun) for noun in nouns):
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
                span = _joined(change, word)
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
                found.append(_joined(word, action))
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
                found.append(_joined(word, action))
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
    found = [_joined(rating, up) for rating, up in pairs]
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
        _joined(low, change)
        for low, change in pairs
        if not reading.seller_acts(change) and not reading.thanked(_joined(low, change))
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
    found = [_joined(one, other) for one, other in pairs]
    return [s for s in found if not reading.thanked(s) and reading.asks_in_clause(s)]


# An infinitive marker right before a verb: the review may come first ("een review op Yelp te
# schrijven", "eine Bewertung zu schreiben").
# Or after a modal that asks, the verb last ("Zou u een review willen achterlaten?").
_INFINITIVE = re.compile(r"(?<![^\W\d_])(?:te|zu|willen|wilt|kunt)\s+$")
# A question or request opened by a modal and "you", the verb last ("Kunt u een review op
# Yelp schrijven?", "Könnten Sie uns eine Bewertung schreiben?").
_MODAL_FIRST = re.compile(
    r"(?<![^\W\d_])(?:kunt|wilt|zou|zoudt|kun|wil|konnten|konnen|wurden|mochten|wollen)\s+"
    r"(?:u|je|jij|sie)(?![^\W\d_])"
)
# The marker inside a separable verb: "achter te laten", "abzugeben".
_INFINITIVE_IN = re.compile(r"(?<![^\W\d_])te\s|\wzu\w")


def solicits(reading: Reading) -> list[Span]:
    """Asking for a review: leaving, writing or giving one, or writing on a review site, in
    a clause that asks ("Please leave us a review on Yelp!", "please write about it on Yelp",
    "no olvide dejarnos otra reseña"), not thanked for and not negated (a negated one is
    gating; "don't forget" asks); and a review wished for (`wished`) or asked for
    (`asked_for`)."""
    found = wished(reading) + asked_for(reading)
    # Telling others or sharing one's experience in public is a review by another name
    # ("Tell the world what you thought!", "Share your experience with others here"), not
    # where a reply quotes someone who said it.
    found += [
        span
        for span in told(reading)
        if _asked_or_bare(reading, span) and not _inside_quotation(reading.text, span)
    ]
    if not reading.find("solicit"):
        return found
    reviews = reading.find("review") + reading.find("rating")
    sites = [site for site in reading.find("review_site") if not _messaged(reading, site)]
    verbs = [
        verb
        for verb in reading.find("solicit")
        if not reading.negated(verb) or _reminded(reading, verb)
    ]
    # Wide: German puts the review at the end ("Hinterlassen Sie uns doch bei Ihrem nächsten
    # Besuch eine Bewertung").
    pairs = reading.near(verbs, reviews + sites, 8, clause=True, seller_breaks=False)
    found += [
        _joined(verb, review)
        for verb, review in pairs
        if (
            verb[0] < review[0]
            or _INFINITIVE.search(reading.text, 0, verb[0])
            or _INFINITIVE_IN.search(reading.text, verb[0], verb[1])
            or _MODAL_FIRST.search(reading.text, clause_start(reading.text, review[0]), review[0])
        )
        and not (review in sites and _sellers_own(reading, verb, review))
    ]
    return [s for s in found if not reading.thanked(s) and _asked_or_bare(reading, s)]


def _asked_or_bare(reading: Reading, span: Span) -> bool:
    """Whether `span` stands in a clause that asks, or is a bare or chained imperative."""
    return reading.asks_in_clause(span) or _bare_verb(reading, span) or _chained(reading, span)


def _chained(reading: Reading, span: Span) -> bool:
    """Whether `span` is an imperative joined by "and" to one that opens the sentence ("Come
    back soon and share your experience on Yelp"): an "and" just before it, and no "we" or
    "you" as a subject before that."""
    before = reading.text[sentence_start(reading.text, span[0]) : span[0]]
    match = re.search(r"(?<![^\W\d_])(?:and|und|y|et|e|en|i|un|oraz)\s+$", before)
    if match is None or not before[: match.start()].strip():
        return False
    start = sentence_start(reading.text, span[0])
    subjects = reading.seller() + reading.find("you")
    return not any(start <= word[0] < span[0] for word in subjects)


def _bare_verb(reading: Reading, span: Span) -> bool:
    """Whether `span` opens its clause with nothing before it but a "next time" ("…: la
    prossima volta lasciaci cinque stelle", "next time, leave us a review"): an imperative."""
    start = clause_start(reading.text, span[0])
    times = [word for word in reading.find("next_time") if start <= word[0] < span[0]]
    rest = start
    for word in times:
        if words_between(reading.text, rest, word[0]):
            return False
        rest = word[1]
    return bool(times) and not words_between(reading.text, rest, span[0])


def promotions(reading: Reading) -> list[Span]:
    """Marketing words not negated, or after a "don't forget" ("Don't forget our Tuesday
    deal", "N'oubliez pas nos soldes")."""
    return [
        span
        for span in reading.find("promote")
        if not reading.negated(span) or _reminded(reading, span)
    ]


# A message, not a review, written on a site ("a direct message here on Yelp", "la mensajería
# de Amazon", "私信").
_MESSAGE = re.compile(
    r"messag|nachricht|mensaj|mensag|wiadomo|bericht|zinu|zina|direct|direkt|priv|chat|inbox|"
    r"e-?mail|dm\b|mail\b|私信|消息"
)


def _messaged(reading: Reading, site: Span) -> bool:
    """Whether `site` is where the reviewer writes to the seller: a message word or a
    "contact us" in its clause before it ("Schreiben Sie uns ... über Yelp")."""
    start = clause_start(reading.text, site[0])
    if _MESSAGE.search(reading.text, start, site[0]):
        return True
    return any(start <= word[0] < site[0] for word in reading.find("contact_us"))


def _sellers_own(reading: Reading, verb: Span, site: Span) -> bool:
    """Whether the seller writes on the site itself ("Napisaliśmy do Państwa przez
    Trustpilot", "we wrote to you on Yelp"): a "we" in or just before the verb, or the
    reviewer named between them as the one written to."""
    if any(
        we[0] <= verb[0] < we[1]
        or (we[1] <= verb[0] and not words_between(reading.text, we[1], verb[0]))
        for we in reading.find("we")
    ):
        return True
    return _TO_YOU.search(reading.text, verb[1], site[0]) is not None


# The reviewer written to: "to you", "do Państwa", "an Sie", "à vous", "a usted", "aan u".
_TO_YOU = re.compile(
    r"(?<![^\W\d_])(?:to\s+you|do\s+(?:panstwa|pana|pani)|an\s+sie|a\s+vous|a\s+usted|"
    r"aan\s+u|a\s+lei|ao\s+senhor|a\s+senhora|jums)(?![^\W\d_])|给您|給您|向您"
)


def _reminded(reading: Reading, verb: Span) -> bool:
    """Whether a "don't forget" ("no olvide", "vergessen Sie nicht", "别忘了") stands just
    before `verb`, in its clause: its negation asks."""
    return any(
        wish[1] <= verb[0]
        and words_between(reading.text, wish[1], verb[0]) <= 2
        and clause_start(reading.text, verb[0]) <= wish[0]
        for wish in reading.find("wish")
    )


# The reviewer's own review ("your review", "Ihre Bewertung", "la sua recensione", "您的评价"):
# a wish about it ("we'd be glad to discuss your review") asks for no new one.
_OWNED_REVIEW = re.compile(
    r"(?<![^\W\d_])(?:your|ihre[nmrs]?|deine[nmrs]?|votre|vos|ton|ta|su|sus|tu|sua|uw|je|jouw|"
    r"jusu|tavu|tava|pana|pani|panstwa)\s+(?:[^\W\d_]+\s+)?$|(?:您|你)的$"
)
# A visit still to come ("after your next visit", "beim nächsten Besuch", "dopo la prossima
# cena", "下次"): "your review" wished for after it is a new one, not the one written.
_NEXT_OCCASION = re.compile(
    r"(?<![^\W\d_])(?:next\s+(?:visit|time|stay|meal|dinner|lunch|order)|nachste[nmr]?\s+"
    r"(?:besuch|mal|aufenthalt|essen|bestellung)|proxim[ao]s?\s+(?:visita|vez|cena|comida|"
    r"estancia|estadia|refeicao|jantar|almoco|pedido|encomenda)|prochaine?s?\s+(?:visite|fois|"
    r"sejour|repas|diner|commande)|prossim[aoi]\s+(?:visita|volta|cena|pranzo|soggiorno|ordine)|"
    r"nastepn\w*\s+(?:wizy|raz|pobyt|zamowien)|volgend\w*\s+(?:bezoek|keer|verblijf|"
    r"bestelling)|nakam\w*\s+(?:vizit|reiz|pasutijum)|nakamreiz)|下次|下回"
)
# How many words may part a wish from the review it wishes for.
_WISH_WORDS = 8


def wished(reading: Reading) -> list[Span]:
    """A review wished for ("a short review on Yelp would make our day", "über eine neue
    Bewertung freuen wir uns", "un petit avis nous ferait plaisir"): a wish and a review in
    one sentence, the review not the reviewer's own ("we'd be happy to talk about your
    review") and not thanked for."""
    wishes = reading.live("wish")
    if not wishes:
        return []
    found = []
    reviews = reading.find("review") + reading.find("rating")
    for wish, review in reading.near(wishes, reviews, _WISH_WORDS, seller_breaks=False):
        if _OWNED_REVIEW.search(reading.text, max(0, review[0] - 30), review[0]) and not (
            _NEXT_OCCASION.search(reading.text, sentence_start(reading.text, wish[0]), review[0])
        ):
            continue
        if reading.thanked(review) or reading.negated(review, aside=True):
            continue
        # "Ci farebbe piacere rivederla e la ringraziamo per la recensione": thanks between.
        left, right = min(wish[1], review[1]), max(wish[0], review[0])
        if any(left <= t[0] < right for t in reading.thanks()):
            continue
        found.append(_joined(wish, review))
    return found


# How many words may part "we ask for" from the review it asks for.
_ASK_FOR_WORDS = 3


def asked_for(reading: Reading) -> list[Span]:
    """A review asked for outright ("we ask for a review on Yelp", "prosimy o opinię",
    "bitten wir um eine Bewertung", "le pedimos una reseña", "lūdzam atsauksmi"): an ask just
    before a review in its clause, with no change of it there (that asks to change one), the
    review not the reviewer's own unless a next visit is named, and not thanked for or
    negated. "Prosimy o kontakt w sprawie opinii" asks for contact."""
    asks = reading.live("ask_for")
    if not asks:
        return []
    found = []
    reviews = reading.find("review") + reading.find("rating")
    changes = reading.find("change")
    pairs = reading.near(asks, reviews, _ASK_FOR_WORDS, clause=True, seller_breaks=False)
    for ask, review in pairs:
        if review[0] < ask[0] or reading.thanked(review) or reading.negated(review, aside=True):
            continue
        start = clause_start(reading.text, review[0])
        end = _clause_end(reading.text, review[1])
        if any(start <= c[0] < end and not _overlaps(c, review) for c in changes):
            continue
        if _OWNED_REVIEW.search(reading.text, max(0, review[0] - 30), review[0]) and not (
            _NEXT_OCCASION.search(reading.text, sentence_start(reading.text, ask[0]), review[0])
        ):
            continue
        found.append(_joined(ask, review))
    return found


def exchanges(reading: Reading) -> list[Span]:
    """An incentive and a review in one sentence with an exchange between them ("a voucher
    in return for your feedback")."""
    found: list[Span] = []
    thanks = reading.thanks()
    unconditional = reading.find("unconditional")
    for offer in reading.live("incentive"):
        links = [
            link
            for link in reading.in_sentence("exchange", offer[0])
            if not any(_overlaps(link, every) for every in unconditional)
            and not any(t[0] <= link[0] < t[1] for t in thanks)
            and not reading.thanked(link)
            and not reading.negated(link, aside=True)
        ]
        if not links:
            continue
        reviews = reading.in_sentence("review", offer[0]) + reading.in_sentence("rating", offer[0])
        for review in reviews:
            if reading.thanked(review):
                continue
            first = min(offer[0], review[0], *(link[0] for link in links))
            last = max(offer[1], review[1], *(link[1] for link in links))
            found.append((first, last))
    return found


def accusations(reading: Reading) -> list[Span]:
    """Calling the review or the reviewer false (lie, fake, invented ...), tying either to a
    competitor, or pinning a motive on the review (revenge, blackmail, trolling, a bot)."""
    # Motives: revenge, blackmail, trolling, a paid shill; "n'est qu'une vengeance" ("is
    # nothing but revenge") keeps its motive under the negation.
    motives = [
        span
        for span in reading.find("motive")
        if not reading.negated(span) or _ONLY.search(reading.text, max(0, span[0] - 12), span[0])
    ]
    # "This review was written by a bot" (a chat answer "generated by a bot" is no review).
    motives += [
        bot
        for bot in reading.live("bot")
        if reading.in_sentence("review", bot[0]) or reading.in_sentence("rating", bot[0])
    ]
    if not (reading.find("false") or reading.find("untrue") or reading.find("competitor")):
        return motives
    targets = reading.find("review") + reading.find("you")
    # "您提到的虚假宣传" names what the reviewer said, not the review.
    falsehoods = [
        span
        for span in reading.live("false")
        if not _quoted(reading, span)
        and not _SUFFERED.search(reading.text, 0, span[0])
        and not _FAKE_THING.match(reading.text, span[1])
    ]
    pairs = reading.near(targets, falsehoods, 5, clause=True)
    # "This is invented" calls the review false; "we printed this label wrong" does not.
    pairs += [
        (claim, false)
        for claim, false in reading.near(reading.find("claim"), falsehoods, 5, clause=True)
        if not reading.seller_in_clause(min(claim[0], false[0]))
    ]
    found = [_joined(one, other) for one, other in pairs]
    found += [
        span
        for span in reading.find("untrue")
        if not reading.negated(span) or _after_and(reading, span)
    ]
    for rival in reading.live("competitor"):
        if reviewers_own(reading, rival) or _RIVALS_THING.match(reading.text, rival[1]):
            continue
        start = clause_start(reading.text, rival[0])
        index = reading.sentence(rival[0])
        near = [
            span
            for name in ("you", "review", "origin", "claim")
            for span in reading.find(name)
            if reading.sentence(span[0]) == index
            and clause_start(reading.text, span[0]) == start
            and span != rival
        ]
        if near:
            found.append(_joined(rival, near[0]))
    return found + motives


# A fake thing, not a false review: "this fake shop", "a fake account", "fake-Shop".
_FAKE_THING = re.compile(
    r"[\s-]*(?:online\s*)?(?:shops?|stores?|sites?|websites?|pages?|accounts?|profiles?|listings?|"
    r"sellers?|apps?|e-?mails?|links?|copies|copy|versions?|products?|goods|parts?|chargers?)\b"
)
# A rival's product, not a rival behind the review: "a competitor's charger", "competitor
# products", "Konkurrenzprodukte" (the word's end is matched too).
_RIVALS_THING = re.compile(
    r"(?:'s|’s)?[\s-]*(?:products?|produkt\w*|parts?|chargers?|cables?|brands?|models?|devices?|"
    r"items?|apps?|accessories|spare\s+parts)\b|(?<=produkt)|(?<=produkte)|(?<=produkten)"
)


# "Nothing but", "ne ... que", "nichts als", "non ... che": a negation that restricts, not
# denies, just before a word.
_ONLY = re.compile(r"(?:qu'|que\s|but\s|als\s|che\s)\s*(?:une?\s|una?\s|an?\s|pure\s)?\s*$")


# A lie or a fraud the reviewer suffered, not told: "让您受骗", "被骗", "you were lied to",
# "Sie sind Opfer von Betrügern geworden", "fue víctima de una estafa".
_VICTIM_OF = (
    r"(?<![^\W\d_])(?:victims?|opfer|victimas?|victimes?|vittim[ae]|vitimas?|slachtoffers?|"
    r"ofiar[aąy]?|upur(?:is|i))\s+(?:(?:of|von|de|des|du|d'|di|dei|degli|della|van|dos|das|do|"
    r"da|del|a|an|the|einem|einer|eines|un|una|une|um|uma|een)\s*){0,2}$"
)
_SUFFERED = re.compile(r"(?:受|被|上当|(?<![^\W\d_])(?:were|was|been|being)\s+)$|" + _VICTIM_OF)
# The swindlers the reviewer fell victim to are no insult to the reviewer.
_VICTIM = re.compile(_VICTIM_OF)

# Quotation marks around a single word: the reviewer's own word ("You said it looked "fake"").
_QUOTES = "\"'“”„«»‘’「」『』"


def _in_quotes(text: str, word: Span) -> bool:
    """Whether `word` stands alone between quotation marks."""
    before = text[word[0] - 1] if word[0] > 0 else ""
    after = text[word[1]] if word[1] < len(text) else ""
    return bool(before) and before in _QUOTES and bool(after) and after in _QUOTES


# Quotation marks that open or close a passage (apostrophes left out: "don't", "server's").
_PASSAGE_MARKS = frozenset('"“”„«»「」『』')


def _inside_quotation(text: str, span: Span) -> bool:
    """Whether `span` stands inside a quoted passage: an odd number of quotation marks
    before it ('our server's "hope you'll tell everyone about us" came across as pushy')."""
    return sum(char in _PASSAGE_MARKS for char in text[: span[0]]) % 2 == 1


def _quoted(reading: Reading, word: Span) -> bool:
    """Whether `word` follows a word of the reviewer saying, at most two words on in its
    clause ("you mention false advertising", "您提到的虚假宣传"), or stands in quotation
    marks as what the reviewer said in its sentence ("you said it looked "fake"")."""
    if _in_quotes(reading.text, word) and _cited(reading, word):
        return True
    start = clause_start(reading.text, word[0])
    return any(
        start <= cite[0]
        and cite[1] <= word[0]
        and words_between(reading.text, cite[1], word[0]) <= 2
        and _cited(reading, word)
        for cite in reading.find("cite")
    )


# "And" in the languages read: a negation before it covers its own verb only ("heeft het
# product nooit gebruikt en verspreidt onwaarheden").
_AND = re.compile(r"(?<![^\W\d_])(?:and|en|und|et|y|e|i|un|oraz|ir)(?![^\W\d_])|和|并且")


def _after_and(reading: Reading, span: Span) -> bool:
    """Whether an "and" stands between `span` and the negation before it."""
    pattern = reading.cues.negation
    if pattern is None:
        return False
    start = max(sentence_start(reading.text, span[0]), span[0] - 40)
    ends = [m.end() for m in pattern.finditer(reading.text, start) if m.end() <= span[0]]
    return bool(ends) and _AND.search(reading.text, ends[-1], span[0]) is not None


# How many words may stand between a word of saying and what the reviewer said ("Vous comparez
# nos tarifs à ceux d'un concurrent").
_CITE_WORDS = 6
# How many words may stand between the reviewer's own step and what it was ("you have engaged
# a lawyer", "dass Sie einen Anwalt eingeschaltet haben").
_STEP_WORDS = 4


# Between the reviewer's word and what it owns: a space, or the CJK possessive 的.
_OWNS = re.compile(r"\s*的?")


def reviewers_own(reading: Reading, word: Span) -> bool:
    """Whether `word` (a lawyer, the police, a complaint, a rival) is what the reviewer said or
    a step the reviewer took: cited (`_cited`), or a verb of taking a step ("engaged",
    "apresentou", "aangifte gedaan", "scelto", "您已经报警") or of being made to ("had to",
    "mussten", "tuvo que") next to it in its clause, the
    reviewer before both and the seller not between. Mentioning it is no threat and no
    accusation by the seller. So is one the reviewer owns ("your lawyer", "Ihr Anwalt", "您的律师"):
    the reviewer's word right before a one-word name of it (only a CJK possessive between; not
    "taking you to court")."""
    if _cited(reading, word) or _named_after(reading, word):
        return True
    text = reading.text
    one_word = not any(space.isspace() for space in text[word[0] : word[1]])
    if one_word and any(
        _OWNS.fullmatch(text, one[1], word[0]) and not _sent(reading, one)
        for one in reading.find("you")
    ):
        return True
    start, end = clause_start(text, word[0]), _clause_end(text, word[1])
    # Being made to go is a step the reviewer took too ("Sie mussten sogar zur Polizei",
    # "you even had to call the police").
    made = [
        span
        for span in reading.find("made_to")
        if not _FUTURE.search(text, max(0, span[0] - 16), span[0])
    ]
    for step in reading.find("took") + made:
        if not (start <= step[0] and step[1] <= end):
            continue
        if CJK_CHAR.match(text, step[0]):
            return True
        if step[0] >= word[1]:
            near = words_between(text, word[1], step[0]) <= _STEP_WORDS
        else:
            near = words_between(text, step[1], word[0]) <= _STEP_WORDS
        first = min(step[0], word[0])
        # The reviewer before the step, or right after it ("skorzystał Pan z porady").
        you = [
            one
            for one in reading.find("you")
            if (start <= one[0] < first and words_between(text, one[1], first) <= _STEP_WORDS)
            or (step[1] <= one[0] < word[0] and words_between(text, step[1], one[0]) == 0)
        ]
        # "Wegen Ihrer Bewertung Anzeige erstattet": "your" names the review, not who acted.
        you = [one for one in you if not _names_review(reading, one)]
        if near and you and not any(you[0][0] < we[0] < first for we in reading.find("we")):
            return True
    return False


# A future before being made to ("you will have to explain yourself to the police") is the
# seller's threat, not the reviewer's step.
_FUTURE = re.compile(
    r"(?:'ll|(?<![^\W\d_])(?:will|shall|going\s+to|werden|wird|va\s+a|vas\s+a|allez|zal|zult|"
    r"zullen|vai|vao|bedzie|busiet))\s+(?:\w+\s+)?$"
)


def _names_review(reading: Reading, you: Span) -> bool:
    """Whether the reviewer's word is the possessive of a review right after it ("Ihrer
    Bewertung", "votre avis")."""
    return any(
        you[1] <= review[0] and words_between(reading.text, you[1], review[0]) == 0
        for review in reading.find("review")
    )


def _sent(reading: Reading, you: Span) -> bool:
    """Whether the reviewer's word is the object of a word of sending right before it
    ("Przysłała Pana konkurencja": the rival sent you, not "your rival")."""
    return any(
        origin[1] <= you[0] and words_between(reading.text, origin[1], you[0]) == 0
        for origin in reading.find("origin")
    )


# How many words may stand between a word and the reviewer in the relative clause after it
# ("the lawyer (that) you consulted", "der Anwalt, den Sie eingeschaltet haben"), and between
# the reviewer and the step.
_NAMED_RELATIVE_WORDS = 4
_RELATIVE_STEP_WORDS = 3
# A relative pronoun that carries the reviewer in pro-drop languages: "el abogado que ha
# consultado", "l'avvocato che ha contattato".
# "Us" as the object of the reviewer's step: "auquel vous nous comparez".
_US = re.compile(r"nous|nas|us|uns|ci|nos|ons|mus")
_THAT = re.compile(r"(?<![^\W\d_])(?:que|che)\s+")


def _named_after(reading: Reading, word: Span) -> bool:
    """Whether a relative clause right after `word` says the reviewer took or named it ("the
    lawyer you consulted", "Der Anwalt, den Sie eingeschaltet haben", "L'avocat que vous avez
    consulté", "El abogado que ha consultado", "Jurists, ar kuru jūs konsultējāties"): the
    reviewer (or, pro-drop, "que"/"che") within four words, a step or a word of saying at
    most three words on, in one sentence, the seller neither owning the word nor between."""
    text = reading.text
    if any(we[1] <= word[0] and not words_between(text, we[1], word[0]) for we in reading.seller()):
        return False
    index = reading.sentence(word[0])
    steps = [
        span
        for span in reading.find("took") + reading.find("cite")
        if span[0] >= word[1] and reading.sentence(span[0]) == index
    ]
    if not steps:
        return False
    subjects = [
        one
        for one in reading.find("you")
        if one[0] >= word[1] and words_between(text, word[1], one[0]) <= _NAMED_RELATIVE_WORDS
    ]
    that = _THAT.match(text, word[1] + len(text[word[1] :]) - len(text[word[1] :].lstrip()))
    if that is not None:
        subjects.append((that.start(), that.start() + 3))
    for one in subjects:
        if reading.sentence(one[0]) != index:
            continue
        if any(word[1] <= we[0] < one[0] for we in reading.seller()):
            continue
        if any(
            one[1] <= step[0]
            and words_between(text, one[1], step[0]) <= _RELATIVE_STEP_WORDS
            and not any(
                one[1] <= we[0] < step[0] and not _US.fullmatch(text, we[0], we[1])
                for we in reading.seller()
            )
            for step in steps
        ):
            return True
    return False


def _recourse_words(reading: Reading) -> list[Span]:
    return reading.find("legal") + reading.find("police")


def recourse(reading: Reading) -> list[tuple[int, int, str]]:
    """The lawyers, police and complaints the reviewer took (`reviewers_own`), with their
    words."""
    return [
        (*word, reading.text[word[0] : word[1]])
        for word in _recourse_words(reading)
        if reviewers_own(reading, word)
    ]


def your_recourse(reading: Reading) -> list[tuple[int, int, str]]:
    """Lawyers, police and complaints with the reviewer's "you" just before them ("Ihrem
    Anwalt"), with their words: the reviewer's own when the reviewer took the same before."""
    you = reading.find("you")
    return [
        (*word, reading.text[word[0] : word[1]])
        for word in _recourse_words(reading)
        if any(
            one[1] <= word[0] and words_between(reading.text, one[1], word[0]) == 0 for one in you
        )
    ]


def settled_permission(reading: Reading, action: Span) -> bool:
    """Whether `action` on the review is only allowed after a condition that the problem is
    solved ("If you are satisfied that we have resolved your concerns, it is possible to
    update or remove the feedback", "Wenn Sie der Meinung sind, dass wir Ihr Anliegen gelöst
    haben, können Sie Ihr Feedback aktualisieren", "如果您认为问题已经解决，可以更新或删除"):
    the condition earlier in its sentence, a word of permission after it, no question."""
    index = reading.sentence(action[0])
    stops = reading.text[action[1] : reading.sentence_end(index) + 1]
    if "?" in stops or "？" in stops:
        return False
    conditions = [
        span for span in reading.in_sentence("settled", action[0]) if span[1] <= action[1]
    ]
    if not conditions:
        return False
    return any(
        conditions[0][1] <= word[0] < action[1] for word in reading.in_sentence("permit", action[0])
    )


def _cited(reading: Reading, word: Span) -> bool:
    """Whether `word` is what the reviewer said ("you mentioned a competitor sells it for
    less", "U noemt dat een concurrent sneller levert", "您说别家卖得更便宜"): a word of
    saying, the reviewer its subject, at most three words before it in its sentence."""
    index = reading.sentence(word[0])
    text = reading.text
    for cite in reading.find("cite"):
        if reading.sentence(cite[0]) != index:
            continue
        if cite[0] >= word[1]:
            # "Le concurrent que vous citez", "the competitor you mention": the word of saying
            # right after, in the word's clause, the reviewer in it or just before it.
            if (
                words_between(text, word[1], cite[0]) > _CITED_AFTER
                or clause_start(text, cite[0]) > word[0]
            ):
                continue
            if any(cite[0] - 12 <= one[0] <= cite[1] for one in reading.find("you")):
                return True
            continue
        if cite[1] > word[0] or words_between(text, cite[1], word[0]) > _CITE_WORDS:
            continue
        if (
            any(
                reading.sentence(one[0]) == index and cite[0] - 25 <= one[0] <= cite[1]
                for one in reading.find("you")
            )
            or CJK_CHAR.match(text, cite[0])
            or _addressed_saying(reading, cite, word)
        ):
            return True
    return False


# What follows a word of saying that opens a sentence: "Menciona que", "Dice che".
_SAID_THAT = re.compile(r"\s+(?:que|che|dass|that|qu'|o\b)")


def _addressed_saying(reading: Reading, cite: Span, word: Span) -> bool:
    """Whether a word of saying has the reviewer for its subject though no "you" stands before
    it: the reviewer right after it ("Wspomina Pani o prawniku", "porównuje nas Pan"), or the
    verb opening the sentence with "that" after it ("Menciona que ...", pro-drop); the seller
    neither before it in its clause nor owning `word` ("comenta que es falso, pero nuestro
    abogado ...")."""
    text = reading.text
    start = clause_start(text, cite[0])
    if any(
        start <= we[0] < cite[0]
        or (cite[1] <= we[0] and we[1] <= word[0] and not words_between(text, we[1], word[0]))
        for we in reading.seller()
    ):
        return False
    if any(
        one[0] >= cite[1] and words_between(text, cite[1], one[0]) <= 1
        for one in reading.find("you")
    ):
        return True
    opens = not words_between(text, sentence_start(text, cite[0]), cite[0])
    return opens and _SAID_THAT.match(text, cite[1]) is not None


# How many words may stand between a word and the reviewer's saying of it after it.
_CITED_AFTER = 2


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
    )
    if not any(reading.find(name) for name in anchors):
        return []
    you = [span for span in reading.find("you") if not reading.negated(span)]
    found = [
        _joined(fault, one)
        for fault, one in reading.near(reading.live("fault"), you, 2, clause=True)
        if _owned(reading.text, fault, one) and not _blame_disclaimed(reading, fault)
    ]
    found += [span for span in reading.live("yourfault") if not reading.holds_negation(span)]
    # Phrases whose own negation blames ("not our app", "il ne faut pas vous étonner", "moet
    # u niet klagen").
    found += [span for span in reading.live("blame_said") if not reading.thanked(span)]
    for misuse in reading.live("misuse"):
        # "U heeft niets verkeerd gedaan": a misuse denied inside its own phrase.
        if reading.holds_negation(misuse) or _NOTHING.search(reading.text, *misuse):
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
        if _someone_else(reading, neglect):
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
    found += _lessons(reading)
    found += _hedged_advice(reading)
    found += _ignored(reading)
    # "The care card says 30° for a reason": the instructions were there to be followed.
    found += [span for span in reading.find("for_reason") if reading.in_sentence("guide", span[0])]
    # "If you leave them without water for three days, of course they wilt": the reviewer's
    # act, then its natural outcome.
    for act in reading.find("you_did"):
        if not _CONDITION.match(reading.text, act[0]):
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
        if not _felt(reading, span) and not reading.thanked(span)
    ]
    found += _of_course_acts(reading)
    found += _helpless(reading)
    found += _caused(reading)
    found += _counterfactual(reading)
    found += _complaint(reading)
    found += _provided(reading)
    found += _conditioned_denials(reading)
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
    return not any(_overlaps(subject, other) for other in reading.find("you") + reading.find("we"))


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
        if _felt(reading, helpless):
            continue
        index = reading.sentence(helpless[0])
        for condition in conditions:
            if reading.sentence(condition[0]) != index or condition[1] > helpless[0]:
                continue
            if reading.seller_in_clause(condition[1]):
                continue
            if any(condition[1] <= wrong[0] < helpless[0] for wrong in reading.find("wrong_own")):
                found.append(_joined(condition, helpless))
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
            found.append(_joined(natural, acts[0]))
    return found


# "Nothing" inside a misuse phrase denies it: "u heeft niets verkeerd gedaan".
_NOTHING = re.compile(
    r"(?<![^\W\d_])(?:nothing|nichts|nada|rien|niente|nic|niets|niks|neko)(?![^\W\d_])|没有|沒有"
)
# A result that is no problem at all: "there would be no problem", "no habría ningún
# problema", "non ci sarebbe alcun problema".
_NO_PROBLEM = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:problem|probleme|problema|inconveniente|probleem|problem[aeu]|"
    r"issue|trouble)|(?:什么|任何)?问题"
)


def _felt(reading: Reading, span: Span) -> bool:
    """Whether a feeling or an apology stands in the sentence of `span`, after it or before it
    with no "but" between ("I understand you're upset because you waited", "... is to be
    expected, but three weeks is too long and we are sorry"): "Sorry, but it broke because
    you dropped it" keeps its blame."""
    return any(
        feeling[0] > span[0] or not _TURN.search(reading.text, feeling[1], span[0])
        for feeling in reading.in_sentence("feeling", span[0])
    )


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
            and not _TURN.search(reading.text, we[1], because[0])
            for we in seller
        ):
            continue
        if _felt(reading, because) or any(
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
        end = _clause_end(reading.text, because[1])
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
            clause = reading.text[condition[0] : _clause_end(reading.text, condition[1])]
            if _DIGIT.search(clause) or reading.in_sentence("feeling", condition[0]):
                continue
            left, right = (works, condition) if works[0] < condition[0] else (condition, works)
            if words_between(reading.text, left[1], right[0]) <= _PROVIDED_WORDS:
                found.append(_joined(works, condition))
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
            if reading.sentence(result[0]) != index or _overlaps(result, condition):
                continue
            if reading.seller_in_clause(result[0]) or reading.seller_acts(result):
                continue
            # "Si quisiera cambiar la fecha, no habría ningún problema": an offer.
            if _NO_PROBLEM.match(reading.text, result[1]):
                continue
            # "le habría avisado": the seller acting on the reviewer.
            if any(
                one[1] <= result[0] and not reading.text[one[1] : result[0]].strip() for one in you
            ):
                continue
            found.append(_joined(condition, result))
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
        if _felt(reading, denial):
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
                found.append(_joined(condition, denial))
                break
    return found


def blame_grounds(reading: Reading) -> list[Span]:
    """Where the reply says what the reviewer did, sets the reviewer's act as a condition or
    a cause, or names the instructions: what an outcome "only to be expected" follows."""
    names = ("you_did", "if_you", "because_you", "if_you_had", "guide", "misuse")
    return sorted(span for name in names for span in reading.find(name))


def expected_outcomes(reading: Reading) -> list[Span]:
    """An outcome called only to be expected ("Trudno się dziwić, że nie przetrwała", "is dit
    het te verwachten resultaat", "拿去游泳坏掉也是意料之中的事", "wer ... darf sich nicht
    wundern"): blame just after the reviewer's act or the instructions (`blame_grounds`,
    related in `checker._related`); not said of the reviewer's feelings ("no wonder you were
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
        if not _felt(reading, outcome):
            found.append(outcome)
    return found


# How many words may part a complaint from the word that calls it odd or unfair.
_COMPLAINT_WORDS = 9


def _complaint(reading: Reading) -> list[Span]:
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
        if _felt(reading, word):
            continue
        for complaint in reading.find("complain"):
            if reading.sentence(complaint[0]) != index or complaint[0] < word[1]:
                continue
            # "It's not fair that you had to complain twice", "dass Sie sich zweimal
            # beschweren mussten": made to complain.
            end = _clause_end(reading.text, complaint[1])
            if any(word[1] <= made[0] < end for made in reading.find("made_to")):
                continue
            if words_between(reading.text, word[1], complaint[0]) <= _COMPLAINT_WORDS:
                found.append(_joined(word, complaint))
                break
    return found


def others_fine(reading: Reading) -> list[Span]:
    """Other customers said to have no trouble ("Thousands of customers order without a
    hitch", "别的买家都用得好好的"): blame when the reviewer is then sent to check their own
    side (`own_checks`, related in `checker._related`)."""
    return reading.find("others_fine")


def own_checks(reading: Reading) -> list[Span]:
    """Checks the reviewer is sent to with a hedge or to their own side ("maybe check your
    settings", "die eigenen Eingaben noch einmal prüfen", "建议先检查一下自己的操作"), not the
    seller's own ("we will check your order") and not a plain tip ("please check your spam
    folder")."""
    return [
        span
        for span in reading.find("check")
        if not reading.seller_in_clause(span[0]) and reading.in_sentence("hedge", span[0])
    ]


def own_errors(reading: Reading) -> list[Span]:
    """The reviewer's own side or error named ("your own network", "U heeft de instellingen
    verkeerd gezet", "是您自己的设置错误", "o erro é de quem digita errado"): blame when it
    follows other customers' ease (`others_fine`, related in `checker._related`). Not in the
    seller's clause, not denied ("you did nothing wrong"), not beside an apology or a feeling."""
    return [
        span
        for span in reading.find("own_error")
        if not reading.seller_in_clause(span[0])
        and not reading.negated(span)
        and not _NOTHING.search(reading.text, *span)
        and not _felt(reading, span)
    ]


# A condition that opens the reviewer's act: "if you ...", "als u ...", "wer ... wäscht".
_CONDITION = re.compile(r"(?:if|when|als|wenn|wer|si|se|jesli|gdy|ja|indien|quando|cuando)\b")


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
        end = _clause_end(reading.text, after)
        if any(after <= we[0] < end for we in reading.seller()):
            continue
        found.append(_joined(guide, clear))
    return found


def _turns(reading: Reading) -> list[Span]:
    """Where the reply turns: "but", "however", "that said", "allerdings", "tomēr", "不过"."""
    spans = [match.span() for match in _TURN.finditer(reading.text)]
    return sorted(spans + reading.find("however"))


def cited_guides(reading: Reading) -> list[Span]:
    """A turn to what the instructions said ("That said, the delivery note asked you to ...",
    "pero las instrucciones indican ...", "In der Anleitung steht allerdings ...", "Tomēr ...,
    par to bija rakstīts instrukcijā"), from the turn to the instructions: blame after a regret
    (`regret_turned`, related in `checker._related`, perhaps across the parts of a draft). The
    instructions later in the turn's sentence, or in its clause (German puts "allerdings" after
    them), said to say something (`_cited_back`)."""
    guides = reading.find("guide")
    if not guides:
        return []
    found: list[Span] = []
    for turn in _turns(reading):
        index = reading.sentence(turn[0])
        for guide in guides:
            if reading.sentence(guide[0]) == index and _cited_back(reading, turn, guide):
                found.append(_joined(turn, guide))
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
    givens = reading.find("given")
    if not givens:
        return []
    wrongs = [
        _joined(wrong, given)
        for wrong, given in reading.near(reading.find("wrong_own"), givens, 3, clause=True)
        if not _seller_subject_in_clause(reading, wrong[0])
        and _in_clause(reading, "detail", wrong[0])
        and not _in_clause(reading, "guide", wrong[0])
    ]
    found: list[Span] = []
    for turn in _turns(reading) if wrongs else []:
        index = reading.sentence(turn[0])
        later = [w for w in wrongs if reading.sentence(w[0]) == index and w[0] > turn[1]]
        if later:
            found.append(_joined(turn, later[0]))
    return found


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
    return [span for span in feelings if not any(_overlaps(span, joy) for joy in pleased)]


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
        if reading.seller_in_clause(act[0]) and not any(_overlaps(act, h) for h in helpless)
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
    start, end = clause_start(text, guide[0]), _clause_end(text, guide[1])
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
        min(turn[0], start) <= said[0] < sentence_end and not _overlaps(said, guide)
        for said in reading.find("states")
    )


def _owns_fault(reading: Reading) -> bool:
    """Whether the seller owns a fault anywhere in the reply ("our mistake", "unser Fehler",
    "colpa nostra"), not denied ("not our fault")."""
    return bool(reading.live("own_fault"))


def reviewer_acts(reading: Reading) -> list[Span]:
    """Where the reply says what the reviewer did ("Sie haben Größe M bestellt", "您自己选错")."""
    return reading.find("you_did")


def _ignored(reading: Reading) -> list[Span]:
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
                found.append(_joined(ignore, guide))
                break
    return found


def _lessons(reading: Reading) -> list[Span]:
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
                found.append(_joined(lesson, check))
                break
    return found


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
    or is sorry just after (`unexcused`, related in `checker._related`). Not the seller's own
    arrival ("our fitter was booked for 9:00 and arrived at 10:30"), not beside an apology or
    a feeling, not conceded after a turn ("Sie kamen um 19:05, und trotzdem mussten Sie
    warten")."""
    bookings = reading.find("booked")
    if not bookings:
        return []
    arrivals = reading.find("arrived")
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
            if reading.seller_in_clause(arrival[0]) or _felt(reading, arrival):
                continue
            if any(
                turn[0] > arrival[1] and reading.sentence(turn[0]) == index
                for turn in _turns(reading)
            ):
                continue
            found.append(_joined(booking, arrival))
            break
    return found + _late_by(reading, bookings, arrivals)


# A stretch of time late or after ("40 minutes after the slot", "eine Stunde zu spät", "con 30
# minutos de retraso", "20 minuti dopo", "pół godziny po czasie", "迟到了40分钟"), folded text.
_LATE_BY = re.compile(
    r"(?<![^\W\d_])(?:\d+|half\s+an|an|a\s+good|eine|einer|halbe|media|una|une|un|demi|"
    r"mezz|meia|uma|een|half|pol|pus)\s*(?:-\s*)?(?:minutes?|mins?|hours?|minuten|stunden?|"
    r"minutos?|horas?|heures?|minuti|ore|ora|uur|minuut|minut\w*|godzin\w*|stund\w*|"
    r"minut\w*)\s+(?:\w+\s+){0,1}?(?:late\b|after\b|too\s+late|zu\s+spat|spater|nach\b|"
    r"tarde|de\s+retraso|de\s+atraso|atrasad|despues|en\s+retard|trop\s+tard|apres|"
    r"in\s+ritardo|dopo\b|di\s+ritardo|depois|te\s+laat|later|na\b|po\b|za\s+pozno|"
    r"spozni|velak|par\s+velu|pec\b)|"
    r"了?\s*\d+\s*(?:分钟|分鐘|个小时|個小時|小时|小時)"
)
# How many words may part an arrival from how late it was.
_LATE_WORDS = 6


def _late_by(reading: Reading, bookings: Sequence[Span], arrivals: Sequence[Span]) -> list[Span]:
    """The reviewer's arrival said to be some time late after a booking named earlier ("Our
    confirmation mentions the slot ... and your party turned up 40 minutes after it", "Sie
    sind mit einer Stunde Verspätung zum Termin gekommen", "您迟到了40分钟"): the reviewer
    in the arrival's clause before it, how late within a few words after it. Not the
    seller's own arrival, not beside an apology or a feeling, not conceded after a turn."""
    found: list[Span] = []
    text = reading.text
    for arrival in arrivals:
        if not any(booking[1] <= arrival[0] for booking in bookings):
            continue
        start = clause_start(text, arrival[0])
        if not any(start <= one[0] < arrival[0] for one in reading.find("you")):
            continue
        late = _LATE_BY.search(text, arrival[1], _clause_end(text, arrival[1]))
        if late is None or words_between(text, arrival[1], late.start()) > _LATE_WORDS:
            continue
        if reading.seller_in_clause(arrival[0]) or _felt(reading, arrival):
            continue
        index = reading.sentence(arrival[0])
        if any(t[0] > late.end() and reading.sentence(t[0]) == index for t in _turns(reading)):
            continue
        found.append((arrival[0], late.end()))
    return found


def _asks_question(reading: Reading, index: int) -> bool:
    """Whether sentence `index` ends in a question mark."""
    end = reading.sentence_end(index)
    return reading.text[end : end + 1] in ("?", "？") and end < len(reading.text)


def _seller_subject_in_clause(reading: Reading, position: int) -> bool:
    """Whether the seller speaks of itself in the clause of `position` other than as an
    object ("tell us", "sagen Sie uns" name the seller without making it the subject); the
    one advised is its subject ("mums vajadzētu", "ci conviene")."""
    text = reading.text
    start, end = clause_start(text, position), _clause_end(text, position)
    objects = {
        one
        for one in reading.find("we_object")
        if not any(
            word[0] >= one[1] and not text[one[1] : word[0]].strip()
            for word in reading.find("advisable")
        )
    }
    return any(start <= we[0] and we[1] <= end and we not in objects for we in reading.seller())


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


def _hedged_advice(reading: Reading) -> list[Span]:
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
            if _seller_subject_in_clause(reading, word[0]) or _seller_subject_in_clause(
                reading, lesson[0]
            ):
                continue
            # "Maybe next time you should try the lamb": an invitation, not a lesson.
            end = _clause_end(reading.text, word[1])
            if any(word[1] <= treat[0] < end for treat in reading.find("invite_try")):
                continue
            if _felt(reading, word):
                continue
            maybe = min(m for m in maybes if reading.sentence(m[0]) == index)
            found.append(_joined(_joined(maybe, lesson), word))
            break
    return found


# Words that may stand between a fault and its owner: "the fault is yours", "la colpa è
# sua", "culpa suya", "wina Pana".
_COPULA = re.compile(
    r"\s*(?:(?:is|was|lies|lay|es|fue|era|e|foi|est|etait|ist|war|ir|bija|jest|byla|byl|"
    r"entirely|all|totally|solely|toda|tutta|toute|ganz|completely|only|purely)\s*)*",
)


# An article between "you" and a fault means the pronoun does not own it: "bitte
# entschuldigen Sie den Fehler" (please excuse the mistake) is an apology, not blame.
_ARTICLE = re.compile(
    r"\W*(?:the|a|an|der|die|das|den|dem|des|ein|eine|einen|einem|le|la|les|un|une|il|lo|"
    r"gli|el|los|las|het|een|de)\W*"
)


def _owned(text: str, fault: Span, owner: Span) -> bool:
    """Whether `owner` (you, your ...) owns `fault`: "your fault", "your own fault", or the
    fault first and then only a copula ("the fault is yours", "la colpa è sua")."""
    if owner[0] < fault[0]:
        between = text[owner[1] : fault[0]]
        return words_between(text, owner[1], fault[0]) <= 1 and not _ARTICLE.fullmatch(between)
    between = text[fault[1] : owner[0]]
    return _COPULA.fullmatch(between) is not None or not between.strip()


def threats(reading: Reading) -> list[Span]:
    """Courts, lawyers and lawsuits, "you will regret it", insults, and sending the reviewer
    away; customers "like you" said to be unwanted, a lesser food or place said to fit the
    reviewer ("fast food is more your level"), mockery that needs no "you" ("you clearly
    have too much free time", "such nonsense"), exposing the reviewer (their name put up,
    their employer or other businesses told) and the review taken to the police."""
    services = legal_services(reading)
    legal = [span for span in reading.live("legal") if span not in services]
    # A lawyer or a complaint the reviewer took is theirs, not the seller's threat; nor is a
    # lawyer said to have no part in it ("Our lawyer has nothing to do with this").
    legal = [
        span for span in legal if not reviewers_own(reading, span) and not no_part(reading, span)
    ]
    found = legal + reading.live("regret")
    # The police against the reviewer, not a theft the seller reported nor a report the
    # reviewer made.
    you = reading.find("you")
    police = reading.live("police")
    police = [span for span in police if not reviewers_own(reading, span)]
    found += [_joined(call, one) for call, one in reading.near(police, you, 2, clause=True)]
    # Chinese says "will call the police" without naming anyone.
    found += [call for call in police if CJK_CHAR.match(reading.text, call[0])]
    found += [
        word for word in reading.live("insult") if not _VICTIM.search(reading.text, 0, word[0])
    ]
    # Sending the reviewer away with scorn: "go eat somewhere else", "kaufen Sie eben
    # woanders", "on se passera de clients comme vous", "买不起就别买".
    found += reading.live("dismiss")
    found += _unwanted_customers(reading)
    found += _sent_down(reading)
    # Mockery that needs no "you": "Lesen scheint schwer", "quite the tantrum", "没见过世面".
    found += reading.live("mock")
    # "Such nonsense" scorns the text under a negation too ("we won't answer such nonsense").
    found += reading.find("drivel")
    # Exposing the reviewer: their name or photo put up, their employer or other businesses
    # told, "we identified you on our cameras".
    found += reading.live("expose")
    found += _reported_review(reading)
    you = reading.find("you")
    for word in reading.live("belittle"):
        start = clause_start(reading.text, word[0])
        if any(
            start <= one[0]
            and one[1] <= word[0]
            and words_between(reading.text, one[1], word[0]) <= _reach(reading.text, one)
            for one in you
        ):
            found.append(word)
    return found


# "Has nothing to do with it", a word or two after a legal word, in the languages read.
_NO_PART = re.compile(
    r"\s*(?:[^\W\d_]+\s+){0,2}?(?:(?:has|have|had)\s+nothing\s+to\s+do\s+with|"
    r"(?:hat|haben)\s+(?:damit\s+|hiermit\s+)?nichts\s+(?:damit\s+)?zu\s+tun|"
    r"no\s+tienen?\s+nada\s+que\s+ver|n.(?:a|ont)\s+rien\s+a\s+voir|"
    r"(?:heeft|hebben)\s+(?:er\s+)?niets\s+mee\s+te\s+maken|non\s+c.entra|"
    r"nao\s+tem\s+nada\s+a\s+ver|nie\s+ma\s+(?:z\s+tym\s+)?nic\s+wspolnego|"
    r"nav\s+nekada\s+sakara|(?:与此|和这|跟这|與此|和這|跟這)?(?:无关|無關|没有关系|沒有關係))"
)


_YET = re.compile(
    r"(?<![^\W\d_])(?:yet|so\s+far|noch|todavia|aun|encore|nog|ancora|ainda|jeszcze|vel)"
    r"(?![^\W\d_])|还|還|暂时|暫時"
)


def no_part(reading: Reading, span: Span) -> bool:
    """Whether the lawyer or court at `span` is said to have no part in it ("Our lawyer has
    nothing to do with this", "Unser Anwalt hat damit nichts zu tun", "我们的律师与此无关")."""
    found = _NO_PART.match(reading.text, span[1])
    if found is None:
        return False
    # "... nothing to do with this yet" keeps the lawyer in reserve.
    rest = reading.text[found.end() : found.end() + 30]
    return _YET.search(re.split(r"[.!?;:,。！？；，]", rest)[0]) is None


# How far apart the reviewer's right and the recourse it names may stand (words).
_RIGHT_WORDS = 12


def _their_right(reading: Reading, legal: Span) -> bool:
    """Whether `legal` is recourse the reviewer is told is theirs by right, in its sentence
    with no "but" between and the seller not in the legal word's clause before it: "You're
    entitled to take this to the small claims court", "Dass Sie über einen Anwalt
    nachdenken, ... das ist Ihr gutes Recht", "Tiene todo el derecho a acudir a un abogado",
    "您有权向法院起诉"; "you have every right to complain, and we have every right to take you
    to court" and "... but our lawyer will be in touch" keep their threat."""
    text = reading.text
    clause = clause_start(text, legal[0])
    if any(clause <= we[0] < legal[0] for we in reading.find("we")):
        return False
    for right in reading.in_sentence("your_right", legal[0]):
        left, later = (right, legal) if right[0] < legal[0] else (legal, right)
        if words_between(text, left[1], later[0]) > _RIGHT_WORDS:
            continue
        if _TURN.search(text, left[1], later[0]) is None:
            return True
    return False


def _unwanted_customers(reading: Reading) -> list[Span]:
    """Customers "like you" said to be unwanted in one sentence: "Kunden wie Sie brauchen wir
    nicht", "des clients comme vous, on s'en passe", "tādi klienti kā jūs mums nav vajadzīgi"
    ("customers like you make our day" praises)."""
    return [
        _joined(like, unneeded)
        for like, unneeded in reading.near(
            reading.find("like_you"), reading.live("unneeded"), 8, seller_breaks=False
        )
    ]


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


def _sent_down(reading: Reading) -> list[Span]:
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
    return [
        _joined(low, fit)
        for low, fit in reading.near(
            lesser, reading.live("suits_you"), _SENT_DOWN_WORDS, seller_breaks=False
        )
    ]


def data_held(reading: Reading) -> list[Span]:
    """Where the seller says it holds the reviewer's address, data or pictures ("we have your
    address", "Die Adresse steht ja auf dem Lieferschein", "Abbiamo le immagini della
    telecamera", "mums ir kameras ieraksti"): a threat with a visit or a publication after it
    (`confronts`), perhaps in a later sentence."""
    return reading.find("your_data")


def confronts(reading: Reading) -> list[Span]:
    """A visit to sort the review out in person ("pay you a visit", "explain in person how
    things work", "von Angesicht zu Angesicht klären") or what is held put on show ("we will
    post them online", "le pubblicheremo", "nous les publierons", "opublikujemy je"): a
    threat after `data_held`; "we will never publish it" is none."""
    return reading.live("confront")


# How many words may stand between the seller and the review it hands on ("we have
# forwarded your review").
_HANDED_WORDS = 3


def _reported_review(reading: Reading) -> list[Span]:
    """The seller handing the review to the police ("we have passed your review to the
    police", "Nous avons transmis votre avis ... à la gendarmerie"): the seller at most three
    words before the review, the police later in the clause; not "we reported the theft you
    describe in your review to the police" nor the reviewer's own report."""
    text = reading.text
    found = []
    for call in reading.live("police"):
        if reviewers_own(reading, call):
            continue
        start = clause_start(text, call[0])
        for review in reading.find("review"):
            if not start <= review[0] < call[0]:
                continue
            if any(
                start <= we[0]
                and we[1] <= review[0]
                and words_between(text, we[1], review[0]) <= _HANDED_WORDS
                for we in reading.seller()
            ):
                found.append(_joined(review, call))
                break
    return found + _police_unless(reading) + _handed_review(reading)


# "In your review": what the review tells, not the review handed on ("the theft you describe
# in your review").
_IN_REVIEW = re.compile(
    r"(?<![^\W\d_])(?:in|im|dans|en|nella|nel|na|no|w|we|uit|from|aus)\s+(?:\w+\s+)?$"
)


def _handed_review(reading: Reading) -> list[Span]:
    """The review handed on to the police in one clause ("your review has been forwarded to the
    police", "Ihre Bewertung wurde an die Polizei weitergeleitet", "Jūsu atsauksme ir nodota
    policijai"): a review word, a word of handing on and the police in one clause, the review
    not what something is told in ("the theft described in your review")."""
    text = reading.text
    found = []
    for call in reading.live("police"):
        if reviewers_own(reading, call):
            continue
        start, end = clause_start(text, call[0]), _clause_end(text, call[1])
        hands = [h for h in reading.find("handed") if start <= h[0] and h[1] <= end]
        if not hands:
            continue
        for review in reading.find("review"):
            if not (start <= review[0] and review[1] <= end):
                continue
            if _IN_REVIEW.search(text, max(start, review[0] - 16), review[0]):
                continue
            found.append((min(review[0], call[0]), max(review[1], call[1])))
            break
    return found


def _police_unless(reading: Reading) -> list[Span]:
    """The police made a condition of the review: "if this review is not deleted, the
    recordings go to the police", "Ja šī atsauksme netiks dzēsta, ierakstus nodosim policijai",
    "if you post this again, we will call the police": "if" opening the sentence, a negation
    and a review word (or "again" and a review or posting word) after it, the police after all
    ("if your review describes a theft, please report it to the police" sets no condition).
    """
    text = reading.text
    found = []
    for call in reading.live("police"):
        if reviewers_own(reading, call):
            continue
        start = sentence_start(text, call[0])
        opening = _IF_OPENING.match(text, start + len(text[start:]) - len(text[start:].lstrip()))
        if opening is None or opening.end() > call[0]:
            continue
        negation = reading.cues.negation
        again = _AGAIN.search(text, opening.end(), call[0]) is not None
        if (
            not again
            and not _NOT_DONE.search(text, opening.end(), call[0])
            and (negation is None or negation.search(text, opening.end(), call[0]) is None)
        ):
            continue
        # "If this review is not deleted ...", "if you post this again ...".
        named = [*reading.in_sentence("review", call[0])]
        if again:
            named += reading.in_sentence("publish", call[0])
        if any(opening.end() <= word[0] and word[1] <= call[0] for word in named):
            found.append((opening.start(), call[1]))
    return found


# "Again": "if you post this again", "wenn Sie das noch einmal posten", "si vuelve a ...".
_AGAIN = re.compile(
    r"(?<![^\W\d_])(?:again|once\s+more|noch\s*(?:ein)?mal|erneut|wieder|de\s+nuevo|otra\s+vez|"
    r"vuelve\s+a|de\s+nouveau|encore|nogmaals|opnieuw|weer|di\s+nuovo|ancora|novamente|de\s+novo|"
    r"outra\s+vez|ponownie|znowu|jeszcze\s+raz|vel\s+reiz|atkal)(?![^\W\d_])|再次|又"
)


# Latvian negates the verb itself: "netiks dzēsta", "nebūs", "netiek".
_NOT_DONE = re.compile(r"(?<![^\W\d_])ne(?:tiks|tiek|bus|tika)(?![^\W\d_])")
# "If" opening a sentence, in the languages read.
_IF_OPENING = re.compile(
    r"(?:if|wenn|falls|si|se|jesli|jezeli|ja|als|indien|tenzij|unless|如果|若)(?![^\W\d_])"
)


def legal_services(reading: Reading) -> list[Span]:
    """The legal words that work for the reviewer (`_legal_service`)."""
    return [span for span in reading.find("legal") if _legal_service(reading, span)]


# How far a negation before a legal word reaches in its clause ("we never want a customer to
# feel they need a lawyer").
_LEGAL_NEGATION_WORDS = 8


def _unwanted(reading: Reading, legal: Span) -> bool:
    """Whether a negation earlier in the clause covers a legal word that is not the seller's
    ("we never want a customer to feel they need a lawyer"); "we will not hesitate to call
    our lawyers" and "don't make us sue" keep their threat: the seller stands between."""
    pattern = reading.cues.negation
    if pattern is None:
        return False
    start = clause_start(reading.text, legal[0])
    ends = [m.end() for m in pattern.finditer(reading.text, start) if m.end() <= legal[0]]
    if not ends or words_between(reading.text, ends[0], legal[0]) > _LEGAL_NEGATION_WORDS:
        return False
    return not any(ends[0] <= we[0] and we[1] <= legal[1] for we in reading.find("we"))


def _legal_service(reading: Reading, legal: Span) -> bool:
    """Whether a legal word works for the reviewer, not against them: under a negation that
    covers its sentence ("we never want a customer to feel they need a lawyer"), recourse
    the reviewer is told is theirs by right (`_their_right`), or the
    seller's lawyers checking a warranty or the terms ("Notre service juridique a vérifié les
    conditions de garantie", "Mūsu jurists pārbaudīja garantijas noteikumus") in a sentence
    that names no review."""
    if _unwanted(reading, legal) or _their_right(reading, legal):
        return True
    index = reading.sentence(legal[0])
    start = clause_start(reading.text, legal[0])
    # "your review" names the review, not a check of it.
    yours = [one[1] for one in reading.find("you")]
    named = {
        review
        for review in reading.in_sentence("review", legal[0])
        if any(at <= review[0] and not words_between(reading.text, at, review[0]) for at in yours)
    }
    checked = [
        span
        for span in reading.in_sentence("vetting", legal[0])
        if span != legal
        and clause_start(reading.text, span[0]) == start
        and not any(_overlaps(span, review) for review in named)
    ]
    # "Our legal team reviewed the warranty" names no review.
    reviews = reading.in_sentence("review", legal[0]) + reading.in_sentence("rating", legal[0])
    if any(not any(_overlaps(review, check) for check in checked) for review in reviews):
        return False
    return bool(checked) and any(
        reading.sentence(term[0]) == index for term in reading.find("terms")
    )


# Possessives: "your stupid comment" belittles, "your comment about the stupid parking rules"
# does not; "you are so stupid" reaches further.
_POSSESSIVE = re.compile(r"your|ihr\w*|dein\w*|votre|vos|ton|ta|tes|jouw|uw|jusu|tavs|tava|tavu")


def _reach(text: str, you: Span) -> int:
    """How many words may stand between the reviewer and a word that belittles them."""
    return 1 if _POSSESSIVE.fullmatch(text[you[0] : you[1]]) else 3


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
    found: list[Span] = list(reading.live("divert")) + _unposted(reading) + _split(reading)
    found += gated_by_score(reading)
    # "Don't post it here", "nicht ins Internet", "nerakstiet šeit", "不要在这里打分".
    found += [span for span in reading.find("not_here") if not reading.thanked(span)]
    # "Don't write a bad review", "Schreiben Sie keine schlechte Bewertung": a bad review
    # under a negation.
    reviews = reading.find("review") + reading.find("rating")
    for bad, review in reading.near(reading.find("bad"), reviews, 1, clause=True):
        if bad[0] < review[0] and reading.negated(bad) and not reading.thanked(bad):
            found.append(_joined(bad, review))
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
            found.append(_joined(only, mood))
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
                found.append(_joined(happy, other))
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
            reading.sentence(o[0]) == index and not _overlaps(o, until)
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
            found.append(_joined(until, max(review, change)))
            break
    return found


def still_up(reading: Reading) -> list[Span]:
    """The review said to be still up ("a avaliação continua aí", "这则负评仍未撤下"):
    pressure when a demand follows (`checker._related`)."""
    return [span for span in reading.live("still_up") if not reading.thanked(span)]


def pushes(reading: Reading) -> list[Span]:
    """More contact ("blijven contact opnemen", "持续联系"), and demands and deadlines
    ("Exigimos", "今天之内") in a sentence that turns to the reviewer (a "you") or to a change
    the seller does not make ("zostanie usunięta", "que a retire"), and in which the seller
    reports no change of its own: not "we fixed it immediately"."""
    found = reading.live("chase")
    for word in reading.live("pressure"):
        index = reading.sentence(word[0])
        changes = [span for span in reading.live("change") if reading.sentence(span[0]) == index]
        if any(reading.seller_acts(change) for change in changes):
            continue
        if changes or any(reading.sentence(one[0]) == index for one in reading.find("you")):
            found.append(word)
    return found


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
                found.append(_joined(ask, word))
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


def scorned(reading: Reading) -> list[Span]:
    """Scorn for the review itself ("what a clueless, entitled review", "un commentaire aussi
    stupide", "qué reseña más ridícula", "your review is ridiculous"), not negated: a scornful
    word just before a review word, or just after it with at most an intensifier or a copula
    between ("the review about the stupid parking rules" scorns the rules)."""
    if not reading.find("scorn"):
        return []
    reviews = reading.find("review") + reading.find("rating")
    reviews += [match.span() for match in _COMPLAINT_NOUN.finditer(reading.text)]
    found = []
    for word, review in reading.near(
        reading.live("scorn"), reviews, 2, clause=True, seller_breaks=False
    ):
        if word[0] > review[0]:
            between = reading.text[review[1] : word[0]]
            if words_between(reading.text, review[1], word[0]) > 1 or (
                between.strip() and not _INTENSIFIER.fullmatch(between.strip())
            ):
                continue
        found.append(_joined(word, review))
    return found


# The complaint itself, scorned like the review: "what a ridiculous complaint", "une
# plainte ridicule", "qué queja más absurda", "这种投诉太可笑".
_COMPLAINT_NOUN = re.compile(
    r"(?<![^\W\d_])(?:complaints?|rant|moaning|beschwerde|klage|queja|reclamacion|plainte|"
    r"reclamation|klacht|lamentela|reclamo|reclamacao|queixa|skarga|reklamacja|sudziba)"
    r"(?![^\W\d_])|投诉|投訴|抱怨"
)
# What may stand between a review and the scorn after it: "reseña más ridícula", "avis
# vraiment stupide", "recensione così ridicola", "review is ridiculous".
_INTENSIFIER = re.compile(
    r"mas|mais|plus|piu|more|aussi|si|tellement|vraiment|cosi|tao|tak|zo|so|too|really|truly|"
    r"very|muy|tres|"
    r"molto|bardzo|erg|echt|loti|cik|wirklich|sehr|ganz|is|was|ist|war|es|fue|est|etait|e|"
    r"era|jest|byla|byl|ir|bija|是|很|太|真",
)


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
            found.append(_joined(chase, live[0]))
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


def review_harms(reading: Reading) -> list[Span]:
    """The review said to cost the business ("this one review is costing us members", "Diese
    Bewertung zieht unseren Schnitt runter", "una sola estrella nos hunde", "这个差评对我们小店
    影响很大"), not negated, in a sentence that names the review or its staying up. Told alone
    it presses no one; after repeated contact or beside an ask to change the review it is
    pressure (`chased_then_pressed`)."""
    found = []
    for harm in reading.live("costs_us", aside=True):
        if any(reading.in_sentence(name, harm[0]) for name in ("review", "rating", "still_up")):
            found.append(harm)
    return found


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


def made(reading: Reading, offer: Span) -> bool:
    """Whether `offer` is a remedy already given ("we have issued a full refund", "Die
    Erstattung ist veranlasst", "il rimborso è già partito"): a word of something done in its
    clause and no request or condition in its sentence. Given unconditionally, it cannot be
    an offer for the review."""
    start = clause_start(reading.text, offer[0])
    end = _clause_end(reading.text, offer[1])
    if reading.in_sentence("unconditional", offer[0]) and not reading.in_sentence(
        "exchange", offer[0]
    ):
        # "The 5.3 release restores the free export for everyone": not for a review.
        return not reading.in_sentence("request", offer[0])
    if not any(
        start <= done[0] and done[1] <= end and _covers(reading, done, offer)
        for done in reading.find("done")
    ):
        return False
    index = reading.sentence(offer[0])
    question = reading.text[reading.sentence_end(index) : reading.sentence_end(index) + 1]
    return question not in ("?", "？") and not reading.in_sentence("request", offer[0])


def _covers(reading: Reading, done: Span, offer: Span) -> bool:
    """Whether the word of something done covers `offer`: not when the offer is joined after
    it by "and" ("wir haben den Betrag erstattet und legen einen Gutschein bei": the voucher
    is still to come)."""
    return not (done[1] <= offer[0] and _AND.search(reading.text, done[1], offer[0]))


def done_in_sentence(reading: Reading, offer: Span) -> bool:
    """Whether a word of something done in `offer`'s sentence covers it ("já reembolsamos",
    "die Erstattung ist erfolgt")."""
    index = reading.sentence(offer[0])
    return any(
        reading.sentence(done[0]) == index and _covers(reading, done, offer)
        for done in reading.find("done")
    )


def permitted(reading: Reading, action: Span) -> bool:
    """Whether `action` only tells the reviewer what they may do ("it is possible to update
    or remove the feedback", "können Sie Ihr Feedback aktualisieren", "vous pouvez modifier
    votre évaluation"): a word of permission before it in its clause, and no question."""
    index = reading.sentence(action[0])
    stops = reading.text[action[1] : reading.sentence_end(index) + 1]
    if "?" in stops or "？" in stops:
        return False
    start = clause_start(reading.text, action[0])
    # One comma may stand between the permission and its verb ("ist es möglich, Ihre
    # Bewertung zu ändern"), and in languages that put the object first the permission sits
    # inside the action ("atsauksmi var atjaunināt").
    comma = start > 0 and reading.text[start - 1] == ","
    wider = clause_start(reading.text, start - 1) if comma else start
    # Or the permission follows the object at once ("atstāto atsauksmi ir iespējams
    # atjaunināt").
    return any(
        (
            (
                start <= word[0] < action[1]
                or (wider <= word[0] < start and not reading.text[word[1] : start - 1].strip())
            )
            and words_between(reading.text, word[1], action[0]) <= 4
        )
        or (action[1] <= word[0] and not reading.text[action[1] : word[0]].strip())
        for word in reading.find("permit")
    )


def _clause_end(text: str, position: int) -> int:
    ends = [at for stop in CLAUSE_STOPS if (at := text.find(stop, position)) >= 0]
    return min(ends, default=len(text))


def told(reading: Reading) -> list[Span]:
    """Asking the reviewer to tell others about the seller ("just let folks on here know
    we're not as bad as all that"): an action on what the public reads, tied to an offer
    like an action on the review."""
    return [span for span in reading.live("tell_others") if not reading.thanked(span)]


def traded(reading: Reading) -> list[Span]:
    """An exchange tied to the review ("en échange d'un petit geste sur votre avis", "in
    return for your feedback"), not negated ("no discount in exchange for reviews"): with an
    offer anywhere in the reply, the offer is for the review."""
    if not reading.find("exchange"):
        return []
    reviews = reading.find("review") + reading.find("rating")
    thanks = reading.thanks()
    requests = reading.find("request")
    # Only a trade: "in exchange", "en échange", not a condition ("if you", "wenn Sie": a
    # condition on a review is an action only with a change) and not "for your review",
    # which names the review itself (an exchange only with an offer in its sentence).
    unconditional = reading.find("unconditional")
    links = [
        link
        for link in reading.find("exchange")
        if not any(_overlaps(link, every) for every in unconditional)
        and not any(r[0] < link[1] and link[0] < r[1] for r in requests)
        and not any(link[0] <= r[0] and r[1] <= link[1] for r in reviews)
    ]
    found = []
    for link, review in reading.near(links, reviews, 6, seller_breaks=False):
        if link[0] > review[0] or reading.negated(link, aside=True) or reading.thanked(link):
            continue
        if any(t[0] <= link[0] < t[1] for t in thanks) or reading.thanked(review):
            continue
        found.append(_joined(link, review))
    return found


# A house number: "12", "8a", "5/12", "45-7", "2.o b" ... followed by the end of the address
# (a stop, a comma, the end, or a word such as "in", "à", "w", "op" before the town).
_HOUSE_NUMBER = re.compile(
    r"\d{1,5}(?:\s?[a-z](?![^\W\d_]))?(?:\s?[/-]\s?\d{1,4}[a-z]?)?"
    r"(?=\s*(?:[,.;:!?)\n]|$)|\s+(?:in|a|en|em|no|na|w|we|op|te|di|de|im|bei|near|v|und|and|et|"
    r"e|y|i|ir)(?![^\W\d_]))"
)
_DIGIT = re.compile(r"\d")
_NUMBER_BEFORE = re.compile(r"(?<![\w/.-])\d{1,5}[a-z]?(?![\w/-])")
# Words that cannot stand inside a street's name: "20 minutes in the street".
_NOT_A_NAME = re.compile(
    r"(?<![^\W\d_])(?:of|the|a|an|on|in|at|to|for|by|and|or|with|per|from|de|des|du|la|le|"
    r"les|en|a|et|y|e|w|z|na|od|van|het|een|op|in|minutes?|hours?|days?|weeks?|min|km|m)"
    r"(?![^\W\d_])"
)


# How many words may part a download of the app from the link it is fetched from.
_DOWNLOAD_WORDS = 4
# The stores' own pages: an app fetched there is not fetched around the store.
_STORE_LINK = re.compile(r"play\.google\.|apps\.apple\.|itunes\.apple\.|appgallery\.")


def download_links(reading: Reading, links: Sequence[Span]) -> list[Span]:
    """Links the app (a beta, an APK, a version) is to be downloaded or installed from,
    outside the store ("Descargue la versión beta desde www.apk-example.com", "Download the
    APK here: https://...", "Laden Sie die Testversion unter www... herunter"): a download
    within a few words of the link in its sentence. Where a platform allows links to a
    support page, these stay blocked; "our FAQ at https://... explains the fix" does not
    download anything."""
    found = []
    downloads = reading.find("download")
    for original in links:
        if _STORE_LINK.search(reading.text, *original):
            continue
        # The dots inside a link end no sentence: its sentence is the one it starts in, or,
        # after it, the one it ends in (the stop that ends it is not its own).
        link = (original[0], len(reading.text[: original[1]].rstrip(".,;:!?)。！？")))
        indexes = (reading.sentence(link[0]), reading.sentence(link[1] - 1))
        for word in downloads:
            if reading.sentence(word[0]) not in indexes or reading.negated(word):
                continue
            left, right = (word, link) if word[0] <= link[0] else (link, word)
            if right[0] < left[1] or words_between(reading.text, left[1], right[0]) <= (
                _DOWNLOAD_WORDS
            ):
                found.append(original)
                break
    return found


def addresses(reading: Reading) -> list[Span]:
    """Postal addresses ("14 Orchard Lane", "Lindenstraße 12", "calle Mayor 23", "ul.
    Kwiatową 5/12", "建国路88号"): a street word and a house number next to it. Not the
    seller's own address ("our shop moved to 12 High Street", "visit us at ...")."""
    text = reading.text
    # Every address has a number: most replies have none, and need no street search.
    if not _DIGIT.search(text):
        return []
    streets = reading.find("street")
    if not streets:
        return []
    found: list[Span] = []
    for street in streets:
        span = _with_number(text, street)
        if span is None or _sellers(reading, span[0]):
            continue
        found.append(span)
    return found


def _with_number(text: str, street: Span) -> Span | None:
    """`street` with its house number after it (up to three words on) or before it (up to
    two name words back), or None without one; a street word that holds its number (Chinese
    "路88号") is an address of its own."""
    if any(char.isdigit() for char in text[street[0] : street[1]]):
        return street
    after = text[street[1] : street[1] + 40]
    for match in _HOUSE_NUMBER.finditer(after):
        between = after[: match.start()]
        if any(stop in between for stop in ",;:!?\n") or words_between(after, 0, match.start()) > 3:
            break
        return street[0], street[1] + match.end()
    window = max(0, street[0] - 40)
    before = text[window : street[0]]
    numbers = list(_NUMBER_BEFORE.finditer(before))
    if numbers:
        number = numbers[-1]
        between = before[number.end() :]
        if (
            not any(stop in between for stop in CLAUSE_STOPS)
            and words_between(between, 0, len(between)) <= 2
            and not _NOT_A_NAME.search(between)
        ):
            return window + number.start(), street[1]
    return None


def open_street(reading: Reading) -> bool:
    """Whether the text ends in a street word cut off by its abbreviation's full stop ("...
    dostarczona na ul."): its number follows in the next sentence."""
    tail = reading.text.rstrip()
    if not tail.endswith("."):
        return False
    end = len(tail) - 1
    return any(street[1] == end for street in reading.find("street"))


def _sellers(reading: Reading, position: int) -> bool:
    """Whether the address at `position` is the seller's own: its premises named before it
    in the sentence ("our shop moved to", "visit us at", "unser Laden ist in der", "u vindt
    onze winkel op"), with no word for the reviewer in between ("we delivered to your ..."
    is the reviewer's)."""
    index = reading.sentence(position)
    places = [
        place[1]
        for place in reading.find("our_place")
        if place[1] <= position and reading.sentence(place[0]) == index
    ]
    if not places:
        return False
    last = max(places)
    if words_between(reading.text, last, position) > 10:
        return False
    return not any(last <= you[0] and you[1] <= position for you in reading.find("you"))


def _unposted(reading: Reading) -> list[Span]:
    """Contacting the seller set against posting, in one sentence: "Call the manager, don't
    post a review", "no need for a review, ring the owner": a contact and a review under a
    negation that the reviewer, not the seller, is the subject of."""
    contacts = reading.live("contact_us")
    if not contacts:
        return []
    found: list[Span] = []
    reviews = reading.find("review") + reading.find("rating")
    posts = reading.find("publish") + reading.find("solicit")
    for review in reviews:
        index = reading.sentence(review[0])
        near = [
            contact
            for contact in contacts
            if reading.sentence(contact[0]) == index and not reading.seller_acts(contact)
        ]
        if not near or reading.seller_in_clause(review[0]) or reading.thanked(review):
            continue
        start = clause_start(reading.text, review[0])
        verbs = [
            post
            for post in posts
            if start <= post[0] < review[0] and words_between(reading.text, post[1], review[0]) <= 2
        ]
        if any(reading.negated(verb) for verb in verbs) or reading.negated(review):
            found.append(_joined(near[0], review))
    return found


def _overlaps(one: Span, other: Span) -> bool:
    return one[0] < other[1] and other[0] < one[1]


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
        not _ASKED.fullmatch(reading.text, *r) and not any(_overlaps(r, word) for word in condemned)
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
