"""The poll report as plain text that reads well in a cron mail: a header line per section,
a header row per table, every review with its id, source, stars, due time, a one-line excerpt
and the command that opens it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from rich.cells import cell_len

from reviewwatch.attention import Attention, FlaggedLine, SourceFailure
from reviewwatch.cli.render import clean, one_line
from reviewwatch.models import Review, SourceReport

SKIPPED_SHOWN = 20


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    header: bool = False
    error: bool = False  # written to standard error (failing sources), the rest to output


def when(moment: datetime | None, zone: str) -> str:
    """A time as a person reads it: in `settings.timezone`, to the minute."""
    if moment is None:
        return "-"
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def stars_text(rating: int | None, polarity: str | None) -> str:
    if rating is not None:
        return f"{rating}★"
    return polarity or "unrated"


def _change(line: FlaggedLine) -> str:
    if not line.edited:
        return "new"
    review = line.review
    if line.was_rating is not None and review.rating is not None:
        return f"edited: {line.was_rating} -> {review.rating} stars"
    was = stars_text(line.was_rating, line.was_polarity)
    return f"edited: {was} -> {stars_text(review.rating, review.polarity)}"


def _table(rows: Sequence[Sequence[str]]) -> list[Line]:
    """Rows (the first is the header row) as aligned columns, two spaces apart."""
    widths = [max(cell_len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell + " " * (width - cell_len(cell)) for cell, width in zip(row, widths, strict=True)
        ]
        lines.append(Line(("  " + "  ".join(cells)).rstrip()))
    return lines


def _review_rows(
    reviews: Sequence[Review],
    zone: str,
    command: str,
    changes: Sequence[str] | None = None,
    about: Mapping[int, Sequence[str]] | None = None,
) -> list[Line]:
    header = ["ID", "SOURCE", "STARS"]
    if changes is not None:
        header.append("CHANGE")
    if about is not None:
        header.append("ABOUT")
    header += [f"REPLY DUE ({zone})", "REVIEW", "OPEN WITH"]
    rows = [header]
    for index, review in enumerate(reviews):
        row = [f"#{review.id}", clean(review.source), stars_text(review.rating, review.polarity)]
        if changes is not None:
            row.append(changes[index])
        if about is not None:
            row.append(", ".join(about.get(review.id, ())) or "-")
        excerpt = one_line(" — ".join(p for p in (review.title, review.body) if p), 50)
        row += [when(review.due_at, zone), excerpt or "(no text)", f"{command} show {review.id}"]
        rows.append(row)
    return _table(rows)


def attention_lines(
    attention: Attention,
    *,
    zone: str,
    command: str,
    quiet: bool,
    about: Mapping[int, Sequence[str]] | None = None,
) -> list[Line]:
    """The sections that need the user; with `quiet`, lasting matters only when told.

    `about`: the complaint categories of the newly flagged reviews, by id (from triage).
    """
    lines: list[Line] = []
    if attention.flagged:
        lines.append(Line(f"New flagged reviews ({len(attention.flagged)})", header=True))
        changes = [_change(line) for line in attention.flagged]
        reviews = [line.review for line in attention.flagged]
        lines += _review_rows(reviews, zone, command, changes, about or {})
    if attention.overdue_total and (attention.overdue_told or not quiet):
        oldest = attention.overdue[0].due_at if attention.overdue else None
        lines.append(
            Line(
                f"Replies overdue: {attention.overdue_total} "
                f"(oldest due {when(oldest, zone)} {zone})",
                header=True,
            )
        )
        lines += _review_rows(attention.overdue, zone, command)
        more = attention.overdue_total - len(attention.overdue)
        if more > 0:
            lines.append(Line(f"  ... and {more} more: {command} list --flagged --overdue"))
    failing = [f for f in attention.failing if f.told or not quiet]
    if failing:
        lines.append(Line(f"Sources failing ({len(failing)})", header=True, error=True))
        lines += [Line("  " + _failure(failure, zone), error=True) for failure in failing]
    if attention.recovered:
        lines.append(Line(f"Sources recovered ({len(attention.recovered)})", header=True))
        for recovery in attention.recovered:
            since = when(recovery.since, zone)
            lines.append(Line(f"  {clean(recovery.name)}: recovered (failing since {since})"))
    skipped = [s for s in attention.skipped if s.told or not quiet]
    if skipped:
        problems = [problem for group in skipped for problem in group.problems]
        lines.append(Line(f"Records skipped ({len(problems)})", header=True))
        for problem in problems[:SKIPPED_SHOWN]:
            lines.append(
                Line(
                    f"  {clean(problem.source)} {clean(problem.position)}: {clean(problem.reason)}"
                )
            )
        if len(problems) > SKIPPED_SHOWN:
            lines.append(Line(f"  ... and {len(problems) - SKIPPED_SHOWN} more records skipped"))
    mapping = [m for m in attention.mapping if m.told or not quiet]
    if mapping:
        warnings = [warning for group in mapping for warning in group.problems]
        lines.append(Line(f"Warnings ({len(warnings)})", header=True))
        for warning in warnings:
            lines.append(Line(f"  {clean(warning.source)}: {clean(warning.reason)}"))
    if attention.remapped:
        lines.append(Line("Field mapping changed", header=True))
        for name, count in attention.remapped:
            lines.append(
                Line(
                    f"  {clean(name)}: {count} stored review{'s' if count != 1 else ''} read "
                    "differently with the new mapping; kept as versions marked 'mapping', "
                    "not as edits (no alerts, statuses unchanged)"
                )
            )
    baselines = [wait for wait in attention.baselines if wait.flagged or not quiet]
    if baselines:
        lines.append(Line("First poll: stored as the baseline", header=True))
        for wait in baselines:
            text = f"  {clean(wait.source)}: {wait.reviews} reviews stored as the baseline"
            if wait.flagged:
                text += (
                    f"; {wait.flagged} low-star review{'s' if wait.flagged != 1 else ''} "
                    f"wait{'s' if wait.flagged == 1 else ''} there with no reply deadline: "
                    f"{command} list --flagged --source {wait.source}"
                )
            else:
                text += "; none of them is low-star"
            lines.append(Line(text))
        lines.append(Line("  From now on, new and edited low-star reviews are reported."))
    return lines


def _failure(failure: SourceFailure, zone: str) -> str:
    name, error = clean(failure.name), one_line(failure.error, 200)
    if failure.state == "started":
        return f"{name}: {error} (failing from this poll on)"
    since = when(failure.since, zone)
    if failure.state == "changed":
        return f"{name}: {error} (failing since {since}; the error changed)"
    return f"{name}: {error} (failing since {since}; told again once a day)"


def summary_lines(sources: Sequence[SourceReport]) -> list[Line]:
    """One line per source that was fetched: what the poll did."""
    lines = []
    for source in sources:
        if not source.ok:
            continue
        if source.baseline:
            lines.append(
                Line(
                    f"{clean(source.name)}: first poll, {source.new} reviews stored as the baseline"
                )
            )
            continue
        parts = [f"{source.fetched} fetched", f"{source.new} new", f"{source.updated} updated"]
        if source.removed:
            parts.append(f"{source.removed} removed")
        if source.requests:
            parts.append(f"{source.requests} request{'s' if source.requests != 1 else ''}")
        lines.append(Line(f"{clean(source.name)}: " + ", ".join(parts)))
    return lines
