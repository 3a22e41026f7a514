"""Notifications: tell people at once about flagged reviews, overdue replies and failing sources.

After a poll, `run_notifications` collects the events (`events`), queues each for every
notifier whose filters accept it (`outbox`: once per notifier, ever), and delivers what is
pending by e-mail, generic webhook, Slack, Discord or Teams (`deliver`).
"""

from __future__ import annotations

from reviewwatch.notify.deliver import (
    DeliveryReport,
    NotifierResult,
    NotifyReport,
    deliver,
    run_notifications,
)
from reviewwatch.notify.events import EVENT_KINDS, Event, collect_events
from reviewwatch.notify.outbox import (
    Notifier,
    OutboxEntry,
    enqueue,
    mark_failed,
    mark_sent,
    notifier_key,
    notifiers_from_config,
    pending,
)
from reviewwatch.notify.webhook import DeliveryError

__all__ = [
    "EVENT_KINDS",
    "DeliveryError",
    "DeliveryReport",
    "Event",
    "Notifier",
    "NotifierResult",
    "NotifyReport",
    "OutboxEntry",
    "collect_events",
    "deliver",
    "enqueue",
    "mark_failed",
    "mark_sent",
    "notifier_key",
    "notifiers_from_config",
    "pending",
    "run_notifications",
]
