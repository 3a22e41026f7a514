"""Writing systems of a text, and Traditional or Simplified Chinese (for `analysis`)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\uff66-\uff9f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_NON_LATIN = re.compile(
    r"[\u0370-\u10ff\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]"
)
# Writing systems other than Latin, Han, kana and Cyrillic.
_OTHER_SCRIPTS: dict[str, re.Pattern[str]] = {
    "greek": re.compile(r"[\u0370-\u03ff]"),
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"),
    "arabic": re.compile(r"[\u0600-\u06ff]"),
    "hebrew": re.compile(r"[\u0590-\u05ff]"),
    "thai": re.compile(r"[\u0e00-\u0e7f]"),
    "devanagari": re.compile(r"[\u0900-\u097f]"),
    "georgian": re.compile(r"[\u10a0-\u10ff]"),
    "armenian": re.compile(r"[\u0530-\u058f]"),
}
# ISO 15924 codes of the writing systems counted.
_ISO_15924 = {
    "latin": "Latn",
    "cyrillic": "Cyrl",
    "greek": "Grek",
    "hangul": "Hang",
    "arabic": "Arab",
    "hebrew": "Hebr",
    "thai": "Thai",
    "devanagari": "Deva",
    "georgian": "Geor",
    "armenian": "Armn",
}


def script_counts(text: str) -> dict[str, int]:
    """Letters per writing system, looking only at the (usually few) non-Latin ones."""
    if not _NON_LATIN.search(text):
        return {}
    counts = {
        "han": len(_HAN.findall(text)),
        "kana": len(_KANA.findall(text)),
        "cyrillic": len(_CYRILLIC.findall(text)),
        "latin": len(_LATIN.findall(text)),
    }
    others = len(_NON_LATIN.findall(text))
    if counts["han"] + counts["kana"] + counts["cyrillic"] < others:
        found = []
        for script, pattern in _OTHER_SCRIPTS.items():
            first = pattern.search(text)
            if first is not None:
                found.append((first.start(), script, len(pattern.findall(text))))
        for _, script, count in sorted(found):
            counts[script] = count
    return counts


def dominant_script(counts: dict[str, int], clean: str) -> str:
    """The ISO 15924 code of the writing system most of the letters are in ("" for none)."""
    if not counts:
        return "Latn" if _LATIN.search(clean) else ""
    cjk = counts["han"] + counts["kana"]
    # One CJK character carries about as much as a short Latin word.
    if cjk and cjk * 3 >= counts["latin"]:
        kana = counts["kana"]
        return "Jpan" if kana >= 2 or (kana and kana * 10 >= cjk) else "Hani"
    named = {key: value for key, value in counts.items() if key in _ISO_15924}
    best = max(named, key=named.__getitem__)
    return _ISO_15924[best] if named[best] else ""


@dataclass(frozen=True, slots=True)
class _Variants:
    to_simplified: dict[int, str]
    traditional: re.Pattern[str]
    simplified: re.Pattern[str]


@cache
def variants() -> _Variants:
    resource = resources.files("reviewwatch.triage").joinpath("data", "zh_variants.toml")
    with resource.open("rb") as handle:
        data = tomllib.load(handle)
    pairs = "".join(str(data.get("pairs", "")).split())
    shared = set("".join(str(data.get("shared", "")).split()))
    mapping = {pairs[i]: pairs[i + 1] for i in range(0, len(pairs) - 1, 2)}
    traditional = set(mapping) - set(mapping.values())
    simplified = set(mapping.values()) - shared - set(mapping)
    return _Variants(
        to_simplified={ord(trad): simp for trad, simp in mapping.items()},
        traditional=re.compile("[" + re.escape("".join(sorted(traditional))) + "]"),
        simplified=re.compile("[" + re.escape("".join(sorted(simplified))) + "]"),
    )


def chinese_variant(clean: str) -> str | None:
    """`zh-Hant` or `zh-Hans` by the characters only one of them uses; None when the text
    uses neither (or as many of each)."""
    found = variants()
    traditional = len(found.traditional.findall(clean))
    simplified = len(found.simplified.findall(clean))
    if traditional > simplified:
        return "zh-Hant"
    if simplified > traditional:
        return "zh-Hans"
    return None
