"""Sending what the outbox holds, and the one call a poll makes: `run_notifications`.

Every notifier works through its own pending entries, all notifiers at once; one that fails
never delays or blocks the others. An entry is marked sent the moment its message is accepted,
so it is never sent again; a failed one stays pending and is tried again on the next run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

import httpx

from reviewwatch.config import Config
from reviewwatch.models import PollReport, utc_now
from reviewwatch.notify import chat, email, webhook
from reviewwatch.notify.events import Event, collect_events
from reviewwatch.notify.outbox import (
    Notifier,
    OutboxEntry,
    claim_pending,
    enqueue,
    mark_failed,
    mark_sent,
    notifiers_from_config,
    release_claims,
)
from reviewwatch.notify.text import scrub
from reviewwatch.notify.webhook import DeliveryError
from reviewwatch.sources.http import new_client
from reviewwatch.store.connection import Connection

Sender = Callable[..., Awaitable[None]]
SENDERS: Mapping[str, Sender] = {
    "email": email.send_email,
    "webhook": webhook.send_webhook,
    "slack": chat.send_slack,
    "discord": chat.send_discord,
    "teams": chat.send_teams,
}
# An event nobody could deliver for a week is stale news; it stays in the outbox, unsent.
MAX_PENDING_AGE = timedelta(days=7)
# More alerts than this for a person at once (say, after a long outage) arrive as one digest
# rather than a flood of messages. Generic webhooks feed programs and always get one per event.
FLOOD_LIMIT = 20
# The most one message may take, from connecting to the last byte of the answer, and the most
# one notifier may take in a run: a slow endpoint costs its own alerts a delay, nothing more.
NOTIFY_TIMEOUT = 15.0
NOTIFIER_DEADLINE = 60.0


@dataclass(frozen=True, slots=True)
class NotifierResult:
    """What one notifier did: entries sent, failed, and left for the next run untried."""

    key: str
    kind: str
    label: str
    sent: int = 0
    failed: int = 0
    deferred: int = 0
    messages: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return not (self.failed or self.deferred)


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    """What a delivery run did, notifier by notifier."""

    results: tuple[NotifierResult, ...] = ()

    @property
    def sent(self) -> int:
        return sum(result.sent for result in self.results)

    @property
    def failed(self) -> tuple[NotifierResult, ...]:
        return tuple(result for result in self.results if not result.ok)


@dataclass(frozen=True, slots=True)
class NotifyReport:
    """What notifying after a poll did.

    `events` were found; `enqueued` of them were new to some notifier's outbox; `delivered` is
    False when delivery was skipped (`poll --no-notify`), and then nothing was enqueued.
    """

    events: int = 0
    enqueued: int = 0
    delivered: bool = True
    results: tuple[NotifierResult, ...] = ()

    @property
    def sent(self) -> int:
        return sum(result.sent for result in self.results)

    @property
    def failed(self) -> tuple[NotifierResult, ...]:
        return tuple(result for result in self.results if not result.ok)


async def deliver(
    conn: Connection,
    notifiers: Sequence[Notifier],
    *,
    client: httpx.AsyncClient,
    now: datetime | None = None,
) -> DeliveryReport:
    """Send every notifier's pending entries: one message per event, or one per run for a
    digest notifier. HTTP 429, 5xx, timeouts and refused connections are failures: the entries
    stay pending for the next run.
    """
    moment = now or utc_now()
    results = await asyncio.gather(
        *(_deliver_one(conn, notifier, client=client, now=moment) for notifier in notifiers)
    )
    return DeliveryReport(results=tuple(results))


async def _deliver_one(
    conn: Connection, notifier: Notifier, *, client: httpx.AsyncClient, now: datetime
) -> NotifierResult:
    entries = claim_pending(conn, notifier.key, since=now - MAX_PENDING_AGE, now=now)
    batches = _batches(notifier, entries)
    sent = failed = messages = done = 0
    error: str | None = None
    try:
        async with asyncio.timeout(NOTIFIER_DEADLINE):
            for index, batch in enumerate(batches):
                ids = [entry.id for entry in batch]
                problem = await _send(notifier, batch, client=client)
                done = index + 1
                if problem is None:
                    mark_sent(conn, ids, now=now)
                    sent += len(batch)
                    messages += 1
                    continue
                reason, per_message = problem
                error = reason
                mark_failed(conn, ids, reason)
                failed += len(batch)
                if not per_message:
                    # The endpoint is down or throttling: the rest wait for the next run untried.
                    rest = [entry.id for later in batches[index + 1 :] for entry in later]
                    release_claims(conn, rest)
                    deferred = len(rest)
                    return _result(notifier, sent, failed, deferred, messages, error)
    except TimeoutError:
        # What was not sent stays pending for the next run.
        error = f"stopped after {NOTIFIER_DEADLINE:g} s; the rest waits for the next poll"
        untried = [entry.id for later in batches[done:] for entry in later]
        release_claims(conn, untried)
        deferred = len(untried)
        return _result(notifier, sent, failed, deferred, messages, error)
    return _result(notifier, sent, failed, 0, messages, error)


async def _send(
    notifier: Notifier, batch: Sequence[OutboxEntry], *, client: httpx.AsyncClient
) -> tuple[str, bool] | None:
    """None when the message was accepted, else (a scrubbed reason, whether it is per-message)."""
    sender = SENDERS.get(notifier.kind)
    if sender is None:
        return f"unknown notifier kind {notifier.kind!r}", False
    payloads: list[dict[str, Any]] = [entry.payload for entry in batch]
    digest = notifier.digest or len(batch) > 1
    try:
        async with asyncio.timeout(NOTIFY_TIMEOUT):
            await sender(notifier, payloads, client=client, digest=digest)
    except TimeoutError:
        return f"timed out after {NOTIFY_TIMEOUT:g} s; will retry on the next poll", False
    except DeliveryError as failure:
        return scrub(str(failure), notifier.secrets()), failure.per_message
    except Exception as failure:
        # A bug in one sender must not stop the other notifiers; the type is all that is
        # certain to hold no credential.
        return f"unexpected error ({type(failure).__name__})", False
    return None


def _batches(notifier: Notifier, entries: Sequence[OutboxEntry]) -> list[list[OutboxEntry]]:
    if not entries:
        return []
    bundle = notifier.digest or (notifier.kind != "webhook" and len(entries) > FLOOD_LIMIT)
    return [list(entries)] if bundle else [[entry] for entry in entries]


def _result(
    notifier: Notifier, sent: int, failed: int, deferred: int, messages: int, error: str | None
) -> NotifierResult:
    return NotifierResult(
        key=notifier.key,
        kind=notifier.kind,
        label=notifier.label,
        sent=sent,
        failed=failed,
        deferred=deferred,
        messages=messages,
        error=error,
    )


def run_notifications(
    conn: Connection,
    config: Config,
    report: PollReport,
    *,
    now: datetime | None = None,
    deliver_now: bool = True,
    translations: Mapping[int, Mapping[str, str]] | None = None,
) -> NotifyReport:
    """Collect the poll's events, queue them for each notifier, and deliver what is pending.

    With `deliver_now=False` (`poll --no-notify`) nothing is queued and nothing is sent: the
    user asked this poll not to notify, and queueing would only postpone the flood to the next
    poll. The events are still counted. Earlier undelivered entries stay pending, and overdue
    replies and silent sources, read from the database, are found again by the next poll.
    Without `[[notify]]` tables this does nothing. Call it outside any running event loop.
    `translations` (review id -> machine translation) add a line to those reviews' alerts.
    """
    if not config.notify:
        return NotifyReport()
    notifiers = notifiers_from_config(config)
    moment = now or utc_now()
    events = collect_events(conn, report, config=config, now=moment)
    if translations:
        events = [_translated(event, translations) for event in events]
    if not deliver_now:
        return NotifyReport(events=len(events), delivered=False)
    enqueued = enqueue(conn, notifiers, events, now=moment)
    delivery = asyncio.run(_deliver_with_client(conn, notifiers, moment))
    return NotifyReport(events=len(events), enqueued=enqueued, results=delivery.results)


async def _deliver_with_client(
    conn: Connection, notifiers: Sequence[Notifier], now: datetime
) -> DeliveryReport:
    async with new_client(timeout=NOTIFY_TIMEOUT) as client:
        return await deliver(conn, notifiers, client=client, now=now)


def _translated(event: Event, translations: Mapping[int, Mapping[str, str]]) -> Event:
    if event.kind != "flagged" or event.review is None:
        return event
    translation = translations.get(event.review.id)
    return replace(event, translation=translation) if translation else event
