"""Check a reply or message against a platform's rules before it is posted.

The reply is analysed first (`analysis.analyse`: NFKC, invisible and format characters
removed, HTML entities decoded, look-alike letters folded, case and accents folded), so a soft
hyphen, a zero-width space, a Cyrillic "о" or "&#111;" inside a word changes nothing. The
patterns run on that folded form and every finding points back at the original text.

The patterns live in `data/checks/<language>.toml` (one file per language) and
`data/checks/common.toml` (e-mails, phones, links); the rules themselves, with their severity and
message, in `data/checks/rules.toml`. Beside the phrase patterns, each language's `[concepts]`
(an incentive, a review, changing it, asking, lying, fault, courts ...) are related to one
another (`_concepts`, `_relations`): the words need not be any listed phrase. The patterns and
rules are read in `_phrases`, the spans of one reply gathered and related in `_reply_spans`;
this module applies a platform's rules to them and says what it found. An offer and an
ask about the review are related across the whole reply, not one sentence. Every finding cites
the platform's own rule (or the universal rule) and the exact span; the length finding says the
numbers.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reviewwatch.triage._frame import only_frame, surely_too_long
from reviewwatch.triage._mailboxes import is_desk_phone, is_role_mailbox
from reviewwatch.triage._phrases import (
    INVISIBLE,
    WHOLE_TEXT,
    Rule,
    all_rules,
    find_spans,
    languages_for,
    pattern_rules,
    rules_by_name,
    says_something,
)
from reviewwatch.triage._phrases import supported_languages as supported_languages
from reviewwatch.triage._reply_spans import SPAN_FIELDS, RawSpans, raw_spans, related_spans
from reviewwatch.triage._spaced import with_spelled_out
from reviewwatch.triage._text import merge_spans
from reviewwatch.triage.analysis import Analysis, analyse
from reviewwatch.triage.models import CheckResult, Finding, Surface
from reviewwatch.triage.policies import Policy, load_policy


def _contact_rules(policy: Policy, surface: Surface) -> tuple[bool, bool, bool]:
    """(links, e-mails, phones) allowed on this surface."""
    if surface == "public_reply":
        return policy.reply.links, policy.reply.emails, policy.reply.phones
    return policy.channel.links, policy.channel.emails, policy.channel.phones


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
    # The contact-data rule on a public reply: a person's health is personal data there on
    # every platform, whatever it allows of e-mails and phones.
    public: bool = False


@functools.lru_cache(maxsize=256)
def _applied_rules(platform: str, surface: Surface) -> tuple[_AppliedRule, ...]:
    """The pattern rules that `platform` applies on `surface`, in their order."""
    policy = load_policy(platform)
    links_ok, emails_ok, phones_ok = _contact_rules(policy, surface)
    applied: list[_AppliedRule] = []
    for rule in pattern_rules():
        when = rule.when
        if (when == "no_update" and surface in policy.update_request.surfaces) or (
            when == "no_solicit" and policy.solicit_allowed
        ):
            continue
        contact = rule.name != "incentive_for_review" and when == "contact"
        downloads = when == "links" and links_ok
        public = contact and surface == "public_reply"
        applied.append(
            _AppliedRule(rule.name, contact, not emails_ok, not phones_ok, downloads, public)
        )
    return tuple(applied)


def _spans_for(rule: _AppliedRule, raw: RawSpans) -> Sequence[tuple[int, int]]:
    """Where `rule` is broken (empty: not broken)."""
    if rule.contact:
        emails = raw.emails if rule.emails else ()
        phones = [*raw.phones, *raw.addresses] if rule.phones else []
        health = raw.by_rule.get(rule.name, ()) if rule.public else ()
        return merge_spans([*emails, *phones, *health])
    if rule.downloads:
        return raw.downloads
    return raw.by_rule.get(rule.name, ())


_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE)


def shown_length(text: str) -> int:
    """How many characters a reader sees: an HTML entity ("&#101;", "&amp;") shows as one, an
    invisible format character (a soft hyphen, a zero-width space) as none."""
    if "&" in text:
        text = _ENTITY.sub("x", text)
    return len(INVISIBLE.sub("", text))


_Span = tuple[str, int, int]


@functools.cache
def _whole_text_rules() -> tuple[Rule, ...]:
    """The rules that look at the whole text (length, repeated apologies, empty replies)."""
    return tuple(rule for rule in all_rules() if rule.when in WHOLE_TEXT)


@functools.lru_cache(maxsize=16384)
def _sentence_spans(
    text: str, platform: str, surface: Surface, languages: tuple[str, ...]
) -> tuple[_Span, ...]:
    """(rule, start, end) in the folded `text` for every pattern rule that applies here."""
    return _select(raw_spans(text, languages), platform, surface)


def _select(raw: RawSpans, platform: str, surface: Surface) -> tuple[_Span, ...]:
    """(rule, start, end) for every pattern rule that `platform` applies on `surface`."""
    if not (
        raw.emails or raw.phones or raw.addresses or raw.downloads or any(raw.by_rule.values())
    ):
        return ()  # nothing any rule reads (most drafts, names, greetings)
    spans: list[_Span] = []
    for rule in _applied_rules(platform, surface):
        found = _spans_for(rule, raw)
        if found:
            spans += [(rule.name, start, end) for start, end in found]
    return tuple(spans)


def _message(rule: Rule, policy: Policy, surface: Surface, size: int, count: int) -> str:
    """The rule's message, with the numbers where they matter."""
    own_kinds = _own_kinds(policy, surface)
    if rule.when == "contact" and own_kinds:
        kinds = " or ".join(_KIND_WORDS[kind] for kind in own_kinds)
        return (
            f"{rule.message} Your business's own support {kinds} may stand here: write it "
            "in [business] contact and reviewwatch lets exactly that one through."
        )
    if rule.when == "length":
        return (
            f"{size} characters; {policy.name} allows {policy.reply.max_chars}. "
            f"Shorten it by {size - policy.reply.max_chars}."
        )
    if rule.when == "repeated":
        return f"Apologises {count} times; one sincere apology reads better."
    return rule.message


