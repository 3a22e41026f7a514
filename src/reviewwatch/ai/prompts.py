"""What is asked of the model, and only what `[ai] send` lets leave the machine.

A review goes out as the fields `send` lists. Whatever is not listed stays home even where it
hides elsewhere: the reviewer's name and the order id are replaced by `[name]` and `[order]` in
every text sent (the review, a draft to translate) unless `send` lists `author` / `order_id`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from reviewwatch.ai.settings import AiSettings
from reviewwatch.business import BusinessInfo
from reviewwatch.models import Review
from reviewwatch.triage.models import CATEGORIES, REMOVAL_GROUNDS
from reviewwatch.triage.policies import Policy

NAME_PLACEHOLDER = "[name]"
ORDER_PLACEHOLDER = "[order]"
_JSON_ONLY = "Answer with one JSON object and nothing else."


class Redactor:
    """Replaces what `send` does not list (the reviewer's name, the order id) in outgoing text."""

    def __init__(self, review: Review, settings: AiSettings) -> None:
        patterns: list[tuple[re.Pattern[str], str]] = []
        if review.author and not settings.sends("author"):
            parts = [review.author.strip(), *review.author.replace(".", " ").split()]
            names = sorted({p for p in parts if len(p) >= 2}, key=len, reverse=True)
            if names:
                alternatives = "|".join(re.escape(name) for name in names)
                patterns.append(
                    (re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE), "[name]")
                )
        if review.order_id and not settings.sends("order_id"):
            patterns.append((re.compile(re.escape(review.order_id.strip())), ORDER_PLACEHOLDER))
        self._patterns = patterns

    def __call__(self, text: str) -> str:
        for pattern, placeholder in self._patterns:
            text = pattern.sub(placeholder, text)
        return text


def review_facts(review: Review, settings: AiSettings) -> dict[str, Any]:
    """The review as the model may see it."""
    redact = Redactor(review, settings)
    facts: dict[str, Any] = {}
    if settings.sends("platform"):
        facts["platform"] = review.platform
    if settings.sends("rating"):
        if review.rating is not None:
            facts["rating"] = f"{review.rating} of 5 stars"
        elif review.polarity:
            facts["rating"] = review.polarity
    if settings.sends("text"):
        if review.title:
            facts["title"] = redact(review.title)
        facts["text"] = redact(review.body or "")
    if settings.sends("subject") and review.subject:
        facts["product"] = redact(review.subject)
    if settings.sends("author") and review.author:
        facts["reviewer"] = review.author
    if settings.sends("order_id") and review.order_id:
        facts["order_id"] = review.order_id
    return facts


def reply_rules(policy: Policy, *, may_name_platform: bool) -> list[str]:
    """The platform's rules for a public reply, in words the model follows."""
    rules = policy.reply
    where = f" on {policy.name}" if may_name_platform else ""
    lines = [
        f"At most {rules.max_chars} characters (the platform's limit{where}); shorter is better.",
        "Never offer anything (refund, voucher, discount, gift, free item) in exchange for "
        "changing, removing or leaving a review; a remedy for the problem itself is fine.",
        "Never ask for a better rating, a positive review, or to change or remove the review.",
        "Never tell the customer to contact you instead of reviewing.",
        "No insults, no blame, no accusations (of lying or of being a competitor), no threats.",
        "No personal data about the reviewer or anyone else; never the reviewer's surname.",
    ]
    if not rules.links:
        lines.append("No links or web addresses.")
    if not rules.emails:
        lines.append("No e-mail addresses.")
    if not rules.phones:
        lines.append("No phone numbers.")
    if rules.one_shot:
        lines.append("The reply cannot be changed later: it must stand on its own.")
    return lines


# The config's `[business] kind` in words the model can act on (what a fix may be).
_KIND_WORDS = {
    "store": "a shop that sells and sends goods: a replacement, refund or return may fit",
    "place": (
        "a place people visit (restaurant, cafe, salon, hotel): nothing is shipped, so offer no "
        "replacement, return or parcel; pass the problem on to the team and invite them to say more"
    ),
    "app": "an app: a bug or a missing function is fixed in the app, not replaced or refunded",
    "service": (
        "a service (bank, insurer, telecom, utility, agency, delivery service): no item to "
        "replace or return; put the account, the request or the delivery right"
    ),
}


