"""Check a reply or message against a platform's rules before it is posted.

The reply is analysed first (`analysis.analyse`: NFKC, invisible and format characters
removed, HTML entities decoded, look-alike letters folded, case and accents folded), so a soft
hyphen, a zero-width space, a Cyrillic "о" or "&#111;" inside a word changes nothing. The
patterns run on that folded form and every finding points back at the original text.

The patterns live in `data/checks/<language>.toml` (one file per language) and
`data/checks/common.toml` (e-mails, phones, links); the rules themselves, with their severity and
message, in `data/checks/rules.toml`. Beside the phrase patterns, each language's `[concepts]`
(an incentive, a review, changing it, asking, lying, fault, courts ...) are related to one
another (`_concepts`, `_relations`): the words need not be any listed phrase. An offer and an
ask about the review are related across the whole reply, not one sentence. Every finding cites
the platform's own rule (or the universal rule) and the exact span; the length finding says the
numbers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from reviewwatch.triage import _concepts as concepts
from reviewwatch.triage import _relations as relations
from reviewwatch.triage._concepts import cued, folded_pattern
from reviewwatch.triage._data import data_names, load_toml
from reviewwatch.triage._text import base_language, merge_spans
from reviewwatch.triage.analysis import Analysis, analyse
from reviewwatch.triage.models import CheckResult, Finding, Severity, Surface
from reviewwatch.triage.policies import Policy, load_policy

_TERMS = ("incentive", "review", "det", "change_verb", "change_passive", "solicit_verb", "positive")
# Patterns that show an action on a review; with an incentive anywhere in the reply they make
# the offer conditional on the review.
_REVIEW_ACTIONS = ("ask_change_review", "solicit_review", "ask_positive_rating")
# Rules whose match is cancelled by a negation just before it ("we will never ask you to
# change your review") or, for asks, by thanks ("thank you for leaving a review").
_NEGATABLE = (
    *_REVIEW_ACTIONS,
    "incentive_for_review",
    "pressure_to_change",
    "threat_or_insult",
    "accusation",
    "blame_customer",
    "defensive_tone",
)
_THANKABLE = frozenset(_REVIEW_ACTIONS)
_SELLER_ACTS = ("ask_change_review",)
_NON_FILES = {"rules", "common"}
_INCENTIVE = "incentive_for_review"
# What a warning about a scam ("cash back for a good review" messages not sent by the seller)
# may quote without breaking the rule.
_WARNED = (
    _INCENTIVE,
    *_REVIEW_ACTIONS,
    "pressure_to_change",
    "accusation",
    "threat_or_insult",
)
# How many characters after the review's "still up", or an action on it, a demand still
# presses on it (about two sentences).
_PUSH_REACH = 160
# How many characters after repeated contact an ask to change the review, or its cost to
# the business, still presses on it (about three sentences).
_CHASE_REACH = 320
# How far before a match a negation or a thanks still reaches (characters, same sentence).
_CUE_REACH = 40
_WORDLESS = re.compile(r"\w")
# Format characters no reader sees: soft hyphen, zero-width spaces and joiners, word joiner,
# byte-order mark.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    severity: Severity
    when: str
    message: str
    repeat_at: int


@functools.cache
def _rules() -> tuple[_Rule, ...]:
    table = load_toml("checks", "rules")
    return tuple(
        _Rule(
            name=name,
            severity=spec["severity"],
            when=spec["when"],
            message=spec["message"],
            repeat_at=spec.get("repeat_at", 0),
        )
        for name, spec in table.items()
    )


@functools.cache
def _rules_by_name() -> Mapping[str, _Rule]:
    return {rule.name: rule for rule in _rules()}


@functools.cache
def supported_languages() -> tuple[str, ...]:
    """Languages with their own checker patterns."""
    return tuple(name for name in data_names("checks") if name not in _NON_FILES)


def _expand(pattern: str, data: Mapping[str, Any]) -> str:
    """Fill `{term}` placeholders with the language's term lists and `{gap}` with a few words."""
    terms: Mapping[str, list[str]] = data["terms"]
    for name in _TERMS:
        alternatives = terms.get(name) or ["(?!)"]
        pattern = pattern.replace("{" + name + "}", "(?:" + "|".join(alternatives) + ")")
    gap = f"(?:[\\w'-]+\\s+){{0,{data['gap_words']}}}?"
    return folded_pattern(pattern.replace("{gap}", gap))


