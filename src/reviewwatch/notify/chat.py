"""Chat incoming webhooks: Slack, Discord and Microsoft Teams.

Review text is written by strangers, so in every channel it can neither mention anyone
(`<!channel>`, `@everyone`), nor link, nor format: Slack gets its three mrkdwn entities escaped,
Discord gets every markdown character backslash-escaped and no mention is allowed to ping, and
Teams gets it only inside Adaptive Card `TextRun`s, which are plain text by definition.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import httpx

from reviewwatch.notify.message import Alert, alert_from_payload, details_line, digest_title
from reviewwatch.notify.text import redact_destination
from reviewwatch.notify.webhook import DeliveryError, encode_json, post_json
from reviewwatch.sources.http import snippet

if TYPE_CHECKING:
    from reviewwatch.notify.outbox import Notifier

DISCORD_LIMIT = 2000
SLACK_LIMIT = 3500  # Slack shows at most about 4,000 characters before "show more"
DIGEST_LINES = 40
_DISCORD_SPECIAL = re.compile(r"([\\*_~`|<>#\-\[\]()@:!])")


def slack_escape(text: str) -> str:
    """Slack mrkdwn: &, < and > as entities, so no text can become a mention or a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def discord_escape(text: str) -> str:
    """Discord markdown: every character that formats, links, quotes or mentions escaped."""
    return _DISCORD_SPECIAL.sub(r"\\\1", text)


def slack_payload(payloads: Sequence[Mapping[str, Any]], *, digest: bool) -> dict[str, Any]:
    """The incoming-webhook JSON for one alert or a digest."""
    alerts = [alert_from_payload(payload) for payload in payloads]
    if digest or len(alerts) != 1:
        text = _digest_text(alerts, slack_escape, bold="*", limit=SLACK_LIMIT)
    else:
        text = _fit(lambda width: _slack_single(alerts[0], width), SLACK_LIMIT)
    return {"text": text, "unfurl_links": False, "unfurl_media": False}


def discord_payload(payloads: Sequence[Mapping[str, Any]], *, digest: bool) -> dict[str, Any]:
    """The webhook JSON for Discord: at most 2,000 characters, no mention can ping."""
    alerts = [alert_from_payload(payload) for payload in payloads]
    if digest or len(alerts) != 1:
        content = _digest_text(alerts, discord_escape, bold="**", limit=DISCORD_LIMIT)
    else:
        content = _fit(lambda width: _discord_single(alerts[0], width), DISCORD_LIMIT)
    return {"content": content, "allowed_mentions": {"parse": []}}


def teams_payload(payloads: Sequence[Mapping[str, Any]], *, digest: bool) -> dict[str, Any]:
    """An Adaptive Card message, accepted by Teams incoming webhooks and Workflows alike."""
    alerts = [alert_from_payload(payload) for payload in payloads]
    if digest or len(alerts) != 1:
        body = [_heading(digest_title(alerts))]
        body += [_plain(alert.summary) for alert in alerts[:DIGEST_LINES]]
        if len(alerts) > DIGEST_LINES:
            body.append(_plain(f"… and {len(alerts) - DIGEST_LINES} more"))
        actions: list[dict[str, Any]] = []
    else:
        body, actions = _teams_single(alerts[0])
    card: dict[str, Any] = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
    }
    if actions:
        card["actions"] = actions
    attachment = {
        "contentType": "application/vnd.microsoft.card.adaptive",
        "contentUrl": None,
        "content": card,
    }
    return {"type": "message", "attachments": [attachment]}


async def send_slack(
    notifier: Notifier,
    payloads: Sequence[Mapping[str, Any]],
    *,
    client: httpx.AsyncClient,
    digest: bool,
) -> None:
    """Post to a Slack incoming webhook."""
    body = encode_json(slack_payload(payloads, digest=digest))
    await post_json(client, notifier.secret("webhook_url"), body)


async def send_discord(
    notifier: Notifier,
    payloads: Sequence[Mapping[str, Any]],
    *,
    client: httpx.AsyncClient,
    digest: bool,
) -> None:
    """Post to a Discord webhook."""
    body = encode_json(discord_payload(payloads, digest=digest))
    await post_json(client, notifier.secret("webhook_url"), body)


