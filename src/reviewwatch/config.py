"""The TOML config: parsed, validated (every problem at once), secrets resolved.

Any string may be `${NAME}` (or hold `${NAME}` inside it), read from the environment. A secret
option `key` may instead be given as `key_file`, a file that holds the secret. Unknown keys are
errors: they are nearly always typos.

Here are the typed config and its `[settings]` and `[[notify]]` tables. The reader that converts
values and collects the problems is in `config_reader`, the businesses are in `config_business`
and the sources in `config_sources`.
"""

from __future__ import annotations

import math
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reviewwatch.business import BusinessInfo, BusinessProfile
from reviewwatch.config_business import check_source_businesses, read_businesses
from reviewwatch.config_reader import ConfigReader
from reviewwatch.config_sources import read_sources
from reviewwatch.errors import ConfigError
from reviewwatch.location import Location
from reviewwatch.sources.base import Option, Secret, SourceConfig
from reviewwatch.suggest import unknown_name, unknown_time_zone

if TYPE_CHECKING:
    from reviewwatch.ai.settings import AiSettings

_SECTIONS = ("settings", "business", "sources", "notify", "ai")


@dataclass(frozen=True, slots=True)
class Settings:
    flag_max_stars: int = 2
    response_sla_hours: int = 24
    timezone: str = "UTC"
    language: str = "en"
    concurrency: int = 8
    database: Location | None = None
    database_password: Secret | None = field(default=None, repr=False)
    stale_after_hours: int = 48
    lease_seconds: int = 300
    poll_every: str = "15m"
    reply_approval: bool = False
    max_removed_share: float = 0.5
    source_deadline: float = 300.0
    poll_deadline: float = 1800.0
    max_answer_mb: float = 64.0


@dataclass(frozen=True, slots=True)
class Config:
    path: Path | None = None
    settings: Settings = field(default_factory=Settings)
    business: BusinessInfo = field(default_factory=BusinessInfo)
    sources: tuple[SourceConfig, ...] = ()
    notify: tuple[Mapping[str, Any], ...] = ()
    # Every business; `business` is the first (the only one of a `[business]` config).
    businesses: tuple[BusinessProfile, ...] = ()
    ai: AiSettings | None = None  # None without an `[ai]` table: no AI code is loaded
    # Said on stderr by the command line (a config others can read that holds credentials).
    warnings: tuple[str, ...] = ()

    def source(self, name: str) -> SourceConfig | None:
        return next((source for source in self.sources if source.name == name), None)

    def business_named(self, name: str | None) -> BusinessProfile | None:
        if name is None:
            return self.businesses[0] if len(self.businesses) == 1 else None
        return next((b for b in self.businesses if b.name == name), None)

    def own_contacts(self, business: str | None) -> frozenset[str]:
        """The business's own support e-mail addresses and phone numbers, from its `contact`
        words, as the checker compares them (`triage.checker.contact_keys`)."""
        from reviewwatch.triage.checker import contact_keys  # imported on use: start-up

        profile = self.business_named(business)
        return contact_keys((profile.info if profile else self.business).contact_texts)

    def sla_hours(self, business: str | None) -> int:
        """The reply deadline of a business's reviews."""
        profile = self.business_named(business)
        if profile is None or profile.response_sla_hours is None:
            return self.settings.response_sla_hours
        return profile.response_sla_hours


