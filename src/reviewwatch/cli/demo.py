"""`demo`: the whole flow on built-in sample data, offline."""

from __future__ import annotations

import asyncio
import contextlib
import shlex
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.rule import Rule
from rich.text import Text

from reviewwatch.cli.browse import print_review
from reviewwatch.cli.context import DbOption, check_time_zone, reports_errors, state_of
from reviewwatch.cli.poll import print_poll_report
from reviewwatch.cli.render import make_console, safe
from reviewwatch.models import PollReport

if TYPE_CHECKING:
    from reviewwatch.attention import Attention
    from reviewwatch.location import Location
    from reviewwatch.store.connection import Connection


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


@reports_errors
def demo(
    ctx: typer.Context,
    db: DbOption = None,
    zone: str = typer.Option("UTC", "--timezone", help="Show times in this time zone."),
) -> None:
    """Run the whole flow on built-in sample data, offline, into a database of its own.

    The database is --db (before or after the command) or $REVIEWWATCH_DB, else demo.db beside
    reviewwatch's default database; it is kept, for the commands the demo prints. A database
    the demo made before is started afresh; one with reviews of real sources is refused.
    """
    from reviewwatch.location import parse_location
    from reviewwatch.paths import demo_db_path
    from reviewwatch.store.connection import make_private_folder

    check_time_zone(zone)
    state = state_of(ctx).override(None, db)
    chosen: Location
    if state.db_flag is not None:
        chosen = parse_location(state.db_flag, state.env, "--db")
    elif state.env.get("REVIEWWATCH_DB"):
        chosen = parse_location(state.env["REVIEWWATCH_DB"], state.env, "$REVIEWWATCH_DB")
    else:
        chosen = demo_db_path()
        make_private_folder(chosen.parent, what="the demo's database")
    _start_fresh(chosen)
    _run_demo(chosen, zone)


def _run_demo(db_path: Location, zone: str) -> None:
    from reviewwatch.export import write_export
    from reviewwatch.sources.demo import demo_data
    from reviewwatch.store import (
        PollLock,
        ReviewFilter,
        connect,
        get_review,
        iter_reviews,
        review_versions,
    )
    from reviewwatch.triage.models import BusinessInfo
    from reviewwatch.triage.service import TriageCache

    console = make_console()
    # Every command printed names the demo's database: copied as printed, it reads the demo.
    command = f"reviewwatch --db {_shell_word(db_path)}"
    shown_id: int | None = None
    with PollLock(db_path) if isinstance(db_path, Path) else contextlib.nullcontext():
        conn = connect(db_path)
        cache = TriageCache(conn, business=BusinessInfo(**demo_data()["business"]))
        try:
            console.print(
                Rule("1. First poll: reviewwatch stores what is already there as a baseline")
            )
            first = _poll(conn, batch=1)
            print_poll_report(
                first, _attention(conn, first), quiet=False, zone=zone, command=command
            )
            console.print(Rule("2. Later poll: new reviews arrive and two old ones are edited"))
            second = _poll(conn, batch=2)
            triage = cache.refresh(second.flagged)
            print_poll_report(
                second,
                _attention(conn, second),
                quiet=False,
                zone=zone,
                command=command,
                triage=triage,
            )
            if second.flagged:
                shown = second.flagged[0]
                shown_id = shown.id
                console.print(Rule("3. One flagged review in full"))
                _print_commands(console, [(f"{command} show {shown.id}", "")])
                review = get_review(conn, shown.id)
                versions = review_versions(conn, shown.id)
                print_review(review, versions, zone=zone, triage=triage[shown.id])
            export_path = _export_folder(db_path) / "demo-flagged.csv"
            with export_path.open("w", encoding="utf-8", newline="") as stream:
                count = write_export(
                    iter_reviews(conn, ReviewFilter(flagged=True)),
                    stream,
                    fmt="csv",
                    bom=True,  # as the command shown above says
                    annotate=lambda review: cache.fields(review, store=False),
                )
        finally:
            conn.close()
    console.print(Rule("4. Export for a spreadsheet"))
    _print_commands(console, [(f"{command} export --flagged --bom -o flagged.csv", "")])
    console.print(safe(f"{count} flagged reviews exported to {export_path}"))
    _print_next_steps(console, command, db_path, shown_id)


def _shell_word(location: Location) -> str:
    """The database as one shell word; a file in the home folder as `~/...`, shorter to read
    and copy, the same to the shell."""
    if isinstance(location, Path) and location.is_absolute():
        with contextlib.suppress(ValueError, RuntimeError):  # elsewhere; no home folder
            return "~/" + shlex.quote(str(location.relative_to(Path.home())))
    return shlex.quote(str(location))


