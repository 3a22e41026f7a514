"""Reviews as the JSON objects of the contract (section 4)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from reviewwatch.models import PollReport, RecordProblem, Review, SentReply, SourceReport
from reviewwatch.store import to_text

JSON_VERSION = 1


def iso(moment: datetime | None) -> str | None:
    return to_text(moment)


def sent_reply_to_dict(sent: SentReply | None) -> dict[str, str | None] | None:
    """The reply sent through reviewwatch: `how` "posted" (through the platform's API) or
    "marked" (posted by hand); `text` null when marking gave none."""
    if sent is None:
        return None
    return {"text": sent.text or None, "at": iso(sent.at), "by": sent.actor, "how": sent.how}


def review_to_dict(review: Review, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A review object; `extra` adds triage fields (`categories`, `next_steps` ...)."""
    data: dict[str, Any] = {
        "id": review.id,
        "source": review.source,
        "kind": review.kind,
        "platform": review.platform,
        "external_id": review.external_id,
        "rating": review.rating,
        "polarity": review.polarity,
        "title": review.title,
        "body": review.body,
        "author": review.author,
        "created_at": iso(review.created_at),
        "updated_at": iso(review.updated_at),
        "language": review.language,
        "language_hint": review.language_hint,
        "url": review.url,
        "subject": review.subject,
        "order_id": review.order_id,
        "reply": review.reply,
        "flagged": review.flagged,
        "status": review.status,
        "assignee": review.assignee,
        "due_at": iso(review.due_at),
        "first_seen_at": iso(review.first_seen_at),
        "removed_at": iso(review.removed_at),
        # The review's own version: `version` is the contract's, in every document.
        "review_version": review.version,
        "rating_when_flagged": review.flagged_rating,
        "replied_at": iso(review.replied_at),
        "follow_up_at": iso(review.follow_up_at),
        "translation": review.translation,
        "sent_reply": sent_reply_to_dict(review.sent_reply),
    }
    if review.business is not None:  # the source's business, when the config names one
        data["business"] = review.business
    if extra:
        data.update(extra)
    return data


def source_report_to_dict(report: SourceReport) -> dict[str, Any]:
    return {
        "name": report.name,
        "kind": report.kind,
        "ok": report.ok,
        "fetched": report.fetched,
        "new": report.new,
        "updated": report.updated,
        "removed": report.removed,
        "requests": report.requests,
        "baseline": report.baseline,
        "remapped": report.remapped,
        "error": report.error,
        "warnings": list(report.warnings),
    }


def problem_to_dict(problem: RecordProblem) -> dict[str, str]:
    return {"source": problem.source, "position": problem.position, "reason": problem.reason}


def poll_report_to_dict(
    report: PollReport,
    baseline: list[dict[str, Any]],
    triage: Mapping[int, Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """The `poll --json` document; `baseline` is rendered by the caller (it may be large).

    `triage` adds the triage fields of the newly flagged reviews, by review id.
    """
    extra = triage or {}

    def render(reviews: tuple[Review, ...]) -> list[dict[str, Any]]:
        return [review_to_dict(review, extra.get(review.id)) for review in reviews]

    return {
        "version": JSON_VERSION,
        "poll_id": report.poll_id,
        "sources": [source_report_to_dict(source) for source in report.sources],
        "new": render(report.new),
        "updated": render(report.updated),
        "flagged": render(report.flagged),
        "baseline": baseline,
        "errors": [
            {"source": source.name, "position": None, "reason": source.error}
            for source in report.failed
        ]
        + [problem_to_dict(problem) for problem in report.problems],
        "warnings": [
            {"source": source.name, "position": None, "reason": warning}
            for source in report.sources
            for warning in source.warnings
        ],
        "leased_elsewhere": list(report.leased_elsewhere),
    }
