"""The data that triage takes and gives back.

Triage is pure: it reads a review and the business's details and returns suggestions. It never
touches the network, the database or the terminal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, NamedTuple

# Re-exported: triage code and its callers name them from here.
from reviewwatch.business import PLATFORMS as PLATFORMS
from reviewwatch.business import BusinessInfo as BusinessInfo
from reviewwatch.business import Platform as Platform

CATEGORIES: tuple[str, ...] = (
    "product_quality",
    "not_as_described",
    "wrong_item",
    "shipping_delay",
    "damaged_in_transit",
    "customer_service",
    "price_value",
    "usability",
    "other",
)

REMOVAL_GROUNDS: tuple[str, ...] = (
    "obscene_language",
    "personal_information",
    "off_topic",
    "seller_feedback_is_product_review",
    "product_review_is_seller_feedback",
    "fba_delivery_only",
    "promotional_or_spam",
    "threat_or_extortion",
)

Surface = Literal["public_reply", "private_message"]
Severity = Literal["block", "warn"]


@dataclass(frozen=True, slots=True)
class ReviewInput:
    """What triage needs to know about one review."""

    platform: str
    rating: int | None
    polarity: str | None
    title: str | None
    body: str | None
    author: str | None = None
    subject: str | None = None
    language_hint: str | None = None
    first_seen_at: datetime | None = None
    created_at: datetime | None = None
    reply: str | None = None
    # A stable identity of the review (its source and the platform's id for it): what varies
    # the phrasing of drafts between reviews, even those with the same words.
    key: str | None = None

    @property
    def text(self) -> str:
        """Title and body as one text, the way a reader sees them."""
        title, body = self.title, self.body
        if title and body:
            return "\n".join((title, body))
        return title or body or ""


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """An ISO 639-1 code with a confidence; `fallback` when the text was too short to tell.
    `script` tells how Chinese is written (``Hant`` Traditional, ``Hans`` Simplified) when
    the characters show it."""

    code: str
    confidence: float
    fallback: bool = False
    script: str | None = None

    @property
    def tag(self) -> str:
        """The language as stored and shown: ``zh-Hant``, ``zh-Hans`` or the plain code."""
        return f"{self.code}-{self.script}" if self.script else self.code


@dataclass(frozen=True, slots=True)
class Category:
    """A complaint category a review discusses, with what shows it: the listed words found,
    or, where the word lists found none, the sentence the model weighed most. `listed`: the word
    lists counted the category in the review (the model's own test, `model.backed`); `margin`:
    how far its score passed the cut-off (log-odds; infinite where no model weighed it: a
    category given by name, or set by a user's correction)."""

    name: str
    evidence: tuple[str, ...] = ()
    listed: bool = True
    margin: float = math.inf


@dataclass(frozen=True, slots=True)
class LabelCorrection:
    """A review's categories (and removal grounds, unless None) as a user corrected them."""

    categories: tuple[str, ...]
    removal_grounds: tuple[str, ...] | None = None
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class GroundMatch:
    """A removal ground found in the text, before the platform's rules are applied."""

    ground: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RemovalGround:
    """A removal ground the review's platform accepts, with the rule and how to file it."""

    ground: str
    policy: str
    how_to_file: str
    evidence: tuple[str, ...] = ()


class NextStep(NamedTuple):
    """One thing to do about a review, why, by when, and the rule it rests on.

    A named tuple rather than a frozen dataclass: as immutable, and several times cheaper to
    build (a plan makes about seven for every flagged review).
    """

    action: str
    why: str
    deadline: datetime | None = None
    policy: str = ""


@dataclass(frozen=True, slots=True)
class ReplyDraft:
    text: str
    language: str
    variant: int = 0


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    policy: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CheckResult:
    findings: tuple[Finding, ...] = ()

    @property
    def ok(self) -> bool:
        """Allowed when nothing blocks; warnings alone do not block."""
        return not self.findings or not any(
            finding.severity == "block" for finding in self.findings
        )


@dataclass(frozen=True, slots=True)
class Triage:
    language: LanguageGuess
    categories: tuple[Category, ...]
    removal_grounds: tuple[RemovalGround, ...]
    next_steps: tuple[NextStep, ...]
    suggested_reply: ReplyDraft | None
    reply_check: CheckResult = field(default_factory=CheckResult)
