"""The config's `[[sources]]` tables: where reviews are read from, each checked by its kind.

The keys every source takes (`name`, `kind`, `platform`, ...) are checked here; the rest go to
the kind's own options. A kind's class is loaded only when the config names it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from reviewwatch.business import PLATFORMS
from reviewwatch.sources.base import SourceConfig, web_url_problem
from reviewwatch.suggest import unknown_name

if TYPE_CHECKING:
    from reviewwatch.config_reader import ConfigReader
    from reviewwatch.sources.base import Source

NAME_PATTERN = re.compile(r"[a-z0-9_-]+")
_COMMON_SOURCE_KEYS = (
    "name",
    "kind",
    "platform",
    "flag_max_stars",
    "base_url",
    "timeout",
    "business",
)


def read_sources(
    reader: ConfigReader, values: Any, default_flag_max_stars: int
) -> tuple[SourceConfig, ...]:
    """`[[sources]]` checked, every problem recorded on `reader`; names must be unique.

    `default_flag_max_stars` (from `[settings]`) applies where a source gives none.
    """
    if not isinstance(values, list):
        reader.problem("sources", "expected [[sources]] tables")
        return ()
    configs: list[SourceConfig] = []
    seen: set[str] = set()
    for index, table in enumerate(values, start=1):
        config = _source(reader, index, table, default_flag_max_stars)
        if config is None:
            continue
        if config.name in seen:
            reader.problem(f'sources "{config.name}"', "the name is used twice")
        seen.add(config.name)
        configs.append(config)
    return tuple(configs)


def _source(
    reader: ConfigReader, index: int, table: Any, default_flag_max_stars: int
) -> SourceConfig | None:
    if not isinstance(table, Mapping):
        reader.problem(f"sources[{index}]", "expected a table")
        return None
    name = table.get("name")
    where = f'sources "{name}"' if isinstance(name, str) else f"sources[{index}]"
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        reader.problem(f"{where}.name", "is required: lower-case letters, digits, _ and -")
    source_class = _source_class(reader, table.get("kind"), where)
    if source_class is None:
        return None
    common = {key: table[key] for key in _COMMON_SOURCE_KEYS if key in table}
    options = reader.table(
        {key: value for key, value in table.items() if key not in _COMMON_SOURCE_KEYS},
        dict(source_class.options),
        where,
        other_keys=_COMMON_SOURCE_KEYS,
    )
    for problem in source_class.check_options(options):
        reader.problems.append(f"{where}.{problem}")
    platform = _platform(
        reader, common, source_class.takes_platform, source_class.default_platform, where
    )
    flag_max = _flag_max(reader, common, default_flag_max_stars, where)
    network = _network_keys(reader, common, source_class.network, where)
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
        business=_business_name(reader, common, where),
    )


def _source_class(reader: ConfigReader, kind: Any, where: str) -> type[Source] | None:
    """The class of a source's `kind`, loaded now; None (a problem recorded) if unknown."""
    from reviewwatch.sources.registry import kind_names, load_kind  # start-up: on use

    source_class = load_kind(kind) if isinstance(kind, str) else None
    if source_class is None:
        if kind is None:
            reader.problem(f"{where}.kind", f"is required (one of: {', '.join(kind_names())})")
        elif kind in kind_names():  # a plug-in that failed to load: its warning says why
            reader.problem(f"{where}.kind", f"the kind {kind!r} is installed but cannot be loaded")
        else:
            reader.problem(f"{where}.kind", unknown_name("kind", str(kind), kind_names()))
    return source_class


def _business_name(reader: ConfigReader, common: Mapping[str, Any], where: str) -> str | None:
    value = common.get("business")
    if value is None or isinstance(value, str):
        return value
    reader.problem(f"{where}.business", "expected the name of a [[business]] table")
    return None


def _platform(
    reader: ConfigReader, common: Mapping[str, Any], takes: bool, default: str, where: str
) -> str:
    platform = common.get("platform")
    if platform is None:
        return default
    if not takes:
        reader.problem(f"{where}.platform", f"this kind is always on {default}")
        return default
    if platform not in PLATFORMS:
        reader.problem(
            f"{where}.platform",
            unknown_name("platform", str(platform), PLATFORMS),
        )
        return default
    return str(platform)


def _flag_max(reader: ConfigReader, common: Mapping[str, Any], default: int, where: str) -> int:
    value = common.get("flag_max_stars", default)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 5:
        reader.problem(f"{where}.flag_max_stars", "must be a whole number from 0 to 5")
        return default
    return value


def _network_keys(
    reader: ConfigReader, common: Mapping[str, Any], network: bool, where: str
) -> tuple[str | None, float]:
    """`base_url` and `timeout`, which only a kind that reads over the network takes."""
    base_url, timeout = common.get("base_url"), common.get("timeout", 30.0)
    if not network:
        for key in ("base_url", "timeout"):
            if key in common:
                reader.problem(f"{where}.{key}", "this kind reads local data and takes no " + key)
        return None, 30.0
    if base_url is not None:
        base_url = (
            reader.expand(base_url, f"{where}.base_url") if isinstance(base_url, str) else None
        )
        problem = web_url_problem(base_url)
        if problem:
            reader.problem(f"{where}.base_url", problem)
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, int | float)
        or not math.isfinite(timeout)
        or timeout <= 0
    ):
        reader.problem(f"{where}.timeout", "must be a finite number of seconds above 0")
        timeout = 30.0
    return base_url, float(timeout)
