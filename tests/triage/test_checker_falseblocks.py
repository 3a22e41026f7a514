"""Good replies that use the words of a violation in an allowed way (the fault denied to the
reviewer, a third party's lapse, the seller's own lawyer, the reviewer's right to complain,
a change the reviewer made alone, a scam in the seller's name ...), each beside a near twin
that must stay blocked, so that no guard swallows the violation it stands next to."""

from __future__ import annotations

import pytest

from reviewwatch.triage.checker import check_reply


def _rules(text: str, language: str) -> set[str]:
    result = check_reply(text, platform="generic", language=language)
    return {finding.rule for finding in result.findings if finding.severity == "block"}


# ---- blame: the fault denied to the reviewer, or named as someone else's ----


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The reviewer's fault denied with the language's own negation.
        ("Kavēšanās nebija Jūsu vaina, to nokavējām mēs.", "lv"),
        ("这是我们系统的问题，并非您操作不当。", "zh"),
        ("U heeft niks verkeerd gedaan bij het aansluiten.", "nl"),
        # A third party named as the one who did not check.
        ("Você não fez nada de errado: o técnico não verificou a peça antes da entrega.", "pt"),
        ("Usted no hizo nada mal: el técnico no revisó la pieza antes de instalarla.", "es"),
        ("You did nothing wrong: the courier didn't check the house number.", "en"),
        ("Lei non ha sbagliato nulla: il tecnico non ha controllato il filtro.", "it"),
        # The seller was the one who should have checked.
        ("Izmērus vajadzēja pārbaudīt mums, nevis Jums.", "lv"),
    ],
)
def test_fault_denied_or_someone_elses_stays_allowed(text: str, language: str) -> None:
    assert "blame_customer" not in _rules(text, language), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kavēšanās bija Jūsu vaina.", "lv"),
        ("这是您操作不当造成的。", "zh"),
        ("U heeft het verkeerd aangesloten.", "nl"),
        ("A senhora não verificou o tamanho antes de encomendar.", "pt"),
        ("Usted no revisó la pieza antes de instalarla.", "es"),
        ("You didn't check the house number.", "en"),
        ("Lei non ha controllato il filtro.", "it"),
        ("Izmērus vajadzēja pārbaudīt Jums, nevis mums.", "lv"),
        ("Jums vajadzēja pārbaudīt izmērus.", "lv"),
    ],
)
def test_fault_put_on_the_reviewer_is_still_blocked(text: str, language: str) -> None:
    assert "blame_customer" in _rules(text, language), text
