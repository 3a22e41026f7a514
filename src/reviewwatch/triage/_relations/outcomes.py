"""Outcomes put down to the reviewer: an outcome called natural after a condition on their
doing, and one called normal without the step they left out."""

from __future__ import annotations

import re

from reviewwatch.triage._clauses import Span
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.blame_cues import felt
from reviewwatch.triage._relations.spans import clause_end, spanning

# Someone in general as the subject of a condition: "wenn man ...", "if one ...".
_ANYONE = re.compile(r"(?<![^\W\d_])(?:man|one|on|uno)(?![^\W\d_])")


def natural_outcomes(reading: Reading) -> list[Span]:
    """A condition on the reviewer's (or anyone's) doing, then an outcome called natural later
    in its sentence ("Als je met 2 bar rijdt ..., krijg je vanzelf een lekke band", "Wenn man
    danach selbst an der Zugspannung dreht, verstellt sich die Schaltung natürlich"): told as
    what the reviewer did, for a denial of the seller's fault (`disowned_faults`). Not the
    seller's condition or outcome ("if you send it back, we will of course refund it"), not
    beside a feeling."""
    found: list[Span] = []
    conditions = reading.find("if_you")
    for natural in reading.find("of_course"):
        if reading.seller_in_clause(natural[0]) or felt(reading, natural):
            continue
        index = reading.sentence(natural[0])
        for condition in conditions:
            if reading.sentence(condition[0]) != index or condition[1] > natural[0]:
                continue
            end = clause_end(reading.text, condition[1])
            if reading.seller_in_clause(condition[1]):
                continue
            someone = _ANYONE.search(reading.text, condition[1], end) or any(
                condition[0] <= one[0] < end for one in reading.find("you")
            )
            if someone:
                found.append(spanning(condition, natural))
                break
    return found


def omitted_steps(reading: Reading) -> list[Span]:
    """An outcome called normal or inevitable without the step the reviewer left out ("Sans
    cette étape, le résultat que vous décrivez est tout à fait normal", "Without that, some
    rust is inevitable", "Ohne diesen Schritt ist das zu erwarten"): an outcome only to be
    expected, blame after the instructions or the reviewer's act (`blame_grounds`, related
    in `related_spans`). "Without" earlier in the sentence; not negated ("not normal"),
    not in the seller's clause, not beside an apology or a feeling."""
    found: list[Span] = []
    withouts = reading.find("without_it")
    if not withouts:
        return found
    for normal in reading.find("normal"):
        if reading.negated(normal) or reading.seller_in_clause(normal[0]):
            continue
        index = reading.sentence(normal[0])
        earlier = [w for w in withouts if reading.sentence(w[0]) == index and w[1] <= normal[0]]
        if earlier and not felt(reading, normal):
            found.append(spanning(earlier[0], normal))
    return found
