"""Price deals advertised in a reply: a price for something on a recurring day or for a
limited time ("jeden Dienstag alle Schnitzel für 9,90 €", "solo per questo mese, aperitivo a
5 €", "every Friday, burgers for $8"). A price told about the reviewer's own order or refund
("the 9.90 € were refunded on Tuesday") advertises nothing."""

from __future__ import annotations

import re

from reviewwatch.triage._clauses import Span, sentence_start
from reviewwatch.triage._concept_words import folded_pattern
from reviewwatch.triage._concepts import Reading

# A price: an amount with its currency, either way round ("9,90 €", "€9.90", "5 euro",
# "20 zł", "30元").
_PRICE = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d{1,2})?\s*(?:€|eur\b|euros?\b|\$|£|zl\b|zlotych|元|块)|"
    r"(?:€|\$|£|r\$|eur\s)\s*\d+(?:[.,]\d{1,2})?"
)
_CURRENCY_MARKS = ("€", "$", "£", "eur", "zl", "元", "块")
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|wochenende|"
    r"lunes|martes|miercoles|jueves|viernes|sabado|domingo|fin\s+de\s+semana|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|week-?end|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    r"lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|"
    r"segunda|terca|quarta|quinta|sexta|"
    r"poniedzia\w+|wtor\w+|srod\w+|czwart\w+|piat\w+|sobot\w+|niedziel\w+|"
    r"pirmdien\w*|otrdien\w*|tresdien\w*|ceturtdien\w*|piektdien\w*|sestdien\w*|svetdien\w*)s?"
)
# A deal's time: a recurring day, "this month only", "until Sunday", "from Monday", happy
# hour, in the ten languages.
_DEAL_TIME = re.compile(
    folded_pattern(
        r"(?<![^\W\d_])(?:(?:every|each|jeden|jede|todos\s+los|todas\s+las|tous\s+les|"
        r"toutes\s+les|elke|iedere|ogni|todas?\s+as|todos\s+os|w\s+ka[zż]d\w*|katru|katra)\s+"
        + _WEEKDAY
        + r"|(?:this|next)\s+(?:month|week)\s+only|only\s+(?:this|until)\s+\w+|today\s+only|"
        r"(?:until|till|from)\s+" + _WEEKDAY + r"|happy\s+hour|"
        r"nur\s+(?:diesen|diese|im)\s+\w+|(?:ab|bis)\s+" + _WEEKDAY + r"|"
        r"solo\s+(?:este|esta|per\s+questo|per\s+questa|questo|questa)\s+\w+|"
        r"(?:hasta|desde|a\s+partir\s+del?)\s+(?:el\s+)?" + _WEEKDAY + r"|"
        r"(?:ce\s+mois-ci|cette\s+semaine)\s+seulement|seulement\s+(?:ce|cette)\s+\w+|"
        r"(?:jusqu'a|des|a\s+partir\s+de)\s+" + _WEEKDAY + r"|"
        r"(?:alleen|enkel)\s+deze\s+\w+|(?:tot|vanaf)\s+" + _WEEKDAY + r"|"
        r"(?:fino\s+a|da)\s+" + _WEEKDAY + r"|"
        r"(?:so|somente|apenas)\s+(?:este|esta|neste|nesta)\s+\w+|(?:ate|a\s+partir\s+de)\s+"
        + _WEEKDAY
        + r"|tylko\s+w\s+tym\s+\w+|(?:do|od)\s+"
        + _WEEKDAY
        + r"|tikai\s+(?:somenes|sonedel|sodien)|lidz\s+"
        + _WEEKDAY
        + r")(?![^\W\d_])|每(?:周|週|逢|个|個)|本(?:月|周|週)(?:内|內)?(?:限|特价|特價)|"
        r"限时|限時|仅限|僅限"
    )
)
# A refund or a charge told in the sentence, or a surcharge or fee explained: the price is
# the reviewer's own money or a cost, not a deal ("Every Tuesday delivery costs €5 extra").
_OWN_MONEY = re.compile(
    r"refund|reimburs|charg|erstatt|ruckzahl|zuruck|abgebucht|reembols|devol|cobr|rembours|"
    r"debit|factur|terugbetaal|teruggestort|terug|rimbors|restitu|addebit|zwrot|zwroc|"
    r"obciaz|atmaks|atgriez|退款|退还|退還|扣款|"
    r"(?<![^\W\d_])(?:extra|in\s+piu|surcharge|aufpreis|zuschlag|aufschlag|supplement\w*|"
    r"de\s+plus|recargo|a\s+mais|toeslag|dodatkow\w*|doplat\w*|papildus|fees?|gebuhr\w*|"
    r"frais|spese|taxa|oplat\w*|delivery|lieferung|versand|consegna|entrega|envio|livraison|"
    r"bezorging|levering|verzending|spedizione|dostaw\w*|piegad\w*)(?![^\W\d_])|运费|運費|配送费"
)


def deals(reading: Reading) -> list[Span]:
    """A price in a sentence that also names a deal's time, where no refund or charge of
    the reviewer's own money is told."""
    text = reading.text
    # Most replies name no currency: a containment test spares them the price scan.
    if not any(mark in text for mark in _CURRENCY_MARKS):
        return []
    found: list[Span] = []
    for price in _PRICE.finditer(text):
        # The sentence around the price, whose own dot ("9.90 €") is no stop.
        start = sentence_start(text, price.start())
        end = reading.sentence_end(reading.sentence(price.end() - 1))
        time = _DEAL_TIME.search(text, start, end)
        if time is None or _OWN_MONEY.search(text, start, end):
            continue
        found.append((min(time.start(), price.start()), max(time.end(), price.end())))
    return found
