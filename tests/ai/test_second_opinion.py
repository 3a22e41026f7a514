"""The model's second opinion on triage, and translations, from a model on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ai.conftest import (
    BASELINE,
    FLAGGED,
    SPANISH_TEXT,
    FakeModel,
    Shop,
    ai_table,
    polled_shop,
)
from tests.filesources import review
from tests.loopback import LoopbackServer, Response


def show_json(shop: Shop, *args: str) -> dict[str, object]:
    result = shop.run("show", *args, "--json")
    assert result.exit_code == 0, result.output
    document: dict[str, object] = json.loads(result.stdout)["review"]
    return document


def test_labels_outside_the_allowed_set_are_dropped_and_disagreement_is_shown(
    tmp_path: Path, model: FakeModel
) -> None:
    shop = polled_shop(tmp_path, ai_table(model, triage=True))
    model.answer(
        {
            "language": "en",
            "categories": ["shipping_delay", "bad_vibes", "damaged_in_transit"],
            "removal_grounds": [{"ground": "being_mean", "quote": "Very disappointed"}],
        }
    )
    opinion = show_json(shop, "2")["second_opinion"]
    assert isinstance(opinion, dict)
    assert opinion["categories"] == ["shipping_delay", "damaged_in_transit"]
    assert opinion["removal_grounds"] == [] and opinion["unconfirmed_removal_grounds"] == []
    assert set(opinion["dropped_labels"]) == {"bad_vibes", "being_mean"}
    text = shop.run("show", "2")
    assert "Second opinion (test-model at" in text.stdout
    assert "about: shipping_delay, damaged_in_transit (triage: " in text.stdout
    assert len(model.requests) == 1  # cached for this version and model


def test_model_grounds_count_only_when_the_quoted_words_are_in_the_review(
    tmp_path: Path, model: FakeModel
) -> None:
    shop = polled_shop(tmp_path, ai_table(model, triage=True))
    made_up = {"ground": "threat_or_extortion", "quote": "I will burn your shop down"}
    quoted = {"ground": "promotional_or_spam", "quote": "NADIE contesta  mis correos"}
    model.answer({"language": "es", "categories": [], "removal_grounds": [made_up, quoted]})
    document = show_json(shop, "3")
    assert document["removal_grounds"] == []  # the offline detector found nothing
    opinion = document["second_opinion"]
    assert isinstance(opinion, dict)
    # The made-up quote is not in the review: never shown as applicable.
    assert opinion["unconfirmed_removal_grounds"] == ["threat_or_extortion"]
    # The quoted words stand in the review (case and spacing aside) and the platform accepts
    # the ground: shown, with the reviewer's own words.
    assert opinion["removal_grounds"] == [
        {"ground": "promotional_or_spam", "evidence": ["nadie contesta mis correos"]}
    ]
    shown = shop.run("show", "3").stdout
    assert "not confirmed: threat_or_extortion" in shown
    assert "may be reported: promotional_or_spam" in shown


def test_a_failed_second_opinion_leaves_the_offline_triage_with_a_note(
    tmp_path: Path, model: FakeModel
) -> None:
    shop = polled_shop(tmp_path, ai_table(model, triage=True))
    model.answer("{not json")
    result = shop.run("show", "2")
    assert result.exit_code == 0 and "About" in result.stdout
    assert "no second opinion" in result.stderr and "JSON" in result.stderr
    assert "Traceback" not in result.output


def test_poll_asks_for_newly_flagged_reviews_up_to_the_limit(
    tmp_path: Path, model: FakeModel
) -> None:
    shop = Shop(tmp_path, ai_table(model, triage=True, max_reviews_per_poll=1))
    assert shop.poll([review("r1", 5, text="Lovely tea.")]).exit_code == 0
    assert model.requests == []  # a baseline flags nothing new
    records = [
        review("r1", 5, text="Lovely tea."),
        review("r2", 1, text="The teapot arrived cracked."),
        review("r3", 1, text="The parcel came two weeks late."),
    ]
    result = shop.poll(records)
    assert result.exit_code == 0, result.output
    assert len(model.requests) == 1
    assert "max_reviews_per_poll" in result.stderr
    # `show` asks for the one the poll left out; the other is cached.
    shop.run("show", "2")
    shop.run("show", "3")
    assert len(model.requests) == 2


def test_poll_goes_on_when_the_model_is_down(tmp_path: Path) -> None:
    ai = {"model": "m", "endpoint": "http://127.0.0.1:9/v1", "triage": True}
    shop = Shop(tmp_path, ai)
    shop.poll([review("r1", 5)])
    result = shop.poll([review("r1", 5), review("r2", 1, text="Broken."), review("r3", 1)])
    assert result.exit_code == 0, result.output
    assert "cannot reach the model" in result.stderr and "Traceback" not in result.output
    listed = json.loads(shop.run("list", "--json").stdout)["reviews"]
    assert len(listed) == 3


def test_translation_of_the_review_and_the_draft(tmp_path: Path, model: FakeModel) -> None:
    shop = polled_shop(tmp_path, ai_table(model))
    model.answer({"translation": "The teapot arrived broken.", "source_language": "es"})
    model.answer({"translation": "Hello, we are sorry.", "source_language": "es"})
    result = shop.run("show", "3", "--translate")
    assert result.exit_code == 0, result.output
    assert "machine translation by test-model" in result.stdout
    assert "The teapot arrived broken." in result.stdout and "Hello, we are sorry." in result.stdout
    asked = [json.loads(body["messages"][1]["content"]) for body in model.bodies()]
    assert asked[0] == {"translate_into": "en", "text": SPANISH_TEXT}
    assert asked[1]["translate_into"] == "en" and asked[1]["text"]
    document = show_json(shop, "3", "--translate")
    assert document["translation"] == {
        "language": "en",
        "text": "The teapot arrived broken.",
        "machine_translation": True,
        "model": f"test-model at {model.url}",
    }
    assert len(model.requests) == 2  # both cached
    english = shop.run("show", "2", "--translate")
    assert "already in en" in english.stderr


def test_translate_without_ai_is_a_usage_error(tmp_path: Path, model: FakeModel) -> None:
    shop = polled_shop(tmp_path, ai_table(model))
    shop.configure(None)
    result = shop.run("show", "3", "--translate")
    assert result.exit_code == 2 and "[ai]" in result.output


def test_alerts_carry_a_machine_translation_line(
    tmp_path: Path, model: FakeModel, server: LoopbackServer
) -> None:
    server.route("POST", "/hooks/slack", lambda request: Response(200, "ok"))
    server.route("POST", "/hooks/json", lambda request: Response(200, "ok"))
    notify = [
        {"kind": "slack", "webhook_url": server.url("/hooks/slack")},
        {"kind": "webhook", "url": server.url("/hooks/json")},
    ]
    shop = Shop(tmp_path, ai_table(model, translate_alerts=True), notify=notify)
    assert shop.poll(BASELINE).exit_code == 0
    model.answer({"translation": "The teapot arrived broken.", "source_language": "es"})
    result = shop.poll(FLAGGED)
    assert result.exit_code == 0, result.output
    # Only the Spanish review is translated; the English one needs none.
    assert [json.loads(b["messages"][1]["content"])["text"] for b in model.bodies()] == [
        SPANISH_TEXT
    ]
    slack = [r.json()["text"] for r in server.requests_to("/hooks/slack")]
    [spanish] = [text for text in slack if "tetera" in text]
    assert "Machine translation (en, by test-model at" in spanish
    assert "The teapot arrived broken." in spanish
    [english] = [text for text in slack if "cracked" in text]
    assert "Machine translation" not in english
    hooks = [r.json() for r in server.requests_to("/hooks/json")]
    [translated] = [hook for hook in hooks if "machine_translation" in hook]
    assert translated["review"]["id"] == 3
    assert translated["machine_translation"]["text"] == "The teapot arrived broken."


def test_the_correction_hook_takes_only_confirmed_labels(tmp_path: Path, model: FakeModel) -> None:
    from reviewwatch.ai.service import AiAssistant
    from reviewwatch.config import load_config
    from reviewwatch.store import connect, get_review

    shop = polled_shop(tmp_path, ai_table(model, triage=True))
    made_up = {"ground": "threat_or_extortion", "quote": "I will burn your shop down"}
    model.answer({"language": "en", "categories": ["shipping_delay"], "removal_grounds": [made_up]})
    offline = show_json(shop, "2")
    conn = connect(shop.db)
    try:
        assistant = AiAssistant(conn, load_config(shop.config))
        labels = assistant.opinion_labels(get_review(conn, 2), offline)
        assert labels == {"categories": ["shipping_delay"], "grounds": []}
        assert assistant.opinion_labels(get_review(conn, 1), offline) is None  # never asked
    finally:
        conn.close()
    assert len(model.requests) == 1
