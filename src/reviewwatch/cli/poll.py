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
from reviewwatch.cli.poll_text import Line
from reviewwatch.cli.render import (
    error_console,
    make_console,
    print_json,
    safe,
    write_plain,
)
from reviewwatch.errors import ExitStatus
from reviewwatch.models import PollReport

if TYPE_CHECKING:
    from datetime import datetime

    from rich.progress import TaskID

    from reviewwatch.attention import Attention
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
        from reviewwatch.attention import gather
        from reviewwatch.models import utc_now

        report, after["triage"] = triage_flagged(state, conn, report)
        names = [source.name for source in settings.sources]
        after["attention"] = gather(conn, report, sources=names, now=utc_now())
        after["ai"], translations = ai_after_poll(settings, conn, report)
        after["notify"] = run_notifications(
            conn, settings, report, deliver_now=not no_notify, translations=translations
        )
        # Printed while the poll lock is held and before the flagged reviews count as
        # announced: a poll killed before that point leaves them to the next poll's report.
        if json_output:
            _print_json(conn, report, after["triage"], after["notify"])
        else:
            print_poll_report(
                report,
                after["attention"],
                quiet=quiet,
                zone=settings.settings.timezone,
                command=state.command(),
                triage=after["triage"],
            )
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
    report: PollReport,
    attention: Attention,
    *,
    quiet: bool,
    zone: str,
    command: str,
    triage: dict[int, dict[str, Any]] | None = None,
) -> None:
    """What needs the user, section by section; without `quiet`, what each source did."""
    from reviewwatch.cli.poll_text import attention_lines, summary_lines

    console = make_console()
    about = {
        review_id: fields.get("categories", []) for review_id, fields in (triage or {}).items()
    }
    lines = attention_lines(attention, zone=zone, command=command, quiet=quiet, about=about)
    if not quiet:
        if lines:
            lines.append(Line(""))
        lines += summary_lines(report.sources)
        if report.leased_elsewhere:
            names = ", ".join(report.leased_elsewhere)
            lines.append(
                Line(
                    f"{len(report.leased_elsewhere)} source(s) left to other pollers (being"
                    f" polled or already polled this round): {names}"
                )
            )
        if not attention.anything(quiet=False):
            lines.append(Line("Nothing needs an answer now.", header=True))
    print_lines(console, lines)


def print_lines(console: Console, lines: list[Line]) -> None:
    """The report's lines: failing sources to standard error, everything else to output."""
    errors = error_console()
    plain_out: list[str] = []
    for line in lines:
        target = errors if line.error else console
        if not target.is_terminal:
            if line.error:
                write_plain(target, [line.text])
            else:
                plain_out.append(line.text)
            continue
        target.print(Text(line.text, style="bold" if line.header else ""))
    if plain_out:
        write_plain(console, plain_out)


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
