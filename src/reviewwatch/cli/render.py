"""Everything that reaches the terminal: consoles, safe text, tables, JSON.

Review text comes from strangers. It is never read as rich markup (it is always wrapped in
`Text`), and escape sequences and other control characters are removed before display, so a
review cannot recolour, retitle or rewrite the user's terminal.
"""

from __future__ import annotations

import html
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from rich.console import Console, JustifyMethod
from rich.text import Text

from reviewwatch.errors import ReviewwatchError
from reviewwatch.models import Review

# CSI and OSC sequences first (so their parameters go too), then any other control character,
# and the bidirectional overrides that can make text read differently from what it is.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]?"  # other two-byte escapes, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # C0 (but tab, newline) and C1 controls, DEL
    r"|[\u202a-\u202e\u2066-\u2069]"  # bidi embeddings, overrides and isolates
)


def clean(text: str | None) -> str:
    """Text with every escape sequence and control character (but newline and tab) removed."""
    if not text:
        return ""
    return _ESCAPES.sub("", text.replace("\r\n", "\n"))


# Markup that scrapers leave in review text: entities are decoded for reading, line-break
# tags become line breaks and other tags go.
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]{0,200})?/?>", re.IGNORECASE)


# Joiners that emoji sequences and some scripts need ("👨‍👩‍👧", Persian): kept.
_JOINERS = frozenset("\u200c\u200d")


def readable(text: str | None) -> str:
    """Outside text as a person reads it on screen: cleaned (`clean`), HTML entities decoded
    ("didn&#39;t"), tags out ("<br />" a line break), and invisible format characters such
    as zero-width spaces removed, since they shift a table's columns. The stored text and
    the exports keep what was written."""
    shown = clean(text)
    if "&" in shown or "<" in shown:
        shown = html.unescape(_TAG.sub("", _BREAK_TAG.sub("\n", shown)))
        shown = clean(shown)
    if not shown.isascii():
        shown = "".join(
            char for char in shown if char in _JOINERS or unicodedata.category(char) != "Cf"
        )
    return shown


def safe(text: str | None, style: str = "") -> Text:
    """Outside text, readable (`readable`), as a rich Text that is never parsed for markup."""
    return Text(readable(text), style=style)


def one_line(text: str | None, width: int = 60) -> str:
    flat = " ".join(readable(text).split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def shortened(text: str | None, width: int) -> str:
    """`one_line`, cut at the last space before `width` when there is one near the end (text
    without spaces, such as Chinese, is cut at `width`)."""
    flat = " ".join(readable(text).split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    space = cut.rfind(" ")
    if space >= width * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def make_console(stream: TextIO | None = None) -> Console:
    """A console that never interprets markup or emoji codes in what it prints."""
    return Console(
        file=stream or sys.stdout,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=not (stream or sys.stdout).isatty(),
    )


def error_console() -> Console:
    return make_console(sys.stderr)


def print_error(error: ReviewwatchError | str) -> None:
    console = error_console()
    console.print(Text("error: ", style="bold red"), Text(clean(str(error))), sep="")


def print_warning(message: str) -> None:
    error_console().print(Text("warning: ", style="yellow"), Text(clean(message)), sep="")


def print_shown(shown: int, total: int) -> None:
    """`showing 50 of 66 (--limit, --all)`, on stderr: piped output stays only reviews."""
    error_console().print(
        Text(f"showing {shown} of {total} (--limit N for more, --all for every one)", style="dim")
    )


def print_json(document: Any, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def review_stars(review: Review) -> str:
    """Stars, and where the rating rose after the review was flagged, what it was."""
    shown = stars(review.rating, review.polarity)
    return f"{shown} (was {review.flagged_rating})" if review.rose_after_flag else shown


def stars(rating: int | None, polarity: str | None = None) -> str:
    if rating is None:
        return {"negative": "neg", "neutral": "neu", "positive": "pos"}.get(polarity or "", "-")
    return "★" * rating + "☆" * (5 - rating)


def local_time(moment: datetime | None, zone: str) -> str:
    if moment is None:
        return "-"
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def age(moment: datetime | None, now: datetime | None = None) -> str:
    """A short age: 5m, 3h, 2d, 7w."""
    if moment is None:
        return "-"
    seconds = max(0, int(((now or datetime.now(UTC)) - moment).total_seconds()))
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def write_plain(console: Console, lines: Iterable[str]) -> None:
    """Lines of already cleaned text, written as they are (output that is not a terminal)."""
    console.file.write("".join(f"{line}\n" for line in lines))


def review_snippet(review: Review, width: int = 60) -> str:
    return one_line(" — ".join(part for part in (review.title, review.body) if part), width)


def review_table(
    console: Console,
    reviews: Iterable[Review],
    *,
    zone: str,
    title: str = "",
    highlight: Sequence[str] = (),
) -> int:
    """Reviews as a rich table on a terminal, tab-separated lines when piped; returns the count."""
    rows = list(reviews)
    if not console.is_terminal:
        lines = [f"{title}:"] if title else []
        lines.append("\t".join(PIPED_COLUMNS))
        for review in rows:
            cells = [
                str(review.id),
                clean(review.source),
                str(review.rating if review.rating is not None else (review.polarity or "")),
                local_time(review.created_at or review.first_seen_at, zone),
                _status(review),
                "flagged" if review.flagged else "",
                review.language or "",
                review_snippet(review, 100),
            ]
            lines.append("\t".join(cells))
        write_plain(console, lines)
        return len(rows)
    from rich.table import Table  # only on a terminal: start-up

    table = Table(title=title or None, show_lines=False, header_style="bold")
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        ("ID", "right"),
        ("Source", "left"),
        ("Stars", "left"),
        ("Age", "right"),
        ("Status", "left"),
        ("Lang", "left"),
        ("Review", "left"),
    )
    for column, justify in columns:
        table.add_column(column, justify=justify, overflow="ellipsis", no_wrap=column != "Review")
    for review in rows:
        style = "red" if review.flagged else ""
        snippet = safe(review_snippet(review, 60 if not highlight else 200))
        if highlight:
            snippet.highlight_words(highlight, style="bold reverse", case_sensitive=False)
        table.add_row(
            str(review.id),
            safe(review.source),
            Text(review_stars(review), style=style),
            age(review.created_at or review.first_seen_at),
            _status(review),
            review.language or "",
            snippet,
        )
    console.print(table)
    return len(rows)


PIPED_COLUMNS = ("id", "source", "rating", "written", "status", "flagged", "language", "review")


def _status(review: Review) -> str:
    """The status, and `removed` when the platform no longer shows the review."""
    return f"{review.status}, removed" if review.removed_at else review.status


def key_values(console: Console, pairs: Sequence[tuple[str, str | Text]]) -> None:
    width = max(len(key) for key, _ in pairs)
    for key, value in pairs:
        console.print(
            Text(f"{key:<{width}}  ", style="bold"),
            value if isinstance(value, Text) else safe(value),
            sep="",
        )
