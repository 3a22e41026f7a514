"""`poll`: fetch, store, diff, flag, and say what is new."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
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
from reviewwatch.cli.render import (
    error_console,
    flagged_table,
    make_console,
    print_json,
    safe,
)
from reviewwatch.errors import ExitStatus
from reviewwatch.models import PollReport

if TYPE_CHECKING:
    from datetime import datetime

    from rich.progress import TaskID

    from reviewwatch.config import Config
    from reviewwatch.notify import NotifyReport
    from reviewwatch.poll import Progress as PollProgress
    from reviewwatch.poll import ProgressCallback
    from reviewwatch.store.connection import Connection


def register(app: typer.Typer) -> None:
    app.command("poll")(poll)


@reports_errors
def poll(
    ctx: typer.Context,
    source: Annotated[
        list[str] | None,
        typer.Option("--source", help="Poll only this source (repeatable).", show_default=False),
    ] = None,
    full: bool = typer.Option(
        False, "--full", help="Walk every page and mark reviews that are gone as removed."
    ),
    json_output: JsonOption = False,
    quiet: bool = typer.Option(
        False,
        "--quiet",
        "-q",
        help="Print nothing unless something new was flagged or a source failed (for cron).",
    ),
    no_notify: bool = typer.Option(False, "--no-notify", help="Do not send notifications."),
    worker: bool = typer.Option(
        False,
        "--worker",
        help="Keep polling every settings.poll_every (a service instead of cron); Ctrl-C stops.",
    ),
    accept_removals: bool = typer.Option(
        False,
        "--accept-removals",
        help="Mark reviews gone from a complete listing as removed even when most are gone.",
    ),
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Fetch every configured (or named) source, store, diff, flag; print what is new."""
    from datetime import UTC, datetime

    from reviewwatch.notify import notifiers_from_config

    # The round starts now, before the config is read: pollers started together on PostgreSQL
    # leave each other the sources released after this moment (see store.leases).
    started = datetime.now(UTC)

    state = state_of(ctx).override(config, db)
    settings = state.config()
    notifiers_from_config(settings)  # every [[notify]] problem is reported before polling
    options = _RoundOptions(
        tuple(source or ()), full, json_output, quiet, no_notify, accept_removals
    )
    if worker:
        _run_worker(state, options)
        return
    report = _poll_round(state, options, round_started=started)
    if report.failed:
        raise typer.Exit(int(ExitStatus.PARTIAL))


@dataclass(frozen=True, slots=True)
class _RoundOptions:
    names: tuple[str, ...]
    full: bool
    json_output: bool
    quiet: bool
    no_notify: bool
    accept_removals: bool


def _run_worker(state: AppState, options: _RoundOptions) -> None:
    """Poll, wait for the next round, poll again, until stopped. A source that another worker
    polled within the last nine tenths of the interval is not due yet; failures are reported
    and the next round goes on."""
    from datetime import UTC, datetime, timedelta

    from reviewwatch.config import interval_seconds
    from reviewwatch.errors import LockedError

    every = interval_seconds(state.config().settings.poll_every) or 900
    try:
        while True:
            started = time.monotonic()
            due = datetime.now(UTC) - timedelta(seconds=every * 0.9)
            try:
                _poll_round(state, options, round_started=due)
            except LockedError as error:
                error_console().print(safe(f"skipped a round: {error}"))
            time.sleep(max(0.0, every - (time.monotonic() - started)))
    except KeyboardInterrupt:
        return