SETTINGS_KEYS: Mapping[str, Option] = {
    "flag_max_stars": Option("int", default=2),
    "response_sla_hours": Option("int", default=24),
    "timezone": Option(default="UTC"),
    "language": Option(default="en"),
    "concurrency": Option("int", default=8),
    "database": Option("database"),
    "database_password": Option(secret=True),
    "stale_after_hours": Option("int", default=48),
    "lease_seconds": Option("int", default=300),
    "poll_every": Option(default="15m"),
    "reply_approval": Option("bool", default=False),
    "max_removed_share": Option("float", default=0.5),
    "source_deadline": Option("float", default=300.0),
    "poll_deadline": Option("float", default=1800.0),
    "max_answer_mb": Option("float", default=64.0),
}
NOTIFY_KEYS: Mapping[str, Mapping[str, Option]] = {
    "email": {
        "smtp_host": Option(required=True),
        "smtp_port": Option("int"),
        "security": Option(
            choices=("starttls", "ssl", "none"),
            default="starttls",
            # As mail programs word them: "TLS" on port 587 is STARTTLS, "SMTPS" is TLS
            # from the first byte (port 465).
            choice_aliases={"tls": "starttls", "smtps": "ssl", "plain": "none", "off": "none"},
        ),
        "username": Option(secret=True),
        "password": Option(secret=True),
        "from": Option(required=True),
        "to": Option("str_list", required=True),
    },
    "webhook": {"url": Option(required=True, secret=True), "secret": Option(secret=True)},
    "slack": {"webhook_url": Option(required=True, secret=True)},
    "discord": {"webhook_url": Option(required=True, secret=True)},
    "teams": {"webhook_url": Option(required=True, secret=True)},
}
NOTIFY_FILTER_KEYS: Mapping[str, Option] = {
    "kind": Option(required=True),
    "sources": Option("str_list"),
    "businesses": Option("str_list"),
    "max_stars": Option("int"),
    "languages": Option("str_list"),
    "events": Option("str_list"),
    "digest": Option("bool", default=False),
}


def load_config(
    path: Path, *, env: Mapping[str, str] = os.environ, with_sources: bool = True
) -> Config:
    """Read and validate a config file; a missing file is an empty config.

    `with_sources=False` reads only `[settings]` and `[business]` (the other sections are left
    empty and unchecked): enough for the commands that only read the database, which then start
    without loading any source kind and keep working while a source's table has a mistake.
    """
    if not path.exists():
        return Config(path=None)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError([f"cannot read the file: {error}"], str(path)) from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError([f"not valid TOML: {error}"], str(path)) from error
    return parse_config(data, base_dir=path.parent, env=env, path=path, with_sources=with_sources)


def parse_config(
    data: Mapping[str, Any],
    *,
    base_dir: Path,
    env: Mapping[str, str] = os.environ,
    path: Path | None = None,
    with_sources: bool = True,
) -> Config:
    """Validate an already parsed TOML document, as `load_config` does with a file's.

    Relative paths are taken from `base_dir`. Raises `ConfigError` listing every problem found.
    """
    reader = ConfigReader(base_dir=base_dir, env=env)
    for key in data:
        if key not in _SECTIONS:
            reader.problem("", unknown_name("section", key, _SECTIONS))
    settings_values = reader.table(data.get("settings", {}), SETTINGS_KEYS, "settings")
    settings = _settings(reader, settings_values)
    businesses = read_businesses(reader, data.get("business", {}))
    sources: tuple[SourceConfig, ...] = ()
    notify: tuple[Mapping[str, Any], ...] = ()
    if with_sources:
        sources = read_sources(reader, data.get("sources", []), settings.flag_max_stars)
        check_source_businesses(reader, sources, businesses)
        notify = _notifiers(reader, data.get("notify", []))
    ai = None
    if "ai" in data:
        from reviewwatch.ai.settings import read_ai_settings  # only with an [ai] table

        ai = read_ai_settings(reader, data["ai"])
    if reader.problems:
        raise ConfigError(reader.problems, str(path) if path else None)
    warnings = _check_file_mode(path, reader) if path is not None else ()
    warnings += _unheard_sources(notify, sources)
    return Config(
        path=path,
        settings=settings,
        business=businesses[0].info if businesses else BusinessInfo(),
        sources=sources,
        notify=notify,
        businesses=businesses,
        ai=ai,
        warnings=warnings,
    )


