"""`status`, `assign` and `note`: running reviews as a team process."""

from __future__ import annotations

import getpass
import os
from contextlib import closing
from datetime import datetime, timedelta
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from reviewwatch.cli.context import (
    ConfigOption,
    DbOption,
    ReviewIdArgument,
    reports_errors,
    state_of,
)
from reviewwatch.cli.render import make_console, safe
from reviewwatch.errors import UserError
from reviewwatch.models import STATUSES

ActorOption = Annotated[
    str | None,
    typer.Option(
        "--by",
        help="Who is doing this (default: $REVIEWWATCH_USER or your login).",
        show_default=False,
    ),
]


def register(app: typer.Typer) -> None:
    app.command("status")(status)
    app.command("assign")(assign)
    app.command("note")(note)


def actor(by: str | None) -> str:
    if by:
        return by
    try:
        return os.environ.get("REVIEWWATCH_USER") or getpass.getuser()
    except (KeyError, OSError):  # no login name (a container, a service account)
        return "unknown"


def parse_future(text: str) -> datetime:
    """`7d`, `48h`, `2w` from now, or a date / ISO time."""
    import re

    from reviewwatch.models import utc_now
    from reviewwatch.sources.normalise import RecordError, parse_time

    match = re.fullmatch(r"\s*(\d+)\s*([hdw])\s*", text)
    if match:
        hours = int(match.group(1)) * {"h": 1, "d": 24, "w": 168}[match.group(2)]
        return utc_now() + timedelta(hours=hours)
    try:
        moment = parse_time(text)
    except RecordError:
        moment = None
    if moment is None:
        raise UserError(f"cannot read the time {text!r}: use 7d, 48h, 2w or 2026-12-01")
    return moment


@reports_errors
def status(
    ctx: typer.Context,
    review_id: ReviewIdArgument,
    new_status: Annotated[str, typer.Argument(metavar="STATUS", help=" | ".join(STATUSES))],
    note_text: Annotated[
        str | None, typer.Option("--note", help="Why, for the team.", show_default=False)
    ] = None,
    follow_up: Annotated[
        str | None,
        typer.Option(
            "--follow-up", help="Check back in 7d / 48h, or on a date.", show_default=False
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Allow a move backwards (resolved -> new, for example)."),
    ] = False,
    by: ActorOption = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Set a review's status (new, in_progress, replied, resolved, escalated, ignored)."""
    from reviewwatch.workflow import set_status

    state = state_of(ctx).override(config, db)
    when = parse_future(follow_up) if follow_up else None
    with closing(state.connect()) as conn:
        set_status(
            conn,
            review_id,
            new_status,
            actor=actor(by),
            note=note_text,
            follow_up_at=when,
            force=force,
        )
    message = f"#{review_id} is now {new_status}"
    if when is not None:
        zone = ZoneInfo(state.settings_config().settings.timezone)
        message += f"; follow up on {when.astimezone(zone):%Y-%m-%d}"
    make_console().print(safe(message))


@reports_errors
def assign(
    ctx: typer.Context,
    review_id: ReviewIdArgument,
    name: Annotated[str, typer.Argument(metavar="NAME", help="Who owns it ('' to unassign).")],
    by: ActorOption = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Give a review an owner."""
    from reviewwatch.workflow import assign as assign_review

    state = state_of(ctx).override(config, db)
    with closing(state.connect()) as conn:
        assign_review(conn, review_id, name, actor=actor(by))
    owner = name.strip()
    make_console().print(
        safe(f"#{review_id} assigned to {owner}" if owner else f"#{review_id} unassigned")
    )


@reports_errors
def note(
    ctx: typer.Context,
    review_id: ReviewIdArgument,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The note.")],
    by: ActorOption = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Add a note to a review (kept with who wrote it and when)."""
    from reviewwatch.workflow import add_note

    state = state_of(ctx).override(config, db)
    with closing(state.connect()) as conn:
        add_note(conn, review_id, text, actor=actor(by))
    make_console().print(safe(f"note added to #{review_id}"))
