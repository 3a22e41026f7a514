"""A business's role mailbox: an address that belongs to a desk, not to a person.

"support@tidalnotes.app", "hilfe@notizwerk.de" and "soporte@ruta360.es" are a business's own
support addresses whoever writes them: the part before the "@" names a role (support, help,
service ...) and the domain is the business's own, not a mail provider where anyone can open
"support.anna@gmail.com". Where a platform allows the business's own support e-mail in a reply
(Google Play, your own store), such an address passes the checker even when `[business]
contact` does not name it; a person's address never does. The words are in
`data/checks/common.toml` ([mailboxes]).
"""

from __future__ import annotations

import functools
import re

from reviewwatch.triage._data import load_toml

_PARTS = re.compile(r"[.\-_+]")


@functools.cache
def _lists() -> tuple[frozenset[str], tuple[str, ...]]:
    table = load_toml("checks", "common")["mailboxes"]
    return frozenset(table["roles"]), tuple(table["mail_providers"])


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


def is_role_mailbox(address: str) -> bool:
    """Whether `address` (case folded) is a desk's address at a business's own domain."""
    local, at, domain = address.partition("@")
    if not at:
        return False
    roles, providers = _lists()
    if _provider(domain, providers):
        return False
    return any(part in roles for part in _PARTS.split(local))
