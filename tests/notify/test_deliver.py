"""Delivery: exactly once per notifier, retried after failures, never blocked by another."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx

from reviewwatch.models import PollReport, utc_now
from reviewwatch.notify import deliver, enqueue, notifiers_from_config, run_notifications
from reviewwatch.notify.deliver import FLOOD_LIMIT
from reviewwatch.notify.events import Event
from tests.filesources import review
from tests.loopback import LoopbackServer, Response
from tests.notify.conftest import Polled, database_bytes, notify_config, poll_new, receiver

NOTHING_NEW = PollReport(poll_id=0, sources=())


def _slack(url: str, **filters: Any) -> dict[str, Any]:
    return {"kind": "slack", "webhook_url": url, **filters}


def _outbox(polled: Polled) -> list[tuple[Any, ...]]:
    return polled.conn.execute(
        "SELECT event, attempts, last_error, sent_at IS NOT NULL FROM outbox ORDER BY id"
    ).fetchall()


def test_a_failed_delivery_is_sent_on_the_next_run_exactly_once(
    polled: Polled, server: LoopbackServer
) -> None:
    hook = receiver(server, "/services/T0/B0/retry-token")
    server.fail_next(Response(500, "oops"), path=hook.path)
    config = notify_config(polled.shop, [_slack(hook.url)])
    first = run_notifications(polled.conn, config, polled.report)
    (result,) = first.results
    assert (result.sent, result.failed, result.deferred) == (0, 1, 1)
    assert result.error == f"HTTP 500 from {server.base_url}: oops"
    assert len(hook.received) == 1
    assert _outbox(polled) == [
        ("flagged", 1, f"HTTP 500 from {server.base_url}: oops", 0),
        ("flagged", 0, None, 0),
    ]
    # The next poll: the same events are offered again (they are not queued twice) and the
    # pending ones go out.
    second = run_notifications(polled.conn, config, polled.report)
    assert second.enqueued == 0 and second.sent == 2 and not second.failed
    assert len(hook.received) == 3
    texts = [request.json()["text"] for request in hook.received]
    assert texts[0] == texts[1] and texts[1] != texts[2]
    third = run_notifications(polled.conn, config, NOTHING_NEW)
    assert third.sent == 0 and len(hook.received) == 3
    assert [row[1:] for row in _outbox(polled)] == [
        (2, f"HTTP 500 from {server.base_url}: oops", 1),
        (1, None, 1),
    ]


def test_a_failing_notifier_never_blocks_the_others(polled: Polled, server: LoopbackServer) -> None:
    down = receiver(server, "/api/webhooks/9/down-token", Response(503, "maintenance"))
    limited = receiver(server, "/hooks/limited", Response(429, "", {"Retry-After": "30"}))
    fine = receiver(server, "/services/T0/B0/fine-token")
    config = notify_config(
        polled.shop,
        [
            {"kind": "discord", "webhook_url": down.url},
            {"kind": "webhook", "url": limited.url},
            _slack(fine.url),
        ],
    )
    report = run_notifications(polled.conn, config, polled.report)
    discord, webhook, slack = report.results
    assert (discord.failed, discord.deferred, discord.error) == (
        1,
        1,
        f"HTTP 503 from {server.base_url}: maintenance",
    )
    assert webhook.error == (
        f"rate limited (HTTP 429) by {server.base_url}; it asks to wait 30 s; "
        "will retry on the next poll"
    )
    assert (slack.sent, slack.ok) == (2, True)
    assert len(fine.received) == 2 and len(down.received) == 1 and len(limited.received) == 1
    assert report.failed == (discord, webhook)


def test_errors_never_show_the_webhook_path(polled: Polled, server: LoopbackServer) -> None:
    # No route: the loopback server's 404 echoes the whole path back, token and all.
    url = server.url("/services/T0/B0/echoed-token-123")
    config = notify_config(polled.shop, [_slack("${SLACK_URL}")], env={"SLACK_URL": url})
    (result,) = run_notifications(polled.conn, config, polled.report).results
    assert result.error is not None and result.error.startswith(f"HTTP 404 from {server.base_url}")
    assert "echoed-token-123" not in result.error and "/services" not in result.error
    assert "***" in result.error
    polled.conn.close()
    assert b"echoed-token-123" not in database_bytes(polled.shop.db)


def test_a_timeout_is_a_failure_to_retry(polled: Polled, server: LoopbackServer) -> None:
    hook = receiver(server, "/hooks/slow", Response(200, "ok", delay=1.0))
    config = notify_config(polled.shop, [{"kind": "webhook", "url": hook.url}])
    notifiers = notifiers_from_config(config)
    enqueue(polled.conn, notifiers, [_failing_event()])

    async def run() -> Any:
        async with httpx.AsyncClient(timeout=0.2) as client:
            return await deliver(polled.conn, notifiers, client=client)

    (result,) = asyncio.run(run()).results
    assert result.error == f"timed out waiting for {server.base_url}"
    assert _outbox(polled) == [("source_failing", 1, result.error, 0)]


def _failing_event() -> Event:
    return Event("source_failing", "source_failing:shop:2026-11-20", "shop", "Source shop failed")


def test_no_notify_queues_nothing_and_sends_nothing(polled: Polled, server: LoopbackServer) -> None:
    hook = receiver(server, "/services/T0/B0/quiet")
    config = notify_config(polled.shop, [_slack(hook.url)])
    skipped = run_notifications(polled.conn, config, polled.report, deliver_now=False)
    assert (skipped.events, skipped.enqueued, skipped.delivered) == (2, 0, False)
    assert _outbox(polled) == [] and hook.received == []
    later = run_notifications(polled.conn, config, NOTHING_NEW)
    assert later.sent == 0 and hook.received == []


def test_without_notifiers_nothing_happens(polled: Polled) -> None:
    config = notify_config(polled.shop, [])
    report = run_notifications(polled.conn, config, polled.report)
    assert (report.events, report.results) == (0, ())
    assert _outbox(polled) == []


def test_overdue_and_silent_alerts_with_a_controlled_clock(
    polled: Polled, server: LoopbackServer
) -> None:
    hook = receiver(server, "/services/T0/B0/clock")
    config = notify_config(
        polled.shop,
        [_slack(hook.url, events=["overdue", "source_failing"])],
        settings={"stale_after_hours": 30},
    )
    assert run_notifications(polled.conn, config, polled.report).sent == 0
    later = utc_now() + timedelta(hours=31)
    report = run_notifications(polled.conn, config, NOTHING_NEW, now=later)
    assert report.sent == 3
    texts = [request.json()["text"] for request in hook.received]
    assert [text.split(" · ")[0] for text in texts] == [
        "*Reply overdue*",
        "*Reply overdue*",
        "*Source problem*",
    ]
    assert "has not been fetched successfully for 31 h" in texts[2]
    # An hour later the same day: nothing new to say.
    again = run_notifications(polled.conn, config, NOTHING_NEW, now=later + timedelta(minutes=5))
    assert again.sent == 0 and len(hook.received) == 3


def test_a_flood_arrives_as_one_digest_but_webhooks_get_every_event(
    tmp_path: Path, server: LoopbackServer
) -> None:
    many = [review(f"r{index}", 1, text=f"Bad {index}") for index in range(FLOOD_LIMIT + 1)]
    polled = poll_new(tmp_path, many)
    slack = receiver(server, "/services/T0/B0/flood")
    hook = receiver(server, "/hooks/all")
    config = notify_config(polled.shop, [_slack(slack.url), {"kind": "webhook", "url": hook.url}])
    chat, program = run_notifications(polled.conn, config, polled.report).results
    assert (chat.sent, chat.messages) == (FLOOD_LIMIT + 1, 1)
    assert (program.sent, program.messages) == (FLOOD_LIMIT + 1, FLOOD_LIMIT + 1)
    text = slack.received[0].json()["text"]
    assert text.startswith(f"*reviewwatch: {FLOOD_LIMIT + 1} alerts")


def test_a_rejected_message_does_not_hold_up_the_next(
    polled: Polled, server: LoopbackServer
) -> None:
    answers = iter([Response(400, "invalid_payload"), Response(200, "ok")])
    server.route("POST", "/services/T0/B0/picky", lambda request: next(answers))
    config = notify_config(polled.shop, [_slack(server.url("/services/T0/B0/picky"))])
    (result,) = run_notifications(polled.conn, config, polled.report).results
    assert (result.sent, result.failed, result.deferred) == (1, 1, 0)
    assert result.error == f"HTTP 400 from {server.base_url}: invalid_payload"


def test_events_undelivered_for_a_week_are_dropped(polled: Polled, server: LoopbackServer) -> None:
    hook = receiver(server, "/services/T0/B0/late")
    config = notify_config(polled.shop, [_slack(hook.url)])
    run_notifications(polled.conn, config, polled.report, deliver_now=True, now=None)
    assert len(hook.received) == 2
    notifiers = notifiers_from_config(config)
    old = utc_now() - timedelta(days=8)
    enqueue(polled.conn, notifiers, [_failing_event()], now=old)
    report = run_notifications(polled.conn, config, NOTHING_NEW)
    assert report.sent == 0 and len(hook.received) == 2
