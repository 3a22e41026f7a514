"""Read the triage knowledge files (TOML) shipped inside the package."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any


@functools.cache
def load_toml(folder: str, name: str) -> dict[str, Any]:
    """Parse `data/<folder>/<name>.toml` once; the result is shared: never mutate it."""
    resource = resources.files("reviewwatch.triage").joinpath("data", folder, f"{name}.toml")
    with resource.open("rb") as handle:
        return tomllib.load(handle)


@functools.cache
def data_names(folder: str) -> tuple[str, ...]:
    """Names (without `.toml`) of the data files in `data/<folder>/`, sorted."""
    folder_path = resources.files("reviewwatch.triage").joinpath("data", folder)
    return tuple(
        sorted(
            entry.name.removesuffix(".toml")
            for entry in folder_path.iterdir()
            if entry.name.endswith(".toml")
        )
    )


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge two TOML tables: tables merge key by key, everything else is replaced."""
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged
