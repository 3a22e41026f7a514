"""`stats`: ratings, the negative share over time, the team's replies, and their effect."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from reviewwatch.cli.context import (
    ConfigOption,
    DbOption,
    JsonOption,
    parse_when,
    reports_errors,
    state_of,
)
from reviewwatch.cli.render import make_console, print_json, safe


def register(app: typer.Typer) -> None:
    app.command("stats")(stats)


@reports_errors
def stats(
    ctx: typer.Context,
    source: Annotated[
        list[str] | None,
        typer.Option("--source", help="Only this source (repeatable).", show_default=False),
    ] = None,
    business: Annotated[
        list[str] | None,
        typer.Option(
            "--business", help="Only this business's sources (repeatable).", show_default=False
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Only reviews written since WHEN: 30d, 12w or 2026-09-01 (the weekly trend "
            "starts then).",
            show_default=False,
        ),
    ] = None,
    json_output: JsonOption = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Rating distribution, negative share, replies, time to reply, overdue, topics, effect."""
    from reviewwatch.cli.filters import check_stored_names
    from reviewwatch.stats import Stats, compute_stats
    from reviewwatch.store import ReviewFilter

    state = state_of(ctx).override(config, db)
    start = parse_when(since)
    conn = state.connect(read_only=True)
    try:
        check_stored_names(
            conn, ReviewFilter(sources=tuple(source or ()), businesses=tuple(business or ()))
        )
        figures: Stats = compute_stats(
            conn, sources=tuple(source or ()), businesses=tuple(business or ()), since=start
        )
    finally:
        conn.close()
    if json_output:
        document: dict[str, Any] = asdict(figures)
        document["negative_share"] = [
            {
                "window": s.window,
                "reviews": s.reviews,
                "negative": s.negative,
                "share": round(s.share, 4) if s.share is not None else None,
            }
            for s in figures.negative_share
        ]
        document["categories_by_week"] = [
            {"week": week, "top": [{"category": name, "count": count} for name, count in top]}
            for week, top in figures.categories_by_week
        ]
        print_json({"version": 1, **document})
        return
    _print_stats(make_console(), figures)
    _print_trend(make_console(), figures)


def _bar(count: int, largest: int, width: int = 30) -> str:
    return "█" * max(1 if count else 0, round(width * count / largest)) if largest else ""


def _print_trend(console: Console, figures: Any) -> None:
    """The average rating, and a bar per week: its average stars, out of five."""
    console.print(Text("Average rating by week (weeks start on Monday, UTC)", style="bold"))
    for week in figures.weekly_rating:
        count = f"({week.reviews} review{'' if week.reviews == 1 else 's'})"
        if week.average_rating is None:
            console.print(safe(f"  {week.week}      -  {'':<25}  {count}"))
            continue
        filled = round(week.average_rating * 5)
        bar = "█" * filled + "·" * (25 - filled)
        console.print(safe(f"  {week.week}  {week.average_rating:.2f}★  {bar}  {count}"))


def _print_stats(console: Console, figures: Any) -> None:
    heading = f"{figures.total} reviews"
    if figures.since:
        heading += f" written since {figures.since[:10]}"
    if figures.average_rating is not None:
        heading += f", average {figures.average_rating:.2f}★"
    console.print(Text(heading, style="bold"))
    largest = max(figures.ratings.values(), default=0)
    for rating, count in sorted(figures.ratings.items(), reverse=True):
        label = f"{rating}★" if rating.isdigit() else rating
        console.print(safe(f"  {label:>9} {count:>7}  {_bar(count, largest)}"))
    console.print(Text("Negative share", style="bold"))
    for share in figures.negative_share:
        value = f"{share.share:.1%}" if share.share is not None else "-"
        console.print(
            safe(f"  {share.window:>9} {value:>7}  ({share.negative} of {share.reviews})")
        )
    console.print(Text("Answers", style="bold"))
    median = figures.median_hours_to_reply
    lines = [
        f"  flagged {figures.flagged}, answered {figures.answered}, overdue now {figures.overdue}",
        f"  replies posted by reviewwatch {figures.replies_posted}, marked as posted by hand "
        f"{figures.replies_marked}",
        f"  median time to reply: {f'{median} h' if median is not None else '-'}",
        f"  reply effect: {figures.rose_after_flag} flagged reviews rose in rating "
        f"({figures.rose_after_reply} after a reply)"
        + (f", by {figures.average_rise} stars on average" if figures.average_rise else ""),
    ]
    for line in lines:
        console.print(safe(line))
    if figures.categories_by_week:
        console.print(Text("Top complaints by week", style="bold"))
        largest = max(
            (count for _, top in figures.categories_by_week for _, count in top), default=0
        )
        for week, top in figures.categories_by_week:
            for name, count in top:
                console.print(safe(f"  {week}  {name:<20} {count:>4}  {_bar(count, largest, 20)}"))
