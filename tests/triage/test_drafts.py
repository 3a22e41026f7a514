"""Reply drafts: personal, varied, in the review's language, and always within the rules."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewwatch.triage.checker import check_reply, contact_keys
from reviewwatch.triage.drafts import (
    _templates,
    draft_reply,
    draft_with_check,
    first_name,
    plain_reply,
    reply_languages,
)
from reviewwatch.triage.models import CATEGORIES, PLATFORMS, BusinessInfo, Category, ReviewInput
from reviewwatch.triage.policies import load_policy
from tests.triage.conftest import assert_golden

LANGUAGES = ("en", "es", "nl", "zh", "zh-Hant", "lv", "de", "fr", "it", "pt", "pl", "ja")
# A business that gave its contact words and signature in every draft language.
BUSINESS = BusinessInfo(
    name="Acme Store",
    signature={
        "en": "Anna, Acme customer care",
        "de": "Anna, Acme Kundenservice",
        "es": "Anna, atención al cliente de Acme",
        "fr": "Anna, service client Acme",
        "nl": "Anna, klantenservice Acme",
        "lv": "Anna, Acme klientu atbalsts",
        "it": "Anna, servizio clienti Acme",
        "pt": "Anna, apoio ao cliente Acme",
        "pl": "Anna, obsługa klienta Acme",
        "zh": "Acme 客服 安娜",
        "zh-Hant": "Acme 客服 安娜",
        "ja": "Acme カスタマーサポート 山田",
    },
    contact={
        "en": "our support page",
        "de": "unsere Hilfeseite",
        "es": "nuestra página de ayuda",
        "fr": "notre page d'aide",
        "nl": "onze hulppagina",
        "lv": "mūsu palīdzības lapu",
        "it": "la nostra pagina di assistenza",
        "pt": "a nossa página de apoio",
        "pl": "naszą stronę pomocy",
        "zh": "我们的客服页面",
        "zh-Hant": "我們的客服頁面",
        "ja": "当店のサポートページ",
    },
    support_url="https://acme.example/help",
)
REVIEW = ReviewInput(
    platform="generic",
    rating=1,
    polarity="negative",
    title="Broke in a week",
    body="The kettle stopped working after a week and the lid was cracked.",
    author="Jane D.",
    subject="Electric Kettle",
)


def _draft(platform: str, language: str = "en", *, variant: int = 0, **changes: object) -> str:
    review = ReviewInput(**{**_fields(REVIEW), "platform": platform, **changes})  # type: ignore[arg-type]
    categories = [Category("product_quality"), Category("damaged_in_transit")]
    return draft_reply(
        review,
        language=language,
        categories=categories,
        business=BUSINESS,
        policy=load_policy(platform),
        variant=variant,
    ).text


def _fields(review: ReviewInput) -> dict[str, object]:
    return {name: getattr(review, name) for name in review.__slots__}


def test_supported_languages() -> None:
    assert set(LANGUAGES) <= set(reply_languages())


def test_golden_drafts_per_platform_and_language() -> None:
    golden = {p: {lang: _draft(p, lang) for lang in LANGUAGES} for p in PLATFORMS}
    assert_golden("drafts", golden)


def test_same_review_same_draft_other_variant_other_draft() -> None:
    assert _draft("trustpilot") == _draft("trustpilot")
    variants = {_draft("trustpilot", variant=v) for v in range(4)}
    assert len(variants) == 4
    other_review = _draft("trustpilot", body="It broke after two days of use, very poor quality.")
    assert isinstance(other_review, str)


def test_personal_first_name_and_subject() -> None:
    text = _draft("trustpilot")
    assert "Jane" in text and "D." not in text
    assert "Electric Kettle" in text
    assert "Anna, Acme customer care" in text


def test_first_name_rules() -> None:
    assert first_name("Jane D.") == "Jane"
    assert first_name("jane doe") == "Jane"
    assert first_name("Mr. Smith") is None
    assert first_name("Amazon Customer") is None
    assert first_name("john_doe88") is None
    assert first_name("张伟") is None
    assert first_name(None) is None
    assert first_name("Līga K.") == "Līga"


def test_product_codes_are_not_named() -> None:
    assert "B0C123XYZ" not in _draft("amazon_feedback", subject="B0C123XYZ")


def test_private_channel_per_platform() -> None:
    assert "through Amazon" in _draft("amazon_feedback")
    assert "on Etsy" in _draft("etsy")
    assert "Yelp" in _draft("yelp")
    assert "Trustpilot" in _draft("trustpilot")
    assert "旺旺" in _draft("taobao", "zh")
    for platform in ("google_business", "app_store", "shopify"):
        assert "our support page" in _draft(platform)
    # Google Play allows a link to the support page.
    assert "https://acme.example/help" in _draft("google_play")


def test_support_url_only_where_links_are_allowed() -> None:
    assert "https://acme.example/help" in _draft("google_play")
    for platform in set(PLATFORMS) - {"google_play"}:
        assert "acme.example" not in _draft(platform)


def test_contact_words_with_an_email_are_left_out() -> None:
    business = BusinessInfo(name="Acme", contact="mail help@acme.example", signature="Anna")
    review = ReviewInput(platform="google_business", rating=1, polarity=None, title=None, body="x")
    draft = draft_reply(
        review,
        language="en",
        categories=[],
        business=business,
        policy=load_policy("google_business"),
    )
    assert "@" not in draft.text
    assert check_reply(draft.text, platform="google_business").ok


def test_ebay_short_and_play_limit() -> None:
    for language in LANGUAGES:
        for variant in range(3):
            assert len(_draft("ebay", language, variant=variant)) <= 80
            assert len(_draft("google_play", language, variant=variant)) <= 350
    assert "eBay" in _draft("ebay")


def test_unsupported_language_falls_back_to_english() -> None:
    review = ReviewInput(platform="yelp", rating=1, polarity=None, title=None, body="Huono")
    draft = draft_reply(
        review, language="fi", categories=[], business=BUSINESS, policy=load_policy("yelp")
    )
    assert draft.language == "en"
    assert (
        draft_reply(
            review, language="zh-TW", categories=[], business=BUSINESS, policy=load_policy("yelp")
        ).language
        == "zh-Hant"
    )


def test_positive_review_gets_thanks_not_apology() -> None:
    text = _draft("google_business", rating=5, polarity="positive")
    assert "sorry" not in text.lower() and "apolog" not in text.lower()
    assert "Thank" in text


# Words of an apology per draft language: a draft apologises once, in its `apology` slot.
_APOLOGY_WORDS = {
    "en": ("sorry", "apolog"),
    "de": ("entschuldig", "tut uns leid", "bedauern"),
    "es": ("sentimos", "disculp", "lament"),
    "fr": ("désolé", "excus", "regrett"),
    "it": ("dispiace", "scus"),
    "pt": ("lamentamos", "desculp"),
    "nl": ("spijt", "excuses", "verontschuldig"),
    "pl": ("przeprasz", "przykro"),
    "lv": ("atvain", "žēl"),
    "zh": ("抱歉", "歉意", "对不起"),
    "zh-Hant": ("抱歉", "歉意", "對不起"),
    "ja": ("申し訳", "お詫び"),
}


def test_acknowledgements_and_fixes_never_apologise_again() -> None:
    """The apology slot says sorry once; an acknowledgement or a fix that said it too made
    "We're very sorry about this. We're sorry about how our team handled this." """
    assert set(_APOLOGY_WORDS) == set(reply_languages())
    for language, words in _APOLOGY_WORDS.items():
        templates = _templates(language)
        assert any(word in " ".join(templates["slots"]["apology"]).lower() for word in words)
        tables = [name for name in templates if name == "acknowledge" or name.startswith("fix")]
        for table in tables:
            for key, phrases in templates[table].items():
                for phrase in phrases:
                    said = [word for word in words if word in phrase.lower()]
                    assert not said, (language, table, key, phrase)


_NAMES = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(["Jane D.", "Free Gift", "Coupon", "5 Stars", "call 5551234567", "Delete"]),
)
_SUBJECTS = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(["Remove your review", "a.b@c.de", "www.x.com", "5-star kettle", "Refund"]),
)


@settings(max_examples=300, deadline=None)
@given(
    platform=st.sampled_from(PLATFORMS),
    language=st.sampled_from([*LANGUAGES, "pt", "xx"]),
    rating=st.one_of(st.none(), st.integers(min_value=1, max_value=5)),
    categories=st.lists(st.sampled_from(CATEGORIES), max_size=4),
    author=_NAMES,
    subject=_SUBJECTS,
    contact=st.sampled_from(["our support page", "", "support@acme.example", "+1 555 123 4567"]),
    signature=st.sampled_from(["Anna", "", "Anna — www.acme.example", "The 5 star team"]),
    variant=st.integers(min_value=0, max_value=50),
    body=st.text(max_size=60),
)
def test_drafts_never_fail_their_own_check(
    platform: str,
    language: str,
    rating: int | None,
    categories: list[str],
    author: str | None,
    subject: str | None,
    contact: str,
    signature: str,
    variant: int,
    body: str,
) -> None:
    review = ReviewInput(
        platform=platform,
        rating=rating,
        polarity=None,
        title=None,
        body=body,
        author=author,
        subject=subject,
    )
    business = BusinessInfo(name="Acme", signature=signature, contact=contact)
    policy = load_policy(platform)
    draft, result = draft_with_check(
        review,
        language=language,
        categories=[Category(name) for name in categories],
        business=business,
        policy=policy,
        variant=variant,
    )
    own = contact_keys(business.contact_texts)
    full = check_reply(draft.text, platform=platform, language=draft.language, own_contacts=own)
    assert full.ok, (draft.text, full.findings)
    assert full == result
    assert not full.findings, "drafts should not even warn"
    assert len(draft.text) <= policy.reply.max_chars


ENGLISH_ONLY = BusinessInfo(
    name="Acme Store", signature="Anna, Acme customer care", contact="our support page"
)


def _draft_for(
    body: str,
    language: str,
    categories: list[Category],
    *,
    business: BusinessInfo = BUSINESS,
    platform: str = "generic",
    **changes: object,
) -> str:
    review = ReviewInput(**{**_fields(REVIEW), "platform": platform, "body": body, **changes})  # type: ignore[arg-type]
    return draft_reply(
        review,
        language=language,
        categories=categories,
        business=business,
        policy=load_policy(platform),
    ).text


def test_business_words_only_in_their_own_language() -> None:
    for language in ("de", "fr", "es", "nl", "lv", "zh"):
        text = _draft_for("Kaputt.", language, [Category("product_quality")], business=ENGLISH_ONLY)
        assert "support page" not in text and "customer care" not in text, language
        assert "Acme Store" in text  # the business's name signs in every language
    german = _draft_for("Kaputt.", "de", [Category("product_quality")], business=ENGLISH_ONLY)
    assert "Bitte wenden Sie sich an unseren Kundenservice" in german
    english = _draft_for("Broken.", "en", [Category("product_quality")], business=ENGLISH_ONLY)
    assert "our support page" in english and "Anna, Acme customer care" in english
    filled = _draft_for("Kaputt.", "de", [Category("product_quality")])
    assert "unsere Hilfeseite" in filled and "Anna, Acme Kundenservice" in filled


def test_chinese_reply_follows_the_reviews_script() -> None:
    from reviewwatch.triage.analysis import analyse

    traditional = ReviewInput("generic", 1, "negative", None, "這個水壺用了一週就壞了，很失望。")
    simplified = ReviewInput("generic", 1, "negative", None, "这个水壶用了一周就坏了，很失望。")
    policy = load_policy("generic")
    for review, script in ((traditional, "zh-Hant"), (simplified, "zh-Hans")):
        draft = draft_reply(
            review,
            language="zh",
            categories=[Category("product_quality")],
            business=BUSINESS,
            policy=policy,
        )
        assert draft.language == ("zh-Hant" if script == "zh-Hant" else "zh")
        assert analyse(draft.text).chinese == script, draft.text


def test_names_particles_capitals_and_initials() -> None:
    assert first_name("van der Berg") is None
    assert first_name("de la Cruz") is None
    assert first_name("Jan van der Berg") == "Jan"
    assert first_name("JOHN") == "John"
    assert first_name("JEAN-PIERRE DUPONT") == "Jean-Pierre"
    assert first_name("J. Smith") is None
    assert first_name("JR") is None
    assert "Dear Van" not in _draft_for("Broken.", "en", [], author="van der Berg")


def test_a_name_that_makes_its_greeting_break_the_rules_is_left_out_of_it() -> None:
    """A reviewer's name that is safe on its own can read as one of the rules' words in the
    greeting ("Bonjour Avis !": "bon avis", a good review, beside a refund): the draft greets
    without the name instead of falling back to the plainest reply. Names that are trigger
    words in another language (Charge, Gratis, Remove ...) keep their greeting where it is
    safe."""
    categories = [Category("product_quality"), Category("price_value", ("charged twice",))]
    platforms = ("generic", "google_business", "trustpilot", "app_store", "yelp", "ebay")
    names: tuple[str, ...] = ("Avis", "Review", "Star", "Opinion", "Rating", "Charge")
    names += ("Gratis", "Remove", "Delete", "Rückgabe", "Bon")
    for language, platform, name in itertools.product(LANGUAGES, platforms, names):
        review = ReviewInput(platform, 1, None, None, "x", author=name)
        policy = load_policy(platform)
        for category in categories:
            draft, result = draft_with_check(
                review, language=language, categories=[category], business=BUSINESS, policy=policy
            )
            plain = plain_reply(language, policy).text
            assert result.ok and draft.text != plain, (language, platform, name, draft.text)
    french = _draft_for("Cassé.", "fr", [Category("product_quality")], author="Avis Dupont")
    assert "Avis" not in french
    assert french.split("\n")[0] in _templates("fr")["slots"]["greeting"], french
    greeted = _draft_for("Cassé.", "fr", [Category("product_quality")], author="Gratis Dupont")
    assert "Gratis" in greeted.split("\n")[0], greeted


def test_latvian_greets_with_the_vocative() -> None:
    text = _draft_for("Salūza.", "lv", [Category("product_quality")], author="Jānis Bērziņš")
    assert "Jāni!" in text and "Jānis" not in text


def test_category_sentences_address_what_the_reviewer_said() -> None:
    rude = _draft_for(
        "The waiter was really rude.", "en", [Category("customer_service", ("rude",))]
    )
    assert "waiter" in rude and "quicker" not in rude
    money = _draft_for(
        "I want my money back.", "en", [Category("customer_service", ("money back",))]
    )
    assert "quicker" not in money and "rude" not in money
    slow = _draft_for("Nobody answered.", "en", [Category("customer_service", ("no answer",))])
    assert "quicker" in slow or "let you down" in slow
    charged = _draft_for(
        "I was charged twice.", "en", [Category("price_value", ("charged twice",))]
    )
    assert "charge" in charged and "weren't clear" not in charged


def test_a_package_id_is_no_product_name() -> None:
    text = _draft_for(
        "Charged twice.",
        "en",
        [Category("price_value", ("charged twice",))],
        platform="google_play",
        subject="com.leafandcup.app",
    )
    assert "com.leafandcup" not in text


def test_every_category_sentence_matches_a_category_of_the_review() -> None:
    from reviewwatch.triage.drafts import _templates

    for language in LANGUAGES:
        templates = _templates(language)
        for name in CATEGORIES:
            text = _draft_for("x", language, [Category(name)], subject=None)
            for other in CATEGORIES:
                if other == name:
                    continue
                sentences = [
                    s.format(item="", product="", subject="", role="")
                    for key, options in templates["acknowledge"].items()
                    if key == other or key.startswith(other + "_")
                    for s in options
                ]
                for sentence in sentences:
                    words = sentence.strip(" .。")
                    assert len(words) < 12 or words not in text, (language, name, other)


def test_no_fragment_of_another_language_or_script() -> None:
    """Every draft reads as its own language (Chinese: its own script), whether [business] is
    filled in that language or only in English (then the draft uses its own neutral words)."""
    from reviewwatch.triage.analysis import analyse
    from reviewwatch.triage.language import detect_language

    for business in (BUSINESS, ENGLISH_ONLY):
        for platform in PLATFORMS:
            for language in LANGUAGES:
                review = ReviewInput(**{**_fields(REVIEW), "platform": platform, "subject": None})  # type: ignore[arg-type]
                text = draft_reply(
                    review,
                    language=language,
                    categories=[Category("product_quality"), Category("customer_service")],
                    business=business,
                    policy=load_policy(platform),
                ).text
                body = text.replace("Acme Store", "").replace("Acme", "")
                guess = detect_language(body, hint=None, fallback="en")
                assert guess.code.split("-")[0] == language.split("-")[0], (platform, text)
                if language.startswith("zh"):
                    script = "zh-Hant" if language == "zh-Hant" else "zh-Hans"
                    assert analyse(text).chinese == script, text


# Each category's own sentences, and the kinds chosen by evidence, in every draft language.
_CATEGORY_CASES = {
    **{name: Category(name) for name in CATEGORIES},
    "customer_service (rude, waiter)": Category("customer_service", ("rude",)),
    "customer_service (slow)": Category("customer_service", ("no answer",)),
    "price_value (charged twice)": Category("price_value", ("charged twice",)),
    "price_value (hidden fees)": Category("price_value", ("hidden fees",)),
}
_EVIDENCE_IN = {
    "de": {
        "rude": "unhöflich",
        "no answer": "keine Antwort",
        "charged twice": "doppelt abgebucht",
        "hidden fees": "versteckte Gebühren",
    },
    "es": {
        "rude": "grosero",
        "no answer": "sin respuesta",
        "charged twice": "cobrado dos veces",
        "hidden fees": "comisión oculta",
    },
    "fr": {
        "rude": "impoli",
        "no answer": "aucune réponse",
        "charged twice": "débité deux fois",
        "hidden fees": "frais cachés",
    },
    "it": {
        "rude": "scortese",
        "no answer": "nessuna risposta",
        "charged twice": "doppio addebito",
        "hidden fees": "costi nascosti",
    },
    "pt": {
        "rude": "mal-educado",
        "no answer": "sem resposta",
        "charged twice": "cobrado duas vezes",
        "hidden fees": "taxas escondidas",
    },
    "pl": {
        "rude": "niegrzeczny",
        "no answer": "brak odpowiedzi",
        "charged twice": "pobrano dwa razy",
        "hidden fees": "ukryte opłaty",
    },
    "nl": {
        "rude": "onbeleefd",
        "no answer": "geen antwoord",
        "charged twice": "dubbel afgeschreven",
        "hidden fees": "verborgen kosten",
    },
    "lv": {
        "rude": "rupjš",
        "no answer": "neatbild",
        "charged twice": "divreiz",
        "hidden fees": "slēpta maksa",
    },
    "zh": {
        "rude": "态度差",
        "no answer": "不回",
        "charged twice": "重复扣款",
        "hidden fees": "隐藏费用",
    },
    "zh-Hant": {
        "rude": "態度差",
        "no answer": "不回",
        "charged twice": "重複扣款",
        "hidden fees": "隱藏費用",
    },
    "ja": {
        "rude": "態度が悪い",
        "no answer": "返信がない",
        "charged twice": "二重請求",
        "hidden fees": "手数料",
    },
}


def test_golden_drafts_per_language_and_category() -> None:
    golden: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        words = _EVIDENCE_IN.get(language, {})
        golden[language] = {}
        for case, category in _CATEGORY_CASES.items():
            evidence = tuple(words.get(word, word) for word in category.evidence)
            body = "The waiter was rude." if "waiter" in case and language == "en" else "x"
            golden[language][case] = _draft_for(
                body, language, [Category(category.name, evidence)], subject=None
            )
    assert_golden("drafts_by_category", golden)


def test_an_app_is_not_an_order_or_a_parcel() -> None:
    """Where the app itself is reviewed, the draft speaks of the app: no "your order", no
    "what arrived", in every language, for a complaint and for praise."""
    from reviewwatch.triage.drafts import _templates

    for language in LANGUAGES:
        templates = _templates(language)
        item = templates["item_default"]
        acknowledge = templates["acknowledge"]
        product = templates.get("product_default", item)
        store_words = [item] + [
            sentence.format(item=item, product=product)
            for sentence in (*acknowledge["product_quality"], *acknowledge["not_as_described"])
        ]
        for name, rating in (("product_quality", 1), ("not_as_described", 2), (None, 5)):
            for variant in (0, 1):
                review = ReviewInput(
                    platform="app_store",
                    rating=rating,
                    polarity=None,
                    title=None,
                    body=f"{language} {name}",
                    author=None,
                )
                draft, result = draft_with_check(
                    review,
                    language=language,
                    categories=[Category(name)] if name else [],
                    business=BUSINESS,
                    policy=load_policy("app_store"),
                    variant=variant,
                )
                assert result.ok and draft.language == language
                for words in store_words:
                    assert words.lower() not in draft.text.lower(), (language, name, draft.text)


def test_a_draft_speaks_only_of_complaints_the_review_shows_in_words() -> None:
    """A category the model found without a listed word gets the neutral sentences, not its
    own (out of fold it is wrong more often than right); the surest category comes first, and
    a second one is spoken of only where the model is sure of it (margin 1.0 or more)."""
    from reviewwatch.triage.drafts import draft_categories

    unsure = Category("product_quality", ("a sentence",), listed=False, margin=2.0)
    late = Category("shipping_delay", ("late",), margin=0.4)
    rude = Category("customer_service", ("rude",), margin=1.5)
    pricey = Category("price_value", ("expensive",), margin=1.0)
    assert draft_categories([unsure]) == ["other"]
    assert draft_categories([unsure, late]) == ["shipping_delay"]
    assert draft_categories([late, rude, unsure]) == ["customer_service"]
    assert draft_categories([late, pricey, rude]) == ["customer_service", "price_value"]
    # Given by name or set by a user's correction: no margin to doubt, in the order given.
    assert draft_categories(["shipping_delay", "customer_service"]) == [
        "shipping_delay",
        "customer_service",
    ]
    corrected = [Category("usability", ("set by ana",)), Category("wrong_item", ("set by ana",))]
    assert draft_categories(corrected) == ["usability", "wrong_item"]
    guessed = _draft_for("The credit card was declined.", "en", [unsure], subject=None)
    sure = _draft_for("The credit card was declined.", "en", [Category("product_quality")])
    assert "refund" not in guessed and "Electric Kettle" not in guessed
    assert "Electric Kettle" in sure


def test_an_app_answers_a_bug_with_a_fix_and_a_price_or_rude_support_as_a_shop_does() -> None:
    from reviewwatch.triage.drafts import _templates

    templates = _templates("en")
    app_fixes = set(templates["fix_app"]["product_quality"])
    for name, app_fix in (("product_quality", True), ("price_value", False)):
        for variant in range(4):
            body = f"review {variant}"
            text = _draft_for(body, "en", [Category(name)], platform="app_store", subject=None)
            assert any(fix in text for fix in app_fixes) is app_fix, (name, text)
            if not app_fix:
                assert any(fix in text for fix in templates["fix"][name]), text


def test_praise_of_a_place_thanks_for_the_visit_not_an_order() -> None:
    """On Google Business Profile and Yelp (places people visit) praise is thanked without
    "your order"; a shop's draft still names the order or the product."""
    from reviewwatch.triage.drafts import _templates

    for language in LANGUAGES:
        item = _templates(language)["item_default"]
        for platform in ("google_business", "yelp"):
            text = _draft_for(
                "Lovely evening!", language, [], platform=platform, rating=5, polarity=None
            )
            assert item not in text and "Electric Kettle" not in text, (language, text)
        shop = _draft_for("Lovely kettle!", "en", [], platform="etsy", rating=5, polarity=None)
        assert "Electric Kettle" in shop


