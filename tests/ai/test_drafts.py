"""`reply ID --ai`: drafts from a model on 127.0.0.1, through `llm`, checked like any reply."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w

from tests.ai.conftest import (
    BROKEN_TEXT,
    FLAGGED,
    GOOD_DRAFT,
    ORDER_ID,
    FakeModel,
    ai_table,
    polled_shop,
)

BLOCKED = (
    "We are sorry, Jane. If you remove your review we will send you a voucher for 25% off "
    "your next order."
)
FIXED = "We are sorry the teapot arrived cracked, Jane: a new one is on its way. Anna, Leaf & Cup"


def test_a_good_draft_is_printed_in_the_brands_voice(tmp_path: Path, model: FakeModel) -> None:
    voice = {"style": "Warm and brief, no exclamation marks.", "examples": ["Thanks, Sam."]}
    shop = polled_shop(tmp_path, ai_table(model, temperature=0.2, voice=voice))
    result = shop.run("reply", "2", "--ai", "--print")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == GOOD_DRAFT.replace("[name]", "Jane")
    [body] = model.bodies()
    assert body["model"] == "test-model" and body["temperature"] == 0.2
    assert body["response_format"] == {"type": "json_object"}
    request = json.loads(body["messages"][1]["content"])
    assert request["review"]["text"] == BROKEN_TEXT
    assert request["voice"] == voice["style"]
    assert request["example_replies_in_our_voice"] == voice["examples"]
    assert request["business"]["signature"] == "Anna, Leaf & Cup"
    assert any("characters" in rule for rule in request["rules"])
    assert "damaged_in_transit" in request["what_the_review_is_about"]


def test_a_draft_is_cached_per_review_version_and_model(
    tmp_path: Path, model: FakeModel, engine_db: str
) -> None:
    shop = polled_shop(tmp_path, ai_table(model), db=engine_db)
    first = shop.run("reply", "2", "--ai", "--print")
    again = shop.run("reply", "2", "--ai", "--print")
    assert first.stdout == again.stdout and len(model.requests) == 1
    shop.configure(ai_table(model, model="other-model"))
    assert shop.run("reply", "2", "--ai", "--print").exit_code == 0
    assert len(model.requests) == 2 and model.bodies()[1]["model"] == "other-model"


def test_a_blocked_draft_is_sent_back_once_with_the_findings(
    tmp_path: Path, model: FakeModel
) -> None:
    shop = polled_shop(tmp_path, ai_table(model))
    model.answer({"reply": BLOCKED})
    model.answer({"reply": FIXED})
    result = shop.run("reply", "2", "--ai", "--print")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == FIXED
    assert "fixed" in result.stderr
    fix = json.loads(model.bodies()[1]["messages"][1]["content"])
    assert fix["your_blocked_draft"].startswith("We are sorry")
    assert fix["why_it_was_blocked"] and all(p["rule"] for p in fix["why_it_was_blocked"])


def test_a_draft_still_blocked_after_the_fix_exits_5_and_never_reaches_stdout(
    tmp_path: Path, model: FakeModel
) -> None:
    shop = polled_shop(tmp_path, ai_table(model))
    model.answer({"reply": BLOCKED})
    model.answer({"reply": BLOCKED})
    result = shop.run("reply", "2", "--ai", "--print")
    assert result.exit_code == 5
    assert "voucher" not in result.stdout and result.stdout.strip() == ""
    assert "blocked" in result.stderr and "voucher" in result.stderr
    assert len(model.requests) == 2
    # Cached as it is: asking again costs no request and is blocked again.
    again = shop.run("reply", "2", "--ai", "--print")
    assert again.exit_code == 5 and len(model.requests) == 2 and "voucher" not in again.stdout


def test_failures_fall_back_to_the_offline_draft_with_one_line(
    tmp_path: Path, model: FakeModel
) -> None:
    shop = polled_shop(tmp_path, ai_table(model, timeout=0.5))
    offline = shop.run("reply", "2", "--print").stdout
    cases: list[tuple[Callable[[], None], str]] = [
        (lambda: model.answer("Sure! Here is a reply: thanks for your feedback"), "JSON"),
        (lambda: model.answer({"text": "no reply key"}), "no reply"),
        (lambda: model.answer(""), "empty"),
        (model.refuse, "a refusal"),
        (lambda: model.fail(500), "HTTP 500"),
        (lambda: model.fail(401), "refused the key"),
        (lambda: model.answer({"reply": GOOD_DRAFT}, delay=1.5), "within 0.5 seconds"),
    ]
    for queue_answer, words in cases:
        queue_answer()
        result = shop.run("reply", "2", "--ai", "--print")
        assert result.exit_code == 0, (words, result.output)
        assert result.stdout == offline, words
        [line] = result.stderr.strip().splitlines()
        assert line.startswith("ai: ") and words in line and "offline draft" in line
        assert "Traceback" not in result.output


def test_an_unreachable_model_falls_back(tmp_path: Path, model: FakeModel) -> None:
    shop = polled_shop(tmp_path, {"model": "m", "endpoint": "http://127.0.0.1:9/v1", "timeout": 2})
    result = shop.run("reply", "2", "--ai", "--print")
    assert result.exit_code == 0 and result.stdout.strip()
    assert "cannot reach the model at http://127.0.0.1:9/v1" in result.stderr


def test_the_monthly_budget_stops_requests(
    tmp_path: Path, model: FakeModel, engine_db: str
) -> None:
    shop = polled_shop(tmp_path, ai_table(model, monthly_budget=1), db=engine_db)
    assert shop.run("reply", "2", "--ai", "--print").stdout.strip().startswith("Hello Jane")
    result = shop.run("reply", "3", "--ai", "--print")
    assert result.exit_code == 0 and "budget of 1 requests is spent" in result.stderr
    assert len(model.requests) == 1


def test_no_name_or_order_id_leaves_the_machine_unless_listed(
    tmp_path: Path, model: FakeModel
) -> None:
    shop = polled_shop(tmp_path, ai_table(model, send=["text"], triage=True))
    # The reviewer names themself and the order in the text too.
    records = [dict(record) for record in FLAGGED]
    records[1]["text"] = f"Jane Doe here: order {ORDER_ID} arrived cracked. Call me, Jane."
    assert shop.poll(records).exit_code == 0
    shop.run("reply", "2", "--ai", "--print")
    shop.run("show", "2", "--translate")
    shop.run("reply", "3", "--ai", "--print")
    shop.run("show", "3", "--translate")
    assert len(model.requests) >= 6  # the poll's second opinion, two drafts, translations
    texts = [json.loads(json.loads(r.body)["messages"][1]["content"]) for r in model.requests]
    assert any("[name] here: order [order] arrived" in json.dumps(t) for t in texts)
    for request in model.requests:
        body = request.body.decode("utf-8")
        for secret in ("Jane", "Doe", "114-3941689-8772232", "Lucía", "Gómez", "114-0000000"):
            assert secret not in body and json.dumps(secret)[1:-1] not in body
        sent = json.loads(json.loads(body)["messages"][1]["content"])
        assert "rating" not in sent.get("review", {}) and "platform" not in sent.get("review", {})
    # Listed, they go.
    shop.configure(ai_table(model, send=["text", "author", "order_id"]))
    shop.run("reply", "2", "--ai", "--print")
    assert "Jane Doe" in model.requests[-1].body.decode()
    assert "114-3941689-8772232" in model.requests[-1].body.decode()


def test_ai_needs_an_ai_table(tmp_path: Path, model: FakeModel) -> None:
    shop = polled_shop(tmp_path, ai_table(model))
    shop.configure(None)
    result = shop.run("reply", "2", "--ai", "--print")
    assert result.exit_code == 2 and "[ai]" in result.output
    assert shop.run("reply", "2", "--ai", "--text", "Hi").exit_code == 2


def test_another_variant_asks_for_another_wording(tmp_path: Path, model: FakeModel) -> None:
    shop = polled_shop(tmp_path, ai_table(model))
    assert shop.run("reply", "2", "--ai", "--print").exit_code == 0
    model.answer({"reply": FIXED})
    other = shop.run("reply", "2", "--ai", "--variant", "1", "--print")
    assert other.exit_code == 0 and other.stdout.strip() == FIXED
    asked = [json.loads(body["messages"][1]["content"]) for body in model.bodies()]
    assert "wording" not in asked[0] and asked[1]["wording"].startswith("Wording number 2")


def test_a_failed_fix_leaves_the_draft_blocked_and_uncached(
    tmp_path: Path, model: FakeModel
) -> None:
    shop = polled_shop(tmp_path, ai_table(model))
    model.answer({"reply": BLOCKED})
    model.answer("not json at all")
    result = shop.run("reply", "2", "--ai", "--print")
    assert result.exit_code == 5 and result.stdout.strip() == ""
    assert "the fix was not made" in result.stderr and "Traceback" not in result.output
    # Nothing was cached: the next run asks again (and gets the default good draft).
    again = shop.run("reply", "2", "--ai", "--print")
    assert again.exit_code == 0 and len(model.requests) == 3


def _edit_config(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(tomli_w.dumps(document), encoding="utf-8")


def test_the_model_hears_the_kind_and_the_words_of_the_reviews_own_business(
    tmp_path: Path, model: FakeModel
) -> None:
    shop = polled_shop(tmp_path, ai_table(model))
    assert shop.run("reply", "2", "--ai", "--print").exit_code == 0
    _edit_config(shop.config, lambda document: document["business"].update(kind="place"))
    assert shop.run("reply", "2", "--ai", "--print").exit_code == 0
    plain, place = (json.loads(body["messages"][1]["content"]) for body in model.bodies())
    # Without `kind` the request is as before (its cached draft stays valid).
    assert "kind_of_business" not in plain["business"]
    assert "place people visit" in place["business"]["kind_of_business"]

    def agency(document: dict[str, Any]) -> None:
        own = {**document["business"], "kind": "service"}
        document["business"] = [{"name": "Tea House", "signature": "Ivo, Tea House"}, own]
        document["sources"][0]["business"] = "Leaf & Cup"

    _edit_config(shop.config, agency)
    with_ai = shop.config.read_text(encoding="utf-8")
    _edit_config(shop.config, lambda document: document.pop("ai"))
    assert shop.poll(FLAGGED).exit_code == 0  # the source now names its business
    shop.config.write_text(with_ai, encoding="utf-8")
    assert shop.run("reply", "2", "--ai", "--print").exit_code == 0
    service = json.loads(model.bodies()[-1]["messages"][1]["content"])
    assert service["business"]["signature"] == "Anna, Leaf & Cup"
    assert service["business"]["kind_of_business"].startswith("a service")
