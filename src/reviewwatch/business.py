"""Where the business sells and how it signs its replies: shared by the config and triage.

Kept apart from `reviewwatch.triage.models` so that reading the config does not load triage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, get_args

Platform = Literal[
    "amazon_feedback",
    "amazon_review",
    "google_business",
    "google_play",
    "app_store",
    "trustpilot",
    "yelp",
    "ebay",
    "etsy",
    "shopify",
    "taobao",
    "generic",
]
PLATFORMS: tuple[str, ...] = get_args(Platform)

# What the business is, for the words of its drafts: a shop that sends goods ("store"), a place
# people visit ("place": restaurants, salons, hotels), an app ("app"), or a service without
# goods ("service": banks, insurers, telecoms, utilities, agencies, delivery services). Each
# platform's policy pack has its own kind; a business's `kind` overrides it.
BusinessKind = Literal["store", "place", "app", "service"]
BUSINESS_KINDS: tuple[str, ...] = get_args(BusinessKind)


# The `[business]` values of the starter config that `init` writes: a draft signed with them
# is signed by someone else's business, so every command that shows a draft says so.
STARTER_BUSINESS = {
    "name": "Acme Store",
    "signature": "Anna, Acme customer care",
    "contact": "our support page",
}
# A plain string of `signature` or `contact` is English; other languages take a table
# (`contact.de = "..."`). The language of a plain string can be set with `language`.
PLAIN_TEXT_LANGUAGE = "en"


def _words_for(value: str | Mapping[str, str], language: str, plain_language: str) -> str:
    """The text of `value` for a draft in `language` ("de", "zh-Hant" ...), or "" when the
    business gave none in that language: never a fragment in another language or script."""
    if isinstance(value, str):
        return value.strip() if _same_language(plain_language, language) else ""
    for key, text in value.items():
        if _same_language(key, language):
            return text.strip()
    return ""


def _same_language(given: str, wanted: str) -> bool:
    """Whether text written in `given` fits a draft in `wanted`: the same base language and,
    for Chinese, the same script (a "zh" key is Simplified)."""
    given_base, _, given_script = given.replace("_", "-").partition("-")
    wanted_base, _, wanted_script = wanted.replace("_", "-").partition("-")
    if given_base.lower() != wanted_base.lower():
        return False
    if given_base.lower() != "zh":
        return True
    return _chinese_script(given_script) == _chinese_script(wanted_script)


def _chinese_script(tag: str) -> str:
    return "hant" if tag.lower() in ("hant", "tw", "hk", "mo") else "hans"


@dataclass(frozen=True, slots=True)
class BusinessInfo:
    """The business's own words for reply drafts (the config's `[business]` table).

    `signature` and `contact` are a plain string (written in `language`, English by default)
    or a table of texts per language (`{"en": "...", "de": "...", "zh-Hant": "..."}`).
    `kind` (one of `BUSINESS_KINDS`) overrides the platform's kind in drafts; None: the
    platform's.
    """

    name: str = ""
    signature: str | Mapping[str, str] = ""
    contact: str | Mapping[str, str] = ""
    support_url: str | None = None
    guarantee: str | None = None
    language: str = PLAIN_TEXT_LANGUAGE
    kind: str | None = None

    def signature_for(self, language: str) -> str:
        """The signature for a draft in `language`; the business's name where none is given
        in that language (a name reads the same in every language)."""
        return _words_for(self.signature, language, self.language) or self.name.strip()

    def contact_for(self, language: str) -> str:
        """How to reach the business, in words, for a draft in `language` ("" when none is
        given in that language: the draft then uses its own neutral phrasing)."""
        return _words_for(self.contact, language, self.language)

    @property
    def contact_texts(self) -> tuple[str, ...]:
        """Every text of `contact`, in every language (the business's own support e-mail or
        phone number in them may stand in a reply where the platform allows it)."""
        texts = [self.contact] if isinstance(self.contact, str) else list(self.contact.values())
        return tuple(text.strip() for text in texts if text.strip())

    @property
    def is_starter(self) -> bool:
        """Whether any of the starter config's example values is still in `[business]`."""
        values = {"name": self.name, "signature": self.signature, "contact": self.contact}
        for key, starter in STARTER_BUSINESS.items():
            value = values[key]
            texts = [value] if isinstance(value, str) else list(value.values())
            if starter in (text.strip() for text in texts):
                return True
        return False


@dataclass(frozen=True, slots=True)
class BusinessProfile:
    """One business of the config (`[business]`, or each `[[business]]` table): its words for
    drafts and its own reply deadline (None: `settings.response_sla_hours`)."""

    info: BusinessInfo
    response_sla_hours: int | None = None

    @property
    def name(self) -> str:
        return self.info.name
