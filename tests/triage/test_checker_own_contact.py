"""The business's own support address in a reply: let through exactly where the platform's
rules allow one (Google Play: a support e-mail; your own Shopify store: e-mail or phone), and
only that address, a desk's address at a business's own domain (a role mailbox such as
support@) or, on your own store with no number configured, a number given as the business's
line ("call us on ..."); any other contact data stays blocked everywhere."""

from __future__ import annotations

import pytest

from reviewwatch.triage.checker import check_reply, contact_keys
from reviewwatch.triage.drafts import draft_with_check
from reviewwatch.triage.models import BusinessInfo, ReviewInput
from reviewwatch.triage.policies import load_policy

OWN = contact_keys(("mia@leafandcup.app", "Ring us on +44 20 7946 0000 (9 to 5)"))


def test_the_contact_words_give_the_addresses_and_numbers_in_them() -> None:
    assert "email:mia@leafandcup.app" in OWN and len(OWN) == 2
    assert contact_keys(("our help page",)) == frozenset()
    assert contact_keys(()) == frozenset()


@pytest.mark.parametrize(
    ("platform", "text", "allowed"),
    [
        ("google_play", "Sorry! Write to mia@leafandcup.app and we'll fix it.", True),
        # The same address, however it is written.
        ("google_play", "Sorry! Write to MIA@LeafAndCup.app.", True),
        ("google_play", "Sorry! Write to m\u00adia@leafandcup.app.", True),
        # Google Play suggests a support address, not a phone line.
        ("google_play", "Sorry! Call us on 020 7946 0000.", False),
        ("google_play", "Sorry! Write to anna.smith@gmail.com.", False),
        ("google_play", "Sorry! Write to mia@leafandcup.app or anna@gmail.com.", False),
        ("shopify", "Sorry! Phone: 020 7946 0000, or write to mia@leafandcup.app.", True),
        ("shopify", "Sorry! Call Anna on 07700 900123.", False),
        ("shopify", "Sorry! Phone: +44 (0)20 7946 0000.", True),
        ("shopify", "Sorry! Phone: 020 7946 0001.", False),
        # Platforms whose rules do not clearly allow contact data in a reply.
        ("amazon_feedback", "Sorry! Write to mia@leafandcup.app.", False),
        ("google_business", "Sorry! Write to mia@leafandcup.app.", False),
        ("trustpilot", "Sorry! Write to mia@leafandcup.app.", False),
        ("yelp", "Sorry! Call us on 020 7946 0000.", False),
        ("ebay", "Mail mia@leafandcup.app", False),
    ],
)
def test_only_the_businesss_own_address_passes_and_only_where_allowed(
    platform: str, text: str, allowed: bool
) -> None:
    result = check_reply(text, platform=platform, own_contacts=OWN)
    assert result.ok is allowed, result.findings
    if not allowed:
        assert "personal_data" in {finding.rule for finding in result.findings}
    # Without the business's own address, every contact is blocked.
    assert not check_reply(text, platform=platform).ok


@pytest.mark.parametrize(
    ("platform", "text", "allowed"),
    [
        ("google_play", "Sorry! Write to support@tidalnotes.app and we'll fix it.", True),
        ("google_play", "Schreiben Sie an hilfe@notizwerk.de.", True),
        ("google_play", "Escríbenos a soporte@ruta360.es.", True),
        ("google_play", "请发邮件到 support@jizhang.cn。", True),
        ("google_play", "Write to app-support@tidalnotes.co.uk.", True),
        ("shopify", "Questions? Mail hello@floorhouse.co.uk.", True),
        # A person's address, or any address at a mail provider where anyone opens one.
        ("google_play", "Write to anna.smith@tidalnotes.app.", False),
        ("google_play", "Write to support@gmail.com.", False),
        ("google_play", "Write to help.tidal@yahoo.co.uk.", False),
        ("google_play", "Write to support@tidalnotes.app or anna@gmail.com.", False),
        # Where the platform's rules allow no contact data, a desk's address is blocked too.
        ("google_business", "Write to support@tidalnotes.app.", False),
        ("app_store", "Write to support@tidalnotes.app.", False),
        ("amazon_feedback", "Write to support@tidalnotes.app.", False),
        ("generic", "Write to support@tidalnotes.app.", False),
    ],
)
def test_a_desks_address_at_the_businesss_own_domain_passes_where_own_addresses_do(
    platform: str, text: str, allowed: bool
) -> None:
    result = check_reply(text, platform=platform)
    assert result.ok is allowed, result.findings
    if not allowed:
        assert "personal_data" in {finding.rule for finding in result.findings}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Sorry! Call us on 020 7946 0123 and we'll send new ones.", "en"),
        ("Neem contact op via klantenservice@groenhuis.nl of bel 020 555 1234.", "nl"),
        ("Zadzwoń do nas pod numer 22 123 45 67, a wymienimy buty.", "pl"),
        ("請致電客服 02-2345-6789，我們會立即為您更換。", "zh"),
        ("Rufen Sie uns an unter 030 1234567.", "de"),
        ("Ligue-nos para o 21 123 4567 e tratamos disso.", "pt"),
        ("Escreva-nos para apoio@cafetorra.pt e tratamos já do reenvio.", "pt"),
    ],
)
def test_a_number_given_as_the_businesss_line_passes_on_your_own_store(
    text: str, language: str
) -> None:
    assert check_reply(text, platform="shopify", language=language).ok
    # Where the platform's rules allow no phone number, it is blocked all the same.
    assert not check_reply(text, platform="etsy", language=language).ok


