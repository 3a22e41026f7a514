"""Policy packs: every platform has one, each rule cites a source, grounds are filtered."""

from __future__ import annotations

import pytest

from reviewwatch.triage.models import PLATFORMS, REMOVAL_GROUNDS, Category, GroundMatch
from reviewwatch.triage.policies import accepted_grounds, load_policy


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_platform_has_a_pack_with_cited_rules(platform: str) -> None:
    policy = load_policy(platform)
    assert policy.platform == platform
    assert policy.reply.max_chars > 0
    assert policy.reply.policy and policy.channel.policy and policy.update_request.policy
    assert policy.unclear, "every pack says where its rules are unclear"
    for rule in policy.removal.grounds:
        assert rule.ground in REMOVAL_GROUNDS
        assert (
            "http" in rule.policy
            or "Universal rule" in rule.policy
            or "not confirmed by the platform; reviewwatch takes the safe side" in rule.policy
        )
        assert rule.how_to_file


def test_unknown_platform_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown platform"):
        load_policy("myspace")


@pytest.mark.parametrize(
    ("platform", "limit"), [("google_play", 350), ("ebay", 80), ("taobao", 500), ("yelp", 1000)]
)
def test_reply_limits(platform: str, limit: int) -> None:
    assert load_policy(platform).reply.max_chars == limit


def test_reply_quirks() -> None:
    amazon = load_policy("amazon_feedback").reply
    assert amazon.one_shot and not amazon.editable
    assert load_policy("etsy").reply.locks_review_edit
    assert load_policy("google_business").reply.moderated
    assert load_policy("app_store").reply.editable
    assert load_policy("google_play").reply.replaces
    assert not load_policy("amazon_review").reply.allowed


def test_links_only_where_allowed() -> None:
    allowed = {p for p in PLATFORMS if load_policy(p).reply.links}
    assert allowed == {"google_play"}
    assert not any(load_policy(p).reply.emails or load_policy(p).reply.phones for p in PLATFORMS)


@pytest.mark.parametrize(
    ("platform", "channel"),
    [
        ("amazon_feedback", "amazon_messaging"),
        ("yelp", "yelp_dm"),
        ("trustpilot", "trustpilot_find_reviewer"),
        ("etsy", "etsy_messages"),
        ("ebay", "ebay_messages"),
        ("taobao", "taobao_wangwang"),
        ("google_business", ""),
        ("app_store", ""),
        ("google_play", ""),
    ],
)
def test_private_channels(platform: str, channel: str) -> None:
    policy = load_policy(platform)
    assert policy.channel.key == channel
    assert policy.channel.exists == bool(channel)


def test_amazon_messaging_within_24_hours() -> None:
    assert load_policy("amazon_feedback").channel.response_hours == 24


@pytest.mark.parametrize(
    ("platform", "mode"),
    [
        ("amazon_feedback", "neutral_note"),
        ("amazon_review", "never"),
        ("ebay", "revision_request"),
        ("yelp", "never"),
        ("trustpilot", "never"),
        ("google_business", "never"),
        ("etsy", "never"),
        ("app_store", "never"),
        ("generic", "never"),
        ("shopify", "never"),
    ],
)
def test_update_request_modes(platform: str, mode: str) -> None:
    assert load_policy(platform).update_request.mode == mode


def test_ebay_revision_request_window() -> None:
    assert load_policy("ebay").update_request.window_days == 30


def _grounds(platform: str, *names: str, **kwargs: object) -> list[str]:
    matches = [GroundMatch(name, (f"evidence of {name}",)) for name in names]
    options: dict[str, object] = {"rating": 1, "categories": [Category("other")], **kwargs}
    return [g.ground for g in accepted_grounds(platform, matches, **options)]  # type: ignore[arg-type]


def test_only_accepted_grounds_are_kept() -> None:
    assert _grounds("amazon_feedback", "off_topic", "obscene_language") == ["obscene_language"]
    assert _grounds("trustpilot", "off_topic") == []
    assert _grounds("google_business", "off_topic") == ["off_topic"]


def test_amazon_cross_grounds_apply_to_one_system_only() -> None:
    seller = "seller_feedback_is_product_review"
    product = "product_review_is_seller_feedback"
    assert _grounds("amazon_feedback", seller, product) == [seller]
    assert _grounds("amazon_review", seller, product) == [product]
    for platform in set(PLATFORMS) - {"amazon_feedback", "amazon_review"}:
        assert _grounds(platform, seller, product) == []


def test_fba_strike_through_needs_fba_and_delivery_only() -> None:
    delivery = [Category("shipping_delay")]
    assert _grounds("amazon_feedback", categories=delivery) == []
    assert _grounds("amazon_feedback", categories=delivery, fulfilled_by_amazon=True) == [
        "fba_delivery_only"
    ]
    mixed = [Category("shipping_delay"), Category("product_quality")]
    assert _grounds("amazon_feedback", categories=mixed, fulfilled_by_amazon=True) == []
    damaged = [Category("damaged_in_transit")]
    assert _grounds("amazon_feedback", categories=damaged, fulfilled_by_amazon=True) == []
    assert _grounds("ebay", categories=delivery, fulfilled_by_amazon=True) == []


def test_fba_ground_from_text_is_ignored_without_fba() -> None:
    delivery = [Category("shipping_delay")]
    assert _grounds("amazon_feedback", "fba_delivery_only", categories=delivery) == []


def test_positive_reviews_get_no_removal_request() -> None:
    assert _grounds("google_business", "obscene_language", rating=5) == []
    assert _grounds("google_business", "obscene_language", rating=None) == ["obscene_language"]


def test_evidence_is_merged_and_rule_cited() -> None:
    matches = [GroundMatch("obscene_language", ("a",)), GroundMatch("obscene_language", ("b", "a"))]
    (ground,) = accepted_grounds("yelp", matches, rating=1, categories=[])
    assert ground.evidence == ("a", "b")
    assert "yelp" in ground.policy.lower() and "Report review" in ground.how_to_file
