"""Who and what a reply draft names: the reviewer's first name (never a surname, initials or a
handle; in the vocative where the language greets with one), the product when its name reads
like one, and the staff member the review speaks of, in the words of the draft's language."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from reviewwatch.triage._data import load_toml
from reviewwatch.triage.analysis import analyse
from reviewwatch.triage.models import ReviewInput

_NAME = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CODE_LIKE = re.compile(r"[A-Z0-9-]{6,}")
# A package id, domain, path, e-mail or identifier: dotted or slashed words with no space,
# snake_case, or a long run of digits.
_MACHINE_NAME = re.compile(r"^\S*[./@_\\]\S*$|://|\d{5,}|^[a-z]+[A-Z]\w*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@functools.lru_cache(maxsize=4096)
def first_name(author: str | None) -> str | None:
    """The reviewer's first name ("Jane D." -> "Jane"), or None: never a surname or a handle."""
    if not author or _CJK.search(author):
        return None
    tokens = author.split()
    if not tokens or not _NAME.fullmatch(tokens[0]):
        return None
    names = load_toml("replies", "_names")
    word = tokens[0]
    lowered = word.lower()
    if lowered in names["generic"] or lowered.rstrip(".") in names["titles"]:
        return None
    # "van der Berg": a surname with its particle, no first name.
    if lowered in names["particles"]:
        return None
    # "J", "JR": initials, not a name.
    if len(word) < 2 or len(word) > 20 or (word.isupper() and len(word) <= 2):
        return None
    if word.islower() or word.isupper():
        # "maria" -> "Maria", "JEAN-PIERRE" -> "Jean-Pierre", "O'NEIL" -> "O'Neil".
        return "".join(part.capitalize() for part in re.split(r"(['’-])", word))
    return word


def product_name(review: ReviewInput) -> str | None:
    """The product or subject, when it reads like a human-readable name: not a code (ASIN,
    SKU), an app's package id (com.leafandcup.app), a link, a file name or an order number."""
    subject = (review.subject or "").strip()
    if not subject or len(subject) > 60 or _CODE_LIKE.fullmatch(subject):
        return None
    if _MACHINE_NAME.search(subject) or not any(char.isalpha() for char in subject):
        return None
    return subject


def staff_role(text: str, code: str) -> str:
    """The staff member the review names ("the waiter was rude" -> "waiter"), in the words of
    the draft's `[roles]` table; "" when the review names none or the language has no table."""
    roles: Mapping[str, str] = load_toml("replies", code).get("roles", {})
    if not roles:
        return ""
    return next((roles[word] for word in analyse(text).words if word in roles), "")


def vocative(name: str, code: str) -> str:
    """The name as it is said when greeting someone: Latvian greets "Sveiki, Jāni!" (Jānis),
    "Andri" (Andris), "Edgar" (Edgars); other draft languages use the name as it is."""
    if code != "lv":
        return name
    for ending, vocative in (("is", "i"), ("us", "u"), ("s", ""), ("š", "")):
        if name.endswith(ending) and len(name) > len(ending) + 1:
            return name[: -len(ending)] + vocative
    return name
