"""Drafts fit the kind of business: the platform's kind, or the business's own `kind`."""

from __future__ import annotations

from reviewwatch.triage.drafts import _templates, draft_with_check
from reviewwatch.triage.models import BusinessInfo, Category, ReviewInput
from reviewwatch.triage.policies import load_policy

BUSINESS = BusinessInfo(name="Acme", signature="Anna", contact="our help page")


def _draft(
    platform: str,
    category: str,
    *,
    kind: str | None = None,
    language: str = "en",
    variant: int = 0,
    rating: int = 1,
) -> str:
    review = ReviewInput(
        platform=platform,
        rating=rating,
        polarity=None,
        title=None,
        body=f"{platform} {category} {variant}",
        author=None,
    )
    business = BusinessInfo(
        name=BUSINESS.name, signature=BUSINESS.signature, contact=BUSINESS.contact, kind=kind
    )
    draft, result = draft_with_check(
        review,
        language=language,
        categories=[Category(category)] if category else [],
        business=business,
        policy=load_policy(platform),
        variant=variant,
    )
    assert result.ok and not result.findings, (draft.text, result.findings)
    assert draft.language == language
    return draft.text


def _fixes(kind: str, category: str, language: str = "en") -> set[str]:
    return set(_templates(language)[f"fix_{kind}"][category])


def test_the_platforms_kind_without_the_config_key() -> None:
    app_fixes = _fixes("app", "product_quality")
    for variant in range(4):
        on_play = _draft("google_play", "product_quality", variant=variant)
        assert any(fix in on_play for fix in app_fixes), on_play
        on_trustpilot = _draft("trustpilot", "product_quality", variant=variant)
        assert any(fix in on_trustpilot for fix in _templates("en")["fix"]["product_quality"])


def test_the_config_key_overrides_the_platforms_kind() -> None:
    app_fixes = _fixes("app", "product_quality")
    for variant in range(4):
        app = _draft("trustpilot", "product_quality", kind="app", variant=variant)
        assert any(fix in app for fix in app_fixes), app
        shop = _draft("google_play", "product_quality", kind="store", variant=variant)
        assert not any(fix in shop for fix in app_fixes), shop
        assert "the app" not in shop.lower()
    # The same kind as the platform's changes nothing.
    for platform, kind in (("google_play", "app"), ("yelp", "place"), ("etsy", "store")):
        for category in ("product_quality", "shipping_delay", ""):
            assert _draft(platform, category, kind=kind, rating=5 if not category else 1) == (
                _draft(platform, category, rating=5 if not category else 1)
            )
