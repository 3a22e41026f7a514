"""The TOML config: parsed, validated (every problem at once), secrets resolved.

Any string may be `${NAME}` (or hold `${NAME}` inside it), read from the environment. A secret
option `key` may instead be given as `key_file`, a file that holds the secret. Unknown keys are
errors: they are nearly always typos.
"""

from __future__ import annotations

import difflib
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

from reviewwatch.business import PLATFORMS, BusinessInfo, BusinessProfile
from reviewwatch.config_business import (
    check_source_businesses,
    read_businesses,
)
from reviewwatch.errors import ConfigError
from reviewwatch.location import Location, PostgresUrl, is_postgres_url
from reviewwatch.sources.base import Option, Secret, SourceConfig, web_url_problem

if TYPE_CHECKING:
    from reviewwatch.ai.settings import AiSettings

NAME_PATTERN = re.compile(r"[a-z0-9_-]+")
_ENV_PATTERN = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SECTIONS = ("settings", "business", "sources", "notify", "ai")
_COMMON_SOURCE_KEYS = (
    "name",
    "kind",
    "platform",
    "flag_max_stars",
    "base_url",
    "timeout",
    "business",
)


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
BUSINESS_KEYS: Mapping[str, Option] = {
    "name": Option(),
    "signature": Option(),
    "contact": Option(),
    "support_url": Option(),
    "guarantee": Option(),
    "language": Option(),
}
# `[business]` keys that may also be a table of texts per language (`contact.de = "..."`).
PER_LANGUAGE_KEYS = ("signature", "contact")
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?")
NOTIFY_KEYS: Mapping[str, Mapping[str, Option]] = {
    "email": {
        "smtp_host": Option(required=True),
        "smtp_port": Option("int"),
        "security": Option(choices=("starttls", "ssl", "none"), default="starttls"),
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
    reader = _Reader(base_dir=base_dir, env=env)
    for key in data:
        if key not in _SECTIONS:
            reader.problem(key, "unknown section" + _suggest(key, _SECTIONS))
    settings_values = reader.table(data.get("settings", {}), SETTINGS_KEYS, "settings")
    settings = _settings(reader, settings_values)
    businesses = read_businesses(reader, data.get("business", {}))
    sources: tuple[SourceConfig, ...] = ()
    notify: tuple[Mapping[str, Any], ...] = ()
    if with_sources:
        sources = reader.sources(data.get("sources", []), settings)
        check_source_businesses(reader, sources, businesses)
        notify = reader.notifiers(data.get("notify", []))
    ai = None
    if "ai" in data:
        from reviewwatch.ai.settings import read_ai_settings  # only with an [ai] table

        ai = read_ai_settings(reader, data["ai"])
    if reader.problems:
        raise ConfigError(reader.problems, str(path) if path else None)
    warnings = _check_file_mode(path, reader) if path is not None else ()
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


def _check_file_mode(path: Path, reader: _Reader) -> tuple[str, ...]:
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


def _settings(reader: _Reader, values: Mapping[str, Any]) -> Settings:
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
        reader.problem("settings.timezone", f"unknown time zone {settings.timezone!r}")
    return settings


def interval_seconds(text: str) -> int | None:
    """`30s`, `15m`, `1h`, `1d` in seconds; None when it is not such a time (or is zero)."""
    match = re.fullmatch(r"\s*(\d+)\s*([smhd])\s*", text)
    if match is None or int(match.group(1)) == 0:
        return None
    return int(match.group(1)) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]


def _suggest(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _Reader:
    """Collects problems while it converts values, so that all of them are reported at once."""

    def __init__(self, *, base_dir: Path, env: Mapping[str, str]) -> None:
        self.base_dir = base_dir
        self.env = env
        self.problems: list[str] = []
        # Whether the file holds credentials itself, or says where they come from.
        self.literal_secrets = False
        self.secrets_from_files = False
        self.secret_references = False

    def note_secret(self, raw: str) -> None:
        """Remember whether a secret value was written in the file or taken from elsewhere."""
        if _ENV_PATTERN.fullmatch(raw.strip()):
            self.secret_references = True
        elif raw:
            self.literal_secrets = True

    def problem(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    def business(self, values: Any, where: str = "business") -> BusinessInfo:
        """`[business]`: `signature` and `contact` may be a string or a table per language."""
        if not isinstance(values, Mapping):
            return BusinessInfo(**self.table(values, BUSINESS_KEYS, where))
        tables = {
            key: values[key] for key in PER_LANGUAGE_KEYS if isinstance(values.get(key), Mapping)
        }
        plain = {key: value for key, value in values.items() if key not in tables}
        info = self.table(plain, BUSINESS_KEYS, where)
        for key, table in tables.items():
            texts: dict[str, str] = {}
            for language, text in table.items():
                at = f"{where}.{key}.{language}"
                if not _LANGUAGE_TAG.fullmatch(language):
                    self.problem(at, "expected a language code such as en, de or zh-Hant")
                    continue
                converted = self.convert(text, Option(), at)
                if converted is not None:
                    texts[language] = converted
            info[key] = texts
        return BusinessInfo(**info)

    def table(self, values: Any, spec: Mapping[str, Option], where: str) -> dict[str, Any]:
        """Check a table against its spec; return the converted values (defaults filled in)."""
        if not isinstance(values, Mapping):
            self.problem(where, "expected a table")
            return {
                key: option.default for key, option in spec.items() if option.default is not None
            }
        result: dict[str, Any] = {}
        for key, raw in values.items():
            name = key.removesuffix("_file") if key not in spec else key
            option = spec.get(name)
            if option is None or (name != key and not option.secret):
                self.problem(f"{where}.{key}", "unknown key" + _suggest(key, spec))
                continue
            if name in result:
                self.problem(f"{where}.{key}", f"give either {name} or {name}_file, not both")
                continue
            value = self._read_file(raw, f"{where}.{key}") if name != key else raw
            converted = self.convert(value, option, f"{where}.{key}")
            if converted is not None:
                result[name] = converted
        for key, option in spec.items():
            if key in result:
                continue
            if option.required:
                secret_hint = f" (or {key}_file)" if option.secret else ""
                self.problem(f"{where}.{key}", f"is required{secret_hint}")
            elif option.default is not None:
                result[key] = option.default
        return result

    def _read_file(self, raw: Any, where: str) -> Any:
        if not isinstance(raw, str):
            self.problem(where, "expected a file path")
            return None
        file_path = self._path(self._expand(raw, where) or "", where)
        if file_path is None:
            return None
        self.secrets_from_files = True
        try:
            data = file_path.read_bytes()
        except (OSError, ValueError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            self.problem(where, f"cannot read {file_path}: {reason}")
            return None
        try:
            return data.decode("utf-8").strip()
        except UnicodeDecodeError as error:
            self.problem(
                where,
                f"{file_path} is not UTF-8 text (byte {error.start}); save it as UTF-8",
            )
            return None

    def _expand(self, text: str, where: str) -> str | None:
        missing = [name for name in _ENV_PATTERN.findall(text) if name not in self.env]
        for name in missing:
            self.problem(where, f"environment variable {name} is not set")
        if missing:
            return None
        return _ENV_PATTERN.sub(lambda match: self.env[match.group(1)], text)

    def _path(self, text: str, where: str) -> Path | None:
        try:
            path = Path(text).expanduser()
        except RuntimeError:  # `~user` of a user this machine does not know
            self.problem(where, f"cannot find the home folder in {text!r}")
            return None
        if "\0" in text:
            self.problem(where, "a path cannot hold a NUL character")
            return None
        return path if path.is_absolute() else self.base_dir / path

    def convert(self, value: Any, option: Option, where: str) -> Any:
        """One value converted to its option's type, or None after recording a problem."""
        if value is None:
            return None
        raw_text = value if isinstance(value, str) else ""
        if isinstance(value, str):
            value = self._expand(value, where)
            if value is None:
                return None
        kind = option.type
        if kind == "database" and isinstance(value, str) and is_postgres_url(value):
            return PostgresUrl(value.strip())
        if kind in ("str", "path", "database"):
            if not isinstance(value, str):
                self.problem(where, f"expected a string, got {_type_name(value)}")
                return None
            if option.choices and value not in option.choices:
                self.problem(where, f"must be one of {', '.join(option.choices)}")
                return None
            if kind in ("path", "database"):
                return self._path(value, where)
            if option.secret:
                self.note_secret(raw_text)
                return Secret(value)
            return value
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                self.problem(where, f"expected a whole number, got {_type_name(value)}")
                return None
            return value
        if kind == "float":
            if isinstance(value, bool) or not isinstance(value, int | float):
                self.problem(where, f"expected a number, got {_type_name(value)}")
                return None
            return float(value)
        if kind == "bool":
            if not isinstance(value, bool):
                self.problem(where, f"expected true or false, got {_type_name(value)}")
                return None
            return value
        if kind == "str_list":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                self.problem(where, "expected a list of strings")
                return None
            return [self._expand(item, where) for item in value]
        return self._table_value(value, option, where)

    def _table_value(self, value: Any, option: Option, where: str) -> Any:
        if not isinstance(value, Mapping):
            self.problem(where, f"expected a table, got {_type_name(value)}")
            return None
        if not option.secret:
            return dict(value)
        table: dict[str, Any] = {}
        for key, item in value.items():
            expanded = self._expand(item, f"{where}.{key}") if isinstance(item, str) else None
            if not isinstance(item, str):
                self.problem(f"{where}.{key}", "expected a string")
            elif expanded is not None:
                self.note_secret(item)
                table[key] = Secret(expanded)
        return table

    def sources(self, values: Any, settings: Settings) -> tuple[SourceConfig, ...]:
        if not isinstance(values, list):
            self.problem("sources", "expected [[sources]] tables")
            return ()
        configs: list[SourceConfig] = []
        seen: set[str] = set()
        for index, table in enumerate(values, start=1):
            config = self.source(index, table, settings)
            if config is None:
                continue
            if config.name in seen:
                self.problem(f'sources "{config.name}"', "the name is used twice")
            seen.add(config.name)
            configs.append(config)
        return tuple(configs)

    def source(self, index: int, table: Any, settings: Settings) -> SourceConfig | None:
        if not isinstance(table, Mapping):
            self.problem(f"sources[{index}]", "expected a table")
            return None
        name = table.get("name")
        where = f'sources "{name}"' if isinstance(name, str) else f"sources[{index}]"
        if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
            self.problem(f"{where}.name", "is required: lower-case letters, digits, _ and -")
        from reviewwatch.sources.registry import kind_names, load_kind  # start-up: on use

        kind = table.get("kind")
        source_class = load_kind(kind) if isinstance(kind, str) else None
        if source_class is None:
            known = ", ".join(kind_names())
            self.problem(f"{where}.kind", f"unknown kind {kind!r} (known: {known})")
            return None
        spec = dict(source_class.options)
        common = {key: table[key] for key in _COMMON_SOURCE_KEYS if key in table}
        options = self.table(
            {key: value for key, value in table.items() if key not in _COMMON_SOURCE_KEYS},
            spec,
            where,
        )
        for problem in source_class.check_options(options):
            self.problems.append(f"{where}.{problem}")
        platform = self._platform(
            common, source_class.takes_platform, source_class.default_platform, where
        )
        flag_max = self._flag_max(common, settings, where)
        network = self._network_keys(common, source_class.network, where)
        if not isinstance(name, str):
            return None
        return SourceConfig(
            name=name,
            kind=source_class.kind,
            platform=platform,
            flag_max_stars=flag_max,
            base_url=network[0],
            timeout=network[1],
            options=options,
            business=self._business_name(common, where),
        )

    def _business_name(self, common: Mapping[str, Any], where: str) -> str | None:
        value = common.get("business")
        if value is None or isinstance(value, str):
            return value
        self.problem(f"{where}.business", "expected the name of a [[business]] table")
        return None

    def _platform(self, common: Mapping[str, Any], takes: bool, default: str, where: str) -> str:
        platform = common.get("platform")
        if platform is None:
            return default
        if not takes:
            self.problem(f"{where}.platform", f"this kind is always on {default}")
            return default
        if platform not in PLATFORMS:
            self.problem(
                f"{where}.platform",
                f"unknown platform {platform!r}{_suggest(str(platform), PLATFORMS)}",
            )
            return default
        return str(platform)

    def _flag_max(self, common: Mapping[str, Any], settings: Settings, where: str) -> int:
        value = common.get("flag_max_stars", settings.flag_max_stars)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 5:
            self.problem(f"{where}.flag_max_stars", "must be a whole number from 0 to 5")
            return settings.flag_max_stars
        return value

    def _network_keys(
        self, common: Mapping[str, Any], network: bool, where: str
    ) -> tuple[str | None, float]:
        base_url, timeout = common.get("base_url"), common.get("timeout", 30.0)
        if not network:
            for key in ("base_url", "timeout"):
                if key in common:
                    self.problem(f"{where}.{key}", "this kind reads local data and takes no " + key)
            return None, 30.0
        if base_url is not None:
            base_url = (
                self._expand(base_url, f"{where}.base_url") if isinstance(base_url, str) else None
            )
            problem = web_url_problem(base_url)
            if problem:
                self.problem(f"{where}.base_url", problem)
        if (
            isinstance(timeout, bool)
            or not isinstance(timeout, int | float)
            or not math.isfinite(timeout)
            or timeout <= 0
        ):
            self.problem(f"{where}.timeout", "must be a finite number of seconds above 0")
            timeout = 30.0
        return base_url, float(timeout)

    def notifiers(self, values: Any) -> tuple[Mapping[str, Any], ...]:
        if not isinstance(values, list):
            self.problem("notify", "expected [[notify]] tables")
            return ()
        result = []
        for index, table in enumerate(values, start=1):
            where = f"notify[{index}]"
            kind = table.get("kind") if isinstance(table, Mapping) else None
            if not isinstance(kind, str) or kind not in NOTIFY_KEYS:
                self.problem(f"{where}.kind", f"must be one of {', '.join(NOTIFY_KEYS)}")
                continue
            spec = {**NOTIFY_FILTER_KEYS, **NOTIFY_KEYS[kind]}
            result.append(self.table(table, spec, where))
        return tuple(result)


def _type_name(value: Any) -> str:
    return {
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)
