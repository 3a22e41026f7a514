"""Concepts related to one another in a reply, rather than phrases matched word for word.

Each checker language lists the words that express a concept (an incentive, a review, changing
it, a request, the seller speaking, the reviewer addressed, fault, courts ...) in its
`[concepts]`; `_concept_words` compiles them, and `Reading` finds where each occurs in one reply
and answers how they stand to one another, with the measures of `_clauses`.

A rule holds when its concepts stand in the right relation, whatever the words: a review and a
change within a few words of each other in one sentence, not negated ("we would never ask you to
change your review"), not after thanks ("thank you for updating your review"), and not the
seller's own action ("your review made us change the recipe"). All of it runs on the folded text
of the analysis pass, so invisible characters, look-alikes and entities cannot split a word.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from reviewwatch.triage._caseless import caseless_text
from reviewwatch.triage._clauses import (
    CJK_CHAR,
    CLAUSE_STOPS,
    SENTENCE_STOPS,
    TURN,
    Span,
    clause_start,
    cued,
    sentence_start,
    word_end,
    words_between,
)
from reviewwatch.triage._concept_words import patterns, prefilter, uncovered

# Words that start a clause of its own after "we": "we ask that you ...", "pedimos que".
_SUBORDINATE = re.compile(
    r"(?<![^\W\d_])(?:que|that|to|dass|zu|di|de|da|ze|ka|om|te|per|pour|para|a|o)(?![^\W\d_])"
)
# Japanese kana: a sentence written in Japanese (Chinese has none).
_KANA = re.compile(r"[\u3041-\u30ff]")
# Thanks reach further before a word than a negation: "thank you for taking the time to
# update ...".
_THANKS_WORDS = 5
# How far, across commas, a negation (an aside) and thanks (a long thanks) still reach.
_ASIDE_WORDS = 6
_THANKS_SCOPE = 12
# How far a negative subject ("no one", "niemand") reaches into its predicate.
_NOBODY_WORDS = 12
# Words a sentence opens with when it counts: digits, "only", and small numbers.
_COUNT_OPENING = re.compile(
    r"\s*(?:\d|(?:only|just|nur|solo|solamente|seulement|seuls?|so|apenas|tylko|alleen|tikai|"
    r"one|two|three|four|five|ein|eine|zwei|drei|vier|funf|uno|una|dos|tres|cuatro|cinco|un|"
    r"une|deux|trois|quatre|cinq|due|tre|quattro|cinque|um|uma|duas|quatro|jedna|jeden|dwie|"
    r"trzy|cztery|piec|een|twee|drie|vijf|viena|divas|tris|cetras|piecas)(?![^\W\d_]))"
)
# "... or one": a second count offered alike after the first.
_EITHER_COUNT = re.compile(
    r"\s*,?\s*(?:or|oder|o|ou|czy|lub|albo|of|vai)\s+(?:\d|one|eins?|eine|un[oa]?|une|um|uma|"
    r"jedn[aą]|jeden|een|viena)(?![^\W\d_])"
)
# "... for the food and two for the service": a rating split between two things, given.
_SPLIT_COUNT = re.compile(
    r"\s+(?:stars?\s+|sterne?\s+|etoiles?\s+|estrellas?\s+|stelle\s+|estrelas?\s+|sterren\s+|"
    r"gwiazdk\w*\s+|zvaigzn\w*\s+)?(?:for|fur|pour|para|per|voor|dla|par)\s+[^.!?:;]{1,40}?"
    r"(?:\s(?:and|und|et|y|e|en|i|un)|,)\s+(?:\d|one|two|three|four|ein|eine|zwei|drei|vier|uno|"
    r"una|dos|tres|cuatro|un|une|deux|trois|quatre|due|tre|quattro|um|uma|duas|quatro|jedna|"
    r"jeden|dwie|trzy|cztery|een|twee|drie|vier|viena|divas|tris|cetras)\s+(?:\w+\s+)?"
    r"(?:for|fur|pour|para|per|voor|dla|par)(?![^\W\d_])"
)


@dataclass(frozen=True, slots=True)
class Cues:
    """The negation and thanks cues of the languages being read."""

    negation: re.Pattern[str] | None
    thanks: re.Pattern[str] | None


class Reading:
    """Where each concept occurs in one folded text, found once and related on demand."""

    def __init__(self, text: str, languages: tuple[str, ...], cues: Cues) -> None:
        self.text = text
        self.languages = languages
        self.cues = cues
        self._found: dict[str, list[Span]] = {}
        # Without upper-case letters the patterns may run without IGNORECASE (`_caseless`).
        self.caseless = caseless_text(text)
        self._patterns = patterns(languages, self.caseless)
        # Concepts known absent (`_known_absent`, found at the first look-up).
        self._absent: frozenset[str] | None = None
        stops = [i for i, char in enumerate(text) if char in SENTENCE_STOPS]
        self._stops = stops

    def find(self, name: str) -> list[Span]:
        """Every occurrence of concept `name`."""
        found = self._found.get(name)
        if found is None:
            if name in self._known_absent():
                found = self._found[name] = []
                return found
            pattern = self._patterns[name]
            text = self.text
            # A stem stands for its whole word: "resen" is "reseña".
            found = self._found[name] = (
                []
                if pattern is None
                else [
                    (start, word_end(text, end))
                    for start, end in map(re.Match.span, pattern.finditer(text))
                    if start < end
                ]
            )
        return found

    def _known_absent(self) -> frozenset[str]:
        """The concepts known absent without their own regexes: all that `prefilter` stands
        for but those its union finds in the text."""
        if self._absent is None:
            union, covered = prefilter(self.languages, self.caseless)
            self._absent = covered - union.present(self.text)
        return self._absent

    def silent(self) -> bool:
        """Whether no concept occurs in the text (a name, a greeting)."""
        union, covered = prefilter(self.languages, self.caseless)
        if self._absent is None:
            if union.search(self.text):
                return False
            self._absent = covered  # the union finds none of them
        # All that the union stands for are absent: only the others remain to be run.
        return self._absent == covered and all(
            not self.find(name) for name in uncovered(self.languages, self.caseless)
        )

    def occurs_only(self, allowed: frozenset[str]) -> bool:
        """Whether no concept but those of `allowed` occurs in the text."""
        _, covered = prefilter(self.languages, self.caseless)
        if covered - self._known_absent() - allowed:
            return False
        return all(
            not self.find(name)
            for name in uncovered(self.languages, self.caseless)
            if name not in allowed
        )

    def sentence(self, position: int) -> int:
        """The index of the sentence holding `position`."""
        return bisect_right(self._stops, position)

    def negated(self, span: Span, *, aside: bool = False) -> bool:
        """Whether a negation stands just before `span`; with `aside`, also earlier in its
        sentence with only an aside between ("we would never, under any circumstances, ask
        you to ..."), for asks: "nobody else complained, so the fault is yours" keeps its
        blame."""
        if cued(self.cues.negation, self.text, span[0]):
            return True
        if aside and self._scoped(self.cues.negation, span, _ASIDE_WORDS, requests=False):
            return True
        return aside and self._nobody(span)

    def _nobody(self, span: Span) -> bool:
        """Whether a negative subject ("no one", "niemand", "nadie", "nessuno", "任何人都不")
        opens what `span` is said of: it negates its whole predicate ("no one on our team
        should ever ask a guest to change a review"), up to a "but" or a request in a later
        clause ("nobody likes bad reviews, so please remove yours" still asks)."""
        start = sentence_start(self.text, span[0])
        for nobody in self.find("nobody"):
            if nobody[0] < start or nobody[1] > span[0]:
                continue
            if words_between(self.text, nobody[1], span[0]) > _NOBODY_WORDS:
                continue
            if TURN.search(self.text, nobody[1], span[0]):
                continue
            own = clause_start(self.text, nobody[1])
            if any(
                nobody[1] <= r[0] and r[1] <= span[0] and clause_start(self.text, r[0]) != own
                for r in self.find("request")
            ):
                continue
            return True
        return False

    def thanked(self, span: Span) -> bool:
        """Whether thanks stand before `span` in its sentence ("thank you for", "Paldies, ka
        ...", "Danke, dass Sie sich die Zeit genommen haben, Ihre Bewertung zu ..."): what
        follows is something done, not asked, unless a request or a "but" comes between."""
        if cued(self.cues.thanks, self.text, span[0], reach=60, words=_THANKS_WORDS):
            return True
        return self._scoped(self.cues.thanks, span, _THANKS_SCOPE)

    def _scoped(
        self, pattern: re.Pattern[str] | None, span: Span, words: int, *, requests: bool = True
    ) -> bool:
        """Whether `pattern` stands earlier in the sentence of `span`, at most `words` words
        before it, with no "but" (and, with `requests`, no request or condition) between."""
        if pattern is None:
            return False
        start = sentence_start(self.text, span[0])
        ends = [m.end() for m in pattern.finditer(self.text, start) if m.end() <= span[0]]
        if not ends or words_between(self.text, ends[-1], span[0]) > words:
            return False
        between = (ends[-1], span[0])
        if TURN.search(self.text, *between):
            return False
        return not requests or not any(
            between[0] <= r[0] and r[1] <= between[1] for r in self.find("request")
        )

    def holds_negation(self, span: Span) -> bool:
        """Whether a negation stands inside `span` ("het ligt niet aan u")."""
        pattern = self.cues.negation
        return pattern is not None and pattern.search(self.text, span[0], span[1]) is not None

    def thanks(self) -> list[Span]:
        """Where thanks stand in the text."""
        if self.cues.thanks is None:
            return []
        return [match.span() for match in self.cues.thanks.finditer(self.text)]

    def live(self, name: str, *, aside: bool = False) -> list[Span]:
        """Occurrences of `name` that no negation stands just before (or, with `aside`,
        earlier in the sentence across an aside)."""
        return [span for span in self.find(name) if not self.negated(span, aside=aside)]

    def in_sentence(self, name: str, position: int) -> list[Span]:
        index = self.sentence(position)
        return [span for span in self.find(name) if self.sentence(span[0]) == index]

    def seller_acts(self, span: Span) -> bool:
        """Whether the seller is the subject just before `span` ("we changed", "wir haben",
        "hemos cambiado"); a request ("we ask you to", "le pedimos que") is not."""
        start = max(clause_start(self.text, span[0]), span[0] - 30)
        objects = set(self.find("we_object"))
        return any(
            start <= we[0]
            and we[1] <= span[0]
            and words_between(self.text, we[1], span[0]) <= 1
            and not _SUBORDINATE.search(self.text, we[1], span[0])
            and we not in objects
            for we in self.seller()
        )

    def speaks_of_itself(self, span: Span) -> bool:
        """Whether the seller ("we", "us", "mēs", "mums", "zmieniliśmy") stands inside `span`:
        "after your review we changed ...", "your review helped us improve ..." tell what the
        seller did."""
        return any(span[0] <= we[0] and we[1] <= span[1] for we in self.seller())

    def seller_in_clause(self, position: int) -> bool:
        """Whether the seller speaks of itself in the clause holding `position`."""
        start = clause_start(self.text, position)
        end = min(
            (
                self.text.find(stop, position)
                for stop in CLAUSE_STOPS
                if stop in self.text[position:]
            ),
            default=len(self.text),
        )
        return any(start <= we[0] and we[1] <= end for we in self.seller())

    def seller(self) -> list[Span]:
        """Where the seller speaks of itself ("we", "our"), not in a request ("we ask")."""
        requests = self.find("request")
        return [
            we for we in self.find("we") if not any(r[0] < we[1] and we[0] < r[1] for r in requests)
        ]

    def near(
        self,
        first: Sequence[Span],
        second: Sequence[Span],
        max_words: int,
        *,
        clause: bool = False,
        seller_breaks: bool = True,
    ) -> list[tuple[Span, Span]]:
        """Spans from an occurrence in `first` to one in `second` (either order) in the same
        sentence (or clause), at most `max_words` words apart, with no "we"/"our" between
        them when `seller_breaks`. Gives the pairs (first's member, second's member)."""
        pairs: list[tuple[Span, Span]] = []
        for one in first:
            for other in second:
                if one == other:
                    continue
                left, right = (one, other) if one[0] <= other[0] else (other, one)
                if left[1] > right[0]:
                    # One phrase holds the other ("haal de ster weg"): they are related.
                    pairs.append((one, other))
                    continue
                if self.sentence(left[0]) != self.sentence(right[0]):
                    continue
                if clause and clause_start(self.text, right[0]) > left[0]:
                    continue
                if words_between(self.text, left[1], right[0]) > max_words:
                    continue
                if seller_breaks and any(
                    left[1] <= we[0] and we[1] <= right[0] for we in self.seller()
                ):
                    continue
                pairs.append((one, other))
        return pairs

    def asks_in_clause(self, span: Span) -> bool:
        """Whether the sentence holding `span` asks about it: a question, an imperative, a
        request word before it or in its clause, or a short tag after it (", please"); not
        "we loved your positive review, and we hope to see you again soon"."""
        index = self.sentence(span[0])
        if index < len(self._stops) and self.text[self._stops[index]] in "?？":
            return True
        ends = [self.text.find(stop, span[1]) for stop in CLAUSE_STOPS]
        end = min((at for at in ends if at >= 0), default=len(self.text))
        for request in self.in_sentence("request", span[0]):
            if request[0] < end:
                return True
            if words_between(self.text, end, request[0]) <= 1 and (
                words_between(self.text, request[1], self._sentence_end(index)) <= 1
            ):
                return True
        # An imperative: the sentence opens with the verb ("Give us 5 stars"), no subject.
        # Japanese puts the verb last, so a sentence that opens with the review asks only
        # through a request word ("高評価をいただき、嬉しく思います" asks nothing).
        start = sentence_start(self.text, span[0])
        if words_between(self.text, start, span[0]) > 2:
            return False
        if _KANA.search(self.text, start, self._sentence_end(index)):
            return False
        # A sentence that opens with a count or an "only" states a fact ("Only 3 guests
        # rated us below 5 stars", "Five stars or one, every review is read").
        if _COUNT_OPENING.match(self.text, start):
            return False
        objects = set(self.find("we_object"))
        subjects = [w for w in self.seller() if w not in objects] + self.find("you")
        return not any(start <= w[0] < span[0] for w in subjects)

    def sentence_end(self, index: int) -> int:
        """Where sentence `index` ends (its stop, or the end of the text)."""
        return self._sentence_end(index)

    def _sentence_end(self, index: int) -> int:
        return self._stops[index] if index < len(self._stops) else len(self.text)

    def has_request(self, span: Span) -> bool:
        """Whether the sentence holding `span` asks or sets a condition (please, could you,
        if, once ... or a question mark)."""
        index = self.sentence(span[0])
        if index < len(self._stops) and self.text[self._stops[index]] in "?？":
            return True
        if bool(self.in_sentence("request", span[0])):
            return True
        # An imperative: the sentence opens with the action ("Update your review now.").
        start = sentence_start(self.text, span[0])
        # A count opening the sentence states one ("Five stars or one, every review ...").
        either = _COUNT_OPENING.match(self.text, start) and (
            _EITHER_COUNT.match(self.text, span[1], min(len(self.text), span[1] + 12))
            or _SPLIT_COUNT.match(self.text, span[1], self.sentence_end(self.sentence(span[0])))
        )
        return (
            not either
            and not CJK_CHAR.match(self.text, span[0])
            and not words_between(self.text, start, span[0])
        )
