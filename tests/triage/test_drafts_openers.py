"""Drafts open in several ways: a seller answering ten reviews a day does not send ten replies
that begin alike. The opening (greeting, thanks, apology) is chosen by a stable hash of the
review's identity (its source and the platform's id), or of its text where it has none, so the
same review always opens the same way and reviews with the same words, or none, still differ.
"""

from __future__ import annotations

from datetime import UTC, datetime

from reviewwatch.models import Review
from reviewwatch.triage.drafts import _templates, draft_with_check, reply_languages
from reviewwatch.triage.models import BusinessInfo, Category, ReviewInput
from reviewwatch.triage.policies import load_policy
from reviewwatch.triage.service import review_input
from tests.triage.conftest import assert_golden

LANGUAGES = tuple(reply_languages())
BUSINESS = BusinessInfo(name="Acme Store", signature="Acme Store", contact="")
# Ten reviews of one morning with the same short text, told apart only by their ids.
KEYS = tuple(f"shop:order-review-{number}" for number in range(1, 11))


def _opening(language: str, key: str | None, text: str = "Late again.") -> str:
    """The greeting and the first two sentences (thanks, apology) of a draft."""
    review = ReviewInput("generic", 1, None, None, text, key=key)
    draft, result = draft_with_check(
        review,
        language=language,
        categories=[Category("shipping_delay", ("late",))],
        business=BUSINESS,
        policy=load_policy("generic"),
    )
    assert result.ok and draft.language == language, draft.text
    greeting, body = draft.text.split("\n")[:2]
    templates = _templates(language)
    # Italian goes on in lower case after "Gentile Anna,".
    said = body[:1].upper() + body[1:]
    thanks = next(t for t in templates["slots"]["thanks"] if said.startswith(t))
    rest = said[len(thanks) :].lstrip()
    apology = next(a for a in templates["slots"]["apology"] if rest.startswith(a))
    return "\n".join((greeting, body[: len(thanks)], apology))


def test_reviews_with_the_same_words_open_differently_by_their_ids() -> None:
    for language in LANGUAGES:
        openings = [_opening(language, key) for key in KEYS]
        assert len(set(openings)) >= 5, (language, openings)
        assert len({opening.split("\n")[2] for opening in openings}) >= 3, language


def test_the_same_review_always_opens_the_same_way() -> None:
    for language in LANGUAGES:
        assert _opening(language, KEYS[0]) == _opening(language, KEYS[0])
        # Without an id, the text chooses, as before.
        assert _opening(language, None, "Late.") == _opening(language, None, "Late.")


def test_every_language_has_several_short_apologies() -> None:
    """A few ways to say sorry per language, each a short sentence of its own."""
    for language in LANGUAGES:
        apologies = _templates(language)["slots"]["apology"]
        assert len(apologies) >= 5 and len(set(apologies)) == len(apologies), language
        assert all(len(apology) <= 60 for apology in apologies), (language, apologies)


def test_a_stored_review_is_known_by_its_source_and_the_platforms_id() -> None:
    seen = datetime(2026, 11, 20, 8, 15, tzinfo=UTC)
    stored = Review(
        id=7,
        source="shop",
        kind="json_file",
        platform="generic",
        external_id="x7",
        rating=1,
        polarity="negative",
        title=None,
        body="Late again.",
        author=None,
        created_at=seen,
        updated_at=None,
        language="en",
        url=None,
        subject=None,
        order_id=None,
        reply=None,
        flagged=True,
        status="new",
        assignee=None,
        due_at=None,
        first_seen_at=seen,
        removed_at=None,
        version=1,
    )
    assert review_input(stored).key == "shop:x7"


def test_golden_openings_of_ten_reviews_per_language() -> None:
    golden = {language: [_opening(language, key) for key in KEYS] for language in LANGUAGES}
    assert_golden("drafts_openers", golden)
