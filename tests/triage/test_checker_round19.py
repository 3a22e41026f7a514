"""Kinds of wording the checker learnt from the read half of a twentieth blind round, written
to be subtle, each in sentences of our own with near misses: accusations by insinuation (a
rival opening as the review's timing, readers left to judge who is behind it, more fiction
than fact, "surely pure coincidence", an account that reviews every shop badly), blame by
hindsight ("so with a little more attention ..."), the reviewer's employer to be told,
gating by an app's prompt or "instead of here", friends asked to tell it on Yelp, status and
priority as incentives, contact kept up "in case you reconsider"."""

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
            "Funny how this review turned up the same week a new bistro opened across the street.",
            "en",
        ),
        ("We'll let our readers decide who is really behind this.", "en"),
        ("Your account of the evening is more fiction than fact.", "en"),
        ("That this appeared on our opening day is surely pure coincidence.", "en"),
        ("Diese Bewertung kam genau, als gegenüber ein neues Café eröffnet hat.", "de"),
        ("Wir überlassen es den Lesern zu beurteilen, wer hier wirklich dahinter steckt.", "de"),
        ("Nous laissons les lecteurs juger de ce récit.", "fr"),
        ("Su relato tiene más de ficción que de realidad.", "es"),
        ("Lasciamo giudicare ai lettori chi c'è davvero dietro a questa recensione.", "it"),
        ("Wij laten het aan de lezer over om te bepalen wie hier werkelijk achter zit.", "nl"),
        ("A sua história tem mais de imaginação do que de realidade.", "pt"),
        ("这个账号最近给了二十家店铺差评，大家心里都有数。", "zh"),
        ("近隣に競合店が開店した時期と重なっております。", "ja"),
        ("Pozostawiamy czytelnikom ocenę, kto naprawdę za tym stoi.", "pl"),
        ("Ļaujam lasītājiem pašiem spriest, kas patiesībā stāv aiz šīs atsauksmes.", "lv"),
        ("Jūsu stāstā ir vairāk fantāzijas nekā patiesības.", "lv"),
    ],
)
def test_an_insinuated_accusation_is_blocked(text: str, language: str) -> None:
    assert "accusation" in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A new café opened across the street last month, so we've extended our hours.", "en"),
        ("We could not find your booking; could you send us the reference privately?", "en"),
        ("By pure coincidence, a courier found your parcel this morning: it's on its way.", "en"),
        ("Gegenüber hat ein neues Café eröffnet, deshalb haben wir länger geöffnet.", "de"),
        ("Nowa restauracja otworzyła się obok, więc wydłużyliśmy godziny otwarcia.", "pl"),
    ],
)
def test_plain_facts_near_an_insinuation_pass(text: str, language: str) -> None:
    assert "accusation" not in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The app reminds you twice to back up, so with a little more attention this "
            "could easily have been avoided.",
            "en",
        ),
        ("As they say, it takes two to tango.", "en"),
        (
            "L'app le rappelle deux fois, donc avec un peu plus d'attention cela aurait pu "
            "être évité.",
            "fr",
        ),
        ("Die Anleitung im Paket ließ eigentlich keinen Zweifel.", "de"),
        (
            "Instrukcja dołączona do paczki raczej nie pozostawiała tu wątpliwości.",
            "pl",
        ),
    ],
)
def test_blame_by_hindsight_is_blocked(text: str, language: str) -> None:
    assert "blame_customer" in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "So with a little more care from our packing team, this could easily have been "
            "avoided. We're sorry.",
            "en",
        ),
        ("Zu dem Set gehören zwei Tassen, die wir Ihnen nachschicken.", "de"),
        (
            "Donc avec un peu plus d'attention de notre part, cela aurait pu être évité.",
            "fr",
        ),
    ],
)
def test_hindsight_about_ourselves_passes(text: str, language: str) -> None:
    assert "blame_customer" not in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Perhaps your employer would like to hear how this visit looked from our side.", "en"),
        ("Być może Pana przełożony chętnie usłyszy naszą wersję.", "pl"),
        ("Vielleicht interessiert sich Ihr Arbeitgeber ja für unsere Sicht.", "de"),
        ("Il suo datore di lavoro sarebbe forse curioso di sapere com'è andata.", "it"),
        ("Jūsu priekšnieks noteikti labprāt uzzinātu, kā vizīte izskatījās no mūsu puses.", "lv"),
    ],
)
def test_telling_the_reviewers_employer_is_a_threat(text: str, language: str) -> None:
    assert "threat_or_insult" in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Those who say yes in the app go to the review page, while those with a problem "
            "go straight to our chat.",
            "en",
        ),
        (
            "Schreiben Sie bei Problemen am besten direkt unserem Kundenservice statt hier.",
            "de",
        ),
        (
            "Chi risponde di sì viene portato alle recensioni, mentre chi ha un problema "
            "finisce in chat.",
            "it",
        ),
    ],
)
def test_gating_by_prompt_or_instead_of_here_is_blocked(text: str, language: str) -> None:
    assert "review_gating" in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Si tus amigos también disfrutaron, anímales a contarlo aquí.", "es"),
        ("Ci farebbe piacere leggere le loro impressioni qui su Yelp.", "it"),
    ],
)
def test_friends_asked_to_review_on_yelp_is_soliciting(text: str, language: str) -> None:
    assert "solicit_review" in _blocks(text, language, "yelp")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Once your post reflects where things stand now, you'd be welcome as a guest with "
            "priority bookings all year.",
            "en",
        ),
        (
            "Si votre avis évolue, notre programme Privilège vous sera ouvert, livraison "
            "offerte à vie.",
            "fr",
        ),
        (
            "Als uw verhaal hier beter aansluit bij hoe het is afgelopen, krijgt u altijd "
            "gratis verzending.",
            "nl",
        ),
        ("有空可以回来看看评价，联系客服领一份小心意哦。", "zh"),
        (
            "Se achar que a sua avaliação merece uma atualização, terá reservas prioritárias "
            "e uma sobremesa de cortesia.",
            "pt",
        ),
    ],
)
def test_status_or_a_gift_for_a_review_changed_is_an_incentive(text: str, language: str) -> None:
    assert "incentive_for_review" in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("As a thank-you for your patience, we've added priority bookings to your account.", "en"),
        ("Notre programme Privilège offre la livraison à vie à tous nos membres.", "fr"),
    ],
)
def test_status_given_with_no_word_of_the_review_passes(text: str, language: str) -> None:
    assert "incentive_for_review" not in _blocks(text, language)


@pytest.mark.parametrize(
    ("text", "language", "platform"),
    [
        (
            "Te volveremos a escribir esta semana y la próxima por si te animas a replantearte "
            "lo que publicaste.",
            "es",
            "yelp",
        ),
        (
            "Ci permetteremo di ricontattarla nei prossimi giorni, nella speranza che voglia "
            "ripensare a quanto ha scritto.",
            "it",
            "amazon_review",
        ),
        (
            "A bad mark could push us below what keeps our shop open. We'll check back tomorrow "
            "and again on Friday in case you've reconsidered your feedback.",
            "en",
            "amazon_feedback",
        ),
    ],
)
def test_contact_kept_up_in_case_they_reconsider_is_pressure(
    text: str, language: str, platform: str
) -> None:
    assert "pressure_to_change" in _blocks(text, language, platform)