# Latin letters a Japanese draft may hold: the platforms' names as they write them in Japan.
_PLATFORM_NAMES = ("Amazon", "eBay", "Etsy", "Yelp", "Trustpilot")
_LATIN = re.compile(r"[A-Za-z]")


def _without_given_words(text: str, business: BusinessInfo) -> str:
    """`text` without the platforms' names and the business's own given words."""
    given = (business.signature_for("ja"), business.contact_for("ja"), business.name)
    for words in (*_PLATFORM_NAMES, *given, business.support_url or ""):
        text = text.replace(words, "") if words else text
    return text


def test_a_japanese_review_gets_a_japanese_draft_with_no_latin_fragment() -> None:
    """A review detected as Japanese is answered in Japanese on every platform, for every
    category and for praise, with no English word: only the platforms' names (Amazon, eBay
    ...) and the business's own words may be written in Latin letters."""
    from reviewwatch.triage.drafts import reply_language
    from reviewwatch.triage.language import detect_language

    body = "注文した電気ケトルが一週間で壊れました。問い合わせても返信がありません。"
    assert detect_language(body, hint=None, fallback="en").code == "ja"
    assert reply_language("ja", body) == "ja"
    cases = [[Category(name)] for name in CATEGORIES] + [
        [Category("customer_service", ("態度が悪い",))],
        [Category("customer_service", ("返信がない",))],
        [Category("price_value", ("二重請求",))],
        [Category("product_quality"), Category("shipping_delay")],
    ]
    ratings = [(5, []), *((1, categories) for categories in cases)]
    for business, platform, (rating, categories), variant in itertools.product(
        (BUSINESS, ENGLISH_ONLY), PLATFORMS, ratings, (0, 1, 2)
    ):
        review = ReviewInput(
            platform, rating, None, None, body, author="ケトル好き", subject="電気ケトル"
        )
        draft, result = draft_with_check(
            review,
            language="ja",
            categories=categories,
            business=business,
            policy=load_policy(platform),
            variant=variant,
        )
        assert draft.language == "ja" and result.ok, draft.text
        rest = _without_given_words(draft.text, business)
        assert not _LATIN.search(rest), (platform, draft.text)
        assert detect_language(rest, hint=None, fallback="en").code == "ja", (platform, rest)


