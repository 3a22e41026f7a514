"""A low rating acknowledged: "给一星我们完全理解", "The one star? We fully understand it",
"Die zwei Sterne verstehen wir". Naming the reviewer's low rating beside the seller's
understanding asks for no rating: no one is asked to give one star."""

from __future__ import annotations

import re

from reviewwatch.triage._clauses import Span, sentence_start
from reviewwatch.triage._concept_words import folded_pattern
from reviewwatch.triage._concepts import Reading

# The seller understanding, or the rating called understandable, in the ten languages.
_UNDERSTOOD = re.compile(
    folded_pattern(
        r"(?<![^\W\d_])(?:understand\w*|verstehe\w*|verständlich|nachvollziehbar|entend\w*|"
        r"comprend\w*|comprensibl\w*|comprehensibl\w*|compréhensible|begrijp\w*|capiamo|"
        r"capisco|comprensibile|compreend\w*|compreensível|rozumiem\w*|zrozumia\w*|"
        r"saprot\w*|saprotam\w*)|理解|明白"
    )
)
# How far the understanding may stand from the rating, in characters of the same sentence.
_REACH = 40


def acknowledged(reading: Reading, action: Span) -> bool:
    """Whether `action` names a low rating (one to three stars, "差评") that the seller says
    it understands just before, inside or after it, in one sentence: the rating acknowledged, not
    asked for. A high rating asked for stays an ask ("Give us five stars, we'd understand")."""
    if not any(low[0] < action[1] and action[0] < low[1] for low in reading.find("low")):
        return False
    text = reading.text
    start = max(action[0] - _REACH, sentence_start(text, action[0]))
    end = min(action[1] + _REACH, reading.sentence_end(reading.sentence(action[0])))
    return _UNDERSTOOD.search(text, start, end) is not None
