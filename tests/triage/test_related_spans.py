"""`related_spans` skips the relating where a reading has nothing to relate: the shortcut
gives exactly what the full pass gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewwatch.triage._phrases import INCENTIVE, languages_for, pattern_rules
from reviewwatch.triage._reply_spans import RawSpans, raw_spans, related_in_full, related_spans
from reviewwatch.triage.analysis import analyse

from .reply_corpus import load

_SPAN = st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda s: (s[0], s[0] + s[1]))
_RULES = st.sampled_from([INCENTIVE, *(rule.name for rule in pattern_rules())])


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(_RULES, st.lists(_SPAN, max_size=4).map(tuple), max_size=6),
    st.lists(_SPAN, max_size=3).map(tuple),
    st.booleans(),
)
def test_a_reading_with_nothing_to_relate_gets_the_full_pass_result(
    by_rule: dict[str, tuple[tuple[int, int], ...]],
    phones: tuple[tuple[int, int], ...],
    open_street: bool,
) -> None:
    # Overlapping and unsorted incentive spans, phones (a field the relations read) or not.
    raw = RawSpans(by_rule, (), phones, open_street=open_street)
    assert related_spans(raw) == related_in_full(raw)


def test_the_readings_of_the_corpus_relate_alike() -> None:
    for reply in load("dev")[:400]:
        languages = languages_for(reply.lang)
        raw = raw_spans(analyse(reply.text).folded, languages)
        assert related_spans(raw) == related_in_full(raw), reply.text
        assert related_spans(raw, ((0, 3),)) == related_in_full(raw, ((0, 3),)), reply.text
