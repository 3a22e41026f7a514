"""Drafts fit the kind of business: the platform's kind, or the business's own `kind`.

A place people visit (a restaurant on Yelp) has no parcel to resend and no goods to replace; a
service (a bank on Trustpilot) has no item and no order. Each language has the same sentences.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewwatch.business import BUSINESS_KINDS
from reviewwatch.triage.drafts import _templates, draft_with_check, reply_languages
from reviewwatch.triage.models import CATEGORIES, PLATFORMS, BusinessInfo, Category, ReviewInput
from reviewwatch.triage.policies import load_policy
from tests.triage.conftest import assert_golden

LANGUAGES = tuple(reply_languages())
# What a place and a service answer in their own words; their other complaints (a price, rude
# support, and for a place a hard booking page) are answered as a shop answers them.
OWN = {
    "place": (
        "product_quality",
        "not_as_described",
        "wrong_item",
        "shipping_delay",
        "damaged_in_transit",
        "other",
    ),
    "service": (
        "product_quality",
        "not_as_described",
        "wrong_item",
        "shipping_delay",
        "damaged_in_transit",
    ),
}
# The complaints whose shop acknowledgement names an order, an item or a parcel.
ACKNOWLEDGED = OWN["service"]
# Where each kind is reviewed by default, and a generic review site where a business says so.
HOME = {"place": "yelp", "service": "trustpilot"}


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
        author="Jane D.",
    )
    business = BusinessInfo(name="Acme", signature="Anna", contact="our help page", kind=kind)
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
    assert draft.text != _templates(language)["plain"], "the draft fell back to the plain reply"
    return draft.text


def _store_words(language: str, kind: str) -> list[str]:
    """What a shop's draft says about the complaints a kind answers in its own words: its
    fixes and acknowledgements (with "your order" for the item), "your order" itself and the
    Trustpilot order search; not the sentences the kind shares with a shop."""
    templates = _templates(language)
    item = templates["item_default"]
    words = [item, *templates["channel"]["trustpilot_find_reviewer"]]
    for name in OWN[kind]:
        words += templates["fix"][name]
    for name in ACKNOWLEDGED:
        product = templates.get("product_default", item)
        words += [s.format(item=item, product=product) for s in templates["acknowledge"][name]]
    own = {
        s
        for key, options in templates["acknowledge"].items()
        if key.endswith(f"_{kind}")
        for s in options
    }
    own |= {s for options in templates[f"fix_{kind}"].values() for s in options}
    return [w.strip(" .。").lower() for w in words if w not in own]


def test_the_platforms_kind_without_the_config_key() -> None:
    templates = _templates("en")
    for variant in range(4):
        on_play = _draft("google_play", "product_quality", variant=variant)
        assert any(fix in on_play for fix in templates["fix_app"]["product_quality"]), on_play
        on_yelp = _draft("yelp", "product_quality", variant=variant)
        assert any(fix in on_yelp for fix in templates["fix_place"]["product_quality"]), on_yelp
        on_trustpilot = _draft("trustpilot", "product_quality", variant=variant)
        assert any(fix in on_trustpilot for fix in templates["fix"]["product_quality"])


def test_the_config_key_overrides_the_platforms_kind() -> None:
    templates = _templates("en")
    for kind, platform in (("app", "trustpilot"), ("place", "google_business")):
        for variant in range(4):
            text = _draft(platform, "product_quality", kind=kind, variant=variant)
            assert any(fix in text for fix in templates[f"fix_{kind}"]["product_quality"]), text
    for kind, platform in (("service", "trustpilot"), ("service", "yelp"), ("place", "etsy")):
        for variant in range(4):
            text = _draft(platform, "shipping_delay", kind=kind, variant=variant)
            assert any(fix in text for fix in templates[f"fix_{kind}"]["shipping_delay"]), text
    for variant in range(4):
        shop = _draft("google_play", "product_quality", kind="store", variant=variant)
        assert "the app" not in shop.lower() and "replace" in shop, shop
    # The platform's own kind, given again, changes nothing.
    for platform, kind in (("google_play", "app"), ("yelp", "place"), ("etsy", "store")):
        for category, rating in (("product_quality", 1), ("shipping_delay", 1), ("", 5)):
            assert _draft(platform, category, kind=kind, rating=rating) == _draft(
                platform, category, rating=rating
            )


def test_a_place_offers_no_replacement_or_refund_of_goods() -> None:
    """A cold dish or a long wait is passed on to the team: nothing is sent, replaced,
    refunded or taken back, in any language (the refund of a wrong charge stays)."""
    for language in LANGUAGES:
        store = _store_words(language, "place")
        for platform in ("yelp", "google_business"):
            for category in (*OWN["place"], ""):
                for variant in range(6):
                    rating = 1 if category else 5
                    text = _draft(
                        platform, category, language=language, variant=variant, rating=rating
                    ).lower()
                    leaked = [words for words in store if words in text]
                    assert not leaked, (language, platform, category, text)
    for category in OWN["place"]:
        for variant in range(6):
            text = _draft("yelp", category, variant=variant)
            assert not re.search(r"replac|refund|return|parcel|item|order|next visit", text), text


def test_a_service_names_no_item_no_parcel_and_no_order() -> None:
    for language in LANGUAGES:
        store = _store_words(language, "service")
        for category in (*CATEGORIES, ""):
            for variant in range(6):
                rating = 1 if category else 5
                text = _draft(
                    "trustpilot",
                    category,
                    kind="service",
                    language=language,
                    variant=variant,
                    rating=rating,
                ).lower()
                leaked = [words for words in store if words in text]
                assert not leaked, (language, category, text)
                if language == "en":
                    assert not re.search(r"replac|return|parcel|item|order|tracking", text), text


def test_every_language_has_every_kinds_sentences() -> None:
    """The same keys in every draft language (a new language lists what it still lacks)."""
    english = _templates("en")

    def kinds_keys(templates: dict[str, Any]) -> set[str]:
        keys = {
            f"fix_{kind}.{name}"
            for kind in BUSINESS_KINDS
            for name in templates.get(f"fix_{kind}", {})
        }
        keys |= {
            f"acknowledge.{key}"
            for key in templates["acknowledge"]
            if key.endswith(tuple(f"_{kind}" for kind in BUSINESS_KINDS))
        }
        keys |= {
            f"channel.{key}"
            for key in templates["channel"]
            if key.endswith(("_place", "_service", "_app"))
        }
        return keys

    wanted = kinds_keys(english)
    assert {f"fix_place.{name}" for name in OWN["place"]} <= wanted
    assert {f"acknowledge.{name}_service" for name in ACKNOWLEDGED} <= wanted
    for language in reply_languages():
        templates = _templates(language)
        assert kinds_keys(templates) == wanted, (language, wanted ^ kinds_keys(templates))
        slots = templates["slots"]
        for kind in ("place", "service"):
            # Praise of a place or a service names no order: its own slot where `positive` does.
            if "{item}" in "".join(slots["positive"]):
                assert f"positive_{kind}" in slots, (language, kind)


def test_golden_drafts_per_kind_language_and_category() -> None:
    golden: dict[str, dict[str, dict[str, str]]] = {}
    for kind, platform in HOME.items():
        golden[kind] = {}
        for language in LANGUAGES:
            golden[kind][language] = {
                name: _draft(platform, name, kind=kind, language=language) for name in CATEGORIES
            }
            golden[kind][language]["(praise)"] = _draft(
                platform, "", kind=kind, language=language, rating=5
            )
    assert_golden("drafts_by_kind", golden)


@settings(max_examples=200, deadline=None)
@given(
    kind=st.sampled_from(BUSINESS_KINDS),
    platform=st.sampled_from(PLATFORMS),
    language=st.sampled_from(LANGUAGES),
    categories=st.lists(st.sampled_from(CATEGORIES), max_size=3),
    variant=st.integers(min_value=0, max_value=50),
)
def test_every_kinds_drafts_pass_their_own_check_unchanged(
    kind: str, platform: str, language: str, categories: list[str], variant: int
) -> None:
    """No sentence of any kind is blocked or warned about on any platform: the draft is the
    composed one, never the plain fallback."""
    review = ReviewInput(platform, 1, None, None, f"{categories} {variant}", author="Jane D.")
    draft, result = draft_with_check(
        review,
        language=language,
        categories=[Category(name) for name in categories],
        business=BusinessInfo(name="Acme", signature="Anna", kind=kind),
        policy=load_policy(platform),
        variant=variant,
    )
    assert result.ok and not result.findings, (draft.text, result.findings)
    templates = _templates(language)
    assert draft.text not in (templates["plain"], templates["plain_short"]), draft.text
