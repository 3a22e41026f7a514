"""Legal words that reassure the reviewer rather than threaten: a lawyer said not to be needed
("Einen Anwalt müssen Sie dafür nicht bemühen", "there is no need for a lawyer") and the police
called in at the reviewer's own request ("we handed the footage to the police as you asked")."""

from __future__ import annotations

import re

from reviewwatch.triage._clauses import Span, sentence_start
from reviewwatch.triage._concept_words import folded_pattern
from reviewwatch.triage._concepts import Reading

# Not needed, just before the legal word: "no need for a lawyer", "sin necesidad de un
# abogado", "pas besoin d'avocat", "没必要找律师".
_NEEDLESS_BEFORE = re.compile(
    folded_pattern(
        r"(?:(?<![^\W\d_])(?:no\s+need\s+(?:for|to\s+(?:get|call|hire|involve))|"
        r"(?:do|does)\s*n[o']?t\s+need|need\s+not|needn't|"
        r"sin\s+necesidad\s+de|no\s+hace\s+falta|pas\s+besoin\s+d|"
        r"nicht\s+nötig|kein\s+bedarf\s+an|"
        r"geen\s+behoefte\s+aan|non\s+(?:serve|c'e\s+bisogno\s+di)|"
        r"sem\s+necessidade\s+de|nao\s+(?:e\s+preciso|faz\s+falta)|"
        r"nie\s+ma\s+potrzeby|nav\s+vajadzibas\s+pec)"
        r"\s+(?:[^\W\d_']+['\s]+){0,2}?|(?:不需要|不必|没必要|沒必要|无需|無需)[找请請]?)$"
    )
)
# Not needed, after the legal word in its clause (verb-final and inverted orders): "Einen
# Anwalt brauchen Sie dafür nicht", "un abogado no hace falta", "un avocat n'est pas
# nécessaire", "a lawyer is not needed", "advocaat is niet nodig", "律师就不需要了".
_NEEDLESS_AFTER = re.compile(
    folded_pattern(
        r"\s*(?:[^\W\d_]+\s+){0,4}?(?:"
        r"(?:brauch|muss|müss|benötig)\w*\s+(?:sie|du|ihr)\s+(?:[^\W\d_]+\s+){0,2}?nicht\b|"
        r"(?:is|are)\s+(?:not|n't)\s+(?:needed|necessary|required)|isn't\s+(?:needed|necessary)|"
        r"no\s+(?:hace\s+falta|es\s+necesari)|n'est\s+pas\s+necessaire|"
        r"(?:is\s+)?niet\s+nodig|non\s+(?:serve|e\s+necessari)|"
        r"nao\s+(?:e\s+(?:necessari|preciso)|faz\s+falta)|nie\s+jest\s+potrzebn|"
        r"nav\s+vajadzig|nav\s+nepieciesam)|"
        r"(?:就|也)?(?:不需要|不必|没必要|沒必要)"
    )
)
# A condition or a "yet" in the sentence keeps the lawyer in reserve: "if you delete it,
# no lawyer is needed", "sonst brauchen Sie ...", "our lawyer is not needed yet".
_RESERVE = re.compile(
    r"(?<![^\W\d_])(?:if|unless|otherwise|or\s+else|wenn|falls|sonst|si|se|als|tenzij|"
    r"anders|jesli|jezeli|senao|sino|altrimenti|sinon|yet|so\s+far|noch|todavia|aun|encore|"
    r"nog|ancora|ainda|jeszcze|vel)(?![^\W\d_])|如果|否则|否則|还|還|暂时|暫時"
)
# At the reviewer's own request: "as you asked", "wie von Ihnen gewünscht", "como nos pidió",
# "comme vous l'avez demandé", "zoals u vroeg", "come ci ha chiesto", "como nos pediu",
# "zgodnie z Pana prośbą", "kā lūdzāt", "按您的要求".
_AT_REQUEST = re.compile(
    folded_pattern(
        r"(?<![^\W\d_])(?:as\s+you\s+(?:had\s+)?(?:asked|requested|wished|wanted)|"
        r"at\s+your\s+(?:request|wish)|as\s+requested|"
        r"wie\s+(?:von\s+ihnen\s+)?(?:gewünscht|erbeten|verlangt)|auf\s+ihren\s+wunsch|"
        r"como\s+(?:nos\s+|usted\s+)?(?:pidio|solicito|pediu|solicitou)|"
        r"como\s+(?:se\s+)?solicitado|a\s+peticion\s+suya|a\s+su\s+peticion|"
        r"comme\s+vous\s+(?:nous\s+)?(?:l'avez\s+|l'aviez\s+)?(?:demande|souhaite)|"
        r"a\s+votre\s+demande|zoals\s+(?:u|je)\s+(?:vroeg|verzocht|wenste)|op\s+uw\s+verzoek|"
        r"come\s+(?:ci\s+|lei\s+)?(?:ha|aveva)\s+(?:chiesto|richiesto)|come\s+richiesto|"
        r"conforme\s+(?:solicitado|pedido)|a\s+seu\s+pedido|"
        r"zgodnie\s+z\s+(?:pana|pani|twoja|panstwa)\s+prosba|na\s+(?:pana|pani)\s+prosbe|"
        r"ka\s+(?:jus\s+)?(?:ludzat|ludzat)|pec\s+jusu\s+ludzuma)(?![^\W\d_])|"
        r"[按应應照]您的(?:要求|请求|請求)"
    )
)


def needless(reading: Reading, legal: Span) -> bool:
    """Whether the lawyer or court at `legal` is said not to be needed, just before it or
    after it in its clause, in a sentence with no condition that keeps it in reserve."""
    text = reading.text
    if not (
        _NEEDLESS_BEFORE.search(text, max(0, legal[0] - 40), legal[0])
        or _NEEDLESS_AFTER.match(text, legal[1])
    ):
        return False
    start = sentence_start(text, legal[0])
    return _RESERVE.search(text, start, reading.sentence_end(reading.sentence(legal[0]))) is None


def at_request(reading: Reading, police: Span) -> bool:
    """Whether the police at `police` were called in at the reviewer's own request, said in
    its sentence ("We've handed the footage to the police as you asked")."""
    text = reading.text
    start = sentence_start(text, police[0])
    end = reading.sentence_end(reading.sentence(police[0]))
    return _AT_REQUEST.search(text, start, end) is not None
