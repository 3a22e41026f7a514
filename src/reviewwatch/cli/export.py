"""`export`: CSV, JSON or JSON Lines for spreadsheets and scripts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, TextIO, cast, get_args

import typer

from reviewwatch.cli.context import ConfigOption, DbOption, reports_errors, state_of, triage_cache
from reviewwatch.cli.filters import (
    AssigneeFilter,
    BusinessFilter,
    FlaggedFilter,
    FollowUpFilter,
    LangFilter,
    MaxStarsFilter,
    MinStarsFilter,
    OverdueFilter,
    SinceFilter,
    SourceFilter,
    StatusFilter,
    build_filter,
)
from reviewwatch.cli.render import error_console, safe
from reviewwatch.errors import UserError
from reviewwatch.export import ExportFormat
from reviewwatch.models import Review
from reviewwatch.private_files import open_private


def register(app: typer.Typer) -> None:
    app.command("export")(export)


@reports_errors
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="csv, json or jsonl.")] = "csv",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE (default: stdout).", show_default=False),
    ] = None,
    bom: bool = typer.Option(
        False, "--bom", help="Start with a UTF-8 byte-order mark (for Excel)."
    ),
    source: SourceFilter = None,
    business: BusinessFilter = None,
    flagged: FlaggedFilter = False,
    status: StatusFilter = None,
    max_stars: MaxStarsFilter = None,
    min_stars: MinStarsFilter = None,
    since: SinceFilter = None,
    lang: LangFilter = None,
    overdue: OverdueFilter = False,
    assignee: AssigneeFilter = None,
    due_follow_up: FollowUpFilter = False,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="At most N reviews.", show_default=False)
    ] = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Export reviews for spreadsheets and scripts, newest first."""
    from reviewwatch.export import write_csv_export, write_export
    from reviewwatch.store import iter_reviews

    export_format = _format(fmt)
    state = state_of(ctx).override(config, db)
    where = build_filter(
        source=source,
        business=business,
        flagged=flagged,
        status=status,
        max_stars=max_stars,
        min_stars=min_stars,
        since=since,
        lang=lang,
        limit=limit,
        overdue=overdue,
        assignee=assignee,
        due_follow_up=due_follow_up,
    )
    conn = state.connect(read_only=True)
    try:
        cache = triage_cache(state, conn)

        def annotate(review: Review) -> dict[str, Any]:
            # Not cached here: the rows are streamed from an open read on this connection.
            fields: dict[str, Any] = cache.fields(review, store=False)
            return fields

        def write(stream: TextIO) -> int:
            if export_format == "csv":
                # Cells straight from the rows; triage (and a Review) only for flagged reviews,
                # the only ones triage annotates.
                return write_csv_export(conn, where, stream, bom=bom, annotate=annotate)
            reviews = iter_reviews(conn, where)
            return write_export(reviews, stream, fmt=export_format, bom=bom, annotate=annotate)

        if output is None:
            if hasattr(sys.stdout, "reconfigure"):
                sys.stdout.reconfigure(encoding="utf-8", newline="")
            write(sys.stdout)
            return
        temporary = output.with_name(output.name + ".partial")
        try:
            with open_private(temporary, newline="") as stream:
                count = write(stream)
            temporary.replace(output)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise UserError(f"cannot write {output}: {error.strerror or error}") from error
        error_console().print(safe(f"{count} reviews written to {output}"))
    finally:
        conn.close()


def _format(name: str) -> ExportFormat:
    for known in get_args(ExportFormat):
        if name == known:
            return cast(ExportFormat, known)
    raise UserError(f"unknown format {name!r} (one of {', '.join(get_args(ExportFormat))})")