def _export_folder(location: Location) -> Path:
    """Beside the database file; for a PostgreSQL database, in the folder where reviewwatch
    keeps its own database by default (never the folder the command was run from)."""
    if isinstance(location, Path):
        return location.parent
    from reviewwatch.paths import default_db_path
    from reviewwatch.store.connection import make_private_folder

    folder = default_db_path().parent
    make_private_folder(folder, what="the demo's export")
    return folder


_NOT_THE_DEMOS = (
    "{} holds reviews that the demo did not make; the demo never writes into it. "
    "Give it a database of its own: reviewwatch demo --db demo.db"
)


def _start_fresh(location: Location) -> None:
    """Empty a database the demo made before; refuse any other (it may hold real reviews)."""
    from reviewwatch.errors import UserError

    if not isinstance(location, Path):
        _start_fresh_server(location)
        return
    path = location
    if not path.exists():
        return
    try:
        raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            kinds = {row[0] for row in raw.execute("SELECT kind FROM sources")}
        finally:
            raw.close()
    except sqlite3.DatabaseError:
        kinds = {"?"}
    if kinds - {"demo"}:
        raise UserError(_NOT_THE_DEMOS.format(path))
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def _start_fresh_server(location: Location) -> None:
    """A PostgreSQL database: the demo's own sources are forgotten, any other is refused."""
    from reviewwatch.errors import UserError
    from reviewwatch.store import connect
    from reviewwatch.store.forget import forget_source

    conn = connect(location)
    try:
        rows = conn.execute("SELECT name, kind FROM sources").fetchall()
        if any(kind != "demo" for _name, kind in rows):
            raise UserError(_NOT_THE_DEMOS.format("the database"))
        for name, _kind in rows:
            forget_source(conn, name)
    finally:
        conn.close()


def _attention(conn: Connection, report: PollReport) -> Attention:
    from reviewwatch.attention import gather
    from reviewwatch.models import utc_now
    from reviewwatch.sources.demo import demo_data

    names = [shop["source"] for shop in demo_data()["shops"].values()]
    return gather(conn, report, sources=names, now=utc_now())


def _poll(conn: Connection, *, batch: int) -> PollReport:
    from reviewwatch.announce import mark_announced
    from reviewwatch.poll import PollSettings, poll_sources
    from reviewwatch.sources.base import SourceConfig
    from reviewwatch.sources.demo import DemoSource, demo_data

    sources = [
        DemoSource(
            SourceConfig(
                name=shop["source"],
                kind="demo",
                platform=shop["platform"],
                flag_max_stars=2,
                options={"shop": key},
            ),
            batch=batch,
        )
        for key, shop in demo_data()["shops"].items()
    ]
    report = asyncio.run(poll_sources(conn, sources, settings=PollSettings()))
    mark_announced(conn, report)  # the demo shows it at once; a later poll need not again
    return report


def _print_next_steps(
    console: Console, command: str, db_path: Location, shown_id: int | None
) -> None:
    console.print(Rule("What next"))
    console.print(
        safe(f"The demo's database is kept ({db_path}); `reviewwatch demo` starts it afresh.")
    )
    example = "ID" if shown_id is None else str(shown_id)
    _print_commands(
        console,
        [
            (f"{command} list --flagged", "the demo's reviews that need an answer"),
            (f"{command} show {example}", "one of them with its history"),
            (f"{command} export --bom -o demo.csv", "the demo's reviews, for a spreadsheet"),
        ],
    )
    console.print(safe("Then your own reviews, in your own database:"))
    _print_commands(
        console,
        [
            ("reviewwatch init", "write a starter config, then add your own sources to it"),
            ("reviewwatch poll", "fetch your sources; the first poll is a quiet baseline"),
            ("reviewwatch list --flagged", "your reviews that need an answer"),
            ("reviewwatch cron", "a crontab line that polls every 15 minutes"),
        ],
    )


def _print_commands(console: Console, lines: list[tuple[str, str]]) -> None:
    """Commands to copy, each whole on one line (a narrow terminal folds it, rich does not
    break it), with why in a word after it."""
    for command, why in lines:
        parts = [Text(f"  {command}", style="bold")]
        if why:
            parts.append(Text(f"  {why}", style="dim"))
        console.print(*parts, sep="", soft_wrap=True)
