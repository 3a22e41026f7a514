"""The model's second opinion on triage: validated, and compared with the offline triage.

The model's JSON is checked field by field: a category or removal ground outside the allowed
labels is dropped, a language that is not a language code is dropped. A removal ground from the
model is shown as applicable only when the offline detector found it too, or when its quoted
words stand in the review and the platform accepts the ground (precision first: a wrong removal
request costs the seller more than a missed one).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reviewwatch.models import Review
from reviewwatch.triage.models import CATEGORIES, PLATFORMS, REMOVAL_GROUNDS, GroundMatch
from reviewwatch.triage.policies import accepted_grounds

_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?")
_MIN_QUOTE_CHARS = 3


@dataclass(frozen=True, slots=True)
class ModelGround:
    ground: str
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Opinion:
    """The model's triage after validation."""

    language: str | None
    categories: tuple[str, ...]
    grounds: tuple[ModelGround, ...]
    dropped: tuple[str, ...] = ()  # labels the model gave that are not allowed

    def to_json(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "categories": list(self.categories),
            "removal_grounds": [
                {"ground": g.ground, "quotes": list(g.quotes)} for g in self.grounds
            ],
            "dropped": list(self.dropped),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Opinion:
        return validate_opinion(data)


def validate_opinion(data: Mapping[str, Any]) -> Opinion:
    """The model's answer checked against the allowed labels; anything else is dropped."""
    dropped: list[str] = []
    language = data.get("language")
    if isinstance(language, str) and _LANGUAGE.fullmatch(language.strip()):
        language = language.strip().lower()
    else:
        language = None
    categories: list[str] = []
    raw_categories = data.get("categories")
    for item in raw_categories if isinstance(raw_categories, list) else []:
        name = item.strip().lower() if isinstance(item, str) else None
        if name in CATEGORIES and name not in categories:
            categories.append(name)
        elif name not in categories:
            dropped.append(str(item)[:40])
    grounds: dict[str, list[str]] = {}
    raw_grounds = data.get("removal_grounds")
    for item in raw_grounds if isinstance(raw_grounds, list) else []:
        name, quotes = _ground_item(item)
        if name in REMOVAL_GROUNDS:
            grounds.setdefault(name, []).extend(q for q in quotes if q not in grounds[name])
        else:
            dropped.append(str(name or item)[:40])
    return Opinion(
        language=language,
        categories=tuple(categories),
        grounds=tuple(ModelGround(name, tuple(quotes)) for name, quotes in grounds.items()),
        dropped=tuple(dropped),
    )


def _ground_item(item: Any) -> tuple[str | None, list[str]]:
    if isinstance(item, str):
        return item.strip().lower(), []
    if not isinstance(item, Mapping):
        return None, []
    name = item.get("ground")
    quotes = item.get("quotes", item.get("quote", []))
    if isinstance(quotes, str):
        quotes = [quotes]
    texts = (
        [q.strip() for q in quotes if isinstance(q, str) and q.strip()]
        if isinstance(quotes, list)
        else []
    )
    return (name.strip().lower() if isinstance(name, str) else None), texts


def find_quote(quote: str, text: str) -> str | None:
    """The reviewer's own words that `quote` stands for (case, width and spacing aside)."""
    words = unicodedata.normalize("NFKC", quote).strip(" \"'“”‘’«»").split()
    if len(" ".join(words)) < _MIN_QUOTE_CHARS:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.search(pattern, unicodedata.normalize("NFKC", text), re.IGNORECASE)
    return match.group() if match else None


@dataclass(frozen=True, slots=True)
class Comparison:
    """Where the second opinion differs from the offline triage."""

    language: str | None = None  # the model's, when it differs
    categories: tuple[str, ...] | None = None  # the model's, when they differ
    confirmed_grounds: tuple[tuple[str, tuple[str, ...]], ...] = ()  # new and confirmed
    unconfirmed_grounds: tuple[str, ...] = ()
    agrees: bool = True
    dropped: tuple[str, ...] = field(default=())


def compare(opinion: Opinion, review: Review, offline: Mapping[str, Any]) -> Comparison:
    """The second opinion beside the offline triage fields of the same review."""
    text = "\n".join(part for part in (review.title, review.body) if part)
    offline_language = (offline.get("detected_language") or "").split("-")[0]
    language = opinion.language
    differs_language = language is not None and language.split("-")[0] != offline_language
    offline_categories = set(offline.get("categories") or [])
    differs_categories = bool(opinion.categories) and set(opinion.categories) != offline_categories
    offline_grounds = {g["ground"] for g in offline.get("removal_grounds") or []}
    quoted = [
        GroundMatch(g.ground, tuple(w for w in (find_quote(q, text) for q in g.quotes) if w))
        for g in opinion.grounds
        if g.ground not in offline_grounds
    ]
    platform = review.platform if review.platform in PLATFORMS else "generic"
    accepted = accepted_grounds(
        platform,
        [match for match in quoted if match.evidence],
        rating=review.rating,
        categories=opinion.categories or tuple(offline_categories),
    )
    confirmed = tuple((g.ground, g.evidence) for g in accepted)
    confirmed_names = {name for name, _ in confirmed}
    unconfirmed = tuple(m.ground for m in quoted if m.ground not in confirmed_names)
    return Comparison(
        language=language if differs_language else None,
        categories=opinion.categories if differs_categories else None,
        confirmed_grounds=confirmed,
        unconfirmed_grounds=unconfirmed,
        agrees=not (differs_language or differs_categories or confirmed or unconfirmed),
        dropped=opinion.dropped,
    )


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "agrees": comparison.agrees,
        "language": comparison.language,
        "categories": list(comparison.categories) if comparison.categories is not None else None,
        "removal_grounds": [
            {"ground": name, "evidence": list(words)}
            for name, words in comparison.confirmed_grounds
        ],
        "unconfirmed_removal_grounds": list(comparison.unconfirmed_grounds),
        "dropped_labels": list(comparison.dropped),
    }


def labels_for_correction(opinion: Opinion, comparison: Comparison) -> dict[str, Sequence[str]]:
    """The second opinion as a correction would record it: its categories and only the removal
    grounds that were confirmed. The hook for `triage correct` to take the model's labels."""
    return {
        "categories": list(opinion.categories),
        "grounds": [name for name, _ in comparison.confirmed_grounds],
    }
