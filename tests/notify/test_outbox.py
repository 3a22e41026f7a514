"""The outbox: identities, filters, exactly-once queueing, and no credential in the database."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from reviewwatch.errors import ConfigError
from reviewwatch.models import utc_now
from reviewwatch.notify import (
    Event,
    collect_events,
    enqueue,
    mark_failed,
    mark_sent,
    notifiers_from_config,
    pending,
)
from tests.filesources import review
from tests.notify.conftest import Polled, database_bytes, notify_config, poll_new

HOOK = "https://hooks.slack.com/services/T0001/B0001/SeCrEtToKeN42"


def _notifiers(polled: Polled, *tables: dict[str, Any]) -> list[Any]:
    config = notify_config(polled.shop, tables, env={"SLACK_URL": HOOK})
    return notifiers_from_config(config)


def _events(polled: Polled) -> list[Event]:
    config = notify_config(polled.shop, [])
    return collect_events(polled.conn, polled.report, config=config, now=utc_now())


def test_a_notifier_is_known_by_a_hash_of_its_destination(polled: Polled) -> None:
    (slack,) = _notifiers(polled, {"kind": "slack", "webhook_url": "${SLACK_URL}"})
    assert slack.key.startswith("slack:") and len(slack.key) == len("slack:") + 16
    assert "SeCrEtToKeN42" not in slack.key and "SeCrEtToKeN42" not in slack.label
    assert slack.label == "slack (https://hooks.slack.com)"
    # The same destination, other filters: the same identity, so nothing is sent twice.
    (again,) = _notifiers(polled, {"kind": "slack", "webhook_url": HOOK, "max_stars": 1})
    assert again.key == slack.key


def test_enqueue_is_exactly_once(polled: Polled) -> None:
    notifiers = _notifiers(
        polled,
        {"kind": "slack", "webhook_url": "${SLACK_URL}"},
        {"kind": "webhook", "url": "https://hooks.acme.example/reviews"},
    )
    events = _events(polled)
    assert enqueue(polled.conn, notifiers, events) == 4
    assert enqueue(polled.conn, notifiers, events) == 0
    entries = pending(polled.conn, notifiers[0].key)
    assert [entry.dedupe_key for entry in entries] == [event.dedupe_key for event in events]
    assert entries[0].payload["version"] == 1 and entries[0].payload["event"] == "flagged"
    assert entries[0].payload["review"]["external_id"] == "lv-1"
    mark_failed(polled.conn, [entries[0].id], "HTTP 500 from https://hooks.slack.com")
    mark_sent(polled.conn, [entries[1].id])
    (left,) = pending(polled.conn, notifiers[0].key)
    assert (left.id, left.attempts, left.last_error) == (
        entries[0].id,
        1,
        "HTTP 500 from https://hooks.slack.com",
    )
    assert enqueue(polled.conn, notifiers, events) == 0
    assert pending(polled.conn, notifiers[0].key, since=utc_now() + timedelta(hours=1)) == []


def test_the_same_destination_twice_gets_its_own_rows(polled: Polled) -> None:
    first, second = _notifiers(
        polled, {"kind": "slack", "webhook_url": HOOK}, {"kind": "slack", "webhook_url": HOOK}
    )
    assert first.key != second.key
    assert enqueue(polled.conn, [first, second], _events(polled)) == 4


def test_no_credential_reaches_the_database(polled: Polled) -> None:
    notifiers = _notifiers(
        polled,
        {"kind": "slack", "webhook_url": "${SLACK_URL}"},
        {"kind": "webhook", "url": HOOK + "/generic", "secret": "hmac-secret-value"},
        {
            "kind": "email",
            "smtp_host": "smtp.acme.example",
            "username": "mailer",
            "password": "smtp-password-value",
            "from": "rw@acme.example",
            "to": ["care@acme.example"],
        },
    )
    enqueue(polled.conn, notifiers, _events(polled))
    polled.conn.close()
    stored = database_bytes(polled.shop.db)
    assert stored.count(b"flagged:") >= 6
    for secret in ("SeCrEtToKeN42", "hooks.slack.com", "hmac-secret-value", "smtp-password-value"):
        assert secret.encode() not in stored


def _accepted(polled: Polled, **filters: Any) -> list[str]:
    (notifier,) = _notifiers(polled, {"kind": "slack", "webhook_url": HOOK, **filters})
    return [
        event.dedupe_key.split(":")[0] + ":" + _who(event)
        for event in _events(polled)
        if notifier.accepts(event)
    ]


def _who(event: Event) -> str:
    return event.review.external_id if event.review else event.source


def test_filters_by_source_stars_language_and_event(polled: Polled) -> None:
    assert _accepted(polled) == ["flagged:lv-1", "flagged:zh-1"]
    assert _accepted(polled, max_stars=1) == ["flagged:lv-1"]
    assert _accepted(polled, languages=["zh-Hans"]) == ["flagged:zh-1"]
    assert _accepted(polled, languages=["LV", "en"]) == ["flagged:lv-1"]
    assert _accepted(polled, sources=["elsewhere"]) == []
    assert _accepted(polled, sources=["shop"], events=["flagged"]) == [
        "flagged:lv-1",
        "flagged:zh-1",
    ]
    assert _accepted(polled, events=["overdue", "source_failing"]) == []


def test_max_stars_lets_through_only_negative_reviews_without_stars(tmp_path: Path) -> None:
    polled = poll_new(tmp_path, [review("bad", "negative"), review("meh", "neutral")])
    (notifier,) = _notifiers(polled, {"kind": "slack", "webhook_url": HOOK, "max_stars": 1})
    bad = _events(polled)[0]
    assert bad.review is not None and bad.review.rating is None
    assert notifier.accepts(bad)
    assert bad.review.polarity == "negative"
    neutral = dataclasses.replace(bad, review=dataclasses.replace(bad.review, polarity="neutral"))
    assert not notifier.accepts(neutral)


def test_source_events_pass_review_filters_but_not_event_or_source_filters(
    polled: Polled,
) -> None:
    failing = Event("source_failing", "source_failing:shop:2026-11-20", "shop", "Source shop ...")
    (strict,) = _notifiers(
        polled, {"kind": "slack", "webhook_url": HOOK, "max_stars": 1, "languages": ["lv"]}
    )
    assert strict.accepts(failing)
    (other,) = _notifiers(polled, {"kind": "slack", "webhook_url": HOOK, "sources": ["x"]})
    assert not other.accepts(failing)


def test_a_rating_change_alongside_a_flag_is_one_alert(tmp_path: Path) -> None:
    polled = poll_new(tmp_path, [review("a", 4)])
    polled.shop.write([review("a", 1), review("base", 5, text="Great")])
    report = polled.shop.poll()
    config = notify_config(polled.shop, [])
    events = collect_events(polled.conn, report, config=config, now=utc_now())
    assert sorted(event.kind for event in events) == ["flagged", "rating_changed"]
    everything, changes_only = _notifiers(
        polled,
        {"kind": "slack", "webhook_url": HOOK},
        {"kind": "webhook", "url": HOOK, "events": ["rating_changed"]},
    )
    enqueue(polled.conn, [everything, changes_only], events)
    assert [e.event for e in pending(polled.conn, everything.key)] == ["flagged"]
    assert [e.event for e in pending(polled.conn, changes_only.key)] == ["rating_changed"]


def test_bad_filters_are_config_errors_listed_at_once(polled: Polled) -> None:
    with pytest.raises(ConfigError) as caught:
        _notifiers(
            polled,
            {"kind": "slack", "webhook_url": HOOK, "events": ["flaged"], "max_stars": 9},
            {"kind": "email", "smtp_host": "h", "from": "a@b", "to": [], "username": "u"},
            {"kind": "discord", "webhook_url": "discord.com/api/webhooks/1/token-xyz"},
        )
    assert caught.value.problems == [
        "notify[1].events: unknown event 'flaged'; did you mean 'flagged'?",
        "notify[1].max_stars: must be from 1 to 5",
        "notify[2].to: give at least one address",
        "notify[2].password: is required with username (or password_file)",
        "notify[3].webhook_url: must be an http:// or https:// URL",
    ]
