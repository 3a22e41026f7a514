"""The config's businesses: one `[business]` table, or `[[business]]` tables named by `name`
that each source names with `business = "..."`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from reviewwatch.business import BusinessProfile
from reviewwatch.sources.base import Option, SourceConfig

if TYPE_CHECKING:
    from reviewwatch.config import _Reader


def read_businesses(reader: _Reader, value: Any) -> tuple[BusinessProfile, ...]:
    """`[business]` (a table: one business, `name` optional as before) or `[[business]]`."""
    if isinstance(value, Mapping):
        profile = _profile(reader, value, "business")
        return (profile,) if profile is not None else ()
    if not isinstance(value, list):
        reader.problem("business", "expected a [business] table or [[business]] tables")
        return ()
    profiles: list[BusinessProfile] = []
    for index, table in enumerate(value, start=1):
        where = f"business[{index}]"
        if not isinstance(table, Mapping):
            reader.problem(where, "expected a table")
            continue
        profile = _profile(reader, table, where)
        if profile is None:
            continue
        if not profile.name:
            reader.problem(f"{where}.name", "is required when there are [[business]] tables")
        elif any(other.name == profile.name for other in profiles):
            reader.problem(f"{where}.name", f"{profile.name!r} is used twice")
        profiles.append(profile)
    return tuple(profiles)


def _profile(reader: _Reader, table: Mapping[str, Any], where: str) -> BusinessProfile | None:
    values = dict(table)
    raw_sla = values.pop("response_sla_hours", None)
    sla = None
    if raw_sla is not None:
        sla = reader.convert(raw_sla, Option("int"), f"{where}.response_sla_hours")
        if sla is not None and sla <= 0:
            reader.problem(f"{where}.response_sla_hours", "must be more than 0")
    return BusinessProfile(reader.business(values, where), sla)


def check_source_businesses(
    reader: _Reader, sources: Sequence[SourceConfig], businesses: Sequence[BusinessProfile]
) -> None:
    """With several businesses every source names one of them; a named one must exist."""
    names = [business.name for business in businesses]
    for source in sources:
        where = f'sources "{source.name}".business'
        if source.business is None:
            if len(businesses) > 1:
                reader.problem(where, f"is required with several businesses: {', '.join(names)}")
        elif source.business not in names:
            known = ", ".join(names) or "none: add a [[business]] table"
            reader.problem(where, f"no business named {source.business!r} (known: {known})")
