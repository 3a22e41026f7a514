"""The kind of complaint a reviewer's words show, for the draft's sentences that answer it.

A category says what a complaint is about (`price_value`); its kind says which of its sentences
fit what the reviewer wrote (`price_value_charge`: a charge that went wrong). Each reply
language lists, in `data/replies/<language>.toml`, the stems that show each kind in a
category's evidence (`[evidence]`) or anywhere in the review (`[evidence_in_text]`), the
kinds answered from the review's words alone where no category was found (`said_outright`),
the kinds that only repeat another complaint (`[same_complaint]`), and the phrases inside
which a category's words only weigh another complaint (`[only_comparing]`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reviewwatch.triage._data import load_toml
from reviewwatch.triage._lexicon import load_toml as load_data_file
from reviewwatch.triage.analysis import fold
from reviewwatch.triage.models import CATEGORIES, Category


@dataclass(frozen=True, slots=True)
class Complaint:
    """A complaint a draft speaks of: its category, the kind of it that the reviewer's words
    show (`customer_service_rude`, `price_value_charge` ...; the category's name where none
    shows) and the acknowledge slot that answers it."""

    name: str
    kind: str
    acknowledge: str


def complaints_of_their_own(
    code: str, categories: Iterable[Category | str], text: str
) -> list[Category | str]:
    """The categories, less any whose every listed word the review says, each time it says it,
    inside one of the language's `[only_comparing]` phrases for that category: "too expensive
    for this quality" judges the price against the quality, and is the price's complaint (or,
    without one, a complaint for neutral words), not a faulty item's."""
    items = list(categories)
    phrases = _comparing_phrases(code)
    if not text or not phrases:
        return items
    folded = fold(text)
    return [
        item
        for item in items
        if not (
            isinstance(item, Category)
            and item.name in phrases
            and _only_comparing(folded, item.evidence, phrases[item.name])
        )
    ]


def _only_comparing(folded: str, evidence: Sequence[str], phrases: Sequence[str]) -> bool:
    """Whether every word of `evidence` stands, wherever the folded text has it, inside one of
    `phrases` (folded); a word not found as written is not (the words cannot be placed)."""
    inside = [
        (start, start + len(phrase)) for phrase in phrases for start in _starts(folded, phrase)
    ]
    words = [fold(word) for word in evidence if word.strip()]
    if not inside or not words:
        return False
    for word in words:
        starts = _starts(folded, word)
        if not starts:
            return False
        for start in starts:
            end = start + len(word)
            if not any(first <= start and end <= last for first, last in inside):
                return False
    return True


def _starts(text: str, part: str) -> list[int]:
    """Where `part` starts in `text`, every time."""
    starts: list[int] = []
    start = text.find(part)
    while start >= 0:
        starts.append(start)
        start = text.find(part, start + 1)
    return starts


@functools.cache
def _comparing_phrases(code: str) -> dict[str, tuple[str, ...]]:
    """The language's `[only_comparing]` phrases per category, folded once."""
    table: Mapping[str, list[str]] = load_toml("replies", code).get("only_comparing", {})
    return {name: tuple(fold(phrase) for phrase in phrases) for name, phrases in table.items()}


def find_complaints(
    code: str,
    categories: Iterable[Category | str],
    main: Sequence[str],
    text: str,
    role: str,
    business_kind: str,
) -> tuple[Complaint, ...]:
    """The main categories (or, for a draft that would speak in neutral words, a wrong charge
    said outright) as complaints of the kind the reviewer's words show, less those that are
    another complaint's words over again (`[same_complaint]`: "I never ordered
    anything" beside an unauthorised charge is the charge, not a wrong item)."""
    folded = fold(text) if text else ""
    if tuple(main) == ("other",):
        main = _said_outright(code, folded) or main
    found = [_complaint(code, categories, name, folded, role, business_kind) for name in main]
    same: Mapping[str, str] = load_toml("replies", code).get("same_complaint", {})
    kinds = {complaint.kind for complaint in found}
    kept = tuple(complaint for complaint in found if same.get(complaint.kind) not in kinds)
    return kept or tuple(found[:1])


def _said_outright(code: str, folded: str) -> tuple[str, ...]:
    """The category of the first kind in `said_outright` whose `[evidence_in_text]` stems the
    review's text holds: a wrong charge is answered as one even where no category was found
    with words of its own ("took money from my account without my permission")."""
    in_text = {kind: stems for kind, _, stems in _kind_stems(code)}
    outright: Sequence[str] = load_toml("replies", code).get("said_outright", ())
    for kind in outright:
        if _holds(folded, in_text.get(kind, ())):
            return tuple(name for name in CATEGORIES if kind.startswith(name + "_"))[:1]
    return ()


def _complaint(
    code: str,
    categories: Iterable[Category | str],
    name: str,
    folded: str,
    role: str,
    business_kind: str,
) -> Complaint:
    """One category's complaint: its kind is the first of the language's `[evidence]` kinds of
    that category whose stems the category's evidence holds, or whose `[evidence_in_text]`
    stems the review's folded text holds (a wrong charge said outright where the evidence is only
    "billed"); its acknowledge slot is the kind's own where there is one, naming the staff
    member's role where one is known, and the business kind's own (`product_quality_app`: the
    app, no order, no parcel)."""
    evidence = next(
        (
            " | ".join(fold(word) for word in item.evidence)
            for item in categories
            if isinstance(item, Category) and item.name == name
        ),
        "",
    )
    kind = next(
        (
            kind
            for kind, in_evidence, in_text in _kind_stems(code)
            if kind.startswith(name + "_")
            and (_holds(evidence, in_evidence) or _holds(folded, in_text))
        ),
        name,
    )
    acknowledge: Mapping[str, Any] = load_toml("replies", code)["acknowledge"]
    key = kind if kind in acknowledge else name
    if role and f"{key}_role" in acknowledge:
        key = f"{key}_role"
    if f"{key}_{business_kind}" in acknowledge:
        key = f"{key}_{business_kind}"
    return Complaint(name, kind, key)


def _holds(words: str, stems: Sequence[str]) -> bool:
    return any(stem in words for stem in stems)


# Kinds whose evidence is also a complaint stated outright (`data/outright.toml`), with its
# category there: the words triage quotes as that category's evidence.
_STATED_OUTRIGHT = {"price_value_charge": "price_value"}


@functools.cache
def _kind_stems(code: str) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """The language's complaint kinds in `[evidence]` order, each with its stems (folded once)
    for a category's evidence (with the words of `_STATED_OUTRIGHT`) and for the review's
    whole text (`[evidence_in_text]`)."""
    templates = load_toml("replies", code)
    in_evidence: Mapping[str, list[str]] = templates.get("evidence", {})
    in_text: Mapping[str, list[str]] = templates.get("evidence_in_text", {})
    return tuple(
        (
            kind,
            tuple(fold(word) for word in [*in_evidence[kind], *_outright_words(code, kind)]),
            tuple(fold(word) for word in in_text.get(kind, ())),
        )
        for kind in in_evidence
    )


def _outright_words(code: str, kind: str) -> list[str]:
    """The words of the complaint stated outright that `kind` answers, in language `code`."""
    category = _STATED_OUTRIGHT.get(kind)
    if category is None:
        return []
    table: Mapping[str, Mapping[str, list[str]]] = load_data_file("outright.toml").get(category, {})
    return list(table.get(code, {}).get("words", []))
