"""What the platform kinds share when they call an API: its address, credentials in headers,
token answers, advice."""

from __future__ import annotations

import base64
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from reviewwatch.errors import AuthError, BadResponseError
from reviewwatch.sources.base import SourceConfig


def base_url(config: SourceConfig, default: str) -> str:
    """The API's address without a trailing slash: the source's `base_url`, else `default`."""
    return (config.base_url or default).rstrip("/")


def bearer(token: str) -> dict[str, str]:
    """The header that sends an access token."""
    return {"Authorization": f"Bearer {token}"}


def basic(user: str, password: str) -> dict[str, str]:
    """The header that sends an OAuth client's id and secret (HTTP Basic)."""
    pair = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return {"Authorization": f"Basic {pair}"}


def token_answer(document: Any, *, where: str, default_lifetime: float) -> tuple[str, float]:
    """(access token, lifetime in seconds) from an OAuth token answer.

    `expires_in` may be a number or a string of seconds (Trustpilot's `"359999"`); when it is
    missing or unreadable the platform's documented lifetime stands in.
    """
    token = document.get("access_token") if isinstance(document, Mapping) else None
    if not isinstance(token, str) or not token:
        raise BadResponseError(f"{where} answered without an access_token")
    lifetime = document.get("expires_in")
    if isinstance(lifetime, bool) or not isinstance(lifetime, int | float | str):
        return token, default_lifetime
    try:
        return token, float(lifetime)
    except ValueError:
        return token, default_lifetime


@contextmanager
def auth_advice(advice: str) -> Iterator[None]:
    """Add `advice` (what to check) to the message when the platform refuses the credentials."""
    try:
        yield
    except AuthError as error:
        raise AuthError(f"{error}. {advice}") from None
