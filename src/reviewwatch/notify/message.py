"""The parts of an alert every channel shows, read from a stored outbox payload.

Everything here is cleaned of control characters and cut to length, but not escaped: each
channel escapes for its own markup.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reviewwatch.notify.text import clean_text, local_time, one_line, stars_label, truncate

EVENT_TITLES = {
    "flagged": "New flagged review",
    "overdue": "Reply overdue",
    "rating_changed": "Rating changed",
    "source_failing": "Source problem",
}
_SAFE_URL = re.compile(r"https?://[^\s<>|\"'`\\]+")


@dataclass(frozen=True, slots=True)
class Alert:
    """One event as a person reads it."""

    event: str
    title: str
    summary: str
    source: str
    review_id: int | None = None
    stars: str | None = None
    author: str | None = None
    created_at: str | None = None
    due_at: str | None = None
    status: str | None = None
    text: str = ""
    url: str | None = None
    translation: str = ""  # a machine translation of the text, with [ai] translate_alerts
    translation_label: str = ""

    def translation_line(self, width: int) -> str:
        """`Machine translation (en, by llama3.2): ...` on one line, cut to `width`."""
        return one_line(f"{self.translation_label}: {self.translation}", width)

    @property
    def command(self) -> str | None:
        """The command that opens the review in reviewwatch."""
        return f"reviewwatch show {self.review_id}" if self.review_id is not None else None

    def excerpt(self, width: int) -> str:
        """The review text on one line, cut to `width`."""
        return one_line(self.text, width)


def alert_from_payload(payload: Mapping[str, Any], *, text_limit: int = 2000) -> Alert:
    """The alert of a stored payload; review text is cleaned and cut to `text_limit`."""
    event = str(payload.get("event") or "")
    review = payload.get("review")
    summary = one_line(str(payload.get("summary") or ""), 300)
    source = one_line(str(payload.get("source") or ""), 100)
    title = EVENT_TITLES.get(event, "Alert")
    if not isinstance(review, Mapping):
        return Alert(event=event, title=title, summary=summary, source=source)
    parts = [clean_text(review.get("title")), clean_text(review.get("body"))]
    text = "\n\n".join(part.strip() for part in parts if part and part.strip())
    url = review.get("url")
    zone = payload.get("timezone")
    zone = zone if isinstance(zone, str) else "UTC"  # entries queued before it was stored
    translation, label = _translation(payload.get("machine_translation"), text_limit)
    return Alert(
        event=event,
        title=title,
        summary=summary,
        source=source,
        review_id=review.get("id") if isinstance(review.get("id"), int) else None,
        stars=stars_label(review.get("rating"), review.get("polarity")),
        author=one_line(review.get("author"), 80) or None,
        created_at=_when(review.get("created_at"), zone),
        due_at=_when(review.get("due_at"), zone),
        status=one_line(review.get("status"), 30) or None,
        text=truncate(text, text_limit),
        url=url if isinstance(url, str) and _SAFE_URL.fullmatch(url) else None,
        translation=translation,
        translation_label=label,
    )


def _translation(value: Any, limit: int) -> tuple[str, str]:
    """(text, label) of a stored machine translation; empty when there is none."""
    if not isinstance(value, Mapping) or not isinstance(value.get("text"), str):
        return "", ""
    language = one_line(str(value.get("language") or "?"), 20)
    model = one_line(str(value.get("model") or "a model"), 80)
    label = f"Machine translation ({language}, by {model}, may be inexact)"
    return truncate(clean_text(value["text"]).strip(), limit), label


def digest_title(alerts: Sequence[Alert]) -> str:
    """`reviewwatch: 5 alerts (3 new flagged reviews, 2 replies overdue)`."""
    counts = Counter(alert.event for alert in alerts)
    words = {
        "flagged": ("new flagged review", "new flagged reviews"),
        "overdue": ("reply overdue", "replies overdue"),
        "rating_changed": ("rating changed", "ratings changed"),
        "source_failing": ("source problem", "source problems"),
    }
    parts = [
        f"{count} {words.get(event, ('alert', 'alerts'))[count != 1]}"
        for event, count in counts.items()
    ]
    noun = "alert" if len(alerts) == 1 else "alerts"
    return f"reviewwatch: {len(alerts)} {noun} ({', '.join(parts)})"


def details_line(alert: Alert) -> str:
    """`Review #42 on shop, 1★, by Jane D., written 2026-11-20 09:15 CET`."""
    parts = [f"Review #{alert.review_id} on {alert.source}"]
    if alert.stars:
        parts.append(alert.stars)
    if alert.author:
        parts.append(f"by {alert.author}")
    if alert.created_at:
        parts.append(f"written {alert.created_at}")
    return ", ".join(parts)


def _when(value: Any, zone: str) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return local_time(moment, zone)
