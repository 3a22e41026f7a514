"""The filter options that `list` and `export` share."""

from __future__ import annotations

from typing import Annotated

import typer

from reviewwatch.cli.context import parse_when
from reviewwatch.errors import UserError
from reviewwatch.models import STATUSES, utc_now
from reviewwatch.store import ReviewFilter

SourceFilter = Annotated[
    list[str] | None,
    typer.Option("--source", help="Only this source (repeatable).", show_default=False),
]
BusinessFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--business", help="Only this business's sources (repeatable).", show_default=False
    ),
]
FlaggedFilter = Annotated[bool, typer.Option("--flagged", help="Only flagged reviews.")]
StatusFilter = Annotated[
    str | None,
    typer.Option("--status", help=f"Only this status: {', '.join(STATUSES)}.", show_default=False),
]
MaxStarsFilter = Annotated[
    int | None,
    typer.Option(
        "--max-stars", min=1, max=5, help="Only ratings at or below N.", show_default=False
    ),
]
MinStarsFilter = Annotated[
    int | None,
    typer.Option(
        "--min-stars", min=1, max=5, help="Only ratings at or above N.", show_default=False
    ),
]
SinceFilter = Annotated[
    str | None,
    typer.Option(
        "--since",
        help="Only reviews written since WHEN: 7d, 24h or 2026-11-01.",
        show_default=False,
    ),
]
LangFilter = Annotated[
    str | None,
    typer.Option(
        "--lang", help="Only reviews in this language (en, es, zh ...).", show_default=False
    ),
]


def build_filter(
    *,
    source: list[str] | None,
    flagged: bool,
    business: list[str] | None = None,
    status: str | None,
    max_stars: int | None,
    min_stars: int | None,
    since: str | None,
    lang: str | None,
    limit: int | None,
    overdue: bool = False,
    assignee: str | None = None,
    due_follow_up: bool = False,
) -> ReviewFilter:
    if status is not None and status not in STATUSES:
        raise UserError(f"unknown status {status!r} (one of {', '.join(STATUSES)})")
    return ReviewFilter(
        sources=tuple(source or ()),
        businesses=tuple(business or ()),
        flagged=flagged,
        status=status,
        max_stars=max_stars,
        min_stars=min_stars,
        since=parse_when(since),
        language=lang,
        limit=limit,
        overdue_at=utc_now() if overdue else None,
        assignee=assignee,
        follow_up_due_at=utc_now() if due_follow_up else None,
    )


OverdueFilter = Annotated[
    bool, typer.Option("--overdue", help="Only flagged reviews past their reply deadline.")
]
AssigneeFilter = Annotated[
    str | None, typer.Option("--assignee", help="Only reviews owned by NAME.", show_default=False)
]
FollowUpFilter = Annotated[
    bool, typer.Option("--due-follow-up", help="Only reviews whose follow-up date has come.")
]
