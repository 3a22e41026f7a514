"""What makes an offer or an ask harmless: a remedy already made or done, a permitted action,
a change the reviewer made told as a fact, and offers traded for a review."""

from __future__ import annotations

from reviewwatch.triage._clauses import Span, clause_start, words_between
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.spans import AND, clause_end, overlaps, spanning


def made(reading: Reading, offer: Span) -> bool:
    """Whether `offer` is a remedy already given ("we have issued a full refund", "Die
    Erstattung ist veranlasst", "il rimborso è già partito"): a word of something done in its
    clause and no request or condition in its sentence. Given unconditionally, it cannot be
    an offer for the review."""
    start = clause_start(reading.text, offer[0])
    end = clause_end(reading.text, offer[1])
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
    return not (done[1] <= offer[0] and AND.search(reading.text, done[1], offer[0]))


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
        if not any(overlaps(link, every) for every in unconditional)
        and not any(r[0] < link[1] and link[0] < r[1] for r in requests)
        and not any(link[0] <= r[0] and r[1] <= link[1] for r in reviews)
    ]
    found = []
    for link, review in reading.near(links, reviews, 6, seller_breaks=False):
        if link[0] > review[0] or reading.negated(link, aside=True) or reading.thanked(link):
            continue
        if any(t[0] <= link[0] < t[1] for t in thanks) or reading.thanked(review):
            continue
        found.append(spanning(link, review))
    return found
