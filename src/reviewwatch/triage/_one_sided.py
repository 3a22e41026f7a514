"""Whether a review speaks only of the product, or only of the seller, the order and the
delivery: the two one-sided text properties that Amazon's rules read.

The topics come from the word lists (`categories.word_list_categories`). The words in the
``[one_sided]`` table of ``data/grounds.toml`` decide whether the text says anything about
the product itself. Words about the thing (its size, battery, taste, that it works) count
wherever they stand. A general name of the thing ("the item", "der Artikel", "le produit",
"商品") and praise ("good", "parfait", "einwandfrei") count only in a clause that says nothing
of the order: "the item never arrived" is about the delivery, "good product" about the product.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from reviewwatch.triage._clauses import CLAUSE_STOPS, TURN
from reviewwatch.triage._lexicon import (
    ScriptMatchers,
    load_toml,
    normalize,
    script_matchers,
)
from reviewwatch.triage.analysis import Analysis, analyse
from reviewwatch.triage.categories import word_list_categories
from reviewwatch.triage.models import Category, GroundMatch

_PRODUCT_TOPICS = frozenset({"product_quality", "not_as_described"})
_ORDER_TOPICS = frozenset({"shipping_delay", "damaged_in_transit", "wrong_item"})
_SELLER_TOPICS = _ORDER_TOPICS | {"customer_service"}
# Where a clause ends: a stop, a comma, or a turn ("but", "aber", "mais", "但" ...).
_CLAUSE_BREAK = re.compile(f"[{re.escape(CLAUSE_STOPS)}]|{TURN.pattern}")
# The same, and "and" too: "the app is slow and the delivery was late" tells of two things.
_CLAUSE_OR_AND = re.compile(
    f"{_CLAUSE_BREAK.pattern}|(?<![^\\W\\d_])(?:and|und|et|y|e|en)(?![^\\W\\d_])|而且|并且|並且"
)
# A reason given: "because", "da", "car", "porque", "因为", "ので" ...
_BECAUSE = re.compile(
    r"(?<![^\W\d_])(?:because|since|as|da|weil|car|puisque|parce que|porque|ya que|"
    r"perche|poiche|omdat|want|pois)(?![^\W\d_])|因为|因為|ので|から"
)
# How many words (or CJK characters) before a word of praise a negation still reaches.
_NEGATION_REACH = 12


@dataclass(frozen=True)
class _Words:
    product: ScriptMatchers
    nouns: ScriptMatchers
    praise: ScriptMatchers
    sound_delivery: ScriptMatchers
    service_praise: ScriptMatchers
    order: ScriptMatchers
    events: ScriptMatchers
    ordered: ScriptMatchers
    sent_me: ScriptMatchers
    got: ScriptMatchers
    unjudged: ScriptMatchers
    negation: re.Pattern[str] | None
    site: frozenset[str]


@cache
def _words() -> _Words:
    table = load_toml("grounds.toml").get("one_sided", {})
    product = [*table.get("product_words", []), *table.get("product_words_cjk", [])]
    negations = sorted({normalize(str(word)) for word in table.get("negations", [])})
    latin = "|".join(re.escape(word) for word in negations if word.isascii())
    cjk = "|".join(re.escape(word) for word in negations if not word.isascii())
    parts = [f"(?<!\\w)(?:{latin})(?!\\w)" if latin else "", cjk]
    negation = "|".join(part for part in parts if part)
    return _Words(
        product=script_matchers(product),
        nouns=script_matchers(table.get("product_nouns", [])),
        praise=script_matchers(table.get("praise", [])),
        sound_delivery=script_matchers(table.get("sound_delivery", [])),
        service_praise=script_matchers(table.get("service_praise", [])),
        order=script_matchers(table.get("order_words", [])),
        events=script_matchers(table.get("order_events", [])),
        ordered=script_matchers(table.get("ordered_words", [])),
        sent_me=script_matchers(table.get("sent_me_words", [])),
        got=script_matchers(table.get("got_words", [])),
        unjudged=script_matchers(table.get("unjudged", [])),
        negation=re.compile(negation) if negation else None,
        site=frozenset(normalize(str(word)) for word in table.get("site_words", [])),
    )


def _spans(pair: ScriptMatchers, text: str) -> Iterator[tuple[int, int]]:
    for matcher in pair:
        for start, end, _ in matcher.finditer(text):
            yield start, end


def _clause(text: str, position: int, breaks: re.Pattern[str] = _CLAUSE_BREAK) -> tuple[int, int]:
    """The span of the clause holding `position`."""
    start = 0
    for match in breaks.finditer(text):
        if match.start() > position:
            return start, match.start()
        start = max(start, match.end())
    return start, len(text)


def _negated(text: str, start: int, end: int) -> bool:
    """Whether a negation stands shortly before text[start:end] in its clause, or inside it
    ("the packaging was not intact"); `end` is `start` for a word that holds one itself
    ("不错")."""
    negation = _words().negation
    window = text[max(_clause(text, start)[0], start - _NEGATION_REACH) : end]
    return negation is not None and negation.search(window) is not None


def _order_places(
    analysis: Analysis, complaints: tuple[str, ...] = (), events: tuple[str, ...] = ()
) -> list[int]:
    """Where the text speaks of the order: its words of the order, the words by which the
    category lists found an order complaint ("immer noch nicht da") and the order events
    found ("kein Produkt")."""
    folded = analysis.folded
    places = [start for start, _ in _spans(_words().order, folded)]
    # A complaint that holds the name of the thing ("anderes Produkt") may be the lists'
    # misreading ("lieber ein anderes Produkt kaufen"): the name keeps speaking for itself.
    complaints = tuple(
        quoted
        for quoted in complaints
        if next(_spans(_words().nouns, normalize(quoted)), None) is None
    )
    for quoted in (*complaints, *events):
        word = normalize(quoted)
        place = folded.find(word) if word else -1
        while place >= 0:
            places.append(place)
            place = folded.find(word, place + 1)
    return places


def _in_order_clause(
    text: str, start: int, places: list[int], breaks: re.Pattern[str] = _CLAUSE_BREAK
) -> bool:
    first, last = _clause(text, start, breaks)
    return any(first <= place < last for place in places)


def mentions_product(
    analysis: Analysis, complaints: tuple[str, ...] = (), events: tuple[str, ...] = ()
) -> bool:
    """Whether the text says anything about the product itself; `complaints` are the words
    by which the category lists found an order complaint, `events` the order events found."""
    words = _words()
    folded = analysis.folded
    if next(_spans(words.product, folded), None) is not None:
        return True
    # A name of the thing or praise counts only in a clause that is not about the order.
    named = list(_spans(words.nouns, folded))
    named += [
        (start, end)
        for start, end in _spans(words.praise, folded)
        if not _negated(folded, start, start)
    ]
    if not named:
        return False
    places = _order_places(analysis, complaints, events)
    return any(not _in_order_clause(folded, start, places) for start, _ in named)


def _labelled(text: str, end: int) -> bool:
    """Whether a colon follows the word that ends at `end` ("Commandé : ...")."""
    return text[end : end + 3].lstrip().startswith(":")


def _order_events(analysis: Analysis) -> list[str]:
    """What the text tells of the order that the category lists may not name: a cancelled
    order, a refund not paid, an empty parcel ..., or one thing ordered and another sent."""
    words = _words()
    folded = analysis.folded
    found = [analysis.quote(start, end) for start, end in _spans(words.events, folded)]
    ordered = sorted(_spans(words.ordered, folded))
    if ordered:
        first = ordered[0][0]
        found += [
            analysis.quote(start, end)
            for start, end in _spans(words.sent_me, folded)
            if start > first
        ]
        labels = [start for start, end in ordered if _labelled(folded, end)]
        if labels:
            found += [
                analysis.quote(start, end)
                for start, end in _spans(words.got, folded)
                if start > labels[0] and _labelled(folded, end)
            ]
    return found


def _came_sound(analysis: Analysis) -> bool:
    """Whether the text says the parcel came through sound ("emballage intact", "gut
    angekommen"): a fault it tells of then is the thing's own, not its transport's."""
    folded = analysis.folded
    return any(
        not _negated(folded, start, end) for start, end in _spans(_words().sound_delivery, folded)
    )


def _not_the_product(analysis: Analysis, evidence: tuple[str, ...]) -> bool:
    """Whether a usability finding rests on the shop's website ("the site said it was
    delivered") or on words said of the order ("Lieferung sehr langsam") alone: neither is
    the product."""
    site = _words().site
    folded = analysis.folded
    places = _order_places(analysis)
    for quoted in evidence:
        word = normalize(quoted)
        if word in site:
            continue
        place = folded.find(word) if word else -1
        if place < 0 or not _in_order_clause(folded, place, places, _CLAUSE_OR_AND):
            return False
    return True


def _without_unjudged(analysis: Analysis) -> Analysis | None:
    """The text without the clauses that say the product cannot be judged ("zum Produkt kann
    ich nichts sagen, da es nie ankam" keeps "da es nie ankam"), or None where it has none."""
    folded = analysis.folded
    cues = [start for start, _ in _spans(_words().unjudged, folded)]
    if not cues:
        return None
    kept, position = [], 0
    for cue in cues:
        start, end = _clause(folded, cue)
        # The reason given ("because it never came") is not part of what cannot be judged.
        before = [m.end() for m in _BECAUSE.finditer(folded, start, cue)]
        after = _BECAUSE.search(folded, cue, end)
        start, end = max([start, *before]), after.start() if after else end
        if start >= position:
            kept.append(analysis.quote(position, start))
            position = end
    kept.append(analysis.quote(position, len(folded)))
    return analyse("\n".join(part for part in kept if part.strip()))


def _seller_only(analysis: Analysis, categories: tuple[Category, ...]) -> GroundMatch | None:
    """The evidence that the text speaks only of the seller, the order and the delivery."""
    by_name = {category.name: category.evidence for category in categories}
    names = set(by_name)
    # Complaints about "customer service" alone may be about the maker, so an order or
    # delivery topic must be there too, and no word about the product itself. An app or
    # device that is hard to use is the product; the shop's website is not.
    if names & _PRODUCT_TOPICS or (
        "usability" in names and not _not_the_product(analysis, by_name["usability"])
    ):
        return None
    order = names & _ORDER_TOPICS
    # A parcel that came through sound leaves any damage, and any event, with the thing
    # (looked for only where it can change the answer: it is one more reading of the text).
    sound = "damaged_in_transit" in order and _came_sound(analysis)
    if sound:
        order.discard("damaged_in_transit")
    # What the lists do not name: a cancelled order, a refund not paid, another thing sent.
    events = [] if order or sound else _order_events(analysis)
    if events and _came_sound(analysis):
        events = []
    # The words of an order complaint mark its clause as the order's; customer service
    # words do not ("Frechheit" is said of anything).
    complaints = tuple(word for name in sorted(order) for word in by_name[name])
    if not (order or events) or mentions_product(analysis, complaints, tuple(events)):
        return None
    seller = names & _SELLER_TOPICS
    evidence = tuple(word for name in sorted(seller) for word in by_name[name])
    return GroundMatch("product_review_is_seller_feedback", (*evidence, *events))


def _service_spoken_of(analysis: Analysis) -> bool:
    """Whether the text says anything of the seller's service, good or bad ("Envío rápido, eso
    sí", "snel geleverd", "bien emballé"): feedback that does is not about the product alone."""
    folded = analysis.folded
    words = _words()
    return any(
        not _negated(folded, start, end)
        for pair in (words.service_praise, words.sound_delivery)
        for start, end in _spans(pair, folded)
    )


def _product_only(analysis: Analysis, names: set[str]) -> tuple[str, ...]:
    """The words about the thing (`mentions_product`) in a text whose only complaint is a
    plain one (`other`, or none the lists name: "Perceuse sans aucune puissance ... A
    éviter"), where nothing is said of the order or the delivery."""
    if names - {"other"}:
        return ()
    if _order_places(analysis) or _order_events(analysis) or not mentions_product(analysis):
        return ()
    folded, words = analysis.folded, _words()
    return tuple(
        analysis.quote(start, end)
        for pair in (words.product, words.nouns)
        for start, end in _spans(pair, folded)
    )


def one_sided(
    analysis: Analysis, language: str, categories: tuple[Category, ...]
) -> list[GroundMatch]:
    """Whether the text speaks only of the product, or only of seller and delivery."""
    by_name = {category.name: category.evidence for category in categories}
    names = set(by_name)
    product = names & _PRODUCT_TOPICS
    result = []
    if not names & (_SELLER_TOPICS | {"usability", "price_value"}):
        evidence = tuple(word for name in sorted(product) for word in by_name[name])
        evidence = evidence or _product_only(analysis, names)
        if evidence and not _service_spoken_of(analysis):
            result.append(GroundMatch("seller_feedback_is_product_review", evidence))
    # A sentence saying the product cannot be judged says nothing about it: the rest decides.
    rest = _without_unjudged(analysis)
    if rest is not None:
        analysis, categories = rest, word_list_categories(rest, language)
    seller_only = _seller_only(analysis, categories)
    if seller_only is not None:
        result.append(seller_only)
    return result
