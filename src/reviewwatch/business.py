"""Where the business sells and how it signs its replies: shared by the config and triage.

Kept apart from `reviewwatch.triage.models` so that reading the config does not load triage.
"""

from __future__ import annotations

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


@dataclass(frozen=True, slots=True)
class BusinessInfo:
    """The business's own words for reply drafts (the config's `[business]` table)."""

    name: str = ""
    signature: str = ""
    contact: str = ""
    support_url: str | None = None
    guarantee: str | None = None


@dataclass(frozen=True, slots=True)
class BusinessProfile:
    """One business of the config (`[business]`, or each `[[business]]` table): its words for
    drafts and its own reply deadline (None: `settings.response_sla_hours`)."""

    info: BusinessInfo
    response_sla_hours: int | None = None

    @property
    def name(self) -> str:
        return self.info.name
