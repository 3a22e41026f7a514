"""Short-lived access tokens: cached for the poll, refreshed on expiry or when refused."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from reviewwatch.errors import AuthError

T = TypeVar("T")
# Renew a little early so that a token never expires between the check and the request.
EXPIRY_MARGIN_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class AccessToken:
    value: str
    expires_at: float  # time.monotonic() seconds


TokenFetcher = Callable[[], Awaitable[tuple[str, float]]]


class TokenCache:
    """Holds one source's access token; `fetch` returns (token, lifetime in seconds).

    Tokens live in memory only: they are credentials, and the database never holds one.
    """

    def __init__(self, fetch: TokenFetcher, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._fetch = fetch
        self._clock = clock
        self._token: AccessToken | None = None
        self._lock = asyncio.Lock()
        self.fetches = 0

    async def get(self) -> str:
        async with self._lock:
            if self._token is None or self._clock() >= self._token.expires_at:
                value, lifetime = await self._fetch()
                self.fetches += 1
                expires = self._clock() + max(0.0, lifetime - EXPIRY_MARGIN_SECONDS)
                self._token = AccessToken(value, expires)
            return self._token.value

    def invalidate(self) -> None:
        self._token = None

    async def call(self, request: Callable[[str], Awaitable[T]]) -> T:
        """Run `request` with the token; on a refusal, renew the token once and try again."""
        fetches_before = self.fetches
        token = await self.get()
        try:
            return await request(token)
        except AuthError:
            if self.fetches > fetches_before:
                raise  # a token minted just now was refused: renewing will not help
            self.invalidate()
            return await request(await self.get())
