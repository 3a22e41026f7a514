"""Texts the checker's relations have nothing to read in: a name, a greeting.

The relations of `_reply_spans.raw_spans` each start from a concept's occurrence (an offer, a
review, a request, a court ...) and relate it to others; the few that start from a regex of
their own need a digit, a currency sign or a question mark (a price, a clock time, an address,
a question on the reviewer's mood). So a text of letters, spaces and a name's marks in which no
concept occurs and no pattern rule matches has no span at all: its spans are those of the
empty text, and reading it again relation by relation (about 0.3 ms for a new reviewer's name
in every language) finds nothing more. The same holds where only a concept occurs that no
relation reads on its own (`ALONE_SAY_NOTHING`: the "bon" of "Bonjour Jane,"). A test holds
`raw_spans` to that on names, greetings and the relations' own starting words.
"""

from __future__ import annotations

import re

from reviewwatch.triage import _concepts as concepts
from reviewwatch.triage._phrases import (
    email_spans,
    find_spans,
    link_spans,
    offer_spans,
    pattern_rules,
    phone_spans,
    phrases_absent,
)

# Letters, spaces and the marks of a name ("Mary-Ann", "O'Brien", "J. Smith") or a greeting
# ("Dear Jane,", "Hallo Jane!", "Hola, Jane:"): no digit, question mark, currency sign, "@"
# or "/".
_PLAIN = re.compile(r"(?:[^\W\d_]|[ ,.'!:-])*")


# Concepts that no relation reads on their own: each relation that reads one relates it to
# another concept, so a plain text in which only these occur has no span either. "positive"
# (good, great, "bon", "buen", "gut") opens many greetings ("Bonjour Jane,", "Buenos días,
# Jane:"); only `praise_asks` (with a review or rating) and `rated_asks` (after an ask for a
# review) read it. A test holds the relations to that list.
ALONE_SAY_NOTHING = frozenset({"positive"})


def plain_and_silent(text: str, languages: tuple[str, ...], reading: concepts.Reading) -> bool:
    """Whether folded `text` is plain (letters, spaces, name marks), holds no concept (or only
    concepts of `ALONE_SAY_NOTHING`, and then no phrase) and matches no pattern rule, contact
    or offer pattern: then it has no span at all."""
    if not _PLAIN.fullmatch(text):
        return False
    silent = reading.silent()
    if not silent and not reading.occurs_only(ALONE_SAY_NOTHING):
        return False
    if email_spans(text) or link_spans(text) or next(phone_spans(text), None) is not None:
        return False
    if phrases_absent(text, languages, reading.caseless):
        return True
    if not silent:
        return False
    # A phrase matched: only a negation or thanks before it may still leave nothing.
    if offer_spans(text, languages):
        return False
    return not any(
        find_spans(rule.name, text, languages, reading)
        for rule in pattern_rules()
        if rule.when not in ("contact", "links")
    )
