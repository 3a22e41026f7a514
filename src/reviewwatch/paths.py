"""Where the config file and the database live, and why (flag > environment > config > default)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "reviewwatch"
CONFIG_ENV = "REVIEWWATCH_CONFIG"
DB_ENV = "REVIEWWATCH_DB"


@dataclass(frozen=True, slots=True)
class ResolvedPath:
    path: Path
    origin: str


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "reviews.db"


def resolve_config_path(flag: Path | None, env: Mapping[str, str] = os.environ) -> ResolvedPath:
    if flag is not None:
        return ResolvedPath(flag.expanduser(), "--config")
    if env.get(CONFIG_ENV):
        return ResolvedPath(Path(env[CONFIG_ENV]).expanduser(), f"${CONFIG_ENV}")
    return ResolvedPath(default_config_path(), "default")


def resolve_db_path(
    flag: Path | None,
    *,
    configured: Path | None,
    config_path: Path,
    env: Mapping[str, str] = os.environ,
) -> ResolvedPath:
    if flag is not None:
        return ResolvedPath(flag.expanduser(), "--db")
    if env.get(DB_ENV):
        return ResolvedPath(Path(env[DB_ENV]).expanduser(), f"${DB_ENV}")
    if configured is not None:
        return ResolvedPath(configured, f"settings.database in {config_path}")
    return ResolvedPath(default_db_path(), "default")
