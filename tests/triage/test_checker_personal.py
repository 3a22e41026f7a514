"""A person's health in a public reply is personal data on every platform: a medical record
named as someone's, or a condition said of a person (clinics are fined for replies that
confirm a diagnosis). Near misses that must pass: a record or a condition under a negation,
told of nobody, or only supposed."""

from __future__ import annotations

import pytest

from reviewwatch.triage.checker import check_reply


def _rules(text: str, language: str, platform: str = "generic") -> set[str]:
    result = check_reply(text, platform=platform, language=language)
    return {finding.rule for finding in result.findings if finding.severity == "block"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A medical record named as the reviewer's.
        ("As your dental records show, the crown was fitted on the right tooth.", "en"),
        ("Laut Ihrer Patientenakte war die Füllung bereits locker.", "de"),
        ("Comme l'indique votre dossier médical, l'implant a été posé en mai.", "fr"),
        ("Según su historia clínica, la prótesis se colocó hace dos años.", "es"),
        ("Dalla sua cartella clinica risulta che la visita è stata regolare.", "it"),
        ("Conforme o seu prontuário, a consulta durou quarenta minutos.", "pt"),
        ("Volgens uw medisch dossier is de behandeling correct uitgevoerd.", "nl"),
        ("Zgodnie z Pana dokumentacją medyczną zabieg przebiegł prawidłowo.", "pl"),
        ("Saskaņā ar Jūsu medicīnisko karti procedūra noritēja pareizi.", "lv"),
        ("根据您的就诊记录，这次治疗完全按流程进行。", "zh"),
        ("山田様のカルテによると、治療は予定通りに行われました。", "ja"),
        # A condition said of the reviewer or of a member of staff.
        ("Your high blood pressure made the procedure take longer.", "en"),
        ("Ihre Zuckerkrankheit erklärt die langsame Heilung.", "de"),
        ("Notre coiffeuse était absente car elle est enceinte et doit se reposer.", "fr"),
        ("Su miedo a las agujas hizo que la anestesia tardara más.", "es"),
        ("Il suo diabete rallenta la guarigione, come le avevamo spiegato.", "it"),
        ("A sua hipertensão obrigou-nos a adiar a extração.", "pt"),
        ("Onze kok was afwezig omdat hij een depressie heeft.", "nl"),
        ("Pani cukrzyca wydłuża gojenie, o czym informowaliśmy.", "pl"),
        ("Jūsu augstais asinsspiediens pagarināja procedūru.", "lv"),
        ("您有糖尿病，所以伤口愈合得比较慢。", "zh"),
        ("佐藤様は糖尿病をお持ちなので、治癒に時間がかかります。", "ja"),
    ],
)
def test_health_details_are_personal_data(text: str, language: str) -> None:
    assert "personal_data" in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Said not to be discussed here.
        ("We can't discuss your medical records here; please call the practice.", "en"),
        ("Über Ihre Krankenakte können wir hier nicht sprechen.", "de"),
        ("Nous ne pouvons pas commenter votre dossier médical ici.", "fr"),
        ("We cannot discuss medical details in a public reply.", "en"),
        # Told of nobody: a menu, a service.
        ("Our bakery offers sugar-free cakes for diabetics, just ask at the counter.", "en"),
        ("Nous proposons des desserts pour diabétiques, demandez à votre serveur.", "fr"),
        ("Wir bieten Menüs für Menschen mit Diabetes an.", "de"),
        ("Abbiamo un menù per chi soffre di diabete: chieda pure al cameriere.", "it"),
        ("本店提供适合糖尿病人的无糖甜点。", "zh"),
        # Only supposed.
        ("If you have diabetes, ask us for the sugar-free menu.", "en"),
        ("Si vous êtes enceinte, prévenez-nous avant le soin.", "fr"),
        ("Se è incinta, ci avvisi prima del trattamento.", "it"),
    ],
)
def test_health_told_of_nobody_or_refused_passes(text: str, language: str) -> None:
    assert "personal_data" not in _rules(text, language), text