@pytest.mark.parametrize(
    "text",
    [
        "We tried to call you on 07700 900123 twice.",
        "Sorry! Call Anna on 07700 900123.",
        "Call us or write to Anna on 07700 900123.",
        "Call us. Anna's number is 07700 900123.",
    ],
)
def test_a_number_not_given_as_the_businesss_line_is_blocked_on_your_own_store(
    text: str,
) -> None:
    result = check_reply(text, platform="shopify", language="en")
    assert "personal_data" in {finding.rule for finding in result.findings}


def test_with_a_number_of_its_own_configured_only_that_one_passes_as_its_line() -> None:
    assert check_reply("Call us on 020 7946 0000.", platform="shopify", own_contacts=OWN).ok
    assert not check_reply("Call us on 020 7946 0001.", platform="shopify", own_contacts=OWN).ok


def test_the_finding_says_how_to_let_your_own_address_through_where_it_can() -> None:
    play = check_reply("Write to anna@gmail.com.", platform="google_play", own_contacts=OWN)
    (finding,) = play.findings
    assert "[business] contact" in finding.message and "e-mail address" in finding.message
    assert "support.google.com" in finding.policy
    amazon = check_reply("Write to anna@gmail.com.", platform="amazon_feedback")
    assert "[business] contact" not in amazon.findings[0].message


def test_a_private_message_gets_no_exception() -> None:
    text = "Please write to mia@leafandcup.app."
    assert not check_reply(text, platform="shopify", surface="private_message", own_contacts=OWN).ok


def test_the_rest_of_a_reply_is_still_checked() -> None:
    text = "Write to mia@leafandcup.app and we'll send a voucher if you delete your review."
    result = check_reply(text, platform="google_play", own_contacts=OWN)
    rules = {finding.rule for finding in result.findings}
    assert "incentive_for_review" in rules and "personal_data" not in rules


def _draft(platform: str, contact: str) -> str:
    business = BusinessInfo(name="Leaf & Cup", signature="Mia, Leaf & Cup", contact=contact)
    review = ReviewInput(
        platform=platform,
        rating=1,
        polarity=None,
        title=None,
        body="The app crashes every time I open it.",
        author="Jo",
    )
    draft, result = draft_with_check(
        review,
        language="en",
        categories=["product_quality"],
        business=business,
        policy=load_policy(platform),
    )
    assert result.ok
    return draft.text


def test_a_draft_gives_the_support_address_where_the_platform_allows_it() -> None:
    assert "support@leafandcup.app" in _draft("google_play", "support@leafandcup.app")
    assert "support@leafandcup.app" in _draft("shopify", "support@leafandcup.app")
    for platform in ("google_business", "app_store", "amazon_review", "trustpilot"):
        text = _draft(platform, "support@leafandcup.app")
        assert "@" not in text
        assert text == _draft(platform, "")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Our customer service called you on 07700 900123 twice.", "en"),
        ("Onze klantenservice heeft u gebeld op 06 1234 5678.", "nl"),
        ("客服给您打过电话 13812345678，没有接通。", "zh"),
    ],
)
def test_the_number_the_business_called_the_reviewer_on_is_blocked(
    text: str, language: str
) -> None:
    result = check_reply(text, platform="shopify", language=language)
    assert "personal_data" in {finding.rule for finding in result.findings}