_KIND_WORDS = {"email": "e-mail address", "phone": "phone number"}
_NOT_DIGIT = re.compile(r"\D")


def _own_kinds(policy: Policy, surface: Surface) -> tuple[str, ...]:
    """The kinds of the business's own contact data ("email", "phone") allowed here."""
    return policy.reply.own_contact_kinds if surface == "public_reply" else ()


def _contact_key(kind: str, written: str) -> str:
    """How an e-mail address or a phone number is compared: an address folded (invisible
    characters out, case folded), a number by its digits."""
    plain = INVISIBLE.sub("", unicodedata.normalize("NFKC", written))
    if kind == "email":
        return f"email:{plain.strip().casefold()}"
    return f"phone:{_NOT_DIGIT.sub('', plain)}"


# A phone number is the same when the last nine digits of one are in the other: "+44 20 7946
# 0000" and "020 7946 0000" are one number, and a stray digit after it ("(9 to 5)") is noise.
_PHONE_DIGITS = 9
# How much of the text before a phone number is read for words that give it as the
# business's line.
_DESK_CONTEXT = 80


def _is_own(kind: str, written: str, own: frozenset[str], before: str) -> bool:
    """Whether the address or number `written` (after the text `before` it) is the business's
    own: named in `[business] contact`, a desk's mailbox, or a number given as its line."""
    key = _contact_key(kind, written)
    if key in own:
        return True
    # Read as a reader sees it: look-alike letters and entities undone.
    if kind == "email":
        return is_role_mailbox(analyse(written).clean.strip().casefold())
    known_numbers = [k.removeprefix("phone:") for k in own if k.startswith("phone:")]
    # With no number of its own configured, a number given as the business's line is its
    # own; with one, only that one is (another may be a person's).
    if not known_numbers:
        return is_desk_phone(analyse(before[-_DESK_CONTEXT:]).clean.casefold())
    digits = key.removeprefix("phone:")
    if len(digits) < 7:
        return False
    return any(
        digits[-_PHONE_DIGITS:] in known or known[-_PHONE_DIGITS:] in digits
        for known in known_numbers
        if len(known) >= 7
    )


@functools.lru_cache(maxsize=64)
def contact_keys(texts: tuple[str, ...]) -> frozenset[str]:
    """The e-mail addresses and phone numbers written in `texts` (the business's own contact
    words, `[business] contact`): where a platform allows a business's own support address in
    a reply, exactly these pass the checker, and no other address does."""
    keys: set[str] = set()
    for text in texts:
        raw = _reading(analyse(text), languages_for(None)).raw
        keys.update(_contact_key("email", text[start:end]) for start, end in raw.emails)
        keys.update(_contact_key("phone", text[start:end]) for start, end in raw.phones)
    return frozenset(keys)


