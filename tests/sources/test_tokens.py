"""Access token caches: renewal, refusals, and tokens shared by one credential's sources."""

from __future__ import annotations

import asyncio

import pytest

from reviewwatch.errors import AuthError
from reviewwatch.sources.tokens import SharedTokens, TokenCache


class Minter:
    """A token endpoint: numbered tokens, or a refusal; counts what it was asked."""

    def __init__(self, *, refuse: bool = False) -> None:
        self.refuse = refuse
        self.asked = 0

    async def __call__(self) -> tuple[str, float]:
        self.asked += 1
        await asyncio.sleep(0.01)
        if self.refuse:
            raise AuthError("the credential was refused")
        return f"token-{self.asked}", 3600.0


def test_one_credential_is_one_cache_and_sources_at_once_ask_once() -> None:
    shared, minter, other = SharedTokens(), Minter(), Minter()
    credential = ("trustpilot", "https://api.example/token", "key", "user", "pw")
    first = shared.cache(credential, minter)
    assert shared.cache(credential, Minter()) is first  # the first asker's endpoint is kept
    assert shared.cache((*credential[:-1], "other pw"), other) is not first

    async def main() -> list[str]:
        return await asyncio.gather(*(first.get() for _ in range(5)))

    assert asyncio.run(main()) == ["token-1"] * 5
    assert (minter.asked, other.asked) == (1, 0)


def test_a_refused_credential_is_not_asked_again() -> None:
    minter = Minter(refuse=True)
    cache = TokenCache(minter)

    async def main() -> list[BaseException | str]:
        return await asyncio.gather(*(cache.get() for _ in range(3)), return_exceptions=True)

    results = asyncio.run(main())
    assert all(isinstance(result, AuthError) for result in results)
    assert minter.asked == 1


def test_a_token_refused_by_the_api_is_renewed_once() -> None:
    minter = Minter()
    cache = TokenCache(minter)
    used: list[str] = []

    async def request(token: str) -> str:
        used.append(token)
        if token == "token-1":
            raise AuthError("expired")
        return "listing"

    async def main() -> str:
        await cache.get()  # token-1 is cached from an earlier request
        return await cache.call(request)

    assert asyncio.run(main()) == "listing"
    assert used == ["token-1", "token-2"]


def test_a_token_refused_as_soon_as_minted_is_not_renewed() -> None:
    minter = Minter()
    cache = TokenCache(minter)

    async def request(token: str) -> str:
        raise AuthError(f"{token} refused")

    with pytest.raises(AuthError, match="token-1 refused"):
        asyncio.run(cache.call(request))
    assert minter.asked == 1


def test_a_refusal_of_an_old_token_keeps_the_newer_one() -> None:
    minter = Minter()
    cache = TokenCache(minter)

    async def main() -> str:
        old = await cache.get()
        cache.invalidate(old)
        newer = await cache.get()  # another source renewed meanwhile
        cache.invalidate(old)  # a late refusal of the old token
        return newer + " " + await cache.get()

    assert asyncio.run(main()) == "token-2 token-2"
    assert minter.asked == 2
