"""One wording for every name a user may mistype: what was not known, and what was meant.

`unknown category 'shiping_delay'; did you mean 'shipping_delay'?` when one valid name is close
to the typo, `unknown category 'xyz'; known: ...` (the valid names, briefly) when none is. The
config, the CLI and the notifiers all word their unknown names through here, so every such
message has the same shape and fits on one line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

# How alike a typo and a name must be (difflib's ratio) for the name to be suggested.
_CUTOFF = 0.6
# At most this many valid names are listed when none is close.
_LISTED = 16


def closest_name(word: str, known: Iterable[str]) -> str | None:
    """The valid name closest to `word` (any case), or None when none is close enough."""
    by_lower: dict[str, str] = {}
    for name in known:
        by_lower.setdefault(name.lower(), name)
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=_CUTOFF)
    return by_lower[close[0]] if close else None


def _alias_of(word: str, aliases: Mapping[str, str]) -> str | None:
    """The name that `word` (any case) is another word for, if `aliases` says so."""
    by_lower = {alias.lower(): name for alias, name in aliases.items()}
    return by_lower.get(word.lower())


def did_you_mean(what: str, word: str, suggestion: str) -> str:
    """`unknown <what> 'word'; did you mean 'suggestion'?`"""
    return f"unknown {what} {word!r}; did you mean {suggestion!r}?"


def unknown_name(
    what: str,
    word: str,
    known: Iterable[str],
    *,
    otherwise: str | None = None,
    empty: str = "there is none",
    aliases: Mapping[str, str] | None = None,
) -> str:
    """The message for a `word` that is not one of the `known` names of `what`.

    With a close name, or a word that `aliases` (any case) says stands for a name ("tls" for
    "starttls", too unlike it for difflib): `unknown <what> 'word'; did you mean 'name'?`.
    Without one, `otherwise` when given (for sets too large to list, such as time zones), else
    the valid names, at most sixteen of them; `empty` when there is no valid name at all.
    """
    names = list(dict.fromkeys(known))
    close = _alias_of(word, aliases or {}) or closest_name(word, names)
    if close is not None:
        return did_you_mean(what, word, close)
    if otherwise is not None:
        hint = otherwise
    elif not names:
        hint = empty
    else:
        hint = "known: " + ", ".join(names[:_LISTED])
        if len(names) > _LISTED:
            hint += f" and {len(names) - _LISTED} more"
    return f"unknown {what} {word!r}; {hint}"


def unknown_time_zone(zone: str) -> str:
    """The message for a time zone that is not one: the closest zone name, or examples (the
    hundreds of zone names are too many to list)."""
    from zoneinfo import available_timezones

    return unknown_name(
        "time zone",
        zone,
        sorted(available_timezones()),
        otherwise="use a name such as UTC, Europe/Riga or America/New_York",
    )


def unknown_encoding(encoding: str) -> str:
    """The message for a text encoding Python does not know: the closest of its names
    (`utf-8`, `cp1252`, `latin-1` ...), or examples."""
    from encodings.aliases import aliases

    names = sorted({name.replace("_", "-") for name in (*aliases, *aliases.values())})
    return unknown_name(
        "encoding", encoding, names, otherwise="use one such as utf-8, utf-16 or cp1252"
    )