@functools.cache
def _language_patterns(language: str) -> dict[str, tuple[str, ...]]:
    """The expanded regex sources of one language, per rule (plus `incentive` and the cues
    `negation` and `thanks`)."""
    data = load_toml("checks", language)
    patterns = {
        name: tuple(_expand(source, data) for source in sources)
        for name, sources in data["patterns"].items()
    }
    patterns["incentive"] = (_expand("(?:{incentive})", data),)
    for cue in ("negation", "thanks"):
        sources = data["terms"].get(cue)
        if sources:
            patterns[cue] = (folded_pattern("(?:" + "|".join(sources) + ")"),)
    return patterns


@functools.cache
def _compiled(name: str, languages: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for `name` across `languages`, or None when no language has patterns for it."""
    sources = [src for lang in languages for src in _language_patterns(lang).get(name, ())]
    if not sources:
        return None
    return re.compile("|".join(f"(?:{source})" for source in sources), re.IGNORECASE)


@functools.cache
def _common(name: str) -> re.Pattern[str]:
    sources: list[str] = load_toml("checks", "common")[name]
    return re.compile("|".join(f"(?:{source})" for source in sources), re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _languages_for(language: str | None) -> tuple[str, ...]:
    """Which pattern sets to run: all of them, or the given language plus English."""
    supported = supported_languages()
    code = base_language(language)
    if code not in supported:
        return supported
    return (code,) if code == "en" else (code, "en")


def _cued(cue: str, text: str, start: int, languages: tuple[str, ...]) -> bool:
    """Whether `cue` (negation, thanks) stands just before `start` (`_concepts.cued`)."""
    if cue == "thanks":
        return cued(_compiled(cue, languages), text, start, reach=60, words=5)
    return cued(_compiled(cue, languages), text, start, reach=_CUE_REACH)


@functools.lru_cache(maxsize=64)
def _cues(languages: tuple[str, ...]) -> concepts.Cues:
    return concepts.Cues(_compiled("negation", languages), _compiled("thanks", languages))


def _find(
    name: str,
    text: str,
    languages: tuple[str, ...],
    reading: concepts.Reading | None = None,
) -> list[tuple[int, int]]:
    """Where phrase pattern `name` matches, less the matches a negation or thanks covers
    (read with the concepts' wider reach when `reading` is given)."""
    pattern = _compiled(name, languages)
    if pattern is None:
        return []
    spans = [match.span() for match in pattern.finditer(text)]
    if name in _NEGATABLE:
        if reading is None:
            spans = [span for span in spans if not _cued("negation", text, span[0], languages)]
        else:
            aside = name in _THANKABLE or name in ("pressure_to_change", _INCENTIVE)
            spans = [span for span in spans if not reading.negated(span, aside=aside)]
    if name in _THANKABLE:
        if reading is None:
            spans = [span for span in spans if not _cued("thanks", text, span[0], languages)]
        else:
            spans = [span for span in spans if not reading.thanked(span)]
    return merge_spans(spans)


def _offers(text: str, languages: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where `text` offers something (refund, voucher, discount ...), unless negated."""
    incentive = _compiled("incentive", languages)
    if incentive is None:
        return []
    offers = [match.span() for match in incentive.finditer(text)]
    return [span for span in offers if not _cued("negation", text, span[0], languages)]


def _tie(
    offers: Sequence[tuple[int, int]], actions: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """An offer and an action on a review anywhere in one reply tie the offer to the review:
    the span from the first of them to the end of the other."""
    if not offers or not actions:
        return []
    first, last = min(offers[0], actions[0]), max(offers[0], actions[0])
    return [(first[0], max(first[1], last[1]))]


def _phone_spans(text: str) -> Iterator[tuple[int, int]]:
    """Numbers that look like phone numbers: 9-15 digits, or 7+ after a phone word; no dates,
    and no order, invoice or ticket number named as one."""
    words = _common("phone_words")
    references = _common("reference_before")
    for match in _common("phone").finditer(text):
        digits = sum(char.isdigit() for char in match.group())
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", match.group()):
            continue
        # A phone word earlier in the same sentence, within 40 characters ("call our manager
        # Anna on 29 123 456").
        before = re.split(r"[.!?;。！？\n]", text[max(0, match.start() - 40) : match.start()])[-1]
        near_word = words.search(before) is not None
        if references.search(before) and not match.group().startswith("+"):
            continue
        # A number glued to a letter of another script ("订单号2024051812") is a phone number
        # only after a phone word or as a mainland mobile number (11 digits from 13-19).
        glued = match.start() > 0 and text[match.start() - 1].isalpha()
        mobile = re.fullmatch(r"1[3-9]\d{9}", match.group()) is not None
        if glued and not (near_word or mobile):
            continue
        if 9 <= digits <= 15 or (digits >= 7 and (near_word or match.group().startswith("+"))):
            yield match.span()


def _contact_rules(policy: Policy, surface: Surface) -> tuple[bool, bool, bool]:
    """(links, e-mails, phones) allowed on this surface."""
    if surface == "public_reply":
        return policy.reply.links, policy.reply.emails, policy.reply.phones
    return policy.channel.links, policy.channel.emails, policy.channel.phones


@dataclass(frozen=True, slots=True)
class _RawSpans:
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

    @property
    def clean(self) -> bool:
        """True when the text breaks no pattern rule on any platform."""
        return not (self.emails or self.phones or self.addresses or any(self.by_rule.values()))


# The fields that hold spans (start, end, perhaps more): moved together when a reading is
# mapped back to the text as written or shifted to its part's place in a draft.
_SPAN_FIELDS = tuple(
    field.name
    for field in fields(_RawSpans)
    if field.name not in ("by_rule", "mentions", "open_street")
)


# Replies are checked on every platform: the patterns run once per text, whatever the platform.
@functools.lru_cache(maxsize=16384)
def _raw_spans(text: str, languages: tuple[str, ...]) -> _RawSpans:
    """Every pattern rule's spans in `text`. An offer of anything tied to a review breaks the
    incentive rule: an explicit phrasing, or an offer anywhere in the reply and an action on a
    review (asking to change, remove, leave or raise one) anywhere in it, so a line break or a
    full stop between them changes nothing."""
    by_rule: dict[str, tuple[tuple[int, int], ...]] = {}
    reading = concepts.Reading(text, languages, _cues(languages))
    for rule in _pattern_rules():
        if rule.when == "links":
            by_rule[rule.name] = tuple(_link_spans(text))
        elif rule.when != "contact" and rule.name != _INCENTIVE:
            by_rule[rule.name] = tuple(_find(rule.name, text, languages, reading))
    # A phrase pattern's "review ... changed" is the seller's own action when the seller is
    # the subject inside it ("after your review we changed the recipe").
    for name in _SELLER_ACTS:
        by_rule[name] = tuple(s for s in by_rule[name] if not reading.speaks_of_itself(s))
    # A phrase pattern's "positive review" asks for one only where its clause asks ("we were
    # thrilled to read such a positive review" does not).
    key = "ask_positive_rating"
    by_rule[key] = tuple(s for s in by_rule[key] if reading.asks_in_clause(s))
    changes = relations.review_actions(reading)
    praise = relations.praise_asks(reading)
    solicits = relations.solicits(reading)
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
        "marketing": relations.promotions(reading),
    }
    for name, spans in extra.items():
        if spans and name in by_rule:
            by_rule[name] = tuple(merge_spans([*by_rule[name], *spans]))
    marketing = relations.denied_codes(reading, by_rule["marketing"])
    by_rule["marketing"] = tuple(
        relations.no_strings(reading, relations.failed_codes(reading, marketing))
    )
    for name in (*_REVIEW_ACTIONS, "pressure_to_change"):
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
        if not any(_overlaps(span, service) for service in services)
        and not relations.no_part(reading, span)
        and not any(start <= span[0] and span[1] <= end for start, end, _ in owned)
    )
    # Telling others and an exchange for the review are actions an offer may be tied to.
    related += relations.told(reading) + relations.traded(reading)
    actions = merge_spans(
        [span for name in _REVIEW_ACTIONS for span in by_rule.get(name, ())] + related
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
    offers = [span for span in _offers(text, languages) if not reading.negated(span)]
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
            span for span in by_rule[key] if not any(_overlaps(span, s) for s in settled)
        )
    given = [span for span in offers if relations.made(reading, span)]
    # Beside such a permission a remedy said to be done in its sentence ("já reembolsamos",
    # "die Erstattung ist erfolgt", "u heeft de terugbetaling ontvangen") is given, even
    # after an apology's "please" (`_related`); an offer not done (a coupon) stays tied.
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
    explicit = _find(_INCENTIVE, text, languages, reading) + relations.exchanges(reading)
    # "退款后自己更改了评分": a change told as made after a remedy given ties nothing.
    explicit = [
        span
        for span in explicit
        if not (
            relations.reported(reading, span, reports)
            and any(_overlaps(span, offer) for offer in given)
        )
    ]
    harms, loose_harms = relations.review_harms(reading)
    scams, disowns = relations.warning(reading)
    glad, sad, bids = relations.mood_questions(reading)
    happy_groups, other_groups = relations.mood_groups(reading)
    raw = _RawSpans(
        by_rule,
        tuple(_email_spans(text)),
        tuple(_phone_spans(text)),
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
        checks=tuple(relations.own_checks(reading) + relations.own_errors(reading)),
        cited=tuple(relations.cited_guides(reading) + relations.cited_errors(reading)),
        regrets=tuple(relations.regrets(reading)),
        amends=tuple(relations.amends(reading)),
        lateness=tuple(relations.late_arrivals(reading)),
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
    )
    return _related(raw, explicit)


def _related(raw: _RawSpans, explicit: Sequence[tuple[int, int]] = ()) -> _RawSpans:
    """`raw` with the changes to "it" after a review's mention counted as actions on it (and
    asks, where their sentence asks), and the incentive rule's spans: `explicit` ones and an
    offer tied to an action anywhere in the text."""
    by_rule = dict(raw.by_rule)
    # A warning about a scam in the seller's name quotes the scam; it offers nothing.
    warned = [*raw.scams, *raw.disowns] if raw.scams and raw.disowns else []

    def unwarned(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        return [span for span in spans if not any(s <= span[0] <= e for s, e in warned)]

    for name in _WARNED if warned else ():
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
    # The turn to the instructions and a late arrival are weighed anew over the whole draft:
    # what made good in a later part takes back the blame its own part gave.
    turned = {*raw.cited, *raw.lateness}
    kept = [span for span in by_rule.get("blame_customer", ()) if span not in turned]
    faulted += relations.regret_turned(raw.cited, raw.regrets, raw.amends, _PUSH_REACH)
    faulted += relations.unexcused(raw.lateness, raw.regrets, raw.amends, _PUSH_REACH)
    if faulted or len(kept) != len(by_rule.get("blame_customer", ())):
        by_rule["blame_customer"] = tuple(merge_spans([*kept, *faulted]))
    # Denying its own fault after saying what the reviewer did puts the fault on them; so do
    # two denials ("the pack clearly says after meals ... from the empty stomach, not from the
    # product").
    if raw.not_ours and (raw.acts or by_rule.get("blame_customer") or len(raw.not_ours) > 1):
        blamed = [*by_rule.get("blame_customer", ()), *raw.not_ours]
        by_rule["blame_customer"] = tuple(merge_spans(blamed))
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
            if not any(_overlaps(span, permitted) for permitted in raw.permitted)
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
        if not any(_overlaps(action, permitted) for permitted in raw.permitted)
    ]
    tie = _tie(open_offers, actions) or _tie(offers, asked_actions)
    incentive = [*by_rule.get(_INCENTIVE, ()), *unwarned(explicit), *tie]
    by_rule[_INCENTIVE] = tuple(unwarned(merge_spans(incentive)))
    return replace(raw, by_rule=by_rule, offers=tuple(offers), actions=tuple(actions))


def _link_spans(text: str) -> list[tuple[int, int]]:
    """Links that are not part of an e-mail address."""
    urls = [match.span() for match in _common("url").finditer(text)]
    if not urls:
        return []
    emails = _email_spans(text)
    return [span for span in urls if not any(_overlaps(span, mail) for mail in emails)]


@dataclass(frozen=True, slots=True)
class _AppliedRule:
    """A pattern rule that applies on a platform and surface; for the contact-data rule,
    whether e-mail addresses and phone numbers break it there."""

    name: str
    contact: bool
    emails: bool
    phones: bool
    # The link rule where the platform allows links: only links to download the app from.
    downloads: bool = False


@functools.lru_cache(maxsize=256)
def _applied_rules(platform: str, surface: Surface) -> tuple[_AppliedRule, ...]:
    """The pattern rules that `platform` applies on `surface`, in their order."""
    policy = load_policy(platform)
    links_ok, emails_ok, phones_ok = _contact_rules(policy, surface)
    applied: list[_AppliedRule] = []
    for rule in _pattern_rules():
        when = rule.when
        if (when == "no_update" and surface in policy.update_request.surfaces) or (
            when == "no_solicit" and policy.solicit_allowed
        ):
            continue
        contact = rule.name != "incentive_for_review" and when == "contact"
        downloads = when == "links" and links_ok
        applied.append(_AppliedRule(rule.name, contact, not emails_ok, not phones_ok, downloads))
    return tuple(applied)


def _spans_for(rule: _AppliedRule, raw: _RawSpans) -> Sequence[tuple[int, int]]:
    """Where `rule` is broken (empty: not broken)."""
    if rule.contact:
        emails = raw.emails if rule.emails else ()
        phones = [*raw.phones, *raw.addresses] if rule.phones else []
        return merge_spans([*emails, *phones])
    if rule.downloads:
        return raw.downloads
    return raw.by_rule.get(rule.name, ())


def _email_spans(text: str) -> list[tuple[int, int]]:
    """E-mail addresses, written plainly or spelled out ("support (at) shop (dot) com"); a
    spelled one only where a bracketed "at" or a word for "dot" stands (few texts)."""
    spelled = []
    if _SPELLED_HINT.search(text):
        spelled = [match.span() for match in _common("email_spelled").finditer(text)]
    if "@" not in text and _email_needs_at():
        return spelled
    plain = [match.span() for match in _common("email").finditer(text)]
    return merge_spans(plain + spelled)


_SPELLED_HINT = re.compile(
    r"[\[({<]\s*(?:at|@)|(?<![^\W\d_])(?:dot|punkt|point|punto|ponto|kropka|punt|punkts)(?![^\W\d_])"
)


@functools.cache
def _email_needs_at() -> bool:
    """Whether every e-mail pattern has a literal "@": then a text without one has no e-mail
    address and needs no regex pass at all (most texts)."""
    sources: list[str] = load_toml("checks", "common")["email"]
    return all("@" in source for source in sources)


def _overlaps(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] < other[1] and other[0] < one[1]


_WHOLE_TEXT = ("length", "repeated", "empty")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE)


def shown_length(text: str) -> int:
    """How many characters a reader sees: an HTML entity ("&#101;", "&amp;") shows as one, an
    invisible format character (a soft hyphen, a zero-width space) as none."""
    if "&" in text:
        text = _ENTITY.sub("x", text)
    return len(_INVISIBLE.sub("", text))


_Span = tuple[str, int, int]


@functools.cache
def _pattern_rules() -> tuple[_Rule, ...]:
    """The rules found by patterns, in their order."""
    return tuple(rule for rule in _rules() if rule.when not in _WHOLE_TEXT)


@functools.cache
def _whole_text_rules() -> tuple[_Rule, ...]:
    """The rules that look at the whole text (length, repeated apologies, empty replies)."""
    return tuple(rule for rule in _rules() if rule.when in _WHOLE_TEXT)


@functools.lru_cache(maxsize=16384)
def _sentence_spans(
    text: str, platform: str, surface: Surface, languages: tuple[str, ...]
) -> tuple[_Span, ...]:
    """(rule, start, end) in the folded `text` for every pattern rule that applies here."""
    return _select(_raw_spans(text, languages), platform, surface)


def _select(raw: _RawSpans, platform: str, surface: Surface) -> tuple[_Span, ...]:
    """(rule, start, end) for every pattern rule that `platform` applies on `surface`."""
    spans: list[_Span] = []
    for rule in _applied_rules(platform, surface):
        found = _spans_for(rule, raw)
        if found:
            spans += [(rule.name, start, end) for start, end in found]
    return tuple(spans)


def _message(rule: _Rule, policy: Policy, size: int, count: int) -> str:
    """The rule's message, with the numbers where they matter."""
    if rule.when == "length":
        return (
            f"{size} characters; {policy.name} allows {policy.reply.max_chars}. "
            f"Shorten it by {size - policy.reply.max_chars}."
        )
    if rule.when == "repeated":
        return f"Apologises {count} times; one sincere apology reads better."
    return rule.message


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the checker found in a reply, in the reply's own positions: the pattern spans
    (before the platform's rules pick theirs), the apologies, and whether it has a word."""

    raw: _RawSpans
    apologies: tuple[tuple[int, int], ...]
    has_words: bool
    # The span fields and rules with something in them: a draft's parts are joined by
    # shifting only these (most of a sentence's fields are empty).
    filled: tuple[str, ...] = ()
    ruled: tuple[str, ...] = ()


def _reading(analysis: Analysis, languages: tuple[str, ...]) -> _Reading:
    """Read an analysed text and map what was found back to the text as written."""
    raw = _raw_spans(analysis.folded, languages)

    def back(spans: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
        return tuple(analysis.span(start, end) for start, end in spans)

    original = _RawSpans(
        {name: back(spans) for name, spans in raw.by_rule.items()},
        open_street=raw.open_street,
        mentions=tuple(analysis.span(at, at + 1)[0] for at in raw.mentions),
        **{
            name: tuple(
                (*analysis.span(entry[0], entry[1]), *entry[2:]) for entry in getattr(raw, name)
            )
            for name in _SPAN_FIELDS
        },
    )
    apologies = back(_find("repeated_apology", analysis.folded, languages))
    return _Reading(
        original,
        apologies,
        bool(_WORDLESS.search(analysis.folded)),
        filled=tuple(name for name in _SPAN_FIELDS if getattr(original, name)),
        ruled=tuple(name for name, spans in original.by_rule.items() if spans),
    )


@functools.lru_cache(maxsize=16384)
def _part_reading(part: str, languages: tuple[str, ...]) -> _Reading:
    """The reading of one sentence of a draft (template sentences recur: cached)."""
    return _reading(analyse(part), languages)


def _assemble(
    text: str,
    reading: _Reading,
    policy: Policy,
    surface: Surface,
) -> CheckResult:
    """Findings from the platform's pattern rules plus the whole-text rules (length, repeated
    apologies, empty replies); every span is a span of `text` as written."""
    spans = list(_select(reading.raw, policy.platform, surface))
    size = shown_length(text)
    counts: dict[str, int] = {}
    for rule in _whole_text_rules():
        if rule.when == "empty" and not reading.has_words:
            spans.append((rule.name, 0, len(text)))
        if rule.when == "repeated":
            counts[rule.name] = len(reading.apologies)
            if len(reading.apologies) >= rule.repeat_at:
                spans.append((rule.name, *reading.apologies[rule.repeat_at - 1]))
        if rule.when == "length" and surface == "public_reply" and size > policy.reply.max_chars:
            spans.append((rule.name, min(policy.reply.max_chars, len(text)), len(text)))
    if not spans:
        return CheckResult()
    rules = _rules_by_name()
    findings = [
        Finding(
            rule=name,
            severity=rules[name].severity,
            message=_message(rules[name], policy, size, counts.get(name, 0)),
            policy=policy.citation(name),
            start=start,
            end=end,
        )
        for name, start, end in spans
    ]
    findings.sort(key=lambda finding: (finding.start, finding.end, finding.rule))
    return CheckResult(findings=tuple(findings))


def check_reply(
    text: str | Analysis,
    *,
    platform: str,
    surface: Surface = "public_reply",
    language: str | None = None,
) -> CheckResult:
    """Check `text` against `platform`'s rules for `surface`.

    Blocks incentives tied to a review (anywhere in the reply), asks for a better rating,
    pressure or (where the platform forbids it) requests to change a review, gating, marketing,
    contact data and links where not allowed, over-long and empty replies, threats, insults,
    accusations (lying, being a competitor) and blaming the customer; warns about a defensive
    tone and repeated apologies. `language` narrows the patterns to that language plus English;
    None runs every language's patterns. `text` may be the reply's `Analysis` when the caller
    has one; a string is analysed here.
    """
    if not isinstance(text, str):
        reading = _reading(text, _languages_for(language))
        return _assemble(text.text, reading, load_policy(platform), surface)
    return _check_text(text, platform, surface, _languages_for(language))


# A check is a pure function of its arguments; replies, names and template sentences recur.
@functools.lru_cache(maxsize=16384)
def _check_text(
    text: str, platform: str, surface: Surface, languages: tuple[str, ...]
) -> CheckResult:
    reading = _reading(analyse(text), languages)
    return _assemble(text, reading, load_policy(platform), surface)


def _joined_parts(
    text: str, parts: Sequence[tuple[int, str]], languages: tuple[str, ...]
) -> list[tuple[int, str]]:
    """`parts`, with a part that ends in an abbreviated street word ("na ul.") joined to the
    next one, which holds the house number: an address is read in one piece."""
    joined: list[tuple[int, str]] = []
    for offset, part in parts:
        if joined:
            last_offset, last = joined[-1]
            if _part_reading(last, languages).raw.open_street:
                joined[-1] = (last_offset, text[last_offset : offset + len(part)])
                continue
        joined.append((offset, part))
    return joined


def _shift(entries: Sequence[tuple[Any, ...]], offset: int) -> Sequence[tuple[Any, ...]]:
    """Span entries (start, end, perhaps more) moved `offset` characters on."""
    if not offset:
        return entries
    return [(entry[0] + offset, entry[1] + offset, *entry[2:]) for entry in entries]


def check_parts(
    text: str,
    parts: Sequence[tuple[int, str]],
    *,
    platform: str,
    surface: Surface = "public_reply",
    language: str | None = None,
) -> CheckResult:
    """Check `text`, a draft made of `parts` (offset, part) that each end at a sentence break.

    Each part is read once and its reading cached (template sentences recur from draft to
    draft); the readings are joined, and an offer in one part and an action on the review in
    another are related as in check_reply, which gives the same result.
    """
    languages = _languages_for(language)
    readings = [
        (offset, _part_reading(part, languages))
        for offset, part in _joined_parts(text, parts, languages)
    ]
    if len(readings) == 1 and readings[0][0] == 0:
        return _assemble(text, readings[0][1], load_policy(platform), surface)

    rules: dict[str, list[tuple[int, int]]] = {
        name: [] for name in (readings[0][1].raw.by_rule if readings else ())
    }
    spans: dict[str, list[Any]] = {}
    for offset, reading in readings:
        for name in reading.ruled:
            rules.setdefault(name, []).extend(_shift(reading.raw.by_rule[name], offset))
        for name in reading.filled:
            spans.setdefault(name, []).extend(_shift(getattr(reading.raw, name), offset))
    shifted: dict[str, Any] = {name: tuple(found) for name, found in spans.items()}
    raw = _related(
        _RawSpans(
            {name: tuple(found) for name, found in rules.items()},
            shifted.pop("emails", ()),
            shifted.pop("phones", ()),
            mentions=tuple(
                at + offset for offset, reading in readings for at in reading.raw.mentions
            ),
            **shifted,
        )
    )
    has_words = any(reading.has_words for _, reading in readings)
    apologies = tuple(
        (s + offset, e + offset) for offset, reading in readings for s, e in reading.apologies
    )
    joined = _Reading(raw, apologies, has_words)
    return _assemble(text, joined, load_policy(platform), surface)
