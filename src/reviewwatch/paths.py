"""Where the config file and the database live, and why (flag > environment > config > default)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from reviewwatch.location import Location, parse_location

APP_NAME = "reviewwatch"
CONFIG_ENV = "REVIEWWATCH_CONFIG"
DB_ENV = "REVIEWWATCH_DB"


@dataclass(frozen=True, slots=True)
class ResolvedPath:
    path: Path
    origin: str


@dataclass(frozen=True, slots=True)
class ResolvedDb:
    """The store: a SQLite file or a PostgreSQL URL (`str()` of it never shows a password)."""

    path: Location
    origin: str


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "reviews.db"


def demo_db_path() -> Path:
    """Where `reviewwatch demo` keeps its database without --db: beside the default database,
    never in it."""
    return default_db_path().with_name("demo.db")


def resolve_config_path(flag: Path | None, env: Mapping[str, str] = os.environ) -> ResolvedPath:
    if flag is not None:
        return ResolvedPath(flag.expanduser(), "--config")
    if env.get(CONFIG_ENV):
        return ResolvedPath(Path(env[CONFIG_ENV]).expanduser(), f"${CONFIG_ENV}")
    return ResolvedPath(default_config_path(), "default")


def resolve_db_path(
    flag: str | Path | None,
    *,
    configured: Location | None,
    config_path: Path,
    env: Mapping[str, str] = os.environ,
) -> ResolvedDb:
    if flag is not None:
        return ResolvedDb(parse_location(str(flag), env, "--db"), "--db")
    if env.get(DB_ENV):
        return ResolvedDb(parse_location(env[DB_ENV], env, f"${DB_ENV}"), f"${DB_ENV}")
    if configured is not None:
        return ResolvedDb(configured, f"settings.database in {config_path}")
    return ResolvedDb(default_db_path(), "default")
