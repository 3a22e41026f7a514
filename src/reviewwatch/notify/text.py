"""Outside text made fit for an alert, and credentials kept out of everything we write.

Review text comes from strangers. Before it reaches an alert it loses terminal escapes and
control characters, is cut to a sensible length, and is escaped for the channel it goes to
(each channel module does the last step).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
    r"|[\u2028\u2029]"  # line and paragraph separators: they break lines like CR/LF
)
REDACTED = "***"


def clean_text(text: str | None) -> str:
    """Text with escape sequences and control characters (but newline and tab) removed."""
    if not text:
        return ""
    return _ESCAPES.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str | None, width: int = 80) -> str:
    """Cleaned text on one line, cut at a word boundary near `width` with an ellipsis."""
    flat = " ".join(clean_text(text).split())
    return truncate(flat, width)


def truncate(text: str, width: int) -> str:
    """`text` cut to at most `width` characters, preferring a word boundary."""
    if len(text) <= width:
        return text
    cut = text[: max(1, width - 1)]
    space = cut.rfind(" ")
    # Only back up to a space when it keeps most of the text (CJK text has no spaces).
    if space >= width * 2 // 3:
        cut = cut[:space]
    return cut.rstrip() + "…"


def stars_label(rating: int | None, polarity: str | None) -> str:
    """`1★` for a star rating, else the polarity (`negative`), else `unrated`."""
    if rating is not None:
        return f"{rating}★"
    return polarity or "unrated"


def redact_destination(url: str) -> str:
    """A webhook URL fit for an error message: scheme and host only.

    Webhook URLs are credentials: Slack, Discord and Teams carry the token in the path, and
    generic hooks (Zapier, Make ...) often do too, so the path and query never appear.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname or "?"
        port = parts.port
    except ValueError:
        return "an invalid URL"
    if port:
        host = f"{host}:{port}"
    return f"{parts.scheme or 'http'}://{host}"


def scrub(message: str, secrets: Iterable[str]) -> str:
    """`message` with every secret value (and, for URLs, their path) replaced by ***.

    The last line of defence: errors are written without credentials in the first place, but
    a library or a server may echo a URL or a login back at us.
    """
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        message = message.replace(secret, REDACTED)
        path = _secret_path(secret)
        if path:
            message = message.replace(path, REDACTED)
    return message


def _secret_path(url: str) -> str | None:
    """The path and query of a URL with a meaningful path, which holds a webhook's token."""
    if "://" not in url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    tail = parts.path + (f"?{parts.query}" if parts.query else "")
    # A short path such as `/hooks` is no secret, and replacing it would garble the message.
    return tail if len(tail) >= 8 else None


def local_time(moment: datetime, zone: str = "UTC") -> str:
    """`2026-11-20 09:15 CET`: a time in `zone` ([settings] timezone), to the minute, with the
    zone's abbreviation so that a reader never has to guess. An unknown zone falls back to UTC."""
    try:
        where = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        where = ZoneInfo("UTC")
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    local = aware.astimezone(where)
    return f"{local:%Y-%m-%d %H:%M} {local.tzname() or zone}"
