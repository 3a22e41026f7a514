"""Check a reply or message against a platform's rules before it is posted.

The patterns live in `data/checks/<language>.toml` (one file per language) and
`data/checks/common.toml` (e-mails, phones, links); the rules themselves, with their severity and
message, in `data/checks/rules.toml`. Every finding cites the rule it breaks and the exact span.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reviewwatch.triage._data import data_names, load_toml
from reviewwatch.triage._text import base_language, merge_spans, sentences
from reviewwatch.triage.analysis import Analysis
from reviewwatch.triage.models import CheckResult, Finding, Severity, Surface
from reviewwatch.triage.policies import Policy, load_policy

_TERMS = ("incentive", "review", "det", "change_verb", "change_passive", "solicit_verb", "positive")
# Patterns that show an action on a review; with an incentive in the same sentence they make
# the offer conditional on the review.
_REVIEW_ACTIONS = ("ask_change_review", "solicit_review", "ask_positive_rating")
_NON_FILES = {"rules", "common"}


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
    gap = f"(?:[\\w'’-]+\\s+){{0,{data['gap_words']}}}?"
    return pattern.replace("{gap}", gap)


@functools.cache
def _language_patterns(language: str) -> dict[str, tuple[str, ...]]:
    """The expanded regex sources of one language, per rule (plus `incentive`, `review_action`)."""
    data = load_toml("checks", language)
    patterns = {
        name: tuple(_expand(source, data) for source in sources)
        for name, sources in data["patterns"].items()
    }
    patterns["incentive"] = (_expand("(?:{incentive})", data),)
    patterns["review_action"] = tuple(
        source for name in _REVIEW_ACTIONS for source in patterns.get(name, ())
    )
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


def _find(name: str, text: str, languages: tuple[str, ...]) -> list[tuple[int, int]]:
    pattern = _compiled(name, languages)
    if pattern is None:
        return []
    return merge_spans([match.span() for match in pattern.finditer(text)])


def _incentive_spans(text: str, languages: tuple[str, ...]) -> list[tuple[int, int]]:
    """Offers tied to a review: explicit phrasings, or an incentive and an action on a review
    in the same sentence ("... remove your feedback if we provide you with a voucher")."""
    spans = _find("incentive_for_review", text, languages)
    incentive = _compiled("incentive", languages)
    action = _compiled("review_action", languages)
    if incentive is None or action is None or not incentive.search(text):
        return spans
    for start, end in sentences(text):
        offer = incentive.search(text, start, end)
        tied = action.search(text, start, end) if offer else None
        if offer and tied:
            spans.append((min(offer.start(), tied.start()), max(offer.end(), tied.end())))
    return merge_spans(spans)


def _phone_spans(text: str) -> Iterator[tuple[int, int]]:
    """Numbers that look like phone numbers: 9-15 digits, or 7+ next to a phone word; no dates."""
    words = _common("phone_words")
    for match in _common("phone").finditer(text):
        digits = sum(char.isdigit() for char in match.group())
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", match.group()):
            continue
        near_word = words.search(text, max(0, match.start() - 20), match.start()) is not None
        if 9 <= digits <= 15 or (digits >= 7 and (near_word or match.group().startswith("+"))):
            yield match.span()


def _contact_rules(policy: Policy, surface: Surface) -> tuple[bool, bool, bool]:
    """(links, e-mails, phones) allowed on this surface."""
    if surface == "public_reply":
        return policy.reply.links, policy.reply.emails, policy.reply.phones
    return policy.channel.links, policy.channel.emails, policy.channel.phones


@dataclass(frozen=True, slots=True)
class _RawSpans:
    """Where a text breaks each sentence rule, before any platform's or surface's exceptions."""

    by_rule: Mapping[str, tuple[tuple[int, int], ...]]
    emails: tuple[tuple[int, int], ...]
    phones: tuple[tuple[int, int], ...]

    @property
    def clean(self) -> bool:
        """True when the text breaks no sentence rule on any platform."""
        return not (self.emails or self.phones or any(self.by_rule.values()))


# Replies are checked on every platform: the patterns run once per text, whatever the platform.
@functools.lru_cache(maxsize=16384)
def _raw_spans(text: str, languages: tuple[str, ...]) -> _RawSpans:
    by_rule: dict[str, tuple[tuple[int, int], ...]] = {}
    for rule in _sentence_rules():
        if rule.name == "incentive_for_review":
            by_rule[rule.name] = tuple(_incentive_spans(text, languages))
        elif rule.when == "links":
            by_rule[rule.name] = tuple(_link_spans(text))
        elif rule.when != "contact":
            by_rule[rule.name] = tuple(_find(rule.name, text, languages))
    return _RawSpans(by_rule, tuple(_email_spans(text)), tuple(_phone_spans(text)))


def _link_spans(text: str) -> list[tuple[int, int]]:
    """Links that are not part of an e-mail address."""
    urls = [match.span() for match in _common("url").finditer(text)]
    if not urls:
        return []
    emails = _email_spans(text)
    return [span for span in urls if not any(_overlaps(span, mail) for mail in emails)]


@dataclass(frozen=True, slots=True)
class _AppliedRule:
    """A sentence rule that applies on a platform and surface; for the contact-data rule,
    whether e-mail addresses and phone numbers break it there."""

    name: str
    contact: bool
    emails: bool
    phones: bool


@functools.lru_cache(maxsize=256)
def _applied_rules(platform: str, surface: Surface) -> tuple[_AppliedRule, ...]:
    """The sentence rules that `platform` applies on `surface`, in their order."""
    policy = load_policy(platform)
    links_ok, emails_ok, phones_ok = _contact_rules(policy, surface)
    applied: list[_AppliedRule] = []
    for rule in _sentence_rules():
        when = rule.when
        if (
            (when == "no_update" and surface in policy.update_request.surfaces)
            or (when == "no_solicit" and policy.solicit_allowed)
            or (when == "links" and links_ok)
        ):
            continue
        contact = rule.name != "incentive_for_review" and when == "contact"
        applied.append(_AppliedRule(rule.name, contact, not emails_ok, not phones_ok))
    return tuple(applied)


def _spans_for(rule: _AppliedRule, raw: _RawSpans) -> Sequence[tuple[int, int]]:
    """Where `rule` is broken (empty: not broken)."""
    if rule.contact:
        emails = raw.emails if rule.emails else ()
        return merge_spans([*emails, *(raw.phones if rule.phones else ())])
    return raw.by_rule[rule.name]


def _email_spans(text: str) -> list[tuple[int, int]]:
    if "@" not in text and _email_needs_at():
        return []
    return [match.span() for match in _common("email").finditer(text)]


@functools.cache
def _email_needs_at() -> bool:
    """Whether every e-mail pattern has a literal "@": then a text without one has no e-mail
    address and needs no regex pass at all (most texts)."""
    sources: list[str] = load_toml("checks", "common")["email"]
    return all("@" in source for source in sources)


def _overlaps(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] < other[1] and other[0] < one[1]


_WHOLE_TEXT = ("length", "repeated")
_Span = tuple[str, int, int]
_NO_FINDINGS = CheckResult()


@functools.cache
def _sentence_rules() -> tuple[_Rule, ...]:
    """The rules that work within a sentence, in their order."""
    return tuple(rule for rule in _rules() if rule.when not in _WHOLE_TEXT)


@functools.cache
def _whole_text_rules() -> tuple[_Rule, ...]:
    """The rules that count over the whole text (length, repeated apologies), in their order."""
    return tuple(rule for rule in _rules() if rule.when in _WHOLE_TEXT)


@functools.lru_cache(maxsize=16384)
def _sentence_spans(
    text: str, platform: str, surface: Surface, languages: tuple[str, ...]
) -> tuple[_Span, ...]:
    """(rule, start, end) for every rule that works within a sentence."""
    raw = _raw_spans(text, languages)
    spans: list[_Span] = []
    for rule in _applied_rules(platform, surface):
        found = _spans_for(rule, raw)
        if found:
            spans += [(rule.name, start, end) for start, end in found]
    return tuple(spans)


@functools.lru_cache(maxsize=16384)
def _apology_spans(text: str, languages: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    return tuple(_find("repeated_apology", text, languages))


def _assemble(
    spans: list[_Span],
    apologies: list[tuple[int, int]],
    length: int,
    policy: Policy,
    surface: Surface,
) -> CheckResult:
    """Findings from per-sentence spans plus the whole-text rules (length, repeated apology)."""
    for rule in _whole_text_rules():
        if rule.when == "repeated" and len(apologies) >= rule.repeat_at:
            spans.append((rule.name, *apologies[rule.repeat_at - 1]))
        if rule.when == "length" and surface == "public_reply" and length > policy.reply.max_chars:
            spans.append((rule.name, policy.reply.max_chars, length))
    if not spans:
        return _NO_FINDINGS
    rules = _rules_by_name()
    findings = [
        Finding(
            rule=name,
            severity=rules[name].severity,
            message=rules[name].message,
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

    `text` may be the reply's `Analysis`: then its clean level is checked (zero-width and
    other invisible characters cannot hide a phrase, full-width letters read as plain ones)
    and every finding points back into the reply as written.

    Blocks incentives tied to a review, asks for a better rating, pressure or (where the
    platform forbids it) requests to change a review, gating, marketing, contact data and links
    where not allowed, over-long replies, threats and insults; warns about a defensive tone and
    repeated apologies. `language` narrows the patterns to that language plus English; None
    runs every language's patterns.
    """
    if isinstance(text, str):
        return _check_text(text, platform, surface, _languages_for(language))
    analysis = text
    result = _check_text(analysis.clean, platform, surface, _languages_for(language))
    if analysis.clean == analysis.text:
        return result
    findings = []
    for finding in result.findings:
        start, end = _original_span(analysis, finding.start, finding.end)
        findings.append(dataclasses.replace(finding, start=start, end=end))
    return CheckResult(findings=tuple(findings))


