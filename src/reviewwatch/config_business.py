"""The config's businesses: one `[business]` table, or `[[business]]` tables named by `name`
that each source names with `business = "..."`."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from reviewwatch.business import BUSINESS_KINDS, BusinessInfo, BusinessProfile
from reviewwatch.sources.base import Option, SourceConfig
from reviewwatch.suggest import unknown_name

if TYPE_CHECKING:
    from reviewwatch.config_reader import ConfigReader

BUSINESS_KEYS: Mapping[str, Option] = {
    "name": Option(),
    "signature": Option(),
    "contact": Option(),
    "support_url": Option(),
    "guarantee": Option(),
    "language": Option(),
    "kind": Option(choices=BUSINESS_KINDS),
}
# `[business]` keys that may also be a table of texts per language (`contact.de = "..."`).
PER_LANGUAGE_KEYS = ("signature", "contact")
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?")


def read_businesses(reader: ConfigReader, value: Any) -> tuple[BusinessProfile, ...]:
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


def _profile(reader: ConfigReader, table: Mapping[str, Any], where: str) -> BusinessProfile | None:
    values = dict(table)
    raw_sla = values.pop("response_sla_hours", None)
    sla = None
    if raw_sla is not None:
        sla = reader.convert(raw_sla, Option("int"), f"{where}.response_sla_hours")
        if sla is not None and sla <= 0:
            reader.problem(f"{where}.response_sla_hours", "must be more than 0")
    return BusinessProfile(_business_info(reader, values, where), sla)


def _business_info(reader: ConfigReader, values: Any, where: str) -> BusinessInfo:
    """`[business]`: `signature` and `contact` may be a string or a table per language."""
    if not isinstance(values, Mapping):
        return BusinessInfo(**reader.table(values, BUSINESS_KEYS, where))
    tables = {key: values[key] for key in PER_LANGUAGE_KEYS if isinstance(values.get(key), Mapping)}
    plain = {key: value for key, value in values.items() if key not in tables}
    info = reader.table(plain, BUSINESS_KEYS, where)
    for key, table in tables.items():
        texts: dict[str, str] = {}
        for language, text in table.items():
            at = f"{where}.{key}.{language}"
            if not _LANGUAGE_TAG.fullmatch(language):
                reader.problem(at, "expected a language code such as en, de or zh-Hant")
                continue
            converted = reader.convert(text, Option(), at)
            if converted is not None:
                texts[language] = converted
        info[key] = texts
    return BusinessInfo(**info)


def check_source_businesses(
    reader: ConfigReader, sources: Sequence[SourceConfig], businesses: Sequence[BusinessProfile]
) -> None:
    """With several businesses every source names one of them; a named one must exist."""
    names = [business.name for business in businesses]
    for source in sources:
        where = f'sources "{source.name}".business'
        if source.business is None:
            if len(businesses) > 1:
                reader.problem(where, f"is required with several businesses: {', '.join(names)}")
        elif source.business not in names:
            known = [name for name in names if name]
            empty = "none is named: add a [[business]] table with a name"
            reader.problem(where, unknown_name("business", source.business, known, empty=empty))
