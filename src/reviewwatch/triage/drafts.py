"""Draft a short, personal, rule-abiding public reply to a negative review.

Templates live in `data/replies/<language>.toml`: several phrasings per slot, picked by a stable
hash of the review text so the same review always gets the same draft and `variant=1, 2, ...`
give other phrasings. Everything the business or the reviewer supplies (names, subject, contact
words) is checked against the platform's rules before it goes into a draft.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reviewwatch.triage._complaint_kinds import (
    Complaint,
    complaints_of_their_own,
    find_complaints,
)
from reviewwatch.triage._data import data_names, load_toml
from reviewwatch.triage._lexicon import UNSPACED_LANGUAGES
from reviewwatch.triage._naming import first_name as first_name
from reviewwatch.triage._naming import product_name, staff_role, vocative
from reviewwatch.triage._text import base_language
from reviewwatch.triage.analysis import analyse
from reviewwatch.triage.checker import (
    check_parts,
    check_piece,
    check_reply,
    contact_keys,
    sentence_parts,
)
from reviewwatch.triage.models import BusinessInfo, Category, CheckResult, ReplyDraft, ReviewInput
from reviewwatch.triage.policies import Policy

_FALLBACK_LANGUAGE = "en"
_TRADITIONAL = "zh-Hant"
_MAX_CATEGORIES = 2
# The margin (log-odds over the cut-off) a second category needs before a draft speaks of it:
# chosen on one half of the real reviews' source files (bench/draft_categories.py).
_SECOND_MARGIN = 1.0
# Below this many characters a platform gets the dedicated one-line template (eBay: 80).
_SHORT_LIMIT = 120
_Parts = tuple[tuple[int, str], ...]


@functools.cache
def reply_languages() -> tuple[str, ...]:
    """Languages that have reply templates."""
    return tuple(name for name in data_names("replies") if not name.startswith("_"))


@functools.cache
def _templates(language: str) -> dict[str, Any]:
    return load_toml("replies", language)


@functools.cache
def _stride(total: int) -> int:
    """A step coprime with `total`, so variants 0..total-1 all pick different combinations."""
    step = max(1, int(total * 0.618)) + 1
    while math.gcd(step, total) != 1:
        step += 1
    return step


def _pick(options: Sequence[Sequence[str]], seed: str, variant: int) -> list[str]:
    """One phrase per slot, chosen by a stable hash of `seed` and shifted by `variant`."""
    total = math.prod(map(len, options))
    index = _combination(seed, variant, total, _stride(total))
    chosen: list[str] = []
    for slot in options:
        index, remainder = divmod(index, len(slot))
        chosen.append(slot[remainder])
    return chosen


def _combination(seed: str, variant: int, total: int, stride: int) -> int:
    """Which of `total` combinations of phrasings to use: a stable hash of `seed`, shifted by
    `variant` steps of `stride`; its digits in the slots' sizes pick one phrase per slot."""
    digest = hashlib.blake2b(seed.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return (int.from_bytes(digest, "big") + variant * stride) % total


@functools.lru_cache(maxsize=4096)
def _safe(value: str, platform: str, own: frozenset[str]) -> bool:
    """Whether a piece of outside text (a name, subject, contact words) may go into a reply;
    `own`: the business's own contact data (`contact_keys`). A piece that says nothing on its
    own (a signature: "Acme 客服 安娜 敬上") is safe: the reply around it says something."""
    if not value.strip():
        return False
    findings = check_piece(value, platform=platform, own_contacts=own).findings
    return not any(f.severity == "block" and f.rule != "empty_reply" for f in findings)


@dataclass(frozen=True, slots=True)
class _Values:
    """The placeholder values of one draft, as a mapping and (for caches) as a tuple, and
    which of the values that shape a draft's layout are there."""

    fields: Mapping[str, str]
    key: tuple[str, ...]
    present: tuple[bool, ...]


_VALUE_NAMES = ("name", "subject", "contact", "support_url", "signature", "role")


def _values(
    review: ReviewInput, business: BusinessInfo, policy: Policy, code: str = "en"
) -> _Values:
    """Placeholder values for a draft in `code`; anything that would break the platform's rules
    is left out, and the business's words only in the draft's language (never a fragment in
    another language: with none, the draft uses its own neutral phrasing)."""
    name = first_name(review.author) or ""
    return _checked_values(
        vocative(name, code) if name else "",
        product_name(review) or "",
        business.contact_for(code),
        (business.support_url or "").strip() if policy.reply.links else "",
        business.signature_for(code),
        staff_role(review.text, code),
        policy.platform,
        contact_keys(business.contact_texts),
    )


@functools.lru_cache(maxsize=4096)
def _checked_values(
    name: str,
    subject: str,
    contact: str,
    support_url: str,
    signature: str,
    role: str,
    platform: str,
    own: frozenset[str],
) -> _Values:
    values = (name, subject, contact, support_url, signature, role)
    checked = tuple(value if value and _safe(value, platform, own) else "" for value in values)
    fields = dict(zip(_VALUE_NAMES, checked, strict=True))
    return _Values(fields, checked, tuple(bool(fields[key]) for key in _LAYOUT_VALUES))


def _candidates(values: _Values) -> Iterator[_Values]:
    """The values a draft is tried with: these, then (only where the draft with the name fails
    its check, which is rare) the same without the reviewer's name."""
    yield values
    if values.fields["name"]:
        yield _without_name(values)


def _without_name(values: _Values) -> _Values:
    """The same values without the reviewer's name: a draft that greets without one."""
    fields = {**values.fields, "name": ""}
    key = tuple(fields[name] for name in _VALUE_NAMES)
    return _Values(fields, key, tuple(bool(fields[name]) for name in _LAYOUT_VALUES))


class _Fills(dict[str, str]):
    """The templates of one language filled with one draft's values, as they are needed."""

    def __init__(self, code: str, values: tuple[str, ...]) -> None:
        super().__init__()
        fields = dict(zip(_VALUE_NAMES, values, strict=True))
        templates = _templates(code)
        named = templates["item_named"] if fields["subject"] else ""
        item = named or templates["item_default"]
        # The thing that should have worked: "your order" does not work or break, the item does.
        product = named or templates.get("product_default", item)
        self.placeholders = {
            **fields,
            "item": item.format_map(fields),
            "product": product.format_map(fields),
        }

    def __missing__(self, template: str) -> str:
        filled = self[template] = _fill(template, self.placeholders)
        return filled


@functools.lru_cache(maxsize=1024)
def _fills(code: str, values: tuple[str, ...]) -> _Fills:
    """Filled templates for the values (in `_VALUE_NAMES` order) in the language `code`."""
    return _Fills(code, values)


def _fill(template: str, values: Mapping[str, str]) -> str:
    text = template.format_map(values).strip()
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _contact_options(
    templates: dict[str, Any], channel: str, has: dict[str, bool], kind: str
) -> list[str]:
    """How the reviewer reaches the business: the platform's private channel (in the kind's
    own words where it has them: a bank on Trustpilot has no order to find), a link, the
    business's contact words, or the language's neutral words."""
    slots = templates["slots"]
    if channel:
        channels = templates["channel"]
        options: list[str] = channels.get(f"{channel}_{kind}", channels[channel])
        return options
    if has["support_url"]:
        linked = [t for t in slots["contact_link"] if has["contact"] or "{contact}" not in t]
        if linked:
            return linked
    if has["contact"]:
        words: list[str] = slots["contact_words"]
        return words
    none: list[str] = slots["contact_none"]
    return none


def draft_categories(categories: Iterable[Category | str]) -> list[str]:
    """The categories a draft speaks of: at most two, the surest first, and only those whose
    listed words the review holds; the second only where the model is sure of it too. A
    category the model found without a listed word is wrong more often than right, and a
    second one with less than `_SECOND_MARGIN` about half the time (out of fold on real
    reviews, bench/README), so the draft answers with the neutral words of `other`, or speaks
    of one complaint, rather than apologise for the wrong thing. A category given by name or
    set by a user has no margin to doubt (`Category.margin`)."""
    items = [item if isinstance(item, Category) else Category(item) for item in categories]
    sure = sorted(
        (item for item in items if item.name != "other" and item.listed),
        key=lambda item: -item.margin,
    )
    spoken = [item for rank, item in enumerate(sure) if not rank or item.margin >= _SECOND_MARGIN]
    names = list(dict.fromkeys(item.name for item in spoken)) or ["other"]
    return names[:_MAX_CATEGORIES]


def _seed(review: ReviewInput) -> str:
    """What picks a draft's phrasings: the review's own identity where it has one (so that
    reviews with the same words, or none, still open differently), else its text."""
    return review.key or review.text


def spoken_categories(categories: Iterable[Category | str], text: str, language: str) -> list[str]:
    """The categories a complaint's draft in `language` speaks of: `draft_categories` of the
    complaints of their own (not a quality only weighed against the price: `[only_comparing]`),
    less a category that only repeats another complaint's words (`[same_complaint]`)."""
    code = reply_language(language, text)
    categories = list(categories)
    main = tuple(draft_categories(complaints_of_their_own(code, categories, text)))
    return [complaint.name for complaint in find_complaints(code, categories, main, text, "", "")]


def _is_positive(review: ReviewInput) -> bool:
    return review.rating is not None and review.rating >= 4 and review.polarity != "negative"


def _compose(
    review: ReviewInput,
    code: str,
    categories: Iterable[Category | str],
    values: _Values,
    policy: Policy,
    variant: int,
    kind: str,
) -> tuple[str, _Parts]:
    """The full draft for a business of `kind`, dropping optional sentences until it fits the
    platform's limit."""
    positive = _is_positive(review)
    own = () if positive else complaints_of_their_own(code, categories, review.text)
    main = () if positive else tuple(draft_categories(own))
    complaints = find_complaints(code, categories, main, review.text, values.fields["role"], kind)
    channel = policy.channel.key or ""
    layout = _layout(code, positive, complaints, kind, channel, values.present)
    # The same choice as _pick(layout.options, ...), filling each phrase as it is chosen.
    index = _combination(_seed(review), variant, layout.combinations, layout.stride)
    fills = _fills(code, values.key)
    # The sentences without the reviewer's name are filled once for every reviewer.
    unnamed = _fills(code, ("", *values.key[1:])) if values.key[0] else fills
    texts: dict[str, str] = {}
    for key, options in zip(layout.keys, layout.options, strict=True):
        index, chosen = divmod(index, len(options))
        template = options[chosen]
        texts[key] = (fills if _names_reviewer(code, template) else unnamed)[template]
    return _fit(code, texts, policy.reply.max_chars)


@functools.lru_cache(maxsize=4096)
def _names_reviewer(code: str, template: str) -> bool:
    """Whether `template` (of language `code`) says the reviewer's name, itself or through
    the item it names."""
    fields = _fields(template)
    if "item" in fields:
        templates = _templates(code)
        fields |= _fields(templates["item_named"]) | _fields(templates["item_default"])
    return "name" in fields


def _fields(template: str) -> set[str]:
    """The placeholders a template fills ("name" of "{name}", "{name!s}", "{name.title}")."""
    return {
        re.split(r"[.\[!:]", field, maxsplit=1)[0]
        for _, field, _, _ in string.Formatter().parse(template)
        if field is not None
    }


# The values whose presence (not their text) decides which slots a draft has.
_LAYOUT_VALUES = ("name", "support_url", "contact", "signature")


@dataclass(frozen=True, slots=True)
class _Layout:
    """A draft's slots in order, the phrasings to pick from for each, and how many
    combinations of them there are (with the step between variants)."""

    keys: tuple[str, ...]
    options: tuple[Sequence[str], ...]
    combinations: int
    stride: int


@functools.lru_cache(maxsize=4096)
def _layout(
    code: str,
    positive: bool,
    complaints: tuple[Complaint, ...],
    kind: str,
    channel: str,
    present: tuple[bool, ...],
) -> _Layout:
    """The draft's slots and phrasings for a language, category set, platform and values."""
    templates = _templates(code)
    has = dict(zip(_LAYOUT_VALUES, present, strict=True))
    slots = templates["slots"]
    greeting = slots["greeting_named"] if has["name"] else slots["greeting"]
    body: list[tuple[str, Sequence[str]]]
    if positive:
        # Praise of an app is praise of the app, of a place the visit: not of "your order".
        body = [("positive", slots.get(f"positive_{kind}", slots["positive"]))]
    else:
        body = [("thanks", slots["thanks"]), ("apology", slots["apology"])]
        acknowledge = templates["acknowledge"]
        body += [(f"ack{i}", acknowledge[c.acknowledge]) for i, c in enumerate(complaints)]
        fixes = [_fix_options(templates, complaint, kind) for complaint in complaints]
        # Two complaints answered the same way (an app's "we're working on a fix") get it once.
        unique = [options for i, options in enumerate(fixes) if options not in fixes[:i]]
        body += [(f"fix{i}", options) for i, options in enumerate(unique)]
        body.append(("contact", _contact_options(templates, channel, has, kind)))
    parts = [("greeting", greeting), *body]
    if has["signature"]:
        parts.append(("sign_off", slots["sign_off"]))
    options = tuple(options for _, options in parts)
    combinations = math.prod(map(len, options))
    return _Layout(tuple(key for key, _ in parts), options, combinations, _stride(combinations))


def _fix_options(templates: Mapping[str, Any], complaint: Complaint, kind: str) -> Sequence[str]:
    """The fixes a draft may offer for a complaint: the business kind's own (`[fix_<kind>]`:
    an app fixes a bug in the app instead of replacing goods) where it has them for this
    complaint; else those of `[fix]` for the complaint's kind (a charge taken in error is
    refunded, a price thought too high is not), else for its category (a wrong charge or rude
    support are answered alike by every kind of business)."""
    own: Mapping[str, Sequence[str]] = templates.get(f"fix_{kind}", {})
    general: Mapping[str, Sequence[str]] = templates["fix"]
    options: Sequence[str] = (
        own.get(complaint.name) or general.get(complaint.kind) or general[complaint.name]
    )
    return options


def _fit(code: str, texts: dict[str, str], max_chars: int) -> tuple[str, _Parts]:
    """Join the filled phrasings, dropping the least important ones until the draft fits."""
    templates = _templates(code)
    # Least important first: what goes when the platform's limit is tight.
    for drop in (None, "ack1", "fix1", "thanks", "sign_off", "ack0", "greeting"):
        texts.pop(drop or "", None)
        lowercase = bool(templates.get("lowercase_after_greeting"))
        text, joined = _join(texts, templates["language"], lowercase)
        if len(text) <= max_chars:
            return text, joined
    return _whole(str(templates["plain"]))


def _whole(text: str) -> tuple[str, _Parts]:
    return text, ((0, text),)


def _join(
    texts: dict[str, str], language: str, lowercase_after_greeting: bool = False
) -> tuple[str, _Parts]:
    """The reply text (greeting and sign-off on their own lines) and where each part starts.
    Where the language's letters go on in lower case after a greeting that ends with a comma
    (Italian: "Gentile Anna,\nla ringraziamo ..."), the first sentence does."""
    space = "" if language in UNSPACED_LANGUAGES else " "
    greeting = texts.get("greeting")
    pieces: list[str] = []
    parts: list[tuple[int, str]] = []
    offset = 0
    previous: str | None = None
    for key, text in texts.items():
        if lowercase_after_greeting and previous is not None and previous == greeting:
            text = text[:1].lower() + text[1:] if previous.endswith(",") else text
        if previous is not None:
            gap = "\n" if key == "sign_off" or previous == greeting else space
            pieces.append(gap)
            offset += len(gap)
        pieces.append(text)
        parts.append((offset, text))
        offset += len(text)
        previous = text
    return "".join(pieces), tuple(parts)


def _compose_short(
    review: ReviewInput,
    templates: dict[str, Any],
    values: _Values,
    policy: Policy,
    variant: int,
) -> tuple[str, _Parts]:
    """One line for platforms with a tiny limit (eBay's 80 characters)."""
    slots = templates["slots"]
    for options in (slots["short_named"] if values.fields["name"] else [], slots["short"]):
        if options:
            (template,) = _pick([options], _seed(review), variant)
            text = _fill(template, values.fields)
            if len(text) <= policy.reply.max_chars:
                # Checked a sentence at a time: those without the name recur.
                return text, sentence_parts(text)
    return _whole(str(templates["plain_short"]))


_TRADITIONAL_TAGS = frozenset({"zh-hant", "zh-tw", "zh-hk", "zh-mo"})
_SIMPLIFIED_TAGS = frozenset({"zh-hans", "zh-cn", "zh-sg"})


def reply_language(language: str, text: str = "") -> str:
    """The language of the templates for `language` (a code such as "de", "zh-TW", "zh-Hant"),
    English when there are none. Chinese follows the script: "zh-Hant" (Traditional) for
    zh-Hant/TW/HK/MO, "zh" (Simplified) for zh-Hans/CN/SG, and for plain "zh" the script the
    review `text` is written in."""
    tag = language.replace("_", "-").lower()
    code = base_language(language)
    if code != "zh":
        return code if code in reply_languages() else _FALLBACK_LANGUAGE
    if tag in _TRADITIONAL_TAGS:
        return _TRADITIONAL
    if tag in _SIMPLIFIED_TAGS or not text:
        return "zh"
    return _TRADITIONAL if analyse(text).chinese == _TRADITIONAL else "zh"


def plain_reply(language: str, policy: Policy) -> ReplyDraft:
    """The plainest reply in `language` (or English): no names, no details, always allowed."""
    code = reply_language(language)
    templates = _templates(code)
    key = "plain_short" if policy.reply.max_chars < _SHORT_LIMIT else "plain"
    text = str(templates[key])
    if len(text) > policy.reply.max_chars or not check_reply(text, platform=policy.platform).ok:
        text = str(_templates(_FALLBACK_LANGUAGE)["plain_short"])
        code = _FALLBACK_LANGUAGE
    return ReplyDraft(text=text, language=code)


def draft_with_check(
    review: ReviewInput,
    *,
    language: str,
    categories: Iterable[Category | str],
    business: BusinessInfo,
    policy: Policy,
    variant: int = 0,
) -> tuple[ReplyDraft, CheckResult]:
    """Draft a reply and check it; a draft that fails its own check falls back to the plainest
    template (which always passes). Returns the draft and its check result."""
    code = reply_language(language, review.text)
    templates = _templates(code)
    values = _values(review, business, policy, code)
    own = contact_keys(business.contact_texts)
    # A name safe on its own may not be in the draft's words ("Bonjour Avis !" reads as "a good
    # review" beside a refund): then the draft greets without it.
    for candidate in _candidates(values):
        if policy.reply.max_chars < _SHORT_LIMIT:
            text, parts = _compose_short(review, templates, candidate, policy, variant)
        else:
            # The business's own kind (a bank on Trustpilot is a service) before the platform's.
            kind = business.kind or policy.kind
            text, parts = _compose(review, code, categories, candidate, policy, variant, kind)
        # Sentence by sentence, with each sentence's result cached: same as check_reply(text).
        result = check_parts(text, parts, platform=policy.platform, language=code, own_contacts=own)
        if result.ok:
            return ReplyDraft(text=text, language=code, variant=variant), result
    plain = plain_reply(code, policy)
    plain = ReplyDraft(text=plain.text, language=plain.language, variant=variant)
    return plain, check_reply(plain.text, platform=policy.platform, language=plain.language)


def draft_reply(
    review: ReviewInput,
    *,
    language: str,
    categories: Iterable[Category | str],
    business: BusinessInfo,
    policy: Policy,
    variant: int = 0,
) -> ReplyDraft:
    """Draft a public reply in `language` (English when there are no templates for it; the
    draft reports the language used): thanks, one apology, the problem named, a concrete fix,
    the platform's private channel (or the business's contact words), and the signature."""
    draft, _ = draft_with_check(
        review,
        language=language,
        categories=categories,
        business=business,
        policy=policy,
        variant=variant,
    )
    return draft
