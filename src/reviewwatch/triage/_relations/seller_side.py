"""The seller's side of a fault: readings that keep blame words off the reviewer, a thing of
the seller's left undone ("the terrace was not cleaned when you arrived") and the reviewer's
fault denied by contrast ("our fault, not yours")."""

from __future__ import annotations

import re

from reviewwatch.triage._clauses import Span, clause_start
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.spans import overlaps

# An article and a noun, a form of "to be" or "to have" (a French "n'" before it), then at
# most three words before the neglect: "the room was not", "die Terrasse war bei Ihrer
# Ankunft nicht", "la chambre n'avait pas", "het terras was niet".
_PASSIVE_SUBJECT = re.compile(
    r"(?<![^\W\d_])(?:the|a|o|os|as|el|la|los|las|il|lo|gli|le|les|l['’]|der|die|das|de|het)"
    r"\s*([^\W\d_]+)\s+(?:n['’])?"
    r"(?:was|were|is|are|had|has|been|war|waren|ist|sind|wurde|wurden|etait|etaient|est|sont|"
    r"avait|avaient|estaba|estaban|esta|era|eran|habia|fue|e|erano|stata|stato|werd|zijn|"
    r"estava|estavam|foi|tinha)"
    r"\s+(?:[^\W\d_]+\s+){0,3}$"
)

# The reviewer as the agent of a passive ("by you", "von Ihnen", "par vous", "door u").
_AGENT = re.compile(r"(?<![^\W\d_])(?:by|von|par|por|da|dal|dalla|door|pelo|pela|przez)\s+$")


def thing_left_undone(reading: Reading, neglect: Span) -> bool:
    """Whether a neglect is said of a thing in the passive ("the terrace was not cleaned",
    "die Terrasse war bei Ihrer Ankunft nicht gereinigt", "la chambre n'avait pas été
    vérifiée"): the seller's own failure, even with the reviewer's arrival beside it. Not the
    instructions ("the label was not read": cited at the reviewer), not the customer, not the
    reviewer as its agent ("von Ihnen nicht gelesen")."""
    start = max(clause_start(reading.text, neglect[0]), neglect[0] - 60)
    named = _PASSIVE_SUBJECT.search(reading.text, start, neglect[0])
    if named is None:
        return False
    noun = named.span(1)
    people = reading.find("you") + reading.find("we") + reading.find("guide")
    if any(overlaps(noun, other) for other in people):
        return False
    return not any(
        named.start() <= one[0] < neglect[0] and _AGENT.search(reading.text, named.start(), one[0])
        for one in reading.find("you")
    )


# "Not" set against the reviewer's share right before it: "et non votre faute", "nevis jūsu
# kļūda", "a nie Pana wina" (folded: accents gone).
_CONTRAST = re.compile(r"(?<![^\W\d_])(?:non|nevis|not|nicht|no|niet|nao|nie|pas)\s+$")


def fault_denied_yours(reading: Reading, span: Span) -> bool:
    """Whether the reviewer's fault at `span` is denied by a contrast with the seller's
    ("notre faute et non votre faute", "mūsu, nevis jūsu kļūda"): the seller owns it."""
    window = reading.text[max(0, span[0] - 12) : span[0]]
    return _CONTRAST.search(window) is not None
