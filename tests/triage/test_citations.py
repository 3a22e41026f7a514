"""Policy packs cite only the platforms' own pages, each for its own platform.

Every URL under `triage/data/` must be on the allow-list below: the platforms' own domains plus
the few secondary sources used where no official page exists. A secondary source is cited only
with the words "not confirmed by the platform; reviewwatch takes the safe side". A finding on
platform P cites P's own rule or the universal rule, never another platform's.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from reviewwatch.triage.models import PLATFORMS
from reviewwatch.triage.policies import load_policy

DATA = Path(__file__).resolve().parents[2] / "src" / "reviewwatch" / "triage" / "data"
URL = re.compile(r"https?://[^\s\"'),;]+")
UNCONFIRMED = "not confirmed by the platform; reviewwatch takes the safe side"

_AMAZON = frozenset(
    {
        "sellercentral.amazon.com",
        "sellercentral.amazon.com.au",
        "sellercentral.amazon.co.uk",
        "sellercentral-europe.amazon.com",
        "www.amazon.co.uk",
        "www.amazon.com",
    }
)
_GOOGLE = frozenset({"support.google.com", "developers.google.com"})
OFFICIAL: dict[str, frozenset[str]] = {
    "amazon_feedback": _AMAZON,
    "amazon_review": _AMAZON,
    "google_business": _GOOGLE,
    "google_play": _GOOGLE,
    "app_store": frozenset({"developer.apple.com"}),
    "trustpilot": frozenset({"support.trustpilot.com", "legal.trustpilot.com"}),
    "yelp": frozenset({"www.yelp-support.com", "blog.yelp.com", "business.yelp.com"}),
    "ebay": frozenset(
        {
            "www.ebay.com",
            "www.ebay.ca",
            "www.ebay.co.uk",
            "www.ebay.ie",
            "developer.ebay.com",
            "ocsnext.ebay.ca",
        }
    ),
    "etsy": frozenset({"help.etsy.com", "www.etsy.com"}),
    "shopify": frozenset(),
    "taobao": frozenset(),
    "generic": frozenset(),
}
# Secondary sources, only where no official page was found (each cited as not confirmed).
SECONDARY: dict[str, frozenset[str]] = {
    "amazon_feedback": frozenset({"www.junglescout.com"}),
    "taobao": frozenset({"www.hbruiju.com", "m.shinternational.cn", "github.com"}),
}


def _allowed(platform: str) -> frozenset[str]:
    return OFFICIAL[platform] | SECONDARY.get(platform, frozenset())


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _hosts(text: str) -> list[str]:
    return [urlsplit(url).hostname or "" for url in URL.findall(text)]


def _pack_text(platform: str) -> list[str]:
    """Every string of a platform's pack, laid over the defaults, as the tool reads them."""
    policy = load_policy(platform)
    return [
        policy.reply.policy,
        policy.reply.why,
        policy.channel.policy,
        policy.update_request.policy,
        policy.update_request.why,
        policy.removal.policy,
        policy.solicit_policy,
        policy.follow_up_policy,
        *policy.checks.values(),
        *policy.unclear,
        *(rule.policy for rule in policy.removal.grounds),
    ]


def test_every_platform_has_an_allow_list() -> None:
    assert set(OFFICIAL) == set(PLATFORMS)


def test_every_url_in_the_data_is_on_the_allow_list() -> None:
    allowed = frozenset().union(*OFFICIAL.values(), *SECONDARY.values())
    files = sorted(DATA.rglob("*.toml"))
    assert len(files) > 20
    cited = 0
    for path in files:
        for text in _strings(tomllib.loads(path.read_text(encoding="utf-8"))):
            for host in _hosts(text):
                cited += 1
                assert host in allowed, f"{path.name} cites {host}, not an official host"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("#"):
                for host in _hosts(line):
                    assert host in allowed, f"{path.name} comment cites {host}"
    assert cited > 80


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_platform_cites_only_its_own_pages(platform: str) -> None:
    for text in _pack_text(platform):
        for host in _hosts(text):
            assert host in _allowed(platform), f"{platform} cites {host}: {text}"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_secondary_sources_are_worded_as_unconfirmed(platform: str) -> None:
    for text in _pack_text(platform):
        if any(host in SECONDARY.get(platform, ()) for host in _hosts(text)):
            assert UNCONFIRMED in text, text


def test_no_unexplained_source_markers() -> None:
    for path in sorted((DATA / "policies").glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\[(?:O|S|SDK)(?:, mirror)?\]", text), path.name


def test_no_mirror_proxy_or_typo_hosts() -> None:
    bad = ("netlify", "mirror", "wwww.", "proxy", "translate.google", "phonenumber", "-mdn.")
    for path in sorted(DATA.rglob("*.toml")):
        hosts = _hosts(path.read_text(encoding="utf-8"))
        assert not [host for host in hosts if any(mark in host for mark in bad)], path.name


def test_universal_rules_name_no_platform() -> None:
    defaults = tomllib.loads((DATA / "policies" / "_defaults.toml").read_text(encoding="utf-8"))
    for section in ("reply", "private_channel", "update_request", "removal", "solicit", "checks"):
        for text in _strings(defaults[section]):
            assert not _hosts(text), text