async def send_teams(
    notifier: Notifier,
    payloads: Sequence[Mapping[str, Any]],
    *,
    client: httpx.AsyncClient,
    digest: bool,
) -> None:
    """Post to a Teams incoming webhook or Workflows URL."""
    url = notifier.secret("webhook_url")
    response = await post_json(client, url, encode_json(teams_payload(payloads, digest=digest)))
    # Old Office 365 connectors answer 200 even when they throttle, and say so in the body.
    if "HTTP error" in response.text:
        where = redact_destination(url)
        raise DeliveryError(f"{where} refused the message: {snippet(response)}")


def _slack_single(alert: Alert, width: int) -> str:
    lines = [f"*{alert.title}* · {slack_escape(alert.summary)}"]
    if alert.review_id is not None:
        if alert.text:
            lines.append("> " + slack_escape(alert.excerpt(width)))
        if alert.translation:
            lines.append("> " + slack_escape(alert.translation_line(width)))
        lines.append(slack_escape(details_line(alert)))
        links = [f"<{slack_escape(alert.url)}|Open on the platform>"] if alert.url else []
        links.append(f"`{alert.command}`")
        lines.append(" · ".join(links))
    return "\n".join(lines)


def _discord_single(alert: Alert, width: int) -> str:
    lines = [f"**{alert.title}** · {discord_escape(alert.summary)}"]
    if alert.review_id is not None:
        if alert.text:
            lines.append("> " + discord_escape(alert.excerpt(width)))
        if alert.translation:
            lines.append("> " + discord_escape(alert.translation_line(width)))
        lines.append(discord_escape(details_line(alert)))
        if alert.url:
            lines.append(f"<{alert.url}>")  # angle brackets: a link without an embed
        lines.append(f"`{alert.command}`")
    return "\n".join(lines)


def _teams_single(alert: Alert) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    body = [_heading(alert.title), _plain(alert.summary)]
    if alert.review_id is not None:
        if alert.text:
            body.append(_plain(alert.excerpt(600), italic=True))
        if alert.translation:
            body.append(_plain(alert.translation_line(600), italic=True))
        body.append(_plain(details_line(alert), subtle=True))
        body.append(_plain(f"{alert.command}", subtle=True))
    actions = []
    if alert.url:
        actions.append(
            {"type": "Action.OpenUrl", "title": "Open on the platform", "url": alert.url}
        )
    return body, actions


def _heading(text: str) -> dict[str, Any]:
    """A TextBlock (which Teams reads as markdown): only for our own fixed words."""
    return {"type": "TextBlock", "text": text, "weight": "Bolder", "size": "Medium", "wrap": True}


def _plain(text: str, *, italic: bool = False, subtle: bool = False) -> dict[str, Any]:
    """Outside text as a TextRun: never read as markdown, so it needs no escaping."""
    run: dict[str, Any] = {"type": "TextRun", "text": text}
    if italic:
        run["italic"] = True
    if subtle:
        run["isSubtle"] = True
    return {"type": "RichTextBlock", "inlines": [run]}


def _digest_text(
    alerts: Sequence[Alert], escape: Callable[[str], str], *, bold: str, limit: int
) -> str:
    """A heading and one line per alert, as many as fit in `limit` characters."""
    lines = [f"{bold}{escape(digest_title(alerts))}{bold}"]
    used = len(lines[0])
    for index, alert in enumerate(alerts):
        line = "• " + escape(alert.summary)
        rest = len(alerts) - index
        # Keep room for the "and N more" line that replaces whatever does not fit.
        if index >= DIGEST_LINES or used + len(line) + 40 > limit:
            lines.append(escape(f"… and {rest} more"))
            break
        lines.append(line)
        used += len(line) + 1
    return "\n".join(lines)


def _fit(build: Callable[[int], str], limit: int) -> str:
    """A message within `limit` characters, shortening the review excerpt until it fits."""
    width = 600
    text = build(width)
    while len(text) > limit and width > 40:
        width //= 2
        text = build(width)
    if len(text) > limit:
        text = text[: limit - 1].rstrip("\\") + "…"
    return text