def _original_span(analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    """Where a span of the clean text lies in the text as written (a span that ends the
    clean text ends the original)."""
    length = len(analysis.clean)
    if start >= length:
        return len(analysis.text), len(analysis.text)
    first, last = analysis.span(start, min(end, length), level="clean")
    return first, len(analysis.text) if end >= length else last


# A check is a pure function of its arguments; replies, names and template sentences recur.
@functools.lru_cache(maxsize=16384)
def _check_text(
    text: str, platform: str, surface: Surface, languages: tuple[str, ...]
) -> CheckResult:
    policy = load_policy(platform)
    spans = list(_sentence_spans(text, platform, surface, languages))
    apologies = list(_apology_spans(text, languages))
    return _assemble(spans, apologies, len(text), policy, surface)


def check_parts(
    text: str,
    parts: Sequence[tuple[int, str]],
    *,
    platform: str,
    surface: Surface = "public_reply",
    language: str | None = None,
) -> CheckResult:
    """Check `text`, made of `parts` (offset, part) that each end at a sentence break, part by
    part. Every rule works within a sentence (or counts over the whole text, which is done
    here), so the result equals check_reply(text, ...); each part's result is cached, which
    makes checking drafts built from templates cheap.
    """
    return _check_parts(text, tuple(parts), platform, surface, _languages_for(language))


def _check_parts(
    text: str,
    parts: tuple[tuple[int, str], ...],
    platform: str,
    surface: Surface,
    languages: tuple[str, ...],
) -> CheckResult:
    policy = load_policy(platform)
    checked = _checked_parts(languages)
    spans: list[_Span] = []
    apologies: list[tuple[int, int]] = []
    for offset, part in parts:
        clean, apologised = checked[part]
        # Template sentences seldom break a rule: most parts add nothing on any platform.
        if not clean:
            found = _sentence_spans(part, platform, surface, languages)
            spans += [(name, start + offset, end + offset) for name, start, end in found]
        if apologised:
            apologies += [(start + offset, end + offset) for start, end in apologised]
    return _assemble(spans, apologies, len(text), policy, surface)


_PartCheck = tuple[bool, tuple[tuple[int, int], ...]]
# Parts whose check results are kept at hand per language (template sentences recur).
_PARTS_KEPT = 16384


class _CheckedParts(dict[str, _PartCheck]):
    """Per part, whether it breaks no sentence rule on any platform, and its apologies;
    worked out when a part is first seen."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        super().__init__()
        self.languages = languages

    def __missing__(self, part: str) -> _PartCheck:
        found = (_raw_spans(part, self.languages).clean, _apology_spans(part, self.languages))
        if len(self) >= _PARTS_KEPT:
            self.clear()
        self[part] = found
        return found


@functools.lru_cache(maxsize=256)
def _checked_parts(languages: tuple[str, ...]) -> _CheckedParts:
    return _CheckedParts(languages)
