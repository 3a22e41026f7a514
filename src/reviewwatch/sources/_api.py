"""What the platform kinds share when they call an API: its address, bearer tokens, advice."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reviewwatch.errors import AuthError
from reviewwatch.sources.base import SourceConfig


def base_url(config: SourceConfig, default: str) -> str:
    """The API's address without a trailing slash: the source's `base_url`, else `default`."""
    return (config.base_url or default).rstrip("/")


def bearer(token: str) -> dict[str, str]:
    """The header that sends an access token."""
    return {"Authorization": f"Bearer {token}"}


@contextmanager
def auth_advice(advice: str) -> Iterator[None]:
    """Add `advice` (what to check) to the message when the platform refuses the credentials."""
    try:
        yield
    except AuthError as error:
        raise AuthError(f"{error}. {advice}") from None
