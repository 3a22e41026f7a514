"""`list` and `show`: reading what is stored."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import typer
from rich.table import Table
from rich.text import Text

from reviewwatch.cli.context import (
    AppState,
    ConfigOption,
    DbOption,
    JsonOption,
    reports_errors,
    state_of,
    triage_cache,
)
from reviewwatch.cli.filters import (
    FlaggedFilter,
    LangFilter,
    MaxStarsFilter,
    MinStarsFilter,
    SinceFilter,
    SourceFilter,
    StatusFilter,
    build_filter,
)
from reviewwatch.cli.render import (
    key_values,
    local_time,
    make_console,
    print_json,
    review_table,
    safe,
    stars,
)
from reviewwatch.cli.triage_view import print_triage
from reviewwatch.models import Review, ReviewVersion


def register(app: typer.Typer) -> None:
    app.command("list")(list_reviews)
    app.command("show")(show)


@reports_errors
def list_reviews(
    ctx: typer.Context,
    source: SourceFilter = None,
    flagged: FlaggedFilter = False,
    status: StatusFilter = None,
    max_stars: MaxStarsFilter = None,
    min_stars: MinStarsFilter = None,
    since: SinceFilter = None,
    lang: LangFilter = None,
    limit: int = typer.Option(50, "--limit", min=1, help="At most N reviews."),
    json_output: JsonOption = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """List stored reviews, newest first."""
    from reviewwatch.serialize import JSON_VERSION, review_to_dict
    from reviewwatch.store import iter_reviews

    state = state_of(ctx).override(config, db)
    where = build_filter(
        source=source,
        flagged=flagged,
        status=status,
        max_stars=max_stars,
        min_stars=min_stars,
        since=since,
        lang=lang,
        limit=limit,
    )
    conn = state.connect()
    try:
        reviews = list(iter_reviews(conn, where))
        if json_output:
            cache = triage_cache(state, conn)
            documents = [review_to_dict(r, cache.fields(r)) for r in reviews]
            print_json({"version": JSON_VERSION, "reviews": documents})
            return
    finally:
        conn.close()
    console = make_console()
    if not reviews and console.is_terminal:
        console.print(Text("No reviews match.", style="dim"))
        return
    review_table(console, reviews, zone=_zone(state))


@reports_errors
def show(
    ctx: typer.Context,
    review_id: int = typer.Argument(..., metavar="ID", help="The review's id (from `list`)."),
    json_output: JsonOption = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """One review: its text, every version of it, and its workflow state."""
    from reviewwatch.serialize import JSON_VERSION, iso, review_to_dict
    from reviewwatch.store import get_review, review_versions

    state = state_of(ctx).override(config, db)
    conn = state.connect()
    try:
        review = get_review(conn, review_id)
        versions = review_versions(conn, review_id)
        triage = triage_cache(state, conn).fields(review)
        review = get_review(conn, review_id)  # triage may have set the detected language
    finally:
        conn.close()
    if json_output:
        document = review_to_dict(review, triage)
        document["versions"] = [
            {
                "version": v.version,
                "seen_at": iso(v.seen_at),
                "change": v.change,
                "rating": v.rating,
                "polarity": v.polarity,
                "title": v.title,
                "body": v.body,
                "reply": v.reply,
                "updated_at": iso(v.updated_at),
            }
            for v in versions
        ]
        print_json({"version": JSON_VERSION, "review": document})
        return
    print_review(review, versions, zone=_zone(state), triage=triage)


def _zone(state: AppState) -> str:
    return state.config().settings.timezone


def print_review(
    review: Review,
    versions: list[ReviewVersion],
    *,
    zone: str,
    triage: Mapping[str, Any] | None = None,
) -> None:
    console = make_console()
    rating = Text(stars(review.rating, review.polarity), style="red" if review.flagged else "")
    pairs: list[tuple[str, str | Text]] = [
        ("Review", f"#{review.id} on {review.source} ({review.platform}), id {review.external_id}"),
        ("Rating", rating),
        ("Author", review.author or "-"),
        ("Written", local_time(review.created_at, zone)),
        ("First seen", local_time(review.first_seen_at, zone)),
        ("Status", review.status + (f", assigned to {review.assignee}" if review.assignee else "")),
    ]
    if review.due_at:
        pairs.append(("Reply due", local_time(review.due_at, zone)))
    for label, value in (
        ("Subject", review.subject),
        ("Order", review.order_id),
        ("Language", review.language),
        ("Link", review.url),
    ):
        if value:
            pairs.append((label, value))
    if review.removed_at:
        pairs.append(("Removed", local_time(review.removed_at, zone)))
    key_values(console, pairs)
    console.print()
    if review.title:
        console.print(safe(review.title, "bold"))
    console.print(safe(review.body or "(no text)"))
    if review.reply:
        console.print()
        console.print(Text("Public reply:", style="bold"))
        console.print(safe(review.reply))
    if len(versions) > 1:
        console.print()
        _print_versions(console, versions, zone)
    if triage and review.flagged:
        console.print()
        print_triage(console, triage, zone)


def _print_versions(console: object, versions: list[ReviewVersion], zone: str) -> None:
    from rich.console import Console

    assert isinstance(console, Console)
    table = Table(title="History", header_style="bold")
    for column in ("#", "Seen", "Change", "Stars", "Text"):
        table.add_column(column)
    for version in versions:
        text = " — ".join(part for part in (version.title, version.body) if part)
        if version.reply:
            text += f" [reply: {version.reply}]"
        table.add_row(
            str(version.version),
            local_time(version.seen_at, zone),
            version.change,
            stars(version.rating, version.polarity),
            safe(" ".join(text.split())[:80]),
        )
    if console.is_terminal:
        console.print(table)
    else:
        for version in versions:
            console.print(
                safe(
                    f"v{version.version}\t{local_time(version.seen_at, zone)}\t"
                    f"{version.change}\t{version.rating or version.polarity or ''}"
                )
            )
