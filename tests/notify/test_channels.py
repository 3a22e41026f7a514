"""Slack, Discord, Teams and the generic webhook, each posting to a real HTTP receiver."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

from reviewwatch.notify import run_notifications
from tests.filesources import review
from tests.loopback import LoopbackServer
from tests.notify.conftest import Polled, notify_config, poll_new, receiver

HOSTILE = (
    "<!channel> <@U024BE7LH> @everyone @here <@&123> &amp; **bold** _it_ ~~gone~~ `code` "
    "[click](https://evil.example) ||spoiler|| # heading \x1b[31mred\x1b]0;title\x07 "
    "https://evil.example/x"
)


def _hostile(tmp_path: Path) -> Polled:
    return poll_new(tmp_path, [review("h", 1, title="> quote", text=HOSTILE, lang="en")])


def _notify(polled: Polled, table: dict[str, Any]) -> Any:
    config = notify_config(polled.shop, [table])
    return run_notifications(polled.conn, config, polled.report)


def test_slack_escapes_mentions_and_links(tmp_path: Path, server: LoopbackServer) -> None:
    polled = _hostile(tmp_path)
    hook = receiver(server, "/services/T0/B0/slack-token")
    result = _notify(polled, {"kind": "slack", "webhook_url": hook.url})
    assert result.sent == 1 and not result.failed
    (request,) = hook.received
    assert request.header("Content-Type") == "application/json; charset=utf-8"
    text = request.json()["text"]
    assert text.startswith("*New flagged review* · New 1★ review on shop: &gt; quote")
    assert "&lt;!channel&gt; &lt;@U024BE7LH&gt;" in text
    assert "&amp;amp;" in text
    assert "<!" not in text and "<@" not in text and "\x1b" not in text
    assert "`reviewwatch show " in text


def test_discord_escapes_markdown_and_never_pings(tmp_path: Path, server: LoopbackServer) -> None:
    polled = _hostile(tmp_path)
    hook = receiver(server, "/api/webhooks/1/discord-token")
    _notify(polled, {"kind": "discord", "webhook_url": hook.url})
    (request,) = hook.received
    body = request.json()
    assert body["allowed_mentions"] == {"parse": []}
    content = body["content"]
    for escaped in (r"\@everyone", r"\<\@U024BE7LH\>", r"\*\*bold\*\*", r"\[click\]", r"\|\|"):
        assert escaped in content
    for raw in ("@everyone", "<@", "**bold**", "[click]", "||spoiler"):
        assert raw not in _unescaped(content)
    assert "https\\://evil.example" in content
    assert len(content) <= 2000


def _unescaped(content: str) -> str:
    """The text with every escaped character removed: what markdown could still act on."""
    result, skip = [], False
    for char in content:
        if skip:
            skip = False
        elif char == "\\":
            skip = True
        else:
            result.append(char)
    return "".join(result)


def test_discord_content_stays_within_2000_characters(
    tmp_path: Path, server: LoopbackServer
) -> None:
    polled = poll_new(tmp_path, [review("long", 1, text="*" * 6000, title="_" * 500)])
    hook = receiver(server, "/api/webhooks/1/discord-token")
    _notify(polled, {"kind": "discord", "webhook_url": hook.url})
    content = hook.received[0].json()["content"]
    assert len(content) <= 2000
    assert content.startswith("**New flagged review**")


def test_teams_puts_outside_text_only_in_plain_text_runs(
    tmp_path: Path, server: LoopbackServer
) -> None:
    polled = _hostile(tmp_path)
    hook = receiver(server, "/workflows/teams-token", None)
    _notify(polled, {"kind": "teams", "webhook_url": hook.url})
    (request,) = hook.received
    message = request.json()
    assert message["type"] == "message"
    (attachment,) = message["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard"
    blocks = card["body"]
    assert [b["text"] for b in blocks if b["type"] == "TextBlock"] == ["New flagged review"]
    runs = [run["text"] for b in blocks if b["type"] == "RichTextBlock" for run in b["inlines"]]
    assert any("<!channel>" in run for run in runs)
    assert all("\x1b" not in run for run in runs)


def test_teams_legacy_throttling_answer_is_a_failure(
    tmp_path: Path, server: LoopbackServer
) -> None:
    polled = _hostile(tmp_path)
    hook = receiver(server, "/webhookb2/teams-token")
    hook.answer.body = "Microsoft Teams endpoint returned HTTP error 429 with ContextId x"
    result = _notify(polled, {"kind": "teams", "webhook_url": hook.url})
    (failed,) = result.failed
    assert failed.error.startswith(f"{server.base_url} refused the message")
    assert "teams-token" not in failed.error


def test_webhook_posts_the_review_object_signed(polled: Polled, server: LoopbackServer) -> None:
    hook = receiver(server, "/hooks/reviews")
    table = {"kind": "webhook", "url": hook.url, "secret": "${HOOK_SECRET}"}
    config = notify_config(polled.shop, [table], env={"HOOK_SECRET": "s3cr3t"})
    result = run_notifications(polled.conn, config, polled.report)
    assert result.sent == 2
    first, second = hook.received
    expected = hmac.new(b"s3cr3t", first.body, hashlib.sha256).hexdigest()
    assert first.header("X-Reviewwatch-Signature") == expected
    body = json.loads(first.body)
    assert body["version"] == 1 and body["event"] == "flagged"
    assert body["review"]["external_id"] == "lv-1" and body["review"]["rating"] == 1
    assert body["review"]["title"] == "Ļoti slikti"
    assert body["key"] == f"flagged:{body['review']['id']}:1"
    assert json.loads(second.body)["review"]["body"] == "用了一周就坏了。"
    assert "s3cr3t" not in first.body.decode()


def test_webhook_without_secret_sends_no_signature(polled: Polled, server: LoopbackServer) -> None:
    hook = receiver(server, "/hooks/reviews")
    _notify(polled, {"kind": "webhook", "url": hook.url})
    assert all(r.header("X-Reviewwatch-Signature") is None for r in hook.received)


def test_a_digest_is_one_message_for_every_pending_event(
    polled: Polled, server: LoopbackServer
) -> None:
    hook = receiver(server, "/hooks/digest")
    slack = receiver(server, "/services/T0/B0/digest")
    config = notify_config(
        polled.shop,
        [
            {"kind": "webhook", "url": hook.url, "digest": True},
            {"kind": "slack", "webhook_url": slack.url, "digest": True},
        ],
    )
    result = run_notifications(polled.conn, config, polled.report)
    assert [(r.sent, r.messages) for r in result.results] == [(2, 1), (2, 1)]
    (request,) = hook.received
    body = request.json()
    assert body["version"] == 1 and "event" not in body
    assert [event["event"] for event in body["events"]] == ["flagged", "flagged"]
    assert [event["review"]["external_id"] for event in body["events"]] == ["lv-1", "zh-1"]
    text = slack.received[0].json()["text"]
    assert text.splitlines() == [
        "*reviewwatch: 2 alerts (2 new flagged reviews)*",
        "• New 1★ review on shop: Ļoti slikti",
        "• New 2★ review on shop: 质量很差",
    ]
