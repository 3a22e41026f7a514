"""What the checker experiments share: the rules a model never speaks for, and the
leave-rounds-out scores of a model fitted on every other corpus round."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, Protocol, TypeVar

# The rules a model never speaks for: exact checks, not a matter of wording.
EXACT_RULES = frozenset({"length", "link", "personal_data", "empty_reply"})


class Round(Protocol):
    """A corpus round as a model reads it: its name and one row of features a reply."""

    @property
    def name(self) -> str: ...

    @property
    def rows(self) -> Any: ...


RoundT = TypeVar("RoundT", bound=Round)


class LeaveOutScores(Generic[RoundT]):
    """Scores of one round by a model fitted on the rounds without it (and without one more),
    cached: the model fitted without rounds A and B scores both A and B."""

    def __init__(self, rounds: Sequence[RoundT], fit: Callable[[Sequence[RoundT]], Any]) -> None:
        self.rounds = {r.name: r for r in rounds}
        self._fit = fit
        self._cache: dict[tuple[frozenset[str], str], Any] = {}

    def of(self, name: str, without: Iterable[str] = ()) -> Any:
        left_out = frozenset({name, *without})
        key = (left_out, name)
        if key not in self._cache:
            model = self._fit([r for r in self.rounds.values() if r.name not in left_out])
            for other in left_out:
                self._cache[(left_out, other)] = model.predict_proba(self.rounds[other].rows)[:, 1]
        return self._cache[key]