@pytest.mark.parametrize("platform", ["shopify", "google_play", "yelp", "amazon_feedback"])
def test_health_details_are_blocked_on_every_platform(platform: str) -> None:
    text = "As your patient file shows, your fear of needles made the visit difficult."
    assert "personal_data" in _rules(text, "en", platform)


def test_health_details_in_a_private_message_are_not_this_rule() -> None:
    text = "As your patient file shows, your fear of needles made the visit difficult."
    result = check_reply(text, platform="shopify", surface="private_message", language="en")
    assert "personal_data" not in {finding.rule for finding in result.findings}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mr Hart, you came in on Friday at 19:40 and ordered the fish.", "en"),
        ("Sie waren am Freitag um 19:30 bei uns und hatten das Menü.", "de"),
        ("Vous êtes venu samedi à 20h30 avec votre famille.", "fr"),
        ("Según nuestro registro usted vino el martes a las 22:15 con su esposa.", "es"),
        ("Dalle nostre schede risulta che lei è venuta mercoledì alle 18.30.", "it"),
        ("O senhor esteve aqui na sexta-feira às 21:10 e pediu o rodízio.", "pt"),
        ("U was hier zaterdag om 14:00 uur voor uw afspraak bij de tandarts.", "nl"),
        ("Był Pan u nas w piątek o 18:45.", "pl"),
        ("您是星期六晚上19:30来的店里。", "zh"),
    ],
)
def test_when_the_reviewer_came_is_personal_data(text: str, language: str) -> None:
    assert "personal_data" in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Opening hours, a slot offered, a parcel, a version number.
        ("You can book an appointment Monday to Friday, 9:00-17:00.", "en"),
        ("Our kitchen closes at 22:00 on Sundays, so please book before then.", "en"),
        ("Your parcel arrived on Tuesday at 14:05 according to the tracking.", "en"),
        ("Sie können Ihren Termin am Samstag ab 10:00 buchen.", "de"),
        ("Version 2.30 fixes it; you came to us on Friday with 1.15.", "en"),
        ("Nous sommes ouverts du lundi au samedi, de 9h00 à 19h00.", "fr"),
    ],
)
def test_a_timetable_an_offered_slot_or_a_parcel_is_no_visit(text: str, language: str) -> None:
    assert "personal_data" not in _rules(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We looked into your booking for four on Friday 12 May at 8pm.", "en"),
        ("You were with your wife and two kids at table 9 last Saturday.", "en"),
        ("U zat zaterdag aan tafel 6 bij het raam.", "nl"),
        ("Our records show you paid on 2 March with your Visa ending 4417.", "en"),
        ("Sie haben mit Ihrer Karte endend auf 1234 bezahlt.", "de"),
        ("Votre ordonnance pour l'amoxicilline était prête à 17h.", "fr"),
        ("Your prescription for amoxicillin was ready at 5pm.", "en"),
        ("您的处方已经准备好了。", "zh"),
    ],
)
def test_a_booking_a_table_a_cards_last_digits_and_a_prescription_are_personal(
    text: str, language: str
) -> None:
    result = check_reply(text, platform="google_business", language=language)
    assert "personal_data" in {finding.rule for finding in result.findings}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We're open on Fridays from 5pm to 11pm.", "en"),
        ("Book table 4 for Saturday through our website.", "en"),
        ("A card ending in the wrong digits is declined; please try again.", "en"),
        ("Unser Rezept für Apfelkuchen ist seit 1950 gleich.", "de"),
    ],
)
def test_opening_hours_a_table_to_book_and_a_recipe_are_not_personal(
    text: str, language: str
) -> None:
    result = check_reply(text, platform="google_business", language=language)
    assert "personal_data" not in {finding.rule for finding in result.findings}
