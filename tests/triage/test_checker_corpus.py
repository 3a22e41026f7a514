"""The reply checker on its corpus: every supported language, blocked and allowed replies,
paraphrases, and each in invisible-character, look-alike, full-width and entity disguises.

The development half is what the patterns were tuned on: every reply there must get its
verdict. The held-out half was written at the same time and never tuned on; its figures are
reported in bench/README.md (`python bench/eval_checker.py`), and the test holds them.
"""

from __future__ import annotations

import pytest

from reviewwatch.triage.checker import check_reply, supported_languages
from tests.triage.reply_corpus import Reply, load, with_variants

DEV = list(with_variants(load("dev")))
HOLDOUT = list(with_variants(load("holdout")))


def _blocked(reply: Reply) -> tuple[bool, set[str]]:
    result = check_reply(reply.text, platform=reply.platform, language=reply.lang)
    rules = {f.rule for f in result.findings if f.severity == "block"}
    return not result.ok, rules


def test_the_corpus_is_large_and_covers_every_language() -> None:
    written = load("dev") + load("holdout")
    assert len(written) >= 220
    assert len(DEV) + len(HOLDOUT) >= 1000
    assert {reply.lang for reply in written} == set(supported_languages())
    for half in (load("dev"), load("holdout")):
        for language in supported_languages():
            expects = {r.expect for r in half if r.lang == language}
            assert expects == {"block", "allow"}, language


@pytest.mark.parametrize("reply", DEV, ids=lambda r: f"{r.lang}-{r.variant}-{r.text[:30]}")
def test_development_half(reply: Reply) -> None:
    blocked, rules = _blocked(reply)
    if reply.expect == "allow":
        assert not blocked, f"false block: {rules}"
    else:
        assert blocked, "violation passed"
        assert reply.rule in rules


def test_held_out_half_recall_and_false_blocks() -> None:
    violations = [reply for reply in HOLDOUT if reply.expect == "block"]
    good = [reply for reply in HOLDOUT if reply.expect == "allow"]
    caught = sum(_blocked(reply)[0] for reply in violations)
    false_blocks = [reply for reply in good if _blocked(reply)[0]]
    # Measured (bench/README.md): 446 of 496 over three rounds (0.899) while never tuned on;
    # 496 of 496 since the fourth round of tuning read these halves' misses, so the figure is
    # no longer an unbiased one (round 4's is, below). This holds it so that no change makes it
    # worse.
    assert caught == len(violations)
    assert not false_blocks


ROUND4 = list(with_variants(load("holdout4")))


def test_fourth_round_recall_and_false_blocks() -> None:
    """Round 4 was written before the fourth round of tuning and never tuned on: the unbiased
    figure. Measured (bench/README.md): 0.728 (279/383) before that tuning, 0.744 (285/383)
    after; one good Latvian reply ("Paldies, ka ...": thanks the Latvian thanks cue does not
    know) is blocked in all six forms, left as measured rather than fixed on held-out data."""
    violations = [reply for reply in ROUND4 if reply.expect == "block"]
    good = [reply for reply in ROUND4 if reply.expect == "allow"]
    caught = sum(_blocked(reply)[0] for reply in violations)
    false_blocks = {reply.lang for reply in good if _blocked(reply)[0]}
    assert len(violations) >= 60 * 5 and len(good) >= 30 * 5
    assert {reply.lang for reply in ROUND4} == set(supported_languages())
    assert caught / len(violations) >= 0.744
    assert sum(_blocked(reply)[0] for reply in good) <= 6
    assert false_blocks <= {"lv"}


def test_fifth_round_is_well_formed() -> None:
    """Round 5 was written before the fifth round of tuning and is never tuned on. It is only
    measured (`python bench/eval_checker.py`), so no test holds its verdicts: this checks its
    form only, so that a broken file cannot silently shrink the measurement."""
    from reviewwatch.business import PLATFORMS

    round5 = load("holdout5")
    assert len(round5) >= 200
    assert {reply.expect for reply in round5} == {"block", "allow"}
    assert {reply.platform for reply in round5} <= set(PLATFORMS)
    assert {reply.lang for reply in round5} == set(supported_languages())
    for language in supported_languages():
        assert {r.expect for r in round5 if r.lang == language} == {"block", "allow"}, language
    blocked = [reply for reply in round5 if reply.expect == "block"]
    assert all(reply.rule for reply in blocked)
    assert not any(reply.rule for reply in round5 if reply.expect == "allow")
    assert len({reply.rule for reply in blocked}) >= 10
    assert 0.5 <= len(blocked) / len(round5) <= 0.7
    assert len(list(with_variants(round5))) > 5 * len(round5)


def test_a_disguise_never_changes_the_verdict() -> None:
    by_text: dict[tuple[str, str], bool] = {}
    every = load("dev") + load("holdout") + load("holdout4")
    for reply in every:
        by_text[reply.text, reply.platform] = _blocked(reply)[0]
    for written in every:
        for reply in with_variants([written]):
            assert _blocked(reply)[0] == by_text[written.text, written.platform], reply.variant


def test_checking_a_draft_part_by_part_equals_checking_it_whole() -> None:
    """check_parts (drafts: each sentence read once and cached) gives check_reply's result,
    also when the offer and the ask are in different parts."""
    import re

    from reviewwatch.triage.checker import check_parts

    for reply in load("dev") + load("holdout"):
        text = reply.text
        parts = [(m.start(), m.group()) for m in re.finditer(r"[^.!?。！？\n]+[.!?。！？]?", text)]
        for platform in (reply.platform, "ebay", "generic"):
            whole = check_reply(text, platform=platform, language=reply.lang)
            by_parts = check_parts(text, parts, platform=platform, language=reply.lang)
            assert by_parts == whole, (platform, text)