def test_japanese_business_words_go_only_into_japanese_drafts() -> None:
    """`signature.ja` and `contact.ja` sign and point to support in a Japanese draft; an
    English-only business gets the draft's own Japanese words, signed with its name."""
    japanese = _draft_for("壊れました。", "ja", [Category("product_quality")])
    assert "当店のサポートページ" in japanese and "Acme カスタマーサポート 山田" in japanese
    english = _draft_for("壊れました。", "ja", [Category("product_quality")], business=ENGLISH_ONLY)
    assert "support page" not in english and "customer care" not in english
    assert "カスタマーサポートまでご連絡" in english and english.endswith("Acme Store")
    german = _draft_for("Kaputt.", "de", [Category("product_quality")])
    assert "山田" not in german and "当店" not in german


def test_a_japanese_draft_greets_without_the_reviewers_name() -> None:
    """A Japanese reply addresses the reviewer as お客様 (or opens with thanks), never by a
    name: the author is a handle or a name written surname first."""
    for author in ("Jane D.", "山田 太郎", "ケトル好き"):
        text = _draft_for("壊れました。", "ja", [Category("product_quality")], author=author)
        first_line = text.splitlines()[0]
        assert first_line in ("お客様へ", "この度はご利用いただき、誠にありがとうございます。")
        assert "Jane" not in text and "山田 太郎" not in text and "ケトル好き" not in text


def test_a_short_draft_checked_sentence_by_sentence_is_checked_as_a_whole() -> None:
    """eBay's one-line drafts are checked a sentence at a time (the sentences without the
    name recur): the result is check_reply's on the whole line, for every language and names
    with a full stop, an insult or a rating ask in them."""
    names = ("Jane", "J. Smith", "Idiot", "Five Stars Please", "Kees van der Berg")
    for language, author, variant in itertools.product(reply_languages(), names, (0, 1)):
        review = ReviewInput("ebay", 1, None, None, f"{language} late", author=author)
        draft, result = draft_with_check(
            review,
            language=language,
            categories=[Category("shipping_delay", ("late",))],
            business=BUSINESS,
            policy=load_policy("ebay"),
            variant=variant,
        )
        own = contact_keys(BUSINESS.contact_texts)
        whole = check_reply(draft.text, platform="ebay", language=draft.language, own_contacts=own)
        assert result == whole, (language, author, draft.text)
