"""Keeping credentials out of every message: each secret and the forms it travels in.

A platform may echo a credential back in an error body, and error messages are printed, stored
(`sources.last_error`, `replies.error`) and sent to chat and e-mail. A secret rarely comes back
whole: a server echoes the token of `Bearer <token>`, a URL-encoded key, or the base64 pair of a
Basic header. `secret_forms` lists those forms, `scrub` blanks them all.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote, quote_plus

REDACTED = "***"
# Shorter values are too likely to be ordinary words or numbers in a message.
MIN_SECRET_CHARS = 4
_SCHEMES = ("bearer", "basic", "token", "apikey", "api-key", "key", "oauth", "jwt")


def secret_forms(value: str) -> set[str]:
    """`value` and the forms a server may echo it in.

    The credential after an auth scheme (`Bearer tok` -> `tok`), URL-encoded, base64, and for a
    Basic pair (`Basic dXNlcjpwYXNz`) the decoded `user:pass` and its password.
    """
    value = value.strip()
    forms = {value}
    scheme, _, rest = value.partition(" ")
    if rest and scheme.casefold() in _SCHEMES:
        forms.add(rest.strip())
        if scheme.casefold() == "basic":
            forms |= _basic_pair(rest.strip())
    for form in list(forms):
        forms.add(quote(form, safe=""))
        forms.add(quote_plus(form))
        forms.add(base64.b64encode(form.encode("utf-8", "surrogatepass")).decode("ascii"))
    return {form for form in forms if len(form) >= MIN_SECRET_CHARS}


def _basic_pair(encoded: str) -> set[str]:
    try:
        pair = base64.b64decode(encoded, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return set()
    _user, _, password = pair.partition(":")
    return {pair, password} if password else {pair}


def option_secrets(options: Mapping[str, Any]) -> set[str]:
    """Every form of every secret among a source's options (tables of headers included)."""
    from reviewwatch.sources.base import Secret  # the sources package imports this module

    found: set[str] = set()
    for value in options.values():
        values = value.values() if isinstance(value, Mapping) else (value,)
        for secret in values:
            if isinstance(secret, Secret):
                found |= secret_forms(secret.reveal())
    return found


def scrub(message: str, secrets: Iterable[str]) -> str:
    """`message` with every one of `secrets` replaced by ***, longest first."""
    for secret in sorted({s for s in secrets if len(s) >= MIN_SECRET_CHARS}, key=len, reverse=True):
        if secret in message:
            message = message.replace(secret, REDACTED)
    return message
