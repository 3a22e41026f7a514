"""`related_spans` skips the relating where a reading has nothing to relate: the shortcut
gives exactly what the full pass gives."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewwatch.triage._phrases import INCENTIVE, languages_for, pattern_rules
from reviewwatch.triage._reply_spans import RawSpans, raw_spans, related_in_full, related_spans
from reviewwatch.triage.analysis import analyse

from .reply_corpus import load

_SPAN = st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda s: (s[0], s[0] + s[1]))
_RULES = st.sampled_from([INCENTIVE, *(rule.name for rule in pattern_rules())])


_SPANS = st.lists(_SPAN, max_size=3).map(tuple)
# A draft's usual fields (an apology, a remedy, an offer ...), and fields that start a
# relation of their own; a field left out is empty.
_FIELD_NAMES = (
    "regrets", "amends", "bids", "grounds", "offers", "actions", "cited", "lateness", "sad",
    "glad", "expected", "given", "settled", "remedies", "permitted", "causes", "consequences",
    "wrongs", "bare_denials", "not_ours", "acts",
)  # fmt: skip
# The fields of a draft's sentences (`_PARTNERED_FIELDS`), which alone take the short cut.
_DRAFT_FIELDS = ("regrets", "amends", "bids", "grounds", "offers", "causes", "consequences")
_FIELDS = st.one_of(
    st.fixed_dictionaries({}, optional=dict.fromkeys(_DRAFT_FIELDS, _SPANS)),
    st.fixed_dictionaries({}, optional=dict.fromkeys(_FIELD_NAMES, _SPANS)),
)


@settings(max_examples=500, deadline=None)
@given(
    st.dictionaries(_RULES, st.lists(_SPAN, max_size=4).map(tuple), max_size=6),
    _SPANS,
    _FIELDS,
    st.lists(st.integers(0, 80), max_size=2).map(tuple),
    st.booleans(),
)
def test_a_reading_with_nothing_to_relate_gets_the_full_pass_result(
    by_rule: dict[str, tuple[tuple[int, int], ...]],
    phones: tuple[tuple[int, int], ...],
    fields: dict[str, Any],
    mentions: tuple[int, ...],
    open_street: bool,
) -> None:
    # Overlapping and unsorted incentive spans; phones (a field the relations read) or not;
    # spans of two (start, end) in every field drawn (the relations only compare positions).
    raw = RawSpans(by_rule, (), phones, mentions=mentions, open_street=open_street, **fields)
    assert related_spans(raw) == related_in_full(raw)


def test_the_readings_of_the_corpus_relate_alike() -> None:
    for reply in load("dev")[:400]:
        languages = languages_for(reply.lang)
        raw = raw_spans(analyse(reply.text).folded, languages)
        assert related_spans(raw) == related_in_full(raw), reply.text
        assert related_spans(raw, ((0, 3),)) == related_in_full(raw, ((0, 3),)), reply.text
