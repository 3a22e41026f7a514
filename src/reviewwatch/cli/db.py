"""`db copy`: move a whole store between SQLite and PostgreSQL."""

from __future__ import annotations

import os
from contextlib import closing
from pathlib import Path

import typer

from reviewwatch.cli.context import reports_errors
from reviewwatch.cli.render import make_console, safe
from reviewwatch.errors import UserError


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        name="db",
        help="Move a whole store between SQLite and PostgreSQL.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    group.command("copy")(copy)
    app.add_typer(group, name="db")


@reports_errors
def copy(
    source: str = typer.Argument(..., help="The store to copy: a file or a postgresql:// URL."),
    target: str = typer.Argument(
        ..., help="An existing empty store (a new file, or an empty PostgreSQL database)."
    ),
) -> None:
    """Copy every review version, workflow event, reply and outbox row, keeping the ids."""
    from reviewwatch.location import parse_location
    from reviewwatch.store import connect
    from reviewwatch.store.copy import copy_store

    src = parse_location(source, os.environ, "SRC")
    dst = parse_location(target, os.environ, "DST")
    if isinstance(src, Path) and not src.exists():
        raise UserError(f"{src} does not exist")
    if str(src) == str(dst):
        raise UserError("SRC and DST are the same store")
    with closing(connect(src)) as from_conn, closing(connect(dst)) as to_conn:
        report = copy_store(from_conn, to_conn)
    console = make_console()
    for table, count in report.rows.items():
        console.print(safe(f"{table:16} {count:>9} rows"))
    console.print(safe(f"copied {report.total} rows from {src} to {dst}"))
