"""The reply checker corpus (`checker_corpus/*.toml`) and its disguised variants.

Each written reply is also checked in five disguises a seller (or a copy-paste) can give it
without changing what a reader sees: a soft hyphen or a zero-width space inside every longer
word, Cyrillic look-alike letters inside them, full-width letters, and HTML entities. A
disguise must not change the verdict. Shared by the corpus tests and `bench/eval_checker.py`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "checker_corpus"
_WORD = re.compile(r"(?<![&\w])[A-Za-z]{4,}")
_ENTITY = re.compile(r"&#?\w+;")
_CYRILLIC = str.maketrans("aeocpxy", "аеосрху")


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    lang: str
    platform: str
    expect: str
    rule: str
    variant: str = "written"


# The files of each half: a first round, a second one (Italian, Portuguese, Polish and more
# paraphrases) and a third (paraphrases), each written before its round of tuning. Round 4
# (`holdout4`) was held out until the concept relations were written, and is a development
# round since; rounds 5-18 (`dev5`-`dev18`) are development rounds written for the concept
# relations, each measured once before it was tuned on. `holdout5`, written by someone who
# had read neither the checker nor the other rounds, was measured once as a held-out round
# and has been tuned on since; `dev19` (paraphrases of its misses in new words) was measured
# once before it was tuned on. `holdout6`, a sixth blind round, was measured once as a
# held-out round and is a development round since; `dev20` (good replies that use the
# checker's trigger words in allowed ways, and violations) was measured once before it was
# tuned on. `holdout7`, a seventh blind round, and `holdout8`, an eighth, were each measured
# once as a held-out round and are development rounds since, as is `holdout9`, a ninth;
# `dev21` (blame, threats, accusations and gating, written without reading the checker) was
# measured once before it was tuned on; `holdout10`, a tenth blind round, was measured as a
# held-out round before and after the work on those two and is a development round since, as
# is `holdout11`, an eleventh, measured after rounds 10 and 11 of the work; `dev22` (good
# replies that use the checker's trigger words in allowed ways, three to one, and their
# near twins that cross the line) was measured once before it was tuned on; `holdout12`, a
# twelfth blind round, was measured before and after round 12 of the work, and is a
# development round since, as are `holdout13`, a thirteenth, measured before and after round
# 13, and `holdout14`, a fourteenth, measured before and after round 14, and `holdout15`, a
# fifteenth, measured before and after round 15 and read and tuned on in round 16 (its
# replies that give the business's own contact data relabelled first). `dev23` is the first
# round with Japanese, written when the checker learnt the language (part of it measured once
# before it was tuned on). `holdout16`, a blind round of Japanese replies only, was measured
# once as a held-out round and is a development round since; `dev24` (Japanese, written for
# the kinds of wording it missed, with near misses) was tuned on. `holdout18a`, the half of an
# eighteenth blind round that was read, was measured before round 17 of the work and tuned
# on in it; its other half, `holdout18b`, was only measured and is not kept. `holdout19a`,
# the read half of a nineteenth blind round (one reply relabelled: eBay's 80-character
# limit), was measured before round 18 of the work and tuned on in it; its other half,
# `holdout19b`, was only measured and is not kept. `holdout20a`, the read half of a twentieth
# blind round written with subtler violations (eBay's limit applied the same way), was
# measured before round 19 and tuned on in it; its other half, `holdout20b`, was only measured
# and is not kept. `holdout21a`, the read half of a twenty-first blind round (its good replies
# that give the business's contact data where the platform allows none relabelled first), was
# measured before round 20 and tuned on in it; its other half, `holdout21b`, was only measured
# and is not kept. `holdout22a`, the read half of a twenty-second blind round written with the
# house rules on contact data and update requests stated (one reply relabelled: eBay takes
# revision requests only through its own process), was measured before round 21 and tuned on
# in it; its other half, `holdout22b`, is held out. `holdout23a`, the read half of a
# twenty-third blind round written with the hardest kinds foremost (one reply relabelled: the
# Google Play pack allows a link), was measured before round 22 and tuned on in it; its other
# half, `holdout23b`, is held out.
HALVES = {"dev": ("dev", "dev2", "dev3"), "holdout": ("holdout", "holdout2", "holdout3")}
# Every file the checker has been developed on: each reply must get its verdict.
DEVELOPMENT = (
    "dev",
    "dev2",
    "dev3",
    "holdout",
    "holdout2",
    "holdout3",
    "holdout4",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "dev12",
    "dev13",
    "dev14",
    "dev15",
    "dev16",
    "dev17",
    "dev18",
    "holdout5",
    "dev19",
    "holdout6",
    "dev20",
    "holdout7",
    "holdout8",
    "holdout9",
    "dev21",
    "holdout10",
    "holdout11",
    "dev22",
    "holdout12",
    "holdout13",
    "holdout14",
    "dev23",
    "holdout16",
    "dev24",
    "holdout15",
    "holdout18a",
    "holdout19a",
    "holdout20a",
    "holdout21a",
    "holdout22a",
    "holdout23a",
)
# Rounds no one tuned on: only measured (bench/eval_checker.py), never pinned by a test. A
# round may be listed before its file is written; it is skipped until the file is there.
HELD_OUT = ("holdout22b", "holdout23b")


# Languages the checker learnt after the first rounds were written, each with the rounds
# written before it (which have none of its replies).
_LATER_LANGUAGES: dict[str, tuple[str, ...]] = {
    "ja": (*DEVELOPMENT[: DEVELOPMENT.index("dev23")], "holdout15"),
}


# Rounds written for one language only (a newly learnt language's own rounds).
_ONE_LANGUAGE: dict[str, str] = {"dev23": "ja", "holdout16": "ja", "dev24": "ja"}


def languages_of(name: str, supported: tuple[str, ...]) -> set[str]:
    """The checker languages (of `supported`) that round `name` was written for: a language
    learnt after the round was written has no replies in it, and a round written for one
    language has none in the others."""
    if name in _ONE_LANGUAGE:
        return {_ONE_LANGUAGE[name]} & set(supported)
    return {language for language in supported if name not in _LATER_LANGUAGES.get(language, ())}


def present(name: str) -> bool:
    """Whether the corpus file of round `name` has been written."""
    return (CORPUS / f"{name}.toml").exists()


def load(name: str) -> list[Reply]:
    """The written replies of one half ("dev", "holdout"), of every development file
    ("development") or of one file ("dev2")."""
    replies: list[Reply] = []
    files = DEVELOPMENT if name == "development" else HALVES.get(name, (name,))
    for file in files:
        data = tomllib.loads((CORPUS / f"{file}.toml").read_text(encoding="utf-8"))
        replies += [
            Reply(
                item["text"], item["lang"], item["platform"], item["expect"], item.get("rule", "")
            )
            for item in data["reply"]
        ]
    return replies


def _inside_words(insert: str) -> Callable[[str], str]:
    def disguise(text: str) -> str:
        return _WORD.sub(lambda m: m.group()[:2] + insert + m.group()[2:], text)

    return disguise


def _cyrillic(text: str) -> str:
    return _WORD.sub(lambda m: m.group()[0] + m.group()[1:].translate(_CYRILLIC), text)


def _full_width(text: str) -> str:
    """Full-width letters and signs; entities stay as they are (a full-width "&nbsp;" is text)."""
    pieces = _ENTITY.split(text)
    entities = _ENTITY.findall(text)
    wide = ["".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in p) for p in pieces]
    return "".join(w + e for w, e in zip(wide, [*entities, ""], strict=True))


def _entities(text: str) -> str:
    return _WORD.sub(lambda m: m.group()[:1] + f"&#{ord(m.group()[1])};" + m.group()[2:], text)


def _chinese_gaps(text: str) -> str:
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", "\u200b", text)


DISGUISES: dict[str, Callable[[str], str]] = {
    "soft hyphen": _inside_words("\u00ad"),
    "zero-width space": _inside_words("\u200b"),
    "cyrillic look-alikes": _cyrillic,
    "full-width": _full_width,
    "html entities": _entities,
    "zero-width between CJK": _chinese_gaps,
}


def with_variants(replies: list[Reply]) -> Iterator[Reply]:
    """Every reply as written, then each disguise that changes its text."""
    for reply in replies:
        yield reply
        for name, disguise in DISGUISES.items():
            text = disguise(reply.text)
            if text != reply.text:
                yield Reply(text, reply.lang, reply.platform, reply.expect, reply.rule, name)
