"""A reading in which no rule finds anything is assembled without asking every rule: the
platform's rules pick the same spans from every kind of reading as asking each rule does."""

from __future__ import annotations

from typing import Any

import pytest

from reviewwatch.triage import checker
from reviewwatch.triage._phrases import pattern_rules
from reviewwatch.triage._reply_spans import RawSpans
from reviewwatch.triage.models import PLATFORMS, Surface

SURFACES: tuple[Surface, ...] = ("public_reply", "private_message")
SPAN = ((3, 9),)


def _each_rule_asked(raw: RawSpans, platform: str, surface: Surface) -> tuple[Any, ...]:
    return tuple(
        (rule.name, start, end)
        for rule in checker._applied_rules(platform, surface)
        for start, end in checker._spans_for(rule, raw)
    )


def _readings() -> list[RawSpans]:
    """A reading with nothing, and one with a single span in each field a rule reads."""
    empty = {rule.name: () for rule in pattern_rules()}
    readings = [RawSpans(empty, (), ())]
    readings += [RawSpans({**empty, name: SPAN}, (), ()) for name in empty]
    readings += [RawSpans(empty, SPAN, ()), RawSpans(empty, (), SPAN)]
    readings += [RawSpans(empty, (), (), addresses=SPAN), RawSpans(empty, (), (), downloads=SPAN)]
    return readings


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize("surface", SURFACES)
def test_the_rules_pick_what_asking_each_rule_picks(platform: str, surface: Surface) -> None:
    picked = 0
    for raw in _readings():
        expected = _each_rule_asked(raw, platform, surface)
        assert checker._select(raw, platform, surface) == expected, raw
        picked += bool(expected)
    assert checker._select(_readings()[0], platform, surface) == ()
    # Each span reaches some rule on most platforms: the readings test both answers.
    assert picked > 5
