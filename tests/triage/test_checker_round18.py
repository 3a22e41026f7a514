"""Kinds of wording the checker learnt from the read half of a nineteenth blind round, each in
sentences of our own with its near misses: contact kept up "until" the review is corrected,
the review said to be corrected or updated in the passive, a voucher sent once the review
is looked at again (Japanese "見直していただけましたら"), the review's cost told as an account
pushed towards suspension, the responsibility put on "whoever arrives late", and a Chinese
"质量" that is no "量" (measuring)."""

from __future__ import annotations

import pytest

from reviewwatch.triage.checker import check_reply


def _blocks(text: str, language: str, platform: str = "generic") -> set[str]:
    result = check_reply(text, platform=platform, language=language)
    return {finding.rule for finding in result.findings if finding.severity == "block"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "We called and e-mailed you, and we will keep doing so until this review is corrected.",
            "en",
        ),
        (
            "Wir haben Sie angerufen und angeschrieben und werden das weiterhin tun, bis Ihre "
            "Bewertung berichtigt ist.",
            "de",
        ),
        (
            "Nous vous avons appelé et écrit, et nous continuerons à le faire jusqu'à ce que "
            "votre avis soit rectifié.",
            "fr",
        ),
        (
            "Le llamamos y le escribimos, y seguiremos haciéndolo hasta que su reseña sea "
            "rectificada.",
            "es",
        ),
        (
            "L'abbiamo chiamata e le abbiamo scritto, e continueremo a farlo finché la sua "
            "recensione non sarà rettificata.",
            "it",
        ),
        (
            "We hebben u gebeld en gemaild en blijven dat doen totdat uw review is rechtgezet.",
            "nl",
        ),
        (
            "Ligámos e escrevemos-lhe, e continuaremos a fazê-lo até a sua avaliação ser "
            "retificada.",
            "pt",
        ),
    ],
)
def test_contact_kept_up_until_the_review_changes_is_pressure(text: str, language: str) -> None:
    assert "pressure_to_change" in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "We have been testing the new version and will keep doing so until the crash is "
            "gone for good.",
            "en",
        ),
        (
            "Nous testons la mise à jour et continuerons à le faire jusqu'à ce que le problème "
            "soit corrigé.",
            "fr",
        ),
        ("Seguiremos haciéndolo hasta que el error sea corregido del todo.", "es"),
        (
            "Wir haben Ihnen Ersatzteile geschickt und werden das weiterhin tun, bis alles "
            "vollständig ist.",
            "de",
        ),
    ],
)
def test_work_kept_up_until_a_fault_is_fixed_passes(text: str, language: str) -> None:
    assert not _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "We have a £15 voucher waiting for you; it goes out as soon as your review has "
            "been corrected.",
            "en",
        ),
        (
            "Un bon d'achat de 15 € vous attend : il partira dès que votre avis aura été modifié.",
            "fr",
        ),
        (
            "Ein Gutschein über 15 € wartet auf Sie; wir schicken ihn, sobald Ihre Bewertung "
            "korrigiert ist.",
            "de",
        ),
        (
            "次回使える割引券をご用意しました。レビューを見直していただけましたら、すぐにお送りします。",
            "ja",
        ),
        (
            "Die nächste Wartung übernehmen wir komplett. Schön wäre, wenn Ihre Rezension dann "
            "auch zeigt, dass wir das Problem behoben haben.",
            "de",
        ),
    ],
)
def test_an_offer_for_a_review_changed_is_an_incentive(text: str, language: str) -> None:
    assert "incentive_for_review" in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Votre avis a été publié le 3 mai ; nous vous avons remboursé le jour même.", "fr"),
        (
            "次回ご来店時にお使いいただける割引券をお送りします。またのご来店をお待ちしております。",
            "ja",
        ),
        ("ご感想をお聞かせいただけましたら、今後の改善に役立てます。", "ja"),
        (
            "Die nächste Wartung übernehmen wir komplett. Ihre Rezension zeigt uns, dass wir "
            "noch besser werden müssen.",
            "de",
        ),
    ],
)
def test_an_offer_or_a_review_alone_passes(text: str, language: str) -> None:
    assert "incentive_for_review" not in _blocks(text, language)
    assert "ask_change_review" not in _blocks(text, language)


def test_the_reviews_cost_to_the_account_then_a_need_is_pressure_on_amazon_feedback() -> None:
    text = (
        "One comment like this pushes our seller account towards suspension, and you know "
        "what that means for our family. We need you to reconsider your feedback, today if "
        "at all possible."
    )
    assert "pressure_to_change" in _blocks(text, "en", "amazon_feedback")


def test_a_neutral_note_after_resolution_passes_on_amazon_feedback() -> None:
    text = (
        "Our shop is our livelihood and we are sorry the kettle let you down. If you are "
        "satisfied that we have resolved your concerns, it is possible to update or remove "
        "the feedback you originally provided here."
    )
    assert not _blocks(text, "en", "amazon_feedback")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "We're sorry you lost the table, but responsibility lies with whoever arrives late.",
            "en",
        ),
        ("Lo sentimos, pero la responsabilidad es de quien llega tarde a su reserva.", "es"),
        ("Désolés, mais la responsabilité incombe à celui qui arrive en retard.", "fr"),
        ("Ci dispiace, ma la responsabilità è di chi arriva in ritardo.", "it"),
        ("Lamentamos, mas a responsabilidade é de quem chega atrasado.", "pt"),
        ("Es tut uns leid, aber die Verantwortung liegt bei dem, der zu spät kommt.", "de"),
        ("Vervelend, maar de verantwoordelijkheid ligt bij wie te laat komt.", "nl"),
        ("Con ese retraso es lógico que perdieran la mesa.", "es"),
    ],
)
def test_the_latecomer_held_responsible_is_blame(text: str, language: str) -> None:
    assert "blame_customer" in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The responsibility lies with the person who served you, and we have spoken to him.",
            "en",
        ),
        ("La responsabilidad es de quien gestiona las reservas, es decir, nuestra.", "es"),
        ("Es lógico que perdieran la paciencia con nosotros; lo sentimos mucho.", "es"),
    ],
)
def test_the_business_holding_itself_responsible_passes(text: str, language: str) -> None:
    assert "blame_customer" not in _blocks(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "亲，定制商品按您提供的尺寸制作，不支持七天无理由退货。不过如果有质量问题，我们负责到底。",
        "很抱歉，我们核对后发现是仓库把您填写的地址抄错了，已重新发货。",
    ],
)
def test_quality_and_a_copying_error_of_ours_are_no_blame_in_chinese(text: str) -> None:
    assert "blame_customer" not in _blocks(text, "zh", "taobao")


@pytest.mark.parametrize(
    "text",
    [
        "您没有量尺寸就下单了，所以不合适。",
        "很抱歉。不过系统显示您填写的收货地址少了门牌号，快递员才没能送到。",
        "详情页写了不可机洗，您自己放进洗衣机洗坏了，这不算质量问题。",
    ],
)
def test_the_customers_own_doing_is_blame_in_chinese(text: str) -> None:
    assert "blame_customer" in _blocks(text, "zh", "taobao")
