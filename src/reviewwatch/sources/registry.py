"""Kind name -> source class, through the `reviewwatch.sources.v1` entry-point group.

Built-in kinds register there the same way a plug-in does. Entry points are read once and a
class is imported only when its kind is used, so start-up stays fast. A plug-in that fails to
load is reported as a warning and left out; it never stops the other sources.
"""

from __future__ import annotations

import functools
import warnings
from importlib.metadata import EntryPoint, entry_points

from reviewwatch.sources.base import Source

GROUP = "reviewwatch.sources.v1"


class PluginWarning(UserWarning):
    """A third-party source kind could not be loaded."""


@functools.cache
def _entry_points() -> dict[str, EntryPoint]:
    found: dict[str, EntryPoint] = {}
    for point in entry_points(group=GROUP):
        # A plug-in cannot shadow a built-in kind.
        if point.name not in found or point.value.startswith("reviewwatch."):
            found[point.name] = point
    return found


def kind_names() -> list[str]:
    """Every registered kind, sorted."""
    return sorted(_entry_points())


@functools.cache
def load_kind(kind: str) -> type[Source] | None:
    """The class for a kind, or None when no such kind is registered or it fails to load."""
    point = _entry_points().get(kind)
    if point is None:
        return None
    try:
        loaded = point.load()
    except Exception as error:  # a broken plug-in must not crash the tool
        warnings.warn(
            f"source kind {kind!r} ({point.value}) could not be loaded: {error}",
            PluginWarning,
            stacklevel=2,
        )
        return None
    if not (isinstance(loaded, type) and issubclass(loaded, Source)):
        warnings.warn(f"source kind {kind!r} is not a Source class", PluginWarning, stacklevel=2)
        return None
    return loaded