def _poll_round(
    state: AppState, options: _RoundOptions, *, round_started: datetime | None = None
) -> PollReport:
    from reviewwatch.notify import run_notifications
    from reviewwatch.poll import run_poll

    settings = state.config()
    full, json_output, quiet, no_notify = (
        options.full,
        options.json_output,
        options.quiet,
        options.no_notify,
    )
    db_path = state.db_path().path
    show_progress = not (quiet or json_output) and sys.stderr.isatty()
    after: dict[str, Any] = {}

    def triage_and_notify(conn: Connection, report: PollReport) -> PollReport:
        after["stop_progress"]()
        report, after["triage"] = triage_flagged(state, conn, report)
        after["ai"], translations = ai_after_poll(settings, conn, report)
        after["notify"] = run_notifications(
            conn, settings, report, deliver_now=not no_notify, translations=translations
        )
        # Printed while the poll lock is held and before the flagged reviews count as
        # announced: a poll killed before that point leaves them to the next poll's report.
        if json_output:
            _print_json(conn, report, after["triage"], after["notify"])
        else:
            print_poll_report(report, after["triage"], quiet=quiet, zone=settings.settings.timezone)
            print_notify_report(after["notify"], quiet=quiet)
        sys.stdout.flush()
        return report

    with _progress_display(show_progress) as (on_progress, stop_progress):
        after["stop_progress"] = stop_progress
        report = run_poll(
            settings,
            db_path,
            names=options.names,
            full=full,
            accept_removals=options.accept_removals,
            progress=on_progress,
            after=triage_and_notify,
            round_started=round_started,
        )
    if not (quiet and not report.flagged):  # cron mails output: a model that is down is no news
        for line in after["ai"]:
            error_console().print(Text("ai: ", style="yellow"), safe(line), sep="")
    return report


def triage_flagged(
    state: AppState, conn: Connection, report: PollReport
) -> tuple[PollReport, dict[int, dict[str, Any]]]:
    """Triage the newly flagged reviews, and re-read the report's reviews (the detected
    language replaces the platform's hint)."""
    from reviewwatch.store import get_reviews

    triage: dict[int, dict[str, Any]] = triage_cache(state, conn, shows_drafts=False).refresh(
        report.flagged
    )
    fresh = {r.id: r for r in get_reviews(conn, [r.id for r in (*report.new, *report.updated)])}
    return (
        replace(
            report,
            new=tuple(fresh.get(r.id, r) for r in report.new),
            updated=tuple(fresh.get(r.id, r) for r in report.updated),
            flagged=tuple(fresh.get(r.id, r) for r in report.flagged),
        ),
        triage,
    )


def ai_after_poll(
    config: Config, conn: Connection, report: PollReport
) -> tuple[list[str], dict[int, dict[str, str]]]:
    """With `[ai]`: the model's second opinion on the newly flagged reviews (`triage = true`)
    and translations for their alerts (`translate_alerts = true`), each at most
    `max_reviews_per_poll` asked. Returns notes on what was not done, and the translations."""
    ai = config.ai
    if ai is None or not (ai.triage or ai.translate_alerts) or not report.flagged:
        return [], {}
    from reviewwatch.ai.service import AiAssistant

    assistant = AiAssistant(conn, config)
    notes: list[str] = []
    if ai.triage:
        run = assistant.second_opinions(report.flagged)
        skipped = len(report.flagged) - run.asked - run.cached
        notes += run.notes
        if skipped > 0 and not run.notes:
            notes.append(
                f"second opinions asked for {run.asked} reviews ([ai] max_reviews_per_poll); "
                f"`reviewwatch show ID` asks for the other {skipped}"
            )
    translations: dict[int, dict[str, str]] = {}
    if ai.translate_alerts and config.notify:
        translations, failed = assistant.alert_translations(report.flagged)
        notes += failed
    return notes, translations


def _print_json(
    conn: Connection,
    report: PollReport,
    triage: dict[int, dict[str, Any]],
    notified: NotifyReport,
) -> None:
    from reviewwatch.serialize import poll_report_to_dict, review_to_dict
    from reviewwatch.store import ReviewFilter, iter_reviews

    baseline = [
        review_to_dict(review)
        for review in iter_reviews(conn, ReviewFilter(poll_id=report.poll_id, baseline=True))
    ]
    document = poll_report_to_dict(report, baseline, triage)
    document["notifications"] = [
        {
            "kind": result.kind,
            "to": result.label,
            "sent": result.sent,
            "failed": result.failed,
            "deferred": result.deferred,
            "error": result.error,
        }
        for result in notified.results
    ]
    print_json(document)


def print_notify_report(notified: NotifyReport, *, quiet: bool) -> None:
    """A failed delivery is said even with --quiet (cron mails it); successes only without."""
    errors = error_console()
    for result in notified.failed:
        errors.print(
            Text("notify: ", style="yellow"),
            safe(
                f"{result.kind} ({result.label}): {result.sent} sent, {result.failed} failed, "
                f"{result.deferred} left for the next poll: {result.error or 'failed'}"
            ),
            sep="",
        )
    if not quiet and notified.sent:
        kinds = sorted({result.kind for result in notified.results if result.sent})
        make_console().print(safe(f"notified: {notified.sent} alerts by {', '.join(kinds)}"))


def print_poll_report(
    report: PollReport, triage: dict[int, dict[str, Any]], *, quiet: bool, zone: str
) -> None:
    console = make_console()
    errors = error_console()
    for failed in report.failed:
        errors.print(
            Text("error: ", style="bold red"), safe(f"{failed.name}: {failed.error}"), sep=""
        )
    if report.flagged:
        flagged_table(console, report.flagged, triage, zone=zone)
    if quiet:
        return
    for problem in report.problems[:20]:
        errors.print(
            Text("skipped: ", style="yellow"),
            safe(f"{problem.source} {problem.position}: {problem.reason}"),
            sep="",
        )
    if len(report.problems) > 20:
        errors.print(safe(f"... and {len(report.problems) - 20} more records skipped"))
    for source in report.sources:
        for warning in source.warnings:
            errors.print(
                Text("warning: ", style="yellow"), safe(f"{source.name}: {warning}"), sep=""
            )
    for source in report.sources:
        if source.ok:
            console.print(
                safe(
                    _summary(
                        source.name,
                        source.baseline,
                        source.fetched,
                        source.new,
                        source.updated,
                        source.removed,
                        source.requests,
                    )
                )
            )
    if report.leased_elsewhere:
        names = ", ".join(report.leased_elsewhere)
        console.print(
            safe(
                f"{len(report.leased_elsewhere)} source(s) left to other pollers (being polled"
                f" or already polled this round): {names}"
            )
        )
    if not report.flagged and not report.failed:
        console.print(Text("Nothing new to answer.", style="green"))


def _summary(
    name: str, baseline: bool, fetched: int, new: int, updated: int, removed: int, requests: int
) -> str:
    if baseline:
        return (
            f"{name}: first poll, {new} reviews stored as the baseline "
            "(from now on, new ones are reported)"
        )
    parts = [f"{fetched} fetched", f"{new} new", f"{updated} updated"]
    if removed:
        parts.append(f"{removed} removed")
    if requests:
        parts.append(f"{requests} request{'s' if requests != 1 else ''}")
    return f"{name}: " + ", ".join(parts)


@contextmanager
def _progress_display(
    enabled: bool,
) -> Iterator[tuple[ProgressCallback | None, Callable[[], None]]]:
    """A progress callback, and how to take the display off the screen before printing."""
    if not enabled:
        yield None, lambda: None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(bar_width=None),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        console=Console(file=sys.stderr, markup=False, highlight=False),
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def update(step: PollProgress) -> None:
        if step.source not in tasks:
            tasks[step.source] = progress.add_task(step.source, total=None, status="")
        status = "failed" if step.error else ("done" if step.done else "")
        progress.update(
            tasks[step.source],
            status=f"{step.fetched} reviews, {step.pages} pages {status}".strip(),
            total=1 if step.done else None,
            completed=1 if step.done else 0,
        )

    with progress:
        yield update, progress.stop
