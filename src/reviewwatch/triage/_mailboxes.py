"""A business's role mailbox: an address that belongs to a desk, not to a person.

"support@tidalnotes.app", "hilfe@notizwerk.de" and "soporte@ruta360.es" are a business's own
support addresses whoever writes them: the part before the "@" names a role (support, help,
service ...) and the domain is the business's own, not a mail provider where anyone can open
"support.anna@gmail.com". A phone number given as the business's line ("call us on ...",
"Zadzwoń do nas pod numer ...") is the business's own in the same way. Where a platform allows
the business's own support e-mail (Google Play, your own store) or phone number (your own
store) in a reply, such an address or number passes the checker even when `[business]
contact` does not name it; a person's address never does. The words are in
`data/checks/common.toml` ([mailboxes]).
"""

from __future__ import annotations

import functools
import re

from reviewwatch.triage._data import load_toml

_PARTS = re.compile(r"[.\-_+]")


# How far before a phone number the words that give it as the business's line may stand
# ("Zadzwoń do nas pod numer 22 ...": "pod numer" between).
_DESK_PHONE_REACH = 16


@functools.cache
def _lists() -> tuple[frozenset[str], tuple[str, ...]]:
    table = load_toml("checks", "common")["mailboxes"]
    return frozenset(table["roles"]), tuple(table["mail_providers"])


# What may stand between a verb of calling and the number: a preposition or "number".
_CALL_LINKS = (
    r"(?:\s+(?:on|at|op|au|al|il|o|para|pod|unter|na|under|number|nummer|numer|numero|número"
    r"|numéro|the|le|el|het|de|den))*\s*[:：]?\s*"
)


@functools.cache
def _desk_phone() -> re.Pattern[str]:
    table = load_toml("checks", "common")["mailboxes"]
    cues = "|".join(table["desk_phone"])
    verbs = "|".join(table["call_verbs"])
    start = "(?:(?<![^\\W\\d_])|(?<=[^\\x00-\\u024f]))"
    # The cue, then a few words and no sentence's end before the number; or a verb of
    # calling right before it.
    return re.compile(
        f"{start}(?:(?:{cues})(?P<reach>[^.!?。！？\\n]{{0,{_DESK_PHONE_REACH}}})"
        f"|(?:{verbs}){_CALL_LINKS})$"
    )


# The reviewer or a call already made, between the cue and the number: "our customer service
# called you on ...", "onze klantenservice heeft u gebeld op ..." give the reviewer's number.
_NOT_OURS = re.compile(
    r"(?<![^\W\d_])(?:you|your|u|je|jij|sie|ihnen|vous|te|ti|lei|usted|le|voce|pana|pani|jums|"
    r"called|rang|phoned|gebeld|angerufen|appel[ée]|llamado|llam[oó]|chiamato|ligou|ligamos|"
    r"dzwoni\w*|zvan\w*)(?![^\W\d_])|您|你|给您|給您"
)


def _provider(domain: str, providers: tuple[str, ...]) -> bool:
    """Whether `domain` is a mail provider's: "gmail.com", and "yahoo." or "gmx." under any
    country ending (a listed name that ends with a dot)."""
    for provider in providers:
        if provider.endswith("."):
            if domain.startswith(provider) or f".{provider}" in f".{domain}":
                return True
        elif domain == provider or domain.endswith(f".{provider}"):
            return True
    return False


def is_desk_phone(before: str) -> bool:
    """Whether the text `before` a phone number (case folded) gives it as the business's own
    line: "call us on", "bel onze klantenservice", "請致電客服" just before it. The number the
    reviewer was called on ("we called you on ...") is not."""
    match = _desk_phone().search(before)
    if match is None:
        return False
    reach = match.group("reach")
    return reach is None or _NOT_OURS.search(reach) is None


def is_role_mailbox(address: str) -> bool:
    """Whether `address` (case folded) is a desk's address at a business's own domain."""
    local, at, domain = address.partition("@")
    if not at:
        return False
    roles, providers = _lists()
    if _provider(domain, providers):
        return False
    return any(part in roles for part in _PARTS.split(local))
