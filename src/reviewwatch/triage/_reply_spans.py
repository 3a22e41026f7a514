"""The spans each rule finds in one reply: the phrase patterns' spans (`_phrases`) with the
concept relations (`_relations`) read over the whole reply, then related across sentences
(`related_spans`: an offer tied to an ask, pressure after the review's cost ...)."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from reviewwatch.triage import _clauses as clauses
from reviewwatch.triage import _concepts as concepts
from reviewwatch.triage import _relations as relations
from reviewwatch.triage._caseless import caseless_text
from reviewwatch.triage._phrases import (
    INCENTIVE,
    REVIEW_ACTIONS,
    SELLER_ACTS,
    WARNED,
    cues_for,
    email_spans,
    find_spans,
    link_spans,
    offer_spans,
    overlaps,
    pattern_rules,
    phone_spans,
    phrases_absent,
    tie_spans,
)
from reviewwatch.triage._plain_text import plain_and_silent
from reviewwatch.triage._text import merge_spans

# How many characters after the review's "still up", or an action on it, a demand still
# presses on it (about two sentences).
_PUSH_REACH = 160
# How many characters after a wrong detail the reviewer gave what followed from it is told
# (the rest of its sentence, or the start of the next).
_CONSEQUENCE_REACH = 60

# How many characters after repeated contact an ask to change the review, or its cost to
# the business, still presses on it (about three sentences).
_CHASE_REACH = 320


@dataclass(frozen=True, slots=True)
class RawSpans:
    """Where a folded text breaks each pattern rule, before any platform's or surface's
    exceptions (spans of the folded text)."""

    by_rule: Mapping[str, tuple[tuple[int, int], ...]]
    emails: tuple[tuple[int, int], ...]
    phones: tuple[tuple[int, int], ...]
    # Offers and actions on a review: with the other in another part of a draft they tie.
    offers: tuple[tuple[int, int], ...] = ()
    actions: tuple[tuple[int, int], ...] = ()
    # Changes applied to "it" (start, end, asks) and where a review is named: an action on
    # the review when a mention comes first, perhaps in another part.
    referred: tuple[tuple[int, int, bool, bool], ...] = ()
    mentions: tuple[int, ...] = ()
    # Postal addresses (personal data where phone numbers are).
    addresses: tuple[tuple[int, int], ...] = ()
    # Offers of a remedy already given, and actions that only say what the reviewer may do
    # ("you can update your feedback"): the one is tied to the other no more.
    given: tuple[tuple[int, int], ...] = ()
    permitted: tuple[tuple[int, int], ...] = ()
    # Whether the text ends in an abbreviated street word ("ul.", "Str."): its house number
    # is in the next sentence part of a draft.
    open_street: bool = False
    # The sentences that name a scam and those that disown something (a warning when the
    # reply has both), the seller denying its fault, and what the reviewer is said to have
    # done: related across the parts of a draft.
    scams: tuple[tuple[int, int], ...] = ()
    disowns: tuple[tuple[int, int], ...] = ()
    not_ours: tuple[tuple[int, int], ...] = ()
    acts: tuple[tuple[int, int], ...] = ()
    # Permissions after a condition that the problem is solved, and remedies said to be done
    # (given beside such a permission).
    settled: tuple[tuple[int, int], ...] = ()
    remedies: tuple[tuple[int, int], ...] = ()
    # The review said to be still up, and demands or more contact (pressure on it when one
    # follows the other); demands in a sentence that names the review again ("to", "it").
    stills: tuple[tuple[int, int], ...] = ()
    pushes: tuple[tuple[int, int], ...] = ()
    nudges: tuple[tuple[int, int], ...] = ()
    # A lawyer or a complaint the reviewer took (with its word), and the same kind of word
    # with the reviewer's "you" just before it ("Ihrem Anwalt"), perhaps in a later part.
    owned: tuple[tuple[int, int, str], ...] = ()
    yours: tuple[tuple[int, int, str], ...] = ()
    # An outcome called only to be expected, and the reviewer's acts, conditions and the
    # instructions before it; other customers said to have no trouble, and the reviewer sent
    # to check: blame when the one stands near the other, perhaps in the next part.
    expected: tuple[tuple[int, int], ...] = ()
    grounds: tuple[tuple[int, int], ...] = ()
    others: tuple[tuple[int, int], ...] = ()
    checks: tuple[tuple[int, int], ...] = ()
    # A turn to what the instructions said or to a wrong detail the reviewer gave, feelings,
    # and the seller making good: blame when a regret comes just before the turn and the
    # reply makes nothing good.
    cited: tuple[tuple[int, int], ...] = ()
    regrets: tuple[tuple[int, int], ...] = ()
    amends: tuple[tuple[int, int], ...] = ()
    # Late arrivals against a booking: blame unless the reply makes good or is sorry after.
    lateness: tuple[tuple[int, int], ...] = ()
    # Cautions to the reviewer, and what goes against them in the same or the next sentence.
    cautions: tuple[tuple[int, int], ...] = ()
    against: tuple[tuple[int, int], ...] = ()
    # The seller holding the reviewer's address, data or pictures, and a visit in person or a
    # publication: a threat when the one comes after, perhaps in a later part.
    held: tuple[tuple[int, int], ...] = ()
    visits: tuple[tuple[int, int], ...] = ()
    # Short questions on the reviewer's mood, satisfied and not, and asks for a review:
    # gating when a review is asked for after the satisfied one, perhaps in another part.
    glad: tuple[tuple[int, int], ...] = ()
    sad: tuple[tuple[int, int], ...] = ()
    bids: tuple[tuple[int, int], ...] = ()
    # The satisfied named where a review is asked for, and the others named anywhere: gating
    # when they stand near each other, perhaps in neighbouring parts.
    happy_groups: tuple[tuple[int, int], ...] = ()
    other_groups: tuple[tuple[int, int], ...] = ()
    # Links the app is to be downloaded from outside the store: blocked also where links to
    # a support page are allowed.
    downloads: tuple[tuple[int, int], ...] = ()
    # Repeated contact with the reviewer, and the review said to cost the business: pressure
    # when an ask to change the review or that harm follows, perhaps in a later part.
    chases: tuple[tuple[int, int], ...] = ()
    harms: tuple[tuple[int, int], ...] = ()
    # The same cost told in a sentence that does not name the review: its harm when a review
    # was named just before ("The 1-star is still here. This is hurting us.").
    loose_harms: tuple[tuple[int, int], ...] = ()
    # Demands with a change the seller does not make, more contact and insistence: pressure
    # after the review's cost.
    demands: tuple[tuple[int, int], ...] = ()
    # The seller's denials of its fault with no apology or feeling in their sentence, and the
    # causes they may be set beside (the reviewer's act, the instructions); wrong details the
    # reviewer gave, with no apology beside them, and what is said to follow ("daardoor").
    bare_denials: tuple[tuple[int, int], ...] = ()
    causes: tuple[tuple[int, int], ...] = ()
    wrongs: tuple[tuple[int, int], ...] = ()
    consequences: tuple[tuple[int, int], ...] = ()

    @property
    def clean(self) -> bool:
        """True when the text breaks no pattern rule on any platform."""
        return not (self.emails or self.phones or self.addresses or any(self.by_rule.values()))


# The fields that hold spans (start, end, perhaps more): moved together when a reading is
# mapped back to the text as written or shifted to its part's place in a draft.
SPAN_FIELDS = tuple(
    field.name
    for field in fields(RawSpans)
    if field.name not in ("by_rule", "mentions", "open_street")
)


# Replies are checked on every platform: the patterns run once per text, whatever the platform.
@functools.lru_cache(maxsize=16384)
def raw_spans(text: str, languages: tuple[str, ...]) -> RawSpans:
    """Every pattern rule's spans in `text`. An offer of anything tied to a review breaks the
    incentive rule: an explicit phrasing, or an offer anywhere in the reply and an action on a
    review (asking to change, remove, leave or raise one) anywhere in it, so a line break or a
    full stop between them changes nothing. A plain text in which nothing occurs (a name, a
    greeting: `_plain_text`) has the spans of the empty text."""
    reading = concepts.Reading(text, languages, cues_for(languages, caseless_text(text)))
    if text and plain_and_silent(text, languages, reading):
        return raw_spans("", languages)
    return read_spans(text, languages, reading)


def read_spans(text: str, languages: tuple[str, ...], reading: concepts.Reading) -> RawSpans:
    """`raw_spans` read relation by relation. Where no phrase pattern occurs at all (one
    search of their union, `phrases_absent`: a greeting with the reviewer's name, most of a
    draft's sentences), no rule's phrase pattern and no offer word is searched on its own:
    each would find nothing."""
    phrases = not phrases_absent(text, languages, reading.caseless)
    by_rule: dict[str, tuple[tuple[int, int], ...]] = {}
    for rule in pattern_rules():
        if rule.when == "links":
            by_rule[rule.name] = tuple(link_spans(text))
        elif rule.when != "contact" and rule.name != INCENTIVE:
            by_rule[rule.name] = tuple(_phrase_spans(phrases, rule.name, text, languages, reading))
    # A person's health, when they came, or their card's last digits, in the reply: personal
    # data wherever a public reply is checked.
    by_rule["personal_data"] = tuple(
        relations.health_details(reading)
        + relations.visit_details(reading)
        + relations.card_details(reading)
    )
    # A phrase pattern's "review ... changed" is the seller's own action when the seller is
    # the subject inside it ("after your review we changed the recipe").
    for name in SELLER_ACTS:
        by_rule[name] = tuple(s for s in by_rule[name] if not reading.speaks_of_itself(s))
    # A phrase pattern's "positive review" asks for one only where its clause asks ("we were
    # thrilled to read such a positive review" does not); one that runs on into a later
    # clause ends in its own ask ("la cinquième… et n'oubliez pas de nous l'accorder").
    key = "ask_positive_rating"
    by_rule[key] = tuple(
        s
        for s in by_rule[key]
        if reading.asks_in_clause(s)
        or clauses.clause_start(text, s[0]) != clauses.clause_start(text, s[1] - 1)
    )
    # A low rating the seller says it understands is acknowledged, not asked for ("给差评我们
    # 能理解", "Die zwei Sterne verstehen wir").
    for name in REVIEW_ACTIONS:
        by_rule[name] = tuple(s for s in by_rule[name] if not relations.acknowledged(reading, s))
    # The review hoped to reflect the fix is an action on it as a change is.
    changes = relations.review_actions(reading) + relations.reflected(reading)
    praise = relations.praise_asks(reading)
    solicits = [s for s in relations.solicits(reading) if not relations.acknowledged(reading, s)]
    related = changes + praise + solicits
    extra = {
        "ask_change_review": relations.asks(reading, changes),
        # A demand beside a phrase pattern's ask ("Oczekujemy usunięcia tej opinii") too.
        "pressure_to_change": relations.pressures(
            reading, changes + list(by_rule.get("ask_change_review", ()))
        )
        + relations.chased(reading)
        + relations.insisted(reading, changes + list(by_rule.get("ask_change_review", ())))
        + relations.held(reading)
        + relations.held_until(reading),
        "ask_positive_rating": relations.raises(reading)
        + praise
        + relations.lowered(reading)
        + relations.topped(reading)
        + relations.deserved(reading),
        "accusation": relations.accusations(reading),
        "blame_customer": relations.blame(reading),
        "threat_or_insult": relations.threats(reading) + relations.scorned(reading),
        "review_gating": relations.gating(reading) + relations.reserved(reading),
        "solicit_review": solicits,
        "marketing": relations.promotions(reading) + relations.deals(reading),
    }
    for name, spans in extra.items():
        if spans and name in by_rule:
            by_rule[name] = tuple(merge_spans([*by_rule[name], *spans]))
    marketing = relations.denied_codes(reading, by_rule["marketing"])
    by_rule["marketing"] = tuple(
        relations.no_strings(reading, relations.failed_codes(reading, marketing))
    )
    for name in (*REVIEW_ACTIONS, "pressure_to_change"):
        by_rule[name] = tuple(relations.undenied(reading, by_rule[name]))
    # A change the reviewer is said to have made already ("Sie haben die Sterne selbst
    # angepasst") or that the seller saw ("Vemos que ha cambiado la valoración") is a fact
    # told, not an ask.
    reports = relations.reported_changes(reading)

    def told_as_fact(span: tuple[int, int]) -> bool:
        return relations.reported(reading, span, reports) or relations.observed(reading, span)

    key = "ask_change_review"
    by_rule[key] = tuple(span for span in by_rule[key] if not told_as_fact(span))
    related = relations.undenied(reading, related)
    rated = relations.rated_asks(reading, by_rule["solicit_review"])
    if rated:
        key = "ask_positive_rating"
        by_rule[key] = tuple(merge_spans([*by_rule[key], *rated]))
    # The seller's lawyers checking a warranty for the reviewer, or having no part in it,
    # threaten no one; nor does the lawsuit the reviewer said they would bring ("您在评论中说会
    # 起诉我们").
    services = relations.legal_services(reading)
    owned = relations.recourse(reading)
    by_rule["threat_or_insult"] = tuple(
        span
        for span in by_rule["threat_or_insult"]
        if not any(overlaps(span, service) for service in services)
        and not relations.no_part(reading, span)
        and not any(start <= span[0] and span[1] <= end for start, end, _ in owned)
    )
    # Telling others and an exchange for the review are actions an offer may be tied to.
    related += relations.told(reading) + relations.traded(reading)
    actions = merge_spans(
        [span for name in REVIEW_ACTIONS for span in by_rule.get(name, ())] + related
    )
    referred = [
        change
        for change in relations.referred_changes(reading)
        if relations.undenied(reading, [change[:2]])
    ]
    mentions = relations.review_mentions(reading)
    # The phrase lists' incentives also inside compounds ("Geschenkgutschein"), the
    # concepts' at word starts; an offer under a negation is none, and a remedy already given
    # without a condition is no offer for the review.
    offered = offer_spans(text, languages) if phrases else []
    offers = [span for span in offered if not reading.negated(span)]
    offers = merge_spans(offers + reading.live("incentive"))
    # A refund through the platform's own process ("Report a Problem") is no offer by the
    # seller.
    offers = [span for span in offers if not reading.in_sentence("platform_process", span[0])]
    # A permission after a condition that the problem is solved asks nothing: it presses no
    # one and a remedy already given is not tied to it, unless an offer stands in its own
    # sentence.
    settled = [
        span
        for span in actions
        if relations.settled_permission(reading, span)
        and not any(reading.sentence(offer[0]) == reading.sentence(span[0]) for offer in offers)
    ]
    if settled:
        key = "pressure_to_change"
        by_rule[key] = tuple(
            span for span in by_rule[key] if not any(overlaps(span, s) for s in settled)
        )
    given = [span for span in offers if relations.made(reading, span)]
    # Beside such a permission a remedy said to be done in its sentence ("já reembolsamos",
    # "die Erstattung ist erfolgt", "u heeft de terugbetaling ontvangen") is given, even
    # after an apology's "please" (`related_spans`); an offer not done (a coupon) stays tied.
    remedies = [
        span for span in offers if span not in given and relations.done_in_sentence(reading, span)
    ]
    # A change the reviewer is told they made, or that the seller saw, asks nothing either: it
    # is tied to an open offer ("you changed it, so here is a coupon"), not to a remedy given
    # ("after the refund").
    # A change to "it" joined to a permitted one ("Sie können Ihr Feedback aktualisieren oder
    # entfernen, wenn Sie möchten") is read with its permission too.
    permitted = [
        span
        for span in [*actions, *(change[:2] for change in referred)]
        if relations.permitted(reading, span) or span in settled or told_as_fact(span)
    ]
    explicit = _phrase_spans(phrases, INCENTIVE, text, languages, reading)
    explicit += relations.exchanges(reading)
    # "退款后自己更改了评分": a change told as made after a remedy given ties nothing.
    explicit = [
        span
        for span in explicit
        if not (
            relations.reported(reading, span, reports)
            and any(overlaps(span, offer) for offer in given)
        )
    ]
    harms, loose_harms = relations.review_harms(reading)
    scams, disowns = relations.warning(reading)
    glad, sad, bids = relations.mood_questions(reading)
    happy_groups, other_groups = relations.mood_groups(reading)
    raw = RawSpans(
        by_rule,
        tuple(email_spans(text)),
        tuple(phone_spans(text)),
        tuple(offers),
        tuple(actions),
        tuple(referred),
        tuple(mentions),
        tuple(relations.addresses(reading)),
        tuple(given),
        tuple(permitted),
        relations.open_street(reading),
        tuple(scams),
        tuple(disowns),
        tuple(relations.disowned_faults(reading)),
        tuple(relations.reviewer_acts(reading) + relations.natural_outcomes(reading)),
        settled=tuple(settled),
        remedies=tuple(remedies),
        stills=tuple(relations.still_up(reading)),
        pushes=tuple(relations.pushes(reading)),
        nudges=tuple(relations.nudges(reading)),
        owned=tuple(owned),
        yours=tuple(relations.your_recourse(reading)),
        expected=tuple(relations.expected_outcomes(reading) + relations.omitted_steps(reading)),
        grounds=tuple(relations.blame_grounds(reading)),
        others=tuple(relations.others_fine(reading)),
        checks=tuple(relations.own_sides(reading)),
        cited=tuple(relations.cited_guides(reading) + relations.cited_errors(reading)),
        regrets=tuple(relations.regrets(reading)),
        amends=tuple(relations.amends(reading)),
        lateness=tuple(relations.late_arrivals(reading)),
        cautions=tuple(relations.cautions(reading)),
        against=tuple(relations.against_cautions(reading)),
        held=tuple(relations.data_held(reading)),
        visits=tuple(relations.confronts(reading)),
        glad=tuple(glad),
        sad=tuple(sad),
        bids=tuple(bids),
        happy_groups=tuple(happy_groups),
        other_groups=tuple(other_groups),
        downloads=tuple(relations.download_links(reading, by_rule.get("link", ()))),
        chases=tuple(relations.repeated_contacts(reading)),
        harms=tuple(harms),
        loose_harms=tuple(loose_harms),
        demands=tuple(relations.demands(reading)),
        bare_denials=tuple(relations.bare_denials(reading)),
        causes=tuple(relations.denial_causes(reading)),
        wrongs=tuple(relations.unfelt_wrong_details(reading)),
        consequences=tuple(reading.find("hence")),
    )
    return related_spans(raw, explicit)


def _phrase_spans(
    phrases: bool, name: str, text: str, languages: tuple[str, ...], reading: concepts.Reading
) -> list[tuple[int, int]]:
    """`find_spans` of rule `name`, or none where no phrase pattern occurs in the text."""
    return find_spans(name, text, languages, reading) if phrases else []


def related_spans(raw: RawSpans, explicit: Sequence[tuple[int, int]] = ()) -> RawSpans:
    """`raw` with the changes to "it" after a review's mention counted as actions on it (and
    asks, where their sentence asks), and the incentive rule's spans: `explicit` ones and an
    offer tied to an action anywhere in the text."""
    if not explicit and not any(map(raw.__getattribute__, _STARTING_FIELDS)):
        return _unrelated(raw)
    return related_in_full(raw, explicit)


def related_in_full(raw: RawSpans, explicit: Sequence[tuple[int, int]] = ()) -> RawSpans:
    """`related_spans` relation by relation, whatever `raw` holds."""
    by_rule = dict(raw.by_rule)
    # A warning about a scam in the seller's name quotes the scam; it offers nothing.
    warned = [*raw.scams, *raw.disowns] if raw.scams and raw.disowns else []

    def unwarned(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        return [span for span in spans if not any(s <= span[0] <= e for s, e in warned)]

    for name in WARNED if warned else ():
        by_rule[name] = tuple(unwarned(by_rule.get(name, ())))
    # An outcome called only to be expected just after the reviewer's act (or right before
    # its condition: "is to be expected if you wash it hot"), other customers' ease followed
    # by sending the reviewer to check, and a regret turned to what the instructions said
    # ("We're sorry it shrank. That said, the label asks ...") blame the reviewer.
    faulted = [
        outcome
        for outcome in raw.expected
        if any(
            g[0] < outcome[0] <= g[1] + _PUSH_REACH or outcome[1] <= g[0] <= outcome[1] + 4
            for g in raw.grounds
        )
    ]
    faulted += [
        (others[0], check[1])
        for others in raw.others
        for check in raw.checks
        if others[1] <= check[0] <= others[1] + _PUSH_REACH
    ]
    # The other way round too: "It was your own choice. Other customers love it."
    faulted += [
        (check[0], others[1])
        for others in raw.others
        for check in raw.checks
        if check[1] <= others[0] <= check[1] + _PUSH_REACH
    ]
    faulted += relations.went_against(raw.cautions, raw.against)
    # The turn to the instructions and a late arrival are weighed anew over the whole draft:
    # what made good in a later part takes back the blame its own part gave.
    turned = {*raw.cited, *raw.lateness}
    kept = [span for span in by_rule.get("blame_customer", ()) if span not in turned]
    faulted += relations.regret_turned(raw.cited, raw.regrets, raw.amends, _PUSH_REACH)
    faulted += relations.unexcused(raw.lateness, raw.regrets, raw.amends, _PUSH_REACH)
    if faulted or len(kept) != len(by_rule.get("blame_customer", ())):
        by_rule["blame_customer"] = tuple(merge_spans([*kept, *faulted]))
    # Denying its own fault after saying what the reviewer did, or what the instructions said,
    # puts the fault on them ("the product page says hand wash only; shrinking in the machine
    # is no quality problem"); so do two denials ("the pack clearly says after meals ... from
    # the empty stomach, not from the product").
    # (A guide only said to be clear, "it was clearly stated in the description", is itself
    # one of the denials: alone it is defensive, not blame; and a denial beside an apology,
    # "sorry, the manual had an error, hence the problem", blames no one.)
    causes = [c for c in raw.causes if not any(overlaps(c, d) for d in raw.not_ours)]
    guided = bool(causes and raw.bare_denials)
    denied = raw.not_ours and (
        raw.acts or guided or by_rule.get("blame_customer") or len(raw.not_ours) > 1
    )
    blamed = list(raw.not_ours) if denied else []
    # A wrong detail the reviewer gave and what followed from it, in its sentence or the next
    # ("the postcode provided was incorrect. That is why the parcel came back").
    blamed += [
        (wrong[0], hence[1])
        for wrong in raw.wrongs
        for hence in raw.consequences
        if wrong[1] <= hence[0] <= wrong[1] + _CONSEQUENCE_REACH
    ]
    if blamed:
        by_rule["blame_customer"] = tuple(
            merge_spans([*by_rule.get("blame_customer", ()), *blamed])
        )
    # The review still up and a demand after it, or a demand naming it again after an action
    # on it, press for the change across sentences.
    pressed_on = [
        (start, push[1])
        for start, end in raw.stills
        for push in raw.pushes
        if end <= push[0] <= end + _PUSH_REACH
    ]
    # The review's cost to the business (told where the review is named or just after), then
    # a demand: "这个差评对我们影响很大，求求您今天之内改一下".
    named = [*raw.mentions, *(still[1] for still in raw.stills)]
    harms = relations.named_harms(raw.harms, raw.loose_harms, named, _PUSH_REACH)
    pressed_on += relations.harmed_then_demanded(harms, raw.demands, _PUSH_REACH)
    pressed_on += [
        (action[0], nudge[1])
        for action in raw.actions
        for nudge in raw.nudges
        if action[1] <= nudge[0] <= action[1] + _PUSH_REACH
    ]
    if pressed_on:
        key = "pressure_to_change"
        by_rule[key] = tuple(merge_spans([*by_rule.get(key, ()), *pressed_on]))
    # "Ihrem Anwalt" after "Sie haben einen Anwalt eingeschaltet" is the reviewer's lawyer.
    theirs = {
        (start, end)
        for start, end, word in raw.yours
        if any(word == own and at < start for at, _, own in raw.owned)
    }
    if theirs:
        key = "threat_or_insult"
        by_rule[key] = tuple(span for span in by_rule.get(key, ()) if span not in theirs)
    # "We have your address." then "maybe we'll pay you a visit" threatens.
    moods = relations.mood_gating(raw.glad, raw.sad, raw.bids)
    moods += relations.group_gating(raw.happy_groups, raw.other_groups)
    if moods:
        key = "review_gating"
        by_rule[key] = tuple(merge_spans([*by_rule.get(key, ()), *moods]))
    visited = [visit for visit in raw.visits if any(held[1] <= visit[0] for held in raw.held)]
    if visited:
        key = "threat_or_insult"
        by_rule[key] = tuple(merge_spans([*by_rule.get(key, ()), *visited]))
    actions, asked, pressed = relations.refer(raw.referred, raw.mentions)
    for key, spans in (("ask_change_review", asked), ("pressure_to_change", pressed)):
        if spans:
            by_rule[key] = tuple(merge_spans([*by_rule.get(key, ()), *spans]))
    # Repeated contact, then an ask to change the review or its cost to the business, and
    # that cost beside such an ask, press for the change across sentences.
    if harms or raw.chases:
        change_asks = [
            span
            for span in by_rule.get("ask_change_review", ())
            if not any(overlaps(span, permitted) for permitted in raw.permitted)
        ]
        chased = relations.chased_then_pressed(
            raw.chases, harms, change_asks, _CHASE_REACH, _PUSH_REACH
        )
        if chased:
            key = "pressure_to_change"
            by_rule[key] = tuple(merge_spans([*by_rule.get(key, ()), *chased]))
    actions = unwarned(merge_spans([*raw.actions, *actions]))
    offers = unwarned(raw.offers)
    # A remedy already given is tied to an ask about the review, not to the reviewer being
    # told that the review may be updated.
    given = [*raw.given, *raw.remedies] if raw.settled else list(raw.given)
    open_offers = [offer for offer in offers if offer not in given]
    asked_actions = [
        action
        for action in actions
        if not any(overlaps(action, permitted) for permitted in raw.permitted)
    ]
    tie = tie_spans(open_offers, actions) or tie_spans(offers, asked_actions)
    incentive = [*by_rule.get(INCENTIVE, ()), *unwarned(explicit), *tie]
    by_rule[INCENTIVE] = tuple(unwarned(merge_spans(incentive)))
    return _evolved(raw, by_rule=by_rule, offers=tuple(offers), actions=tuple(actions))


# The span fields that `related_in_full` relates only to spans of another field that must be
# there too: an apology (`regrets`) and a remedy (`amends`) to a turn to the instructions or a
# late arrival, a bid for a review to a question on the reviewer's mood (`sad`), a cause
# (`grounds`) to an outcome called expected, an offer to an action on the review, a cause of
# the reviewer's (`causes`) to a denial of the seller's fault, what followed
# (`consequences`) to a wrong detail the reviewer gave. A draft's
# sentences hold these (an apology, a fix, a refund offered) and seldom anything else.
_PARTNERED_FIELDS = frozenset(
    {"regrets", "amends", "bids", "grounds", "offers", "causes", "consequences"}
)
# The others: where one of them holds a span (or `explicit` does), the relating is done.
_STARTING_FIELDS = tuple(name for name in SPAN_FIELDS if name not in _PARTNERED_FIELDS)


def _unrelated(raw: RawSpans) -> RawSpans:
    """`related_spans` of a reading with nothing to relate (most of a draft, a greeting): every
    relation there pairs spans of two fields, or a field's with a mention, and the fields of
    `_STARTING_FIELDS` are all empty, so what the full pass gives is `raw` with the incentive
    rule's own spans merged, its offers as they are and no action on the review."""
    incentive = raw.by_rule.get(INCENTIVE)
    merged = tuple(merge_spans(list(incentive or ())))
    if merged == incentive and not raw.actions and isinstance(raw.offers, tuple):
        return raw  # already so (a draft's parts were each related): nothing to copy
    by_rule = dict(raw.by_rule)
    by_rule[INCENTIVE] = merged
    return _evolved(raw, by_rule=by_rule, offers=tuple(raw.offers), actions=())


@functools.cache
def _slots() -> tuple[Any, ...]:
    """The slot descriptors of `RawSpans`, one per field."""
    return tuple(vars(RawSpans)[field.name] for field in fields(RawSpans))


def _evolved(raw: RawSpans, **changes: Any) -> RawSpans:
    """`raw` with `changes`, like `dataclasses.replace` but without its per-field checks and
    frozen `__setattr__` calls: a reply's spans are related once per check, and with some
    forty fields `replace` cost more than the relating itself."""
    new = object.__new__(RawSpans)
    for slot in _slots():
        slot.__set__(new, changes[slot.__name__] if slot.__name__ in changes else slot.__get__(raw))
    return new