def _check_file_mode(path: Path, reader: ConfigReader) -> tuple[str, ...]:
    """Refuse a config that anyone may rewrite and that leads to credentials (they could point
    a source at their own host); warn when one that holds credentials can be read by others."""
    if os.name != "posix":
        return ()
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return ()
    any_secrets = reader.literal_secrets or reader.secret_references or reader.secrets_from_files
    fix = f"chmod 600 {path}"
    if mode & stat.S_IWOTH and any_secrets:
        raise ConfigError(
            [f"anyone on this machine may change this file, and it leads to credentials; {fix}"],
            str(path),
        )
    if mode & (stat.S_IRGRP | stat.S_IROTH) and reader.literal_secrets:
        who = "every user of this machine" if mode & stat.S_IROTH else "its group"
        return (f"{path} holds credentials and {who} may read it; {fix}",)
    return ()


def _settings(reader: ConfigReader, values: Mapping[str, Any]) -> Settings:
    settings = Settings(**values)
    if not 0 <= settings.flag_max_stars <= 5:
        reader.problem("settings.flag_max_stars", "must be from 0 to 5")
    if settings.response_sla_hours <= 0:
        reader.problem("settings.response_sla_hours", "must be more than 0")
    if settings.stale_after_hours <= 0:
        reader.problem("settings.stale_after_hours", "must be more than 0")
    if settings.lease_seconds < 10:
        reader.problem("settings.lease_seconds", "must be at least 10")
    if interval_seconds(settings.poll_every) is None:
        reader.problem("settings.poll_every", "expected a time like 30s, 15m, 1h or 1d")
    if not 0 < settings.max_removed_share <= 1:
        reader.problem("settings.max_removed_share", "must be above 0 and at most 1")
    if not 1 <= settings.concurrency <= 64:
        reader.problem("settings.concurrency", "must be from 1 to 64")
    for key in ("source_deadline", "poll_deadline", "max_answer_mb"):
        value = getattr(settings, key)
        if not (math.isfinite(value) and value > 0):
            reader.problem(f"settings.{key}", "must be a number above 0")
    try:
        ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        reader.problem("settings.timezone", unknown_time_zone(settings.timezone))
    return settings


def _notifiers(reader: ConfigReader, values: Any) -> tuple[Mapping[str, Any], ...]:
    """`[[notify]]`: each table's keys are the filters and those of its `kind`."""
    if not isinstance(values, list):
        reader.problem("notify", "expected [[notify]] tables")
        return ()
    result = []
    for index, table in enumerate(values, start=1):
        where = f"notify[{index}]"
        kind = table.get("kind") if isinstance(table, Mapping) else None
        if not isinstance(kind, str):
            reader.problem(f"{where}.kind", f"is required (one of: {', '.join(NOTIFY_KEYS)})")
            continue
        if kind not in NOTIFY_KEYS:
            reader.problem(f"{where}.kind", unknown_name("notifier kind", kind, NOTIFY_KEYS))
            continue
        spec = {**NOTIFY_FILTER_KEYS, **NOTIFY_KEYS[kind]}
        result.append(reader.table(table, spec, where))
    return tuple(result)


def _unheard_sources(
    notify: tuple[Mapping[str, Any], ...], sources: tuple[SourceConfig, ...]
) -> tuple[str, ...]:
    """A notifier's `sources` filter that names no configured source hears nothing from it: a
    typo would mute the notifier without a word. A warning, not an error: the filter may name
    a source taken out of the config for a while."""
    known = [source.name for source in sources]
    return tuple(
        f"notify[{index}].sources: {unknown_name('source', str(name), known)} (this notifier "
        "hears nothing from it)"
        for index, table in enumerate(notify, start=1)
        for name in table.get("sources") or ()
        if name not in known
    )


def interval_seconds(text: str) -> int | None:
    """`30s`, `15m`, `1h`, `1d` in seconds; None when it is not such a time (or is zero)."""
    match = re.fullmatch(r"\s*(\d+)\s*([smhd])\s*", text)
    if match is None or int(match.group(1)) == 0:
        return None
    return int(match.group(1)) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]