def _business(business: BusinessInfo, policy: Policy, language: str) -> dict[str, str]:
    """The business's words for a reply in `language`: only those given in that language, and
    its kind where the config gives one (without it the request is as it always was, so
    cached drafts stay valid)."""
    details = {
        "name": business.name,
        "kind_of_business": _KIND_WORDS.get(business.kind or "", ""),
        "signature": business.signature_for(language),
        "private_contact": business.contact_for(language),
        "guarantee": business.guarantee or "",
    }
    if business.support_url and policy.reply.links:
        details["support_url"] = business.support_url
    return {key: value for key, value in details.items() if value}


def draft_request(
    review: Review,
    *,
    triage: Mapping[str, Any],
    business: BusinessInfo,
    policy: Policy,
    settings: AiSettings,
    language: str,
    variant: int = 0,
) -> tuple[str, str]:
    """(system, prompt) asking for a public reply in the business's voice; `variant` above 0
    asks for another wording (and is another request, so another cached answer)."""
    system = (
        "You write the public reply of a business to a customer's review. Be brief, warm and "
        "specific to what the customer said; apologise once for the real problem, offer a "
        "concrete fix and the private contact, and sign with the signature. Follow every rule. "
        f'{_JSON_ONLY} Its shape: {{"reply": "the reply text"}}.'
    )
    request: dict[str, Any] = {
        "review": review_facts(review, settings),
        "reply_language": language,
        "what_the_review_is_about": list(triage.get("categories") or []),
        "business": _business(business, policy, language),
        "rules": reply_rules(policy, may_name_platform=settings.sends("platform")),
    }
    if settings.sends("text"):
        request["evidence"] = {
            name: list(words)[:3] for name, words in (triage.get("category_evidence") or {}).items()
        }
    if not settings.sends("author"):
        request["greeting"] = (
            f"The reviewer's name is not shared: write {NAME_PLACEHOLDER} where it would go, "
            "or greet without a name."
        )
    if variant:
        request["wording"] = f"Wording number {variant + 1}: say it differently from a first draft."
    if settings.voice_style:
        request["voice"] = settings.voice_style
    if settings.voice_examples:
        request["example_replies_in_our_voice"] = list(settings.voice_examples)
    return system, json.dumps(request, ensure_ascii=False, indent=1)


def fix_request(
    system: str, prompt: str, draft: str, findings: Sequence[Mapping[str, Any]]
) -> tuple[str, str]:
    """The draft request again, with the blocked draft and what the policy checker found."""
    problems = [
        {"rule": f["rule"], "problem": f["message"], "words": draft[f["start"] : f["end"]]}
        for f in findings
        if f["severity"] == "block"
    ]
    request = json.loads(prompt)
    request["your_blocked_draft"] = draft
    request["why_it_was_blocked"] = problems
    request["task"] = "Write the reply again so that it breaks none of these rules."
    return system, json.dumps(request, ensure_ascii=False, indent=1)


def opinion_request(review: Review, settings: AiSettings) -> tuple[str, str]:
    """(system, prompt) asking for categories, removal grounds with quotes, and the language."""
    system = (
        "You triage a customer review for a business. Say what the complaint is about, which "
        "removal grounds apply (only when the review itself clearly breaks a platform rule: "
        "a negative or unfair review is never a ground), quoting the review's exact words for "
        f"each ground, and the review's language as an ISO 639-1 code. {_JSON_ONLY} "
        'Its shape: {"language": "de", "categories": ["..."], '
        '"removal_grounds": [{"ground": "...", "quote": "exact words from the review"}]}.'
    )
    request = {
        "review": review_facts(review, settings),
        "allowed_categories": list(CATEGORIES),
        "allowed_removal_grounds": list(REMOVAL_GROUNDS),
    }
    return system, json.dumps(request, ensure_ascii=False, indent=1)


def translation_request(text: str, target_language: str) -> tuple[str, str]:
    """(system, prompt) asking for a faithful translation of `text`."""
    system = (
        "You translate customer reviews and replies faithfully, keeping the tone, adding and "
        f'leaving out nothing. {_JSON_ONLY} Its shape: {{"translation": "...", '
        '"source_language": "ISO 639-1 code of the original"}.'
    )
    request = {"translate_into": target_language, "text": text}
    return system, json.dumps(request, ensure_ascii=False, indent=1)
