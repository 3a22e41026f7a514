"""Next steps: ordered, each with why, a UTC deadline where one exists and a cited policy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from reviewwatch.triage.models import PLATFORMS, Category, NextStep, RemovalGround, ReviewInput
from reviewwatch.triage.policies import load_policy
from reviewwatch.triage.steps import plan_next_steps
from tests.triage.conftest import assert_golden

SEEN = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
REVIEW = ReviewInput(
    platform="generic",
    rating=1,
    polarity="negative",
    title="Wrong colour",
    body="I ordered blue and got red.",
    author="Jane D.",
    first_seen_at=SEEN,
    created_at=datetime(2026, 11, 20, 8, 15, tzinfo=UTC),
)


def _plan(platform: str, *, review: ReviewInput = REVIEW, **kwargs: object) -> tuple[NextStep, ...]:
    options: dict[str, object] = {"categories": [Category("wrong_item")], "grounds": (), **kwargs}
    return plan_next_steps(
        review,
        policy=load_policy(platform),
        now=NOW,
        **options,  # type: ignore[arg-type]
    )


def test_golden_next_steps_per_platform() -> None:
    ground = RemovalGround("obscene_language", "cited rule", "file it here", ("f***",))
    golden = {
        platform: [
            {
                "action": step.action,
                "why": step.why,
                "deadline": step.deadline.isoformat() if step.deadline else None,
                "policy": step.policy,
            }
            for step in _plan(platform, grounds=(ground,))
        ]
        for platform in PLATFORMS
    }
    assert_golden("next_steps", golden)


def test_every_step_explains_itself_and_cites_a_policy() -> None:
    for platform in PLATFORMS:
        for step in _plan(platform):
            assert step.action and step.why and step.policy
            assert step.deadline is None or step.deadline.tzinfo is UTC


def test_reply_within_sla_from_first_seen() -> None:
    steps = _plan("trustpilot", sla_hours=12)
    assert steps[0].action.startswith("Post a polite public reply")
    assert steps[0].deadline == SEEN + timedelta(hours=12)


def test_deadlines_count_from_now_without_first_seen() -> None:
    review = ReviewInput(platform="yelp", rating=1, polarity=None, title=None, body="bad")
    assert _plan("yelp", review=review)[0].deadline == NOW + timedelta(hours=24)


def test_non_utc_times_come_back_in_utc() -> None:
    riga = timezone(timedelta(hours=2))
    review = ReviewInput(**{**_fields(REVIEW), "first_seen_at": SEEN.astimezone(riga)})  # type: ignore[arg-type]
    deadline = _plan("yelp", review=review)[0].deadline
    assert deadline == SEEN + timedelta(hours=24) and deadline.tzinfo is UTC


def _fields(review: ReviewInput) -> dict[str, object]:
    return {name: getattr(review, name) for name in review.__slots__}


def test_amazon_messages_first_within_24_hours_then_one_shot_reply() -> None:
    message, reply, *_ = _plan("amazon_feedback", sla_hours=48)
    assert "Buyer-Seller Messaging" in message.action
    assert message.deadline == SEEN + timedelta(hours=24)
    assert "ONE public response" in reply.action and "cannot be edited" in reply.action


def test_etsy_resolves_privately_before_replying() -> None:
    message, reply, *_ = _plan("etsy")
    assert "Etsy Messages" in message.action
    assert "FIRST" in reply.action and "can no longer edit" in reply.action


def test_no_private_channel_on_google_and_app_stores() -> None:
    for platform in ("google_business", "app_store", "google_play"):
        channel = _plan(platform)[1]
        assert "no private channel" in channel.action.lower()
        assert channel.deadline is None


def test_remedy_and_root_cause_per_category() -> None:
    actions = [step.action for step in _plan("generic")]
    assert any("correct item" in action for action in actions)
    assert any("pick-and-pack" in action for action in actions)
    damaged = [s.action for s in _plan("generic", categories=[Category("damaged_in_transit")])]
    assert any("claim with the carrier" in action for action in damaged)
    quality = [s.action for s in _plan("generic", categories=[Category("product_quality")])]
    assert any("QA check" in action for action in quality)


def test_removal_request_only_when_a_ground_applies() -> None:
    assert not any("Request removal" in s.action for s in _plan("google_business"))
    ground = RemovalGround("off_topic", "Google content policy", "Report it.", ("lorem",))
    steps = _plan("google_business", grounds=(ground,))
    (removal,) = [s for s in steps if s.action.startswith("Request removal")]
    assert "off_topic" in removal.action and "lorem" in removal.why
    assert removal.policy == "Google content policy"


def test_fba_strike_through_and_amazon_window() -> None:
    ground = RemovalGround("fba_delivery_only", "Amazon FBA rule", "Feedback Manager.")
    steps = _plan("amazon_feedback", grounds=(ground,))
    (strike,) = [s for s in steps if "strike-through" in s.action]
    assert strike.action.startswith("Request strike-through")
    assert strike.deadline == REVIEW.created_at + timedelta(days=90)  # type: ignore[operator]


def test_update_request_per_platform() -> None:
    def update(platform: str) -> NextStep:
        return _plan(platform)[-2]

    assert "neutral note" in update("amazon_feedback").action
    assert "Never ask" in update("amazon_review").action
    ebay = update("ebay")
    assert "Feedback Revision Request" in ebay.action
    assert ebay.deadline == REVIEW.created_at + timedelta(days=30)  # type: ignore[operator]
    for platform in ("yelp", "trustpilot", "google_business", "etsy", "app_store"):
        assert update(platform).action.startswith("Do not ask")


def test_follow_up_date() -> None:
    follow_up = _plan("yelp")[-1]
    assert follow_up.action.startswith("Follow up")
    assert follow_up.deadline == SEEN + timedelta(days=7)


def test_taobao_explanation_window() -> None:
    old = ReviewInput(**{**_fields(REVIEW), "created_at": NOW - timedelta(days=40)})  # type: ignore[arg-type]
    reply = _plan("taobao", review=old)[1]
    assert "window has closed" in reply.action and reply.deadline is None
    recent = ReviewInput(**{**_fields(REVIEW), "created_at": SEEN - timedelta(days=29, hours=20)})  # type: ignore[arg-type]
    reply = _plan("taobao", review=recent)[1]
    assert reply.deadline == recent.created_at + timedelta(days=30)  # type: ignore[operator]


def test_existing_reply_is_not_replied_again() -> None:
    review = ReviewInput(**{**_fields(REVIEW), "reply": "Sorry about that."})  # type: ignore[arg-type]
    _, reply, *_ = _plan("amazon_feedback", review=review)
    assert "already exists" in reply.action and reply.deadline is None


def test_amazon_review_has_no_public_reply() -> None:
    reply = _plan("amazon_review")[0]
    assert reply.action.startswith("Do not reply publicly") and reply.deadline is None


def test_app_platforms_get_app_remedies() -> None:
    actions = [s.action for s in _plan("google_play", categories=[Category("product_quality")])]
    assert any("Reproduce the bug" in action for action in actions)


def _category_steps(platform: str, category: str) -> list[NextStep]:
    """The remedy and root-cause steps of one complaint (those citing the universal rule)."""
    steps = _plan(platform, categories=[Category(category)])
    return [step for step in steps if "never tied to the review" in step.policy]


def test_places_get_guest_remedies_not_parcels_or_batches() -> None:
    for platform in ("google_business", "yelp"):
        wrong, cause = (step.action for step in _category_steps(platform, "wrong_item"))
        assert "order or dish" in wrong and "pick-and-pack" not in cause
        quality = " ".join(step.action for step in _category_steps(platform, "product_quality"))
        assert "kitchen" in quality
        assert "replacement" not in quality and "batch" not in quality


def test_a_kind_without_its_own_table_for_a_complaint_takes_the_stores() -> None:
    store = [step.action for step in _category_steps("generic", "usability")]
    assert [step.action for step in _category_steps("yelp", "usability")] == store
    assert [step.action for step in _category_steps("app_store", "wrong_item")] == [
        step.action for step in _category_steps("generic", "wrong_item")
    ]


def test_remedy_and_root_cause_say_their_own_why() -> None:
    remedy, cause = _category_steps("generic", "product_quality")
    assert "put right first" in remedy.why and "batch" in cause.why
    same_why = _category_steps("generic", "shipping_delay")
    assert same_why[0].why == same_why[1].why


def test_the_business_kind_picks_the_remedies_before_the_platforms() -> None:
    bank = _plan("trustpilot", categories=[Category("shipping_delay")], kind="service")
    actions = " ".join(step.action for step in bank)
    assert "case or delivery stands" in actions and "reship" not in actions
    shop = " ".join(
        step.action for step in _plan("trustpilot", categories=[Category("shipping_delay")])
    )
    assert "reship" in shop


def test_other_steps_only_when_no_named_complaint() -> None:
    general = "Note the complaint in your review log and check whether it repeats."
    beside = _plan("generic", categories=[Category("product_quality"), Category("other")])
    alone = _plan("generic", categories=[Category("other")])
    nothing = _plan("generic", categories=[])
    assert general not in [step.action for step in beside]
    assert any("QA check" in step.action or "batch" in step.action for step in beside)
    assert general in [step.action for step in alone]
    assert general in [step.action for step in nothing]
