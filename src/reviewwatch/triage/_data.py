"""Read the triage knowledge files (TOML) shipped inside the package."""

from __future__ import annotations

import functools
import hashlib
import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
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


@functools.cache
def knowledge_identity() -> str:
    """Which knowledge files (word lists, grounds, policy packs, reply templates, checker
    patterns) triage reads, without reading them: each file's name, size and time, so
    suggestions cached with other files are recomputed after an upgrade or an edit."""
    return identity_of(resources.files("reviewwatch.triage").joinpath("data"))


def identity_of(folder: Traversable) -> str:
    """The digest of the TOML files' names, sizes and times under `folder`."""
    digest = hashlib.sha256()
    for name, stamp in _knowledge_files(folder):
        digest.update(f"{name}:{stamp};".encode())
    return digest.hexdigest()[:16]


def _knowledge_files(folder: Traversable, prefix: str = "") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if entry.is_dir():
            found += _knowledge_files(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".toml"):
            found.append((prefix + entry.name, _stamp(entry)))
    return found


def _stamp(entry: Traversable) -> str:
    """Size and time of a file; its digest where it is no file (a zipped install)."""
    if isinstance(entry, Path):
        stat = entry.stat()
        return f"{stat.st_size}:{stat.st_mtime_ns}"
    return hashlib.sha256(entry.read_bytes()).hexdigest()


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge two TOML tables: tables merge key by key, everything else is replaced."""
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged
