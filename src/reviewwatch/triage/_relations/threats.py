"""Threats and insults: legal steps, the police, exposure, bans, visits, unwanted customers,
scorn for the reviewer or the complaint, and the legal services that are no threat."""

from __future__ import annotations

import re

from reviewwatch.triage._clauses import (
    CJK_CHAR,
    TURN,
    Span,
    clause_start,
    sentence_start,
    words_between,
)
from reviewwatch.triage._concepts import Reading
from reviewwatch.triage._relations.accusations import VICTIM, reviewers_own
from reviewwatch.triage._relations.assurances import at_request, needless
from reviewwatch.triage._relations.sent_down import sent_down
from reviewwatch.triage._relations.spans import belittling_reach, clause_end, overlaps, spanning


def threats(reading: Reading) -> list[Span]:
    """Courts, lawyers and lawsuits, "you will regret it", insults, and sending the reviewer
    away; customers "like you" said to be unwanted, a lesser food or place said to fit the
    reviewer ("fast food is more your level"), mockery that needs no "you" ("you clearly
    have too much free time", "such nonsense"), exposing the reviewer (their name put up,
    their employer or other businesses told) and the review taken to the police."""
    services = legal_services(reading)
    legal = [span for span in reading.live("legal") if span not in services]
    # A lawyer or a complaint the reviewer took is theirs, not the seller's threat; nor is a
    # lawyer said to have no part in it ("Our lawyer has nothing to do with this").
    legal = [
        span for span in legal if not reviewers_own(reading, span) and not no_part(reading, span)
    ]
    found = legal + reading.live("regret")
    # The police against the reviewer, not a theft the seller reported nor a report the
    # reviewer made.
    you = reading.find("you")
    police = reading.live("police")
    # Nor the police called in at the reviewer's own request ("as you asked").
    police = [
        span
        for span in police
        if not reviewers_own(reading, span) and not at_request(reading, span)
    ]
    found += [spanning(call, one) for call, one in reading.near(police, you, 2, clause=True)]
    # Chinese says "will call the police" without naming anyone.
    found += [call for call in police if CJK_CHAR.match(reading.text, call[0])]
    found += [
        word for word in reading.live("insult") if not VICTIM.search(reading.text, 0, word[0])
    ]
    # Sending the reviewer away with scorn: "go eat somewhere else", "kaufen Sie eben
    # woanders", "on se passera de clients comme vous", "买不起就别买".
    found += reading.live("dismiss")
    found += _unwanted_customers(reading)
    found += sent_down(reading)
    # Mockery that needs no "you": "Lesen scheint schwer", "quite the tantrum", "没见过世面".
    found += reading.live("mock")
    # "Such nonsense" scorns the text under a negation too ("we won't answer such nonsense").
    found += reading.find("drivel")
    # Exposing the reviewer: their name or photo put up, their employer or other businesses
    # told, "we identified you on our cameras".
    found += reading.live("expose")
    found += _reported_review(reading)
    you = reading.find("you")
    for word in reading.live("belittle"):
        start = clause_start(reading.text, word[0])
        if any(
            start <= one[0]
            and one[1] <= word[0]
            and words_between(reading.text, one[1], word[0]) <= belittling_reach(reading.text, one)
            for one in you
        ):
            found.append(word)
    return found


# "Has nothing to do with it", a word or two after a legal word, in the languages read.
_NO_PART = re.compile(
    r"\s*(?:[^\W\d_]+\s+){0,2}?(?:(?:has|have|had)\s+nothing\s+to\s+do\s+with|"
    r"(?:hat|haben)\s+(?:damit\s+|hiermit\s+)?nichts\s+(?:damit\s+)?zu\s+tun|"
    r"no\s+tienen?\s+nada\s+que\s+ver|n.(?:a|ont)\s+rien\s+a\s+voir|"
    r"(?:heeft|hebben)\s+(?:er\s+)?niets\s+mee\s+te\s+maken|non\s+c.entra|"
    r"nao\s+tem\s+nada\s+a\s+ver|nie\s+ma\s+(?:z\s+tym\s+)?nic\s+wspolnego|"
    r"nav\s+nekada\s+sakara|(?:与此|和这|跟这|與此|和這|跟這)?(?:无关|無關|没有关系|沒有關係))"
)


_YET = re.compile(
    r"(?<![^\W\d_])(?:yet|so\s+far|noch|todavia|aun|encore|nog|ancora|ainda|jeszcze|vel)"
    r"(?![^\W\d_])|还|還|暂时|暫時"
)


def no_part(reading: Reading, span: Span) -> bool:
    """Whether the lawyer or court at `span` is said to have no part in it ("Our lawyer has
    nothing to do with this", "Unser Anwalt hat damit nichts zu tun", "我们的律师与此无关")."""
    found = _NO_PART.match(reading.text, span[1])
    if found is None:
        return False
    # "... nothing to do with this yet" keeps the lawyer in reserve.
    rest = reading.text[found.end() : found.end() + 30]
    return _YET.search(re.split(r"[.!?;:,。！？；，]", rest)[0]) is None


# How far apart the reviewer's right and the recourse it names may stand (words).
_RIGHT_WORDS = 12


def _their_right(reading: Reading, legal: Span) -> bool:
    """Whether `legal` is recourse the reviewer is told is theirs by right, in its sentence
    with no "but" between and the seller not in the legal word's clause before it: "You're
    entitled to take this to the small claims court", "Dass Sie über einen Anwalt
    nachdenken, ... das ist Ihr gutes Recht", "Tiene todo el derecho a acudir a un abogado",
    "您有权向法院起诉"; "you have every right to complain, and we have every right to take you
    to court" and "... but our lawyer will be in touch" keep their threat."""
    text = reading.text
    clause = clause_start(text, legal[0])
    if any(clause <= we[0] < legal[0] for we in reading.find("we")):
        return False
    for right in reading.in_sentence("your_right", legal[0]):
        left, later = (right, legal) if right[0] < legal[0] else (legal, right)
        if words_between(text, left[1], later[0]) > _RIGHT_WORDS:
            continue
        if TURN.search(text, left[1], later[0]) is None:
            return True
    return False


def _unwanted_customers(reading: Reading) -> list[Span]:
    """Customers "like you" said to be unwanted in one sentence: "Kunden wie Sie brauchen wir
    nicht", "des clients comme vous, on s'en passe", "tādi klienti kā jūs mums nav vajadzīgi"
    ("customers like you make our day" praises)."""
    return [
        spanning(like, unneeded)
        for like, unneeded in reading.near(
            reading.find("like_you"), reading.live("unneeded"), 8, seller_breaks=False
        )
    ]


def data_held(reading: Reading) -> list[Span]:
    """Where the seller says it holds the reviewer's address, data or pictures ("we have your
    address", "Die Adresse steht ja auf dem Lieferschein", "Abbiamo le immagini della
    telecamera", "mums ir kameras ieraksti"): a threat with a visit or a publication after it
    (`confronts`), perhaps in a later sentence."""
    return reading.find("your_data")


def confronts(reading: Reading) -> list[Span]:
    """A visit to sort the review out in person ("pay you a visit", "explain in person how
    things work", "von Angesicht zu Angesicht klären") or what is held put on show ("we will
    post them online", "le pubblicheremo", "nous les publierons", "opublikujemy je"): a
    threat after `data_held`; "we will never publish it" is none."""
    return reading.live("confront")


# How many words may stand between the seller and the review it hands on ("we have
# forwarded your review").
_HANDED_WORDS = 3


def _sellers_police(reading: Reading) -> list[Span]:
    """The police words not about the reviewer's own report ("I went to the police")."""
    return [call for call in reading.live("police") if not reviewers_own(reading, call)]


def _reported_review(reading: Reading) -> list[Span]:
    """The seller handing the review to the police ("we have passed your review to the
    police", "Nous avons transmis votre avis ... à la gendarmerie"): the seller at most three
    words before the review, the police later in the clause; not "we reported the theft you
    describe in your review to the police" nor the reviewer's own report."""
    text = reading.text
    found = []
    for call in _sellers_police(reading):
        start = clause_start(text, call[0])
        for review in reading.find("review"):
            if not start <= review[0] < call[0]:
                continue
            if any(
                start <= we[0]
                and we[1] <= review[0]
                and words_between(text, we[1], review[0]) <= _HANDED_WORDS
                for we in reading.seller()
            ):
                found.append(spanning(review, call))
                break
    return found + _police_unless(reading) + _handed_review(reading) + _police_on_return(reading)


# "In your review": what the review tells, not the review handed on ("the theft you describe
# in your review").
_IN_REVIEW = re.compile(
    r"(?<![^\W\d_])(?:in|im|dans|en|nella|nel|na|no|w|we|uit|from|aus)\s+(?:\w+\s+)?$"
)


def _handed_review(reading: Reading) -> list[Span]:
    """The review handed on to the police in one clause ("your review has been forwarded to the
    police", "Ihre Bewertung wurde an die Polizei weitergeleitet", "Jūsu atsauksme ir nodota
    policijai"): a review word, a word of handing on and the police in one clause, the review
    not what something is told in ("the theft described in your review")."""
    text = reading.text
    found = []
    for call in _sellers_police(reading):
        start, end = clause_start(text, call[0]), clause_end(text, call[1])
        hands = [h for h in reading.find("handed") if start <= h[0] and h[1] <= end]
        if not hands:
            continue
        for review in reading.find("review"):
            if not (start <= review[0] and review[1] <= end):
                continue
            if _IN_REVIEW.search(text, max(start, review[0] - 16), review[0]):
                continue
            found.append((min(review[0], call[0]), max(review[1], call[1])))
            break
    return found


def _police_unless(reading: Reading) -> list[Span]:
    """The police made a condition of the review: "if this review is not deleted, the
    recordings go to the police", "Ja šī atsauksme netiks dzēsta, ierakstus nodosim policijai",
    "if you post this again, we will call the police": "if" opening the sentence, a negation
    and a review word (or "again" and a review or posting word) after it, the police after all
    ("if your review describes a theft, please report it to the police" sets no condition).
    """
    text = reading.text
    found = []
    for call in _sellers_police(reading):
        start = sentence_start(text, call[0])
        opening = _IF_OPENING.match(text, start + len(text[start:]) - len(text[start:].lstrip()))
        if opening is None or opening.end() > call[0]:
            continue
        negation = reading.cues.negation
        again = _AGAIN.search(text, opening.end(), call[0]) is not None
        if (
            not again
            and not _NOT_DONE.search(text, opening.end(), call[0])
            and (negation is None or negation.search(text, opening.end(), call[0]) is None)
        ):
            continue
        # "If this review is not deleted ...", "if you post this again ...".
        named = [*reading.in_sentence("review", call[0])]
        if again:
            named += reading.in_sentence("publish", call[0])
        if any(opening.end() <= word[0] and word[1] <= call[0] for word in named):
            found.append((opening.start(), call[1]))
    return found


# The reviewer coming back: "if you come back", "wenn Sie sich hier noch einmal blicken
# lassen", "si se vuelve a aparecer por aquí", "revenez pas", "als u terugkomt", "se torna
# qui", "se voltar aqui", "jeśli Pan wróci", "ja atgriezīsieties", "再来".
_COMES_BACK = re.compile(
    r"(?<![^\W\d_])(?:come\s+back|comes\s+back|coming\s+back|show\s+(?:your\s+face|up)\s+"
    r"(?:here\s+)?again|set\s+foot\s+(?:in\s+here|here|in\s+our)|return\s+here|wiederkomm\w*|"
    r"(?:hier|bei\s+uns)\s+(?:noch\s*(?:ein)?mal|wieder)\s+(?:auftauch|blicken|sehen)\w*|"
    r"(?:noch\s*(?:ein)?mal|wieder)\s+(?:hier\s+)?blicken\s+lass\w*|vuelv\w*\s+(?:a\s+(?:venir|"
    r"aparecer|asomarse|entrar)|por\s+aqui)|volver\s+por\s+aqui|aparec\w+\s+por\s+aqui|"
    r"revene[zr]|reviens|revenir|remett\w+\s+les\s+pieds|terug(?:komt|komen|keert)|"
    r"komt\s+(?:\w+\s+)?terug|torn\w*\s+(?:qui|da\s+noi)|rimett\w+\s+piede|"
    r"si\s+fa\s+(?:ancora\s+)?vedere|volt\w*\s+(?:aqui|ca)|wroci\w*|pojawi\w*\s+(?:sie\s+)?"
    r"(?:tu|tutaj|u\s+nas)|atgriez\w+|paradisieties)(?![^\W\d_])|再来|再來|再出现|再出現"
)
# "Otherwise", "or else" between the coming back and the police: "revenez pas, sinon ...".
_OTHERWISE = re.compile(
    r"(?<![^\W\d_])(?:otherwise|or\s+else|sonst|ansonsten|si\s+no|de\s+lo\s+contrario|sinon|"
    r"anders|altrimenti|senao|caso\s+contrario|bo\s+inaczej|inaczej|citadi|preteja\s+gadijuma)"
    r"(?![^\W\d_])|否则|否則|不然"
)
# The French impersonal "on" calling: "on appelle la police".
_ON_CALLS = re.compile(r"(?<![^\W\d_])on\s+(?:\w+\s+){1,2}$")


def _police_on_return(reading: Reading) -> list[Span]:
    """The police called if the reviewer comes back: "If you show up here again, we call the
    police", "Si se vuelve a aparecer por aquí, le hablamos a la policía", "Revenez pas,
    sinon on appelle la police": the coming back earlier in the police's sentence, after an
    opening "if" or with "otherwise" between, and the seller calling in the police's clause.
    "If you come back for the bike, the police report is at the desk" has no one calling."""
    text = reading.text
    found = []
    for call in _sellers_police(reading):
        start = sentence_start(text, call[0])
        back = _COMES_BACK.search(text, start, call[0])
        if back is None:
            continue
        opening = _IF_OPENING.match(text, start + len(text[start:]) - len(text[start:].lstrip()))
        conditional = opening is not None and opening.end() <= back.start()
        if not conditional and _OTHERWISE.search(text, back.end(), call[0]) is None:
            continue
        clause = clause_start(text, call[0])
        if reading.seller_in_clause(call[0]) or _ON_CALLS.search(text, clause, call[0]):
            found.append((back.start(), call[1]))
    return found


# "Again": "if you post this again", "wenn Sie das noch einmal posten", "si vuelve a ...".
_AGAIN = re.compile(
    r"(?<![^\W\d_])(?:again|once\s+more|noch\s*(?:ein)?mal|erneut|wieder|de\s+nuevo|otra\s+vez|"
    r"vuelve\s+a|de\s+nouveau|encore|nogmaals|opnieuw|weer|di\s+nuovo|ancora|novamente|de\s+novo|"
    r"outra\s+vez|ponownie|znowu|jeszcze\s+raz|vel\s+reiz|atkal)(?![^\W\d_])|再次|又"
)


# Latvian negates the verb itself: "netiks dzēsta", "nebūs", "netiek".
_NOT_DONE = re.compile(r"(?<![^\W\d_])ne(?:tiks|tiek|bus|tika)(?![^\W\d_])")
# "If" opening a sentence, in the languages read.
_IF_OPENING = re.compile(
    r"(?:if|wenn|falls|si|se|jesli|jezeli|ja|als|indien|tenzij|unless|如果|若)(?![^\W\d_])"
)


def legal_services(reading: Reading) -> list[Span]:
    """The legal words that work for the reviewer (`_legal_service`)."""
    return [span for span in reading.find("legal") if _legal_service(reading, span)]


# How far a negation before a legal word reaches in its clause ("we never want a customer to
# feel they need a lawyer").
_LEGAL_NEGATION_WORDS = 8


def _unwanted(reading: Reading, legal: Span) -> bool:
    """Whether a negation earlier in the clause covers a legal word that is not the seller's
    ("we never want a customer to feel they need a lawyer"); "we will not hesitate to call
    our lawyers" and "don't make us sue" keep their threat: the seller stands between."""
    pattern = reading.cues.negation
    if pattern is None:
        return False
    start = clause_start(reading.text, legal[0])
    ends = [m.end() for m in pattern.finditer(reading.text, start) if m.end() <= legal[0]]
    if not ends or words_between(reading.text, ends[0], legal[0]) > _LEGAL_NEGATION_WORDS:
        return False
    return not any(ends[0] <= we[0] and we[1] <= legal[1] for we in reading.find("we"))


def _legal_service(reading: Reading, legal: Span) -> bool:
    """Whether a legal word works for the reviewer, not against them: under a negation that
    covers its sentence ("we never want a customer to feel they need a lawyer"), a lawyer
    said not to be needed (`assurances.needless`), recourse
    the reviewer is told is theirs by right (`_their_right`), or the
    seller's lawyers checking a warranty or the terms ("Notre service juridique a vérifié les
    conditions de garantie", "Mūsu jurists pārbaudīja garantijas noteikumus") in a sentence
    that names no review."""
    if _unwanted(reading, legal) or _their_right(reading, legal) or needless(reading, legal):
        return True
    # A law firm speaking of its own trade ("Als Anwaltskanzlei unterliegen wir der
    # Schweigepflicht"): the profession's names in that sentence are its own.
    if _PROFESSION.search(reading.text, legal[0], legal[1]) and _legal_trade(reading, legal):
        return True
    index = reading.sentence(legal[0])
    start = clause_start(reading.text, legal[0])
    # "your review" names the review, not a check of it.
    yours = [one[1] for one in reading.find("you")]
    named = {
        review
        for review in reading.in_sentence("review", legal[0])
        if any(at <= review[0] and not words_between(reading.text, at, review[0]) for at in yours)
    }
    checked = [
        span
        for span in reading.in_sentence("vetting", legal[0])
        if span != legal
        and clause_start(reading.text, span[0]) == start
        and not any(overlaps(span, review) for review in named)
    ]
    # "Our legal team reviewed the warranty" names no review.
    reviews = reading.in_sentence("review", legal[0]) + reading.in_sentence("rating", legal[0])
    if any(not any(overlaps(review, check) for check in checked) for review in reviews):
        return False
    return bool(checked) and any(
        reading.sentence(term[0]) == index for term in reading.find("terms")
    )


