"""The whole triage of one review: language, complaint categories, removal grounds, next steps,
a reply draft and its check."""

from __future__ import annotations

from datetime import datetime

from reviewwatch.triage.analysis import analyse
from reviewwatch.triage.categories import classify
from reviewwatch.triage.drafts import draft_with_check
from reviewwatch.triage.grounds import detect_grounds
from reviewwatch.triage.language import detect_language
from reviewwatch.triage.models import (
    PLATFORMS,
    BusinessInfo,
    Category,
    GroundMatch,
    LabelCorrection,
    LanguageGuess,
    ReviewInput,
    Triage,
)
from reviewwatch.triage.policies import accepted_grounds, load_policy
from reviewwatch.triage.steps import plan_next_steps

_UNKNOWN_PLATFORM = "generic"


def triage_review(
    review: ReviewInput,
    *,
    business: BusinessInfo,
    fallback_language: str = "en",
    now: datetime,
    sla_hours: int = 24,
    variant: int = 0,
    language: str | None = None,
    fulfilled_by_amazon: bool = False,
    corrected: LabelCorrection | None = None,
) -> Triage:
    """Triage one review: analyse its text once, detect its language, classify the complaint,
    keep the removal grounds its platform accepts, plan the next steps and draft a checked
    reply. Every detector reads the same analysis.

    `language` forces the reply language (detection still runs for the result). A platform
    not in models.PLATFORMS gets the universal safe rules. The draft always passes its own check;
    where the platform has no public reply, there is no draft. `corrected` holds the labels a
    user set: they replace what the detectors found (steps and draft follow them).
    """
    platform = review.platform if review.platform in PLATFORMS else _UNKNOWN_PLATFORM
    policy = load_policy(platform)
    analysis = analyse(review.text)
    guess: LanguageGuess = detect_language(
        analysis, hint=review.language_hint, fallback=fallback_language
    )
    categories = classify(analysis, guess.code)
    # The one-sided grounds read the word lists' topics (see detect_grounds), not the model's.
    matches = detect_grounds(analysis, guess.code)
    if corrected is not None:
        categories, matches = _apply_correction(corrected, categories, matches)
    grounds = accepted_grounds(
        platform,
        matches,
        rating=review.rating,
        categories=categories,
        fulfilled_by_amazon=fulfilled_by_amazon,
    )
    steps = plan_next_steps(
        review,
        categories=categories,
        grounds=grounds,
        policy=policy,
        now=now,
        sla_hours=sla_hours,
        kind=business.kind,
    )
    if not policy.reply.allowed:
        return Triage(guess, categories, grounds, steps, suggested_reply=None)
    draft, check = draft_with_check(
        review,
        language=language or guess.code,
        categories=categories,
        business=business,
        policy=policy,
        variant=variant,
    )
    return Triage(guess, categories, grounds, steps, suggested_reply=draft, reply_check=check)


def _apply_correction(
    corrected: LabelCorrection,
    categories: tuple[Category, ...],
    matches: tuple[GroundMatch, ...],
) -> tuple[tuple[Category, ...], tuple[GroundMatch, ...]]:
    """The user's labels, each with the words the detectors found for it, else who set it."""
    set_by = (f"set by {corrected.actor}" if corrected.actor else "set by a user",)
    found = {category.name: category.evidence for category in categories}
    new_categories = tuple(
        Category(name, found.get(name) or set_by) for name in corrected.categories
    )
    if corrected.removal_grounds is None:
        return new_categories, matches
    detected = {match.ground: match.evidence for match in matches}
    new_matches = tuple(
        GroundMatch(ground, detected.get(ground) or set_by) for ground in corrected.removal_grounds
    )
    return new_categories, new_matches
