"""`sources`: what is configured, what each kind can and cannot see, and how it last went."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from reviewwatch.cli.context import (
    AppState,
    ConfigOption,
    DbOption,
    JsonOption,
    reports_errors,
    state_of,
)
from reviewwatch.cli.render import local_time, make_console, one_line, print_json, safe
from reviewwatch.config import Config
from reviewwatch.errors import NotFoundError
from reviewwatch.models import FetchedReview, Page
from reviewwatch.sources.base import Source
from reviewwatch.sources.registry import load_kind


def register(app: typer.Typer) -> None:
    app.command("sources")(sources)


def capabilities(source_class: type[Source]) -> dict[str, Any]:
    return {
        "can_reply": source_class.can_reply,
        "max_reply_chars": source_class.max_reply_chars,
        "supports_since": source_class.supports_since,
        "complete_listing": source_class.complete_listing,
        "limits": source_class.limits,
    }


@reports_errors
def sources(
    ctx: typer.Context,
    check: Annotated[
        str | None,
        typer.Option(
            "--check",
            metavar="NAME",
            help="Test a source's credentials and reach (reads one page, stores nothing).",
            show_default=False,
        ),
    ] = None,
    forget: Annotated[
        str | None,
        typer.Option(
            "--forget",
            metavar="NAME",
            help="Delete a stored source's reviews and history (asks first, unless --yes).",
            show_default=False,
        ),
    ] = None,
    yes: bool = typer.Option(False, "--yes", "-y", help="With --forget: do not ask."),
    json_output: JsonOption = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """The configured sources: kind, platform, what each cannot see, last success, last error.

    Sources stored in the database but no longer configured are listed too; `--forget NAME`
    removes one's reviews for good.
    """
    from reviewwatch.serialize import JSON_VERSION, iso
    from reviewwatch.store import source_states

    state = state_of(ctx).override(config, db)
    if forget is not None:
        _forget(state, forget, yes=yes)
        return
    settings = state.config()
    if check is not None:
        _check_source(settings, check, json_output=json_output)
        return
    conn = state.connect(read_only=True)
    try:
        states = source_states(conn)
    finally:
        conn.close()
    rows = []
    for source in settings.sources:
        source_class = load_kind(source.kind)
        known = states.get(source.name)
        rows.append(
            {
                "name": source.name,
                "kind": source.kind,
                "platform": source.platform,
                **(capabilities(source_class) if source_class else {}),
                "reviews": known.reviews if known else 0,
                "flagged": known.flagged if known else 0,
                "last_success_at": iso(known.last_success_at) if known else None,
                "last_error": known.last_error if known else None,
                "last_error_at": iso(known.last_error_at) if known else None,
                "skipped_records": known.last_problems if known else 0,
            }
        )
    configured = {source.name for source in settings.sources}
    unconfigured = [
        {"name": known.name, "kind": known.kind, "platform": known.platform,
         "reviews": known.reviews, "flagged": known.flagged}
        for name, known in sorted(states.items())
        if name not in configured
    ]  # fmt: skip
    if json_output:
        print_json({"version": JSON_VERSION, "sources": rows, "unconfigured": unconfigured})
        return
    _print_sources(rows, settings.settings.timezone)
    if unconfigured:
        _print_unconfigured(state, unconfigured, has_config=settings.path is not None)


def _print_unconfigured(
    state: AppState, unconfigured: list[dict[str, Any]], *, has_config: bool
) -> None:
    """Stored sources the config does not name. Forgetting one deletes its reviews, so it is
    offered only when a config file was read: without one, every source would look dropped."""
    console = make_console()
    console.print()
    if has_config:
        console.print(Text("Stored, but no longer configured", style="bold"))
    else:
        where = state.config_path().path
        console.print(Text(f"Stored (no config file at {where} names them)", style="bold"))
    command = state.command()
    for row in unconfigured:
        line = (
            f"  {row['name']}: {row['kind']} on {row['platform']}, {row['reviews']} "
            f"reviews ({row['flagged']} flagged)"
        )
        if has_config:
            line += f"; remove them with {command} sources --forget {row['name']}"
        console.print(safe(line))


def _forget(state: AppState, name: str, *, yes: bool) -> None:
    """Delete a stored source after a confirmation; under the poll lock, in one transaction."""
    import sys

    from reviewwatch.errors import UserError
    from reviewwatch.store import PollLock, source_states
    from reviewwatch.store.forget import forget_source

    path = state.db_path().path
    if isinstance(path, Path) and not path.exists():
        raise UserError(f"the database {path} does not exist: nothing to forget")
    # A SQLite file is forgotten under the poll lock; PostgreSQL's transaction locks the rows.
    with PollLock(path) if isinstance(path, Path) else contextlib.nullcontext():
        conn = state.connect()
        try:
            known = source_states(conn).get(name)
            if known is None:
                from reviewwatch.cli.filters import NOTHING_STORED
                from reviewwatch.suggest import unknown_name

                names = sorted(source_states(conn))
                raise NotFoundError(unknown_name("source", name, names, empty=NOTHING_STORED))
            if not yes:
                question = (
                    f"Delete the {known.reviews} reviews of {name!r} ({known.flagged} flagged), "
                    "every version of them, their notes and replies, for good?"
                )
                if not sys.stdin.isatty():
                    raise UserError(f"{question} Say so with --yes.")
                if not typer.confirm(question, default=False):
                    raise UserError("nothing was deleted")
            forgotten = forget_source(conn, name)
        finally:
            conn.close()
    make_console().print(safe(f"{forgotten.source}: {forgotten.reviews} reviews forgotten"))


def _print_sources(rows: list[dict[str, Any]], zone: str) -> None:
    console = make_console()
    if not rows:
        console.print(Text("No sources configured. Run `reviewwatch init` and edit the config."))
        return
    from reviewwatch.store import from_text

    for row in rows:
        reply = "no"
        if row.get("can_reply"):
            limit = row.get("max_reply_chars")
            reply = f"yes (up to {limit} characters)" if limit else "yes"
        last = (
            local_time(from_text(row["last_success_at"]), zone)
            if row["last_success_at"]
            else "never"
        )
        console.print(
            Text(f"{row['name']}", style="bold"),
            safe(f"  {row['kind']} on {row['platform']}"),
            sep="",
        )
        since = "yes" if row.get("supports_since") else "no"
        lines = [
            f"  reviews: {row['reviews']} ({row['flagged']} flagged); last success: {last}",
            f"  reply from reviewwatch: {reply}; date filter: {since}",
        ]
        if row.get("limits"):
            lines.append(f"  cannot see: {row['limits']}")
        if row["skipped_records"]:
            lines.append(f"  last poll skipped {row['skipped_records']} unreadable records")
        for line in lines:
            console.print(safe(line))
        if row["last_error"]:
            when = local_time(from_text(row["last_error_at"]), zone)
            console.print(
                Text("  last error: ", style="red"), safe(f"{row['last_error']} ({when})"), sep=""
            )


def _check_source(settings: Config, name: str, *, json_output: bool) -> None:
    """Fetch the first page of one source with its real credentials; nothing is stored."""
    import asyncio
    import contextlib

    import httpx

    from reviewwatch.errors import ExitStatus, ReviewwatchError
    from reviewwatch.poll import build_sources, scrub_secrets, select_sources
    from reviewwatch.sources.http import RetryPolicy, new_client

    (source_config,) = select_sources(settings, [name])
    built: list[Source] = []

    async def first_page() -> tuple[Page, int]:
        async with new_client() as client:
            source = build_sources([source_config], lambda: client, RetryPolicy(attempts=2))[0]
            built.append(source)
            async with contextlib.aclosing(source.fetch(since=None)) as pages:
                async for page in pages:
                    return page, source.requests_made
            return Page(()), source.requests_made

    try:
        page, requests = asyncio.run(first_page())
        reviews, problems = len(page.reviews), len(page.problems)
    except (ReviewwatchError, httpx.HTTPError, OSError, ValueError) as error:
        # A platform may echo the credential back: the message never shows it.
        message = " ".join(str(error).split()) or type(error).__name__
        message = built[0].scrub(message) if built else scrub_secrets(message, source_config)
        if json_output:
            print_json({"version": 1, "name": name, "ok": False, "error": message})
        else:
            make_console().print(Text(f"{name}: failed: ", style="bold red"), safe(message), sep="")
        raise typer.Exit(int(ExitStatus.PARTIAL)) from None
    sample = _mapped(page.reviews[0]) if page.reviews else None
    if json_output:
        print_json(
            {
                "version": 1,
                "name": name,
                "ok": not page.warnings,
                "reviews": reviews,
                "skipped": problems,
                "requests": requests,
                "warnings": list(page.warnings),
                "first_review": sample,
            }
        )
    console = make_console()
    if not json_output and page.warnings:
        console.print(Text(f"{name}: the field mapping looks wrong:", style="bold red"))
        for warning in page.warnings:
            console.print(safe(f"  {warning}"))
    elif not json_output:
        message = f"{name}: OK: credentials accepted and {reviews} reviews read from the first page"
        if problems:
            message += f" ({problems} records could not be read)"
        console.print(Text(message, style="green"))
    if not json_output and sample is not None:
        console.print(Text("The first review as mapped:", style="bold"))
        for key, value in sample.items():
            shown = "(missing)" if value is None else one_line(str(value), 80)
            console.print(safe(f"  {key:<10} {shown}"))
    if page.warnings:
        raise typer.Exit(int(ExitStatus.PARTIAL))


def _mapped(review: FetchedReview) -> dict[str, Any]:
    """A fetched review's fields, as the mapping read them (times in UTC)."""
    from reviewwatch.serialize import iso

    values: dict[str, Any] = review._asdict()
    for key in ("created_at", "updated_at"):
        values[key] = iso(values[key])
    values["id"] = values.pop("external_id")
    return {"id": values.pop("id"), **values}