# "As a law firm", "Als Kanzlei", "En tant que cabinet d'avocats", "作为律师事务所": the seller
# naming its own trade at the opening of a clause.
_AS_TRADE = re.compile(
    r"\s*(?:as|als|en\s+tant\s+que|como|come|in\s+quanto|jako|ka|kā)\s+"
    r"(?:(?:a|an|une?|ein(?:e|er)?|een|uno?|una|um|uma|this|diese|dit|questo|este)\s+)?"
    r"(?:[^\W\d_]+\s+)?"
)
_CJK_TRADE = re.compile(r"(?:作为|作為|身为|身為)$|として$")
# The profession's names (not its acts: "sue", "verklagen" stay threats from a law firm too).
_PROFESSION = re.compile(
    r"anwalt|anwält|kanzlei|lawyer|law\s+firm|attorney|solicitor|avocat|cabinet|abogad|bufete|"
    r"despacho|avvocat|studio\s+legale|advogad|escritorio|advocat|kantoor|kancelari|prawnik|"
    r"adwokat|radc|jurist|advokat|律师|律師|弁護士"
)


def _legal_trade(reading: Reading, word: Span) -> bool:
    """Whether the seller names the law as its own trade in `word`'s sentence: a legal word
    right after "as" ("as a law firm", "als Anwaltskanzlei", "come studio legale") opening
    its clause."""
    text = reading.text
    for legal in reading.in_sentence("legal", word[0]):
        start = clause_start(text, legal[0])
        if _AS_TRADE.fullmatch(text, start, legal[0]) or _CJK_TRADE.search(text, start, legal[0]):
            return True
    return False


def scorned(reading: Reading) -> list[Span]:
    """Scorn for the review itself ("what a clueless, entitled review", "un commentaire aussi
    stupide", "qué reseña más ridícula", "your review is ridiculous"), not negated: a scornful
    word just before a review word, or just after it with at most an intensifier or a copula
    between ("the review about the stupid parking rules" scorns the rules)."""
    if not reading.find("scorn"):
        return []
    reviews = reading.find("review") + reading.find("rating")
    reviews += [match.span() for match in _COMPLAINT_NOUN.finditer(reading.text)]
    found = []
    for word, review in reading.near(
        reading.live("scorn"), reviews, 2, clause=True, seller_breaks=False
    ):
        if word[0] > review[0]:
            between = reading.text[review[1] : word[0]]
            if words_between(reading.text, review[1], word[0]) > 1 or (
                between.strip() and not _INTENSIFIER.fullmatch(between.strip())
            ):
                continue
        found.append(spanning(word, review))
    return found


# The complaint itself, scorned like the review: "what a ridiculous complaint", "une
# plainte ridicule", "qué queja más absurda", "这种投诉太可笑".
_COMPLAINT_NOUN = re.compile(
    r"(?<![^\W\d_])(?:complaints?|rant|moaning|beschwerde|klage|queja|reclamacion|plainte|"
    r"reclamation|klacht|lamentela|reclamo|reclamacao|queixa|skarga|reklamacja|sudziba)"
    r"(?![^\W\d_])|投诉|投訴|抱怨"
)
# What may stand between a review and the scorn after it: "reseña más ridícula", "avis
# vraiment stupide", "recensione così ridicola", "review is ridiculous".
_INTENSIFIER = re.compile(
    r"mas|mais|plus|piu|more|aussi|si|tellement|vraiment|cosi|tao|tak|zo|so|too|really|truly|"
    r"very|muy|tres|"
    r"molto|bardzo|erg|echt|loti|cik|wirklich|sehr|ganz|is|was|ist|war|es|fue|est|etait|e|"
    r"era|jest|byla|byl|ir|bija|是|很|太|真",
)
