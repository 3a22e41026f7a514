"""`export`: CSV, JSON or JSON Lines for spreadsheets and scripts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, TextIO, cast, get_args

import typer

from reviewwatch.cli.context import (
    ConfigOption,
    DbOption,
    keep_triage,
    reports_errors,
    state_of,
    triage_cache,
)
from reviewwatch.cli.filters import (
    AssigneeFilter,
    AuthorFilter,
    BusinessFilter,
    CategoryFilter,
    FlaggedFilter,
    FollowUpFilter,
    LangFilter,
    MaxStarsFilter,
    MinStarsFilter,
    OpenFilter,
    OverdueFilter,
    RemovedFilter,
    SearchFilter,
    SinceFilter,
    SourceFilter,
    StatusFilter,
    SubjectFilter,
    build_filter,
    connect_for,
    prepare_filter,
)
from reviewwatch.cli.render import clean, error_console, print_shown, safe
from reviewwatch.errors import UserError
from reviewwatch.export import ExportFormat
from reviewwatch.models import Review
from reviewwatch.private_files import open_private
from reviewwatch.suggest import unknown_name


def register(app: typer.Typer) -> None:
    app.command("export")(export)


@reports_errors
def export(
    ctx: typer.Context,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="csv, json or jsonl (default: from --output's extension, else csv).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE (default: stdout).", show_default=False),
    ] = None,
    bom: bool = typer.Option(
        False, "--bom", help="CSV: start with a UTF-8 byte-order mark (for Excel)."
    ),
    delimiter: Annotated[
        str,
        typer.Option(
            "--delimiter", help="CSV: the cell separator (';' for European spreadsheets)."
        ),
    ] = ",",
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
    open_only: OpenFilter = False,
    category: CategoryFilter = None,
    subject: SubjectFilter = None,
    author: AuthorFilter = None,
    removed: RemovedFilter = False,
    search: SearchFilter = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="At most N reviews.", show_default=False)
    ] = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Export reviews for spreadsheets and scripts, newest first."""
    from reviewwatch.export import write_csv_export, write_export
    from reviewwatch.store import count_reviews, iter_reviews

    export_format = _format(fmt, output)
    if export_format != "csv" and bom:
        raise UserError("--bom is for CSV only (JSON is read as UTF-8 without one)")
    if export_format != "csv" and delimiter != ",":
        raise UserError("--delimiter is for CSV only")
    if len(delimiter) != 1 or delimiter in '"\r\n':
        raise UserError(
            f"--delimiter must be one character, not a quote or line break: {delimiter!r}"
        )
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
        open_only=open_only,
        category=category,
        subject=subject,
        author=author,
        removed=removed,
        search=search,
    )
    conn = connect_for(state, where)
    cache = None
    try:
        prepare_filter(conn, where)
        total = count_reviews(conn, where)
        cache = triage_cache(state, conn)

        def annotate(review: Review) -> dict[str, Any]:
            # Not stored here: the rows are streamed from an open read on this connection
            # (`keep_triage` stores them once the export is written).
            fields: dict[str, Any] = cache.fields(review, store=False)
            return fields

        def write(stream: TextIO) -> int:
            if export_format == "csv":
                # Cells straight from the rows; triage (and a Review) only for flagged reviews,
                # the only ones triage annotates.
                return write_csv_export(
                    conn, where, stream, bom=bom, annotate=annotate, delimiter=delimiter
                )
            reviews = iter_reviews(conn, where)
            return write_export(reviews, stream, fmt=export_format, annotate=annotate, total=total)

        if output is None:
            if hasattr(sys.stdout, "reconfigure"):
                sys.stdout.reconfigure(encoding="utf-8", newline="")
            if sys.stdout.isatty():
                # Review text must not drive the terminal: escapes are dropped on screen.
                count = write(cast(TextIO, _CleanTerminal(sys.stdout)))
                if count < total:
                    print_shown(count, total)
                return
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
        error_console().print(
            safe(
                f"{count} reviews written to {output}" + (f" (of {total})" if count < total else "")
            )
        )
    finally:
        conn.close()
        if cache is not None:
            keep_triage(state, cache)


class _CleanTerminal:
    """A text stream for a terminal that drops escape sequences and control characters."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(clean(text))


_EXTENSIONS: dict[str, ExportFormat] = {
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


def _format(name: str | None, output: Path | None) -> ExportFormat:
    """--format if given, else what --output's extension says, else CSV."""
    if name is None:
        suffix = output.suffix.lower() if output is not None else ""
        return _EXTENSIONS.get(suffix, "csv")
    for known in get_args(ExportFormat):
        if name == known:
            return cast(ExportFormat, known)
    raise UserError(unknown_name("format", name, get_args(ExportFormat)))
