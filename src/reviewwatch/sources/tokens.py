"""Short-lived access tokens: cached for the poll, refreshed on expiry or when refused, and
shared by the sources that sign in with the same credential."""

from __future__ import annotations

import asyncio
import hashlib
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
    """Holds one credential's access token; `fetch` returns (token, lifetime in seconds).

    Tokens live in memory only: they are credentials, and the database never holds one. A
    credential the platform refused is not offered again in this poll: every source sharing it
    gets the same refusal, without a request each.
    """

    def __init__(self, fetch: TokenFetcher, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._fetch = fetch
        self._clock = clock
        self._token: AccessToken | None = None
        self._refusal: AuthError | None = None
        self._lock = asyncio.Lock()
        self.fetches = 0

    async def get(self) -> str:
        async with self._lock:
            if self._refusal is not None:
                raise self._refusal
            if self._token is None or self._clock() >= self._token.expires_at:
                self.fetches += 1
                try:
                    value, lifetime = await self._fetch()
                except AuthError as refusal:
                    self._refusal = refusal
                    raise
                expires = self._clock() + max(0.0, lifetime - EXPIRY_MARGIN_SECONDS)
                self._token = AccessToken(value, expires)
            return self._token.value

    def invalidate(self, token: str) -> None:
        """Forget `token` (refused by the platform), unless a newer one has replaced it."""
        if self._token is not None and self._token.value == token:
            self._token = None

    async def call(self, request: Callable[[str], Awaitable[T]]) -> T:
        """Run `request` with the token; on a refusal, renew the token once and try again."""
        fetches_before = self.fetches
        token = await self.get()
        try:
            return await request(token)
        except AuthError:
            if self.fetches > fetches_before:
                raise  # a token minted for this call was refused: renewing will not help
            self.invalidate(token)
            return await request(await self.get())


class SharedTokens:
    """The token caches of one poll, one per credential.

    Sources that sign in with the same credential (the apps of one Google service account, the
    business units of one Trustpilot user, the marketplaces of one Amazon seller) share one
    token, asked for once per poll instead of once per source. A credential is named by all
    of its parts, secrets included; only a digest of them is kept as the name.
    """

    def __init__(self) -> None:
        self._caches: dict[str, TokenCache] = {}

    def cache(self, credential: tuple[str, ...], fetch: TokenFetcher) -> TokenCache:
        """The cache of this credential; made with `fetch` (the first asker's) if new."""
        name = hashlib.sha256("\0".join(credential).encode()).hexdigest()
        found = self._caches.get(name)
        if found is None:
            found = self._caches[name] = TokenCache(fetch)
        return found