def _without_own(
    spans: list[_Span], text: str, raw: RawSpans, kinds: tuple[str, ...], own: frozenset[str]
) -> list[_Span]:
    """`spans` without the contact-data findings that are only the business's own address."""
    found = {"email": raw.emails, "phone": raw.phones}
    vetted = [
        (start, end)
        for kind in kinds
        for start, end in found[kind]
        if _is_own(kind, text[start:end], own, text[:start])
    ]
    if not vetted:
        return spans
    return [
        span
        for span in spans
        if span[0] != "personal_data"
        or not any(start <= span[1] and span[2] <= end for start, end in vetted)
    ]


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the checker found in a reply, in the reply's own positions: the pattern spans
    (before the platform's rules pick theirs), the apologies, and whether it has a word."""

    raw: RawSpans
    apologies: tuple[tuple[int, int], ...]
    has_words: bool
    # The span fields and rules with something in them: a draft's parts are joined by
    # shifting only these (most of a sentence's fields are empty).
    filled: tuple[str, ...] = ()
    ruled: tuple[str, ...] = ()


def _reading(
    analysis: Analysis, languages: tuple[str, ...], *, blocks_only: bool = False
) -> _Reading:
    """Read an analysed text and map what was found back to the text as written. With
    `blocks_only`, what only rules that cannot block read is left out: the apologies where
    repeating them only warns, and whether the text has a word (read by the empty-reply rule,
    which the caller then ignores)."""
    raw = raw_spans(analysis.folded, languages)

    def back(spans: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
        if not spans:
            return ()
        return tuple(analysis.span(start, end) for start, end in spans)

    apologies: tuple[tuple[int, int], ...] = ()
    if not blocks_only or _repeating_blocks():
        apologies = back(find_spans("repeated_apology", analysis.folded, languages))
    has_words = True if blocks_only else says_something(analysis.folded)
    if raw is raw_spans("", languages):
        # Nothing found (a name, a greeting: `_plain_text`): nothing to map back.
        return _Reading(raw, apologies, has_words)

    original = RawSpans(
        {name: back(spans) for name, spans in raw.by_rule.items()},
        open_street=raw.open_street,
        mentions=tuple(analysis.span(at, at + 1)[0] for at in raw.mentions),
        **{
            name: tuple((*analysis.span(entry[0], entry[1]), *entry[2:]) for entry in entries)
            if (entries := getattr(raw, name))
            else ()
            for name in SPAN_FIELDS
        },
    )
    return _Reading(
        original,
        apologies,
        has_words,
        filled=tuple(name for name in SPAN_FIELDS if getattr(original, name)),
        ruled=tuple(name for name, spans in original.by_rule.items() if spans),
    )


@functools.cache
def _repeating_blocks() -> bool:
    """Whether a rule that counts repeats (apologies) blocks; as shipped it only warns."""
    return any(rule.when == "repeated" and rule.severity == "block" for rule in all_rules())


@functools.lru_cache(maxsize=16384)
def _part_reading(part: str, languages: tuple[str, ...]) -> _Reading:
    """The reading of one sentence of a draft (template sentences recur: cached)."""
    return _reading(analyse(part), languages)


def _assemble(
    text: str,
    reading: _Reading,
    policy: Policy,
    surface: Surface,
    own: frozenset[str] = frozenset(),
) -> CheckResult:
    """Findings from the platform's pattern rules plus the whole-text rules (length, repeated
    apologies, empty replies); every span is a span of `text` as written. `own`: the keys of
    the business's own contact data (`contact_keys`), let through where the platform allows."""
    spans = list(_select(reading.raw, policy.platform, surface))
    kinds = _own_kinds(policy, surface)
    if kinds and (own or reading.raw.emails or reading.raw.phones):
        spans = _without_own(spans, text, reading.raw, kinds, own)
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
    rules = rules_by_name()
    findings = [
        Finding(
            rule=name,
            severity=rules[name].severity,
            message=_message(rules[name], policy, surface, size, counts.get(name, 0)),
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
    own_contacts: frozenset[str] = frozenset(),
) -> CheckResult:
    """Check `text` against `platform`'s rules for `surface`.

    Blocks incentives tied to a review (anywhere in the reply), asks for a better rating,
    pressure or (where the platform forbids it) requests to change a review, gating, marketing,
    contact data and links where not allowed, over-long and empty replies, threats, insults,
    accusations (lying, being a competitor) and blaming the customer; warns about a defensive
    tone and repeated apologies. `language` narrows the patterns to that language plus English;
    None runs every language's patterns. `text` may be the reply's `Analysis` when the caller
    has one; a string is analysed here. `own_contacts` (`contact_keys` of the business's
    contact words): the business's own support address, let through where the platform allows
    one (its pack's `own_contact_kinds`), as is a desk's e-mail address at a business's own
    domain there (`_mailboxes`: "support@", not "anna@" nor one at a mail provider).
    """
    if not isinstance(text, str):
        reading = _whole_reading(text, languages_for(language))
        return _assemble(text.text, reading, load_policy(platform), surface, own_contacts)
    languages = languages_for(language)
    result = _check_text(text, platform, surface, languages, own_contacts)
    # A word spelled out letter by letter ("r e v i e w") is read joined too.
    return with_spelled_out(
        text, result, lambda joined: _check_text(joined, platform, surface, languages, own_contacts)
    )


def check_piece(text: str, *, platform: str, own_contacts: frozenset[str]) -> CheckResult:
    """The blocks `check_reply` finds in a piece of outside text that is to go into a public
    reply (a name, a subject, a signature), in every language, but the empty-reply rule's: a
    piece is never a reply of its own (the reply around it says something), so it is not read
    for a frame or for words, and any `empty_reply` finding is to be ignored. Warnings may be
    left out; every other blocking finding is the same."""
    languages = languages_for(None)

    def check(piece: str) -> CheckResult:
        reading = _reading(analyse(piece), languages, blocks_only=True)
        return _assemble(piece, reading, load_policy(platform), "public_reply", own_contacts)

    return with_spelled_out(text, check(text), check)


# A check is a pure function of its arguments; replies, names and template sentences recur.
@functools.lru_cache(maxsize=16384)
def _check_text(
    text: str,
    platform: str,
    surface: Surface,
    languages: tuple[str, ...],
    own: frozenset[str] = frozenset(),
) -> CheckResult:
    reading = _whole_reading(analyse(text), languages)
    return _assemble(text, reading, load_policy(platform), surface, own)


def _whole_reading(analysis: Analysis, languages: tuple[str, ...]) -> _Reading:
    """The reading of a whole reply, which says nothing when it is only its frame: a
    greeting, closing words and a signature ("Hi Sarah,\\nBest,\\nMolly"). A draft's
    parts are read one by one (a greeting part alone is no empty draft)."""
    return _unframed(analysis.clean, _reading(analysis, languages))


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


# A sentence: up to its stop (a full stop inside "eBay.de" or "9.90" is none).
_SENTENCE = re.compile(r"(?:[^.!?。！？\n]|[.!?](?=\S))+[.!?。！？]*")


def sentence_parts(text: str) -> tuple[tuple[int, str], ...]:
    """`text` cut into sentences with where each starts: parts for `check_parts`."""
    return tuple((match.start(), match.group()) for match in _SENTENCE.finditer(text))


def check_parts(
    text: str,
    parts: Sequence[tuple[int, str]],
    *,
    platform: str,
    surface: Surface = "public_reply",
    language: str | None = None,
    own_contacts: frozenset[str] = frozenset(),
) -> CheckResult:
    """Check `text`, a draft made of `parts` (offset, part) that each end at a sentence break.

    Each part is read once and its reading cached (template sentences recur from draft to
    draft); the readings are joined, and an offer in one part and an action on the review in
    another are related as in check_reply, which gives the same result.
    """
    languages = languages_for(language)
    readings = [
        (offset, _part_reading(part, languages))
        for offset, part in _joined_parts(text, parts, languages)
    ]
    policy = load_policy(platform)
    if len(readings) == 1 and readings[0][0] == 0:
        reading = _parts_unframed(text, parts, readings[0][1])
        return _assemble(text, reading, policy, surface, own_contacts)

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
    raw = related_spans(
        RawSpans(
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
    joined = _parts_unframed(text, parts, _Reading(raw, apologies, has_words))
    return _assemble(text, joined, policy, surface, own_contacts)


def _unframed(clean: str, reading: _Reading) -> _Reading:
    """`reading` of a whole reply whose clean text is `clean`: it says nothing when the reply
    is only its frame, a greeting, closing words and a signature ("Hi Sarah,\\nBest,\\nMolly")."""
    if reading.has_words and only_frame(clean):
        return dataclasses.replace(reading, has_words=False)
    return reading


# A part of a frame is a line of a few words; disguised (an invisible character in every
# word, entities), it is at most about twice as long.
_FRAME_PART = 2 * 48


def _parts_unframed(text: str, parts: Sequence[tuple[int, str]], reading: _Reading) -> _Reading:
    """`_unframed` for a text checked part by part, as `check_reply` reads it whole; a text
    with a part longer than a frame's line (every draft but the shortest) is not analysed
    again for it."""
    if not reading.has_words or any(len(part) > _FRAME_PART for _, part in parts):
        return reading
    if surely_too_long(text):
        return reading  # `only_frame` would be false: not analysed again for it
    return _unframed(analyse(text).clean, reading)
